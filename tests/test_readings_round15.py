"""Issue 17, fifteenth round: notations from h6 to h15's leftovers. A docstring's legend of signal sizes
(`x : (input_dim,) float32`), `\\set{R}` and its kin for the reals, a matrix declared again transposed (a
batch form), one step written out from the start (`h_1 = f(x_1 W + h_0 U)`), TeX's font switches in braces
(`{\\boldsymbol h}_t`). Counts against torch modules."""
from __future__ import annotations

import os

import pytest

import symcount
from symcount.errors import SymcountError

torch = pytest.importorskip("torch") if not os.environ.get("CI") else __import__("torch")
nn = torch.nn


def n_params(*modules) -> int:
    return sum(p.numel() for m in modules for p in m.parameters())


def gru_one_bias(x: int, h: int) -> int:
    """A GRU with one bias per gate: torch's GRUCell without its second bias."""
    return n_params(nn.GRUCell(x, h)) - 3 * h


NUMPYDOC = '''
    """
    One GRU step.

        r = σ(W_r·x + U_r·h + b_r)
        z = σ(W_z·x + U_z·h + b_z)
        n = tanh(W_n·x + b_n + r ⊙ (U_n·h))
        h' = (1 − z) ⊙ h + z ⊙ n

    Parameters
    ----------
    x : (input_dim,) float32 — input
    h : (hidden_dim,) float32 — previous hidden state

    Returns
    -------
    h_new : (hidden_dim,) float32 — updated hidden state
    """
'''


def test_a_docstring_legend_names_the_signals_sizes():
    d = symcount.derive(NUMPYDOC)
    assert set(d.shapes.dims) == {"input_dim", "hidden_dim"}
    for x, h in ((7, 5), (3, 11)):
        assert d.evaluate(input_dim=x, hidden_dim=h) == gru_one_bias(x, h)


def test_a_legend_of_a_name_the_math_does_not_use_still_stops_the_count():
    text = NUMPYDOC.replace("h_new :", "y_out :")
    with pytest.raises(SymcountError, match="legend gives the shape of y_out"):
        symcount.derive(text)


RNN = r"""$$ h_t = \tanh(W_{hh} h_{t-1} + W_{xh} x_t + b_h), \qquad y_t = W_{hy} h_t + b_y $$
where $x_t \in {R}^{d_i}$, $h_t \in {R}^{d_h}$, $y_t \in {R}^{d_o}$."""


@pytest.mark.parametrize("reals", [r"\set{R}", r"\mathds{R}", r"\mathbbm{R}", r"\field{R}"])
def test_the_reals_written_with_other_macros(reals):
    d = symcount.derive(RNN.replace("{R}", reals))
    assert set(d.shapes.dims) == {"d_i", "d_h", "d_o"}
    x, h, o = 7, 5, 3
    assert d.evaluate(d_i=x, d_h=h, d_o=o) == n_params(nn.RNNCell(x, h), nn.Linear(h, o)) - h


def test_a_matrix_declared_again_transposed_is_the_same_parameters():
    text = r"""$W_x \in \mathbb{R}^{H \times D}$, $W_h \in \mathbb{R}^{H \times H}$, $b \in \mathbb{R}^{H}$.
    $$ h_t = \tanh(W_x x_t + W_h h_{t-1} + b) $$
    The code works with transposed versions: $W_x \in \mathbb{R}^{D \times H}$, $W_h \in \mathbb{R}^{H \times H}$."""
    d = symcount.derive(text)
    for x, h in ((7, 5), (3, 11)):
        assert d.evaluate(D=x, H=h) == n_params(nn.RNNCell(x, h)) - h
    assert any("declared again transposed" in n for n in d.shapes.notes)


def test_a_matrix_declared_again_with_another_shape_is_still_an_error():
    text = r"""$W \in \mathbb{R}^{h \times d}$ and later $W \in \mathbb{R}^{h \times h}$:
    $$ h_t = \tanh(W x_t + U h_{t-1}) $$"""
    with pytest.raises(SymcountError, match="declared twice with different shapes"):
        symcount.derive(text)


