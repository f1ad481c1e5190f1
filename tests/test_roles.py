"""Tests for extract/roles.py: every title construction on invented sentences.

Entities are set by hand on the parsed Doc (the parse comes from the real pipeline) so the tests pin
the role patterns, not the state of the NER.
"""
from __future__ import annotations

import re

from spacy.tokens import Span

from newsgraph.extract.pipeline import extract
from newsgraph.extract.records import Article, Entity
from newsgraph.extract.roles import roles, title_at, titled


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


# ---------------------------------------------------------------- roles in any phrasing (roles.phrasing)

def test_apposition_role_noun_and_preposition(nlp):
    doc = make(nlp, "Tomas Berg, a spokesman for the Nordic Shipping Union, declined to comment.",
               {"Tomas Berg": "Person", "the Nordic Shipping Union": "Organization"})
    assert found(doc) == {("Tomas Berg", "spokesman", "the Nordic Shipping Union")}
    doc = make(nlp, "The study was led by Mira Holt, a senior researcher at the Coastal Ecology Institute.",
               {"Mira Holt": "Person", "the Coastal Ecology Institute": "Organization"})
    assert found(doc) == {("Mira Holt", "senior researcher", "the Coastal Ecology Institute")}
    doc = make(nlp, "Prices will rise, said Aldo Ferri, an economist with Banca Rivale in Turin.",
               {"Aldo Ferri": "Person", "Banca Rivale": "Organization", "Turin": "Location"})
    assert found(doc) == {("Aldo Ferri", "economist", "Banca Rivale")}


def test_military_rank_and_unit_apposition(nlp):
    doc = make(nlp, "Colonel Ana Ruiz, the commander of the 3rd Mountain Brigade, said the pass was closed.",
               {"Ana Ruiz": "Person", "the 3rd Mountain Brigade": "Organization"})
    assert ("Ana Ruiz", "commander", "the 3rd Mountain Brigade") in found(doc)


def test_title_first_apposition_and_possessive(nlp):
    doc = make(nlp, "Norland's chief negotiator Ola Dahl left the talks early.",
               {"Norland": "State", "Ola Dahl": "Person"})
    assert found(doc) == {("Ola Dahl", "chief negotiator", "Norland")}
    doc = make(nlp, "The deputy director of the Harbour Authority, Jan Vos, opened the gate.",
               {"the Harbour Authority": "Organization", "Jan Vos": "Person"})
    assert found(doc) == {("Jan Vos", "deputy director", "the Harbour Authority")}


def test_organisation_modifies_the_role_noun(nlp):
    doc = make(nlp, "Rosa Lind, a Metro Transit employee, saw the train stop.",
               {"Rosa Lind": "Person", "Metro Transit": "Organization"})
    assert found(doc) == {("Rosa Lind", "employee", "Metro Transit")}


def test_coordinated_role_nouns_share_the_organisation(nlp):
    doc = make(nlp, "Ivo Sand, founder and chairman of Sandline Logistics, declined an interview.",
               {"Ivo Sand": "Person", "Sandline Logistics": "Organization"})
    assert {(p, o) for p, _, o in found(doc)} == {("Ivo Sand", "Sandline Logistics")}


def test_a_second_title_the_parser_joined_to_the_first_organisation_keeps_its_own(nlp):
    doc = make(nlp, "Ivo Sand, a professor of law at Brenner College and honorary president of the "
                    "Lisle Society, died on Monday.",
               {"Ivo Sand": "Person", "Brenner College": "Organization", "Lisle Society": "Organization"})
    assert {(p, o) for p, _, o in found(doc)} == {("Ivo Sand", "Brenner College"),
                                                  ("Ivo Sand", "Lisle Society")}


def test_a_title_with_its_own_article_and_holder_is_another_persons(nlp):
    doc = make(nlp, "The premier came with his wife, Mei Tan, and the deputy secretary of the Foreign "
                    "Ministry, Ahmad Razak.",
               {"Mei Tan": "Person", "Foreign Ministry": "Organization", "Ahmad Razak": "Person"})
    assert {(p, o) for p, _, o in found(doc)} <= {("Ahmad Razak", "Foreign Ministry")}


