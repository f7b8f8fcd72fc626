"""Issue 17: a PyTorch module's code with no math, read by what its __init__ declares (read.torchcode).
Each text is also run here, by the test (never by symcount), to build the module torch counts."""
from __future__ import annotations

import os
import textwrap
from pathlib import Path

import pytest

import symcount

torch = pytest.importorskip("torch") if not os.environ.get("CI") else __import__("torch")
nn = torch.nn


def built(code: str, cls: str, *args):
    """The module the code defines, built with args (the test's own code, run by the test)."""
    space = {"torch": torch, "nn": nn, "F": torch.nn.functional, "Module": nn.Module, "Linear": nn.Linear,
             "math": __import__("math")}
    exec(code, space)  # noqa: S102 (the test's own text)
    return sum(p.numel() for p in space[cls](*args).parameters())


def count(code: str, **sizes) -> int:
    return symcount.derive(code, name="cell.py").evaluate(**sizes)


KRDKT = textwrap.dedent('''\
    """
    각 단계에 대한 은닉 노드를 의미함.
    """
    class LSTMCell(Module):
        def __init__(self, input_size, hidden_size, bias=True):
            super(LSTMCell, self).__init__()
            self.input_size = input_size
            self.hidden_size = hidden_size
            self.bias = bias
            self.x2h = Linear(input_size, 4 * hidden_size, bias=bias)
            self.h2h = Linear(hidden_size, 4 * hidden_size, bias=bias)

        def forward(self, x, hidden):
            hx, cx = hidden
            gates = self.x2h(x) + self.h2h(hx)
            ingate, forgetgate, cellgate, outgate = gates.chunk(4, 1)
            cy = torch.mul(cx, torch.sigmoid(forgetgate)) + torch.mul(torch.sigmoid(ingate), torch.tanh(cellgate))
            return torch.mul(torch.sigmoid(outgate), torch.tanh(cy)), cy
    ''')

PARAMS = textwrap.dedent('''\
    import torch
    import torch.nn as nn

    class PeepholeCell(nn.Module):
        def __init__(self, input_dim: int, hidden_dim: int, extra: int, use_bias: bool = False):
            super().__init__()
            H = hidden_dim
            self.W = nn.Parameter(torch.empty(4 * H, input_dim))
            self.U = nn.Parameter(torch.randn(4 * H, H) * 0.01)
            self.p = nn.Parameter(torch.zeros((3 * hidden_dim,)))
            self.scale = nn.Parameter(torch.ones(1))
            if use_bias:
                self.b = nn.Parameter(torch.zeros(4 * H))
            else:
                self.register_parameter("b", None)
            self.norm = nn.LayerNorm(hidden_dim)
            self.rms = nn.RMSNorm(hidden_dim)
            self.drop = nn.Dropout(0.1)
            self.act = nn.Tanh()
            self.side = nn.Linear(extra, hidden_dim, bias=False)
            self.emb = nn.Embedding(extra, input_dim)
            self.head = nn.Sequential(nn.Linear(hidden_dim, extra), nn.ReLU(), nn.Linear(extra, 2))
            self.pair = nn.ModuleList([nn.Linear(hidden_dim, hidden_dim), nn.GRUCell(input_dim, hidden_dim)])
    ''')

LAYERS = textwrap.dedent('''\
    class Model(nn.Module):
        def __init__(self, input_size, hidden_size, output_size):
            super().__init__()
            self.rnn = nn.LSTM(input_size, hidden_size, num_layers=2, batch_first=True, bidirectional=True)
            self.gru = nn.GRU(input_size, hidden_size, bias=False)
            self.fc = nn.Linear(2 * hidden_size, output_size)
    ''')

NESTED = textwrap.dedent('''\
    class Gate(nn.Module):
        def __init__(self, n_in, n_out, bias=True):
            super().__init__()
            self.lin = nn.Linear(n_in, n_out, bias=bias)
            self.rec = nn.Parameter(torch.empty(n_out, n_out))

    class Cell(nn.Module):
        def __init__(self, input_size, hidden_size):
            super().__init__()
            self.forget = Gate(input_size, hidden_size)
            self.update = Gate(n_in=input_size + hidden_size, n_out=hidden_size, bias=False)
    ''')


