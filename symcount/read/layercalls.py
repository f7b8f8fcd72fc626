"""A recurrent layer as a framework's call makes it, where the text writes no equation of the cell: the
question-and-answer page's `model.add(SimpleRNN(10, input_shape=(3, 1)))`, `LSTM(units=256, input_dim=4096)`,
`tf.keras.Sequential([Embedding(4500, 16), Bidirectional(GRU(32))])`, `nn.LSTM(10, 20, num_layers=2)`. The
parameters are those the framework makes, named as it names them (Keras's kernel, recurrent_kernel and bias;
torch's weight_ih_l0, ...), with its defaults: Keras's use_bias=True and GRU's reset_after=True (two biases per
gate), torch's bias=True.

A size is a number or a name as the call writes it (`LSTM(units, input_shape=(timesteps, features))`: units and
features), never a value the text assigns elsewhere (a text often tries several). A Keras model is a
`Sequential([...])` list, the layers `model.add(...)` adds to one variable, or the functional API's simple chain from an
`Input` (`t2 = LSTM(1)(t1)`), in order: its first layer's input is
its `input_shape`'s last entry (or `input_dim`, an `Input`'s shape), a later layer's is what the layer before it
gives (an Embedding's output_dim, a Dense's units, a recurrent layer's units, twice them after a Bidirectional
that concatenates); a layer symcount does not know (a Conv1D) gives nothing it can read, and a recurrent layer
after it is refused. The layers around the recurrent ones are not counted, and a note says so. Calls in
comments are left out; a call in prose that repeats one of a model's is a mention of it. Two models, or two
torch layers, are refused unless they are the same written again; what the reading does not follow (read.layerchecks)
is refused before it counts."""
from __future__ import annotations

from ..errors import ParseError, replace
from . import nodes as N
from . import patterns as re  # re, with the package's patterns compiled ahead (read.patterns)
from .layerchecks import Refused as _Refused, check_call, check_text, number_of, numbers_written, total_of, whole_size
from .kerasmodels import KERAS_GATES, TORCH_GATES, Call, calls_in, given as _given, last as _last, models as _models, recurrent
from .listing import AROUND, Listed, size_latex
from .pyblocks import split
from .source import Span

UNGIVEN = "input_dim"  # the size of a layer signature's input, which it does not write (_signature)
_KERAS_BIASES = {"CuDNNLSTM": 2, "CuDNNGRU": 2}  # cuDNN's layers: an input and a recurrent bias per gate
_KERAS_USE_BIAS_AT = {"SimpleRNN": 2, "LSTM": 3, "GRU": 3}  # use_bias's place among the positional arguments
# torch's positional arguments, as its signatures order them
_TORCH_ORDER = {"LSTM": ("input_size", "hidden_size", "num_layers", "bias", "batch_first", "dropout", "bidirectional", "proj_size"),
                "RNN": ("input_size", "hidden_size", "num_layers", "nonlinearity", "bias", "batch_first", "dropout", "bidirectional"),
                "Cell": ("input_size", "hidden_size", "bias", "nonlinearity")}
# layers that give the next what they are given (their size unchanged) and hold nothing symcount counts here
_MOVED_ON = frozenset("Dropout SpatialDropout1D GaussianNoise GaussianDropout AlphaDropout Activation Masking "
                      "RepeatVector ActivityRegularization".split())
# a sequence pooled over its steps: the features unchanged, no sequence after it, nothing to count
POOLED = frozenset("GlobalMaxPool1D GlobalMaxPooling1D GlobalAveragePooling1D GlobalAvgPool1D GlobalAveragePool1D".split())
PARAMETER_FREE = _MOVED_ON | POOLED
PASS_THROUGH = PARAMETER_FREE | {"BatchNormalization", "LayerNormalization"}  # (these two have parameters: not the cell's)
_RECURRENT = re.compile(r"(?<![\w.])(?:[A-Za-z_]\w*\.)*(?:SimpleRNN|LSTM|GRU|CuDNNLSTM|CuDNNGRU|RNN)(?:Cell)?\(")
_SIZE = re.compile(r"\s*\(*\s*(?:\d+|[A-Za-z_]\w*)\s*\)*(?:\s*[*+]\s*\(*\s*(?:\d+|[A-Za-z_]\w*)\s*\)*)*\s*")  # numbers and names
# joined by + and *, in parentheses or not
_APPLIED = re.compile(r"\w\s*\(")  # (a call: no size)


