"""The emitters of the mapping (:mod:`newsgraph.graph.rdf`): the triples of one subject in one named graph.

:class:`Mapper` turns the parts of a resolved :class:`~newsgraph.graph.model.Model` into
*groups* ``(subject IRI, [(p, o), ...])`` of compact terms (:mod:`newsgraph.graph.rdf.terms`);
:class:`newsgraph.graph.rdf.plan.Plan` decides which groups make a named graph or a subject.
Missing objects and empty plain strings make no triple.
"""
from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import quote

from rdflib import Literal

from newsgraph.extract.lexicon.event_types import event_types
from newsgraph.extract.lexicon.names import slug
from newsgraph.extract.records import ArticleRecords
from newsgraph.graph.model import Actor, Event, Model
from newsgraph.graph.rdf import literals as lit
from newsgraph.graph.rdf.terms import Lit, groups_of
from newsgraph.graph.rdf.vocab import (
    NG,
    RDF,
    RDFS,
    SKOS,
    event_type,
    ng,
    org,
    prov,
    rdf,
    rdfs,
    schema,
    sem,
    skos,
    xsd,
)

__all__ = ["Mapper", "Group", "event_type_groups", "event_type_iri", "article_graph", "DOCUMENTS", "RESOLVED",
           "base_iri"]

Group = tuple[str, list]              # (subject IRI, [(p, o), ...]), compact terms
_TYPE = rdf.type
_SAFE_KEY = re.compile(r"[A-Za-z0-9/:#_.~-]*")   # what quote() leaves as it is
_REMEMBER = 1 << 16


@lru_cache(maxsize=1)
def event_type_groups() -> tuple[Group, ...]:
    """Type, notation, label and CAMEO roots of the event types, as groups: made from their one
    declaration, ``extract/lexicon/data/event_types.toml`` (``ontology.ttl`` is tested to say the same).

    >>> dict(event_type_groups())[str(NG.ACCUSE)][-2:]
    [('https://w3id.org/newsgraph/ontology#cameoRoot', Lit(lex='09', dt=None, lang=None)), \
('https://w3id.org/newsgraph/ontology#cameoRoot', Lit(lex='11', dt=None, lang=None))]
    """
    out = set()
    for t in event_types():
        s = NG[t.name]
        out |= {(s, RDF.type, NG.EventType), (s, SKOS.notation, Literal(t.name)),
                (s, RDFS.label, Literal(t.label, lang="en"))}
        out |= {(s, NG.cameoRoot, Literal(code)) for code in t.cameo}
    return tuple(groups_of(out))


@lru_cache(maxsize=256)
def event_type_iri(name: str) -> str:
    """IRI of the event type ``name`` (case-insensitive); an error, naming it, for an undeclared type
    (an event of another type is a bug upstream: it is never dropped silently).

    >>> event_type_iri("consult")
    'https://w3id.org/newsgraph/ontology#CONSULT'
    """
    return str(event_type(name))


def _kept(pairs) -> list:
    """The (p, o) pairs that make triples: no missing object, no empty plain string."""
    return [(p, o) for p, o in pairs
            if o is not None and not (type(o) is Lit and o.lex == "" and o.dt is None)]


#: Names (relative to the base IRI) of the named graph of input files and provenance, and of the
#: resolved layer; each article has its own (:func:`article_graph`).
DOCUMENTS, RESOLVED = "graph/documents", "graph/resolved"


def article_graph(akey: str) -> str:
    """Name (relative to the base) of the named graph of one article.

    >>> article_graph("0123456789abcdef")
    'graph/article/0123456789abcdef'
    """
    return f"graph/article/{akey}"


def base_iri(base: str) -> str:
    """The base IRI instance IRIs are minted under: ``base`` ending with "/" or "#".

    >>> base_iri("http://example.org/kg"), base_iri("http://example.org/kg#")
    ('http://example.org/kg/', 'http://example.org/kg#')
    """
    return base if base.endswith(("/", "#")) else base + "/"


