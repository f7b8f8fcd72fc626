"""Operators whose meaning varies between texts, read before any shape is known: `\\oplus` (⊕) is an
elementwise operation in some texts (SRU notes write `f_t \\oplus c_{t-1}` for the gate's product)
and a concatenation in others (`W (x_t \\oplus h_{t-1})`). Which one is a choice: both readings are
solved, a reading whose shapes do not agree drops out, and where both survive with different counts
the text is refused with the option that picks each (`--read '\\oplus=concatenation'`).

A concatenation written as a call, `\\mathrm{concat}(h_{t-1}, x_t)`, `\\text{cat}(h, x)`, `stack(h, x)`, is the
stacked vector `[h_{t-1}; x_t]` (read as an unknown function of two arguments, it had the first one's size).

A linear map called with its weight and bias as code writes it, `F.linear(x, self.w_ih, self.b_ih)` (torch:
W x + b), `tf.nn.xw_plus_b(x, W, b)` (x W + b), `torch.addmm(b, x, W)` (b + x W), is that product and
sum: the weight named, its orientation the call's (a learned map of unknown bias only without them)."""
from __future__ import annotations

from ..errors import replace
from . import nodes as N
from . import patterns as re  # re, with the package's patterns compiled ahead (read.patterns)
from .cellwalk import right_nodes, symbols
from .choices import Choice, current
from .words import split


def oplus(cell: N.Cell, notes: list[str]) -> N.Cell:
    first = next((n for n in right_nodes(cell, N.Binary) if n.op == "oplus"), None)
    if first is None:
        return cell
    where = cell.source.where(first.span)
    reading = current().pick(Choice("\\oplus", ("elementwise", "concatenation"), where, "what \\oplus means"))
    notes.append(f"\\oplus at {where} reads as {'an elementwise product' if reading == 'elementwise' else 'a concatenation'}"
                 f" (--read '\\oplus={'concatenation' if reading == 'elementwise' else 'elementwise'}' reads it as "
                 f"{'a concatenation' if reading == 'elementwise' else 'an elementwise product'})")

    def one(n, new):
        if isinstance(n, N.Binary) and n.op == "oplus":
            left, right = new(n.left), new(n.right)
            if reading == "elementwise":
                return N.Binary("hadamard", left, right, n.span)
            items = (left.items if isinstance(left, N.Concat) else (left,)) + (right,)
            return N.Concat(items, n.span)
        return None
    eqs = tuple(replace(eq, rhs=N.rewrite(eq.rhs, one), also=tuple(N.rewrite(x, one) for x in eq.also))
                for eq in cell.equations)
    return replace(cell, equations=eqs)


_CONCAT_WORDS = frozenset("concat Concat cat Cat concatenate Concatenate stack Stack vstack hstack vcat".split())


def concat_calls(cell: N.Cell, notes: list[str]) -> N.Cell:
    """concat(a, b) as [a; b]."""
    def call(n) -> bool:
        return isinstance(n, N.Apply) and not n.each and isinstance(n.arg, N.Tuple) and split(n.func)[0] in _CONCAT_WORDS
    if not any(call(n) for n in right_nodes(cell, N.Apply)):  # (a call is an Apply: the others not met)
        return cell

    def one(n, new):
        return N.Concat(tuple(new(x) for x in n.arg.items), n.span) if call(n) else None
    return replace(cell, equations=tuple(replace(eq, rhs=N.rewrite(eq.rhs, one), also=tuple(N.rewrite(x, one) for x in eq.also))
                                         for eq in cell.equations))


# the letters of weights: W(h_{t-1}, x_t) is W times the pair, not a function W of two arguments
_WEIGHT_LETTER = re.compile(r"(?:[WUV]|\\mathbf\{[WUV]\}|\\boldsymbol\{[WUV]\})(?:_.*)?")


