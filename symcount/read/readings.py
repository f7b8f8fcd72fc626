"""Cell -> Cell: the readings a careful reader makes before any shape is known, each said in a note
where it rests on a guess.

- entries: Cho et al.'s `r_j = \\sigma([W_r x]_j + ...)` is written for the j-th entry of each vector;
- restatements: an equation written again (in a list of symbols, say) is one equation;
- fonts: `\\mathbf{r}_t` and `r_t` in one cell are two symbols (never merged);
- time: a cell written at t+1 (`h_{t+1} = f(h_t)`), or with no time index at all (`h' = f(x, h)`,
  `c = f * c + i * g`: a signal read before it is defined is its previous value);
- updates: `h_t = W_{hr} h_t` after `h_t = ...` redefines h_t from its earlier value;
- letter functions: `g(W x_t)`, a lower-case letter right before a parenthesis, is a function.
"""
from __future__ import annotations

from ..errors import replace
from . import patterns as re  # re, with the package's patterns compiled ahead (read.patterns)

from . import nodes as N
from .cellwalk import apply, defined, forget, rename, right_nodes, symbols
from .choices import Choice, current, key, option
from .conjugates import conjugates as _conjugates
from .eitheror import either_or as _either_or
from .exponentials import exponentials as _exponentials
from .stepsums import step_sums as _step_sums, tree_nodes as _tree_nodes
from .chains import chain_names as _chain_names
from .definitions import off_by_default, supposed, functions_defined as _functions_defined, block_definitions as _block_definitions, generic_maps as _generic_maps, stacked_restatements as _stacked_restatements, variants as _variants
from .derivatives import continuous as _continuous, discretized as _discretized
from .operators import said_odot as _said_odot, concat_calls as _concat_calls, weighted_calls as _weighted_calls, weight_pairs as _weight_pairs, letter_o as _letter_o, oplus as _oplus
from .inplace import in_place_masks
from .signatures import maps_defined_after
from .gluednames import braced_subscripts as _braced_subscripts, glued_applications as _glued_applications, glued_products as _glued_products, glued_subscripts as _glued_subscripts, glued_to_own_name as _glued_to_own_name, two_letter_names as _two_letter_names
from .fonts import fonts as _fonts
from .glossary import activation_letters
from .arrows import unmarked_directions as _unmarked_directions, vector_arrows as _vector_arrows
from .losses import squared_losses
from .prosesizes import prose_sizes as _prose_sizes
from .laststep import final_states as _final_states, last_step_outputs as _last_step_outputs
from .wildcards import family_declarations as _family_declarations, listed_declarations as _listed_declarations, wildcard_declarations as _wildcard_declarations
from .sequences import sequence_declarations as _sequence_declarations
from .typos import case_slips as _case_slips, index_slips as _index_slips, gate_letter_slips as _gate_letter_slips, timed_biases as _timed_biases, timed_weights as _timed_weights, missing_plus as _missing_plus, typos as _typos, unused_gate_typos as _unused_gate_typos, renamed_gates as _renamed_gates
from .coefficients import applied_coefficients as _applied_coefficients
from .foreign import foreign_weights as _foreign_weights
from .phrases import phrases as _phrases
from .slices import slices as _slices
from .statements import remarks as _remarks
from .indexform import index_form as _index_form
from .unrolled import unrolled as _unrolled
from .namesakes import later_namesakes as _later_namesakes
from .layermarks import unmarked_layer_states as _unmarked_layer_states
from .gateslips import candidate_for_itself as _candidate_for_itself, primed_slips as _primed_slips, doubled_slips as _doubled_slips, stacked_pieces as _stacked_pieces
from .saidprojections import said_projections as _said_projections
from .variantcues import feedforward_apart, optional_outputs
from .droppedweight import unweighted_states
from .unnamedoutput import unnamed_outputs
from .outsidemath import outside_math
from .labelledlines import unread_code_gates
from .statedcount import size_formulas as _size_formulas
from .selective import loosely_stated_mamba as _loosely_stated_mamba
from .pastupdates import numeric_sequences as _numeric_sequences, past_updates as _past_updates, squared_signals as _squared_signals, untimed_namesakes as _untimed_namesakes
from .timewords import numbered_shared as _numbered_shared, output_shared as _output_shared, state_of_another_letter as _state_of_another_letter, own_direction as _own_direction, shared_directions as _shared_directions, shared_by_name as _shared_by_name, word_times as _word_times

