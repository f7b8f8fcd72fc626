"""The command line's front door: a misspelt option prints the subcommand's usage (exit 2); a
built-in cell prints no notes about its own source; every subcommand's positional has a help text."""
from __future__ import annotations

import argparse

import pytest

from symcount.cli import build_parser, main


def test_a_misspelt_option_prints_the_subcommands_usage(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["cell", "lstm", "--fromat", "latex"])
    err = capsys.readouterr().err
    assert exc.value.code == 2 and err.startswith("usage: symcount cell ") and "--fromat" in err


def test_a_builtin_cell_prints_no_notes(capsys):
    assert main(["cell", "minlstm"]) == 0
    assert capsys.readouterr().err == ""


def test_every_argument_of_every_subcommand_has_help():
    ap = build_parser()
    missing = [f"{name} {a.dest}" for name, p in ap.commands.items() for a in p._actions
               if not isinstance(a, argparse._HelpAction) and not a.help]
    assert not missing
