"""Issue 17, twenty-first round: notations the fuzzed corpus and set h20/h21's leftovers showed. Counts
against torch modules."""
from __future__ import annotations

import os

import pytest

import symcount

torch = pytest.importorskip("torch") if not os.environ.get("CI") else __import__("torch")
nn = torch.nn


def n_params(*modules) -> int:
    return sum(p.numel() for m in modules for p in m.parameters())


def count(text: str, **sizes) -> int:
    return symcount.derive(text, name="t.txt").evaluate(**sizes)


RANGED = "f_t = sigmoid(W_f x_t + U_f h_{t-1} + b_f) + f_min\nh_t = f_t * h_{t-1}\n\nf_min ∈ [0.5, 0.9]{gap}(typical: 0.5)\n"


@pytest.mark.parametrize("gap", ["  ", "\t", "\t ", "   "])
def test_a_remark_after_a_tab_is_a_remark_as_after_two_spaces(gap):
    # a tab is a column gap: `f_min ∈ [0.5, 0.9]<TAB>(typical: 0.5)` still declares f_min a constant chosen in
    # a range; the line read whole was dropped, and f_min counted as a learned vector (a wrong count)
    d_x, d_h = 7, 5
    expected = n_params(nn.Linear(d_x, d_h, bias=False), nn.Linear(d_h, d_h))
    assert count(RANGED.replace("{gap}", gap), d_x=d_x, d_h=d_h) == expected


def test_a_sequence_written_out_in_prose_is_no_equation_of_the_cell():
    # $x_{1:T} = (x_1, \cdots, x_T)$: a left side indexed by a range of steps (set h21's leftover)
    text = ("Given an input sequence $\\boldsymbol{x}_{1:T}=(\\boldsymbol{x}_1,\\cdots,\\boldsymbol{x}_t,\\cdots, "
            "\\boldsymbol{x}_T)$, a RNN computes:\n\n$$\\boldsymbol{h}_t = \\tanh(U\\boldsymbol{h}_{t-1} + "
            "W\\boldsymbol{x}_t + \\boldsymbol{b})$$\n")
    assert count(text, d_x=7, d_h=5) == n_params(nn.RNNCell(7, 5)) - 5
    # a range in an index elsewhere is still an error
    with pytest.raises(symcount.ParseError, match="index"):
        symcount.derive("$$h_t = \\tanh(W_{1:T} x_t + U h_{t-1})$$")


def test_a_letter_set_to_the_step_in_prose_is_no_equation():
    # "At time step $T = t$, for hidden unit $j$": T is the step, j indexes a unit (not the number of units)
    text = ("At time step $T = t$, for hidden unit $j$:\n\n$$\\begin{aligned}\nr_j &= \\sigma([\\mathbf{W}_rx]_j + "
            "[\\mathbf{U}_rh_{<t-1>}]_j)\\\\\nz_j &= \\sigma([\\mathbf{W}_zx]_j + [\\mathbf{U}_zh_{<t-1>}]_j)\\\\\n"
            "h^{t}_j &= z_jh_j^{t-1} + (1-z_j)\\hat{h}^{t}_j\\\\\n\\hat{h}^{t}_j &= \\phi([\\mathbf{W}x]_j + "
            "[\\mathbf{U}(\\mathbf{r} \\odot h_{<t-1>})]_j)\n\\end{aligned}$$\n")
    d = symcount.derive(text)
    assert "j" not in {str(s) for s in d.total.free_symbols}
    assert d.evaluate(d_x=7, d_h=5) == n_params(nn.GRUCell(7, 5, bias=False))


def test_a_name_with_an_escaped_underscore_and_a_step():
    # Markdown's `c\_in_{t}`: the name c_in at step t (Paszke's LSTM post); b_{c\_in} its bias
    text = ("$$i_{t} = g(W_{xi}x_{t} + W_{hi}h_{t-1} + b_{i})$$\n\n$$f_{t} = g(W_{xf}x_{t} + W_{hf}h_{t-1} + b_{f})$$\n\n"
            "$$o_{t} = g(W_{xo}x_{t} + W_{ho}h_{t-1} + b_{o})$$\n\n"
            "$$c\\_in_{t} = tanh(W_{xc}x_{t} + W_{hc}h_{t-1} + b_{c\\_in})$$\n\n"
            "$$c_{t} = f_{t} \\cdot c_{t-1} + i_{t} \\cdot c\\_in_{t}$$\n\n$$h_{t} = o_{t} \\cdot tanh(c_{t})$$\n")
    expected = n_params(nn.LSTMCell(7, 5)) - 4 * 5  # one bias per gate
    assert count(text, d_x=7, d_h=5) == expected


