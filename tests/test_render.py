"""Markdown and LaTeX explanations (symcount/render.py, templates/).

Golden files: tests/golden/<case>.md and <case>.tex hold the exact output for the cases in GOLDEN.
After an intended change of the output, regenerate them and review the diff:

    SYMCOUNT_REGEN_GOLDEN=1 python -m pytest tests/test_render.py -k golden
    git diff tests/golden/
"""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

import symcount
from tests.helpers_render import _blank_code_fences, katex_errors, markdown_math_spans, pdflatex_compile
from symcount import api, cells
from symcount.errors import Record, replace
from symcount.output import escape, render, typeset
from symcount.cli import main
from symcount.read.parse import parse

ROOT = Path(__file__).resolve().parent.parent
GOLDEN_DIR = Path(__file__).resolve().parent / "golden"
REGEN = bool(os.environ.get("SYMCOUNT_REGEN_GOLDEN"))
EXAMPLES = sorted(p.stem for p in (ROOT / "examples").glob("*.tex"))
BUILTIN = [f"{n}.{c}" for n in symcount.cell_names() for c in cells.conventions(n)]

# case -> (example, options, bindings)
GOLDEN = {
    "lstm": ("lstm", {"layers": 2, "bidirectional": True}, {"d_x": 512, "d_h": 256}),
    "gru": ("gru", {}, {}),
}
FORMATS = {"markdown": "md", "latex": "tex"}


def example(stem: str, **options) -> symcount.Derivation:
    path = ROOT / "examples" / f"{stem}.tex"
    return symcount.derive(path.read_text(encoding="utf-8"), name=f"examples/{stem}.tex", **options)


def any_case(case: str) -> symcount.Derivation:
    """An example or a built-in cell, stacked when the cell allows it, every dimension bound."""
    if case in EXAMPLES:
        make = lambda **o: example(case, **o)  # noqa: E731
    else:
        name, convention = case.rsplit(".", 1)
        make = lambda **o: symcount.cell(name, convention=convention, **o)  # noqa: E731
    try:
        d = make(layers=2, bidirectional=True)
    except symcount.UsageError:  # a cell that cannot stack: the layer alone
        d = make()
    return d.bind(**{name: 1024 + i for i, name in enumerate(d.symbols)})


# ---- golden files -------------------------------------------------------------------------------
@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("case", GOLDEN)
def test_golden(case, fmt):
    stem, options, bindings = GOLDEN[case]
    out = api.render(example(stem, **options).bind(**bindings), fmt)
    path = GOLDEN_DIR / f"{case}.{FORMATS[fmt]}"
    if REGEN:
        GOLDEN_DIR.mkdir(exist_ok=True)
        path.write_bytes(out.encode("utf-8"))
    assert out.encode("utf-8") == path.read_bytes(), f"{path} differs (see this module's docstring)"


def test_same_bytes_under_another_hash_seed():
    argv = [sys.executable, "-m", "symcount", "derive", "examples/gru.tex", "--format", "latex"]
    outs = [subprocess.run(argv, cwd=ROOT, capture_output=True, check=True,
                           env={**os.environ, "PYTHONHASHSEED": seed}).stdout for seed in ("1", "2")]
    assert outs[0] == outs[1] == (GOLDEN_DIR / "gru.tex").read_bytes()


# ---- every example and every built-in cell: KaTeX renders, pdflatex compiles -------------------
@pytest.mark.parametrize("case", EXAMPLES + BUILTIN)
def test_markdown_math_renders_with_katex(case):
    spans = markdown_math_spans(api.render(any_case(case), "markdown"))
    assert spans
    assert katex_errors(spans) == []


@pytest.mark.parametrize("case", EXAMPLES + BUILTIN)
def test_standalone_latex_compiles(case, tmp_path):
    pdflatex_compile(api.render(any_case(case), "latex", standalone=True), tmp_path)


