"""Python's statements of a step written as code. Retyped in place before the regions are found (each edit of the
same length, offsets kept): a statement continued over lines inside its open parentheses as one line (`h_t =
self.tanh(` ... `)`: the line breaks and indents as spaces, a comment inside blanked), and the entry of a list of
states before the step (`self.hidden_states[-1]` beside `.append(h_t)`, `h_list[t-1]` beside `h_list[t] = h`) as
`h_prev`. And what read.barelines asks of a source's lines: a step written in two statements (`z1 = np.dot(...) +
...`, `h = np.tanh(z1)`), the output layer after the step in its function, the lines of a function that trains the
cell (never read), and a comment over a statement that writes it as math (read instead of it) or sketches it with
other weights (read neither)."""
from __future__ import annotations

from . import patterns as re  # re, with the package's patterns compiled ahead (read.patterns)

# a statement's first line that leaves a call or a sum open: `h_t = self.tanh(`, `z = (np.dot(W, x) +`
_OPENED = re.compile(r"^[ \t]*(?:(?:self\.)?[A-Za-z_]\w*[ \t]*=(?!=)[^\n#$\\]*[(+,]|[A-Za-z_][\w.]*\([^\n#$\\()]+,)[ \t]*(?:#[^\n]*)?$")
_COMMENT = re.compile(r"[ \t]*#[^\n]*$")
_MOST_LINES = 12  # a statement longer than this is not a step's
# a list of states appended to, `self.hidden_states.append(h_t)`, `hs.append(h)`, or set at the step, `self.h_list[t] = h`:
# its name and what it holds
_APPENDED = re.compile(r"(?<![\w.])((?:self\.)?[A-Za-z_]\w*)(?:\.append\(\s*|\[\s*t\s*\]\s*=\s*)([A-Za-z][A-Za-z0-9]*)(?:_(?:t|new|next))?"
                       r"(?:\s*\)|[ \t]*;?[ \t]*(?:#[^\n]*)?$)", re.M)  # (a store of the name alone: not `c[t] = i * j + ...`)
# its last entry or the step's before, read as an operand (after a bracket, a comma or an operator, never a whole right side)
_LAST = r"(?<=[(,+\-*@/\[])([ \t]*){}\[\s*(?:-1|t\s*-\s*1)\s*\]"


def code_statements(text: str) -> str:
    """The text with each Python statement continued over lines joined into its first line, and each list
    of states' last entry as the state at the step before (read.pystatements)."""
    if ("\\\n" in text or "\\ \n" in text) and _LINE_END_BACKSLASH.search(text):  # (not LaTeX's \\\\ at a row's end)
        text = _backslashed(text)
    if "(\n" in text or "+\n" in text or ",\n" in text or "( \n" in text or "#" in text and _COMMENTED_BREAK.search(text):
        text = _joined(text)
    if (".append(" in text or "[t]" in text) and ("[-1]" in text or "[t-1]" in text or "[t - 1]" in text):
        text = _lasts(text)
    return text


_COMMENTED_BREAK = re.compile(r"[(,+][ \t]*#[^\n]*\n")  # `nn.LSTM(input_size=128,   # input features`: a comment after the break's sign
_LINE_END_BACKSLASH = re.compile(r"(?<!\\)\\[ \t]*\n")
# `ct = np.multiply(ft, c_prev) + \`: an assignment whose line ends in Python's backslash, the one backslash of the line
_BACKSLASHED = re.compile(r"^[ \t]*(?:self\.)?[A-Za-z_]\w*[ \t]*=(?!=)[^\n$\\]*\\[ \t]*$")


def _continued(line: str) -> bool:
    """Whether a line that ends in a backslash goes on: after an operator, a comma or an open bracket (`... + \\`),
    not after a whole expression (Markdown's hard line break, `h_t = \\tanh(W x_t + b)\\`)."""
    code = line.rstrip()[:-1].rstrip()
    return bool(code) and code[-1] in "+-*/@=,([" or code.count("(") + code.count("[") > code.count(")") + code.count("]")


def _backslashed(text: str) -> str:
    """Each statement continued by a backslash at its line's end joined into one line, the backslash and the break
    as spaces (each offset kept)."""
    lines = text.split("\n")
    n = 0
    while n < len(lines) - 1:
        if not _BACKSLASHED.match(lines[n]):
            n += 1
            continue
        k = n
        while k < len(lines) - 1 and k - n < _MOST_LINES and re.search(r"(?<!\\)\\[ \t]*$", lines[n]) \
                and lines[n].count("\\") == 1 and _continued(lines[n]):
            cut = lines[n].rstrip().rfind("\\")
            lines[n] = lines[n][:cut] + " " + lines[n][cut + 1:] + " " + lines.pop(n + 1)
            k += 1
        n += 1
    return "\n".join(lines)


