"""The engine end to end through the Python API: reading, shapes, counts, stacking."""
from __future__ import annotations

import re

import pytest
import sympy

import symcount
from symcount.read.parse import parse
from symcount.shapes.infer import infer
from tests.cells_tex import GRU, LSTM, LSTM_KERAS

d_h, d_x = sympy.symbols("d_h d_x", integer=True, positive=True)


def total(text: str, **kw) -> str:
    return str(symcount.derive(text, **kw).total)


def test_lstm_verbatim_acceptance(lstm_tex):
    d = symcount.derive(lstm_tex, name="lstm.tex")
    assert str(d.total) == "4*d_h**2 + 4*d_h*d_x + 8*d_h"
    assert str(d.factored) == "4*d_h*(d_h + d_x + 2)"
    assert d.evaluate(d_x=512, d_h=256) == 788480
    assert symcount.derive(lstm_tex, bidirectional=True).evaluate(d_x=512, d_h=256) == 1576960
    two = symcount.derive(lstm_tex, layers=2, bidirectional=True)
    assert two.evaluate(d_x=512, d_h=256) == 3153920
    assert two.dims["x"] == "d_x" and two.dims["h"] == "d_h"


def test_lstm_shapes_come_from_conformability(lstm_tex):
    d = symcount.derive(lstm_tex)
    shapes = {p.name: (str(p.rows), str(p.cols)) for p in d.parameters}
    assert shapes["W_{ii}"] == ("d_h", "d_x")
    assert shapes["W_{hi}"] == ("d_h", "d_h")
    assert shapes["b_{ii}"] == ("d_h", "1")
    assert len(d.parameters) == 16
    assert [e.label for e in d.equations] == ["i_t", "f_t", "g_t", "o_t", "c_t", "h_t"]
    assert str(d.equations[0].subtotal) == "d_h**2 + d_h*d_x + 2*d_h"
    assert d.equations[4].subtotal == 0


def test_evidence_names_the_product_and_the_sum(lstm_tex):
    d = symcount.derive(lstm_tex)
    w = next(p for p in d.parameters if p.name == "W_{hi}")
    cols = [e.text for e in w.shape.cols_evidence]
    rows = [e.text for e in w.shape.rows_evidence]
    assert any("W_{hi} multiplies h_{t-1}" in t for t in cols)
    assert any(e.rule == "sum" and e.equation == "i_t" for e in w.shape.rows_evidence), rows


def test_exact_at_huge_sizes(lstm_tex):
    d = symcount.derive(lstm_tex)
    h = 10**6
    x = 10**6 + 7
    assert d.evaluate(d_h=h, d_x=x) == 4 * h * h + 4 * h * x + 8 * h
    assert isinstance(d.evaluate(d_h=h, d_x=x), int)


