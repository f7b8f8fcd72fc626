"""A cell's parameters as a text lists them, with their shapes and no equation: a docstring's
`Wx : Input-to-hidden weights, of shape (D, 2H)`, a help comment's `W: Linear parameters matrix
((4*d) x (m+d))`, a doc comment `/// in_proj weight: (2 * d_inner, d_model)` over the field it
documents (`pub in_proj_weight: Vec<f32>,`), `weight_ih: [3 * hidden_size, input_size]`.

Read only where the text writes no equation of the cell. Each entry is a name and a shape; an entry
is a parameter when its name or description says weight, bias, parameter, projection, matrix or
kernel, and not one when it says input, state, output or gradient (x, prev_h, dWx). An entry neither
says is refused, and so is a name listed twice with two shapes: the count is the sum of what the
list names, so the list must say what it names. A shape's sizes are read by the grammar, as the
declaration `W \\in \\mathbb{R}^{...}` that says the same.
"""
from __future__ import annotations

from ..errors import TYPE_CHECKING, ParseError, Record

if TYPE_CHECKING:  # pragma: no cover
    from typing import Callable
    from .source import Source

from . import nodes as N
from . import patterns as re  # re, with the package's patterns compiled ahead (read.patterns)
from .source import Span


class Listed(Record):
    """One parameter of a listing: its name, its sizes (rows, columns, more), where it is listed; or
    (`signal`) an input or a state the list gives with its size (`x : Input data, of shape (N, D)`: D)."""
    __slots__ = ("name", "dims", "span", "bias", "optional", "what", "signal")
    _defaults = {"signal": False}
    name: str
    dims: tuple            # Lins, rows first
    span: Span             # the shape as written
    bias: bool
    optional: bool         # the text says the entry is optional (counted; --no-bias leaves a bias out)
    what: str              # its description, as written


# a line of a comment or docstring without its marker and bullet: //, ///, //!, #, %, *, (**, --, - , •
_MARKER = re.compile(r"[ \t]*(?:///?!?|\(\*\*?|\*|%+|#+|--|;+)?[ \t]*(?:[-•][ \t]+)?")
_NAME = r"[A-Za-z][A-Za-z0-9_]*"
# `@param wf Weight matrix ...`, `Wx : Input-to-hidden weights ...`, `W: ...`, `Wx (Tensor): ...`, `` `w_i`: ... ``
_ENTRY = re.compile(rf"@param\s+`?(?P<p>{_NAME})`?\s+(?P<pd>.*)"
                    rf"|`?(?P<n>{_NAME})`?\s*(?:\([A-Za-z ,]{{1,30}}\)\s*)?:(?!:)\s*(?P<d>.*)")
# a field or attribute the doc comment above documents: `pub w_i: Vec<f32>,`, `public let b: MLXArray?`,
# `@ParameterInfo(key: "Wx") public var wx: MLXArray`, `self.W = ...`, `float W[4][8];`
_FIELD = re.compile(rf"\s*(?:@\w+(?:\([^)]*\))?\s+)*(?:(?:pub(?:\(\w+\))?|public|private|internal|open|let|var|val|"
                    rf"const|mut|final|static|readonly)\s+)*(?:self\.)?(?P<n>{_NAME})\s*(?::(?!:)\s*(?P<t>[^=,;]*)|=|;|\[)"
                    rf"|\s*(?:[A-Za-z_][\w<>:]*\s+)+(?P<c>{_NAME})\s*(?:\[[^\]]*\]\s*)*;")
# a shape: a bracketed list of sizes with a separator (`(D, 2H)`, `(2H,)`, `[n, d]`, `((4*d) x (m+d))`,
# `(d × n)`), or a list of sizes joined by × (`n_heads × hidden_dim × input_dim`); its sizes are names,
# numbers, + - * and parentheses
_SIZE_CHARS = r"[A-Za-z0-9_ \t+\-*]"
_SEP = r"(?:\s*,\s*|\s+x\s+|\s*×\s*|(?<=\))\s*x\s*(?=\()|\s*\\times\s*)"
_SHAPE = re.compile(rf"(?P<open>[(\[])\s*(?P<dims>(?:{_SIZE_CHARS}|[,×]|\({_SIZE_CHARS}*\))+)\s*(?P<close>[)\]])"
                    rf"|`(?P<tdims>(?:{_SIZE_CHARS}|\({_SIZE_CHARS}*\))+?(?:\s*×\s*(?:{_SIZE_CHARS}|\({_SIZE_CHARS}*\))+?)+)`")
# what a shape's place says: right after the entry's colon, after "shape" or "size", or with a separator
_SHAPE_WORD = re.compile(r"(?:shape|size|dimensions?|dims?)\s*(?:of\s+|is\s+|[:=]\s*)?[`$]*\s*$", re.I)
_NOT_SIZES = {"float", "int", "bool", "str", "optional", "default", "tensor", "array", "ndarray", "list", "tuple",
              "none", "true", "false", "or", "and", "of", "the", "e", "g", "i", "etc"}
