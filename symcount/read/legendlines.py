"""Names the text gives the cell that the equations read must use, a check of read.parse after they are read: a
legend that names each symbol by the code's variable that holds it (`I^{r} = syn_reset_in_`, `x_{t} =
input_.row(t)`, read.barelines' code aliases), and the weights that the code whose step is read makes and uses
(`self.W_hy = np.random.randn(hidden_size, output_size)`, used by a line not read)."""
from __future__ import annotations

from ..errors import ParseError
from . import nodes as N
from . import patterns as re  # re, with the package's patterns compiled ahead (read.patterns)
from .barelines import CODE_ALIAS, CODE_VALUE


_LEGEND_LINE = re.compile(r"^[ \t]*(?:///?|#|\*|--)?[ \t]*(" + CODE_ALIAS.pattern + r")$", re.M)
_LEGEND_PAIR = re.compile(r"([A-Za-z](?:[_^](?:\{[^{}\n]*\}|[A-Za-z0-9]))*)\s*=\s*" + CODE_VALUE)
_AT_STEP = re.compile(r"_\{?\s*t\s*\}?$")


def _code_statement(m) -> bool:
    """`h = h.reshape(self.cells)`, `x = self.proj(x)`, `s = keras_utils.reset_tf_session()`: a plain letter set from
    a call, or from itself, is the code's own statement, not a legend naming a symbol."""
    name, value = m.group(1), m.group(0)[m.end(1) - m.start(0):].lstrip(" =")
    return bool(re.search(rf"\b{re.escape(name)}\b", value)) or (name.isalpha() and value.rstrip().endswith(")")) \
        or re.match(r"\s*[A-Za-z_]\w*\.(?:astype|reshape|view|to|float|double|real|imag|conj|T)\b", value) is not None  # u.astype(...)


def unused_names(text: str, equations, src) -> None:
    """A legend's symbol, or a weight the code makes and uses, that no equation uses: refused (read.legendlines)."""
    found: list = []

    def used() -> set[str]:  # the equations' names, walked once and only where a legend or a made weight asks
        if not found:
            found.append({re.sub(r"[{}\s]", "", n.name) for eq in equations for side in (eq.lhs, eq.rhs) + eq.also
                          for n in N.walk(side) if isinstance(n, N.Symbol)})
        return found[0]
    _unused_legend(text, used, src) if "=" in text and "_" in text else None
    _unused_made(text, used, src) if "self." in text else None
    _unused_listed(text, used, src) if "$" in text and "_" in text else None


def _unused_legend(text: str, used, src) -> None:
    """A legend line names a symbol by the code's variable (`I^{r} = syn_reset_in_`): the symbol is the
    cell's, so equations that never use it disagree with the legend (a typo writes I^u for I^r, or an
    equation was not read): refused, never counted without it."""
    if "=" not in text or "_" not in text:
        return
    pairs = [m for line in _LEGEND_LINE.finditer(text) for m in _LEGEND_PAIR.finditer(text, line.start(1), line.end(1))]
    for m in pairs:
        if _code_statement(m):
            continue
        if re.sub(r"[{}\s]", "", _AT_STEP.sub("", m.group(1))) not in used():
            raise ParseError(f"{m.group(1)} is named in a legend ({m.group(0).strip()}) but no equation uses it: "
                             "the legend and the equations disagree", source=src, span=N.Span(m.start(1), m.end()),
                             hint=f"check the equations for {m.group(1)} (a typo, or an equation not read)")


# a weight the code makes, `self.W_hy = np.random.randn(hidden_size, output_size)`, `self.w1x = glorot_init(...)`
# (or a bias made of zeros, `self.b_y = np.zeros((1, output_size))`; not a state's start, `self.h0 = np.zeros(...)`)
_MADE = re.compile(r"^[ \t]*self\.(?P<name>[A-Za-z]\w{0,20})[ \t]*=[ \t]*(?:nn\.Parameter\(\s*)?(?:(?:np|numpy|torch|jnp)\."
                   r"(?:random\.)?(?P<how>randn|rand|normal|uniform|standard_normal|empty|zeros|ones)|[a-z]+_init)[ \t]*\(", re.M)