# ---- content ------------------------------------------------------------------------------------
LSTM_REASONS = {
    ("W_{hi}", "rows"): r"In the equation for $i_t$, $W_{ii} x_t$, $b_{ii}$ and $W_{hi} h_{t-1}$ are added, "
                        r"so $W_{hi}$ has as many rows as $i_t$: $d_{h}$.",
    ("W_{hi}", "cols"): r"In the equation for $i_t$, $W_{hi}$ multiplies $h_{t-1}$, so $W_{hi}$ has as many "
                        r"columns as $h_{t-1}$ has rows: $d_{h}$.",
    ("W_{ii}", "cols"): r"In the equation for $i_t$, $W_{ii}$ multiplies $x_t$, so $W_{ii}$ has as many "
                        r"columns as $x_t$ has rows: $d_{x}$.",
    ("b_{ii}", "cols"): r"In the equation for $i_t$, $W_{ii} x_t$ and $b_{ii}$ are added, so $b_{ii}$ has $1$ column.",
}


@pytest.mark.parametrize("key, sentence", LSTM_REASONS.items())
def test_reason_for_each_dimension(key, sentence):
    ctx = render.context(api.view(example("lstm"), explain=True), "markdown")
    p = next(p for p in ctx["parameters"] if p["name"] == key[0])
    assert p[f"{key[1]}_reason"] == sentence


@pytest.mark.parametrize(
    "text, name, which, sentence",
    [
        # a transposed weight: its rows meet the rows of x_t
        (r"$$ h_t = \tanh(W^\top x_t + U h_{t-1}) $$", "W", "rows",
         r"In the equation for $h_t$, $W^\top$ multiplies $x_t$, so $W$ has as many rows as $x_t$ has rows: $d_{x}$."),
        # the row-vector form: W's columns are h_t's rows
        (r"$$ h_t = \tanh(x_t^\top W + h_{t-1}^\top U)^\top $$", "W", "cols",
         r"In the equation for $h_t$, $x_t^\top W$ and $h_{t-1}^\top U$ are added, so $W$ has as many columns "
         r"as $h_t$ has rows: $d_{h}$."),
        # a stacked input: the columns add up
        (r"$$ h_t = \tanh(W [h_{t-1}; x_t]) $$", "W", "cols",
         r"In the equation for $h_t$, $W$ multiplies $[h_{t-1}, x_t]$, so $W$ has as many columns as "
         r"$[h_{t-1}, x_t]$ has rows: $d_{h} + d_{x}$."),
        # a declaration agrees
        (r"$$ h_t = \tanh(W x_t) \quad W \in \mathbb{R}^{h \times d} $$", "W", "cols",
         r"In the equation for $h_t$, $W$ multiplies $x_t$, so $W$ has as many columns as $x_t$ has rows: $d$, "
         r"as declared ($\mathbb{R}^{h \times d}$)."),
        (r"$$ h_t = \alpha h_{t-1} + x_t \quad \alpha \in \mathbb{R} $$", r"\alpha", "reasons",
         r"$\alpha$ is declared a scalar: it has one entry."),
    ],
)
def test_reason_in_other_forms(text, name, which, sentence):
    p = next(p for p in render.context(api.view(symcount.derive(text), explain=True), "markdown")["parameters"] if p["name"] == name)
    assert (p["reasons"][0] if which == "reasons" else p[f"{which}_reason"]) == sentence


def test_builtin_cell_has_reference_and_bibtex():
    with_bib = [c for c in BUILTIN if cells.load(*c.rsplit(".", 1)).bibtex]
    if not with_bib:
        pytest.skip("no built-in cell has a BibTeX entry yet")
    name, convention = with_bib[0].rsplit(".", 1)
    info = cells.load(name, convention)
    d = symcount.cell(name, convention=convention)
    full = render.Layout(detail=True)  # the BibTeX entry is a detail: by default the reference's text alone
    md, tex = (render.render(api.view(d, explain=True), f, layout=full) for f in ("markdown", "latex"))
    assert "```bibtex" not in api.render(d, "markdown")
    key = re.match(r"@\w+\s*\{\s*([^,\s]+)", info.bibtex).group(1)
    assert "## Reference" in md and "```bibtex\n@" in md and key in md
    assert "\\subsection*{Reference}" in tex and "\\begin{verbatim}\n@" in tex and key in tex


