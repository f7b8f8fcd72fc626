"""Sizes the prose gives: "Both $h_t$ and $c_t$ are vectors of size $n$", "All $i, f, o$ gates are
vectors of size $n$", "$x_t$ is a $d$-dimensional vector": each named symbol is declared a column
vector of that size, as `h_t \\in \\mathbb{R}^n` would (a note says so). A symbol the math
declares keeps the math's declaration."""
from __future__ import annotations

from ..errors import ParseError, replace
from . import patterns as re  # re, with the package's patterns compiled ahead (read.patterns)
from . import nodes as N
from .cellwalk import symbols
from .sequences import STEPS
from .shapedlists import FIELD_SHAPE, any_shaped, shaped_lists
from .sizetables import SIZE as _SIZE, SUM as _SUM, TERM as _TERM, tables
from .choices import Choice, current, key
from .saidsizes import claims as _said_elsewise
from .tickedshapes import ticked_shapes
from .glossary import plain
from .madeincode import code_products, made_in_code
from .source import Span

_MATH = r"\${1,2}[^$]{1,80}?\${1,2}"
_NAMES = rf"(?P<names>{_MATH}(?:\s*(?:,|and|&)\s*{_MATH})*)"
_CLAIMS = (re.compile(_NAMES + r"\s*(?:gates?\s+|states?\s+)?(?:is|are)\s+(?:both\s+|all\s+)?(?:an?\s+)?(?:column\s+)?"
                      r"vectors?\s+(?:of|with)\s+(?:size|dimension|length|dimensionality)\s+\${1,2}\s*" + _SIZE + r"\s*\${1,2}",
                      re.I),
           re.compile(_NAMES + r"\s*(?:is|are)\s+(?:both\s+|all\s+)?(?:an?\s+)?\${1,2}\s*" + _SIZE +
                      r"\s*\${1,2}\s*-\s*dimensional\s+(?:column\s+)?vectors?", re.I))


# "$x_t$ is the input of size $D$", "$h_t$, the hidden state, with dimension $H$", "$x_t$ (size $D$)",
# "$h_t$ has $H$ units": the words between name and size hold no math and end no sentence
_FILLER = r"[^$.;:\n]{0,60}?"
_LOOSE = (re.compile(_NAMES + r"\s*(?:is|are|denotes?|,)" + _FILLER + r"\b(?:of|with)\s+(?:a\s+|the\s+)?(?:size|dimension"
                     r"|dimensionality|length|width)\s+(?:of\s+)?\${1,2}\s*" + _SIZE + r"\s*\${1,2}", re.I),
          re.compile(_NAMES + r"\s*\(\s*(?:size|dimension|dim|length)\s*[:=]?\s*\${1,2}\s*" + _SIZE + r"\s*\${1,2}\s*\)", re.I),
          # "with $x_t$ of dimension $d$ and $h_t$ of dimension $h$": the size right after the name
          re.compile(_NAMES + r"\s+(?:of|with)\s+(?:size|dimension|dimensionality|length)\s+\${1,2}\s*" + _SIZE + r"\s*\${1,2}", re.I),
          re.compile(_NAMES + r"\s*(?:will\s+)?ha(?:s|ve)\s+(?:the\s+)?(?:dimensions?|shape)\s+\$\s*\(\s*(?!(?:B|N|batch|batch_size|bs)\s*,)" + _SIZE + r"\s*,\s*[a-zA-Z]\s*\)\s*\$", re.I),  # (n_x,m): m examples; (B, H): no size
          re.compile(_NAMES + r"\s*(?:has|have|holds?|contains?)\s+\${1,2}\s*" + _SIZE + r"\s*\${1,2}\s*(?:hidden\s+)?"
                     r"(?:units|entries|elements|dimensions|features|components|neurons|cells)\b", re.I))
# "$W$ has shape $(H, D)$", "$W$ is an $H \times D$ matrix", "$W_{xh}$: input-to-hidden weights, $[H \times D]$",
# "$W$ of size $H \times D$": a matrix of that many rows and columns, as the text writes them
_BY = r"\s*(?:\\times|×|,|\*|x)\s*"
_SUMMED = r"|\(\s*" + _TERM + r"(?:\s*\+\s*" + _TERM + r")+\s*\)"  # columns that are a sum: $n \times (n+d)$
_MATRIX = re.compile(r"(?P<names>\${1,2}[^$]{1,40}?\${1,2}(?:\s*(?:,|and|&)\s*\${1,2}[^$]{1,40}?\${1,2})*)\s*"
                     r"(?:has\s+(?:the\s+)?shape|(?:is|are)\s+(?:an?\s+|of\s+(?:shape|size)\s+)?|of\s+(?:shape|size)|:[^$\n]{0,50}?"
                     # "$W_{xh}$ is a matrix of size $h \times d$", "$W$ is a weight matrix with shape $(h, d)$"
                     r"|(?:is|are)\s+(?:an?\s+|the\s+)?(?:[A-Za-z-]+\s+){0,2}?(?:matri(?:x|ces)|arrays?|tensors?)\s+(?:of|with)\s+(?:the\s+)?"
                     r"(?:shape|size|dimensions?)\s+(?:of\s+)?)"
                     r"\s*\${1,2}\s*(?:\\left\s*)?[(\[]?\s*" + _SIZE.replace("?P<n>", "?P<r>") + _BY + _SIZE.replace("?P<n>", "?P<c>")[:-1] + _SUMMED + ")" +
                     r"\s*(?:\\right\s*)?[)\]]?\s*\${1,2}(?:\s*(?:matri(?:x|ces)|weights?|arrays?|tensors?))?"
                     # or the shape in brackets right after the name: "$x_{t}$ $[M\times 1]$: input vector"
                     r"|(?P<names2>\${1,2}[^$]{1,40}?\${1,2})[ \t]*\${1,2}\s*[(\[]\s*" + _SIZE.replace("?P<n>", "?P<r2>") + _BY
                     + _SIZE.replace("?P<n>", "?P<c2>") + r"\s*[)\]]\s*\${1,2}", re.I)