CS231N = r"""$$
\begin{pmatrix} i \\ f \\ o \\ g \end{pmatrix} = \begin{pmatrix} \sigma \\ \sigma \\ \sigma \\ tanh \end{pmatrix}
W \begin{pmatrix} h_{t - 1} \\ x_{t} \end{pmatrix}
$$

$$
c_{t} = f \odot c_{t - 1} + i \odot g
$$

which is equivalent to

$$
c_{t} = \sigma(W_{hhf} h_{t-1} + W_{xhf} x_{t}) \odot c_{t-1} + \sigma(W_{hhi} h_{t-1} + W_{xhi} x_{t}) \odot tanh(W_{hhg} h_{t-1} + W_{xhg} x_{t})
$$

And

$$
h_{t} = o \odot tanh(c_{t})
$$
"""


def test_a_plain_tanh_in_a_column_of_functions_and_a_definition_said_equivalent():
    d = symcount.derive(CS231N)
    assert d.evaluate(d_x=7, d_h=5) == n_params(nn.LSTMCell(7, 5, bias=False))
    assert any("said to be equivalent" in n for n in d.shapes.notes)


def test_without_the_word_equivalent_two_definitions_stay_a_choice():
    with pytest.raises(symcount.ShapeError, match="readings"):
        symcount.derive(CS231N.replace("which is equivalent to", "In a variant,"))


SCRATCH = r"""$$i_t = σ(W_{xi}x_t + W_{hi}h_{t-1} + b_i)$$

$$f_t = σ(W_{xf}x_t + W_{hf}h_{t-1} +  b_f)$$

$$o_t = σ(W_{xo}x_t + W_{ho}h_{t-1} + b_o)$$

Compute a candidate cell state and cell stage using another linear layer and input and forget gates:
$$\hat{c} = tanh(W_{xg}x_t + W_{hg}h_{t-1} + b_g)$$

$$c_t = f_tc_{t-1} + i_tg_t$$

$$h_t = o_ttanh(c_t)$$
"""


def test_a_gate_computed_under_another_name():
    # g_t is computed by no equation; \hat{c}'s, which nothing reads, writes g's weights (W_{xg}, W_{hg}, b_g)
    d = symcount.derive(SCRATCH)
    assert d.evaluate(d_x=7, d_h=5) == n_params(nn.LSTMCell(7, 5)) - 4 * 5
    assert any("g_t read as \\hat{c}" in n for n in d.shapes.notes)
    # weights that do not carry the gate's letter: still refused, no equation computes g_t
    with pytest.raises(symcount.ShapeError, match="no equation computes it"):
        symcount.derive(SCRATCH.replace("W_{xg}", "W_{xc}").replace("W_{hg}", "W_{hc}").replace("b_g", "b_c"))


@pytest.mark.parametrize("said", ["分块对角", "块对角", "블록 대각", "ブロック対角"])
def test_block_diagonal_in_chinese_is_not_diagonal_and_is_refused(said):
    # 分块对角 (block-diagonal, one block per head) is not 对角 (diagonal); as in English, its free entries are
    # fewer than a full matrix's and the equations do not say how many blocks: refused (the audit's wrong counts)
    text = ("$$\\tilde i_t = W_i x_t + R_i h_{t-1} + b_i,\\qquad i_t = \\exp(\\tilde i_t)$$\n\n"
            "$$h_t = i_t \\odot h_{t-1}$$\n\n当有 $d$ 个单元时，$R_i \\in \\mathbb{R}^{d \\times d}$。"
            f"实现上要求 $R_\\ast$ 为**{said}**结构。\n")
    with pytest.raises(symcount.ShapeError, match="block-diagonal"):
        symcount.derive(text)
    assert count(text.replace(said, "对角"), d_x=7, d=5) == n_params(nn.Linear(7, 5)) + 5


TEXTTT = r"""$$
\begin{align*}
f_t &= \sigma(W_f x_t + U_f h_{t-1} + b_f) \\
i_t &= \sigma(W_i x_t + U_i h_{t-1} + b_i) \\
o_t &= \sigma(W_o x_t + U_o h_{t-1} + b_o) \\
\tilde{c}_t &= \texttt{tanh}(W_c x_t + U_c h_{t-1} + b_c) \\
c_t &= f_t \odot c_{t-1} + i_t \odot \tilde{c}_t \\
h_t &= o_t \odot \texttt{tanh}(c_t)
\end{align*}
$$"""


def test_a_typewriter_tanh_is_the_function():
    # set h22's one wrong count: \texttt{tanh} was read as a weight `tanh` (h x h) times the sum
    assert count(TEXTTT, d_x=7, d_h=5) == n_params(nn.LSTMCell(7, 5)) - 4 * 5


@pytest.mark.parametrize("font", ["\\mathcal", "\\pmb", "\\mathsfit", "\\mathbb"])
def test_a_weight_named_as_a_function_is_refused(font):
    text = TEXTTT.replace("\\texttt", font)
    with pytest.raises(symcount.SymcountError, match="function"):
        symcount.derive(text)


