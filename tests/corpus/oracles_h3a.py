"""Oracles for the third set-aside `h3a-` snippets (framework docs, library code, READMEs).

Each oracle takes the snippet's sizes as keyword arguments and returns a module whose parameters
are exactly the weights and biases the text writes (one nn.Parameter per named weight, a bias only
where the text writes one), with a `forward` that runs one step as the text's equations say.
Where a text documents a framework whose parameter layout equals a torch module's, the torch
module is used.  Each module carries `x_in` (input width) and `h_size` (state width) for check.py.
"""
from __future__ import annotations

import torch
from torch import nn

__all__ = [
    "h3a_spago_deltarnn", "h3a_spago_ran", "h3a_torch_grucell",
    "h3a_aidotnet_lru", "h3a_aidotnet_minlstm",
    "h3a_owl_gru", "h3a_owl_recurrent", "h3a_mlxswift_gru", "h3a_mlxswift_lstm",
    "h3a_grenade_lstm", "h3a_grenade_basicrecurrent", "h3a_mlpack_lstm",
    "h3a_neuronjava_lstm", "h3a_neuronjava_gru", "h3a_merlin_gru", "h3a_merlin_lstm",
    "h3a_webnn_grucell_nobias", "h3a_simplednn_cfn", "h3a_simplednn_indrnn",
    "h3a_xlstmc_slstm", "h3a_xlstmc_mlstm", "h3a_mogrifier_readme",
    "h3a_pytorchnotes_rnn_guess", "h3a_apl_lstm", "h3a_tfa_nascell",
    "h3a_rustorch_grucell", "h3a_scorch_lstmcell", "h3a_scorch_grucell",
    "h3a_hgrn_readme_guess", "h3a_allennlp_augmentedlstmcell", "h3a_lrnnx_rglru",
    "h3a_lrnnx_lru",
    "h3a_retention_gate_guess", "h3a_trax_generalgru_guess", "h3a_trax_sru",
    "h3a_epynn_gru_page_guess", "h3a_matlab_gru_guess",
]

sig, tanh = torch.sigmoid, torch.tanh


def _p(*shape: int) -> nn.Parameter:
    return nn.Parameter(torch.randn(*shape) * 0.1)


class _Cell(nn.Module):
    """Named parameters in `self.P`; `step(P, x, state)` runs one step."""

    def __init__(self, x_in, h_size, step, state_n=1, **shapes):
        super().__init__()
        self.P = nn.ParameterDict({k: _p(*s) for k, s in shapes.items()})
        self.x_in, self.h_size, self._step, self.state_n = x_in, h_size, step, state_n

    def forward(self, x, *state):
        if not state:
            state = tuple(torch.zeros(x.shape[0], self.h_size) for _ in range(self.state_n))
        return self._step(self.P, x, *state)


def _mv(W, v):
    """W v for a batch of row vectors v (W is out x in)."""
    return v @ W.T


def _tag(m, x, h):
    m.x_in, m.h_size, m.state_n = x, h, getattr(m, "state_n", 1)
    return m


# ------------------------------------------------------------------ spaGO (Go)

def h3a_spago_deltarnn(**s):
    in_, out = s["in"], s["out"]
    def step(P, x, y):
        wx, wy = _mv(P["W"], x), _mv(P["WRec"], y)
        d1 = P["Beta1"] * wx + P["Beta2"] * wy
        d2 = P["Alpha"] * wx * wy
        c = tanh(d1 + d2 + P["B"])
        p = sig(wx + P["BPart"])
        return tanh(p * c + (1 - p) * y)
    return _Cell(in_, out, step, W=(out, in_), WRec=(out, out), B=(out,), BPart=(out,),
                 Alpha=(out,), Beta1=(out,), Beta2=(out,))


