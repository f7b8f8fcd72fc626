"""Bad input: every kind has an anchored message, a position (file:line:column with the line and a
caret) and exit status 2, never a traceback. One table drives the API and the CLI checks."""
from __future__ import annotations

import re
import subprocess
import sys
from typing import NamedTuple

import pytest

import symcount
from symcount.cli import main
from symcount.limits import MAX_EQUATIONS
from symcount.read.syntax import HINTS


class Case(NamedTuple):
    """One bad input: what the user wrote, and what symcount must say about it."""

    id: str
    tex: str
    message: str                 # a regular expression anchored at the end of the first line
    at: str | None = None        # the text the caret points at (None: the error has no position)
    hint: str | None = None      # a fragment of the hint
    options: dict = {}           # options of derive()


CASES = [
    Case('unknown-command', r"$$ h_t = \foo x_t $$",
         r"cannot read the math: unknown command \\foo$",
         at=r"\foo", hint='operatorname'),
    Case('unclosed-paren', r"$$ h_t = \tanh(W (x_t $$",
         'cannot read the math: it ends in the middle of a statement$',
         at=' $$', hint='unclosed'),
    Case('dangling-plus', '$$ h_t = W x_t + $$',
         'cannot read the math: it ends in the middle of a statement$',
         at=' $$', hint='complete'),
    Case('lhs-not-a-symbol', '$$ W x_t = h_t $$',
         "cannot read the math: unexpected 'x'$",
         at='x_t =', hint='left side of an equation must be one symbol'),
    Case('missing-separator', '$$ h_t = W x_t  y_t = U $$',
         "cannot read the math: unexpected '='$",
         at='= U', hint='need a separator'),
    Case('stray-close', r"$$ h_t = \tanh(W x_t)) + b $$",
         r"cannot read the math: unexpected '\)'$",
         at=') + b', hint='closing'),
    Case('unknown-operator', '$$ h_t = W x_t ? 2 $$',
         "cannot read the math: unexpected character '\\?'$",
         at='?', hint='no such operator'),
    Case('index-with-a-command', r"$$ h_t = W_{\input{pwned}} x_t $$",
         r"cannot read the index _\{\\input\{pwned\}\}$",
         at=r"_{\input", hint='an index holds'),
    Case('index-with-markup', '$$ h_t = W_{<script>} x_t $$',
         r"cannot read the index _\{<script>\}$",
         at='_{<', hint='an index holds'),
    Case('double-superscript', '$$ h_t = W_a^b^c x_t $$',
         'double superscript$',
         at='^c', hint='one superscript'),
    Case('double-subscript', '$$ h_t = W_i_j x_t $$',
         'double subscript$',
         at='_j', hint='one subscript'),
    Case('unclosed-region', 'text\n $$ h_t = W x_t',
         r"math region opened by \$\$ is never closed$",
         at='$$ h_t', hint='escape'),
    Case('unclosed-env', r"\begin{align} h_t = W x_t",
         r"math region opened by \\begin\{align\} is never closed$",
         at=r"\begin", hint='close'),
    Case('unknown-directive', '% symcount: inptu x\n$$ h_t = W x_t $$',
         "unknown directive 'symcount: inptu'$",
         at='inptu', hint='input x'),
    Case('directive-not-a-signal', '% symcount: input W\n$$ h_t = W x_t $$',
         'the input W named by the directive is not a signal of this cell$',
         at='W\n', hint='signal'),
    Case('directive-input-defined', '% symcount: input h\n$$ h_t = W x_t + U h_{t-1} $$',
         'the input h named by the directive is defined by an equation$',
         at='h\n', hint='no equation defines'),
    Case('lhs-not-at-t', '$$ h_{t-1} = W x_t $$',
         r"the left side h_\{t-1\} is not at time t$",
         at='h_{t-1} =', hint='at time t'),
    Case('size-never-positive', r"$$ h_t = \tanh([x_t, h_{t-1}]) $$",
         'the equations force x_t to have size 0, which is never positive$',
         at='x_t,', hint='at least 1'),
    Case('product', r"$W_{hi} \in \mathbb{R}^{h \times d}$, $h_t \in \mathbb{R}^h$ $$ i_t = \sigma(W_{hi} h_{t-1} + W_{ii} x_t) \\ h_t = i_t $$",
         r"cannot multiply W_\{hi\} \(h × d\) by h_\{t-1\} \(h × 1\): W_\{hi\} has d columns, h_\{t-1\} has h rows$",
         at='W_{hi} h_{t-1}', hint=r"declare W_{hi} \in \mathbb{R}^{h \times h}"),
    Case('product-of-vectors', r"$x_t \in \mathbb{R}^d, h_t \in \mathbb{R}^h$ $$ h_t = x_t^T h_{t-1} $$",
         r"cannot multiply x_t\^T \(1 × d\) by h_\{t-1\} \(h × 1\): x_t\^T has d columns, h_\{t-1\} has h rows$",
         at='x_t^T h'),
    Case('sum', r"$x_t \in \mathbb{R}^d, h_t \in \mathbb{R}^h$ $$ h_t = x_t + h_{t-1} $$",
         r"cannot add x_t \(d × 1\) and h_\{t-1\} \(h × 1\): a sum needs equal shapes$",
         at='x_t + h', hint=None),
    Case('elementwise', r"$x_t \in \mathbb{R}^d, h_t \in \mathbb{R}^h$ $$ h_t = x_t \odot h_{t-1} $$",
         r"cannot take the elementwise product of x_t \(d × 1\) and h_\{t-1\} \(h × 1\): an elementwise product needs equal shapes$",
         at=r"x_t \odot h", hint=None),
    Case('equation-sides', r"$x_t \in \mathbb{R}^d, h_t \in \mathbb{R}^h$ $$ h_t = x_t $$",
         'the two sides of the equation for h_t have different shapes$',
         at='h_t = x_t', hint=None),
    Case('stack', '$$ h_t = W x_t + [x_t, W] $$',
         'cannot stack x_t and W: they have different numbers of columns$',
         at='[x_t, W]', hint=None),
    Case('undetermined', r"$$ h_t = \tanh(W_2 W_1 x_t) $$",
         'cannot determine the number of columns of W_2: no signal or declaration fixes it$',
         at='W_2 W_1', hint=r"W_2 \in \mathbb{R}"),
    Case('defined-twice', r"$$ h_t = x_t \\ h_t = W x_t $$",
         'h_t is defined twice$',
         at='h_t = W', hint='one equation'),
    Case('declared-twice', r"$x_t \in \mathbb{R}^d$ $x_t \in \mathbb{R}^{h}$ $$ h_t = W x_t $$",
         'x_t is declared twice with different shapes$',
         at=r"x_t \in \mathbb{R}^{h}", hint=None),
    Case('signal-scalar', r"$f_t \in \mathbb{R}$, $x_t, h_t \in \mathbb{R}^{d}$ $$ f_t = x_t \\ h_t = f_t h_{t-1} $$",
         'f_t is declared a scalar, but x_t is not one number$',
         at='f_t = x_t', hint=None),
    Case('empty', '',
         'the input is empty$',
         at=None, hint='equations'),
    Case('no-equations', 'Only prose, and a mention of $h_t$.',
         r'no equations found: 1 math region, none an equation of the cell \(the first, at \S+:1:31: h_t\)$',
         at=None, hint='equations'),
    Case('stack-no-output', r"$$ s_t = \tanh(W x_t + U s_{t-1} + V q_{t-1}) \\ q_t = s_t $$",
         r"cannot stack layers: the cell has no state named h and several recurrent states \(s, q\)$",
         at=None, hint='output h', options={'layers': 2}),
    Case('stack-two-inputs', r"$$ h_t = \tanh(W x_t + U a_t) $$",
         r"cannot stack layers: the cell reads several signals that no equation defines \(x_t, a_t\)$",
         at=None, hint='input x', options={'layers': 2}),
    # a power whose exponent is not a whole number: numbers and constants, of a vector or a number
    Case('power-step-exponent', r"$$ h_t = \tanh(W x_t + U h_{t-1})^{\beta_t} $$",
         r"an exponent is a number or a constant \(1/\\tau, 0\.5, \\frac\{1\}\{16\}\); this one holds a value that "
         r"changes with the step$", at=r"\beta_t", hint=r"(z)^{1/\tau}"),
    Case('power-operation-exponent', r"$$ h_t = \tanh(W x_t + U h_{t-1})^{\exp(2)} $$",
         r"an exponent is a number or a constant .*; this one holds an operation$", at=r"\exp(2)", hint="numbers"),
    Case('power-layer-index', r"$$ h_t = (W x_t + U h_{t-1})^{(l)} $$",
         r"a superscript in parentheses is an index \(a layer's\), not a power$", at="(l)", hint="h^{(l)}_t"),
    Case('power-learned-exponent', r"$$ h_t = \sigma(W x_t + U h_{t-1})^{1/\tau} $$ where $\tau$ is learned.",
         r"\\tau is learned, the text says, and stands in an exponent: a learned exponent is not counted$",
         at=r"\tau}", hint=r"\tau = 16"),
    Case('power-root-of-a-matrix', r"$$ S_t = S_{t-1} + (k_t v_t^\top)^{1/2} $$ where $S_t \in \mathbb{R}^{K \times V}$, "
         r"$k_t \in \mathbb{R}^{K}$, $v_t \in \mathbb{R}^{V}$",
         r"\(k_t v_t\^\\top\) is a matrix \(K × V\): a power that is not a whole number is read entry by entry, "
         r"of a vector or a number, not as a matrix's root$", at=r"(k_t v_t^\top)^{1/2}", hint="whole-number power"),
    # macros the text defines: expansion is bounded in steps and size, and an error points at the use
    Case('macro-loop', "\\newcommand{\\loop}{\\loop x}\n$$ h_t = \\tanh(W h_{t-1} + \\loop) $$",
         r'expanding the macros takes more than 10,000 steps \(at \\loop\)$', at='\\loop)', hint='defined in terms of itself'),
    Case('macro-output', "\\newcommand{\\big}{" + "x" * 100_000 + "}\n$$ h_t = " + "\\big" * 11 + " $$",
         r'expanding the macros makes more than 1,048,576 characters \(at \\big\)$', at=None, hint='\\big'),
    Case('macro-arguments', "\\newcommand{\\vect}[1]{\\mathbf{#1}}\n$$ h_t = \\tanh(W h_{t-1}) + \\vect $$",
         r'\\vect takes 1 argument; the math gives 0$', at='\\vect $$', hint='\\vect{...}'),
    Case('macro-error-inside', "\\newcommand{\\vect}[1]{\\mathbf{#1}}\n$$ h_t = \\tanh(W h_{t-1} + \\vect{x_t} + ) $$",
         r"cannot read the math: unexpected '\)'$", at=') $$', hint=None),
    Case('macro-delimited-def', "\\def\\pair(#1,#2){#1 #2}\n$$ h_t = \\tanh(W h_{t-1}) $$",
         r'cannot read the definition of \\pair: its parameters \(#1,#2\) are delimited$', at='\\def', hint='\\newcommand'),
]