@pytest.mark.parametrize(
    "n, markdown, latex",
    [(0, "0", "0"), (999, "999", "999"), (1000, "1,000", "1{,}000"), (3153920, "3,153,920", "3{,}153{,}920")],
)
def test_thousands_separators(n, markdown, latex):
    assert (render.number(n, "markdown"), render.number(n, "latex")) == (markdown, latex)


def test_partial_bindings_show_the_formula():
    ctx = render.context(api.view(example("lstm").bind(d_h=2), explain=True), "markdown")
    assert ctx["value"] is None and ctx["value_text"] == ""
    assert ctx["partial"] == r"8 d_{x} + 32"


def _shape(node):
    """A node without spans, functions by name only: what re-typesetting must keep."""
    if isinstance(node, tuple):
        return tuple(_shape(x) for x in node)
    if not isinstance(node, Record):
        return node
    fields = {name: getattr(node, name) for name in node._fields if name not in ("span", "text")}
    if "func" in fields:
        fields["func"] = escape.func_tex(fields["func"])
    return (type(node).__name__, {k: _shape(v) for k, v in fields.items()})


@pytest.mark.parametrize("case", EXAMPLES + BUILTIN)
def test_retypeset_equations_read_back_the_same(case):
    d = any_case(case)
    ctx = render.context(api.view(d, explain=True), "latex")
    text = "\n".join(f"$$ {e['lhs']} = {e['rhs']} $$" for e in ctx["equations"])
    text += "\n".join(f"\n$$ {x} $$" for x in ctx["declarations"])
    again = parse(text)
    original = d.shapes.cell
    assert _shape(again.equations) == _shape(original.equations)
    assert _shape(again.declarations) == _shape(original.declarations)


# ---- long chains: a sum of thousands of terms is a left spine thousands of nodes deep ----------
def _recursive_tex(n, need=0):
    """typeset.expr_tex by its recursive definition (as it was before it walked chains in a loop)."""
    from symcount.read import nodes as N
    from symcount.output.typeset import _level
    if isinstance(n, N.Binary):
        if n.op in ("add", "sub"):
            s = f"{_recursive_tex(n.left, 1)} {'+' if n.op == 'add' else '-'} {_recursive_tex(n.right, 2)}"
        elif n.op == "hadamard" or n.explicit:
            op = r"\odot" if n.op == "hadamard" else r"\cdot"
            s = f"{_recursive_tex(n.left, 2)} {op} {_recursive_tex(n.right, 3)}"
        else:
            s = f"{_recursive_tex(n.left, 3)} {_recursive_tex(n.right, 5)}"
    elif isinstance(n, N.Apply):
        s = f"{escape.func_tex(n.func)}({_recursive_tex(n.arg)})"
    elif isinstance(n, N.Neg):
        s = "-" + _recursive_tex(n.arg, 4)
    else:  # no chains below these in the random expressions
        from symcount.output.typeset import expr_tex
        return expr_tex(n, need)
    return f"({s})" if _level(n) < need else s


def _random_expression(rnd, depth=0) -> str:
    if depth > 3 or rnd.random() < 0.3:
        return rnd.choice(["W", "U_{z}", "x_t", "h_{t-1}", "b", "2"])
    kind = rnd.choice(["chain", "chain", "paren", "func", "neg"])
    if kind == "paren":
        return "(" + _random_expression(rnd, depth + 1) + ")"
    if kind == "func":
        return r"\sigma(" + _random_expression(rnd, depth + 1) + ")"
    if kind == "neg":
        return "-" + _random_expression(rnd, depth + 1)
    out = _random_expression(rnd, depth + 1)
    for _ in range(rnd.randint(1, 4)):
        out += rnd.choice([" + ", " - ", r" \odot ", r" \cdot ", " "]) + _random_expression(rnd, depth + 1)
    return out


