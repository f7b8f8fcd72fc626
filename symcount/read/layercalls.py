"""A recurrent layer as a framework's call makes it, where the text writes no equation of the cell: the
question-and-answer page's `model.add(SimpleRNN(10, input_shape=(3, 1)))`, `LSTM(units=256, input_dim=4096)`,
`tf.keras.layers.Bidirectional(tf.keras.layers.GRU(32))` after `Embedding(input_dim=4500, output_dim=16)`,
`nn.LSTM(10, 20, num_layers=2)`. The parameters are those the framework makes, named as it names them (Keras's
kernel, recurrent_kernel and bias; torch's weight_ih_l0, ...), with its defaults: Keras's use_bias=True and
GRU's reset_after=True (two biases per gate), torch's bias=True.

A size is a number or a name as the call writes it (`LSTM(units, input_shape=(timesteps, features))`: units and
features), never a value the text assigns elsewhere (a text often tries several). A Keras layer's input size is
its `input_shape`'s last entry, its `input_dim`, or the output of the layer written just before it in the same
model (an Embedding's output_dim, a Dense's units, a recurrent layer's units, twice them after a Bidirectional
that concatenates, an Input's shape); else refused. The layers around the recurrent ones (an Embedding, a Dense
head) are not counted, and a note says so. Two recurrent layers are counted together only where one feeds the
other in one model; calls in different places (a question's model and an answer's) are refused, unless they
are the same call written again."""
from __future__ import annotations

from ..errors import ParseError
from . import nodes as N
from . import patterns as re  # re, with the package's patterns compiled ahead (read.patterns)
from .listing import Listed, size_latex
from .pyblocks import closing, split
from .source import Span

KERAS_GATES = {"SimpleRNN": 1, "LSTM": 4, "GRU": 3, "CuDNNLSTM": 4, "CuDNNGRU": 3}
TORCH_GATES = {"RNN": 1, "LSTM": 4, "GRU": 3}
# a layer call: an optional module path (tf.keras.layers., keras.layers., layers., kl., nn., torch.nn.), the class
_CALL = re.compile(r"(?<![\w.])((?:[A-Za-z_]\w*\.)*)(SimpleRNN|LSTM|GRU|CuDNNLSTM|CuDNNGRU|RNN|LSTMCell|GRUCell|RNNCell|"
                   r"Bidirectional|Embedding|Dense|Input|InputLayer|TimeDistributed)\(")
# what may stand between two layers of one model: commas, brackets, `model.add(`, a Dropout or a normalisation
_BETWEEN = re.compile(r"(?:[\s,()\[\]]|(?:[A-Za-z_]\w*\.)*add\(|(?:[A-Za-z_]\w*\.)*(?:Dropout|SpatialDropout1D|"
                      r"BatchNormalization|LayerNormalization|Activation|Masking)\((?:[^()]|\([^()]*\))*\))*")
_SIZE = re.compile(r"\s*(?:\d+|[A-Za-z_]\w*)(?:\s*[*+]\s*(?:\d+|[A-Za-z_]\w*))*\s*")
# a count's name (`num_params = ...`, `params = 4 * (...)`): an equation of the count, not of the cell
_COUNT_NAME = re.compile(r"(?i)^(?:\\text\{)?(?:num|n|total|free|trainable|no)?[_{ ]*(?:params?|parameters|weights)\}*$")
_MATH_MARK = re.compile(r"\$|\\\[|\\\(|\\begin\{|\.\.\s*math\s*::|:math:|\\f[\[$]|<math")
_TRUE, _FALSE = frozenset(("True", "true")), frozenset(("False", "false"))


def calls_cell(text: str, src, read, aside: str = "") -> N.Cell | None:
    """The cell of the recurrent layers a framework's calls make, or None; `aside`: what was read as equations and set
    aside, said in a note."""
    found = layer_cell(text, src, read)
    if found is None:
        return None
    notes = (f"the lines read as equations are set aside ({aside}): not the cell's",) if aside else ()
    return N.Cell(src, (), (), (), notes + found[1], "", (), (), found[0])


