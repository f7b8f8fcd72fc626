"""The wheel ships the templates: build it, install it into a fresh virtual environment outside the
source tree, and render from there.

The venv sees the system's site-packages (sympy, lark and jinja2 need no download) and the wheel is
installed with --no-deps. The build runs without isolation when hatchling is installed, else `build`
fetches hatchling into an isolated environment.
"""
from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import venv
from pathlib import Path

import pytest

from tests.oracles import require

ROOT = Path(__file__).resolve().parent.parent
TIMEOUT_S = 300


def run(argv, **kw) -> subprocess.CompletedProcess:
    proc = subprocess.run(argv, capture_output=True, text=True, timeout=TIMEOUT_S, **kw)
    assert proc.returncode == 0, f"{argv} exited {proc.returncode}\n{proc.stdout}\n{proc.stderr}"
    return proc


@pytest.mark.slow
def test_installed_wheel_renders_from_its_own_templates(tmp_path):
    require("build")
    dist = tmp_path / "dist"
    # Without isolation when the build backend is at hand (no download); else build fetches it.
    isolation = [] if importlib.util.find_spec("hatchling") is None else ["--no-isolation"]
    run([sys.executable, "-m", "build", "--wheel", *isolation, "--outdir", str(dist), str(ROOT)])
    (wheel,) = dist.glob("symcount-*.whl")

    env_dir = tmp_path / "venv"
    venv.EnvBuilder(system_site_packages=True, with_pip=False).create(env_dir)
    python = env_dir / "bin" / "python"
    # pip from the system site-packages, installing into the venv (the venv's python is sys.prefix)
    run([str(python), "-m", "pip", "install", "--no-deps", "--no-index", "--quiet", str(wheel)])

    cwd = tmp_path / "elsewhere"
    cwd.mkdir()
    clean = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    where = run([str(python), "-c", "import symcount.output.render as r; print(r.__file__); print(r.template_dirs())"],
                cwd=cwd, env=clean).stdout.splitlines()
    assert where[0].startswith(str(env_dir)), f"imported {where[0]}, not the installed wheel"
    assert str(ROOT) not in where[1], f"templates looked up in the source tree: {where[1]}"

    out = run([str(python), "-m", "symcount", "derive", str(ROOT / "examples" / "lstm.tex"),
               "--format", "markdown", "--set", "d_x=512", "--set", "d_h=256"], cwd=cwd, env=clean).stdout
    assert out.startswith("# Parameters of ")
    assert "**788,480** parameters" in out
    tex = run([str(python), "-m", "symcount", "derive", str(ROOT / "examples" / "gru.tex"),
               "--format", "latex", "--standalone"], cwd=cwd, env=clean).stdout
    assert tex.startswith("\\documentclass{article}") and tex.rstrip().endswith("\\end{document}")

    # the shipped models answer built-in cells from the installed package: nothing gets cached
    cache = tmp_path / "cache"
    fast = dict(clean, SYMCOUNT_CACHE_DIR=str(cache))
    out = run([str(python), "-m", "symcount", "cell", "lstm", "--set", "d=512", "--set", "h=256",
               "--layers", "2", "--bidirectional", "--format", "json"], cwd=cwd, env=fast).stdout
    assert '"value": 3153920' in out
    assert not cache.exists() or not any(cache.rglob("*.json")), "the shipped model was not used"
