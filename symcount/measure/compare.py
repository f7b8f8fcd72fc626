"""Counts side by side: one row per combination of the swept sizes, one column per cell (`compare`),
and the plain results of `match`. Pure functions on integer polynomials; the API gathers each cell's
polynomial and sizes, the output side writes the tables."""
from __future__ import annotations

import itertools
from ..read import patterns as re  # re, with the package's patterns compiled ahead (read.patterns)
from dataclasses import dataclass, field
from typing import Mapping, Sequence

from . import poly as P
from ..errors import UsageError, replace
from .solve import Point, Solution, domain, solve
from .sizes import check_bindings, check_sizes


@dataclass(frozen=True)
class Column:
    """One cell of a comparison (or of a match): its label and the count of the requested stack."""

    label: str                       # the built-in cell's name, or the file as given
    source: str                      # the file the cell was read from
    dims: tuple[str, ...]            # every dimension the cell has
    total: str                       # the count, expanded: 4*d*h + 4*h**2 + 8*h
    factored: str                    # as a person writes it: 4*h*(d + h + 2)
    factored_latex: str              # typeset: 4 h \left(d + h + 2\right)
    poly: P.Poly = field(repr=False, compare=False)
    meanings: Mapping[str, str] = field(default_factory=dict)   # d -> "input size", where the cell says
    dim_latex: Mapping[str, str] = field(default_factory=dict)  # d_h -> d_{h}
    sized: tuple = field(default=(), repr=False, compare=False)  # (poly, what) of every size it determines
    renamed: Mapping[str, str] = field(default_factory=dict)    # m -> h: its own names given as others' (--as)


class Formula(str):
    """A count left as a formula (a size not given): the text, and its polynomial for typesetting."""

    poly: P.Poly

    def __new__(cls, poly: P.Poly) -> "Formula":
        out = super().__new__(cls, P.to_str(poly))
        out.poly = poly
        return out


@dataclass(frozen=True)
class Row:
    sizes: Mapping[str, int]         # the swept sizes of this row
    counts: tuple[int | str, ...]    # per column: the count, or the formula left where a size is not given


# How a Comparison and a Match show themselves in a notebook ("markdown", "html" -> a function of the
# result): filled by symcount.api, which wires the output side (the measure stage never imports it).
TABLES: dict = {}


class Shown:
    """A notebook shows the result as a table: _repr_markdown_ and _repr_html_ (symcount.api wires them)."""

    def _repr_markdown_(self) -> str | None:
        show = TABLES.get("markdown")
        return show(self) if show else None

    def _repr_html_(self) -> str | None:
        show = TABLES.get("html")
        return show(self) if show else None


@dataclass(frozen=True)
class Comparison(Shown):
    """`symcount.compare`: the counts of several cells over the same sizes."""

    columns: tuple[Column, ...]
    fixed: Mapping[str, int]         # sizes given once
    swept: tuple[str, ...]           # the swept dimensions, in the order given
    rows: tuple[Row, ...]
    layers: int = 1
    directions: int = 1
    bias: bool = True
    notes: tuple[str, ...] = ()
    measure: str = "parameters"      # what is counted: "parameters", "MACs" or "FLOPs" (with --cost)

    @property
    def labels(self) -> list[str]:
        return [c.label for c in self.columns]

    def owners(self, name: str) -> list[str]:
        """The labels of the cells that have the dimension `name`."""
        return [c.label for c in self.columns if name in c.dims]

    def to_rows(self) -> list[dict]:
        """One dict per row: every size given (fixed, then swept), then each cell's count by its
        label; `pandas.DataFrame(c.to_rows())`."""
        out = []
        for r in self.rows:
            d: dict = dict(self.fixed)
            d.update(r.sizes)
            d.update(zip(self.labels, r.counts))
            out.append(d)
        return out


def check_columns(columns: Sequence[Column]) -> None:
    """At least one cell, each once."""
    labels = [c.label for c in columns]
    if not columns:
        raise UsageError("compare needs at least one cell or file")
    for label in labels:
        if labels.count(label) > 1:
            raise UsageError(f"{label} is given twice", hint="give each cell once")


