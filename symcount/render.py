"""Derivation -> Markdown or LaTeX, through Jinja templates.

The built-in templates live in the repository's top-level `templates/` folder (shipped in the wheel
as `symcount/templates/`): `explain.md.j2`, `explain.tex.j2` and `standalone.tex.j2`, which wraps a
LaTeX body in a complete document. Every template, ours and a user's (`--template FILE`), renders in
jinja2's SandboxedEnvironment with StrictUndefined. Markdown templates use Jinja's usual delimiters;
LaTeX templates use `\\VAR{...}` for values, `\\BLOCK{...}` for statements and `\\#{...}` for comments,
so that they do not fight LaTeX's braces.

Nothing the user wrote reaches the output unchecked. The equations are re-typeset from the AST, not
copied from the input. Identifiers (parameter, signal and dimension names) are LaTeX fragments the
grammar accepted; each is checked against a strict allow-list (letters, digits, a little punctuation,
scripts, Greek letters and accents, balanced braces) and anything else is shown escaped inside
`\\text{...}`. Prose (file names, cell descriptions, references) is escaped for the output format.

The template context (every string is ready to insert in the template's format: a *math* string is
LaTeX math for `$...$`, already checked; a *prose* string is escaped text):

    format        str: "markdown" or "latex"
    version       str: symcount's version
    title         prose: the cell's name and convention, or the input file's name
    source        prose: the input file's name
    cell          None, or a dict for a built-in cell:
                    name, convention, description, reference, framework (prose),
                    bibtex (the BibTeX entry as a block: a fenced code block in Markdown, a verbatim
                    environment in LaTeX; "" when the cell has none),
                    dims (list of {name: math, meaning: prose})
    signals       list of {name: math (e.g. h_t), dim: math, role: "input", "output" or "",
                    recurrent: bool}
    declarations  list of math, e.g. W \\in \\mathbb{R}^{h \\times d}
    equations     list of {label: math (the left side), lhs: math, rhs: math, line: int,
                    parameters: list of math (counted in this equation),
                    shared: list of math (used here, counted where first used),
                    subtotal: math}
    parameters    list of {name: math, shape: math (e.g. d_{h} \\times d_{x}), rows: math,
                    cols: math, count: math, bias: bool, scalar: bool, shared: bool,
                    equation: math (where first used), equations: list of math,
                    rows_reason: prose with math, cols_reason: prose with math (the conformability
                    argument for each dimension; "" for a scalar), reasons: list of the non-empty ones}
    cell_total    math: one layer, one direction, expanded
    total         math: the whole requested stack, expanded
    factored      math: the same, factored
    stack         None for one layer and one direction, else {layers: int, directions: int,
                    label: prose (e.g. "2 layers, bidirectional"), per_layer: list of math (one
                    direction of each layer)}
    bias          bool: False when --no-bias dropped the biases
    bindings      list of {name: math, value: int, value_text: str (formatted for the format)}
    value         int or None (None while a dimension is unbound)
    value_text    str: the value with thousands separators, "3,153,920" in Markdown and
                    "3{,}153{,}920" (for math mode) in LaTeX; "" when value is None
    partial       math: the total with the bound dimensions substituted, when some but not all are
                    bound; else ""

Filters: `number` (an int with thousands separators, as value_text), `text` (escape prose for the
format), `math` (check a math string, or show it escaped).
"""
from __future__ import annotations

import bisect
import re
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import nodes as N
from .errors import UsageError

if TYPE_CHECKING:  # pragma: no cover
    from .api import Derivation

FORMATS = ("markdown", "latex")
TEMPLATES = {"markdown": "explain.md.j2", "latex": "explain.tex.j2"}
STANDALONE = "standalone.tex.j2"
_PACKAGE = Path(__file__).resolve().parent

# ---- escaping -----------------------------------------------------------------------------------
_GREEK = ("alpha beta gamma delta epsilon varepsilon zeta eta theta vartheta iota kappa lambda mu nu "
          "xi pi varpi rho varrho sigma varsigma tau upsilon phi varphi chi psi omega Gamma Delta "
          "Theta Lambda Xi Pi Sigma Upsilon Phi Psi Omega").split()