_map, _symbols, _defined, _rename = apply, symbols, defined, rename
_SIZING = re.compile(r"\\(?:left|bigl?|Bigl?|biggl?|Biggl?)(?![A-Za-z])")
_SPACED_PAREN = re.compile(r"(\s*)(?:\\!\s*)?(\\(left|bigl?|Bigl?|biggl?|Biggl?)\s*)?\(")  # f\!\left(: \! sets a function's argument close


_LAYER = re.compile(r"(?:\^\{?\(?|_\{?(?:[^{}]*,)?)(?P<l>l|\\ell|k|n)(?P<prev>-1)?\)?\}?$")


def _layer_generic(cell: N.Cell, notes: list[str]) -> N.Cell:
    """h_t^{(l)} = \\phi(W^{(l)} h_t^{(l-1)} + ...), h_{t,l} = f(h_{t,l-1}, h_{t-1,l}), h^l_t: the
    equations of layer l of a stack. The layer below (h^{(l-1)}) is this layer's input; the layer's
    own names lose the layer index (h^{(l)} -> h, W_l -> W): the count is one layer's."""
    names = {s.name: s for s, _, _ in _symbols(cell)}  # (every side's symbols, in order: the last of each name)
    flat = {re.sub(r"[{}()]", "", name) for name in names} if any("-1" in n for n in names) else ()  # h_{l}, h_l; h^{(l)}, h^l
    below = next(((s, m.group("l")) for name, s in names.items() if "-1" in name for m in [_LAYER.search(name)]
                  if m and m.group("prev") and re.sub(r"[{}()]", "", name[:m.start("prev")] + name[m.end("prev"):]) in flat),
                 None)
    if below is None or (below[1] in ("n", "k") and not any(x.lag is not None for x in names.values())):
        return cell  # (h^{n-1} where nothing else carries a step: n counts the steps, not the layers)
    s, letter = below
    notes.append(f"{s.text} at {cell.source.where(s.span)} is the layer below: read as this layer's input; the "
                 f"count is one layer's (give the number of layers with --layers N)")
    mark = re.escape(letter) + r"(?![A-Za-z0-9-])"
    own = [(re.compile(r"\^\{?\(?" + mark + r"\)?\}?"), ""), (re.compile(r",\s*" + mark + r"(?=\})"), ""),
           (re.compile(r"(?<=\{)" + mark + r",\s*"), ""), (re.compile(r"_\{?" + mark + r"\}?"), "")]

    def strip(text: str) -> str:
        for pattern, by in own:
            text = pattern.sub(by, text)
        return text

    def fn(sym: N.Symbol, *_):
        m = _LAYER.search(sym.name)
        if m is None or m.group("l") != letter or m.group("prev") or strip(sym.name) in names:
            return sym  # a name the text also writes without the index (a readout W next to W^{(l)}) is kept
        return replace(sym, name=strip(sym.name), text=strip(sym.text))
    return _map(cell, fn)


_EXAMPLE = re.compile(r"\^\{\((?P<i>[a-z])\)\}")


def _example_index(cell: N.Cell, notes: list[str]) -> N.Cell:
    """x^{(i)<t>}, a^{(i)<t-1>} (Ng's course): the index of a training example, written on every signal
    at a step and on no weight, no layer's (no (i-1) anywhere): dropped from the names, with a note."""
    syms = _symbols(cell)
    if any(s.lag is not None and "^{(" not in s.name for s, _, _ in syms):
        return cell  # (a signal at a step without the index: the first one ends it, no list made)
    timed = [s for s, _, _ in syms if s.lag is not None]
    found = [_EXAMPLE.search(s.name) for s in timed] if all("^{(" in s.name for s in timed) else [None]  # (each holds ^{()
    if not timed or not all(found) or len({m.group("i") for m in found}) != 1:
        return cell
    i = found[0].group("i")
    text = cell.source.text
    if i in ("l", "k", "n") or any(f"({i}{d}1)" in text.replace(" ", "") for d in "-+"):
        return cell  # a layer's index: read.readings._layer_generic
    mark = "^{(" + i + ")}"
    names = {s.name for s, _, _ in syms}
    timed_names = {t.name for t in timed}
    if any(mark in s.name for s, _, _ in syms if s.lag is None and s.name not in timed_names) \
            or any(s.name.replace(mark, "") in names for s in timed):
        return cell  # on a weight too, or a name the text also writes without it
    first = timed[0]
    notes.append(f"^{{({i})}} at {cell.source.where(first.span)} is on every signal at a step and on no weight: the "
                 "index of an example, not of a symbol; read without it")

    def fn(sym: N.Symbol, *_):
        return replace(sym, name=sym.name.replace(mark, ""), text=sym.text.replace(mark, "")) if mark in sym.name else sym
    return _map(cell, fn)