@pytest.mark.parametrize("step", [
    r"$h_1 = \tanh(x_1 W_{ih} + h_0 W_{hh} + b_{ih} + b_{hh})$",
    r"${\boldsymbol h}_1= \tanh({\boldsymbol x}_1{\bf W}_{ih}+{\boldsymbol h}_0{\bf W}_{hh}+{\boldsymbol b}_{ih}+{\boldsymbol b}_{hh})$",
])
def test_the_first_step_written_out_is_the_recurrence(step):
    d = symcount.derive(step)
    assert len(d.shapes.dims) == 2
    dx, dh = d.shapes.dims if d.shapes.dims[0].startswith("d_x") else d.shapes.dims[::-1]
    for x, h in ((4, 2), (7, 5)):
        assert d.evaluate(**{dx: x, dh: h}) == n_params(nn.RNNCell(x, h))


def test_two_layers_numbered_are_not_steps():
    """h_1 = f(x), h_2 = f(h_1): two layers (no h_0 read), not a recurrence: each its own size."""
    d = symcount.derive(r"$$ h_1 = \tanh(W_1 x + b_1) \\ h_2 = \tanh(W_2 h_1 + b_2) $$")
    assert d.evaluate(d_x=7, d_h1=5, d_h2=3) == n_params(nn.Linear(7, 5), nn.Linear(5, 3))


@pytest.mark.parametrize("switch", [r"{\boldsymbol h}", r"{\bm h}", r"{\rm h}", r"{\mathbf h}", r"{\it h}"])
def test_a_font_switch_in_braces_around_the_left_side(switch):
    d = symcount.derive(f"$$ {switch}_t = \\tanh(W x_t + U {switch}_{{t-1}} + b) $$")
    for x, h in ((7, 5), (3, 11)):
        assert d.evaluate(d_x=x, d_h=h) == n_params(nn.RNNCell(x, h)) - h


def lstm_one_bias(x: int, h: int) -> int:
    return n_params(nn.LSTMCell(x, h)) - 4 * h


def test_a_weight_made_in_code_under_a_glued_name():
    text = '''```python
self.Wf = np.random.randn(hidden_size, hidden_size + input_size)
self.Wi = np.random.randn(hidden_size, hidden_size + input_size)
self.WC = np.random.randn(hidden_size, hidden_size + input_size)
self.Wo = np.random.randn(hidden_size, hidden_size + input_size)
self.bf = np.zeros((hidden_size, 1))
self.bi = np.zeros((hidden_size, 1))
self.bC = np.zeros((hidden_size, 1))
self.bo = np.zeros((hidden_size, 1))
```
$$ f_t = \\sigma(W_f [h_{t-1}, x_t] + b_f) \\\\ i_t = \\sigma(W_i [h_{t-1}, x_t] + b_i) \\\\
\\tilde C_t = \\tanh(W_C [h_{t-1}, x_t] + b_C) \\\\ o_t = \\sigma(W_o [h_{t-1}, x_t] + b_o) \\\\
C_t = f_t \\odot C_{t-1} + i_t \\odot \\tilde C_t \\\\ h_t = o_t \\odot \\tanh(C_t) $$'''
    d = symcount.derive(text)
    assert set(d.shapes.dims) == {"hidden_size", "input_size"}
    assert d.evaluate(hidden_size=5, input_size=3) == lstm_one_bias(3, 5)


def test_a_struct_field_under_its_doc_comment_names_a_size():
    text = '''/// GRU cell:
/// r_t = σ(W_ir x_t + b_ir + W_hr h_{t-1} + b_hr)
/// z_t = σ(W_iz x_t + b_iz + W_hz h_{t-1} + b_hz)
/// n_t = tanh(W_in x_t + b_in + r_t ⊙ (W_hn h_{t-1} + b_hn))
/// h_t = (1 - z_t) ⊙ n_t + z_t ⊙ h_{t-1}
pub struct GruCell {
    /// Input size
    /// (the features of x)
    input_size: usize,

    /// Hidden size
    hidden_size: usize,
}'''
    d = symcount.derive(text)
    assert set(d.shapes.dims) == {"hidden_size", "input_size"}
    assert d.evaluate(hidden_size=5, input_size=7) == n_params(nn.GRUCell(7, 5))


def test_the_previous_state_updated_in_place_on_the_way():
    text = r"""- $f=\sigma(x_{t}W_{xf}+h_{t-1}W_{hf}+b_{f})$ => $c_{t-1}=f∘c_{t-1}$
- $g=tanh(x_{t}W_{xg}+h_{t-1}W_{hg}+b_{g})$
- $i=\sigma(x_{t}W_{xi}+h_{t-1}W_{hi}+b_{i})$
- $c_t = f∘c_{t-1}+g∘i$
- $o=\sigma(x_{t}W_{xo}+h_{t-1}W_{ho}+b_{o})$
- $h_t = o∘tanh(c_{t})$"""
    d = symcount.derive(text)
    assert d.evaluate(d_x=7, d_h=5) == lstm_one_bias(7, 5)
    assert any("in place" in n for n in d.shapes.notes)


