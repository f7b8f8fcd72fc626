"""Issue 17, thirty-ninth round: what the fifty-fourth held-out set's misses showed. Counts against torch; each text
is written here in the notation a snippet used, not copied from it."""
from __future__ import annotations

import os

import pytest

import symcount
from symcount.errors import SymcountError

torch = pytest.importorskip("torch") if not os.environ.get("CI") else __import__("torch")
nn = torch.nn


def numel(*modules) -> int:
    return sum(p.numel() for m in modules for p in m.parameters())


def lstm_one_bias(x: int, h: int) -> int:
    return numel(nn.LSTMCell(x, h)) - 4 * h  # (torch's two biases per gate; the texts write one)


# ---- two names on the left of one product: Géron's `y_t, h_t = o_t ⊗ tanh(c_t)` ------------------------------------

GERON = r"""$$
\begin{eqnarray}
\mathbf{f}_{t} & = & \sigma \left( \mathbf{W}_{xf}^{T} \cdot \mathbf{x}_{t} + \mathbf{W}_{hf}^{T} \cdot \mathbf{h}_{t-1} + \mathbf{b}_{f} \right) \\
\mathbf{i}_{t} & = & \sigma \left( \mathbf{W}_{xi}^{T} \cdot \mathbf{x}_{t} + \mathbf{W}_{hi}^{T} \cdot \mathbf{h}_{t-1} + \mathbf{b}_{i} \right) \\
\mathbf{o}_{t} & = & \sigma \left( \mathbf{W}_{xo}^{T} \cdot \mathbf{x}_{t} + \mathbf{W}_{ho}^{T} \cdot \mathbf{h}_{t-1} + \mathbf{b}_{o} \right) \\
\mathbf{g}_{t} & = & \tanh \left( \mathbf{W}_{xg}^{T} \cdot \mathbf{x}_{t} + \mathbf{W}_{hg}^{T} \cdot \mathbf{h}_{t-1} + \mathbf{b}_{g} \right) \\
\mathbf{c}_{t} & = & \mathbf{f}_{t} \otimes \mathbf{c}_{t-1} + \mathbf{i}_{t} \otimes \mathbf{g}_{t} \\
\mathbf{y}_{t}, \mathbf{h}_{t} & = & \mathbf{o}_{t} \otimes \tanh \left( \mathbf{c}_{t} \right)
\end{eqnarray}
$$
"""


def test_two_names_for_one_product_are_both_its_value():
    d = symcount.derive(GERON)
    sizes = {s.name: str(s.dim) for s in d.shapes.signals}
    assert sizes["h"] == sizes["o"] == sizes["c"] == sizes["y"]
    assert d.evaluate(d_x=7, d_h=5) == lstm_one_bias(7, 5)


@pytest.mark.parametrize("line", [r"h_t, c_t = f_{lstm}(x_t, h_{t-1}, c_{t-1})", r"h_t, c_t = \text{LSTM}(x_t, h_{t-1})"])
def test_two_names_for_a_call_stay_the_cells_signature(line):
    text = r"""$$
\begin{aligned}
%s \\
h_t &= \tanh(W x_t + U h_{t-1} + b)
\end{aligned}
$$""" % line.replace(" = ", " &= ")
    d = symcount.derive(text)
    assert any("signature" in n for n in d.shapes.notes)
    assert d.evaluate(d_x=7, d_h=5) == numel(nn.RNNCell(7, 5)) - 5


# ---- a split's pieces are defined where the split is: `i_t, f_t, g_t, o_t = split(W @ [x_t, h_{t-1}] + b, 4)` ---------

SPLIT_CODE = """Each step of the cell:

    i_t, f_t, g_t, o_t = split(W @ concat([x_t, h_{t-1}]) + b, 4)
    c_t = sigmoid(f_t) * c_{t-1} + sigmoid(i_t) * tanh(g_t)
    h_t = sigmoid(o_t) * tanh(c_t)
"""


@pytest.mark.parametrize("text", [SPLIT_CODE, SPLIT_CODE.replace(
    "    i_t, f_t, g_t, o_t = split(W @ concat([x_t, h_{t-1}]) + b, 4)",
    "    gates = W @ concat([x_t, h_{t-1}]) + b\n    i_t, f_t, g_t, o_t = split(gates, 4)")])
def test_the_pieces_of_a_split_are_defined_by_it(text):
    d = symcount.derive(text)
    assert d.evaluate(d_x=7, d_h=5) == lstm_one_bias(7, 5)


def test_a_split_into_more_pieces_than_its_count_stays_unread():
    with pytest.raises(SymcountError):
        symcount.derive(SPLIT_CODE.replace(", 4)", ", 3)"))
