"""Notations retyped in place before the grammar reads a region, each edit of the same length (offsets
kept): LaTeX 2.09's bold braces `{\\bf X}` as `\\mbf{X}` (and `{\\boldsymbol h}`, `{\\rm x}`), the text-mode tilde `\\~C` as C̃, the steps of
Andrew Ng's notes in plain text, `a<t>` and `a<t-1>`, as `a(t)` and `a(t-1)`, and a whole equation set
upright, `\\mathrm{o= \\sigma(x_t W_x^{(o)} + ...)}` (a Korean blog's), as the equation; a weight's column picked by a
one-hot index, `W_{xh}[:, x_t]`, as the product `W_{xh} x_t`."""
from __future__ import annotations

from . import patterns as re  # re, with the package's patterns compiled ahead (read.patterns)
from .marks import matching

_OLD_BOLD = re.compile(r"(?<!\\text)(?<!\\mathrm)(?<!\\textrm)\{\\bf\s(?=\s*(?:\\~)?(?:[^{}\\]|\{[^{}\\]{1,10}\}){1,20}\})")  # ({\bf h_{t-1}}  # (`{\\bf` at a line's end too)
# {\boldsymbol h}_1, {\bm x}, {\rm x}: a font command inside the braces (TeX's switch style): bold as \mbf{X},
# upright or italic as the letter, each padded with spaces in front to the same length
_SWITCH = re.compile(r"\{\\(?P<f>boldsymbol|bm|mathbf|bold|rm|it|mathrm|mathit|sf|mathsf)\s+(?P<x>[A-Za-z0-9]{1,12}|\\[A-Za-z]{2,12})\s*\}")
# an operator or a function in braces, `{\\cdot}`, `{\\sigma}(`: the braces as spaces
_BRACED_OP = re.compile(r"\{\s*\\(?:cdot|odot|circ|times|otimes|ast|sigma|tanh|exp|log)\s*\}")
# a shape with the letter x for the times sign, `\\mathbb{R}^{HXH}`, `R^{nxd}`: x as ×
_X_TIMES = re.compile(r"(?:R|\\R|\\mathbb\s*\{\s*R\s*\}|ℝ)\s*\^\s*\{\s*(?:[A-Za-z][0-9]?|[0-9]{1,4})\s*([xX])\s*(?:[A-Za-z][0-9]?|[0-9]{1,4})\s*\}")
_BARE_BF = re.compile(r"(?:(?<![{\\A-Za-z])|(?<=[_^][A-Za-z0-9]))\\bf(?=\s+[A-Za-z])")  # `\bf R_t = ...`, `\bf x_t\bf W` (a switch
# with no group; after a one-letter subscript too): \bm on the letter after it
_ARROW_AFTER = re.compile(r"(?<=[A-Za-z])[→←](?=[_(\s])")  # h→_t, h←_{t+1} (plain text's forward and backward): an accent
_DELTA_LETTER = re.compile(r"(?<=\{\\Delta) (?=t(?:_|\s*\}))")  # \boldsymbol{\Delta t_n}: one quantity, Δt at n (as Δ^t)
_ACCENTED_FUNCTION = re.compile(r"\\(?:hat|tilde|bar|widehat|widetilde|bm|boldsymbol|mathbf)\s*\{\s*(\\(?:sigma|tanh))\s*\}"
                                r"(?=\s*(?:\\!\s*)?(?:\\left\s*)?\()")  # \hat{\sigma}(...): σ̂; \bm{\sigma}\!\left(: σ
_BOLD_TILDE = re.compile(r"\{\\bf\s*\\~([A-Za-z])\}")
_TEXT_TILDE = re.compile(r"\\~([A-Za-z])")
_UPRIGHT = re.compile(r"\\(?:mathrm|textrm|mathit|mathsf|boldsymbol|mathbf|bm)\s*\{")  # (or bold: `\boldsymbol{c_t = F_t \times ...}`)
_UPRIGHT_LITERAL = re.compile(r"\\(?:mathrm|textrm|mathit|mathsf|boldsymbol|mathbf|bm)\s*\{[^{}]*=")  # (what an upright equation holds)
# a weight's column picked by a one-hot index, `\\mathbf{W}_{xh}[:, x_t]`: the product W x_t (x one-hot)
_COLUMN_OF = re.compile(r"(?<=[\w}])(\[)\s*(:)\s*(,)\s*(?:(?:\\mathbf\s*\{\s*[A-Za-z]\s*\}|[A-Za-z])_\{?\s*[a-z]\s*\}?"
                        r"|[a-z]+_(?:index|idx|id|token|word)s?)\s*\]")  # (or code's index name: `E[:, word_index]`)
