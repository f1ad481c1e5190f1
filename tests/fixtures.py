"""A small hand-made resolved :class:`~newsgraph.graph.model.Model` for graph-side tests.

Every text here is invented for the tests.  ``model()`` returns two documents,
three articles (one found in both documents), states, persons, organisations,
an outlet, places, events (one reported by two articles), roles, quotes and
citations, with offsets computed from the texts so they are always right.

>>> m = model()
>>> len(m.articles), len(m.documents), len(m.events)
(3, 2, 4)
"""
from __future__ import annotations

import contextlib
import hashlib

from newsgraph.extract.records import (
    Article,
    ArticleRecords,
    Citation,
    Document,
    Entity,
    EventMention,
    Quote,
    Role,
)
from newsgraph.graph.model import Actor, Event, Model
from newsgraph.queries.named import list_queries

DIGEST, FEED = "digest-2023-03-20.txt", "feed.jsonl"
SHA_DIGEST = hashlib.sha256(b"digest").hexdigest()
SHA_FEED = hashlib.sha256(b"feed").hexdigest()

HEAD1 = "Foreign ministers of Freedonia and Sylvania hold talks in Vienna"
BODY1 = ("VIENNA, MARCH 20, NORTHWIRE. Freedonian Foreign Minister Anna Keller met her Sylvanian "
         "counterpart Marek Dobos in Vienna on Monday. \"We agreed to keep talking,\" Keller told "
         "reporters. According to the Danube Monitor, the meeting lasted three hours.")
HEAD2 = "Sylvania accuses Freedonia of shelling border village"
BODY2 = ("Sylvania's Defence Ministry said Freedonian troops shelled the village of Orlo on March 18. "
         "Marek Dobos said the attack was \"a deliberate provocation\". The ministers had met in "
         "Vienna earlier, the ministry noted.")
HEAD3 = "Strong earthquake hits northern Sylvania"
BODY3 = ("An earthquake of magnitude 5.1 struck near Orlo in March, the regional seismic centre reports."
         "\n\nNo damage was reported.")


def _span(text: str, sub: str) -> tuple[int, int]:
    start = text.index(sub)
    return start, start + len(sub)


def _article(head: str, body: str, source: str, sha: str, index: int, start: int, **kw) -> Article:
    return Article(source=source, source_sha256=sha, index=index, start=start,
                   end=start + len(head) + 2 + len(body), headline=head, body=body,
                   body_start=start + len(head) + 2, **kw)


def _mention(body: str, sentence: str, type_: str, trigger: str, **kw) -> EventMention:
    s, e = _span(body, sentence)
    return EventMention(type=type_, trigger=trigger, start=s, end=e, evidence=body[s:e], **kw)


def _text_span(a: Article, sub: str) -> tuple[int, int]:
    return _span(a.text, sub)


