"""Math the grammar cannot read that defines nothing the cell needs: an expression with no equation in
it ($\\prod_{j} f_j$), a property of a gate ($\\log i_t = \\tilde{i}_t$, $\\partial h_t / \\partial h_{t-1}
= ...$), or a step of a derivation (f'_t \\hat{c}_{t-1} = ... = ...: no one name on the left). Such a
region, or such a row of a display read row by row, is set aside
with a note when the cell's equations are read elsewhere; anything else that cannot be read (a
declaration, a definition of its own, a row that goes on with the sum before it) stays an error. Steps
of read.parse."""
from __future__ import annotations

from . import patterns as re  # re, with the package's patterns compiled ahead (read.patterns)

from ..errors import ParseError, replace
from . import nodes as N
from .source import Source, Span
from .statements import settings_of

# a declaration or a space (sizes the count may need) is never set aside
_DECLARES = re.compile(r"\\in(?![A-Za-z])|∈|\\mathbb|ℝ|\\subset")
_RELATION = re.compile(r"(?<![<>!])=(?!=)|[≔←≜≡]|\\(?:coloneqq|leftarrow|gets|Leftarrow|mapsto|triangleq|equiv|stackrel|overset)(?![A-Za-z])")
# one symbol, as a left side writes it: h_t, \tilde{c}_t, \mathbf{h}^{(t)}, x'_t (not a product of two)
_ONE_NAME = re.compile(r"\s*&?\s*(?:\\(?:mathbf|boldsymbol|bm)\s+[A-Za-z]|\\(?:mathbf|boldsymbol|bm|vec|tilde|hat|bar|widetilde|widehat|overline|mathrm|mathit|mathcal"
                       r"|mathsf|operatorname|check|breve|dot)\s*\{(?:[^{}]|\{[^{}]*\})*\}|\\[A-Za-z]+|[A-Za-z]\w*)'*"
                       r"(?:\s*[_^]\s*(?:\{(?:[^{}]|\{(?:[^{}]|\{[^{}]*\})*\})*\}|\\?[A-Za-z0-9]+)'*)*"
                       r"(?:\s*(?:\[[^\[\]]*\]|\([^()]*\)))?\s*:?\s*&?\s*")  # (h[t], h(t), z[t] :=)
# a left side that applies a function or an operator to what it speaks of: a property, not a definition
# (never a fraction: \frac{dh}{dt} = ... is a continuous-time cell's definition)
_PROPERTY = re.compile(r"\\(?:log|ln|exp|partial|nabla|prod|sum|lim|det|tanh|sigma)(?![A-Za-z])|\\[a-z]*(?:partial|deriv)[a-z]*\s*\{|∂|∇|∑|∏|\|")
_LAYOUT = re.compile(r"\\(?:begin|end)\s*\{[A-Za-z*]+\}(?:\s*\{[^{}]*\})?|\\(?:label|tag|text|textrm|mbox|textbf|emph)\s*\{[^{}]*\}"
                     r"|\\(?:nonumber|notag|q?quad)(?![A-Za-z])")  # a row's layout and its label in words
# a letter applied to a signal with its index: `A(x_t) = \mathrm{diag}(1 - z_t)` (not h(t), a state in continuous time)
_OF_SIGNAL = re.compile(r"\\?[A-Za-z]+'*\s*(?:\\left)?\(\s*\\?[A-Za-z]+\s*_\s*\{?[^(){}]*\}?\s*(?:\\right)?\)")
# a loss's letter applied to a target and a prediction: `E(y,\hat{y})`, `\mathcal{L}(y_t, \hat{y}_t)`, `J(\theta)`
_LOSS_OF = re.compile(r"(?:[ELJ]|\\ell|\\mathcal\s*\{\s*[LJE]\s*\}|[Ll]oss)\s*(?:\\left)?\((?:[^()]*,[^()]*|\s*\\theta\s*)(?:\\right)?\)")
# a loss's letter alone, its right side a norm, a sum, a log or a square: `L = (1/T) Σ_{t=1}^{T} ||y_t - ŷ_t||²`
_LOSS_LEFT = re.compile(r"(?:L|J|\\ell|\\mathcal\s*\{\s*[LJ]\s*\}|[Ll]oss|\\(?:text|mathrm)\{[Ll]oss\})(?:_\{?[A-Za-z0-9]+\}?)?")
_LOSS_RIGHT = re.compile(r"\|\||\\\||\\sum|Σ|∑|\\log|\blog\b|²|\^\s*\{?\s*2")
_OPERATOR = re.compile(r"[-+*]|\\(?:cdot|odot|times|circ)(?![A-Za-z])")
_GOES_ON = re.compile(r"\s*&?\s*(?:[-+−*·⊙∘×]|,\s*(?=[A-Za-z\\(])|\\(?:odot|cdot|times|circ|quad|qquad|left|right|big|Big)(?![A-Za-z]))")


