"""Issue 17, sixteenth round: notations from h16's leftovers and h17's score. A display equation whose
activation's parenthesis is never closed (`$$i_t = \\sigma(W_i \\cdot [h_{t-1}, x_t] + b_i$$`). Counts
against torch modules."""
from __future__ import annotations

import os

import pytest

import symcount
from symcount.errors import SymcountError

torch = pytest.importorskip("torch") if not os.environ.get("CI") else __import__("torch")
nn = torch.nn


def n_params(*modules) -> int:
    return sum(p.numel() for m in modules for p in m.parameters())


def lstm_one_bias(x: int, h: int) -> int:
    """An LSTM with one bias per gate: torch's LSTMCell without its second bias."""
    return n_params(nn.LSTMCell(x, h)) - 4 * h


UNCLOSED = r"""
$$f_t = {\sigma}(W_f {\cdot}[h_{t-1}, x_t] + b_f)$$
$$i_t = {\sigma}(W_i{\cdot}[h_{t-1}, x_t] + b_i$$
$$\tilde{C}_t = tanh(W_C{\cdot}[h_{t-1}, x_t] + b_C$$
$$C_t = f_t * C_{t-1} + i_t * \tilde{C}_t$$
$$o_t = {\sigma} (W_o[h_{t-1}, x_t] + b_o) $$
$$h_t = o_t{\ast}tanh(C_t)$$
"""


def test_an_activation_left_open_in_display_math_closes_at_the_end_with_a_note():
    d = symcount.derive(UNCLOSED)
    for x, h in ((7, 5), (3, 11)):
        assert d.evaluate(d_x=x, d_h=h) == lstm_one_bias(x, h)
    notes = [n for n in d.shapes.notes if "never closed" in n]
    assert len(notes) == 2 and ":3:" in notes[0] and ":4:" in notes[1]


@pytest.mark.parametrize("line", [
    r"$$i_t = (W_i x_t + U_i h_{t-1} + b_i$$",            # a bare group: where it closes changes what it holds
    r"$$i_t = \text{Linear}(x_t) \odot (h_{t-1}$$",       # a linear map's: its output has a size of its own
    r"$$i_t = \max(W_i x_t + b_i$$",                        # max may reduce to one number
])
def test_a_display_parenthesis_left_open_elsewhere_is_still_an_error(line):
    with pytest.raises(SymcountError, match="cannot read the math"):
        symcount.derive(line + "\n$$h_t = i_t \\odot h_{t-1}$$\n")


RESTATED = r"""
$$f_t = \sigma(W_{f}[h_{t-1}, x_t] + b_f)$$

$$i_t = \sigma(W_{i}[h_{t-1}, x_t] + b_i)$$

$$\tilde{C}_t = \tanh(W_{C}[h_{t-1}, x_t] + b_C)$$

$$C_t = f_t \odot C_{t-1} + i_t \odot \tilde{C}_t$$

$$o_t = \sigma(W_{o}[h_{t-1}, x_t] + b_o)$$

$$h_t = o_t \odot \tanh(C_t)$$

En notación expandida, con $[h_{t-1}, x_t] \in \mathbb{R}^{d_h + d_x}$ denotando la concatenación:

$$\begin{bmatrix} f_t \\ i_t \\ \tilde{C}_t \\ o_t \end{bmatrix} = \begin{bmatrix} \sigma \\ \sigma \\ \tanh \\ \sigma \end{bmatrix} \left( W \begin{bmatrix} h_{t-1} \\ x_t \end{bmatrix} + b \right)$$

donde $W \in \mathbb{R}^{4d_h \times (d_h + d_x)}$ es la matriz de pesos combinada y $b \in \mathbb{R}^{4d_h}$ es el vector de sesgos combinado.
"""


def test_a_cell_restated_stacked_is_counted_once_when_both_forms_agree():
    d = symcount.derive(RESTATED)
    assert set(d.shapes.dims) == {"d_h", "d_x"}
    for x, h in ((7, 5), (3, 11)):
        assert d.evaluate(d_x=x, d_h=h) == lstm_one_bias(x, h)
    assert any("again stacked" in n and "same count" in n for n in d.shapes.notes)
    rows = symcount.derive(RESTATED, read={"stacked": "rows"})
    stacked = symcount.derive(RESTATED, read={"stacked": "stacked"})
    assert [p.name for p in rows.parameters][:2] == ["W_f", "b_f"] and [p.name for p in stacked.parameters] == ["W", "b"]


