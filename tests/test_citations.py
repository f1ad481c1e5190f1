"""Tests for extract/citations.py on invented sentences (entities set by hand on the real parse)."""
from __future__ import annotations

from newsgraph.extract.attribution.citations import citations, parenthetical_sources
from tests.test_roles import make


def cited(doc):
    by_id = {e.id: e.name for e in doc._.ng_entities}
    return sorted({by_id[c.source] for c in citations(doc)})


def test_parenthetical_parts():
    t = ("Shots were heard (see Harbor Times, May 2; example.org/feed, May 3) and "
         "(Agency A / Agency B - 4 May).")
    assert [n for _, _, n in parenthetical_sources(t)] == ["Harbor Times", "example.org/feed", "Agency A",
                                                            "Agency B"]
    assert parenthetical_sources("The league (NL) met in (the old hall).") == []


def test_parenthetical_citation_to_entity(nlp):
    doc = make(nlp, "The plant was closed (Valley Post, March 4).", {"Valley Post": "Outlet"})
    assert cited(doc) == ["Valley Post"]


def test_source_verbs_and_own_outlet(nlp):
    doc = make(nlp, "NORTHWIRE reports that the Seismic Institute reports a quake. "
               "Bloomberg published a chart.",
               {"NORTHWIRE": "Outlet", "Seismic Institute": "Organization", "Bloomberg": "Outlet",
                "Northwire": "Outlet"})
    doc._.ng_meta = ("E3", None, ())  # the article is Northwire's own
    assert cited(doc) == ["Bloomberg", "Seismic Institute"]


def test_informed_from_and_according_to(nlp):
    doc = make(nlp, "The agency was informed by the Sylvanian Foreign Ministry. According to the source, "
               "talks resume soon. According to local media, nothing changed.",
               {"Sylvanian Foreign Ministry": "Organization"})
    cs = list(citations(doc))
    assert {c.source for c in cs} == {"E0"} and len(cs) == 2


def test_government_and_capital_stand_for_state(nlp):
    doc = make(nlp, "Armenia was quiet. The Armenian government announced new rules. "
               "Yerevan announced a fund.",
               {"Armenia": "State", "Yerevan": "Location"})
    cs = list(citations(doc))
    assert {c.source for c in cs} == {"E0"} and len(cs) == 2


def test_people_speaking_are_not_citations(nlp):
    doc = make(nlp, "Karl Ostrov, director of the Harbor Authority, said the port reopens.",
               {"Karl Ostrov": "Person", "Harbor Authority": "Organization"})
    assert cited(doc) == []


def test_document_by_several_issuers(nlp):
    doc = make(nlp, "A joint document by the Trade Office and the Customs Board identified three routes.",
               {"Trade Office": "Organization", "Customs Board": "Organization"})
    assert cited(doc) == ["Customs Board", "Trade Office"]


def test_quotes_are_not_searched(nlp):
    doc = make(nlp, 'Ana Vik wrote: "The Customs Board reported nothing at all."',
               {"Ana Vik": "Person", "Customs Board": "Organization"})
    assert cited(doc) == []
