"""A PyTorch module's code read by what its `__init__` declares, where the text writes no math: each
`self.W = nn.Parameter(torch.empty(4 * hidden_size, input_size))` a parameter of that shape, each
`self.x2h = nn.Linear(input_size, 4 * hidden_size, bias=bias)` its weight and bias (torch's
defaults where the code leaves them: `bias=True`, `elementwise_affine=True`), a class the text
defines with its own declarations, `nn.Dropout` and activations none. What `forward` computes
adds no parameter: torch counts what is registered, and so does this reader.

Refused, naming the line: a module whose parameters torch's table here does not know (`Foo(...)`
that the text does not define), a shape written with a call or a division, a declaration inside an
`if` or a loop, a tensor made trainable but not registered (`torch.randn(..., requires_grad=True)`),
a bias switch with no value, and two or more classes of which none holds the others (the cell, or a
model around it?). The sizes are the names the code writes (`hidden_size`); the grammar reads them,
as it reads `W \\in \\mathbb{R}^{...}` (read.listing)."""
from __future__ import annotations

from ..errors import TYPE_CHECKING, ParseError

if TYPE_CHECKING:  # pragma: no cover
    from typing import Callable
    from .source import Source

from . import patterns as re  # re, with the package's patterns compiled ahead (read.patterns)
from .listing import Listed, size_latex
from .pyblocks import CLASS, PyClass, block_end, classes, closing, split
from .source import Span

_SELF = re.compile(r"self\.([A-Za-z_]\w*)[ \t]*(?::[^=\n]+)?=(?!=)[ \t]*(.*)", re.S)
_LOCAL = re.compile(r"([A-Za-z_]\w*)[ \t]*(?::[^=\n]+)?=(?!=)[ \t]*(.*)", re.S)
_REGISTER = re.compile(r"self\.register_parameter\(\s*['\"](\w+)['\"]\s*,\s*(.*)\)\s*$", re.S)
_GROWN = re.compile(r"self\.\w+(?:\[[^\]]*\])?\.(?:append|extend|insert|add_module|register_module|update)\(|setattr\(\s*self\b|self\.add_module\(|self\.register_module\(|self\.__setattr__\(")
_HELPER = re.compile(r"self\.([A-Za-z_]\w*)\s*\(")
# what an __init__ calls on itself that declares nothing: initialisation, moving, torch's own registrations
_HARMLESS = frozenset("reset_parameters _reset_parameters init_weights _init_weights init_parameters _init_parameters "
                      "initialize_weights reset_params init_params apply to cuda cpu float double register_buffer "
                      "flatten_parameters train eval".split())
_IF = re.compile(r"if\s+((?:self\.)?[A-Za-z_]\w*)\s*:")
_CALL = re.compile(r"((?:[A-Za-z_]\w*\.)*)([A-Za-z_]\w*)[ \t]*\(")
_TENSOR = re.compile(r"(?<![\w.])(?:torch|th)\.(empty|zeros|ones|randn|rand|Tensor|FloatTensor|DoubleTensor|full|eye|normal)\(")
_NO_PARAMETERS = frozenset(
    "Dropout Dropout1d Dropout2d AlphaDropout Identity ReLU ReLU6 Tanh Sigmoid GELU SiLU Mish ELU SELU CELU LeakyReLU "
    "Hardtanh Hardsigmoid Hardswish Softsign Softplus Softmax LogSoftmax LogSigmoid Tanhshrink Flatten Unflatten".split())
_TORCH_MODULES = _NO_PARAMETERS | frozenset(
    "Linear Bilinear LayerNorm RMSNorm BatchNorm1d GroupNorm Embedding LSTMCell GRUCell RNNCell LSTM GRU RNN "
    "Sequential ModuleList Parameter".split())
_GATES = {"LSTM": 4, "GRU": 3, "RNN": 1}
# the keyword of each positional argument, as torch's signatures order them
_SIGNATURES = {
    "Linear": ("in_features", "out_features", "bias"),
    "Bilinear": ("in1_features", "in2_features", "out_features", "bias"),
    "LayerNorm": ("normalized_shape", "eps", "elementwise_affine", "bias"),
    "RMSNorm": ("normalized_shape", "eps", "elementwise_affine"),
    "BatchNorm1d": ("num_features", "eps", "momentum", "affine"),
    "GroupNorm": ("num_groups", "num_channels", "eps", "affine"),
    "Embedding": ("num_embeddings", "embedding_dim"),
    "Cell": ("input_size", "hidden_size", "bias"),
    "Layer": ("input_size", "hidden_size", "num_layers", "bias", "batch_first", "dropout", "bidirectional"),
}


