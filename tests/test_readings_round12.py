"""Issue 17, twelfth round: `*` is elementwise in a text that writes its matrix products with `@`
(numpy's convention), also between two signals; `c_new = f * c + ...` with a bare `c` beside it is
the state at the previous step; variants labelled `(A)` and `(B)`, and a remark in quotes after a
line's label. Counts against torch modules."""
from __future__ import annotations

import os

import pytest

import symcount

torch = pytest.importorskip("torch") if not os.environ.get("CI") else __import__("torch")
nn = torch.nn


def n_params(module) -> int:
    return sum(p.numel() for p in module.parameters())


AT_SIGN_LSTM = """\
/// One LSTM step, weights as torch packs them
///   i = sigmoid(W_ii @ x + b_ii + W_hi @ h + b_hi)  # input gate
///   f = sigmoid(W_if @ x + b_if + W_hf @ h + b_hf)  # forget gate
///   g = tanh(W_ig @ x + b_ig + W_hg @ h + b_hg)     # cell gate
///   o = sigmoid(W_io @ x + b_io + W_ho @ h + b_ho)  # output gate
///   c_new = f * c + i * g
///   h_new = o * tanh(c_new)
"""


def test_star_is_elementwise_where_at_is_the_matrix_product():
    d = symcount.derive(AT_SIGN_LSTM)
    for x, h in ((7, 5), (3, 11)):
        assert d.evaluate(d_x=x, d_h=h) == n_params(nn.LSTMCell(x, h))
    notes = " ".join(d.shapes.notes)
    assert "c at the previous step" in notes and "h at the previous step" in notes


def test_a_bare_letter_beside_its_new_name_is_the_previous_step():
    text = "$$ h_{new} = \\tanh(W x_t + U h + b) $$"
    d = symcount.derive(text)
    assert d.evaluate(d_x=7, d_h=5) == n_params(nn.Linear(7 + 5, 5))  # W, U and one bias
    assert "h at the previous step" in " ".join(d.shapes.notes)


def test_a_bare_letter_defined_in_the_text_is_not_the_previous_step():
    # h is defined here: h and h_new are two signals, no step is guessed
    text = "$$ h = \\tanh(W x_t + b) $$\n$$ h_{new} = \\tanh(U h + c) $$"
    d = symcount.derive(text)
    assert "previous step" not in " ".join(d.shapes.notes)


LETTERED = """\
### GRU

    z_t = sigma(Wz [x_t ; h_{t-1}] + bz)          update gate
    r_t = sigma(Wr [x_t ; h_{t-1}] + br)          reset gate
    n_t = tanh (Wn [x_t ; r_t * h_{t-1}] + bn)    candidate     "what would be written"
    h_t = (1 - z_t) * n_t + z_t * h_{t-1}

Both signs appear in the literature:

    (A) h_t = (1 - z_t) * n_t + z_t * h_{t-1}     z = 1 keeps the state
    (B) h_t = (1 - z_t) * h_{t-1} + z_t * n_t     z = 1 replaces the state
"""


class CatGRU(nn.Module):
    def __init__(self, x, h):
        super().__init__()
        self.z, self.r, self.n = (nn.Linear(x + h, h) for _ in range(3))

    def forward(self, x, h):
        z = torch.sigmoid(self.z(torch.cat([x, h], -1)))
        r = torch.sigmoid(self.r(torch.cat([x, h], -1)))
        n = torch.tanh(self.n(torch.cat([x, r * h], -1)))
        return (1 - z) * n + z * h


def test_variants_labelled_by_letters_and_a_quoted_remark():
    d = symcount.derive(LETTERED)
    m = CatGRU(7, 5)
    assert m(torch.zeros(1, 7), torch.zeros(1, 5)).shape == (1, 5)
    assert d.evaluate(d_x=7, d_h=5) == n_params(m)
    assert any("h_t=" in n or "defined 2 times" in n for n in d.shapes.notes)


def test_lettered_lines_in_one_block_without_labels_stay_an_error():
    text = "    h_t = tanh(W x_t + U h_{t-1})\n    h_t = tanh(W x_t + U h_{t-1} + b)\n"
    with pytest.raises(symcount.SymcountError):
        symcount.derive(text)


