"""Signals the equations use as gates: each symbol with the operator it is an operand of, and a gate at
a step that no equation computes (its weights not written: refused). Used by shapes.roles."""
from __future__ import annotations

from ..errors import ShapeError
from .codefields import code_fields
from ..read import nodes as N
from ..read.words import kind
from ..read import patterns as re  # re, with the package's patterns compiled ahead (read.patterns)


_WEIGHT_LIKE = re.compile(r"(?:\\math(?:bf|rm)\{)?[WURV](?![a-z])")


def symbols_with_parents(eq: N.Equation) -> list:
    """Every symbol of the equation (left side first, then left to right) with the operator it is a
    direct operand of ("add", "matmul", ...; None under a function, a transpose or a stack). A list,
    kept for the last equations asked (the roles and the refusals ask it of each): the caller's to read."""
    hit = _FOUND.get(id(eq))
    if hit is not None and hit[0] is eq:
        return hit[1]
    out, todo = [], [(x, None) for x in reversed(eq.also)] + [(eq.rhs, None), (eq.lhs, None)]
    while todo:
        node, parent = todo.pop()
        if isinstance(node, N.Symbol):
            out.append((node, parent))
        elif isinstance(node, N.Binary):
            todo.append((node.right, node.op))
            todo.append((node.left, node.op))
        else:
            todo.extend((x, None) for x in reversed(N.children(node)))
    if len(_FOUND) >= 1 << 14:
        _FOUND.clear()
    _FOUND[id(eq)] = (eq, out)
    return out


_FOUND: dict = N.kept({})  # id of an equation -> (the equation, its symbols with their parents)


def refusals(cell: N.Cell, undefined: set[str], inputs: set[str], params: set[str], named: set[str] = frozenset()) -> None:
    """What the signals no equation computes (`undefined`, besides the `inputs`) and the parameters say
    against a count: each refused here (shapes.roles). `named`: the one-letter names no equation defines."""
    undefined_gates(cell, undefined - inputs)
    islands(cell, undefined, params)
    untimed_gates(cell, params)
    inputless_gates(cell, params)
    function_words(cell, params)
    glued_products(cell, params)
    self_applied(cell)
    networks_applied(cell, params)
    called_gates(cell, params)
    step_letters(cell, set(params) | undefined | named)
    projected_signals(cell, undefined)
    input_dependent_parameters(cell, params)
    code_fields(cell, params)


_IN_MATH = r"(?:\$|`|\\\()\s*%s\s*(?:\$|`|\\\))"
_GATE_WORD = (r"(?:gates?\b(?!\s+(?:bias|weights?|matri|peephole|offset|scale|kernel))(?!['’]s?\s+(?!activation|output|value|signal|vector\s+of\s+values)\w)"
              r"|门|門|ゲート|게이트)")
# the gate's name, then the letters it goes by: "the forget gate `f`", "`f` denotes the forget gate", "$o$ (output gate)",
# "遗忘门`f`", "`f`表示**遗忘门**" (never "the update gate $b$ is initialised to 1", "$p$ (forget gate peephole)": the
# letter is not the gate's own)
_GATE_KINDS = {"f": r"forget(?:ting)?|keep|remember|遗忘|遺忘|忘却|망각", "i": r"input|输入|輸入|入力|입력", "o": r"output|输出|輸出|出力|출력",
               "z": r"update|更新|업데이트", "u": r"update|更新|업데이트", "r": r"reset|recurrence|重置|复位|復位|リセット|리셋"}
_CALLED_GATE = (r"(?:{kind})\s*-?\s*" + _GATE_WORD + r"\**\s*[,(]?\s*" + _IN_MATH + r"|" + _IN_MATH
                + r"\s*(?:\(|\)|,|:|：)?\s*(?:is|denotes|represents|stands\s+for|表示|代表|为|是|は|는|은|이|가)?\s*\**\s*(?:the\s+|an?\s+)?"
                + r"(?:so-called\s+)?(?:{kind})\s*-?\s*" + _GATE_WORD + r"(?!\s*,\s*(?:recurrent|input|part|weights?|bias))")


