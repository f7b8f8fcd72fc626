"""Every file symcount writes goes through symcount/output/files.py: atomic, never onto a file the run
reads, two outputs or a read-only file; a failure leaves the old file whole (exit 2). The .bib merge
keeps the user's bytes and is serialised by a lock; docs writes only its own files (its manifest)."""
from __future__ import annotations

import errno
import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from symcount.errors import UsageError
from symcount.output import bib, files, site

ROOT = Path(__file__).resolve().parent.parent
LSTM = (ROOT / "symcount" / "cells" / "lstm.tex").read_text(encoding="utf-8")


def run(*args, cwd, env=None, stdin=None):
    e = dict(os.environ, PYTHONPATH=str(ROOT), SYMCOUNT_CACHE_DIR=str(Path(cwd) / ".cache"), **(env or {}))
    p = subprocess.run([sys.executable, "-m", "symcount", *map(str, args)], cwd=cwd, env=e, capture_output=True,
                       text=True, input=stdin)
    return p.returncode, p.stdout, p.stderr


def leftovers(folder: Path) -> list[str]:
    return sorted(n for n in os.listdir(folder) if n.startswith(files.TMP_PREFIX))


# ---- the writer ---------------------------------------------------------------------------------------
def test_a_new_file_gets_the_umask_and_an_old_one_keeps_its_mode(tmp_path):
    new = tmp_path / "new.txt"
    files.write_text(str(new), "a")
    mask = os.umask(0)
    os.umask(mask)
    assert stat.S_IMODE(new.stat().st_mode) == 0o666 & ~mask
    old = tmp_path / "old.txt"
    old.write_text("old")
    old.chmod(0o640)
    files.write_text(str(old), "new")
    assert old.read_text() == "new" and stat.S_IMODE(old.stat().st_mode) == 0o640
    assert leftovers(tmp_path) == []


def test_a_symlink_is_followed_for_an_output_and_replaced_with_follow_false(tmp_path):
    target, link = tmp_path / "target.txt", tmp_path / "link.txt"
    target.write_text("old")
    link.symlink_to(target)
    files.write_text(str(link), "via link")
    assert link.is_symlink() and target.read_text() == "via link"
    files.write_text(str(link), "mine", follow=False)
    assert not link.is_symlink() and link.read_text() == "mine" and target.read_text() == "via link"


@pytest.mark.parametrize("failing", ["write", "fsync", "replace"])
def test_a_failure_leaves_the_old_file_whole_and_no_temporary_file(tmp_path, monkeypatch, failing):
    out = tmp_path / "out.txt"
    out.write_text("the user's old text")

    def full(*a, **k):
        raise OSError(errno.ENOSPC, "No space left on device")
    monkeypatch.setattr(files.os, failing, full)
    with pytest.raises(UsageError, match="No space left on device"):
        files.write_text(str(out), "new" * 1000)
    monkeypatch.undo()
    assert out.read_text() == "the user's old text"
    assert leftovers(tmp_path) == []


def test_the_named_fallback_is_as_atomic(tmp_path, monkeypatch):
    monkeypatch.setattr(files, "_unnamed", False)
    out = tmp_path / "out.txt"
    files.write_text(str(out), "x")
    assert out.read_text() == "x" and leftovers(tmp_path) == []


def test_check_refuses_inputs_two_outputs_read_only_files_and_folders(tmp_path):
    a, b = tmp_path / "a.tex", tmp_path / "b.txt"
    a.write_text("x")
    os.link(a, tmp_path / "hard.tex")
    (tmp_path / "soft.tex").symlink_to(a)
    T = files.Target
    for name in ("a.tex", "hard.tex", "soft.tex"):
        with pytest.raises(UsageError, match="that symcount reads"):
            files.check([T(str(tmp_path / name), "--output")], [str(a)])
    with pytest.raises(UsageError, match="are one file"):
        files.check([T(str(b), "--output"), T(str(b), "--bib")])
    b.write_text("mine")
    b.chmod(0o444)
    with pytest.raises(UsageError, match="read-only"):
        files.check([T(str(b), "--output")])
    with pytest.raises(UsageError, match="read-only"):
        files.write_text(str(b), "new")
    assert b.read_text() == "mine"
    with pytest.raises(UsageError, match="is a folder"):
        files.check([T(str(tmp_path / "newdir") + "/", "--output")])


def test_sweep_removes_only_the_temporary_files_of_dead_processes(tmp_path):
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True,
                          text=True).stdout.strip()
    stale = tmp_path / f"{files.TMP_PREFIX}{dead}-abc{files.TMP_SUFFIX}"
    mine = tmp_path / f"{files.TMP_PREFIX}{os.getpid()}-abc{files.TMP_SUFFIX}"
    other = tmp_path / ".symcount-notes.txt"
    for p in (stale, mine, other):
        p.write_text("x")
    assert files.sweep(str(tmp_path)) == [stale.name]
    assert mine.exists() and other.exists()


WRITER = """
import sys
from symcount.output import files
files.write_bytes(sys.argv[1], sys.argv[2].encode() * (8 << 20))
"""


