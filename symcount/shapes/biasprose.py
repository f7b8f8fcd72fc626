"""What the prose says of biases the equations do not write (shapes.infer asks it once the shapes are solved):
"Bias terms are omitted for brevity", "Biases $b$ removed for simplicity", "省略了偏置项", "для простоты мы не учитываем
смещения", and a gate's bias it names that no equation writes. The count of the equations as written is then not the
cell's: refused, unless the user counts them as written (--read omitted-biases=as-written)."""
from __future__ import annotations

from ..errors import TYPE_CHECKING  # typing's, without importing typing (a start-up cost)
from ..errors import ShapeError
from ..read.choices import Choice, current
from ..read.source import Span
from ..read import patterns as re  # re, with the package's patterns compiled ahead (read.patterns)

if TYPE_CHECKING:
    from .unify import Walker


# the prose says the equations leave their biases out: "Bias terms are omitted for brevity", "we drop the
# bias vectors", "biases have been left out" (a cell without biases says so otherwise: "no bias", "bias-free")
_OMITTED_BIASES = re.compile(r"\bbias(?:es|\s+terms?|\s+vectors?)?\s+(?:are|is|have\s+been|has\s+been|were|was)\s+"
                             r"(?:omitted|dropped|left\s+out|suppressed|ignored|not\s+shown)"
                             r"|\b(?:omit|drop|ignore|suppress|leave\s+out|neglect)(?:s|ting|ping|ing|ted|ped)?\s+(?:the\s+|all\s+)?"
                             r"bias(?:es|\s+terms?|\s+vectors?)?\b"
                             r"|\bleav(?:e|es|ing)\s+(?:the\s+|all\s+)?bias(?:es|\s+terms?|\s+vectors?)?\s+out\b"
                             r"|\bbias(?:es|\s+terms?)?\s+(?:are|is|have\s+been|has\s+been)\s+(?:absorbed|folded|included|incorporated|merged)\s+in"
                             r"|\bappend(?:s|ing|ed)?\s+(?:a\s+)?(?:constant\s+)?(?:1|one)\s+to\b", re.I)  # (a bias inside W, by a 1 appended to x)

# the same in other languages: "편의를 위해 bias $b$ 텀은 생략하였다", "省略了偏置项", "数式にはバイアス項は載せていない", "se omiten los sesgos", "les biais sont omis"
_BIAS_WORD = r"(?:\b(?:bias(?:es)?|sesgos?|biais|vi[ée]s(?:es)?|Bias)\b|편향|偏置|偏差|バイアス|смещени[а-я]*)"
_OMIT_WORD = r"(?:생략|省略|忽略|略去|載せていない|載せてない|書いていない|含めていない|省いて|隐含[在于於]|隱含[在於]|\b(?:omit[a-z]*|omis[a-z]*|omess[a-z]*|weggelassen|not\s+(?:shown|written|drawn|displayed))|опущен[а-я]*|опуска[а-я]*|пренебрега[а-я]*|bỏ qua)"  # (not promising)
_OMITTED_ELSEWHERE = re.compile(_BIAS_WORD + r"[^.。\n]{0,40}?" + _OMIT_WORD + "|" +
                                r"(?:생략|省略|忽略|略去|omit[a-z]*|on omet|omettons|опуска[а-я]*|пренебрега[а-я]*|lassen wir|bỏ qua)[^.。\n]{0,20}?" + _BIAS_WORD, re.I)
# a gate's bias named in prose: "the update-gate bias", "the forget gate's bias", "the bias of the reset gate", "forget bias"
# the weights hold the biases, none written: "asumiendo que todas incluyen los sesgos", "all matrices include the biases"
_INCLUDED = re.compile(r"(?<!\bnot\s)(?<!n't\s)(?<!\bno\s)(?:\binclu(?:de|des|ded|ding|yen|ye|yendo|ido|idos|em|ent|ant)\b|\bincorpor[a-z]*"
                       r"|\bcontain(?:s|ed|ing)?\b|\benthalt[a-z]*|包含|含む|含め)"
                       r"[^.。\n]{0,20}?" + _BIAS_WORD, re.I)
_GATE_BIAS = re.compile(r"\b(?:update|reset|forget|input|output|candidate|cell)(?:[- ]gate(?:'s)?)?\s+bias(?:es)?\b"
                        r"|\bbias(?:es)?\s+(?:of|for|on|in)\s+the\s+(?:update|reset|forget|input|output|candidate)[- ]gate\b", re.I)
