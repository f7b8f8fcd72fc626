"""Math a region holds that is no step of the cell, in running text or in a display, when the grammar does not
read it: a function defined on a plain variable (\\sigma(z) = ...), a probability, a gradient of a loss, an
approximation, a line of code that calls the code, the set an expression lies in, one entry of a signal at
numbered indices, a vector or a sequence written out. Used by read.parse, which sets such math aside."""
from __future__ import annotations

from . import patterns as re  # re, with the package's patterns compiled ahead (read.patterns)

# one symbol, with a font or an accent and its scripts: \hat{\mathbf{y}}_{t, j}, x_1^{(t)}, \boldsymbol{x}_T
_ONE_SYMBOL = (r"(?:\\[A-Za-z]+\s*\{(?:[^{}]|\{[^{}]*\})*\}|\\[A-Za-z]+|[A-Za-z])"
               r"(?:\s*[_^]\s*(?:\{(?:[^{}]|\{[^{}]*\})*\}|[A-Za-z0-9]))*")
# \sigma(z) = \frac{1}{1+\exp(-z)}: a function defined on a plain variable, not a step of the cell
_FUNCTION_DEFINITION = re.compile(r"\s*(?:\\(?:text|mathrm|operatorname|rm)\s*\{\s*[A-Za-z]+\s*\}|\\[A-Za-z]+|[A-Za-z]+)\s*(?:\\left\s*)?\(\s*(?:[a-z]|\\[A-Za-z]+(?:\s*\{\s*[a-z]\s*\})?)"
                                  r"\s*(?:\\right\s*)?\)\s*&?\s*(?:=|:=)")  # (x), (\xb), (\mathbf{x}); \text{tanh}(x)
# math in running text that is no step of the cell: a probability (P(y_t | x_t, h_{t-1}) = ...), an identity
# whose left side is no symbol and whose right a number ((1 - z_t) + z_t = 1)
# a line of code that calls the code: `h_t, C_t = lstm.forward(x_t, h_prev, C_prev)` (its weights are elsewhere)
_METHOD_CALL = re.compile(r"\s*[A-Za-z_][\w{}]*(?:\s*,\s*[A-Za-z_][\w{}]*)*\s*=\s*[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+\s*\([^()]*\)\s*$")
# the set an expression lies in, in running text: `$k_t^T v_t \in \mathbb{R}^{d_k \times d_v}$` (not a declaration)
_SET_OF_EXPRESSION = re.compile(r"[^=]*?[\s)}]\s*[^\s=\\][^=]*?(?:\\in(?![A-Za-z])|∈)[^=]*$")
_NO_STEP = re.compile(r"\s*(?:P|p|\\Pr|\\mathbb\s*\{\s*P\s*\}|\\mathcal\s*\{\s*P\s*\})\s*(?:\\left\s*)?\([^()]*\|"
                      r"|\s*\([^=]*=\s*[0-9.]+\s*\.?\s*$"
                      r"|\s*(?:\\left\s*)?(?:\\\||\\[lV]Vert(?![A-Za-z])|‖)")  # a norm, ‖h_t‖ = 1: said of the state
# p(w_j \mid x_t, \ldots, x_1) = \hat{y}_{t,j}: a probability the model gives, in a display too (not the cell's)
_PROBABILITY = re.compile(r"\s*(?:P|p|\\Pr|\\mathbb\s*\{\s*P\s*\}|\\mathcal\s*\{\s*P\s*\})\s*(?:\\left\s*)?\([^()=]*?(?:\\mid(?![A-Za-z])|\|)"
                          r"[^()=]*(?:\\right\s*)?\)\s*=\s*" + _ONE_SYMBOL + r"\s*[.,]?\s*$")  # (= \hat{y}_{t,j}: a name, no weights)
