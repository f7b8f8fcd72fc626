"""Prose and declarations apply to what they name: subscripted names, lists, patterns (all $W_\\ast$,
the recurrent weights, the weight matrices), in English and in the other languages the corpus shows;
a declaration that contradicts its use is an error that names both."""
from __future__ import annotations

import contextlib
import io

import pytest

import symcount
from symcount.read.glossary import glossary

RNN = r"$$ h_t = \tanh(W_x x_t + W_h h_{t-1} + b) $$" + "\n"
PEEP = "\n".join([
    r"$$ i_t = \sigma(W_i x_t + U_i h_{t-1} + P_i c_{t-1} + b_i) $$",
    r"$$ f_t = \sigma(W_f x_t + U_f h_{t-1} + P_f c_{t-1} + b_f) $$",
    r"$$ c_t = f_t \odot c_{t-1} + i_t \odot \tanh(W_c x_t + U_c h_{t-1} + b_c) $$",
    r"$$ o_t = \sigma(W_o x_t + U_o h_{t-1} + P_o c_t + b_o) $$",
    r"$$ h_t = o_t \odot \tanh(c_t) $$", ""])
H, X = 5, 7


def count(tex: str, **read) -> int:
    d = symcount.derive(tex, read=read or None)
    return d.evaluate(**{k: v for k, v in {"d_h": H, "d_x": X}.items() if k in d.counts.dims})


def diagonal_params(tex: str) -> set[str]:
    return {p.name for p in symcount.derive(tex).shapes.params if p.diagonal}


@pytest.mark.parametrize("prose", [
    "where $P_i$, $P_f$ and $P_o$ are diagonal.",
    r"where $P_{i}, P_{f}, P_{o}$ are diagonal matrices.",
    r"where all $P_\ast$ are diagonal.",
    "where $P_*$ are diagonal.",
    r"où les $P_{\cdot}$ sont diagonales.",
    r"其中 $P_i$、$P_f$ 和 $P_o$ 为对角矩阵。",
])
def test_a_list_or_a_pattern_of_subscripted_names_is_diagonal(prose):
    full = 4 * H * H + 4 * H * X + 4 * H   # the U's and W's with their biases
    assert count(PEEP + prose) == full + 3 * H
    assert diagonal_params(PEEP + prose) == {"P_i", "P_f", "P_o"}


def test_a_peephole_the_text_says_nothing_of_is_full():
    assert count(PEEP) == 4 * H * H + 4 * H * X + 4 * H + 3 * H * H


@pytest.mark.parametrize("prose, diagonal", [
    ("where the recurrent weights are diagonal.", {"W_h"}),
    ("The recurrent weight matrix is diagonal.", {"W_h"}),
    (r"where all $W_\ast$ are diagonal.", {"W_x", "W_h"}),
    ("where the weight matrices are diagonal.", {"W_x", "W_h"}),
    ("where $W_h$ is not said to be anything.", set()),
])
def test_the_text_names_weights_by_kind(prose, diagonal):
    assert diagonal_params(RNN + prose) == diagonal


def test_a_recurrent_diagonal_weight_counts_one_per_row():
    assert count(RNN + "where the recurrent weights are diagonal.") == H * X + H + H


def test_a_weight_the_text_calls_diagonal_is_square():
    """W_x x_t diagonal: x has h's size (a diagonal matrix maps a size to itself)."""
    d = symcount.derive(RNN + r"where all $W_\ast$ are diagonal.")
    assert d.evaluate(d_h=H) == 3 * H
    assert "d_x" not in d.counts.dims


def test_a_declaration_that_contradicts_diagonal_is_an_error_naming_both():
    tex = (r"$$ h_t = \tanh(W x_t + U h_{t-1} + b) $$" "\n"
           r"where $W \in \mathbb{R}^{n \times d}$, $x_t \in \mathbb{R}^d$, $h_t \in \mathbb{R}^n$; $W$ is diagonal.")
    with pytest.raises(symcount.SymcountError) as info:
        symcount.derive(tex)
    text = str(info.value)
    assert r"W is declared W \in \mathbb{R}^{n \times d}, not square, but read as a diagonal matrix" in text
    assert "as the text says" in text and "--read W=full" in text
    # the option it names settles it
    assert symcount.derive(tex, read={"W": "full"}).evaluate(n=H, d=X) == H * X + H * H + H


