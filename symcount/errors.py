"""symcount's own error types. Every error a user can cause is a SymcountError (exit status 2)."""
from __future__ import annotations

from operator import attrgetter as _attrgetter

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (a start-up cost)

if TYPE_CHECKING:  # pragma: no cover (types only: errors sit below every stage)
    from .read.source import Source, Span


class SymcountError(Exception):
    """An error caused by the input or the options: printed without a traceback, exit status 2."""

    def __init__(self, message: str, *, source: Source | None = None, span: Span | None = None,
                 line: int | None = None, context: str = "", notes: tuple[str, ...] = (),
                 hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.source = source
        self.span = span
        self.line = line  # without a span: the line of source that the error is about
        self.context = context
        self.notes = tuple(notes)
        self.hint = hint
        self.also: tuple[SymcountError, ...] = ()  # independent errors found in the same run

    def with_others(self, others: "list[SymcountError]", limit: int = 5) -> "SymcountError":
        """This error, carrying the independent errors found after it (at most `limit` of them)."""
        self.also = tuple(others[:limit])
        return self

    @property
    def location(self) -> str:
        if self.source is None:
            return ""
        if self.span is None:
            return self.source.name if self.line is None else f"{self.source.name}:{self.line}"
        return self.source.where(self.span)

    def __str__(self) -> str:
        parts = [self.message]
        ctx = f" ({self.context})" if self.context else ""
        if self.source is not None and self.span is not None:
            parts.append(f"  --> {self.source.where(self.span)}{ctx}")
            parts.append(self.source.excerpt(self.span))
        elif self.source is not None and self.line is not None:
            parts.append(f"  --> {self.source.name}:{self.line}{ctx}")
            parts.append(self.source.line_excerpt(self.line))
        elif self.source is not None:
            parts.append(f"  --> {self.source.name}")
        parts.extend(f"  {note}" for note in self.notes)
        if self.hint:
            parts.append(f"  hint: {self.hint}")
        for other in self.also:
            parts.append("")
            parts.append(f"symcount: {other}")
        return "\n".join(parts)


class ParseError(SymcountError):
    """The text is not in symcount's LaTeX subset."""


class ShapeError(SymcountError):
    """The equations are well formed but their shapes do not fit."""


class NonConformable(ShapeError):
    """A product, sum or equation whose operands cannot be made conformable."""

    def __init__(self, message: str, *, left: str = "", right: str = "",
                 left_shape: str = "", right_shape: str = "", rule: str = "", **kw) -> None:
        super().__init__(message, **kw)
        self.left, self.right = left, right
        self.left_shape, self.right_shape = left_shape, right_shape
        self.rule = rule


class Undetermined(ShapeError):
    """A parameter dimension that no equation or declaration determines."""


class UsageError(SymcountError):
    """Bad options: an unknown --set name, a negative size, an unknown cell."""


class StoredError(UsageError):
    """An error kept in a cached report model, printed exactly as it was first printed."""

    def __init__(self, message: str, text: str, hint: str = "") -> None:
        super().__init__(message, hint=hint)
        self.text = text

    def __str__(self) -> str:
        return self.text


PIP_NAMES = {"torch": "'symcount[torch]'", "PIL": "pillow", "yaml": "pyyaml", "dateutil": "python-dateutil"}  # where a module's package differs


def dependency_problem(exc: Exception) -> str | None:
    """A package symcount needs (sympy, lark, jinja2; matplotlib for --plot) that cannot be imported:
    the installation's fault, not a bug, so it is named with the command that fixes it (exit 2)."""
    module = getattr(exc, "name", None) or ""
    top = module.split(".")[0]
    if not isinstance(exc, ImportError) or not top or top == "symcount":
        return None
    package = PIP_NAMES.get(top, top)
    if isinstance(exc, ModuleNotFoundError) and module == top:
        return f"missing dependency: {exc}; install it: pip install {package}"
    return f"broken dependency: {exc}; reinstall it: pip install --upgrade --force-reinstall {package}"


class Record:
    """A small frozen value class without dataclasses' import and class-creation cost (both on the
    start-up path): a subclass names its fields in __slots__ (and "__dict__" there if it keeps
    cached properties), their defaults in _defaults (a value) and _factories (a callable making a
    fresh one), the fields left out of equality and hashing in _uncompared; _frozen = False lets its
    fields be assigned. It is built positionally or by name, calls __post_init__ when it has one,
    compares and hashes by class and fields, and shows itself as Name(field=value, ...).
    `replace(record, **changes)` (below) is dataclasses.replace for it."""

    __slots__ = ()
    _defaults: dict = {}
    _factories: dict = {}
    _uncompared: tuple = ()
    _frozen = True
    _fields: tuple = ()
    _tail: tuple = ()
    _setters: tuple = ()
    _index: dict = {}
    _compared_fields: tuple = ()
    _post_init = False

    def __init_subclass__(cls, **kw) -> None:
        super().__init_subclass__(**kw)
        fields: list = []
        for klass in reversed(cls.__mro__):  # a subclass's fields after its bases'
            own = klass.__dict__.get("__slots__", ())
            fields += [n for n in ((own,) if isinstance(own, str) else own) if n not in ("__dict__", "__weakref__")]
        cls._fields = tuple(fields)
        cls._compared_fields = tuple(n for n in fields if n not in cls._uncompared)
        cls._post_init = hasattr(cls, "__post_init__")
        # each field's slot setter, found once: building a record is the engine's commonest step
        cls._setters = tuple(next(k.__dict__[n] for k in cls.__mro__ if n in k.__dict__).__set__ for n in fields)
        cls._index = {n: i for i, n in enumerate(fields)}
        # the plain defaults of the last fields, in order (a record built without them gets these)
        tail = []
        for n in reversed(fields):
            if n not in cls._defaults:
                break
            tail.append(cls._defaults[n])
        cls._tail = tuple(reversed(tail))
        cls._values = staticmethod(_values_of(tuple(fields)))  # all the fields' values at once (operator.attrgetter, in C)
        cls._compared = staticmethod(_values_of(cls._compared_fields))  # what equality and hashing compare
        if "__init__" not in cls.__dict__ and (cls.__init__ is Record.__init__ or hasattr(cls.__init__, "exact")):
            # a record built with every field, in order: one call per field (a base's own, never)
            cls.__init__ = (None if cls._post_init else _exact_init(cls._setters, cls._tail)) or Record.__init__

    def __init__(self, *args, **kw) -> None:
        setters = self._setters
        missing = len(setters) - len(args)
        if not kw and 0 <= missing <= len(self._tail):  # the common case: the fields in order, defaults after
            for setter, value in zip(setters, args + self._tail[len(self._tail) - missing:] if missing else args):
                setter(self, value)
        else:
            self._fill(self._fields, args, kw)
        if self._post_init:
            self.__post_init__()  # type: ignore[attr-defined]

    def _fill(self, names: tuple, args: tuple, kw: dict) -> None:
        if len(args) > len(names):
            raise TypeError(f"{type(self).__name__} takes {len(names)} fields, not {len(args)}")
        put = object.__setattr__
        for name, value in zip(names, args):
            put(self, name, value)
        defaults, factories = self._defaults, self._factories
        for name in names[len(args):]:
            if name in kw:
                put(self, name, kw.pop(name))
            elif name in defaults:
                put(self, name, defaults[name])
            elif name in factories:
                put(self, name, factories[name]())
            else:
                raise TypeError(f"{type(self).__name__} is missing the field {name!r}")
        if kw:
            raise TypeError(f"{type(self).__name__} has no field {next(iter(kw))!r} (or it was given twice)")

    def __setattr__(self, name: str, value: object) -> None:
        if self._frozen:
            raise AttributeError(f"cannot assign to field {name!r} of a frozen {type(self).__name__}")
        object.__setattr__(self, name, value)

    def __delattr__(self, name: str) -> None:
        if self._frozen:
            raise AttributeError(f"cannot delete field {name!r} of a frozen {type(self).__name__}")
        object.__delattr__(self, name)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._compared(self) == other._compared(other)  # type: ignore[attr-defined]

    def __hash__(self) -> int:
        if not self._frozen:
            raise TypeError(f"unhashable type: {type(self).__name__!r}")
        return hash(self._compared(self))

    def __repr__(self) -> str:
        return f"{type(self).__name__}({', '.join(f'{n}={getattr(self, n)!r}' for n in self._fields)})"

    def but(self, **changes) -> "Record":
        """A copy with `changes` (dataclasses.replace for a record), built positionally: the
        engine's commonest copy, and the named path checks what a copy need not."""
        values, index = list(self._values(self)), self._index
        for name, value in changes.items():
            if name not in index:
                raise TypeError(f"{type(self).__name__} has no field {name!r}")
            values[index[name]] = value
        return type(self)(*values)

    def __reduce__(self):  # pickle and copy: rebuilt through __init__ (a frozen record refuses setattr)
        return (_rebuild, (type(self), tuple(getattr(self, n) for n in self._fields)))


def _exact_init(setters: tuple, tail: tuple = ()):
    """Record.__init__ for a record of 2 to 8 fields (or 12, or 14) built with all of them in order, or with the last
    ones left to their plain defaults (`tail`), unrolled for each number of fields (the engine builds
    tens of thousands of records); anything else goes to Record.__init__."""
    n = len(setters)
    return _UNROLLED[n](Record.__init__, tail, *setters) if n in _UNROLLED else None


# (one per number of fields: the arguments unpacked and each field set in a line of its own, no tests)
def _init2(general, tail, s0, s1):
    def init(self, *args, **kw) -> None:
        if kw or len(args) != 2:
            if kw or not 0 < 2 - len(args) <= len(tail):
                return general(self, *args, **kw)
            args += tail[len(tail) - 2 + len(args):]
        a, b = args
        s0(self, a)
        s1(self, b)
    init.exact = True
    return init


def _init3(general, tail, s0, s1, s2):
    def init(self, *args, **kw) -> None:
        if kw or len(args) != 3:
            if kw or not 0 < 3 - len(args) <= len(tail):
                return general(self, *args, **kw)
            args += tail[len(tail) - 3 + len(args):]
        a, b, c = args
        s0(self, a)
        s1(self, b)
        s2(self, c)
    init.exact = True
    return init


def _init4(general, tail, s0, s1, s2, s3):
    def init(self, *args, **kw) -> None:
        if kw or len(args) != 4:
            if kw or not 0 < 4 - len(args) <= len(tail):
                return general(self, *args, **kw)
            args += tail[len(tail) - 4 + len(args):]
        a, b, c, d = args
        s0(self, a)
        s1(self, b)
        s2(self, c)
        s3(self, d)
    init.exact = True
    return init


def _init5(general, tail, s0, s1, s2, s3, s4):
    def init(self, *args, **kw) -> None:
        if kw or len(args) != 5:
            if kw or not 0 < 5 - len(args) <= len(tail):
                return general(self, *args, **kw)
            args += tail[len(tail) - 5 + len(args):]
        a, b, c, d, e = args
        s0(self, a)
        s1(self, b)
        s2(self, c)
        s3(self, d)
        s4(self, e)
    init.exact = True
    return init


def _init6(general, tail, s0, s1, s2, s3, s4, s5):
    def init(self, *args, **kw) -> None:
        if kw or len(args) != 6:
            if kw or not 0 < 6 - len(args) <= len(tail):
                return general(self, *args, **kw)
            args += tail[len(tail) - 6 + len(args):]
        a, b, c, d, e, f = args
        s0(self, a)
        s1(self, b)
        s2(self, c)
        s3(self, d)
        s4(self, e)
        s5(self, f)
    init.exact = True
    return init


def _init7(general, tail, s0, s1, s2, s3, s4, s5, s6):
    def init(self, *args, **kw) -> None:
        if kw or len(args) != 7:
            if kw or not 0 < 7 - len(args) <= len(tail):
                return general(self, *args, **kw)
            args += tail[len(tail) - 7 + len(args):]
        a, b, c, d, e, f, g = args
        s0(self, a)
        s1(self, b)
        s2(self, c)
        s3(self, d)
        s4(self, e)
        s5(self, f)
        s6(self, g)
    init.exact = True
    return init


def _init8(general, tail, s0, s1, s2, s3, s4, s5, s6, s7):
    def init(self, *args, **kw) -> None:
        if kw or len(args) != 8:
            if kw or not 0 < 8 - len(args) <= len(tail):
                return general(self, *args, **kw)
            args += tail[len(tail) - 8 + len(args):]
        a, b, c, d, e, f, g, h = args
        s0(self, a)
        s1(self, b)
        s2(self, c)
        s3(self, d)
        s4(self, e)
        s5(self, f)
        s6(self, g)
        s7(self, h)
    init.exact = True
    return init


# (and the records of many fields built by the thousand: a parameter's shape (14), its summary (12))
def _init12(general, tail, s0, s1, s2, s3, s4, s5, s6, s7, s8, s9, s10, s11):
    def init(self, *args, **kw) -> None:
        if kw or len(args) != 12:
            if kw or not 0 < 12 - len(args) <= len(tail):
                return general(self, *args, **kw)
            args += tail[len(tail) - 12 + len(args):]
        a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11 = args
        s0(self, a0)
        s1(self, a1)
        s2(self, a2)
        s3(self, a3)
        s4(self, a4)
        s5(self, a5)
        s6(self, a6)
        s7(self, a7)
        s8(self, a8)
        s9(self, a9)
        s10(self, a10)
        s11(self, a11)
    init.exact = True
    return init


def _init14(general, tail, s0, s1, s2, s3, s4, s5, s6, s7, s8, s9, s10, s11, s12, s13):
    def init(self, *args, **kw) -> None:
        if kw or len(args) != 14:
            if kw or not 0 < 14 - len(args) <= len(tail):
                return general(self, *args, **kw)
            args += tail[len(tail) - 14 + len(args):]
        a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, a13 = args
        s0(self, a0)
        s1(self, a1)
        s2(self, a2)
        s3(self, a3)
        s4(self, a4)
        s5(self, a5)
        s6(self, a6)
        s7(self, a7)
        s8(self, a8)
        s9(self, a9)
        s10(self, a10)
        s11(self, a11)
        s12(self, a12)
        s13(self, a13)
    init.exact = True
    return init


_UNROLLED = {2: _init2, 3: _init3, 4: _init4, 5: _init5, 6: _init6, 7: _init7, 8: _init8, 12: _init12, 14: _init14}


def _values_of(fields: tuple):
    if len(fields) > 1:
        return _attrgetter(*fields)
    if fields:
        one = _attrgetter(fields[0])
        return lambda obj: (one(obj),)
    return lambda obj: ()


def replace(obj, /, **changes):
    """dataclasses.replace, for a Record (without importing dataclasses) or a dataclass."""
    if isinstance(obj, Record):
        return obj.but(**changes)
    import dataclasses
    return dataclasses.replace(obj, **changes)


def _rebuild(cls, values):
    obj = cls.__new__(cls)
    for name, value in zip(cls._fields, values):
        object.__setattr__(obj, name, value)
    return obj