def _unused_made(text: str, used, src) -> None:
    """The code makes weights and the equations read are its own (they use one of them): a weight it makes and
    uses on another line (`y_t = np.dot(h_t, self.W_hy) + self.b_y`) that no equation uses is a line not read,
    and the count without it is short: refused."""
    made = [m for m in _MADE.finditer(text) if m.group("how") not in ("zeros", "ones") or m.group("name")[:1] in "bB"]
    if not made:
        return
    plain = {re.sub(r"_", "", n) for n in used()}
    if not any(re.sub(r"_", "", m.group("name")) in plain for m in made):
        return
    for m in made:
        name = m.group("name")
        if re.sub(r"_", "", name) in plain:
            continue
        uses = [u for u in re.finditer(rf"(?<![\w.])self\.{re.escape(name)}(?!\w)(?![ \t]*[-+*/]?=(?!=))", text) if u.start() > m.end()]
        if uses:
            line = text[m.start():text.find("\n", m.start()) % (len(text) + 1)].strip()
            raise ParseError(f"{name} is made by the code ({line}) and used at {src.where(N.Span(uses[0].start(), uses[0].end()))}, "
                             "but no equation read uses it: the count without it would be short", source=src,
                             span=N.Span(m.start("name"), m.end("name")),
                             hint=f"write the step that uses {name} as an equation, in math ($$ ... $$)")


# a bullet of a list of the cell's weight matrices: "- $\mathbf{W}_{hy}$: la matrice tra il livello h e ...",
# "* $W_{xh}$ — the input-to-hidden weights"
_LISTED_WEIGHT = re.compile(r"^[ \t]*[-*•][ \t]+\$\s*(?P<n>(?:\\(?:mathbf|boldsymbol|bm)\s*\{\s*)?[WUV]\s*\}?\s*_\s*(?:\{[^{}$]{1,8}\}|[A-Za-z0-9]))"
                            r"\s*\$[ \t]*(?::|[—–-]|\bis\b)[ \t]*(?P<d>[^\n]{3,})$", re.M)
_APART = re.compile(r"not\s+(?:a\s+)?part\s+of|outside\s+(?:the|of)|excluded|not\s+counted|apart\s+from|non\s+fa\s+parte|"
                    r"no\s+forma\s+parte|ne\s+fait\s+pas\s+partie|nicht\s+Teil|不属于|不计|含まれない|포함되지", re.I)
_MATRIX_WORD = re.compile(r"matri|weight|pesi|peso|poids|gewicht|权重|重み|가중치|весов", re.I)


def _unused_listed(text: str, used, src) -> None:
    """A list of the cell's weight matrices (two bullets or more, each a weight and a description that says matrix or
    weights, one at least used by an equation): a weight it lists that no equation uses is a step not written or not
    read (`W_{hy}`, the output's, beside equations of the state only): the count without it would be short, refused."""
    found = [m for m in _LISTED_WEIGHT.finditer(text) if _MATRIX_WORD.search(m.group("d"))]
    if len(found) < 2 or _APART.search(text, max(0, found[0].start() - 300), found[-1].end()):
        return  # ("the output layer is outside the cell", "(not part of the cell)": a weight the text sets apart)
    names = [(m, re.sub(r"\\(?:mathbf|boldsymbol|bm)|[{}\s]", "", m.group("n"))) for m in found]
    if not any(n in used() for _, n in names):
        return
    for m, name in names:
        if name not in used():
            raise ParseError(f"{name} is listed among the weight matrices ({m.group(0).strip()[:80]}) but no equation "
                             "uses it: the count without it would be short", source=src, span=N.Span(m.start("n"), m.end("n")),
                             hint=f"write the equation that uses {name}, or leave it out of the list")
