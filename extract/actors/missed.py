"""Names the statistical NER missed, split or glued together.

* a person's name part that is also a city ("Ali Bagheri Kani", "Vladimir
  Vladimirovich") is merged back into the person;
* an untagged run of proper nouns right after a title ("deputy speaker of
  Parliament Arshakyan", "Minister of Foreign Affairs of Armenia Ararat
  Mirzoyan") is a person, and so is a "nationality" the NER saw in a word of a
  person's name ("Mirzoyan" tagged NORP), and a lone untagged surname of a person the text
  names in full ("Paul Okafor" ... "police questioned Okafor") (names the words around describe
  as people are read in :mod:`newsgraph.extract.actors.described`);
* an acronym the text defines in brackets after an organisation's name is that organisation wherever
  it stands ("... for Human Rights (SOHR)" ... "SOHR said");
* two names the NER glued are split again ("Kyiv and Vyshgorod", "Armenia Ararat
  Mirzoyan" after "of", "Armenian Parliament Arshakyan" after a title).
"""
from __future__ import annotations

from spacy.parts_of_speech import IDS as POS_IDS
from spacy.tokens import Span, Token

from newsgraph.extract.lexicon import gazetteer as gz
from newsgraph.extract.lexicon.names import COURTESY, title_words

#: Person titles: an organisation span stops before one ("... Council Coordinator for ...").
TITLES = title_words("org_stops")
_PROPN = POS_IDS["PROPN"]
_DASHES = {"-", "\u2013", "\u2014"}


def _glued(a: Span, b: Span) -> bool:
    """``b`` follows ``a`` directly (a space, or a hyphen without spaces)."""
    doc = a.doc
    if b.start == a.end:
        return True
    if b.start != a.end + 1:
        return False
    gap = doc[a.end]  # one token between them
    return gap.text in _DASHES and not doc[a.end - 1].whitespace_ and not gap.whitespace_


def _is_city(span: Span) -> bool:
    return (len(span) == 1 and span.label_ == "GPE" and not gz.state_code(span.text)
            and bool(gz.city(span.text)))


def merge_people(ents: list[Span]) -> list[Span]:
    out: list[Span] = []
    for ent in ents:
        prev = out[-1] if out else None
        if prev is not None and _glued(prev, ent) and (
                prev.label_ == "PERSON" and _is_city(ent) or _is_city(prev) and ent.label_ == "PERSON"
                and len(ent) == 1):  # "Vladimir Vladimirovich", never "Virginia Donald Trump"
            out[-1] = Span(ent.doc, prev.start, ent.end, label="PERSON")
            continue
        out.append(ent)
    return out


def _after_title(doc, i: int, owner: dict[int, Span]) -> bool:
    """Token ``i`` follows a title, directly or through "of <entity>" ("Minister of ... of Armenia")."""
    prev = doc[i - 1] if i > 0 else None
    if prev is None:
        return False
    if prev.lower_ in TITLES and prev.lower_ not in COURTESY:
        return True
    ent = owner.get(prev.i)
    if ent is None or ent.start < 2:
        return False
    of = ent.start - 1 - (doc[ent.start - 1].lower_ == "the")  # "... of (the) Republic of Armenia"
    if doc[of].lower_ != "of":
        return False
    window = doc[max(ent.sent.start, of - 8):of]
    return any(t.lower_ in TITLES for t in window)


def titled_names(doc, ents: list[Span]) -> list[Span]:
    """Person spans for untagged proper-noun runs that follow a title (see module docstring)."""
    # a NORP span that is no demonym is the NER's mistake for a name ("Mirzoyan")
    owner = {t.i: e for e in ents for t in e if e.label_ != "NORP" or gz.demonym_code(e.text)}
    found, i, n = [], 0, len(doc)
    names = [p == _PROPN and bool(t) for p, t in doc.to_array(["POS", "IS_TITLE"]).tolist()] if n else []
    while i < n:
        j = i
        while j < n and j not in owner and names[j] and j - i < 4:  # title-case proper nouns
            j += 1
        if j > i and _after_title(doc, i, owner) and not gz.state_code(doc[i:j].text) \
                and not gz.city(doc[i:j].text) and not gz.organization(doc[i:j].text):
            found.append(Span(doc, i, j, label="PERSON"))
        i = max(j, i + 1)
    return found


