"""Code's subscripts read as meant: in a line of code with no LaTeX, W_ir is one name, W_{ir}; in LaTeX
math, h_prev is h_{prev}; a line of code at no time step is not the cell's (batch_first=False, a = b + c),
unless its text steps with another letter than t (x_{k+1} = V * h_k + b where h_{k-1} is written) or it uses a
new state the text defines primed (`y = head_weight * h' + head_bias` after `h' = ...`)."""
from __future__ import annotations

from functools import lru_cache

from ..errors import ParseError
from . import patterns as re  # re, with the package's patterns compiled ahead (read.patterns)

from .macros import Expansion
from .regions import TIMED
from .source import Source, Span

_PLAIN_SUBSCRIPT = re.compile(r"(?<=[A-Za-z])_[A-Za-z][A-Za-z]+[0-9]*")
_STEP_WORD = re.compile(r"(?<=[A-Za-z])_(?:prev|new|old|next|tm1)(?![A-Za-z{]|_[A-Za-z]{2})")  # h_prev in LaTeX math, unbraced
_ACTIVATED = re.compile(r"\s*[A-Za-z][\w\ue000-\ue07f]*\s*=(?!=)\s*(?:sigmoid|sigm|tanh|σ|relu|softmax)(?:_\{?\w{1,3}\}?)?\s*\(")  # (σ_g(...) too)
_PRIMED_LEFT = re.compile(r"\s*[A-Za-z][\w\ue000-\ue07f]*'+\s*=(?!=)")


_OPERATOR = re.compile(r"[*@]|\\(?:cdot|odot|circ|times)(?![A-Za-z])")
_BEFORE_OPERATOR = re.compile(r"[ \t]*(?:[*@+\-=),;]|\\(?:odot|circ|cdot|times)(?![A-Za-z])|$)")  # (no factor juxtaposed after it)
_DECLARED = re.compile(r"\s*[A-Za-z]\w*(?:\s*,\s*[A-Za-z]\w*)*\s*(?:∈|\\in(?![A-Za-z]))")  # f_min ∈ ...


def subscripts(body: str, start: int, exp, kind: str, src: Source, text: str = "", raw: str | None = None):
    """(exp, body) with the subscripts of plain text braced as meant: in code with no LaTeX (`raw`, the
    region as written, when body was rewritten), W_ir is one name, W_{ir}; in LaTeX math, h_prev is h_{prev}. None for a line of code at no time step (h' =
    tanh(W_ih * x + ...) is at one: its prime marks the new state; so is a gate, n = tanh(x @ W_ih_n.T + ...))."""
    m = _PLAIN_SUBSCRIPT.search(body) if kind in ("bare", "code") or (kind == "fence" and "\\" not in body) else None
    kind = "code" if kind == "fence" and m else kind  # (a ```math fence with no command: plain text, W_ii one name)
    if m and "\\" not in (body if exp is None else raw or "\\"):  # (raw: the text before ŷ became \\hat{y})
        if not TIMED.search(body) and not _PRIMED_LEFT.match(body) and not _ACTIVATED.match(body) \
                and not _at_step(body, text) and not _primed_use(body, text) and exp is None and kind != "code" and not _DECLARED.match(body) \
                and not _activated_later(body, text):
            return None  # (a block of statements is the cell's; so is `f_min ∈ [0.5, 0.9]`, a declaration)
        exp = _braced(body, start, exp=exp)
        return exp, exp.text
    if m and _OPERATOR.search(body) and all(_BEFORE_OPERATOR.match(body, x.end()) for x in _PLAIN_SUBSCRIPT.finditer(body)):
        exp = _braced(body, start, exp=exp)  # `W_xz * x_t + W_hz * h_{t-1}` beside \\hat{h}_t: every product written, one name each
        return exp, exp.text
    if m:  # plain text with LaTeX in it: b_Wi is b_{Wi} in code, and b_W i in LaTeX
        raise ParseError(f"cannot read the subscript {m.group(0)} of plain text: one letter ({m.group(0)[:2]}) or all "
                         f"of them?", source=src, span=Span(start + m.start(), start + m.end()),
                         hint="write the subscript in braces, like b_{Wi}, or in LaTeX math")
    if exp is None and "_" in body and any(w in body for w in ("_prev", "_new", "_old", "_next", "_tm1")) and _STEP_WORD.search(body):
        exp = _braced(body, start, _STEP_WORD)
        return exp, exp.text
    return exp, body


