"""torch.nn's modules as read.torchcode reads them: which hold parameters and how many (Linear, Bilinear, the
norms, Embedding, LSTM/GRU/RNN and their cells, Sequential, ModuleList, Parameter), with torch's defaults
(`bias=True`, `affine=True`, `elementwise_affine=True`) and its positional arguments' order; a parameter's
tensor (`torch.empty(...)` with an init around it or a scale after it). What is not in the table is refused."""
from __future__ import annotations

from . import patterns as re  # re, with the package's patterns compiled ahead (read.patterns)
from .pyblocks import closing, split


class Refused(Exception):
    """What the code does not say (a message, where, how to say it): read.torchcode makes it a ParseError."""

    def __init__(self, why: str, at: int, hint: str) -> None:
        super().__init__(why)
        self.why, self.at, self.hint = why, at, hint


TENSOR = re.compile(r"(?<![\w.])(?:torch|th)\.(empty|zeros|ones|randn|rand|Tensor|FloatTensor|DoubleTensor|full|eye|normal|linspace)\(")
NO_PARAMETERS = frozenset(
    "Dropout Dropout1d Dropout2d AlphaDropout Identity ReLU ReLU6 Tanh Sigmoid GELU SiLU Mish ELU SELU CELU LeakyReLU "
    "Hardtanh Hardsigmoid Hardswish Softsign Softplus Softmax LogSoftmax LogSigmoid Tanhshrink Flatten Unflatten".split())
TORCH_MODULES = NO_PARAMETERS | frozenset(
    "Linear Bilinear LayerNorm RMSNorm BatchNorm1d GroupNorm Embedding LSTMCell GRUCell RNNCell LSTM GRU RNN "
    "Sequential ModuleList Parameter Conv1d".split())
_GATES = {"LSTM": 4, "GRU": 3, "RNN": 1}
# the keyword of each positional argument, as torch's signatures order them
_SIGNATURES = {
    "Linear": ("in_features", "out_features", "bias"),
    "Bilinear": ("in1_features", "in2_features", "out_features", "bias"),
    "LayerNorm": ("normalized_shape", "eps", "elementwise_affine", "bias"),
    "RMSNorm": ("normalized_shape", "eps", "elementwise_affine"),
    "BatchNorm1d": ("num_features", "eps", "momentum", "affine"),
    "GroupNorm": ("num_groups", "num_channels", "eps", "affine"),
    "Embedding": ("num_embeddings", "embedding_dim"),
    "Conv1d": ("in_channels", "out_channels", "kernel_size", "stride", "padding", "dilation", "groups", "bias"),
    "Cell": ("input_size", "hidden_size", "bias"),
    "Layer": ("input_size", "hidden_size", "num_layers", "bias", "batch_first", "dropout", "bidirectional"),
}


# what may wrap the tensor a parameter is made of (an init of torch's), and follow it (an in-place init, a scale)
_WRAPPED = re.compile(r"(?:\s*(?:(?:torch\.)?nn\.)?init\.\w+\(\s*)*")
_AFTER_TENSOR = re.compile(r"(?:\s*\.\s*(?:uniform_|normal_|fill_|zero_|to|float|double|cuda|requires_grad_)\s*\((?:[^()]|\([^()]*\))*\)"
                           r"|\s*[*/]\s*(?:[\d.]+(?:[eE]-?\d+)?|math\.sqrt\([^()]*\)|[A-Za-z_][\w.]*)"
                           r"|\s*,\s*[A-Za-z_]\w*\s*=\s*[^,()]+|\s*\))*\s*")