def test_predicate_and_relative_clause(nlp):
    doc = make(nlp, "Karin Moe is a member of the Green Valley Party.",
               {"Karin Moe": "Person", "the Green Valley Party": "Organization"})
    assert found(doc) == {("Karin Moe", "member", "the Green Valley Party")}
    doc = make(nlp, "The plan was drafted by Leo Marsh, who heads the Urban Housing Trust.",
               {"Leo Marsh": "Person", "the Urban Housing Trust": "Organization"})
    assert found(doc) == {("Leo Marsh", "head", "the Urban Housing Trust")}


def test_employment_verbs(nlp):
    doc = make(nlp, "Nadia Crane works for Orbis Freight in the port.",
               {"Nadia Crane": "Person", "Orbis Freight": "Organization"})
    assert found(doc) == {("Nadia Crane", "employee", "Orbis Freight")}
    doc = make(nlp, "In 2019 Paul Ekker joined Velta Motors as chief engineer.",
               {"Paul Ekker": "Person", "Velta Motors": "Organization"})
    assert found(doc) == {("Paul Ekker", "chief engineer", "Velta Motors")}


def test_an_employment_verb_with_two_organisations_joined_by_and_states_both(nlp):
    doc = make(nlp, "Nadia Crane taught at Orbis College and the Velta Institute.",
               {"Nadia Crane": "Person", "Orbis College": "Organization",
                "the Velta Institute": "Organization"})
    assert found(doc) == {("Nadia Crane", "teacher", "Orbis College"),
                          ("Nadia Crane", "teacher", "the Velta Institute")}


def test_person_of_and_at_organisation(nlp):
    doc = make(nlp, "The fire is contained, said Greta Holm of the National Forest Agency.",
               {"Greta Holm": "Person", "the National Forest Agency": "Organization"})
    assert found(doc) == {("Greta Holm", "member", "the National Forest Agency")}
    doc = make(nlp, "Divers led by Ben Ross of Millbrook found the wreck.",
               {"Ben Ross": "Person", "Millbrook": "Organization"})
    assert found(doc) == set()  # one capitalised word after "of" is as often a home town


def test_role_stated_of_a_pronoun(nlp):
    doc = make(nlp, "Lena Park studies glaciers. She is a professor at the Polar Research Institute.",
               {"Lena Park": "Person", "the Polar Research Institute": "Organization"})
    assert found(doc) == {("Lena Park", "professor", "the Polar Research Institute")}
    rs = list(roles(doc))
    assert doc._.ng_article.body[rs[0].start:rs[0].end].startswith("She is a professor")


def test_former_role_and_bracketed_alias_give_no_role(nlp):
    doc = make(nlp, "Omar Vale, a former director of the River Trust, spoke.",
               {"Omar Vale": "Person", "the River Trust": "Organization"})
    assert found(doc) == set()
    doc = make(nlp, "Eva Roth, president of the Guild of Map Makers (GMM), spoke.",
               {"Eva Roth": "Person", "the Guild of Map Makers": "Organization", "GMM": "Person"})
    assert found(doc) == {("Eva Roth", "president", "the Guild of Map Makers")}


def test_person_of_the_party_and_possessive_party(nlp):
    doc = make(nlp, "Maria Soto of the Labour party voted against the bill.",
               {"Maria Soto": "Person", "Labour": "Organization"})
    assert found(doc) == {("Maria Soto", "member", "Labour")}
    doc = make(nlp, "Anton Veld's Civic Union Party won the vote in the north.",
               {"Anton Veld": "Person", "Civic Union Party": "Organization"})
    assert found(doc) == {("Anton Veld", "member", "Civic Union Party")}


def test_believed_to_be_and_group_named_by_apposition(nlp):
    doc = make(nlp, "Police detained Jon Arrieta, considered by officials to be a top leader of the armed "
               "group Free Coast Front, the ministry said.",
               {"Jon Arrieta": "Person", "Free Coast Front": "Organization"})
    assert found(doc) == {("Jon Arrieta", "top leader", "Free Coast Front")}