def h3a_spago_ran(**s):
    in_, out = s["in"], s["out"]
    def step(P, x, y, c):
        i = sig(_mv(P["WIn"], x) + P["BIn"] + _mv(P["WInRec"], y))
        f = sig(_mv(P["WFor"], x) + P["BFor"] + _mv(P["WForRec"], y))
        cand = _mv(P["WCand"], x) + P["BCand"]
        c = i * cand + f * c
        return tanh(c), c
    return _Cell(in_, out, step, state_n=2, WIn=(out, in_), WInRec=(out, out), BIn=(out,),
                 WFor=(out, in_), WForRec=(out, out), BFor=(out,), WCand=(out, in_), BCand=(out,))


# ------------------------------------------------------------------ torch's own modules

def _torch(mod, x, h, **kw):
    m = mod(x, h, **kw)
    m.x_in, m.h_size = x, h
    return m


def h3a_torch_grucell(d_input, d_hidden):
    """Burn's Gru (reset_after = true, bias on both Linear maps of each gate) = torch.nn.GRUCell."""
    return _torch(nn.GRUCell, d_input, d_hidden)


# ------------------------------------------------------------------ AiDotNet (C#)

def h3a_aidotnet_lru(modelDimension, stateDimension):
    """LRU layer: in-projection (W, b), complex diagonal recurrence (nu, theta), complex B (H x N as
    two real tensors), complex C (N x H as two real tensors), D skip, out-projection (W, b)."""
    H, N = modelDimension, stateDimension

    def step(P, inp, xr, xi):
        u = inp @ P["Win"] + P["bin"]
        mag, ang = torch.exp(-torch.exp(P["nu"])), torch.exp(P["theta"])
        lr, li = mag * torch.cos(ang), mag * torch.sin(ang)
        bu_r, bu_i = u @ P["bReal"], u @ P["bImag"]
        xr, xi = lr * xr - li * xi + bu_r, lr * xi + li * xr + bu_i
        y = xr @ P["cReal"] - xi @ P["cImag"] + P["D"] * u
        return y @ P["Wout"] + P["bout"], xr, xi
    m = _Cell(H, N, step, state_n=2, nu=(N,), theta=(N,), bReal=(H, N), bImag=(H, N),
              cReal=(N, H), cImag=(N, H), D=(H,), Win=(H, H), bin=(H,), Wout=(H, H), bout=(H,))
    return m


def h3a_aidotnet_minlstm(modelDimension, expansionFactor=1):
    D = modelDimension
    E = D * expansionFactor

    def step(P, x, c):
        u = x @ P["Win"] + P["bin"]
        f = sig(u @ P["Wf"] + P["bf"])
        i = sig(u @ P["Wi"] + P["bi"])
        f, i = f / (f + i), i / (f + i)
        c = f * c + i * (u @ P["Wc"] + P["bc"])
        return c @ P["Wout"] + P["bout"], c
    return _Cell(D, E, step, Win=(D, E), bin=(E,), Wf=(E, E), bf=(E,), Wi=(E, E), bi=(E,),
                 Wc=(E, E), bc=(E,), Wout=(E, D), bout=(D,))


# ------------------------------------------------------------------ Owl (OCaml)

def h3a_owl_gru(i, o):
    """Owl GRU: row-vector t *@ W (W is i x o); bh allocated (and counted in mkpar) but unused."""
    def step(P, t, h):
        z = sig(t @ P["wxz"] + h @ P["whz"] + P["bz"])
        r = sig(t @ P["wxr"] + h @ P["whr"] + P["br"])
        h_ = tanh(t @ P["wxh"] + (h * r) @ P["whh"])
        return (1 - z) * h_ + z * h
    return _Cell(i, o, step, wxz=(i, o), whz=(o, o), wxr=(i, o), whr=(o, o), wxh=(i, o),
                 whh=(o, o), bz=(1, o), br=(1, o), bh=(1, o))