def test_a_restatement_that_counts_otherwise_is_refused_with_both_forms():
    text = RESTATED.replace(r" + b \right)", r" \right)").replace(r" y $b \in \mathbb{R}^{4d_h}$", "")
    with pytest.raises(SymcountError, match="readings") as exc:
        symcount.derive(text)
    assert "--read stacked=rows" in str(exc.value) or "stacked=rows" in str(exc.value.hint) + str(exc.value.notes)


def test_a_stacked_equation_in_the_same_block_as_the_rows_is_still_defined_twice():
    text = r"""$$\begin{aligned} f_t &= \sigma(W_f x_t + U_f h_{t-1}) \\ o_t &= \sigma(W_o x_t + U_o h_{t-1}) \\
    \begin{bmatrix} f_t \\ o_t \end{bmatrix} &= \sigma(W x_t + U h_{t-1}) \\ h_t &= f_t \odot o_t \odot h_{t-1} \end{aligned}$$"""
    with pytest.raises(SymcountError, match="defined twice"):
        symcount.derive(text)


TYPST = r"""
  #grid(
    columns: (auto, auto),
    [forget  #h(4pt) $f_t = sigma(W_f [h_(t-1), x_t] + b_f)$],
    [candidate #h(4pt) $tilde(C)_t = tanh(W_c [h_(t-1), x_t] + b_c)$],
    [input  #h(6pt) $i_t = sigma(W_i [h_(t-1), x_t] + b_i)$],
    [output #h(4pt) $o_t = sigma(W_o [h_(t-1), x_t] + b_o)$],
  )
  #text(fill: c-garnet)[
    $C_t = f_t dot.o C_(t-1) + i_t dot.o tilde(C)_t
       quad quad
     h_t = o_t dot.o tanh(C_t)$
  ]
"""


def test_typst_quad_between_two_equations_separates_them_as_latex_quad_does():
    d = symcount.derive(TYPST, name="cell.typ")
    for x, h in ((7, 5), (3, 11)):
        assert d.evaluate(d_x=x, d_h=h) == lstm_one_bias(x, h)
    assert {s.name for s in d.shapes.signals} >= {"C", "h"}


SLIPPED = r"""
- $F_{t} = \sigma(W_{f}\mathbf{x}_t+U_{f}h_{t-1}+b_f)$
- $I_{t} = \sigma(W_{i}\mathbf{x}_t+U_{i}h_{t-1}+b_i)$
- $\bar{c}_{t} = \tanh(W_{c}\mathbf{x}_t+U_{c}h_{t-1}+b_c)$
- $O_{t} = \sigma(W_{o}\mathbf{x}_t+U_{o}h_{t-1}+b_{o})$
- $C_{t} = f_{t} \circ c_{t-1} + i_{t} \circ \hat{c}_t$
- $H_t=o_{t} \circ tanh(c_{t})$
"""


def test_a_candidate_defined_under_one_accent_and_read_under_another_is_one_signal():
    d = symcount.derive(SLIPPED)
    for x, h in ((7, 5), (3, 11)):
        assert d.evaluate(d_x=x, d_H=h) == lstm_one_bias(x, h)
    assert any("two accents" in n and ":4:" in n for n in d.shapes.notes)


def test_two_accented_signals_of_different_letters_are_not_taken_for_one():
    with pytest.raises(SymcountError, match="never|no equation"):
        symcount.derive(SLIPPED.replace(r"\hat{c}_t", r"\hat{g}_t"))


