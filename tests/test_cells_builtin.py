"""The built-in cell files (symcount/cells/*.tex): their metadata headers, and the framework cells
against the frameworks (the literature cells are in test_cells_literature.py)."""
from __future__ import annotations

import re
from importlib import resources

import pytest

import symcount
from tests.oracles import keras_count, torch_count

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
    assert {"d", "h"} <= set(dims), "d is the input size and h the hidden size across the library"


def test_every_reference_is_cited():
    bib = (CELLS / "references.bib").read_text(encoding="utf-8")
    keys = set(re.findall(r"^@\w+\{([^,]+),", bib, flags=re.M))
    cited = {header((CELLS / f).read_text(encoding="utf-8"))[0]["cite"] for f, _, _ in cell_files()}
    assert keys == cited


# ---- framework cells against the frameworks ---------------------------------------------------

SIZES = [(1, 1), (7, 3), (32, 64)]
STACKS = [(1, False), (2, True), (3, False)]


@pytest.mark.oracle
@pytest.mark.parametrize("bias", [True, False], ids=["bias", "no-bias"])
@pytest.mark.parametrize("layers, bidirectional", STACKS)
@pytest.mark.parametrize("d, h", SIZES)
@pytest.mark.parametrize("name, kind", [("rnn", "RNN"), ("lstm", "LSTM"), ("gru", "GRU")])
def test_pytorch_cells(name, kind, d, h, layers, bidirectional, bias):
    cell = symcount.cell(name, layers=layers, bidirectional=bidirectional, bias=bias)
    expected = torch_count(kind, d, h, num_layers=layers, bidirectional=bidirectional, bias=bias)
    assert cell.evaluate(d=d, h=h) == expected


@pytest.mark.oracle
@pytest.mark.parametrize("bias", [True, False], ids=["bias", "no-bias"])
@pytest.mark.parametrize("layers, bidirectional", STACKS)
@pytest.mark.parametrize("d, h, p", [(1, 2, 1), (7, 5, 3), (32, 64, 16)])
def test_lstm_with_projection(d, h, p, layers, bidirectional, bias):
    cell = symcount.cell("lstmp", layers=layers, bidirectional=bidirectional, bias=bias)
    expected = torch_count("LSTM", d, h, num_layers=layers, bidirectional=bidirectional, bias=bias,
                           proj_size=p)
    assert cell.evaluate(d=d, h=h, p=p) == expected


@pytest.mark.oracle
@pytest.mark.parametrize("bias", [True, False], ids=["bias", "no-bias"])
@pytest.mark.parametrize("layers, bidirectional", STACKS[:2])
@pytest.mark.parametrize("d, h", SIZES)
@pytest.mark.parametrize("name, kind", [("rnn", "SimpleRNN"), ("lstm", "LSTM"), ("gru", "GRU")])
def test_keras_cells(name, kind, d, h, layers, bidirectional, bias):
    cell = symcount.cell(name, convention="keras", layers=layers, bidirectional=bidirectional, bias=bias)
    expected = keras_count(kind, d, h, num_layers=layers, bidirectional=bidirectional, use_bias=bias)
    assert cell.evaluate(d=d, h=h) == expected
