"""An entity ruler that looks its one-word patterns up in a table.

spaCy's Matcher calls a Python predicate on every token for every
``{"ORTH": {"IN": [...]}}`` pattern; the place ruler has five such word lists
(states, demonyms, cities, outlets).  :class:`WordRuler` is spaCy's entity
ruler with those patterns matched by one dictionary look-up per token: it hands
the entity ruler the very match list its Matcher would have made (the same
matches in the same order), so it sets the same entities.

>>> import spacy
>>> nlp = spacy.blank("en")
>>> ruler = nlp.add_pipe("ng_word_ruler")
>>> ruler.add_patterns([{"label": "GPE", "id": "city", "pattern": [{"ORTH": {"IN": ["Paris", "Rome"]}}]},
...                     {"label": "ORG", "id": "x", "pattern": "Le Monde"}])
>>> [(e.text, e.label_) for e in nlp("Le Monde in Paris and Rome.").ents]
[('Le Monde', 'ORG'), ('Paris', 'GPE'), ('Rome', 'GPE')]
"""
from __future__ import annotations

from spacy.language import Language
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.pipeline import EntityRuler
from spacy.pipeline.entityruler import DEFAULT_ENT_ID_SEP
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span

from newsgraph.extract.nlp.lexflags import FlagMatcher


def _word_list(pattern) -> tuple[list[str], str | None] | None:
    """(words, part of speech) of a one-token ``ORTH IN`` pattern (with an optional ``POS``), else None."""
    if not (isinstance(pattern, list) and len(pattern) == 1 and isinstance(pattern[0], dict)):
        return None
    tok = pattern[0]
    orth, pos = tok.get("ORTH"), tok.get("POS")
    if set(tok) - {"ORTH", "POS"} or not isinstance(orth, dict) or set(orth) != {"IN"} \
            or not (pos is None or isinstance(pos, str) and pos in POS_IDS):
        return None
    return list(orth["IN"]), pos


def _held(ent: tuple[int, int] | None, start: int, end: int) -> bool:
    """Whether the entity ``ent`` on a match's first token holds the match and is longer."""
    return ent is not None and end <= ent[1] and ent[1] - ent[0] > end - start


