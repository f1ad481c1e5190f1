"""Named queries on tests/data/mini.ttl: known answers, optional parameters, hostile values."""
from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph

from newsgraph.queries.api import run
from newsgraph.queries.named import QueryError, execute, list_queries, load_query, open_graph, resolve_actor

MINI = Path(__file__).parent / "data" / "mini.ttl"
ID = "https://w3id.org/newsgraph/id/"
NEEDED = {"actors", "officials", "events-of", "timeline", "interactions", "who-met", "sources-of",
          "corroborated", "cited-by", "statements", "actor-network", "events"}


@pytest.fixture(scope="module")
def g() -> Graph:
    return open_graph(MINI)


def col(rows, key):
    return [row[key] for row in rows]


def test_every_needed_query_exists_with_header():
    queries = {q.name: q for q in list_queries()}
    assert set(queries) >= NEEDED
    for query in queries.values():
        assert query.summary, query.name
        assert "PREFIX ng:" in query.text
        for param in query.params + query.optional:
            assert f"?{param}" in query.text, (query.name, param)


def test_every_query_parses_standalone(g):
    for query in list_queries():
        g.query(query.text)  # unbound parameters: must still be valid SPARQL


def test_actors_filters(g):
    assert len(run(g, "actors")) == 18
    assert col(run(g, "actors", type="state"), "label") == ["Armenia", "Iran", "Azerbaijan", "France"]
    assert set(col(run(g, "actors", sector="gov"), "label")) == {
        "Ali Bagheri Kani", "Vahan Kostanyan", "Ilham Aliyev"}
    assert set(col(run(g, "actors", country="Azerbaijan", type="Person"), "label")) == {
        "Ilham Aliyev", "Samir Aliyev"}


def test_officials(g):
    rows = run(g, "officials")
    assert ("Vahan Kostanyan", "Deputy Foreign Minister", "Armenia", "2023-03-21") in [
        (r["personLabel"], r["role"], r["organizationLabel"], r["published"]) for r in rows]
    assert col(run(g, "officials", country="France"), "personLabel") == ["Élodie Durand"]
    assert col(run(g, "officials", actor="Bagheri"), "role") == ["Deputy Foreign Minister"]


def test_events_of_and_timeline(g):
    rows = run(g, "events-of", actor="Vahan Kostanyan")
    assert [(r["eventType"], r["role"], r["date"]) for r in rows] == [
        ("CONSULT", "participant", "2023-03-20"), ("REQUEST", "target", "2023-03-20"),
        ("CONSULT", "participant", "2023-03-23")]
    assert rows[0]["outlets"] == "Armenpress; Tasnim" and rows[0]["articles"] == 2
    assert len(run(g, "events-of", actor="Kostanyan", type="consult", since="2023-03-21")) == 1
    timeline = run(g, "timeline", actor="Kostanyan", until="2023-03-20")
    assert col(timeline, "eventType") == ["CONSULT", "REQUEST"]
    assert all(r["evidence"] for r in timeline)


def test_interactions(g):
    rows = run(g, "interactions", actor="Bagheri Kani", other="Kostanyan")
    assert [(r["eventType"], r["actorRole"], r["otherRole"], r["outletLabel"]) for r in rows] == [
        ("CONSULT", "participant", "participant", "Armenpress"),
        ("CONSULT", "participant", "participant", "Tasnim"),
        ("REQUEST", "agent", "target", "Tasnim")]
    assert all(r["evidence"] and r["article"] for r in rows)
    assert run(g, "interactions", actor="Durand", other="Bagheri Kani") == []


def test_who_met(g):
    rows = run(g, "who-met", actor="kostanyan")
    assert [(r["partnerLabel"], r["meetings"]) for r in rows] == [
        ("Ali Bagheri Kani", 1), ("Élodie Durand", 1)]
    assert col(run(g, "who-met", actor="Elodie Durand"), "partnerLabel") == ["Vahan Kostanyan"]


def test_sources_of_and_corroborated(g):
    rows = run(g, "sources-of", event=ID + "event/e1")
    assert col(rows, "outletLabel") == ["Armenpress", "Tasnim"]
    assert set(col(rows, "sourceCount")) == {2}
    corroborated = run(g, "corroborated")
    assert col(corroborated, "event") == [ID + "event/e1", ID + "event/e6"]
    assert corroborated[1]["outletNames"] == "Armenpress; Trend"
    assert col(run(g, "corroborated", type="DISASTER"), "event") == [ID + "event/e6"]