def test_an_update_of_the_previous_state_with_a_weight_is_not_a_remark():
    text = r"$$ c_{t-1} = W c_{t-1} \\ c_t = \tanh(U x_t + c_{t-1}) \\ h_t = c_t $$"
    with pytest.raises(SymcountError, match="not at time t"):
        symcount.derive(text)


def test_readings_that_name_the_same_size_after_different_signals_agree():
    """Two definitions of each gate (rows x W, then columns W x): every reading gives 4h(x + h + 1), the
    state's size named after c in some and h in others; one count is printed."""
    rows = r"""$f_t=\sigma(x_t W_f + h_{t-1} U_f + b_f)$, $i_t=\sigma(x_t W_i + h_{t-1} U_i + b_i)$,
$g_t=\tanh(x_t W_g + h_{t-1} U_g + b_g)$, $o_t=\sigma(x_t W_o + h_{t-1} U_o + b_o)$, $c_t = f_t \odot c_{t-1} + i_t \odot g_t$,
$h_t = o_t \odot \tanh(c_t)$."""
    cols = r"""In column form: $$ o_t=\sigma(W_o x_t + U_o h_{t-1} + b_o) \\ c_t = f_t \odot c_{t-1} + i_t \odot g_t \\
f_t=\sigma(W_f x_t + U_f h_{t-1} + b_f) $$"""
    d = symcount.derive(rows + "\n\n" + cols)
    (state,) = {s.dim.terms[0][0] for s in d.shapes.signals if s.name in ("h", "c")}
    assert d.evaluate(d_x=7, **{state: 5}) == lstm_one_bias(7, 5)


SSM = r"""$$ \bar{A}_t = \exp(\Delta_t A) \\ h_t = \bar{A}_t h_{t-1} + B x_t \\ y_t = C h_t \approx C \bar{A}_t h_{t-1} + C B x_t $$
with $x_t \in \mathbb{R}$ and $h_t \in \mathbb{R}^N$."""


def test_one_signal_the_prose_says_is_computed_from_the_input_is_refused_without_its_equation():
    with pytest.raises(SymcountError, match="no equation computes it"):
        symcount.derive(SSM + r" In Mamba, $\Delta_t$ is a function of the input $x_t$.")
    with pytest.raises(SymcountError, match="no equation computes it"):
        symcount.derive(SSM + r" In Mamba, $\Delta_t$ is input-dependent.")


def test_a_chain_with_approx_is_one_equation():
    d = symcount.derive(r"$$ h_t = \tanh(W x_t + U h_{t-1}) \approx W x_t + U h_{t-1} $$")
    assert d.evaluate(d_x=7, d_h=5) == n_params(nn.RNNCell(7, 5)) - 2 * 5


@pytest.mark.parametrize("macro", [r"\xv", r"\mathbf{x}"])
def test_the_lmu_slides_vector_macros(macro):
    d = symcount.derive(f"$$ z_t = \\tanh(W^\\top {macro}_t + V^\\top z_{{t-1}} + \\mathbf{{b}}) $$")
    assert d.evaluate(d_x=7, d_z=5) == n_params(nn.RNNCell(7, 5)) - 5


# ---- after h16's score -----------------------------------------------------------------------------
GATES = r"""$$ i_t = \sigma(W_{xi} x_t + W_{hi} h_{t-1}) $$ $$ f_t = \sigma(W_{xf} x_t + W_{hf} h_{t-1}) $$
$$ o_t = \sigma(W_{xo} x_t + W_{ho} h_{t-1}) $$ $$ g_t = \tanh(W_{xg} x_t + W_{hg} h_{t-1}) $$
$$ c_t = f_t \circ c_{t-1} + i_t \circ g_t $$ $$ h_t = o_t \circ \tanh(c_t) $$"""


@pytest.mark.parametrize("said", ["편의를 위해 bias $b$ 텀은 생략하였다.", "为简洁起见，省略了偏置项。",
                                  "Por simplicidad se omiten los sesgos.", "Les biais sont omis.",
                                  "Смещения опущены для краткости."])
