"""Event mentions: triggers, arguments, modality, dates and places on short hand-written sentences."""
from __future__ import annotations

import pytest

from newsgraph.extract.events import events, lexicon, modality
from newsgraph.extract.events.lexicon import compile_lexicon
from newsgraph.extract.lexicon import toml
from newsgraph.extract.lexicon.event_types import NAMES
from newsgraph.extract.records import Article, EventMention


def run(nlp, body: str, date: str | None = "2023-03-23", headline: str = "Test report"):
    """Mentions of ``body`` with their arguments as entity names."""
    from newsgraph.extract.pipeline import records_of
    art = Article(source="t.txt", source_sha256="0" * 64, index=0, start=0, end=len(body),
                  headline=headline, body=body, body_start=0, date=date)
    rec = records_of(nlp(art.text), art)
    assert not rec.problems, rec.problems
    names = {e.id: e.name for e in rec.entities}
    for m in rec.events:
        assert art.text[m.start + art.body_offset:m.end + art.body_offset] == m.evidence
    return rec.events, names


def named(ids, names) -> set[str]:
    return {names[i] for i in ids}


def one(mentions, etype: str) -> EventMention:
    found = [m for m in mentions if m.type == etype]
    assert len(found) == 1, (etype, mentions)
    return found[0]


def test_lexicon_is_data_and_loaded_once():
    lex = lexicon()
    assert lex is lexicon()
    assert lex.verbs["condemn"] == "ACCUSE"
    assert ("summon", "ambassador") in lex.pairs
    assert any(etype == "REQUEST" and "for" in preps for etype, preps in lex.prep["call"])


def test_every_block_of_the_lexicon_is_a_declared_event_type():
    assert set(toml("events.toml")) - {"general"} <= set(NAMES)


def test_a_lexicon_block_of_an_unknown_type_is_an_error_at_load_time():
    lex = compile_lexicon({"general": {"light": ["hold"]}, "AID": {"verbs": ["lend"]}})
    assert lex.verbs == {"lend": "AID"} and lex.light == {"hold"}
    with pytest.raises(ValueError, match=r"\[PICNIC\]"):
        compile_lexicon({"general": {}, "AID": {"verbs": ["lend"]}, "PICNIC": {"verbs": ["picnic"]}})


def test_active_verb_agent_and_target(nlp):
    ms, n = run(nlp, "Chile accused Bolivia of violating the border treaty.")
    m = one(ms, "ACCUSE")
    assert named(m.agents, n) == {"Chile"} and named(m.targets, n) == {"Bolivia"}
    assert m.modality == "asserted" and m.trigger == "accused"


def test_passive_by_agent_and_demonym_target(nlp):
    ms, n = run(nlp, "The Bolivian ambassador was expelled by Chile on Wednesday.")
    m = one(ms, "SANCTION")
    assert named(m.agents, n) == {"Chile"}
    assert named(m.targets, n) == {"Bolivia"}  # "the Bolivian ambassador" -> the state named in the text
    assert (m.date, m.date_precision) == ("2023-03-22", "day")


def test_call_on_is_a_request_and_object_control(nlp):
    ms, n = run(nlp, "Lithuania urged Belarus to release the prisoners.")
    m = one(ms, "REQUEST")
    assert named(m.agents, n) == {"Lithuania"} and named(m.targets, n) == {"Belarus"}
    requested = one(ms, "RETREAT")  # PLOVER 2021 (CAMEO 0841): releasing persons is RETREAT
    assert requested.modality == "hypothetical"  # asked for, not done
    assert named(requested.agents, n) == {"Belarus"}


def test_coordination_and_between(nlp):
    ms, n = run(nlp, "Talks between Finland and Sweden were held in Helsinki on 4 May.")
    m = one(ms, "CONSULT")
    assert named(m.participants, n) == {"Finland", "Sweden"}
    assert not m.agents and not m.targets
    assert n[m.place] == "Helsinki"
    assert m.date == "2022-05-04"


def test_symmetric_verb_with_titles(nlp):
    ms, n = run(nlp, "Prime Minister Jonas Berg met Chancellor Karl Weiss in Oslo.")
    m = one(ms, "CONSULT")
    assert named(m.participants, n) == {"Jonas Berg", "Karl Weiss"}


def test_possessive_agent_and_of_target(nlp):
    ms, n = run(nlp, "Turkey's blockade of Armenia continued for years.")
    m = one(ms, "COERCE")
    assert named(m.agents, n) == {"Turkey"} and named(m.targets, n) == {"Armenia"}


def test_reported_speech_is_attributed(nlp):
    ms, n = run(nlp, "Georgia said that Russia had shelled the village of Kurta.")
    m = one(ms, "ASSAULT")
    assert named(m.agents, n) == {"Russia"}
    assert n[m.attributed_to] == "Georgia"


def test_pronoun_agent(nlp):
    body = "Prime Minister Jonas Berg met Chancellor Karl Weiss in Oslo. He later criticized Denmark."
    ms, n = run(nlp, body)
    m = one(ms, "ACCUSE")
    assert named(m.targets, n) == {"Denmark"}
    assert named(m.agents, n) <= {"Jonas Berg"}  # a guess across people is worse than none


def test_negation(nlp):
    ms, _ = run(nlp, "Norway did not attend the summit with Iceland.")
    assert ms and all(m.modality == "negated" for m in ms)
    ms, _ = run(nlp, "Chile denied that it had attacked Bolivia.")
    assert one(ms, "ASSAULT").modality == "negated"


def test_future_and_hypothetical(nlp):
    ms, _ = run(nlp, "Bolivia plans to sanction Chile.")
    assert one(ms, "SANCTION").modality == "future"
    ms, _ = run(nlp, "Chile will visit Peru.")
    assert one(ms, "CONSULT").modality == "future"
    ms, _ = run(nlp, "Peru could attack Chile if talks fail.")
    assert one(ms, "ASSAULT").modality == "hypothetical"


@pytest.mark.parametrize(("body", "etype", "expected"), [
    ("Farmers demanded the arrest of Governor Tom Hale.", "COERCE", "hypothetical"),
    ("The militia threatened attacks on Chile.", "ASSAULT", "hypothetical"),
    ("Peru pressed for the arrest of Ana Rojas.", "COERCE", "hypothetical"),
    ("The rebel commander Tom Hale escaped capture in the hills.", "COERCE", "negated"),
    ("Chile cancelled its meeting with Peru.", "CONSULT", "negated"),
    ("Towns along the coast braced for attacks by Peru.", "ASSAULT", "future"),
    ("Bolivia denied the attack on the convoy.", "ASSAULT", "asserted"),   # it happened; who did it is denied
    ("Chile condemned the arrest of Ana Rojas.", "COERCE", "asserted"),
])
def test_an_event_noun_object_of_a_verb_of_asking_or_averting_is_not_done(nlp, body, etype, expected):
    ms, _ = run(nlp, body)
    assert one(ms, etype).modality == expected


def test_a_verb_the_overlay_lists_only_with_some_objects_keeps_cameos_code_for_the_rest(nlp):
    ms, n = run(nlp, "Norway financed a new school in Bolivia.")
    assert named(one(ms, "COOPERATE").participants, n) >= {"Norway"}   # CAMEO 061, economic cooperation
    ms, n = run(nlp, "Peru is funding the war against Chile.")
    assert named(one(ms, "AID").agents, n) == {"Peru"}                   # the overlay's pair
    ms, _ = run(nlp, "Gunmen armed with rifles stormed a hotel in Lima.")
    assert not [m for m in ms if m.type in ("COOPERATE", "AID")]         # (CAMEO's "arm" is skipped)


@pytest.mark.parametrize(("body", "etypes"), [
    ("Bolivia used drones to survey the border with Peru.", set()),      # an aircraft: no CAMEO 090
    ("Helicopters were used to evacuate villagers from Arica.", set()),
    ("Peruvian police used tear gas against the marchers in Lima.", {"ASSAULT"}),   # a weapon by its
    ("Chile bought Israeli drones for its army.", {"COOPERATE"}),       # modifier; buying arms: CAMEO 062
])
def test_a_synonym_set_word_listed_with_a_modifier_needs_it_and_using_an_aircraft_is_no_event(nlp, body,
                                                                                            etypes):
    ms, _ = run(nlp, body)
    assert {m.type for m in ms} & {"ACCUSE", "ASSAULT", "COOPERATE"} == etypes, ms


