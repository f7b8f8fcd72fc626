"""Checks of the whole cell once its shapes are solved (shapes.infer calls them): what no single
equation shows, but the equations together do."""
from __future__ import annotations

from ..errors import TYPE_CHECKING  # typing's, without importing typing (a start-up cost)


from ..errors import ShapeError
from ..read import nodes as N
from ..read.choices import Choice, current
from ..read.prosesizes import legends
from ..read.words import kind
from ..read.source import Span
from ..read import patterns as re  # re, with the package's patterns compiled ahead (read.patterns)
from .biasprose import may_say

if TYPE_CHECKING:
    from .unify import Walker


_BELOW = re.compile(r"(\^\{?\(?|_\{?(?:[^{}]*,)?)(l|\\ell|k|n)-1(\)?\}?)$")


def first_layer(w: "Walker", signals: list) -> None:
    """The equations of layer l (h^{(l-1)}, the layer below, read as this layer's input) and the first
    layer's input written apart (h^{(0)} = x_t): where the two differ in size, the first layer's input
    weights differ from every other layer's, and one layer's count is not each layer's."""
    by = {s.name: s for s in signals}
    for s in signals:
        m = _BELOW.search(s.name) if "-1" in s.name else None  # (every match holds -1: a quick test first)
        if m is None:
            continue
        first = by.get(s.name[:m.start()] + m.group(1) + "1" + m.group(3))
        if first is not None and first.defined:
            raise ShapeError(f"the text writes the first layer ({first.text}) apart from layer {m.group(2)} ({s.text}, "
                             "the layer below read as this layer's input): the count depends on the number of layers, "
                             "which the equations do not fix", source=w.src, span=first.span,
                             hint="derive the first layer's equations and one of the others' apart, or write the stack "
                                  "as one layer's equations and count it with --layers N")
        base = by.get(s.name[:m.start()] + m.group(1) + "0" + m.group(3))
        if base is not None and base.dim != s.dim:
            names, n = (s.text, base.text), w.names()
            raise ShapeError(f"the equations are those of layer {m.group(2)}, whose input {names[0]} is "
                             f"{w.solver.freeze(w.signals[s.name].rows, n)}, but the first layer's, {names[1]}, is "
                             f"{w.solver.freeze(w.signals[base.name].rows, n)}: the first layer's weights differ from the "
                             "others', and the text gives one layer's shapes", source=w.src, span=s.span,
                             hint="write the first layer's equations with its input (x_t), and count a stack with --layers N")


def no_parameters(w: "Walker") -> None:
    """Equations with no parameter at all are not a learned cell: what was read is part of the text
    (the equations with the weights written where the reader does not look: a picture, a table, code)."""
    eqs = w.roles.cell.equations
    lines = sorted({w.src.line_col(eq.span.start)[0] for eq in eqs})
    raise ShapeError(f"no parameter in the equations read ({len(eqs)}, on line{'s' if len(lines) > 1 else ''} "
                     f"{', '.join(map(str, lines[:8]))}): a recurrent cell has weights, so its other equations were "
                     "not read", source=w.src, span=eqs[0].span,
                     hint="write the equations that hold the weights as math ($...$ or one equation per line)")


# "This RNN's parameters are the three matrices `W_hh, W_xh, W_hy`" (Karpathy's blog): the prose lists
# the cell's parameters by name
_LISTED = re.compile(r"\bparameters\s+(?:are|is|:)\s+(?:the\s+)?(?:[a-z]+\s+){0,3}?(?P<list>(?:[`$][^`$\n]{1,60}[`$]"
                     r"(?:\s*(?:,|and)\s*)*){1,8})", re.I)
_NAME = re.compile(r"(?<![\\A-Za-z])[A-Za-z]\\?_(?:\{[A-Za-z0-9,]+\}|[A-Za-z0-9]+)")
# "the following parameters in addition to the generic RNN parameters": others the text does not give here
_MORE_PARAMETERS = re.compile(r"\bparameters?\s+in\s+addition\s+to\s+(the\s+(?:[a-z-]+\s+){0,3}?parameters?)\b", re.I)
# "have the following parameters:" and a LaTeX list whose items declare them, `\item $W_0 \in \mathbb{R}^{...}$`
_PARAMETER_ITEMS = re.compile(r"\bparameters?\b[^.\n]{0,40}\s*\\begin\{(?:itemize|enumerate)\}(?P<list>.*?)\\end\{(?:itemize|enumerate)\}",
                              re.S | re.I)
