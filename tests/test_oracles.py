"""Sanity checks of the framework oracles themselves (tests/oracles.py)."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.fuzzing import fuzz
from tests.oracles import keras_count, require, torch_count

pytestmark = pytest.mark.oracle

# Keras' first model pays for the import; hypothesis must not count that against an example.
ORACLE_SETTINGS = fuzz(25)
sizes = st.integers(min_value=1, max_value=2048)
layers = st.integers(min_value=1, max_value=3)

# torch has two bias vectors per gate (b_i*, b_h*); Keras one, except GRU with reset_after=True, which
# also has two. (torch kind, keras kind, keras options) -> extra torch biases per layer and direction.
EXTRA_TORCH_BIASES = {
    ("RNN", "SimpleRNN", ()): 1,
    ("LSTM", "LSTM", ()): 4,
    ("GRU", "GRU", (("reset_after", False),)): 3,
    ("GRU", "GRU", (("reset_after", True),)): 0,
}


# Counts worked out by hand from the torch.nn docs' weight shapes, to catch a miswired oracle.
@pytest.mark.parametrize(
    "kind, d, h, options, expected",
    [
        ("RNN", 10, 20, {}, 20 * 10 + 20 * 20 + 2 * 20),
        ("LSTM", 512, 256, {"num_layers": 2, "bidirectional": True}, 3_153_920),
        ("GRU", 10, 20, {"bias": False}, 3 * 20 * (10 + 20)),
        # proj_size p: W_hh is 4h x p, the next layer reads p features, W_hr is p x h.
        ("LSTM", 10, 20, {"proj_size": 5}, 80 * 10 + 80 * 5 + 2 * 80 + 5 * 20),
        ("LSTM", 10, 20, {"proj_size": 5, "num_layers": 2}, 1460 + 80 * 5 + 80 * 5 + 2 * 80 + 5 * 20),
    ],
)
def test_torch_count_known_values(kind, d, h, options, expected):
    count = torch_count(kind, d, h, **options)
    assert type(count) is int
    assert count == expected


@pytest.mark.parametrize(
    "kind, d, units, options, expected",
    [
        ("SimpleRNN", 10, 20, {}, 20 * 10 + 20 * 20 + 20),
        ("LSTM", 10, 20, {"use_bias": False}, 4 * 20 * (10 + 20)),
        # reset_after=True keeps a second (recurrent) bias: 2 x 3 units.
        ("GRU", 10, 20, {}, 3 * 20 * (10 + 20) + 2 * 3 * 20),
        ("GRU", 10, 20, {"reset_after": False}, 3 * 20 * (10 + 20) + 3 * 20),
        # The second layer reads the concatenated 2 * units features.
        ("SimpleRNN", 3, 4, {"num_layers": 2, "bidirectional": True}, 2 * (12 + 16 + 4) + 2 * (32 + 16 + 4)),
    ],
)
def test_keras_count_known_values(kind, d, units, options, expected):
    count = keras_count(kind, d, units, **options)
    assert type(count) is int
    assert count == expected


def test_lstm_torch_has_one_more_bias_per_gate_than_keras():
    torch_lstm = torch_count("LSTM", 512, 256, num_layers=2, bidirectional=True)
    keras_lstm = keras_count("LSTM", 512, 256, num_layers=2, bidirectional=True)
    assert torch_lstm - keras_lstm == 4 * 256 * 2 * 2


@ORACLE_SETTINGS
@given(
    kinds=st.sampled_from(sorted(EXTRA_TORCH_BIASES)),
    d=sizes,
    h=sizes,
    num_layers=layers,
    bidirectional=st.booleans(),
)
def test_torch_minus_keras_is_the_second_bias(kinds, d, h, num_layers, bidirectional):
    torch_kind, keras_kind, keras_options = kinds
    stack = {"num_layers": num_layers, "bidirectional": bidirectional}
    torch_params = torch_count(torch_kind, d, h, **stack)
    difference = torch_params - keras_count(keras_kind, d, h, **stack, **dict(keras_options))
    directions = 2 if bidirectional else 1
    assert difference == EXTRA_TORCH_BIASES[kinds] * h * num_layers * directions


@ORACLE_SETTINGS
@given(d=sizes, h=sizes, num_layers=layers, bidirectional=st.booleans())
def test_torch_gru_equals_keras_gru_with_reset_after(d, h, num_layers, bidirectional):
    stack = {"num_layers": num_layers, "bidirectional": bidirectional}
    assert torch_count("GRU", d, h, **stack) == keras_count("GRU", d, h, reset_after=True, **stack)


@pytest.mark.parametrize("kinds", sorted(EXTRA_TORCH_BIASES))
def test_without_bias_torch_equals_keras(kinds):
    torch_kind, keras_kind, keras_options = kinds
    stack = {"num_layers": 2, "bidirectional": True}
    keras_params = keras_count(keras_kind, 7, 9, use_bias=False, **stack, **dict(keras_options))
    assert torch_count(torch_kind, 7, 9, bias=False, **stack) == keras_params


def test_large_sizes_allocate_nothing():
    # 4 * 8192 * 16384 weights: 2 GiB of float32 if anything were allocated.
    h = 8192
    assert torch_count("LSTM", h, h) - keras_count("LSTM", h, h) == 4 * h


@pytest.mark.parametrize(
    "call, message",
    [
        (lambda: torch_count("SimpleRNN", 3, 4), "torch kind"),
        (lambda: torch_count("GRU", 3, 4, proj_size=2), "proj_size is only for LSTM"),
        (lambda: keras_count("RNN", 3, 4), "keras kind"),
        (lambda: keras_count("LSTM", 3, 4, reset_after=False), "reset_after is only for GRU"),
    ],
)
def test_bad_arguments_are_rejected(call, message):
    with pytest.raises(ValueError, match=message):
        call()


def test_require_returns_the_module():
    import json

    assert require("json") is json


def test_require_skips_a_missing_module_outside_ci(monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="a_module_that_does_not_exist"):
        require("a_module_that_does_not_exist")


def test_require_treats_an_empty_ci_as_unset(monkeypatch):
    monkeypatch.setenv("CI", "")
    with pytest.raises(pytest.skip.Exception):
        require("a_module_that_does_not_exist")


def test_require_fails_a_missing_module_in_ci(monkeypatch):
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="must be installed in CI"):
        require("a_module_that_does_not_exist")
