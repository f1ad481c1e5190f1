"""Nothing lost: every article the splitter finds is in the graph or in the skipped list.

The inputs are the sample (``examples/``), the bad-input files, a file with an
article over the length limit, and the shared digest when present.  Each file is
split again here, independently of the build, with the raw splitters
(:func:`newsgraph.extract.read.digest.split_digest`, :func:`newsgraph.extract.read.jsonl.read_jsonl`); every
article found must be an ``ng:Article`` of the built graph with its headline and
a ``prov:qualifiedDerivation`` giving the same file, index and
``ng:sourceStart``/``ng:sourceEnd`` span -- or a skipped Problem naming that file
and article.  Every non-blank JSONL line is an article or a skipped line.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, Namespace, URIRef

from newsgraph.extract import pipeline
from newsgraph.extract.read import decode, read_inputs
from newsgraph.extract.read.decoding import binary_kind, nul_padding, refuse_text
from newsgraph.extract.read.digest import split_digest
from newsgraph.extract.read.jsonl import read_jsonl
from newsgraph.graph.build import build

ROOT = Path(__file__).resolve().parents[1]
DIGEST = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "caucasus-digest-2023-03-23.txt"
NG = Namespace("https://w3id.org/newsgraph/ontology#")
PROV = Namespace("http://www.w3.org/ns/prov#")
SCHEMA = Namespace("https://schema.org/")
RDF_TYPE = URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
LIMIT = 20_000


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("conservation")
    long_one = tmp / "long_article.txt"
    long_one.write_text("Short note on roads\n\nMarch 1 2023\n\nThe new road opened on Monday in Tartu.\n\n"
                        "https://www.road-news.example/a\n\n"
                        "Very long council minutes\n\nMarch 2 2023\n\n" + "The council met again. " * 1500
                        + "\n", encoding="utf-8")
    inputs = [str(ROOT / "examples"), str(ROOT / "tests" / "data" / "bad"), str(long_one)]
    if DIGEST.exists():
        inputs.append(str(DIGEST))
    summary = build(inputs, tmp / "out", nlp=pipeline.load(), max_article_chars=LIMIT)
    files = [r.document.source for r in read_inputs(inputs) if r.document is not None]
    return summary, Graph().parse(tmp / "out" / "graph.ttl"), files


def found_by_splitter(source: str):
    """(articles, JSONL lines) the raw splitter finds in ``source`` (nothing for refused files)."""
    raw = Path(source).read_bytes()
    if binary_kind(raw):
        return [], []
    text, _ = decode(raw[:len(raw) - nul_padding(raw)])
    if refuse_text(text):
        return [], []
    if source.endswith(".jsonl"):
        lines = [no for no, line in enumerate(text.split("\n"), 1) if line.strip()]
        return read_jsonl(text, source=source)[0], lines
    return split_digest(text, source=source)[0], []


def in_graph(g: Graph) -> set[tuple[str, int, int, int, str]]:
    """(file, index, sourceStart, sourceEnd, headline) of every derivation of every article."""
    rows = set()
    for a in g.subjects(RDF_TYPE, NG.Article):
        headline = str(g.value(a, SCHEMA.headline) or "")
        for der in g.objects(a, PROV.qualifiedDerivation):
            doc = g.value(der, PROV.entity)
            rows.add((str(g.value(doc, PROV.atLocation)), int(g.value(der, NG.articleIndex)),
                      int(g.value(der, NG.sourceStart)), int(g.value(der, NG.sourceEnd)), headline))
    return rows


def test_every_article_is_built_or_skipped_with_a_reason(built):
    summary, g, files = built
    rows = in_graph(g)
    skipped = {(p.source, p.article) for p in summary.skipped if p.article is not None}
    kept, dropped = set(), 0
    for source in files:
        for a in found_by_splitter(source)[0]:
            if (source, a.index, a.start, a.end, a.headline) in rows:
                kept.add(a.key)
            else:
                assert (source, a.index) in skipped, f"{source} article {a.index} ({a.headline!r}) lost"
                dropped += 1
    assert len(kept) == summary.articles and dropped == len(skipped) >= 1
    assert any("over the limit" in p.reason for p in summary.skipped)


def test_every_jsonl_line_is_an_article_or_skipped(built):
    summary, g, files = built
    rows = in_graph(g)
    for source in (f for f in files if f.endswith(".jsonl")):
        articles, lines = found_by_splitter(source)
        built_lines = {a.line for a in articles if any(r[:2] == (source, a.index) for r in rows)}
        skipped_lines = {p.line for p in summary.skipped if p.source == source}
        assert set(lines) == built_lines | skipped_lines and not built_lines & skipped_lines


def test_no_file_is_silently_ignored(built):
    summary, g, files = built
    located = {str(o) for o in g.objects(None, PROV.atLocation)}
    problem_files = {p.source for p in summary.problems}
    for source in files:
        assert source in located or source in problem_files, source
