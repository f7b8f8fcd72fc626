"""Text for LaTeX and Markdown: prose escaped for the output format; math fragments from user input
(identifiers the grammar accepted) checked against a strict allow-list, else shown escaped inside
`\\text{...}`; function names and numbers typeset.
"""
from __future__ import annotations

from ..read import patterns as re  # re, with the package's patterns compiled ahead (read.patterns)
import unicodedata
from functools import lru_cache

from ..read.names import GREEK

ACCENTS = ("tilde widetilde hat widehat bar overline dot ddot breve check acute grave mathring "
           "underline vec").split()
SYMBOLS = ("prime ell top intercal star ast dagger").split()
# patterns compiled on first use (re caches them): the cached count never typesets
_MATH_TOKEN = r"(?s)\\[A-Za-z]+|[A-Za-z0-9]|[{}_^()\[\]+\-,.'*/= ]|."
_FUNC = (r"\\(?P<plain>sigma|tanh|exp|log|ln|sinh|cosh|sin|cos|phi|varphi|psi|rho|Re|Im|max|min|sum|prod)(?![A-Za-z])"
         r"|\\[A-Za-z]+\*?\{(?P<word>[A-Za-z][A-Za-z0-9-]*(?:\\_[A-Za-z0-9-]+)*)\}")

_WORD = r"\\mathit\{[A-Za-z][A-Za-z0-9]*(?:\\_[A-Za-z0-9]+)*\}"
_TEX_TEXT = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "$": r"\$", "&": r"\&", "#": r"\#",
             "%": r"\%", "_": r"\_", "^": r"\^{}", "~": r"\~{}", "<": r"\textless{}",
             ">": r"\textgreater{}", "|": r"\textbar{}"}
_TEX_UNICODE = {"\u2013": "--", "\u2014": "---", "\u2018": "`", "\u2019": "'", "\u201c": "``",
                "\u201d": "''", "\u2026": r"\ldots{}", "\u00d7": r"$\times$", "\u00b7": r"$\cdot$",
                "\u2212": "-", "\u00a0": "~", "\u00f0": "d", "\u00fe": "th", "\u00d0": "D",
                "\u00de": "Th", "\u00f7": r"$\div$"}
# Markdown's active characters, written so that CommonMark (GitHub, Jupyter) and Python-Markdown
# (MkDocs, with pymdownx.arithmatex for math) both show them as themselves: a backslash where both
# honour one, an HTML entity where Python-Markdown would show the backslash (< & | ~)
_MD_ESCAPES = {**{ch: "\\" + ch for ch in "\\`*_{}[]>#$"}, "<": "&lt;", "&": "&amp;", "|": "&#124;", "~": "&#126;"}
_MD_TABLE = str.maketrans(_MD_ESCAPES)


def _clean(s: str) -> str:
    """Whitespace (newlines too) collapsed to single spaces; control characters dropped."""
    s = "".join(ch for ch in str(s) if ch.isprintable() or ch.isspace())
    return " ".join(s.split())


def tex_text(s: str) -> str:
    """Prose for LaTeX: every special character escaped; characters pdflatex's default fonts lack
    replaced (Latin-1 letters stay)."""
    return tex_chars(_clean(s))


def tex_chars(s: str) -> str:
    """tex_text without the whitespace clean-up: each character escaped for LaTeX prose."""
    out = []
    for ch in s:
        if ch in _TEX_TEXT:
            out.append(_TEX_TEXT[ch])
        elif ch in _TEX_UNICODE:
            out.append(_TEX_UNICODE[ch])
        elif ord(ch) < 128 or "\u00c0" <= ch <= "\u00ff":
            out.append(ch)
        else:
            ascii_ = unicodedata.normalize("NFKD", ch).encode("ascii", "ignore").decode()
            out.append("".join(_TEX_TEXT.get(c, c) for c in ascii_) or "?")
    return "".join(out)


def md_text(s: str) -> str:
    """Prose for Markdown: one line, Markdown's active characters backslash-escaped, and a line start
    that could open a block (heading, list, quote, rule) escaped."""
    text = md_chars(_clean(s))
    if text.startswith("="):  # a setext underline; Python-Markdown shows a backslash before =
        return "&#61;" + text[1:]
    m = re.match(r"[-+>]|\d+(?=[.)])", text)
    if m:
        i = m.end() if m.group(0)[0].isdigit() else 0
        text = text[:i] + "\\" + text[i:]
    return text


def md_chars(s: str) -> str:
    """Markdown's active characters backslash-escaped; nothing else changed."""
    return s.translate(_MD_TABLE)


def md_code(s: str) -> str:
    """An inline code span that holds s literally, whatever backticks it contains."""
    s = _clean(s)
    run = max((len(m) for m in re.findall(r"`+", s)), default=0)
    fence = "`" * (run + 1)
    pad = " " if s.startswith("`") or s.endswith("`") else ""
    return f"{fence}{pad}{s}{pad}{fence}"


