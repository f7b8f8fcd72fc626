"""Code that declares a cell's weights as fields (a Rust or Go struct's `pub w_hi: Tensor,`, Python's `self.W_hf = ...`,
JavaScript's `this.Whf = ...`) beside comments that write its equations: where most of the equations' weights are
fields, one that is not means the comments and the code disagree (a comment's `W_hf` where the code uses its
`w_hi` in every gate): refused, never counted as the comments write it. A check of shapes.gates.refusals."""
from __future__ import annotations

from ..errors import ShapeError
from ..read import nodes as N
from ..read import patterns as re  # re, with the package's patterns compiled ahead (read.patterns)

# a field: `pub w_hi: Tensor,` (Rust), `w_hi: Array2<f64>,` in a struct, `Whi *mat.Dense` (Go), `self.W_hf =`, `this.Whf =`
_FIELD = re.compile(r"^[ \t]*(?:pub(?:\([a-z]+\))?[ \t]+)?(?P<a>[A-Za-z]\w{0,15})[ \t]*:[ \t]*(?:[A-Z&\[(]|[a-z]\w*\.[A-Z])[\w<>\[\]., ]*,?[ \t]*(?://[^\n]*)?$"
                    r"|^[ \t]*(?P<b>[A-Za-z]\w{0,15})[ \t]+\*?(?:mat\.\w+|\[\]float\d+|\*?[A-Z]\w*)[ \t]*(?://[^\n]*)?$"
                    r"|(?:self|this)\.(?P<c>[A-Za-z]\w{0,15})[ \t]*=[^=]"
                    r"|^[ \t]*\(+[ \t]*(?P<d>[A-Za-z][\w-]{0,15})[ \t]+:(?:accessor|initarg|initform|reader)\b", re.M)  # a CLOS slot
_STRUCT = re.compile(r"\b(?:struct|class)\b[^{\n]*\{|\(defclass\b", re.M)


def _key(name: str) -> str:
    """A name's letters, lower-cased, its fonts left out and a Greek letter's name kept (\\alpha: alpha)."""
    return re.sub(r"\\(?:math[a-z]+|bm|boldsymbol|text[a-z]*|operatorname)(?![A-Za-z])|[^A-Za-z0-9]", "", name).lower()


# a module's tensor: `self.weight_hh = Parameter(torch.Tensor(hidden_size))`, `self.fc = nn.Linear(...)`
_MODULE_FIELD = re.compile(r"self\.(?P<n>[A-Za-z]\w{0,20})[ \t]*=[ \t]*(?:nn\.|torch\.nn\.)?(?P<kind>Parameter|[A-Z]\w*)\(")


def _module_key(name: str) -> str:
    """weight_hh -> whh, weights_ih -> wih, bias_ih -> bih: a module's field as the equations name its weight."""
    return _key(re.sub(r"^(?:weights?|bias(?:es)?)(?=_|$)", lambda m: m.group(0)[0], name))


_PARAMETRIC = frozenset("Parameter Linear Bilinear Embedding LayerNorm GroupNorm RMSNorm BatchNorm1d Conv1d Conv2d RNN GRU LSTM "
                        "RNNCell GRUCell LSTMCell".split())  # torch.nn's classes that hold parameters (the others: none)