def line_col(text: str, anchor: str) -> tuple[int, int]:
    at = text.index(anchor)
    return text.count("\n", 0, at) + 1, at - (text.rfind("\n", 0, at) + 1) + 1


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_api_raises_symcount_error(case):
    with pytest.raises(symcount.SymcountError) as info:
        symcount.derive(case.tex, name="cell.tex", **case.options)
    err = info.value
    assert re.search(case.message, err.message), err.message
    if case.at is not None:
        assert err.location == "cell.tex:%d:%d" % line_col(case.tex, case.at)
    if case.hint is not None:
        assert case.hint in err.hint


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_cli_prints_message_position_and_caret(case, tmp_path, capsys):
    tex, options, message, where = case.tex, case.options, case.message, case.at
    path = tmp_path / "cell.tex"
    path.write_text(tex, encoding="utf-8")
    argv = ["derive", str(path)] + (["--layers", str(options["layers"])] if "layers" in options else [])
    assert main(argv) == 2
    out, err = capsys.readouterr()
    assert out == ""
    first = err.splitlines()[0]
    assert first.startswith("symcount: ")
    assert re.search(message, first[len("symcount: "):]), first
    assert "Traceback" not in err
    if where is not None:
        line, col = line_col(tex, where)
        assert f"--> {path}:{line}:{col}" in err
        lines = err.splitlines()
        src = next(i for i, l in enumerate(lines) if l.startswith(f" {line} | "))
        caret = lines[src + 1]
        prefix = f" {' ' * len(str(line))} | "
        assert caret.startswith(prefix)
        shown = lines[src][len(prefix):]
        at = caret[len(prefix):].index("^")
        assert shown[at:].startswith(where[:8].rstrip("\n")), (shown, at)  # the caret is under the offending text
        if len(tex.splitlines()[line - 1]) <= 120:
            assert at == col - 1


