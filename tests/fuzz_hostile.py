"""A bounded hostile-input fuzz of the command line, run by tests/test_fuzz_hostile.py in a subprocess
limited in memory (resource.setrlimit, RLIMIT_AS): random bytes, token soups with long repetitions,
deep nesting, control characters, huge numbers, hostile options and templates. Every case must exit
0 or 2 (never 1: an internal error), each within CASE_CALLS function calls (a count, the same on any
machine; tests/fuzzing.py: `Calls`).

    python tests/fuzz_hostile.py [EXAMPLES_PER_STRATEGY]

Without an argument: EXAMPLES_DEFAULT cases per strategy, LONG_FACTOR times more with SYMCOUNT_FUZZ=long.
"""
from __future__ import annotations

import io
import os
import sys
import tempfile

from hypothesis import given, settings
from hypothesis import strategies as st

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

from symcount.cli import main  # noqa: E402
from tests import fuzzing  # noqa: E402

EXAMPLES_DEFAULT = 30    # cases per strategy (5 strategies); SYMCOUNT_FUZZ=long: 300
EXAMPLES = int(sys.argv[1]) if len(sys.argv) > 1 else fuzzing.examples(EXAMPLES_DEFAULT)
CASE_CALLS = 50_000_000   # function calls of one case: the largest inputs here take a few million
TOKENS = ["$", "$$", r"\[", r"\]", "h_t", "h_{t-1}", "x_t", "W", "U_{hi}", "b", r"\tilde{c}_t", r"\mathbf{W}", "=", "+",
          "-", r"\odot", r"\cdot", "*", "(", ")", "[", "]", "{", "}", ",", ";", "&", r"\\", r"\sigma", r"\tanh",
          r"\in", r"\mathbb{R}", "^", "_", r"\times", "d", "h", r"\alpha", r"^\top", r"\left(", r"\right)", "%", "\n",
          " ", r"\begin{bmatrix}", r"\end{bmatrix}", r"\frac{1}{2}", "99999999999999999999", "\x1b[31m", "\x00", "\u202e",
          "é", "⊙", "ℝ", "\udcff", "W_{" + "a" * 50 + "}", r"\text{Linear}", r"\operatorname{diag}"]
CELL = "$$ h_t = \\tanh(W x_t + U h_{t-1} + b) $$\n"
OPTIONS = st.lists(st.sampled_from([
    ["--format", "json"], ["--format", "markdown"], ["--format", "latex", "--standalone"], ["--no-bias"],
    ["--bidirectional"], ["--layers", "3"], ["--layers", str(10**9)], ["--layers", str(10**30)], ["--layers", "-1"],
    ["--set", "d_h=" + "9" * 999], ["--set", "d_h=" + "9" * 1001], ["--set", "d_h=1:100000"], ["--set", "d_x=1,2,3"],
    ["--set", "d_h=0"], ["--set", "nope=3"], ["--no-cache"],
]), max_size=3).map(lambda parts: [x for p in parts for x in p])


def run(stdin: bytes, argv: list[str]) -> None:
    """The command line on stdin bytes: exit 0 or 2, within CASE_CALLS function calls."""
    out = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
    err = io.StringIO()
    old = sys.stdin, sys.stdout, sys.stderr
    sys.stdin = io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8")
    sys.stdout, sys.stderr = out, err
    try:
        with fuzzing.Calls() as calls:
            try:
                code = main(["derive", "-", *argv])
            except SystemExit as exc:  # argparse: exit 2 on a bad option
                code = exc.code
    finally:
        sys.stdin, sys.stdout, sys.stderr = old
    assert code in (0, 2), f"exit {code} for {stdin[:200]!r} {argv}:\n{err.getvalue()[-2000:]}"
    assert "internal error" not in err.getvalue(), err.getvalue()[-2000:]
    assert calls.count < CASE_CALLS, f"{calls.count:,} calls for {stdin[:200]!r} {argv}"
    global LARGEST
    LARGEST = max(LARGEST, calls.count)


