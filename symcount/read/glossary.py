"""What the prose around the math says of its symbols: an operator's meaning ("where $*$ is the
convolution operator", "* is the elementwise multiplication"), and whether a Greek letter is a
constant ("$\\epsilon > 0$ is a hyperparameter") or learned ("$\\alpha$ and $\\beta$ are trainable")."""
from __future__ import annotations

from ..errors import Record
from . import patterns as re  # re, with the package's patterns compiled ahead (read.patterns)

_SENTENCES = re.compile(r"(?<=[.;:!?])\s+(?=[A-Z*:$\\])|(?<=[。；！？])|\n\s*\n|(?<!\$)\s\*\s(?=[`$<:])|\n(?=[ \t]*[-•+][ \t])|\s[-•]\s(?=[`$])|```")
_CLAUSES = re.compile(r"(?<=[.;:])\s+|\n\s*\n")


def clauses(prose: str) -> list[str]:
    """The prose cut after each `.`, `;` and `:` and at each blank line: the pieces a cue and the letter it speaks of
    must share (a learned scalar, a learned step)."""
    return _CLAUSES.split(prose)
_MEANINGS = (("convolution", re.compile(r"convol|свёрт|свертк|卷积|卷積|畳み込み|합성곱", re.I)),
             ("elementwise", re.compile(r"(?<![\w])(?:element[- ]?wise|hadamard|point[- ]?wise|entry[- ]?wise|component[- ]?wise)(?!\w*\()"
                                        r"|elementweise|élément par élément|terme à terme|elemento a elemento|poelement|поэлементн"
                                        r"|逐元素|按元素|元素级|元素級|逐點|逐点|要素ごと|要素積|アダマール|요소별|원소별", re.I)),
             ("matmul", re.compile(r"matrix[- ](?:by[- ])?(?:vector[- ])?(multiplication|product)|dot product|inner product"
                                   r"|умножение матрицы|матричн\w* (?:умножени|произведени)|矩阵乘|矩陣乘|行列積|행렬\s?곱", re.I)))
# a product the prose names ("`W * X_t` means matrix-by-vector multiplication"): its left operand
_NAMED_PRODUCT = {"star": re.compile(r"(?<![A-Za-z\\])([A-Za-z](?:_\{?\w+\}?)?)\s*(?:\*|\\ast\b|∗)\s*[A-Za-z\\]")}
_OPERATORS = {"star": r"(?<!\()\*(?!\))|\\ast(?![A-Za-z])|∗|\\star(?![A-Za-z])(?:_\{?\w\}?)?",
              "cdot": r"\\cdot(?![A-Za-z])|·"}
_MATH = r"(?:^|[\s$`>(]|\\\(|:math:`)"
_END = r"(?:$|[\s$`<),.]|\\\))"
_TIME_CONSTANT = re.compile(r"\btime[- ]constants?\b|\bconstante?s?\s+de\s+temps\b|\bZeitkonstanten?\b", re.I)
_CONSTANT = re.compile(r"hyper-?param[eè]t(?:er|re|ro)|hiperpar[aá]metro|constant|Konstante|fixed|set to|chosen|pre-?defined"
                       r"|a scalar value of|fij[oa]\b|fix(?:é|ée|és|ées|e)\b|超参数|超參數|ハイパーパラメータ|하이퍼\s?파라미터|常数|常數|定数|상수", re.I)
_LEARNED_TIME_CONSTANT = re.compile(r"\b(?:learn(?:ed|able|t)|trainable)\s+(?:\w+\s+){0,2}time[- ]constants?\b", re.I)
_NOT_LEARNED = re.compile(r"\b(?:not|never|non)[\s-]*(?:be\s+|been\s+)?(?:learn|train)\w*", re.I)  # "fixed, not learned"
_LEARNED = re.compile(r"trainable|learn(ed|able|t)\b|learns\s+(?:its\s+|the\s+)?\$|gradient\s+descent|optimi[sz]ed\b|backprop\w*|fitted\s+by|(?<!hyper)(?<!hyper-)param(?:eter)?s?\b|\binit(?:ial(?:i[sz]ation)?)?\s+for\b"
                      r"|entrenable|aprendid[oa]|apprenable"
                      r"|appris\b|lernbar|gelernt|可学习|可學習|学习得到|學習得到|学習可能|学習され|학습\s?가능|학습되는", re.I)