_ACCENTS = ("tilde widetilde hat widehat bar overline dot ddot breve check acute grave mathring "
            "underline vec").split()
_SYMBOLS = ("prime ell top intercal star ast dagger").split()
_MATH_TOKEN = re.compile(r"\\[A-Za-z]+|[A-Za-z0-9]|[{}_^()\[\]+\-,.'*/ ]|.", re.S)
_FUNC = re.compile(r"\\(?P<plain>sigma|tanh|exp|log|ln|sinh|cosh|sin|cos|phi|varphi|psi|rho)"
                   r"|\\[A-Za-z]+\*?\{(?P<word>[A-Za-z][A-Za-z0-9-]*)\}")
_NUMBER = re.compile(r"[0-9]*\.?[0-9]+")

_TEX_TEXT = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "$": r"\$", "&": r"\&", "#": r"\#",
             "%": r"\%", "_": r"\_", "^": r"\^{}", "~": r"\~{}", "<": r"\textless{}",
             ">": r"\textgreater{}", "|": r"\textbar{}"}
_TEX_UNICODE = {"\u2013": "--", "\u2014": "---", "\u2018": "`", "\u2019": "'", "\u201c": "``",
                "\u201d": "''", "\u2026": r"\ldots{}", "\u00d7": r"$\times$", "\u00b7": r"$\cdot$",
                "\u2212": "-", "\u00a0": "~", "\u00f0": "d", "\u00fe": "th", "\u00d0": "D",
                "\u00de": "Th", "\u00f7": r"$\div$"}
_MD_SPECIAL = set("\\`*_{}[]<>|$~&#^")


def _clean(s: str) -> str:
    """Whitespace (newlines too) collapsed to single spaces; control characters dropped."""
    s = "".join(ch for ch in str(s) if ch.isprintable() or ch.isspace())
    return " ".join(s.split())


def tex_text(s: str) -> str:
    """Prose for LaTeX: every special character escaped; characters pdflatex's default fonts lack
    replaced (Latin-1 letters stay)."""
    return _tex_chars(_clean(s))


def _tex_chars(s: str) -> str:
    out = []
    for ch in s:
        if ch in _TEX_TEXT:
            out.append(_TEX_TEXT[ch])
        elif ch in _TEX_UNICODE:
            out.append(_TEX_UNICODE[ch])
        elif ord(ch) < 128 or "\u00c0" <= ch <= "\u00ff":
            out.append(ch)
        else:
            ascii_ = unicodedata.normalize("NFKD", ch).encode("ascii", "ignore").decode()
            out.append("".join(_TEX_TEXT.get(c, c) for c in ascii_) or "?")
    return "".join(out)


def md_text(s: str) -> str:
    """Prose for Markdown: one line, Markdown's active characters backslash-escaped, and a line start
    that could open a block (heading, list, quote, rule) escaped."""
    text = _md_chars(_clean(s))
    m = re.match(r"[-+=>]|\d+(?=[.)])", text)
    if m:
        i = m.end() if m.group(0)[0].isdigit() else 0
        text = text[:i] + "\\" + text[i:]
    return text


def _md_chars(s: str) -> str:
    return "".join("\\" + ch if ch in _MD_SPECIAL else ch for ch in s)


def md_code(s: str) -> str:
    """An inline code span that holds s literally, whatever backticks it contains."""
    s = _clean(s)
    run = max((len(m) for m in re.findall(r"`+", s)), default=0)
    fence = "`" * (run + 1)
    pad = " " if s.startswith("`") or s.endswith("`") else ""
    return f"{fence}{pad}{s}{pad}{fence}"


