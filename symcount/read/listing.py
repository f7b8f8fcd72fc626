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


AROUND = "made by a layer of the model around the recurrent ones"  # (read.layercalls: a Dense's, an Embedding's)


class Listed(Record):
    """One parameter of a listing: its name, its sizes (rows, columns, more), where it is listed; or
    (`signal`) an input or a state the list gives with its size (`x : Input data, of shape (N, D)`: D)."""
    __slots__ = ("name", "dims", "span", "bias", "optional", "what", "signal")
    _defaults = {"signal": False}
    name: str
    dims: tuple            # Lins, rows first
    span: Span             # the shape as written
    bias: bool
    optional: bool         # the text says the entry is optional (a bias counted, --no-bias leaves it out; a weight refused)
    what: str              # its description, as written


# a line of a comment or docstring without its marker and bullet: //, ///, //!, #, %, *, (**, --, - , •
_MARKER = re.compile(r"[ \t]*(?:///?!?|\(\*\*?|\*|%+|#+|--|;+)?[ \t]*(?:[-•][ \t]+)?")
_NAME = r"[A-Za-z][A-Za-z0-9_]*"
# `@param wf Weight matrix ...`, `@param[in] input_to_forget_weights 2D weights tensor with dimensions [a, b]`, `Wx : Input-to-hidden weights ...`, `W: ...`, `Wx (Tensor): ...`, `` `w_i`: ... ``
_ENTRY = re.compile(rf"@param(?:\[(?:in|out|in,\s*out|in/out)\])?\s+`?(?P<p>{_NAME})`?\s+(?P<pd>.*)"  # (Doxygen's @param[in])
                    rf"|`?(?P<n>{_NAME})`?\s*(?:\([A-Za-z ,]{{1,30}}\)\s*)?:(?!:)\s*(?P<d>.*)"
                    # "W is the kernel matrix (shape: (input_dim, units)), ...": a sentence that names a tensor and its shape
                    rf"|`?(?P<p2>{_NAME})`?\s+is\s+(?P<pd2>(?:the|a|an)\s.*\bshape\b.*)"
                    # "W shape: (inputSize, 3*units)" in a comment over a struct's fields
                    rf"|`?(?P<p3>{_NAME})`?\s+(?P<pd3>shape\s*:\s*[(\[].*)"
                    # "inputWeights     [inputFeatureSize, hiddenSize]": a table's row, a name and its shape
                    rf"|(?P<p4>{_NAME})[ \t]+(?P<pd4>[(\[][^()\[\]\n]*,[^()\[\]\n]*[)\]])[ \t]*$")
# a field or attribute the doc comment above documents: `pub w_i: Vec<f32>,`, `public let b: MLXArray?`,
# `@ParameterInfo(key: "Wx") public var wx: MLXArray`, `self.W = ...`, `float W[4][8];`
_FIELD = re.compile(rf"\s*(?:@\w+(?:\([^)]*\))?\s+)*(?:(?:pub(?:\(\w+\))?|public|private|internal|open|let|var|val|"
                    rf"const|mut|final|static|readonly)\s+)*(?:self\.)?(?P<n>{_NAME})\s*(?::(?!:)\s*(?P<t>[^=,;]*)|=(?P<v>[^;\n]*)|;|\[)"
                    rf"|\s*(?:[A-Za-z_][\w<>:]*\s+)+(?P<c>{_NAME})\s*(?:\[[^\]]*\]\s*)*;")
# a shape: a bracketed list of sizes with a separator (`(D, 2H)`, `(2H,)`, `[n, d]`, `((4*d) x (m+d))`,
# `(d × n)`), or a list of sizes joined by × (`n_heads × hidden_dim × input_dim`); its sizes are names,
# numbers, + - * and parentheses
_SIZE_CHARS = r"[A-Za-z0-9_ \t+\-*]"
_SEP = r"(?:\s*,\s*|\s+x\s+|\s*×\s*|(?<=\))\s*x\s*(?=\()|\s*\\times\s*)"
_SHAPE = re.compile(r"(?P<carr>\[[^\[\]\n]{1,40}\](?:\[[^\[\]\n]{1,40}\])+)"  # C's [4*H][D]
                    rf"|(?P<open>[(\[])\s*(?P<dims>(?:{_SIZE_CHARS}|[,×]|\\times|\({_SIZE_CHARS}*\))+)\s*(?P<close>[)\]])"
                    r"|`(?P<tdims>[^`×\n]{1,60}(?:×[^`×\n]{1,60}){1,7})`")  # `n × d × d` (bounded: no backtracking)
