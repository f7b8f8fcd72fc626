"""Functions in a cell: activations (no parameters: \\sigma, \\tanh, ReLU, softmax, a letter g or
f_c the text applies like a function), parametric maps (\\text{Linear}_{d}(x), \\mathrm{Dense}: a
weight and a bias; \\mathrm{LN}(z; \\alpha, \\beta) and LayerNorm(z): a gain and a bias), and
\\operatorname{diag}(u): a vector of parameters set on a diagonal. An unknown function written
with a capital letter (LSTM(...), MLP(...)) has parameters symcount cannot count: an error."""
from __future__ import annotations

from ..errors import TYPE_CHECKING  # typing's, without importing typing (a start-up cost)

from ..read import patterns as re  # re, with the package's patterns compiled ahead (read.patterns)

from ..read import nodes as N
from .dims import Shape, UNIT, form, quotient
from ..errors import ShapeError
from ..limits import MAX_SIZE_DIGITS
from ..read.stepsums import over_steps
from ..read.words import CONV_NO_BIAS, FREE, GAIN_ONLY, kind, split

if TYPE_CHECKING:  # pragma: no cover
    from .unify import Walker



_PAREN_AFTER = re.compile(r"\\mathcal\s*\{\s*[A-Z]\s*\}\s*(?:\\left\s*)?\(")

def apply(w: "Walker", node: N.Apply) -> Shape:
    if node.each:
        sh = w.shape(node.arg)
        w.op("activation", node, sh.rows, sh.cols, name=", ".join(node.each))
        return sh
    k = kind(node.func)
    if k == "unknown" and len(node.func) == 1 and node.func in w.roles.glossary.functions:
        k = "letter"  # "F is our good old non-linear activation function": F(...), a function with no parameters
    if k == "unknown":
        word = split(node.func)[0]
        raise ShapeError(f"{word}(...) is a function symcount does not know: it may have parameters of its own",
                         source=w.src, span=node.span,
                         hint=f"write the equations that {word} stands for, or a known function (\\tanh, \\text{{Linear}}, \\mathrm{{LN}})")
    if k == "activation-guess":
        bracket = "(...)" if _PAREN_AFTER.match(w.src.text, node.span.start) else "[...]"  # \mathcal{R}[x], \mathcal{H}(x)
        shown = node.func + bracket if node.func.startswith("\\mathcal") else split(node.func)[0] + "(...)"
        w.note(node, f"{shown} at {w.src.where(node.span)} reads as an activation: a function with no parameters")
    if k in ("activation", "activation-guess", "letter"):
        sh = _arguments(w, node, k) if isinstance(node.arg, N.Tuple) else w.shape(node.arg)
        if (not sh.scalar or _learned_scalar(w, node.arg)) and split(node.func)[0] not in FREE:
            w.op("activation", node, sh.rows, sh.cols, name=node.func)  # sigmoid(zeta): once a step, as torch does
        return sh
    if k == "reduction" and over_steps(node.func):  # \sum_{i=1}^{t-1} e^{k_i} v_i: a term's shape (read.stepsums)
        return w.shape(node.arg)
    if k == "reduction":  # \sum_i a_i: one number
        sh = w.shape(node.arg)
        if not sh.scalar and split(node.func)[0] == "vecnorm":  # \|x\|_2 = \sqrt{x^\top x}: |x| MACs
            w.op("product", node, dict(UNIT), sh.rows, sh.cols)
        elif not sh.scalar:
            w.op("reduce", node, sh.rows, sh.cols)
        return Shape(dict(UNIT), dict(UNIT), True)  # a number computed, not a constant
    if k == "loss":  # loss(y_t, \hat{y}_t): the target and the prediction have one shape; training only
        return _loss(w, node)
    if k == "diag":
        signal = any(isinstance(x, N.Symbol) and w.roles.is_signal(x.name) for x in N.walk(node.arg))
        w.note(node, f"{w.text(node)} at {w.src.where(node.span)}: {w.text(node.arg)} is a vector set on a diagonal"
                     + (": a product with it scales each row" if signal else ", one parameter per row"))
        sh = w.shape(node.arg)
        if _row(w, sh):  # a row (GLA's \alpha_t): its entries
            return Shape(sh.cols, sh.cols, False, sh.cols_from, sh.cols_from)
        w.solver.unify(sh.cols, dict(UNIT), w.evidence("product", f"{w.text(node.arg)} is a vector set on a diagonal",
                                                        node, (sh.cols, dict(UNIT))))
        return Shape(sh.rows, sh.rows, False, sh.rows_from, sh.rows_from)
    if k == "norm":
        return _norm(w, node)
    if k == "conv":
        return _conv(w, node)
    if k == "blockdiag":
        return _blockdiag(w, node)
    if k == "headpart":
        return _headpart(w, node)
    return _linear(w, node)


