"""Process-pool and Dask extraction give the same output as a local build."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

from newsgraph.extract import pipeline
from newsgraph.graph.build import build
from newsgraph.graph.build.workers import batches, runner

ROOT = Path(__file__).resolve().parents[1]
FILES = ("graph.ttl", "graph.trig", "graph.jsonld", "graph.graphml", "actors.graphml", "graph.gexf")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    sys.path.insert(0, str(ROOT / "bench"))
    from corpus import digest

    path = tmp_path_factory.mktemp("corpus") / "digest.txt"
    path.write_text(digest(24, seed=3), encoding="utf-8")
    return str(path)


@pytest.fixture(scope="module")
def local(corpus, tmp_path_factory):
    out = tmp_path_factory.mktemp("local")
    summary = build([corpus], out, nlp=pipeline.load(), batch_size=4)
    assert summary.articles == 24
    return out


def _same(x: Path, y: Path) -> None:
    for name in FILES:
        assert (x / name).read_bytes() == (y / name).read_bytes(), name


def test_two_worker_processes_give_the_same_graph(corpus, local, tmp_path):
    summary = build([corpus], tmp_path, workers=2, batch_size=4)
    assert summary.extracted == 24
    _same(local, tmp_path)


def test_dask_local_cluster_gives_the_same_graph(corpus, local, tmp_path):
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address=None) as cluster:
        summary = build([corpus], tmp_path, dask_address=cluster.scheduler_address, batch_size=4)
    assert summary.extracted == 24
    _same(local, tmp_path)


def test_a_single_batch_runs_in_process():
    import spacy

    from newsgraph.extract.records import Article

    a = Article(source="s.txt", source_sha256="0" * 64, index=0, start=0, end=9,
                headline="Hi", body="Hello.", body_start=4)
    run = runner(workers=4, nlp=spacy.blank("en"))
    assert [len(b) for b in run(batches([a, a, a], 8))] == [3]
