"""What the prose around the math says of its symbols: an operator's meaning ("where $*$ is the
convolution operator", "* is the elementwise multiplication"), and whether a Greek letter is a
constant ("$\\epsilon > 0$ is a hyperparameter") or learned ("$\\alpha$ and $\\beta$ are trainable")."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

_SENTENCES = re.compile(r"(?<=[.;:!?])\s+(?=[A-Z*:$\\])|\n\s*\n|\s\*\s(?=[`$<:])")
_MEANINGS = (("convolution", re.compile(r"convol", re.I)),
             ("elementwise", re.compile(r"element[- ]?wise|hadamard|point[- ]?wise|entry[- ]?wise|component[- ]?wise", re.I)),
             ("matmul", re.compile(r"matrix[- ](multiplication|product)|dot product|inner product", re.I)))
_OPERATORS = {"star": r"(?<!\()\*(?!\))|\\ast(?![A-Za-z])|∗|\\star(?![A-Za-z])(?:_\{?\w\}?)?",
              "cdot": r"\\cdot(?![A-Za-z])|·"}
_MATH = r"(?:^|[\s$`>(]|\\\(|:math:`)"
_END = r"(?:$|[\s$`<),.]|\\\))"
_CONSTANT = re.compile(r"hyper-?parameter|constant|fixed|set to|chosen|pre-?defined|a scalar value of", re.I)
_LEARNED = re.compile(r"trainable|learn(ed|able|t)\b|(?<!hyper)(?<!hyper-)parameters?\b", re.I)
_GREEK_LOWER = ("alpha beta gamma delta epsilon varepsilon zeta eta theta vartheta iota kappa lambda mu nu xi "
                "pi rho tau upsilon phi varphi chi psi omega").split()
_UNI = dict(zip("αβγδεϵζηθϑικλμνξπρτυφχψω", "alpha beta gamma delta epsilon varepsilon zeta eta theta vartheta "
                                            "iota kappa lambda mu nu xi pi rho tau upsilon phi chi psi omega".split()))


@dataclass(frozen=True)
class Glossary:
    operators: dict[str, str] = field(default_factory=dict)   # "star"/"cdot" -> "convolution"/"elementwise"/"matmul"
    letters: dict[str, str] = field(default_factory=dict)     # "\\beta" -> "constant"/"learned"
    diagonal: frozenset[str] = frozenset()                     # letters the text calls diagonal matrices
    kernel: tuple[str, ...] = ()                                # "a kernel of size $n \\times n$": (n, n)


def glossary(prose: str) -> Glossary:
    operators: dict[str, str] = {}
    letters: dict[str, str] = {}
    sentences = _SENTENCES.split(prose)
    for i, sentence in enumerate(sentences):
        meaning = next((m for m, pattern in _MEANINGS if pattern.search(sentence)), None)
        if meaning is not None:
            for op, pattern in _OPERATORS.items():
                if re.search(_MATH + "(?:" + pattern + ")" + _END, sentence):
                    operators.setdefault(op, meaning)
        after = sentences[i + 1] if i + 1 < len(sentences) else ""
        for name in _letters(sentence):
            if _CONSTANT.search(sentence) or re.match(r"\s*Default\s*:", after):
                letters.setdefault(name, "constant")
            elif _LEARNED.search(sentence):
                letters.setdefault(name, "learned")
    diagonal = frozenset(_diagonal(prose))
    k = _KERNEL.search(prose)
    return Glossary(operators, letters, diagonal, (k.group(1), k.group(2)) if k else ())


_DIAGONAL = re.compile(r"\b(?:is|are)\s+(?:all\s+|both\s+|also\s+)?(?:an?\s+)?diagonal\b", re.I)
_INLINE = re.compile(r":math:`([^`]*)`|\$\$?([^$]*)\$\$?|\\\(((?:(?!\\\)).)*)\\\)|`([^`]*)`")
_CLAUSE = re.compile(r"(?<=[.;:!?])\s+|\n\s*\n|\n\s*[-*]\s|\bwhere\b|\bwhile\b|\bwhereas\b", re.I)
_FONTS = re.compile(r"\\(?:mathbf|boldsymbol|bm|mathrm|mathit|pmb|symbf|vec)\s*\{([^{}]*)\}")


def plain(name: str) -> str:
    """A name as prose and equations both write it, without fonts, braces or spaces:
    \\mathbf{W}_{ic} -> W_ic, P_{i} -> P_i."""
    prev = None
    while prev != name:
        prev, name = name, _FONTS.sub(r"\1", name)
    return re.sub(r"[{}\s]", "", name)


def _diagonal(prose: str) -> set[str]:
    """The names a clause calls diagonal: "$P$ is diagonal", "where $P_i$, $P_f$ and $P_o$ are
    diagonal", "$W_{ic}, W_{fc}, W_{oc}$ are diagonal weight matrices": every name written in math
    before "are diagonal" in the same clause."""
    out: set[str] = set()
    for clause in _CLAUSE.split(prose):
        m = _DIAGONAL.search(clause or "")
        if not m:
            continue
        for chunk in _INLINE.finditer(clause[:m.start()]):
            math = next(g for g in chunk.groups() if g is not None)
            for part in re.split(r",|\\text\{\s*and\s*\}|\band\b", math):
                name = plain(part)
                if re.fullmatch(r"(\\[A-Za-z]+|[A-Za-z])(_[A-Za-z0-9,\\]+)?", name):
                    out.add(name)
    return out
_KERNEL = re.compile(r"kernel\s+(?:of\s+)?size\s+(?:\$|`)?\s*([A-Za-z0-9])\s*(?:\\times|×|x)\s*([A-Za-z0-9])")


def _letters(sentence: str) -> set[str]:
    found = {"\\" + m for m in re.findall(r"\\(" + "|".join(_GREEK_LOWER) + r")(?![A-Za-z])", sentence)}
    found |= {"\\" + _UNI[ch] for ch in sentence if ch in _UNI}
    return found
