"""A line of code read as math (read.regions): its names as a letter and a subscript (`Wxh`: W_{xh},
`W[i]`: W_i), its calls as math (read.rowlabels.code_calls), its dots as products, its Unicode minus
a minus; and which bare lines are written so (a time in brackets, `z[t] := sigmoid(W[z].X[t])`, or a
glued name before an explicit product with no LaTeX, `h' = tanh(Wi*x + Wh*h + b)`)."""
from __future__ import annotations

from . import patterns as re  # re, with the package's patterns compiled ahead (read.patterns)
from .plaincode import step_prefixes
from .rowlabels import code_calls

# in a line of code, a name: Wi, bWi, Rbz, W[i], Wb[i], W[x->i], b[1->c], ai[t] (not x[t], the time step) is
# the first letter with the rest as its subscript (W_{i}, b_{Wi}, W_{bi}, W_{xi}), the rest written in
# the Private Use Area (U+E000 + the character; read.symbols reads it back) to keep every offset;
# Julia's broadcast dots (.+ .- ./) are the operators; `.` between two operands (W[i].X[t]) is a
# product the shapes decide; a Unicode minus is a minus
_CODE_NAME = re.compile(r"(?<![A-Za-z0-9\\_])([A-Za-z][A-Za-z0-9]*)(?:\[(?!\s*t\s*(?:[-−+]\s*[0-9]+\s*)?\])"
                        r"([A-Za-z0-9]+(?:->|→)?[A-Za-z0-9]*)\]|(?<=[A-Za-z0-9])(?![A-Za-z0-9]|\[(?!\s*t\s*(?:[-−+]\s*[0-9]+\s*)?\])|\s*\((?!\s*t\s*(?:[-−+]\s*[0-9]+\s*)?\))))")
# (hh(t), hh(t-1): a name at a step, not a call)
_CODE_TAIL = re.compile(r"_([A-Za-z0-9]{1,8})(?![A-Za-z0-9_\[{]|\((?!\s*t\s*(?:[-−+]\s*[0-9]+\s*)?\)))")  # (zz_a(t): at a step)
_OWNER = re.compile(r"(?<![\w.])(?:self|this)\._*(?=[A-Za-z])")  # (self._kernel: a private attribute, the weight kernel)
_BORROW = re.compile(r"(?<=[(,\s\[])&(?:mut\s+)?(?=[\[A-Za-z_(])")
_SNAKE_REST = re.compile(r"(?:_[A-Za-z0-9]+){2,}(?![\w{(\[])")
_STEPS = frozenset(("prev", "next"))  # hprev, cnext: h at the step before, c at this one (h_{prev}, c_{next})
_CODE_FUNCTIONS = frozenset("tanh sigm relu exp log max min abs sqrt sin cos sign".split())
_CODE_DOT = re.compile(r"(?<=[\w\])\ue000-\ue07f])\.(?=[A-Za-z(])|(?<=\s)\.(?=[-+/^]\s)")


def owners(out: list[str], start: int, end: int, region: str | None = None) -> None:
    """`self.` and `this.` before a name in out[start:end] as spaces: `self.Wh` is the weight Wh (`self._kernel`,
    with the underscores of a private attribute, the weight kernel)."""
    region = "".join(out[start:end]) if region is None else region
    for m in _OWNER.finditer(region) if "." in region else ():
        out[start + m.start():start + m.end()] = [" "] * (m.end() - m.start())


# a parameter kept in a dict by its name: `p["Wf"]`, `self.params['W_xh']`, `weights["b_f"]` (not `x[:, 0]`, `h[t]`)
_KEYED = re.compile(r"(?<![\w.\]])(?:self\.)?[A-Za-z_]\w*\s*\[\s*(['\"])([A-Za-z][A-Za-z0-9_]*)\1\s*\]")


