"""A weight named after one gate written in another gate's equation, beside that gate's own weights
(Kaldi's `o_part = W_{cx} x_t + W_{om} m_{t-1} + b_o`, where `c_part` holds W_{cx} too), or an activation's
equation with no weight of its own that copies another gate's (`\\tilde{c}_t = \\tanh(x_t W^{(o)} + h_{t-1}
U^{(o)})` beside o_t's the same): the gate's own weight slipped, or one weight shared by the two gates. Both readings
are asked (read.choices, `--read W_cx=separate`); a text that shares by letter (W in every gate) asks nothing, nor
does a name a weight multiplies (the input x_i of `U^i x_i`). A gate is named by its letter, `\\Gamma_r` by r; a
weight by its subscript's first letter, else by its superscript's (W^{(o)}). Cell -> Cell."""
from __future__ import annotations

from ..errors import replace
from . import nodes as N
from . import patterns as re  # re, with the package's patterns compiled ahead (read.patterns)
from .cellwalk import NAME, apply, right_nodes, symbols
from .cellwalk import defined as defined_at
from .choices import Choice, current, key
from .words import kind


def _letter(name: str) -> str:
    """The letter a name starts with, without accents or fonts: \\tilde{c}_{part} -> c (a name that starts with no
    command: its braces and backslashes dropped, what the pattern does to it)."""
    if name[:1] != "\\":
        return name.translate(_BRACES)[:1].lower()
    gamma = _GAMMA_GATE.match(name)  # \Gamma_r (Ng's notation): the gate r
    return gamma.group(1).lower() if gamma else re.sub(r"^\\[A-Za-z]+\{|[{}\\]", "", name)[:1].lower()


_GAMMA_GATE = re.compile(r"\\(?:Gamma|gamma)_\{?([A-Za-z])\}?$")


_BRACES = str.maketrans("", "", "{}\\")


def _sub_letter(name: str) -> str:
    """The first letter of a name's subscript, lower-cased (NAME's sub). A name with one _ and no ^ (nor a line
    break, which NAME's $ may stand before), the commonest, is read without the pattern: its subscript is all
    after the _ where that is one script ({...} without braces inside, or one character), else it has none."""
    if "^" not in name and "\n" not in name and name.count("_") == 1:
        rest = name[name.index("_") + 1:]
        whole = (len(rest) == 1 and rest not in "{}") or (
            len(rest) >= 2 and rest[0] == "{" and rest[-1] == "}" and "{" not in rest[1:-1] and "}" not in rest[1:-1])
        return rest.strip("{}")[:1].lower() if whole else ""
    m = NAME.match(name)
    return (m.group("sub") or "")[1:].strip("{}")[:1].lower() if m else ""


_SUP_LABEL = re.compile(r"\^\{?\(?([A-Za-z])\)?\}?$")  # W^{(o)}, U^o: the gate's letter as a superscript


def _label(name: str) -> str:
    """The letter of the gate a weight is named after: its subscript's first letter, else a superscript's (W^{(o)})."""
    sub = _sub_letter(name)
    if sub or "^" not in name:
        return sub
    m = _SUP_LABEL.search(name)
    return m.group(1).lower() if m else ""


def foreign_weights(cell: N.Cell, notes: list[str]) -> N.Cell:
    defined = defined_at(cell)
    gates = {_letter(n) for n in defined}
    weights: dict[int, list[N.Symbol]] = {}
    params: dict[int, set[str]] = {}  # each equation's parameters (named after a gate or not)
    for s, i, left in symbols(cell):
        if not left and i is not None and s.lag is None and s.name not in defined:
            params.setdefault(i, set()).add(s.name)
            if _label(s.name) in gates:
                weights.setdefault(i, []).append(s)
    named_after = {_label(s.name) for found in weights.values() for s in found}  # the gates some weight is named after
    multiplied = {n.right.name for n in right_nodes(cell, N.Binary) if n.op == "matmul" and n.right.__class__ is N.Symbol
                  and n.left.__class__ is N.Symbol and n.left.lag is None and n.left.name not in defined
                  and n.left.name[:1].isupper()}  # (a weight's capital on the left: x @ W_f's x is no weight)
    homes: dict[str, set[int]] = {}
    for i, found in weights.items():
        for s in found:
            homes.setdefault(s.name, set()).add(i)
    separate: dict[str, int] = {}
    for i, found in weights.items():
        lhs = cell.equations[i].lhs
        gate = _letter(lhs.name) if isinstance(lhs, N.Symbol) else ""
        own = {s.name for s in found if _label(s.name) == gate}
        activated = isinstance(cell.equations[i].rhs, N.Apply) and kind(cell.equations[i].rhs.func) == "activation"
        for s in found:
            letter = _label(s.name)
            home = [j for j in homes[s.name] if j != i and isinstance(cell.equations[j].lhs, N.Symbol)
                    and _letter(cell.equations[j].lhs.name) == letter]
            # (an equation with no weight of its own: a slip only where its weights are all another gate's, as that
            # gate writes them, \tilde{c}_t = \tanh(x_t W^{(o)} + h_{t-1} U^{(o)}) beside o_t's the same: a copy;
            # a name a weight multiplies is a signal, no weight: the input x_i in U^i x_i)
            copy = not own and activated and gate not in named_after and len(home) == 1 and params.get(i) == {
                x.name for x in weights.get(home[0], ()) if _label(x.name) == letter}
            if letter == gate or not (own or copy) or not home or s.name in separate or s.name in multiplied:
                continue
            where = cell.source.where(s.span)
            if current().pick(Choice(key(s.text), ("shared", "separate"), where,
                                     f"{s.text} is named after gate {letter} and written in {lhs.text}'s equation too, "
                                     + ("beside that gate's own weights" if own else "where no weight is named after its own")
                                     + ": one shared, or a slip for its own")) == "separate":
                separate[s.name] = i
    if not separate:
        return cell
    return apply(cell, lambda s, i, left: replace(s, name=f"{s.name}^{{({i + 1})}}", text=f"{s.text}^{{({i + 1})}}")
                 if s.name in separate and i == separate[s.name] and s.lag is None else s)
