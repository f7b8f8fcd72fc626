"""Math as web pages write it, made into the LaTeX it stands for, keeping every offset (the text
keeps its length: what is removed becomes spaces, so errors point into what the user wrote).

- HTML scripts and entities: `h<sub>t-1</sub>` is `h_{t-1}`, `W<sup>T</sup>` is `W^{T}`,
  `&sigma;` is `σ`; the tags of fonts around a symbol (`<i>x</i>`), of paragraphs and line breaks
  (`<p>`, `<br>`, `<span class="...">`) are spaces.
- MathJax 2's `<script type="math/tex">` elements, GitLab's inline `$`...`$` and bookdown's equation
  labels `(\\#eq:rnn)`: the math, its marks spaces.
- LaTeX in the address of an image (`![](https://latex.codecogs.com/gif.latex?h_t=\\tanh(...))`, the
  renderers of GitHub, Zhihu, upmath and Google's charts): the address's escapes undone (`%20`,
  `%2B`), a renderer's options (`\\dpi{110}`, `&space;`) spaces, its math a region of its own (read.regions).
- A scraped KaTeX page's copies of a formula (glyphs, then TeX): the TeX kept; the underscores its Markdown took
  for emphasis (`h{t-1}`, `\\tilde{C}*t`); Unicode's mathematical letters (𝛔, 𝐖, ℽ) as the plain ones.
- arXiv's HTML pasted as a Markdown table (a row per equation, each cell its glyphs then `\\displaystyle` and
  its TeX with escaped underscores): the row a display of its cells' TeX.
"""
from __future__ import annotations

from functools import lru_cache

from . import patterns as re  # re, with the package's patterns compiled ahead (read.patterns)
from .symbols import coded

_TAG = re.compile(r"<(/?)(sub|sup|i|em|b|var|strong|p|br|span|div|u|code|font|small|big|tt|para|summary|remarks|c|li|ul|ol|blockquote|center)(?:\s[^<>\n]*)?\s*/?>", re.I)  # (a C# doc comment's <para>, <summary>, <remarks>, <c> too)
_QUOTED_ITEM = re.compile(r"^[ \t]{0,3}>+(?=[ \t]{2,}\S)", re.M)  # (a quote mark before what a list item's tag left)
# MathML with its TeX (Wikipedia's pages): the annotation's TeX, the rest of the element blank
_MATHML = re.compile(r"<math\b[^>]*>(.*?)</math>", re.S)
_ANNOTATION = re.compile(r"<annotation\s+encoding=[\"']application/x-tex[\"']\s*>(.*?)</annotation>", re.S)
# an image of a formula whose alt text is its TeX (Habr's, many blogs'): `<img src="..." alt="h_t = \tanh(...)">`
_IMG_ALT = re.compile(r"<img\b[^>]*?\balt=([\"'])((?:(?!\1)[^\n])*?(?:\\[A-Za-z]|[_^])(?:(?!\1)[^\n])*?=(?:(?!\1)[^\n])*?)\1[^>]*>")


# a component of a docs site (MDX, JSX) that renders the TeX of an attribute: `<MathBlock tex="h_t = ..." />`,
# `<BlockMath math="..." />`, `<InlineMath math='...'/>`
_TEX_ATTRIBUTE = re.compile(r"<(?=[A-Z])\w*?(?:Math|Tex|TeX|Katex|KaTeX|Latex|LaTeX|Equation|Formula)\w*\b[^<>]*?\b(?:tex|math|latex|formula)="
                            r"([\"'])((?:(?!\1)[^\n]){3,}?)\1[^<>]*?/?>")


def _tex_annotation(m: re.Match) -> str:
    """A MathML element as `<math>`, its TeX and `</math>` (the rest blank, its lines kept)."""
    a = _ANNOTATION.search(m.group(1))
    if a is None:
        return m.group(0)
    whole, start, end = m.group(0), m.start(1) - m.start() + a.start(1), m.start(1) - m.start() + a.end(1)
    blank = [ch if ch == "\n" else " " for ch in whole]
    tex = whole[start:end]
    wrapped = re.match(r"\s*\{\s*\\(?:displaystyle|textstyle)\b", tex)
    if wrapped and tex.rstrip().endswith("}"):  # {\displaystyle h_{t}=...}: the wrapper blank
        last = len(tex.rstrip()) - 1
        tex = " " * wrapped.end() + tex[wrapped.end():last] + " " + tex[last + 1:]
    blank[start:end] = tex
    blank[:6], blank[-7:] = "<math>", "</math>"
    return "".join(blank)


