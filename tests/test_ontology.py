"""Tests of graph/rdf/ontology.ttl and graph/rdf/shapes.ttl against graph/vocab.py, the spec and the one
declaration of the event types, extract/lexicon/data/event_types.toml."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from rdflib import Graph, Literal, Namespace
from rdflib.collection import Collection
from rdflib.namespace import OWL

from newsgraph.extract.lexicon.event_types import event_types
from newsgraph.graph.rdf.mapping import event_type_groups
from newsgraph.graph.rdf.terms import groups_of
from newsgraph.graph.rdf.vocab import EVENT_TYPES, NG, ORG, RDF, RDFS, SCHEMA, SEM, SKOS

ROOT = Path(__file__).resolve().parents[1]
CAMEO = Path(__file__).resolve().parents[2] / "shared" / "reference" / "plover" / "CAMEO2PLOVER-2021.txt"
SH = Namespace("http://www.w3.org/ns/shacl#")


@pytest.fixture(scope="module")
def onto() -> Graph:
    return Graph().parse(ROOT / "graph" / "rdf" / "ontology.ttl")


def test_every_vocab_term_declared_with_label_and_comment(onto):
    missing = [name for name in (*NG.__annotations__, *EVENT_TYPES)
               if onto.value(NG[name], RDFS.label) is None or onto.value(NG[name], RDFS.comment) is None
               or onto.value(NG[name], RDF.type) is None]
    assert missing == []


def test_spec_subclass_and_subproperty_links(onto):
    for sub, sup in ((NG.Article, SCHEMA.NewsArticle), (NG.Person, NG.Actor), (NG.Person, SCHEMA.Person),
                     (NG.State, NG.Actor), (NG.State, SCHEMA.Country), (NG.Organization, NG.Actor),
                     (NG.Organization, ORG.Organization), (NG.Outlet, NG.Organization),
                     (NG.Location, SCHEMA.Place), (NG.Event, SEM.Event), (NG.Event, SCHEMA.Event)):
        assert (sub, RDFS.subClassOf, sup) in onto, (sub, sup)
    for prop in (NG.agent, NG.target, NG.participant):
        assert (prop, RDFS.subPropertyOf, SEM.hasActor) in onto
    assert (NG.place, RDFS.subPropertyOf, SEM.hasPlace) in onto
    assert all((NG[c], RDF.type, OWL.Class) in onto for c in ("Event", "Actor", "Citation"))


def test_event_types(onto):
    for name in EVENT_TYPES:
        assert (NG[name], RDF.type, NG.EventType) in onto
        assert onto.value(NG[name], SKOS.notation) == Literal(name)
    assert not list(onto.objects(NG.DISASTER, NG.cameoRoot))


@pytest.mark.skipif(not CAMEO.exists(), reason="../shared/reference/plover is not beside this checkout")
def test_cameo_roots_match_the_plover_table(onto):
    want: dict[str, set[str]] = {}
    for line in CAMEO.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^(\d{2}):\s*([A-Z]+)\s*$", line)
        if m:
            want.setdefault(m.group(2), set()).add(m.group(1))
    got = {n: {str(o) for o in onto.objects(NG[n], NG.cameoRoot)} for n in EVENT_TYPES if n != "DISASTER"}
    assert got == want


def test_ontology_declares_the_event_types_of_the_data_file(onto):
    declared = {t.name: t for t in event_types()}
    assert set(onto.subjects(RDF.type, NG.EventType)) == {NG[n] for n in declared}
    for name, t in declared.items():
        assert set(onto.objects(NG[name], RDFS.label)) == {Literal(t.label, lang="en")}, name
        assert set(onto.objects(NG[name], RDFS.comment)) == {Literal(t.comment, lang="en")}, name
        assert set(onto.objects(NG[name], SKOS.notation)) == {Literal(name)}, name
        assert set(onto.objects(NG[name], NG.cameoRoot)) == {Literal(c) for c in t.cameo}, name


def test_the_mapping_gives_the_ontologys_event_type_triples(onto):
    """The triples the mapping once read from ontology.ttl, now made from the data file: the same."""
    wanted = (RDF.type, SKOS.notation, NG.cameoRoot, RDFS.label)
    from_onto = {(t, p, o) for t in onto.subjects(RDF.type, NG.EventType)
                 for p, o in onto.predicate_objects(t) if p in wanted}
    assert event_type_groups() == tuple(groups_of(from_onto))


def test_shapes_allow_exactly_the_event_types_in_order():
    shapes = Graph().parse(ROOT / "graph" / "rdf" / "shapes.ttl")
    prop = next(shapes.subjects(SH.path, SKOS.notation))
    assert [str(x) for x in Collection(shapes, shapes.value(prop, SH["in"]))] == list(EVENT_TYPES)
    assert list(EVENT_TYPES) == [t.name for t in event_types()]


def test_shapes_parse_and_cover_the_main_classes():
    shapes = Graph().parse(ROOT / "graph" / "rdf" / "shapes.ttl")
    targets = set(shapes.objects(None, SH.targetClass))
    assert {NG.Article, NG.Actor, NG.Person, NG.State, NG.Organization, NG.Outlet, NG.Location, NG.Event,
            NG.EventMention, ORG.Membership, NG.Statement, NG.Document, NG.Citation} <= targets
