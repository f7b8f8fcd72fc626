"""The built-in cell files (symcount/cells/*.tex): their metadata headers, and the framework cells
against the frameworks (the literature cells are in test_cells_literature.py)."""
from __future__ import annotations

import re
from importlib import resources

import pytest
from hypothesis import given
from hypothesis import strategies as st

import symcount
from tests.fuzzing import fuzz
from tests.oracles import keras_count, torch_count
from tests.modern_layers import BUILDERS as MODERN

HEADER_KEYS = ("name", "description", "reference", "cite", "framework", "convention")
CELLS = resources.files("symcount") / "cells"


def cell_files() -> list[tuple[str, str, str]]:
    """(file name, cell name, convention) for every cell file."""
    out = []
    for entry in sorted(CELLS.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".keras.tex"):
            out.append((entry.name, entry.name[: -len(".keras.tex")], "keras"))
        elif entry.name.endswith(".tex"):
            out.append((entry.name, entry.name[: -len(".tex")], "pytorch"))
    return out


def header(text: str) -> tuple[dict[str, str], dict[str, str]]:
    """The `% key: value` lines before the first blank line: (keys, dims)."""
    keys, dims = {}, {}
    for line in text.split("\n\n", 1)[0].splitlines()[1:]:
        m = re.fullmatch(r"% (\w+)(?: (\w+))?: (.+)", line)
        assert m, f"not a `% key: value` header line: {line!r}"
        if m.group(1) == "dim":
            dims[m.group(2)] = m.group(3)
        else:
            keys[m.group(1)] = m.group(3)
    return keys, dims


def test_cell_names_are_the_files():
    assert symcount.cell_names() == sorted({name for _, name, _ in cell_files()})


@pytest.mark.parametrize("filename, name, convention", cell_files(), ids=[f for f, _, _ in cell_files()])
def test_cell_file_header(filename, name, convention):
    text = (CELLS / filename).read_text(encoding="utf-8")
    assert text.startswith("% symcount-cell\n")
    keys, dims = header(text)
    assert tuple(keys) == HEADER_KEYS, "the header keys, in this order"
    assert keys["name"] == name
    if convention == "keras":
        assert keys["convention"] == "keras"
    else:
        assert keys["convention"] in ("pytorch", "keras", "paper")
    d = symcount.cell(name, convention=convention)
    assert d.cell.bibtex, f"no entry {keys['cite']!r} in references.bib"
    # every dimension the derivation uses is documented by a `% dim` line, and no other
    assert set(dims) == set(d.symbols)
    if name not in MODERN:  # the modern layers name their sizes as their papers and code do (mamba: d N E R K)
        assert {"d", "h"} <= set(dims), "d is the input size and h the hidden size across the library"


def test_every_reference_is_cited():
    bib = (CELLS / "references.bib").read_text(encoding="utf-8")
    keys = set(re.findall(r"^@\w+\{([^,]+),", bib, flags=re.M))
    cited = {header((CELLS / f).read_text(encoding="utf-8"))[0]["cite"] for f, _, _ in cell_files()}
    assert keys == cited


# ---- framework cells against the frameworks ---------------------------------------------------
# Property tests: hypothesis draws the sizes; every combination of layers, directions and biases
# (and projection) is a parametrized case.

PROPS = fuzz(8)
sizes = st.integers(min_value=1, max_value=512)
COMBOS = [(layers, bidirectional, bias) for layers in (1, 2, 3) for bidirectional in (False, True)
          for bias in (True, False)]


def combo_id(c) -> str:
    layers, bidirectional, bias = c
    return f"{layers}L-{'bi' if bidirectional else 'uni'}-{'bias' if bias else 'nobias'}"


@pytest.fixture(scope="module")
def keras_ready():
    # import keras before hypothesis starts: its import raises the recursion limit, which
    # hypothesis would report from inside a property test
    keras_count("LSTM", 1, 1)


@pytest.mark.oracle
@pytest.mark.parametrize("combo", COMBOS, ids=combo_id)
@pytest.mark.parametrize("name, kind", [("rnn", "RNN"), ("lstm", "LSTM"), ("gru", "GRU")])
@PROPS
@given(d=sizes, h=sizes)
def test_pytorch_cells(name, kind, combo, d, h):
    layers, bidirectional, bias = combo
    cell = symcount.cell(name, layers=layers, bidirectional=bidirectional, bias=bias)
    expected = torch_count(kind, d, h, num_layers=layers, bidirectional=bidirectional, bias=bias)
    assert cell.evaluate(d=d, h=h) == expected


@pytest.mark.oracle
@pytest.mark.parametrize("combo", COMBOS, ids=combo_id)
@PROPS
@given(d=sizes, h=st.integers(min_value=2, max_value=512), data=st.data())
def test_lstm_with_projection(combo, d, h, data):
    layers, bidirectional, bias = combo
    p = data.draw(st.integers(min_value=1, max_value=h - 1), label="p")  # torch: 0 < proj_size < hidden_size
    cell = symcount.cell("lstmp", layers=layers, bidirectional=bidirectional, bias=bias)
    expected = torch_count("LSTM", d, h, num_layers=layers, bidirectional=bidirectional, bias=bias,
                           proj_size=p)
    assert cell.evaluate(d=d, h=h, p=p) == expected


@pytest.mark.oracle
@pytest.mark.parametrize("combo", [c for c in COMBOS if c[0] < 3], ids=combo_id)
@pytest.mark.parametrize("name, kind, options", [
    ("rnn", "SimpleRNN", {}), ("lstm", "LSTM", {}), ("gru", "GRU", {"reset_after": True}),
    ("gru-v1", "GRU", {"reset_after": False}),
])
@fuzz(4)
@given(d=sizes, h=sizes)
def test_keras_cells(keras_ready, name, kind, options, combo, d, h):
    layers, bidirectional, bias = combo
    cell = symcount.cell(name, convention="keras", layers=layers, bidirectional=bidirectional, bias=bias)
    expected = keras_count(kind, d, h, num_layers=layers, bidirectional=bidirectional, use_bias=bias, **options)
    assert cell.evaluate(d=d, h=h) == expected