def test_sizes_that_contradict_diagonal_name_the_claim():
    tex = (r"$$ h_t = \tanh(W x_t + U h_{t-1} + b) $$" "\n"
           r"where $x_t \in \mathbb{R}^d$, $h_t \in \mathbb{R}^n$; $W$ is diagonal.")
    with pytest.raises(symcount.SymcountError) as info:
        symcount.derive(tex)
    assert "W is read as a diagonal matrix, so square (add --read W=full if it is not)" in str(info.value)


@pytest.mark.parametrize("prose", [
    "where $W$ is the off-diagonal part.",
    "其中 $W$ 为非对角矩阵。",
    "The diagonal of $W$ is zero.",
])
def test_what_is_not_a_claim_of_diagonal(prose):
    assert glossary(prose).diagonal == frozenset()


LSTM_ONE_BIAS = "\n".join([
    r"$$ i_t = \sigma(W_{ii} x_t + W_{hi} h_{t-1} + b_i) $$",
    r"$$ f_t = \sigma(W_{if} x_t + W_{hf} h_{t-1} + b_f) $$",
    r"$$ g_t = \tanh(W_{ig} x_t + W_{hg} h_{t-1} + b_g) $$",
    r"$$ o_t = \sigma(W_{io} x_t + W_{ho} h_{t-1} + b_o) $$",
    r"$$ c_t = f_t \odot c_{t-1} + i_t \odot g_t $$",
    r"$$ h_t = o_t \odot \tanh(c_t) $$", ""])
PARAMETERS = """
## Parameters

  - `bias_ih`: Bias vector for the input-hidden connection
  - `bias_hh`: Concatenated Bias vector for the hidden-hidden connection
"""


def test_a_parameter_list_with_bias_ih_and_bias_hh_over_one_bias_per_gate_is_two_readings():
    """Lux's LSTMCell: the equations write b_i, b_f, b_g, b_o, the Parameters list a bias_ih and a
    bias_hh: 4h or 8h biases; each reading is listed with its count and its option."""
    tex = LSTM_ONE_BIAS + PARAMETERS
    with pytest.raises(symcount.SymcountError) as info:
        symcount.derive(tex, name="lux.md")
    text = str(info.value)
    assert "biases=as-written: 4*d_h**2 + 4*d_h*d_x + 4*d_h  (--read biases=as-written)" in text
    assert "biases=doubled: 4*d_h**2 + 4*d_h*d_x + 8*d_h  (--read biases=doubled)" in text
    assert count(tex, biases="doubled") == 4 * H * H + 4 * H * X + 8 * H
    assert count(tex, biases="as-written") == 4 * H * H + 4 * H * X + 4 * H
    # without the list, or with equations that write both biases, there is one reading
    assert count(LSTM_ONE_BIAS) == 4 * H * H + 4 * H * X + 4 * H
    both = LSTM_ONE_BIAS.replace("+ b_i)", "+ b_{ii} + b_{hi})").replace("+ b_f)", "+ b_{if} + b_{hf})") \
        .replace("+ b_g)", "+ b_{ig} + b_{hg})").replace("+ b_o)", "+ b_{io} + b_{ho})")
    assert count(both + PARAMETERS) == 4 * H * H + 4 * H * X + 8 * H
    # a list that names only one of the two is no claim
    assert count(LSTM_ONE_BIAS + "\n  - `bias_ih`: the learnable input-hidden bias\n") == 4 * H * H + 4 * H * X + 4 * H


BIRNN = "\n".join([
    r"$$ h^{f}_t = \tanh(W^{f}_0 x_t + W^{f}_1 h^{f}_{t-1} + b^{f}) $$",
    r"$$ h^{b}_t = \tanh(W^{b}_0 x_t + W^{b}_1 h^{b}_{t-1} + b^{b}) $$",
    r"$$ h_t = [h^{f}_t; h^{b}_t] $$", ""])


def test_equations_that_write_both_directions_are_not_doubled_again():
    """--bidirectional on equations that write both directions: they are the bidirectional cell
    already, counted once, with a note (read.directions.count_once)."""
    d = symcount.derive(BIRNN)  # the equations' own count: both directions once
    assert d.evaluate(d_hf=H, d_hb=H, d_x=X) == 2 * (H * X + H * H + H)
    both = symcount.derive(BIRNN, bidirectional=True)
    assert both.evaluate(d_hf=H, d_hb=H, d_x=X) == d.evaluate(d_hf=H, d_hb=H, d_x=X)
    assert any("both directions" in note for note in both.shapes.notes)


