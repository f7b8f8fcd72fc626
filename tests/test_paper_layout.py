"""The LaTeX explanation as a paper uses it: every variant (heading levels, numbered, labels,
placements, captions from --title, --cite and --bib for a built-in cell and for a user's cell that
carries its own BibTeX entry, a sweep, the brief form, a template with a sweep) compiles with pdflatex
in a two-column article, with no error, no overfull box and no undefined citation or reference."""
from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from symcount.cli import main

ROOT = Path(__file__).resolve().parent.parent
PGRU = ROOT / "tests" / "data" / "pgru.tex"
DOCUMENT = r"""\documentclass[twocolumn]{article}
\usepackage{amsmath,amssymb,booktabs}
\begin{document}
\section{Results}
Table~\ref{REF} and the cell.
\appendix
\section{Parameter counts}
\input{body}
\bibliographystyle{plain}
\bibliography{refs}
\end{document}
"""

VARIANTS = {
    "lstm-full": ["cell", "lstm", "--bib", "refs.bib"],
    "lstm-brief": ["cell", "lstm", "--brief", "--label", "app:lstm", "--bib", "refs.bib"],
    "lstm-cost": ["cell", "lstm", "--cost", "--set", "T=100", "--set", "B=1", "--heading-level", "2", "--numbered"],
    "lstmp-stacked": ["cell", "lstmp", "--layers", "3", "--bidirectional", "--heading-level", "3"],
    "gru-sweep-top": ["cell", "gru", "--set", "h=128:512:128", "--set", "d=64", "--title", "A GRU",
                      "--placement", "top", "--label", "app:gru", "--bib", "refs.bib"],
    "gru-sweep-here": ["cell", "gru", "--set", "h=128:256:128", "--set", "d=64", "--placement", "here",
                       "--section", "equations,total,table", "--bib", "refs.bib", "--heading-level", "0"],
    "pgru-own-bib": [str(PGRU), "--title", "The pGRU cell", "--bib", "refs.bib", "--label", "app:pgru"],
    "pgru-sections-cite": [str(PGRU), "--section", "equations,total", "--cite", "mykey", "--bib", "refs.bib"],
    "mgu-brief-sweep": ["cell", "mgu", "--brief", "--set", "h=64:256:64", "--set", "d=32", "--bib", "refs.bib"],
}


def _pdflatex():
    exe = shutil.which("pdflatex")
    if exe is None:
        pytest.skip("pdflatex is not installed")
    return exe


def _build(tmp: Path, argv: list[str], capsys) -> str:
    """The explanation written with the command line, compiled twice (with BibTeX between) in a
    two-column article; pdflatex's log."""
    exe = _pdflatex()
    argv = [str(tmp / x) if x == "refs.bib" else x for x in argv]
    code = main(argv[:1] + argv[1:] + ["--format", "latex", "--output", str(tmp / "body.tex")]
                if argv[0] == "cell" else ["derive"] + argv + ["--format", "latex", "--output", str(tmp / "body.tex")])
    assert code == 0, capsys.readouterr().err
    body = (tmp / "body.tex").read_text()
    label = re.search(r"\\label\{([^}]*:(?:parameters|sweep))\}", body)
    (tmp / "doc.tex").write_text(DOCUMENT.replace("REF", label.group(1) if label else "none")
                                 .replace("Table~\\ref{none}", "A table"))
    if not (tmp / "refs.bib").exists():
        (tmp / "refs.bib").write_text("@misc{mykey, title={Mine}, year={2024}}\n")
    elif "mykey" not in (tmp / "refs.bib").read_text():
        (tmp / "refs.bib").write_text((tmp / "refs.bib").read_text() + "\n@misc{mykey, title={Mine}, year={2024}}\n")
    run = dict(cwd=tmp, capture_output=True, text=True, check=False)
    for step in ([exe, "-interaction=nonstopmode", "-halt-on-error", "doc.tex"], ["bibtex", "doc"],
                 [exe, "-interaction=nonstopmode", "-halt-on-error", "doc.tex"],
                 [exe, "-interaction=nonstopmode", "-halt-on-error", "doc.tex"]):
        if step[0] == "bibtex" and shutil.which("bibtex") is None:
            continue
        subprocess.run(step, **run)
    return (tmp / "doc.log").read_text(errors="replace")


