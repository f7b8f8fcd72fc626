"""Every reading that rests on a guess is a located note (on stderr and in JSON `notes`), and the
count is what that reading gives. One row per guess."""
from __future__ import annotations

import json
from typing import NamedTuple

import pytest

import symcount
from symcount.cli import main


class Guess(NamedTuple):
    id: str
    tex: str
    total: str       # the count (str of the sympy total) under the reading
    note: str        # a fragment the note must hold
    at: str = ""     # the text the note's file:line:column points at ("" for a note without a place)


GUESSES = [
    Guess("two-fonts-one-role", r"$$ h_t = \tanh(\mathbf{W} x_t + W \mathbf{x}_t) $$",
          "d_h*d_x", "read as one symbol written in two fonts", r"\mathbf{W}"),
    Guess("letter-function", r"$$ h_t = g(W x_t + U h_{t-1}) $$",
          "d_h**2 + d_h*d_x", "reads as a function g with no parameters", "g("),
    Guess("unknown-word-function", r"$$ h_t = squash(W x_t + U h_{t-1}) $$",
          "d_h**2 + d_h*d_x", "squash(...) at", "squash"),
    Guess("epsilon", r"$$ h_t = \tanh(W x_t) / \sqrt{U h_{t-1} + \epsilon} $$",
          "d_h**2 + d_h*d_x", "a small constant that keeps a division away from zero: not counted", r"\epsilon"),
    Guess("constant-in-prose", "where $\\beta$ is a hyperparameter.\n$$ h_t = \\tanh(W x_t + U h_{t-1}) \\odot \\beta $$",
          "d_h**2 + d_h*d_x", "a constant the text fixes: not counted", r"\beta $$"),
    Guess("learned-in-prose", "where $\\alpha$ is a learned scalar.\n$$ h_t = \\alpha \\tanh(W x_t + U h_{t-1}) $$",
          "d_h**2 + d_h*d_x + 1", "learned scalar (1 parameter)", r"\alpha \tanh"),
    Guess("cdot-between-vectors", r"$$ z_t = \sigma(W x_t) \\ h_t = z_t \cdot h_{t-1} $$",
          "d_h*d_x", "\\cdot between two vectors reads as the elementwise product", r"z_t \cdot"),
    Guess("star-after-a-weight", r"$$ h_t = \tanh(W * x_t + U * h_{t-1}) $$",
          "d_h**2 + d_h*d_x", "* after a weight reads as a matrix product", "W * x_t"),
    Guess("star-convolution", "where $*$ denotes convolution and $W \\in \\mathbb{R}^{3 \\times 3 \\times c \\times c}$, "
          "$x_t \\in \\mathbb{R}^{c}$\n$$ h_t = \\tanh(W * x_t) $$", "9*c**2", "* is a convolution, as the text says", "(W * x_t)"),
    Guess("input-without-time", r"$$ h' = \tanh(W x + U h) $$",
          "d_h**2 + d_h*d_x", "has no time index but is only ever multiplied by a weight or joined to a signal: read as an input signal", "x + U"),
    Guess("cell-form", r"$$ h' = \tanh(W x + U h) $$",
          "d_h**2 + d_h*d_x", "no time index: read as one step of the cell, with h the state"),
    Guess("update", r"$$ h_t = \tanh(W x_t + U h_{t-1}) \\ h_t = P h_t $$",
          "2*d_h*d_hpre + d_hpre*d_x", "defines h_t again from its earlier value: read as an update", "h_t = P"),
    Guess("diagonal-in-prose", "where $A$ is a diagonal matrix.\n$$ h_t = \\tanh(A h_{t-1} + W x_t) $$",
          "d_h*d_x + d_h", "is a diagonal matrix, as the text says", "A h_{t-1}"),
    Guess("linear-map", r"$$ z_t = \sigma(\text{Linear}_{d_h}(x_t)) \\ h_t = (1 - z_t) \odot h_{t-1} + z_t \odot \text{Linear}_{d_h}(x_t) $$",
          "2*d_h*d_x + 2*d_h", "reads as a linear map of its own: a weight and a bias", r"\text{Linear}_{d_h}(x_t) $$"),
    Guess("layer-norm", r"$$ h_t = \tanh(\mathrm{LN}(W x_t + U h_{t-1})) $$",
          "d_h**2 + d_h*d_x + 2*d_h", "a normalisation with a gain and a bias of its own", r"(\mathrm{LN}"),
    Guess("layer-norm-gains", r"$$ h_t = \tanh(\mathrm{LN}(W x_t + U h_{t-1}; \alpha, \beta)) $$",
          "d_h**2 + d_h*d_x + 2*d_h", "the gain and bias of LN", r"(\mathrm{LN}"),
    Guess("diag", r"$$ h_t = \tanh(W x_t + \operatorname{diag}(u) h_{t-1}) $$",
          "d_h*d_x + d_h", "is a vector set on a diagonal", r"\operatorname{diag}"),
    Guess("tied", r"$$ W_f = W_i \\ i_t = \sigma(W_i x_t) \\ f_t = \sigma(W_f x_t) \\ h_t = i_t \odot f_t \odot h_{t-1} $$",
          "d_h*d_x", "is defined from other parameters (W_i): not counted itself", "W_f = W_i"),
    Guess("signature", r"$$ y_t, h_t = f(x_t, h_{t-1}) \\ h_t = \tanh(W x_t + U h_{t-1}) $$",
          "d_h**2 + d_h*d_x", "reads as the cell's signature", "y_t, h_t"),
    Guess("time-plus-one", r"$$ h_{t+1} = \tanh(W x_t + U h_t) $$",
          "d_h**2 + d_h*d_x", "is defined at a later time than t", "h_{t+1}"),
    Guess("components", r"$$ h_j^{\langle t \rangle} = \tanh([W x]_j + [U h^{\langle t-1 \rangle}]_j) $$",
          "d_h**2 + d_h*d_x", "the equations are written for one entry of each vector"),
    Guess("two-letter-weight", r"$$ i_t = \sigma(IW x_t) \\ f_t = \sigma(FW x_t) \\ h_t = i_t \odot f_t \odot h_{t-1} $$",
          "2*d_h*d_x", "reads as one name, the weight of gate i, not I times W", "IW"),
    Guess("timed-bias", r"$$ h_t = \tanh(W x_t + U h_{t-1} + b_t) $$",
          "d_h**2 + d_h*d_x + d_h", "is only ever added and never defined: read as a bias", "b_t"),
    Guess("transposed-declaration", r"$W^T \in \mathbb{R}^{d \times h}$, $x_t \in \mathbb{R}^{d}$, $h_t \in \mathbb{R}^{h}$ "
          r"$$ h_t = \tanh(W^T x_t + U h_{t-1}) $$", "d*h + h**2", "is declared as a transpose, which does not fit", "W^T \\in"),
    Guess("remark", "$$ z_t = \\sigma(W x_t) \\\\ h_t = z_t \\odot h_{t-1} $$\nWhen $z_t$ is one, that is $h_t = h_{t-1}$.",
          "d_h*d_x", "is in running text and restates a signal", "h_t = h_{t-1}$"),
    Guess("chain-name", r"$$ z_t = \Phi(x_t) = \tanh(W x_t) \\ h_t = z_t \odot h_{t-1} $$",
          "d_h*d_x", "names the expression it equals", r"\Phi(x_t) ="),
    Guess("identity", r"$$ A = M - M^T - \gamma I \\ h_t = \tanh(A h_{t-1} + W x_t) $$ where $\gamma$ is a hyperparameter.",
          "d_h**2 + d_h*d_x", "reads as the identity matrix", "I \\\\"),
    Guess("count", r"$$ m_t = \frac{1}{H} \sum_i a^t_i \\ h_t = \tanh(W x_t) - m_t $$",
          "d_m*d_x", "is only ever a divisor of 1", "H}"),
    Guess("dot-accent", r"$$ h_t = \tanh(W \dot[h_{t-1}, x_t]) $$",
          "d_h**2 + d_h*d_x", "before a bracket reads as \\cdot", r"\dot["),
    Guess("unknown-macro", r"$$ h_t = \tanh(W \mf{x}_t + U h_{t-1}) $$",
          "d_h**2 + d_h*d_x", "is a command this text defines elsewhere: read as a font", r"\mf{"),
    Guess("word-times", "$$ r = \\sigma(W_{ir} x + b_{ir} + W_{hr} h_{prev} + b_{hr}) \\\\ "
          "z = \\sigma(W_{iz} x + b_{iz} + W_{hz} h_{prev} + b_{hz}) \\\\ "
          "n = \\tanh(W_{in} x + b_{in} + r \\cdot (W_{hn} h_{prev} + b_{hn})) \\\\ h_{new} = (1 - z) \\cdot n + z \\cdot h_{prev} $$",
          "3*d_h**2 + 3*d_h*d_x + 6*d_h", "reads as h at the previous step", "h_{prev} + b_{hr}"),
    Guess("diagonal-list", "$$ i_t = \\sigma(W_i x_t + U_i h_{t-1} + P_i c_{t-1}) \\\\ f_t = \\sigma(W_f x_t + U_f h_{t-1} + P_f c_{t-1}) "
          "\\\\ g_t = \\tanh(W_g x_t + U_g h_{t-1}) \\\\ c_t = f_t \\odot c_{t-1} + i_t \\odot g_t \\\\ "
          "o_t = \\sigma(W_o x_t + U_o h_{t-1} + P_o c_t) \\\\ h_t = o_t \\odot \\tanh(c_t) $$\nwhere $P_i$, $P_f$ and $P_o$ are diagonal.",
          "4*d_h**2 + 4*d_h*d_x + 3*d_h", "is a diagonal matrix, as the text says", "P_i c_{t-1}"),
    Guess("diagonal-in-one-math", "$$ h_t = \\tanh(W_{hx} x_t + W_{hh} h_{t-1} + W_{hc} c_{t-1}) \\\\ c_t = h_t $$\n"
          "- $W_{hc}, W_{hh}$ are diagonal weight matrices.", "d_h*d_x + 2*d_h", "is a diagonal matrix", "W_{hc} c"),
    Guess("complex", "where $\\lambda \\in \\mathbb{C}^N$ (two reals per entry), $B \\in \\mathbb{C}^{N \\times H}$\n$$ h_t = \\lambda \\odot h_{t-1} + B x_t $$",
          "2*H*N + 2*N", "is declared complex", "\\lambda \\odot"),
    Guess("gate-typo", r"$$ r_t = \sigma(W x_t) \\ h_t = r_n \odot h_{t-1} $$",
          "d_h*d_x", "is read as r_t: r_t is defined but never used", "r_n"),
]