def instead_of_error(text: str, src, read, exc: ParseError) -> N.Cell | None:
    """Plain lines that could not be read as equations (code around a layer's call, `x = np.linspace(0, 50, 501)`), in a
    text with no math: the layer the call makes, or None."""
    if _MATH_MARK.search(text):
        return None
    return calls_cell(text, src, read, f"{src.where(exc.span) if exc.span else src.name}: {exc.message}")


def instead_of_counts(cell: N.Cell, text: str, src, read) -> N.Cell:
    """Equations that are each a count's formula (`num_params = [(num_units + input_dim + 1) * num_units] * 4`), in a
    text that makes a layer by a call: the layer the call makes (else the cell as read)."""
    if not all(isinstance(eq.lhs, N.Symbol) and _COUNT_NAME.match(eq.lhs.text) for eq in cell.equations) or \
            any(isinstance(x, N.Symbol) and x.lag for eq in cell.equations for x in N.walk(eq.rhs)):
        return cell
    made = calls_cell(text, src, read, ", ".join(src.where(eq.span) for eq in cell.equations[:3]))
    return cell if made is None else made


class _Refused(Exception):
    def __init__(self, why: str, at: int, hint: str) -> None:
        super().__init__(why)
        self.why, self.at, self.hint = why, at, hint


class Call:
    """One layer call: its class, where it is (start, end), its arguments, the framework's, and a wrapped layer."""

    def __init__(self, text: str, m) -> None:
        self.cls, self.prefix, self.start = m.group(2), m.group(1), m.start()
        self.end = closing(text, m.end() - 1)
        self.args = split(text[m.end():self.end])
        self.torch = self.prefix.rstrip(".").split(".")[-1:] == ["nn"] or self.cls.endswith("Cell")
        self.inner: Call | None = None

    def kw(self, key: str, position: int | None = None) -> str | None:
        for k, a in enumerate(self.args):
            name, eq, value = a.partition("=")
            if eq and name.strip() == key:
                return value.strip()
            if not eq and k == position:
                return a.strip()
        return None

    def flag(self, key: str, default: bool, position: int | None = None) -> bool:
        value = self.kw(key, position)
        if value is None:
            return default
        if value in _TRUE or value in _FALSE:
            return value in _TRUE
        raise _Refused(f"{key}={value}: whether the layer has it is not said", self.start, f"write {key}=True or {key}=False")


def _calls(text: str) -> list[Call]:
    out: list[Call] = []
    for m in _CALL.finditer(text):
        if out and m.start() < out[-1].end:
            if out[-1].cls in ("Bidirectional", "TimeDistributed") and out[-1].inner is None:
                out[-1].inner = Call(text, m)  # the layer it wraps
            continue
        out.append(Call(text, m))
    return out


def recurrent(c: Call) -> Call | None:
    """The recurrent layer a call makes (itself, or the one a Bidirectional wraps), or None."""
    layer = c.inner if c.cls == "Bidirectional" else c
    if layer is None:
        return None
    gates = TORCH_GATES if layer.torch else KERAS_GATES
    return layer if layer.cls.removesuffix("Cell") in gates and (layer.torch or not layer.cls.endswith("Cell")) else None