# the text makes the letter a map of its own: `W: \mathbb{R}^n \times \mathbb{R}^m \to ...`, "bilinear", "an MLP"
_A_MAP = re.compile(r"\bbilinear|\b(?:MLP|multi-?layer|perceptron|neural\s+network)\b|[WUV]\$?\s*:\s*[^\n$]{0,80}?(?:\\to\b|\\rightarrow|→)", re.I)


def weight_pairs(cell: N.Cell, notes: list[str]) -> N.Cell:
    """`W(H_{t-1}, X_t)`, `W_f*(h_{t-1},x_t)`, `W \\cdot (h, x)`: a weight's letter against (or times) a list of signals
    in parentheses is the weight times their concatenation, [H_{t-1}; X_t] (a note says so)."""
    def pair(n) -> bool:
        return isinstance(n, N.Binary) and (n.op == "matmul" or n.op == "star" and not convolved) and isinstance(n.right, N.Tuple) \
            and isinstance(n.left, N.Symbol) and n.left.lag is None and _WEIGHT_LETTER.fullmatch(n.left.name) is not None \
            and len(n.right.items) >= 2 and all(_signal_item(x, made) for x in n.right.items)
    made = frozenset(eq.lhs.name for eq in cell.equations if isinstance(eq.lhs, N.Symbol))
    convolved = "conv" in cell.prose.lower()  # (`*` a convolution: `W * (X, H)` no product)
    found = [n for n in right_nodes(cell, N.Binary) if pair(n)]  # (a pair is a product: the others not met)
    # `z(t) = (x(t), h(t-1))`: a signal defined as the pair of signals a weight then multiplies
    pairs = [eq for eq in cell.equations if isinstance(eq.lhs, N.Symbol) and eq.lhs.lag == 0 and not eq.also
             and isinstance(eq.rhs, N.Tuple) and len(eq.rhs.items) >= 2 and all(_signal_item(x) for x in eq.rhs.items)]
    if not (found or pairs) or _A_MAP.search(cell.source.text):
        return cell  # W: \mathbb{R}^{d_h} \times \mathbb{R}^{d_x} \to ...: a map of its own (bilinear, an MLP): refused
    for n in found + [eq.rhs for eq in pairs]:
        shown = f"{n.left.text} times the concatenation" if isinstance(n, N.Binary) else "the concatenation"
        notes.append(f"{' '.join(cell.source.slice(n.span).split())} at {cell.source.where(n.span)} reads as {shown} "
                     f"[{'; '.join(' '.join(cell.source.slice(x.span).split()) for x in (n.right if isinstance(n, N.Binary) else n).items)}]")

    def one(n, new):
        return N.Binary("matmul", new(n.left), N.Concat(tuple(new(x) for x in n.right.items), n.right.span), n.span) \
            if pair(n) else None
    eqs = tuple(replace(eq, rhs=N.Concat(eq.rhs.items, eq.rhs.span) if any(eq is p for p in pairs) else N.rewrite(eq.rhs, one),
                        also=tuple(N.rewrite(x, one) for x in eq.also)) for eq in cell.equations)
    return replace(cell, equations=eqs)


def _signal_item(x, made=frozenset()) -> bool:
    """A signal at a step, or an entry-by-entry product of such (`r(t) \\odot h(t-1)`, `\\Gamma_r \\times a^{t-1}` where
    an equation computes \\Gamma_r: two signals, never a matrix product): a part of a concatenation."""
    if isinstance(x, N.Binary) and (x.op in ("hadamard", "star") or x.op == "matmul" and x.explicit):
        return _signal_item(x.left, made) and _signal_item(x.right, made) and (x.op != "matmul" or _timed(x.left) or _timed(x.right))
    return isinstance(x, N.Symbol) and (x.lag is not None or x.name in made)


def _timed(x) -> bool:
    return isinstance(x, N.Symbol) and x.lag is not None