_SIZE_LIKE = re.compile(r"^[A-Za-z]{1,2}$|[0-9_*+\-()]|[a-z][A-Z]")  # a size's name: short, numbered, snake or camel case
_SIZES = re.compile(rf"(?:{_SIZE_CHARS}|\({_SIZE_CHARS}*\))+")  # what a size may hold
# what a shape's place says: right after the entry's colon, after "shape" or "size", or with a separator
_SHAPE_WORD = re.compile(r"(?:shape|size|dimensions?|dims?)\s*(?:of\s+|is\s+|[:=]\s*|\(\s*)?[`$]*\s*$", re.I)
_SHAPE_SAID = re.compile(r"\b(?:shape|size|dimensions?)\b|[(\[][^()\[\]\n]*(?:,|×|\\times|\sx\s)[^()\[\]\n]*[)\]]|`[^`\n]*×", re.I)
_NOT_SIZES = {"float", "int", "bool", "str", "optional", "default", "tensor", "array", "ndarray", "list", "tuple",
              "none", "true", "false", "or", "and", "of", "the", "etc", "type", "description"}  # (numpydoc's [type])
_PARAM = re.compile(r"(?<![a-z])(?:weights?|bias|biases|parameters?|projection|kernel|matri(?:x|ces)|embedding|learn(?:ed|able)"
                    r"|trainable|gain|filters?)(?![a-z])", re.I)
_SIGNAL = re.compile(r"\b(?:inputs?|outputs?|states?|hidden|activations?|data|sequences?|batch|mask|returns?|"
                     r"next|previous|prev|result)\b|-state\b"
                     r"|^(?:[xhcyzu]|[xhc]_?t|[hc]_?(?:prev|next|new|old|0)|(?:prev|next)_?\w+|[hc][pn])$", re.I)
# said of a tensor that is stored but not learned, or that a step computes: "not a learned parameter", a running
# mean, an optimizer's moments, a cache, fast weights, a state carried from step to step
_NOT_PARAM = re.compile(r"\bnot\s+(?:a\s+)?(?:learned|learnable|trainable)|\bnon-?(?:trainable|learnable)|\brunning\s+(?:mean|var|"
                        r"average|statistic)|\bbuffers?\b|\bmoments?\b|\bAdam\b|optimi[sz]er|momentum|\bcache[ds]?\b|fast[- ]weights?"
                        r"|\bcarried\b|step\s+to\s+step|\bat\s+every\s+step\b|\bper[- ]example\b", re.I)
# an entry that says it is the others stacked: "the four matrices above stacked into one"
_STACKED = re.compile(r"\bstack|concatenat|\babove\b|\bcombined\b|\btogether\b|\bfused\b|\bmerged\b", re.I)
# a field that holds numbers to learn: a tensor's type, or code that makes one
_TENSOR_TYPE = re.compile(r"\b(?:Tensor|MLXArray|NDArray|ndarray|Array\d?|Matrix|Variable|Parameter)\b|Vec<f(?:16|32|64)>|\[f(?:16|32|64)\]"
                          r"|\b(?:torch|np|numpy|jnp|mx)\.(?:empty|zeros|ones|randn?|rand|full|normal|uniform)\b|\bnn\.Parameter\b")