def readings(cell: N.Cell) -> N.Cell:
    notes: list[str] = list(cell.notes)
    try:
        for step in (outside_math, _slices, in_place_masks, maps_defined_after, _wildcard_declarations, _listed_declarations, _family_declarations, _sequence_declarations, _phrases, _said_projections, _functions_defined, _either_or, _size_formulas, _exponentials, _tree_nodes, _step_sums, _unrolled, _example_index, _layer_generic, _unmarked_layer_states, _said_odot, _oplus, _letter_o, _concat_calls, _weighted_calls, _weight_pairs, _conjugates, _vector_arrows, _unmarked_directions, _typos, _doubled_slips, _stacked_pieces, _timed_weights, _prose_sizes, _components, _index_form, _word_times, _two_letter_names, _glued_to_own_name, _glued_applications, _braced_subscripts, _glued_subscripts, _glued_products, _case_slips, _index_slips, _timed_biases, _missing_plus, _restatements, _stacked_restatements, _fonts, _remarks, _past_updates, _numeric_sequences, _untimed_namesakes, _later_namesakes, feedforward_apart, squared_losses, _squared_signals, _final_states, _last_step_outputs, _block_definitions, _generic_maps, _discretized, _continuous, _time_shift,
                     _cell_form, _updates, optional_outputs, _variants, _own_direction, _shared_directions, _letter_functions, _applied_coefficients, _shared_by_name, _numbered_shared, _output_shared, _state_of_another_letter, _foreign_weights, _chain_names, _reassociate, _unused_gate_typos, _candidate_for_itself, _primed_slips, _gate_letter_slips, _renamed_gates, _loosely_stated_mamba, unweighted_states, unnamed_outputs, unread_code_gates):
            cell = step(cell, notes)
    finally:
        forget()  # keep no cell alive after the reading
    return replace(cell, notes=tuple(notes))


def _components(cell: N.Cell, notes: list[str]) -> N.Cell:
    if not cell.components:
        return cell
    letters = set(cell.components)
    notes.append(f"[...]_{'/'.join(sorted(letters))}: the equations are written for one entry of each vector; "
                 "read as the vectors")

    def fn(s: N.Symbol, *_):
        name, text = s.name, s.text
        for j in letters:
            name, text = _rename(name, drop_sub=j), _rename(text, drop_sub=j)
        return s if name == s.name else replace(s, name=name, text=text)
    return _map(cell, fn)


def _restatements(cell: N.Cell, notes: list[str]) -> N.Cell:
    """An equation written twice (in the display and again in a list) is one equation."""
    if len(cell.equations) < 2:
        return cell
    seen, kept, table, lefts = set(), [], {}, set()
    for eq in cell.equations:
        left = N.key(eq.lhs, table)
        if left not in lefts:  # a left side not met before: no restatement (the right side keyed only when it may be)
            lefts.add(left)
            seen.add((left, None))
            kept.append(eq)
            continue
        k = (left, N.key(eq.rhs, table))
        if k not in seen:
            seen.add(k)
            kept.append(eq)
    return cell if len(kept) == len(cell.equations) else replace(cell, equations=tuple(kept))


def _time_shift(cell: N.Cell, notes: list[str]) -> N.Cell:
    """h_{t+1} = f(x_t, h_t): a signal defined at t+k is read at t+k - 1 as its previous value."""
    shift = {}
    for s, _, left in _symbols(cell):
        if left and s.lag is not None and s.lag < 0:
            shift.setdefault(s.name, s.lag)
    if not shift:
        return cell
    cell, shift = _outputs_named_as_input(cell, shift, notes)
    if not shift:
        return cell
    first = next(s for s, _, left in _symbols(cell) if left and s.name in shift)
    notes.append(f"{first.text} at {cell.source.where(first.span)} is defined at a later time than t: "
                 f"read as the new state, and {first.name} at the earlier times as its previous values")
    return _map(cell, lambda s, i, left: replace(s, lag=s.lag - shift[s.name])
                if s.name in shift and s.lag is not None else s)


