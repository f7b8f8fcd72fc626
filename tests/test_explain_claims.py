"""Each "why" sentence is true of its equation: a claim that terms are added names terms that the
equation adds, one that they are multiplied elementwise names terms it multiplies elementwise, `W
multiplies x` is a product there; a normalisation's gain scales and its bias is added (never "multiplied
elementwise" for a bias); a parameter a function brings is introduced before its reasons; and the
default explanation is short (an LSTM in at most 60 lines of Markdown), the full one by --detail."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

import symcount
from symcount import api, cells
from symcount.cli import main
from symcount.output import render

ROOT = Path(__file__).resolve().parent.parent
CASES = [f"{n}.{c}" for n in symcount.cell_names() for c in cells.conventions(n)] + \
    [f"file:{p.name}" for p in sorted((ROOT / "examples").glob("*.tex"))] + ["data:pgru.tex"]


def _derive(case: str):
    if case.startswith("file:"):
        return api.derive((ROOT / "examples" / case[5:]).read_text(), name=case[5:])
    if case.startswith("data:"):
        return api.derive((ROOT / "tests" / "data" / case[5:]).read_text(), name=case[5:])
    name, convention = case.split(".")
    return symcount.cell(name, convention=convention)


def _terms(listed: str) -> list[str]:
    """The math of a list written as `$a$, $b$ and $c$`."""
    return re.findall(r"\$([^$]*)\$", listed)


def _chain(terms: list[str], op: str) -> re.Pattern:
    """The terms one after another in an equation, joined by op, each maybe in parentheses."""
    return re.compile(op.join(r"\(?\s*" + re.escape(t) + r"\s*\)?" for t in terms))


def _check(sentence: str, rhs: dict[str, str], p: dict) -> list[str]:
    wrong = []
    for eq, body in re.findall(r"[Ii]n the equation for \$([^$]*)\$, (.*?)(?=, so |; in the equation)", sentence):
        text = rhs[eq]
        for clause in re.split(r", and (?=\$)|, (?=\$[^$]*\$ (?:multiplies|is subtracted))", body):
            if clause.endswith(" are added") or clause.endswith(" are added or subtracted"):
                terms = _terms(clause)
                ok = len(terms) >= 2 and _chain(terms, r"\s*[+-]\s*").search(text)
            elif clause.endswith(" are multiplied elementwise"):
                terms = _terms(clause)
                side_by_side = p.get("cols") == "1" and (  # vectors side by side: (a)(b), or a b
                    len(terms) == 1 and re.search(r"\)(\^\{[^}]*\})?\s*\(", terms[0]) and terms[0] in text or
                    len(terms) >= 2 and _chain(terms, r"\s*").search(text))
                ok = len(terms) >= 2 and _chain(terms, r"\s*\\odot\s*").search(text) or side_by_side
            elif " multiplies " in clause:
                a, b = _terms(clause)
                ok = re.search(re.escape(a) + r"\s*\)?\s*\(?\s*" + re.escape(b), text)  # (G \odot N) W too
            elif " scales each entry of " in clause or " adds a bias to each entry of " in clause:
                f, arg = _terms(clause)
                given = re.search(re.escape(f + "(" + arg) + r",\s*" + re.escape(p["name"]) + r"\s*\)", text)  # RMSNorm(o, g)
                ok = (f + "(" + arg) in text and (" adds a bias" in clause) == p["bias"] and (p["name"] not in text or given)
            else:
                ok = True  # stacking, a diagonal, a function's own weight: not a claim about + or \odot
            if not ok:
                wrong.append(f"{p['name']}: {clause!r} is not so in {eq} = {text}")
    return wrong


@pytest.mark.parametrize("case", CASES)
def test_every_claim_holds_in_its_equation(case):
    ctx = render.context(api.view(_derive(case), explain=True), "latex", render.Layout(detail=True))
    rhs = {e["lhs"]: e["rhs"] for e in ctx["equations"]}
    wrong = [w for p in ctx["parameters"] for r in p["reasons"] for w in _check(r, rhs, p)]
    assert not wrong, "\n".join(wrong[:5])


def test_the_checker_catches_a_false_claim():
    p = {"name": r"\beta", "bias": True, "cols": "1"}
    rhs = {"h": r"\tanh(\operatorname{LN}(W x) + b)"}
    assert _check(r"In the equation for $h$, $\operatorname{LN}(W x)$ are multiplied elementwise, so $b$ has rows.", rhs, p)
    assert _check(r"In the equation for $h$, $W$ multiplies $b$, so $b$ has rows.", rhs, p)
    assert not _check(r"In the equation for $h$, $\operatorname{LN}(W x)$ and $b$ are added, so $b$ has rows.", rhs, p)


def test_a_layer_norms_gain_and_bias_are_introduced_before_their_reasons(capsys):
    assert main(["derive", str(ROOT / "tests" / "data" / "pgru.tex"), "--format", "markdown", "--no-cache"]) == 0
    md = capsys.readouterr().out
    intro = md.index(r"Brought by a function, not written in the equations: $\gamma_{LN,1}$ (gain")
    assert intro < md.index(r"$\gamma_{LN,1}$ is") and r"$\beta_{LN,1}$ (bias" in md
    assert r"$\operatorname{LN}$ adds a bias to each entry of" in md
    assert "multiplied elementwise, so $\\beta" not in md


def test_identical_reasons_are_one_bullet_and_the_lstm_is_short(capsys):
    assert main(["cell", "lstm", "--format", "markdown"]) == 0
    md = capsys.readouterr().out
    assert len(md.splitlines()) <= 60
    assert md.count("The same holds for each of the others") == 3  # W_i*, the biases, W_h*
    assert "$b_{ii}$, $b_{hi}$, $b_{if}$, $b_{hf}$, $b_{ig}$, $b_{hg}$, $b_{io}$ and $b_{ho}$ are $h \\times 1$" in md
    assert main(["cell", "lstm", "--format", "markdown", "--detail"]) == 0
    full = capsys.readouterr().out
    assert "Per equation" in full and "```bibtex" in full and full.count(" is $h \\times 1$.") == 8
