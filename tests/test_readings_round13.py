"""Issue 17, thirteenth round: code's linear maps called with their weights (`F.linear(x, W, b)`,
`tf.nn.xw_plus_b(x, W, b)`, `torch.addmm(b, x, W)`) are those products and sums; a block of
statements (MATLAB's `h = tanh(W*x + U*h_prev + b);` then `y = V*h + c;`) is read whole where one
line of it is read as an equation. Counts against torch modules."""
from __future__ import annotations

import os

import pytest

import symcount

torch = pytest.importorskip("torch") if not os.environ.get("CI") else __import__("torch")
nn = torch.nn


def n_params(*modules) -> int:
    return sum(p.numel() for m in modules for p in m.parameters())


class Elman(nn.Module):
    """One step of an Elman network with a linear output layer: h = tanh(W x + U h + b), y = V h + c."""

    def __init__(self, x: int, h: int, y: int | None = None):
        super().__init__()
        self.W, self.U = nn.Linear(x, h), nn.Linear(h, h, bias=False)
        self.V = nn.Linear(h, y) if y else None

    def forward(self, x, h):
        h = torch.tanh(self.W(x) + self.U(h))
        return (self.V(h) if self.V is not None else h), h


def test_torch_functional_linear_with_its_weight_and_bias():
    text = "h_new = torch.tanh(F.linear(x, self.w_ih, self.b_ih) + F.linear(h, self.w_hh, self.b_hh))\n"
    d = symcount.derive(text)
    for x, h in ((7, 5), (3, 11)):
        assert d.evaluate(d_x=x, d_h=h) == n_params(nn.RNNCell(x, h))
    shapes = {p.name: (str(p.rows), str(p.cols)) for p in d.shapes.params}
    assert shapes["w_{ih}"] == ("d_h", "d_x")  # torch's (out, in): W x, as F.linear computes x W^T


def test_linear_with_its_weight_and_no_bias():
    text = "h_new = torch.tanh(F.linear(x, W) + F.linear(h, U))\n"
    d = symcount.derive(text)
    assert d.evaluate(d_x=7, d_h=5) == n_params(nn.RNNCell(7, 5, bias=False))


def test_tensorflow_xw_plus_b_and_matmul():
    text = """\
z = tf.sigmoid(tf.nn.xw_plus_b(x, W_z, b_z) + tf.matmul(h_prev, U_z))
r = tf.sigmoid(tf.nn.xw_plus_b(x, W_r, b_r) + tf.matmul(h_prev, U_r))
c = tf.tanh(tf.nn.xw_plus_b(x, W_c, b_c) + tf.matmul(r * h_prev, U_c))
h = z * h_prev + (1 - z) * c
"""
    d = symcount.derive(text)
    # three gates, each an input weight with a bias and a recurrent weight without: nn.GRUCell's
    # count less its three recurrent biases
    for x, h in ((7, 5), (4, 9)):
        assert d.evaluate(d_x=x, d_h=h) == n_params(nn.GRUCell(x, h)) - 3 * h


def test_torch_addmm_is_bias_plus_product():
    text = "h_new = torch.tanh(torch.addmm(b, x, W) + h @ U)\n"
    d = symcount.derive(text)
    assert d.evaluate(d_x=7, d_h=5) == n_params(Elman(7, 5))


def test_a_call_of_linear_without_its_weight_is_still_a_learned_map():
    # linear(x) alone names no weight: a map of unknown bias, as before (refused, the bias asked)
    with pytest.raises(symcount.SymcountError):
        symcount.derive("h_new = torch.tanh(linear(x) + linear(h))\n")


MATLAB = """\
% one step of the RNN
h = tanh(W*x + U*h_prev + b);   % hidden state
y = V*h + c;                    % output
"""


@pytest.mark.parametrize("text", [MATLAB, MATLAB.replace(";", ""), "h = tanh(W*x + U*h_prev + b)\ny = V*h + d\n"])
def test_the_output_line_of_a_block_of_statements_is_read(text):
    d = symcount.derive(text)
    for x, h, y in ((7, 5, 3), (2, 6, 4)):
        assert d.evaluate(d_x=x, d_h=h, d_y=y) == n_params(Elman(x, h, y))


def test_a_lone_line_does_not_pull_in_statements_without_a_weight():
    # the block of code holds the equation's line and two statements of signals only: not read as more
    text = """\
    def step(x, h_prev):
        h = tanh(W*x + U*h_prev + b)

        z = sigmoid(h)
        a = 1 - z
        return a
"""
    d = symcount.derive(text)
    assert d.evaluate(d_x=7, d_h=5) == n_params(Elman(7, 5))


