"""A documentation site (MkDocs) from several cells' summaries: an index (what each cell is, its
count, the counts side by side at the given sizes), a page per cell (its explanation), a
references page, and a ready mkdocs.yml whose math renders with KaTeX (or MathJax) through
pymdownx.arithmatex. `files` returns the files' texts; `write` writes them."""
from __future__ import annotations

import os
from ..read import patterns as re  # re, with the package's patterns compiled ahead (read.patterns)
import stat
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..measure import poly as P
from ..measure.compare import Comparison, Formula
from ..errors import UsageError
from .escape import md_chars, md_text, number, with_math

if TYPE_CHECKING:  # pragma: no cover
    from pathlib import Path

KATEX = "0.19.1"   # the version shipped in output/katex/ and loaded by katex-cdn: the one the tests check with
MATHJAX = "3"
MATH = ("katex", "katex-cdn", "mathjax")  # katex: the files copied into the site (offline); the others: a CDN


def katex_files() -> dict[str, str]:
    """KaTeX's script and stylesheet for a site that works offline, from symcount's copy
    (output/katex/) or from the KaTeX `dist` folder SYMCOUNT_KATEX_DIR names: the stylesheet with
    its .woff2 fonts inlined (data: URIs), so that both are text files."""
    import base64
    import os
    from pathlib import Path

    from ..errors import UsageError
    base = Path(os.environ.get("SYMCOUNT_KATEX_DIR") or Path(__file__).resolve().parent / "katex")
    try:
        js = (base / "katex.min.js").read_text(encoding="utf-8")
        css = (base / "katex.min.css").read_text(encoding="utf-8")
        fonts = {f.name: base64.b64encode(f.read_bytes()).decode("ascii") for f in (base / "fonts").glob("*.woff2")}
    except OSError as exc:
        raise UsageError(f"cannot read KaTeX's files in {base}: {exc.strerror or exc}",
                         hint="set SYMCOUNT_KATEX_DIR to a KaTeX dist folder, or use --math katex-cdn") from None

    def inline(m: re.Match) -> str:
        name = m.group(1)
        if name not in fonts:
            return m.group(0)
        return f"src:url(data:font/woff2;base64,{fonts[name]}) format(\"woff2\")"
    css = re.sub(r"src:url\(fonts/([A-Za-z0-9_-]+\.woff2)\) format\(\"woff2\"\)(?:,url\([^)]*\) format\(\"[a-z]+\"\))*",
                 inline, css)
    return {"docs/katex/katex.min.js": js, "docs/katex/katex.min.css": css}


@dataclass(frozen=True)
class Page:
    """One cell's page: where it goes, what it is called, and its Markdown."""

    slug: str            # cells/<slug>.md
    title: str           # lstm (pytorch), or a file's stem
    description: str
    formula_tex: str     # the count per layer and direction, factored, as LaTeX
    markdown: str        # the explanation (and sweep tables)
    reference: str = ""
    bibtex: str = ""
    cite: str = ""
    builtin: bool = False


def slug(text: str, taken: set[str]) -> str:
    """A file name for a page: lowercase letters, digits and dashes, not yet taken."""
    base = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "cell"
    out, i = base, 2
    while out in taken:
        out, i = f"{base}-{i}", i + 1
    taken.add(out)
    return out


def _value(v, columns, i) -> str:
    if isinstance(v, int):
        return number(v, "markdown")
    if isinstance(v, Formula):
        tex = dict(columns[i].dim_latex)
        return "$" + P.to_latex(v.poly, {n: tex.get(n, n) for n in P.names(v.poly)}) + "$"
    return md_text(str(v))