_DECLARED_ITEM = re.compile(r"\$\s*((?:\\(?:mathbf|boldsymbol|bm)\s*\{\s*)?[A-Za-z]\s*\}?\s*[_^]\s*\{?[A-Za-z0-9]{1,4}\}?)\s*(?:\\in\b|:)")
# a docstring's roles of math after the words bias or weights: "bias terms :math:`\mathbf{b}_{ih}` and
# :math:`\mathbf{b}_{hh}`", "Initializer for hidden bias :math:`\mathbf{b}_{hh}`" (rst)
_ROLE_NAMED = re.compile(r"\b(?:bias(?:es)?|bias\s+terms?|weights?)\s+(?P<list>:math:`[^`\n]{1,60}`(?:\s*(?:,|and)\s*:math:`[^`\n]{1,60}`){0,7})")
# a legend's bullet of a weight: "> + $W_{hh}$: Hidden state 到 Candidate Hidden state 的輸入權重", "- $W_o$: output weights"
_WEIGHT_BULLET = re.compile(r"^[ \t>]*[-+*•][ \t]*\$(?P<list>[^$\n]{1,30})\$\s*[:：][^\n]*(?:權重|权重|\bweights?\b)", re.M)
_UNFONTED = re.compile(r"\\(?:mathbf|boldsymbol|bm|mathrm|vec)\s*\{([^{}]*)\}")
# "参数矩阵 $w_{xh}, w_{hh}$", "偏置项 $b_h$" (a Chinese note's list of parameters; 偏执, its common slip)
_CJK_WORDS = re.compile(r"参数|权重|偏[置执]|パラメータ|가중치|편향")
_CJK_LISTED = re.compile(r"^[ \t]*(?:[-*•][ \t]*)?(?:参数(?:矩阵)?|权重矩阵|偏[置执](?:项|向量)|パラメータ|가중치|편향)[ \t]*[:：]?[ \t]*"
                         r"(?P<list>(?:\$[^$\n]{1,60}\$[ \t]*(?:[,，、和及与][ \t]*)*){1,8})[ \t]*$", re.M)  # (a list item's line, nothing after)
# "the same W_xh, W_hh, W_hy matrices at every step": subscripted names listed before the word matrices
_LISTED_NAME = r"[`$]?[A-Za-z]\\?_(?:\{[A-Za-z0-9,]+\}|[A-Za-z0-9]+)[`$]?"
_NAMED_MATRICES = re.compile(r"(?P<list>" + _LISTED_NAME + r"(?:\s*(?:,|\band\b)\s*" + _LISTED_NAME + r"){1,8})"
                             r"\s+(?:weight\s+)?(?:matrices|weights)\b")

# a legend of code names, one a line: "`QW` - Query layer weight in the attention mechanism" (a bare name: `W[iofc]`
# stands for names the equations write otherwise)
_WEIGHT_LEGEND = re.compile(r"^[ \t]*[-*]?[ \t]*`(?P<list>[A-Z][A-Za-z0-9]{0,3})[`'][ \t]*[-–—:][ \t]*(?:[A-Za-z-]+[ \t]+){0,4}?"
                            r"(?:weights?|weight\s+matri(?:x|ces))\b", re.M)  # a short capital name, said a weight in a few words


def _plain(name: str) -> str:
    return re.sub(r"\\(?:mathbf|boldsymbol|bm|mathrm)\s*|[{}\\ ]", "", name)


# the prose says gates share their weights ("the input and forget gates share their weight matrices"), not
# the sharing over time every recurrent cell has ("the parameters are shared across time")
_SHARED_GATES = re.compile(r"[^.\n]*\bgates?\b[^.\n]{0,80}\b(?:shar(?:e|es|ed|ing)|tied|tie)\b[^.\n]*"
                           r"|[^.\n]*\b(?:shar(?:e|es|ed|ing)|tied|tie)\b[^.\n]{0,80}\bgates\b[^.\n]*", re.I)
