"""Typst's math as LaTeX, rewritten in place before read.regions looks for math (every character keeps
its offset): `tilde(c)_t` as c with a combining tilde, `hat(h)`, `bar(h)` likewise, `dot.o` (and
`dot.circle`, `circle.small`) as ⊙, `dot.op`, `dot.c` and a lone `dot` between operands as ·, `times`
as ×, `bold(W)` and `upright(W)` as W, `W_"ih"` as W_{ih}, `"softmax"(z)` as softmax(z), `in RR^d` as ∈ ℝ^d, `vec(h_(t-1), x_t)` as a stacked vector
[h_(t-1), x_t], `tilde(h_t)` as h̃_t, `RR^(d_x)` as ℝ^{d_x}, `underbrace(x, "label")` as x, and the `\\` that ends a line as the end of a row. Read only in a text whose math is
written in Typst: no LaTeX command in it and one of Typst's own marks (`dot.o`, `tilde(`, `hat(`, `vec(`, `in RR`,
a row ended by one `\\`)."""
from __future__ import annotations

from . import patterns as re  # re, with the package's patterns compiled ahead (read.patterns)

_MARKS = re.compile(r"\b(?:dot\.(?:o|op|c|circle)|circle\.(?:small|(?:filled|stroked)\.(?:tiny|small))|tilde\(|hat\(|bar\(|vec\(|mat\(|bold\(|upright\(|op\(\")|\bin\s+(?:RR|CC)\b|_\(\"|\bq?quad\b")
_LITERALS = ("dot.", "circle.", "tilde(", "hat(", "bar(", "vec(", "mat(", "bold(", "upright(", "RR", "CC", 'op("', '_("', "quad")
_LATEX_COMMAND = re.compile(r"\\[A-Za-z]{2,}")
_ACCENT = re.compile(r"\b(tilde|hat|bar|dot)\(\s*([A-Za-z])\s*\)")
# tilde(h_t), hat(h_(t-1)): the accent on a letter with its index inside the call
_ACCENT_INDEXED = re.compile(r"\b(tilde|hat|bar|dot)\(\s*([A-Za-z])(_(?:[A-Za-z0-9]+|\([^()\n]*\)))\s*\)")
_SET_POWER = re.compile(r"(?:\b(?:RR|CC)|[(\[]\s*-?[01]\s*,\s*[01]\s*[)\]])\^\(")  # RR^(d_x), (0, 1)^(d_h): the power's group as braces
_COMBINING = {"tilde": "\u0303", "hat": "\u0302", "bar": "\u0304", "dot": "\u0307"}
_OPERATORS = [(re.compile(r"\b(?:dot\.(?:o|circle)|circle\.small)\b"), "⊙"), (re.compile(r"\bdot\.(?:op|c)\b|\bcircle\.(?:filled|stroked)\.(?:tiny|small)\b"), "·"),
              (re.compile(r"(?<=[\w)\]])\s+dot\s+(?=[\w(\[])"), None), (re.compile(r"\btimes\b"), "×")]
_FONT = re.compile(r"\b(?:bold|upright|italic|cal)\(\s*([A-Za-z])\s*\)")
_QUOTED_INDEX = re.compile(r'_"([A-Za-z0-9]{1,8})"')
_PAREN_QUOTED_INDEX = re.compile(r'_\(\s*"([A-Za-z0-9 ]{1,8})"\s*\)')  # W_("in"): W_{in}
_SPACING = re.compile(r"(?<![\w\\])q?quad\b")  # quad, qquad: space between two equations (LaTeX's \quad, a separator)
_OP_SYMBOL = re.compile(r'\bop\(\s*"(odot|circle|circ|cdot|times|dot)"\s*\)')  # op("odot"): ⊙
_TEXT = re.compile(r'(?<![\w_)])"[^"\n]{1,60}"(?!\s*\()')  # "forget gate": a label in words, no math
_FONT_WORD = re.compile(r'\b(?:upright|op)\(\s*"?([A-Za-z]{2,12})"?\s*\)(?=\s*\()')  # upright(tanh)(x), op("tanh")(x): tanh(x)
_VEC = re.compile(r"\b(?:vec|mat)\(")
_BRACE = re.compile(r"\b(?:under|over)brace\(")  # underbrace(x, "forget"): x, its label a name for the reader
_QUOTED_CALL = re.compile(r'"([A-Za-z]{2,12})"(?=\()')
_SETS = re.compile(r"\b(?:RR|CC)\b|(?<=\s)in(?=\s+(?:RR|CC)\b|\s+[(\[]\s*-?[01]\s*,\s*[01]\s*[)\]])")  # (and in (0, 1)^h)
_LINE_BREAK = re.compile(r"(?<=\S)[ \t]+\\[ \t]*$", re.M)


