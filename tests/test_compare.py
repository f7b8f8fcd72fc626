"""compare: the counts of several cells side by side. The table's numbers equal Derivation.evaluate;
the LaTeX table compiles, the Markdown renders in KaTeX, the CSV round-trips; match's tables too."""
from __future__ import annotations

import csv
import dataclasses
import io
import json
import shutil
import subprocess
from fractions import Fraction
from functools import lru_cache

import pytest
from hypothesis import given
from hypothesis import strategies as st

import symcount
from tests.modern_layers import BUILDERS as MODERN
from symcount import api
from symcount.measure import poly as P
from symcount.cli import main
from symcount.errors import UsageError
from tests.fuzzing import fuzz
from tests.helpers_render import katex_errors, markdown_math_spans, pdflatex_compile
from tests.oracles import missing


def cli(argv, capsys):
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


@lru_cache(maxsize=None)
def derivation(name: str, layers: int, bidirectional: bool, bias: bool):
    return symcount.cell(name, layers=layers, bidirectional=bidirectional, bias=bias)


# the cells of d and h (the modern layers name their sizes as their papers do, and map d to d: they
# do not stack bidirectionally; test_modern_cells.py checks them)
CLASSIC = [n for n in symcount.cell_names() if n not in MODERN]

# ---- the numbers ---------------------------------------------------------------------------------------
@fuzz(60)
@given(st.lists(st.sampled_from(CLASSIC), min_size=1, max_size=4, unique=True),
       st.integers(1, 3), st.booleans(), st.booleans(),
       st.lists(st.integers(1, 5000), min_size=1, max_size=4, unique=True), st.integers(1, 5000),
       st.one_of(st.none(), st.integers(1, 300)))
def test_the_table_equals_evaluate(names, layers, bidirectional, bias, hs, d, p):
    sizes = {"h": hs, "d": d} | ({"p": p} if p is not None else {})
    if p is not None and "lstmp" not in names:
        with pytest.raises(UsageError, match="no cell has a dimension 'p'"):
            symcount.compare(names, sizes, layers=layers, bidirectional=bidirectional, bias=bias)
        return
    c = symcount.compare(names, sizes, layers=layers, bidirectional=bidirectional, bias=bias)
    assert [r.sizes for r in c.rows] == [{"h": h} for h in hs] and c.fixed == {"d": d} | ({"p": p} if p else {})
    for i, name in enumerate(names):
        der = derivation(name, layers, bidirectional, bias)
        dims = set(der.counts.dims)
        for r in c.rows:
            given_ = {k: v for k, v in {**c.fixed, **r.sizes}.items() if k in dims}
            if dims <= set(given_):
                assert r.counts[i] == der.evaluate(**given_)
            else:  # lstmp without p: the formula left
                assert r.counts[i] == P.to_str(P.partial(der.stacked.total, given_))


def test_the_command_line_table_equals_evaluate(capsys):
    code, out, err = cli(["compare", "lstm", "gru", "lstmp", "mingru", "--set", "d=512", "--set", "h=128:1024:128",
                          "--set", "p=64", "--layers", "2", "--bidirectional", "--format", "json"], capsys)
    assert code == 0
    data = json.loads(out)
    assert [c["label"] for c in data["cells"]] == ["lstm", "gru", "lstmp", "mingru"]
    assert data["fixed"] == {"d": 512, "p": 64} and data["swept"] == ["h"]
    for row in data["rows"]:
        h = row["sizes"]["h"]
        for name, count in row["counts"].items():
            sizes = {"d": 512, "h": h} | ({"p": 64} if name == "lstmp" else {})
            assert count == derivation(name, 2, True, True).evaluate(**sizes)
    assert data["notes"] == ["lstm, gru, mingru have no dimension p: --set p applies to lstmp"]
    assert err == "symcount: note: lstm, gru, mingru have no dimension p: --set p applies to lstmp\n"


def test_text(capsys):
    code, out, _ = cli(["compare", "lstm", "gru", "--set", "d=512", "--set", "h=256,512"], capsys)
    assert code == 0
    assert out == ("parameters at d=512\n"
                   "  lstm: 4*h*(d + h + 2)\n"
                   "  gru:  3*h*(d + h + 2)\n\n"
                   "h    lstm     gru\n"
                   "---  -------  -------\n"
                   "256  788480   591360\n"
                   "512  2101248  1575936\n")


def test_a_file_and_a_cell(lstm_path, capsys):
    """A FILE has its own dimension names: a --set applies to the cells that have it."""
    code, out, _ = cli(["compare", "lstm", str(lstm_path), "--set", "d=512", "--set", "h=256", "--set", "d_x=512",
                        "--set", "d_h=128,256", "--format", "csv"], capsys)
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r[str(lstm_path)] for r in rows] == [str(symcount.derive(lstm_path.read_text()).evaluate(d_x=512, d_h=h))
                                                 for h in (128, 256)]
    assert {r["lstm"] for r in rows} == {"788480"}


