"""Issue 17, eleventh round: a signal defined again alike (a summary after the steps), or again with a
signal it names written out (C_t = f_t C_{t-1} + i_t \\tanh(...) beside \\tilde{C}_t = \\tanh(...)), is
one definition, not a choice; a standard cell the text contrasts with ("In a standard RNN, ...") is set
aside; a command named for an elementwise product (\\ewprod). Counts against torch modules."""
from __future__ import annotations

import os

import pytest

import symcount

torch = pytest.importorskip("torch") if not os.environ.get("CI") else __import__("torch")
nn = torch.nn


def n_params(module) -> int:
    return sum(p.numel() for p in module.parameters())


class ConcatLSTM(nn.Module):
    """Four gates, each one weight over [h; x] and one bias."""

    def __init__(self, x: int, h: int) -> None:
        super().__init__()
        self.gates = nn.ModuleList(nn.Linear(x + h, h) for _ in range(4))

    def forward(self, x, h, c):
        f, i, g, o = (m(torch.cat([h, x], -1)) for m in self.gates)
        c = torch.sigmoid(f) * c + torch.sigmoid(i) * torch.tanh(g)
        return torch.sigmoid(o) * torch.tanh(c), c


class IndRNN(nn.Module):
    """h_t = sigma(W x_t + u * h_{t-1}): a full input weight, an elementwise recurrent vector, no bias."""

    def __init__(self, x: int, h: int) -> None:
        super().__init__()
        self.W = nn.Linear(x, h, bias=False)
        self.u = nn.Parameter(torch.zeros(h))

    def forward(self, x, h):
        return torch.sigmoid(self.W(x) + self.u * h)


def _lstm_matches(d, x=7, h=5):
    m = ConcatLSTM(x, h)
    assert m(torch.zeros(1, x), torch.zeros(1, h), torch.zeros(1, h))[0].shape == (1, h)
    assert d.evaluate(d_x=x, d_h=h) == n_params(m)


STEPS = r"""
$$f_t = \sigma(W_f \cdot [h_{t-1}, x_t] + b_f)$$

$$i_t = \sigma(W_i \cdot [h_{t-1}, x_t] + b_i)$$

$$\tilde{C}_t = \tanh(W_C \cdot [h_{t-1}, x_t] + b_C)$$

$$C_t = f_t \odot C_{t-1} + i_t \odot \tilde{C}_t$$

$$o_t = \sigma(W_o \cdot [h_{t-1}, x_t] + b_o)$$

$$h_t = o_t \odot \tanh(C_t)$$

The whole system:

$$\begin{aligned}
f_t &= \sigma(W_f \cdot [h_{t-1}, x_t] + b_f) \\
i_t &= \sigma(W_i \cdot [h_{t-1}, x_t] + b_i) \\
o_t &= \sigma(W_o \cdot [h_{t-1}, x_t] + b_o) \\
\tilde{C}_t &= \tanh(W_C \cdot [h_{t-1}, x_t] + b_C) \\
C_t &= f_t \odot C_{t-1} + i_t \odot \tilde{C}_t \\
h_t &= o_t \odot \tanh(C_t)
\end{aligned}$$
"""


def test_a_summary_that_repeats_the_steps_is_one_definition_each():
    d = symcount.derive(STEPS)
    _lstm_matches(d)
    assert not any("defined 2 times" in n for n in d.shapes.notes)


def test_the_same_equation_written_three_times_is_still_one_cell():
    d = symcount.derive(STEPS + "\n\nAgain:\n\n$$h_t = o_t \\odot \\tanh(C_t)$$\n")
    _lstm_matches(d)


