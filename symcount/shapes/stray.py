"""What the equations leave stray, refused before any shape is solved (shapes.roles asks): an activation's name
with a mark standing where a value goes (`f^{(t)} = \\sigma^f`, a template's unit not read), and a gate computed from
a state of the step before that no equation reads (its use not read: a slip of its name)."""
from __future__ import annotations

from ..errors import ShapeError
from ..read import nodes as N
from ..read import patterns as re  # re, with the package's patterns compiled ahead (read.patterns)
from ..read.choices import current
from .constants import sides


_ACTIVATION_NAMED = re.compile(r"(?:\\sigma|σ|\\tanh)\s*[\^_]\{?\s*\\?[A-Za-z]")  # (not \\sigma^2, a variance)


def activation_as_value(cell: N.Cell, params: set[str], first: dict) -> None:
    """`f^{(t)} = \\sigma^f`: an activation's name with a mark, standing where a value goes, is a unit a template
    defines (`\\sigma^{\\alpha}(b^\\alpha + U^\\alpha x^{(t)} + ...)`, the text's generic form, not read), never a learned vector."""
    for name in sorted(params):
        if _ACTIVATION_NAMED.match(name):
            raise ShapeError(f"{first[name].text} stands where a value goes, but \\sigma names an activation: it is a unit "
                             "the text defines in a form not read (a template of its gates), not a parameter",
                             source=cell.source, span=first[name].span,
                             hint="write each unit's equation, like f_t = \\sigma(W_f x_t + U_f h_{t-1} + b_f)")


_GATE = re.compile(r"\\?(?:sigma|sigmoid|sigm|σ)|\\(?:text|textrm|mathrm|operatorname)\s*\{\s*(?:sigmoid|sigm|sigma)\s*\}")


_GATE_LETTERS = frozenset("i f o z r u g gate gates Gamma gamma \\Gamma \\gamma".split())


def unread_gate(cell: N.Cell, signals, defined: dict) -> None:
    """Gates (sigmoids) computed from a state of the step before that no equation reads, where every state read from
    the step before is computed: one with a name of its letter read and computed nowhere (`g_o = \\sigma(W x(t) +
    U h(t-1))`, then `h(t) = g_0 * \\tanh(c(t))`: a slip), or two or more (the equation that reads them not read): refused. A state read from the step before and computed nowhere is shapes.wholecell.unread_updates'."""
    lags: dict[str, set] = {}
    read: set[str] = set()
    for eq in cell.equations:
        for side in sides(eq)[1:]:
            for x in N.walk(side):
                if isinstance(x, N.Symbol):
                    read.add(x.name)
                    lags.setdefault(x.name, set()).add(x.lag)
    before = [n for n, seen in lags.items() if n in signals and n not in defined and None not in seen and 0 not in seen]
    unread = [n for n in defined if n not in read]
    stepped = {n for n, seen in lags.items() if n in defined and any(isinstance(k, int) and k > 0 for k in seen)}
    core = lambda n: re.sub(r"\\[A-Za-z]+\{|[{}]", "", n).split("_")[0].split("^")[0]  # noqa: E731  (g of g_o, \\Gamma_f)
    strays = {core(n) for n in read if n not in defined}  # (g_0 read, defined nowhere: a slip's other half)
    dead = [n for n in unread if stepped and isinstance(defined[n].rhs, N.Apply) and _GATE.fullmatch(defined[n].rhs.func)
            and any(isinstance(x, N.Symbol) and x.name in stepped and x.lag for x in N.walk(defined[n].rhs))]
    # (one such gate with a name of its letter read and computed nowhere, a slip's other half (g_0 for g_o); or two or
    # more, where an equation that reads them was not read: `The memory cell: $f_t \\odot c_{t-1} + i_t \\odot ...$`)
    gates = [n for n in dead if core(n) in _GATE_LETTERS]  # (two sigmoid outputs of the state, y_t and s_t, are no gates)
    if (len(gates) >= 2 or any(core(n) in strays for n in dead)) and not before and not current().open:  # (never a reading's pruning)
        found = [next(x for x in N.walk(defined[n].lhs) if isinstance(x, N.Symbol) and x.name == n) for n in dead]
        names = ", ".join(x.text for x in found[:4])
        raise ShapeError(f"{names} {'is' if len(found) == 1 else 'are'} computed from the step before but read by no "
                         "equation: where the cell uses " + ("it" if len(found) == 1 else "them") + " was not read (an "
                         "equation in words or a picture, or a name that slipped), and the count would be short or "
                         "count weights for nothing", source=cell.source, span=found[0].span,
                         hint=f"write the equation that reads {found[0].text} as math, or check its name")
