"""--cost and --dtype on the command line: every format gains the cost, and every way to ask
for it wrongly is a clear error (exit 2)."""
from __future__ import annotations

import json

import pytest

from tests.test_cli import run

CONV = r"""
$$ h_t = \tanh(W * x_t + U h_{t-1}) $$
where $*$ denotes the convolution operator, $W \in \mathbb{R}^{k \times k \times d \times h}$,
$x_t \in \mathbb{R}^{d}$ and $h_t \in \mathbb{R}^{h}$.
"""


def test_a_custom_cell_from_latex_gets_every_section(lstm_path, capsys):
    # a file of the user's, with no extra input: text, JSON, Markdown and LaTeX all gain the cost
    base = ["derive", str(lstm_path), "--cost", "--set", "d_x=3", "--set", "d_h=2", "--set", "T=5",
            "--set", "B=2", "--no-cache"]
    code, out, _ = run(base, capsys)
    assert code == 0
    assert "cost per step of one example" in out and "W_{hi} h_{t-1} is a (d_h × d_h) by d_h product: d_h**2" in out
    assert "MACs: 40*B*T*d_h**2 + 40*B*T*d_h*d_x" not in out  # one layer: no stack factor
    assert "MACs: 4*B*T*d_h**2 + 4*B*T*d_h*d_x = 400" in out
    code, out, _ = run(base + ["--format", "json"], capsys)
    cost = json.loads(out)["cost"]
    assert cost["macs"] == {"formula": "4*B*T*d_h**2 + 4*B*T*d_h*d_x", "value": 400,
                            "per_step": {"formula": "4*B*d_h**2 + 4*B*d_h*d_x", "value": 80}}
    assert sum(v["value"] for v in cost["flops"]["breakdown"].values()) == cost["flops"]["value"]
    assert [e["lhs"] for e in cost["equations"]] == ["i_t", "f_t", "g_t", "o_t", "c_t", "h_t"]
    assert cost["memory"]["dtype"] == "float32" and cost["memory"]["bytes_per_entry"] == 4
    code, out, _ = run(base + ["--format", "markdown"], capsys)
    assert "## Cost" in out and "$W_{hi} h_{t-1}$ is a $(d_{h} \\times d_{h})$ by $d_{h}$ product" in out
    code, out, _ = run(base + ["--format", "latex"], capsys)
    assert "\\subsection*{Cost}" in out and "multiply-accumulates" in out


def test_values_are_null_while_a_dimension_is_unbound(capsys):
    code, out, _ = run(["cell", "gru", "--cost", "--format", "json", "--set", "d=4", "--set", "h=3"], capsys)
    cost = json.loads(out)["cost"]
    assert cost["macs"]["value"] is None and cost["macs"]["formula"] == "3*B*T*d*h + 3*B*T*h**2"
    assert cost["macs"]["per_step"]["value"] is None
    assert cost["memory"]["parameters"]["value"] == 4 * (3 * 3 * (4 + 3 + 2))  # no T or B in it
    assert cost["equations"][0]["macs"]["value"] == 3 * 4 + 3 * 3


def test_dtype_sets_the_bytes_per_entry(capsys):
    argv = ["cell", "lstm", "--cost", "--format", "json", "--set", "d=8", "--set", "h=4", "--set", "T=3", "--set", "B=2"]
    memory = {}
    for dtype in ("float32", "float16", "int8"):
        code, out, _ = run(argv + ["--dtype", dtype], capsys)
        assert code == 0
        memory[dtype] = json.loads(out)["cost"]["memory"]
    for part in ("parameters", "state", "activations"):
        assert memory["float32"][part]["value"] == 2 * memory["float16"][part]["value"] == 4 * memory["int8"][part]["value"]


def test_no_bias_drops_the_bias_additions(capsys):
    argv = ["cell", "lstm", "--cost", "--format", "json", "--set", "d=8", "--set", "h=4", "--set", "T=3", "--set", "B=2"]
    with_bias = json.loads(run(argv, capsys)[1])["cost"]["flops"]["breakdown"]
    without = json.loads(run(argv + ["--no-bias"], capsys)[1])["cost"]["flops"]["breakdown"]
    assert without["bias"]["value"] == 0 and with_bias["bias"]["value"] == 8 * 4 * 3 * 2
    assert without["elementwise"] == with_bias["elementwise"] and without["matrix"] == with_bias["matrix"]


def test_a_sweep_has_cost_columns(capsys):
    code, out, _ = run(["cell", "lstm", "--cost", "--set", "d=512", "--set", "h=128,256", "--set", "T=100",
                        "--set", "B=1", "--format", "json"], capsys)
    rows = json.loads(out)["sweep"]
    assert [r["cost"]["macs"] for r in rows] == [100 * (4 * h * 512 + 4 * h * h) for h in (128, 256)]
    code, out, _ = run(["cell", "lstm", "--cost", "--set", "d=512", "--set", "h=128,256", "--set", "T=100"], capsys)
    assert out.splitlines()[2].split() == ["h", "parameters", "MACs", "FLOPs"]
    assert "32768000*B" in out  # B unbound: the formula that is left