_SCRIPT_PAIR = re.compile(r"<(sub|sup)>([^<>\n]{1,40})</\1>", re.I)
_ENTITY = re.compile(r"&(#[0-9]{2,6}|#x[0-9A-Fa-f]{2,5}|[A-Za-z]{2,8});")
# the renderers: the math is the rest of the address (up to the link's closing parenthesis or quote)
_RENDERER = re.compile(r"https?://(?:latex\.codecogs\.com/(?:[a-z]+\.latex|[a-z]+\.image|[a-z]+\.download)\?"
                       r"|(?:www\.)?codecogs\.com/eqnedit\.php\?latex="  # (its editor's address, around the image)
                       r"|render\.githubusercontent\.com/render/math\?(?:[a-z]+=[^&\s]*&)*math="
                       r"|www\.zhihu\.com/equation\?tex="
                       r"|i\.upmath\.me/(?:svg|png)/"
                       r"|chart\.googleapis\.com/chart\?(?:[a-z]+=[^&\s]*&)*chl=)")
_PLUS_IS_SPACE = ("render.githubusercontent", "zhihu", "chart.googleapis")  # form-encoded: `+` is a space


# MathJax 2's script elements (Jekyll's kramdown writes them): `<script type="math/tex; mode=display">...</script>`
_MATHJAX_SCRIPT = re.compile(r"<script\s+type=[\"']math/tex(?P<display>;\s*mode=display)?[\"']\s*>(?P<tex>[^<]*)</script>", re.I)
# GitLab's inline math, $`...`$, and bookdown's equation label, (\#eq:rnn)
_GITLAB_INLINE = re.compile(r"\$`([^`\n]+)`\$")
_BOOKDOWN_LABEL = re.compile(r"\(\\#eq:[\w.:-]+\)")


# arXiv's HTML as a Markdown table, one row per equation, each cell its glyphs then its TeX after \displaystyle
# with escaped underscores: `|  | ft\displaystyle f\_{t} | =σ(...),\displaystyle=\sigma(W\_{f}x\_{t}+...), |  | (28) |`
_ARXIV_ROW = re.compile(r"^\|[^\n]*\\displaystyle[^\n]*\|[ \t]*$", re.M)


def _arxiv_row(m: re.Match) -> str:
    """The row as display math of its cells' TeX (each cell's text from its first \\displaystyle), `\\_` as `_`,
    the rest spaces."""
    row, out = m.group(0), []
    for cell in row.split("|"):
        tex = cell.find("\\displaystyle")
        out.append(" " * len(cell) if tex < 0 else " " * tex + cell[tex:].replace("\\_", "_ "))
    line = " ".join(out)
    return "$$" + line[2:-2] + "$$" if len(line) > 4 and not line[:2].strip() and not line[-2:].strip() else row


def _script(m: re.Match) -> str:
    mark = "$$" if m.group("display") else "$"
    before, after = m.start("tex") - m.start(), m.end() - m.end("tex")
    return " " * (before - len(mark)) + mark + m.group("tex") + mark + " " * (after - len(mark))


_PRE_TAG = re.compile(r"</?pre\b[^<>\n]*>")


def pre_blanked(text: str) -> str:
    """`<pre><code>fₜ = σ(...)</code></pre>` in a text read by its lines: the `<pre>` tags as spaces (the others are
    blank already: html_math)."""
    return _PRE_TAG.sub(lambda m: " " * len(m.group(0)), text) if "<pre" in text else text