# a list of numbers written as powers, `\\mathbf{f} = [2^0, 2^1, 2^2, 2^3]`: the numbers (a constant the grammar reads)
_POWER = re.compile(r"(\d{1,3})\s*\^\s*\{?\s*(\d{1,2})\s*\}?")
_POWER_LIST = re.compile(r"=\s*\[((?:\s*\d{1,3}\s*\^\s*\{?\s*\d{1,2}\s*\}?\s*,)+\s*\d{1,3}\s*\^\s*\{?\s*\d{1,2}\s*\}?\s*)\]")
_ACCENT_PARENS = re.compile(r"\\(?:tilde|hat|bar|widetilde|widehat)(\(\s*[A-Za-z]\s*\))")  # a typo's parentheses
_CURLY_PRIME = re.compile(r"(?<=[A-Za-z0-9}])’(?![A-Za-z])")  # h_t’: a prime a word processor curled
_TEXT_SIGN = re.compile(r"\{\s*\\(?:text|mathrm|textrm|rm)\s*\{\s*(?P<s>[-+−])\s*\}\s*\}"  # MathType's {\rm{ + }}
                        r"|\\(?:text|mathrm|textrm|rm)\s*\{\s*(?P<t>[-+−])\s*\}")  # h_{t\text{-}1}: the sign, upright
_STRAY_COMMA = re.compile(r"(?<=[\w)\]}])\s*(,)(?=\s*\+\s*(?:\\?[A-Za-z]))")  # `\sigma(W_i [h, x], + b_i)`: a comma before a `+`
_STRAY_MARK = re.compile(r"(?<=[{\s(])\?(?=\\[A-Za-z]|[A-Za-z]_)")  # `\odot{?\mathbf{z}_t}`: a scraper's mark for a glyph it lost
_TEXT_SWITCH = re.compile(r"\\(?:text|mathrm|textrm)\s*\{\s*\\(?:bf|it|rm)\s+([A-Za-z]{2,12})\s*\}")  # \text{\bf tanh}: the word
_CJK_LABEL = re.compile(r"(?:^|(?<=\\\\)|(?<=\n))[ \t&]*([\u4e00-\u9fff\u3040-\u30ff\uac00-\ud7af]{1,12}[：:])(?=[ \t]*\\?[A-Za-z])")
# an equation's number at the start of its row, then a space: `(1)\qquad f_t &= \sigma(...)` (its row's own name next)
_LEADING_NUMBER = re.compile(r"(?:^|(?<=\\\\)|(?<=\n))[ \t]*(\(\s*\d{1,3}\s*\)[ \t]*\\q?quad(?![A-Za-z]))(?=\s*\\?[A-Za-z])")
_MARK_ARROW = re.compile(r"(?<![\w})\]])[→⇉](?=\\?[^\W\d_])")  # a slide's macros: →x_t a vector, ⇉W a matrix (marks)
_ANGLE_TIME = re.compile(r"(?<=[A-Za-z])<t(?:[-+−][0-9])?>")
# a row break, then `&` and a row with no relation that starts with a factor: `(1-u_i) \\ &\tanh(...)`, one product wrapped
_WRAP = re.compile(r"\\\\(?P<gap>[ \t]*\n?[ \t]*)&(?=[ \t]*(?:\\(?:tanh|sigma|left|Big|big)(?![A-Za-z])|\())(?P<row>[^\n]*?)(?=\\\\|$)", re.M)
_ROW_RELATION = re.compile(r"=|\\(?:in|equiv|triangleq|le|ge|leq|geq|mapsto|approx|sim|to|text\w*|mathrm|quad|qquad|label|tag)(?![A-Za-z])|[≡≤≥≈→∈]")
_ROW_END_OPERATOR = re.compile(r"(?:[-+=&(]|\\(?:odot|circ|cdot|times|left)(?:\s*\(?)?)\s*$")


