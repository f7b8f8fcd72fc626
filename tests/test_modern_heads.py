"""A cell written for one head made an H-head layer from outside its text: `--heads H` (the API's
derive(heads="H"), the Sphinx directives' :heads: H), with `--shared NAME` for what the heads share,
as `% symcount: heads H` and `% symcount: shared NAME` in the text. Checked against a torch module of
H heads as fla's GatedLinearAttention lays them out: per-head projections are slices of one
d -> H K map, the output projection reads the H V outputs, the norm's gain is one for all heads."""
from __future__ import annotations

import subprocess
import sys

import pytest

import symcount
from symcount.errors import SymcountError

torch = pytest.importorskip("torch")

# GLA/RetNet-like, one head: K x V state with a fixed decay, an RMSNorm with a gain g
ONE_HEAD = r"""
\begin{align*}
q_t &= W_q x_t \\ k_t &= W_k x_t \\ v_t &= W_v x_t \\
S_t &= \gamma S_{t-1} + k_t v_t^\top \\
o_t &= S_t^\top q_t \\
y_t &= W_o \mathrm{RMSNorm}(o_t; g)
\end{align*}
where $x_t, y_t \in \mathbb{R}^{d}$, $q_t, k_t \in \mathbb{R}^{K}$, $v_t \in \mathbb{R}^{V}$,
$S_t \in \mathbb{R}^{K \times V}$, and $\gamma$ is a fixed constant.
"""

SIZES = [dict(H=4, d=64, K=16, V=32), dict(H=3, d=10, K=2, V=5)]


class MultiHead(torch.nn.Module):
    """H heads: q, k (d -> H K), v (d -> H V), a gain of V entries shared by the heads, o (H V -> d)."""

    def __init__(self, H: int, d: int, K: int, V: int) -> None:
        super().__init__()
        self.H, self.K, self.V = H, K, V
        self.q, self.k = torch.nn.Linear(d, H * K, bias=False), torch.nn.Linear(d, H * K, bias=False)
        self.v = torch.nn.Linear(d, H * V, bias=False)
        self.norm = torch.nn.RMSNorm(V)
        self.o = torch.nn.Linear(H * V, d, bias=False)

    def forward(self, xs, gamma: float = 0.9):
        S = torch.zeros(self.H, self.K, self.V)
        ys = []
        for x in xs:
            q, k = self.q(x).view(self.H, self.K), self.k(x).view(self.H, self.K)
            v = self.v(x).view(self.H, self.V)
            S = gamma * S + k[:, :, None] * v[:, None, :]
            o = torch.einsum("hkv,hk->hv", S, q)
            ys.append(self.o(self.norm(o).reshape(-1)))
        return torch.stack(ys)


def _params(m) -> int:
    return sum(p.numel() for p in m.parameters())


@pytest.mark.parametrize("s", SIZES)
def test_heads_option_equals_an_H_head_module(s):
    d = symcount.derive(ONE_HEAD, heads="H", shared=["g"])
    module = MultiHead(**s)
    module(torch.randn(3, s["d"]))  # the module runs: its heads are what the count says
    assert d.evaluate(**s) == _params(module) == 2 * s["H"] * s["d"] * (s["K"] + s["V"]) + s["V"]


def test_heads_option_is_the_directive_in_the_text():
    written = symcount.derive("% symcount: heads H\n% symcount: shared g\n" + ONE_HEAD)
    given = symcount.derive(ONE_HEAD, heads="H", shared=("g",))
    assert str(written.cell_total) == str(given.cell_total) == "2*H*K*d + 2*H*V*d + V"
    one = symcount.derive(ONE_HEAD)
    assert str(one.cell_total) == "2*K*d + 2*V*d + V"
    # the option overrides the text's head count
    assert str(symcount.derive("% symcount: heads G\n" + ONE_HEAD, heads="H").cell_total) == "2*H*K*d + 2*H*V*d + H*V"


def test_heads_cost_per_head():
    # the state update is an outer product of K V per head; the state H K V entries
    d = symcount.derive(ONE_HEAD, heads="H", shared=["g"])
    eq = next(e for e in d.cost.equations if e.label == "S_t")
    assert str(eq.macs) == "H*K*V"
    assert d.cost.evaluate(T=1, B=1, **SIZES[1])["memory"]["state"] == 4 * 3 * 2 * 5


def test_heads_cost_equals_torch_unrolled():
    from tests.torch_cells import count
    from tests.torch_modern import ModernUnrolled
    d = symcount.derive(ONE_HEAD, heads="H", shared=["g"])
    s = SIZES[1]
    module = ModernUnrolled(torch, d, s)
    with torch.no_grad():
        seen = count(torch, lambda: module.run(3))
    cost = d.cost.evaluate(T=3, B=1, **s)
    assert cost["flops_breakdown"]["matrix"] == seen.matrix == 2 * cost["macs"]
    assert module.parameter_count() == d.evaluate(**s)


def _cli(*args, stdin=ONE_HEAD):
    return subprocess.run([sys.executable, "-m", "symcount", *args], input=stdin, capture_output=True, text=True)


def test_heads_on_the_command_line():
    s = SIZES[0]
    out = _cli("derive", "-", "--heads", "H", "--shared", "g", *[x for k, v in s.items() for x in ("--set", f"{k}={v}")])
    assert out.returncode == 0, out.stderr
    assert f": {_params(MultiHead(**s))}" in out.stdout.splitlines()[-1]


