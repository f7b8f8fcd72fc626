"""Shared fixtures. The LaTeX of the cells used across tests lives here, as PyTorch and Keras
document them."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests import fuzzing

ROOT = Path(__file__).resolve().parent.parent

# Hypothesis: no deadline, few examples unless SYMCOUNT_FUZZ=long (tests/fuzzing.py). Nothing here
# installs anything or touches the network: `.ci/run` installs the KaTeX checker's npm packages; without
# them the KaTeX tests skip, and fail in CI (tests/helpers_render.py).
fuzzing.load()


@pytest.fixture(autouse=True, scope="session")
def _private_cache(tmp_path_factory):
    """Tests never read or write the user's cache of derived models."""
    import os
    old = os.environ.get("SYMCOUNT_CACHE_DIR")
    os.environ["SYMCOUNT_CACHE_DIR"] = str(tmp_path_factory.mktemp("symcount-cache"))
    yield
    if old is None:
        os.environ.pop("SYMCOUNT_CACHE_DIR", None)
    else:
        os.environ["SYMCOUNT_CACHE_DIR"] = old


@pytest.fixture(scope="session")
def lstm_tex() -> str:
    return (ROOT / "examples" / "lstm.tex").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def lstm_path() -> Path:
    return ROOT / "examples" / "lstm.tex"