def index(pages: list[Page], comparison: Comparison | None, title: str, version: str) -> str:
    """The index: the cells with what each is and its count, then their counts at the given sizes
    (a column per combination of the swept sizes)."""
    lines = [f"# {md_text(title)}", "",
             f"Parameter counts derived by symcount {version} from each cell's equations, exactly, for any size.", "",
             "| cell | what | parameters per layer and direction |", "|---|---|---|"]
    lines += [f"| [{md_text(p.title)}](cells/{p.slug}.md) | {with_math(p.description, md_text, md_chars)} | ${p.formula_tex}$ |"
              for p in pages]
    if comparison is not None and comparison.rows:
        c = comparison
        fixed = ", ".join(f"${c.columns[0].dim_latex.get(k, k) if c.columns else k} = {v}$" for k, v in c.fixed.items())
        stack = ", ".join(x for x in (f"{c.layers} layers" if c.layers > 1 else "",
                                      "bidirectional" if c.directions > 1 else "", "" if c.bias else "no bias") if x)
        what = c.measure + (" over $T$ steps of a batch of $B$" if c.measure != "parameters" else "")
        lines += ["", "## Side by side", "",
                  f"{what[0].upper() + what[1:]}" + (f" at {fixed}" if fixed else "") + (f"; {stack}" if stack else "")
                  + ". A cell without one of the sizes keeps it in its formula.", ""]
        heads = [", ".join(f"${k} = {v}$" for k, v in r.sizes.items()) or "count" for r in c.rows]
        lines += ["| cell | " + " | ".join(heads) + " |", "|---|" + "---:|" * len(heads)]
        for i, p in enumerate(pages):
            lines.append(f"| [{md_text(p.title)}](cells/{p.slug}.md) | "
                         + " | ".join(_value(r.counts[i], c.columns, i) for r in c.rows) + " |")
    if any(p.reference for p in pages):
        lines += ["", "The papers and documentation each cell follows are listed under [References](references.md)."]
    return "\n".join(lines) + "\n"


def references(pages: list[Page]) -> str:
    """Each cited work once, with the cells that follow it and its BibTeX entry."""
    works: dict[str, list[Page]] = {}
    for p in pages:
        if p.reference:
            works.setdefault(p.reference, []).append(p)
    lines = ["# References", ""]
    for ref, group in works.items():
        cells = ", ".join(f"[{md_text(p.title)}](cells/{p.slug}.md)" for p in group)
        lines += [f"## {md_text(group[0].cite or group[0].title)}", "", md_text(ref), "", f"Cells: {cells}.", ""]
        bib = group[0].bibtex.strip()
        if bib:
            fence = "`" * max(3, max((len(m) for m in re.findall(r"`+", bib)), default=0) + 1)
            lines += [f"{fence}bibtex", bib, fence, ""]
    if not works:
        lines += ["None of these cells names a reference.", ""]
    return "\n".join(lines).rstrip("\n") + "\n"


def _yaml(text: str) -> str:
    """A YAML double-quoted scalar (one line: control characters escaped)."""
    out = text.replace("\\", "\\\\").replace('"', '\\"')
    out = "".join(ch if ch.isprintable() else f"\\u{ord(ch):04x}" for ch in out)
    return '"' + out + '"'


def _html(text: str) -> str:
    """A name MkDocs prints into HTML as it is (the site name, the navigation's titles): escaped for
    HTML here, so that it shows as text and is never markup."""
    import html
    return html.escape(text, quote=True)


# the navigation's groups: a built-in cell's family by its name; a user's file is one of "Your cells"
FAMILIES = ((r"(rnn|indrnn)\b", "Simple RNNs"), (r"(m|min)?lstm", "LSTM"),
            (r"greff-", "LSTM variants (Greff et al. 2017)"), (r"(gru|mingru|mgu|ugrnn)\b", "GRU and gated units"))
YOURS = "Your cells"


def family(p: Page) -> str:
    return next((name for pattern, name in FAMILIES if p.builtin and re.match(pattern, p.slug)), YOURS)


