"""Projections said in prose, not written as equations: "$q_t, k_t, v_t$ 由 $x_t$ 经 $W_Q, W_K, W_V$ 线性投影得到",
"$q_t, k_t, v_t$ are linear projections of $x_t$ by $W_Q$, $W_K$ and $W_V$": each signal, which the equations read and
none computes, is its weight times the input, `q_t = W_Q x_t` (a linear map: no bias), one to one in the order written.
Only where the sentence names as many weights as signals, none of them used by an equation. A step of read.readings,
with a note."""
from __future__ import annotations

from ..errors import replace
from . import nodes as N
from . import patterns as re  # re, with the package's patterns compiled ahead (read.patterns)
from .cellwalk import symbols
from .source import Span

_ITEM = r"\\?[A-Za-z]+(?:_\{?[A-Za-z0-9,\\]{1,12}\}?)?"
_LIST = r"\$\s*(?P<GROUP>" + _ITEM + r"(?:\s*,\s*" + _ITEM + r"){1,5})\s*\$"
_WEIGHTS = r"(?P<w>\$\s*" + _ITEM + r"(?:\s*\$?\s*(?:,|、|，|and|和|及|与)\s*\$?\s*" + _ITEM + r"){1,5}\s*\$)"
_SAID = re.compile(_LIST.replace("GROUP", "s") + r"[^$\n]{0,40}?\$\s*(?P<x>" + _ITEM + r")\s*\$[^$\n]{0,20}?" + _WEIGHTS
                   + r"[^$\n.。]{0,20}?(?:线性)?(?:投影|射影|투영|projections?|projected|linear\s+maps?)"
                   + r"|" + _LIST.replace("GROUP", "s2") + r"[^$\n]{0,20}?(?:linear\s+)?(?:projections?|projected)\s+(?:of|from)\s+\$\s*(?P<x2>"
                   + _ITEM + r")\s*\$\s*(?:by|with|via|through|using)\s+" + _WEIGHTS.replace("?P<w>", "?P<w2>"), re.I)
_CUE = re.compile(r"投影|射影|투영|project|linear\s+map", re.I)
# what a sentence may say of the projections besides the products: a bias, a convolution, a norm, an MLP, a step after
_MORE = re.compile(r"bias|偏置|偏差|偏移|バイアス|편향|conv|MLP|perceptron|norm|followed|then\b|activation|nonlinear|plus\b|"
                   r"\+|随后|然后|之后|再|激活|卷积|归一化|層|layer", re.I)


def _rest(text: str, at: int) -> str:
    """The text from `at` to the end of its sentence (and the sentence's brackets)."""
    end = re.search(r"[.。;；]\s|[.。;；]$|\n\s*\n", text[at:at + 300])
    return text[at:at + (end.start() if end else 300)]


def said_projections(cell: N.Cell, notes: list[str]) -> N.Cell:
    text = cell.source.text
    if not _CUE.search(text) or "$" not in text:
        return cell
    computed = {eq.lhs.name for eq in cell.equations if isinstance(eq.lhs, N.Symbol)}
    by_text = {re.sub(r"[{}\s]", "", s.text): s for s, _, left in symbols(cell) if not left}
    added = []
    for m in _SAID.finditer(text):
        g = "" if m.group("s") else "2"
        sigs = [p.strip() for p in m.group("s" + g).split(",")]
        weights = re.findall(_ITEM, re.sub(r"\$|\band\b|和|及|与|、|，|,", " ", m.group("w" + g)))
        x = by_text.get(re.sub(r"[{}\s]", "", m.group("x" + g)))
        found = [by_text.get(re.sub(r"[{}\s]", "", s)) for s in sigs]
        if x is None or len(weights) != len(sigs) or any(s is None or s.name in computed for s in found) \
                or any(_name(w) in by_text or _name(w) in computed for w in weights) or _MORE.search(_rest(text, m.end())):
            continue  # (a bias, a convolution, a norm said of the projections too: more than the products, not read)
        at = Span(m.start(), m.end())
        for s, w in zip(found, weights):
            weight = N.Symbol(_name(w), w, None, at)
            added.append(N.Equation(replace(s, span=at), N.Binary("matmul", weight, replace(x, span=at), at), at, inline=True))
        notes.append(f"{', '.join(sigs)} at {cell.source.where(at)}: said to be projections of {m.group('x' + g)} by "
                     f"{', '.join(weights)}: read as {'; '.join(f'{s} = {w} {m.group(chr(120) + g)}' for s, w in zip(sigs, weights))}")
    return replace(cell, equations=tuple(added) + cell.equations) if added else cell


def _name(written: str) -> str:
    """W_Q, W_{QK}: a symbol's name as read.symbols gives it (one character bare, more in braces)."""
    letter, _, sub = written.partition("_")
    sub = sub.strip("{}")
    return letter if not sub else f"{letter}_{sub}" if len(sub) == 1 else f"{letter}_{{{sub}}}"
