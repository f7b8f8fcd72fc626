"""Issue 13, hostile and huge input: every reproducer of the audit is a test here. Each run exits 0 or 2
(never 1, "a bug in symcount") within 500 MB, with the right count where there is one, and a failed run
never changes an existing file. Work is bounded by counts, never by seconds: the number of function
calls grows linearly with the input (tests/fuzzing.py: `Calls`), a template takes at most so many steps.
benchmarks/bench_hostile.py reports the seconds."""
from __future__ import annotations

import json
import os
import stat
import subprocess
import sys

import pytest

import symcount
from symcount import api
from symcount.result import cache
from symcount.cli import main
from symcount.limits import MAX_EQUATIONS, MAX_INPUT, MAX_OUTPUT
from tests.fuzzing import Calls, scale
from tests.hostile import MEMORY_MB, ROOT, difference, dims, equations, identifier, long_sum, parameters, run_cli

LSTM = str(ROOT / "examples" / "lstm.tex")
LSTM_TEXT = (ROOT / "examples" / "lstm.tex").read_text(encoding="utf-8")


def within_limits(r, codes=(0,)) -> None:
    assert r.code in codes, f"exit {r.code}: " + r.stderr[-2000:]
    assert r.rss_mb < MEMORY_MB, f"{r.rss_mb:.0f} MB"
    assert "internal error" not in r.stderr


def _read(path) -> str:
    with open(path, encoding="utf-8") as f:
        return f.read()


def write(tmp_path, name: str, text: str):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


# ---- scale: counts that grow linearly, within the limits ---------------------------------------------
@pytest.mark.slow
def test_a_thousand_dimensions(tmp_path):
    r = run_cli(["derive", write(tmp_path, "dims.tex", dims(1000)), "--format", "json", "--no-cache"])
    within_limits(r)
    data = json.loads(r.out)
    assert len(data["symbols"]) == 1001 and len(data["total_terms"]) == 1002
    assert data["total_terms"][0] == [1, {"d_h": 2}]


@pytest.mark.slow
def test_a_sum_of_nine_thousand_terms(tmp_path):
    """9,000 terms in the long run (tests/fuzzing.py: scale): near the most one row of math holds
    (MAX_ROW_TOKENS, 20,000; a longer row is refused before it is read: tests/test_hostile_rows.py)."""
    r = run_cli(["derive", write(tmp_path, "sum.tex", long_sum(scale(9_000))), "--no-cache", "--set", "d_h=7"])
    within_limits(r)
    assert r.out.decode().endswith("total: d_h**2\nfactored: d_h**2\nvalue at d_h=7: 49\n")


@pytest.mark.slow
def test_six_thousand_parameters_in_markdown(tmp_path):
    """6,000 parameters in one sum in the long run (tests/fuzzing.py: scale): near the most one row of
    math holds (MAX_ROW_TOKENS, 20,000 tokens)."""
    n = scale(6_000)
    r = run_cli(["derive", write(tmp_path, "params.tex", parameters(n)), "--format", "markdown", "--no-cache"])
    within_limits(r)
    assert rf"N &= d_{{h}}^{{2}} + {n} d_{{h}} d_{{x}}" in r.out.decode()


@pytest.mark.slow
def test_as_many_equations_as_the_limit(tmp_path):
    """MAX_EQUATIONS equations (the limit) in the long run (tests/fuzzing.py: scale)."""
    n = scale(MAX_EQUATIONS)
    r = run_cli(["derive", write(tmp_path, "eqs.tex", equations(n)), "--format", "json", "--no-cache"])
    within_limits(r)
    data = json.loads(r.out)
    assert len(data["equations"]) == n and len(data["parameters"]) == n


def _calls(argv: list[str]) -> int:
    """The function calls of one run of the command line, in this process."""
    with Calls() as calls:
        code = main(argv)
    assert code == 0
    return calls.count


@pytest.mark.parametrize("make, n, fmt", [(dims, 100, "json"), (long_sum, 1000, "text"),
                                          (parameters, 150, "markdown"), (equations, 100, "json"),
                                          (difference, 200, "text"), (difference, 200, "markdown"),
                                          (difference, 200, "latex")])
