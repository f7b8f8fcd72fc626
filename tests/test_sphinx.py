"""The Sphinx extension (symcount.sphinx): a small project (tests/sphinx_project/) built with -W,
and its HTML read back: the counts, the math as Sphinx writes it for MathJax, lists that nest, a
table row per sweep value. Errors in a directive fail a -W build with the page's line and the
.tex file's line; editing a .tex file rebuilds the page that uses it.

Sphinx is an optional extra (`pip install 'symcount[sphinx]'`, in the test extra): a missing Sphinx
skips these tests on a developer's machine and fails them in CI, like the framework oracles.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

import symcount
from tests.oracles import require

ROOT = Path(__file__).resolve().parent.parent
PROJECT = ROOT / "tests" / "sphinx_project"
TIMEOUT_S = 900  # a guard against a hang, not a time budget


@pytest.fixture(scope="module", autouse=True)
def _sphinx():
    require("sphinx")


def sphinx_build(src: Path, out: Path, *extra: str) -> subprocess.CompletedProcess:
    """sphinx-build -W --keep-going (every warning is an error, all of them reported) into out/."""
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(ROOT)] + os.environ.get("PYTHONPATH", "").split(os.pathsep)))
    out.mkdir(parents=True, exist_ok=True)
    argv = [sys.executable, "-m", "sphinx", "-W", "--keep-going", "-q", "-b", "html", "-d", str(out / "doctrees"),
            *extra, str(src), str(out / "html")]
    return subprocess.run(argv, capture_output=True, text=True, timeout=TIMEOUT_S, env=env, cwd=out)


def built(src: Path, out: Path, page: str = "index") -> "Node":
    proc = sphinx_build(src, out)
    assert proc.returncode == 0, f"sphinx-build -W failed:\n{proc.stdout}\n{proc.stderr}"
    return parse_html((out / "html" / f"{page}.html").read_text(encoding="utf-8"))


# ---- a small DOM of the HTML --------------------------------------------------------------------------
class Node:
    def __init__(self, tag: str, attrs: dict, parent: "Node | None") -> None:
        self.tag, self.attrs, self.parent, self.children = tag, attrs, parent, []

    def find_all(self, tag: str, cls: str | None = None) -> list["Node"]:
        out = []
        for c in self.children:
            if isinstance(c, Node):
                if c.tag == tag and (cls is None or cls in c.attrs.get("class", "").split()):
                    out.append(c)
                out += c.find_all(tag, cls)
        return out

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def ancestors(self) -> list["Node"]:
        out, p = [], self.parent
        while p is not None:
            out.append(p)
            p = p.parent
        return out

    def section(self, heading: str) -> "Node":
        """The <section> whose heading starts with `heading`."""
        for s in self.find_all("section"):
            h = [c for c in s.children if isinstance(c, Node) and c.tag in ("h1", "h2", "h3")]
            if h and h[0].text().startswith(heading):
                return s
        raise AssertionError(f"no section {heading!r}")


VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class _Builder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = self.node = Node("#document", {}, None)

    def handle_starttag(self, tag, attrs):
        n = Node(tag, {k: v or "" for k, v in attrs}, self.node)
        self.node.children.append(n)
        if tag not in VOID:
            self.node = n

    def handle_endtag(self, tag):
        n = self.node
        while n is not None and n.tag != tag:
            n = n.parent
        if n is not None and n.parent is not None:
            self.node = n.parent

    def handle_data(self, data):
        self.node.children.append(data)


def parse_html(text: str) -> Node:
    b = _Builder()
    b.feed(text)
    return b.root


def table_rows(table: Node) -> list[list[str]]:
    return [[" ".join(c.text().split()) for c in tr.children if isinstance(c, Node) and c.tag in ("th", "td")]
            for tr in table.find_all("tr")]


# ---- the project --------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def page(tmp_path_factory) -> Node:
    return built(PROJECT, tmp_path_factory.mktemp("sphinx"))


def test_the_file_stacked_bidirectional_gives_the_count(page):
    s = page.section("The LSTM of torch")
    text = " ".join(s.text().split())
    assert "3,153,920 parameters" in text          # torch.nn.LSTM(512, 256, num_layers=2, bidirectional=True)
    assert [r.text() for r in s.find_all("p", "rubric")] == ["Equations", "Parameters", "Why each shape", "Total"]
    assert "Per equation" not in text and "Reference" not in text   # :sections: leaves them out


def test_math_is_math_nodes_as_sphinx_writes_them(page):
    s = page.section("The LSTM of torch")
    inline = s.find_all("span", "math")
    display = s.find_all("div", "math")
    assert len(inline) > 50 and all(x.text().startswith("\\(") and x.text().endswith("\\)") for x in inline)
    assert display and all(x.text().strip().startswith("\\[") and x.text().strip().endswith("\\]") for x in display)
    equations = display[0].text()
    assert "i_t &= \\sigma(W_{ii} x_t + b_{ii} + W_{hi} h_{t-1} + b_{hi})" in equations
    assert "\\begin{split}" in equations           # the rows aligned at &=
    assert "\\(d_{h} \\times d_{x}\\)" in [x.text() for x in inline]
    assert "$" not in s.text()                     # no Markdown math left over


def test_why_each_shape_is_a_nested_list(page):
    s = page.section("The LSTM of torch")
    nested = [ul for ul in s.find_all("ul") if any(a.tag == "li" for a in ul.ancestors())]
    assert len(nested) == 16                       # one per parameter, under its item
    first = nested[0]
    assert first.parent.tag == "li" and first.parent.find_all("p")[0].text().startswith("\\(W_{ii}\\) is")
    assert [" ".join(li.text().split()) for li in first.find_all("li")] == [
        "In the equation for \\(i_t\\), \\(W_{ii} x_t\\), \\(b_{ii}\\), \\(W_{hi} h_{t-1}\\) and \\(b_{hi}\\) are added, "
        "so \\(W_{ii}\\) has as many rows as \\(i_t\\): \\(d_{h}\\).",
        "In the equation for \\(i_t\\), \\(W_{ii}\\) multiplies \\(x_t\\), so \\(W_{ii}\\) has as many columns as "
        "\\(x_t\\) has rows: \\(d_{x}\\)."]


def test_a_built_in_cell_with_its_cost(page):
    s = page.section("A built-in cell with its cost")
    rubrics = [r.text() for r in s.find_all("p", "rubric")]
    assert rubrics == ["Equations", "Parameters", "Why each shape", "Per equation", "Total", "Cost", "Reference"]
    text = " ".join(s.text().split())
    assert text.startswith("A built-in cell with its cost¶ Gated recurrent unit as torch.nn.GRU computes it")
    d = symcount.cell("gru")
    assert f"{d.evaluate(d=512, h=256):,} parameters" in text
    macs = d.cost.evaluate(d=512, h=256, T=100, B=1)["macs"]
    assert [r for r in map(table_rows, s.find_all("table")) if r[0][1:] == ["per step", "over the sequence", "value"]
            ][0][1][3] == f"{macs:,}"
    r_t = [li for li in s.find_all("li") if li.find_all("p")[0].text() == "\\(r_t\\):"]
    assert [" ".join(x.text().split()) for x in r_t[0].find_all("li")][0] == (
        "\\(W_{ir} x_t\\) is a \\((h \\times d)\\) by \\(d\\) product: \\(d h\\) multiply-accumulates")
    assert s.find_all("div", "highlight-bibtex")   # the BibTeX entry, as a literal block


def test_a_sweep_in_the_explanation_is_a_table(page):
    s = page.section("A sweep")
    rows = table_rows(s.find_all("table")[0])
    d = symcount.cell("lstm", bias=False)
    assert rows == [["\\(h\\)", "parameters"]] + [[str(h), f"{d.evaluate(d=512, h=h):,}"] for h in (128, 256, 384, 512)]
    assert "\\(N = 4 h^{2} + 2048 h\\)" in [x.text() for x in s.find_all("span", "math")]
    assert s.find_all("caption")[0].text().startswith("Parameters at \\(d = 512\\)")


def test_the_comparison_has_a_row_per_sweep_value(page):
    s = page.section("Baselines")
    tables = s.find_all("table")
    assert len(tables) == 3
    c = symcount.compare(["lstm", "gru", "mingru", "rnn"], {"d": 512, "h": range(128, 513, 128)})
    assert table_rows(tables[0]) == [["\\(h\\)", "lstm", "gru", "mingru", "rnn"]] + [
        [str(r["h"])] + [f"{r[x]:,}" for x in ("lstm", "gru", "mingru", "rnn")] for r in c.to_rows()]
    assert tables[0].find_all("caption")[0].text().startswith("Parameters at \\(d = 512\\)")

    files = table_rows(tables[1])
    assert files[0] == ["\\(d_{h}\\)", "../../examples/lstm.tex", "../../examples/gru.tex"]
    assert [r[0] for r in files[1:]] == ["128", "256", "384", "512"]
    assert files[2][1] == "3,153,920"
    assert "2 layers, bidirectional" in tables[1].find_all("caption")[0].text()

    flops = table_rows(tables[2])
    keras = symcount.compare(["lstm", "gru"], {"d": 512, "h": 256, "T": 100, "B": 1}, convention="keras", measure="flops")
    assert flops == [["lstm", "gru"], [f"{keras.rows[0].counts[0]:,}", f"{keras.rows[0].counts[1]:,}"]]
    formulas = [" ".join(li.text().split()) for li in s.find_all("li")]
    assert "lstm: \\(4 h \\left(d + h + 2\\right)\\)" in formulas


# ---- every built-in cell ----------------------------------------------------------------------------
@pytest.mark.slow
def test_every_built_in_cell_builds_with_W(tmp_path):
    """Each built-in cell's full explanation, with its cost and reference, stacked: no warning."""
    from symcount import cells
    from tests.modern_layers import BUILDERS as MODERN
    src = tmp_path / "src"
    src.mkdir()
    (src / "conf.py").write_text('extensions = ["symcount.sphinx"]\n', encoding="utf-8")
    pages = [(n, c) for n in cells.names() for c in cells.conventions(n)]
    body = ["Cells", "=====", ""]
    for name, convention in pages:
        title = f"{name} ({convention})"
        # a modern layer maps d to d inside a residual block: it is not stacked by concatenating directions
        stack = [] if name in MODERN else ["   :layers: 2", "   :bidirectional:"]
        body += [title, "-" * len(title), "", f".. symcount:: {name}", f"   :convention: {convention}",
                 *stack, "   :cost:", "   :set: T=10 B=2", ""]
    (src / "index.rst").write_text("\n".join(body), encoding="utf-8")
    html = built(src, tmp_path / "out")
    assert len(html.find_all("div", "symcount")) == len(pages)
    assert len([r for r in html.find_all("p", "rubric") if r.text() == "Reference"]) == len(pages)