def set_aside(body: str) -> str | None:
    """Why a region that failed to parse may be set aside ("no equation", "a property", "a step of a
    derivation"); "" or None where it may define what the cell needs (an error: a declaration, a row that
    goes on with the sum before it, one name on the left)."""
    if _DECLARES.search(body):
        return ""
    if _ELIDED_SUM.search(body):
        return ELIDED_SUM
    # (an `=` in a script is no relation: a sequence `(u_k)_{k=1}^L`, a sum's bounds)
    relation = _RELATION.search(_SCRIPT.sub(lambda m: " " * len(m.group(0)), body) if "_{" in body else body)
    if relation is None:  # (a row that goes on with the sum of the one before it is never set aside)
        return "" if _GOES_ON.match(body) else "holds no equation"
    lhs = _LAYOUT.sub(" ", body[:relation.start()]).strip(" \t\n;,")
    if not lhs and _UNROLLED.search(body, relation.end()):
        return "continues the equation before it with the step unrolled (no left side, `...` inside)"
    if _NUMBER_ALONE.fullmatch(_DELIMITERS.sub("", body[relation.end():])) and _ONE_NAME.fullmatch(lhs):
        return "sets a name to a number (a value the prose speaks of, `f_t[i] = 0`)"
    if not _DELIMITERS.sub("", body[relation.end():]).strip():
        return "has nothing on its right side (the words after it say what the name is)"
    row = _ROW_BREAK.split(body, 1)[0]  # (a chain of relations in its first row: a derivation's steps)
    if _PROPERTY.search(lhs):
        return "states a property (its left side is not a name the cell computes)"
    if _TUPLE_RIGHT.match(body, relation.end()) and body.count(",", relation.end()) >= 2 and not _STEP_LEFT.search(lhs):
        return "names a model's parts as a tuple (\\langle W, B, \\sigma \\rangle), not a signal the cell computes"
    if _LOSS_OF.fullmatch(lhs) or (_LOSS_LEFT.fullmatch(lhs) and _LOSS_RIGHT.search(body, relation.end())):
        return "is a training loss (its left side is a loss of a target and a prediction, not a name the cell computes)"
    if _OF_SIGNAL.fullmatch(lhs):
        return "says what a function of a signal is (its left side applies a letter to a signal, not a name the cell computes)"
    if not _ONE_NAME.fullmatch(lhs) and (_OPERATOR.search(lhs) or len(_RELATION.findall(row)) >= 2):
        return "has no one name on its left side (a step of a derivation, not a definition)"
    return None


# a line of plain text that sets a name to a number, then says in words what that does: a case
# ("z_t = 1: Completely replace with new info", "- ft=0 : 전부 버림 / ft=1 : 전부 유지")
_CASE = re.compile(r"[ \t]*(?:(?://+!?|#+|\*+|--)[ \t]*)?(?:[-*•·][ \t]*)?\\?[A-Za-z]+[\u2080-\u209c\u1d62-\u1d6a]*(?:_\{?[A-Za-z0-9,+-]+\}?)?[ \t]*=[ \t]*"
                   r"[-+]?\d+(?:\.\d+)?[ \t]*:(?!=)[ \t]*\S")


# a derivative of one signal by another in plain text, on a left side: `dC_t/dC_{t-1} = f_t`, `∂h_t/∂h_{t-1} =`
_DERIVATIVE = re.compile(r"(?<![A-Za-z])(?:d|∂)[A-Za-z]\w*(?:_\{[^{}=]*\}|_\w+)?\s*/\s*(?:d|∂)[A-Za-z]\w*(?:_\{[^{}=]*\}|_\w+)?\s*=")
_UNROLLED = re.compile(r"\.{3,}|…|\\[lc]?dots(?![A-Za-z])")  # `$=g(V \cdot f(U \cdot x_t+W \cdot f(...+....)))$`
_TUPLE_RIGHT = re.compile(r"\s*(?:\\left\s*)?(?:\\langle|⟨)")  # `\net{RNN} \defeq \langle \set{W}, \set{B}, ... \rangle`
_STEP_LEFT = re.compile(r"[_^]\s*\{?\s*[tk]\b|\(\s*t\s*\)")  # (y_t = \langle v, h_t \rangle: an inner product, a signal's)
_NUMBER_ALONE = re.compile(r"\s*[-+]?\d+(?:\.\d+)?\s*")
_DELIMITERS = re.compile(r"\$|\\[\])]|&|\\(?:q?quad|[,;:!])(?![A-Za-z])")
# a legend line of plain text: `* **xₜ** = current character input`, `h_{t-1} = hidden state from previous step`
_GLOSS_LINE = re.compile(r"[^\n=]{1,40}?=[ \t]*(?:[A-Za-z][a-z'-]+|[a-z])(?:[ \t]+[A-Za-z][A-Za-z'-]*(?:[(),.][ \t]*)?){1,12}[ \t]*$", re.M)
_SCRIPT = re.compile(r"[_^]\s*\{[^{}=]*=[^{}]*\}")
# a right side that leaves the rest of its sum out: `c_t = f_t \odot c_{t-1} + \ldots`, set aside only where
# another equation defines the same name in full
_ELIDED_SUM = re.compile(r"[-+]\s*(?:\\[lc]?dots|\.\.\.|…)\s*(?:\$|\\\]|\\\)|$)")
ELIDED_SUM = "leaves the rest of its sum out (...)"
_ELIDED = re.compile(r"\(\s*(?:\.\.\.|…|\\[lc]?dots)\s*\)")  # g_t=σ(...): a diagram's label


