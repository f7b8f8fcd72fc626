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

from ..errors import TYPE_CHECKING, ParseError, replace
from . import nodes as N

if TYPE_CHECKING:  # pragma: no cover
    from typing import Callable
    from .source import Source

from . import patterns as re  # re, with the package's patterns compiled ahead (read.patterns)
from .listing import Listed, size_latex
from .pyblocks import CLASS, PyClass, block_end, classes, closing, split
from .torchtable import TENSOR, TORCH_MODULES, Refused, Torch
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



# math as a text marks it: where one is, a module's code beside it is not what is read
_MATH_MARKS = re.compile(r"\$|\\\[|\\\(|\\begin\{|\.\.\s*math\s*::|:math:|\\f[\[$]")


_ROLES_NO_EQUATION = re.compile(r":math:`[^`=\n]*`")


def module_cell(text: str, src: "Source", sizes: Callable[[str], tuple], beside: bool = False,
                math: bool = False, passed_up: bool = False) -> N.Cell | None:
    """A PyTorch module's code with no math (or, `math`, math the caller has read and set aside): the cell of the
    parameters its __init__ declares."""
    if "__init__" not in text or not math and _MATH_MARKS.search(_ROLES_NO_EQUATION.sub(" ", text) if ":math:" in text else text):
        return None  # (a docstring's :math:`H`, :math:`(h_{i-1}, c_{i-1})`: sizes and names, no equation)
    found = torch_module(text, src, sizes, beside, passed_up)
    return None if found is None else N.Cell(src, (), (), (), found[1], "", (), (), found[0])


def code_instead(text: str, src: "Source", sizes: Callable[[str], tuple], exc: ParseError) -> N.Cell | None:
    """Code whose docstrings or comments write equations that cannot be read: the parameters its module
    declares, with a note that names what was not read; None where the code does not say them either."""
    try:
        cell = module_cell(text, src, sizes, beside=True)
    except ParseError:
        return None  # (the math's error is the one reported)
    if cell is None or not _named_in_comments(text, cell.listed):
        return None
    where = src.where(exc.span) if exc.span is not None else src.name
    return counted_instead(cell, f"the equations in the code's docstrings and comments are not read ({where}: {exc.message})")


def code_for_nothing(text: str, src: "Source", sizes: Callable[[str], tuple], exc: ParseError) -> N.Cell | None:
    """Math that names symbols in prose but writes no equation of the cell (`exc`: none found), beside a module's
    code: the parameters the module declares, with a note that says so; None where the text defines no module, or
    writes a step's equation the math did not read (in a docstring, a comment, the prose: that is what is meant)."""
    if _math_beside(text):
        return None
    try:
        cell = module_cell(text, src, sizes, beside=True, math=True)
    except ParseError:
        return None  # (nothing found is the error reported)
    if cell is None:
        return None
    return counted_instead(cell, f"the math writes no equation of the cell ({exc.message.partition(': ')[2] or exc.message})")


def counted_instead(cell: N.Cell, why: str) -> N.Cell:
    """The module's cell counted in the math's place, with a note that says why (its "no math: " note reworded)."""
    return replace(cell, notes=(f"{why}; the count is the code's",) + tuple(n.removeprefix("no math: ") for n in cell.notes))


def _named_in_comments(text: str, listed) -> bool:
    """Every field that holds a parameter is named in the docstrings' or comments' equations (the math speaks of what
    the code declares: not a model around the cell, an embedding, a head), and every class the text defines
    is made at most once (not a cell the model holds twice)."""
    said = " ".join(line for m in _DOCSTRING.finditer(text) for line in (m.group(1) or m.group(2) or "").splitlines()
                    if "=" in line) + " ".join(c for c in _COMMENT.findall(text) if "=" in c)  # (their equations)
    fields = {p.name.split(".")[-2] if p.name.split(".")[-1] in ("weight", "bias") and "." in p.name else p.name.split(".")[-1]
              for p in listed}
    if not fields or not all(re.search(rf"(?<![A-Za-z0-9]){re.escape(f)}(?![A-Za-z0-9])", said) for f in fields):
        return False
    return all(len(re.findall(rf"(?<![\w.])(?<!class ){re.escape(c.name)}\s*\(", text)) <= 1 for c in classes(text))


