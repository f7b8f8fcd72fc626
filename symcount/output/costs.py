"""The cost in every format, from a summary.View with `cost`: the JSON object, the text section,
and the template context's `cost`. Each operation is explained by one sentence ("W_{hi} h_{t-1} is a
(d_h × d_h) by d_h product: d_h² multiply-accumulates per step"), written from the summary's sizes
in plain text, or with math for Markdown and LaTeX."""
from __future__ import annotations

from ..measure import poly as P
from .escape import number
from ..measure.ops import BATCH, CATEGORIES, DTYPES, SEQUENCE, kind
from ..result.view import View
from .markup import markup

CONVENTION = ("MACs are the multiply-accumulates of the matrix products; FLOPs are 2 per MAC, plus one per "
              "entry of every bias addition, elementwise operation and activation or normalisation evaluated")
CATEGORY_NAMES = {"matrix": "matrix products (2 per MAC)", "bias": "bias additions",
                  "elementwise": "elementwise operations", "activation": "activation evaluations",
                  "normalization": "normalisations"}
MEMORY_NAMES = {"parameters": "parameters", "state": "recurrent state carried between steps",
                "activations": "values kept for training (every equation's result, each of the T steps)"}
ONE = P.const(1)


class Style:
    """How a sentence writes its pieces: plain text (the text report, JSON)."""

    def words(self, s: str) -> str:
        return s

    def expr(self, text: str, tex: str) -> str:
        return text

    def size(self, poly: P.Poly) -> str:
        s = P.to_str(poly)
        return f"({s})" if len(poly) > 1 else s

    def count(self, poly: P.Poly) -> str:
        return P.to_str(poly)

    def shape(self, rows: P.Poly, cols: P.Poly) -> str:
        return f"({self.size(rows)} × {self.size(cols)})"


class MathStyle(Style):
    """Math between OPEN and CLOSE ($...$), words escaped for Markdown or LaTeX."""

    OPEN = CLOSE = "$"

    def __init__(self, fmt: str, formula) -> None:
        self.esc = markup(fmt).chars
        self.formula = formula

    def math(self, tex: str) -> str:
        return f"{self.OPEN}{tex}{self.CLOSE}"

    def words(self, s: str) -> str:
        return self.esc(s)

    def expr(self, text: str, tex: str) -> str:
        return self.math(tex)

    def size(self, poly: P.Poly) -> str:
        s = self.formula(poly)
        return self.math(f"({s})" if len(poly) > 1 else s)

    def count(self, poly: P.Poly) -> str:
        return self.math(self.formula(poly))

    def shape(self, rows: P.Poly, cols: P.Poly) -> str:
        def one(p: P.Poly) -> str:
            return f"({self.formula(p)})" if len(p) > 1 else self.formula(p)
        return self.math(f"({one(rows)} \\times {one(cols)})")


def sentence(op: dict, ex: dict | None, style: Style) -> str:
    """One operation, explained: what it is and what it costs per step, for one example (for the
    whole batch when it reads parameters alone)."""
    text = _sentence(op, ex, style)
    if op["per_example"]:
        return text
    return text + style.words(" (parameters alone: once per step, whatever the batch)")


def _sentence(op: dict, ex: dict | None, style: Style) -> str:
    row = kind(op["kind"])
    tex = ex or {"tex": "", "name": "", "operand": ""}
    return _SENTENCES[row.sentence](op, tex, style, row.noun, P.from_json(op["flops"]))


def _product(op: dict, tex: dict, style: Style, noun: str, flops: P.Poly) -> str:
    w = style.words
    m, k, n = [P.from_json(x) for x in op["sizes"]]
    left = style.size(k) if m == ONE else style.shape(m, k)
    right = style.size(k) if n == ONE else style.shape(k, n)
    return (f"{style.expr(op['text'], tex['tex'])}{w(' is a ')}{left}{w(' by ')}{right}{w(' product: ')}"
            f"{style.count(P.from_json(op['macs']))}{w(' ' + noun)}")


