"""Incremental builds equal from-scratch builds; --sync; a SIGKILLed build resumes."""
from __future__ import annotations

import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
import rdflib
from rdflib.compare import isomorphic

from newsgraph.graph.build import build, read_manifest
from newsgraph.graph.store import open_ox

ROOT = Path(__file__).resolve().parents[1]
A = str(ROOT / "examples" / "sample-digest.txt")
B = str(ROOT / "examples" / "sample-feed.jsonl")
FILES = ("graph.ttl", "graph.trig", "graph.jsonld", "graph.graphml", "actors.graphml", "graph.gexf")


@pytest.fixture(scope="module")
def scratch(nlp, tmp_path_factory):
    """From-scratch builds: A+B and A alone."""
    both, only_a = tmp_path_factory.mktemp("ab"), tmp_path_factory.mktemp("a")
    build([A, B], both, nlp=nlp)
    build([A], only_a, nlp=nlp)
    return both, only_a


def _quads(out: Path) -> set[str]:
    store = open_ox(out, read_only=True)
    return {str(q) for q in store}


def _same(x: Path, y: Path) -> None:
    for name in FILES:
        assert (x / name).read_bytes() == (y / name).read_bytes(), name
    gx, gy = rdflib.Graph().parse(x / "graph.ttl"), rdflib.Graph().parse(y / "graph.ttl")
    assert isomorphic(gx, gy)
    assert _quads(x) == _quads(y)


def test_a_then_a_plus_b_equals_a_plus_b(nlp, scratch, tmp_path):
    build([A], tmp_path, nlp=nlp)
    s = build([A, B], tmp_path, nlp=nlp)
    assert (s.extracted, s.cached) == (1, 5)
    _same(tmp_path, scratch[0])


def test_b_then_a_keeps_b_without_sync(nlp, scratch, tmp_path):
    build([B], tmp_path, nlp=nlp)
    s = build([A], tmp_path, nlp=nlp)
    assert s.articles == 6 and s.extracted == 5
    _same(tmp_path, scratch[0])
    assert sorted(i["path"] for i in read_manifest(tmp_path)["inputs"]) == sorted([A, B])


def test_sync_drops_inputs_not_given(nlp, scratch, tmp_path):
    build([B, A], tmp_path, nlp=nlp)
    s = build([A], tmp_path, nlp=nlp, sync=True)
    assert s.articles == 5 and s.extracted == 0
    _same(tmp_path, scratch[1])


def test_nothing_changed_is_a_no_op(nlp, scratch, tmp_path):
    first = build([A, B], tmp_path, nlp=nlp)
    again = build([B, A], tmp_path, nlp=nlp)
    assert again.unchanged and again.extracted == 0
    assert (again.articles, again.triples, again.events) == (first.articles, first.triples, first.events)
    _same(tmp_path, scratch[0])


def test_other_limits_read_the_inputs_again(nlp, tmp_path):
    first = build([A], tmp_path, nlp=nlp)
    again = build([A], tmp_path, nlp=nlp, max_article_chars=300)
    assert not again.unchanged and again.articles < first.articles
    assert any("over the limit of 300" in p.reason for p in again.skipped)


def test_defaults_given_or_left_out_are_the_same_build(nlp, tmp_path):
    from newsgraph.extract.read import ReadLimits
    from newsgraph.graph.rdf.vocab import DEFAULT_BASE

    build([A], tmp_path, nlp=nlp, base_iri=DEFAULT_BASE, max_bytes=ReadLimits().max_bytes,
          max_article_chars=ReadLimits().max_article_chars)  # what the CLI passes
    assert build([A], tmp_path, nlp=nlp).unchanged


def test_nothing_changed_never_imports_spacy(nlp, tmp_path):
    build([A], tmp_path, nlp=nlp)
    code = ("import sys; from newsgraph.graph.build import build; s = build([sys.argv[1]], sys.argv[2]); "
            "assert s.unchanged, s; assert 'spacy' not in sys.modules and 'rdflib' not in sys.modules")
    subprocess.run([sys.executable, "-c", code, A, str(tmp_path)], check=True, cwd=ROOT)


