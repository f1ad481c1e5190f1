"""Actors: typed, clustered actor and place mentions ("one actor, one entity" per article).

Interface (kept stable for the other extractors):

* ``add_to(nlp)`` adds the components to a loaded pipeline: two gazetteer entity
  rulers in front of the statistical NER (see :mod:`newsgraph.extract.actors.patterns`) and
  the ``ng_actors`` component after it;
* after the pipeline, every actor mention in ``doc.ents`` has ``ent.kb_id_`` =
  its article-local entity id ("E0", ...) and a label matching its kind
  (PERSON, GPE for State, ORG for Organization and Outlet, LOC for Location);
  demonyms stay NORP without an id; ``doc._.ng_entities`` holds the
  :class:`~newsgraph.extract.records.Entity` records;
* ``attach_meta(doc, article)`` adds entities for the outlet, author and
  dateline places and sets ``doc._.ng_meta = (outlet_id, author_id, dateline_ids)``.

Clustering rules are in :mod:`newsgraph.extract.actors.cluster`, typing in
:mod:`newsgraph.extract.actors.types`.

>>> import spacy
>>> nlp = spacy.blank("en")
>>> add_to(nlp)
>>> doc = nlp("Officials in YEREVAN and Baku met the Azerbaijani Defense Ministry.")
>>> [(e.name, e.kind, e.country) for e in doc._.ng_entities]  # doctest: +NORMALIZE_WHITESPACE
[('Yerevan', 'Location', 'ARM'), ('Baku', 'Location', 'AZE'),
 ('Ministry of Defense of Azerbaijan', 'Organization', 'AZE')]
"""
from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from newsgraph.extract.actors import cluster as clustering
from newsgraph.extract.actors import context, countries, demonyms, nonames, patterns
from newsgraph.extract.actors.mention import Mention
from newsgraph.extract.actors.missed import bracketed_after
from newsgraph.extract.actors.spans import repair
from newsgraph.extract.actors.types import classify
from newsgraph.extract.lexicon import gazetteer as gz
from newsgraph.extract.lexicon import officials
from newsgraph.extract.lexicon.names import is_shouting
from newsgraph.extract.nlp import (
    docview,  # the nlp package registers the Doc extensions set here
    ruler,  # noqa: F401  (registers the ng_word_ruler factory)
)
from newsgraph.extract.records import Article, Entity

LABEL = {"Person": "PERSON", "State": "GPE", "Organization": "ORG", "Outlet": "ORG", "Location": "LOC"}
ACTOR_LABELS = {"PERSON", "GPE", "ORG", "LOC", "FAC", "NORP"}
LOCATIVE = context.LOCATIVE
#: Of those, the ones before which an unknown name is a place, not a person or a body ("in Kanyoni").
STRONG_LOCATIVE = {"in", "into", "near", "outside"}
#: Nouns for a place: "the town of X", "the suburb of X" make X a place.
PLACE_NOUNS = {"city", "town", "village", "suburb", "district", "province", "region", "county", "state",
               "port", "capital", "island", "municipality", "neighbourhood", "neighborhood", "area",
               "outskirts"}
#: Words for a part of a place between the preposition and its name: "in downtown X", "in northern X".
PLACE_PARTS = {"downtown", "uptown", "central", "northern", "southern", "eastern", "western", "northeastern",
               "northwestern", "southeastern", "southwestern", "north", "south", "east", "west", "greater",
               "suburban", "rural", "coastal", "occupied"}

@Language.component("ng_actors")
def cluster(doc: Doc) -> Doc:
    """Type every actor mention, cluster the mentions, set ``kb_id_`` and ``doc._.ng_entities``."""
    doc.ents = repair(doc.ents, doc)
    with docview.frozen(doc):  # doc.ents is read once until it is set again below
        new, entities = _typed(doc, docview.ents(doc))
    doc.ents = new
    doc._.ng_entities = tuple(entities)
    return doc


