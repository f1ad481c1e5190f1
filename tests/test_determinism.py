"""Determinism: the same inputs in different file orders and with different worker counts give
byte-identical Turtle, TriG, JSON-LD, GraphML and GEXF."""
from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.extract import pipeline
from newsgraph.graph.build import build
from newsgraph.graph.export import FILES

ROOT = Path(__file__).resolve().parents[1]
BAD = ROOT / "tests" / "data" / "bad"
INPUTS = sorted(str(p) for p in (ROOT / "examples").iterdir() if p.suffix in (".txt", ".jsonl")) + [
    str(BAD / n) for n in ("dup_one.txt", "dup_two.txt", "feed.jsonl", "cp1252.txt")]


@pytest.fixture(scope="module")
def first(tmp_path_factory):
    out = tmp_path_factory.mktemp("order-a")
    build(INPUTS, out, nlp=pipeline.load())
    return {name: (out / name).read_bytes() for name in FILES}


def test_reversed_file_order_gives_identical_files(first, tmp_path):
    build(list(reversed(INPUTS)), tmp_path, nlp=pipeline.load())
    for name in FILES:
        assert (tmp_path / name).read_bytes() == first[name], name


def test_two_worker_processes_and_another_order_give_identical_files(first, tmp_path):
    order = INPUTS[1::2] + INPUTS[0::2]
    summary = build(order, tmp_path, workers=2, batch_size=2)
    assert summary.extracted == summary.articles  # all parsed by the two workers
    for name in FILES:
        assert (tmp_path / name).read_bytes() == first[name], name