_NOT_READ = re.compile(r"(?<![\w.])(?:[A-Za-z_]\w*\.)*(ConvLSTM[123]D|ConvGRU\w*|StackedRNNCells|RNN\(\s*(?:[A-Za-z_]\w*\.)*"
                       r"(?:SimpleRNN|LSTM|GRU)Cell|TimeDistributed\(\s*(?:[A-Za-z_]\w*\.)*(?:SimpleRNN|LSTM|GRU))\b")


def _size(c: Call, value: str | None, what: str) -> str:
    if value is None or not _SIZE.fullmatch(value) or _APPLIED.search(value) or value.count("(") != value.count(")") \
            or not whole_size(value):
        raise _Refused(f"{c.cls}(...): its {what} is not read ({value or 'not given'}; a size is a number or a name)",
                       c.start, f"give the layer's {what} as a number")
    value = "".join(value.split())
    if "(" in value:
        return value
    # each product's numbers first (`units*2`: 2*units, as the grammar reads a size)
    return "+".join("*".join(sorted(t.split("*"), key=lambda f: not f.isdigit())) for t in value.split("+"))


class _Walk:
    """A Keras model's layers walked in order: the size each gives the next, the tensors of the recurrent ones."""

    def __init__(self, read, variant: str = "", signature: Call | None = None) -> None:
        self.signature = signature  # the call that is a layer's signature, its input named UNGIVEN (_signature)
        # variant: "" Keras's defaults; "tf1" a GRU's reset_after=False where not given; "two biases" every gate two
        self.read, self.listed, self.seen, self.others, self.variant = read, [], {}, [], variant
        self.around: list | None = []  # the tensors of the model's other layers (Dense, Embedding), None where one is not read

    def model(self, model: list[Call]) -> None:
        size: str | None = None  # what the layer before gives the next: its size (None: not read) ...
        seq: bool | None = None  # ... and whether it is a sequence (None: not known)
        unread: Call | None = None
        for k, c in enumerate(model):
            if k == 0 and c.cls not in ("Input", "InputLayer"):
                size, seq = _given(c), True if _given(c) is not None else None
                if size is None and c is self.signature:
                    size, seq = UNGIVEN, True  # (a signature, its input's size not written: Keras's name for it)
            layer = recurrent(c)
            if layer is not None:
                if seq is False:
                    raise _Refused(f"{c.shown()} reads one vector per example from the layer before it (return_sequences "
                                   "is not True there): a model the framework cannot build", c.start,
                                   "write return_sequences=True on the recurrent layer before")
                if size is None:
                    why = f"the layer before it, {unread.shown()}, is not one symcount reads" if unread else "nothing gives it"
                    raise _Refused(f"{c.shown()}: its input size is not read ({why})", c.start,
                                   "give the model's first layer input_shape=(steps, features)")
                self.keras(c, layer, size)
                size, seq = self.output(c, layer), layer.flag("return_sequences", False)
            elif c.cls in ("Input", "InputLayer"):
                shape = c.kw("shape", 0) or c.kw("input_shape") or c.kw("batch_shape")
                size, seq = _last(shape), (len([p for p in split(shape[1:-1]) if p.strip()]) >= 2 if shape else None)
            elif c.cls == "Embedding":
                self._around(c, "embeddings", (c.kw("input_dim", 0), c.kw("output_dim", 1)))
                size, seq = c.kw("output_dim", 1), True
            elif c.cls == "Dense" or (c.cls == "TimeDistributed" and c.inner is not None and c.inner.cls == "Dense"):
                dense = c.inner or c
                self._around(dense, "kernel", (size, dense.kw("units", 0)), dense.flag("use_bias", True))
                size = dense.kw("units", 0)
            elif c.cls == "RepeatVector":
                seq = True
            elif c.cls in POOLED:
                seq = False
            elif c.cls not in PASS_THROUGH:
                size, seq, unread = None, None, c
            if c.cls not in PARAMETER_FREE and layer is None and c.cls not in ("Input", "InputLayer"):
                self.others.append(c.cls)
                if c.cls not in ("Embedding", "Dense", "TimeDistributed"):
                    self.around = None  # (BatchNormalization, a Conv1D: the model's count is not read)

    def _around(self, c: Call, part: str, sizes: tuple, bias: bool = False) -> None:
        """A Dense's or an Embedding's tensors, as Keras names them, where its sizes are read."""
        if self.around is None:
            return
        if any(x is None or not x.strip() for x in sizes):
            self.around = None
            return
        n = self.seen[c.cls.lower()] = self.seen.get(c.cls.lower(), -1) + 1
        name = c.cls.lower() + (f"_{n}" if n else "")
        try:
            self.around.append(_listed(f"{name}.{part}", sizes, c, self.read))
            if bias:
                self.around.append(_listed(f"{name}.bias", sizes[1:], c, self.read, bias=True))
        except _Refused:
            self.around = None

    def output(self, c: Call, layer: Call) -> str:
        units = _size(layer, layer.kw("units", 0), "units")
        merge = (c.kw("merge_mode", 1) or "'concat'").strip("'\"") if c.cls == "Bidirectional" else "concat"
        if merge not in ("concat", "sum", "mul", "ave"):
            raise _Refused(f"{c.shown()}: merge_mode={merge} gives the next layer no one tensor symcount reads", c.start,
                           "write merge_mode='concat', 'sum', 'mul' or 'ave'")
        return f"2*({units})" if c.cls == "Bidirectional" and merge == "concat" else units

    def keras(self, c: Call, layer: Call, inp: str) -> None:
        if c.kw("backward_layer") is not None:
            raise _Refused(f"{c.shown()}: a backward layer of its own is not read", c.start, "count each direction's layer")
        if sum(1 for a in layer.args if not (a.partition("=")[1] and a.partition("=")[0].strip().isidentifier())) > 4:
            raise _Refused(f"{layer.shown()}: more than four arguments by position are not read", layer.start,
                           "name the arguments (use_bias=..., reset_after=...)")
        units = _size(layer, layer.kw("units", 0), "units")
        inp = _size(layer, inp, "input size")
        gates = KERAS_GATES[layer.cls]
        wide = f"{gates}*({units})" if gates > 1 else units
        bias = layer.flag("use_bias", True, _KERAS_USE_BIAS_AT.get(layer.cls))
        two = _KERAS_BIASES.get(layer.cls, 1) == 2 or (self.variant == "two biases" and layer.cls in ("LSTM", "SimpleRNN"))
        two_rows = layer.cls == "GRU" and layer.flag("reset_after", self.variant != "tf1")
        n = self.seen[layer.cls.lower()] = self.seen.get(layer.cls.lower(), -1) + 1
        name = layer.cls.lower() + (f"_{n}" if n else "")
        for side in ("forward_", "backward_") if c.cls == "Bidirectional" else ("",):
            self.listed += [_listed(f"{side}{name}.kernel", (inp, wide), c, self.read),
                            _listed(f"{side}{name}.recurrent_kernel", (units, wide), c, self.read)]
            if bias:
                shape = ("2", wide) if two_rows else (f"2*{gates}*({units})",) if two else (wide,)
                self.listed.append(_listed(f"{side}{name}.bias", shape, c, self.read, bias=True))


