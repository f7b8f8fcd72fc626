"""Names a text lists in its notation before plain-text equations: "`Wi` - W parameter weight matrix
for input gate", "`Rbi` - R parameter bias vector" (ONNX's operator docs): in the equations, `Wi`
and `Rbi` are one name each (W at i, R at bi), not W times i. Written as read.barelines writes code
names (the first letter, the rest in the Private Use Area; read.symbols reads it back)."""
from __future__ import annotations

from . import patterns as re  # re, with the package's patterns compiled ahead (read.patterns)

# a line of a notation list: the name (two to five letters and digits, in backticks or bold or bare),
# then a dash or a colon and its description
_LISTED = re.compile(r"^[ \t]*(?:[-*•][ \t]+)?(?:`|\*\*)?([A-Za-z][A-Za-z0-9]{1,4})(?:`|\*\*)?[ \t]*(?:-|–|—|:)[ \t]+[A-Za-z]",
                     re.M)
_FUNCTIONS = frozenset("tanh sigm relu exp log max min abs sqrt sin cos sign elu gelu silu".split())


def listed_names(text: str) -> frozenset[str]:
    """The names of several letters a notation list defines (at least two such lines: a list)."""
    found = {m.group(1) for m in _LISTED.finditer(text) if "-" in text or ":" in text}
    found = {n for n in found if n.lower() not in _FUNCTIONS and not n.isdigit()}
    return frozenset(found) if len(found) >= 2 else frozenset()


def glue_listed(out: list[str], start: int, end: int, names: frozenset[str]) -> None:
    """In out[start:end] (a plain-text equation), each listed name as one name."""
    region = "".join(out[start:end])
    pattern = re.compile(r"(?<![\w\\\ue000-\ue07f])(" + "|".join(sorted(map(re.escape, names), key=len, reverse=True))
                         + r")(?![\w\ue000-\ue07f])")
    for m in pattern.finditer(region):
        name = m.group(1)
        out[start + m.start():start + m.end()] = [name[0]] + [chr(0xE000 + ord(c)) for c in name[1:]]


# a plain-text or code statement's left side of two to five small letters: `hc = tanh(...)`, `cand = ...`
_ASSIGNED_WORD = re.compile(r"[ \t]*(?:[-*•][ \t]+)?([a-z][a-z0-9]{1,4})[ \t]*=(?!=)")
_NOT_NAMES = _FUNCTIONS | frozenset("for if in and or not def end let var val int float return with where".split())


_COMPUTES = re.compile(r"[-+*/@⊙∘·]|sigm|tanh|σ|relu|softmax")


def assigned_names(text: str, regions) -> frozenset[str]:
    """The names of several small letters that plain-text or code equations compute (`hc = tanh(...)`
    beside `h_new = (1 - f) * h + f * hc`): one name each wherever the equations write them, not h times c."""
    found = set()
    read = []
    for r in regions:
        if r.kind in ("bare", "code"):
            read.append(text[r.start:r.end])
            m = _ASSIGNED_WORD.match(text, r.start)
            if m and m.start(1) < r.end and _COMPUTES.search(text, m.end(), r.end):
                found.add(m.group(1))
    math = "\n".join(read)  # (the lines read: the code around a comment's math may call a vector's methods, cct.array())
    return frozenset(n for n in found if n not in _NOT_NAMES and not (len(n) == 2 and n[1] in "tk")  # (ht: h at t)
                     and not re.search(r"(?<![\w.])" + n + r"\s*[.(]", math))  # (lstm.forward(...): an object)
