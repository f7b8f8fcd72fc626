"""Issue 17, ninth round: code as libraries write it in comments and docstrings (an object's field,
`self.W_i`, `lstm.Wi`, `w.b_ii_l0`; Julia's broadcast call `σ.(z)`; a step spelled out, `h_k_minus_1`;
a line of code at a step written with another letter than t), an output named after the input
(`x_{k+1} = V h_k + b`: refused with both readings), a size no positive dimensions make positive
(refused, never printed), `\\quad \\in (0, 1)^d` after an equation, `$$\\[ ... \\]$$`, a left side in
double braces, "N is the total number of elements in the input". Counts against torch modules."""
from __future__ import annotations

import os

import pytest

import symcount
from symcount import api

torch = pytest.importorskip("torch") if not os.environ.get("CI") else __import__("torch")
nn = torch.nn


def n_params(module) -> int:
    return sum(p.numel() for p in module.parameters())


class ConcatLSTM(nn.Module):
    """Four gates, each one weight over [x; h] and one bias (Julia's and MATLAB's from-scratch LSTMs)."""

    def __init__(self, x: int, h: int, biases: int = 1) -> None:
        super().__init__()
        self.gates = nn.ModuleList(nn.Linear(x + h, h) for _ in range(4))
        self.extra = nn.ParameterList(nn.Parameter(torch.zeros(h)) for _ in range(4 * (biases - 1)))

    def forward(self, x, h, c):
        i, f, o, g = (m(torch.cat([x, h], -1)) for m in self.gates)
        c = torch.sigmoid(f) * c + torch.sigmoid(i) * torch.tanh(g)
        return torch.sigmoid(o) * torch.tanh(c), c


JULIA = """function forward(lstm::LSTM, x_t::Vector{Float64}, h_prev::Vector{Float64}, c_prev::Vector{Float64})
    i_t = σ.(lstm.Wi * [x_t; h_prev] + lstm.bi)  # input gate
    f_t = σ.(lstm.Wf * [x_t; h_prev] + lstm.bf)  # forget gate
    o_t = σ.(lstm.Wo * [x_t; h_prev] + lstm.bo)  # output gate
    c̃_t = tanh.(lstm.Wc * [x_t; h_prev] + lstm.bc)
    c_t = f_t .* c_prev + i_t .* c̃_t
    h_t = o_t .* tanh.(c_t)
    return h_t, c_t
end
"""


def test_julia_fields_and_broadcast_calls_read_as_the_lstm():
    d = symcount.derive(JULIA)
    m = ConcatLSTM(7, 5)
    x, h, c = torch.zeros(1, 7), torch.zeros(1, 5), torch.zeros(1, 5)
    assert m(x, h, c)[0].shape == (1, 5)
    assert d.evaluate(d_x=7, d_h=5) == n_params(m)
    assert {p.name.replace("{", "").replace("}", "") for p in d.shapes.params} == {"W_i", "W_f", "W_o", "W_c", "b_i", "b_f", "b_o", "b_c"}


def test_a_weight_letter_glued_to_a_state_letter_stays_the_weight_subscript():
    # Wc with c the cell state (c_prev, c_t): W_c, not W times c_t (which made a size 0 and, before, 1 - d_x)
    d = symcount.derive(JULIA.replace("lstm.", ""))
    assert d.evaluate(d_x=3, d_h=11) == n_params(ConcatLSTM(3, 11))