ROW_DECLARED = r"""
The output of a vanilla RNN cell at each step is computed as:
\[ y_t = tanh(U x_t + W h_{t-1} + b), \]
where \(U \in R^{M \times N}\), \(W \in R^{N \times N}\) are the shared parameter matrices and \(b \in R^N\) the bias.
"""


def test_a_weight_declared_in_the_other_orientation_is_refused_offering_its_transpose():
    with pytest.raises(symcount.ShapeError) as e:  # the text may be wrong elsewhere: never guessed
        symcount.derive(ROW_DECLARED)
    assert "--read U=transposed" in e.value.hint and "--read W" not in e.value.hint
    d = symcount.derive(ROW_DECLARED, read={"U": "transposed"})
    m = nn.RNNCell(7, 5, bias=False)
    m.bias = nn.Parameter(torch.zeros(5))  # one bias
    assert d.evaluate(M=7, N=5) == n_params(m) == 7 * 5 + 5 * 5 + 5
    assert any("transpose" in n and "U at" in n for n in d.shapes.notes)


def test_a_declaration_whose_transpose_does_not_fit_either_stays_an_error():
    text = r"$$ y_t = \tanh(U x_t + W h_{t-1}) $$ where $U \in R^{M \times N}$, $W \in R^{P \times N}$, $x_t \in R^{Q}$"
    with pytest.raises(symcount.SymcountError) as e:
        symcount.derive(text)
    assert "U" in str(e.value) and "transposed" not in e.value.hint


@pytest.mark.parametrize("remark", ["(W ∈ R^{h×d}) the hidden state", "(W ∈ R^{h×d}, 无偏置)"])
def test_a_spaced_remark_in_parentheses_after_a_line_is_not_read(remark):
    text = f"```\nh_t = tanh(W x_t + U h_{{t-1}} + b)      {remark}\n```\n"
    d = symcount.derive(text)
    assert d.evaluate(d_x=7, d_h=5) == n_params(nn.Linear(7 + 5, 5))


LEGEND_ROWS = """\
// Forward, one step:
//   z_t = W_z · x_t + b_z      g_t = sigmoid(z_t)
//   c_t = W_c · x_t + b_c
//   h_t = g_t ⊙ h_{t-1} + (1 - g_t) ⊙ c_t
//
// Parameters:
//   W_z, W_c : (input_dim, hidden_size)
//   b_z, b_c : (1, hidden_size)
"""


class InputGated(nn.Module):
    def __init__(self, x, h):
        super().__init__()
        self.z, self.c = nn.Linear(x, h), nn.Linear(x, h)

    def forward(self, x, h):
        g = torch.sigmoid(self.z(x))
        return g * h + (1 - g) * self.c(x)


def test_a_legend_of_shapes_in_code_orientation_is_read_in_the_orientation_that_fits():
    d = symcount.derive(LEGEND_ROWS)
    m = InputGated(7, 5)
    assert m(torch.zeros(1, 7), torch.zeros(1, 5)).shape == (1, 5)
    assert d.evaluate(input_dim=7, hidden_size=5) == n_params(m)
    assert d.shapes.signal("x").dim.terms == (("input_dim", 1),)


def test_a_legend_whose_orientations_give_different_counts_is_refused_with_both():
    text = "//   h_t = tanh(W · x_t + b)\n//\n//   W : (d_in, d_out)\n"
    with pytest.raises(symcount.SymcountError) as e:
        symcount.derive(text)
    assert "--read W=transposed" in str(e.value) and "--read W=as-listed" in str(e.value)
    d = symcount.derive(text, read={"W": "transposed"})
    assert d.evaluate(d_in=7, d_out=5) == n_params(nn.Linear(7, 5))


def test_a_legend_naming_a_weight_no_equation_uses_is_refused():
    text = LEGEND_ROWS + "//   w_y : (hidden_size,)    (readout)\n"
    with pytest.raises(symcount.SymcountError):
        symcount.derive(text)
    with pytest.raises(symcount.SymcountError) as e:  # the orientation that fits: the legend's readout unread
        symcount.derive(text, read={"W_z": "transposed"})
    assert "w_y" in str(e.value) and "legend" in str(e.value)


