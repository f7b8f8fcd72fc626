"""The count a text states for its own cell: `$$\\text{MGU Parameters} = 2h(h + d + 1)$$`,
`**Total parameters:** $3H(H+V) + VH + 3H + V$`, `Total: 4 conjuntos de pesos (4 * (d*h + h*h + h))`:
formulas of sizes in a sentence that speaks of parameters, read by the grammar (never evaluated).
measure.stated compares them with the count the equations give: a count that equals one, under one
naming of its sizes, names them as the text does; among readings that disagree, those that give it
are the ones counted. Step of read.parse. And such a count written as an equation (`N_{gates} = 3h(h + d + 1)`,
`\\text{Params}_{GRU} = 3 \\times [h (d + h + 1)]`), set aside (size_formulas, a step of read.readings)."""
from __future__ import annotations

from . import nodes as N
from . import patterns as re  # re, with the package's patterns compiled ahead (read.patterns)
from ..errors import replace
from .source import Source, Span

MAX_STATED = 8  # formulas kept: a text that states more is a table of counts, not its own
MAX_SENTENCES = 64  # sentences that speak of parameters read for a formula

# a sentence that speaks of parameters, in the languages the corpus has
_COUNT_WORD = re.compile(r"param|парамет|参数|參數|パラメータ|매개변수|\btotal\b|\bweights\b|\bpesos\b|\bpoids\b|gewichte|权重|重み", re.I)
_COUNT_ASCII = ("param", "total", "weights", "pesos", "poids", "gewichte")  # _COUNT_WORD's ASCII words
_PARAMETERS = re.compile(r"param|парамет|参数|參數|パラメータ|매개변수", re.I)  # (a count no reading gives is noted only here)
_CONTRAST = re.compile(r"\b(?:compare[sd]?|compared|comparison|contrast|versus|vs\.?|unlike|than|instead|whereas|while)\b"
                       r"|相比|比较|对比|より|보다", re.I)
# a sentence that names a cell: its count may be that cell's (it names the sizes where it is the count, never picks)
_CELL_NAME = re.compile(r"(?<![A-Za-z])(?:[a-z]?(?:LSTM|GRU|RNN|MGU|SRU|QRNN|LRU|GLA|HGRN)s?|IndRNN|UGRNN|Transformer|Mamba|RWKV"
                        r"|DeltaNet|minGRU|minLSTM|CfC|LTC|Elman|Jordan)(?![A-Za-z])")
# a count of the whole cell ("Total: ...", "the total number of parameters"), not of a part: only such picks
_TOTAL = re.compile(r"\btotal\b|\bin\s+all\b|\baltogether\b|insgesamt|au\s+total|en\s+total|合计|总|全部|合計|総", re.I)
_MATH = re.compile(r"\$\$(.+?)\$\$|\$([^$\n]+)\$|\\\[(.+?)\\\]|\\\((.+?)\\\)", re.S)
# plain text's formula: sizes, numbers, products and sums (4 * (d*h + h*h + h)); words of three letters or more are prose
_PLAIN = re.compile(r"[0-9A-Za-z_(][0-9A-Za-z_{}()+*×·^²³ \t-]*[0-9A-Za-z_})²³]")
_PROSE_WORD = re.compile(r"(?<![\w\\{])[A-Za-z]{3,}(?![\w{])")
_OPERATOR = re.compile(r"[+*×·]|\\times|\\cdot|[A-Za-z0-9}]\s*\(|\d\s*[A-Za-z]|\^")
_TOP_EQUALS = re.compile(r"(?<![<>!\\])=(?!=)")
_LAYOUT = re.compile(r"\\(?:left|right|[,;:!]|q?quad|displaystyle|blacksquare|qed|nonumber|notag)(?![A-Za-z])|&|\\\\"
                     r"|\\(?:begin|end)\s*\{[A-Za-z*]+\}|^\s*>[ \t]?", re.M)
# what makes a side no formula of sizes: words, a time index, a set, an approximation, an order of growth
_NOT_SIZES = re.compile(r"\\(?:text|mathrm|operatorname|mathbf|in|approx|sim|mathcal|sigma|tanh|sum|frac|sqrt)(?![A-Za-z])"
                        r"|_\{?\s*t\b|\bO\s*\(|[≈∼~∈]|\\ldots|\.\.\.")