MATLAB = """function [h_k, c_k] = lstm_step(x_k, h_k_minus_1, c_k_minus_1, lstm_weights)
% Computes the forward pass of a single-layer LSTM network using only
% matrix operations.
%
% INPUTS:
%   x_k           : Input at time step k           [input_dim, 1]
%   h_k_minus_1   : Previous hidden state          [hidden_dim, 1]
%   c_k_minus_1   : Previous cell state            [hidden_dim, 1]
%   lstm_weights  : Struct containing all LSTM parameters with fields:
%
%       Forget gate (f):
%           w_if_l0, b_if_l0, w_hf_l0, b_hf_l0
%
%       Cell candidate (g):
%           w_ig_l0, b_ig_l0, w_hg_l0, b_hg_l0
%
%       Output gate (o):
%           w_io_l0, b_io_l0, w_ho_l0, b_ho_l0
%
%       Input gate (i):
%           w_ii_l0 : Input-to-input-gate weights  [hidden_dim, input_dim]
%           b_ii_l0 : Bias                         [hidden_dim, 1]
%
% OUTPUTS:
%   h_k        : Updated hidden state              [hidden_dim, 1]
%   c_k        : Updated cell state                [hidden_dim, 1]
%
% -------------------------------------------------------------------------
    w = lstm_weights; % Shortcut
    h_prev = h_k_minus_1;  % Previous hidden state
    c_prev = c_k_minus_1;  % Previous cell state

    %% ----- i_k -------------------------------------------
    i_k = sigmoid( w.w_ii_l0 * x_k + w.b_ii_l0 + w.w_hi_l0 * h_prev + w.b_hi_l0 );

    %% ----- f_k -------------------------------------------
    f_k = sigmoid( w.w_if_l0 * x_k + w.b_if_l0 + w.w_hf_l0 * h_prev + w.b_hf_l0 );

    %% ----- g_k -------------------------------------------
    g_k = tanh(    w.w_ig_l0 * x_k + w.b_ig_l0 + w.w_hg_l0 * h_prev + w.b_hg_l0 );

    %% ----- o_k -------------------------------------------
    o_k = sigmoid( w.w_io_l0 * x_k + w.b_io_l0 + w.w_ho_l0 * h_prev + w.b_ho_l0 );

    %% ----- c_k -------------------------------------------
    c_k = f_k .* c_prev + i_k .* g_k;

    %% ----- h_k -------------------------------------------
    h_k = o_k .* tanh(c_k);
end
"""


def test_matlab_struct_fields_and_a_spelled_out_step_read_as_torch_lstm():
    d = symcount.derive(MATLAB)
    assert d.evaluate(d_x=7, d_h=5) == n_params(nn.LSTM(7, 5))


def test_an_output_named_after_the_input_is_refused_with_both_readings():
    text = MATLAB.replace("end\n", "    x_k_plus_1 = w.weight_linout * h_k + w.bias_linout;\nend\n")
    with pytest.raises(symcount.SymcountError) as err:
        symcount.derive(text)
    assert "--read x_k+1=state" in str(err.value) and "--read x_k+1=output" in str(err.value)
    lstm, out = nn.LSTM(7, 5), nn.Linear(5, 3)
    d = symcount.derive(text, read={"x_k+1": "output"})
    assert d.evaluate(d_x=7, d_h=5, d_xout=3) == n_params(lstm) + n_params(out)
    d = symcount.derive(text, read={"x_k+1": "state"})  # the next input fed back: the output layer is x's size
    assert d.evaluate(d_x=7, d_h=5) == n_params(lstm) + n_params(nn.Linear(5, 7))


def test_the_state_defined_at_the_next_step_is_still_the_state():
    text = "$$ h_{t+1} = \\tanh(W x_t + U h_t + b) $$"
    assert symcount.derive(text).evaluate(d_x=7, d_h=5) == n_params(nn.RNNCell(7, 5)) - 5


def test_a_size_no_positive_dimension_makes_positive_is_refused():
    # an elementwise weight on [x; h] added to a gate of h's size: x would have 0 entries
    with pytest.raises(symcount.SymcountError) as err:
        symcount.derive("$$ i_t = \\sigma(w_i \\odot [x_t; h_{t-1}] + b_i) \\\\ h_t = i_t \\odot \\tanh(h_{t-1}) $$")
    assert "never positive" in str(err.value)


def test_a_range_after_quad_is_the_left_sides_range():
    text = ("$$\n\\begin{aligned}\nr_t &= \\sigma(W_r x_t + b_r) \\quad \\in (0, 1)^d \\quad \\text{(recurrence gate)} \\\\\n"
            "i_t &= \\sigma(W_i x_t + b_i) \\quad \\in (0, 1)^d \\\\\n"
            "h_t &= r_t \\odot h_{t-1} + i_t \\odot x_t\n\\end{aligned}\n$$\n"
            "The norm is kept: $\\|h_t\\|_2 = \\|h_{t-1}\\|_2 = 1$.\n")
    d = symcount.derive(text)
    assert d.evaluate(d_h=5) == 2 * n_params(nn.Linear(5, 5))


