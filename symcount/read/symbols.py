"""Symbols as the grammar's tokens spell them: a letter, its fonts and accents, a prime, Greek and
Unicode letters, scripts, and which index is time (t, or n and k where a text steps with them)."""
from __future__ import annotations

from . import patterns as re  # re, with the package's patterns compiled ahead (read.patterns)
import unicodedata
from functools import lru_cache

from . import nodes as N
from .names import GREEK
from ..limits import MAX_SIZE_DIGITS
from .source import Span

# ---- symbols: a letter, its fonts and accents, a prime, and scripts -----------------------------
_FONT_IN_INDEX = re.compile(r"\\(?:mathrm|text|textrm|mathit|mathbf|textbf|textit|mathsf|textsf|rm|textnormal|operatorname|boldsymbol|bm|vec)\s*\{([^{}]*)\}")
_TIME = {letter: re.compile(r"^[(\[{<]?" + re.escape(letter) + r"(?:([+-])(\d+|[a-z]))?[)\]}>]?$")
         for letter in ("t", "n", "k", "s", "m", "\\tau", "j", "T", "i")}
ACCENTS = {"~": "tilde", "widetilde": "tilde", "widehat": "hat", "overline": "bar", "utilde": "tilde", "undertilde": "tilde"}
UNI_ACCENTS = {"\u0303": "tilde", "\u0302": "hat", "\u0304": "bar", "\u0305": "bar", "\u0307": "dot",
                "\u0308": "ddot", "\u20d7": "vec", "\u20d6": "overleftarrow",
                "\u20d1": "overrightarrow", "\u20d0": "overleftarrow"}  # (the last two: plain text's h→, h← retyped)
FONTS = {"mathbf": "bold", "boldsymbol": "bold", "bm": "bold", "pmb": "bold", "mathbfit": "bold", "symbf": "bold",
          "symbfit": "bold", "textbf": "bold", "bold": "bold", "mathbold": "bold", "mbf": "bold",
          "mathcal": "cal", "mathscr": "cal", "mathfrak": "frak", "mathbb": "bb"}
_UNI_GREEK = {unicodedata.name(ch).split()[-1].lower(): ch for ch in "αβγδεζηθικλμνξπτυχωϵϑϱ"}
UNI_GREEK_NAMES = {ch: ("var" + name if ch in "ϵϑϱ" else name) for name, ch in _UNI_GREEK.items()}
UNI_GREEK_NAMES.update({"λ": "lambda", "ϵ": "epsilon", "ϑ": "vartheta", "ϱ": "varrho", "Γ": "Gamma", "Δ": "Delta", "Θ": "Theta",
                         "Λ": "Lambda", "Ξ": "Xi", "Π": "Pi", "Σ": "Sigma", "Υ": "Upsilon", "Φ": "Phi",
                         "Ψ": "Psi", "Ω": "Omega"})
# a code line's name Wi, bWi: its letters after the first, in the Private Use Area (read.regions)
_SPACES = re.compile(r"\s+")
_CODE_CHARS = {0xE000 + c: chr(c) for c in range(0x2C, 0x7B)} | {0x27E8: "<", 0x27E9: ">", 0x3008: "<", 0x3009: ">"}  # ⟨t⟩: <t>


def coded(index: str, width: int = 0) -> list[str]:
    """index as code's subscript (each character at U+E000 + its code: index_text reads it back), padded
    with spaces to `width` characters: what a respelling writes in place of `h{t-1}`, `s[n]`, `c<t>`."""
    chars = [chr(0xE000 + ord(c)) for c in _SPACES.sub("", index).replace("−", "-")]
    return chars + [" "] * (width - len(chars))
_SHORT_MACRO = re.compile(r"\\(?!(?:mu|nu|pi|Pi|xi|Xi|eta|phi|chi|psi|rho|tau|Phi|Psi|ell|top|bot|in|to)(?![A-Za-z]))"
                          r"([A-Za-z]{1,3})(?![A-Za-z])(?!\s*\{)")
_SUBSCRIPTS = str.maketrans("ₜₐₑₒₓₕₖₗₘₙₚₛ₀₁₂₃₄₅₆₇₈₉₊₋⁽⁾⁰¹²³⁴⁵⁶⁷⁸⁹ᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻ⁺⁻",
                             "taeoxhklmnps0123456789+-()0123456789abcdefghijklmnoprstuvwxyz+-")  # and h⁽ᵗ⁻¹⁾'s
