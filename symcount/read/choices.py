"""Readings as explicit alternatives. Every place where the text allows more than one reading asks
`pick` for it: a symbol as state or parameter (h_{prev}), diagonal or full (P_i), a bias shared
by two gates or one each (b_r), what an operator means (`*`, `\\cdot`), a letter as a function or
a matrix. The reading a user settles (`--read P_i=diagonal`, `derive(text, read={...})`) is
taken as said; an open one is the reading being explored (the first option unless
measure.alternatives asks for another), and, where the text truly leaves it open, recorded, so
that every combination can be solved and compared.

Keys are names as prose writes them, without fonts, braces or spaces (P_i, h_prev, b_r), or an
operator (`*`, `\\cdot`, `.`).
"""
from __future__ import annotations

import contextvars
from . import patterns as re  # re, with the package's patterns compiled ahead (read.patterns)

from ..errors import Record, UsageError


class Choice(Record):
    # key: str                   what --read names: P_i, h_prev, *
    # options: tuple[str, ...]   the readings, the one taken by default first
    # where: str                 file:line:column of what the text writes
    # what: str                  what the text leaves open, in a few words
    # whole: bool = False        the options are different cells (variants), not two readings of one
    #                            notation: an option that leaves a size open refuses, it is not pruned
    # quiet: bool = False        where every reading gives every parameter one shape, no note (the choice
    #                            changed nothing the user sees)
    __slots__ = ("key", "options", "where", "what", "whole", "quiet")
    _defaults = {"whole": False, "quiet": False}


class Reader(Record):
    """The readings settled by the user and those being explored; what was asked, in order."""

    # settled: dict[str, str] = field(default_factory=dict)
    # explore: dict[str, str] = field(default_factory=dict)
    # asked: dict[str, Choice] = field(default_factory=dict)  # every choice asked of (settled or not)
    # open: dict[str, Choice] = field(default_factory=dict)  # the ones the text leaves open, in order
    __slots__ = ("settled", "explore", "asked", "open")
    _factories = {"settled": dict, "explore": dict, "asked": dict, "open": dict}
    _frozen = False

    def pick(self, choice: Choice, ambiguous: bool = True) -> str:
        """The reading of `choice`: as settled, as explored, or its first option. `ambiguous`: the
        text truly allows each option (else the first is the notation's reading, settleable)."""
        key = choice.key
        self.asked.setdefault(key, choice)
        if key in self.settled:
            value = self.settled[key]
            if value not in choice.options:
                raise UsageError(f"--read {key}={value}: {key} at {choice.where} reads as "
                                 f"{' or '.join(choice.options)}", hint=f"add --read {key}={choice.options[0]}")
            return value
        if ambiguous:
            self.open.setdefault(key, choice)
        return self.explore.get(key, choice.options[0])

    def settled_as(self, key: str, options: tuple[str, ...]) -> str | None:
        """A reading the user settled for `key` among `options` (a quick look, nothing recorded)."""
        value = self.settled.get(key)
        return value if value in options else None


_CURRENT: contextvars.ContextVar[Reader | None] = contextvars.ContextVar("symcount_reader", default=None)


def current() -> Reader:
    """The reader of the derivation under way (a fresh one, nothing settled, outside any)."""
    r = _CURRENT.get()
    return r if r is not None else Reader()


class reading:
    """with reading(reader): the readings of one pass are asked of `reader`."""

    def __init__(self, reader: Reader) -> None:
        self.reader = reader

    def __enter__(self) -> Reader:
        self.token = _CURRENT.set(self.reader)
        return self.reader

    def __exit__(self, *exc) -> None:
        _CURRENT.reset(self.token)


_OPERATORS = {"*": "*", "\\ast": "*", "ast": "*", "star": "*", "\\cdot": "\\cdot", "cdot": "\\cdot", "·": "\\cdot",
              ".": ".", "\\times": "\\times", "times": "\\times"}
_FONTS = r"\\(?:mathbf|boldsymbol|bm|mathrm|mathit|pmb|symbf|vec|text)\s*\{([^{}]*)\}"  # compiled on first use


def key(name: str) -> str:
    """A name as --read takes it: P_{i} -> P_i, \\mathbf{W}_{ic} -> W_ic, h_{prev} -> h_prev (a
    pure function of the name, remembered: the passes ask it of every symbol)."""
    found = _KEYS.get(name)
    if found is None:
        if len(_KEYS) >= 1 << 14:
            _KEYS.clear()
        found = _KEYS[name] = _key(name)
    return found


_KEYS: dict[str, str] = {}


def _key(name: str) -> str:
    name = name.strip()
    if name in _OPERATORS:
        return _OPERATORS[name]
    prev = None
    while prev != name:
        prev, name = name, re.sub(_FONTS, r"\1", name)
    return re.sub(r"[{}\s]", "", name)


def parse(read: object) -> dict[str, str]:
    """`read` as the API and the command line give it: a mapping {name: reading}, or NAME=READING
    strings (one, or an iterable of them, each possibly comma-separated)."""
    if read is None:
        return {}
    if isinstance(read, dict):
        items = list(read.items())
    else:
        texts = [read] if isinstance(read, str) else list(read)  # type: ignore[arg-type]
        items = []
        for text in texts:
            if not isinstance(text, str):
                raise TypeError(f"read takes NAME=READING strings or a mapping, not {type(text).__name__}")
            for part in re.split(r",(?![^{}]*\})", text):
                if not part.strip():
                    continue
                name, eq, value = part.partition("=")
                if not eq or not name.strip() or not value.strip():
                    raise UsageError(f"cannot read --read {part.strip()!r}: write NAME=READING",
                                     hint="e.g. --read P_i=diagonal, --read h_prev=state, --read '*=elementwise'")
                items.append((name, value))
    out: dict[str, str] = {}
    for name, value in items:
        if not isinstance(name, str) or not isinstance(value, str):
            raise TypeError("read maps names (str) to readings (str)")
        out[key(name)] = value.strip().lower()
    return out


def option(choice_key: str, value: str) -> str:
    """The command-line option that settles a reading, quoted for a shell where it needs to be."""
    text = f"{choice_key}={value}"
    if "'" in text:  # h'=1: a prime, in double quotes (where \, $, ` and " are escaped)
        return '--read "' + re.sub(r'([\\$`"])', r"\\\1", text) + '"'
    return f"--read '{text}'" if re.search(r"[^A-Za-z0-9_=.,+-]", text) else f"--read {text}"