def test_a_legend_with_a_word_for_the_kind_before_the_shape():
    text = ("/// h_t = activation(W x_t + u ⊙ h_{t-1} + b)\n/// Parameters:\n"
            "/// - W: matrix input_dim × input_dim\n/// - u: vector input_dim (elementwise)\n/// - b: vector input_dim\n")
    d = symcount.derive(text)
    m = nn.RNNCell(7, 7, bias=False)
    m.u, m.b = nn.Parameter(torch.zeros(7)), nn.Parameter(torch.zeros(7))
    del m.weight_hh
    assert d.evaluate(input_dim=7) == n_params(m) == 7 * 7 + 2 * 7
    assert d.counts.dims == ("input_dim",)


RUST_LEGEND = """\
/// An Elman recurrent cell.
///
/// ```text
/// h_t = tanh(W_ih · x_t + b_ih + W_hh · h_{t-1} + b_hh)
/// ```
///
/// * `w_ih` — `[hidden_size, input_size]`
/// * `w_hh` — `[hidden_size, hidden_size]`
/// * `b_ih`, `b_hh` — `[hidden_size]`
pub struct RnnCell {
"""


def test_a_legend_in_backticks_with_brackets_and_a_dash_names_the_sizes():
    d = symcount.derive(RUST_LEGEND)
    assert set(d.counts.dims) == {"hidden_size", "input_size"}
    assert d.evaluate(input_size=7, hidden_size=5) == n_params(nn.RNNCell(7, 5))


def test_a_glued_weight_before_a_spaced_parenthesis_multiplies_it():
    text = ("/*\n *   r = sigmoid(Wr x + Ur h + br)\n *   z = sigmoid(Wz x + Uz h + bz)\n"
            " *   hh = tanh(Wh x + Uh (r .* h) + bh)\n *   h = (1 - z) .* h + z .* hh\n */\n")
    d = symcount.derive(text)
    gru = nn.GRUCell(7, 5)
    assert d.evaluate(d_x=7, d_h=5) == n_params(gru) - 3 * 5  # one bias per gate
    with pytest.raises(symcount.SymcountError):  # read as a function, it has unknown parameters
        symcount.derive(text, read={"Uh": "function"})


def test_a_quantifier_an_initial_state_given_by_name_and_an_output_store_are_not_steps():
    text = "\n".join([r"$$", r"\forall t \in [1, seq\_length],", r"$$", r"$$", r"h_0 = initial\_h", r"$$",
                      r"$$", r"h_t = \tanh(W x_t + R h_{t-1} + b) \quad \forall t \in [1, T]", r"$$",
                      r"$$", r"Y[t-1] = h_t", r"$$"])
    d = symcount.derive(text)
    assert d.evaluate(d_x=7, d_h=5) == n_params(nn.Linear(7 + 5, 5))
    assert any("stores a signal" in n for n in d.shapes.notes)


@pytest.mark.parametrize("prose", ["mit x(t) ∈ ℝⁿ und h(t) ∈ ℝᵐ.", "mit der Eingabe x(t) ∈ ℝⁿ, dem Zustand h(t) ∈ ℝᵐ."])
def test_declarations_in_a_plain_sentence_name_the_sizes(prose):
    d = symcount.derive("    h(t) = tanh( U·x(t) + V·h(t−1) + b )\n\n" + prose + "\n")
    assert set(d.counts.dims) == {"n", "m"}
    assert d.evaluate(n=7, m=5) == n_params(nn.Linear(7 + 5, 5))


@pytest.mark.parametrize("star", [r"\cdot", r"{\cdot}", r"\ast", r"{\bullet}"])
def test_a_declaration_of_every_weight_of_a_letter(star):
    text = (r"- $f_t = \sigma(W_f x_t + U_f h_{t-1} + b_f)$" "\n" r"- $i_t = \sigma(W_i x_t + U_i h_{t-1} + b_i)$" "\n"
            r"- $o_t = \sigma(W_o x_t + U_o h_{t-1} + b_o)$" "\n" r"- $\tilde{c}_t = \tanh(W_c x_t + U_c h_{t-1} + b_c)$" "\n"
            r"- $c_t = f_t \odot c_{t-1} + i_t \odot \tilde{c}_t$" "\n" r"- $h_t = o_t \odot \tanh(c_t)$" "\n\n"
            rf"avec $W_{star} \in \mathbb{{R}}^{{h \times d}}$, $U_{star} \in \mathbb{{R}}^{{h \times h}}$ et $b_{star} \in \mathbb{{R}}^h$." "\n")
    d = symcount.derive(text)
    assert set(d.counts.dims) == {"h", "d"}
    assert d.evaluate(d=7, h=5) == n_params(nn.LSTMCell(7, 5)) - 4 * 5