@pytest.mark.parametrize("code, cls, names", [
    (KRDKT, "LSTMCell", ("input_size", "hidden_size")),
    (PARAMS, "PeepholeCell", ("input_dim", "hidden_dim", "extra")),
    (LAYERS, "Model", ("input_size", "hidden_size", "output_size")),
    (NESTED, "Cell", ("input_size", "hidden_size")),
])
def test_a_modules_code_is_counted_as_torch_counts_it(code, cls, names):
    for sizes in ((7, 5, 3), (11, 4, 6)):
        assert count(code, **dict(zip(names, sizes))) == built(code, cls, *sizes[:len(names)])


def test_the_defaults_it_counts_at_are_noted():
    d = symcount.derive(KRDKT, name="cell.py")
    notes = " ".join(d.shapes.notes)
    assert "bias=bias at cell.py:10:9: counted at the argument's default, bias=True" in notes
    assert "Linear(...) at cell.py:10:9 is read as torch.nn.Linear" in notes
    assert "`if use_bias:` at" in " ".join(symcount.derive(PARAMS, name="cell.py").shapes.notes)


@pytest.mark.parametrize("change, match", [
    ("self.extra = nn.Linear(5, 5)\n        self.build()", "calls self.build"),
    ("self.blocks = nn.ModuleList([nn.Linear(5, 5)])\n        self.blocks.append(nn.Linear(5, 5))", "adds to its modules"),
    ("self.conv = nn.Conv2d(5, 5, 3)", "Conv2d.*which parameters it makes is not known"),
    ("self.w = torch.randn(5, 5, requires_grad=True)", "not registered as an nn.Parameter"),
    ("self.lin2 = nn.Linear(5, 5, bias=flag)", "bias=flag: whether the layer has it is not said"),
    ("for k in range(3):\n            self.w = nn.Linear(5, 5)", "inside a block of Cell.__init__"),
    ("self.w = nn.Parameter(make(5, 5))", "its shape is not read"),
    ("self.w = nn.Linear(5, hidden_size // 2)", "is not read"),
    ("self.blocks = nn.ModuleList([nn.Linear(5, 5) for _ in range(3)])", "how many modules it holds"),
])
def test_what_the_code_does_not_say_is_refused(change, match):
    code = ("class Cell(nn.Module):\n    def __init__(self, input_size, hidden_size, flag):\n        super().__init__()\n"
            "        self.lin = nn.Linear(input_size, hidden_size)\n        " + change + "\n")
    with pytest.raises(symcount.ParseError, match=match):
        symcount.derive(code, name="cell.py")


def test_two_modules_none_holding_the_other_and_a_subclass_are_refused():
    two = NESTED.replace("self.forget = Gate(input_size, hidden_size)", "self.forget = nn.Linear(input_size, hidden_size)")
    two = two.replace("self.update = Gate(n_in=input_size + hidden_size, n_out=hidden_size, bias=False)",
                      "self.update = nn.Linear(hidden_size, hidden_size)")
    with pytest.raises(symcount.ParseError, match="2 modules with parameters.*Gate, Cell"):
        symcount.derive(two, name="cell.py")
    sub = NESTED + "\nclass Peephole(Cell):\n    def __init__(self, input_size, hidden_size):\n" \
        "        super().__init__(input_size, hidden_size)\n        self.p = nn.Parameter(torch.zeros(hidden_size))\n"
    with pytest.raises(symcount.ParseError, match="Peephole inherits from Cell"):
        symcount.derive(sub, name="cell.py")