def _joined(text: str) -> str:
    lines = text.split("\n")
    n = 0
    while n < len(lines):
        if not _OPENED.match(lines[n]):
            n += 1
            continue
        depth, k = 0, n
        while k < len(lines) and k - n < _MOST_LINES:
            code = _COMMENT.sub("", lines[k])
            if "$" in code or "\\" in code:
                break
            depth += code.count("(") + code.count("[") - code.count(")") - code.count("]")
            if depth <= 0:
                break
            k += 1
        if k == n or k >= len(lines) or depth != 0:
            n += 1
            continue
        for j in range(n, k):  # the breaks inside the statement as spaces (its comments too: they would hide the rest)
            kept = _COMMENT.sub("", lines[j])
            lines[j] = kept + " " * (len(lines[j]) - len(kept)) + " "
        text_of = "".join(lines[n:k]) + lines[k]
        lines[n:k + 1] = [text_of]
        n += 1
    return "\n".join(lines)


def _lasts(text: str) -> str:
    """Each list's entry before the step as the state before it (`h_prev`), and after the line that stores the step's
    (`self.h_list[-1]` after the loop): the state itself."""
    for m in list(_APPENDED.finditer(text)):
        listed, state = m.group(1), m.group(2)
        pattern = re.compile(_LAST.format(re.escape(listed)))

        def named(x: re.Match) -> str:
            new = state + "_prev" if x.start() < m.start() else state
            room = len(x.group(0)) - len(x.group(1))
            return x.group(1) + new.ljust(room) if len(new) <= room else x.group(0)
        text = pattern.sub(named, text)
    return text


_DEF = re.compile(r"^([ \t]*)def[ \t]")
WORD = re.compile(r"[A-Za-z_]\w*")
# a statement that multiplies by a weight (read.barelines: a statement of the cell's step)
WEIGHT_PRODUCT = re.compile(r"@|\b(?:dot|matmul|mm|mv)\s*\(|\b[A-Z]\w*\s*\*|\*\s*(?:self|this)\.[A-Za-z_]"
                            r"|(?<![A-Za-z])(?:(?:head|out|output|proj|fc|lin|linear|dense|readout|cls|classifier|decoder|layer)_(?:weights?|bias|kernel)"
                            r"|(?:weights?|bias|kernel)_(?:ih|hh|ho|hy|out|head|[a-z])\d?)\b(?!\s*\()")  # head_weight, out_bias, weight_ho
                            # (not data: sample_weight, loss_weight; not init_weight(...))
PAST_SUFFIX = re.compile(r"^(?:old|prev|previous|last)_|_(?:prev|tm1|old|t_?1|t)$|(?<=^[a-z])(?:Prev|Previous|Old|Last)$")  # h_prev, old_h, hPrev: h
STEP_SUFFIX = re.compile(r"^(?:old|prev|previous|last|new|next)_|_(?:prev|previous|tm1|old|t_?1|t|next|new)$"
                         r"|(?<=^[a-z])(?:Prev|Previous|Old|Last|New|Next)$")  # h_prev, old_h, h_next, hPrev: h


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" \t"))


def step_outputs(lines: list[str], taken: set[int], statement, weighted, step) -> set[int]:
    """The statements after a step's, in the body of the function that computes it, that multiply what the step
    computes by a weight (`y_t = np.dot(h_t, self.W_hy) + self.b_y` a loop's line after `self.h.append(h_t)`): its
    output layer. `statement(line)` is the statement's text or None; `weighted(rhs)` whether it multiplies by a
    weight; `step(name)` the name without its step's prefix or suffix (h_prev, h_t: h)."""
    out: set[int] = set()
    done = -1  # the last line of the function bodies looked at
    for first in sorted(taken):
        top = next((k for k in range(first - 1, -1, -1) if (d := _DEF.match(lines[k])) and len(d.group(1)) < _indent(lines[first])), None) \
            if first > done else None
        if top is None:
            continue
        body = _indent(lines[top])
        end = next((k for k in range(first + 1, len(lines)) if lines[k].strip() and _indent(lines[k]) <= body), len(lines))
        computed = {step(s.partition("=")[0].strip()) for k in taken if top < k < end and (s := statement(lines[k]))}
        for k in range(first + 1, end):
            s = statement(lines[k]) if k not in taken and k not in out else None
            lhs, _, rhs = (s or "").partition("=")
            if s and weighted(rhs) and any(step(w) in computed for w in WORD.findall(rhs)):
                out.add(k)
                computed.add(step(lhs.strip()))
        done = end
    return out


# `h = np.tanh(z1)`: an activation of one name
_ACTIVATED_NAME = re.compile(r"^[ \t]*(?:self\.)?([A-Za-z_]\w*)[ \t]*=[ \t]*(?:[A-Za-z_]\w*\.)*(?:sigmoid|sigm|tanh|relu)[ \t]*\("
                             r"[ \t]*([A-Za-z_]\w*)[ \t]*\)[ \t]*(?:#[^\n]*)?$")


