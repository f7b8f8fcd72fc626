"""A gate's equation written with another gate's letter on its left: `z = \\sigma(x_t U^z + s_{t-1} W^z)`, then
`z = \\sigma(x_t U^r + s_{t-1} W^r)` with r read (`s_{t-1} \\circ r`) and defined nowhere. The second definition's
weights all carry r's mark, so its left side is a slip for r: read as r's equation, with a note. Only where one of
the name's definitions has weights of its own mark and each other one's weights all carry another letter's, one
each, that is read and defined nowhere (a thesis's peephole LSTM types f_t for both c_t and o_t).
A step of read.readings, before read.definitions.variants (which would make the two a choice)."""
from __future__ import annotations

from ..errors import ParseError, replace
from . import nodes as N
from . import patterns as re  # re, with the package's patterns compiled ahead (read.patterns)
from .cellwalk import apply, symbols

_ONE_LETTER = re.compile(r"[A-Za-z]")
_MARK = re.compile(r"[_^]\{?\s*\(?([A-Za-z]{1,3})\)?\s*\}?$")  # U^r, W^{(r)}, W_{hr}: the index's last letter


def doubled_slips(cell: N.Cell, notes: list[str]) -> N.Cell:
    found: dict[str, list[int]] = {}
    for i, eq in enumerate(cell.equations):
        if isinstance(eq.lhs, N.Symbol) and eq.lhs.lag in (None, 0) and _ONE_LETTER.fullmatch(eq.lhs.name):
            found.setdefault(eq.lhs.name, []).append(i)
    if all(len(v) < 2 for v in found.values()):
        return cell
    wanted = {s.name for s, _, left in symbols(cell) if not left and s.lag in (None, 0) and _ONE_LETTER.fullmatch(s.name)
              and s.name not in found and s.name not in "xXu"}
    wanted -= {x.name for d in cell.declarations for x in d.symbols}  # (r \in \mathbb{R}^d: a learned vector, no gate)
    eqs = list(cell.equations)
    for name, at in found.items():
        if len(at) < 2:
            continue
        marks = [_marks(eqs[i], found) for i in at]
        slips = [(i, next(iter(m))) for i, m in zip(at, marks) if len(m) == 1 and next(iter(m)) in wanted and next(iter(m)) != name]
        if not slips or len({m for _, m in slips}) != len(slips) or len(slips) != len(at) - 1 or not any(m == {name} for m in marks):
            continue  # (each other definition a slip for its own letter: `f_t = ... W_{xc} ...`, `f_t = ... W_{xo} ...`)
        for i, mark in slips:
            lhs = eqs[i].lhs
            notes.append(f"{lhs.text} at {cell.source.where(lhs.span)} is defined again with weights that all carry "
                         f"{mark} ({', '.join(sorted(_weights(eqs[i], found)))}), and {mark} is read but defined nowhere: "
                         f"read as {mark}'s equation (a slip of the letter)")
            text = mark + lhs.text[len(name):] if lhs.text.startswith(name) else mark
            eqs[i] = replace(eqs[i], lhs=replace(lhs, name=mark, text=text))
            wanted.discard(mark)
    return cell if eqs == list(cell.equations) else replace(cell, equations=tuple(eqs))


def _weights(eq: N.Equation, made) -> set[str]:
    return {x.name for x in N.walk(eq.rhs) if isinstance(x, N.Symbol) and x.lag is None and x.name not in made}


def _marks(eq: N.Equation, made) -> set[str]:
    """The letters the weights of an equation end their indices with (an empty set where one has none)."""
    out = set()
    for w in _weights(eq, made):
        m = _MARK.search(w)
        if m is None:
            return set()
        out.add(m.group(1)[-1])
    return out


