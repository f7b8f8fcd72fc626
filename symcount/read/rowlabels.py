"""Math rows as people type them, rewritten in place (offsets kept) before the grammar reads a region:
- a row's label before its equation (`update\\quad gate\\quad :\\quad z_t = ...`, `reset \\ gate: r_t = ...`,
  `Input node => \\tilde{C}_t = ...`),
  a row that is the cell's reversed signature (`\\text{GRUCell}(x, h) = h'`) and a legend row
  (`\\odot: \\text{element-wise product}`), blanked out; a left
  side that calls the cell (`\\text{RNNCell}(x, h) = \\tanh(...)`) as the state's next value, h';
- a dot tight between a closing bracket and the next operand (`W_{rc}(h_{t-1}.r_t)`), a product the
  shapes decide, like the spaced dot;
- a bold 1 (`\\mathbf{1}`, a vector of ones): the number 1;
- an equation editor's braces around a row's left side (`&{h^{\\left( t \\right)}} = ...`) and around a
  function's name (`{\\rm{softmax}}\\left(`);
- in plain text and code: `Y_t-1` is Y at t-1 (`Yₜ₋₁`, as Unicode writes it), and names of code are
  one name each (`log_i_t` at t, `x_h_prev`, `i2h`), written in the Private Use Area as read.barelines
  writes code names (read.symbols reads them back).
Each pattern that starts with a look-behind runs only where its literal occurs (linear in the text)."""
from __future__ import annotations

from . import patterns as re  # re, with the package's patterns compiled ahead (read.patterns)

_GAP = r"(?:[ \t~]|\\q?quad(?![A-Za-z])|\\[ ,;:])*"  # each word whole (no word split two ways: linear)
# at a row's start (the region's, after `\\`, a line break or `&`): words of two letters or more (or
# \text{...}), a colon that is not `:=`, and an equation on the rest of the row
_LABEL = re.compile(r"(?:^|(?<=\\\\)|(?<=&))(?P<label>[ \t&]*(?:(?:[^\W\d_]{2,}(?![^\W\d_])|\\(?:text|mathrm|textrm|mbox)\s*\{[^{}]*\})"
                    + _GAP + r")+(?::(?!=)|=>|\\Rightarrow(?![A-Za-z])|⇒)" + _GAP + r")(?=(?:(?!\\\\)[^\n])*?=)", re.M)
_TIGHT_DOT = re.compile(r"(?:(?<=[})\]])|(?<=_[A-Za-z0-9]))\.(?=[A-Za-z(]|\\(?!end|q?quad|label|tag|nonumber|notag|hfill|text)[A-Za-z])"
                        r"|(?<=[A-Za-z])(?<![\w\\][A-Za-z])\.(?=(?!T\b)[A-Z])(?![A-Z]\w*\s*\()")  # (and x.W_xh: x times W_xh, not h.T)


_SYM = r"[A-Za-z](?:'|\\prime|[_^]\{?[A-Za-z0-9,+\-']*\}?)*"  # h', c_t, h^{(t)}
_BRACED_SYM = r"[A-Za-z](?:'|\\prime|[_^](?:\{[A-Za-z0-9,+\-'()]*\}|[A-Za-z0-9]))*"  # (its braces closed)
# a row that names what the cell maps (\text{GRUCell}(x, h) = h'): the cell's signature, written reversed
_SIGNATURE = re.compile(r"(?:^|(?<=\\\\))[ \t&]*\\(?:text|mathrm|operatorname|mathit)\s*\{[A-Za-z][A-Za-z0-9]*\}\s*"
                        r"\((?:[^()\n]|\([^()\n]*\))*\)\s*&?=\s*(?:" + _SYM + r"|\(\s*" + _SYM + r"(?:\s*,\s*" + _SYM + r")*\))"
                        r"\s*(?=\\\\|$)", re.M)  # its right side symbols only: \mathrm{mix}(a) = W a defines mix


# a row whose left side calls the cell on its input and its state (\text{RNNCell}(x, h) = \tanh(...), or on the
# state first, \text{RNN}(h, x)): the state's next value, h', computed by the right side
_CELL_CALL = re.compile(r"(?:^|(?<=\\\\))[ \t&]*(?P<call>\\(?:text|mathrm|operatorname|mathit)\s*\{[A-Za-z]*(?:Cell|RNN|GRU|LSTM)\}\s*"
                        r"\(\s*(?P<first>[A-Za-z])?(?:_\{?[A-Za-z0-9]+\}?)?\s*,\s*(?P<state>[A-Za-z])\s*\))\s*&?=(?!\s*\()", re.M)


# a row that is a legend, a symbol and what it is in words (`\\ \odot: \text{element-wise product}`): no step
_LEGEND = re.compile(r"(?:^|(?<=\\\\))[ \t&]*(?:\\[A-Za-z]+|" + _SYM + r")\s*:(?!=)\s*\\(?:text|mathrm|textrm|mbox)\s*\{[^{}]*\}"
                     r"[ \t.,;]*(?=\\\\|$)", re.M)


