"""Paper-sized LaTeX (--section, --title, --bib with \\cite), `list --format`, the one-line repr,
and `--help`: each LaTeX variant is compiled with pdflatex (and bibtex)."""
from __future__ import annotations

import io
import json
import shutil
import subprocess
from contextlib import redirect_stderr, redirect_stdout

import pytest

import symcount
from symcount.cli import build_parser, main
from tests.conftest import ROOT
from tests.helpers_render import katex_errors, markdown_math_spans, pdflatex_compile
from tests.oracles import missing


def cli(argv) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main(argv)
    return code, out.getvalue(), err.getvalue()


PREAMBLE = "\\documentclass{article}\n\\usepackage{amsmath}\n\\usepackage{amssymb}\n\\usepackage{booktabs}\n\\begin{document}\n"


@pytest.mark.parametrize("sections", ["description", "equations", "parameters", "why", "subtotals", "total",
                                      "reference", "equations,total", "parameters,total,reference", "cost",
                                      "total,cost", "equations,total,table"])
def test_each_section_alone_and_together_compiles(sections, tmp_path):
    argv = ["cell", "gru", "--format", "latex", "--section", sections, "--set", "d=512", "--set", "h=256"]
    if "cost" in sections:
        argv += ["--cost", "--set", "T=100", "--set", "B=1"]
    if "table" in sections:  # the table over a swept size, inside the explanation
        argv[-1] = "h=128:512:128"
    code, tex, err = cli(argv)
    assert code == 0, err
    heads = {"equations": "Equations", "parameters": "Parameters", "why": "Why each shape", "subtotals": "Per equation",
             "total": "Total", "table": "Over the sizes swept", "cost": "Cost", "reference": "Reference"}
    for name, head in heads.items():
        assert (f"\\subsection*{{{head}}}" in tex) == (name in sections.split(",")), name
    assert ("Gated recurrent unit" in tex) == ("description" in sections.split(","))
    if "table" in sections:
        assert "\\toprule" in tex and "1{,}575{,}936" in tex  # h=512, d=512
    pdflatex_compile(PREAMBLE + tex + "\\end{document}\n", tmp_path)


def test_sections_in_markdown_and_the_title(tmp_path):
    code, md, _ = cli(["cell", "lstm", "--format", "markdown", "--section", "equations", "--section", "total",
                       "--title", "The LSTM of Table 2"])
    assert code == 0 and md.startswith("# The LSTM of Table 2\n") and "## Why each shape" not in md
    assert "## Equations" in md and "## Total" in md and katex_errors(markdown_math_spans(md)) == []


