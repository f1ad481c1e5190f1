"""The Gephi views of the graph, collected from subject groups in one pass (see
:mod:`newsgraph.graph.export.gephi`).

:class:`View` is fed the subject groups of the union graph in subject order
(:meth:`newsgraph.graph.rdf.plan.Plan.union`, or :func:`newsgraph.graph.rdf.terms.groups_of` of an rdflib
graph) and keeps only what the views need: per node its scalar attributes, per
candidate edge its ends, per event its type, date and actors.  :meth:`View.full`
and :meth:`View.actors` then give the nodes ``[(id, attrs)]`` and edges
``[(source, target, id, attrs)]`` (``attrs`` start with the ``id``) of the whole graph and of the
actor network.  The Python API's :func:`~newsgraph.queries.api.to_networkx` and
:func:`~newsgraph.queries.api.actor_network` are these same views, keyed by IRI.

>>> v = View()
>>> v.add("http://e/x", [("http://www.w3.org/1999/02/22-rdf-syntax-ns#type", NG + "Person")])
>>> v.full()
([('n0', {'iri': 'http://e/x', 'type': 'Person', 'label': 'x', 'mentions': 0})], [])
"""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import combinations

from newsgraph.graph.rdf.terms import Blank, text
from newsgraph.graph.rdf.vocab import NG_NS, ng, org, prov, rdf, rdfs, schema, skos

__all__ = ["View", "EventFilter", "READS", "KINDS", "ACTOR_KINDS", "EDGE_KINDS", "EDGE_LABELS",
           "adjacency_order"]

NG = str(NG_NS)
KINDS = ("Outlet", "Person", "State", "Organization", "Location", "Event", "Article", "Document")
ACTOR_KINDS = ("Outlet", "Person", "State", "Organization")
#: The actor network's edge kinds and whether each is directed (the edge's ``directed`` attribute).
EDGE_KINDS = {"coParticipation": False, "agentTarget": True}
#: The relations drawn as edges (predicate IRI -> the edge's ``label``).
EDGE_LABELS = {
    ng.agent: "agent", ng.target: "target", ng.participant: "participant", ng.place: "place",
    ng.reportedIn: "reportedIn", ng.outlet: "outlet", schema.author: "author", ng.dateline: "dateline",
    ng.cites: "cites", ng.country: "country", ng.mentionedIn: "mentionedIn",
    prov.wasDerivedFrom: "derivedFrom"}
TYPE, LABEL, NOTATION = rdf.type, rdfs.label, skos.notation
_KIND_IRIS = tuple((NG + k, k) for k in KINDS)
#: The other predicates and classes the views read, by local name.
_P = {name: getattr(iris, name) for iris, names in (
    (ng, ("eventType", "date", "datePrecision", "modality", "sourceCount", "sha256", "encoding", "sector",
          "countryCode", "mentionedIn", "speaker", "inArticle", "agent", "target", "participant",
          "Statement")),
    (schema, ("headline", "datePublished", "url")),
    (prov, ("atLocation",)),
    (skos, ("altLabel",)),
    (org, ("member", "organization", "role", "Membership"))) for name in names}

#: Every predicate a :class:`View` reads (it ignores the others; a store can be read by these alone).
READS = frozenset({TYPE, LABEL, NOTATION, *EDGE_LABELS, *_P.values()})


class _Subject:
    """The triples of one subject, by predicate (objects in their group order)."""

    def __init__(self, pos: list) -> None:
        self.by_p: dict[str, list] = {}
        for p, o in pos:
            self.by_p.setdefault(p, []).append(o)

    def all(self, p: str) -> list:
        return self.by_p.get(p, [])

    def one(self, p: str) -> str | None:
        """The smallest ``str()`` of the objects (as the rdflib views did)."""
        vals = self.all(p)
        return min(text(o) for o in vals) if vals else None

    def first(self, p: str):
        """The object with the smallest ``str()``."""
        vals = self.all(p)
        return min(vals, key=text) if vals else None


