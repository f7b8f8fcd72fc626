"""Issue 17, seventh round: a line that starts with an equation and goes on in words is read up to the
words, never dropped (dropped, its left side became a signal no equation defines, read as an input:
a silent wrong count, as `fₜ = sigmoid(W_f · [hₜ₋₁, xₜ])   ← quoi oublier ?` was); an arrow after an
equation is a comment; `- update gate` after a numbered step is a dash, not a minus. Counts are
checked against torch modules."""
from __future__ import annotations

import os

import pytest

import symcount

torch = pytest.importorskip("torch") if not os.environ.get("CI") else __import__("torch")
nn = torch.nn


def n_params(module) -> int:
    return sum(p.numel() for p in module.parameters())


def _each_counted_as_the_lstm_or_refused(rows, tails, at, wrap) -> None:
    """Each tail after each row `at`, the rows wrapped: the LSTM's count (one bias per gate), or a
    refusal; never another count with exit 0."""
    lstm = n_params(nn.LSTMCell(7, 5)) - 4 * 5
    for tail in tails:
        for k in at:
            changed = list(rows)
            changed[k] += tail
            try:
                d = symcount.derive(wrap(changed))
            except symcount.SymcountError:
                continue
            assert d.evaluate(d_x=7, d_h=5) == lstm, (tail, k)


def concat_lstm(x: int, h: int, bias: bool) -> nn.Module:
    """Four gates, each a Linear of [h, x]."""
    return nn.ModuleList(nn.Linear(h + x, h, bias=bias) for _ in range(4))


ARROWS = """```text
Entrée: xₜ, hₜ₋₁, cₜ₋₁

1. fₜ = sigmoid(W_f · [hₜ₋₁, xₜ])        ← quoi oublier ?
2. iₜ = sigmoid(W_i · [hₜ₋₁, xₜ])        ← quoi ajouter ?
3. ĉₜ = tanh(W_c · [hₜ₋₁, xₜ])           ← valeur à ajouter
4. cₜ = fₜ * cₜ₋₁ + iₜ * ĉₜ              ← mémoire mise à jour
5. oₜ = sigmoid(W_o · [hₜ₋₁, xₜ])        ← quoi sortir ?
6. hₜ = oₜ * tanh(cₜ)                    ← sortie
```
"""


@pytest.mark.parametrize("arrow", ["←", "<-", "⟵"])
def test_an_arrow_after_an_equation_is_a_comment(arrow):
    d = symcount.derive(ARROWS.replace("←", arrow))
    assert d.evaluate(d_x=7, d_h=5) == n_params(concat_lstm(7, 5, bias=False))
    assert sorted(p.name for p in d.shapes.params) == ["W_c", "W_f", "W_i", "W_o"]


def test_an_equation_then_words_is_read_up_to_the_words():
    text = ("Forward pass:\n\n"
            "    h_t = tanh(W_xh x_t + W_hh h_{t-1} + b_h)   computes the new hidden state\n"
            "    y_t = W_hy h_t + b_y   gives the output\n")
    d = symcount.derive(text)
    assert d.evaluate(d_x=7, d_h=5, d_y=3) == n_params(nn.RNNCell(7, 5)) - 5 + n_params(nn.Linear(5, 3))


def test_a_dash_before_words_is_no_minus_but_an_operator_before_words_is_refused():
    steps = ("1. z = sigmoid(W_z @ x + R_z @ h + b_z) - update gate\n"
             "2. r = sigmoid(W_r @ x + R_r @ h + b_r) - reset gate\n"
             "3. n = tanh(W_h @ x + R_h @ (r * h) + b_h) - candidate hidden\n"
             "4. h_new = (1 - z) * n + z * h - output hidden\n")
    d = symcount.derive(steps)
    gru = n_params(nn.GRUCell(7, 5)) - 3 * 5  # one bias per gate
    assert d.evaluate(d_x=7, d_h=5) == gru  # h_new = (1 - z) * n + z * h: h is the state, h_new its next value
    with pytest.raises(symcount.SymcountError):  # `+ bias term`: the words are the operand, never dropped
        symcount.derive("    h_t = tanh(W x_t + U h_{t-1} + bias term here)\n    y_t = V h_t +  the bias vector\n")


