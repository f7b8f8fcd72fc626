"""Score a folder of snippets: right (the count equals the oracle's), refused (exit 2 with a
message), wrong (a count that differs, with exit 0), and the rest (a dimension left free, a reading
that merges two sizes). python -m tests.corpus.score [FOLDER] [--oracles DIR] [--list]"""
from __future__ import annotations

import importlib.util
import sys
from collections import Counter
from pathlib import Path

from tests.corpus import load


def _oracles(folder: Path) -> dict:
    out = {}
    for path in sorted(folder.glob("oracles*.py")):
        spec = importlib.util.spec_from_file_location(f"_scored_{path.stem}", path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        out.update({n: getattr(module, n) for n in getattr(module, "__all__", ())})
    return out


def score(snippets, oracles: dict) -> list[tuple[str, str, str]]:
    import inspect

    from tests.test_corpus import outcome
    rows = []
    for s in snippets:
        oracle = oracles[s.oracle]
        params = inspect.signature(oracle).parameters
        takes_all = any(p.kind is p.VAR_KEYWORD for p in params.values())
        truth = sum(p.numel() for p in oracle(**{k: v for k, v in s.sizes.items() if takes_all or k in params}).parameters())
        status, value, notes = outcome(s)
        if status == "counted" and value is not None:
            verdict = "right" if value == truth else "WRONG"
        elif status == "refused":
            verdict = "refused"
        else:
            verdict = status if status != "counted" else "free"
        ok = verdict == "right" if s.expect != "refuse" else verdict in ("refused", "free", "conflict")
        rows.append((s.id, verdict, "ok" if ok else "miss"))
    return rows


def main(argv: list[str]) -> int:
    folder = Path(argv[0]) if argv and not argv[0].startswith("--") else load.HERE
    snippet_dir = folder / "snippets"
    snippets = [load.read(p) for p in sorted(snippet_dir.iterdir()) if p.is_file()]
    # a set-aside folder's own oracles, else (once folded in) the corpus's
    rows = score(snippets, {**load.oracles(), **_oracles(folder)} if folder != load.HERE else load.oracles())
    if "--list" in argv:
        for row in rows:
            print(*row, sep="\t")
    counts = Counter(v for _, v, _ in rows)
    ok = sum(1 for r in rows if r[2] == "ok")
    print(f"{len(rows)} snippets: {ok} as expected ({100 * ok / len(rows):.0f}%); " +
          ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
    return 1 if counts.get("WRONG") else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