_SUBSCRIPTS.update(str.maketrans({"ᵢ": "i", "ᵣ": "r", "ᵤ": "u", "ᵥ": "v", "ᵦ": "\\beta", "ᵧ": "y", "ᵨ": "\\rho",
                                  "ᵩ": "\\phi", "ᵪ": "\\chi"}))  # ᵧ: no subscript y exists, its look-alike writes it
# an accented letter (W_{\\tilde{h}}) and a script inside an index (W^{g^y}) name a gate too
_INDEX_CMD = re.compile(r"\\(?:" + "|".join(GREEK) + r"|langle|rangle|prime|ell|star|ast|bullet|square)(?![A-Za-z])|\\cdot"  # a^{c \cdot r_t} (spaces gone): read.exponentials
                        r"|\\(?:tilde|hat|bar|widetilde|widehat|overline)\s*\{\s*[A-Za-z]\s*\}")
_SPACED_ACCENT = re.compile(r"\\(tilde|hat|bar|widetilde|widehat|overline)\s+([A-Za-z])(?![A-Za-z])")
_INDEX_OK = re.compile(r"[A-Za-z0-9+\-,()'*_]*(\^[A-Za-z0-9])?")


def _memo_short(f):
    """f remembered for short arguments: the same few indices (_t, _{t-1}, _{hi}) come back
    thousands of times in a long input; a long one is worked out each time (and not kept)."""
    cached = lru_cache(maxsize=4096)(f)

    def g(text: str, *rest):
        return cached(text, *rest) if len(text) <= 64 else f(text, *rest)

    def g1(text: str):  # (a function of the text alone: no arguments packed, the commonest call)
        return cached(text) if len(text) <= 64 else f(text)
    one = f.__code__.co_argcount == 1 and not f.__code__.co_flags & 0x0C  # (no *args, no **kwargs)
    (g1 if one else g).__doc__ = f.__doc__
    return g1 if one else g


_SCRIPT_SPACE = re.compile(r"\\[,;:! ]")


_WILDCARDS = frozenset(("\\cdot", "\\ast", "\\star", "\\bullet", "\\circ"))


_ARROW = re.compile(r"\\(?:long)?(?:right|left)arrow(?![A-Za-z])|\\to(?![A-Za-z])|\\gets(?![A-Za-z])|[→←]")


def _arrows(body: str) -> str:
    """An arrow in an index: alone, the direction (W_{\\rightarrow}: W_{fw}, W_{\\leftarrow}: W_{bw}); between
    two letters, what it joins (W_{x \\to h}: W_{xh})."""
    bare = re.sub(r"\s+", "", body)
    if _ARROW.fullmatch(bare):
        return "bw" if ("left" in bare or "gets" in bare or bare == "←") else "fw"
    return _ARROW.sub("", body)


_BRACED_LETTER = re.compile(r"^\{([A-Za-z0-9]{1,8}|\\[A-Za-z]+)\}$")  # {f}: braces around the whole index
_PLAIN_INDEX = re.compile(r"[_^]\s*(?:\{([A-Za-z0-9,+\-()' \t]*)\}|([A-Za-z0-9]))")