@pytest.mark.parametrize("args,message", [
    (["--heads", "8"], "--heads takes a name as the text writes it"),
    (["--heads", "H", "--shared", "Z"], "the shared Z is not a parameter"),
    (["--shared", "g"], "needs `% symcount: heads H`"),
])
def test_heads_option_errors_exit_2(args, message):
    out = _cli("derive", "-", *args)
    assert out.returncode == 2 and message in out.stderr and "Traceback" not in out.stderr, out.stderr


def test_heads_api_types():
    with pytest.raises(TypeError):
        symcount.derive(ONE_HEAD, heads=8)
    with pytest.raises(SymcountError):
        symcount.derive(ONE_HEAD, heads="H", shared=["8"])


def test_sphinx_heads_and_shared_options_make_the_request():
    pytest.importorskip("sphinx")
    from symcount import api
    from symcount.sphinx import COMMON, Explanation
    assert {"heads", "shared"} <= set(COMMON)
    directive = object.__new__(Explanation)
    directive.options = {"heads": " H ", "shared": "g W_R"}
    req = directive.request("gla")
    assert (req.heads, req.shared) == ("H", ("g", "W_R"))
    directive.options = {}
    assert (directive.request("gla").heads, directive.request("gla").shared) == (None, ())
    # a request with heads is derived afresh (never from the cache of the same text without them)
    with_heads = api.summary_for(api.Request("derive", "x.tex", ONE_HEAD, heads="H", shared=("g",)))
    without = api.summary_for(api.Request("derive", "x.tex", ONE_HEAD, use_cache=False))
    assert with_heads.cell_poly[(("H", 1), ("V", 1), ("d", 1))] == 2 and (("V", 1),) in with_heads.cell_poly
    assert all(("H", 1) not in term for term in without.cell_poly)


def test_a_built_in_layer_without_its_head_comments_and_the_options_instead():
    # RWKV-6 time mixing: its `% symcount: heads/shared` lines removed, given as heads= and shared=
    from symcount import cells
    text = cells.load("rwkv6-time", "pytorch").text
    lines = text.splitlines()
    given = [ln.split(":", 1)[1].split(None, 1) for ln in lines if ln.startswith("% symcount: heads")
             or ln.startswith("% symcount: shared")]
    heads = next(v.strip() for k, v in given if k == "heads")
    shared = [v.strip() for k, v in given if k == "shared"]
    assert heads == "H" and "x^r" in shared and "\\hat{x}" in shared
    bare = "\n".join(ln for ln in lines if not ln.startswith(("% symcount: heads", "% symcount: shared")))
    d = symcount.derive(bare, heads=heads, shared=shared)
    builtin = symcount.cell("rwkv6-time")
    assert str(d.cell_total) == str(builtin.cell_total)
    s = dict(H=4, P=10, L=3, M=5)
    assert d.cost.evaluate(T=2, B=1, **s) == builtin.cost.evaluate(T=2, B=1, **s)



@pytest.mark.parametrize("name,blocks,block", [("xlstm-slstm-block", "H", "P"), ("xlstm-mlstm-block", "(H P)/S", "S")])
def test_a_block_diagonal_weight_reads_as_its_blocks(name, blocks, block):
    # \mathrm{BlockDiag}_{P}: held as H P x P, explained as H blocks of P x P (H P^2 parameters, the
    # count of NX-AI/xlstm's per-head kernels: tests/modern_layers.py), not as a dense H P x P matrix
    import json
    from symcount import api
    from tests import modern_layers as M
    d = symcount.cell(name)
    weights = [p for p in json.loads(api.report(api.request(name), "json")[0])["parameters"] if p["name"].startswith("W_{BlockDiag,")]
    text = api.report(api.request(name), "text")[0]
    assert weights and all(f"{p['name']}  {blocks.replace(' ', '*')} blocks of {block} × {block}" in text for p in weights)
    assert all(p["shape"] == ["H*P", block] for p in weights)   # the data: rows x block size, as held
    md, tex = api.render(d, "markdown"), api.render(d, "latex")
    assert rf"${blocks}$ blocks of ${block} \times {block}$ on its diagonal" in md
    assert rf"{blocks} \text{{ blocks of }} {block} \times {block}" in tex
    for sizes in M.SIZES[name]:
        assert d.evaluate(**sizes) == M.formula(name, sizes)
        for p in weights:  # H P x P entries each: H blocks of P^2
            assert symcount.derive(f"$$ y_t = W x_t $$ where $W \\in \\mathbb{{R}}^{{{p['shape'][0].replace('*', ' ')} "
                                   f"\\times {block}}}$").evaluate(**{k: v for k, v in sizes.items() if k in "HPS"}) \
                == sizes["H"] * sizes["P"] * sizes[block]


def test_a_head_of_its_own_entries_is_a_block_of_a_block_diagonal_weight():
    # xLSTM's sLSTM: each head maps its own P entries (W_z is P x P): not a slice of a d x d projection
    from symcount import api
    md = api.render(symcount.cell("xlstm-slstm"), "markdown")
    assert "one block on the diagonal of the layer's block-diagonal weight" in md
    assert "usual split" not in md
