"""A sum over the steps so far: `\\sum_{i=1}^{t-1} e^{-(t-1-i)w + k_i} v_i` (RWKV's wkv), `\\sum_{i \\le t}
\\gamma^{t-i} K_i^\\top V_i`. Its terms are the signals at earlier steps (k_i is k at step i), each of
the shape of one term, so the sum has that shape (the grammar's \\sum is a sum of entries, one number,
and binds only the factor after it). Its scope is the product after it, its shape one term's
(shapes.functions), the signals written at the sum's index read at an earlier step, said in a note:
the parameters do not depend on how many steps are summed. A sum to T (the sequence's length: a loss) or over entries (\\sum_j U_{ij} x_j) is left alone."""
from __future__ import annotations

from ..errors import replace
from . import nodes as N
from . import patterns as re  # re, with the package's patterns compiled ahead (read.patterns)
from .cellwalk import symbols

# a tree's node j and its children k: `\sum_{k \in C(j)}` (Child-Sum Tree-LSTM), \mathcal{C}(j), ch(j)
_CHILDREN_OF = (r"(?P<ch>\\in\s*(?:\\mathcal\s*\{\s*C\s*\}|C|\\mathrm\s*\{\s*ch\s*\}|ch|\\operatorname\s*\{\s*ch\s*\})"
                r"\s*(?:\\left\s*)?\(\s*(?P<node>[a-z])\s*(?:\\right\s*)?\)\s*\})")
# \sum_{i=1}^{t-1}, \sum_{i=1}^{t}, \sum_{i<t}, \sum_{i \le t}, \sum_{\tau=1}^{t}: the index and whether t is summed
_STEP_SUM = re.compile(r"\\sum\s*_\s*\{\s*(?P<i>[a-z]|\\tau)\s*(?:=\s*[01]\s*\}\s*\^\s*\{?\s*t\s*(?P<prev>-\s*1)?\s*\}?"
                       r"|(?P<lt><|\\le(?:q)?(?![A-Za-z])|≤)\s*t\s*\})\s*$")
_CHILDREN_SUM = re.compile(r"\\sum\s*_\s*\{\s*(?P<i>[a-z])\s*" + _CHILDREN_OF + r"\s*$")


def over_steps(func: str) -> bool:
    """Whether a sum's function is a sum over the steps so far (shapes.functions: the shape of its term)."""
    return _STEP_SUM.match(func) is not None


def _index(func: str) -> tuple[str, int] | None:
    """The sum's index and the lag its terms are read at (1: the steps before t), or None."""
    m = _STEP_SUM.match(func)
    if m is None:
        return None
    return m.group("i"), 1 if (m.group("prev") or m.group("lt") == "<") else 0


def step_sums(cell: N.Cell, notes: list[str]) -> N.Cell:
    if "\\sum" not in cell.source.text:
        return cell
    timed = {s.name for s, _, _ in symbols(cell) if s.lag is not None}
    if not timed or not any(isinstance(n, N.Apply) and _index(n.func) for eq in cell.equations
                            for side in (eq.rhs,) + eq.also for n in N.walk(side)):
        return cell
    said: set[int] = set()

    def scope(n, new):  # (\sum A) B, (\sum A) \odot B: \sum (A B), a product after the sum its term's
        if isinstance(n, N.Binary) and n.op in ("matmul", "hadamard", "star"):
            left = new(n.left)
            if isinstance(left, N.Apply) and _index(left.func):
                return replace(left, arg=replace(n, left=left.arg, right=new(n.right), span=N.Span(left.arg.span.start, n.span.end)),
                               span=n.span)
        return None

    def side(x):  # the sums' scopes; k_i anywhere in the side (the index means nothing outside its sum)
        sums = [n for n in N.walk(x) if isinstance(n, N.Apply) and _index(n.func)]
        if not sums:
            return x
        for n in sums:
            if id(n) not in said:
                said.add(id(n))
                notes.append(f"{n.func} at {cell.source.where(n.span)} sums over the steps so far: shaped as one of its terms "
                             f"(the signals written at {_index(n.func)[0]}, at an earlier step; no parameter depends on the steps summed)")
        found = [_index(n.func) for n in sums]
        x = N.rewrite(x, scope)
        for letter, lag in found:
            x = N.map_symbols(x, lambda s, letter=letter, lag=lag: _at_step(s, letter, lag, timed))
        return x
    eqs = tuple(replace(eq, rhs=side(eq.rhs), also=tuple(side(x) for x in eq.also)) for eq in cell.equations)
    return replace(cell, equations=eqs)


