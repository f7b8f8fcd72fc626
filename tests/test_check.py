"""symcount check: a module's tensors against the equations; exit 0 when they agree, 3 when they
differ, 2 on bad input; text and JSON."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

import symcount
from symcount import api
from tests.oracles import require

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LSTM_TEX = os.path.join(ROOT, "examples", "lstm.tex")


def cli(*args):
    return subprocess.run([sys.executable, "-m", "symcount", *args], capture_output=True, text=True, cwd=ROOT,
                          env=dict(os.environ, PYTHONPATH=ROOT))


@pytest.fixture(scope="module")
def saved(tmp_path_factory):
    torch = require("torch")
    where = tmp_path_factory.mktemp("state")
    out = {}
    for name, module in (("lstm", torch.nn.LSTM(37, 23)), ("gru", torch.nn.GRU(37, 23))):
        out[name] = str(where / f"{name}.pt")
        torch.save(module.state_dict(), out[name])
    out["junk"] = str(where / "junk.pt")
    with open(out["junk"], "wb") as f:
        f.write(b"not a torch file")
    return out


@pytest.mark.oracle
def test_the_lstm_agrees_with_torch_lstm_and_differs_from_torch_gru(saved):
    ok = cli("check", "lstm", "--set", "d=37", "--set", "h=23", "--state-dict", saved["lstm"])
    assert ok.returncode == 0, ok.stderr
    assert "they agree" in ok.stdout and "weight_ih_l0[23:46]" in ok.stdout
    bad = cli("check", "lstm", "--set", "d=37", "--set", "h=23", "--state-dict", saved["gru"])
    assert bad.returncode == 3
    assert "weight_ih_l0 is (69, 37)" in bad.stdout and "stack to (92, 37)" in bad.stdout
    assert "missing: b_{ii} (23,) of lstm.tex:16:1 (i_t)" in bad.stdout


@pytest.mark.oracle
def test_the_examples_file_likewise(saved):
    assert cli("check", LSTM_TEX, "--set", "d_x=37", "--set", "d_h=23", "--state-dict", saved["lstm"]).returncode == 0
    r = cli("check", LSTM_TEX, "--set", "d_x=37", "--set", "d_h=23", "--state-dict", saved["gru"], "--format", "json")
    assert r.returncode == 3
    report = json.loads(r.stdout)
    assert report["agree"] is False and report["parameters"] == 4 * (23 * 37 + 23 * 23 + 2 * 23)
    kinds = {x["kind"] for x in report["differences"]}
    assert kinds == {"wrong shape", "missing", "extra"}
    assert all("line" in x for x in report["differences"] if x["kind"] != "extra")


@pytest.mark.oracle
def test_gru_and_rnn_agree_with_torch():
    torch = require("torch")
    for name, module in (("gru", torch.nn.GRU), ("rnn", torch.nn.RNN)):
        d = symcount.cell(name, sizes={"d": 5, "h": 4})
        assert api.check(d, module(5, 4).state_dict()).agree
        assert not api.check(d, module(5, 3).state_dict()).agree


@pytest.mark.oracle
def test_a_module_class_with_its_arguments():
    r = cli("check", "gru", "--set", "d=8", "--set", "h=6", "--module", "torch.nn:GRU", "--args", "[8, 6]",
            "--format", "json")
    assert r.returncode == 0, r.stderr
    mapping = json.loads(r.stdout)["mapping"]
    assert [m["parameter"] for m in mapping[:3]] == ["W_{ir}", "W_{iz}", "W_{in}"]
    assert [m["rows"] for m in mapping[:3]] == [[0, 6], [6, 12], [12, 18]]
    r = cli("check", "gru", "--set", "d=8", "--set", "h=6", "--module", "torch.nn:GRU",
            "--args", '{"input_size": 8, "hidden_size": 6, "bias": false}')
    assert r.returncode == 3 and "missing: b_{ir}" in r.stdout


def test_one_bias_per_gate_takes_the_sum_of_torchs_two():
    """A GRU written with one bias per gate (Keras' reset_after=False layout aside): bias_ih + bias_hh."""
    text = r"""
    \begin{align*}
    h_t &= \tanh(W x_t + U h_{t-1} + b)
    \end{align*}"""
    d = symcount.derive(text, sizes={"d_x": 3, "d_h": 2})
    result = api.check(d, {"weight_ih_l0": (2, 3), "weight_hh_l0": (2, 2), "bias_ih_l0": (2,), "bias_hh_l0": (2,)})
    assert result.agree, result.differences
    bias = next(link for link in result.links if link.latex == "b")
    assert bias.plus is not None and "summed" in bias.how
    assert result.expected == 2 * 3 + 2 * 2 + 2 and result.found == result.expected + 2


def test_transposed_storage_and_names():
    text = r"h_t = \tanh(W_{xh} x_t + W_{hh} h_{t-1} + b_h)"
    d = symcount.derive(text, sizes={"d_x": 3, "d_h": 2})
    result = api.check(d, {"cell.W_xh": (3, 2), "cell.W_hh": (2, 2), "cell.b_h": (2,)})
    assert result.agree
    assert next(link for link in result.links if link.latex == "W_{xh}").transposed
    wrong = api.check(d, {"W_xh": (3, 3), "W_hh": (2, 2), "b_h": (2,)})
    assert [x["kind"] for x in wrong.differences] == ["wrong shape"]


@pytest.mark.oracle
def test_keras_lstm_weights_map_transposed():
    torch = require("torch")
    d = symcount.cell("lstm", convention="keras", sizes={"d": 5, "h": 3})
    shapes = {"kernel": (5, 12), "recurrent_kernel": (3, 12), "bias": (12,)}
    result = api.check(d, shapes)
    assert result.agree, result.differences
    assert all(link.transposed for link in result.links if link.tensor != "bias")
    del torch


@pytest.mark.parametrize("args,message", [
    (("--state-dict", "/nonexistent.pt"), "cannot read"),
    (("--module", "torch.nn.LSTM"), "pkg.mod:Class"),
    (("--module", "torch.nn:LSTM", "--args", "[37,"), "not JSON"),
    (("--module", "torch.nn:Nope"), "cannot import"),
])
def test_bad_input_exits_2(args, message):
    require("torch")
    r = cli("check", "lstm", "--set", "d=37", "--set", "h=23", *args)
    assert r.returncode == 2 and message in r.stderr and "Traceback" not in r.stderr


def test_a_file_that_is_not_a_state_dict_and_open_sizes_exit_2(saved):
    r = cli("check", "lstm", "--set", "d=37", "--set", "h=23", "--state-dict", saved["junk"])
    assert r.returncode == 2 and "state_dict" in r.stderr and "Traceback" not in r.stderr
    r = cli("check", "lstm", "--set", "d=37", "--state-dict", saved["lstm"])
    assert r.returncode == 2 and "--set h=N" in r.stderr


def test_safetensors_when_installed(tmp_path):
    torch = require("torch")
    try:
        from safetensors.torch import save_file
    except ImportError:
        pytest.skip("safetensors is not installed")
    path = str(tmp_path / "lstm.safetensors")
    save_file({k: v.contiguous() for k, v in torch.nn.LSTM(4, 3).state_dict().items()}, path)
    assert cli("check", "lstm", "--set", "d=4", "--set", "h=3", "--state-dict", path).returncode == 0


@pytest.mark.parametrize("argv", [["check", "lstm", "--set", "d=3", "--set", "h=2", "--state-dict", "x.pt"],
                                  ["torch", "lstm"]])
def test_without_torch_check_and_torch_exit_2_with_the_pip_command(argv):
    code = ("import sys; sys.modules['torch'] = None\nfrom symcount.cli import main\n"
            f"sys.exit(main({argv!r}))")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT,
                       env=dict(os.environ, PYTHONPATH=ROOT))
    assert r.returncode == 2 and "pip install 'symcount[torch]'" in r.stderr and "Traceback" not in r.stderr