def test_chains_typeset_as_the_recursive_definition_says():
    import random
    rnd, checked = random.Random(7), 0
    for _ in range(400):
        try:
            rhs = parse(f"$$ h_t = {_random_expression(rnd)} $$").equations[0].rhs
        except symcount.ParseError:
            continue
        assert typeset.expr_tex(rhs) == _recursive_tex(rhs)
        checked += 1
    assert checked > 200


@pytest.mark.parametrize("op", [" + ", " - ", r" \odot ", r" \cdot ", " "])
def test_long_chains_typeset_without_recursion(op):
    n = max(3000, 3 * sys.getrecursionlimit())
    rhs = op.join(f"W_{{{k}}}" for k in range(10, 10 + n)) + " x_t"
    eq = parse(f"$$ h_t = {rhs} $$").equations[0]
    assert typeset.expr_tex(eq.rhs) == rhs
    assert typeset.expr_tex(eq.rhs, 9) == f"({rhs})"


def _long_sum(n: int, op: str = " + ") -> tuple[str, list[str]]:
    terms = [f"W_{{{k}}} x_t" for k in range(10, 10 + n)]
    return f"$$ h_t = {op.join(terms)} $$", terms


def elided(terms: list[str]) -> str:
    """How a reason lists many terms: the first three, how many, the last two."""
    head = ", ".join(f"${t}$" for t in terms[:3])
    return f"{head}, ... ({len(terms)} terms in all), ${terms[-2]}$ and ${terms[-1]}$"


def test_reasons_list_a_few_terms_in_full():
    text, terms = _long_sum(8)
    md = api.render(symcount.derive(text), "markdown")
    assert ", ".join(f"${t}$" for t in terms[:-1]) + f" and ${terms[-1]}$ are added" in md
    text, terms = _long_sum(9)
    assert elided(terms) + " are added" in api.render(symcount.derive(text), "markdown")


@pytest.mark.slow
def test_render_a_sum_longer_than_the_recursion_limit():
    text, terms = _long_sum(1100)
    d = symcount.derive(text)
    md = api.render(d, "markdown", detail=True)
    assert f"\nh_t &= {' + '.join(terms)}\n" in md
    listed = elided(terms)
    assert (f"- $W_{{1109}}$ is $d_{{h}} \\times d_{{x}}$.\n    - In the equation for $h_t$, {listed} are added, "
            "so $W_{1109}$ has as many rows as $h_t$: $d_{h}$.\n") in md
    assert "$$\n\\begin{aligned}\nN &= 1100 d_{h} d_{x}\n\\end{aligned}\n$$\n" in md
    tex = api.render(d, "latex")
    assert f"h_t &= {' + '.join(terms)}" in tex and "1100 d_{h} d_{x}" in tex


@pytest.mark.slow
@pytest.mark.parametrize("op, verb", [(" - ", "are added or subtracted"), (r" \odot ", "are multiplied elementwise")])
def test_render_long_differences_and_elementwise_products(op, verb):
    n = 1100  # more terms than Python's default recursion limit (which keras' import raises)
    text, terms = _long_sum(n, op)
    old = sys.getrecursionlimit()
    sys.setrecursionlimit(1000)
    try:
        md = api.render(symcount.derive(text), "markdown", detail=True)
    finally:
        sys.setrecursionlimit(old)
    assert f"\nh_t &= {op.join(terms)}\n" in md
    last = f"W_{{{9 + n}}}"
    listed = elided(terms)
    assert f"  - In the equation for $h_t$, {listed} {verb}, so ${last}$ has as many rows as $h_t$: $d_{{h}}$.\n" in md