PADDLE = r"""
状态更新公式如下：

..  math::

        i_{t} &= \sigma (W_{ii}x_{t} + b_{ii} + W_{hi}h_{t-1} + b_{hi})\\
        f_{t} &= \sigma (W_{if}x_{t} + b_{if} + W_{hf}h_{t-1} + b_{hf})\\
        o_{t} &= \sigma (W_{io}x_{t} + b_{io} + W_{ho}h_{t-1} + b_{ho})\\
        g_{t} &= \tanh (W_{ig}x_{t} + b_{ig} + W_{hg}h_{t-1} + b_{hg})\\
        c_{t} &= f_{t} * c_{t-1} + i_{t} * g_{t}\\
        h_{t} &= o_{t} * \tanh (c_{t})\\
        y_{t} &= h_{t}

若设置了 `proj_size`，隐状态 :math:`h_{t}` 将会被映射到指定维度：

.. math::
        h_{t} = h_{t} * W_{proj\_size}
"""


def test_an_update_a_sentence_supposes_is_a_reading_and_the_counts_differ():
    with pytest.raises(SymcountError, match="readings") as exc:
        symcount.derive(PADDLE, name="cell.rst")
    assert "optional-step=left-out" in str(exc.value)
    d = symcount.derive(PADDLE, name="cell.rst", read={"optional-step": "left-out"})
    for x, h in ((7, 5), (3, 11)):
        assert d.evaluate(d_x=x, d_h=h) == n_params(nn.LSTMCell(x, h))
    assert "W_{proj_size}" not in {p.name for p in d.parameters}


def test_an_update_after_a_plain_sentence_is_read_as_before():
    text = PADDLE.replace("若设置了 `proj_size`，", "")
    d = symcount.derive(text, name="cell.rst")
    assert any("read as an update" in n for n in d.shapes.notes)
    assert not any("optional-step" in n for n in d.shapes.notes)


PSEUDOCODE = """
**Algorithm 1**: minGRU, sequential mode

```
input:  x_t, h_{t-1}
output:  h_t

z_t    ← σ(Linear_{d_h}(x_t))
h̃_t   ← Linear_{d_h}(x_t)
h_t   ← (1 - z_t) ⊙ h_{t-1} + z_t ⊙ h̃_t
```
"""


def test_pseudocode_assigns_with_a_left_arrow():
    d = symcount.derive(PSEUDOCODE, name="cell.md")
    for x, h in ((7, 5), (3, 11)):
        assert d.evaluate(d_x=x, d_h=h) == n_params(nn.Linear(x, h), nn.Linear(x, h))


def test_an_arrow_after_an_equation_is_still_a_remark():
    text = "```\nz_t = σ(W_z x_t + U_z h_{t-1})   ← how much to update\nh_t = z_t ⊙ h_{t-1}\n```\n"
    d = symcount.derive(text, name="cell.md")
    assert {p.name for p in d.parameters} == {"W_z", "U_z"}


def gru_one_bias(x: int, h: int) -> int:
    return n_params(nn.GRUCell(x, h)) - 3 * h


EXTRA = r"""$$
\begin{aligned}
r_t &= \sigma(W_{xr}^Tx_t + W_{hr}^Th_{t-1} + b_r) \\
z_t &= \sigma(W_{xz}^Tx_t + W_{hz}^Th_{t-1} + b_z)) \\
\hat{h}_t &= \tanh(W_{xh}^Tx_t + W_{hh}^T(r_t \odot h_{t-1}) + b_h) \\
h_t &= z_t \odot h_{t-1} + (1 - z_t) \odot \hat{h}_t
\end{aligned}
$$"""


def test_a_parenthesis_that_closes_nothing_at_the_end_of_a_row_is_read_without_it():
    d = symcount.derive(EXTRA)
    for x, h in ((7, 5), (3, 11)):
        assert d.evaluate(d_x=x, d_h=h) == gru_one_bias(x, h)
    assert any("closes nothing" in n and ":4:" in n for n in d.shapes.notes)


@pytest.mark.parametrize("row", [
    r"z_t &= \sigma(W_{xz}^Tx_t) + W_{hz}^Th_{t-1}) + b_z \\",   # in the middle: where it belongs is not said
    r"z_t &= \sigma(W_{xz}^Tx_t + W_{hz}^Th_{t-1} + b_z))) \\",  # two too many
])
def test_a_parenthesis_that_closes_nothing_elsewhere_is_still_an_error(row):
    text = EXTRA.replace(r"z_t &= \sigma(W_{xz}^Tx_t + W_{hz}^Th_{t-1} + b_z)) \\", row)
    with pytest.raises(SymcountError, match="cannot read the math"):
        symcount.derive(text)