_INPUT_LETTERS = frozenset("x u X U".split())  # h_{t+1} = o_t \odot \tanh(c_{t+1}): the state, as ever


_NEXT_INPUT = re.compile(r"\b(?:data\s+(?:is|are)\s+generated\s+by|generative\s+model|predicts?\s+(?:the\s+)?next\s+(?:input|element|"
                         r"item|token|value|frame))\b", re.I)
_UNLIKE = re.compile(r"\b(?:unlike|instead\s+of|rather\s+than|in\s+contrast)\b", re.I)


def _outputs_named_as_input(cell: N.Cell, shift: dict, notes: list[str]) -> tuple[N.Cell, dict]:
    """x_{k+1} = V h_k + b where x_k, the input's letter, is read at the step and no equation reads
    x_{k+1} from x itself: the next input fed back (a state) or an output that the text names after the
    input (its own size), a choice; as an output it is renamed x_{out}, with a note."""
    reader, outputs = current(), {}
    read = {x.name for x, _, left in _symbols(cell) if x.lag == 0 and not left and x.name in _INPUT_LETTERS}
    for eq in cell.equations:
        s = eq.lhs
        if not isinstance(s, N.Symbol) or s.name not in shift or s.name in outputs or s.name not in _INPUT_LETTERS:
            continue
        own = any(isinstance(n, N.Symbol) and n.name == s.name for n in N.walk(eq.rhs))
        if own or s.name not in read:
            continue
        where = cell.source.where(s.span)
        cue = _NEXT_INPUT.search(cell.prose)
        if cue and not _UNLIKE.search(cell.prose[max(0, cell.prose.rfind(".", 0, cue.start())):cue.end()]):  # "the data is generated by", "predicts the next x": the next x, x's size
            notes.append(f"{s.text} at {where} reads as the next {s.name}, of {s.name}'s size (the text models or predicts "
                         f"the sequence of {s.name})")
            continue
        if reader.pick(Choice(key(s.text), ("state", "output"), where,
                              f"{s.text} the next {s.name} fed back, or an output named after {s.name}")) == "output":
            outputs[s.name] = f"{s.name}_{{out}}"
            notes.append(f"{s.text} at {where} reads as an output of its own size, {outputs[s.name]}")
    if not outputs:
        return cell, shift
    renamed = _map(cell, lambda x, i, left: replace(x, name=outputs[x.name], lag=0)
                   if x.name in outputs and x.lag is not None and x.lag < 0 else x)
    return renamed, {n: lag for n, lag in shift.items() if n not in outputs}


def _cell_form(cell: N.Cell, notes: list[str]) -> N.Cell:
    """No time index anywhere (h' = f(x, h) or c = f * c + i * g, as LSTMCell and GRUCell docs
    write it): a primed left side is the next value of the unprimed letter, and a signal read in
    or before its own equation is its previous value."""
    if any(s.lag is not None for s, _, _ in _symbols(cell)):
        return cell
    defined = _defined(cell)
    used = {s.name for s, _, left in _symbols(cell) if not left}
    primes = {n: n.replace("'", "", 1) for n in defined if "'" in n and n.replace("'", "", 1) in used
              and n.replace("'", "", 1) not in defined}
    order = {primes.get(n, n): i for n, i in defined.items()}
    recurrent: set[str] = set()

    def fn(s: N.Symbol, i, left):
        name = primes.get(s.name, s.name)
        if i is None or name not in order:
            return replace(s, name=name) if name != s.name else s
        if left:
            return replace(s, name=name, lag=0)
        previous = s.name in primes.values() or i <= order[name]
        if previous:
            recurrent.add(name)
        return replace(s, name=name, lag=1 if previous else 0)
    out = _map(cell, fn)
    if recurrent:
        shown = ", ".join(f"{n}'" if n in primes.values() else n for n in sorted(recurrent))
        notes.append(f"no time index: read as one step of the cell, with {', '.join(sorted(recurrent))} "
                     f"the state carried between steps ({shown} on the left is its new value)")
    return out


