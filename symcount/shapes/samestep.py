"""Two signals each computed from the other at the same step: the later equation's read is at the step before
(shapes.roles asks it of every cell)."""
from __future__ import annotations

from ..errors import replace
from ..read import nodes as N


def same_step_cycle(cell: N.Cell, defined: dict[str, N.Equation], notes: list[str]) -> N.Cell:
    """Two signals each computed from the other at the same step (`h_t = o_t \\odot \\tanh(c_t)` and, later,
    `o_t = \\sigma(W_o h_t)`): no step can run them, so the later equation's read is at the step before
    (h_{t-1}), with a note; the shapes, and so the count, are the same either way. Only in a cell that
    writes a step before anywhere (its time read as such); a signal read in its own equation is an update."""
    if not any(x.lag for eq in cell.equations for side in (eq.rhs,) + eq.also for x in N.walk(side) if isinstance(x, N.Symbol)):
        return cell
    at = {name: eq.span.start for name, eq in defined.items()}
    late, forward = {}, False  # (reader, read): a read of a signal defined earlier in the text, at the same step
    for name, eq in defined.items():
        for side in (eq.rhs,) + eq.also:
            for x in N.walk(side):
                if isinstance(x, N.Symbol) and x.lag == 0 and x.name in defined and x.name != name:
                    if at[x.name] < at[name]:
                        late.setdefault((name, x.name), x)
                    else:
                        forward = True  # (a read of one defined here or after: a cycle may close through it)
    if not late or not forward:
        return cell  # every same-step read goes back in the text: no two signals read each other (no groups asked)
    group = _cycles(defined)
    shifted = {(u, v): x for (u, v), x in late.items() if group.get(u) is not None and group.get(u) == group.get(v)}
    if not shifted:
        return cell
    for (u, v), x in shifted.items():
        left = lambda n: " ".join(cell.source.slice(defined[n].lhs.span).split())  # noqa: E731 (a stack's too: [i_t; f_t] = z_t)
        notes.append(f"{x.text} at {cell.source.where(x.span)} is read at the step before: {left(v)} is computed "
                     f"from {left(u)} at the same step (no step could compute both)")
    eqs = {id(defined[u]): v for u, v in shifted}
    return replace(cell, equations=tuple(
        replace(eq, rhs=N.map_symbols(eq.rhs, lambda s, v=eqs[id(eq)]: replace(s, lag=1) if s.name == v and s.lag == 0 else s))
        if id(eq) in eqs else eq for eq in cell.equations))


def _cycles(defined: dict[str, N.Equation]) -> dict[str, int]:
    """Each signal's strongly connected group of same-step reads (Tarjan's, without recursion): two
    signals in one group are computed from each other at the same step."""
    reads = {name: [x.name for side in (eq.rhs,) + eq.also for x in N.walk(side)
                    if isinstance(x, N.Symbol) and x.lag == 0 and x.name in defined and x.name != name]
             for name, eq in defined.items()}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    group: dict[str, int] = {}
    for root in reads:
        if root in index:
            continue
        work = [(root, 0)]
        while work:
            name, i = work.pop()
            if i == 0:
                index[name] = low[name] = len(index)
                stack.append(name)
                on.add(name)
            if i < len(reads[name]):
                work.append((name, i + 1))
                nxt = reads[name][i]
                if nxt not in index:
                    work.append((nxt, 0))
                elif nxt in on:
                    low[name] = min(low[name], index[nxt])
                continue
            if low[name] == index[name]:
                members = []
                while True:
                    top = stack.pop()
                    on.discard(top)
                    members.append(top)
                    if top == name:
                        break
                if len(members) > 1:
                    group.update((m, index[name]) for m in members)
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[name])
    return group
