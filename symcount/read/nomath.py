"""A text whose cell is not written as equations: a PyTorch module's code (read.torchcode), a framework's layer
calls (read.layercalls), a list of the parameters with their shapes (read.listing). Each reader is imported only
for a text that may hold what it reads; `sizes` is read.parse's reading of a declaration's sizes."""
from __future__ import annotations

from ..errors import ParseError
from . import nodes as N
from . import patterns as re  # re, with the package's patterns compiled ahead (read.patterns)

LAYER_CALL = re.compile(r"(?:RNN|LSTM|GRU)\w*\(")  # a recurrent layer's call, maybe (read.layercalls reads it)


def code(text: str, src, sizes, exc: ParseError | None = None) -> N.Cell | None:
    """The cell of a PyTorch module's code: with no math, what its __init__ declares; where its comments' equations
    could not be read (`exc`), the same with a note."""
    if "__init__" not in text:
        return None
    from .torchcode import code_instead, module_cell
    return module_cell(text, src, sizes) if exc is None else code_instead(text, src, sizes, exc)


def instead_of_error(text: str, src, sizes, exc: ParseError, nothing: bool = False) -> N.Cell | None:
    """Where the text's equations could not be read: a module's code, else plain lines of code around a layer's call in
    a text with no math (`x = np.linspace(0, 50, 501)` read as a legend); None where neither is. Where the math holds
    no equation at all (`nothing`), the module's code is the cell, its prose's math only naming things."""
    cell = code(text, src, sizes, exc)
    if cell is None and nothing and "__init__" in text:
        from .torchcode import code_for_nothing
        cell = code_for_nothing(text, src, sizes, exc)
    if cell is None and LAYER_CALL.search(text):
        from .layercalls import instead_of_error as calls
        cell = calls(text, src, sizes, exc)
    return cell


_ABSTRACT_LAYER = re.compile(r"(?:\\(?:text|mathrm|operatorname)\{)?(LSTM|GRU|RNN)\}?(?:\^\{?\\(?:rightarrow|leftarrow|to|gets)\}?)?")


def instead_of_layer(cell: N.Cell, text: str, src, sizes) -> N.Cell:
    """Equations that leave the recurrent layer abstract, `h_t = \\text{LSTM}(e(x_t), h_{t-1}, c_{t-1})`, beside a module's
    code that declares that layer (`nn.LSTM(...)`): the code says what the math does not, and its count is the cell's."""
    layers = {m.group(1) for eq in cell.equations for x in N.walk(eq.rhs) if isinstance(x, N.Apply)
              for m in [_ABSTRACT_LAYER.fullmatch(x.func)] if m}
    if not layers or "__init__" not in text or not any(re.search(rf"(?<![\w.])nn\.{k}\s*\(", text) for k in layers):
        return cell
    from .torchcode import counted_instead, module_cell
    try:
        code = module_cell(text, src, sizes, beside=True, math=True)
    except ParseError:
        return cell  # (what the math leaves abstract is reported)
    if code is None:
        return cell
    return counted_instead(code, f"the equations leave the {'/'.join(sorted(layers))} layer abstract and the module's "
                                 "code declares it")


def instead_of_weightless(cell: N.Cell, text: str, src, sizes) -> N.Cell:
    """Equations that write no weight, every symbol a signal at a step (AUGRU's `\\tilde{u}_t' = a_t \\cdot u_t` and its
    state's update), beside a module's code that declares the cell: the math says how the code's cell is changed, the
    code what it holds, and its count is the cell's."""
    if not cell.equations or cell.listed or "__init__" not in text:
        return cell
    syms = [x for eq in cell.equations for side in (eq.lhs, eq.rhs, *eq.also) for x in N.walk(side) if isinstance(x, N.Symbol)]
    if not syms or any(x.lag is None for x in syms):
        return cell
    from .torchcode import counted_instead, module_cell
    try:
        code = module_cell(text, src, sizes, beside=True, math=True)
    except ParseError:
        return cell  # (the math's own refusal is reported)
    if code is None:
        return cell
    return counted_instead(code, "the equations write no weight (each symbol a signal at a step) and the module's code "
                                 "declares the cell")


def instead_of_counts(cell: N.Cell, text: str, src, sizes) -> N.Cell:
    """Equations that are each a count's formula (`num_params = ...`) beside a layer's call: the call's layer."""
    if not cell.equations or cell.listed or not LAYER_CALL.search(text):
        return cell
    from .layercalls import instead_of_counts as calls
    return calls(cell, text, src, sizes)


def listed(text: str, src, sizes, error: ParseError) -> N.Cell:
    """No equation: the layers a framework's calls make, else the parameters the text lists with their shapes, else
    `error` (no equation found)."""
    if LAYER_CALL.search(text):
        from .layercalls import calls_cell
        cell = calls_cell(text, src, sizes)
        if cell is not None:
            return cell
    from .listing import listing
    found, notes = listing(text, src, sizes)
    if not found:
        raise error.with_traceback(None) from None
    return N.Cell(src, (), (), (), notes, "", (), (), found)