# the step of a text that steps with another letter than t: the letter of h_{k-1}, x[n-1], h_k_minus_1 (read.rowlabels)
_OTHER_STEP = re.compile(r"(?<=[A-Za-z])(?:_\{\s*([a-z])\s*-\s*1\s*\}|\[\s*([a-z])\s*-\s*1\s*\]|_([a-z])_minus_?1(?![\w]))")


_PRIMED_RIGHT = re.compile(r"(?<![\w'\"\[])([A-Za-z]\w{0,3})'(?![\w'])")


def _primed_use(body: str, text: str) -> bool:
    """Whether a line of code uses a new state the text defines primed (`Output = head_weight * h' + head_bias`
    after `h' = ...`): a statement of the step."""
    rhs = body.partition("=")[2]
    return "'" in rhs and any(re.search(rf"(?<![\w']){re.escape(m.group(1))}'\s*=(?!=)", text)
                              for m in _PRIMED_RIGHT.finditer(rhs))


def _activated_later(body: str, text: str) -> bool:
    """Whether what a line of code computes is a gate's activation's argument elsewhere in the text (`gates = x @ W_ih^T
    + ...` before `i = sigmoid(gates[0:H])`): the step's pre-activations."""
    name = _LEFT_NAME.match(body.translate(_PLAIN))
    if name is None and (stack := _STACKED_LEFT.match(body.translate(_PLAIN))) is not None:  # [i, f, g, o] = W_ih @ x + ...
        named = _activated_names(text)  # (each piece activated as i_gate, f_gate, ...: the pieces' pre-activations)
        return all(any(n.startswith(x + "_") for n in named) for x in re.findall(r"[A-Za-z]\w{0,8}", stack.group(1)))
    return name is not None and name.group(1) in _activated_names(text)


_LEFT_NAME = re.compile(r"\s*([A-Za-z]\w{0,20})\s*=(?!=)")
_STACKED_LEFT = re.compile(r"\s*\[\s*([A-Za-z]\w{0,8}(?:\s*[,;]\s*[A-Za-z]\w{0,8}){1,7})\s*\]\s*=(?!=)")
_PLAIN = {0xE000 + k: k for k in range(0x80)}  # (code's names as read.codelines writes them: the letters back)
_ACTIVATED_NAME = re.compile(r"(?:sigmoid|sigm|tanh|σ)\s*\(\s*([A-Za-z]\w{0,20})\s*[\[)]")


@lru_cache(maxsize=2)
def _activated_names(text: str) -> frozenset[str]:
    return frozenset(m.group(1) for m in _ACTIVATED_NAME.finditer(text.translate(_PLAIN))) if "(" in text else frozenset()


def _at_step(body: str, text: str) -> bool:
    """Whether a line of code is at the step of a text that steps with k, n, ... (x_{k+1} = V * h_k + b)."""
    letters = {next(g for g in m.groups() if g) for m in _OTHER_STEP.finditer(text)} - {"t"} if "1" in text else ()
    return any(re.search(rf"(?<=[A-Za-z])(?:_\{{?\s*{x}\s*(?:[-+]\s*1\s*)?\}}?|\[\s*{x}\s*(?:[-+]\s*1\s*)?\])(?![A-Za-z])", body)
               for x in sorted(letters))


def _braced(body: str, shift: int, pattern: re.Pattern = _PLAIN_SUBSCRIPT, exp: Expansion | None = None) -> Expansion:
    """Code's subscripts in braces (W_ir -> W_{ir}), each brace at the place of its neighbour (through
    `exp`, the expansion body was read from, when there is one: ŷ written \\hat{y})."""
    at = (lambda i: exp.starts[i]) if exp else (lambda i: shift + i)
    to = (lambda i: exp.ends[i]) if exp else (lambda i: shift + i + 1)
    chars: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    last = 0
    for m in pattern.finditer(body):
        for i in range(last, m.start() + 1):  # up to and with the _
            chars.append(body[i]), starts.append(at(i)), ends.append(to(i))
        chars.append("{"), starts.append(to(m.start())), ends.append(to(m.start()))
        for i in range(m.start() + 1, m.end()):
            chars.append(body[i]), starts.append(at(i)), ends.append(to(i))
        chars.append("}"), starts.append(at(m.end() - 1)), ends.append(to(m.end() - 1))
        last = m.end()
    for i in range(last, len(body)):
        chars.append(body[i]), starts.append(at(i)), ends.append(to(i))
    return Expansion("".join(chars), starts, ends)