def html_math(text: str) -> str:
    """`<sub>`, `<sup>` and font tags, and HTML entities, as LaTeX of the same length; and Wikipedia's
    math templates (`{{math|''h''<sub>''t''</sub> {{=}} ...}}`): the template's marks and the wiki's
    italics as spaces, `{{=}}` as `=`."""
    if ("&plus;" in text or "&minus;" in text) and "://" in text:
        text = _address_signs(text)
    if "{{math|" in text or "{{mvar|" in text:
        text = _WIKI_MATH.sub(_wiki, text)
    if "<script" in text and "math/tex" in text:
        text = _MATHJAX_SCRIPT.sub(_script, text)
    if "$`" in text:
        text = _GITLAB_INLINE.sub(lambda m: "$ " + m.group(1) + " $", text)
    if "(\\#eq:" in text:
        text = _BOOKDOWN_LABEL.sub(lambda m: " " * len(m.group(0)), text)
    if "\\displaystyle" in text and "|" in text:
        text = _ARXIV_ROW.sub(_arxiv_row, text)
    if "<math" in text and "x-tex" in text:
        text = _MATHML.sub(_tex_annotation, text)
    if "<" in text and ("tex=" in text or "math=" in text):  # <MathBlock tex="c_t = ..." />: a component's math
        text = _TEX_ATTRIBUTE.sub(lambda m: " " * (m.start(2) - m.start() - 2) + "$$" + m.group(2) + "$$"
                                  + " " * (m.end() - m.end(2) - 2), text)
    if "<img" in text and "alt=" in text:
        text = _IMG_ALT.sub(lambda m: " " * (m.start(2) - m.start() - 1) + "$" + m.group(2) + "$"
                            + " " * (m.end() - m.end(2) - 1), text)  # <img alt="h_t = \tanh(...)">: its math
    if "<" in text:
        text = _SCRIPT_PAIR.sub(lambda m: ("_{" if m.group(1).lower() == "sub" else "^{") + m.group(2).strip() + "}"
                                .ljust(len(m.group(0)) - 2 - len(m.group(2).strip())), text)  # h<sub>t</sub>: h_{t}, then spaces
        text = _TAG.sub(_tag, text)
    if "&" in text and ";" in text:
        text = _ENTITY.sub(_entity, text)
    if ">" in text:  # `><li>F<sub>t</sub> = ...`: Markdown's quote mark before an HTML list item (the tag blank now)
        text = _QUOTED_ITEM.sub(lambda m: " " * len(m.group(0)), text)
    if "**" in text:  # `- **z<sub>t</sub>** = σ(...)`: a left side in Markdown's bold
        text = _BOLD_LEFT.sub(lambda m: "  " + m.group(1) + "  ", text)
    return katex_copies(text)


_ITEM_LABEL = re.compile(r"[ \t]*(?:[-*+][ \t]+)?\*\*[^*\n]+\*\*[ \t]*")
_WORD_START = re.compile(r"\s\S")


def _spaced_tail(line: str) -> str | None:
    """The line's end after its TeX, from the first word after the last of TeX's marks (`\\ _ { } $`), where that
    run of glyphs holds `=`; else None (one pass from the right)."""
    tail = line.rstrip()
    mark = max(tail.rfind(c) for c in "\\_{}$")
    m = _WORD_START.search(tail, mark + 1) if mark >= 0 else None
    rest = tail[m.start() + 1:] if m else ""
    return rest if "=" in rest else None


def _tex_copy(line: str) -> str:
    """The line with its TeX copy only, where it holds the three copies of a formula KaTeX drew; else the line."""
    last = line.rsplit(None, 1)[1]
    if "=" not in last and "\\" not in last:  # `h~t =tanh(W[xt ]+...)`: the glued copy, its zero-width spaces made spaces
        last = _spaced_tail(line) or last
    if len(last) < 3 or "\\" in last or "=" not in last:
        return line
    wrapped = last[0] == "(" and last[-1] == ")"  # `\(...\)` that lost its backslashes: `( f t = ... ) (f_t = ...) (ft=...)`
    leads = [m.end() for m in re.finditer(r"\(", line)][:3] if wrapped else [len(line) - len(line.lstrip())]
    label = None if wrapped else _ITEM_LABEL.match(line)  # `*   **候选更新** h ~ t = ...`: a list item's bold label first
    leads += [label.end()] if label and label.end() > leads[0] else []
    glyphs = "".join((last[1:-1] if wrapped else last).split())
    end = len(line.rstrip()) - len(last)
    for lead in leads:
        seen, i = 0, lead
        while i < len(line) and seen < len(glyphs):
            if not line[i].isspace():
                if line[i] != glyphs[seen]:
                    break
                seen += 1
            i += 1
        if seen != len(glyphs) or "\\" not in line[i:end] or "\\" in line[lead:i]:
            continue
        if wrapped:  # ` ) (f_t = \\sigma(...) ) `: the drawing's closing mark and the TeX's own as spaces
            inner = re.fullmatch(r"(\s*\)\s*\()(.*?)(\)\s*)", line[i:end])
            if inner is None:
                continue
            i, end = i + inner.end(1), i + inner.start(3)
        return line[:lead - 1] + " " * (i - lead + 1) + line[i:end] + " " * (len(line) - end) if wrapped \
            else " " * i + line[i:end] + " " * (len(line) - end)
    return line


