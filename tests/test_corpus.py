"""The public corpus (tests/corpus/): every snippet, verbatim, derived with no edits; the count at
the snippet's sizes equals its torch oracle's, or symcount refuses. Never a wrong number."""
from __future__ import annotations

import re

import pytest

import symcount
from tests.corpus import load
from tests.oracles import require

SNIPPETS = load.snippets()
# Snippets whose text determines the count but that symcount does not read yet (refused, or a size
# left open): the reader's known gaps, listed so that each is visible and none can turn into a wrong
# count. A gap that is closed must be taken off the list (the test says so).
KNOWN_GAPS = dict(line.split("\t")[:2] for line in (load.HERE / "KNOWN_GAPS.tsv").read_text(encoding="utf-8").splitlines()
                  if line.strip() and not line.startswith("#"))
_FONT = re.compile(r"\\(?:mathbf|boldsymbol|bm|mathrm|mathit|mathcal|pmb|symbf|vec)\{([^{}]*)\}")


def _core(name: str) -> str:
    """A signal's letter: \\mathbf{h} -> h; accents kept (\\tilde{h} stays)."""
    return re.split(r"[_^]", _FONT.sub(r"\1", name))[0]


def bind(d, sizes: dict[str, int]) -> dict[str, int]:
    """The snippet's sizes as the derivation's dimensions: a key is a dimension's name, or a signal
    (its exact name, else its letter without fonts, else without accents, else in the other case)."""
    out: dict[str, int] = {}
    signals = d.shapes.signals
    for key, value in sizes.items():
        if key in d.counts.dims:
            dims = [key]
        else:
            dims = []
            for match in (lambda s: s.name == key, lambda s: _core(s.name) == key,
                          lambda s: re.sub(r"\\[A-Za-z]+\{|\}", "", _core(s.name)) == key,
                          # a gatherer's x=7 for a text that writes its input X_t (the letter in the other case)
                          lambda s: re.sub(r"\\[A-Za-z]+\{|\}", "", _core(s.name)).swapcase() == key):
                dims = sorted({t[0] for s in signals if match(s) for t in s.dim.terms
                               if len(s.dim.terms) == 1 and t[1] == 1 and not s.dim.const})
                if dims:
                    break
        for dim in dims:
            assert out.get(dim, value) == value, (
                f"{key}={value} and another size both bind {dim}: the reading made two distinct sizes equal")
            out[dim] = value
    return out


def outcome(snippet) -> tuple[str, int | None, tuple[str, ...]]:
    """("refused", None, ()) or ("counted", value or None when a dimension stays free, notes)."""
    try:
        d = symcount.derive(snippet.body, name=snippet.id, **snippet.options)
    except symcount.SymcountError:
        return "refused", None, ()
    try:
        b = bind(d, snippet.sizes)
    except AssertionError as exc:  # the reading makes two of the snippet's sizes one dimension
        return "conflict", None, (str(exc),)
    free = [n for n in d.counts.dims if n not in b and any(n in dict(m) for m in d.stacked.total)]
    value = None if free else d.evaluate(**{k: v for k, v in b.items() if k in d.counts.dims})
    return "counted", value, d.shapes.notes


@pytest.fixture(scope="module")
def torch():
    return require("torch")


def source_of(snippet) -> str:
    """The snippet's source: a site, or a repository (owner/name) on GitHub."""
    text = snippet.source.split(" ")[0]
    if "://" in text:
        parts = re.sub(r"^https?://(www\.)?", "", text).split("/")
        return "/".join(parts[1:3]) if parts[0] == "github.com" else parts[0]
    return "/".join(text.split(":")[0].split("@")[0].split("/")[:2])


def test_the_known_gaps_are_corpus_snippets_and_few():
    ids = {s.id for s in SNIPPETS}
    assert set(KNOWN_GAPS) <= ids
    assert len(KNOWN_GAPS) <= len(SNIPPETS) // 5, "more than a fifth of the corpus is not read"


def test_the_corpus_is_large_and_varied():
    kinds = {s.kind for s in SNIPPETS}
    sources = {source_of(s) for s in SNIPPETS}
    assert len(SNIPPETS) >= 60 and len(sources) >= 20 and len(kinds) >= 5, (len(SNIPPETS), len(sources), kinds)


@pytest.mark.oracle
@pytest.mark.parametrize("snippet", SNIPPETS, ids=[s.id for s in SNIPPETS])
def test_snippet(snippet, torch):
    truth = load.true_count(snippet)
    status, value, notes = outcome(snippet)
    if status == "counted" and value is not None:
        assert value == truth, f"a wrong count with exit 0: {value}, but {snippet.oracle} has {truth}"
    if snippet.expect == "refuse":
        assert value is None, f"expected a refusal, got {value}"
        return
    if snippet.id in KNOWN_GAPS:
        assert not (status == "counted" and value == truth), \
            f"{snippet.id} is read right now: take it off tests/corpus/KNOWN_GAPS.tsv"
        return
    assert status != "conflict", notes[0]
    assert status == "counted", "refused"
    assert value is not None, "a dimension stays free at the snippet's sizes"
    if snippet.expect == "note":
        assert notes, "the count rests on a guess, but there is no note"
        if snippet.guess:
            assert any(snippet.guess in n for n in notes), notes


def test_the_readme_table_counts_this_corpus():
    """The README's corpus table (`python -m tests.corpus.score --kinds`) counts these snippets and
    sources, kind by kind."""
    readme = (load.HERE.parent.parent / "README.md").read_text(encoding="utf-8")
    rows = dict(re.findall(r"^\| ([a-z-]+) \| (\d+ \| \d+) \|", readme, re.M))
    for kind in sorted({s.kind for s in SNIPPETS}) + ["all"]:
        these = [s for s in SNIPPETS if kind == "all" or s.kind == kind]
        assert rows.get(kind) == f"{len(these)} | {len({source_of(s) for s in these})}", kind