def owned(columns: Sequence[Column], names: Sequence[str]) -> list[str]:
    """Notes for the sizes some cells lack; an error for a size no cell has."""
    notes = []
    for name in names:
        have = [c.label for c in columns if name in c.dims]
        if not have:
            dims = sorted({d for c in columns for d in c.dims})
            raise UsageError(f"no cell has a dimension {name!r}; their dimensions are: {', '.join(dims)}")
        lack = [c.label for c in columns if name not in c.dims]
        if lack:
            notes.append(f"{', '.join(lack)} {'has' if len(lack) == 1 else 'have'} no dimension {name}: "
                         f"--set {name} applies to {', '.join(have)}")
    return notes


def renamed_poly(p: P.Poly, names: Mapping[str, str]) -> P.Poly:
    """p with its dimensions renamed at once (`names` maps old to new; the new names are distinct)."""
    out: P.Poly = {}
    for m, c in p.items():
        mono = tuple(sorted((names.get(n, n), k) for n, k in m))
        out[mono] = out.get(mono, 0) + c
    return {m: c for m, c in out.items() if c}


def renames(rename: object) -> dict[str, str]:
    """`rename` as a dict of names: a mapping, or "m=h" texts (the CLI's --as)."""
    if rename is None:
        return {}
    if isinstance(rename, str):
        rename = [rename]
    if not isinstance(rename, Mapping):
        pairs = []
        for item in rename:
            if not isinstance(item, str) or item.count("=") != 1:
                raise UsageError(f"--as takes NAME=BUILTIN, not {str(item)[:40]!r}", hint="e.g. --as m=h")
            pairs.append(tuple(p.strip() for p in item.split("=")))
        out: dict[str, str] = {}
        for old, new in pairs:
            if old in out and out[old] != new:
                raise UsageError(f"--as {old} is given twice ({old}={out[old]}, {old}={new})", hint=f"keep one --as {old}=...")
            out[old] = new
        rename = out
    for old, new in rename.items():
        if not (isinstance(old, str) and isinstance(new, str)):
            raise UsageError("rename maps size names to size names (str to str)", hint='e.g. rename={"m": "h"}')
    return dict(rename)


def check_renames(columns: Sequence[Column], names: Mapping[str, str]) -> None:
    """`--as NAME=BUILTIN`: NAME is a dimension of some cell, and no cell that has it has BUILTIN too (or
    gets it from another NAME); BUILTIN is a dimension of a cell that does not have NAME, where there is one
    (else the rows would not line up)."""
    for old, new in names.items():
        if not old or not new or old == new:
            raise UsageError(f"--as {old}={new} renames nothing", hint="give --as NAME=BUILTIN, e.g. --as m=h")
        if not re.fullmatch(r"[A-Za-z][A-Za-z0-9_]*", new):
            raise UsageError(f"--as {old}={new[:40]}: {new[:40]!r} is not a size name", hint="e.g. --as m=h")
        have = [c for c in columns if old in c.dims]
        if not have:
            dims = sorted({d for c in columns for d in c.dims})
            raise UsageError(f"--as {old}={new}: no cell has a dimension {old!r}; their dimensions are: "
                             f"{', '.join(dims)}")
        others = [c for c in columns if old not in c.dims]
        if others and not any(new in c.dims for c in others):
            dims = sorted({d for c in others for d in c.dims})
            raise UsageError(f"--as {old}={new}: no other cell has a dimension {new!r}; theirs are: {', '.join(dims)}")
    for c in columns:
        seen: dict[str, str] = {}
        for d in c.dims:
            to = names.get(d, d)
            if to in seen:
                a, b = sorted([seen[to], d], key=lambda n: n != to)
                raise UsageError(f"--as {b}={to}: {c.label} already has a dimension {to!r}" if a == to else
                                 f"--as {a}={to} and --as {b}={to}: two dimensions of {c.label} would be one",
                                 hint=f"map {b} onto a name {c.label} does not have")
            seen[to] = d


