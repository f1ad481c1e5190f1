"""The newsgraph vocabulary: the one module that spells every IRI.

Core terms follow ``shared/spec/ontology.md`` (a contract: never rename them);
extensions are marked.  External vocabularies come from rdflib's namespaces.  The event-type
terms (``ng:AGREE`` ... ``ng:DISASTER``) are those declared in ``extract/lexicon/data/event_types.toml``
(:mod:`newsgraph.extract.lexicon.event_types`), in its order.

>>> str(NG.Event)
'https://w3id.org/newsgraph/ontology#Event'
>>> str(NG.CONSULT)
'https://w3id.org/newsgraph/ontology#CONSULT'
>>> event_type("assault") == NG.ASSAULT
True
"""
from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import ORG, PROV, RDF, RDFS, SKOS, XSD, DefinedNamespace

from newsgraph.extract.lexicon.event_types import NAMES
from newsgraph.extract.lexicon.event_types import event_type as declared
from newsgraph.graph import DEFAULT_BASE

SCHEMA = Namespace("https://schema.org/")
SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
#: The newsgraph ontology namespace (:class:`NG` spells its terms).
NG_NS = Namespace("https://w3id.org/newsgraph/ontology#")

#: The event types (PLOVER plus DISASTER), as declared in ``extract/lexicon/data/event_types.toml``.
EVENT_TYPES: tuple[str, ...] = NAMES


class NG(DefinedNamespace):
    """newsgraph ontology terms."""

    _NS = NG_NS
    _fail = True
    _extras = list(EVENT_TYPES)   # the event types, ng:AGREE ... ng:DISASTER: terms of the namespace

    # classes (core)
    Document: URIRef
    Article: URIRef
    Outlet: URIRef
    Actor: URIRef
    Person: URIRef
    State: URIRef
    Organization: URIRef
    Location: URIRef
    Event: URIRef
    EventMention: URIRef
    EventType: URIRef
    Statement: URIRef
    # classes (extensions)
    Citation: URIRef          # one attribution of an article to a source, with its sentence

    # properties (core)
    sha256: URIRef
    outlet: URIRef
    dateline: URIRef
    cites: URIRef
    country: URIRef
    sector: URIRef
    countryCode: URIRef
    mentionedIn: URIRef
    statedIn: URIRef
    eventType: URIRef
    cameoRoot: URIRef
    agent: URIRef
    target: URIRef
    participant: URIRef
    place: URIRef
    date: URIRef
    reportedIn: URIRef
    mention: URIRef
    inArticle: URIRef
    evidence: URIRef
    charStart: URIRef
    charEnd: URIRef
    confidence: URIRef
    datePrecision: URIRef
    modality: URIRef
    speaker: URIRef
    quote: URIRef
    # properties (extensions)
    sourceCount: URIRef       # Event -> number of distinct outlets reporting it
    trigger: URIRef           # EventMention -> trigger words
    attributedTo: URIRef      # EventMention -> Actor the report is attributed to
    inHeadline: URIRef        # EventMention -> true: told by the headline (no body offsets)
    sourceStart: URIRef       # Article -> offset of the article in its Document's decoded text
    sourceEnd: URIRef
    articleIndex: URIRef      # Article -> position in its Document
    encoding: URIRef          # Document -> how its bytes were decoded
    citation: URIRef          # Article -> Citation
    citedSource: URIRef       # Citation -> Actor
    cue: URIRef               # Citation -> cue words ("according to")
    statedOn: URIRef          # Membership -> publication date of the article stating it



def event_type(name: str) -> URIRef:
    """IRI of an event type (case-insensitive); for a type that is not declared,
    :class:`~newsgraph.extract.lexicon.event_types.UnknownEventType` (a ``ValueError``) naming it.

    >>> event_type("gossip")
    Traceback (most recent call last):
    ...
    newsgraph.extract.lexicon.event_types.UnknownEventType: unknown event type 'GOSSIP' ...
    """
    return NG[declared(name.upper()).name]


class IRIs:
    """The IRIs of a namespace as plain ``str`` (cheaper to hash and compare than rdflib terms):
    ``IRIs(NG).agent == str(NG.agent)``."""

    def __init__(self, ns) -> None:
        self._ns = ns

    def __getattr__(self, name: str) -> str:
        value = str(self._ns[name])
        setattr(self, name, value)
        return value


ng, prov, schema, org, sem, skos, rdfs, rdf, xsd = (IRIs(n) for n in (NG, PROV, SCHEMA, ORG, SEM, SKOS, RDFS,
                                                                      RDF, XSD))

PREFIXES = {
    "ng": NG_NS, "schema": SCHEMA, "prov": PROV, "org": ORG, "sem": SEM,
    "skos": SKOS, "rdfs": RDFS, "rdf": RDF, "xsd": XSD,
}

__all__ = ["NG", "NG_NS", "SCHEMA", "SEM", "ORG", "PROV", "RDF", "RDFS", "SKOS", "XSD", "EVENT_TYPES",
           "DEFAULT_BASE", "PREFIXES", "event_type", "IRIs", "ng", "prov", "schema", "org", "sem", "skos",
           "rdfs", "rdf", "xsd"]
