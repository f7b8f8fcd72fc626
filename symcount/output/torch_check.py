"""A module's tensors against a cell's equations: which tensor holds which parameter, and every
difference. Shapes only: torch is not imported here (symcount.output.torch_load reads the files).

The mapping, in order:
1. by name: a tensor whose name (its last dotted part) is a parameter's Python name (W_{hi} ->
   W_hi, as the generated module writes them), stored as is or transposed;
2. the framework's fused stacks: torch's weight_ih_l0, weight_hh_l0, bias_ih_l0, bias_hh_l0 (and
   weight_hr_l0, a projection) hold the weights that multiply the input, the weights that multiply
   the previous state, and their biases, one block of rows per gate in the framework's gate order
   (i, f, g, o for an LSTM; r, z, n for a GRU); Keras' kernel, recurrent_kernel and bias hold them
   transposed, one block of columns per gate (i, f, c, o; z, r, h). A gate with one bias takes the
   sum of the two (bias_ih + bias_hh);
3. by shape: a tensor left whose shape (or its transpose) is that of a parameter left, in order.
"""
from __future__ import annotations

from ..read import patterns as re  # re, with the package's patterns compiled ahead (read.patterns)
from dataclasses import dataclass, field

from ..read import nodes as N
from .torch_names import Names, RESERVED

GATES = {4: ("i", "f", "g", "o"), 3: ("r", "z", "n")}
KERAS_GATES = {4: ("i", "f", "g", "o"), 3: ("z", "r", "n")}
SYNONYMS = {"c": "g", "tildec": "g", "ctilde": "g", "u": "z", "htilde": "n", "tildeh": "n", "h": "n", "a": "g"}
_TORCH = re.compile(r"(?:.*\.)?(weight|bias)_(ih|hh|hr)_l0$")
_KERAS = re.compile(r"(?:.*[./])?(kernel|recurrent_kernel|bias)(?::0)?$")


@dataclass(frozen=True)
class Expected:
    latex: str
    name: str                     # its Python name
    shape: tuple[int, ...]
    line: str                     # where the first equation that uses it is
    role: str = "other"           # "ih" (times the input), "hh" (times the previous state), "other"
    gate: str = ""                # the letter of the equation it is in (i, f, g, o, r, z, n)
    equation: int = 0


@dataclass(frozen=True)
class Link:
    """A parameter and where its values are: a tensor, or a block of its rows (of its columns when
    transposed), or the sum of two tensors' blocks."""

    param: str                    # its Python name
    latex: str
    tensor: str
    rows: tuple[int, int] | None = None
    transposed: bool = False
    plus: tuple[str, tuple[int, int] | None] | None = None
    how: str = "name"
    row: int | None = None        # a row of a 2-D bias first (Keras' GRU: input biases, then recurrent)


@dataclass
class Check:
    links: list[Link] = field(default_factory=list)
    differences: list[dict] = field(default_factory=list)
    expected: int = 0             # parameters the equations count
    found: int = 0                # entries of the tensors

    @property
    def agree(self) -> bool:
        return not self.differences


def _size(lin, sizes: dict) -> int:
    return lin.const + sum(k * sizes[n] for n, k in lin.terms)


def expected(d, sizes: dict) -> list[Expected]:
    """The equations' parameters at the sizes, each with its role (what it multiplies) and gate."""
    sh = d.shapes
    src, eqs = sh.cell.source, sh.cell.equations
    names = Names(set(RESERVED))
    roles = _roles(sh)
    out = []
    for p in sh.params:
        if p.bias and not d.bias:
            continue
        rows = _size(p.rows, sizes)
        shape = () if p.scalar else (rows,) if p.diagonal or p.cols.is_one else (rows, _size(p.cols, sizes))
        if not eqs:  # listed with its shape (read.listing): every size as listed, no gate
            shape = shape + tuple(_size(k, sizes) for k in p.kernel)
            out.append(Expected(p.name, names(p.name), shape, f"{src.where(p.span)} (listed)", "other", "", 0))
            continue
        i = p.equations[0] if p.equations else 0
        eq = eqs[i]
        gate = _gate(eq.lhs.name) if isinstance(eq.lhs, N.Symbol) else ""
        out.append(Expected(p.name, names(p.name), shape, f"{src.where(eq.span)} ({eq.label})",
                            roles.get(p.name, "other"), gate, i))
    return out


