"""What a text says of a definition that sets it aside for another of the same signal: words before it that
name a standard cell ("In a standard RNN, ..."), a feed-forward layer the cell generalizes, a sentence after it
that calls it the simple model so far, "which is equivalent to" before a second one, a generic function beside
a known one of the same argument, a stack that names the parts of what another computes. Used by
read.definitions.variants; and a feed-forward layer written beside the cell under words that name it, set aside
(a step of read.readings)."""
from __future__ import annotations

from ..errors import replace
from . import nodes as N
from . import patterns as re  # re, with the package's patterns compiled ahead (read.patterns)
from .choices import Choice, current
from .words import kind


def same_function_of(short, full) -> bool:
    """\\sigma_y(h_t) beside \\sigma_y(W_{hy} h_t + b_y): the function of a signal, said again with the weights."""
    if not (isinstance(short, N.Apply) and isinstance(full, N.Apply) and short.func == full.func
            and isinstance(short.arg, N.Symbol) and short.arg.lag is not None and not isinstance(full.arg, N.Symbol)):
        return False
    return any(isinstance(x, N.Symbol) and x.name == short.arg.name and x.lag == short.arg.lag for x in N.walk(full.arg))


def named_parts(cell: N.Cell, i: int) -> bool:
    """`a_t = \\begin{bmatrix} a_{f,t} \\\\ a_{i,t} \\\\ ... \\end{bmatrix}` beside `a_t = W_h h_{t-1} + W_x x_t + b`: a stack of
    signals at the step that no equation computes names the parts of what the other definition computes."""
    rhs = cell.equations[i].rhs
    if not isinstance(rhs, N.Concat) or len(rhs.items) < 2 or not all(isinstance(x, N.Symbol) and x.lag == 0 for x in rhs.items):
        return False
    computed = {e.lhs.name for e in cell.equations if isinstance(e.lhs, N.Symbol)}
    return not any(x.name in computed for x in rhs.items)


def generic_function(cell: N.Cell, i: int, found: list[int]) -> bool:
    """`h_t = f(W^{hx} x_t + W^{hh} h_{t-1} + b^h)` beside `h_t = \\tanh(W^{hx} x_t + ...)`: the same argument under a
    function the text leaves generic (a letter) and under a known one: one definition, the known one read."""
    table: dict = {}
    applied = {}
    for j in found:
        r = cell.equations[j].rhs
        if isinstance(r, N.Apply) and not r.each:
            applied[j] = (kind(r.func) == "letter", r.arg)
        elif (isinstance(r, N.Binary) and r.op == "matmul" and not r.explicit and isinstance(r.left, N.Symbol)
              and r.left.lag is None and kind(r.left.name) == "letter"):  # f(...) before letters are read as functions
            applied[j] = (True, r.right)
    if i not in applied or not applied[i][0]:
        return False
    arg = N.key(applied[i][1], table)
    return any(not generic and N.key(other, table) == arg for j, (generic, other) in applied.items() if j != i)


_CONTRAST = re.compile(r"(?:\b(?:standard|vanilla|conventional|traditional|classic(?:al)?|plain|ordinary|usual|simple|basic"
                       r"|simplified)\b|단순화|简化|簡略化)"
                       r"[^.\n$]{0,60}?(?:\bRNNs?\b|\bLSTMs?\b|\bGRUs?\b|recurrent|Elman)"
                       r"|(?:^|\n)[ \t]*(?:RNN|Elman)[ \t]*[:：][ \t]*$"  # (a row labelled `RNN:` before a text's LSTM)
                       r"|\b(?:some|other|many)\s+(?:papers|authors|texts|sources|books|references)\s+(?:write|define|express|give|use)\b", re.I)
                       # ("Some papers write the update equation as:": another text's form, not this one's)
# words before a definition that make it another text's form of one the text gives before: "Some papers write ... as:"
OTHERS = re.compile(r"\b(?:some|other|many)\s+(?:papers|authors|texts|sources|books|references)\s+(?:write|define|express|give|use)\b", re.I)


# words before a later definition that make it the whole cell: "the full GRU", "整个GRU的定义", "전체 GRU"
FULL = re.compile(r"\b(?:full|complete|whole|entire)\b[^.\n$]{0,30}?(?:\bRNNs?\b|\bLSTMs?\b|\bGRUs?\b|\bcell\b|\bversion\b)"
                   r"|(?:整个|完整的?|全体の?|전체|完全な)\s*(?:GRU|LSTM|RNN)", re.I)


def contrasted(cell: N.Cell, i: int, words: re.Pattern | None = None) -> bool:
    """The text between the equation before the i-th and it (at most 400 characters) names a standard
    cell: "In a standard RNN, ..." (or holds `words`)."""
    start = max((e.span.end for e in cell.equations if e.span.end <= cell.equations[i].span.start), default=0)
    start = max(start, cell.equations[i].span.start - 400)
    return (words or _CONTRAST).search(cell.source.text, start, cell.equations[i].span.start) is not None


