"""Where a summary comes from when it need not be derived: a built-in cell's shipped summary
(symcount/cells/summaries/), or the user's cache of summaries.

Entries are keyed by a hash of everything that determines the summary: the fingerprint (the
summary's format version, the package's version and the grammar), the kind of input, its name and
text, and the bias option. The cache is the user's alone, and nothing in
it is trusted: the folder is created 0700 (a folder that others may write to is not used); an entry
is read only if it is a regular file the user owns of at most MAX_ENTRY bytes (a link, a pipe, a
device or a huge file is ignored, never followed or read whole); it must carry an HMAC-SHA256 of its
contents under a random key kept 0600 in the folder (an entry edited by hand, its plain checksum
recomputed, is not served), then parse and pass the summary's validation. Anything else is a miss,
and the entry is written anew. The cache is safe to
delete; a read-only or missing folder only means nothing is cached. SYMCOUNT_CACHE_DIR chooses the
folder; the default is $XDG_CACHE_HOME/symcount (~/.cache/symcount; a relative XDG_CACHE_HOME is
ignored, as the XDG specification says).

    python -m symcount.shipped   # regenerate the shipped summaries of the built-in cells
"""
from __future__ import annotations

import json
import os
import stat

from . import summary as S

_PACKAGE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHIPPED = os.path.join(_PACKAGE, "cells", "summaries")
GRAMMAR = os.path.join(_PACKAGE, "read", "grammars", "latex.lark")
_fingerprint: str | None = None


def sha256(data: bytes):
    """hashlib.sha256, without loading OpenSSL (hashlib's import, several ms of a cached count) where
    CPython has its own SHA-256 module: the same digest."""
    try:
        from _sha256 import sha256 as made  # CPython up to 3.11
    except ImportError:
        try:
            from _sha2 import sha256 as made  # type: ignore[no-redef]  # CPython 3.12 and later
        except ImportError:
            from hashlib import sha256 as made  # type: ignore[no-redef]
    return made(data)
MAX_ENTRY = 64 << 20  # bytes of one entry: a larger one is neither written nor read


def fingerprint() -> str:
    """What decides a summary besides the input: the summary's format version, the package's
    version and the grammar. An edit elsewhere (an output module, a comment) leaves every shipped
    and cached summary valid; a change to what a summary holds bumps summary.FORMAT."""
    global _fingerprint
    if _fingerprint is None:
        from ..version import __version__
        h = sha256(f"{S.FORMAT}\0{__version__}\0".encode())
        with open(GRAMMAR, "rb") as f:
            h.update(f.read())
        _fingerprint = h.hexdigest()
    return _fingerprint


def _write_json(path: str, data: object) -> None:
    """Write an entry of the cache: JSON under its HMAC (see _entry)."""
    payload = json.dumps(data, ensure_ascii=False).encode("utf-8", "surrogatepass")  # a name need not be UTF-8
    if len(payload) > MAX_ENTRY:
        return  # too large to be read back: not worth writing
    key = _secret()
    if key is None:
        return
    import hmac
    _write_private(path, _MAGIC + hmac.new(key, payload, "sha256").hexdigest().encode() + b"\n" + payload)


def _read_json(path: str):
    """An entry's JSON, if it is a regular file the user owns, at most MAX_ENTRY bytes, whose HMAC is
    right; else None (whatever is wrong with it)."""
    key = _secret()
    data = _read_private(path, MAX_ENTRY + 200) if key is not None else None
    if data is None or not data.startswith(_MAGIC):
        return None
    mac, _, payload = data[len(_MAGIC):].partition(b"\n")
    import hmac  # the user's cache only: a built-in cell's count reads no entry
    if not hmac.compare_digest(mac, hmac.new(key, payload, "sha256").hexdigest().encode()):
        return None
    try:
        return json.loads(payload.decode("utf-8", "surrogatepass"))
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
    if key is not None and len(key) != 32:
        key = None  # damaged or empty: a new key (which makes every entry a miss)
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
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException as exc:  # a full disk, an interrupt: the temporary file goes, the entry stays as it was
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if not isinstance(exc, OSError):
            raise


# what computes a summary besides the grammar: the user's cache is keyed on their files' sizes and
# times too (a checkout edited in place never serves a summary an older reader made); the shipped
# summaries are not (they are regenerated with the package, and a test keeps them current)
_ENGINE = ("read", "shapes", "measure", "result/summarize.py", "output/explained.py", "output/explain.py",
           "output/typeset.py", "output/escape.py")
_engine: str | None = None


def engine_stamp() -> str:
    """A hash of the sizes and modification times of the modules that compute a summary (stat only:
    no file is read)."""
    global _engine
    if _engine is None:
        stats = []
        for rel in _ENGINE:
            path = os.path.join(_PACKAGE, *rel.split("/"))
            names = sorted(f for f in os.listdir(path) if f.endswith(".py")) if os.path.isdir(path) else [""]
            for name in names:
                try:
                    st = os.stat(os.path.join(path, name) if name else path)
                except OSError:
                    continue
                stats.append(f"{rel}/{name}:{st.st_size}:{st.st_mtime_ns}")
        _engine = sha256("\0".join(stats).encode()).hexdigest()
    return _engine


def key(req) -> str:
    name = f"{req.name}\0{req.convention}" if req.kind == "cell" else req.name
    blob = json.dumps([S.FORMAT, fingerprint(), engine_stamp(), req.kind, name, req.text, req.bias], ensure_ascii=False)
    return sha256(blob.encode("utf-8", "surrogatepass")).hexdigest()  # a file name need not be UTF-8


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


def find(req) -> "S.Summary | None":
    """The request's summary, shipped or cached, if there is a current one."""
    if req.kind == "cell":
        found = shipped(req.info.filename, req.text, req.bias)
        if found is not None:
            return found
    return load(key(req))


def load(k: str) -> "S.Summary | None":
    """The summary stored under key k, if there is a sound one (see the module docstring)."""
    entry = _read_json(_path(k))
    try:
        if not isinstance(entry, dict) or entry.get("key") != k:
            return None
        return S.Summary.from_json(entry["summary"])
    except Exception:  # noqa: BLE001 (a summary that fails validation, in whatever way, is a miss)
        return None


def store(req, summary: "S.Summary") -> None:
    k = key(req)
    _write_json(_path(k), {"key": k, "summary": summary.to_json()})


# ---- the built-in cells' shipped summaries ------------------------------------------------------
def shipped_path(filename: str) -> str:
    return os.path.join(SHIPPED, filename[:-len(".tex")] + ".json")


def shipped(filename: str, text: str, bias: bool) -> "S.Summary | None":
    """A built-in cell's summary as shipped, if it is current."""
    try:
        with open(shipped_path(filename), encoding="utf-8") as f:
            data = json.load(f)
        if data.get("fingerprint") != fingerprint() or data.get("sha256") != sha256(text.encode("utf-8")).hexdigest():
            return None
        return S.Summary.from_json(data["bias" if bias else "no-bias"])
    except Exception:  # noqa: BLE001 (a damaged installation: derive afresh)
        return None