# a formula's glyphs spaced out in running text (`H t − 1`), then its TeX and its glyphs run together (a scraped
# page's inline KaTeX): read.webmath keeps the TeX, as inline math
_SPACED = re.compile(r"(?<!\S)((?:[^\s\\$_{}^&]{1,3} ){2,}[^\s\\$_{}^&]{1,3}) (?=[\\A-Za-z0-9(])")  # (glyphs: no TeX's marks)


_THREE_GLYPHS = re.compile(r" [^\s\\$_{}^&] [^\s\\$_{}^&] [^\s\\$_{}^&] ")  # (what _SPACED needs: a quick look, a literal first)


def _inline_copies(line: str) -> str:
    """The line with each inline formula KaTeX drew three times (glyphs spaced, TeX, glyphs run together, where the
    last may lose a mark or gain a `?`) as its TeX between dollars; else the line. The spaced glyphs may start after
    a few words of prose (`is`, `of`); a line where some TeX stays outside its dollars is left as it is (a formula
    read and another dropped would change the count)."""
    out, pos = None, 0
    for m in _SPACED.finditer(line):
        if m.start() < pos:
            continue
        tokens = m.group(1).split(" ")
        for skip in range(len(tokens) - 2):  # (the glyphs' first token may be after a few words of prose)
            key = "".join(tokens[skip:])
            if sum(c.isalnum() for c in key) < 3 or not any(c.isalpha() for c in key):
                continue
            alnum = [c for c in key if c.isalnum()]  # (the copy run together holds every letter and digit)
            glued = re.compile("".join(re.escape(c) + ("" if c.isalnum() else "?") + r"\??" for c in key))
            g = next((g for g in glued.finditer(line, m.end() + 1, m.end() + 600) if line[g.start() - 1] == " "
                      and [c for c in g.group(0) if c.isalnum()] == alnum), None)
            tex = line[m.end():g.start() - 1] if g else ""
            if tex and ("\\" in tex or "_" in tex) and "$" not in tex:
                break
        else:
            continue
        out = out if out is not None else list(line)
        lead = m.start() + sum(len(t) + 1 for t in tokens[:skip])
        out[lead:m.end()] = [" "] * (m.end() - lead - 1) + ["$"]
        out[g.start() - 1:g.end()] = ["$"] + [" "] * (g.end() - g.start())
        pos = g.end()
    if out is None:
        return line
    new = "".join(out)
    outside = re.split(r"\$[^$]*\$", new)  # (what is left between the dollars: a mention, `b_s`, or an equation?)
    return line if any("=" in part and re.search(r"\\[A-Za-z]|[A-Za-z]_\{|[A-Za-z]_[A-Za-z0-9]", part) for part in outside) else new


def katex_copies(text: str) -> str:
    """A page's text as a scraper keeps it where KaTeX drew a display formula: each formula three times on
    its line, its glyphs spaced out, its TeX, its glyphs run together (`z t = σ ( W z ⋅ [ h t − 1 , x t ] + b z )
    z_t = \\sigma(W_z \\cdot [h_{t-1}, x_t] + b_z) zt=σ(Wz⋅[ht−1,xt]+bz)`): the TeX kept, the two drawings
    spaces. Only where the line's last word is, glyph for glyph, what the line starts with, less its spaces.
    The three copies may each be wrapped in `(` and `)` (inline math whose `\\(` and `\\)` lost their backslashes).
    And the glyphs run together just before the TeX (`zt=σ(...)z_t = \\sigma(...)`): spaces."""
    if "\\" not in text and "_" not in text:
        return text
    lines = text.split("\n")
    spaced = _THREE_GLYPHS.search(text) is not None  # (glyphs spaced out anywhere: a look at each line only then)
    for n, line in enumerate(lines):
        if ("\\" in line or "_" in line) and "=" in line and " " in line.strip():
            lines[n] = _tex_copy(line) if "\\" in line else line
            if spaced and lines[n] is line and "$" not in line and "&" not in line:
                lines[n] = _inline_copies(line)
    text = "\n".join(lines)
    out = None
    done = -1
    for c in _GLUED_LINE.finditer(text):  # a line with glyphs run together (one pass: cheap on a long text)
        line_start, line_end = text.rfind("\n", 0, c.start()) + 1, text.find("\n", c.start())
        if line_start <= done:
            continue  # (the line's glued copies are all seen at its first)
        done = line_start
        for m in _GLUED.finditer(text, line_start, len(text) if line_end < 0 else line_end):
            before = text[line_start:m.start()]  # two on one line: the TeX before ends its equation (words: a space)
            worded = "\\" not in before and "=" not in before and bool(before.strip())  # (after words: the line's one copy)
            if _letters(m.group("glyphs").split("=")[0]) == _letters(m.group("lhs")) \
                    and not (worded and _GLUED.search(text, m.end(), len(text) if line_end < 0 else line_end)):
                out = out if out is not None else list(text)
                out[m.start()] = ";" if "\\" in before or "=" in before else " "
                out[m.start() + 1:m.end("glyphs")] = [" "] * (m.end("glyphs") - m.start() - 1)
    return text if out is None else "".join(out)


