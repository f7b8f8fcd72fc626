"""A state defined by cases, its start and its step: `h_t = \\begin{cases} 0 & t = 0 \\\\ \\tanh(W x_t + U
h_{t-1} + b) & t > 0 \\end{cases}`. The cases that only start the state (a zero, h_0, at t = 0) are its
initial value, not the cell's: the region is read as the one case that computes it, each edit of the
same length (offsets kept). Cases that compute the state two ways are left to the grammar (an error)."""
from __future__ import annotations

from . import patterns as re  # re, with the package's patterns compiled ahead (read.patterns)

_CASES = re.compile(r"\\begin\s*\{cases\}(?P<body>(?:(?!\\begin\s*\{cases\}|\\end\s*\{cases\}).)*)\\end\s*\{cases\}", re.S)
_ROW = re.compile(r"\\\\")
# a start: zero (0, \mathbf{0}, \vec 0), or a named initial value (h_0, h_{init}, h_{-1}); a step's number
_START = re.compile(r"\s*(?:0|\\(?:mathbf|boldsymbol|vec|bm)\s*\{?\s*0\s*\}?|\\vec\s*0|[A-Za-z](?:_\s*\{?\s*(?:0|-1|"
                    r"(?:\\(?:text|mathrm)\s*\{)?\s*init\s*\}?)\s*\}?))\s*,?\s*$")
_AT_START = re.compile(r"t\s*(?:=\s*[01]|<\s*1|\\le(?:q)?\s*0)(?![0-9])|\\text\s*\{\s*(?:if\s+)?t\s*=\s*[01]|first|initial")


# where a case's condition starts: `&`, or without one a \quad (`0\quad t=0`) or a comma before the words
# (`\phi(h_{t-1}, x_t),\ \text{otherwise}`)
_SEPARATOR = re.compile(r"&|\\q?quad(?![A-Za-z])|,(?=\s*(?:\\[ ,;]\s*)*(?:\\(?:text|mathrm)\s*\{\s*)?(?:if|otherwise|else|for|when)\b)")


def _separator(region: str, a: int, b: int) -> int:
    m = _SEPARATOR.search(region, a, b)
    return m.start() if m else -1


def initial_cases(out: list[str], start: int, region: str) -> bool:
    """In out[start:start + len(region)]: each cases block of a start and one step read as the step;
    whether one was."""
    edited = False
    for m in _CASES.finditer(region):
        body, at = m.group("body"), m.start("body")
        rows, i = [], 0
        for r in [*_ROW.finditer(body), None]:
            j = r.start() if r else len(body)
            rows.append((at + i, at + j))
            i = r.end() if r else j
        rows = [(a, b) for a, b in rows if region[a:b].strip()]
        cells = [(a, b, _separator(region, a, b)) for a, b in rows]
        starts = [c for c in cells if c[2] >= 0 and _START.match(region[c[0]:c[2]]) and _AT_START.search(region[c[2]:c[1]])]
        steps = [c for c in cells if c not in starts]
        if not starts or len(steps) != 1:
            continue
        a, b, amp = steps[0]
        keep = (a, amp if amp >= 0 else b)
        for k in range(m.start(), m.end()):
            if not keep[0] <= k < keep[1]:
                out[start + k] = " " if out[start + k] != "\n" else "\n"
        edited = True
    return edited