_OVER_TIME = re.compile(r"\b(?:across|over|through)\s+(?:all\s+)?(?:the\s+)?(?:time|steps|time\s*steps|positions|the\s+sequence)\b", re.I)


def shared_gates(w: "Walker") -> None:
    """Prose that says gates share their weights where no equation ties them (W_i = W_f is read as such):
    the equations as written count each gate's own, so the count would not be the cell's: refused,
    unless the user counts them as written (--read shared-gates=as-written)."""
    text = w.src.text
    if ("shar" not in text and "tie" not in text) or w.roles.derived:
        return
    m = next((m for m in _SHARED_GATES.finditer(text) if re.search(r"weight|matri|parameter", m.group(0), re.I)
              and not _OVER_TIME.search(m.group(0))), None)
    if m is None:
        return
    said = current().pick(Choice("shared-gates", ("refuse", "as-written"), w.src.where(Span(m.start(), m.end())),
                                 "the prose says gates share their weights"), ambiguous=False)
    if said == "refuse":
        raise ShapeError("the prose says gates share their weights, but no equation ties them: the equations as written "
                         "give each gate its own", source=w.src, span=Span(m.start(), m.end()),
                         hint="write the tie as an equation (W_i = W_f), or add --read shared-gates=as-written to count "
                              "the equations as written")


# the prose calls a weight an affine map: "let $T_{n,m}: \mathbb{R}^n \to \mathbb{R}^m$ be an affine transform"
_AFFINE = re.compile(r"\$\s*(\\?[A-Za-z]+)(?:_\{[^{}$]*\}|_[A-Za-z0-9])?[^$]{0,60}\$[^$.\n]{0,40}\baffine\s+(?:transform|map|function|layer)", re.I)


def affine_weights(w: "Walker", params: list) -> None:
    """A weight the prose calls an affine map (W x + b) in equations that add no bias: its bias is not
    written, so the count of the equations would miss it: refused."""
    m = _AFFINE.search(w.src.text) if "ffine" in w.src.text else None
    if m is None or any(p.bias for p in params):
        return
    letter = m.group(1)
    named = [p.name for p in params if _plain(p.name).split("_")[0] == letter and not p.scalar]
    if named:
        raise ShapeError(f"the prose calls {letter} an affine map (W x + b), but the equations add no bias to it: the "
                         "count of the equations would miss its bias", source=w.src, span=Span(m.start(), m.end()),
                         hint=f"write the bias into the equations ({letter} x + b), or write {letter} as \\text{{Linear}}(...)")


# the prose gives a weight a structure whose free entries are fewer than its entries: "$U_i$ ... are block-diagonal
# with 4 blocks", "a skew-symmetric matrix $A$", "upper triangular"
_STRUCTURE = r"(?:block[- ]diag(?:onal)?|skew[- ]symmetric|anti[- ]?symmetric|symmetric|(?:upper|lower)[- ]triangular|triangular|toeplitz|circulant)"
_STRUCTURED = re.compile(r"(?:分块|分塊|块状|塊狀|块|塊|准|ブロック|블록)\s*(?:对角|對角|対角|대각)"  # 分块对角: block-diagonal
                         r"|\b(?:is|are|be|being|as|considered)\s+(?:an?\s+|all\s+)?" + _STRUCTURE + r"\b"
                         r"|\b" + _STRUCTURE + r"\s+(?:weight\s+)?(?:matri(?:x|ces)|weights?)\b"
                         r"|\$\s*,?\s*" + _STRUCTURE + r"\b", re.I)