def _torch(c: Call, read) -> list[Listed]:
    kind = c.cls.removesuffix("Cell")
    cell = c.cls.endswith("Cell")
    order = _TORCH_ORDER["Cell" if cell else "RNN" if kind == "RNN" else "LSTM"]
    at = {k: i for i, k in enumerate(order)}
    inp, hid = _size(c, c.kw("input_size", 0), "input_size"), _size(c, c.kw("hidden_size", 1), "hidden_size")
    layers = "1" if cell else _size(c, c.kw("num_layers", 2) or "1", "num_layers")
    if not layers.isdigit() or not 1 <= int(layers) <= 64:
        raise _Refused(f"{c.shown()}: num_layers={layers} is not a number of layers (1 to 64)", c.start, "write num_layers as a number")
    two = not cell and c.flag("bidirectional", False, at["bidirectional"])
    if not cell and c.kw("proj_size", at.get("proj_size")) not in (None, "0"):
        raise _Refused(f"{c.shown()}: proj_size is not read", c.start, "leave proj_size out")
    bias = c.flag("bias", True, at["bias"])
    gates = TORCH_GATES[kind]
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


def layer_cell(text: str, src, read, in_module: bool = False) -> tuple[tuple[Listed, ...], tuple[str, ...]] | None:
    """The parameters of the recurrent layers the text's calls make, with notes; None where it makes none (`read`: a
    declaration's sizes, as read.parse reads them). Raises ParseError where a call does not say a size, or the calls
    make layers of different models."""
    if not _RECURRENT.search(text):
        return None
    try:
        found = _layer_cell(text, read, in_module)
    except _Refused as exc:
        raise ParseError(exc.why, source=src, span=Span(exc.at, exc.at), hint=exc.hint) from None
    if found is None:
        return None
    listed, notes, around = found
    if around is None or in_module or _ASKS_THE_LAYER.search(text):  # ("the number of parameters of a GRU layer": the layer's)
        return listed, notes
    layers, model = total_of(listed), total_of(listed + around)
    written = numbers_written(text) if layers is not None and model is not None else set()
    if layers in written and model not in written:  # ("The model summary says 120": the recurrent layer's count)
        return listed, notes
    if model in written and layers not in written:
        return listed + around, tuple(n for n in notes if not n.startswith("only the recurrent layers")) + (
            f"the whole model is counted, its other layers too: the text writes its count, {model:,}",)
    return listed + tuple(replace(e, what=AROUND) for e in around), notes  # (shapes.listed: the layers' count or the model's)


