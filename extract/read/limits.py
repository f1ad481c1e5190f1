"""How much the reader reads: the largest file and the longest article (:class:`ReadLimits`).

>>> ReadLimits()
ReadLimits(max_bytes=50000000, max_article_chars=1000000)
"""
from __future__ import annotations

from dataclasses import dataclass

__all__ = ["ReadLimits", "SPACY_MAX_LENGTH"]

#: spaCy's default ``nlp.max_length``: longer texts make ``nlp()`` raise, so they are never passed on.
SPACY_MAX_LENGTH = 1_000_000


@dataclass(frozen=True)
class ReadLimits:
    """Files over ``max_bytes`` and articles whose headline plus body is over ``max_article_chars``
    characters (or over :data:`SPACY_MAX_LENGTH`, whichever is smaller) are skipped with a Problem.

    The defaults here are the only copy (``newsgraph build --max-file-size/--max-article-chars``
    show them): 100,000 words of news (~600k characters) fit in one article.
    """

    max_bytes: int = 50_000_000
    max_article_chars: int = SPACY_MAX_LENGTH
