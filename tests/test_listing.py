"""Issue 17, twentieth round: a cell given as a list of its parameters with their shapes and no
equation (a docstring's Parameters section, a help comment, doc comments over a struct's fields),
as set h19's code comments wrote them. The count is the sum of what the list names, checked against
torch modules holding those tensors; an entry the list does not say is a parameter or an input is
refused, and so is everything a list cannot say (cost, stacking, a torch module)."""
from __future__ import annotations

import json
import os

import pytest

import symcount
from symcount.cli import main

torch = pytest.importorskip("torch") if not os.environ.get("CI") else __import__("torch")
nn = torch.nn


def n_params(module) -> int:
    return sum(p.numel() for p in module.parameters())


def run(argv, capsys):
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


# numpydoc, the shapes after "of shape", rows as the batch sees them (row vectors); inputs and states listed too
NUMPYDOC = '''def gru_step(x, prev_h, Wx, Wh, b, Wxh, Whh, bh):
    """
    Forward pass for a single timestep of a GRU.

    Parameters
    ----------
    x : Input data, of shape (N, D)
    prev_h : Previous hidden state, of shape (N, H)
    Wx : Input-to-hidden weights for r and z gates, of shape (D, 2H)
    Wh : Hidden-to-hidden weights for r and z gates, of shape (H, 2H)
    b : Biases for r and z gates, of shape (2H,)
    Wxh : Input-to-hidden weights for h', of shape (D, H)
    Whh : Hidden-to-hidden weights for h', of shape (H, H)
    bh : Biases, of shape (H,)

    Returns
    -------
    next_h : Next hidden state, of shape (N, H)
    """
'''


class _Listed(nn.Module):
    def __init__(self, **shapes):
        super().__init__()
        for name, shape in shapes.items():
            self.register_parameter(name, nn.Parameter(torch.zeros(*shape)))


def test_a_numpydoc_parameter_list_is_counted_as_listed():
    d = symcount.derive(NUMPYDOC, name="gru_step.py")
    assert [p.name for p in d.parameters] == ["Wx", "Wh", "b", "Wxh", "Whh", "bh"]
    for D, H in ((7, 5), (3, 11)):
        oracle = _Listed(Wx=(D, 2 * H), Wh=(H, 2 * H), b=(2 * H,), Wxh=(D, H), Whh=(H, H), bh=(H,))
        assert d.evaluate(D=D, H=H) == n_params(oracle) == 3 * H * (D + H + 1)
    note = next(n for n in d.shapes.notes if "no equation of the cell" in n)
    assert "x, prev_h, next_h" in note and "gru_step.py:9" in note  # what was left out, and where the list starts
    no_bias = symcount.derive(NUMPYDOC, bias=False)
    assert no_bias.evaluate(D=7, H=5) == 3 * 5 * (7 + 5)


RUST = '''/// Mamba block.
pub struct Mamba {
    pub d_model: usize,
    /// in_proj weight: (2 * d_inner, d_model)
    pub in_proj_weight: Vec<f32>,
    /// in_proj bias: optional (2 * d_inner,)
    pub in_proj_bias: Option<Vec<f32>>,
    /// x_proj weight: (dt_rank + 2*d_state, d_inner) — no bias
    pub x_proj_weight: Vec<f32>,
    /// A_log: (d_inner, d_state) — log of the state matrix
    pub a_log: Vec<f32>,
    /// D "skip" parameter: (d_inner,)
    pub d_skip: Vec<f32>,
    /// Per-head recurrent weights: `n_heads × d_head × d_head`
    pub r: Vec<f32>,
}
'''


def test_doc_comments_name_the_fields_they_document():
    d = symcount.derive(RUST)
    assert [p.name for p in d.parameters] == ["in_proj_weight", "in_proj_bias", "x_proj_weight", "a_log", "d_skip", "r"]
    sizes = dict(d_model=6, d_inner=12, d_state=5, dt_rank=3, n_heads=2, d_head=4)
    oracle = _Listed(in_proj_weight=(24, 6), in_proj_bias=(24,), x_proj_weight=(13, 12), a_log=(12, 5), d_skip=(12,),
                     r=(2, 4, 4))
    assert d.evaluate(**sizes) == n_params(oracle)
    assert any("in_proj_bias" in n and "optional: counted" in n for n in d.shapes.notes)
    assert symcount.derive(RUST, bias=False).evaluate(**sizes) == n_params(oracle) - 24  # the optional bias left out