def _loss(w: "Walker", node: N.Apply) -> Shape:
    """loss(y_t, \\hat{y}_t): the target and the prediction have one shape; a number, training only."""
    shapes = [(x, w.shape(x)) for x in (node.arg.items if isinstance(node.arg, N.Tuple) else (node.arg,))]
    wide = [(x, sh) for x, sh in shapes if not sh.scalar]
    for (a, sa), (b, sb) in zip(wide, wide[1:]):
        ev = w.evidence("elementwise", f"{w.text(node)} compares {w.text(a)} with {w.text(b)}, so both have one shape",
                        node, (sa.rows, sb.rows))
        if not (w.solver.unify(sa.rows, sb.rows, ev) and w.solver.unify(sa.cols, sb.cols, ev)):
            raise w.fail(f"cannot compare {w.text(a)} ({w.shape_text(sa)}) with {w.text(b)} ({w.shape_text(sb)}): "
                         "a loss needs equal shapes", node.span, a, b, sa, sb, "elementwise")
    return Shape(dict(UNIT), dict(UNIT), True)


def _conv(w: "Walker", node: N.Apply) -> Shape:
    """\\mathrm{Conv1d}_K(x_t): a short causal depthwise convolution over time of width K (the
    subscript): each channel of x has K weights of its own and a bias (\\mathrm{ShortConv}: no bias),
    as nn.Conv1d(C, C, K, groups=C). The output has x's size; a step costs K MACs per channel."""
    word, sub, arg, width = _sized_by_subscript(w, node, "its width over time", "K")
    w.implicit_param(f"W_{{{word},{w.count_implicit(word)}}}", node, Shape(arg.rows, width))
    w.note(node, f"{w.text(node)} at {w.src.where(node.span)} reads as a depthwise convolution over time of width "
                 f"{sub}: {sub} weights per channel" + ("" if word in CONV_NO_BIAS else " and a bias"))
    w.op("product", node, arg.rows, width, arg.cols)
    if word not in CONV_NO_BIAS:
        bias_name = f"b_{{{word},{w.count_implicit(word, same=True)}}}"
        w.implicit_param(bias_name, node, Shape(arg.rows, dict(UNIT)), bias=True)
        w.op("bias", node, arg.rows, arg.cols, name=bias_name)
    return Shape(arg.rows, arg.cols, arg.scalar, arg.rows_from, arg.cols_from)


def _sized_by_subscript(w: "Walker", node: N.Apply, what: str, letter: str):
    """(word, subscript, the argument's shape, the subscript's size) of a function whose subscript is
    a size (\\mathrm{Conv1d}_K, \\mathrm{BlockDiag}_B); an error where the subscript is missing."""
    word, sub, _ = split(node.func)
    arg = w.shape(node.arg)
    if not sub:
        raise ShapeError(f"{word}(...) needs {what} as a subscript, like \\mathrm{{{word}}}_{{{letter}}}(x_t)",
                         source=w.src, span=node.span,
                         hint=f"write \\mathrm{{{word}}}_{{{letter}}}(...) and declare or --set {letter}")
    return word, sub, arg, _size(w, sub)


