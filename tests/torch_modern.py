"""A torch oracle for the cost of the modern layers (tests/test_modern_cost.py): a built-in cell's
equations (symcount's AST, after its readings) evaluated step by step with torch tensors, for one
example, with H heads where the cell is one head (`% symcount: heads H`): every head has its own
parameters, state and convolution buffers, shared parameters are one tensor, and an equation
computed once for all heads (shared signals) runs once per step. torch_cells.count counts what it
runs (FlopCounterMode for the matrix products, the entries every aten operation writes).

What each operation is comes from the tensors' shapes, as a reader of the equations takes it:
a column times a row is an outer product (`mm`), a row times a column an inner product (one
number), two columns side by side multiply elementwise, `\\mathrm{Diag}(v) X` scales X's rows, a
matrix times a column is `mm`. A short convolution over time keeps its last K inputs per channel
and runs as one `bmm` (K multiply-accumulates per channel). Numbers (scalar parameters, a per-step
scalar once computed, an inner product) are Python numbers: arithmetic on them alone is free, as
symcount counts it; a number times a tensor is one `mul` per entry.
"""
from __future__ import annotations

import math

from symcount.read import nodes as N
from symcount.read.words import kind as function_kind, split
from tests.torch_cells import ACTIVATIONS

EXTRA = {"GeLU": "gelu", "GeLu": "gelu", "Gelu": "gelu", "softplus": "softplus", "sqrt": "sqrt", "Re": "real"}


NUMBER = {"exp": lambda a: complex(math.e) ** a if isinstance(a, complex) else math.exp(a),
          "sqrt": lambda a: math.sqrt(abs(a)), "abs": abs, "real": lambda a: complex(a).real,
          "tanh": math.tanh, "sigmoid": lambda a: 1 / (1 + math.exp(-a)), "softplus": lambda a: math.log1p(math.exp(a)),
          "silu": lambda a: a / (1 + math.exp(-a)), "relu": lambda a: max(a, 0.0), "log": lambda a: math.log(abs(a))}


class Diag:
    """\\mathrm{Diag}(v): multiplies a matrix's rows (left) or columns (right) by v's entries."""

    def __init__(self, t) -> None:
        self.t = t


def _number(x):
    return isinstance(x, (int, float, complex))