def test_a_range_indexed_display_is_still_read_or_refused():
    # `\tilde{h}_{1:T} = \tanh(W_h x_{1:T} + b_h)` in a display: an equation, not a sequence written out
    text = ("$$ \\tilde{h}_{1:T} = \\tanh(W_h x_{1:T} + b_h), $$\n\nand\n\n$$\n\\begin{aligned}\n"
            "f_t &= \\sigma(W_f x_t + U_f h_{t-1} + b_f) \\\\\nh_t &= f_t \\odot h_{t-1} + \\tilde{h}_t\n\\end{aligned}\n$$\n")
    with pytest.raises(symcount.ParseError, match="index"):
        symcount.derive(text)


def test_a_time_constant_tied_in_prose_is_not_the_step():
    text = (r"""A leaky RNN with learned time constants $\tau, \tau_z \in \mathbb{R}^{d_h}$:
$$ \begin{aligned}
z_t &= \sigma(W_z x_t + U_z h_{t-1} + b_z) \\
\tilde{h}_t &= \tanh(W x_t + U h_{t-1} + b) \\
h_t &= h_{t-1} + \frac{1}{\tau} \odot z_t \odot (\tilde{h}_t - h_{t-1}) + \frac{1}{\tau_z} \odot (1 - z_t) \odot h_{t-1}
\end{aligned} $$
In our experiments we tie the two time constants, $\tau_z = \tau$.
""")
    assert count(text, d_x=7, d_h=5) == 2 * n_params(nn.Linear(7, 5), nn.Linear(5, 5, bias=False)) + 5


GRU_THEN_VARIANT = r"""$$
\begin{aligned}
z_t &= \sigma(W_z x_t + U_z h_{t-1} + b_z) \\
r_t &= \sigma(W_r x_t + U_r h_{t-1} + b_r) \\
\tilde{h}_t &= \tanh(W x_t + U (r_t \odot h_{t-1}) + b) \\
h_t &= (1 - z_t) \odot h_{t-1} + z_t \odot \tilde{h}_t
\end{aligned}
$$

We remove the reset gate, CUE
$$ \tilde{h}_t = \tanh(W x_t + U h_{t-1} + b) $$
"""


@pytest.mark.parametrize("cue", ["i.e.", "in other words,", "that is,", "即"])
def test_a_variant_after_ie_stays_a_choice(cue):
    with pytest.raises(symcount.ShapeError, match="defined 2 times"):
        symcount.derive(GRU_THEN_VARIANT.replace("CUE", cue))


def test_an_input_multiplied_by_a_weight_is_not_a_gate_renamed():
    text = r"""At each step the agent's action $a_t$ is given.
$$ \begin{aligned}
h_t &= \tanh(W_{x} x_t + W_{h} h_{t-1} + W_{a} a_t + b) \\
\pi_t &= \mathrm{softmax}(V_{a} h_t + c_a)
\end{aligned} $$
"""
    d = symcount.derive(text)
    assert not any("read as" in n for n in d.shapes.notes)
    assert {"d_a", "d_pi"} <= {str(s) for s in d.total.free_symbols}


def test_a_column_of_functions_times_a_product_and_an_entry_example():
    text = r"""$$
\begin{bmatrix} i \\ f \\ o \\ g\end{bmatrix} = \begin{bmatrix} \sigma \\ \sigma \\ \sigma \\ \tanh\end{bmatrix} \cdot W \cdot \begin{bmatrix} h_{t-1} \\ x\end{bmatrix}
$$
$$c_t = f \odot c_{t-1} + i \odot g$$
$$h_t = o \odot \tanh(c_t)$$

Remember that each of the gates corresponds to the increment of a single elements

$$c_t[0][0] = f[0][0] \cdot c_{t-1}[0][0] + i[0][0] \cdot g[0][0]$$
"""
    assert count(text, d_x=7, d_h=5) == n_params(nn.LSTMCell(7, 5, bias=False))


def test_an_array_column_spec_with_braces_inside():
    text = r"""\begin{align}
\mathbf{H}_t &= \left[
 \begin{array}{*{20}c}
        \mathbf{x}_t \\
        \mathbf{h}_{t-1}
      \end{array}
\right]\\
\mathbf{i}_t &= \text{sigmoid}(\mathbf{W}^i\mathbf{H}_t+\mathbf{b}^i)\\
\mathbf{h}_t &= \mathbf{i}_t \odot \tanh(\mathbf{W}^c\mathbf{H}_t+\mathbf{b}^c)
\end{align}"""
    assert count(text, d_x=7, d_h=5) == 2 * n_params(nn.Linear(12, 5))


RNNLM = r"""$$
\begin{aligned}
\mathbf{h}_t & = \text{sigmoid}(\mathbf{W}^h \mathbf{h}_{t-1}+ \mathbf{W}^x \mathbf{x}_t) \in \mathbb{R}^{d_{h}}\\
\hat{\mathbf{y}}_{t} & = \text{softmax}(\mathbf{W}^o \mathbf{h}_{t}) \in \mathbb{R}^{|V|}\\
\end{aligned}
$$

The probability that the $t$-th word in the sequence is $w_{j}$ is given by:

$$p(w_{j} \mid x_{t}, \ldots, x_{1}) = \hat{\mathbf{y}}_{t, j}$$
"""


