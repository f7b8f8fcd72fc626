"""How each output format writes its pieces: prose escaped, numbers with their separators, formulas
as math or as plain text. One row per format; the writers (report, tables, render, costs) ask the row
instead of comparing format names. A new format adds a row here and one in output/formats.py."""
from __future__ import annotations

from ..errors import TYPE_CHECKING, Record

from .escape import md_chars, md_text, number, tex_chars, tex_text
from .layout import latex_table, markdown_table

if TYPE_CHECKING:  # pragma: no cover (types only: typing is a start-up cost)
    from typing import Callable


def _same(s: str) -> str:
    return s


class Markup(Record):
    # name: str
    # text: Callable[[str], str]  # prose, escaped (a name, a description, a caption)
    # chars: Callable[[str], str]  # characters escaped, spaces kept (sentences assembled from parts)
    # math: bool  # formulas typeset as $...$ (else written as plain text)
    # capitalised: bool  # table titles and captions start with a capital letter
    # separated_in_math: bool  # a number inside $...$ keeps its thousands separators (LaTeX's {,})
    # percent_sign: str  # how a percentage's sign is written (LaTeX escapes it)
    # table: Callable | None = None  # (caption, header, body, standalone) -> a table with its caption
    __slots__ = ("name", "text", "chars", "math", "capitalised", "separated_in_math", "percent_sign", "table")
    _defaults = {"table": None}

    def number(self, n: int) -> str:
        """3153920 (text), 3,153,920 (Markdown), 3{,}153{,}920 (LaTeX, in math mode)."""
        return number(n, self.name)

    def math_number(self, n: int) -> str:
        """A number written inside $...$."""
        return self.number(n) if self.separated_in_math else str(n)

    def percent(self, text: str) -> str:
        return text.replace("%", self.percent_sign)


def _markdown_table(caption: str, header: list[str], body: list[list[str]], standalone: bool = False) -> str:
    return "\n".join([caption, ""] + markdown_table(header, body)) + "\n"


MARKUPS: dict[str, Markup] = {
    "text": Markup("text", _same, _same, False, False, False, "%"),
    "json": Markup("json", _same, _same, False, False, False, "%"),
    "csv": Markup("csv", _same, _same, False, False, False, "%"),
    "markdown": Markup("markdown", md_text, md_chars, True, True, False, "%", _markdown_table),
    "latex": Markup("latex", tex_text, tex_chars, True, True, True, "\\%", latex_table),
}


def markup(fmt: str) -> Markup:
    return MARKUPS[fmt]