def h3a_owl_recurrent(i, h, o):
    def step(P, t, s):
        s = tanh(s @ P["whh"] + t @ P["wxh"] + P["bh"])
        return s @ P["why"] + P["by"], s
    return _Cell(i, h, step, whh=(h, h), wxh=(i, h), why=(h, o), bh=(1, h), by=(1, o))


# ------------------------------------------------------------------ MLX Swift

def h3a_mlxswift_gru(D, H):
    def step(P, x, h):
        xp = x @ P["Wx"].T + P["b"]
        hp = h @ P["Wh"].T
        r, z = sig(xp[:, :2 * H] + hp[:, :2 * H]).chunk(2, dim=-1)
        n = tanh(xp[:, 2 * H:] + r * (hp[:, 2 * H:] + P["bhn"]))
        return (1 - z) * n + z * h
    return _Cell(D, H, step, Wx=(3 * H, D), Wh=(3 * H, H), b=(3 * H,), bhn=(H,))


def h3a_mlxswift_lstm(D, H):
    def step(P, x, h, c):
        i, f, g, o = (x @ P["Wx"].T + P["bias"] + h @ P["Wh"].T).chunk(4, dim=-1)
        c = sig(f) * c + sig(i) * tanh(g)
        return sig(o) * tanh(c), c
    return _Cell(D, H, step, state_n=2, Wx=(4 * H, D), Wh=(4 * H, H), bias=(4 * H,))


# ------------------------------------------------------------------ Grenade (Haskell)

def h3a_grenade_lstm(input, output):
    """Peephole formulation: U matrices act on the previous cell state; momentums are not parameters."""
    def step(P, x, c):
        f = sig(P["Bf"] + _mv(P["Wf"], x) + _mv(P["Uf"], c))
        i = sig(P["Bi"] + _mv(P["Wi"], x) + _mv(P["Ui"], c))
        o = sig(P["Bo"] + _mv(P["Wo"], x) + _mv(P["Uo"], c))
        c = f * c + i * tanh(P["Bc"] + _mv(P["Wc"], x))
        return o * c, c
    i_, o_ = input, output
    return _Cell(i_, o_, step, Wf=(o_, i_), Uf=(o_, o_), Bf=(o_,), Wi=(o_, i_), Ui=(o_, o_), Bi=(o_,),
                 Wo=(o_, i_), Uo=(o_, o_), Bo=(o_,), Wc=(o_, i_), Bc=(o_,))


def h3a_grenade_basicrecurrent(input, output):
    def step(P, x, h):
        return P["wB"] + _mv(P["wN"], torch.cat([x, h], dim=-1))
    return _Cell(input, output, step, wB=(output,), wN=(output, input + output))


# ------------------------------------------------------------------ mlpack (C++)

def h3a_mlpack_lstm(x, y):
    """Greff et al. vanilla LSTM: W (y x x) and R (y x y) for z i f o, diagonal peepholes p_i p_f p_o."""
    def step(P, xt, yp, c):
        g = lambda k: _mv(P["W" + k], xt) + _mv(P["R" + k], yp) + P["b" + k]
        z = tanh(g("z"))
        i = sig(g("i") + P["pi"] * c)
        f = sig(g("f") + P["pf"] * c)
        c = z * i + c * f
        o = sig(g("o") + P["po"] * c)
        return tanh(c) * o, c
    shapes = {}
    for k in "zifo":
        shapes.update({"W" + k: (y, x), "R" + k: (y, y), "b" + k: (y,)})
    shapes.update(pi=(y,), pf=(y,), po=(y,))
    return _Cell(x, y, step, state_n=2, **shapes)


# ------------------------------------------------------------------ generic cells (one bias per gate)