def test_work_grows_linearly_with_the_input(tmp_path, capsys, make, n, fmt):
    """The inputs of the scale tests above, at n and 2n: twice the input, at most 2.2 times the calls
    (a quadratic part of a tenth of the work at n would make it 2.2)."""
    argv = ["derive", "--no-cache", "--format", fmt]
    small, large = write(tmp_path, "small.tex", make(n)), write(tmp_path, "large.tex", make(2 * n))
    _calls([*argv, small])  # imports, compiled patterns and templates: once
    ratio = _calls([*argv, large]) / _calls([*argv, small])
    capsys.readouterr()
    assert ratio < 2.2, f"{make.__name__}: {ratio:.2f} times the calls for twice the input"


def test_more_equations_than_the_limit(tmp_path):
    r = run_cli(["derive", write(tmp_path, "eqs.tex", equations(MAX_EQUATIONS + 1)), "--no-cache"])
    within_limits(r, (2,))
    assert f"the cell has {MAX_EQUATIONS + 1:,} equations; symcount counts cells of at most {MAX_EQUATIONS:,}" in r.stderr


def test_a_one_megabyte_identifier(tmp_path):
    r = run_cli(["derive", write(tmp_path, "id.tex", identifier(1_000_000)), "--format", "json", "--no-cache"])
    within_limits(r)
    assert r.rss_mb < 100, f"{r.rss_mb:.0f} MB"
    assert json.loads(r.out)["total"] == "d_h**2 + d_h*d_x", r.out[:300]


def test_input_beyond_the_limit(tmp_path):
    r = run_cli(["derive", write(tmp_path, "big.tex", "%" * (MAX_INPUT + 1))])
    within_limits(r, (2,))
    assert f"is larger than {MAX_INPUT:,} bytes" in r.stderr
    with pytest.raises(symcount.ParseError, match="symcount reads at most"):
        symcount.derive("%" * (MAX_INPUT + 1))


@pytest.mark.parametrize("fmt", ["text", "markdown", "latex"])
def test_ten_million_layers_at_once(fmt, capsys):
    r = run_cli(["derive", LSTM, "--layers", str(10**7), "--format", fmt, "--set", "d_x=3", "--set", "d_h=5"])
    within_limits(r)
    assert len(r.out) < 20_000
    argv = ["derive", LSTM, "--no-cache", "--format", fmt, "--set", "d_x=3", "--set", "d_h=5", "--layers"]
    _calls([*argv, "3"])
    few, many = _calls([*argv, "3"]), _calls([*argv, str(10**7)])
    capsys.readouterr()
    assert many < 1.2 * few, f"{many:,} calls for 10**7 layers, {few:,} for 3"  # nothing done per layer
    value = symcount.derive(LSTM_TEXT, layers=10**7).evaluate(d_x=3, d_h=5)
    out = r.out.decode()
    assert "layers 2 to 10000000, each" in out
    assert str(value) in out.replace("{,}", "").replace(",", "")


def test_a_million_layers_from_the_api():
    d = symcount.derive(LSTM_TEXT, layers=10**6)
    assert len(d.stacked.per_layer) == 10**6 and d.evaluate(d_x=1, d_h=1) == 16 * 10**6


@pytest.mark.parametrize("layers, message", [
    (str(10**20), "the number of layers must be at most 1,000,000,000, not 100,000,000,000,000,000,000"),
    ("9" * 5000, "the number of layers must be at most 1,000,000,000"),
    ("0", "must be a positive whole number, not 0"),
])
def test_layers_out_of_range_exit_2(layers, message):
    r = run_cli(["derive", LSTM, "--layers", layers])
    within_limits(r, (2,))
    assert message in r.stderr


# ---- user errors exit 2, with a message --------------------------------------------------------------
@pytest.mark.parametrize("fmt", ["text", "json", "markdown", "latex"])
def test_invalid_utf8_is_a_located_error_in_every_format(fmt):
    r = run_cli(["derive", "-", "--format", fmt], stdin=b"$$ h_t = \\tanh(W x_t \xff + U h_{t-1}) $$\n")
    within_limits(r, (2,))
    assert r.stderr.startswith("symcount: the input is not UTF-8 text: byte 0xff at byte offset 21 cannot be read\n"
                               "  --> <stdin>:1:22\n") and r.out == b""


def test_lone_surrogates_from_the_api_are_a_located_error():
    with pytest.raises(symcount.ParseError, match="is not a character") as info:
        symcount.derive("$$ h_t = \\tanh(W x_t \udcff) $$")
    assert info.value.location == "<input>:1:22"


