"""The calls a text makes to a framework's layers (`LSTM(32, return_sequences=True)`, `nn.GRU(10, 20)`) and the models
they build, each its layers in order: a Keras `Sequential([...])` list, the layers `model.add(...)` adds to one
variable, the functional API's simple chain from an `Input`, and each other recurrent call alone. What the layers
make is read.layercalls'; this module finds them."""
from __future__ import annotations

from . import patterns as re  # re, with the package's patterns compiled ahead (read.patterns)
from .layerchecks import Refused as _Refused, check_model, code_like, first_code, in_comment, in_inline_code, prose_between
from .pyblocks import closing, split

KERAS_GATES = {"SimpleRNN": 1, "LSTM": 4, "GRU": 3, "CuDNNLSTM": 4, "CuDNNGRU": 3}
TORCH_GATES = {"RNN": 1, "LSTM": 4, "GRU": 3}
_CALL = re.compile(r"(?<![\w.])((?:[A-Za-z_]\w*\.)*)([A-Z][A-Za-z0-9]*)\(")  # a capitalised call: a layer, maybe
_DEFINED = re.compile(r"\b(?:class|def|fn|func|function|struct)\s+$")  # `class LSTMCell(Module):`, not a call
_ADD = re.compile(r"(?<![\w.])([A-Za-z_]\w*)\.add\(")
_MADE = re.compile(r"(?<![\w.])([A-Za-z_]\w*)\s*(?::\s*[\w.\[\]]+\s*)?=\s*(?:[A-Za-z_]\w*\.)*Sequential\(")
_TARGET = re.compile(r"((?:self\.)?[A-Za-z_]\w*)\s*=\s*$")
_TRUE, _FALSE = frozenset(("True", "true")), frozenset(("False", "false"))


_LINE_COMMENT = re.compile(r"(\"[^\"\n]*\"|'[^'\n]*')|#[^\n]*")  # (a string's # is no comment)


class Call:
    """One call: its class, where it is (start; end, the closing parenthesis), its arguments, what it wraps, what
    it is assigned to, and whether it is applied at once (`LSTM(32)(x)`: the functional API)."""

    def __init__(self, text: str, m) -> None:
        self.cls, self.prefix, self.start = m.group(2), m.group(1), m.start()
        self.end = closing(text, m.end() - 1)
        self.closed = self.end < len(text)
        inside = text[m.end():self.end]
        self.args = split(_LINE_COMMENT.sub(lambda c: c.group(1) or "", inside) if "#" in inside else inside)  # (`input_size=128,   # input features`)
        self.said = " ".join(text[self.start:self.end + 1].split())
        self.inner: Call | None = None
        self.traced = False  # applied to a tensor the functional API's chain is read back from (read.layercalls._functional)
        line = text[text.rfind("\n", 0, self.start) + 1:self.start]
        self.commented = in_comment(text, self.start) or _DEFINED.search(line) is not None or in_inline_code(text, self.start)
        t = _TARGET.search(line)
        self.target = t.group(1) if t else ""
        self.applied = text[self.end + 1:self.end + 3].lstrip(" ").startswith("(")
        self.torch = self.prefix in ("nn.", "torch.nn.") or (not self.prefix and any(
            a.partition("=")[0].strip() in ("input_size", "hidden_size") for a in self.args))
        # a Keras layer: no module path, or Keras's (layers., keras.layers., tf.keras.layers., an alias as kl.)
        self.keras = not self.torch and (not self.prefix or self.prefix.endswith(("layers.", "models.")) or
                                         self.prefix in ("kl.", "kel.", "tfkl.", "L.", "KL.", "keras.", "tf.keras."))

    def kw(self, key: str, position: int | None = None) -> str | None:
        """The argument `key=...`, or the one at `position` among those before the first keyword (a positional
        argument never follows a keyword one: `Embedding(input_dim= \\,4500, ...)` split at its comma is not one)."""
        keywords_begun = False
        for k, a in enumerate(self.args):
            name, eq, value = a.partition("=")
            keyword = bool(eq) and name.strip().isidentifier() and not value.startswith("=")
            if keyword and name.strip() == key:
                return value.strip()
            keywords_begun = keywords_begun or keyword
            if not keyword and k == position and not keywords_begun:
                return a.strip()
        return None

    def flag(self, key: str, default: bool, position: int | None = None) -> bool:
        value = self.kw(key, position)
        if value is None:
            return default
        if value in _TRUE or value in _FALSE:
            return value in _TRUE
        raise _Refused(f"{key}={value}: whether the layer has it is not said", self.start, f"write {key}=True or {key}=False")

    def shown(self) -> str:
        return self.said if len(self.said) <= 60 else self.said[:57] + "...)"