def agency_marks(doc, ents: list[Span]) -> list[Span]:
    """Organisation spans for a wire dateline's agency in brackets the NER left untagged:
    "DAYTON, Ohio (AP) -", "Sofia, 15 February (BTA) --" (a short capitalised word in brackets
    after a place, among the first words of a sentence)."""
    taken = {t.i for e in ents for t in e}
    places = {t.i for e in ents if e.label_ in ("GPE", "LOC") for t in e}
    found = []
    for tok in doc[1:-1]:
        if tok.i in taken or not (tok.is_upper or tok.is_title) or not 2 <= len(tok) <= 8 \
                or doc[tok.i - 1].text != "(" or doc[tok.i + 1].text != ")" or tok.i - tok.sent.start > 12:
            continue
        before = doc[tok.sent.start:tok.i - 1]
        if gz.outlet(tok.text) or any(t.i in places for t in before) and tok.is_upper:
            found.append(Span(doc, tok.i, tok.i + 1, label="ORG"))
    return found


def bound_names(doc, ents: list[Span]) -> list[Span]:
    """Organisation spans for the short forms a known organisation has only where the text names it
    otherwise (:func:`~newsgraph.extract.lexicon.gazetteer.bound_aliases`): "IS" after "Islamic State",
    outside sentences written in capitals ("WHAT IS NEXT")."""
    forms = gz.bound_aliases()
    found = [t for t in doc if t.text in forms]
    if not found:
        return []  # (most texts: no look-up of the organisations at all)
    named = {k.name for e in ents if e.label_ == "ORG" and (k := gz.organization(e.text)) is not None}
    taken = {t.i for e in ents for t in e}
    return [Span(doc, t.i, t.i + 1, label="ORG") for t in found
            if forms[t.text].name in named and t.i not in taken and not _shouted(t.sent)]


def untagged_surnames(doc, ents: list[Span]) -> list[Span]:
    """Person spans for a lone proper noun the NER left untagged that is the surname of a person the
    text names in full ("Paul Okafor" ... "police questioned Okafor"): news names people by their
    surname after the first mention, and the NER misses some of them."""
    surnames = _surnames(ents)
    if not surnames:
        return []
    taken = {t.i for e in ents for t in e}
    dates = {t.i for e in ents if e.label_ in ("DATE", "TIME") for t in e}
    return [Span(doc, t.i, t.i + 1, label="PERSON") for t in doc
            if t.lower_ in surnames and t.i not in taken and t.pos_ == "PROPN" and t.is_title
            and not _in_name(t, dates) and not gazetteer_label(t.text) and not _shouted(t.sent)]


def bracketed_after(prev: Span, i: int) -> bool:
    """Whether token ``i`` is an acronym in brackets right after the name ``prev`` ("... Police (BPP)").

    >>> import spacy
    >>> doc = spacy.blank("en")("the Border Police (BPP) said")
    >>> bracketed_after(doc[1:3], 4), bracketed_after(doc[1:3], 5)
    (True, False)
    """
    doc = prev.doc
    return i == prev.end + 1 and i + 1 < len(doc) and doc[prev.end].text == "(" and doc[i + 1].text == ")" \
        and doc[i].is_upper and 2 <= len(doc[i]) <= 8


def defined_acronyms(doc, ents: list[Span]) -> list[Span]:
    """Organisation spans for an acronym the text defines in brackets right after an organisation's name,
    wherever the NER left it untagged ("the Syrian Observatory for Human Rights (SOHR)" ... "SOHR
    said"): news names a body by its acronym after the first mention (the actors bind it to the name)."""
    defined = {doc[e.end + 1].text for e in ents if e.label_ == "ORG" and bracketed_after(e, e.end + 1)}
    if not defined:
        return []
    taken = {t.i for e in ents for t in e}
    return [Span(doc, t.i, t.i + 1, label="ORG") for t in doc
            if t.text in defined and t.i not in taken and not _shouted(t.sent)]


def _in_name(t: Token, dates: set[int]) -> bool:
    """``t`` has a capitalised proper noun beside it (part of a longer name: "Okafor Foundation"), not a
    date's (token ids ``dates``: "On Monday Okafor said")."""
    doc = t.doc
    return any(0 <= k < len(doc) and doc[k].pos_ == "PROPN" and doc[k].is_title and k not in dates
               for k in (t.i - 1, t.i + 1))


def _shouted(sent: Span) -> bool:
    """Whether most words of ``sent`` are in capitals."""
    words = [t for t in sent if t.is_alpha and len(t) > 1]
    return sum(t.is_upper for t in words) * 2 > len(words)


def surnames_as_people(ents: list[Span]) -> list[Span]:
    """A name that stands for a person named in the text is that person.

    A NORP span that is no demonym but a word of a person's name, and a one-word
    place or organisation that is no country, known body or acronym but the surname of a person
    named in full ("Hillary Clinton" ... "Clinton said"; Clinton is also a town), are PERSON spans.
    """
    names = {t.lower_ for e in ents if e.label_ == "PERSON" for t in e if t.is_title}
    surnames = _surnames(ents)
    return [Span(e.doc, e.start, e.end, label="PERSON") if _stands_for_person(e, names, surnames)
            else e for e in ents]


