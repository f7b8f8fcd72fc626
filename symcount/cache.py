"""Where a summary comes from when it need not be derived: a built-in cell's shipped summary
(symcount/cells/summaries/), or the user's cache of summaries.

Entries are keyed by a hash of everything that determines the summary: the fingerprint (the source
of every module a summary is computed by, found by following their imports, and the grammar), the
kind of input, its name and text, and the bias option. The cache is the user's alone, and nothing in
it is trusted: the folder is created 0700 (a folder that others may write to is not used); an entry
is read only if it is a regular file the user owns of at most MAX_ENTRY bytes (a link, a pipe, a
device or a huge file is ignored, never followed or read whole); it must carry an HMAC-SHA256 of its
contents under a random key kept 0600 in the folder (an entry edited by hand, its plain checksum
recomputed, is not served), then parse and pass the summary's validation. Anything else is a miss,
and the entry is written anew. The fingerprint's memo there is read the same way. The cache is safe to
delete; a read-only or missing folder only means nothing is cached. SYMCOUNT_CACHE_DIR chooses the
folder; the default is $XDG_CACHE_HOME/symcount (~/.cache/symcount; a relative XDG_CACHE_HOME is
ignored, as the XDG specification says).

    python -m symcount.cache     # regenerate the shipped summaries of the built-in cells
"""
from __future__ import annotations

import hashlib
import hmac
import json
import os
import re
import stat

from .output import summary as S

_HERE = os.path.dirname(os.path.abspath(__file__))
SHIPPED = os.path.join(_HERE, "cells", "summaries")
# the modules a summary is computed by: derive's stages (through api) and the summarizer
ROOTS = ("api.py", "output/summary.py")
RESOURCES = ("grammars/latex.lark",)
_IMPORT = re.compile(r"^\s*from\s+(?P<dots>\.+)(?P<mod>[\w.]*)\s+import\s+(?P<names>\([^)]*\)|[^\n#]+)", re.M)
_fingerprint: str | None = None
MAX_ENTRY = 64 << 20  # bytes of one entry: a larger one is neither written nor read


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
    known = _read_json(memo)
    try:
        if known["package"] == _HERE and _stats([rel for rel, _, _ in known["files"]]) == known["files"]:
            _fingerprint = str(known["fingerprint"])
            return _fingerprint
    except Exception:  # noqa: BLE001 (a memo that is not what it should be is not used)
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
    """Write an entry of the cache: JSON under its HMAC (see _entry)."""
    payload = json.dumps(data, ensure_ascii=False).encode("utf-8")
    if len(payload) > MAX_ENTRY:
        return  # too large to be read back: not worth writing
    key = _secret()
    if key is None:
        return
    _write_private(path, _MAGIC + hmac.new(key, payload, "sha256").hexdigest().encode() + b"\n" + payload)


def _read_json(path: str):
    """An entry's JSON, if it is a regular file the user owns, at most MAX_ENTRY bytes, whose HMAC is
    right; else None (whatever is wrong with it)."""
    key = _secret()
    data = _read_private(path, MAX_ENTRY + 200) if key is not None else None
    if data is None or not data.startswith(_MAGIC):
        return None
    mac, _, payload = data[len(_MAGIC):].partition(b"\n")
    if not hmac.compare_digest(mac, hmac.new(key, payload, "sha256").hexdigest().encode()):
        return None
    try:
        return json.loads(payload.decode("utf-8"))
    except Exception:  # noqa: BLE001 (a bad entry, however bad, is a miss: RecursionError too)
        return None


_MAGIC = b"symcount cache entry 1\n"
_KEY_FILE = "key"


def _secret() -> bytes | None:
    """The user's random key for the entries' HMACs, created 0600 in the cache folder on first use;
    None where there is no usable folder (then nothing is cached)."""
    folder = cache_dir()
    if folder in _keys:
        return _keys[folder] or None
    path = os.path.join(folder, _KEY_FILE)
    key = _read_private(path, 64) if _private_dir(folder) else b""
    if key is not None and len(key) not in (0, 32):
        key = None  # damaged: a new key (which makes every entry a miss)
    if key is None:
        _write_private(path, os.urandom(32))
        key = _read_private(path, 64)  # another process may have won the race: use what is there
        key = key if key is not None and len(key) == 32 else b""
    _keys[folder] = key
    return key or None


_keys: dict[str, bytes] = {}  # cache folder -> its key (b"": no usable folder)


def _private_dir(path: str) -> bool:
    """The folder exists (created 0700 if not) and no one else may write to it."""
    try:
        os.makedirs(path, mode=0o700, exist_ok=True)
        st = os.stat(path)
    except OSError:
        return False
    if not stat.S_ISDIR(st.st_mode) or st.st_mode & 0o022:
        return False
    return not hasattr(os, "getuid") or st.st_uid == os.getuid()


def _read_private(path: str, limit: int) -> bytes | None:
    """A file's bytes if it is a regular file the user owns, of at most `limit` bytes (never
    following a link, never waiting on a pipe); else None."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except OSError:
        return None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode) or st.st_size > limit:
            return None
        if hasattr(os, "getuid") and st.st_uid != os.getuid():
            return None
        chunks, size = [], 0
        while size <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        return b"".join(chunks) if size <= limit else None
    except OSError:
        return None
    finally:
        os.close(fd)


def _write_private(path: str, data: bytes) -> None:
    """Write a file atomically (a temporary file, 0600, renamed into place) in a private folder; a
    failure writes nothing."""
    import tempfile
    folder = os.path.dirname(path)
    if not _private_dir(folder):
        return
    try:
        fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=folder)
    except OSError:
        return
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
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


def cache_dir() -> str:
    explicit = os.environ.get("SYMCOUNT_CACHE_DIR")
    if explicit:
        return os.path.abspath(explicit)
    base = os.environ.get("XDG_CACHE_HOME", "")
    if not os.path.isabs(base):  # unset, empty or relative: the XDG specification says to ignore it
        base = os.path.join(os.path.expanduser("~"), ".cache")
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
    """The summary stored under key k, if there is a sound one (see the module docstring)."""
    entry = _read_json(_path(k))
    try:
        if not isinstance(entry, dict) or entry.get("key") != k:
            return None
        return S.check(entry["summary"])
    except Exception:  # noqa: BLE001 (a summary that fails validation, in whatever way, is a miss)
        return None


def store(req, summary: dict) -> None:
    k = key(req)
    _write_json(_path(k), {"key": k, "summary": summary})


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
    except Exception:  # noqa: BLE001 (a damaged installation: derive afresh)
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
