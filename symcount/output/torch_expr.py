"""One equation's right side as a Python expression over torch tensors, for the generated module
(symcount.output.torch_code).

Signals are rows of a batch, (batch, size); a weight W (m x n) is a tensor (m, n), a vector of
parameters (a bias, a diagonal, a gain) a tensor (m,), a scalar a tensor (). So W x is
`x @ W.T`, x^T W is `x @ W`, a bias adds by broadcasting, \\operatorname{diag}(u) x and a diagonal
weight multiply entry by entry. Every operation of the equations is one torch operation.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..errors import ShapeError, replace
from ..read import nodes as N
from ..read.glossary import activation_letters
from ..read.stepsums import over_steps
from ..read.words import kind as function_kind, split

ACTIVATIONS = {"sigma": "torch.sigmoid", "sigmoid": "torch.sigmoid", "logistic": "torch.sigmoid",
               "Sigmoid": "torch.sigmoid", "tanh": "torch.tanh", "Tanh": "torch.tanh", "relu": "torch.relu",
               "ReLU": "torch.relu", "Relu": "torch.relu", "exp": "torch.exp", "log": "torch.log", "ln": "torch.log",
               "gelu": "torch.nn.functional.gelu", "GELU": "torch.nn.functional.gelu",
               "silu": "torch.nn.functional.silu", "SiLU": "torch.nn.functional.silu",
               "swish": "torch.nn.functional.silu", "Swish": "torch.nn.functional.silu",
               "elu": "torch.nn.functional.elu", "ELU": "torch.nn.functional.elu",
               "softplus": "torch.nn.functional.softplus", "Softplus": "torch.nn.functional.softplus",
               "abs": "torch.abs", "sqrt": "torch.sqrt", "sin": "torch.sin", "cos": "torch.cos",
               "sinh": "torch.sinh", "cosh": "torch.cosh", "erf": "torch.erf", "sgn": "torch.sign",
               "sign": "torch.sign", "softsign": "torch.nn.functional.softsign",
               "hardtanh": "torch.nn.functional.hardtanh", "LeakyReLU": "torch.nn.functional.leaky_relu",
               "leakyrelu": "torch.nn.functional.leaky_relu", "GeLU": "torch.nn.functional.gelu",
               "GeLu": "torch.nn.functional.gelu", "Gelu": "torch.nn.functional.gelu", "recip": "torch.reciprocal",
               "sigm": "torch.sigmoid", "sig": "torch.sigmoid", "sigmoide": "torch.sigmoid",
               "σ": "torch.sigmoid"}  # σ: plain text's sigma; sig: its abbreviation
# an activation the text leaves open (g(x), \phi, "act"): written as tanh, which the module's docstring says
OPEN_ACTIVATIONS = frozenset("phi varphi psi rho act activation activation_function activation_fn".split())
IDENTITY = frozenset("identity id dropout Dropout drop zoneout".split())
SUM, PRODUCT, ATOM = 0, 1, 2  # precedence of the code written


# functions the module does not write: each would be written as another one (a wrong module, not a refusal)
_NOT_WRITTEN = {"conv": "convolution over time", "blockdiag": "block-diagonal map",
                "headpart": "head's part of a signal", "unknown": "function the text does not define"}
_NORMS_NOT_WRITTEN = frozenset("GroupNorm groupnorm GN BN BatchNorm batchnorm".split())

@dataclass(frozen=True)
class Code:
    """Python code and what it computes: "signal" (batch, n), "matrix" (m, n), "vector" (m,), "diag"
    (a vector set on a diagonal), "number" (a float or a 0-d tensor); "none" for a bias left out."""

    text: str
    kind: str
    prec: int = ATOM


NONE = Code("", "none")


class Expr:
    """Writes the expressions of one cell: `refer(symbol)` says what a symbol is (its Code)."""

    def __init__(self, src, refer, implicit) -> None:
        self.src, self.refer, self.implicit = src, refer, implicit
        self.guessed: list[str] = []  # functions the text leaves open (g, \phi), written as tanh
        self._activations: frozenset | None = None  # (the letters the text calls activations: read when first asked)

    def fail(self, node, what: str) -> ShapeError:
        return ShapeError(f"the torch module cannot compute {what}", source=self.src, span=node.span,
                          hint="write the equation with products, sums and known functions")

    def code(self, n) -> Code:
        if isinstance(n, N.Apply) and over_steps(n.func):  # (before its terms: their counters t, i are no numbers)
            raise self.fail(n, f"{n.func}, a sum over the steps so far (the module keeps the last state only)")
        if isinstance(n, N.Number):
            try:
                return Code(repr(float(n.value)), "number")
            except ValueError:
                raise self.fail(n, f"the number {n.value}") from None
        if isinstance(n, N.Symbol):
            return self.refer(n)
        if isinstance(n, N.Neg):
            a = self.code(n.arg)
            return Code(f"-{self.wrap(a, ATOM)}", a.kind, PRODUCT)
        if isinstance(n, N.Power):  # an exponent that is not a whole number: numbers and constants
            a = self.code(n.arg)
            e = str(n.exponent) if isinstance(n.exponent, int) else f"({self.code(n.exponent).text})"
            return Code(f"{self.wrap(a, ATOM)} ** {e}", a.kind, PRODUCT)
        if isinstance(n, N.Transpose):
            a = self.code(n.arg)
            if a.kind != "matrix":
                return a  # a vector's transpose: the same entries (x^T W reads as a row)
            return Code(a.text[:-2] if a.text.endswith(".T") else f"{self.wrap(a, ATOM)}.T", "matrix")
        if isinstance(n, N.Concat):
            return self.concat(n)
        if isinstance(n, N.Apply):
            return self.apply(n)
        if isinstance(n, N.Tuple):
            raise self.fail(n, "a tuple outside a function")
        return self.binary(n)

    @staticmethod
    def wrap(c: Code, prec: int) -> str:
        return c.text if c.prec >= prec else f"({c.text})"

    def binary(self, n: N.Binary) -> Code:
        if n.op not in ("add", "sub", "divide") and isinstance(n.left, N.Apply) and n.left.each:
            # (\sigma; \sigma; \sigma; \tanh) W z: the column of functions applies to the whole product
            inner = self.binary(replace(n, left=n.left.arg))
            fns = ", ".join(self.function(f) for f in n.left.each)
            return Code(f"blockwise({inner.text}, ({fns},))", inner.kind)
        a, b = self.code(n.left), self.code(n.right)
        if a.kind == "none" or b.kind == "none":  # a bias left out (--no-bias)
            return b if a.kind == "none" else a
        kinds = {a.kind, b.kind}
        out = "signal" if "signal" in kinds else next((k for k in ("matrix", "vector", "diag") if k in kinds), "number")
        if n.op in ("add", "sub"):
            op = " + " if n.op == "add" else " - "
            return Code(self.wrap(a, SUM) + op + self.wrap(b, PRODUCT), out, SUM)
        if n.op == "divide":
            return Code(f"{self.wrap(a, PRODUCT)} / {self.wrap(b, ATOM)}", out, PRODUCT)
        return self.product(n, a, b, out)

    def product(self, n, a: Code, b: Code, out: str) -> Code:
        vectors = ("signal", "vector")
        if isinstance(n.left, N.Transpose) and a.kind == "vector" and b.kind == "signal" and n.op != "hadamard":
            w = a.text[:-2] if a.text.endswith(".T") else a.text  # w^T x_t: an inner product, one number per row
            return Code(f"{self.wrap(b, ATOM)} @ {w}.reshape(-1, 1)", "signal", PRODUCT)
        elementwise = (n.op == "hadamard" or "number" in (a.kind, b.kind) or a.kind == "diag" or b.kind == "diag"
                       or (a.kind in vectors and b.kind in vectors))
        if elementwise:
            return Code(f"{self.wrap(a, PRODUCT)} * {self.wrap(b, ATOM)}", "signal" if out == "signal" else
                        ("vector" if "vector" in (a.kind, b.kind) else out), PRODUCT)
        if a.kind == "matrix" and b.kind == "signal":  # W x: x @ W^T, rows of the batch
            wt = a.text[:-2] if a.text.endswith(".T") and a.prec == ATOM else f"{self.wrap(a, ATOM)}.T"
            return Code(f"{self.wrap(b, ATOM)} @ {wt}", "signal", PRODUCT)
        kind = "signal" if a.kind == "signal" else ("matrix" if b.kind == "matrix" and a.kind == "matrix" else "vector")
        return Code(f"{self.wrap(a, PRODUCT)} @ {self.wrap(b, ATOM)}", kind, PRODUCT)

    def concat(self, n: N.Concat) -> Code:
        items = [self.code(x) for x in n.items]
        if any(c.kind in ("number", "none", "diag") for c in items):
            raise self.fail(n, "a stacked vector of numbers")
        if any(c.kind == "signal" for c in items):
            parts = [c.text if c.kind == "signal" else f"{self.wrap(c, ATOM)}.expand(batch, -1)" for c in items]
            return Code(f"torch.cat([{', '.join(parts)}], dim=-1)", "signal")
        kind = "vector" if all(c.kind == "vector" for c in items) else "matrix"
        return Code(f"torch.cat([{', '.join(c.text for c in items)}], dim=0)", kind)

    def apply(self, n: N.Apply) -> Code:
        if n.each:
            a = self.code(n.arg)
            fns = ", ".join(self._written(f, n) for f in n.each)
            return Code(f"blockwise({a.text}, ({fns},))", a.kind)
        k = function_kind(n.func)
        if k == "unknown" and len(n.func) == 1 and n.func in self._said():
            k = "letter"  # ("F is our good old non-linear activation function": an activation the text leaves open)
        if k in _NOT_WRITTEN or split(n.func)[0] in _NORMS_NOT_WRITTEN:
            raise self.fail(n, f"{split(n.func)[0]}(...) (a {_NOT_WRITTEN.get(k, 'normalisation over groups or a batch')}); "
                               "written as another function it would compute something else")
        if k == "diag":
            return Code(self.code(n.arg).text, "diag", self.code(n.arg).prec)
        if k == "reduction":
            a = self.code(n.arg)
            dim = -1 if a.kind == "signal" else 0
            return Code(f"torch.sum({a.text}, dim={dim}, keepdim=True)", a.kind)
        if k == "linear":
            a = self.code(n.arg)
            weight, bias = self.implicit(n, "W"), self.implicit(n, "b")
            y = f"{self.wrap(a, PRODUCT)} @ self.{weight}.T"
            return Code(y + (f" + self.{bias}" if bias else ""), a.kind, SUM)
        if k == "norm":
            return self.norm(n)
        if isinstance(n.arg, N.Tuple):
            items = [self.code(x) for x in n.arg.items]
            if split(n.func)[0] not in ("max", "min") or len(items) != 2:
                raise self.fail(n, f"{split(n.func)[0]} of several arguments")
            fn = "torch.maximum" if split(n.func)[0] == "max" else "torch.minimum"
            kind = "signal" if any(c.kind == "signal" for c in items) else items[0].kind
            return Code(f"{fn}({items[0].text}, {items[1].text})", kind)
        a = self.code(n.arg)
        word = split(n.func)[0]
        if word in IDENTITY:
            return a
        fn = self._written(n.func, n)
        if a.kind == "number":
            return Code(f"{fn}(torch.as_tensor({a.text}))", "number")
        if fn == "torch.softmax":
            return Code(f"torch.softmax({a.text}, dim=-1)", a.kind)
        return Code(f"{fn}({a.text})", a.kind)

    def _said(self) -> frozenset:
        """The letters the text calls activation functions (read.glossary)."""
        if self._activations is None:
            self._activations = activation_letters(self.src.text)
        return self._activations

    def _written(self, func: str, node) -> str:
        """function(func) for a function it knows; one the text leaves open (g, \\phi, "act") is
        written as tanh and noted; any other is refused (written as another, it would compute
        something else)."""
        word = _plain_case(split(func)[0])
        if word in ACTIVATIONS or word in IDENTITY or word in ("softmax", "Softmax"):
            return self.function(func)
        if word not in OPEN_ACTIVATIONS and function_kind(func) != "letter" and "activation" not in func and func not in self._said():
            # (recurrent_activation, Keras' name for the gates' function: an open activation too)
            raise self.fail(node, f"{word}(...): a function it does not know (written as another, it would "
                                  "compute something else)")
        if word not in self.guessed:
            self.guessed.append(word)
        return self.function(func)

    @staticmethod
    def function(func: str) -> str:
        """A function's torch name; a letter the text applies like a function (g, \\phi) is tanh."""
        word = _plain_case(split(func)[0])
        if word in IDENTITY:
            return "(lambda z: z)"
        if word in ("softmax", "Softmax"):
            return "torch.softmax"
        return ACTIVATIONS.get(word, "torch.tanh")

    def norm(self, n: N.Apply) -> Code:
        items = n.arg.items if isinstance(n.arg, N.Tuple) else (n.arg,)
        z = self.code(items[0])
        y = f"torch.nn.functional.layer_norm({z.text}, ({self.wrap(z, ATOM)}.shape[-1],))"
        if items[1:]:
            gains = [self.code(x) for x in items[1:]]
        else:
            gains = [Code(f"self.{g}", "vector") for g in (self.implicit(n, "gamma"), self.implicit(n, "beta")) if g]
        if gains:
            y = f"{y} * {self.wrap(gains[0], ATOM)}"
        if len(gains) > 1 and gains[1].kind != "none":
            y = f"{y} + {self.wrap(gains[1], PRODUCT)}"
        return Code(y, z.kind, SUM)


def _plain_case(word: str) -> str:
    """SIGMOID, TANH (code that writes its activations in capitals): the function's own name."""
    return word.lower() if len(word) > 3 and word.isupper() and word.lower() in ACTIVATIONS else word