# an initial value, which only a learned value has: "initialized near 1", "initialised to 0.9"
_INITIALISED = re.compile(r"\binitiali[sz]ed\b|\binit(?:ial)?\s+(?:value|to|near|at)\b", re.I)
_GREEK_LOWER = ("alpha beta gamma delta epsilon varepsilon zeta eta theta vartheta iota kappa lambda mu nu xi "
                "pi rho tau upsilon phi varphi chi psi omega").split()
_UNI = dict(zip("αβγδεϵζηθϑικλμνξπρτυφχψω", "alpha beta gamma delta epsilon varepsilon zeta eta theta vartheta "
                                            "iota kappa lambda mu nu xi pi rho tau upsilon phi chi psi omega".split()))


class Glossary(Record):
    __slots__ = ('operators', 'letters', 'diagonal', 'kernel', 'paired_biases', 'matrices', 'functions', 'unbiased_linear', 'plain_norms', 'masks')
    _defaults = {'diagonal': frozenset(), 'kernel': (), 'paired_biases': False, 'matrices': frozenset(),
                 'functions': frozenset(), 'unbiased_linear': False, 'plain_norms': False, 'masks': frozenset()}
    _factories = {'operators': dict, 'letters': dict}
    operators: dict[str, str]   # "star"/"cdot" -> "convolution"/"elementwise"/"matmul"
    letters: dict[str, str]     # "\\beta" -> "constant"/"learned"
    diagonal: frozenset[str]                     # names the text calls diagonal matrices: P_i,
    #   a pattern W_* ("all $W_\\ast$"), @recurrent ("the recurrent weights"), @weights ("the weight matrices")
    kernel: tuple[str, ...]                                # "a kernel of size $n \\times n$": (n, n)
    paired_biases: bool  # a parameter list names a bias_ih and a bias_hh (torch's two biases per gate)
    matrices: frozenset[str]  # names the text calls a matrix or a linear map: "W defines a linear transformation"
    functions: frozenset[str]  # letters the text calls activation functions: "f, g, h - are activation functions"
    unbiased_linear: bool  # the prose says its linear maps have no bias: "Linear is a linear layer without bias"
    plain_norms: bool  # the prose says its normalisations learn nothing: "LN without learnable parameters"
    masks: frozenset[str]  # names the prose calls masks: "where $m$ is a dropout mask" (sampled, not learned)

    def calls_matrix(self, name: str) -> bool:
        """Whether the prose calls `name` a matrix (W, W_i; `Wi` in a notation list is W_i)."""
        return bool(self.matrices) and plain(name) in self.matrices

    def calls_diagonal(self, name: str, *, recurrent: bool = False, weight: bool = False, on_cell: bool = False) -> bool:
        """Whether the text calls `name` diagonal: by name (P_i, \\mathbf{P}_{i}), by a pattern
        of its letter (W_* for W_x, W_{hh}), or by kind (a weight on a recurrent signal, a weight, a weight on a cell
        state: "the weight matrices from the cell to gate vectors are diagonal")."""
        said = self.diagonal
        if not said:
            return False
        flat = plain(name)
        if flat in said or re.sub(r"\\[A-Za-z]+\{|\}", "", name) in said:
            return True
        letter = re.match(r"(\\[A-Za-z]+|[A-Za-z])_", flat)
        if letter and letter.group(1) + "_*" in said:
            return True
        if any(_WILD_INDEX.fullmatch(p) and re.fullmatch(re.escape(p).replace(r"\*", "[A-Za-z0-9]+"), flat)
               for p in said if "*" in p):  # W_{c*}: W_cf, W_ci, W_co
            return True
        return (recurrent and "@recurrent" in said) or (weight and "@weights" in said) or (on_cell and "@cell" in said)


