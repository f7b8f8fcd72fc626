"""Equations written with another sign than `=`, and a cell written as its step function's definition,
made into the plain equation they stand for, in place (offsets kept: what is removed becomes spaces).

- The signs of a definition: `\\triangleq`, `≜`, `\\coloneq`, `\\defeq`, `\\equiv`, `\\stackrel{\\Delta}{=}`,
  `\\overset{\\text{def}}{=}`, `\\mathrel{:}=` are `=`.
- `\\text{RNN}(x_m, h_{m-1}) \\triangleq g(\\Theta h_{m-1} + x_m)` (Eisenstein's notes): a named function of
  the input and of one state at the step before is that state's new value, `h_m = g(...)`, where no other
  equation of the text defines it."""
from __future__ import annotations

from . import patterns as re  # re, with the package's patterns compiled ahead (read.patterns)
from .codelines import owners
from .webmath import lost_underscores

_SIGN = re.compile(r"\\(?:triangleq|coloneq|defeq|eqdef|equiv)(?![A-Za-z])|≜"
                   r"|\\(?:stackrel|overset)\s*\{[^{}\n]{0,30}(?:\{[^{}\n]{0,20}\}[^{}\n]{0,10})?\}\s*\{\s*=\s*\}"
                   r"|\\mathrel\s*\{\s*:\s*\}\s*=")
_STEP_DEF = re.compile(r"\\(?:text|textrm|mathrm|operatorname|rm)\s*\{\s*[A-Za-z]{2,}\s*\}\s*(?:\\left\s*)?\("
                       r"(?P<args>[^()=\n]{3,80})(?:\\right\s*)?\)\s*(?==)")
_LAGGED = re.compile(r"(?<![A-Za-z\\])(?P<name>[A-Za-z])\s*_\s*\{\s*(?P<step>[a-z])\s*-\s*1\s*\}")


def respelled(out: list[str], start: int, end: int, text: str, kind: str) -> None:
    """The region out[start:end] (of that kind, in `text`) with what this module and read.webmath respell."""
    if kind == "bare":
        owners(out, start, end)  # `z_t = torch.sigmoid(self.linear_z(x_t))`: self's own
    lost_underscores(out, start, end, text)
    definition_signs(out, start, end)
    step_definitions(out, start, end, text)


def definition_signs(out: list[str], start: int, end: int) -> None:
    """In out[start:end], each sign of a definition as `=` (then spaces)."""
    region = "".join(out[start:end])
    if "\\" not in region and "≜" not in region:
        return
    for m in _SIGN.finditer(region):
        out[start + m.start():start + m.end()] = ["="] + [" "] * (m.end() - m.start() - 1)


def step_definitions(out: list[str], start: int, end: int, text: str) -> None:
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
        if re.search(rf"(?<![A-Za-z\\]){name}\s*_\s*\{{?\s*{step}\s*\}}?\s*(?:=|\\triangleq|≜)", text):
            continue  # h_m = ... written too: the definition is no other equation
        new = f"{name}_{{{step}}}"
        out[start + m.start():start + m.end()] = list(new) + [" "] * (m.end() - m.start() - len(new))
