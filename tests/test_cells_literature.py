"""The built-in literature cells against their papers.

Each cell is checked two ways: against a small torch.nn.Module written here from the paper's
equations (one nn.Linear or nn.Parameter per weight the paper names, so that the module's
parameters are what the paper's equations use), and, where the paper states a count, against it.
The modules also run a step, so they are the cells the papers describe and not just bags of weights.
"""
from __future__ import annotations

import functools

import pytest
import sympy

import symcount
from tests.oracles import keras_count, require

# (d, h): input and hidden size. d != h catches a transposed weight; 1 catches a missing term.
SIZES = [(1, 1), (3, 5), (8, 2), (64, 48), (200, 130)]

GREFF = {  # cell name -> the variant's code in Greff et al. 2017
    "greff-vanilla": "V", "greff-nig": "NIG", "greff-nfg": "NFG", "greff-nog": "NOG",
    "greff-niaf": "NIAF", "greff-noaf": "NOAF", "greff-np": "NP", "greff-cifg": "CIFG",
    "greff-fgr": "FGR",
}
LITERATURE = sorted(["lstm-peephole", "mgu", "mingru", "minlstm", "indrnn", "mlstm", "ugrnn",
                     "gru-v1", *GREFF])


@pytest.fixture(scope="module")
def torch():
    return require("torch")


def n_params(module) -> int:
    return sum(p.numel() for p in module.parameters())


def count(name: str, d: int, h: int, **options) -> int:
    return symcount.cell(name, **options).evaluate(d=d, h=h)