_GRADIENT = re.compile(r"\s*(?:\\[dt]?frac\s*\{\s*)?(?:\\partial|∂)\s*(?:L|E|J|\\ell|\\mathcal\s*\{?\s*L)(?![a-z])|\s*(?:\\nabla|∇)")  # of a loss
# c_t[0][0] = f[0][0] \cdot c_{t-1}[0][0] + ...: one entry, at numbered indices, an example of the cell's equation
_ENTRY_EXAMPLE = re.compile(r"\s*\\?[A-Za-z]\w*(?:_\{[^{}=\n]*\}|_\w)?(?:\[\s*\d+\s*\])+\s*=(?=[^()=]*\[\s*\d+\s*\][^()=]*\[\s*\d+\s*\])[^()=]*$")
# `x^{(t)} = [x_1^{(t)}, \ldots, x_N^{(t)}]`, `x_{1:T} = (x_1, \cdots, x_T)`: a vector or a sequence written out, in prose
_ENTRY = r"\s*(?:" + _ONE_SYMBOL + r"|-?\d+(?:\.\d+)?|\\[lc]?dots(?![A-Za-z])|\.\.\.|…)\s*"  # (or a number: [1, 0, 1, ...])
_WRITTEN_OUT = re.compile(r"[^=]*=\s*(?:\\left\s*)?[\[(](?=[^=]*(?:\\[lc]?dots(?![A-Za-z])|\.\.\.|…))"
                          + _ENTRY + r"(?:," + _ENTRY + r")+(?:\\right\s*)?[\])](?:\s*\^\s*\{?\s*(?:T|\\top|\\intercal)\s*\}?)?"
                          r"(?:\s*(?:\\in(?![A-Za-z])|∈)\s*(?:\\mathbb\s*\{?\s*R\s*\}?|ℝ)\s*\^\s*\{[^{}]*\})?"  # (∈ \mathbb{R}^{n \times d}: its set)
                          r"\s*[.,]?\s*$")  # (each entry one symbol: no weights)
# h_t = f_\theta(x_1, \ldots, x_t): a function of the whole sequence so far, what the state summarises (not a step)
_OF_SEQUENCE = re.compile(r"[^=]*=\s*\\?[A-Za-z]+(?:_\{[^{}]*\}|_\\?[A-Za-z0-9]+)?\s*(?:\\left\s*)?\((?=[^=]*(?:\\[lc]?dots(?![A-Za-z])|\.\.\.|…))"
                          + _ENTRY + r"(?:," + _ENTRY + r")+(?:\\right\s*)?\)\s*[.,]?\s*$")  # (each entry one symbol: no weights)
_RANGE_INDEX = re.compile(r"cannot read the index [_^]\{?\s*[\w\\]+\s*(?::|\.\.)\s*[\w\\]+\s*\}?")


def sequence_written_out(exc, body: str, shift: int) -> bool:
    """$x_{1:T} = (x_1, \\cdots, x_T)$: a left side indexed by a range of steps, a sequence written out (prose);
    `exc` is the grammar's BadInput for the range."""
    return bool(_RANGE_INDEX.fullmatch(exc.message)) and "=" not in body[:exc.start - shift] and _WRITTEN_OUT.match(body) is not None


# a relation that is no definition, in running text: `$f^{(t)} \approx \sigma(0) = 0.5$` (a value the text estimates)
_APPROXIMATE = re.compile(r"\\(?:approx|sim|simeq|propto|ll|gg|leq?|geq?|lesssim|gtrsim)(?![A-Za-z])|[≈∝≤≥]")
# `\{\lambda_k\}_{k=1}^{N}`: a set of values indexed, in running text
_INDEXED_SET = re.compile(r"\s*\\\{[^=]*\\\}\s*_\s*\{?\s*[A-Za-z]\s*=")
# `$\mathbf{c}_t = \mathbf{f}_t \odot \mathbf{c}_{t-1} + \dots$`: an equation cut short in running text, a mention
_CUT_SHORT = re.compile(r"[^=]*=[^=]*[+\-]\s*(?:\\[lc]?dots(?![A-Za-z])|\.\.\.|…)\s*[.,]?\s*$")
# `$\hat{y}_i = p(y_i | c_i, c_{i-1}, \dots)$`: what an output is, a conditional probability, in running text
_GIVES_PROBABILITY = re.compile(r"[^=]*=\s*(?:P|p|\\Pr)\s*(?:\\left\s*)?\([^()=]*(?:\\mid(?![A-Za-z])|\|)[^()=]*(?:\\right\s*)?\)\s*[.,]?\s*$")
_INLINE_PROSE = (_NO_STEP, _WRITTEN_OUT, _METHOD_CALL, _SET_OF_EXPRESSION, _INDEXED_SET, _CUT_SHORT, _GIVES_PROBABILITY)
# P(y_{1:U} \mid x_{1:T}) = \prod_u P(y_u \mid y_{<u}, c): a model's likelihood, in a display too (not a step)
_LIKELIHOOD = re.compile(r"\s*(?:P|p|\\Pr|\\mathbb\s*\{\s*P\s*\}|\\mathcal\s*\{\s*P\s*\})\s*(?:\\left\s*)?\([^()=]*?(?:\\mid(?![A-Za-z])|\|)"
                         r"[^()=]*(?:\\right\s*)?\)\s*&?\s*:?=\s*~?\s*(?:\\prod|\\sum|\\log|\\exp|\\frac|∏|∑"
                         r"|(?:P|p|\\Pr)\s*(?:\\left\s*)?\([^()=]*?(?:\\mid(?![A-Za-z])|\|))")  # (:= p(y_t | y_{t-n+1:t-1}): another)
