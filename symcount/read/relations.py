"""A region's respellings: what a text writes in its own way, made into what the grammar reads, in place
(offsets kept: what is removed becomes spaces), each in the table _RESPELLINGS with the kinds of region it
applies to.

- The signs of a definition: `\\triangleq`, `≜`, `\\coloneq`, `\\defeq`, `\\stackrel{\\Delta}{=}`,
  `\\overset{\\text{def}}{=}`, `\\mathrel{:}=` are `=`.
- `c<t>`, `c~<t−1>` (Andrew Ng's `c^{<t>}` as a page's text flattens it), where the text writes `<t-1>`: the
  step a subscript, the `~` a tilde on the letter.
- `h^(t)`, `h^(t-1)` in plain text (`h^{(t)}` as a line of text writes it), where the text writes `^(t-1)`: the
  step a subscript.
- `Γu`, `Γr` in plain text (a Greek letter against one Latin letter), where the text defines it (`Γu=σ(...)`):
  Γ_u, Γ_r.
- `\\Gamma{r}` (a Greek letter against a braced letter, Γr as it renders), where the text defines it
  (`\\Gamma{r}=\\sigma(...)`): Γ_r.
- `s[n] = W_s s[n-1] + W_x x[n]` in LaTeX (a signal's step in brackets with another letter than t, as signal
  processing writes it; the grammar reads `x[t]` itself): the step a subscript, where some signal is written at
  the step before (`[n-1]`).
- `c_t = f_t \\odot c_{t-1} +& i_t \\odot ...` (an alignment mark after an operator, inside a side): a space.
- `W_ic dot c_{t-1}` (a docstring's product spelled as a word): `·`, the product the shapes decide.
- A row of a display that holds only `\\dots` (the gates shown before, again, and so on): spaces.
- A capital glued to a signal at the step, `Ah(t) + Bx(t)`, where the text writes the signal alone: `A h_t`.
- In LaTeX, a letter glued to a number that the text writes glued twice or more (`h1 = x \\cdot U + s1_{t-1} \\cdot
  W1`): the number a subscript (h_1, s_{1,t-1}, W_1).
- A row that names its declaration in words, `\\text{input-units} &= x_i \\in \\mathbb{R}^d`: the declaration.
- `\\Delta t` (an ODE's step size, coRNN's): `\\Delta`, one symbol.
- In plain text and code, Julia's broadcast dot before a spaced operator (`c_prev .+ it .* c_tilde`): a space.
- A remark at a row's end, after an alignment mark or a space (`r_t &= \\sigma(...) && \\textit{reset gate} \\\\`,
  `\\quad \\text{state}`), or a sum's property (`,\\quad \\sum_i \\hat y_i = 1`): spaces.
- A display whose inside is wrapped in `[` and `]` on lines of their own (`$$ [` ... `] $$`, what is left of `\\[`
  and `\\]` that a converter lost the backslashes of): the brackets are spaces.
- `h_t = tanh(c_t) or h_t = c_t`: two definitions of one name joined by "or" are two statements (variants
  of the cell: read.definitions makes which one a choice); so are two definitions joined by "and".
- `\\text{RNN}(x_m, h_{m-1}) \\triangleq g(\\Theta h_{m-1} + x_m)` (Eisenstein's notes): a function named as a cell
  (RNN, LSTM, GRU, Cell, step) of the input and of one state at the step before is that state's new value,
  `h_m = g(...)`, where no other equation of the text defines it (`\\mathrm{Attn}(h_{t-1}, x_t) = ...` is no step)."""
from __future__ import annotations

from . import patterns as re  # re, with the package's patterns compiled ahead (read.patterns)
from .cellbraces import braced_cells
from .codelines import owners
from .docstringmath import list_numbers, literal_newlines
from .plaintilde import plain_tildes
from .symbols import coded
from .transitions import function_rows, step_definitions
from .webmath import lost_underscores

_SIGN = re.compile(r"\\(?:triangleq|coloneq|defeq|eqdef)(?![A-Za-z])|≜"  # (not \\equiv: `U \\equiv I` at the start of training)
                   r"|\\(?:stackrel|overset)\s*\{[^{}\n]{0,30}(?:\{[^{}\n]{0,20}\}[^{}\n]{0,10})?\}\s*\{\s*=\s*\}"
                   r"|\\mathrel\s*\{\s*:\s*\}\s*=")


