"""Math in prose: where the equations of a text are, however it is written. Scanning for delimiters
is lexing, not parsing: what is between them goes to the grammar (symcount.parse).

Containers: LaTeX (`$...$`, `$$...$$`, `\\[...\\]`, `\\(...\\)`, equation/align/gather/multline/
eqnarray/... environments, starred too), reStructuredText (`.. math::` blocks, one equation group per
paragraph, and `:math:` roles), Markdown (```` ```math ```` fences), wikitext (`<math>` tags),
Doxygen (`\\f$...\\f$`, `\\f[...\\f]`), Rd (`\\deqn{}`, `\\eqn{}`); a text with none of these is read
line by line (bare equations). Text inside code comments (`#'`, `///`, `//`, `/** * */`) is read
as if the comment markers were not there.

Everything here keeps offsets: the text the grammar reads (`Scan.text`) has the length of the
input, with markers and escapes replaced by spaces, so that every error points into what the user
wrote. Two escapings are undone per region: doubled backslashes (a Python docstring that is not a
raw string: `\\\\sigma`) and Markdown escapes (`\\_`, `\\[`, `\\*`: LaTeX in Markdown for remark.js).
"""
from __future__ import annotations

from . import patterns as re  # re, with the package's patterns compiled ahead (read.patterns)
from ..errors import ParseError, Record
from .quoted import quoted
from .macros import definitions, families
from .plaincode import plain_code
from .initialcases import initial_cases
from .shapescripts import group_shapes
from .retyped import retyped
from .source import Source, Span
from .marks import marks
from .webmath import html_math, math_letters, pre_blanked, rendered, template_tags
from .barelines import bare_lines
from .codelines import code_names, named_as_code, written_as_code
from .listednames import assigned_names, glue_listed, listed_names
from .relations import Chars, Respeller, escaped_words
from .derivatives import derivatives
from .splitmath import joined
from .pasted import doubled_escapes, escaped_brackets, gitlab_math, orphan_blocks as _orphan_blocks, uncomment as _uncomment
from .typst import typst
from .pystatements import code_statements
from .unitindex import unit_indices
from .rstblocks import rst_block
from .rowlabels import bold_ones, braced_left, flat_lags, glued_left_letters, glued_steps, plain_lags, row_labels, slashed_remarks, snake_names, tight_dots

_ENVS = (r"equation|align|gather|multline|eqnarray|displaymath|math|flalign|alignat|aligned|array"
         r"|split|gathered|dmath|empheq|IEEEeqnarray")
_COLSPEC = re.compile(r"\s*\{(?:[^{}]|\{[^{}]*\})*\}")  # array's {ll} and {*{20}c}, alignat's {2}
_LITERAL_BRACKET = re.compile(r"[^\]\n\\$]{0,30}\]")  # \[-1,1]: closed by a plain bracket on its line
_EMPHEQ = re.compile(r"\s*(?:\[(?:[^\[\]]|\[[^\]]*\])*\])?\s*\{[^{}]*\}")  # empheq's [box=...]{align}
_OPEN = re.compile(
    r"(?P<comment>(?<![\\0-9])%[^\n]*)"
    r"|(?P<escaped>(?<!\\)\\\$)"  # (not after a row break's `\\`: `...consider.\\$i_t = ...$`)
    r"|(?P<doxy>[\\@]f(?:[$\[]|\{[A-Za-z]+\*?\}\s*\{))"
    r"|(?P<dd>\$\$)"
    r"|(?P<d>\$)"
    r"|(?P<bracket>(?<!\\)\\{1,2}\[(?!-?[\d.]+(?:pt|ex|em|mm|cm)\]))"  # \\[ ... \\]: Markdown's escaped \[ (Hugo, org)
    r"|(?P<paren>(?<!\\)\\{1,2}\()"  # \\( ... \\): Markdown's escaped \( (kramdown, MathJax)
    r"|(?P<short>\\b(?:eq|eqn|eqa|ea|e)(?![A-Za-z*@]))"  # \beq ... \eeq: a text's own shorthands for equation (\bea, \be)
    r"|(?P<env>\\begin\s*\{(?P<envname>(?:" + _ENVS + r")\*?)\})"
    r"|(?P<wiki><math(?:\s[^>]*)?>)"
    r"|(?P<fence>^[ \t]*(?:```+|~~~+)[ \t]*math[ \t]*$)"
    r"|(?P<rst>^(?P<rstindent>[ \t]*)\.\.[ \t]+math[ \t]*::[ \t]*)"
    r"|(?P<role>:math:`)"
    r"|(?P<jl>^[ \t]*``(?!`)(?=[^`\n]*=[^`\n]*``[ \t]*$))"  # Documenter.jl's ``h = ...`` on a line of its own
    r"|(?P<rd>\\d?eqn\{)"
    r"|(?P<pycall>\b(?:st\.latex|Math|Latex)\(\s*[rRuU]?(?P<q>'''|\"\"\"|'|\"))",  # Streamlit's st.latex(r'''...'''), IPython's Math(r"...")
    re.M,
)
_DIRECTIVE = re.compile(r"%\s*symcount\s*:\s*(?P<key>[A-Za-z_-]+)\s*(?P<value>.*?)\s*$")
MEANINGFUL = re.compile(r"=|\\in(?![A-Za-z])|∈|(?<=\s)in\s+(?:ℝ|R\^|\\mathbb)|←|\\(?:leftarrow|gets)(?![A-Za-z])")  # (an assignment by an arrow too; `x_t in R^d`)
# a time index, as in x_t, h_{t-1}, h^{(t)}, h(t-1), H[t-1]: math that has one is meant for symcount
TIMED = re.compile(r"_\s*\{?\s*(?:prev|previous|old|new|next|last|tm1)(?![A-Za-z])|[_^]\s*\{?\s*(?:\(|<|\\langle|\[)?\s*t(?![A-Za-z])|[A-Za-z}](?:\(\s*t\s*(?:[-+]\s*\d+\s*)?\)"
                   r"|\[\s*t\s*(?:[-+]\s*\d+\s*)?\])|[A-Za-z}\u0303]ₜ")  # or fₜ, hₜ₋₁: Unicode's subscript t
