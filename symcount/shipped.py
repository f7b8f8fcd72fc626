"""What ships with the package and is made from it: the parser's LALR tables
(read/grammars/latex.lark.cache) and the built-in cells' summaries (cells/summaries/).

    python -m symcount.shipped     # regenerate both; a file whose content is unchanged is not rewritten
"""
from __future__ import annotations

import hashlib
import json
import os

from . import api, cells
from .read import grammar
from .result import cache


def build(filename: str) -> dict:
    """The shipped summaries of one built-in cell file, with and without biases, explained."""
    (name, convention), = [k for k, v in cells.files().items() if v == filename]
    info = cells.load(name, convention)
    out = {"fingerprint": cache.fingerprint(), "sha256": hashlib.sha256(info.text.encode("utf-8")).hexdigest()}
    for bias in (True, False):
        d = api.cell(name, convention=convention, bias=bias)
        out["bias" if bias else "no-bias"] = api.summarize(d, explain=True).to_json()
    return out


def _replace(path: str, data: bytes) -> bool:
    """Write data to path unless it already holds exactly that; True when written."""
    try:
        with open(path, "rb") as f:
            if f.read() == data:
                return False
    except OSError:
        pass
    tmp = f"{path}.tmp"
    with open(tmp, "wb") as f:
        f.write(data)
    os.replace(tmp, path)
    return True


def write_parser() -> bool:
    """The grammar's LALR tables, rebuilt into read/grammars/latex.lark.cache unless the file there
    was made from this grammar, lark and Python (its stamp; Lark.save's bytes differ run to run)."""
    try:
        with open(grammar.GRAMMAR_CACHE, "rb") as f:
            if f.readline().rstrip(b"\n") == grammar.stamp():
                return False
    except OSError:
        pass
    return _replace(grammar.GRAMMAR_CACHE, grammar.tables())


def write_summaries() -> list[str]:
    """Every built-in cell's shipped summary; returns the files written (those that changed)."""
    os.makedirs(cache.SHIPPED, exist_ok=True)
    written, kept = [], set()
    for filename in sorted(cells.files().values()):
        path = cache.shipped_path(filename)
        kept.add(os.path.basename(path))
        text = json.dumps(build(filename), indent=1, ensure_ascii=False, sort_keys=True) + "\n"
        if _replace(path, text.encode("utf-8")):
            written.append(path)
    for stale in set(os.listdir(cache.SHIPPED)) - kept:
        os.unlink(os.path.join(cache.SHIPPED, stale))
        written.append(stale)
    return written


def main() -> None:
    parser = "rebuilt" if write_parser() else "unchanged"
    written = write_summaries()
    n = len(written)
    print(f"parser tables {parser}; {n} {'summary' if n == 1 else 'summaries'} written in {cache.SHIPPED}")


if __name__ == "__main__":
    main()