def _lstm1(x, h):
    """LSTM with W (h x x), U (h x h) and one bias b per gate i f c o."""
    def step(P, xt, hp, c):
        g = lambda k: _mv(P["W" + k], xt) + _mv(P["U" + k], hp) + P["b" + k]
        i, f, o = sig(g("i")), sig(g("f")), sig(g("o"))
        c = f * c + i * tanh(g("c"))
        return o * tanh(c), c
    shapes = {}
    for k in "ifco":
        shapes.update({"W" + k: (h, x), "U" + k: (h, h), "b" + k: (h,)})
    return _Cell(x, h, step, state_n=2, **shapes)


def _gru1_v3(x, h):
    """GRU with W (h x x), U (h x h), one bias per gate z r h; reset applied before U_h."""
    def step(P, xt, hp):
        z = sig(_mv(P["Wz"], xt) + _mv(P["Uz"], hp) + P["bz"])
        r = sig(_mv(P["Wr"], xt) + _mv(P["Ur"], hp) + P["br"])
        n = tanh(_mv(P["Wh"], xt) + _mv(P["Uh"], r * hp) + P["bh"])
        return z * hp + (1 - z) * n
    shapes = {}
    for k in "zrh":
        shapes.update({"W" + k: (h, x), "U" + k: (h, h), "b" + k: (h,)})
    return _Cell(x, h, step, **shapes)


# ------------------------------------------------------------------ Neuron-Java (Java)

def h3a_neuronjava_lstm(d, h):
    return _lstm1(d, h)


def h3a_neuronjava_gru(d, h):
    return _gru1_v3(d, h)


# ------------------------------------------------------------------ refuse-marked snippets (a guess only)

def h3a_retention_gate_guess(x):
    """One reading only: the gate W_g (x x x) with a scalar decay; h_t taken as x_t. The text does not
    determine the count (expect: refuse)."""
    def step(P, xt, s):
        s = 0.9 * s + xt
        g = sig(_mv(P["Wg"], xt))
        return g * s + (1 - g) * xt, s
    return _Cell(x, x, step, Wg=(x, x))


def h3a_trax_generalgru_guess(s):
    """One reading only (candidate_transform = Dense(s) with bias on the state s): U', U'', U each
    s x s with biases B', B'', B. The text does not determine the count (expect: refuse)."""
    def step(P, x, st):
        u = sig(_mv(P["U1"], st) + P["B1"] + 0.5)
        r = sig(_mv(P["U2"], st) + P["B2"] + 0.5)
        c = tanh(_mv(P["U"], r * st) + P["B"])
        return u * st + (1 - u) * c
    return _Cell(s, s, step, U1=(s, s), B1=(s,), U2=(s, s), B2=(s,), U=(s, s), B=(s,))


# ------------------------------------------------------------------ Trax (Python/JAX)

def h3a_trax_sru(n_units):
    """One Dense(3 n) with bias on x (depth n, forced by the highway term)."""
    n = n_units

    def step(P, x, c):
        r, f, y = (x @ P["W"].T + P["b"]).chunk(3, dim=-1)
        r, f = sig(r), sig(f)
        c = f * c + (1 - f) * y
        return c * r + x * (1 - r) * (3 ** 0.5), c
    return _Cell(n, n, step, W=(3 * n, n), b=(3 * n,))


def h3a_epynn_gru_page_guess(X, h, A):
    """One reading only: the Elman equations as written (W_x, W_h, b_h, then W, b to the output A).
    The page is titled GRU, so the text contradicts itself (expect: refuse)."""
    def step(P, x, s):
        s = tanh(_mv(P["Wx"], x) + _mv(P["Wh"], s) + P["bh"])
        return _mv(P["W"], s) + P["b"], s
    return _Cell(X, h, step, Wx=(h, X), Wh=(h, h), bh=(h,), W=(A, h), b=(A,))


def h3a_matlab_gru_guess(inputSize, NumHiddenUnits):
    """The reading the call code needs (recurrent kernel NumHiddenUnits x 3N): Keras reset_after GRU
    = torch.nn.GRUCell. The comment's shape for the recurrent kernel conflicts (expect: refuse)."""
    return _torch(nn.GRUCell, inputSize, NumHiddenUnits)