def _layer_cell(text: str, read, in_module: bool = False):
    if "__init__" in text and "class " in text and not in_module:
        return None  # a module's code: read.torchcode's (measure.beside reads its calls beside the equations)
    m = _NOT_READ.search(text)
    if m is not None:
        raise _Refused(f"{m.group(1).rstrip('(')}...: a layer symcount does not read", m.start(),
                       "write the cell's equations, or count its parameters another way")
    calls = calls_in(text)
    models = _models(text, calls)
    if not models:
        return None
    m = _ARBITRARY.search(text)
    if m is not None:  # ("In these examples, the dimensions are arbitrary": the calls show the API, not the model)
        raise _Refused(f"the text says the sizes of its calls are arbitrary (\"{m.group(0)}\"): their count is not its "
                       "model's", m.start(), "write the model's sizes in the calls, or the cell's equations")
    check_text(text, [c for c in calls if not c.commented and not c.traced])
    for model in models:
        for x in model:
            if recurrent(x) is not None:
                check_call(text, recurrent(x), recurrent(x).torch)
                if x is not recurrent(x):
                    check_call(text, x, False)
    made = []
    signature = _signature(text, calls)
    for model in models:
        if recurrent(model[0]) is not None and recurrent(model[0]).torch:
            made.append((_torch(recurrent(model[0]), read), [], model, []))  # (a torch layer: alone, its sizes its own)
            continue
        walk = _Walk(read, signature=signature)
        walk.model(model)
        made.append((tuple(walk.listed), walk.others, model, walk.around))
    distinct = {tuple((e.name, e.dims) for e in listed) + ((model[0].target,) if model[0].torch else ()) for listed, _, model, _ in made}
    if len(distinct) > 1:
        a, b = made[0][2], made[1][2]
        raise _Refused(f"the text makes recurrent layers in {len(made)} places ({_shown(a)}; {_shown(b)}{'; ...' if len(made) > 2 else ''}): "
                       "which is the cell is not said", b[0].start, "give symcount one model's calls (or its equations)")
    listed, others, model, around = made[0]
    _stated(text, model, listed, read)
    return tuple(listed), _notes(model, others, len(made), signature), (tuple(around) if around and others else None)


# the text asks for one layer's count: "number of parameters of a GRU layer", "parameters in Simple RNNs"
_ARBITRARY = re.compile(r"(?i)\b(?:dimensions|sizes|shapes|numbers)\s+(?:here\s+|used\s+)?(?:are|were)\s+(?:chosen\s+)?"
                        r"arbitrar(?:y|ily)\b|\barbitrary\s+(?:dimensions|sizes|shapes)\b")
_ASKS_THE_LAYER = re.compile(r"\b(?:number|count|#)\s+of\s+(?:trainable\s+)?param(?:eter)?s?\s+(?:of|in|for)\s+(?:an?\s+|the\s+|this\s+|"
                             r"my\s+|each\s+)?(?:keras\s+|tf\.keras\s+)?(?:simple\s*rnns?|gru|lstm|rnn|recurrent)", re.I)


