"""A text without math containers read line by line (read.regions calls it when it finds none): a
line with `=` and some LaTeX or Unicode math is an equation, a line of code at a time step too
(`i[t] = sigm(Wi * x[t] .+ Ri * h[t-1])`), each cell of a Markdown table's row a line of its own;
a trailing comment, a list bullet and the prose around an equation are not math."""
from __future__ import annotations

import bisect

from . import patterns as re  # re, with the package's patterns compiled ahead (read.patterns)
from .cjklines import between_words
from .labelledlines import ACTIVATED_CODE as _ACTIVATED_CODE, CODE_TIME as _CODE_TIME, labelled_updates
from .pystatements import PAST_SUFFIX as _PAST_SUFFIX, STEP_SUFFIX as _STEP_SUFFIX, WEIGHT_PRODUCT as _WEIGHT_PRODUCT, WORD as _WORD
from .pystatements import activated_sums, enclosed_equals, shadowed, sketches, step_outputs, training_lines, unshadowed

# a line of a text without containers that looks like an equation: `=` and some LaTeX (or a state
# glued to its previous step, `St = tanh(St-1 * W + Xt * U)`: a page's subscripts lost in a copy, or a
# signal at a time in parentheses, h(t) = f(W x(t) + U h(t-1)), h'(t) = A h(t) + B x(t))
_BARE = re.compile(r"=|\\in(?![A-Za-z])|∈|(?<=\s)in\s+(?:ℝ|R\^)")
_LATEXY = re.compile(r"(?<![\\\w])[A-Za-z]t-1(?![\w{}(\[])|[A-Za-z]<t(?:[-−]1)?>|(?<![\\\w])[A-Za-z]'?\(t(?:\s*-\s*1)?\)|\\[A-Za-z]+|[_^]|[\u2080-\u209c\u1d62-\u1d6a\u2070-\u207f\u1d40σ⊙∘◦⊗∈ℝ\u0303′]")  # or Unicode math: hₜ₋₁, σ, ⊙, ᵀ, h̃, h′
_PROSE = re.compile(r"(?<![\\A-Za-z])[A-Za-z]{3,}[,;:]?\s+[A-Za-z]{2,}\b")  # (\times tanh: a command, no word)
# a comment after an equation: a word glued after it (`...+b)Donde:`, a page copied as text), an option in brackets
# (`  [linear_before_reset=0]`), `   (4*hidden_size cols)`, `   — forget gate: how much`, ` → Input gate<br>`, `# ...`, `// ...`, `← what to forget`, `: forget gate`, `-> forget gate`, `— reset gate`, or a remark in parentheses after two spaces, words only
# (or after words, three spaces on: `stabilizer (log-domain)`)
# (`r_t = σ(W_ir @ x_t + ...)  (reset gate)`), or an equation in parentheses after three spaces or more
# (`delta[t] = x[t-1] - x[t]       (delta[0] = -x[0])`: an initial condition)
_TRAILING_COMMENT = re.compile(r"(?<=[)\]])[A-ZÀ-Ý][^\W\d_]{2,}:\s*$|(?:\s{2,}|\t)for\s+[A-Za-z]\s*(?:=|∈|in\b)[^\n=]*$|(?:\s{2,}|\t)\[[A-Za-z_]\w*\s*=\s*[\w.]+\]\s*$|(?:\s{2,}|\t)\[[^\W\d_]{2,}(?:[ /-][^\W\d_]+)+\]\s*$|\s(?:(?:#|//|--|←|⟵|<--?)\s|(?:#|//)(?=[^\W\d_]{2,})).*$|,?\s+where:?\s*$|\s(?::|=>|->|⇒|→|\|)\s+[A-Za-z][A-Za-z '-]*$|\s[—–]\s+[^\W\d_]+(?:[ -]+[^\W\d_]+)*(?:\s*\([^\W\d_]+(?:[ ,'-]+[^\W\d_]+)*\))?[.!]?\s*$|(?:\s\s+|\t)\(\*?[^\W\d_]+\*?(?:[ ,'-]+\*?[^\W\d_]+\*?)*(?:\s*[⊙∘·×*])?\)\s*$|(?<=\))(?:[ \t]{2,}|\t)[^\W\d_]{3,}(?:[ -][^\W\d_]+)*\s*$|(?<=[\w)\]}])\s+[\u0400-\u04ff\u0590-\u08ff\u0900-\u0dff\u0e00-\u0e7f]{3,}[^\n=]*$|(?<=[\w)\]}])(?:\s{3,}|\t\s*)(?:[^\W\d_]{3,}|[^\W\d_]{1,2}(?= [^\W\d_]{3,} [^\W\d_]))(?:[ :,;'’/-]+[^\W\d_]+)*(?:\s+\((?:[^\W\d_]+(?:[ ,'-]+[^\W\d_]+)*|[^\W\d_]+ [^()\n=]*)\))?\s*$|(?<=[\w)\]])(?:\s{3,}|\t\s*)\([^()\n=]*(?:→|->|⟶|=>)[^()\n=]*\)\s*$|(?<=[\w)\]}])(?:\s{3,}|\t\s*)\([^\W\d_]{3,}:[^()\n=]*\)\s*$|(?<=[\w)\]])(?:\s{3,}|\t\s*)\((?=[^\n]*[=∈])(?:[^()\n]|\([^()\n]*\))*\)(?:\s+[^\W\d_]+(?:[ ,-]+[^\W\d_]+)*)?\s*$"
                              r"|(?<=[\w)\]}])(?:\s{3,}|\t\s*)\((?=[^()\n]*[^\W\d_]{3,}\s+[^\W\d_]{3,})[^()\n]*\)\s*$"
                              r"|(?<=[\w)\]}])(?:\s{2,}|\t)[—–]\s+[^\W\d_]{2,}.*$|(?<=[\w)\]}])\s+[→⇒]\s+[^\W\d_]{2,}.*$"
                               r"|(?:\s\s+|\t)\([^\W\d_]+(?:\s+[^\W\d_]+)?\s*[:=]\s*-?[\d.]+\)\s*$|(?<=[\w)\]}])\s*(?:\"\"\"|\'\'\'|\*/)\s*$"  # (typical: 0.5); a docstring's or a C comment's end
                               r"|(?<=\))[ \t]\((?=[A-Z][a-z]{3,})[^\W\d_]+(?:[ -][^\W\d_]+)*\)\s*$"  # `... + b_h) (Candidate)`
                               r"|(?:;[ \t]*|(?:[ \t]{2,}|\t))%[^\n]*$"  # MATLAB's `h = tanh(W*x + b);   % hidden` (Armadillo's % is spaced once)
                               r'|(?<=[\w)\]}])(?:\s{3,}|\t\s*)[^\W\d_]{3,}(?:[ -][^\W\d_]+)*\s+"[^"\n=]*"\s*$'  # input gate   "how much I write"
                              r"|(?<=\))[ \t]+(?:NEW|RESET|UPDATE|GATE|CELL|HIDDEN|OUTPUT|INPUT|FORGET|CANDIDATE|STATE|MEMORY)"
                              r"(?:[ \t]+[A-Z]{3,})*[ \t]*$")  # `... + b_{hn})) NEW`: a label in capitals