def _blockdiag(w: "Walker", node: N.Apply) -> Shape:
    """\\mathrm{BlockDiag}_B(x_t): a block-diagonal linear map of square B x B blocks and no bias
    (xLSTM's LinearHeadwiseExpand, the sLSTM's per-head gate kernels): |x|/B blocks of B^2 weights,
    |x| B in all; the output has x's size; a step costs B MACs per entry of x."""
    word, sub, arg, block = _sized_by_subscript(w, node, "its block size", "B")
    w.implicit_param(f"W_{{{word},{w.count_implicit(word)}}}", node, Shape(arg.rows, block))
    w.note(node, f"{w.text(node)} at {w.src.where(node.span)} reads as a block-diagonal linear map of its own: "
                 f"blocks of {sub} x {sub}, no bias ({sub} weights per entry of {w.text(node.arg)})")
    w.op("product", node, arg.rows, block, arg.cols)
    return Shape(arg.rows, arg.cols, arg.scalar, arg.rows_from, arg.cols_from)


def _headpart(w: "Walker", node: N.Apply) -> Shape:
    """\\mathrm{head}(X_t): in a cell of one head of H (`% symcount: heads H`), this head's part of a
    signal of all heads, X_t declared with H times the head's entries (X_t \\in \\mathbb{R}^{H P}):
    its P entries, a view (no arithmetic). xLSTM's mLSTM block: gates that read the q, k and v of
    every head, a memory per head."""
    heads = [d.symbol.name for d in w.roles.cell.directives if d.key == "heads"]
    arg = w.shape(node.arg)
    rows = w.solver.resolve(arg.rows)
    names = [v for v in rows if v is not None]
    parts = list(N.factors(names[0])) if len(names) == 1 and isinstance(names[0], str) and rows[names[0]] == 1 \
        and None not in rows else []
    x = w.text(node.arg)
    x = x[1:-1].strip() if x.startswith("(") and x.endswith(")") else x
    if not heads or heads[-1] not in parts:
        why = ("the cell is not one head of several: add `% symcount: heads H` (or --heads H)" if not heads else
               f"declare {x} with {heads[-1]} times the head's entries, like {x} \\in \\mathbb{{R}}^{{{heads[-1]} P}}")
        raise ShapeError(f"cannot take a head's part of {x}: {why}", source=w.src, span=node.span)
    parts.remove(heads[-1])
    rest = form(N.Lin(((N.PRODUCT.join(parts), 1),))) if parts else dict(UNIT)
    w.note(node, f"{w.text(node)} at {w.src.where(node.span)}: this head's part of {x} (a view: no arithmetic)")
    return Shape(rest, arg.cols, False, {}, arg.cols_from)


def _linear(w: "Walker", node: N.Apply) -> Shape:
    """\\text{Linear}_{d}(x): a weight (d x |x|) and a bias (d), their own for each application."""
    word, sub, _ = split(node.func)
    arg = w.shape(node.arg)
    out = _size(w, sub)
    weight = w.implicit_param(f"W_{{{word},{w.count_implicit(word)}}}", node, Shape(out, w.solver.fresh()))
    unbiased = w.roles.glossary.unbiased_linear
    bias_name = f"b_{{{word},{w.count_implicit(word, same=True)}}}"
    bias = weight if unbiased else w.implicit_param(bias_name, node, Shape(out, dict(UNIT)), bias=True)
    ev = w.evidence("product", f"{word} multiplies {w.text(node.arg)}, so its weight has as many columns as "
                    f"{w.text(node.arg)} has rows", node, (weight.cols, arg.rows), (weight.cols_from, arg.rows_from))
    if not w.solver.unify(weight.cols, arg.rows, ev):
        raise w.fail(f"cannot apply {word} to {w.text(node.arg)}", node.span, node, node.arg, weight, arg, "product")
    w.note(node, f"{w.text(node)} at {w.src.where(node.span)} reads as a linear map of its own: "
                 + ("a weight, no bias (as the prose says)" if unbiased else "a weight and a bias"))
    w.op("product", node, weight.rows, weight.cols, arg.cols)
    if not unbiased:
        w.op("bias", node, bias.rows, arg.cols, name=bias_name)
    return Shape(bias.rows, arg.cols, False, bias.rows_from, {})