def _records() -> tuple[ArticleRecords, ArticleRecords, ArticleRecords]:
    a1 = _article(HEAD1, BODY1, DIGEST, SHA_DIGEST, 0, 0, date="2023-03-20", outlet="Northwire",
                  url="https://northwire.example/talks-vienna", datelines=("VIENNA",))
    a2 = _article(HEAD2, BODY2, DIGEST, SHA_DIGEST, 1, a1.end + 2, date="2023-03-21T09:30:00",
                  outlet="Northwire", author="Lena Voss")
    a3 = _article(HEAD3, BODY3, FEED, SHA_FEED, 0, 0, date="2023-03-22", ext_id="feed-7")
    ents1 = (Entity("E0", "Outlet", "Northwire", ("Northwire", "NORTHWIRE")),
             Entity("E1", "Location", "Vienna", ("Vienna", "VIENNA")),
             Entity("E2", "State", "Freedonia", ("Freedonia", "Freedonian"), code="FRD"),
             Entity("E3", "State", "Sylvania", ("Sylvania", "Sylvanian"), code="SYL"),
             Entity("E4", "Person", "Anna Keller", ("Anna Keller", "Keller"), country="FRD", sector="GOV"),
             Entity("E5", "Person", "Marek Dobos", ("Marek Dobos",), country="SYL", sector="GOV"),
             Entity("E6", "Organization", "Danube Monitor", ("Danube Monitor",), sector="MED"))
    meet = ("Freedonian Foreign Minister Anna Keller met her Sylvanian counterpart Marek Dobos "
            "in Vienna on Monday.")
    m1 = _mention(BODY1, meet, "CONSULT", "met", participants=("E4", "E5"), place="E1", date="2023-03-20",
                  date_precision="day", confidence=0.9)
    s1, e1 = _span(BODY1, meet)
    q1 = _text_span(a1, "We agreed to keep talking")
    c1 = _text_span(a1, "According to the Danube Monitor, the meeting lasted three hours.")
    r1 = ArticleRecords(
        article=a1, entities=ents1, outlet="E0", datelines=("E1",), events=(m1,),
        roles=(Role("E4", "Foreign Minister", "E2", s1, e1),),
        quotes=(Quote("E4", "We agreed to keep talking", *q1),),
        citations=(Citation("E6", "according to", *c1),))
    ents2 = (Entity("E0", "Outlet", "Northwire", ("Northwire",)),
             Entity("E1", "State", "Sylvania", ("Sylvania",), code="SYL"),
             Entity("E2", "Organization", "Sylvanian Defence Ministry", ("Defence Ministry",),
                    country="SYL", sector="MIL"),
             Entity("E3", "State", "Freedonia", ("Freedonian",), code="FRD"),
             Entity("E4", "Location", "Orlo", ("Orlo",), country="SYL"),
             Entity("E5", "Person", "Marek Dobos", ("Marek Dobos",), country="SYL"),
             Entity("E6", "Person", "Lena Voss", ("Lena Voss",)))
    shell = "Sylvania's Defence Ministry said Freedonian troops shelled the village of Orlo on March 18."
    m2 = _mention(BODY2, shell, "ASSAULT", "shelled", agents=("E3",), targets=("E1",), place="E4",
                  date="2023-03-18", date_precision="day", confidence=0.8, attributed_to="E2")
    m2b = _mention(BODY2, "Marek Dobos said the attack was \"a deliberate provocation\".", "ACCUSE", "said",
                   agents=("E5",), targets=("E3",), confidence=0.55)
    m2c = _mention(BODY2, "The ministers had met in Vienna earlier, the ministry noted.", "CONSULT", "met",
                   confidence=0.4)
    q2 = _text_span(a2, "a deliberate provocation")
    r2 = ArticleRecords(article=a2, entities=ents2, outlet="E0", author="E6", events=(m2, m2b, m2c),
                        quotes=(Quote("E5", "a deliberate provocation", *q2),
                                Quote(None, "Sylvania accuses Freedonia", *_text_span(a2, HEAD2[:26]))))
    ents3 = (Entity("E0", "Location", "Orlo", ("Orlo",), country="SYL"),
             Entity("E1", "State", "Sylvania", ("Sylvania",), code="SYL"),
             Entity("E2", "Organization", "regional seismic centre", ("regional seismic centre",)))
    quake = BODY3.split("\n")[0]
    m3 = _mention(BODY3, quake, "DISASTER", "earthquake", place="E0", date="2023-03", date_precision="month",
                  modality="asserted", confidence=0.7)
    r3 = ArticleRecords(article=a3, entities=ents3, events=(m3,),
                        citations=(Citation("E2", "reports", *_text_span(a3, quake)),))
    return r1, r2, r3