# a command of the text's own whose last argument is the step: `\\angless{c}{t-1}` (c at t-1), `\\egvh{t}` (h at t, the
# letter its name ends with); not LaTeX's own commands (\\mathbf{t}, \\hat{t})
_STEP_ARG = r"\{\s*(?P<step>t\s*(?:[-+]\s*\d)?|0|T|\\tau)\s*\}"
_KNOWN = (r"(?!(?:math[a-z]*|text[a-z]*|bm|boldsymbol|tilde|hat|bar|vec|dot|ddot|overline|underline|widetilde|widehat|sqrt|"
          r"operatorname|label|tag|ref|eqref|cite|color|mbox|emph|[dtc]?frac|[dt]?binom|[hv]?space|[hv]?phantom|left|right|big[lr]?|"
          r"Big[lr]?|begin|end|exp|log|ln|lg|sigma|tanh|sinh|cosh|sin|cos|tan|arctan|max|min|sup|inf|det|dim|arg|sgn|"
          r"nicefrac|sfrac|Delta|delta|overset|underset|stackrel|xrightarrow)(?![A-Za-z]))")
_TIMED_PAIR = re.compile(r"\\" + _KNOWN + r"[A-Za-z]{3,}\s*\{(?P<x>[^{}]{1,12}|\\[A-Za-z]+\s*\{[^{}]{1,6}\})\}\s*" + _STEP_ARG)
_TIMED_ONE = re.compile(r"\\" + _KNOWN + r"[A-Za-z]{2,}?(?P<x>[A-Za-z])\s*" + _STEP_ARG)
_COMMAND_ARGUMENT = re.compile(r"\\[A-Za-z]{3,}\s*\{")  # what each match of both holds (a quick test)


def timed_macros(out: list[str], start: int, region: str) -> bool:
    """`\\angless{c}{t-1}` as `{c}_{t-1}` and `\\egvh{t}` as `h_{t}`, each padded in front to the same length. A
    command of one argument only among others of its kind (\\egva{t}, \\egvh{t-1}: two or more) and where the region
    does not write its letter alone (`\\emb{t}` beside a bias b is no b)."""
    if not _COMMAND_ARGUMENT.search(region):
        return False
    edited = False
    commands = {m.group(0)[:m.end("x") - m.start()] for m in _TIMED_ONE.finditer(region)}
    alone = set(re.findall(r"(?<![\\A-Za-z])([A-Za-z])(?![A-Za-z])", _TIMED_ONE.sub(" ", region))) if len(commands) > 1 else set()
    for pattern in (_TIMED_PAIR, _TIMED_ONE):
        for m in pattern.finditer("".join(out[start:start + len(region)]) if edited else region):
            if pattern is _TIMED_ONE and (len(commands) < 2 or m.group("x") in alone):
                continue
            new = f"{{{m.group('x')}}}_{{{m.group('step')}}}" if pattern is _TIMED_PAIR else f"{m.group('x')}_{{{m.group('step')}}}"
            if len(new) <= m.end() - m.start():
                out[start + m.start():start + m.end()] = list(new.rjust(m.end() - m.start()))
                edited = True
    return edited