class Torch:
    """The parameters of one of torch.nn's modules, with torch's defaults."""

    def __init__(self, reader: _Reader, name: str, at: int, env: dict) -> None:
        self.r, self.name, self.at, self.env = reader, name, at, env

    def make(self, ctor: str, args: list[str]) -> list[tuple]:
        if ctor in NO_PARAMETERS:
            return []
        if ctor == "Parameter":
            return self.parameter(args)
        if ctor in ("Sequential", "ModuleList"):
            return self.container(ctor, args)
        kw = self.keywords(ctor, args)
        if ctor in ("LSTMCell", "GRUCell", "RNNCell"):
            return self.recurrent(ctor[:-4], kw, cell=True)
        if ctor in _GATES:
            return self.recurrent(ctor, kw, cell=False)
        size = self.size
        if ctor == "Linear":
            out, inp = size(kw, "out_features"), size(kw, "in_features")
            return [self.p("weight", out, inp)] + ([self.p("bias", out, bias=True)] if self.on(kw, "bias") else [])
        if ctor == "Bilinear":
            out = size(kw, "out_features")
            return [self.p("weight", out, size(kw, "in1_features"), size(kw, "in2_features"))] + \
                ([self.p("bias", out, bias=True)] if self.on(kw, "bias") else [])
        if ctor in ("LayerNorm", "RMSNorm", "BatchNorm1d", "GroupNorm"):
            n = size(kw, "num_channels" if ctor == "GroupNorm" else "num_features" if ctor == "BatchNorm1d" else "normalized_shape")
            if not self.on(kw, "affine" if ctor in ("BatchNorm1d", "GroupNorm") else "elementwise_affine"):
                return []
            bias = ctor != "RMSNorm" and self.on(kw, "bias")
            return [self.p("weight", n)] + ([self.p("bias", n, bias=True)] if bias else [])
        if ctor == "Embedding":
            return [self.p("weight", size(kw, "num_embeddings"), size(kw, "embedding_dim"))]
        if ctor == "Conv1d":
            return self.conv1d(kw)
        raise Refused(f"{self.name} = nn.{ctor}(...): not read", self.at, "leave it out")  # pragma: no cover (the table)

    def conv1d(self, kw: dict) -> list[tuple]:
        """nn.Conv1d: a weight of out × in/groups × kernel_size and a bias of out; the groups one or the input's
        channels (a depthwise convolution: one input channel per group), else not read."""
        out, inp, k = self.size(kw, "out_channels"), self.size(kw, "in_channels"), self.size(kw, "kernel_size")
        groups = "".join(kw.get("groups", "1").split())
        if groups not in ("1", "".join(kw["in_channels"].split())):
            raise Refused(f"{self.name} = nn.Conv1d(..., groups={groups}): a grouping other than 1 or the input's channels "
                           "is not read", self.at, "write its weight's shape as a tensor of its own")
        per_group = "1" if groups != "1" else inp
        return [self.p("weight", out, per_group, k)] + ([self.p("bias", out, bias=True)] if self.on(kw, "bias") else [])

    def keywords(self, ctor: str, args: list[str]) -> dict[str, str]:
        order = _SIGNATURES.get(ctor) or _SIGNATURES["Cell" if ctor.endswith("Cell") else "Layer"]
        kw: dict[str, str] = {}
        for k, a in enumerate(args):
            key, eq, val = a.partition("=")
            if eq and key.strip().isidentifier():
                kw[key.strip()] = val.strip()
            elif k < len(order):
                kw[order[k]] = a
        return kw

    def size(self, kw: dict, key: str) -> str:
        value = kw.get(key)
        got = self.r.size(value, self.env) if value is not None else ""
        if not got:
            raise Refused(f"{self.name}: the size {key}={value} is not read (a size is names and numbers joined by +, - "
                           "and *)", self.at, f"write {key} as a sum or product of sizes")
        return got

    def on(self, kw: dict, key: str) -> bool:
        if key not in kw:
            return True  # torch's default: bias=True, affine=True, elementwise_affine=True
        return self.r.flag(kw[key], self.env, self.at, key)

    def p(self, part: str, *sizes: str, bias: bool = False) -> tuple:
        return (f"{self.name}.{part}", sizes, self.at, bias)

    def parameter(self, args: list[str]) -> list[tuple]:
        data = re.sub(r"^\s*data\s*=(?!=)", "", args[0]) if args else ""  # nn.Parameter(data=torch.randn(...))
        while data.strip().startswith("(") and closing(data, data.index("(")) == len(data.rstrip()) - 1:
            data = data.strip()[1:-1]  # nn.Parameter((torch.zeros(4 * hidden_size))): parentheses around it
        number = re.fullmatch(r"\s*(?:torch|th)\.tensor\(\s*-?[\d.]+(?:[eE]-?\d+)?\s*(?:,[^()]*)?\)\s*", data)
        if number:  # nn.Parameter(torch.tensor(0.5)): one number
            return [(self.name, ("1",), self.at, False)]
        m = TENSOR.search(data)
        end = closing(data, m.end() - 1) if m else 0
        if m is None or not _WRAPPED.fullmatch(data[:m.start()]) or not _AFTER_TENSOR.fullmatch(data[end + 1:]):
            raise Refused(f"{self.name} = nn.Parameter({data[:50]}): its shape is not read (a torch.empty, zeros, ones, "
                           "randn, rand or full of its sizes is, with an init around it or a scale after it)", self.at,
                           "write the tensor it wraps as torch.empty(sizes)")
        inner = split(data[m.end():end])
        if any(a.startswith("*") for a in inner):
            raise Refused(f"{self.name}: a shape given unpacked (*shape) is not read", self.at, "write the sizes out")
        kind = m.group(1)
        if kind == "normal":  # torch.normal(mean, std, size=(h, i)): the size its keyword gives
            given = next((a.split("=", 1)[1].strip() for a in inner if re.match(r"size\s*=", a)), None)
            if given is None:
                raise Refused(f"{self.name}: torch.normal(...) without size= is not read", self.at, "give size=(...)")
            inner = [given]
        if kind == "linspace":  # torch.linspace(-4.3, -9, hidden): its third argument, the number of entries
            inner = [next((a.split("=", 1)[1] for a in inner if re.match(r"\s*steps\s*=", a)), inner[2] if len(inner) > 2 else "")]
        dims = inner[:1] if kind == "full" else [a for a in inner if "=" not in a or a.lstrip().startswith("(")]
        if kind == "eye":
            dims = (dims * 2)[:2] if len(dims) == 1 else dims[:2]
        if len(dims) == 1 and dims[0].startswith(("(", "[")) and dims[0].endswith((")", "]")):
            dims = split(dims[0][1:-1])
        sizes = [self.size({"size": d}, "size") for d in dims]
        if not sizes:
            raise Refused(f"{self.name}: a parameter with no size", self.at, "give its shape")
        return [(self.name, tuple(sizes), self.at, self.name.split(".")[-1].lower().startswith(("b", "bias")) and len(sizes) == 1)]

    def container(self, ctor: str, args: list[str]) -> list[tuple]:
        items = args
        if ctor == "ModuleList":
            lit = args[0].strip() if len(args) == 1 else ""
            if not (lit.startswith("[") and lit.endswith("]")) or " for " in lit:
                raise Refused(f"{self.name} = nn.ModuleList({lit[:40]}): how many modules it holds is not read",
                               self.at, "write the modules out in a list")
            items = split(lit[1:-1])
        out = []
        for k, item in enumerate(items):
            made = self.r._value(item, self.env, f"{self.name}.{k}", self.at, None)
            if made is None:
                raise Refused(f"{self.name}: its item {item[:40]} is no module symcount reads", self.at, "write each module out")
            out += made
        return out

    def recurrent(self, kind: str, kw: dict, cell: bool) -> list[tuple]:
        gates = _GATES[kind]
        inp, hid = self.size(kw, "input_size"), self.size(kw, "hidden_size")
        layers, two = 1, False
        if not cell:
            layers_text = kw.get("num_layers", "1").strip()
            if not layers_text.isdigit() and (self.env.get(layers_text) or "").isdigit():
                layers_text = self.env[layers_text]  # self.num_layers = 2 before it
            default = self.env.get("default:" + layers_text.replace("self.", "", 1))
            if not layers_text.isdigit() and default is not None and default.isdigit() and self.env.get(layers_text) in (None, layers_text):
                self.r.notes.append(f"num_layers={layers_text} at {self.r.where(self.at)}: counted at the argument's default, {default}")
                layers_text = default
            if not layers_text.isdigit() or int(layers_text) > 64:
                raise Refused(f"{self.name}: num_layers={layers_text} is not a number", self.at, "write num_layers as a number")
            layers = int(layers_text)
            two = "bidirectional" in kw and self.r.flag(kw["bidirectional"], self.env, self.at, "bidirectional")
            if "proj_size" in kw:
                raise Refused(f"{self.name}: proj_size is not read", self.at, "leave proj_size out")
        bias = self.on(kw, "bias")
        out = []
        for layer in range(layers):
            below = inp if layer == 0 else (f"2*({hid})" if two else hid)
            for suffix in ("", "_reverse") if two else ("",):
                tag = "" if cell else f"_l{layer}"
                g = f"{gates}*({hid})" if gates > 1 else hid
                out += [self.p(f"weight_ih{tag}{suffix}", g, below), self.p(f"weight_hh{tag}{suffix}", g, hid)]
                if bias:
                    out += [self.p(f"bias_ih{tag}{suffix}", g, bias=True), self.p(f"bias_hh{tag}{suffix}", g, bias=True)]
        return out