def _check_math(s: str) -> bool:
    """True if s is a math fragment from the allow-list: letters, digits, a little punctuation,
    Greek letters, accents, balanced braces, one subscript and one superscript per atom."""
    tokens = _MATH_TOKEN.findall(s)
    levels = [[False, False, False]]  # per brace level: sub used, sup used, group is a script arg
    want = None  # "script" after _ or ^, "accent" after an accent command
    for tok in tokens:
        if tok == " ":
            continue
        if tok == "{":
            levels.append([False, False, want == "script"])
            want = None
            continue
        if tok == "}":
            if len(levels) == 1 or want:
                return False
            _, _, was_script = levels.pop()
            if not was_script:
                levels[-1][:2] = [False, False]  # a group is a new atom
            continue
        if tok in ("_", "^"):
            if want:
                return False
            k = 0 if tok == "_" else 1
            if levels[-1][k]:
                return False  # double subscript or superscript
            levels[-1][k] = True
            want = "script"
            continue
        if tok.startswith("\\"):
            name = tok[1:]
            if name in _ACCENTS:
                if want == "script":
                    return False
                want = "accent"
                continue
            if name not in _GREEK and name not in _SYMBOLS:
                return False
        elif not re.fullmatch(r"[A-Za-z0-9()\[\]+\-,.'*/]", tok):
            return False
        if want == "script":
            want = None  # a one-token script argument
        else:
            want = None
            levels[-1][:2] = [False, False]
    return len(levels) == 1 and want is None


def tex_math(s: str) -> str:
    """A math fragment from user input: itself when it passes the allow-list, else shown escaped."""
    return s if s and _check_math(s) else r"\text{" + _math_text(s) + "}"


def _math_text(s: str) -> str:
    """Text for \\text{...} inside math, also inside Markdown's $...$: letters, digits and spaces
    stay, LaTeX's specials are escaped, other punctuation is braced (so that no Markdown syntax such
    as a link forms), and other characters become ASCII or '?'."""
    out = []
    for ch in unicodedata.normalize("NFKD", _clean(s)):
        if ch.isascii() and (ch.isalnum() or ch == " "):
            out.append(ch)
        elif ch in _TEX_TEXT:
            out.append(_TEX_TEXT[ch])
        elif ch.isascii():
            out.append("{" + ch + "}")
        elif not unicodedata.combining(ch):
            out.append("?")
    return "".join(out)


def _func_tex(func: str) -> str:
    """A function name as the grammar accepted it, e.g. \\sigma_g or \\operatorname{ReLU}."""
    m = _FUNC.match(func)
    rest = func[m.end():] if m else ""
    if not m or (rest and not _check_math("x" + rest)):
        return tex_math(func)
    head = "\\" + m.group("plain") if m.group("plain") else r"\operatorname{" + m.group("word") + "}"
    return head + rest


# ---- the AST, re-typeset ------------------------------------------------------------------------
def _level(n: N.Expr) -> int:
    """Binding strength, as in the grammar: sum < hadamard/cdot < juxtaposition < unary minus <
    function application < transpose < atoms."""
    if isinstance(n, N.Binary):
        return 1 if n.op in ("add", "sub") else 2 if n.op == "hadamard" or n.explicit else 3
    return {N.Neg: 4, N.Apply: 5, N.Transpose: 6}.get(type(n), 7)


def expr_tex(n: N.Expr, need: int = 0) -> str:
    """LaTeX for an expression; parenthesised when it binds more loosely than `need`."""
    s = _expr_tex(n)
    return f"({s})" if _level(n) < need else s


def _expr_tex(n: N.Expr) -> str:
    if isinstance(n, N.Symbol):
        return tex_math(n.text)
    if isinstance(n, N.Number):
        return n.value if _NUMBER.fullmatch(n.value) else tex_math(n.value)
    if isinstance(n, N.Apply):
        return f"{_func_tex(n.func)}({expr_tex(n.arg)})"
    if isinstance(n, N.Neg):
        return "-" + expr_tex(n.arg, 4)
    if isinstance(n, N.Transpose):
        inner = expr_tex(n.arg, 6)
        return ("{" + inner + "}" if "^" in inner and inner[-1] != ")" else inner) + r"^\top"
    if isinstance(n, N.Concat):
        items = [expr_tex(x) for x in n.items]
        if len(items) == 1:
            return r"\begin{bmatrix} " + items[0] + r" \end{bmatrix}"
        return "[" + ", ".join(items) + "]"
    assert isinstance(n, N.Binary)
    if n.op in ("add", "sub"):
        return f"{expr_tex(n.left, 1)} {'+' if n.op == 'add' else '-'} {expr_tex(n.right, 2)}"
    if n.op == "hadamard":
        return rf"{expr_tex(n.left, 2)} \odot {expr_tex(n.right, 3)}"
    if n.explicit:
        return rf"{expr_tex(n.left, 2)} \cdot {expr_tex(n.right, 3)}"
    return f"{expr_tex(n.left, 3)} {expr_tex(n.right, 5)}"