# ---- errors -------------------------------------------------------------------------------------------
BROKEN = """Broken
======

.. symcount:: broken.tex

.. symcount:: lstm
   :set: q=3

.. symcount-table:: lstm gru
   :set: h=1:x

.. symcount:: nosuchcell

.. symcount:: lstm
   :sections: equations,bogus

.. symcount:: lstm
   :sections: cost

.. symcount:: missing.tex

.. symcount:: lstm

.. symcount:: lstm
   :set: zz=1:3
   :sections: total
"""


def test_errors_fail_a_W_build_naming_the_page_and_the_file(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "conf.py").write_text('extensions = ["symcount.sphinx"]\n', encoding="utf-8")
    (src / "broken.tex").write_text("An Elman cell\n\n$$ h_t = \\tanh(W (x_t $$\n", encoding="utf-8")
    (src / "index.rst").write_text(BROKEN, encoding="utf-8")
    proc = sphinx_build(src, tmp_path / "out")
    assert proc.returncode != 0
    err = proc.stderr
    page = str(src / "index.rst")
    for expected in [
        f"{page}:4: ERROR: symcount: cannot read the math: it ends in the middle of a statement\n  --> broken.tex:3:22",
        f"{page}:6: ERROR: symcount: unknown dimension 'q'",
        f"{page}:9: ERROR: symcount: :set: the size of h must be a whole number, not 'x'",
        f"{page}:12: ERROR: symcount: unknown cell 'nosuchcell'",
        f"{page}:14: ERROR: Error in \"symcount\" directive:\ninvalid option value: (option: \"sections\"",
        "unknown section 'bogus'; choose from: description, equations,",
        f"{page}:17: ERROR: symcount: :sections: cost does not apply here",
        f"{page}:20: ERROR: symcount: cannot read missing.tex",
        f"{page}:24: ERROR: symcount: unknown dimension 'zz'",
    ]:
        assert expected in err, f"{expected!r} not in:\n{err}"
    assert "Traceback" not in err and "internal error" not in err
    assert err.count("ERROR") == 8                  # the one without options is fine