def called_gates(cell: N.Cell, params) -> None:
    """A one-letter parameter the prose calls a gate ("`f` denotes the forget gate", "遗忘门`f`"): the gate's equation is
    not read (the text writes it where symcount does not look), so its weights would be missing; refused, never counted
    as a vector of its own."""
    if not re.search(r"gate|门|門|ゲート|게이트", cell.prose):
        return
    for eq in cell.equations:
        for x in N.walk(eq.rhs):
            if isinstance(x, N.Symbol) and x.name in params and x.name in _GATE_KINDS and x.lag is None \
                    and re.search(_CALLED_GATE.replace("{kind}", _GATE_KINDS[x.name]) % ((re.escape(x.name),) * 2), cell.prose, re.I):
                raise ShapeError(f"{x.text} is a gate by the text, but no equation read computes it: its equation is not "
                                 "read, so its weights would be missing from the count", source=cell.source, span=x.span,
                                 hint=f"write its equation where it is read, e.g. $$ {x.text}_t = \\sigma(W_{x.text} x_t + "
                                      f"U_{x.text} h_{{t-1}} + b_{x.text}) $$")


def undefined_gates(cell: N.Cell, undefined: set[str]) -> None:
    """MGU written as `\\tilde{h}_t = \\tanh(W_h (f_t \\odot h_{t-1}) + ...)`, `h_t = (1 - f_t) \\odot h_{t-1} + ...`
    with no equation for f_t: a signal at a step that no equation computes and that is only ever
    multiplied entry by entry is a gate whose equation is missing (an input is multiplied by a weight):
    refused, never counted without the gate's weights."""
    # z_t = 0: a value the text sets; n_t^{-1}: n's; x and u: the input's letters (x_t \oplus h_{t-1} read elementwise)
    undefined = {n for n in undefined - set(cell.settings) if "^" not in n and re.sub(r"\\[A-Za-z]+\{|[{}]", "", n)[:1] not in "xXu"}
    if not undefined:
        return
    ways: dict[str, set] = {}
    # `f_t * c_{t-1}`, `o_t * tanh(C_t)`: a star between a signal at a step and another signal or a function's
    # value is their elementwise product, as \odot is
    # (and `i_t \cdot \tilde{C}_t`, `i_t ⋅ C̃ₜ`: a dot between two signals at a step reads elementwise too)
    paired = {x.name for eq in cell.equations for n in N.walk(eq.rhs) if isinstance(n, N.Binary)
              and n.op in ("star", "matmul")
              for x, y in ((n.left, n.right), (n.right, n.left))
              if isinstance(x, N.Symbol) and x.lag == 0 and (isinstance(y, N.Symbol) and y.lag is not None or isinstance(y, N.Apply))
              and (n.op != "matmul" or n.explicit or not _WEIGHT_LIKE.match(x.name))}  # (W_t h_{t-1}: a weight's letter, a reading)
    for eq in cell.equations:
        for sym, parent in symbols_with_parents(eq):
            if sym.name in undefined:
                parent = "hadamard" if parent in ("star", "matmul") and sym.name in paired else parent
                ways.setdefault(sym.name, set()).add(parent if sym.lag == 0 else "at another step")
    for name, parents in ways.items():
        sym = next(s for eq in cell.equations for side in (eq.rhs,) + eq.also for s in N.walk(side)
                   if isinstance(s, N.Symbol) and s.name == name)
        if parents <= {"hadamard", "sub"} and "hadamard" in parents and not _attention_score(cell, sym) \
                and not re.search(re.escape(sym.text) + r"\s*=\s*-?\d", cell.source.text):  # `$z_t = 0$`: set
            raise ShapeError(f"{sym.text} is multiplied entry by entry like a gate, but no equation computes it: "
                             "its weights are not written", source=cell.source, span=sym.span,
                             hint=f"write its equation, e.g. {sym.text} = \\sigma(W x_t + U h_{{t-1}} + b)")


_ATTENTION = re.compile(r"\battention[- ](?:scores?|weights?|coefficients?)\b", re.I)