# the size of the hidden state or of the input named without its symbol: "the number of hidden units
# $h$", "hidden size $H$", "with $n$ hidden units", "隐藏单元个数为 h", "input size $D$": the state is the
# signal written h (or H, s), the input x (or X, u)
_NOT_SUBJECT = r"(?!\s+is\s)"
_NUM = r"[$`]{0,2}\s*(?<![A-Za-z])" + _SIZE + r"\s*[$`]{0,2}(?![A-Za-z0-9])" + _NOT_SUBJECT  # a word of its own (not the
# subject of the next clause: "H is hidden size, D is input size" gives the hidden size no D)
# an argument's documentation (torch.nn's, Keras'): "input_size – The number of expected features in the input
# `x`", "hidden_size: The number of features in the hidden state h", "units: Positive integer, dimensionality of the
# output space": the argument names the size
_ARG = (r"|(?<![A-Za-z0-9_])[*`]*(?P<a>[A-Za-z][A-Za-z0-9_]{0,30})[*`]*\s*(?:\((?:int|integer)\)\s*)?(?:[–—:]|--?)\s*"
        r"(?:\(?(?:int|integer)\)?[,:]?\s*)?(?:the\s+)?")
# Flux's constructor: "`in => out`: The input and output dimensions of the layer." (in Japanese too)
_ARROW = r"|`(?P<i>[A-Za-z][A-Za-z0-9_]{0,20})\s*=>\s*(?P<o>[A-Za-z][A-Za-z0-9_]{0,20})`\s*:[^\n]{0,60}?"
_COUNT_OF = r"\s+is\s+the\s+(?:total\s+)?number\s+of\s+(?:elements|features|entries|components|units)\s+(?:in|of)\s+the\s+"
# a struct's field under its doc comment (a few lines of it): "/// Hidden size" then `hidden_size: usize,` (Rust)
_FIELD = (r"|(?:///?|#|\*)[ \t]*{role}[ \t]+(?:size|dimension|dim|features)\b[ \t]*\.?[ \t]*\n(?:[ \t]*(?:///?|#|\*)[^\n]*\n){{0,3}}[ \t]*(?:pub(?:\([a-z]+\))?[ \t]+)?"
          r"(?P<{key}>[A-Za-z_]\w{{0,30}})[ \t]*:?[ \t]*(?:usize|u32|u64|i32|i64|int|Int|size_t|integer)\b")
# torch's names of the gates' weights stacked, and their shapes: "`weight_ih` of shape `[3*hidden_size, input_size]`",
# "weight_hh_l[k] ... of shape (4*hidden_size, hidden_size)": the rows a multiple of the hidden size, an input
# weight's columns the input size
_FUSED = (r"|`?weight_[ih]h\w*(?:\[k\])?`?[^\n`$]{0,80}?\bshape\s+`?[\[(]\s*(?:\d\s*\*\s*)?(?P<r>[A-Za-z][A-Za-z0-9_]{0,30})\s*,"
          r"\s*(?P<c>[A-Za-z][A-Za-z0-9_]{0,30})\s*[\])]")
# a size's name in code, declared with its type: `int hidden_size` (C, C++), `hidden_size: usize` (Rust, Python),
# `inputDim int` (Go): the names of the hidden and the input sizes that code uses
_TYPED = (r"|(?:\b(?:int|size_t|usize|u32|u64|i32|i64|int32|int64|long|unsigned|Int|integer)[ \t]+(?P<{key}>{names})\b"
          r"|\b(?P<{key}b>{names})[ \t]*::?[ \t]*(?:int|usize|u32|u64|i32|i64|Int|integer)\b"
          r"|\b(?P<{key}c>{names})[ \t]+(?:int|int32|int64|uint)\b)")
# "Input shape: `[batch, input_size]`. Hidden state shape: `[batch, hidden_size]`": the last size, after a batch's
_BATCH_WORDS = r"(?:batch|batch_size|bs|seq|seq_len|seq_length|time|time_steps|steps|len|length|[BNLT])"
_SHAPE_OF = (r"|\b{role}(?:\s+shape\s*[:=]?\s*`?|\s*:\s*`)\s*[\[(]\s*(?:" + _BATCH_WORDS + r"\s*,\s*){{0,2}}"
             r"(?!" + _BATCH_WORDS + r"\s*[\])])(?P<{key}>[A-Za-z_]\w{{0,30}})\s*[\])]")