class WordRuler(EntityRuler):
    """spaCy's entity ruler with one-word ``ORTH IN`` patterns matched by table look-up.

    The Matcher emits a match when its state reaches the pattern's last token; at each token
    the states of longer matches come first, then the new states in the order the patterns were
    added.  So the word lists are looked up in the table when they are added before every other
    token pattern and every other token pattern ends on a plain token (no ``OP``); otherwise a
    Matcher holding every token pattern, as spaCy's entity ruler has, is used.  And the Matcher
    is not run on a Doc without any of the words that every match of some pattern needs (the
    ORTH/LOWER values of its tokens without ``OP``), when every pattern has such tokens.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.matcher = self._new_matcher()  # (no pattern added yet: the factory passes none)
        self._table: dict[int, list[tuple[int, int | None]]] = {}  # orth -> [(key, pos)], in pattern order
        self._all: list[tuple[str, list]] = []  # every token pattern, for the plain Matcher if need be
        self._plain: FlagMatcher | None = None
        self._plain_only = False
        self._anchors: tuple[set[int], set[int]] | None = (set(), set())  # ORTH, LOWER (see _may_match)

    #: With ``overwrite_ents``: a match never cuts a longer entity that holds it (a gazetteer
    #: "Los Angeles" leaves the NER's "Los Angeles Lakers" whole); it replaces the ones it crosses.
    keep_longer = False

    def _new_matcher(self) -> FlagMatcher:
        """An empty Matcher for the token patterns, their word tests lexeme flags (:mod:`.lexflags`)."""
        return FlagMatcher(self.nlp.vocab, validate=self._validate, fuzzy_compare=self.matcher_fuzzy_compare)

    def clear(self) -> None:
        """Reset all patterns (as the entity ruler does)."""
        super().clear()
        self.matcher = self._new_matcher()

    def set_annotations(self, doc: Doc, matches) -> None:
        """Set the entities the entity ruler sets (keeping longer ones when ``keep_longer``), in one pass.

        The entity ruler takes the matches in order, skips one on a token of an entity (unless
        ``overwrite_ents``) or on a token an earlier match took, and drops every entity a match it took
        crosses: the entities kept are those no taken match covers, whatever the order of taking."""
        ents = list(doc.ents)
        if self.keep_longer and matches:
            holder: dict[int, tuple[int, int]] = {}  # token -> the entity on it (entities never overlap)
            for e in ents:
                holder.update(dict.fromkeys(range(e.start, e.end), (e.start, e.end)))
            matches = [m for m in matches if not _held(holder.get(m[1]), m[1], m[2])]
        if not matches and doc.has_annotation("ENT_IOB", require_complete=True):
            return  # setting the same entities again would change nothing
        typed = None if self.overwrite else doc.to_array("ENT_TYPE").tolist()
        taken = bytearray(len(doc))
        new: list[Span] = []
        for match_id, start, end in matches:
            if typed is not None and any(typed[start:end]) or taken[start] or taken[end - 1]:
                continue
            if match_id in self._ent_ids:
                label, ent_id = self._ent_ids[match_id]
                new.append(Span(doc, start, end, label=label, span_id=ent_id))
            else:
                new.append(Span(doc, start, end, label=match_id))
            taken[start:end] = b"\x01" * (end - start)
        doc.ents = [e for e in ents if not any(taken[e.start:e.end])] + new

    def add_patterns(self, patterns: list[dict]) -> None:
        """Add patterns as the entity ruler does; one-word lists go to the table (see class doc)."""
        rest: list[dict] = []
        for entry in patterns:
            pattern = entry.get("pattern")
            words = _word_list(pattern)
            if isinstance(pattern, list):
                label = self._create_label(entry["label"], entry["id"]) if "id" in entry else entry["label"]
                self._all.append((label, pattern))
            if words is None or len(self.matcher) or any(isinstance(p.get("pattern"), list) for p in rest):
                rest.append(entry)
                continue
            label = entry["label"]
            if "id" in entry:
                label = self._create_label(label, entry["id"])
                self._ent_ids[self.matcher._normalize_key(label)] = (entry["label"], entry["id"])
            self.token_patterns[label].append(pattern)
            key, pos = self.matcher._normalize_key(label), POS_IDS[words[1]] if words[1] else None
            for w in dict.fromkeys(words[0]):
                self._table.setdefault(get_string_id(w), []).append((key, pos))
        self._plain = None
        self._plain_only = any(p and "OP" in p[-1] for _, p in self._all)
        for entry in rest:
            if isinstance(entry.get("pattern"), list):
                self._add_anchors(entry["pattern"])
        super().add_patterns(rest)

    def _add_anchors(self, pattern: list[dict]) -> None:
        """Note the words one of which every match of ``pattern`` has: those of its first token
        without ``OP`` that has an ORTH or LOWER word (list)."""
        if self._anchors is None:
            return
        for tok in pattern:
            for attr, store in (("ORTH", self._anchors[0]), ("LOWER", self._anchors[1])):
                value = tok.get(attr)
                words = [value] if isinstance(value, str) else value.get("IN") if isinstance(value, dict) \
                    and set(value) == {"IN"} else None
                if "OP" not in tok and words is not None:
                    store.update(get_string_id(w) for w in words)
                    return
        self._anchors = None  # a pattern without such a token: always run the Matcher

    def _may_match(self, doc: Doc, doc_orths: list[int] | None = None) -> bool:
        """False when no token has a word every match of some pattern needs: the Matcher finds nothing.

        ``doc_orths``: ``doc.to_array("ORTH").tolist()`` when the caller already has it."""
        if self._anchors is None:
            return True
        orths, lowers = self._anchors
        if doc_orths is None:
            doc_orths = doc.to_array("ORTH").tolist()
        return not (orths.isdisjoint(doc_orths)
                    and lowers.isdisjoint(doc.to_array("LOWER").tolist()))

    def match(self, doc: Doc):
        """The entity ruler's matches (see :meth:`EntityRuler.match`)."""
        matches = self._token_matches(doc) + list(self.phrase_matcher(doc))
        final = set([(m_id, start, end) for m_id, start, end in matches if start != end])
        return sorted(final, key=lambda m: (m[2] - m[1], -m[1]), reverse=True)

    def _token_matches(self, doc: Doc) -> list[tuple[int, int, int]]:
        """The matches of every token pattern, in the order the Matcher holding them all gives."""
        doc_orths = doc.to_array("ORTH").tolist()
        found = list(self.matcher(doc)) if len(self.matcher) and self._may_match(doc, doc_orths) else []
        if not self._table or not len(doc):
            return found
        if self._plain_only:
            return self._plain_matches(doc)  # matches ending after their last token: order unknown
        table, pos = self._table, doc.to_array("POS").tolist()
        out: list[tuple[int, int, int]] = []
        k, n = 0, len(found)
        for i, orth in enumerate(doc_orths):
            while k < n and found[k][2] == i + 1 and found[k][1] < i:
                out.append(found[k])  # longer matches ending here: their states are older
                k += 1
            for key, need in table.get(orth, ()):
                if need is None or pos[i] == need:
                    out.append((key, i, i + 1))
            while k < n and found[k][2] == i + 1 and found[k][1] == i:
                out.append(found[k])  # one-token patterns added after the word lists
                k += 1
        return out if k == n else self._plain_matches(doc)

    def _plain_matches(self, doc: Doc) -> list[tuple[int, int, int]]:
        """The matches of a Matcher holding every token pattern (what the entity ruler would use)."""
        if self._plain is None:
            self._plain = self._new_matcher()
            for label, pattern in self._all:
                self._plain.add(label, [pattern])
        return list(self._plain(doc))


@Language.factory("ng_word_ruler", assigns=["doc.ents", "token.ent_type", "token.ent_iob"],
                  default_config={"phrase_matcher_attr": None, "validate": False, "overwrite_ents": False,
                                  "keep_longer": False, "ent_id_sep": DEFAULT_ENT_ID_SEP})
def make_word_ruler(nlp: Language, name: str, phrase_matcher_attr, validate: bool,  # noqa: PLR0913 (config)
                    overwrite_ents: bool, keep_longer: bool, ent_id_sep: str) -> WordRuler:
    """Factory of :class:`WordRuler` (configured like spaCy's ``entity_ruler``, plus ``keep_longer``)."""
    ruler = WordRuler(nlp, name, phrase_matcher_attr=phrase_matcher_attr, validate=validate,
                      overwrite_ents=overwrite_ents, ent_id_sep=ent_id_sep)
    ruler.keep_longer = keep_longer
    return ruler