DELTA = r"""### DeltaNet

The delta rule updates the state as

$$S_t = S_{t-1} - \beta_t (S_{t-1} k_t - v_t) k_t^\top = S_{t-1}(I - \beta_t k_t k_t^\top) + \beta_t v_t k_t^\top$$

with $q_t = W_q x_t$, $k_t = W_k x_t$, $v_t = W_v x_t$, $\beta_t = \sigma(w_\beta^\top x_t)$ where $\beta_t$ is a scalar,
and output $o_t = S_t q_t$.
"""


def test_a_chain_whose_middle_side_ends_in_a_transpose_is_read():
    with pytest.raises(symcount.SymcountError) as e:
        symcount.derive(r"$$ h_t = W x_t y_t = U x_t $$")  # no separator: still an error
    assert "separator" in e.value.hint
    d = symcount.derive(DELTA)
    x, k, v = 7, 5, 3
    m = nn.ModuleList([nn.Linear(x, k, bias=False), nn.Linear(x, k, bias=False), nn.Linear(x, v, bias=False),
                       nn.Linear(x, 1, bias=False)])
    assert d.evaluate(d_x=x, d_S=k, d_v=v) == n_params(m)


def test_declarations_with_a_caret_in_a_plain_sentence_name_the_sizes():
    text = ("The cell is defined as:\n\n```\nh_t = f(W^{hh} h_{t-1} + W^{hx} x_t)\nŷ_t = softmax(W^{S} h_t)\n```\n"
            "where f is the sigmoid, x_t ∈ R^d, h_t ∈ R^{D_h}, W^{S} ∈ R^{|V|×D_h}.\n")
    d = symcount.derive(text)
    assert set(d.counts.dims) == {"d", "D_h", "V"}
    assert d.evaluate(d=7, D_h=5, V=3) == n_params(nn.RNNCell(7, 5, bias=False)) + n_params(nn.Linear(5, 3, bias=False))


def test_andrew_ngs_angle_bracket_steps_in_plain_text():
    text = "The vanilla RNN:\n    a<t> = tanh(Waa a<t-1> + Wax x<t> + ba)\n    y<t> = softmax(Wya a<t> + by)\n"
    d = symcount.derive(text)
    assert d.evaluate(d_x=7, d_a=5, d_y=3) == n_params(nn.RNNCell(7, 5)) - 5 + n_params(nn.Linear(5, 3))


def test_a_bold_markdown_label_before_an_equation():
    text = "**Candidate:** C̃ₜ = tanh(W_C·[hₜ₋₁, xₜ] + b_C)\n\n**Hidden:** hₜ = tanh(C̃ₜ)\n"
    d = symcount.derive(text)
    assert d.evaluate(d_x=7, d_h=5) == n_params(nn.Linear(7 + 5, 5))


def test_a_csharp_doc_comments_para_tags_are_spaces():
    text = ("/// <summary>\n/// Gated recurrent unit.\n/// <para>r = σ(W_ir x + b_ir + W_hr h + b_hr)</para>\n"
            "/// <para>z = σ(W_iz x + b_iz + W_hz h + b_hz)</para>\n/// <para>n = tanh(W_in x + b_in + r ⊙ (W_hn h + b_hn))</para>\n"
            "/// <para>h' = (1 − z) ⊙ n + z ⊙ h</para>\n/// </summary>\npublic sealed class GRUCell : Module\n")
    d = symcount.derive(text)
    assert d.evaluate(d_x=7, d_h=5) == n_params(nn.GRUCell(7, 5))


def test_r_code_assignments_and_matrix_products_in_comments():
    text = ("# One LSTM step in base R\n#   i <- sigmoid(Wi %*% x + Ui %*% h + bi)\n#   f <- sigmoid(Wf %*% x + Uf %*% h + bf)\n"
            "#   o <- sigmoid(Wo %*% x + Uo %*% h + bo)\n#   g <- tanh(Wg %*% x + Ug %*% h + bg)\n#   c <- f * c + i * g\n"
            "#   h <- o * tanh(c)\nlstm_step <- function(x, h, c, p) {\n")
    d = symcount.derive(text)
    assert d.evaluate(d_x=7, d_h=5) == n_params(nn.LSTMCell(7, 5)) - 4 * 5