@pytest.mark.parametrize("args, message", [
    (["--set", "d_h=" + "9" * 5000], "the size of d_h has 5,000 digits; symcount takes sizes of at most 1,000 digits"),
    (["--set", "d_h=" + "9" * 1000, "--set", "d_x=2"], None),  # 1,000 digits: counted exactly
])
def test_sizes_beyond_pythons_digit_limit(args, message):
    r = run_cli(["derive", LSTM, "--format", "json", *args])
    if message is None:
        within_limits(r)
        h = 10**1000 - 1
        assert json.loads(r.out)["value"] == 4 * h * h + 4 * h * 2 + 8 * h
    else:
        within_limits(r, (2,))
        assert message in r.stderr


def test_a_count_beyond_the_printed_digits(tmp_path):
    conv = write(tmp_path, "conv.tex", "where $*$ denotes the convolution, "
                 "$W \\in \\mathbb{R}^{k \\times k \\times k \\times c \\times c}$, $x_t \\in \\mathbb{R}^{c}$\n"
                 "$$ h_t = \\tanh(W * x_t) $$\n")
    big = "9" * 1000
    r = run_cli(["derive", conv, "--set", f"k={big}", "--set", f"c={big}"])
    within_limits(r, (2,))
    assert "the count has more than 4,000 digits, more than symcount prints" in r.stderr
    d = symcount.derive(_read(conv))
    assert d.evaluate(k=int(big), c=int(big)) == int(big) ** 5  # the API gives it exactly


def test_a_number_in_the_input_beyond_the_digit_limit(tmp_path):
    r = run_cli(["derive", write(tmp_path, "n.tex", "$$ W \\in \\mathbb{R}^{" + "9" * 5000 + " \\times h} $$\n"
                                 "$$ h_t = \\tanh(W h_{t-1}) $$")])
    within_limits(r, (2,))
    assert "a number of 5,000 digits: symcount reads numbers of at most 1,000" in r.stderr


def test_dev_zero_is_read_no_further_than_the_limit():
    r = run_cli(["derive", "/dev/zero"])
    within_limits(r, (2,))
    assert "/dev/zero is larger than 1,048,576 bytes" in r.stderr
    with open("/dev/zero", "rb") as zero:
        r = run_cli(["derive", "-"], stdin=zero)
    within_limits(r, (2,))


def test_closed_standard_output():
    r = run_cli(["derive", LSTM], stdout=subprocess.DEVNULL)
    within_limits(r)
    code = ("import os, sys, runpy; os.close(1); sys.argv = ['symcount', 'derive', %r]; "
            "runpy.run_module('symcount', run_name='__main__')" % LSTM)
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                          env=dict(os.environ, PYTHONPATH=str(ROOT)))
    assert proc.returncode == 2 and proc.stderr.startswith("symcount: cannot write the output")


def test_full_disk_on_standard_output():
    with open("/dev/full", "wb") as full:
        r = run_cli(["derive", LSTM], stdout=full)
    within_limits(r, (2,))
    assert "cannot write the output: No space left on device" in r.stderr


@pytest.mark.parametrize("fmt", ["text", "json", "markdown"])
def test_an_ascii_locale_gets_escapes_not_a_crash(fmt):
    r = run_cli(["derive", LSTM, "--format", fmt], env={"PYTHONIOENCODING": "ascii"})
    within_limits(r)
    r.out.decode("ascii")
    if fmt == "json":
        assert json.loads(r.out)["total"] == "4*d_h**2 + 4*d_h*d_x + 8*d_h"
    if fmt == "text":
        assert b"d_h \\u00d7 d_x" in r.out


def test_a_broken_pipe_is_quiet():
    code = (f"import subprocess, sys\np = subprocess.Popen([sys.executable, '-m', 'symcount', 'derive', {LSTM!r}, "
            "'--layers', '3'], stdout=subprocess.PIPE, stderr=subprocess.PIPE)\np.stdout.close()\n"
            "err = p.stderr.read()\nsys.exit(0 if p.wait() == 0 and not err else 1)")
    assert subprocess.run([sys.executable, "-c", code], cwd=ROOT).returncode == 0


