"""Words applied like functions, and what each kind of word means: an activation (no parameters),
a linear map (a weight and a bias), a normalisation (a gain and a bias), diag(u), a reduction, a
letter (g(x): a function, not a matrix), or an unknown name (it may have parameters)."""
from __future__ import annotations

from . import patterns as re  # re, with the package's patterns compiled ahead (read.patterns)
from functools import lru_cache

from .names import GREEK

ACTIVATIONS = frozenset("""sigma sigmoid tanh exp log ln sinh cosh sin cos phi varphi psi rho sqrt max min sgn sign
softmax relu ReLU Relu elu ELU gelu GELU GeLU GeLu Gelu silu SiLU swish Swish softplus Softplus softsign hardtanh logistic act activation Activation
identity id dropout Dropout drop zoneout Sigmoid Tanh Softmax LeakyReLU leakyrelu abs erf Re Im real imag
""".split())
LINEAR = frozenset("linear Linear lin Lin dense Dense fc FC affine Affine proj Proj Projection projection".split())
NORMS = frozenset("LN LayerNorm layernorm layer_norm layer-norm Norm norm LNorm BN BatchNorm batchnorm "
                  "GroupNorm groupnorm GN RMSNorm RMSnorm rmsnorm RMSN".split())
GAIN_ONLY = frozenset("RMSNorm RMSnorm rmsnorm RMSN".split())   # a gain and no bias (RMSNorm)
CONV = frozenset("Conv1d conv1d Conv1D Conv conv CausalConv1d CausalConv ShortConv DWConv".split())
CONV_NO_BIAS = frozenset(["ShortConv"])   # fla's ShortConvolution (conv_bias=False)
DIAG = frozenset("diag Diag".split())
LOSSES = frozenset("loss Loss CE ce MSE mse NLL nll xent CrossEntropy crossentropy cross_entropy".split())  # training only
HEADPART = frozenset("head Head HeadPart".split())   # a head's part of a signal of all heads
BLOCKDIAG = frozenset("BlockDiag BlockLinear BlockDiagonalLinear HeadwiseLinear LinearHeadwise".split())
_WRAP = re.compile(r"^\\(?:operatorname\*?|mathrm|text|textrm|textnormal|mathit|mathsf|textsf|textit|mathop|"
                   r"mathbf|textbf|mbox|hbox|texttt|mathtt)\{(?P<word>[^{}]*)\}")
_SCRIPT = re.compile(r"(?P<kind>[_^])\s*(?:\{(?P<braced>[^{}]*)\}|(?P<one>[A-Za-z0-9]))")


@lru_cache(maxsize=4096)  # (a pure function of the name: a long cell applies a few functions thousands of times)
def split(func: str) -> tuple[str, str, str]:
    """A function's word, subscript and superscript: \\text{Linear}_{d_h} -> (Linear, d_h, "")."""
    m = _WRAP.match(func)
    if m:
        word, rest = m.group("word").replace("\\_", "_"), func[m.end():]
    else:
        m = re.match(r"^\\?(?P<word>[A-Za-z]+)", func)
        word, rest = (m.group("word"), func[m.end():]) if m else (func, "")
    sub = sup = ""
    for s in _SCRIPT.finditer(rest):
        text = s.group("braced") if s.group("braced") is not None else s.group("one")
        if s.group("kind") == "_":
            sub = text
        else:
            sup = text
    return word, sub, sup


@lru_cache(maxsize=4096)
def kind(func: str) -> str:
    """"activation", "linear", "norm", "diag", "conv" (a short depthwise convolution over time), "loss"
    (a training loss: its arguments compared entry by entry, one number, no cost at inference),
    "blockdiag" (a block-diagonal linear map of square blocks, no bias), "headpart" (a head's part),
    "letter" (a letter applied like a function), or "unknown"."""
    word, _, _ = split(func)
    if word in LINEAR:
        return "linear"
    if word in NORMS:
        return "norm"
    if word in DIAG:
        return "diag"
    if word in CONV:
        return "conv"
    if word in BLOCKDIAG:
        return "blockdiag"
    if word in HEADPART:
        return "headpart"
    if word in ("sum", "prod", "vecnorm"):
        return "reduction"
    if word in LOSSES:
        return "loss"
    if word in ACTIVATIONS or len(word) > 3 and word.isupper() and word.lower() in ACTIVATIONS:  # SIGMOID, TANH
        return "activation"
    if (len(word) == 1 and word.islower()) or word in GREEK:
        return "letter"
    return "unknown" if word[:1].isupper() else "activation-guess"


FREE = frozenset("identity id dropout Dropout drop zoneout Re Im real imag".split())  # no arithmetic at inference