def test_nested_display_delimiters_and_a_left_side_in_double_braces():
    gru = nn.GRU(7, 5)
    text = ("$$\\[\nz_t = \\sigma(W_z x_t + U_z h_{t-1} + b_z)\n\\]$$\n$$\\[\nr_t = \\sigma(W_r x_t + U_r h_{t-1} + b_r)\n\\]$$\n"
            ".. math::\n\n   {{\\widetilde{h}}_{t}} &= {tanh\\left( x_{t}W_{\\text{xu}} + (r_{t}*h_{t - 1})W_{\\text{hu}} + b_{e} \\right)}\n\n"
            "   {h_{t}} &= {z_{t}*h_{t - 1} + \\left( 1 - z_{t} \\right) *{\\widetilde{h}}_{t}}\n")
    d = symcount.derive(text)
    assert d.evaluate(d_x=7, d_h=5) == n_params(gru) - 3 * 5


def test_the_total_number_of_elements_in_the_input_names_its_size():
    text = (".. math::\n\n   {z_{t}} &= {sigm\\left( x_{t}W_{\\text{xz}} + h_{t - 1}W_{\\text{hz}} + b_{z} \\right)}\n\n"
            "   {h_{t}} &= {z_{t}*h_{t - 1} + \\left( 1 - z_{t} \\right) * tanh(x_{t}W_{\\text{xh}})}\n\n"
            "N is the total number of elements in the input and M is the total number\nof elements in the cell output.\n")
    d = symcount.derive(text)
    assert d.evaluate(N=7, M=5) == n_params(nn.Linear(7, 5)) + 5 * 5 + 7 * 5


GENERIC_B = """$$Z_t = f(W_{xz} X_t + W_{hz} h_{t-1} + b)$$

$$r_t = f(W_{xr} X_t + W_{hr} h_{t-1} + b)$$

$$\\hat{h}_t = f(W_{xh} X_t + W_{hh} (r_t \\odot h_{t-1}) + b)$$

$$h_t = Z_t \\odot h_{t-1} + (1 - Z_t) \\odot \\hat{h}_t$$
"""


def test_one_unsubscripted_bias_in_gates_with_their_own_weights_is_a_choice():
    with pytest.raises(symcount.SymcountError) as err:
        symcount.derive(GENERIC_B)
    assert "--read b=shared" in str(err.value) and "--read b=separate" in str(err.value)
    gru = nn.GRU(7, 5)
    assert symcount.derive(GENERIC_B, read={"b": "separate"}).evaluate(d_X=7, d_h=5) == n_params(gru) - 3 * 5
    assert symcount.derive(GENERIC_B, read={"b": "shared"}).evaluate(d_X=7, d_h=5) == n_params(gru) - 5 * 5


def test_weights_shared_by_letter_share_the_bias_too():
    text = GENERIC_B.replace("W_{xz}", "W").replace("W_{xr}", "W").replace("W_{xh}", "W")
    with pytest.raises(symcount.SymcountError) as err:  # W in every gate: refused for W, b asks nothing
        symcount.derive(text)
    assert "one weight in every gate" in str(err.value) and "--read b=" not in str(err.value)


WT = """$\\begin{array}{ll}
C_{t}   & = f_{t} \\otimes C_{t-1} + i_{t}\\bar{C} \\\\
f_{t}   & = \\sigma(W_{f}h_{t-1} + U_{f}X_{t} + b_{f}) \\\\
i_{t}   & = \\sigma(W_{t}h_{t-1} + U_{i}X_{t} + b_{i}) \\\\
\\bar{C} & = tanh(W_{c}h_{t-1} + U_{c}X_{t} + b_{c}) \\\\
h_{t} & = o_{t}\\otimes tanh(C_{t}) \\\\
o_{t} & = \\sigma(W_{o}h_{t-1})
\\end{array}$
"""


def test_a_weight_letter_with_the_step_as_subscript_is_weight_or_signal():
    with pytest.raises(symcount.SymcountError) as err:
        symcount.derive(WT)
    assert "--read W_t=weight" in str(err.value)
    lstm = nn.LSTM(7, 5)
    d = symcount.derive(WT, read={"W_t": "weight"})
    # torch's LSTM with one bias per gate, no input weight and no bias on the output gate
    assert d.evaluate(d_X=7, d_C=5) == n_params(lstm) - 4 * 5 - 7 * 5 - 5