SHARED = (r"$$ r_t = \sigma(W_{xr} x_t + W_{hr} h_{t-1} + b_r) \\ z_t = \sigma(W_{xz} x_t + W_{hz} h_{t-1} + b_z) \\ "
          r"\tilde{h}_t = \tanh(W_{xh} x_t + W_{hh}(r_t \odot h_{t-1}) + b_r) \\ "
          r"h_t = z_t \odot h_{t-1} + (1 - z_t) \odot \tilde{h}_t $$")


def where(tex: str, anchor: str) -> str:
    at = tex.index(anchor)
    return "g.tex:%d:%d" % (tex.count("\n", 0, at) + 1, at - (tex.rfind("\n", 0, at) + 1) + 1)


@pytest.mark.parametrize("guess", GUESSES, ids=[g.id for g in GUESSES])
def test_every_guess_is_a_located_note(guess):
    d = symcount.derive(guess.tex, name="g.tex")
    assert str(d.total) == guess.total
    notes = [n for n in d.shapes.notes if guess.note in n]
    assert notes, d.shapes.notes
    if guess.at:
        assert any(f" at {where(guess.tex, guess.at)}" in n or f"{where(guess.tex, guess.at)}:" in n for n in notes), notes


@pytest.mark.parametrize("guess", GUESSES[:6], ids=[g.id for g in GUESSES[:6]])
def test_notes_reach_stderr_and_json(guess, tmp_path, capsys):
    path = tmp_path / "g.tex"
    path.write_text(guess.tex, encoding="utf-8")
    assert main(["derive", str(path), "--format", "json", "--no-cache"]) == 0
    out, err = capsys.readouterr()
    assert guess.note in err and err.startswith("symcount: note: ")
    assert any(guess.note in n for n in json.loads(out)["notes"])