def layer_cell(text: str, src, read) -> tuple[tuple[Listed, ...], tuple[str, ...]] | None:
    """The parameters of the recurrent layers the text's calls make, with notes; None where it makes none (`read`: a
    declaration's sizes, as read.parse reads them). Raises ParseError where a call does not say a size, or the calls are of different models."""
    if not any(name in text for name in ("RNN", "LSTM", "GRU")):
        return None
    calls = _calls(text)
    layers = [c for c in calls if recurrent(c) is not None]
    if not layers:
        return None
    try:
        chain = _chain(text, calls, layers)
        listed: list[Listed] = []
        out_size = None
        for c in chain:
            listed += _torch(c, read) if recurrent(c).torch else _keras(text, calls, c, out_size, read)
            out_size = _output(c)
    except _Refused as exc:
        raise ParseError(exc.why, source=src, span=Span(exc.at, exc.at), hint=exc.hint) from None
    first = chain[0]
    others = sorted({c.cls for c in calls if recurrent(c) is None and c.cls != "Input" and c.cls != "InputLayer"})
    notes = [f"no math: the recurrent layer{'s' if len(chain) > 1 else ''} the text's "
             f"{'calls make' if len(chain) > 1 else 'call makes'} ({', '.join(_said(text, c) for c in chain)}), "
             f"counted as {'torch' if recurrent(first).torch else 'Keras'} counts {'them' if len(chain) > 1 else 'it'}"]
    if others:
        notes.append(f"the other layers the text makes ({', '.join(others)}) are not counted: not the recurrent cell")
    gru = next((recurrent(c) for c in chain if recurrent(c).cls in ("GRU", "CuDNNGRU") and not recurrent(c).torch), None)
    if gru is not None and gru.kw("reset_after") is None and gru.cls == "GRU":
        notes.append(f"{_said(text, gru)}: reset_after is not given, counted at Keras's default, reset_after=True "
                     "(a bias for the input and one for the state per gate; TensorFlow 1's default was False)")
    return tuple(listed), tuple(notes)


def _said(text: str, c: Call) -> str:
    said = " ".join(text[c.start:c.end + 1].split())
    return said if len(said) <= 60 else said[:57] + "...)"


def _chain(text: str, calls: list[Call], layers: list[Call]) -> list[Call]:
    """The recurrent layers to count: one call (or the same call written again), or layers of one model each fed by
    the one before."""
    distinct: list[Call] = []
    for c in layers:
        if not any(_said(text, c) == _said(text, d) for d in distinct):
            distinct.append(c)
    if len(distinct) == 1:
        return distinct
    for a, b in zip(distinct, distinct[1:]):
        if _before(text, calls, b) is not a:
            raise _Refused(f"the text makes {len(distinct)} recurrent layers in different places ({_said(text, distinct[0])}, "
                           f"{_said(text, distinct[1])}, ...): which one is the cell is not said", b.start,
                           "give symcount the one layer's call (or its equations)")
    return distinct


def _before(text: str, calls: list[Call], c: Call) -> Call | None:
    """The layer written just before c in the same model (nothing but commas, brackets, `model.add(` and layers
    without parameters between them), or None."""
    k = calls.index(c)
    if k == 0:
        return None
    prev = calls[k - 1]
    return prev if _BETWEEN.fullmatch(text, prev.end + 1, c.start) else None


def _size(c: Call, value: str | None, what: str) -> str:
    if value is None or not _SIZE.fullmatch(value):
        raise _Refused(f"{c.cls}(...): its {what} is not read ({value or 'not given'}; a size is a number or a name)",
                       c.start, f"give the layer's {what} as a number")
    return " ".join(value.split())


def _output(c: Call) -> str | None:
    """The size of what a layer gives the next (None where it gives none the next layer can read)."""
    layer = recurrent(c) or c
    if layer.cls in KERAS_GATES and not layer.torch:
        units = _size(layer, layer.kw("units", 0), "units")
        concat = c.cls == "Bidirectional" and (c.kw("merge_mode") or "'concat'").strip("'\"") == "concat"
        return f"2*{units}" if concat else units
    if c.cls == "Embedding" and not c.torch:
        return c.kw("output_dim", 1)
    if c.cls == "Dense":
        return c.kw("units", 0)
    if c.cls == "TimeDistributed" and c.inner is not None and c.inner.cls == "Dense":
        return c.inner.kw("units", 0)
    if c.cls in ("Input", "InputLayer"):
        shape = c.kw("shape", 0) or c.kw("input_shape")
        return _last(shape)
    return None


def _last(shape: str | None) -> str | None:
    if shape is None or not (shape.startswith(("(", "[")) and shape.endswith((")", "]"))):
        return None
    parts = [p for p in split(shape[1:-1]) if p.strip()]
    return parts[-1].strip() if parts else None


