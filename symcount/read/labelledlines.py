"""A labelled line of a text without containers that updates a state with no activation, `// Hidden state: h =
(1-z) * n + z * hPrev` (F#'s Fowl), beside gates read from lines of their own (`// Update gate: z = sigmoid(W_z * x
+ b_z)`), and an output computed from them (`// Output: y = softmax(V * h + c)`): read with them where it computes
from a signal those lines define (never dropped unread beside them). read.barelines reads a
labelled line only where it applies an activation; this is its second look, once the others are read."""
from __future__ import annotations

from . import patterns as re  # re, with the package's patterns compiled ahead (read.patterns)

# `// Hidden state: h = ...`, `# cell state: c = ...`: a comment's words that name a state, then `name =`
_STATE_LINE = re.compile(r"^[ \t]*(?:(?://[/!]?|#+|--|%+|\*)[ \t]*)?(?:[A-Za-z]+[ \t]+){0,3}(?:state|cell|memory|output|hidden)"
                         r"[ \t]*:[ \t]*(?P<eq>(?P<lhs>[A-Za-z]\w{0,7}'?)[ \t]*=(?!=)[ \t]*(?P<rhs>[\w .*+\-/()⊙]+?))[ \t]*;?[ \t]*$",
                         re.I | re.M)
_LEFT = re.compile(r"\s*([A-Za-z]\w{0,7})'?\s*=(?!=)")
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