def _lin_tex(terms, const: int, dim_tex) -> str:
    """A linear dimension (terms of (name, coeff), plus const) as math: 2 d_{h} + 1."""
    parts = []
    for name, k in terms:
        mag = "" if abs(k) == 1 else str(abs(k))
        parts.append(("-" if k < 0 else "+", f"{mag}{' ' if mag else ''}{dim_tex(name)}"))
    if const or not parts:
        parts.append(("-" if const < 0 else "+", str(abs(const))))
    text = " ".join(f"{sign} {body}" for sign, body in parts)
    return text[2:] if text.startswith("+ ") else "-" + text[2:]


def declaration_tex(decl: N.Declaration, dim_tex) -> str:
    names = ", ".join(tex_math(s.text) for s in decl.symbols)
    if decl.rows is None:
        return names + r" \in \mathbb{R}"
    rows = _lin_tex(decl.rows.terms, decl.rows.const, dim_tex)
    if not decl.cols.terms and decl.cols.const == 1:
        return names + r" \in \mathbb{R}^{" + rows + "}"
    return names + r" \in \mathbb{R}^{" + rows + r" \times " + _lin_tex(decl.cols.terms, decl.cols.const, dim_tex) + "}"


# ---- numbers and formulas -----------------------------------------------------------------------
def number(n: int, fmt: str) -> str:
    """3,153,920 in Markdown; 3{,}153{,}920 (for math mode) in LaTeX."""
    text = f"{int(n):,}"
    return text.replace(",", "{,}") if fmt == "latex" else text


class _Formulas:
    """sympy expressions -> math, with each dimension typeset as the shapes stage says."""

    def __init__(self, d: "Derivation") -> None:
        latex_of = dict(d.shapes.dim_latex)
        self.dim_tex = lambda name: tex_math(latex_of.get(name) or _dim_latex(name))
        self.names = {sym: self.dim_tex(name) for name, sym in d.symbols.items()}

    def __call__(self, expr) -> str:
        from sympy import latex
        return latex(expr, symbol_names=self.names)


def _dim_latex(name: str) -> str:
    base, _, sub = name.partition("_")
    base = "\\" + base if base in _GREEK else base
    return f"{base}_{{{sub}}}" if sub else base


# ---- why each dimension: the conformability argument, re-typeset -----------------------------------
def _join(items: list, last: str = " and ") -> list:
    """Sentence parts joined: [a] / [a, last, b] / [a, ", ", b, last, c]."""
    out: list = []
    for i, item in enumerate(items):
        if i:
            out.append(("text", last if i == len(items) - 1 else ", "))
        out.extend(item)
    return out


def _math(tex: str) -> list:
    return [("math", tex)]


def _text(s: str) -> list:
    return [("text", s)]


