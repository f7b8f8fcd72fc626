"""A derivation as a standalone Python module that imports torch only: `class Cell(torch.nn.Module)`
with every parameter of the equations under its Python name (symcount.output.torch_names), of its
inferred shape, and a `forward` that follows the equations in order, each equation's LaTeX as a
comment above its line.

- `Cell(**sizes)` takes the sizes the derivation left open, as keyword arguments; those bound (--set)
  are written in. A weight W (m x n) is a tensor (m, n); a vector of parameters (a bias, a diagonal
  weight, a gain) a tensor (m,); a scalar a tensor ().
- Initialisation (`reset_parameters`), torch's convention for its recurrent modules: every weight
  and bias uniform on [-1/sqrt(m), 1/sqrt(m)], m the number of rows of the parameter (the size it
  produces: the hidden size for torch.nn.LSTM's, as torch does; 1 for a scalar); a normalisation's
  own gain ones and its own bias zeros, as torch.nn.LayerNorm.
- `initial_state(batch)`: zeros for every recurrent signal, a dict by Python name.
- `forward(x, state) -> (output, new_state)`: one step of a batch, x of shape (batch, input size)
  (a dict by name when the cell reads several inputs); `forward_sequence(xs, state=None)`: every
  step of xs (steps, batch, input size), the outputs stacked.
"""
from __future__ import annotations

from ..read import patterns as re  # re, with the package's patterns compiled ahead (read.patterns)
from typing import TYPE_CHECKING

from ..errors import ShapeError
from ..read import nodes as N
from ..read.words import kind as kind_of, split
from .torch_expr import NONE, Code, Expr
from .torch_names import RESERVED, Names, size_code

if TYPE_CHECKING:  # pragma: no cover
    from ..result.derivation import Derivation

_HELPERS = '''

def blockwise(z, functions):
    """A column of functions applied block by block (the blocks of z's last dimension, equal in size)."""
    blocks = z.split(z.shape[-1] // len(functions), dim=-1)
    return torch.cat([f(b) for f, b in zip(functions, blocks)], dim=-1)
'''


def latex_line(src, span) -> str:
    """An equation's LaTeX on one line, alignment marks and line breaks removed."""
    text = " ".join(src.slice(span).split())
    return re.sub(r"\s*&\s*", " ", text).replace("\\\\", "").strip()