LARGEST = 0  # the most calls a case took, reported
FUZZ = settings(settings.get_profile(fuzzing.PROFILE), max_examples=EXAMPLES, database=None)


@FUZZ
@given(st.binary(max_size=2000), OPTIONS)
def fuzz_bytes(data, argv):
    run(data, argv)


@FUZZ
@given(st.lists(st.tuples(st.sampled_from(TOKENS), st.integers(1, 2000)), max_size=8), OPTIONS)
def fuzz_repeated_tokens(parts, argv):
    text = "".join(tok * (n if len(tok) * n < 40_000 else 1) for tok, n in parts)
    run(text.encode("utf-8", "surrogateescape"), argv)


@FUZZ
@given(st.integers(1, 20_000), st.integers(0, 20_000), st.sampled_from(["(", "[", "{", r"\left(", r"\tanh(", r"\frac{"]),
       OPTIONS)
def fuzz_nesting(opened, closed, opener, argv):
    closer = {"(": ")", "[": "]", "{": "}", r"\left(": r"\right)", r"\tanh(": ")", r"\frac{": "}{2}"}[opener]
    run((f"$$ h_t = {opener * opened} x_t {closer * closed} + W h_{{t-1}} $$").encode(), argv)


@FUZZ
@given(st.text(st.characters(codec="utf-8"), max_size=300), st.integers(0, 400), OPTIONS)
def fuzz_mutated_cell(insert, at, argv):
    at = min(at, len(CELL))
    run((CELL[:at] + insert + CELL[at:]).encode("utf-8", "surrogateescape"), argv)


TEMPLATE_PARTS = ["{{ title }}", "{{ 'a' * 1000 }}", "{% for p in parameters %}", "{% endfor %}", "{{ p.name }}",
                  "{{ 'x'|center(99999999) }}", "{{ '%099999999d'|format(1) }}", "{% set ns = namespace(s='ab') %}",
                  "{% set ns.s = ns.s ~ ns.s %}", "{% for i in range(100000) %}", "{{ stack.per_layer|list }}",
                  "{{ [title, title] * 1000 }}", "{{ value|number }}", "{{ total }}", "{% if value %}", "{% endif %}"]


# {{ stack.per_layer|list }} makes a list of every layer before the size check refuses it: 30 million
# calls at 10**7 layers, so the default run takes fewer
TEMPLATE_LAYERS = str(10**7 if fuzzing.LONG else 10**5)


@FUZZ
@given(st.lists(st.sampled_from(TEMPLATE_PARTS), max_size=8), st.sampled_from([["--layers", TEMPLATE_LAYERS], []]))
def fuzz_templates(parts, argv):
    with tempfile.NamedTemporaryFile("w", suffix=".md.j2", delete=False) as f:
        f.write("".join(parts))
    try:
        run(CELL.encode(), ["--template", f.name, *argv])
    finally:
        os.unlink(f.name)


def small_template_caps() -> None:
    """The sandbox's caps on steps and sizes lowered, as in tests/test_hostile.py, so that a template
    is stopped by a count before the sandbox's CPU-time stop, on any machine."""
    from symcount.output import sandbox
    sandbox.MAX_TEMPLATE_STEPS = 10**5
    sandbox.MAX_TEMPLATE_SIZE = sandbox.SIZE.limit = 1 << 16


if __name__ == "__main__":
    os.environ.setdefault("SYMCOUNT_CACHE_DIR", tempfile.mkdtemp(prefix="symcount-fuzz-"))
    small_template_caps()
    for fuzz in (fuzz_bytes, fuzz_repeated_tokens, fuzz_nesting, fuzz_mutated_cell, fuzz_templates):
        LARGEST = 0
        fuzz()
        print(f"{fuzz.__name__}: {EXAMPLES} cases, the largest {LARGEST:,} calls", flush=True)
