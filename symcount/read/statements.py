"""What a statement read in the math is, beyond an equation of the cell: a setting (h_0 = 0, the bound
of an initialisation), the range of the steps (t = 1, \\ldots, T), and the letter a text counts its
steps with (t; n or k where it writes S_{n-1} or x_{k+1})."""
from __future__ import annotations

from ..errors import replace
from . import nodes as N
from . import patterns as re  # re, with the package's patterns compiled ahead (read.patterns)


def constant_definition(eq: N.Equation, inline: bool = False) -> bool:
    """h_0 = 0, n = 2: a left side with no time index defined by numbers alone (h_0 = initial_h: the state
    at step 0 given by one symbol, too); in running text, also
    by the square roots of sizes spelled in words (`k = \\frac{1}{\\sqrt{\\text{hidden\\_size}}}`: the
    bound of an initialisation)."""
    if not isinstance(eq.lhs, N.Symbol) or eq.lhs.lag is not None:
        return False
    if all(isinstance(n, (N.Number, N.Neg, N.Binary)) for n in N.walk(eq.rhs)):
        return True
    if _AT_ZERO.search(eq.lhs.name) and isinstance(eq.rhs, N.Symbol) and eq.rhs.lag is None and not eq.also:
        return True  # h_0 = initial\_h: the state before the first step, given
    return inline and all(isinstance(n, (N.Number, N.Neg, N.Binary)) or (isinstance(n, N.Apply) and n.func == "\\sqrt")
                             or (isinstance(n, N.Symbol) and n.name.startswith(("\\text", "\\mathrm"))) for n in N.walk(eq.rhs))


def settings_of(eq: N.Equation, inline: bool = False) -> tuple[str, ...]:
    """The names an equation sets to a number (h_0 = 0; \\beta_h = \\beta_x = 0 in running text), or ()."""
    return (eq.lhs.name,) if constant_definition(eq, inline) else chained_setting(eq, inline)


def chained_setting(eq: N.Equation, inline: bool) -> tuple[str, ...]:
    """`We set $\\beta_h = \\beta_x = 0$`: in running text, a chain of plain names that ends in a number sets each
    name to it (the names; () for any other equation)."""
    if not (inline and eq.also and isinstance(eq.lhs, N.Symbol) and eq.lhs.lag is None):
        return ()
    names = (eq.lhs, eq.rhs) + eq.also[:-1]
    if not all(isinstance(x, N.Symbol) and x.lag is None for x in names):
        return ()
    last = eq.also[-1]
    return tuple(x.name for x in names) if all(isinstance(n, (N.Number, N.Neg)) for n in N.walk(last)) else ()


_AT_ZERO = re.compile(r"_\{?0\}?$")
_STEP = re.compile(r"[_^]\s*\{\s*(?:\\[,;!]\s*)?\(?\s*([tnksmjTi]|\\tau)\s*[-+]\s*1\s*\)?\s*\}"
                   r"|(?<![\\A-Za-z_^{])[A-Za-z}]\[\s*([tnksm])\s*[-+]\s*1\s*\]"  # or s[n-1], x^{(l)}[k+1]: signal processing's
                   r"|_\s*\{(?:[^{},=]|\{[^{}]*\}){1,20},\s*([nksmji]|\\tau)\s*[-+]\s*1\s*\}")  # or h_{\text{fw}, i - 1}: after a label


_CODED_STEP = re.compile("([\ue074\ue06e\ue06b\ue073\ue06d])[\ue02d\ue02b]\ue031")