def test_a_size_after_an_equation_and_a_probability_in_a_display():
    d = symcount.derive(RNNLM)
    assert {str(s) for s in d.total.free_symbols} == {"d_h", "d_x", "V"}
    assert d.evaluate(d_x=7, d_h=5, V=11) == n_params(nn.Linear(7, 5, bias=False), nn.Linear(5, 5, bias=False),
                                                     nn.Linear(5, 11, bias=False))
    # a sum after `\in` says a stack's size, not a name for one: no declaration made of it
    stacked = "$$q_t=[h_{t-1};x_t]\\in\\mathbb R^{d_h+d_x}, \\quad h_t = \\tanh(W q_t)$$"
    assert count(stacked, d_x=7, d_h=5) == 5 * 12
    # a size after `\in` that disagrees with the left side's: refused
    with pytest.raises(symcount.SymcountError):
        symcount.derive("$x_t \\in \\mathbb{R}^{d}$, $h_t \\in \\mathbb{R}^{n}$\n\n$$h_t = \\tanh(W x_t + U h_{t-1}) \\in \\mathbb{R}^{d}$$"
                        ).evaluate(d=7, n=5)


def test_markdown_text_tilde_html_entities_and_plain_tex_bold_across_lines():
    lstm = ("$ f_t = \\sigma(W_f [h_{t-1},x_t] + b_f) $\n\n$ i_t = \\sigma(W_i [h_{t-1},x_t] + b_i) $\n\n"
            "$ \\~{C_t} = tanh(W_C [h_{t-1},x_t] + b_C) $\n\n$ C_t = f_t * C_{t-1} + i_t * \\~{C_t} $\n\n"
            "$ o_t = \\sigma(W_o [h_{t-1},x_t] + b_o) $\n\n$ h_t = o_t * tanh(C_t) $\n")
    assert count(lstm, d_x=7, d_h=5) == n_params(nn.LSTMCell(7, 5)) - 4 * 5
    html = ('<p><span class="math display">\\begin{equation}\n\\begin{aligned}\n'
            '{\\bf h}_{t}&amp;=\\tanh({\\bf W}_{h}{\\bf x}_{t}+{\\bf U}_{h}{\\bf h}_{t-1}+{\\bf\nb}_{h})\\\\\n'
            '{\\bf y}_{t}&amp;=\\sigma _{y}({\\bf W}_{y}{\\bf h}_{t}+{\\bf b}_{y})\n\\end{aligned}\n\\end{equation}</span></p>\n')
    d = symcount.derive(html, name="page.txt")
    assert d.evaluate(d_x=7, d_h=5, d_y=3) == n_params(nn.RNNCell(7, 5), nn.Linear(5, 3)) - 5


def test_a_template_macro_for_a_greek_matrix_and_a_vector_written_out():
    text = (r"Each element, \( \vx^{(t)} \in \real^N \), is a vector, \(\vx^{(t)} = [x_1^{(t)}, x_2^{(t)}, \ldots, x_N^{(t)}] \)."
            "\n\n\\begin{align}\n\\vh^{(t)} &= f(\\vh^{(t-1)}, \\vx^{(t)}; \\mTheta) \\\\\\\\\n"
            "&= \\text{tanh}\\left( \\mW \\vh^{(t-1)} + \\mU \\vx^{(t)} + \\vb \\right)\n\\end{align}\n")
    assert count(text, N=7, d_h=5) == n_params(nn.RNNCell(7, 5)) - 5


def test_a_pattern_declared_with_a_star_in_its_index():
    text = ("$$x_t \\in \\mathbb{R}^{d_{in}}, \\quad W_{x\\star} \\in \\mathbb{R}^{d_h \\times d_{in}}, \\quad "
            "W_{h\\star} \\in \\mathbb{R}^{d_h \\times d_h}$$\n$$f_t = \\sigma(W_{xf} x_t + W_{hf} h_{t-1})$$\n"
            "$$h_t = f_t \\odot \\tanh(W_{xh} x_t + W_{hh} h_{t-1})$$\n")
    d = symcount.derive(text)
    assert d.evaluate(d_in=7, d_h=5) == 2 * n_params(nn.Linear(7, 5, bias=False), nn.Linear(5, 5, bias=False))
    assert any("declares every weight so named: W_{xf}, W_{xh}" in n for n in d.shapes.notes)
    # the pattern's shape is checked against each weight: a transposed one is refused
    with pytest.raises(symcount.SymcountError):
        symcount.derive(text.replace("W_{x\\star} \\in \\mathbb{R}^{d_h \\times d_{in}}", "W_{x\\star} \\in \\mathbb{R}^{d_{in} \\times d_h}"))