_HIDDEN_NAMES = r"hidden_size|hidden_dim|hiddenSize|hiddenDim|hidden_units|n_hidden|num_hidden|num_units|units|hsize"
_INPUT_NAMES = r"input_size|input_dim|inputSize|inputDim|in_dim|n_inputs?|num_inputs|input_features|in_features|isize"
_OUTPUT_NAMES = r"output_size|output_dim|outputSize|outputDim|out_dim|n_outputs?|num_outputs?|output_features|out_features|osize"
_ROLE_SIZES = (("hidden", ("h", "H", "s", "S"), re.compile(
                   r"(?:number\s+of\s+(?:hidden\s+units|units|neurons|hidden\s+neurons)|hidden\s+(?:size|dimension|state\s+size|"
                   r"units|unit(?!\s*\$*\s*[ijkl]\s*\$*(?![\w{]))|layer\s+size)|size\s+of\s+the\s+hidden\s+(?:state|layer))\s*(?:is\s+|=\s*|of\s+|:\s*|,\s*)?" + _NUM
                   + r"|(?<![A-Za-z])" + _NUM.replace("P<n>", "P<m>") + r"\s*hidden\s+(?:units|neurons)"
                   + r"|(?<![A-Za-z])\${0,2}(?P<w>[A-Za-z](?:_\{?[A-Za-z0-9]{1,8}\}?)?)\${0,2}\s+is\s+(?:the\s+)?hidden\s+(?:size|dimension|state\s+size)\b"
                   r"|隐藏?(?:单元|神经元|状态|层)(?:的)?(?:个数|数量|数目|维度|大小|维数)\s*(?:为|是|=|：|:)\s*`?\s*" + _NUM.replace("P<n>", "P<k>")
                   + _ARG.replace("P<a>", "P<a1>") + r"(?:number\s+of\s+features\s+(?:in|of)\s+(?:the\s+)?hidden\s+(?:state|layer)|number\s+of\s+hidden\s+features\b|hidden\s+(?:dimension|size)(?:\s+of\s+the\s+(?:GRU|LSTM|RNN|cell|recurrent\s+\w+|hidden\s+state)|\s+in\s+units)?\s*(?:[.,;)(\n]|$)"
                   r"|output\s+\(hidden\s+state[^()\n]{0,20}\)\s+dimension"
                   r"|隐藏(?:状态|层)的?(?:大小|维度|特征数))" + _FIELD.format(role="hidden", key="f1")
                   + _TYPED.format(key="t1", names=_HIDDEN_NAMES)
                   + _ARROW.replace("(?P<i>", "(?:").replace("P<o>", "P<a3>") + r"(?:output|出力|输出)"
                   + _ARG.replace("P<a>", "P<a2>") + r"positive\s+integer,\s+dimensionality\s+of\s+the\s+output\s+space"
                   # "M is the total number of elements in the cell output" (Arm's CMSIS-NN-like docs)
                   r"|" + _NUM.replace("P<n>", "P<q>").replace(_NOT_SUBJECT, "") + _COUNT_OF + r"(?:hidden\s+state|cell\s+output|cell\s+state)"
                   + _FUSED.replace("P<r>", "P<a5>").replace("(?P<c>", "(?:") + _SHAPE_OF.format(role=r"hidden(?:\s+state)?", key="s1"),
                   re.I)),
               ("input", ("x", "X", "u"), re.compile(
                   r"(?:number\s+of\s+(?:inputs|input\s+(?:features|units))|input\s+(?:size|dimension|features|dimensionality))\s*"
                   r"(?:is\s+|=\s*|of\s+|:\s*|,\s*)?" + _NUM
                   + r"|(?<![A-Za-z])" + _NUM.replace("P<n>", "P<m2>") + r"\s*input\s+units\b" + r"|(?<![A-Za-z])\${0,2}(?P<w2>[A-Za-z](?:_\{?[A-Za-z0-9]{1,8}\}?)?)\${0,2}\s+is\s+(?:the\s+)?input\s+(?:size|dimension)\b" + r"|输入(?:的)?(?:个数|数量|维度|大小|维数)\s*(?:为|是|=|：|:)\s*`?\s*"
                   + _NUM.replace("P<n>", "P<k>") + _ARG + r"(?:number\s+of\s+(?:expected\s+)?features\s+(?:in|of)\s+(?:the\s+)?input|number\s+of\s+input\s+features\b|input\s+(?:dimension|size)(?:\s+of\s+the\s+(?:GRU|LSTM|RNN|cell|input)|\s+in\s+units)?\s*(?:[.,;)(\n]|$)"
                   r"|输入的?(?:大小|维度|特征数))" + _FIELD.format(role="input", key="f2") + _TYPED.format(key="t2", names=_INPUT_NAMES) + _ARROW.replace("P<i>", "P<a4>").replace("(?P<o>", "(?:")
                   + r"(?:input|入力|输入)" + r"|" + _NUM.replace("P<n>", "P<q2>").replace(_NOT_SUBJECT, "") + _COUNT_OF + r"input\b"
                   + _FUSED.replace("weight_[ih]h", "weight_ih").replace("P<c>", "P<a6>").replace("(?P<r>", "(?:")
                   + _SHAPE_OF.format(role="input", key="s2"), re.I)),
               # "output size $o$", "the number of outputs is $K$", "输出维度：`o = 2`": the output, written y
               ("output", ("y", "Y"), re.compile(
                   r"(?:number\s+of\s+outputs|output\s+(?:size|dimension|dimensionality))\s*(?:is\s+|=\s*|of\s+|:\s*|,\s*)?" + _NUM
                   + r"|输出(?:的)?(?:个数|数量|数目|维度|大小|维数)\s*(?:为|是|=|：|:)\s*`?\s*" + _NUM.replace("P<n>", "P<k>")
                   + _TYPED.format(key="t3", names=_OUTPUT_NAMES), re.I)))


# a list of arguments in code style: "`x`: The input to the GRU. It should be a vector of size `in` or ..." (Flux)
_TICKED = re.compile(r"`(?P<name>[^`\n]{1,20})`\s*:[^\n]{0,120}?\bvector\s+of\s+(?:size|length|dimension)\s+"
                     r"`(?P<n>[A-Za-z][A-Za-z0-9_]{0,20}|\d{1,6})`")