def stacked_pieces(cell: N.Cell, notes: list[str]) -> N.Cell:
    """`[i, f, g, o] = W_ih @ input + W_hh @ h + bias` then `i = sigmoid(i_gate), f = sigmoid(f_gate), ...`: each
    piece's pre-activation named by its letter and a word (i_gate), computed nowhere, is the stack's piece: read as
    the stack's i (each piece then updated by its activation, read.readings' updates), with a note."""
    pieces = {x.name for eq in cell.equations if isinstance(eq.lhs, N.Concat)
              for x in eq.lhs.items if isinstance(x, N.Symbol) and x.lag in (None, 0)}
    if not pieces:
        _unmade_preactivations(cell)
        return cell
    computed = {eq.lhs.name for eq in cell.equations if isinstance(eq.lhs, N.Symbol)}
    renamed: dict[str, str] = {}
    for eq in cell.equations:
        arg = eq.rhs.arg if isinstance(eq.rhs, N.Apply) and not eq.rhs.each else None
        if isinstance(eq.lhs, N.Symbol) and eq.lhs.name in pieces and isinstance(arg, N.Symbol) and arg.name not in computed \
                and arg.lag == eq.lhs.lag and _PIECE.fullmatch(arg.name) and arg.name.startswith(eq.lhs.name + "_"):
            renamed[arg.name] = eq.lhs.name
    if not renamed or len(renamed) < len(pieces):
        _unmade_preactivations(cell)
        return cell
    notes.append(f"{', '.join(sorted(renamed))}: each a piece of the stack that no equation computes apart, read as the "
                 f"stack's {', '.join(sorted(set(renamed.values())))}")
    return apply(cell, lambda s, i, left: replace(s, name=renamed[s.name], text=renamed[s.name])
                 if not left and s.name in renamed else s)


_PIECE = re.compile(r"[A-Za-z]_\{?(?:gate|gates|pre|preact|raw|in|lin|linear|z|a)\}?")
# a signal's pre-activation by its name: i_gate, f_{pre}, g_preact (not a weight's or a bias's letter)
_PREACTIVATION = re.compile(r"[ac-tx-z](?:_\{?(?:gate|gates|pre|preact|preactivation|raw)\}?)")


def _unmade_preactivations(cell: N.Cell) -> None:
    """`i = sigmoid(i_gate + 1)` where no equation read computes i_gate: a pre-activation by its name (a line that
    computes it not read, a stack's piece), never a learned vector: refused."""
    computed = {eq.lhs.name for eq in cell.equations if isinstance(eq.lhs, N.Symbol)}
    for s, _, left in symbols(cell):
        if not left and s.name not in computed and _PREACTIVATION.fullmatch(s.name):
            raise ParseError(f"{s.text} is named as a pre-activation, but no equation read computes it: a line that computes "
                             "it was not read", source=cell.source, span=s.span,
                             hint=f"write how {s.text} is computed, e.g. {s.text} = W x + U h + b")


def _timed(n) -> bool:
    """Whether n reads a signal at a step (z_t, 1 - z_t): a gate, never a weight."""
    return any(isinstance(x, N.Symbol) and x.lag is not None for x in N.walk(n))


def candidate_for_itself(cell: N.Cell, notes: list[str]) -> N.Cell:
    """`h'_t = \\tanh(W x_t + r_t \\odot U h_{t-1})`, then `h_t = z_t \\odot h_{t-1} + (1 - z_t) \\odot h_t`: h_t on the
    right of its own equation, at the same step, where a signal of its letter (h'_t, \\tilde{h}_t) is computed and
    never read. The h_t on the right is a slip for that candidate: read as it, with a note. Only with one such signal."""
    lhs = [(i, eq.lhs) for i, eq in enumerate(cell.equations) if isinstance(eq.lhs, N.Symbol) and eq.lhs.lag == 0]
    if not lhs:
        return cell
    made = {s.name: s for _, s in lhs}
    if len(made) != len(lhs):
        return cell  # (a name defined twice: an update, h_t = h_t + ..., is read.definitions')
    read = {s.name for s, _, left in symbols(cell) if not left}
    letter = lambda n: re.sub(r"\\[A-Za-z]+\{|[{}'\s]|[_^].*$", "", n)  # noqa: E731  (h of \tilde{h}, h')
    slips: dict[int, N.Symbol] = {}
    defs = {s.name: cell.equations[i] for i, s in lhs}
    for i, own in lhs:
        gated = [n for n in N.walk(cell.equations[i].rhs) if isinstance(n, N.Binary) and n.op in ("hadamard", "star", "matmul")
                 and any(isinstance(x, N.Symbol) and x.name == own.name and x.lag == 0 and _timed(y)
                         for x, y in ((n.left, n.right), (n.right, n.left)))]  # (z_t \times h_t: a signal times the state)
        if not gated:
            continue  # (only where the state is mixed elementwise, (1 - z_t) \odot h_t: an implicit layer's W h_t is no slip)
        unread = [s for n, s in made.items() if n != own.name and n not in read and letter(n) == letter(own.name)
                  and isinstance(defs[n].rhs, N.Apply)]  # (a candidate: an activation of what it reads, never V h_t + c)
        if len(unread) == 1:
            slips[i] = unread[0]
    for i, cand in slips.items():
        own = cell.equations[i].lhs
        notes.append(f"{own.text} on the right of its own equation at {cell.source.where(cell.equations[i].span)} is "
                     f"read as {cand.text}: {cand.text} is computed and otherwise never read (a slip of the letter)")
    return apply(cell, lambda s, i, left: replace(s, name=slips[i].name, text=slips[i].text)
                 if i in slips and not left and s.name == cell.equations[i].lhs.name and s.lag == 0 else s) if slips else cell