TIKZ = r"""$$\bm{x_j} \in \mathbb{R}^{d_{in}} \quad \bm{c_j}, \bm{h_j}, \bm{i}, \bm{f}, \bm{o}, \bm{z} \in \mathbb{R}^{d_h}$$

\node(z) [param] {$\bm{z} = \tanh(\bm{x_j} \bm{W^{xz}} + \bm{h_{j-1} \bm{W^{hz}}} )$};
\node(f) [param] {$\bm{f} = \sigma(\bm{x_j} \bm{W^{xf}} + \bm{h_{j-1} \bm{W^{hf}}} )$};
\node(i) [param] {$\bm{i} = \sigma(\bm{x_j} \bm{W^{xi}} + \bm{h_{j-1} \bm{W^{hi}}} )$};
\node(cj) [neuron] {$\bm{c_j} = \bm{f} \odot \bm{c_{j-1}} + \bm{i} \odot \bm{z}$};
\node(hj) [neuron] {$\bm{h_j} = \bm{o} \odot \tanh(\bm{c_j})$};
\node(o) [param] {$\bm{o} = \sigma(\bm{x_j} \bm{W^{xo}} + \bm{h_{j-1} \bm{W^{ho}}} )$};
\node (s0) [state]{$\bm{s_{j-1}} = [\bm{c_{j-1}}; \bm{h_{j-1}} ]$};
\node (si) [state]{$\bm{s_{j}} = [\bm{c_{j}}; \bm{h_{j}} ]$};
"""


def test_a_slide_that_steps_with_j_and_bolds_a_product():
    assert count(TIKZ, d_in=7, d_h=5) == n_params(nn.LSTMCell(7, 5, bias=False))


def test_an_unread_inline_equation_at_the_texts_own_step_letter_is_refused():
    # x_k: an inline equation at step k that the grammar cannot read was dropped as prose, and z counted as a
    # learned vector (a wrong count); now it is refused as one at t is
    text = "$x_k \\in \\mathbb{R}^{n}$\n\n$z = \\tanh(W x_k +  U h_{k-1} ]$\n\n$h_k = z \\odot h_{k-1}$\n"
    with pytest.raises(symcount.ParseError):
        symcount.derive(text)
    with pytest.raises(symcount.ParseError):
        symcount.derive(TIKZ.replace("\\bm{h_{j-1} \\bm{W^{hz}}} )", "\\bm{h_{j-1} \\bm{W^{hz}}} ]"))


def test_a_chain_that_goes_on_with_a_sum():
    text = "$s_n = A s_{n-1} + B x_n$\n\n$o_n = C s_n = \\sum_{m=1}^n{C A^{n-m} B x_m}$\n"
    assert count(text, d_x=7, d_s=5, d_o=3) == 5 * 5 + 5 * 7 + 3 * 5


def test_a_letter_in_two_fonts_one_defined_is_a_choice():
    # `\bm{c_t} = ...` then `\tanh(c_t)`: one symbol in two fonts, or two (the plain one an input): the counts
    # differ, refused with both readings; `--read c-fonts=...` picks one (a slide deck's LSTM, set h22)
    text = r"""$i_t = \sigma \big( \bm{x_tU^{(i)}} + \bm{h_{t-1}W^{(i)}}   \big) $
$f_t = \sigma \big( \bm{x_tU^{(f)}} + \bm{h_{t-1}W^{(f)}}   \big) $
$o_t = \sigma \big( \bm{x_tU^{(o)}} + \bm{h_{t-1}W^{(o)}}   \big) $
$\bm{\tilde{c}_t} = \texttt{tanh} ( \bm{x_tU}+\bm{h_{t-1}W} ) $
$\bm{c_t} = f_t \odot \bm{c_{t-1}} + i_t \odot \bm{\tilde{c}_t}$
$\bm{h_t} = o_t \odot \texttt{tanh}(c_t)$
"""
    with pytest.raises(symcount.ShapeError, match="two symbols or one"):
        symcount.derive(text)
    one = symcount.derive(text, read={"c-fonts": "one"})
    assert one.evaluate(d_x=7, d_h=5) == n_params(nn.LSTMCell(7, 5, bias=False))
    two = symcount.derive(text, read={"c-fonts": "two"})
    assert "d_c" in {str(s) for s in two.total.free_symbols}
    old = r"$$ r_t = \sigma(W_r x_t + U_r h_{t-1}) \\ h_t = \tanh(W \mathbf{r}_t + U (r_t \odot h_{t-1})) $$"
    assert str(symcount.derive(old, read={"r-fonts": "two"}).total) == "2*d_h**2 + d_h*d_r + d_h*d_x"