# code-style prose: "the current input vector `x[t]` (of shape `(D,)`)"
# a docstring's argument list: "- Wx: Weight matrix for input-to-hidden connections, of shape (D, H)"
_DOC_SHAPE = re.compile(r"^[ \t]*[-*•]?[ \t]*(?P<name>[A-Za-z_]\w{0,20})[ \t]*:[^\n]*?\bof shape[ \t]*\((?P<dims>[^()\n]*)\)", re.M)
# a legend of shapes in a comment or docstring, a line each: `//   W_f, W_i, W_h : (input_dim, hidden_size)`, `- u:    (m,)`
# (or a word for what it is before a shape `a × b`: `- W: матрица input_dim × input_dim`, `- u: vector m`)
_KIND_WORD = r"(?:(?:matrix|vector|tensor|matrice|vecteur|Matrix|Vektor|матрица|вектор|矩阵|向量|행렬|벡터|行列|ベクトル)[ \t]+(?:of[ \t]+(?:shape|size)[ \t]+)?)"
_LNAME = r"`?[A-Za-z_]\w{0,20}`?"
_LEGEND = re.compile(r"^[ \t]*(?:(?://+|#+'?|--|%+|\*)[ \t]*)?(?:[-*•][ \t]+)?(?P<name>" + _LNAME + r"(?:[ \t]*,[ \t]*" + _LNAME + r"){0,7})"
                     r"[ \t]*(?::|[ \t][—–-][ \t])[ \t]*`?(?:\((?P<dims>[^()\n]*)\)|\[(?P<bdims>[^\[\]\n]*)\]|" + _KIND_WORD +
                     r"(?P<r>[A-Za-z]\w{0,20})(?:[ \t]*[×x][ \t]*(?P<c>[A-Za-z]\w{0,20}))?)`?"
                     r"[ \t]*(?:$|[(#/]|-[ \t]|[ \t]{2,}|(?:float|int|uint|bool|complex|double)\d{0,3}\b)", re.M)  # a dtype after it
# a doc comment that says what a weight is, then its name and shape: `/// Update gate weights for input: W_z [hidden_dim x input_dim].`
_DESCRIBED = re.compile(r"^[ \t]*(?://+|#+'?|--|%+|\*)[ \t]*[A-Za-z][\w \-]{2,60}?:[ \t]*(?P<name>" + _LNAME + r")[ \t]*"
                        r"\[(?P<bdims>[A-Za-z]\w{0,20}(?:[ \t]*(?:,|×|x)[ \t]*[A-Za-z]\w{0,20})?)\][ \t]*\.?[ \t]*$", re.M)
# a docstring's argument described, then its shape: `Wax -- Weight matrix multiplying the input, numpy array of shape (n_a, n_x)`
_OF_SHAPE = re.compile(r"^[ \t]*(?:(?://+|#+'?|\*)[ \t]*)?(?:[-*•][ \t]+)?(?P<name>" + _LNAME + r")[ \t]+(?:--|—|–)[ \t]+"
                       r"[^\n]{0,120}?\bof\s+shape\s+\((?P<bdims>[^()\n]*)\)", re.M)
# names in backticks set equal to a shape: "`W_xf` = `W_xi` = `W_xg` = `output_features` x `input_features`"
_TICKED_EQUAL = re.compile(r"^[ \t]*(?:[-*][ \t]+)?(?P<name>`[A-Za-z]\w{0,20}`(?:[ \t]*=[ \t]*`[A-Za-z]\w{0,20}`)*)[ \t]*=[ \t]*"
                           r"`(?P<r>[A-Za-z]\w{0,30})`(?:[ \t]*[x×*][ \t]*`(?P<c>[A-Za-z]\w{0,30})`)?[ \t]*$", re.M)
_TICKED_IS = re.compile(r"`(?P<name>[A-Za-z]\w{0,10})`\s+is\s+(?:the|an?)\s+[^`\n.]{0,60}?`\(\s*(?P<r>[A-Za-z]\w{0,30}|\d{1,6})\s*,"
                        r"\s*(?P<c>[A-Za-z]\w{0,30}|\d{1,6})\s*\)`")
_SHAPED = re.compile(r"`(?P<name>[^`\n]{1,20})`\s*\(\s*of\s+shape\s+[`(\s]*" + _SIZE + r"\s*,?\s*[`)\s]*\)", re.I)