class _Explainer:
    """Turns the evidence the shapes stage recorded into sentences: which product or sum, in which
    equation, forced each dimension of each parameter."""

    def __init__(self, d: "Derivation", formula: _Formulas) -> None:
        self.cell = d.shapes.cell
        self.formula = formula
        self.scalars = {p.name for p in d.parameters if p.scalar}
        self.nodes: dict[tuple[int, int], Any] = {}
        for eq in self.cell.equations:
            self.nodes.setdefault((eq.span.start, eq.span.end), eq)
            for root in (eq.lhs, eq.rhs):
                for n in N.walk(root):
                    self.nodes.setdefault((n.span.start, n.span.end), n)
        self.decls = {(x.span.start, x.span.end): x for x in self.cell.declarations}
        self.by_start = sorted(self.cell.equations, key=lambda eq: eq.span.start)
        self.starts = [eq.span.start for eq in self.by_start]

    def scalar(self, n) -> bool:
        if isinstance(n, N.Number):
            return True
        if isinstance(n, N.Symbol):
            return n.lag is None and n.name in self.scalars
        if isinstance(n, (N.Apply, N.Neg, N.Transpose)):
            return self.scalar(n.arg)
        if isinstance(n, N.Binary):
            return self.scalar(n.left) and self.scalar(n.right)
        return False

    def orient(self, n, name: str) -> tuple[str | None, str | None]:
        """Which dimension of parameter `name` the rows and the columns of n equal, if any."""
        if isinstance(n, N.Symbol):
            return ("rows", "cols") if n.lag is None and n.name == name else (None, None)
        if isinstance(n, (N.Apply, N.Neg)):
            return self.orient(n.arg, name)
        if isinstance(n, N.Transpose):
            r, c = self.orient(n.arg, name)
            return c, r
        if isinstance(n, N.Concat):
            cols = [self.orient(x, name)[1] for x in n.items]
            return None, next((c for c in cols if c), None)
        if isinstance(n, N.Binary):
            if self.scalar(n.left) or self.scalar(n.right):
                return self.orient(n.right if self.scalar(n.left) else n.left, name)
            lo, ro = self.orient(n.left, name), self.orient(n.right, name)
            if n.op == "matmul":
                return lo[0], ro[1]
            return lo[0] or ro[0], lo[1] or ro[1]
        return None, None

    def equation_of(self, span) -> N.Equation | None:
        i = bisect.bisect_right(self.starts, span.start) - 1
        eq = self.by_start[i] if i >= 0 else None
        return eq if eq is not None and span.end <= eq.span.end else None

    @staticmethod
    def chain(n, ops: tuple[str, ...], nodes: list | None = None) -> list:
        """The operands of a chain of `ops` (a + b - c -> [a, b, c]); nodes collects the chain."""
        if isinstance(n, N.Binary) and n.op in ops:
            if nodes is not None:
                nodes.append(n)
            right = [n.right] if n.op == "sub" else _Explainer.chain(n.right, ops, nodes)
            return _Explainer.chain(n.left, ops, nodes) + right
        return [n]

    def clauses(self, evidence, eq: N.Equation) -> list[list]:
        found: dict[str, list] = {"product": [], "sum": [], "elementwise": [], "stack": [], "equation": []}
        for ev in evidence:
            node = self.nodes.get((ev.span.start, ev.span.end))
            if node is not None and ev.rule in found and node not in found[ev.rule]:
                found[ev.rule].append(node)
        out = []
        for n in found["product"]:
            out.append(_math(expr_tex(n.left, 2)) + _text(" multiplies ") + _math(expr_tex(n.right, 3)))
        for rule, ops in (("sum", ("add", "sub")), ("elementwise", ("hadamard",))):
            chains = {}  # each node -> (its operands, the chain's nodes); inner chains merge into outer
            for n in found[rule]:
                nodes: list = []
                chains[n] = (self.chain(n, ops, nodes), nodes)
            inner = {id(x) for _, nodes in chains.values() for x in nodes[1:]}
            for n, (operands, nodes) in chains.items():
                if id(n) in inner:
                    continue
                terms = [_math(expr_tex(t)) for t in operands]
                if rule == "elementwise":
                    verb = " are multiplied elementwise"
                elif n.op == "sub" and len(terms) == 2:
                    out.append(terms[1] + _text(" is subtracted from ") + terms[0])
                    continue
                else:
                    verb = " are added" if all(x.op == "add" for x in nodes) else " are added or subtracted"
                out.append(_join(terms) + _text(verb))
        for n in found["stack"]:
            out.append(_text("the blocks of ") + _math(expr_tex(n)) + _text(" are stacked"))
        if found["equation"] and not out:
            out.append(_math(expr_tex(eq.rhs)) + _text(" defines ") + _math(expr_tex(eq.lhs)))
        return out

    def reason(self, p, which: str) -> list:
        """The sentence (as parts) that explains p's rows or columns."""
        evidence = p.shape.rows_evidence if which == "rows" else p.shape.cols_evidence
        dim = self.formula(p.rows if which == "rows" else p.cols)
        word = "rows" if which == "rows" else "columns"
        if dim == "1":
            word = word[:-1]
        name = _math(tex_math(p.name))
        decl = next((self.decls.get((ev.span.start, ev.span.end)) for ev in evidence
                     if ev.rule == "declaration" and (ev.span.start, ev.span.end) in self.decls), None)
        declared = "" if decl is None else declaration_tex(decl, self.formula.dim_tex).split(r" \in ", 1)[1]
        groups: dict[int, tuple[N.Equation, list]] = {}  # by id of the equation, in order of evidence
        for ev in evidence:
            eq = self.equation_of(ev.span)
            if eq is not None:
                groups.setdefault(id(eq), (eq, []))[1].append(ev)
        parts: list = []
        for eq, evs in groups.values():
            clauses = self.clauses(evs, eq)
            if clauses:
                parts += _text("; in the equation for " if parts else "In the equation for ")
                parts += _math(expr_tex(eq.lhs)) + _text(", ") + _join(clauses, ", and ")
        tie = self.tie(p.name, which, [eq for eq, _ in groups.values()])
        if not parts:
            if declared:
                return name + _text(" is declared in ") + _math(declared) + _text(", so it has ") + _math(dim) + _text(f" {word}.")
            return name + _text(" has ") + _math(dim) + _text(f" {word}.")
        if tie:
            parts += _text(", so ") + name + _text(f" has as many {word} as ") + tie + _text(": ") + _math(dim)
        else:
            parts += _text(", so ") + name + _text(" has ") + _math(dim) + _text(f" {word}")
        if declared:
            parts += _text(", as declared (") + _math(declared) + _text(")")
        return parts + _text(".")

    def tie(self, name: str, which: str, eqs: list) -> list:
        """What p's dimension is as large as: `R has rows` for the left factor of a product, or the
        left side of an equation whose rows it is."""
        for eq in eqs:
            for n in N.walk(eq.rhs):
                if not (isinstance(n, N.Binary) and n.op == "matmul") or self.scalar(n.left) or self.scalar(n.right):
                    continue
                if self.orient(n.left, name)[1] == which:
                    return _math(expr_tex(n.right, 3)) + _text(" has rows")
                if self.orient(n.right, name)[0] == which:
                    return _math(expr_tex(n.left, 2)) + _text(" has columns")
        for eq in eqs:
            if isinstance(eq.lhs, N.Symbol) and not self.scalar(eq.rhs) and self.orient(eq.rhs, name)[0] == which:
                return _math(expr_tex(eq.lhs)) + (_text(" has rows") if which == "cols" else [])
        return []


