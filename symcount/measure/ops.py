"""The kinds of operation the unifying walk records, in one table: what the cost measure counts of
each (its FLOPs category and FLOPs per entry: a matrix product's entries are its multiply-accumulates,
two FLOPs each) and how the cost's prose says it (the noun of its count, and which sentence writes it).
A new cost rule is a row here. Also the element types the memory is counted in (DTYPES)."""
from __future__ import annotations

from ..errors import Record

SEQUENCE, BATCH = "T", "B"   # the cost's sequence length and batch, as dimension names
CATEGORIES = ("matrix", "bias", "elementwise", "activation", "normalization")
DTYPES = {"float32": 4, "float16": 2, "bfloat16": 2, "int8": 1, "float64": 8}   # bytes per entry


class Kind(Record):
    # category: one of CATEGORIES; flops_per_entry: per entry of the operation (per multiply-accumulate
    # for "matrix"); noun: what the prose counts ("12 additions"); sentence: which sentence of
    # output/costs.py writes it (product, adds, function, norm, diagonal, plain)
    __slots__ = ("category", "flops_per_entry", "noun", "sentence")


KINDS: dict[str, Kind] = {
    "product": Kind("matrix", 2, "multiply-accumulates", "product"),
    "bias": Kind("bias", 1, "additions", "adds"),
    "add": Kind("elementwise", 1, "additions", "adds"),
    "sub": Kind("elementwise", 1, "subtractions", "plain"),
    "hadamard": Kind("elementwise", 1, "elementwise products", "plain"),
    "divide": Kind("elementwise", 1, "divisions", "plain"),
    "scale": Kind("elementwise", 1, "multiplications by a scalar", "plain"),
    "neg": Kind("elementwise", 1, "negations", "plain"),
    "power": Kind("elementwise", 1, "powers", "plain"),
    "reduce": Kind("elementwise", 1, "additions", "plain"),
    "gain": Kind("elementwise", 1, "multiplications by its gain", "plain"),
    "diagonal": Kind("elementwise", 1, "multiplications", "diagonal"),
    "activation": Kind("activation", 1, "evaluations", "function"),
    "normalization": Kind("normalization", 1, "entries", "norm"),
}
# Recorded by the walk but not counted as operations: "value" (an equation's result, the memory
# kept), "convolution", "broadcast" and "mixed" (a signal's vector meeting a batch of rows: their cost
# is refused with a located message).
UNCOUNTED = frozenset({"value", "convolution", "broadcast", "mixed"})


def kind(name: str) -> Kind:
    """The row of an operation kind; an operation kind missing from the table is a bug."""
    return KINDS[name]


def check_dtype(dtype: str) -> str:
    """A dtype of DTYPES, else a UsageError that lists them."""
    if dtype not in DTYPES:
        from ..errors import UsageError
        raise UsageError(f"unknown dtype {dtype!r}; choose one of: {', '.join(DTYPES)}")
    return dtype
