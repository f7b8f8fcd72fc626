"""A candidate's mark in plain text, as a line without LaTeX writes it: a tilde after a letter (`C~=tanh(W_c*[h,x])`,
`i*C~`, `h~_t`), where the text writes it so more than once or defines it; and a prime between a letter and its glued
step (`C't = tanh(Wc [ht-1, Xt] + bc)`, `it * C't`), where the text glues steps to letters (`ht-1`, `Xt`): the letter's
tilde (U+0303, combining: read as \\tilde{C}), the step a subscript. A respelling of read.relations, in plain text and
code (where LaTeX's `~` is a space)."""
from __future__ import annotations

from . import patterns as re  # re, with the package's patterns compiled ahead (read.patterns)
from .symbols import coded

_TILDE = re.compile(r"(?<![A-Za-z0-9_\\])([A-Za-z])~(?=_|[^\w<~]|$)", re.M)
_PRIMED = re.compile(r"(?<![A-Za-z0-9_\\'])([A-Za-z])'(t)(?![\w'])")
_GLUED_STEP = r"(?<![A-Za-z0-9_\\])[A-Za-z]{1,2}t-1(?![\w])"


def plain_tildes(out: list[str], start: int, end: int, written) -> None:
    region = "".join(out[start:end])
    if "~" in region and written(r"(?<![A-Za-z0-9_\\])[A-Za-z]~\s*=(?!=)|(?<![A-Za-z0-9_\\])[A-Za-z]~(?=_|[^\w<~]|$)[^\n]*?[A-Za-z]~"):
        for m in _TILDE.finditer(region):
            out[start + m.end(1)] = "\u0303"
    if "'t" in region and written(_GLUED_STEP):
        for m in _PRIMED.finditer(region):
            out[start + m.end(1)] = "\u0303"
            out[start + m.start(2)] = coded("t")[0]