def test_a_left_side_in_markdown_bold():
    text = ("- **z<sub>t</sub>** = σ(W<sub>z</sub> · [h<sub>t−1</sub>, x<sub>t</sub>])\n"
            "- **r<sub>t</sub>** = σ(W<sub>r</sub> · [h<sub>t−1</sub>, x<sub>t</sub>])\n"
            "- **h̃<sub>t</sub>** = tanh(W · [r<sub>t</sub> ∗ h<sub>t−1</sub>, x<sub>t</sub>])\n"
            "- **h<sub>t</sub>** = (1 − z<sub>t</sub>) ∗ h<sub>t−1</sub> + z<sub>t</sub> ∗ h̃<sub>t</sub>\n")
    d = symcount.derive(text)
    assert d.evaluate(d_x=7, d_h=5) == 3 * n_params(nn.Linear(7 + 5, 5, bias=False))


SSM = r"""The continuous SSM maps $x(t) \in \mathbb{R}$ to $y(t) \in \mathbb{R}$ through a state $h(t) \in \mathbb{R}^N$:

$$h'(t) = A h(t) + B x(t), \qquad y(t) = C h(t)$$

with $A \in \mathbb{R}^{N \times N}$, $B \in \mathbb{R}^{N \times 1}$, $C \in \mathbb{R}^{1 \times N}$. Discretised with step $\Delta$:

$$h_t = \bar{A} h_{t-1} + \bar{B} x_t, \qquad y_t = C h_t$$

where $\bar{A} = \exp(\Delta A)$ and $\bar{B} = (\Delta A)^{-1}(\exp(\Delta A) - I) \cdot \Delta B$.
"""


def test_a_state_spaces_step_delta_is_one_number_constant_or_learned():
    with pytest.raises(symcount.SymcountError) as e:  # was counted as an N x N matrix (2 N^2 + 2 N)
        symcount.derive(SSM)
    assert "--read '\\Delta=learned'" in str(e.value)
    d = symcount.derive(SSM, read={"\\Delta": "learned"})
    m = nn.ParameterList([nn.Parameter(torch.zeros(5, 5)), nn.Parameter(torch.zeros(5, 1)), nn.Parameter(torch.zeros(1, 5)),
                          nn.Parameter(torch.zeros(()))])
    assert d.evaluate(N=5) == n_params(m)
    d = symcount.derive(SSM.replace(r"step $\Delta$", r"step $\Delta \in \mathbb{R}^{N \times N}$"))
    assert d.evaluate(N=5) == 2 * 25 + 2 * 5  # declared a matrix: a matrix


@pytest.mark.parametrize("said", ["diagonal", "(diagonal)", ", a diagonal matrix"])
def test_a_declaration_followed_by_the_word_diagonal(said):
    text = ("$$h_t = A h_{t-1} + B x_t, \\qquad y_t = C h_t$$\n\nwith $A \\in \\mathbb{R}^{N \\times N}$ " + said
            + ", $B \\in \\mathbb{R}^{N \\times D}$ and $C \\in \\mathbb{R}^{D \\times N}$.\n")
    d = symcount.derive(text)
    assert d.evaluate(N=5, D=3) == 5 + 2 * 5 * 3


@pytest.mark.parametrize("prose", ["Bias terms are omitted for brevity.", "(we drop the bias vectors to keep the notation light)",
                                   "For simplicity, biases have been left out.",
                                   "The biases are absorbed into $W$ by appending a constant 1 to $x_t$."])
def test_prose_that_says_the_biases_are_left_out_refuses_the_count(prose):
    text = "$$ h_t = \\tanh(W x_t + U h_{t-1}) $$\n" + prose + "\n"
    with pytest.raises(symcount.SymcountError) as e:  # the cell has biases the equations do not write
        symcount.derive(text)
    assert "omitted-biases=as-written" in e.value.hint
    d = symcount.derive(text, read={"omitted-biases": "as-written"})
    assert d.evaluate(d_x=7, d_h=5) == n_params(nn.RNNCell(7, 5, bias=False))


