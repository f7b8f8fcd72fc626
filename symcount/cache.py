"""Where a report model comes from: a built-in cell's shipped model, the user's cache, or a fresh
derivation (which imports lark and sympy, and is then cached).

Entries are keyed by a hash of everything that determines the model: the engine's own source files
(the fingerprint), the kind of input, its name and text, and the bias option. An entry is checked
before use (its key, a checksum of its contents, the model's structure); anything stale, corrupt
or unreadable is ignored and rebuilt. The cache is safe to delete. A read-only or missing cache
directory only means nothing is cached. SYMCOUNT_CACHE_DIR chooses the directory; the default is
$XDG_CACHE_HOME/symcount (~/.cache/symcount).
"""
from __future__ import annotations

import hashlib
import json
import os

from . import model as M

_HERE = os.path.dirname(os.path.abspath(__file__))
# the files whose contents determine a model (the reports that read a model are not among them)
ENGINE_FILES = ("__init__.py", "api.py", "cache.py", "cells/__init__.py", "count.py", "dims.py", "errors.py",
                "grammars/latex.lark", "model.py", "nodes.py", "parse.py", "poly.py", "shapes.py",
                "source.py", "stack.py")
SHIPPED = os.path.join(_HERE, "cells", "models.json")
_fingerprint: str | None = None


def fingerprint() -> str:
    global _fingerprint
    if _fingerprint is None:
        h = hashlib.sha256()
        for rel in ENGINE_FILES:
            with open(os.path.join(_HERE, *rel.split("/")), "rb") as f:
                h.update(rel.encode() + b"\0" + f.read() + b"\0")
        _fingerprint = h.hexdigest()
    return _fingerprint


def key(kind: str, name: str, text: str, bias: bool) -> str:
    blob = json.dumps([M.FORMAT, fingerprint(), kind, name, text, bias], ensure_ascii=False)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


def _checksum(model: dict) -> str:
    return hashlib.sha256(json.dumps(model, sort_keys=True, ensure_ascii=False).encode("utf-8")).hexdigest()


def cache_dir() -> str:
    explicit = os.environ.get("SYMCOUNT_CACHE_DIR")
    if explicit:
        return explicit
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "symcount")


def _path(k: str) -> str:
    return os.path.join(cache_dir(), k[:2], k + ".json")


def load(k: str) -> dict | None:
    try:
        with open(_path(k), encoding="utf-8") as f:
            entry = json.load(f)
        if entry.get("key") != k or entry.get("checksum") != _checksum(entry.get("model")):
            return None
        return M.check(entry["model"])
    except (OSError, ValueError, TypeError, AttributeError, KeyError):
        return None


def store(k: str, model: dict) -> None:
    path = _path(k)
    tmp = f"{path}.{os.getpid()}.tmp"
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(tmp, "w", encoding="utf-8") as f:
            json.dump({"key": k, "checksum": _checksum(model), "model": model}, f, ensure_ascii=False)
        os.replace(tmp, path)
    except OSError:
        try:
            os.unlink(tmp)
        except OSError:
            pass


def shipped(filename: str, text: str, bias: bool) -> dict | None:
    """A built-in cell's model as shipped in cells/models.json, if it is current."""
    try:
        with open(SHIPPED, encoding="utf-8") as f:
            data = json.load(f)
        entry = data["cells"][filename]
        if data.get("fingerprint") != fingerprint() or entry.get("sha256") != hashlib.sha256(text.encode("utf-8")).hexdigest():
            return None
        return M.check(entry["bias" if bias else "no-bias"])
    except (OSError, ValueError, TypeError, AttributeError, KeyError):
        return None


def model_for(kind: str, name: str, text: str, bias: bool, *, use_cache: bool = True,
              convention: str = "pytorch") -> dict:
    """The model of a user file (kind "derive") or a built-in cell (kind "cell", name = its name)."""
    if kind == "cell" and use_cache:
        from . import cells
        found = shipped(cells.filename(name, convention), text, bias)
        if found is not None:
            return found
    k = key(kind, f"{name}\0{convention}" if kind == "cell" else name, text, bias)
    if use_cache:
        found = load(k)
        if found is not None:
            return found
    from . import api
    if kind == "cell":
        d = api.cell(name, convention=convention, bias=bias)
    else:
        d = api.derive(text, name=name, bias=bias)
    model = d.model()
    if use_cache:
        store(k, model)
    return model


def build_shipped() -> dict:
    """The contents of cells/models.json: every built-in cell file, with and without biases."""
    from . import api, cells
    out = {}
    for (name, convention), filename in sorted(cells.files().items()):
        info = cells.load(name, convention)
        models = {}
        for bias in (True, False):
            models["bias" if bias else "no-bias"] = api.cell(name, convention=convention, bias=bias).model()
        out[filename] = {"sha256": hashlib.sha256(info.text.encode("utf-8")).hexdigest(), **models}
    return {"fingerprint": fingerprint(), "cells": out}


def write_shipped() -> None:
    data = build_shipped()
    with open(SHIPPED, "w", encoding="utf-8", newline="\n") as f:
        json.dump(data, f, indent=1, ensure_ascii=False)
        f.write("\n")


if __name__ == "__main__":  # python -m symcount.cache: regenerate the shipped models
    write_shipped()
    print(f"wrote {SHIPPED}")