# ---- --output: atomic, never onto an input -------------------------------------------------------------
def test_output_never_overwrites_the_input(tmp_path, capsys):
    src = write(tmp_path, "cell.tex", LSTM_TEXT)
    before = _read(src)
    for target in (src, str(tmp_path / "link.tex")):
        if target != src:
            os.link(src, target)  # the same file under another name
        assert main(["derive", src, "--output", target]) == 2
        assert "that symcount reads: it would be overwritten" in capsys.readouterr().err
    assert _read(src) == before
    with open(src, "rb") as stdin:
        r = run_cli(["derive", "-", "--output", src], stdin=stdin)
    within_limits(r, (2,))
    assert "standard input reads" in r.stderr and _read(src) == before
    template = write(tmp_path, "t.md.j2", "{{ title }}")
    assert main(["derive", src, "--template", template, "--output", template]) == 2
    assert _read(template) == "{{ title }}"


def test_a_failed_run_leaves_the_output_file_as_it_was(tmp_path, capsys, monkeypatch):
    target = tmp_path / "out.md"
    target.write_text("the good old output\n")
    bad = write(tmp_path, "bad.tex", r"$$ h_t = \tanh(W (x_t $$")
    assert main(["derive", bad, "--output", str(target)]) == 2
    assert target.read_text() == "the good old output\n"

    def full(fd):  # the disk fills up while the output is written
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(os, "fsync", full)
    assert main(["derive", LSTM, "--output", str(target)]) == 2
    assert "cannot write" in capsys.readouterr().err
    assert target.read_text() == "the good old output\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.tex", "out.md"]  # no temporary file left


def test_output_through_a_link_keeps_the_link_and_the_mode(tmp_path, capsys):
    real = tmp_path / "real.txt"
    real.write_text("old")
    os.chmod(real, 0o640)
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    assert main(["derive", LSTM, "--output", str(link)]) == 0
    assert link.is_symlink() and real.read_text().startswith(LSTM + ": 16 parameter tensors")
    assert stat.S_IMODE(real.stat().st_mode) == 0o640


# ---- the cache cannot be poisoned into a crash, a hang or a wrong count ------------------------------
@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    d = tmp_path / "cache"
    monkeypatch.setenv("SYMCOUNT_CACHE_DIR", str(d))
    return d


def _entry_path(cache_dir):
    files = [p for p in cache_dir.rglob("*.json")]
    assert len(files) == 1
    return files[0]


@pytest.mark.parametrize("poison", ["fifo", "link-to-dev-zero", "huge", "directory", "not-owned"])
def test_poisoned_entries_are_misses(lstm_path, cache_dir, capsys, poison):
    argv = ["derive", str(lstm_path), "--format", "json", "--set", "d_x=512", "--set", "d_h=256"]
    good = main(argv), capsys.readouterr()
    path = _entry_path(cache_dir)
    path.unlink()
    if poison == "fifo":
        os.mkfifo(path)
    elif poison == "link-to-dev-zero":
        path.symlink_to("/dev/zero")
    elif poison == "huge":
        with open(path, "wb") as f:
            f.truncate(1 << 30)  # sparse: a gigabyte that takes no disk
    elif poison == "directory":
        path.mkdir()
    else:
        if os.geteuid() != 0:
            pytest.skip("needs root to give a file to another user")
        main(argv), capsys.readouterr()  # a good entry again, then given away
        os.chown(path, 12345, 12345)
    assert cache.load(path.stem) is None
    assert (main(argv), capsys.readouterr()) == good
    if poison != "directory":
        assert cache.load(path.stem) is not None  # replaced by a sound entry


def test_the_cache_folder_and_its_key_are_private(lstm_path, cache_dir, capsys):
    assert main(["derive", str(lstm_path)]) == 0
    assert stat.S_IMODE(cache_dir.stat().st_mode) == 0o700
    assert stat.S_IMODE((cache_dir / "key").stat().st_mode) == 0o600
    entry = _entry_path(cache_dir)
    assert stat.S_IMODE(entry.stat().st_mode) == 0o600 and stat.S_IMODE(entry.parent.stat().st_mode) == 0o700


def test_a_folder_others_may_write_to_is_not_used(lstm_path, tmp_path, monkeypatch, capsys):
    shared = tmp_path / "shared"
    shared.mkdir()
    os.chmod(shared, 0o777)
    monkeypatch.setenv("SYMCOUNT_CACHE_DIR", str(shared))
    assert main(["derive", str(lstm_path)]) == 0
    assert list(shared.iterdir()) == []