def test_a_cell_without_biases_said_so_is_counted():
    d = symcount.derive("$$ h_t = \\tanh(W x_t + U h_{t-1}) $$\nThe cell has no bias.\n")
    assert d.evaluate(d_x=7, d_h=5) == n_params(nn.RNNCell(7, 5, bias=False))


GATES = ("$$ i_t = \\sigma(W_i x_t + U_i h_{t-1} + b_i) $$\n$$ f_t = \\sigma(W_f x_t + U_f h_{t-1} + b_f) $$\n"
         "$$ c_t = f_t \\odot c_{t-1} + i_t \\odot \\tanh(W_c x_t + U_c h_{t-1} + b_c) $$\n$$ h_t = \\tanh(c_t) $$\n")


def test_prose_that_says_gates_share_weights_no_equation_ties_refuses():
    text = GATES + "In our variant the input and forget gates share their weight matrices.\n"
    with pytest.raises(symcount.SymcountError) as e:
        symcount.derive(text)
    assert "shared-gates=as-written" in e.value.hint
    tied = symcount.derive(GATES + "The input and forget gates share their weights: $W_i = W_f$ and $U_i = U_f$.\n")
    assert tied.evaluate(d_x=7, d_h=5) == 2 * (5 * 7 + 5 * 5) + 3 * 5
    over_time = symcount.derive(GATES + "The weights of the gates are shared across time steps.\n")
    assert over_time.evaluate(d_x=7, d_h=5) == 3 * (5 * 7 + 5 * 5 + 5)


def test_arrows_in_indices_name_the_directions():
    text = ("$$\\overrightarrow{h}_t = \\tanh(W_{\\rightarrow} x_t + U_{\\rightarrow} \\overrightarrow{h}_{t-1} + b_{\\rightarrow})$$\n"
            "$$\\overleftarrow{h}_t = \\tanh(W_{\\leftarrow} x_t + U_{\\leftarrow} \\overleftarrow{h}_{t+1} + b_{\\leftarrow})$$\n")
    d = symcount.derive(text)
    assert sorted(p.name for p in d.shapes.params) == ["U_{bw}", "U_{fw}", "W_{bw}", "W_{fw}", "b_{bw}", "b_{fw}"]
    assert d.evaluate(d_x=7, d_hfw=5, d_hbw=5) == 2 * n_params(nn.Linear(7 + 5, 5))
    d = symcount.derive("$$ h_t = \\tanh(W_{x \\to h} x_t + W_{h \\to h} h_{t-1}) $$")
    assert sorted(p.name for p in d.shapes.params) == ["W_{hh}", "W_{xh}"]


@pytest.mark.parametrize("text, scalar", [
    ("$$ h_t = \\tanh(W x_t + U h_{t-1} + b) $$\nwhere $b$ is a scalar bias shared by all units.\n", "b"),
    ("$$ h_t = \\tanh(W x_t + u \\odot h_{t-1} + b) $$\nwhere $u$ is a scalar.\n", "u")])
def test_a_latin_parameter_the_prose_calls_a_scalar_is_one_number(text, scalar):
    d = symcount.derive(text)  # it was counted as a vector of the state's size
    full = 5 * 7 + (5 * 5 if scalar == "b" else 5) + 5  # W, U or a vector u, and b
    assert d.evaluate(d_x=7, d_h=5) == full - 5 + 1
    assert any(f"{scalar} at" in n and "scalar" in n for n in d.shapes.notes)


def test_prose_that_says_the_same_bias_settles_it_shared():
    text = ("$$ z_t = \\sigma(W_z x_t + U_z h_{t-1} + b) $$\n$$ r_t = \\sigma(W_r x_t + U_r h_{t-1} + b) $$\n"
            "$$ h_t = (1-z_t) h_{t-1} + z_t \\tanh(W x_t + U (r_t h_{t-1}) + b) $$\n")
    with pytest.raises(symcount.SymcountError):  # the text leaves it open
        symcount.derive(text)
    d = symcount.derive(text + "The same bias vector $b$ is used in every gate.\n")
    assert d.evaluate(d_x=7, d_h=5) == 3 * (5 * 7 + 5 * 5) + 5
    d = symcount.derive(text + "The same bias vector $b$ is used in every gate.\n", read={"b": "separate"})
    assert d.evaluate(d_x=7, d_h=5) == 3 * (5 * 7 + 5 * 5) + 3 * 5