class Mapper:
    """The triples of a model, one subject of one named graph at a time (each a :data:`Group`)."""

    def __init__(self, model: Model, base: str):
        self.m, self.base = model, base
        self.docs = {d.source: d for d in model.documents}
        self.prov: dict[str, list] = {}
        for k, src, idx, start, end in model.provenance:
            self.prov.setdefault(k, []).append((src, idx, start, end))
        self.kinds: dict[str, str] = {}
        self.iris: dict[str, str] = {}     # key -> IRI, emptied when it holds _REMEMBER

    def iri(self, key: str) -> str:
        out = self.iris.get(key)
        if out is None:
            # safe keys unchanged; others %-escaped
            out = self.base + (key if _SAFE_KEY.fullmatch(key) else quote(key, safe="/:#-_.~"))
            if len(self.iris) >= _REMEMBER:
                self.iris.clear()
            self.iris[key] = out
        return out

    def actor(self, akey: str, local: str | None) -> str | None:
        key = self.m.actor(akey, local)
        return self.iri(key) if key else None

    # -- documents and provenance (graph/documents)
    def rows(self, rec: ArticleRecords) -> list[tuple]:
        """(src, index, start, end, document or None, sha) of each provenance of the article, in order."""
        art = rec.article
        rows = sorted(self.prov.get(rec.article.key, ())) or [(art.source, art.index, art.start, art.end)]
        out = []
        for src, idx, start, end in rows:
            doc = self.docs.get(src)
            sha = doc.sha256 if doc else art.source_sha256 if src == art.source else lit.short_hash(src)
            out.append((src, idx, start, end, doc, sha))
        return out

    def derivation(self, akey: str, sha: str, idx: int) -> str:
        return self.iri(f"derivation/{akey}-{sha[:16]}-{idx}")

    def article_provenance(self, rec: ArticleRecords) -> Group:
        """The article's own triples in graph/documents."""
        pos, akey = [], rec.article.key
        for n, (_, idx, start, end, _, sha) in enumerate(self.rows(rec)):
            pos += [(prov.wasDerivedFrom, self.iri(f"document/{sha[:16]}")),
                    (prov.qualifiedDerivation, self.derivation(akey, sha, idx))]
            if n == 0:
                pos += [(ng.articleIndex, lit.integer(idx)), (ng.sourceStart, lit.integer(start)),
                        (ng.sourceEnd, lit.integer(end))]
        return self.iri(f"article/{akey}"), pos

    def derivations(self, rec: ArticleRecords) -> list[Group]:
        out = []
        for _, idx, start, end, _, sha in self.rows(rec):
            out.append((self.derivation(rec.article.key, sha, idx), [
                (_TYPE, prov.Derivation), (prov.entity, self.iri(f"document/{sha[:16]}")),
                (ng.articleIndex, lit.integer(idx)), (ng.sourceStart, lit.integer(start)),
                (ng.sourceEnd, lit.integer(end))]))
        return out

    def unlisted_documents(self, rec: ArticleRecords) -> list[Group]:
        """Documents an article was found in that are not among the model's documents."""
        return [self.document(src, sha, None) for src, _, _, _, doc, sha in self.rows(rec) if doc is None]

    def document(self, source: str, sha: str, encoding: str | None) -> Group:
        return self.iri(f"document/{sha[:16]}"), _kept(
            ((_TYPE, ng.Document), (ng.sha256, lit.string(sha)), (prov.atLocation, lit.string(source)),
             (ng.encoding, lit.string(encoding) if encoding else None)))

    # -- one article (graph/article/<key>)
    def article(self, rec: ArticleRecords) -> Group:
        """The article's own triples in its graph (metadata, body, datelines, citation links)."""
        art, akey = rec.article, rec.article.key
        outlet = self.actor(akey, rec.outlet)
        pos = [(_TYPE, ng.Article), (_TYPE, schema.NewsArticle),
               (schema.headline, lit.string(art.headline)), (schema.datePublished, lit.date(art.date)),
               (ng.outlet, outlet), (schema.publisher, outlet), (schema.author, self.actor(akey, rec.author)),
               (schema.url, Lit(art.url.strip(), xsd.anyURI) if art.url else None),
               (schema.identifier, lit.string(art.ext_id) if art.ext_id else None),
               (schema.articleBody, lit.string(art.body))]
        pos += [(ng.dateline, self.actor(akey, local)) for local in rec.datelines]
        for node, src, _ in self._citations(rec):
            pos += [(ng.cites, src), (ng.citation, node)]
        return self.iri(f"article/{akey}"), _kept(pos)

    def _body_span(self, rec: ArticleRecords, start: int, end: int) -> tuple[int, int] | None:
        off, body = rec.article.body_offset, rec.article.body
        if off <= start <= end <= off + len(body):
            return start - off, end - off
        return None

    @staticmethod
    def _span(span: tuple[int, int] | None, evidence: str | None) -> list:
        pos = [(ng.charStart, lit.integer(span[0])), (ng.charEnd, lit.integer(span[1]))] if span else []
        return pos + ([(ng.evidence, lit.string(evidence))] if evidence else [])

    def _citations(self, rec: ArticleRecords) -> list[tuple]:
        akey, out = rec.article.key, []
        for c in rec.citations:
            src = self.actor(akey, c.source)
            if src is not None:
                out.append((self.iri(f"citation/{akey}-{c.start}-{c.end}-{lit.short_hash(src)}"), src, c))
        return out

    def citations(self, rec: ArticleRecords) -> list[Group]:
        text, out = rec.article.text, []
        for node, src, c in self._citations(rec):
            ok = 0 <= c.start <= c.end <= len(text)
            pos = [(_TYPE, ng.Citation), (ng.citedSource, src), (ng.cue, lit.string(c.cue))]
            pos += self._span(self._body_span(rec, c.start, c.end), text[c.start:c.end] if ok else None)
            out.append((node, _kept(pos)))
        return out

    def memberships(self, rec: ArticleRecords) -> list[Group]:
        akey, body, out = rec.article.key, rec.article.body, []
        a = self.iri(f"article/{akey}")
        for r in rec.roles:
            person, org_ = self.actor(akey, r.person), self.actor(akey, r.organization)
            if person is None or org_ is None or not r.title.strip():
                continue
            ok = 0 <= r.start <= r.end <= len(body)
            role = slug(r.title, hashed=True, join_apostrophes=False)
            pos = [(_TYPE, org.Membership), (org.member, person), (org.organization, org_),
                   (org.role, self.iri(f"role/{role}")), (ng.statedIn, a),
                   (ng.statedOn, lit.day(rec.article.date))]
            pos += self._span((r.start, r.end) if ok else None, body[r.start:r.end] if ok else None)
            key = f"membership/{akey}-{r.start}-{r.end}-{lit.short_hash(person, org_, r.title)}"
            out.append((self.iri(key), _kept(pos)))
        return out

    def statements(self, rec: ArticleRecords) -> list[Group]:
        akey, out = rec.article.key, []
        for q in rec.quotes:
            pos = [(_TYPE, ng.Statement), (ng.speaker, self.actor(akey, q.speaker)),
                   (ng.quote, lit.string(q.text)), (ng.inArticle, self.iri(f"article/{akey}"))]
            pos += self._span(self._body_span(rec, q.start, q.end), None)
            out.append((self.iri(f"statement/{akey}-{q.start}-{q.end}"), _kept(pos)))
        return out

    # -- resolved layer (graph/resolved), and what articles say about actors and events
    def kind(self, kind: str) -> str:
        if kind not in self.kinds:
            self.kinds[kind] = getattr(ng, kind)
        return self.kinds[kind]

    def actor_node(self, act: Actor) -> Group:
        types = [self.kind(act.kind)] + ([ng.Organization] if act.kind == "Outlet" else [])
        types += [] if act.kind == "Location" else [ng.Actor]
        pos = [(_TYPE, t) for t in types] + [(rdfs.label, lit.string(act.label))]
        pos += [(skos.altLabel, lit.string(alt)) for alt in act.alt_labels if alt != act.label]
        pos += [(ng.country, self.iri(act.country) if act.country else None),
                (ng.sector, lit.string(act.sector) if act.sector else None)]
        if act.kind == "State" and act.code:
            pos.append((ng.countryCode, lit.string(act.code)))
        return self.iri(act.key), _kept(pos)

    def mentioned_in(self, act: Actor, akey: str) -> Group:
        """``ng:mentionedIn`` of an actor, in the graph of article ``akey``."""
        return self.iri(act.key), [(ng.mentionedIn, self.iri(f"article/{akey}"))]

    def roles(self) -> list[Group]:
        titles: dict[str, set] = {}
        for rec in self.m.articles:
            for r in rec.roles:
                role = slug(r.title, hashed=True, join_apostrophes=False)
                titles.setdefault(role, set()).add(r.title.strip())
        return [(self.iri(f"role/{key}"), _kept([(_TYPE, org.Role), (rdfs.label, lit.string(min(ts)))]))
                for key, ts in titles.items()]

    def event(self, ev: Event) -> Group:
        pos = [(_TYPE, ng.Event), (_TYPE, sem.Event), (_TYPE, schema.Event),
               (ng.eventType, event_type_iri(ev.type))]
        for prop, keys in ((ng.agent, ev.agents), (ng.target, ev.targets), (ng.participant, ev.participants)):
            pos += [(prop, self.iri(k)) for k in keys]
        pos += [(ng.place, self.iri(ev.place) if ev.place else None), (ng.date, lit.date(ev.date)),
                (ng.datePrecision, lit.string(ev.date_precision)), (ng.modality, lit.string(ev.modality)),
                (ng.sourceCount, lit.integer(ev.source_count))]
        return self.iri(ev.key), _kept(pos)

    def mention_node(self, akey: str, men) -> str:
        trigger = slug(men.trigger, 30, hashed=True, join_apostrophes=False)
        span = f"h{-men.start}-h{-men.end}" if men.in_headline else f"{men.start}-{men.end}"
        return self.iri(f"mention/{akey}-{span}-{men.type.upper()}-{trigger}")

    def reported(self, ev: Event, akey: str, men) -> Group:
        """An event's ``ng:reportedIn``/``ng:mention`` in the graph of article ``akey``."""
        return self.iri(ev.key), [(ng.reportedIn, self.iri(f"article/{akey}")),
                                  (ng.mention, self.mention_node(akey, men))]

    def mention(self, akey: str, men) -> Group:
        pos = [(_TYPE, ng.EventMention), (ng.inArticle, self.iri(f"article/{akey}")),
               (ng.trigger, lit.string(men.trigger)), (ng.confidence, lit.decimal(men.confidence)),
               (ng.attributedTo, self.actor(akey, men.attributed_to))]
        pos += self._span(None if men.in_headline else (men.start, men.end), men.evidence)
        pos += [(ng.inHeadline, lit.boolean(True))] if men.in_headline else []
        return self.mention_node(akey, men), _kept(pos)
