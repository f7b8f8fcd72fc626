"""Checks of the render-test helpers (tests/helpers_render.py) on known-good and known-bad inputs."""

import shutil

import pytest

from tests.helpers_render import katex_errors, markdown_math_spans, pdflatex_compile

MARKDOWN = r"""# LSTM

The cell has $4h(d + h) + 8h$ parameters, where $h$ is the hidden size and a price is \$5.

$$
N = 4h(d + h) + 8h
$$

`$not math$` and ``a `$tick$` inside`` are inline code.

```latex
$$ \frac{1}{ $$
```

~~~~
$ also code $
~~~~

Last: $$W_{ii} \in \mathbb{R}^{h \times d}$$ and $\$ \text{dollars}$.
"""


@pytest.mark.parametrize(
    "md, spans",
    [
        (MARKDOWN, [
            ("4h(d + h) + 8h", False),
            ("h", False),
            ("N = 4h(d + h) + 8h", True),
            (r"W_{ii} \in \mathbb{R}^{h \times d}", True),
            (r"\$ \text{dollars}", False),
        ]),
        ("no math here", []),
        ("``` unclosed fence\n$x$", []),
        ("`unclosed tick $x$", [("x", False)]),
    ],
)
def test_markdown_math_spans(md, spans):
    assert markdown_math_spans(md) == spans


@pytest.mark.parametrize("md", ["a $x + y", "a $$x\n\ny", "a $x\n\nb$ c"])
def test_markdown_math_spans_rejects_unclosed_math(md):
    with pytest.raises(ValueError, match="unclosed"):
        markdown_math_spans(md)


def test_katex_accepts_good_math():
    assert katex_errors(markdown_math_spans(MARKDOWN)) == []


def test_katex_reports_only_the_bad_spans():
    spans = [(r"\frac{1}{2}", True), (r"\frac{1}{", False), (r"\undefinedmacro x", True)]
    errors = katex_errors(spans)
    assert len(errors) == 2
    assert errors[0].startswith(r"$\frac{1}{$: KaTeX parse error")
    assert errors[1].startswith(r"$$\undefinedmacro x$$: KaTeX parse error: Undefined control sequence")


def test_katex_with_no_spans_runs_nothing():
    assert katex_errors([]) == []


def test_katex_missing_node_skips_outside_ci_and_fails_in_ci(monkeypatch):
    monkeypatch.setattr(shutil, "which", lambda name: None)
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="node"):
        katex_errors([("x", False)])
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="must be installed in CI"):
        katex_errors([("x", False)])


GOOD_DOCUMENT = r"""\documentclass{article}
\usepackage{amsmath,amssymb}
\begin{document}
\begin{align}
  i_t &= \sigma(W_{ii} x_t + b_{ii} + W_{hi} h_{t-1} + b_{hi}) \\
  N &= 4h(d + h) + 8h
\end{align}
\end{document}
"""


def test_pdflatex_compiles_a_minimal_amsmath_document(tmp_path):
    pdflatex_compile(GOOD_DOCUMENT, tmp_path)
    assert (tmp_path / "main.pdf").stat().st_size > 0


def test_pdflatex_failure_shows_the_log(tmp_path):
    bad = GOOD_DOCUMENT.replace(r"N &=", r"\undefinedmacro N &=")
    with pytest.raises(AssertionError, match=r"(?s)pdflatex exited 1.*Undefined control sequence"):
        pdflatex_compile(bad, tmp_path)


def test_pdflatex_missing_skips_outside_ci_and_fails_in_ci(monkeypatch, tmp_path):
    monkeypatch.setattr(shutil, "which", lambda name: None)
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="pdflatex"):
        pdflatex_compile(GOOD_DOCUMENT, tmp_path)
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="must be installed in CI"):
        pdflatex_compile(GOOD_DOCUMENT, tmp_path)