# ---- hostile input stays inert ------------------------------------------------------------------
# Commands our templates and printers may emit; anything else in the output would be injected.
ALLOWED_COMMANDS = set(escape.GREEK + escape.ACCENTS + escape.SYMBOLS) | {
    "documentclass", "usepackage", "begin", "end", "section", "subsection", "item", "hline", "text",
    "mathbb", "times", "odot", "cdot", "in", "left", "right", "operatorname", "textbackslash",
    "textless", "textgreater", "textbar", "tanh", "exp", "log", "ln", "sinh", "cosh", "sin", "cos",
    "ldots", "div", "top", "frac", "sqrt", "footnotesize", "refstepcounter", "linewidth", "tablename",
    "thetable", "par", "medskip", "centering", "caption",
}
HOSTILE_MATH = [
    r"$$ h_t = \tanh(W_{\input{pwned}} x_t + U_{\write18{touch pwned}} h_{t-1}) $$",
    r"$$ h_t = \tanh(W_\input x_t + U^{^^5cinput{pwned}} h_{t-1}) $$",
    r"$$ h_t = \tanh(W_{a}^{b}^{c} x_t + b_{\catcode`\$=11} ) $$",
    r"$$ h_t = \tanh(W_{<script>alert(1)</script>} x_t + b_{$} ) $$",
    r"$$ h_t = \tanh(W_{|x|} x_t + b_{[a](javascript:alert(1))} ) $$",
    r"$$ h_t = \tanh(W_{\csname input\endcsname{pwned}} x_t + b_{\def\x{pwned}\input\x}) $$",
    r"$$ h_t = \tanh(W_{{7*7}} x_t + b_{\VAR{7*7}} + c_{\BLOCK{raw}}) $$",
    r"$$ x_t \in \mathbb{R}^{d_{\input{pwned}}} \quad h_t = W x_t + V_{\immediate\openout} h_{t-1} $$",
]
PWNED = r"\GenericError{}{INJECTED: pwned.tex was read}{}{}"


def commands(tex: str) -> set[str]:
    return set(re.findall(r"\\([A-Za-z]+)", tex))


def assert_inert_latex(tex: str, tmp_path: Path) -> None:
    assert commands(tex) <= ALLOWED_COMMANDS, commands(tex) - ALLOWED_COMMANDS
    assert "^^" not in tex
    (tmp_path / "pwned.tex").write_text(PWNED, encoding="utf-8")
    pdflatex_compile(tex, tmp_path)  # would stop with INJECTED if pwned.tex were read


def assert_inert_markdown(md: str) -> None:
    spans = markdown_math_spans(md)
    assert katex_errors(spans) == []
    for tex, _ in spans:
        assert commands(tex) <= ALLOWED_COMMANDS, commands(tex) - ALLOWED_COMMANDS
    prose = re.sub(r"(?<!\\)\$\$.*?(?<!\\)\$\$|(?<!\\)\$.*?(?<!\\)\$", "", _blank_code_fences(md), flags=re.S)
    assert not re.search(r"(?<!\\)<|(?<!\\)\]\(|\{\{|\{%", prose)
    assert "49" not in md


@pytest.mark.parametrize("text", HOSTILE_MATH)
def test_hostile_identifiers_are_inert(text, tmp_path):
    # the reader refuses most of these (an index holds letters, digits, Greek letters and a little
    # punctuation); what it accepts must still come out inert
    try:
        d = symcount.derive(text, name="hostile.tex")
    except symcount.ParseError as exc:
        assert exc.span is not None and ("index" in exc.message or "double" in exc.message), exc
        return
    assert_inert_markdown(api.render(d, "markdown"))
    assert_inert_latex(api.render(d, "latex", standalone=True), tmp_path)


