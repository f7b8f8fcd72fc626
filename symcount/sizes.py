"""Sizes a user gives: checked against a cell's dimensions, and against every size they determine
(a declared size like h - d is negative for some sizes)."""
from __future__ import annotations

import operator
from typing import Iterable, Mapping

from . import poly as P
from .errors import UsageError
from .limits import MAX_SIZE_DIGITS, digits, too_many_digits


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