def test_a_relative_xdg_cache_home_is_ignored(monkeypatch, tmp_path):
    monkeypatch.delenv("SYMCOUNT_CACHE_DIR")
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/cache")
    assert cache.cache_dir() == str(tmp_path / ".cache" / "symcount")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache.cache_dir() == str(tmp_path / "xdg" / "symcount")


# ---- templates: every gadget of the audit is a template error, within a count of steps ------------------------------------
GADGETS = [
    "{{ 'a'|center(10**10) }}",
    "{{ '%0999999999d'|format(1) }}",
    "{{ '{:>999999999}'.format(1) }}",
    "{{ '{:.999999999f}'.format(1.5) }}",
    "{{ '{0:>{1}}'.format(1, 10**9) }}",
    "{{ '%*d' % (10**9, 1) }}",
    "{{ '%0999999999d' % 1 }}",
    "{% set ns = namespace(s='ab') %}{% for i in range(64) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}",
    "{% set ns = namespace(s='ab') %}{% for i in range(64) %}{% set ns.s = ns.s + ns.s %}{% endfor %}",
    "{% set ns = namespace(s=['ab']) %}{% for i in range(64) %}{% set ns.s = ns.s + ns.s %}{% endfor %}",
    "{% set ns = namespace(s='ab') %}{% for i in range(64) %}{% set ns.s = [ns.s, ns.s]|join %}{% endfor %}",
    "{% set ns = namespace(s='ab') %}{% for i in range(64) %}{% set ns.s = ns.s.join([ns.s, ns.s]) %}{% endfor %}",
    "{% set ns = namespace(s=1) %}{% for i in range(64) %}{% set ns.s = [ns.s, ns.s] %}{% endfor %}{{ ns.s }}",
    "{{ 'x'|indent(10**7) }}",
    "{{ ('x\n' * 1000)|indent(10**4) }}",
    "{{ 'a'.ljust(10**10) }}",
    "{{ 'a'.rjust(10**10) }}",
    "{{ 'a'.zfill(10**10) }}",
    "{{ 'a\tb'.expandtabs(10**10) }}",
    "{{ ('a' * 10**6).replace('', 'bbbbbbbbbb') }}",
    "{{ ('a' * 10**6)|replace('a', 'bbbbbbbbbb') }}",
    "{{ ('a b ' * 10**5)|wordwrap(1, wrapstring='x' * 1000) }}",
    "{{ [1]|batch(10**9, 'x')|list }}",
    "{{ [1]|slice(10**9)|list }}",
    "{{ {'a': 1}|tojson(indent=10**9) }}",
    "{{ ['x' * 10**6] * 100 }}",
    "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}",
    "{% for i in range(100000) %}{% for j in range(100000) %}x{% endfor %}{% endfor %}",
    "{% macro f(n) %}{% if n %}{{ f(n-1) }}{{ f(n-1) }}{% endif %}{% endmacro %}{{ f(60) }}",
    "{% set x = 'a' * 4000000 %}{% for i in range(100000) %}{{ x }}{% endfor %}",
    "{{ lipsum(10**6) }}",
    "{% set ns = namespace(l=[]) %}{{ ns.l.append(1) }}",
]


STEPS, SIZE = 10**5, 1 << 16  # the sandbox's caps in these tests (10**7 steps and 1 << 22 in use)


@pytest.mark.parametrize("template", GADGETS)
def test_template_gadgets_are_template_errors(template, monkeypatch):
    """Each gadget asks for far more than the caps (10**10 characters, 2**60 calls) and is refused by a
    size check or by the count of steps, after work in proportion to the caps, not to what it asks. The
    caps are lowered here so that this takes a fraction of a second, and so that the sandbox's own
    CPU-time stop (TEMPLATE_SECONDS) never comes first, whatever the machine."""
    from symcount.output import sandbox
    monkeypatch.setattr(sandbox, "MAX_TEMPLATE_STEPS", STEPS)
    monkeypatch.setattr(sandbox, "MAX_TEMPLATE_SIZE", SIZE)
    monkeypatch.setattr(sandbox.SIZE, "limit", SIZE)
    monkeypatch.setattr(sandbox, "TEMPLATE_SECONDS", 10.0**6)  # counting calls slows the run: only counts stop it
    with Calls() as calls, pytest.raises(symcount.UsageError, match=r"^template t\.j2") as info:
        api.render(symcount.cell("gru"), "markdown", template=template, template_name="t.j2")
    assert "runs longer than" not in str(info.value)
    assert calls.count < 50 * (STEPS + SIZE), f"{calls.count:,} calls"


