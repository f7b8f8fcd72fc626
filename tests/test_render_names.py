"""Names the reader accepts beyond plain letters come out as valid math in Markdown (KaTeX) and
LaTeX (pdflatex)."""
from __future__ import annotations

import symcount
from symcount import api
from tests.helpers_render import katex_errors, markdown_math_spans, pdflatex_compile

TEX = r"$$ f^{\prime}_t = \sigma(W x_t) \\ h_t = f'_t \odot h_{t-1} + \operatorname{layer\_norm}(U x_t) $$"


def test_primes_and_underscored_operator_names_render(tmp_path):
    d = symcount.derive(TEX, name="names.tex")
    md = api.render(d, "markdown")
    assert r"\operatorname{layer\_norm}" in md and "f'_t" in md
    assert katex_errors(markdown_math_spans(md)) == []
    pdflatex_compile(api.render(d, "latex", standalone=True), tmp_path)