def test_changed_resolver_code_rebuilds_from_cached_records(nlp, tmp_path, monkeypatch):
    import newsgraph.graph.build.run

    build([A, B], tmp_path, nlp=nlp)
    monkeypatch.setattr(newsgraph.graph.build.run, "graph_version", lambda: "another-resolver")
    again = build([A, B], tmp_path, nlp=nlp)
    assert not again.unchanged and again.extracted == 0  # records reused, global half redone


def _decoded(monkeypatch) -> list[str]:
    """The files the reader decodes from now on (a file whose stored read is reused is not)."""
    import newsgraph.extract.read as read_mod

    seen: list[str] = []
    real = read_mod.decode_file
    def spy(source, *rest):
        seen.append(source)
        return real(source, *rest)

    monkeypatch.setattr(read_mod, "decode_file", spy)
    return seen


def test_changed_reader_code_reads_the_files_again_but_keeps_the_records(nlp, tmp_path, monkeypatch):
    import newsgraph.graph.build

    first = build([A, B], tmp_path, nlp=nlp)
    decoded = _decoded(monkeypatch)
    monkeypatch.setattr(newsgraph.graph.build, "reader_version", lambda: "another-reader")
    again = build([A, B], tmp_path, nlp=nlp)
    assert not again.unchanged and (again.extracted, again.cached) == (0, first.articles)
    assert sorted(decoded) == sorted([A, B])
    assert read_manifest(tmp_path)["reader"] == "another-reader"


def test_changed_extractor_code_extracts_again_but_keeps_the_stored_reads(nlp, tmp_path, monkeypatch):
    import newsgraph.graph.build

    first = build([A, B], tmp_path, nlp=nlp)
    decoded = _decoded(monkeypatch)
    monkeypatch.setattr(newsgraph.graph.build, "pipeline_version", lambda model, nlp: "other-records")
    again = build([A, B], tmp_path, nlp=nlp)
    assert not again.unchanged and (again.extracted, again.cached) == (first.articles, 0)
    assert decoded == []


def test_a_changed_article_is_the_only_one_extracted(nlp, tmp_path):
    digest = tmp_path / "digest.txt"
    text = Path(A).read_text(encoding="utf-8")
    digest.write_text(text, encoding="utf-8")
    build([str(digest)], tmp_path / "out", nlp=nlp)
    digest.write_text(text.replace("About one hundred monitors", "About two hundred monitors"),
                      encoding="utf-8")
    s = build([str(digest)], tmp_path / "out", nlp=nlp)
    assert (s.extracted, s.cached) == (1, 4)
    fresh = build([str(digest)], tmp_path / "fresh", nlp=nlp)
    assert fresh.extracted == 5
    assert (tmp_path / "out" / "graph.ttl").read_bytes() == (tmp_path / "fresh" / "graph.ttl").read_bytes()


def _cached(db: Path) -> int:
    try:
        with sqlite3.connect(db, timeout=1) as con:
            return con.execute("SELECT COUNT(*) FROM records").fetchone()[0]
    except sqlite3.Error:
        return 0


def test_sigkilled_build_resumes_without_redoing_finished_articles(tmp_path):
    sys.path.insert(0, str(ROOT / "bench"))
    from corpus import digest

    corpus = tmp_path / "corpus.txt"
    corpus.write_text(digest(96, seed=7), encoding="utf-8")
    out = tmp_path / "out"
    exe = str(Path(sys.executable).parent / "newsgraph")
    cmd = [exe, "build", str(corpus), "-o", str(out), "--workers", "1", "--batch-size", "8", "--no-progress"]
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    db, deadline = out / "cache" / "records.sqlite", time.monotonic() + 240
    while _cached(db) < 16 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.2)
    if proc.poll() is not None:
        pytest.skip("the build finished before it could be killed")
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL
    done = _cached(db)
    assert 16 <= done < 96 and not (out / "manifest.json").exists()
    resumed = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert resumed.returncode == 0, resumed.stderr
    m = re.search(r"extracted: (\d+) \(cache hits: (\d+)", resumed.stdout)
    assert m and int(m.group(2)) == done and int(m.group(1)) == 96 - done, resumed.stdout
    assert (out / "graph.ttl").stat().st_size > 0 and read_manifest(out)["inputs"]