# ------------------------------------------------------------------ Merlin.jl (Julia)

def h3a_merlin_gru(xsize):
    """ws[1..3], us[1..3], all xsize x xsize, no biases; Var(ones) is a constant."""
    n = xsize

    def step(P, x, h):
        r = sig(_mv(P["w1"], x) + _mv(P["u1"], h))
        z = sig(_mv(P["w2"], x) + _mv(P["u2"], h))
        h_ = tanh(_mv(P["w3"], x) + _mv(P["u3"], r * h))
        return (1 - z) * h + z * h_
    return _Cell(n, n, step, w1=(n, n), w2=(n, n), w3=(n, n), u1=(n, n), u2=(n, n), u3=(n, n))


def h3a_merlin_lstm(d, h):
    """One layer, one direction: W (d x 4h), U (h x 4h), b (4h), trainable initial h and c."""
    def step(P, x, hp=None, c=None):
        if hp is None:
            hp = P["h0"].expand(x.shape[0], h)
            c = P["c0"].expand(x.shape[0], h)
        i, f, g, o = (x @ P["W"] + hp @ P["U"] + P["b"]).chunk(4, dim=-1)
        c = sig(f) * c + sig(i) * tanh(g)
        return sig(o) * tanh(c), c
    m = _Cell(d, h, step, W=(d, 4 * h), U=(h, 4 * h), b=(4 * h,), h0=(h,), c0=(h,))
    m.forward = lambda x, *s: step(m.P, x, *s)
    return m


# ------------------------------------------------------------------ WebNN baseline (JavaScript)

def h3a_webnn_grucell_nobias(inputSize, hiddenSize):
    """gruCell with its defaults: weight [3h, in], recurrentWeight [3h, h], no bias tensors."""
    return _torch(nn.GRUCell, inputSize, hiddenSize, bias=False)


# ------------------------------------------------------------------ SimpleDNN (Kotlin)

def h3a_simplednn_cfn(x, y):
    """Chaos-free network: input and forget gates with W, b, Wrec; candidate wc without bias."""
    def step(P, xt, yp):
        i = sig(_mv(P["wIn"], xt) + P["bIn"] + _mv(P["wrIn"], yp))
        f = sig(_mv(P["wForG"], xt) + P["bForG"] + _mv(P["wrForG"], yp))
        c = tanh(_mv(P["wc"], xt))
        return i * c + tanh(yp) * f
    return _Cell(x, y, step, wIn=(y, x), bIn=(y,), wrIn=(y, y), wForG=(y, x), bForG=(y,),
                 wrForG=(y, y), wc=(y, x))


def h3a_simplednn_indrnn(x, y):
    def step(P, xt, yp):
        return torch.relu(_mv(P["w"], xt) + P["wRec"] * yp + P["b"])
    return _Cell(x, y, step, w=(y, x), wRec=(y,), b=(y,))


# ------------------------------------------------------------------ xlstm.c (C99)

def h3a_xlstmc_slstm(input_size, hidden_size):
    """sLSTM: W [4H, I], R [4H, H], b [4H]; stabilised exponential gates."""
    H = hidden_size

    def step(P, x, y, c, n):
        i_, f_, z_, o_ = (_mv(P["W"], x) + _mv(P["R"], y) + P["b"]).chunk(4, dim=-1)
        ig, fg = torch.exp(i_).clamp(max=1.0), sig(f_)
        c = fg * c + ig * tanh(z_)
        n = fg * n + ig
        return sig(o_) * c / n.clamp(min=1e-6), c, n
    return _Cell(input_size, H, step, state_n=3, W=(4 * H, input_size), R=(4 * H, H), b=(4 * H,))