def test_javadoc_params_and_a_help_comment():
    scaladoc = """/**
  * @param wf Weight matrix of the forget gate, numpy array of shape (na, na + nx)
  * @param bf Bias of the forget gate, numpy array of shape (na, 1)
  * @param wy Weight matrix relating the hidden-state to the output, numpy array of shape (ny, na)
  */
"""
    d = symcount.derive(scaladoc)
    assert d.evaluate(na=5, nx=7, ny=3) == n_params(_Listed(wf=(5, 12), bf=(5, 1), wy=(3, 5)))
    matlab = """%   x:  The current input tensor (m x N), input dimension M, batch size N.
%   hp: The previous hidden-state (d x N), hidden/cell state dimension d.
%   W: Linear parameters matrix ((4*d) x (m+d))
%   b: Bias parameters vector ((4*d) x 1).
"""
    d = symcount.derive(matlab)
    assert d.evaluate(m=7, d=5) == n_params(nn.Linear(7 + 5, 4 * 5)) == 4 * 5 * (7 + 5 + 1)


def test_what_a_list_does_not_say_is_refused():
    with pytest.raises(symcount.ParseError, match="cannot tell whether Q is a parameter"):
        symcount.derive(NUMPYDOC.replace("    bh : Biases, of shape (H,)", "    Q : of shape (H, H)"))
    with pytest.raises(symcount.ParseError, match="Whh is listed twice with two shapes"):
        symcount.derive(NUMPYDOC + "    Whh : hidden weights, of shape (H, D)\n")
    with pytest.raises(symcount.ParseError, match="the shape given for U"):  # a family the list does not name one by one
        symcount.derive("/// Shapes: `U_*`: `h × h`\n" + RUST)


def test_what_is_not_a_parameter_is_not_counted():
    backward = NUMPYDOC + "    dWx : Gradient of the input-to-hidden weights, of shape (D, 2H)\n"
    assert symcount.derive(backward).evaluate(D=7, H=5) == 3 * 5 * 13  # a gradient is not a parameter
    code = "let wx = MLXRandom.uniform(\n    low: -scale, high: scale, [3 * hiddenSize, inputSize])\n"
    with pytest.raises(symcount.ParseError, match="no equations found"):  # a call's arguments are no list
        symcount.derive(code)
    with pytest.raises(symcount.ParseError, match="no equations found"):
        symcount.derive("A GRU has weights (optional) and a hidden state [float, int].\n")


def test_a_text_with_equations_is_read_by_its_equations():
    text = NUMPYDOC + "\n$$ h_t = \\tanh(W x_t + U h_{t-1} + b) $$\n"
    d = symcount.derive(text)
    assert {p.name for p in d.parameters} == {"W", "U", "b"}


def test_what_a_list_cannot_give_is_refused(tmp_path, capsys):
    path = tmp_path / "gru_step.py"
    path.write_text(NUMPYDOC)
    code, out, err = run(["derive", str(path), "--set", "D=7", "--set", "H=5"], capsys)
    assert code == 0 and "value at D=7, H=5: 195" in out and "first used in" not in out
    for extra, message in ((["--cost"], "cannot count the cost"), (["--layers", "2"], "cannot stack layers"),
                           (["--format", "markdown", "--section", "equations"], "needs equations")):
        code, out, err = run(["derive", str(path), *extra], capsys)
        assert code == 2 and message in err and "Traceback" not in err
    code, out, err = run(["torch", str(path)], capsys)
    assert code == 2 and "write the cell's equations" in err
    code, out, err = run(["derive", str(path), "--format", "json"], capsys)
    data = json.loads(out)
    assert data["equations"] == [] and data["input"] is None and [p["name"] for p in data["parameters"]][:2] == ["Wx", "Wh"]