def elman_count(x: int, h: int, biases: int = 1) -> int:
    return n_params(nn.RNNCell(x, h)) - (2 - biases) * h


@pytest.mark.parametrize("text", [
    "h' = tanh(Wi*x + Wh*h + b)",                       # was W times i times x: W a d_h x d_h matrix, i a vector
    "h_new = tanh(Wi*x + Wh*h + b)",
    "h = tanh(Wx*x + Wh*h_prev + b)",                   # was 2 d_h^2 + 2 d_h
    "h_t = tanh(Wi*x_t + Wh*h_{t-1} + b)",              # was refused: W i x_t
    "h_t = \\tanh(Wi \\cdot x_t + Wh \\cdot h_{t-1} + b)",
    "h′ = tanh.(Wi*x .+ Wh*h .+ b)",                    # Julia's prime and broadcast: was no equation found
    "h = tanh(dot(W, x) + dot(U, h) + b)",              # one statement that reads what it computes
    "h = tanh(W %*% x + U %*% h + b)",                  # R's product without R's assignment
    "h = tanh.(W*x .+ U*h .+ b)",
    "h = sigma(W_h * x + U_h * h + b_h)   % MATLAB",    # was MATLAB counted as a vector of weights
    "h = sigma(W_h * x + U_h * h + b_h);  % hidden state",
])
def test_code_names_and_comments_of_one_elman_line(text):
    d = symcount.derive(text)
    for x, h in ((7, 5), (3, 11)):
        assert d.evaluate(d_x=x, d_h=h) == elman_count(x, h)


def test_a_flat_lag_line_keeps_its_letters_apart():
    # St-1 and Xt: S and X at a step (a page's subscripts lost), not code's names; `Xt * U` is then
    # asked (a row vector times U, or elementwise), never read as one name Xt
    with pytest.raises(symcount.SymcountError, match=r"what \* means"):
        symcount.derive("St = tanh(St-1 * W + Xt * U)\n")


def test_a_glued_letter_before_a_product_in_a_cell_of_several_gates():
    text = """\
i_t = sigmoid(Wi*x_t + Ui*h_{t-1} + bi)
f_t = sigmoid(Wf*x_t + Uf*h_{t-1} + bf)
o_t = sigmoid(Wo*x_t + Uo*h_{t-1} + bo)
g_t = tanh(Wg*x_t + Ug*h_{t-1} + bg)
c_t = f_t*c_{t-1} + i_t*g_t
h_t = o_t*tanh(c_t)
"""
    d = symcount.derive(text)
    for x, h in ((7, 5), (3, 11)):
        assert d.evaluate(d_x=x, d_h=h) == n_params(nn.LSTMCell(x, h)) - 4 * h


class RWKVTimeMix(nn.Module):
    """RWKV-4's time mixing, one step: token shift (mu), receptance, key, value, the wkv average with a
    decay w and a bonus u (vectors), and the output projection (bias-free Linear layers)."""

    def __init__(self, d: int, mixes: bool = True):
        super().__init__()
        self.r, self.k, self.v, self.o = (nn.Linear(d, d, bias=False) for _ in range(4))
        self.w, self.u = nn.Parameter(torch.zeros(d)), nn.Parameter(torch.zeros(d))
        self.mu = nn.Parameter(torch.zeros(3, d)) if mixes else None

    def forward(self, x, x_prev, num, den):
        mix = (lambda j: self.mu[j] * x + (1 - self.mu[j]) * x_prev) if self.mu is not None else (lambda j: x)
        r, k, v = self.r(mix(0)), self.k(mix(1)), self.v(mix(2))
        wkv = (num + torch.exp(self.u + k) * v) / (den + torch.exp(self.u + k))
        return self.o(torch.sigmoid(r) * wkv)


RWKV = r"""
$$r_t = W_r \cdot (\mu_r \odot x_t + (1 - \mu_r) \odot x_{t-1})$$
$$k_t = W_k \cdot (\mu_k \odot x_t + (1 - \mu_k) \odot x_{t-1})$$
$$v_t = W_v \cdot (\mu_v \odot x_t + (1 - \mu_v) \odot x_{t-1})$$
$$wkv_t = \frac{\sum_{i=1}^{t-1} e^{-(t-1-i)w + k_i} \odot v_i + e^{u+k_t} \odot v_t}{\sum_{i=1}^{t-1} e^{-(t-1-i)w + k_i} + e^{u+k_t}}$$
$$o_t = W_o \cdot (\sigma(r_t) \odot wkv_t)$$
"""