@functools.cache
def paper_modules(torch) -> dict:
    """Cell name -> a factory (d, h, bias) -> torch.nn.Module implementing the paper's equations.

    Each module has `zero_state(batch)` and `forward(x, state) -> (output, state)`."""
    nn = torch.nn
    sigmoid, tanh = torch.sigmoid, torch.tanh

    def linear(n_in, n_out, bias):
        return nn.Linear(n_in, n_out, bias=bias)

    def vector(n):
        return nn.Parameter(torch.zeros(n))

    class Cell(nn.Module):
        states = 1  # how many h-sized state vectors the cell carries

        def __init__(self, d, h):
            super().__init__()
            self.d, self.h = d, h

        def zero_state(self, batch):
            return tuple(torch.zeros(batch, self.h) for _ in range(self.states))

    class PeepholeLSTM(Cell):
        """Gers et al. 2002, Section 2: peephole weights are one per cell (vectors); the output
        gate peeks at the new cell state, the input and forget gates at the old one."""
        states = 2

        def __init__(self, d, h, bias):
            super().__init__(d, h)
            self.W = nn.ModuleDict({g: linear(d, h, bias) for g in "ifco"})
            self.R = nn.ModuleDict({g: linear(h, h, False) for g in "ifco"})
            self.p = nn.ParameterDict({g: vector(h) for g in "ifo"})

        def forward(self, x, state):
            h, c = state
            i = sigmoid(self.W["i"](x) + self.R["i"](h) + self.p["i"] * c)
            f = sigmoid(self.W["f"](x) + self.R["f"](h) + self.p["f"] * c)
            c = f * c + i * tanh(self.W["c"](x) + self.R["c"](h))
            o = sigmoid(self.W["o"](x) + self.R["o"](h) + self.p["o"] * c)
            h = o * tanh(c)
            return h, (h, c)

    class GreffLSTM(Cell):
        """Greff et al. 2017, Section II-A (vanilla, V), with one of the paper's eight variants:
        NIG i=1, NFG f=1, NOG o=1, NIAF g(x)=x, NOAF h(x)=x, NP no peepholes, CIFG f=1-i,
        FGR every gate also reads i, f, o at t-1 through nine recurrent matrices R_{ab}."""
        states = 5  # y, c, and the gates i, f, o at t-1 (read by FGR)

        def __init__(self, d, h, bias, variant):
            super().__init__(d, h)
            self.variant = variant
            dropped = {"NIG": "i", "NFG": "f", "NOG": "o", "CIFG": "f"}.get(variant, "")
            self.gates = [g for g in "zifo" if g != dropped]
            self.W = nn.ModuleDict({g: linear(d, h, bias) for g in self.gates})  # W_g x + b_g
            self.R = nn.ModuleDict({g: linear(h, h, False) for g in self.gates})
            peep = [] if variant == "NP" else [g for g in "ifo" if g in self.gates]
            self.p = nn.ParameterDict({g: vector(h) for g in peep})
            fgr = [a + b for a in "ifo" for b in "ifo"] if variant == "FGR" else []
            self.G = nn.ModuleDict({ab: linear(h, h, False) for ab in fgr})  # R_{ab}: gate a -> gate b

        def pre(self, g, x, y, cell, gates):
            v = self.W[g](x) + self.R[g](y)
            if g in self.p:
                v = v + self.p[g] * cell
            for a, prev in zip("ifo", gates):
                if a + g in self.G:
                    v = v + self.G[a + g](prev)
            return v

        def forward(self, x, state):
            y, c, *gates = state
            one = torch.ones_like(c)
            z = self.pre("z", x, y, None, gates)
            z = z if self.variant == "NIAF" else tanh(z)
            i = sigmoid(self.pre("i", x, y, c, gates)) if "i" in self.gates else one
            if self.variant == "CIFG":
                f = 1 - i
            else:
                f = sigmoid(self.pre("f", x, y, c, gates)) if "f" in self.gates else one
            c = z * i + c * f
            o = sigmoid(self.pre("o", x, y, c, gates)) if "o" in self.gates else one
            y = (c if self.variant == "NOAF" else tanh(c)) * o
            return y, (y, c, i, f, o)

    class MGU(Cell):
        """Zhou et al. 2016, Table 1: f = s(W_f[h, x] + b_f), h~ = tanh(W_h[f*h, x] + b_h)."""

        def __init__(self, d, h, bias):
            super().__init__(d, h)
            self.Wf, self.Wh = linear(h + d, h, bias), linear(h + d, h, bias)

        def forward(self, x, state):
            (h,) = state
            f = sigmoid(self.Wf(torch.cat([h, x], -1)))
            cand = tanh(self.Wh(torch.cat([f * h, x], -1)))
            h = (1 - f) * h + f * cand
            return h, (h,)

    class MinGRU(Cell):
        """Feng et al. 2024, Section 3.1: z = s(Linear(x)), h~ = Linear(x)."""

        def __init__(self, d, h, bias):
            super().__init__(d, h)
            self.z, self.cand = linear(d, h, bias), linear(d, h, bias)

        def forward(self, x, state):
            (h,) = state
            z = sigmoid(self.z(x))
            h = (1 - z) * h + z * self.cand(x)
            return h, (h,)

    class MinLSTM(Cell):
        """Feng et al. 2024, Section 3.2: f, i = s(Linear(x)), h~ = Linear(x), normalised gates."""

        def __init__(self, d, h, bias):
            super().__init__(d, h)
            self.f, self.i, self.cand = (linear(d, h, bias) for _ in range(3))

        def forward(self, x, state):
            (h,) = state
            f, i = sigmoid(self.f(x)), sigmoid(self.i(x))
            h = f / (f + i) * h + i / (f + i) * self.cand(x)
            return h, (h,)

    class IndRNN(Cell):
        """Li et al. 2018, eq. (2): h = s(W x + u * h + b), u a vector."""

        def __init__(self, d, h, bias):
            super().__init__(d, h)
            self.W, self.u = linear(d, h, bias), vector(h)

        def forward(self, x, state):
            (h,) = state
            h = torch.relu(self.W(x) + self.u * h)
            return h, (h,)

    class MultiplicativeLSTM(Cell):
        """Krause et al. 2016, Section 3: m = (W_mx x) * (W_mh h); every gate and the candidate
        read x and m. The paper writes no bias terms, so `bias` changes nothing."""
        states = 2

        def __init__(self, d, h, bias):
            super().__init__(d, h)
            self.Wx = nn.ModuleDict({k: linear(d, h, False) for k in "mhiof"})  # W_mx, W_hx, W_ix, ...
            self.Wm = nn.ModuleDict({k: linear(h, h, False) for k in "hiof"})   # W_hm, W_im, ...
            self.Wmh = linear(h, h, False)

        def forward(self, x, state):
            h, c = state
            m = self.Wx["m"](x) * self.Wmh(h)
            hat = self.Wx["h"](x) + self.Wm["h"](m)
            i, o, f = (sigmoid(self.Wx[k](x) + self.Wm[k](m)) for k in "iof")
            c = f * c + i * tanh(hat)
            h = tanh(c) * o
            return h, (h, c)

    class UGRNN(Cell):
        """Collins et al. 2017, Section 2: c = s(W^ch h + W^cx x + b_c), g = s(W^gh h + W^gx x + b_g)."""

        def __init__(self, d, h, bias):
            super().__init__(d, h)
            self.cx, self.gx = linear(d, h, bias), linear(d, h, bias)
            self.ch, self.gh = linear(h, h, False), linear(h, h, False)

        def forward(self, x, state):
            (h,) = state
            c = tanh(self.ch(h) + self.cx(x))
            g = sigmoid(self.gh(h) + self.gx(x))
            h = g * h + (1 - g) * c
            return h, (h,)

    class GRUv1(Cell):
        """Cho et al. 2014, eqs. (5)-(8), with one bias per gate as keras.layers.GRU(reset_after=False)
        adds them: the reset gate scales h before the recurrent product."""

        def __init__(self, d, h, bias):
            super().__init__(d, h)
            self.W = nn.ModuleDict({g: linear(d, h, bias) for g in "zrh"})
            self.U = nn.ModuleDict({g: linear(h, h, False) for g in "zrh"})

        def forward(self, x, state):
            (h,) = state
            z = sigmoid(self.W["z"](x) + self.U["z"](h))
            r = sigmoid(self.W["r"](x) + self.U["r"](h))
            cand = tanh(self.W["h"](x) + self.U["h"](r * h))
            h = z * h + (1 - z) * cand
            return h, (h,)

    factories = {
        "lstm-peephole": PeepholeLSTM, "mgu": MGU, "mingru": MinGRU, "minlstm": MinLSTM,
        "indrnn": IndRNN, "mlstm": MultiplicativeLSTM, "ugrnn": UGRNN, "gru-v1": GRUv1,
    }
    for name, variant in GREFF.items():
        factories[name] = functools.partial(GreffLSTM, variant=variant)
    return factories


