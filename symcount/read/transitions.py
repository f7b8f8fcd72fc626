"""Rows that define a step as a function of its arguments. A step function's definition (`\\text{RNN}(x_m, h_{m-1}) =
...`): the equation of the one state its arguments hold at the step before (`h_{m} = ...`). A row that defines the cell
as functions of its signals, as a book writes an Elman layer: `f(\\mathbf{s}_{i-1}, \\mathbf{x}_i) = \\phi(\\mathbf{A}
\\mathbf{s}_{i-1} + \\mathbf{B} \\mathbf{x}_i)` (the transition) and `g(\\mathbf{s}_i, \\mathbf{x}_i) = \\mathbf{C}
\\mathbf{s}_i + \\mathbf{D} \\mathbf{x}_i` (the readout). The transition computes the signal it reads at the step
before: its left side is read as that signal at the step (`\\mathbf{s}_{i}`); a readout, of signals at the step only,
computes a signal of its own, the function's letter at the step (`g_{i}`). A function of one argument (`\\sigma(x) =
...`), or of arguments with no step, is left alone. Steps of read.relations."""
from __future__ import annotations

from . import patterns as re  # re, with the package's patterns compiled ahead (read.patterns)

_STEP_DEF = re.compile(r"\\(?:text|textrm|mathrm|operatorname|rm)\s*\{\s*[A-Za-z]*(?:RNN|LSTM|GRU|Cell|cell|Elman|Step|step)"
                       r"[A-Za-z]*\s*\}\s*(?:\\left\s*)?\("
                       r"(?P<args>[^()=\n]{3,80})(?:\\right\s*)?\)\s*(?==)")
_LAGGED = re.compile(r"(?<![A-Za-z\\])(?P<name>[A-Za-z])\s*_\s*\{\s*(?P<step>[a-z])\s*-\s*1\s*\}")


# a row's start, a letter, its arguments in parentheses, `=`: `f(\mathbf{s}_{i-1},\mathbf{x}_i)=`
_FUNCTION_ROW = re.compile(r"(?:^|(?<=\\\\)|(?<=\n)|(?<=\$)|(?<=\{gather\})|(?<=\{align\*\})|(?<=\{align\}))[ \t]*"
                           r"(?P<row>(?P<f>[A-Za-z])\s*(?:\\left\s*)?\((?P<args>[^()=\n]*,[^()=\n]*?)(?:\\right\s*)?\))\s*&?\s*=(?!=)")
# one argument: a (bold) letter with the step, or the step before, for its subscript
_ARGUMENT = re.compile(r"\s*(?P<name>\\(?:mathbf|bm|boldsymbol)\s*\{\s*[A-Za-z]\s*\}|[A-Za-z])\s*_\s*"
                       r"(?:\{\s*(?P<step>[a-z])\s*(?P<before>-\s*1)?\s*\}|(?P<bare>[a-z]))\s*")


def function_rows(out: list[str], start: int, end: int, written) -> None:
    """In out[start:end] (LaTeX), `f(s_{i-1}, x_i) =` at a row's start as `s_{i} =`, and `g(s_i, x_i) =` as `g_{i} =`
    (spaces after each, the same length); not where the text applies the function elsewhere (`h_t = h_{t-1} +
    \\gamma f(h_{t-1}, x_t)`: the row defines a part of the step, not the state)."""
    region = "".join(out[start:end])
    for m in _FUNCTION_ROW.finditer(region) if "(" in region and "," in region else ():
        args = [_ARGUMENT.fullmatch(a) for a in m.group("args").split(",")]
        if any(a is None for a in args):
            continue
        steps = {a.group("step") or a.group("bare") for a in args}
        before = [a for a in args if a.group("before")]
        if len(steps) != 1 or len(before) > 1 or m.group("f") in steps:
            continue
        if written(rf"(?<![A-Za-z\\]){m.group('f')}\s*(?:\\left\s*)?\((?:[^()=\n]|\([^()]*\))*\)(?!\s*&?\s*=)") \
                and not _named_by_state(getattr(getattr(written, "__self__", None), "text", ""), m):
            continue  # (f applied in another equation, not as a state's whole step: `h_t = f(x_t, h_{t-1})` is one)
        step = steps.pop()
        if written(rf"(?<![A-Za-z\\]){m.group('f')}\s*_\s*\{{?\s*{step}\b"):
            continue  # (`f(h_{t-1}, x_t) = \sigma(...)` beside `f_t \odot c_{t-1}`: a gate written as a function)
        name = before[0].group("name") if before else m.group("f")
        new = f"{name}_{{{step}}}"
        out[start + m.start("row"):start + m.end("row")] = list(new) + [" "] * (m.end("row") - m.start("row") - len(new))


_BARE_FONT = re.compile(r"\\(?:mathbf|bm|boldsymbol)\s*\{\s*([^{}]*?)\s*\}|\s+")


def _named_by_state(text: str, row) -> bool:
    """Whether every application of the row's function elsewhere is a state's whole step with the row's arguments,
    `\\mathbf{h_{t}} = f(x_{t}, \\mathbf{h}_{t-1}).` beside `f(x_{t}, \\mathbf{h}_{t-1}) = g(...)`: the row says what the
    step is (fonts and spaces aside)."""
    args = _BARE_FONT.sub(r"\1", row.group("args"))
    found = list(re.finditer(rf"=\s*(?<![A-Za-z\\]){row.group('f')}\s*(?:\\left\s*)?\((?P<a>[^()=\n]*)(?:\\right\s*)?\)\s*[.,]?\s*(?:$|\\\\|\\end|\$)",
                             text, re.M))
    apps = len(re.findall(rf"(?<![A-Za-z\\]){row.group('f')}\s*(?:\\left\s*)?\((?!\s*(?:\\cdot|\.|\\,)\s*\))", text))  # (not f(\cdot))
    return len(found) == 1 and apps == 2 and all(_BARE_FONT.sub(r"\1", x.group("a")) == args for x in found)


def step_definitions(out: list[str], start: int, end: int, written) -> None:
    """In out[start:end], a step function's definition by its arguments (`\\text{RNN}(x_m, h_{m-1}) = ...`)
    as the equation of the one state its arguments hold at the step before (`h_{m} = ...`)."""
    region = "".join(out[start:end])
    if "(" not in region:
        return
    for m in _STEP_DEF.finditer(region):
        lagged = list(_LAGGED.finditer(m.group("args")))
        if len(lagged) != 1:
            continue
        name, step = lagged[0].group("name"), lagged[0].group("step")
        if written(rf"(?<![A-Za-z\\]){name}\s*_\s*\{{?\s*{step}\s*\}}?\s*(?:=|\\triangleq|≜)"):
            continue  # h_m = ... written too: the definition is no other equation
        new = f"{name}_{{{step}}}"
        out[start + m.start():start + m.end()] = list(new) + [" "] * (m.end() - m.start() - len(new))