def _attention_score(cell: N.Cell, sym: N.Symbol) -> bool:
    """AUGRU's `z_t' = a_t * z_t` where the prose speaks of attention scores: a_t (or \alpha_t) is an attention
    score the cell is given (an input, as DIEN's AUGRU takes it), not a gate whose equation is missing."""
    core = re.sub(r"\\(?:mathbf|boldsymbol|bm)\{|[{}]", "", sym.name)
    return core in ("a", "\\alpha", "att", "attn") and _ATTENTION.search(cell.source.text) is not None


def islands(cell: N.Cell, undefined: set[str], params: set[str]) -> None:
    """`o_t = softmax(u_t)` beside `h_t = \\tanh(W x_t + h_{t-1})`, where u_t, "the linear calculation", is computed by no
    equation and read by no other: an equation with no parameter whose signals nothing else reads or computes, and
    whose value no other equation reads, is apart from the cell (its weights not written): refused."""
    if len(cell.equations) < 2:
        return
    for i, eq in enumerate(cell.equations):
        if not isinstance(eq.lhs, N.Symbol) or not isinstance(eq.rhs, N.Apply) or eq.also:
            continue  # (a function of the signal: `C_t = a_t`, a remark's alias, and a chain are not)
        mine = [s for side in (eq.rhs,) + eq.also for s in N.walk(side) if isinstance(s, N.Symbol)]
        if not mine or any(s.name in params or s.name not in undefined for s in mine):
            continue
        if any(_described(cell, s.name) for s in mine):
            continue  # ("the scores $e_t$ are given as input to the cell")
        names = {s.name for s in mine} | {eq.lhs.name}
        elsewhere = {s.name for j, other in enumerate(cell.equations) if j != i
                     for side in (other.lhs, other.rhs) + other.also for s in N.walk(side) if isinstance(s, N.Symbol)}
        if names & elsewhere:
            continue
        raise ShapeError(f"{eq.lhs.text} is computed from {', '.join(sorted({s.text for s in mine}))} alone, which no equation "
                         "computes and no other reads: the equation is apart from the cell, its weights not written",
                         source=cell.source, span=eq.span,
                         hint=f"write how {mine[0].text} is computed (e.g. {mine[0].text} = V h_t + c)")


def untimed_gates(cell: N.Cell, params: set[str]) -> None:
    """`z = \\sigma(x_t U^z + s_{t-1} W^z)`, `h = \\tanh(x_t U^h + (s_{t-1} \\circ r) W^h)`: a text that writes its gates
    without a time index (two letters or more defined so), and a gate's letter (r) that no equation computes, only
    ever multiplied entry by entry: the gate whose equation is missing, not a learned vector. Refused."""
    made = {eq.lhs.name for eq in cell.equations if isinstance(eq.lhs, N.Symbol) and eq.lhs.lag is None and len(eq.lhs.name) == 1}
    declared = {x.name for d in cell.declarations for x in d.symbols}
    letters = {p for p in params if p in _GATE_LETTERS and p not in made and p not in declared and not _described(cell, p)}
    if len(made) < 2 or not letters:
        return
    ways: dict[str, set] = {}
    for eq in cell.equations:
        for sym, parent in symbols_with_parents(eq):
            if sym.name in letters:
                ways.setdefault(sym.name, set()).add(parent)
    for name, parents in sorted(ways.items()):
        if parents <= {"hadamard", "star"}:
            sym = next(s for eq in cell.equations for s, _ in symbols_with_parents(eq) if s.name == name)
            raise ShapeError(f"{sym.text} is multiplied entry by entry like a gate, in a text that writes its gates without a "
                             f"time index ({', '.join(sorted(made))}), but no equation computes it: its weights are not "
                             "written", source=cell.source, span=sym.span,
                             hint=f"write its equation, e.g. {sym.text} = \\sigma(W x_t + U h_{{t-1}} + b), or declare it a "
                                  f"learned vector ({sym.text} \\in \\mathbb{{R}}^{{d}})")