def mkdocs_yml(pages: list[Page], title: str, math: str) -> str:
    """mkdocs.yml: the navigation (the cells grouped by family when there are several), tables, and
    arithmatex with KaTeX (default: its files in the site), or KaTeX or MathJax from a CDN."""
    nav = [f"  - {_yaml('Home')}: index.md", f"  - {_yaml('Cells')}:"]
    groups: dict[str, list[Page]] = {name: [] for _, name in FAMILIES}
    groups[YOURS] = []
    for p in pages:
        groups[family(p)].append(p)
    groups = {name: members for name, members in groups.items() if members}
    if len(groups) > 1:
        for name, members in groups.items():
            nav += [f"      - {_yaml(_html(name))}:"] + [f"          - {_yaml(_html(p.title))}: cells/{p.slug}.md"
                                                        for p in members]
    else:
        nav += [f"      - {_yaml(_html(p.title))}: cells/{p.slug}.md" for p in pages]
    nav += [f"  - {_yaml('References')}: references.md"]
    if math == "katex":
        scripts, css = ["katex/katex.min.js", "javascripts/katex.js"], ["katex/katex.min.css"]
    elif math == "katex-cdn":
        scripts = [f"https://cdn.jsdelivr.net/npm/katex@{KATEX}/dist/katex.min.js", "javascripts/katex.js"]
        css = [f"https://cdn.jsdelivr.net/npm/katex@{KATEX}/dist/katex.min.css"]
    else:
        scripts = ["javascripts/mathjax.js", f"https://cdn.jsdelivr.net/npm/mathjax@{MATHJAX}/es5/tex-mml-chtml.js"]
        css = []
    lines = [f"site_name: {_yaml(_html(title))}", "docs_dir: docs", "theme:", "  name: mkdocs", "nav:", *nav,
             "markdown_extensions:", "  - tables", "  - pymdownx.arithmatex:", "      generic: true",
             "extra_javascript:", *[f"  - {_yaml(s)}" for s in scripts]]
    css.append("css/symcount.css")
    lines += ["extra_css:", *[f"  - {_yaml(s)}" for s in css]]
    return "# Written by `symcount docs`: build with `mkdocs build --strict` in this folder.\n" + "\n".join(lines) + "\n"


KATEX_JS = """// Renders the math pymdownx.arithmatex (generic) leaves as \\(...\\) and \\[...\\] with KaTeX.
(function () {
  "use strict";
  function render() {
    document.querySelectorAll(".arithmatex").forEach(function (el) {
      var tex = el.textContent || el.innerText;
      if (tex.startsWith("\\\\(") && tex.endsWith("\\\\)")) {
        katex.render(tex.slice(2, -2), el, { displayMode: false, throwOnError: false });
      } else if (tex.startsWith("\\\\[") && tex.endsWith("\\\\]")) {
        katex.render(tex.slice(2, -2), el, { displayMode: true, throwOnError: false });
      }
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", render);
  } else {
    render();
  }
})();
"""

SITE_CSS = """/* symcount: BibTeX entries wrap instead of running off the page. */
pre code.language-bibtex { white-space: pre-wrap; overflow-wrap: anywhere; }
"""

MATHJAX_JS = """// MathJax reads the math pymdownx.arithmatex (generic) leaves as \\(...\\) and \\[...\\].
window.MathJax = {
  tex: { inlineMath: [["\\\\(", "\\\\)"]], displayMath: [["\\\\[", "\\\\]"]], processEscapes: true,
         processEnvironments: true },
  options: { ignoreHtmlClass: ".*|", processHtmlClass: "arithmatex" }
};
"""


def files(pages: list[Page], comparison: Comparison | None, *, title: str, math: str, version: str) -> dict[str, str]:
    """Every file of the site, by its path under the output folder."""
    out = {"mkdocs.yml": mkdocs_yml(pages, title, math),
           "docs/index.md": index(pages, comparison, title, version),
           "docs/references.md": references(pages)}
    out["docs/javascripts/mathjax.js" if math == "mathjax" else "docs/javascripts/katex.js"] = \
        MATHJAX_JS if math == "mathjax" else KATEX_JS
    out["docs/css/symcount.css"] = SITE_CSS
    if math == "katex":
        out.update(katex_files())
    for p in pages:
        out[f"docs/cells/{p.slug}.md"] = p.markdown
    return out