def _gate(name: str) -> str:
    plain = re.sub(r"\\(?:mathbf|boldsymbol|bm|mathrm)\{([^{}]*)\}", r"\1", name)
    plain = re.sub(r"[\\{}_ ]", "", plain)
    return SYNONYMS.get(plain, plain)


def _roles(sh) -> dict[str, str]:
    """Each weight: "ih" when it multiplies the input, "hh" the previous state; each bias the role
    of the product it is added to (the one before it in the sum, else the one after)."""
    params = {p.name for p in sh.params}
    inputs = {s.name for s in sh.signals if not s.defined}
    out: dict[str, str] = {}
    for eq in sh.cell.equations:
        for n in N.walk(eq.rhs):
            if isinstance(n, N.Binary) and n.op in ("add", "sub"):
                _sum_roles(_terms(n), params, inputs, out)
            elif isinstance(n, N.Binary) and n.op in ("matmul", "star"):
                role = _product_role(n, params, inputs)
                if role:
                    out.setdefault(n.left.name, role)
    return out


def _terms(n) -> list:
    out, stack = [], [n]
    while stack:
        x = stack.pop()
        if isinstance(x, N.Binary) and x.op in ("add", "sub"):
            stack += [x.right, x.left]
        else:
            out.append(x)
    return out


def _product_role(n, params, inputs) -> str:
    if not (isinstance(n, N.Binary) and n.op in ("matmul", "star") and isinstance(n.left, N.Symbol)
            and n.left.name in params and isinstance(n.right, N.Symbol)):
        return ""
    if (n.right.lag or 0) > 0:
        return "hh"
    return "ih" if n.right.name in inputs else "other"


def _sum_roles(terms: list, params, inputs, out: dict) -> None:
    roles = [_product_role(t, params, inputs) for t in terms]
    for k, t in enumerate(terms):
        if isinstance(t, N.Symbol) and t.name in params and t.name not in out:
            before = [r for r in roles[:k] if r]
            after = [r for r in roles[k + 1:] if r]
            role = before[-1] if before else after[0] if after else ""
            if role:
                out[t.name] = role


def check(d, sizes: dict, tensors: dict[str, tuple[int, ...]]) -> Check:
    """The mapping of `tensors` (name -> shape) onto the equations' parameters at `sizes`."""
    want = expected(d, sizes)
    result = Check(expected=sum(_numel(e.shape) for e in want), found=sum(_numel(s) for s in tensors.values()))
    left = dict(tensors)
    todo = {e.name: e for e in want}
    _by_name(todo, left, result)
    _fused(todo, left, result)
    _by_shape(todo, left, result)
    for e in todo.values():
        result.differences.append({"kind": "missing", "parameter": e.latex, "name": e.name, "shape": list(e.shape),
                                   "line": e.line, "message": f"{e.latex} {_shown(e.shape)} of {e.line}: no tensor holds it"})
    for key, shape in left.items():
        result.differences.append({"kind": "extra", "tensor": key, "shape": list(shape),
                                   "message": f"{key} {_shown(shape)}: no parameter of the equations"})
    return result


def _numel(shape) -> int:
    n = 1
    for k in shape:
        n *= k
    return n


def _shown(shape) -> str:
    return "(" + ", ".join(str(k) for k in shape) + ("," if len(shape) == 1 else "") + ")"


def _by_name(todo: dict, left: dict, result: Check) -> None:
    for key in list(left):
        name = key.rsplit(".", 1)[-1]
        e = todo.get(name)
        if e is None:
            continue
        shape = tuple(left.pop(key))
        del todo[name]
        if shape == e.shape or (len(shape) == 2 and shape[::-1] == e.shape):
            result.links.append(Link(e.name, e.latex, key, transposed=shape != e.shape))
        else:
            result.differences.append({"kind": "wrong shape", "parameter": e.latex, "tensor": key,
                                       "shape": list(shape), "expected": list(e.shape), "line": e.line,
                                       "message": f"{key} is {_shown(shape)}, but {e.latex} of {e.line} is "
                                                  f"{_shown(e.shape)}"})


