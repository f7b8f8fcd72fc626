"""An equation that runs on into the next inline math, as a cheat sheet wraps a long one: `$h_t = (1 - z_t)
\\odot h_{t-1}$` and, after nothing but spacing (`}`, `\\hspace{7pt}`, a line break; past a blank line only where the
second is indented), `$+\\ z_t \\odot \\tilde h_t$` at its line's end, with no `=` of its own: one region (the marks
between them spaces). A region that starts with an operator holds no equation of its own; read apart, the term it
adds would be lost.
And a line pieced together from inline math and plain operators, `$h_t$ = f($W_{xh}$ $x_t$ + $W_{hh}$ $h_{t-1}$ + $b_h$)`
(a beginner's notes): one region, the dollars spaces."""
from __future__ import annotations

from . import patterns as re  # re, with the package's patterns compiled ahead (read.patterns)

# what may stand between the two: spaces, the dollars, a group's end, a row break, a horizontal space
_BETWEEN = re.compile(r"(?:\s|\$|\}|\\\\(?:\[[^\]\n]*\])?|\\[hq]space\*?\s*\{[^{}\n]*\}|\\q?quad(?![A-Za-z])|\\noindent(?![A-Za-z]))*")
_GOES_ON = re.compile(r"(?:\s|\\[ ,;!])*(?:[-+−]|\\(?:odot|cdot|circ|times)(?![A-Za-z]))")


_INDENTED = re.compile(r"\\[hq]space\*?\s*\{[^{}\n]*\}\s*\$$|\\q?quad\s*\$$")  # `\hspace{7pt} $+ ...$`: the row indented
_LINE_END = re.compile(r"\$?(?:[ \t]|\}|\\\\(?:\[[^\]\n]*\])?|[,.;])*(?:\n|$)")  # the second ends its line (no prose after)


def _ends_its_line(text: str, end: int) -> bool:
    return _LINE_END.match(text, end) is not None


# what stands between the pieces of such a line: operators, brackets, spaces, a function's letter before its bracket
_GLUE = re.compile(r"(?:[\s=+\-−*·×()\[\],]|(?<![A-Za-z])[A-Za-z]{1,7}(?=\s*\())*")


def _pieced(text: str, found: list) -> tuple[str, list]:
    """Each line made of three or more inline regions and only operators between them, with an `=` between two of
    them, made one region (the dollars and what stands between kept, the dollars as spaces)."""
    out: list | None = None
    regions, i = [], 0
    while i < len(found):
        r, j = found[i], i
        line_end = text.find("\n", r.start)
        line_end = len(text) if line_end < 0 else line_end
        while j + 1 < len(found) and found[j + 1].end <= line_end and found[j + 1].inline and found[j + 1].kind == "latex":
            j += 1
        line_start = text.rfind("\n", 0, r.start) + 1
        pieces = [text[line_start:r.start - 1]] + [text[a.end + 1:b.start - 1] for a, b in zip(found[i:j], found[i + 1:j + 1])] \
            + [text[found[j].end + 1:line_end]]
        if r.inline and r.kind == "latex" and j - i >= 2 and all(_GLUE.fullmatch(p) for p in pieces) \
                and any("=" in p for p in pieces[1:-1]) and not any("=" in text[a.start:a.end] for a in found[i:j + 1]):
            out = out if out is not None else list(text)
            end = line_end - (len(pieces[-1]) - len(pieces[-1].rstrip()))
            for k in range(r.start, end):
                out[k] = " " if out[k] == "$" else out[k]
            regions.append(r.__class__(r.start, end, True, "latex"))
        else:
            regions.extend(found[i:j + 1])  # (a line is judged once, as a whole: its prefix is every later piece's too)
        i = j + 1
    return ("".join(out), regions) if out is not None else (text, found)


def _cells_apart(text: str, prev, r, between: str) -> bool:
    """A left side alone in a table's cell and its right side in the next: `Forget gate & $F_t=$ & $\\sigma(...)$`."""
    return prev.inline and r.inline and prev.kind == r.kind == "latex" and text[prev.start:prev.end].rstrip().endswith("=") \
        and _CELL_BOUNDARY.fullmatch(between) is not None and "=" not in text[r.start:r.end]


_CELL_BOUNDARY = re.compile(r"[ \t$]*&[ \t$]*")


def joined(text: str, found: list) -> tuple[str, list]:
    """(text, regions) with each inline region that goes on with the one before (it starts with an operator and
    only spacing stands between) made one with it, the marks between them spaces."""
    if len(found) < 2 or "$" not in text:
        return text, found
    if len(found) >= 3:
        text, found = _pieced(text, found)
    out: list | None = None
    regions = [found[0]]
    for r in found[1:]:
        prev = regions[-1]
        between = text[prev.end:r.start]
        if prev.inline and r.inline and prev.kind == r.kind == "latex" and "=" in text[prev.start:prev.end] \
                and _BETWEEN.fullmatch(between) and _GOES_ON.match(text, r.start) and _ends_its_line(text, r.end) \
                and "=" not in text[r.start:r.end] and ("\n\n" not in between.replace(" ", "") or _INDENTED.search(between)) \
                or _cells_apart(text, prev, r, between):
            out = out if out is not None else list(text)
            out[prev.end:r.start] = [" "] * (r.start - prev.end)
            regions[-1] = prev.__class__(prev.start, r.end, True, "latex")
            continue
        regions.append(r)
    return ("".join(out), regions) if out is not None else (text, found)