def time_letter(text: str) -> str:
    """The letter a text counts steps with: t, unless it writes S_{n-1}, h^{n-1}, x_{k+1}, h_{s-1},
    h_{\\tau-1}, (a slide deck's) c_{j-1} or (a README's) h_{T+1}, and never _{t-1} (but in a remark's arrow, `s_{t-1} \\rightarrow s_t`)."""
    found, remarked = set(), False
    for m in _STEP.finditer(text):
        letter = m.group(1) or m.group(2) or m.group(3)
        if letter == "t" and _remark(text, m.start()):
            remarked = True  # (`the key part is $s_{t-1} \rightarrow s_t$` beside `s_i = \sigma(W s_{i-1} + ...)`: i)
            continue
        found.add(letter)
        if "t" in found:
            return "t"  # (t once in an equation is t: the rest of a long text is not looked at)
    found |= {"t"} if remarked and not found else set()
    if "\ue031" in text:  # s[n-1] (read.relations) and code's x[t-1] (read.codelines): their subscript, encoded
        found |= {chr(ord(m.group(1)) - 0xE000) for m in _CODED_STEP.finditer(text)}
    return "t" if "t" in found or not found else next(x for x in ("n", "k", "s", "m", "\\tau", "j", "T", "i") if x in found)


_ARROW = re.compile(r"\\(?:rightarrow|longrightarrow|to|mapsto)(?![A-Za-z])|→")
_ASSIGNS = re.compile(r"=|\\(?:gets|leftarrow)(?![A-Za-z])|←")


def _remark(text: str, at: int) -> bool:
    """Whether the line at `at` is a remark's arrow, `the key part is $s_{t-1} \\rightarrow s_t$`: an arrow and no
    equation (`=`, `\\gets`; a continuation line of a display, with neither, is the equation's)."""
    start, end = text.rfind("\n", 0, at) + 1, text.find("\n", at)
    line = text[start:end if end >= 0 else len(text)]
    return _ARROW.search(line) is not None and _ASSIGNS.search(line) is None


_STEP_LETTERS = ("t", "\\tau", "k", "s")


def time_range(eq: N.Equation, inline: bool = False) -> bool:
    """t = 1, t = \\tau, t = 0, 1, 2: the time index itself set to a number or a letter (the steps the
    equations run over), not an equation of the cell; in prose, also a letter set to it ("at time step $T = t$")."""
    plain = lambda x: isinstance(x, N.Number) or (isinstance(x, N.Symbol) and x.lag is None)  # noqa: E731
    if inline and not eq.also and isinstance(eq.lhs, N.Symbol) and eq.lhs.lag is None and len(eq.lhs.name) == 1 \
            and isinstance(eq.rhs, N.Symbol) and eq.rhs.lag is None and eq.rhs.name == "t" and not eq.rhs.font:
        return True
    return (isinstance(eq.lhs, N.Symbol) and eq.lhs.lag is None and eq.lhs.name in _STEP_LETTERS
            and all(plain(x) for x in (eq.rhs,) + eq.also))


# a cell's signature keyword that sets a Greek letter's value: `coRNNCell(in => out; gamma=0.0, epsilon=0.0, dt=1.0)`
# (not `init_alpha = 3.0`, nor another call's: `StepLR(..., gamma=0.5)`, `plt.plot(..., alpha=0.5)`)
_CELL_CALL = re.compile(r"\b[A-Za-z_]*(?:Cell|RNN|LSTM|GRU|Unit|cell)\w*\s*\((?!\s*nn\.Module)|\bdef\s+__init__\s*\(")
_KEYWORD_VALUE = re.compile(r"(?<![\w.])(alpha|beta|gamma|epsilon|eps|lambda|dt|tau|mu|kappa)\s*=\s*-?\s*\d+(?:\.\d*)?(?:[eE]-?\d+)?"
                            r"(?:f0|f32|f)?\s*[,);\n]")
_KEYWORD_GREEK = {"eps": ("\\epsilon", "\\varepsilon"), "epsilon": ("\\epsilon", "\\varepsilon"), "dt": ("\\Delta",)}