# a remark in words in parentheses at a row's end (`h_t = o_t \odot \tanh(c_t) \;\; (\text{output})`): no operand
_REMARK = re.compile(r"\(\s*\\(?:text|textit|textrm|textnormal|mathrm|mbox|emph)\s*\{[^{}]*\}\s*\)"
                     r"(?=[ \t.,;]*(?:\\\\|&|$|\\(?:tag|label|nonumber|notag)(?![A-Za-z])))"
                     # a row's last column a label in words: `... & \text{cell} \\`, `& \text { Update gate } H \\`
                     r"|&[ \t]*\\(?:text|textrm|textnormal|mbox)\s*\{[^{}=]*\}[^&=\\\n]*(?=\\\\|$)"
                     # or a column of CJK words only: `& (更新阀) & 控制上一个的记忆单元传递给新记忆单元多少 \\`, and a remark in
                     # CJK words in parentheses anywhere in a row (`&+ b_h （预激活）\\`: the term stays)
                     r"|&(?=[^&\n\\]*[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af])[\s\u3000-\u303f\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af"
                     r"\uff00-\uffef()0-9,.;:]*(?=&|\\\\|$)"
                     r"|[（(]\s*[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af][^()（）&=\\\n$]*[）)]", re.M)


_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")


# a mark set under or over a symbol (\\underset{}{\\text{max}}, \\overset{\\text{def}}{=}, \\stackrel{?}{=}): the mark
# blanked, the symbol kept in its braces
_UNDERSET = re.compile(r"\\(?:underset|overset|stackrel)\s*\{(?:[^{}]|\{[^{}]*\})*\}(?=\s*\{)")


# `h_t &= o_t \\tilde{h}_t && \\tilde{h}_t &&= c_t / n_t`: alignat's `&&` before a second equation of the row
# (its left side and `=` follow before the row's end) separates the two
_SECOND_EQUATION = re.compile(r"(?<!\\)&&(?!\s*&*\s*=)(?=(?:(?!\\\\)[^\n&=])+&*\s*=)")


# what every match of _SIGNATURE holds (a pattern that starts with a look-behind is tried at every
# character: only where its literal occurs)
_SIGNATURE_LITERAL = re.compile(r"\\(?:text|mathrm|operatorname|mathit)\s*\{[A-Za-z][A-Za-z0-9]*\}\s*\(")


def row_labels(out: list[str], start: int, region: str) -> bool:
    """Blank out each row's label in out[start:start + len(region)], and a row that is the cell's
    reversed signature; whether any was."""
    edited = False
    for m in _SIGNATURE.finditer(region) if _SIGNATURE_LITERAL.search(region) else ():
        out[start + m.start():start + m.end()] = [" "] * (m.end() - m.start())
        edited = True
    for m in _CELL_CALL.finditer(region) if _SIGNATURE_LITERAL.search(region) else ():
        call = m.end("call") - m.start("call")
        state = m.group("first") if m.group("first") in ("h", "s") and m.group("state") not in ("h", "s") else m.group("state")
        out[start + m.start("call"):start + m.end("call")] = [state, "'"] + [" "] * (call - 2)  # (RNN(h, x): h)
        edited = True
    for m in _LEGEND.finditer(region) if ":" in region and "\\" in region else ():
        out[start + m.start():start + m.end()] = [" "] * (m.end() - m.start())
        edited = True
    for m in _REMARK.finditer(region) if "\\text" in region or "\\m" in region or "\\emph" in region or _CJK.search(region) else ():
        out[start + m.start():start + m.end()] = [" "] * (m.end() - m.start())
        edited = True
    for m in _UNDERSET.finditer(region) if "set" in region else ():  # \\underset{}{\\text{max}}: what is set over
        out[start + m.start():start + m.end()] = [" "] * (m.end() - m.start())
        edited = True
    for m in _SECOND_EQUATION.finditer(region) if "&&" in region else ():  # alignat: two equations in a row
        out[start + m.start():start + m.end()] = [" ", ";"]
        edited = True
    for m in _LABEL.finditer(region) if ":" in region or "=>" in region or "Rightarrow" in region or "⇒" in region else ():
        out[start + m.start("label"):start + m.end("label")] = [" "] * (m.end("label") - m.start("label"))
        edited = True
    return edited


