"""match: a cell's one free size for a budget or another cell's count. The solutions equal a
brute-force search over every size up to 10^5 (numpy over all sizes at once) for random built-in
cells, stacks, biases and budgets; the command line's answers, tables and errors."""
from __future__ import annotations

import json
from functools import lru_cache

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import symcount
from tests.modern_layers import BUILDERS as MODERN
from symcount.measure import poly as P
from symcount.measure import solve as M
from symcount.cli import main
from symcount.errors import UsageError
from tests.fuzzing import Calls, fuzz
from tests.oracles import require
from tests.test_solve import LIMIT, brute_force

def cli(argv, capsys):
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err

# ---- the issue's example, from the command line ------------------------------------------------------
def test_the_issue_example(capsys):
    code, out, err = cli(["match", "gru", "--set", "d=512", "--budget", "788480", "--format", "json"], capsys)
    assert code == 0 and err == ""
    data = json.loads(out)
    assert data["dimension"] == "h"
    assert data["at_most"] == {"size": 316, "count": 786840, "gap": -1640, "relative_gap": -1640 / 788480}
    assert data["nearest"]["size"] == 316 and data["nearest"]["count"] == 786840
    assert data["above"]["size"] == 317 and data["above"]["count"] == 790281
    gru = symcount.cell("gru")
    assert gru.evaluate(d=512, h=316) == 786840 <= 788480 < gru.evaluate(d=512, h=317)


def test_text_answer(capsys):
    code, out, _ = cli(["match", "gru", "--set", "d=512", "--budget", "788480"], capsys)
    assert code == 0
    assert out == ("gru at d=512, solved for h: 3*h*(d + h + 2)\n"
                   "budget: 788480\n"
                   "at most:  h=316  786840 (-1640, -0.21%)\n"
                   "above:    h=317  790281 (+1801, +0.23%)\n"
                   "nearest:  h=316  786840 (-1640, -0.21%)\n")


def test_to_another_cell(capsys):
    """Which GRU hidden size matches LSTM(d=512, h=256)? The target takes d from before --to."""
    code, out, _ = cli(["match", "gru", "--set", "d=512", "--to", "lstm", "--set", "h=256", "--format", "json"], capsys)
    data = json.loads(out)
    assert code == 0 and data["budget"] == symcount.cell("lstm").evaluate(d=512, h=256) == 788480
    assert data["target_sizes"] == {"d": 512, "h": 256} and data["nearest"]["size"] == 316
    # sizes after --to override the shared ones
    code, out, _ = cli(["match", "gru", "--set", "d=512", "--to", "lstm", "--set", "h=256", "--set", "d=128",
                        "--format", "json"], capsys)
    data = json.loads(out)
    assert data["target_sizes"] == {"h": 256, "d": 128} and data["sizes"] == {"d": 512}
    assert data["budget"] == symcount.cell("lstm").evaluate(d=128, h=256)


def test_to_several_target_sizes_is_a_table(capsys):
    code, out, _ = cli(["match", "gru", "--set", "d=512", "--to", "lstm", "--set", "h=128:1024:128",
                        "--layers", "2", "--format", "json"], capsys)
    assert code == 0
    rows = json.loads(out)["rows"]
    lstm, gru = symcount.cell("lstm", layers=2), symcount.cell("gru", layers=2)
    assert [r["target_sizes"]["h"] for r in rows] == list(range(128, 1025, 128))
    for r in rows:
        goal = lstm.evaluate(d=512, h=r["target_sizes"]["h"])
        assert r["budget"] == goal
        n = r["nearest"]["size"]
        assert r["nearest"]["count"] == gru.evaluate(d=512, h=n)
        assert abs(gru.evaluate(d=512, h=n) - goal) <= min(abs(gru.evaluate(d=512, h=n + k) - goal) for k in (-1, 1))
    code, out, _ = cli(["match", "gru", "--set", "d=512", "--to", "lstm", "--set", "h=128:256:128"], capsys)
    assert code == 0 and out.splitlines()[3].split() == ["lstm", "h", "lstm", "at", "most:", "gru", "h", "parameters",
                                                         "gap", "nearest:", "gru", "h", "parameters", "gap"]


# ---- the solution equals a brute-force search over every size up to 10^5 ------------------------------------
@lru_cache(maxsize=None)
def derivation(name: str, layers: int, bidirectional: bool, bias: bool):
    return symcount.cell(name, layers=layers, bidirectional=bidirectional, bias=bias)