@pytest.mark.parametrize("text", [RWKV, RWKV.replace(r"\odot v_i", "v_i").replace(r"\odot v_t", "v_t")])
def test_rwkv_wkv_with_powers_of_e_and_a_sum_over_the_steps_so_far(text):
    # e^{u + k_t} was one name (counted as a vector, u never counted); v_i a parameter; the sum one number
    d = symcount.derive(text)
    for n in (7, 4):
        sizes = {name: n for name in ("d_x", "d_k", "d_o", "d_r", "d_v") if name in str(d.total)}
        assert d.evaluate(**sizes) == n_params(RWKVTimeMix(n))
    notes = " ".join(d.shapes.notes)
    assert "\\exp of its exponent" in notes and "sums over the steps so far" in notes
    assert not any(p.name in ("v_i", "k_i") or p.name.startswith("e^") for p in d.shapes.params)


def test_a_power_of_e_with_an_index_stays_a_name():
    # e^{(t)} is the signal e at step t, as h^{(t)} is h; no \exp read
    d = symcount.derive(r"$$e^{(t)} = \tanh(W x^{(t)} + U e^{(t-1)} + b)$$")
    assert d.evaluate(d_x=7, d_e=5) == n_params(nn.RNNCell(7, 5)) - 5
    assert "\\exp of its exponent" not in " ".join(d.shapes.notes)


def test_a_number_times_a_vector_is_no_weight_times_an_input():
    # -2 w + k_t: w is a weight (a vector), not an input multiplied by a weight -2
    text = r"$$k_t = W_k x_t$$ $$a_t = e^{-2w + k_t} \odot k_t$$ $$o_t = W_o a_t$$"
    d = symcount.derive(text)
    assert [p.name for p in d.shapes.params] == ["W_k", "w", "W_o"]


def test_a_sum_to_the_sequence_length_is_left_alone():
    # \sum_{t=1}^{T}: a loss over the sequence, not a sum over the steps so far (not read as a term)
    text = r"$$h_t = \tanh(W x_t + U h_{t-1} + b)$$ $$s = \sum_{t=1}^{T} h_t$$"
    d = symcount.derive(text)
    assert "sums over the steps so far" not in " ".join(d.shapes.notes)
    assert d.evaluate(d_x=7, d_h=5) == n_params(nn.RNNCell(7, 5)) - 5


class SingleInputSSM(nn.Module):
    """A discretised state space of one input channel: A (N x N), B (N x 1), C (1 x N) and a learned step."""

    def __init__(self, n: int):
        super().__init__()
        self.A, self.B, self.C = nn.Parameter(torch.zeros(n, n)), nn.Parameter(torch.zeros(n, 1)), nn.Parameter(torch.zeros(1, n))
        self.delta = nn.Parameter(torch.zeros(()))

    def forward(self, x, h):
        h = torch.matrix_exp(self.delta * self.A) @ h + self.delta * self.B @ x
        return self.C @ h, h


SSM = r"""
$$h_t = \bar{A} h_{t-1} + \bar{B} x_t$$
$$y_t = C h_t$$
where $\bar{A} = \exp(\Delta A)$ and $\bar{B} = \Delta B$, with $A \in \mathbb{R}^{N \times N}$, $B \in \mathbb{R}^{N \times 1}$, $C \in \mathbb{R}^{1 \times N}$ and a learned step size $\Delta$.
"""


def test_a_weight_declared_with_one_column_makes_the_input_one_number():
    # was refused: x_t's size inferred 1 read as vectors multiplied by accident
    d = symcount.derive(SSM)
    for n in (4, 16):
        assert d.evaluate(N=n) == n_params(SingleInputSSM(n))
    assert "x_t at" in " ".join(d.shapes.notes) and "one input channel" in " ".join(d.shapes.notes)


def test_a_learned_step_said_in_the_prose_settles_delta():
    # "a learned step size $\Delta$": learned (it was a choice, constant or learned)
    d = symcount.derive(SSM.replace("$B \\in \\mathbb{R}^{N \\times 1}$", "$B \\in \\mathbb{R}^{N \\times 1}$, $x_t \\in \\mathbb{R}$"))
    assert d.evaluate(N=8) == n_params(SingleInputSSM(8))
    with pytest.raises(symcount.SymcountError, match="readings"):
        symcount.derive(SSM.replace("a learned step size", "a step size"))