def _check_math(s: str) -> bool:
    """True if s is a math fragment from the allow-list: letters, digits, a little punctuation,
    Greek letters, accents, balanced braces, one subscript and one superscript per atom, and a word
    in \\mathit (a dimension named as an argument: \\mathit{hidden\\_size}), one atom."""
    tokens = re.findall(_MATH_TOKEN, re.sub(_WORD, "w", s))
    levels = [[False, False, False]]  # per brace level: sub used, sup used, group is a script arg
    want = None  # "script" after _ or ^, "accent" after an accent command
    for tok in tokens:
        if tok == " ":
            continue
        if tok == "{":
            levels.append([False, False, want == "script"])
            want = None
            continue
        if tok == "}":
            if len(levels) == 1 or want:
                return False
            _, _, was_script = levels.pop()
            if not was_script:
                levels[-1][:2] = [False, False]  # a group is a new atom
            continue
        if tok in ("_", "^"):
            if want:
                return False
            k = 0 if tok == "_" else 1
            if levels[-1][k]:
                return False  # double subscript or superscript
            levels[-1][k] = True
            want = "script"
            continue
        if tok.startswith("\\"):
            name = tok[1:]
            if name in ACCENTS:
                if want == "script":
                    return False
                want = "accent"
                continue
            if name not in GREEK and name not in SYMBOLS:
                return False
        elif not re.fullmatch(r"[A-Za-z0-9()\[\]+\-,.'*/=]", tok):
            return False
        if want == "script":
            want = None  # a one-token script argument
        else:
            want = None
            levels[-1][:2] = [False, False]
    return len(levels) == 1 and want is None


@lru_cache(maxsize=4096)
def tex_math(s: str) -> str:
    """A math fragment from user input: itself when it passes the allow-list, else shown escaped
    (remembered: an explanation typesets the same names and sizes once per parameter and equation)."""
    return s if s and _check_math(s) else r"\text{" + _math_text(s) + "}"


def _math_text(s: str) -> str:
    """Text for \\text{...} inside math, also inside Markdown's $...$: letters, digits and spaces
    stay, LaTeX's specials are escaped, other punctuation is braced (so that no Markdown syntax such
    as a link forms), and other characters become ASCII or '?'."""
    out = []
    for ch in unicodedata.normalize("NFKD", _clean(s)):
        if ch.isascii() and (ch.isalnum() or ch == " "):
            out.append(ch)
        elif ch in _TEX_TEXT:
            out.append(_TEX_TEXT[ch])
        elif ch.isascii():
            out.append("{" + ch + "}")
        elif not unicodedata.combining(ch):
            out.append("?")
    return "".join(out)


def func_tex(func: str) -> str:
    """A function name as the grammar accepted it, e.g. \\sigma_g or \\operatorname{ReLU}."""
    if re.fullmatch(r"[A-Za-z]{2,}", func):  # code's bare name (np.tanh, sigmoid): LaTeX's own, else upright
        return "\\" + func if re.fullmatch(_FUNC, "\\" + func) else r"\operatorname{" + func + "}"
    m = re.match(_FUNC, func)
    rest = func[m.end():] if m else ""
    if not m or (rest and not _check_math("x" + rest)):
        return tex_math(func)
    head = "\\" + m.group("plain") if m.group("plain") else r"\operatorname{" + m.group("word") + "}"
    return head + rest


def number(n: int, fmt: str) -> str:
    """3,153,920 in Markdown; 3{,}153{,}920 (for math mode) in LaTeX; 3153920 in text."""
    if fmt == "text":
        return str(int(n))
    text = f"{int(n):,}"
    return text.replace(",", "{,}") if fmt == "latex" else text


def prose_parts(s: str) -> list[tuple[str, str]]:
    """Prose with math between dollars (a cell's description: "...: $f^t = 1 - i^t$") as sentence
    parts: ("math", tex checked by tex_math) and ("text", words); a lone dollar stays text."""
    out: list[tuple[str, str]] = []
    for i, chunk in enumerate(re.split(r"\$([^$]+)\$", _clean(s))):
        if chunk:
            math = " = ".join(tex_math(side.strip()) for side in chunk.split("="))  # each side checked
            out.append(("math", math) if i % 2 else ("text", chunk))
    return out


def with_math(s: str, text, chars) -> str:
    """Prose with $math$ written for a format: the math typeset, the words escaped (`text` for the
    first words, which start a paragraph; `chars` after)."""
    out = []
    for kind, chunk in prose_parts(s):
        if kind == "math":
            out.append(f"${chunk}$")
        elif out:
            out.append(chars(chunk))
        else:
            out.append(text(chunk) + (" " if chunk.endswith(" ") else ""))
    return "".join(out)