def _adds(op: dict, tex: dict, style: Style, noun: str, flops: P.Poly) -> str:
    w = style.words
    if op["kind"] == "bias":
        added = style.expr(op["name"], tex["name"])
    elif op["operand"]:
        added = style.expr(op["operand"], tex["operand"])
    else:
        return _plain(op, tex, style, noun, flops)
    return f"{w('adding ')}{added}{w(': ')}{style.count(flops)}{w(' ' + noun)}"


def _function(op: dict, tex: dict, style: Style, noun: str, flops: P.Poly) -> str:
    w = style.words
    return (f"{style.expr(op['name'], tex['name'])}{w(' over ')}{style.count(flops)}{w(' entries: ')}"
            f"{style.count(flops)}{w(' ' + noun)}")


def _norm(op: dict, tex: dict, style: Style, noun: str, flops: P.Poly) -> str:
    w = style.words
    return f"{style.expr(op['text'], tex['tex'])}{w(': normalising ')}{style.count(flops)}{w(' ' + noun)}"


def _diagonal(op: dict, tex: dict, style: Style, noun: str, flops: P.Poly) -> str:
    w = style.words
    return (f"{style.expr(op['text'], tex['tex'])}{w(': ')}{style.expr(op['name'], tex['name'])}"
            f"{w(' is diagonal, so ')}{style.count(flops)}{w(' ' + noun)}")


def _plain(op: dict, tex: dict, style: Style, noun: str, flops: P.Poly) -> str:
    w = style.words
    return f"{style.expr(op['text'], tex['tex'])}{w(': ')}{style.count(flops)}{w(' ' + noun)}"


# the sentence of each operation kind (measure.ops.KINDS names which)
_SENTENCES = {"product": _product, "adds": _adds, "function": _function, "norm": _norm, "diagonal": _diagonal,
              "plain": _plain}


def scope(v: View, style: Style | None = None) -> str:
    """What the totals are for: T steps of a batch of B (or of the batch the cell declares), the stack."""
    style = style or Style()
    w = style.words
    batch = v.summary.cost["batch"]
    dim = style.size
    if batch:
        examples = w("the batch ") + w(", ").join(dim(P.var(b)) for b in batch) + w(" the cell declares")
    else:
        examples = w("a batch of ") + dim(P.var(BATCH))
    return dim(P.var(SEQUENCE)) + w(" steps of ") + examples + (w(", " + v.label) if v.label else "")


# ---- JSON ---------------------------------------------------------------------------------------
def _valued(v: View, poly: P.Poly) -> dict:
    return {"formula": P.to_str(poly), "value": v.value_of(poly)}


def to_dict(v: View) -> dict:
    """The JSON report's "cost": formulas and values (null while a dimension is unbound) over the
    sequence, per step, by category, per equation and per operation, and memory in bytes."""
    c, cost = v.summary.cost, v.costs()
    style = Style()
    equations = []
    for e in c["equations"]:
        flops = P.add(*[P.from_json(x) for x in e["flops"].values()])
        equations.append({
            "lhs": e["lhs"], "line": e["line"],
            "macs": _valued(v, P.from_json(e["macs"])), "flops": _valued(v, flops),
            "breakdown": {k: P.to_str(P.from_json(e["flops"][k])) for k in CATEGORIES},
            "operations": [{"text": o["text"], "kind": o["kind"], "category": o["category"],
                            "macs": P.to_str(P.from_json(o["macs"])), "flops": P.to_str(P.from_json(o["flops"])),
                            "describe": sentence(o, None, style)} for o in e["operations"]]})
    return {
        "convention": CONVENTION,
        "scope": scope(v),
        "per_step_scope": "one time step of the batch",
        "equations_scope": "one time step of one example, layer 1, one direction",
        "macs": {**_valued(v, cost.macs), "per_step": _valued(v, cost.macs_step)},
        "flops": {**_valued(v, cost.flops_total), "per_step": _valued(v, cost.flops_step_total),
                  "breakdown": {k: _valued(v, cost.flops[k]) for k in CATEGORIES}},
        "memory": {"dtype": cost.dtype, "bytes_per_entry": DTYPES[cost.dtype],
                   **{k: _valued(v, x) for k, x in cost.memory.items()}},
        "equations": equations,
    }