def prose_sizes(cell: N.Cell, notes: list[str]) -> N.Cell:
    cell = _wildcards(cell, notes)
    text = cell.source.text
    claims = list(_claims(text)) + list(_role_claims(cell, text))
    made = list(made_in_code(text, lambda: code_products(cell))) if "(" in text and "=" in text else []
    if not claims and not made and not _LEGEND.search(text) and not ("[" in text and (_DESCRIBED.search(text) or FIELD_SHAPE.search(text))) \
            and not (" of shape " in text and _OF_SHAPE.search(text)) and not any_shaped(text) \
            and not ("` = `" in text and _TICKED_EQUAL.search(text)):
        return cell
    declared = {s.name for d in cell.declarations for s in d.symbols}
    found = {}
    for s, _, _ in symbols(cell):
        found.setdefault(plain(s.text), s)
        found.setdefault(plain(s.name), s)
    added: list[N.Declaration] = []
    # (a text that writes its signals as batches of rows, X_t an m x n matrix: its vectors are rows, a bias's too)
    rows_of_batches = any(isinstance(size, tuple) and any(
        (found.get(plain(n)) or found.get(re.sub(r"_\{?t\}?$", "", plain(n))) or N.ONE) in _batch_signals(cell)
        for n in names.split(",")) for _, names, size, _ in claims)
    for at, names, size, end in claims:
        rows, cols = size if isinstance(size, tuple) else (size, None)
        for piece in re.finditer(r"[^,]+", names):
            name = re.sub(r"\[\s*t\s*\]$", "_t", plain(piece.group(0)))
            sym = found.get(name) or found.get(re.sub(r"(?:_\{?t\}?|\^\\langlet\\rangle|\^\([a-z](?:[-+]1)?\)|\^<t>)$", "", name)) or (
                found.get(name[0] + "_" + name[1:]) if 2 <= len(name) <= 4 and name.isalnum() else None)  # Wx: W_x
            signal = sym is not None and (sym.lag is not None or sym.name in _signals(cell))
            latin_scalar = size == _ONE and sym is not None and not signal and not sym.name.startswith("\\")
            lower_vector = sym is not None and not signal and cols is None and size != _ONE and sym.name[:1] in "bwuv" \
                and not rows_of_batches \
                and not sym.name.startswith("\\")  # "the gate bias $b_z$ is a vector of length $n$": a vector parameter
            if sym is None or sym.name in declared or (signal == (cols is not None) and not latin_scalar and not lower_vector):
                continue  # a vector's size is a signal's; a matrix's shape a parameter's (a scalar, a signal's, or a
                #           Latin letter's: "$u$ is a scalar"; a Greek one the prose calls a scalar is read.glossary's,
                #           learned or constant)
            declared.add(sym.name)
            span = Span(at + piece.start(), at + piece.end())
            sizes = (None, None) if size == _ONE else (N.Size(_lin(rows), span), N.Size(N.ONE if cols is None else _lin(cols), span))
            added.append(N.Declaration((replace(sym, span=span),), *sizes, Span(span.start, end)))
            what = "a scalar" if size == _ONE else f"a vector of size {rows}" if cols is None else f"a {rows} x {cols} matrix"
            notes.append(f"{piece.group(0).strip()} at {cell.source.where(span)} is {what}, as the prose says")
    added += _legend_declarations(cell, found, declared, notes)
    for at, name, size, end in made:  # W_f = np.random.randn(H, V + H): a shape, weaker than the prose's
        sym = found.get(name) or (found.get(name[0] + "_" + name[1:]) if 2 <= len(name) <= 4 and name.isalnum() else None)  # Wf: W_f
        if sym is None or sym.name in declared or sym.lag is not None or sym.name in _signals(cell):
            continue
        declared.add(sym.name)
        span = Span(at, at + len(name))
        rows, cols = size
        added.append(N.Declaration((replace(sym, span=span),), N.Size(_lin(rows), span),
                                   N.Size(N.ONE if cols is None else _lin(cols), span), Span(at, end), origin="code"))
        notes.append(f"{name} at {cell.source.where(span)} is {'a vector of size ' + rows if cols is None else f'a {rows} x {cols} matrix'}, "
                     "as the code that makes it says")
        _size_as_value(cell, found, rows, cols, span)
    return replace(cell, declarations=cell.declarations + tuple(added)) if added else cell


def _size_as_value(cell: N.Cell, found: dict, rows: str, cols: str | None, made: Span) -> None:
    """A size the code makes a weight with (`np.random.random((output_features, input_features))`) that an equation
    uses as a value (`state_t = output_features`, a slip for output_t): refused, never counted as a parameter."""
    for size in re.split(r"\+", rows + "+" + (cols or "")):
        sym = found.get(size) if len(size) > 1 else None
        if sym is not None:
            raise ParseError(f"{size} is a size (the code makes a weight with it at {cell.source.where(made)}), but an "
                             "equation uses it as a value", source=cell.source, span=sym.span,
                             hint="check that equation: a signal's name may have slipped (the size's own name written)")


_ONE = "scalar"
# "$\beta_t$ is a scalar", "$\beta_t = \sigma(W_\beta x_t)$ is a scalar", "$a$ and $b$ are learned scalars"
_SCALAR = re.compile(_NAMES + r"\s*(?P<verb>is|are)\s+(?:both\s+|all\s+)?(?:an?\s+|one\s+)?(?:(?:learn(?:ed|able)|trainable|positive"
                     r"|single|real|data-dependent)\s+)?scalars?\b(?!\s*(?:multipl|product|times))", re.I)


def _lin(size: str) -> N.Lin:
    size = size.replace(" ", "").strip("()")
    if "+" in size:  # H+D (a table's shape): the sum
        parts = [_lin(p) for p in size.split("+")]
        return N.Lin(tuple(sorted(t for p in parts for t in p.terms)), sum(p.const for p in parts))
    return N.Lin((), int(size)) if size.isdigit() else N.Lin(((size, 1),))


# plain text's claim, signals written with their step in parentheses: "z(t), r(t), h(t) are all vectors of size M"
_PLAIN_CLAIM = re.compile(r"(?<![\w$])(?P<names>[A-Za-z]\(t\)(?:\s*(?:,|and)\s*[A-Za-z]\(t\)){0,7})\s+(?:is|are)\s+(?:both\s+|all\s+)?"
                          r"(?:an?\s+)?vectors?\s+of\s+(?:size|dimension|length)\s+(?P<n>[A-Za-z](?:_[A-Za-z0-9]{1,8})?|\d{1,6})\b")




