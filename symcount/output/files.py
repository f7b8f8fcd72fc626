"""Every file symcount writes is written here (--output, --bib, --plot, docs; the cache keeps its own
private writer, as atomic). A write is atomic: the bytes go to a temporary file in the target's folder
(an unnamed one where the system has O_TMPFILE, so that even SIGKILL leaves nothing behind), are
fsynced, and the file is renamed into place; a failure (a full disk, no permission, a signal) removes
the temporary file and leaves the old file whole, with a UsageError (exit 2).

A target is refused, before any work, when it is a file the run reads (same inode: a hard link, a
symlink's target), when two outputs name one file, when it is read-only, or when it is a folder. An
existing file keeps its permissions; a new one gets the umask's. A device or a pipe (/dev/stdout) is
written directly."""
from __future__ import annotations

import os
import stat
import sys

from ..errors import Record, UsageError


TMP_PREFIX = ".symcount-"   # temporary files: .symcount-<pid>-<random>.tmp (short: any name fits)
TMP_SUFFIX = ".tmp"


def _why(exc: OSError) -> str:
    return exc.strerror or str(exc)


class Target(Record):
    """An output as the user named it (`option` says which: --output, --bib, --plot)."""

    # path: str
    # option: str
    __slots__ = ("path", "option")


def _stat(path: str) -> os.stat_result | None:
    try:
        return os.stat(path)
    except OSError:
        return None


def check(targets: list[Target], inputs: list[str] = (), *, stdin: bool = False) -> None:
    """Refuse, before any work, outputs that would destroy what the user has: an input of the run
    (same inode), one file named by two outputs, a read-only file, a folder."""
    seen: dict[tuple[int, int] | str, Target] = {}
    read = [(p, _stat(p)) for p in inputs if p and p != "-"]
    for t in targets:
        if t.path.endswith(("/", os.sep)) or os.path.isdir(t.path):
            raise UsageError(f"{t.option} {t.path} is a folder: it names a file", hint=f"for example {t.option} "
                             f"{os.path.join(t.path, 'out')}")
        st = _stat(t.path)
        key = (st.st_dev, st.st_ino) if st is not None else os.path.realpath(t.path)
        if key in seen:
            raise UsageError(f"{t.option} {t.path} and {seen[key].option} {seen[key].path} are one file: "
                             "one output would overwrite the other", hint="write them to different files")
        seen[key] = t
        if st is None:
            continue
        for shown, s in read:
            if s is not None and os.path.samestat(st, s):
                raise UsageError(f"{t.option} {t.path} is the file {shown} that symcount reads: it would be "
                                 "overwritten", hint="write the output to another file")
        if stdin and stat.S_ISREG(st.st_mode) and _is_stdin(st):
            raise UsageError(f"{t.option} {t.path} is the file standard input reads: it would be overwritten",
                             hint="write the output to another file")
        if stat.S_ISREG(st.st_mode) and read_only(t.path, st):
            raise UsageError(f"{t.option} {t.path} is read-only: symcount does not replace it",
                             hint="make it writable (chmod u+w) or write to another file")


def read_only(path: str, st: os.stat_result) -> bool:
    """Whether the user may not write the file: no write permission for them, or (for root, whom
    permissions do not stop) no write bit at all."""
    return not os.access(path, os.W_OK) or not st.st_mode & 0o222


def _is_stdin(st: os.stat_result) -> bool:
    try:
        return sys.stdin is not None and os.path.samestat(st, os.fstat(sys.stdin.fileno()))
    except (OSError, ValueError, AttributeError):
        return False


def encoded(text: str) -> bytes:
    """UTF-8; a file name that was not UTF-8 (its bytes as surrogates) is written as its bytes."""
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        try:
            return text.encode("utf-8", "surrogateescape")
        except UnicodeEncodeError:
            return text.encode("utf-8", "backslashreplace")


def write_text(path: str, text: str, *, follow: bool = True) -> None:
    write_bytes(path, encoded(text), follow=follow)