# ---- text ---------------------------------------------------------------------------------------
def _formula(v: View, poly: P.Poly) -> str:
    """A formula, and its value (or what is left of it) at the bound sizes."""
    text = P.to_str(poly)
    if not v.bindings or not set(P.names(poly)) & set(v.bindings):
        return text
    value = v.value_of(poly)
    return f"{text} = {value}" if value is not None else f"{text} = {P.to_str(P.partial(poly, v.bindings))}"


def text_lines(v: View, table) -> list[str]:
    """The text report's cost section (`table` lays out rows of columns)."""
    c, cost = v.summary.cost, v.costs()
    out = ["", "cost per step of one example, layer 1, one direction:"]
    rows = [["equation", "MACs", "FLOPs"]]
    for e in c["equations"]:
        flops = P.add(*[P.from_json(x) for x in e["flops"].values()])
        rows.append([e["lhs"], P.to_str(P.from_json(e["macs"])), P.to_str(flops)])
    out.extend(table(rows))
    out.append("")
    style = Style()
    for e in c["equations"]:
        for k, o in enumerate(e["operations"]):
            out.append(f"  {e['lhs'] if k == 0 else ' ' * len(e['lhs'])}  {sentence(o, None, style)}")
    out += ["", f"cost over {scope(v)}:",
            f"  MACs: {_formula(v, cost.macs)}", f"    per step: {_formula(v, cost.macs_step)}",
            f"  FLOPs: {_formula(v, cost.flops_total)}", f"    per step: {_formula(v, cost.flops_step_total)}"]
    out += [f"    {CATEGORY_NAMES[k]}: {_formula(v, cost.flops[k])}" for k in CATEGORIES]
    out.append(f"  memory in bytes ({cost.dtype}, {DTYPES[cost.dtype]} per entry):")
    out += [f"    {MEMORY_NAMES[k]}: {_formula(v, x)}" for k, x in cost.memory.items()]
    out.append(f"  convention: {CONVENTION}")
    return out


# ---- the template context -------------------------------------------------------------------------
def context(v: View, fmt: str, formula, labels: list[str]) -> dict:
    """The template context's `cost` (documented in symcount.output.render)."""
    c, cost = v.summary.cost, v.costs()
    ex = v.summary.explanation["operations"]
    text = markup(fmt).chars
    style = MathStyle(fmt, formula)

    def valued(name: str, poly: P.Poly, step: P.Poly | None = None) -> dict:
        value = v.value_of(poly)
        return {"name": text(name), "formula": formula(poly), "per_step": formula(step) if step is not None else "",
                "value": value, "value_text": "" if value is None else number(value, fmt),
                "partial": formula(P.partial(poly, v.bindings)) if value is None and v.bindings else ""}
    equations = []
    for label, e, ops in zip(labels, c["equations"], ex):
        flops = P.add(*[P.from_json(x) for x in e["flops"].values()])
        equations.append({"label": label, "macs": formula(P.from_json(e["macs"])), "flops": formula(flops),
                          "operations": [sentence(o, t, style) for o, t in zip(e["operations"], ops)]})
    return {
        "convention": text(CONVENTION), "scope": scope(v, style), "dtype": text(cost.dtype),
        "bytes_per_entry": DTYPES[cost.dtype], "equations": equations,
        "totals": [valued("MACs", cost.macs, cost.macs_step), valued("FLOPs", cost.flops_total, cost.flops_step_total)]
                  + [valued(CATEGORY_NAMES[k], cost.flops[k], cost.flops_step[k]) for k in CATEGORIES
                     if cost.flops[k]],  # a category with nothing in it is left out
        "memory": [valued(MEMORY_NAMES[k], x) for k, x in cost.memory.items()],
    }
