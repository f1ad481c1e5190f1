"""Events: PLOVER-typed event mentions with arguments, date, place and modality.

:func:`events` reads an article sentence by sentence (:class:`~newsgraph.extract.events.state.ArticleState`):

* :mod:`~newsgraph.extract.events.triggers` finds the triggers, from the lexicon
  ``extract/lexicon/data/events.toml`` (:mod:`~newsgraph.extract.events.lexicon`: verbs,
  nominalisations, light-verb + noun pairs, particle requirements) matched on lemmas and the parse,
  a verb's type read against its arguments by :mod:`~newsgraph.extract.events.verbs`;
* :mod:`~newsgraph.extract.events.arguments` their parties (:mod:`~newsgraph.extract.events.phrases`
  maps a phrase to an entity, :mod:`~newsgraph.extract.events.syntax` reads the parse);
* :mod:`~newsgraph.extract.events.mentions` makes the mentions, dated by
  :mod:`~newsgraph.extract.events.temporal`, with :mod:`~newsgraph.extract.events.modality`.

The event types themselves are declared in ``extract/lexicon/data/event_types.toml``.

>>> lexicon().verbs["condemn"], lexicon().pairs[("summon", "ambassador")]
('ACCUSE', 'ACCUSE')
>>> sorted(etype for etype, preps in lexicon().prep["call"] if "for" in preps)
['REQUEST']
"""
from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc

from newsgraph.extract.events.context import context
from newsgraph.extract.events.lexicon import lexicon, word_type
from newsgraph.extract.events.mentions import sentence_mentions
from newsgraph.extract.events.modality import modality
from newsgraph.extract.events.state import ArticleState
from newsgraph.extract.events.temporal import share_dates
from newsgraph.extract.lexicon import gazetteer as gz
from newsgraph.extract.nlp import docview
from newsgraph.extract.records import EventMention

__all__ = ["events", "lexicon", "modality"]


def events(doc: Doc) -> Iterator[EventMention]:
    """Extractor: the article's event mentions, in text order: the headline's, then the body's.

    The body is read first, and the headline on its own: it names the story's happening and tells
    nothing of the body's "the two sides" or "the earthquake" again.  A headline's mention has the
    negative offsets of its place before the body and no date of its own (its present tense is no day):
    it takes its body report's (:func:`~newsgraph.extract.events.temporal.share_dates`).

    >>> import spacy
    >>> list(events(spacy.blank("en")("Chile attacked Peru.")))   # no article, no parse: nothing
    []
    """
    article = doc._.ng_article
    if article is None or not (doc.has_annotation("DEP") or doc.has_annotation("SENT_START")):
        return  # no parse, no arguments: nothing reliable to say
    lex, ctx = lexicon(), context(doc, gz.actor_nouns())
    text = docview.text(doc)
    sents = [s for s in docview.sents(doc) if text[s.start_char:s.end_char].strip()]
    found: list[EventMention] = []
    for part in ([s for s in sents if s.start_char >= article.body_offset],
                 [s for s in sents if s.start_char < article.body_offset]):
        if not part:
            continue
        state = ArticleState.of(doc, ctx.kinds, lambda t: word_type(t, lex))  # (the headline's own)
        for sent in part:
            state.at(sent)
            found += sentence_mentions(sent, lex, ctx, state)
    yield from share_dates(sorted(found, key=lambda m: m.start >= 0))