@pytest.mark.parametrize("tex, expected", [
    # subscripts: x_t, x_{t}, h_{t-1}, h_{(t-1)} are signals; the same name at t and t-1 is one signal
    (r"$$ h_t = \tanh(W x_{t} + U h_{(t-1)}) $$", "d_h**2 + d_h*d_x"),
    # fonts do not make a different symbol; accents do
    (r"$$ h_t = \tanh(\mathbf{W}_i x_t + W_i \boldsymbol{x}_t + \bm{U} h_{t-1} + \mathrm{b}) $$",
     "d_h**2 + d_h*d_x + d_h"),
    (r"$$ \hat{h}_t = \tanh(W x_t + U h_{t-1}) \\ h_t = \hat{h}_t \odot \bar{u} $$",
     "d_h**2 + d_h*d_x + d_h"),
    # superscripts name parameters; ^{(t)} is a time index
    (r"$$ h^{(t)} = \tanh(W^{(x)} x^{(t)} + W^{(h)} h^{(t-1)} + b^{(h)}) $$", "d_h**2 + d_h*d_x + d_h"),
    # \cdot is a matrix product, \odot \circ * are elementwise, the constant 1 broadcasts
    (r"$$ z_t = \sigma(W_z \cdot x_t) \\ h_t = (1 - z_t) \odot h_{t-1} + z_t \circ \tanh(U x_t) * w $$",
     "2*d_h*d_x + d_h"),
    # functions: \operatorname, \mathrm, \text, applied without parentheses
    (r"$$ h_t = \operatorname{ReLU}(W x_t) + \mathrm{softmax}(U h_{t-1}) + \text{GELU}(b) + \tanh c_t $$",
     "d_h**2 + d_h*d_x + d_h"),
    # \left( \right), \bigl( \bigr), braces
    (r"$$ h_t = \tanh\left( W x_t + \bigl( U h_{t-1} \bigr) + {b} \right) $$", "d_h**2 + d_h*d_x + d_h"),
    # concatenation: rows add up
    (r"$$ h_t = \tanh(W [h_{t-1}, x_t] + b) $$", "d_h**2 + d_h*d_x + d_h"),
    (r"$$ h_t = \tanh(W [h_{t-1}; x_t]) $$", "d_h**2 + d_h*d_x"),
    (r"$$ h_t = \tanh(W \begin{bmatrix} x_t \\ h_{t-1} \end{bmatrix}) $$", "d_h**2 + d_h*d_x"),
    (r"$$ h_t = \tanh(W \begin{pmatrix} x_t \\ h_{t-1} \end{pmatrix}) $$", "d_h**2 + d_h*d_x"),
    # a weight shared by two gates counts once (no recurrent state: the first signal names the size)
    (r"$$ a_t = W x_t \\ h_t = \tanh(W x_t + a_t) $$", "d_a*d_x"),
    # unary minus, subtraction, transpose
    (r"$$ h_t = -W x_t - U^\top h_{t-1} $$", "d_h**2 + d_h*d_x"),
    # trailing punctuation, \nonumber, \label, \quad, & and line continuation
    (r"""\begin{align}
      h_t &= \tanh(W x_t \nonumber \\ &\quad + U h_{t-1}) \label{eq:h}, \\
    \end{align}.""", "d_h**2 + d_h*d_x"),
    # several statements on one line; a declared scalar broadcasts
    (r"$$ a_t = W x_t, \quad h_t = \alpha a_t + h_{t-1}, \quad \alpha \in \mathbb{R} $$", "d_h*d_x + 1"),
    # prose and inline mentions are ignored
    (r"The cell reads $x_t$ and keeps $h_t$ (where $\odot$ is elementwise): \[ h_t = W x_t \]", "d_h*d_x"),
    # Greek letters are symbols; \sigma_g is a function
    (r"$$ h_t = \sigma_g(\Theta x_t + \beta) $$", "d_h*d_x + d_h"),
    # prose math that is not a cell equation is skipped: inline math without a time index that
    # symcount cannot read, and constant settings such as initial conditions
    (r"For $t = 1, \ldots, T$, with $\sigma(x) = 1/(1+e^{-x})$, $h_0 = 0$ and $n = 2$: "
     r"$$ h_t = \tanh(W x_t + U h_{t-1}) $$", "d_h**2 + d_h*d_x"),
    # primes make another symbol; annotations in \textit{...} are ignored; \_ in operator names; a
    # layer norm has a gain and a bias (as torch.nn.LayerNorm: counted since the real-world reading)
    (r"$$ f^{\prime}_t = \sigma(W x_t) \\ h_t = f'_t \odot h_{t-1} + \operatorname{layer\_norm}(U x_t) $$",
     "2*d_h*d_x + 2*d_h"),
    (r"\begin{align} i_t &= \sigma(W x_t) & \textit{input gate} \\ h_t &= i_t \odot h_{t-1} \end{align}",
     "d_h*d_x"),
    # every math region kind
    (r"\(h_t = W x_t\)", "d_h*d_x"),
    (r"\begin{equation*} h_t = W x_t \end{equation*}", "d_h*d_x"),
    (r"\begin{gather} h_t = W x_t \end{gather}", "d_h*d_x"),
    (r"\begin{multline} h_t = W x_t \end{multline}", "d_h*d_x"),
    (r"\begin{split} h_t = W x_t \end{split}", "d_h*d_x"),
    (r"\begin{array}{rcl} h_t & = & W x_t \end{array}", "d_h*d_x"),
])
def test_reads_the_latex_papers_use(tex, expected):
    assert total(tex) == expected


@pytest.mark.parametrize("tex, expected", [
    (r"$x_t \in \mathbb{R}^{d}, h_t \in \mathbb{R}^{h}$ $$ h_t = \tanh(W x_t + U h_{t-1} + b) $$",
     "d*h + h**2 + h"),
    (r"$x_t \in \mathbb{R}^d$, $h_t \in \mathbb{R}^{n_h}$ $$ h_t = W x_t $$", "d*n_h"),
    (r"$W \in \mathbb{R}^{4h \times (d+h)}$ $$ z_t = W [h_{t-1}; x_t] $$", "4*d*h + 4*h**2"),
    (r"$W, U \in \mathbb{R}^{h \times h}$ $$ h_t = W h_{t-1} + U x_t $$", "2*h**2"),
    (r"$x_t \in \mathbb{R}^{d_x}$ $$ h_t = W x_t $$", "d_h*d_x"),
])
def test_declarations_fix_dimensions(tex, expected):
    assert total(tex) == expected


def test_free_dimensions_prefer_the_recurrent_state():
    # z_t comes first in reading order, but h is the recurrent state, so its size names the dimension
    d = symcount.derive(r"$$ z_t = \sigma(W x_t + U h_{t-1}) \\ h_t = z_t \odot h_{t-1} $$")
    assert d.dims == {"z": "d_h", "x": "d_x", "h": "d_h"}


