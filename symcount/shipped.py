"""What ships with the package and is made from it: the parser's LALR tables
(read/grammars/latex.lark.cache), the built-in cells' summaries (cells/summaries/) and the compiled
form of the package's regular expressions (read/grammars/patterns.cache, see read.patterns).

    python -m symcount.shipped     # regenerate them; a file whose content is unchanged is not rewritten
"""
from __future__ import annotations

import hashlib
import json
import os

from . import api, cells
from .read import grammar, patterns
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
    was made from this grammar and Python (its stamp; Lark.save's bytes differ run to run)."""
    f = grammar.current()
    if f is not None:
        f.close()
        return False
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


def write_patterns() -> bool:
    """The compiled form of every regular expression the package compiles: those of every module
    (imported here) and those compiled while the built-in cells and the examples were derived and
    explained (write_summaries, run before). Kept: the ones already in the file, still used."""
    import importlib
    import pkgutil
    package = os.path.dirname(os.path.abspath(__file__))
    for info in pkgutil.walk_packages([package], "symcount."):
        if info.name not in ("symcount.__main__",):
            importlib.import_module(info.name)
    examples = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "examples")
    for name in sorted(os.listdir(examples)) if os.path.isdir(examples) else ():
        if name.endswith(".tex"):
            with open(os.path.join(examples, name), encoding="utf-8") as f:
                try:
                    d = api.derive(f.read(), name=name)
                    for fmt in ("markdown", "latex"):
                        api.render(d, fmt)
                except Exception:  # noqa: BLE001 (an example that is not a cell only records fewer patterns)
                    pass
    for text in _REFUSED:  # the paths of a refusal and of plain text compile their own
        try:
            api.derive(text, name="<refused>")
        except Exception:  # noqa: BLE001 (each is refused: what it compiled on the way is recorded)
            pass
    return _replace(patterns.PATTERNS_CACHE, patterns.table(patterns.SEEN))


_REFUSED = ("$$ h_t = \\tanh(W x_t + U h_{t-1} + ) $$\n",
            "$x_t \\in \\mathbb{R}^d, h_t \\in \\mathbb{R}^h$ $$ h_t = x_t \\odot h_{t-1} $$\n",
            "h_t = tanh(W x_t + U h_{t-1} + b)\n")


def main() -> None:
    parser = "rebuilt" if write_parser() else "unchanged"
    written = write_summaries()
    n = len(written)
    compiled = "rewritten" if write_patterns() else "unchanged"
    print(f"parser tables {parser}; {n} {'summary' if n == 1 else 'summaries'} written in {cache.SHIPPED}; "
          f"compiled patterns {compiled}")


if __name__ == "__main__":
    main()