class Chars(list):
    """A text's characters as the respellings edit them in place (read.regions makes one): the text of the region
    last asked (region_text) kept until a character is written (a long region is joined once, not once a respelling)."""

    asked: tuple | None = None  # (start, end, text)

    def __setitem__(self, key, value) -> None:
        self.asked = None
        list.__setitem__(self, key, value)

    def __delitem__(self, key) -> None:
        self.asked = None
        list.__delitem__(self, key)


def region_text(out: list[str], start: int, end: int) -> str:
    """The text of out[start:end]; of a Chars, joined once until it is written."""
    asked = out.asked if out.__class__ is Chars else None
    if asked is not None and asked[0] == start and asked[1] == end:
        return asked[2]
    text = "".join(out[start:end])
    if out.__class__ is Chars:
        out.asked = (start, end, text)
    return text


class Respeller:
    """The respellings of one text's regions (this module's and read.webmath's), called on each region; what
    they ask of the whole text is asked once a pattern (a text of many regions is read in linear time)."""

    def __init__(self, text: str):
        self.text = text
        self._asked: dict[str, bool] = {}

    def written(self, pattern: str) -> bool:
        found = self._asked.get(pattern)
        if found is None:
            found = self._asked[pattern] = re.search(pattern, self.text) is not None
        return found

    def __call__(self, out: list[str], start: int, end: int, kind: str) -> None:
        plain = kind in ("bare", "code")
        if out.__class__ is Chars:
            out.asked = None  # (written since by anything else, maybe: asked again)
        for applies, respell in _RESPELLINGS:
            if applies is None or applies == plain or kind in (applies if isinstance(applies, tuple) else ()):
                respell(out, start, end, self.written)


def own_names(out: list[str], start: int, end: int, _written) -> None:
    """`z_t = torch.sigmoid(self.linear_z(x_t))`: self's own (read.codelines.owners)."""
    owners(out, start, end)


def inner_marks(out: list[str], start: int, end: int, _written) -> None:
    """In out[start:end], an alignment mark after an operator inside a side, and `where` before `\\quad`: spaces."""
    region = region_text(out, start, end)
    if "&" in region or "here" in region or ":" in region:
        for m in _INNER_AMP.finditer(region):
            out[start + m.start():start + m.end()] = [" "] * (m.end() - m.start())


def ellipsis_rows(out: list[str], start: int, end: int, _written) -> None:
    """In out[start:end], a row of a display that holds only `\\dots` (the rest of the gates, as before): spaces."""
    region = region_text(out, start, end)
    for m in _ELLIPSIS_ROW.finditer(region) if "dots" in region else ():
        out[start + m.start(1):start + m.end(1)] = [" "] * (m.end(1) - m.start(1))


def glued_operands(out: list[str], start: int, end: int, written) -> None:
    """In out[start:end], a capital glued to a signal at the step, `Ah(t) + Bx(t)` (a state space's matrices, where
    the text writes the signal alone too): `A h_t`, the product (the same length)."""
    region = region_text(out, start, end)
    for m in _GLUED_OPERAND.finditer(region) if "(t)" in region or "(k)" in region else ():
        if written(rf"(?<![A-Za-z\\]){m.group(2)}\({m.group(3)}\)"):
            out[start + m.start():start + m.end()] = [m.group(1), " ", m.group(2), "_", m.group(3)]


# a letter glued to a number in math, `h1 = x \cdot U`, `s1_{t-1} \cdot W1` (notes that number layers or weights
# so): the letter alone, no command's or word's, the number one or two digits
_GLUED_DIGITS = re.compile(r"(?<![\\A-Za-z0-9_^{.])([A-Za-z])(\d{1,2})(?![\dA-Za-z.])(?:_(?:\{([^{}]{1,12})\}|([A-Za-z0-9])))?")


_LETTER_DIGIT = re.compile(r"[A-Za-z]\d")


