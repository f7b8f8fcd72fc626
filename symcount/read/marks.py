"""Marks around math that change how it looks, not what it computes, blanked out (every offset kept):
`\\underbrace{o_t \\odot s_{t-1}}_{h_{t-1}}` (the label is a name for the reader, not a term), colours
(`\\color{red}{W}`, `{\\color{red} W}`, `\\textcolor{blue}{W}`, `\\colorbox{yellow}{W}`) and boxes
(`\\boxed{W}`, `\\fbox{W}`, MathJax's `\\bbox[...]{W}`) and a size's group (`\\Huge{...}`): what they mark is read,
the mark is not; so a style's group (Wikipedia's `{\\displaystyle ...}`).
And a bar between the items of a bracket (`[h_{t-1} \\| x_t]`, `∥`, `\\Vert`, `\\parallel`: graph papers' concatenation)
is the `;` of a stacked vector (a norm's bars enclose an item, they never stand between two)."""
from __future__ import annotations

from . import patterns as re  # re, with the package's patterns compiled ahead (read.patterns)

# a command whose argument is kept (its name and the argument's braces blanked): \textcolor{blue}{W}
_WRAPPING = re.compile(r"\\(?:textcolor|colorbox)\s*(?:\[[A-Za-z]+\])?\{[A-Za-z!0-9#]*\}\s*\{|\\(?:boxed|fbox|color\s*(?:\[[A-Za-z]+\])?\{[A-Za-z!0-9#]*\}(?=\s*\{))\s*\{"
                       r"|\\bbox\s*\[[^\[\]{}]*\]\s*\{|\\(?:large|Large|LARGE|huge|Huge|small|normalsize)\s*\{")  # \\Huge{...}: a size's group
# Wikipedia's `{\displaystyle {\begin{aligned} ... \end{aligned}}}`: a style's group, and a block's, braces blanked
_STYLE_GROUP = re.compile(r"(?<![A-Za-z}\]^_])(?:\{\s*\\(?:displaystyle|textstyle)(?![A-Za-z])|\{(?=\s*\\begin\s*\{))")  # (not an argument)
_SWITCH = re.compile(r"\\color\s*(?:\[[A-Za-z]+\])?\{[A-Za-z!0-9#]*\}(?!\s*\{)")  # {\color{red} W}: a switch, the group stays


def marks(out: list[str], shift: int, region: str) -> None:
    """Blank out, in out[shift:shift + len(region)], the marks of the region's math."""
    if "\\|" in region or "∥" in region or "Vert" in region or "parallel" in region:
        _bars(out, shift, region)
    if "brace" in region:
        _labelled_braces(out, shift, region)
    for m in _WRAPPING.finditer(region) if "color" in region or "box" in region or "ge" in region else ():
        end = matching(region, m.end() - 1)
        if end is not None:
            for i in list(range(m.start(), m.end())) + [end]:
                out[shift + i] = " "
    for m in _STYLE_GROUP.finditer(region) if "style" in region else ():
        end = matching(region, m.start())
        if end is not None and ("=" in region[m.end():end] or "\\begin" in region[m.end():end]):  # (equations in it)
            for i in list(range(m.start(), m.end())) + [end]:
                out[shift + i] = " "
    for m in _SWITCH.finditer(region) if "color" in region else ():
        for i in range(m.start(), m.end()):
            out[shift + i] = " "


_BAR = re.compile(r"\\\||∥|\\Vert(?![A-Za-z])|\\parallel(?![A-Za-z])")
_BRACKET = re.compile(r"\[([^\[\]\n]*)\]")


def _bars(out: list[str], shift: int, region: str) -> None:
    for m in _BRACKET.finditer(region):
        bars = list(_BAR.finditer(m.group(1)))
        if not bars:
            continue
        parts = _BAR.split(m.group(1))
        if all(p.strip() for p in parts):  # every bar between two items
            for b in bars:
                at = m.start(1) + b.start()
                out[shift + at:shift + at + len(b.group(0))] = [";"] + [" "] * (len(b.group(0)) - 1)


_LABELLED = re.compile(r"\\(?:underbrace|overbrace)\s*\{")


def _labelled_braces(out: list[str], shift: int, region: str) -> None:
    """`\\underbrace{o_t \\odot s_{t-1}}_{h_{t-1}}`: what is braced, its label blanked out (a name
    for the reader, not a term)."""
    for m in _LABELLED.finditer(region):
        end = matching(region, m.end() - 1)
        if end is None:
            continue
        label = re.match(r"\s*[_^]\s*", region[end + 1:])
        stop = end + 1
        if label:
            at = end + 1 + label.end()
            command = re.match(r"\\[A-Za-z]+\s*(?=\{)", region[at:at + 40])  # _\text{previous state}: the command and its group
            at += command.end() if command else 0
            stop = (matching(region, at) if region[at:at + 1] == "{" else at)
            stop = None if stop is None else stop + 1
        if stop is None:
            continue
        for i in range(m.start(), m.end()):
            out[shift + i] = " "
        for i in range(end, stop):
            out[shift + i] = " "


def matching(text: str, at: int) -> int | None:
    """The index of the brace that closes the one at `at`."""
    depth = 0
    for i in range(at, min(len(text), at + 2000)):
        if text[i] == "{" and (i == 0 or text[i - 1] != "\\"):
            depth += 1
        elif text[i] == "}" and (i == 0 or text[i - 1] != "\\"):
            depth -= 1
            if depth == 0:
                return i
    return None