def test_a_step_whose_line_cannot_be_read_refuses_the_count():
    """A numbered step that defines a gate and does not read (prose inside its call) is named, never
    dropped: the gate would be read as an input and its weights left out."""
    text = ARROWS.replace("1. fₜ = sigmoid(W_f · [hₜ₋₁, xₜ])        ← quoi oublier ?",
                          "1. fₜ = sigmoid(W_f · [hₜ₋₁, xₜ] where the weights are W_f)")
    with pytest.raises(symcount.SymcountError, match="cannot read the line that defines f"):
        symcount.derive(text.replace(" where the weights are W_f)", " plus the bias term)"))
    d = symcount.derive(text)  # ` where ...` ends the equation; its parenthesis closed there, with a note
    assert d.evaluate(d_x=7, d_h=5) == n_params(concat_lstm(7, 5, bias=False))
    assert any("clos" in n for n in d.shapes.notes)


@pytest.mark.parametrize("label", ["  (forget gate)", " -- forget gate", " - forget gate", " [forget gate]"])
def test_words_inside_the_math_are_refused_never_a_weight(label):
    """`(forget gate)` after an equation in $$...$$ was `forget` a weight times an input `gate`."""
    text = f"$$ f_t = \\sigma(W_f x_t + U_f h_{{t-1}} + b_f){label} $$\n$$ h_t = f_t \\odot \\tanh(W x_t + U h_{{t-1}}) $$"
    with pytest.raises(symcount.SymcountError, match="forget gate` are written inside the math"):
        symcount.derive(text)
    labelled = symcount.derive(text.replace(label, " \\quad \\text{(forget gate)}"))
    assert labelled.evaluate(d_x=7, d_h=5) == 2 * (5 * 7 + 5 * 5) + 5


def test_one_word_stays_a_name():
    d = symcount.derive("$$ h_t = \\tanh(W x_t + U h_{t-1} + bias) $$")
    assert d.evaluate(d_x=7, d_h=5) == n_params(nn.RNNCell(7, 5)) - 5


ROWS = {"ascii": ["f_t = sigmoid(W_f x_t + U_f h_{t-1} + b_f)", "i_t = sigmoid(W_i x_t + U_i h_{t-1} + b_i)",
                  "o_t = sigmoid(W_o x_t + U_o h_{t-1} + b_o)", "g_t = tanh(W_g x_t + U_g h_{t-1} + b_g)",
                  "c_t = f_t * c_{t-1} + i_t * g_t", "h_t = o_t * tanh(c_t)"],
        "unicode": ["fₜ = σ(W_f xₜ + U_f hₜ₋₁ + b_f)", "iₜ = σ(W_i xₜ + U_i hₜ₋₁ + b_i)", "oₜ = σ(W_o xₜ + U_o hₜ₋₁ + b_o)",
                    "gₜ = tanh(W_g xₜ + U_g hₜ₋₁ + b_g)", "cₜ = fₜ ⊙ cₜ₋₁ + iₜ ⊙ gₜ", "hₜ = oₜ ⊙ tanh(cₜ)"]}
TAILS = ["  (forget gate)", " -- forget gate", " : the forget gate", ", the forget gate", " which is the forget gate",
         "  # forget gate", "   ← forget gate", "   => forget gate", " — forget gate", "   forget gate", " - forget gate",
         "  -> forget gate", " | forget gate", " => f", " ; forget gate", " where W_f is a matrix"]