def test_biases_said_left_out_in_other_languages_refuse(said):
    with pytest.raises(SymcountError, match="bias terms are left out"):
        symcount.derive(said + "\n\n" + GATES)
    d = symcount.derive(said + "\n\n" + GATES, read={"omitted-biases": "as-written"})
    assert d.evaluate(d_x=7, d_h=5) == lstm_one_bias(7, 5) - 4 * 5


def test_a_bias_beside_a_word_that_only_contains_omit_is_not_said_left_out():
    text = "The bias terms are a promising start; an unbiased estimate is omitted here.\n\n" + GATES.replace(
        "W_{hi} h_{t-1})", "W_{hi} h_{t-1} + b_i)")
    assert symcount.derive(text).evaluate(d_x=7, d_h=5) == lstm_one_bias(7, 5) - 3 * 5


def test_a_letter_function_set_close_to_its_argument():
    text = r"""$$\mathbf{h}_t = f\!\left(\mathbf{W}_{hh}\mathbf{h}_{t-1} + \mathbf{W}_{xh}\mathbf{x}_t + \mathbf{b}_h\right)$$
$$\mathbf{y}_t = g\!\left(\mathbf{W}_{hy}\mathbf{h}_t + \mathbf{b}_y\right)$$"""
    d = symcount.derive(text)
    assert "f" not in {p.name for p in d.shapes.params}
    assert d.evaluate(d_x=7, d_h=5, d_y=3) == n_params(nn.RNNCell(7, 5), nn.Linear(5, 3)) - 5


def test_a_code_legend_that_names_a_weight_no_equation_uses_stops_the_count():
    text = """Bahdanau Attention Mechanism:
    `MW` - Memory layer weight.
    `QW` - Query layer weight in the attention mechanism

LSTM Cell:
  Equations (Default: f=Sigmoid, g=Tanh, h=Tanh):

    - it = f(Xt*(Wi^T) + Ht-1*(Ri^T) + Wbi + Rbi)
    - ft = f(Xt*(Wf^T) + Ht-1*(Rf^T) + Wbf + Rbf)
    - ct = g(Xt*(Wc^T) + Ht-1*(Rc^T) + Wbc + Rbc)
    - Ct = ft (.) Ct-1 + it (.) ct
    - ot = f(Xt*(Wo^T) + Ht-1*(Ro^T) + Wbo + Rbo)
    - Ht = ot (.) h(Ct)
"""
    with pytest.raises(SymcountError, match="names MW as a weight"):
        symcount.derive(text)
    flux = text.replace("`MW` - Memory layer weight.", "`init_kernel`: The initialization function for the weights.")
    flux = flux.replace("    `QW` - Query layer weight in the attention mechanism\n", "")
    assert symcount.derive(flux).evaluate(d_X=7, d_H=5) == n_params(nn.LSTMCell(7, 5))


def test_an_operator_and_a_function_in_braces():
    text = r"$$f_t = {\sigma}(W_f {\cdot}[h_{t-1}, x_t] + b_f)$$ $$i_t = {\sigma}(W_i {\cdot}[h_{t-1}, x_t] + b_i)$$" \
           r"$$\tilde c_t = \tanh(W_c {\cdot}[h_{t-1}, x_t] + b_c)$$ $$o_t = {\sigma}(W_o {\cdot}[h_{t-1}, x_t] + b_o)$$" \
           r"$$c_t = f_t \odot c_{t-1} + i_t \odot \tilde c_t$$ $$h_t = o_t \odot \tanh(c_t)$$"
    assert symcount.derive(text).evaluate(d_x=7, d_h=5) == lstm_one_bias(7, 5)


def test_a_time_index_glued_to_its_letter_in_math_that_writes_others():
    text = r"""$R_t = σ(X_t W_{xr} + H_{t−1} W_{hr} + b_r )$
$Zt = σ(X_t W_{xz} + H_{t−1} W_{hz} + b_z )$
$H̃t = tanh(X_t W_{xh} + (R_t \circ Ht−1 ) W_{hh} + b_h )$
$H_t = Z_t \circ H_{t-1} + (1 - Z_t) \circ H̃_t$"""
    d = symcount.derive(text)
    assert d.evaluate(d_X=7, d_H=5) == gru_one_bias(7, 5)