_SPLIT_ON = re.compile(r"\s*(?:x|×|\*)\s*\$")  # a size's math followed by "x$d$"
_SHORT_MATH = re.compile(r"\$[^$]{1,80}\$")  # what _NAMES starts with: a long text's quick test


def _claims(text: str):
    """(offset, names written there, size or (rows, cols), end) of each size the prose gives a
    vector or a matrix."""
    if "vector" in text:
        for pattern in _CLAIMS:
            yield from _named(pattern, text)
        for m in _SHAPED.finditer(text):
            yield m.start("name"), m.group("name"), re.sub(r"[{}]", "", m.group("n")), m.end()
        for m in _PLAIN_CLAIM.finditer(text) if "(t)" in text else ():  # "z(t), r(t), h(t) are all vectors of size M"
            if re.match(r"\s*(?:,|and)\s*[A-Za-z0-9]|[^.\n]{0,30}\brespectively", text[m.end():]):
                continue  # "x(t) and h(t) are vectors of size N and M respectively": one size each, not this one
            for name in re.finditer(r"[A-Za-z]\(t\)", m.group("names")):
                yield m.start("names") + name.start(), name.group(0)[0] + "_t", m.group("n"), m.end()
        for m in _TICKED.finditer(text) if "`" in text else ():
            yield m.start("name"), m.group("name"), m.group("n"), m.end()
    for m in _TICKED_IS.finditer(text) if "` is " in text else ():  # "`W` is the input kernel `(input_dim, units)`"
        rows, cols = m.group("r"), m.group("c")
        yield m.start("name"), m.group("name"), cols if rows == "1" else (rows, cols), m.end()
    for m in _DOC_SHAPE.finditer(text) if "shape" in text else ():  # "- Wx: Weight matrix ..., of shape (D, H)"
        dims = [d.strip() for d in m.group("dims").split(",") if d.strip()]
        if len(dims) in (1, 2) and all(re.fullmatch(r"[A-Za-z]\w{0,20}|\d{1,6}", d) for d in dims) \
                and not (len(dims) == 2 and dims[0] in _BATCH):  # (N, D): a minibatch of rows, a signal's
            yield m.start("name"), m.group("name").replace("=", ","), dims[0] if len(dims) == 1 else (dims[0], dims[1]), m.end()
    if "$" in text and "scalar" in text:
        for m in _SCALAR.finditer(text):
            if text.count("$", 0, m.start()) % 2:
                continue  # from a closing $ to the next math: not the names the sentence speaks of
            chunks = list(re.finditer(r"\${1,2}([^$]+)\${1,2}", m.group("names")))
            for chunk in chunks if m.group("verb").lower() == "are" else chunks[-1:]:  # "..., $v_t$ and $\beta_t$ is a scalar": the last
                yield m.start("names") + chunk.start(1), chunk.group(1).split("=")[0], _ONE, m.end()
    if "$" in text and _SHORT_MATH.search(text):  # (each pattern below starts with names in math, $...$)
        for pattern in _LOOSE:
            yield from _named(pattern, text)
        for m in _MATRIX.finditer(text):
            key = "" if m.group("names") else "2"
            shape = tuple(re.sub(r"[{}]", "", m.group(g + key)) for g in ("r", "c"))
            shape = shape[0] if shape[1] == "1" else shape  # n x 1: a column vector of n
            for chunk in re.finditer(r"\${1,2}([^$]+)\${1,2}", m.group("names" + key)):
                batch = isinstance(shape, tuple) and shape[0] in _BATCH_ROWS and chunk.group(1)[:1].islower()
                yield m.start("names" + key) + chunk.start(1), chunk.group(1), shape[1] if batch else shape, m.end()
    yield from tables(text)
    yield from _said_elsewise(text)
    yield from ticked_shapes(text)
    if "|" in text and "$" in text:
        yield from _row_shapes(text)


def legends(text: str, of_shape: bool = False):
    """(offset, names, size or (rows, cols), end) of each line of a legend of shapes in a comment or a
    docstring: `//   W_f, W_i : (input_dim, hidden_size)`, `- u:  (m,)`; (1, n) and (n, 1) a vector; with `of_shape`,
    the arguments a docstring describes with a shape too (`Wax -- Weight matrix ..., of shape (n_a, n_x)`: code's names,
    a weight's shape only where the name is an equation's, never a claim that the equations are not the whole cell)."""
    described = list(_DESCRIBED.finditer(text)) if "[" in text else []
    described += list(_OF_SHAPE.finditer(text)) if of_shape and " of shape " in text else []
    described += list(FIELD_SHAPE.finditer(text)) if of_shape and ("//" in text or "#" in text) else []  # `W_z: Float32Array; // [H, D]`
    described += list(_TICKED_EQUAL.finditer(text)) if "` = `" in text or "`=`" in text else []
    for m in list(_LEGEND.finditer(text)) + described:
        if m.group("name").strip().lower() in _SECTIONS:
            continue  # `Returns: (new_hidden_state, new_cell_state)`: a docstring's section, what it returns
        listed = m.groupdict().get("dims") or m.groupdict().get("bdims")
        dims = [d.strip() for d in re.split(r",|×|(?<=\s)x(?=\s)", listed) if d.strip()] if listed is not None \
            else [d for d in (m.group("r"), m.group("c")) if d]
        dims = dims[1:] if len(dims) == 2 and dims[0] == "1" else dims[:1] if len(dims) == 2 and dims[1] == "1" else dims
        if len(dims) in (1, 2) and all(re.fullmatch(r"[A-Za-z]\w{0,20}", d) for d in dims) \
                and not (len(dims) == 2 and (dims[0] in _BATCH or dims[0] in STEPS)):
            yield m.start("name"), m.group("name").replace("=", ","), dims[0] if len(dims) == 1 else (dims[0], dims[1]), m.end()
    yield from shaped_lists(text) if of_shape else ()  # `$W_{ir}$、$W_{iz}$ ...，形状为 $[H, I]$`: read.shapedlists