def tight_dots(out: list[str], start: int, region: str) -> bool:
    """A dot between a closing bracket (or a subscript, `z_t.\\hat{h}_t`) and an operand, as `·`; and a
    Markdown-escaped subscript (`z\\_t`, `W\\_{xz}`, GitBook's), outside \\text{...}, as `_`; whether any was."""
    edited = False
    for m in _TIGHT_DOT.finditer(region) if "." in region else ():
        out[start + m.start()] = "·"
        edited = True
    if "\\_" in region:
        words = [w.span() for w in _TEXT_WORDS.finditer(region)]
        for m in _ESCAPED_NAME.finditer(region):  # c\_in_{t}: the name c_in at t, as c_{in,t}
            if not any(a <= m.start() < b for a, b in words):
                new = f"{m.group('base')}_{{{m.group('name')},{m.group('index')}}}"
                out[start + m.start():start + m.end()] = list(new.ljust(m.end() - m.start()))
                words.append(m.span())
                edited = True
        for m in _ESCAPED_SUB.finditer(region):
            if not any(a <= m.start() < b for a, b in words):
                out[start + m.start()] = " "
                edited = True
    return edited


_ESCAPED_NAME = re.compile(r"(?<![\\A-Za-z])(?P<base>[A-Za-z])\\_(?P<name>[A-Za-z][A-Za-z0-9]+)_\{(?P<index>[^{}\n]*)\}")
_ESCAPED_SUB = re.compile(r"(?<=[A-Za-z0-9}])\\_(?=[A-Za-z0-9{])")
_TEXT_WORDS = re.compile(r"\\(?:text[a-z]*|mathrm|operatorname\*?|mathit|mbox|mathsf|emph)\s*\{[^{}]*\}")


_LAG = re.compile(r"(?<![\\\w])([A-Za-z])_([tk])-1(?![\w{}(\[])")
_UNI = {"t": "ₜ", "k": "ₖ"}
_UNDERSCORED_CALL = re.compile(r"(?<![\w\\}\])])_(?=[a-z]\s*\()")  # OpenVINO's activations _f, _g, _h
_PAREN_STEP = re.compile(r"(?<=[A-Za-z])_\(\s*[tkn]\s*[-+]\s*[0-9]\s*\)")
_DOT_T = re.compile(r"(?<=[\w}\])])\.T(?![\w(])")
# a capital and a small letter as one name in numpy's code (`x_t @ W.T + h_{t-1} @ Wr.T`): beside @, or transposed
_CODE_BIAS = re.compile(r"(?<![\w\\])b(?P<s>[aehijklmnoprsuvx])(?![\w{(])")
_SUB_LETTER = dict(zip("aehijklmnoprstuvx", "ₐₑₕᵢⱼₖₗₘₙₒₚᵣₛₜᵤᵥₓ"))
_CODE_PAIR = re.compile(r"(?:(?<=@)\s*|(?<![\w\\]))[A-Z](?P<s>[aehijklmnoprsuvx])(?![\w{])(?=\.T(?![\w(])|\s*@|(?<=@[ \t][A-Z].)|(?<=@[A-Z].))")
_METHOD_T = re.compile(r"(?<=[\w\])])\.t\(\)")  # torch's w_hh.t(): the transpose
# a letter glued to its time step in text that lost its subscripts: St-1 (the offset shows the step), then St, Xt
_FLAT_LAG = re.compile(r"(?<![\\\w])[A-Za-z]t[-−]1(?![\w{}(\[])")
_FLAT_TIME = re.compile(r"(?<![\\\w])[A-Za-z]t([-−]1)?(?![\w{}(\[]|-\w)")


_FLAT_TILDE = re.compile(r"(?<![\\\w])[A-Za-z][~\u0303]t(?![\w{}(\[]|-\w)")


def flat_lags(text: str) -> bool:
    """Whether a text writes a letter glued to its previous step (St-1, Ht-1)."""
    return _FLAT_LAG.search(text) is not None


def plain_lags(out: list[str], start: int, region: str, flat: bool = False) -> bool:
    """In plain text or code, `Y_t-1` as `Yₜ₋₁` (its letter in place, a space after); and where a
    letter is glued to `t-1` (`St-1`, `Ht-1`: the subscripts of a page copied as text), each letter
    glued to `t` or `t-1` as `Sₜ`, `Sₜ₋₁` (`St = tanh(St-1 * W + Xt * U)`; `flat`: the text writes one
    elsewhere, so this region's `Ht` is H at t too); numpy's `W.T` as `W^T`; `x_(k+1)` as `x_{k+1}`; `_f(`, a function, as `f(`;
    whether any was."""
    edited = False
    for m in _LAG.finditer(region) if "-1" in region else ():
        out[start + m.start():start + m.end()] = [m.group(1), _UNI[m.group(2)], "₋", "₁", " "]
        edited = True
    for m in _UNDERSCORED_CALL.finditer(region) if "_" in region else ():  # _f(...): the function f
        out[start + m.start()] = " "
        edited = True
    for m in _PAREN_STEP.finditer(region) if "_(" in region else ():  # x_(k+1): x_{k+1}
        out[start + m.start() + 1] = "{"
        out[start + m.end() - 1] = "}"
        edited = True
    paired = set()
    for m in _CODE_PAIR.finditer(region) if "@" in region else ():  # numpy's `h @ Wr.T`: one weight Wr, as W_r
        out[start + m.start("s")] = _SUB_LETTER[m.group("s")]
        edited, paired = True, paired | {m.group("s")}
    for m in _CODE_BIAS.finditer(region) if paired else ():  # and `+ ba` beside `x @ Wa.T`: the bias b_a
        if m.group("s") in paired:
            out[start + m.start("s")] = _SUB_LETTER[m.group("s")]
    for m in _DOT_T.finditer(region) if ".T" in region else ():  # numpy's W.T: W^T
        out[start + m.start()] = "^"
        edited = True
    if flat or ("t-1" in region and _FLAT_LAG.search(region)):
        for m in _FLAT_TIME.finditer(region):
            out[start + m.start() + 1:start + m.end()] = ["ₜ", "₋", "₁"] if m.group(1) else ["ₜ"]
            edited = True
        for m in _FLAT_TILDE.finditer(region) if "~" in region or "\u0303" in region else ():  # C~t, C̃t: C tilde at t
            out[start + m.start() + 1:start + m.end()] = ["\u0303", "ₜ"]
            edited = True
    return edited


