"""Every named query on a real build of the shared development digest, with known answers."""
from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.extract import pipeline
from newsgraph.graph.build import build
from newsgraph.queries.api import actor_network, relations, run
from newsgraph.queries.named import list_queries, open_graph

SHARED = Path(__file__).resolve().parents[2] / "shared"
DIGEST = SHARED / "corpus" / "caucasus-digest-2023-03-23.txt"
pytestmark = pytest.mark.skipif(not DIGEST.exists(), reason="../shared (dev digest) is not beside this "
                                "checkout; it exists in CI and the dev workspace")


@pytest.fixture(scope="module")
def g(tmp_path_factory):
    out = tmp_path_factory.mktemp("digest")
    build([str(DIGEST)], out, nlp=pipeline.load())
    return open_graph(out)


def labels(rows, key):
    return {r[key] for r in rows}


def test_who_met_bagheri_kani(g):
    partners = labels(run(g, "who-met", actor="Ali Bagheri Kani"), "partnerLabel")
    assert {"Vahan Kostanyan", "Ararat Mirzoyan"} <= partners


def test_corroborated_includes_the_22_march_consultations(g):
    rows = run(g, "corroborated")
    assert any(r["eventType"] == "CONSULT" and r["date"] == "2023-03-22" and int(r["sourceCount"]) >= 2
               for r in rows), rows


def test_officials(g):
    rows = {(r["personLabel"], r["role"], r["organizationLabel"])
            for r in run(g, "officials", actor="Pashinyan")}
    assert ("Nikol Pashinyan", "Prime Minister", "Armenia") in rows


def test_actors_by_type(g):
    states = labels(run(g, "actors", type="State"), "label")
    assert {"Iran", "Russia", "Ukraine", "Azerbaijan"} <= states


def test_events_of_and_timeline(g):
    assert "REQUEST" in labels(run(g, "events-of", actor="Kirby"), "eventType")
    dates = [r["date"] for r in run(g, "timeline", actor="Bagheri Kani") if r.get("date")]
    assert dates == sorted(dates) and "2023-03-22" in dates


def test_interactions_between_blinken_and_aliyev(g):
    rows = run(g, "interactions", actor="Blinken", other="Ilham Aliyev")
    assert {"CONSULT", "REQUEST"} <= labels(rows, "eventType")
    assert all(r["evidence"] for r in rows)


def test_sources_of_a_corroborated_event(g):
    event = next(r["event"] for r in run(g, "corroborated") if r["date"] == "2023-03-22")
    outlets = labels(run(g, "sources-of", event=event), "outletLabel")
    assert {"Armenpress", "Asharq Al-Awsat"} <= outlets


def test_cited_by(g):
    rows = run(g, "cited-by")
    assert any(r["sourceLabel"] == "European-Mediterranean Seismological Center" for r in rows), rows


def test_statements_by_obrien(g):
    quotes = [r["quote"] for r in run(g, "statements", actor="Melanie O'Brien")]
    assert any(q.startswith("Our members conduct scholarly work") for q in quotes)


def test_events_of_a_type_and_the_actor_network(g):
    assert labels(run(g, "events", type="DISASTER"), "eventType") == {"DISASTER"}
    pairs = run(g, "actor-network")
    assert any(int(r["events"]) >= 1 for r in pairs)
    net = actor_network(g)
    assert net.number_of_edges() > 10


def test_relations_have_evidence(g):
    rels = relations(g, "Blinken", "Ilham Aliyev")
    assert rels and all(r.get("evidence") or r.get("relation") for r in rels)


def test_every_named_query_runs_on_the_digest(g):
    needs = {"actor": "Bagheri Kani", "other": "Armenia", "event": None}
    for q in list_queries():
        if "event" in q.params:
            continue  # covered by test_sources_of_a_corroborated_event
        params = {p: needs[p] for p in q.params}
        assert isinstance(run(g, q.name, **params), list), q.name