class _Refused(Exception):
    def __init__(self, why: str, at: int, hint: str) -> None:
        super().__init__(why)
        self.why, self.at, self.hint = why, at, hint


def torch_module(text: str, src: "Source", read: Callable[[str], tuple]) -> tuple[tuple[Listed, ...], tuple[str, ...]] | None:
    """The parameters a PyTorch module the text defines declares, and the notes; None where the text
    defines no module class with an `__init__`."""
    if "__init__" not in text or "class" not in text:
        return None
    if _math_beside(text):
        return None  # the docstring's or the comments' equations are read (and the code is not)
    defined = classes(text)
    modules = {c.name: c for c in defined if c.module and c.statements}
    if not modules:
        return None
    try:
        heir = next((c for c in defined for b in c.bases if b in modules), None)
        if heir is not None:
            raise _Refused(f"the class {heir.name} inherits from {next(b for b in heir.bases if b in modules)}, which the "
                           "text defines: what the subclass adds or changes is not read", heir.at,
                           "give symcount one class that declares every parameter in its own __init__")
        used = {n for c in modules.values() for _, _, s in c.statements for n in _CALL_NAMES.findall(s) if n in modules}
        top = [c for c in modules.values() if c.name not in used]
        reader = _Reader(modules, text, lambda at: src.where(Span(at, at)))
        counted = [(c, reader.declared(c, None, "")) for c in top]
        counted = [(c, found) for c, found in counted if found]
        if len(counted) > 1:
            names = ", ".join(c.name for c, _ in counted)
            raise _Refused(f"the code defines {len(counted)} modules with parameters, none holding the others ({names}): "
                           "which is the cell is not said", counted[1][0].at, "give symcount the one class whose parameters to count")
    except _Refused as exc:
        raise ParseError(exc.why, source=src, span=Span(exc.at, exc.at), hint=exc.hint) from None
    if not counted:
        return None
    cell, found = counted[0]
    listed = []
    for name, sizes, at, bias in found:
        if any(_UNKNOWN in size for size in sizes):
            raise ParseError(f"a size of {name} uses a name whose value is not read (not an argument of __init__, nor set "
                             "from one)", source=src, span=Span(at, at), hint="give the size as the arguments' names and numbers")
        sizes = tuple(re.sub(r"([A-Za-z_]\w*)\s*\*\s*(\d+)", r"\2*\1", size) for size in sizes)  # hidden_size * 4: 4*hidden_size
        dims = read(r"W \in \mathbb{R}^{" + r" \times ".join(size_latex(s) for s in sizes) + "}")
        if dims is None:
            raise ParseError(f"cannot read the shape of {name} ({', '.join(sizes)})", source=src, span=Span(at, at),
                             hint="write each size as names and numbers joined by +, - and *")
        listed.append(Listed(name, dims, Span(at, at), bias, False, "declared in the code"))
    notes = (f"no math: the parameters the code's module {cell.name} declares in its __init__ (at {src.where(Span(cell.at, cell.at))}), "
             f"{len(listed)} tensors, counted as torch counts them",) + tuple(reader.notes)
    return tuple(listed), notes


# an equation of the step in a docstring or a comment: `h_t = ...`, `c(t) = ...`, `... h_{t-1} ...`
# (or an activation, an elementwise product: `r = σ(W_ir x + b_ir + W_hr h + b_hr)`, `h' = (1 - z) * n + z * h`)
_STEP_EQUATION = re.compile(r"^[^=\n]*[A-Za-z][^=\n]*(?<![=!<>])=(?!=)[^\n]*(?:\b[A-Za-z]\w*_\{?t\b|\(t\)|\[t\]|t\s*[-−]\s*1"
                            r"|σ|\\sigma|\bsigmoid\s*\(|\btanh\s*\(|⊙|\\odot|ₜ)", re.M)
_DOCSTRING = re.compile(r'"""(.*?)"""|\'\'\'(.*?)\'\'\'', re.S)
_COMMENT = re.compile(r"#[^\n]*")