def test_equations_beside_the_code_are_read_and_not_the_code():
    # a docstring that writes the step's equations: they are what is read (as before); the code is not counted
    code = KRDKT.replace('"""\n각 단계에 대한 은닉 노드를 의미함.\n"""',
                         '"""\n    h_t = tanh(W x_t + U h_{t-1} + b)\n"""')
    d = symcount.derive(code, name="cell.py")
    assert not any("declares in its __init__" in n for n in d.shapes.notes)
    assert "declares in its __init__" in " ".join(symcount.derive(KRDKT, name="cell.py").shapes.notes)
    # and LaTeX math anywhere in the text: the math is read; where it writes no equation of the cell (`$x = 1$`, a
    # value), the module's code is counted, with a note that says so (round 30)
    beside = symcount.derive("$x = 1$\n\n" + KRDKT, name="cell.md")
    assert any("the math writes no equation of the cell" in n for n in beside.shapes.notes)
    assert beside.counts.total == symcount.derive(KRDKT, name="cell.py").counts.total


# An audit's inputs (tests/data/audit23): tutorial code the first version of the reader counted wrong (weight
# tying, a starred Sequential, getattr(nn, ...), weight_norm, `x if flag else y`, one-line and nested ifs, a field
# assigned twice, torch.cat / .repeat, a helper that declares, `a or b` sizes) and forms it refused (`hidden_size * 4`,
# `self.hidden_size`, torch.tensor(0.5), `bias=bias` passed down). Each is refused, or counted as torch counts it.
AUDIT = sorted((Path(__file__).parent / "data" / "audit23").glob("*.py"))
COUNTED = {"r1", "r2", "r3", "r4", "c_innerbias", "c_innerfalse", "c_scalar", "c_ranges", "c_kwargs", "c_two", "c_gn",
           "c_selfsize", "c_ranges2", "c_times4", "c_times4lin", "c_nh", "c_1letter", "c_sum"} | {"b_" + n for n in (
    "t01_shared t05_property t07_torchnnparam t08_bareparam t09_comments_in_call t10_tabs t19_embpad t20_lnnobias "
    "t22_gru2bi t24_2h1 t30_branchenv t34_backslash t35_normal t36_numgates t38_initdoc t39_numlayersdefault "
    "t41_else_env t42_uniform t45_while t52_nestedbranch_env t53_local_after_else").split()}


def _built_from(code: str):
    """The last module class the code defines, built with 7, 5, 3, ... for its arguments with no default (by the test)."""
    import ast
    tree = ast.parse(code)
    cls = [n for n in tree.body if isinstance(n, ast.ClassDef)][-1]
    init = next(n for n in cls.body if isinstance(n, ast.FunctionDef) and n.name == "__init__")
    names = [a.arg for a in init.args.args[1:len(init.args.args) - len(init.args.defaults)]]
    sizes = dict(zip(names, (7, 5, 3, 4, 6)))
    return built(code, cls.name, *sizes.values()), sizes


@pytest.mark.parametrize("path", AUDIT, ids=lambda p: p.stem)
def test_an_audits_code_is_refused_or_counted_as_torch_counts_it(path):
    code = path.read_text(encoding="utf-8")
    try:
        want, sizes = _built_from(code)
    except Exception:  # (an argument that is no size: the code is then only required not to print a count)
        want, sizes = None, {}
    try:
        got = symcount.derive(code, name=path.name).evaluate(**sizes)
    except symcount.SymcountError:
        assert path.stem not in COUNTED, "refused, but the code says every shape"
        return
    assert got == want


def test_equations_with_no_time_index_beside_a_module_are_what_is_read():
    # torch's docs' GRU in plain text (`r = σ(W_ir x + b_ir + W_hr h + b_hr)`, `h' = ...`) above a model of a GRUCell
    # and an output layer: the equations are the cell described (the model's output layer is not counted)
    text = (Path(__file__).parent / "data" / "audit23" / "f15.md").read_text(encoding="utf-8")
    assert symcount.derive(text, name="f15.md").evaluate(d_x=7, d_h=5) == sum(p.numel() for p in nn.GRUCell(7, 5).parameters())
