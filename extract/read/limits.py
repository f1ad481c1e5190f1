"""How much the reader reads: the largest file and the longest article."""
from __future__ import annotations

#: spaCy's default ``nlp.max_length``: longer texts make ``nlp()`` raise, so they are never passed on.
SPACY_MAX_LENGTH = 1_000_000
#: Default longest article (headline + body, in characters): 100,000 words of news (~600k) fit.
MAX_ARTICLE_CHARS = SPACY_MAX_LENGTH
MAX_FILE_BYTES = 50_000_000