def glued_digits(out: list[str], start: int, end: int, written) -> None:
    """In out[start:end], a letter glued to a number, where the text writes one at least twice (`W1` ... `W2`,
    `h1` ... `h1`): the number its subscript (W_1), encoded as code's names are (read.codelines)."""
    region = region_text(out, start, end)
    for m in _GLUED_DIGITS.finditer(region) if _LETTER_DIGIT.search(region) else ():  # (the plain pattern first: cheaper)
        if written(rf"(?<![\\A-Za-z0-9_^{{.]){m.group(1)}\d{{1,2}}(?![\dA-Za-z.])[\s\S]*?(?<![\\A-Za-z0-9_^{{.]){m.group(1)}\d{{1,2}}(?![\dA-Za-z.])"):
            index = m.group(2) + ("," + (m.group(3) or m.group(4)) if m.group(3) or m.group(4) else "")  # s1_{t-1}: s_{1,t-1}
            out[start + m.start(2):start + m.end()] = coded(index, m.end() - m.start(2))


# a period between two operands in math, `c_t = f.c_{t-1} + g.i` (a note's product): not a number's point, a sentence's
_GLUED_DOT = re.compile(r"(?<=[A-Za-z}])\.(?=[A-Za-z]|\\[A-Za-z])")


def glued_dots(out: list[str], start: int, end: int, written) -> None:
    """In out[start:end], a period glued between two operands (`f.c_{t-1}`): `·`, the product the shapes decide."""
    region = region_text(out, start, end)
    for m in _GLUED_DOT.finditer(region) if "." in region and "=" in region else ():
        if not re.match(r"[a-z]{2,}\.", region[max(0, m.start() - 3):m.end()][-3:]):  # (not a word's: e.g., np.dot)
            out[start + m.start()] = "·"


def labelled_declarations(out: list[str], start: int, end: int, written) -> None:
    """In out[start:end], a row that names what it declares in words, `\\text{input-units} &= x_i \\in \\mathbb{R}^d`:
    the words and their `=` spaces (the declaration read); a row that declares a matrix that way (`\\text{Input-layer} &=
    X_t \\in \\mathbb{R}^{n\\times d}`, a batch of rows beside the vectors the equations use): the whole row spaces."""
    region = region_text(out, start, end)
    for m in _LABELLED_DECLARATION.finditer(region) if "\\in" in region and "text" in region else ():
        row_end = min((i for i in (region.find("\\\\", m.end()), region.find("\n", m.end())) if i >= 0), default=len(region))
        declared = region[m.end():row_end].split("\\in")[0].strip()
        batch = ("times" in region[m.end():row_end] or "×" in region[m.end():row_end]) and bool(declared) \
            and not written(re.escape(declared) + r"(?!\s*\\in)(?=\s*[^\s\\])")  # X_t \\in R^{n \\times d}: a batch no equation uses
        out[start + m.start(1):start + (row_end if batch else m.end(1))] = [" "] * ((row_end if batch else m.end(1)) - m.start(1))


def step_sizes(out: list[str], start: int, end: int, written) -> None:
    """In out[start:end], `\\Delta t` (`c(t) = c(t-1) + \\Delta t \\, \\sigma(...)`, `y_n = y_{n-1} + \\Delta t z_n`: an ODE's
    step size, coRNN's and UnICORNN's, whatever letter the steps are): `\\Delta`, one symbol (its t a space)."""
    region = region_text(out, start, end)
    for m in _DELTA_T.finditer(region) if "Delta" in region else ():
        out[start + m.start(1)] = " "


_NUMBERED_FUNCTION = re.compile(r"(?<![\w\\])([a-z])([1-9])(?=\s*\()")  # g1(...): a function numbered, as plain text writes g₁
_DIGIT_PAREN = re.compile(r"[1-9]\s*\(")  # what each match ends with: a quick test (no look-behind at every character)
_SUBSCRIPT_DIGITS = str.maketrans("123456789", "₁₂₃₄₅₆₇₈₉")


def numbered_functions(out: list[str], start: int, end: int, written) -> None:
    """In out[start:end], `g1(U·x_t + ...)` where the text calls g1 a function (`g1() 是激活函數`, "g1 is the activation
    function"): g₁, one name (the grammar reads `g1(` as g times 1 times a group)."""
    region = region_text(out, start, end)
    for m in _NUMBERED_FUNCTION.finditer(region) if "(" in region and _DIGIT_PAREN.search(region) else ():
        name = re.escape(m.group(0))
        if written(name + r"\s*\(\s*\)|" + name + r"\W{0,3}(?:is|are|:)?\s*(?:the\s+|an?\s+)?(?:activation|nonlinearity|激活|活性化)"):
            out[start + m.start(2)] = m.group(2).translate(_SUBSCRIPT_DIGITS)


