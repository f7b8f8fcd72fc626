"""Readings found on text from sources the reader had not seen (issue 17's held-out corpus): each is
general (a notation, not a snippet), and a count printed is every reading's count."""
from __future__ import annotations

import pytest

import symcount

BIRNN = r"""
$$ h^{f}_t = \tanh(W^{f}_0 x_t + W^{f}_1 h_{t-1} + b^{f}_0) $$
$$ h^{b}_t = \tanh(W^{b}_0 x_t + W^{b}_1 h_{t-1} + b^{b}_0) $$
$$ h_t = [h^{f}_t; h^{b}_t] $$
"""


def test_a_direction_reads_its_own_state_and_bidirectional_counts_written_directions_once():
    d = symcount.derive(BIRNN, bidirectional=True)
    assert d.evaluate(d_x=7, d_hf=5, d_hb=5) == 2 * (5 * 7 + 5 * 5 + 5)  # torch.nn.RNN(7, 5, bidirectional=True), one bias
    notes = " ".join(d.shapes.notes)
    assert "that direction's own state" in notes and "counts them once" in notes


def test_the_concatenation_reading_is_there_to_pick():
    d = symcount.derive(BIRNN, read={"h": "concatenation"})
    assert d.evaluate(d_x=7, d_hf=5, d_hb=5) == 2 * (5 * 7 + 5 * 10 + 5)  # each direction reads both states (h = [h_f; h_b])


@pytest.mark.parametrize("marks", [("f", "b"), ("fw", "bw"), ("(f)", "(b)")])
def test_direction_marks(marks):
    f, b = marks
    text = BIRNN.replace("{f}", "{" + f + "}").replace("{b}", "{" + b + "}")
    d = symcount.derive(text)
    assert len(d.counts.parameters) == 6
    sizes = {n: 7 if n == "d_x" else 5 for n in d.counts.dims}
    assert len(sizes) == 3 and d.evaluate(**sizes) == 2 * (5 * 7 + 5 * 5 + 5)
    assert "own state" in " ".join(d.shapes.notes)


def test_one_direction_alone_is_not_read_as_bidirectional():
    text = r"$$ h^{f}_t = \tanh(W x_t + U h^{f}_{t-1}) $$"
    assert symcount.derive(text, bidirectional=True).evaluate(d_x=7, d_hf=5) == 2 * (5 * 7 + 25)


LUX = r"""
```math
i = \sigma(W_{ii} x + W_{hi} h_{prev} + b_{i})\\
h_{new} = i \odot \tanh(W_{hh} h_{prev})
```
  - `bias_ih`: Bias vector for the input-hidden connection
  - `bias_hh`: Bias vector for the hidden-hidden connection
"""


def test_bias_ih_and_bias_hh_in_the_prose_against_one_bias_in_the_equations_refuses():
    with pytest.raises(symcount.SymcountError) as exc:
        symcount.derive(LUX)
    text = str(exc.value) + " ".join(getattr(exc.value, "notes", ()))
    assert "--read biases=as-written" in text and "--read biases=doubled" in text


def test_each_bias_reading_is_picked_by_its_option():
    one = symcount.derive(LUX, read={"biases": "as-written"})
    two = symcount.derive(LUX, read={"biases": "doubled"})
    assert two.evaluate(d_x=7, d_h=5) - one.evaluate(d_x=7, d_h=5) == 5


def test_two_biases_written_in_the_equations_agree_with_the_prose():
    text = LUX.replace(r"+ b_{i})", r"+ b_{ii} + b_{hi})")
    d = symcount.derive(text)
    assert d.evaluate(d_x=7, d_h=5) == 5 * 7 + 25 + 25 + 10


def test_a_bias_the_equations_name_b_ih_is_the_one_they_have():
    text = LUX.replace(r"+ b_{i})", r"+ b_{ih})")
    assert symcount.derive(text).evaluate(d_x=7, d_h=5) == 5 * 7 + 25 + 25 + 5


# ---- code-style equations: a line of code at a time step ------------------------------------------
KNET_GRU = """`:gru`: Gated recurrent unit:

    i[t] = sigm(Wi * x[t] .+ Ri * h[t-1] .+ bWi .+ bRi) # input gate
    r[t] = sigm(Wr * x[t] .+ Rr * h[t-1] .+ bWr .+ bRr) # reset gate
    n[t] = tanh(Wn * x[t] .+ r[t] .* (Rn * h[t-1] .+ bRn) .+ bWn) # new gate
    h[t] = (1 - i[t]) .* n[t] .+ i[t] .* h[t-1]
"""


def test_julia_code_lines_with_broadcast_dots_and_two_letter_names():
    d = symcount.derive(KNET_GRU)
    assert d.evaluate(d_x=7, d_h=5) == 3 * (5 * 7 + 25) + 6 * 5  # torch.nn.GRU(7, 5)
    assert "b_{Wi}" in {p.name for p in d.counts.parameters} or "b_Wi" in {p.name for p in d.counts.parameters}


def test_c_comment_code_lines_with_indexed_names_and_a_dot_product():
    text = """//! ::kLSTM
//!
//!   i[t] := sigmoid(W[i].X[t] + R[i].H[t-1] + Wb[i] + Rb[i])
//!   f[t] := sigmoid(W[f].X[t] + R[f].H[t-1] + Wb[f] + Rb[f])
//!   o[t] := sigmoid(W[o].X[t] + R[o].H[t-1] + Wb[o] + Rb[o])
//!   c[t] :=    tanh(W[c].X[t] + R[c].H[t-1] + Wb[c] + Rb[c])
//!
//!   C[t] := f[t]*C[t-1] + i[t]*c[t]
//!   H[t] := o[t]*tanh(C[t])
"""
    assert symcount.derive(text).evaluate(d_X=7, d_H=5) == 4 * (5 * 7 + 25 + 10)


