"""Reference parameter counts of modern recurrent layers: torch modules that hold exactly the
parameters the official code holds, written from it (repository, file and commit in each builder's
docstring), and the counts the official packages report where they import on CPU (xlstm).

Every builder takes a dict of sizes, named as symcount's built-in cell of that layer names them,
and returns a torch.nn.Module; `count(name, sizes)` is its number of parameters. A builder mirrors
the official module's parameter tensors one for one (same shapes; the initial values do not matter
for a count). Modules whose constructors need CUDA kernels (mamba-ssm, fla) are mirrored; the
xLSTM blocks are also checked against NX-AI's `xlstm` package (2.0.6, which imports on CPU) through
the counts it reported, kept below as data.

Sizes are whole numbers; where the official code derives a size (mamba's d_inner = expand * d_model,
fla's head_v_dim = value_dim // num_heads), the builder takes the parts (E and d; H and V).
"""
from __future__ import annotations


def _nn():
    import torch
    return torch, torch.nn


def _module(shapes: dict[str, tuple[int, ...]]):
    torch, nn = _nn()
    m = nn.Module()
    for name, shape in shapes.items():
        m.register_parameter(name.replace(".", "_"), nn.Parameter(torch.zeros(*shape)))
    return m


def _linear(i: int, o: int, bias: bool):
    _, nn = _nn()
    return nn.Linear(i, o, bias=bias)


def _depthwise(channels: int, width: int, bias: bool):
    """A short causal depthwise convolution over time: nn.Conv1d(C, C, K, groups=C)."""
    _, nn = _nn()
    return nn.Conv1d(channels, channels, width, groups=channels, padding=width - 1, bias=bias)


def mamba(s: dict):
    """mamba-ssm's `Mamba` block. state-spaces/mamba, mamba_ssm/modules/mamba_simple.py,
    commit e9594ce1c732d97440f0332fdc43170a2294dbfa (class Mamba.__init__): in_proj (d -> 2 E d, no
    bias), conv1d (depthwise over E d channels, width K, bias), x_proj (E d -> R + 2 N, no bias),
    dt_proj (R -> E d, bias), A_log (E d x N), D (E d), out_proj (E d -> d, no bias).
    Sizes d (d_model), N (d_state), E (expand), R (dt_rank), K (d_conv)."""
    _, nn = _nn()
    d, N, E, R, K = s["d"], s["N"], s["E"], s["R"], s["K"]
    D = E * d
    m = nn.Module()
    m.in_proj = _linear(d, 2 * D, False)
    m.conv1d = _depthwise(D, K, True)
    m.x_proj = _linear(D, R + 2 * N, False)
    m.dt_proj = _linear(R, D, True)
    m.extra = _module({"A_log": (D, N), "D": (D,)})
    m.out_proj = _linear(D, d, False)
    return m


def mamba2(s: dict):
    """mamba-ssm's `Mamba2` block with its defaults (ngroups G, D per head, RMSNormGated, no biases).
    state-spaces/mamba, mamba_ssm/modules/mamba2.py (and mamba2_simple.py, the same parameters),
    commit e9594ce1c732d97440f0332fdc43170a2294dbfa: in_proj (d -> 2 E d + 2 G N + H), conv1d
    (depthwise over E d + 2 G N channels, width K, bias), dt_bias, A_log, D (H each), norm (E d),
    out_proj (E d -> d). Sizes d, N (d_state), H (heads), P (headdim: E d = H P), K; ngroups G = 1
    (its default) unless given."""
    _, nn = _nn()
    d, N, H, P, K, G = s["d"], s["N"], s["H"], s["P"], s["K"], s.get("G", 1)
    D = H * P
    m = nn.Module()
    m.in_proj = _linear(d, 2 * D + 2 * G * N + H, False)
    m.conv1d = _depthwise(D + 2 * G * N, K, True)
    m.extra = _module({"dt_bias": (H,), "A_log": (H,), "D": (H,), "norm_weight": (D,)})
    m.out_proj = _linear(D, d, False)
    return m


