"""How symbols and dimensions are named: the Greek letters that are names, and how a dimension's
name is typeset, and how a symbol's name splits into its letter, subscript and superscripts. Cheap to
import: the fast paths need it."""
from __future__ import annotations

from . import patterns as re  # re, with the package's patterns compiled ahead (read.patterns)

# a symbol's name: its core letter, one subscript, its superscripts (h_{t}^{f} -> h, _{t}, ^{f})
NAME = re.compile(r"^(?P<core>.*?)(?P<sub>_(\{[^{}]*\}|[^{}^_]))?(?P<sups>(\^(\{[^{}]*\}|[^{}^_]))*)$")

# Greek letters that name symbols and dimensions (\alpha, \Gamma, ...): the one list of them
GREEK = ("alpha beta gamma delta epsilon varepsilon zeta eta theta vartheta iota kappa lambda mu nu "
         "xi pi varpi rho varrho sigma varsigma tau upsilon phi varphi chi psi omega Gamma Delta "
         "Theta Lambda Xi Pi Sigma Upsilon Phi Psi Omega").split()
_GREEK = frozenset(GREEK)


def dim_latex(name: str) -> str:
    """How a dimension's name is typeset: d_h -> d_{h}, alpha -> \\alpha, n -> n, E*d -> E d."""
    if "*" in name:
        return " ".join(dim_latex(f) for f in name.split("*"))
    base, _, sub = name.partition("_")
    if len(base) > 1 and base not in _GREEK and (not sub or len(sub) > 1 and not sub.isdigit()):
        return "\\mathit{%s}" % name.replace("_", "\\_")  # an argument's name: hidden_size, units
    base = f"\\{base}" if base in _GREEK else base
    return f"{base}_{{{sub}}}" if sub else base


_BRACES_LOW_LINES = str.maketrans("", "", "{}_")


def flat_letters(name: str) -> str:
    """A name without its braces, low lines and whitespace: re.sub(r"[{}_\\s]", "", name), the braces
    and low lines dropped by str.translate. Whitespace, rare in a name, goes by the pattern: every
    whitespace character but the space is unprintable (tests/test_speed_paths.py), so a printable
    text without a space holds none."""
    flat = name.translate(_BRACES_LOW_LINES)
    return flat if flat.isprintable() and " " not in flat else re.sub(r"\s", "", flat)