def test_the_explanation_says_the_parameters_are_listed(tmp_path, capsys):
    path = tmp_path / "mamba.rs"
    path.write_text(RUST)
    for fmt in ("markdown", "latex"):
        code, out, err = run(["derive", str(path), "--format", fmt], capsys)
        assert code == 0 and "No equation: the parameters, and their shapes, as the text lists them." in out
        assert "Equations" not in out and "Brought by a function" not in out and "Why each shape" not in out
    assert "\\mathit{in\\_proj\\_weight}" in out  # a code name typeset as a name, not as subscripts


def test_a_checkpoint_is_checked_against_the_list(tmp_path, capsys):
    path = tmp_path / "gru_step.py"
    path.write_text(NUMPYDOC)
    shapes = dict(Wx=(7, 10), Wh=(5, 10), b=(10,), Wxh=(7, 5), Whh=(5, 5), bh=(5,))
    torch.save({k: torch.zeros(*v) for k, v in shapes.items()}, tmp_path / "ok.pt")
    code, out, _ = run(["check", str(path), "--state-dict", str(tmp_path / "ok.pt"), "--set", "D=7", "--set", "H=5"], capsys)
    assert code == 0 and "they agree" in out
    torch.save({k: torch.zeros(*(v if k != "Whh" else (5, 6))) for k, v in shapes.items()}, tmp_path / "bad.pt")
    code, out, _ = run(["check", str(path), "--state-dict", str(tmp_path / "bad.pt"), "--set", "D=7", "--set", "H=5"], capsys)
    assert code == 3 and "wrong shape: Whh is (5, 6)" in out and "(listed)" in out


def test_the_inputs_and_states_a_list_sizes_are_its_signals():
    d = symcount.derive(NUMPYDOC)
    assert [(s.name, str(s.dim)) for s in d.shapes.signals] == [("x", "D"), ("prev_h", "H"), ("next_h", "H")]
    assert d.shapes.input is None and d.shapes.output is None  # no equation says which feeds the next layer
    swift = """/// Input: x [batch, inputDim], h [batch, hiddenDim]
public final class GRUCell: Module {
    /// Gate weights: [3 * hiddenDim, inputDim]
    @ParameterInfo(key: "Wx") public var wx: MLXArray
    /// Recurrent weights: [3 * hiddenDim, hiddenDim]
    @ParameterInfo(key: "Wh") public var wh: MLXArray
    /// - Parameters:
    ///   - x: input [batch, inputDim]
    ///   - h: previous hidden state [batch, hiddenDim]
"""
    d = symcount.derive(swift)
    assert [s.name for s in d.shapes.signals] == ["x", "h"]  # not the heading's word "Input"
    assert d.evaluate(inputDim=7, hiddenDim=5) == n_params(_Listed(wx=(15, 7), wh=(15, 5)))


# ---- what an audit of the list reader found (each was a wrong count with exit 0) ---------------------------
def test_a_shape_on_the_line_after_of_shape_and_a_printed_parameter_list():
    attributes = """    Attributes:
        weight_ih: the learnable input-hidden weights, of shape
            `(3*hidden_size, input_size)`
        weight_hh: the learnable hidden-hidden weights, of shape
            `(3*hidden_size, hidden_size)`
        bias_ih: the learnable input-hidden bias, of shape `(3*hidden_size)`
        bias_hh: the learnable hidden-hidden bias, of shape `(3*hidden_size)`
"""
    d = symcount.derive(attributes)
    assert d.evaluate(input_size=10, hidden_size=20) == n_params(nn.GRUCell(10, 20))
    printed = """weight_ih_l0: torch.Size([80, 10])
weight_hh_l0: torch.Size([80, 20])
bias_ih_l0: torch.Size([80])
bias_hh_l0: torch.Size([80])
"""
    assert symcount.derive(printed).evaluate() == n_params(nn.LSTM(10, 20))