def module_fields(cell: N.Cell, params: set[str]) -> None:
    """`input=w_{ih} * x + b_{ih}` and `h' = \\relu(input + w_{hh} (*) h)` in the docstring of a module whose __init__
    declares only `self.weight_hh = Parameter(...)`: every tensor the module declares is a weight of the equations,
    but not every weight of the equations is the module's (the input is processed outside it): refused, named."""
    text = cell.source.text
    if "__init__" not in text or "self." not in text:
        return
    made = list(_MODULE_FIELD.finditer(text))
    if not made:
        return
    fields = {_module_key(m.group("n")): m.group("n") for m in made if m.group("kind") in _PARAMETRIC}  # (nn.Tanh holds none)
    every = {_key(p) for p in params}
    extra = sorted(n for k, n in fields.items() if k not in every)
    if extra and len(set(fields) & every) >= 2:  # `self.gain = nn.Parameter(...)` beside the equations' weights
        raise ShapeError(f"the module beside the equations declares {', '.join(extra)}, which no equation uses, beside the "
                         "weights they do use: the docstring and the code disagree", source=cell.source, span=None,
                         hint="count the module's own tensors, or the equations' (fix the one that is not the cell)")
    if any(m.group("kind") != "Parameter" for m in made):
        return  # (a layer holds its own bias: `self.W_f = nn.Linear(...)` is W_f and b_f: no weight of it missing)
    keyed = {_key(p): p for p in params if re.fullmatch(r"[A-Za-z]_\{?[A-Za-z0-9]{1,4}\}?", p)}
    if not set(fields) <= set(keyed):
        return
    missing = sorted(keyed[k] for k in keyed if k not in fields)
    if missing:
        raise ShapeError(f"{', '.join(missing)}: the equations use {'them' if len(missing) > 1 else 'it'}, but the module beside "
                         f"them declares only {', '.join(sorted(m.group('n') for m in made))}: "
                         "the docstring and the code disagree", source=cell.source, span=_first_use(cell, missing[0]),
                         hint="count the module's own tensors, or the equations' (fix the one that is not the cell)")


# a field that holds a layer: `Wih *Linear` (Go), `w_ih: Linear,` (Rust), `w_ih: nn.Linear` (an annotation)
_LAYER_FIELD = re.compile(r"^[ \t]*(?:pub(?:\([a-z]+\))?[ \t]+)?(?P<n>[A-Za-z]\w{0,15})[ \t]*:?[ \t]+&?\*?(?:[a-z]\w*(?:\.|::))?Linear\b", re.M)


def layer_fields(cell: N.Cell, params: set[str]) -> None:
    """`// h_t = act(W_ih x + W_hh h_{t-1})` above a struct whose `Wih *Linear` and `Whh *Linear` are layers: a layer
    may hold a bias. Where the equations' weights are the code's layers and no bias is a field of its own, the biases
    the equations write must be the layers' own, one a layer (none where the code makes it without one,
    `linear_no_bias(...)`, `bias=False`): where they are not (none written beside layers that may hold one, one a gate
    beside two layers a gate, two beside one), refused, never counted."""
    text = cell.source.text
    if "Linear" not in text:
        return
    keyed = {_key(p): p for p in params}
    layers = {_module_key(m.group("n")): m.group("n") for m in _LAYER_FIELD.finditer(text) if _module_key(m.group("n")) in keyed}
    if not layers:
        return
    fields = {_module_key(m.group("a") or m.group("b") or m.group("c") or m.group("d")) for m in _FIELD.finditer(text)}
    biases = [k for k in keyed if k[:1] == "b"]
    if any(k in fields and k not in layers for k in biases):
        return  # (a bias the code holds as a field of its own: the layers' biases are not the equations')
    holding = sorted(keyed[k] for k, n in layers.items() if not _made_without_bias(text, n))
    if len(holding) != len(biases):
        found = sorted(keyed[k] for k in layers)
        held = f"{'are Linear layers' if len(found) > 1 else 'is a Linear layer'}"
        raise ShapeError(f"cannot tell whether the code's layers hold biases: {', '.join(found)} {held} in the code beside the "
                         f"equations ({len(holding)} of them may hold a bias), and the equations write {len(biases) or 'no'} "
                         f"bias{'es' if len(biases) != 1 else ''}", source=cell.source, span=_first_use(cell, found[0]),
                         hint="write the biases in the equations (or say they are left out), or count the code's own cell")


# a call that makes a layer without a bias: `linear_no_bias(...)`, `bias=False`, `no_bias=True` (not `!cfg.NoBias`, a flag's negation)
_NO_BIAS = re.compile(r"(?<![!\w.])(?:[a-z_]*no_?bias)\b(?!\s*[:=]\s*(?:false|False))|(?<![A-Za-z_])bias\s*[:=]\s*(?:false|False)\b"
                      r"|\bwithout_bias\b")