@_memo_short
def index_text(tok: str) -> str:
    """The inside of a subscript or superscript token, normalised: `_{ t - 1 }` -> `t-1`,
    `_\\textrm{xh}` -> `xh`, `^{\\{t\\}}` -> `{t}`, `ₜ` -> `t`."""
    plain = _PLAIN_INDEX.fullmatch(tok)
    if plain is not None:  # letters, digits and signs in braces, or one character: the steps below leave them so
        return plain.group(2) or plain.group(1).replace(" ", "").replace("\t", "")
    body = tok.translate(_SUBSCRIPTS).replace("−", "-").replace("\\_", "_")
    if "\\<" in body and "\\>" in body:  # a^{\<t\>}: Markdown's escaped angles, a^{<t>}
        body = body.replace("\\<", "<").replace("\\>", ">")
    if body[-1:] in UNI_GREEK_NAMES:  # W_α: W_{\alpha}
        body = body[:-1] + "\\" + UNI_GREEK_NAMES[body[-1]]
    if "\\" in body:  # ^{\,n}: a thin space before the index, no part of it
        body = _SCRIPT_SPACE.sub("", body)
    body = body.translate(_CODE_CHARS)
    if "t" in body and ("\\lt" in body or "\\gt" in body):  # a^{\lt t \gt}: MathJax's < and >, Ng's a^{<t>}
        body = re.sub(r"\\([lg])t(?![A-Za-z])", lambda m: "<" if m.group(1) == "l" else ">", body)
    body = _SHORT_MACRO.sub(r"\1", body)  # W_\r: a short command the text never defines, its letter
    body = "".join(("tilde" if ch == "\u0303" else "hat" if ch == "\u0302" else "")
                   if unicodedata.combining(ch) else ch for ch in body)
    if body[:1] in "_^":
        body = body[1:].strip()
    if body.startswith("{") and body.endswith("}"):
        body = body[1:-1]
    if body in _WILDCARDS:  # W_\cdot, W_{\ast}: every W (read.prosesizes), as "all $W_\ast$" says in prose
        return "ast"
    if "arrow{" in body:  # W_{\overrightarrow{a}}: a's forward weight, W_{afw}
        body = re.sub(r"\\over(right|left)arrow\s*\{\s*(?:\\(?:text|mathrm|mathbf|mathit)\s*\{\s*([A-Za-z0-9]{1,4})\s*\}|([A-Za-z0-9]{1,4}))\s*\}",
                      lambda m: (m.group(2) or m.group(3)) + ("fw" if m.group(1) == "right" else "bw"), body)  # (or \overrightarrow{\text{h}})
    if "arrow" in body or "\\to" in body or "\\gets" in body or "→" in body or "←" in body:
        body = _arrows(body)
    body = _FONT_IN_INDEX.sub(r"\1", body)
    if "{" in body:  # W_{{\mathsf{f}}}, \phi_{\mathbf{\mathbf{\theta}}}: a font in a font, braces around a letter
        body = _BRACED_LETTER.sub(r"\1", _FONT_IN_INDEX.sub(r"\1", body))
    if "\\" in body:  # W^{\tilde C}: the accented letter as W^{\tilde{C}} writes it
        body = _SPACED_ACCENT.sub(r"\\\1{\2}", body)
    if "{" in body:  # t{-}1: braces around a sign (a spacing habit), not a set
        body = re.sub(r"(?<!\\)\{([-+])\}", r"\1", body)
    body = re.sub(r"\\(left|right|big|Big)\b|\\[,;:! ]", "", body).replace("\\{", "{").replace("\\}", "}")
    body = re.sub(r"\s+", "", body)
    if "langle{" in body:  # ^{\langle {t-1} \rangle}: the braces inside the angles
        body = re.sub(r"\\langle\{([^{}]*)\}\\rangle", r"\\langle\1\\rangle", body)
    return re.sub(r"\(\{([^{}]*)\}\)", r"(\1)", body) if "({" in body else body  # ^{\left( {t - 1} \right)}


@_memo_short
def time_lag(part: str, letter: str = "t") -> int | None:
    """The lag that an index part names (t -> 0, t-1 -> 1, (t+1) -> -1, [t], <t>, t-k -> 1), or None;
    `letter` is the text's time letter (t; n or k where the text steps with S_{n-1}, x_{k-1})."""
    part = part.replace("\\langle", "<").replace("\\rangle", ">").strip()  # (`\text{fw}, i - 1`: after a label's comma)
    m = _TIME[letter].match(part)
    if not m or (part[0] in "([{<") != (part[-1] in ")]}>"):
        return None
    sign, num = m.group(1), m.group(2)
    if num is None:
        return 0
    if len(num) > MAX_SIZE_DIGITS:
        return None  # not a number of steps: a name
    k = int(num) if num.isdigit() else 1  # t-k: some step before t
    return k if sign == "-" else -k


@_memo_short
def index_ok(body: str) -> bool:
    return _INDEX_OK.fullmatch(_INDEX_CMD.sub("", body)) is not None


def _script(kind: str, body: str) -> str:
    return f"{kind}{body}" if len(body) == 1 else f"{kind}{{{body}}}"


def _time_text(lag: int, letter: str = "t") -> str:  # t, t-1, t+1 (n-1 where the text steps with n)
    return letter if lag == 0 else (f"{letter}-{lag}" if lag > 0 else f"{letter}+{-lag}")


class Raw:
    """A symbol being built: core (with accents and primes), index texts, font, transpose, span, a written shape."""

    __slots__ = ("core", "subs", "sups", "start", "end", "font", "transposed", "shape")

    def __init__(self, core: str, start: int, end: int, subs=(), sups=(), font: str = "") -> None:
        self.core, self.start, self.end, self.font = core, start, end, font
        self.subs, self.sups = list(subs) if subs else [], list(sups) if sups else []
        self.transposed, self.shape = False, None  # (shape: a shape written as its subscript, read.shapescripts)


