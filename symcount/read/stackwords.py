"""A number of stacked layers the prose states ("each model stacks two recurrent layers", "a 2-layer LSTM", "two
stacked GRU layers") beside equations that write one layer: which is counted, the layer the equations write or the
stack the prose says, is a reading the text leaves open (measure.stack.stated_stack settles it or refuses)."""
from __future__ import annotations

from . import patterns as re  # re, with the package's patterns compiled ahead (read.patterns)

_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
_N = r"(?:two|three|four|five|six|[2-6])"
_KIND = r"(?:recurrent|RNN|LSTM|GRU|BiLSTM|BiGRU|Elman|hidden)"
_STATED = re.compile(rf"\bstack(?:s|ed|ing)?\s+(?:of\s+)?(?P<a>{_N})\s+(?:(?:{_KIND}|stacked)\s+){{0,2}}layers\b"
                     rf"|\b(?P<b>{_N})[- ]layers?\s+(?:(?:stacked|deep|unidirectional)\s+)?{_KIND}\b"
                     rf"|\b(?P<c>{_N})\s+stacked\s+(?:{_KIND}\s+)?layers\b", re.I)
# a layer index on a signal (h^{(1)}_t, h_t^{(l)}, h^{l-1}): the equations write the layers themselves
_LAYER_MARK = re.compile(r"\^\{?\s*\(?\s*(?:\d|l\b|\\ell|L\b)")


# a signal at a step with a layer's number, `h_t^{(1)}`, `h^{(2)}_{t-1}`: the text's own stack, written apart
_NUMBERED_LAYER = re.compile(r"(?<![A-Za-z\\])[A-Za-z](?:_\{?t(?:-1)?\}?\^\{\((?P<a>[1-6])\)\}|\^\{\((?P<b>[1-6])\)\}_\{?t(?:-1)?\}?)")


# `h_t^{(2)}=f(h_t^{(1)},h_{t-1}^{(2)})`: the second layer's state computed from the first's at the same step
_FED = re.compile(r"[A-Za-z](?:_\{?t\}?\^\{\(2\)\}|\^\{\(2\)\}_\{?t\}?)\s*=[^=\n$]*?[A-Za-z](?:_\{?t\}?\^\{\(1\)\}|\^\{\(1\)\}_\{?t\}?)")


def stated_stack(text: str) -> tuple[int, int] | None:
    """(the number of layers, the offset of its words) where the text states one stack of two layers or more (in words,
    or by a signal written at layers 1 and 2, `h_t^{(1)}` and `h_t^{(2)}`, where the equations counted write none);
    None where it states none, or states different numbers (no one stack is said)."""
    if "^{(" in text:
        found = {int(m.group("a") or m.group("b")): m.start() for m in _NUMBERED_LAYER.finditer(text)}
        fed = _FED.search(text) if {1, 2} <= set(found) else None  # (layer 2 computed from layer 1: a stack, no pair)
        if fed and set(found) == set(range(1, max(found) + 1)):
            return max(found), fed.start()
    if "layer" not in text.lower():
        return None
    found = [(int(n) if n.isdigit() else _WORDS[n.lower()], m.start())
             for m in _STATED.finditer(text) for n in [m.group("a") or m.group("b") or m.group("c")]]
    return found[0] if found and len({n for n, _ in found}) == 1 else None


def layers_written(signal_names) -> bool:
    """Whether the equations write their layers apart (a signal with a layer index)."""
    return any(_LAYER_MARK.search(name) for name in signal_names)