@pytest.mark.parametrize("name", sorted(VARIANTS))
def test_each_variant_compiles_in_two_columns_without_an_overfull_box(name, tmp_path, capsys):
    log = _build(tmp_path, VARIANTS[name], capsys)
    assert (tmp_path / "doc.pdf").exists(), log[-2000:]
    assert not re.findall(r"^! .*", log, re.M)
    assert "Overfull" not in log, "\n".join(line for line in log.splitlines() if "Overfull" in line)
    assert not re.findall(r"(Citation|Reference) `[^']*' .*undefined", log)


def _body(argv: list[str], tmp: Path, capsys) -> str:
    assert main(argv + ["--format", "latex", "--output", str(tmp / "out.tex")]) == 0, capsys.readouterr().err
    return (tmp / "out.tex").read_text()


@pytest.mark.parametrize("level,first,second", [(1, r"\section*{", r"\subsection*{"),
                                                (2, r"\subsection*{", r"\subsubsection*{"),
                                                (3, r"\subsubsection*{", r"\paragraph*{")])
def test_heading_levels(level, first, second, tmp_path, capsys):
    body = _body(["cell", "gru", "--heading-level", str(level)], tmp_path, capsys)
    assert body.startswith(first)
    assert second + "Equations}" in body
    numbered = _body(["cell", "gru", "--heading-level", str(level), "--numbered"], tmp_path, capsys)
    assert numbered.startswith(first.replace("*", "")) and "*{" not in numbered


def test_level_zero_has_no_headings(tmp_path, capsys):
    body = _body(["cell", "gru", "--heading-level", "0"], tmp_path, capsys)
    assert not re.search(r"\\(sub)*section|\\paragraph", body)


def test_brief_lstm_is_at_most_25_lines_with_the_families(tmp_path, capsys):
    body = _body(["cell", "lstm", "--brief"], tmp_path, capsys)
    assert len(body.splitlines()) <= 25, body
    assert r"$W_{ii}$, $W_{if}$, $W_{ig}$, $W_{io}$ & $h \times d$ & $4 \times d h$" in body
    assert r"4 h \left(d + h + 2\right)" in body


def test_the_caption_is_the_title_and_the_heading_stays_with_the_table(tmp_path, capsys):
    body = _body(["cell", "gru", "--set", "h=128:256:128", "--set", "d=64", "--title", "A GRU"], tmp_path, capsys)
    assert "\\tablename~\\thetable: A GRU, " in body and "begin{table}" not in body
    top = _body(["cell", "gru", "--set", "h=128:256:128", "--title", "A GRU", "--placement", "top"], tmp_path, capsys)
    assert "\\begin{table}[!tbp]" in top and "\\caption{A GRU: $N" in top and "\\medskip" in top


def test_a_users_cell_cites_its_own_entry_everywhere(tmp_path, capsys):
    bib = tmp_path / "refs.bib"
    body = _body(["derive", str(PGRU), "--section", "equations,total", "--bib", str(bib)], tmp_path, capsys)
    assert r"\cite{author2024pgru}" in body
    assert bib.read_text().startswith("@inproceedings{author2024pgru,\n  author = {Author, A. and Author, B.},")
    renamed = _body(["derive", str(PGRU), "--cite", "pgru24", "--bib", str(tmp_path / "b.bib")], tmp_path, capsys)
    assert r"\cite{pgru24}" in renamed and (tmp_path / "b.bib").read_text().startswith("@inproceedings{pgru24,")


def test_a_template_takes_a_sweep(tmp_path, capsys):
    template = tmp_path / "t.tex.j2"
    template.write_text(r"\VAR{heading}: \VAR{sweep_rows}" + "\n")
    body = _body(["cell", "gru", "--set", "h=128:256:128", "--template", str(template)], tmp_path, capsys)
    assert body.startswith(r"Parameters of gru (pytorch): \begin{tabular}")


def test_bad_paper_options_are_usage_errors(capsys):
    assert main(["cell", "gru", "--format", "latex", "--label", "a b"]) == 2
    assert main(["cell", "gru", "--format", "latex", "--cite", "x y"]) == 2
    assert main(["cell", "gru", "--brief"]) == 2  # text has no layout
    assert "Traceback" not in capsys.readouterr().err
