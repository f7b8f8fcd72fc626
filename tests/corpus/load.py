"""Reading the corpus: each snippet's header, and its oracle's parameter count."""
from __future__ import annotations

import importlib
import pkgutil
import re
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
SNIPPETS = HERE / "snippets"
KINDS = ("framework-docs", "textbook", "wiki", "course-notes", "blog", "readme", "paper")
_HEADER = re.compile(r"^%\s*(?P<key>[a-z-]+)\s*:\s*(?P<value>.*?)\s*$")


@dataclass(frozen=True)
class Snippet:
    path: Path
    text: str
    source: str
    kind: str
    oracle: str
    sizes: dict[str, int]
    expect: str = "count"
    options: dict[str, object] = field(default_factory=dict)
    notation: tuple[str, ...] = ()
    guess: str = ""

    @property
    def id(self) -> str:
        return self.path.name

    @property
    def body(self) -> str:
        """The excerpt as the source has it: the text after the header and its blank line (what a
        user pastes; the header's `%` lines are the corpus's, not the source's)."""
        return self.text.partition("\n\n")[2]


def _options(value: str) -> dict[str, object]:
    out: dict[str, object] = {}
    for part in filter(None, (p.strip() for p in value.split(","))):
        if part == "bidirectional":
            out["bidirectional"] = True
        elif part == "no-bias":
            out["bias"] = False
        elif part.startswith("layers="):
            out["layers"] = int(part.split("=", 1)[1])
        else:
            raise ValueError(f"unknown option {part!r}")
    return out


def read(path: Path) -> Snippet:
    text = path.read_text(encoding="utf-8")
    meta: dict[str, str] = {}
    for line in text.splitlines():
        if not line.strip():
            break
        m = _HEADER.match(line)
        if not m:
            raise ValueError(f"{path.name}: header line {line!r} is not `% key: value`")
        meta[m.group("key")] = m.group("value")
    for key in ("source", "kind", "oracle", "sizes"):
        if not meta.get(key):
            raise ValueError(f"{path.name}: the header has no {key}")
    if meta["kind"] not in KINDS:
        raise ValueError(f"{path.name}: kind {meta['kind']!r} is not one of {KINDS}")
    sizes = {}
    for part in filter(None, (p.strip() for p in meta["sizes"].split(","))):
        name, _, value = part.partition("=")
        sizes[name.strip()] = int(value)
    expect = meta.get("expect", "count")
    if expect not in ("count", "refuse", "note"):
        raise ValueError(f"{path.name}: expect {expect!r} is not count, refuse or note")
    return Snippet(path, text, meta["source"], meta["kind"], meta["oracle"], sizes, expect,
                   _options(meta.get("options", "")),
                   tuple(x.strip() for x in meta.get("notation", "").split(",") if x.strip()),
                   meta.get("guess", ""))


def snippets() -> list[Snippet]:
    return [read(p) for p in sorted(SNIPPETS.iterdir()) if p.is_file() and not p.name.startswith(".")]


def oracles() -> dict:
    """Every oracle function of oracles*.py in this folder, by name."""
    out = {}
    for info in pkgutil.iter_modules([str(HERE)]):
        if info.name.startswith("oracles"):
            module = importlib.import_module(f"tests.corpus.{info.name}")
            for name in getattr(module, "__all__", ()):
                if name in out:
                    raise ValueError(f"oracle {name} is defined twice")
                out[name] = getattr(module, name)
    return out


def true_count(snippet: Snippet) -> int:
    """The oracle's number of parameters. Sizes the oracle does not take only bind symcount's
    dimensions (a gate's size the text leaves open, equal to h in the oracle)."""
    import inspect
    oracle = oracles()[snippet.oracle]
    params = inspect.signature(oracle).parameters
    takes_all = any(p.kind is p.VAR_KEYWORD for p in params.values())
    module = oracle(**{k: v for k, v in snippet.sizes.items() if takes_all or k in params})
    return sum(p.numel() for p in module.parameters())


if __name__ == "__main__":  # python -m tests.corpus.load: every snippet's true count
    found = snippets()
    for s in found:
        print(f"{s.id:<48} {s.kind:<15} {s.oracle:<28} {true_count(s):>10}  {s.expect}")
    print(f"{len(found)} snippets from {len({s.source.split(' ')[0] for s in found})} sources")