@pytest.mark.parametrize("arg, is_file", [
    ("lstm", False), ("gru-v1", False), ("lstm.tex", True), ("examples/lstm.tex", True), ("./lstm", True),
    ("-", True), ("mine.md", True), ("lsmt", False),
])
def test_a_file_or_a_cell(arg, is_file):
    assert api.is_file(arg) is is_file


def test_an_existing_file_without_a_suffix_is_a_file(tmp_path, monkeypatch, lstm_tex):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "mycell").write_text(lstm_tex, encoding="utf-8")
    assert api.is_file("mycell") and not api.is_file("lstm")
    c = symcount.compare(["mycell", "lstm"], {"d_x": 3, "d_h": 4, "d": 3, "h": 4})
    assert c.rows[0].counts == (c.rows[0].counts[1],) * 2 == (symcount.cell("lstm").evaluate(d=3, h=4),) * 2


def test_standard_input(capsys, monkeypatch, lstm_tex):
    monkeypatch.setattr("sys.stdin", io.StringIO(lstm_tex))
    code, out, _ = cli(["compare", "-", "lstm", "--set", "d_x=8", "--set", "d_h=4", "--set", "d=8", "--set", "h=4",
                        "--format", "csv"], capsys)
    assert code == 0 and out.splitlines() == ["d_x,d_h,d,h,<stdin>,lstm", "8,4,8,4,224,224"]


@pytest.mark.parametrize("argv, message", [
    (["compare", "lstm", "gru", "--set", "q=3"], "no cell has a dimension 'q'; their dimensions are: d, h"),
    (["compare", "lstm", "lstm"], "lstm is given twice"),
    (["compare", "lstm", "--set", "h=0"], "must be a positive whole number"),
    (["compare", "lstm", "--set", "h=1,0"], "must be a positive whole number"),
    (["compare", "lstm", "nope.tex"], "cannot read nope.tex"),
    (["compare", "lstm", "lsmt"], "unknown cell 'lsmt'"),
    (["compare", "-", "-"], "standard input (-) can be read once"),
    (["compare", "lstm", "--set", "h=1:3", "--format", "csv", "--standalone"], "--standalone applies to LaTeX"),
    (["compare", "lstm", "--set", "h=1:3", "--plot", "x.svg"], "--plot needs numbers: lstm has no size for d"),
    (["compare", "lstm", "--set", "h=1:3", "--set", "d=1,2", "--plot", "x.svg"], "2 are swept (h, d)"),
    (["compare", "lstm", "--set", "h=1:3", "--set", "d=2", "--plot", "x.txt"], "--plot writes .svg, .png or .pdf"),
])
def test_errors(argv, message, capsys):
    code, out, err = cli(argv, capsys)
    assert code == 2 and out == "" and message in err, err


def test_a_size_some_cell_cannot_take(tmp_path, capsys):
    path = tmp_path / "hd.tex"
    path.write_text(r"$W \in \mathbb{R}^{(h-d) \times d}$, $x_t \in \mathbb{R}^d$ $$ h_t = \tanh(W x_t) $$",
                    encoding="utf-8")
    code, _, err = cli(["compare", "lstm", str(path), "--set", "d=5", "--set", "h=4:8"], capsys)
    assert code == 2 and "with d=5, h=4, the number of rows of W would be -1" in err


# ---- the formats -----------------------------------------------------------------------------------------
def require_booktabs() -> None:
    """The tables use booktabs (Debian: texlive-latex-recommended): skip without it, fail in CI."""
    kpsewhich = shutil.which("kpsewhich")
    found = kpsewhich and subprocess.run([kpsewhich, "booktabs.sty"], capture_output=True, text=True).stdout.strip()
    if not found:
        missing("booktabs", "kpsewhich finds no booktabs.sty (Debian package texlive-latex-recommended)")


def test_latex_compiles(tmp_path, capsys):
    """booktabs, the fixed sizes in the caption; a file's name with LaTeX's specials; a formula cell."""
    require_booktabs()
    odd = tmp_path / "my_cell#1 & co.tex"
    odd.write_text(symcount.cells.load("gru").text, encoding="utf-8")
    code, tex, _ = cli(["compare", "lstm", "lstmp", str(odd), "--set", "d=512", "--set", "p=64",
                        "--set", "h=128:512:128", "--format", "latex", "--standalone", "--layers", "2"], capsys)
    assert code == 0
    assert "\\toprule" in tex and "\\caption{Parameters at $d = 512$, $p = 64$ (lstmp); 2 layers:" in tex
    assert "my\\_cell\\#1 \\& co.tex" in tex
    pdflatex_compile(tex, tmp_path)
    assert "booktabs.sty" in (tmp_path / "main.log").read_text(errors="replace")
    code, fragment, _ = cli(["compare", "lstm", "gru", "--set", "h=128,256", "--format", "latex"], capsys)
    assert code == 0 and "$512 d + 66560$" in fragment  # d not given: the formula in d, as math
    doc = "\\documentclass{article}\n\\usepackage{booktabs}\n\\begin{document}\n" + fragment + "\\end{document}\n"
    (tmp_path / "fragment").mkdir()
    pdflatex_compile(doc, tmp_path / "fragment")