_SECTIONS = frozenset("returns return outputs output inputs input args arguments parameters params yields shape shapes salidas salida "
                      "entradas entrada retorna retorno sorties sortie entrées entrée ausgabe ausgaben eingabe eingaben rückgabe".split())


def _legend_declarations(cell: N.Cell, found: dict, declared: set, notes: list[str]):
    """The declarations a legend of shapes gives the weights it names (vectors and matrices). Code lists
    a weight's shape in either orientation ((input_dim, hidden_size) for x @ W): each line of matrices is
    a choice, as listed or transposed (--read W_f=transposed), every orientation that fits solved."""
    for at, names, size, end in legends(cell.source.text, of_shape=True):
        rows, cols = size[:2] if isinstance(size, tuple) else (size, None)
        pieces = [(p, _lookup(found, _bare(p.group(0)))) for p in re.finditer(r"[^,]+", names)]
        pieces = [(p, sym) for p, sym in pieces if sym is not None and sym.name not in declared and (
                  cols is None or (sym.lag is None and sym.name not in _signals(cell)))]  # a signal's: one size (`x : (input_dim,)`)
        if not pieces:
            continue
        if cols is not None and rows != cols and len(size) == 2:  # (prose's math, a third item: as written, no choice)
            first = pieces[0][0]
            turned = current().pick(Choice(key(_bare(first.group(0))), ("as-listed", "transposed"),
                                           cell.source.where(Span(at + first.start(), at + first.end())),
                                           f"{names.strip()} listed as ({rows}, {cols}): that shape or its transpose"))
            rows, cols = (cols, rows) if turned == "transposed" else (rows, cols)
        for piece, sym in pieces:
            declared.add(sym.name)
            span = Span(at + piece.start(), at + piece.end())
            yield N.Declaration((replace(sym, span=span),), N.Size(_lin(rows), span),
                                N.Size(N.ONE if cols is None else _lin(cols), span), Span(span.start, end), origin="legend")
            notes.append(f"{_bare(piece.group(0))} at {cell.source.where(span)} is "
                         f"{'a vector of size ' + rows if cols is None else f'a {rows} x {cols} matrix'}, as its legend says")


def _wildcards(cell: N.Cell, notes: list[str]) -> N.Cell:
    """`W_\\cdot \\in \\mathbb{R}^{h \\times d}`: the shape of every W with a subscript (W_f, W_i, ...) the
    equations use and no declaration of its own gives; the wildcard itself is no parameter."""
    wild = [d for d in cell.declarations if any(s.name.endswith("_{ast}") for s in d.symbols)]
    if not wild:
        return cell
    own = {s.name for d in cell.declarations if d not in wild for s in d.symbols}
    signals = _signals(cell)
    out = [d for d in cell.declarations if d not in wild]
    for d in wild:
        for w in d.symbols:
            core = w.name[:-len("_{ast}")]
            named = sorted({s.name: s for s, _, _ in symbols(cell) if s.lag is None and s.name not in own
                            and s.name not in signals and s.font == w.font and s.name.startswith(core + "_")}.items())
            out += [replace(d, symbols=(replace(s, span=w.span),), transposed=()) for _, s in named]
            if named:
                notes.append(f"{core}_\\ast at {cell.source.where(w.span)} gives the shape of every {core} with a subscript: "
                             f"{', '.join(n for n, _ in named)}")
    return replace(cell, declarations=tuple(out))


def _bare(name: str) -> str:
    return plain(name.strip().strip("`"))


def _lookup(found: dict, name: str):
    """The symbol a legend names: as written, else the one symbol written so in another case (`w_ih`
    in a Rust legend for W_ih in the math: code writes lower case)."""
    if name in found:
        return found[name]
    same = {s.name: s for k, s in found.items() if k.lower() == name.lower() or re.sub(r"[{}]", "", k) == name}  # (`W_hf`: W_{hf})
    if not same and 2 <= len(name) <= 4 and name.isalnum():  # `Wax` in a docstring for W_{ax}, `ba` for b_a
        same = {s.name: s for k, s in found.items() if re.sub(r"[_{}]", "", k).lower() == name.lower() and "_" in k}
    return next(iter(same.values())) if len(same) == 1 else None


def _role_claims(cell: N.Cell, text: str):
    """Sizes of the hidden state, the input and the output the prose names without their symbols, as claims on
    the signal written with the role's letter (one such signal, or none is claimed)."""
    if text.isascii() and not any(word in text.lower() for word in _CUE_WORDS):
        return  # no cue (a text of ASCII: its case folds as ASCII's)
    found = [(letters, _first(pattern, cue, text)) for (_, letters, pattern), cue in zip(_ROLE_SIZES, _ROLE_CUES)]
    if not any(m for _, m in found):
        return
    timed = _signals(cell)  # the signals (any name, in a cell written without time indices)
    names = {plain(s.name): s for s, _, _ in symbols(cell) if s.name in timed}
    for letters, m in found:
        owners = [n for n in names if _NEW_WORD.sub("", re.sub(r"^\\[A-Za-z]+\{(.*)\}$", r"\1", n)) in letters]
        if m is None or len(owners) != 1:
            continue
        key, size = next((k, g) for k, g in m.groupdict().items() if g)
        if re.search(r"_\{?[tk](?![A-Za-z])", size):
            continue  # "the hidden units $h_t$": the signal itself, not a size
        if "\n" in text[m.start():m.start(key)].lstrip() and "$" not in text[m.start():m.end()] and key[0] != "f":
            continue  # "# bias of hidden units" then `u::VarOrNil` on the next line: a bare letter there is no size
        yield m.start(), owners[0], re.sub(r"[{}]", "", size), m.end()