def s4d(s: dict):
    """The S4D layer. state-spaces/s4, models/s4/s4d.py, commit e757cef57d89e448c413de7325ed5601aceaac13
    (S4DKernel: log_dt (H), C (H x N/2 complex, stored as two reals), log_A_real and A_imag (H x N/2);
    S4D: D (H), output_linear Conv1d(H, 2H, 1) with bias, then GLU). Sizes H (d_model) and n = N/2,
    the number of complex modes per channel."""
    _, nn = _nn()
    H, n = s["H"], s["n"]
    m = nn.Module()
    m.kernel = _module({"log_dt": (H,), "C": (H, n, 2), "log_A_real": (H, n), "A_imag": (H, n)})
    m.extra = _module({"D": (H,)})
    m.output_linear = nn.Conv1d(H, 2 * H, 1)
    return m


def lru(s: dict):
    """The Linear Recurrent Unit (Orvieto et al. 2023, "Resurrecting Recurrent Neural Networks for
    Long Sequences", ICML; the official code is the JAX listing of its Appendix A, class LRU):
    nu_log, theta_log, gamma_log (N each), B_re, B_im (N x H), C_re, C_im (H x N), D (H).
    Sizes N (state) and H (model width)."""
    N, H = s["N"], s["H"]
    return _module({"nu_log": (N,), "theta_log": (N,), "gamma_log": (N,), "B_re": (N, H), "B_im": (N, H),
                    "C_re": (H, N), "C_im": (H, N), "D": (H,)})


def rglru(s: dict):
    """Griffin/Hawk's recurrent block with the RG-LRU. google-deepmind/recurrentgemma,
    recurrentgemma/torch/modules.py (RecurrentBlock) and recurrentgemma/torch/layers.py (RGLRU,
    BlockDiagonalLinear, Conv1D), commit 2efa84dac0e68e63547a27a18fa943c98f1c312e: linear_y and
    linear_x (d -> D, bias), conv_1d (K x D weights, D biases), rg_lru (a_param D; input_gate and
    a_gate: H blocks of P x P and a bias of D each), linear_out (D -> d, bias).
    Sizes d (width), D = H P (lru_width), H (heads), P (block width), K (temporal width)."""
    _, nn = _nn()
    d, H, P, K = s["d"], s["H"], s["P"], s["K"]
    D = H * P
    m = nn.Module()
    m.linear_y = _linear(d, D, True)
    m.linear_x = _linear(d, D, True)
    m.linear_out = _linear(D, d, True)
    m.conv_1d = _module({"w": (K, D), "b": (D,)})
    m.rg_lru = _module({"a_param": (D,), "input_gate_w": (H, P, P), "input_gate_b": (H, P),
                        "a_gate_w": (H, P, P), "a_gate_b": (H, P)})
    return m


def gla(s: dict):
    """Gated linear attention layer. fla-org/flash-linear-attention, fla/layers/gla.py, commit
    bc3b101dcb713ddc5bd8924b66754eb68b5ccf89 (GatedLinearAttention with its defaults: output gate,
    no short convolution, FusedRMSNormGated over head_v_dim with a weight): q_proj, k_proj
    (d -> H K), v_proj, g_proj (d -> H V), gk_proj (d -> R, then R -> H K with bias), o_proj
    (H V -> d), g_norm weight (V). Sizes d, H, K (key size per head), V (value size per head), R."""
    _, nn = _nn()
    d, H, K, V, R = s["d"], s["H"], s["K"], s["V"], s["R"]
    m = nn.Module()
    m.q_proj, m.k_proj = _linear(d, H * K, False), _linear(d, H * K, False)
    m.v_proj, m.g_proj = _linear(d, H * V, False), _linear(d, H * V, False)
    m.gk_proj = nn.Sequential(_linear(d, R, False), _linear(R, H * K, True))
    m.o_proj = _linear(H * V, d, False)
    m.g_norm = _module({"weight": (V,)})
    return m