def keyword_settings(text: str, equations, settings) -> list[str]:
    """The Greek letters the equations use that a cell's signature sets to numbers (`gamma=0.0`, `dt=1.0`: \\gamma,
    \\Delta), less those already set and those the text makes learned (`nn.Parameter(torch.tensor(alpha))`, "a
    trainable scalar")."""
    if "=" not in text or "(" not in text or not any(w in text for w in ("Cell", "RNN", "LSTM", "GRU", "Unit", "cell", "__init__")):
        return []  # (no call of a cell nor an __init__: _CELL_CALL holds one of these words)
    used = {x.name for eq in equations for x in N.walk(eq.rhs) if isinstance(x, N.Symbol)}
    out: list[str] = []
    for call in _CELL_CALL.finditer(text):
        close = text.find(")", call.end(), call.end() + 800)
        for m in _KEYWORD_VALUE.finditer(text, call.end(), close + 1 if close > 0 else call.end()):
            word = m.group(1)
            if re.search(rf"Parameter\s*\([^()\n]*\b{word}\b|(?:trainable|learn\w*|parameter)\b[^.\n]{{0,40}}(?:\\{word}|\b{word}\b)"
                         rf"|(?:\\{word}|\b{word}\b)[^.\n]{{0,40}}\b(?:trainable|learn\w*)", text, re.I):
                continue
            for name in _KEYWORD_GREEK.get(word, ("\\" + word,)):
                if name in used and name not in out and name not in settings:
                    out.append(name)
    return out


def discretised(eq: N.Equation, inline: bool) -> bool:
    """`$A = \\exp(\\Delta A)$` in running text: a matrix's letter defined from itself and one more parameter, no time
    index anywhere (a state-space model's discretisation remarked on), not a step of the cell."""
    if not inline or eq.also or not isinstance(eq.lhs, N.Symbol) or eq.lhs.lag is not None or not eq.lhs.name[-1:].isupper():
        return False
    names = {x.name for x in N.walk(eq.rhs) if isinstance(x, N.Symbol)}
    return eq.lhs.name in names and len(names) == 2 and all(x.lag is None for x in N.walk(eq.rhs) if isinstance(x, N.Symbol))


def past_left(eq: N.Equation, inline: bool) -> bool:
    """`grad_{t-1} = (activation'(h_t) * grad_t) @ U^T` in running text: a value at the step before defined from its own
    value at a later step, a step of backpropagation, not of the cell."""
    if not (inline and isinstance(eq.lhs, N.Symbol) and eq.lhs.lag is not None and eq.lhs.lag > 0):
        return False  # (`c_{t-1} = f \circ c_{t-1}`, the state before updated in place, reads itself at its own step)
    return any(isinstance(x, N.Symbol) and x.name == eq.lhs.name and x.lag is not None and x.lag < eq.lhs.lag
               for side in (eq.rhs,) + eq.also for x in N.walk(side))


def restacked(eq: N.Equation, inline: bool) -> bool:
    """`$[a_{t-1}, x_t] = \\begin{bmatrix} a_{t-1} \\\\ x_t \\end{bmatrix}$` in running text: signals joined, written again
    stacked (a remark on the notation, the same signals on both sides and nothing else: no step of the cell)."""
    if not inline or not isinstance(eq.lhs, N.Concat):
        return False
    names = lambda side: sorted((x.name, x.lag) for x in N.walk(side) if isinstance(x, N.Symbol))  # noqa: E731
    return all(names(side) == names(eq.lhs) and isinstance(side, N.Concat) for side in (eq.rhs,) + eq.also)


def weights_stacked(eq: N.Equation, inline: bool) -> bool:
    """`$\\mathbf{W} = \\left[\\begin{array}{c} W_x \\\\ W_y \\end{array}\\right]$` in running text: a name for weights stacked (a
    remark on the notation: no signal on either side, no step of the cell; W is read where the equations use it)."""
    if not inline or eq.also or not isinstance(eq.lhs, N.Symbol) or eq.lhs.lag is not None or not isinstance(eq.rhs, N.Concat):
        return False
    items, letter = eq.rhs.items, _core_letter(eq.lhs.name)
    return len(items) >= 2 and letter in "WUVR" and all(
        isinstance(x, N.Symbol) and x.lag is None and x.name != eq.lhs.name and _core_letter(x.name) == letter for x in items)


def stacked_aside(equations: list) -> list:
    """The equations without those of weights_stacked whose blocks other equations use: `X_t W_x + Y_{t-1} W_y`, then
    `$W = [W_x; W_y]$` and `[X_t\\; Y_{t-1}] W` (W a name for the blocks, both forms the same cell). Where no other
    equation uses the blocks, W's definition stays (the blocks it is made of, read so)."""
    def others(eq) -> set:
        return {x.name for o in equations if o is not eq for side in (o.rhs,) + o.also for x in N.walk(side)
                if isinstance(x, N.Symbol)}
    return [eq for eq in equations if not (weights_stacked(eq, eq.inline) and {x.name for x in eq.rhs.items} <= others(eq))]