def escaped_words(out: list[str], start: int, end: int, region: str) -> str:
    """In out[start:end], a word with an escaped underscore (`vocab\\_size`, not `\\operatorname{layer\\_norm}`'s) as the
    name `vocab_size` and a space; the region's text after."""
    for m in _ESCAPED_WORD.finditer(region):
        if not _IN_WORDS.search(region, max(0, m.start() - 40), m.start()):
            out[start + m.start():start + m.end()] = list(m.group(1) + "_" + m.group(2) + " ")
    return region_text(out, start, end)


def broadcast_dots(out: list[str], start: int, end: int, _written) -> None:
    """In out[start:end], Julia's broadcast dot before a spaced operator (`c_prev .+ it .* c_tilde`): a space."""
    region = region_text(out, start, end)
    for m in _BROADCAST.finditer(region) if " ." in region else ():
        out[start + m.start()] = " "


def row_remarks(out: list[str], start: int, end: int, _written) -> None:
    """In out[start:end], a remark in words at a row's end (`&& \\textit{cell}`, `\\quad \\text{state}`): spaces."""
    region = region_text(out, start, end)
    words = "\\text" in region or "\\mathrm" in region or "\\mbox" in region or "\\emph" in region  # (every remark's)
    for m in _ROW_REMARK.finditer(region) if words and "{" in region else ():
        out[start + m.start():start + m.end()] = [" "] * (m.end() - m.start())
    for m in _ROW_SUM.finditer(region) if "\\sum" in region else ():  # `,\quad \sum_i \hat y_i = 1`: a property
        out[start + m.start():start + m.end()] = [" "] * (m.end() - m.start())


def bracketed_display(out: list[str], start: int, end: int, _written) -> None:
    """In out[start:end], `[` and `]` on lines of their own around a display's inside: spaces."""
    m = _BRACKETED.fullmatch("".join(out[start:end])) if "[" in region_text(out, start, end) and "[" in out[start:end] else None
    if m is not None:
        out[start + m.start(1)] = out[start + m.start(2)] = " "


def dot_words(out: list[str], start: int, end: int, _written) -> None:
    """In out[start:end], `W_ic dot c_{t-1}`: the word between two operands as `·`."""
    region = region_text(out, start, end)
    for m in _DOT_WORD.finditer(region) if "dot" in region and _SPACED_DOT.search(region) else ():  # (\odot: a quick test)
        out[start + m.start():start + m.end()] = list("  ·  ")


def definition_signs(out: list[str], start: int, end: int, _written=None) -> None:
    """In out[start:end], each sign of a definition as `=` (then spaces)."""
    region = region_text(out, start, end)
    if "\\" not in region and "≜" not in region:
        return
    for m in _SIGN.finditer(region):
        out[start + m.start():start + m.end()] = ["="] + [" "] * (m.end() - m.start() - 1)


_DOT_WORD = re.compile(r"(?<=[\w})\]])\s(?<![\\])dot\s(?=[\w(\[\\])")
_AND_THEN = re.compile(r"(?<=[\w)\]}])[ \t]+(and)[ \t]*$")  # a line cut before its next definition: `a_t = (1-z_t) and`
_AND_BETWEEN = re.compile(r"(?<=[\w)\]}])[ \t]+(and)[ \t]+(?=(?:\\[A-Za-z]+\{)?[A-Za-z][\w{}\\]*(?:_\{?[\w,\-]+\}?)?\}?[ \t]*=(?!=))")
_OR_ENDS_ROW = re.compile(r"(?:\\hspace\*?\{[^{}]*\}|\\q?quad|\\[,;:]|[ \t])*\\(?:text|textrm|mbox|mathrm)\s*\{\s*(?:or|oder|ou|или)\s*\}"
                          r"[ \t,]*(?=\\\\)")  # `... + b_g) \hspace{1cm} \text{or} \\`: the row's definition has another form
_SPACED_DOT = re.compile(r"\sdot\s")
_ALTERNATIVES = re.compile(r"(?P<name>(?<![\w\\])[A-Za-z](?:_\{?[A-Za-z0-9]{1,6}\}?)?)\s*=(?!=)[^=\n]{1,200}?[ \t,]"
                           r"(?P<or>or|oder|ou|или|或者|或|または|또는)[ \t]+(?P=name)\s*=(?!=)")