_HYPHENATED = re.compile(r"\s*[A-Za-z]+(?:-[A-Za-z]+)+\s*")


def calls_in(text: str) -> list[Call]:
    """The calls of the text that are code (not in a comment, closed), each with the call it wraps, outermost first."""
    out: list[Call] = []
    for m in _CALL.finditer(text):
        c = Call(text, m)
        if c.commented or not c.closed or len(c.args) == 1 and _HYPHENATED.fullmatch(c.args[0]):
            continue  # (`CuDNNGRU(GPU-only)`: a parenthesis of prose)
        host = next((o for o in reversed(out) if o.start < c.start < o.end), None)
        if host is not None and host.cls in ("Bidirectional", "TimeDistributed", "RNN") and host.inner is None \
                and not host.torch and text[host.start:c.start].count("(") == 1:
            host.inner = c
        out.append(c)
    return out


def recurrent(c: Call) -> Call | None:
    """The recurrent layer a call makes (itself, or the one a Bidirectional wraps), or None."""
    layer = c.inner if c.cls == "Bidirectional" else c
    if layer is None:
        return None
    if layer.torch:
        return layer if layer.cls.removesuffix("Cell") in TORCH_GATES else None
    return layer if layer.keras and layer.cls in KERAS_GATES else None


def models(text: str, calls: list[Call]) -> list[list[Call]]:
    """The models the text builds, each its layers in order: a Sequential's list, the layers added to one variable
    (a line of prose between two of them, or the variable made again, starts another model), and each other
    recurrent call alone (a prose mention of a model's layer left out)."""
    tops = [c for c in calls if not any(o is not c and o.start < c.start < o.end for o in calls)]
    models: list[list[Call]] = []
    for c in calls:
        if c.cls == "Sequential" and c.keras:
            items = [x for x in calls if c.start < x.start < c.end and not any(
                o.start < x.start < o.end for o in calls if c.start < o.start < c.end and o is not x)]
            check_model(text, items, host=c)
            models.append(items)
    models += _added(text, calls)
    models += _functional(text, calls)
    placed = {id(x) for model in models for x in model}
    said = {x.said for model in models for x in model}
    for c in tops:
        layer = recurrent(c)
        if id(c) in placed or layer is None or (c.said in said and not c.target) or not code_like(layer):
            continue
        if c.target and not layer.torch and re.search(rf"(?<![\w.]){re.escape(c.target)}(?![\w(])", text[c.end:]):
            raise _Refused(f"{c.shown()}: the layer held in {c.target} is used elsewhere, and how is not read", c.start,
                           "write the model's layers as calls in one Sequential([...]) or model.add(...)")
        models.append([c])
    return [m for m in models if any(recurrent(x) is not None for x in m)]