def test_the_cpu_stop_is_for_a_users_template_only(monkeypatch):
    """A long input's explanation takes the built-in template long (a 1 MiB difference: 66,227 parameters,
    each with its reasons); that work is symcount's own, linear in the input and bounded by steps, so
    the CPU-time stop (meant for a user's template) does not end it. With no CPU time at all allowed,
    the built-in templates still render, and a user's template is stopped."""
    from symcount.output import sandbox
    monkeypatch.setattr(sandbox, "TEMPLATE_SECONDS", -1.0)
    d = symcount.derive(difference(3))
    for fmt in ("markdown", "latex"):
        assert "W_{12}" in api.render(d, fmt, detail=True)
    assert "W_{12}" in api.render(d, "latex", standalone=True)
    loop = "{% for i in range(5000) %}{{ i }}{% endfor %}"
    with pytest.raises(symcount.UsageError, match="the template runs longer than"):
        api.render(d, "markdown", template=loop, template_name="t.j2")


def test_template_output_is_capped(tmp_path, capsys):
    template = write(tmp_path, "t.md.j2", "{% set x = 'a' * 4000000 %}{% for i in range(100) %}{{ x }}{% endfor %}")
    assert main(["cell", "gru", "--template", template]) == 2
    assert f"the template writes more than {MAX_OUTPUT:,} characters" in capsys.readouterr().err


def test_templates_still_do_ordinary_work():
    template = ("{% set ns = namespace(n=0) %}{% for p in parameters %}{% set ns.n = ns.n + 1 %}{% endfor %}"
                "{{ ns.n }} {{ '%05d'|format(42) }} {{ '{:>6}'.format('ab') }} {{ ['a', 'b']|join('-') }} "
                "{{ 'x'|center(5) }}|{{ ('a' ~ 'b') * 2 }} {{ stack.groups|length }} {{ stack.per_layer|length }}")
    out = api.render(symcount.cell("gru", layers=3), "markdown", template=template)
    assert out == "12 00042     ab a-b   x  |abab 2 3\n"


# ---- escaping ------------------------------------------------------------------------------------------
def test_a_file_name_with_html_stays_inert_in_markdown(tmp_path, capsys):
    name = "x`<img src=x onerror=alert(1)>`.tex"
    path = write(tmp_path, name, LSTM_TEXT)
    assert main(["derive", path, "--set", "d_x=1,2", "--set", "d_h=3", "--format", "markdown"]) == 0
    first = capsys.readouterr().out.splitlines()[0]
    # the file's name (without its folder and extension) as escaped prose: no tag, no code span opens
    assert first.startswith("Parameters of x\\`&lt;img src=x onerror=alert(1)\\>\\`, at ")
    assert "<img" not in first
    for fmt in ("markdown", "text"):
        assert main(["derive", path, "--format", fmt]) == 0
        out = capsys.readouterr().out
        assert "<img" not in out or fmt == "text" or "`" + "`" in out


def test_terminal_escapes_never_reach_the_terminal(tmp_path, capsys):
    path = write(tmp_path, "evil\x1b[31m.tex", "$$ h_t = \\tanh(W x_t \x1b]0;pwned\x07 + U h_{t-1}) $$\n")
    assert main(["derive", path]) == 2
    err = capsys.readouterr().err
    assert "\x1b" not in err and "\x07" not in err
    assert "evil\\x1b[31m.tex" in err and "\u241b]0;pwned\u2407" in err
    good = write(tmp_path, "ok\x1b[2J.tex", LSTM_TEXT)
    assert main(["derive", good]) == 0
    assert "\x1b" not in capsys.readouterr().out