def test_synonym_set_words_listed_only_with_modifiers():
    from newsgraph.extract.events.cameo import cameo
    table = cameo()
    assert table.qualified[("weapon", "gas")] == (frozenset({"tear"}),)
    assert ("aircraft", "drone") not in table.qualified     # (listed bare too)


@pytest.mark.parametrize(("body", "expected"), [
    ("Peru invited Chile's envoys to Lima to hold talks on the border.", "hypothetical"),
    ("Bolivia asked Chile to send a delegation to Lima to negotiate with Peru.", "hypothetical"),
    ("Chile refused to send envoys to Lima to negotiate with Peru.", "negated"),
    ("The Chilean minister flew to Lima to hold talks with Peru.", "asserted"),   # went there for it
])
def test_a_purpose_infinitive_is_as_done_as_what_it_is_the_purpose_of(nlp, body, expected):
    ms, _ = run(nlp, body)
    assert [m.modality for m in ms if m.type == "CONSULT"] == [expected], ms


@pytest.mark.parametrize("body", [
    "Peruvian artillery fire from the border toward Arica, June 3, 2016.",   # a caption: no verb
    "Rocket fire from Bolivia hit the town of Arica on Monday.",
])
def test_fire_of_a_weapon_is_an_attack(nlp, body):
    ms, _ = run(nlp, body)
    assert [m for m in ms if m.type == "ASSAULT"]


@pytest.mark.parametrize(("body", "attack"), [
    ("A car bomb went off outside the police station in Arica.", True),
    ("Some twenty bombs had gone off in Lima by the evening.", True),
    ("The fire alarm went off in the hotel in Arica.", False),
])
def test_a_weapon_going_off_is_an_attack(nlp, body, attack):
    ms, _ = run(nlp, body)
    assert bool([m for m in ms if m.type == "ASSAULT"]) == attack, ms


def test_the_attempt_at_a_happening_is_that_happening_tried(nlp):
    ms, n = run(nlp, "Police said the assassination attempt on Governor Tom Hale failed.")
    assert named(one(ms, "ASSAULT").targets, n) == {"Tom Hale"}
    ms, _ = run(nlp, "The rescue attempt in Arica failed.")
    assert not ms


@pytest.mark.parametrize(("body", "disaster"), [
    ("A cholera outbreak killed forty people in Arica.", True),
    ("An epidemic of dengue fever spread across Peru in March.", True),
    ("The outbreak of war in 1879 surprised Peru.", False),   # the war is the event
])
def test_a_disease_breaking_out_is_a_disaster_strife_breaking_out_is_not(nlp, body, disaster):
    ms, _ = run(nlp, body)
    assert bool([m for m in ms if m.type == "DISASTER"]) == disaster, ms


@pytest.mark.parametrize("body", [
    "Chilean officials found out about the delegation from their own sources.",   # CAMEO's "find out": 040
    "The Chilean team walked out of the meeting hall in Lima.",
])
def test_a_phrasal_verb_whose_own_code_the_overlay_skips_is_no_event(nlp, body):
    ms, _ = run(nlp, body)
    assert not [m for m in ms if m.trigger in ("found", "walked")], ms


def test_attacking_a_program_or_a_reform_is_criticism(nlp):
    ms, _ = run(nlp, "Senator Ana Ruiz attacked the government's reform program in Lima.")
    assert {m.type for m in ms} == {"ACCUSE"}, ms


def test_a_way_leading_somewhere_visits_nothing(nlp):
    ms, _ = run(nlp, "Rebel trucks drove on a road leading to Bolivia.")
    assert not [m for m in ms if m.type == "CONSULT"], ms


@pytest.mark.parametrize(("body", "attack"), [
    ("Last month's congressional battle over several spending bills ended in Lima.", False),  # a legislature
    ("The parliamentary fight in Lima over the new legislation lasted a week.", False),       # over a bill
    ("Loggers cut down the rainforest near Iquitos last year.", False),   # felling trees (CAMEO's 194)
    ("Gunmen cut down three soldiers near Iquitos.", True),
    ("A bus hit a woman on Avenida Grau in Lima on Monday.", False),      # a road accident
])
def test_struggles_in_words_felling_trees_and_road_accidents_are_no_attacks(nlp, body, attack):
    ms, _ = run(nlp, body)
    assert bool([m for m in ms if m.type == "ASSAULT"]) == attack, ms


def test_a_fire_of_no_weapon_is_no_attack(nlp):
    ms, _ = run(nlp, "A fire destroyed the market in Arica on Monday.")
    assert not [m for m in ms if m.type == "ASSAULT"]


@pytest.mark.parametrize("body", [
    "Young men in the town are arrested at much higher rates than women.",
    "The program had re-arrest rates of two percent.",
    "The murder rate in Lima fell last year.",
    "The rate of arrests in Lima doubled.",
])
def test_what_a_rate_measures_is_no_event(nlp, body):
    ms, _ = run(nlp, body)
    assert not [m for m in ms if m.type in ("COERCE", "ASSAULT")]


@pytest.mark.parametrize(("body", "expected"), [
    ("Peru is likely to attack Chile.", "hypothetical"),
    ("Peru is poised to attack Chile.", "future"),
    ("Peru was unwilling to attack Chile.", "negated"),
    ("Peru was able to attack Chile before dawn.", "asserted"),   # it did
])
def test_an_adjective_of_likelihood_or_readiness_gives_its_infinitive_a_modality(nlp, body, expected):
    ms, _ = run(nlp, body)
    assert one(ms, "ASSAULT").modality == expected


def test_a_season_and_its_year_date_a_mention_though_the_ner_leaves_them_untagged(nlp):
    ms, _ = run(nlp, "In the summer of 2022, Governor Tom Hale condemned Chile for the blockade.")
    assert (one(ms, "ACCUSE").date, one(ms, "ACCUSE").date_precision) == ("2022-06", "season")


def test_two_calls_on_different_dates_are_two_mentions(nlp):
    body = ("On Monday, Spanish Foreign Minister Ana Ruiz called Portuguese Foreign Minister Rui Costa. "
            "On Thursday, Ruiz called Costa again.")
    ms, n = run(nlp, body)
    calls = [m for m in ms if m.type == "CONSULT" and m.trigger == "called"]
    assert [m.date for m in calls] == ["2023-03-20", "2023-03-23"]
    assert all(m.modality == "asserted" for m in calls)


def test_two_people_with_the_same_surname(nlp):
    body = ("President Anna Lind of Sweden and her sister Maria Lind of Finland met in Stockholm. "
            "Maria Lind condemned Russia.")
    ms, n = run(nlp, body)
    assert named(one(ms, "ACCUSE").agents, n) == {"Maria Lind"}
    assert "Maria Lind" in named(one(ms, "CONSULT").participants, n)


def test_same_day_and_relative_dates(nlp):
    body = ("On November 23, Russia fired missiles at Kyiv, Ukraine. More missiles followed. "
            "On the same day Prime Minister Pashinyan welcomed Putin in Yerevan.")
    ms, _ = run(nlp, body)
    assert one(ms, "ASSAULT").date == "2022-11-23"
    assert one(ms, "CONSULT").date == "2022-11-23"


@pytest.mark.parametrize("body", [
    "Chilean troops shelled the border town on Tuesday night.",
    "Chilean troops shelled the border town Tuesday evening, officials said.",
    "Chilean troops shelled the border town last night.",
])
def test_a_part_of_a_named_day_dates_the_event(nlp, body):
    ms, _ = run(nlp, body, date="2023-03-22")
    assert [m.date for m in ms if m.type == "ASSAULT"] == ["2023-03-21"], ms


def test_disaster_has_place_not_actors_and_is_counted_once(nlp):
    ms, n = run(nlp, "A strong earthquake struck Peru on Tuesday. The earthquake killed 12 people.")
    m = one(ms, "DISASTER")
    assert n[m.place] == "Peru" and not (m.agents or m.targets or m.participants)
    assert m.date == "2023-03-21"
    assert not [x for x in ms if x.type == "ASSAULT"]


def test_said_alone_is_not_an_event(nlp):
    ms, _ = run(nlp, "Chile said the weather in Peru was fine.")
    assert list(ms) == []


