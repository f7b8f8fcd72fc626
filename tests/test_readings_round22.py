"""Issue 17, twenty-second round: notations set h22/h23's leftovers and set h24 showed. Counts against
torch modules."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

import symcount

torch = pytest.importorskip("torch") if not os.environ.get("CI") else __import__("torch")
nn = torch.nn


def n_params(*modules) -> int:
    return sum(p.numel() for m in modules for p in m.parameters())


def count(text: str, **sizes) -> int:
    return symcount.derive(text, name="t.md").evaluate(**sizes)


RNN = "$$ h_t = \\tanh(W x_t + U h_{t-1} + b) $$\n"


def test_a_state_bold_where_defined_and_plain_at_the_step_before_is_one_symbol():
    # `\mathbf{h_t} = o \odot \tanh(c_t)` and gates that read a plain `h_{t-1}`: the plain h read at a step before is
    # the state the bold equation updates (no equation would update a plain h): one symbol, no choice (a slide deck)
    text = ("$\\mathbf{ f} = \\sigma(\\mathbf{W^f} \\cdot h_{t-1} + \\mathbf{I^f} \\cdot x_t + b^f)$\n\n"
            "$\\mathbf{ h_t} = \\tanh(\\mathbf{W^h} \\cdot h_{t-1} + \\mathbf{I^h} \\cdot x_t + b^h) \\odot \\mathbf{f}$\n\n"
            "$y = \\text{softmax}( \\mathbf{W} \\cdot h_t + b )$\n")
    assert count(text, d_x=7, d_h=5, d_y=3) == n_params(nn.Linear(7, 5), nn.Linear(5, 5, bias=False)) * 2 \
        + n_params(nn.Linear(5, 3))
    # the plain one never read at a step before stays a choice (round 21)
    with pytest.raises(symcount.ShapeError, match="two symbols or one"):
        symcount.derive("$$ \\mathbf{c}_t = \\sigma(W x_t + U h_{t-1}) \\\\ h_t = \\tanh(c_t) $$\n")


def test_index_form_entries_plain_beside_the_bold_vector_are_its_entries():
    # `\mathbf{z}^t = [x^t; h^{t-1}]`, `h^t_i = g(\sum_j W_{ij} z^t_j)`: z_j is an entry of the bold z
    text = ("- \\(\\mathbf{z}^{t} = [\\mathbf{x}^t; \\mathbf{h}^{t-1}]\\)\n\n"
            "$$ \\mathbf{h}^t_{i} = g\\left(\\sum_{j=1}^{M+N} \\mathbf{W}_{ij} z^{t}_{j} \\right) $$\n")
    d = symcount.derive(text)
    assert d.evaluate(d_x=7, d_h=5) == 5 * (5 + 7)


@pytest.mark.parametrize("where", ["where $1 \\leqslant t \\leqslant n$.", "for $t = 1, \\ldots, n$.",
                                   "with $t \\in [1, n]$."])
def test_an_output_from_the_last_step_named_by_the_steps_range(where):
    # `y = softmax(h_n W_{hy} + b_y)` where the steps run to n: h_n is the state at the last step
    text = ("$$\\begin{align*}\nh_{t} &= \\tanh(x_{t}W_{xh} + h_{t-1}W_{hh}) \\\\\n"
            "y &= \\textbf{softmax}(h_{n}W_{hy} + b_y)\n\\end{align*}$$\n\n" + where + "\n")
    expected = n_params(nn.RNNCell(7, 5, bias=False), nn.Linear(5, 3))
    assert count(text, d_x=7, d_h=5, d_y=3) == expected
    # without the range, h_n is not known to be the last step: refused
    with pytest.raises(symcount.SymcountError):
        symcount.derive(text.replace(where, ""))


def test_a_code_value_built_from_a_literal_list_is_no_legend():
    # a Python fence in a notebook: `p = np.array([0.1, 0.0, 0.7, 0.2])` is a value, not where the code keeps p
    text = RNN + "\n```python\np = np.array([0.1, 0.0, 0.7, 0.2])\n```\n"
    assert count(text, d_x=7, d_h=5) == n_params(nn.RNNCell(7, 5)) - 5
    # a legend line naming a symbol no equation uses is still refused
    with pytest.raises(symcount.SymcountError, match="legend"):
        symcount.derive(RNN + "\n// V_{t} = weights_.row(t)\n")


def test_an_underbrace_label_written_with_text_and_no_braces():
    text = ("$$ h_t = \\sigma(\\underbrace{W_{hh}h_{t-1}}_\\text{previous state} + "
            "\\underbrace{W_{xh}x_t}_\\text{current input (per time-step)} + b) $$\n")
    assert count(text, d_x=7, d_h=5) == n_params(nn.RNNCell(7, 5)) - 5


def test_an_earlier_feedforward_layer_is_what_the_cell_generalizes():
    # "In the feedforward models ..., $h = \sigma(W_{xh} x + b)$ ... RNNs generalize this": the recurrent
    # definition of h is the cell's
    text = ("In the feedforward models we've seen before, the input $x$ is mapped to a hidden layer $h$:\n\n"
            "\\begin{equation}\n  h = \\sigma(W_{xh}x + b)\n\\end{equation}\n\n"
            "RNNs generalize this feedforward idea to a sequence of inputs:\n\n"
            "\\begin{equation}\n  h_t = \\sigma(W_{hh}h_{t-1} + W_{xh}x_t + b)\n\\end{equation}\n")
    assert count(text, d_x=7, d_h=5) == n_params(nn.RNNCell(7, 5)) - 5


@pytest.mark.parametrize("color", ["\\color{#0066CC}", "\\color[HTML]{0066CC}", "\\textcolor[HTML]{0066CC}"])
def test_colours_written_as_codes(color):
    text = f"$$ h_t = \\tanh({color}{{W}} x_t + U h_{{t-1}} + b) $$\n"
    assert count(text, d_x=7, d_h=5) == n_params(nn.RNNCell(7, 5)) - 5


def test_a_gate_in_a_set_written_with_bare_braces():
    # `$r_t \in {0,1}$` (braces a LaTeX group, meant as the set): what values r takes, no shape
    text = "$r_t = \\sigma(W_r x_t + U_r h_{t-1})$\n\n$r_t \\in {0,1}$\n\n$$ h_t = \\tanh(W x_t + U (r_t \\odot h_{t-1})) $$\n"
    assert count(text, d_x=7, d_h=5) == 2 * n_params(nn.RNNCell(7, 5, bias=False))


def test_columns_of_cjk_words_in_an_aligned_row_are_labels():
    # `z = \sigma(...) & (更新阀) & 控制上一个的记忆单元传递给新记忆单元多少 \\`: the columns after the equation are words
    text = ("$$\n\\begin{aligned}\nz_t=\\sigma (W_z x_t+U_z h_{t-1}) & (更新阀) & 控制上一个的记忆单元传递多少  \\\\\n"
            "h_t=z_t \\odot h_{t-1} + \\tanh(W x_t + U h_{t-1}) & 隐藏状态 & 是记忆单元的总结。\n\\end{aligned}\n$$\n")
    assert count(text, d_x=7, d_h=5) == 2 * n_params(nn.RNNCell(7, 5, bias=False))


def test_a_lone_o_between_latex_spaces_is_the_circle_or_a_weight():
    # `r_t\ o \ U h_{t-1}`: spaced with `\ ` as with blanks: ∘ typed as a letter, or a weight o (a choice)
    text = "$$ r_t = \\sigma(W_r x_t + U_r h_{t-1}) \\\\ h_t = \\tanh(W x_t + r_t\\ o \\ U h_{t-1}) $$\n"
    with pytest.raises(symcount.ShapeError, match="o between two operands"):
        symcount.derive(text)
    assert count(text + "\nwhere $o$ is the Hadamard product.\n", d_x=7, d_h=5) == 2 * n_params(nn.RNNCell(7, 5, bias=False))


@pytest.mark.parametrize("line", ["[r_bar u_bar] = x_h_prev * w_ru + b_ru", "r_bar, u_bar = split(x_h_prev * w_ru + b_ru, 2)"])
def test_names_listed_on_an_unread_line_are_computed_there(line):
    # TensorFlow's GRUBlockCell docs: `[r_bar u_bar] = x_h_prev * w_ru + b_ru` (a list on the left) does not read as
    # math; r_bar and u_bar are computed there, not weights: refused naming that line
    text = ("x_h_prev = [x, h_prev]\n" + line + "\nr = sigmoid(r_bar)\nu = sigmoid(u_bar)\n"
            "h = (1-u) * tanh(W_c * x + U_c * (r * h_prev)) + u * h_prev\n")
    with pytest.raises(symcount.ParseError, match="cannot read the line that defines r_"):
        symcount.derive(text, name="t.txt")


GRU_ZH = r"""$$
\begin{aligned}
r_t&=sigmoid(W_{ir}x_t+b_{ir}+W_{hr}h_{(t-1)}+b_{hr})\\
i_t&=sigmoid(W_{ii}x_t+b_{ii}+W_{hi}h_{(t-1)}+b_{hi})\\
n_t&=tanh(W_{in}x_t+b_{in}+rt*(W_{hn}h_{(t-1)}+b_{hn}))\\
h_t&=(1-i_t)* nt+i_t*h(t-1)
\end{aligned}
$$
"""


def test_a_signal_defined_at_t_used_glued_to_t():
    # a Chinese translation of torch.nn.GRU's docs writes `rt*(...)` and `nt` for r_t and n_t: read as at t (rt was
    # r times a weight t, a wrong count)
    assert count(GRU_ZH, d_x=7, d_h=5) == n_params(nn.GRU(7, 5))


@pytest.mark.parametrize("text", [
    "$$ h_t = \\tanh(W x_t + U h_{t-1} + rt * b) $$\n",  # a weight t: the step's letter
    "$$ h_t = \\tanh(W (x - t) + U h_{t-1}) $$\n",  # an input t
])
def test_the_steps_letter_is_never_an_operand(text):
    with pytest.raises(symcount.ShapeError, match="step's letter"):
        symcount.derive(text)


@pytest.mark.parametrize("prose", ["The update-gate bias starts at +1 so a fresh cell retains.",
                                   "The training learns $W$, $U$ (and also bias $b$, which is not shown)."])
def test_a_bias_the_prose_names_and_no_equation_writes_is_refused(prose):
    text = RNN.replace(" + b)", ")") + "\n" + prose + "\n"
    with pytest.raises(symcount.ShapeError, match="bias"):
        symcount.derive(text)
    d = symcount.derive(text, read={"omitted-biases": "as-written"})
    assert d.evaluate(d_x=7, d_h=5) == n_params(nn.RNNCell(7, 5, bias=False))


def test_an_inline_equation_alone_on_its_line_is_no_remark():
    # `**Output**` then `${\bf O}_t=\phi({\bf W}_{ho}{\bf H}_t+{\bf b}_o)$` on its own line, beside the gate O_t: two
    # definitions of O_t (a choice), not a remark set aside
    text = ("$$ O_t = \\sigma(W_{xo} x_t + W_{ho} H_{t-1} + b_o) \\\\ H_t = O_t \\odot \\tanh(W x_t) $$\n\n"
            "**Output**\n\n$O_t=\\phi(W_{ho} H_t + b_o)$\n")
    with pytest.raises(symcount.ShapeError, match="defined 2 times"):
        symcount.derive(text)
    remark = text.replace("$O_t=\\phi(W_{ho} H_t + b_o)$", "that is, $O_t=\\phi(W_{ho} H_t + b_o)$ when it saturates")
    assert count(remark, d_x=7, d_H=5) == 5 * 7 + 5 * 5 + 5 + 5 * 7


def test_a_bold_switch_with_no_group():
    # `\bf R_t = ...` (TeX's switch, no braces): the letter after it bold
    text = "$$\n\\bf h_t=\\tanh(\\bf W x_t + U h_{t-1})\n$$\n"
    assert count(text, d_x=7, d_h=5) == n_params(nn.RNNCell(7, 5, bias=False))


def test_a_generic_function_then_the_known_one_in_one_block():
    # `h_t = f_{\textbf{W}}(h_{t-1}, x_t)`, `h_t = f(W^{hx} x_t + ...)`, `h_t = \textbf{tanh}(W^{hx} x_t + ...)` in one
    # align: what h is computed from, then the cell with f generic, then with tanh: the last is read
    text = (r"""$$
