"""Weights the code makes with their shapes (read.prosesizes declares them): `W_f = np.random.randn(H, V + H) * 0.01`,
`self.b = np.zeros((hidden_size, 1))`, an initialiser's `glorot_init((n, m))`, Eigen's `MatrixXd::Random(h, x)`; a size the
code sets to a sum of others (`z_size = num_hidden + vocab_size`) as that sum."""
from __future__ import annotations

from . import nodes as N
from . import patterns as re  # re, with the package's patterns compiled ahead (read.patterns)
from .cellwalk import symbols
from .glossary import plain

# a weight made in code with its shape: `W_f = np.random.randn(H, V + H) * 0.01`, `self.b = np.zeros((hidden_size, 1))`
_MADE = re.compile(r"^[ \t]*(?:self\.)?(?P<name>[A-Za-z]\w{0,12})[ \t]*=[ \t]*(?:nn\.Parameter\(\s*)?(?:(?:np|numpy|torch|jnp)\."
                   r"(?:random\.)?(?:randn|random|rand|zeros|ones|normal|empty|Tensor|FloatTensor|standard_normal)|[a-z]+_init)[ \t]*\("
                   r"[ \t]*\(?(?P<args>(?:[A-Za-z0-9_ \t+,]|(?<![\w.])self\.)*)\)?[ \t]*[,)]", re.M)  # (or an initialiser's: glorot_init((n, m)))


# a size the code sets to a sum of others: `z_size = num_hidden + vocab_size`
_SIZE_SUM = re.compile(r"^[ \t]*([A-Za-z_]\w*)[ \t]*=[ \t]*([A-Za-z_]\w*(?:[ \t]*\+[ \t]*[A-Za-z_]\w*)+)[ \t]*(?:#[^\n]*)?$", re.M)


# Eigen's matrices and vectors, made with their rows and columns: `Wf(MatrixXd::Random(hidden_size, input_size))`
_EIGEN = re.compile(r"(?<![\w:])(?P<name>[A-Za-z]\w{0,12})[ \t]*(?:\(|=)[ \t]*(?:Eigen::)?(?:MatrixX[dfi]|VectorX[dfi])::"
                    r"(?:Random|Zero|Ones|Constant)[ \t]*\([ \t]*(?P<args>[A-Za-z0-9_ \t+,]*)\)")


def made_in_code(text: str, multiplied=frozenset):
    """(offset, name, (rows, cols or None), end) of each weight the code makes with its shape: one or two
    sizes, each a name, a number or a sum (a product, 4 * hidden_size, is a fused weight: not read); a
    matrix only where its orientation is told: square, a side that is a sum (a stacked input's), or one
    that only the code's own products use (`np.dot(X[t], self.W_xh)`: as made, what numpy multiplies; `multiplied()`
    names them). A size the code sets to a sum of others is that sum."""
    summed = {m.group(1): re.sub(r"\s+", "", m.group(2)) for m in _SIZE_SUM.finditer(text)} if "+" in text else {}
    asked: list = []  # [multiplied()]: the weights the code's products use, asked once and only where a shape needs it
    for m in _MADE.finditer(text):
        args = [a.strip().removeprefix("self.") for a in m.group("args").split(",") if a.strip()]
        if not 1 <= len(args) <= 2 or not all(re.fullmatch(r"[A-Za-z_]\w*|\d{1,6}|[A-Za-z_]\w*(?:\s*\+\s*[A-Za-z_]\w*)+", a)
                                              for a in args):
            continue
        rows, cols = (args[0], None) if len(args) == 1 or args[1] == "1" else (args[1], None) if args[0] == "1" \
            and m.group("name")[:1] in "bB" else (args[0], args[1])  # (a bias's (1, n), np.zeros((1, hidden_size)): its n;
        #                                                              C's (1, N) maps a state to one number: a matrix)
        if cols is not None and rows != cols and "+" not in rows + cols:
            asked = asked or [multiplied()]
            if m.group("name") not in asked[0]:
                continue  # randn(D, H): (out, in) or (in, out), as math beside the code multiplies: not told (a sum tells, a square need not)
        rows, cols = re.sub(r"\s+", "", rows), cols and re.sub(r"\s+", "", cols)
        yield m.start("name"), m.group("name"), (summed.get(rows, rows), cols and summed.get(cols, cols)), m.end()
    for m in _EIGEN.finditer(text) if "::" in text else ():  # (rows, columns) as Eigen's constructors take them
        args = [a.strip() for a in m.group("args").split(",") if a.strip()]
        if 1 <= len(args) <= 2 and all(re.fullmatch(r"[A-Za-z_]\w*|\d{1,6}", a) for a in args):
            yield m.start("name"), m.group("name"), (args[0], args[1] if len(args) == 2 and args[1] != "1" else None), m.end()


# a line of code that multiplies arrays: numpy's dot, `@`, torch's mm and matmul
_CODE_PRODUCT = re.compile(r"@|\b(?:dot|matmul|mm|mv)\s*\(")


def code_products(cell: N.Cell) -> frozenset:
    """The weights (as the code names them, W_xh for W_{xh}) whose every use in the equations is on a line of code
    that multiplies arrays (`np.dot(X[t], self.W_xh)`): the array as the code makes it is the operand as read."""
    text = cell.source.text
    if "dot" not in text and "@" not in text and "mm" not in text:
        return frozenset()
    coded, other = set(), set()
    for s, _, _ in symbols(cell):
        start, end = text.rfind("\n", 0, s.span.start) + 1, text.find("\n", s.span.start)
        (coded if _CODE_PRODUCT.search(text[start:end if end >= 0 else len(text)]) else other).add(plain(s.name))
    return frozenset(f for n in coded - other for f in (re.sub(r"[{}]", "", n), re.sub(r"[{}_]", "", n)))  # (w_{1x}: w1x)