_PARAM = re.compile(r"(?<![a-z])(?:weights?|bias|biases|parameters?|projection|kernel|matri(?:x|ces)|embedding|learn(?:ed|able)"
                    r"|trainable|gain|filters?)(?![a-z])", re.I)
_SIGNAL = re.compile(r"\b(?:inputs?|outputs?|states?|hidden|activations?|data|sequences?|batch|mask|returns?|"
                     r"next|previous|prev|result)\b|-state\b"
                     r"|^(?:[xhcyzu]|[xhc]_?t|[hc]_?(?:prev|next|new|old|0)|(?:prev|next)_?\w+|[hc][pn])$", re.I)
_GRADIENT = re.compile(r"\b(?:gradients?|derivatives?|upstream|grads?)\b", re.I)
_WEIGHT_NAME = re.compile(r"(?:[WURV]|weight|kernel|bias|b)(?:[_A-Z0-9]\w*|[a-z]{1,3}\d?)?$")
_BIAS_NAME = re.compile(r"(?:b|bias)(?:[_A-Z0-9]\w*|[a-z]{1,3}\d?)?$|.*_bias$", re.I)
_WILDCARD = re.compile(r"`(?P<n>[A-Za-z][A-Za-z0-9]*_?)\*`")
_LABEL = re.compile(r"(?:inputs?|outputs?|returns?|states?|hidden|data|results?|args|arguments|parameters?|shapes?)", re.I)
_BATCH = frozenset("N B batch batch_size batchsize bs n_batch".split())  # a batch's rows, not a signal's size
_CODE = re.compile(r"[=;{}]|->|^\s*-\S")  # before a shape: an assignment, a block, a negative number
_OPTIONAL = re.compile(r"\boptional\b|Option<|\?\s*(?:=|,|$)|nullable", re.I)


def listing(text: str, src: "Source", read: Callable[[str], tuple]) -> tuple[tuple[Listed, ...], tuple[str, ...]]:
    """The parameters the text lists with their shapes, and the notes on what was left out; ((), ())
    where the text lists none. `read(latex)` reads `W \\in \\mathbb{R}^{...}` and gives its sizes (Lins)."""
    lines = text.split("\n")
    starts, pos = [], 0
    for line in lines:
        starts.append(pos)
        pos += len(line) + 1
    entries: dict[str, Listed] = {}
    skipped: list[str] = []
    signals: dict[str, Listed] = {}
    wildcards: list[tuple[str, int]] = []
    unknown: list[tuple[str, Span, str]] = []
    for k, line in enumerate(lines):
        if _WILDCARD.search(line) and _shape_in(line):  # `W_*`: `n × d`: the shape of every W_ listed
            wildcards += [(m.group("n"), starts[k] + m.start()) for m in _WILDCARD.finditer(line)]
            continue
        found = _entry(line, lines, k, starts[k], read)
        if found is None:
            continue
        name, dims, span, what, optional = found
        said = f"{what} {name}"  # what is said of it, its shape left out
        if _GRADIENT.search(what) or (name[0] == "d" and name[1:] in entries):
            skipped.append(name)
        elif _PARAM.search(said) or (not what.strip() and _WEIGHT_NAME.match(name)):
            bias = _is_bias(name, what, dims)
            if name in entries and entries[name].dims != dims:
                raise ParseError(f"{name} is listed twice with two shapes", source=src, span=span,
                                 hint=f"the first at {src.where(entries[name].span)}: give the text one shape for it")
            entries.setdefault(name, Listed(name, dims, span, bias, optional, " ".join(what.split())))
        elif _SIGNAL.search(what) or _SIGNAL.search(name):
            skipped.append(name)
            sized = [d for d in dims if not (len(d.terms) == 1 and d.terms[0][1] == 1 and not d.const
                                             and d.terms[0][0] in _BATCH)]
            if len(sized) == 1 and len(dims) <= 2 and name not in signals and not _LABEL.fullmatch(name):  # (N, D): rows of D
                signals[name] = Listed(name, (sized[0],), span, False, False, " ".join(what.split()), True)
        else:
            unknown.append((name, span, what))
    if not any(len(e.dims) > 1 for e in entries.values()):
        return (), ()
    for name, span, what in unknown:
        raise ParseError(f"cannot tell whether {name} is a parameter: the text lists it with a shape, and its "
                         f"description ({' '.join(what.split())[:60] or 'none'}) says neither weight, bias or parameter "
                         "nor input or state", source=src, span=span,
                         hint="write the cell's equations in math, or describe the entry as a weight or an input")
    for stem, at in wildcards:
        if not any(n.lower().startswith(stem.lower()) for n in entries):
            raise ParseError(f"the shape given for {stem}* names no entry of the list", source=src, span=Span(at, at + len(stem) + 3),
                             hint="list each parameter with its own shape, or write the cell's equations in math")
    listed = tuple(entries.values())
    first = listed[0]
    listed += tuple(signals.values())
    notes = [f"no equation of the cell: the count is the sum of the {len(entries)} parameters the text lists with "
             f"their shapes (the first, {first.name}, at {src.where(first.span)})"
             + (f"; not counted, as inputs, states or gradients: {', '.join(dict.fromkeys(skipped))}" if skipped else "")]
    notes += [f"{e.name} at {src.where(e.span)} is optional: counted" + ("; --no-bias leaves the biases out" if e.bias else "")
              for e in listed if e.optional and not e.signal]
    return listed, tuple(notes)