def test_the_headlines_happening_is_a_mention_before_the_body_with_no_day_of_its_own(nlp):
    ms, n = run(nlp, "Nothing happened.", headline="Chile attacks Peru")
    (m,) = ms
    assert (m.type, named(m.agents, n), named(m.targets, n)) == ("ASSAULT", {"Chile"}, {"Peru"})
    assert m.in_headline and m.evidence == "Chile attacks Peru" and m.end < 0 and m.date is None


def test_the_headline_takes_the_day_of_the_bodys_report_of_its_happening(nlp):
    ms, n = run(nlp, "On Monday, Chile attacked Peru near the border.", headline="Chile attacks Peru",
                date="2023-03-23")
    assert [(m.in_headline, m.date) for m in ms] == [(True, "2023-03-20"), (False, "2023-03-20")]


def test_extractor_without_article_yields_nothing():
    import spacy
    assert list(events(spacy.blank("en")("Chile attacked Peru."))) == []


def test_modality_on_blank_doc_is_asserted():
    import spacy
    doc = spacy.blank("en")("attack")
    assert modality(doc[0], None) == "asserted"


def test_thing_owned_by_an_actor(nlp):
    ms, n = run(nlp, "The European Union has backed Georgia's bid to join the bloc.")
    m = one(ms, "SUPPORT")
    assert named(m.agents, n) == {"European Union"} and named(m.targets, n) == {"Georgia"}
    ms, n = run(nlp, "Poland reacted to the killing of a Polish citizen by Belarus.")
    assert named(one(ms, "ACCUSE").targets, n) == {"Belarus"}  # the killer, not the victim's state


def test_demand_that_and_under_sanctions(nlp):
    ms, n = run(nlp, "Chile demanded that Bolivia withdraw its troops.")
    assert named(one(ms, "REQUEST").targets, n) == {"Bolivia"}
    assert one(ms, "RETREAT").modality == "hypothetical"
    ms, n = run(nlp, "Iran Air and Mahan Air are under U.S. sanctions.")
    m = one(ms, "SANCTION")
    assert named(m.targets, n) == {"Iran Air", "Mahan Air"}


def test_topics_and_aggregates_are_not_events(nlp):
    ms, _ = run(nlp, "Chile and Peru discussed cooperation in trade.")
    assert [m.type for m in ms] == ["CONSULT"]
    ms, _ = run(nlp, "Since 2020, the president of Chile has visited Peru five times.")
    assert list(ms) == []


@pytest.mark.parametrize("body", [
    "Lima has seen a wave of bombings by the Shining Path this year.",
    "The offensive included airstrikes on Tacna and Arica.",
])
def test_plural_happenings_measured_out_or_aimed_at_a_named_target_took_place(nlp, body):
    ms, _ = run(nlp, body)
    assert "ASSAULT" in {m.type for m in ms}, ms


def test_a_place_marched_on_is_no_target_of_the_protest(nlp):
    ms, n = run(nlp, "Thousands of farmers marched on Lima to protest the law.")
    assert [named(m.targets, n) for m in ms if m.trigger == "marched"] == [set()], ms


def test_a_town_named_in_the_place_phrase_comes_before_a_state_named_there(nlp):
    ms, n = run(nlp, "Several hundred protesters gathered outside the U.S. embassy in Lima on Friday.")
    assert [n[m.place] for m in ms if m.type == "PROTEST"] == ["Lima"], ms


@pytest.mark.parametrize(("body", "etype", "found"), [
    # protesters gathering is a protest, a crowd gathering to watch is none
    ("Several hundred protesters gathered outside the Chilean embassy in Lima on Friday.", "PROTEST", True),
    ("Thousands of demonstrators converged on the main square of Arequipa.", "PROTEST", True),
    ("Thousands of protesters descended on Lima for the march.", "PROTEST", True),
    ("Thousands of demonstrators poured into the streets of Cusco.", "PROTEST", True),
    ("Heavy rain poured on the town of Cusco.", "PROTEST", False),
    ("A crowd gathered outside the stadium in Lima to watch the final.", "PROTEST", False),
    # a named march is one protest, the month none
    ("Thousands of teachers took part in the Workers' March in Lima on Sunday.", "PROTEST", True),
    ("Prices in Peru rose sharply in March and in April.", "PROTEST", False),
    ("Peru's March figures were weak.", "PROTEST", False),
    # rounding up, holding a person and a condemned detention are coercion; a summit held is none
    ("Peruvian police rounded up 300 migrants in Tacna last week.", "COERCE", True),
    ("Peru confirmed on Monday that the Chilean pilot was being held by rebels.", "COERCE", True),
    ("Chile condemned the detention of hundreds of students in Lima.", "COERCE", True),
    ("The summit of Andean leaders was held in Lima.", "COERCE", False),
    ("Peru hosts 600,000 refugees from Venezuela.", "COERCE", False),
])
def test_protests_and_coercion_told_without_a_trigger_verb(nlp, body, etype, found):
    ms, _ = run(nlp, body)
    assert (etype in {m.type for m in ms}) == found, ms


def test_unparsed_doc_yields_nothing():
    import spacy

    from newsgraph.extract.records import Article
    nlp = spacy.blank("en")
    art = Article(source="t.txt", source_sha256="0" * 64, index=0, start=0, end=20,
                  headline="Hi", body="Chile attacked Peru.", body_start=4)
    doc = nlp(art.text)
    doc._.ng_article = art
    assert list(events(doc)) == []


def test_blame_on_targets_the_object_of_on(nlp):
    ms, n = run(nlp, "Senator Maria Lopez blamed her defeat in the state election on Governor Paul Reyes.")
    m = one(ms, "ACCUSE")
    assert named(m.agents, n) == {"Maria Lopez"} and named(m.targets, n) == {"Paul Reyes"}


def test_date_of_a_noun_modifier_is_not_the_events(nlp):
    ms, _ = run(nlp, "Senator Maria Lopez blamed Governor Paul Reyes for her defeat in Tuesday's election.",
                date="2023-03-25")
    assert one(ms, "ACCUSE").date is None  # Tuesday dates the election, not the blaming


def test_calling_someone_names_is_no_phone_call(nlp):
    ms, _ = run(nlp, "Opposition leaders called Governor Paul Reyes a coward.")
    assert not [m for m in ms if m.type == "CONSULT"]


def test_local_happening_takes_the_headlines_place(nlp):
    ms, n = run(nlp, "Several people were hurt when the train derailed on a sharp bend.",
                headline="Train derails in Zaragoza")
    assert n[one(ms, "DISASTER").place] == "Zaragoza"
    ms, n = run(nlp, "Chile accused Bolivia of violating the border treaty.", headline="Row in Zaragoza")
    assert one(ms, "ACCUSE").place is None  # not a local happening


@pytest.mark.parametrize(("headline", "place"), [
    ("Gunman opens fire near stadium in Valparaiso", "Valparaiso"),   # the headline's happening: its town
    ("Valparaiso council approves new budget", None),                 # the headline tells no shooting
    ("Gunman opens fire near stadium in Chile", None),                # a country is too wide a scene
])
def test_a_happening_naming_nobody_is_placed_only_as_the_headlines_happening(nlp, headline, place):
    ms, n = run(nlp, "Police are investigating a shooting that left three people wounded.", headline=headline)
    got = [m.place for m in ms if m.trigger == "shooting"]
    assert len(got) == 1 and (got[0] and n[got[0]]) == place, ms


def test_another_happening_of_the_headlines_kind_is_not_the_headlines(nlp):
    ms, n = run(nlp, "Police said the shooting recalled another shooting that wounded two guards.",
                headline="Gunman opens fire near stadium in Valparaiso")
    places = [m.place and n[m.place] for m in ms if m.trigger == "shooting"]  # (in text order)
    assert places == ["Valparaiso", None], ms


def test_gerund_after_by_takes_the_clause_subject(nlp):
    ms, n = run(nlp, "Senator Maria Lopez opened old wounds by blaming Governor Paul Reyes for the defeat.")
    m = one(ms, "ACCUSE")
    assert named(m.agents, n) == {"Maria Lopez"} and named(m.targets, n) == {"Paul Reyes"}


def test_gallery_captions_give_no_events(nlp):
    ms, _ = run(nlp, "Chile accused Bolivia of violating the treaty. "
                     "Getty Images 6 Peru accused Ecuador of spying during the summit.")
    assert [named(m.agents, _) for m in ms if m.type == "ACCUSE"] == [{"Chile"}]