def _marks(out: list[str], start: int, region: str) -> bool:
    """`\\text{-}` as `-`, a slide's marks of vectors and matrices (`→x_t`, `⇉W`) as spaces, a curled prime `’` as
    `'`, a scraper's `?` for a lost glyph and a stray comma before a `+` as spaces, a row's leading number
    `(1)\\qquad` as spaces; whether any was."""
    edited = False
    signs = ("\\text" in region or "\\rm" in region or "\\mathrm" in region) and ("-" in region or "+" in region or "−" in region)
    for m in _TEXT_SIGN.finditer(region) if signs else ():  # (what each match holds: a command and a sign)
        out[start + m.start():start + m.end()], edited = list((m.group("s") or m.group("t")).rjust(m.end() - m.start())), True
    for m in _CURLY_PRIME.finditer(region) if "’" in region else ():
        out[start + m.start()], edited = "'", True
    for m in _STRAY_COMMA.finditer(region) if ", +" in region or ",+" in region else ():
        out[start + m.start(1)], edited = " ", True
    for m in _STRAY_MARK.finditer(region) if "?" in region else ():
        out[start + m.start()], edited = " ", True
    for m in _TEXT_SWITCH.finditer(region) if "{\\bf" in region or "{\\it" in region or "{\\rm" in region else ():
        out[start + m.start():start + m.end()], edited = list(f"\\text{{{m.group(1)}}}".rjust(m.end() - m.start())), True
    for m in _CJK_LABEL.finditer(region) if "：" in region or ":" in region else ():  # 更新门：z_t = ...: a row's label
        out[start + m.start(1):start + m.end(1)], edited = [" "] * (m.end(1) - m.start(1)), True
    for m in _LEADING_NUMBER.finditer(region) if "quad" in region else ():  # `(1)\qquad f_t &= ...`: a row's number
        out[start + m.start(1):start + m.end(1)], edited = [" "] * (m.end(1) - m.start(1)), True
    for m in _BRACED_TRANSPOSED.finditer(region) if "}^" in region else ():  # `{W_x}^Tx_{(t)}`: W_x^T, the braces spaces
        out[start + m.start()], out[start + m.end(1)], edited = " ", " ", True
    for m in _MARK_ARROW.finditer(region) if "⇉" in region else ():  # (a text that marks its matrices so)
        out[start + m.start()], edited = " ", True
    for m in _STARRED_STEP.finditer(region) if "*t" in region else ():  # `\tilde{c}*t = ...`: Markdown's `_` turned `*`
        if "=" not in region[:m.start()]:  # (the left side of the region's first equation only)
            out[start + m.start()], edited = "_", True
    if region.rstrip().endswith("\\") and not region.rstrip().endswith("\\\\"):  # `... + b) \$$`: Markdown's escape
        out[start + region.rstrip().rindex("\\")], edited = " ", True
    return edited


# a left side's step written with `*` for `_` (a Markdown converter's emphasis): `\tilde{c}*t = \tanh(...)`
_STARRED_STEP = re.compile(r"(?<=[}A-Za-z])\*(?=t[ \t]*&?=(?!=))")
# a braced name transposed: `{W_x}^T`, `{\mathbf{W}_h}^\top`
_BRACED_TRANSPOSED = re.compile(r"(?<![\\A-Za-z_^])\{(\s*(?:\\math[a-z]+\{[A-Za-z]\}|[A-Za-z])(?:_\{?[A-Za-z0-9]{1,6}\}?)?\s*)\}(?=\s*\^\s*(?:T|\{\s*T\s*\}|\{?\s*(?:\\top|\\intercal|⊤)))")


def wrapped_rows(out: list[str], start: int, region: str) -> bool:
    """A row of an aligned block that goes on with the product of the row before without an operator,
    `u h + (1-u) \\\\ &\\tanh(...)`: the break and its `&` as spaces (one row, as the reader sees it)."""
    edited = False
    for m in _WRAP.finditer(region):
        prev = region.rfind("\\\\", 0, m.start())
        before = region[prev + 2 if prev >= 0 else 0:m.start()]  # (the row before: from the break before it)
        if "=" not in before or _ROW_END_OPERATOR.search(before) or _ROW_RELATION.search(m.group("row")):
            continue
        out[start + m.start():start + m.start() + 2] = [" ", " "]
        out[start + m.end("gap")] = " "
        edited = True
    return edited


def _brackets(out: list[str], start: int, region: str) -> bool:
    """`f = [2^0, 2^1]` as `f = [1, 2]`; `W_{xh}[:, x_t]` (the column x_t selects) as `W_{xh} x_t`."""
    edited = False
    for m in _POWER_LIST.finditer(region) if "^" in region and "[" in region else ():
        for p in _POWER.finditer(region, m.start(1), m.end(1)):
            value = str(int(p.group(1)) ** int(p.group(2)))
            if len(value) <= p.end() - p.start():
                out[start + p.start():start + p.end()] = list(value.ljust(p.end() - p.start()))
                edited = True
    for m in _COLUMN_OF.finditer(region) if "[:" in region else ():
        for i in (m.start(1), m.start(2), m.start(3), m.end() - 1):
            out[start + i] = " "
        edited = True
    return edited


