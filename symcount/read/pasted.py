"""Text as it arrives pasted from a page or written in a code comment, cleaned up in place (offsets
kept) before read.regions looks for math: comment markers blanked (`#'`, `///`, `//`, `*` in a
`/** ... */` block) and a blockquote's (`> `), and a display block whose opening delimiter was lost
in a copy found by its rows."""
from __future__ import annotations

from .mermaid import labels as mermaid_labels
from . import patterns as re  # re, with the package's patterns compiled ahead (read.patterns)

_BLOCK_END = re.compile(r"(?<=\S)[ \t]*\*/[ \t]*$", re.M)
_COMMENT_PREFIXES = [re.compile(p, re.M) for p in (r"^[ \t]*#'", r"^[ \t]*///", r"^[ \t]*//+!?", r"^[ \t]*\*(?!/)",
                                                      r"^[ \t]*#(?![#\w])")]


def uncomment(text: str) -> str:
    """Text whose every non-blank line starts with one code-comment marker (`#'`, `///`, `//`, or
    `*` in a `/** ... */` block), with the markers blanked out; the doc comments (`#'`, `///`) of
    a text that also has lines of code, blanked out there; then a blockquote's markers (unquoted)."""
    text = _matlab(_r_code(mermaid_labels(text)))  # (a Mermaid block's labels: read.mermaid)
    lines = text.split("\n")
    body = [ln for ln in lines if ln.strip() and not ln.lstrip().startswith("%")]
    if not body:
        return text
    if re.match(r"\s*/\*\*?", body[0]) and any(ln.strip().startswith("*/") or ln.rstrip().endswith("*/") for ln in body):
        text = _BLOCK_END.sub(lambda m: " " * len(m.group(0)), text)  # ` * h_t = ... */`: the block's end after the math
        prefix = re.compile(r"^([ \t]*)(/\*\*?|\*/|\*(?!/))", re.M)
        return prefix.sub(lambda m: m.group(1) + " " * len(m.group(2)), text)
    for prefix in _COMMENT_PREFIXES[:3] + (_COMMENT_PREFIXES[4:] if len(body) >= 3 else []):  # `# ` on every line
        if all(prefix.match(ln) for ln in body):  # of three or more: Python's comments (one may be a heading)
            return unquoted(prefix.sub(lambda m: " " * len(m.group(0)), text))
    for prefix in _COMMENT_PREFIXES[:2]:  # doc comments (#', ///) between lines of code: the code is left alone
        if sum(1 for ln in body if prefix.match(ln)) >= 2:
            text = prefix.sub(lambda m: " " * len(m.group(0)), text)
    commented = sum(1 for ln in body if _COMMENT_PREFIXES[2].match(ln))
    if commented >= 3 and commented * 2 >= len(body):  # Go's doc comments (//) above a line or two of code
        text = _COMMENT_PREFIXES[2].sub(lambda m: " " * len(m.group(0)), text)
    return unquoted(text)


# R's assignment `i <- sigmoid(Wi %*% x + ...)` at a line's start (after a comment's marker), and its matrix
# product `%*%`: `=` and `@` (a `<-` after an equation is an arrow to a remark: read.barelines)
# (not a function's definition, `f <- function(x, h) {`); a list's field, `W$W_z`, the field's name; `as.numeric(v)`, v;
# a package's private activation, `.pkg_w4b_sigmoid(`, sigmoid; a `list(` over several lines (what a function returns), spaces
_R_ASSIGN = re.compile(r"^([ \t]*(?:#'?|//)?[ \t]*[A-Za-z][\w.]*[ \t]*)<-(?=[ \t])(?![ \t]*function\b)", re.M)
_R_FIELD = re.compile(r"(?<![\w.$])[A-Za-z_.][\w.]*\$(?=([A-Za-z_.][\w.]*))")
_R_IDENTITY = re.compile(r"(?<![\w.])as\.(?:numeric|matrix|vector|double|array)(?=\s*\()")
_R_LIST = re.compile(r"(?<![\w.])list\((?:\s*\n(?:[^()]|\((?:[^()]|\([^()]*\))*\))*|(?=[^()\n]*=)(?:[^()\n]|\([^()\n]*\))*)\)")  # a list returned
_R_ACTIVATION = re.compile(r"(?<![\w.])\.?[A-Za-z][\w.]*?_(?=(?:sigmoid|tanh|relu|softmax)\s*\()")


def _r_field(m) -> str:
    """`W$W_z`: the field's own name (its owner spaces); `W$z`: the owner's letter at the field, W_z."""
    field = m.group(1)
    return " " * len(m.group(0)) if "_" in field or field[:1].isupper() else m.group(0)[:-1] + "_"


