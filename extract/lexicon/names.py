"""The one name normaliser: matching keys, IRI slugs and the honorific/title words.

* :func:`norm` is the matching key of a name, :func:`fold` the same key without diacritics; both
  read a word that mixes Latin with Cyrillic or Greek letters by its :func:`skeleton`;
  :func:`person_key` and :func:`person_tokens` compare person names, :func:`translit_key` spellings;
* :func:`slug` is the ASCII IRI segment of a text (actor keys, role and mention IRIs);
* :func:`clean`, :func:`surface` and :func:`strip_honorifics` tidy a printed name;
* the honorific and title words are data, ``data/titles.toml``: :func:`titles` is the whole table,
  :data:`HONORIFICS` and :data:`COURTESY` its ``[honorifics]``, :func:`title_words` its named ``[words]``.

>>> norm("The Azerbaijani Defense Ministry's"), norm("U.S.") == norm("US")
('azerbaijani defense ministry', True)
>>> slug("Ministry of Defense of Azerbaijan")
'ministry-of-defense-of-azerbaijan'
"""
from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from functools import cache, lru_cache

from newsgraph.extract.lexicon import toml

_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u02bc": "'",
                         "\u2013": "-", "\u2014": "-", "\u2010": "-", "\u2011": "-", "\u2212": "-"})
#: The merge key's further steps (before the possessive goes): periods dropped, a figure dash is a hyphen.
_MERGE = str.maketrans({"`": "'", "\u2012": "-", ".": ""})
_SPACES = re.compile(r"\s+")
_POSSESSIVE_S = re.compile(r"'s\b")
_PUNCT = re.compile(r"[^\w\s-]")
_NOT_WORD = re.compile(r"[^\w\s]|_")
_PLAIN = re.compile(r"[A-Za-z ]+")
_APOSTROPHES = re.compile("['\u2018\u2019\u02bc`]")
_WORD = re.compile(r"[a-z0-9]+")
#: A reference mark at the end of a name: "Ortega[12]", "[citation needed]".
_FOOTNOTE = re.compile(r"\s*\[(?:\d{1,3}|[a-z ]{1,20})\]?$")


def clean(text: str | None) -> str:
    """Unify unicode forms, quotes, dashes and spaces, keeping case.

    >>> clean("Neos  Kosmos \\u2013 The\\u00a0Hellenic")
    'Neos Kosmos - The Hellenic'
    """
    if not text:
        return ""
    text = unicodedata.normalize("NFKC", str(text)).translate(_QUOTES)
    return _SPACES.sub(" ", text).strip()


def norm(text: str | None, *, keep_hyphens: bool = False) -> str:
    """Matching key of a name: lower case, no punctuation, no possessive "'s", no leading "the".

    Periods are dropped ("U.S." = "US") and hyphens separate words ("Bagheri-Kani" =
    "Bagheri Kani"): the key that merges the spellings of one name.  ``keep_hyphens=True`` is the
    key extraction has always looked names up with (gazetteer tables, mention clusters): a hyphen
    stays inside its word and a period separates words instead ("al-Bab" is not the city "Al Bab",
    "St.Petersburg" is "St Petersburg", "U.S." is "u s").

    >>> norm("The Bagheri-Kani\\u2019s"), norm("U.S."), norm(None)
    ('bagheri kani', 'us', '')
    >>> norm("The Bagheri-Kani\\u2019s", keep_hyphens=True), norm("  U.S. ", keep_hyphens=True)
    ('bagheri-kani', 'u s')
    """
    if type(text) is not str:
        return _norm_uncached(text, keep_hyphens)
    return _norm(text, keep_hyphens)


def _norm_uncached(text, keep_hyphens: bool) -> str:
    if type(text) is str and _PLAIN.fullmatch(text):  # ASCII letters and spaces: the steps below
        text = " ".join(text.lower().split())
    else:
        text = skeleton(clean(text)) if keep_hyphens else skeleton(clean(text)).translate(_MERGE)
        text = _POSSESSIVE_S.sub("", text.casefold())
        text = " ".join((_PUNCT if keep_hyphens else _NOT_WORD).sub(" ", text).split())
    return text[4:] if text.startswith("the ") else text


_norm = lru_cache(maxsize=1 << 16)(_norm_uncached)


def fold(text: str | None, *, keep_hyphens: bool = False) -> str:
    """:func:`norm` key with diacritics removed (``keep_hyphens`` as there).

    >>> fold("Gorg\u0101n"), fold("\u0130zmir"), fold("\u00c9lodie DURAND") == fold("elodie durand")
    ('gorgan', 'izmir', True)
    """
    if type(text) is str and text.isascii():  # ASCII has no diacritics: its fold key is its norm key
        return _norm(text, keep_hyphens)
    return _fold(text, keep_hyphens) if type(text) is str else _fold_uncached(text, keep_hyphens)