_COMMANDS = re.compile(r"\\(sigma|tanh|odot|cdot|circ|mathbf|boldsymbol|bar|tilde|hat|in|mathbb|times|begin|end|"
                       r"frac|left|right|text|textrm|mathrm|operatorname|top|prime|quad|sqrt|exp|log|phi|"
                       r"alpha|beta|gamma|delta|epsilon|lambda|widetilde|overline|bigodot|otimes|bullet)"
                       r"(?![A-Za-z])")


class Region(Record):
    __slots__ = ('start', 'end', 'inline', 'kind')
    start: int
    end: int
    inline: bool   # in running text: skipped when it cannot be read and has no time index
    kind: str      # "latex", "rst", "role", "fence", "wiki", "doxygen", "rd", "bare"


class Scan(Record):
    __slots__ = ('text', 'regions', 'directives', 'macros')
    _factories = {'macros': dict}
    text: str                                    # what the grammar reads: the input's length
    regions: tuple[Region, ...]
    directives: tuple[tuple[str, int, int], ...]  # (key, start, end of value) of `% symcount:` comments
    macros: dict   # the macros the text defines (read.macros), by name


_INVISIBLE = str.maketrans({**{ch: " " for ch in "\u200b\u200c\u200d\u2060\u2061\u2062\u2063\u2064\ufeff"}, **{chr(c): " " for c in range(0x2500, 0x2580)},
                            "\u2011": "-", "−": "-", "⋅": "·", "∙": "·", "ϕ": "φ"})  # a box's lines (│ ─ ┌) blank, a non-breaking hyphen (h(t‑1) on a web page) and Unicode's minus a hyphen, dot operators `·`, the phi symbol φ
# `\text{where } \theta = \{W_{ih}, b_{ih}\}`: a name for the set of parameters, not an equation of the cell
_SET_DEFINITION = re.compile(r"(?:\\(?:text|mathrm|textrm)\s*\{\s*(?:where|with)\s*\}\s*)?(?:\\[A-Za-z]+|[A-Za-z])\s*=\s*"
                             r"\\\{(?:[^{}\\]|\\(?!\})|\{(?:[^{}]|\{[^{}]*\})*\})*\\\}")
_THETA_TUPLE = re.compile(r"(?:\\(?:boldsymbol|mathbf|bm)\s*\{\s*\\theta\s*\}|\\theta|θ|\\Theta)\s*=\s*"
                          r"(?:\\left\s*)?\((?:[^()]|\([^()]*\))*,(?:[^()]|\([^()]*\))*(?:\\right\s*)?\)")
_EMPTY_SCRIPT = re.compile(r"[_^]\s*\{\s*\}|\\(?:text|textrm|mbox|mathrm)\s*\{\s*\}"  # and an empty \text{},
                           r"|\\(?:large|Large|LARGE|huge|Huge|small|normalsize|displaystyle|textstyle|scriptstyle)(?![A-Za-z])"  # a size
                           r"|(?<=\\odot|\\circ|\\cdot)\{\}|(?<=\\times)\{\}|(?<=\\otimes|\\bullet)\{\}")  # `\odot{}`: an empty group after an operator
