"""The `cleanup` command, run in-process with click's runner."""
import json

import pytest
from click.testing import CliRunner

from cleanup.cli import main

from conftest import GOLD_DIR, SEEDS

PAGE = "本报讯 今天,重庆发布了新政策。\n".encode("utf-8")


@pytest.fixture
def run():
    def invoke(*args, input=None):
        return CliRunner().invoke(main, list(args), input=input)
    return invoke


@pytest.fixture
def page(tmp_path):
    p = tmp_path / "page.txt"
    p.write_bytes(PAGE)
    return p


def test_convert_prints_tei(run, page):
    result = run(str(page))
    assert result.exit_code == 0
    assert result.output.startswith("<?xml") and "今天" in result.output


def test_output_file(run, page, tmp_path):
    out = tmp_path / "sub" / "page.xml"
    assert run(str(page), "-o", str(out)).exit_code == 0
    assert out.read_bytes().startswith(b"<?xml")
    assert [p.name for p in out.parent.iterdir()] == ["page.xml"]  # no temporary left


def test_stdin(run):
    result = run("-", input=PAGE)
    assert result.exit_code == 0 and "重庆" in result.output


def test_json_format_is_a_gold_record(run, page):
    record = json.loads(run(str(page), "--format", "json").output)
    assert set(record) >= {"source", "publication", "articles", "teasers", "figures", "masthead", "other"}
    assert record["source"] == "page.txt"


def test_text_format(run, page):
    assert "今天，重庆" in run(str(page), "-f", "text").output


def test_explain_goes_to_stderr(run, page):
    result = run(str(page), "--explain")
    assert "punctuation widened" in result.stderr
    assert "punctuation widened" not in result.stdout


@pytest.mark.parametrize("args, message", [
    (["missing.txt"], "cleanup: error: missing.txt: no such file"),
    (["."], "cleanup: error: .: is a directory"),
])
def test_input_errors_are_one_line_and_exit_2(run, args, message):
    result = run(*args)
    assert result.exit_code == 2
    assert message in result.output
    assert "Traceback" not in result.output


def test_file_named_like_a_subcommand(run, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "eval").write_bytes(PAGE)
    result = run("convert", "eval")
    assert result.exit_code == 0 and "重庆" in result.output


def test_batch_mirrors_the_tree(run, tmp_path):
    src = tmp_path / "in"
    (src / "1990" / "01").mkdir(parents=True)
    (src / "1990" / "01" / "p1.txt").write_bytes(PAGE)
    (src / "p2.txt").write_bytes(PAGE)
    result = run("batch", str(src), "-o", str(tmp_path / "out"), "-q")
    assert result.exit_code == 0
    assert sorted(p.relative_to(tmp_path / "out").as_posix() for p in (tmp_path / "out").rglob("*.xml")) == \
        ["1990/01/p1.xml", "p2.xml"]


@pytest.fixture(scope="module")
def seed_out(tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    assert CliRunner().invoke(main, ["batch", *map(str, SEEDS), "-o", str(out), "-q"]).exit_code == 0
    return out


def test_eval_scores_seed_output(run, seed_out):
    result = run("eval", str(GOLD_DIR), str(seed_out), "--raw", str(SEEDS[0].parent))
    assert result.exit_code == 0
    assert "lost_chars     0" in result.output and "extra_chars    0" in result.output


REFERENCE_SCORER = GOLD_DIR.parent.parent.parent / "shared" / "eval" / "score.py"


@pytest.mark.skipif(not REFERENCE_SCORER.exists(), reason="the reference scorer (../shared) is not beside this clone")
def test_eval_prints_what_the_reference_scorer_prints(run, seed_out):
    import subprocess
    import sys

    from tei.schema import tei_all_path

    raw = str(SEEDS[0].parent)
    args = [str(GOLD_DIR), str(seed_out), "--raw", raw, "--schema", str(tei_all_path()), "-v"]
    reference = subprocess.run([sys.executable, str(REFERENCE_SCORER), *args], capture_output=True, text=True)
    assert run("eval", *args).output == reference.stdout


def test_version_says_which_build_runs():
    from cleanup import model
    result = CliRunner().invoke(main, ["--version"])
    assert result.exit_code == 0
    build = "compiled" if model.__file__.endswith(".so") else "pure Python"
    assert result.output.strip().endswith(f"({build})")
