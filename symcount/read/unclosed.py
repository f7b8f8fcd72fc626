"""Parentheses a region leaves open at its end, closed there with a note where that is the one reading
(read.parse's fallback when the grammar meets the end of a region in the middle of a statement)."""
from __future__ import annotations

from . import patterns as re  # re, with the package's patterns compiled ahead (read.patterns)
from .grammar import BadInput
from .lalr import UnexpectedEOF, UnexpectedInput
from .source import Source, Span
from .words import kind as function_kind


def closed_at_end(exc: UnexpectedInput, body: str, start: int, src: Source, notes: list[str], inline: bool, read):
    """`$R_t = \\sigma(X_t W_{xr} + b_r$` in running text (notes, lists): an inline region that ends with
    parentheses left open, read with them closed at its end (the one place they can close), with a
    note; None where that does not read either, or the region fails elsewhere. Display math
    (`$$i_t = \\sigma(W_i \\cdot [h_{t-1}, x_t] + b_i$$`) is read so only where each parenthesis left
    open is an activation's (an elementwise function: wherever it closes, every operand inside has
    the shape it has closed at the end, so the count is one). `read(body, start, "start")`: the grammar's reading."""
    if not (isinstance(exc, UnexpectedEOF) or getattr(getattr(exc, "token", None), "type", "") == "$END"):
        return None
    opened = _unclosed(body)
    if not opened or len(opened) > 3:
        return None
    if not inline and (not all(_activation_before(body, i) for i in opened) or _STATEMENT_AFTER.search(body, opened[0])):
        return None  # (an open parenthesis before another statement, `\\tanh(W x_t \\\\ y_t = V h_t`: left open in the middle)
    try:
        stmts = read(body + ")" * len(opened), start, "start")
    except (UnexpectedInput, BadInput):
        return None
    at = Span(start + opened[0], start + opened[0] + 1)
    notes.append(f"the parenthesis at {src.where(at)} is never closed: read as closed at the end of the equation")
    return stmts


# the function a parenthesis opens: \sigma(, tanh(, {\sigma}(, \text{tanh}(, \sigma\left(
_FUNCTION_BEFORE = re.compile(r"(?:\\(?:text|mathrm|textrm|operatorname|rm)\s*\{\s*(?P<word>[A-Za-z]+)\s*\}"
                              r"|\{\s*\\(?P<braced>[A-Za-z]+)\s*\}|\\(?P<command>[A-Za-z]+)|(?<![A-Za-z\\])(?P<plain>[A-Za-z]+))"
                              r"\s*(?:\\left\s*)?$")
_STATEMENT_AFTER = re.compile(r"\\\\|=|\n[ \t]*\n")  # a row's end, another side, a blank line
_SHAPELESS = frozenset(("max", "min"))  # activations that may also reduce: max(x) is one number


def _activation_before(body: str, i: int) -> bool:
    m = _FUNCTION_BEFORE.search(body, 0, i)
    word = m and next(w for w in m.groups() if w)
    return bool(word) and word not in _SHAPELESS and function_kind(word) == "activation"


def _unclosed(body: str) -> list[int]:
    """The offsets of the parentheses of body that are never closed (empty where one closes too many)."""
    stack: list[int] = []
    for i, ch in enumerate(body):
        if ch == "(":
            stack.append(i)
        elif ch == ")":
            if not stack:
                return []
            stack.pop()
    return stack


def extra_at_end(exc: UnexpectedInput, body: str, start: int, src: Source, notes: list[str], read):
    """`z_t &= \\sigma(W_{xz}^T x_t + b_z)) \\\\`: a parenthesis at the end of a statement that closes
    nothing (one more `)` than `(` in the statement, nothing after it but the row's end), read without it,
    with a note; so a bracket, `+ b_{o}])`, with only the row's closing parentheses after it. None where that
    is not the case or the body does not read then either."""
    token = getattr(exc, "token", None)
    closer = getattr(token, "value", "")
    if closer not in (")", "]"):
        return None
    at = token.start_pos  # (the body's own offset: the grammar reads the body alone)
    if not 0 <= at < len(body) or body[at] != closer:
        return None
    row_start = max(body.rfind("\\\\", 0, at) + 2, 0) if "\\\\" in body[:at] else 0
    row_end = body.find("\\\\", at)
    row_end = len(body) if row_end < 0 else row_end
    row = body[row_start:row_end]
    # `+ b_{o}])`: a bracket that closes nothing, before the parentheses that close the row
    rest = body[at + 1:row_end].strip(" \t\n,.") if closer == ")" else body[at + 1:row_end].strip(" \t\n,.)")
    if closer == "]":
        return None  # (a `]` that closes nothing: where its `[` was left out decides what a weight multiplies; refused)
    if rest or row.count(closer) != row.count("(" if closer == ")" else "[") + 1 \
            or row.count(")") != row.count("(") + (closer == ")"):
        return None
    try:
        stmts = read(body[:at] + " " + body[at + 1:], start, "start")
    except (UnexpectedInput, BadInput):
        return None
    notes.append(f"the {'parenthesis' if closer == ')' else 'bracket'} at {src.where(Span(start + at, start + at + 1))} "
                 "closes nothing: read without it")
    return stmts


def closed_at_row_end(exc: UnexpectedInput, body: str, start: int, src: Source, notes: list[str], read):
    """`\\tilde{h}_t &= \\tanh(W x_t + U (r_t \\odot h_{t-1}) + b \\\\`: a row of a block that leaves one activation's
    parenthesis open where the row ends, read with it closed there, with a note (an elementwise function: wherever
    it closes in the row, every operand inside has the shape it has at the row's end, so the count is one). None
    where that is not the case or the body does not read then either."""
    at = getattr(getattr(exc, "token", None), "start_pos", None)
    if at is None or not body.startswith("\\\\", at):
        return None
    row_start = body.rfind("\\\\", 0, at)
    row_start = 0 if row_start < 0 else row_start + 2
    opened = _unclosed(body[row_start:at])
    if len(opened) != 1 or not _activation_before(body, row_start + opened[0]) or "=" in body[row_start + opened[0]:at]:
        return None
    try:
        stmts = read(body[:at] + ")" + body[at:], start, "start")
    except (UnexpectedInput, BadInput):
        return None
    where = Span(start + row_start + opened[0], start + row_start + opened[0] + 1)
    notes.append(f"the parenthesis at {src.where(where)} is never closed: read as closed at the end of its row")
    return stmts