class Module:
    """What the module is made of: names, sizes, parameters, the step's equations."""

    def __init__(self, d: "Derivation") -> None:
        sh = d.shapes
        self.d, self.shapes, self.src = d, sh, sh.cell.source
        self.fixed = dict(d.bindings)
        self.params = [p for p in sh.params if d.bias or not p.bias]
        for p in self.params:
            if p.kernel:
                raise ShapeError(f"{p.name} is a convolution kernel: the torch module writes products, not "
                                 "convolutions", source=self.src, span=p.span)
        self._written_as_vectors(sh)
        self.open = [n for n in sh.dims if n not in self.fixed]
        self.pnames = Names(set(RESERVED))
        for p in self.params:
            self.pnames(p.name)
        self.signals = {s.name: s for s in sh.signals}
        self.lnames = Names(set(RESERVED) | {"x", "s", "batch"})
        self.inputs = [s.name for s in sh.signals if not s.defined]
        self.recurrent = [s.name for s in sh.signals if s.recurrent]
        self.output = sh.output or next((eq.lhs.name for eq in reversed(sh.cell.equations)
                                         if isinstance(eq.lhs, N.Symbol) and eq.lhs.name in self.signals), None)
        if self.output is None or not self.inputs:
            raise ShapeError("the torch module needs an input and an output: " +
                             (sh.output_problem or sh.input_problem), source=self.src,
                             hint="name them: % symcount: input x_t, % symcount: output h_t" if sh.cell.equations
                             else "write the cell's equations: a list of parameters says what is stored, not what is computed")
        self.local: dict[str, Code] = {}
        self.constants: dict[str, str] = {}   # a symbol the text gives no value: an argument of Cell
        if len(self.inputs) == 1:
            self.lnames.of[self.inputs[0]] = "x"
        for name in self.inputs:
            self.local[name] = Code(self.lnames(name), "signal")

    def _written_as_vectors(self, sh) -> None:
        """The module writes a cell of vectors and real parameters: a matrix-valued state (its
        update an outer product), complex parameters or H heads would be written wrong (`k * v` for
        k v^T), so they are refused, not written."""
        def refuse(what: str, span) -> None:
            raise ShapeError(f"{what}: the torch module writes cells of vectors and real parameters only, "
                             "and would write this one wrong", source=self.src, span=span,
                             hint="count it (derive, cell) or check a module of your own against it (symcount check)")
        for s in sh.signals:
            if not s.cols.is_one:
                refuse(f"{s.text} is a matrix-valued state ({s.dim} x {s.cols})", s.span)
        for p in self.params:
            if p.complex:
                refuse(f"{p.name} is complex (two real numbers an entry)", p.span)
        if getattr(sh, "heads", None) is not None:
            refuse(f"the equations are one head's of {sh.heads}", sh.cell.equations[0].span)

    # -- the parameters --
    def shape(self, p) -> str:
        if p.scalar:
            return "()"
        rows = size_code(p.rows, self.fixed)
        if p.diagonal or p.cols.is_one:
            return f"({rows},)"
        return f"({rows}, {size_code(p.cols, self.fixed)})"

    def init(self, p) -> str:
        name = self.pnames(p.name)
        own = re.fullmatch(r"\\(gamma|beta)_\{([^{},]+),[0-9]+\}", p.name)
        if own and split(own.group(2))[0] and p.name.startswith("\\gamma"):
            return f"torch.nn.init.ones_(self.{name})"
        if own:
            return f"torch.nn.init.zeros_(self.{name})"
        if p.name in self._logged():  # (a^{c r_t} read as \exp(c r_t \log a): a decay in (0, 1), never a log of a negative)
            return f"torch.nn.init.uniform_(self.{name}, 0.5, 1.0)"
        rows = size_code(p.rows, self.fixed)
        simple = re.fullmatch(r"[0-9]+|s\['[A-Za-z0-9_]+'\]", rows)
        bound = "1.0" if p.scalar else f"{rows if simple else '(' + rows + ')'} ** -0.5"
        return f"torch.nn.init.uniform_(self.{name}, -{bound}, {bound})"

    def _logged(self) -> set[str]:
        """The parameters the equations take the logarithm or the square root of (positive numbers)."""
        return {x.arg.name for eq in self.shapes.cell.equations for x in N.walk(eq.rhs) if isinstance(x, N.Apply)
                and x.func.lstrip("\\") in ("log", "ln", "sqrt") and isinstance(x.arg, N.Symbol)}

    def implicit(self, node: N.Apply, which: str) -> str | None:
        """The implicit parameter of a function's application (W_{Linear,k}), numbered in order of use."""
        word = split(node.func)[0]
        prefix = {"W": "W_{", "b": "b_{", "gamma": "\\gamma_{", "beta": "\\beta_{"}[which] + word + ","
        apps = sorted((x for eq in self.shapes.cell.equations for x in N.walk(eq.rhs)
                       if isinstance(x, N.Apply) and split(x.func)[0] == word), key=lambda x: x.span.start)
        i = next(k for k, x in enumerate(apps) if x is node)
        name = f"{prefix}{i + 1}}}"
        return self.pnames(name) if any(p.name == name for p in self.params) else None

    # -- the symbols of a step --
    def refer(self, n: N.Symbol) -> Code:
        p = next((p for p in self.shapes.params if p.name == n.name), None)
        if n.name in self.local and not (n.name in self.signals and (n.lag or 0) > 0):
            return self.local[n.name]
        if p is not None:
            if p.bias and not self.d.bias:
                return NONE
            kind = "number" if p.scalar else "diag" if p.diagonal else "vector" if p.cols.is_one else "matrix"
            return Code(f"self.{self.pnames(p.name)}", kind)
        if n.name in self.signals:
            if n.name in self.recurrent:
                return Code(self.lnames(n.name + "@prev"), "signal")
            size = size_code(self.signals[n.name].dim, self.fixed)
            return Code(f"x.new_zeros(batch, {size})", "signal")  # read before the step defines it
        return Code(self.constant(n), "number")

    def constant(self, n: N.Symbol) -> str:
        """A symbol the text sets to a number (\\beta = 1): its value, as written."""
        m = re.search(re.escape(n.text) + r"\s*=\s*(-?[0-9]+(?:\.[0-9]+)?)", self.src.text)
        if m:
            return repr(float(m.group(1)))
        return "self." + self.constants.setdefault(n.name, self.pnames(n.name))

    def order(self) -> list:
        """The equations in an order that defines each signal before the step reads it."""
        eqs, done, out = list(self.shapes.cell.equations), set(), []
        defined = {eq.lhs.name for eq in eqs if isinstance(eq.lhs, N.Symbol)}
        while eqs:
            for eq in eqs:
                needs = {x.name for x in N.walk(eq.rhs) if isinstance(x, N.Symbol) and not (x.lag or 0) > 0}
                if not (needs & defined) - done - {getattr(eq.lhs, "name", "")}:
                    break
            else:
                eq = eqs[0]  # a cycle within the step: the previous step's value is read
            eqs.remove(eq)
            out.append(eq)
            done.add(getattr(eq.lhs, "name", ""))
        return out

    def step(self) -> list[str]:
        """forward's body: one line (and its comment) per equation."""
        ex = Expr(self.src, self.refer, self.implicit)
        lines = []
        for eq in self.order():
            if isinstance(eq.rhs, N.Apply) and kind_of(eq.rhs.func) == "loss":  # L_t = loss(y_t, \hat{y}_t)
                lines.append(f"# {latex_line(self.src, eq.span)}: a training loss, not a step of the cell")
                continue
            rhs = ex.code(eq.rhs)
            lines.append(f"# {latex_line(self.src, eq.span)}")
            if isinstance(eq.lhs, N.Symbol):
                name = self.lnames(eq.lhs.name)
                kind = rhs.kind if eq.lhs.name not in self.signals or rhs.kind != "number" else "signal"
                if eq.lhs.name in self.signals and rhs.kind == "number":  # f_t = 1: a signal of ones
                    size = size_code(self.signals[eq.lhs.name].dim, self.fixed)
                    rhs = Code(f"x.new_full((batch, {size}), {rhs.text})", "signal")
                lines.append(f"{name} = {rhs.text}")
                self.local[eq.lhs.name] = Code(name, kind)
            elif isinstance(eq.lhs, N.Concat) and all(isinstance(s, N.Symbol) and s.name in self.signals
                                                      for s in eq.lhs.items):
                names = [self.lnames(s.name) for s in eq.lhs.items]
                sizes = [size_code(self.signals[s.name].dim, self.fixed) for s in eq.lhs.items]
                lines.append(f"{', '.join(names)} = torch.split({rhs.text}, [{', '.join(sizes)}], dim=-1)")
                for s, name in zip(eq.lhs.items, names):
                    self.local[s.name] = Code(name, "signal")
            else:
                raise ShapeError("the torch module cannot assign to this left side", source=self.src, span=eq.span)
        self.guessed = ex.guessed
        return lines


