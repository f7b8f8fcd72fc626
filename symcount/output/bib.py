"""BibTeX files that symcount adds a cell's reference to (--bib)."""
from __future__ import annotations

import re


def merged_bibtex(existing: str, entry: str, key: str) -> str:
    """A .bib file's text with the entry added, unless an entry with that key is there already."""
    if re.search(r"@\w+\s*\{\s*" + re.escape(key) + r"\s*,", existing):
        return existing
    return (existing.rstrip("\n") + "\n\n" if existing.strip() else "") + entry


def renamed(entry: str, key: str) -> str:
    """The entry under another key (--cite KEY with --bib)."""
    return re.sub(r"^(@\w+\s*\{\s*)[^,\s]+", lambda m: m.group(1) + key, entry.lstrip(), count=1)
