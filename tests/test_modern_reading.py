"""The notation of the modern layers, read as their papers write it: outer products, matrix and
scalar states, heads, time letters n and k, products of sizes, complex declarations, absolute
values and norms, equation numbers after the math; and the errors around them."""
from __future__ import annotations

import pytest

import symcount
from symcount.errors import SymcountError

MLSTM = r"""
$$ C_t = f_t C_{t-1} + i_t v_t k_t^\top \\ n_t = f_t n_{t-1} + i_t k_t \\
h_t = o_t \odot (C_t q_t / \max\{|n_t^\top q_t|, 1\}) \\ q_t = W_q x_t + b_q \\ k_t = W_k x_t + b_k \\
v_t = W_v x_t + b_v \\ i_t = \exp(w_i^\top x_t + b_i) \\ f_t = \sigma(w_f^\top x_t + b_f) \\
o_t = \sigma(W_o x_t + b_o) $$
where $C_t \in \mathbb{R}^{d \times d}$, $f_t, i_t \in \mathbb{R}$, $x_t \in \mathbb{R}^{d}$
"""


def test_mlstm_as_the_paper_writes_it():
    d = symcount.derive(MLSTM)
    assert str(d.cell_total) == "4*d**2 + 6*d + 2"
    c = next(s for s in d.shapes.signals if s.name == "C")
    assert (str(c.dim), str(c.cols)) == ("d", "d")
    # the state carried between steps: C (d x d) and n (d)
    assert d.cost.evaluate(d=5, T=1, B=1)["memory"]["state"] == 4 * (25 + 5)


def test_outer_product_of_rows_and_time_letter_n():
    text = r"""$$ S_n = \gamma S_{n-1} + K_n^\top V_n \\ O_n = Q_n S_n \\ Q_n = X_n W_Q \\ K_n = X_n W_K \\
    V_n = X_n W_V $$ where $X_n \in \mathbb{R}^{1 \times d}$, $Q_n, K_n \in \mathbb{R}^{1 \times k}$,
    $V_n \in \mathbb{R}^{1 \times v}$, $S_n \in \mathbb{R}^{k \times v}$ and $\gamma$ is a fixed constant."""
    d = symcount.derive(text)
    assert str(d.cell_total) == "2*d*k + d*v"
    assert any(s.name == "S" and s.recurrent for s in d.shapes.signals)
    eq = next(e for e in d.cost.equations if e.label == "S_n")
    assert str(eq.macs) == "k*v"


def test_time_letter_k_and_complex_parameters():
    text = r"""$$ x_k = \mathrm{Diag}(\lambda) x_{k-1} + B u_k \\ y_k = \Re(C x_k) + D \odot u_k $$
    where $u_k, y_k \in \mathbb{R}^{H}$, $x_k, \lambda \in \mathbb{C}^{N}$, $B \in \mathbb{C}^{N \times H}$,
    $C \in \mathbb{C}^{H \times N}$, $D \in \mathbb{R}^{H}$"""
    # a complex entry is two real parameters or one (torch's numel of a complex tensor): the text does
    # not say which, so the count is refused with both readings; each --read gives its own count
    with pytest.raises(symcount.ShapeError) as err:
        symcount.derive(text)
    assert "--read complex=reals" in str(err.value) and "--read complex=entries" in str(err.value)
    assert str(symcount.derive(text, read={"complex": "reals"}).cell_total) == "4*H*N + H + 2*N"
    assert str(symcount.derive(text, read={"complex": "entries"}).cell_total) == "2*H*N + H + N"
    said = text + "\n(each complex entry is stored as its real and imaginary parts)"
    assert str(symcount.derive(said).cell_total) == "4*H*N + H + 2*N"


def test_product_of_sizes():
    d = symcount.derive(r"$$ h_t = \tanh(W x_t + U h_{t-1}) $$ where $W \in \mathbb{R}^{E d \times d}$")
    assert d.evaluate(E=2, d=3) == 6 * 3 + 36
    assert set(d.symbols) == {"E", "d"}


def test_equation_numbers_after_the_math():
    d = symcount.derive(r"$$ h_t = \tanh(W x_t + U h_{t-1}) \qquad (3) \\ y_t = V h_t \quad (4.1) $$")
    assert [e.label for e in d.equations] == ["h_t", "y_t"]


def test_heads_multiply_all_but_the_shared():
    text = r"""% symcount: heads H
% symcount: shared W_o
$$ q_t = W_q x_t \\ h_t = \tanh(q_t + U h_{t-1}) \\ y_t = W_o x_t $$
where $x_t \in \mathbb{R}^{d}$, $q_t \in \mathbb{R}^{k}$"""
    d = symcount.derive(text)
    assert str(d.cell_total) == "H*d*k + H*k**2 + d*d_y"


def test_shared_without_heads_is_an_error():
    with pytest.raises(SymcountError, match="needs `% symcount: heads H`"):
        symcount.derive("% symcount: shared W\n$$ h_t = \\tanh(W x_t + U h_{t-1}) $$")


def test_conv_needs_its_width():
    with pytest.raises(SymcountError, match="needs its width over time"):
        symcount.derive(r"$$ h_t = \tanh(\mathrm{Conv1d}(x_t) + U h_{t-1}) $$")


def test_block_diagonal_map():
    # \mathrm{BlockDiag}_{P}(x): blocks of P x P on the diagonal, |x| P weights, no bias; P MACs per entry
    d = symcount.derive(r"""$$ h_t = \tanh(\mathrm{BlockDiag}_{P}(x_t) + \mathrm{BlockDiag}_{P}(h_{t-1})) $$
where $x_t, h_t \in \mathbb{R}^{n}$""")
    assert str(d.cell_total) == "2*P*n"
    assert d.cost.evaluate(n=6, P=3, T=1, B=1)["macs"] == 36


def test_block_diagonal_needs_its_block_size():
    with pytest.raises(SymcountError, match="needs its block size"):
        symcount.derive(r"$$ h_t = \tanh(\mathrm{BlockDiag}(x_t) + U h_{t-1}) $$")


HEAD_PART = r"""% symcount: heads H
% symcount: shared Q
$$ Q_t = W_Q x_t \\ g_t = \sigma(w_g^\top Q_t) \\ q_t = \mathrm{head}(Q_t) \\ S_t = g_t S_{t-1} + q_t q_t^\top \\
y_t = W_o S_t q_t $$
where $x_t, y_t \in \mathbb{R}^{d}$, $Q_t \in \mathbb{R}^{H P}$, $S_t \in \mathbb{R}^{P \times P}$, $g_t \in \mathbb{R}$"""


def test_a_heads_part_of_a_signal_of_all_heads():
    # Q_t (H P, once for all heads); each head's gate reads all of it, its state its own P entries
    d = symcount.derive(HEAD_PART)
    assert str(d.cell_total) == "H**2*P + 2*H*P*d"
    q = next(s for s in d.shapes.signals if s.name == "q")
    assert str(q.dim) == "P"
    assert d.cost.evaluate(H=3, P=4, d=5, T=1, B=1)["memory"]["state"] == 4 * 3 * 16


@pytest.mark.parametrize("text,message", [
    (HEAD_PART.replace("% symcount: heads H\n% symcount: shared Q\n", ""), "not one head of several"),
    (HEAD_PART.replace(r"Q_t \in \mathbb{R}^{H P}", r"Q_t \in \mathbb{R}^{m}"), "declare Q_t with H times"),
])
def test_a_heads_part_needs_heads_and_a_size_of_all_heads(text, message):
    with pytest.raises(SymcountError, match=message):
        symcount.derive(text)
