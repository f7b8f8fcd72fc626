"""`symcount docs`: a MkDocs site that builds with --strict and whose pages read right in the HTML
MkDocs writes (Python-Markdown): nested lists nest, every math span renders in KaTeX, and no `$` or
`\\(` is left outside the math."""
from __future__ import annotations

import io
import subprocess
import sys
from contextlib import redirect_stderr, redirect_stdout
from html.parser import HTMLParser
from pathlib import Path

import pytest

from symcount.cli import main
from tests.helpers_render import katex_errors
from tests.oracles import require


def cli(argv) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main(argv)
    return code, out.getvalue(), err.getvalue()


def build(folder: Path) -> None:
    require("mkdocs")
    require("pymdownx")
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=folder, capture_output=True,
                          text=True, timeout=900)
    assert proc.returncode == 0, proc.stderr


class Page(HTMLParser):
    """The main column of a page MkDocs wrote: its math (arithmatex spans and blocks), the text
    outside math and code, and for each list item whether it holds a nested list."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0           # inside <div role="main">: the div nesting
        self.math: list[tuple[str, bool]] = []
        self.text: list[str] = []
        self.in_math = self.in_code = 0
        self.current = ""
        self.stack: list[str] = []
        self.nested_items = 0    # <li> elements that contain a <ul>
        self.heading = ""
        self.why_items: list[bool] = []  # under "Why each shape": each top-level item nests a list
        self.li: list[list] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "div" and a.get("role") == "main":
            self.depth = 1
            return
        if not self.depth:
            return
        if tag == "div":
            self.depth += 1
        if "arithmatex" in (a.get("class") or "").split():
            self.in_math += 1
            self.current = ""
            self.stack.append(tag)
        if tag in ("code", "pre"):
            self.in_code += 1
        if tag in ("h1", "h2", "h3"):
            self.heading = ""
        if tag == "li":
            self.li.append([len(self.li) == 0 and self.heading == "Why each shape", False])
        if tag == "ul" and self.li:
            self.li[-1][1] = True

    def handle_endtag(self, tag):
        if not self.depth:
            return
        if tag == "div":
            self.depth -= 1
        if self.in_math and self.stack and tag == self.stack[-1]:
            self.stack.pop()
            self.in_math -= 1
            tex = self.current.strip()
            display = tex.startswith("\\[")
            assert tex[:2] in ("\\(", "\\[") and tex[-2:] in ("\\)", "\\]"), tex
            self.math.append((tex[2:-2], display))
        if tag in ("code", "pre"):
            self.in_code -= 1
        if tag == "li" and self.li:
            top_why, nests = self.li.pop()
            if top_why:
                self.why_items.append(nests)

    def handle_data(self, data):
        if not self.depth:
            return
        if self.in_math:
            self.current += data
        elif not self.in_code:
            self.text.append(data)
            self.heading += data.strip()


def read(path: Path) -> Page:
    p = Page()
    p.feed(path.read_text(encoding="utf-8"))
    return p


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("site")
    code, out, err = cli(["docs", "--output", str(folder), "--set", "d=512", "--set", "h=128:256:128", "--set", "p=64"])
    assert code == 0, err
    assert "have no dimension p: --set p applies to lstmp" in err
    build(folder)
    return folder


def test_every_built_in_cell_has_a_page_and_the_site_builds_strict(site):
    import symcount
    from symcount import cells
    pages = sorted((site / "site" / "cells").iterdir())
    assert len(pages) == sum(len(cells.conventions(n)) for n in symcount.cell_names())
    assert (site / "site" / "references" / "index.html").is_file()
    index = read(site / "site" / "index.html")
    text = " ".join(index.text)
    assert "788,480" in text and "1,575,936" not in text  # lstm at d=512, h=256; h=512 was not asked
    assert "Side by side" in text


def test_pages_read_right_in_python_markdown(site):
    spans: list[tuple[str, bool]] = []
    for html in sorted((site / "site").rglob("index.html")):
        if html.parent.name == "404" or html.parent.name == "search":
            continue
        page = read(html)
        stray = [t for t in page.text if "$" in t or "\\(" in t or "\\[" in t]
        assert not stray, f"{html}: math left unrendered: {stray[:3]}"
        if html.parent.parent.name == "cells":
            assert page.why_items and all(page.why_items), f"{html}: the reasons do not nest under their parameter"
        spans += page.math
    assert len(spans) > 1000
    assert katex_errors(sorted(set(spans))) == []


def test_a_page_keeps_the_cells_name_and_shows_formulas_as_math(site):
    md = (site / "docs" / "cells" / "lstmp.md").read_text(encoding="utf-8")
    assert md.startswith("# Parameters of lstmp (pytorch)\n") and "`" not in md.split("## Reference")[0]
    assert "## Over the sizes swept" in md and "| 256 | 608,256 |" in md  # h (4 d + 5 p + 8) at h=256, d=512, p=64
    gru = (site / "docs" / "cells" / "gru-pytorch.md").read_text(encoding="utf-8")
    assert "p = " not in gru and "$p" not in gru  # --set p applies to lstmp only


def test_user_files_and_mathjax(tmp_path):
    code, _, err = cli(["docs", "examples/lstm.tex", "examples/gru.tex", "--output", str(tmp_path), "--set", "d_x=3",
                        "--math", "mathjax", "--title", 'My "cells": #1\nnext'])
    assert code == 0, err
    yml = (tmp_path / "mkdocs.yml").read_text(encoding="utf-8")
    # escaped for HTML (MkDocs prints the site name as it is), then quoted for YAML
    assert 'site_name: "My &quot;cells&quot;: #1\\u000anext"' in yml and "mathjax" in yml and "katex" not in yml
    assert (tmp_path / "docs" / "cells" / "lstm.md").read_text(encoding="utf-8").startswith("# Parameters of lstm\n")
    build(tmp_path)


def test_a_size_no_cell_has_is_an_error(tmp_path):
    code, _, err = cli(["docs", "lstm", "gru", "--output", str(tmp_path), "--set", "q=3"])
    assert code == 2 and "no cell has a dimension 'q'" in err