def _loss_line(body: str) -> bool:
    lhs, eq, rhs = body.partition("=")
    return bool(eq) and _LOSS_LEFT.fullmatch(lhs.strip(" \t*-")) is not None and _LOSS_RIGHT.search(rhs) is not None


def failed(exc, r, text: str, errors: list, deferred: list) -> None:
    """A region that failed to parse: its error, or (error, region, why) deferred where it may be set aside."""
    if r.kind in ("bare", "code"):  # (a line of plain text: its label is not read; a case may be set aside)
        why = "sets a name to a number and says in words what that does (a case)" if _CASE.match(text, r.start) else \
            "leaves out what a function is applied to (...)" if _ELIDED.search(text, r.start, r.end) else \
            "glosses a name in words (a legend)" if _GLOSS_LINE.match(text, r.start) else \
            "is a training loss (a loss's letter set to a norm, a sum or a square)" if _loss_line(text[r.start:r.end]) else \
            "states a property (a derivative, dC_t/dC_{t-1}, on its left side)" if _DERIVATIVE.search(text, r.start, r.end) else ""
    else:
        why = set_aside(text[r.start:r.end])
    if not why:
        errors.append(exc)
    else:
        deferred.append((exc, r, why))


_LOG_LEFT = re.compile(r"\s*&?\s*(\\(?:log|ln)(?![A-Za-z])\s*(?:\\left\s*)?(\()?)([^=()]{1,40}?)(\s*(?:\\right\s*)?\))?\s*&?\s*=")


def log_definitions(deferred: list, equations: list, text: str, read, notes: list, src: Source, errors: list) -> list:
    """`\\log a_t = -c \\cdot \\text{softplus}(\\Lambda) \\odot r_t` set aside as a property, where no equation defines
    a_t and one uses it: its definition, read as a_t = \\exp(...) (with a note), not set aside; an error where it
    cannot be read so (the cell's definition of a_t is not read). A remark after `\\quad` is left out, a setting
    there kept (`\\quad (c=8)`, `\\quad \\text{with } c = 8`). Returns the names the settings set."""
    others: list = []
    for item in list(deferred):
        exc, r, why = item
        m = _LOG_LEFT.match(text, r.start, r.end) if why.startswith("states a property") else None
        if m is None or bool(m.group(2)) != bool(m.group(4)) or not _undefined_use(m, equations, read):
            continue
        deferred.remove(item)
        blank = list(text[r.start:r.end])
        for a, b in [(m.start(1), m.end(1))] + ([(m.start(4), m.end(4))] if m.group(4) else []):
            blank[a - r.start:b - r.start] = [" "] * (b - a)
        body = "".join(blank)
        tail = _QUAD.search(body, m.end() - r.start)
        if tail is not None:  # the remarks after it blank, each setting in them kept as a statement of its own
            kept = [" "] * (len(body) - tail.start())
            for x in _TAIL_SETTING.finditer(body, tail.end()):
                kept[x.start() - tail.start() - 1:x.end() - tail.start()] = [";"] + list(x.group(0))
            body = body[:tail.start()] + "".join(kept)
        found = read(body, r.start)  # (None: the grammar refuses it, and the cell's definition of a_t is not read)
        stmts = [x for x in getattr(found, "children", ()) if isinstance(x, N.Equation) and isinstance(x.lhs, N.Symbol)]
        if not stmts or isinstance(stmts[0].rhs, N.Number) or any(not isinstance(x.rhs, N.Number) for x in stmts[1:]):
            errors.append(exc)
            continue
        eq = stmts[0]
        others += [name for x in stmts[1:] for name in settings_of(x, True)]
        equations.append(replace(eq, rhs=N.Apply("\\exp", eq.rhs, eq.rhs.span), inline=r.inline))
        equations.sort(key=lambda e: e.span.start)
        notes.append(f"{eq.lhs.text} at {src.where(eq.lhs.span)} is defined by its logarithm (no other equation defines it): "
                     f"read as {eq.lhs.text} = \\exp(...)")
    return others