_TILDE_SCRIPT = re.compile(r"(?<=[A-Za-z])\^\s*\{\s*~\s*\}")
_SCHUR = re.compile(r"(?<=[\w)\]}\ue000-\ue0ff])[ \t]+(%)[ \t]+(?=[\w\\(\[])")
_SPACED_DOT = re.compile(r"(?<=[\w)\]}\ue000-\ue0ff])[ \t]+(\.)(?:[ \t]+(?=[\w\\(\[{])|(?=\())")  # (`W_s .( h \odot r)`)
_CJK_DOT = re.compile(r"(?<=[\w})\]])(\s*)。(?=\s*[\w\\({\[])")  # `。` where a Chinese text writes `·`: a product


def scan(src: Source, check=None) -> Scan:
    """The text's math regions, each rewritten in place; `check(Scan)` is asked of the regions found
    before they are rewritten (a limit that a cheap count decides refuses a long text early)."""
    text = math_letters(html_math(_uncomment(quoted(src.text)).translate(_INVISIBLE)))  # pasted zero-width spaces; 𝛔 as σ
    text = unit_indices(code_statements(typst(escaped_brackets(doubled_escapes(gitlab_math(text))))))  # f\_t = σ(W\_f · \[h\_{t-1}, x\_t\] + b\_f): Markdown's escapes; Typst's math; a statement over lines as one; z_t^j = σ(...)^j as z_t (read.unitindex)
    text = template_tags(text) if "{%" in text else text  # {% raw %}, {% equation() %} ... {% end %} (read.webmath)
    text, images = rendered(text)  # ![](https://latex.codecogs.com/gif.latex?h_t=...): math in an address
    text, macros = definitions(text, src)
    macros.update(families(text, macros))  # \symvx, \symmw: a paper's commands defined in another file
    found: list[Region] = [Region(start, end, True, "latex") for start, end in images]
    directives: list[tuple[str, int, int]] = []
    pos, orphans = 0, (_orphan_blocks(text) if "\\end" in text else [])
    found += [Region(start, end, False, "latex") for start, end, _ in orphans]
    masked = _masked(text, images + [(start, after) for start, _, after in orphans])
    while True:
        m = _OPEN.search(masked, pos)
        if m is None:
            break
        if m.group("comment") is not None:
            d = _DIRECTIVE.match(m.group("comment"))
            if d:
                directives.append((d.group("key"), m.start() + d.start("value"), m.start() + d.end("value")))
            pos = m.end()
            continue
        if m.group("escaped") is not None:
            pos = m.end()
            continue
        if m.group("rst") is not None:
            found += [Region(start, end, False, "rst") for start, end in rst_block(masked, m.end(), m.group("rstindent"))]
            pos = max(m.end(), found[-1].end if found else m.end())
            continue
        inner = _close(masked, m, src)
        if inner is None:
            pos = m.end()
            continue
        start, end, after, inline, kind = inner
        found.append(Region(start, end, inline, kind))
        pos = after
    found.sort(key=lambda r: r.start)  # (the images' and the orphan blocks' among the others)
    text, found = joined(text if found else pre_blanked(text), found)  # `$h_t = a$ \hspace{7pt} $+ b$`: one (read.splitmath)
    listed: frozenset[str] = frozenset()
    if not found:
        found = [Region(start, end, True, kind) for start, end, kind in bare_lines(text)]
        listed = (listed_names(text) | assigned_names(text, found)) if found else listed
    if check is not None:
        check(Scan(text, tuple(found), tuple(directives), macros))
    out, respell = Chars(text), Respeller(text)  # (Chars: read.relations)
    found = [Region(r.start, r.end, r.inline, "code") if r.kind not in ("code", "bare")  # z[t] := sigmoid(W[z].X[t])
             and written_as_code(text[r.start:r.end]) else r for r in found]
    # St-1 anywhere: St is S at t in every line of plain text (looked for only where there is any)
    plain = any(r.kind in ("bare", "code") for r in found)
    flat, glued = "t-1" in text and plain and flat_lags(text), glued_left_letters(text, not plain)
    for r in found:
        if r.kind == "code" or (r.kind == "bare" and not flat and named_as_code(text[r.start:r.end])):  # (Xt * U: X at t)
            code_names(out, r.start, r.end)
        if listed and r.kind in ("bare", "code"):
            glue_listed(out, r.start, r.end, listed)
        respell(out, r.start, r.end, r.kind)
        _products_and_rows(out, r, _unescape(out, r.start, r.end), flat, glued)
    return Scan("".join(out), tuple(found), tuple(directives), macros)


