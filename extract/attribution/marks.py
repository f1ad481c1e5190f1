"""Quotation marks and the per-Doc context quotes and citations share.

:func:`quote_spans` finds the quoted stretches of a text (straight and curly
marks, quotes running over several paragraphs, a stray unbalanced mark never
breaking the rest); :class:`Context` answers "is this token quoted?" and "which
actor is this?" for one Doc.

>>> t = 'He said "we will stay." Then a \\u201cthing\\u201d happened.'
>>> [t[s:e] for s, e in quote_spans(t)]
['we will stay.', 'thing']
>>> t = 'Broken "start here.\\n\\nNext "ok" end.'
>>> [t[s:e] for s, e in quote_spans(t)]
['ok']
"""
from __future__ import annotations

import bisect
import re

from spacy.tokens import Doc, Token

from newsgraph.extract.lexicon.names import norm
from newsgraph.extract.nlp import docview
from newsgraph.extract.roles.titles import as_state, entities, mentions

MARKS = '"\u201c\u201d\u201e'
_MARK = re.compile(f"[{MARKS}]")
_PATH = ("compound", "appos", "poss", "nmod", "flat", "conj", "amod", "npadvmod", "nummod", "det")


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Offsets of the quoted words (inside the marks, trimmed) of every well-formed quotation."""
    paras = [(m.start(), m.end()) for m in re.finditer(r"\S(?:.|\n(?!\s*\n))*", text)]
    out: list[tuple[int, int]] = []
    for n, (ps, pe) in enumerate(paras):
        open_at = None
        for m in _MARK.finditer(text, ps, pe):
            i, ch = m.start(), m.group()
            prev = text[i - 1] if i > ps else " "
            nxt = text[i + 1] if i + 1 < pe else " "
            if open_at is None:
                stray_close = ch == "\u201d" and not prev.isspace() and i > ps
                stray_close |= ch == '"' and not prev.isspace() and i > ps and (nxt.isspace() or i + 1 == pe)
                if not stray_close:
                    open_at = i
            elif ch in "\u201c\u201e" and not nxt.isspace():
                open_at = i  # a second opening mark: the first one was stray
            else:
                out.append(_trim(text, open_at + 1, i))
                open_at = None
        if open_at is not None and n + 1 < len(paras) and text[paras[n + 1][0]] in MARKS:
            out.append(_trim(text, open_at + 1, pe))  # runs on into the next paragraph
    return [(s, e) for s, e in out if any(c.isalnum() for c in text[s:e])]


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] == ","):
        e -= 1
    return s, e


class Context:
    """Per-document lookups shared by the quote and citation extractors."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.text = docview.text(doc)  # Doc.text joins every token on each access: read it once
        self.known = entities(doc)
        self.ments = mentions(doc)
        self.spans = quote_spans(self.text)
        self._starts = [s for s, _ in self.spans]
        self._idx: list[int] | None = None
        self._ends: list[int] | None = None

    def tokens_in(self, start: int, end: int) -> list[Token]:
        """The tokens starting at a character in ``[start, end)``."""
        if self._idx is None:
            self._idx = self.doc.to_array("IDX").tolist() if len(self.doc) else []
        lo, hi = bisect.bisect_left(self._idx, start), bisect.bisect_left(self._idx, end)
        return [self.doc[i] for i in range(lo, hi)]

    def token_at(self, char: int) -> Token | None:
        """The first token ending after character ``char`` (None past the last one)."""
        if self._ends is None:
            doc = self.doc
            self._ends = (doc.to_array("IDX") + doc.to_array("LENGTH")).tolist() if len(doc) else []
        k = bisect.bisect_right(self._ends, char)
        return self.doc[k] if k < len(self._ends) else None

    def in_quote(self, tok: Token) -> bool:
        k = bisect.bisect_right(self._starts, tok.idx) - 1
        return k >= 0 and tok.idx < self.spans[k][1]

    def kind(self, eid: str | None) -> str | None:
        return self.known[eid].kind if eid in self.known else None

    def entity_of(self, tok: Token) -> str | None:
        """Entity id of the mention covering ``tok`` (places standing for a State as the State)."""
        m = self.ments.get(tok.i)
        if m is None:
            return self.person_named(tok)
        e = self.known[m.kb_id_]
        if e.kind == "Location":
            st = as_state(self.doc, e)
            return st.id if st else None
        return e.id

    def actors_in(self, head: Token, preps=("of", "from", "by")) -> list[str]:
        """Actors named by a noun phrase: its own mention, compounds, appositions, of/from/by."""
        found: list[tuple[int, str]] = []
        todo = [head]
        while todo:
            tok = todo.pop(0)
            eid = self.entity_of(tok)
            if eid and eid not in (f for _, f in found):
                found.append((tok.i, eid))
            for c in tok.children:
                if (c.dep_ in _PATH or (c.dep_ == "prep" and c.lower_ in preps)
                        or (c.dep_ == "pobj" and tok.dep_ == "prep")):
                    todo.append(c)
        return [eid for _, eid in sorted(found)]

    def person_named(self, tok: Token) -> str | None:
        """A proper noun the NER missed that repeats a person's (last) name: "..., Kirby said"."""
        if tok.pos_ != "PROPN" or self.in_quote(tok):
            return None
        key = norm(tok.text, keep_hyphens=True)
        hits = [e for e in self.known.values() if e.kind == "Person" and key and key in
                {norm(w, keep_hyphens=True) for f in (e.name, *e.forms) for w in f.split()[-1:]}]
        before = [(max(s for s, _ in e.spans if s < tok.idx), e.id) for e in hits
                  if any(s < tok.idx for s, _ in e.spans)]
        return max(before)[1] if before else (hits[0].id if hits else None)
