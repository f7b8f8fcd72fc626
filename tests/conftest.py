"""Shared fixtures. The LaTeX of the cells used across tests lives here, as PyTorch and Keras
document them."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def lstm_tex() -> str:
    return (ROOT / "examples" / "lstm.tex").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def lstm_path() -> Path:
    return ROOT / "examples" / "lstm.tex"
