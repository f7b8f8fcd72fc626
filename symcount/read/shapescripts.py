"""A shape written as a subscript: `U_{d_h \\times d_h}`, `W_{100 \\times 300}`, `(h_{t-1})_{d_h \\times 1}` (a course's
notation: each operand carries its shape). The subscript is no index: it declares the symbol's shape (read.build
turns it into a declaration where the symbol is written), and a group's is left out (what it encloses is shaped
by its own symbols). A step of the builder's."""
from __future__ import annotations

from . import nodes as N
from . import patterns as re  # re, with the package's patterns compiled ahead (read.patterns)
from .source import Span

_SIZE = r"(?:[A-Za-z](?:_\{?[A-Za-z0-9]+\}?)?|[0-9]{1,9})"
_SHAPE = re.compile(rf"\s*({_SIZE})\s*(?:\\times|×)\s*({_SIZE})\s*")


def sized(body: str) -> tuple[str, str] | None:
    """The two sizes of a subscript that writes a shape (`d_h \\times d_{in}`), else None."""
    m = _SHAPE.fullmatch(body)
    return (m.group(1), m.group(2)) if m else None


def _size(text: str, span: Span) -> N.Size:
    if text.isdigit():
        return N.Size(N.Lin((), int(text)), span)
    letter, _, sub = text.partition("_")
    sub = re.sub(r"[^A-Za-z0-9]", "", sub)
    return N.Size(N.Lin((((f"{letter}_{sub}" if sub else letter), 1),)), span)


def declaration(sym: N.Symbol, shape: tuple[str, str]) -> N.Declaration:
    """The declaration a shape subscript makes: `U_{d_h \\times d_h}` is U \\in R^{d_h x d_h} (a vector's `d_h \\times 1` too)."""
    return N.Declaration((sym,), _size(shape[0], sym.span), _size(shape[1], sym.span), sym.span, (), (False,), "")


# a group's shape: `(h_{t-1})_{d_h \times 1}`, `(h_t){_{d_h \times 1}}`
_GROUP_SHAPE = re.compile(rf"(?<=\))[ \t]*(\{{[ \t]*)?_[ \t]*\{{{_SHAPE.pattern}\}}(?(1)[ \t]*\}})")


def group_shapes(out: list[str], start: int, region: str) -> bool:
    """Blank the shapes written as a group's subscript in out[start:] (region its text); whether there was one."""
    edited = False
    for m in _GROUP_SHAPE.finditer(region) if "times" in region or "×" in region else ():
        out[start + m.start():start + m.end()] = [" "] * (m.end() - m.start())
        edited = True
    return edited