FAMILY = """\\begin{equation}
  \\symvz_t=\\sigma ([\\symvx_t,\\symvh_{t-1}] \\cdot \\symmw_z + \\symvb_z)
\\end{equation}
\\begin{equation}
  \\symvr_t=\\sigma ([\\symvx_t,\\symvh_{t-1}] \\cdot \\symmw_r + \\symvb_r)
\\end{equation}
\\begin{equation}
  \\symvhh_t=tanh(\\symvx_t\\cdot \\symmw_{hx}+(\\symvr_t\\odot\\symvh_{t-1}) \\cdot \\symvw_{hh} + \\symvb_h)
\\end{equation}
\\begin{equation}
  \\symvh_t=(\\vunit-\\symvz_t)\\odot \\symvh_{t-1} + \\symvz_t\\odot \\symvhh_t
\\end{equation}
"""


def test_a_papers_family_of_undefined_commands_reads_as_its_letters():
    d = symcount.derive(FAMILY)
    assert d.evaluate(d_x=7, d_h=5) == n_params(nn.GRU(7, 5)) - 3 * 5
    assert any("\\symvx" in n and "defining it" in n for n in d.shapes.notes)


def test_two_undefined_commands_are_no_family():
    with pytest.raises(symcount.SymcountError) as err:
        symcount.derive("$$ \\symvh_t = \\tanh(W \\symvx_t + U \\symvh_{t-1}) $$")
    assert "unknown command" in str(err.value)


FASTRNN = """class FastRNNCell(RNNCell):
    '''
    update_non_linearity = nonlinearity for final rnn update
    can be chosen from [tanh, sigmoid, relu, quantTanh, quantSigm]

    alphaInit = init for alpha, the update scalar
    betaInit = init for beta, the weight for previous state

    Basic architecture is like:

    h_t^ = update_nl(Wx_t + Uh_{t-1} + B_h)
    h_t = sigmoid(beta)*h_{t-1} + sigmoid(alpha)*h_t^
    '''
"""


def test_code_greek_words_and_a_caret_hat_read_as_the_fast_rnn():
    # alpha and beta: one number each by the Greek letters' convention; "init for alpha" says learned ("can
    # be chosen" is said in another paragraph, not of them)
    d = symcount.derive(FASTRNN)
    assert d.evaluate(d_x=7, d_h=5) == n_params(nn.RNNCell(7, 5)) - 5 + 2  # W, U, B_h; alpha, beta
    unsaid = FASTRNN.replace("    alphaInit = init for alpha, the update scalar\n    betaInit = init for beta, the weight for previous state\n", "")
    with pytest.raises(symcount.SymcountError) as err:  # nothing said of them: learned or constant, a choice
        symcount.derive(unsaid)
    assert "--read '\\alpha=learned'" in str(err.value) and "--read '\\beta=constant'" in str(err.value)
    assert "\\hat{h}" in {s.name for s in d.shapes.signals}


def test_a_parameter_through_a_function_before_a_vector_is_one_number_or_a_vector():
    text = "$$ h_t = \\sigma(g) \\odot h_{t-1} + \\tanh(W x_t + b) $$"
    with pytest.raises(symcount.SymcountError) as err:
        symcount.derive(text)
    assert "--read g=scalar" in str(err.value) and "--read g=vector" in str(err.value)
    rnn = n_params(nn.Linear(7, 5))
    assert symcount.derive(text, read={"g": "scalar"}).evaluate(d_x=7, d_h=5) == rnn + 1
    assert symcount.derive(text, read={"g": "vector"}).evaluate(d_x=7, d_h=5) == rnn + 5
    said = symcount.derive(text + "\nwhere g, the decay scalar, is learned.")
    assert said.evaluate(d_x=7, d_h=5) == rnn + 1


UGRNN = """    Basic architecture is like:

    z_t = gate_nl(W1x_t + U1h_{t-1} + B_g)
    h_t^ = update_nl(W1x_t + U1h_{t-1} + B_h)
    h_t = z_t*h_{t-1} + (1-z_t)*h_t^
"""