def _r_list(m) -> str:
    """A list returned: spaces where it only names values; where it computes (`list(h = h, y = V %*% h + c)`), its
    items as statements (a line each), its `list(` and `)` spaces."""
    body = m.group(0)
    if not re.search(r"%\*%|[@+*]", body):
        return re.sub(r"[^\n]", " ", body)
    depth, out = 0, list(body)
    for i, ch in enumerate(body[5:-1], start=5):
        depth += ch in "([{"
        depth -= ch in ")]}"
        if ch == "," and depth == 0:
            out[i] = "\n"
    return " " * 5 + "".join(out[5:-1]) + " "


def _r_code(text: str) -> str:
    if "%*%" not in text:  # (R's product alone, `h = tanh(W %*% x + ...)`, is R's too)
        return text
    text = _R_ASSIGN.sub(lambda m: m.group(1) + "= ", text) if "<-" in text else text
    text = _R_FIELD.sub(_r_field, text)
    for pattern in (_R_IDENTITY, _R_ACTIVATION):
        text = pattern.sub(lambda m: " " * len(m.group(0)), text)
    text = _R_LIST.sub(_r_list, text) if "list(" in text else text
    return text.replace("%*%", " @ ")


# MATLAB or Octave source (classdef, function ... = name(...), properties, methods, `end` alone on a line):
# its `%` lines are code comments, not LaTeX's (a directive, `% symcount: ...`, stays one)
_MATLAB = re.compile(r"^[ \t]*(?:classdef\b|function\s+(?:\[[^\]\n]*\]\s*=\s*|\w+\s*=\s*)?\w+\s*(?:\(|$)|properties\b|methods\b)", re.M)
# or a script's statements: `RNN.b = zeros(RNN.m, 1);    % (a) bias vector`, `global RNN`
_MATLAB_STATEMENT = re.compile(r"^[ \t]*(?:[A-Za-z_][\w.]*[ \t]*=[^%\n]*;[ \t]*(?:%[^\n]*)?|global[ \t]+\w[\w \t]*)$", re.M)
_MATLAB_COMMENT = re.compile(r"^([ \t]*)(%+\{?|%\}?)(?![ \t]*symcount:)", re.M)


def _matlab(text: str) -> str:
    """A MATLAB file's comment lines with their `%` blanked out, when two or more of them write an `=`
    (its math is in its comments) and the text has no LaTeX math of its own."""
    if "%" not in text or not (_MATLAB.search(text) or len(_MATLAB_STATEMENT.findall(text)) >= 3) \
            or re.search(r"\$|\\[\[(]|\\begin\b", text):
        return text
    if sum(1 for m in _MATLAB_COMMENT.finditer(text) if "=" in text[m.end():text.find("\n", m.end()) % (len(text) + 1)]) < 2:
        return text
    return _MATLAB_COMMENT.sub(lambda m: m.group(1) + " " * len(m.group(2)), text)


_QUOTE = re.compile(r"^[ \t]*(?:>[ \t]?)+", re.M)


def unquoted(text: str) -> str:
    """A Markdown blockquote's markers (`> `, `>> `, after a comment's: `# > `) blanked out, in a text
    with math in a quote (two quoted lines or more, one of them with `$` or a backslash): a quoted
    display block is read as one."""
    if ">" not in text:
        return text
    quoted = [line for line in text.split("\n") if _QUOTE.match(line)]
    if len(quoted) < 2 or not any("$" in line or "\\" in line for line in quoted):
        return text
    return _QUOTE.sub(lambda m: " " * len(m.group(0)), text)


# a display block whose opening was lost in a copy (`r_t &= ... \\` rows, then `\end{aligned}$$` with no
# `$$\begin{aligned}`): its rows, from the first line of the run of rows above the end
_ORPHAN_END = re.compile(r"\\end\s*\{(?P<env>aligned|align\*?|split|gathered|eqnarray\*?)\}\s*\$\$")
_ROW_LINE = re.compile(r"[^\n]*(?:&\s*=|\\\\\s*)$")


def orphan_blocks(text: str) -> list[tuple[int, int, int]]:
    """(start, end, after): the rows of each block closed by `\\end{env}$$` that nothing opened,
    and where its closing ends."""
    out = []
    for m in _ORPHAN_END.finditer(text):
        before = text[:m.start()]
        opened = before.rfind("\\begin")
        if opened >= 0 and before.count("$$", opened) == 0 and re.match(r"\\begin\s*\{" + re.escape(m.group("env")) + r"\}",
                                                                          text[opened:]):
            continue  # opened: an ordinary block
        if before.count("$$") % 2 == 1:
            continue  # inside $$ ... $$: the opening is there
        start = m.start()
        while start > 0:
            line_start = text.rfind("\n", 0, start - 1) + 1
            line = text[line_start:start].rstrip("\n")
            if not _ROW_LINE.match(line.rstrip()) and "&" not in line:
                break
            start = line_start
        if start < m.start():
            out.append((start, m.start(), m.end()))
    return out


