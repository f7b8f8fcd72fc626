"""A unit's index written on every signal, as Chung et al. write the GRU (`z_t^j = \\sigma(W_z x_t + U_z h_{t-1})^j`,
`h_t^j = (1 - z_t^j) h_{t-1}^j + z_t^j \\tilde{h}_t^j`): each equation says what the j-th entry of each vector is, so the
equations are the vectors' own. Retyped in place before the regions are found (offsets kept): the index blanked."""
from __future__ import annotations

from . import patterns as re  # re, with the package's patterns compiled ahead (read.patterns)

# a letter as the superscript of a parenthesis closed, `\right)^{j}`, `)^j` (the j-th entry of what it holds)
_ENTRY_OF = re.compile(r"\)\s*\^\s*(?:\{\s*([a-s])\s*\}|([a-s])(?![A-Za-z]))")
_LEFT = r"\^\s*(?:\{{\s*{0}\s*\}}|{0}(?![A-Za-z]))\s*\}}?\s*&?\s*="  # the same letter on a left side: `z_{t}^{j} =`
_SCRIPT = r"\^\s*(?:\{{\s*{0}\s*\}}|{0}(?![A-Za-z{{]))"


def unit_indices(text: str) -> str:
    """The text with a unit's index blanked wherever it is a superscript, where a parenthesis closed carries it and a
    left side does too (and the letter is never a step, `^{j-1}`)."""
    if "^" not in text or "=" not in text:
        return text
    letters = {m.group(1) or m.group(2) for m in _ENTRY_OF.finditer(text)}  # (none: nothing more to look at)
    for letter in sorted(letters):
        if not re.search(_LEFT.format(letter), text) or re.search(rf"\^\s*\{{?\s*\(?\s*{letter}\s*[-+]", text):
            continue
        text = re.sub(_SCRIPT.format(letter), lambda m: " " * len(m.group(0)), text)
    return text
