"""Integer polynomials in named dimensions, in plain Python: evaluation and printing without
sympy, so that a cached derivation answers in milliseconds.

A polynomial is a dict {monomial: coefficient}; a monomial is a tuple of (name, exponent) pairs
sorted by name; () is the constant term. The printer writes what `sympy.sstr(expr, order="lex")`
writes for the same polynomial (tests check this), so cached and fresh outputs are identical.
"""
from __future__ import annotations

from math import gcd

from ..limits import MAX_DIGITS, MAX_TERMS, digits, too_many_digits
from ..errors import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover (types only: typing is a start-up cost)
    from typing import Iterable, Mapping

Monomial = tuple[tuple[str, int], ...]
Poly = dict[Monomial, int]


def const(c: int) -> Poly:
    return {(): c} if c else {}


const_ = const  # for functions with an argument named const


def var(name: str) -> Poly:
    """A dimension; a product of dimensions ("E*d", as nodes.PRODUCT joins them) is one monomial."""
    if "*" not in name:
        return {((name, 1),): 1}
    exps: dict[str, int] = {}
    for f in name.split("*"):
        exps[f] = exps.get(f, 0) + 1
    return {tuple(sorted(exps.items())): 1}


def add(*polys: Poly) -> Poly:
    out: Poly = {}
    for p in polys:
        for m, c in p.items():
            out[m] = out.get(m, 0) + c
    return {m: c for m, c in out.items() if c}


def scale(p: Poly, k: int) -> Poly:
    return {m: c * k for m, c in p.items()} if k else {}


def _mono_mul(a: Monomial, b: Monomial) -> Monomial:
    exps = dict(a)
    for n, e in b:
        exps[n] = exps.get(n, 0) + e
    return tuple(sorted(exps.items()))


class TooLarge(ValueError):
    """A polynomial of more than MAX_TERMS terms, or a coefficient of more than MAX_DIGITS digits:
    the stage that asked for it says what it was (a parameter's count, a stacked layer)."""


def mul(a: Poly, b: Poly) -> Poly:
    out: Poly = {}
    for ma, ca in a.items():
        for mb, cb in b.items():
            m = _mono_mul(ma, mb)
            out[m] = out.get(m, 0) + ca * cb
        if len(out) > MAX_TERMS:
            raise TooLarge(f"more than {MAX_TERMS:,} terms")
    return {m: c for m, c in out.items() if c}


def check(p: Poly) -> Poly:
    """p, if it is within the limits: at most MAX_TERMS terms, each coefficient of at most
    MAX_DIGITS digits (so that every one prints)."""
    if len(p) > MAX_TERMS:
        raise TooLarge(f"{len(p):,} terms, more than {MAX_TERMS:,}")
    for c in p.values():
        if too_many_digits(c):
            raise TooLarge(f"a coefficient of about {digits(c):,} digits, more than {MAX_DIGITS:,}")
    return p


def product(*polys: Poly) -> Poly:
    out: Poly = {(): 1}
    for p in polys:
        out = mul(out, p)
    return out


def linear(terms: Iterable[tuple[str, int]], const: int = 0) -> Poly:
    """The polynomial of a linear dimension: sum of k * name, plus const (a nodes.Lin's parts)."""
    return add(const_(const), *[scale(var(n), k) for n, k in terms])


def substitute(p: Poly, name: str, q: Poly) -> Poly:
    """p with the dimension `name` replaced by the polynomial q."""
    powers: dict[int, Poly] = {0: {(): 1}}
    out: Poly = {}
    for m, c in p.items():
        e = dict(m).get(name, 0)
        if e not in powers:
            powers[e] = product(*([q] * e))
        rest = {tuple((n, k) for n, k in m if n != name): c}
        for mm, cc in mul(rest, powers[e]).items():
            out[mm] = out.get(mm, 0) + cc
    return {m: c for m, c in out.items() if c}


def printable(p: Poly, sizes: Mapping[str, int]) -> Poly:
    """partial(p, sizes) if every coefficient of it prints (MAX_DIGITS digits), else TooLarge;
    checked from the sizes' bits before anything is multiplied."""
    limit = MAX_DIGITS * 3322 // 1000 + 4  # bits
    for m, c in p.items():
        bits = abs(c).bit_length() + sum(e * max(abs(sizes[n]).bit_length() - 1, 0) for n, e in m if n in sizes)
        if bits > limit:
            raise TooLarge(f"a number of more than {MAX_DIGITS:,} digits")
    return check(partial(p, sizes))


def evaluate(p: Poly, sizes: Mapping[str, int]) -> int:
    total = 0
    for m, c in p.items():
        term = c
        for n, e in m:
            term *= sizes[n] ** e
        total += term
    return total