def test_markdown_renders_in_katex(capsys):
    code, md, _ = cli(["compare", "lstm", "gru", "lstmp", "examples/lstm.tex", "--set", "d=512", "--set", "p=64",
                       "--set", "h=128:512:128", "--format", "markdown", "--no-bias"], capsys)
    assert code == 0
    assert md.startswith("Parameters at $d = 512$ (lstm, gru, lstmp), $p = 64$ (lstmp); no bias.\n\n"
                         "| $h$ | lstm | gru | lstmp | examples/lstm.tex |")
    assert "| 256 | 786,432 | 589,824 | 606,208 | $4 d_{h}^{2} + 4 d_{h} d_{x}$ |" in md  # a formula is math
    assert "- lstm: $4 h \\left(d + h\\right)$" in md and "- examples/lstm.tex: $4 d_{h} \\left(d_{h} + d_{x}\\right)$" in md
    spans = markdown_math_spans(md)
    assert len(spans) == 11 and katex_errors(spans) == []


def test_csv_round_trips(capsys):
    c = symcount.compare(["lstm", "gru", "lstmp"], {"d": 512, "h": range(128, 1025, 128), "p": [32, 64]}, layers=3)
    text = api.table(c, "csv")
    back = list(csv.DictReader(io.StringIO(text)))
    assert back == [{k: str(v) for k, v in row.items()} for row in c.to_rows()]
    assert list(back[0]) == ["d", "h", "p", "lstm", "gru", "lstmp"] and len(back) == 16
    assert [int(r["lstmp"]) for r in back[:2]] == [derivation("lstmp", 3, False, True).evaluate(d=512, h=128, p=p)
                                                   for p in (32, 64)]


def test_match_tables(tmp_path, capsys):
    require_booktabs()
    argv = ["match", "gru", "--set", "d=512", "--to", "lstm", "--set", "h=128:512:128"]
    code, md, _ = cli(argv + ["--format", "markdown"], capsys)
    assert code == 0 and "| 256 | 788,480 | 316 | 786,840 | -0.21% | 316 | 786,840 | -0.21% |" in md
    assert katex_errors(markdown_math_spans(md)) == []
    code, tex, _ = cli(argv + ["--format", "latex", "--standalone"], capsys)
    assert code == 0 and "256 & 788{,}480 & 316 & 786{,}840 & -0.21\\% &" in tex
    pdflatex_compile(tex, tmp_path)
    code, text, _ = cli(argv + ["--format", "csv"], capsys)
    m = symcount.match("gru", {"d": 512}, to="lstm", to_sizes={"h": range(128, 513, 128)})
    back = list(csv.DictReader(io.StringIO(text)))
    assert back == [{k: "" if v is None else str(v) for k, v in row.items()} for row in m.to_rows()]
    assert [int(r["nearest_h"]) for r in back] == [162, 316, 468, 618]


# ---- the Python API ---------------------------------------------------------------------------------------
def test_api_results_are_plain_frozen_dataclasses():
    c = symcount.compare(["lstm", "gru"], {"d": 512, "h": [128, 256]})
    m = symcount.match("gru", {"d": 512}, budget="788480")
    for obj in (c, c.rows[0], c.columns[0], m, m.rows[0], m.at_most):
        assert dataclasses.is_dataclass(obj)
        with pytest.raises(dataclasses.FrozenInstanceError):
            obj.layers = 3
    assert c.to_rows() == [{"d": 512, "h": 128, "lstm": 328704, "gru": 246528},
                           {"d": 512, "h": 256, "lstm": 788480, "gru": 591360}]
    assert (m.dimension, m.at_most.size, m.at_most.count, m.nearest.size) == ("h", 316, 786840, 316)
    assert m.at_most.relative_gap == Fraction(-1640, 788480)  # exact
    assert m.to_rows()[0]["at_most_h"] == 316 and m.to_rows()[0]["budget"] == 788480
    with pytest.raises(UsageError, match="either a budget or a cell to match"):
        symcount.match("gru", {"d": 512})
    with pytest.raises(UsageError, match="a sequence of them"):
        symcount.compare(["lstm"], {"h": "big"})