def torch_module(text: str, src: "Source", read: Callable[[str], tuple], beside: bool = False,
                 passed_up: bool = False) -> tuple[tuple[Listed, ...], tuple[str, ...]] | None:
    """The parameters a PyTorch module the text defines declares, and the notes; None where the text
    defines no module class with an `__init__`, or (unless `beside`: they could not be read) writes the
    step's equations in its docstrings or comments. `passed_up`: a class of a base the text does not define
    counts the modules its `__init__` makes in local names and hands to `super().__init__(...)` (the base's
    own parameters unread: a lower bound, for measure.owncode's comparison only)."""
    if "__init__" not in text or "class" not in text:
        return None
    if not beside and _math_beside(text):
        return None  # the docstring's or the comments' equations are read (and the code is not)
    defined = classes(text)
    modules = {c.name: c for c in defined if (c.module or passed_up and hands_up(c, defined)) and c.statements}
    if not modules:
        return None
    try:
        heir = next((c for c in defined for b in c.bases if b in modules), None)
        if heir is not None:
            raise Refused(f"the class {heir.name} inherits from {next(b for b in heir.bases if b in modules)}, which the "
                           "text defines: what the subclass adds or changes is not read", heir.at,
                           "give symcount one class that declares every parameter in its own __init__")
        used = {n for c in modules.values() for _, _, s in c.statements for n in _CALL_NAMES.findall(s) if n in modules}
        top = [c for c in modules.values() if c.name not in used]
        reader = _Reader(modules, text, lambda at: src.where(Span(at, at)), passed_up)
        counted = [(c, reader.declared(c, None, "")) for c in top]
        counted = [(c, found) for c, found in counted if found]
        if len(counted) > 1:
            names = ", ".join(c.name for c, _ in counted)
            raise Refused(f"the code defines {len(counted)} modules with parameters, none holding the others ({names}): "
                           "which is the cell is not said", counted[1][0].at, "give symcount the one class whose parameters to count")
    except Refused as exc:
        raise ParseError(exc.why, source=src, span=Span(exc.at, exc.at), hint=exc.hint) from None
    if not counted:
        return None
    cell, found = counted[0]
    listed = []
    for name, sizes, at, bias in found:
        if any(_UNKNOWN in size for size in sizes):
            raise ParseError(f"a size of {name} uses a name whose value is not read (not an argument of __init__, nor set "
                             "from one)", source=src, span=Span(at, at), hint="give the size as the arguments' names and numbers")
        sizes = tuple(_NUMBER_FIRST.sub(r"\2*\1", _NUMBER_FIRST.sub(r"\2*\1", size)) for size in sizes)  # hidden_size * 4: 4*hidden_size
        dims = read(r"W \in \mathbb{R}^{" + r" \times ".join(size_latex(s) for s in sizes) + "}")
        if dims is None:
            raise ParseError(f"cannot read the shape of {name} ({', '.join(sizes)})", source=src, span=Span(at, at),
                             hint="write each size as names and numbers joined by +, - and *")
        listed.append(Listed(name, dims, Span(at, at), bias, False, "declared in the code"))
    where, framework = ("__init__ and build", "Keras") if cell.keras else ("__init__", "torch")
    notes = (f"no math: the parameters the code's module {cell.name} declares in its {where} (at {src.where(Span(cell.at, cell.at))}), "
             f"{len(listed)} tensors, counted as {framework} counts them",) + tuple(reader.notes)
    if cell.inferred:
        notes += (f"{', '.join(cell.inferred)}: the size of the input's last axis, which {cell.name}.build reads from its shape",)
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
        or any(_STEP_EQUATION.search(m.group(0)[1:]) and not _OWNED.search(m.group(0)) for m in _COMMENT.finditer(text)) \
        or any(_STEP_EQUATION.search(part) for part in outside)