def test_light_verb_the_lemmatizer_cuts_and_armed_group_members(nlp):
    ms, n = run(nlp, "Students are staging a protest against President Maria Lopez.")
    assert named(one(ms, "PROTEST").targets, n) == {"Maria Lopez"}
    ms, n = run(nlp, "Taliban fighters attacked German troops.")
    m = one(ms, "ASSAULT")
    assert named(m.agents, n) == {"Taliban"} and named(m.targets, n) == {"Germany"}


def test_the_wire_dateline_dates_the_lede_only(nlp):
    ms, n = run(nlp, "LIMA, MARCH 20, ANDES WIRE. Peru accused Chile of violating the fishing treaty. "
                     "Chile rejected the claim.")
    assert (one(ms, "ACCUSE").date, one(ms, "ACCUSE").date_precision) == ("2023-03-20", "day")
    assert one(ms, "REJECT").date is None


def test_the_two_sides_are_the_parties_of_the_last_meeting(nlp):
    ms, n = run(nlp, "Foreign Minister Ana Ruiz of Spain met Foreign Minister Rui Costa of Portugal in "
                     "Lisbon on Monday.\n\nThe two sides signed a fishing agreement.")
    assert named(one(ms, "AGREE").participants, n) == named(one(ms, "CONSULT").participants, n) \
        == {"Ana Ruiz", "Rui Costa"}


@pytest.mark.parametrize("body", [
    "Clashes broke out between Peru and Ecuador on the border in May. In June the two sides signed a truce.",
    "Peru shelled Ecuador's border posts on Monday. On Tuesday the two sides signed a truce.",
])
def test_the_two_sides_are_the_sides_of_the_last_clash(nlp, body):
    ms, n = run(nlp, body)
    assert named(one(ms, "AGREE").participants, n) == {"Peru", "Ecuador"}


def test_following_the_talks_takes_the_date_of_the_talks(nlp):
    ms, n = run(nlp, "Norway and Iceland held talks in Oslo on March 14. Following the talks, Norway "
                     "sanctioned Denmark.")
    m = one(ms, "SANCTION")
    assert (named(m.agents, n), named(m.targets, n)) == ({"Norway"}, {"Denmark"})
    assert m.date == one(ms, "CONSULT").date == "2023-03-14"


# --- the CAMEO dictionary, nominal events and verb senses (issue 14) ---------------------------------

def test_cameo_table_is_indexed_by_lemma_and_converted_from_the_field_dictionaries():
    from newsgraph.extract.events.cameo import cameo
    table = cameo()
    assert len(table.verbs) > 1000 and sum(len(p) for p in table.blocks.values()) > 3000
    assert table.verbs[("recapture", "")].type == "COERCE"
    assert table.verbs[("strike", "down")].type == "-"  # a court striking down a law: no event


@pytest.mark.parametrize("body, etype", [
    ("Chile recaptured the town of Arica from Peru.", "COERCE"),        # a CAMEO verb on its own code
    ("The Chilean navy lifted its blockade of Callao.", "RETREAT"),      # a CAMEO pattern: lift + blockade
    ("Bolivia imposed sanctions on Peru.", "SANCTION"),                  # CAMEO 163, this project's type
])
def test_cameo_verbs_and_patterns(nlp, body, etype):
    ms, _ = run(nlp, body)
    assert etype in {m.type for m in ms}, ms


def test_a_court_striking_down_a_law_is_no_violence(nlp):
    ms, _ = run(nlp, "The Supreme Court of Peru struck down the mining law.")
    assert not [m for m in ms if m.type == "ASSAULT"]


def test_attacking_words_or_in_a_debate_is_an_accusation(nlp):
    ms, _ = run(nlp, "Senator Maria Gonzalez attacked the remarks of President Pedro Castillo.")
    assert "ASSAULT" not in {m.type for m in ms}
    ms, _ = run(nlp, "Peruvian troops attacked the village of Tacna.")
    assert "ASSAULT" in {m.type for m in ms}


@pytest.mark.parametrize(("body", "etype"), [
    ("Senator Ana Ruiz verbally attacked Governor Luis Vega on Monday.", "ACCUSE"),
    ("Senator Ana Ruiz publicly attacked the Central Bank of Chile.", "ACCUSE"),
    ("Senator Ana Ruiz attacked Governor Luis Vega over his pension plan.", "ACCUSE"),
    ("Senator Ana Ruiz launched a scathing attack on Governor Luis Vega.", "ACCUSE"),
    ("Gunmen attacked a police station in Lima over the arrest of their leader.", "ASSAULT"),
    ("Rebels launched a fierce attack on the town of Tacna.", "ASSAULT"),
])
def test_an_attack_in_a_manner_of_words_or_over_a_policy_is_an_accusation(nlp, body, etype):
    ms, _ = run(nlp, body)
    kinds = {m.type for m in ms}
    assert etype in kinds and ({"ASSAULT", "ACCUSE"} - {etype}).isdisjoint(kinds), ms


def test_meeting_a_target_is_no_meeting(nlp):
    ms, _ = run(nlp, "Peru's budget does not meet the targets of the International Monetary Fund.")
    assert not [m for m in ms if m.type == "CONSULT"]


def test_meeting_a_call_or_a_pledge_is_no_meeting(nlp):
    ms, _ = run(nlp, "Chilean troops are ready to meet the call of the villagers for protection.")
    assert not [m for m in ms if m.type == "CONSULT"]


@pytest.mark.parametrize(("body", "etype"), [
    ("Colombian troops liberated Cali after a week of fighting.", "COERCE"),
    ("The Peruvian army said it had liberated the northern half of the province.", "COERCE"),
    ("Peru liberated two Chilean prisoners on Monday.", "RETREAT"),  # CAMEO 0841, a release
])
def test_liberating_a_territory_is_its_capture_not_a_release(nlp, body, etype):
    ms, _ = run(nlp, body)
    assert [m.type for m in ms if m.trigger == "liberated"] == [etype], ms


@pytest.mark.parametrize(("body", "etype", "target"), [
    ("A Senate inquiry cleared Defence Minister Ana Rojas of wrongdoing.", "CONCEDE", "Ana Rojas"),
    ("Former President Tomas Varga was cleared by the Supreme Court on Friday.", "CONCEDE", "Tomas Varga"),
    ("Peruvian troops cleared the Shining Path from the valley after a week.", "COERCE", "Shining Path"),
])
def test_clearing_an_actor_exonerates_clearing_a_place_takes_it(nlp, body, etype, target):
    ms, n = run(nlp, body)
    m = one([m for m in ms if m.trigger == "cleared"], etype)
    assert named(m.targets, n) == {target}


def test_the_go_ahead_or_the_all_clear_is_allowing_not_a_gift(nlp):
    ms, n = run(nlp, "Chile's regulator gave Andes Air the go-ahead to resume flights to Lima.")
    assert [m.type for m in ms if m.trigger == "gave"] == ["CONCEDE"], ms


@pytest.mark.parametrize(("body", "found"), [
    ('Foreign Minister Ana Rojas said that "Peru is our closest partner and ally".', [("Ana Rojas", "Peru")]),
    ("Chile is a strategic ally of Peru, President Tomas Varga told reporters.", [("Tomas Varga", "Chile")]),
    ("Chile is the main trading partner and ally of Peru.", []),         # the reporter's: background
    ("Tomas Varga said Ana Rojas is a partner at Deloitte.", []),        # a firm's partner
])
def test_calling_a_state_an_ally_is_support_from_who_says_it(nlp, body, found):
    ms, n = run(nlp, body)
    assert [(n[m.agents[0]], n[m.targets[0]]) for m in ms if m.type == "SUPPORT"] == found, ms


def test_firing_a_minister_is_no_assault(nlp):
    ms, _ = run(nlp, "President Pedro Castillo fired Interior Minister Luis Barranzuela.")
    assert not [m for m in ms if m.type == "ASSAULT"]


def test_happenings_stand_without_a_named_party(nlp):
    ms, n = run(nlp, "Dozens of protesters were detained in Arequipa on Monday.")
    m = one(ms, "COERCE")
    assert n[m.place] == "Arequipa" and not (m.agents or m.targets)
    ms, _ = run(nlp, "The protests spread to Cusco and Puno.")
    assert one(ms, "PROTEST").trigger == "protests"