@pytest.mark.parametrize("cached", [False, True])
def test_both_directions_written_on_the_command_line(tmp_path, cached):
    """The same through the command line's report (a summary, fresh or from the cache): the note,
    the count once, exit 0 (it was an internal error: the summary is not a dataclass)."""
    from symcount.cli import main
    src = tmp_path / "birnn.tex"
    src.write_text(BIRNN, encoding="utf-8")
    args = ["derive", str(src), "--bidirectional", "--set", f"d_hf={H}", "--set", f"d_hb={H}", "--set", f"d_x={X}"]
    env = {"SYMCOUNT_CACHE_DIR": str(tmp_path / "cache")}
    runs = 2 if cached else 1
    for _ in range(runs):
        with pytest.MonkeyPatch.context() as mp, contextlib.redirect_stdout(io.StringIO()) as out, \
                contextlib.redirect_stderr(io.StringIO()) as err:
            for k, v in env.items():
                mp.setenv(k, v)
            assert main(args + ([] if cached else ["--no-cache"])) == 0
    assert f"d_x={X}: {2 * (H * X + H * H + H):,}" in out.getvalue() and "both directions" in err.getvalue()


@pytest.mark.parametrize("tex", [
    r"$$ h_{t,l} = \tanh(W_l h_{t,l-1} + U_l h_{t-1,l} + b_l) $$",
    r"$$ h^{l}_t = \tanh(W h^{l-1}_t + U h^{l}_{t-1} + b) $$",
    r"$$ h_t^{(l)} = \tanh(W^{(l)} h_t^{(l-1)} + U^{(l)} h_{t-1}^{(l)} + b^{(l)}) $$",
    r"$$ h_t^{(\ell)} = \tanh(W h_t^{(\ell-1)} + U h_{t-1}^{(\ell)} + b) $$",
])
def test_a_layer_index_next_to_time_reads_the_layer_below_as_the_input(tex):
    d = symcount.derive(tex)
    out = next(s for s in d.shapes.signals if s.name == "h")
    inp = next(s for s in d.shapes.signals if s.name != "h")
    assert "1" in inp.name and {p.name for p in d.shapes.params} == {"W", "U", "b"}
    assert any("is the layer below: read as this layer's input" in n for n in d.shapes.notes)
    sizes = {str(out.dim): H, str(inp.dim): X}
    dims = {n: v for n, v in zip(("d_h", [x for x in d.counts.dims if x != "d_h"][0]), (H, X))}
    assert d.evaluate(**dims) == H * X + H * H + H, sizes
    # stacked: the layers above read the one below it, of the state's size
    s3 = symcount.derive(tex, layers=3)
    assert s3.evaluate(**dims) == (H * X + H * H + H) + 2 * (H * H + H * H + H)


def test_a_row_vector_layer_with_batch_matrices():
    d = symcount.derive(r"$$ H_t^{(l)} = \tanh(H_t^{(l-1)} W^{(l)} + H_{t-1}^{(l)} U^{(l)}) $$")
    assert {p.name for p in d.shapes.params} == {"W", "U"}


COMPLEX = r"where $\lambda \in \mathbb{C}^N$, $B \in \mathbb{C}^{N \times H}$, $C \in \mathbb{C}^{N \times H}$, stored as real and imaginary parts" + "\n"
COMPLEX_TOTAL = 2 * X + 2 * 2 * X * H  # N = X here: \lambda, B and C, two reals per entry