def plain_lines(sc: Scan) -> Scan | None:
    """The scan of a text whose math regions hold no equation of the cell (`$x_t$` in prose, the
    equations in a code block): the lines of its code blocks (```` ``` ````, `~~~`) that read as
    equations, and its lines that are one equation in backticks, as regions of their own; None where
    there is none. (Not its prose's lines: a line that mixes words, plain-text math and `$...$` is
    not read whole, and part of a cell is not one.)"""
    taken = [(r.start, r.end) for r in sc.regions]
    fences = [m.span(m.lastindex) for m in _CODE_FENCE.finditer(sc.text) if m.lastindex]
    fences += [m.span(1) for m in _TICKED_LINE.finditer(sc.text)] if "`" in sc.text else []  # a line that is `h_t = ...`
    found = [Region(start, end, True, kind) for start, end, kind in bare_lines(sc.text)
             if not any(start < e and s < end for s, e in taken) and any(s <= start and end <= e for s, e in fences)]
    if not found:
        return None
    out, respell = Chars(sc.text), Respeller(sc.text)
    flat = "t-1" in sc.text and flat_lags(sc.text)  # (the lines of code blocks: plain text)
    for r in found:
        if r.kind == "code":
            code_names(out, r.start, r.end)
        respell(out, r.start, r.end, r.kind)
        _products_and_rows(out, r, _unescape(out, r.start, r.end), flat)
    return Scan("".join(out), tuple(found), sc.directives, sc.macros)


_TICKED_LINE = re.compile(r"^[ \t]*(?:[-*+][ \t]+|\d{1,2}[.)][ \t]+)?`([^`\n]*[A-Za-z][^`\n]*=[^`\n]*)`[ \t]*$", re.M)
# code blocks: Markdown fences, HTML <pre>, Doxygen \code, reStructuredText's `::` literal blocks
_CODE_FENCE = re.compile(r"^[ \t]*(?:```+|~~~+)[^\n]*\n(.*?)^[ \t]*(?:```+|~~~+)[ \t]*$|<pre[^>]*>(.*?)</pre>"
                         r"|[\\@]code\b(.*?)[\\@]endcode\b|::[ \t]*\n[ \t]*\n((?:[ \t]+[^\n]*\n|[ \t]*\n)+)", re.M | re.S)


def _masked(text: str, spans: list[tuple[int, int]]) -> str:
    """The text with the math of image addresses blanked out (its `%` and `$` are not delimiters)."""
    if not spans:
        return text
    out = list(text)
    for start, end in spans:
        out[start:end] = [" "] * (end - start)
    return "".join(out)


_PARAGRAPH = re.compile(r"\n[ \t]*\n")


def _dollar_close(text: str, start: int) -> tuple[int, int] | None:
    """The `$` that closes inline math opened at start; None where a paragraph's break comes first (inline
    math never holds one, TeX refuses it): the opener is a lone `$` in prose."""
    close = _find_unescaped(text, "$", start)
    if close is not None and _PARAGRAPH.search(text, start, close[0]) and not _on_lines_of_its_own(text, start, close[0]):
        return None
    return close


def _dollar_block(text: str, start: int):
    """The close of `$` math, and whether it is inline (not where both `$` stand on lines of their own)."""
    close = _dollar_close(text, start)
    return close, close is None or "\n" not in text[start:close[0]] or not _on_lines_of_its_own(text, start, close[0])


def _on_lines_of_its_own(text: str, start: int, close: int) -> bool:
    """`$` ending its line and `$` starting one: a block of math (Typst's display `$ ... $`), blank lines and all."""
    return text[start:text.find("\n", start) + 1 or start].strip() == "" and \
        text[text.rfind("\n", 0, close) + 1:close].strip() == "" and text.find("\n", start) >= 0


