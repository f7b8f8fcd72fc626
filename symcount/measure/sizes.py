"""Sizes a user gives: checked against a cell's dimensions, and against every size they determine
(a declared size like h - d is negative for some sizes)."""
from __future__ import annotations

from collections.abc import Mapping
import operator
from ..read import patterns as re  # re, with the package's patterns compiled ahead (read.patterns)

from . import poly as P
from ..errors import TYPE_CHECKING, UsageError
from ..limits import MAX_SIZE_DIGITS, MAX_SWEEP, digits, too_many_digits

if TYPE_CHECKING:  # pragma: no cover (types only: typing is a start-up cost)
    from typing import Iterable


def check_bindings(dims: Mapping[str, object], known: Iterable[str]) -> dict[str, int]:
    """Sizes bound to dimensions: known names, positive whole numbers (ints or numpy integers) of
    at most MAX_SIZE_DIGITS digits."""
    known = list(known)
    out = {}
    for name, value in dims.items():
        if name not in known:
            shown_known = ", ".join(known[:20]) + (f", ... ({len(known):,} in all)" if len(known) > 20 else "")
            raise UsageError(f"unknown dimension {shown(name)}; this cell's dimensions are: {shown_known or 'none'}")
        out[name] = check_size(name, value)
    return out


def check_size(name: str, value: object) -> int:
    """One size: a positive whole number of at most MAX_SIZE_DIGITS digits, as an int."""
    n = whole(value)
    if n is None:
        raise UsageError(f"the size of {name} must be a whole number, not {shown(value)}")
    if n < 1:
        raise UsageError(f"the size of {name} must be a positive whole number, not {shown(n)}")
    if too_many_digits(n, MAX_SIZE_DIGITS):
        raise UsageError(f"the size of {name} has about {digits(n):,} digits; symcount takes sizes of at most "
                         f"{MAX_SIZE_DIGITS:,} digits")
    return n


def whole(value: object) -> int | None:
    """value as an int if it is a whole number (an int, a numpy integer: whatever has __index__),
    else None; a bool is not a number here."""
    if is_bool(value):
        return None
    try:
        return operator.index(value)  # type: ignore[arg-type]
    except TypeError:
        return None


def is_bool(value: object) -> bool:
    """True or False: a Python bool, or a numpy bool scalar."""
    if isinstance(value, bool):
        return True
    dtype = getattr(value, "dtype", None)
    return getattr(dtype, "kind", "") == "b" and getattr(value, "shape", None) == ()


def shown(value: object) -> str:
    """A value in a message, short whatever its size."""
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:,}" if not too_many_digits(value, 60) else f"a number of about {digits(value):,} digits"
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def check_sizes(sized: Iterable[tuple[P.Poly, str]], sizes: Mapping[str, object]) -> None:
    """Every size (a polynomial, with what it is the size of) that the given dimensions determine
    must be at least 1. A dimension may be an int or an array of them."""
    seen: set = set()
    for poly, what in sized:
        key = tuple(sorted(poly.items()))
        if key in seen:  # most sizes are the same few (d_h, d_x): check each once
            continue
        seen.add(key)
        names = P.names(poly)
        if not names or not all(n in sizes for n in names):
            continue
        if all(isinstance(sizes[n], int) for n in names):
            lowest = P.evaluate(poly, sizes)
        else:
            lowest = P.lowest(P.evaluate_many(poly, {n: sizes[n] for n in names}))
        if lowest < 1:
            bound = ", ".join(f"{n}={sizes[n]}" for n in names if isinstance(sizes[n], int))
            at = f"with {bound}, " if bound else "at some of the sizes given, "
            raise UsageError(f"{at}{what} would be {lowest}: every size must be at least 1")


def missing(poly: P.Poly, sizes: Mapping[str, object]) -> None:
    """A UsageError naming the dimensions of poly that have no size."""
    absent = [n for n in P.names(poly) if n not in sizes]
    if absent:
        raise UsageError(f"cannot evaluate: no size given for {', '.join(absent)}",
                         hint="give every dimension: " + ", ".join(f"{m}=..." for m in absent))


