"""Mermaid flowcharts (a ```mermaid block): the math is in their nodes' quoted labels, `B2["Reset Gate<br/>rₜ =
σ(Wr·[hₜ₋₁,xₜ])"]`, and the rest of the block (ids, arrows, brackets, `subgraph`, edge labels) is the drawing's. The
labels are kept, each `<br/>` a line break, and the rest blanked, every offset kept: the block reads as lines of text
(the equations among them are read as plain lines are). Used by read.pasted.uncomment."""
from __future__ import annotations

from . import patterns as re  # re, with the package's patterns compiled ahead (read.patterns)

_FENCE = re.compile(r"^[ \t]*(?:```+|~~~+)[ \t]*mermaid[^\n]*\n(.*?)^[ \t]*(?:```+|~~~+)", re.M | re.S)
_QUOTED = re.compile(r"\"([^\"]*)\"")  # (a label may run over lines)
_BREAK = re.compile(r"<br\s*/?>", re.I)


# a flowchart's line pasted without its block: a node with a quoted label, an edge (`A2 --> C2["..."]`), a subgraph's
_LINE = re.compile(r"^[ \t]*(?:[\w-]+[ \t]*[\[({]{1,2}[ \t]*\"[^\n]*|[^\n]*(?:-->|---|==>|-\.->)[^\n]*|subgraph\b[^\n]*|end[ \t]*)$", re.M)


def labels(text: str) -> str:
    """The text with each Mermaid block's drawing blanked around its quoted labels (offsets kept); without a block, so
    a flowchart's lines pasted alone (two edges or more, `-->`, among them)."""
    spans = [(m.start(1), m.end(1)) for m in _FENCE.finditer(text)] if "mermaid" in text else []
    if not spans and text.count("-->") >= 2 and "\"" in text:
        spans = [(m.start(), m.end()) for m in _LINE.finditer(text)]
    out = None
    for a, b in spans:
        out = out if out is not None else list(text)
        keep = set()
        for q in _QUOTED.finditer(text, a, b):
            keep.update(range(q.start(1), q.end(1)))
        for i in range(a, b):
            if i not in keep and text[i] != "\n":
                out[i] = " "
        for br in _BREAK.finditer(text, a, b):
            if br.start() in keep:
                out[br.start():br.end()] = ["\n"] + [" "] * (br.end() - br.start() - 1)
    return "".join(out) if out is not None else text
