"""What a notebook shows: a Derivation's short summary (the explanation is `d.explain()`), with its
binding when bound; Comparison and Match as tables (Markdown and HTML); `symcount.plot(c)` returns
a matplotlib Figure, the path optional."""
from __future__ import annotations

import pytest

import symcount


def test_a_derivation_shows_a_short_summary_and_explains_in_full():
    d = symcount.cell("lstm")
    short = d._repr_markdown_()
    assert len(short) <= 3000 and "4 h \\left(d + h + 2\\right)" in short and "| parameters | shape | count |" in short
    assert "Why each shape" not in short
    full = d.explain()
    assert len(full) > len(short) and "Why each shape" in full and "Per equation" in full
    assert d.explain("latex").startswith("\\section*{")
    bound = d.bind(d=256, h=128)._repr_markdown_()
    assert "With $d$ = 256, $h$ = 128: **197,632** parameters." in bound


def test_comparison_and_match_display_as_tables():
    c = symcount.compare(["lstm", "gru"], {"d": 64, "h": [128, 256]})
    assert "| 128 | 99,328 | 74,496 |" in c._repr_markdown_()
    html = c._repr_html_()
    assert html.startswith("<table>") and "<th>lstm</th>" in html and ">99,328</td>" in html
    m = symcount.match("gru", {"d": 64}, to="lstm", to_sizes={"d": 64, "h": 128})
    assert "| 99,328 | 151 |" in m._repr_markdown_() and "<table>" in m._repr_html_()


def test_plot_returns_a_figure_and_the_path_is_optional(tmp_path):
    pytest.importorskip("matplotlib")
    from matplotlib.figure import Figure
    c = symcount.compare(["lstm", "gru"], {"d": 64, "h": [128, 256]})
    assert isinstance(symcount.plot(c), Figure)
    fig = symcount.plot(c, str(tmp_path / "c.svg"))
    assert isinstance(fig, Figure) and (tmp_path / "c.svg").read_text().startswith("<?xml")