def h3a_xlstmc_mlstm(input_size, hidden_size):
    """mLSTM: one packed W [(4H+2), I] (W_q, W_k, W_v, w_i, w_f, W_o) and b [4H+2]."""
    H = hidden_size

    def step(P, x, y):
        u = _mv(P["W"], x) + P["b"]
        q, k, v = u[:, :H], u[:, H:2 * H], u[:, 2 * H:3 * H]
        i, f, o = torch.exp(u[:, 3 * H:3 * H + 1]), sig(u[:, 3 * H + 1:3 * H + 2]), sig(u[:, 3 * H + 2:])
        C = i.unsqueeze(-1) * v.unsqueeze(-1) * k.unsqueeze(-2)
        nrm = i * k
        h = (C @ q.unsqueeze(-1)).squeeze(-1) / (nrm * q).sum(-1, keepdim=True).abs().clamp(min=1.0)
        return o * h
    return _Cell(input_size, H, step, W=(4 * H + 2, input_size), b=(4 * H + 2,))


# ------------------------------------------------------------------ READMEs

def h3a_mogrifier_readme(input_size, hidden_size, mogrify_steps):
    x_, h_ = input_size, hidden_size

    class Mog(nn.Module):
        def __init__(self):
            super().__init__()
            self.x2h, self.h2h = nn.Linear(x_, 4 * h_), nn.Linear(h_, 4 * h_)
            mods = [nn.Linear(h_, x_)]
            for i in range(1, mogrify_steps):
                mods.append(nn.Linear(h_, x_) if i % 2 == 0 else nn.Linear(x_, h_))
            self.mog = nn.ModuleList(mods)
            self.x_in, self.h_size = x_, h_

        def forward(self, x, states=None):
            h, c = states if states else (torch.zeros(x.shape[0], h_), torch.zeros(x.shape[0], h_))
            for i in range(mogrify_steps):
                if (i + 1) % 2 == 0:
                    h = 2 * sig(self.mog[i](x)) * h
                else:
                    x = 2 * sig(self.mog[i](h)) * x
            i_, f, g, o = (self.x2h(x) + self.h2h(h)).chunk(4, 1)
            c = sig(f) * c + sig(i_) * tanh(g)
            return sig(o) * tanh(c), c
    return Mog()


def h3a_pytorchnotes_rnn_guess(k, h):
    """The module the text names, torch.nn.RNN(k, h) (two biases); its equation writes one bias
    (expect: refuse)."""
    return _torch(nn.RNNCell, k, h)


# ------------------------------------------------------------------ Dyalog APL

def h3a_apl_lstm(x, d):
    """Wc Uc Wi Ui Wf Uf Wo Uo, W* d x x and U* d x d, no biases."""
    def step(P, xt, h, c):
        g = lambda k: _mv(P["W" + k], xt) + _mv(P["U" + k], h)
        a, i, f, o = tanh(g("c")), sig(g("i")), sig(g("f")), sig(g("o"))
        c = i * a + f * c
        return o * tanh(c), c
    shapes = {}
    for k in "cifo":
        shapes.update({"W" + k: (d, x), "U" + k: (d, d)})
    return _Cell(x, d, step, state_n=2, **shapes)


# ------------------------------------------------------------------ TensorFlow Addons (Python)

def h3a_tfa_nascell(units, input_size):
    """NASCell defaults: recurrent_kernel [units, 8 units], kernel [input, 8 units], no bias, no projection."""
    u = units

    def step(P, x, c, m):
        M = (m @ P["recurrent_kernel"]).chunk(8, 1)
        I = (x @ P["kernel"]).chunk(8, 1)
        relu = torch.relu
        l1 = [sig(I[0] + M[0]), relu(I[1] + M[1]), sig(I[2] + M[2]), relu(I[3] * M[3]),
              tanh(I[4] + M[4]), sig(I[5] + M[5]), tanh(I[6] + M[6]), sig(I[7] + M[7])]
        l2_0, l2_1 = tanh(l1[0] * l1[1]), tanh(l1[2] + l1[3])
        l2_2, l2_3 = tanh(l1[4] * l1[5]), sig(l1[6] + l1[7])
        l2_0 = tanh(l2_0 + c)
        new_c = l2_0 * l2_1
        new_m = tanh(new_c * tanh(l2_2 + l2_3))
        return new_m, new_c
    m = _Cell(input_size, u, step, recurrent_kernel=(u, 8 * u), kernel=(input_size, 8 * u))
    m.state_n = 2
    return m