def _added(text: str, calls: list[Call]) -> list[list[Call]]:
    """The layers `model.add(...)` adds, one list per model; an added layer not written as a call refuses."""
    adds: dict[str, list] = {}
    made = [(m.start(), m.group(1)) for m in _MADE.finditer(text)]
    last: dict[str, int] = {}
    for m in _ADD.finditer(text):
        if in_comment(text, m.start()) or in_inline_code(text, m.start()):
            continue
        end = closing(text, m.end() - 1)
        inside = next((c for c in calls if c.start >= m.end() and c.start < end and not c.commented), None)
        var = m.group(1)
        anew = max((at for at, v in made if v == var and at < m.start()), default=-1)
        key = f"{var}@{anew}"  # a variable made again (`model = Sequential()`) is a new model
        if key in adds and ((inside is not None and given(inside) is not None and _ends_a_model(adds[key]))
                            or prose_between(text, last[key], m.start())):
            adds[f"{key}@{m.start()}"] = adds.pop(key)  # (another model's: a reply's, after prose or a finished model)
        arg = text[m.end():end].strip()
        held = next((c for c in reversed(calls) if c.target == arg and c.end < m.start() and not c.commented), None)
        if inside is not None and inside.start == first_code(text, m.end()):
            adds.setdefault(key, []).append(inside)
        elif held is not None and arg.isidentifier():  # `lstm = LSTM(...)` then `model.add(lstm)`: that call
            adds.setdefault(key, []).append(held)
        else:
            adds.setdefault(key, []).append((m.start(), arg))
        last[key] = end
    out = []
    for items in adds.values():
        layers = [x for x in items if isinstance(x, Call)]
        if any(recurrent(x) is not None for x in layers):
            bad = next((x for x in items if not isinstance(x, Call)), None)
            if bad is not None:
                raise _Refused(f"the model's layer `{bad[1][:40]}` is not written as a call: what it is, is not read", bad[0],
                               "write each layer the model adds as its call")
            check_model(text, layers)
            out.append(layers)
    return out


_APPLIED_TO = re.compile(r"\(\s*([A-Za-z_]\w*)\s*\)")


def _functional(text: str, calls: list[Call]) -> list[list[Call]]:
    """The functional API's simplest chains: `t1 = Input(shape=(1, 1))`, `t2 = LSTM(1)(t1)`: each recurrent layer applied
    to a tensor another assignment makes (an Input, or a layer applied to one), read back to the Input; anything else
    (a tensor made twice, two inputs, a tensor no assignment makes) is left to refuse."""
    made: dict[str, list] = {}
    for c in calls:
        if c.commented or not c.target or any(o is not c and o.start < c.start < o.end for o in calls):
            continue
        made.setdefault(c.target, []).append(c)
    out = []
    for c in calls:
        if not c.applied or recurrent(c) is None or not c.target:
            continue
        chain, at, seen = [c], c, set()
        while at.cls not in ("Input", "InputLayer"):
            m = _APPLIED_TO.match(text, at.end + 1) if at.applied else None
            src = m.group(1) if m else None
            if src is None or src in seen or len(made.get(src, [])) != 1 or made[src][0].start > at.start:
                return []
            seen.add(src)
            at = made[src][0]
            if at.cls not in ("Input", "InputLayer") and not at.applied:
                return []
            chain.insert(0, at)
        for x in chain:
            x.traced = True
        out.append(chain)
    # a chain another goes on from is part of that one (h = LSTM(...)(inp); h2 = GRU(16)(h): one model)
    return [ch for ch in out if not any(o is not ch and ch[-1] in o[:-1] for o in out)]


def _ends_a_model(layers: list[Call]) -> bool:
    """The layers end in a recurrent one that returns one vector per sequence (nothing recurrent can follow it)."""
    last = recurrent(layers[-1]) if isinstance(layers[-1], Call) else None
    return last is not None and not last.flag("return_sequences", False)


def last(shape: str | None) -> str | None:
    if shape is None or not (shape.startswith(("(", "[")) and shape.endswith((")", "]"))):
        return None
    parts = [p for p in split(shape[1:-1]) if p.strip()]
    return parts[-1].strip() if parts else None


def given(c: Call) -> str | None:
    """The input size a model's first layer is given: input_shape's last entry, input_dim, batch_input_shape's."""
    for x in (c, c.inner) if c.inner is not None else (c,):
        got = x.kw("input_dim") or last(x.kw("input_shape")) or last(x.kw("batch_input_shape") or x.kw("batch_shape"))
        if got is not None:
            return got
    return None