def _close(text: str, m: re.Match, src: Source):
    """(start, end, after, inline, kind) of the region that m opens; None for an opener that is
    prose after all (an unclosed `$` in a Markdown text about prices, a `:math:` without an end)."""
    kind = m.lastgroup
    start = m.end()
    if m.group("dd") is not None:
        close, inline, what = _find_unescaped(text, "$$", start), False, "latex"
        if close is not None and "\n\n" not in text[start:close[0]] and _in_running_text(text, m.start(), close[1]):
            inline = True  # $$ used inline, as some Markdown writes it
    elif m.group("d") is not None:
        (close, inline), what = _dollar_block(text, start), "latex"
    elif m.group("bracket") is not None:
        doubled = m.group("bracket").startswith("\\\\")
        at = text.find("\\\\]", start) if doubled else -1
        close = (at, at + 3) if at >= 0 else None if doubled else _find_unescaped(text, "\\]", start)
        inline, what = False, "latex"
    elif m.group("paren") is not None:
        doubled = m.group("paren").startswith("\\\\")
        at = text.find("\\\\)", start) if doubled else -1
        close = (at, at + 3) if at >= 0 else None if doubled else _find_unescaped(text, "\\)", start)
        inline, what = True, "latex"
    elif m.group("doxy") is not None:
        opener = m.group("doxy")  # \f$ .. \f$, \f[ .. \f], @f{eqnarray*}{ .. @f} (@ for \ too)
        closer = opener[0] + ("f$" if opener.endswith("$") else "f]" if opener.endswith("[") else "f}")
        close, inline, what = _find_unescaped(text, closer, start), closer.endswith("$"), "doxygen"
    elif m.group("wiki") is not None:
        close, inline, what = _find_unescaped(text, "</math>", start), True, "wiki"
    elif m.group("fence") is not None:
        fence = re.match(r"[ \t]*(`+|~+)", m.group("fence")).group(1)
        end = re.compile(r"^[ \t]*" + re.escape(fence) + r"[ \t]*$", re.M).search(text, start)
        close, inline, what = ((end.start(), end.end()) if end else None), False, "fence"
    elif m.group("role") is not None:
        end = text.find("`", start)
        if end < 0 or "\n\n" in text[start:end]:
            return None
        return start, end, end + 1, True, "role"
    elif m.group("jl") is not None:
        end = text.find("``", start)
        return start, end, end + 2, False, "latex"
    elif m.group("pycall") is not None:  # st.latex(r'''...'''): to its closing quotes
        close, inline, what = _find_unescaped(text, m.group("q"), start), False, "latex"
    elif m.group("rd") is not None:
        end = _balanced(text, start - 1)
        if end is None:
            return None
        return start, end - 1, end, m.group("rd").startswith("\\eqn"), "rd"
    else:  # an environment, or a text's own shorthand for one closed by its \e... (\beq by \eeq)
        name = m.group("envname")
        end = re.compile(r"\\end\s*\{" + re.escape(name) + r"\}" if name else r"\\e" + m.group("short")[2:] + r"(?![A-Za-z*@])").search(text, start)
        close, inline, what = ((end.start(), end.end()) if end else None), False, "latex"
        if name and name.rstrip("*") in ("array", "alignat", "IEEEeqnarray", "empheq"):
            spec = _EMPHEQ.match(text, start) if name.startswith("empheq") else _COLSPEC.match(text, start)
            start = spec.end() if spec else start
    if close is None:
        if kind in ("d", "short") or (m.group(0).strip() == "\\[" and _LITERAL_BRACKET.match(text, m.end())):
            return None  # a lone dollar sign in prose; Markdown's escaped bracket around an interval (`\[-1,1]`)
        opener = m.group(0).strip() if kind != "env" else f"\\begin{{{m.group('envname')}}}"
        raise ParseError(f"math region opened by {opener} is never closed", source=src,
                         span=Span(m.start(), m.end()), hint="close it, or escape a literal dollar sign as \\$")
    return start, close[0], close[1], inline, what


