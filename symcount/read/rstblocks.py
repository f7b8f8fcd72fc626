"""reStructuredText's `.. math::` directive (read.regions finds it): the rest of its line, then the
block indented deeper than the directive, one region per paragraph."""
from __future__ import annotations

from . import patterns as re  # re, with the package's patterns compiled ahead (read.patterns)


def rst_block(text: str, end: int, indent: str) -> list[tuple[int, int]]:
    """A `.. math::` directive: the rest of its line, then the block indented deeper than the
    directive (option lines like `:label: x` skipped), one region per blank-line separated paragraph."""
    out = []
    rest_end = text.find("\n", end)
    rest_end = len(text) if rest_end < 0 else rest_end
    if text[end:rest_end].strip():
        out.append((end, rest_end))
    base = len(indent.expandtabs())
    pos = rest_end + 1
    para_start = None
    while pos < len(text):
        nl = text.find("\n", pos)
        line_end = len(text) if nl < 0 else nl
        line = text[pos:line_end]
        if line.strip():
            if len(line.expandtabs()) - len(line.expandtabs().lstrip()) <= base:
                break  # the block ends at the first line indented no deeper than the directive
            if para_start is None and re.match(r"\s*:[A-Za-z-]+:", line):
                pos = line_end + 1
                continue  # an option of the directive
            if para_start is None:
                para_start = pos
        elif para_start is not None:
            out.append((para_start, pos - 1))
            para_start = None
        pos = line_end + 1
    if para_start is not None:
        out.append((para_start, min(pos, len(text))))
    return [(a, b) for a, b in out if b > a]