_DASHED_LAG = re.compile(r"(?<![\\\w}])[A-Za-z](-)\{[a-z]\s*-\s*1\}")  # `h-{t-1}`: h_{t-1} with - for _, a slip of the key
_FONT_OPEN = re.compile(r"\\(?:bm|mathbf|boldsymbol)\{")
_SCRIPTED = r"(?:\s*[_^](?:\{(?:[^{}]|\{[^{}]*\})*\}|\\?\w))"
# what a font's group holds when it is two factors: `V^{(w)}c_{t-1}` (a weight with its script, then a signal), `Wz^{t-1}`
_TWO_FACTORS = re.compile(r"\\?[A-Za-z]+" + _SCRIPTED + r"+\s*\\?[A-Za-z]" + _SCRIPTED + r"+|[A-Za-z][A-Za-z]" + _SCRIPTED + "+")


def _font_products(out: list[str], start: int, region: str) -> bool:
    """`\\bm{V^{(w)}c_{t-1}}`, `\\mathbf{Wz^{t-1}}`: a font over a product of two factors; the font's command and
    braces blanked (the product read as written); whether any was."""
    edited = False
    for m in _FONT_OPEN.finditer(region):
        depth, i = 1, m.end()
        while i < len(region) and depth:
            depth += {"{": 1, "}": -1}.get(region[i], 0)
            i += 1
        if depth == 0 and _TWO_FACTORS.fullmatch(region[m.end():i - 1].strip()):
            out[start + m.start():start + m.end()] = [" "] * (m.end() - m.start())
            out[start + i - 1] = " "
            edited = True
    return edited


# a matrix named by its entries before its space: `\mathbf{W}_x = (w_{ij})_x \in \mathbb{R}^{n \times m}` (the entries blank)
_BY_ENTRIES = re.compile(r"=\s*\(\s*[a-z]_\{?[a-z]\s*,?\s*[a-z]\}?\s*\)(?:_\{?[^{}\s$]{1,6}\}?)?\s*(?=\\in(?![A-Za-z])|∈)")


def _dashes_and_fonts(out: list[str], start: int, region: str) -> bool:
    """`h-{t-1}` as h_{t-1}; a font over a product blank (_font_products); `W = (w_{ij}) \\in` as `W \\in`; whether any
    was."""
    edited = False
    for m in _DASHED_LAG.finditer(region) if "-{" in region else ():
        out[start + m.start(1)] = "_"
        edited = True
    for m in _BY_ENTRIES.finditer(region) if "(" in region and "=" in region else ():
        out[start + m.start():start + m.end()] = [" "] * (m.end() - m.start())
        edited = True
    return ("\\bm{" in region or "\\mathbf{" in region or "\\boldsymbol{" in region) and _font_products(out, start, region) or edited