WRAPS = {"lines": lambda rows: "\n".join(rows) + "\n", "bullets": lambda rows: "\n".join("- " + r for r in rows) + "\n",
         "numbered": lambda rows: "\n".join(f"{k + 1}. " + r for k, r in enumerate(rows)) + "\n",
         "fence": lambda rows: "```\n" + "\n".join(rows) + "\n```\n",
         "indented": lambda rows: "Equations:\n\n" + "\n".join("    " + r for r in rows) + "\n"}


@pytest.mark.parametrize("style", sorted(ROWS))
@pytest.mark.parametrize("wrap", sorted(WRAPS))
def test_a_remark_after_a_plain_text_equation_never_changes_the_count(style, wrap):
    """Each remark after a gate's line: the count is the LSTM's, or the text is refused; never a count
    without that gate (its line dropped, its signal read as an input: what `-- forget gate` gave)."""
    _each_counted_as_the_lstm_or_refused(ROWS[style], TAILS, (0, 3, 5), WRAPS[wrap])


HEADS = ["Forget gate: ", "**Forget gate**: ", "(1) ", "Step 1: ", "1) ", "* ", "> ", "Then ", "We have ", "[1] ",
         "Eq. 1: ", "• ", "- **f**: ", "    - ", "Forget gate (f): ", "→ ", "1.1 ", "a) ", "i. ", "Where ", "| ", "# "]


@pytest.mark.parametrize("style", sorted(ROWS))
@pytest.mark.parametrize("wrap", ["lines", "fence"])
def test_a_label_before_a_plain_text_equation_is_not_math(style, wrap):
    """`(1) f_t = ...`, `Step 1: f_t = ...`, `→ f_t = ...`: the equation after its label is read (each
    was refused; a Unicode-timed one, `(1) fₜ = σ(...)`, was dropped: a three-gate LSTM with exit 0)."""
    lstm = n_params(nn.LSTMCell(7, 5)) - 4 * 5
    for head in HEADS:
        for k in (0, 3, 5):
            rows = list(ROWS[style])
            rows[k] = head + rows[k]
            d = symcount.derive(WRAPS[wrap](rows))
            assert d.evaluate(d_x=7, d_h=5) == lstm, (head, k)


def test_a_long_sentence_before_an_equation_is_prose_not_a_label():
    text = "The standard or vanilla RNN computes h_t = tanh(W_hh h_{t-1} + W_xh x_t + b_h), where tanh is elementwise\n"
    assert symcount.derive(text).evaluate(d_x=7, d_h=5) == n_params(nn.RNNCell(7, 5)) - 5


@pytest.mark.parametrize("remark", [r" \;\; (\text{output})", r" \quad (\textit{the new state})", r" (\mathrm{output}) \\[2pt]"])
def test_a_remark_in_parentheses_at_a_rows_end_is_no_operand(remark):
    """`h_t = o_t \\odot \\tanh(c_t) \\;\\; (\\text{output})` was tanh(c_t) times a weight `output`."""
    rows = [r"f_t = \sigma(W_f x_t + U_f h_{t-1} + b_f)", r"i_t = \sigma(W_i x_t + U_i h_{t-1} + b_i)",
            r"o_t = \sigma(W_o x_t + U_o h_{t-1} + b_o)", r"g_t = \tanh(W_g x_t + U_g h_{t-1} + b_g)",
            r"c_t = f_t \odot c_{t-1} + i_t \odot g_t", r"h_t = o_t \odot \tanh(c_t)" + remark]
    d = symcount.derive("\\begin{align}\n" + " \\\\\n".join(rows) + "\n\\end{align}\n")
    assert d.evaluate(d_x=7, d_h=5) == n_params(nn.LSTMCell(7, 5)) - 4 * 5


@pytest.mark.parametrize("tail", ["", " [output layer]", r" \quad \text{output layer}", " (output layer)", "   ← output",
                                  " -- output layer", "  # output layer", " : the output layer"])