@pytest.mark.parametrize("size", [r"d\_model", r"d_model", r"{d\_model}", r"\text{d\_model}", r"\mathrm{d_model}"])
def test_a_size_named_by_a_word(size):
    """`d_model`, `d\\_model` (Markdown's escape), `\\text{vocab\\_size}` in a declaration: one size with that name (it
    was read as a product of letters, d_m·o·d·e·l: a wrong count)."""
    d = symcount.derive(f"$W \\in \\mathbb{{R}}^{{h \\times {size}}}$, $h_t \\in \\mathbb{{R}}^h$. "
                        "$$ h_t = \\tanh(W x_t + U h_{t-1}) $$")
    assert set(d.shapes.dims) == {"h", "d_model"}
    assert d.evaluate(h=5, d_model=7) == n_params(nn.RNNCell(7, 5)) - 2 * 5


def test_a_size_named_by_a_plain_word_and_letters_side_by_side():
    d = symcount.derive(r"$W \in \mathbb{R}^{h \times hidden}$, $V \in \mathbb{R}^{E d \times h}$. $$ h_t = \tanh(W x_t + V^\top y_t) $$")
    assert set(d.shapes.dims) == {"h", "hidden", "E", "d"}  # `E d` with a space: a product of two sizes
    assert d.evaluate(h=5, hidden=7, E=2, d=3) == 5 * 7 + 2 * 3 * 5


TORCH_NOTE = """```python
import torch
import torch.nn as nn
rnn = nn.RNN(k, h)
```
where the RNN layer computes
```math
H_t = \\tanh(X_t W_{xh} + H_{t-1} W_{hh} + b_h)
```
with $`W_{xh} \\in \\mathbb{R}^{k \\times h}`$, $`W_{hh} \\in \\mathbb{R}^{h \\times h}`$, $`b_h \\in \\mathbb{R}^{1 \\times h}`$."""


def test_torchs_layer_built_in_code_beside_equations_with_one_bias_is_refused():
    with pytest.raises(SymcountError, match="two biases per gate"):
        symcount.derive(TORCH_NOTE)
    d = symcount.derive(TORCH_NOTE, read={"framework-biases": "as-written"})
    assert d.evaluate(k=3, h=2) == n_params(nn.RNN(3, 2)) - 2
    two = TORCH_NOTE.replace("b_h)", "b_{ih} + b_{hh})").replace(", $`b_h \\in", ", $`b_{ih}, b_{hh} \\in")
    assert symcount.derive(two).evaluate(k=3, h=2) == n_params(nn.RNN(3, 2))


def test_luas_nn_gru_is_not_pytorchs():
    text = TORCH_NOTE.replace("import torch\nimport torch.nn as nn\n", "").replace("nn.RNN(k, h)", "nn.GRU(k, h)")
    assert symcount.derive(text).evaluate(k=3, h=2) == n_params(nn.RNN(3, 2)) - 2


@pytest.mark.parametrize("shape", [r"R^{hxh}", r"\mathbb{R}^{HXH}", r"ℝ^{h x h}"])
def test_the_letter_x_as_the_times_sign_in_a_shape(shape):
    text = f"$W \\in {shape.replace('H', 'h').replace('X', 'x')}$, $x_t \\in R^d$. $$ h_t = \\tanh(W h_{{t-1}} + U x_t) $$"
    d = symcount.derive(text)
    assert "h" in d.shapes.dims and d.evaluate(h=5, d=7) == n_params(nn.RNNCell(7, 5)) - 2 * 5


def test_a_bold_zero_is_the_number_zero():
    text = r"""$$ h_t = (1 - z_t) \odot h_{t-1} + z_t \odot \tanh(W x_t + U h_{t-1}) \\ z_t = \sigma(W_z x_t + U_z h_{t-1}) $$
If $\mathbf{z}_t = \mathbf{0}$: $\mathbf{h}_t = \mathbf{h}_{t-1}$."""
    d = symcount.derive(text)
    assert d.evaluate(d_x=7, d_h=5) == 2 * (5 * 7 + 5 * 5)


@pytest.mark.parametrize("scaled", [r"(q_t \circ k_t) / \sqrt{d_k}", r"(q_t \circ k_t) \cdot \sqrt{d_k}",
                                    r"\frac{q_t \circ k_t}{\sqrt{d_k}}", r"\sqrt{d_k} (q_t \circ k_t)"])
def test_the_root_of_a_size_is_a_scale_not_a_weight(scaled):
    """`/ \\sqrt{d_k}` read d_k as a vector of weights (d_h more parameters: a wrong count); `\\cdot \\sqrt{d}` as a
    matrix."""
    d = symcount.derive(f"$$ R_t = {scaled} \\\\ q_t = W_q x_t \\\\ k_t = W_k h_{{t-1}} \\\\ h_t = \\tanh(R_t) $$")
    assert "d_k" not in {p.name for p in d.shapes.params}
    assert d.evaluate(d_x=7, d_h=5) == 5 * 7 + 5 * 5