# code's linear maps with their weights as arguments: the call's word (xw_plus_b as read.rowlabels writes it) -> (where the input, the weight and the
# bias stand among the arguments, the bias None where the call has none, and whether the weight is on the left)
_WEIGHTED_CALLS = {"linear": (0, 1, 2, True), "xwplusb": (0, 1, 2, False), "addmm": (1, 2, 0, False)}


def weighted_calls(cell: N.Cell, notes: list[str]) -> N.Cell:
    """F.linear(x, W, b) as W x + b (and the others of _WEIGHTED_CALLS): a call of two or three
    arguments whose weight is a name."""
    def parts(n):
        if not (isinstance(n, N.Apply) and not n.each and isinstance(n.arg, N.Tuple)):
            return None
        spec = _WEIGHTED_CALLS.get(split(n.func)[0])
        if spec is None or len(n.arg.items) not in (2, 3) or (len(n.arg.items) == 2 and spec[1] == 2):
            return None
        x, w = n.arg.items[spec[0]], n.arg.items[spec[1]]
        b = n.arg.items[spec[2]] if len(n.arg.items) == 3 else None
        return (x, w, b, spec[3]) if isinstance(w, N.Symbol) and w.lag is None else None
    if not any(parts(n) for n in right_nodes(cell, N.Apply)):  # (a call is an Apply: the others not met)
        return cell

    def one(n, new):
        found = parts(n)
        if found is None:
            return None
        x, w, b, left = found
        product = N.Binary("matmul", new(w), new(x), n.span) if left else N.Binary("matmul", new(x), new(w), n.span)
        return product if b is None else N.Binary("add", product, new(b), n.span)
    return replace(cell, equations=tuple(replace(eq, rhs=N.rewrite(eq.rhs, one), also=tuple(N.rewrite(x, one) for x in eq.also))
                                         for eq in cell.equations))


# the prose names the letter as the product: "where o is Hadamard product", "o denotes the elementwise product"
_O_SAID = re.compile(r"(?<![A-Za-z\\])[`$*]*o[`$*]*\s+(?:is|denotes|represents|means|stands\s+for)\s+(?:an?\s+|the\s+)?"
                     r"(?:[A-Za-z-]+\s+){0,2}?(?:hadamard|element[- ]?wise|point[- ]?wise|entry[- ]?wise)", re.I)


_SPACES = re.compile(r"(?:\s|\\[ ,;:]|~|\\q?quad(?![A-Za-z]))+")  # (and LaTeX's spaces: `r^{(t)}\ o \ U h^{(t-1)}`)


def _spaces(gap: str) -> bool:
    return gap.isspace() or _SPACES.fullmatch(gap) is not None