def test_dates_and_idioms_are_no_happenings(nlp):
    ms, _ = run(nlp, "On March 3 Peru summoned the Chilean ambassador in protest.")
    assert not [m for m in ms if m.type == "PROTEST"]


def test_nominal_events_with_possessive_of_and_by(nlp):
    ms, n = run(nlp, "Chile's attack on Peru began at dawn.")
    m = one(ms, "ASSAULT")
    assert named(m.agents, n) == {"Chile"} and named(m.targets, n) == {"Peru"}
    ms, n = run(nlp, "The siege of Arica ended in May.")
    assert named(one(ms, "COERCE").targets, n) == {"Arica"}


def test_event_in_an_adjective_complement_has_the_clause_subject(nlp):
    ms, n = run(nlp, "Peruvian troops got ready to storm the town of Tacna.")
    m = one(ms, "ASSAULT")
    assert named(m.agents, n) == {"Peru"} and named(m.targets, n) == {"Tacna"}


def test_confidence_is_the_calibrated_table(nlp):
    from newsgraph.extract.events.mentions import CALIBRATED
    ms, _ = run(nlp, "Chile attacked Peru. The protests spread to Cusco.")
    assert {m.confidence for m in ms} <= set(CALIBRATED.values())


def test_the_by_agent_of_a_nominal_is_the_agent_and_its_of_object_the_target(nlp):
    ms, n = run(nlp, "The killing of journalist Ana Lopez by gunman Pedro Ruiz shocked Peru.")
    m = one(ms, "ASSAULT")
    assert named(m.agents, n) == {"Pedro Ruiz"} and named(m.targets, n) == {"Ana Lopez"}


def test_places_from_the_triggers_clause(nlp):
    ms, n = run(nlp, "Police detained Juan Perez during an operation in Lima, Peru.")
    assert n[one(ms, "COERCE").place] == "Lima"


@pytest.mark.parametrize(("body", "trigger", "place"), [
    ("The town hall in Arica was wrecked by an explosion on Monday.", "explosion", "Arica"),   # its doer
    ("Three guards in Tacna were wounded during clashes with smugglers.", "clashes", "Tacna"),  # its scene
])
def test_a_happening_that_is_the_doer_or_scene_of_a_clause_takes_that_clauses_place(nlp, body, trigger,
                                                                                   place):
    ms, n = run(nlp, body)
    assert n[next(m for m in ms if m.trigger == trigger).place] == place


@pytest.mark.parametrize(("body", "trigger", "place"), [
    ("Farmers took to the streets of Arica for a second night.", "took", "Arica"),
    ("Thousands of farmers gathered on Sunday in Peru's second city, Arequipa, to protest the cuts.",
     "protest", "Arequipa"),
    ("Tom Varga is in Lima to meet on Thursday with Ana Rojas.", "meet", "Lima"),
])
def test_a_place_told_by_its_apposition_its_streets_or_the_clause_a_purpose_serves(nlp, body, trigger,
                                                                                    place):
    ms, n = run(nlp, body)
    assert n.get(next(m for m in ms if m.trigger == trigger).place) == place, ms


def test_a_happening_noun_took_place_where_the_one_it_was_done_to_was(nlp):
    ms, n = run(nlp, "The killing of three farmers in Arica drew condemnation from Lima.")
    assert n.get(next(m for m in ms if m.trigger == "killing").place) == "Arica", ms


def test_what_a_protest_is_against_does_not_take_the_protests_place(nlp):
    ms, n = run(nlp, "Thousands gathered on Sunday in Peru's second city, Arequipa, to protest the killings.")
    assert n.get(next(m for m in ms if m.trigger == "killings").place) is None


def test_the_topic_of_a_discussion_is_not_where_it_took_place(nlp):
    ms, n = run(nlp, "Ana Rojas and Tom Hale discussed the plight of farmers in Arica.")
    assert one(ms, "CONSULT").place is None
    ms, n = run(nlp, "Ana Rojas and Tom Hale discussed the plight of farmers in Arica at a meeting in Lima.")
    assert n[one(ms, "CONSULT").place] == "Lima"
    ms, n = run(nlp, "Ana Rojas condemned the bombing of the town hall in Arica.")
    assert n[one(ms, "ASSAULT").place] == "Arica"   # (a happening inside the topic keeps its place)


def test_the_two_sides_of_a_meeting_nearby_met_where_it_was(nlp):
    ms, n = run(nlp, "Tom Varga and Ana Rojas met at a hotel in Arica on Monday. "
                     "The two sides discussed the return of refugees to Bolivia.")
    assert [n.get(m.place) for m in ms if m.type == "CONSULT"] == ["Arica", "Arica"]


def test_another_happenings_place_and_a_means_place_are_not_taken(nlp):
    ms, n = run(nlp, "The war in Bolivia was forgotten because of the invasion of Peru.")
    assert n.get(next(m for m in ms if m.trigger == "invasion").place) != "Bolivia"
    ms, n = run(nlp, "Chile threatened peace in Bolivia with its seizure of the port of Arica.")
    assert n.get(next(m for m in ms if m.trigger == "seizure").place) != "Bolivia"


def test_the_victim_of_a_relative_clause_or_participle_is_the_target(nlp):
    ms, n = run(nlp, "Tom Varga, who was shot by police in Lisbon, died on Sunday.")
    assert named(one(ms, "ASSAULT").targets, n) == {"Tom Varga"}
    ms, n = run(nlp, "Mark Jensen, a reporter killed by gunmen in Oslo, was buried on Monday.")
    assert "Mark Jensen" in named(one(ms, "ASSAULT").targets, n)


def test_a_nationality_before_an_attack_noun_names_its_state_as_agent(nlp):
    ms, n = run(nlp, "Russia denied the claim. The Russian airstrikes hit rebel positions near Idlib.")
    assert "Russia" in named(next(m for m in ms if m.trigger == "airstrikes").agents, n)


def test_casualties_of_an_attack_are_its_targets_and_its_by_phrase_the_agent(nlp):
    ms, n = run(nlp, "Ali Rahimi was killed in an attack by the Taliban in Kabul.")
    attack = next(m for m in ms if m.trigger == "attack")
    assert named(attack.agents, n) == {"Taliban"} and named(attack.targets, n) == {"Ali Rahimi"}


def test_the_side_fought_in_a_clash_that_killed_is_the_killer(nlp):
    ms, n = run(nlp, "Two Chilean soldiers died in fighting with Hamas on Monday.")
    for trigger in ("died", "fighting"):
        m = next(m for m in ms if m.trigger == trigger)
        assert named(m.agents, n) == {"Hamas"} and named(m.targets, n) == {"Chile"}, m


@pytest.mark.parametrize("body", [
    "Ali Khan was killed during a confrontation with Hamas fighters.",
    "Ali Khan was killed in an altercation with Hamas guards at the gate.",
])
def test_the_side_met_in_a_violent_encounter_killed_the_victim(nlp, body):
    ms, n = run(nlp, body)
    m = next(m for m in ms if m.trigger == "killed")  # (an altercation is an assault of its own too)
    assert m.agents == tuple(dict.fromkeys(m.agents)), m
    assert named(m.agents, n) == {"Hamas"} and named(m.targets, n) == {"Ali Khan"}, ms


@pytest.mark.parametrize(("body", "agents"), [
    ("Hamas fighters crossed the border at dawn. They attacked an army post near the town.", {"Hamas"}),
    ("The protesters left Lima at dawn. They attacked a police post near the town.", set()),
    ("Chile blamed the rebels for the unrest, saying they attacked a police post.", set()),
    ("Chile and Peru sent troops to the border. They attacked a rebel camp on Monday.", {"Chile", "Peru"}),
])
def test_they_is_the_group_the_last_plural_subject_names(nlp, body, agents):
    ms, n = run(nlp, body)
    assert [named(m.agents, n) for m in ms if m.trigger == "attacked"] == [agents], ms