@pytest.mark.parametrize("tex, message", [
    (r"$$ h_t = \alpha \tanh(W x_t + U h_{t-1}) $$", r"with different counts: \alpha a constant or a learned scalar"),
    (r"$$ h_t = MLP(W x_t + U h_{t-1}) $$", "MLP(...) is a function symcount does not know"),
    (r"$$ h_t = lin_x(x_t) + lin_h(h_{t-1}) $$", "two linear maps are added, and the text does not say whether each has a bias"),
    (r"$$ a_t = \tanh(W x_t) \\ i_t = \sigma(W x_t) \\ f_t = \sigma(W x_t) \\ h_t = a_t \odot i_t \odot f_t $$",
     "W x_t is in 3 equations: one weight in every gate"),
    (r"$$ h_t = \tanh(W * x_t) $$ where $*$ is the convolution.", "is a convolution kernel, but the text gives no kernel size"),
    ("where $V \\in \\mathbb{R}^{3\\times 4}$\n$$ h_t = \\tanh(W h_{t-1} + U x_t + V) $$", "and V (3 × 4): a sum needs equal shapes"),
    (SHARED, "the text allows 2 readings with different counts"),
    # variants that differ: each is listed with its count and the option that picks it
    ("$$ h_t = \\tanh(W x_t + U h_{t-1}) $$ or, with a bias, $$ h_t = \\tanh(W x_t + U h_{t-1} + b) $$",
     "the text allows 2 readings with different counts: h_t is defined 2 times"),
    # a coefficient before a group is not taken for a function (the text does not say it is learned)
    (r"$$ h_t = (\zeta (1 - z_t) + \nu) \odot \tanh(W x_t + U h_{t-1}) \\ z_t = \sigma(V x_t) $$",
     r"\zeta a constant or a learned scalar"),
])
def test_readings_that_cannot_be_made_are_refused(tex, message):
    with pytest.raises(symcount.SymcountError, match=None) as info:
        symcount.derive(tex)
    assert message in info.value.message