# the other scraped form: the glyphs run together, then the TeX with no space between
# (`zt=σ(Wz[ht1,xt]+bz)z_t = \sigma(W_z [h_{t-1}, x_t] + b_z)`, `h~t=tanh(...)\tilde{h}_t = ...`): the glyphs
# hold no space, backslash, underscore or $, and their left side is the TeX's, letter for letter
# (or the glyphs with their underscores and the TeX's escaped by Markdown: `f_t=σ(W_fx_t+b_f)\mathbf{f}\_{t} =\sigma(...)`)
_GLUED = re.compile(r"(?<!\S)(?P<glyphs>[^\s\\$=]+=[^\s\\$]*?)(?P<lhs>(?:\\[A-Za-z]+\{[A-Za-z]\}|[A-Za-z])(?:\\?_\{?[A-Za-z0-9+\-]+\}?"
                    r"|\^\{?[^{}\s=]+\}?)+)(?=[ \t]*=[^\n]*[\\_])")


_GLUED_LINE = re.compile(r"(?<!\S)[^\s\\$=]+=[^\s\\$]*?(?:\\[A-Za-z]+\{[A-Za-z]\}|[A-Za-z])\\?[_^]")  # (after words too)


def _letters(side: str) -> str:
    """A left side's letters and digits, its commands and marks left out (\\tilde{h}_t and h~t: ht)."""
    return re.sub(r"[^A-Za-z0-9]", "", re.sub(r"\\[A-Za-z]+", "", side))


# a subscript whose underscore a page's Markdown took for emphasis: `h{t-1}`, `\\tilde{h}t` (for h_{t-1}, \\tilde{h}_t)
_LOST_UNDERSCORE = re.compile(r"(?<![\\A-Za-z])(?P<a>[A-Za-z])\{(?P<i>t\s*[-+]\s*1)\}"
                              r"|(?P<b>\\(?:tilde|hat|bar|widetilde)\{[A-Za-z]\})(?P<j>t)(?![A-Za-z0-9_{(])")
_BRACED_T = re.compile(r"[A-Za-z]\{t")


def lost_underscores(out: list[str], start: int, end: int, written) -> None:
    """In out[start:end], each subscript of time written without its underscore (`h{t-1}`, `\\tilde{h}t`),
    where the text writes the same name with it elsewhere (`h_{t-1}`, `\\tilde{h}_t`): a scraped page's
    Markdown took a pair of underscores for emphasis. Written as code's subscript (read.codelines).
    `written(pattern)`: whether the text holds the pattern (asked once a text: read.relations.Respeller)."""
    region = "".join(out[start:end])
    if "*" in region:
        _starred(out, start, region, written)
    if "}t" not in region and ("{t" not in region or not _BRACED_T.search(region)):
        return  # (each match is a letter's {t, or }t: a quick test before the pattern's look-behind at every character)
    for m in _LOST_UNDERSCORE.finditer(region):
        name, index = (m.group("a"), m.group("i")) if m.group("a") else (m.group("b"), m.group("j"))
        if not written(re.escape(name) + r"\s*_\s*\{?\s*t(?![A-Za-z])"):
            continue
        out[start + m.start():start + m.end()] = list(name) + coded(index, m.end() - m.start() - len(name))