def rename(column: Column, names: Mapping[str, str], tex: Mapping[str, str] | None = None) -> Column:
    """The column with its dimensions renamed (`names`: old -> new, only those it has); `tex` typesets a
    new name (the other cells' own; else the name itself)."""
    names = {o: n for o, n in names.items() if o in column.dims}
    if not names:
        return column
    poly = renamed_poly(column.poly, names)
    dim_tex = {names.get(k, k): v for k, v in column.dim_latex.items() if k not in names}
    dim_tex.update({n: (tex or {}).get(n, n) for n in names.values()})
    return replace(column, dims=tuple(names.get(d, d) for d in column.dims), total=P.to_str(poly),
                   factored=P.factored_str(poly), factored_latex=P.factored_latex(poly, dim_tex), poly=poly,
                   meanings={names.get(k, k): v for k, v in column.meanings.items()}, dim_latex=dim_tex,
                   sized=tuple((renamed_poly(q, names), what) for q, what in column.sized),
                   renamed={**column.renamed, **names})


def line_up(columns: Sequence[Column], names: Mapping[str, str]) -> list[Column]:
    """Every column with the dimensions `names` maps renamed (`--as`), after checking the mapping."""
    if not names:
        return list(columns)
    check_renames(columns, names)
    tex = {k: v for c in columns for k, v in c.dim_latex.items()}
    return [rename(c, names, tex) for c in columns]


def check_table(swept: Mapping[object, Sequence[int]], cells: int, limit: int | None = None) -> None:
    """A table's rows times its cells within MAX_TABLE (the work and the output grow with both)."""
    from ..limits import MAX_TABLE
    limit = MAX_TABLE if limit is None else limit
    rows = 1
    for values in swept.values():
        rows *= len(values)
    if rows * max(cells, 1) > limit:
        raise UsageError(f"the table has {rows:,} rows of {cells:,} cells ({rows * cells:,} counts); at most "
                         f"{limit:,} are computed", hint="use larger steps, or fewer cells")


def grid(swept: Mapping[str, Sequence[int]]) -> list[dict[str, int]]:
    names = list(swept)
    return [dict(zip(names, combo)) for combo in itertools.product(*(swept[n] for n in names))]


def check_grid(column: Column, fixed: Mapping[str, int], swept: Mapping[str, Sequence[int]]) -> None:
    """Every size a cell's dimensions determine is at least 1 at every row. The sizes are linear in
    the dimensions, so their least value over the grid is at one of its corners: those are checked."""
    mine = {n: v for n, v in fixed.items() if n in column.dims}
    check_bindings(mine, column.dims)
    corners = {n: sorted({min(v), max(v)}) for n, v in swept.items() if n in column.dims}
    for corner in grid(corners):
        check_bindings(corner, column.dims)
        check_sizes(column.sized, {**mine, **corner})


def tabulate(columns: Sequence[Column], fixed: Mapping[str, int], swept: Mapping[str, Sequence[int]], *,
             layers: int = 1, directions: int = 1, bias: bool = True, measure: str = "parameters") -> Comparison:
    """The counts of every column at every combination of the swept sizes (each cell takes the
    sizes it has)."""
    check_columns(columns)
    check_table(swept, len(columns))
    notes = owned(columns, list(fixed) + list(swept))
    for c in columns:
        check_grid(c, fixed, swept)
    partial = []
    for c in columns:
        mine = {n: v for n, v in fixed.items() if n in c.dims}
        partial.append((P.partial(c.poly, mine), [n for n in swept if n in c.dims]))
    rows = []
    for sizes in grid(swept):
        counts = []
        for q, names in partial:
            left = P.partial(q, {n: sizes[n] for n in names})
            counts.append(left.get((), 0) if not P.names(left) else Formula(left))
        rows.append(Row(sizes, tuple(counts)))
    return Comparison(tuple(columns), dict(fixed), tuple(swept), tuple(rows), layers, directions, bias, tuple(notes),
                      measure)