def test_a_greek_coefficient_the_text_says_nothing_of_is_two_readings():
    """\\alpha scaling a vector: a constant or a learned scalar; each reading is listed with its count
    and the option that picks it, and --read settles it."""
    tex = r"$$ h_t = \tanh(W x_t + U h_{t-1} + b) + \alpha h_{t-1} $$"
    with pytest.raises(symcount.SymcountError) as info:
        symcount.derive(tex, name="g.tex")
    text = str(info.value)
    assert "\\alpha=constant: d_h**2 + d_h*d_x + d_h  (--read '\\alpha=constant')" in text
    assert "\\alpha=learned: d_h**2 + d_h*d_x + d_h + 1  (--read '\\alpha=learned')" in text
    assert symcount.derive(tex, read={"\\alpha": "learned"}).evaluate(d_h=5, d_x=7) == 25 + 35 + 5 + 1
    assert symcount.derive(tex, read={"\\alpha": "constant"}).evaluate(d_h=5, d_x=7) == 25 + 35 + 5
    # what the text says is taken: no choice is left
    said = tex + r" where $\alpha$ is a hyperparameter."
    assert symcount.derive(said).evaluate(d_h=5, d_x=7) == 25 + 35 + 5
    said = tex + r" where $\alpha$ is a learned scalar."
    assert symcount.derive(said).evaluate(d_h=5, d_x=7) == 25 + 35 + 5 + 1


def test_a_refusal_lists_each_reading_its_count_and_its_option():
    with pytest.raises(symcount.SymcountError) as info:
        symcount.derive(SHARED, name="g.tex")
    text = str(info.value)
    assert "b_r=shared: 3*d_h**2 + 3*d_h*d_x + 2*d_h  (--read b_r=shared)" in text
    assert "b_r=separate: 3*d_h**2 + 3*d_h*d_x + 3*d_h  (--read b_r=separate)" in text
    assert "g.tex:1:" in text and "hint: pick one: add --read b_r=shared" in text


@pytest.mark.parametrize("read, total", [
    ({"b_r": "shared"}, "3*d_h**2 + 3*d_h*d_x + 2*d_h"),
    ({"b_r": "separate"}, "3*d_h**2 + 3*d_h*d_x + 3*d_h"),
    (["b_r=separate"], "3*d_h**2 + 3*d_h*d_x + 3*d_h"),
    ("b_{r}=Separate", "3*d_h**2 + 3*d_h*d_x + 3*d_h"),
])
def test_a_reading_is_settled_without_editing_the_text(read, total):
    assert str(symcount.derive(SHARED, read=read).total) == total