\begin{align}
\textbf{h}_{t} &= f_{\textbf{W}}\left(\textbf{h}_{t-1}, \textbf{x}_{t} \right) \tag{1} \\
\textbf{h}_{t} &= f\left(\textbf{W}^{hx}x_{t} + \textbf{W}^{hh}h_{t-1} + \textbf{b}^{h}\right) \tag{2a} \\
\textbf{h}_{t} &= \textbf{tanh}\left(\textbf{W}^{hx}x_{t} +  \textbf{W}^{hh}h_{t-1} + \textbf{b}^{h}\right) \tag{2b}
\end{align}
$$
""")
    assert count(text, d_x=7, d_h=5) == n_params(nn.RNNCell(7, 5)) - 5
    # a generic function whose argument differs from the known one's is another definition: refused
    other = text.replace(r"f\left(\textbf{W}^{hx}x_{t} + ", r"f\left(\textbf{V}^{hx}x_{t} + ")
    with pytest.raises(symcount.SymcountError):
        symcount.derive(other)


def test_plain_text_arrows_after_a_letter_are_forward_and_backward():
    # course notes: `Forward pass: h→_t = f(W_fh h→_{t-1} + ...)`, `h←_t = ...`, `y_t = g(W_y [h→_t; h←_t] + b_y)`
    text = ("- Forward pass: h→_t = f(W_fh h→_{t-1} + W_fx x_t + b_f)\n"
            "- Backward pass: h←_t = f(W_bh h←_{t+1} + W_bx x_t + b_b)\n"
            "- Output: y_t = g(W_y [h→_t; h←_t] + b_y)\n")
    d = symcount.derive(text, name="t.md")
    expected = n_params(nn.RNN(7, 5, bidirectional=True)) - 2 * 5 + n_params(nn.Linear(10, 4))
    assert d.evaluate(d_x=7, d_hfw=5, d_hbw=5, d_y=4) == expected


def test_row_breaks_whose_first_backslash_markdown_ate():
    # a one-line `$$ i_t=\sigma(...) \ f_t=\sigma(...) \ ... $$`: `\ ` before the next row's left side is `\\`
    text = ("$$ i_t=\\sigma(W_{ii}x_t+b_{ii}+W_{hi}h_{t-1}+b_{hi}) \\ f_t=\\sigma(W_{if}x_t+b_{if}+W_{hf}h_{t-1}+b_{hf}) "
            "\\ g_t=tanh(W_{ig}x_t+b_{ig}+W_{hg}h_{t-1}+b_{hg}) \\ o_t=\\sigma(W_{io}x_t+b_{io}+W_{ho}h_{t-1}+b_{ho}) "
            "\\ c_t=f_t\\odot c_{t-1}+i_t\\odot g_t \\ h_t=o_t\\odot tanh(c_t) $$\n")
    assert count(text, d_x=7, d_h=5) == n_params(nn.LSTM(7, 5))
    # a control space inside a row stays a space
    assert count("$$ h_t = \\tanh \\ (W x_t + U \\ h_{t-1}) $$\n", d_x=7, d_h=5) == n_params(nn.RNNCell(7, 5, bias=False))


def test_a_simple_model_first_then_the_gated_one():
    # `$s_t = tanh(...)$` then "The model so far is a very simple RNN." ... `$s_t = (1 - g_t) ⊙ s_{t-1} + ...$`
    text = ("$s_t = tanh(W^{s,s}s_{t-1} + W^{s,x}x_t)$\n\nThe model so far is a very simple RNN.\n\n"
            "A gating network:\n\n$g_t = sigmoid(W^{g,s}s_{t-1} + W^{g,x}x_t)$\n\n"
            "$s_t = (1 - g_t) ⊙ s_{t-1} + g_t ⊙ tanh(W^{s,s}s_{t-1} + W^{s,x}x_t)$\n\n"
            "For example:\n\n- $g_t = [1, 0, 1, ...]^T$\n")
    assert count(text, d_x=7, d_s=5) == 2 * n_params(nn.RNNCell(7, 5, bias=False))


def test_a_stacked_column_whose_row_breaks_markdown_ate():
    # Kaggle's `\text{concat} = \begin{bmatrix} a_{t-1} \ x_t \end{bmatrix}`: `\ ` between the entries of a matrix
    # with no `\\` is a row break (it was read as a_{t-1} x_t side by side, x made as long as a: a wrong count)
    text = ("$$\\text{concat} = \\begin{bmatrix} a_{t-1} \\ x_t \\end{bmatrix}$$\n\n"
            "$$f_t = \\sigma(W_f \\text{concat} + b_f)$$\n\n$$a_t = f_t \\odot \\tanh(W_c \\text{concat} + b_c)$$\n")
    assert count(text, d_x=7, d_a=5) == 2 * n_params(nn.RNNCell(7, 5)) - 2 * 5


def test_an_input_side_by_side_with_a_vector_is_said():
    text = "$$ h_t = \\tanh(W (a_{t-1} x_t) + b) $$\n$$ a_t = \\sigma(U h_t) $$\n"
    d = symcount.derive(text)
    assert any("an input side by side" in n for n in d.shapes.notes)


def test_html_list_items_in_a_markdown_quote():
    # `><li>H<sub>t</sub> = tanh ( W<sub>xh</sub> . X<sub>t</sub> + ... )</li>`: the quote mark and the item's tags
    # are layout; `xi` in W<sub>xi</sub> is a subscript, not the Greek letter
    text = ("><li>H<sub>t</sub> = tanh ( W<sub>xi</sub> . X<sub>t</sub> + W<sub>hi</sub> . H<sub>t−1</sub> "
            "+ B<sub>i</sub> )</li>\n")
    assert count(text, d_X=7, d_H=5) == n_params(nn.RNNCell(7, 5)) - 5


def test_slices_with_times_in_their_bounds():
    # `$i_t = \sigma(A_t[:, 0:hs])$`, `$f_t = \sigma(A_t[:, hs: 2\times hs])$`, ...: LaTeX's \times in a slice's bounds
    text = ("$A_t = W x_t + U h_{t-1} + b$\n\n$i_t = \\sigma(A_t[:, 0:hs])$\n\n$f_t = \\sigma(A_t[:, hs: 2\\times hs])$\n\n"
            "$o_t = \\sigma(A_t[:, 2\\times hs: 3\\times hs])$\n\n$g_t = \\tanh (A_t[:, 3\\times hs: 4\\times hs])$\n\n"
            "$c_t = f_t \\circ c_{t-1} + i_t \\circ g_t$\n\n$h_t = o_t \\circ \\tanh \\ (c_t)$\n")
    assert count(text, d_x=7, hs=5) == n_params(nn.LSTMCell(7, 5)) - 4 * 5


def test_a_same_step_cycle_through_a_stack_says_its_left_side():
    # a typo `U h_t` (for h_{t-1}) in `A_t = W x_t + U h_t + b` read through slices: the note names the stack
    # (an internal error before: a stack's left side has no one name)
    text = ("$A_t = W x_t + U h_t + b$\n\n$i_t = \\sigma(A_t[:, 0:hs])$\n\n$g_t = \\tanh(A_t[:, hs:2\\times hs])$\n\n"
            "$c_t = c_{t-1} + i_t \\circ g_t$\n\n$h_t = \\tanh(c_t)$\n")
    assert count(text, d_x=7, hs=5) == 2 * n_params(nn.RNNCell(7, 5)) - 2 * 5


def test_a_glued_bias_in_its_own_gates_equation():
    # a docstring's `z = σ(Wzx x_t + Wzh h_{t-1} + bz)`: b times z would read z in its own equation at the same step;
    # bz is b_z (it was b times z, an update of z: a d_h x d_h "bias", a wrong count)
    text = ("(1) z = σ(Wzx x_t + Wzh h_{t-1} + bz)\n(2) p = tanh(Wpx x_t + Wph h_{t-1})\n"
            "(3) h_t = (1 - z) * p + z * h_{t-1}\n")
    assert count(text, d_x=7, d_h=5) == 2 * n_params(nn.RNNCell(7, 5, bias=False)) + 5


def test_what_the_cell_is_computed_from_with_an_untimed_input():
    # `h_t = Gru(x, h_{t-1})` beside the steps that say how: x is the input the text writes x_t elsewhere
    text = ("(1) z = σ(W_z x_t + U_z h_{t-1})\n(2) p = tanh(W x_t + U h_{t-1})\n(3) h_t = (1 - z) * h_{t-1} + z * p\n\n"
            "The GRU sub-network has two inputs and one output:\n\n    h_t = Gru(x, h_{t-1})\n")
    assert count(text, d_x=7, d_h=5) == 2 * n_params(nn.RNNCell(7, 5, bias=False))


def test_a_hatted_sigmoid_and_delta_t_as_one_quantity():
    # Lux's LEM docs: `\boldsymbol{\Delta t_n} = \hat{\sigma}(W_1 y_{n-1} + V_1 u_n + b_1)`: Δt at n, σ̂ an activation
    text = ("```math\n\\begin{aligned}\n\\boldsymbol{\\Delta t_n} &= \\hat{\\sigma}(W_1 y_{n-1} + V_1 u_n + b_1) \\\\\n"
            "y_n &= (1 - \\boldsymbol{\\Delta t_n}) \\odot y_{n-1} + \\boldsymbol{\\Delta t_n} \\odot \\sigma (W_y y_{n-1} + V_y u_n + b_y)\n"
            "\\end{aligned}\n```\n")
    assert count(text, d_u=7, d_y=5) == 2 * n_params(nn.RNNCell(7, 5)) - 2 * 5


AUDIT = Path(__file__).parent / "data" / "audit22"


@pytest.mark.parametrize("name", ["c10", "c25", "c1", "c11"])
def test_audit_a_contrast_or_feedforward_word_does_not_pick_a_variant(name):
    # the round's audit: "Unlike a vanilla RNN", "as in a standard RNN", "extends the simple RNN", "a fully connected
    # layer" near one of two definitions set it aside and counted the other (an ablation, a summary without the bias,
    # a variant the text does not use): each now two readings, refused
    with pytest.raises(symcount.ShapeError, match="defined 2 times"):
        symcount.derive((AUDIT / f"{name}.md").read_text(encoding="utf-8"), name=f"{name}.md")


def test_audit_a_cjk_remark_on_a_continuation_row_keeps_the_term():
    # `&+ b_h （预激活）\\`: the remark in parentheses is blanked, the bias stays (it was erased with the column)
    d = symcount.derive((AUDIT / "c4.md").read_text(encoding="utf-8"), name="c4.md")
    assert d.evaluate(d_x=7, d_h=5) == n_params(nn.RNNCell(7, 5)) - 5


def test_audit_a_name_whose_values_are_written_out_is_a_constant():
    # `$r = [0.5, 0.9, 0.99, \ldots]^\top$, one per unit, never trained`: r is no parameter
    d = symcount.derive((AUDIT / "c14.md").read_text(encoding="utf-8"), name="c14.md")
    assert d.evaluate(d_x=7, d_h=5) == n_params(nn.RNNCell(7, 5)) - 5


def test_a_declaration_whose_index_lists_the_gates():
    # xLSTM notes: `$r_{z,i} \in \mathbb{R}$`, `$b_{z,i} \in \mathbb{R}$`: each listed name declared (one number each)
    text = ("$r_{z,i} \\in \\mathbb{R}$, $b_{z,i} \\in \\mathbb{R}$\n\n"
            "$$ z_t = \\tanh(W_z x_t + r_z \\odot h_{t-1} + b_z) $$\n$$ i_t = \\sigma(W_i x_t + r_i \\odot h_{t-1} + b_i) $$\n"
            "$$ h_t = i_t \\odot z_t $$\n")
    d = symcount.derive(text)
    assert d.evaluate(d_x=7, d_h=5) == 2 * (5 * 7 + 1 + 1)
    assert any("lists its index" in n for n in d.shapes.notes)


def test_the_steps_letter_in_prose_arithmetic_is_no_step():
    # "b - 1" in prose is no step letter: a bias b stays a bias (the check asks for b_{b-1}, b(b-1), b[b-1])
    text = RNN + "\nwith b - 1 entries set to zero at start.\n"
    assert count(text, d_x=7, d_h=5) == n_params(nn.RNNCell(7, 5)) - 5


@pytest.mark.parametrize("name, sizes, expected", [
    ("t2", dict(d_x=7, d_h=5, d_y=3), 5 * 5 + 5 * 7 + 5 + 3 * 5 + 3),  # `h = tanh(W x_t + Uh + b)`: U times h, not U_h
    ("t6", dict(d=7, n=5), 3 * (5 * 7 + 5 * 5 + 5)),  # `b_{z,j} \in \mathbb{R}`: an entry of b_z, no list of gates
    ("t7", dict(d_x=7, d_h=5), 4 * (5 * 7 + 5 * 5 + 5)),  # `b_f = (1, 1, \ldots, 1)^\top`: a starting value, b_f learned
])
def test_second_audit_counts(name, sizes, expected):
    d = symcount.derive((AUDIT / f"{name}.md").read_text(encoding="utf-8"), name=f"{name}.md")
    assert d.evaluate(**sizes) == expected


@pytest.mark.parametrize("name", ["t8", "t8b", "t10"])
def test_second_audit_refusals(name):
    # `h_t = \mathrm{GRU}(x, h_{t-1})` replacing a simple h_t (a cell the text names, not what h is computed from);
    # "A leaky variant would instead compute ..., so we do not use it" after "The model so far is a very simple RNN"
    with pytest.raises(symcount.SymcountError):
        symcount.derive((AUDIT / f"{name}.md").read_text(encoding="utf-8"), name=f"{name}.md")


def test_a_greek_letter_the_prose_calls_a_matrix_is_a_weight():
    # "a learned recurrent matrix $\Delta$" with `\Delta h_{t-1}`: Δ is a d_h x d_h weight (it was a learned scalar)
    d = symcount.derive((AUDIT / "t9.md").read_text(encoding="utf-8"), name="t9.md")
    assert d.evaluate(d_x=7, d_h=5) == n_params(nn.RNNCell(7, 5)) - 5