_PRIMED = re.compile(r"\s*[A-Za-z]\w*'+\s*=(?!=)")  # h' = (1 - z) * n + z * h: the new state, no other mark
_FLAT_LAG = re.compile(r"(?<![\\\w])[A-Za-z]t[-−]1(?![\w{}(\[])")
_FLAT_TIME = re.compile(r"\s*[A-Za-z]t\s*=(?!=)")  # a left side at t in such a text: Ht = ...
_BULLET = re.compile(r"^\s*([-*+>•]|\d+[.)])\s+")
_EQUATION_START = re.compile(r"(?<![\w\\])[A-Za-z\\][\w{}\\'~^\u0303→←]*(_|'|~|\^|[\u2080-\u209c])[\w{}\\'^()\u2080-\u209c-]*\s*=")


# a line of code that is an equation at a time step: `i[t] = sigm(Wi * x[t] .+ Ri * h[t-1])` (Knet),
# `c[t] := f[t]*C[t-1] + ...` (TensorRT), `o[t] = σ(W[x->o]x[t] + ...)   (5)` (torch-rnn)
_CODE_LINE = re.compile(r"^\s*(?:[-*+>]\s+)?[A-Za-z][A-Za-z0-9]*" + _CODE_TIME + r"\s*:?=(?!=).*"
                        + _CODE_TIME.replace("t\\s*(?:", "t\\s*(?:").replace("\\[", "[A-Za-z0-9\\]]\\[", 1))
_CODE_INDEX = re.compile(r"(?<=[A-Za-z0-9])\[[^\[\]\s]*\]")
_ARG_GAP = re.compile(r",\s+")  # np.dot(Wxh, xs[t]): a call's arguments, not words of prose


def bare_lines(text: str) -> list[tuple[int, int, str]]:
    """A text without containers: each line with `=` (or \\in) and some LaTeX is an equation; a
    trailing `# comment` and a leading list bullet are not; in a line of prose, the equations start
    at a subscripted symbol before `=` and run to the end of the sentence. Each cell of a Markdown
    table's row is a line of its own."""
    out: list[tuple[int, int, str]] = []
    pos = 0
    code = _source_code(text)
    flat = _FLAT_LAG.search(text) is not None  # Ct-1 somewhere: Ht and it are H and i at t in every line
    quoted = False  # inside a docstring of source code
    lines = text.split("\n")
    assigned = unshadowed(lines, _assignment_blocks(lines))
    # def backprop(...): not the cell's; `# h_t = tanh(Wxh * x_t + ... + bias)` over the code's step with bh: a sketch, not read
    unread = (training_lines(lines) if "def" in text else set()) | sketches(lines, assigned) if code else ()
    commented = _commented_statements(lines) if not assigned else {}
    strings = '"' in text and any(_ACTIVATION_IN.search(m.group(1)) for m in _QUOTED.finditer(text))
    ticked = "'" in text and not strings and any(_ACTIVATION_IN.search(m.group(1)) for m in _SINGLE_QUOTED.finditer(text))
    for n, line in enumerate(lines):
        if (strings and '"' in line and '"""' not in line) or (ticked and "'" in line):
            for m in (_QUOTED if strings else _SINGLE_QUOTED).finditer(line):  # print("  z_t = sigmoid(...)"), JS's ['r_t = \\sigma(...)']
                _bare_line(m.group(1), pos + m.start(1), out, flat)  # (a line of strings without one: code)
        elif n in commented:  # `# r  =    σ(Wr * x + bWr + Rr * h + bRr)` in a run of such comment lines: code
            a, b = commented[n]
            kept = _TRAILING_COMMENT.sub("", line[a:b])
            out.append((pos + a, pos + a + len(kept), "code"))
        elif n in assigned:  # `z = sigmoid(Wz * x + Uz * h .+ bz)` in a block of such lines: code, read as code
            m = _ASSIGNMENT.match(line) or _DECLARED_STATEMENT.match(line)
            kept = _TRAILING_COMMENT.sub("", m.group(1))  # `h_t = o_t ⊙ tanh(c_t)  (hidden state)`: a remark after it
            out.append((pos + m.start(1), pos + m.start(1) + len(kept), "code"))
        elif code:  # source code: its lines of code are not read (its comments and docstrings are)
            marker = _COMMENT_LINE.match(line)
            is_code = n in unread or (marker is not None and _MEMBER.search(line)) or (marker is None and not quoted and bool(
                _CODE_SIGN.search(line) or _MEMBER.search(line) or _KWARG.match(line)) and not _STEP_STATEMENT.match(line))
            quoted = quoted != ((line.count('"""') + line.count("'''")) % 2 == 1)
            step = _STEP_ASSIGN.match(line) if is_code and "@" in line else None
            if step:  # `self.next_h = np.tanh(self.prev_h @ self.Wh + x @ self.Wx + self.b)`: the step, as code
                out.append((pos + step.start(1), pos + step.end(1), "code"))
            elif not is_code:
                skip = marker.end() if marker else 0
                # (` * h_t = tanh(W_x·x_t + W_h·h_{t-1})，tanh 让状态有界。`: the math between the words)
                between_words(line[skip:], pos + skip, out, flat, _bare_line) if _CJK.search(line) else _bare_line(line[skip:], pos + skip, out, flat)
        elif _TABLE_ROW.match(line):
            for cell in _TABLE_CELL.finditer(line):
                _bare_line(cell.group(1), pos + cell.start(1), out, flat)
        elif _CJK.search(line):  # 其中 h_t = \tanh(W x_t)，...: the math between the words
            between_words(line, pos, out, flat, _bare_line)
        else:  # a line of a code comment (`// h_t = tanh(...)`, `# r = σ(...)`) in a text with little code: not its marker
            skip = m.end() if (m := _SLASHES.match(line)) else 0
            _bare_line(line[skip:], pos + skip, out, flat)
        pos += len(line) + 1
    labelled_updates(text, out)  # `// Hidden state: h = (1-z) * n + z * hPrev` beside the gates read
    return _whole_blocks(lines, out, unread)