def activated_sums(lines: list[str], statements: list[int], weighted) -> list[tuple[int, str]]:
    """(line, the two as one statement) of each activation of one name (`h = np.tanh(z1)`) that a statement
    before it computes with a weight's product (`z1 = np.dot(x, self.w1x) + np.dot(h_prev, self.w1h) + self.b1`):
    the step written in two statements, `h = np.dot(x, self.w1x) + ...` as one."""
    sums: dict[str, int] = {}
    out = []
    for k in statements:
        line = lines[k].split("#")[0]
        m = _ACTIVATED_NAME.match(line)
        if m and m.group(2) in sums:
            out.append((k, m.group(1) + " = " + lines[sums[m.group(2)]].split("#")[0].partition("=")[2]))
            continue
        lhs, eq, rhs = line.partition("=")
        if eq and weighted(rhs):
            sums[lhs.strip()] = k
    return out


# a function that trains the cell, not its step: its gradients and updates are not the cell's equations
_TRAINING = re.compile(r"^([ \t]*)def[ \t]+_*(?:backward|backprop\w*|bptt|\w*grad\w*|update\w*|train\w*|fit|loss\w*|sgd)[ \t]*\(")


def training_lines(lines: list[str]) -> set[int]:
    """The lines of the bodies of the functions that train the cell (`def backprop(self, x, err):`)."""
    out: set[int] = set()
    for n, line in enumerate(lines):
        m = _TRAINING.match(line) if "def" in line else None
        if m:
            k = n + 1
            while k < len(lines) and (not lines[k].strip() or _indent(lines[k]) > len(m.group(1))):
                out.add(k)
                k += 1
    return out


# a weight's name in a comment's equation: a capital, or b, w, bias, weight (not a signal at the step, h_t, x_{t-1})
_WEIGHT_NAME = re.compile(r"(?<![\w\\])(?:[A-Z][A-Za-z0-9]*|b[a-z0-9]{0,3}|w[a-z0-9]{0,3}|bias\w*|weight\w*)(?![\w{(])(?!_)")


def same_weights(comment: str, code: str) -> bool:
    """Whether every weight the comment's equation names is a name of the code's statement below it."""
    said = set(WORD.findall(code.split("#")[0]))
    return all(w in said for w in _WEIGHT_NAME.findall(comment.partition("=")[2]))


_COMMENTED_EQUATION = re.compile(r"^\s*(?://[/!]?|#+|--|%)\s*[^\s=]{1,20}\s*=(?!=)\s*\S")


def _comment_over(lines: list[str], n: int) -> int:
    """The line of a comment that writes an equation right over the n-th (blank lines between), or -1."""
    k = n - 1
    while k >= 0 and not lines[k].strip():
        k -= 1
    return k if k >= 0 and _COMMENTED_EQUATION.match(lines[k]) else -1


def shadowed(lines: list[str], n: int) -> bool:
    """A statement of code right under a comment that writes it as an equation (C++'s `// ft = σ(Wf * input
    + ...)` over `ft = sigmoid((Wf * input).colwise() + ...);`): the comment is the math (unless it names a weight
    the code does not: `# h_t = tanh(Wxh * x_t + Whh * h_{t-1} + bias)` over `... + self.bh)`, a sketch of it)."""
    k = _comment_over(lines, n)
    return k >= 0 and same_weights(lines[k], lines[n])


def sketches(lines: list[str], assigned: set[int]) -> set[int]:
    """The comments right over a statement read as code that write it as an equation with other weights."""
    return {k for n in assigned for k in (_comment_over(lines, n),) if k >= 0 and not same_weights(lines[k], lines[n])}


def unshadowed(lines: list[str], assigned: set[int]) -> set[int]:
    """The statements of code read as math, none where every one is shadowed by its comment (read instead)."""
    return set() if assigned and all(shadowed(lines, n) for n in assigned) else assigned


_CALL_STATEMENT = re.compile(r"\s*(?:for\s+[^=\n]*?\s+in\s+)?[A-Za-z_][\w.]*\s*\(")  # a call: `print(...)`, `list(h = new_h)`,
# `for t, x_t in enumerate(xs, start=1):`


def enclosed_equals(line: str) -> bool:
    """Whether a line is a call whose every `=` (not `==`, `<=`, `>=`, `!=`) is inside its parentheses or a string
    (`list(h = new_h)`, `print(" h_t =", h)`): a call's arguments, no equation."""
    if not _CALL_STATEMENT.match(line):
        return False  # (`[g = tanh(...)]   (the candidate)`: an equation in brackets, not a call)
    depth, quote, seen = 0, "", False
    line = line.replace('"""', "   ").replace("'''", "   ")  # (a docstring's quotes open no string on its line)
    for i, ch in enumerate(line):
        if quote:
            quote, seen = ("" if ch == quote else quote), seen or ch == "="
        elif ch == '"' or ch == "'" and not (i and (line[i - 1].isalnum() or line[i - 1] in "}_'")):  # (h': a prime)
            quote = ch
        elif ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(0, depth - 1)
        elif ch == "=" and line[i + 1:i + 2] != "=" and line[i - 1:i] not in ("=", "<", ">", "!"):
            if depth == 0:
                return False
            seen = True
    return seen