@pytest.mark.parametrize(("body", "trigger", "agents"), [
    ("The Chilean army said it detained 40 suspects near the border.", "detained", {"Chile"}),
    ("Hamas denied it had attacked the convoy on Monday.", "attacked", {"Hamas"}),
    ("Maria Lopez said it attacked the convoy on Monday.", "attacked", set()),   # a person is no "it"
    ("The Chilean army said a bomb hit the market and it killed ten people.", "hit", set()),  # the bomb
])
def test_a_reported_it_is_the_body_that_reports(nlp, body, trigger, agents):
    ms, n = run(nlp, body)
    assert [named(m.agents, n) for m in ms if m.trigger == trigger] == [agents], ms


@pytest.mark.parametrize("text", [
    "Chilean forces fought fiercely for weeks to oust the rebels.",     # how long, not what for
    "Rebels fought for control of the town of Arica on Monday.",
])
def test_fighting_for_ground_or_for_a_while_is_an_assault(nlp, text):
    ms, _ = run(nlp, text)
    assert [m.type for m in ms if m.trigger == "fought"] == ["ASSAULT"], ms


@pytest.mark.parametrize("text", [
    "Mark Ellis was killed in the Arica tram tragedy on Monday.",
    "Ten miners were killed in the mine disaster in Arica.",
])
def test_deaths_in_a_calamity_a_vehicle_or_site_names_are_a_disaster(nlp, text):
    ms, _ = run(nlp, text)
    assert {m.type for m in ms} == {"DISASTER"}, ms


@pytest.mark.parametrize(("text", "etype"), [
    ("Maria Lopez was photographed protesting outside the presidential palace in Lima.", "PROTEST"),
    ("Hundreds of students protested against the new law in Lima on Monday.", "PROTEST"),
    ("Students protested the cuts in the school budget on Monday.", "PROTEST"),  # a crowd, an object
    ("Peru protested to Chile over the border incident.", "ACCUSE"),       # a state's words
    ("Maria Lopez protested the court's decision.", "ACCUSE"),             # an object: words
])
def test_protesting_in_the_street_is_a_protest_and_in_words_an_accusation(nlp, text, etype):
    ms, _ = run(nlp, text)
    assert [m.type for m in ms if m.trigger.startswith("protest")] == [etype], ms


@pytest.mark.parametrize(("text", "agents"), [
    ("The Hamas militant group launched a series of attacks across Gaza on Monday.", {"Hamas"}),
    ("The Islamic State group claimed the attack on the hotel in Kabul.", {"Islamic State"}),
    ("A Chilean rebel group attacked the army base on Monday.", set()),   # a nationality names no body
])
def test_a_body_noun_stands_for_the_organisation_named_before_it(nlp, text, agents):
    ms, n = run(nlp, text)
    assert [named(m.agents, n) for m in ms if m.type == "ASSAULT"][:1] == [agents], ms


def test_the_role_noun_before_a_name_is_that_person_whatever_the_parse(nlp):
    ms, n = run(nlp, "The boxer stabbed and killed cousin Marta Steenberg.")  # the name hung apart
    assert [named(m.targets, n) for m in ms if m.trigger == "stabbed"] == [{"Marta Steenberg"}], ms


@pytest.mark.parametrize(("text", "targets"), [
    ("The war in Chile goes on. On Monday, Peru fired missiles at the hospital in Arica.", {"Chile"}),
    ("The war in Chile goes on. On Monday, Peru fired missiles at the rebels in Arica.", set()),  # people
])
def test_an_attack_on_a_site_in_a_town_strikes_the_towns_state(nlp, text, targets):
    ms, n = run(nlp, text)
    assert [named(m.targets, n) for m in ms if m.trigger == "fired"] == [targets], ms


def test_a_town_before_an_attack_noun_is_its_place_not_its_agent(nlp):
    ms, n = run(nlp, "The Kabul attack shocked Afghanistan.")
    m = one(ms, "ASSAULT")
    assert n[m.place] == "Kabul" and not m.agents


@pytest.mark.parametrize("text", [
    "The two parties promised to fight corruption and poverty in Chile.",
    "Maria Lopez kept fighting for women's rights in Chile, her lawyer said.",
    "The polls were the third attempt of Maria Lopez to defeat Tom Varga.",
    "Kenya's long fight against corruption was praised by Chile.",
    "Maria Lopez fought for cheaper medicine for the poor, her lawyer said.",   # for no ground, no foe
    "The results came in, with Tom Varga likely to beat Ana Rojas to become president of Chile.",
])
def test_a_struggle_against_a_problem_for_a_cause_or_in_a_contest_is_no_assault(nlp, text):
    ms, _ = run(nlp, text)
    assert not [m for m in ms if m.type == "ASSAULT"], ms


def test_a_struggle_against_an_armed_group_stays_an_assault(nlp):
    ms, n = run(nlp, "Kenyan troops fought al-Shabab militants near Kismayo.")
    assert one(ms, "ASSAULT").place and n[one(ms, "ASSAULT").place] == "Kismayo"


def test_coordinated_verbs_share_their_object_agent_and_place(nlp):
    ms, n = run(nlp, "Omar Haddad was arrested and charged by Italian police in Milan.")
    arrest = one(ms, "COERCE")
    assert named(arrest.agents, n) == {"Italy"} and named(arrest.targets, n) == {"Omar Haddad"}
    ms, n = run(nlp, "Italy arrested and charged Omar Haddad.")
    assert named(one(ms, "COERCE").targets, n) == {"Omar Haddad"}
    ms, n = run(nlp, "Rebels attacked and killed two Kenyan soldiers near Kismayo.")
    assert n[one(ms, "ASSAULT").place] == "Kismayo"


def test_a_participle_coordinated_with_a_passive_verb_is_passive(nlp):
    ms, n = run(nlp, "The rebel leader Omar Haddad escaped capture, but was found and killed by "
                     "American forces a decade later.")
    kill = next(m for m in ms if m.trigger == "killed")
    assert named(kill.targets, n) == {"Omar Haddad"} and named(kill.agents, n) == {"United States"}


@pytest.mark.parametrize(("text", "agent"), [
    ("Chile believes Tom Varga ordered the killing of his brother.", "Tom Varga"),
    ("The Taliban claimed responsibility for the bombing in Kabul.", "Taliban"),
    ("Omar Haddad confessed to the attack on the club.", "Omar Haddad"),
])
def test_the_author_of_an_attack_noun_is_its_agent(nlp, text, agent):
    ms, n = run(nlp, text)
    assert agent in named(one(ms, "ASSAULT").agents, n)


@pytest.mark.parametrize("text", [
    "Police arrested activist Maria Lopez during a protest in Lima.",
    "Maria Lopez, a student at the protest, spoke to reporters in Lima.",
    "Maria Lopez joined the march in Lima.",
])
def test_who_was_at_a_protest_took_part_in_it(nlp, text):
    ms, n = run(nlp, text)
    assert named(one(ms, "PROTEST").agents, n) == {"Maria Lopez"}


def test_a_killing_participle_of_a_crash_is_the_disaster_but_of_a_raid_an_assault(nlp):
    ms, _ = run(nlp, "A tram crashed in Croydon, killing seven people.")
    assert {m.type for m in ms} == {"DISASTER"}
    ms, _ = run(nlp, "Gunmen stormed the hotel in Kabul, killing seven people.")
    assert {m.type for m in ms} == {"ASSAULT"}


@pytest.mark.parametrize(("text", "places"), [
    ("Hamas fired rockets at Israel in response to the killing of a commander in Gaza.",
     {"fired": "Israel", "killing": "Gaza Strip"}),
    ("Rebels attacked an army post in Homs to avenge the shelling of a village near Hama.",
     {"attacked": "Homs", "shelling": "Hama"}),
    ("The Taliban said it carried out the attack in Kabul in retaliation for air strikes last week in Herat.",
     {"carried attack": "Kabul", "strikes": "Herat"}),
])
def test_a_place_told_after_a_reprisal_phrase_is_the_answered_happenings(nlp, text, places):
    ms, n = run(nlp, text)
    assert {m.trigger: n.get(m.place) for m in ms} == places, ms


@pytest.mark.parametrize(("text", "place"), [
    ("Police arrested Omar Haddad in the city of Adana on Monday.", "Adana"),
    ("A gunman killed nine people at an Orlando nightclub.", "Orlando"),
    ("Omar Haddad was killed in an ambush that left five soldiers dead in Mosul.", "Mosul"),
    ("Gunmen attacked a bank in Mazar-i-Sharif on Monday.", "Mazar"),   # the parser cuts the name up
    ("A bomb exploded in the city of Mazar-i-Sharif on Monday.", "Mazar"),
])
def test_a_place_named_inside_a_place_noun_or_the_clause_of_the_trigger(nlp, text, place):
    ms, n = run(nlp, text)
    assert any(m.place and n[m.place] == place for m in ms), ms