# a vector of ones in a bold font (\mathbf{1}, \bm{1}, \mathbb{1}): the number 1, broadcast
_ONES = re.compile(r"\\(?:mathbf|bm|boldsymbol|mathbb|pmb|bs|bv|vect|vb|bvec|vec|overrightarrow)\s*(?:\{\s*([01])\s*\}|([01])(?![0-9.]))")  # and of zeros (\bm1)


def bold_ones(out: list[str], start: int, region: str) -> bool:
    """`\\bm{1} - \\bm{e}_c` as `1 - ...` (and `\\mathbf{0}` as 0), and a bold font around terms (`\\mathbf{w_f \\odot c_{t-1}}`,
    a font the eye sees, not one symbol) as the terms; whether any was."""
    edited = False
    for m in _ONES.finditer(region) if "{1" in region or "{ 1" in region or "{0" in region or "{ 0" in region or "m1" in region else ():
        out[start + m.start():start + m.end()] = [" "] * (m.end() - m.start() - 1) + [m.group(1) or m.group(2)]
        edited = True
    for m in _BOLD_TERMS.finditer(region) if "\\m" in region or "\\b" in region else ():
        close = m.end() + len(m.group("body") if m.group("body") is not None else m.group("pair"))
        out[start + m.start():start + m.end()] = [" "] * (m.end() - m.start())
        out[start + close] = " "
        edited = True
    return edited


# a bold font around terms joined by an operator: \mathbf{w_f \odot c_{t-1}} (its inside: symbols with
# one level of braced scripts, spaces and the operator, then the closing brace)
_BOLD_TERMS = re.compile(r"\\(?:mathbf|boldsymbol|bm)\s*\{(?=(?P<body>" + _BRACED_SYM + r"\s*(?:(?:\\odot|\\circ|\\cdot|\\otimes|\*|\+)\s*"
                         + _BRACED_SYM + r"|(?<=[}\w])\s+\\(?:mathbf|boldsymbol|bm)\s*\{" + _BRACED_SYM + r"\})\s*)\})"  # (or `\\bm{h_{t-1} \\bm{W^{hz}}}`: juxtaposed)
                         r"|\\(?:mathbf|boldsymbol|bm)\s*\{(?=(?P<pair>[A-Za-z]'*[_^](?:\{[A-Za-z0-9,+\-'()]*\}|[A-Za-z0-9])\s*(?=[A-Z])"
                         + _BRACED_SYM + r"\s*)\})")  # \\bm{x_tU^{(i)}}


# in plain text and code, a snake_case name at a time step: log_i_t, h_tilde_t (two subscripts as LaTeX
# reads them): its first letter, and the rest with the time after a comma as one index, in the
# Private Use Area (as read.barelines writes code names; read.symbols reads it back)
_SNAKE = re.compile(r"(?<![\\\w])([A-Za-z])([A-Za-z0-9]*_[A-Za-z0-9]+(?:_[A-Za-z0-9]+)*?)_([tk])(?![\w{(\[-])")


# and other names of code: x_h_prev (two underscores or more), i2h and h2h (letters around a digit)
_CODE_WORD = re.compile(r"(?<![\\\w])([A-Za-z])([A-Za-z0-9]*(?:_[A-Za-z0-9]+){2,}|[A-Za-z]*[0-9]+[A-Za-z]+)(?![\w{(\[])")