def primed_slips(cell: N.Cell, notes: list[str]) -> N.Cell:
    """`s[t] = (1 - p) .* c' + p .* s[t-1]` where the candidate's equation is written `c = tanh(U[c] x[t] + ...)` and no
    equation reads c: the mark written on one side only (a book's slip); c' is read as c, with a note. Only where c' is
    computed by no equation, declared nowhere, and c is the one unread signal of its letter."""
    if "'" not in cell.source.text:
        return cell
    made = {eq.lhs.name: eq.lhs for eq in cell.equations if isinstance(eq.lhs, N.Symbol)}
    read = {s.name for s, _, left in symbols(cell) if not left}
    declared = {s.name for d in cell.declarations for s in d.symbols}
    slips: dict[str, N.Symbol] = {}
    for s, _, left in symbols(cell):
        base = s.name[:-1] if s.name.endswith("'") and not left else None
        if base and s.name not in made and s.name not in declared and base in made and base not in read \
                and isinstance(made[base].lag, type(s.lag)) and isinstance(_defining(cell, base).rhs, N.Apply):
            slips[s.name] = made[base]
    used = {s.name for s, _, _ in symbols(cell)}
    slips = {n: lhs for n, lhs in slips.items() if not _said_otherwise(cell.prose, n, used)}
    if not slips:
        return cell
    for name, lhs in slips.items():
        first = next(s for s, _, left in symbols(cell) if s.name == name and not left)
        notes.append(f"{first.text} at {cell.source.where(first.span)} is read as {lhs.text}: {first.text} is computed by no "
                     f"equation and {lhs.text}'s (an activation) is read by none (the mark written on one side only)")
    return apply(cell, lambda s, i, left: replace(s, name=slips[s.name].name, text=slips[s.name].text)
                 if s.name in slips and not left else s)


def _said_otherwise(prose: str, name: str, used: set[str]) -> bool:
    """Whether a sentence that names the primed signal names a weight no equation uses ("$c'_t$ is $c_t$ mapped by a
    learned projection matrix $P$"): c' is computed otherwise, no slip."""
    mark = re.escape(name[:-1]) + r"'"
    plain_used = {re.sub(r"\\[A-Za-z]+\{|[{}\s]", "", u) for u in used}
    if re.search(mark, prose) and _PROJECTED_ANYWHERE.search(prose):
        return True  # ("$c'_t$ is the candidate; it is $c_t$ mapped through a learned layer": a pronoun carries it)
    for sentence in re.split(r"(?<=[.;。])\s+|\n\s*\n", prose) if name in prose else ():
        if not re.search(mark, sentence):
            continue
        if _PROJECTED.search(sentence) or any(re.sub(r"\\[A-Za-z]+\{|[{}\s\[\]]", "", w.replace("[", "_")) not in plain_used
                                              for w in _CAPITAL_NAME.findall(sentence)):
            return True
    return False


_PROJECTED_ANYWHERE = re.compile(r"project|mapped|mapping|transform|multipl|投影|映射|变换|變換|射影", re.I)  # (a pronoun may carry it)
_PROJECTED = re.compile(r"project|mapped|mapping|transform|matri|learn|trainable|投影|映射|变换|變換|矩阵|矩陣|行列|射影|学習", re.I)
_CAPITAL_NAME = re.compile(r"(?<![\\\w])(?:\\mathbf\{)?[A-Z](?:\}?_\{?[A-Za-z0-9]+\}?|\[[a-z]\])?(?![\w{\ue000-\uf8ff])")  # (not U[r] coded)


def _defining(cell: N.Cell, name: str) -> N.Equation:
    return next(eq for eq in cell.equations if isinstance(eq.lhs, N.Symbol) and eq.lhs.name == name)