def _described(cell: N.Cell, name: str) -> bool:
    """Whether the prose says what the letter is ("where $i$ is a dropout mask", "$r$ is a trainable vector", "the
    scores $e_t$ are given as input"): its reading is the prose's, not a missing gate's or equation's."""
    core = re.escape(name.split("_")[0])
    return re.search(rf"\$\s*{core}(?:_\{{?[A-Za-z0-9,-]*\}}?)?\s*\$\s+(?:is|are|denotes?|represents?)\b[^$\n.]{{0,40}}?"
                     r"\b(?:mask|vector|trainable|learn\w*|parameter|weight|constant|given|input|provided|fixed)", cell.source.text, re.I) is not None


def inputless_gates(cell: N.Cell, params: set[str]) -> None:
    """`c_t = f \\odot c_{t-1} + i \\odot g`, `h_t = o \\odot \\tanh(c_t)`, `h_t = (1 - z) * h_{t-1} + z * h_tilda` and
    nothing else (a lesson or a question that names the gates in words): every parameter read is a gate's letter
    without a time index that multiplies the cell's signals entry by entry. They are the gates, whose equations are
    not written: refused, never counted as parameters."""
    ways: dict[str, set] = {}
    for eq in cell.equations:
        for sym, parent in symbols_with_parents(eq):
            if sym.name in params:
                way = parent if sym.lag is None and sym.name in _GATE_LETTERS else "weight"
                if way not in ("hadamard", "star", "sub"):
                    return  # a parameter read otherwise than entry by entry: the test below fails (asked at once)
                ways.setdefault(sym.name, set()).add(way)
    if not ways or any(not parents <= {"hadamard", "star", "sub"} or not parents & {"hadamard", "star"} for parents in ways.values()) \
            or any(_said_learned(cell.prose, n) for n in ways):
        return  # ("a learned per-channel decay r": the letters are the cell's parameters)
    gates = sorted(ways)
    sym = min((s for eq in cell.equations for s in N.walk(eq.rhs) if isinstance(s, N.Symbol) and s.name in gates),
              key=lambda s: s.span.start)
    raise ShapeError(f"{', '.join(gates)} {'multiply' if len(gates) > 1 else 'multiplies'} the cell's signals entry by entry "
                     f"like {'gates' if len(gates) > 1 else 'a gate'}, and no other parameter is read: the gates' equations "
                     "are not written", source=cell.source, span=sym.span,
                     hint=f"write each gate's equation at the step, e.g. {sym.text}_t = \\sigma(W x_t + U h_{{t-1}} + b)")


_LEARNED = r"(?:\blearn(?:ed|able|t)\b|\btrainable\b|\bparameters?\b)"


def _said_learned(prose: str, letter: str) -> bool:
    """The prose calls the letter learned near it: "a learned per-channel decay $r$", "$g$ ... trainable"."""
    name = rf"(?<![\w\\])\$?\s*{re.escape(letter)}\s*\$?(?![\w])"
    return re.search(_LEARNED + r"[^.\n]{0,40}?" + name + "|" + name + r"[^.\n]{0,40}?" + _LEARNED, prose, re.I) is not None
_GATE_LETTERS = frozenset("fiogzr")  # (not a: a learned decay, h_t = a \odot h_{t-1} + x_t, is a cell of its own)


# the prose says some signals are computed from the input (Mamba's \Delta_t, B_t, C_t "projected from x_t")
_PROJECTED = re.compile(r"project(?:ed|ion|s)?\s+(?:from|of)|投影|射影|투영|input[- ]dependent|depend(?:s|ing)?\s+on\s+(?:the\s+)?"
                        r"input|functions?\s+of\s+(?:the\s+)?input|computed\s+from\s+(?:the\s+)?input|selective", re.I)