def retyped(out: list[str], start: int, region: str) -> bool:
    """In out[start:start + len(region)]: the notations above retyped, and row breaks Markdown ate (eaten_rows);
    whether any was. Each only where its literal occurs."""
    edited = "\\ " in region and eaten_rows(out, start, region)
    edited = ("&" in region and "\\\\" in region and wrapped_rows(out, start, region)) or edited
    edited = ("{t" in region or "{ t" in region or "{0}" in region) and timed_macros(out, start, region) or edited
    edited = region.lstrip().startswith("[") and bracketed_equation(out, start, region) or edited
    edited = _joins_and_calls(out, start, region) or edited
    for m in _ACCENT_PARENS.finditer(region) if "(" in region and "\\" in region else ():  # \tilde(c): \tilde{c}
        out[start + m.start(1)], out[start + m.end(1) - 1] = "{", "}"
        edited = True
    edited = _brackets(out, start, region) | _copied(out, start, region) | _marks(out, start, region) | edited
    edited = _dashes_and_fonts(out, start, region) or edited
    if not ("{\\" in region or "\\~" in region or "<t" in region or "^{" in region or "\\bf" in region or "→" in region
            or "←" in region or "\\Delta " in region or "=" in region and _UPRIGHT_LITERAL.search(region)):
        return edited
    for m in _ANGLE_TIME.finditer(region) if "<t" in region else ():
        out[start + m.start()], out[start + m.end() - 1] = "(", ")"  # a<t-1>: a(t-1)
        edited = True
    for m in _OLD_BOLD.finditer(region) if "{\\bf" in region else ():  # {\bf X}_t: \mbf{X}_t, one length
        out[start + m.start():start + m.start() + 5] = list("\\mbf{")
        edited = True
    for m in _ARROW_AFTER.finditer(region) if "→" in region or "←" in region else ():
        out[start + m.start()] = "\u20d1" if m.group(0) == "→" else "\u20d0"  # (harpoons: read.symbols' arrows)
        edited = True
    for m in _ACCENTED_FUNCTION.finditer(region) if "{\\" in region else ():  # a variant of the function: the function
        out[start + m.start():start + m.start(1)] = [" "] * (m.start(1) - m.start())  # (in its place: a rule that
        out[start + m.end(1):start + m.end()] = [" "] * (m.end() - m.end(1))  # blanks the braces leaves it whole)
        edited = True
    for m in _DELTA_LETTER.finditer(region) if "\\Delta " in region else ():
        out[start + m.start()] = "^"
        edited = True
    for m in _BARE_BF.finditer(region) if "\\bf" in region else ():
        out[start + m.start():start + m.end()] = list("\\bm")
        edited = True
    for m in _SWITCH.finditer(region) if "{\\" in region else ():
        bold = m.group("f") in ("boldsymbol", "bm", "mathbf", "bold")
        out[start + m.start():start + m.end()] = list(((f"\\mbf{{{m.group('x')}}}" if bold else m.group("x"))
                                                       .rjust(m.end() - m.start())))
        edited = True
    for m in _X_TIMES.finditer(region) if "^{" in region else ():
        out[start + m.start(1)] = "×"
        edited = True
    for m in _BRACED_OP.finditer(region) if "{\\" in region else ():
        out[start + m.start()] = out[start + m.end() - 1] = " "
        edited = True
    for m in _BOLD_TILDE.finditer(region) if "\\~" in region else ():  # {\bf\~C}: \mbf{C̃}
        out[start + m.start():start + m.end()] = list(("\\mbf{" + m.group(1) + "\u0303").ljust(m.end() - m.start() - 1) + "}")
        edited = True
    for m in _UPRIGHT.finditer(region) if "=" in region else ():
        close = matching(region, m.end() - 1)
        if close is not None and "=" in region[m.end():close]:  # \mathrm{o= ...}: the equation, upright
            out[start + m.start():start + m.end()] = [" "] * (m.end() - m.start())
            out[start + close] = " "
            edited = True
    region = "".join(out[start:start + len(region)]) if edited else region
    for m in _TEXT_TILDE.finditer(region) if "\\~" in region else ():  # \~C: C̃
        out[start + m.start():start + m.end()] = [m.group(1), "\u0303", " "]
        edited = True
    return edited



_CJK_REMARK = re.compile(r"(?<=\s)[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]{2,}")  # words in Chinese, Japanese, Korean
_DOT_WORD = re.compile(r"\\[ ,;:]\s*dot\s*\\[ ,;:]")  # `\ dot\ `: the product a text names in a word
_SPACED_NAME = re.compile(r"\\(?:operatorname|mathrm|rm|text)\s*\{((?:[a-z] ){2,}[a-z])\}")  # \operatorname{t a n h}
_BOXED_MATH = re.compile(r"\\[mh]box\s*(\{)\s*(?:\\(?:tiny|small|normalsize|large|Large|LARGE|huge|Huge)\s*)?\\\(")  # \mbox{\Large\(
_EQUALS_TWICE = re.compile(r"(=)[ \t]*\\\\[ \t]*\n?[ \t]*&[ \t]*=")  # a row ending in `=` and the next opening with `& =`
_ROW_GROUP = re.compile(r"(?:^|(?<=\\\\)|(?<=\n)|(?<=\\begin\{array\})[ \t]*\{[^{}]*\})[ \t]*&?[ \t]*(\{)(?=\{*[^{}=]{0,40}=)")
_ROW_BRACE = re.compile(r"(?:^|(?<=\\\\)|(?<=\n))[ \t]*&?[ \t]*(\{)(?=\\left)")  # `& {\left[ ... \right] = ...} \\`


