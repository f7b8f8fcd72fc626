"""The CLI's output contract: text and JSON, for derive and for standard input."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest
import sympy

from symcount.cli import main


def run(argv, capsys, stdin=None, monkeypatch=None):
    if stdin is not None:
        import io
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def test_json_contract(lstm_path, capsys):
    code, out, err = run(["derive", str(lstm_path), "--format", "json", "--set", "d_x=512",
                          "--set", "d_h=256", "--layers", "2", "--bidirectional"], capsys)
    assert code == 0 and err == ""
    data = json.loads(out)
    assert data["value"] == 3153920
    assert data["dims"]["x"] == "d_x" and data["dims"]["h"] == "d_h"
    # total is a sympy-parsable formula of the whole requested stack
    total = sympy.sympify(data["total"])  # safe: our own output, in a test
    assert int(total.subs({"d_x": 512, "d_h": 256})) == 3153920
    first = data["parameters"][0]
    assert set(first) >= {"name", "shape", "count"}
    w_hi = next(p for p in data["parameters"] if p["name"] == "W_{hi}")
    assert w_hi["shape"] == ["d_h", "d_h"] and w_hi["count"] == "d_h**2"
    assert data["cell_total"] == "4*d_h**2 + 4*d_h*d_x + 8*d_h"
    assert data["layers"] == 2 and data["directions"] == 2


def test_json_value_is_null_while_unbound(lstm_path, capsys):
    code, out, _ = run(["derive", str(lstm_path), "--format", "json", "--set", "d_x=3"], capsys)
    assert code == 0
    assert json.loads(out)["value"] is None


def test_text_table(lstm_path, capsys):
    code, out, _ = run(["derive", str(lstm_path), "--set", "d_x=512", "--set", "d_h=256"], capsys)
    assert code == 0
    assert "W_{hi}     d_h × d_h  d_h**2" in out
    assert "total: 4*d_h**2 + 4*d_h*d_x + 8*d_h" in out
    assert "factored: 4*d_h*(d_h + d_x + 2)" in out
    assert "value at d_h=256, d_x=512: 788480" in out


def test_no_bias_on_user_files(lstm_path, capsys):
    code, out, _ = run(["derive", str(lstm_path), "--no-bias", "--format", "json"], capsys)
    assert code == 0
    data = json.loads(out)
    assert data["total"] == "4*d_h**2 + 4*d_h*d_x"
    assert not any(p["bias"] for p in data["parameters"])


def test_reads_standard_input(lstm_path, capsys, monkeypatch):
    code, out, _ = run(["derive", "-", "--format", "json"], capsys, stdin=lstm_path.read_text(), monkeypatch=monkeypatch)
    assert code == 0
    assert json.loads(out)["source"] == "<stdin>"


def test_output_is_deterministic(lstm_path):
    args = [sys.executable, "-m", "symcount", "derive", str(lstm_path), "--format", "json", "--layers", "3"]
    a = subprocess.run(args, capture_output=True, check=True).stdout
    b = subprocess.run(args, capture_output=True, check=True, env={"PYTHONHASHSEED": "123", "PATH": ""}).stdout
    assert a == b


def test_console_script_and_module_agree(lstm_path):
    import shutil
    exe = shutil.which("symcount")
    args = ["derive", str(lstm_path), "--format", "json"]
    mod = subprocess.run([sys.executable, "-m", "symcount", *args], capture_output=True, check=True).stdout
    import os
    from pathlib import Path
    installed = subprocess.run([sys.executable, "-c", "import symcount; print(symcount.__file__)"], cwd=os.sep,
                               capture_output=True, text=True).stdout.strip()
    here = Path(__file__).resolve().parent.parent
    if exe is not None and installed and Path(installed).resolve().is_relative_to(here):  # else: another checkout's
        assert subprocess.run([exe, *args], capture_output=True, check=True).stdout == mod


@pytest.mark.parametrize("argv", [
    ["cell", "lstm", "--set", "d=512", "--layers", "2", "--bidirectional", "--format", "json"],
    ["derive", "x.tex", "--cost", "--dtype", "float16", "--section", "total"],
    ["compare", "lstm", "gru", "--set", "h=1,2", "--plot", "a.svg", "--log"],
    ["match", "gru", "--set", "d=512", "--to", "lstm", "--set", "h=256"],
    ["docs", "--output", "site", "--math", "mathjax"], ["list", "--format", "json"], ["show", "gru"],
])
def test_parser_of_one_command_parses_as_the_whole(argv):
    """main builds only the options of the command given; the arguments read the same."""
    from symcount.cli import build_parser
    assert vars(build_parser(argv[0]).parse_args(argv)) == vars(build_parser().parse_args(argv))


FAST = [
    "cell lstm", "cell lstm --set d=512 --set h=256 --layers 2 --bidirectional", "cell gru --convention keras",
    "derive x.tex --no-cache", "derive - --format json", "derive x.tex --cost --dtype float16 --section total "
    "--section cost --title T --bib refs.bib --output o.tex --format latex --standalone --no-bias",
    "cell lstm --read P_i=diagonal --read *=matrix --template t.md --layers +03",
    "cell lstm --bidirectional --bidirectional --layers 1 --layers 2",
    "derive x.tex --format latex --brief --detail --numbered --cite K --label eq --placement top",
]
NOT_FAST = [
    "cell", "cell lstm gru", "cell lstm --layers two", "cell lstm --layers=2", "cell lstm --bidir", "cell lstm -h",
    "cell lstm --format csv", "cell lstm --dtype float7", "cell lstm --convention jax", "derive x.tex --convention keras",
    "cell lstm --set", "cell lstm --set -d=1", "cell lstm -- x", "derive -x.tex", "compare lstm gru", "list",
    "cell lstm --layers 99999999999999999999999999999999", "cell lstm --unknown", "cell lstm --placement side",
    "cell lstm --heading-level 2",
]


@pytest.mark.parametrize("line", FAST + NOT_FAST)
def test_fast_arguments_read_as_argparse_reads_them(line):
    """derive and cell's plain arguments are read without argparse, into the same namespace argparse
    makes of them; anything else (an error, --help, an abbreviation, --opt=value) is left to argparse."""
    from symcount.cli import build_parser, fast_args
    argv = line.split()
    fast = fast_args(argv)
    if line in NOT_FAST:
        assert fast is None
    else:
        assert fast is not None and vars(fast) == vars(build_parser(argv[0]).parse_args(argv))


def test_builtin_cells_print_no_notes(capsys):
    """A built-in cell's own source is not the user's to fix: no note about it on stderr (minlstm had some)."""
    from symcount import cells
    argvs = [["cell", name, "--convention", conv] for name, conv in cells.files()] + [["show", "minlstm"]]
    assert ["cell", "minlstm", "--convention", "pytorch"] in argvs
    for argv in argvs:
        assert main(argv) == 0, argv
        out, err = capsys.readouterr()
        assert out and err == "", (argv, err)


@pytest.mark.parametrize("command", sorted(__import__("symcount.cli", fromlist=["_COMMANDS"])._COMMANDS))
def test_every_commands_help_prints_its_options_as_written(command):
    """--help of each command: every option's help as written (a `%` in a help string is argparse's
    formatting: unescaped, it printed the option's internals instead)."""
    from symcount.cli import build_parser
    text = build_parser(command).commands[command].format_help()
    assert "option_strings" not in text and "argparse." not in text
    assert "--" in text