def partial(p: Poly, sizes: Mapping[str, int]) -> Poly:
    """p with the given dimensions bound to integers."""
    out: Poly = {}
    for m, c in p.items():
        rest = []
        for n, e in m:
            if n in sizes:
                c *= sizes[n] ** e
            else:
                rest.append((n, e))
        key = tuple(rest)
        out[key] = out.get(key, 0) + c
    return {m: c for m, c in out.items() if c}


def names(p: Poly) -> list[str]:
    return sorted({n for m in p for n, _ in m})


# ---- printing ---------------------------------------------------------------------------------
def _lex_keys(p: Poly):
    """A sort key per monomial equal to sympy's lex order (exponent vectors over the sorted names,
    compared left to right): the monomial as (-rank of name, exponent) pairs. Comparing two such
    keys finds the first name where the vectors differ, as comparing the vectors does, at the cost
    of the monomials' lengths rather than the number of names."""
    rank = {n: i for i, n in enumerate(names(p))}
    return lambda m: tuple((-rank[n], e) for n, e in m)


def ordered(p: Poly) -> list[tuple[Monomial, int]]:
    """Terms in sympy's lex order: by exponent vector over the sorted names, largest first."""
    if len(p) < 2:
        return list(p.items())
    key = _lex_keys(p)
    return sorted(p.items(), key=lambda mc: key(mc[0]), reverse=True)


def _leading(p: Poly) -> tuple[Monomial, int]:
    key = _lex_keys(p)
    return max(p.items(), key=lambda mc: key(mc[0]))


def _mono_str(m: Monomial) -> str:
    return "*".join(n if e == 1 else f"{n}**{e}" for n, e in m)


def _signed(terms: list[tuple[bool, str]]) -> str:
    """Join (negative, body) terms as `a - b + c`, a leading minus written `-a`."""
    if not terms:
        return "0"
    out = []
    for i, (neg, body) in enumerate(terms):
        out.append(("-" if neg else "") + body if i == 0 else (" - " if neg else " + ") + body)
    return "".join(out)


def to_str(p: Poly) -> str:
    """As sympy.sstr(expr, order="lex") prints it: 4*d_h**2 + 4*d_h*d_x + 8*d_h."""
    terms = []
    for m, c in ordered(p):
        mag = abs(c)
        body = str(mag) if not m else _mono_str(m) if mag == 1 else f"{mag}*{_mono_str(m)}"
        terms.append((c < 0, body))
    return _signed(terms)


# ---- the form a person writes -------------------------------------------------------------------
def _common(p: Poly) -> tuple[int, Monomial]:
    """The integer content (sign of the leading term) and the monomial every term shares."""
    g = 0
    for c in p.values():
        g = gcd(g, c)
    if _leading(p)[1] < 0:
        g = -g
    shared: dict[str, int] | None = None
    for m in p:
        exps = dict(m)
        shared = exps if shared is None else {n: min(e, exps[n]) for n, e in shared.items() if n in exps}
        if not shared:
            break
    return g, tuple(sorted((shared or {}).items()))


def _divide(p: Poly, k: int, mono: Monomial) -> Poly:
    out: Poly = {}
    sub = dict(mono)
    for m, c in p.items():
        exps = dict(m)
        for n, e in sub.items():
            exps[n] -= e
        out[tuple(sorted((n, e) for n, e in exps.items() if e))] = c // k
    return out


def _group(p: Poly) -> list:
    """p as one term of factored_parts: k * monomial * (inner), or a single term."""
    k, mono = _common(p)
    inner = _divide(p, k, mono)
    if len(inner) == 1:
        (m, c), = inner.items()
        return [(k * c, _mono_mul(mono, m), {(): 1})]
    return [(k, mono, inner)]


