"""BibTeX files that symcount adds a cell's reference to (--bib).

The merge keeps the user's bytes: nothing already in the file is rewritten (line endings, encoding,
comments, @string, @preamble, entry types symcount does not know); the entry is appended, with the
file's line ending, unless an entry with its key is there already (matched as BibTeX matches keys:
whatever the case, `@article{key,` or `@article(key,`). Concurrent runs (`make -j`) are serialised by
an advisory lock (fcntl) on the file's folder, and the file is read inside the lock, at most
MAX_INPUT bytes."""
from __future__ import annotations

import os
from ..read import patterns as re  # re, with the package's patterns compiled ahead (read.patterns)
import stat

from ..errors import UsageError
from ..limits import MAX_INPUT
from . import files

_ENTRY = re.compile(rb"@[ \t\r\n]*([A-Za-z][\w:-]*)[ \t\r\n]*[{(][ \t\r\n]*([^,\s{}()\"#%'=]+)[ \t\r\n]*,")
_NOT_ENTRIES = {b"comment", b"string", b"preamble"}


def keys(data: bytes) -> set[bytes]:
    """The keys of the entries in a .bib file's bytes, lowercased (BibTeX's keys ignore case)."""
    return {m.group(2).lower() for m in _ENTRY.finditer(data) if m.group(1).lower() not in _NOT_ENTRIES}


def merged(data: bytes, entry: str, key: str) -> bytes | None:
    """The file's bytes with the entry appended; None if an entry with that key is there already."""
    if key.encode("utf-8").lower() in keys(data):
        return None
    newline = b"\r\n" if b"\r\n" in data else b"\n"
    try:
        data.decode("utf-8")
        encoding = "utf-8"
    except UnicodeDecodeError:
        encoding = "latin-1"  # a legacy file: its bytes are kept, the entry (ASCII) added in its encoding
    add = entry.strip("\n").replace("\r\n", "\n").replace("\n", newline.decode()).encode(encoding, "replace")
    if not data.strip():
        return data + add + newline
    sep = b"" if data.endswith(b"\n") else newline
    return data + sep + newline + add + newline


def merged_bibtex(existing: str, entry: str, key: str) -> str:
    """A .bib file's text with the entry added, unless an entry with that key is there already."""
    out = merged(existing.encode("utf-8"), entry, key)
    return existing if out is None else out.decode("utf-8")


def _read(path: str) -> bytes:
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        return b""
    except OSError as exc:
        raise UsageError(f"cannot read {path}: {exc.strerror or exc}") from None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise UsageError(f"--bib {path} is not a regular file", hint="name a .bib file")
        chunks, size = [], 0
        while size <= MAX_INPUT:
            chunk = os.read(fd, MAX_INPUT + 1 - size)
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as exc:
        raise UsageError(f"cannot read {path}: {exc.strerror or exc}") from None
    finally:
        os.close(fd)
    if size > MAX_INPUT:
        raise UsageError(f"{path} is larger than {MAX_INPUT:,} bytes, the most symcount reads")
    return b"".join(chunks)


def merge_file(path: str, entry: str, key: str) -> bool:
    """Add the entry to the .bib file at `path` (created if missing), under the folder's lock;
    returns whether it was added."""
    folder = os.path.dirname(os.path.realpath(path)) or "."
    lock = _lock(folder)
    try:
        out = merged(_read(path), entry, key)
        if out is not None:
            files.write_bytes(path, out)
        return out is not None
    finally:
        if lock is not None:
            os.close(lock)  # closing the descriptor releases the lock


def _lock(folder: str) -> int | None:
    try:
        import fcntl
    except ImportError:  # pragma: no cover (not POSIX: no lock)
        return None
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError as exc:
        raise UsageError(f"cannot open the folder of the .bib file: {exc.strerror or exc}") from None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
    except OSError:
        pass  # a file system without locks: merge unlocked
    return fd


def renamed(entry: str, key: str) -> str:
    """The entry under another key (--cite KEY with --bib)."""
    return re.sub(r"^(@\w+\s*\{\s*)[^,\s]+", lambda m: m.group(1) + key, entry.lstrip(), count=1)