def test_a_greek_letter_seen_only_through_an_activation_is_one_number():
    # FastGRNN: sigmoid(zeta) scales, sigmoid(nu) is added; "init for zeta, the scale param" says learned
    text = ("    zetaInit = init for zeta, the scale param\n    nuInit = init for nu, the translation param\n\n"
            "    z_t = gate_nl(Wx_t + Uh_{t-1} + B_g)\n    h_t^ = update_nl(Wx_t + Uh_{t-1} + B_h)\n"
            "    h_t = z_t*h_{t-1} + (sigmoid(zeta)(1-z_t) + sigmoid(nu))*h_t^\n")
    assert symcount.derive(text).evaluate(d_x=7, d_h=5) == 7 * 5 + 5 * 5 + 2 * 5 + 2


def test_the_first_of_a_numbered_series_in_two_equations_is_shared_or_one_each():
    with pytest.raises(symcount.SymcountError) as err:
        symcount.derive(UGRNN)
    assert "--read W_1=separate" in str(err.value) and "--read U_1=shared" in str(err.value)
    d = symcount.derive(UGRNN, read={"W_1": "separate", "U_1": "separate"})
    assert d.evaluate(d_x=7, d_h=5) == 2 * n_params(nn.RNNCell(7, 5)) - 2 * 5  # W1, W2, U1, U2, B_g, B_h
    text = UGRNN.replace("B_h)", "B_h) \n    y_t = W2 h_t")  # a W_2: W_1 is one weight, asked nothing
    d = symcount.derive(text, read={"U_1": "shared"})
    assert d.evaluate(d_x=7, d_h=5, d_y=3) == n_params(nn.RNNCell(7, 5)) + 3 * 5


def test_two_statements_spaced_apart_on_a_comment_line_are_two():
    text = ("//   f_t = sigmoid(W_f x_t + b_f)   i_t = sigmoid(W_i x_t + b_i)\n"
            "//   c_t = W_h x_t + b_h\n"
            "//   h_t = f_t * h_{t-1} + i_t * c_t\n")
    d = symcount.derive(text)
    assert d.evaluate(d_x=7, d_h=5) == 3 * n_params(nn.Linear(7, 5))


def test_equations_in_code_spans_of_a_list():
    text = ("- Update Gate: `z_t = σ(Linear_z(x_t))`\n- Candidate State: `h_tilde = Linear_h(x_t)`\n"
            "- Hidden State: `h_t = (1 - z_t) ⊙ h_{t-1} + z_t ⊙ h_tilde`\n")
    assert symcount.derive(text).evaluate(d_x=7, d_h=5) == 2 * n_params(nn.Linear(7, 5))


def test_what_a_signal_is_computed_from_then_how_is_one_definition():
    text = ("$$h_t = \\sigma_h(h_{t-1}, x_t)$$\n$$h_t = \\sigma_h(W_{hh}h_{t-1} + W_{xh}x_t + b_h)$$\n\n"
            "output:\n$$y_t = \\sigma_y(h_t)$$\n$$y_t = \\sigma_y(W_{hy}h_t + b_y)$$\n")
    d = symcount.derive(text)
    assert d.evaluate(d_x=7, d_h=5, d_y=3) == n_params(nn.RNNCell(7, 5)) - 5 + n_params(nn.Linear(5, 3))
    assert any("is computed from" in n for n in d.shapes.notes)


MIRA = '''"""
    GRU(isize::Int, hsize::Int; type::Type=Array{Float32})
# Math
    z = sigmoid(Wz * x + Uz * h .+ bz)
    r = sigmoid(Wr * x + Ur * h .+ br)
    c = tanh(   Wc * x + Uc * (r .* h) .+ bc )
    h = z .* h + (1 - z) .* c
"""
'''


def test_a_block_of_code_statements_with_activations_reads_as_the_cell():
    d = symcount.derive(MIRA)  # (its signature GRU(isize::Int, hsize::Int) names the sizes, since round 26)
    assert d.evaluate(isize=7, hsize=5) == n_params(nn.GRU(7, 5)) - 3 * 5


def test_one_code_statement_with_an_activation_is_no_cell():
    with pytest.raises(symcount.SymcountError) as err:
        symcount.derive("Usage:\n    y = sigmoid(x)\n    model = Model(y)\n")
    assert "no equations found" in str(err.value)


