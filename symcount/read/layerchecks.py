"""What read.layercalls does not read, refused before it counts: a layer built in a way its model reading does not
follow (a layer passed as a variable, a list comprehension, a branch, the functional API, `self.model.add`, a list
built by `append`, arguments unpacked from a dict), a framework other than Keras and torch written with the same
names (Paddle's `direction=`, MindSpore's `has_bias=`), an argument that changes the count and is not read, a size
that is no whole number. A refusal names the call; a count is printed only where the model is read whole."""
from __future__ import annotations

from . import patterns as re  # re, with the package's patterns compiled ahead (read.patterns)
from .pyblocks import uncommented

# the other frameworks that write nn.LSTM or rnn.GRU: their arguments and defaults are not torch's or Keras's
_OTHER_FRAMEWORK = re.compile(r"\b(?:paddle|mindspore|mxnet|gluon|oneflow|jittor|megengine|tensorlayer|chainer|dynet)\b", re.I)
# Keras's arguments of a recurrent layer that leave the count as it is, and those read (units, use_bias, ...)
_KERAS_KEYS = frozenset(
    "units activation recurrent_activation use_bias kernel_initializer recurrent_initializer bias_initializer "
    "unit_forget_bias kernel_regularizer recurrent_regularizer bias_regularizer activity_regularizer kernel_constraint "
    "recurrent_constraint bias_constraint dropout recurrent_dropout seed return_sequences return_state go_backwards "
    "stateful unroll reset_after implementation time_major name input_shape input_dim input_length batch_input_shape "
    "batch_size dtype trainable use_cudnn".split())
_BIDIRECTIONAL_KEYS = frozenset("layer merge_mode weights input_shape input_dim batch_input_shape name".split())
_TORCH_KEYS = frozenset("input_size hidden_size num_layers bias batch_first dropout bidirectional proj_size nonlinearity "
                        "device dtype".split())
_BRANCH = re.compile(r"\b(?:for|if|else|elif|while)\b")
_ONE_CALL = re.compile(r"\s*(?:[A-Za-z_]\w*\.)*[A-Z]\w*\((?s:.*)\)\s*")
_PROSE_LINE = re.compile(r"^[ \t>*-]*[A-Za-z][a-z']+(?:,? [A-Za-z][a-z',]*){3,}[.:?!]?[ \t]*$", re.M)


class Refused(Exception):
    """What the calls do not say (a message, where, how to say it): read.layercalls makes it a ParseError."""

    def __init__(self, why: str, at: int, hint: str) -> None:
        super().__init__(why)
        self.why, self.at, self.hint = why, at, hint


def in_comment(text: str, start: int) -> bool:
    """Whether the offset is in a comment: after `#` or `//` on its line outside a string (a notebook's JSON line
    `"# model.add(...)` is a comment in the cell's source; `print("layer #1"); model.add(...)` is code)."""
    line = text[text.rfind("\n", 0, start) + 1:start]
    if line.lstrip().startswith('"'):  # a line of a notebook's JSON: the cell's source inside the quotes
        line = line.lstrip()[1:]
    return uncommented(line, ("#", "//")) != line


def in_inline_code(text: str, start: int) -> bool:
    """Whether the offset is inside a Markdown inline code span on a line of prose (`model.add(LSTM(8))` in a
    sentence): a mention, not the model's code."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line = text[line_start:line_end if line_end >= 0 else len(text)]
    before = text[line_start:start]
    return before.count("`") % 2 == 1 and not line.lstrip().startswith("```") and len(re.findall(r"[A-Za-z]{3,} ", line)) >= 3


def check_call(text: str, c, torch: bool) -> None:
    """A recurrent call's own arguments: every one read or known to leave the count as it is."""
    if _OTHER_FRAMEWORK.search(text):
        m = _OTHER_FRAMEWORK.search(text)
        raise Refused(f"{c.shown()}: the text names {m.group(0)}, whose layers' arguments and defaults are not "
                      "torch's or Keras's", c.start, "write the cell's equations, or give the torch or Keras layer")
    keys = _TORCH_KEYS if torch else _BIDIRECTIONAL_KEYS if c.cls == "Bidirectional" else _KERAS_KEYS
    for a in c.args:
        name, eq, _ = a.partition("=")
        if a.strip().startswith("*"):
            raise Refused(f"{c.shown()}: arguments unpacked from elsewhere ({a.strip()}) are not read", c.start,
                          "write the arguments out")
        if eq and name.strip().isidentifier() and name.strip() not in keys:
            raise Refused(f"{c.shown()}: the argument {name.strip()} is not one symcount reads for this layer", c.start,
                          "leave it out if it does not change the parameters, or write the cell's equations")


