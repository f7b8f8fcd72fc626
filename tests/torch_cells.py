"""Torch oracles for the cost: any cell symcount reads, run as a torch module unrolled over T steps,
and counters of what torch executes.

`Unrolled` evaluates a cell's equations (symcount's AST, after its readings) with torch tensors,
step by step, layer by layer, in both directions: parameters are tensors of the shapes symcount
inferred, signals are columns of a batch (size x B). Every operation of the equations is one torch
operation: a product of a weight and a vector `mm`, a sum `add`, \\sigma `sigmoid`. It decides what
a product is from the tensors' shapes alone, not from symcount's cost bookkeeping.

`count(fn)` runs fn under torch's FlopCounterMode (the matrix-product FLOPs, torch's own formula)
and under a TorchDispatchMode that records every aten operation and the number of entries it writes,
sorted into symcount's categories by the operation's name.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from symcount.read import nodes as N
from symcount.read.words import kind as function_kind, split

ELEMENTWISE = {"add", "sub", "rsub", "mul", "div", "neg", "pow"}
ACTIVATION = {"sigmoid", "tanh", "relu", "exp", "log", "softmax", "_softmax", "gelu", "silu", "elu", "softplus",
              "abs", "sin", "cos", "sqrt", "maximum", "minimum"}  # max(a, b): symcount counts it with the activations
FREE = {"t", "view", "view_as_real", "cat", "slice", "split", "unsafe_split", "split_with_sizes", "zeros", "randn", "detach",
        "clone", "ones_like", "expand", "select", "unbind", "stack", "transpose", "permute", "_to_copy",
        "empty", "fill", "copy_", "alias", "unsqueeze", "squeeze", "reshape", "_unsafe_view", "as_strided", "lift_fresh",
        "native_layer_norm_backward", "_local_scalar_dense", "zeros_like", "lift_fresh_copy", "mm", "addmm", "bmm", "linear", "matmul"}
ACTIVATIONS = {"sigma": "sigmoid", "sigmoid": "sigmoid", "logistic": "sigmoid", "tanh": "tanh", "relu": "relu",
               "ReLU": "relu", "Relu": "relu", "exp": "exp", "softmax": "softmax", "gelu": "gelu", "GELU": "gelu",
               "silu": "silu", "SiLU": "silu", "swish": "silu", "Swish": "silu", "elu": "elu", "ELU": "elu", "softplus": "softplus",
               "Softplus": "softplus", "Sigmoid": "sigmoid", "Tanh": "tanh", "Softmax": "softmax", "abs": "abs"}


@dataclass
class Counts:
    """What torch executed: FlopCounterMode's FLOPs, and entries written per category."""

    matrix: int = 0
    elementwise: int = 0
    activation: int = 0
    normalization: int = 0
    addmm_bias: int = 0   # the bias additions an addmm fuses with its product
    other: dict = field(default_factory=dict)  # aten operations in no category (must stay empty)


def count(torch, fn) -> Counts:
    """Run fn() and count what torch executes."""
    from torch.utils._python_dispatch import TorchDispatchMode
    from torch.utils.flop_counter import FlopCounterMode

    out = Counts()

    class Entries(TorchDispatchMode):
        def __torch_dispatch__(self, func, types, args=(), kwargs=None):
            result = func(*args, **(kwargs or {}))
            name = func._overloadpacket.__name__.rstrip("_")
            first = result[0] if isinstance(result, (tuple, list)) else result
            n = first.numel() if isinstance(first, torch.Tensor) else 0
            if name in ELEMENTWISE:
                out.elementwise += n
            elif name in ACTIVATION:
                out.activation += n
            elif name == "native_layer_norm":
                out.normalization += n
            elif name == "sum":
                out.elementwise += args[0].numel()
            elif name == "addmm":
                out.addmm_bias += n
            elif name not in FREE:
                out.other[name] = out.other.get(name, 0) + n
            return result

    flops = FlopCounterMode(display=False)
    with flops, Entries():
        fn()
    out.matrix = flops.get_total_flops()
    return out


class _Value:
    """A tensor and what it is: a signal (columns of the batch), a parameter, or a scalar."""

    __slots__ = ("t", "vector", "diag")

    def __init__(self, t, vector: bool, diag: bool = False) -> None:
        self.t, self.vector, self.diag = t, vector, diag


