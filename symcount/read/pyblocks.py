"""Python code's blocks, read by their indentation (read.torchcode): the classes a text defines,
each with its base classes, its `__init__`'s arguments and the statements of its body (continuation
lines joined, comments left out), and the helpers that split an argument list at its top-level commas
and find the bracket that closes another. Nothing here runs the code."""
from __future__ import annotations

from . import patterns as re  # re, with the package's patterns compiled ahead (read.patterns)

CLASS = re.compile(r"^([ \t]*)class[ \t]+([A-Za-z_]\w*)[ \t]*\(([^()\n]*)\)[ \t]*:", re.M)
_MODULE_BASE = re.compile(r"(?<![\w.])(?:torch\.)?(?:nn\.|jit\.)?(?:Module|ScriptModule)\b")
_INIT = re.compile(r"^([ \t]+)def[ \t]+__init__[ \t]*\(", re.M)
# a Keras layer (`class MinimalRNNCell(keras.layers.Layer)`): its weights made in `build(self, input_shape)` too
_KERAS_BASE = re.compile(r"(?<![\w.])(?:tf\.)?(?:keras\.)?(?:layers\.)?(?:Layer|AbstractRNNCell)\b")
_BUILD = re.compile(r"^([ \t]+)def[ \t]+build[ \t]*\(", re.M)
INPUT_DIM = "input_dim"  # the size a Keras layer's build reads from its input's shape (`input_shape[-1]`)


class PyClass:
    """A class the text defines: its name, its `__init__`'s arguments (name -> default or None), the
    statements of its body at their offsets, and whether its base is torch's Module."""

    def __init__(self, name: str, module: bool, at: int, keras: bool = False) -> None:
        self.name, self.module, self.at, self.keras = name, module or keras, at, keras
        self.inferred: tuple[str, ...] = ()  # sizes read from the input when the layer is built (Keras's input_shape[-1])
        self.args: dict[str, str | None] = {}
        self.bases: list[str] = []
        self.statements: list[tuple[int, int, str]] = []  # (depth below the body, offset, text)
        self.span = (at, at)  # where the class's block is


def classes(text: str) -> list[PyClass]:
    found = []
    for m in CLASS.finditer(text):
        depth = len(m.group(1).expandtabs())
        torch = bool(_MODULE_BASE.search(m.group(3)))
        c = PyClass(m.group(2), torch, m.start(2), not torch and bool(_KERAS_BASE.search(m.group(3))))
        c.bases = [b.strip() for b in m.group(3).split(",")]
        end = block_end(text, m.end(), depth)
        c.span = (m.start(), end)
        init = _INIT.search(text, m.end(), end)
        if init is not None:
            c.args, c.statements = _method(text, init)
        build = _BUILD.search(text, m.end(), end) if c.keras else None
        if build is not None:
            args, statements = _method(text, build)
            shape = next(iter(args), None)
            if shape is not None:
                taken = re.compile(rf"\bint\(\s*{shape}\s*\[\s*-1\s*\]\s*\)|(?<![\w.]){shape}\s*\[\s*-1\s*\]")
                statements = [(level, at, taken.sub(INPUT_DIM, stmt)) for level, at, stmt in statements]
                c.inferred = (INPUT_DIM,) if any(INPUT_DIM in stmt for _, _, stmt in statements) else ()
            c.statements += statements
        found.append(c)
    return found


def _method(text: str, header: re.Match) -> tuple[dict[str, str | None], list[tuple[int, int, str]]]:
    """A method's arguments and the statements of its body (its header matched at `header`)."""
    args_end = closing(text, header.end() - 1)
    body = text.index("\n", args_end) + 1 if "\n" in text[args_end:] else len(text)
    base = len(header.group(1).expandtabs())
    return _arguments(text[header.end():args_end]), list(_statements(text, body, block_end(text, body, base), base))


def block_end(text: str, start: int, depth: int) -> int:
    """Where the block whose header ends at `start` ends: the first line that is not blank, not a
    comment and indented no deeper than `depth`."""
    pos = start
    while pos < len(text):
        nl = text.find("\n", pos)
        line = text[pos:] if nl < 0 else text[pos:nl]
        stripped = line.strip()
        if stripped and not stripped.startswith("#") and len(line.expandtabs()) - len(line.expandtabs().lstrip()) <= depth \
                and not stripped.startswith(("```", "~~~")):
            return pos
        if stripped.startswith(("```", "~~~")):
            return pos
        if nl < 0:
            return len(text)
        pos = nl + 1
    return len(text)


def closing(text: str, open_at: int) -> int:
    """The offset of the bracket that closes the one at open_at (the text's end if none)."""
    level = 0
    for k in range(open_at, len(text)):
        ch = text[k]
        if ch in "([{":
            level += 1
        elif ch in ")]}":
            level -= 1
            if level == 0:
                return k
    return len(text)


def _statements(text: str, start: int, end: int, base: int):
    """(depth, offset, statement) of each logical line in text[start:end], its comment left out, its
    continuation lines joined; depth 0 for the body's own lines."""
    pos, body = start, None
    while pos < end:
        nl = text.find("\n", pos, end)
        nl = end if nl < 0 else nl
        line = uncommented(text[pos:nl])
        stripped = line.strip()
        if stripped:
            indent = len(line.expandtabs()) - len(line.expandtabs().lstrip())
            body = indent if body is None else body
            first = pos + len(line) - len(line.lstrip())
            stmt = stripped
            while (_open_brackets(stmt) > 0 or stmt.endswith("\\")) and nl < end:  # a call over several lines, a `\`
                nxt = text.find("\n", nl + 1, end)
                nxt = end if nxt < 0 else nxt
                stmt = stmt.rstrip("\\").rstrip() + " " + uncommented(text[nl + 1:nxt]).strip()
                nl = nxt
            yield (1 if indent > body else 0), first, stmt
        pos = nl + 1


def uncommented(line: str, markers: tuple[str, ...] = ("#",)) -> str:
    """The line up to its comment (a marker outside a string)."""
    quote = None
    for k, ch in enumerate(line):
        if quote:
            quote = None if ch == quote else quote
        elif ch in "'\"":
            quote = ch
        elif any(line.startswith(m, k) for m in markers):
            return line[:k]
    return line


def _open_brackets(s: str) -> int:
    return sum(s.count(c) for c in "([{") - sum(s.count(c) for c in ")]}")


def _arguments(s: str) -> dict[str, str | None]:
    """A signature's arguments (self and *args left out): name -> default as written, or None."""
    out: dict[str, str | None] = {}
    for part in split(s):
        name, _, default = part.partition("=")
        name = name.split(":")[0].strip()
        if name and name != "self" and not name.startswith("*") and name.isidentifier():
            out[name] = default.strip() or None
    return out


def split(s: str) -> list[str]:
    """s split at its top-level commas."""
    parts, level, cur = [], 0, []
    quote = None
    for ch in s:
        if quote:
            quote = None if ch == quote else quote
        elif ch in "'\"":
            quote = ch
        elif ch in "([{":
            level += 1
        elif ch in ")]}":
            level -= 1
        elif ch == "," and level == 0:
            parts.append("".join(cur).strip())
            cur = []
            continue
        cur.append(ch)
    if "".join(cur).strip():
        parts.append("".join(cur).strip())
    return parts