def with_stated(cell: N.Cell, read) -> N.Cell:
    """The cell with the counts its text states (not a formula of signals at a step: `C x_k + D u_k`)."""
    stated = stated_counts(cell.source.text, cell.source, read)
    if not stated:
        return cell
    timed = {x.name for eq in cell.equations for side in (eq.lhs, eq.rhs) + eq.also for x in N.walk(side)
             if isinstance(x, N.Symbol) and x.lag is not None}
    stated = tuple(s for s in stated if not any(isinstance(x, N.Symbol) and _AT_STEP.sub("", x.name) in timed
                                                and x.name not in timed for x in N.walk(s.formula)))
    last = max((eq.span.end for eq in cell.equations), default=-_NEAR)
    stated = tuple(replace(s, picks=s.picks and s.span.start - last <= _NEAR) for s in stated)  # (right after them)
    return replace(cell, stated=stated) if stated else cell


_NEAR = 200  # characters after the last equation where a stated count may pick among readings


_AT_STEP = re.compile(r"_\{?[A-Za-z]\}?$")


def stated_counts(text: str, src: Source, read) -> tuple[N.Stated, ...]:
    """The formulas the text states as its count (read(latex, shift) -> the grammar's tree, or None)."""
    if (text.isascii() and not any(w in text.lower() for w in _COUNT_ASCII)) or not _COUNT_WORD.search(text):
        return ()  # (an ASCII text, where re.I is ASCII's case, without these words: no scan of it, milliseconds long)
    out: list[N.Stated] = []
    for tried, m in enumerate(_COUNT_WORD.finditer(text)):
        if tried >= MAX_SENTENCES:
            break  # (a long text of counts: its first sentences are read, a bounded amount of work)
        start = text.rfind("\n", 0, m.start()) + 1
        end = _window_end(text, m.end())
        other = _CONTRAST.search(text, start, end) is not None  # "Compare with LSTM: $4n(n + d + 1)$": maybe another cell's
        said = _PARAMETERS.search(text, start, end) is not None and not other  # (then it names sizes only, never picks)
        for a, b, math in _candidates(text, start, end, m.start()):
            formula = _formula(text, a, b, read)
            if formula is not None and all(s.span != formula.span for s in out):
                out.append(N.Stated(formula.formula, formula.span, said and math and "+" in text[a:b],
                                    not other and not _CELL_NAME.search(text, start, end) and _TOTAL.search(text, start, end) is not None))
        if len(out) > MAX_STATED:
            return ()
    return tuple(out)


def _window_end(text: str, at: int) -> int:
    """The end of the sentence's line, or of the next line that is not blank where the line ends in a
    label (`**Total parameters:**`) or is a heading (`## LSTM Parameter Count`) and the formula follows it."""
    end = text.find("\n", at)
    end = len(text) if end < 0 else end
    if text[at:end].rstrip(" *_").endswith(":") or text[text.rfind("\n", 0, at) + 1:at].lstrip().startswith("#"):
        nxt = text.find("\n", end + 1)
        while nxt >= 0 and not text[end + 1:nxt].strip():
            end, nxt = nxt, text.find("\n", nxt + 1)
        end = len(text) if nxt < 0 else nxt
    return end


def _candidates(text: str, start: int, end: int, word: int):
    """(start, end) of each stretch of the window that may be a formula: its math, else its plain text
    after the word (a `$$...$$` that begins in the window is read to its end)."""
    found = False
    for m in _MATH.finditer(text, start):
        if m.start() >= end:
            break
        found = True
        g = next(i for i in range(1, 5) if m.group(i) is not None)
        yield m.start(g), m.end(g), True
    if not found:  # (the words of the sentence cut it: `4 conjuntos de pesos (4 * (d*h + h*h + h))`)
        plain = _PROSE_WORD.sub(lambda m: "\n" * len(m.group(0)), text[word:end])
        for m in _PLAIN.finditer(plain):
            yield word + m.start(), word + m.end(), False


def _formula(text: str, a: int, b: int, read) -> N.Stated | None:
    """The last side of `a = b = c` in text[a:b] that is a formula of sizes (a product or a sum of sizes
    and numbers), or None."""
    if "\\boxed" in text[a:b]:  # \boxed{3n(n + d + 1)}: the box's marks as spaces
        text = _unboxed(text, a, b)
    body = text[a:b]
    cuts = [a] + [a + m.end() for m in _TOP_EQUALS.finditer(body)]
    for lo, hi in reversed(list(zip(cuts, cuts[1:] + [b]))):
        side = text[lo:hi]
        if hi < b:
            side = side[:side.rfind("=")]
        core = _LAYOUT.sub(lambda m: " " * len(m.group(0)), side)
        if not core.strip() or _NOT_SIZES.search(core) or _PROSE_WORD.search(core) or not _OPERATOR.search(core):
            continue
        lead = len(core) - len(core.lstrip())
        core = core.strip().strip(".,;:")
        if core.startswith("(") and core.endswith(")") and _balanced(core[1:-1]):
            core, lead = core[1:-1], lead + 1
        tree = read("N = " + core, lo + lead - 4)  # (None: the grammar refuses it, no formula)
        eq = next((c for c in getattr(tree, "children", ()) if isinstance(c, N.Equation)), None)
        if eq is not None and not eq.also and _of_sizes(eq.rhs):
            return N.Stated(eq.rhs, Span(lo + lead, lo + lead + len(core)))
    return None