def factored_parts(p: Poly) -> list:
    """The grouped form as a list of terms; each term is (k, monomial, inner) meaning
    k * monomial * (inner), with inner a polynomial with no common factor (or {(): 1}).

    Where the terms share no monomial and no integer factor, the terms that hold the most common
    dimension (the first by name among equals) form a group, and the rest is grouped the same way,
    until what is left has a common factor, or no dimension is in two of its terms, or it has at
    most two terms. The counts of the dimensions, the leading term and the content of what is left
    are kept up to date as groups leave it, so that the whole is near-linear in the size of p."""
    import heapq
    if not p:
        return []
    terms = list(p.items())
    left = set(range(len(terms)))
    holders: dict[str, list[int]] = {}
    for i, (m, _) in enumerate(terms):
        for n, _ in m:
            holders.setdefault(n, []).append(i)
    count = {n: len(ix) for n, ix in holders.items()}
    heap = [(-c, n) for n, c in count.items()]
    heapq.heapify(heap)
    content = _GcdTree([abs(c) for _, c in terms])
    out: list = []
    while True:
        while heap and -heap[0][0] != count[heap[0][1]]:
            heapq.heappop(heap)  # a stale count
        best = heap[0][1] if heap else None
        shared = best is not None and count[best] == len(left)  # a dimension in every term
        if shared or content.value != 1 or len(left) <= 2 or best is None or count[best] < 2:
            out += _group({terms[i][0]: terms[i][1] for i in sorted(left)})
            return out
        group = [i for i in holders[best] if i in left]
        out += _group({terms[i][0]: terms[i][1] for i in group})
        for i in group:
            left.discard(i)
            content.clear(i)
            for n, _ in terms[i][0]:
                count[n] -= 1
                heapq.heappush(heap, (-count[n], n))


class _GcdTree:
    """The gcd of a list of integers, kept as entries are cleared (set to 0), each in log time."""

    def __init__(self, values: list[int]) -> None:
        self.size = 1
        while self.size < len(values):
            self.size *= 2
        self.tree = [0] * self.size + values + [0] * (self.size - len(values))
        for i in range(self.size - 1, 0, -1):
            self.tree[i] = gcd(self.tree[2 * i], self.tree[2 * i + 1])

    @property
    def value(self) -> int:
        return self.tree[1]

    def clear(self, i: int) -> None:
        i += self.size
        self.tree[i] = 0
        while i > 1:
            i //= 2
            self.tree[i] = gcd(self.tree[2 * i], self.tree[2 * i + 1])


def _factor_term_str(k: int, mono: Monomial, inner: Poly) -> tuple[bool, str]:
    parts = []
    if abs(k) != 1 or (not mono and inner == {(): 1}):
        parts.append(str(abs(k)))
    if mono:
        parts.append(_mono_str(mono))
    if inner != {(): 1}:
        grouped = parts or (k < 0 and len(inner) > 1)
        parts.append(f"({to_str(inner)})" if grouped else to_str(inner))
    return k < 0, "*".join(parts)


def factored_str(p: Poly) -> str:
    """4*d_h*(d_h + d_x + 2); where nothing is common to all terms, groups:
    n*(3*d + 3*n + 2) + d_y + 1."""
    return _signed([_factor_term_str(k, mono, inner) for k, mono, inner in factored_parts(p)])


# ---- LaTeX ---------------------------------------------------------------------------------------
def _mono_tex(m: Monomial, tex: Mapping[str, str]) -> str:
    parts = [tex[n] if e == 1 else f"{tex[n]}^{{{e}}}" for n, e in m]
    words = any(p.startswith("\\mathit") for p in parts)  # hidden_size input_size: a dot between words
    return (" \\cdot " if words else " ").join(parts)


def _signed_tex(terms: list[tuple[bool, str]]) -> str:
    if not terms:
        return "0"
    out = []
    for i, (neg, body) in enumerate(terms):
        out.append(("- " if neg else "") + body if i == 0 else (" - " if neg else " + ") + body)
    return "".join(out)


def to_latex(p: Poly, tex: Mapping[str, str]) -> str:
    """As sympy.latex(expr, order="lex") typesets it, with each dimension typeset as `tex` says:
    4 d_{h}^{2} + 4 d_{h} d_{x} + 8 d_{h}."""
    terms = []
    for m, c in ordered(p):
        mag = abs(c)
        body = str(mag) if not m else _mono_tex(m, tex) if mag == 1 else f"{mag} {_mono_tex(m, tex)}"
        terms.append((c < 0, body))
    return _signed_tex(terms)


def factored_latex(p: Poly, tex: Mapping[str, str]) -> str:
    """The grouped form of factored_str, typeset: 4 d_{h} \\left(d_{h} + d_{x} + 2\\right)."""
    terms = []
    for k, mono, inner in factored_parts(p):
        parts = []
        if abs(k) != 1 or (not mono and inner == {(): 1}):
            parts.append(str(abs(k)))
        if mono:
            parts.append(_mono_tex(mono, tex))
        if inner != {(): 1}:
            grouped = parts or (k < 0 and len(inner) > 1)
            body = to_latex(inner, tex)
            parts.append(f"\\left({body}\\right)" if grouped else body)
        terms.append((k < 0, " ".join(parts)))
    return _signed_tex(terms)


# ---- sympy, for the Python API ----------------------------------------------------------------------
def symbol(name: str):
    """The sympy symbol of a dimension: a positive integer."""
    import sympy
    return sympy.Symbol(name, integer=True, positive=True)