@pytest.mark.parametrize("argv, message", [
    (["--set", "nope=3"], r"unknown dimension 'nope'; this cell's dimensions are: d_h, d_x"),
    (["--set", "d_h=2.5"], r"the size of d_h must be a whole number, not '2.5'"),
    (["--set", "d_h=-4"], r"the size of d_h must be a positive whole number, not -4"),
    (["--set", "d_h"], r"--set takes NAME=INT, not 'd_h'"),
    (["--layers", "0"], r"the number of layers must be a positive whole number, not 0"),
    (["--set", "d_h=1", "--set", "d_h=2"], r"--set d_h is given twice"),
])
def test_bad_options_exit_2(lstm_path, argv, message, capsys):
    assert main(["derive", str(lstm_path)] + argv) == 2
    err = capsys.readouterr().err
    assert err.startswith("symcount: " + message), err


def test_missing_file_exits_2(tmp_path, capsys):
    assert main(["derive", str(tmp_path / "nope.tex")]) == 2
    assert "cannot read" in capsys.readouterr().err


def test_not_utf8_exits_2(tmp_path, capsys):
    p = tmp_path / "bin.tex"
    p.write_bytes(b"\xff\xfe$$ h_t = W x_t $$")
    assert main(["derive", str(p)]) == 2
    assert "not UTF-8" in capsys.readouterr().err