@pytest.mark.parametrize("text", [
    "President Tom Varga came to power in Chile after the war.",
    "Chile's ambassador Tom Varga spoke to reporters in Lima.",
    "Tom Varga of Chile gave a speech in Lima.",
    "Police in Chile found a man called Tom Varga.",
])
def test_idioms_audiences_speeches_and_names_are_no_events(nlp, text):
    ms, _ = run(nlp, text)
    assert not [m for m in ms if m.type in ("CONSULT", "AID")], ms


@pytest.mark.parametrize("text", [
    "Tom Varga spoke with Peru's president in Lima.",
    "Chile's foreign minister Tom Varga met Peru's president in Lima.",
    "Tom Varga met the Peruvian president in Lima.",
])
def test_an_unnamed_head_of_state_met_by_someone_else_is_the_state(nlp, text):
    ms, n = run(nlp, text)
    assert named(one(ms, "CONSULT").participants, n) == {"Tom Varga", "Peru"}


def test_the_people_an_including_phrase_names_are_the_targets(nlp):
    ms, n = run(nlp, "Police arrested dozens of activists, including Maria Lopez, in Lima.")
    assert "Maria Lopez" in named(one(ms, "COERCE").targets, n)
    ms, n = run(nlp, "Several activists were arrested in Lima, including Maria Lopez.")
    assert "Maria Lopez" in named(one(ms, "COERCE").targets, n)


def test_what_an_attack_named_as_subject_did_is_that_attack(nlp):
    ms, n = run(nlp, "Russia denied it. The Russian airstrikes hit rebel positions near Idlib on Monday.")
    assert [m.trigger for m in ms if m.type == "ASSAULT"] == ["airstrikes"]
    m = one(ms, "ASSAULT")
    assert named(m.agents, n) == {"Russia"} and n[m.place] == "Idlib"


def test_the_possessor_of_a_killing_or_an_arrest_is_its_target_of_an_invasion_its_agent(nlp):
    ms, n = run(nlp, "Protests followed Daniel Moss's killing in Ferguson.")
    assert named(one(ms, "ASSAULT").targets, n) == {"Daniel Moss"} and not one(ms, "ASSAULT").agents
    ms, n = run(nlp, "Omar Haddad was escorted by police following his arrest in Chisinau.")
    assert named(one(ms, "COERCE").targets, n) == {"Omar Haddad"}
    ms, n = run(nlp, "Russia's invasion of Ukraine began in February.")
    m = one(ms, "ASSAULT")
    assert named(m.agents, n) == {"Russia"} and named(m.targets, n) == {"Ukraine"}


def test_deals_reached_struck_or_missed(nlp):
    ms, n = run(nlp, "Chile and Peru reached an agreement in Lima.")
    assert named(one(ms, "AGREE").participants, n) == {"Chile", "Peru"}
    ms, n = run(nlp, "Chile struck a deal with Peru.")
    assert named(one(ms, "AGREE").participants, n) == {"Chile", "Peru"}
    ms, n = run(nlp, "Chile and Peru failed to reach an agreement in Lima.")
    assert one(ms, "AGREE").modality == "negated"
    ms, n = run(nlp, "The talks between Chile and Peru ended without a deal.")
    m = one(ms, "AGREE")  # told as an agreement that did not happen (negated), between the talks' parties
    assert m.modality == "negated" and named(m.participants, n) == {"Chile", "Peru"}


def test_a_joint_decision_is_an_agreement_a_lone_one_is_not(nlp):
    ms, n = run(nlp, "Chile and Peru decided to form a joint commission on the border.")
    assert named(one(ms, "AGREE").participants, n) == {"Chile", "Peru"}
    ms, _ = run(nlp, "Chile decided to leave the talks.")
    assert not [m for m in ms if m.type == "AGREE"]


def test_a_happening_of_several_days_is_dated_to_its_month(nlp):
    ms, _ = run(nlp, "Four days of talks between Chile and Peru ended on Thursday in Lima.",
                date="2023-05-05")
    m = one(ms, "CONSULT")
    assert (m.date[:7], m.date_precision) == ("2023-05", "month")


def test_a_meeting_with_someone_does_not_take_the_object_of_the_next_verb(nlp):
    ms, n = run(nlp, "Tom Varga met with Ana Rojas in Lima and thanked Peru for its help.")
    assert named(one(ms, "CONSULT").participants, n) == {"Tom Varga", "Ana Rojas"}


def test_a_description_met_by_someone_is_the_earlier_holder_not_the_subject(nlp):
    ms, n = run(nlp, "Peru's president Ana Rojas arrived in Lima. Tom Varga met the president on Monday.")
    assert named(one(ms, "CONSULT").participants, n) == {"Tom Varga", "Ana Rojas"}


@pytest.mark.parametrize(("body", "holder"), [
    ("FBI Director Tom Reed spoke on Monday. Senator Juan Perez later met the director of the FBI.",
     "Tom Reed"),
    ("Police Director Tom Reed spoke on Monday. Senator Juan Perez later met the director of the FBI.",
     "Federal Bureau of Investigation"),  # a director of another body: the body itself stands in
])
def test_a_description_of_a_named_body_is_a_holder_of_that_body(nlp, body, holder):
    ms, n = run(nlp, body)
    assert named(one(ms, "CONSULT").participants, n) == {"Juan Perez", holder}


@pytest.mark.parametrize(("body", "trigger"), [
    ("\"Peru attacked our border post,\" Senator Ana Rojas reiterated.", "attacked"),    # a verb of saying
    ("Ana Rojas said that the shelling was an attack on Chile.", "attack"),            # a predicate noun
])
def test_who_tells_of_the_event_is_its_source(extract, body, trigger):
    events, names = extract(body)
    (m,) = [m for m in events if m.trigger == trigger]
    assert names.get(m.attributed_to) == "Ana Rojas"


@pytest.mark.parametrize(("body", "etype"), [
    # a journey pattern of the field's dictionary needs a named destination to be a visit
    ("Marta Ruiz, who led Peru for 22 years, has also filed a lawsuit.", "CONSULT"),
    ("Marta Ruiz went in for a routine check with the immigration office on Monday.", "CONSULT"),
    # closing a window or blocking a bill is no coercion
    ("We closed the windows of the house because we feared the storm.", "COERCE"),
    ("Republicans in the Senate blocked the bill last year.", "COERCE"),
])
def test_words_that_are_not_this_event(extract, body, etype):
    events, _ = extract(body)
    assert not [m for m in events if m.type == etype], events


@pytest.mark.parametrize(("body", "violent"), [
    ("The senator vowed to kill the bill.", False),
    ("Critics said the scandal would destroy her legacy.", False),
    ("Rebels destroyed the bridge near the border.", True),
])
def test_destroying_an_abstraction_is_no_assault(extract, body, violent):
    events, _ = extract(body)
    assert bool([m for m in events if m.type == "ASSAULT"]) == violent, events


@pytest.mark.parametrize(("body", "types"), [
    ("Chile test-fired a long-range missile on Monday.", {"MOBILIZE"}),
    ("William Ruto fired back, saying Pedro Sanz had lied about the budget.", {"ACCUSE"}),
    ("Hundreds of Kenyans were fired from their jobs after the strike.", set()),
    ("Officials met after tropical storm Olinda hit Manila in 2019.", set()),
    ("A pedestrian was hit by a car on the bridge in Mombasa.", set()),
    ("The guard was hit by a bullet in Mombasa.", {"ASSAULT"}),
])
def test_the_sense_of_fire_and_hit_from_their_words(extract, body, types):
    events, _ = extract(body)
    assert {m.type for m in events if m.trigger in ("fired", "hit")} == types, events


@pytest.mark.parametrize(("body", "etype"), [
    ("Supporters of the opposition blocked the coastal highway in both directions.", "PROTEST"),
    ("The army issued eviction orders and blocked roads leading to the camp.", "COERCE"),
])
def test_blocking_a_road_is_a_protest_unless_the_state_does_it(extract, body, etype):
    events, _ = extract(body)
    assert [m.type for m in events if m.trigger in ("blocked", "blocking")] == [etype], events


