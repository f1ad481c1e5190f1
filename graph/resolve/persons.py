"""Persons across articles: which article-local person entities are one person.

Persons are joined by normalised full name (:func:`~newsgraph.extract.lexicon.names.person_tokens`:
honorifics dropped, spelling variants folded); a name whose tokens are a suffix of exactly one
longer name in the corpus ("Bagheri Kani" -> "Ali Bagheri Kani") joins it, a suffix of two
different names ("Smith": "John Smith", "Anna Smith") stays apart, and so does a name made of two
names found on their own ("Hillary Clinton Donald Trump", a page's captions run together); a
shared form of two or more tokens links entities whose names agree; a name with middle initials
("James B. Comey") joins the one name without them ("James Comey") unless other initials make it too.
"""
from __future__ import annotations

from newsgraph.extract.lexicon.names import person_tokens
from newsgraph.extract.records import Entity
from newsgraph.graph.resolve.unionfind import UnionFind

Node = tuple[str, str]  # (article key, local entity id)


def _suffix(short: tuple, long: tuple) -> bool:
    return len(short) < len(long) and long[-len(short):] == short


def _composite(name: tuple, names) -> bool:
    """Two full names run together ("Hillary Clinton Donald Trump", from a page's
    captions): both halves are names of two or more words found on their own."""
    return any(name[:i] in names and name[i:] in names for i in range(2, len(name) - 1))


class _PersonLinks:
    """Persons joined in three passes (full name, shared multi-token forms, unambiguous suffixes),
    each cluster remembered by its longest name."""

    def __init__(self, uf: UnionFind, ents: dict[Node, Entity]) -> None:
        self.uf, self.ents = uf, ents
        self.best = {node: person_tokens(ents[node].name) for node in sorted(ents)}  # root -> longest name

    def join(self, a: Node, b: Node) -> None:
        ra, rb = self.uf.find(a), self.uf.find(b)
        name = min((self.best.get(ra, ()), self.best.get(rb, ())), key=lambda t: (-len(t), t))
        self.uf.union(ra, rb)
        self.best[self.uf.find(ra)] = name

    def same_name(self) -> None:
        """Entities with the same full name."""
        by_name: dict[tuple, list[Node]] = {}
        for node in sorted(self.ents):
            if self.best[node]:
                by_name.setdefault(self.best[node], []).append(node)
        for nodes in by_name.values():
            for n in nodes[1:]:
                self.join(nodes[0], n)

    def shared_forms(self) -> None:
        """Entities sharing a form of two or more words, unless a name is two names run together
        or neither name ends the other."""
        own = {self.best[n] for n in self.ents}  # every name as some entity's own name
        by_form: dict[tuple, set[Node]] = {}
        for node, e in self.ents.items():
            for f in (e.name, *e.forms):
                if len(person_tokens(f)) >= 2:
                    by_form.setdefault(person_tokens(f), set()).add(node)
        for form in sorted(by_form):
            nodes = sorted(by_form[form])
            for n in nodes[1:]:
                a, b = self.best[self.uf.find(nodes[0])], self.best[self.uf.find(n)]
                if _composite(a, own) or _composite(b, own):
                    continue
                if a == b or _suffix(a, b) or _suffix(b, a):
                    self.join(nodes[0], n)

    def unique_suffixes(self) -> None:
        """A name ("Bagheri Kani") joins the one longer name ending with it ("Ali Bagheri Kani")."""
        names: dict[tuple, list[Node]] = {}
        for r in sorted({self.uf.find(n) for n in self.ents}):
            names.setdefault(self.best[r], []).append(r)
        longer: dict[tuple, set[tuple]] = {}  # suffix -> the longer names ending with it
        for name in names:
            if _composite(name, names):
                continue
            for i in range(1, len(name)):
                longer.setdefault(name[i:], set()).add(name)
        for name in sorted(names, key=lambda t: (-len(t), t)):
            targets = {self.uf.find(r) for other in longer.get(name, ()) for r in names[other]}
            if name and len(targets) == 1:
                for r in names[name]:
                    self.join(r, next(iter(targets)))

    def middle_initials(self) -> None:
        """A name with middle initials ("James B. Comey") joins the same name without them ("James
        Comey") when no other initials make that name ("George H. Bush", "George W. Bush" stay apart)."""
        plain: dict[tuple, set[Node]] = {}
        initialled: dict[tuple, set[tuple]] = {}
        roots = sorted({self.uf.find(n) for n in self.ents})
        for r in roots:
            name = self.best[r]
            bare = _without_initials(name)
            if bare == name:
                plain.setdefault(name, set()).add(r)
            elif len(bare) >= 2:
                initialled.setdefault(bare, set()).add(name)
        for r in roots:
            bare = _without_initials(self.best[r])
            if bare != self.best[r] and len(initialled.get(bare, ())) == 1 and len(plain.get(bare, ())) == 1:
                self.join(r, next(iter(plain[bare])))


def _without_initials(name: tuple) -> tuple:
    """The name without its middle initials: ("james", "b", "comey") -> ("james", "comey")."""
    return name[:1] + tuple(t for t in name[1:-1] if len(t) > 1) + name[-1:] if len(name) > 2 else name


def link_persons(uf: UnionFind, ents: dict[Node, Entity]) -> None:
    """Join persons by full name, shared multi-token forms, middle initials and unambiguous suffixes."""
    links = _PersonLinks(uf, ents)
    links.same_name()
    links.shared_forms()
    links.middle_initials()
    links.unique_suffixes()
