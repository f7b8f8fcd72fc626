"""`symcount list`, `show` and `cell`, from the command line."""
from __future__ import annotations

import json

import pytest

import symcount
from symcount.cli import main


def test_list_names_every_cell_with_description_and_reference(capsys):
    assert main(["list"]) == 0
    out = capsys.readouterr().out
    for name in symcount.cell_names():
        assert any(line.startswith(name + " ") for line in out.splitlines()), name
    assert "Hochreiter" in out
    assert "pytorch/keras" in out  # lstm has both conventions


def test_show_prints_the_latex_a_user_can_modify(capsys, tmp_path):
    assert main(["show", "lstm"]) == 0
    tex = capsys.readouterr().out
    assert r"\sigma" in tex and "% symcount-cell" in tex
    # the printed source is a valid input for derive, and gives the same total
    path = tmp_path / "mine.tex"
    path.write_text(tex, encoding="utf-8")
    assert main(["derive", str(path), "--format", "json"]) == 0
    mine = json.loads(capsys.readouterr().out)
    assert main(["cell", "lstm", "--format", "json"]) == 0
    builtin = json.loads(capsys.readouterr().out)
    assert mine["total"] == builtin["total"] == "4*d*h + 4*h**2 + 8*h"


@pytest.mark.parametrize("argv, message", [
    (["cell", "lsmt"], "unknown cell 'lsmt'; known cells: "),
    (["show", "lsmt"], "unknown cell 'lsmt'; known cells: "),
])
def test_unknown_cell_lists_known_names_and_a_close_match(argv, message, capsys):
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith("symcount: " + message)
    assert "gru" in err and "hint: did you mean 'lstm'?" in err


def test_cell_conventions(capsys):
    assert main(["cell", "lstm", "--convention", "keras", "--format", "json", "--set", "d=8", "--set", "h=4"]) == 0
    keras = json.loads(capsys.readouterr().out)
    assert main(["cell", "lstm", "--format", "json", "--set", "d=8", "--set", "h=4"]) == 0
    torch = json.loads(capsys.readouterr().out)
    assert torch["value"] - keras["value"] == 4 * 4  # one bias vector per gate fewer
    assert keras["cell"]["convention"] == "keras"


def test_cell_no_bias(capsys):
    assert main(["cell", "gru", "--no-bias", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["total"] == "3*d*h + 3*h**2"


def test_unknown_cell_in_another_case_suggests_the_name(capsys):
    assert main(["cell", "LSTM"]) == 2
    assert "hint: did you mean 'lstm'?" in capsys.readouterr().err