def structured_weights(w: "Walker") -> None:
    """Prose that gives a weight a structure (block-diagonal, skew-symmetric, triangular, ...) its
    equations do not write (no \\mathrm{BlockDiag}, no `% symcount: heads`, whose heads are the blocks): a
    full matrix of that shape would be counted, more than its free entries."""
    text = w.src.text
    if not may_say(text, ("diag", "symmetric", "triangular", "oeplitz", "irculant")) or \
            not re.search(r"diag|symmetric|triangular|oeplitz|irculant|对角|對角|対角|대각", text, re.I):
        return
    m = _STRUCTURED.search(text)
    cell = w.roles.cell
    if m is None:
        return
    said = (re.search(_STRUCTURE, m.group(0), re.I) or re.search(r".+", "block-diagonal")).group(0).lower()
    said = "block-diagonal" if said.startswith("block") else said
    if any(d.key == "heads" for d in cell.directives) or any(
            isinstance(n, N.Apply) and (kind(n.func) == "blockdiag" or kind(n.func) == "diag" and "block" not in said)
            for eq in cell.equations for side in (eq.rhs,) + eq.also for n in N.walk(side)):
        return  # (the equations write the structure: \mathrm{BlockDiag}_B(...), or one head's of several)
    raise ShapeError(f"the prose says a weight is {said}: its free entries are fewer than "
                     "its entries, and the equations write it as a full matrix", source=w.src, span=Span(m.start(), m.end()),
                     hint="write the structure in the equations (\\mathrm{BlockDiag}_B(...) for B blocks, or the free "
                          "parameters the matrix is made of, like U = P Q^\\top)")


def _of_family(name: str, names: set[str]) -> bool:
    """A docstring's name for a family of the equations' parameters: b_ih for b_ih^a, b_ih^f (one per gate);
    W_ih for W_ir, W_iz, W_in (torch's stacked matrix)."""
    core = re.sub(r"_\{?(.)[^{}]*\}?$", r"_\1", name)  # W_{ih}: W_i
    return any(re.sub(r"\^.*$", "", n) == name or re.sub(r"_\{?(.)[^{}]*\}?(?:\^.*)?$", r"_\1", n) == core for n in names)


def listed_parameters(w: "Walker", params: list) -> None:
    """Parameters the prose lists by name (with a subscript: W_hy, not a bare W) that no equation read
    uses: the equations read are not the whole cell (an output written only as code), so the count of
    what was read would be short."""
    text = w.src.text
    lists = [(m, "names {} among the cell's matrices") for m in _NAMED_MATRICES.finditer(text)] \
        if re.search(r"matrices|weights", text) else []
    lists += [(m, "lists {} among the parameters") for m in _LISTED.finditer(text)] if "parameters" in text.lower() else []
    lists += [(m, "lists {} among the parameters") for m in _CJK_LISTED.finditer(text)] if _CJK_WORDS.search(text) else []
    weights = list(_WEIGHT_LEGEND.finditer(text)) if "`" in text and "weight" in text else []
    listed = list(legends(text))
    roles = [(m, "names {} among the cell's biases and weights") for m in _ROLE_NAMED.finditer(text)] if ":math:" in text else []
    bullets = [(m, "names {} among the cell's weights") for m in _WEIGHT_BULLET.finditer(text)] if "$:" in text or "$ :" in text else []
    roles += [(m, said) for m, said in bullets if re.search(r"\||stack", text[m.start():(text.find("\n", m.end()) + 1 or len(text) + 1) - 1])]
    lists += [(m, said) for m, said in bullets if (m, said) not in roles]
    more = _MORE_PARAMETERS.search(text) if "addition" in text else None
    if more is not None:  # "requires the following parameters in addition to the generic RNN parameters"
        raise ShapeError(f"the prose says the cell's parameters come in addition to others ({' '.join(more.group(1).split())}) "
                         "that the equations do not write: the count of what was read would be short", source=w.src,
                         span=Span(more.start(1), more.end(1)), hint="write every equation of the model as math, the others too")
    items = list(_PARAMETER_ITEMS.finditer(text)) if "\\item" in text and "arameter" in text else []
    if not (lists or weights or listed or roles or items):
        return  # (nothing listed: the names of a long cell's parameters are not worked out)
    names = {_plain(p.name) for p in params} | {_plain(n) for n in w.signals}
    glued = {re.sub(r"[_{}\\]", "", n).lower() for n in names}  # `Wbi` in a legend for W_{bi} in the math
    for m in weights:
        if m.group("list").replace("_", "").lower() not in glued:
            raise ShapeError(f"the prose names {m.group('list')} as a weight, but no equation read uses it: the equations "
                             "read are not the whole cell", source=w.src, span=Span(m.start("list"), m.end("list")),
                             hint="write every equation of the cell as math, the one that uses it too")
    for at, named, _, _ in listed:  # `- c:  (m,)  (readout)`: a legend's weight
        lower = {n.lower() for n in names}  # X: the data of the signal x; `w_ih` for W_ih
        missing = [n.strip() for n in named.split(",")  # `h_new : (hidden_dim,)`: h's new value, a signal read
                   if re.sub(r"_(?:prev|new|next|old|tm1)$", "", _plain(n.strip().strip("`")).lower()) not in lower]
        if missing:
            raise ShapeError(f"a legend gives the shape of {', '.join(missing)}, but no equation read uses "
                             f"{'it' if len(missing) == 1 else 'them'}: the equations read are not the whole cell",
                             source=w.src, span=Span(at, at + len(named)),
                             hint="write every equation of the cell as math, the one that uses it too")
    for m in items:
        bare = {re.sub(r"[()]", "", n) for n in names}  # (W^{hx} declared for W^{(hx)} used)
        signals = {_plain(n)[:1] for n in w.signals}  # (x_t, h_{t-1}, h_0: a signal's, declared in the list too)
        missing = [d.group(1) for d in _DECLARED_ITEM.finditer(m.group("list"))
                   if re.sub(r"[()]", "", _plain(d.group(1))) not in bare and _plain(d.group(1))[:1] not in signals]
        if missing:
            raise ShapeError(f"the prose lists {', '.join(dict.fromkeys(missing))} among the parameters, but no equation read uses "
                             f"{'it' if len(missing) == 1 else 'them'}: the equations read are not the whole cell",
                             source=w.src, span=Span(m.start("list"), m.start("list") + 1),
                             hint="write every equation of the cell as math, the one that uses it too")
    for m, said in lists + roles:
        missing = [n.group(0) for n in _NAME.finditer(_UNFONTED.sub(r"\1", m.group("list"))) if _plain(n.group(0)) not in names
                   and not ((m, said) in roles and _of_family(_plain(n.group(0)), names))]
        if missing:
            raise ShapeError(f"the prose {said.format(', '.join(missing))}, but no equation read uses "
                             f"{'it' if len(missing) == 1 else 'them'}: the equations read are not the whole cell",
                             source=w.src, span=Span(m.start("list"), m.end("list")),
                             hint="write every equation of the cell as math, the one that uses it too")