def _copied(out: list[str], start: int, region: str) -> bool:
    """What a copy adds around the math, retyped: a row ending in `=` before one opening with `& =` (one `=`); words
    after a row's math (`tanh(...)  等价于 \\tilde{c_t}`); a converter's spaced name (`\\operatorname{t a n h}`); the math
    in a box (`\\mbox{\\Large\\( ... \\)}`). Whether any was."""
    edited = False
    for m in _EQUALS_TWICE.finditer(region) if "&" in region and "=" in region else ():  # `... = \\ & = ...`: one `=`
        out[start + m.start(1)] = " "
        edited = True
    for m in _CJK_REMARK.finditer(region) if not region.isascii() else ():  # `tanh(...)  等价于 \tilde{c_t}`: words after the math
        row = max(region.rfind("\\\\", 0, m.start()), region.rfind("\n", 0, m.start()))  # (after the row's equation, not a label before it)
        if region.rfind("{", 0, m.start()) <= region.rfind("}", 0, m.start()) and "=" in region[row + 1:m.start()]:
            end = min(x for x in (region.find("\\\\", m.start()), region.find("\n", m.start()), len(region)) if x >= 0)
            out[start + m.start():start + end] = [" "] * (end - m.start())
            edited = True
    for m in _DOT_WORD.finditer(region) if "dot" in region else ():  # `p_i\ dot\ c^{t - 1}`: the word for ⊙, between spaces
        out[start + m.start():start + m.end()] = list(" \\odot ".center(m.end() - m.start()))
        edited = True
    for m in _SPACED_NAME.finditer(region) if "{" in region else ():  # \operatorname{t a n h}: tanh (a converter's spacing)
        word = m.group(1).replace(" ", "")
        out[start + m.start(1):start + m.end(1)] = list(word.ljust(m.end(1) - m.start(1)))
        edited = True
    for m in _BOXED_MATH.finditer(region) if "box" in region else ():  # \mbox{\Large\( ... \)}: the math in the box
        close = matching(region, m.end(1) - 1)
        inner = region.rfind("\\)", m.end(), close) if close is not None else -1
        if inner >= 0 and not region[inner + 2:close].strip():
            out[start + m.start():start + m.end()] = [" "] * (m.end() - m.start())
            out[start + inner:start + close + 1] = [" "] * (close + 1 - inner)
            edited = True
    return edited


def braced_rows(out: list[str], start: int, region: str) -> bool:
    """A row written whole in braces, `& {\\left[\\begin{array}{c} i_t \\\\ ... \\end{array}\\right] = (...)(W h_{t-1} + b)} \\\\`,
    `\\begin{array} {l} {{{{f=\\sigma(...)}}}} \\\\` (a converter's groups around the row): the braces as spaces where each
    group ends the row and holds its `=`."""
    edited = False
    for m in (_ROW_BRACE if "{\\left" in region else _ROW_GROUP).finditer(region):
        at = m.start(1)
        while at < len(region) and region[at] == "{":
            close = matching(region, at)
            if close is None or "=" not in region[at:close] or not re.match(r"[\s}]*(?:\\\\|\\end\b|$)", region[close + 1:]):
                break  # (the groups around it closed after it: `}}}} \\`)
            out[start + at] = out[start + close] = " "
            edited, at = True, at + 1
    return edited


_NESTED_FONT = re.compile(r"\\(?:textbf|mathbf|boldsymbol|bm)\s*\{\s*\\(?:textit|mathit|mathrm|textrm)\s*\{\s*([A-Za-z])\s*\}\s*\}")
_MID_JOIN = re.compile(r"\[(?=[^\[\]\n]*_\{?t)[^\[\]\n]*?(\\mid)(?![A-Za-z])[^\[\]\n]*\]")  # (signals at a step: [W_h \mid W_x] joins columns)
_PAREN_SCRIPT = re.compile(r"\^\((?:t|t\s*[-+]\s*1)\)")
# two operands joined by a bar in parentheses, `W(X_t \| S_{t-1})`, `(x || h)`: concatenation, as [X_t; S_{t-1}]
_CONCAT_BAR = re.compile(r"(?<=[\w}])\s*\((?=[^()|]*?(?:\\\||\|\|))([^()|\\]*?(?:\\(?!\|)[^()|\\]*?)*)(\\\||\|\|)([^()|]*?)\)")
_SPACED_CALL = re.compile(r"(?<==)(\s*)([fg])([ \t]+)(?=\()")  # a right side's first letter, f or g, a space before its call
# `[h_t = f(h_{t-1}W_{hh} + x_tW_{xh} + b_h)]`: a display's equation in the brackets of a `\[ \]` that lost its backslashes
_BRACKETED = re.compile(r"\s*\[\s*[A-Za-z](?:_\{[^{}=]*\}|_[A-Za-z0-9])?\s*=(?!=)[^\n]*\]\s*")


