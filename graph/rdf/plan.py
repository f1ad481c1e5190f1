"""The triples of a model in two orders, generated on demand: by named graph and by subject.

A :class:`Plan` indexes a resolved model (which actors and events each article
names) and then yields the triples of :class:`newsgraph.graph.rdf.Mapper` as *groups*
``(subject, [(p, o), ...])`` (compact terms, :mod:`newsgraph.graph.rdf.terms`):

* :meth:`Plan.graphs`: named graph by named graph (names sorted), each graph's
  subjects sorted -- for the TriG file and the store;
* :meth:`Plan.union`: every subject once, sorted, with its triples from all
  graphs -- for the Turtle, JSON-LD, GraphML and GEXF files.

Within a group the triples are sorted (:func:`newsgraph.graph.rdf.terms.triple_key`) and
without repeats.  Only one subject's triples are made at a time (and the few
parts of one article graph), so memory does not grow with the corpus beyond the
model itself.  The same model always gives the same groups in the same order.

>>> from newsgraph.graph.model import Model
>>> p = Plan(Model())
>>> [name for name, _ in p.graphs()], sum(len(pos) for _, pos in p.union()) > 0
(['graph/resolved'], True)
"""
from __future__ import annotations

import heapq
from collections.abc import Iterable, Iterator
from itertools import groupby
from operator import itemgetter

from newsgraph.graph.model import Model
from newsgraph.graph.rdf.mapping import (
    DOCUMENTS,
    RESOLVED,
    Group,
    Mapper,
    article_graph,
    base_iri,
    event_type_groups,
    event_type_iri,
)
from newsgraph.graph.rdf.terms import sorted_pairs
from newsgraph.graph.rdf.vocab import DEFAULT_BASE

__all__ = ["Plan", "merged"]

_SUBJECT = itemgetter(0)


def merged(*streams: Iterable[Group]) -> Iterator[Group]:
    """One stream of groups from streams each sorted by subject: equal subjects joined, repeated
    triples dropped, triples sorted (:func:`newsgraph.graph.rdf.terms.triple_key`)."""
    last = None
    joined = heapq.merge(*streams, key=_SUBJECT) if len(streams) > 1 else streams[0]
    for s, parts in groupby(joined, key=_SUBJECT):
        if last is not None and s < last:
            raise RuntimeError(f"subjects out of order: {s!r} after {last!r}")  # a mapping bug, never input
        last = s
        (_, first), *rest = parts
        pairs = set(first)
        for _, part in rest:
            pairs.update(part)
        yield s, sorted_pairs(pairs)


def _by_subject(groups: Iterable[Group]) -> list[Group]:
    return sorted(groups, key=_SUBJECT)


class Plan:
    """The quads of one model, by graph or by subject (see the module docstring)."""

    def __init__(self, model: Model, base: str = DEFAULT_BASE):
        self.base = base_iri(base)
        self.map = m = Mapper(model, self.base)
        self.articles = sorted(model.articles, key=lambda r: r.article.key)
        self.by_key = {r.article.key: r for r in self.articles}
        self.actors = sorted(((m.iri(a.key), a) for a in model.actors), key=itemgetter(0))
        for e in model.events:
            event_type_iri(e.type)   # an undeclared type is an error here, before any triple is made
        self.events = sorted(((m.iri(e.key), e) for e in model.events), key=itemgetter(0))
        self.named_by: dict[str, list] = {}      # article key -> actors mentioned in it
        for _, act in self.actors:
            for akey in act.articles:
                self.named_by.setdefault(akey, []).append(act)
        self.reports: dict[str, list] = {}       # article key -> (event, mention) reported in it
        for _, ev in self.events:
            for akey, men in ev.mentions:
                self.reports.setdefault(akey, []).append((ev, men))

    # -- by named graph
    def graph_names(self) -> list[str]:
        """Names (relative to the base) of the non-empty named graphs, sorted."""
        keys = set(self.by_key) | set(self.named_by) | set(self.reports)
        names = [article_graph(k) for k in keys] + [RESOLVED]
        if self.articles or self.map.m.documents:
            names.append(DOCUMENTS)
        return sorted(names)

    def graphs(self) -> Iterator[tuple[str, Iterator[Group]]]:
        """(name, groups) of every named graph, names sorted."""
        for name in self.graph_names():
            yield name, self.graph(name)

    def graph(self, name: str) -> Iterator[Group]:
        """The groups of one named graph, subjects sorted."""
        if name == RESOLVED:
            return self._resolved()
        if name == DOCUMENTS:
            return self._documents()
        return self._article(name.rsplit("/", 1)[-1])

    def _article(self, akey: str) -> Iterator[Group]:
        m, rec, parts = self.map, self.by_key.get(akey), []
        if rec is not None:
            parts = [m.article(rec), *m.citations(rec), *m.memberships(rec), *m.statements(rec)]
        parts += [m.mentioned_in(act, akey) for act in self.named_by.get(akey, ())]
        for ev, men in self.reports.get(akey, ()):
            parts += [m.reported(ev, akey, men), m.mention(akey, men)]
        return merged(_by_subject(parts))

    def _documents(self) -> Iterator[Group]:
        m = self.map
        return merged((m.article_provenance(r) for r in self.articles), self._derivations(),
                      self._documents_only())

    def _derivations(self) -> Iterator[Group]:
        for rec in self.articles:     # derivation IRIs start with the (fixed-length) article key
            yield from _by_subject(self.map.derivations(rec))

    def _resolved(self) -> Iterator[Group]:
        m = self.map
        return merged(event_type_groups(), (m.actor_node(a) for _, a in self.actors),
                      _by_subject(m.roles()), (m.event(e) for _, e in self.events))

    # -- by subject
    def union(self) -> Iterator[Group]:
        """Every subject once, sorted, with all its triples (the union of the named graphs)."""
        m = self.map
        return merged(event_type_groups(), self._actors(), self._article_nodes(), self._derivations(),
                      self._documents_only(), self._events(), _by_subject(m.roles()),
                      self._per_article(m.citations), self._per_article(m.memberships),
                      self._per_article(m.statements), self._mentions())

    def _actors(self) -> Iterator[Group]:
        for iri, act in self.actors:
            _, pos = self.map.actor_node(act)
            yield iri, pos + [po for akey in act.articles for po in self.map.mentioned_in(act, akey)[1]]

    def _article_nodes(self) -> Iterator[Group]:
        for rec in self.articles:
            s, pos = self.map.article(rec)
            yield s, pos + self.map.article_provenance(rec)[1]

    def _documents_only(self) -> list[Group]:
        m = self.map
        docs = [m.document(d.source, d.sha256, d.encoding) for d in m.m.documents]
        return _by_subject(docs + [g for rec in self.articles for g in m.unlisted_documents(rec)])

    def _events(self) -> Iterator[Group]:
        for iri, ev in self.events:
            _, pos = self.map.event(ev)
            yield iri, pos + [po for akey, men in ev.mentions for po in self.map.reported(ev, akey, men)[1]]

    def _per_article(self, make) -> Iterator[Group]:
        for rec in self.articles:     # their IRIs start with <kind>/<article key>-
            yield from _by_subject(make(rec))

    def _mentions(self) -> Iterator[Group]:
        for akey in sorted(self.reports):
            yield from _by_subject(self.map.mention(akey, men) for _, men in self.reports[akey])