_OWNED = re.compile(r"\bself\.\w")  # `# rt = self.sigmoid(self.linear_rx(input) + ...)`: code commented out, not math
_CALL_NAMES = re.compile(r"(?<![\w.])([A-Za-z_]\w*)\s*\(")


_NUMBER_FIRST = re.compile(r"(\((?:[^()]|\([^()]*\))*\)|[A-Za-z_]\w*)\s*\*\s*(\d+)(?![\w.])")  # a number after its factor
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

    def __init__(self, modules: dict[str, PyClass], text: str, where: Callable[[int], str], passed_up: bool = False) -> None:
        self.modules, self.text, self.where, self.passed_up = modules, text, where, passed_up
        self.locals: dict[str, tuple[str, int]] = {}  # (passed_up) a module made in a local name: its value, where
        self.notes: list[str] = []
        self.seen: set[str] = set()
        self.stack: list[str] = []
        self.constants = {m.group(1): m.group(2) for m in _CONSTANT.finditer(text)}

    def declared(self, c: PyClass, given: dict[str, str] | None, prefix: str) -> list[tuple]:
        env: dict[str, str] = dict(self.constants)  # a name -> the size it stands for, in the outer names
        if given is None:  # the module counted: its arguments are the sizes (and what a Keras layer's build reads)
            env.update({k: k for k in (*c.args, *c.inferred)})
        else:
            env.update(given)
        env.update({"default:" + k: v for k, v in c.args.items() if v is not None and (given is None or k not in given)})
        found: list[tuple] = []
        owners: dict[str, int] = {}
        branch: tuple | None = None  # (condition, taken in this branch), or ("", None) for a block not read
        for level, at, stmt in c.statements:
            if level == 0:
                branch = _branch(stmt, branch, at, c)
                if branch is not None and stmt.endswith(":"):
                    continue
            elif _HEADER.match(stmt):
                branch = ("", None)  # a block inside a block: not read
                continue
            if level and (branch is None or branch[1] is None):
                self._unread_block(stmt, env, at, c)  # a loop, an elif, a block in a block: nothing it makes is read
                continue
            if level and self.flag(branch[0], env, at, "if") != branch[1]:
                continue  # the branch not taken: nothing it does happens
            made, name = self._statement(stmt, env, prefix, at, c)
            if not made:
                continue
            if name in owners:
                raise Refused(f"self.{name} is assigned twice in {c.name}.__init__: which one is kept is not read", at,
                               f"assign self.{name} once")
            owners[name] = at
            found += made
        if self.locals:
            name, (value, at) = next(iter(self.locals.items()))
            raise Refused(f"{name} = {value[:40]}: a module or a parameter made in a local name is not read", at,
                           "assign it to a field of self directly")
        return found

    def _unread_block(self, stmt: str, env: dict, at: int, c: PyClass) -> None:
        """A statement in a block not read (a loop, an `elif`): refused where it may make a parameter; the names it
        assigns are not known after it."""
        m = _SELF.match(stmt) or _LOCAL.match(stmt)
        grows = _GROWN.search(stmt) or (_HELPER.match(stmt) and not m)
        if grows or m is not None and (self._makes(m.group(2)) or TENSOR.search(m.group(2))):
            raise Refused(f"`{stmt[:50]}` is inside a block of {c.name}.__init__ (a loop, an elif, a block in a block) "
                           "that is not read: whether and how often it is made is not said", at,
                           "give the code with the declaration at the body's level, or under `if flag:`")
        target = _TARGET.match(stmt)
        if target is not None:
            env[target.group(1)] = _UNKNOWN

    def _statement(self, stmt: str, env: dict, prefix: str, at: int, c: PyClass) -> tuple[list, str]:
        """The parameters one statement of __init__ makes, and the field it makes them in ([] for none)."""
        grown = _GROWN.search(stmt)
        if grown is not None:
            raise Refused(f"{c.name}.__init__ adds to its modules with `{grown.group(0)}`: how many parameters that "
                           "makes is not read", at, "give the code with each module assigned to a field of its own")
        reg = _REGISTER.match(stmt)
        helper = _HELPER.match(stmt)
        if helper is not None and not reg and not _SELF.match(stmt):
            body = _method_body(self.text, c, helper.group(1))
            if _assigns(body) if body is not None else helper.group(1) not in _HARMLESS:
                raise Refused(f"{c.name}.__init__ calls self.{helper.group(1)}(...), which may declare parameters that "
                               "are not read", at, "give the code with every parameter declared in __init__ itself")
            return [], ""
        augmented = _AUGMENTED.match(stmt)
        if augmented is not None:  # `rnn_input += hidden_size`, `self.out_dim *= 2`: not read
            env[augmented.group(1)] = _UNKNOWN
            return [], ""
        m = reg or _SELF.match(stmt)
        if m is None:
            if re.match(r"self\.\w+\s*[.\[]", stmt) and re.search(r"(?<![=!<>])=(?!=)", stmt) or \
                    re.match(r"[\w.]+\s*,.*?=", stmt) and "self." in stmt.split("=")[0]:
                raise Refused(f"`{stmt[:50]}` in {c.name}.__init__ assigns what is not read (a submodule's tensor, shared "
                               "weights, several fields at once)", at, "give each field its own assignment")
            handed = _SUPER_INIT.match(stmt) if self.locals else None
            if handed is not None:
                return _handed_up(self, handed.group(1), env, prefix, at, c), "super().__init__"
            local = _LOCAL.match(stmt)
            if local is not None and not stmt.startswith(("super", "self")):
                value = local.group(2).strip()
                if self._makes(value) and self.passed_up and not c.module:
                    self.locals[local.group(1)] = (value, at)  # (read where super().__init__(...) hands it to the base)
                    return [], ""
                if self._makes(value):
                    raise Refused(f"{local.group(1)} = {value[:40]}: a module or a parameter made in a local name is not "
                                   "read", at, "assign it to a field of self directly")
                env[local.group(1)] = _size(value, env) or _UNKNOWN
            return [], ""
        name, value = m.group(1), m.group(2).strip()
        made = self._value(value, env, prefix + name, at, c)
        if made is None:
            env["self." + name] = _size(value, env) or (value if value in ("True", "False") else _UNKNOWN)
            return [], ""
        return made, name

    def _makes(self, value: str) -> bool:
        """Whether a value makes a module or a parameter (a call of torch.nn's, or of a class the text defines)."""
        return any(ctor in TORCH_MODULES and qual in ("", "nn.", "torch.nn.") or ctor in self.modules
                   for qual, ctor in _CALL.findall(value))

    def size(self, value: str, env: dict) -> str:
        """A value as a size (for torch's table, read.torchtable)."""
        return _size(value, env)

    def _value(self, value: str, env: dict, name: str, at: int, c: PyClass | None) -> list[tuple] | None:
        """The parameters a value makes ([] for a module with none), or None for a value that is no module."""
        if _CONDITIONAL.search(value) and (self._makes(value) or TENSOR.search(value)):
            raise Refused(f"{name} = {value[:50]}: a module or a tensor made under a condition is not read", at,
                           "write the condition as `if flag:` on a line of its own")
        call = _CALL.match(value)
        if call is None or value.startswith("*"):
            if TENSOR.search(value) or self._makes(value):
                raise Refused(f"{name} = {value[:50]}: what it makes is not read", at, "assign one module or parameter per field")
            return None
        qual, ctor = call.group(1), call.group(2)
        close = closing(value, call.end() - 1)
        args = [a for a in split(value[call.end():close]) if a.strip() != "**factory_kwargs"]  # (torch's device, dtype)
        rest = value[close + 1:]
        if any(a.startswith("*") for a in args):
            raise Refused(f"{name} = {qual}{ctor}(*...): what the unpacked arguments hold is not read", at, "write them out")
        plain_tensor = not qual.startswith("nn.") and TENSOR.match(value)
        if not plain_tensor and not _TRAILER.fullmatch(rest):
            raise Refused(f"{name} = {value[:50]}: what the call and what follows it make is not read", at,
                           "assign the module or the parameter itself")
        if ctor in self.modules and not qual:
            return self._inner(ctor, args, env, name, at)
        if qual == "self." and ctor in ("add_weight", "add_variable") and c is not None and c.keras:
            return _keras_weight(self, args, env, name, at)
        if ctor == "Parameter" and (any(re.fullmatch(r"\s*requires_grad\s*=\s*False\s*", a) for a in args)
                                    or len(args) > 1 and args[1].strip() == "False"):  # nn.Parameter(t, False)
            self.notes.append(f"{name} at {self.where(at)} is made with requires_grad=False: a constant, not counted "
                              "(torch's parameters() lists it, and no optimiser changes it)")
            return []
        if qual in ("", "nn.", "torch.nn.") and ctor in TORCH_MODULES:
            if not qual and ctor not in self.seen:
                self.seen.add(ctor)
                self.notes.append(f"{ctor}(...) at {self.where(at)} is read as torch.nn.{ctor}")
            return Torch(self, name, at, env).make(ctor, args)
        if plain_tensor:
            if "requires_grad=True" in value.replace(" ", ""):
                raise Refused(f"{name} is a tensor to train that is not registered as an nn.Parameter: torch does not "
                               "count it", at, "wrap it in nn.Parameter(...), or leave it out")
            return None  # a plain tensor: no parameter
        if _PURE.match(value) and not self._makes(value):
            return None  # int(...), math.sqrt(...): a number
        raise Refused(f"{name} = {qual}{ctor}(...): which parameters it makes is not known to symcount", at,
                       f"give {ctor}'s code too, or leave {name} out")

    def _inner(self, ctor: str, args: list[str], env: dict, name: str, at: int) -> list[tuple]:
        inner = self.modules[ctor]
        if ctor in self.stack:
            raise Refused(f"the module {ctor} holds itself", at, "give symcount a module that does not nest itself")
        given = _bind(self, inner, args, env, at)
        self.stack.append(ctor)
        try:
            return [(name + "." + n, s, a, b) for n, s, a, b in self.declared(inner, given, "")]
        finally:
            self.stack.pop()

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
        raise Refused(f"{what}={value}: whether the layer has it is not said", at, f"write {what}=True or {what}=False")


