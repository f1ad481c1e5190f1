"""The one mapping from a resolved :class:`~graph.model.Model` to RDF triples.

Every fact of the model becomes triples in one of three kinds of named graph:

* ``<base>graph/documents``: input files and the provenance of each article in
  them (``prov:wasDerivedFrom``, one ``prov:Derivation`` node per file the article
  was found in, and ``ng:sourceStart``/``ng:sourceEnd``/``ng:articleIndex`` on the
  article itself for its *first* provenance in (file, index) order);
* ``<base>graph/article/<key>``: what one article says (its metadata, body,
  citations, memberships, statements, event mentions, which actors it names);
* ``<base>graph/resolved``: the resolved layer (actors, events, roles, the
  event-type vocabulary copied from ``graph/ontology.ttl``).

There are no blank nodes: every node has an IRI derived from content keys and
offsets, so the same input always gives the same triples.  Offsets
(``ng:charStart``/``ng:charEnd``) are always offsets into ``schema:articleBody``;
statements and citations found in the headline carry no offsets.

>>> g = to_graph(Model())
>>> (NG.CONSULT, SKOS.notation, Literal("CONSULT")) in g
True
>>> date_literal("2023-03")
rdflib.term.Literal('2023-03', datatype=rdflib.term.URIRef('http://www.w3.org/2001/XMLSchema#gYearMonth'))
>>> date_literal("March") is None
True
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from urllib.parse import quote

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.term import Node

from extract.records import ArticleRecords
from graph.literals import _day, _decimal, _hash, _int, date_literal, slug  # moved; still graph.rdf names
from graph.model import Event, Model
from graph.vocab import (
    DEFAULT_BASE,
    EVENT_TYPES,
    NG,
    ORG,
    PREFIXES,
    PROV,
    RDF,
    RDFS,
    SCHEMA,
    SEM,
    SKOS,
    XSD,
    event_type,
)

ONTOLOGY = Path(__file__).with_name("ontology.ttl")
DOCUMENTS, RESOLVED = "graph/documents", "graph/resolved"
Quad = tuple[str, Node, Node, Node]   # (graph name relative to base, s, p, o)


@lru_cache(maxsize=1)
def _event_type_triples() -> tuple[tuple[Node, Node, Node], ...]:
    """Type, notation, label and CAMEO roots of the 17 event types, from ontology.ttl."""
    wanted = (RDF.type, SKOS.notation, NG.cameoRoot, RDFS.label)
    try:
        onto = Graph().parse(ONTOLOGY, format="turtle")
    except (OSError, SyntaxError, ValueError):
        onto = Graph()
    out = {(event_type(n), RDF.type, NG.EventType) for n in EVENT_TYPES}
    out |= {(event_type(n), SKOS.notation, Literal(n)) for n in EVENT_TYPES}
    for t in onto.subjects(RDF.type, NG.EventType):
        out |= {(t, p, o) for p, o in onto.predicate_objects(t) if p in wanted}
    return tuple(sorted(out, key=lambda t: tuple(x.n3() for x in t)))


class _Mapper:
    """Collects the quads of one model (internal; use :func:`quads`)."""

    def __init__(self, model: Model, base: str):
        self.m, self.base, self.out = model, base, []
        self.docs = {d.source: d for d in model.documents}

    def iri(self, key: str) -> URIRef:
        return URIRef(self.base + quote(key, safe="/:#-_.~"))  # safe keys unchanged; others %-escaped

    def add(self, graph: str, s: Node, p: Node, o: Node | None) -> None:
        if o is not None and not (isinstance(o, Literal) and str(o) == "" and o.datatype is None):
            self.out.append((graph, s, p, o))

    def actor(self, akey: str, local: str | None) -> URIRef | None:
        key = self.m.actor(akey, local)
        return self.iri(key) if key else None

    # -- documents and provenance
    def provenance(self, rec: ArticleRecords) -> None:
        a, art = self.iri(f"article/{rec.article.key}"), rec.article
        rows = sorted((src, idx, s, e) for k, src, idx, s, e in self.m.provenance if k == art.key)
        rows = rows or [(art.source, art.index, art.start, art.end)]
        for n, (src, idx, start, end) in enumerate(rows):
            doc = self.docs.get(src)
            sha = doc.sha256 if doc else art.source_sha256 if src == art.source else _hash(src)
            d = self.iri(f"document/{sha[:16]}")
            if doc is None:
                self.document(d, src, sha, None)
            der = self.iri(f"derivation/{art.key}-{sha[:16]}-{idx}")
            self.add(DOCUMENTS, a, PROV.wasDerivedFrom, d)
            self.add(DOCUMENTS, a, PROV.qualifiedDerivation, der)
            triples = [(RDF.type, PROV.Derivation), (PROV.entity, d), (NG.articleIndex, _int(idx)),
                       (NG.sourceStart, _int(start)), (NG.sourceEnd, _int(end))]
            for p, o in triples:
                self.add(DOCUMENTS, der, p, o)
                if n == 0 and p != RDF.type and p != PROV.entity:
                    self.add(DOCUMENTS, a, p, o)

    def document(self, d: URIRef, source: str, sha: str, encoding: str | None) -> None:
        for p, o in ((RDF.type, NG.Document), (NG.sha256, Literal(sha)), (PROV.atLocation, Literal(source)),
                     (NG.encoding, Literal(encoding) if encoding else None)):
            self.add(DOCUMENTS, d, p, o)

    # -- one article
    def article(self, rec: ArticleRecords) -> None:
        art, akey = rec.article, rec.article.key
        a, g = self.iri(f"article/{akey}"), f"graph/article/{akey}"
        outlet = self.actor(akey, rec.outlet)
        for p, o in ((RDF.type, NG.Article), (RDF.type, SCHEMA.NewsArticle),
                     (SCHEMA.headline, Literal(art.headline)), (SCHEMA.datePublished, date_literal(art.date)),
                     (NG.outlet, outlet),
                     (SCHEMA.publisher, outlet), (SCHEMA.author, self.actor(akey, rec.author)),
                     (SCHEMA.url, Literal(art.url.strip(), datatype=XSD.anyURI) if art.url else None),
                     (SCHEMA.identifier, Literal(art.ext_id) if art.ext_id else None),
                     (SCHEMA.articleBody, Literal(art.body))):
            self.add(g, a, p, o)
        for local in rec.datelines:
            self.add(g, a, NG.dateline, self.actor(akey, local))
        self.citations(rec, a, g)
        self.roles(rec, a, g)
        self.statements(rec, a, g)

    def _body_span(self, rec: ArticleRecords, start: int, end: int) -> tuple[int, int] | None:
        off, body = rec.article.body_offset, rec.article.body
        if off <= start <= end <= off + len(body):
            return start - off, end - off
        return None

    def _span(self, g: str, node: URIRef, span: tuple[int, int] | None, evidence: str | None) -> None:
        if span:
            self.add(g, node, NG.charStart, _int(span[0]))
            self.add(g, node, NG.charEnd, _int(span[1]))
        if evidence:
            self.add(g, node, NG.evidence, Literal(evidence))

    def citations(self, rec: ArticleRecords, a: URIRef, g: str) -> None:
        text, akey = rec.article.text, rec.article.key
        for c in rec.citations:
            src = self.actor(akey, c.source)
            if src is None:
                continue
            node = self.iri(f"citation/{akey}-{c.start}-{c.end}-{_hash(src)}")
            self.add(g, a, NG.cites, src)
            self.add(g, a, NG.citation, node)
            for p, o in ((RDF.type, NG.Citation), (NG.citedSource, src), (NG.cue, Literal(c.cue))):
                self.add(g, node, p, o)
            ok = 0 <= c.start <= c.end <= len(text)
            self._span(g, node, self._body_span(rec, c.start, c.end), text[c.start:c.end] if ok else None)

    def roles(self, rec: ArticleRecords, a: URIRef, g: str) -> None:
        akey, body = rec.article.key, rec.article.body
        for r in rec.roles:
            person, org_ = self.actor(akey, r.person), self.actor(akey, r.organization)
            if person is None or org_ is None or not r.title.strip():
                continue
            node = self.iri(f"membership/{akey}-{r.start}-{r.end}-{_hash(person, org_, r.title)}")
            for p, o in ((RDF.type, ORG.Membership), (ORG.member, person), (ORG.organization, org_),
                         (ORG.role, self.iri(f"role/{slug(r.title)}")), (NG.statedIn, a),
                         (NG.statedOn, _day(rec.article.date))):
                self.add(g, node, p, o)
            ok = 0 <= r.start <= r.end <= len(body)
            self._span(g, node, (r.start, r.end) if ok else None, body[r.start:r.end] if ok else None)

    def statements(self, rec: ArticleRecords, a: URIRef, g: str) -> None:
        akey = rec.article.key
        for q in rec.quotes:
            node = self.iri(f"statement/{akey}-{q.start}-{q.end}")
            for p, o in ((RDF.type, NG.Statement), (NG.speaker, self.actor(akey, q.speaker)),
                         (NG.quote, Literal(q.text)), (NG.inArticle, a)):
                self.add(g, node, p, o)
            self._span(g, node, self._body_span(rec, q.start, q.end), None)

    # -- resolved layer
    def actors(self) -> None:
        for act in self.m.actors:
            x = self.iri(act.key)
            types = [NG[act.kind]] + ([NG.Organization] if act.kind == "Outlet" else [])
            types += [] if act.kind == "Location" else [NG.Actor]
            for t in types:
                self.add(RESOLVED, x, RDF.type, t)
            self.add(RESOLVED, x, RDFS.label, Literal(act.label))
            for alt in act.alt_labels:
                if alt != act.label:
                    self.add(RESOLVED, x, SKOS.altLabel, Literal(alt))
            self.add(RESOLVED, x, NG.country, self.iri(act.country) if act.country else None)
            self.add(RESOLVED, x, NG.sector, Literal(act.sector) if act.sector else None)
            if act.kind == "State" and act.code:
                self.add(RESOLVED, x, NG.countryCode, Literal(act.code))
            for akey in act.articles:
                self.add(f"graph/article/{akey}", x, NG.mentionedIn, self.iri(f"article/{akey}"))

    def event(self, ev: Event) -> None:
        if ev.type.upper() not in EVENT_TYPES:
            return
        e = self.iri(ev.key)
        for t in (NG.Event, SEM.Event, SCHEMA.Event):
            self.add(RESOLVED, e, RDF.type, t)
        self.add(RESOLVED, e, NG.eventType, event_type(ev.type))
        for prop, keys in ((NG.agent, ev.agents), (NG.target, ev.targets), (NG.participant, ev.participants)):
            for k in keys:
                self.add(RESOLVED, e, prop, self.iri(k))
        for p, o in ((NG.place, self.iri(ev.place) if ev.place else None), (NG.date, date_literal(ev.date)),
                     (NG.datePrecision, Literal(ev.date_precision)), (NG.modality, Literal(ev.modality)),
                     (NG.sourceCount, _int(ev.source_count))):
            self.add(RESOLVED, e, p, o)
        for akey, men in ev.mentions:
            a, g = self.iri(f"article/{akey}"), f"graph/article/{akey}"
            tail = f"{men.start}-{men.end}-{men.type.upper()}-{slug(men.trigger, 30)}"
            node = self.iri(f"mention/{akey}-{tail}")
            conf = _decimal(men.confidence)
            for p, o in ((NG.reportedIn, a), (NG.mention, node)):
                self.add(g, e, p, o)
            for p, o in ((RDF.type, NG.EventMention), (NG.inArticle, a), (NG.trigger, Literal(men.trigger)),
                         (NG.confidence, conf),
                         (NG.attributedTo, self.actor(akey, men.attributed_to))):
                self.add(g, node, p, o)
            self._span(g, node, (men.start, men.end), men.evidence)

    def run(self) -> list[Quad]:
        self.out += [(RESOLVED, *t) for t in _event_type_triples()]
        for d in self.m.documents:
            self.document(self.iri(f"document/{d.sha256[:16]}"), d.source, d.sha256, d.encoding)
        for rec in self.m.articles:
            self.provenance(rec)
            self.article(rec)
        self.actors()
        roles = {}
        for rec in self.m.articles:
            for r in rec.roles:
                roles.setdefault(slug(r.title), set()).add(r.title.strip())
        for key, titles in roles.items():
            self.add(RESOLVED, self.iri(f"role/{key}"), RDF.type, ORG.Role)
            self.add(RESOLVED, self.iri(f"role/{key}"), RDFS.label, Literal(min(titles)))
        for ev in self.m.events:
            self.event(ev)
        return sorted(set(self.out), key=lambda q: (q[0], q[1].n3(), q[2].n3(), q[3].n3()))


def _base(base: str) -> str:
    return base if base.endswith(("/", "#")) else base + "/"


def quads(model: Model, base: str = DEFAULT_BASE) -> list[Quad]:
    """Every quad of ``model`` as ``(graph name, s, p, o)``, sorted; graph names are relative to base."""
    return _Mapper(model, _base(base)).run()


def _bind(g: Graph) -> None:
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns, replace=True)


def to_dataset(model: Model, base: str = DEFAULT_BASE, *, rows: list[Quad] | None = None) -> Dataset:
    """The model as an RDF dataset: one named graph per article, one resolved, one for documents.

    ``rows`` are the model's :func:`quads` when the caller already has them.
    """
    base, ds = _base(base), Dataset()
    _bind(ds)
    graphs: dict[str, Graph] = {}
    for name, s, p, o in rows if rows is not None else quads(model, base):
        if name not in graphs:
            graphs[name] = ds.graph(URIRef(base + name))
        graphs[name].add((s, p, o))
    return ds


def to_graph(model: Model, base: str = DEFAULT_BASE, *, rows: list[Quad] | None = None) -> Graph:
    """The union of :func:`to_dataset`'s graphs as one rdflib Graph, prefixes bound."""
    g = Graph()
    _bind(g)
    for _, s, p, o in rows if rows is not None else quads(model, base):
        g.add((s, p, o))
    return g