def _unboxed(text: str, a: int, b: int) -> str:
    out = list(text)
    for m in re.finditer(r"\\boxed\s*\{", text[a:b]):
        depth, i = 1, a + m.end()
        while i < b and depth:
            depth += (text[i] == "{") - (text[i] == "}")
            i += 1
        if depth == 0:
            out[a + m.start():a + m.end()] = [" "] * (m.end() - m.start())
            out[i - 1] = " "
    return "".join(out)


def _balanced(s: str) -> bool:
    depth = 0
    for ch in s:
        depth += (ch == "(") - (ch == ")")
        if depth < 0:
            return False
    return depth == 0


_SIZE_NAME = re.compile(r"[A-Za-z](?:_\{?[A-Za-z0-9]+\}?)?(?:\^\{?[0-9]\}?)?")


def _of_sizes(node) -> bool:
    """Sums and products of sizes and whole numbers, with a size in it and an operation."""
    kinds = {type(x) for x in N.walk(node)}
    if not kinds <= {N.Binary, N.Symbol, N.Number, N.Neg} or N.Binary not in kinds or N.Symbol not in kinds:
        return False
    return all(x.lag is None and _SIZE_NAME.fullmatch(x.name) for x in N.walk(node) if isinstance(x, N.Symbol)) \
        and all(x.value.isdigit() for x in N.walk(node) if isinstance(x, N.Number)) \
        and all(x.op in ("add", "sub", "matmul", "star") for x in N.walk(node) if isinstance(x, N.Binary))


# what a count is called: N_{gates}, P, \#\text{params}, N_{\text{total}}, \text{params}
_COUNT_NAME = re.compile(r"^(?:\\#)?(?:[NP](?:_|$|\^)|\\(?:text|mathrm)\{\s*(?:#\s*)?(?i:params|parameters|total|count|num)|(?i:params?|parameters)(?:_|\^|$))")


def size_formulas(cell: N.Cell, notes: list[str]) -> N.Cell:
    """N_{gates} = 3h(h + d_{in} + 1), N_{total} = N_{gates} + N_{output}: the text's own count of the
    parameters, a formula of the sizes its declarations name (and of other such counts), is no equation
    of the cell: set aside, with a note."""
    sizes = {name for d in cell.declarations for size in (d.rows, d.cols) + d.more if size is not None
             for term, _ in size.lin.terms for name in (term, re.sub(r"[{}]", "", term))}
    sizes |= {name for s in cell.stated for x in N.walk(s.formula) if isinstance(x, N.Symbol)  # (the sizes of its stated count)
              for name in (x.name, x.name.partition("^")[0], re.sub(r"[{}]", "", x.name), re.sub(r"[{}]", "", x.name.partition("^")[0]))}
    named = [eq for eq in cell.equations if isinstance(eq.lhs, N.Symbol) and eq.lhs.lag is None and _COUNT_NAME.match(eq.lhs.name)]
    if not named:
        return cell
    elsewhere = {x.name for eq in cell.equations if not any(eq is e for e in named) for side in (eq.lhs, eq.rhs) + eq.also
                 for x in N.walk(side) if isinstance(x, N.Symbol)}
    sizes |= {n for eq in named for x in N.walk(eq.rhs) if isinstance(x, N.Symbol) and x.name not in elsewhere
              and "_" in x.name for n in (x.name, re.sub(r"[{}\\]|mathrm|text|mathit", "", x.name))}  # (h_{in}, h_{hid}: no cell's)
    counts: set[str] = set()
    kept = []
    for eq in cell.equations:
        names = [x for side in (eq.rhs,) + eq.also for x in N.walk(side) if isinstance(x, N.Symbol)]
        plain = {re.sub(r"\^\d+$", "", re.sub(r"[{}\\]|mathrm|text|mathit", "", x.name)) for x in names}  # (n^2: n)
        if (isinstance(eq.lhs, N.Symbol) and eq.lhs.lag is None and _COUNT_NAME.match(eq.lhs.name) and names
                and all(x.lag is None for x in names) and plain <= sizes | counts):
            counts.add(re.sub(r"[{}\\]|mathrm|text|mathit", "", eq.lhs.name))
            notes.append(f"{eq.lhs.text} at {cell.source.where(eq.lhs.span)} is a formula of the sizes (the text's "
                         "own count): not an equation of the cell")
            continue
        kept.append(eq)
    return replace(cell, equations=tuple(kept)) if len(kept) < len(cell.equations) else cell