@pytest.mark.parametrize("text", [
    # a probability whose right side holds weights: the gate's parameters, not a remark
    "$$p(u_t \\mid h_{t-1}) = \\sigma(w_u^\\top h_{t-1} + b_u)$$\n\n"
    "$$h_t = u_t \\odot \\tanh(W x_t + U h_{t-1} + b) + (1 - u_t) \\odot h_{t-1}$$\n",
    "$$h_t = \\tanh(W_{xh} x_t + W_{hh} h_{t-1} + b_h)$$\n\n"
    "$$p(x_{t+1} \\mid x_1, \\ldots, x_t) = \\mathrm{softmax}(W_{hy} h_t + b_y)$$\n",
    # a sum after `=` that follows another statement's function, not a chain
    "$$ h_t = \\tanh(W x_t + U h_{t-1} + b) \\text{ and } y_t = \\sum_{k=1}^{K} \\pi_k V_k h_t $$\n",
    # a vector written out whose entries hold weights
    "$$h_t = \\tanh(W x_t + U h_{t-1} + b)$$\n\nand the output is $y_t = [V_1 h_t, \\ldots, V_K h_t]$.\n",
    # an equation on a layer in brackets, not an entry example
    "$$h_t[1] = \\tanh(W_1 x_t + U_1 h_{t-1}[1] + b_1)$$\n\n$$h_t[2] = \\tanh(W_2 h_t[1] + U_2 h_{t-1}[2] + b_2)$$\n\n"
    "$$y_t = V h_t[2] + c$$\n",
])
def test_the_second_audits_texts_are_refused_not_counted_short(text):
    with pytest.raises(symcount.SymcountError):
        symcount.derive(text)


def test_a_set_indexed_in_prose_at_step_k_is_prose():
    text = ("$x_k = \\Lambda x_{k-1} + B u_k$, $y_k = C x_k$.\n\n"
            "We initialise so that $\\{\\lambda_k\\}_{k=1}^{N}$ lie in a ring.\n")
    d = symcount.derive(text)
    assert not any("{" in p.name for p in d.parameters)


def test_a_row_transposed_is_a_column_and_a_parameter_namesake_of_a_signal():
    gru = ("$$r = \\sigma(W^{r} (x^{t}, h^{t-1})^{T})$$\n\n$$z = \\sigma(W^{z} (x^{t}, h^{t-1})^{T})$$\n\n"
           "$$h' = \\tanh(W (x^{t}, r \\odot h^{t-1})^{T})$$\n\n$$h^{t} = (1 - z) \\odot h^{t-1} + z \\odot h'$$\n")
    assert count(gru, d_x=7, d_h=5) == n_params(nn.GRUCell(7, 5, bias=False))
    rglru = r"""$$
\begin{aligned}
r_t &= \sigma(W_r x_t + b_r),\\
i_t &= \sigma(W_i x_t + b_i),\\
a &= \sigma(\Lambda),\\
a_t &= a^{c r_t},\\
h_t &= a_t\odot h_{t-1} + \sqrt{1-a_t^2}\odot(i_t\odot x_t).
\end{aligned}
$$

The paper sets $c=8$.
"""
    d = symcount.derive(rglru)
    assert d.evaluate(d_h=6) == 2 * n_params(nn.Linear(6, 6)) + 6
    assert any("\\mathring{a}" in n for n in d.shapes.notes)


def test_a_weight_letter_glued_to_the_input_letter_in_bold_is_their_product():
    text = "$$\n\\mathbf{h}_t=\\sigma(\\mathbf{Wx}_t+\\mathbf{u}\\odot\\mathbf{h}_{t-1}+\\mathbf{b})\n$$\nwhere $\\mathbf{u}$ is a vector.\n"
    assert count(text, d_x=7, d_h=5) == 5 * 7 + 5 + 5


def test_a_state_declared_over_the_sequence_and_a_shape_written_as_a_tuple():
    text = ("through an implicit latent state $h \\in \\mathbb{R}^{(T,N)}$, for $x \\in \\mathbb{R}^{T}$.\n\n"
            "$$h_t = A h_{t-1} + B x_t \\quad (1a)$$\n$$y_t = C^\\top h_t \\quad (1b)$$\n\n"
            "where $A \\in \\mathbb{R}^{(N,N)}$, $B \\in \\mathbb{R}^{(N,1)}$, $C \\in \\mathbb{R}^{(N,1)}$.\n")
    d = symcount.derive(text)
    assert d.evaluate(N=5) == 5 * 5 + 5 + 5
    assert any("over the T steps" in n for n in d.shapes.notes)
    # declared over the steps but never written at a step: a matrix as declared
    assert "T" in {str(s) for s in symcount.derive("$W \\in \\mathbb{R}^{T \\times d}$\n\n$$h_t = \\tanh(W x_t)$$").total.free_symbols}