def test_a_definition_that_writes_out_a_named_signal_is_the_same_definition():
    text = r"""
- Forget: `f_t = σ(W_f * [h_{t-1}, x_t] + b_f)`
- Input: `i_t = σ(W_i * [h_{t-1}, x_t] + b_i)`
- Output: `o_t = σ(W_o * [h_{t-1}, x_t] + b_o)`
- Cell: `C_t = f_t ⊙ C_{t-1} + i_t ⊙ tanh(W_C * [h_{t-1}, x_t] + b_C)`
- Hidden: `h_t = o_t ⊙ tanh(C_t)`

Formulation:

```
f_t = σ(W_f * [h_{t-1}, x_t] + b_f)
i_t = σ(W_i * [h_{t-1}, x_t] + b_i)
o_t = σ(W_o * [h_{t-1}, x_t] + b_o)
C̃_t = tanh(W_C * [h_{t-1}, x_t] + b_C)
C_t = f_t ⊙ C_{t-1} + i_t ⊙ C̃_t
h_t = o_t ⊙ tanh(C_t)
```
"""
    _lstm_matches(symcount.derive(text))


def test_definitions_that_differ_are_still_a_choice_and_refused_when_counts_differ():
    text = STEPS + r"""

With peepholes instead:

$$\begin{aligned}
f_t &= \sigma(W_f \cdot [h_{t-1}, x_t] + p_f \odot C_{t-1} + b_f) \\
i_t &= \sigma(W_i \cdot [h_{t-1}, x_t] + b_i)
\end{aligned}$$
"""
    with pytest.raises(symcount.SymcountError, match="readings with different counts"):
        symcount.derive(text)


CONTRAST = r"""
In a standard RNN, the recurrent connection uses a full weight matrix $\mathbf{W}_{hh}$:

$$
\mathbf{h}_t = \sigma(\mathbf{W}_{xh}\mathbf{x}_t + \mathbf{W}_{hh}\mathbf{h}_{t-1} + \mathbf{b}_h).
$$

In IndRNN, the recurrent weight is replaced by a **vector** $\mathbf{u}$ that acts element-wise:

$$
\mathbf{h}_t = \sigma(\mathbf{W}_{xh}\mathbf{x}_t + \mathbf{u} \odot \mathbf{h}_{t-1}), \tag{1}
$$
"""


def test_the_standard_cell_a_text_contrasts_with_is_set_aside_with_a_note():
    d = symcount.derive(CONTRAST)
    m = IndRNN(7, 5)
    assert m(torch.zeros(1, 7), torch.zeros(1, 5)).shape == (1, 5)
    assert d.evaluate(d_x=7, d_h=5) == n_params(m)
    assert any("standard cell" in n and "<input>:5:1" in n for n in d.shapes.notes)


def test_without_the_contrasting_words_the_two_cells_are_refused():
    with pytest.raises(symcount.SymcountError, match="readings with different counts"):
        symcount.derive(CONTRAST.replace("In a standard RNN, the", "The"))


def test_the_later_definition_is_kept_only_when_it_is_not_itself_the_standard_one():
    # both definitions follow words naming a standard cell: nothing says which is the text's own
    text = CONTRAST.replace("In IndRNN, the", "Unlike a standard RNN, the")
    with pytest.raises(symcount.SymcountError, match="readings with different counts"):
        symcount.derive(text)


@pytest.mark.parametrize("command", ["ewprod", "hadamard", "elemmul"])
def test_an_undefined_command_named_for_an_elementwise_product(command):
    text = (r"\begin{align}" "\n"
            r"f_t &= \sigma(W_f x_t + U_f h_{t-1} + b_f) \\" "\n"
            r"i_t &= \sigma(W_i x_t + U_i h_{t-1} + b_i) \\" "\n"
            r"o_t &= \sigma(W_o x_t + U_o h_{t-1} + b_o) \\" "\n"
            r"g_t &= \tanh(W_g x_t + U_g h_{t-1} + b_g) \\" "\n"
            rf"c_t &= f_t \{command} c_{{t-1}} + i_t \{command} g_t \\" "\n"
            rf"h_t &= o_t \{command} \tanh(c_t)" "\n"
            r"\end{align}")
    d = symcount.derive(text)
    _lstm_matches(d)  # one weight per gate over x and one over h: the count of one over [h; x]
    assert any(f"\\{command}" in n and "\\odot" in n for n in d.shapes.notes)