def test_row_vector_convention_of_torch_rnn_docs():
    d = symcount.derive(r"$$ h_t = \tanh(x_t W_{ih}^T + b_{ih} + h_{t-1} W_{hh}^T + b_{hh}) $$")
    shapes = {p.name: (str(p.rows), str(p.cols)) for p in d.parameters}
    assert shapes["W_{ih}"] == ("d_h", "d_x")
    assert str(d.total) == "d_h**2 + d_h*d_x + 2*d_h"


@pytest.mark.parametrize("tex, expected", [
    (GRU, "3*d_h**2 + 3*d_h*d_x + 6*d_h"),
    (LSTM_KERAS, "4*d_h**2 + 4*d_h*d_x + 4*d_h"),
    (LSTM, "4*d_h**2 + 4*d_h*d_x + 8*d_h"),
])
def test_framework_cells(tex, expected):
    assert total(tex) == expected


def test_biases_are_found_and_can_be_removed(lstm_tex):
    d = symcount.derive(lstm_tex)
    assert {p.name for p in d.parameters if p.bias} == {f"b_{{{k}{g}}}" for k in "ih" for g in "ifgo"}
    nb = symcount.derive(lstm_tex, bias=False)
    assert str(nb.total) == "4*d_h**2 + 4*d_h*d_x"
    # a vector that is also multiplied is not a bias
    d = symcount.derive(r"$$ h_t = W x_t + b + b \odot h_{t-1} $$")
    assert [p.name for p in d.parameters if p.bias] == []


def test_stacking_formula(lstm_tex):
    d = symcount.derive(lstm_tex, layers=3, bidirectional=True)
    one = 4 * d_h**2 + 4 * d_h * d_x + 8 * d_h
    deeper = one.subs(d_x, 2 * d_h)
    assert sympy.expand(d.total - 2 * (one + 2 * deeper)) == 0
    assert len(d.stacked.per_layer) == 3
    single = symcount.derive(lstm_tex, layers=2)
    assert sympy.expand(single.total - (one + one.subs(d_x, d_h))) == 0


def test_stacking_uses_the_declared_output():
    tex = r"""% symcount: output y
    $$ s_t = \tanh(W x_t + U s_{t-1}) \\ y_t = V s_t $$"""
    d = symcount.derive(tex, layers=2)
    assert d.shapes.output == "y" and d.shapes.input == "x"
    one = symcount.derive(tex).total
    dx, dy = (d.symbols[n] for n in ("d_x", "d_y"))
    assert sympy.expand(d.total - (one + one.subs(dx, dy))) == 0


def test_stacking_without_an_output_asks_for_a_declaration():
    tex = r"$$ s_t = \tanh(W x_t + U s_{t-1} + V q_{t-1}) \\ q_t = s_t $$"
    with pytest.raises(symcount.UsageError, match="symcount: output h"):
        symcount.derive(tex, layers=2)
    assert symcount.derive(tex).total != 0  # one layer needs no output


def test_stacking_with_two_inputs_asks_for_a_declaration():
    tex = r"$$ h_t = \tanh(W x_t + U a_t + V h_{t-1}) $$"
    with pytest.raises(symcount.UsageError, match="symcount: input x"):
        symcount.derive(tex, layers=2)
    d = symcount.derive("% symcount: input x_t\n" + tex, layers=2)
    assert d.shapes.input == "x"


@pytest.mark.parametrize("bad, message", [
    ({"d_h": -1}, "must be a positive whole number, not -1"), ({"d_h": 0}, "must be a positive whole number, not 0"),
    ({"d_h": 2.5}, "must be a whole number, not 2.5"), ({"d_h": "3"}, "must be a whole number, not '3'"),
    ({"nope": 3}, "unknown dimension 'nope'")])
def test_evaluate_rejects_bad_sizes(lstm_tex, bad, message):
    with pytest.raises(symcount.UsageError, match=re.escape(message)):
        symcount.derive(lstm_tex).evaluate(d_x=3, **bad)


def test_evaluate_needs_every_dimension(lstm_tex):
    d = symcount.derive(lstm_tex)
    with pytest.raises(symcount.UsageError, match="d_x"):
        d.evaluate(d_h=3)
    assert d.bind(d_h=3).value is None
    assert d.bind(d_h=3, d_x=2).value == 4 * 9 + 4 * 6 + 8 * 3


def test_parse_keeps_spans(lstm_tex):
    cell = parse(lstm_tex, "lstm.tex")
    eq = cell.equations[0]
    assert cell.source.slice(eq.span).startswith("i_t &= \\sigma(W_{ii} x_t")
    assert cell.source.slice(eq.span).endswith("+ b_{hi})")
    line, col = cell.source.line_col(eq.lhs.span.start)
    assert (line, col) == (6, 20)


def test_shapes_is_deterministic(lstm_tex):
    a = infer(parse(lstm_tex))
    b = infer(parse(lstm_tex))
    assert a == b


def test_sympy_is_not_imported_by_import_symcount():
    import subprocess
    import sys
    code = "import sys, symcount; print('sympy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
