"""Python code's blocks, read by their indentation (read.torchcode): the classes a text defines,
each with its base classes, its `__init__`'s arguments and the statements of its body (continuation
lines joined, comments left out), and the helpers that split an argument list at its top-level commas
and find the bracket that closes another. Nothing here runs the code."""
from __future__ import annotations

from . import patterns as re  # re, with the package's patterns compiled ahead (read.patterns)

CLASS = re.compile(r"^([ \t]*)class[ \t]+([A-Za-z_]\w*)[ \t]*\(([^()\n]*)\)[ \t]*:", re.M)
_MODULE_BASE = re.compile(r"(?<![\w.])(?:torch\.)?(?:nn\.|jit\.)?(?:Module|ScriptModule)\b")
_INIT = re.compile(r"^([ \t]+)def[ \t]+__init__[ \t]*\(", re.M)


class PyClass:
    """A class the text defines: its name, its `__init__`'s arguments (name -> default or None), the
    statements of its body at their offsets, and whether its base is torch's Module."""

    def __init__(self, name: str, module: bool, at: int) -> None:
        self.name, self.module, self.at = name, module, at
        self.args: dict[str, str | None] = {}
        self.bases: list[str] = []
        self.statements: list[tuple[int, int, str]] = []  # (depth below the body, offset, text)
        self.span = (at, at)  # where the class's block is


def classes(text: str) -> list[PyClass]:
    found = []
    for m in CLASS.finditer(text):
        depth = len(m.group(1).expandtabs())
        c = PyClass(m.group(2), bool(_MODULE_BASE.search(m.group(3))), m.start(2))
        c.bases = [b.strip() for b in m.group(3).split(",")]
        end = block_end(text, m.end(), depth)
        c.span = (m.start(), end)
        init = _INIT.search(text, m.end(), end)
        if init is not None:
            args_end = closing(text, init.end() - 1)
            c.args = _arguments(text[init.end():args_end])
            body = text.index("\n", args_end) + 1 if "\n" in text[args_end:] else len(text)
            base = len(init.group(1).expandtabs())
            c.statements = list(_statements(text, body, block_end(text, body, base), base))
        found.append(c)
    return found


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