def letter_o(cell: N.Cell, notes: list[str]) -> N.Cell:
    """`r[t] o (U h[t-1])`, `z[t] o h[t-1]`: a lone o, spaced, between two operands, in a text whose
    signals carry their time (a signal o would too), is ∘ typed as a letter, or a weight named o. The
    prose settles it ("where o is Hadamard product"); else both readings are solved (a weight o is
    counted only when the user says so, or when the elementwise reading does not fit)."""
    text = cell.source.text

    def spaced(a, o, b) -> bool:
        return (isinstance(o, N.Symbol) and o.name == "o" and o.lag is None and not o.font
                and _spaces(text[a.span.end:o.span.start]) and _spaces(text[o.span.end:b.span.start]))

    def triple(n):  # (a, o, b) of a o b as the grammar groups it, (a o) b or a (o b)
        if not (isinstance(n, N.Binary) and n.op == "matmul" and not n.explicit):
            return None
        if isinstance(n.left, N.Binary) and n.left.op == "matmul" and not n.left.explicit and spaced(n.left.left, n.left.right, n.right):
            return n.left.left, n.left.right, n.right
        if isinstance(n.right, N.Binary) and n.right.op == "matmul" and not n.right.explicit and spaced(n.left, n.right.left, n.right.right):
            return n.left, n.right.left, n.right.right
        return None
    first = next((t for n in right_nodes(cell, N.Binary) for t in (triple(n),) if t is not None), None)  # (a product)
    if first is None or not any(s.lag is not None for s, _, _ in symbols(cell)):
        return cell
    where = cell.source.where(first[1].span)
    said = _O_SAID.search(cell.prose or "") is not None
    reading = current().pick(Choice("o", ("elementwise", "matrix"), where, "o between two operands: the product ∘ or a weight o"),
                             ambiguous=not said)
    if reading != "elementwise":
        return cell
    notes.append(f"o at {where} reads as the elementwise product ∘" + (", as the prose says" if said else
                 " (--read o=matrix reads it as a weight o)"))

    def juxtaposed(n) -> bool:
        return isinstance(n, N.Binary) and n.op == "matmul" and not n.explicit

    inner = {id(k) for eq in cell.equations for side in (eq.rhs,) + eq.also for n in N.walk(side) if juxtaposed(n)
             for k in (n.left, n.right) if juxtaposed(k)}

    def factors(n) -> list:
        return factors(n.left) + factors(n.right) if juxtaposed(n) else [n]

    def chain(parts: list, new):
        out = new(parts[0])
        for p in parts[1:]:
            out = N.Binary("matmul", out, new(p), N.Span(out.span.start, p.span.end))
        return out

    def split(fs: list, new):
        at = next((i for i in range(1, len(fs) - 1) if spaced(fs[i - 1], fs[i], fs[i + 1])), None)
        if at is None:
            return chain(fs, new)
        return N.Binary("hadamard", split(fs[:at], new), split(fs[at + 1:], new), N.Span(fs[0].span.start, fs[-1].span.end))

    def one(n, new):  # at the top of a chain of juxtapositions: a o U h is a ∘ (U h), as ∘ binds looser
        if id(n) in inner or not juxtaposed(n):
            return None
        fs = factors(n)
        return split(fs, new) if any(spaced(a, o, b) for a, o, b in zip(fs, fs[1:], fs[2:])) else None
    return replace(cell, equations=tuple(replace(eq, rhs=N.rewrite(eq.rhs, one), also=tuple(N.rewrite(x, one) for x in eq.also))
                                         for eq in cell.equations))


# the prose gives \odot the matrix product: "$\odot$ denotes the usual matrix-vector multiplication"
_ODOT_MATRIX = re.compile(r"(?:\$\s*\\odot\s*\$|⊙)\s+(?:denotes|is|means|represents|stands\s+for)\s+(?:the\s+)?(?:usual\s+|ordinary\s+)?"
                          r"(?:matrix[- ](?:vector[- ])?(?:multiplication|product)|matrix\s+multiplication)", re.I)


def said_odot(cell: N.Cell, notes: list[str]) -> N.Cell:
    """`x_t \\odot W_i` where the prose says "$\\odot$ denotes the usual matrix-vector multiplication" (and writes its
    elementwise product another way, `\\bullet`): each \\odot the text writes is a matrix product, with a note."""
    text = cell.source.text
    m = _ODOT_MATRIX.search(text) if "odot" in text or "⊙" in text else None
    if m is None:
        return cell

    def odot(n) -> bool:
        return isinstance(n, N.Binary) and n.op == "hadamard" and re.search(
            r"\\odot(?![A-Za-z])|⊙", text[n.left.span.end:n.right.span.start]) is not None

    def one(n, new):
        return N.Binary("matmul", new(n.left), new(n.right), n.span, True) if odot(n) else None
    eqs = tuple(replace(eq, rhs=N.rewrite(eq.rhs, one), also=tuple(N.rewrite(x, one) for x in eq.also)) for eq in cell.equations)
    if all(a == b for a, b in zip(eqs, cell.equations)):
        return cell
    notes.append(f"\\odot is a matrix product, as the prose at {cell.source.where(N.Span(m.start(), m.end()))} says")
    return replace(cell, equations=eqs)