def test_a_readout_line_with_a_remark_is_read_or_refused_never_dropped(tail):
    """A readout is used by no other equation: dropped, nothing noticed it (`y_t = W_hy h_t + b_y [output
    layer]` counted the RNN without its output layer, exit 0)."""
    text = "h_t = tanh(W_hh h_{t-1} + W_xh x_t + b_h)\ny_t = W_hy h_t + b_y" + tail + "\n"
    try:
        d = symcount.derive(text)
    except symcount.SymcountError:
        return
    assert d.evaluate(d_x=7, d_h=5, d_y=3) == n_params(nn.RNNCell(7, 5)) - 5 + n_params(nn.Linear(5, 3))


def test_html_paragraphs_and_line_breaks_around_web_math():
    """A web page's equations with <sub> indices, one per paragraph or line (`<p>...</p>`, `<br>`)."""
    rows = ["f<sub>t</sub> = σ(W<sub>f</sub> · [h<sub>t-1</sub>, x<sub>t</sub>] + b<sub>f</sub>)",
            "i<sub>t</sub> = σ(W<sub>i</sub> · [h<sub>t-1</sub>, x<sub>t</sub>] + b<sub>i</sub>)",
            "g<sub>t</sub> = tanh(W<sub>g</sub> · [h<sub>t-1</sub>, x<sub>t</sub>] + b<sub>g</sub>)",
            "c<sub>t</sub> = f<sub>t</sub> * c<sub>t-1</sub> + i<sub>t</sub> * g<sub>t</sub>",
            "o<sub>t</sub> = σ(W<sub>o</sub> · [h<sub>t-1</sub>, x<sub>t</sub>] + b<sub>o</sub>)",
            "h<sub>t</sub> = o<sub>t</sub> * tanh(c<sub>t</sub>)"]
    lstm = n_params(nn.LSTMCell(7, 5)) - 4 * 5
    for text in ("<br>\n".join(rows), "\n".join(f'<p class="eq">{r}</p>' for r in rows),
                 "\n".join(f"<span>{r}</span><br/>" for r in rows)):
        assert symcount.derive(text).evaluate(d_x=7, d_h=5) == lstm


@pytest.mark.parametrize("text", ["h⁽ᵗ⁾ = tanh(W h⁽ᵗ⁻¹⁾ + U x⁽ᵗ⁾ + b)",
                                  "{{math|''h''<sub>''t''</sub> {{=}} tanh(''W''<sub>''hh''</sub>''h''<sub>''t''−1</sub> "
                                  "+ ''W''<sub>''xh''</sub>''x''<sub>''t''</sub> + ''b'')}}"])
def test_unicode_superscript_steps_and_wikipedia_math_templates(text):
    """`h⁽ᵗ⁻¹⁾` is h^{(t-1)} as Unicode writes it; Wikipedia's {{math|...}} with its italics and {{=}}."""
    assert symcount.derive(text).evaluate(d_x=7, d_h=5) == n_params(nn.RNNCell(7, 5)) - 5


@pytest.mark.parametrize("text", [
    r"$$ h_t = \tanh(\color{red}{W_{hh}} h_{t-1} + \textcolor{blue}{W_{xh}} x_t + {\color{green} b_h}) $$",
    r"$$ h_t = \tanh(\boxed{W_{hh}} h_{t-1} + \colorbox{yellow}{W_{xh}} x_t + \bbox[yellow,5px]{b_h}) $$",
    r"$$ h_t = \tanh(\underbrace{W_{hh} h_{t-1}}_{\text{recurrent}} + \overbrace{W_{xh} x_t}^{\text{input}} + b_h) $$"])
def test_colours_and_boxes_mark_the_math_they_hold(text):
    """A Q&A answer highlights a term: `\\color{red}{W}`, `\\boxed{W}`; the mark is no operand."""
    assert symcount.derive(text).evaluate(d_x=7, d_h=5) == n_params(nn.RNNCell(7, 5)) - 5