# ------------------------------------------------------------------ RusTorch (Rust)

def h3a_rustorch_grucell(input_size, hidden_size):
    """weight_ih [3h, in], weight_hh [3h, h], bias_ih and bias_hh [3h] = torch.nn.GRUCell."""
    return _torch(nn.GRUCell, input_size, hidden_size)


# ------------------------------------------------------------------ Scorch (Scala)

def h3a_scorch_lstmcell(na, nx, ny):
    """Four (na, na + nx) weights on [a; x], biases (na, 1), output wy (ny, na), by (ny, 1)."""
    def step(P, x, a, c):
        z = torch.cat([a, x], dim=-1)
        g = lambda k: z @ P["w" + k].T + P["b" + k].T
        f, i, cc, o = sig(g("f")), sig(g("i")), tanh(g("c")), sig(g("o"))
        c = f * c + i * cc
        a = o * tanh(c)
        return torch.softmax(a @ P["wy"].T + P["by"].T, -1), a, c
    shapes = {}
    for k in "fico":
        shapes.update({"w" + k: (na, na + nx), "b" + k: (na, 1)})
    shapes.update(wy=(ny, na), by=(ny, 1))
    return _Cell(nx, na, step, state_n=2, **shapes)


def h3a_scorch_grucell(na, nx, ny):
    def step(P, x, h):
        r = sig(x @ P["wir"].T + P["bir"].T + h @ P["whr"].T + P["bhr"].T)
        z = sig(x @ P["wiz"].T + P["biz"].T + h @ P["whz"].T + P["bhz"].T)
        n = tanh(x @ P["win"].T + P["bin"].T + r * (h @ P["whn"].T + P["bhn"].T))
        h = (1 - z) * n + z * h
        return torch.softmax(h @ P["wy"].T + P["by"].T, -1), h
    shapes = {}
    for k in "rzn":
        shapes.update({"wi" + k: (na, nx), "bi" + k: (na, 1), "wh" + k: (na, na), "bh" + k: (na, 1)})
    shapes.update(wy=(ny, na), by=(ny, 1))
    return _Cell(nx, na, step, **shapes)


def h3a_hgrn_readme_guess(d):
    """One reading only (one layer, theta per dimension, LayerNorm over 2d with weight and bias,
    W_o 2d x d): the text does not fix theta, Gamma's share, or the norm's width (expect: refuse)."""
    def step(P, x, hr, hi):
        cr = torch.nn.functional.silu(x @ P["Wcr"] + P["bcr"])
        ci = torch.nn.functional.silu(x @ P["Wci"] + P["bci"])
        mu = sig(x @ P["Wmu"] + P["bmu"])
        lam = mu
        cth, sth = torch.cos(P["theta"]), torch.sin(P["theta"])
        hr, hi = lam * (cth * hr - sth * hi) + (1 - lam) * cr, lam * (sth * hr + cth * hi) + (1 - lam) * ci
        g = sig(x @ P["Wg"] + P["bg"])
        o = torch.nn.functional.layer_norm(g * torch.cat([hr, hi], -1), (2 * d,), P["ln_w"], P["ln_b"])
        return o @ P["Wo"] + P["bo"], hr, hi
    return _Cell(d, d, step, state_n=2, Wcr=(d, d), bcr=(d,), Wci=(d, d), bci=(d,), Wmu=(d, d),
                 bmu=(d,), theta=(d,), Wg=(d, 2 * d), bg=(2 * d,), ln_w=(2 * d,), ln_b=(2 * d,),
                 Wo=(2 * d, d), bo=(d,))


