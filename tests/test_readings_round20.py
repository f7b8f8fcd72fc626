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
    # a star of its own on a right side (a product) leaves the region as written (round 29: one on a left side before
    # its step's letter, `\tilde{C}*t = ...`, is read as `_`: a left side is one symbol, never a product)
    lone = STARRED.replace(r"\tilde{C}*t = ", r"\tilde{C}_t = ")
    with pytest.raises(symcount.SymcountError):
        symcount.derive(lone)
    left = STARRED.replace(r"[h*{t-1}, x_t] + b_C)$$", r"[h_{t-1}, x_t] + b_C)$$")
    assert symcount.derive(left).evaluate(d_x=7, d_h=5) == n_params(*(nn.Linear(12, 5) for _ in range(4)))


def test_a_weight_against_a_list_of_signals_multiplies_their_concatenation():
    d = symcount.derive(r"Où $H_t = \tanh(W(H_{t-1}, X_t)+b)$.")
    assert d.evaluate(d_X=7, d_H=5) == n_params(nn.RNNCell(7, 5)) - 5  # one bias
    assert any("concatenation [H_{t-1}; X_t]" in n for n in d.shapes.notes)
    with pytest.raises(symcount.SymcountError):  # a function's letter keeps its arguments
        symcount.derive(r"$H_t = \tanh(f(H_{t-1}, X_t)+b)$")


# ---- what set h20's score showed ------------------------------------------------------------------------
def test_a_gate_multiplied_by_star_that_no_equation_computes_is_refused():
    text = """a. f_t= sigmoid(Uf*x_t+ Vf*h_(t-1)+ b_f)
b. i_t= sigmoid(Ui*x_t+ Vi*h_(t-1) + b_i)
c. g_t= tanh(Ug*x_t+ Vg*h_(t-1)+ b_g)
d. C_t= (i_t * g_t)+ f_t* C_(t-1)
e. h_t= o_t * tanh(C_t)
"""
    with pytest.raises(symcount.SymcountError, match="o_t is multiplied entry by entry like a gate"):
        symcount.derive(text)


ONNX_GRU = """    In this comment:
        (Wbz + Ubz) is embeded in the attribute bias_z_t
        (Wbr + Ubr) is embeded in the attribute bias_r_t
        Wbn is bias_n_t
        Ubn is bias_n_t_hidden

    - z_t = sigmoid(x_t * Wz_x.T + h_{t-1} * (Uz_h.T) + Wbz + Ubz)
    - r_t = sigmoid(x_t * Wr_x.T + h_{t-1} * (Ur_h.T) + Wbr + Ubr)
    - n_t = tanh(x_t * Wn_x.T + Wbn + r_t (.) (h_{t-1} * Un_h.T + Ubn))
    - h_t = (1 - z_t) (.) n_t + z_t (.) h_{t-1}
"""


class _OnnxGRU(nn.Module):
    """Three input weights, three recurrent ones; one stored bias for z and for r, two for n."""

    def __init__(self, x: int, h: int):
        super().__init__()
        self.W = nn.Parameter(torch.zeros(3 * h, x))
        self.U = nn.Parameter(torch.zeros(3 * h, h))
        self.bias_z, self.bias_r, self.bias_n, self.bias_n_hidden = (nn.Parameter(torch.zeros(h)) for _ in range(4))


def test_a_sum_of_two_biases_the_prose_says_is_one_attribute():
    d = symcount.derive(ONNX_GRU)
    assert d.evaluate(d_x=7, d_h=5) == n_params(_OnnxGRU(7, 5))
    assert any("each pair of biases it names" in n for n in d.shapes.notes)
    both = symcount.derive(ONNX_GRU, read={"summed-biases": "as-written"})
    assert both.evaluate(d_x=7, d_h=5) == n_params(_OnnxGRU(7, 5)) + 2 * 5


def test_chinese_prose_that_says_the_bias_is_implicit_refuses():
    text = ("$$\nz_t = \\sigma(W_z \\cdot [h_{t-1}, x_t])\n$$\n\n（为简洁起见，偏置项 $b_z$ 隐含在 $W_z$ 的矩阵乘法中，实际使用时应加上。）\n\n"
            "$$\nh_t = (1 - z_t) \\odot h_{t-1} + z_t \\odot \\tanh(W \\cdot [h_{t-1}, x_t])\n$$\n")
    with pytest.raises(symcount.SymcountError, match="bias terms are left out"):
        symcount.derive(text)


def test_typst_small_circles_and_a_function_of_a_signal_in_prose():
    text = """Minimal gated recurrent unit with hidden state $h in RR^d$:
  $ z_t &= sigma(W_z x_t) \\
     tilde(h)_t &= W_h x_t \\
     h_t &= (1 - z_t) circle.filled.tiny h_(t-1) + z_t circle.filled.tiny tilde(h)_t $

  Expanding: the coefficient matrix is $A(x_t) = "diag"(1 - z_t)$, which depends only on input $x_t$.
"""
    d = symcount.derive(text)
    assert d.evaluate(d=5, d_x=7) == n_params(nn.Linear(7, 5, bias=False), nn.Linear(7, 5, bias=False))
    assert any("says what a function of a signal is" in n for n in d.shapes.notes)