HOSTILE_PROSE = "\\input{pwned} \\write18{rm -rf /} $x$ {{ 7*7 }} \\VAR{7*7} <script>alert(1)</script> [a](javascript:x) `` # % & ~ ^ _ | \n\n- list"


def test_hostile_prose_is_inert(tmp_path):
    # render reads only these attributes of a cells.CellInfo
    info = SimpleNamespace(name=HOSTILE_PROSE, convention="pytorch", description=HOSTILE_PROSE,
                           reference=HOSTILE_PROSE, framework=HOSTILE_PROSE, cite="x", dims=(("d_x", HOSTILE_PROSE),),
                           bibtex="@misc{x,\n  title = {\\end{verbatim}\\input{pwned}}, note = {```\n<script>}\n}")
    d = replace(example("lstm"), name=HOSTILE_PROSE, cell=info)
    md = api.render(d, "markdown", detail=True)
    assert_inert_markdown(md)
    assert "\n````bibtex\n@misc{x," in md and md.endswith("}\n````\n")  # the fence outgrows the ``` inside
    tex = api.render(d, "latex", standalone=True, detail=True)
    body = tex.replace(info.bibtex.replace("\\end{verbatim}", "\\end {verbatim}"), "")
    assert_inert_latex(body, tmp_path)
    pdflatex_compile(tex, tmp_path)


@pytest.mark.parametrize(
    "template",
    [
        "{{ ''.__class__.__mro__[1].__subclasses__() }}",
        "{{ cycler.__init__.__globals__.os.system('touch pwned') }}",
        "{{ parameters.__class__.__base__ }}",
        "{% for c in [].__class__.__base__.__subclasses__() %}{{ c }}{% endfor %}",
    ],
)
def test_user_templates_are_sandboxed(template):
    with pytest.raises(symcount.UsageError, match=r"template t\.j2, line 1: .*unsafe"):
        api.render(example("gru"), "markdown", template=template, template_name="t.j2")


# ---- user templates and the CLI -----------------------------------------------------------------
@pytest.mark.parametrize(
    "fmt, template, expected",
    [
        ("markdown", "{% for p in parameters[:2] %}{{ p.name }}: {{ p.count }}; {% endfor %}{{ value|number }}",
         "W_{ii}: d_{h} d_{x}; b_{ii}: d_{h}; 788,480\n"),
        ("latex", r"\BLOCK{for p in parameters[:2]}$\VAR{p.name}$ \BLOCK{endfor}$\VAR{value_text}$ \VAR{title}",
         "$W_{ii}$ $b_{ii}$ $788{,}480$ lstm\n"),
        ("markdown", "{{ 'a_b <x>'|text }} {{ 'W_{\\\\input x}'|math }} {{ 1234|number }}",
         "a\\_b &lt;x\\> \\text{W\\_\\{\\textbackslash{}input x\\}} 1,234\n"),
    ],
)
def test_user_template_context(fmt, template, expected):
    d = example("lstm").bind(d_x=512, d_h=256)
    assert api.render(d, fmt, template=template) == expected


@pytest.mark.parametrize(
    "template, message",
    [
        ("{{ nothing }}", r"template t\.j2, line 1: 'nothing' is undefined"),
        ("ok\n{% for %}", r"template t\.j2, line 2: "),
    ],
)
def test_user_template_errors(template, message):
    with pytest.raises(symcount.UsageError, match=message):
        api.render(example("gru"), "markdown", template=template, template_name="t.j2")