def glossary(prose: str) -> Glossary:
    operators: dict[str, str] = {}
    letters: dict[str, str | None] = {}
    sentences = _SENTENCES.split(prose)
    for i, sentence in enumerate(sentences):
        meaning = next((m for m, pattern in _MEANINGS if pattern.search(sentence)), None)
        named = _named_products(sentence, operators)
        if meaning is not None and not named:
            for op, pattern in _OPERATORS.items():
                said = _said_of(sentence, re.compile(_MATH + "(?:" + pattern + ")" + _END))
                if said is not None:
                    operators.setdefault(op, said)
        after = sentences[i + 1] if i + 1 < len(sentences) else ""
        fixed = _CONSTANT.search(_TIME_CONSTANT.sub("", sentence))  # ("a learned time constant": no constant said)
        for name in _letters(sentence):
            if fixed and (_INITIALISED.search(sentence) or _LEARNED.search(_NOT_LEARNED.sub("", sentence))):
                continue  # "a fixed per-channel scalar α initialized near 1", "α is learned, clipped at a fixed ...": a reading
            word = "constant" if fixed or re.match(r"\s*Default\s*:", after) else "learned" if _LEARNED.search(sentence) else None
            if word is not None and letters.setdefault(name, word) not in (word, None):
                letters[name] = None  # said both ways in two sentences: a reading (and no later sentence settles it)
    if _LEARNED_TIME_CONSTANT.search(prose) and letters.setdefault("\\tau", "learned") != "learned":
        letters["\\tau"] = None  # "a learnable scalar time constant": \tau, whatever a sentence with \tau in it says too
    letters = {k: v for k, v in letters.items() if v is not None}
    diagonal = frozenset(_diagonal(prose))
    k = _KERNEL.search(prose)
    paired = all(re.search(r"(?:^|\s)[`*]*" + b + r"(?:_l\d|_l\[k\])?[`*]*\s*(?:\([^()]*\))?\s*:", prose)
                 for b in ("bias_ih", "bias_hh"))
    return Glossary(operators, letters, diagonal, (k.group(1), k.group(2)) if k else (), paired, _matrices(prose),
                    activation_letters(prose), bool(UNBIASED_LINEAR.search(prose)) if "ias" in prose else False,
                    bool(_PLAIN_NORMS.search(prose)) if "orm" in prose or "affine" in prose else False,
                    frozenset(plain(m.group(1)) for m in _MASK.finditer(prose)) if "mask" in prose else frozenset())


# "where $m$ is a dropout mask", "$m_x$ and $m_h$ are Bernoulli masks": sampled, not learned
_MASK = re.compile(r"\$\s*([^$]{1,20}?)\s*\$[^$.\n]{0,20}?\b(?:is|are|denotes?)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,3}mask(?:s)?\b", re.I)


def mask_constants(gloss: Glossary, names: set[str], first: dict, source, notes: list[str]) -> set[str]:
    """The names among `names` the prose calls masks: sampled (dropout, zoneout), no parameters."""
    found = {n for n in names if plain(n) in gloss.masks} if gloss.masks else set()  # (no mask said: no name worked out)
    notes.extend(f"{n} at {source.where(first[n].span)} is a mask, the prose says (sampled, not learned): not counted"
                 for n in sorted(found))
    return found


# "LN is layer normalization without learnable parameters", "elementwise_affine=False", "a parameter-free LayerNorm"
_PLAIN_NORMS = re.compile(r"\bnormali[sz]ation\b[^.\n]{0,40}?\b(?:without|with\s+no|no)\s+(?:learn(?:able|ed)|trainable|affine)\s+"
                          r"(?:parameters|gains?|scales?|weights)|\belementwise_affine\s*=\s*False\b|\bparameter[- ]free\s+"
                          r"(?:layer\s*norm|LayerNorm|normali[sz]ation)", re.I)


# the prose says the linear maps have no bias: "$\mathrm{Linear}_d$ is a linear layer without bias", "both linear
# maps are bias-free", "bias-free linear projections"
UNBIASED_LINEAR = re.compile(r"\b(?:linear|Linear|dense|Dense)\b[^.\n]{0,60}?(?:\bwithout\s+(?:a\s+|any\s+)?bias|\bbias[- ]?free\b"
                              r"|\bno\s+bias(?:es)?\b|\bbias\s*=\s*False\b)|\bbias[- ]?free\s+(?:linear|dense)\b", re.I)