def _keras(text: str, calls: list[Call], c: Call, fed: str | None, read) -> list[Listed]:
    layer = recurrent(c)
    units = _size(layer, layer.kw("units", 0), "units")
    given = layer.kw("input_dim") or _last(layer.kw("input_shape") or c.kw("input_shape")) \
        or _last(layer.kw("batch_input_shape") or layer.kw("batch_shape"))
    if given is None:
        before = _before(text, calls, c)
        given = fed if before is not None and fed is not None else (_output(before) if before is not None else None)
    inp = _size(layer, given, "input size (input_shape's last entry, input_dim, or the layer before it in the model)")
    gates = KERAS_GATES[layer.cls]
    wide = f"{gates}*{units}" if gates > 1 else units
    bias = layer.flag("use_bias", True)
    two_biases = layer.cls == "GRU" and layer.flag("reset_after", True)
    out: list[Listed] = []
    for side in ("forward_", "backward_") if c.cls == "Bidirectional" else ("",):
        out += [_listed(f"{side}{layer.cls.lower()}.kernel", (inp, wide), c, read), _listed(f"{side}{layer.cls.lower()}.recurrent_kernel", (units, wide), c, read)]
        if bias:
            out.append(_listed(f"{side}{layer.cls.lower()}.bias", ("2", wide) if two_biases else (wide,), c, read, bias=True))
    return out


def _torch(c: Call, read) -> list[Listed]:
    layer = recurrent(c)
    cell = layer.cls.endswith("Cell")
    gates = TORCH_GATES[layer.cls.removesuffix("Cell")]
    inp, hid = _size(layer, layer.kw("input_size", 0), "input_size"), _size(layer, layer.kw("hidden_size", 1), "hidden_size")
    layers = "1" if cell else _size(layer, layer.kw("num_layers", 2) or "1", "num_layers")
    if not layers.isdigit() or int(layers) > 64:
        raise _Refused(f"{layer.cls}(...): num_layers={layers} is not a number", layer.start, "write num_layers as a number")
    two = not cell and layer.flag("bidirectional", False, 6)
    if not cell and layer.kw("proj_size") not in (None, "0"):
        raise _Refused(f"{layer.cls}(...): proj_size is not read", layer.start, "leave proj_size out")
    bias = layer.flag("bias", True, 2 if cell else 3)
    wide = f"{gates}*({hid})" if gates > 1 else hid
    out: list[Listed] = []
    for k in range(int(layers)):
        below = inp if k == 0 else (f"2*({hid})" if two else hid)
        for suffix in ("", "_reverse") if two else ("",):
            tag = "" if cell else f"_l{k}"
            out += [_listed(f"weight_ih{tag}{suffix}", (wide, below), c, read), _listed(f"weight_hh{tag}{suffix}", (wide, hid), c, read)]
            if bias:
                out += [_listed(f"bias_ih{tag}{suffix}", (wide,), c, read, bias=True), _listed(f"bias_hh{tag}{suffix}", (wide,), c, read, bias=True)]
    return out


def _number(size: str) -> str:
    """A size of numbers only as one number (`3*32`: 96; the calls' own products, summed and multiplied exactly)."""
    terms = [[f.strip() for f in t.split("*")] for t in size.replace("(", "").replace(")", "").split("+")]
    if not all(f.isdigit() for t in terms for f in t):
        return size
    total = 0
    for t in terms:
        product = 1
        for f in t:
            product *= int(f)
        total += product
    return str(total)


def _listed(name: str, sizes: tuple, c: Call, read, bias: bool = False) -> Listed:
    sizes = tuple(_number(s) for s in sizes)
    dims = read(r"W \in \mathbb{R}^{" + r" \times ".join(size_latex(s) for s in sizes) + "}")
    if dims is None:
        raise _Refused(f"cannot read the shape of {name} ({', '.join(sizes)})", c.start, "write each size as a number or a name")
    return Listed(name, dims, Span(c.start, c.end + 1), bias, False, "made by the layer's call")
