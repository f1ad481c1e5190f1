"""The embedded Oxigraph store: same triples as graph.ttl, named graphs per article, partial updates."""
from __future__ import annotations

from pathlib import Path

import pytest
import rdflib

from newsgraph.extract.read import read_inputs
from newsgraph.graph.build import build
from newsgraph.graph.build.workers import extract_batch
from newsgraph.graph.rdf.vocab import DEFAULT_BASE
from newsgraph.graph.resolve import resolve
from newsgraph.graph.store import graph_hashes, open_ox, open_store, update_store
from newsgraph.queries.named import execute
from tests.oracle import quads

ROOT = Path(__file__).resolve().parents[1]
XSD_STRING = rdflib.XSD.string


def _plain(term):
    """Oxigraph gives simple literals back typed xsd:string (the same RDF 1.1 term)."""
    if isinstance(term, rdflib.Literal) and term.datatype == XSD_STRING:
        return rdflib.Literal(str(term))
    return term


def _text(term) -> str:
    """Row values as text; an empty GROUP_CONCAT is "" in rdflib but unbound in Oxigraph."""
    return "" if term is None else str(term)


@pytest.fixture(scope="module")
def built(nlp, tmp_path_factory):
    out = tmp_path_factory.mktemp("store")
    summary = build([str(ROOT / "examples")], out, nlp=nlp)
    return out, summary


@pytest.fixture(scope="module")
def records(nlp):
    arts = [a for r in read_inputs([str(ROOT / "examples")]) for a in r.articles]
    return extract_batch(None, arts, nlp)


def test_store_union_equals_the_turtle_export(built):
    out, summary = built
    g = open_store(out)
    try:
        turtle = rdflib.Graph().parse(out / "graph.ttl")
        assert len(g) == summary.triples == len(turtle)
        assert {tuple(map(_plain, t)) for t in g.triples((None, None, None))} == set(turtle)
    finally:
        g.close()


def test_one_named_graph_per_article_plus_resolved_and_documents(built):
    out, summary = built
    names = {g.value for g in open_ox(out, read_only=True).named_graphs()}
    articles = {n for n in names if n.startswith(DEFAULT_BASE + "graph/article/")}
    assert len(articles) == summary.articles
    assert {DEFAULT_BASE + "graph/resolved", DEFAULT_BASE + "graph/documents"} <= names


def test_queries_and_api_read_the_store(built):
    from oxrdflib import OxigraphStore

    from newsgraph.queries.api import actor_network, run
    from newsgraph.queries.named import open_graph

    out, _ = built
    g = open_graph(out)  # what `newsgraph query/sparql/serve` and the Python API open
    assert isinstance(g.store, OxigraphStore)
    partners = {r["partnerLabel"] for r in run(g, "who-met", actor="Mirzoyan")}
    assert "Jeyhun Bayramov" in partners
    assert actor_network(g).number_of_edges() > 0


@pytest.mark.parametrize("name,params", [("actors", {}), ("events", {}), ("officials", {}),
                                         ("who-met", {"actor": "Bayramov"}),
                                         ("events-of", {"actor": "Mirzoyan"})])
def test_named_queries_give_the_same_rows_on_the_store(built, name, params):
    out, _ = built
    turtle = rdflib.Graph().parse(out / "graph.ttl")
    g = open_store(out)
    try:
        on_store = sorted(tuple(map(_text, row)) for row in execute(g, name, dict(params)))
    finally:
        g.close()
    assert on_store == sorted(tuple(map(_text, row)) for row in execute(turtle, name, dict(params)))
    assert on_store


def test_update_replaces_only_changed_graphs(records, tmp_path):
    full, fewer = resolve(records), resolve(records[1:])
    first = update_store(tmp_path, full)
    assert first.removed == 0 and first.replaced == len(graph_hashes(tmp_path))
    assert update_store(tmp_path, full).replaced == 0
    update = update_store(tmp_path, fewer)
    assert update.removed >= 1 and update.kept >= 1
    want = {(DEFAULT_BASE + n, s.n3(), p.n3(), o.n3()) for n, s, p, o in quads(fewer)}
    store = open_ox(tmp_path, read_only=True)
    got = set()
    for q in store:
        g = rdflib.Dataset()
        g.parse(data=f"{q} .", format="nquads")
        for s, p, o, ctx in g.quads((None, None, None, None)):
            got.add((str(ctx.identifier if hasattr(ctx, "identifier") else ctx), s.n3(), p.n3(),
                     _plain(o).n3()))
    assert got == want


def test_open_store_without_a_store_raises(tmp_path):
    with pytest.raises(OSError):
        open_store(tmp_path)