_MODULE_TYPE = re.compile(r"\w*(?:Norm|Linear|Conv\w*|Dense|Embedding|LSTM|GRU|RNN|Attention|Layer)\w*")  # a field that holds parameters
# a second shape after the first: `(a,) or (b,)`, `(a,) | (b,)`, `(a,) (or (b,) when ...)`, `(1,) if shared else (D,)`
_ALTERNATIVE = re.compile(r"[^\n]*?(?:\bor\b|\belse\b|\botherwise\b|\|)[^\n]*?[(\[][^()\[\]\n]*,[^()\[\]\n]*[)\]]")
_SHAPE_LABEL = re.compile(r"^\s*shape\s*:\s*(?:[—–-]\s*)?")
_GATES_SAID = re.compile(r"\s*(?:gates?|blocks?)\b", re.I)  # `— gates: [z (update), r (reset), h (candidate)]`: a weight's blocks
_CAPITAL_WORD = re.compile(r"[A-Z][a-z]{3,}")  # Note:, Returns:, Input: a label, not a name
_GRADIENT = re.compile(r"\b(?:gradients?|derivatives?|upstream|grads?)\b", re.I)
_WEIGHT_NAME = re.compile(r"(?:[WURV]|weight|kernel|bias|b)(?:[_A-Z0-9]\w*|[a-z]{1,3}\d?)?$")
_BIAS_NAME = re.compile(r"(?:b|bias)(?:[_A-Z0-9]\w*|[a-z]{1,3}\d?)?$|.*_bias$", re.I)
_WILDCARD = re.compile(r"`(?P<n>[A-Za-z][A-Za-z0-9]*_?)\*`")
_LABEL = re.compile(r"(?:inputs?|outputs?|returns?|states?|hidden|data|results?|args|arguments|parameters?|shapes?)", re.I)
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
_BATCH = frozenset("N B batch batch_size batchsize bs n_batch".split())  # a batch's rows, not a signal's size
_DECLARES = re.compile(r"\s*(?:@\w+|pub\b|public\b|private\b|internal\b|open\b|let\b|var\b|val\b|const\b|final\b|static\b|self\.)")
_CODE = re.compile(r"[=;{}]|->|^\s*-\S")  # before a shape: an assignment, a block, a negative number
_OPTIONAL = re.compile(r"\boptional\b|Option<|\?\s*(?:=|,|$)|nullable|\bcan\s+be\s+(?:nullptr|null|None)\b", re.I)


def listing(text: str, src: "Source", read: Callable[[str], tuple]) -> tuple[tuple[Listed, ...], tuple[str, ...]]:
    """The parameters the text lists with their shapes, and the notes on what was left out; ((), ())
    where the text lists none. `read(latex)` reads `W \\in \\mathbb{R}^{...}` and gives its sizes (Lins)."""
    lines = text.split("\n")
    found = _Found(src)
    pos = 0
    for k, line in enumerate(lines):
        if _WILDCARD.search(line) and _shape_in(line):  # `W_*`: `n × d`: the shape of every W_ listed
            found.wildcards += [(m.group("n"), pos + m.start()) for m in _WILDCARD.finditer(line)]
        else:
            entry = _entry(line, lines, k, pos, read)
            if entry is not None:
                found.add(*entry)
                found.entry_lines.add(k)
        pos += len(line) + 1
    entries = found.entries
    if not any(not e.dims[1].is_one or len(e.dims) > 2 for e in entries.values()):
        return (), ()  # no matrix: no list of a cell's parameters
    found.unlisted(lines)
    found.check()
    listed = tuple(entries.values())
    first = listed[0]
    notes = [f"no equation of the cell: the count is the sum of the {len(entries)} parameters the text lists with "
             f"their shapes (the first, {first.name}, at {src.where(first.span)})"
             + (f"; not counted, as inputs, states or gradients: {', '.join(dict.fromkeys(found.skipped))}"
                if found.skipped else "")]
    weights = [e for e in listed if e.optional and not e.bias]
    if weights:  # (an optional weight: a peephole's, a projection's; whether the cell has it, the list does not say)
        raise ParseError(f"{weights[0].name} is listed as optional ({weights[0].what[:60]}): whether the cell has it, and "
                         "what else changes with it, the list does not say", source=src, span=weights[0].span,
                         hint="write the cell's equations, or list only the parameters it has")
    notes += [f"{e.name} at {src.where(e.span)} is optional: counted; --no-bias leaves the biases out" for e in listed if e.optional]
    return listed + tuple(found.signals.values()), tuple(notes)