def test_an_input_is_not_made_one_number_without_a_declared_one():
    # the same state space with B declared N x M: x_t has M entries, nothing read as a number
    d = symcount.derive(SSM.replace("N \\times 1", "N \\times M").replace("1 \\times N", "P \\times N"))
    assert "one input channel" not in " ".join(d.shapes.notes)
    assert d.evaluate(N=4, M=3, P=2) == 4 * 4 + 4 * 3 + 2 * 4 + 1


class MLSTMOneHead(nn.Module):
    """xLSTM's mLSTM, one head: query, key, value and output projections with biases; scalar input and
    forget gates from weight vectors (w^T x + b)."""

    def __init__(self, x: int, k: int, v: int):
        super().__init__()
        self.q, self.k, self.v, self.o = nn.Linear(x, k), nn.Linear(x, k), nn.Linear(x, v), nn.Linear(x, v)
        self.i, self.f = nn.Linear(x, 1), nn.Linear(x, 1)

    def forward(self, x, C, n):
        i, f = torch.exp(self.i(x)), torch.sigmoid(self.f(x))
        q, k, v = self.q(x), self.k(x), self.v(x)
        C = f * C + i * torch.outer(v, k)
        n = f * n + i * k
        return torch.sigmoid(self.o(x)) * (C @ q) / torch.clamp((n @ q).abs(), min=1), C, n


MLSTM = r"""
$$C_t = f_t C_{t-1} + i_t v_t k_t^\top$$
$$n_t = f_t n_{t-1} + i_t k_t$$
$$h_t = o_t \odot \tilde{h}_t, \quad \tilde{h}_t = C_t q_t / \max\{|n_t^\top q_t|, 1\}$$
$$q_t = W_q x_t + b_q, \quad k_t = \frac{1}{\sqrt{d}} W_k x_t + b_k, \quad v_t = W_v x_t + b_v$$
$$i_t = \exp(\tilde{i}_t), \quad \tilde{i}_t = w_i^\top x_t + b_i$$
$$f_t = \sigma(\tilde{f}_t), \quad \tilde{f}_t = w_f^\top x_t + b_f$$
$$o_t = \sigma(\tilde{o}_t), \quad \tilde{o}_t = W_o x_t + b_o$$
"""


def test_scalar_gates_from_plain_lower_case_weight_vectors():
    # w_i^T x_t + b_i: w_i a vector and the gate one number (was refused: w a matrix, f_t a vector
    # that cannot scale the matrix C)
    d = symcount.derive(MLSTM)
    for x, k, v in ((7, 5, 3), (4, 6, 2)):
        assert d.evaluate(d_x=x, d_C=k, d_v=v) == n_params(MLSTMOneHead(x, k, v))
    notes = " ".join(d.shapes.notes)
    assert "lower-case letter transposed: read as a vector" in notes and "reads as one number" in notes


def test_a_lower_case_letter_transposed_on_the_right_is_not_read_as_a_vector():
    # Xt*(Wi^T): W times i^T, not an inner product's vector; refused as before (Wi is not one name here)
    text = "```\n  *  - matrix multiplication\n  ^T - matrix transpose\n    Ht = f(Xt*(Wi^T) + Ht-1*(Ri^T) + Wbi + Rbi)\n```\n"
    with pytest.raises(symcount.SymcountError):
        symcount.derive(text)


GLA = r"""
$$S_t = \mathrm{Diag}(\alpha_t) S_{t-1} + k_t^\top v_t$$
$$o_t = q_t S_t$$
with $q_t = x_t W_Q$, $k_t = x_t W_K$, $v_t = x_t W_V$, $\alpha_t = \sigma(x_t W_\alpha)$, and
$x_t \in \mathbb{R}^{1 \times d}$, $W_Q, W_K \in \mathbb{R}^{d \times d_k}$, $W_V \in \mathbb{R}^{d \times d_v}$,
$W_\alpha \in \mathbb{R}^{d \times d_k}$.
"""


def test_definitions_given_after_their_use_in_a_row_vector_text():
    # GLA's rows: q_t S_t reads q_t as a row only once q_t = x_t W_Q is known; was refused (q_t a column)
    d = symcount.derive(GLA)
    for x, k, v in ((7, 5, 3), (4, 6, 2)):
        gla = [nn.Linear(x, k, bias=False), nn.Linear(x, k, bias=False), nn.Linear(x, v, bias=False), nn.Linear(x, k, bias=False)]
        assert d.evaluate(d=x, d_k=k, d_v=v) == n_params(*gla)
    assert "definitions first" in " ".join(d.shapes.notes)


