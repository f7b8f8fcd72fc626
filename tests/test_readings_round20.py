"""Issue 17, twentieth round: notations set h19 showed (besides the lists of parameters with their
shapes, tests/test_listing.py). `c\\prime` for c'; shapes in prose written `$\\left(H_{out}, H_{in}\\right)$`
and a signal's `(N, H_{in})` (a minibatch of rows); a scraped page's glyphs run together before the
TeX (`zt=σ(...)z_t = \\sigma(...)`); the underscores a page's Markdown took for emphasis marks, left as
`*` (`\\tilde{C}*t`, `h*{t-1}`); a weight against a list of signals, `W(H_{t-1}, X_t)`. Counts against
torch modules."""
from __future__ import annotations

import os

import pytest

import symcount

torch = pytest.importorskip("torch") if not os.environ.get("CI") else __import__("torch")
nn = torch.nn


def n_params(*modules) -> int:
    return sum(p.numel() for m in modules for p in m.parameters())


LSTM_CELL = r"""$$
\begin{align}
    i &= \sigma\left(W_{ii}x+b_{ii}+W_{hi}h+b_{hi}\right) \\
    f &= \sigma\left(W_{if}x+b_{if}+W_{hf}h+b_{hf}\right) \\
    g &= \text{tanh}\left(W_{ig}x+b_{ig}+W_{hg}h+b_{hg}\right) \\
    o &= \sigma\left(W_{io}x+b_{io}+W_{ho}h+b_{ho}\right) \\
    c\prime &= f\odot c+i\odot g \\
    h\prime &= o \odot\text{tanh}\left(c\prime\right)
\end{align}
$$

Where

* $x$ is the input tensor of size $\left(N, H_{in}\right)$ or $\left(H_{in}\right)$.
* $h$ is the hidden state tensor of size $\left(N, H_{out}\right)$.
* $W_{ii}$, $W_{if}$, $W_{ig}$ and $W_{io}$ are weight tensors of size $\left(H_{out}, H_{in}\right)$.
"""


def test_a_bare_prime_and_shapes_in_left_right_parentheses():
    d = symcount.derive(LSTM_CELL)
    assert {s.name for s in d.shapes.signals} >= {"c", "h"}  # c\prime is c's new value, not another signal
    for h_in, h_out in ((7, 5), (3, 8)):
        assert d.evaluate(H_in=h_in, H_out=h_out) == n_params(nn.LSTMCell(h_in, h_out))
    assert any("x at" in n and "vector of size H_in" in n for n in d.shapes.notes)  # (N, H_in): N rows of a batch


KATEX_GLUED = """How it works

zt=σ(Wz[ht1,xt]+bz)z_t = \\sigma(W_z [h_{t-1}, x_t] + b_z)

rt=σ(Wr[ht1,xt]+br)r_t = \\sigma(W_r [h_{t-1}, x_t] + b_r)

h~t=tanh(Wh[rtht1,xt]+bh)\\tilde{h}_t = \\tanh(W_h [r_t \\odot h_{t-1}, x_t] + b_h)

ht=(1zt)h~t+ztht1h_t = (1 - z_t) \\odot \\tilde{h}_t + z_t \\odot h_{t-1}
"""


class _ConcatGRU(nn.Module):
    def __init__(self, x: int, h: int):
        super().__init__()
        self.z, self.r, self.h = (nn.Linear(h + x, h) for _ in range(3))


def test_glyphs_run_together_before_the_tex_are_left_out():
    d = symcount.derive(KATEX_GLUED)
    assert d.evaluate(d_x=7, d_h=5) == n_params(_ConcatGRU(7, 5))
    two = KATEX_GLUED.replace("\n\nrt=", " rt=")  # two on one line
    assert symcount.derive(two).evaluate(d_x=7, d_h=5) == n_params(_ConcatGRU(7, 5))
    # the glyphs are kept where their left side is not the TeX's
    with pytest.raises(symcount.SymcountError):
        symcount.derive(KATEX_GLUED.replace("zt=σ(Wz[ht1,xt]+bz)z_t", "yt=σ(Wz[ht1,xt]+bz)z_t"))


STARRED = r"""Forget Gate: $$f_t = \sigma(W_f \cdot [h_{t-1}, x_t] + b_f)$$

Input Gate: $$i_t = \sigma(W_i \cdot [h_{t-1}, x_t] + b_i)$$

Candidate Cell State: $$\tilde{C}*t = \tanh(W_C \cdot [h*{t-1}, x_t] + b_C)$$

Output Gate: $$o_t = \sigma(W_o \cdot [h_{t-1}, x_t] + b_o)$$

Cell State Update: $$C_t = f_t \odot C_{t-1} + i_t \odot \tilde{C}_t$$

Hidden State: $$h_t = o_t \odot \tanh(C_t)$$
"""


def test_underscores_that_markdown_made_stars():
    d = symcount.derive(STARRED)
    assert d.evaluate(d_x=7, d_h=5) == n_params(*(nn.Linear(12, 5) for _ in range(4)))
    # a star of its own in the region (a product) leaves the region as written
    lone = STARRED.replace(r"[h*{t-1}, x_t] + b_C)$$", r"[h_{t-1}, x_t] + b_C)$$")
    with pytest.raises(symcount.SymcountError):
        symcount.derive(lone)


def test_a_weight_against_a_list_of_signals_multiplies_their_concatenation():
    d = symcount.derive(r"Où $H_t = \tanh(W(H_{t-1}, X_t)+b)$.")
    assert d.evaluate(d_X=7, d_H=5) == n_params(nn.RNNCell(7, 5)) - 5  # one bias
    assert any("concatenation [H_{t-1}; X_t]" in n for n in d.shapes.notes)
    with pytest.raises(symcount.SymcountError):  # a function's letter keeps its arguments
        symcount.derive(r"$H_t = \tanh(f(H_{t-1}, X_t)+b)$")
