"""Placeholders: an equation written once for several letters.

- Eagle and Finch (Peng et al. 2024) write `\\square_t = \\mathrm{lerp}_{\\square}(x_t, x_{t-1}) W_{\\square},
  \\quad \\square \\in \\{r, k, v, g\\}`; textbooks write `g_t = \\sigma(W_g x_t + U_g h_{t-1} + b_g),
  \\quad g \\in \\{i, f, o\\}` or `W_* x_t ..., \\; * \\in \\{i, f, o\\}`: the row stands for one equation per
  listed letter, each with the placeholder replaced by the letter, the trailing list dropped.
- Slides write the gates' left sides as a list: `i_t, f_t, o_t = \\sigma(W_\\bullet [h_{t-1}, x_t] + b_\\bullet)`
  or `... = \\sigma(W_{i,f,o} x_t + ...)`: one equation per left side, the placeholder (or the listed
  subscript) its letter; a list of right sides as many, `q_t, k_t, v_t = x_t W_Q, x_t W_K, x_t W_V`, one each. A list
  whose right side names no placeholder and lists no sides is left as written.

`expand_rows` rewrites a region's text so; every character keeps where it came from (a letter the span
of its placeholder), as read.macros keeps it, so that errors and notes point into what the user wrote."""
from __future__ import annotations

from . import patterns as re  # re, with the package's patterns compiled ahead (read.patterns)

from ..errors import ParseError
from ..limits import MAX_MACRO_OUTPUT
from .macros import Expansion
from .source import Source, Span

# the symbols that stand for a letter; * and \cdot only as a subscript (elsewhere they are products)
_SYMBOL = r"\\(?:square|bullet|ast|star|diamond|circ)(?![A-Za-z])"
_PLACEHOLDER = re.compile(_SYMBOL + r"|\*(?=_)|(?<=_)\s*(?:\*|\\cdot(?![A-Za-z]))|(?<=_\{)\s*(?:\*|\\cdot(?![A-Za-z]))\s*(?=\})")
# the list at a row's end: ", \quad \square \in \{r, k, v, g\}" (also \qquad, \text{for}, \forall, ~, \;)
_LIST = re.compile(r"\s*,?\s*(?:(?:\\q?quad|\\[,;:!]|~|\\text\s*\{\s*(?:for(?: each| all)?|where)\s*\}|\\forall)\s*)*"
                   r"(?P<ph>" + _SYMBOL + r"|\*|\\cdot(?![A-Za-z])|[A-Za-z](?![A-Za-z]))\s*(?:\\in(?![A-Za-z])|∈)\s*"
                   r"(?:\\\{|\\lbrace(?![A-Za-z]))(?P<items>[^{}]*?)(?:\\\}|\\rbrace(?![A-Za-z]))\s*[.,]?")
_LETTER = re.compile(r"(?<![A-Za-z\\])[A-Za-z](?![A-Za-z])")
_ROW_START = re.compile(r"\\\\|\\begin\{[^{}]*\}(?:\{[^{}]*\})?")
_ITEM = re.compile(r"[A-Za-z]{1,3}(?:'|\\prime)*")
# a list of left sides at a row's start: i_t, f_t, o_t = (or &=)
_SIDE = r"[A-Za-z](?:'|\\prime)?(?:_\{?t\}?|\^\{?\(t\)\}?)"
_LHS_LIST = re.compile(r"(?:^|(?<=\\\\)|(?<=\}))[ \t]*(?P<lhs>" + _SIDE + r"(?:\s*,\s*" + _SIDE + r")+)\s*&?\s*=(?!=)", re.M)
# what every list of _LHS_LIST holds: a side's time, a comma and a letter (a quick test before its look behind at
# every character)
_LISTED_SIDE = re.compile(r"(?:_\{?t\}?|\^\{?\(t\)\}?)\s*,\s*[A-Za-z]")
# a list of capitals at a row's start, `Q, K, V &= XW_Q, XW_K, XW_V` (attention's projections): one row per side when
# the right side lists as many
_CAPITALS = re.compile(r"(?:^|(?<=\\\\)|(?<=\}))[ \t]*(?P<lhs>[A-Z](?:\s*,\s*[A-Z]){1,5})\s*&?\s*=(?!=)", re.M)
_CAPITALS_CUE = re.compile(r"[A-Z]\s*,\s*[A-Z]\s*(?:,\s*[A-Z]\s*)*&?\s*=")
_BEGUN = re.compile(r"\\begin\s*\{[^{}]*\}(?:\s*\{[^{}]*\})?\s*$")  # a `}` that starts a row: \begin{aligned}
# a subscript that lists the letters, in the order of the left sides: W_{i,f,o}, b_{\{i,f,o\}}
_LISTED_SUB = re.compile(r"_\s*\{\s*(?:\\\{)?\s*(?P<letters>[A-Za-z](?:\s*,\s*[A-Za-z])+)\s*(?:\\\})?\s*\}")