def test_star_is_elementwise_where_the_text_writes_matrix_products_with_at():
    text = ("f_t = sigmoid(W_f @ [h_{t-1}, x_t] + W_cf * C_{t-1} + b_f)  # Note: C_{t-1}\n"
            "i_t = sigmoid(W_i @ [h_{t-1}, x_t] + W_ci * C_{t-1} + b_i)\n"
            "C_t = f_t * C_{t-1} + i_t * tanh(W_C @ [h_{t-1}, x_t] + b_C)\n"
            "o_t = sigmoid(W_o @ [h_{t-1}, x_t] + W_co * C_t + b_o)      # Note: C_t\n"
            "h_t = o_t * tanh(C_t)\n")
    d = symcount.derive(text)
    peephole = 3 * 5  # three vectors of the hidden size, as torch would hold them
    assert d.evaluate(d_x=7, d_h=5) == n_params(nn.LSTMCell(7, 5)) - 4 * 5 + peephole
    d = symcount.derive(text, read={"W_cf*": "matrix", "W_ci*": "matrix", "W_co*": "matrix"})
    assert d.evaluate(d_x=7, d_h=5) == n_params(nn.LSTMCell(7, 5)) - 4 * 5 + 3 * 5 * 5


def test_a_bold_lower_case_weight_transposed_explains_without_an_internal_error():
    # the evidence "a vector, one column" has a symbol for its node, not a product (it was an AttributeError)
    text = "$$ f_t = \\sigma(\\mathbf{w}_f^\\top \\mathbf{x}_t + b_f) \\\\ h_t = f_t h_{t-1} $$"
    d = symcount.derive(text)
    latex = api.render(d, "latex", detail=True)
    assert "bold lower-case letter, a vector" in latex and d.evaluate(d_x=7) == 7 + 1


def test_words_after_three_spaces_are_a_remark_in_any_language():
    text = ("z_t = tanh(W_z x_t + R_z h_{t-1} + b_z)          candidate\n"
            "c_t = f_t·c_{t−1} + i_t·z_t                     Zellzustand (Gedächtnis)\n"
            "f_t = σ(W_f x_t + R_f h_{t-1} + b_f)          forget gate\n"
            "i_t = σ(W_i x_t + R_i h_{t-1} + b_i)\n"
            "o_t = σ(W_o x_t + R_o h_{t-1} + b_o)\n"
            "h_t = o_t · tanh(c_t)\n")
    assert symcount.derive(text).evaluate(d_x=7, d_h=5) == n_params(nn.LSTMCell(7, 5)) - 4 * 5
    # a call's arguments after spaces are no remark: `j = tanh   (W_xj . x[t] + ...)`
    call = "//   j = tanh   (W_xj . x[t] + W_hj . h[t-1] + b_j)\n//   h[t] = j\n"
    assert {"W_{xj}", "W_{hj}", "b_j"} <= {p.name for p in symcount.derive(call).shapes.params}


def test_a_diagonal_of_a_parameter_is_no_coefficient():
    # diag(u) h_{t-1} sets u on a diagonal: u has h's size, no choice of one number
    d = symcount.derive("$$ h_t = \\tanh(W x_t + \\operatorname{diag}(u) h_{t-1} + b) $$")
    assert d.evaluate(d_x=7, d_h=5) == n_params(nn.Linear(7, 5)) + 5
    d = symcount.derive("$$ h_t = \\tanh(W x_t + \\operatorname{diag}(\\lambda) h_{t-1} + b) $$")
    assert d.evaluate(d_x=7, d_h=5) == n_params(nn.Linear(7, 5)) + 5


def test_a_list_of_symbols_says_each_operator_on_its_own_line():
    # "⊙: element-wise multiplication" is said of ⊙, on its own line, not of the * of the formula above
    text = ("IndRNN formula: h_t = σ(W * x_t + u ⊙ h_{t-1} + b)\n"
            "- W: input-to-hidden weights (matrix) - standard\n"
            "- u: recurrent weights (VECTOR, not matrix!) - key difference from standard RNN\n"
            "- ⊙: element-wise multiplication (Hadamard product)\n"
            "- σ: activation function (ReLU works well, unlike vanilla RNN)\n")
    d = symcount.derive(text)
    assert d.evaluate(d_x=7, d_h=5) == n_params(nn.Linear(7, 5)) + 5


