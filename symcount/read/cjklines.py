"""A line of plain text in Chinese or Japanese with its math between the words (`其中 h_t = \\tanh(W x_t)，...`):
each stretch between the words read as a bare line (read.barelines passes its reader). Step of read.barelines."""
from __future__ import annotations

from . import patterns as re  # re, with the package's patterns compiled ahead (read.patterns)

_TEXT_CJK = re.compile(r"\\(?:text|mathrm|textrm|mbox)\s*\{[^{}\n]*[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af][^{}\n]*\}")
_BETWEEN_CJK = re.compile(r"[^\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uff01-\uff0f\uff1a-\uff20\u2e80-\u2fdf]+")


def between_words(line: str, pos: int, out: list, flat: bool, bare_line) -> None:
    """The math of a line between its words in Chinese or Japanese (`其中 h_t = \\tanh(W x_t)，...`; `\\text{更新门: }` blank)."""
    line = _TEXT_CJK.sub(lambda m: " " * len(m.group(0)), line) if "\\text" in line else line
    for piece in _BETWEEN_CJK.finditer(line):
        lead = len(piece.group(0)) - len(piece.group(0).lstrip(":;,. \t\""))  # `ゲート: r_t = ...`; a string's quote
        text = re.sub(r"(?<=[^\s\"])\"\s*,?\s*$", "", piece.group(0))  # (a JavaScript string's closing quote)
        if piece.end() < len(line) and re.search(r"\s(?:#|//)\s*$", text):  # `+ b_h #当前时刻的隐藏状态`: a comment's mark
            text = re.sub(r"\s*(?:#|//)\s*$", "", text)
        elif piece.end() < len(line) and re.search(r"\s[(\[]\s*$", text):  # `+ b_h    (活性化前の値)`: a remark's opening
            text = re.sub(r"\s*[(\[]\s*$", "", text)
        elif piece.end() < len(line) and re.search(r"\s{3,}\([^()\n]*$", text):  # `W_k · x_t    (W_k ∈ R^{d×d}, 无偏置)`
            text = re.sub(r"\s{3,}\([^()\n]*$", "", text)
        bare_line(text[lead:], pos + piece.start() + lead, out, flat)