def test_directions_written_as_subscript_words_are_the_bidirectional_cell():
    text = ("$$\n\\mathbf{h}_{\\text{forward}}[t] = \\tanh(\\mathbf{W}_{\\text{xf}} \\mathbf{x}[t] + \\mathbf{W}_{\\text{hf}} "
            "\\mathbf{h}_{\\text{forward}}[t-1] + \\mathbf{b}_f)\n$$\n\n$$\n\\mathbf{h}_{\\text{backward}}[t] = "
            "\\tanh(\\mathbf{W}_{\\text{xb}} \\mathbf{x}[t] + \\mathbf{W}_{\\text{hb}} \\mathbf{h}_{\\text{backward}}[t+1] "
            "+ \\mathbf{b}_b)\n$$\n")
    d = symcount.derive(text, bidirectional=True)  # counted twice before: four directions' weights
    assert d.directions == 1 and d.evaluate(d_x=7, d_hforward=5, d_hbackward=5) == 2 * n_params(nn.Linear(7 + 5, 5))
    assert any("both directions" in n for n in d.shapes.notes)


def test_a_calls_keyword_argument_and_a_short_block_after_the_gates():
    text = ("Each step takes (x, h_prev, c_prev):\n\nf = σ(W_f [x; h_prev] + b_f)    # forget gate    (H,)\n"
            "i = σ(W_i [x; h_prev] + b_i)    # input gate     (H,)\no = σ(W_o [x; h_prev] + b_o)    # output gate    (H,)\n"
            "g = tanh(W_g [x; h_prev] + b_g) # candidate cell (H,)\n\nc = f * c_prev + i * g          # update cell    (H,)\n"
            "h = o * tanh(c)                 # squash + gate  (H,)\n\nThe concat trick:\n\n"
            "xh = jnp.concatenate([x, h_prev], axis=-1)   # (D + H,)\nf  = sigmoid(xh @ W_f + b_f)\n")
    d = symcount.derive(text)
    m = nn.LSTMCell(7, 5)
    assert d.evaluate(d_x=7, d_h=5) == n_params(m) - 4 * 5


def test_old_bold_braces_a_text_tilde_an_empty_group_and_an_approximation():
    text = ("$${\\bf F}_t=\\sigma({\\bf X}_t{\\bf W}_{xf}+{\\bf H}_{t-1}{\\bf W}_{hf}+{\\bf b}_f)$$\n"
            "$${\\bf \\~C}_t=tanh({\\bf X}_t{\\bf W}_{xc}+{\\bf H}_{t-1}{\\bf W}_{hc}+{\\bf b}_c)$$\n"
            "$${\\bf C}_t={\\bf F}_t \\odot{} {\\bf C}_{t-1}+{\\bf\\~C}_t$$\n"
            "$${\\bf H}_t=\\tanh({\\bf C}_t)$$\n"
            "With $b_f = 0$ at the start, $F_t \\approx \\sigma(0) = 0.5$.\n")
    d = symcount.derive(text)
    assert d.evaluate(d_X=7, d_H=5) == 2 * n_params(nn.Linear(7 + 5, 5))


def test_an_escaped_bracket_around_an_interval_in_markdown_is_no_math():
    text = ("$$ h_t = \\tanh(W x_t + U h_{t-1} + b) $$\n\n| $h_t$ | the state, in \\[-1,1] |\n|---|---|\n")
    d = symcount.derive(text)
    assert d.evaluate(d_x=7, d_h=5) == n_params(nn.Linear(7 + 5, 5))
    with pytest.raises(symcount.SymcountError, match="never closed"):
        symcount.derive("\\[ h_t = \\tanh(W x_t + U h_{t-1} + b)\n\nmore text\n")