def _math_beside(text: str) -> bool:
    """The text writes the step's equations in a docstring or a comment (read as math, as before)."""
    outside, pos = [], 0
    for m in CLASS.finditer(text):  # and the text around the classes: prose, a Markdown block of equations
        outside.append(text[pos:m.start()])
        pos = max(pos, block_end(text, m.end(), len(m.group(1).expandtabs())))
    outside.append(text[pos:])
    return any(_STEP_EQUATION.search(m.group(1) or m.group(2) or "") for m in _DOCSTRING.finditer(text)) \
        or any(_STEP_EQUATION.search(m.group(0)[1:]) for m in _COMMENT.finditer(text)) \
        or any(_STEP_EQUATION.search(part) for part in outside)


_CALL_NAMES = re.compile(r"(?<![\w.])([A-Za-z_]\w*)\s*\(")


_UNKNOWN = "?"  # a name whose value is not read: a size that uses it is refused
_KEYWORDS = frozenset("or and not if else None True False in is lambda for".split())
_SIZE_TOKEN = re.compile(r"\s*(?:(self\.)?([A-Za-z_]\w*)|(\d+)|([-+*()]))")
_CONSTANT = re.compile(r"^([A-Z_][A-Z0-9_]*)[ \t]*=[ \t]*(\d{1,9})[ \t]*(?:#.*)?$", re.M)  # a module's HIDDEN = 128
_HEADER = re.compile(r"(?:if|elif|else|for|while|with|try|except|finally)\b[^\n]*:\s*(\S.*)?$", re.S)
_PURE = re.compile(r"(?:math\.\w+|int|float|len|max|min|round|abs|str|bool|tuple|list|dict|print|torch\.device|super)\s*\(")
_TRAILER = re.compile(r"(?:\s*\.\s*(?:to|cuda|cpu|float|double|half|requires_grad_)\s*\([^()]*\))*\s*")