# words before a definition that make it the feed-forward layer a recurrent cell generalizes
_FEEDFORWARD = re.compile(r"\bfeed[- ]?forward\b|\bfully[- ]connected\b|\bMLPs?\b|前馈|順伝播|피드\s?포워드", re.I)


def feedforward_first(cell: N.Cell, i: int, last: int) -> bool:
    r"""`h = \sigma(W_{xh} x + b)` after "in the feedforward models" (or `h_t = \tanh(W x_t + b)` after "A fully connected
    layer is defined as"), then `h_t = \sigma(W_{hh} h_{t-1} + ...)`: the first reads no step before, the last does; the
    first is the layer the cell generalizes."""
    before = lambda eq: any(isinstance(x, N.Symbol) and x.lag is not None and x.lag > 0  # noqa: E731
                            for side in (eq.rhs,) + eq.also for x in N.walk(side))
    first, later = cell.equations[i], cell.equations[last]  # (h = ... untimed, or h_t = W x_t + b: the layer, then the cell)
    computed = {eq.lhs.name for eq in cell.equations if isinstance(eq.lhs, N.Symbol)}
    reads = {x.name for side in (first.rhs,) + first.also for x in N.walk(side) if isinstance(x, N.Symbol)}
    untimed = first.lhs.lag is None and later.lhs.lag is not None
    return (not before(first) and before(later) and contrasted(cell, i, _FEEDFORWARD)
            and (untimed or not reads & computed))  # (a timed first that reads what the cell computes, y_t = V h_t + c: the cell's)


# words before a last definition that make it the layer the text compares the cell with: "Compare/contrast to Dense"
_COMPARED = re.compile(_FEEDFORWARD.pattern + r"|\bDense\b|\bcompar(?:e|ed|ison)\b|\bcontrast\b", re.I)


def feedforward_last(cell: N.Cell, i: int, first: int) -> bool:
    r"""`h_{(t)} = o_{(t)} \odot \tanh(c_{(t)})`, then "Compare/contrast to Dense, which only has its output: $h =
    \phi(W^T x)$": the last reads no step before, the first does; the last is the layer the text compares it with."""
    timed = lambda x: isinstance(x, N.Symbol) and x.lag is not None  # noqa: E731
    layer, cell_eq = cell.equations[i], cell.equations[first]
    return (layer.lhs.lag is None and cell_eq.lhs.lag is not None and not any(timed(x) for x in N.walk(layer.rhs))
            and any(timed(x) and x.lag > 0 for eq in cell.equations for x in N.walk(eq.rhs)) and contrasted(cell, i, _COMPARED))


def contrasted_after(cell: N.Cell, i: int, found: list[int]) -> bool:
    """`$s_t = \\tanh(...)$` then "The model so far is a very simple RNN" (the sentence right after it says the
    definition is a standard cell), and the last definition extends it (it writes every name the first does)."""
    end = cell.equations[i].span.end
    stop = min((e.span.start for e in cell.equations if e.span.start >= end), default=len(cell.source.text))
    if _SO_FAR.match(cell.source.text, end, min(stop, end + 400)) is None:
        return False
    names = lambda eq: {x.name for x in N.walk(eq.rhs) if isinstance(x, N.Symbol)}  # noqa: E731
    later = cell.equations[found[-1]]
    before = max((e.span.end for e in cell.equations if e.span.end <= later.span.start), default=0)
    if _HYPOTHETICAL.search(cell.source.text, before, later.span.end + 300):
        return False  # "A leaky variant would instead compute ..., so we do not use it": not the cell
    return names(cell.equations[i]) <= names(later)


_HYPOTHETICAL = re.compile(r"\b(?:would|instead|variants?|alternatives?|ablations?|do\s+not\s+use|don't\s+use|not\s+used|"
                           r"no\s+better)\b", re.I)


# the sentence after a definition that calls it a standard cell: "The model so far is a very simple RNN."
_SO_FAR = re.compile(r"[\s$.,]*(?:(?:the|our|this)\s+)?(?:model|cell|network|this|it)\s+(?:so\s+far\s+)?is\s+(?:just\s+|only\s+)?"
                     r"(?:a|an|the)\s+(?:very\s+)?(?:simple|standard|vanilla|basic|plain|classic)\s+(?:RNN|recurrent)", re.I)


_EQUIVALENT = re.compile(r"(?:\bequivalent(?:ly)?(?:\s+to)?|等价于|等價於|等同于)[\s,:：]*$", re.I)
_OPENING = re.compile(r"(?:\$+|\\\[|\\begin\s*\{[A-Za-z*]+\}|\s)+$")


