"""Which symbols are numbers and not weights: the scalars a text learns or fixes (a Greek letter that
scales a vector, a state space's step), counts (\\frac{1}{N}), constants chosen in a range, the
identity matrix, exponents. Read off the AST before any shape is known, for shapes.roles."""
from __future__ import annotations

from ..read import nodes as N
from ..read import patterns as re  # re, with the package's patterns compiled ahead (read.patterns)
from ..read.words import kind
from ..errors import ShapeError
from ..read.choices import Choice, current, key
from ..read.coefficients import is_size_root
from ..read.glossary import CONTRAST_WORDS, Glossary, clauses, plain
from ..read.names import GREEK
from .gates import symbols_with_parents
from ..read.cellwalk import right_nodes

_LOWER_GREEK = frozenset("\\" + g for g in GREEK if g[0].islower())
_STEP_GREEK = frozenset({"\\Delta"})  # a state space's step (\exp(\Delta A)), undeclared, before a factor: one number
# "one learned decay rate per hidden unit": a letter of one entry per unit, a vector (not one number)
PER_UNIT = re.compile(r"\bper[\s-]+(?:hidden[\s-]+)?(?:unit|neuron|channel|dimension|element|entry|feature|cell)|\b(?:each|every)\s+(?:hidden\s+)?(?:unit|neuron|channel)"
                      r"|\bone\s+per\s+(?:unit|neuron|channel)|\bvector\s+of\s+(?:learn\w+|trainable)", re.I)
IDENTITY = frozenset(("I", "\\mathbb{I}", "\\mathbb{1}"))  # the identity matrix: no parameters, never an input


def sides(eq: N.Equation) -> tuple:
    """The equation's sides: its left side, its right side, and the further ones of a chain."""
    return (eq.lhs, eq.rhs) + eq.also


def counts(cell: N.Cell) -> set[str]:
    """Symbols only ever written as 1/N (\\frac{1}{H} \\sum_i a_i: the number of things summed) or
    1/\\sqrt{d} (a scale: xLSTM's k_t = \\frac{1}{\\sqrt{d}} W_k x_t), or as the root of a size anywhere (/ \\sqrt{d_k})."""
    if not any(n.op == "divide" for n in right_nodes(cell, N.Binary)) and not any(map(is_size_root, right_nodes(cell, N.Apply))):
        return set()  # no division, no root: none (a long cell's common case, without its walks)
    divisors, other = set(), set()
    for eq in cell.equations:
        for side in sides(eq)[1:]:
            for n in N.walk(side):
                if isinstance(n, N.Binary) and n.op == "divide" and isinstance(n.left, N.Number):
                    right = n.right
                    if isinstance(right, N.Apply) and right.func.strip() == "\\sqrt" and isinstance(right.arg, N.Symbol):
                        right = right.arg
                    if isinstance(right, N.Symbol):
                        divisors.add(id(right))
                elif is_size_root(n):  # q_t \circ k_t / \sqrt{d_k}, (q \circ k) \cdot \sqrt{d_{state}}: a size's root, a scale
                    divisors.add(id(n.arg))
            other |= {x.name for x in N.walk(side) if isinstance(x, N.Symbol) and id(x) not in divisors}
    names = {x.name for eq in cell.equations for side in sides(eq)[1:] for x in N.walk(side)
             if isinstance(x, N.Symbol) and id(x) in divisors}
    return names - other


def _scaling(cell: N.Cell) -> set[str]:
    """Symbols written right before another factor (\\alpha h, \\zeta (1 - z)), or seen only through an
    activation (sigmoid(beta) * h, FastRNN's; sigmoid(nu) added, FastGRNN's): coefficients."""
    out = set()
    for eq in cell.equations:
        for side in sides(eq):
            for n in N.walk(side):
                if isinstance(n, N.Binary) and n.op == "matmul" and isinstance(n.left, N.Symbol):
                    out.add(n.left.name)
                elif isinstance(n, N.Binary) and n.op == "star" and isinstance(n.left, N.Symbol) and n.left.name in _LOWER_GREEK \
                        and not PER_UNIT.search(cell.prose):
                    out.add(n.left.name)  # alpha * f(...): a Greek letter times what follows, as \alpha f(...)
                elif isinstance(n, N.Apply) and isinstance(n.arg, N.Symbol) and n.arg.lag is None and not n.each \
                        and kind(n.func) == "activation":
                    out.add(n.arg.name)
    return out