_OMIT_CUE = re.compile(r"생략|省略|忽略|略去|載せていない|載せてない|書いていない|含めていない|省いて|隐含[在于於]|隱含[在於]|omit|omis|omess|пренебрега|weggelassen|not\s+(?:shown|written|drawn|displayed)|опущ|опуска|пренебрега|bỏ qua|lassen wir", re.I)


# set aside for a purpose the sentence names: "Biases $b$ removed for simplicity", "we skip the bias terms for clarity",
# "Bias vectors are not included to keep notation light", "Для простоты мы не учитываем смещения", "опустим смещения"
# (not "We remove all biases: the bias-free cell is what we train", which says what the cell is)
_SET_ASIDE = (r"(?:remov(?:e|es|ed|ing)|elid(?:e|es|ed|ing)|skip(?:s|ped|ping)?|leav(?:e|es|ing)\b[^.\n]{0,30}\bout|left\b"
              r"[^.\n]{0,30}\bout|not\s+included|exclud(?:e|es|ed|ing)|игнорир[а-я]*|опуст[а-я]*|не\s+учитыва[а-я]*|не\s+показан[а-я]*)")
_OMITTED_FOR = re.compile(r"[^.\n。]*(?:" + _BIAS_WORD + r"[^.\n。]*" + _SET_ASIDE + "|" + _SET_ASIDE + r"[^.\n。]*" + _BIAS_WORD + r")[^.\n。]*", re.I)
_PURPOSE = re.compile(r"\bfor\s+(?:the\s+sake\s+of\s+)?(?:notational\s+)?(?:simplicity|brevity|clarity|readability|convenience)\b"
                      r"|\bto\s+(?:keep|simplify|lighten|declutter)\b|для\s+(?:простоты|краткости|наглядности|удобства)", re.I)


def may_say(text: str, words: tuple) -> bool:
    """Whether a pattern ignoring case whose ASCII words are `words` may match: not where the text is ASCII
    (re.I is then ASCII's case) and holds none of them in any case (a scan by such a pattern costs milliseconds)."""
    if not text.isascii():
        return True
    low = text.lower()
    return any(word in low for word in words)


def omitted_biases(w: "Walker", params: list) -> None:
    """Equations the prose says leave their biases out ("Bias terms are omitted for brevity"): the count
    of the equations as written is not the cell's, and where each bias goes is not said: refused, unless
    the user counts them as written (--read omitted-biases=as-written)."""
    text = w.src.text
    m = _OMITTED_BIASES.search(text) if "ias" in text else None
    if m is None and may_say(text, ("omi", "omess", "weggelassen", "not", "lassen wir")) and _OMIT_CUE.search(text):
        m = _OMITTED_ELSEWHERE.search(text)
    if m is None and may_say(text, ("inclu", "incorpor", "enthalt", "contain")):
        m = next((x for x in _INCLUDED.finditer(text) if not re.search(r"\b(?:not|never|no|without)\b|n't\b",
                                                                         text[max(0, x.start() - 25):x.end()])), None)
    if m is None and may_say(text, ("simplicity", "brevity", "clarity", "readability", "convenience", "keep", "simplify",
                                     "lighten", "declutter")) and _PURPOSE.search(text):
        m = next((x for x in _OMITTED_FOR.finditer(text) if _PURPOSE.search(x.group(0))), None)
    named = None if m is not None or "ias" not in text else _GATE_BIAS.search(text)
    if (m is None and named is None) or any(p.bias for p in params):
        return
    if named is not None:  # "The update-gate bias starts at +1" beside equations with no bias: which gates have one?
        said = current().pick(Choice("omitted-biases", ("refuse", "as-written"), w.src.where(Span(named.start(), named.end())),
                                     "the prose names a gate's bias that no equation writes"), ambiguous=False)
        if said == "refuse":
            raise ShapeError(f"the prose speaks of {named.group(0).strip()!r}, but no equation writes a bias: which gates "
                             "have one, and their sizes, is not said", source=w.src, span=Span(named.start(), named.end()),
                             hint="write the biases into the equations, or add --read omitted-biases=as-written to count "
                                  "the equations as written")
        return
    said = current().pick(Choice("omitted-biases", ("refuse", "as-written"), w.src.where(Span(m.start(), m.end())),
                                 "the prose says the biases are left out of the equations"), ambiguous=False)
    if said == "refuse":
        raise ShapeError("the prose says the bias terms are left out of the equations: the count of the equations as "
                         "written is not the cell's, and the text does not say where each bias goes",
                         source=w.src, span=Span(m.start(), m.end()),
                         hint="write the biases into the equations, or add --read omitted-biases=as-written to count "
                              "the equations as written")