# "f, g, h - are activation functions", "where $f$ and $g$ are activation functions": the letters listed
# right before it (a list of single letters, after the clause's start)
_ACTIVATION_FUNCTIONS = re.compile(r"(?P<list>(?:(?:[`$*]+[ \t]?)?(?:[a-zA-Z](?:_\{?[0-9]\}?)?|σ|phi|\\sigma|\\phi)(?:\(\))?"
                                   r"(?:[ \t]?[`$*]+)?\s*(?:,|\band\b|&)?\s*){1,6})"
                                   r"(?:\{%[^%\n]{0,20}%\}\s*)?(?:-|–|:)?\s*"
                                   r"(?:(?:is|are)\s+)?(?:(?:the|an?|any|our|some|good|old|usual|standard|element-?wise|point-?wise)\s+){0,4}"
                                   r"(?:non-?linear\s+)?(?:activation|non-?linear)\s+functions?"
                                   r"|(?P<list2>(?:\$[A-Za-z]\$|[A-Za-z]))\s+(?:είναι|ειναι)\s+(?:μία|μια)\s+συνάρτηση\s+ενεργοποίησης")


_ACTIVATION_WORDS = re.compile(r"(?:activation|non-?linear)\s+functions?", re.I)
# the same in Portuguese, Spanish, French, Italian and German: "\\( g _1 \\) e \\( g _2 \\) são as funções de ativação",
# "f y g son funciones de activación", "f et g sont des fonctions d'activation", "f und g sind Aktivierungsfunktionen"
_ITEM = r"(?:\\{1,2}\(\s*|[`$*]+\s?)?(?:[a-zA-Z](?:\s?_\{?[0-9]\}?)?|σ|\\sigma|\\phi)(?:\s*\\{1,2}\)|\s?[`$*]+)?"
_ACTIVATION_ELSEWHERE = re.compile(r"(?P<list>(?:" + _ITEM + r"\s*(?:,|\b(?:e|y|et|und|ed)\b)?\s*){1,6})"
                                   r"(?:são|sao|son|sont|sind|sono|é|es|est|ist)\s+(?:(?:as|os|las|los|les|des|die|le|la|a|o|el|une?|eine?)\s+)?"
                                   r"(?:funç(?:ões|ão)\s+de\s+ativação|funci(?:ones|ón)\s+de\s+activación|fonctions?\s+d['’]activation"
                                   r"|Aktivierungsfunktion(?:en)?|funzion[ei]\s+di\s+attivazione)", re.I)
_ELSEWHERE_WORDS = ("ativação", "activación", "activation", "Aktivierungsfunktion", "attivazione")
_SEPARATOR = re.compile(r"(?<![A-Za-z\\_])(?:e|y|et|und|ed)(?![A-Za-z_])|\s+(?=_)")


# "Default activations: f=Sigmoid, g=Tanh, h=Tanh": a letter set to a known activation
_SET_TO_ACTIVATION = re.compile(r"(?<![A-Za-z\\])([a-z])\s*=\s*(?:sigmoid|sigm|tanh|relu|softsign|elu|σ)\b", re.I)


# the same in Japanese, Chinese and Korean: "活性化関数：$f$", "$f$ 是激活函数", "$f$는 활성화 함수"
_CJK_ACTIVATION = re.compile(r"(?:活性化関数|激活函数|激活函數|활성화\s*함수)[^$\n]{0,6}\$\s*([A-Za-z])\s*\$"
                             r"|\$\s*([A-Za-z])\s*\$[^$\n]{0,8}?(?:活性化関数|激活函数|激活函數|활성화\s*함수)")


def activation_letters(prose: str) -> frozenset[str]:
    found = {m.group(1) for m in _SET_TO_ACTIVATION.finditer(prose)} if "=" in prose else set()
    if "活性化関数" in prose or "激活函" in prose or "활성화" in prose:
        found |= {m.group(1) or m.group(2) for m in _CJK_ACTIVATION.finditer(prose)}
    if any(w in prose for w in _ELSEWHERE_WORDS):
        found |= {re.sub(r"[{}]", "", ch) for m in _ACTIVATION_ELSEWHERE.finditer(prose)
                  for ch in re.findall(r"(?<![A-Za-z\\])[a-zA-Z](?:_\{?[0-9]\}?)?(?![A-Za-z])", _SEPARATOR.sub("", m.group("list")))}
    if ("function" not in prose or not _ACTIVATION_WORDS.search(prose)) and "ενεργοποίησης" not in prose:
        return frozenset(found)  # (the words first: the list's pattern is slow)
    return frozenset(found | {re.sub(r"[{}]", "", ch) for m in _ACTIVATION_FUNCTIONS.finditer(prose)
                              for ch in re.findall(r"(?<![A-Za-z\\])[a-zA-Z](?:_\{?[0-9]\}?)?(?![A-Za-z])", m.group("list") or m.group("list2"))})