def test_cited_by_and_statements(g):
    rows = run(g, "cited-by")
    assert [(r["outletLabel"], r["sourceLabel"]) for r in rows] == [
        ("Armenpress", "EMSC"), ("Armenpress", "Trend"), ("Tasnim", "Bloomberg"), ("Trend", "EMSC")]
    assert col(run(g, "cited-by", outlet="Tasnim"), "sourceLabel") == ["Bloomberg"]
    assert len(run(g, "statements")) == 3
    said = run(g, "statements", actor="Bagheri-Kani")
    assert col(said, "outletLabel") == ["Armenpress", "Tasnim"]


def test_actor_network_and_events(g):
    rows = run(g, "actor-network")
    pairs = {(r["aLabel"], r["bLabel"], r["eventType"]): r["events"] for r in rows}
    assert pairs[("Ali Bagheri Kani", "Vahan Kostanyan", "CONSULT")] == 1
    assert len(rows) == 5
    assert len(run(g, "actor-network", type="CONSULT")) == 2
    assert col(run(g, "events", place="Armenia"), "event") == [ID + "event/e1", ID + "event/e5"]
    one_day = run(g, "events", since="2023-03-22", until="2023-03-22")
    assert col(one_day, "eventType") == ["DISASTER", "SUPPORT"]
    assert len(run(g, "events")) == 6


def test_resolve_actor(g):
    assert resolve_actor(g, "ÉLODIE durand") == resolve_actor(g, "elodie-durand")
    assert str(resolve_actor(g, "trend.az")).endswith("outlet/trend")
    assert str(resolve_actor(g, ID + "actor/state/ARM")).endswith("ARM")
    with pytest.raises(QueryError, match="ambiguous.*Ilham Aliyev.*Samir Aliyev"):
        resolve_actor(g, "Aliyev")
    with pytest.raises(QueryError, match="unknown actor"):
        resolve_actor(g, "Nobody Atall")
    with pytest.raises(QueryError, match="unknown actor IRI"):
        resolve_actor(g, "https://example.org/none")


def test_parameter_errors(g):
    with pytest.raises(QueryError, match="missing parameter"):
        execute(g, "events-of")
    with pytest.raises(QueryError, match="unknown parameter"):
        execute(g, "events-of", {"actor": "Iran", "colour": "red"})
    with pytest.raises(QueryError, match="expected a date"):
        execute(g, "events", {"since": "last week"})
    with pytest.raises(QueryError, match="unknown type"):
        execute(g, "events", {"type": "PARTY"})
    with pytest.raises(QueryError, match="no named query"):
        load_query("../etc/passwd")


HOSTILE = ['"', "'", "}", '"} ; DROP ALL', "} ; DROP ALL", '"> . ?s ?p ?o', "?s ?p ?o", "\\", "{ }",
           'GOV" || true || "']


@pytest.fixture(scope="module", params=["rdflib", "store"])
def any_g(request, g, mini_store):
    """mini.ttl as an rdflib Graph, then as a build's Oxigraph store (queries run in Oxigraph)."""
    if request.param == "rdflib":
        yield g
        return
    store_graph = open_graph(mini_store)
    yield store_graph
    store_graph.close()


@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_values_cannot_change_a_query(any_g, value):
    g = any_g
    # Actor parameters: a hostile value is just an unknown name.
    with pytest.raises(QueryError):
        execute(g, "events-of", {"actor": value})
    # Literal parameters are bound as one literal: no rows instead of all rows.
    assert run(g, "actors", sector=value) == []
    # Dates and types are validated before anything runs.
    with pytest.raises(QueryError):
        execute(g, "events", {"since": value})
    with pytest.raises(QueryError):
        execute(g, "events", {"type": value})
    with pytest.raises(QueryError):
        execute(g, "sources-of", {"event": value})
    assert len(g) == 285  # nothing was changed


def test_lists_are_sorted_and_deterministic(g):
    first = run(g, "events")
    assert first == run(g, "events")
    for row in first:
        for key in ("agents", "targets", "participants"):
            parts = row[key].split("; ") if row[key] else []
            assert parts == sorted(set(parts))


def test_resolve_actor_uses_the_one_name_key():
    from rdflib import Literal, URIRef

    from newsgraph.graph.rdf.vocab import NG, RDF, RDFS, SKOS
    small = Graph()
    office, review = URIRef(ID + "actor/org/us-tarvel-office"), URIRef(ID + "actor/outlet/varnholm-review")
    small.add((office, RDF.type, NG.Organization)).add((office, RDFS.label, Literal("U.S. Tarvel Office")))
    small.add((review, RDF.type, NG.Outlet)).add((review, RDFS.label, Literal("The Varnholm Review")))
    small.add((review, SKOS.altLabel, Literal("Varnholm-Rev\u00fce")))
    assert resolve_actor(small, "US Tarvel Office") == resolve_actor(small, "u.s. tarvel office") == office
    assert resolve_actor(small, "Varnholm Review\u2019s") == review
    assert resolve_actor(small, "varnholm revue") == review