# ---- match's results -----------------------------------------------------------------------------------
@dataclass(frozen=True)
class MatchRow:
    """One solution: the sizes it was solved at, the budget (or the target's count) and the sizes
    around it."""

    sizes: Mapping[str, int]         # the matched cell's other sizes
    budget: int                      # the budget, or the target's count at target_sizes
    solution: Solution
    target_sizes: Mapping[str, int] = field(default_factory=dict)

    @property
    def at_most(self) -> Point:
        return self.solution.at_most

    @property
    def above(self) -> Point | None:
        return self.solution.above

    @property
    def nearest(self) -> Point:
        return self.solution.nearest


@dataclass(frozen=True)
class Match(Shown):
    """`symcount.match`: the size of `dimension` that meets a budget or matches a target's count, per
    combination of the swept sizes (one row without a sweep)."""

    column: Column                   # the cell solved for
    dimension: str
    rows: tuple[MatchRow, ...]
    target: Column | None = None     # with `to`
    fixed: Mapping[str, int] = field(default_factory=dict)
    target_fixed: Mapping[str, int] = field(default_factory=dict)
    swept: tuple[str, ...] = ()      # the matched cell's swept sizes
    target_swept: tuple[str, ...] = ()
    layers: int = 1
    directions: int = 1
    bias: bool = True
    notes: tuple[str, ...] = ()
    measure: str = "parameters"      # what is counted: "parameters", "MACs" or "FLOPs" (with --cost)

    def _one(self) -> MatchRow:
        if len(self.rows) != 1:
            raise AttributeError(f"this match has {len(self.rows)} rows: read .rows")
        return self.rows[0]

    @property
    def at_most(self) -> Point:
        """The largest size whose count is at most the budget (a match of one row)."""
        return self._one().at_most

    @property
    def nearest(self) -> Point:
        """The size whose count is nearest to the budget (a match of one row)."""
        return self._one().nearest

    @property
    def above(self) -> Point | None:
        return self._one().above

    def to_rows(self) -> list[dict]:
        """One dict per row: the target's sizes (prefixed `target_`) and `target_count`, or the
        `budget`; the matched cell's other sizes; then for each of `at_most`, `above` and `nearest`
        the size (`nearest_h`), `_count`, `_gap` and `_relative_gap` (a float; None where the sizes
        end); `pandas.DataFrame(m.to_rows())`."""
        n = self.dimension
        out = []
        for r in self.rows:
            d: dict = {}
            if self.target is not None:
                d.update({f"target_{k}": v for k, v in r.target_sizes.items()})
                d["target_count"] = r.budget
            else:
                d["budget"] = r.budget
            d.update(r.sizes)
            for key, p in (("at_most", r.at_most), ("above", r.above), ("nearest", r.nearest)):
                d.update({f"{key}_{n}": p and p.size, f"{key}_count": p and p.count, f"{key}_gap": p and p.gap,
                          f"{key}_relative_gap": p and float(p.relative_gap)})
            out.append(d)
        return out


def free_dimension(col: Column, given: Sequence[str]) -> str:
    """The one dimension of the cell that no size is given for."""
    free = [d for d in col.dims if d not in given]
    if not free:
        raise UsageError(f"every dimension of {col.label} has a size: nothing is left to solve for",
                         hint=f"leave out the --set of the one to solve for ({', '.join(col.dims)})")
    if len(free) > 1:
        raise UsageError(f"{len(free)} dimensions of {col.label} are free ({', '.join(free)}): match solves for one",
                         hint="give a size to all but one: " + ", ".join(f"--set {d}=..." for d in free[1:]))
    return free[0]