def _at_step(s: N.Symbol, letter: str, lag: int, timed: set[str]) -> N.Symbol:
    """k_i (a signal k at the sum's index): k at an earlier step; anything else as it is."""
    if s.lag is not None:
        return s
    for suffix in (f"_{letter}", f"_{{{letter}}}"):  # (a name holds no spaces)
        core = s.name[:-len(suffix)] if s.name.endswith(suffix) else ""
        if core in timed:
            return replace(s, name=core, lag=lag)
    return s


def tree_nodes(cell: N.Cell, notes: list[str]) -> N.Cell:
    """A tree's cell, written at a node j with a sum over its children k (`\\tilde{h}_j = \\sum_{k \\in C(j)} h_k`, a
    Child-Sum Tree-LSTM): read as a recurrent step, the node j the step and a child k a step before (x_j is x at
    the step, h_k is h before it; f_{jk}, a gate per child, is f at the step). The count is one node's: its
    parameters do not depend on how many children it has."""
    if "\\sum" not in cell.source.text or "(" not in cell.source.text:
        return cell
    sums = [(n, m) for eq in cell.equations for side in (eq.rhs,) + eq.also for n in N.walk(side)
            if isinstance(n, N.Apply) and (m := _CHILDREN_SUM.match(n.func))]
    if not sums or any(s.lag is not None for s, _, _ in symbols(cell)):
        return cell
    found = sums[0][1]
    node, child = found.group("node"), found.group("i")
    letters = {m.group("i") for _, m in sums} | {child}
    at_node = re.compile(r"(.+?)_\{?" + node + r"(?:,?\s*" + child + r")?\}?$")
    cores = {m.group(1) for s, _, left in symbols(cell) if left and (m := at_node.fullmatch(s.name))}
    script = re.compile(r"_\{?([A-Za-z0-9,\s]+)\}?")
    for s, _, left in symbols(cell):  # U_k, U_{jk}, U^{(f)}_{kl}: a weight per child, its count the children's
        m = script.search(s.name)
        if not left and m and s.name[:m.start()] not in cores and set(m.group(1)) & letters:
            from ..errors import ShapeError
            raise ShapeError(f"{s.text} carries a child's index ({', '.join(sorted(letters))}): a weight per child, whose "
                             "count is the number of children's (the text gives no such number)", source=cell.source, span=s.span,
                             hint="write the weight shared by the children, or count one node with a given number of children")
    at_child = re.compile(r"(.+?)_\{?" + child + r"\}?$")

    def fn(s: N.Symbol) -> N.Symbol:
        m = at_node.fullmatch(s.name)
        if m:
            return replace(s, name=m.group(1), lag=0)
        m = at_child.fullmatch(s.name)
        return replace(s, name=m.group(1), lag=1) if m and m.group(1) in cores else s
    notes.append(f"{sums[0][0].func} at {cell.source.where(sums[0][0].span)}: a tree's cell at node {node}, its children {child} "
                 f"read as the step before (the count is one node's, whatever its children)")

    def steps(n, new):  # \sum_{k \in C(j)}: a sum over the steps before (read.stepsums' own form, \sum_{k<t})
        m = _CHILDREN_SUM.match(n.func) if isinstance(n, N.Apply) else None
        return replace(n, func=f"\\sum_{{{m.group('i')}<t}}", arg=new(n.arg)) if m else None
    side = lambda x: N.rewrite(N.map_symbols(x, fn), steps)  # noqa: E731
    return replace(cell, equations=tuple(replace(eq, lhs=N.map_symbols(eq.lhs, fn), rhs=side(eq.rhs),
                                                 also=tuple(side(x) for x in eq.also)) for eq in cell.equations))