def projected_signals(cell: N.Cell, undefined: set[str]) -> None:
    """Two signals or more at the step that no equation computes besides the input (Mamba's \\Delta_t, B_t,
    C_t), in a text whose prose says they are computed from the input: their weights are not written;
    refused, never counted without them."""
    undefined = sorted(n for n in undefined - set(cell.settings)
                       if "^" not in n and re.sub(r"\\[A-Za-z]+\{|[{}]", "", n)[:1] not in "xXu")
    if not undefined or not _PROJECTED.search(cell.prose) or len(undefined) < 2 and not _named_projected(cell.prose, undefined[0]):
        return
    sym = min((s for eq in cell.equations for side in (eq.rhs,) + eq.also for s in N.walk(side)
               if isinstance(s, N.Symbol) and s.name in undefined), key=lambda s: s.span.start)
    names = ", ".join(undefined)
    raise ShapeError(f"{sym.text} is read at each step, but no equation computes it ({names}: the text says they are "
                     "computed from the input): their weights are not written", source=cell.source, span=sym.span,
                     hint=f"write their equations, e.g. {sym.text} = W x_t")



def _named_projected(prose: str, name: str) -> bool:
    """The sentence that says signals are computed from the input names this one in its math ("In Mamba,
    $\\Delta_t, \\mathbf{B}_t, \\mathbf{C}_t$ are functions of the input"): one such signal is enough."""
    for m in _PROJECTED.finditer(prose):
        start = max(prose.rfind(".", 0, m.start()), prose.rfind("\n", 0, m.start())) + 1
        math = "".join(re.findall(r"\$([^$]*)\$", prose[start:m.start()]))
        if re.search(re.escape(name) + r"(?![A-Za-z])", math):
            return True
    return False


# "Mamba makes state-transition parameters input-dependent", "the matrices B and C are functions of the input"
_DEPENDENT_PARAMETERS = re.compile(r"(?:parameters?|matri(?:x|ces)|weights?)\s+(?:\S+\s+){0,3}?(?:input[- ]dependent"
                                   r"|(?:are|is|become)\s+(?:\w+\s+)?functions?\s+of\s+(?:the\s+)?input)"
                                   # "making ∆, B, and C functions of the input"; Korean's and Chinese's "parameters ... by the input"
                                   r"|(?:\bB|\bC|∆|Δ|\\Delta)\s*,?\s*(?:and\s+)?(?:\bB|\bC)\b[^.\n]{0,20}?\bfunctions?\s+of\s+(?:the\s+)?input"
                                   r"|파라미터[^.\n]{0,10}입력[^.\n]{0,20}따라(?![^.\n]{0,15}않)|参数[^。\n不]{0,20}(?:依赖于|取决于|随)输入", re.I)


def input_dependent_parameters(cell: N.Cell, params: set[str]) -> None:
    """Parameters the prose says depend on the input (a selective SSM's \\bar{A}, \\bar{B}) with no equation
    that says how: the count of the equations as written is not the cell's; refused."""
    core = lambda n: re.sub(r"\\(?:bar|overline|tilde|mathbf|boldsymbol)\{([^{}]*)\}", r"\1", n)  # noqa: E731
    ssm = {n for n in params if ("A" in n or "B" in n or "C" in n or "Delta" in n)  # (what each core holds: a quick test)
           and core(n) in ("A", "B", "C", "\\Delta")}  # a state space's letters, as parameters
    m = _DEPENDENT_PARAMETERS.search(cell.prose) if ssm else None  # (a sentence of contrast may speak of the text's own layer)
    if m is None:
        return
    params = ssm
    sym = min((s for eq in cell.equations for side in (eq.rhs,) + eq.also for s in N.walk(side)
               if isinstance(s, N.Symbol) and s.name in params), key=lambda s: s.span.start)
    raise ShapeError(f"the prose says parameters depend on the input ({' '.join(m.group(0).split())}), but no "
                     f"equation says how {sym.text} and the others are computed from it: not counted", source=cell.source,
                     span=sym.span, hint="write how each is computed from the input, e.g. B_t = W_B x_t")


# a weight named as a function is (`\\mathcal{tanh}(c_t)`, `\\pmb{sigmoid}(...)`): a font the reader does not take for a function's
_FUNCTION_WORD = re.compile(r"(?:\\[A-Za-z]+\{)?(?:tanh|sigmoid|sigma|sigm|softmax|softplus|relu|ReLU|gelu|silu|swish|exp|log|sin|cos|max|min)\}?")


