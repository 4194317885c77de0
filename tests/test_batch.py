"""`cleanup batch`: discovery, safe output names, the manifest, resuming,
failures, atomic writes, and surviving kill -9."""
from __future__ import annotations

import hashlib
import io
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from cleanup import batch
from cleanup.batch import BatchError, ConsoleReporter, Context, run_batch, safe_relative, write_output
from cleanup.cli import main
from cleanup.model import Options

from conftest import ROOT, SEEDS

PAGE = "本报讯 今天,重庆发布了新政策。\n".encode("utf-8")


def invoke(*args: str):
    return CliRunner().invoke(main, ["batch", *args])


def make_pages(folder: Path, n: int, per_folder: int = 50) -> Path:
    """n seed-like pages (seed paragraphs recombined and re-wrapped), in sub-folders."""
    rng = random.Random(5)
    paragraphs = [p for f in SEEDS for p in f.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    for i in range(n):
        width = rng.choice([12, 17, 22])
        text = "\n\n".join("\n".join(t[k:k + width] for k in range(0, len(t), width))
                           for t in (rng.choice(paragraphs).replace("\n", "") for _ in range(12)))
        page = folder / f"{i // per_folder:02d}" / f"page{i:04d}.txt"
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(text, encoding="utf-8")
    return folder


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def outputs(outdir: Path) -> dict[str, bytes]:
    return {k: v for k, v in tree(outdir).items() if not k.startswith(".cleanup/")}


def failed_rows(outdir: Path) -> list[tuple[str, str]]:
    with sqlite3.connect(outdir / ".cleanup" / "manifest.sqlite") as db:
        return db.execute("SELECT input, error FROM pages WHERE status = 'failed' ORDER BY input").fetchall()


@pytest.mark.parametrize("rel, safe", [
    ("a/b.txt", "a/b.txt"),
    ("../../etc/passwd.txt", "etc/passwd.txt"),
    ("/abs/x.txt", "abs/x.txt"),
    ("C:\\pages\\x.txt", "pages/x.txt"),
    ("a/./b/../c.txt", "a/b/c.txt"),
    ("..", None),
    ("/", None),
    (".cleanup/manifest.sqlite", None),
    ("sub/.cleanup/x.txt", "sub/.cleanup/x.txt"),   # only OUTDIR's own hidden folder is taken
])
def test_safe_relative(rel, safe):
    assert safe_relative(rel) == safe


@pytest.mark.parametrize("rel, xml", [
    ("p1.txt", "p1.xml"),
    ("1990/01/p1.txt", "1990/01/p1.xml"),
    ("eval", "eval.xml"),
    (".txt", ".txt.xml"),
    ("a.b.TXT", "a.b.xml"),
])
def test_output_names(rel, xml):
    assert batch._xml_name(rel) == xml


def test_mirrors_the_tree_and_outdir_holds_only_tei(tmp_path):
    src = tmp_path / "in"
    (src / "1990" / "01").mkdir(parents=True)
    (src / "1990" / "01" / "p1.txt").write_bytes(PAGE)
    (src / "p2.txt").write_bytes(PAGE)
    (src / "notes.md").write_bytes(b"not a page")
    out = tmp_path / "out"
    result = invoke(str(src), "-o", str(out), "-j", "1")
    assert result.exit_code == 0, result.output
    assert "2 pages: 2 converted, 0 already current, 0 failed" in result.stderr
    assert sorted(outputs(out)) == ["1990/01/p1.xml", "p2.xml"]
    assert {p.name for p in out.iterdir()} == {"1990", "p2.xml", ".cleanup"}
    assert {p.name for p in (out / ".cleanup").iterdir()} <= {
        "manifest.sqlite", "manifest.sqlite-wal", "manifest.sqlite-shm", "manifest.sqlite.lock"}


def test_globs_and_single_files(tmp_path):
    src = tmp_path / "in"
    (src / "a").mkdir(parents=True)
    (src / "a" / "x.txt").write_bytes(PAGE)
    (src / "a" / "y.txt").write_bytes(PAGE)
    (src / "z.txt").write_bytes(PAGE)
    out = tmp_path / "out"
    assert invoke(f"{src}/**/x.txt", str(src / "z.txt"), "-o", str(out), "-q", "-j", "1").exit_code == 0
    assert sorted(outputs(out)) == ["a/x.xml", "z.xml"]


def test_rerun_skips_current_pages_and_redoes_changed_ones(tmp_path):
    src = make_pages(tmp_path / "in", 6, per_folder=3)
    out = tmp_path / "out"
    first = run_batch([str(src)], str(out))
    assert (first.converted, first.current) == (6, 0)
    made = outputs(out)
    rerun = run_batch([str(src)], str(out))
    assert (rerun.converted, rerun.current) == (0, 6)
    (src / "01" / "page0004.txt").write_bytes(PAGE)
    again = run_batch([str(src)], str(out))
    assert (again.converted, again.current) == (1, 5)
    assert outputs(out)["01/page0004.xml"] != made["01/page0004.xml"]
    assert run_batch([str(src)], str(out), force=True).converted == 6
    assert run_batch([str(src)], str(out), options=Options(script="traditional")).converted == 6


def test_a_changed_tool_makes_outputs_out_of_date(tmp_path, monkeypatch):
    src = make_pages(tmp_path / "in", 2)
    run_batch([str(src)], str(tmp_path / "out"))
    monkeypatch.setattr(batch, "tool_version", lambda: "9.9.9+other")
    assert run_batch([str(src)], str(tmp_path / "out")).converted == 2


def test_failing_pages_are_recorded_and_the_batch_goes_on(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "good.txt").write_bytes(PAGE)
    (src / "garbage.txt").write_bytes(b"\xff\xfe\xfa" + bytes(range(256)) * 8 + b"\x81\x00\xfe" * 50)
    (src / "x.txt").mkdir()                      # a folder named like a page
    (src / "zz.txt").write_bytes(PAGE)
    out = tmp_path / "out"
    result = invoke(str(src), "-o", str(out), "-j", "2")
    assert result.exit_code == 1
    assert "4 pages: 2 converted, 0 already current, 2 failed" in result.stderr
    failed = failed_rows(out)
    assert [Path(i).name for i, _ in failed] == ["garbage.txt", "x.txt"]
    assert all(error for _, error in failed)
    assert "directory" in failed[1][1]
    assert sorted(outputs(out)) == ["good.xml", "zz.xml"]
    assert f"cleanup: error: {src / 'x.txt'}: " in result.stderr
    with sqlite3.connect(out / ".cleanup" / "manifest.sqlite") as db:
        assert db.execute("SELECT SUM(articles), COUNT(*) FROM pages WHERE status = 'ok'").fetchone()[1] == 2
        assert db.execute("SELECT failed, pages FROM runs").fetchone() == (2, 4)


def test_a_page_that_starts_failing_leaves_no_stale_output(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "p.txt").write_bytes(PAGE)
    run_batch([str(src)], str(tmp_path / "out"))
    (src / "p.txt").write_bytes(b"\xff\xfe\xfa" + bytes(range(256)) * 8)
    assert run_batch([str(src)], str(tmp_path / "out")).failed == 1
    assert outputs(tmp_path / "out") == {}


def test_two_inputs_with_one_output_name(tmp_path):
    for d in ("a", "b"):
        (tmp_path / d).mkdir()
        (tmp_path / d / "p.txt").write_bytes(PAGE)
    summary = run_batch([str(tmp_path / "a"), str(tmp_path / "b")], str(tmp_path / "out"))
    assert (summary.converted, summary.failed) == (1, 1)
    assert "same output name p.xml" in failed_rows(tmp_path / "out")[0][1]


def test_a_page_listed_twice_is_done_once(tmp_path):
    (tmp_path / "p.txt").write_bytes(PAGE)
    summary = run_batch([str(tmp_path / "p.txt"), str(tmp_path / "p.txt")], str(tmp_path / "out"))
    assert (summary.pages, summary.converted) == (1, 1)


@pytest.mark.parametrize("args, message", [
    (["missing-folder"], "no such file or folder"),
    (["nothing-*.txt"], "no file matches"),
])
def test_bad_inputs_exit_2_before_anything_is_written(tmp_path, monkeypatch, args, message):
    monkeypatch.chdir(tmp_path)
    result = invoke(*args, "-o", "out")
    assert result.exit_code == 2 and message in result.output
    assert not (tmp_path / "out").exists()


def test_no_write_leaves_outdir(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    out = tmp_path / "out"
    (out / batch.HIDDEN / "tmp").mkdir(parents=True)
    (out / "link").symlink_to(outside)
    ctx = Context(os.path.realpath(out), "v")
    with pytest.raises(ValueError, match="outside"):
        write_output(ctx, "link/p.xml", b"x")
    assert list(outside.iterdir()) == []
    assert write_output(ctx, "sub/p.xml", b"x") == str(Path(os.path.realpath(out)) / "sub" / "p.xml")


def test_outdir_inside_the_input_folder_is_not_read(tmp_path):
    (tmp_path / "p.txt").write_bytes(PAGE)
    run_batch([str(tmp_path)], str(tmp_path / "out"))
    (tmp_path / "out" / "stray.txt").write_bytes(PAGE)
    assert run_batch([str(tmp_path)], str(tmp_path / "out")).pages == 1


def test_one_batch_at_a_time_per_outdir(tmp_path):
    (tmp_path / "p.txt").write_bytes(PAGE)
    out = batch.Outdir.open(str(tmp_path / "out"), None)
    with out.locked():
        code = ("import sys; from cleanup.batch import run_batch, BatchError\n"
                f"try: run_batch([{str(tmp_path / 'p.txt')!r}], {str(tmp_path / 'out')!r})\n"
                "except BatchError as e: sys.exit(str(e))")
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert "another `cleanup batch` is writing there" in done.stderr


def test_remote_locations_through_fsspec(tmp_path):
    fsspec = pytest.importorskip("fsspec")
    fs = fsspec.filesystem("memory")
    for rel in ("p1.txt", "sub/p2.txt"):
        fs.pipe(f"/in/{rel}", PAGE)
    with pytest.raises(BatchError, match="--manifest"):
        run_batch(["memory://in"], "memory://out")
    summary = run_batch(["memory://in"], "memory://out", manifest=str(tmp_path / "m.sqlite"))
    assert summary.converted == 2
    local = tmp_path / "local"
    (local / "sub").mkdir(parents=True)
    (local / "p1.txt").write_bytes(PAGE)
    (local / "sub" / "p2.txt").write_bytes(PAGE)
    run_batch([str(local)], str(tmp_path / "out"))
    assert {k: fs.cat(f"/out/{k}") for k in ("p1.xml", "sub/p2.xml")} == outputs(tmp_path / "out")
    assert run_batch(["memory://in"], "memory://out", manifest=str(tmp_path / "m.sqlite")).current == 2
    fs.rm("/in", recursive=True)
    fs.rm("/out", recursive=True)


def test_plain_progress_lines_when_not_a_terminal():
    stream = io.StringIO()
    reporter = ConsoleReporter(stream, every=0)
    reporter.start(4)
    reporter.advance(2)
    reporter.failure("in/x.txt", "is a directory")
    assert stream.getvalue().splitlines()[0].startswith("cleanup: 2/4 pages (50%), ")
    assert "left" in stream.getvalue()
    assert stream.getvalue().splitlines()[1] == "cleanup: error: in/x.txt: is a directory"
    quiet = io.StringIO()
    reporter = ConsoleReporter(quiet, quiet=True, every=0)
    reporter.start(4)
    reporter.advance(4)
    assert quiet.getvalue() == ""


def test_a_bar_with_rate_and_eta_on_a_terminal():
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    stream = Terminal()
    reporter = ConsoleReporter(stream)
    reporter.start(10)
    reporter.advance(5)
    reporter.close()
    assert "5/10" in stream.getvalue() and "page/s" in stream.getvalue()


def _digest_tree(folder: Path) -> str:
    return hashlib.sha256(repr(sorted(tree(folder).items())).encode()).hexdigest()


def test_kill_9_part_way_then_resume_gives_the_clean_result(tmp_path):
    src = make_pages(tmp_path / "in", 300)
    before = _digest_tree(src)
    clean, killed = tmp_path / "clean", tmp_path / "killed"
    assert run_batch([str(src)], str(clean), runner=batch.pool_runner(2), workers=2).failed == 0
    cmd = [sys.executable, "-c", "from cleanup.cli import main; main()", "batch", str(src), "-o", str(killed), "-j", "2", "-q"]
    proc = subprocess.Popen(cmd, cwd=ROOT, start_new_session=True, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 30
    while len(list(killed.rglob("*.xml"))) < 20 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.01)
    assert proc.poll() is None, "the batch ended before it could be killed"
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    assert 20 <= len(list(killed.rglob("*.xml"))) < 300
    resumed = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert resumed.returncode == 0, resumed.stderr
    assert outputs(killed) == outputs(clean)
    assert not (killed / ".cleanup" / "tmp").exists()
    assert not [p for p in killed.rglob("*") if p.is_file() and p.suffix != ".xml" and ".cleanup" not in p.parts]
    assert _digest_tree(src) == before          # inputs untouched
    with sqlite3.connect(killed / ".cleanup" / "manifest.sqlite") as db:
        assert db.execute("SELECT status, COUNT(*) FROM pages GROUP BY status").fetchall() == [("ok", 300)]


def test_a_page_that_kills_its_worker_fails_and_the_batch_goes_on(tmp_path, monkeypatch):
    """A worker that dies (here: one page makes it exit at once, as a crash
    would) fails that page only; every other page is converted."""
    real_convert = batch._convert

    def deadly(src, out, blob, ctx):
        if src.name == "poison.txt":
            os._exit(1)
        return real_convert(src, out, blob, ctx)

    monkeypatch.setattr(batch, "_convert", deadly)
    src = tmp_path / "in"
    src.mkdir()
    for name in ("a", "b", "poison", "c", "d"):
        (src / f"{name}.txt").write_text("本报讯 全县春播进度过半。", encoding="utf-8")
    summary = run_batch([str(src)], str(tmp_path / "out"), runner=batch.pool_runner(2), workers=2)
    assert (summary.pages, summary.converted, summary.failed) == (5, 4, 1)
    written = sorted(p.name for p in (tmp_path / "out").glob("*.xml"))
    assert written == ["a.xml", "b.xml", "c.xml", "d.xml"]
    rows = sqlite3.connect(tmp_path / "out" / ".cleanup" / "manifest.sqlite").execute(
        "SELECT input, error FROM pages WHERE status = 'failed'").fetchall()
    assert len(rows) == 1 and rows[0][0].endswith("poison.txt") and "died" in rows[0][1]