def _surnames(ents: list[Span]) -> set[str]:
    """The surnames (lower-case) of the people named in full among ``ents``."""
    return {e[-1].lower_ for e in ents if e.label_ == "PERSON" and len(e) >= 2 and e[-1].is_title}


def _stands_for_person(e: Span, names: set[str], surnames: set[str]) -> bool:
    if e.label_ == "NORP":
        return not gz.demonym_code(e.text) and all(t.lower_ in names for t in e)
    if e.label_ == "ORG" and len(e) == 1 and e[0].is_title and gz.organization(e.text):
        return False  # a known organisation named like a person ("Ford")
    return e.label_ in ("GPE", "LOC", "ORG") and len(e) == 1 and e[0].lower_ in surnames \
        and not gz.state_code(e.text) and not gz.demonym_code(e.text) and not e[0].is_upper


_JOINS = frozenset({"and", "/", "|"})


def gazetteer_label(text: str) -> str | None:
    """The label the gazetteer gives a name on its own (a state, city, organisation or outlet)."""
    if gz.state_code(text) or gz.city(text):
        return "GPE"
    known = gz.organization(text)
    if known:
        return {"Location": "LOC", "State": "GPE"}.get(known.kind, "ORG")
    return "ORG" if gz.outlet(text) else None


def _after_place_slot(ent: Span) -> bool:
    """``ent`` follows a preposition or a place and a comma ("in Virginia ...", "Leesburg, Virginia ...")."""
    doc, i = ent.doc, ent.start
    return i > 0 and (doc[i - 1].pos_ == "ADP" or doc[i - 1].text == "," and i > 1
                      and doc[i - 2].ent_type_ in ("GPE", "LOC"))


def unglue(ent: Span) -> list[Span]:
    """``ent`` split where the NER glued two names together.

    Two names joined by "and" or "/" of which one is a name the gazetteer knows ("Kyiv and
    Vyshgorod", "UrduPoint News / Sputnik"), unless the whole is a known name ("Trinidad and
    Tobago"); a state or city after a preposition or a place and a comma, in front of a
    person's name ("the Foreign Minister of Armenia Ararat Mirzoyan", "Leesburg, Virginia
    Donald Trump said"); and a name after a body's head word ("the deputy speaker of Armenian
    Parliament Arshakyan").

    >>> import spacy
    >>> doc = spacy.blank("en")("Talks in Kyiv and Vyshgorod ended.")
    >>> [(e.text, e.label_) for e in unglue(Span(doc, 2, 5, "ORG"))]
    [('Kyiv', 'GPE'), ('Vyshgorod', 'GPE')]
    """
    doc = ent.doc
    if ent.label_ not in ("PERSON", "ORG", "GPE", "FAC") or gazetteer_label(ent.text):
        return [ent]
    for t in ent[1:-1]:
        if t.lower_ in _JOINS:
            left, right = doc[ent.start:t.i], doc[t.i + 1:ent.end]
            labels = (gazetteer_label(left.text), gazetteer_label(right.text))
            if any(labels):
                return [Span(doc, s.start, s.end, label=lab or next(x for x in labels if x))
                        for s, lab in zip((left, right), labels, strict=True)]
    if len(ent) == 2 and ent[1].text == ent[0].text.upper() and ent[0].text != ent[1].text \
            and gazetteer_label(ent[0].text):  # "Yerevan YEREVAN": a dateline glued to its place
        return [Span(doc, ent.start, ent.start + 1, label=gazetteer_label(ent[0].text))]
    if ent.label_ == "ORG" and ent.start and doc[ent.start - 1].lower_ == "of":
        heads = gz.body_heads()
        k = max((t.i for t in ent[:-1] if t.text in heads), default=None)
        rest = doc[k + 1:ent.end] if k is not None else ()
        if rest and all(t.pos_ == "PROPN" and t.is_title and t.text not in heads for t in rest):
            return [Span(doc, ent.start, k + 1, label="ORG"), Span(doc, k + 1, ent.end, label="PERSON")]
    if ent.label_ == "PERSON" and len(ent) >= 3 and _after_place_slot(ent) \
            and (gz.state_code(ent[0].text) or gz.city(ent[0].text)):
        return [Span(doc, ent.start, ent.start + 1, label="GPE"),
                Span(doc, ent.start + 1, ent.end, label="PERSON")]
    return [ent]