def _made_without_bias(text: str, field: str) -> bool:
    """Whether the code makes the field with a call that says it holds no bias (`w_z: linear_no_bias(...)`,
    `self.w = Linear(..., bias=False)`), on the line that assigns it."""
    made = [m.group(0) for m in re.finditer(rf"(?<![\w.]){re.escape(field)}\s*[:=][^=\n][^\n(]*\([^\n]*", text)]  # (a call)
    return bool(made) and all(_NO_BIAS.search(line) for line in made)


def code_fields(cell: N.Cell, params: set[str]) -> None:
    module_fields(cell, params)
    layer_fields(cell, params)
    text = cell.source.text
    if not (("struct" in text or "class" in text) and _STRUCT.search(text)) and "self." not in text and "this." not in text:
        return
    fields = {_module_key(m.group("a") or m.group("b") or m.group("c") or m.group("d")) for m in _FIELD.finditer(text)}
    weights = {p for p in params if re.fullmatch(r"[A-Za-z]_\{?[A-Za-z0-9]{1,4}\}?", p)}
    keyed = {_key(p): p for p in weights}
    found = [k for k in keyed if k in fields]
    # (a bias may be a layer's own, `self.W_f = nn.Linear(...)`; a weight of a joined input may be split in two fields,
    # W_r as w_ir and w_hr, or as w_r_x and w_r_h)
    missing = sorted(keyed[k] for k in keyed if k not in fields and k[0] != "b"
                     and not any(f[:1] == k[0] and f.endswith(k[1:]) or f[:-1] == k and f[-1] in "xhiu" for f in fields))
    # a bias written once where the code holds two (b_r in the comments; b-ir and b-hr in the code): not the same count
    doubled = sorted(keyed[k] for k in keyed if k[0] == "b" and k not in fields
                     and sum(1 for f in fields if f[:1] == "b" and f.endswith(k[1:])) >= 2)
    # two biases written where the code holds one (b_ih + b_hh in the comment; one `bias` field): not the same count
    merged = sorted(keyed[k] for k in keyed if k[0] == "b" and k not in fields) if "b" in fields else []
    merged = merged if len(merged) == 2 and {_key(n)[1:2] for n in merged} in ({"i", "h"}, {"x", "h"}) else []  # (b_ih and b_hh)
    if len(found) < 2 or len(found) < len(keyed) / 2 or not (missing or doubled or len(merged) >= 2):
        return
    if not missing and not doubled:
        raise ShapeError(f"{', '.join(merged)}: the equations write {len(merged)} biases where the code beside them declares "
                         "one (bias): the comments and the code disagree", source=cell.source, span=_first_use(cell, merged[0]),
                         hint="count the code's own equations, or fix the comments")
    if not missing:
        first = _first_use(cell, doubled[0])
        raise ShapeError(f"{', '.join(doubled)}: the equations write one bias where the code beside them declares two "
                         f"({', '.join(sorted(f for f in fields if f[:1] == 'b'))[:60]}): the comments and the code disagree",
                         source=cell.source, span=first, hint="count the code's own equations, or fix the comments")
    first = _first_use(cell, missing[0])
    raise ShapeError(f"{', '.join(missing)}: the equations use {'them' if len(missing) > 1 else 'it'}, but the code beside "
                     f"them declares no such field, though it declares the others ({', '.join(sorted(keyed[k] for k in found)[:6])}): "
                     "the comments and the code disagree", source=cell.source, span=first,
                     hint="count the code's own equations, or fix the comments")


def _first_use(cell: N.Cell, name: str):
    """The span of the first use of a parameter in the equations (any of a chain's right sides), or None."""
    return next((x.span for eq in cell.equations for side in (eq.rhs,) + eq.also for x in N.walk(side)
                 if isinstance(x, N.Symbol) and x.name == name), None)