class _Found:
    """The entries of a list, each a parameter, a signal (an input or a state, with its size), one left
    out (a gradient, a buffer), or one the list does not say enough of (refused by check)."""

    def __init__(self, src: "Source") -> None:
        self.src = src
        self.entries: dict[str, Listed] = {}
        self.signals: dict[str, Listed] = {}
        self.skipped: list[str] = []
        self.wildcards: list[tuple[str, int]] = []
        self.unknown: list[tuple[str, Span, str]] = []
        self.unread: list[tuple[str, Span]] = []
        self.entry_lines: set[int] = set()  # the lines that give an entry (a field's doc comment may be them)

    def add(self, name: str, dims, span: Span, what: str, optional: bool) -> None:
        said = f"{what} {_CAMEL.sub(' ', name)}"  # what is said of it, its shape left out (inputWeights: input Weights)
        batched = dims is not None and any(_batch(d) for d in dims)
        if _GRADIENT.search(what) or (name[0] == "d" and name[1:] in self.entries) or _NOT_PARAM.search(what):
            self.skipped.append(name)  # a gradient, a buffer, an optimizer's moment, a state carried from step to step
        elif batched and _PARAM.search(said):  # `W_in: input weight matrix, shape (N, D)`: N a batch, or N neurons?
            self.unknown.append((name, span, what))
        elif _PARAM.search(said) or ((not what.strip() or _GATES_SAID.match(what)) and _WEIGHT_NAME.match(name)):
            if dims is None:
                self.unread.append((name, span))
                return
            if name in self.entries and self.entries[name].dims != dims:
                raise ParseError(f"{name} is listed twice with two shapes", source=self.src, span=span,
                                 hint=f"the first at {self.src.where(self.entries[name].span)}: give the text one shape for it")
            self.entries.setdefault(name, Listed(name, dims, span, _is_bias(name, what, dims), optional, " ".join(what.split())))
        elif dims is not None and (_SIGNAL.search(what) or _SIGNAL.search(name) or batched):
            self.skipped.append(name)
            sized = [d for d in dims if not _batch(d)]
            if len(sized) == 1 and len(dims) <= 2 and name not in self.signals and not _LABEL.fullmatch(name):  # (N, D): D
                self.signals[name] = Listed(name, (sized[0],), span, False, False, " ".join(what.split()), True)
        elif dims is not None:
            self.unknown.append((name, span, what))

    def unlisted(self, lines: list[str]) -> None:
        """The fields of the code beside the list that hold parameters and that no entry gives a shape
        (`pub in_proj_bias: Option<Vec<f32>>,`, `pub norm: Option<RMSNormGated>,`): refused, as an entry whose
        shape cannot be read is."""
        pos, seen = 0, set(self.entries) | set(self.skipped) | set(self.signals)
        for k, line in enumerate(lines):
            m = _FIELD.match(line) if line.rstrip().endswith((",", ";")) or _DECLARES.match(line) else None
            name = (m.group("n") or m.group("c")) if m else None
            held = (m.group("t") or m.group("v") or "") if m else ""  # a field's type, or what an attribute is set to
            if name and self._documented(lines, k):
                name = None  # its doc comment gives its blocks' shapes (`/// - W_hi: input-gate weights, (h, h)`)
            if name and name not in seen and (_PARAM.search(name) or _WEIGHT_NAME.match(name) or _MODULE_TYPE.search(held)
                                              or _TENSOR_TYPE.search(held)):
                self.unread.append((name, Span(pos + m.start("n" if m.group("n") else "c"), pos + len(line.rstrip()))))
                seen.add(name)
            pos += len(line) + 1

    def _documented(self, lines: list[str], k: int) -> bool:
        """Whether the doc comment right above line k gives entries of the list."""
        j = k - 1
        while j >= 0 and lines[j].strip().startswith(("///", "//", "*", "#", "%", "/**")):
            if j in self.entry_lines:
                return True
            j -= 1
        return False

    def check(self) -> None:
        """Refused: a parameter whose shape is not read, an entry neither a parameter nor an input, a
        family's shape (`W_*`) that names no entry, a stacked tensor listed beside its blocks."""
        src = self.src
        for name, span in self.unread:
            raise ParseError(f"the list gives {name} no shape that can be read (none, one the grammar does not read, or two)",
                             source=src, span=span, hint="give each parameter one shape, each size a name, a number, or a "
                                                         "sum or product of them: (4*H, D), [4H, D]")
        for name, span, what in self.unknown:
            raise ParseError(f"cannot tell whether {name} is a parameter: the text lists it with a shape, and its "
                             f"description ({' '.join(what.split())[:60] or 'none'}) says neither weight, bias or parameter "
                             "nor input or state", source=src, span=span,
                             hint="write the cell's equations in math, or describe the entry as a weight or an input")
        for stem, at in self.wildcards:
            if not any(n.lower().startswith(stem.lower()) for n in self.entries):
                raise ParseError(f"the shape given for {stem}* names no entry of the list", source=src,
                                 span=Span(at, at + len(stem) + 3),
                                 hint="list each parameter with its own shape, or write the cell's equations in math")
        _stacked(self.entries, src)


def _batch(d) -> bool:
    return len(d.terms) == 1 and d.terms[0][1] == 1 and not d.const and d.terms[0][0] in _BATCH