def determined(parameters: Iterable[tuple[str, P.Poly, P.Poly]], signals: Iterable[tuple[str, P.Poly]]) -> list[tuple[P.Poly, str]]:
    """Every size the dimensions determine, with what it is the size of: each matrix parameter's rows
    and columns (name, rows, cols), each signal's size (text, size)."""
    out = [(size, f"the number of {which} of {name}")
           for name, rows, cols in parameters for size, which in ((rows, "rows"), (cols, "columns"))]
    return out + [(size, f"the size of {text}") for text, size in signals]


def split_sizes(sizes: Mapping[str, object] | None) -> tuple[dict[str, int], dict[str, list[int]]]:
    """Sizes given to compare or match: an int binds a dimension, a sequence (a list, a range) sweeps it."""
    fixed: dict[str, int] = {}
    swept: dict[str, list[int]] = {}
    if sizes is not None and not isinstance(sizes, Mapping):
        raise TypeError(f"sizes must be a mapping of dimension names to sizes (a dict), not {type(sizes).__name__}")
    for name, value in (sizes or {}).items():
        if not isinstance(name, str):
            raise TypeError(f"sizes must be a mapping of dimension names (str) to sizes, not {name!r}")
        if isinstance(value, int) and not isinstance(value, bool):
            fixed[name] = value
            continue
        try:
            values = [operator.index(x) for x in value]  # type: ignore[union-attr]
        except TypeError:
            raise UsageError(f"the size of {name} must be a whole number or a sequence of them, not {value!r}") from None
        if not values:
            raise UsageError(f"the sweep of {name} is empty")
        swept[name] = values
    return fixed, swept


# ---- sizes as text: --set and the directives' :set: ------------------------------------------------
_SET = re.compile(r"^\s*(?P<name>[A-Za-z][A-Za-z0-9_]*)\s*=\s*(?P<value>.*?)\s*$")


def parse_sizes(items: list[str]) -> tuple[dict[str, int], dict[str, list[int]]]:
    """Sizes as the command line and the Sphinx directives write them: NAME=INT binds a size; NAME=START:STOP:STEP (STOP included) or NAME=A,B,C sweeps it."""
    fixed: dict[str, int] = {}
    swept: dict[str, list[int]] = {}
    for item in items:
        m = _SET.match(item)
        if not m:
            raise UsageError(f"--set takes NAME=INT, not {clip(item)!r}", hint="for example --set d_h=256")
        name, value = m.group("name"), m.group("value")
        if name in fixed or name in swept:
            raise UsageError(f"--set {name} is given twice", hint=f"keep one --set {name}=...")
        if ":" in value or "," in value:
            swept[name] = _sweep(name, value)
        else:
            fixed[name] = _whole(name, value)
    count = 1
    for values in swept.values():
        count *= len(values)
    if count > MAX_SWEEP:
        raise UsageError(f"the sweep has {count:,} rows; at most {MAX_SWEEP:,} are printed",
                         hint="use larger steps, or the Python API's evaluate_many")
    return fixed, swept


def _whole(name: str, value: str) -> int:
    if not re.fullmatch(r"\s*[+-]?[0-9]+\s*", value):
        raise UsageError(f"the size of {name} must be a whole number, not {clip(value)!r}")
    if len(value.strip().lstrip("+-").lstrip("0")) > MAX_SIZE_DIGITS:
        raise UsageError(f"the size of {name} has {len(value.strip().lstrip('+-').lstrip('0')):,} digits; symcount takes "
                         f"sizes of at most {MAX_SIZE_DIGITS:,} digits")
    return int(value)


def clip(text: str, width: int = 60) -> str:
    """Text shown in a message, cut to `width` characters."""
    return text if len(text) <= width else text[:width - 3] + "..."


def _sweep(name: str, value: str) -> list[int]:
    if "," in value:
        return [_whole(name, v) for v in value.split(",")]
    parts = value.split(":")
    if len(parts) not in (2, 3):
        raise UsageError(f"a sweep is START:STOP or START:STOP:STEP, not {clip(value)!r}", hint=f"for example --set {name}=128:1024:128")
    start, stop = _whole(name, parts[0]), _whole(name, parts[1])
    step = _whole(name, parts[2]) if len(parts) == 3 else 1
    if step < 1 or stop < start:
        raise UsageError(f"the sweep {clip(value)!r} is empty: it needs START <= STOP and a positive STEP")
    if (stop - start) // step + 1 > MAX_SWEEP:
        raise UsageError(f"the sweep {clip(value)!r} has more than {MAX_SWEEP:,} values")
    return list(range(start, stop + 1, step))