def test_states_buffers_and_moments_are_not_parameters():
    deltanet = """    Args:
        x: the token's input vector, of shape (d_model,)
        S: the fast-weight state matrix carried from step to step, of shape (d_k, d_v)
        W_q: query projection weights, of shape (d_model, d_k)
        W_k: key projection weights, of shape (d_model, d_k)
"""
    d = symcount.derive(deltanet)
    assert [p.name for p in d.parameters] == ["W_q", "W_k"]
    with pytest.raises(symcount.ParseError, match="cannot tell whether attn is a parameter"):  # N: a batch, or a size?
        symcount.derive(deltanet + "        attn: attention weights over the encoder steps, of shape (N, T)\n")
    rust = """pub struct Cell {
    /// input-to-hidden weights: (4 * hidden, input)
    pub w_ih: Vec<f32>,
    /// running mean, tracked at training time (not a learned parameter): (4 * hidden,)
    pub running_mean: Vec<f32>,
    /// Adam first moment of the input weights: (4 * hidden, input)
    m_w_ih: Vec<f32>,
}
"""
    assert [p.name for p in symcount.derive(rust).parameters] == ["w_ih"]


def test_names_stay_their_own():
    markdown = """## Parameters of the GRU (no biases)

* `w_z`: update-gate weights, of shape (d_h, d_x + d_h)
* `w_r`: reset-gate weights, of shape (d_h, d_x + d_h)
* `w_h`: candidate weights, of shape (d_h, d_x + d_h)

Note: each matrix multiplies the concatenation of the previous state and the input.
"""
    d = symcount.derive(markdown)
    assert [p.name for p in d.parameters] == ["w_z", "w_r", "w_h"]
    assert d.evaluate(d_h=5, d_x=7) == n_params(nn.ModuleList(nn.Linear(12, 5, bias=False) for _ in range(3)))
    blocks = """pub struct LstmCell {
    /// Input weights of the four gates, stacked: (4 * hidden, input)
    pub w_ih: Vec<f32>,
    /// Recurrent weights, one block per gate, stacked in this order:
    /// - W_hi: input-gate weights, (hidden, hidden)
    /// - W_hf: forget-gate weights, (hidden, hidden)
    /// - W_hg: cell-candidate weights, (hidden, hidden)
    /// - W_ho: output-gate weights, (hidden, hidden)
    pub w_hh: Vec<f32>,
    /// Bias: (4 * hidden,)
    pub b: Vec<f32>,
}
"""
    assert symcount.derive(blocks).evaluate(hidden=5, input=7) == n_params(nn.LSTMCell(7, 5)) - 4 * 5


def test_a_list_that_gives_a_stacked_tensor_and_its_blocks_is_refused():
    text = """- `W_i` : input gate weights, of shape (H, D)
- `W_f` : forget gate weights, of shape (H, D)
- `W_o` : output gate weights, of shape (H, D)
- `W_c` : cell candidate weights, of shape (H, D)
- `W` : the four matrices above stacked into one, as stored in the checkpoint, of shape (4H, D)
"""
    with pytest.raises(symcount.ParseError, match="listed as the others stacked"):
        symcount.derive(text)


def test_shapes_as_texts_write_them():
    gates = NUMPYDOC.replace("weights for r and z gates", "weights for the gates (r, z)")
    assert symcount.derive(gates).evaluate(D=7, H=5) == 3 * 5 * (7 + 5 + 1)  # (r, z) names gates, not sizes
    init = NUMPYDOC.replace("Wh : Hidden-to-hidden weights for r and z gates,", "Wh : Hidden-to-hidden weights (orthogonal init, gain=1.0),")
    assert symcount.derive(init).evaluate(D=7, H=5) == 3 * 5 * (7 + 5 + 1)
    c_header = """/**
 * @param W  input weights, of shape [4*H][D]
 * @param U  recurrent weights, of shape [4*H][H]
 * @param b  bias, of shape [4*H]
 */"""
    assert symcount.derive(c_header).evaluate(D=7, H=5) == n_params(nn.LSTMCell(7, 5)) - 4 * 5
    markdown = """- `W_x`: input-to-hidden weights, of shape $(4H \\times D)$
- `W_h`: hidden-to-hidden weights, of shape $(4H \\times H)$
- `b`: bias, of shape $(4H,)$
"""
    assert symcount.derive(markdown).evaluate(D=7, H=5) == n_params(nn.LSTMCell(7, 5)) - 4 * 5
    embedding = """    E : embedding matrix, of shape (V, e)
    Wx : input-to-hidden weights, of shape (e, h)
    b : hidden bias, of shape (h,)
"""
    assert symcount.derive(embedding).evaluate(V=100, e=8, h=5) == 100 * 8 + 8 * 5 + 5
    with pytest.raises(symcount.ParseError, match="gives U no shape that can be read"):
        symcount.derive("    U : left factor of the recurrent weight matrix, of shape (H, H // 4)\n"
                        "    Wx : input-to-hidden weights, of shape (H, D)\n")