def _fold_uncached(text, keep_hyphens: bool) -> str:
    decomposed = unicodedata.normalize("NFKD", clean(text).replace("\u0131", "i"))
    return _norm("".join(c for c in decomposed if not unicodedata.combining(c)), keep_hyphens)


_fold = lru_cache(maxsize=1 << 16)(_fold_uncached)


# ---------------------------------------------------------------- confusable letters

_WORDS = re.compile(r"\w+")
_LOOKALIKE_SCRIPTS = frozenset({"CYRILLIC", "GREEK"})


def skeleton(text: str) -> str:
    """``text`` with every word that mixes Latin letters with Cyrillic or Greek ones written in Latin
    look-alikes (a TR39 skeleton of the words a stray keyboard layout or a spoofer made): the matching
    keys (:func:`norm`, :func:`fold`, :func:`person_key`) read a name by it, labels keep the name as
    written.  Words of one script are kept ("Пашинян" stays Cyrillic).

    The look-alikes are Unicode's confusables table, as the ``confusable-homoglyphs`` package ships it.

    >>> skeleton("Nikol Pashiny\u0430n"), skeleton("\u041f\u0430\u0448\u0438\u043d\u044f\u043d")
    ('Nikol Pashinyan', 'Пашинян')
    >>> skeleton("Ni\u03bfs Kosmos") == "Nios Kosmos", mixed_words("Nikol Pashiny\u0430n met Ni\u03bfs")
    (True, ['Pashinyаn', 'Niοs'])
    """
    if text.isascii():
        return text
    return _WORDS.sub(_latin_word, text)


def mixed_words(text: str) -> list[str]:
    """The words of ``text`` that mix Latin letters with Cyrillic or Greek ones (in text order)."""
    return [] if text.isascii() else [w for w in _WORDS.findall(text) if _mixed(w)]


def _latin_word(m: re.Match) -> str:
    word = m.group()
    return "".join(_latin().get(c, c) for c in word) if _mixed(word) else word


def _mixed(word: str) -> bool:
    if word.isascii():  # (most words of a text that is not all ASCII: Latin letters only)
        return False
    scripts = {_script(c) for c in word if c.isalpha()}
    return "LATIN" in scripts and not scripts.isdisjoint(_LOOKALIKE_SCRIPTS)


@lru_cache(maxsize=4096)
def _script(c: str) -> str:
    return unicodedata.name(c, "?").split(" ")[0]


@cache
def _latin() -> dict[str, str]:
    """Cyrillic and Greek letter -> the Latin letter Unicode's confusables table says it looks like."""
    from confusable_homoglyphs.confusables import confusables_data  # lazy: a 900 kB table, read on need

    table = {}
    for char, glyphs in sorted(confusables_data.items()):
        if len(char) == 1 and _script(char) in _LOOKALIKE_SCRIPTS:
            latin = sorted(g["c"] for g in glyphs if len(g["c"]) == 1 and _script(g["c"]) == "LATIN")
            if latin:
                table[char] = latin[0]
    return table


def slug(text: str | None, limit: int = 60, *, hashed: bool = False, join_apostrophes: bool = True) -> str:
    """Lower-case ASCII words of ``text`` joined by "-": accents folded, other characters dropped.

    Every IRI family keeps the policy it was minted with, so each is a parameter:

    * ``join_apostrophes``: an apostrophe joins the words around it ("O'Brien" -> "obrien", the
      actor keys) or, when False, an ASCII one separates them ("o-brien", role and mention IRIs);
    * ``hashed=False``: a slug longer than ``limit`` is cut at a word boundary; text without an
      ASCII letter or digit gives "h-" and the first 10 hex digits of the SHA-256 of its JSON
      string (``newsgraph.graph.resolve.keys.digest(text, 10)``);
    * ``hashed=True``: a longer slug becomes its first 40 characters, "-" and the first 12 hex
      digits of the SHA-1 of the text; an empty one "h-" and those 12 digits.

    >>> slug("  Melanie O\\u2019Brien "), slug("O'Brien", join_apostrophes=False)
    ('melanie-obrien', 'o-brien')
    >>> slug("word " * 40) == "-".join(["word"] * 12), slug("\\U0001f642")
    (True, 'h-ec1c0c982d')
    >>> slug("Deputy Foreign Minister", 20, hashed=True), slug("", hashed=True)
    ('deputy-foreign-minister-37cc3293a4e8', 'h-da39a3ee5e6b')
    """
    text = text or ""
    folded = _APOSTROPHES.sub("", text) if join_apostrophes else text
    folded = unicodedata.normalize("NFKD", folded).encode("ascii", "ignore").decode().lower()
    words = _WORD.findall(folded)
    if hashed:
        out = "-".join(words)
        if out and len(out) <= limit:
            return out
        sha1 = hashlib.sha1(text.encode()).hexdigest()[:12]
        return f"{out[:40].strip('-')}-{sha1}" if out else f"h-{sha1}"
    out = ""
    for w in words:
        cand = f"{out}-{w}" if out else w
        if len(cand) > limit:
            out = out or w[:limit]
            break
        out = cand
    raw = json.dumps(text, ensure_ascii=False)
    return out or "h-" + hashlib.sha256(raw.encode("utf-8", "surrogatepass")).hexdigest()[:10]