def _handed_up(reader: _Reader, args: str, env: dict, prefix: str, at: int, c: PyClass) -> list[tuple]:
    """`super().__init__(hidden_size, forget_gate, update_gate, candidate_gate)`: the modules made in local names
    that it hands to the base, each read as a field of that name (noted)."""
    made: list[tuple] = []
    for a in split(args):
        name = a.partition("=")[2].strip() or a.strip()
        if name in reader.locals:
            value, made_at = reader.locals.pop(name)
            made += reader._value(value, env, prefix + name, made_at, c) or []
    reader.notes.append(f"{c.name}.__init__ hands the modules it makes to its base, {', '.join(c.bases)}, which the text "
                      f"does not define (at {reader.where(at)}): read as its fields; what the base declares itself is not read")
    return made


def _bind(reader: _Reader, inner: PyClass, args: list[str], env: dict, at: int) -> dict[str, str]:
    """The arguments a text-defined module is made with, in the outer names: sizes, or a switch's value."""
    given: dict[str, str] = {}
    names = list(inner.args)
    if any(reader._makes(a) or TENSOR.search(a) for a in args):
        raise Refused(f"{inner.name}(...) is made with a module or a tensor as an argument: what it keeps of it is "
                       "not read", at, "give the code with each module made in the class that holds it")
    for k, a in enumerate(args):
        key, eq, val = a.partition("=")
        key, val = (key.strip(), val.strip()) if eq and key.strip().isidentifier() else (names[k] if k < len(names) else "", a)
        if key:
            flag = val in ("True", "False") or env.get("default:" + val) in ("True", "False")
            given[key] = ("True" if reader.flag(val, env, at, key) else "False") if flag else (_size(val, env) or _UNKNOWN)
    for key, default in inner.args.items():
        if key not in given:
            given[key] = default if default is not None and (default in ("True", "False", "None") or default.isdigit()) \
                else _UNKNOWN
    return given