def retnet(s: dict):
    """RetNet's multi-scale retention. syncdoth/RetNet, retnet/modeling_retnet.py, commit
    2634bbfb629df6c91dd9b755e66d61ad300607e7 (MultiScaleRetention, use_bias=False; its group_norm is
    an RMSNorm without affine parameters): q_proj, k_proj (d -> d), v_proj, g_proj (d -> H V),
    out_proj (H V -> d). Sizes d (embed_dim = H K), H, K (key size per head), V (value size per head)."""
    _, nn = _nn()
    H, K, V = s["H"], s["K"], s["V"]
    d = H * K
    m = nn.Module()
    m.q_proj, m.k_proj = _linear(d, d, False), _linear(d, d, False)
    m.v_proj, m.g_proj = _linear(d, H * V, False), _linear(d, H * V, False)
    m.out_proj = _linear(H * V, d, False)
    return m


def deltanet(s: dict):
    """DeltaNet layer. fla-org/flash-linear-attention, fla/layers/delta_net.py, commit
    bc3b101dcb713ddc5bd8924b66754eb68b5ccf89 (DeltaNet with its defaults: beta, short convolutions
    without bias, no output gate, RMSNorm over head_v_dim): q_proj, k_proj (d -> H K), v_proj
    (d -> H V), b_proj (d -> H), q/k/v_conv1d (width K_c), o_norm weight (V), o_proj (H V -> d).
    Sizes d, H, K, V, C (convolution width)."""
    _, nn = _nn()
    d, H, K, V, C = s["d"], s["H"], s["K"], s["V"], s["C"]
    m = nn.Module()
    m.q_proj, m.k_proj = _linear(d, H * K, False), _linear(d, H * K, False)
    m.v_proj, m.b_proj = _linear(d, H * V, False), _linear(d, H, False)
    m.q_conv1d, m.k_conv1d = _depthwise(H * K, C, False), _depthwise(H * K, C, False)
    m.v_conv1d = _depthwise(H * V, C, False)
    m.o_norm = _module({"weight": (V,)})
    m.o_proj = _linear(H * V, d, False)
    return m


def gated_deltanet(s: dict):
    """Gated DeltaNet layer. fla-org/flash-linear-attention, fla/layers/gated_deltanet.py, commit
    bc3b101dcb713ddc5bd8924b66754eb68b5ccf89 (GatedDeltaNet with its defaults: output gate, short
    convolutions without bias): q_proj, k_proj (d -> H K), v_proj, g_proj (d -> H V), a_proj, b_proj
    (d -> H), A_log, dt_bias (H), q/k/v_conv1d (width C), o_norm weight (V), o_proj (H V -> d).
    Sizes d, H, K (head_dim), V (head_v_dim = expand_v head_dim), C."""
    _, nn = _nn()
    d, H, K, V, C = s["d"], s["H"], s["K"], s["V"], s["C"]
    m = nn.Module()
    m.q_proj, m.k_proj = _linear(d, H * K, False), _linear(d, H * K, False)
    m.v_proj, m.g_proj = _linear(d, H * V, False), _linear(d, H * V, False)
    m.a_proj, m.b_proj = _linear(d, H, False), _linear(d, H, False)
    m.extra = _module({"A_log": (H,), "dt_bias": (H,)})
    m.q_conv1d, m.k_conv1d = _depthwise(H * K, C, False), _depthwise(H * K, C, False)
    m.v_conv1d = _depthwise(H * V, C, False)
    m.o_norm = _module({"weight": (V,)})
    m.o_proj = _linear(H * V, d, False)
    return m


def hgrn2(s: dict):
    """HGRN2 layer. fla-org/flash-linear-attention, fla/layers/hgrn2.py, commit
    bc3b101dcb713ddc5bd8924b66754eb68b5ccf89 (HGRN2Attention, no short convolution): q_proj, f_proj
    (d -> H E, E = expand_ratio), i_proj (d -> d), g_norm RMSNorm(d) weight, o_proj (d -> d).
    Sizes H (heads), P (hidden_size / H) and E (expand_ratio: the state's key size per head)."""
    _, nn = _nn()
    H, P, E = s["H"], s["P"], s["E"]
    d = H * P
    m = nn.Module()
    m.q_proj, m.f_proj = _linear(d, H * E, False), _linear(d, H * E, False)
    m.i_proj, m.o_proj = _linear(d, d, False), _linear(d, d, False)
    m.g_norm = _module({"weight": (d,)})
    return m