def test_a_text_in_its_order_is_not_reordered():
    # the same cell with its definitions first: read at once, in the text's order, no note
    lines = [l for l in GLA.strip().splitlines()]
    d = symcount.derive("\n".join(lines[2:] + lines[:2]))
    assert "definitions first" not in " ".join(d.shapes.notes)
    assert d.evaluate(d=7, d_k=5, d_v=3) == symcount.derive(GLA).evaluate(d=7, d_k=5, d_v=3)


GRU_TYP = """\
= GRU
$ z_t = sigma(W_z x_t + U_z h_(t-1) + b_z) $
$ r_t = sigma(W_r x_t + U_r h_(t-1) + b_r) $
$ tilde(h_t) = tanh(W_h x_t + U_h (r_t dot.o h_(t-1)) + b_h) $
$ h_t = (1 - z_t) dot.o h_(t-1) + z_t dot.o tilde(h_t) $
"""


def test_typst_accent_on_an_indexed_letter_and_a_set_to_a_grouped_power():
    d = symcount.derive(GRU_TYP)
    assert d.evaluate(d_x=7, d_h=5) == n_params(nn.GRUCell(7, 5)) - 3 * 5
    typ = "$ f_t = sigma(W x_t + U h_(t-1)) in (0, 1)^(d_h) $\n$ h_t = f_t dot.o h_(t-1) $\n$ x_t in RR^(d_x) $\n"
    d = symcount.derive(typ)
    assert d.evaluate(d_x=7, d_h=5) == 5 * 7 + 5 * 5


def test_equations_in_single_quoted_strings_of_javascript():
    text = """\
const gates = [
  ['Update gate', 'z_t = \\\\sigma(W_z [h_{t-1}, x_t] + b_z)'],
  ['Reset gate', 'r_t = \\\\sigma(W_r [h_{t-1}, x_t] + b_r)'],
  ['Candidate', '\\\\tilde{h}_t = \\\\tanh(W_h [r_t \\\\odot h_{t-1}, x_t] + b_h)'],
  ['New state', 'h_t = (1-z_t) \\\\odot h_{t-1} + z_t \\\\odot \\\\tilde{h}_t'],
];
"""
    d = symcount.derive(text)
    assert d.evaluate(d_x=7, d_h=5) == n_params(nn.GRUCell(7, 5)) - 3 * 5


def test_a_trailing_remark_with_an_apostrophe_and_a_slash():
    text = """\
    f_t = sigmoid(Wf [h_{t-1}, x_t] + bf)   porte d'oubli
    i_t = sigmoid(Wi [h_{t-1}, x_t] + bi)   porte d'entrée
    g_t = tanh(Wg [h_{t-1}, x_t] + bg)      candidat
    o_t = sigmoid(Wo [h_{t-1}, x_t] + bo)   porte de sortie
    c_t = f_t * c_{t-1} + i_t * g_t         état de cellule
    h_t = o_t * tanh(c_t)                   état caché / sortie
"""
    d = symcount.derive(text)
    assert d.evaluate(d_x=7, d_h=5) == n_params(nn.LSTMCell(7, 5)) - 4 * 5


def test_a_glued_bold_pair_whose_small_letter_is_defined_is_a_product():
    # \textbf{Wz}^{t-1} beside \textbf{z}^t = ...: W times z (it was a choice: one signal Wz)
    text = r"""
$$\textbf{u}^t = \textbf{W}^{in}\textbf{x}^t + \textbf{Wz}^{t-1}$$
$$\textbf{z}^t = f(\textbf{u}^t)$$
"""
    d = symcount.derive(text)
    assert d.evaluate(d_x=7, d_z=5) == 5 * 7 + 5 * 5


def test_streamlit_latex_and_a_line_that_is_one_equation_in_backticks():
    app = "st.markdown('The state $h_t$ and the input $x_t$.')\nst.latex(r'''\n    h_{t} = tanh(W_{hh} h_{t-1} + W_{xh} x_{t} + b)\n''')\n"
    d = symcount.derive(app)
    assert d.evaluate(d_x=7, d_h=5) == n_params(nn.RNNCell(7, 5)) - 5
    notes = "# The update\n`h_t = tanh(W_hh * h_{t-1} + W_xh * x_t)`\n\nIt computes \\( h_t \\) from \\( h_{t-1} \\) and \\( x_t \\).\n"
    d = symcount.derive(notes)
    assert d.evaluate(d_x=7, d_h=5) == 5 * 5 + 5 * 7