def test_a_weight_the_prose_calls_an_affine_map_with_no_bias_written_is_refused():
    text = ("Let $T_{n,m}: \\mathbb{R}^n \\to \\mathbb{R}^m$ be an affine transform ($Wx + b$ for some $W$ and $b$).\n"
            "\\begin{equation} c_t = f \\odot c_{t-1} + \\sigma(T_{2n,n} \\begin{pmatrix} x_t \\\\ h_{t-1} \\end{pmatrix}) \\end{equation}\n"
            "\\begin{equation} h_t = \\tanh(c_t) \\end{equation}\n")
    with pytest.raises(symcount.SymcountError, match="affine"):  # it was counted without T's bias
        symcount.derive(text)


@pytest.mark.parametrize("prose", ["where $\\mathrm{Linear}_{d}$ is a linear layer without bias mapping to $d$ dimensions.",
                                   "Both linear maps are bias-free."])
def test_linear_maps_the_prose_says_have_no_bias(prose):
    text = ("$$ z_t = \\sigma(\\mathrm{Linear}_{d_h}(x_t)) $$\n$$ \\tilde{h}_t = \\mathrm{Linear}_{d_h}(x_t) $$\n"
            "$$ h_t = (1 - z_t) \\odot h_{t-1} + z_t \\odot \\tilde{h}_t $$\n")
    assert symcount.derive(text).evaluate(d_x=7, d_h=5) == 2 * n_params(nn.Linear(7, 5))
    d = symcount.derive(text + prose + "\n")  # it counted each map's bias all the same
    assert d.evaluate(d_x=7, d_h=5) == 2 * n_params(nn.Linear(7, 5, bias=False))
    summed = symcount.derive("$$ h_t = \\tanh(\\text{Linear}(x_t) + \\text{Linear}(h_{t-1})) $$\n" + prose + "\n")
    assert summed.evaluate(d_x=7, d_h=5) == n_params(nn.RNNCell(7, 5, bias=False))


@pytest.mark.parametrize("prose", ["where LN is layer normalization without learnable parameters.",
                                   "where LN is layer normalization with elementwise_affine=False."])
def test_normalisations_the_prose_says_learn_nothing(prose):
    text = "$$ h_t = \\tanh(\\mathrm{LN}(W x_t) + \\mathrm{LN}(U h_{t-1}) + b) $$\n"
    assert symcount.derive(text).evaluate(d_x=7, d_h=5) == n_params(nn.Linear(7 + 5, 5)) + 4 * 5
    d = symcount.derive(text + prose + "\n")  # it counted a gain and a bias for each all the same
    assert d.evaluate(d_x=7, d_h=5) == n_params(nn.Linear(7 + 5, 5)) + n_params(nn.LayerNorm(5, elementwise_affine=False))


@pytest.mark.parametrize("prose", ["where the recurrent matrices $U_i$, $U_f$ are block-diagonal with 4 blocks.",
                                   "with $U = \\exp(A)$ for a skew-symmetric matrix $A$."])
def test_prose_that_gives_a_weight_a_structure_the_equations_do_not_write_is_refused(prose):
    text = ("$$ i_t = \\sigma(W_i x_t + U_i h_{t-1} + b_i) $$\n$$ f_t = \\sigma(W_f x_t + U_f h_{t-1} + b_f) $$\n"
            "$$ c_t = f_t \\odot c_{t-1} + i_t \\odot \\tanh(W_c x_t + U h_{t-1} + b_c) $$\n$$ h_t = \\tanh(c_t) $$\n")
    assert symcount.derive(text).evaluate(d_x=7, d_h=5) == 3 * n_params(nn.Linear(7 + 5, 5))
    with pytest.raises(symcount.SymcountError, match="free entries"):  # counted as full matrices before
        symcount.derive(text + prose + "\n")


def test_a_heads_directive_writes_the_blocks_of_a_block_diagonal_weight():
    d = symcount.cell("xlstm-slstm")  # its prose says the recurrent matrices are block-diagonal: one head's written
    assert d.total


def test_a_symbol_the_prose_calls_a_mask_is_no_parameter():
    text = "$$ h_t = \\tanh(W (m \\odot x_t) + U h_{t-1} + b) $$\n"
    assert symcount.derive(text).evaluate(d_x=7, d_h=5) == n_params(nn.Linear(7 + 5, 5)) + 7  # m read as a weight
    d = symcount.derive(text + "where $m$ is a dropout mask sampled once per sequence.\n")
    assert d.evaluate(d_x=7, d_h=5) == n_params(nn.Linear(7 + 5, 5))