def module_code(d: "Derivation") -> str:
    """The module's source (see the module's docstring)."""
    m = Module(d)
    body = m.step()  # first: it may refuse
    out = [f'"""{_title(d)}: a torch module generated by symcount from the equations.\n\n'
           "Parameters are named after their LaTeX (W_{hi} -> W_hi); the sizes are "
           + (", ".join(m.open) or "all fixed") + "."
           + (f"\nThe text leaves {', '.join(m.guessed)} open: written as tanh (change it to the cell's own)."
              if m.guessed else "") + '"""', "import torch", _HELPERS if any("blockwise(" in x for x in body) else "", "",
           "class Cell(torch.nn.Module):"]
    out += _init(m) + _reset(m) + _initial_state(m) + _forward(m, body) + _sequence(m)
    return "\n".join(out).rstrip() + "\n"


def _title(d) -> str:
    return re.sub(r"[^\w .,()+-]", "", d.name) or "cell"


def _init(m: Module) -> list[str]:
    args = "".join(f", {_kw(n)}: int" for n in m.open) + "".join(f", {c}: float" for c in m.constants.values())
    out = [f"    def __init__(self{', *' if args else ''}{args}):", "        super().__init__()"]
    sizes = [f"{n!r}: {_kw(n)}" for n in m.open] + [f"{n!r}: {v}" for n, v in m.fixed.items() if n in m.shapes.dims]
    out.append("        self.sizes = {" + ", ".join(sizes) + "}")
    if m.open:
        out += ["        for name in " + repr(tuple(m.open)) + ":",
                "            if not isinstance(self.sizes[name], int) or self.sizes[name] < 1:",
                "                raise ValueError(f'{name} must be a positive int, not {self.sizes[name]!r}')"]
    out.append("        s = self.sizes")
    for latex, c in m.constants.items():
        out.append(f"        self.{c} = float({c})  # {latex}: a constant the text gives no value")
    inputs = ", ".join(f"{m.lnames(n)!r}: {size_code(m.signals[n].dim, m.fixed)}" for n in m.inputs)
    out.append("        self.input_sizes = {" + inputs + "}")
    for p in m.params:
        out.append(f"        # {p.name}, first used at {m.src.where(p.span)}")
        out.append(f"        self.{m.pnames(p.name)} = torch.nn.Parameter(torch.empty({m.shape(p)}))")
    out += ["        self.reset_parameters()", ""]
    return out