DELTA = r"""
$$k_t = W_k x_t, \quad v_t = W_v x_t, \quad q_t = W_q x_t$$
$$\beta_t = \sigma(w_\beta^\top x_t)$$
$$\hat{v}_t = S_{t-1} k_t$$
$$S_t = S_{t-1} + \beta_t (v_t - \hat{v}_t) k_t^\top$$
$$y_t = S_t q_t$$
"""


def test_a_matrix_state_read_before_its_definition_is_a_matrix_there_too():
    d = symcount.derive(DELTA)
    S = next(s for s in d.shapes.signals if s.name == "S")
    assert S.cols.terms and not S.cols.is_one  # a matrix, not a column
    for x, k, v in ((7, 4, 5), (3, 6, 2)):
        torch_count = n_params(nn.Linear(x, k, bias=False), nn.Linear(x, v, bias=False),
                               nn.Linear(x, k, bias=False), nn.Linear(x, 1, bias=False))
        assert d.evaluate(d_x=x, d_S=k, d_v=v) == torch_count


SSM = r"""
A state space model maps an input $x(t)$ to an output $y(t)$ through a hidden state $h(t)$:

$$h'(t) = A\, h(t) + B\, x(t), \quad y(t) = C\, h(t) + D\, x(t)$$

where $A \in \mathbb{R}^{N \times N}$, $B \in \mathbb{R}^{N \times P}$, $C \in \mathbb{R}^{Q \times N}$ and
$D \in \mathbb{R}^{Q \times P}$. Discretised with a step $\Delta$ (zero-order hold), it runs as a recurrence:

$$h_t = \bar{A}\, h_{t-1} + \bar{B}\, x_t, \quad y_t = C\, h_t + D\, x_t$$
"""


class _StateSpace(nn.Module):
    def __init__(self, n: int, p: int, q: int) -> None:
        super().__init__()
        self.A, self.B = nn.Parameter(torch.zeros(n, n)), nn.Parameter(torch.zeros(n, p))
        self.C, self.D = nn.Parameter(torch.zeros(q, n)), nn.Parameter(torch.zeros(q, p))


def test_a_state_space_written_continuous_then_discretised_counts_the_continuous_parameters():
    d = symcount.derive(SSM)
    for n, p, q in ((5, 7, 3), (4, 2, 6)):
        assert d.evaluate(N=n, P=p, Q=q) == n_params(_StateSpace(n, p, q))
    assert any("discretised" in note and "counted" in note for note in d.shapes.notes)


def test_a_discrete_form_with_a_parameter_of_its_own_is_not_set_aside():
    text = SSM.replace(r"y_t = C\, h_t + D\, x_t", r"y_t = C\, h_t + E\, x_t")
    d = symcount.derive(text)  # (E is no parameter of the continuous form: not the same state space)
    assert not any("discretised" in note for note in d.shapes.notes)
    assert "\\bar{A}" in {p.name for p in d.parameters}


TYPST_BLOCK = """Na RNN Simples, tinhamos que $h_t$ era dado por
$
  h_t = tanh(W mat(h_(t-1);x_t))
$
enquanto na LSTM, temos que:
$
  f_t = sigma(W_f mat(h_(t-1);x_t))   \\

  c_t = f_t dot.o c_(t-1) + (1 - f_t) dot.o tanh(W_c mat(h_(t-1);x_t))   \\

  h_t = tanh(c_t)
$
"""


def test_typst_mat_of_one_column_stacks_and_a_dollar_block_holds_its_blank_lines():
    # the second block, blank lines and all, is read (not dropped as prose): h_t is defined twice, in two blocks
    with pytest.raises(SymcountError, match="readings|defined"):
        symcount.derive(TYPST_BLOCK, name="cell.typ")
    d = symcount.derive(TYPST_BLOCK, name="cell.typ", read={"h_t": "2"})
    assert {p.name for p in d.parameters} == {"W_f", "W_c"}
    for x, h in ((7, 5), (3, 11)):
        assert d.evaluate(d_x=x, d_h=h) == 2 * n_params(nn.Linear(x + h, h, bias=False))