def test_two_signals_computed_from_each_other_at_one_step():
    # o_t = sigma(W_o h_t) after h_t = o_t * tanh(c_t): no step computes both; the later read is h at the
    # step before, with a note (the shapes, and so the count, are the same either way)
    text = r"""
$$c_t = f_t \odot c_{t-1} + i_t \odot z_t$$
$$h_t = o_t \odot \tanh(c_t)$$
$$i_t = \sigma(W_i x_t + b_i)$$
$$f_t = \sigma(W_f x_t + b_f)$$
$$z_t = \tanh(W_z x_t + b_z)$$
$$o_t = \sigma(W_o h_t + b_o)$$
"""
    d = symcount.derive(text)
    assert d.evaluate(d_x=7, d_c=5) == 3 * (5 * 7 + 5) + 5 * 5 + 5
    assert any("is read at the step before" in n and "o_t" in n for n in d.shapes.notes)


def test_a_label_with_a_full_width_colon_and_torch_transposes():
    d = symcount.derive(" * 单步 RNN：h_t = tanh(x_t · W_xh + h_{t-1} · W_hh + b_h)\n")
    assert d.evaluate(d_x=7, d_h=5) == n_params(nn.RNNCell(7, 5)) - 5
    # torch.mm(x, w_ih.t()): x a row times w_ih transposed (torch's (out, in) weight), w_ih a weight
    d = symcount.derive("h = torch.tanh(torch.mm(x, w_ih.t()) + torch.mm(h, w_hh.t()) + b)\n")
    assert d.evaluate(d_x=7, d_h=5) == n_params(nn.RNNCell(7, 5)) - 5


def test_a_sum_over_the_steps_is_typeset_as_written(tmp_path):
    # the sum stays in the equations shown (its bounds typeset, not escaped), and t, i in the exponent too
    src = tmp_path / "rwkv.md"
    src.write_text(RWKV, encoding="utf-8")
    out = tmp_path / "rwkv.tex"
    from symcount.cli import main
    assert main(["derive", str(src), "--format", "latex", "--standalone", "--output", str(out)]) == 0
    tex = out.read_text(encoding="utf-8")
    assert r"\sum_{i=1}^{t-1}" in tex and r"\exp(-(t - 1 - i) w" in tex
    assert "textbackslash" not in tex


def test_a_readings_numbers_are_not_shown_as_declared():
    # the scalar gates the lower-case reading makes (i_t, f_t one number each) are the reader's, not the text's
    from symcount import api
    summary = api.summarize(symcount.derive(MLSTM), explain=True)
    assert summary.explanation["declarations"] == []
    assert any("reads as one number" in n for n in summary.notes)


def test_a_sum_over_the_steps_is_counted_but_not_costed_nor_written_as_a_module():
    from symcount import api
    d = symcount.derive(RWKV)
    with pytest.raises(symcount.SymcountError, match=r"cannot count the cost of \\sum_\{i=1\}\^\{t-1\}"):
        d.cost
    with pytest.raises(symcount.SymcountError, match="a sum over the steps so far"):
        api.torch_module(d)


def test_a_greek_gate_defined_by_an_inner_product_is_one_number():
    # DeltaNet's beta_t = sigma(w_beta^T x_t) before a vector: one number (it was a choice, refused)
    text = r"""
$$S_t = S_{t-1} - \beta_t (S_{t-1} k_t - v_t) k_t^\top$$
$$o_t = S_t q_t$$
where $q_t = W_q x_t$, $k_t = W_k x_t$, $v_t = W_v x_t$, $\beta_t = \sigma(w_\beta^\top x_t)$, $x_t \in \mathbb{R}^d$, and $W_q, W_k, W_v \in \mathbb{R}^{d \times d}$.
"""
    d = symcount.derive(text)
    for n in (4, 7):
        assert d.evaluate(d=n) == n_params(*(nn.Linear(n, n, bias=False) for _ in range(3)), nn.Linear(n, 1, bias=False))
    assert any("read as one number" in note for note in d.shapes.notes)
    # the other reading stays the user's to pick
    assert symcount.derive(text, read=["\\beta=elementwise"]).evaluate(d=4) == 4 * 4 * 4