def model() -> Model:
    """The fixture model (a fresh, equal object on every call)."""
    r1, r2, r3 = _records()
    k1, k2, k3 = (r.article.key for r in (r1, r2, r3))
    S, P, G, L = "actor/state/", "actor/person/", "actor/org/", "actor/location/"
    actors = (
        Actor(S + "FRD", "State", "Freedonia", ("Freedonian",), code="FRD", articles=(k1, k2)),
        Actor(S + "SYL", "State", "Sylvania", ("Sylvanian",), code="SYL", articles=(k1, k2, k3)),
        Actor(P + "anna-keller", "Person", "Anna Keller", ("Keller",), country=S + "FRD", sector="GOV",
              articles=(k1,)),
        Actor(P + "marek-dobos", "Person", "Marek Dobos", (), country=S + "SYL", sector="GOV",
              articles=(k1, k2)),
        Actor(P + "lena-voss", "Person", "Lena Voss", (), articles=(k2,)),
        Actor(G + "northwire", "Outlet", "Northwire", ("NORTHWIRE",), sector="MED", articles=(k1, k2)),
        Actor(G + "danube-monitor", "Organization", "Danube Monitor", (), sector="MED", articles=(k1,)),
        Actor(G + "sylvanian-defence-ministry", "Organization", "Sylvanian Defence Ministry",
              ("Defence Ministry",), country=S + "SYL", sector="MIL", articles=(k2,)),
        Actor(G + "regional-seismic-centre", "Organization", "regional seismic centre", (), articles=(k3,)),
        Actor(L + "vienna", "Location", "Vienna", ("VIENNA",), articles=(k1,)),
        Actor(L + "orlo", "Location", "Orlo", (), country=S + "SYL", articles=(k2, k3)),
    )
    emap = {(k1, "E0"): G + "northwire", (k1, "E1"): L + "vienna", (k1, "E2"): S + "FRD",
            (k1, "E3"): S + "SYL", (k1, "E4"): P + "anna-keller", (k1, "E5"): P + "marek-dobos",
            (k1, "E6"): G + "danube-monitor",
            (k2, "E0"): G + "northwire", (k2, "E1"): S + "SYL", (k2, "E2"): G + "sylvanian-defence-ministry",
            (k2, "E3"): S + "FRD", (k2, "E4"): L + "orlo", (k2, "E5"): P + "marek-dobos",
            (k2, "E6"): P + "lena-voss",
            (k3, "E0"): L + "orlo", (k3, "E1"): S + "SYL", (k3, "E2"): G + "regional-seismic-centre"}
    talks = Event("event/talks01", "CONSULT", participants=(P + "anna-keller", P + "marek-dobos"),
                  place=L + "vienna", date="2023-03-20", date_precision="day",
                  mentions=tuple(sorted([(k1, r1.events[0]), (k2, r2.events[2])])), source_count=1)
    shelling = Event("event/shell01", "ASSAULT", agents=(S + "FRD",), targets=(S + "SYL",), place=L + "orlo",
                     date="2023-03-18", date_precision="day", mentions=((k2, r2.events[0]),),
                     source_count=1)
    quake = Event("event/quake01", "DISASTER", place=L + "orlo", date="2023-03", date_precision="month",
                  mentions=((k3, r3.events[0]),), source_count=1)
    accuse = Event("event/accuse01", "ACCUSE", agents=(P + "marek-dobos",), targets=(S + "FRD",),
                   date="2023-03-21", date_precision="day", modality="asserted",
                   mentions=((k2, r2.events[1]),), source_count=1)
    docs = (Document(DIGEST, SHA_DIGEST, "utf-8", 1000), Document(FEED, SHA_FEED, "utf-8-sig", 400))
    prov = tuple(sorted([(k1, DIGEST, 0, r1.article.start, r1.article.end),
                         (k1, FEED, 1, 120, 120 + r1.article.end - r1.article.start),
                         (k2, DIGEST, 1, r2.article.start, r2.article.end),
                         (k3, FEED, 0, r3.article.start, r3.article.end)]))
    events = tuple(sorted((talks, shelling, quake, accuse), key=lambda e: e.key))
    return Model(documents=docs, articles=(r1, r2, r3), provenance=prov, actors=actors, entity_map=emap,
                 events=events)


@contextlib.contextmanager
def serving(graph, **options):
    """A real SPARQL endpoint (``newsgraph.queries.endpoint.serve``) on a free loopback port for the block."""
    from newsgraph.queries.endpoint import serve

    srv = serve(graph, port=0, **options)
    try:
        yield srv
    finally:
        srv.shutdown()
        srv.server_close()


#: Parameter values of the named queries on a build of examples/ (required ones, then optional ones).
QUERY_ACTORS = {"actor": "Mirzoyan", "other": "Bayramov", "country": "Armenia", "place": "Armenia",
                "outlet": "Armenpress"}
QUERY_OPTIONAL = {"type": "CONSULT", "sector": "GOV", "since": "2023-05-01", "until": "2023-05-04"}


def named_query_cases(ttl, events: int, actor_iri: str | None = None) -> list[tuple[str, dict]]:
    """Every named query with its required parameters (the first ``events`` reported events for an
    ``event``), then once more with each optional one; with ``actor_iri`` also an actor given by IRI."""
    reported = "https://w3id.org/newsgraph/ontology#reportedIn"
    found = sorted({str(s) for s, p, _ in ttl if str(p) == reported})[:events]
    cases = []
    for query in list_queries():
        required = {p: QUERY_ACTORS[p] for p in query.params if p != "event"}
        for event in found if "event" in query.params else [None]:
            base = {**required, **({"event": event} if event else {})}
            cases.append((query.name, base))
            for name in query.optional:
                value = "Person" if (query.name, name) == ("actors", "type") else QUERY_OPTIONAL.get(name)
                cases.append((query.name, {**base, name: value or QUERY_ACTORS[name]}))
        if actor_iri and "actor" in query.params:
            cases.append((query.name, {**required, "actor": actor_iri}))
    return cases