def _signature(text: str, calls: list[Call]) -> Call | None:
    """The call that is a Keras layer's documentation signature, `keras.layers.GRU(units, activation='tanh', ...)`:
    the text's one recurrent call, written with Keras's path, alone on its line, its units a name and every other
    argument a keyword, where the text names no `input_dim` of its own (not a model's `LSTM(32)`, whose input the
    data gives; not Flux's `GRU(nin, nout)`). None where there is no such call."""
    layers = [c for c in calls if not c.commented and recurrent(c) is not None]
    if len(layers) != 1 or layers[0] is not recurrent(layers[0]) or layers[0].torch:
        return None
    c = layers[0]
    line_start, line_end = text.rfind("\n", 0, c.start) + 1, text.find("\n", c.end)
    alone = not text[line_start:c.start].strip() and not text[c.end + 1:line_end if line_end >= 0 else len(text)].strip()
    positional = [a for a in c.args if "=" not in a.partition("(")[0]]
    if not (alone and c.prefix.endswith("layers.") and len(positional) == 1 and positional[0].strip().isidentifier()):
        return None
    return None if re.search(rf"\b{UNGIVEN}\b", text) else c


def _shown(model: list[Call]) -> str:
    return ", ".join(x.shown() for x in model if recurrent(x) is not None)


def _notes(model: list[Call], others: list[str], copies: int, signature: Call | None = None) -> tuple[str, ...]:
    layers = [x for x in model if recurrent(x) is not None]
    torch = recurrent(layers[0]).torch
    notes = [f"no math: the recurrent layer{'s' if len(layers) > 1 else ''} the text's "
             f"{'calls make' if len(layers) > 1 else 'call makes'} ({_shown(model)}), counted as "
             f"{'torch' if torch else 'Keras'} counts {'them' if len(layers) > 1 else 'it'}"
             + (f" (the same model is written {copies} times)" if copies > 1 else "")]
    if others:
        notes.append(f"only the recurrent layers are counted: not the model's other layers ({', '.join(dict.fromkeys(others))})")
    if signature is not None and signature is model[0]:
        notes.append(f"{signature.shown()}: its input's size is not written: named {UNGIVEN}, as Keras names it (the "
                     "count is a formula in it)")
    for x in layers:
        gru = recurrent(x)
        if gru.cls == "GRU" and not gru.torch and gru.kw("reset_after") is None:
            notes.append(f"{gru.shown()}: reset_after is not given, counted at Keras's default, reset_after=True "
                         "(a bias for the input and one for the state per gate; TensorFlow 1's default was False)")
    return tuple(notes)




def _stated(text: str, model: list[Call], listed, read) -> None:
    """A Keras model whose count the text writes only as another framework's counts it: a GRU's with reset_after=False
    (TensorFlow 1's default), or every gate with two biases (cuDNN's layers, torch's): the text's framework is another,
    refused, never counted at Keras's defaults."""
    ours = total_of(listed)
    written = numbers_written(text) if ours is not None else set()
    if ours is None or ours in written:
        return
    layers = [recurrent(x) for x in model if recurrent(x) is not None and not recurrent(x).torch]
    for variant, what, chosen in (
            ("tf1", "reset_after=False (TensorFlow 1's default)", [g for g in layers if g.cls == "GRU" and g.kw("reset_after") is None]),
            ("two biases", "two biases for every gate (cuDNN's layers, torch's)", [g for g in layers if g.cls in ("LSTM", "SimpleRNN")])):
        if not chosen:
            continue
        other = _Walk(read, variant)
        other.model(model)
        theirs = total_of(other.listed)
        if theirs in written:
            raise _Refused(f"{chosen[0].shown()}: the text writes {theirs:,}, the count with {what}; Keras's defaults give "
                           f"{ours:,}", chosen[0].start, "say which framework's layer it is (reset_after=..., or the "
                           "cell's equations)")


def _listed(name: str, sizes: tuple, c: Call, read, bias: bool = False) -> Listed:
    sizes = tuple(number_of(s) for s in sizes)
    dims = read(r"W \in \mathbb{R}^{" + r" \times ".join(size_latex(s) for s in sizes) + "}")
    if dims is None:
        raise _Refused(f"cannot read the shape of {name} ({', '.join(sizes)})", c.start, "write each size as a number or a name")
    return Listed(name, dims, Span(c.start, c.end + 1), bias, False, "made by the layer's call")


# a count's name (`num_params = ...`, `params = 4 * (...)`): an equation of the count, not of the cell
_COUNT_NAME = re.compile(r"(?i)^(?:\\text\{)?(?:num|n|total|free|trainable|no)?[_{ ]*(?:params?|parameters|weights)\}*$")
_MATH_MARK = re.compile(r"\$|\\\[|\\\(|\\begin\{|\.\.\s*math\s*::|:math:|\\f[\[$]|<math")


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
