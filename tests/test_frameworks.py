"""Property tests: cells written in LaTeX, as PyTorch and Keras document them, give exactly the
counts that torch.nn and keras report, over random sizes, layer counts and directions."""
from __future__ import annotations

from functools import lru_cache

import pytest
from hypothesis import given
from hypothesis import strategies as st

import symcount
from tests import cells_tex
from tests.fuzzing import fuzz
from tests.oracles import keras_count, require, torch_count

sizes = st.integers(min_value=1, max_value=300)
layers = st.integers(min_value=1, max_value=4)
PROPS = fuzz(30)


@lru_cache(maxsize=None)
def derived(tex_name: str, n_layers: int, bidirectional: bool, bias: bool):
    return symcount.derive(getattr(cells_tex, tex_name), layers=n_layers, bidirectional=bidirectional, bias=bias)


@pytest.fixture(scope="module", autouse=True)
def _oracles():
    require("torch")


@pytest.fixture(scope="module")
def keras_ready():
    # import keras before hypothesis starts: importing it raises the recursion limit, which
    # hypothesis would report from inside the property test
    require("keras")
    keras_count("LSTM", 1, 1)


@pytest.mark.oracle
@pytest.mark.parametrize("tex_name, kind", [("ELMAN", "RNN"), ("LSTM", "LSTM"), ("GRU", "GRU")])
@PROPS
@given(d=sizes, h=sizes, n=layers, bidirectional=st.booleans(), bias=st.booleans())
def test_torch_documented_cells_match_torch(tex_name, kind, d, h, n, bidirectional, bias):
    ours = derived(tex_name, n, bidirectional, bias).evaluate(d_x=d, d_h=h)
    assert ours == torch_count(kind, d, h, num_layers=n, bidirectional=bidirectional, bias=bias)


@pytest.mark.oracle
@PROPS
@given(d=sizes, h=sizes, n=st.integers(min_value=1, max_value=3), bidirectional=st.booleans(), bias=st.booleans())
def test_keras_concatenated_lstm_matches_keras(keras_ready, d, h, n, bidirectional, bias):
    ours = derived("LSTM_KERAS", n, bidirectional, bias).evaluate(d_x=d, d_h=h)
    assert ours == keras_count("LSTM", d, h, num_layers=n, bidirectional=bidirectional, use_bias=bias)


@pytest.mark.oracle
def test_lstm_acceptance_against_torch(lstm_tex):
    d = symcount.derive(lstm_tex, layers=2, bidirectional=True)
    assert d.evaluate(d_x=512, d_h=256) == torch_count("LSTM", 512, 256, num_layers=2, bidirectional=True) == 3153920


@pytest.mark.oracle
def test_large_sizes_are_exact():
    # torch on the meta device counts a large LSTM without allocating it
    d = derived("LSTM", 3, True, True)
    assert d.evaluate(d_x=50_000, d_h=40_000) == torch_count("LSTM", 50_000, 40_000, num_layers=3, bidirectional=True)
