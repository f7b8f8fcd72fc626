"""Weights named in prose's math, then their shape in words: `$W_{ir}$、$W_{iz}$、$W_{in}$ 为输入权重矩阵，形状为 $[H, I]$`
(a framework's docs), `$W_{ir}$, $W_{in}$ are the input weights, of shape $[H, I]$`: each name's shape, as a legend
lists it (read.prosesizes.legends: its orientation a choice where the equations would fit either)."""
from __future__ import annotations

from . import patterns as re  # re, with the package's patterns compiled ahead (read.patterns)

_MATH_NAME = r"\$[^$\n]{1,30}\$"
_JOIN = r"\s*(?:,|，|、|\band\b|和|与|及|\by\b|\bet\b|\bund\b|\be\b)\s*"
_SHAPE_WORD = r"(?:\bshapes?\b|\bof\s+size\b|形状|形如|维度|維度|尺寸|\bForm\b|\bforme\b|\bforma\b|형태|크기|サイズ|形状は)"
# (between the names and the shape: words of one clause, no stop, no comma but one right before the shape's word, no
# second clause's subject; no second shape after it, `of shapes [H, H] and [H, I]`, 分别: each its own)
_SHAPED_LIST = re.compile(rf"(?P<name>{_MATH_NAME}(?:{_JOIN}{_MATH_NAME}){{0,7}})(?P<gap>[^$\n.,;:，。；：]{{0,60}}?)(?:[,，]\s*)?"
                          rf"(?:(?:of|with|has|have)\s+(?:the\s+|a\s+)?)?{_SHAPE_WORD}[^$\n\[(.;。；]{{0,12}}?"
                          r"\$?\s*[\[(]\s*(?P<bdims>[A-Za-z]\w{0,20}\s*,\s*[A-Za-z]\w{0,20})\s*[\])]\s*\$?(?P<more>[^\n.;。；]{0,12})")
_OTHER_CLAUSE = re.compile(r"\b(?:while|whereas|but|respectively|shapes|the\s+\w+\s+(?:weights?|matri(?:x|ces))\s+(?:are|is|have|has))\b|分别|而|各自", re.I)
_BATCH_ROWS = frozenset("N B n b batch batch_size bs T L".split())  # (B, D): a batch's or a sequence's, no weight's
_MATH = re.compile(_MATH_NAME)


def shaped_lists(text: str):
    """(offset, names, (rows, cols, "as written"), end) for each list of names in math with a shape in words after them; the
    names as a list a legend writes (`W_{ir}, W_{iz}`: each separator a comma, at the same offsets)."""
    if "$" not in text:
        return
    for m in _SHAPED_LIST.finditer(text):
        rows, cols = (d.strip() for d in m.group("bdims").split(","))
        if _OTHER_CLAUSE.search(m.group(0)) or (m.group("more") and " and " in m.group("more")) or rows in _BATCH_ROWS:
            continue
        listed, names, at = m.group("name"), [], 0
        for chunk in _MATH.finditer(listed):  # the math's inside kept, each `$` a space, each separator a comma
            gap = listed[at:chunk.start()]
            names += [",".ljust(len(gap)) if gap else "", " ", chunk.group(0)[1:-1], " "]
            at = chunk.end()
        yield m.start("name"), "".join(names), (rows, cols, "as written"), m.end()  # (a matrix in math: W x reads it so)


def any_shaped(text: str) -> bool:
    """Whether the text has such a list (read.prosesizes' quick test)."""
    return "$" in text and _SHAPED_LIST.search(text) is not None


# a field with its type and a comment that gives its shape: `W_z: Float32Array; // [hiddenSize, inputSize] — update gate`
FIELD_SHAPE = re.compile(r"^[ \t]*(?:(?:pub|public|private|readonly|let|var|val)[ \t]+)*(?P<name>[A-Za-z_]\w{0,20})[ \t]*\??:[ \t]*"
                         r"[\w.<>\[\]]+[ \t]*[;,]?[ \t]*(?://+|#)[ \t]*\[(?P<bdims>[A-Za-z]\w{0,20}(?:[ \t]*,[ \t]*[A-Za-z]\w{0,20})?)\]", re.M)
