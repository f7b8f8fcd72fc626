"""Python names for a cell's symbols, as the generated torch module (symcount.output.torch_code) and
the checker (symcount.output.torch_check) write them.

The rule, from the LaTeX name (the time index already removed):
- a font or a wrapper is dropped: \\mathbf{W}_{hi} -> W_hi, \\text{out} -> out;
- an accent becomes a suffix: \\tilde{c} -> c_tilde, \\hat{h}_{t} -> h_hat;
- a Greek letter is its name: \\alpha -> alpha, W_{\\beta} -> W_beta;
- braces go, and every other character that is not a letter, a digit or _ becomes _ (runs of _
  become one, none at either end): W_{hi} -> W_hi, W_{Linear,1} -> W_Linear_1, b' -> b;
- a name that starts with a digit gets p_ before it; a Python keyword or a name the module already
  uses (self, torch, state, forward, ...) gets _ after it;
- two symbols that would have one name are numbered in order of first use: the second W_hi is W_hi_2.
"""
from __future__ import annotations

import keyword
from ..read import patterns as re  # re, with the package's patterns compiled ahead (read.patterns)

FONTS = frozenset("mathbf boldsymbol bm mathrm mathit mathcal mathsf mathtt pmb symbf text textrm textbf "
                  "textit operatorname vec".split())
ACCENTS = {"tilde": "tilde", "widetilde": "tilde", "hat": "hat", "widehat": "hat", "bar": "bar",
           "overline": "bar", "dot": "dot", "check": "check", "breve": "breve", "overrightarrow": "fw",
           "overleftarrow": "bw", "underline": "under", "acute": "acute", "grave": "grave", "ddot": "ddot"}
# what the generated module defines or nn.Module has: a parameter or a signal of these names is renamed
RESERVED = frozenset("""self torch state new_state batch xs ys x_in sizes s output forward forward_sequence
initial_state training parameters buffers modules children state_dict load_state_dict register_parameter
register_buffer apply cuda cpu to type float double half train eval zero_grad extra_repr T dump_patches
call_super_init""".split())


def python_name(latex: str) -> str:
    """A LaTeX symbol's name as a Python identifier (see the module's rule); not yet made unique."""
    text, suffixes = latex, []
    while True:  # innermost first: \tilde{\mathbf{h}}
        m = re.search(r"\\([A-Za-z]+)\s*\{([^{}]*)\}", text)
        if not m:
            break
        cmd, inner = m.group(1), m.group(2)
        if cmd in ACCENTS:
            suffixes.append(ACCENTS[cmd])
            repl = inner
        else:
            repl = inner if cmd in FONTS else cmd + "_" + inner
        text = text[:m.start()] + repl + text[m.end():]
    text = re.sub(r"\\([A-Za-z]+)", r"\1", text)  # \alpha -> alpha
    text = text.replace("'", "_prime")
    base = re.sub(r"[^A-Za-z0-9_]+", "_", text)
    base = re.sub(r"_+", "_", base).strip("_") or "v"
    base = "_".join([base] + suffixes)
    if base[0].isdigit():
        base = "p_" + base
    if keyword.iskeyword(base) or base in RESERVED:
        base += "_"
    return base


class Names:
    """Unique Python names for LaTeX names, each given once, in order of asking."""

    def __init__(self, taken: set[str] | None = None) -> None:
        self.of: dict[str, str] = {}
        self.taken: set[str] = set(taken or ())

    def __call__(self, latex: str) -> str:
        if latex not in self.of:
            base = python_name(latex)
            name, k = base, 2
            while name in self.taken:
                name, k = f"{base}_{k}", k + 1
            self.taken.add(name)
            self.of[latex] = name
        return self.of[latex]


def size_code(lin, fixed: dict[str, int], where: str = "s") -> str:
    """A Lin as Python: a size fixed with --set is written in, an open one read from the dict `where`."""
    parts = []
    const = lin.const
    for name, k in lin.terms:
        if name in fixed:
            const += k * fixed[name]
            continue
        term = f"{where}[{name!r}]"
        parts.append(term if k == 1 else f"{k} * {term}")
    if const or not parts:
        parts.append(str(const))
    return " + ".join(parts).replace("+ -", "- ")