# code's calls: a module before a function (torch.cat, np.tanh, F.sigmoid), not a product with it; a
# function that joins its arguments into one vector (cat, concat, stack, ...) of a list, [a, b]: the
# concatenation; an activation whose name is snake_case (gate_fn, act_fn, recurrent_activation): one word, as sigmoid
_MODULE = re.compile(r"(?<![\w.\\])(?:torch|numpy|np|jnp|jax|tf|F|nn|K|math|mx|nd|scipy|special|keras|activations|functional|ops|tt|pt|theano)"
                     r"(?:\.[A-Za-z_]\w*)*\.(?=[A-Za-z_]\w*\s*\()")  # torch.nn.functional.sigmoid(: the module chain
# Theano's `T` (`import theano.tensor as T`): only before its functions, or a dot of two arguments (a weight T's
# method `T.dot(h)` takes one)
_THEANO_T = re.compile(r"(?<![\w.\\])T\.(?:nnet\.(?=(?:sigmoid|softmax|relu)\s*\())?(?=(?:sigmoid|tanh|softmax|relu|exp)\s*\(|dot\s*\([^()\n,]*(?:\([^()\n]*\))?[^()\n,]*,)")
# an object's field in code, self.W_i, lstm.Wi, w.b_ii_l0, self._kernel: the field is the weight (not a method call, self.f(x),
# not numpy's W.T; an upper-case letter before a dot, W.x, is a product)
_FIELD = re.compile(r"(?<![\w.\\])(?:(?:(?!(?:prev|next|old|new)_\w|[a-z]\w*_(?:prev|tm1|old|next|new)\.)[a-z][a-z0-9_]+"
                    r"|(?![xh]\.[WUV])[a-z](?=\.[A-Za-z_]\w))\.)+(?:_+(?=[A-Za-z]))?(?![a-z]t(?:[-−]1)?(?![\w]))(?=[A-Za-z_]\w*(?![\w(])(?<!\.T))")
# (p.W_xh: the field W_xh of p; x.W_xh, prev_h.W_hh: a signal times a weight, numpy's dot written as a dot; wi.xt,
# ws.st-1: Mathematica's Dot of a weight and a signal glued to its step)
# a step offset spelled out in a code name: h_k_minus_1 is h_{k-1}, x_t_plus_1 is x_{t+1}
_SPELLED_LAG = re.compile(r"(?<=[A-Za-z0-9])_([a-z])_(minus|plus)_?([1-9])(?![\w.(\[])")
# Julia's broadcast call of a function, σ.(z), tanh.(c): the function applied
_BROADCAST_CALL = re.compile(r"(?<![\w\\])(?:σ|φ|sigmoid|sigm|tanh|relu|exp|log|softplus|sigma)\.(?=\()")
# an activation as the object's own method, self._sigmoid(z), this.tanh(z): the function
_OWN_ACTIVATION = re.compile(r"(?<![\w.\\])(?:self|this)\._?(?=(?:sigmoid|sigm|tanh|relu|softplus|exp)\s*\()")
_METHOD_PRODUCT = re.compile(r"(?<=[\w)\]])\.(?:dot|mm|matmul|mv)(?=\s*\()")  # x.mm(W), W.dot(x): x @ (W)
_JOIN = re.compile(r"(?<![\w\\])(?:[a-z]\w*\.)?(?:cat|concat|concatenate|hstack|vstack|stack|column_stack|row_stack)\s*\((?=\s*\[)")
# the same of its arguments, one by one: scorch.cat(aPrev, xt), concat(h, x): [aPrev, xt]
_JOIN_ARGS = re.compile(r"(?<![\w\\])(?:[a-z]\w*\.)?(?:cat|vcat|concat|concatenate|hstack|vstack)\s*\((?!\s*[\[(])")
_SNAKE_CALL = re.compile(r"(?<![\w\\.])([a-z]{2,}(?:_[a-z0-9]+)*_(?:fn|func|function|act|activation|nonlin|nonlinearity)"
                         r"|(?:act|activation|recurrent_activation|nonlin)_[a-z0-9]+|xw_plus_b)(?=\s*\()")  # and tf's xw_plus_b


_PRODUCT_CALL = re.compile(r"(?<![\w\\.])(?:dot|matmul|mm|mv|bmm)\s*\(")
# arithmetic as calls, Gorgonia's g.Add(g.Mul(rnn.Wz, x), rnn.Bz), tf.add, np.multiply: the operator between the two
# arguments (a product of a weight as the shapes decide it, an elementwise one as ⊙), the name and its owner spaces
_ARITHMETIC_CALL = re.compile(r"(?<![\w\\.])(?:[A-Za-z]\w{0,8}\.)?(?P<op>Add|add|Sub|sub|subtract|Mul|MatMul|Matmul|MatVecMul|"
                              r"HadamardProd|Hadamard|hadamard|multiply|elementwise_mul|elem_prod|elementwise_prod|cwiseProduct|emul)\s*\(")
_OPERATOR_OF = {"Add": "+", "add": "+", "Sub": "-", "sub": "-", "subtract": "-", "Mul": "*", "MatMul": "*", "Matmul": "*",
                "MatVecMul": "*"}
