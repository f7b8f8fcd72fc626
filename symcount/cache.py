"""Where a summary comes from when it need not be derived: a built-in cell's shipped summary
(symcount/cells/summaries/), or the user's cache of summaries.

Entries are keyed by a hash of everything that determines the summary: the fingerprint (the source
of every module a summary is computed by, found by following their imports, and the grammar), the
kind of input, its name and text, and the bias option. An entry is checked before use (its key, a
checksum of its contents, the summary's structure); anything stale, corrupt or unreadable is
ignored and rebuilt. The cache is safe to delete; a read-only or missing cache directory only means
nothing is cached. SYMCOUNT_CACHE_DIR chooses the directory; the default is
$XDG_CACHE_HOME/symcount (~/.cache/symcount).

    python -m symcount.cache     # regenerate the shipped summaries of the built-in cells
"""
from __future__ import annotations

import hashlib
import json
import os
import re

from .output import summary as S

_HERE = os.path.dirname(os.path.abspath(__file__))
SHIPPED = os.path.join(_HERE, "cells", "summaries")
# the modules a summary is computed by: derive's stages (through api) and the summarizer
ROOTS = ("api.py", "output/summary.py")
RESOURCES = ("grammars/latex.lark",)
_IMPORT = re.compile(r"^\s*from\s+(?P<dots>\.+)(?P<mod>[\w.]*)\s+import\s+(?P<names>\([^)]*\)|[^\n#]+)", re.M)
_fingerprint: str | None = None


def _module_file(parts: list[str]) -> str | None:
    """The file of the module symcount.<parts> (relative to the package), if there is one."""
    rel = "/".join(parts)
    for candidate in ((f"{rel}.py", f"{rel}/__init__.py") if rel else ("__init__.py",)):
        if os.path.isfile(os.path.join(_HERE, *candidate.split("/"))):
            return candidate
    return None


def engine_files() -> list[str]:
    """The package's files that determine a summary: ROOTS and every module they import
    (relative imports, also those inside functions), followed to the end, and RESOURCES."""
    seen: list[str] = []
    todo = list(ROOTS)
    while todo:
        rel = todo.pop()
        if rel in seen:
            continue
        seen.append(rel)
        package = rel.split("/")[:-1]
        with open(os.path.join(_HERE, *rel.split("/")), encoding="utf-8") as f:
            source = f.read()
        for m in _IMPORT.finditer(source):
            base = package[:len(package) - (len(m.group("dots")) - 1)] if len(m.group("dots")) > 1 else package
            mod = [p for p in m.group("mod").split(".") if p]
            found = _module_file(base + mod)
            if found:
                todo.append(found)
            for name in re.findall(r"\w+(?=\s*(?:as\s+\w+\s*)?(?:,|\)|$))", m.group("names").strip("()")):
                sub = _module_file(base + mod + [name])
                if sub:
                    todo.append(sub)
    return sorted(seen) + list(RESOURCES)


def _stats(files: list[str]) -> list:
    return [[rel, st.st_mtime_ns, st.st_size]
            for rel, st in ((rel, os.stat(os.path.join(_HERE, *rel.split("/")))) for rel in files)]


def fingerprint() -> str:
    """A hash of engine_files(). Finding them reads every module, so the result is remembered in
    the cache directory with the files' sizes and times, and used while none of them changed."""
    global _fingerprint
    if _fingerprint is not None:
        return _fingerprint
    memo = os.path.join(cache_dir(), "fingerprint.memo")
    try:
        with open(memo, encoding="utf-8") as f:
            known = json.load(f)
        if known["package"] == _HERE and _stats([rel for rel, _, _ in known["files"]]) == known["files"]:
            _fingerprint = str(known["fingerprint"])
            return _fingerprint
    except (OSError, ValueError, TypeError, KeyError):
        pass
    files = engine_files()
    h = hashlib.sha256()
    for rel in files:
        with open(os.path.join(_HERE, *rel.split("/")), "rb") as f:
            h.update(rel.encode() + b"\0" + f.read() + b"\0")
    _fingerprint = h.hexdigest()
    _write_json(memo, {"package": _HERE, "files": _stats(files), "fingerprint": _fingerprint})
    return _fingerprint