# torch's recurrent layers built in the text's code: `rnn = nn.RNN(k, h)` (two biases per gate, b_ih and b_hh)
_TORCH_LAYER = re.compile(r"\bnn\.(?:RNN|LSTM|GRU)(?:Cell)?\s*\(")
_PYTORCH = re.compile(r"import torch|torch\.nn|PyTorch", re.I)
# a signature whose keyword adds the second bias by default: RecurrentLayers.jl's `bias = true, recurrent_bias = true`
_RECURRENT_BIAS = re.compile(r"\brecurrent_bias\s*=\s*(?:true|True)\b")


def framework_biases(w: "Walker", params: list) -> None:
    """A text that builds torch's layer in code (`nn.RNN(k, h)`), or whose signature adds a recurrent bias by default
    (`recurrent_bias = true`), and writes its equations with one bias per gate: the layer has two (b_ih and b_hh),
    the equations one; which is counted is not said: refused,
    unless the user counts the equations as written (--read framework-biases=as-written)."""
    text = w.src.text
    m = _TORCH_LAYER.search(text) if "nn." in text and _PYTORCH.search(text) else None  # (Lua torch's nn.GRU: one bias)
    m = m or (_RECURRENT_BIAS.search(text) if "recurrent_bias" in text else None)
    biased = [e for p in params if p.bias for e in p.equations]
    if m is None or not biased or len(biased) != len(set(biased)):
        return  # no layer built, no bias, or an equation with two biases (torch's own way)
    said = current().pick(Choice("framework-biases", ("refuse", "as-written"), w.src.where(Span(m.start(), m.end())),
                                 "the code builds the framework's layer, with two biases per gate"), ambiguous=False)
    if said == "refuse":
        built = f"the code builds torch's {m.group(0).rstrip('( ')} (two biases per gate, b_ih and b_hh)" if m.group(0).startswith("nn") \
            else f"the signature's {m.group(0)} adds a recurrent bias to each gate's input bias (two per gate)"
        raise ShapeError(f"{built}, but the "
                         "equations write one bias per gate: the text does not say which is counted",
                         source=w.src, span=Span(m.start(), m.end()),
                         hint="write the equations with both biases, or add --read framework-biases=as-written to count "
                              "the equations as written")