def _joins_and_calls(out: list[str], start: int, region: str) -> bool:
    """f (...) as f's call, a row in braces, \\textbf{\\textit{z}}, [h_{t-1} \\mid x_t], h^(t), (x_t \\| h_{t-1}); whether any was."""
    edited = ("{\\left" in region or "{{" in region) and braced_rows(out, start, region)
    for m in _NESTED_FONT.finditer(region) if "{\\text" in region or "{\\math" in region else ():  # \textbf{\textit{z}}: \mbf{z}
        out[start + m.start():start + m.end()] = list(f"\\mbf{{{m.group(1)}}}".rjust(m.end() - m.start()))
        edited = True
    for m in _MID_JOIN.finditer(region) if "\\mid" in region else ():  # \left[h_{t-1} \mid x_t\right]: [h_{t-1}; x_t]
        out[start + m.start(1):start + m.end(1)] = list(";   ")
        edited = True
    for m in _PAREN_SCRIPT.finditer(region) if "^(" in region else ():  # h^(t), h^(t-1): h^{t}, h^{t-1}
        out[start + m.start() + 1], out[start + m.end() - 1] = "{", "}"
        edited = True
    for m in _CONCAT_BAR.finditer(region) if "\\|" in region or "||" in region else ():  # W(x_t \| h_{t-1}): [x_t; h_{t-1}]
        out[start + m.start(1) - 1], out[start + m.end() - 1] = "[", "]"
        out[start + m.start(2):start + m.end(2)] = list("; ")
        edited = True
    for m in _SPACED_CALL.finditer(region) if " (" in region else ():  # `h_t = f (W x_t + b)`: f(...), as f's call
        out[start + m.start(2):start + m.end(3)] = list(m.group(3) + m.group(2))
        edited = True
    return edited


def bracketed_equation(out: list[str], start: int, region: str) -> bool:
    """A region that is one equation in brackets, `[h_t = f(...)]`, the brackets as spaces (where the first closes at
    the end); whether it was."""
    m = _BRACKETED.fullmatch(region)
    if m is None:
        return False
    first, last, depth = region.index("["), region.rindex("]"), 0
    for i in range(first, last):
        depth += (region[i] == "[") - (region[i] == "]")
        if depth == 0:
            return False  # ([h; x] = ... closes before the end: not brackets around the equation)
    out[start + first] = out[start + last] = " "
    return True


# `... + b_{hi}) \ f_t=\sigma(...)`: a row break `\\` whose first backslash Markdown ate, before the next row's left side
_EATEN_ROW = re.compile(r"(?<=[)}\w] )\\(?= [ \t]*[A-Za-z](?:_\{[^{}=]*\}|_[A-Za-z0-9])?[ \t]*=(?!=))")
_MATRIX_BODY = re.compile(r"\\begin\s*\{([bpvBV]?matrix)\}(.*?)\\end\s*\{\1\}", re.S)  # (one whose `\\` Markdown ate)
_CONTROL_SPACE = re.compile(r"(?<!\\)\\(?=[ \t])")


def eaten_rows(out: list[str], start: int, region: str) -> bool:
    r"""Row breaks whose first backslash Markdown ate, in a region with no `\\\\`: `\ ` before a row's left side as `;`,
    and `\ ` between a matrix's entries as `\\\\` (`\\begin{bmatrix} a_{t-1} \ x_t \\end{bmatrix}`); whether any was."""
    edited = False
    for m in _EATEN_ROW.finditer(region) if "\\\\" not in region else ():
        out[start + m.start()] = ";"
        edited = True
    for m in _MATRIX_BODY.finditer(region) if "matrix" in region else ():
        if "\\\\" not in m.group(2) and "&" not in m.group(2):
            for k in _CONTROL_SPACE.finditer(region, m.start(2), m.end(2)):
                out[start + k.start() + 1] = "\\"
                edited = True
    return edited