def strip_possessive(text: str) -> str:
    """Drop a trailing possessive "'s" / "'" (curly or straight).

    >>> strip_possessive("Baku\\u2019s"), strip_possessive("Reuters'")
    ('Baku', 'Reuters')
    """
    return re.sub(r"\s*['\u2019](s|S)?$", "", text.strip())


def strip_the(text: str) -> str:
    """Drop a leading article "the".

    >>> strip_the("the United States")
    'United States'
    """
    return re.sub(r"^(?:the|The|THE)\s+", "", text.strip())


def surface(text: str) -> str:
    """The display form of a mention: possessive and leading "the" removed, spaces unified.

    >>> surface("the Azerbaijani Defense Ministry\\u2019s"), surface("Daniel Ortega[12]")
    ('Azerbaijani Defense Ministry', 'Daniel Ortega')
    """
    return strip_the(strip_possessive(_FOOTNOTE.sub("", re.sub(r"\s+", " ", text.strip()))))


def is_shouting(text: str) -> bool:
    """True when all letters are capitals (dateline or agency style "YEREVAN").

    >>> is_shouting("YEREVAN"), is_shouting("U.S."), is_shouting("Yerevan")
    (True, False, False)
    """
    letters = [c for c in text if c.isalpha()]
    return len(letters) > 2 and all(c.isupper() for c in letters)


# ---------------------------------------------------------------- the honorific/title table

@cache
def titles() -> dict:
    """The parsed ``data/titles.toml``: offices, modifiers, abbreviations, blockers, honorifics, words.

    >>> titles()["abbreviations"]["PM"], sorted(titles()["honorifics"])
    ('Prime Minister', ['address', 'courtesy', 'positions'])
    """
    return toml("titles.toml")


def title_words(name: str) -> frozenset[str]:
    """The named word list ``[words].<name>`` of ``titles.toml``.

    >>> "minister" in title_words("state_titles")
    True
    """
    return frozenset(titles()["words"][name])


#: Courtesy titles in front of a person's name, as printed ("dr", "dr.", "sir").
COURTESY = frozenset(titles()["honorifics"]["courtesy"])
#: Every word :func:`strip_honorifics` drops: courtesy titles, forms of address, offices and ranks.
HONORIFICS = COURTESY.union(*(titles()["honorifics"][k] for k in ("address", "positions")))


def strip_honorifics(text: str) -> str:
    """Drop leading titles/honorifics from a person's name (keeps at least one word).

    >>> strip_honorifics("Associate Professor Dr Melanie O'Brien"), strip_honorifics("Dr. O'Brien")
    ("Melanie O'Brien", "O'Brien")
    >>> strip_honorifics("President")
    'President'
    """
    words = text.split()
    while len(words) > 1 and words[0].casefold() in HONORIFICS:
        words = words[1:]
    return " ".join(words)


# ---------------------------------------------------------------- person and spelling keys

def person_key(text: str) -> str:
    """Extraction's key of a person name: honorifics dropped, hyphens and periods as spaces.

    >>> person_key("Dr. Ali Bagheri-Kani") == person_key("Ali Bagheri Kani")
    True
    """
    return norm(strip_honorifics(surface(clean(text))), keep_hyphens=True).replace("-", " ")


_TRANSLIT = ((r"[\'`]", ""), (r"zh", "z"), (r"kh", "h"), (r"sch|sh|ch", "s"), (r"th", "t"), (r"ph", "f"),
             (r"y", "i"), (r"j", "i"),
             (r"(.)\1", r"\1"))


def translit_key(name: str) -> str:
    """A key that ignores common transliteration variants ("Zaporizhia" ~ "Zaporizhzhia").

    >>> translit_key("Zaporizhia") == translit_key("Zaporizhzhya"), translit_key("Vinnitsa")
    (True, 'vinitsa')
    """
    key = fold(name, keep_hyphens=True)
    for pattern, repl in _TRANSLIT:
        key = re.sub(pattern, repl, key)
    return key


@lru_cache(maxsize=1 << 15)
def person_tokens(text: str | None) -> tuple[str, ...]:
    """Tokens of a person's :func:`norm` key, leading courtesy titles dropped, spellings folded.

    >>> person_tokens("Dr. Melanie O'Brien")
    ('melanie', 'o', 'brien')
    >>> person_tokens("Anthony Blinken") == person_tokens("Antony Blinken")
    True
    """
    toks = norm(text).split()
    while len(toks) > 1 and toks[0] in COURTESY:
        toks = toks[1:]
    return tuple(translit_key(t) for t in toks)