def _kw(name: str) -> str:
    """A size's name as a keyword argument (d_h stays d_h)."""
    from .torch_names import python_name
    return python_name(name)


def _reset(m: Module) -> list[str]:
    out = ["    def reset_parameters(self):",
           "        s = self.sizes",
           "        with torch.no_grad():"]
    out += [f"            {m.init(p)}" for p in m.params] or ["            pass"]
    return out + [""]


def _initial_state(m: Module) -> list[str]:
    out = ["    def initial_state(self, batch):",
           "        s = self.sizes",
           "        like = next(self.parameters(), torch.empty(()))",
           "        return {"]
    for name in m.recurrent:
        size = size_code(m.signals[name].dim, m.fixed)
        out.append(f"            {m.lnames(name)!r}: like.new_zeros(batch, {size}),")
    return out + ["        }", ""]


def _forward(m: Module, body: list[str]) -> list[str]:
    one = len(m.inputs) == 1
    out = ["    def forward(self, x, state):",
           "        s = self.sizes"]
    for name in m.inputs:
        local = m.lnames(name)
        src = "x" if one else f"x[{local!r}]"
        if src != local:
            out.append(f"        {local} = {src}")
    first = "x" if one else f"x[{m.lnames(m.inputs[0])!r}]"
    out.append(f"        batch = {first}.shape[0]")
    if not one:
        out.append(f"        x = {first}")
    for name in m.recurrent:
        out.append(f"        {m.lnames(name + '@prev')} = state[{m.lnames(name)!r}]")
    out += [f"        {line}" for line in body]
    state = ", ".join(f"{m.lnames(n)!r}: {m.lnames(n)}" for n in m.recurrent)
    out += [f"        return {m.lnames(m.output)}, {{{state}}}", ""]
    return out


def _sequence(m: Module) -> list[str]:
    one = len(m.inputs) == 1
    first = "xs" if one else f"xs[{m.lnames(m.inputs[0])!r}]"
    step = "xs[t]" if one else "{k: v[t] for k, v in xs.items()}"
    return ["    def forward_sequence(self, xs, state=None):",
            "        \"\"\"Every step of xs (steps, batch, size); the outputs stacked, and the last state.\"\"\"",
            "        if state is None:",
            f"            state = self.initial_state({first}.shape[1])",
            "        outputs = []",
            f"        for t in range({first}.shape[0]):",
            f"            y, state = self.forward({step}, state)",
            "            outputs.append(y)",
            "        return torch.stack(outputs), state"]