def test_lua_code_lines_with_arrow_indices_unicode_minus_and_equation_numbers():
    text = """```lua
i[t] = σ(W[x->i]x[t] + W[h->i]h[t−1] + b[1->i])      (1)
z[t] = tanh(W[x->c]x[t] + W[h->c]h[t−1] + b[1->c])   (2)
c[t] = i[t]z[t] + c[t−1]                             (3)
h[t] = tanh(c[t])                                    (4)
```
"""
    d = symcount.derive(text)
    assert d.evaluate(d_x=7, d_h=5) == 2 * (5 * 7 + 25 + 5)
    assert {p.name for p in d.counts.parameters} >= {"W_{xi}", "b_{1i}"} or \
        {p.name for p in d.counts.parameters} >= {"W_xi", "b_1i"}


def test_an_assignment_in_prose_is_not_a_code_line():
    with pytest.raises(symcount.SymcountError):
        symcount.derive("the value x[t] = 3 is what the model sees at h[t-1] and nothing else\n")


# ---- "diagonal" in the prose that names none of the weights ---------------------------------------
def test_diagonal_said_of_the_weights_from_the_cell_to_the_gates_is_said_of_each_weight_on_a_cell_state():
    text = r"""$$ i_t = \sigma(W_i x_t + U_i h_{t-1} + P_i c_{t-1}) $$
$$ c_t = i_t \odot c_{t-1} + \tanh(W_c x_t) $$
$$ h_t = \tanh(c_t) $$
Note that the weights from the cell to the gates are diagonal."""
    d = symcount.derive(text)  # (round 30: the sentence names the kind, cell to gate: P_i is one, diagonal as said)
    assert any("P_i" in n and "is a diagonal matrix, as the text says" in n for n in d.shapes.notes)
    assert d.evaluate(d_x=7, d_h=5) == 2 * 35 + 25 + 5
    assert symcount.derive(text, read={"P_i": "full"}).evaluate(d_x=7, d_h=5) == 2 * 35 + 2 * 25
    # a word of diagonal that names no kind of weight is still two readings for each weight on a cell state
    vague = text.replace("the weights from the cell to the gates are diagonal", "the weights on the cell may be diagonal")
    with pytest.raises(symcount.SymcountError, match="P_i diagonal or full"):
        symcount.derive(vague)
    plain = text.replace("Note that the weights from the cell to the gates are diagonal.", "")
    assert symcount.derive(plain).evaluate(d_x=7, d_h=5) == 2 * 35 + 2 * 25  # no word of it: full


# ---- equation editors' forms: a symbol in braces before its scripts, \mathop ... \limits^\sim ------
def test_a_symbol_in_braces_before_its_scripts():
    text = r"""$$ { r }_{ t }=\sigma ({ W }_{ r }{ x }_{ t }+{ U }_{ r }{ h }_{ t-1 }) \\
{\hat {h}}_{t}=\tanh ({ W }_{ h }{ x }_{ t }+{ U }_{ h }({ r }_{ t }\odot { h }_{ t-1 })) \\
{ h }_{ t }={ r }_{ t }\odot {\hat {h}}_{t} $$"""
    assert symcount.derive(text).evaluate(d_x=7, d_h=5) == 2 * (35 + 25)


def test_a_command_argument_keeps_its_braces():
    text = r"$$ h_t = \tanh(\mathbf{W}_{x} x_t + \frac{1}{2}\mathbf{U} h_{t-1}) $$"
    assert symcount.derive(text).evaluate(d_x=7, d_h=5) == 35 + 25


def test_mathop_limits_sim_is_a_tilde():
    text = r"""$$ \mathop {{s_t}}\limits^ \sim = \tanh ( {W_{\mathop s\limits^ \sim ,x}}{x_t} + {b_{\mathop s\limits^ \sim }} ) \\
s_t = f_t \circ s_{t-1} + \mathop {{s_t}}\limits^{\sim} \\
f_t = \sigma(W_{f,x} x_t + W_{f,h} s_{t-1}) $$"""
    d = symcount.derive(text)
    assert any(p.name.startswith("b_") and "tilde" in p.name for p in d.counts.parameters)
    assert d.evaluate(d_x=7, d_s=5) == 35 + 5 + 35 + 25


# ---- commands the text never defines, used as names; a range after an equation ---------------------
def test_short_undefined_commands_are_names_with_a_note():
    text = r"""\begin{align*}
\f_t &= \sigma(\U_\f \x_t + \W_\f \y_{t-1} + \b_\f) \in (0, 1)^n \\
\g_t &= \tanh(\U_\s \x_t + \W_\s \y_{t-1}) \\
\y_t &= \f_t \circ \g_t
\end{align*}"""
    d = symcount.derive(text)
    assert d.evaluate(d_x=7, d_y=5) == 2 * (35 + 25) + 5
    assert any("is a command the text does not define: read as the symbol x" in n for n in d.shapes.notes)


def test_a_command_with_an_argument_or_a_known_name_is_not_a_name():
    with pytest.raises(symcount.SymcountError):  # \one: a constant vector, never a parameter
        symcount.derive(r"$$ h_t = (\one - z_t) \odot \tanh(W x_t + U h_{t-1}) \\ z_t = \sigma(V x_t) $$")
    d = symcount.derive(r"$$ h_t = \tanh(W x_t + U h_{t-1}) \in (-1, 1)^n $$")  # the range is no side
    assert d.evaluate(**{n: 7 if n == "d_x" else 5 for n in d.counts.dims}) == 35 + 25