def write_bytes(path: str, data: bytes, *, follow: bool = True) -> None:
    """Write `data` to `path` atomically (see the module docstring). With follow=False a symlink at
    `path` is replaced by the file, never followed."""
    target = os.path.realpath(path) if follow else os.path.abspath(path)
    try:
        st = os.stat(target, follow_symlinks=follow)
    except FileNotFoundError:
        st = None
    except OSError as exc:
        raise UsageError(f"cannot write {path}: {_why(exc)}") from None
    if st is not None and stat.S_ISDIR(st.st_mode):
        raise UsageError(f"cannot write {path}: it is a folder")
    if st is not None and follow and not stat.S_ISREG(st.st_mode):
        _write_device(path, target, data)
        return
    if st is not None and stat.S_ISREG(st.st_mode) and read_only(target, st):
        raise UsageError(f"cannot write {path}: it is read-only", hint="make it writable (chmod u+w)")
    mode = stat.S_IMODE(st.st_mode) if st is not None and stat.S_ISREG(st.st_mode) else 0o666 & ~_umask()
    folder = os.path.dirname(target)
    sweep(folder)
    try:
        _replace(folder, target, data, mode)
    except OSError as exc:
        raise UsageError(f"cannot write {path}: {_why(exc)}", hint="the file is as it was") from None


def _write_device(path: str, target: str, data: bytes) -> None:
    try:
        with open(target, "wb") as f:
            f.write(data)
    except OSError as exc:
        raise UsageError(f"cannot write {path}: {_why(exc)}") from None


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _replace(folder: str, target: str, data: bytes, mode: int) -> None:
    """The bytes into a temporary file (unnamed where O_TMPFILE and linking it work), fsynced, renamed
    onto target."""
    global _unnamed
    if _unnamed:
        try:
            _put(folder, target, data, mode, None)
            _sync(folder)
            return
        except _CannotName:
            _unnamed = False  # this system cannot name an unnamed file: named temporary files from now on
    _put(folder, target, data, mode, _name(folder))
    _sync(folder)


_unnamed = bool(getattr(os, "O_TMPFILE", 0)) and os.path.isdir("/proc/self/fd")


class _CannotName(Exception):
    pass


def _put(folder: str, target: str, data: bytes, mode: int, tmp: str | None) -> None:
    if tmp is None:
        try:
            fd = os.open(folder, os.O_TMPFILE | os.O_WRONLY, 0o600)
        except OSError:
            raise _CannotName() from None
    else:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600)
    try:
        view, written = memoryview(data), 0
        while written < len(data):
            written += os.write(fd, view[written:written + (1 << 20)])
        os.fchmod(fd, mode)
        os.fsync(fd)
        if tmp is None:  # unnamed: it gets a name only now, whole
            name = _name(folder)
            try:
                os.link(f"/proc/self/fd/{fd}", name, follow_symlinks=True)
            except OSError:
                raise _CannotName() from None
            tmp = name
        os.replace(tmp, target)
        tmp = None
    finally:
        os.close(fd)
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass


def _sync(folder: str) -> None:
    """The rename itself to disk."""
    try:
        dfd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(dfd)
        finally:
            os.close(dfd)
    except OSError:
        pass


def _name(folder: str) -> str:
    return os.path.join(folder, f"{TMP_PREFIX}{os.getpid()}-{os.urandom(6).hex()}{TMP_SUFFIX}")


def sweep(folder: str) -> list[str]:
    """Remove the temporary files a killed symcount left in `folder` (those whose process is gone);
    returns their names. Only symcount's own names are touched."""
    removed = []
    try:
        names = [n for n in os.listdir(folder) if n.startswith(TMP_PREFIX) and n.endswith(TMP_SUFFIX)]
    except OSError:
        return removed
    for n in names:
        pid = n[len(TMP_PREFIX):].split("-", 1)[0]
        if not pid.isdigit() or _alive(int(pid)):
            continue
        try:
            os.unlink(os.path.join(folder, n))
            removed.append(n)
        except OSError:
            pass
    return removed


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, OSError):
        return True
    return True