def typst(text: str) -> str:
    """The text with its Typst math written as LaTeX of the same length, where it writes Typst."""
    if "$" not in text or _LATEX_COMMAND.search(text) or not (
            any(mark in text for mark in _LITERALS) and _MARKS.search(text) or "\\" in text and _LINE_BREAK.search(text)):
        return text  # (the literals first: a regular expression over a long text costs milliseconds)
    out = list(text)
    for m in _ACCENT.finditer(text):  # tilde(c): c and a combining tilde, at the end of the span
        out[m.start():m.end()] = [" "] * (m.end() - m.start() - 2) + [m.group(2), _COMBINING[m.group(1)]]
    for m in _ACCENT_INDEXED.finditer(text):  # tilde(h_t): h, a combining tilde and _t, at the end of the span
        new = [m.group(2), _COMBINING[m.group(1)], *m.group(3)]
        out[m.start():m.end()] = [" "] * (m.end() - m.start() - len(new)) + new
    for m in _SET_POWER.finditer(text) if "^(" in text else ():  # RR^(d_x): RR^{d_x}
        close = _closing(text, m.end())
        if close is not None:
            out[m.end() - 1], out[close] = "{", "}"
    for pattern, symbol in _OPERATORS:
        for m in pattern.finditer(text):
            width = m.end() - m.start()
            if symbol is None:  # `W dot x`: the product, the word's middle letter
                word = text.index("dot", m.start())
                out[word:word + 3] = [" ", "·", " "]
            else:
                out[m.start():m.end()] = [symbol] + [" "] * (width - 1)
    for m in _FONT.finditer(text):  # bold(W): W
        out[m.start():m.end()] = [" "] * (m.end() - m.start() - 1) + [m.group(1)]
    for m in _QUOTED_CALL.finditer(text):  # "softmax"(z): the function softmax
        out[m.start()] = out[m.end() - 1] = " "
    for m in _SETS.finditer(text):  # x_t in RR^d: x_t ∈ ℝ^d
        out[m.start():m.end()] = list({"RR": "ℝ ", "CC": "ℂ ", "in": "∈ "}[m.group(0)].ljust(m.end() - m.start()))
    for m in _OP_SYMBOL.finditer(text) if 'op("' in text else ():  # op("odot"): ⊙
        out[m.start():m.end()] = list(("·" if m.group(1) in ("cdot", "dot") else "×" if m.group(1) == "times" else "⊙")
                                      .ljust(m.end() - m.start()))
    for m in _SPACING.finditer(text) if "quad" in text else ():  # quad: a space between two statements, as \\quad
        out[m.start():m.end()] = ["\\", "\\"] + [" "] * (m.end() - m.start() - 2)
    for m in _TEXT.finditer(text) if '"' in text else ():  # "forget gate": words, a space
        if " " in m.group(0) or not _QUOTED_CALL.match(text, m.start()):
            out[m.start():m.end()] = [" "] * (m.end() - m.start())
    for m in _PAREN_QUOTED_INDEX.finditer(text) if '_("' in text else ():  # W_("in"): W_{in}
        out[m.start():m.end()] = list(("_{" + m.group(1).replace(" ", "") + "}").ljust(m.end() - m.start()))
    for m in _FONT_WORD.finditer(text):  # upright(tanh)(x): tanh(x)
        out[m.start():m.end()] = list(m.group(1).rjust(m.end() - m.start()))
    for m in _QUOTED_INDEX.finditer(text):  # W_"ih": W_{ih}
        out[m.start() + 1] = "{"
        out[m.end() - 1] = "}"
    for m in _VEC.finditer(text):  # vec(a, b), mat(a; b) (one column): [a, b], at its closing parenthesis
        close = _closing(text, m.end())
        if close is not None and (m.group(0).startswith("vec") or _one_column(text, m.end(), close)):
            out[m.start():m.end()] = [" "] * (m.end() - m.start() - 1) + ["["]
            out[close] = "]"
    for m in _BRACE.finditer(text) if "brace(" in text else ():  # underbrace(x, "label"): x
        close = _closing(text, m.end())
        comma = _last_comma(text, m.end(), close) if close is not None else None
        if comma is not None:
            out[m.start():m.end()] = [" "] * (m.end() - m.start())
            out[comma:close + 1] = [" "] * (close + 1 - comma)
    for m in _LINE_BREAK.finditer(text):  # a row's end: `\` before the line break, LaTeX's `\\` (a space before it)
        mark = text.index("\\", m.start())
        out[m.start():m.end()] = [" "] * (m.end() - m.start())
        out[mark - 1:mark + 1] = ["\\", "\\"]
    return "".join(out)


def _one_column(text: str, start: int, close: int) -> bool:
    """mat(h_(t-1); x_t): rows apart by `;` and no `,` between them at the top level (one column)."""
    depth, rows = 0, False
    for ch in text[start:close]:
        depth += ch in "([{"
        depth -= ch in ")]}"
        if depth == 0 and ch == ",":
            return False
        rows = rows or (depth == 0 and ch == ";")
    return rows


def _closing(text: str, at: int) -> int | None:
    depth = 0
    for i in range(at, min(len(text), at + 400)):
        if text[i] == "(":
            depth += 1
        elif text[i] == ")":
            if depth == 0:
                return i
            depth -= 1
        elif text[i] == "\n":
            return None
    return None


def _last_comma(text: str, start: int, close: int) -> int | None:
    """The last comma between start and close outside parentheses (the one before a brace's label)."""
    depth, found = 0, None
    for i in range(start, close):
        if text[i] == "(":
            depth += 1
        elif text[i] == ")":
            depth -= 1
        elif text[i] == "," and depth == 0:
            found = i
    return found
