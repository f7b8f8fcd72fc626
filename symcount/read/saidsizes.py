"""Sizes said in prose that read.prosesizes' English patterns miss: Japanese, Chinese and Korean claims of a
vector's size ("$\\tilde{x}_t$、$f_t$、$h_t$は全て$d$次元のベクトルです", "$h_t$ 是 $n$ 维向量", "$h_t$는 $d$차원 벡터"),
a matrix's shape written as two sizes in math apart with a plain x between them ("$W_s$ of size $n$x$n$"), and a
vector's size as a column's shape after a comma ("$$x^{(k)}$$, a vector of dimensions $$d \\times 1$$").
Each yields (offset of the name, name, size or (rows, cols), end), as read.prosesizes' claims do."""
from __future__ import annotations

from . import patterns as re  # re, with the package's patterns compiled ahead (read.patterns)
from .sizetables import SIZE

_MATH = r"\${1,2}[^$\n]{1,80}?\${1,2}"
_NAMES = rf"(?P<names>{_MATH}(?:\s*(?:,|、|，|と|和|及|与|및|과|와)\s*{_MATH}){{0,9}})"
# "は全て", "はすべて", "は", "是", "都是", "均为", "为", "는", "은", "는 모두": the verb between the names and the size
_IS = r"\s*(?:は(?:全て|すべて|いずれも|共に)?|(?:都|均|皆)?(?:是|为|為)|(?:은|는|이|가)(?:\s*모두)?)\s*"
_DIMENSIONAL = re.compile(_NAMES + _IS + r"\${1,2}\s*" + SIZE + r"\s*\${1,2}\s*(?:次元|维|維|차원)\s*(?:の|的)?\s*"
                          r"(?:列|列)?\s*(?:ベクトル|向量|벡터)")
# "$W_s$ of size $n$x$n$", "$W$ of shape $h$ x $d$": rows and columns each in its own math
_SPLIT_SHAPE = re.compile(r"(?P<names>\$[^$\n]{1,40}\$)\s*(?:of|with)\s+(?:the\s+)?(?:size|shape|dimensions?)\s+"
                          r"\$\s*" + SIZE.replace("?P<n>", "?P<r>") + r"\s*\$\s*(?:x|×|\*)\s*\$\s*"
                          + SIZE.replace("?P<n>", "?P<c>") + r"\s*\$", re.I)
# "$$x^{(k)}$$, a vector of dimensions $$d \times 1$$": a column of d
_COLUMN = re.compile(r"(?P<names>\${1,2}[^$\n]{1,40}?\${1,2})\s*,\s*(?:an?\s+)?(?:column\s+)?vector\s+(?:of|with)\s+(?:the\s+)?"
                     r"(?:dimensions?|size|shape|length)\s+\${1,2}\s*\(?\s*" + SIZE + r"\s*(?:\\times|×|x|,)\s*1\s*\)?\s*\${1,2}", re.I)
_CUE = re.compile(r"次元|维|維|차원")


def claims(text: str):
    if _CUE.search(text):
        for m in _DIMENSIONAL.finditer(text):
            for chunk in re.finditer(r"\${1,2}([^$]+)\${1,2}", m.group("names")):
                yield m.start("names") + chunk.start(1), chunk.group(1), re.sub(r"[{}]", "", m.group("n")), m.end()
    if "$x$" in text or "$ x $" in text or re.search(r"\$\s*(?:x|×|\*)\s*\$", text):
        for m in _SPLIT_SHAPE.finditer(text):
            shape = tuple(re.sub(r"[{}]", "", m.group(g)) for g in ("r", "c"))
            yield m.start("names") + 1, m.group("names")[1:-1], shape[0] if shape[1] == "1" else shape, m.end()
    if "vector" in text:
        for m in _COLUMN.finditer(text):
            name = m.group("names").strip("$")
            yield m.start("names") + m.group("names").index(name), name, re.sub(r"[{}]", "", m.group("n")), m.end()
