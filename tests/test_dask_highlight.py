"""A research group highlights more than one machine can: `--dask local`
(a LocalCluster of two workers here; a scheduler address on a real cluster)
gives exactly the output and the project a single process gives."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from test_parallel_import import frozen_clock, imported, table, write_corpus  # noqa: F401 (fixture)

from annotator.cli import main
from annotator.core.project import Project

pytest.importorskip("distributed", reason="needs the cluster extra: pip install 'annotator[cluster]'")


def highlighted(*args: str) -> list[dict]:
    result = CliRunner().invoke(main, ["highlight", "--model", "blank", *args])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.output.splitlines()]


def test_highlighting_on_a_local_dask_cluster_prints_what_one_process_prints(tmp_path):
    feed = write_corpus(tmp_path / "feed.jsonl", copies=20)
    serial = highlighted("--workers", "0", str(feed))
    assert len(serial) == 100 and sum(len(a["claims"]) for a in serial) > 100
    assert highlighted("--dask", "local", "--workers", "2", str(feed)) == serial


def test_an_import_on_a_local_dask_cluster_stores_what_a_serial_one_does(tmp_path, frozen_clock):  # noqa: F811
    feed = write_corpus(tmp_path / "feed.jsonl", copies=20)
    serial = imported(tmp_path, "serial", feed, workers=0)
    clustered = imported(tmp_path, "dask", feed, dask="local", workers=2)
    assert table(clustered, "articles") == table(serial, "articles")
    assert table(clustered, "suggestions") == table(serial, "suggestions")


def test_an_unreachable_scheduler_is_a_clear_error_and_imports_nothing(tmp_path, monkeypatch):
    import annotator.core.parallel_dask

    monkeypatch.setattr(annotator.core.parallel_dask, "CONNECT_TIMEOUT", "2s")
    feed = write_corpus(tmp_path / "feed.jsonl", copies=1)
    db = tmp_path / "p.sqlite"
    result = CliRunner().invoke(main, ["--db", str(db), "import", "--model", "blank", "-q",
                                       "--dask", "tcp://127.0.0.1:9", str(feed)])
    assert result.exit_code == 1
    assert "cannot reach the Dask scheduler" in result.output and "Traceback" not in result.output
    with Project.open(db) as project:
        assert project.count_articles() == 0