def test_heads_do_not_apply_to_a_list():
    with pytest.raises(symcount.SymcountError, match="`heads` cannot apply"):
        symcount.derive(NUMPYDOC, heads="H")


def test_a_list_beside_code_whose_parameters_it_does_not_all_shape_is_refused():
    rust = """pub struct Mamba2 {
    /// in_proj weight: (d_in_proj, d_model)
    pub in_proj_weight: Vec<f32>,
    pub in_proj_bias: Option<Vec<f32>>,
    /// out_proj weight: (d_model, d_inner)
    pub out_proj_weight: Vec<f32>,
}
"""
    with pytest.raises(symcount.ParseError, match="gives in_proj_bias no shape"):
        symcount.derive(rust)
    norm = rust.replace("    pub in_proj_bias: Option<Vec<f32>>,\n", "    pub norm: Option<RMSNormGated>,\n")
    with pytest.raises(symcount.ParseError, match="gives norm no shape"):
        symcount.derive(norm)
    two = rust.replace("    pub in_proj_bias: Option<Vec<f32>>,\n", "    /// D skip parameter: (nheads,) or (d_ssm,) if d_has_hdim\n    pub d_skip: Vec<f32>,\n")
    with pytest.raises(symcount.ParseError, match="gives d_skip no shape"):  # two shapes, one per setting
        symcount.derive(two)


def test_a_sentence_with_words_in_parentheses_is_no_list():
    text = ("% notation: inline code equations with * as both matrix product and elementwise product, words as "
            "signals (input, state), act(.) activation\n\nThe basic RNN calculates `h = act(W * input + U * state + b)`.\n")
    with pytest.raises(symcount.ParseError, match="no equations found"):
        symcount.derive(text)


def test_what_a_second_audit_found():
    rust = """pub struct LstmCell {
    /// Input-to-hidden weights: [4 * hidden, input]
    pub w_ih: Tensor,
    /// Hidden-to-hidden weights: [4 * hidden, hidden]
    pub w_hh: Tensor,
    pub b_ih: Tensor,
}
"""
    with pytest.raises(symcount.ParseError, match="gives b_ih no shape"):  # a bias field no entry shapes
        symcount.derive(rust)
    python = '''class MinGRUCell(nn.Module):
    """
    Parameters:
        W_z: update-gate weight matrix, of shape (hidden_size, input_size)
    """

    def __init__(self, input_size, hidden_size):
        self.W_z = nn.Parameter(torch.empty(hidden_size, input_size))
        self.proj = nn.Linear(hidden_size, hidden_size)
'''
    # a module's code with no math: read by what its __init__ declares (read.torchcode), the layer with its shape
    assert symcount.derive(python).evaluate(input_size=7, hidden_size=5) == 5 * 7 + 5 * 5 + 5
    for two in ("of shape (1,) if shared else (D,)", "of shape (D,) | (1,)", "of shape (1,) when shared, else (D,)"):
        with pytest.raises(symcount.ParseError):
            symcount.derive(f"    W_a: gate weight matrix, of shape (D, D)\n    a: learnable decay parameter, {two}\n")
    reservoir = """- `E`: embedding matrix, shape `(V, D)`
- `W_in`: input weight matrix, shape `(N, D)`
- `W`: recurrent weight matrix, shape `(N, N)`
"""
    with pytest.raises(symcount.ParseError, match="cannot tell whether W_in is a parameter"):  # N: neurons or a batch
        symcount.derive(reservoir)