# ---- --as: a user's size names given as the built-ins' ----------------------------------------------------
PGRU = r"""Let $x_t \in \mathbb{R}^n$ and $h_t \in \mathbb{R}^m$.
\[
\begin{aligned}
z_t &= \sigma(W_z x_t + U_z h_{t-1} + b_z) \\
r_t &= \sigma(W_r x_t + U_r h_{t-1} + b_r) \\
\tilde h_t &= \tanh(W_h x_t + U_h (r_t \odot h_{t-1}) + b_h) \\
h_t &= (1 - z_t) \odot h_{t-1} + z_t \odot \tilde h_t
\end{aligned}
\]
"""


@pytest.fixture()
def pgru(tmp_path):
    path = tmp_path / "pgru.tex"
    path.write_text(PGRU)
    return str(path)


@pytest.mark.parametrize("layers,bidirectional", [(1, False), (2, True)])
def test_as_lines_the_rows_up_with_the_unmapped_counts(pgru, layers, bidirectional):
    hs, d = [8, 16, 100], 12
    stack = dict(layers=layers, bidirectional=bidirectional)
    c = symcount.compare([pgru, "gru", "lstm"], {"h": hs, "d": d}, rename={"m": "h", "n": "d"}, **stack)
    mine = symcount.derive(PGRU, **stack)
    assert set(mine.counts.dims) == {"m", "n"}
    assert c.columns[0].dims == ("d", "h") and c.columns[0].renamed == {"m": "h", "n": "d"}
    assert not any("no dimension" in n for n in c.notes)
    for r in c.rows:
        h = r.sizes["h"]
        assert r.counts == (mine.evaluate(m=h, n=d), derivation("gru", layers, bidirectional, True).evaluate(h=h, d=d),
                            derivation("lstm", layers, bidirectional, True).evaluate(h=h, d=d))
    # without --as the rows cross: the file's count does not follow h
    crossed = symcount.compare([pgru, "gru"], {"h": hs, "d": d, "m": 8, "n": d}, **stack)
    assert len({r.counts[0] for r in crossed.rows}) == 1


def test_as_in_match_and_on_the_command_line(pgru, capsys):
    m = symcount.match(pgru, {"d": 4}, to="gru", to_sizes={"h": 16}, rename={"m": "h", "n": "d"})
    mine = symcount.derive(PGRU)
    assert m.dimension == "h" and m.rows[0].budget == derivation("gru", 1, False, True).evaluate(h=16, d=4)
    assert m.at_most.count == mine.evaluate(m=m.at_most.size, n=4) <= m.rows[0].budget
    assert mine.evaluate(m=m.at_most.size + 1, n=4) > m.rows[0].budget
    code, out, err = cli(["compare", pgru, "gru", "--as", "m=h", "--as", "n=d", "--set", "h=8,16", "--set", "d=4"],
                         capsys)
    assert code == 0 and err == ""
    assert "(its m as h, n as d)" in out
    assert [line.split() for line in out.splitlines()[-2:]] == [["8", str(mine.evaluate(m=8, n=4)), "336"],
                                                                 ["16", str(mine.evaluate(m=16, n=4)), "1056"]]
    code, out, _ = cli(["compare", pgru, "gru", "--as", "m=h", "--as", "n=d", "--set", "h=8", "--set", "d=4",
                        "--format", "json"], capsys)
    assert json.loads(out)["cells"][0]["renamed"] == {"m": "h", "n": "d"}


@pytest.mark.parametrize("argv,message", [
    (["{f}", "gru", "--as", "q=h"], "no cell has a dimension 'q'"),
    (["{f}", "gru", "--as", "m=hh"], "no other cell has a dimension 'hh'"),
    (["{f}", "gru", "--as", "m=h", "--as", "n=h"], "two dimensions of"),
    (["lstmp", "gru", "--as", "p=h"], "lstmp already has a dimension 'h'"),
    (["{f}", "gru", "--as", "m"], "--as takes NAME=BUILTIN"),
    (["{f}", "gru", "--as", "m=h", "--as", "m=d"], "--as m is given twice"),
    (["{f}", "gru", "--as", "m=m"], "renames nothing"),
    (["{f}", "--as", "m=h w"], "is not a size name"),
])
def test_as_refusals_exit_2(pgru, argv, message, capsys):
    args = [a.replace("{f}", pgru) for a in argv]
    code, out, err = cli(["compare"] + args, capsys)
    assert code == 2 and out == "" and message in err and "Traceback" not in err, (args, err)
    if args[1] == "gru":  # match against the same cell: the same refusal
        code, out, err = cli(["match", args[0], "--to", "gru"] + args[2:], capsys)
        assert code == 2 and out == "" and message in err and "Traceback" not in err, (args, err)
    with pytest.raises(UsageError, match=message.replace("(", r"\(")):
        symcount.compare([a for a in args if not a.startswith("-") and "=" not in a and a != "m"],
                         rename=[a for a in args[args.index("--as"):] if a != "--as"])