# the prose says the initial states are learned: "the initial states $h_0$, $c_0$ are model parameters",
# "a learned initial state", "we learn the initial hidden state"
_INITIAL = re.compile(r"\binitial\s+(?:hidden\s+|cell\s+|recurrent\s+)?states?\b[^.]{0,300}?\b(?:are|is)\s+(?:also\s+)?"
                      r"(?:an?\s+)?(?:(?:model|learned|learnable|trainable)\s+)?(?:parameters?\b|learn(?:ed|t|able)\b|trainable\b)"
                      r"|\b(?:learn(?:ed|able|s|ing)?|trainable|train)\s+(?:the\s+|an?\s+)?initial\s+(?:hidden\s+|cell\s+)?states?\b",
                      re.I)


_OPTIONAL = re.compile(r"\b(?:can\s+be|may\s+be|if\b|optional(?:ly)?|setting|when|whether|default|flag|enable)", re.I)


def learned_initial_states(w: "Walker") -> None:
    """The prose says the cell's initial states are learned parameters; the equations count the weights
    of a step, and an initial state is no weight of one: refused, unless the user counts the step's
    parameters alone (--read initial-states=not-counted)."""
    text = w.src.text
    m = _INITIAL.search(text) if "nitial" in text else None
    if m is None or re.search(r"\b(?:not|never|no|nor)\b", m.group(0), re.I):
        return
    line_start = text.rfind("\n", 0, m.start()) + 1
    around = text[line_start:m.start()] + text[m.start():].split("\n", 1)[0]
    if _OPTIONAL.search(around):
        return  # an option: "Trainable initial hidden state can be activated by setting this to `true`" (Lux)
    said = current().pick(Choice("initial-states", ("refuse", "not-counted"), w.src.where(Span(m.start(), m.end())),
                                 "the prose says the initial states are learned"), ambiguous=False)
    if said == "refuse":
        raise ShapeError("the prose says the initial states are learned parameters; the equations give the weights of "
                         "a step, and symcount does not count a learned initial state", source=w.src,
                         span=Span(m.start(), m.end()),
                         hint="add --read initial-states=not-counted to count the step's parameters alone (then add "
                              "each learned initial state's size yourself: one vector per state)")


# the prose gives one bias tensor for the sum of a gate's two biases: "B ... [4 * hidden_size], the sum
# of biases (weights and recurrence weights)" (OpenVINO), "bias - The sum of biases" (nGraph)
_SUMMED = re.compile(r"\bsum\s+of\s+(?:the\s+)?bias|\bbias(?:es)?\s+(?:are|is)\s+summed"
                     r"|(?:^|[\s`*])B[`*]*\s[^\n]{0,160}\[\s*\d+\s*\*\s*hidden_size\s*\]", re.I | re.M)


# "(Wbz + Ubz) is embeded in the attribute bias_z_t": one stored tensor for that sum
_SUMMED_PAIR = re.compile(r"\(\s*([A-Za-z][\w{}\\]*)\s*\+\s*([A-Za-z][\w{}\\]*)\s*\)\s*(?:is|are)\s+(?:embedd?ed|stored|kept|held|"
                          r"merged|combined|fused|folded)\b(?P<rest>[^.\n]*)", re.I)
_APART = re.compile(r"\b(?:two|separate|separately|both|distinct|each\s+in\s+its\s+own)\b", re.I)


def _letters(name: str) -> str:
    return re.sub(r"[\\{}_ ]", "", name)


_N_BIASES = re.compile(r"\b(\d+|two|three|four|five|six)\s+bias(?:es|\s+vectors?|\s+terms?)\b", re.I)
_NUMBER = {**{str(n): n for n in range(1, 10)}, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}


