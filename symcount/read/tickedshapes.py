"""Shapes a sentence gives in code quotes after names in math: "$W_a$ will be multiplied by the inputs, so it has
a shape `(n_x, n_a)`", "$W_f, b_f$ are the tensors for the forget gate with shape `(n_a + n_x, n_a)` and `(n_a,)`"
(one shape a name, in order), "$b_a$ will be a vector of shape `(n_a,)`", "$W_z$: Weight matrix for update gate (shape:
`[hidden_size, hidden_size + input_size]`)". Each a claim as read.prosesizes takes
them: (offset of the name, the name, size or (rows, cols), end)."""
from __future__ import annotations

from . import patterns as re  # re, with the package's patterns compiled ahead (read.patterns)
from .sizetables import SUM as _MATH_SUM

SUM = r"(?:" + _MATH_SUM + r"|[A-Za-z]\w{0,30}(?:\s*\+\s*[A-Za-z]\w{0,30})*)"  # n_a + n_x, or code's hidden_size + input_size

_SHAPE = r"`[(\[]\s*(?P<R>" + SUM + r")\s*(?:,\s*(?P<C>" + SUM + r")?\s*)?[)\]]`"  # `(n_x, n_a)`, `(n_a,)`, `[hidden_size]`
_SHAPED = re.compile(r"(?P<names>\$[^$\n]{1,40}\$)(?P<words>[^$`\n]{0,80}?)(?:\b(?:(?:has|have|with)\s+(?:a\s+|the\s+)?shapes?"
                     r"|(?:its|their)\s+shapes?\s+(?:is|are)|of\s+shapes?)|\(\s*shape)\s*:?\s*" + _SHAPE.replace("P<R>", "P<r>").replace("P<C>", "P<c>")
                     + r"(?:\s*(?:,|and|,\s*and)\s*" + _SHAPE.replace("P<R>", "P<r2>").replace("P<C>", "P<c2>") + r")?")


_CLAUSE = re.compile(r"\b(?:which|whose|that|where|while)\b", re.I)


def ticked_shapes(text: str):
    if "`(" not in text and "`[" not in text or "shape" not in text:
        return
    for m in _SHAPED.finditer(text):
        if text.count("$", 0, m.start()) % 2 or "$" in m.group("words") or _CLAUSE.search(m.group("words")):
            continue  # (from a closing $ to the next math; "..., which has shape": another noun's shape)
        names = [(m.start("names") + 1 + p.start() + len(p.group(0)) - len(p.group(0).lstrip()), p.group(0).strip())
                 for p in re.finditer(r"[^,]+", m.group("names")[1:-1])]
        shapes = [(m.group("r"), m.group("c"))] + ([(m.group("r2"), m.group("c2"))] if m.group("r2") else [])
        if len(shapes) > 1 and len(shapes) != len(names):
            continue  # two shapes for three names: which is whose is not said
        if re.match(r"\s*(?:,|and)\s*`", text[m.end():]):
            names = names[:len(shapes)]  # `(n_a, n_y)` and `(n_y, `): the next shape not read, the first name's read
        for i, (at, name) in enumerate(names):
            rows, cols = shapes[min(i, len(shapes) - 1)]
            rows, cols = re.sub(r"[{}\s]", "", rows), cols and re.sub(r"[{}\s]", "", cols)
            yield at, name, rows if cols is None else (rows, cols), m.end()