def check_model(text: str, model: list, host=None) -> None:
    """A model read whole: no branch or loop across its layers, each of a Sequential's items a call."""
    if len(model) > 1 or host is not None:
        start = host.start if host is not None else model[0].start
        end = host.end if host is not None else model[-1].end
        m = _BRANCH.search(text, start, end)
        if m is not None:
            raise Refused(f"the model's layers are chosen by `{m.group(0)}`: which are made is not read", m.start(),
                          "write the layers the model makes, one call each")
    if host is not None:
        items = host.kw("layers", 0) or ""
        if items.startswith("[") and items.endswith("]"):
            from .pyblocks import split
            for item in split(items[1:-1]):
                item = re.sub(r"(?m)^\s*#[^\n]*$", "", item)  # (a comment line between two layers: not one)
                if item.strip() and not _ONE_CALL.fullmatch(item):
                    raise Refused(f"the model's layer `{' '.join(item.split())[:40]}` is not written as a call: what it "
                                  "is, is not read", host.start, "write each layer as its call")


def check_text(text: str, calls: list) -> None:
    """Ways to build a model that read.layercalls does not follow, anywhere a recurrent layer is made."""
    for pattern, why in ((r"(?<![\w.])(?:self|this|[A-Za-z_]\w*)\.[A-Za-z_]\w*\.add\(", "a model held by another object"),
                         (r"\.append\(\s*(?:[A-Za-z_]\w*\.)*[A-Z]\w*\(", "layers gathered in a list by append"),
                         (r"\.pop\(\s*\)", "a layer taken off the model (pop)")):
        m = re.search(pattern, text)
        if m is not None:
            raise Refused(f"{why} (`{m.group(0).strip()}`) is not read", m.start(), "write the model's layers in one "
                          "Sequential([...]) or one model.add(...) each")
    for c in calls:
        if c.applied and c.cls not in ("Input", "InputLayer"):
            raise Refused(f"{c.shown()}(...): the functional API (a layer applied to a tensor) is not read", c.start,
                          "write the model as Sequential([...]) with its first layer's input_shape")


def prose_between(text: str, a: int, b: int) -> bool:
    """Whether a line of prose stands between two offsets (a question's model, then an answer's)."""
    return _PROSE_LINE.search(text, a, b) is not None


def whole_size(value: str) -> bool:
    """A size written as whole numbers and names (not 1e2, 0x20, 2.0, 2**5)."""
    return not re.search(r"\*\*|\b0[xXbBoO]|\d[eE.]\d|\d\.|\d[A-Za-z_]", value)


def numbers_written(text: str) -> set[int]:
    """The whole numbers the text writes, with thousands grouped by commas, points, underscores or thin spaces
    (4,128; 4.128; 4_128), a full stop after one."""
    found = set()
    for m in re.finditer(r"(?<![\w.,])\d{1,3}(?:([,._\u202f\u2009])\d{3})(?:\1\d{3})*(?![\w,]|\.\d)|(?<![\w.,])\d+(?![\w,]|\.\d)",
                         text):
        found.add(int(re.sub(r"\D", "", m.group(0))))
    return found


_ARGUMENT = re.compile(r"\s*(?:[A-Za-z_]\w*\s*=\s*\S.*|[\w\s*+().\-]+|'[^']*'|\"[^\"]*\"|\*{1,2}\w+)\s*", re.S)


def code_like(c) -> bool:
    """A call written as code: each argument a size, a string, a keyword's value; not a citation in prose
    (`an LSTM(Hochreiter and Schmidhuber, 1997)`: words joined by spaces)."""
    return bool(c.args) and all(_ARGUMENT.fullmatch(a) and not re.search(r"[A-Za-z]\w*\s+[A-Za-z]", a.partition("=")[2] or a)
                                for a in c.args)


def total_of(listed) -> int | None:
    total = 0
    for e in listed:
        n = 1
        for lin in e.dims:
            if lin.terms:
                return None
            n *= lin.const
        total += n
    return total


def number_of(size: str) -> str:
    """A size of numbers only as one number (`3*(32+16)`: 144), read by a small parser of +, * and parentheses of the
    calls' own sizes; a size with a name is left to the grammar."""
    if re.search(r"[A-Za-z_]", size) or not re.fullmatch(r"[\d\s()*+]*\d[\d\s()*+]*", size):
        return size  # (a name, or what is no sum of products of numbers, `\,4500`: the grammar's to read or refuse)
    tokens = re.findall(r"\d+|[()*+]", size)

    def expr(i: int) -> tuple[int, int]:
        total, i = term(i)
        while i < len(tokens) and tokens[i] == "+":
            more, i = term(i + 1)
            total += more
        return total, i

    def term(i: int) -> tuple[int, int]:
        product, i = atom(i)
        while i < len(tokens) and tokens[i] == "*":
            more, i = atom(i + 1)
            product *= more
        return product, i

    def atom(i: int) -> tuple[int, int]:
        if tokens[i] == "(":
            value, i = expr(i + 1)
            return value, i + 1
        return int(tokens[i]), i + 1
    try:
        value, end = expr(0)
    except (IndexError, ValueError):
        return size  # (unbalanced, `(3*`: the grammar refuses it)
    return str(value) if end == len(tokens) else size


def first_code(text: str, at: int) -> int:
    """The offset of the first character at or after `at` that is not a space or a line break."""
    while at < len(text) and text[at] in " \t\n":
        at += 1
    return at