@st.composite
def problems(draw):
    name = draw(st.sampled_from([n for n in symcount.cell_names() if n not in MODERN]))  # d and h cells
    layers = draw(st.integers(1, 3))
    bidirectional = draw(st.booleans())
    bias = draw(st.booleans())
    d = derivation(name, layers, bidirectional, bias)
    dims = sorted(d.counts.dims)
    free = draw(st.sampled_from(dims))
    sizes = {n: draw(st.integers(1, 600)) for n in dims if n != free}
    return name, layers, bidirectional, bias, free, sizes


@fuzz(60)
@given(problems(), st.data())
def test_matches_equal_brute_force_over_every_size_up_to_1e5(problem, data):
    np = require("numpy")
    name, layers, bidirectional, bias, free, sizes = problem
    d = derivation(name, layers, bidirectional, bias)
    counts = d.evaluate_many(**sizes, **{free: np.arange(1, LIMIT + 1)})
    assume(counts.dtype == np.int64)
    top = int(counts[-2])  # a budget below the count at 10^5: every answer lies within the search
    k = data.draw(st.integers(1, LIMIT - 2))
    budget = data.draw(st.one_of(
        st.integers(1, top),                                      # anywhere
        st.just(int(counts[k - 1])),                              # exactly a count
        st.sampled_from([int(counts[k - 1]) - 1, int(counts[k - 1]) + 1]),  # one off
        st.just((int(counts[k - 1]) + int(counts[k])) // 2),      # halfway: ties
        st.integers(1, max(1, int(counts[0]) + 2)),               # around the smallest size
    ))
    assume(1 <= budget <= top)
    expected = brute_force(counts, budget)
    if expected is None:
        with pytest.raises(UsageError, match=f"no size of {free} meets the budget"):
            symcount.match(name, sizes, budget=budget, layers=layers, bidirectional=bidirectional, bias=bias)
        return
    m = symcount.match(name, sizes, budget=budget, layers=layers, bidirectional=bidirectional, bias=bias)
    assert m.dimension == free
    assert (m.at_most.size, m.at_most.count) == expected[0]
    assert (m.nearest.size, m.nearest.count) == expected[1]
    assert m.above.size == m.at_most.size + 1 and m.above.count == int(counts[m.at_most.size])

# ---- exact at any size, in few steps ----------------------------------------------------------------------
@pytest.mark.parametrize("budget", [10**12, 10**15 + 7, 3 * 10**30, 10**100])
def test_exact_beyond_floats_and_in_few_steps(budget):
    """The answer is exact however large the budget, and the work hardly grows with it: the solver's
    calls grow with the budget's digits (about 400 at 10**100), never with the size it finds."""
    lstm = symcount.cell("lstm", layers=4, bidirectional=True)
    with Calls() as calls:
        m = symcount.match("lstm", {"d": 512}, budget=budget, layers=4, bidirectional=True)
    n = m.at_most.size
    assert lstm.evaluate(d=512, h=n) == m.at_most.count <= budget < lstm.evaluate(d=512, h=n + 1)
    assert m.nearest.size in (n, n + 1)
    assert calls.count < 50_000, f"{calls.count:,} calls"  # about 13,000 in practice
    with Calls() as calls:
        s = M.solve(P.partial(dict(lstm.stacked.total), {"d": 512}), "h", budget)
    assert s == m.rows[0].solution and calls.count < 2_000, f"{calls.count:,} calls"


def test_solving_for_the_input_size_and_the_projection():
    lstmp = symcount.cell("lstmp")
    m = symcount.match("lstmp", {"d": 512, "h": 1024}, budget="10M")
    assert m.dimension == "p"
    assert lstmp.evaluate(d=512, h=1024, p=m.at_most.size) <= 10**7 < lstmp.evaluate(d=512, h=1024, p=m.at_most.size + 1)
    m = symcount.match("gru", {"h": 256}, budget="2**20")
    assert m.dimension == "d" and m.at_most.size == (2**20 - 3 * 256 * (256 + 2)) // (3 * 256)


def test_sizes_a_declaration_bounds(tmp_path):
    """A declared size h - d must be at least 1: the solver searches only where it is."""
    path = tmp_path / "hd.tex"
    path.write_text(r"$W \in \mathbb{R}^{(h-d) \times d}$, $x_t \in \mathbb{R}^d$ $$ h_t = \tanh(W x_t) $$",
                    encoding="utf-8")
    m = symcount.match(str(path), {"d": 10}, budget=10)   # count 10*(h - 10): h >= 11
    assert (m.at_most.size, m.at_most.count) == (11, 10)
    with pytest.raises(UsageError, match="no size of h meets the budget of 9 parameters: the smallest, h=11, gives 10"):
        symcount.match(str(path), {"d": 10}, budget=9)
    # solving for d at h=20: d*(20 - d), which rises then falls, over 1 <= d <= 19
    m = symcount.match(str(path), {"h": 20}, budget=60)
    counts = {d: d * (20 - d) for d in range(1, 20)}
    assert m.at_most.size == max(d for d, c in counts.items() if c <= 60) == 19
    assert (m.nearest.size, m.nearest.count) == (4, 64) and m.above is None   # 64 at d=4 and d=16: the smaller

# ---- errors from the command line ----------------------------------------------------------------------
@pytest.mark.parametrize("argv, message", [
    (["match", "gru", "--set", "d=512", "--budget", "10"], "no size of h meets the budget of 10 parameters: the smallest, h=1, gives 1,545"),
    (["match", "gru", "--budget", "10M"], "2 dimensions of gru are free (h, d): match solves for one"),
    (["match", "gru", "--set", "d=1", "--set", "h=2", "--budget", "10M"], "every dimension of gru has a size"),
    (["match", "gru", "--set", "d=512", "--budget", "ten"], "a budget is a number of parameters, not 'ten'"),
    (["match", "gru", "--set", "d=512", "--budget", "1.5"], "not a whole number"),
    (["match", "gru", "--set", "q=5", "--budget", "10M"], "unknown dimension 'q'"),
    (["match", "gru", "--set", "d=512", "--to", "lstm"], "the count of lstm needs a size for h"),
    (["match", "gru", "--set", "d=512", "--to", "lstm", "--set", "p=3"], "unknown dimension 'p' of lstm"),
    (["match", "gru", "--set", "d=0", "--budget", "10M"], "must be a positive whole number"),
    (["match", "gru", "--set", "d=512", "--budget", "10M", "--plot", "x.svg"], "--plot draws a match against one swept size; none is swept"),
    (["match", "gru", "--set", "d=512", "--budget", "10M", "--log"], "--log applies to --plot"),
    (["match", "gru", "--set", "d=512", "--budget", "10M", "--standalone"], "--standalone applies to LaTeX"),
    (["match", "nope.tex", "--budget", "10M"], "cannot read nope.tex"),
    (["match", "lsmt", "--budget", "10M"], "unknown cell 'lsmt'"),
])
def test_errors_exit_2_with_a_message(argv, message, capsys):
    code, out, err = cli(argv, capsys)
    assert code == 2 and out == ""
    assert err.startswith("symcount: ") and message in err, err
    assert "Traceback" not in err


@pytest.mark.parametrize("argv, message", [
    (["match", "gru", "--set", "d=512"], "one of the arguments --budget --to is required"),
    (["match", "gru", "--set", "d=512", "--budget", "10", "--to", "lstm"], "not allowed with argument --budget"),
])
def test_budget_or_to_is_required(argv, message, capsys):
    with pytest.raises(SystemExit) as exc:
        main(argv)
    assert exc.value.code == 2
    assert message in capsys.readouterr().err


def test_a_parse_error_in_a_file_names_the_line(tmp_path, capsys):
    path = tmp_path / "bad.tex"
    path.write_text("Some prose.\n$$ h_t = \\tanh(W (x_t $$\n", encoding="utf-8")
    code, _, err = cli(["match", str(path), "--budget", "10M"], capsys)
    assert code == 2 and f"{path}:2:" in err


def test_sizes_after_to_are_the_targets_only(capsys):
    code, _, err = cli(["match", "gru", "--to", "lstm", "--set", "h=256", "--set", "d=512"], capsys)
    assert code == 2 and "2 dimensions of gru are free (h, d)" in err
    assert "hint: a --set after --to is lstm's only; one before --to is gru's, and lstm's too" in err


def test_a_sweep_too_large(capsys):
    code, _, err = cli(["match", "gru", "--set", "d=1:1000", "--to", "lstm", "--set", "h=1:1000"], capsys)
    assert code == 2 and "the sweep has 1000000 rows; at most 100000 are printed" in err