class Unrolled:
    """A derivation's cell as torch computes it: `run(T, B)` unrolls it over T steps of a batch of B,
    through `layers` layers in `directions` directions; layer k > 1 reads both directions' outputs."""

    def __init__(self, torch, derivation, sizes: dict[str, int], *, layers: int = 1, directions: int = 1,
                 dtype=None) -> None:
        self.torch, self.d, self.sizes = torch, derivation, dict(sizes)
        self.layers, self.directions = layers, directions
        self.dtype = dtype or torch.float32
        shapes = derivation.shapes
        self.cell = shapes.cell
        self.params_of = {p.name: p for p in shapes.params}
        self.signals = {s.name: s for s in shapes.signals}
        self.input, self.output = shapes.input, shapes.output
        # every signal no equation defines is read each step (the input, or several when the cell
        # has more than one, unstacked); a cell that declares its batch has signals of n rows
        self.inputs = [s.name for s in shapes.signals if not s.defined]
        self.batch_rows = 1
        for n in shapes.batch:
            self.batch_rows *= self.sizes[n]
        self.layer_sizes = []
        for k in range(layers):
            s = dict(self.sizes)
            if k > 0:
                in_dim = self.signals[self.input].dim.terms[0][0]
                s[in_dim] = directions * self.size(self.signals[self.output].dim, self.sizes)
            self.layer_sizes.append(s)
        gen = torch.Generator().manual_seed(0)
        self.params = [[self._params(s, gen) for _ in range(directions)] for s in self.layer_sizes]
        self.values_kept = 0   # entries of every equation's result over the run (for training memory)

    @staticmethod
    def size(lin: N.Lin, sizes: dict[str, int]) -> int:
        return lin.const + sum(k * sizes[n] for n, k in lin.terms)

    def _params(self, sizes, gen) -> dict:
        out = {}
        for p in self.d.shapes.params:
            if p.bias and not self.d.bias:  # --no-bias: the bias is not there
                continue
            if p.scalar:
                shape = (1, 1)
            else:
                shape = (self.size(p.rows, sizes), 1 if p.diagonal else self.size(p.cols, sizes))
            out[p.name] = self.torch.randn(*shape, generator=gen, dtype=self.dtype) * 0.1
        return out

    def parameter_count(self) -> int:
        return sum(t.numel() for layer in self.params for direction in layer for t in direction.values())

    def signal(self, name: str, sizes: dict, B: int, fill) -> object:
        """A signal's tensor: its size x B columns, or n rows x its size when the cell declares a batch n."""
        n = self.size(self.signals[name].dim, sizes)
        return fill(self.batch_rows, n) if self.d.shapes.batch else fill(n, B)

    def run(self, T: int, B: int):
        """Unroll over T steps of a batch of B (B = 1 for a cell that declares its batch)."""
        torch = self.torch
        gen = torch.Generator().manual_seed(1)

        def fill(*shape):
            return torch.randn(*shape, generator=gen, dtype=self.dtype)
        xs = [{name: self.signal(name, self.layer_sizes[0], B, fill) for name in self.inputs} for _ in range(T)]
        for k in range(self.layers):
            outs = []
            for direction in range(self.directions):
                seq = xs if direction == 0 else xs[::-1]
                ys = self._direction(seq, self.params[k][direction], self.layer_sizes[k], B)
                outs.append(ys if direction == 0 else ys[::-1])
            if k + 1 < self.layers:  # the next layer reads the outputs, both directions stacked
                xs = [{self.input: y[0] if self.directions == 1 else torch.cat(y, 0)} for y in zip(*outs)]
        return outs

    def _direction(self, xs, params, sizes, B):
        torch = self.torch
        self.zeros = {name: self.signal(name, sizes, B, lambda *shape: torch.zeros(*shape, dtype=self.dtype))
                      for name, s in self.signals.items() if s.recurrent or s.defined}
        prev = {name: t for name, t in self.zeros.items() if self.signals[name].recurrent}
        ys = []
        for x in xs:
            now = dict(x)
            for eq in self._order():
                value = self._eval(eq.rhs, params, now, prev)
                t = value.t if isinstance(value, _Value) else value
                if isinstance(eq.lhs, N.Symbol) and eq.lhs.name not in self.signals:  # a parameter it derives
                    params = dict(params, **{eq.lhs.name: t})
                elif isinstance(eq.lhs, N.Concat):  # (i; f; o; g) = ...: the column split into its signals
                    parts = [self.size(self.signals[x.name].dim, sizes) for x in eq.lhs.items]
                    for x, part in zip(eq.lhs.items, t.split(parts, 0)):
                        now[x.name] = part
                else:
                    now[eq.lhs.name] = t
                if isinstance(t, torch.Tensor):
                    self.values_kept += t.numel()
            prev = {name: now.get(name, prev[name]) for name in prev}
            ys.append(now.get(self.output))
        return ys

    def _order(self) -> list:
        """The equations in an order that defines each signal before the step reads it (a text may
        write c_t = f_t c_{t-1} + ... before f_t's equation)."""
        eqs, done, out = list(self.cell.equations), set(), []

        def names(lhs) -> set:
            return {x.name for x in lhs.items} if isinstance(lhs, N.Concat) else {lhs.name}
        defined = set().union(*(names(eq.lhs) for eq in eqs))
        while eqs:
            for eq in eqs:
                needs = {x.name for x in N.walk(eq.rhs) if isinstance(x, N.Symbol) and not (x.lag or 0) > 0}
                if not (needs & defined) - done - names(eq.lhs):
                    break
            else:
                eq = eqs[0]  # a cycle within the step: read the previous step's value
            eqs.remove(eq)
            out.append(eq)
            done |= names(eq.lhs)
        return out

    # -- one expression --
    def _eval(self, n, params, now, prev):
        torch = self.torch
        if isinstance(n, N.Number):
            return float(n.value) if n.value.replace(".", "", 1).isdigit() else 0.5
        if isinstance(n, N.Symbol):
            if n.name in self.params_of and self.params_of[n.name].bias and not self.d.bias:
                return None  # a bias left out: the sum it is in has one term fewer
            if n.name in params:
                t = params[n.name]
                p = self.params_of.get(n.name)
                if p is not None and p.scalar:  # a scalar is a number: computing with it alone is free
                    return float(t.item())
                return _Value(t, vector=p is not None and not p.scalar and (p.cols.is_one or p.diagonal),
                              diag=p is not None and p.diagonal)
            if n.name in self.signals:
                # a signal read before the step defines it (equations that refer to each other)
                # reads its previous value, or zeros
                t = prev[n.name] if (n.lag or 0) > 0 else now[n.name] if n.name in now else \
                    prev.get(n.name, self.zeros[n.name])
                if not isinstance(t, torch.Tensor):  # f_t = 1: a number
                    return t
                return _Value(t, vector=not self.d.shapes.batch)  # a batch of rows multiplies as a matrix
            return 0.5  # a constant the text fixes
        if isinstance(n, N.Neg):
            a = self._eval(n.arg, params, now, prev)
            return -a if not isinstance(a, _Value) else _Value(-a.t, a.vector)
        if isinstance(n, N.Power):
            a = self._eval(n.arg, params, now, prev)
            e = n.exponent if isinstance(n.exponent, int) else self._eval(n.exponent, params, now, prev)  # a number
            return a ** e if not isinstance(a, _Value) else _Value(a.t ** e, a.vector)
        if isinstance(n, N.Transpose):
            a = self._eval(n.arg, params, now, prev)
            return _Value(a.t.t(), False) if not a.vector else a
        if isinstance(n, N.Concat):
            items = [self._eval(x, params, now, prev) for x in n.items]
            return _Value(torch.cat([v.t for v in items], 0), all(v.vector for v in items))
        if isinstance(n, N.Apply):
            return self._apply(n, params, now, prev)
        assert isinstance(n, N.Binary), n
        a, b = self._eval(n.left, params, now, prev), self._eval(n.right, params, now, prev)
        if a is None or b is None:  # a bias left out
            assert n.op in ("add", "sub"), n
            return b if a is None else a
        if not isinstance(a, _Value) or not isinstance(b, _Value):
            va = a.t if isinstance(a, _Value) else a
            vb = b.t if isinstance(b, _Value) else b
            big = a if isinstance(a, _Value) else b
            op = {"add": lambda: va + vb, "sub": lambda: va - vb, "divide": lambda: va / vb}.get(n.op, lambda: va * vb)
            return op() if not isinstance(big, _Value) else _Value(op(), big.vector)
        if self.d.shapes.batch:  # a batch of rows meets a column (a bias h x 1): the column as a row
            at, bt = a.t, b.t
            if at.dim() == 2 and bt.dim() == 2 and at.shape[1] == 1 and at.shape[0] == bt.shape[-1] != bt.shape[0]:
                a = _Value(at.t(), a.vector)
            elif at.dim() == 2 and bt.dim() == 2 and bt.shape[1] == 1 and bt.shape[0] == at.shape[-1] != at.shape[0]:
                b = _Value(bt.t(), b.vector)
        if n.op == "add":
            return _Value(a.t + b.t, a.vector or b.vector)
        if n.op == "sub":
            return _Value(a.t - b.t, a.vector or b.vector)
        if n.op == "divide":
            return _Value(a.t / b.t, a.vector or b.vector)
        if n.op == "hadamard" or (a.vector and b.vector) or a.diag:
            return _Value(a.t * b.t, True)
        if a.vector and not b.vector:   # x W: the vector as a row, the same as W^T x
            if self.d.shapes.batch:     # a batch of rows (X_t W): each row times W
                return _Value(a.t @ b.t, True)
            return _Value(b.t.t() @ a.t, True)
        return _Value(a.t @ b.t, b.vector)

    def _apply(self, n: N.Apply, params, now, prev):
        torch = self.torch
        if n.each:
            a = self._eval(n.arg, params, now, prev)
            blocks = a.t.split(a.t.shape[0] // len(n.each), 0)
            return _Value(torch.cat([self._activation(f, x) for f, x in zip(n.each, blocks)], 0), a.vector)
        k = function_kind(n.func)
        if k == "diag":
            a = self._eval(n.arg, params, now, prev)
            return _Value(a.t, False, diag=True)
        if k == "reduction":  # one number per example
            return _Value(torch.sum(self._eval(n.arg, params, now, prev).t, 0, keepdim=True), True)
        if k == "linear":
            x = self._eval(n.arg, params, now, prev)
            word = split(n.func)[0]
            weight, bias = self._implicit(n, params, "W_{" + word + ","), self._implicit(n, params, "b_{" + word + ",")
            y = weight @ x.t
            return _Value(y + bias if bias is not None else y, True)
        if k == "norm":
            items = n.arg.items if isinstance(n.arg, N.Tuple) else (n.arg,)
            z = self._eval(items[0], params, now, prev)
            y = torch.nn.functional.layer_norm(z.t.t(), (z.t.shape[0],)).t()
            word = split(n.func)[0]
            gains = [self._eval(x, params, now, prev).t for x in items[1:]] or \
                [self._implicit(n, params, "\\gamma_{" + word + ","), self._implicit(n, params, "\\beta_{" + word + ",")]
            y = y * gains[0]
            if len(gains) > 1 and gains[1] is not None:
                y = y + gains[1]
            return _Value(y, z.vector)
        if isinstance(n.arg, N.Tuple):
            items = [self._eval(x, params, now, prev) for x in n.arg.items]
            return _Value(torch.maximum(items[0].t, items[1].t), True)
        a = self._eval(n.arg, params, now, prev)
        if not isinstance(a, _Value):  # of a number
            return float(self._activation(n.func, torch.tensor(float(a))).item())
        return _Value(self._activation(n.func, a.t), a.vector)

    def _implicit(self, n: N.Apply, params, prefix: str):
        """The implicit parameter of this application (W_{Linear,k}): they are numbered in order of use."""
        names = [p.name for p in self.d.shapes.params if p.name.startswith(prefix)]
        apps = [x for eq in self.cell.equations for x in N.walk(eq.rhs)
                if isinstance(x, N.Apply) and split(x.func)[0] == split(n.func)[0]]
        apps = sorted(apps, key=lambda x: x.span.start)
        i = next(k for k, x in enumerate(apps) if x is n)
        name = f"{prefix}{i + 1}}}"
        return params.get(name) if name in names else None

    def _activation(self, func: str, t):
        torch = self.torch
        word = split(func)[0]
        if word in ("identity", "id", "dropout", "Dropout", "drop", "zoneout"):
            return t
        op = ACTIVATIONS.get(word, "tanh")  # a letter the text applies like a function: tanh will do
        if op == "softmax":
            return torch.softmax(t, 0)
        return (getattr(torch, op, None) or getattr(torch.nn.functional, op))(t)  # (softplus is functional's only)


def memory_of_state(unrolled: Unrolled, B: int) -> int:
    """Entries of the recurrent state over the stack: what one step carries to the next."""
    total = 0
    for sizes in unrolled.layer_sizes:
        total += unrolled.directions * unrolled.batch_rows * B * sum(
            unrolled.size(s.dim, sizes) for s in unrolled.signals.values() if s.recurrent)
    return total