# a label that names a part of the cell: `// New hidden state: h = o * tanh(c)` (an activation, no other mark)
_PART_LABEL = re.compile(r"\b(?:gates?|state|candidate|cell|hidden|output|update|reset|memory)\b", re.I)
_ACTIVATED_STATEMENT = re.compile(r"\s*[A-Za-z]\w*\s*=(?!=)[^=\n]*(?:sigmoid|sigma|tanh|σ|relu)\s*\(")


def _labelled_step(body: str, label, start: int) -> bool:
    """A line whose label names a gate or a state, and whose statement applies an activation."""
    return label is not None and _PART_LABEL.search(label.group(1)) is not None \
        and _ACTIVATED_STATEMENT.match(body, start) is not None


_ACTIVATION_NAME = re.compile(r"(?:sigmoid|sigma|tanh|relu|softmax|σ)\s*=")  # `tanh = hyperbolic tangent (-1..1)`: a gloss


def _joins(line: str, statement: str, used: set[str]) -> bool:
    """Whether a statement joins the equations read beside it: it computes (an operator, an activation),
    is no starting value, slice of data or gloss, and the equations use what it computes or it
    multiplies by a weight (read.barelines._connected; `loss = -log(p)` does neither)."""
    lhs, _, rhs = statement.partition("=")
    return bool(_ARITHMETIC.search(statement)) and not _NOT_MATH.search(line) and not _INITIALISER.match(line) \
        and not _SLICE.match(line) and not _CJK.search(line) and not _ACTIVATION_NAME.match(statement) \
        and (_PAST_SUFFIX.sub("", lhs.strip().rstrip("'")) in used or bool(_WEIGHT_PRODUCT.search(rhs)))


_ARITHMETIC = re.compile(r"=[^=]*(?:[-+*/@⊙]|sigm|tanh|σ)")  # a statement that computes


def _whole_blocks(lines: list[str], out: list[tuple[int, int, str]], unread=()) -> list[tuple[int, int, str]]:
    """The regions, and each statement that computes (`name = expression` with an operator or an
    activation) of a block of lines (between blank ones) where two others were read as equations, read
    too as code: a block is the cell's whole
    (`new_state = current + previous + bias_term` beside `current = torch.matmul(...)`), never a part."""
    if not out:
        return out
    starts, pos = [], 0
    for line in lines:
        starts.append(pos)
        pos += len(line) + 1
    taken = {bisect.bisect_right(starts, a) - 1 for a, _, _ in out}
    text = "\n".join(lines)
    read = [text[a:b] for a, b, _ in out]
    used = {_PAST_SUFFIX.sub("", w) for r in read for w in _WORD.findall(r.split("=", 1)[-1])}  # the names they use
    added, block, strong_end = [], [], -9
    for n, line in enumerate(lines + [""]):
        if line.strip() and not _FENCE_LINE.match(line):  # (a code block's fence ends a block, as a blank line does)
            block.append(n)
            continue
        count = sum(1 for k in block if k in taken)
        lone = count == 1 and block[0] - strong_end > 2  # one line read: its block of statements, products by a weight
        if count >= 2 or (count and (not lone or _statements_only(lines, block))):  # (or one, right after a block of the cell's lines)
            strong_end = block[-1]
            made = {m.group(1) for k in block if k in taken for m in [_LEFT_NAME.match(lines[k])] if m}  # (`gates = x @ W`)
            for k in block:
                m = _MARKER.match(lines[k])
                skip = m.end() if m else 0
                st = _STATEMENT.match(lines[k][skip:])
                if k not in taken and k not in unread and st and _joins(lines[k][skip:], st.group(1), used) \
                        and not (not skip and shadowed(lines, k)) \
                        and not (lone and not _WEIGHT_PRODUCT.search(st.group(1).partition("=")[2])
                                 and not made & set(_WORD.findall(st.group(1).partition("=")[2]))):  # (`i = sigmoid(gates[:, 0:H])`)
                    kept = _TRAILING_COMMENT.sub("", st.group(1))
                    added.append((starts[k] + skip + st.start(1), starts[k] + skip + st.start(1) + len(kept), "code"))
        block = []
    return sorted(out + added) if added else out


_LEFT_NAME = re.compile(r"^[ \t]*(?:(?://+|#)[ \t]*)?([A-Za-z_]\w*)[ \t]*=(?!=)")


