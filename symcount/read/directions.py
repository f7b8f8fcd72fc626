"""The two directions of a bidirectional cell as names write them (h^f and h^b, \\overrightarrow{h}):
which direction a name marks, and a stack's count of equations that already write both. Cheap to
import: the cached path of the command line asks it of a summary."""
from __future__ import annotations

from . import patterns as re  # re, with the package's patterns compiled ahead (read.patterns)

from ..errors import UsageError, replace
from .names import NAME

WRITTEN_DIRECTIONS = "the equations write both directions (h^f and h^b): bidirectional counts them once, as written"
_FORWARD = frozenset("f fw fwd forward \\rightarrow \\to".split())
_BACKWARD = frozenset("b bw bwd backward \\leftarrow \\gets".split())
_FORWARD_WORDS = frozenset("fw fwd forward fwrd".split())  # (as a subscript: a word, never h_f, the forget gate's)
_BACKWARD_WORDS = frozenset("bw bwd backward bwrd".split())
_ARROW = re.compile(r"^\\over(right|left)arrow\{([^{}]*)\}$")


def direction(name: str) -> tuple[str, str] | None:
    """h^f -> ("h", "forward"), h^{(b)} -> ("h", "backward"), \\overrightarrow{h} -> ("h", "forward"),
    h_{forward} -> ("h", "forward");
    None for a name without a direction mark."""
    m = _ARROW.match(name)
    if m:
        return m.group(2), "forward" if m.group(1) == "right" else "backward"
    m = NAME.match(name)
    sups = m.group("sups") or ""
    if not sups and m.group("sub"):  # h_{forward}, h_{bw}: a word for the direction as the subscript
        mark = m.group("sub")[1:].strip("{}").strip()
        side = "forward" if mark in _FORWARD_WORDS else "backward" if mark in _BACKWARD_WORDS else None
        return (m.group("core"), side) if side else None
    if not sups or m.group("sub") or sups.count("^") != 1:
        return None
    mark = sups[1:].strip("{}").strip("()").strip()
    side = "forward" if mark in _FORWARD else "backward" if mark in _BACKWARD else None
    return (m.group("core"), side) if side else None


def directions_in(names) -> bool:
    """Some letter among `names` has both a forward and a backward variant (h^f and h^b)."""
    sides: dict[str, set[str]] = {}
    for name in names:
        if "^" not in name and "w" not in name and "\\over" not in name:
            continue  # (no superscript, no arrow, none of the words fw, bwd, forward...: no direction, no pattern tried)
        d = direction(name)
        if d:
            sides.setdefault(d[0], set()).add(d[1])
    return any(len(s) == 2 for s in sides.values())


def count_once(bidirectional: bool, found):
    """(bidirectional, found) for a stack of `found` (a cell's shapes or its summary): equations that
    write both directions (h^f_t and h^b_t) are the bidirectional cell already, counted once, with a
    note."""
    if not bidirectional:
        return bidirectional, found
    if directions_in(s.name for s in found.signals):
        return False, replace(found, notes=tuple(found.notes) + (WRITTEN_DIRECTIONS,))
    params = found.params if hasattr(found, "params") else found.parameters  # (shapes, or a summary)
    names = [p["name"] if isinstance(p, dict) else p.name for p in params]
    layers = _layers_made(names)
    if layers and any(not both for both in layers.values()) and (len(layers) > 1 or any(layers.values())):
        raise UsageError("--bidirectional: the text's calls make " + (
            "a bidirectional layer and a one-direction layer" if any(layers.values()) else f"{len(layers)} stacked layers")
            + ", and a second direction would change what the layers above read", hint="write the directions in the calls "
            "(Bidirectional(...), bidirectional=True), or leave --bidirectional out")
    if _listed_directions(names):
        return False, replace(found, notes=tuple(found.notes) + (LISTED_DIRECTIONS,))
    return bidirectional, found


def _layers_made(names) -> dict[str, bool]:
    """The layers a framework's calls make (read.layercalls names their tensors as the framework does: Keras's
    [forward_|backward_]lstm_1.kernel, torch's weight_ih_l1[_reverse]), each with whether it has both directions."""
    names = set(names)
    layers: dict[str, bool] = {}
    for n in names:
        m = re.fullmatch(r"(?:forward_|backward_)?(\w+)\.recurrent_kernel|weight_hh(_l\d+)?(_reverse)?", n)
        if m is None:
            continue
        key = m.group(1) or m.group(2) or ""
        both = (f"forward_{key}.recurrent_kernel" in names and f"backward_{key}.recurrent_kernel" in names) if m.group(1) \
            else f"weight_hh{key}_reverse" in names
        layers[key] = both
    return layers


LISTED_DIRECTIONS = ("the parameters listed are both directions' (backward_..., ..._reverse): bidirectional counts them "
                     "once, as listed")


def _listed_directions(names) -> bool:
    """A listing that has both directions' tensors, as Keras's Bidirectional (forward_..., backward_...) or torch's
    bidirectional=True (weight_ih_l0, weight_ih_l0_reverse) names them."""
    names = set(names)
    return any((n.startswith("backward_") and "forward_" + n[9:] in names) or (n.endswith("_reverse") and n[:-8] in names)
               for n in names)


_LAYERS_ARG = re.compile(r"^[ \t]*(?:(?://+!?|#+)[ \t]*)?(?:[-*•][ \t]+)?(?::param[ \t]+(?:int[ \t]+)?)?[`*]*(?P<name>num_layers|n_layers|nlayers|num_layer|layers)[`*]*"
                         r"(?:[ \t]*\([^()\n]*\))?[ \t]*[:–—-][ \t]*"  # (in a doc comment's list: `/// * `num_layers` — number of ...`)
                         r"(?:the[ \t]+)?number[ \t]+of[ \t]+(?:(?:recurrent|stacked|RNN|LSTM|GRU)[ \t]+){0,2}layers\b"
                         r"(?P<rest>(?:[^\n]*\n(?![ \t]*[`*]*\w+[`*]*(?:[ \t]*\([^()\n]*\))?[ \t]*:))*[^\n]*)", re.M | re.I)


def layers_said(found, text: str, name: str):
    """`found` (a cell's shapes) with a note where the text documents a number of stacked layers as an argument
    (`num_layers: Number of recurrent layers. ... Default: 1`): the count is the layers asked for (one unless
    --layers says)."""
    m = _LAYERS_ARG.search(text) if "layers" in text else None
    if m is None:
        return found
    line = text.count("\n", 0, m.start("name")) + 1
    column = m.start("name") - (text.rfind("\n", 0, m.start("name")) + 1) + 1
    default = re.search(r"Default(?:s to)?[:\s]+`*(\d+)", m.group("rest")) or re.search(
        rf"\b{m.group('name')}\s*(?::\s*int\s*)?=\s*(\d+)\s*[,)\n]", text)  # (the signature's `num_layers: int = 1`)
    said = f"{default.group(1)} by default" if default else "left to the reader"
    note = (f"{m.group('name')} at {name}:{line}:{column} is a number of stacked layers ({said}): the total is for the "
            "layers asked, one unless --layers N says N")
    return replace(found, notes=tuple(found.notes) + (note,))