def _typed(doc: Doc, ents: tuple[Span, ...]) -> tuple[list[Span], list[Entity]]:
    """The new entity spans (actors with their ids) and the Entity records of ``ents``."""
    spans, mentions = [], []
    bound: dict[str, Mention] = {}  # abbreviations bound to the name they follow in brackets
    surnames = frozenset(e[-1].lower_ for e in ents if e.label_ == "PERSON" and len(e) >= 2)
    placed = [_after_locative(e) or _listed_with_place(ents, k) or _before_its_people(e, surnames)
              for k, e in enumerate(ents)]
    # a name the text uses as a place elsewhere (or the NER calls one) is no organisation here
    places = {e.text for e, p in zip(ents, placed, strict=True) if p or e.label_ in ("GPE", "LOC")}
    for k, ent in enumerate(ents):
        where = placed[k] or ent.label_ == "ORG" and ent.text in places
        m = classify(ent.text, ent.label_, surnames, placed=where) if ent.label_ in ACTOR_LABELS else None
        if m is not None and _unknown_in_place(m, ent, surnames):
            m = classify(ent.text, "LOC")
        if m is None and (ent.label_ == "NORP" or ent.label_ in ACTOR_LABELS and gz.demonym_code(ent.text)):
            m = demonyms.state_by_demonym(ent)  # (also a nationality the NER read as a place or a name)
        if m is not None:
            m = countries.with_context(m, ent)
            if spans and len(ent) == 1 and bracketed_after(spans[-1], ent.start):
                bound[m.form] = m = clustering.expansion(m, mentions[-1])
            elif m.form in bound and m.kind == "Organization":
                m = replace(bound[m.form], form=m.form)  # the abbreviation again, later on
            spans.append(ent)
            mentions.append(m)
    mentions = clustering.generic_aliases(mentions)
    ids, entities = clustering.cluster(mentions, [(s.start_char, s.end_char) for s in spans])
    entities = countries.share_country(spans, ids, entities)
    new = []
    by_start = {s.start: (s, i) for s, i in zip(spans, ids, strict=True)}
    for ent in ents:
        hit = by_start.get(ent.start)
        if hit and hit[0].end == ent.end and hit[1]:
            kind = entities[int(hit[1][1:])].kind
            new.append(Span(doc, ent.start, ent.end, label=LABEL[kind], kb_id=hit[1]))
        elif ent.label_ not in ACTOR_LABELS - {"NORP"}:
            new.append(ent)
    return new, entities


def _unknown_in_place(m: Mention, ent: Span, surnames: frozenset[str]) -> bool:
    """A one-word name no table knows, that the NER called a person or an organisation, right after
    "in", "into", "near" or "outside" is a place ("rescued 300 people in Kanyoni"); so is a name of two
    or three words after an "in" on a happening ("IS attacks in Badia al-Sham"; not "trust in Tom Hale")
    or after a place noun and "of" ("the village of Teldau")."""
    doc = ent.doc
    unknown = m.key[0] == "G" and m.weak and not m.sector \
        or m.key[0] == "P" and ent.text.lower() not in surnames
    if not unknown or ent.start == 0 or ent.end < len(doc) and doc[ent.end].tag_ == "POS" \
            or nonames.title_cased(ent):
        return False
    if ent.start > 1 and doc[ent.start - 1].lower_ == "of" and doc[ent.start - 2].lower_ in PLACE_NOUNS:
        return sum(t.is_alpha for t in ent) <= 3  # "shelled the village of Teldau"
    first = ent
    if doc[ent.start - 1].lower_ in ("and", "or", ",") and ent.root.dep_ not in ("nsubj", "nsubjpass") \
            and (ent.end == len(doc) or doc[ent.end].pos_ not in ("VERB", "AUX")):
        first = next((e for e in doc.ents if e.end == ent.start - 1), ent)  # "in X and Y": Y as X
    if first.start == 0 or doc[first.start - 1].lower_ not in STRONG_LOCATIVE:
        return False
    words = sum(t.is_alpha for t in ent)
    return len(ent) == 1 and first is ent or words <= 3 and _scene_in(doc[first.start - 1])