def _statements_only(lines: list[str], block: list[int]) -> bool:
    """Whether every line of a block is a statement (`name = expression`, a comment after it) or a comment:
    MATLAB's `h = tanh(W*x + U*h_prev + b);` and `y = V*h + c;` (no def, no return, no call alone)."""
    return all(_STATEMENT.match(lines[k][m.end() if m else 0:]) or _COMMENT_LINE.match(lines[k])
               for k in block for m in (_MARKER.match(lines[k]),))


_FENCE_LINE = re.compile(r"[ \t]*(?:```|~~~)[\w-]*[ \t]*$")  # a code block's fence (```text)


# a statement of code with no LaTeX: `name = expr`, the expression of names, calls and operators (a trailing comment apart)
_ASSIGNMENT = re.compile(r"^[ \t]*([A-Za-z]\w{0,3}'?[ \t]*=(?!=)[ \t]*[\w(][\w .*+\-/()]*[\w)])[ \t]*(?:;[ \t]*)?(?:(?:#|//|%)[^\n]*)?$")
_ACTIVATION_CALL = re.compile(r"=[ \t]*(?:sigmoid|sigm|σ|tanh|relu)\.?[ \t]*\(")


def _assignment_blocks(lines: list[str]) -> set[int]:
    """The lines of the blocks (lines between blank ones) made only of statements of code, two of them
    or more an activation's call: Mira's `z = sigmoid(Wz * x + Uz * h .+ bz)` ... `h = z .* h + (1 - z) .* c`;
    and the statements of a function's body that computes a cell (read.barelines._step_statements)."""
    out: set[int] = _step_statements(lines)
    block: list[int] = []
    for n, line in enumerate(lines + [""]):
        if line.strip() and _ASSIGNMENT.match(line) and "_" not in line and "\\" not in line:
            block.append(n)
            continue
        if len(block) >= 3 and sum(1 for k in block if _ACTIVATION_CALL.search(lines[k])) >= 2:
            out.update(block)
        block = []
    return out


# a statement of a function's body: `name = expression` (no keyword argument, no string), a comment after it
_DECLARE = r"(?:(?:let(?:[ \t]+mut)?|var|val|const|auto|local)[ \t]+)"  # Rust's, Swift's, JavaScript's `let h_t = ...`
_DECLARED = re.compile(r"^[ \t]*" + _DECLARE)
_STATEMENT = re.compile(r"^[ \t]*([A-Za-z_]\w*'?[ \t]*=(?!=)[ \t]*(?:[^=\n#'\"%;\[]|\[[^\]\n=#%]*\])*(?<=[\w)\]]))[ \t]*;?[ \t]*"
                        r"(?:(?:#|%|//)[^\n]*)?$")  # (MATLAB's [x; h_prev] inside)
# the same with a declaration before it (`let f_t = ...;`): a statement of a step's body only, where the
# run of statements is the cell's (a source file's other code, beside the comments that hold the math, is not read)
_DECLARED_STATEMENT = re.compile(r"^[ \t]*" + _DECLARE + r"?" + _STATEMENT.pattern[len("^[ \\t]*"):].replace(
    r"\w*'?", r"\w*(?:\[t\])?'?", 1))  # (and a list's entry at the step, min-char-rnn's `hs[t] = np.tanh(...)`)
# an activation (sigmoid, tanh: a function, a module's, a method's) of a matrix product (`@`, dot, matmul)
_ACTIVATED_PRODUCT = re.compile(r"(?:sigmoid|sigm|tanh|σ)\.?\s*\([^\n]*(?:@|\*|\b(?:dot|matmul|mm|mv)\s*\()")
_NOT_MATH = re.compile(r"\b(?:for|if|else|lambda|in|not|and|or|range|len|shape|zeros|ones|randn?|empty|copy)\b")


def _step_statements(lines: list[str]) -> set[int]:
    """The statements of a run of lines (statements, comments, blank lines) with three statements or more,
    two of them an activation of a matrix product: a function's body that computes a step of the cell
    (`f = self._sigmoid(self.Wf @ combined + self.bf)`, `c = f * c_prev + i * c_tilde`); or with one such
    statement that reads what it computes (`h = tanh(dot(W, x) + dot(U, h) + b)`, h_prev for h): a recurrence."""
    out: set[int] = set()
    run: list[int] = []
    for n, line in enumerate(lines + ["end"]):
        stripped = line.strip()
        if not stripped or stripped.startswith(_COMMENT_MARKS) or (_DECLARED_STATEMENT.match(line) and not _NOT_MATH.search(line.split("#")[0])):
            run.append(n)
            continue
        statements = [k for k in run if lines[k].strip() and not lines[k].strip().startswith(_COMMENT_MARKS)]
        pairs = activated_sums(lines, statements, _WEIGHT_PRODUCT.search)  # z1 = np.dot(x, W) + ...; h = np.tanh(z1): one
        activated = [k for k in statements if _ACTIVATED_PRODUCT.search(lines[k])] + [k for k, _ in pairs]
        if (len(statements) >= 3 and len(activated) >= 2) or any(_recurrent(s) for s in [lines[k] for k in activated] + [s for _, s in pairs]):
            kept = [k for k in statements if not _SLICE.match(lines[k]) and not _INITIALISER.match(lines[k]) and not _TUPLE_ASSIGN.match(lines[k])]
            out.update(_connected({k: lines[k] for k in kept}, line.partition("return")[2] if _RETURN.match(line) else ""))
        run = []
    return out | step_outputs(lines, out, lambda line: (m := _DECLARED_STATEMENT.match(line)) and not _NOT_MATH.search(line) and m.group(1), _WEIGHT_PRODUCT.search,
                              lambda name: _STEP_SUFFIX.sub("", _DECLARED.sub("", name).removesuffix("[t]"))) if out and any("def" in line for line in lines) else out


_RETURN = re.compile(r"^[ \t]*return\b")
_COMMENT_MARKS = ("#", "//", "%", "--")  # Python's, C's, MATLAB's, Lua's and Haskell's comments between the statements