# a name, then what it is: "W defines a linear transformation", "`Wi` - W parameter weight matrix for
# input gate", "$U$ is the recurrent weight matrix" (within a clause, a few words between)
_IS_MATRIX = re.compile(r"(?:^|(?<=[\s(]))[`$*]*([A-Za-z](?:_?\{?[A-Za-z0-9]{1,4}\}?)?)[`$*]*[ \t]*"
                        r"(?:(?:is|are|defines|denotes|represents|stands\s+for)\b|-|–|—|:)"
                        r"[ \t]+(?:[A-Za-z-]+[ \t]+){0,5}?(?:matri(?:x|ces)|linear\s+(?:transformation|map))\b", re.M | re.I)


def _matrices(prose: str) -> frozenset[str]:
    found = set()
    for m in _IS_MATRIX.finditer(prose) if re.search(r"matri|linear", prose, re.I) else ():
        name = plain(m.group(1))
        found.add(name if "_" in name or len(name) == 1 else name[0] + "_" + name[1:])
    return frozenset(found)


# the meaning is said of another symbol, between the operator and the meaning: "(U * h[t-1])), where o is
# Hadamard product" says it of o
_OTHER_SUBJECT = re.compile(r"\bwhere\s+[A-Za-z]\s+(?:is|denotes|represents|means|stands\s+for)\b", re.I)


def _said_of(sentence: str, op: re.Pattern) -> str | None:
    """The meaning a sentence says of an operator it writes, with no equation between the two (in
    "h_t = W * x_t ... ⊙ is elementwise", the meaning is not said of *), the nearest to it (a legend,
    "* - matrix multiplication / (.) - Hadamard product (element-wise)", is one sentence)."""
    for m in op.finditer(sentence):
        near = [(len(gap), k) for k, pattern in _MEANINGS for x in pattern.finditer(sentence)
                for gap in [sentence[x.end():m.start()] if x.end() <= m.start() else sentence[m.end():x.start()]]
                if "=" not in gap and not (x.start() >= m.end() and _OTHER_SUBJECT.search(gap))]
        if near:  # the meaning nearest the operator: a legend says each operator's on its own line
            return min(near)[1]
    return None


def _named_products(sentence: str, operators: dict[str, str]) -> bool:
    """The meanings a sentence gives to products it writes out, each to its own: "`W * X_t` means
    matrix-by-vector multiplication", "the matrix product (W * X_t) and the elementwise product
    (U * Y_t-1)" (keys "star:W", "star:U"): of the meanings said between the products before and
    after it, the nearest. "open" where a sentence in words speaks of a product written in code or
    math and says no meaning the reader knows."""
    found = False
    words = len(re.findall(r"[^\W\d_]{2,}", _INLINE.sub(" ", sentence))) >= 2
    for op, pattern in _NAMED_PRODUCT.items():
        spans = list(pattern.finditer(sentence))
        for i, m in enumerate(spans):
            lo = spans[i - 1].end() if i else 0
            hi = spans[i + 1].start() if i + 1 < len(spans) else len(sentence)
            near = [(len(gap), k) for k, p in _MEANINGS for x in p.finditer(sentence, lo, hi)
                    for gap in [sentence[x.end():m.start()] if x.end() <= m.start() else sentence[m.end():x.start()]]
                    if len(gap) <= 60 and "=" not in gap]  # said of this product: near it, no equation between
            name = f"{op}:{plain(m.group(1))}"
            if near:
                if operators.get(name, "open") == "open":
                    operators[name] = min(near)[1]
                found = True
            elif words and any(x.start() <= m.start() < x.end() and "=" not in x.group(0)  # not an equation
                               for x in _INLINE.finditer(sentence)):
                operators.setdefault(name, "open")
    return found


_DIAGONAL = re.compile(r"(?:είναι|ειναι)\s+διαγώνι\w*|\b(?:is|are|est|sont|es|son|ist|sind|é|são)\s+(?:all\s+|both\s+|also\s+|toutes\s+|tous\s+|todas\s+|todos\s+|alle\s+)?"
                       r"(?:an?\s+|une?\s+|des\s+|eine?\s+)?(?:matri(?:ces|x|z|zes)\s+)?diagonal(?:e|es|en|s)?\b"
                       r"|\bmu(?:l)?tipl(?:ies|y)\s+(?:element|entry)[- ]?wise\b"  # (a vector times each entry: a diagonal)
                       r"|(?<!非)(?:是|为|為|は|가|이|는|은)?\s*(?<![块塊准状狀クロ록])(?<!블록 )(?<!ブロック )(?:对角|對角|対角|대각)", re.I)  # (not 分块对角: block-diagonal)
