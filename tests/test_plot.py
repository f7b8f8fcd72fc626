"""--plot: the SVG is opened as XML and its axes labels, legend entries and data points checked; a
PNG is written; without matplotlib, a clear message and exit status 2."""
from __future__ import annotations

import sys
import xml.etree.ElementTree as ET

import pytest

import symcount
from symcount.cli import main
from tests.oracles import require

SVG = "{http://www.w3.org/2000/svg}"


def cli(argv, capsys):
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def texts(group) -> list[str]:
    return ["".join(t.itertext()).strip() for t in group.iter(f"{SVG}text") if "".join(t.itertext()).strip()]


def parts(path) -> dict[str, ET.Element]:
    root = ET.parse(path).getroot()
    return {g.get("id"): g for g in root.iter(f"{SVG}g") if g.get("id")}


def points(group) -> int:
    """The markers of a line: one <use> per data point."""
    return len(list(group.iter(f"{SVG}use")))


def test_compare_plot_svg(tmp_path, capsys):
    require("matplotlib")
    path = tmp_path / "counts.svg"
    code, out, err = cli(["compare", "lstm", "gru", "mingru", "--set", "d=512", "--set", "h=128:1024:128",
                          "--layers", "2", "--plot", str(path)], capsys)
    assert code == 0 and err == "" and out.startswith("parameters at d=512; 2 layers")
    g = parts(path)
    assert texts(g["xlabel"]) == ["h (hidden size)"]
    assert texts(g["ylabel"]) == ["parameters (2 layers)"]
    c = symcount.compare(["lstm", "gru", "mingru"], {"d": 512, "h": range(128, 1025, 128)}, layers=2)
    assert texts(g["legend"]) == [f"{col.label}: {col.factored.replace('**2', '²').replace('*', '·')}"
                                  for col in c.columns]
    assert texts(g["legend"])[0] == "lstm: 4·h·(d + 3·h + 4)"
    for i in range(3):
        assert points(g[f"series{i}"]) == 8
    assert "series3" not in g


def test_the_same_input_draws_the_same_bytes(tmp_path, capsys):
    require("matplotlib")
    argv = ["compare", "lstm", "gru", "--set", "d=512", "--set", "h=64,128,256"]
    assert cli(argv + ["--plot", str(tmp_path / "a.svg")], capsys)[0] == 0
    assert cli(argv + ["--plot", str(tmp_path / "b.svg")], capsys)[0] == 0
    assert (tmp_path / "a.svg").read_bytes() == (tmp_path / "b.svg").read_bytes()


def test_log_scale(tmp_path, capsys):
    require("matplotlib")
    lin, log = tmp_path / "lin.svg", tmp_path / "log.svg"
    argv = ["compare", "lstm", "rnn", "--set", "d=512", "--set", "h=16:4096:16"]
    assert cli(argv + ["--plot", str(lin)], capsys)[0] == 0
    assert cli(argv + ["--plot", str(log), "--log"], capsys)[0] == 0
    assert points(parts(log)["series1"]) == 256
    ticks = "".join("".join(texts(parts(log)["matplotlib.axis_2"])).split())
    assert "104105106107" in ticks and "," not in ticks   # 10^4 ... 10^7, superscripts as text
    assert "," in " ".join(texts(parts(lin)["matplotlib.axis_2"]))   # 1,000,000 ticks


def test_match_plot(tmp_path, capsys):
    require("matplotlib")
    path = tmp_path / "match.svg"
    code, _, _ = cli(["match", "gru", "--set", "d=512", "--to", "lstm", "--set", "h=128:1024:128", "--plot", str(path)],
                     capsys)
    assert code == 0
    g = parts(path)
    assert texts(g["xlabel"]) == ["lstm h (hidden size)"] and texts(g["ylabel"]) == ["parameters"]
    assert texts(g["legend"]) == ["lstm: 4·h·(d + h + 2)", "gru at the nearest h: 3·h·(d + h + 2)"]
    assert points(g["series0"]) == points(g["series1"]) == 8
    labels = [t for t in texts(g["axes_1"]) if t.startswith("h=")]
    assert labels == ["h=162", "h=316", "h=468", "h=618", "h=768", "h=917", "h=1066", "h=1215"]
    path = tmp_path / "budget.svg"
    code, _, _ = cli(["match", "gru", "--set", "d=128:1024:128", "--budget", "1M", "--plot", str(path)], capsys)
    assert code == 0
    g = parts(path)
    assert texts(g["xlabel"]) == ["d (input size)"]
    assert texts(g["legend"]) == ["budget: 1,000,000", "gru at the nearest h: 3·h·(d + h + 2)"]


def test_png(tmp_path, capsys):
    require("matplotlib")
    path = tmp_path / "counts.png"
    code, _, _ = cli(["compare", "lstm", "gru", "mingru", "rnn", "--set", "d=512", "--set", "h=128:1024:128",
                      "--plot", str(path)], capsys)
    assert code == 0 and path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_the_api_draws_too(tmp_path):
    require("matplotlib")
    m = symcount.match("gru", {"d": 512}, to="lstm", to_sizes={"h": [128, 256]})
    symcount.plot(m, str(tmp_path / "m.svg"), log=True)
    assert points(parts(tmp_path / "m.svg")["series1"]) == 2


def test_without_matplotlib(tmp_path, capsys, monkeypatch):
    for name in [m for m in sys.modules if m == "matplotlib" or m.startswith("matplotlib.")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "matplotlib", None)   # import matplotlib raises ImportError
    code, out, err = cli(["compare", "lstm", "--set", "d=5", "--set", "h=1:4", "--plot", str(tmp_path / "x.svg")], capsys)
    assert code == 2 and out == ""
    assert err == ("symcount: --plot needs matplotlib, which is not installed\n"
                   "  hint: pip install 'symcount[plot]'\n")


@pytest.mark.parametrize("target", ["/nonexistent-dir/x.svg"])
def test_an_unwritable_plot(target, capsys):
    require("matplotlib")
    code, _, err = cli(["compare", "lstm", "--set", "d=5", "--set", "h=1:4", "--plot", target], capsys)
    assert code == 2 and err.startswith("symcount: cannot write /nonexistent-dir/x.svg")