def alternatives(out: list[str], start: int, end: int, _written=None) -> None:
    """In out[start:end], the "or" between two definitions of one name on a line as `;` (two statements), and an
    "and" that ends a line cut before its next definition (`a_t = (1-z_t) and`) a space."""
    region = region_text(out, start, end)
    if "=" not in region or not any(word in region for word in ("or", "oder", "ou", "или", "或", "または", "또는", "and")):
        return
    for m in _ALTERNATIVES.finditer(region):
        word = m.start("or")
        out[start + word:start + m.end("or")] = [";"] + [" "] * (m.end("or") - word - 1)
    for m in _AND_THEN.finditer(region) if " and" in region else ():
        out[start + m.start(1):start + m.end(1)] = [" ", " ", " "]
    for m in _OR_ENDS_ROW.finditer(region) if "{or}" in region.replace(" ", "") else ():
        out[start + m.start():start + m.end()] = [" "] * (m.end() - m.start())


def and_definitions(out: list[str], start: int, end: int, _written=None) -> None:
    """In out[start:end] (LaTeX), the "and" between two definitions, `$$a_t = 1 - z_t and b_t = z_t x_t$$`, as `;`
    (in plain text, `W = matmul(W_1, W_2) and U = ...` is a sentence's, left to the lines' reader)."""
    region = region_text(out, start, end)
    for m in _AND_BETWEEN.finditer(region) if " and " in region and "=" in region else ():
        out[start + m.start(1):start + m.end(1)] = [";", " ", " "]


_INNER_AMP = re.compile(r"(?<=[+\-*/])&|(?<=[+\-*/] )&|(?<=\\odot)&|(?<=\\odot )&|(?<=\\cdot)&|(?<=\\cdot )&"
                        r"|(?<![A-Za-z\\])where(?=\s*\\quad)"  # (the & itself; `where\quad` a row's opening word)
                        r"|(?:^|(?<=\\\\)|(?<=\n)|(?<=\$))[ \t]*\\(?:text|textrm|mathrm|mbox)\s*\{\s*[Ww]here\s*,?\s*\}"  # (`\text{Where } a_t = ...`)
                        r"|[,;](?:\s|\\[;,: ]|\\q?quad)*(?:\\circ|\\odot|\\otimes|\\cdot|⊙|∘|\*)\s*:\s*\\(?:text|textrm|mbox)\s*\{[^{}]*\}")  # (`,\;\circ: \text{Hadamard product}`)
_ELLIPSIS_ROW = re.compile(r"(?:^|\\\\|\n)\s*(\\[lcv]?dots)\s*(?=\\\\|\\end\b|$)")  # a row that is `\dots` alone
_GLUED_OPERAND = re.compile(r"(?<![A-Za-z\\{_^])([A-Z])([a-z])\(([tk])\)")
_LABELLED_DECLARATION = re.compile(r"(?:^|(?<=\\\\)|(?<=\n))[ \t]*(\\(?:text|textrm|mathrm)\s*\{[^{}\n]{1,40}\}\s*&?\s*=)"
                                   r"(?=\s*(?:\\[A-Za-z]+\s*\{\s*)?[A-Za-z](?:\s*\})?(?:\s*[_^]\s*(?:\{[^{}=\n]{0,12}\}|[A-Za-z0-9]))*"
                                   r"\s*\\in(?![A-Za-z]))")  # (one symbol declared: not `\text{output} &= V h_t \in ...`)
_IN_WORDS = re.compile(r"\\(?:operatorname|text[a-z]*|math(?:rm|it|sf|tt)|mbox)\s*\{[^{}]*$")
_ESCAPED_WORD = re.compile(r"(?<![\\A-Za-z])([A-Za-z]{3,})\\_([A-Za-z]\w*)")
_DELTA_T = re.compile(r"\\Delta\s*(t)(?![\w{(_^'])")
_BROADCAST = re.compile(r"(?<=\s)\.(?=[-+/^]\s)")
_ROW_REMARK = re.compile(r"(?:&{1,2}|\\q?quad(?![A-Za-z])|\\[,;]|~)\s*(\()?\s*\\(?:text|textit|textrm|textbf|mathrm|mbox|emph)\s*"
                         r"\{\s*(?:\(?[A-Za-z][A-Za-z \-']{0,40}\)?)?\s*\}\s*(?(1)\))\s*(?=\\\\|\\end\b|$)")  # (and `& (\text{Reset gate})`, `~~\textbf{}`)