def test_plain_text_with_unicode_accents_and_two_statements_on_a_line():
    # ŷₜ (a precomposed accent) no longer stops W_zz, a plain-text subscript, from being one name
    text = "zₜ = g_z(W_zz zₜ₋₁ + W_xz xₜ)          ŷₜ = g_y(W_zy zₜ)\n"
    d = symcount.derive(text)
    assert {"W_{zz}", "W_{xz}", "W_{zy}"} == {p.name for p in d.shapes.params}
    assert d.evaluate(d_x=7, d_z=5, d_yhat=3) == 5 * 5 + 7 * 5 + 5 * 3


STORY = '''class GRUCell:
    """
    Вентильная ячейка GRU:

        z = σ(Wz·x + Uz·h + bz)          вентиль обновления: сколько взять нового
        r = σ(Wr·x + Ur·h + br)          вентиль сброса: сколько забыть старого
        ĥ = tanh(Wc·x + Uc·(r ⊙ h) + bc) кандидат нового состояния
        h' = (1 - z) ⊙ h + z ⊙ ĥ         смесь старого и нового
    """
'''


def test_a_docstring_with_remarks_in_another_script_and_names_glued_before_products():
    d = symcount.derive(STORY)
    assert d.evaluate(d_x=7, d_h=5) == n_params(nn.GRUCell(7, 5)) - 3 * 5
    assert {"W_z", "U_c", "b_c"} <= {p.name for p in d.shapes.params}


def test_read_settles_a_reading_in_compare_match_and_docs(tmp_path):
    import subprocess
    import sys
    from pathlib import Path
    cell = tmp_path / "cell.md"
    cell.write_text("$$ h_t = \\tanh(W x_t + U h_{t-1} + b) \\\\ y_t = V * h_t $$\n", encoding="utf-8")
    elementwise = {"V*": "elementwise"}
    assert api.compare([str(cell)], {"d_x": 4, "d_h": 3}, read=elementwise).rows[0].counts == (4 * 3 + 3 * 3 + 3 + 3,)
    assert api.compare([str(cell)], {"d_x": 4, "d_h": 3, "d_y": 2}).rows[0].counts == (4 * 3 + 3 * 3 + 3 + 2 * 3,)
    assert api.match(str(cell), {"d_x": 4}, budget=27, read=elementwise).rows[0].solution.at_most.size == 3
    both = api.compare([str(cell), "lstm"], {"d_x": 4, "d_h": 3, "d": 4, "h": 3}, read=elementwise)  # a built-in's own
    assert both.rows[0].counts == (4 * 3 + 3 * 3 + 3 + 3, n_params(nn.LSTM(4, 3)))
    other = tmp_path / "other.md"
    other.write_text("$$ h_t = \\tanh(W x_t + U h_{t-1} + b) $$\n", encoding="utf-8")
    with pytest.raises(symcount.SymcountError) as err:  # names nothing in other.md: which file says so
        api.compare([str(cell), str(other)], {"d_x": 4, "d_h": 3}, read=elementwise)
    assert "other.md" in str(err.value) and "V*" in str(err.value)
    root = Path(__file__).resolve().parent.parent
    run = subprocess.run([sys.executable, "-m", "symcount", "docs", str(cell), "--output", str(tmp_path / "site"),
                          "--read", "V*=elementwise"], capture_output=True, text=True, cwd=root,
                         env={**__import__("os").environ, "PYTHONPATH": str(root)})
    assert run.returncode == 0, run.stderr
    page = (tmp_path / "site" / "docs" / "cells" / "cell.md").read_text(encoding="utf-8")
    assert "elementwise" in page


def test_training_gradients_in_plain_text_are_no_equations_of_the_cell():
    text = ("各タイムステップ t:\n  a_t = W_hh * h_{t-1} + W_xh * x_t + b_h    (活性化前の値)\n"
            "  h_t = tanh(a_t)                               (隠れ状態)\n\n"
            "逆伝播 (BPTT: Backpropagation Through Time):\n  ∂L/∂W_hh = Σ_t ∂L_t/∂W_hh\n")
    assert symcount.derive(text).evaluate(d_x=7, d_h=5) == n_params(nn.RNNCell(7, 5)) - 5