# an activation called from a package's name (Gorgonia's g.Sigmoid(...), G.Tanh(...)): the function
_OWNED_ACTIVATION = re.compile(r"(?<![\w.\\])[A-Za-z]\w{0,8}\.(?=(?:Sigmoid|Tanh|ReLU|Rectify|Exp)\s*\()")


def _lone_comma(text: str, at: int) -> int | None:
    """The one comma at the top level of the call whose arguments start at `at` (two arguments), else None."""
    depth, comma = 0, None
    for i in range(at, min(len(text), at + 400)):
        ch = text[i]
        if ch in "([{":
            depth += 1
        elif ch in ")]}":
            if depth == 0:
                return comma if ch == ")" else None
            depth -= 1
        elif ch == "," and depth == 0:
            if comma is not None:
                return None  # a third argument (transpose_b=True, out=...): not read as a product
            comma = i
        elif ch == "\n":
            return None
    return None


def _closing(text: str, at: int) -> int | None:
    """Where the call whose arguments start at `at` closes, on its line (else None)."""
    depth = 0
    for i in range(at, min(len(text), at + 400)):
        if text[i] in "([{":
            depth += 1
        elif text[i] in ")]}":
            if depth == 0:
                return i if text[i] == ")" else None
            depth -= 1
        elif text[i] == "\n":
            return None
    return None


# a call's keyword argument of a number or a name, last in its parentheses: `jnp.concatenate([x, h], axis=-1)`,
# `torch.cat((x, h), dim=1)`: how the call is made, not an operand
_KEYWORD_ARG = re.compile(r",\s*(?:axis|dim|dims|keepdim|keepdims|out|dtype)\s*=\s*-?[\w.]+(?=\s*\))")


def code_calls(out: list[str], start: int, region: str) -> bool:
    """`torch.cat([h, x])` as `(    [h, x])`, `np.dot(W, x)` as `(W @ x)`, `gate_fn(z)` as `gatefn (z)`;
    whether any was."""
    edited = False
    for m in list(_MODULE.finditer(region)) + list(_THEANO_T.finditer(region)) if "." in region else ():
        out[start + m.start():start + m.end()] = [" "] * (m.end() - m.start())
        edited = True
    for m in _OWN_ACTIVATION.finditer(region) if "." in region else ():
        out[start + m.start():start + m.end()] = [" "] * (m.end() - m.start())
        edited = True
    for m in _FIELD.finditer(region) if "." in region else ():
        out[start + m.start():start + m.end()] = [" "] * (m.end() - m.start())
        edited = True
    for m in _SPELLED_LAG.finditer(region) if "_minus" in region or "_plus" in region else ():
        lag = f"_{{{m.group(1)}{'-' if m.group(2) == 'minus' else '+'}{m.group(3)}}}"
        out[start + m.start():start + m.end()] = list(lag.ljust(m.end() - m.start()))
        edited = True
    for m in _BROADCAST_CALL.finditer(region) if ".(" in region else ():
        out[start + m.end() - 1] = " "
        edited = True
    for m in _JOIN.finditer(region) if "[" in region else ():
        out[start + m.start():start + m.end() - 1] = [" "] * (m.end() - 1 - m.start())
        edited = True
    for m in _JOIN_ARGS.finditer(region) if "cat" in region or "stack" in region else ():
        close = _closing(region, m.end())
        if close is not None and _lone_comma(region, m.end()) is not None:
            out[start + m.start():start + m.end()] = list("[".rjust(m.end() - m.start()))
            out[start + close] = "]"
            edited = True
    for m in _METHOD_PRODUCT.finditer(region) if "." in region else ():
        if out[start + m.start()] == ".":  # not a module's dot blanked above (tf.matmul)
            out[start + m.start():start + m.end()] = list(" @".ljust(m.end() - m.start()))
            edited = True
    for m in _DOT_T.finditer(region) if ".T" in region else ():  # numpy's W.T: W^T (before a dot reads as a product)
        out[start + m.start()] = "^"
        edited = True
    for m in _METHOD_T.finditer(region) if ".t()" in region else ():  # torch's w.t(): w^T
        out[start + m.start():start + m.end()] = ["^", "T", " ", " "]
        edited = True
    for m in _KEYWORD_ARG.finditer(region) if "=" in region and "(" in region else ():  # cat([x, h], axis=-1)
        out[start + m.start():start + m.end()] = [" "] * (m.end() - m.start())
        edited = True
    region = "".join(out[start:start + len(region)]) if edited else region  # np.dot( is dot( now
    for m in _PRODUCT_CALL.finditer(region) if "(" in region else ():  # dot(W, x): W @ x
        comma = _lone_comma(region, m.end())
        if comma is not None:
            out[start + m.start():start + m.end() - 1] = [" "] * (m.end() - 1 - m.start())
            out[start + comma] = "@"
            edited = True
    edited = _arithmetic_calls(out, start, region) or edited
    for m in _SNAKE_CALL.finditer(region) if "_" in region else ():
        word = m.group(1).replace("_", "")
        out[start + m.start():start + m.end()] = list(word.ljust(m.end() - m.start()))
        edited = True
    return edited