class _Out:
    """The rewritten text, each character with the original span it came from."""

    def __init__(self, body: str, starts: list[int], ends: list[int]) -> None:
        self.body, self.starts, self.ends = body, starts, ends
        self.chars: list[str] = []
        self.out_s: list[int] = []
        self.out_e: list[int] = []

    def copy(self, i: int, j: int) -> None:
        self.chars.extend(self.body[i:j]), self.out_s.extend(self.starts[i:j]), self.out_e.extend(self.ends[i:j])

    def put(self, text: str, i: int, j: int) -> None:
        """text, standing for body[i:j]."""
        self.chars.extend(text)
        self.out_s.extend([self.starts[i]] * len(text)), self.out_e.extend([self.ends[max(j - 1, i)]] * len(text))

    def check(self, src: Source, where: Span) -> None:
        if len(self.chars) > MAX_MACRO_OUTPUT:
            raise ParseError(f"the placeholder's rows make more than {MAX_MACRO_OUTPUT:,} characters", source=src, span=where)

    def expansion(self) -> Expansion:
        return Expansion("".join(self.chars), self.out_s, self.out_e)


def _holders(body: str, i: int, j: int, ph: str) -> list[tuple[int, int]]:
    """Where the placeholder `ph` stands in body[i:j]: a symbol anywhere, * or \\cdot as a subscript, a
    letter alone (not in a command or a word) as a subscript or a left side."""
    if ph.isalpha():
        return [(m.start(), m.end()) for m in _LETTER.finditer(body, i, j) if m.group() == ph
                and (body[max(0, m.start() - 3):m.start()].rstrip().endswith(("_", "_{")) or body[m.end():m.end() + 1] in ("_", "^") or body[m.end():m.end() + 2] in ("}_", "}^"))]
    return [(m.start(), m.end()) for m in _PLACEHOLDER.finditer(body, i, j) if m.group().strip() == ph]


def _row_start(body: str, before: int, done: int) -> int:
    return max([x.end() for x in _ROW_START.finditer(body, done, before)] + [done])


def _listed(out: _Out, body: str, src: Source, done: int) -> int:
    """The rows that end in a list of letters; the offset read up to."""
    for m in _LIST.finditer(body, done):
        ph = m.group("ph").strip()
        row = _row_start(body, m.start(), done)
        holders = _holders(body, row, m.start(), ph)
        if not holders:
            continue  # "t \in \{1, ..., T\}", a set said of a symbol the row does not use as a placeholder
        items = [x.strip() for x in m.group("items").split(",")]
        where = Span(out.starts[m.start("items")], out.ends[m.end("items") - 1])
        if not all(_ITEM.fullmatch(x) for x in items):
            if ph.isalpha() or ph in ("*", "\\cdot"):
                continue  # a set of numbers or words: not letters a placeholder stands for
            raise ParseError(f"cannot read the placeholder's letters {{{m.group('items').strip()}}}: "
                             f"a list of letters, for a row written with {ph}", source=src, span=where,
                             hint="write it as the paper does: \\square_t = ... W_{\\square}, \\quad \\square \\in \\{r, k, v, g\\}")
        out.copy(done, row)
        for n, letter in enumerate(items):
            if n:
                out.put(" \\\\ ", m.start(), m.end())
            i = row
            for a, b in holders:
                out.copy(i, a)
                out.put(letter, a, b)
                i = b
            out.copy(i, m.start())
            out.check(src, where)
        done = m.end()
    return done


def _row_lists(body: str):
    """The lists of left sides that start a row: at the start, after \\\\, or after \\begin{...} (not after the
    closing brace of a script: in `S_t = k_t^{\\top} v_t, z_t = ...` the comma ends a statement); and lists of capitals
    (`Q, K, V &= XW_Q, XW_K, XW_V`), read only side by side."""
    found = list(_LHS_LIST.finditer(body)) if _LISTED_SIDE.search(body) else []
    found += list(_CAPITALS.finditer(body)) if _CAPITALS_CUE.search(body) else []
    return sorted((m for m in found if m.start() == 0 or body[m.start() - 1] != "}" or _BEGUN.search(body, 0, m.start())),
                  key=lambda m: m.start())