_QUAD = re.compile(r"\\q?quad(?![A-Za-z])|,\s*\\q?quad(?![A-Za-z])")
# a setting after \quad: `(c=8)`, `\text{with } c = 8`, `c = 8.`
_TAIL_SETTING = re.compile(r"(?<![<>\w\\{])[A-Za-z]\s*=\s*\d+(?:\.\d+)?(?![\w.])")


def _undefined_use(m, equations: list, read) -> bool:
    """The name under the logarithm is used by an equation and defined by none."""
    found = getattr(read(m.group(3) + " = 0", m.start(3)), "children", ())  # (none: no name the grammar reads)
    name = getattr(getattr(found[0], "lhs", None), "name", None) if found else None
    if name is None:
        return False
    used = any(isinstance(x, N.Symbol) and x.name == name for e in equations for side in (e.rhs,) + e.also for x in N.walk(side))
    return used and not any(isinstance(e.lhs, N.Symbol) and e.lhs.name == name for e in equations)


def note(src: Source, start: int, end: int, why: str) -> str:
    shown = " ".join(src.text[start:end].split())
    shown = shown if len(shown) <= 60 else shown[:57] + "..."
    return f"the math ${shown}$ at {src.where(Span(start, end))} is not read: it {why}, and the cell's equations are read elsewhere"


def settle(deferred: list, equations: list, errors: list, notes: list, src: Source, reading=None, settings=None) -> None:
    """The regions of running text that failed to parse: set aside with a note where they define nothing
    the cell needs and its equations are read elsewhere, else errors (in the order of the text). With `reading`
    (the text read, the grammar), `\\log a_t = ...` defines a_t where no equation does (log_definitions; its settings
    to `settings`)."""
    if not deferred:
        return
    if reading is not None and equations:
        settings += log_definitions(deferred, equations, reading[0], reading[1], notes, src, errors)
    for exc, r, why in deferred:
        if not equations and (errors or not r.inline):  # (running text's math alone: the plain lines may hold them)
            errors.append(exc)
        elif why == ELIDED_SUM and not _defined_in_full(src.text[r.start:r.end], equations):
            errors.append(exc)  # c_t = f_t c_{t-1} + ... and no other equation of c_t: what it leaves out may hold weights
        else:
            notes.append(note(src, r.start, r.end, why))
    errors.sort(key=lambda e: e.span.start if e.span is not None else -1)


def _defined_in_full(body: str, equations: list) -> bool:
    """Whether another equation read defines the name on the left of body."""
    lhs = re.sub(r"[\s{}$]|\\[\[(]", "", body[:body.find("=")]) if "=" in body else None
    return bool(lhs) and any(re.sub(r"[\s{}]", "", getattr(eq.lhs, "text", "")) == lhs for eq in equations)


_MATRIX = re.compile(r"\\begin\s*\{(?:[pbBvV]?matrix|array|cases|smallmatrix)")  # rows that are not equations
_ROW_BREAK = re.compile(r"\\\\(?:\s*\[[^\]]*\])?|\\cr(?![A-Za-z])|\\newline(?![A-Za-z])")


def by_rows(exc, r, text: str, errors: list, deferred: list, read):
    """A display region that failed to parse, read again row by row (`read(start, end)` reads a span as
    read.parse's regions): the rows read are kept, each row that fails is judged as running text's math
    (set aside, or an error). None (the region's error kept) where it has no rows to read apart, or none
    of them reads."""
    body = text[r.start:r.end]
    if r.inline or _MATRIX.search(body) or not _ROW_BREAK.search(body):  # (judged whole)
        failed(exc, r, text, errors, deferred)
        return None
    stmts: list = []
    components: set = set()
    bad: list = []
    starts = [r.start] + [r.start + m.end() for m in _ROW_BREAK.finditer(body)]
    ends = [r.start + m.start() for m in _ROW_BREAK.finditer(body)] + [r.end]
    for a, b in zip(starts, ends):
        try:
            found = read(a, b)
        except ParseError as row_exc:
            bad.append((row_exc, replace(r, start=a, end=b, inline=True)))
            continue
        if found is not None:
            stmts += found[0]
            components |= found[1]
        elif stmts and _GOES_ON.match(text, a) and _OPERATOR.search(text, a, b):  # `y = W \\ , h + b`: a row that goes on
            bad.append((ParseError("a row that goes on with the equation before it cannot be read apart from it",
                                   source=exc.source, span=Span(a, b)), replace(r, start=a, end=b, inline=True)))
    if not stmts:
        failed(exc, r, text, errors, deferred)
        return None
    for row_exc, row in bad:
        failed(row_exc, row, text, errors, deferred)
    return stmts, components