def test_sigkill_at_any_moment_leaves_the_old_or_the_new_file_whole(tmp_path):
    out = tmp_path / "out.bin"
    out.write_bytes(b"o" * 1000)
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    for i in range(12):
        p = subprocess.Popen([sys.executable, "-c", WRITER, str(out), "n"], env=env)
        time.sleep(0.05 + 0.05 * i)
        p.send_signal(signal.SIGKILL)
        p.wait()
        data = out.read_bytes()
        assert data in (b"o" * 1000, b"n" * (8 << 20))
    files.sweep(str(tmp_path))
    assert leftovers(tmp_path) == []


# ---- the command line's writers -----------------------------------------------------------------------
def test_no_output_onto_an_input(tmp_path):
    (tmp_path / "mine.tex").write_text(LSTM)
    for args in (["derive", "mine.tex", "--output", "mine.tex"], ["compare", "mine.tex", "lstm", "--output", "mine.tex"],
                 ["match", "mine.tex", "--budget", "1M", "--set", "d=8", "--output", "mine.tex"],
                 ["compare", "mine.tex", "gru", "--set", "d=3", "--set", "h=1:4", "--plot", "mine.tex"],
                 ["match", "gru", "--to", "mine.tex", "--set", "d=3", "--set", "h=4", "--output", "mine.tex"],
                 ["cell", "lstm", "--format", "latex", "--bib", "a.bib", "--output", "a.bib"]):
        code, _, err = run(*args, cwd=tmp_path)
        assert code == 2, (args, err)
        assert (tmp_path / "mine.tex").read_text() == LSTM
    assert not (tmp_path / "a.bib").exists()


def test_output_rules_on_the_command_line(tmp_path):
    ro = tmp_path / "ro.md"
    ro.write_text("mine")
    ro.chmod(0o444)
    assert run("cell", "gru", "--output", "ro.md", cwd=tmp_path)[0] == 2 and ro.read_text() == "mine"
    code, _, err = run("cell", "gru", "--output", "newdir/", cwd=tmp_path)
    assert code == 2 and "folder" in err and not (tmp_path / "newdir").exists()
    long = "x" * 250 + ".md"
    assert run("cell", "gru", "--output", long, cwd=tmp_path)[0] == 0 and (tmp_path / long).exists()
    assert leftovers(tmp_path) == []


# ---- the .bib merge --------------------------------------------------------------------------------------
USER_BIB = (b"% my notes\r\n@string{ieee = \"IEEE\"}\r\n@preamble{\"\\newcommand{\\x}{y}\"}\r\n"
            b"@misc{caf\xe9, note={caf\xe9 in latin-1}}\r\n@unknowntype{k1, a={b}}\r\n")


def test_the_merge_keeps_every_byte_and_the_line_ending():
    out = bib.merged(USER_BIB, "@article{hochreiter1997,\n  title={LSTM}\n}\n", "hochreiter1997")
    assert out.startswith(USER_BIB)
    added = out[len(USER_BIB):]
    assert b"@article{hochreiter1997," in added and b"\n" not in added.replace(b"\r\n", b"")
    assert bib.merged(out, "@article{hochreiter1997, x}", "hochreiter1997") is None


@pytest.mark.parametrize("there", ["@article{Hochreiter1997,", "@ARTICLE( hochreiter1997 ,", "@Article {HOCHREITER1997 ,"])
def test_a_key_is_matched_as_bibtex_matches_it(there):
    assert bib.merged(f"{there} title={{x}}}}\n".encode(), "@article{hochreiter1997, t={y}}", "hochreiter1997") is None


def test_a_key_in_a_string_or_comment_command_is_not_an_entry():
    data = b"@string(hochreiter1997 = \"x\")\n@comment{hochreiter1997, not an entry}\n"
    assert bib.merged(data, "@article{hochreiter1997, t={y}}", "hochreiter1997") is not None


def test_a_failing_run_adds_nothing_and_a_huge_or_strange_bib_is_refused(tmp_path):
    code, _, _ = run("cell", "lstm", "--format", "latex", "--bib", "refs.bib", "--set", "nope=3", cwd=tmp_path)
    assert code == 2 and not (tmp_path / "refs.bib").exists()
    (tmp_path / "big.bib").write_bytes(b"%" * ((1 << 20) + 1))
    code, _, err = run("cell", "lstm", "--format", "latex", "--bib", "big.bib", cwd=tmp_path)
    assert code == 2 and "larger than" in err
    (tmp_path / "zero.bib").symlink_to("/dev/zero")
    code, _, err = run("cell", "lstm", "--format", "latex", "--bib", "zero.bib", cwd=tmp_path)
    assert code == 2 and "regular file" in err


CELLS = ["lstm", "gru", "rnn", "mgu", "mingru", "minlstm", "indrnn", "ugrnn", "lstmp", "mlstm", "lstm-peephole",
         "greff-vanilla"]