@pytest.mark.parametrize(
    "template, message",
    [
        ("a\n{{ range(10**9)|list|length }}",
         r"template t\.j2, line 2: OverflowError: Range too big\. The sandbox blocks ranges larger than MAX_RANGE"),
        ("{% macro f(n) %}{{ f(n) }}{% endmacro %}\n{{ f(1) }}",
         r"template t\.j2, line 1: nested too deeply \(Python's recursion limit\)"),
        ("a\nb\n{{ [1] * 2**60 }}", r"template t\.j2, line 3: .*too large for a template"),
        ("{{ 'a' * 10**10 }}", r"template t\.j2, line 1: .*too large for a template"),
        ("{{ 7 ** 10000000 }}", r"template t\.j2, line 1: .*too large for a template"),
        ("{{ 1 // 0 }}", r"template t\.j2, line 1: ZeroDivisionError: integer division or modulo by zero"),
        ("\n{{ 'many'|number }}", r"template t\.j2, line 2: ValueError: invalid literal for int\(\)"),
    ],
)
def test_user_template_limits_are_template_errors(template, message):
    with pytest.raises(symcount.UsageError, match=message) as info:
        api.render(example("gru"), "markdown", template=template, template_name="t.j2")
    line = int(re.search(r"line (\d+)", info.value.message).group(1))
    assert str(info.value).endswith(f"\n  --> t.j2:{line}\n {line} | {template.splitlines()[line - 1]}")


def test_math_filter_accepts_any_value():
    assert api.render(example("gru"), "markdown", template="{{ 7|math }} {{ none|math }}") == "7 None\n"


@pytest.mark.parametrize(
    "template, line, shown",
    [
        ("one\ntwo\n{{ oops }}\n", 3, " 3 | {{ oops }}"),
        ("ok\n\t{% for %}", 2, " 2 |  {% for %}"),
        ("{{ x.__class__ }}", 1, " 1 | {{ x.__class__ }}"),
        ("{{ oops }}" + "." * 200, 1, " 1 | {{ oops }}" + "." * 110 + "..."),
    ],
)
def test_user_template_errors_show_the_line(template, line, shown):
    with pytest.raises(symcount.UsageError) as info:
        api.render(example("gru"), "markdown", template=template, template_name="mytemplate.md.j2")
    err = info.value
    assert err.location == f"mytemplate.md.j2:{line}"
    assert str(err) == f"{err.message}\n  --> mytemplate.md.j2:{line}\n{shown}"
    assert err.message.startswith(f"template mytemplate.md.j2, line {line}: ")