def step_letters(cell: N.Cell, names: set[str]) -> None:
    """A weight or an input named as the step's letter (`rt*(W_{hn} h_{t-1})`: r at t, its subscript lost, read as r
    times a weight t; `X-tW_{xr}` for X_t W_{xr}): an index, never an operand: refused."""
    glued = re.search(r"(?<![A-Za-z\\])[A-Za-z]{1,2}t-1\b", cell.source.text) if "t-1" in cell.source.text else None
    for name in sorted(names):
        if glued and re.fullmatch(r"[A-Z][a-z][xhsc]t", name):  # Wixt, Riht: W_i x_t, R_i h_{t-1} with subscripts lost (not Wout)
            sym = next((s for eq in cell.equations for side in (eq.rhs,) + eq.also for s in N.walk(side)
                        if isinstance(s, N.Symbol) and s.name == name), None)
            if sym is not None:
                raise ShapeError(f"{sym.text} reads as one name that ends with the step's letter, in a text that glues steps "
                                 f"to letters ({glued.group(0)}): a weight and a signal at the step written together "
                                 "(W_i x_t), their subscripts lost", source=cell.source, span=sym.span,
                                 hint="write the weight and the signal apart, with subscripts (W_i x_t)")
        if len(name) == 1 and re.search(rf"(?:_\{{?|[(\[<{{])\s*{name}\s*-\s*1\s*[}})\]>]", cell.source.text):  # h_{t-1}, h(t-1), h[t-1]
            sym = next((s for eq in cell.equations for side in (eq.rhs,) + eq.also for s in N.walk(side)
                        if isinstance(s, N.Symbol) and s.name == name), None)
            if sym is None:
                continue
            raise ShapeError(f"{sym.text} reads as an operand, but {name} is the step's letter ({name}-1 is written): a "
                             "subscript lost, or a signal at the step glued to its letter", source=cell.source, span=sym.span,
                             hint=f"write the signal with its step as a subscript (r_{name}, not r{name}, for a signal r)")


def function_words(cell: N.Cell, params) -> None:
    """A parameter named as a function (`\\mathcal{tanh}(W x_t)` read as a matrix `tanh` times a sum): refused,
    never counted as a weight."""
    for name in params:
        if _FUNCTION_WORD.fullmatch(name):
            sym = next(s for eq in cell.equations for side in (eq.rhs,) + eq.also for s in N.walk(side)
                       if isinstance(s, N.Symbol) and s.name == name)
            raise ShapeError(f"{sym.text} reads as a weight, but its name is a function's (a font around it, or a word "
                             "before it such as `sigma / tanh (...)`, is not read as applying it)", source=cell.source, span=sym.span,
                             hint=f"write the function as \\{name.rsplit('{', 1)[-1].rstrip('}')}(...) or \\operatorname{{...}}(...)")


_GLUED_PRODUCT = re.compile(r"[A-Za-z]t[A-Z](?:[A-Za-z0-9]{1,4}|_\{?[A-Za-z0-9]{1,4}\}?)")  # XtWxr, XtW_{xr}: X_t and W_xr together


def glued_products(cell: N.Cell, params) -> None:
    """A weight named as a signal at a step and a weight written together (`Rt=σ(XtWxr + Ht-1Whr + br)`): X_t W_xr read
    as one weight XtWxr; refused, never counted as one."""
    for name in sorted(params):
        if _GLUED_PRODUCT.fullmatch(name):
            sym = next(s for eq in cell.equations for side in (eq.rhs,) + eq.also for s in N.walk(side)
                       if isinstance(s, N.Symbol) and s.name == name)
            raise ShapeError(f"{sym.text} reads as one weight, but it looks like {name[0]}_t and {name[2:]} written together",
                             source=cell.source, span=sym.span, hint=f"write {name[0]}_t {name[2]}_{{{name[3:]}}}")


_OPENS = re.compile(r"[ \t]*(?:\\left[ \t]*)?\(")  # `B(x_t)`, `B (x_t)`, `B\left(x_t\right)`