def to_sympy(p: Poly):
    """p as a sympy expression (expanded), in positive integer symbols."""
    import sympy
    symbols = {n: symbol(n) for n in names(p)}
    return sympy.Add(*[c * sympy.Mul(*[symbols[n] ** e for n, e in m]) for m, c in p.items()])


def factored_sympy(p: Poly):
    """factored_parts as a sympy expression kept unexpanded: 4*d_h*(d_h + d_x + 2)."""
    import sympy
    symbols = {n: symbol(n) for n in names(p)}

    def mono(m: Monomial):
        return sympy.Mul(*[symbols[n] ** e for n, e in m])
    terms = []
    for k, m, inner in factored_parts(p):
        if k == 1 and not m:  # ungrouped terms stand on their own
            terms.extend(c * mono(mm) for mm, c in inner.items())
            continue
        factors = ([] if k == 1 else [sympy.Integer(k)]) + [symbols[n] ** e for n, e in m]
        if inner != {(): 1}:
            factors.append(sympy.Add(*[c * mono(mm) for mm, c in inner.items()]))
        terms.append(sympy.Mul(*factors, evaluate=False) if len(factors) > 1 else factors[0] if factors else sympy.Integer(1))
    return sympy.Add(*terms, evaluate=False) if len(terms) > 1 else (terms[0] if terms else sympy.Integer(0))


def from_sympy(expr) -> Poly:
    """A sympy polynomial with integer coefficients as a Poly (for tests and API users)."""
    import sympy
    expr = sympy.expand(expr)
    if not expr.free_symbols:
        return const(int(expr))
    out: Poly = {}
    for term in sympy.Add.make_args(expr):
        c, rest = term.as_coeff_Mul()
        mono = tuple(sorted((str(b), int(e)) for b, e in (f.as_base_exp() for f in sympy.Mul.make_args(rest)) if b != 1))
        out[mono] = out.get(mono, 0) + int(c)
    return {m: c for m, c in out.items() if c}


def to_json(p: Poly) -> list:
    return [[c, [list(x) for x in m]] for m, c in ordered(p)]


def from_json(data: Iterable) -> Poly:
    out: Poly = {}
    for c, m in data:
        if not isinstance(c, int) or isinstance(c, bool):
            raise ValueError("coefficient is not an integer")
        mono = tuple(sorted((str(n), int(e)) for n, e in m))
        out[mono] = out.get(mono, 0) + c
    return {m: c for m, c in out.items() if c}


def evaluate_many(p: Poly, sizes: Mapping[str, object]):
    """p at many sizes at once. Each size is an int or a sequence (numpy broadcasting rules).
    With numpy: an int64 array when every value provably fits, else an object array of exact
    Python ints. Without numpy: a list of ints."""
    try:
        import numpy as np
    except ImportError:  # pragma: no cover - numpy is optional
        return _evaluate_lists(p, sizes)
    arrays = {n: np.asarray(v) for n, v in sizes.items()}
    for n, a in arrays.items():
        if a.dtype.kind not in "iu" and not (a.dtype == object and all(isinstance(x, int) for x in a.flat)):
            raise TypeError(f"sizes of {n} must be integers")
    shape = np.broadcast_shapes(*(a.shape for a in arrays.values())) if arrays else ()
    biggest = {n: (max((abs(int(x)) for x in a.flat), default=0) if a.dtype == object
                   else int(np.abs(a).max(initial=0))) for n, a in arrays.items()}
    bound = 0
    for m, c in p.items():
        term = abs(c)
        for n, e in m:
            term *= biggest[n] ** e
        bound += term
    dtype = np.int64 if bound < 2**62 else object
    total = np.zeros(shape, dtype=dtype)
    for m, c in p.items():
        term = np.full(shape, c, dtype=dtype)
        for n, e in m:
            term = term * arrays[n].astype(dtype) ** e
        total = total + term
    return total


def _evaluate_lists(p: Poly, sizes: Mapping[str, object]) -> list[int]:
    seqs = {n: (list(v) if not isinstance(v, int) else None) for n, v in sizes.items()}
    length = max((len(s) for s in seqs.values() if s is not None), default=1)
    out = []
    for i in range(length):
        point = {n: (sizes[n] if s is None else s[i]) for n, s in seqs.items()}
        out.append(evaluate(p, point))
    return out


def lowest(values) -> int:
    """The smallest of evaluate_many's results (a numpy array or a list), as an int."""
    return int(values.min()) if hasattr(values, "min") else min(int(v) for v in values)