def _attrs(subj: _Subject, iri: str, kind: str) -> dict:
    """Scalar attributes of one node (an Event's type is filled in later, see :meth:`View._event_attrs`)."""
    one = subj.one
    a: dict = {"iri": iri, "type": kind}
    if kind == "Event":
        a.update(eventType=subj.first(_P["eventType"]), date=one(_P["date"]),
                 datePrecision=one(_P["datePrecision"]), modality=one(_P["modality"]),
                 sourceCount=int(one(_P["sourceCount"]) or 0), label=None)
    elif kind == "Article":
        a.update(label=one(_P["headline"]), date=one(_P["datePublished"]), url=one(_P["url"]))
    elif kind == "Document":
        a.update(label=one(_P["atLocation"]), sha256=one(_P["sha256"]), encoding=one(_P["encoding"]))
    else:
        alts = ";".join(sorted({text(o) for o in subj.all(_P["altLabel"])})) or None
        a.update(label=one(LABEL), altLabels=alts, sector=one(_P["sector"]),
                 countryCode=one(_P["countryCode"]), mentions=len(set(subj.all(_P["mentionedIn"]))))
    return a


def _number(node_id: str) -> int:
    return int(node_id[1:])


def _edge(i: int, u: str, v: str, data: dict) -> tuple:
    """Edge number ``i``: (source, target, key, attributes with the id first, empty values left out)."""
    key = f"e{i}"
    return u, v, key, {"id": key, **{k: x for k, x in data.items() if x not in (None, "")}}


def adjacency_order(nodes, edges: list[tuple]) -> Iterator[tuple]:
    """Edges (added in list order) in the order a networkx multigraph iterates them: by source
    node, then target, then key, each in the order first added."""
    adj: dict = {n: {} for n in nodes}
    for e in edges:
        adj.setdefault(e[0], {}).setdefault(e[1], []).append(e)
    for targets in adj.values():
        for group in targets.values():
            yield from group


def _clean(a: dict, iri: str) -> dict:
    a["label"] = a.get("label") or iri.rstrip("/").rsplit("/", 1)[-1]
    return {k: v for k, v in a.items() if v is not None and v != ""}


@dataclass(frozen=True)
class EventFilter:
    """Which events count in the actor network: ``types`` (event type names, upper case),
    dated ``since``/``until`` (ISO date strings, inclusive); None keeps all.

    >>> EventFilter(types=("CONSULT",), since="2023-03-21").keeps("CONSULT", "2023-03-20")
    False
    """

    types: tuple[str, ...] | None = None
    since: str | None = None
    until: str | None = None

    def keeps(self, etype: str, date: str) -> bool:
        """Whether an event of type ``etype`` dated ``date`` ("" when undated) counts."""
        if self.types is not None and etype not in self.types:
            return False
        if self.since and (not date or date < self.since):
            return False
        return not (self.until and (not date or date[:10] > self.until))