def _recurrent(line: str) -> bool:
    """Whether a statement reads the name it computes (h_prev, h_t1 for h): `h = tanh(W @ x + U @ h_prev)`."""
    if _FLAT_LAG.search(line):
        return False  # St = tanh(St-1 * W + Xt * U): a page's subscripts lost, read as such (not code)
    lhs, _, rhs = _DECLARED.sub("", line.split("#")[0]).partition("=")
    name = _PAST_SUFFIX.sub("", lhs.strip().rstrip("'").removesuffix("[t]"))  # (h_new = h * exp(-dt/tau) + ...: a line alone, not read as one)
    return bool(name) and any(_PAST_SUFFIX.sub("", w) == name for w in _WORD.findall(rhs))


def _connected(statements: dict[int, str], returned: str = "") -> set[int]:
    """The statements of a step that belong to the cell: each that another uses (h_prev counts for h), or the
    function returns (`return [updated_long, updated_short]`), or that multiplies by a weight (an output layer,
    y = softmax(V @ h)); a loss or a metric at the end (`loss = -np.log(p)`, `acc = y * mask`) uses the cell and adds
    no weight: not the cell's."""
    parts = {k: _DECLARED.sub("", line.split("#")[0]).partition("=") for k, line in statements.items()}
    while True:  # (a loss's inputs too, p = y * mask before loss = -log(p): dropped one after the other)
        used = {_STEP_SUFFIX.sub("", w) for k, (_, _, rhs) in parts.items() for w in _WORD.findall(rhs + " " + returned)}
        kept = {k: v for k, v in parts.items()
                if _STEP_SUFFIX.sub("", v[0].strip().rstrip("'").removesuffix("[t]")) in used or _WEIGHT_PRODUCT.search(v[2])}
        if len(kept) == len(parts):
            return set(kept)
        parts = kept


_MARKER = re.compile(r"^[ \t]*(?:#+'?|//[/!]?|--|;;)[ \t]?")


def _commented_statements(lines: list[str]) -> dict[int, tuple[int, int]]:
    """Where the statement of each line is (its columns), in a run of comment lines (blank ones too)
    with three statements or more, two of them an activation of a product: the cell written in a code
    comment (Arraymancer's `# n  = tanh(Wn * x + bWn + r .* (Rn * h + bRn))`), every statement read."""
    out: dict[int, tuple[int, int]] = {}
    run: list[tuple[int, int, int]] = []
    for n, line in enumerate(lines + ["end"]):
        m = _MARKER.match(line)
        body = line[m.end():] if m else ""
        st = _STATEMENT.match(body) if m and body.strip() and not _NOT_MATH.search(body) else None
        if m and (st or not body.strip()):
            if st:
                run.append((n, m.end() + st.start(1), m.end() + st.end(1)))
            continue
        if len(run) >= 3 and sum(1 for k, _, _ in run if _ACTIVATED_PRODUCT.search(lines[k])) >= 2:
            joined = _connected({k: lines[k][a:b] for k, a, b in run})
            out.update({k: (a, b) for k, a, b in run if k in joined})
        run = []
    return out


# Chinese, Japanese and Korean words and their full-width punctuation: prose around the math
_CJK = re.compile(r"[\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uff01-\uff0f\uff1a-\uff20\u2e80-\u2fdf]")
# source code (a file of a library, its doc comments around the code): lines of code end in `;`, `{`, `}`,
# or start with a keyword of a programming language
_CODE_SIGN = re.compile(r"[;{]\s*(?://[^\n]*)?$|^\s*}|^\s*(?:def|class|fn|func|pub|public|private|protected|internal|override|let|"
                        r"var|val|import|from\s+\S+\s+import|#include|package|using|struct|impl|function|return|module|"
                        r"template|namespace|static|const|end)\b", re.M)
# a statement of code at a time step, `i_k = sigmoid(w.w_ii * x_k + ...);`: the cell's equation as code writes it
_STEP_STATEMENT = re.compile(r"\s*[A-Za-z][A-Za-z0-9]*(?:_[tk](?:_(?:minus|plus)_?1)?|_\{[tk]\}|\[[tk]\])\s*=(?!=)[^;\n]*[(*+][^\n]*;\s*(?:%.*)?$")
# a line of code that computes the next state, an activation of a product (`next_h = np.tanh(prev_h @ Wh + ...)`)
_STEP_ASSIGN = re.compile(r"^[ \t]*((?:self\.)?(?:(?:next|new)_[A-Za-z]\w*|[A-Za-z]\w*_(?:next|new))[ \t]*=(?!=)[^\n#]*?"
                          r"(?:tanh|sigmoid|relu)[ \t]*\([^\n#]*@[^\n#]*?)[ \t]*(?:#[^\n]*)?$")
_TUPLE_ASSIGN = re.compile(r"\s*[A-Za-z_]\w*\s*=\s*\(\s*[A-Za-z_]\w*(?:\s*,\s*[A-Za-z_]\w*)+\s*,?\s*\)\s*(?:#.*)?$"
                           r"|\s*[A-Za-z_]\w*(?:\s*,\s*[A-Za-z_]\w*)+\s*=\s*[\w.]+\.(?:shape|size\(\s*\))\s*(?:#.*)?$")  # N, H = h.shape
_KWARG = re.compile(r"\s*[A-Za-z_]\w*\s*=\s*[^=\n]*,\s*(?:#.*)?$")  # dt_init_floor=1e-4, (an argument)
_MEMBER = re.compile(r"\b(?:self|this)\.|::|\bnew\s+[A-Z]")
_SLASHES = re.compile(r"^\s*(?://[/!]?|#+'?(?=\s)|--(?=\s))\s?")  # and Python's, Nim's, R's `#`, Lua's `--`
_COMMENT_LINE = re.compile(r"^\s*(?:///?!?|/\*\*?|\*(?!/)|#'?|--\s|%|;;)\s?")