@pytest.mark.parametrize("argv, message", [
    (["cell", "lstm", "--set", "T=100"], "add --cost"),
    (["cell", "lstm", "--dtype", "float16"], "--dtype applies to the cost"),
    (["cell", "lstm", "--cost", "--set", "T=0"], "positive whole number"),
])
def test_asking_wrongly_is_a_usage_error(argv, message, capsys):
    code, _, err = run(argv, capsys)
    assert code == 2 and message in err and "Traceback" not in err


def test_a_convolution_has_no_cost_but_its_parameters_count(capsys, monkeypatch):
    code, out, _ = run(["derive", "-", "--set", "d=2", "--set", "h=3", "--set", "k=3", "--no-cache"], capsys, CONV,
                       monkeypatch)
    assert code == 0 and "value at" in out
    code, _, err = run(["derive", "-", "--cost", "--no-cache"], capsys, CONV, monkeypatch)
    assert code == 2 and "cannot count the cost of a convolution" in err and "<stdin>:2" in err


def test_a_cell_whose_dimension_is_named_t_is_refused_a_cost(capsys, monkeypatch):
    text = r"$x_t \in \mathbb{R}^{T}, h_t \in \mathbb{R}^{h}$ $$ h_t = \tanh(W x_t + U h_{t-1}) $$"
    code, _, err = run(["derive", "-", "--cost", "--no-cache"], capsys, text, monkeypatch)
    assert code == 2 and "dimension named T" in err and "rename" in err


def test_the_shipped_and_the_fresh_paths_give_the_same_bytes(capsys):
    argv = ["cell", "lstmp", "--cost", "--layers", "2", "--bidirectional", "--set", "d=9", "--set", "h=5",
            "--set", "p=3", "--set", "T=4"]
    for fmt in ("text", "json", "markdown", "latex"):
        shipped = run(argv + ["--format", fmt], capsys)[1]
        fresh = run(argv + ["--format", fmt, "--no-cache"], capsys)[1]
        assert shipped == fresh


# ---- compare and match count the cost with --cost -----------------------------------------------------
def test_compare_counts_the_cost(capsys):
    import symcount
    code, out, _ = run(["compare", "lstm", "gru", "--cost", "--set", "d=512", "--set", "h=128:512:128",
                        "--set", "T=100", "--set", "B=2", "--format", "json"], capsys)
    data = json.loads(out)
    assert code == 0 and data["measure"] == "MACs"
    for row in data["rows"]:
        for cell in ("lstm", "gru"):
            want = symcount.cell(cell).cost.evaluate(d=512, h=row["sizes"]["h"], T=100, B=2)["macs"]
            assert row["counts"][cell] == want
    code, out, _ = run(["compare", "lstm", "rnn", "--cost", "flops", "--set", "d=8", "--set", "h=4",
                        "--set", "T=3", "--set", "B=1", "--layers", "2", "--format", "json"], capsys)
    counts = json.loads(out)["rows"][0]["counts"]
    assert counts["rnn"] == symcount.cell("rnn", layers=2).cost.evaluate(d=8, h=4, T=3, B=1)["flops"]


def test_match_solves_for_a_size_by_its_cost(capsys):
    import symcount
    code, out, _ = run(["match", "gru", "--cost", "--set", "d=512", "--set", "T=100", "--set", "B=1",
                        "--to", "lstm", "--set", "h=256", "--format", "json"], capsys)
    data = json.loads(out)
    target = symcount.cell("lstm").cost.evaluate(d=512, h=256, T=100, B=1)["macs"]
    gru = symcount.cell("gru").cost

    def macs(h):
        return gru.evaluate(d=512, h=h, T=100, B=1)["macs"]
    assert data["measure"] == "MACs" and data["budget"] == target
    h = data["at_most"]["size"]
    assert macs(h) <= target < macs(h + 1) and data["at_most"]["count"] == macs(h)


def test_match_solves_for_the_sequence_length_in_a_flops_budget(capsys):
    import symcount
    code, out, _ = run(["match", "lstm", "--cost", "flops", "--set", "d=512", "--set", "h=256", "--set", "B=1",
                        "--budget", "1e9", "--format", "json"], capsys)
    data = json.loads(out)
    assert code == 0 and data["dimension"] == "T"
    cost = symcount.cell("lstm").cost

    def flops(t):
        return cost.evaluate(d=512, h=256, T=t, B=1)["flops"]
    t = data["at_most"]["size"]
    assert flops(t) <= 10**9 < flops(t + 1)


def test_match_by_cost_needs_the_sequence_and_the_batch(capsys):
    code, _, err = run(["match", "lstm", "--cost", "--set", "d=512", "--budget", "1e9"], capsys)
    assert code == 2 and "3 dimensions of lstm are free (h, T, B)" in err