class View:
    """Collects the Gephi views from subject groups given in subject order."""

    def __init__(self) -> None:
        self.nodes: list[tuple[str, str, dict]] = []      # (iri, kind, attrs) in subject order
        self.notation: dict[str, str] = {}                 # subject -> smallest skos:notation
        self.labels: dict[str, set] = {}                   # subject -> rdfs:label texts
        self.links: Counter = Counter()                    # (node iri, object, label) -> triples
        self.members: list[tuple] = []                     # (member, organization, roles) per membership
        self.quotes: list[tuple] = []                      # (speaker, article) per statement
        self.events: list[tuple] = []                      # (type node, date, agents, targets, participants)
        self.names: dict[str, str] = {}                    # one copy of each IRI kept

    def add(self, s: str, pos: list) -> None:
        """Take in the triples of subject ``s``."""
        subj = _Subject(pos)
        types = set(subj.all(TYPE))
        if NOTATION in subj.by_p:
            self.notation[s] = subj.one(NOTATION)
        if LABEL in subj.by_p:
            self.labels[s] = {text(o) for o in subj.all(LABEL)}
        kind = next((k for iri, k in _KIND_IRIS if iri in types), None) if not isinstance(s, Blank) else None
        if kind:
            s = self.name(s)
            self.nodes.append((s, kind, _attrs(subj, s, kind)))
            for p, o in pos:
                label = EDGE_LABELS.get(p)
                if label and isinstance(o, str):
                    self.links[(s, self.name(o), label)] += 1
        if _P["Membership"] in types:
            self.members.append((subj.first(_P["member"]), subj.first(_P["organization"]),
                                 tuple(subj.all(_P["role"]))))
        if _P["Statement"] in types:
            self.quotes.append((subj.first(_P["speaker"]), subj.first(_P["inArticle"])))
        if NG + "Event" in types:
            roles = (tuple(map(self.name, subj.all(_P[r]))) for r in ("agent", "target", "participant"))
            self.events.append((subj.first(_P["eventType"]), (subj.one(_P["date"]) or "")[:10], *roles))

    def name(self, iri):
        """The one copy kept of an IRI (or other term)."""
        return self.names.setdefault(iri, iri)

    def _etype(self, t) -> str | None:
        """An event type's name: its ``skos:notation``, else its IRI's local name."""
        if not isinstance(t, str):
            return None
        return self.notation.get(t) or t.rsplit("#", 1)[-1]

    def _ids(self) -> dict[str, tuple[str, str]]:
        return {iri: (f"n{i}", kind) for i, (iri, kind, _) in enumerate(self.nodes)}

    def _node_attrs(self, iri: str, kind: str, a: dict) -> dict:
        if kind == "Event":
            a = dict(a, eventType=self._etype(a["eventType"]))
            a["label"] = " ".join(x for x in (a["eventType"] or "Event", a["date"]) if x)
        return _clean(dict(a), iri)

    def full(self) -> tuple[list, list]:
        """Nodes and edges of the whole graph; edge ids in (source, target, label) order, edges
        listed as networkx iterates them (by source node, target, label)."""
        ids = {iri: nid for iri, (nid, _) in self._ids().items()}
        nodes = [(ids[iri], self._node_attrs(iri, kind, a)) for iri, kind, a in self.nodes]
        weights: Counter = Counter()
        for (s, o, label), n in self.links.items():
            if o in ids:
                weights[(ids[s], ids[o], label)] += n
        titles: dict[tuple, set] = defaultdict(set)
        for member, organization, roles in self.members:
            if member in ids and organization in ids:
                key = (ids[member], ids[organization], "member")
                weights[key] += 1
                for r in roles:
                    titles[key].update(self.labels.get(r, ()) if isinstance(r, str) else ())
        for speaker, article in self.quotes:
            if speaker in ids and article in ids:
                weights[(ids[speaker], ids[article], "quotedIn")] += 1
        number = {key: i for i, key in enumerate(sorted(weights))}
        edges = []
        for key in sorted(weights, key=lambda k: (_number(k[0]), k[1], k[2])):
            role = ";".join(sorted(titles[key])) if key in titles else None
            data = {"label": key[2], "weight": weights[key], "role": role}
            edges.append(_edge(number[key], key[0], key[1], data))
        return nodes, edges

    def actors(self, keep: EventFilter = EventFilter()) -> tuple[list, list]:
        """Nodes and edges of the actor network (coParticipation and agentTarget edges) of the events
        ``keep`` keeps; every actor is a node (``events`` = how many kept events it is in)."""
        ids = {iri: nid for iri, (nid, kind) in self._ids().items() if kind in ACTOR_KINDS}
        nodes = {ids[iri]: dict(self._node_attrs(iri, kind, a), events=0)
                 for iri, kind, a in self.nodes if iri in ids}
        pairs: dict[tuple[str, str, str], list] = defaultdict(list)
        for t, date, agents, targets, participants in self.events:
            etype = self._etype(t) or ""
            if not keep.keeps(etype, date):
                continue
            everyone = sorted({ids[o] for o in (*agents, *targets, *participants) if o in ids}, key=_number)
            for n in everyone:
                nodes[n]["events"] += 1
            for u, v in combinations(everyone, 2):
                pairs[("coParticipation", u, v)].append((etype, date))
            for u in sorted({ids[o] for o in agents if o in ids}):
                for v in sorted({ids[o] for o in targets if o in ids} - {u}):
                    pairs[("agentTarget", u, v)].append((etype, date))
        order = sorted(pairs.items(), key=lambda x: (x[0][0], _number(x[0][1]), _number(x[0][2])))
        edges = [_edge(i, u, v, _pair_attrs(kind, evs)) for i, ((kind, u, v), evs) in enumerate(order)]
        return list(nodes.items()), list(adjacency_order(nodes, edges))


def _pair_attrs(kind: str, evs: list[tuple[str, str]]) -> dict:
    """An actor-network edge's attributes from its events' (type, date)."""
    dates = sorted(d for _, d in evs if d)
    return {"label": kind, "kind": kind, "weight": len(evs),
            "eventTypes": ";".join(sorted({t for t, _ in evs if t})),
            "firstDate": dates[0] if dates else None, "lastDate": dates[-1] if dates else None,
            "directed": EDGE_KINDS[kind]}