@pytest.mark.parametrize("argv, message", [
    (["cell", "gru", "--format", "latex", "--section", "summary"], "unknown section 'summary'"),
    (["cell", "gru", "--format", "latex", "--section", "cost"], "add --cost"),
    (["cell", "gru", "--section", "total"], "apply to an explanation"),
    (["cell", "gru", "--format", "latex", "--section", "total,table"], "no size is swept"),
    (["derive", str(ROOT / "examples" / "lstm.tex"), "--format", "latex", "--section", "description"],
     "this cell has no description"),
    (["derive", str(ROOT / "examples" / "lstm.tex"), "--format", "latex", "--bib", "refs.bib"], "has no BibTeX entry"),
    (["cell", "gru", "--format", "markdown", "--bib", "refs.bib"], "apply to a LaTeX explanation"),
    (["cell", "gru", "--format", "latex", "--bib", "refs.txt"], "ending in .bib"),
])
def test_paper_options_used_wrongly(argv, message, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, _, err = cli(argv)
    assert code == 2 and message in err and "Traceback" not in err
    assert not (tmp_path / "refs.bib").exists()


def test_cite_with_bib_file_compiles_with_bibtex(tmp_path, monkeypatch):
    bibtex = shutil.which("bibtex")
    if bibtex is None:
        missing("bibtex", "no `bibtex` on PATH (Debian package texlive-binaries)")
    monkeypatch.chdir(tmp_path)
    (tmp_path / "refs.bib").write_text("@misc{other,\n  title = {Kept},\n  year = {2020}\n}\n", encoding="utf-8")
    for cell in ("gru", "lstm", "gru"):  # gru twice: its entry is written once
        code, _, err = cli(["cell", cell, "--format", "latex", "--standalone", "--bib", "refs.bib", "--section",
                            "total,reference", "--output", f"{cell}.tex"])
        assert code == 0, err
    bib = (tmp_path / "refs.bib").read_text(encoding="utf-8")
    assert bib.count("@inproceedings{cho2014,") == 1 and "hochreiter1997" in bib and "@misc{other," in bib
    tex = (tmp_path / "gru.tex").read_text(encoding="utf-8")
    assert "\\cite{cho2014}" in tex and "\\bibliography{refs}" in tex and "verbatim" not in tex
    for step in (["pdflatex", "-interaction=nonstopmode", "gru.tex"], [bibtex, "gru"],
                 ["pdflatex", "-interaction=nonstopmode", "gru.tex"], ["pdflatex", "-interaction=nonstopmode", "gru.tex"]):
        proc = subprocess.run(step, cwd=tmp_path, capture_output=True, text=True, timeout=900, stdin=subprocess.DEVNULL)
        assert proc.returncode == 0, proc.stdout[-2000:]
    log = (tmp_path / "gru.log").read_text(errors="replace")
    assert "Citation `cho2014' on page 1 undefined" not in log and "There were undefined references" not in log
    assert "\\bibitem{cho2014}" in (tmp_path / "gru.bbl").read_text()


def test_a_fragment_cites_and_the_bibliography_name_is_relative_to_the_output(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "paper").mkdir()
    code, _, err = cli(["cell", "lstm", "--format", "latex", "--standalone", "--bib", "refs.bib",
                        "--output", "paper/lstm.tex"])
    assert code == 0, err
    assert "\\bibliography{../refs}" in (tmp_path / "paper" / "lstm.tex").read_text(encoding="utf-8")
    code, tex, _ = cli(["cell", "lstm", "--format", "latex", "--bib", "refs.bib"])
    assert "\\cite{hochreiter1997}" in tex and "\\bibliography" not in tex


def test_sweep_tables_state_the_fixed_sizes_in_a_booktabs_caption(tmp_path):
    code, tex, _ = cli(["cell", "lstm", "--set", "d=512", "--set", "h=128:512:128", "--layers", "2",
                        "--format", "latex", "--standalone"])
    assert code == 0
    assert "\\caption{Parameters of lstm (pytorch), 2 layers, at $d = 512$: $N = " in tex
    assert "\\toprule" in tex and "\\bottomrule" in tex and "512 & 6{,}299{,}648" not in tex
    pdflatex_compile(tex, tmp_path)


def test_list_formats():
    code, text, _ = cli(["list"])
    assert code == 0 and text.startswith(symcount.cell_names()[0] + " ")
    code, out, _ = cli(["list", "--format", "json"])
    entries = json.loads(out)
    lstm = [e for e in entries if e["name"] == "lstm"]
    assert [e["option"] for e in lstm] == ["pytorch", "keras"]
    assert lstm[0]["factored"] == "4*h*(d + h + 2)" and lstm[1]["factored"] == "4*h*(d + h + 1)"
    assert lstm[0]["dims"] == {"d": "input size", "h": "hidden size"}
    for e in entries:  # the formula is the cell's own count
        d = symcount.cell(e["name"], convention=e["option"])
        assert e["total"] == str(d.cell_total).replace(" ", "") or e["total"] == _sstr(d.cell_total)
    code, md, _ = cli(["list", "--format", "markdown"])
    assert md.count("\n") == len(entries) + 2 and katex_errors(markdown_math_spans(md)) == []


def _sstr(expr) -> str:
    import sympy
    return sympy.sstr(expr, order="lex")


def test_repr_is_one_line():
    d = symcount.cell("lstm", layers=2, bidirectional=True)
    assert repr(d) == "<Derivation lstm (pytorch): 8*h*(d + 4*h + 4), 16 tensors, 2 layers, bidirectional>"
    with open("examples/gru.tex", encoding="utf-8") as f:
        user = symcount.derive(f.read(), name="gru.tex", bias=False).bind(d_h=3)
    assert repr(user) == "<Derivation gru.tex: 3*d_h*(d_h + d_x), 6 tensors, no bias; d_h=3>"
    assert "\n" not in repr(user) and d.total_latex == "8 d h + 32 h^{2} + 32 h" and "\\left(" in d.factored_latex


def test_help_shows_the_sweep_syntax():
    parser = build_parser()
    sub = parser._subparsers._group_actions[0].choices
    for name in ("derive", "cell"):
        text = sub[name].format_help()
        assert "NAME=START:STOP[:STEP]" in text and "NAME=A,B,C" in text