# a word every match of each _ROLE_SIZES pattern holds: the pattern runs only near one (a pattern whose
# alternatives start at any word is tried at every word of the text: tens of milliseconds for a long one)
_ROLE_CUES = (re.compile(r"hidden|units|neurons|隐|features|=>|dimensionality|elements|hsize", re.I),
              re.compile(r"input|输入|入力|features|=>|in_dim|isize", re.I),
              re.compile(r"output|输出", re.I))
_CUE_WORDS = ("hidden", "units", "neurons", "features", "=>", "dimensionality", "elements", "input", "in_dim", "output", "hsize", "isize")
_NEAR = 240  # characters on each side of a cue: more than any match reaches
_NEW_WORD = re.compile(r"_\{?(?:new|next|cur|curr)\}?$")  # h_{new} (read.timewords reads it as h_t later)


def _first(pattern: re.Pattern, cue: re.Pattern, text: str):
    """pattern.search(text), searched only in the windows around the cues (in order, merged)."""
    end = -1
    for c in cue.finditer(text):
        if c.start() < end:
            continue
        start, end = max(0, c.start() - _NEAR), c.end() + _NEAR
        while (more := cue.search(text, end - _NEAR)) is not None and more.start() < end:
            end = more.end() + _NEAR  # the next cue is in this window: one window
        m = pattern.search(text, start, min(end, len(text)))
        if m is not None:
            return m
    return None


def _named(pattern: re.Pattern, text: str):
    for m in pattern.finditer(text):
        if _SPLIT_ON.match(text, m.end()):
            continue  # ("of size $1$x$d$": a shape in two maths, read.saidsizes', not the size 1)
        for chunk in re.finditer(r"\${1,2}([^$]+)\${1,2}", m.group("names")):
            yield m.start("names") + chunk.start(1), chunk.group(1), re.sub(r"[{}]", "", m.group("n")), m.end()


# a shape said in a table row of symbols without a column of its own: "each $(H,\ H{+}D)$", "each $(H,)$",
# "in $(0,1)^H$" (the values' set: a vector of H)
_ROW_MATRIX = re.compile(r"\$\s*\(\s*(?P<r>" + _SUM + r")\s*,\s*(?:\\[ ,;]\s*)?(?P<c>" + _SUM + r")\s*\)\s*\$")
_ROW_VECTOR = re.compile(r"\$\s*(?:\(\s*(?P<n>" + _SUM + r")\s*,\s*\)|[(\[]\s*-?[01]\s*,\s*[01]\s*[)\]]\s*\^\s*\{?\s*(?P<m>"
                         + _TERM + r")\s*\}?)\s*\$")


def _row_shapes(text: str):
    """The rows of a Markdown table whose first cell names symbols in math and whose other cells say one
    shape: each symbol has it (a row with two shapes says none)."""
    for row in re.finditer(r"^\|[ \t]*\${1,2}([^$|\n]+)\${1,2}[ \t]*\|(.*)\|[ \t]*$", text, re.M):
        rest = row.group(2)
        found = [(m.group("r"), m.group("c")) for m in _ROW_MATRIX.finditer(rest)] + \
                [m.group("n") or m.group("m") for m in _ROW_VECTOR.finditer(rest)]
        if len(found) != 1:
            continue
        shape = found[0]
        pieces = shape if isinstance(shape, tuple) else (shape,)
        if not re.search(r"[A-Za-z]", pieces[0]) or not all(re.search(r"[A-Za-z]", p) or p.isdigit() and p != "0" for p in pieces):
            continue  # (0, 1): a range, not a shape
        value = tuple(re.sub(r"[{}\s]", "", p) for p in shape) if isinstance(shape, tuple) else re.sub(r"[{}\s]", "", shape)
        yield row.start(1), row.group(1), value, row.end()


def _batch_signals(cell: N.Cell) -> list:
    """The symbols of the signals (what a matrix claim on one makes a batch of rows)."""
    names = _signals(cell)
    return [s for s, _, _ in symbols(cell) if s.name in names]


def _signals(cell: N.Cell) -> set[str]:
    """The names the equations compute or read at a time step: what a vector of the prose can be (in a
    cell written without time indices, h' = f(x, h), any name)."""
    found = list(symbols(cell))
    timed = lambda s: s.lag is not None or _STEP_WORD.search(s.name) is not None  # noqa: E731  (h_{prev}: h at t-1)
    if not any(timed(s) for s, _, _ in found):
        return {s.name for s, _, _ in found}
    # (and the input's letter with no index beside h_{prev}: `W_z * x + U_z * h_prev`, read as the input later)
    return {s.name for s, _, left in found if left or timed(s) or s.name in ("x", "u")}


_BATCH = frozenset("N B n b batch batch_size bs".split())
_BATCH_ROWS = frozenset("N B batch batch_size bs".split())  # x of size (N, H_in): a minibatch of N rows
_STEP_WORD = re.compile(r"_\{?(?:prev|next|new|old|tm1)\}?$")