# a page converted to Markdown escapes its brackets and underscores: `f\_t = σ(W\_f · \[h\_{t-1}, x\_t\] + b\_f)`,
# rustdoc its brackets: `f_t = σ(W_f · \[h_{t-1}, x_t\] + b_f)`;
# a `\[ ... \]` on one line, after an `=` on that line, is such a bracket (not display math)
_ESCAPED_BRACKETS = re.compile(r"^(?P<before>[^\n]*=[^\n]*?)\\\[(?P<inner>[^\n\]]*?)\\?\]", re.M)


_ESCAPED_CLOSING = re.compile(r"(?<!\\\\)\\\$\$[ \t]*$", re.M)  # `$$i_t = \sigma(...) \$$`: a display's end


def escaped_brackets(text: str) -> str:
    """The text with each Markdown-escaped bracket pair `\\[...\\]` after an `=` on its line as ` [... ]`
    (same length), and a display's closing `$$` escaped at a line's end (`$$i_t = ... \\$$`) as ` $$`; other text as it was."""
    if "\\$$" in text:
        text = _ESCAPED_CLOSING.sub(lambda m: " $$", text)
    if "\\[" not in text:
        return text
    if "\\[$" in text:  # \[$h_{t-1}$,$x_t$]: Markdown's escaped bracket before inline math, never a display's opening
        text = text.replace("\\[$", " [$")
    out = list(text)
    for m in _ESCAPED_BRACKETS.finditer(text):
        # (Markdown escapes its underscores too; rustdoc only its brackets: `W_f · \[h_{t-1}, x_t\]`, a list)
        if ("\\_" in m.group("before") + m.group("inner") or ("," in m.group("inner") and "=" not in m.group("inner"))) \
                and "$" not in m.group("before"):
            out[m.start("inner") - 2:m.start("inner")] = [" ", "["]
            if text[m.end() - 2] == "\\":  # (rustdoc escapes the opening bracket alone)
                out[m.end() - 2:m.end()] = [" ", "]"]
    return "".join(out)


# LaTeX escaped twice (a JSON string, a Markdown page written by a script): `\\\\sigma(W\\_{z} \\\\cdot ...) \\\\\\\\`
_DOUBLED = re.compile(r"(?<!\\)\\\\(?=(?:begin|end|sigma|tanh|cdot|odot|ast|tilde|hat|frac|left|right|mathbf|text|times|circ"
                      r"|exp|sum|mathbb|quad|qquad|bar|widetilde|operatorname|mathrm|boldsymbol)(?![A-Za-z])|[,;:!][ \t])")  # (\\, a space)


_DOUBLED_FIRST = re.compile(r"\\\\(?:sigma|begin|tanh|cdot|odot|frac|mathbf|tilde)(?![A-Za-z])")  # (a literal first)


def doubled_escapes(text: str) -> str:
    """The text with LaTeX escaped twice read once (same length): `\\\\sigma` as ` \\sigma`, a row break
    `\\\\\\\\` as `  \\\\`, Markdown's `\\_`, `\\&` and `\\$` as ` _`, ` &` and ` $`; other text as it was (two such commands at least)."""
    if "\\\\" not in text or not _DOUBLED_FIRST.search(text) or len(_DOUBLED.findall(text)) < 2:
        return text  # (the literals first: a long text of row breaks is not scanned)
    out = _DOUBLED.sub(" \\\\", text).replace("\\\\\\\\", "  \\\\")
    return out.replace("\\_", " _").replace("\\&", " &").replace("\\$", " $")


_ESCAPED_OPERATOR = re.compile(r"(?<=[\w)}\]] )\\([=+])(?= )")  # `h'(t) \= A h(t) \+ B x(t)`: Markdown's escaped = and +


def gitlab_math(text: str) -> str:
    """The text with GitLab's math, $`h_t`$, as $ h_t $ (same length), and operators Markdown escaped between two
    operands, `A h(t) \\+ B x(t)`, as the operators; other text as it was."""
    if "$`" in text:
        text = text.replace("$`", "$ ").replace("`$", " $")
    return _ESCAPED_OPERATOR.sub(lambda m: " " + m.group(1), text) if "\\=" in text or "\\+" in text else text
