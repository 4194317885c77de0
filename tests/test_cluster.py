"""`cleanup batch` on a Dask cluster: the same bytes as a local run; without
dask installed, the flag says how to get it."""
from __future__ import annotations

import sys

import pytest
from click.testing import CliRunner

from cleanup.cli import main

from test_batch import make_pages, outputs


def test_without_dask_the_flag_says_how_to_install_it(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)     # import fails as if not installed
    (tmp_path / "p.txt").write_text("本报讯 今天。\n", encoding="utf-8")
    for flag in (["--dask"], ["--scheduler", "tcp://127.0.0.1:8786"]):
        result = CliRunner().invoke(main, ["batch", str(tmp_path / "p.txt"), "-o", str(tmp_path / "out"), *flag])
        assert result.exit_code == 2
        assert "pip install 'cleanup-tei[dask]'" in result.output
    assert not (tmp_path / "out").exists()


def test_local_cluster_output_is_byte_identical_to_a_local_run(tmp_path):
    distributed = pytest.importorskip("distributed")
    src = make_pages(tmp_path / "in", 40, per_folder=10)
    (src / "bad.txt").write_bytes(b"\xff\xfe\xfa" + bytes(range(256)) * 8)
    local = CliRunner().invoke(main, ["batch", str(src), "-o", str(tmp_path / "local"), "-j", "2", "-q"])
    assert local.exit_code == 1
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster:
        result = CliRunner().invoke(main, ["batch", str(src), "-o", str(tmp_path / "dask"),
                                           "--scheduler", cluster.scheduler_address])
    assert result.exit_code == 1, result.output
    assert "40 converted, 0 already current, 1 failed" in result.stderr
    assert outputs(tmp_path / "dask") == outputs(tmp_path / "local")
    assert len(outputs(tmp_path / "local")) == 40


def test_dask_flag_starts_a_local_cluster(tmp_path):
    pytest.importorskip("distributed")
    src = make_pages(tmp_path / "in", 6)
    result = CliRunner().invoke(main, ["batch", str(src), "-o", str(tmp_path / "dask"), "--dask", "-j", "2",
                                       "--issues"])
    assert result.exit_code == 0, result.output
    local = CliRunner().invoke(main, ["batch", str(src), "-o", str(tmp_path / "local"), "-j", "1", "--issues"])
    assert local.exit_code == 0
    assert outputs(tmp_path / "dask") == outputs(tmp_path / "local") != {}