def summed_biases(w: "Walker", params: list) -> list:
    """Equations that each add two biases (Xt*(Wi^T) + ... + Wbi + Rbi), where the prose says one
    tensor holds their sum: one bias per gate, the first name standing for the sum (a note; `--read
    summed-biases=as-written` counts both)."""
    first: dict[int, list] = {}
    for p in params:
        if p.bias and not p.scalar and len(p.equations) == 1:
            first.setdefault(p.equations[0], []).append(p)
    pairs = {i: ps for i, ps in first.items() if len(ps) == 2 and _added(w.roles.cell.equations[i], ps[0].name, ps[1].name)}
    if not pairs:
        return params
    named = {frozenset(map(_letters, m.groups()[:2])) for m in _SUMMED_PAIR.finditer(w.src.text)
             if not _APART.search(m.group("rest"))}  # "(b_ir + b_hr) is stored in two separate tensors": not one
    if named:  # "(Wbz + Ubz) is embedded in the attribute bias_z_t": the pairs the prose names, no other
        pairs = {i: ps for i, ps in pairs.items() if frozenset(_letters(p.name) for p in ps) in named}
        if not pairs:
            return params
    said = bool(named) or _SUMMED.search(w.src.text) is not None
    counted = [m for m in _N_BIASES.finditer(w.src.text) if _NUMBER.get(m.group(1).lower()) == len(pairs) >= 3
               and len(pairs) == len(first)]  # one bias counted per gate, and every gate adding two
    if not pairs or not (said or counted):
        return params  # (a pair inside another operation, R h + Rbh under r ⊙, stays two: it is no sum of biases)
    from ..read.choices import Choice, current
    a, b = next(iter(pairs.values()))
    where = w.src.where(b.span)
    # "4 bias vectors" under equations that add two per gate: their sums, or the text disagrees with itself
    if current().pick(Choice("summed-biases", ("summed", "as-written"), where, "each gate's two biases as one, their sum"
                             + ("" if said else f" (the prose counts {counted[0].group(0)})")),
                      ambiguous=not said) != "summed":
        return params
    extra = {id(ps[1]) for ps in pairs.values()}
    w.notes.append(f"{a.name} + {b.name} at {where}: the prose gives one tensor for the sum of "
                   + ("each pair of biases it names" if named else "each gate's two biases")
                   + ", counted once (--read summed-biases=as-written counts both)")
    return [p for p in params if id(p) not in extra]


def _added(eq, a: str, b: str) -> bool:
    """Whether a and b are terms of one sum in eq (Wbh + Rbh, not Rbh inside r ⊙ (R h + Rbh))."""
    for n in N.walk(eq.rhs):
        if isinstance(n, N.Binary) and n.op == "add":
            terms, stack = set(), [n]
            while stack:
                x = stack.pop()
                if isinstance(x, N.Binary) and x.op == "add":
                    stack += [x.left, x.right]
                elif isinstance(x, N.Symbol):
                    terms.add(x.name)
            if a in terms and b in terms:
                return True
    return False


# prose that says some products of the equations are not the layer's: "These $W_{xi}x_t, ...$ operations on the input
# sequence were NOT included in LstmLayer"
_EXCLUDED = re.compile(r"(?:[^.\n$]|(?<!\$)\$(?!\$)|\n(?![ \t*]*\n)(?![ \t]*(?:\$\$|\\\]))){0,240}?\b(?:(?:are|is|were|was)\s+not\s+(?:included|part\s+of|computed\s+in|done\s+in|counted)"
                       r"|excluded\s+from|outside\s+(?:the|this)\s+(?:layer|cell|module))\b", re.I)


def excluded_weights(w: "Walker", params: list) -> None:
    """Prose that says weights the equations write are not included in the layer (a projection done before
    it): the count of the equations as written is not the layer's: refused, unless the user counts them as
    written (--read excluded-weights=as-written)."""
    text = w.src.text
    if "not" not in text.lower() and "exclud" not in text and "outside" not in text:
        return
    for m in _EXCLUDED.finditer(text):
        raw = re.sub(r"\s", "", m.group(0))
        said = re.sub(r"[{}$\\]|\bf(?=[$\[\]])", "", raw)
        named = [p.name for p in params if "_" in p.name and (re.sub(r"\s", "", p.name) in raw and "{" in p.name or re.search(
            r"(?<![A-Za-z0-9_])" + re.escape(re.sub(r"[{}\s]", "", p.name)) + r"(?![A-Za-z0-9_])", said))]
        if not named:
            continue
        if current().pick(Choice("excluded-weights", ("refuse", "as-written"), w.src.where(Span(m.start(), m.end())),
                                 "the prose says weights the equations write are not the layer's"), ambiguous=False) == "refuse":
            raise ShapeError(f"the prose says {', '.join(named)} are not included in the layer the text documents: the "
                             "count of the equations as written is not the layer's", source=w.src, span=Span(max(m.start(), m.end() - 30), m.end()),
                             hint="write the layer's own equations, or add --read excluded-weights=as-written to count "
                                  "the equations as written")
        return