@pytest.mark.parametrize("tex, read, total", [
    (GUESSES[[g.id for g in GUESSES].index("diagonal-list")].tex, {"P_i": "full"}, "5*d_h**2 + 4*d_h*d_x + 2*d_h"),
    (r"$$ h_t = \tanh(A h_{t-1} + W x_t) $$", {"A": "diagonal"}, "d_h*d_x + d_h"),
    (r"$$ h_t = \tanh(W * x_t + U * h_{t-1}) $$", {"*": "matrix"}, "d_h**2 + d_h*d_x"),
    (r"$$ h_t = \tanh(W x_t) + u * h_{t-1} $$", {"*": "elementwise"}, "d_h*d_x + d_h"),
    (r"$$ z_t = \sigma(W x_t) \\ h_t = z_t \cdot h_{t-1} $$", {"\\cdot": "elementwise"}, "d_h*d_x"),
    (GUESSES[[g.id for g in GUESSES].index("word-times")].tex, {"h_prev": "parameter"}, "3*d_r**2 + 3*d_r*d_x + 7*d_r"),
])
def test_read_settles_the_guesses_too(tex, read, total):
    assert str(symcount.derive(tex, read=read).total) == total


@pytest.mark.parametrize("read, message", [
    ({"Q": "full"}, "the text leaves no reading of Q to settle"),
    ({"b_r": "diagonal"}, "--read b_r=diagonal: b_r at g.tex:1:"),
    ("b_r", "cannot read --read 'b_r': write NAME=READING"),
])
def test_a_read_that_does_not_apply_is_an_error(read, message):
    with pytest.raises(symcount.SymcountError) as info:
        symcount.derive(SHARED, name="g.tex", read=read)
    assert message in str(info.value)


def test_binom_is_a_stacked_column():
    tex = (r"$$ \begin{pmatrix} i \\ f \end{pmatrix} = \begin{pmatrix} \sigma \\ \sigma \end{pmatrix} W \binom{h_{t-1}}{x_t} "
           r"\\ h_t = f \odot h_{t-1} + i $$")
    assert str(symcount.derive(tex).total) == "2*d_h**2 + 2*d_h*d_x"