def test_cli_template_limit_exits_2_naming_the_file(tmp_path, capsys):
    template = tmp_path / "big.md.j2"
    template.write_text("# big\n{{ range(10**9)|list|length }}\n", encoding="utf-8")
    assert main(["derive", str(ROOT / "examples" / "gru.tex"), "--template", str(template)]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err == (f"symcount: template {template}, line 2: OverflowError: Range too big. The sandbox blocks "
                   f"ranges larger than MAX_RANGE (100000).\n  --> {template}:2\n"
                   " 2 | {{ range(10**9)|list|length }}\n")


def test_cli_recursive_template_macro_exits_2(tmp_path, capsys):
    template = tmp_path / "loop.md.j2"
    template.write_text("{% macro f(n) %}{{ f(n + 1) }}{% endmacro %}\n{{ f(1) }}\n", encoding="utf-8")
    assert main(["derive", str(ROOT / "examples" / "gru.tex"), "--template", str(template)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"symcount: template {template}, line 1: nested too deeply") and "internal error" not in err


def test_bugs_outside_the_template_stay_internal_errors(monkeypatch, tmp_path, capsys):
    def broken(d, fmt, *layout):
        raise OverflowError("a bug in building the context")
    template = tmp_path / "t.md.j2"
    template.write_text("{{ title }}\n", encoding="utf-8")
    monkeypatch.setattr(render, "context", broken)
    with pytest.raises(OverflowError, match="a bug in building the context"):
        api.render(example("gru"), "markdown", template="{{ title }}")
    assert main(["derive", str(ROOT / "examples" / "gru.tex"), "--template", str(template)]) == 1
    assert capsys.readouterr().err.startswith("symcount: internal error: OverflowError: a bug in building the context")


def test_bugs_in_builtin_templates_are_not_template_errors(monkeypatch):
    class Unprintable:
        def __str__(self):
            raise RuntimeError("a bug in symcount")
    context = render.context
    monkeypatch.setattr(render, "context", lambda d, fmt, *layout: {**context(d, fmt, *layout), "heading": Unprintable()})
    with pytest.raises(RuntimeError, match="a bug in symcount"):
        api.render(example("gru"), "markdown")


def test_cli_markdown_and_latex_to_a_file(tmp_path, capsys):
    md, tex = tmp_path / "lstm.md", tmp_path / "lstm.tex"
    argv = ["derive", str(ROOT / "examples" / "lstm.tex"), "--layers", "2", "--bidirectional",
            "--set", "d_x=512", "--set", "d_h=256"]
    assert main(argv + ["--format", "markdown", "--output", str(md)]) == 0
    assert main(argv + ["--format", "latex", "--standalone", "--output", str(tex)]) == 0
    assert capsys.readouterr() == ("", "")
    assert "**3,153,920** parameters" in md.read_text(encoding="utf-8")
    latex = tex.read_text(encoding="utf-8")
    assert latex.startswith("\\documentclass{article}") and "$3{,}153{,}920$ parameters" in latex


def test_cli_template_format_follows_the_file_name(tmp_path, capsys):
    template = tmp_path / "table.tex.j2"
    template.write_text(r"\BLOCK{for p in parameters}\VAR{p.name};\BLOCK{endfor}", encoding="utf-8")
    assert main(["derive", str(ROOT / "examples" / "gru.tex"), "--template", str(template)]) == 0
    assert capsys.readouterr().out.startswith("W_{ir};b_{ir};W_{hr};")


def test_cli_builtin_cell_formats(capsys):
    name = BUILTIN[0].rsplit(".", 1)[0] if BUILTIN else pytest.skip("no built-in cells yet")
    assert main(["cell", name, "--format", "markdown"]) == 0
    assert capsys.readouterr().out.startswith("# Parameters of ")


@pytest.mark.parametrize(
    "options, message",
    [
        (["--format", "markdown", "--standalone"], "--standalone applies to LaTeX output"),
        (["--standalone"], "--standalone applies to LaTeX output"),
        (["--format", "json", "--template", "x.j2"], "--template renders Markdown or LaTeX, not json"),
        (["--template", "/nonexistent/t.j2"], "cannot read /nonexistent/t.j2"),
        (["--format", "latex", "--output", "/nonexistent/dir/out.tex"], "cannot write /nonexistent/dir/out.tex"),
    ],
)
def test_cli_usage_errors(options, message, capsys):
    assert main(["derive", str(ROOT / "examples" / "gru.tex")] + options) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"symcount: {message}")


# ---- Jupyter, loading, import cost --------------------------------------------------------------
def test_jupyter_display():
    d = example("lstm").bind(d_x=512, d_h=256)
    assert d._repr_markdown_() == api.render(d, "markdown", brief=True)  # the short summary; d.explain() in full
    assert d.explain() == api.render(d, "markdown", detail=True)
    latex = d._repr_latex_()
    assert latex == (r"$$\begin{aligned} N &= 4 d_{h}^{2} + 4 d_{h} d_{x} + 8 d_{h} \\ "
                     r"&= 4 d_{h} \left(d_{h} + d_{x} + 2\right) \\ &= 788{,}480 \end{aligned}$$")
    assert katex_errors([(latex.strip("$"), True)]) == []


def test_templates_come_from_the_source_tree_in_a_checkout():
    assert ROOT / "templates" in render.template_dirs()
    for name in [e.template for e in render.EXPLAINED.values()] + [render.STANDALONE]:
        assert (ROOT / "templates" / name).is_file()


def test_import_does_not_load_jinja_or_sympy():
    code = "import sys, symcount, symcount.output.render; print(sorted({'jinja2', 'sympy'} & set(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
