"""Score a folder of snippets: right (the count equals the oracle's), refused (exit 2 with a
message), wrong (a count that differs, with exit 0), and the rest (a dimension left free, a reading
that merges two sizes). python -m tests.corpus.score [FOLDER] [--list] [--kinds]"""
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
        rows.append((s.id, verdict, "ok" if ok else "miss", bool(notes)))
    return rows


def by_kind(snippets, rows) -> str:
    """The README's table: per kind of source, the snippets and their sources; of the countable ones,
    how many are read right (and of those, with a note), not read yet (refused, or a size left
    open) and wrong; and the texts that do not determine a count, refused as they should be."""
    from tests.test_corpus import source_of
    out = ["| kind | snippets | sources | countable | read right | with a note | not read yet | wrong "
           "| count undetermined: refused |", "|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    kinds = sorted({s.kind for s in snippets}, key=lambda k: (-sum(1 for s in snippets if s.kind == k), k))
    for kind in [*kinds, None]:
        pairs = [(s, r) for s, r in zip(snippets, rows) if kind is None or s.kind == kind]
        counted = [r for s, r in pairs if s.expect != "refuse"]
        right = [r for r in counted if r[1] == "right"]
        wrong = sum(1 for r in counted if r[1] == "WRONG")
        undetermined = [r for s, r in pairs if s.expect == "refuse"]
        out.append(f"| {kind or 'all'} | {len(pairs)} | {len({source_of(s) for s, _ in pairs})} | {len(counted)} | "
                   f"{len(right)} | {sum(1 for r in right if r[3])} | {len(counted) - len(right) - wrong} | {wrong} | "
                   f"{sum(1 for r in undetermined if r[2] == 'ok')} of {len(undetermined)} |")
    return "\n".join(out)


def main(argv: list[str]) -> int:
    folder = Path(argv[0]) if argv and not argv[0].startswith("--") else load.HERE
    snippet_dir = folder / "snippets"
    snippets = [load.read(p) for p in sorted(snippet_dir.iterdir()) if p.is_file()]
    # a set-aside folder's own oracles, else (once folded in) the corpus's
    rows = score(snippets, {**load.oracles(), **_oracles(folder)} if folder != load.HERE else load.oracles())
    if "--list" in argv:
        for row in rows:
            print(*row[:3], sep="\t")
    if "--kinds" in argv:
        print(by_kind(snippets, rows))
    counts = Counter(r[1] for r in rows)
    ok = sum(1 for r in rows if r[2] == "ok")
    print(f"{len(rows)} snippets: {ok} as expected ({100 * ok / len(rows):.0f}%); " +
          ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
    return 1 if counts.get("WRONG") else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