_STAR = re.compile(r"_(?:\\ast|\*|\\star|\\cdot|\\bullet|\.)$")
_CJK_VERB = re.compile(r"[是为為]")
_WILD_INDEX = re.compile(r"(?:\\[A-Za-z]+|[A-Za-z])_(?:[A-Za-z0-9]+\*[A-Za-z0-9]*|\*[A-Za-z0-9]+)")  # W_{c*}, W_{*c}: a pattern
# a declaration of a square matrix followed by the word: `$A \in \mathbb{R}^{N \times N}$ diagonal`, `(diagonal)`
_DECLARED_DIAGONAL = re.compile(r"\$\s*([^$]{1,40}?)\s*(?:\\in(?![A-Za-z])|∈)[^$]{1,60}\$\s*,?\s*\(?\s*(?:is\s+|and\s+)?(?:a\s+)?diagonal\b", re.I)
_KINDS = (("@cell", re.compile(r"\bfrom\s+(?:the\s+)?(?:memory\s+)?cells?\s+(?:state\s+)?to\s+(?:the\s+)?gates?(?:\s+vectors?)?"
                                r"|\bcell[- ]to[- ]gate\b|\bpeephole\s+(?:weights?|matri(?:ces|x)|connections?)"
                                r"|από\s+τη[νς]?\s+(?:μνήμη|κυψέλη|κελί)\w*\s+(?:στις|προς\s+τις)\s+πύλες", re.I)),
          ("@recurrent", re.compile(r"\b(?:recurrent|hidden[- ]to[- ]hidden|state[- ]to[- ]state|récurrent\w*|recurrent\w*)\s+"
                                      r"(?:weight|matri|connection|poids|pesos|gewicht)"
                                      r"|(?:poids|pesos|matri(?:ces|z)\s+de\s+(?:poids|pesos))\s+r[ée]curren\w*", re.I)),
          ("@weights", re.compile(r"\b(?:(?:all|the)\s+(?:the\s+)?weights\b|weight\s+matri|(?:all|the)\s+(?:the\s+)?matrices\b"
                                    r"|matrices\s+de\s+poids|matrices\s+de\s+pesos|Gewichtsmatri)", re.I)))
_EXAMPLE = re.compile(r"\s*\((?:e\.g\.|eg\.|for\s+example|such\s+as|like)[^()]*\)\s*$", re.I)  # "(e.g. $W_{ci}$)": an example of the kind
_INLINE = re.compile(r":math:`([^`]*)`|\$\$?([^$]*)\$\$?|\\\(((?:(?!\\\)).)*)\\\)|`([^`]*)`")
_CLAUSE = re.compile(r"(?<=[.;:!?])(?<!e\.g\.)(?<!i\.e\.)\s+|\n\s*\n|\n\s*[-*]\s|\bwhere\b|\bwhile\b|\bwhereas\b", re.I)
_FONTS = re.compile(r"\\(?:mathbf|boldsymbol|bm|mathrm|mathit|pmb|symbf|vec)\s*\{([^{}]*)\}")


def plain(name: str) -> str:
    """A name as prose and equations both write it, without fonts, braces or spaces:
    \\mathbf{W}_{ic} -> W_ic, P_{i} -> P_i."""
    prev = None
    while prev != name:
        prev, name = name, _FONTS.sub(r"\1", name)
    return re.sub(r"[{}\s]", "", name)


# a sentence that says what another cell does, or that this one's are full: "Unlike Gers et al., where $W_{c*}$ are
# diagonal, we use full peephole matrices"
CONTRAST_WORDS = r"unlike|in\s+contrast|as\s+opposed\s+to|instead\s+of|rather\s+than|whereas"  # (shapes.constants' too)
_CONTRAST = re.compile(r"\b(?:" + CONTRAST_WORDS + r"|while\s+in)\b"
                       r"|\bfull\s+(?:peephole\s+|weight\s+|square\s+)?matri(?:ces|x)\b", re.I)