# the pair of underscores a page's Markdown made the marks of its emphasis: `\\tilde{C}*t = \\tanh(W_C [h*{t-1}, x_t])`
_STARRED = re.compile(r"(?P<a>\\(?:tilde|hat|bar|widetilde)\{[A-Za-z]\}|(?<![\\A-Za-z])[A-Za-z])\*(?=\{t\s*[-+]\s*1\}|t(?![A-Za-z0-9_{(]))")


def _starred(out: list[str], start: int, region: str, written) -> None:
    """Each `*` between a name and its time index (`\\tilde{C}*t`, `h*{t-1}`), where every `*` of the region is
    one of them, two by two, and the text writes each name with `_t` elsewhere: an underscore."""
    found = list(_STARRED.finditer(region))
    if not found or len(found) % 2 or region.count("*") - region.count(" * ") != len(found):
        return  # (a product spaced apart, `r_t * h*{t-1}`, is no mark of emphasis)
    if all(written(re.escape(m.group("a")) + r"\s*_\s*\{?\s*t(?![A-Za-z])") for m in found):
        for m in found:
            out[start + m.end("a")] = "_"


_BOLD_LEFT = re.compile(r"(?<![*\w])\*\*([^*\n=$]{1,40}?)\*\*(?=[ \t]*=(?!=))")


# a wiki math template: {{math|...}} (its `{{=}}` and `{{!}}` inside), the wiki's italics and bold inside
_WIKI_MATH = re.compile(r"\{\{(?:math|mvar)\|((?:[^{}\n]|\{\{[=!]\}\})*)\}\}")
_WIKI_MARKS = re.compile(r"'{2,5}|\{\{=\}\}|\{\{!\}\}")


def _wiki(m: re.Match) -> str:
    inner = _WIKI_MARKS.sub(lambda k: {"{{=}}": "  =  ", "{{!}}": "  |  "}.get(k.group(0), " " * len(k.group(0))),
                            m.group(1))
    return " " * (m.start(1) - m.start()) + inner + "  "


def _tag(m: re.Match) -> str:
    closing, name = m.group(1), m.group(2).lower()
    if name in ("sub", "sup"):
        return ("}" if closing else ("_{" if name == "sub" else "^{")).ljust(len(m.group(0)))
    return " " * len(m.group(0))


def _entity(m: re.Match) -> str:
    import html  # only for a text that writes entities
    char = html.unescape(m.group(0))
    if char == m.group(0) or len(char) != 1 or char in "\"'":
        return m.group(0)  # not an entity HTML knows, or a quote (`&amp;` is an alignment's `&`, `&lt;t&gt;` a^{<t>}'s)
    return char.rjust(len(m.group(0))) if char == "\\" else char.ljust(len(m.group(0)))  # (`&#x5C;widehat`: `\\widehat` whole)


_LIQUID = re.compile(r"\{%-?\s*(?:raw|endraw)\s*-?%\}")
# a static site's math shortcode (Zola's `{% equation(id="...") %} ... {% end %}`, `{% katex(block=true) %}`): display math
_SHORTCODE = re.compile(r"(\{%-?\s*(?:equation|katex|math|tex|latex)\b[^%\n]*-?%\})(.*?)\{%-?\s*end\s*-?%\}", re.S)


def template_tags(text: str) -> str:
    """A site template's tags as spaces (Jekyll's {% raw %}$$ ... $${% endraw %}), its math shortcodes as `$$`
    (offsets kept)."""
    text = _LIQUID.sub(lambda m: " " * len(m.group(0)), text)
    return _SHORTCODE.sub(lambda m: "$$".ljust(m.end(1) - m.start(), " ") + m.group(2) + "$$".ljust(m.end() - m.end(2), " "), text)


def rendered(text: str) -> tuple[str, list[tuple[int, int]]]:
    """The text with the math in renderers' addresses decoded in place, and the (start, end) of each
    such math."""
    if "://" not in text:
        return text, []
    out, spans = list(text), []
    for m in _RENDERER.finditer(text):
        quote = text[m.start() - 1] if m.start() and text[m.start() - 1] in "\"'" else ""
        end = text.find(quote, m.end()) if quote else _address_end(text, m.end(), text[m.start() - 1:m.start()] == "(")
        end = len(text) if end < 0 else end
        for e in _ESCAPES.finditer(text, m.end(), end):
            chars = bytes.fromhex(e.group(0).replace("%", "")).decode("utf-8", "replace")
            out[e.start():e.end()] = list(chars.rjust(e.end() - e.start()))  # `%5Csigma`: `  \sigma`
        for e in _RENDERING.finditer(text, m.end(), end) if "&" in text or "\\" in text else ():
            out[e.start():e.end()] = [" "] * (e.end() - e.start())  # `\dpi{110}&space;\bg_white&space;`: no math
        if any(host in m.group(0) for host in _PLUS_IS_SPACE):
            for i in range(m.end(), end):
                if text[i] == "+":
                    out[i] = " "
        out[m.start():m.end()] = [" "] * (m.end() - m.start())
        spans.append((m.end(), end))
    return "".join(out), spans


