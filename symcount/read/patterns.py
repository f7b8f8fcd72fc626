"""`re`, with the package's own regular expressions compiled ahead of time. The stages import this
module as `re` (`from ..read import patterns as re`; cells/, which may not import read/, and the
lexer's own scanner in read/grammar.py keep the standard one): the same functions and flags, the same
Pattern objects. Compiling a pattern runs re's parser and compiler, written in Python: about 0.1 ms each, 25
ms for the few hundred patterns of a fresh derive, more than reading a cell. `python -m
symcount.shipped` records re's compiled form of every pattern the package compiled in its run
(`_sre.compile`'s arguments, what re.compile ends with) in grammars/patterns.cache, and a pattern found
there is rebuilt from it without parsing it again. The file is used only by the very Python that made
it (its version and build, re's MAGIC); any other pattern, or another Python, goes to re.compile, so a
missing or stale file only costs time."""
from __future__ import annotations

import marshal
import os
import re as _re
import sys
from re import (ASCII, DOTALL, IGNORECASE, MULTILINE, UNICODE, VERBOSE, A, I, M, Match, Pattern, S, X,  # noqa: F401
                error, escape)

PATTERNS_CACHE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "grammars", "patterns.cache")
_MADE: dict = {}
SEEN: set = set()  # the patterns this process compiled (what shipped records), at most _MAX_SEEN
_MAX_SEEN = 4096


def check() -> tuple:
    """What re's compiled form of a pattern depends on: the very Python (its version and build), re's."""
    import _sre
    return sys.implementation.name, sys.version, _sre.MAGIC, _sre.CODESIZE, _sre.MAXGROUPS


def code(pattern: str, flags: int) -> tuple:
    """re.compile's arguments to _sre.compile for pattern (re._compiler.compile, without the Pattern)."""
    from re import _compiler, _parser
    p = _parser.parse(pattern, flags)
    made = _compiler._code(p, flags)
    index = [None] * p.state.groups
    for name, i in p.state.groupdict.items():
        index[i] = name
    return int(flags | p.state.flags), [int(c) for c in made], p.state.groups - 1, dict(p.state.groupdict), tuple(index)


def codes(data: bytes) -> dict:
    """Compiled patterns as tables() wrote them, when this Python made them (else none): each one's
    compiled form still marshalled (read when the pattern is first compiled: a process compiles a
    few of them, and reading all costs milliseconds)."""
    try:
        made_by, found = marshal.loads(data)
    except (EOFError, ValueError, TypeError):
        return {}
    return found if made_by == check() and isinstance(found, dict) else {}


def table(keys) -> bytes:
    """The compiled form of the patterns `keys` ((pattern, flags) pairs), as codes() reads it."""
    return marshal.dumps((check(), {key: marshal.dumps(code(*key)) for key in sorted(keys)}))


def _load() -> dict:
    try:
        with open(PATTERNS_CACHE, "rb") as f:
            return codes(f.read())
    except OSError:
        return {}


_CODES = _load()


_PLAIN: dict = {}  # pattern text -> the Pattern made without flags: the commonest look-up, one step


def compile(pattern, flags=0):  # noqa: A001 (re's name)
    if not flags:
        made = _PLAIN.get(pattern)  # (only texts are keys: a Pattern given is never found here)
        if made is not None:
            return made
    if isinstance(pattern, Pattern):
        return _re.compile(pattern, flags)
    key = (pattern, int(flags))
    made = _MADE.get(key)
    if made is not None:
        if not flags:
            _PLAIN[pattern] = made
        return made
    if len(SEEN) < _MAX_SEEN and isinstance(pattern, str):
        SEEN.add(key)
    found = _CODES.get(key)
    if found is None:
        return _re.compile(pattern, flags)
    import _sre
    try:
        made = _MADE[key] = _sre.compile(pattern, *marshal.loads(found))
    except (EOFError, ValueError, TypeError):  # a file written otherwise: re's own way
        return _re.compile(pattern, flags)
    return made


def search(pattern, string, flags=0):
    return compile(pattern, flags).search(string)


def match(pattern, string, flags=0):
    return compile(pattern, flags).match(string)


def fullmatch(pattern, string, flags=0):
    return compile(pattern, flags).fullmatch(string)


def sub(pattern, repl, string, count=0, flags=0):
    return compile(pattern, flags).sub(repl, string, count)


def subn(pattern, repl, string, count=0, flags=0):
    return compile(pattern, flags).subn(repl, string, count)


def split(pattern, string, maxsplit=0, flags=0):
    return compile(pattern, flags).split(string, maxsplit)


def findall(pattern, string, flags=0):
    return compile(pattern, flags).findall(string)


def finditer(pattern, string, flags=0):
    return compile(pattern, flags).finditer(string)
