"""Text kept in quoted strings, read where it is (read.regions): a Jupyter notebook's JSON (`"source": ["$$h_t =
\\\\tanh(...)$$\\n", ...]`) and a gettext catalogue (`msgid "..."`, `msgstr "..."`). The strings' text stays at its
place, unescaped (an escape's backslash a space, `\\n` two spaces: offsets kept, so errors point into the file), and
the rest is blank: a notebook's code cell between fence lines (```), its outputs blank; a catalogue's translations
(msgstr) blank, as its msgid holds the same math, and a msgid that is one display of math (Sphinx's `.. math::`
block: an `=`, no `:math:` role, no sentence) between `$$`. Other text is returned as it was."""
from __future__ import annotations

from . import patterns as re  # re, with the package's patterns compiled ahead (read.patterns)

_NOTEBOOK = re.compile(r'"cell_type"\s*:\s*"(\w+)"|^[ \t]*"source"\s*:\s*\[[ \t]*$|^[ \t]*\],?[ \t]*$', re.M)
_STRING_LINE = re.compile(r'^([ \t]*)"((?:[^"\\\n]|\\.)*)"(,?)[ \t]*$')
_ESCAPE = re.compile(r'\\(u[0-9A-Fa-f]{4}|.)')
_CATALOGUE = re.compile(r'^(msgid|msgstr|msgctxt|msgid_plural|msgstr\[\d+\])[ \t]+"', re.M)
_SENTENCE = re.compile(r"[A-Za-z]{3,}[ ,]+[A-Za-z]{3,}[ ,]+[A-Za-z]{3,}")


def quoted(text: str) -> str:
    """The text with a notebook's or a catalogue's strings read in place (see the module's doc); else as it was."""
    if '"cell_type"' in text and '"source"' in text:
        return _notebook(text)
    if "msgid" in text and "msgstr" in text and len(_CATALOGUE.findall(text)) >= 2:
        return _catalogue(text)
    return text


def _unescaped(body: str) -> str:
    """A JSON or C string's body as its text, of the same length: `\\\\` as `\\`, `\\n` and `\\t` as spaces,
    `\\"` as `"`, `\\u00e9` as the letter; the backslashes' places as spaces after each run of escapes (`\\\\\\\\`
    is LaTeX's row break `\\\\` and two spaces, not two backslashes apart)."""
    out, pending, pos = [], 0, 0
    for m in _ESCAPE.finditer(body):
        if m.start() > pos:
            out.append(" " * pending + body[pos:m.start()])
            pending = 0
        c = m.group(1)
        if c in ("n", "t", "r"):
            out.append("  ")
        elif len(c) == 5:  # uXXXX
            out.append(chr(int(c[1:], 16)))
            pending += 5
        else:
            out.append(c)
            pending += 1
        pos = m.end()
    out.append(" " * pending + body[pos:])
    return "".join(out)


def _notebook(text: str) -> str:
    lines = text.split("\n")
    out, kind, inside = [], "", False
    for line in lines:
        m = _NOTEBOOK.search(line)
        if not inside and m is not None and m.group(1):
            kind = m.group(1)
        if not inside and m is not None and '"source"' in line and line.rstrip().endswith("["):
            inside = True
            out.append("```".ljust(len(line)) if kind == "code" else " " * len(line))
            continue
        if inside and re.fullmatch(r"[ \t]*\],?[ \t]*", line):
            inside = False
            out.append("```".ljust(len(line)) if kind == "code" and len(line) >= 3 else " " * len(line))
            continue
        s = _STRING_LINE.match(line) if inside else None
        if s is None:
            out.append(" " * len(line))
            continue
        out.append(s.group(1) + " " + _unescaped(s.group(2)) + " " + " " * (len(line) - s.end(2) - 1))
    return "\n".join(out)


def _catalogue(text: str) -> str:
    lines = text.split("\n")
    out = [" " * len(line) for line in lines]
    entry: list[int] = []  # the lines of the msgid read, in order
    keep = False
    for k, line in enumerate(lines + [""]):
        head = _CATALOGUE.match(line)
        if head is not None or not line.startswith('"'):
            if entry:
                _msgid(lines, out, entry)
            entry = []
            keep = head is not None and head.group(1) == "msgid"
        if keep and k < len(lines):
            entry.append(k)
    return "\n".join(out)


def _msgid(lines: list[str], out: list[str], entry: list[int]) -> None:
    """One msgid's lines, its strings' text in place in `out`, between `$$` where it is one display of math."""
    parts = []
    for k in entry:
        line = lines[k]
        start = line.index('"')
        m = re.match(r'"((?:[^"\\]|\\.)*)"[ \t]*$', line[start:])
        if m is None:
            return  # (not a string the catalogue's syntax allows: left blank)
        parts.append((k, start, m.group(1)))
    for k, start, body in parts:
        out[k] = " " * (start + 1) + _unescaped(body) + " " * (len(lines[k]) - start - 1 - len(body))
    whole = " ".join(_unescaped(body) for _, _, body in parts)
    bare = re.sub(r"\\[A-Za-z]+", " ", whole)
    if "=" not in whole or ":math:" in whole or _SENTENCE.search(bare) or not parts[-1][2].endswith("\\n"):
        return  # (a display's closing `$$` takes the place of its last `\n`)
    k, start, _ = parts[0]
    out[k] = out[k][:start - 2] + "$$" + out[k][start:] if start >= 2 else out[k]
    k, start, body = parts[-1]
    end = start + 1 + len(body)  # where the closing quote is
    out[k] = out[k][:end - 2] + "$$" + out[k][end:]