def _fused(todo: dict, left: dict, result: Check) -> None:
    """torch's weight_ih_l0 ... and Keras' kernel ...: blocks of the gates' parameters."""
    groups: dict[str, list[str]] = {}
    for key in left:
        m = _TORCH.fullmatch(key)
        if m:
            groups.setdefault(m.group(1) + "_" + m.group(2), []).append(key)
            continue
        m = _KERAS.fullmatch(key)
        if m:
            groups.setdefault("keras_" + m.group(1), []).append(key)
    weights = [e for e in todo.values() if len(e.shape) == 2]
    vectors = [e for e in todo.values() if len(e.shape) == 1]
    plan = {"weight_ih": ("ih", weights), "weight_hh": ("hh", weights), "weight_hr": ("other", weights),
            "keras_kernel": ("ih", weights), "keras_recurrent_kernel": ("hh", weights)}
    for kind, keys in groups.items():
        if len(keys) != 1:
            continue
        key = keys[0]
        if kind in plan:
            role, pool = plan[kind]
            _split(todo, left, result, key, [e for e in pool if e.role == role and e.name in todo],
                   transposed=kind.startswith("keras"))
    for kind in ("bias_ih", "bias_hh", "keras_bias"):
        if len(groups.get(kind, [])) == 1 and groups[kind][0] in left:
            if kind == "keras_bias" and len(left[groups[kind][0]]) == 2:
                _keras_two_biases(todo, left, result, groups[kind][0], [e for e in vectors if e.name in todo])
            else:
                _biases(todo, left, result, groups, kind, [e for e in vectors if e.name in todo])


def _keras_two_biases(todo, left, result, key, vectors: list[Expected]) -> None:
    """Keras' GRU (reset_after): a bias of 2 rows, the input side's biases then the recurrent side's,
    each row in Keras' gate order."""
    rows, total = tuple(left[key])
    plan = []
    for row, role in ((0, "ih"), (1, "hh")):
        chosen = _ordered([e for e in vectors if e.role == role], True)
        if rows != 2 or sum(e.shape[0] for e in chosen) != total:
            return
        plan.append((row, chosen))
    for row, chosen in plan:
        start = 0
        for e in chosen:
            result.links.append(Link(e.name, e.latex, key, (start, start + e.shape[0]), how="gate " + e.gate, row=row))
            start += e.shape[0]
            del todo[e.name]
    del left[key]


def _ordered(group: list[Expected], keras: bool) -> list[Expected]:
    """The parameters of a fused stack in the framework's gate order (else the equations' order)."""
    order = (KERAS_GATES if keras else GATES).get(len(group))
    group = sorted(group, key=lambda e: e.equation)
    if order and sorted(e.gate for e in group) == sorted(order):
        return sorted(group, key=lambda e: order.index(e.gate))
    return group


def _split(todo, left, result, key, group: list[Expected], transposed: bool) -> None:
    if not group:
        return
    shape = stored = tuple(left[key])
    group = _ordered(group, transposed)
    stacked = (sum(e.shape[0] for e in group), group[0].shape[1])
    if transposed:
        shape = shape[::-1]
    if any(e.shape[1] != stacked[1] for e in group):
        return
    names = ", ".join(e.latex for e in group)
    del left[key]
    if shape != stacked:
        for e in group:
            del todo[e.name]
        result.differences.append({"kind": "wrong shape", "tensor": key, "shape": list(stored),
                                   "expected": list(stacked), "parameters": [e.latex for e in group],
                                   "line": group[0].line,
                                   "message": f"{key} is {_shown(stored)}, but the "
                                              f"equations' {names} stack to {_shown(stacked)} ({group[0].line})"})
        return
    start = 0
    for e in group:
        result.links.append(Link(e.name, e.latex, key, (start, start + e.shape[0]), transposed, how="gate " + e.gate))
        start += e.shape[0]
        del todo[e.name]


