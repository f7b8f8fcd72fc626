"""Framework oracles: parameter counts as PyTorch and Keras report them.

Tests compare symcount's formulas against these, never against a hand-written formula.
Both build their models without allocating weights (the "meta" device), so large sizes are cheap.
"""

import os

# Keras reads its backend once, at import time; without this it looks for TensorFlow.
os.environ.setdefault("KERAS_BACKEND", "torch")

import functools  # noqa: E402
import importlib  # noqa: E402
from types import ModuleType  # noqa: E402
from typing import NoReturn  # noqa: E402

import pytest  # noqa: E402

TORCH_KINDS = ("RNN", "LSTM", "GRU")
KERAS_KINDS = ("SimpleRNN", "LSTM", "GRU")


def missing(what: str, reason: str) -> NoReturn:
    """A tool a test needs is missing: skip the test, but fail it in CI, where everything is installed."""
    if os.environ.get("CI"):
        pytest.fail(f"{what} must be installed in CI, but {reason}")
    pytest.skip(f"{what} is not installed: {reason}")


def require(module: str) -> ModuleType:
    """Import and return `module`; skip the test when it is missing, but fail in CI."""
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        missing(f"oracle {module!r}", f"importing it failed: {exc}")


def torch_count(
    kind: str,
    input_size: int,
    hidden_size: int,
    *,
    num_layers: int = 1,
    bidirectional: bool = False,
    bias: bool = True,
    proj_size: int = 0,
) -> int:
    """Number of parameters of `torch.nn.<kind>(input_size, hidden_size, ...)`."""
    if kind not in TORCH_KINDS:
        raise ValueError(f"torch kind must be one of {TORCH_KINDS}, not {kind!r}")
    if proj_size and kind != "LSTM":
        raise ValueError(f"proj_size is only for LSTM, not {kind}")
    torch = require("torch")
    extra = {"proj_size": proj_size} if kind == "LSTM" else {}
    module = getattr(torch.nn, kind)(
        input_size,
        hidden_size,
        num_layers=num_layers,
        bias=bias,
        bidirectional=bidirectional,
        device="meta",
        **extra,
    )
    return int(sum(p.numel() for p in module.parameters()))


def keras_count(
    kind: str,
    input_size: int,
    units: int,
    *,
    num_layers: int = 1,
    bidirectional: bool = False,
    use_bias: bool = True,
    reset_after: bool = True,
) -> int:
    """`count_params()` of a Keras model: Input(None, input_size), then `num_layers` `<kind>` layers.

    Every layer returns sequences; with `bidirectional` each is wrapped in
    `Bidirectional(..., merge_mode="concat")`, so the next layer reads 2 * units features.
    """
    if kind not in KERAS_KINDS:
        raise ValueError(f"keras kind must be one of {KERAS_KINDS}, not {kind!r}")
    if not reset_after and kind != "GRU":
        raise ValueError(f"reset_after is only for GRU, not {kind}")
    return _keras_count(kind, input_size, units, num_layers, bidirectional, use_bias, reset_after)


@functools.cache
def _keras() -> ModuleType:
    return require("keras")


@functools.lru_cache(maxsize=1024)
def _keras_count(kind, input_size, units, num_layers, bidirectional, use_bias, reset_after) -> int:
    keras = _keras()
    # Zero initializers skip the orthogonal initializer's QR decomposition; the count is the same.
    options = {
        "return_sequences": True,
        "use_bias": use_bias,
        "kernel_initializer": "zeros",
        "recurrent_initializer": "zeros",
    }
    if kind == "GRU":
        options["reset_after"] = reset_after
    layer_class = getattr(keras.layers, kind)

    def count() -> int:
        inputs = keras.Input(shape=(None, input_size))
        x = inputs
        for _ in range(num_layers):
            layer = layer_class(units, **options)
            if bidirectional:
                layer = keras.layers.Bidirectional(layer, merge_mode="concat")
            x = layer(x)
        return int(keras.Model(inputs, x).count_params())

    if keras.backend.backend() != "torch":
        return count()
    with keras.device("meta"):  # weights get shapes but no memory
        return count()