def _arithmetic_calls(out: list[str], start: int, region: str) -> bool:
    """`g.Add(a, b)` as `(a + b)`, `g.HadamardProd(a, b)` as `(a ⊙ b)`, `g.Sigmoid(` as `Sigmoid(`; whether any was."""
    edited = False
    for m in _OWNED_ACTIVATION.finditer(region) if "." in region else ():
        out[start + m.start():start + m.end()] = [" "] * (m.end() - m.start())
        edited = True
    for m in _ARITHMETIC_CALL.finditer(region) if "(" in region else ():
        comma = _lone_comma(region, m.end())
        if comma is not None:
            out[start + m.start():start + m.end() - 1] = [" "] * (m.end() - 1 - m.start())
            out[start + comma] = _OPERATOR_OF.get(m.group("op"), "⊙")
            edited = True
    return edited


def snake_names(out: list[str], start: int, region: str) -> bool:
    """`log_i_t` as one name, l with the index og_i at t, and `x_h_prev`, `i2h` as one name each
    (after code's calls, read.rowlabels.code_calls); whether any was."""
    edited = code_calls(out, start, region)
    region = "".join(out[start:start + len(region)]) if edited else region
    for m in _SNAKE.finditer(region) if region.count("_") >= 2 else ():
        rest = m.group(2) + "," + m.group(3)
        out[start + m.start():start + m.end()] = [m.group(1)] + [chr(0xE000 + ord(c)) for c in rest]
        edited = True
    region = "".join(out[start:start + len(region)]) if edited else region
    for m in _CODE_WORD.finditer(region):
        out[start + m.start():start + m.end()] = [m.group(1)] + [chr(0xE000 + ord(c)) for c in m.group(2)]
        edited = True
    return edited


# an equation editor's left side in braces: &{h^{\left( t \right)}} = ... (MathType, Mathpix), {{\widetilde{h}}_{t}}: the symbol
# and a function name in braces: {\rm{softmax}}\left( ... \right)
_BRACED_WORD = re.compile(r"\{(\s*\\(?:rm|mathrm|operatorname|text)\s*\{\s*[A-Za-z]+\s*\}\s*)\}(?=\s*(?:\\(?:left|[bB]igg?l?)\s*)?\()")
_BRACED_LEFT = re.compile(r"(?:^|(?<=[&\n]))([ \t]*)\{(?!\\bf\s)(\s*(?:(?:\\[A-Za-z]+\s*)?[A-Za-z]|\{?\s*\\[A-Za-z]+\s*\{\s*[A-Za-z]\s*\}\s*\}?)(?:\s*[_^]\s*(?:\{[^{}]*"
                          r"(?:\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\}[^{}]*)*\}|[A-Za-z0-9]))+\s*)\}(?=\s*&?\s*=)")


_BRACED_LITERAL = re.compile(r"\{\s*(?:\\[A-Za-z]+\s*)?[A-Za-z]\s*[_^]|\{\s*\{?\s*\\[A-Za-z]+\s*\{\s*[A-Za-z]\s*\}\s*\}?\s*[_^]")  # what _BRACED_LEFT's matches hold


def braced_left(out: list[str], start: int, region: str) -> bool:
    """The braces around a row's left side blanked; whether any were."""
    edited = False
    for m in _BRACED_LEFT.finditer(region) if _BRACED_LITERAL.search(region) else ():
        out[start + m.start(2) - 1] = " "
        out[start + m.end(2)] = " "
        edited = True
    for m in _BRACED_WORD.finditer(region) if "{\\" in region or "{ \\" in region else ():
        out[start + m.start()] = " "
        out[start + m.end() - 1] = " "
        edited = True
    return edited


# a left side written with its step glued, `& rt = \\sigma(...)`, in math whose other symbols carry `_t`
_GLUED_LEFT = re.compile(r"(?:^|(?<=[&\n]))[ \t]*([A-Za-z][\u0300-\u036f]?)t(?=[ \t]*&?[ \t]*=(?!=))")
_TIMED_LEFT = re.compile(r"(?:^|(?<=[&\n])|(?<=\\\\))[ \t]*([A-Za-z])_\{?t\}?[ \t]*&?[ \t]*=(?!=)")  # r_t &= ... (a row's left side)
# the same matches, found where a line or a row starts rather than by a look behind at every character: a
# match after the text's start is one of these, its line's or row's start consumed (_lefts)
_GLUED_LEFT_AFTER = re.compile(r"[&\n][ \t]*([A-Za-z][\u0300-\u036f]?)t(?=[ \t]*&?[ \t]*=(?!=))")
_TIMED_LEFT_AFTER = re.compile(r"(?:[&\n]|\\\\)[ \t]*([A-Za-z])_\{?t\}?[ \t]*&?[ \t]*=(?!=)")
_GLUED_LAG = re.compile(r"(?<![\\\w])[A-Za-z][\u0300-\u036f]?(t[-−]1)(?![\w{(])")  # Ht−1 beside X_t: H at t-1
_LETTER_LAG = re.compile(r"[A-Za-z][\u0300-\u036f]?t[-−]1")  # what each match holds: a quick test (not a look-behind first)