# a signal's letter (g^{R,t}: the gate's g at t), not a weight's (W^{x,t}, b^{x,t}: t a label there, "transform")
_SIGNAL_CORE = re.compile(r"(?:\\[A-Za-z]+\{)?[ac-vx-z](?:\})?")


def _split_time(raw: Raw, letter: str = "t") -> tuple[int | None, list[str], list[str]]:
    """The time index among a symbol's scripts (h_{t-1}, h^{(t)}, y^{t-1}) and the other parts."""
    lag = None
    subs = []
    for part in ",".join(raw.subs).split(",") if raw.subs else []:
        t = time_lag(part, letter)
        if t is not None and lag is None:
            lag = t
        elif part:
            subs.append(part)
    sups = []
    for part in raw.sups:
        t = time_lag(part, letter)
        if t is not None and lag is None:
            lag = t
            continue
        pieces = part.split(",") if lag is None and "," in part and _SIGNAL_CORE.fullmatch(raw.core) else ()
        times = [time_lag(p, letter) for p in pieces]
        if sum(x is not None for x in times) == 1:  # g^{R,t}: the reset gate's g at t
            lag = next(x for x in times if x is not None)
            sups.append(",".join(p for p, x in zip(pieces, times) if x is None))
        else:
            sups.append(part)
    return lag, subs, sups


def symbol(raw: Raw, shift: int, lag: int | None = None, letter: str = "t") -> N.Symbol:
    """A raw symbol as a Symbol: its name without the time index, and as written with it."""
    key = (raw.core, tuple(raw.subs), tuple(raw.sups), lag, letter)
    named = _NAMED.get(key)
    if named is None:  # worked out once per spelling: a long cell writes a few names thousands of times
        if len(_NAMED) >= 4096:
            _NAMED.clear()
        named = _NAMED[key] = _named(raw, lag, letter)
    return N.Symbol(*named, Span(raw.start + shift, raw.end + shift), raw.font)


_NAMED: dict = {}


def _named(raw: Raw, lag: int | None, letter: str) -> tuple[str, str, int | None]:
    """A raw symbol's name, its text and its lag (symbol's, for one spelling)."""
    found, subs, sups = _split_time(raw, letter)
    lag = found if lag is None else lag
    sub = ",".join(subs)
    tail = "".join(_script("^", s) for s in sups)
    name = raw.core + (_script("_", sub) if sub else "") + tail
    text = name if lag is None else raw.core + _script("_", ",".join(subs + [_time_text(lag, letter)])) + tail
    return name, text, lag


_LAYER_INDEX = r"(?:[A-Za-z]|\\ell|[0-9]+)(?:[-+][0-9]+)?"  # l, l-1, L, 2, \ell
_LAYER_TIME = re.compile(rf"\[({_LAYER_INDEX})\](<[^<>]+>)?|\(({_LAYER_INDEX})\)(<[^<>]+>)")


def layer_and_time(body: str, raw: "Raw") -> str:
    """A superscript that holds a layer's index in brackets (W^{[l]}, Ng's course) and maybe the time in angle
    brackets after it (a^{[l]<t-1>}): the layer's index as W^{(l)} writes it, the time moved to the subscript
    when there is none (a^{(l)}_{<t-1>}). Anything else is left as it is."""
    m = _LAYER_TIME.fullmatch(body)
    if m is None:
        return body
    layer, time = (m.group(1), m.group(2)) if m.group(1) is not None else (m.group(3), m.group(4))
    if time is not None:
        if raw.subs:
            return body
        raw.subs.append(time)
    return f"({layer})"


def plain_size(size: N.Size) -> bool:
    """d_h, |V|, 64: one size, not a sum (d_h + d_x) or a multiple (4 d_h)."""
    terms, const = size.lin.terms, size.lin.const
    return (len(terms) == 1 and terms[0][1] == 1 and const == 0) or (not terms and const > 0)


def dim_name(letter: str, sub: str | None) -> str:
    base = letter.lstrip("\\")
    base = UNI_GREEK_NAMES.get(base, base)
    return f"{base}_{re.sub(r'[^A-Za-z0-9]', '', sub) or 'x'}" if sub else base
