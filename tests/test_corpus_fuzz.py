"""The corpus, fuzzed: rewritings that keep a snippet's meaning (spacing, \\left( for (, \\circ for
\\odot, \\boldsymbol for \\mathbf, \\, and \\nonumber) never make symcount print another count
with exit 0: it prints the true count, or refuses."""
from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

import symcount
from tests.corpus import load
from tests.fuzzing import fuzz
from tests.oracles import require
from tests.test_corpus import outcome

COUNTED = [s for s in load.snippets() if s.expect != "refuse"]
REWRITES = [
    ("space around +", lambda t: re.sub(r"(?<=[^\s\\])\+(?=[^\s])", " + ", t)),
    ("no space around +", lambda t: re.sub(r" \+ ", "+", t)),
    ("\\circ for \\odot", lambda t: re.sub(r"\\odot(?![A-Za-z])", r"\\circ", t)),
    ("\\odot for \\circ", lambda t: re.sub(r"\\circ(?![A-Za-z])", r"\\odot", t)),
    ("\\boldsymbol for \\mathbf", lambda t: t.replace("\\mathbf{", "\\boldsymbol{")),
    ("( for \\left(", lambda t: t.replace("\\left(", "(").replace("\\right)", ")")),
    ("\\, after =", lambda t: re.sub(r"(?<![<>!&\\])=(?!=)", r"= \\,", t)),
    ("\\nonumber before \\\\", lambda t: re.sub(r"(?<!\\)\\\\\s*\n", r" \\nonumber \\\\\n", t)),
    ("tabs for spaces", lambda t: t.replace("  ", "\t")),
]


@pytest.mark.slow
@fuzz(150)
@given(snippet=st.sampled_from(COUNTED), rewrites=st.lists(st.sampled_from(REWRITES), min_size=1, max_size=3, unique_by=lambda r: r[0]))
def test_meaning_preserving_rewrites_never_give_a_wrong_count(snippet, rewrites):
    require("torch")
    head, _, body = snippet.text.partition("\n\n")
    for _, rewrite in rewrites:
        body = rewrite(body)
    fuzzed = snippet._replace(text=head + "\n\n" + body) if hasattr(snippet, "_replace") else \
        type(snippet)(**{**snippet.__dict__, "text": head + "\n\n" + body})
    status, value, _ = outcome(fuzzed)
    if value is not None:
        assert value == load.true_count(snippet), [name for name, _ in rewrites]