def test_every_literature_cell_is_built_in():
    assert set(LITERATURE) <= set(symcount.cell_names())


@pytest.mark.parametrize("bias", [True, False], ids=["bias", "no-bias"])
@pytest.mark.parametrize("d, h", SIZES)
@pytest.mark.parametrize("name", LITERATURE)
def test_count_equals_module_from_paper(torch, name, d, h, bias):
    module = paper_modules(torch)[name](d, h, bias)
    assert count(name, d, h, bias=bias) == n_params(module)


@pytest.mark.parametrize("d, h", [(3, 5), (16, 4)])
@pytest.mark.parametrize("name", LITERATURE)
def test_stacked_count_equals_stacked_modules(torch, name, d, h):
    # two layers, two directions: the second layer reads both directions' outputs, 2h features
    make = paper_modules(torch)[name]
    expected = 2 * n_params(make(d, h, True)) + 2 * n_params(make(2 * h, h, True))
    assert count(name, d, h, layers=2, bidirectional=True) == expected


@pytest.mark.parametrize("name", LITERATURE)
def test_modules_run_the_papers_equations(torch, name):
    # the reference modules are cells that compute, not only parameter lists
    d, h, batch = 3, 5, 2
    module = paper_modules(torch)[name](d, h, True)
    state = module.zero_state(batch)
    with torch.no_grad():
        for _ in range(2):
            out, state = module(torch.randn(batch, d), state)
    assert out.shape == (batch, h)
    assert bool(torch.isfinite(out).all())


# ---- counts the papers state ----------------------------------------------------------------

D, H = sympy.symbols("d h", integer=True, positive=True)


def formula(name: str, **options) -> sympy.Expr:
    cell = symcount.cell(name, **options)
    return cell.total.xreplace({cell.symbols["d"]: D, cell.symbols["h"]: H})


def test_mlstm_has_five_quarters_of_the_lstm_recurrent_weights():
    # Krause et al. 2016, Section 3: with m_t the size of h_t and shared by all gates, mLSTM has
    # 1.25 times the recurrent weights of an LSTM with as many hidden units. The recurrent
    # weights are the h x h matrices: the h**2 terms.
    mlstm = sympy.Poly(formula("mlstm"), H, D).coeff_monomial(H**2)
    lstm = sympy.Poly(formula("lstm", bias=False), H, D).coeff_monomial(H**2)
    assert mlstm == sympy.Rational(5, 4) * lstm == 5


def test_min_rnns_weights_as_the_paper_counts_them():
    # Feng et al. 2024, Section 3: minGRU needs O(2 d_h d_x) parameters against GRU's
    # O(3 d_h (d_x + d_h)), minLSTM O(3 d_h d_x) against LSTM's O(4 d_h (d_x + d_h)).
    # Without the linear layers' biases these are exact.
    assert formula("mingru", bias=False) == 2 * H * D
    assert formula("minlstm", bias=False) == 3 * H * D
    assert sympy.expand(formula("gru", bias=False) - 3 * H * (D + H)) == 0
    assert sympy.expand(formula("lstm", bias=False) - 4 * H * (D + H)) == 0


def test_greff_variants_against_vanilla():
    # Greff et al. 2017, the eight variants: each changes the vanilla LSTM in one aspect.
    vanilla = formula("greff-vanilla")
    assert sympy.expand(vanilla - (4 * H * D + 4 * H**2 + 4 * H + 3 * H)) == 0
    one_gate = H * D + H**2 + H + H  # W, R, b and the peephole of the gate that goes
    for name in ("greff-nig", "greff-nfg", "greff-nog", "greff-cifg"):
        assert sympy.expand(vanilla - formula(name) - one_gate) == 0, name
    # activation functions have no parameters
    assert formula("greff-niaf") == formula("greff-noaf") == vanilla
    assert sympy.expand(vanilla - formula("greff-np") - 3 * H) == 0
    # FGR: "nine additional recurrent weight matrices", all h x h
    assert sympy.expand(formula("greff-fgr") - vanilla - 9 * H**2) == 0
    # the vanilla LSTM is the peephole LSTM of Gers et al. 2002
    assert formula("lstm-peephole") == vanilla


@pytest.mark.oracle
@pytest.mark.parametrize("d, h", [(1, 1), (3, 5), (64, 48)])
def test_gru_v1_is_keras_gru_without_reset_after(d, h):
    # gru-v1 is the Cho et al. 2014 GRU as keras.layers.GRU(reset_after=False) implements it
    assert count("gru-v1", d, h) == keras_count("GRU", d, h, reset_after=False)
    assert count("gru-v1", d, h, bias=False) == keras_count("GRU", d, h, reset_after=False, use_bias=False)