def _updates(cell: N.Cell, notes: list[str]) -> N.Cell:
    """h_t = W_{hr} h_t after h_t = o_t \\odot \\tanh(c_t): the second equation redefines h_t from its
    earlier value (an update, as torch's LSTM documentation writes its projection). The earlier
    value becomes \\check{h}_t."""
    first: dict[str, int] = {}
    drop: set[int] = set()  # an update supposed by the sentence before it, read as left out
    renames: dict[tuple[str, int], tuple[int, int]] = {}  # (name, first def) -> (first def, update)
    for i, eq in enumerate(cell.equations):
        if isinstance(eq.lhs, N.Concat):  # [i_t; f_t] = gates, then i_t = \\sigma(i_t): each piece updated
            first.update({x.name: i for x in eq.lhs.items if isinstance(x, N.Symbol) and x.lag in (None, 0)})
        if not isinstance(eq.lhs, N.Symbol) or eq.lhs.lag not in (None, 0):
            continue
        n = eq.lhs.name
        if n in first and any(isinstance(x, N.Symbol) and x.name == n and x.lag == eq.lhs.lag for x in N.walk(eq.rhs)):
            before = cell.equations[i - 1] if i else None
            off = off_by_default(cell, before, eq) if supposed(cell, before, eq) else None
            if off and current().settled_as("optional-step", ("included", "left-out")) is None:
                notes.append(f"{' '.join(cell.source.slice(eq.span).split())} at {cell.source.where(eq.span)} is a step the "
                             f"text takes only if {off[0]} is set, {off[1]} by default: left out "
                             "(--read optional-step=included counts it)")
                drop.add(i)
                continue
            if supposed(cell, before, eq) and current().pick(Choice(
                    "optional-step", ("included", "left-out"), cell.source.where(eq.span),
                    f"whether the step {' '.join(cell.source.slice(eq.span).split())}, which the sentence before it "
                    "supposes (if ...), is part of the cell", whole=True)) == "left-out":
                drop.add(i)
                continue
            renames[(n, first[n])] = (first[n], i)
            notes.append(f"{eq.lhs.text} at {cell.source.where(eq.lhs.span)} defines {eq.lhs.text} again from its "
                         f"earlier value: read as an update (the earlier value is shown as \\check{{{n}}})")
        first[n] = i
    if drop:
        cell = replace(cell, equations=tuple(eq for i, eq in enumerate(cell.equations) if i not in drop))
    if not renames:
        return cell
    spans = {n: (a - sum(1 for d in drop if d < a), b - sum(1 for d in drop if d < b))  # (indices after the drop)
             for (n, _), (a, b) in renames.items()}

    def fn(s: N.Symbol, i, left):
        if i is None or s.name not in spans or s.lag not in (None, 0):
            return s
        a, b = spans[s.name]
        if (left and i == a) or (not left and a < i <= b):
            check = lambda c: f"\\check{{{c}}}"  # noqa: E731
            return replace(s, name=_rename(s.name, check), text=_rename(s.text, check))
        return s
    return _map(cell, fn)