def self_applied(cell: N.Cell) -> None:
    """`B = B(x_t)` (Mamba's selection, as prose writes it): a letter defined as itself applied to the input, a function
    the text does not write (its parameters unknown); refused, never read as B times x_t."""
    text = cell.source.text
    for eq in cell.equations:
        if not isinstance(eq.lhs, N.Symbol) or eq.lhs.lag is not None:
            continue
        for x in N.walk(eq.rhs):
            if isinstance(x, N.Symbol) and x.name == eq.lhs.name and x.lag is None and _OPENS.match(text, x.span.end):
                raise ShapeError(f"{eq.lhs.text} is defined as {' '.join(cell.source.slice(eq.rhs.span).split())}"
                                 ": a function of the input the text does not write, its parameters not said",
                                 source=cell.source, span=x.span, hint=f"write what computes {eq.lhs.text}, e.g. a projection "
                                 f"{eq.lhs.text}_t = W_{{{eq.lhs.text}}} x_t")


_PARAMETER_SUBSCRIPT = re.compile(r".+_\{?(?:\\(?:theta|vartheta)|NN|MLP|nn|net|mlp)\}?")  # f_\theta, A_{\theta}, f_{NN}: a map of parameters
_NETWORK = (r"(?:neural\s+net(?:work)?s?|\bnetworks?\b|\bMLPs?\b|perceptrons?|\blayer\b|神经网络|多层感知机|ニューラルネット|신경망|"
            r"\b(?:learned|learnable|trainable|linear|affine)\s+(?:[\w-]+\s+)?(?:map|function|transform|projection)|\breadout\b)")
# the letters, then what the prose makes them: "$A$ and $B$ parametrized by neural networks", "$f$ is an MLP", "with $f$
# and $g$ neural networks", "$\phi$ is a two-layer perceptron" (never "$U$ ... as in any recurrent network": only a list of
# letters, a verb that says what they are and words that describe a network may stand between)
_LETTERS_MORE = (r"(?:\s*(?:\(\s*\\cdot\s*\))?\s*(?:\$|\\\)))?"
                 r"(?:\s*(?:,|and|or|&|和|与|及)\s*(?:\$[^$]{1,24}\$|\\\([^$]{1,24}?\\\)))*")
_IS_WORD = (r"(?:\s+(?:is|are|denotes?|represents?|parame?t(?:e|)ri[sz]ed\s+(?:by|as|with)|given\s+by|modell?ed\s+(?:by|as)|"
            r"implemented\s+(?:by|as|with)|computed\s+by|(?:are\s+)?(?:each|both|themselves))|\s*(?:为|是|為|は|는|은))?")
_NETWORK_WORDS = (r"(?:\s+(?:a|an|two|small|some|separate|deep|shallow|simple|feed-?forward|fully[- ]connected|multi-?layer|"
                  r"[\w-]+-layer|neural|learned|learnable|trainable|own|ReLU|linear|readout|dense|nonlinear|two-layer|\d+))*\s*"
                  r"(?:(?:neural\s+)?net(?:work)?s?\b(?!'s|\s+(?:parameters?|weights?|matri|biases?))|MLPs?\b|perceptrons?\b|layer\b|神经网络(?!的)|多层感知机|"
                  r"ニューラルネット(?:ワーク)?(?![のワ])|신경망(?!의))")
# a sentence with the letter that makes things networks ("two small neural networks", "parameterize $A$ with an MLP"),
# and no weight or matrix word (those name a network's parts)
# a letter applied to a signal may also be a learned map or a readout ("$\phi$ is a learned linear map", "$g$ is a
# readout"): its matrix or layers are not written (a weight's letter so called is the matrix it is written as)
_LEARNED_MAP = (r"(?:\s+(?:an?|the|some)?\s*(?:(?!fixed|non|parameter-free|identity)[\w-]+\s+){0,2}?(?:(?:learned|learnable|"
                r"trainable|parame?t(?:e|)ri[sz]ed)\s+(?:[\w-]+\s+)?(?:map(?:ping)?|function|transform(?:ation)?|projection)|(?:linear|affine)\s+"
                r"(?:map(?:ping)?|transform(?:ation)?|projection|function\s+of\b))s?\b"
                r"|\s+(?:an?|the)\s+(?:(?:linear|learned|trainable)\s+)?readout(?:\s+(?:layer|map|network|matrix|function))?(?=\s*[.,;:)(]|\s*$))"
                r"(?![^.;\n]{0,60}(?:no\s+(?:learn\w+\s+)?(?:parameters|weights)|parameter-free|not\s+learn|(?:simply|such\s+as|just|"
                r"merely)\s+the\s+identity|fixed\s+scaling))")