def test_a_concurrent_bib_storm_keeps_every_entry_once(tmp_path):
    (tmp_path / "refs.bib").write_bytes(USER_BIB)
    env = dict(os.environ, PYTHONPATH=str(ROOT), SYMCOUNT_CACHE_DIR=str(tmp_path / ".cache"))
    procs = [subprocess.Popen([sys.executable, "-m", "symcount", "cell", c, "--format", "latex", "--bib", "refs.bib",
                               "--output", f"{c}.tex"], cwd=tmp_path, env=env, stderr=subprocess.PIPE)
             for c in CELLS]
    errors = [p.communicate()[1] for p in procs]
    assert [p.returncode for p in procs] == [0] * len(CELLS), errors
    data = (tmp_path / "refs.bib").read_bytes()
    assert data.startswith(USER_BIB)
    import symcount.cells as C
    wanted = {C.load(c).cite.lower() for c in CELLS}
    found = [m[1].lower().decode("latin-1") for m in bib._ENTRY.findall(data)]
    assert len(wanted) >= 9 and sorted(set(found) & wanted) == sorted(wanted)
    assert all(found.count(k) == 1 for k in wanted)
    assert leftovers(tmp_path) == []


# ---- docs -----------------------------------------------------------------------------------------------
def test_docs_writes_only_its_own_files(tmp_path):
    out = tmp_path / "site"
    out.mkdir()
    (out / "mkdocs.yml").write_text("mine\n")
    code, _, err = run("docs", "lstm", "--output", "site", cwd=tmp_path)
    assert code == 2 and "mkdocs.yml is not a file symcount wrote" in err
    assert (out / "mkdocs.yml").read_text() == "mine\n" and not (out / "docs").exists()
    assert run("docs", "lstm", "--output", "site", "--force", cwd=tmp_path)[0] == 0
    assert run("docs", "lstm", "gru", "--output", "site", cwd=tmp_path)[0] == 0   # its own files: replaced
    (out / "docs" / "index.md").write_text("edited by the user\n")
    code, _, err = run("docs", "lstm", "--output", "site", cwd=tmp_path)
    assert code == 2 and "index.md" in err
    assert (out / "docs" / "index.md").read_text() == "edited by the user\n"


def test_docs_never_follows_a_link_out_nor_replaces_an_input(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    out = tmp_path / "site"
    (out / "docs").mkdir(parents=True)
    (out / "docs" / "cells").symlink_to(outside)
    code, _, err = run("docs", "lstm", "--output", "site", "--force", cwd=tmp_path)
    assert code == 2 and "symbolic link" in err and list(outside.iterdir()) == []
    (out / "docs" / "cells").unlink()
    (out / "docs" / "index.md").symlink_to(outside / "victim.md")
    (outside / "victim.md").write_text("victim")
    assert run("docs", "lstm", "--output", "site", "--force", cwd=tmp_path)[0] == 0
    assert (outside / "victim.md").read_text() == "victim" and not (out / "docs" / "index.md").is_symlink()
    mine = (ROOT / "examples" / "lstm.tex").read_text(encoding="utf-8")  # no cell header: its page is cells/mine.md
    (out / "docs" / "cells" / "mine.md").write_text(mine)
    code, _, err = run("docs", "site/docs/cells/mine.md", "--output", "site", "--force", cwd=tmp_path)
    assert code == 2 and "that symcount reads" in err and (out / "docs" / "cells" / "mine.md").read_text() == mine


def test_the_manifest_lists_what_docs_wrote(tmp_path):
    import json
    written = site.write(tmp_path, {"a.md": "A", "docs/b.md": "B"})
    assert sorted(Path(p).relative_to(tmp_path).as_posix() for p in written) == ["a.md", "docs/b.md"]
    manifest = json.loads((tmp_path / site.MANIFEST).read_text())
    assert sorted(manifest["files"]) == ["a.md", "docs/b.md"]


# ---- a full disk -----------------------------------------------------------------------------------------
@pytest.fixture
def small_disk(tmp_path):
    mnt = tmp_path / "disk"
    mnt.mkdir()
    p = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(mnt)], capture_output=True)
    if p.returncode != 0:
        pytest.skip("no small tmpfs here (mount -t tmpfs needs privileges)")
    yield mnt
    subprocess.run(["umount", str(mnt)], capture_output=True)


def test_a_full_disk_leaves_every_file_whole(small_disk, tmp_path):
    out = small_disk / "out.md"
    out.write_text("old\n")
    (small_disk / "refs.bib").write_bytes(USER_BIB)
    fd = os.open(small_disk / "filler", os.O_WRONLY | os.O_CREAT)
    try:
        while True:
            os.write(fd, b"x" * 1024)
    except OSError:
        pass
    finally:
        os.close(fd)
    code, _, err = run("cell", "lstm", "--format", "latex", "--bib", small_disk / "refs.bib", "--output", out,
                       "--section", "equations,parameters,why,subtotals,total", cwd=tmp_path)
    assert code == 2 and "No space left" in err
    assert out.read_text() == "old\n" and (small_disk / "refs.bib").read_bytes() == USER_BIB
    assert leftovers(small_disk) == []