def _scene_in(prep: Token) -> bool:
    """``prep`` is an "in" on a happening, a verb or a noun of the trigger lexicon: where it was done
    ("killed in X", "attacks in X"; not "put their trust in X")."""
    from newsgraph.extract.events.lexicon import lexicon  # events build on actors: read at call time

    head, lex = prep.head, lexicon()
    return prep.lower_ == "in" and (head.pos_ == "VERB" and head.lemma_.lower() in lex.verbs
                                    or head.pos_ == "NOUN" and head.lemma_.lower() in lex.nouns)


def _after_locative(ent: Span) -> bool:
    """``ent`` follows "in", "near" ... (also with a part of the place between: "in downtown Seattle")
    or a place noun and "of" ("the suburb of Didsbury")."""
    doc, i = ent.doc, ent.start
    if i and doc[i - 1].lower_ in LOCATIVE or i > 1 and doc[i - 1].lower_ in PLACE_PARTS \
            and doc[i - 2].lower_ in LOCATIVE:
        return True
    return i > 1 and doc[i - 1].lower_ == "of" and doc[i - 2].lower_ in PLACE_NOUNS


def _before_its_people(ent: Span, surnames: frozenset[str]) -> bool:
    """``ent`` comes right before a place's people or authorities ("Sochi officials said"), and is no
    surname of a person the text names in full ("Raul Castro" ... "Castro authorities": his)."""
    doc = ent.doc
    return ent.end < len(doc) and doc[ent.end].lower_ in gz.non_actor_words("place_people") \
        and ent.text.lower() not in surnames


def _listed_with_place(ents: tuple[Span, ...], k: int) -> bool:
    """``ents[k]`` is in a list next to a place ("Odessa, Dnipro, and Mariupol").

    >>> import spacy
    >>> doc = spacy.blank("en")("Shells hit Odessa, Dnipro and Mariupol.")
    >>> ents = (Span(doc, 2, 3, "GPE"), Span(doc, 4, 5, "ORG"), Span(doc, 6, 7, "ORG"))
    >>> [_listed_with_place(ents, k) for k in range(3)]
    [False, True, False]
    """
    ent, doc = ents[k], ents[k].doc
    for j in (k - 1, k + 1):
        if 0 <= j < len(ents) and ents[j].label_ in ("GPE", "LOC"):
            a, b = (ents[j], ent) if j < k else (ent, ents[j])
            gap = [t.lower_ for t in doc[a.end:b.start]]
            if gap and len(gap) <= 2 and set(gap) <= {",", "and", "or"}:
                return True
    return False


def add_to(nlp: Language) -> None:
    """Add the actor components to ``nlp``, after the statistical NER when there is one.

    The NER decides first.  One-word gazetteer names (states, demonyms, cities, outlets) only fill
    gaps it left; multi-word names and patterns ("Republic of Armenia", "Lachin corridor", known
    organisations, government bodies) replace the entities they cross, never one that holds them.
    """
    words, phrases = patterns.split(patterns.place_patterns(
        pos=bool({"tagger", "morphologizer"} & set(nlp.pipe_names))))
    where = {"after": "ner"} if "ner" in nlp.pipe_names else {}
    rulers = (("ng_places", False, words), ("ng_known", True, phrases), ("ng_bodies", True, None))
    for name, overwrite, pats in rulers:
        pipe = nlp.add_pipe("ng_word_ruler", name=name, config={"overwrite_ents": overwrite,
                            "keep_longer": overwrite}, **where)
        where = {"after": name}
        if pats is None:
            pipe.add_patterns(patterns.body_patterns())
            continue
        with nlp.select_pipes(enable=[]):  # phrase patterns match on ORTH: the tokenizer alone makes them
            pipe.add_patterns(pats)
    nlp.add_pipe("ng_actors", last=True)
    officials.table()  # the list of officials comes with the pipeline, not with the first article