def _sides(out: _Out, body: str, src: Source) -> None:
    """The rows whose left side is a list: one row per left side."""
    done = 0
    for m in _row_lists(body):
        if m.start() < done:
            continue
        end = _ROW_START.search(body, m.end())
        stop = end.start() if end else len(body)
        sides = [s.strip() for s in m.group("lhs").split(",")]
        letters = [s[0] for s in sides]
        rhs = body[m.end():stop]
        holders = [(m.end() + a, m.end() + b) for a, b in ((x.start(), x.end()) for x in _PLACEHOLDER.finditer(rhs))]
        listed = [(m.end() + x.start(), m.end() + x.end()) for x in _LISTED_SUB.finditer(rhs)
                  if [c.strip() for c in x.group("letters").split(",")] == letters]
        pieces = _top_level(rhs) if not holders and not listed else []
        if m.re is _CAPITALS and (len(pieces) != len(sides) or any(
                re.search(rf"(?<![A-Za-z\\_^{{]){side}(?![A-Za-z])", rhs[a:b]) for side, (a, b) in zip(sides, pieces))):
            continue  # (capitals: side by side only, none computed from itself: `A, B &= \exp(\Delta_t A), \Delta_t B`)
        if len(pieces) == len(sides) > 1:  # q_t, k_t, v_t = x_t W_Q, x_t W_K, x_t W_V: side by side
            out.copy(done, m.start("lhs"))
            for n, (side, (a, b)) in enumerate(zip(sides, pieces)):
                if n:
                    out.put(" \\\\ ", m.start("lhs"), m.end("lhs"))
                out.put(side + " = ", m.start("lhs"), m.end("lhs"))
                out.copy(m.end() + a, m.end() + b)
            done = stop
            continue
        if not holders and not listed:
            continue  # i_t, f_t, o_t = \sigma(W [h, x] + b): one product split, read as written
        edits = sorted(holders + listed)
        out.copy(done, m.start("lhs"))
        for n, (side, letter) in enumerate(zip(sides, letters)):
            if n:
                out.put(" \\\\ ", m.start("lhs"), m.end("lhs"))
            out.put(side, m.start("lhs"), m.end("lhs"))
            i = m.end("lhs")
            for a, b in edits:
                out.copy(i, a)
                out.put(f"_{{{letter}}}" if body[a] == "_" else letter, a, b)
                i = b
            out.copy(i, stop)
            out.check(src, Span(out.starts[m.start("lhs")], out.ends[m.end("lhs") - 1]))
        done = stop
    out.copy(done, len(body))


def _top_level(rhs: str) -> list[tuple[int, int]]:
    """The spans of rhs between its commas outside brackets (the pieces of a tuple), trailing blanks and a
    final comma or full stop left out."""
    pieces, depth, start = [], 0, 0
    for i, ch in enumerate(rhs):
        if ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth -= 1
        elif ch == "," and depth == 0:
            pieces.append((start, i))
            start = i + 1
    pieces.append((start, len(rhs.rstrip(" \t\n.,"))))
    return [(a, b) for a, b in pieces if rhs[a:b].strip()] if depth == 0 else []


def expand_rows(body: str, shift: int, exp: Expansion | None, src: Source) -> Expansion | None:
    """body (at offset shift, or read from exp) with each row written for several letters written once
    per letter; None when no row is."""
    listed = ("\\in" in body or "∈" in body) and _LIST.search(body)
    sides = "," in body and _row_lists(body)
    if not listed and not sides:
        return None
    starts = exp.starts if exp else list(range(shift, shift + len(body)))
    ends = exp.ends if exp else list(range(shift + 1, shift + len(body) + 1))
    if listed:
        out = _Out(body, starts, ends)
        done = _listed(out, body, src, 0)
        out.copy(done, len(body))
        if done:
            exp = out.expansion()
            body, starts, ends = exp.text, exp.starts, exp.ends
            sides = "," in body and _row_lists(body)  # (the rows written out: looked for again)
        elif not sides:
            return None
    if sides:
        out = _Out(body, starts, ends)
        _sides(out, body, src)
        new = out.expansion()
        return new if new.text != body or exp is not None else None
    return exp
