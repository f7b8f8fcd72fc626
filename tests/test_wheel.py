"""The wheel ships the templates: build it, install it into a fresh virtual environment outside the
source tree, and render from there.

The test needs nothing the running environment lacks, and downloads nothing: the new venv (without
the system's site-packages) is given the running environment's site-packages directories as plain
path entries in a .pth file, so that sympy, lark and jinja2 are found wherever the test runs (a
plain venv, the system Python, CI), while the .pth files in those directories (an editable install
of symcount) are not run. The wheel is installed into the venv with --no-deps --ignore-installed,
so its symcount is the one imported. The build runs without isolation when hatchling is installed,
else `build` fetches hatchling into an isolated environment.
"""
from __future__ import annotations

import importlib.util
import os
import site
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

from tests.oracles import require

ROOT = Path(__file__).resolve().parent.parent
TIMEOUT_S = 900  # a guard against a hang, not a time budget
DEPENDENCIES = ("sympy", "lark", "jinja2")  # what the installed wheel needs at run time (pyproject.toml)


def run(argv, **kw) -> subprocess.CompletedProcess:
    proc = subprocess.run(argv, capture_output=True, text=True, timeout=TIMEOUT_S, **kw)
    assert proc.returncode == 0, f"{argv} exited {proc.returncode}\n{proc.stdout}\n{proc.stderr}"
    return proc


def outer_paths() -> list[str]:
    """Where the running environment finds its packages: its site-packages, and the directory of
    each dependency and of pip (wherever they are installed); never the source tree's root."""
    dirs = [sysconfig.get_path("purelib"), sysconfig.get_path("platlib"), *site.getsitepackages()]
    if site.ENABLE_USER_SITE:
        dirs.append(site.getusersitepackages())
    for module in DEPENDENCIES + ("pip",):
        spec = importlib.util.find_spec(module)
        if spec is not None and spec.origin:
            path = Path(spec.origin).resolve()  # a package's __init__.py, or a module's file
            dirs.append(str(path.parent.parent if spec.submodule_search_locations else path.parent))
    out = []
    for d in dirs:
        p = Path(d).resolve()
        if p.is_dir() and p != ROOT and str(p) not in out:  # ROOT holds the source tree's symcount/
            out.append(str(p))
    return out


@pytest.mark.slow
def test_installed_wheel_renders_from_its_own_templates(tmp_path):
    require("build")
    for module in DEPENDENCIES:
        require(module)
    dist = tmp_path / "dist"
    # Without isolation when the build backend is at hand (no download); else build fetches it.
    isolation = [] if importlib.util.find_spec("hatchling") is None else ["--no-isolation"]
    run([sys.executable, "-m", "build", "--wheel", *isolation, "--outdir", str(dist), str(ROOT)])
    (wheel,) = dist.glob("symcount-*.whl")

    env_dir = tmp_path / "venv"
    venv.EnvBuilder(system_site_packages=False, with_pip=False).create(env_dir)
    python = env_dir / "bin" / "python"
    clean = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    purelib = Path(run([str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                       env=clean).stdout.strip())
    (purelib / "_outer_environment.pth").write_text("\n".join(outer_paths()) + "\n", encoding="utf-8")
    # pip from the running environment, installing into the venv (the venv's python is sys.prefix)
    run([str(python), "-m", "pip", "install", "--no-deps", "--no-index", "--ignore-installed", "--quiet",
         str(wheel)], env=clean)

    cwd = tmp_path / "elsewhere"
    cwd.mkdir()
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