def said_equivalent(cell: N.Cell, i: int) -> bool:
    """An equation right after "which is equivalent to" (equivalently, 等价于): a definition written again, as
    the prose says (not after "i.e." or "in other words": a text says so of a variant too, "drops f_t, i.e., ...")."""
    text, start = cell.source.text, cell.equations[i].span.start
    before = text[max(cell.equations[i - 1].span.end if i else 0, start - 200):start]
    return _EQUIVALENT.search(_OPENING.sub("", before)) is not None


def feedforward_apart(cell: N.Cell, notes: list[str]) -> N.Cell:
    """`Y = f(W \\cdot X + b)` after "In a typical feedforward network", then `H_t = f(W_{hh} H_{t-1} + W_{xh} X_t + b)`:
    an equation at no step, of no signal another equation defines, whose left side nothing reads, after words that
    name a feed-forward layer, in a cell whose other equations read an earlier step: the layer the text contrasts
    the cell with, set aside with a note."""
    eqs = cell.equations
    if len(eqs) < 2:
        return cell
    names = lambda e: {x.name for x in N.walk(e) if isinstance(x, N.Symbol)}  # noqa: E731
    timed = lambda e: any(isinstance(x, N.Symbol) and x.lag is not None for x in N.walk(e))  # noqa: E731
    made = {eq.lhs.name for eq in eqs if isinstance(eq.lhs, N.Symbol)}
    untimed = [i for i, eq in enumerate(eqs) if isinstance(eq.lhs, N.Symbol) and eq.lhs.lag is None and not eq.also
               and not timed(eq.rhs) and not names(eq.rhs) & made]
    if not untimed:
        return cell  # (the common case: every equation at a step)
    readers: dict[str, set[int]] = {}  # each name, the equations that read it (one walk of each)
    for j, other in enumerate(eqs):
        for n in names(other.rhs):
            readers.setdefault(n, set()).add(j)
    drop = {i for i in untimed if not readers.get(eqs[i].lhs.name, set()) - {i} and contrasted(cell, i, _FEEDFORWARD)}
    if not drop or not any(isinstance(x, N.Symbol) and x.lag is not None and x.lag > 0
                           for i, eq in enumerate(eqs) if i not in drop for x in N.walk(eq.rhs)):
        return cell
    text = cell.source.text
    for i in sorted(drop):
        notes.append(f"{' '.join(text[eqs[i].span.start:eqs[i].span.end].split())} at {cell.source.where(eqs[i].span)} "
                     "is the feed-forward layer the text contrasts the cell with: not the cell's")
    return replace(cell, equations=tuple(eq for i, eq in enumerate(eqs) if i not in drop))


# "The output at step t is optionally $\hat{y}_t = W_o h_t + b_o$": a step the words make optional
_OPTIONAL = re.compile(r"\b(?:optional(?:ly)?|opcional(?:mente)?|facultativ[oa]?(?:mente)?|optionnel(?:le)?(?:ment)?|"
                       r"wahlweise|optionale?)\b|可选|オプション|任意で|선택적", re.I)


def optional_outputs(cell: N.Cell, notes: list[str]) -> N.Cell:
    """An output (no other equation reads it) written in a sentence that calls it optional ("La salida en el paso $t$
    es opcionalmente $\\hat{y}_t = W_o h_t + b_o$"): whether the cell has it is a choice, `optional-step` (included
    or left out), both solved; one count where they agree."""
    text = cell.source.text
    if not _OPTIONAL.search(text):
        return cell
    read = {x.name for eq in cell.equations for side in (eq.rhs,) + eq.also for x in N.walk(side) if isinstance(x, N.Symbol)}
    for i, eq in enumerate(cell.equations):
        if not isinstance(eq.lhs, N.Symbol) or eq.lhs.name in read:
            continue
        lead = text[:eq.span.start]
        start = lead.rfind("\n") + 1  # (a scraped page's glyphs glued before the TeX, `yt=Wyht+by`: not words)
        lead = (lead[:start] if " " not in lead[start:].strip() else lead).rstrip().rstrip("$")  # (the words before the math)
        lead = lead[max(lead.rfind(". "), lead.rfind("\n\n"), len(lead) - 200):]
        clause = re.split(r"\$|,|;|，|、|\band\b|\by\b|\bet\b|\bund\b|\be\b", lead)[-1]
        if not _OPTIONAL.search(clause):
            continue  # ("the bias $b$ is optional and the output is always $y_t = ...$": not the output's word)
        if current().pick(Choice("optional-step", ("included", "left-out"), cell.source.where(eq.span),
                                 f"whether the output {eq.lhs.text}, which the words before it call optional, is part of "
                                 "the cell", whole=True)) == "left-out":
            notes.append(f"{eq.lhs.text} at {cell.source.where(eq.span)}: an optional output, left out")
            return replace(cell, equations=cell.equations[:i] + cell.equations[i + 1:])
        return cell
    return cell