@pytest.mark.parametrize("call", [r"\mathrm{concat}(h_{t-1}, x_t)", r"\text{cat}(h_{t-1}, x_t)", r"\operatorname{stack}(h_{t-1}, x_t)",
                                  r"\mathrm{concatenate}(h_{t-1}, x_t)"])
def test_a_concatenation_written_as_a_call(call):
    """`W \\mathrm{concat}(h_{t-1}, x_t)` had W d_h x d_h (concat read as an activation of its first argument)."""
    d = symcount.derive(f"$$ h_t = \\tanh(W\\,{call} + b) $$")
    assert d.evaluate(d_x=7, d_h=5) == n_params(nn.RNNCell(7, 5)) - 5


def test_an_unknown_function_of_several_vectors_is_refused_a_known_one_is_elementwise():
    with pytest.raises(symcount.SymcountError, match="of several vectors"):
        symcount.derive(r"$$ h_t = \tanh(W\,\mathrm{foo}(h_{t-1}, x_t) + b) $$")
    d = symcount.derive(r"$$ h_t = \max(W x_t, U h_{t-1}) $$")
    assert d.evaluate(d_x=7, d_h=5) == 5 * 7 + 5 * 5


@pytest.mark.parametrize("bar", [r"\|", "∥", r"\Vert", r"\parallel"])
def test_a_bar_between_a_brackets_items_is_a_concatenation(bar):
    d = symcount.derive(f"$$ h_{{t}} = \\tanh(W [h_{{t{{-}}1}} {bar} x_t] + b) $$")  # and t{{-}}1: braces around a sign
    assert d.evaluate(d_x=7, d_h=5) == n_params(nn.RNNCell(7, 5)) - 5


@pytest.mark.parametrize("tail", [" : the forget gate", "   => forget gate", "  -> forget gate", " | forget gate", " => f",
                                  " ⇒ forget gate", " where W_f is a matrix"])
def test_a_remark_after_a_separator_is_read_as_a_remark(tail):
    rows = list(ROWS["ascii"])
    rows[0] += tail
    d = symcount.derive("\n".join(rows) + "\n")
    assert d.evaluate(d_x=7, d_h=5) == n_params(nn.LSTMCell(7, 5)) - 4 * 5


LEGEND = """// The unit could be defined using the following parameters:
//   x_{t} = input_.row(t)          - input vector
//   u_{t} = update_.row(t)         - update gate
//   h_{t} = output.row(t)          - actual hidden state (output vector)
//
// Matrices:
//   I^{u} = syn_update_in_          W^{u} = syn_update_out_
//   I^{q} = syn_quasihidden_in_     W^{q} = syn_quasihidden_out_
// Vectors:
//   b^{u} = bias_update_
//
//  u_{t} = \\sigma(I^u x_t + W^u h_{t - 1} + b^u)
//  q_{t} = tanh(I^q x_t + W^q h_{t - 1})
//  h_{t} = h_{t - 1} .*. (1 - u_t) +  q_{t} .*. u_t
"""


def test_a_legend_naming_the_codes_variables_is_no_equation_and_must_agree():
    """faster-rnnlm's comments name each symbol's member (`I^{u} = syn_update_in_`); `.*.` is its
    elementwise product. A symbol the legend names and no equation uses is a disagreement: refused."""
    d = symcount.derive(LEGEND)
    assert d.evaluate(d_x=7, d_h=5) == 2 * (5 * 7 + 5 * 5) + 5
    with pytest.raises(symcount.SymcountError, match="named in a legend"):
        symcount.derive(LEGEND.replace("q_{t} = tanh(I^q x_t", "q_{t} = tanh(I^u x_t"))


def test_a_trailing_where_ends_a_line_of_code():
    """MPSGraph's `h[t] = o[t]g(c[t]), where` before the list of what the symbols are."""
    text = ("```md\n  h[t] = tanh(W x[t] + U h[t-1] + b), where\n```\n`W` is the input weight, `U` the recurrent one.\n")
    assert symcount.derive(text).evaluate(d_x=7, d_h=5) == n_params(nn.RNNCell(7, 5)) - 5