_ROW_SUM = re.compile(r",?\s*\\q?quad(?![A-Za-z])\s*\\sum(?![A-Za-z])[^=\n$]{1,80}?=\s*[0-9]+\s*[.,]?\s*(?=\\\\|\\end\b|\$|\\\]|$)")
_BRACKETED = re.compile(r"\s*(\[)[ \t]*\n(?=[^\n]*=).*\n[ \t]*(\])\s*", re.S)
_ANGLE_STEP = re.compile(r"(?<=(?<![A-Za-zΑ-Ωα-ω])[A-Za-zΑ-Ωα-ω])(?P<tilde>~?)<\s*(?P<i>t\s*(?:[-−+]\s*1\s*)?)>")


_SWAPPED_ANGLE = re.compile(r"\^\{<(\s*[a-z]\s*[-−+]\s*1\s*)\}>")  # a^{<t-1}> (a slip for a^{<t-1>})


def swapped_angles(out: list[str], start: int, end: int, _written) -> None:
    """In out[start:end], `a^{<t-1}>` as `a^{<t-1>}`: the brace and the angle swapped by a slip."""
    region = region_text(out, start, end)
    for m in _SWAPPED_ANGLE.finditer(region) if "}>" in region else ():
        out[start + m.end() - 2:start + m.end()] = [">", "}"]


def angle_steps(out: list[str], start: int, end: int, written) -> None:
    """In out[start:end], `c<t>`, `c<t−1>`, `c~<t>` as c at t, at t-1, \\tilde{c} at t (the step written as
    code's subscript: read.codelines; the tilde a combining one), where the text writes `<t-1>` after a letter."""
    region = region_text(out, start, end)
    if "<" not in region or not written(r"[A-Za-zΑ-Ωα-ω]~?<\s*t\s*[-−]\s*1\s*>"):
        return
    for m in _ANGLE_STEP.finditer(region):
        tilde = ["\u0303"] if m.group("tilde") else []
        out[start + m.start():start + m.end()] = tilde + coded(m.group("i"), m.end() - m.start() - len(tilde))


_GREEK_GLUED = re.compile(r"(?<![A-Za-zΑ-Ωα-ω\\])(?P<g>[Α-Ωα-ω])(?P<s>[a-z])(?![A-Za-z0-9_{])")


def greek_glued(out: list[str], start: int, end: int, written) -> None:
    """In out[start:end], `Γu` as Γ_u (the subscript written as code's: read.codelines) where the text
    defines the glued name on a left side."""
    region = region_text(out, start, end)
    for m in _GREEK_GLUED.finditer(region) if any(ord(c) > 0x390 for c in region) else ():
        if written(r"(?<![A-Za-z])" + m.group(0) + r"\s*=(?!=)"):
            out[start + m.start("s")] = coded(m.group("s"))[0]


_GREEK_BRACED = re.compile(r"\\(?:Gamma|gamma|sigma|alpha|beta|delta|Delta|lambda|Lambda|mu|theta|phi|psi|omega|tau|eta)"
                           r"(?P<b>\{(?P<s>[A-Za-z]{1,3})\})")


def greek_braced(out: list[str], start: int, end: int, written) -> None:
    """In out[start:end], `\\Gamma{r}` as \\Gamma_r (the subscript written as code's: read.codelines) where the
    text defines it on a left side."""
    region = region_text(out, start, end)
    for m in _GREEK_BRACED.finditer(region) if "{" in region else ():
        if written(re.escape(m.group(0)) + r"\s*=(?!=)"):
            out[start + m.start("b"):start + m.end("b")] = coded(m.group("s"), len(m.group("b")))


_BRACKET_STEP = re.compile(r"(?<![\\A-Za-z_^{])(?P<name>[A-Za-z])\[\s*(?P<i>[nkms]\s*(?:[-+]\s*1\s*)?)\]")


def bracketed_steps(out: list[str], start: int, end: int, written) -> None:
    """In out[start:end], `s[n]`, `s[n-1]` as s at n, at n-1 (written as code's subscript: read.codelines),
    where the text writes a signal at the step before in brackets."""
    region = region_text(out, start, end)
    if "[" not in region or not written(r"(?<![\\A-Za-z_^{])[A-Za-z]\[\s*[nkms]\s*-\s*1\s*\]"):
        return
    for m in _BRACKET_STEP.finditer(region):
        out[start + m.start():start + m.end()] = [m.group("name")] + coded(m.group("i"), m.end() - m.start() - 1)