def test_role_noun_never_borrowed_across_another_name(nlp):
    doc = make(nlp, "The mayor came with his wife, Lena Ruiz, and the deputy director of the Port Authority, "
               "Omar Diaz, on Monday.",
               {"Lena Ruiz": "Person", "the Port Authority": "Organization", "Omar Diaz": "Person"})
    assert found(doc) == {("Omar Diaz", "deputy director", "the Port Authority")}


def test_rank_abbreviation_split_by_the_tokenizer():
    assert title_at(["Lt", ".", "Gen.", "Omar"], 0) == (0, 3, True)
    assert title_at(["Col", ".", "Ana"], 0) == (0, 2, True)


def test_stated_role_names_the_holder_of_a_later_description(nlp):
    doc = make(nlp, "The strike began on Monday, according to Tomas Berg, a spokesman for the Nordic "
               "Shipping Union. The spokesman said talks would resume.",
               {"Tomas Berg": "Person", "the Nordic Shipping Union": "Organization"})
    assert ("E0", "spokesman", "E1") in [(p, t, o) for p, t, o, _ in titled(doc)]


def test_title_words_and_blocked_past_roles(nlp):
    doc = make(nlp, "Ida Lund, a Paris-based senior analyst with the Meridian Policy Group, disagreed.",
               {"Ida Lund": "Person", "Paris": "Location", "the Meridian Policy Group": "Organization"})
    assert found(doc) == {("Ida Lund", "senior analyst", "the Meridian Policy Group")}
    doc = make(nlp, "Carl Moss previously served as a director of the Delta Water Board.",
               {"Carl Moss": "Person", "the Delta Water Board": "Organization"})
    assert found(doc) == set()


def test_coordinated_role_with_its_own_modifier_keeps_its_own_organisation(nlp):
    doc = make(nlp, "Rafael Ortiz, an opposition leader and vice president of the Federal Assembly, spoke.",
               {"Rafael Ortiz": "Person", "the Federal Assembly": "Organization"})
    assert found(doc) == {("Rafael Ortiz", "vice president", "the Federal Assembly")}


def test_surname_and_apposition_through_the_whole_pipeline(nlp):
    body = ("Anna Kowalski has studied river floods for twenty years. Kowalski is a senior researcher at the "
            "Institute of Hydrology in Warsaw.\n\nThe report was welcomed by Peter Lang, a spokesman for the "
            "European Environment Agency.")
    art = Article(source="t.txt", source_sha256="0" * 64, index=0, start=0, end=len(body), headline="Floods",
                  body=body, body_start=0)
    [rec] = extract(nlp, [art])
    names = {e.id: e.name for e in rec.entities}
    got = {(names[r.person].split()[-1], r.title, names[r.organization]): body[r.start:r.end]
           for r in rec.roles}
    assert got[("Kowalski", "senior researcher", "Institute of Hydrology")].startswith("Kowalski is a senior")
    assert got[("Lang", "spokesman", "European Environment Agency")].startswith("The report was welcomed")


def test_rank_abbreviation_and_unit_in_a_relative_clause(nlp):
    doc = make(nlp, "Brig. Gen. Mark Dune, who commands the 2nd Infantry Division, said the convoy was hit.",
               {"Mark Dune": "Person", "the 2nd Infantry Division": "Organization"})
    assert found(doc) == {("Mark Dune", "commander", "the 2nd Infantry Division")}
    assert ("E0", "Brigadier General") in [(p, t) for p, t, _, _ in titled(doc)]


def test_a_role_noun_joined_to_a_word_that_is_none_still_states_the_role(nlp):
    """"vice and columnist for Y": the conjunct of an apposition's first noun is read too."""
    doc = make(nlp, "Mara Velt, vice and columnist for the Harbor Ledger, wrote the report.",
               {"Mara Velt": "Person", "the Harbor Ledger": "Organization"})
    assert found(doc) == {("Mara Velt", "columnist", "the Harbor Ledger")}
