"""The cost's names, cheap to import (a summary read back checks them; measure.cost, which computes
the cost, is imported only when a cost is computed)."""
from __future__ import annotations

# the categories of the FLOPs breakdown, in order
CATEGORIES = ("matrix", "bias", "elementwise", "activation", "normalization")
SEQUENCE, BATCH = "T", "B"   # the sequence length and the batch
DTYPES = {"float32": 4, "float16": 2, "bfloat16": 2, "int8": 1, "float64": 8}