def _sentence(parts: list, fmt: str) -> str:
    """Sentence parts as text: math in $...$, the words escaped for the format."""
    esc = _tex_chars if fmt == "latex" else _md_chars
    return "".join(f"${s}$" if kind == "math" else esc(s) for kind, s in parts)


# ---- the context --------------------------------------------------------------------------------
def _factor(expr, tex: str) -> str:
    """A dimension as a factor of a product: d + h becomes (d + h)."""
    return f"({tex})" if expr.is_Add else tex


def _bibtex_block(bib: str, fmt: str) -> str:
    if not bib.strip():
        return ""
    lines = [line.rstrip() for line in bib.strip("\n").splitlines()]
    lines = ["".join(ch for ch in line if ch.isprintable() or ch == "\t") for line in lines]
    if fmt == "latex":
        body = "\n".join(line.replace("\\end{verbatim", "\\end {verbatim") for line in lines)
        return "\\begin{verbatim}\n" + body + "\n\\end{verbatim}"
    run = max((len(m) for m in re.findall(r"`+", bib)), default=0)
    fence = "`" * max(3, run + 1)
    return f"{fence}bibtex\n" + "\n".join(lines) + f"\n{fence}"


def _parameter(p, fmt: str, formula: _Formulas, why: _Explainer, labels: dict[str, str]) -> dict:
    name, rows, cols = tex_math(p.name), formula(p.rows), formula(p.cols)
    if p.scalar:
        shape, reasons = r"\text{scalar}", {"rows": "", "cols": ""}
        shown = [_sentence(_math(name) + _text(" is declared a scalar: it has one entry."), fmt)]
    else:
        shape = rf"{_factor(p.rows, rows)} \times {_factor(p.cols, cols)}"
        reasons = {w: _sentence(why.reason(p, w), fmt) for w in ("rows", "cols")}
        shown = [reasons["rows"], reasons["cols"]]
    return {"name": name, "shape": shape, "rows": rows, "cols": cols, "count": formula(p.count),
            "bias": p.bias, "scalar": p.scalar, "shared": p.shared,
            "equation": labels.get(p.equation, tex_math(p.equation)),
            "equations": [labels.get(x, tex_math(x)) for x in p.equations],
            "rows_reason": reasons["rows"], "cols_reason": reasons["cols"], "reasons": shown}


