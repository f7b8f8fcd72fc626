"""Shared fixtures. The LaTeX of the cells used across tests lives here, as PyTorch and Keras
document them."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


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


@pytest.fixture(autouse=True, scope="session")
def _katex_installed():
    """The KaTeX checker's npm packages (tests/js/node_modules): installed with `npm ci` on the first
    run that lacks them, so that the README's test command needs nothing by hand. Without npm, or
    when the install fails, nothing happens here: the KaTeX tests then skip, and fail in CI
    (tests/helpers_render.py says why)."""
    import shutil
    import subprocess
    js = ROOT / "tests" / "js"
    npm = shutil.which("npm")
    if (js / "node_modules" / "katex").is_dir() or npm is None or shutil.which("node") is None:
        return
    try:
        subprocess.run([npm, "ci", "--no-audit", "--no-fund", "--loglevel=error"], cwd=js, stdin=subprocess.DEVNULL,
                       capture_output=True, timeout=600, check=False)
    except (OSError, subprocess.TimeoutExpired):
        pass