@pytest.mark.parametrize(("body", "etype"), [
    ("A car bomb explosion killed ten people in Mombasa on Monday.", "ASSAULT"),
    ("An explosion targeting a police convoy killed five officers in Mombasa.", "ASSAULT"),
    ("A gas explosion killed three people in an apartment block in Mombasa.", "DISASTER"),
])
def test_an_explosion_of_a_weapon_or_aimed_at_someone_is_an_attack(extract, body, etype):
    events, _ = extract(body)
    assert [m.type for m in events if m.trigger == "explosion"] == [etype], events


@pytest.mark.parametrize(("headline", "body", "types"), [
    ("Parcel bomb wounds 13 in Valparaiso",
     "A man left a bag on the pavement on Friday. The blast shattered windows along the street.",
     ["ASSAULT"]),
    ("Quiet night in Valparaiso",
     "A bomb exploded near the port on Friday. Later the explosion was heard across the bay.",
     ["ASSAULT", "ASSAULT"]),
    ("Fire at chemical plant in Valparaiso",
     "Four workers were hurt on Friday. The blast was heard across the bay.", ["DISASTER"]),
    ("Rangers win in Valparaiso", "His blast, fair by ten feet, tied the score at 6-6.", []),
    ("Quiet night in Valparaiso", "Police seek a man responsible for a blast which injured five people.",
     ["ASSAULT", "ASSAULT"]),
    ("Quiet night in Valparaiso", "Nobody has claimed responsibility for the explosion. Later the "
     "explosion was felt across the bay.", ["ASSAULT", "ASSAULT"]),
    ("Parcel bomb wounds 13 in Valparaiso", "Police hunt the man behind the blast which injured 13 people.",
     ["ASSAULT", "ASSAULT"]),
])
def test_the_explosions_of_a_bombing_story_are_the_attacks(nlp, headline, body, types):
    ms, _ = run(nlp, body, headline=headline)
    found = [m.type for m in ms if m.trigger.lower() in ("blast", "explosion", "exploded", "injured")]
    assert found == types, ms


def test_an_event_told_as_done_is_not_dated_after_the_report(nlp):
    ms, _ = run(nlp, "Chilean troops shelled Peruvian posts. Photos, Thursday, March 30, 2023: Chile shelled "
                     "Peru.")
    assert [m.date for m in ms if m.type == "ASSAULT"] == [None, None], ms   # (the report is of March 23)
    ms, _ = run(nlp, "Chile will attack Peru on March 30, 2023, its minister said.")
    assert [m.date for m in ms if m.type == "ASSAULT"] == ["2023-03-30"], ms  # (a plan: its date stands)


@pytest.mark.parametrize(("body", "etype"), [
    ("More than 40 people were injured when the tram left the track in Valparaiso.", "DISASTER"),
    ("Ten people were injured in the floods in Piura on Monday.", "DISASTER"),
    ("Two soldiers were killed when their truck hit a roadside bomb near Kidal.", "ASSAULT"),
])
def test_casualties_of_a_vehicles_mishap_or_a_flood_are_a_disaster(nlp, body, etype):
    ms, _ = run(nlp, body)
    assert [m.type for m in ms if m.trigger in ("injured", "killed")] == [etype], ms


def test_the_blows_of_one_attack_are_one_event_the_visits_of_years_are_not(nlp):
    ms, n = run(nlp, "A video showed officer Carlos Mendez shooting Jorge Salas 16 times in Lima.")
    assert [(m.type, named(m.targets, n)) for m in ms] == [("ASSAULT", {"Jorge Salas"})]
    ms, _ = run(nlp, "Chile's foreign minister Ana Rojas has visited Lima five times.")
    assert not [m for m in ms if m.type == "CONSULT"]


def test_a_town_struck_is_where_it_happened_not_the_dateline(nlp):
    ms, n = run(nlp, "TACNA, PERU — The front lines shifted again. Chilean warplanes have started pummeling "
                     "Arica.")
    m = one(ms, "ASSAULT")
    assert n[m.place] == "Arica", m


def test_a_capital_named_as_a_party_is_its_government_not_the_place(nlp):
    ms, n = run(nlp, "Peru demanded on Monday that Santiago withdraw its troops from the border.")
    assert [m.place for m in ms if m.type == "REQUEST"] == [None], ms


def test_a_headline_verb_read_as_a_plural_noun_has_the_name_before_it_for_subject(nlp):
    ms, n = run(nlp, "The talks were the first step of the transition.",
                headline="Jorge Salas lands in Lima to meet Ana Rojas at the palace")
    assert [named(m.participants, n) for m in ms if m.in_headline] == [{"Jorge Salas", "Ana Rojas"}]


@pytest.mark.parametrize(("body", "kind"), [
    ("Peru refrained from attacking Chile.", "ASSAULT"),
    ("Senator Ana Rojas is backing away from putting Tomas Varga in jail.", "COERCE"),
    ("Chile was barred from holding talks with Peru.", "CONSULT"),
])
def test_a_gerund_after_holding_back_from_is_negated_and_done_by_the_subject(nlp, body, kind):
    ms, n = run(nlp, body)
    m = one(ms, kind)
    assert m.modality == "negated" and named(m.agents + m.participants, n) & {"Peru", "Ana Rojas", "Chile"}


def test_using_aircraft_is_no_investigation_and_the_weapons_maker_is_no_target(nlp):
    ms, n = run(nlp, "Rebels in Cusco used Bolivian drones in the attack on the airport of Lima.")
    assert "ACCUSE" not in {m.type for m in ms}
    assert all("Bolivia" not in named(m.targets, n) for m in ms)
    ms, n = run(nlp, "Rebels shot Bolivia's ambassador in Lima.")   # shooting a person: the target
    assert named(one(ms, "ASSAULT").targets, n) == {"Bolivia"}


def test_the_parties_with_no_meeting_nearby_are_the_two_states_just_named(nlp):
    ms, n = run(nlp, "Chilean armed units detected the transfer of supplies to the region from Peru. As a "
                     "result, fighting erupted between the parties near the border.")
    assert named(one(ms, "ASSAULT").participants, n) == {"Chile", "Peru"}
    ms, n = run(nlp, "Chilean units detected supplies from Peru and Bolivia. Fighting erupted between the "
                     "parties near the border.")   # three states: no guess
    assert not [m for m in ms if m.type == "ASSAULT" and m.participants]


def test_an_outlet_cited_in_brackets_is_no_party(nlp):
    ms, n = run(nlp, "General Tomas Varga, commander of the peace force, mediated the session (Trend.az, "
                     "March 1).")
    assert named(one(ms, "CONSULT").participants, n) == {"Tomas Varga"}


@pytest.mark.parametrize(("body", "agent"), [
    ("Officials said that Chilean fighter jets flew over the borders of Chile and Peru on Tuesday.", "Chile"),
    ("Bolivian troops moved to the border with Peru on Monday.", "Bolivia"),
])
def test_armed_forces_moving_to_a_border_show_force(nlp, body, agent):
    ms, n = run(nlp, body)
    assert named(one(ms, "MOBILIZE").agents, n) == {agent}


def test_people_moving_to_a_border_show_no_force(nlp):
    ms, _ = run(nlp, "Farmers moved to the border with Peru on Monday.")
    assert not [m for m in ms if m.type == "MOBILIZE"]


@pytest.mark.parametrize("body", [
    "Chile denied it. The deployment of Chilean troops to the border began on Monday.",
    "Chile denied it. The movement of the Santiago army toward the border began on Monday.",   # a capital's
])
def test_the_forces_a_mobilisation_is_of_mobilise(nlp, body):
    ms, n = run(nlp, body)
    assert named(one(ms, "MOBILIZE").agents, n) == {"Chile"}


def test_a_political_movement_is_no_mobilisation(nlp):
    ms, _ = run(nlp, "The opposition movement of Ana Rojas grew in Lima.")
    assert not [m for m in ms if m.type == "MOBILIZE"]


def test_a_capitals_forces_are_its_states_when_the_text_names_the_state(nlp):
    ms, n = run(nlp, "Chile denied it. Santiago's forces shelled the village of Tacna.")
    assert named(one(ms, "ASSAULT").agents, n) == {"Chile"}