def _in_running_text(text: str, start: int, end: int) -> bool:
    """Whether a span has prose on its own line before or after it (so it is inline math)."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    return bool(re.search(r"[A-Za-z]{3}", text[line_start:start]) or re.search(r"[A-Za-z]{3}", text[end:line_end]))


def _balanced(text: str, open_brace: int) -> int | None:
    """The offset just after the brace that closes the one at open_brace."""
    depth = 0
    for i in range(open_brace, len(text)):
        if text[i] == "{" and text[i - 1] != "\\":
            depth += 1
        elif text[i] == "}" and text[i - 1] != "\\":
            depth -= 1
            if depth == 0:
                return i + 1
    return None


def _find_unescaped(text: str, needle: str, pos: int) -> tuple[int, int] | None:
    while True:
        i = text.find(needle, pos)
        if i < 0:
            return None
        if i > 0 and text[i - 1] == "\\" and not needle.startswith("\\"):
            pos = i + 1
            continue
        return i, i + len(needle)


# ---- same-length clean-ups ------------------------------------------------------------------------
_DOUBLED = re.compile(r"\\\\" + _COMMANDS.pattern[2:])  # \\\\sigma: a doubled backslash before a command
_ALIGNED_CALL = re.compile(r"[A-Za-z}]\s*(?P<amp>&)(?=\s*(\\left\s*)?\()")


def _unescape(out: list[str], start: int, end: int) -> str | None:
    """Undo doubled backslashes (`\\\\sigma` -> `\\sigma`, `\\\\\\\\` -> `\\\\`) and Markdown escapes
    (`\\_`, `\\*`, `\\[`, `\\]`) in out[start:end], keeping every offset. The region's text when
    nothing changed (the next pass need not join it again), else None."""
    region = "".join(out[start:end])
    aligned = False
    for m in _ALIGNED_CALL.finditer(region) if "&" in region else ():  # eqnarray's `tanh&(...)`: an alignment point
        out[start + m.start("amp")] = " "
        aligned = True
    # each test only where its literal occurs (a pattern that starts with a look-behind is tried at every character)
    doubled = "\\\\" in region and any(m.start() == 0 or region[m.start() - 1] != "\\" for m in _DOUBLED.finditer(region))
    markdown = False
    region = escaped_words(out, start, end, region) if "\\_" in region else region  # vocab\_size: one name (read.relations)
    if "\\_" in region:
        words = re.sub(r"\\(operatorname|text[a-z]*|math(rm|it|sf|tt)|mbox)\s*\{[^{}]*\}", "", region)
        escaped = len(re.findall(r"\\_", words))  # \_ outside \operatorname{layer\_norm}: Markdown for remark.js
        markdown = escaped > 0 and escaped >= len(re.findall(r"(?<!\\)_", words))
    if not (doubled or markdown):
        return None if aligned else region
    for m in re.finditer(r"\\+", region):
        run = len(m.group(0))
        at = start + m.start()
        if run % 2 == 0 and (doubled or run == 4):
            keep = run // 2  # \\ -> \, \\\\ -> \\: blanks before the backslashes that stay
            out[at:at + run] = [" "] * (run - keep) + ["\\"] * keep
        elif markdown and run == 1 and m.end() < len(region) and region[m.end()] in "_*[]":
            out[at] = " "


_ROW_START = re.compile(
    r"\n(?=[ \t]*(?:\\[A-Za-z]+|[A-Za-z]|[\u0300-\u036f\u00c0-\u024f\u1e00-\u1eff\u0391-\u03c9]|[_^']|\d"
    r"|[\u2080-\u209c\u1d62-\u1d6a\u2070-\u207f]|\{[^{}\n]*(?:\{[^{}\n]*\}[^{}\n]*)*\}"
    r"|\([^()\n]*\))+[ \t]*&?[ \t]*(?:=|:=|\\coloneqq(?![A-Za-z])))")
_COMMENTED = re.compile(r"(?<!\\)%")
_OPERAND_END = re.compile(r"[\w)\]}'\u0300-\u036f]")


def _line_ends_an_operand(region: str, end: int) -> bool:
    """Whether the line that ends at `end` (or, past one blank line, the one before it) ends with an
    operand, spaces and tabs aside: a look back over that line only, so that a block of many rows
    is read in linear time."""
    for stop in (end, end - 1) if end and region[end - 1] == "\n" else (end,):
        k = stop
        while k > 0 and region[k - 1] in " \t":
            k -= 1
        if k > 0 and _OPERAND_END.match(region[k - 1]):
            return True
    return False


# the steps the equations run over, `t = 0, 1, 2, \ldots` or `t = 1, \dots, T`: not an equation
_STEPS_LITERAL = re.compile(r"=\s*\d+\s*,")  # what every match of _STEPS holds: t = 1, 2, ...
_STEPS = re.compile(r"(?<![\w\\}])[tk]\s*=\s*\d+\s*(?:,\s*(?:\d+|\\[lc]?dots(?![A-Za-z])|\.\.\.)\s*)+"
                    r"(?:,\s*(?:[A-Z]|\\tau)(?![A-Za-z]))?")

# an equation number after the math: `\quad (3)`, `\qquad(3.1)`, `\hfill (2a)` at a row's end; a word after it
_EQNUM = re.compile(r"(?:\\q?quad|\\hfill|&)\s*\(\s*\d+(?:\.\d+)*[a-z]?\s*\)(?=\s*(?:\\\\|\\label|\\end|$))"
                    r"|[ \t]\.{3,}[ \t]*\(\s*(?:\d+(?:\.\d+)*[a-z]?|[a-z])\s*\)[ \t]*$"  # (and `h_t = ... ...... (a)`)
                    r"|(?<=[)\]])\s*\\(?:text|mbox)\s*\{\s*[A-Za-z]{3,}\s*\}(?=\s*(?:\\\\|\\label|\\end|$))"  # (`\sigma(...)\mbox{ update}`)
                    r"|\\q?quad\s*\((?=[^()\n]*\\(?:text|mbox|textrm|mathrm)\s*\{)[^()=\n]*\)(?=\s*(?:\\\\|\\label|\\end|\\\]|$))",
                    re.M)  # (and a label in words: `\qquad(\vf\text{orget})`)


# a quantifier over the steps or layers, `\forall t \in [1, T]` (a display of its own, or `\quad \forall \ell` at a row's end)
_FORALL = re.compile(r"(?:\\q?quad|\\[,;:]|,)?\s*\\forall(?![A-Za-z])(?!\s*[A-Za-z]\s*(?:\\in(?![A-Za-z])|∈)\s*\\\{\s*[A-Za-z]{1,3}\s*,)"
                     r"[^=\n]*?(?=\\\\|\\end|$)", re.M)  # (not `\forall g \in \{i, f, o\}`: read.placeholders' list)


# the steps an equation holds for, as a set after it: `, \quad t \in \{1, \dots, T\}`, `t \in [1, T]` (`, text{ for } t in {2, cdots, T};`: a page's)
_STEP_SET = re.compile(r"(?:,\s*)?(?:(?:\\q?quad|\\[,;:]|~)\s*)*(?:\\?text\s*\{\s*for(?: all| each)?\s*\}\s*)?(?<![\w\\}])[tk]\s*"
                       r"(?:\\in(?![A-Za-z])|∈|in(?=\s*\{))\s*(?:\\\{|\\lbrace(?![A-Za-z])|\[|\\left\s*(?:\[|\\\{)|\{)\s*\d\s*,[^=\n]*?"
                       r"(?:[A-Z]|\\tau)\s*(?:\\\}|\\rbrace(?![A-Za-z])|\]|\\right\s*(?:\]|\\\})|\})\s*[.,;]?")


_CONTROL_SPACE = re.compile(r"(?<!\\)\\(?=[ \t])")
_EMPTY_GROUP, _SIZES = re.compile(r"\{\s*\}"), ("\\large", "\\Large", "\\LARGE", "\\huge", "\\Huge", "\\small", "\\normalsize", "style")
def _products_and_rows(out: list[str], r: Region, region: str | None = None, flat: bool = False, glued=frozenset()) -> None:
    """In out[r.start:r.end]: `。` between two operands as `*` (a product the shapes decide), and in
    display math a line break before a line that starts an equation (`z_t = ...` right after a line
    that ends an operand: a block with no `\\\\` between its rows) as a separator. `region`: the
    text of out[r.start:r.end], when the caller has it."""
    region = "".join(out[r.start:r.end]) if region is None else region
    # each pattern only where its literal occurs: a pattern that starts with a look-behind is tried
    # at every character of the region (tens of milliseconds for a long block)
    steps = _STEPS.finditer(region) if _STEPS_LITERAL.search(region) else ()
    edited = False
    for m in [*steps, *(_EQNUM.finditer(region) if "(" in region and any(w in region for w in ("quad", "\\hfill", "&", "...", "box{", "text{")) else ()), *(_FORALL.finditer(region) if "\\forall" in region else ()),
              *(_STEP_SET.finditer(region) if "\\in" in region or "∈" in region or "text{" in region else ()),
              *(_SET_DEFINITION.finditer(region) if "\\{" in region else ()),  # \theta = \{W, b\}: the parameters named
              *(_THETA_TUPLE.finditer(region) if "theta" in region or "θ" in region else ())]:  # \theta = (W_x, W_h, b)
        out[r.start + m.start():r.start + m.end()] = [" "] * (m.end() - m.start())
        edited = True
    for m in _TILDE_SCRIPT.finditer(region) if "~" in region else ():  # H^{~}_t: \tilde{H}_t, a combining tilde
        out[r.start + m.start():r.start + m.end()] = ["\u0303"] + [" "] * (m.end() - m.start() - 1)
        edited = True
    for m in _CJK_DOT.finditer(region) if "。" in region else ():
        out[r.start + m.end(1)] = "*"
        edited = True
    for i, ch in enumerate(region) if r.kind != "bare" and ("，" in region or "；" in region) else ():
        if ch in "，；":  # a Chinese text's full-width comma in its math: a comma (bare lines split their prose at it)
            out[r.start + i], edited = ("," if ch == "，" else ";"), True
    for m in _EMPTY_SCRIPT.finditer(region) if ("{" in region or "style" in region or "arge" in region) and (_EMPTY_GROUP.search(region) or any(s in region for s in _SIZES)) else ():  # `\in_{}`: an empty script, a space (each branch: an empty group or a size)
        out[r.start + m.start():r.start + m.end()] = [" "] * (m.end() - m.start())
        edited = True
    if retyped(out, r.start, region):
        edited = True  # {\bf X}, \~C, a<t-1>, row breaks Markdown ate: read.retyped
    for m in _SCHUR.finditer(region) if r.kind in ("bare", "code") and "%" in region else ():
        out[r.start + m.start(1)] = "⊙"  # Armadillo's `p_i % c_{t-1}` in plain text: an elementwise product
        edited = True
    for m in _SPACED_DOT.finditer(region) if " . " in region or " .(" in region else ():  # `W_z . x`: numpy's dot, a product
        out[r.start + m.start(1)] = "·"
        edited = True
    if "cases" in region and initial_cases(out, r.start, region):
        edited = True  # h_t = \begin{cases} 0 & t = 0 \\ ... & t > 0 \end{cases}: read.initialcases
    edited = row_labels(out, r.start, region) | tight_dots(out, r.start, region) | bold_ones(out, r.start, region) \
        | slashed_remarks(out, r.start, region) | group_shapes(out, r.start, region) | edited
    edited = braced_left(out, r.start, region) | derivatives(out, r.start, region) | glued_steps(out, r.start, region, glued) | edited
    if r.kind in ("bare", "code"):
        coded = plain_code(out, r.start, region)  # (old_h_t as h_{t-1}: then not one snake name)
        edited = plain_lags(out, r.start, region, flat) | coded | edited
        edited = snake_names(out, r.start, "".join(out[r.start:r.start + len(region)]) if coded else region) | edited
    _editor_forms(out, r.start, region, edited)
    spaced = "\\ " in region or "\\\t" in region
    for m in _CONTROL_SPACE.finditer(region) if spaced else ():  # `tanh \ (W \ \cdot \ x)`: `\ ` is a space
        if out[r.start + m.start()] == "\\" and out[r.start + m.start() + 1] in " \t":  # (not one read as a row break above)
            out[r.start + m.start()] = " "
    if "brace" in region or "color" in region or "box" in region or "|" in region or "∥" in region or "Vert" in region \
            or "parallel" in region or "ge{" in region or "ge {" in region or "style" in region:  # (\Huge{...}: a size's group)
        marks(out, r.start, region)
    if r.inline:
        return
    for m in _ROW_START.finditer(region):
        line = region[region.rfind("\n", 0, m.start()) + 1:m.start()]
        if _line_ends_an_operand(region, m.start()) and not _COMMENTED.search(line):  # a `% ...` ends at the break
            out[r.start + m.start()] = ";"


# a symbol in braces before its scripts, as equation editors write it: `{ W }_{ xh }`, `{\hat {h}}_{t}`
# (not a command's argument: \mathbf{W}_x keeps its braces; nor a script's: U^{\tilde{h}}_{hh})
_BRACED = re.compile(r"(?<![_^])(?<![_^] )\{(\s*(?:\\[A-Za-z]+\s*\{\s*[A-Za-z]\s*\}|\\[A-Za-z]+|[A-Za-z])\s*)\}(?=\s*[_^])")
# an accent written with \mathop...\limits (MathType): \mathop {{s_t}}\limits^ \sim is \tilde{s_t}
_MATHOP = re.compile(r"\\mathop\s*(\{(?:[^{}]|\{[^{}]*\})*\}|[A-Za-z])\s*\\limits\s*\^\s*(?:\{\s*\\(sim|wedge|frown|smile)\s*\}|\\(sim|wedge|frown|smile)(?![A-Za-z]))")
_ARGUMENT = re.compile(r"(\\(?!(odot|circ|cdot|times|ast|star|bullet|otimes|oplus|sigma|tanh|exp|log|sin|cos|left|right|"
                       r"[bB]igg?[lr]?|q?quad|in|sum|prod|max|min|approx|to|mid|le|ge|neq)(?![A-Za-z]))[A-Za-z]+\*?"
                       r"|\\[dt]?frac\s*\{[^{}]*\}|\\binom\s*\{[^{}]*\})\s*$")
_SCRIPTED_BRACE = re.compile(r"\}\s*[_^]")  # what each match of _BRACED ends with
_MATHOP_ACCENT = {"sim": "tilde", "wedge": "hat", "frown": "breve", "smile": "breve"}


def _editor_forms(out: list[str], start: int, region: str, changed: bool = False) -> None:
    """`\\mathop{{s_t}}\\limits^\\sim` as `\\tilde{s_t}`, then `{ W }_{ xh }` as `W_{ xh }`; `changed`: out
    no longer holds `region` (it is read again before the second pass)."""
    for m in _MATHOP.finditer(region) if "mathop" in region else ():
        inner = m.group(1)
        while inner.startswith("{") and inner.endswith("}"):
            inner = inner[1:-1].strip()
        new = "\\" + _MATHOP_ACCENT[m.group(2) or m.group(3)] + "{" + inner + "}"
        if len(new) <= m.end() - m.start():
            out[start + m.start():start + m.end()] = list(new.ljust(m.end() - m.start()))
            changed = True
    if changed:
        region = "".join(out[start:start + len(region)])
    for m in _BRACED.finditer(region) if _SCRIPTED_BRACE.search(region) else ():  # (a quick test first, as above)
        if _ARGUMENT.search(region, max(0, m.start() - 400), m.start()):  # a window: linear in the text
            continue  # \mathbf{W}_x, \frac{a}{b}_t: an argument
        out[start + m.start()] = " "
        out[start + m.end() - 1] = " "