def _norm(w: "Walker", node: N.Apply) -> Shape:
    """\\mathrm{LN}(z; \\alpha, \\beta): the gains named after the semicolon have z's size; LN(z)
    has a gain and a bias of its own (as torch.nn.LayerNorm)."""
    word, _, sup = split(node.func)
    items = node.arg.items if isinstance(node.arg, N.Tuple) else (node.arg,)
    z = w.shape(items[0])
    if sup == "*" or (w.roles.glossary.plain_norms and len(items) == 1):  # \mathrm{GroupNorm}^{*}(o_t), or "without
        # learnable parameters": a normalisation without affine parameters
        said = "^* normalises" if sup == "*" else " normalises (the prose says: without learnable parameters)"
        w.note(node, f"{w.text(node)} at {w.src.where(node.span)}: {word}{said} without a gain or a bias")
        w.op("normalization", node, z.rows, z.cols)
        return Shape(z.rows, z.cols, z.scalar, z.rows_from, z.cols_from)
    items = tuple(x for x in items if not (isinstance(x, N.Symbol) and x.name in w.roles.constants))  # a bias fixed at 0
    gains = [w.shape(x) for x in items[1:]]
    k = w.count_implicit(word)
    if not gains:
        gains = [w.implicit_param(f"\\gamma_{{{word},{k}}}", node, Shape(w.solver.fresh(), dict(UNIT)))]
        if word not in GAIN_ONLY:
            gains.append(w.implicit_param(f"\\beta_{{{word},{k}}}", node, Shape(w.solver.fresh(), dict(UNIT)), bias=True))
        w.note(node, f"{w.text(node)} at {w.src.where(node.span)} reads as a normalisation with a gain"
                     + (" of its own (no bias)" if word in GAIN_ONLY else " and a bias of its own"))
    if items[1:]:
        w.note(node, f"{', '.join(w.text(x) for x in items[1:])} at {w.src.where(node.span)}: the gain and bias of "
                     f"{word}, one per entry of {w.text(items[0])}")
    w.op("normalization", node, z.rows, z.cols)
    own = [f"\\gamma_{{{word},{k}}}", f"\\beta_{{{word},{k}}}"] if not items[1:] else []
    for j, (x, g) in enumerate(zip(items[1:] or [node] * len(gains), gains)):  # the gain scales, the bias adds
        name = own[j] if own else w.text(x)
        if j == 0:
            w.op("gain", node, z.rows, z.cols, name=name)
        else:
            w.op("bias" if own else "add", node, z.rows, z.cols, operands=(x,) if not own else (), name=name)
        # a row (x_t W, written with rows) has its entries along its columns, and so has a row gain
        entries = z.cols if _row(w, z) else z.rows
        along, across = (g.cols, g.rows) if _row(w, z) and _row(w, g) else (g.rows, g.cols)
        ev = w.evidence("gain" if j == 0 else "shift",  # the gain multiplies, the bias adds: each entry its own
                        f"{w.text(x)} {'scales' if j == 0 else 'is added to'} {w.text(items[0])} entry by entry, "
                        "so both have one size", node, (along, entries))
        if not (w.solver.unify(along, entries, ev) and w.solver.unify(across, dict(UNIT), ev)):
            raise w.fail(f"the gain {w.text(x)} of {word} does not have the size of {w.text(items[0])}",
                         node.span, x, items[0], g, z, "elementwise")
    return Shape(z.rows, z.cols, z.scalar, z.rows_from, z.cols_from)


# activations of one argument: `\\sigma(W_i h_{t-1}, x_t + b_i)` is a comma where a concatenation or a sum is meant
_ONE_ARGUMENT = frozenset("sigma sigmoid tanh relu exp gelu silu swish elu softplus σ".split())