def _source_code(text: str) -> bool:
    """Whether a text is source code with comments (three lines of code at least, and a fifth of its
    lines): then its lines of code (a keyword, `;`, braces, a member `self.x`) are not math, however
    they look; its other lines are read as plain text."""
    lines = [ln for ln in text.split("\n") if ln.strip()]
    code = sum(1 for ln in lines if _CODE_SIGN.search(ln) or _MEMBER.search(ln))  # self.x = ...: Python's too
    return code >= 3 and code * 5 >= len(lines)


_GRADIENT = re.compile(r"\s*(?:(?:∂|\\partial)\s*(?:L|E|J)(?![a-z])|∇|\\nabla(?![A-Za-z])|d[LEJ]\s*/\s*d)")  # of a loss
# a string of code that writes an equation (`print("  h_t = tanh(W x_t + b)")`, `fm("state", "hₜ = tanh(...)")`), not an f-string
_QUOTED = re.compile(r'(?:(?<!\w)[rR]|(?<![fF\w]))"(\s*(?:\\[A-Za-z]+\s*\{?\s*)?[^\W\d][\w{}\'^\u0303\u2080-\u209c]*(?:\(\s*t\s*\))?\s*=(?!=)(?!\s*[-−]?\d)[^"\n]*)"')  # (not `h_prev = 2, ...`: values)
# a single-quoted string of code that holds an equation, an item of a list or a field's value (JavaScript's
# `['Reset gate', 'r_t = \\sigma(W_r [h_{t-1}, x_t])']`): not a prime (h' = ...), never across a line
_SINGLE_QUOTED = re.compile(r"(?:(?<=[\[(,:=])|(?<=[\[(,:=] ))'(\s*(?:\\+[A-Za-z]+\s*\{?\s*)?[^\W\d][\w{}^\u0303\u2080-\u209c\\]*\s*=(?!=)"
                            r"(?!\s*[-−]?\d)[^'\n]*)'(?=\s*[,\])}])")
_ACTIVATION_IN = re.compile(r"(?:sigmoid|sigma|sigm|tanh|σ|softmax|relu)\s*(?:\\(?:big|Big|bigg|Bigg|left)l?\s*)?\(")
_TICKED_EQUATION = re.compile(r"`(?=[^`\n]*[A-Za-z])(?=[^`\n]*[=∈])([^`\n]*)`")  # (lookaheads: linear in the line)  # (or a declaration: `x_t ∈ R^d`)
# three spaces or more between the end of an operand and a statement's left side (`name =`, `f'_t =`)
_STATEMENT_GAP = re.compile(r"(?<=[\w)\]}])[ \t]{3,}(?=[^\W\d_][\w{}'^\u0300-\u036f]*(?:_\{?[\w-]+\}?)?'?[ \t]*=(?!=))")
_MODULE_CALL = re.compile(r"(?<![\w.])(?:np|numpy|torch|tf|jnp|jax\.numpy)\.[a-z_]+\s*\(")  # a line of numpy's, torch's code
_SLICE = re.compile(r"\s*[\w.]+\s*=\s*[\w.]+\s*\[(?!\s*:\s*,\s*[a-z]+_(?:index|idx|id|token|word)s?\s*\])[^\]\n]*:[^\]\n]*\]\s*$")  # x_t = x[:, t, :]: data (not E[:, word_index])
_SIGNATURE = re.compile(r"\s*(?:function|def|fn|func|sub|procedure)\s")  # a function's signature (MATLAB's has an `=`)
# a value to start from: `= np.zeros(...)`, `= torch.randn(...)` (a module's call that makes an array)
_STARTER = (r"=\s*(?:[A-Za-z_][\w.]*\(\s*)?(?:[A-Za-z_]\w*\.)*(?:zeros|ones|randn|rand|random|empty|full|eye|zeros_like|ones_like|normal|uniform|"
            r"randint|init_\w+|copy|clone)\s*\(")  # (or a copy of a state given: `hs[-1] = np.copy(h_prev)`)
_INITIALISER = re.compile(r"\s*[\w.]+(?:\[[^\]\n]*\])?(?:\s*,\s*[\w.]+)*\s*" + _STARTER)
_STARTING_VALUE = re.compile(_STARTER)


def starting_value(statement: str) -> bool:
    """Whether a statement gives a value to start from (`W_f = np.random.randn(H, V + H) * 0.01`)."""
    return _STARTING_VALUE.search(statement) is not None
_TABLE_ROW = re.compile(r"^\s*\|.*\|\s*$")
_TABLE_CELL = re.compile(r"(?<=\|)([^|]+)(?=\|)")


# an equation set in Markdown's bold: `- At each step: **h_t = tanh(W_ih @ x_t + W_hh @ h_{t-1} + b)**`
_BOLD_EQUATION = re.compile(r"(?<![\w⁾*])\*\*(?=[^\s*])([^*\n]*[^*\n=<>!]=(?!=)[^*\n]*)\*\*(?![\w*⁽])")


def _in_parts(line: str, pos: int, out: list[tuple[int, int, str]], flat: bool) -> bool:
    """A line whose equations are read each apart (whether it is one): each code span `z_t = σ(...)`, each
    statement three spaces apart from the next, each equation in Markdown's bold."""
    if "`" in line and _TICKED_EQUATION.search(line):  # `- Update Gate: `z_t = σ(Linear_z(x_t))``: each code span
        for m in _TICKED_EQUATION.finditer(line):
            _bare_line(m.group(1), pos + m.start(1), out, flat)
        return True
    gaps = list(_STATEMENT_GAP.finditer(line)) if "   " in line else []
    if gaps:  # `f_t = sigmoid(W_f x_t + b_f)   i_t = sigmoid(W_i x_t + b_i)`: two statements, spaced apart
        for a, b in zip([0] + [g.end() for g in gaps], [g.start() for g in gaps] + [len(line)]):
            _bare_line(line[a:b], pos + a, out, flat)
        return True
    bold = list(_BOLD_EQUATION.finditer(line)) if "**" in line and "=" in line else []
    for m in bold:  # the equation between the stars, read alone
        _bare_line(m.group(1), pos + m.start(1), out, flat)
    return bool(bold)