def _stacked(entries: dict, src: "Source") -> None:
    """An entry that says it is others stacked (`W : the four matrices above stacked into one, of shape (4H, D)`)
    where entries of its columns add up to its rows: the list counts the same weights twice; refused."""
    for e in entries.values():
        if not _STACKED.search(e.what) or len(e.dims) < 2:
            continue
        parts = [o for o in entries.values() if o is not e and o.dims[1:] == e.dims[1:] and not e.dims[1].is_one]
        rows: dict = {}
        for o in parts:
            for n, k in o.dims[0].terms:
                rows[n] = rows.get(n, 0) + k
        const = sum(o.dims[0].const for o in parts)
        if len(parts) >= 2 and {n: k for n, k in rows.items() if k} == dict(e.dims[0].terms) and const == e.dims[0].const:
            raise ParseError(f"{e.name} is listed as the others stacked ({', '.join(o.name for o in parts)}): "
                             "the list gives the same weights twice", source=src, span=e.span,
                             hint="count them once: keep either the stacked tensor or its blocks in the list")


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
    """(name, dims, span, description, optional) of an entry on line k, or None; dims None for an entry
    that says it has a shape the grammar does not read. A shape on the next line after "of shape" is its."""
    body_at = _MARKER.match(line).end()
    body = line[body_at:]
    m = _ENTRY.match(body)
    name, what, what_at = None, body, body_at
    if m is not None:
        said = "pd" if m.group("p") else "pd2" if m.group("p2") else "pd3" if m.group("p3") else "pd4" if m.group("p4") else "d"
        name = m.group("p") or m.group("n") or m.group("p2") or m.group("p3") or m.group("p4")
        what_at, what = body_at + m.start(said), m.group(said)
        if _CAPITAL_WORD.fullmatch(name) and not body.lstrip().startswith("`"):
            name, what, what_at = None, body, body_at  # Note: ..., Returns: a label, not a name
    shape = _shape(what, read, bool(m) and m.group("n") is not None)
    place, start_at = what, at + what_at
    if shape is None and (_SHAPE_WORD.search(what) or _wrapped_shape(line, lines, k)) and k + 1 < len(lines) \
            and not _ENTRY.match(_body(lines[k + 1])):
        place, start_at = _body(lines[k + 1]), at + len(line) + 1 + _MARKER.match(lines[k + 1]).end()
        shape = _shape(place, read, True)  # `- Wx: ..., of shape` and `(D, H)` on the line after
    if shape is None:
        if name is not None and _SHAPE_SAID.search(what) and not _CODE.search(_closed(what)):
            return name, None, Span(at + what_at, at + len(line)), what, False  # a shape the grammar does not read
        return None
    dims, start, end = shape
    if _CODE.search(_closed(place[:start])):
        return None  # code, not a list: low: -scale, high: scale, [3 * hiddenSize, inputSize]
    field = _documented(lines, k)
    code_type = ""
    if field is not None and (name is None or field[0].lower() == name.lower()):
        name, code_type = field  # `/// in_proj weight: (...)` over `pub in_proj_weight: Vec<f32>,`
    if name is None:
        return None
    if _ALTERNATIVE.match(place, end):  # `(nheads,) or (d_ssm,) if d_has_hdim`: two shapes, one per setting
        return name, None, Span(start_at + start, start_at + len(place)), what, False
    optional = bool(_OPTIONAL.search(what)) or bool(_OPTIONAL.search(code_type))
    said = what if place is not what else what[:start] + what[end:]
    if m is not None and m.group("p3"):
        said = _SHAPE_LABEL.sub("", said)  # "W shape: (...) — gates: [z, r, h]": what is said besides the shape's label
    return name, dims, Span(start_at + start, start_at + end), said, optional


_SHAPE_LINE = re.compile(r"[ \t]+[(\[][^()\[\]\n]*[,×][^()\[\]\n]*[)\]][ \t]*$")  # a line that is only a shape


def _wrapped_shape(line: str, lines: list[str], k: int) -> bool:
    """The next line is only a shape, indented deeper: the entry's description wrapped (`W_input (Tensor): Weights
    on the input units` / `(out size * 3, input size)`)."""
    if k + 1 >= len(lines) or not _SHAPE_LINE.match(lines[k + 1]):
        return False
    return len(lines[k + 1]) - len(lines[k + 1].lstrip()) > len(line) - len(line.lstrip())