_ESCAPES = re.compile(r"(?:%[0-9A-Fa-f]{2})+")
# signs the CodeCogs editor writes into its addresses as entities, as escapes of the same length (a space would end
# the address): `x_t%20&plus;%20U` is `x_t + U`
_SIGN_ENTITIES = {"&plus;": "%2B%20", "&minus;": "-%20%20"}
_SIGN_ENTITY = re.compile(r"&(?:plus|minus);")


def _address_signs(text: str) -> str:
    """The text with `&plus;` and `&minus;` in renderers' addresses as escapes (before the entities are read)."""
    out = list(text)
    for m in _RENDERER.finditer(text):
        end = _address_end(text, m.end(), text[m.start() - 1:m.start()] == "(")
        for e in _SIGN_ENTITY.finditer(text, m.end(), end):
            out[e.start():e.end()] = list(_SIGN_ENTITIES[e.group(0)])
    return "".join(out)
# a renderer's options in its address, and its `&space;`: `\dpi{110}`, `\bg_white`, `\fn_cm`, `\inline`, `\large`
_RENDERING = re.compile(r"&space;|\\(?:dpi\{\d+\}|bg_\w+|bg\{\w+\}|fn_\w+|inline|large|Large|LARGE|small|tiny|huge|Huge)(?![A-Za-z])")


def _address_end(text: str, start: int, link: bool = False) -> int:
    """Where an address that starts at `start` ends: at a space or a line end, or at the parenthesis
    that closes a Markdown link (the math's own parentheses are balanced; in a link, `<` and `>` are
    the math's: `f^{<t>}`)."""
    depth = 0
    stops = "\n \t" if link else "\n \t<>"
    for i in range(start, len(text)):
        ch = text[i]
        if ch in stops:
            return i
        if ch == "(":
            depth += 1
        elif ch == ")":
            if depth == 0:
                return i
            depth -= 1
    return len(text)


_MATH_LETTER = re.compile("[\U0001D434-\U0001D467\U0001D49C-\U0001D4CF\U0001D6A8-\U0001D7C9\u213D-\u213F\u210E]")


_SCRIPT_SUBSCRIPT = re.compile("(?<=[A-Za-z\u2090-\u209c\u1d62-\u1d6a\u2080-\u2089])[\U0001D4B6-\U0001D4CF]")


def math_letters(text: str) -> str:
    """Unicode's mathematical alphanumerics (bold, italic, double-struck: 𝛔 𝐖 ℽ) as the letter each draws
    (one character each: offsets kept)."""
    if text.isascii():  # (the common case, and cheap: the class of four astral ranges is a slow scan)
        return text
    if not _MATH_LETTER.search(text):
        return text
    # a script small letter glued after a letter stands for a subscript Unicode lacks (`W𝒻xₜ`: W_f x_t): a code
    # subscript (read.codelines' private-use characters)
    text = _SCRIPT_SUBSCRIPT.sub(lambda m: chr(0xE000 + ord(_math_table()[ord(m.group(0))])), text)
    return text.translate(_math_table())


@lru_cache(maxsize=1)
def _math_table() -> dict:
    import unicodedata
    out = {}
    # italic Latin (𝑊 𝑥), script (𝒻), every Greek style (𝛔 𝜎), the double-struck gamma (ℽ); not the bold Latin ones
    # (𝐖 𝐱: a bold weight is another reading than a plain one: unread, they are refused as before)
    for cp in list(range(0x1D434, 0x1D468)) + list(range(0x1D49C, 0x1D4D0)) + list(range(0x1D6A8, 0x1D7CA)) + [0x213D, 0x213E, 0x213F, 0x210E]:  # (ℎ: the italic h)
        plain = unicodedata.normalize("NFKC", chr(cp))
        if len(plain) == 1 and plain != chr(cp):
            out[cp] = plain
    return out