def test_a_diagonal_said_in_chinese_of_the_subject_after_the_verb_before():
    text = ("$$\\begin{aligned} i_{t} = \\sigma (W_{ix}x_{t} + W_{im} m_{t-1} + W_{ic}c_{t-1} + b_{i}) \\\\ "
            "c_{t} = i_{t} \\odot \\tanh(W_{cx}x_{t} + W_{cm}m_{t-1} + b_{c}) \\\\ m_{t} = \\tanh(c_{t}) \\end{aligned}$$\n\n"
            "其中: $W_{ix}$ 是输入门到输入的权重矩阵, $W_{ic}$ 是用于窥孔连接的对角线权重矩阵.\n")
    d = symcount.derive(text)
    assert d.evaluate(d_x=7, d_m=5) == 2 * (5 * 7 + 5 * 5 + 5) + 5


def test_plain_subscripts_beside_latex_where_every_product_is_written():
    # a Kotlin doc comment: `W_xz * x_t` beside `\hat{h}_t`, `\odot`: W_{xz}, one name (every product written with *)
    text = """/**
 * Computes:
 * z_t = sigmoid(W_xz * x_t + W_hz * h_{t-1} + b_z)  (Update Gate)
 * r_t = sigmoid(W_xr * x_t + W_hr * h_{t-1} + b_r)  (Reset Gate)
 * \\hat{h}_t = tanh(W_xh * x_t + W_hh * (r_t \\odot h_{t-1}) + b_h) (Candidate)
 * h_t = (1 - z_t) \\odot h_{t-1} + z_t \\odot \\hat{h}_t
 */
"""
    assert count(text, d_x=7, d_h=5) == n_params(nn.GRUCell(7, 5)) - 3 * 5
    # a factor juxtaposed after the subscript: still asked (W_x z or W_{xz})
    with pytest.raises(symcount.ParseError, match="one letter"):
        symcount.derive(text.replace("W_xh * x_t", "W_xh x_t"))


def test_a_subscripted_sigma_in_a_comment_of_plain_code():
    text = """/**
 * Gates use syntonic sigmoid: σ_s(x) = 1/(1 + exp(-x/φ))
 *
 * i = σ_s(W_ii @ x + W_hi @ h + b_i)     (input gate)
 * f = σ_s(W_if @ x + W_hf @ h + b_f)     (forget gate, b_f init to φ)
 * g = tanh(W_ig @ x + W_hg @ h + b_g)     (cell gate)
 * o = σ_s(W_io @ x + W_ho @ h + b_o)     (output gate)
 * c' = f * c + i * g                       (new cell state)
 * h' = o * tanh(c')                        (new hidden state)
 */
"""
    assert count(text, d_x=7, d_h=5) == n_params(nn.LSTMCell(7, 5)) - 4 * 5


PEEP_ZH = r"""$$
\begin{aligned}
i_t &= \sigma(W_i x_t + U_i h_{t-1} + P_i c_{t-1} + b_i) \\
f_t &= \sigma(W_f x_t + U_f h_{t-1} + P_f c_{t-1} + b_f) \\
c_t &= f_t \odot c_{t-1} + i_t \odot \tanh(W_c x_t + U_c h_{t-1} + b_c) \\
o_t &= \sigma(W_o x_t + U_o h_{t-1} + P_o c_t + b_o) \\
h_t &= o_t \odot \tanh(c_t)
\end{aligned}
$$
其中 $x_t \in \mathbb{R}^{m}$ 为输入向量，$h_t, c_t \in \mathbb{R}^{n}$ 为隐状态和细胞状态，$P_i, P_f, P_o$ 为对角矩阵。
"""


def test_the_third_audits_texts():
    # 为对角 (the verb in the match): its subject is after the verb before it
    assert count(PEEP_ZH, m=7, n=5) == n_params(nn.LSTMCell(7, 5)) - 4 * 5 + 3 * 5
    two = "$$h_t = \\tanh(W x_t + D h_{t-1} + b), \\quad y_t = V h_t$$\n\n$W$ 和 $V$ 是权重矩阵，$D$ 是对角矩阵。\n"
    assert count(two, d_x=10, d_h=10, d_y=10) == 2 * 100 + 10 + 10
    # a function of a list whose entries hold weights (maxout): no sequence written out
    maxout = ("\\begin{align}\nm_t &= \\max(W_1 x_t + U_1 h_{t-1} + b_1, \\ldots, W_3 x_t + U_3 h_{t-1} + b_3) \\\\\n"
              "h_t &= \\tanh(m_t) \\\\\ny_t &= V h_t + c\n\\end{align}\n")
    with pytest.raises(symcount.SymcountError):
        symcount.derive(maxout)
    # L labels, not L steps: both readings, refused
    labels = ("$$h_t = \\tanh(W x_t + U h_{t-1} + b), \\quad y_t = \\sigma(V h_t + c)$$\n\n"
              "Here $x_t \\in \\mathbb{R}^{d_x}$, $h_t \\in \\mathbb{R}^{d_h}$, and the label scores are $y \\in \\mathbb{R}^{L}$.\n")
    with pytest.raises(symcount.ShapeError, match="steps of a sequence, or a size of its own"):
        symcount.derive(labels)
    assert symcount.derive(labels, read={"y": "as-declared"}).evaluate(d_x=7, d_h=5, L=3) == 65 + 3 * 5 + 3
    # a constant decay in one layer and an input-dependent one in another: no renaming, variants
    variants = ("\\begin{equation} a = \\sigma(\\Lambda), \\end{equation}\nwhich we replace in the selective layer by\n"
                "\\begin{equation} a_t = \\sigma(W_a x_t + b_a). \\end{equation}\nEither way\n"
                "\\begin{equation} h_t = a_t \\odot h_{t-1} + (1 - a_t) \\odot (W_x x_t), \\end{equation}\n")
    with pytest.raises(symcount.ShapeError):
        symcount.derive(variants)
    # a bias table indexed by the step: refused, not counted as one vector
    table = ("\\begin{equation}\nh_t = \\tanh(W x_t + U h_{t-1} + b_t),\n\\end{equation}\nwhere "
             "$b \\in \\mathbb{R}^{T \\times d_h}$ is a learned table holding one bias vector per position.\n")
    with pytest.raises(symcount.ShapeError, match="table"):
        symcount.derive(table)