def _keras_weight(reader: _Reader, args: list[str], env: dict, name: str, at: int) -> list[tuple]:
    """A Keras layer's `self.add_weight(shape=(input_dim, self.units), ...)`: one tensor of that shape (none where
    it is made with trainable=False: Keras's count_params() counts it, its trainable weights do not)."""
    keyed = {k.strip(): v.strip() for k, eq, v in (a.partition("=") for a in args) if eq and k.strip().isidentifier()}
    shape = keyed.get("shape") or next((a.strip() for a in args if a.strip()[:1] in "([" and "=" not in a), None)
    if shape is None or shape[:1] not in "([" or closing(shape, 0) != len(shape) - 1:
        raise Refused(f"{name} = self.add_weight(...): its shape is not written as a tuple", at,
                      "write shape=(rows, columns) in the call")
    sizes = tuple(_size(item, env) for item in split(shape[1:-1]) if item.strip())
    if not sizes or "" in sizes:
        raise Refused(f"{name} = self.add_weight(shape={shape[:40]}): a size is not read", at,
                      "write each size as the arguments' names and numbers")
    if keyed.get("trainable") == "False":
        reader.notes.append(f"{name} at {reader.where(at)} is made with trainable=False: a constant, not counted")
        return []
    return [(name, sizes, at, "bias" in name.lower())]


