"""symcount's documented limits, in one place. Each is checked by the stage that owns the data, early,
with a message that names the limit (exit status 2); below them every cost grows linearly. The README's
"Limits" section lists them with their messages. Cheap to import: the command line reads them."""
from __future__ import annotations

MAX_INPUT = 1 << 20          # bytes of a file or standard input (characters of a str given to the API)
MAX_EQUATIONS = 5_000        # equations of one cell (the most of a built-in cell or a corpus snippet: 25)
MAX_ROW_TOKENS = 20_000      # tokens of one row of math (read.extent): h_t = W_1 x_t + ... of 6,000 terms is 18,001
MAX_MATH_TOKENS = 50_000     # tokens of all the math of one text (5,000 equations a_{k,t} = \tanh(W_k a_{k-1,t}): 40,000)
MAX_DIMENSIONS = 10_000      # distinct dimension names (d_h, d_x, declared sizes)
MAX_PARAMETERS = 100_000     # parameter tensors
MAX_SIZE_DIGITS = 1_000      # digits of one size: a number in the input, --set NAME=INT, evaluate(NAME=...)
MAX_DIGITS = 4_000           # digits of a number printed: a count, a coefficient (Python prints at most 4,300)
MAX_TERMS = 100_000          # terms of one polynomial (a count, a stacked layer)
MAX_LAYERS = 10**9           # --layers N
MAX_MACRO_STEPS = 10_000     # macro expansions of one text (\newcommand, \def, ... that the text defines)
MAX_MACRO_OUTPUT = 1 << 20   # characters the expansions of one text may make
MAX_FUNCTION_ROUNDS = 64     # rounds of writing out the functions a text defines (read.inline): one nesting level each
MAX_READINGS = 64           # combinations of the readings a text leaves open, each solved and compared
MAX_SWEEP = 100_000          # rows of a --set sweep table
MAX_TABLE = 100_000          # counts of a compare or match table: rows times cells (CLI, API, docs)
MAX_PAGE_TABLE = 5_000       # counts of a table a Sphinx directive puts on a page
MAX_OUTPUT = 1 << 25         # characters a template may write (32 MiB)
MAX_TEMPLATE_SIZE = 1 << 22   # the longest string or list (characters, items), and the most bits, a template may make


def digits(n: int) -> int:
    """The number of decimal digits of n (sign not counted): exact where Python can print n, else an
    estimate from its bits (never printing a huge n)."""
    estimate = (abs(n).bit_length() * 30103) // 100000 + 1
    return len(str(abs(n))) if estimate < 4_200 else estimate


def too_many_digits(n: int, limit: int = MAX_DIGITS) -> bool:
    if (abs(n).bit_length() * 30103) // 100000 + 1 <= limit:  # (an estimate never below the digits)
        return False
    return digits(n) > limit
