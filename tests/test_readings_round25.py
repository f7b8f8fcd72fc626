"""Issue 17, twenty-fifth round: what the last round's audits left and set h30 showed. Counts against torch."""
from __future__ import annotations

import os

import pytest

import symcount
from symcount.errors import ShapeError

torch = pytest.importorskip("torch") if not os.environ.get("CI") else __import__("torch")
nn = torch.nn


def n_params(*modules) -> int:
    return sum(p.numel() for m in modules for p in m.parameters())


class ScalarGateRNN(nn.Module):
    """z_t = sigma(w^T x_t + u^T h_{t-1} + b_z), one number; h_t = z_t h_{t-1} + (1 - z_t) tanh(W x_t + U h_{t-1} + b)."""

    def __init__(self, d: int, n: int) -> None:
        super().__init__()
        self.z = nn.Linear(d + n, 1)  # w, u and b_z: one number
        self.W, self.U = nn.Linear(d, n), nn.Linear(n, n, bias=False)

    def forward(self, x, h):
        z = torch.sigmoid(self.z(torch.cat([x, h], -1)))
        return z * h + (1 - z) * torch.tanh(self.W(x) + self.U(h))


def test_a_bias_added_to_a_sum_of_inner_products_is_one_number():
    text = ("Input $x_t \\in \\mathbb{R}^{d}$, state $h_t \\in \\mathbb{R}^{n}$.\n\n"
            "$$z_t = \\sigma(\\mathbf{w}^\\top x_t + \\mathbf{u}^\\top h_{t-1} + b_z)$$\n"
            "$$h_t = z_t h_{t-1} + (1 - z_t) \\tanh(W x_t + U h_{t-1} + b)$$\n")
    d = symcount.derive(text)
    m = ScalarGateRNN(5, 7)
    m(torch.zeros(1, 5), torch.zeros(1, 7))  # the module runs: the shapes are the text's
    assert d.evaluate(d=5, n=7) == n_params(m)  # w, u, one b_z; W, b, U
    assert any("b_z" in n and "one number" in n for n in d.shapes.notes)


def test_a_plain_lower_case_weight_transposed_is_a_vector_or_a_matrix_and_where_they_differ_the_text_refuses():
    text = ("Input $x_t \\in \\mathbb{R}^{d}$, state $h_t \\in \\mathbb{R}^{n}$.\n"
            "$$\\alpha_t = \\sigma(w_a^\\top x_t + b_a)$$\n$$\\beta_t = \\sigma(W_b x_t + b_b)$$\n"
            "$$\\tilde{h}_t = \\tanh(W x_t + U h_{t-1})$$\n$$h_t = (1 - \\alpha_t - \\beta_t) h_{t-1} + \\alpha_t \\tilde{h}_t$$\n")
    with pytest.raises(ShapeError) as err:
        symcount.derive(text)
    assert "--read w_a=matrix" in str(err.value) and "--read w_a=vector" in str(err.value)
    vector = symcount.derive(text, read={"w_a": "vector"})
    # alpha one number: w_a and b_a one gate of one output; beta a gate of n; the candidate W and U without bias
    assert vector.evaluate(d=5, n=7) == n_params(nn.Linear(5, 1), nn.Linear(5, 7), nn.Linear(5, 7, bias=False),
                                                 nn.Linear(7, 7, bias=False))
    matrix = symcount.derive(text, read={"w_a": "matrix"})
    assert matrix.evaluate(d=5, n=7) == n_params(nn.Linear(5, 7), nn.Linear(5, 7), nn.Linear(5, 7, bias=False),
                                                 nn.Linear(7, 7, bias=False))
    # xLSTM's exponential gate written with a plain w_i: one number or a vector gate, the text does not say
    xl = "$$\\tilde{i}_t = w_i^\\top x_t + b_i$$\n$$i_t = \\exp(\\tilde{i}_t)$$\n$$h_t = i_t \\tanh(W x_t + U h_{t-1} + b)$$\n"
    with pytest.raises(ShapeError) as err:
        symcount.derive(xl)
    assert "--read w_i=vector" in str(err.value)
    one = symcount.derive(xl, read={"w_i": "vector"})
    assert one.evaluate(d_x=5, d_h=7) == n_params(nn.Linear(5, 1), nn.Linear(5, 7), nn.Linear(7, 7, bias=False))