def _core_letter(name: str) -> str:
    """W of \\mathbf{W}_x, \\boldsymbol{W}, W_{hh}: the letter a weight's name is made on."""
    return re.sub(r"\\[A-Za-z]+\s*\{|[{}\s]", "", name)[:1]


def activation_defined(eq: N.Equation, inline: bool) -> bool:
    """`$y = \\mathrm{tanh}(x) = \\frac{e^x - e^{-x}}{e^x + e^{-x}}$` in running text: an activation of a plain letter
    and what it is, no time index anywhere (a remark on the function, not a step of the cell)."""
    if not inline or not eq.also or not isinstance(eq.lhs, N.Symbol) or eq.lhs.lag is not None:
        return False
    sides = (eq.rhs,) + eq.also
    if any(isinstance(x, N.Symbol) and x.lag is not None for side in sides for x in N.walk(side)):
        return False
    letters = {re.sub(r"\^.*$", "", x.name) for side in (eq.lhs,) + sides for x in N.walk(side) if isinstance(x, N.Symbol)}
    if len(letters - {"e"}) > 2:
        return False  # (`z = \\sigma(a) = \\sigma(W_z x + U_z h + b_z)`: the cell's own step)
    return any(isinstance(side, N.Apply) and isinstance(side.arg, N.Symbol) and side.arg.lag is None and len(side.arg.name) == 1
               and re.sub(r"\\(?:mathrm|operatorname|text)\{(\w+)\}", r"\1", side.func).lstrip("\\") in _ACTIVATIONS for side in sides)


_ACTIVATIONS = frozenset("tanh sigma sigmoid sigm relu ReLU softplus σ".split())


_TRANSPOSED_END = ("\\top", "^T", "\\intercal", "\\mathsf{T}", "\\mathrm{T}", "ᵀ")


def chain_goes_on(body: str, eq) -> bool:
    """Whether a chain goes on at the `=` token eq (offsets into body, the region's text) after a side that is
    no single symbol: the side ends with a parenthesis or a bracket, or with a transpose (`k_t^\\top = ...`:
    no left side is one), or the next side writes its last symbol out after the same first factor
    (`h_t = W_{hr}\\, h_t' = W_{hr}\\,(o_t \\odot \\tanh(c_t))`); else `h_t = W x_t y_t = U x_t` lacks a separator."""
    before = body[:eq.start_pos].rstrip()
    if before[-1:] in (")", "]", "}") or before.endswith(_TRANSPOSED_END):
        return True
    after = body[eq.end_pos:].lstrip()
    side = before[before.rfind("=") + 1:]
    if _BIG_OPERATOR.match(after) and "(" not in side and "\\text" not in side:
        return True  # `o_n = Q_n s_n = \\sum_{m=1}^n ...`: a product before it, and no left side starts with a sum
    head = _HEAD.search(body, max(0, eq.start_pos - 300), eq.start_pos)  # (a window: the side before it)
    return head is not None and after.startswith(head.group(1)) and _OPENS.match(after, len(head.group(1))) is not None


_BIG_OPERATOR = re.compile(r"&?\s*(?:\\(?:sum|prod|int)(?![A-Za-z])|[∑∏∫])")
# the first factor of the side before `=`, then a last factor (the side is `W_{hr}\, h_t'`)
_HEAD = re.compile(r"=\s*&?\s*(\\?[A-Za-z]+(?:_\{[^{}]*\}|_[A-Za-z0-9])?)(?:\\[,;:! ]|\s)*\\?[A-Za-z][^=]*$")
_OPENS = re.compile(r"(?:\\[,;:! ]|\s)*(?:\\left\s*)?\(")