class _Reader:
    """Reads a class's declarations: (name, sizes as written, offset, bias) of each parameter tensor,
    a text-defined module's with its arguments put in. What it cannot read where a parameter may be, it refuses."""

    def __init__(self, modules: dict[str, PyClass], text: str, where: Callable[[int], str]) -> None:
        self.modules, self.text, self.where = modules, text, where
        self.notes: list[str] = []
        self.seen: set[str] = set()
        self.stack: list[str] = []
        self.constants = {m.group(1): m.group(2) for m in _CONSTANT.finditer(text)}

    def declared(self, c: PyClass, given: dict[str, str] | None, prefix: str) -> list[tuple]:
        env: dict[str, str] = dict(self.constants)  # a name -> the size it stands for, in the outer names
        if given is None:  # the module counted: its arguments are the sizes
            env.update({k: k for k in c.args})
        else:
            env.update(given)
        env.update({"default:" + k: v for k, v in c.args.items() if v is not None and (given is None or k not in given)})
        found: list[tuple] = []
        owners: dict[str, int] = {}
        branch: tuple | None = None  # (condition, taken in this branch), or ("", None) for a block not read
        for level, at, stmt in c.statements:
            if level == 0:
                branch = self._branch(stmt, branch, at, c)
                if branch is not None and stmt.endswith(":"):
                    continue
            elif _HEADER.match(stmt):
                branch = ("", None)  # a block inside a block: not read
                continue
            made, name = self._statement(stmt, env, prefix, at, c)
            if not made:
                continue
            if level and (branch is None or branch[1] is None):
                raise _Refused(f"self.{name} is declared inside a block of {c.name}.__init__ (a condition, a loop) that "
                               "is not read: whether and how often it is made is not said", at,
                               "give the code with the declaration at the body's level, or under `if flag:`")
            if level and self.flag(branch[0], env, at, "if") != branch[1]:
                continue  # in the branch not taken
            if name in owners:
                raise _Refused(f"self.{name} is assigned twice in {c.name}.__init__: which one is kept is not read", at,
                               f"assign self.{name} once")
            owners[name] = at
            found += made
        return found

    def _branch(self, stmt: str, branch, at: int, c: PyClass):
        """The branch a statement at the body's level opens (or None: the body itself)."""
        header = _HEADER.match(stmt)
        if header is None:
            return None
        if header.group(1) and ("self." in header.group(1) or _CALL_NAMES.search(header.group(1))):
            raise _Refused(f"a one-line `{stmt[:40]}` in {c.name}.__init__ is not read", at, "write its body on lines of its own")
        cond = _IF.fullmatch(stmt)
        if cond:
            return (cond.group(1), True)
        if stmt == "else:" and branch is not None and branch[1] is not None:
            return (branch[0], not branch[1])
        return ("", None)

    def _statement(self, stmt: str, env: dict, prefix: str, at: int, c: PyClass) -> tuple[list, str]:
        """The parameters one statement of __init__ makes, and the field it makes them in ([] for none)."""
        grown = _GROWN.search(stmt)
        if grown is not None:
            raise _Refused(f"{c.name}.__init__ adds to its modules with `{grown.group(0)}`: how many parameters that "
                           "makes is not read", at, "give the code with each module assigned to a field of its own")
        reg = _REGISTER.match(stmt)
        helper = _HELPER.match(stmt)
        if helper is not None and not reg and not _SELF.match(stmt):
            if helper.group(1) not in _HARMLESS or _assigns_in(self.text, c, helper.group(1)):
                raise _Refused(f"{c.name}.__init__ calls self.{helper.group(1)}(...), which may declare parameters that "
                               "are not read", at, "give the code with every parameter declared in __init__ itself")
            return [], ""
        m = reg or _SELF.match(stmt)
        if m is None:
            if re.match(r"self\.\w+\s*[.\[]", stmt) and re.search(r"(?<![=!<>])=(?!=)", stmt) or \
                    re.match(r"[\w.]+\s*,.*?=", stmt) and "self." in stmt.split("=")[0]:
                raise _Refused(f"`{stmt[:50]}` in {c.name}.__init__ assigns what is not read (a submodule's tensor, shared "
                               "weights, several fields at once)", at, "give each field its own assignment")
            local = _LOCAL.match(stmt)
            if local is not None and not stmt.startswith(("super", "self")):
                value = local.group(2).strip()
                if self._makes(value):
                    raise _Refused(f"{local.group(1)} = {value[:40]}: a module or a parameter made in a local name is not "
                                   "read", at, "assign it to a field of self directly")
                env[local.group(1)] = self._size(value, env) or _UNKNOWN
            return [], ""
        name, value = m.group(1), m.group(2).strip()
        made = self._value(value, env, prefix + name, at, c)
        if made is None:
            env["self." + name] = self._size(value, env) or (value if value in ("True", "False") else _UNKNOWN)
            return [], ""
        return made, name

    def _makes(self, value: str) -> bool:
        """Whether a value makes a module or a parameter (a call of torch.nn's, or of a class the text defines)."""
        return any(ctor in _TORCH_MODULES and qual in ("", "nn.", "torch.nn.") or ctor in self.modules
                   for qual, ctor in _CALL.findall(value))

    def _size(self, value: str, env: dict) -> str:
        """A value as a size in the outer names ("" if it is no size: a call, a division, a word; _UNKNOWN in it
        where it uses a name whose value is not read)."""
        out, pos = [], 0
        value = value.strip()
        while pos < len(value):
            m = _SIZE_TOKEN.match(value, pos)
            if m is None or m.end() == pos:
                return ""
            pos = m.end()
            if m.group(2):
                name = m.group(2)
                if name in _KEYWORDS or value[pos:].lstrip().startswith(("(", ".", "[")):
                    return ""
                got = env.get(("self." if m.group(1) else "") + name)
                out.append(_UNKNOWN if got is None or got == _UNKNOWN else (got if got == name else f"({got})"))
            else:
                out.append(m.group(3) or m.group(4))
        text = " ".join(out)
        return text if any(ch.isalnum() or ch == _UNKNOWN for ch in text) else ""

    def _value(self, value: str, env: dict, name: str, at: int, c: PyClass | None) -> list[tuple] | None:
        """The parameters a value makes ([] for a module with none), or None for a value that is no module."""
        if _CONDITIONAL.search(value) and (self._makes(value) or _TENSOR.search(value)):
            raise _Refused(f"{name} = {value[:50]}: a module or a tensor made under a condition is not read", at,
                           "write the condition as `if flag:` on a line of its own")
        call = _CALL.match(value)
        if call is None or value.startswith("*"):
            if _TENSOR.search(value) or self._makes(value):
                raise _Refused(f"{name} = {value[:50]}: what it makes is not read", at, "assign one module or parameter per field")
            return None
        qual, ctor = call.group(1), call.group(2)
        close = closing(value, call.end() - 1)
        args = split(value[call.end():close])
        rest = value[close + 1:]
        if any(a.startswith("*") for a in args):
            raise _Refused(f"{name} = {qual}{ctor}(*...): what the unpacked arguments hold is not read", at, "write them out")
        plain_tensor = not qual.startswith("nn.") and _TENSOR.match(value)
        if not plain_tensor and not _TRAILER.fullmatch(rest):
            raise _Refused(f"{name} = {value[:50]}: what the call and what follows it make is not read", at,
                           "assign the module or the parameter itself")
        if ctor in self.modules and not qual:
            return self._inner(ctor, args, env, name, at)
        if qual in ("", "nn.", "torch.nn.") and ctor in _TORCH_MODULES:
            if not qual and ctor not in self.seen:
                self.seen.add(ctor)
                self.notes.append(f"{ctor}(...) at {self.where(at)} is read as torch.nn.{ctor}")
            return _Torch(self, name, at, env).make(ctor, args)
        if plain_tensor:
            if "requires_grad=True" in value.replace(" ", ""):
                raise _Refused(f"{name} is a tensor to train that is not registered as an nn.Parameter: torch does not "
                               "count it", at, "wrap it in nn.Parameter(...), or leave it out")
            return None  # a plain tensor: no parameter
        if _PURE.match(value) and not self._makes(value):
            return None  # int(...), math.sqrt(...): a number
        raise _Refused(f"{name} = {qual}{ctor}(...): which parameters it makes is not known to symcount", at,
                       f"give {ctor}'s code too, or leave {name} out")

    def _inner(self, ctor: str, args: list[str], env: dict, name: str, at: int) -> list[tuple]:
        inner = self.modules[ctor]
        if ctor in self.stack:
            raise _Refused(f"the module {ctor} holds itself", at, "give symcount a module that does not nest itself")
        given = self._bind(inner, args, env, at)
        self.stack.append(ctor)
        try:
            return [(name + "." + n, s, a, b) for n, s, a, b in self.declared(inner, given, "")]
        finally:
            self.stack.pop()

    def _bind(self, inner: PyClass, args: list[str], env: dict, at: int) -> dict[str, str]:
        """The arguments a text-defined module is made with, in the outer names: sizes, or a switch's value."""
        given: dict[str, str] = {}
        names = list(inner.args)
        for k, a in enumerate(args):
            key, eq, val = a.partition("=")
            key, val = (key.strip(), val.strip()) if eq and key.strip().isidentifier() else (names[k] if k < len(names) else "", a)
            if key:
                flag = val in ("True", "False") or env.get("default:" + val) in ("True", "False")
                given[key] = ("True" if self.flag(val, env, at, key) else "False") if flag else (self._size(val, env) or _UNKNOWN)
        for key, default in inner.args.items():
            if key not in given:
                given[key] = default if default is not None and (default in ("True", "False", "None") or default.isdigit()) \
                    else _UNKNOWN
        return given

    def flag(self, value: str, env: dict, at: int, what: str) -> bool:
        """A switch's value: True, False, or the default of the argument it names (noted)."""
        value = value.strip()
        seen = set()
        while value not in ("True", "False") and value in env and env[value] not in (value, _UNKNOWN) and value not in seen:
            seen.add(value)
            value = env[value]  # self.bias = bias: the argument
        if value in ("True", "False"):
            return value == "True"
        bare = value.replace("self.", "", 1)
        default = env.get("default:" + bare)
        if default in ("True", "False"):
            said = f"`if {bare}:`" if what == "if" else f"{what}={bare}"
            self.notes.append(f"{said} at {self.where(at)}: counted at the argument's default, {bare}={default}")
            return default == "True"
        raise _Refused(f"{what}={value}: whether the layer has it is not said", at, f"write {what}=True or {what}=False")