FAULTY_CONF = """extensions = ["symcount.sphinx"]
import symcount.api

def summary_for(req, **kw):  # lark missing for one cell, a bug of symcount's for the other
    if req.name == "gru":
        raise ModuleNotFoundError("No module named 'lark'", name="lark")
    raise RuntimeError("boom")

symcount.api.summary_for = summary_for
"""


def test_a_missing_dependency_or_a_fault_is_an_error_at_the_directive_not_a_traceback(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "conf.py").write_text(FAULTY_CONF, encoding="utf-8")
    (src / "index.rst").write_text("Faults\n======\n\n.. symcount:: gru\n\n.. symcount:: lstm\n", encoding="utf-8")
    proc = sphinx_build(src, tmp_path / "out")
    assert proc.returncode != 0
    page = str(src / "index.rst")
    assert (f"{page}:4: ERROR: symcount: missing dependency: No module named 'lark'; install it: pip install lark"
            in proc.stderr)
    assert f"{page}:6: ERROR: symcount: internal error: RuntimeError: boom\n  this is a bug in symcount" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_editing_the_tex_file_rebuilds_the_page(tmp_path):
    src, out = tmp_path / "src", tmp_path / "out"
    (src / "cells").mkdir(parents=True)
    (src / "conf.py").write_text('extensions = ["symcount.sphinx"]\n', encoding="utf-8")
    (src / "index.rst").write_text("Mine\n====\n\n.. symcount:: cells/mine.tex\n   :set: d_x=512 d_h=256\n",
                                   encoding="utf-8")
    tex = src / "cells" / "mine.tex"
    shutil.copy(ROOT / "examples" / "gru.tex", tex)
    assert "591,360 parameters" in " ".join(built(src, out).text().split())
    shutil.copy(ROOT / "examples" / "lstm.tex", tex)
    later = tex.stat().st_mtime + 10               # newer than the first build, whatever the clock's grain
    os.utime(tex, (later, later))
    assert "788,480 parameters" in " ".join(built(src, out).text().split())


# ---- the module itself --------------------------------------------------------------------------------
def test_symcount_never_imports_sphinx():
    probe = ("import sys, symcount, symcount.api, symcount.cli; symcount.cell('lstm'); "
             "print(sorted(m for m in sys.modules if m.split('.')[0] in ('sphinx', 'docutils')))")
    out = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


@pytest.mark.parametrize("given, sections", [
    ("why, equations", ("equations", "why")),
    ("total", ("total",)),
    ("table,cost reference", ("table", "cost", "reference")),
])
def test_sections_are_shown_in_their_order(given, sections):
    from symcount.sphinx import sections_option
    assert sections_option(given) == sections


@pytest.mark.parametrize("given", ["", "equations,nope", " , "])
def test_sections_must_be_known(given):
    from symcount.sphinx import sections_option
    with pytest.raises(ValueError, match="choose from: description, equations"):
        sections_option(given)


@pytest.mark.parametrize("arg, file", [("lstm", False), ("gru-v1", False), ("lstm.tex", True),
                                       ("cells/mine", True), ("./mine", True)])
def test_an_argument_with_a_dot_or_a_slash_is_a_file(arg, file):
    from symcount.api import is_file  # one rule for the command line and the directives
    assert is_file(arg) is file