def _meta_entity(ents: list[Entity], m: Mention | None) -> str | None:
    """Id of the entity ``m`` joins (same kind and key or name), adding it when new."""
    if m is None:
        return None
    for e in ents:
        same = e.kind == m.kind and (e.name.lower() == m.name.lower() or m.form in e.forms)
        if same:
            if m.form not in e.forms:
                ents[ents.index(e)] = Entity(e.id, e.kind, e.name, e.forms + (m.form,), e.spans, e.code,
                                             e.country or m.country, e.sector or m.sector)
            return e.id
    eid = f"E{len(ents)}"
    forms = tuple(dict.fromkeys((m.name, m.form)))
    ents.append(Entity(eid, m.kind, m.name, forms, (), m.code, m.country, m.sector))
    return eid


@lru_cache(maxsize=1 << 12)
def outlet_mention(printed: str | None) -> Mention | None:
    """The Outlet mention for an article's printed outlet ("ARMENPRESS", "globeecho.com").

    >>> outlet_mention("ARMENPRESS").name, outlet_mention("eureporter").name
    ('Armenpress', 'EU Reporter')
    >>> outlet_mention("Some Gazette").name
    'Some Gazette'
    """
    printed = (printed or "").strip()
    if not printed:
        return None
    known = gz.outlet(printed)
    if not known and " - " in printed.replace("\u2013", "-"):
        known = gz.outlet(printed.replace("\u2013", "-").split(" - ")[0])
    if known:
        return Mention("Outlet", known.name, ("O", known.name), printed, country=known.country, sector="MED")
    m = classify(printed, "ORG")
    name = printed.title() if is_shouting(printed) else printed
    return Mention("Outlet", name, ("O", name), printed, country=m.country if m else None, sector="MED")


def as_official(e: Entity, day: str | None, named: frozenset[str]) -> Entity:
    """A person named in full as a listed official takes the official's country and the sector of the
    official's span that holds ``day`` (the article's date), when the article names that country
    otherwise (``named``: the countries of its other entities) and does not place the person elsewhere:
    a namesake in a text about another country is someone else.

    >>> e = Entity("E0", "Person", "Vladimir Putin", ("Vladimir Putin", "Putin"))
    >>> [(o.country, o.sector) for o in (as_official(e, d, frozenset({"RUS"})) for d in ("2005-06-01", None))]
    [('RUS', 'GOV'), ('RUS', None)]
    >>> as_official(e, "2005-06-01", frozenset({"USA"})).country is None
    True
    """
    hit = officials.official_of(e.forms) if e.kind == "Person" else None
    if hit is None or e.country not in (None, hit.country):
        return e  # the article places the person elsewhere
    if e.country is None and hit.country not in named:
        return e  # the article never names the official's country: a namesake
    return replace(e, country=hit.country, sector=e.sector or hit.sector_on(day))


def _countries(ents: tuple[Entity, ...]) -> frozenset[str]:
    """The countries an article's entities name (a state's code, another entity's country)."""
    return frozenset(c for e in ents for c in (e.code, e.country) if c)


def attach_meta(doc: Doc, article: Article) -> None:
    """Add outlet, author and dateline entities from the article's metadata; a listed official's
    country and sector on the article's date (:func:`as_official`)."""
    named = _countries(doc._.ng_entities)
    ents = [as_official(e, article.date, named) for e in doc._.ng_entities]
    om = outlet_mention(article.outlet)
    if om is not None:  # an outlet also named in the text becomes the same (Outlet) entity
        for i, e in enumerate(ents):
            if e.kind in ("Organization", "Outlet") and (e.name == om.name or om.name in e.forms):
                ents[i] = Entity(e.id, "Outlet", om.name, e.forms, e.spans, None, e.country or om.country,
                                 "MED")
    outlet = _meta_entity(ents, om)
    author = None
    if article.author and article.author.strip():
        name = article.author.strip()
        author = _meta_entity(ents, Mention("Person", name, ("P", name), name, sector="MED"))
    places = []
    for d in article.datelines:
        m = classify(d, "GPE") if d and d.strip() else None
        if m is not None and m.kind in ("Location", "State"):
            places.append(_meta_entity(ents, m))
    doc._.ng_entities = tuple(ents)
    doc._.ng_meta = (outlet, author, tuple(p for p in places if p))


def entities(doc: Doc):
    """Extractor: the article's Entity records."""
    return iter(doc._.ng_entities)
