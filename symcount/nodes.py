"""The AST: frozen dataclasses with source spans, produced by parse and read by shapes."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Union

from .source import Source, Span


@dataclass(frozen=True)
class Lin:
    """A linear dimension: the sum of coeff * name over `terms` (names sorted), plus `const`.
    Written sizes (`h + d`), inferred sizes (`d_h`) and the shapes of parameters are all Lins."""

    terms: tuple[tuple[str, int], ...]
    const: int = 0

    def __str__(self) -> str:
        out = []
        for name, k in self.terms:
            term = name if abs(k) == 1 else f"{abs(k)}*{name}"
            out.append(("- " if k < 0 else "+ ") + term)
        if self.const or not out:
            out.append(("- " if self.const < 0 else "+ ") + str(abs(self.const)))
        text = " ".join(out)
        return text[2:] if text.startswith("+ ") else "-" + text[2:]

    @property
    def is_one(self) -> bool:
        return not self.terms and self.const == 1


ONE = Lin((), 1)


@dataclass(frozen=True)
class Symbol:
    """A letter with its accents and indices. `name` identifies it (time index removed);
    `lag` is None for a parameter, else the time offset (0 for x_t, 1 for h_{t-1})."""

    name: str
    text: str
    lag: int | None
    span: Span


@dataclass(frozen=True)
class Number:
    value: str
    span: Span


@dataclass(frozen=True)
class Apply:
    func: str
    arg: "Expr"
    span: Span


@dataclass(frozen=True)
class Binary:
    op: str  # "add", "sub", "hadamard", "matmul"
    left: "Expr"
    right: "Expr"
    span: Span
    explicit: bool = False  # matmul written as \cdot or \times, not juxtaposition


@dataclass(frozen=True)
class Neg:
    arg: "Expr"
    span: Span


@dataclass(frozen=True)
class Transpose:
    arg: "Expr"
    span: Span


@dataclass(frozen=True)
class Concat:
    items: tuple["Expr", ...]
    span: Span


Expr = Union[Symbol, Number, Apply, Binary, Neg, Transpose, Concat]


@dataclass(frozen=True)
class Size:
    """A size as written in a declaration (`h + d` in W \\in \\mathbb{R}^{h \\times (h + d)})."""

    lin: Lin
    span: Span


@dataclass(frozen=True)
class Equation:
    lhs: Expr
    rhs: Expr
    span: Span

    @property
    def label(self) -> str:
        return self.lhs.text if isinstance(self.lhs, Symbol) else "the stacked equation"


@dataclass(frozen=True)
class Declaration:
    symbols: tuple[Symbol, ...]
    rows: Size | None  # None with cols None: a scalar (\mathbb{R})
    cols: Size | None
    span: Span


@dataclass(frozen=True)
class Directive:
    key: str  # "input" or "output"
    symbol: Symbol
    span: Span


@dataclass(frozen=True)
class Cell:
    source: Source
    equations: tuple[Equation, ...]
    declarations: tuple[Declaration, ...]
    directives: tuple[Directive, ...]


def walk(node: Expr):
    """Yield node and all its sub-expressions, parents first, left to right."""
    stack = [node]
    while stack:
        n = stack.pop()
        yield n
        if isinstance(n, Binary):
            stack.append(n.right)
            stack.append(n.left)
        elif isinstance(n, (Apply, Neg, Transpose)):
            stack.append(n.arg)
        elif isinstance(n, Concat):
            stack.extend(reversed(n.items))