def _bare_line(line: str, pos: int, out: list[tuple[int, int, str]], flat: bool = False) -> None:
    if _in_parts(line, pos, out, flat):
        return
    body = _TRAILING_COMMENT.sub("", _TRAILING_COMMENT.sub("", _arrow_as_equals(line)))  # (a remark, then one more)
    if body.lstrip().startswith((">>>", "... ")) or _TUPLE_ASSIGN.match(body) or ("=" in body and enclosed_equals(body)):
        return  # a doctest's line of code: `>>> h_next = cell(x, h)`; `cache = (x, prev_h, h)`: values kept; `print(" c_t =",
        #         c_t)`, `list(h = new_h)`: every `=` in a call's arguments or a string, no equation
    if ("(" in body and (_INITIALISER.match(body) or _SIGNATURE.match(body))) or ("[" in body and _SLICE.match(body)):
        return  # `C_prev = np.zeros((hidden_size, 1))`: a value to start from; `function [h, c] = step(x, h)`: code
    start = _BULLET.match(body).end() if _BULLET.match(body) else 0
    if _GRADIENT.match(body, start):
        return  # `∂L/∂W_hh = Σ_t ∂L_t/∂W_hh`: training's gradients, not a step of the cell
    label = _LABEL.match(body, start)  # `(1) f_t = ...`, `Step 1: f_t = ...`, `→ f_t = ...`: the equation after it
    start = label.end(1) if label else start
    if (_CODE_LINE.match(body[start:]) or _ACTIVATED_CODE.match(body, start) or (_MODULE_CALL.search(body) and _LINE_EQUATION.match(body, start) and "\\" not in body
                                   and (_WEIGHT_PRODUCT.search(body) or _ACTIVATED_PRODUCT.search(body)))) \
            and not _PROSE.search(_ARG_GAP.sub(",", _CODE_INDEX.sub("", body[start:]))):  # or np.dot(Wya, a_next) + by
        where = _WHERE.search(body, start)  # `h[t] = f(w*x[t] + u .* h[t-1] .+ b), where u is a vector`
        out.append((pos + start, pos + (where.start() if where else len(body)), "code"))
    elif _BARE.search(body) and (_LATEXY.search(body) or _PRIMED.match(body, start)
                                 or (flat and _FLAT_TIME.match(body, start)) or _labelled_step(body, label, start)):
        if CODE_ALIAS.fullmatch(body, start):
            return  # `x_{t} = input_.row(t)  - input vector`: a legend naming the code's variable, no equation
        declared = list(_PROSE_DECLARATION.finditer(body)) if ("∈" in body or " in " in body) and "=" not in body else []
        if declared and re.search(r"[^\W\d_]{2,}", _PROSE_DECLARATION.sub("", body)):
            for m in declared:  # "mit x(t) ∈ ℝⁿ und h(t) ∈ ℝᵐ.": the declarations between the words
                out.append((pos + m.start(), pos + m.end(), "bare"))
        elif not _PROSE.search(_in_calls(body[start:])):  # (np.dot(Wax, xt): a call's arguments, not words)
            where = _WHERE.search(body, start)  # `f_t = ... where W_f is a matrix`: the equation ends there
            out.append((pos + start, pos + (where.start() if where else len(body)), "bare"))
        else:  # each equation of the sentence: "h_t = tanh(...), with output y_t = W_hy h_t + b_y."
            for m in _PROSE_DECLARATION.finditer(body) if "∈" in body else ():  # "mit x(t) ∈ ℝⁿ und h(t) ∈ ℝᵐ."
                out.append((pos + m.start(), pos + m.end(), "bare"))
            at = 0
            first = _LINE_EQUATION.match(body, start)  # `z = sigmoid(...) - update gate`: the line's own equation
            while (m := first or _EQUATION_START.search(body, at)) is not None:
                first = None
                end = _SENTENCE_END.search(body, m.start())
                stop = end.start() if end else len(body)
                words = _PROSE.search(body, m.start(), stop)
                if words is None:
                    out.append((pos + m.start(), pos + stop, "bare"))
                elif not body[start:m.start()].strip():
                    # a line that starts with an equation and goes on in words: the equation up to the
                    # words is read (never dropped: its left side would be a signal no equation defines)
                    cut = _LAST_WORDS.sub("", body[m.start():words.start()])
                    cut = _clause_cut(cut)  # `h_t = tanh(...), x_t a one-hot token`: the clause after the comma is words
                    if cut.endswith(("-", "–", "—")) and _DASHED.match(body, words.start()):
                        cut = cut.rstrip("-–— ")  # `h = (1 - z) * h' + z * h - output hidden`: a dash, not a minus
                    # `b_y [forget gate]`, `b_y \quad \text{forget gate}`, `b_y (output)` at a time step: the remark's opening
                    cut = _OPENED.sub("", cut) if _LATEXY.search(cut) and _TIME_MARK.search(cut) else _OPENED_NO_PAREN.sub("", cut)
                    if _BARE.search(cut) and _balanced(cut):  # cut inside a call's arguments: not read, as before
                        out.append((pos + m.start(), pos + m.start() + len(cut), "bare"))
                at = max(stop, m.end())