def test_internal_fault_exits_1(monkeypatch, lstm_path, capsys):
    import symcount.shapes.infer
    def boom(*a, **k):
        raise RuntimeError("simulated")
    monkeypatch.setattr(symcount.shapes.infer, "infer", boom)
    assert main(["derive", str(lstm_path), "--no-cache"]) == 1
    err = capsys.readouterr().err
    assert "internal error" in err and "Traceback" not in err


def test_real_process_exit_status(tmp_path):
    p = tmp_path / "bad.tex"
    p.write_text(r"$$ h_t = \foo $$", encoding="utf-8")
    r = subprocess.run([sys.executable, "-m", "symcount", "derive", str(p)], capture_output=True, text=True)
    assert r.returncode == 2
    assert r.stdout == "" and "Traceback" not in r.stderr and "unknown command" in r.stderr


def test_deep_parentheses_are_read():
    tex = "$$ h_t = " + "(" * 3000 + "W x_t" + ")" * 3000 + " $$"
    assert str(symcount.derive(tex).total) == "d_h*d_x"


def test_deep_nesting_is_an_error_not_a_crash():
    tex = "$$ h_t = " + "\\tanh(" * 3000 + "W x_t" + ")" * 3000 + " $$"
    with pytest.raises(symcount.SymcountError, match="nest too deeply"):
        symcount.derive(tex)


@pytest.mark.parametrize("hint, example", [(h, e) for h, examples in HINTS.items() for e in examples])
def test_every_example_in_the_hint_table_gets_its_hint(hint, example):
    with pytest.raises(symcount.ParseError) as info:
        symcount.derive("$$ " + example + " $$")
    assert info.value.hint.startswith(hint)  # a stray closer's hint goes on to say where it is
    # and a new input that fails the same way gets the same hint
    with pytest.raises(symcount.ParseError) as again:
        symcount.derive("Prose first.\n\\begin{align}\n  " + example.replace("h_t", "z_t") + "\n\\end{align}")
    assert again.value.hint.startswith(hint)


def test_long_lines_are_shown_as_a_window_around_the_caret():
    tex = "$$ h_t = " + " + ".join(f"W_{{{k}}} x_t" for k in range(300)) + r" + \foo $$"
    with pytest.raises(symcount.ParseError) as info:
        symcount.derive(tex)
    excerpt = str(info.value).splitlines()
    shown, caret = excerpt[2], excerpt[3]
    assert len(shown) < 130 and shown.startswith(" 1 | ...")
    at = caret.index("^")
    assert shown[at:].startswith("\\foo")


def test_a_flat_sum_of_thousands_of_terms_is_read():
    tex = "$$ h_t = " + " + ".join(f"W_{{{k}}} x_t" for k in range(3000)) + " $$"
    assert str(symcount.derive(tex).total) == "3000*d_h*d_x"


def test_a_flat_sum_of_thousands_of_terms_from_a_macro_is_read():
    # the statements read from an expansion are moved back into the text without recursion
    text = "\\newcommand{\\xx}{x_t}\n$$ h_t = \\tanh(" + " + ".join(["W \\xx"] * 3000) + " + U h_{t-1}) $$"
    assert str(symcount.derive(text).cell_total) == "d_h**2 + d_h*d_x"