def _write_json(path: str, data: object) -> None:
    """Write atomically (a temporary file renamed into place); a failure writes nothing."""
    tmp = f"{path}.{os.getpid()}.tmp"
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(tmp, "w", encoding="utf-8") as f:
            json.dump(data, f, ensure_ascii=False)
        os.replace(tmp, path)
    except OSError:
        try:
            os.unlink(tmp)
        except OSError:
            pass


def key(req) -> str:
    name = f"{req.name}\0{req.convention}" if req.kind == "cell" else req.name
    blob = json.dumps([S.FORMAT, fingerprint(), req.kind, name, req.text, req.bias], ensure_ascii=False)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


def _checksum(summary: dict) -> str:
    return hashlib.sha256(json.dumps(summary, sort_keys=True, ensure_ascii=False).encode("utf-8")).hexdigest()


def cache_dir() -> str:
    explicit = os.environ.get("SYMCOUNT_CACHE_DIR")
    if explicit:
        return explicit
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "symcount")


def _path(k: str) -> str:
    return os.path.join(cache_dir(), k[:2], k + ".json")


def find(req) -> dict | None:
    """The request's summary, shipped or cached, if there is a current one."""
    if req.kind == "cell":
        found = shipped(req.info.filename, req.text, req.bias)
        if found is not None:
            return found
    return load(key(req))


def load(k: str) -> dict | None:
    try:
        with open(_path(k), encoding="utf-8") as f:
            entry = json.load(f)
        if entry.get("key") != k or entry.get("checksum") != _checksum(entry.get("summary")):
            return None
        return S.check(entry["summary"])
    except (OSError, ValueError, TypeError, AttributeError, KeyError):
        return None


def store(req, summary: dict) -> None:
    k = key(req)
    _write_json(_path(k), {"key": k, "checksum": _checksum(summary), "summary": summary})


# ---- the built-in cells' shipped summaries ------------------------------------------------------
def _shipped_path(filename: str) -> str:
    return os.path.join(SHIPPED, filename[:-len(".tex")] + ".json")


def shipped(filename: str, text: str, bias: bool) -> dict | None:
    """A built-in cell's summary as shipped, if it is current."""
    try:
        with open(_shipped_path(filename), encoding="utf-8") as f:
            data = json.load(f)
        if data.get("fingerprint") != fingerprint() or data.get("sha256") != hashlib.sha256(text.encode("utf-8")).hexdigest():
            return None
        return S.check(data["bias" if bias else "no-bias"])
    except (OSError, ValueError, TypeError, AttributeError, KeyError):
        return None


def build_shipped(filename: str) -> dict:
    """The shipped summaries of one built-in cell file, with and without biases, explained."""
    from . import api, cells
    (name, convention), = [k for k, v in cells.files().items() if v == filename]
    info = cells.load(name, convention)
    out = {"fingerprint": fingerprint(), "sha256": hashlib.sha256(info.text.encode("utf-8")).hexdigest()}
    for bias in (True, False):
        d = api.cell(name, convention=convention, bias=bias)
        out["bias" if bias else "no-bias"] = api.summarize(d, explain=True)
    return out


def write_parser() -> str:
    """The LALR tables of the grammar, built anew into grammars/latex.lark.cache."""
    from . import parse
    parse.write_tables()
    parse._parser.cache_clear()
    return parse.GRAMMAR_CACHE


def write_shipped() -> list[str]:
    from . import cells
    write_parser()
    os.makedirs(SHIPPED, exist_ok=True)
    written = []
    for filename in sorted(cells.files().values()):
        path = _shipped_path(filename)
        with open(path, "w", encoding="utf-8", newline="\n") as f:
            json.dump(build_shipped(filename), f, indent=1, ensure_ascii=False, sort_keys=True)
            f.write("\n")
        written.append(path)
    for stale in set(os.listdir(SHIPPED)) - {os.path.basename(p) for p in written}:
        os.unlink(os.path.join(SHIPPED, stale))
    return written


if __name__ == "__main__":  # python -m symcount.cache: regenerate the shipped summaries
    print(f"wrote {len(write_shipped())} files in {SHIPPED}")