@pytest.mark.parametrize("eqs", [
    r"$$ h_t = \bar{\lambda} \odot h_{t-1} + B x_t $$ $$ y_t = \Re(C^H h_t) $$",
    r"$$ h_t = \overline{\lambda} \odot h_{t-1} + B x_t $$ $$ y_t = \Re(C^{H} h_t) $$",
    r"$$ h_t = \lambda^{*} \odot h_{t-1} + B x_t $$ $$ y_t = \Im(C^{*} h_t) $$",
    r"$$ h_t = \lambda \odot h_{t-1} + B x_t $$ $$ y_t = |C^{H} h_t| $$",
])
def test_conjugates_of_a_complex_parameter_are_that_parameter(eqs):
    """\\bar{\\lambda} is \\lambda, C^H is C transposed: no new parameter, each two reals per entry;
    C^{*} is the adjoint where only that fits (a matrix times the state), \\lambda^{*} the conjugate."""
    d = symcount.derive(COMPLEX + eqs)
    assert {p.name for p in d.shapes.params} == {"\\lambda", "B", "C"}
    assert d.evaluate(N=X, H=H) == COMPLEX_TOTAL
    assert any("reads as the" in n and "declared complex: the same parameters" in n for n in d.shapes.notes)


def test_a_conjugate_that_does_not_fit_is_an_error():
    with pytest.raises(symcount.SymcountError) as info:
        symcount.derive(COMPLEX + r"$$ h_t = \lambda \odot h_{t-1} + B x_t $$ $$ y_t = \Re(C h_t) $$")
    assert "cannot multiply C" in info.value.message


def test_without_a_complex_declaration_a_bar_is_its_own_symbol():
    d = symcount.derive(r"$$ h_t = \tanh(W x_t + U h_{t-1} + \bar{b}) $$")
    assert "\\bar{b}" in {p.name for p in d.shapes.params}


@pytest.mark.parametrize("decl", [r"$x_t \in (0,1)^d$", r"$x_t \in [0,1]^{d}$", r"$x_t \in \{0,1\}^d$"])
def test_sets_of_entries_give_the_size(decl):
    d = symcount.derive(r"$$ h_t = \tanh(W x_t + U h_{t-1} + b) $$" + f"\nwhere {decl} and $h_t \\in \\mathbb{{R}}^n$.")
    assert d.evaluate(d=X, n=H) == H * X + H * H + H


def test_the_identity_scaled_by_a_greek_coefficient_is_no_input():
    """(W - W^T - \\gamma I) h: I is the identity, \\gamma a constant or a learned scalar."""
    tex = r"$$ h_t = h_{t-1} + \epsilon \tanh(V x_t + (W - W^\top - \gamma \mathbf{I}) h_{t-1} + b) $$"
    with pytest.raises(symcount.SymcountError) as info:
        symcount.derive(tex)
    assert r"\gamma a constant or a learned scalar" in info.value.message
    assert count(tex, **{"\\gamma": "constant"}) == H * X + H * H + H


def test_variants_in_separate_inline_math_are_variants():
    """DJL's RNN docs: "With ReLU activation function: \\(h_t = relu(...)\\)" and "With Tanh ...":
    two definitions in two \\( \\) regions are variants, one count when they agree."""
    tex = '/**\n * Applies a single-gate recurrent layer to input. Two kinds of activation function are supported:\n * ReLU and Tanh.\n *\n * <p>Reference paper: Finding structure in time - Elman, 1988.\n * https://crl.ucsd.edu/~elman/Papers/fsit.pdf\n *\n * <p>With ReLU activation function: \\(h_t = relu(W_{ih} * x_t + b_{ih} + W_{hh} * h_{(t-1)} +\n * b_{hh})\\)\n *\n * <p>With Tanh activation function: \\(h_t = \\tanh(W_{ih} * x_t + b_{ih} + W_{hh} * h_{(t-1)} +\n * b_{hh})\\)\n */\n'
    assert count(tex) == H * X + H * H + 2 * H


LSTM_NO_BIAS = "\n".join([
    r"$$ f_t = \sigma(W_{hf} h_{t-1} + W_{xf} x_t) $$",
    r"$$ i_t = \sigma(W_{hi} h_{t-1} + W_{xi} x_t) $$",
    r"$$ g_t = \tanh(W_{hg} h_{t-1} + W_{xg} x_t) $$",
    r"$$ o_t = \sigma(W_{ho} h_{t-1} + W_{xo} x_t) $$",
    r"$$ c_t = f_t \odot c_{t-1} + i_t \odot g_t $$",
    r"$$ h_t = o_t \odot \tanh(c_t) $$", ""])