def rwkv6_time(s: dict):
    """RWKV-6 (Finch) time mixing. BlinkDL/RWKV-LM, RWKV-v5/src/model.py, commit
    524481d5099b38d9bc8ef1e89209161b86c8011b (class RWKV_Tmix_x060, dim_att = n_embd = C):
    time_maa_x, _w, _k, _v, _r, _g (C each), time_maa_w1 (C x 5 L), time_maa_w2 (5 x L x C),
    time_decay (C), time_decay_w1 (C x M), time_decay_w2 (M x C), time_faaaa (H x C/H), receptance,
    key, value, gate, output (C x C, no bias), ln_x GroupNorm(H, C) (weight, bias).
    Sizes H (heads), P (head size: C = H P), L (D_MIX_LORA, 32), M (D_DECAY_LORA, 64)."""
    _, nn = _nn()
    C, L, M = s["H"] * s["P"], s["L"], s["M"]
    m = _module({**{f"time_maa_{x}": (1, 1, C) for x in "xwkvrg"}, "time_maa_w1": (C, 5 * L),
                 "time_maa_w2": (5, L, C), "time_decay": (1, 1, C), "time_decay_w1": (C, M),
                 "time_decay_w2": (M, C), "time_faaaa": (C,)})
    for name in ("receptance", "key", "value", "gate", "output"):
        setattr(m, name, _linear(C, C, False))
    m.ln_x = nn.GroupNorm(1, C)  # GroupNorm(H, C): weight and bias of C, whatever H
    return m


def rwkv6_channel(s: dict):
    """RWKV-6 channel mixing. BlinkDL/RWKV-LM, RWKV-v5/src/model.py, commit
    524481d5099b38d9bc8ef1e89209161b86c8011b (class RWKV_CMix_x060): time_maa_k, time_maa_r (C),
    key (C -> F), receptance (C -> C), value (F -> C), no biases. Sizes C, F (dim_ffn)."""
    C, F = s["C"], s["F"]
    m = _module({"time_maa_k": (1, 1, C), "time_maa_r": (1, 1, C)})
    m.key, m.receptance, m.value = _linear(C, F, False), _linear(C, C, False), _linear(F, C, False)
    return m


def rwkv7_time(s: dict):
    """RWKV-7 (Goose) time mixing. BlinkDL/RWKV-LM, RWKV-v7/train_temp/src/model.py, commit
    524481d5099b38d9bc8ef1e89209161b86c8011b (class RWKV_Tmix_x070, which makes v0, v1, v2 in every
    layer): x_r, x_w, x_k, x_v, x_a, x_g (C), w1, w2 (C x W, W x C), w0 (C), a1, a2 (C x A, A x C),
    a0 (C), v1, v2 (C x U, U x C), v0 (C), g1, g2 (C x G, G x C), k_k, k_a (C), r_k (H x C/H),
    receptance, key, value, output (C x C), ln_x GroupNorm(H, C). Sizes H, P (C = H P) and the low ranks W
    (D_DECAY_LORA), A (D_AAA_LORA), U (D_MV_LORA), G (D_GATE_LORA)."""
    _, nn = _nn()
    C, W, A, U, G = s["H"] * s["P"], s["W"], s["A"], s["U"], s["G"]
    shapes = {f"x_{x}": (1, 1, C) for x in "rwkvag"}
    for name, r in (("w", W), ("a", A), ("v", U), ("g", G)):
        shapes.update({f"{name}1": (C, r), f"{name}2": (r, C)})
        if name != "g":
            shapes[f"{name}0"] = (1, 1, C)
    shapes.update({"k_k": (1, 1, C), "k_a": (1, 1, C), "r_k": (C,)})
    m = _module(shapes)
    for name in ("receptance", "key", "value", "output"):
        setattr(m, name, _linear(C, C, False))
    m.ln_x = nn.GroupNorm(1, C)
    return m