def _biases(todo, left, result, groups, kind, vectors: list[Expected]) -> None:
    """bias_ih_l0 and bias_hh_l0: each gate's biases by role; a gate with one bias takes their sum."""
    keras = kind == "keras_bias"
    key = groups[kind][0]
    gates: dict[int, list[Expected]] = {}
    for e in vectors:
        gates.setdefault(e.equation, []).append(e)
    role = "ih" if kind == "bias_ih" else "hh"
    other = groups.get("bias_hh" if kind == "bias_ih" else "bias_ih", [None])[0]
    chosen = []
    for eq, es in sorted(gates.items()):
        mine = [e for e in es if e.role == role]
        if len(es) == 1 and not keras and other in left:  # one bias, two tensors: their sum
            mine = es
        if len(mine) == 1:
            chosen.append(mine[0])
    if not chosen:
        return
    chosen = _ordered(chosen, keras)
    total = sum(e.shape[0] for e in chosen)
    if (total,) != tuple(left[key]):
        return
    paired = all(len(gates[e.equation]) == 1 for e in chosen) and not keras and other in left \
        and tuple(left[other]) == (total,)
    start = 0
    for e in chosen:
        block = (start, start + e.shape[0])
        plus = (other, block) if paired else None
        result.links.append(Link(e.name, e.latex, key, block, plus=plus, how="gate " + e.gate + (", summed" if paired else "")))
        start += e.shape[0]
        del todo[e.name]
    del left[key]
    if paired:
        del left[other]


def _by_shape(todo: dict, left: dict, result: Check) -> None:
    for key in list(left):
        shape = tuple(left[key])
        e = next((e for e in todo.values() if e.shape == shape), None) or \
            next((e for e in todo.values() if len(shape) == 2 and e.shape == shape[::-1]), None)
        if e is None:
            continue
        result.links.append(Link(e.name, e.latex, key, transposed=e.shape != shape, how="shape"))
        del todo[e.name], left[key]


def values(check: Check, tensors: dict) -> dict:
    """The parameters' values (Python name -> tensor) from the tensors, by the mapping."""
    out = {}
    for link in check.links:
        t = tensors[link.tensor]
        t = _block(t[link.row] if link.row is not None else t, link.rows, link.transposed)
        if link.plus is not None:
            t = t + _block(tensors[link.plus[0]], link.plus[1], link.transposed)
        out[link.param] = t
    return out


def _block(t, rows, transposed: bool):
    if transposed:
        t = t.T
    if rows is not None:
        t = t[rows[0]:rows[1]]
    return t.contiguous() if hasattr(t, "contiguous") else t


def as_json(check: Check) -> dict:
    return {"agree": check.agree, "parameters": check.expected, "entries": check.found,
            "mapping": [{"parameter": l.latex, "name": l.param, "tensor": l.tensor,
                         "rows": list(l.rows) if l.rows else None, "transposed": l.transposed,
                         "plus": l.plus[0] if l.plus else None, "how": l.how} for l in check.links],
            "differences": check.differences}


def as_text(check: Check, what: str) -> str:
    out = [f"{what}: {len(check.links)} parameters mapped; the equations count {check.expected:,}, "
           f"the tensors hold {check.found:,}"]
    for l in check.links:
        where = l.tensor + (f"[{l.rows[0]}:{l.rows[1]}]" if l.rows else "") + (".T" if l.transposed else "")
        if l.plus:
            where += f" + {l.plus[0]}" + (f"[{l.plus[1][0]}:{l.plus[1][1]}]" if l.plus[1] else "")
        out.append(f"  {l.latex:<24} <- {where}  ({l.how})")
    if check.agree:
        out.append("they agree")
    else:
        out.append(f"{len(check.differences)} difference{'s' if len(check.differences) != 1 else ''}:")
        out += [f"  {x['kind']}: {x['message']}" for x in check.differences]
    return "\n".join(out) + "\n"