_CONDITIONAL = re.compile(r"\sif\s.+\selse\s")


def _assigns_in(text: str, c: PyClass, method: str) -> bool:
    """Whether the class's method (defined in the text) assigns a field of self."""
    m = re.search(r"^([ \t]+)def[ \t]+" + re.escape(method) + r"[ \t]*\(", text[c.span[0]:c.span[1]], re.M)
    if m is None:
        return False
    start = text.find("\n", c.span[0] + m.end()) + 1
    body = text[start:block_end(text, start, len(m.group(1).expandtabs()))] if start else ""
    return re.search(r"^[ \t]*self\.\w+[ \t]*=(?!=)", body, re.M) is not None


# what may wrap the tensor a parameter is made of (an init of torch's), and follow it (an in-place init, a scale)
_WRAPPED = re.compile(r"(?:\s*(?:(?:torch\.)?nn\.)?init\.\w+\(\s*)*")
_AFTER_TENSOR = re.compile(r"(?:\s*\.\s*(?:uniform_|normal_|fill_|zero_|to|float|double|cuda|requires_grad_)\s*\([^()]*\)"
                           r"|\s*[*/]\s*(?:[\d.]+(?:[eE]-?\d+)?|math\.sqrt\([^()]*\)|[A-Za-z_][\w.]*)"
                           r"|\s*,\s*[A-Za-z_]\w*\s*=\s*[^,()]+|\s*\))*\s*")