def _body(line: str) -> str:
    return line[_MARKER.match(line).end():]


def _closed(text: str) -> str:
    """The text without what its parentheses hold (`(orthogonal init, gain=1.0)` is a remark, not code)."""
    return re.sub(r"\([^()]*\)", "", text)


def _documented(lines: list[str], k: int) -> tuple[str, str] | None:
    """The field the doc comment at line k documents: the first code line after the comment's lines
    (a declaration: a keyword, an attribute, or a field's closing comma or semicolon)."""
    marker = _MARKER.match(lines[k]).group(0).strip()
    if not marker.startswith(("///", "/**", "*", "#", "%")):
        return None
    for line in lines[k + 1:k + 8]:
        stripped = line.strip()
        if not stripped or stripped.startswith(("///", "//", "*", "#", "%", "/**")):
            continue
        m = _FIELD.match(line)
        if m is None or not (_DECLARES.match(line) or stripped.endswith((",", ";", "{"))):
            return None
        return (m.group("n") or m.group("c")), (m.group("t") or "")
    return None


def _shape(what: str, read, after_colon: bool) -> tuple | None:
    """The sizes of the shape a description gives (Lins), and where it is; None without one. A shape
    after "shape" or "size" (or right after the colon) comes before one that only has a separator
    (`weights for the gates (r, z), of shape (D, 2H)`: (D, 2H))."""
    found = []
    for m in _SHAPE.finditer(what):
        parts = _parts(m)
        if parts is None or m.start() and (what[m.start() - 1].isalnum() or what[m.start() - 1] == "_"):
            continue  # a call or an index: split(x, z), W[4]
        separated = len(parts) > 1 or (m.group("dims") or "").rstrip().endswith(",")
        before = what[:m.start()].rstrip(" `$")
        placed = _SHAPE_WORD.search(what[:m.start()]) is not None or before.endswith(":") or (after_colon and not before)
        if not parts or not (separated or placed) or not placed and len(what[:m.start()].split()) > 5 \
                and not all(_SIZE_LIKE.search(p) or p in _BATCH for p in parts):
            continue  # (unplaced after a sentence, each size must look like one: `(m x N)`, not `words as signals (input, state)`)
        if any(w.lower() in _NOT_SIZES for p in parts for w in re.findall(r"[A-Za-z_][A-Za-z0-9_]*", p)) \
                or any(re.fullmatch(r"\s*(?:[A-Za-z]+\s+){2,}[A-Za-z]+\s*|\s*[A-Za-z]{2,}\s+[A-Za-z]\s*", p) for p in parts):
            continue  # (words that name a letter are prose, no size: `(update gate u, reset gate r)`; `out size` is one)
        if not all(_SIZES.fullmatch(p) and (re.search(r"[A-Za-z]", p) or p.isdigit()) for p in parts):
            continue
        found.append((not placed, m, parts))
    for _, m, parts in sorted(found, key=lambda f: f[0]):  # (a stable sort: the first placed one first)
        dims = read(r"W \in \mathbb{R}^{" + r" \times ".join(size_latex(p) for p in parts) + "}")
        if dims is not None:
            return dims, m.start(), m.end()
    return None


def _parts(m) -> list[str] | None:
    """The sizes a shape's match writes, or None where its brackets do not pair."""
    if m.group("carr") is not None:
        return [p.strip() for p in re.findall(r"\[([^\[\]]*)\]", m.group("carr"))]
    if m.group("tdims") is not None:
        return [p.strip() for p in m.group("tdims").split("×")]
    if m.group("open") + m.group("close") not in ("()", "[]"):
        return None
    return [p.strip() for p in re.split(_SEP, m.group("dims")) if p.strip()]


def size_latex(size: str) -> str:
    """A size as the grammar reads it: a name of more than one letter in \\text{} (two words one name: `out size`), a
    product by juxtaposition, the number first (`d * 2`), in parentheses when it is a sum (`2 * d_inner` ->
    `(2 \\text{d\\_inner})`)."""
    size = re.sub(r"(?<=[A-Za-z]{2}) (?=[A-Za-z]{2})", "_", size.strip())  # `out size`: a size named in two words, out_size
    size = re.sub(r"^([A-Za-z_][A-Za-z0-9_]*)\s*\*\s*(\d+)$", r"\2 * \1", size)  # `out_size * 3`: the number first
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
