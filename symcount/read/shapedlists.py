"""Weights named in prose's math, then their shape in words: `$W_{ir}$、$W_{iz}$、$W_{in}$ 为输入权重矩阵，形状为 $[H, I]$`
(a framework's docs), `$W_{ir}$, $W_{in}$ are the input weights, of shape $[H, I]$`: each name's shape, as a legend
lists it (read.prosesizes.legends: its orientation a choice where the equations would fit either)."""
from __future__ import annotations

from . import patterns as re  # re, with the package's patterns compiled ahead (read.patterns)

_MATH_NAME = r"\$[^$\n]{1,30}\$"
_JOIN = r"\s*(?:,|，|、|\band\b|和|与|及|\by\b|\bet\b|\bund\b|\be\b)\s*"
_SHAPE_WORD = r"(?:\bshapes?\b|\bof\s+size\b|形状|形如|维度|維度|尺寸|\bForm\b|\bforme\b|\bforma\b|형태|크기|サイズ|形状は)"
_SHAPED_LIST = re.compile(rf"(?P<name>{_MATH_NAME}(?:{_JOIN}{_MATH_NAME}){{0,7}})[^$\n]{{0,60}}?{_SHAPE_WORD}[^$\n\[(]{{0,12}}?"
                          r"\$?\s*[\[(]\s*(?P<bdims>[A-Za-z]\w{0,20}\s*,\s*[A-Za-z]\w{0,20})\s*[\])]\s*\$?")
_MATH = re.compile(_MATH_NAME)


def shaped_lists(text: str):
    """(offset, names, (rows, cols), end) for each list of names in math with a shape in words after them; the
    names as a list a legend writes (`W_{ir}, W_{iz}`: each separator a comma, at the same offsets)."""
    if "$" not in text:
        return
    for m in _SHAPED_LIST.finditer(text):
        listed, names, at = m.group("name"), [], 0
        for chunk in _MATH.finditer(listed):  # the math's inside kept, each `$` a space, each separator a comma
            gap = listed[at:chunk.start()]
            names += [",".ljust(len(gap)) if gap else "", " ", chunk.group(0)[1:-1], " "]
            at = chunk.end()
        rows, cols = (d.strip() for d in m.group("bdims").split(","))
        yield m.start("name"), "".join(names), (rows, cols), m.end()


def any_shaped(text: str) -> bool:
    """Whether the text has such a list (read.prosesizes' quick test)."""
    return "$" in text and _SHAPED_LIST.search(text) is not None


# a field with its type and a comment that gives its shape: `W_z: Float32Array; // [hiddenSize, inputSize] — update gate`
FIELD_SHAPE = re.compile(r"^[ \t]*(?:(?:pub|public|private|readonly|let|var|val)[ \t]+)*(?P<name>[A-Za-z_]\w{0,20})[ \t]*\??:[ \t]*"
                         r"[\w.<>\[\]]+[ \t]*[;,]?[ \t]*(?://+|#)[ \t]*\[(?P<bdims>[A-Za-z]\w{0,20}(?:[ \t]*,[ \t]*[A-Za-z]\w{0,20})?)\]", re.M)