def test_a_learned_scale_through_a_function_after_what_it_scales_is_a_choice():
    text = r"$$ h_t = \tanh(W x_t + U h_{t-1}) \odot \sigma(g) $$"
    with pytest.raises(SymcountError, match="readings with different counts"):
        symcount.derive(text)
    assert symcount.derive(text, read={"g": "scalar"}).evaluate(d_x=7, d_h=5) == 5 * 7 + 5 * 5 + 1


def test_the_letter_x_as_a_product_in_a_gemm_comment():
    text = """    //   r_t = X_t x W_ir + h_{t - 1} x W_hr
    //   r_t = sigmoid(r_t)
    //   n_t = X_t x W_in + r_t * (h_{t - 1} x W_hn)
    //   n_t = tanh(n_t)
    //   z_t = X_t x W_iz + h_{t - 1} x W_hz
    //   z_t = sigmoid(z_t)
    //   h_t = (1 - z_t) * n_t + z_t * h_{t - 1}"""
    d = symcount.derive(text)
    assert d.evaluate(d_X=7, d_h=5) == n_params(nn.GRUCell(7, 5)) - 6 * 5
    plain = symcount.derive("    //   h' = tanh(W x + U h + b)")  # x a signal of its own: `W x` is W times x
    assert plain.evaluate(d_x=7, d_h=5) == n_params(nn.RNNCell(7, 5)) - 5


def test_an_annotation_in_words_with_a_command_inside():
    text = r"""$$ \begin{aligned}
\tilde x_t &= W\,u_t & &\text{(candidate; a plain \texttt{dot}, no bias)}\\
f_t &= \sigma\big(W_f\,u_t + b_f\big) & &\text{(update/forget gate; an \texttt{affine})}\\
c_t &= f_t\odot c_{t-1} + (1-f_t)\odot \tilde x_t & &\text{(state = the \texttt{highway} op)}\\
h_t &= \mathrm{ReLU}(c_t)
\end{aligned} $$"""
    assert symcount.derive(text).evaluate(d_u=7, d_c=5) == 2 * 5 * 7 + 5


def test_a_tuple_of_left_sides_and_a_tuple_of_right_sides():
    text = r"""$q_t, k_t, v_t = x_t W_Q, x_t W_K, x_t W_V$ with $W_Q, W_K, W_V \in \mathbb{R}^{d \times d}$.
$$ S_t = S_{t-1} + k_t^{\top} v_t \\ o_t = q_t S_t $$"""
    d = symcount.derive(text)
    assert {p.name for p in d.shapes.params} == {"W_Q", "W_K", "W_V"}
    assert d.evaluate(d=6) == 3 * 6 * 6
    with pytest.raises(SymcountError):  # two sides for three names: not a tuple
        symcount.derive(text.replace("x_t W_Q, x_t W_K, x_t W_V", "x_t W_Q, x_t W_K"))


def test_activations_in_capitals_and_x_as_a_product_beside_x_at_t():
    text = """            // GRU formula is:
            // u(t) = SIGMOID(Wu x x(t) + Uu x h(t-1) + bu)
            // r(t) = SIGMOID(Wr x x(t) + Ur x h(t-1) + br)
            // c(t) = TANH(Wc x x(t) + Uc x (r(t) * h(t-1)) + bc)
            // h(t) = u(t) * h(t-1) + (1 - u(t)) * c(t)"""
    d = symcount.derive(text)
    assert d.evaluate(d_x=7, d_h=5) == n_params(nn.GRUCell(7, 5)) - 3 * 5


def test_typsts_underbrace_with_its_label():
    text = """- $C_t$: cell state
$C_t = underbrace(sigma(F tilde(x)^t) dot.o C_(t-1),"forget") + underbrace(sigma(G tilde(x)^t) dot.o tanh(V tilde(x)^t),"input")$, \\
$z_t = underbrace(sigma(H tilde(x)^t) dot.o tanh(C_t),"output")$, where $tilde(x)^t = [x_t, z_(t-1)]$."""
    d = symcount.derive(text)
    (state,) = {s.dim.terms[0][0] for s in d.shapes.signals if s.name in ("z", "C")}
    assert d.evaluate(d_x=7, **{state: 5}) == 4 * 5 * (7 + 5)