# prose that speaks of complex numbers: "taking the real part of the output projection", "complex-valued"
_COMPLEX_WORDS = re.compile(r"\b(?:real|imaginary)\s+part|\bcomplex[- ](?:valued|numbers?|diagonal|eigenvalues?|weights?|matri\w*|parameters?)\b"
                            r"|(?<!单数还是)(?<!单数或)(?<!单)复数|複素数|복소수", re.I)  # (单数还是复数: singular or plural)


def unsaid_complex(w: "Walker", params: list) -> None:
    """Prose that speaks of complex numbers (a real part, complex-valued weights) where no parameter is declared
    complex: which parameters are complex (two real numbers per entry) is not said, and the count is refused."""
    text = w.src.text
    if "part" not in text and "omplex" not in text and "复数" not in text and "複素数" not in text and "복소수" not in text:
        return
    m = _COMPLEX_WORDS.search(text)
    if m is None or any(getattr(p, "complex", False) for p in params) or any(d.field == "complex" for d in w.roles.cell.declarations):
        return
    raise ShapeError(f"the text speaks of complex numbers ({m.group(0)!r}) but declares no parameter complex: which parameters "
                     "are complex (two real numbers per entry) is not said", source=w.src, span=Span(m.start(), m.end()),
                     hint="declare the complex ones, e.g. \\Lambda \\in \\mathbb{C}^{N}, B \\in \\mathbb{C}^{N \\times H}")


def unread_updates(w: "Walker", signals: list) -> None:
    """`f_t = \\sigma(W_f [h_{t-1}, x_t] + b_f)` and the other gates, with no equation of c_t or h_t (prose, a picture):
    h is read from the step before and computed nowhere, the gates are read by no equation, and their sizes are left
    apart from h's. The state's update was not read, and the gates' count alone is no count of the cell: refused.
    (Where the gates take h's size, a docstring that writes the gates of a standard cell, the count stands; and a signal
    read from the step before where every computed one is read is an input: a decoder's y_{i-1}.)"""
    cell = w.roles.cell
    lags: dict[str, set] = {}
    for eq in cell.equations:
        for side in (eq.rhs,) + eq.also:
            for x in N.walk(side):
                if isinstance(x, N.Symbol):
                    lags.setdefault(x.name, set()).add(x.lag)
    by = {s.name: s for s in signals}
    before = [s for s in signals if not s.defined and s.name in lags and None not in lags[s.name] and 0 not in lags[s.name]]
    unread = [s for s in signals if s.defined and s.name not in lags]
    if not before or not unread or not any(not s.defined and 0 in lags.get(s.name, ()) for s in signals) or current().open:
        return  # (never a reading's pruning: where the text leaves choices open, a heuristic does not pick among them)
    names = {b.name for b in before}  # (gates: what reads the missing state at the step before; an output o_t = W_o h_t is none)
    gates = [s for s in unread if s.name in w.roles.defined and any(
        isinstance(x, N.Symbol) and x.name in names and x.lag for x in N.walk(w.roles.defined[s.name].rhs))]
    apart = [s for s in gates if all(s.dim != b.dim for b in before)]
    if len(gates) < 2 or not apart:
        return  # (one gate alone, `f_t = \\sigma(W_f [h_{t-1}, x_t] + b_f)`, is a fragment a user may count)
    b = by[before[0].name]
    raise ShapeError(f"{b.text} is read from the step before, but no equation computes {b.name} at this step, and "
                     f"{', '.join(s.text for s in unread[:4])} {'is' if len(unread) == 1 else 'are'} computed and read by "
                     "no equation: the state's update was not read, and the count of the others would be short",
                     source=w.src, span=b.span, hint=f"write the equation that computes {b.name} at step t as math ($...$)")