def context(d: "Derivation", fmt: str) -> dict:
    """The documented template context (see the module docstring)."""
    import sympy

    if fmt not in FORMATS:
        raise UsageError(f"unknown format {fmt!r}; choose one of: {', '.join(FORMATS)}")
    text = tex_text if fmt == "latex" else md_text
    formula = _Formulas(d)
    why = _Explainer(d, formula)
    shapes = d.shapes
    lhs_text = {eq.lhs.name: eq.lhs.text for eq in shapes.cell.equations if isinstance(eq.lhs, N.Symbol)}
    signals = [{"name": tex_math(lhs_text.get(s.name, s.text)),
                "dim": _lin_tex(s.dim.terms, s.dim.const, formula.dim_tex),
                "role": "input" if s.name == shapes.input else "output" if s.name == shapes.output else "",
                "recurrent": s.recurrent} for s in shapes.signals]
    labels = {eq.label: expr_tex(eq.lhs) for eq in shapes.cell.equations}
    names = {p.name: tex_math(p.name) for p in d.parameters}  # counted here / shared, by name
    equations = [{"label": labels.get(e.label, tex_math(e.label)), "lhs": expr_tex(eq.lhs), "rhs": expr_tex(eq.rhs),
                  "line": e.line, "parameters": [names[x] for x in e.parameters],
                  "shared": [names[x] for x in e.shared], "subtotal": formula(e.subtotal)}
                 for e, eq in zip(d.equations, shapes.cell.equations)]
    parameters = [_parameter(p, fmt, formula, why, labels) for p in d.parameters]
    cell = None
    if d.cell is not None:
        info = d.cell
        cell = {"name": text(info.name), "convention": text(info.convention),
                "description": text(info.description), "reference": text(info.reference),
                "framework": text(info.framework), "bibtex": _bibtex_block(info.bibtex, fmt),
                "dims": [{"name": formula.dim_tex(n), "meaning": text(m)} for n, m in info.dims]}
        title = text(f"{info.name} ({info.convention})")
    else:
        title = md_code(d.name) if fmt == "markdown" else tex_text(d.name)
    stack = None
    if d.layers > 1 or d.directions > 1:
        label = ", ".join(([f"{d.layers} layers"] if d.layers > 1 else []) + (["bidirectional"] if d.directions > 1 else []))
        stack = {"layers": d.layers, "directions": d.directions, "label": text(label),
                 "per_layer": [formula(x) for x in d.stacked.per_layer]}
    value = d.value
    partial = ""
    if d.bindings and value is None:
        sub = {d.symbols[k]: sympy.Integer(v) for k, v in d.bindings.items()}
        partial = formula(sympy.expand(d.total.xreplace(sub)))
    from . import __version__
    return {
        "format": fmt, "version": __version__, "title": title, "source": text(d.name), "cell": cell,
        "signals": signals,
        "declarations": [declaration_tex(x, formula.dim_tex) for x in shapes.cell.declarations],
        "equations": equations, "parameters": parameters,
        "cell_total": formula(d.cell_total), "total": formula(d.total), "factored": formula(d.factored),
        "stack": stack, "bias": d.bias,
        "bindings": [{"name": formula.dim_tex(k), "value": v, "value_text": number(v, fmt)}
                     for k, v in sorted(d.bindings.items())],
        "value": value, "value_text": "" if value is None else number(value, fmt), "partial": partial,
    }


