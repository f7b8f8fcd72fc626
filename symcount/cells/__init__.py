"""The built-in cells: LaTeX data files with a metadata header of `% key: value` comments.

`NAME.tex` is a cell in its default convention (PyTorch's, or its paper's own); `NAME.keras.tex`
is the same cell as Keras computes it, where that differs. A cell with one file serves every
convention. The header's `% convention:` line says which convention the file follows.
"""
from __future__ import annotations

import os
import re
from ..errors import Record, UsageError
from functools import lru_cache


CONVENTIONS = ("pytorch", "keras")
_DIR = os.path.dirname(os.path.abspath(__file__))
_HEADER = re.compile(r"^%\s*(?P<key>[A-Za-z-]+)(?:\s+(?P<arg>[^:\s]+))?\s*:\s*(?P<value>.*?)\s*$")


class CellInfo(Record):
    # name: str
    # convention: str
    # filename: str
    # text: str
    # description: str
    # reference: str
    # cite: str
    # framework: str
    # dims: tuple[tuple[str, str], ...]  # (name, meaning)
    # bibtex: str = ""
    __slots__ = ("name", "convention", "filename", "text", "description", "reference", "cite", "framework", "dims", "bibtex")
    _defaults = {"bibtex": ""}


@lru_cache(maxsize=None)
def files() -> dict[tuple[str, str], str]:
    """(name, convention) -> file name, for the conventions that have a file of their own."""
    out = {}
    for fn in sorted(os.listdir(_DIR)):
        if not fn.endswith(".tex"):
            continue
        stem = fn[:-4]
        if stem.endswith(".keras"):
            out[(stem[:-6], "keras")] = fn
        else:
            out[(stem, "pytorch")] = fn
    return out


def names() -> list[str]:
    return sorted({n for n, _ in files()})


def conventions(name: str) -> list[str]:
    """The conventions a cell has its own file for (a cell with one file serves any)."""
    return [c for c in CONVENTIONS if (name, c) in files()]


def filename(name: str, convention: str = "pytorch") -> str:
    """The file that holds `name` in `convention`; a clear error for an unknown name."""
    if convention not in CONVENTIONS:
        raise UsageError(f"unknown convention {convention!r}; choose one of: {', '.join(CONVENTIONS)}")
    table = files()
    if (name, convention) in table:
        return table[(name, convention)]
    if (name, "pytorch") in table:
        return table[(name, "pytorch")]  # one file serves every convention
    import difflib
    known = names()
    close = [n for n in known if n.lower() == name.lower()] or difflib.get_close_matches(name.lower(), known, n=1)
    hint = f"did you mean {close[0]!r}?" if close else "`symcount list` shows them"
    raise UsageError(f"unknown cell {name!r}; known cells: {', '.join(known)}", hint=hint)


def _bibtex(key: str) -> str:
    if not key:
        return ""
    try:
        with open(os.path.join(_DIR, "references.bib"), encoding="utf-8") as f:
            bib = f.read()
    except OSError:
        return ""
    m = re.search(r"@\w+\s*\{\s*" + re.escape(key) + r"\s*,", bib)
    if not m:
        return ""
    depth, i = 0, bib.index("{", m.start())
    for j in range(i, len(bib)):
        depth += {"{": 1, "}": -1}.get(bib[j], 0)
        if depth == 0:
            return bib[m.start():j + 1]
    return ""


def _header(text: str) -> tuple[dict[str, str], list[tuple[str, str]], str]:
    """The metadata of a cell file's leading `% key: value` comments: the keys, the `% dim NAME:`
    lines, and a BibTeX entry given as `% bibtex: @type{key, ...` continued on the following comment
    lines until its braces close."""
    meta: dict[str, str] = {}
    dims: list[tuple[str, str]] = []
    bib: list[str] = []
    depth = 0
    for line in text.splitlines():
        if not line.startswith("%"):
            if line.strip():
                break
            continue
        if depth > 0:  # inside a BibTeX entry
            part = (line[2:] if line.startswith("% ") else line[1:]).rstrip()
            bib.append(part)
            depth += part.count("{") - part.count("}")
            continue
        m = _HEADER.match(line)
        if not m:
            continue
        if m.group("key") == "dim" and m.group("arg"):
            dims.append((m.group("arg"), m.group("value")))
        elif m.group("key") == "bibtex" and not bib:
            bib.append(m.group("value"))
            depth = m.group("value").count("{") - m.group("value").count("}")
        else:
            meta[m.group("key")] = m.group("value")
    entry = "\n".join(bib) if bib and depth == 0 and _ENTRY.match(bib[0]) else ""
    return meta, dims, entry


_ENTRY = re.compile(r"@\w+\s*\{\s*([A-Za-z0-9][A-Za-z0-9:._-]*)\s*,")


def load(name: str, convention: str = "pytorch") -> CellInfo:
    fn = filename(name, convention)
    with open(os.path.join(_DIR, fn), encoding="utf-8") as f:
        text = f.read()
    meta, dims, _ = _header(text)
    return CellInfo(meta.get("name", name), meta.get("convention", convention), fn, text,
                    meta.get("description", ""), meta.get("reference", ""), meta.get("cite", ""),
                    meta.get("framework", ""), tuple(dims), _bibtex(meta.get("cite", "")))


def own(text: str, filename: str) -> CellInfo | None:
    """A user's cell file's own metadata, when its leading comments give a reference: `% reference:`
    (the text), `% cite: KEY` and/or a BibTeX entry (`% bibtex: @article{KEY,` and the entry's
    further lines, each a comment), with `% description:` and `% dim NAME: meaning` optional. None
    for a file without them."""
    meta, dims, entry = _header(text)
    if not (entry or meta.get("cite") or meta.get("reference")):
        return None
    key = _ENTRY.match(entry).group(1) if entry else meta.get("cite", "")
    stem = filename.replace("\\", "/").rsplit("/", 1)[-1].split(".", 1)[0] or filename
    return CellInfo(meta.get("name", stem), meta.get("convention", ""), filename, text,
                    meta.get("description", ""), meta.get("reference", ""), meta.get("cite", key),
                    meta.get("framework", ""), tuple(dims), entry)


def bibtex(info: "CellInfo | None", name: str) -> tuple[str, str]:
    """A cell's BibTeX entry and its key; a UsageError for a cell that has none."""
    if info is None or not info.bibtex.strip() or not info.cite:
        raise UsageError(f"{name} has no BibTeX entry to add to --bib",
                         hint="give the file one: a comment `% bibtex: @article{key,` and the entry's further "
                              "lines, each after `% ` (see the README's input language); or cite your own "
                              "entry with --cite KEY")
    return info.bibtex.strip() + "\n", info.cite