def _contrasted(prose: str, clause: str) -> bool:
    """Whether the sentence around a clause sets it against the text's own cell."""
    at = prose.find(clause)
    if at < 0 or not _CONTRAST.search(prose):
        return False
    start = max(prose.rfind(". ", 0, at), prose.rfind("\n\n", 0, at)) + 1
    ends = [e for e in (prose.find(". ", at + len(clause)), prose.find("\n\n", at + len(clause))) if e >= 0]
    return _CONTRAST.search(prose[start:min(ends) if ends else len(prose)]) is not None


def _diagonal(prose: str) -> set[str]:
    """The names a clause calls diagonal: "$P$ is diagonal", "where $P_i$, $P_f$ and $P_o$ are
    diagonal", "$W_{ic}, W_{fc}, W_{oc}$ are diagonal weight matrices": every name written in math
    before "are diagonal" in the same clause."""
    out: set[str] = set()
    for m in _DECLARED_DIAGONAL.finditer(prose) if "iagonal" in prose else ():  # "with $A \in \mathbb{R}^{N \times N}$ diagonal"
        for part in m.group(1).split(","):
            name = plain(part)
            if re.fullmatch(r"(\\[A-Za-z]+|[A-Za-z])(_[A-Za-z0-9,\\]+)?", name):
                out.add(name)
    for clause in _CLAUSE.split(prose):
        m = _DIAGONAL.search(clause or "")
        if not m or _contrasted(prose, clause):
            continue
        before, named = clause[:m.start()], []
        if _CJK_VERB.search(before):  # "$W_{ix}$ 是...矩阵, $W_{ic}, W_{fc}$ 是(...)对角...": the subject after the verb before
            verbs = [v.start() for v in _CJK_VERB.finditer(before)]
            if _CJK_VERB.match(m.group(0).strip()):  # 为对角: the clause's verb is in the match, the one before ends the last
                before = before[verbs[-1] + 1:]
            else:
                before = before[verbs[-2] + 1:verbs[-1]] if len(verbs) > 1 else before[:verbs[-1]]
        for chunk in _INLINE.finditer(before):
            math = next(g for g in chunk.groups() if g is not None)
            for part in re.split(r",|\\text\{\s*and\s*\}|\band\b", math):
                name = _STAR.sub("_*", plain(part))
                if re.fullmatch(r"(\\[A-Za-z]+|[A-Za-z])(_[A-Za-z0-9,\\]+|_\*)?", name) or _WILD_INDEX.fullmatch(name):
                    named.append(name)
        singular = re.match(r"(?:is|est|es|ist|é)\b", m.group(0).strip(), re.I)
        subject = re.match(r"mu\w*ipl", m.group(0).strip(), re.I)  # "$D$ is $H$-dimensional and multiplies elementwise": D
        out.update((named if len(named) == 1 else []) if subject else named[-1:] if singular else named)  # "$W$ maps x, and $D$ is diagonal": D only
        prose = _EXAMPLE.sub("", _INLINE.sub(" ", before)).rstrip()  # the kind is what the verb's subject says: the clause's end
        kind = next((k for k, pattern in _KINDS if (m := pattern.search(prose)) and re.fullmatch(r"[\w\s-]*", prose[m.end():])
                     and len(prose[m.end():].split()) <= 2), None)
        if kind and not (kind == "@weights" and named):  # ("The matrices $W_{c*}$ are diagonal": those named, not all)
            out.add(kind)
    return out
_KERNEL = re.compile(r"kernel\s+(?:of\s+)?size\s+(?:\$|`)?\s*([A-Za-z0-9])\s*(?:\\times|×|x)\s*([A-Za-z0-9])")


def _letters(sentence: str) -> set[str]:
    found = {"\\" + m for m in re.findall(r"\\(" + "|".join(_GREEK_LOWER) + r")(?![A-Za-z])(?!_\{?\\?(?:min|max))", sentence)}  # (\tau_{min}: not \tau)
    found |= {"\\" + _UNI[ch] for ch in sentence if ch in _UNI}
    found |= {"\\Delta"} if "\\Delta" in sentence or "Δ" in sentence else set()  # a state space's step, learned or fixed
    found |= {"\\" + m for m in re.findall(r"(?<![A-Za-z\\])(" + "|".join(_GREEK_LOWER) + r")(?![A-Za-z])", sentence)}
    return found  # (the last: a Greek letter spelled as a word, as code writes it: "init for alpha")