def _letter_functions(cell: N.Cell, notes: list[str]) -> N.Cell:
    """g(W x_t): a lower-case letter (or \\sigma-like letter with a subscript, f_c) written right
    before a parenthesis, that is no signal and no declared weight, is a function. A signal's letter is no function,
    unless the prose says it is one ("f, g, h - are activation functions"): then f without a time index."""
    said = activation_letters(cell.prose)
    signals = ({s.name for s, _, _ in _symbols(cell) if s.lag is not None} | set(_defined(cell))) - said
    declared = {s.name for d in cell.declarations for s in d.symbols}
    letters = {name[0] for name in signals if name[:1].isalpha()}
    text, found = cell.source.text, {}  # (found: name -> the first N.Symbol applied)
    weights, reader, operands = [], current(), _operands(cell, cell.source.text)  # (weights: _in_a_family's, u_z * h, u_r * h)

    def letter(n) -> bool:
        if reader.settled and isinstance(n, N.Symbol) and reader.settled_as(key(n.name), ("matrix",)):
            reader.pick(Choice(key(n.name), ("function", "matrix"), cell.source.where(n.span),
                               f"{n.name}(...) a function or a matrix"), ambiguous=False)
            return False
        if isinstance(n, N.Symbol) and n.lag is None and (_CAPITAL_FUNCTION.fullmatch(n.name) or n.name in said and n.name[:1].isupper()) and not n.font \
                and n.name not in signals and n.name not in declared:
            return text.startswith("(", n.span.end)  # G(s[n]): a capital against its parenthesis (see one)
        if _marked(n, said, declared):
            return _SPACED_PAREN.match(text, n.span.end) is not None  # f^{(hidden)}(...) where "activation function: f"
        if not (isinstance(n, N.Symbol) and n.lag is None
                and _LETTER_NAME.fullmatch(n.name) is not None and n.name not in signals and n.name not in declared and (not n.font or n.name[:1].islower())):
            return False
        if _SPACED_PAREN.match(text, n.span.end) is None or (n.name in operands and n.name not in said):
            return False  # (_before_paren's first test, asked first: its family's weights then only where it may be)
        if n.name in said:  # "g_1, g_2 activation functions": g_1 (...)
            return True
        return ("_" not in n.name or not _in_a_family(cell, n.name, signals, weights)) and _before_paren(cell, n, letters)

    def next_to(left, right) -> bool:  # (f \left( ...: the sizing command is the parenthesis's)
        return not _SIZING.sub("", text[left.span.end:right.span.start].replace("\\!", "")).strip()

    if not any(letter(x) for x in right_nodes(cell, N.Symbol)):
        return cell  # no letter before a parenthesis: nothing to rewrite

    def one(n, new):
        if isinstance(n, N.Binary) and n.op == "matmul" and not n.explicit and letter(n.left) \
                and next_to(n.left, n.right) and (not n.left.name[0].isupper() or n.left.name in said or _one_signal(n.right)):
            found.setdefault(n.left.name, n.left)
            return N.Apply(n.left.text, new(n.right), n.span)
        if isinstance(n, N.Binary) and n.op == "matmul" and not n.explicit and isinstance(n.left, N.Binary) \
                and n.left.op == "matmul" and not n.left.explicit and letter(n.left.right) \
                and next_to(n.left.right, n.right):  # W d(h): W times d(h)
            g = n.left.right
            found.setdefault(g.name, g)
            inner = N.Apply(g.text, new(n.right), N.Span(g.span.start, n.span.end))
            return N.Binary("matmul", new(n.left.left), inner, n.span)
        return None

    def rewrite(node):
        return N.rewrite(node, one)
    eqs = tuple(replace(eq, rhs=rewrite(eq.rhs), also=tuple(rewrite(x) for x in eq.also)) for eq in cell.equations)
    for name, s in found.items():
        reader.pick(Choice(key(name), ("function", "matrix"), cell.source.where(s.span),
                           f"{name}(...) a function or a matrix"), ambiguous=False)
        notes.append(f"{name}(...) at {cell.source.where(s.span)} reads as a function {name} with no parameters; "
                     f"if {name} is a weight, add {option(key(name), 'matrix')} or declare its shape")
    return replace(cell, equations=eqs) if found else cell


def _operands(cell: N.Cell, text: str) -> set[str]:
    """The names written as an operand somewhere, not before a parenthesis: in (1-\\alpha)x_t + \\alpha(W x_t + b), \\alpha
    scales a group (no function)."""
    return {x.name for x in right_nodes(cell, N.Symbol) if x.lag is None and _SPACED_PAREN.match(text, x.span.end) is None}


def _marked(n, said, declared) -> bool:
    """f^{(hidden)}, f^{(out)}: a letter the prose calls an activation function, with a superscript that marks its use."""
    return isinstance(n, N.Symbol) and n.lag is None and "^" in n.name and n.name.split("^")[0] in said and n.name not in declared


def _in_a_family(cell: N.Cell, name: str, signals: set, weights: list) -> bool:
    """Whether a subscripted name is of a family of weights (u_h beside u_z * h and u_r * h: a weight, not a
    function), the families found once for the cell when first asked (kept in `weights`)."""
    if not weights:
        weights.append(_weight_letters(cell, signals))
    return name.split("_")[0] in weights[0]


def _weight_letters(cell: N.Cell, signals: set) -> set[str]:
    """The letters whose subscripted names multiply a signal, not in parentheses, under two names or more
    (`u_z * h_{t-1}`, `u_r * h_{t-1}`; not `f_i(x_t)`, `f_h(h_{t-1})`): a family of weights."""
    seen: dict[str, set] = {}
    for eq in cell.equations:
        for n in N.walk(eq.rhs):
            if isinstance(n, N.Binary) and n.op in ("matmul", "star") and isinstance(n.left, N.Symbol) \
                    and "_" in n.left.name and isinstance(n.right, N.Symbol) and n.right.name in signals \
                    and not cell.source.text[n.left.span.end:n.left.span.end + 8].lstrip().startswith(("(", "\\left", "\\big")):
                seen.setdefault(n.left.name.split("_")[0], set()).add(n.left.name)
    return {k for k, names in seen.items() if len(names) >= 2}