# J^{(t)}(\theta) = CE(y^{(t)}, \hat{y}^{(t)}) = ...: a loss as a function of the parameters (not a step)
_LOSS_OF_PARAMETERS = re.compile(r"\s*(?:J|L|E|\\mathcal\s*\{\s*[LJ]\s*\})(?:\s*\^\s*\{?\s*\(?\s*t\s*\)?\s*\}?)?\s*\(\s*\\theta\s*\)\s*=")
# CE = -\sum_i y_i \log \hat{y}_i: a loss written out (its left side a loss's name, its right a negative sum or log)
_NEGATIVE_LOSS = re.compile(r"\s*(?:CE|NLL|L|J|E|loss|Loss|\\ell|\\mathcal\s*\{\s*[LJ]\s*\})(?:_\{?\w{1,6}\}?)?\s*=\s*-\s*(?:\\sum|∑|\\log|log|\\frac)")
_PROSE = (_GRADIENT, _ENTRY_EXAMPLE, _PROBABILITY, _OF_SEQUENCE, _LIKELIHOOD, _LOSS_OF_PARAMETERS, _NEGATIVE_LOSS)


_WEIGHT_LETTER = re.compile(r"(?<![\\A-Za-z{])[A-Z](?![A-Za-z])")  # V in `V h + c` (not \Sigma, not Re, not {T})


# a term elided in running text, `$h_t = \\tanh(W h_{t-1} + ...)$`: a sketch of an equation, not one
_ELIDED = re.compile(r"[-+]\s*(?:\.\.\.|…|\\[lc]?dots(?![A-Za-z]))\s*[)\]]|[(\[]\s*(?:\.\.\.|…|\\[lc]?dots(?![A-Za-z]))\s*[-+]")


def prose_math(body: str, inline: bool, timed: bool) -> bool:
    """Whether math the grammar does not read is prose (`timed`: it has a time index)."""
    if (inline or _FUNCTION_DEFINITION.match(body)) and not timed:
        # (not a map with a weight in it, `\text{Out}(h) = \mathrm{softmax}(V h + c)`: its weights are never dropped unread)
        return inline and not _FUNCTION_DEFINITION.match(body) or not _WEIGHT_LETTER.search(body.partition("=")[2])
    if inline and (_approximates(body) or _ELIDED.search(body) or any(p.match(body) for p in _INLINE_PROSE)):
        return True
    return any(p.match(body) for p in _PROSE)


def _approximates(body: str) -> bool:
    """`$f^{(t)} \\approx \\sigma(0) = 0.5$`: the first relation is an approximation (not `h_t = ... (t \\geq 1)`)."""
    m = _APPROXIMATE.search(body)
    return m is not None and "=" not in body[:m.start()]


# a display whose one relation is an approximation, one name on its left and a weight on its right:
# `x_{i+1} \approx \mathrm{softmax}(W_{out} h_i + b_{out})`, the output the text predicts (its weights counted)
_APPROXIMATED = re.compile(r"\s*&?\s*(" + _ONE_SYMBOL + r")\s*&?\s*(\\(?:approx|simeq)(?![A-Za-z])|≈)")


def approximated(body: str, where, notes: list[str]) -> str | None:
    """The display read with its `\\approx` as `=`, with a note (`where(offset)`: the place), where it has no `=`,
    one name on its left and a weight on its right; else None (an approximation of prose: not read)."""
    m = _APPROXIMATED.match(body)
    if m is None or "=" in body or not _WEIGHT_LETTER.search(body, m.end()):
        return None
    notes.append(f"{m.group(1).strip()} {m.group(2)} ... at {where(m.start(2))} is read as {m.group(1).strip()}'s "
                 "definition: a display with one name on its left and weights on its right")
    return body[:m.start(2)] + "=" + " " * (m.end(2) - m.start(2) - 1) + body[m.end(2):]