def test_a_letter_applied_like_a_function_gets_a_note(capsys):
    # since the real-world reading: g(...) is a function (no parameters), said in a located note
    tex = r"$$ z_t = \sigma(W x_t + U h_{t-1}) \\ h_t = z_t \odot h_{t-1} + g(x_t) $$"
    d = symcount.derive(tex, name="g.tex")
    assert any("g(...) at g.tex:1:" in n and "reads as a function g with no parameters" in n for n in d.shapes.notes)
    assert str(d.total) == "2*d_h**2"  # g(x_t) keeps x_t's size, which the sum makes h's
    assert symcount.derive(r"$$ h_t = W (x_t + U h_{t-1}) $$").shapes.notes == ()  # upper case, spaced: a weight


def test_a_letter_function_around_a_sum_is_a_function():
    d = symcount.derive(r"$$ z_t = g(W x_t + U h_{t-1}) \\ h_t = z_t $$")
    assert str(d.total) == "d_h**2 + d_h*d_x"
    assert any("if g is a weight, add --read g=matrix or declare its shape" in n for n in d.shapes.notes)
    # read as a matrix, g's columns (and W's rows) are left open: refused, never the function's count
    with pytest.raises(symcount.SymcountError, match="cannot determine the number of columns of g"):
        symcount.derive(r"$$ z_t = g(W x_t + U h_{t-1}) \\ h_t = z_t $$", read={"g": "matrix"})


def test_notes_go_to_stderr_from_the_cli(tmp_path, capsys):
    path = tmp_path / "g.tex"
    path.write_text(r"$$ z_t = \sigma(W x_t + U h_{t-1}) \\ h_t = z_t \odot h_{t-1} + g(x_t) $$", encoding="utf-8")
    for _ in range(2):  # fresh, then cached: the same note
        assert main(["derive", str(path), "--format", "json"]) == 0
        out, err = capsys.readouterr()
        assert err.startswith("symcount: note: g(...) at ") and '"total"' in out


# ---- the limit on equations, checked before parsing -----------------------------------------------
def _rows(n: int, last: str) -> str:
    return "$$ " + " \\\\\n".join([f"a_{{{k},t}} = \\tanh(W_{{{k}}} x_t)" for k in range(n - 1)] + [last]) + " $$\n"


def test_equations_over_the_limit_refused_before_parsing():
    """The count is found by a scan, before the grammar reads the rows: a syntax error in the last
    row is not reached."""
    with pytest.raises(symcount.ShapeError) as info:
        symcount.derive(_rows(MAX_EQUATIONS + 1, "h_t = \\tanh(W x_t +)"))
    assert info.value.message == (f"the cell has {MAX_EQUATIONS + 1:,} equations; symcount counts cells of at most "
                                  f"{MAX_EQUATIONS:,}")


def test_equations_over_the_limit_with_other_relations_say_at_least():
    text = _rows(MAX_EQUATIONS + 1, "h_t = a_{0,t}") + "$x_t = y_t$ where $y_t = 1$\n"
    with pytest.raises(symcount.ShapeError, match=f"^the cell has at least {MAX_EQUATIONS + 1:,} equations; symcount counts"):
        symcount.derive(text)


def test_the_scan_never_counts_more_equations_than_parsing():
    from pathlib import Path
    from symcount.read.parse import parse, timed_rows
    from symcount.read.regions import scan
    from symcount.read.source import Source
    root = Path(__file__).resolve().parent.parent
    files = sorted((root / "symcount" / "cells").glob("*.tex")) + sorted((root / "examples").glob("*.tex"))
    files += sorted((root / "tests" / "corpus" / "snippets").iterdir())
    counted = 0
    for path in files:
        text = path.read_text(encoding="utf-8")
        try:
            cell = parse(text, path.name)
        except symcount.SymcountError:
            continue
        rows, exact = timed_rows(scan(Source(text, path.name)))
        assert rows <= len(cell.equations), path.name
        assert not exact or rows == len(cell.equations), path.name
        counted += rows
    assert counted > 100


def test_a_bracket_hint_names_the_bracket_that_is_wrong():
    # a stray `]` inside parentheses: the hint points at it, not at an unclosed bracket
    with pytest.raises(symcount.ParseError) as info:
        symcount.derive(r"$$ f_t=\sigma(W_1 h_{t-1}+U_1 x_t]) \\ c_t = f_t \odot c_{t-1} $$", name="s.md")
    assert "the ']' at s.md:1:34 closes a bracket that was never opened" in info.value.hint
    assert "unclosed" not in info.value.hint
