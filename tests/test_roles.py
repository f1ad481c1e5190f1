"""Tests for extract/roles.py: every title construction on invented sentences.

Entities are set by hand on the parsed Doc (the parse comes from the real pipeline) so the tests pin
the role patterns, not the state of the NER.
"""
from __future__ import annotations

import re

from spacy.tokens import Span

from newsgraph.extract.records import Article, Entity
from newsgraph.extract.roles import roles, title_at


def make(nlp, body: str, ents: dict[str, str], codes: dict[str, str] | None = None, datelines=()):
    """Parse ``body`` and mark every occurrence of each name in ``ents`` (name -> kind)."""
    art = Article(source="t.txt", source_sha256="0" * 64, index=0, start=0, end=len(body),
                  headline="Headline", body=body, body_start=0)
    doc = nlp(art.text)
    spans, records = [], []
    for n, (name, kind) in enumerate(ents.items()):
        eid = f"E{n}"
        found = []
        for m in re.finditer(re.escape(name), doc.text):
            sp = doc.char_span(m.start(), m.end(), label="X", kb_id=eid)
            if sp is not None:
                spans.append(sp)
                found.append((m.start(), m.end()))
        records.append(Entity(id=eid, kind=kind, name=name, forms=(name,), spans=tuple(found),
                              code=(codes or {}).get(name)))
    doc.ents = [Span(doc, s.start, s.end, label=s.label_, kb_id=s.kb_id_)
                for s in sorted(spans, key=lambda s: s.start)]
    doc._.ng_entities = tuple(records)
    doc._.ng_article = art
    doc._.ng_meta = (None, None, tuple(datelines))
    return doc


def found(doc):
    by_id = {e.id: e.name for e in doc._.ng_entities}
    return {(by_id[r.person], r.title, by_id[r.organization]) for r in roles(doc)}


def test_title_lexicon_longest_match():
    assert title_at(["Prime", "Minister", "Lena"], 0) == (0, 2, True)
    assert title_at(["Ambassador", "-", "at", "-", "Large", "X"], 0) == (0, 5, True)
    assert title_at(["the", "weather"], 1) is None


def test_demonym_title_name(nlp):
    doc = make(nlp, "Freedonian President Karl Ostrov opened a bridge in Armenia.",
               {"Karl Ostrov": "Person", "Armenia": "State", "Yerevan": "Location"}, datelines=("E2",))
    # a nationality is printed but its State is no entity here: no role, and no dateline guess
    assert found(doc) == set()
    doc = make(nlp, "Freedonia hosted the fair. Freedonian President Karl Ostrov opened it.",
               {"Freedonia": "State", "Karl Ostrov": "Person"})
    assert found(doc) == {("Karl Ostrov", "President", "Freedonia")}


def test_title_of_state_name_is_cleaned(nlp):
    doc = make(nlp, "Talks were led by Deputy Foreign Minister of the Republic of Sylvania Ivo Marek.",
               {"the Republic of Sylvania": "State", "Ivo Marek": "Person"})
    assert found(doc) == {("Ivo Marek", "Deputy Foreign Minister", "the Republic of Sylvania")}


def test_portfolio_kept_as_printed(nlp):
    doc = make(nlp, "The guest was received by the Minister of Foreign Affairs of Sylvania Ivo Marek.",
               {"Sylvania": "State", "Ivo Marek": "Person"})
    assert found(doc) == {("Ivo Marek", "Minister of Foreign Affairs", "Sylvania")}


def test_possessive_state(nlp):
    doc = make(nlp, "Sylvania's Defence Minister Petra Novak inspected the troops.",
               {"Sylvania": "State", "Petra Novak": "Person"})
    assert found(doc) == {("Petra Novak", "Defence Minister", "Sylvania")}


def test_apposition_with_organisation(nlp):
    doc = make(nlp, "The speech was given by Dr Lina Berg, president of the Society of Coastal Historians, "
               "on Friday.", {"Lina Berg": "Person", "the Society of Coastal Historians": "Organization"})
    assert found(doc) == {("Lina Berg", "president", "the Society of Coastal Historians")}


def test_apposition_demonym_member_of_parliament(nlp):
    doc = make(nlp, "Freedonia sent Omar Hadi, a Freedonian member of parliament, to the talks.",
               {"Freedonia": "State", "Omar Hadi": "Person"})
    assert found(doc) == {("Omar Hadi", "member of parliament", "Freedonia")}


def test_organisation_before_title(nlp):
    doc = make(nlp, "Northern League Special Envoy for the Lakes Region Tomas Lind arrived.",
               {"Northern League": "Organization", "Tomas Lind": "Person"})
    assert found(doc) == {("Tomas Lind", "Special Envoy for the Lakes Region", "Northern League")}
    doc = make(nlp, "Senate speaker Maria Holm opened the session.",
               {"Senate": "Organization", "Maria Holm": "Person"})
    assert found(doc) == {("Maria Holm", "speaker", "Senate")}


def test_national_office_falls_back_to_dateline_state(nlp):
    doc = make(nlp, "Ambassador-at-Large Rita Sol spoke in Sylvania.",
               {"Sylvania": "State", "Rita Sol": "Person", "Orlo": "Location"}, datelines=("E2",))
    assert found(doc) == set()  # Orlo is no capital and has no country: no guess
    doc = make(nlp, "Ambassador-at-Large Rita Sol spoke in Armenia.",
               {"Armenia": "State", "Rita Sol": "Person", "Yerevan": "Location"}, datelines=("E2",))
    assert found(doc) == {("Rita Sol", "Ambassador-at-Large", "Armenia")}


def test_former_and_unnamed_titles_give_no_role(nlp):
    doc = make(nlp, "Former President Karl Ostrov of Freedonia and the Sylvanian minister met.",
               {"Freedonia": "State", "Karl Ostrov": "Person"})
    assert found(doc) == set()


def test_one_role_per_person_title_org_and_body_offsets(nlp):
    body = "Sylvania's President Ana Vik spoke. Later Sylvania's President Ana Vik left."
    doc = make(nlp, body, {"Sylvania": "State", "Ana Vik": "Person"})
    rs = list(roles(doc))
    assert len(rs) == 1
    assert body[rs[0].start:rs[0].end].startswith("Sylvania's President Ana Vik spoke")


def test_blank_doc_never_raises():
    import spacy
    doc = spacy.blank("en")("President of nothing.")
    assert list(roles(doc)) == []
