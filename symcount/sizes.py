"""Sizes a user gives: checked against a cell's dimensions, and against every size they determine
(a declared size like h - d is negative for some sizes)."""
from __future__ import annotations

from typing import Iterable, Mapping

from . import poly as P
from .errors import UsageError


def check_bindings(dims: Mapping[str, object], known: Iterable[str]) -> dict[str, int]:
    """Sizes bound to dimensions: known names, positive whole numbers."""
    known = list(known)
    out = {}
    for name, value in dims.items():
        if name not in known:
            raise UsageError(f"unknown dimension {name!r}; this cell's dimensions are: {', '.join(known) or 'none'}")
        if isinstance(value, bool) or not isinstance(value, int):
            raise UsageError(f"the size of {name} must be a whole number, not {value!r}")
        if value < 1:
            raise UsageError(f"the size of {name} must be a positive whole number, not {value}")
        out[name] = value
    return out


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