def test_a_loss_gradient_in_display_math_is_skipped_and_a_time_derivative_is_read():
    text = ("$$ h_t = \\tanh(W x_t + U h_{t-1} + b) $$\nThe gradient:\n"
            "$$ \\frac{\\partial L}{\\partial W} = \\sum_t \\delta_t x_t^\\top $$\n")
    assert symcount.derive(text).evaluate(d_x=7, d_h=5) == n_params(nn.RNNCell(7, 5)) - 5
    ode = "$$ \\frac{d h}{dt} = -h + \\tanh(W x + U h + b) $$"
    assert symcount.derive(ode).evaluate(d_x=7, d_h=5) == n_params(nn.RNNCell(7, 5)) - 5


def test_a_chain_of_objects_before_a_field_is_the_field():
    text = "    i_t = sigmoid(lstm.cell.W_i * x_t + self.U_i * h_{t-1} + self.b_i)\n    h_t = i_t .* tanh(h_{t-1})\n"
    d = symcount.derive(text)
    assert {p.name for p in d.shapes.params} == {"W_i", "U_i", "b_i"}
    assert d.evaluate(d_x=7, d_h=5) == n_params(nn.RNNCell(7, 5)) - 5



def test_a_remark_after_two_spaces_and_a_product_after_a_gated_state_in_a_row_vector_text():
    text = ("/**\n * Forward (per timestep):\n"
            " *   z_t = sigmoid(x_t * W_iz + h_{t-1} * W_hz + b_z)        update gate\n"
            " *   r_t = sigmoid(x_t * W_ir + h_{t-1} * W_hr + b_r)        reset gate\n"
            " *   n_t = tanh   (x_t * W_in + (r_t ◦ h_{t-1}) * W_hn + b_n)  candidate\n"
            " *   h_t = (1 - z_t) ◦ n_t + z_t ◦ h_{t-1}\n */\n")
    d = symcount.derive(text)  # (r_t ◦ h_{t-1}) * W_hn: a row of signals times a weight, not a vector W_hn
    assert d.evaluate(d_x=7, d_h=5) == n_params(nn.GRUCell(7, 5)) - 3 * 5
    assert "candidate" not in {p.name for p in d.shapes.params}


def test_a_weight_named_after_another_gate_beside_the_gates_own_is_a_choice():
    text = ("  i_part = W_{ix} x_t + W_{im} m_{t-1} + b_i\n  f_part = W_{fx} x_t + W_{fm} m_{t-1} + b_f\n"
            "  c_part = W_{cx} x_t + W_{cm} m_{t-1} + b_c\n  o_part = W_{cx} x_t + W_{om} m_{t-1} + b_o\n\n"
            "     i_t = Sigmoid(i_part)\n     f_t = Sigmoid(f_part)\n     c_t = f_t*c_{t-1} + i_t * Tanh(c_part)\n"
            "     o_t = Sigmoid(o_part)\n     m_t = o_t * Tanh(c_t)\n")
    with pytest.raises(symcount.SymcountError) as err:
        symcount.derive(text)
    assert "--read W_cx=separate" in str(err.value)
    lstm = n_params(nn.LSTMCell(7, 5)) - 4 * 5
    assert symcount.derive(text, read={"W_cx": "separate"}).evaluate(d_x=7, d_m=5) == lstm
    assert symcount.derive(text, read={"W_cx": "shared"}).evaluate(d_x=7, d_m=5) == lstm - 7 * 5


def test_signals_the_prose_says_are_projected_from_the_input_need_their_weights():
    text = ("从输入 $x_t$ 投影得到 $\\Delta_t,B_t,C_t$。\n\n"
            "$$\n\\overline{A}_t=\\exp(\\Delta_t A),\\qquad \\overline{B}_t=\\Delta_t B_t\n$$\n"
            "$$\nh_t=\\overline{A}_t h_{t-1}+\\overline{B}_t x_t,\\qquad y_t=C_t h_t\n$$\n")
    with pytest.raises(symcount.SymcountError) as err:
        symcount.derive(text)
    assert "no equation computes it" in str(err.value)