def code_names(out: list[str], start: int, end: int) -> None:
    """A line of code read as math, in out[start:end]: its names as a letter and a subscript, its dots
    as products, its Unicode minus a minus (its calls first: read.rowlabels.code_calls)."""
    code_calls(out, start, "".join(out[start:end]))
    region = "".join(out[start:end])
    for m in _KEYED.finditer(region) if "[" in region else ():  # params["Wf"]: the weight Wf, a dict's entry
        out[start + m.start():start + m.end()] = [" "] * (m.end() - m.start() - len(m.group(2))) + list(m.group(2))
    region = "".join(out[start:end])
    owners(out, start, end, region)
    for m in _BORROW.finditer(region) if "&" in region else ():  # Rust's W_f.dot(&combined): the value itself
        out[start + m.start():start + m.end()] = [" "] * (m.end() - m.start())
    step_prefixes(out, start, region)  # prev_h: h_prev, h at the step before
    region = "".join(out[start:end])
    for m in _CODE_NAME.finditer(region):
        name, index = m.group(1), (m.group(2) or "").replace("->", "").replace("→", "")
        if (not index and (len(name) < 2 or len(name) > 4) and name[1:] not in _STEPS) or name.lower() in _CODE_FUNCTIONS:
            continue
        stop = m.end()
        if not index and _SNAKE_REST.match(region, stop):
            continue  # long_remember_percent: one snake name (read.rowlabels.snake_names), not `long` and a rest
        tail = _CODE_TAIL.match(region, stop) if not index else None  # bx_z: one name, b at x_z
        if tail:
            index, stop = "_" + tail.group(1), tail.end()
        new = name[0] + "".join(chr(0xE000 + ord(c)) for c in name[1:] + index)
        out[start + m.start():start + stop] = [" "] * (stop - m.start() - len(new)) + list(new)
    region = "".join(out[start:end])
    for m in _CODE_DOT.finditer(region):
        out[start + m.start()] = "*" if region[m.end()] not in "-+/^" else " "
    for i in range(start, end):
        if out[i] == "−":
            out[i] = "-"


# math in a container written as code: a time in brackets (`z[t] := sigmoid(W[z].X[t] + ...)`, TensorRT's
# :math:), no LaTeX command
_CODE_MATH = re.compile(r"[A-Za-z]\[\s*t\s*(?:-\s*1\s*)?\]")


# a line without LaTeX (no command, superscript or brace, no Unicode script; h_prev is code's) that writes a capital letter glued to small
# ones right before an explicit product: `h' = tanh(Wi*x + Wh*h + b)`, `h = tanh(Wxh @ x + Whh @ h)`: code's names
_GLUED_BEFORE_PRODUCT = re.compile(r"(?<![A-Za-z0-9])[A-Z][a-z][a-z0-9]{0,2}\s*[*@·]")
# or a name of two or three small letters glued together on either side of an explicit product, in a line of code's
# snake_case names: `input_gate = sigmoid(i * ix + o * im + ib)` (ix, im, ib: names, not products of letters)
_GLUED_SMALL = re.compile(r"(?:[*@]\s*(?!(?:tanh|exp|log|max|min|abs|sin|cos)\b)[a-z]{2,3}(?![\w(])|(?<![\w.])(?!(?:tanh|exp|log|max|min|abs|sin|cos)\b)[a-z]{2,3}\s*[*@])")
# or a name of two or three small letters at a step, its parentheses the step's: hh(t-1), zz_a(t) (yann's state)
_GLUED_AT_STEP = re.compile(r"(?<![\w.])(?!(?:tanh|exp|log|max|min|abs|sin|cos)\b)[a-z]{2,3}(?:_[a-z0-9]{1,3})?\((?=\s*t\s*(?:[-−+]\s*[0-9]+\s*)?\))")
_SNAKE = re.compile(r"\b[a-z]+_[a-z]{2,}\b")
_NOT_PLAIN = re.compile(r"[\\^{}\u2080-\u209c\u1d62-\u1d6a\u2070-\u207f]|(?<![A-Za-z0-9])[A-Z][a-z0-9]{1,3}_")  # (h_prev: code's)


def named_as_code(body: str) -> bool:
    """Whether a bare line's names are code's (read.barelines.code_names): no LaTeX, a glued name before a product (or
    small glued names at a product, among snake_case names, or at a step, hh(t))."""
    return (_GLUED_BEFORE_PRODUCT.search(body) is not None or _SNAKE.search(body) is not None and _GLUED_SMALL.search(body)
            is not None or _GLUED_AT_STEP.search(body) is not None or _KEYED.search(body) is not None) \
        and _NOT_PLAIN.search(body) is None


def written_as_code(body: str) -> bool:
    """Whether the math of a container is written as a line of code (read as one)."""
    return "[" in body and "\\" not in body and _CODE_MATH.search(body) is not None