MATHJAX_ANGLES = r"""$ z^{\lt t \gt} = g_1 (W_z a^{ \lt t-1 \gt} + U_z x^{ \lt t \gt } + b_z) $

$ r^{\lt t \gt} = g_1 (W_r a^{ \lt t-1 \gt} + U_r x^{ \lt t \gt } + b_r) $

$ c^{\lt t \gt} = g_2 (W_c ( r^{\lt t \gt} \circ a^{ \lt t-1 \gt} ) + U_c x^{ \lt t \gt } + b_c) $

$ a^{\lt t \gt} = (1 - z^{\lt t \gt}) \circ a^{\lt t-1 \gt} + z^{\lt t \gt} \circ c^{\lt t \gt} $

Where $ g_1, g_2 $ activation functions.
"""


class _TwoWeightGRU(nn.Module):
    def __init__(self, x: int, h: int):
        super().__init__()
        self.W = nn.ModuleList(nn.Linear(h, h, bias=False) for _ in range(3))
        self.U = nn.ModuleList(nn.Linear(x, h) for _ in range(3))


def test_mathjax_angle_steps_and_numbered_activation_letters():
    d = symcount.derive(MATHJAX_ANGLES)
    assert {s.name for s in d.shapes.signals} >= {"z", "a", "x"}  # \lt t \gt: the step t
    assert d.evaluate(d_x=7, d_a=5) == n_params(_TwoWeightGRU(7, 5))
    assert any("g_1(...)" in n and "function g_1 with no parameters" in n for n in d.shapes.notes)
    with pytest.raises(symcount.SymcountError):  # not said to be functions: g_1 (...) stays open
        symcount.derive(MATHJAX_ANGLES.replace("Where $ g_1, g_2 $ activation functions.", ""))


def test_a_slide_decks_bold_letters_and_a_row_of_dots():
    text = r"""\begin{equation}
    \begin{split}
        \bbf_t & = \bsigma\left(\bW_{xf} \bx_t +\bW_{hf}\bh_{t-1} + \bb_f\right)\\
        \bi_t & = \bsigma\left(\bW_{xi} \bx_t +\bW_{hi}\bh_{t-1} + \bb_i\right)\\
        \dots
    \end{split}
\end{equation}
\begin{equation}
    \bc_t = \bbf_t \odot \bc_{t-1} + \bi_t \odot \tanh(\bW_{xc} \bx_t + \bW_{hc} \bh_{t-1} + \bb_c), \quad \bh_t = \tanh(\bc_t)
\end{equation}
"""
    d = symcount.derive(text)
    assert d.evaluate(d_x=7, d_h=5) == n_params(*(nn.Linear(7, 5) for _ in range(3)), *(nn.Linear(5, 5, bias=False) for _ in range(3)))


def test_a_diagrams_elided_label_is_set_aside():
    text = """```
│  q_t   k_t     g_t=σ(...)  │
```

G_t = σ(W_g · x_t + b_g)
S_t = G_t ⊙ S_{t-1} + x_t
"""
    d = symcount.derive(text)
    assert d.evaluate(d_S=6) == n_params(nn.Linear(6, 6))
    assert any("leaves out what a function is applied to" in n for n in d.shapes.notes)


def test_what_an_audit_of_the_round_found():
    cudnn = (r"""$$ r_t = \sigma(W_{ir} x_t + b_{ir} + W_{hr} h_{t-1} + b_{hr}) \\
z_t = \sigma(W_{iz} x_t + b_{iz} + W_{hz} h_{t-1} + b_{hz}) \\
n_t = \tanh(W_{in} x_t + b_{in} + r_t \odot (W_{hn} h_{t-1} + b_{hn})) \\
h_t = (1 - z_t) \odot n_t + z_t \odot h_{t-1} $$

Note that the sum (b_ir + b_hr) is stored in two separate tensors, bias_ih and bias_hh, for cuDNN compatibility.
""")
    assert symcount.derive(cudnn).evaluate(d_x=7, d_h=5) == n_params(nn.GRU(7, 5))
    bilinear = (r"A bilinear map $W: \mathbb{R}^{d_h} \times \mathbb{R}^{d_x} \to \mathbb{R}^{d_h}$ of the state and the input:"
                "\n\n$$ h_t = \\tanh(W(h_{t-1}, x_t) + b) $$\n")
    with pytest.raises(symcount.SymcountError):  # not W times a concatenation
        symcount.derive(bilinear)
    hidden_layer = ("$$ h_t = \\tanh(W x_t + U h_{t-1}) $$\n\n其中 $W$ 和 $U$ 是权重矩阵，没有偏置项，$h_t$ 是隐含层的状态。\n")
    assert symcount.derive(hidden_layer).evaluate(d_x=7, d_h=5) == n_params(nn.RNNCell(7, 5, bias=False))


