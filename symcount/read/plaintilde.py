"""A tilde after a letter in plain text, as a line without LaTeX writes a candidate: `C~=tanh(W_c*[h,x])`,
`i*C~`, `h~_t`: the letter's tilde (U+0303, combining: read as \\tilde{C}), where the text writes it so more than
once or defines it. A respelling of read.relations, in plain text and code (where LaTeX's `~` is a space)."""
from __future__ import annotations

from . import patterns as re  # re, with the package's patterns compiled ahead (read.patterns)

_TILDE = re.compile(r"(?<![A-Za-z0-9_\\])([A-Za-z])~(?=_|[^\w<~]|$)", re.M)


def plain_tildes(out: list[str], start: int, end: int, written) -> None:
    region = "".join(out[start:end])
    if "~" not in region or not written(r"(?<![A-Za-z0-9_\\])[A-Za-z]~\s*=(?!=)|(?<![A-Za-z0-9_\\])[A-Za-z]~(?=_|[^\w<~]|$)[^\n]*?[A-Za-z]~"):
        return
    for m in _TILDE.finditer(region):
        out[start + m.end(1)] = "\u0303"