_REMARK_OPENING = r"(?:\s*(?:\\(?:q?quad|text[a-z]*|mathrm|mbox|emph)(?![A-Za-z])|\\[,;:!]|[\[{%s]))+\s*$"
_OPENED, _OPENED_NO_PAREN = re.compile(_REMARK_OPENING % "("), re.compile(_REMARK_OPENING % "")
_TIME_MARK = re.compile(r"_\{?t\b|ₜ|\(t\)|\[t\]")  # a step written: `(` before words there opens a remark
_LAST_WORDS = re.compile(r"(\s+[A-Za-z]{1,2}\b)*\s*$")  # `h_t = tanh(c_t) is the ...`: `is` is a word
# a label before a line's equation: a number ((1), [1], 1.1, a), i.), words before `:`, an arrow, a bar, a
# heading's #, or up to four words (`Then`, `We have`, `Calculate *'ft'* as`); the equation after it starts with its left side `name =`
_LABEL = re.compile(r"(\s*(?:\*\*[^=:*\n]{1,40}:?\*\*:?|\(\d+\)|\[\d+\]|\([A-Z]\)|\d+(?:\.\d+)+|[a-z][.)]|[ivx]+[.)]|[^=:：\n]{0,40}[:：]|[A-Za-z_]\w*\s*=\s*[\w.]+:|->|=>|→|\||#+"
                    r"|(?:(?:[A-Za-z]+|\*{1,2}'?[^*'\n=]{1,20}'?\*{1,2})\s+){1,4})\s*)(?=[A-Za-z\\][\w{}'^\u0303\u2080-\u209c]*(?:\([^()=]*\)|\[[^\[\]=]*\])?\s*:?=(?!=))")
def _arrow_as_equals(line: str) -> str:
    """`z_t ← σ(W x_t)`: pseudocode's assignment, not a remark after an arrow: `=` for the look at the line
    (the grammar reads the arrow itself as `=`)."""
    return line.replace("←", "=", 1) if "←" in line and _ARROW_ASSIGNMENT.match(line) else line


_ARROW_ASSIGNMENT = re.compile(r"\s*(?:[-*•]\s+)?[A-Za-z\\][\w{}'^\\\u0300-\u036f]*\s*←\s")
_LINE_EQUATION = re.compile(r"\s*[A-Za-z][\w{}'^\\]*\s*=(?!=)")  # a line that starts with `name =`
_DASHED = re.compile(r"[A-Za-z]{3,}(?:\s+[A-Za-z]{3,})+\s*$")  # `- update gate` to the end: words, no math


# a declaration in a sentence of plain text: a name (with its step) in ℝ and its sizes in superscript letters
_PROSE_DECLARATION = re.compile(r"(?<![\w\\])[A-Za-z](?:_\{?[\w,+-]+\}?|[\u2080-\u209c]+)?(?:\^\{?[\w]{1,3}\}?)?(?:\(\s*t\s*\))?\s*(?:∈|(?<=\s)in(?=\s+[ℝR]))\s*"
                                r"(?:ℝ[⁰¹²³⁴⁵⁶⁷⁸⁹ᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻ⁺⁻]+(?![\w^])"
                                r"|[ℝR]\^(?:\{[^{}\n]{1,30}\}|[A-Za-z0-9]{1,3}\b))")


def _in_calls(text: str) -> str:
    """The text with the space after each comma inside parentheses or brackets taken out (`dot(Wax, xt)`: arguments;
    `[input; hPrev]`: a concatenation's parts)."""
    if ", " not in text and "; " not in text:
        return text
    depth, out = 0, []
    for ch in text:
        depth += 1 if ch in "([" else -1 if ch in ")]" and depth else 0
        out.append("\0" if ch == " " and depth and out and out[-1] in ",;" else ch)
    return "".join(out)


def _clause_cut(text: str) -> str:
    """The text up to its last comma outside brackets when what follows that comma has no `=`
    and a word of two letters or more (the clause of a sentence about the equation); else the text."""
    depth, last = 0, -1
    for i, ch in enumerate(text):
        depth += ch in "([{" and 1 or (-1 if ch in ")]}" else 0)
        if ch == "," and depth == 0:
            last = i
    tail = text[last + 1:] if last >= 0 else ""
    return text[:last] if tail and "=" not in tail and re.search(r"\s[A-Za-z]{1,}\b(?![_^{(])", tail) else text


def _balanced(text: str) -> bool:
    return all(text.count(a) == text.count(b) for a, b in ("()", "[]", "{}"))


# a legend line that names where the code keeps a symbol: `x_{t} = input_.row(t)`, `I^{u} = syn_update_in_`
# (a name with a trailing underscore, a member `.row(t)`, or words joined by underscores), several on a line
CODE_VALUE = r"(?:[A-Za-z]\w*_(?![\w{])|[A-Za-z]\w*(?:\.[A-Za-z_]\w*(?:\([^()\n+*@/\[\]]*\))?)+|[a-z]{2,}(?:_[a-z]{2,})+)"
CODE_VALUE += r"(?:\.[A-Za-z_]\w*(?:\([^()\n+*@/\[\]]*\))?)*"  # a call of arithmetic, torch.sigmoid(W @ x + b), is math
# (nor a call on a literal list, np.array([0.1, 0.7]): a value, not where the code keeps a symbol)
CODE_ALIAS = re.compile(r"(?:\s*[A-Za-z](?:[_^](?:\{[^{}\n]*\}|[A-Za-z0-9]))*\s*=\s*" + CODE_VALUE + r")+"
                         r"(?:\s+-\s+[A-Za-z][A-Za-z ()-]*)?(?:\s+\([\w ,]*\))?\s*")
_WHERE = re.compile(r",?\s+where\s|[,;]\s+(?:donde|où|wobei|dove|onde|где|gdzie|waarbij|trong\s+đó)(?!\w)")  # (other languages' too)
# where an equation in a sentence ends: the sentence's end, or a clause that goes on in words
_SENTENCE_END = re.compile(r"\.(\s+[A-Z]|\s*$)|[,;]\s+(?:where|with|in\s+which|here|for|and|then|où|avec|wobei|mit|donde|con|"
                           r"dove|onde|где|gdzie|waarbij|trong\s+đó)(?!\w)|\s+where\s")  # and other languages' `where`