def _is_bias(name: str, what: str, dims: tuple) -> bool:
    """A bias: its name says so, or a vector whose name is b... or whose description says bias
    (`x_proj weight: (R, d) — no bias` is a weight)."""
    if "bias" in name.lower():
        return True
    vector = len(dims) == 1 or len(dims) == 2 and (dims[1].is_one or dims[0].is_one)
    return vector and (_BIAS_NAME.match(name) is not None or re.search(r"(?<!no )\bbias", what, re.I) is not None)


def _shape_in(line: str) -> bool:
    return _SHAPE.search(line) is not None


def _entry(line: str, lines: list[str], k: int, at: int, read) -> tuple | None:
    """(name, dims, span, description, optional) of an entry on line k, or None."""
    body_at = _MARKER.match(line).end()
    body = line[body_at:]
    m = _ENTRY.match(body)
    name, what, what_at = None, body, body_at
    if m is not None:
        name = m.group("p") or m.group("n")
        what_at = body_at + m.start("pd" if m.group("p") else "d")
        what = m.group("pd") if m.group("p") else m.group("d")
    shape = _shape(what, read, bool(m) and m.group("n") is not None)
    if shape is None:
        return None
    dims, start, end = shape
    if _CODE.search(what[:start]):
        return None  # code, not a list: low: -scale, high: scale, [3 * hiddenSize, inputSize]
    field = _documented(lines, k)
    code_type = ""
    if field is not None and (name is None or not _ENTRY.match(body) or field[0].lower() == name.lower()
                              or name[0].isupper() != field[0][0].isupper() or " " in body[:body.find(":")].strip()):
        name, code_type = field
    if name is None:
        return None
    optional = bool(_OPTIONAL.search(what)) or bool(_OPTIONAL.search(code_type))
    return name, dims, Span(at + what_at + start, at + what_at + end), what[:start] + what[end:], optional


def _documented(lines: list[str], k: int) -> tuple[str, str] | None:
    """The field the doc comment at line k documents: the first code line after the comment's lines."""
    marker = _MARKER.match(lines[k]).group(0).strip()
    if not marker.startswith(("///", "/**", "*", "#", "%")):
        return None
    for line in lines[k + 1:k + 8]:
        stripped = line.strip()
        if not stripped or stripped.startswith(("///", "//", "*", "#", "%", "/**")):
            continue
        m = _FIELD.match(line)
        if m is None:
            return None
        return (m.group("n") or m.group("c")), (m.group("t") or "")
    return None


def _shape(what: str, read, after_colon: bool) -> tuple | None:
    """The sizes of the first shape in a description (Lins), and where it is; None without one."""
    for m in _SHAPE.finditer(what):
        raw = m.group("dims") if m.group("dims") is not None else m.group("tdims")
        parts = [p.strip() for p in re.split(_SEP, raw) if p.strip()]
        separated = len(parts) > 1 or raw.rstrip().endswith(",")
        before = what[:m.start()].rstrip(" `")
        placed = _SHAPE_WORD.search(what[:m.start()]) is not None or before.endswith(":") or (after_colon and not before)
        if m.start() and (what[m.start() - 1].isalnum() or what[m.start() - 1] == "_"):
            continue  # a call or an index: split(x, z), W[4]
        if not parts or not (separated or placed) or m.group("open") and m.group("open") + m.group("close") not in ("()", "[]"):
            continue
        if any(w.lower() in _NOT_SIZES for p in parts for w in re.findall(r"[A-Za-z_][A-Za-z0-9_]*", p)):
            continue
        if not all(re.search(r"[A-Za-z]", p) or p.isdigit() for p in parts):
            continue
        dims = read(r"W \in \mathbb{R}^{" + r" \times ".join(_latex(p) for p in parts) + "}")
        if dims is None:
            continue
        return dims, m.start(), m.end()
    return None


def _latex(size: str) -> str:
    """A size as the grammar reads it: a name of more than one letter in \\text{}, a product by
    juxtaposition, in parentheses when it is a sum (`2 * d_inner` -> `(2 \\text{d\\_inner})`)."""
    out = re.sub(r"[A-Za-z][A-Za-z0-9_]*", lambda m: m.group(0) if len(m.group(0)) == 1
                 else r"\text{" + m.group(0).replace("_", r"\_") + "}", size)
    out = re.sub(r"\s*\*\s*", " ", out)
    out = re.sub(r"(\d)(?=[A-Za-z\\])", r"\1 ", out)
    return f"({out})"


def sizes_of(decl) -> tuple | None:
    """The sizes a declaration gives (rows, columns, more), or None for one that is not a shape."""
    if not isinstance(decl, N.Declaration) or decl.rows is None:
        return None
    return tuple(s.lin for s in (decl.rows, decl.cols) + decl.more if s is not None)