# a line of plain text or a comment whose left side is a letter glued to t: `ft = σ(Wf * input + ...)`
_GLUED_LEFT_LINE = re.compile(r"^[ \t]*(?:(?://[/!]?|#+|--|%)[ \t]*)?([A-Za-z])t[ \t]*=(?!=)", re.M)


def glued_left_letters(text: str, written: bool = False) -> frozenset[str]:
    """The letters a text's lines of plain math define glued to t (`ft = ...`, `// it = ...`): its operands so
    written in other lines (`c_next = ft * c_prev + it * cct`) are those signals at t. With `written` (a text of LaTeX
    math, no plain lines), only the letters it also writes at t with a subscript (`ft = \\sigma(...)` and `f_t` in
    another equation): a subscript left off."""
    found = frozenset(m.group(1) for m in _GLUED_LEFT_LINE.finditer(text)) if "t =" in text or "t=" in text else frozenset()
    return frozenset(x for x in found if re.search(rf"(?<![\\\w]){x}_\{{?t\}}?(?![\w])", text)) if written else found


def _lefts(pattern, after, region: str) -> set[str]:
    """The first groups of pattern's matches in the region: the one at its start, then after's."""
    first = pattern.match(region)
    found = {m.group(1) for m in after.finditer(region, first.end() if first else 0)}
    return found | {first.group(1)} if first else found


def glued_steps(out: list[str], start: int, region: str, glued: frozenset = frozenset()) -> bool:
    """`rt = \\sigma(...)`, `(1 - zt) \\odot nt`, `H̃t = ...` in math that writes h_t and h_{t-1}: rt is r at t (its t
    written as a subscript, read.symbols reads it back), wherever the region writes it; `Ht−1` is H at t-1; and
    in plain lines, the operands glued to t of letters another line defines so (`glued`, read.regions)."""
    if "t" not in region or not glued and "_t" not in region and "_{t" not in region:
        return False
    letters = _lefts(_GLUED_LEFT, _GLUED_LEFT_AFTER, region) if "_t" in region or "_{t" in region else set()
    # and a signal defined at t (`r_t &= ...`) used glued, `+rt*(W_{hn} h_{t-1})` (an operator or a bracket before it)
    glued_uses = (_lefts(_TIMED_LEFT, _TIMED_LEFT_AFTER, region) | glued) - letters
    edited = False
    for letter in sorted(u for u in glued_uses if u + "t" in region):  # (each match holds the letter and t: a quick test)
        for m in re.finditer(r"(?<=[-+*/(=&|\s])" + re.escape(letter) + r"t(?![\w{(\u0300-\u036f'])", region):
            if m.start() > 0 and region[m.start() - 1].isspace() and not re.search(r"[-+*/(=&]\s*$|\\[a-z]+\s*$", region[:m.start()]):
                continue  # (after a space, only after an operator: `\text{at time}` is words)
            out[start + m.end() - 1] = chr(0xE000 + ord("t"))
            edited = True
    for letter in sorted(u for u in letters if u + "t" in region):
        for m in re.finditer(r"(?<![\\\w])" + re.escape(letter) + r"t(?![\w{(\u0300-\u036f])", region):
            out[start + m.end() - 1] = chr(0xE000 + ord("t"))
            edited = True
    for m in _GLUED_LAG.finditer(region) if ("t-1" in region or "t−1" in region) and _LETTER_LAG.search(region) else ():
        out[start + m.start(1):start + m.end(1)] = [chr(0xE000 + ord(c)) for c in "t-1"]
        edited = True
    return edited


# `i_t = σ(...)  // input gate` in a ```math fence inside a Rust doc comment: the line's remark
_SLASHED_REMARK = re.compile(r"(?<=[\w)\]}'])[ \t]+//[ \t]+[A-Za-z][^\n\\$=]*$", re.M)


def slashed_remarks(out: list[str], start: int, region: str) -> bool:
    """A `// remark` after an equation on its line (math in a code comment's fence), as spaces; whether any was."""
    edited = False
    for m in _SLASHED_REMARK.finditer(region) if "//" in region else ():
        out[start + m.start():start + m.end()] = [" "] * (m.end() - m.start())
        edited = True
    return edited