_CARET_STEP = re.compile(r"(?<=[A-Za-z])\^\(\s*(?P<i>t\s*(?:[-+]\s*1\s*)?)\)")


def caret_steps(out: list[str], start: int, end: int, written) -> None:
    """In out[start:end], `h^(t)`, `h^(t-1)` as h at t, at t-1 (written as code's subscript: read.codelines),
    where the text writes `^(t-1)`."""
    region = region_text(out, start, end)
    if "^(" not in region or not written(r"[A-Za-z]\^\(\s*t\s*-\s*1\s*\)"):
        return
    for m in _CARET_STEP.finditer(region):
        out[start + m.start():start + m.end()] = coded(m.group("i"), m.end() - m.start())


# each respelling and the regions it applies to: None every region, True plain text and code, False math, or a
# tuple of kinds (the grammar reads x[t] itself; a plain line's x[k] and Γu are code's)
# a probability on a left side: `p(y_t \mid x_{\le t}) = \text{softmax}(W_y h_t + b_y)`: the output y_t it is of
_PROBABILITY = re.compile(r"(?:^|(?<=[&\n$]))([ \t]*(?:[pP]|\\Pr)\s*(?:\\left\s*)?\(\s*)([A-Za-z](?:_\{?[A-Za-z0-9]+\}?)?)"
                          r"(\s*(?:\\mid|\||;)[^()=\n]*(?:\([^()=\n]*\)[^()=\n]*)*(?:\\right\s*)?\))(?=\s*&?\s*=)")


def probabilities(out: list[str], start: int, end: int, written) -> None:
    """In out[start:end], `p(y_t \\mid ...)` on a left side as y_t: the distribution of the output the right side
    computes, where no equation uses y_t (a gate whose probability it is, `p(u_t \\mid h_{t-1})` beside
    `h_t = u_t \\odot ...`, is a stochastic unit: left as written, refused)."""
    region = region_text(out, start, end)
    for m in _PROBABILITY.finditer(region) if "(" in region and ("mid" in region or "|" in region) else ():
        if written(r"(?m)^[^\n]*=[^\n]*(?<![(\w\\{])" + re.escape(m.group(2)) + r"(?![\w{])"):
            continue  # (used in an equation: a stochastic unit)
        for g in (1, 3):
            out[start + m.start(g):start + m.end(g)] = [" "] * (m.end(g) - m.start(g))


# words after a row break, to the end of the line: the row's label (`... + W_{ci} c_{t-1}) \\\\  input gate`)
_WORDS_AFTER_BREAK = re.compile(r"\\\\[ \t]+([A-Za-z]{3,}(?:[ ,]+[A-Za-z]+){0,6})[ \t]*$", re.M)  # (a literal first: no look-behind)


def row_labels_after(out: list[str], start: int, end: int, _written) -> None:
    """In out[start:end], words after a row break on its line: the label of the row before it, as spaces."""
    region = region_text(out, start, end)
    for m in _WORDS_AFTER_BREAK.finditer(region) if "\\\\" in region else ():
        out[start + m.start(1):start + m.end(1)] = [" "] * (m.end(1) - m.start(1))


# `\left[\mathbf{X}_{(t)} \quad \mathbf{Y}_{(t-1)} \right]`: a space between two blocks of a bracket, a comma
_SPACED_BLOCKS = re.compile(r"\\left\s*\[([^\[\]\n=]*?[}\w)])\s*(\\q?quad)(?![A-Za-z])\s*(?=[\\\w{])[^\[\]\n=]*?\\right\s*\]")


def spaced_blocks(out: list[str], start: int, end: int, _written) -> None:
    """In out[start:end], `\\quad` between the two blocks of `\\left[ ... \\right]` as a comma."""
    region = region_text(out, start, end)
    for m in _SPACED_BLOCKS.finditer(region) if "quad" in region and "\\left" in region else ():
        out[start + m.start(2):start + m.end(2)] = [","] + [" "] * (m.end(2) - m.start(2) - 1)