_PART_OF = re.compile(r"matri|weight|bias|矩阵|权重|偏置|行列|重み|가중치|행렬", re.I)  # "$U$ ... the network's weights"
_A_NETWORK = re.compile(r"\b(?:a|an|two|three|small|separate|shallow|by|with|[\w-]+-layer|ReLU)\s+(?:neural\s+)?(?:networks?|MLPs?|"
                        r"perceptrons?)\b|\bMLPs?\b|多层感知机|[两二]个神经网络|2層のニューラルネット", re.I)


_GREEK_MAPS = frozenset(("\\phi", "\\varphi", "\\psi", "\\Phi", "\\Psi"))  # (a letter a text may make a network)


def _called_a_network(prose: str, letter: str, applied: bool, seen: dict) -> bool:
    """Whether the prose makes the letter a network: by the words beside it, or (a weight's letter only) in a sentence
    that makes things networks."""
    if (letter, applied) not in seen:
        named = r"(?:\$|\\\()\s*" + re.escape(letter) + r"(?:_\{?\\?\w+\}?)?\s*"
        what = f"(?:{_NETWORK_WORDS}|{_LEARNED_MAP})" if applied else _NETWORK_WORDS
        seen[letter, applied] = bool(re.search(named + _LETTERS_MORE + _IS_WORD + what, prose, re.I)
                                     or not applied and _in_a_network_sentence(prose, named))
    return seen[letter, applied]


def _in_a_network_sentence(prose: str, named: str) -> bool:
    return any(re.search(named, x) and _A_NETWORK.search(x) and not _PART_OF.search(x)
               for x in re.split(r"(?<=[.;。])\s*|\n\s*\n", prose))


def networks_applied(cell: N.Cell, params) -> None:
    """`x_{k+1} = A_\\theta(x_k) + B_\\theta(u_k)` "with A and B parametrized by neural networks": a letter applied to a
    signal that is a map of parameters θ, or that the prose calls a network, is a network the text does not write (its
    layers and sizes unknown); refused, never read as a matrix times the signal."""
    text = cell.source.text
    low = cell.prose.lower()
    said = re.search(_NETWORK, cell.prose, re.I) if any(w in low for w in ("net", "mlp", "layer", "percept", "map", "function", "transform", "projection", "readout")) or not cell.prose.isascii() else None
    seen: dict = {}  # (each letter's verdict, found once: a long cell applies its weights many times)
    for eq in cell.equations:
        for x in N.walk(eq.rhs):
            applied = isinstance(x, N.Apply) and (said or "_" in x.func) and (kind(x.func) == "letter" or x.func in _GREEK_MAPS)
            if applied:  # f(...), \phi(...): a letter's map (never \sigma, \tanh)
                x = N.Symbol(x.func, x.func, None, N.Span(x.span.start, x.span.start + len(x.func)))
            elif not (isinstance(x, N.Symbol) and x.name in params and x.lag is None and _OPENS.match(text, x.span.end)):
                continue
            if _PARAMETER_SUBSCRIPT.fullmatch(x.name) or said and _called_a_network(cell.prose, x.name.split("_")[0], applied, seen):
                raise ShapeError(f"{x.text}(...) is a learned map (a network or a layer) the text does not write"
                                 f"{' (its subscript names its parameters)' if _PARAMETER_SUBSCRIPT.fullmatch(x.name) else ''}: its layers and "
                                 "their sizes are not written, so its parameters are not fixed by the equations",
                                 source=cell.source, span=x.span,
                                 hint=f"write what {x.text} computes, e.g. {x.text}(x) = W x + b, or declare its shape "
                                      f"if it is a matrix: {x.text} \\in \\mathbb{{R}}^{{m \\times n}}")