def rwkv7_channel(s: dict):
    """RWKV-7 channel mixing. BlinkDL/RWKV-LM, RWKV-v7/train_temp/src/model.py, commit
    524481d5099b38d9bc8ef1e89209161b86c8011b (class RWKV_CMix_x070): x_k (C), key (C -> 4C), value
    (4C -> C), no biases. Sizes C, F (= 4 C in the official code)."""
    C, F = s["C"], s["F"]
    m = _module({"x_k": (1, 1, C)})
    m.key, m.value = _linear(C, F, False), _linear(F, C, False)
    return m


def mlstm_cell(s: dict):
    """xLSTM's mLSTM cell as the paper writes it (Beck et al. 2024, eqs. 19-27), for H heads of one
    input x of size d: q, k, v = W x + b (d -> H K, H K, H V), scalar gates per head i, f = w^T x + b
    (H (d + 1) each), o = sigma(W_o x + b_o) (d -> H V). Sizes d, H, K, V."""
    _, nn = _nn()
    d, H, K, V = s["d"], s["H"], s["K"], s["V"]
    m = nn.Module()
    m.q, m.k, m.v, m.o = (_linear(d, H * K, True), _linear(d, H * K, True), _linear(d, H * V, True),
                          _linear(d, H * V, True))
    m.i, m.f = _linear(d, H, True), _linear(d, H, True)
    return m


def slstm_cell(s: dict):
    """xLSTM's sLSTM cell as the paper writes it (Beck et al. 2024, eqs. 8-17): z, i, f, o = W x +
    R h_{t-1} + b with a block-diagonal recurrent R of H heads (blocks P x P), for d = H P units.
    NX-AI/xlstm, xlstm/blocks/slstm/cell.py, commit 032a6fb8ee19a8c0db80ae6111ff4744a09414a9 holds
    _recurrent_kernel_ (H x P x 4P) and _bias_ (4 d); the layer's input projections
    (xlstm/blocks/slstm/layer.py: fgate, igate, zgate, ogate) are block-diagonal too (H blocks of P
    x P, no bias). Sizes H, P."""
    H, P = s["H"], s["P"]
    return _module({"W_z": (H, P, P), "W_i": (H, P, P), "W_f": (H, P, P), "W_o": (H, P, P),
                    "recurrent_kernel": (H, P, 4 * P), "bias": (4 * H * P,)})


