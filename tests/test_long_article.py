"""A long article is parsed in blocks of paragraphs (newsgraph.extract.pipeline.parse) with the real model.

Memory is measured by ``bench/huge_article.py`` (a real build under ``/usr/bin/time -v``), not here.
"""
from __future__ import annotations

import pytest

from newsgraph.extract import pipeline
from newsgraph.extract.read.digest import split_digest

PARAGRAPHS = [
    "Foreign Minister Marta Kowalczyk met the Austrian envoy in Vienna on Monday.",
    "The Harbour Workers Union criticised the port authority over the new fees.",
    "Kowalczyk said the talks with the European Commission would resume in Geneva.",
    "Police arrested two protesters near the parliament in Lisbon, officials said.",
]


@pytest.fixture(scope="module")
def nlp():
    return pipeline.load()


def facts(records):
    return (sorted((e.name, e.kind) for e in records.entities),
            sorted((ev.trigger, ev.type, ev.start, ev.agents, ev.targets) for ev in records.events))


def test_blocks_join_back_to_the_text():
    text = "\n\n".join(PARAGRAPHS * 50)
    pieces = list(pipeline.blocks(text, 1000))
    assert "".join(pieces) == text and max(map(len, pieces)) <= 1000
    assert all(p.endswith("\n\n") for p in pieces[:-1])


def test_a_long_article_parsed_in_blocks_gives_the_records_of_one_parse(nlp):
    text = "Envoys hold a long round of talks\n\nMarch 3 2023\n\n" + "\n\n".join(PARAGRAPHS * 12) + "\n"
    [article], _ = split_digest(text, source="long.txt")
    whole = pipeline.records_of(nlp(article.text), article)
    blocks = pipeline.records_of(pipeline.parse(nlp, article.text, chunk_chars=1500), article)
    assert facts(blocks) == facts(whole)
    assert len(blocks.events) == len(whole.events) > 0 and ("Marta Kowalczyk", "Person") in facts(blocks)[0]


def test_extract_parses_long_articles_in_order(nlp, monkeypatch):
    short = "Talks resume\n\nMarch 3 2023\n\nThe envoy met the minister in Vienna.\n"
    long = "Envoys hold a long round of talks\n\nMarch 3 2023\n\n" + "\n\n".join(PARAGRAPHS * 12) + "\n"
    arts = [split_digest(t, source=f"{i}.txt")[0][0] for i, t in enumerate([short, long, short])]
    monkeypatch.setattr(pipeline, "CHUNK_CHARS", 1500)  # a constant of the module, not a mock of spaCy
    got = list(pipeline.extract(nlp, arts, batch_size=3))
    assert [r.article.source for r in got] == ["0.txt", "1.txt", "2.txt"]
    assert facts(got[1]) == facts(pipeline.records_of(nlp(arts[1].text), arts[1]))