def _check_names(col: Column, target: Column | None, given: Sequence[str], target_given: Sequence[str]) -> None:
    for n in target_given:
        if list(target_given).count(n) > 1:
            raise UsageError(f"--set {n} is given twice", hint=f"keep one --set {n}=...")
        if n not in target.dims:
            raise UsageError(f"unknown dimension {n!r} of {target.label}; its dimensions are: {', '.join(target.dims)}")
    for n in given:
        if n not in col.dims and (target is None or n not in target.dims):
            raise UsageError(f"unknown dimension {n!r}; the dimensions of {col.label} are: {', '.join(col.dims)}")


def matching(col: Column, fixed: Mapping[str, int], swept: Mapping[str, Sequence[int]], *, budget: int | None = None,
             target: Column | None = None, target_fixed: Mapping[str, int] | None = None,
             target_swept: Mapping[str, Sequence[int]] | None = None, layers: int = 1, directions: int = 1,
             bias: bool = True, notes: Sequence[str] = (), measure: str = "parameters") -> Match:
    """Solve for the cell's one free dimension at every combination of the swept sizes, against the
    budget or the target's count. The target takes the cell's sizes that it has (a shared input
    size), unless its own sizes give them."""
    t_fixed, t_swept = dict(target_fixed or {}), dict(target_swept or {})
    if target is not None and target.label == col.label:  # a cell against itself at other sizes
        target = replace(target, label=f"{target.label} (target)")
    _check_names(col, target, list(fixed) + list(swept), list(t_fixed) + list(t_swept))
    try:
        name = free_dimension(col, list(fixed) + list(swept))
    except UsageError as exc:
        after = [n for n in list(t_fixed) + list(t_swept) if n in col.dims and n not in fixed and n not in swept]
        if target is None or not after:
            raise
        raise UsageError(exc.message, hint=f"a --set after --to is {target.label}'s only; one before --to is "
                         f"{col.label}'s, and {target.label}'s too where it has that dimension") from None
    mine = {n: v for n, v in fixed.items() if n in col.dims}
    check_grid(col, mine, {n: v for n, v in swept.items() if n in col.dims})
    shared: list[str] = []   # the cell's sizes the target takes
    if target is not None:
        shared = [n for n in list(fixed) + list(swept) if n in target.dims and n not in t_fixed and n not in t_swept]
        absent = [d for d in target.dims if d not in shared and d not in t_fixed and d not in t_swept]
        if absent:
            raise UsageError(f"the count of {target.label} needs a size for {', '.join(absent)}",
                             hint="give it after --to: " + ", ".join(f"--set {d}=..." for d in absent))
        check_grid(target, {**{n: fixed[n] for n in shared if n in fixed}, **t_fixed},
                   {**{n: swept[n] for n in shared if n in swept}, **t_swept})
    axes = {**{("", n): v for n, v in swept.items()}, **{("to", n): v for n, v in t_swept.items()}}
    check_table(axes, 1 if target is None else 2)
    rows, scanned = [], [0]
    for combo in grid(axes):
        given = {**fixed, **{n: x for (scope, n), x in combo.items() if scope == ""}}
        sizes = {n: v for n, v in given.items() if n in col.dims}
        t_sizes: dict[str, int] = {}
        goal = budget
        if target is not None:
            t_sizes = {**{n: given[n] for n in shared}, **t_fixed,
                       **{n: x for (scope, n), x in combo.items() if scope == "to"}}
            goal = P.evaluate(target.poly, t_sizes)
            if goal < 1:
                at = ", ".join(f"{k}={v}" for k, v in t_sizes.items())
                raise UsageError(f"{target.label} has no parameters at {at}: nothing to match")
        lowest, highest = domain(col.sized, name, sizes)
        solution = solve(P.partial(col.poly, sizes), name, goal, lowest, highest, what=f"the count of {col.label}",
                         scanned=scanned)
        rows.append(MatchRow(sizes, goal, solution, t_sizes))
    t_fixed_all = {**{n: fixed[n] for n in shared if n in fixed}, **t_fixed} if target is not None else {}
    return Match(col, name, tuple(rows), target, mine, t_fixed_all, tuple(swept), tuple(t_swept), layers,
                 directions, bias, tuple(notes), measure=measure)
