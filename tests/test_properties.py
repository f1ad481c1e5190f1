"""Property-based tests (hypothesis): the digest splitter, the JSONL reader, IRI minting, the exporters.

Example counts are fixed (``EXAMPLES``) and no deadline applies, so each property
stays within a few seconds on a shared machine.
"""
from __future__ import annotations

import io
import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic

from newsgraph.extract.read.digest import split_digest
from newsgraph.extract.read.jsonl import BLANK_CONTROLS, read_jsonl
from newsgraph.graph.export import gephi
from newsgraph.graph.rdf.vocab import DEFAULT_BASE, NG, RDF, RDFS, SCHEMA
from newsgraph.graph.resolve.keys import KIND_PATH, actor_key, unique_keys
from tests import oracle

EXAMPLES = 200
FAST = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Lines that look like digest parts, so the splitter's boundary rules are exercised, not only noise.
LINE = st.one_of(
    st.sampled_from(["Share", "Save", "March 3 2023", "Australia \u2013 March 23 2023", "By Jane Doe",
                     "https://www.example-news.com/a", "---", "Talks resume in Vienna", "eureporter",
                     "VIENNA (Reuters) - Envoys met again.", "The ministers met for two hours.", "", " ",
                     "\u201cWe will see,\u201d he said.", "\r"]),
    st.text(max_size=40),
)
DIGEST_TEXT = st.one_of(st.text(max_size=300), st.lists(LINE, max_size=30).map("\n".join))


def check_articles(text, articles, problems):
    assert all(a.index == i for i, a in enumerate(articles))
    assert all(x.end <= y.start for x, y in zip(articles, articles[1:], strict=False))
    assert all(0 <= a.start <= a.end <= len(text) for a in articles)
    assert all(isinstance(p.reason, str) and p.reason for p in problems)


@FAST
@given(DIGEST_TEXT)
def test_digest_splitter_on_any_text(text):
    articles, problems = split_digest(text, source="x.txt")
    check_articles(text, articles, problems)
    for a in articles:
        assert a.body and text[a.body_start:a.body_start + len(a.body)] == a.body
        assert a.start <= a.body_start and a.body_start + len(a.body) <= a.end


SCALAR = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20)
JSON_VALUE = st.recursive(SCALAR, lambda inner: st.lists(inner, max_size=3)
                          | st.dictionaries(st.text(max_size=5), inner, max_size=3), max_leaves=6)
FEED_KEYS = st.sampled_from(["title", "headline", "text", "body", "maintext", "date", "published", "outlet",
                             "source", "url", "author", "authors", "id", "other"])
JSON_LINE = st.one_of(st.dictionaries(FEED_KEYS, JSON_VALUE | st.text(max_size=60), max_size=6)
                      .map(json.dumps), st.text(max_size=40))
FEED_TEXT = st.one_of(st.text(max_size=300),
                      st.lists(JSON_LINE, max_size=8).flatmap(lambda ls: st.sampled_from(["\n", "\r\n"]).map(
                          lambda nl: nl.join(ls))))


def clean(value: str) -> str:
    return "".join("\ufffd" if "\ud800" <= c <= "\udfff" else c for c in value.translate(BLANK_CONTROLS))


@FAST
@given(FEED_TEXT)
def test_jsonl_reader_on_any_text(text):
    articles, problems = read_jsonl(text, source="f.jsonl")
    check_articles(text, articles, problems)
    for a in articles:
        line = text[a.start:a.end]
        assert "\n" not in line and a.body_start == a.start and a.body.strip() == a.body and a.body
        obj = json.loads(line)
        values = [v for k, v in obj.items() if k in ("text", "body", "maintext") and isinstance(v, str)]
        assert any(a.body == clean(v).strip() for v in values)
        assert a.line == text.count("\n", 0, a.start) + 1


LABEL = st.text(max_size=40)
KIND = st.sampled_from(sorted(KIND_PATH) + ["Thing"])


def turtle_round_trip(g: Graph) -> Graph:
    return Graph().parse(data=oracle.turtle_bytes(g).decode("utf-8"), format="turtle")


@FAST
@given(KIND, LABEL, st.one_of(st.none(), st.text(max_size=4)))
def test_actor_iri_is_valid_and_stable(kind, label, code):
    key = actor_key(kind, label, code)
    assert key == actor_key(kind, label, code)
    iri = URIRef(DEFAULT_BASE + key)
    g = Graph()
    g.add((iri, RDFS.label, Literal(label)))
    back = turtle_round_trip(g)
    assert set(back.subjects()) == {iri} and isomorphic(back, g)


@FAST
@given(st.lists(st.tuples(KIND, LABEL), min_size=1, max_size=12, unique=True),
       st.randoms(use_true_random=False))
def test_distinct_actors_never_collide_whatever_the_order(actors, rnd):
    items = [((kind, label), actor_key(kind, label), [kind, label]) for kind, label in actors]
    keys = unique_keys(items)
    assert len(set(keys.values())) == len(actors)
    shuffled = list(items)
    rnd.shuffle(shuffled)
    assert unique_keys(shuffled) == keys


NODE_KINDS = ("Person", "State", "Organization", "Outlet", "Location", "Event", "Article", "Document")
EDGE_PREDICATES = tuple(URIRef(p) for p in gephi.EDGE_LABELS)


# What the reader lets through: no C0 controls (but tab/newline/CR/FF), no DEL, no lone surrogates.
READER_TEXT = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="".join(
    chr(c) for c in [*range(32), 127] if chr(c) not in "\t\n\r\f")), max_size=30).map(str.strip)


@st.composite
def small_graphs(draw, text=READER_TEXT):
    g = Graph()
    n = draw(st.integers(1, 8))
    nodes = [URIRef(f"{DEFAULT_BASE}{draw(KIND).lower()}/{i}") for i in range(n)]
    for node in nodes:
        kind = draw(st.sampled_from(NODE_KINDS))
        g.add((node, RDF.type, NG[kind]))
        for _ in range(draw(st.integers(0, 2))):
            value = draw(text)
            pred = draw(st.sampled_from([RDFS.label, SCHEMA.headline, NG.sector, NG.date]))
            g.add((node, pred, Literal(value)))
    for _ in range(draw(st.integers(0, 12))):
        s, o = draw(st.sampled_from(nodes)), draw(st.sampled_from(nodes))
        g.add((s, draw(st.sampled_from(EDGE_PREDICATES)), o))
    return g


def _write_graphml(g, out) -> None:
    """``graph.graphml`` of ``g`` as a build writes it (the Gephi view, streamed)."""
    graphml = io.BytesIO()
    gephi.write_views(gephi.view_of(g), lambda: graphml, io.BytesIO, io.BytesIO)
    out.write_bytes(graphml.getvalue())


@FAST
@given(small_graphs())
def test_exporters_on_random_graphs(tmp_path_factory, g):
    assert isomorphic(turtle_round_trip(g), g)
    out = tmp_path_factory.mktemp("gephi") / "g.graphml"
    _write_graphml(g, out)
    assert gephi.check_gephi_rules(out) == []


@settings(max_examples=EXAMPLES, deadline=None)
@given(small_graphs(text=st.text(max_size=30)))
def test_gephi_export_on_any_label(tmp_path_factory, g):
    out = tmp_path_factory.mktemp("gephi") / "g.graphml"
    _write_graphml(g, out)
    assert gephi.check_gephi_rules(out) == []