# ------------------------------------------------------------------ AllenNLP (Python)

def h3a_allennlp_augmentedlstmcell(embed_dim, lstm_dim):
    """Defaults (use_highway=True, use_bias=True): input Linear(E, 6h), state Linear(h, 5h)."""
    h = lstm_dim

    class Aug(nn.Module):
        def __init__(self):
            super().__init__()
            self.input_linearity = nn.Linear(embed_dim, 6 * h)
            self.state_linearity = nn.Linear(h, 5 * h)
            self.x_in, self.h_size, self.state_n = embed_dim, h, 2

        def forward(self, x, hs=None, c=None):
            if hs is None:
                hs, c = torch.zeros(x.shape[0], h), torch.zeros(x.shape[0], h)
            pi, ps = self.input_linearity(x), self.state_linearity(hs)
            i, f, g, o, hw = (pi[:, :5 * h] + ps).chunk(5, 1)
            c = sig(i) * tanh(g) + sig(f) * c
            out = sig(o) * tanh(c)
            hw = sig(hw)
            return hw * out + (1 - hw) * pi[:, 5 * h:], c
    return Aug()


# ------------------------------------------------------------------ lrnnx (Python)

def h3a_lrnnx_rglru(d_model, d_conv=4):
    """RGLRU defaults (expand=1, bias=False, conv_bias=True): gate_proj, in_proj, depthwise conv,
    recurrent/input gate projections with bias, a_log (D, 1), out_proj."""
    D = d_model

    class RG(nn.Module):
        def __init__(self):
            super().__init__()
            self.gate_proj = nn.Linear(D, D, bias=False)
            self.in_proj = nn.Linear(D, D, bias=False)
            self.conv1d = nn.Conv1d(D, D, d_conv, groups=D, padding=d_conv - 1, bias=True)
            self.recurrent_gate_proj = nn.Linear(D, D)
            self.input_gate_proj = nn.Linear(D, D)
            self.a_log = nn.Parameter(torch.log(torch.rand(D, 1) * 0.099 + 0.9))
            self.out_proj = nn.Linear(D, D, bias=False)
            self.x_in, self.h_size, self.state_n = D, D, 1

        def forward(self, x, h=None):
            h = torch.zeros(x.shape[0], D) if h is None else h
            gate = torch.nn.functional.gelu(self.gate_proj(x))
            u = self.conv1d(self.in_proj(x).unsqueeze(-1))[..., 0]
            r, i = sig(self.recurrent_gate_proj(u)), sig(self.input_gate_proj(u))
            log_a = 8.0 * r * self.a_log[:, 0]
            a = torch.exp(log_a)
            h = a * h + torch.sqrt(1 - a ** 2) * (i * u)
            return self.out_proj(gate * h), h
    return RG()


def h3a_lrnnx_lru(d_model, d_state):
    """nu_log, theta_log, gamma_log (N); B_re, B_im (N, H); C_re, C_im (H, N); D (H)."""
    H, N = d_model, d_state

    def step(P, u, xr, xi):
        mag, ang = torch.exp(-torch.exp(P["nu_log"])), torch.exp(P["theta_log"])
        lr, li = mag * torch.cos(ang), mag * torch.sin(ang)
        g = torch.exp(P["gamma_log"])
        br, bi = g * (u @ P["B_re"].T), g * (u @ P["B_im"].T)
        xr, xi = lr * xr - li * xi + br, lr * xi + li * xr + bi
        y = xr @ P["C_re"].T - xi @ P["C_im"].T + P["D"] * u
        return y, xr, xi
    return _Cell(H, N, step, state_n=2, nu_log=(N,), theta_log=(N,), B_re=(N, H), B_im=(N, H),
                 C_re=(H, N), C_im=(H, N), D=(H,), gamma_log=(N,))