MANIFEST = ".symcount-docs.json"   # in the output folder: the files `symcount docs` wrote, with their hashes


def _digest(data: bytes) -> str:
    import hashlib
    return hashlib.sha256(data).hexdigest()


def _manifest(out: str, force: bool) -> dict[str, list[str]]:
    """What symcount wrote to `out` before: path -> the hashes of the texts it wrote there."""
    import json
    path = os.path.join(out, MANIFEST)
    try:
        with open(path, "rb") as f:
            data = f.read(1 << 20)
    except FileNotFoundError:
        return {}
    except OSError as exc:
        raise UsageError(f"cannot read {path}: {exc.strerror or exc}") from None
    try:
        found = json.loads(data.decode("utf-8"))
        return {str(k): [str(h) for h in v] for k, v in found["files"].items()}
    except Exception:  # noqa: BLE001 (not symcount's: trust none of it)
        if force:
            return {}
        raise UsageError(f"{path} is not a manifest symcount wrote: it is left alone",
                         hint="write the site to another folder, or add --force") from None


def _inside(out: str, rel: str) -> bool:
    """Whether every folder on the way to out/rel is a real folder inside out (no symlink out)."""
    real = os.path.realpath(out)
    parent = os.path.realpath(os.path.join(out, os.path.dirname(rel)))
    return parent == real or parent.startswith(real + os.sep)


def _check(out: str, texts: dict[str, bytes], before: dict[str, list[str]], force: bool, inputs) -> None:
    from .files import Target, check
    check([Target(os.path.join(out, rel), "--output") for rel in texts], list(inputs))
    for rel in texts:
        path = os.path.join(out, rel)
        if not _inside(out, rel):
            raise UsageError(f"{os.path.dirname(path)} leads out of {out} (a symbolic link): symcount does not "
                             "follow it", hint="write the site to another folder")
        try:
            st = os.lstat(path)
        except FileNotFoundError:
            continue
        except OSError as exc:
            raise UsageError(f"cannot write {path}: {exc.strerror or exc}") from None
        ours = stat.S_ISREG(st.st_mode) and rel in before and _hash_of(path) in before[rel]
        if not ours and not force:
            raise UsageError(f"{path} is not a file symcount wrote (or it was edited since): it is left alone",
                             hint="write the site to another folder, or add --force to replace it")


def _hash_of(path: str) -> str:
    with open(path, "rb") as f:
        return _digest(f.read())


def write(out: "str | Path", files: dict[str, str], *, force: bool = False, inputs=()) -> list[str]:
    """Write the site's files under `out`, each atomically; returns their paths. A file already there
    is replaced only if symcount wrote it (the manifest says so, and it is unchanged) or with
    `force`; a symbolic link is replaced, never followed, and a folder that leads out of `out` is
    refused; nothing is written when something is refused."""
    import json
    from .files import encoded, write_bytes
    out = os.fspath(out)
    texts = {rel: encoded(text) for rel, text in files.items()}
    before = _manifest(out, force)
    _check(out, texts, before, force, inputs)
    after = {rel: [_digest(data)] for rel, data in texts.items()}
    both = {**before, **{rel: sorted(set(before.get(rel, [])) | set(h)) for rel, h in after.items()}}
    try:
        os.makedirs(out, exist_ok=True)
    except OSError as exc:
        raise UsageError(f"cannot write {out}: {exc.strerror or exc}") from None
    manifest = os.path.join(out, MANIFEST)
    write_bytes(manifest, json.dumps({"files": both}, indent=1).encode(), follow=False)  # before: a crash
    written = []                                                                          # leaves it right
    for rel, data in texts.items():
        path = os.path.join(out, rel)
        try:
            os.makedirs(os.path.dirname(path), exist_ok=True)
        except OSError as exc:
            raise UsageError(f"cannot write {path}: {exc.strerror or exc}") from None
        write_bytes(path, data, follow=False)
        written.append(path)
    write_bytes(manifest, json.dumps({"files": {**before, **after}}, indent=1).encode(), follow=False)
    return written