class _Torch:
    """The parameters of one of torch.nn's modules, with torch's defaults."""

    def __init__(self, reader: _Reader, name: str, at: int, env: dict) -> None:
        self.r, self.name, self.at, self.env = reader, name, at, env

    def make(self, ctor: str, args: list[str]) -> list[tuple]:
        if ctor in _NO_PARAMETERS:
            return []
        if ctor == "Parameter":
            return self.parameter(args)
        if ctor in ("Sequential", "ModuleList"):
            return self.container(ctor, args)
        kw = self.keywords(ctor, args)
        if ctor in ("LSTMCell", "GRUCell", "RNNCell"):
            return self.recurrent(ctor[:-4], kw, cell=True)
        if ctor in _GATES:
            return self.recurrent(ctor, kw, cell=False)
        size = self.size
        if ctor == "Linear":
            out, inp = size(kw, "out_features"), size(kw, "in_features")
            return [self.p("weight", out, inp)] + ([self.p("bias", out, bias=True)] if self.on(kw, "bias") else [])
        if ctor == "Bilinear":
            out = size(kw, "out_features")
            return [self.p("weight", out, size(kw, "in1_features"), size(kw, "in2_features"))] + \
                ([self.p("bias", out, bias=True)] if self.on(kw, "bias") else [])
        if ctor in ("LayerNorm", "RMSNorm", "BatchNorm1d", "GroupNorm"):
            n = size(kw, "num_channels" if ctor == "GroupNorm" else "num_features" if ctor == "BatchNorm1d" else "normalized_shape")
            if not self.on(kw, "affine" if ctor in ("BatchNorm1d", "GroupNorm") else "elementwise_affine"):
                return []
            bias = ctor != "RMSNorm" and self.on(kw, "bias")
            return [self.p("weight", n)] + ([self.p("bias", n, bias=True)] if bias else [])
        if ctor == "Embedding":
            return [self.p("weight", size(kw, "num_embeddings"), size(kw, "embedding_dim"))]
        raise _Refused(f"{self.name} = nn.{ctor}(...): not read", self.at, "leave it out")  # pragma: no cover (the table)

    def keywords(self, ctor: str, args: list[str]) -> dict[str, str]:
        order = _SIGNATURES.get(ctor) or _SIGNATURES["Cell" if ctor.endswith("Cell") else "Layer"]
        kw: dict[str, str] = {}
        for k, a in enumerate(args):
            key, eq, val = a.partition("=")
            if eq and key.strip().isidentifier():
                kw[key.strip()] = val.strip()
            elif k < len(order):
                kw[order[k]] = a
        return kw

    def size(self, kw: dict, key: str) -> str:
        value = kw.get(key)
        got = self.r._size(value, self.env) if value is not None else ""
        if not got:
            raise _Refused(f"{self.name}: the size {key}={value} is not read (a size is names and numbers joined by +, - "
                           "and *)", self.at, f"write {key} as a sum or product of sizes")
        return got

    def on(self, kw: dict, key: str) -> bool:
        if key not in kw:
            return True  # torch's default: bias=True, affine=True, elementwise_affine=True
        return self.r.flag(kw[key], self.env, self.at, key)

    def p(self, part: str, *sizes: str, bias: bool = False) -> tuple:
        return (f"{self.name}.{part}", sizes, self.at, bias)

    def parameter(self, args: list[str]) -> list[tuple]:
        data = args[0] if args else ""
        number = re.fullmatch(r"\s*(?:torch|th)\.tensor\(\s*-?[\d.]+(?:[eE]-?\d+)?\s*(?:,[^()]*)?\)\s*", data)
        if number:  # nn.Parameter(torch.tensor(0.5)): one number
            return [(self.name, ("1",), self.at, False)]
        m = _TENSOR.search(data)
        end = closing(data, m.end() - 1) if m else 0
        if m is None or not _WRAPPED.fullmatch(data[:m.start()]) or not _AFTER_TENSOR.fullmatch(data[end + 1:]):
            raise _Refused(f"{self.name} = nn.Parameter({data[:50]}): its shape is not read (a torch.empty, zeros, ones, "
                           "randn, rand or full of its sizes is, with an init around it or a scale after it)", self.at,
                           "write the tensor it wraps as torch.empty(sizes)")
        inner = split(data[m.end():end])
        if any(a.startswith("*") for a in inner):
            raise _Refused(f"{self.name}: a shape given unpacked (*shape) is not read", self.at, "write the sizes out")
        kind = m.group(1)
        dims = inner[:1] if kind == "full" else [a for a in inner if "=" not in a or a.lstrip().startswith("(")]
        if kind == "eye":
            dims = (dims * 2)[:2] if len(dims) == 1 else dims[:2]
        if len(dims) == 1 and dims[0].startswith(("(", "[")) and dims[0].endswith((")", "]")):
            dims = split(dims[0][1:-1])
        sizes = [self.size({"size": d}, "size") for d in dims]
        if not sizes:
            raise _Refused(f"{self.name}: a parameter with no size", self.at, "give its shape")
        return [(self.name, tuple(sizes), self.at, self.name.split(".")[-1].lower().startswith(("b", "bias")) and len(sizes) == 1)]

    def container(self, ctor: str, args: list[str]) -> list[tuple]:
        items = args
        if ctor == "ModuleList":
            lit = args[0].strip() if len(args) == 1 else ""
            if not (lit.startswith("[") and lit.endswith("]")) or " for " in lit:
                raise _Refused(f"{self.name} = nn.ModuleList({lit[:40]}): how many modules it holds is not read",
                               self.at, "write the modules out in a list")
            items = split(lit[1:-1])
        out = []
        for k, item in enumerate(items):
            made = self.r._value(item, self.env, f"{self.name}.{k}", self.at, None)
            if made is None:
                raise _Refused(f"{self.name}: its item {item[:40]} is no module symcount reads", self.at, "write each module out")
            out += made
        return out

    def recurrent(self, kind: str, kw: dict, cell: bool) -> list[tuple]:
        gates = _GATES[kind]
        inp, hid = self.size(kw, "input_size"), self.size(kw, "hidden_size")
        layers, two = 1, False
        if not cell:
            layers_text = kw.get("num_layers", "1").strip()
            if not layers_text.isdigit() or int(layers_text) > 64:
                raise _Refused(f"{self.name}: num_layers={layers_text} is not a number", self.at, "write num_layers as a number")
            layers = int(layers_text)
            two = "bidirectional" in kw and self.r.flag(kw["bidirectional"], self.env, self.at, "bidirectional")
            if "proj_size" in kw:
                raise _Refused(f"{self.name}: proj_size is not read", self.at, "leave proj_size out")
        bias = self.on(kw, "bias")
        out = []
        for layer in range(layers):
            below = inp if layer == 0 else (f"2*({hid})" if two else hid)
            for suffix in ("", "_reverse") if two else ("",):
                tag = "" if cell else f"_l{layer}"
                g = f"{gates}*({hid})" if gates > 1 else hid
                out += [self.p(f"weight_ih{tag}{suffix}", g, below), self.p(f"weight_hh{tag}{suffix}", g, hid)]
                if bias:
                    out += [self.p(f"bias_ih{tag}{suffix}", g, bias=True), self.p(f"bias_hh{tag}{suffix}", g, bias=True)]
        return out