@pytest.mark.parametrize("prose", [
    "Both $$h_t$$ and $$c_t$$ are vectors of size $$n$$.",
    "All $i, f, o$ gates are vectors of size $n$. Both $h_t$ and $c_t$ are vectors of dimension $n$.",
    "where $h_t$ is an $n$-dimensional vector.",
])
def test_the_prose_gives_a_vector_its_size(prose):
    d = symcount.derive(prose + "\n\n" + LSTM_NO_BIAS)
    assert "n" in d.counts.dims and d.evaluate(n=H, d_x=X) == 4 * H * H + 4 * H * X
    assert any("is a vector of size n, as the prose says" in note for note in d.shapes.notes)


def test_prose_and_math_that_disagree_are_an_error_naming_both():
    with pytest.raises(symcount.SymcountError) as info:
        symcount.derive("Both $h_t$ and $c_t$ are vectors of size $n$, where $h_t \\in \\mathbb{R}^m$.\n\n" + LSTM_NO_BIAS)
    text = str(info.value)
    assert "h_t is m × 1: declared at" in text and "c_t, declared at <input>:1 (c_t$ are vectors of size $n$)" in text


def test_the_prose_sizes_only_signals():
    # (a weight called a vector but written as a product asks diagonal or full: settled here, the size is the point)
    d = symcount.derive("where $W_{hf}$ is a vector of size $n$.\n\n" + LSTM_NO_BIAS, read={"W_hf": "full"})
    assert "n" not in d.counts.dims


def test_t_1_next_to_t_is_t_minus_1():
    d = symcount.derive(LSTM_NO_BIAS.replace("h_{t-1}", "h_{t_1}"))
    assert d.evaluate(d_h=H, d_x=X) == 4 * H * H + 4 * H * X
    assert any("h_{t_1}" in n and "a typo" in n for n in d.shapes.notes)


@pytest.mark.parametrize("prose, said", [
    (r"donde $\alpha$ es un hiperparámetro.", "constant"),
    (r"où $\alpha$ est un paramètre appris.", "learned"),
    (r"其中 $\alpha$ 为超参数。", "constant"),
    (r"其中 $\alpha$ 是可学习的标量。", "learned"),
    (r"$\alpha$ は学習可能なスカラーです。", "learned"),
    (r"$\alpha$ 는 하이퍼파라미터이다.", "constant"),
])
def test_what_the_text_says_of_a_greek_coefficient_in_other_languages(prose, said):
    assert glossary(prose).letters == {"\\alpha": said}
    tex = r"$$ h_t = \tanh(W x_t + U h_{t-1} + b) + \alpha h_{t-1} $$" + "\n" + prose
    assert count(tex) == H * X + H * H + H + (said == "learned")


@pytest.mark.parametrize("prose, said", [
    ("The weights $W$ map x to h, and $D$ is diagonal.", {"D"}),  # the subject of "is", not "the weights"
    ("Les matrices de poids récurrentes sont diagonales.", {"@recurrent"}),
    ("Las matrices de pesos recurrentes son diagonales.", {"@recurrent"}),
    ("where the weight matrices are all diagonal.", {"@weights"}),
])
def test_a_kind_of_weight_is_the_subject_of_diagonal(prose, said):
    assert set(glossary(prose).diagonal) == said


def test_a_layer_name_next_to_the_same_name_without_its_index_is_kept_apart():
    d = symcount.derive(r"$$ h_t^{(l)} = \tanh(W^{(l)} h_t^{(l-1)} + U^{(l)} h_{t-1}^{(l)}) \\ y_t = W h_t^{(l)} $$")
    assert {p.name for p in d.shapes.params} == {"W^{(l)}", "U", "W"}


def test_a_barred_name_defined_by_its_own_equation_is_no_conjugate():
    """S4's \\overline{A} = \\exp(\\Delta A): the discretised A, a quantity of its own."""
    tex = (r"$$ \overline{A} = \exp(\Delta A) \\ x_k = \overline{A} \odot x_{k-1} + B u_k \\ y_k = \Re(C^\top x_k) $$"
           "\n" r"where $u_k, y_k \in \mathbb{R}$, $x_k \in \mathbb{C}^n$, $A, B, C \in \mathbb{C}^n$, $\Delta \in \mathbb{R}$")
    d = symcount.derive(tex, read={"complex": "reals"})
    assert not any("reads as the conjugate" in n for n in d.shapes.notes)
    assert d.evaluate(n=H) == 1 + 3 * 2 * H