def test_read_on_the_command_line(tmp_path, capsys):
    path = tmp_path / "g.tex"
    path.write_text(SHARED, encoding="utf-8")
    assert main(["derive", str(path), "--no-cache"]) == 2
    assert "--read b_r=separate" in capsys.readouterr().err
    assert main(["derive", str(path), "--read", "b_r=separate", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["total"] == "3*d_h**2 + 3*d_h*d_x + 3*d_h"
    assert main(["derive", str(path), "--read", "b_r"]) == 2
    assert "write NAME=READING" in capsys.readouterr().err


@pytest.mark.parametrize("tex, total", [
    # math_commands.tex's bold letters (\vx, \mW, \Vh, \MW), and "from $t = 1$ to $t = \tau$" is the steps
    ("from $t = 1$ to $t = \\tau$:\n$$ \\Va^{(t)} = \\Vb + \\MW \\Vh^{(t-1)} + \\MU \\Vx^{(t)} \\\\ \\Vh^{(t)} = \\tanh(\\Va^{(t)}) $$",
     "d_h**2 + d_h*d_x + d_h"),
    (r"$$ \vh_t = \tanh(\mW \vx_t + \mU \hat \vh_{t-1}) \\ \hat\vh_t = \vh_t $$", "d_hhat**2 + d_hhat*d_x"),
    # Doxygen @f{eqnarray*}{ ... @f} with eqnarray's alignment point inside a call
    ("/** @f{eqnarray*}{\n h_t &= tanh&(W_{hh} h_{t-1} + W_{xh} x_t + b_h), \\\\\n @f} */", "d_h**2 + d_h*d_x + d_h"),
    ("  .. math ::\n\n      h_t = \\tanh(W x_t + U h_{t-1})\n", "d_h**2 + d_h*d_x"),
    # rows with no \\ between them; zero-width spaces pasted from a web page; `。` as a product;
    # an accented letter or a script inside an index
    ("$$\nz_t = \\sigma(W_z x_t + U_z h_{t-1})\nh_t = z_t \\odot h_{t-1}\n$$", "d_h**2 + d_h*d_x"),
    ("$$ o_t\u200b = \\sigma(W_o\u200b x_t + U h_{t-1}) \\\\ h_t = o_t。h_{t-1} $$", "d_h**2 + d_h*d_x"),
    ("$$ h_t = \\tanh(W_{\\tilde{h}} x_t + U^{g^y} h_{t-1}) $$", "d_h**2 + d_h*d_x"),
    # a function defined on a plain variable in display math; the steps `t = 0, 1, 2, \ldots`
    ("\\[ h_t = \\sigma(W x_t + U h_{t-1}) \\]\n\\[ \\sigma(z) = \\frac{1}{1+\\exp(-z)} \\]", "d_h**2 + d_h*d_x"),
    ("$$ h_t = \\tanh(W x_t + U h_{t-1}), \\quad t = 0, 1, 2, \\ldots $$", "d_h**2 + d_h*d_x"),
    # a signal defined twice is a text giving variants: one count when they agree (the residual adds no weight)
    (".. math::\n\n    h' = \\tanh(W_i x + b_i + W_h h)\n\nIf `residual`,\n\n.. math::\n\n    h' = \\tanh(W_i x + b_i + W_h h + h)\n",
     "d_h**2 + d_h*d_x + d_h"),
    # a range of a gate's entries is no shape; an undeclared bias added to a declared batch is one row
    ("$X_t \\in \\mathbb{R}^{n \\times d}$, $R_t \\in (0,1)$\n$$ R_t = \\sigma(X_t W_r + H_{t-1} U_r + b_r) \\\\ "
     "H_t = R_t \\odot H_{t-1} $$", "d*d_H + d_H**2 + d_H"),
    # g_a \left( ... \right): an activation named after the signal it makes (a note says so)
    ("$$ a_t = g_a \\left( W_{xa} \\cdot x_t + W_{aa} \\cdot a_{t-1} + b_a \\right) $$", "d_a**2 + d_a*d_x + d_a"),
])
def test_notation(tex, total):
    assert str(symcount.derive(tex).total) == total


@pytest.mark.parametrize("tex, total", [
    (r"$$ f_t = \sigma(W_f.[h_{t-1}, x_t] + b_f) \\ h_t = f_t .* h_{t-1} $$", "d_h**2 + d_h*d_x + d_h"),  # . and .* as code writes them
    ("    .. math::\n        h_t = \\\n            \\tanh(W x_t + \\\n                   U h_{t-1})\n", "d_h**2 + d_h*d_x"),  # \ at a line's end
])
def test_products_and_line_ends_as_code_writes_them(tex, total):
    assert str(symcount.derive(tex).total) == total


@pytest.mark.parametrize("tex, total", [
    # \newcommand with arguments and an optional default, \DeclareMathOperator, \def, \let, \renewcommand
    ("\\newcommand{\\R}{\\mathbb{R}}\n\\newcommand{\\vect}[1]{\\mathbf{#1}}\n\\newcommand{\\act}[2][\\tanh]{#1\\left(#2\\right)}\n"
     "\\def\\W#1{W_{#1}}\n\\let\\b=\\vect\nLet $\\vect{x}_t \\in \\R^{d}$ and $\\vect{h}_t \\in \\R^{n}$.\n"
     "$$ \\vect{h}_t = \\act{\\W{h} \\vect{h}_{t-1} + \\W{x} \\vect{x}_t + \\b{b}} $$", "d*n + n**2 + n"),
    ("\\DeclareMathOperator{\\clip}{clip}\n\\providecommand{\\x}{x_t}\n\\providecommand{\\x}{y_t}\n"
     "$$ h_t = \\clip(W \\x + U h_{t-1}) $$", "d_h**2 + d_h*d_x"),
    ("\\newcommand{\\gate}[3][t]{\\sigma(W_{#2} x_{#1} + U_{#2} h_{#1-1} + b_{#3})}\n"
     "$$ z_t = \\gate{z}{z} \\\\ h_t = z_t \\odot h_{t-1} + \\gate[t]{h}{h} $$", "2*d_h**2 + 2*d_h*d_x + 2*d_h"),
    ("\\renewcommand{\\vec}[1]{\\mathbf{#1}}\n$$\\newcommand{\\U}{\\mathbf{U}}$$\n$$ \\vec{h}_t = \\tanh(\\U \\vec{h}_{t-1} + \\vec{x}_t) $$",
     "d_h**2"),
])
def test_macros_the_text_defines(tex, total):
    assert str(symcount.derive(tex).total) == total


def test_a_macro_use_is_located_in_what_the_user_wrote():
    tex = "\\newcommand{\\vect}[1]{\\mathbf{#1}}\n$$ \\vect{h}_t = \\tanh(\\vect{W} \\vect{h}_{t-1} + U x_t) $$"
    d = symcount.derive(tex, name="m.tex")
    w = next(p.shape for p in d.parameters if p.name == "W")
    assert tex[w.span.start:w.span.end] == "\\vect{W}"
    assert "\\vect{W} multiplies \\vect{h}_{t-1}" in w.cols_evidence[0].text


@pytest.mark.parametrize("tex, total", [
    # index form: a sum over j of M_{ij} v_j is the matrix-vector product M v; b_i is the vector b
    (r"$$ r_j = \sigma([\mathbf W_r\mathbf x]_j + [\mathbf u_r \circ \mathbf h_{t-1}]_j) \\ "
     r"h_j^{<t>} = r_j h_j^{<t-1>} $$", "d_h*d_x + d_h"),  # [W x]_j, a font on one letter without braces
    (r"$$ h_{i,t} = \tanh(b_i + \sum_j U_{i,j} x_{j,t} + \sum_j W_{i,j} h_{j,t-1}) $$", "d_h**2 + d_h*d_x + d_h"),
    (r"$$ h_i^{(t)} = \tanh(b_i + \sum_j U_{ij} x_j^{(t)} + \sum_{j} W_{ij} r_j^{(t)} h_j^{(t-1)}) \\ "
     r"r_i^{(t)} = \sigma(\sum_k V_{ik} x_k^{(t)}) $$", "d_h**2 + 2*d_h*d_x + d_h"),
])
def test_index_form(tex, total):
    d = symcount.derive(tex)
    assert str(d.total) == total
    assert any("the equations are written for" in n and "entry" in n for n in d.shapes.notes)


def test_a_sum_that_is_no_matrix_product_is_left_alone():
    from symcount.read.indexform import index_form
    from symcount.read.parse import parse
    cell = parse(r"$$ \mu_t = \frac{1}{H} \sum_i a_i \\ s_t = \sum_j W_j x_j $$")
    notes: list = []
    assert index_form(cell, notes) is cell and notes == []


@pytest.mark.parametrize("tex, total", [
    # functions written as text, and equation numbers after the math
    (r"$$ h_t = \rm{activation}(W x_t + U h_{t-1}) $$", "d_h**2 + d_h*d_x"),
    (r"$$ h_t = {\rm tanh}(W x_t + U h_{t-1}) $$", "d_h**2 + d_h*d_x"),
    (r"$$ h_t = \mathrm{activation}(W x_t + U h_{t-1}) $$", "d_h**2 + d_h*d_x"),
    (r"$$ h_t = clip(W x_t + U h_{t-1}) $$", "d_h**2 + d_h*d_x"),
    (r"$$ h_t = \mathcal{R}[W x_t + U h_{t-1}] $$", "d_h**2 + d_h*d_x"),
    (r"$$ h_t = \tanh(W x_t + U h_{t-1}) \qquad(3.1) \\ y_t = V h_t \quad (4) $$", "d_h**2 + d_h*d_x + d_h*d_y"),
    (r"\begin{equation} h_t = \tanh(W x_t + U h_{t-1}) \hfill (2a) \label{eq:h} \end{equation}", "d_h**2 + d_h*d_x"),
    (r"$$ h_t = \tanh(W x_t + U h_{t-1}) \tag{3} $$", "d_h**2 + d_h*d_x"),
])
def test_functions_as_text_and_equation_numbers(tex, total):
    assert str(symcount.derive(tex).total) == total


def test_a_calligraphic_operator_is_noted_as_written():
    d = symcount.derive(r"$$ h_t = \mathcal{R}[W x_t + U h_{t-1}] $$")
    assert any(n.startswith("\\mathcal{R}[...] at") for n in d.shapes.notes), d.shapes.notes


def test_time_in_square_brackets():
    assert str(symcount.derive(r"$$ H[t] = \tanh(W X[t] + R H[t-1] + b) $$").total) == "d_H**2 + d_H*d_X + d_H"
    # an inline equation with a time index in brackets that cannot be read is an error, never skipped
    with pytest.raises(symcount.SymcountError, match="cannot read the math"):
        symcount.derive(":math:`z[t] := sigmoid(W[z].X[t] + R[z].H[t-1] +)`\n:math:`H[t] := z[t]*H[t-1]`\n")
    # (read as code where it is written as code: TensorRT's `W[z].X[t]`, test_readings_pasted.py)