_LETTER_NAME = re.compile(r"([a-z]|\\[A-Za-z]+)'{0,2}(_(\{[A-Za-z0-9]+\}|[A-Za-z0-9]))?'{0,2}")  # g, \phi, f_c, g_{1}, e': a function's name
# a capital letter that names a function where it is written against a parenthesis around one signal: G(s[n])
# (not the letters of weights and of state-space matrices: W(x_t) is a product)
_CAPITAL_FUNCTION = re.compile(r"[EFGHJLNOPSTYZ]")


def _one_signal(n) -> bool:
    return isinstance(n, N.Symbol) and n.lag is not None


_ACTIVATION_SAID = re.compile(r"\bactivation\b|\bnon-?linear", re.I)
# "$h$", "a learned scalar h" named in the prose: a symbol of its own (a matrix, a gain, a step)
_H_ALONE = re.compile(r"\$\s*h\s*\$|\b(?:scalar|gain|matrix)\s+h\b")


def _before_paren(cell: N.Cell, n: N.Symbol, letters: set[str]) -> bool:
    """Whether the letter n, written before a parenthesis, reads as a function: right before it, or
    with a space between when it is named after a signal (g_a \\left( ... for a_t), then a choice
    (a matrix times a group reads as well); \\zeta (1 - z_t), c (x + y): a coefficient times a group."""
    paren = _SPACED_PAREN.match(cell.source.text, n.span.end)
    if paren is None:
        return False
    if not paren.group(1):
        return True
    if (n.name in ("\\Phi", "\\Psi", "f", "g") or n.name == "h" and "h" not in letters and _ACTIVATION_SAID.search(cell.prose)
            and not _H_ALONE.search(cell.prose)) and paren.group(2):  # \Phi \left(, f \left(: an activation, typeset (h too, where no signal is h)
        return current().pick(Choice(key(n.name), ("function", "matrix"), cell.source.where(n.span),
                                     f"{n.name} (...) a function or a matrix"), ambiguous=False) == "function"
    sub = re.fullmatch(r"[a-z]_\{?([A-Za-z])\}?", n.name)
    if sub is None or sub.group(1) not in letters:
        return False
    return current().pick(Choice(key(n.name), ("function", "matrix"), cell.source.where(n.span),
                                 f"{n.name} (...) a function or a matrix"), ambiguous=False) == "function"


def _reassociate(cell: N.Cell, notes: list[str]) -> N.Cell:
    """z \\cdot W_h \\cdot x_t: a weight applies to the vector after it before the product with the
    vector before it, z \\cdot (W_h \\cdot x_t) (left to right, z \\cdot W_h would be a row product)."""
    if not any(n.op == "matmul" and isinstance(n.left, N.Binary) and n.left.op == "matmul" for n in right_nodes(cell, N.Binary)):
        return cell  # no product of three factors: nothing to re-associate
    signals = {s.name for s, _, _ in _symbols(cell) if s.lag is not None} | set(_defined(cell))
    with_signal: set[int] = set()  # ids of the nodes that hold a signal, found once per equation

    def has_signal(n) -> bool:
        return id(n) in with_signal

    def weight(n) -> bool:
        n = n.arg if isinstance(n, N.Transpose) else n
        return isinstance(n, N.Symbol) and n.name not in signals and n.lag is None

    def rewrite(node):
        with_signal.clear()
        with_signal.update(N.containing(node, lambda x: isinstance(x, N.Symbol) and x.name in signals))
        changed = False

        def one(n, new):
            nonlocal changed
            if (isinstance(n, N.Binary) and n.op == "matmul" and isinstance(n.left, N.Binary)
                    and n.left.op == "matmul" and has_signal(n.left.left) and weight(n.left.right)
                    and has_signal(n.right) and not isinstance(n.left.left, N.Transpose)):
                a, b, c = new(n.left.left), new(n.left.right), new(n.right)
                inner = N.Binary("matmul", b, c, N.Span(b.span.start, c.span.end), n.explicit)
                changed = True
                return N.Binary("matmul", a, inner, n.span, n.left.explicit)
            return None
        out = N.rewrite(node, one)
        return out if changed else node
    eqs = tuple(replace(eq, rhs=rewrite(eq.rhs), also=tuple(rewrite(x) for x in eq.also)) for eq in cell.equations)
    return replace(cell, equations=eqs)