_TARGET = re.compile(r"((?:self\.)?[A-Za-z_]\w*)\s*(?::[^=\n]+)?(?:[-+*/%@]|//)?=(?!=)")
_AUGMENTED = re.compile(r"((?:self\.)?[A-Za-z_]\w*)\s*(?:[-+*/%@]|//|\*\*)=(?!=)")
def _size(value: str, env: dict) -> str:
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
            out.append(_UNKNOWN if got is None or got == _UNKNOWN else (got if got == name or got.isdigit() else f"({got})"))
        else:
            out.append(m.group(3) or m.group(4))
    text = " ".join(out)
    return text if any(ch.isalnum() or ch == _UNKNOWN for ch in text) else ""


def _branch(stmt: str, branch, at: int, c: PyClass):
    """The branch a statement at the body's level opens (or None: the body itself)."""
    header = _HEADER.match(stmt)
    if header is None:
        return None
    if header.group(1) and ("self." in header.group(1) or _CALL_NAMES.search(header.group(1))):
        raise Refused(f"a one-line `{stmt[:40]}` in {c.name}.__init__ is not read", at, "write its body on lines of its own")
    cond = _IF.fullmatch(stmt)
    if cond:
        return (cond.group(1), True)
    if stmt == "else:" and branch is not None and branch[1] is not None:
        return (branch[0], not branch[1])
    return ("", None)


_CONDITIONAL = re.compile(r"\sif\s.+\selse\s")
_SUPER_INIT = re.compile(r"super\(\s*[^()]*\)\s*\.\s*__init__\s*\((.*)\)\s*$", re.S)


def hands_up(c: PyClass, defined) -> bool:
    """A class of bases the text does not define whose `__init__` hands what it makes to `super().__init__(...)`."""
    names = {d.name for d in defined}
    return bool(c.bases) and not any(b in names or b in ("object", "") for b in c.bases) and any(
        (m := _SUPER_INIT.match(stmt)) is not None and m.group(1).strip() for _, _, stmt in c.statements)


def _method_body(text: str, c: PyClass, method: str) -> str | None:
    """The body of the class's method, where the text defines it (None where it does not)."""
    m = re.search(r"^([ \t]+)def[ \t]+" + re.escape(method) + r"[ \t]*\(", text[c.span[0]:c.span[1]], re.M)
    if m is None:
        return None
    start = text.find("\n", c.span[0] + m.end()) + 1
    return text[start:block_end(text, start, len(m.group(1).expandtabs()))] if start else ""


def _assigns(body: str) -> bool:
    """Whether a method's body assigns a field of self or makes a parameter (`_init_params` that only fills the
    declared tensors with nn.init does neither)."""
    return re.search(r"^[ \t]*self\.\w+[ \t]*=(?!=)|register_parameter|setattr\s*\(|nn\.Parameter|add_module", body, re.M) is not None
