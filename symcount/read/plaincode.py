"""Plain text and code written as math, rewritten in place before the grammar reads it (every character
keeps its offset): Greek letters spelled as words (sigmoid(zeta), nu), a letter and a digit
(b2: b_2; W1x_t: W_1 times x_t), the letter x as a product (`X_t x W_ir`, where no x is a symbol), EdgeML's caret hat (h_t^ = ...: h hat at t), and a name glued before an
explicit product (Wz·x: W_z times x, in a text that writes no time index to tell a signal's letter)."""
from __future__ import annotations

from . import patterns as re  # re, with the package's patterns compiled ahead (read.patterns)

_GREEK = dict(zip("alpha beta gamma delta epsilon zeta eta theta kappa lambda mu nu xi rho tau phi psi omega".split(),
                  "αβγδεζηθκλμνξρτφψω"))
_GREEK_WORD = re.compile(r"(?<![\w\\.{_^])(?:" + "|".join(_GREEK) + r")(?![\w(])")  # not a call, lambda(x)
_NUMBERED = re.compile(r"(?<![\w\\.])([A-Za-z])([0-9])(?![0-9.])")  # W1, b2: W_1, b_2
_CARET_HAT = re.compile(r"(?<![\w\\])([A-Za-z])_([A-Za-z0-9])\^(?=\s*(?:=|[)*+\-,;]|$))", re.M)
# Wz·x, Uc·(r ⊙ h): a capital and one or two small letters against an explicit product, one name
# (and WC: W_C; and Rb_h, a name with its own subscript, in a line whose products are all written: R_{b,h})
_GLUED_BEFORE_PRODUCT = re.compile(r"(?<![\w\\])([A-Z])([a-z]{1,2}|[A-Z])(?=\s?[·*@]|\s\.\s)|(?<![\w\\])([A-Z])([a-z]{1,2}_[A-Za-z0-9]+)(?![\w{(])")


# Wf x(t) + Uf h(t-1) + bf: a capital and one or two small letters, then a space and the operand (plain text)
_GLUED_BEFORE_OPERAND = re.compile(r"(?<![\w\\])([A-Z])([a-z]{1,2})(?=[ \t]+[A-Za-z](?![a-z]{2}))")


_STEP_PREFIX = re.compile(r"(?<![\w\\])(?<!\w\.)(prev|next|new|old)_([A-Za-z][A-Za-z0-9]*)(_t)?(?![\w({])")


# `h_t_previous`, `h_previous`, `h_t_prev` (a Q&A's identifiers): the letter at the step before
_PREVIOUS = re.compile(r"(?<![\w\\])([A-Za-z])_(?:t_(?:previous|prev)|previous)(?![\w({])")


def step_prefixes(out: list[str], start: int, region: str) -> bool:
    """`prev_h`, `next_h` as `h_prev`, `h_next` (the same length), `old_h_t` as `h_{t-1}`, `h_t_previous` as
    `h_{t-1}`: the letter at the step before or this one; whether any was."""
    edited = False
    for m in _PREVIOUS.finditer(region) if "_prev" in region or "t_prev" in region else ():
        out[start + m.start():start + m.end()] = list((m.group(1) + "_{t-1}").ljust(m.end() - m.start()))
        edited = True
    for m in _STEP_PREFIX.finditer(region) if "_" in region else ():
        if m.group(3):  # `old_h_t`, `new_h_t` (a C function's arguments): h_{t-1}, h_t
            step = m.group(2) + ("_{t-1}" if m.group(1) in ("prev", "old") else "_t")
            out[start + m.start():start + m.end()] = list(step.ljust(m.end() - m.start()))
        else:
            out[start + m.start():start + m.end()] = list(m.group(2) + "_" + m.group(1))
        edited = True
    return edited


# `X_t x W_ir` in a GEMM's comment: the letter x between two operands, a line that writes no x of its own, is ×
_SPACED_X = re.compile(r"(?<=[\w)\]}])[ \t]+(x)[ \t]+(?=[A-Za-z\\(\[])")
_LONE_X = re.compile(r"(?<![\w\\])x(?!\w|\s*[(\[]\s*t\b)")  # (x(t), x[t]: the input at the step, a signal apart)


def plain_code(out: list[str], start: int, region: str) -> bool:
    """The rewrites above in out[start:start + len(region)] (a plain or code line); whether any was."""
    edited = step_prefixes(out, start, region)
    times = list(_SPACED_X.finditer(region)) if " x " in region else []
    if times and len(times) == len(_LONE_X.findall(region)):
        for m in times:
            out[start + m.start(1)] = "×"
        edited = True
    plain = "\\" not in region
    for m in _GREEK_WORD.finditer(region) if plain else ():  # sigmoid(zeta), nu: code's Greek letters
        out[start + m.start():start + m.end()] = [_GREEK[m.group(0)]] + [" "] * (m.end() - m.start() - 1)
        edited = True
    for m in _NUMBERED.finditer(region) if plain else ():  # W1x_t: W_1 times x_t, not W times 1
        out[start + m.start(2)] = chr(0xE000 + ord(m.group(2)))
        edited = True
    for m in _CARET_HAT.finditer(region) if "^" in region else ():  # EdgeML's `h_t^ = ...`: h hat at t
        out[start + m.start():start + m.end()] = [m.group(1), "\u0302", "_", m.group(2)]
        edited = True
    explicit = plain and ("·" in region or " * " in region or " . " in region or " @ " in region)
    pattern = _GLUED_BEFORE_PRODUCT if explicit else _GLUED_BEFORE_OPERAND
    found = list(pattern.finditer(region)) if plain and "=" in region else []
    glued = {m.group(2) for m in found if m.group(2)}  # the letters glued to a capital: bz beside Wz is b_z
    for m in found:  # Wz·x, Wf x(t), Rb_h: W_z, W_f, R_{b_h}
        k = 2 if m.group(2) else 4
        out[start + m.start(k):start + m.end(k)] = [chr(0xE000 + ord(c)) for c in m.group(k)]
        edited = True
    for m in re.finditer(r"(?<![\w\\])(?:b|[A-Z])(" + "|".join(sorted(glued)) + r")(?![\w(\ue000-\ue0ff])", region) if glued else ():
        out[start + m.start(1):start + m.end(1)] = [chr(0xE000 + ord(c)) for c in m.group(1)]  # bz, diag(Az) beside Wz: b_z, A_z
        edited = True
    return edited
