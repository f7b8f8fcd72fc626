"""A labelled line of a text without containers that updates a state with no activation, `// Hidden state: h =
(1-z) * n + z * hPrev` (F#'s Fowl), beside gates read from lines of their own (`// Update gate: z = sigmoid(W_z * x
+ b_z)`), and an output computed from them (`// Output: y = softmax(V * h + c)`): read with them where it computes
from a signal those lines define (never dropped unread beside them). read.barelines reads a
labelled line only where it applies an activation; this is its second look, once the others are read."""
from __future__ import annotations

from ..errors import replace
from . import nodes as N
from . import patterns as re  # re, with the package's patterns compiled ahead (read.patterns)

# `// Hidden state: h = ...`, `# cell state: c = ...`: a comment's words that name a state, then `name =`
_STATE_LINE = re.compile(r"^[ \t]*(?:(?://[/!]?|#+|--|%+|\*)[ \t]*)?(?:[A-Za-z]+[ \t]+){0,3}(?:state|cell|memory|output|hidden)"
                         r"[ \t]*:[ \t]*(?P<eq>(?P<lhs>[A-Za-z]\w{0,7}'?)[ \t]*=(?!=)[ \t]*(?P<rhs>[\w .*+\-/()⊙]+?))[ \t]*;?[ \t]*$",
                         re.I | re.M)
_LEFT = re.compile(r"\s*([A-Za-z]\w{0,7})'?\s*=(?!=)")
# a gate with no step on the left: `f = sigmoid(U[f] x[t] + W[f] s[t-1])` (the step in the signals it reads), read
# by read.barelines; kept only where another equation reads it (unread_code_gates)
CODE_TIME = r"\[\s*t\s*(?:[-−+]\s*[0-9]+\s*)?\]"  # x[t], h[t-1]: a signal at a step in code (read.barelines' too)
ACTIVATED_CODE = re.compile(r"\s*[A-Za-z]\w{0,3}'?\s*=(?!=)\s*(?:sigmoid|sigm|σ|tanh|softmax)\.?\s*\([^=\n]*[A-Za-z0-9\]]" + CODE_TIME)
_WORD = re.compile(r"[A-Za-z_]\w*")


def labelled_updates(text: str, out: list[tuple[int, int, str]]) -> None:
    """Add to `out` (start, end, kind) each labelled update that computes from a signal the read lines define."""
    if not out or ":" not in text:
        return
    read = {m.group(1) for a, b, _ in out if (m := _LEFT.match(text, a, b))}
    taken = [(a, b) for a, b, _ in out]
    for m in _STATE_LINE.finditer(text):
        uses = set(_WORD.findall(m.group("rhs"))) & read
        a, b = m.span("eq")
        if len(uses - {m.group("lhs")}) >= 1 and any(c in m.group("rhs") for c in "*+-⊙") \
                and not any(x < b and a < y for x, y in taken):
            out.append((a, b, "code"))
            read.add(m.group("lhs").rstrip("'"))  # (an output after the update it reads)
    out.sort()


def unread_code_gates(cell: N.Cell, notes: list[str]) -> N.Cell:
    """A line of code with no step on the left (ACTIVATED_CODE) that no equation of another name reads and that
    outputs no state of the step: set aside with a note, as such a line was before read.barelines read them (`Compare
    with a feed-forward layer, `y = tanh(A x[t] + b)``, "the GRU computes its update gate as `z = sigmoid(...)`":
    another model's, never the cell's). Two lines of one name are left to read.definitions; where every equation would
    be set aside, the lines that step themselves are the cell. A step of read.readings."""
    text = cell.source.text
    code = [i for i, eq in enumerate(cell.equations) if isinstance(eq.lhs, N.Symbol) and eq.lhs.lag is None
            and ACTIVATED_CODE.match(text, eq.span.start) and "[" in text[eq.span.start:eq.span.end]]
    if not code:
        return cell
    made = {eq.lhs.name for eq in cell.equations if isinstance(eq.lhs, N.Symbol)}

    def kept(i: int) -> bool:  # read by an equation of another name, or an output of a state computed at the step
        eq = cell.equations[i]
        if any(isinstance(x, N.Symbol) and x.name == eq.lhs.name for j, other in enumerate(cell.equations)
               if j != i and getattr(other.lhs, "name", None) != eq.lhs.name for side in (other.rhs,) + other.also for x in N.walk(side)):
            return True
        return any(isinstance(x, N.Symbol) and x.name in made and x.name != eq.lhs.name and x.lag == 0 for x in N.walk(eq.rhs))
    names = [cell.equations[i].lhs.name for i in code]
    if len(set(names)) < len(names):
        return cell  # (two lines of one name: which is the cell's is read.definitions' question)
    drop = {i for i in code if not kept(i)}
    if len(drop) == len(cell.equations):  # (the lines of code are all there is: the one that steps itself is the cell)
        own = {i for i in drop if any(isinstance(x, N.Symbol) and x.name == cell.equations[i].lhs.name and x.lag
                                      for x in N.walk(cell.equations[i].rhs))}
        drop = drop - own if own else set()
    for i in sorted(drop):
        eq = cell.equations[i]
        notes.append(f"{' '.join(text[eq.span.start:eq.span.end].split())} at {cell.source.where(eq.span)} is a line of code at "
                     "no step that no other equation reads: set aside")
    return replace(cell, equations=tuple(eq for i, eq in enumerate(cell.equations) if i not in drop)) if drop else cell