# ---- Jinja --------------------------------------------------------------------------------------
def template_dirs() -> list[Path]:
    """Where the built-in templates are looked up: the installed package's `templates/` (the wheel
    puts them there), then the source tree's top-level `templates/` (an editable install)."""
    dirs = [_PACKAGE / "templates"]
    repo = _PACKAGE.parent
    if (repo / "pyproject.toml").is_file() and (repo / "templates").is_dir():
        dirs.append(repo / "templates")
    return dirs


def environment(fmt: str):
    """A sandboxed Jinja environment with the delimiters, filters and loader for `fmt`."""
    import jinja2
    from jinja2.sandbox import SandboxedEnvironment

    options: dict[str, Any] = dict(trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
                                   autoescape=False, undefined=jinja2.StrictUndefined)
    if fmt == "latex":
        options.update(block_start_string=r"\BLOCK{", block_end_string="}",
                       variable_start_string=r"\VAR{", variable_end_string="}",
                       comment_start_string=r"\#{", comment_end_string="}")
    loader = jinja2.ChoiceLoader([jinja2.FileSystemLoader(str(p)) for p in template_dirs()])
    env = SandboxedEnvironment(loader=loader, **options)
    env.filters["number"] = lambda n: number(n, fmt)
    env.filters["text"] = tex_text if fmt == "latex" else md_text
    env.filters["math"] = tex_math
    return env


def render(d: "Derivation", fmt: str, *, standalone: bool = False, template: str | None = None,
           template_name: str = "<template>") -> str:
    """Render d as Markdown or LaTeX with the built-in template, or with `template` (the text of a
    user's Jinja template). `standalone` wraps LaTeX in a complete document."""
    import jinja2

    ctx = context(d, fmt)
    env = environment(fmt)
    if standalone and fmt != "latex":
        raise UsageError("--standalone applies to LaTeX output", hint="add --format latex")
    try:
        tpl = env.from_string(template) if template is not None else env.get_template(TEMPLATES[fmt])
        out = tpl.render(ctx)
        if standalone:
            out = env.get_template(STANDALONE).render(ctx, body=out.rstrip("\n"))
    except jinja2.TemplateNotFound as exc:
        raise UsageError(f"symcount's template {exc.name} is missing: looked in "
                         + ", ".join(str(p) for p in template_dirs())) from None
    except jinja2.TemplateError as exc:
        where = template_name if template is not None else getattr(exc, "name", None) or TEMPLATES[fmt]
        line = getattr(exc, "lineno", None) or _template_line(exc)
        raise UsageError(f"template {where}{f', line {line}' if line else ''}: {exc.message or exc}") from None
    return out if out.endswith("\n") else out + "\n"


def _template_line(exc: Exception) -> int | None:
    """The template line of an error raised while rendering: Jinja maps the traceback's frames."""
    line, tb = None, exc.__traceback__
    while tb is not None:
        name = tb.tb_frame.f_code.co_filename
        if name == "<template>" or name.endswith(".j2"):
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


def markdown(d: "Derivation") -> str:
    return render(d, "markdown")


def latex(d: "Derivation", *, standalone: bool = False) -> str:
    return render(d, "latex", standalone=standalone)


def latex_math(d: "Derivation") -> str:
    """The count as one display-math block, for notebooks (_repr_latex_): MathJax renders math only."""
    ctx = context(d, "latex")
    lines = [ctx["total"]]
    if ctx["factored"] != ctx["total"]:
        lines.append(ctx["factored"])
    if ctx["value_text"]:
        lines.append(ctx["value_text"])
    elif ctx["partial"]:
        lines.append(ctx["partial"])
    body = r" \\ &= ".join(lines)
    return r"$$\begin{aligned} N &= " + body + r" \end{aligned}$$"