# Markdown's bold around a letter of plain-text math: `**f**⁽ᵗ⁾ = σ( **W**_f **h**⁽ᵗ⁻¹⁾ + ...)`
_BOLD_LETTER = re.compile(r"\*\*([A-Za-z\u0370-\u03ff][\u0300-\u036f]?)\*\*")


def bold_letters(out: list[str], start: int, end: int, _written) -> None:
    """In out[start:end] (a line of plain text), the stars of Markdown's bold around one letter, as spaces."""
    region = region_text(out, start, end)
    for m in _BOLD_LETTER.finditer(region) if "**" in region else ():
        out[start + m.start():start + m.start() + 2] = [" ", " "]
        out[start + m.end() - 2:start + m.end()] = [" ", " "]


# Mathematica's calls: `Tanh[wi.xt+ws.st-1+b]`, `LogisticSigmoid[...]`: a function applied in square brackets
# (and `tanh[W_c [h_{t-1}, x_t] + b_c]`, `\\sigma[...]`: an activation applied in brackets, one argument, no comma at its top)
_BRACKET_CALL = re.compile(r"(?<![A-Za-z\\])(Tanh|LogisticSigmoid|Sigmoid|Ramp|Exp|\\?tanh|\\?sigma|sigmoid|σ|softmax)\s?\[")
_LOWERED = {"Tanh": "tanh", "LogisticSigmoid": "σ", "Sigmoid": "σ", "Ramp": "relu", "Exp": "exp"}


def bracket_calls(out: list[str], start: int, end: int, _written) -> None:
    """In out[start:end] (plain text), `Tanh[...]` as `tanh(...)` (its brackets as parentheses, the same length)."""
    region = region_text(out, start, end)
    for m in _BRACKET_CALL.finditer(region) if "[" in region else ():
        depth, k = 0, m.end() - 1
        for k in range(m.end() - 1, len(region)):
            depth += {"[": 1, "]": -1}.get(region[k], 0)
            if depth == 0:
                break
        if depth:
            continue
        if m.group(1) not in _LOWERED:  # tanh[...]: its brackets only, where they hold one argument
            inside = region[m.end():k]
            if re.search(r"[,;]", re.sub(r"\[[^\[\]]*\]|\([^()]*\)|\{[^{}]*\}", "", inside)):
                continue
            out[start + m.end() - 1], out[start + k] = "(", ")"
            continue
        name = _LOWERED[m.group(1)]
        out[start + m.start():start + m.end()] = list(name) + [" "] * (m.end() - m.start() - 1 - len(name)) + ["("]
        out[start + k] = ")"


# plain text's `(x)` for the elementwise product (⊗ typed out): `(R_t (x) H_{t-1}) * W_hh`, in a text with no signal x
_TYPED_OTIMES = re.compile(r"(?<=[\w)\]}])[ \t]+(\(x\))[ \t]+(?=[\w(\\])")


def typed_otimes(out: list[str], start: int, end: int, written) -> None:
    """In out[start:end], ` (x) ` between two operands as ⊙, where the text writes no signal x (x_t, x[t], x(t))."""
    region = region_text(out, start, end)
    if "(x)" not in region or written(r"(?<![\w\\])x(?:_\{?[\w-]|\[t|\(t|ₜ)"):
        return
    for m in _TYPED_OTIMES.finditer(region):
        out[start + m.start(1):start + m.end(1)] = [" ", "⊙", " "]


_RESPELLINGS = (
    (None, numbered_functions),
    (("bare",), own_names),
    (("bare",), bold_letters),
    (None, bracket_calls),
    (True, broadcast_dots),
    (True, plain_tildes),
    (False, braced_cells),
    (False, literal_newlines),
    (False, list_numbers),
    (False, step_sizes),
    (False, labelled_declarations),
    (None, function_rows),
    (False, glued_operands),
    (("latex",), glued_digits),
    (("latex",), glued_dots),
    (True, typed_otimes),
    (None, probabilities),
    (None, swapped_angles),
    (False, row_labels_after),
    (False, spaced_blocks),
    (None, lost_underscores),
    (None, definition_signs),
    (None, step_definitions),
    (None, alternatives),
    (False, and_definitions),
    (None, angle_steps),
    (True, greek_glued),
    (True, caret_steps),
    (False, bracketed_steps),
    (False, inner_marks),
    (False, ellipsis_rows),
    (False, row_remarks),
    (False, bracketed_display),
    (False, greek_braced),
    (None, dot_words),
)