def identities(cell: N.Cell, names: set[str], first: dict, notes: list[str]) -> set[str]:
    """I, \\mathbb{1}: the identity matrix, no parameters. A plain I that multiplies what another capital letter
    multiplies too (`\\sigma(F \\tilde{x}^t)`, `\\sigma(I \\tilde{x}^t)`: the input gate's weight beside the forget
    gate's) is the identity or a weight, both readings solved (one that does not fit the shapes pruned)."""
    found = names & IDENTITY
    if "I" in found and _beside_weights(cell) and not _IDENTITY_SAID.search(cell.prose) and current().pick(Choice(
            "I", ("identity", "weight"), cell.source.where(first["I"].span), "I the identity matrix or a weight")) == "weight":
        found = found - {"I"}
        notes.append(f"I at {cell.source.where(first['I'].span)} multiplies what other capital letters multiply: a weight")
    notes.extend(f"{n} at {cell.source.where(first[n].span)} reads as the identity matrix: no parameters" for n in sorted(found))
    return found


# "where $I$ is the identity matrix", "the identity matrix $I$": the prose says which
_IDENTITY_SAID = re.compile(r"\$\s*I\s*\$[^.\n]{0,60}\bidentit|\bidentit[a-z]*\s+(?:matrix\s+)?\$\s*I\s*\$|单位矩阵|単位行列", re.I)


def _beside_weights(cell: N.Cell) -> bool:
    """Whether I multiplies something that another capital letter (a weight) multiplies too."""
    products = [n for n in right_nodes(cell, N.Binary) if n.op == "matmul" and n.left.__class__ is N.Symbol
                and n.left.lag is None and n.left.name[:1].isupper() and len(n.left.name) <= 2]
    if any(n.op in ("add", "sub") and "I" in (getattr(n.left, "name", ""), getattr(n.right, "name", ""))
           for n in right_nodes(cell, N.Binary)):
        return False  # (I - A), I + W: the identity, which a sum shows
    table: dict = {}  # (one numbering for every key compared)
    right = {N.key(n.right, table) for n in products if n.left.name == "I"}
    return any(n.left.name != "I" and N.key(n.right, table) in right for n in products) if right else False


def ranged(cell: N.Cell, uses, signals, gloss, notes: list[str]) -> set[str]:
    """f_{min} \\in [0.5, 0.9]: a number the text has one choose in a range, a constant (unless the prose
    says it is learned)."""
    out = set()
    for d in cell.declarations if any(d.field == "range" for d in cell.declarations) else ():
        for sym in d.symbols if d.field == "range" and d.rows is None else ():
            if sym.name in uses and sym.name not in signals and gloss.letters.get(sym.name) != "learned":
                out.add(sym.name)
                notes.append(f"{sym.text} at {cell.source.where(sym.span)} is a number chosen in a range: a constant, not counted")
    return out


def valued(cell: N.Cell, uses, signals, gloss, notes: list[str]) -> set[str]:
    """`r = [0.5, 0.9, 0.99, \\ldots]^\\top`: a name whose values the text writes out as numbers, a constant (unless
    the prose says it is learned)."""
    text, out = cell.source.text, set()
    found = list(_VALUES.finditer(text)) if "=" in text and _LISTED_NUMBER.search(text) else []  # (a quick test first)
    if not found:
        return out
    flat = {re.sub(r"[{}\s]", "", n): n for n in uses if n not in signals and gloss.letters.get(n) != "learned"}
    for m in found:
        name = flat.get(re.sub(r"[{}\s]", "", m.group("name")))
        said = _FIXED.search(text, max(0, m.start() - 150), m.end() + 150)  # (not a starting value: "initialise b_f = (1, ...)")
        if name is not None and name not in out and said is not None:
            out.add(name)
            notes.append(f"{name} at {cell.source.where(N.Span(m.start(), m.end()))} has its values written out as numbers: "
                         "a constant, not counted")
    return out


