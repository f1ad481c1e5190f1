"""Actors: typed, clustered actor and place mentions (BASELINE, to be replaced).

Interface (kept stable for the other extractors):

* ``add_to(nlp)`` adds the components to a loaded pipeline;
* after the pipeline, every actor mention in ``doc.ents`` has ``ent.kb_id_`` =
  its article-local entity id ("E0", ...) and ``doc._.ng_entities`` holds the
  :class:`~extract.records.Entity` records;
* ``attach_meta(doc, article)`` adds entities for the outlet, author and
  dateline places and sets ``doc._.ng_meta = (outlet_id, author_id, dateline_ids)``.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from extract.records import Article, Entity

_KIND = {"PERSON": "Person", "GPE": "State", "ORG": "Organization", "LOC": "Location",
         "FAC": "Location", "NORP": None}


@Language.component("ng_actors")
def cluster(doc: Doc) -> Doc:
    """Give each actor mention a local id; same text -> same entity."""
    by_text: dict[str, int] = {}
    ents, records = [], {}
    for ent in doc.ents:
        kind = _KIND.get(ent.label_)
        if not kind:
            ents.append(ent)
            continue
        key = ent.text.lower()
        n = by_text.setdefault(key, len(by_text))
        eid = f"E{n}"
        ents.append(Span(doc, ent.start, ent.end, label=ent.label_, kb_id=eid))
        prev = records.get(eid)
        span = (ent.start_char, ent.end_char)
        records[eid] = Entity(id=eid, kind=kind, name=ent.text, forms=(ent.text,),
                              spans=(prev.spans if prev else ()) + (span,))
    doc.ents = ents
    doc._.ng_entities = tuple(records[k] for k in sorted(records, key=lambda s: int(s[1:])))
    return doc


def add_to(nlp: Language) -> None:
    """Add the actor components to ``nlp``."""
    nlp.add_pipe("ng_actors", last=True)


def attach_meta(doc: Doc, article: Article) -> None:
    """Add outlet, author and dateline entities from the article's metadata."""
    ents = list(doc._.ng_entities)

    def add(kind: str, name: str | None) -> str | None:
        if not name:
            return None
        for e in ents:
            if e.kind == kind and e.name.lower() == name.lower():
                return e.id
        eid = f"E{len(ents)}"
        ents.append(Entity(id=eid, kind=kind, name=name, forms=(name,)))
        return eid

    outlet = add("Outlet", article.outlet)
    author = add("Person", article.author)
    datelines = tuple(x for x in (add("Location", d.title()) for d in article.datelines) if x)
    doc._.ng_entities = tuple(ents)
    doc._.ng_meta = (outlet, author, datelines)


def entities(doc: Doc):
    """Extractor: the article's Entity records."""
    return iter(doc._.ng_entities)