# ---- JSON: the formula parsed safely, whatever the dimensions are called --------------------------------
RESERVED = ["I", "E", "S", "N", "O", "Q", r"\pi", r"\beta", r"\gamma", r"\lambda", r"\zeta", r"\Gamma", r"\eta",
            r"\omega", r"\chi", r"\mu", r"\nu", r"\tau", r"\theta", r"\Lambda", r"\Pi"]


@pytest.mark.parametrize("name", RESERVED)
def test_json_total_parses_safely_with_sympy_reserved_names(name, capsys, monkeypatch):
    import io

    import sympy
    text = f"$x_t \\in \\mathbb{{R}}^{{{name}}}$ $$ h_t = \\tanh(W x_t + U h_{{t-1}} + b) $$"
    monkeypatch.setattr(sys, "stdin", io.StringIO(text))
    monkeypatch.setattr(sys.stdin, "buffer", io.BytesIO(text.encode()), raising=False)
    assert main(["derive", "-", "--format", "json", "--layers", "2"]) == 0
    data = json.loads(capsys.readouterr().out)
    dim = name.lstrip("\\")
    assert dim in data["symbols"]
    symbols = {n: sympy.Symbol(n, integer=True, positive=True) for n in data["symbols"]}
    # the README's way: the structured terms
    total = sympy.Add(*[c * sympy.Mul(*[symbols[n] ** e for n, e in m.items()]) for c, m in data["total_terms"]])
    expected = symcount.derive(text, layers=2).total
    assert sympy.expand(total - expected.subs({s: symbols[s.name] for s in expected.free_symbols})) == 0
    assert sympy.I not in total.atoms() and sympy.E not in total.atoms()
    if dim != "lambda":  # the README's other way: parse_expr with the names as Symbols (lambda is a keyword)
        from sympy.parsing.sympy_parser import parse_expr
        parsed = parse_expr(data["total"], local_dict=symbols, global_dict={"Integer": sympy.Integer})
        assert sympy.expand(parsed - total) == 0


# ---- the Python API -----------------------------------------------------------------------------------
@pytest.mark.parametrize("text, message", [
    (None, "derive\\(\\) takes the LaTeX as a str, not NoneType"),
    (123, "not int"),
    (b"$$ h_t = x_t $$", "not bytes: decode it first"),
])
def test_derive_wants_a_str(text, message):
    with pytest.raises(TypeError, match=message):
        symcount.derive(text)


@pytest.mark.parametrize("option", ["bidirectional", "bias"])
@pytest.mark.parametrize("value", ["no", 0, 1, None])
def test_flags_must_be_bool(option, value):
    with pytest.raises(TypeError, match=f"{option} must be True or False"):
        symcount.derive(LSTM_TEXT, **{option: value})


def test_numpy_integers_are_sizes_and_layers():
    np = pytest.importorskip("numpy")
    d = symcount.derive(LSTM_TEXT, layers=np.int64(2), bidirectional=np.bool_(True))
    assert d.evaluate(d_x=np.int64(512), d_h=np.int32(256)) == 3153920
    assert d.bind(d_x=np.uint16(512)).evaluate(d_h=256) == 3153920
    assert list(d.evaluate_many(d_x=np.int64(512), d_h=[256, 256])) == [3153920, 3153920]
    assert symcount.cell("lstm", layers=np.int8(2), bidirectional=True).evaluate(d=512, h=256) == 3153920


@pytest.mark.parametrize("sizes, message", [
    (dict(d_x=[1, 2, 3], d_h=[1, 2]), "the sizes given do not fit together: d_x has shape \\(3,\\), d_h has shape \\(2,\\)"),
    (dict(d_x=[1.5], d_h=2), "must be whole numbers, not float64 values"),
    (dict(d_x=[0, 1], d_h=1), "must be positive whole numbers, not 0"),
    (dict(d_x=[True], d_h=1), "must be whole numbers, not bool values"),
])
def test_evaluate_many_refuses_bad_sizes(sizes, message):
    pytest.importorskip("numpy")
    with pytest.raises(symcount.UsageError, match=message):
        symcount.derive(LSTM_TEXT).evaluate_many(**sizes)


# ---- every corpus snippet that derives also explains itself ---------------------------------------------
def test_every_snippet_that_derives_renders():
    from tests.corpus.load import snippets
    for s in snippets():
        try:
            d = symcount.derive(s.text, name=s.id)
        except symcount.SymcountError:
            continue
        assert api.render(d, "markdown").startswith("# "), s.id