def _restated_weights(cell: N.Cell, eq: N.Equation) -> bool:
    """Every lower-case-led name on eq's right side (its weights: W_x, not the batch's X_t or H_{t-1}) is one another
    equation uses (`$O_t = W_q h_t + b_q$` brings an output layer of its own: not the output gate restated)."""
    others = {x.name for e in cell.equations if e is not eq for x in N.walk(e.rhs) if isinstance(x, N.Symbol)}
    mine = {x.name for x in N.walk(eq.rhs) if isinstance(x, N.Symbol)}
    capitals = {n for n in mine if n[:1].isupper() and n.lower() in {o.lower() for o in others} and n not in others}
    return all(n in others for n in mine - capitals)


def remarks(cell: N.Cell, notes: list[str]) -> N.Cell:
    """An equation in running text that defines again what displayed math defines ("that is,
    $h_t = h_{t-1}$ when z_t = 1") is a remark on the cell, not part of it."""
    if not any(eq.inline for eq in cell.equations):
        return cell  # (only an equation in running text is one: no walk)
    shown = {eq.lhs.name for eq in cell.equations if not eq.inline and isinstance(eq.lhs, N.Symbol)}
    lower = {eq.lhs.name.lower() for eq in cell.equations if isinstance(eq.lhs, N.Symbol) and eq.lhs.name.islower()}  # (`$A = X_t W_x
    # + H_{t-1} W_h$` after a = ...: the same step over a batch, in capitals)
    named = [x.name for eq in cell.equations for x in N.walk(eq.rhs) if isinstance(x, N.Symbol)]
    kept = []
    for eq in cell.equations:
        reads_itself = any(isinstance(x, N.Symbol) and x.name == getattr(eq.lhs, "name", None) and x.lag == eq.lhs.lag
                           for x in N.walk(eq.rhs))  # an update (h_t = W_{hr} h_t): not a remark
        batched = isinstance(eq.lhs, N.Symbol) and eq.lhs.name not in shown and eq.lhs.name != eq.lhs.name.lower() \
            and eq.lhs.name.lower() in lower and eq.lhs.name not in named and _restated_weights(cell, eq)
        if eq.inline and isinstance(eq.lhs, N.Symbol) and (eq.lhs.name in shown or batched) and not reads_itself \
                and not alone_on_its_line(cell.source.text, eq.span):
            notes.append(f"{' '.join(cell.source.slice(eq.span).split())} at {cell.source.where(eq.span)} is in "
                         + ("running text and restates a signal the displayed equations define" if not batched else
                          f"running text and restates {eq.lhs.name.lower()} in capitals (over a batch)") + ": read as a remark")
            continue
        kept.append(eq)
    if len(kept) == len(cell.equations):
        return cell
    left = {x.name for eq in kept for side in (eq.lhs, eq.rhs) + eq.also for x in N.walk(side) if isinstance(x, N.Symbol)}
    gone = {x.name for eq in cell.equations if eq not in kept for x in N.walk(eq.lhs) if isinstance(x, N.Symbol)} \
        | {x.name for eq in cell.equations if eq not in kept for x in N.walk(eq.rhs) if isinstance(x, N.Symbol)}
    decls = tuple(d for d in cell.declarations if not all(x.name in gone and x.name not in left for x in d.symbols))
    return replace(cell, equations=tuple(kept), declarations=decls)  # (the remark's own declarations go with it: a batch X_t)


def alone_on_its_line(text: str, span) -> bool:
    """`${\\bf O}_t=\\phi(...)$` on a line of its own (under a heading "Output"): shown as a display is, not in
    running text."""
    start, end = text.rfind("\n", 0, span.start) + 1, text.find("\n", span.end)
    rest = text[start:span.start] + text[span.end:end if end >= 0 else len(text)]
    return not rest.strip(" \t$.,;:")


class Signature:
    """y_t, h_t = f(x_t, h_{t-1}): what the cell maps to what, not an equation to count."""

    def __init__(self, span: N.Span) -> None:
        self.span = span


class Continuation:
    """A row that goes on with the equation before it: `& = c_{t-1} + ...`."""

    def __init__(self, sides: tuple, span: N.Span) -> None:
        self.sides, self.span = sides, span