def mlstm_block(s: dict):
    """NX-AI/xlstm's mLSTM block. xlstm/blocks/mlstm/block.py, layer.py, cell.py, commit
    032a6fb8ee19a8c0db80ae6111ff4744a09414a9 (mLSTMBlock with mLSTMLayerConfig(embedding_dim=d,
    proj_factor=E, num_heads=H, qkv_proj_blocksize=B, conv1d_kernel_size=K)): xlstm_norm (d, no bias),
    proj_up (d -> 2 E d), q/k/v_proj (E d / B blocks of B x B, no bias), conv1d (E d x K, bias),
    igate, fgate (3 E d -> H, bias), outnorm (E d, no bias), learnable_skip (E d), proj_down
    (E d -> d). Sizes d, H, P (the head size: E d = H P), S (the block size B; B names the batch), K."""
    _, nn = _nn()
    d, H, P, B, K = s["d"], s["H"], s["P"], s["S"], s["K"]
    D = H * P
    m = _module({"xlstm_norm": (d,), "learnable_skip": (D,), "q": (D // B, B, B), "k": (D // B, B, B),
                 "v": (D // B, B, B), "outnorm": (D,)})
    m.proj_up, m.proj_down = _linear(d, 2 * D, False), _linear(D, d, False)
    m.conv1d = _depthwise(D, K, True)
    m.igate, m.fgate = _linear(3 * D, H, True), _linear(3 * D, H, True)
    return m


def slstm_block(s: dict):
    """NX-AI/xlstm's sLSTM block. xlstm/blocks/slstm/block.py, layer.py, cell.py and
    xlstm/components/feedforward.py, commit 032a6fb8ee19a8c0db80ae6111ff4744a09414a9 (sLSTMBlock with
    sLSTMLayerConfig(embedding_dim=d = H P, num_heads=H, conv1d_kernel_size=K) and a gated
    feedforward of F = the up-projection size): xlstm_norm (d), conv1d (d x K, bias), f/i/z/o gates
    (H blocks of P x P), recurrent kernel (H x P x 4P), bias (4 d), group_norm (d), ffn_norm (d),
    ffn proj_up (d -> 2 F), proj_down (F -> d). Sizes H, P, K, F."""
    H, P, K, F = s["H"], s["P"], s["K"], s["F"]
    d = H * P
    m = slstm_cell({"H": H, "P": P})
    m.extra = _module({"xlstm_norm": (d,), "group_norm": (d,), "ffn_norm": (d,)})
    m.conv1d = _depthwise(d, K, True)
    m.proj_up, m.proj_down = _linear(d, 2 * F, False), _linear(F, d, False)
    return m


BUILDERS = {"mamba": mamba, "mamba2": mamba2, "s4d": s4d, "lru": lru, "rglru": rglru, "gla": gla,
            "retnet": retnet, "deltanet": deltanet, "gated-deltanet": gated_deltanet, "hgrn2": hgrn2,
            "rwkv6-time": rwkv6_time, "rwkv6-channel": rwkv6_channel, "rwkv7-time": rwkv7_time,
            "rwkv7-channel": rwkv7_channel, "xlstm-mlstm": mlstm_cell, "xlstm-slstm": slstm_cell,
            "xlstm-mlstm-block": mlstm_block, "xlstm-slstm-block": slstm_block}

# Two sizes of each layer: the official default (or a published model's) and a small one.
SIZES = {
    "mamba": [dict(d=768, N=16, E=2, R=48, K=4), dict(d=64, N=8, E=3, R=4, K=3)],
    "mamba2": [dict(d=768, N=128, H=24, P=64, K=4), dict(d=64, N=16, H=4, P=32, K=3)],
    "s4d": [dict(H=256, n=32), dict(H=12, n=5)],
    "lru": [dict(N=256, H=512), dict(N=7, H=5)],
    "rglru": [dict(d=2560, H=10, P=256, K=4), dict(d=24, H=3, P=5, K=2)],
    "gla": [dict(d=1024, H=4, K=128, V=256, R=16), dict(d=48, H=2, K=5, V=7, R=3)],
    "retnet": [dict(H=8, K=128, V=256), dict(H=3, K=4, V=6)],
    "deltanet": [dict(d=1024, H=4, K=256, V=256, C=4), dict(d=40, H=2, K=3, V=5, C=3)],
    "gated-deltanet": [dict(d=2048, H=6, K=256, V=512, C=4), dict(d=40, H=2, K=3, V=5, C=3)],
    "hgrn2": [dict(H=8, P=128, E=128), dict(H=3, P=12, E=4)],
    "rwkv6-time": [dict(H=12, P=64, L=32, M=64), dict(H=4, P=10, L=3, M=5)],
    "rwkv6-channel": [dict(C=768, F=2688), dict(C=40, F=140)],
    "rwkv7-time": [dict(H=12, P=64, W=64, A=64, U=32, G=128), dict(H=4, P=10, W=3, A=4, U=5, G=6)],
    "rwkv7-channel": [dict(C=768, F=3072), dict(C=40, F=160)],
    "xlstm-mlstm": [dict(d=512, H=4, K=128, V=128), dict(d=30, H=3, K=4, V=6)],
    "xlstm-slstm": [dict(H=4, P=128), dict(H=3, P=5)],
    "xlstm-mlstm-block": [dict(d=128, H=4, P=64, S=4, K=4), dict(d=64, H=2, P=64, S=8, K=3)],  # E = H P / d = 2
    "xlstm-slstm-block": [dict(H=4, P=32, K=4, F=192), dict(H=2, P=32, K=3, F=128)],
}

# What NX-AI's xlstm package (2.0.6, CPU) reports for its blocks at the sizes of SIZES: built with
# mLSTMBlockConfig(mlstm=mLSTMLayerConfig(embedding_dim=d, context_length=16, num_heads=H,
# conv1d_kernel_size=K, qkv_proj_blocksize=S, proj_factor=E = H P / d), _num_blocks=1) and
# sLSTMBlockConfig(slstm=sLSTMLayerConfig(embedding_dim=H*P, num_heads=H, conv1d_kernel_size=K,
# backend="vanilla"), feedforward=FeedForwardConfig(proj_factor=1.3 (d=128: F=192) or 2.0 (d=64:
# F=128), act_fn="gelu"), _num_blocks=1); sum(p.numel() for p in block.parameters()).
OFFICIAL = {
    ("xlstm-mlstm-block", 0): 109448, ("xlstm-mlstm-block", 1): 30020,
    ("xlstm-slstm-block", 0): 108032, ("xlstm-slstm-block", 1): 41664,
}


def count(name: str, sizes: dict) -> int:
    return sum(p.numel() for p in BUILDERS[name](sizes).parameters())


def formula(name: str, s: dict) -> int:
    """Each layer's count as a closed form, written from the official code's shapes (the README's
    table gives the same formulas in symcount's names)."""
    g = dict(s)
    f = {
        "mamba": lambda d, N, E, R, K: 3 * E * d * d + E * d * (K + 3 + 2 * R + 3 * N),
        "mamba2": lambda d, N, H, P, K: 3 * d * H * P + d * (2 * N + H) + (H * P + 2 * N) * (K + 1) + 3 * H + H * P,
        "s4d": lambda H, n: 2 * H * H + 4 * H * n + 4 * H,
        "lru": lambda N, H: 3 * N + 4 * N * H + H,
        "rglru": lambda d, H, P, K: 3 * d * H * P + 3 * H * P + d + K * H * P + H * P + 2 * H * P * P + 2 * H * P,
        "gla": lambda d, H, K, V, R: 3 * d * H * V + 2 * d * H * K + d * R + R * H * K + H * K + V,
        "retnet": lambda H, K, V: 2 * (H * K) ** 2 + 3 * H * K * H * V,
        "deltanet": lambda d, H, K, V, C: 2 * d * H * K + 2 * d * H * V + d * H + C * (2 * H * K + H * V) + V,
        "gated-deltanet": lambda d, H, K, V, C: 2 * d * H * K + 3 * d * H * V + 2 * d * H + 2 * H
                                                + C * (2 * H * K + H * V) + V,
        "hgrn2": lambda H, P, E: 2 * H * P * H * E + 2 * (H * P) ** 2 + H * P,
        "rwkv6-time": lambda H, P, L, M: 5 * (H * P) ** 2 + 10 * H * P * L + 2 * H * P * M + 10 * H * P,
        "rwkv6-channel": lambda C, F: C * C + 2 * C * F + 2 * C,
        "rwkv7-time": lambda H, P, W, A, U, G: 4 * (H * P) ** 2 + 2 * H * P * (W + A + U + G) + 14 * H * P,
        "rwkv7-channel": lambda C, F: 2 * C * F + C,
        "xlstm-mlstm": lambda d, H, K, V: d * (2 * H * K + 2 * H * V + 2 * H) + 2 * H * K + 2 * H * V + 2 * H,
        "xlstm-slstm": lambda H, P: 8 * H * P * P + 4 * H * P,
        "xlstm-mlstm-block": lambda d, H, P, S, K: 3 * H * P * d + 3 * H * P * S + H * P * (K + 1)
                                                   + 2 * H * (3 * H * P + 1) + 2 * H * P + d,
        "xlstm-slstm-block": lambda H, P, K, F: 8 * H * P * P + 4 * H * P + H * P * (K + 1) + 3 * H * P + 3 * H * P * F,
    }[name]
    return f(**g)