@pytest.mark.parametrize("text", [r"$$h_t = \tanh(W x_t + U h_{t-1} + b)，$$",
                                  "La sortie : h_t = tanh(W x_t + U h_{t-1} + b), où W est une matrice.",
                                  "Die Ausgabe: h_t = tanh(W x_t + U h_{t-1} + b), wobei W eine Matrix ist.",
                                  "La salida: h_t = tanh(W x_t + U h_{t-1} + b), donde W es una matriz."])
def test_other_languages_punctuation_and_where(text):
    assert symcount.derive(text).evaluate(d_x=7, d_h=5) == n_params(nn.RNNCell(7, 5)) - 5


@pytest.mark.parametrize("step", [r"\tau", "s", "n", "k"])
def test_the_step_letter_is_whichever_index_carries_the_offsets(step):
    """Issue 17's floor: t, k, n, τ, s (h_{\\tau-1} was a signal of its own, not h one step before)."""
    d = symcount.derive(f"$$ h_{{{step}}} = \\tanh(W x_{{{step}}} + U h_{{{step}-1}} + b) $$")
    assert sorted(s.name for s in d.shapes.signals) == ["h", "x"]
    assert d.evaluate(d_x=7, d_h=5) == n_params(nn.RNNCell(7, 5)) - 5


LATEX_ROWS = [r"f_t = \sigma(W_f x_t + U_f h_{t-1} + b_f)", r"i_t = \sigma(W_i x_t + U_i h_{t-1} + b_i)",
              r"o_t = \sigma(W_o x_t + U_o h_{t-1} + b_o)", r"g_t = \tanh(W_g x_t + U_g h_{t-1} + b_g)",
              r"c_t = f_t \odot c_{t-1} + i_t \odot g_t", r"h_t = o_t \odot \tanh(c_t)"]
ROW_ENDINGS = [r" \quad \text{(forget gate)}", r" && \text{forget gate}", r" \tag{1}", r" \label{eq:f}", r" \nonumber",
               r" \qquad (1)", r" \,,", r" .", r",", r" \text{,}", r" \quad \text{where } W_f \in \mathbb{R}^{n \times m}",
               r" \quad \forall t", r" \quad (t \geq 1)", r" \hfill (1)", r" \quad \mathrm{(forget)}", r" ~~ (1a)",
               r" \tag*{(1)}", r" \qquad \textit{forget gate}", r" \;\; (\text{forget})", "  (forget gate)",
               " [forget gate]", " -- forget gate"]
ENVIRONMENTS = {
    "align": lambda rs: "\\begin{align}\n" + " \\\\\n".join(rs) + "\n\\end{align}\n",
    "align-amp": lambda rs: "\\begin{align}\n" + " \\\\\n".join(r.replace(" = ", " &= ", 1) for r in rs) + "\n\\end{align}\n",
    "dollars": lambda rs: "".join("$$" + r + "$$\n\n" for r in rs),
    "array": lambda rs: "\\[\\begin{array}{ll}\n" + " \\\\\n".join(rs) + "\n\\end{array}\\]\n",
    "md-table": lambda rs: "| gate | equation |\n|---|---|\n" + "".join(f"| g{k} | ${r}$ |\n" for k, r in enumerate(rs)),
    "rst": lambda rs: ".. math::\n\n" + "\n".join("   " + r + " \\\\" for r in rs) + "\n"}


@pytest.mark.parametrize("env", sorted(ENVIRONMENTS))
def test_a_row_ending_in_latex_never_changes_the_count(env):
    """Remarks, tags and labels after a LaTeX row (on the first row and on the last): the LSTM's
    count, or a refusal; never another count with exit 0."""
    _each_counted_as_the_lstm_or_refused(LATEX_ROWS, ROW_ENDINGS, (0, 5), ENVIRONMENTS[env])
