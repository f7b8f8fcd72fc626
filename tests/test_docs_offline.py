"""A docs site works offline: KaTeX's files are in the site (no CDN), and a page loaded in headless
Chromium with the network off shows rendered math. The navigation groups the cells by family; a
user's cell keeps its --title and its own reference; descriptions are typeset; BibTeX wraps."""
from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from symcount import api
from tests.oracles import missing

ROOT = Path(__file__).resolve().parent.parent


def _chromium() -> str:
    exe = shutil.which("chromium") or shutil.which("chromium-browser")
    if exe is None:
        missing("chromium", "no `chromium` on PATH (Debian package chromium)")
    return exe


def _build(out: Path, *cells: str, **kw) -> Path:
    pytest.importorskip("mkdocs")
    api.docs(list(cells), str(out), **kw)
    subprocess.run(["mkdocs", "build", "--strict", "-q"], cwd=out, check=True, capture_output=True)
    return out / "site"


def _dom_offline(page: Path) -> str:
    """The page's DOM after its scripts ran, in headless Chromium that resolves no host."""
    proc = subprocess.run([_chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--proxy-server=127.0.0.1:9",
                           "--host-resolver-rules=MAP * ~NOTFOUND", "--virtual-time-budget=5000",
                           "--dump-dom", page.as_uri()], capture_output=True, text=True, timeout=120, check=False)
    return proc.stdout


def test_the_site_renders_math_offline(tmp_path):
    site = _build(tmp_path / "offline", "lstm", "greff-cifg")
    yml = (tmp_path / "offline" / "mkdocs.yml").read_text()
    assert "cdn" not in yml and "katex/katex.min.js" in yml
    assert "data:font/woff2;base64," in (site / "katex" / "katex.min.css").read_text()
    dom = _dom_offline(site / "cells" / "lstm-pytorch" / "index.html")
    assert dom.count('class="katex"') > 50 and "katex-display" in dom and "katex-error" not in dom
    description = _dom_offline(site / "cells" / "greff-cifg" / "index.html").split("<h2", 1)[0]
    assert 'class="katex"' in description  # f^t = 1 - i^t typeset


def test_the_cdn_option_needs_the_network(tmp_path):
    site = _build(tmp_path / "cdn", "gru", math="katex-cdn")
    assert "cdn.jsdelivr.net/npm/katex@" in (tmp_path / "cdn" / "mkdocs.yml").read_text()
    assert 'class="katex"' not in _dom_offline(site / "cells" / "gru-pytorch" / "index.html")  # offline: raw TeX


def test_navigation_by_family_and_a_users_cell(tmp_path):
    api.docs(["lstm", "gru", "rnn", str(ROOT / "tests" / "data" / "pgru.tex")], str(tmp_path / "s"))
    yml = (tmp_path / "s" / "mkdocs.yml").read_text()
    assert re.search(r'- "Simple RNNs":\n\s+- "rnn \(pytorch\)".*\n\s+- "LSTM":\n\s+- "lstm \(pytorch\)"', yml)
    assert '- "Your cells":\n          - "pgru": cells/pgru.md' in yml
    refs = (tmp_path / "s" / "docs" / "references.md").read_text()
    assert "## author2024pgru" in refs and "[pgru](cells/pgru.md)" in refs
    page = (tmp_path / "s" / "docs" / "cells" / "pgru.md").read_text()
    assert "A. Author and B. Author. A pruned GRU." in page and "```bibtex\n@inproceedings{author2024pgru," in page
    assert "white-space: pre-wrap" in (tmp_path / "s" / "docs" / "css" / "symcount.css").read_text()
    api.docs([str(ROOT / "tests" / "data" / "pgru.tex")], str(tmp_path / "t"), title="The pGRU cell")
    assert (tmp_path / "t" / "docs" / "cells" / "pgru.md").read_text().startswith("# The pGRU cell\n")
