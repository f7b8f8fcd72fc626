"""The characters a token can start with, for the lexer's scanners by first character.

read.lalr's lexer matches one scanner, an alternation of every terminal in lark's order, at each
position; re tries the alternatives one by one, so most of a match is spent on terminals that cannot
start with the character there. When the tables are made (read.grammar.export), each terminal's
pattern is read with re's own parser and its first characters found; a character's scanner holds only
the terminals that can start with it (in the same order), and a terminal whose first characters are
not a small known set (`.`, a negated class, `\\w`, a pattern that can match nothing) is in every
scanner. The first terminal that matches is therefore the same as the full scanner's. Used when the
tables are made, never on a reading path.
"""
from __future__ import annotations

try:
    from re import _constants as C, _parser as sre_parse  # type: ignore[attr-defined]  # Python 3.11 and later
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as C  # type: ignore[no-redef]
    import sre_parse  # type: ignore[no-redef]

# beyond this many characters, a class counts as "any character" (a scanner per character would not pay)
MAX_CLASS = 256
_SPACE = frozenset(" \t\n\r\f\v\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007"
                   "\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000")
# \s of a str pattern (Unicode's: tests/test_lexer.py checks the list); \d and \w are Unicode's, not listed
_CATEGORIES = {C.CATEGORY_SPACE: _SPACE, C.CATEGORY_UNI_SPACE: _SPACE}


def first_chars(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """The characters a match of pattern can start with, or None when that is not a small known set
    (or the pattern can match the empty string)."""
    if flags & C.SRE_FLAG_IGNORECASE:
        return None
    try:
        found, nullable = _sequence(list(sre_parse.parse(pattern, flags)))
    except (TypeError, ValueError, AttributeError, sre_parse.error):  # pragma: no cover - another re
        return None
    return None if found is None or nullable else frozenset(found)


def _sequence(items: list) -> tuple[set[str] | None, bool]:
    out: set[str] = set()
    for op, av in items:
        found, nullable = _item(op, av)
        if found is None:
            return None, False
        out |= found
        if not nullable:
            return out, False
    return out, True


def _item(op, av) -> tuple[set[str] | None, bool]:
    if op is C.LITERAL:
        return {chr(av)}, False
    if op is C.IN:
        return _class(av), False
    if op is C.BRANCH:
        out: set[str] = set()
        nullable = False
        for branch in av[1]:
            found, empty = _sequence(list(branch))
            if found is None:
                return None, False
            out |= found
            nullable = nullable or empty
        return out, nullable
    if op is C.SUBPATTERN:
        if av[1] & C.SRE_FLAG_IGNORECASE:
            return None, False
        return _sequence(list(av[-1]))
    if op in (C.MAX_REPEAT, C.MIN_REPEAT) or getattr(C, "POSSESSIVE_REPEAT", None) is op:
        found, nullable = _sequence(list(av[2]))
        return found, nullable or av[0] == 0
    if getattr(C, "ATOMIC_GROUP", None) is op:
        return _sequence(list(av))
    if op in (C.AT, C.ASSERT, C.ASSERT_NOT):  # anchors and lookarounds consume nothing
        return set(), True
    return None, False  # ANY, NOT_LITERAL, a group reference...


def _class(items: list) -> set[str] | None:
    out: set[str] = set()
    for op, av in items:
        if op is C.LITERAL:
            out.add(chr(av))
        elif op is C.RANGE and av[1] - av[0] < MAX_CLASS:
            out.update(chr(c) for c in range(av[0], av[1] + 1))
        elif op is C.CATEGORY and av in _CATEGORIES:
            out |= _CATEGORIES[av]
        else:  # a negated class, \w, a wide range
            return None
    return out if len(out) <= 2 * MAX_CLASS else None


def scanners(terminals: tuple[tuple[str, str], ...], flags: int) -> tuple[tuple[str, ...], dict[str, int], int]:
    """The scanners by first character: their patterns, the index of each character's, and the index of
    the one for any other character (the terminals that can start with anything)."""
    firsts = {name: first_chars(regexp, flags) for name, regexp in terminals}
    chars = sorted({c for f in firsts.values() if f is not None for c in f})
    patterns: list[str] = []
    made: dict[str, int] = {}

    def scanner(names: list[str]) -> int:
        pattern = "|".join(f"(?P<{name}>{regexp})" for name, regexp in terminals if name in names) or "(?!)"
        if pattern not in made:
            made[pattern] = len(patterns)
            patterns.append(pattern)
        return made[pattern]
    by_char = {c: scanner([n for n, f in firsts.items() if f is None or c in f]) for c in chars}
    other = scanner([n for n, f in firsts.items() if f is None])
    return tuple(patterns), by_char, other