def test_set_h23s_two_wrong_counts():
    # a worked example's input sequence `x = [1, 2, 3]`: values over the steps, not a vector of 3 entries
    example = ("Input sequence:\n$$\nx = [1,\\;2,\\;3]\n$$\n\nWeights and bias:\n$$\nW_{xh} = 0.8,\\quad W_{hh} = 0.5,\\quad b = 0\n$$\n\n"
               "Update rule:\n$$\nh_t = \\tanh(W_{xh}x_t + W_{hh}h_{t-1} + b)\n$$\n")
    assert count(example, d_x=1, d_h=1) == 3
    # a Chinese list names a bias (偏执项, a slip for 偏置项) that no equation uses: refused
    listed = ("$ y\\_t = softmax(h\\_t w\\_{hy} + b\\_y) $\n\n$ h\\_t = tanh(x\\_t w\\_{xh} + h\\_{t-1}w\\_{hh}) $\n\n"
              "- 参数矩阵 $ w\\_{xh}, w\\_{hh}, w\\_{hy}$\n- 偏执项 $ b\\_h $\n")
    with pytest.raises(symcount.ShapeError, match="b\\\\_h"):
        symcount.derive(listed)
    assert count(listed.replace("- 偏执项 $ b\\_h $\n", ""), d_x=7, d_h=5, d_y=3) == 35 + 25 + 15 + 3


def test_a_math_fence_in_a_rust_doc_comment_with_plain_names_and_remarks():
    text = """//! ### LSTM Cell Update
//! ```math
//! i_t = σ(W_ii * x_t + W_hi * h_{t-1} + b_ii + b_hi)  // input gate
//! f_t = σ(W_if * x_t + W_hf * h_{t-1} + b_if + b_hf)  // forget gate
//! g_t = tanh(W_ig * x_t + W_hg * h_{t-1} + b_ig + b_hg) // cell gate
//! o_t = σ(W_io * x_t + W_ho * h_{t-1} + b_io + b_ho)  // output gate
//! c_t = f_t * c_{t-1} + i_t * g_t                       // cell state
//! h_t = o_t * tanh(c_t)                                // hidden state
//! ```
"""
    assert symcount.derive(text, name="lstm.rs.txt").evaluate(d_x=7, d_h=5) == n_params(nn.LSTMCell(7, 5))


def test_a_worked_examples_steps_and_a_squared_signal():
    example = ("$$\nh_t = \\tanh(W_{xh}x_t + W_{hh}h_{t-1} + b)\n$$\n\n**Time Step 1**\n$$\nh_1 = \\tanh(0.8 \\cdot 1 + 0.5 \\cdot 0)\n$$\n"
               "$$\nh_2 = \\tanh(0.8 \\cdot 2 + 0.5 \\cdot h_1)\n$$\n")
    d = symcount.derive(example)
    assert d.evaluate(d_x=7, d_h=5) == n_params(nn.RNNCell(7, 5)) - 5
    assert sum("worked example" in n for n in d.shapes.notes) == 2
    # a constant set in a display is no example step: it stays a constant
    assert "c" not in [p.name for p in symcount.derive(
        "$$h_t = a_t \\odot h_{t-1} + (1-a_t) \\odot x_t, \\quad a_t = \\sigma(W x_t)^{c}$$\n$$c = 8$$\n").parameters]
    squared = "$$a_t = \\sigma(W x_t), \\quad h_t = a_t \\odot h_{t-1} + \\sqrt{1 - a_t^2} \\odot x_t$$"
    d = symcount.derive(squared)
    assert d.evaluate(d_h=5) == 25 and any("to the power 2" in n for n in d.shapes.notes)