# ---- what set h21's score showed ------------------------------------------------------------------------
def test_a_greek_leak_rate_multiplied_by_star_is_a_scalar_reading():
    text = "    h_t = (1 - alpha) * h_{t-1} + alpha * f(W_rec @ h_{t-1} + W_in @ u_t + b_x)\n"
    with pytest.raises(symcount.SymcountError, match="constant or a learned scalar"):
        symcount.derive(text)  # neither a vector of d_h nor one number is said
    d = symcount.derive(text, read={"\\alpha": "learned"})
    assert d.evaluate(d_u=7, d_h=5) == n_params(nn.RNNCell(7, 5)) - 5 + 1


def test_a_definition_by_a_function_that_may_hold_parameters_is_no_reading_to_drop():
    text = r"""$$h_t = \text{CNN}(x_t), \quad t = 1, ..., 188$$

where $x_t \in \mathbb{R}^{128}$ and $h_t \in \mathbb{R}^{64}$ is the frame-level embedding.

$$f_t = \sigma(W_f \cdot [h_{t-1}, h_t] + b_f)$$
$$i_t = \sigma(W_i \cdot [h_{t-1}, h_t] + b_i)$$
$$\tilde{c}_t = \tanh(W_c \cdot [h_{t-1}, h_t] + b_c)$$
$$c_t = f_t \odot c_{t-1} + i_t \odot \tilde{c}_t$$
$$o_t = \sigma(W_o \cdot [h_{t-1}, h_t] + b_o)$$
$$h_t = o_t \odot \tanh(c_t)$$
"""
    with pytest.raises(symcount.SymcountError, match="CNN"):  # the CNN's reading cannot be counted: no count
        symcount.derive(text)


def test_a_renderers_options_in_its_address_and_unicodes_mathematical_letters():
    codecogs = ("![image](https://latex.codecogs.com/png.image?\\dpi{110}&space;\\bg_white&space;"
                "h_{t}=tanh(W_{xh}^Tx_{t}+W_{hh}^Th_{t-1}+b_{h}))\n")
    assert symcount.derive(codecogs).evaluate(d_x=7, d_h=5) == n_params(nn.RNNCell(7, 5)) - 5
    bold = "$$ f_t = 𝛔 ( W_f ⋅ [h_{t-1}, x_t] + b_f)$$\n\n$$ ℽ_t = 𝛔(W_r ⋅[h_{t-1}, x_t])$$\n\n" \
           "$$ h_t = f_t \\odot h_{t-1} + ℽ_t \\odot \\tanh(W_h x_t) $$\n"
    d = symcount.derive(bold)
    assert "\\gamma" in {s.name for s in d.shapes.signals}  # ℽ, the double-struck gamma, is γ
    assert d.evaluate(d_x=7, d_h=5) == n_params(nn.Linear(12, 5), nn.Linear(12, 5, bias=False), nn.Linear(7, 5, bias=False))


def test_a_candidate_no_equation_computes_multiplied_by_a_dot_is_refused():
    text = """fₜ = σ(W𝒻 ⋅ [hₜ₋₁, xₜ] + b𝒻)
iₜ = σ(Wᵢ ⋅ [hₜ₋₁, xₜ] + bᵢ)
oₜ = σ(Wₒ ⋅ [hₜ₋₁, xₜ] + bₒ)
Cₜ = fₜ ⋅ Cₜ₋₁ + iₜ ⋅ C̃ₜ
hₜ = oₜ ⋅ tanh(Cₜ)
"""
    with pytest.raises(symcount.SymcountError, match="multiplied entry by entry like a gate"):
        symcount.derive(text)  # W𝒻 is W_f (a script f), and C̃ₜ's weights are not written


def test_what_a_second_audit_of_the_readings_found():
    graves = r"""$$ i_t = \sigma(W_{xi} x_t + W_{hi} h_{t-1} + b_i) $$
$$ f_t = \sigma(W_{xf} x_t + W_{hf} h_{t-1} + b_f) $$
$$ c_t = f_t c_{t-1} + i_t \tilde{c}_t $$
$$ h_t = \tanh(c_t) $$
"""
    with pytest.raises(symcount.SymcountError, match="multiplied entry by entry like a gate"):
        symcount.derive(graves)  # \tilde{c}_t, written beside i_t, has no equation
    per_unit = (r"$$h_t = \lambda * h_{t-1} + (1 - \lambda) * \tanh(W x_t + U h_{t-1} + b)$$" "\n\n"
                r"where $\lambda$ holds one learned decay rate per hidden unit." "\n")
    try:
        d = symcount.derive(per_unit)
    except symcount.SymcountError:
        return  # refused: never one learned number
    assert d.evaluate(d_x=10, d_h=20) == n_params(nn.RNNCell(10, 20)) - 20 + 20
    with pytest.raises(symcount.SymcountError):  # Unicode's bold letters are left unread, as before: not plain ones
        symcount.derive("𝐡ₜ = tanh(𝐖 𝐱ₜ + 𝐔 𝐡ₜ₋₁ + β)\n")