def _arguments(w: "Walker", node: N.Apply, k: str) -> Shape:
    """max(a, b): a known function of several arguments, elementwise: one shape, the arguments' (each
    a vector of it, or a number). A function the text does not define (foo(a, b), g(x_t, h_{t-1})) of
    several vectors says nothing of the size it gives: refused (read as the first one's size, a
    concatenation written concat(h, x) counted W as d_h x d_h)."""
    if k != "activation":
        _weight_argument(w, node)
    items = [(x, w.shape(x)) for x in node.arg.items]
    wide = [(x, sh) for x, sh in items if not sh.scalar]
    if len(wide) > 1 and k != "activation":
        word = split(node.func)[0]
        raise ShapeError(f"{word}({', '.join(w.text(x) for x in node.arg.items)}) is a function the text does not define, "
                         "of several vectors: what it computes decides the size it gives", source=w.src, span=node.span,
                         hint=f"write what {word} computes, as math ([h_{{t-1}}; x_t] for a concatenation, W x_t + U h_{{t-1}})")
    if len(wide) > 1 and split(node.func)[0].lstrip("\\").lower() in _ONE_ARGUMENT:
        word = split(node.func)[0]
        raise ShapeError(f"{word}({', '.join(w.text(x) for x in node.arg.items)}): {word} takes one argument, and the text "
                         f"gives it {len(node.arg.items)} between commas: what the comma joins (a concatenation, a sum) "
                         "is not said", source=w.src, span=node.span,
                         hint=f"write the argument as one expression ({word}(W [h_{{t-1}}; x_t] + b) for a concatenation)")
    for (a, sa), (b, sb) in zip(wide, wide[1:]):
        ev = w.evidence("elementwise", f"{w.text(node)} takes {w.text(a)} and {w.text(b)} entry by entry", node,
                        (sa.rows, sb.rows))
        if not (w.solver.unify(sa.rows, sb.rows, ev) and w.solver.unify(sa.cols, sb.cols, ev)):
            raise w.fail(f"cannot take {w.text(node)} of {w.text(a)} ({w.shape_text(sa)}) and {w.text(b)} "
                         f"({w.shape_text(sb)}): it goes entry by entry", node.span, a, b, sa, sb, "elementwise")
    return wide[0][1] if wide else items[0][1]


def _weight_argument(w: "Walker", node: N.Apply) -> None:
    """foo(W, x_t): a function the text does not define, of several arguments one of which is a weight,
    says nothing of the weight's shape (foo may be a product, a sum, ...): refused."""
    weight = next((x for x in node.arg.items if isinstance(x, N.Symbol) and not w.roles.is_signal(x.name)), None)
    if weight is not None:
        word = split(node.func)[0]
        raise ShapeError(f"{word}({', '.join(w.text(x) for x in node.arg.items)}) is a function the text does not define, "
                         f"of {w.text(weight)} and other arguments: what it computes decides {w.text(weight)}'s shape",
                         source=w.src, span=node.span,
                         hint=f"write what {word} computes, as math (W x_t, W \\odot x_t)")


def _row(w: "Walker", sh: Shape) -> bool:
    """A row for sure: one row, and columns that are not (yet) one."""
    return not sh.scalar and w.solver.resolve(sh.rows) == UNIT and w.solver.resolve(sh.cols) != UNIT


def _size(w: "Walker", sub: str) -> dict:
    """The output size a subscript names (\\text{Linear}_{d_h}, Dense_{128}), else a fresh size."""
    if re.fullmatch(r"[0-9]+", sub):
        if len(sub) > MAX_SIZE_DIGITS:
            raise ShapeError(f"a size of {len(sub):,} digits: symcount reads numbers of at most {MAX_SIZE_DIGITS:,}",
                             source=w.src, span=w.equation_now[1].span if w.equation_now else None)
        return {None: int(sub)}
    if re.fullmatch(r"[A-Za-z](_?\{?[A-Za-z0-9]+\}?)?", sub) and sub not in w.roles.signals:
        name = re.sub(r"[{}]", "", sub)
        name = name if "_" in name or len(name) == 1 else name[0] + "_" + name[1:]
        return form(N.Lin(((name, 1),)))
    return w.solver.fresh()


def blocks(name: str, rows: N.Lin, cols: N.Lin) -> tuple[N.Lin | None, N.Lin] | None:
    """A \\mathrm{BlockDiag}_B weight (W_{BlockDiag,k}, held as rows x B): its number of blocks
    (rows / B: H for H P x P; None where B does not divide the rows' names) and its block size B.
    None for any other parameter."""
    m = re.fullmatch(r"W_\{([^{},]+),[0-9]+\}", name) if name.startswith("W_{") and "," in name else None  # (what it holds)
    if m is None or kind(m.group(1)) != "blockdiag":
        return None
    return quotient(rows, cols), cols


def _learned_scalar(w: "Walker", arg) -> bool:
    """A learned scalar alone (FastGRNN's sigmoid(zeta)): a function of it is computed at each step."""
    return isinstance(arg, N.Symbol) and arg.name in w.roles.scalars