class ModernUnrolled:
    def __init__(self, torch, derivation, sizes: dict[str, int]) -> None:
        self.torch, self.d, self.sizes = torch, derivation, dict(sizes)
        shapes = derivation.shapes
        self.cell, self.shapes = shapes.cell, shapes
        self.H = sizes[shapes.heads] if shapes.heads else 1
        self.signals = {s.name: s for s in shapes.signals}
        self.params_of = {p.name: p for p in shapes.params}
        self.constants = {x.name for eq in self.cell.equations for x in N.walk(eq.rhs)
                          if isinstance(x, N.Symbol) and x.name not in self.signals and x.name not in self.params_of}
        self.complex = any(p.complex for p in shapes.params)
        self.dtype = torch.complex64 if self.complex else torch.float32
        gen = torch.Generator().manual_seed(0)
        self.params = [dict() for _ in range(self.H)]
        for p in shapes.params:
            for h in range(self.H):
                if h > 0 and (p.name in shapes.shared or not shapes.heads):
                    self.params[h][p.name] = self.params[0][p.name]
                    continue
                if p.scalar:
                    self.params[h][p.name] = float(torch.rand(1, generator=gen).item()) * 0.5 + 0.1
                else:
                    shape = (self.size(p.rows), 1 if p.diagonal else self.size(p.cols))
                    t = torch.randn(*shape, generator=gen) * 0.1
                    self.params[h][p.name] = t.to(self.dtype)
        self.values_kept = 0
        declared = {s.name: d for d in self.cell.declarations for s in d.symbols}
        self.rows = {n for n, d in declared.items() if d.rows is not None and d.rows.lin.is_one and not d.cols.lin.is_one}
        self.declared = set(declared)

    def size(self, lin: N.Lin) -> int:
        total = lin.const
        for name, k in lin.terms:
            total += k * math.prod(self.sizes[f] for f in N.factors(name))
        return total

    def parameter_count(self) -> int:
        """The parameters' real numbers: two per entry of a complex one (real ones are held as complex
        tensors in a complex cell, so that torch multiplies them with the rest, and count one)."""
        seen, total = set(), 0
        for head in self.params:
            for name, v in head.items():
                if id(v) in seen or name not in self.params_of:
                    continue
                seen.add(id(v))
                total += (1 if _number(v) else v.numel()) * (2 if self.params_of[name].complex else 1)
        return total

    def state_entries(self) -> int:
        """Entries of the recurrent state: per head for a head's state, once for an input read at t-1."""
        defined = {eq.lhs.name: i for i, eq in enumerate(self.cell.equations)}
        total = 0
        for s in self.signals.values():
            if s.recurrent:
                n = self.size(s.dim) * self.size(s.cols)
                i = defined.get(s.name, -1)
                total += n if i < 0 or i in self.shapes.once else n * self.H
        return total

    def _zero(self, name):
        s = self.signals[name]
        if s.dim.is_one and s.cols.is_one:
            return 0.0
        return self.torch.zeros(self.size(s.dim), self.size(s.cols), dtype=self.dtype)

    def run(self, T: int) -> list:
        torch = self.torch
        gen = torch.Generator().manual_seed(1)
        inputs = [s.name for s in self.signals.values() if not s.defined]
        order = self._order()
        once = [eq for eq in order if self.cell.equations.index(eq) in self.shapes.once]
        each = [eq for eq in order if eq not in once]
        shared_prev = {n: self._zero(n) for n, s in self.signals.items() if s.recurrent}
        prev = [dict(shared_prev) for _ in range(self.H)]
        self.buffers = [dict() for _ in range(self.H)]
        outs = []
        for _ in range(T):
            now = {}
            for name in inputs:
                s = self.signals[name]
                shape = (1, self.size(s.dim)) if name in self.rows else (self.size(s.dim), 1)
                now[name] = torch.randn(*shape, generator=gen).to(self.dtype) if not s.dim.is_one else 0.3
            for eq in once:
                now[eq.lhs.name] = self._equation(eq, 0, now, prev[0])
            heads_now = []
            for h in range(self.H):
                mine = dict(now)
                for eq in each:
                    mine[eq.lhs.name] = self._equation(eq, h, mine, prev[h])
                heads_now.append(mine)
            for h in range(self.H):
                prev[h] = {n: heads_now[h].get(n, prev[h][n]) for n in prev[h]}
            outs.append([m.get(self.shapes.output) for m in heads_now])
        return outs

    def _equation(self, eq, h, now, prev):
        value = self._eval(eq.rhs, h, now, prev)
        if isinstance(value, Diag):
            value = value.t
        if isinstance(eq.lhs, N.Symbol) and eq.lhs.name not in self.signals:  # a parameter it derives
            self.params[h][eq.lhs.name] = value
        self.values_kept += 1 if _number(value) else value.numel()
        s = self.signals.get(eq.lhs.name)
        if s is not None and s.dim.is_one and s.cols.is_one and not _number(value):  # a scalar per step
            value = value.item()
        return value

    def _order(self) -> list:
        eqs, done, out = list(self.cell.equations), set(), []
        defined = {eq.lhs.name for eq in eqs}
        while eqs:
            for eq in eqs:
                needs = {x.name for x in N.walk(eq.rhs) if isinstance(x, N.Symbol) and not (x.lag or 0) > 0}
                if not (needs & defined) - done - {eq.lhs.name}:
                    break
            else:
                eq = eqs[0]
            eqs.remove(eq)
            out.append(eq)
            done.add(eq.lhs.name)
        return out

    # -- one expression --
    def _eval(self, n, h, now, prev):
        torch = self.torch
        if isinstance(n, N.Number):
            return float(n.value)
        if isinstance(n, N.Symbol):
            if n.name in self.params[h]:
                return self.params[h][n.name]
            if n.name in self.signals:
                return prev[n.name] if (n.lag or 0) > 0 else now[n.name] if n.name in now else prev[n.name]
            return 1.0 if n.name in ("I", "\\mathbb{I}", "\\mathbb{1}") else 4.0  # a constant the text fixes
        if isinstance(n, N.Neg):
            a = self._eval(n.arg, h, now, prev)
            return -a
        if isinstance(n, N.Power):
            a = self._eval(n.arg, h, now, prev)
            e = n.exponent if isinstance(n.exponent, int) else self._eval(n.exponent, h, now, prev)  # a number
            return a ** e
        if isinstance(n, N.Transpose):
            a = self._eval(n.arg, h, now, prev)
            return a if _number(a) else a.t()
        if isinstance(n, N.Apply):
            return self._apply(n, h, now, prev)
        if isinstance(n, N.Concat):  # [a; b; c]: columns stacked (a copy, no arithmetic)
            return torch.cat([self._eval(x, h, now, prev) for x in n.items], 0)
        assert isinstance(n, N.Binary), n
        a, b = self._eval(n.left, h, now, prev), self._eval(n.right, h, now, prev)
        if n.op in ("add", "sub", "divide", "hadamard") or _number(a) or _number(b):
            a = a.t if isinstance(a, Diag) else a
            return {"add": lambda: a + b, "sub": lambda: a - b, "divide": lambda: a / b}.get(n.op, lambda: a * b)()
        if isinstance(a, Diag):
            return a.t * b
        if isinstance(b, Diag):
            return a * b.t.t()
        if a.shape[1] == 1 and b.shape[1] == 1:  # two columns side by side: elementwise
            return a * b
        if a.shape[1] == 1 and b.shape[0] == 1:  # a column times a row: the outer product
            return a @ b
        if a.shape[0] == 1 and b.shape[1] == 1:  # a row times a column: one number where the row's
            # size is known when it is read (a signal's, a declared vector's), else a 1 x 1 value
            left = n.left.arg if isinstance(n.left, N.Transpose) else n.left
            known = not isinstance(left, N.Symbol) or left.name in self.signals or left.name in self.declared
            return (a @ b).item() if known else a @ b
        if a.shape[1] == 1:  # x W: the column as a row
            return b.t() @ a
        return a @ b

    def _apply(self, n: N.Apply, h, now, prev):
        torch = self.torch
        k = function_kind(n.func)
        word, sub, sup = split(n.func)
        if k == "diag":  # of a column, or of a row's entries (GLA's \alpha_t written as a row)
            t = self._eval(n.arg, h, now, prev)
            return Diag(t.t() if not _number(t) and t.shape[0] == 1 and t.shape[1] > 1 else t)
        if k == "reduction":  # \|x\|_2: x^T x, one number
            x = self._eval(n.arg, h, now, prev)
            return math.sqrt(abs((x.t() @ x).item()))
        if k == "conv":
            return self._conv(n, h, now, prev)
        if k == "headpart":  # this head's part of a signal of all heads: a view
            x = self._eval(n.arg, h, now, prev)
            P = x.shape[0] // self.H
            return x[h * P:(h + 1) * P]
        if k == "blockdiag":  # blocks of B x B on the diagonal: one bmm
            x = self._eval(n.arg, h, now, prev)
            weight = self._implicit(n, h, "W_{" + word + ",")
            C, B = weight.shape
            return torch.bmm(weight.view(C // B, B, B), x.reshape(C // B, B, 1)).view(C, 1)
        if k == "norm":
            items = n.arg.items if isinstance(n.arg, N.Tuple) else (n.arg,)
            z = self._eval(items[0], h, now, prev)
            row = z.shape[0] == 1 and z.shape[1] > 1  # a row: normalised along its columns
            y = torch.nn.functional.layer_norm(z if row else z.t(), (z.shape[1 if row else 0],))
            y = y if row else y.t()
            if sup == "*":
                return y
            gains = [self._eval(x, h, now, prev) for x in items[1:]] or \
                [self._implicit(n, h, "\\gamma_{" + word + ","), self._implicit(n, h, "\\beta_{" + word + ",")]
            gains = [g.reshape(y.shape) if g is not None and not _number(g) else g for g in gains]
            y = y * gains[0]
            if len(gains) > 1 and gains[1] is not None:
                y = y + gains[1]
            return y
        if isinstance(n.arg, N.Tuple):
            items = [self._eval(x, h, now, prev) for x in n.arg.items]
            if all(_number(x) for x in items):
                return max(items)
            return torch.maximum(items[0], items[1])
        a = self._eval(n.arg, h, now, prev)
        if _number(a):  # of a number: free, as symcount counts it
            return NUMBER[EXTRA.get(word) or ACTIVATIONS.get(word, "tanh")](a)
        return self._activation(word, a)

    def _activation(self, word, t):
        torch = self.torch
        op = EXTRA.get(word) or ACTIVATIONS.get(word, "tanh")
        if op == "real":  # the real part: a view, no arithmetic
            return torch.real(t)
        if op in ("gelu", "softplus", "silu", "elu"):
            return getattr(torch.nn.functional, op)(t)
        return getattr(torch, op)(t)

    def _conv(self, n: N.Apply, h, now, prev):
        """A depthwise convolution over time of width K: the last K inputs of each channel, one bmm."""
        torch = self.torch
        x = self._eval(n.arg, h, now, prev)
        word = split(n.func)[0]
        weight = self._implicit(n, h, "W_{" + word + ",")
        bias = self._implicit(n, h, "b_{" + word + ",")
        C, K = weight.shape
        hist = self.buffers[h].get(id(n))
        hist = torch.zeros(C, K, dtype=self.dtype) if hist is None else hist
        hist = torch.cat([hist[:, 1:], x], 1)
        self.buffers[h][id(n)] = hist
        y = torch.bmm(weight.view(C, 1, K), hist.view(C, K, 1)).view(C, 1)
        return y + bias if bias is not None else y

    def _implicit(self, n: N.Apply, h, prefix: str):
        names = [p.name for p in self.shapes.params if p.name.startswith(prefix)]
        apps = sorted([x for eq in self.cell.equations for x in N.walk(eq.rhs)
                       if isinstance(x, N.Apply) and split(x.func)[0] == split(n.func)[0]], key=lambda x: x.span.start)
        i = next(k for k, x in enumerate(apps) if x is n)
        name = f"{prefix}{i + 1}}}"
        return self.params[h].get(name) if name in names else None