# "D ∈ ℝ (feedthrough, usually 0)": a weight the text says is often left out; counted, or not (a reading each)
# (its words' first letters looked ahead first: a quick test at each character before \b and the words)
_HEDGED = re.compile(r"(?=[uotcfmi])\b(?:usually|often|typically|commonly|frequently|mostly|in practice)\s+(?:set\s+to\s+|fixed\s+(?:at|to)\s+)?"
                     r"(?:0|zero|omitted|dropped|left\s+out|ignored|not\s+used)(?![-\w])(?!\s+(?:at|during|when|in|for|before|after)\b)", re.I)


def hedged(cell: N.Cell, uses, signals, notes: list[str]) -> set[str]:
    """The weights a legend line declares and says are usually zero or left out (`D ∈ ℝ (feedthrough, usually 0)`,
    not "zero-initialized", not "0 at inference"): each a reading, a parameter (counted) or zero; those read as zero."""
    text, out = cell.source.text, set()
    for m in _HEDGED.finditer(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        line = text[line_start:m.start()]
        names = [n for n in uses if n not in signals and re.search(r"(?<![\w\\])" + re.escape(n) + r"(?![\w{])\s*[$`]?\s*(?:∈|\\in\b)", line)]
        if len(names) != 1:
            continue
        name = names[0]
        where = cell.source.where(N.Span(m.start(), m.end()))
        if current().pick(Choice(key(name), ("parameter", "zero"), where, f"{name}, usually zero or left out: "
                                 "a learned parameter, or not there")) == "zero":
            out.add(name)
            notes.append(f"{name} at {where} is read as zero (the text says it usually is): not counted")
    return out


def divisors(cell: N.Cell, names: set[str], constants: set[str], gloss, first: dict, notes: list[str]) -> set[str]:
    """Names only ever a divisor of 1 (\\frac{1}{\\sqrt{d}}) or a size under a root: counts, constants; but a name the
    prose says is learned stays a parameter (learned per unit, where the equations divide by one number: refused), and
    a time constant \\tau the prose says nothing of is either (a reading each)."""
    out = set()
    for name in sorted(names):  # (a learned scalar is not among them: it stays one)
        if gloss.letters.get(name) == "learned" or name in _TIME_CONSTANTS and name not in constants and current().pick(
                Choice(key(name), ("constant", "learned"), cell.source.where(first[name].span),
                       f"{name}, a time constant: set, or learned")) == "learned":
            if gloss.letters.get(name) == "learned" and PER_UNIT.search(cell.prose):
                raise ShapeError(f"the prose says {name} is learned per unit, but the equations divide by it as one number",
                                 source=cell.source, span=first[name].span,
                                 hint=f"declare its shape, e.g. {name} \\in \\mathbb{{R}}^{{d_h}}")
            continue  # 1/\\tau where the text learns \\tau (or may): a parameter, shaped by its uses
        out.add(name)
        notes.append(f"{name} at {cell.source.where(first[name].span)} is only ever a divisor of 1 (\\frac{{1}}{{{name}}} or "
                     f"\\frac{{1}}{{\\sqrt{{{name}}}}}) or a size under a root (\\sqrt{{{name}}}): read as a count, a constant")
    return out


_TIME_CONSTANTS = frozenset(("\\tau",))  # a divisor of 1 that a cell may learn: its time constant


def bounds(uses, signals, first: dict, gloss, where, notes: list[str], prose: str = "") -> set[str]:
    """\\tau_{min} + \\operatorname{softplus}(...): a name whose subscript says it is a bound (min, max) may be a set
    constant or a learned vector, and the text that says neither leaves both readings (compared, refused where the
    counts differ); the prose's word (learned, fixed) picks one. So with a vector the prose calls "a constant"."""
    out = set()
    said_constant = {plain(m.group(1)): m.group("set") for m in _SAID_CONSTANT.finditer(prose)} if "constant" in prose else {}
    for name in sorted(n for n in uses if n not in signals and (_BOUND.search(n) or plain(n) in said_constant)):
        learned = plain(name) in said_constant and _learned_anywhere(prose, plain(name))  # (then neither word settles it)
        said = None if learned else "constant" if said_constant.get(plain(name)) and key(name) not in current().settled \
            else gloss.letters.get(name)
        if said is None:
            said = current().pick(Choice(key(name), ("constant", "learned"), where(first[name].span), f"{name}, "
                                         + ("a bound" if _BOUND.search(name) else "said to be a constant")
                                         + ": a set value or a learned parameter"))
        if said == "constant":
            out.add(name)
            notes.append(f"{name} at {where(first[name].span)} reads as a {'bound' if _BOUND.search(name) else 'constant'} "
                         "the text sets: not counted")
    return out


def _learned_anywhere(prose: str, name: str) -> bool:
    """Whether the prose speaks of learning anywhere ("In our implementation this scalar is a trainable parameter", "it
    is learned jointly"): a number set is then no settled constant (a pronoun may carry the name anywhere)."""
    return _LEARN_WORD.search(prose) is not None


# "$\mathbf{b}$ is a constant": a vector the prose calls constant (set, or a learned bias that does not change in time?)
# ("$c$ is a scalar constant set to $8$": a number, a constant whatever else is said)
_SAID_CONSTANT = re.compile(r"\$\s*([^$]{1,30}?)\s*\$\s+(?:is|are)\s+(?:a\s+)?(?:scalar\s+)?"
                            r"constants?\b(?!\s+(?:of|in|over|across))(?P<set>\s+(?:set\s+to|equal\s+to|fixed\s+(?:at|to))\s+\$?\s*-?\d)?", re.I)
_BOUND = re.compile(r"^\\[A-Za-z]+_\{?\\?(?:min|max|mathrm\{(?:min|max)\}|text\{(?:min|max)\})\}?$")
_FIXED = re.compile(r"\b(?:fixed|constants?|never\s+(?:trained|learned|learnt)|not\s+(?:trained|learned|learnt)|frozen|hyper-?parameters?)\b", re.I)
_FIXED_TIME_CONSTANT = re.compile(r"\b(?:fixed|constant|non-?learn(?:ed|able)|non-?trainable)\s+time[- ]constants?\b"
                                  r"|\btime[- ]constants?\s+(?:is|are)\s+(?:fixed|not\s+(?:learned|learnt|trained))\b", re.I)
_LEARN_WORD = re.compile(r"\blearn|\btrain(?:ed|able)\b|\boptimi[sz]|\bfitted\b|\bbackprop|\bgradient\s+descent", re.I)
_CONTRAST = re.compile(r"\b(?:" + CONTRAST_WORDS + r"|classic)\b", re.I)


def _fixed_time_constant(prose: str) -> bool:
    """"a fixed time constant" said of the text's own cell, not in a sentence that sets another against it."""
    for m in _FIXED_TIME_CONSTANT.finditer(prose):
        start = max(prose.rfind(".", 0, m.start()), prose.rfind("\n", 0, m.start())) + 1
        end = prose.find(".", m.end())
        if not _CONTRAST.search(prose[start:end if end >= 0 else len(prose)]):
            return True
    return False
_EULER_STEP = re.compile(r"\b(?:time[- ]?step|step[- ]size|integration\s+step|Euler\s+(?:integration|method|step|update))\b", re.I)
# a name set to numbers written out, `r = [0.5, 0.9, 0.99, \ldots]`: its values, a constant
_LISTED_NUMBER = re.compile(r"[\[(]\s*-?\d+(?:\.\d+)?\s*,")  # how each match of _VALUES ends
_VALUES = re.compile(r"(?<![\w\\])(?P<name>\\?[A-Za-z]+(?:_\{?[A-Za-z0-9,]+\}?)?)\s*=\s*(?:\\left\s*)?[\[(]\s*-?\d+(?:\.\d+)?\s*,")


def greek(cell: N.Cell, params: set[str], gloss: Glossary, notes: list[str]) -> tuple[set[str], set[str]]:
    """A plain lower-case Greek letter that scales a vector (\\alpha \\tilde{h}_t), or any plain one
    in a text that writes its weights in bold, is a scalar: learned (the text says so) or a constant
    (the text fixes it, or sets it to a number). One the text says nothing of cannot be counted. A
    Greek letter added like a bias in a text without bold weights (\\Theta x_t + \\beta) is a weight
    like any other, and so is a bold one (\\boldsymbol{\\lambda}). A state space's step \\Delta, written
    before a factor with no declaration (\\bar{A} = \\exp(\\Delta A)), is one number as the small ones are."""
    scalars, constants = set(), set()
    if cell.settings:
        constants |= _set_norm_arguments(cell, params, gloss, notes)
    coefficients = _in_coefficients(cell)
    settings = _set_coefficients(cell)  # c in `where $c = 8$`: a number the text sets, a coefficient
    if not any(name in _LOWER_GREEK or name in coefficients or name in _STEP_GREEK or name in settings for name in params):
        return scalars, constants  # no Greek letter, no coefficient: nothing to decide (a long cell's common case)
    occurrences = [(s, parent) for eq in cell.equations for s, parent in symbols_with_parents(eq)
                   if s.lag is None and s.name in params]
    bold = sum(1 for s, _ in occurrences if s.font) * 2 >= len(occurrences) > 0
    in_args = {x.name for eq in cell.equations for side in sides(eq) for n in N.walk(side, into=N.Tuple)
               if isinstance(n, N.Tuple) for x in N.walk(n) if isinstance(x, N.Symbol)}
    scaling = _scaling(cell)
    fractions = coefficients - counts(cell)  # \frac{1}{1-d_x} z_x: d_x a scalar (1/N: a count)
    declared = {x.name for d in cell.declarations for x in d.symbols}
    for name in sorted(params - in_args):
        if name not in _LOWER_GREEK and name not in fractions and name not in settings \
                and not (name in _STEP_GREEK and name in scaling and name not in declared):
            continue
        sym = next(s for s, _ in occurrences if s.name == name)
        if _called_matrix(cell.prose, name):
            continue  # "a learned recurrent matrix $\\Delta$": a weight, shaped by its uses
        small = name in ("\\epsilon", "\\varepsilon")
        if sym.font:
            notes.append(f"{sym.text} at {cell.source.where(sym.span)} is a bold Greek letter: read as a weight "
                         "(a vector or matrix), shaped by its uses")
            continue
        said = "constant" if name in cell.settings else gloss.letters.get(name)
        if said == "learned" and PER_UNIT.search(cell.prose):
            _per_unit_step(cell, name, sym)
            continue  # "the leak rate \alpha is learned per unit": a vector, shaped by its uses (no scalar)
        if said is None and not _LEARN_WORD.search(cell.prose) and (name == "\\tau" and _fixed_time_constant(cell.prose)
                             or name == "\\Delta" and _EULER_STEP.search(cell.prose) and "\\Delta t" in cell.source.text.replace("%20", " ")):
            said = "constant"  # "fixed time constant" (\tau); "scaled by the timestep \Delta t" (an Euler step's size)
        by = "the text fixes"  # or the reading explored, where the text says nothing
        if not (bold or name in scaling or name in fractions or small or said == "constant"):
            continue
        if said is None and small:
            constants.add(name)  # the small number that keeps a division or a root away from zero
            notes.append(f"{name} at {cell.source.where(sym.span)} reads as a small constant that keeps a division "
                         "away from zero: not counted")
            continue
        if said is None:  # the text says nothing: both readings, solved and compared
            by = "(one reading the text allows)"
            said = current().pick(Choice(key(name), ("constant", "learned"), cell.source.where(sym.span),
                                         f"{name} a constant or a learned scalar"))
        (constants if said == "constant" else scalars).add(name)
        notes.append(f"{name} at {cell.source.where(sym.span)} reads as a "
                     + (f"constant {by}: not counted" if said == "constant" else "learned scalar (1 parameter)"))
    return scalars, constants


def _per_unit_step(cell: N.Cell, name: str, sym: N.Symbol) -> None:
    """An Euler step `\\Delta t` learned per unit: how it scales the update is not written (refused)."""
    if name == "\\Delta" and "\\Delta t" in cell.source.text.replace("%20", " "):
        raise ShapeError(f"{name} t at {cell.source.where(sym.span)}, an Euler step, is learned per unit: how it "
                         "scales the update (entry by entry, one per unit) is not written", source=cell.source,
                         span=sym.span, hint="write the step as a vector times the update entry by entry, "
                         "\\Delta t \\odot (...), with \\Delta t \\in \\mathbb{R}^{n}")


def _called_matrix(prose: str, name: str) -> bool:
    """The prose calls the letter a matrix: "a learned recurrent matrix $\\Delta$", "$\\Delta$ is a matrix"."""
    if "matri" not in prose:
        return False
    letter = re.escape(name) + r"(?![A-Za-z])"
    return re.search(r"matri(?:x|ces)[^.$\n]{0,20}\$\s*" + letter + r"\s*\$|\$\s*" + letter + r"\s*\$[^.$\n]{0,30}\bmatri(?:x|ces)",
                     prose) is not None


def _set_norm_arguments(cell: N.Cell, params: set[str], gloss: Glossary, notes: list[str]) -> set[str]:
    """A normalisation's gain or bias that the text sets to a number (`\\mathrm{BN}(z; \\gamma, \\beta)` and `We set
    $\\beta = 0$`): fixed there (a constant, not counted) or given its initial value (learned); unless the prose
    says which, both readings are solved."""
    out = set()
    args = {x.name: x for eq in cell.equations for side in sides(eq) for n in N.walk(side, into=N.Tuple)
            if isinstance(n, N.Apply) and isinstance(n.arg, N.Tuple) for x in n.arg.items[1:] if isinstance(x, N.Symbol)}
    for name in sorted(set(cell.settings) & set(args) & params):
        sym = args[name]
        said = gloss.letters.get(name) or current().pick(Choice(key(name), ("constant", "learned"), cell.source.where(sym.span),
                                                                f"{name}, set to a number: fixed or its initial value"))
        if said == "constant":
            out.add(name)
        notes.append(f"{sym.text} at {cell.source.where(sym.span)} is set to a number in the text: read as "
                     + ("fixed there (a constant, not counted)" if said == "constant" else "its initial value (learned)"))
    return out


def _set_coefficients(cell: N.Cell) -> set[str]:
    """The single lower-case letters the text sets to a number (`where $c = 8$`) and never adds: a constant
    coefficient, whatever its letter. (A bias set to a value, `$b_f = 1$`, is its initial value: still
    counted; so is a weight, `$W = 0$`.)"""
    letters = {n for n in cell.settings if len(n) == 1 and n.islower()}
    if not letters:
        return set()
    added = {x.name for eq in cell.equations for side in sides(eq) for n in N.walk(side)
             if isinstance(n, N.Binary) and n.op in ("add", "sub") for x in (n.left, n.right) if isinstance(x, N.Symbol)}
    return letters - added


def _in_coefficients(cell: N.Cell) -> set[str]:
    """Symbols written only in fractions that stand before a factor (\\frac{1}{1-d_x} z_x: a coefficient,
    shapes.rules reads it as one number)."""
    if not any(n.op == "matmul" and n.left.__class__ is N.Binary and n.left.op == "divide" for n in right_nodes(cell, N.Binary)):
        return set()  # no fraction before a factor (a long cell's common case, without its walks)
    inside, other = set(), set()
    for eq in cell.equations:
        for side in sides(eq)[1:]:
            for n in N.walk(side):
                if isinstance(n, N.Binary) and n.op == "matmul" and not n.explicit and isinstance(n.left, N.Binary) \
                        and n.left.op == "divide":
                    inside |= {id(x) for x in N.walk(n.left) if isinstance(x, N.Symbol)}
            other |= {x.name for x in N.walk(side) if isinstance(x, N.Symbol) and id(x) not in inside}
    names = {x.name for eq in cell.equations for side in sides(eq)[1:] for x in N.walk(side)
             if isinstance(x, N.Symbol) and id(x) in inside}
    return names - other


def exponents(cell: N.Cell, gloss: Glossary, notes: list[str]) -> None:
    """A symbol in a power's exponent (\\sigma(z)^{1/\\tau}) is a constant the text fixes: no parameter,
    said in a note. One the text calls learned is refused (a learned exponent is not counted yet)."""
    seen: set[str] = set()
    for eq in cell.equations:
        for side in sides(eq):
            for n in N.walk(side):
                for sym in N.exponent_symbols(n.exponent) if isinstance(n, N.Power) else ():
                    if sym.name in seen:
                        continue
                    seen.add(sym.name)
                    where = cell.source.where(sym.span)
                    if gloss.letters.get(sym.name) == "learned" and sym.name not in cell.settings:
                        raise ShapeError(f"{sym.text} is learned, the text says, and stands in an exponent: a learned "
                                         "exponent is not counted", source=cell.source, span=sym.span,
                                         hint=f"a constant exponent is read: say {sym.text} is fixed (\\tau = 16)")
                    fixed = "the text sets it" if sym.name in cell.settings else "the text gives it no value"
                    notes.append(f"{sym.text} in the exponent at {where} reads as a constant ({fixed}): not counted")


# "a learnable scalar gain $h$", "$k$ is a trainable scalar": a Latin letter the prose calls one learned number, the
# words right beside it (not "$\alpha$ is a learnable scalar and $W$ a matrix", "not a scalar", "scalar entries of $D$")
_SCALAR_WORD = re.compile(r"\bscalar\b", re.I)
_SCALAR_LEARN = re.compile(r"\b(?:learn(?:ed|able|t)|trainable)\b", re.I)
_SCALAR_NOUN = r"(?:gain|step|weight|parameter|factor|bias|coefficient|scale|offset|multiplier)"
_SCALAR_BEFORE = r"\b(?:learn(?:ed|able|t)|trainable)\s+scalar(?:\s+" + _SCALAR_NOUN + r")?\s+"
_SCALAR_AFTER = (r"\s+(?:(?:is|denotes)\s+)?(?:a|one|as\s+a)\s+(?:single\s+)?(?:learn(?:ed|able|t)|trainable)\s+scalar\b"
                 r"(?!\s+(?:readout|projection|output|map|layer|vector|function|field|transform))")


def called_scalars(prose: str, params: set[str], notes: list[str]) -> set[str]:
    """The plain Latin letters the prose calls a learned scalar, in a sentence of its own text (not one that sets
    another model against it, nor one that makes it per unit): each one number, counted once."""
    if "calar" not in prose:
        return set()
    out = set()
    for sentence in clauses(prose):
        if not (_SCALAR_WORD.search(sentence) and _SCALAR_LEARN.search(sentence)) or _CONTRAST.search(sentence) \
                or PER_UNIT.search(sentence) or re.search(r"\b(?:not|never|no)\b", sentence, re.I):
            continue
        for name in sorted(params):
            if not re.fullmatch(r"[A-Za-z](?:_\{?[A-Za-z0-9]+\}?)?", name):
                continue
            letter = r"\$\s*(?-i:" + re.escape(name).replace(r"_", r"_\{?").replace(r"\}", "") + r")\}?\s*\$"  # (its case kept)
            bare = r"|" + _SCALAR_BEFORE + "(?-i:" + name + r")(?![\w$])" if len(name) == 1 else ""  # "a learned scalar h"
            if re.search(_SCALAR_BEFORE + letter + bare + r"|" + letter + _SCALAR_AFTER, sentence, re.I):
                out.add(name)
                notes.append(f"{name} is called a learned scalar in the text (\"{' '.join(sentence.split())[:80]}\"): "
                             "one parameter")
    return out
