"""Parties of a meeting noun told as the scene of its clause ("A greeted B before a meeting")."""
from __future__ import annotations

import pytest


def meetings(extract, body: str) -> list[set[str]]:
    """The participants (names) of each CONSULT mention of ``body``."""
    events, names = extract(body)
    return [{names[p] for p in m.participants} for m in events if m.type == "CONSULT"]


@pytest.mark.parametrize("body", [
    "William Ruto shakes hands with Anne Leclerc after their meeting in Nairobi.",
    "William Ruto spoke to reporters after a meeting with Anne Leclerc in Nairobi.",
    "William Ruto and Anne Leclerc arrive for their meeting at the State House in Nairobi.",
    "William Ruto shakes hands with Anne Leclerc at their meeting in Nairobi.",
    "William Ruto walks with Anne Leclerc upon her arrival to their meeting in Nairobi.",
    "William Ruto is shown the way by Anne Leclerc after their meeting in Nairobi.",
    "William Ruto was greeted by Anne Leclerc before a meeting in Nairobi.",
    # captions the parser reads without a verb: the people listed with "and" are the parties
    "Kenyan President William Ruto and Chilean President Anne Leclerc arrive for their meeting in Nairobi.",
    "William Ruto and Anne Leclerc laugh as they stroll through the garden after their talks in Nairobi.",
])
def test_the_clause_around_a_meeting_names_its_parties(extract, body):
    assert {"William Ruto", "Anne Leclerc"} in meetings(extract, body)


@pytest.mark.parametrize("body", [
    "Tom Varga and Ana Rojas spoke by phone on Wednesday.",
    "After speaking by phone on Friday, Tom Varga and Ana Rojas issued a joint statement.",
    "A 30-minute call between Tom Varga and Ana Rojas ended without a statement.",  # a call, no request
    "The phone conversation between senators Tom Varga and Ana Rojas lasted an hour.",
    "Tom Varga and his Chilean counterpart, Ana Rojas, spoke by phone on Wednesday.",
])
def test_a_conversation_by_phone_is_a_meeting_of_both(extract, body):
    assert {"Tom Varga", "Ana Rojas"} in meetings(extract, body)


@pytest.mark.parametrize(("body", "parties"), [
    ("Tom Varga answered questions during a press conference with Ana Rojas, his Peruvian counterpart.",
     [{"Tom Varga", "Ana Rojas"}]),
    ("Tom Varga and Ana Rojas shook hands after their joint news conference in Lima.",   # (the handshake
     [{"Tom Varga", "Ana Rojas"}] * 2),                                                   # is one too)
    ("Tom Varga and Ana Rojas held a news conference in Lima.", [{"Tom Varga", "Ana Rojas"}]),
    ("Tom Varga held a news conference in Lima on Monday.", []),               # one speaker
    ("Maria Lopez hugged Ana Rojas during a news conference in Lima.", []),  # not shared
])
def test_a_news_conference_is_a_meeting_only_when_shared(extract, body, parties):
    assert meetings(extract, body) == parties


def test_a_meeting_with_one_person_is_not_a_meeting(extract):
    assert not meetings(extract, "William Ruto waits for the start of a cabinet meeting in Nairobi.")
    body = "William Ruto spoke to Anne Leclerc before Ali Khan left for a meeting in Nairobi."
    assert meetings(extract, body) == [{"William Ruto", "Anne Leclerc"}]   # (the talk, not the meeting)


def only(extract, body: str, **which):
    """The one mention of ``body`` whose fields equal ``which`` (``type=``, ``trigger=``), and the names."""
    events, names = extract(body)
    (m,) = [m for m in events if all(getattr(m, k) == v for k, v in which.items())]
    return m, names


def assaults(extract, body: str) -> list[tuple[str, set[str], set[str]]]:
    """(trigger, agents, targets) of each ASSAULT mention of ``body``, as names."""
    events, names = extract(body)
    return [(m.trigger, {names[a] for a in m.agents}, {names[t] for t in m.targets})
            for m in events if m.type == "ASSAULT"]


def test_the_victim_of_an_intransitive_casualty_is_a_target_its_attacker_the_agent(extract):
    found = assaults(extract, "Two guards, including Pedro Sanz, died in an attack by the Shining Path "
                              "on Sunday.")
    died = [f for f in found if f[0] == "died"]
    assert died and died[0][1] == {"Shining Path"} and "Pedro Sanz" not in died[0][1]


@pytest.mark.parametrize(("body", "trigger"), [
    ("General Pedro Sanz died after a roadside bomb exploded under his convoy near Ayacucho.", "exploded"),
    ("Mayor Pedro Sanz was killed as rebels shelled the town of Huanta on Monday.", "shelled"),
    ("The rebels denied it. Pedro Sanz was wounded when rebels shelled Huanta.", "shelled"),
    ("Major General Pedro Sanz died after a roadside IED detonated under a convoy of Peruvian soldiers near "
     "the city of Ayacucho.", "detonated"),   # (parsed as a clause on "roadside")
])
def test_whom_a_violent_clause_tells_the_death_of_is_its_target(extract, body, trigger):
    found = assaults(extract, body)
    assert any(t == trigger and "Pedro Sanz" in tg for t, _, tg in found)


def test_casualties_in_airstrikes_take_the_nationality_of_the_airstrikes_as_agent(extract):
    found = assaults(extract, "Russia denied the report. Dozens of villagers were killed in Russian "
                              "airstrikes near Idlib on Monday.")
    assert any(t == "killed" and ag == {"Russia"} for t, ag, _ in found)


def test_an_attack_carried_out_by_someone_has_that_agent(extract):
    found = assaults(extract, "The attack launched by the Shining Path killed two guards near Ayacucho.")
    assert any(t == "attack" and ag == {"Shining Path"} for t, ag, _ in found)


def test_a_finite_verb_tag_in_a_nouns_place_is_a_mistagged_noun():
    import spacy
    from spacy.tokens import Doc

    from newsgraph.extract.events.forms import mistagged_noun
    doc = Doc(spacy.blank("en").vocab, words=["killed", "in", "airstrikes", "among", "the", "injured"],
              heads=[0, 0, 1, 0, 5, 3], deps=["ROOT", "prep", "pobj", "prep", "det", "pobj"],
              tags=["VBN", "IN", "VBZ", "IN", "DT", "VBN"])
    assert [mistagged_noun(t) for t in doc] == [False, False, True, False, False, False]


def test_the_victims_of_an_attack_that_killed_them_are_its_targets(extract):
    # (words of the parse are compared by position: the rule asks whether the clause's subject is the noun)
    found = assaults(extract, "An attack that killed Pedro Sanz was blamed on the Shining Path.")
    assert any(t == "attack" and tg == {"Pedro Sanz"} for t, _, tg in found)


def test_coordinated_nationalities_before_an_actor_noun_are_both_states(extract):
    m, names = only(extract, "Chile rejected the claim. Clashes broke out between Chilean and Peruvian "
                             "troops on the border.", type="ASSAULT")
    assert {names[p] for p in m.agents + m.targets + m.participants} == {"Chile", "Peru"}


@pytest.mark.parametrize("body", [
    "India blamed Pakistan for the attack on the army base.",
    "Police accused Pakistan of the bombing in Srinagar.",
    "Police said Pakistan was blamed for the bombing in Srinagar.",
])
def test_whom_the_text_blames_for_an_attack_is_its_agent(extract, body):
    assert any(t in ("attack", "bombing") and ag == {"Pakistan"} for t, ag, _ in assaults(extract, body))


@pytest.mark.parametrize("body", [
    "Kenya blamed the bombing on Somali militants.",       # "on" hung on the noun by the parser
    "Kenya blamed the bombing on Somalia-based militants.",
])
def test_whom_a_happening_is_blamed_on_did_it_and_was_not_hit(extract, body):
    found = assaults(extract, body)
    assert any(t == "bombing" and ag == {"Somalia"} and not tg for t, ag, tg in found), found


def test_militants_based_in_a_state_are_of_that_state_unlike_a_firm(extract):
    assert any(ag == {"Somalia"} for _, ag, _ in assaults(extract, "Somalia-based militants attacked the "
                                                                   "police post."))
    events, _ = extract("A Somalia-based company bought the mine.")
    assert not events


@pytest.mark.parametrize(("body", "trigger"), [
    ("Jailed opposition leader Marta Solis began a hunger strike.", "Jailed"),
    ("In the video, one of the detained men, Omar Haddad, said he was forced to confess.", "detained"),
    ("Relatives mourned the killed reporter Marta Solis in Cusco.", "killed"),
])
def test_a_participle_before_a_name_happens_to_that_name(extract, body, trigger):
    m, names = only(extract, body, trigger=trigger)
    assert {names[t] for t in m.targets} in ({"Marta Solis"}, {"Omar Haddad"}) and not m.agents


def test_a_backing_or_a_defeat_before_a_name_is_no_event_on_it(extract):
    events, _ = extract("The defeated Juan Perez told supporters to accept the result.")
    assert not events
    events, names = extract("Iranian-backed Houthi rebels attacked a Saudi warship.")
    assert [m.type for m in events] == ["ASSAULT"]


def test_a_captions_present_tense_verb_tagged_as_a_noun_keeps_its_object(extract):
    m, names = only(extract, "Police arrest opposition leader Marta Solis during a protest in Cusco, Peru, "
                             "July 9, 2016.", type="COERCE")
    assert {names[t] for t in m.targets} == {"Marta Solis"}


@pytest.mark.parametrize("body", [
    "The report accused Ecuador of violating the rights of its people by jailing opponents.",
    "The report accused Ecuador of abuses, including by jailing opponents.",
    "The report accused Ecuador of abuses, including by ignoring court rulings and by jailing opponents.",
    "UN envoy Maria Lopez on Monday released a long report accusing Ecuador of violating the rights of its "
    "people, including by ignoring the courts and by jailing opposition leaders.",  # ("including" hung on
    # "released")
])
def test_the_means_of_what_someone_is_accused_of_is_theirs(extract, body):
    m, names = only(extract, body, type="COERCE")
    assert {names[a] for a in m.agents} == {"Ecuador"}


@pytest.mark.parametrize(("body", "trigger"), [
    ("Carlos Mendez is serving 30 years in prison for the murder of Paul Okafor.", "murder"),
    ("Carlos Mendez faces trial for the bombing of the embassy in Quito.", "bombing"),
    ("Peru faces sanctions for the invasion of Ecuador.", "invasion"),
])
def test_who_bears_a_punishment_or_a_charge_for_a_happening_did_it(extract, body, trigger):
    m, names = only(extract, body, trigger=trigger)
    assert names[m.agents[0]] in ("Carlos Mendez", "Peru") and len(m.agents) == 1


def test_a_finite_verb_the_parser_hung_on_the_sentences_noun_has_it_for_subject(extract):
    m, names = only(extract, "The head of the hospital, Dr. Ana Rojas, called on the government to send aid.",
                    type="REQUEST")
    assert {names[a] for a in m.agents} == {"Ana Rojas"}


@pytest.mark.parametrize("body", [
    "Carlos Mendez was convicted of having killed Paul Okafor in Lagos.",
    "Carlos Mendez, who was charged with having assassinated President Tomas Varga, died in jail.",
])
def test_a_perfect_gerund_under_a_charge_has_the_charged_for_agent(extract, body):
    events, names = extract(body)
    assert [{names[a] for a in m.agents} for m in events if m.trigger in ("killed", "assassinated")] \
        == [{"Carlos Mendez"}]


def test_a_by_gerund_past_a_participle_with_its_own_agent_belongs_to_the_clause(extract):
    body = "Senator Ana Rojas reopened the wounds suffered by her party by blaming the defeat on Paul Reyes."
    m, names = only(extract, body, trigger="blaming")
    assert {names[a] for a in m.agents} == {"Ana Rojas"} and {names[t] for t in m.targets} == {"Paul Reyes"}


def test_who_died_at_someones_hands_was_killed_by_them(extract):
    events, names = extract("Dozens of villagers in Junin died at the hands of the army of Peru.")
    found = [(m.type, {names[a] for a in m.agents}) for m in events if m.trigger == "died"]
    assert found == [("ASSAULT", {"Peru"})]


def test_the_means_of_a_punishment_is_the_punishers(extract):
    events, names = extract("Chile punished Ecuador by jailing its diplomats.")
    assert not [m for m in events if m.type == "COERCE" and {names[a] for a in m.agents} == {"Ecuador"}]


@pytest.mark.parametrize("body", [
    "Senator Ana Ruiz blamed her loss to Juan Perez on Police Chief Tom Reed.",
    "Senator Ana Ruiz blamed her defeat in the election on interventions by Police Chief Tom Reed.",
    "Senator Ana Ruiz has blamed two letters to Congress by Police Chief Tom Reed for her defeat.",
    "Senator Ana Ruiz blamed the election of rival Juan Perez on Police Chief Tom Reed.",
])
def test_whom_a_loss_is_blamed_on_is_the_target_not_whom_it_was_lost_to(extract, body):
    m, names = only(extract, body, type="ACCUSE")
    assert {names[t] for t in m.targets} == {"Tom Reed"}


def test_the_state_that_leads_a_coalition_is_its_agent(extract):
    found = assaults(extract, "Saudi Arabia denied it. Airstrikes by the Saudi-led coalition killed 20 "
                              "civilians in Sanaa.")
    assert any(t == "Airstrikes" and ag == {"Saudi Arabia"} for t, ag, _ in found)


def test_a_participle_with_an_object_is_an_active_verb_the_parser_misread(extract):
    # "The U.S.-led coalition bombed X" is parsed as "the coalition (which was) bombed": not with an object
    found = assaults(extract, "The United States sent jets. The U.S.-led coalition bombed rebel positions "
                              "near Mosul.")
    assert any(t == "bombed" and ag == {"United States"} and not tg for t, ag, tg in found)


def test_a_participle_set_off_by_commas_happens_to_the_names_before_it(extract):
    # the parser reads "officers X and Y, killed in ..." as the officers killing
    m, names = only(extract, "Police officers Juan Perez and Luis Ortega, killed in an attack by rebels "
                             "overnight, were buried in Cusco.", trigger="killed")
    assert {names[t] for t in m.targets} == {"Juan Perez", "Luis Ortega"} and not m.agents


@pytest.mark.parametrize("body", [
    "The raids were carried out by Hamas on Sunday.",   # an event noun, subject of a passive light verb
    "Raids were carried out by Hamas on Sunday.",       # ... first in its sentence, tagged as a name
])
def test_the_by_phrase_of_a_passive_light_verb_is_the_agent_of_its_event_noun(extract, body):
    events, names = extract(body)
    assert any(m.trigger.lower() == "raids" and {names[a] for a in m.agents} == {"Hamas"}
               for m in events)


@pytest.mark.parametrize(("body", "trigger", "victim"), [
    ("Pedro Gomez was led to a court after being detained at a rally.", "detained", "Pedro Gomez"),
    ("The court heard that Maria Lopez left Peru a year after being attacked in Lima.", "attacked",
     "Maria Lopez"),
])
def test_a_passive_participle_after_a_preposition_happens_to_its_subject(extract, body, trigger, victim):
    m, names = only(extract, body, trigger=trigger)
    assert {names[t] for t in m.targets} == {victim} and not m.agents


@pytest.mark.parametrize(("body", "trigger"), [
    ("Jorge Salas was arrested after attacking a guard near the port.", "attacking"),
    ("Jorge Salas, who was detained after attacking a guard, appeared in court.", "attacking"),
])
def test_a_gerund_after_a_passive_clause_keeps_its_own_active_voice(extract, body, trigger):
    m, names = only(extract, body, trigger=trigger)
    assert {names[a] for a in m.agents} == {"Jorge Salas"} and not m.targets


@pytest.mark.parametrize(("body", "trigger"), [
    ("Chile condemned the detention of dozens of students, including the activist Jorge Salas.", "detention"),
    ("Rights groups deplored the killing of six reporters, including Jorge Salas, in Lima.", "killing"),
])
def test_who_is_listed_among_those_a_nominal_happened_to_is_its_target(extract, body, trigger):
    events, names = extract(body)
    assert [{names[t] for t in m.targets} for m in events if m.trigger == trigger] == [{"Jorge Salas"}]
    assert not [m for m in events if m.type == "ACCUSE" and m.targets]  # (not the condemnation's target)


@pytest.mark.parametrize("body", [
    "Israel struck Hezbollah positions near the border.",          # (positions: a target, not a stance)
    "Israel denied an attack targeting a Hezbollah base near the border.",
])
def test_a_named_actors_positions_and_bases_make_it_the_target(extract, body):
    found = assaults(extract, body)
    assert any(tg == {"Hezbollah"} for _, _, tg in found), found


def test_a_named_actors_aid_does_not_make_it_the_target(extract):
    events, names = extract("William Ruto urged Yoweri Museveni to accept US aid.")
    assert all("United States" not in {names[t] for t in m.targets} for m in events)


def test_an_attack_noun_that_is_the_means_of_a_verb_of_harm_shares_its_parties(extract):
    found = assaults(extract, "Two months ago Hamas hit the Fatah convoy in a car bombing.")
    assert ("bombing", {"Hamas"}, {"Fatah"}) in found


@pytest.mark.parametrize(("body", "violent"), [
    ("Israeli jets targeted a Hamas base near the border.", True),
    ("The campaign targeted young voters in Ohio.", False),     # no physical target: no attack
])
def test_targeting_is_an_attack_only_with_a_physical_target(extract, body, violent):
    assert bool(assaults(extract, body)) == violent


@pytest.mark.parametrize(("body", "trigger", "agents", "targets"), [
    # a raising verb's subject is the infinitive's: active unless the infinitive is passive
    ("Russian forces are said to have shelled Hamas positions.", "shelled", {"Russia"}, {"Hamas"}),
    ("The court heard that Maria Lopez was found shot dead in Lima.", "shot", set(), {"Maria Lopez"}),
    # taking part, a phase of it, punishment for it
    ("India showed proof of Pakistan's involvement in the strike on a base.", "strike", {"Pakistan"}, set()),
    ("The resumption of shelling by Chilean troops killed two farmers.", "shelling", {"Chile"}, set()),
    ("A court in Lima sentenced Pedro Sanz for the bombing of a bank.", "bombing", {"Pedro Sanz"}, set()),
    # a light verb leads its event noun, a quantity measures it out
    ("The protests were led by Greenpeace in Berlin.", "protests", {"Greenpeace"}, set()),
    ("Officials said the United States conducted the majority of the airstrikes.", "airstrikes",
     {"United States"}, set()),
])
def test_who_did_it_is_read_through_the_words_around_the_event(extract, body, trigger, agents, targets):
    events, names = extract(body)
    found = [({names[a] for a in m.agents}, {names[t] for t in m.targets}) for m in events
             if trigger in m.trigger.split()]
    assert (agents, targets) in found, found


def test_coordinated_event_nouns_are_events_each(extract):
    found = assaults(extract, "He recalled the invasion of Chile and the 1979 Soviet invasion of Peru.")
    assert ("invasion", {"Soviet Union"}, {"Peru"}) in found and ("invasion", set(), {"Chile"}) in found


def test_those_included_among_the_subject_did_it(extract):
    events, names = extract("Anti-government protesters including activist Maria Lopez marched in Caracas.")
    assert any(m.type == "PROTEST" and {names[a] for a in m.agents} == {"Maria Lopez"} for m in events)


def test_a_participle_with_a_by_agent_is_passive_even_parsed_as_a_finite_verb(extract):
    found = assaults(extract, "Officials said that an Iranian-made drone shot down by a Chilean fighter jet "
                              "early Tuesday was being flown by rebels.")
    assert any(t == "shot" and ag == {"Chile"} for t, ag, _ in found), found


def test_a_student_at_the_protest_took_part_in_it(extract):
    events, names = extract('"The exam was a joke," said Maria Lopez, a high school senior at the protest.')
    assert any(m.type == "PROTEST" and {names[a] for a in m.agents} == {"Maria Lopez"} for m in events)


def test_an_attack_word_modifying_a_death_names_the_dead_as_its_target(extract):
    found = assaults(extract, "The shooting death of Maria Lopez in Lima shocked the country.")
    assert any(t == "shooting" and tg == {"Maria Lopez"} for t, _, tg in found), found


@pytest.mark.parametrize(("body", "agents", "targets"), [
    ("The offensive was backed by airstrikes from Peruvian warplanes.", {"Peru"}, set()),
    ("Chile protested. Rebels shelled the Chilean embassy in Lima.", set(), {"Chile"}),
    ("Chile protested. Rebels shelled the Chilean consulate in Arequipa.", set(), {"Chile"}),
])
def test_where_an_attack_comes_from_and_whose_building_it_hits(extract, body, agents, targets):
    found = [(ag, tg) for _, ag, tg in assaults(extract, body)]
    assert any(agents <= ag and targets <= tg for ag, tg in found), found


def test_a_passive_infinitive_keeps_its_voice_across_coordination(extract):
    found = assaults(extract, "Rafael Ortiz fled the capital, only to be found and killed by Peruvian troops "
                              "in 1994.")
    assert ("killed", {"Peru"}, {"Rafael Ortiz"}) in found, found


@pytest.mark.parametrize(("body", "agents", "targets"), [
    ("Paraguay, a warmonger in Bolivia during its failed invasion, now seeks peace.", {"Paraguay"}, set()),
    ("Nine states joined Chile in airstrikes against the rebels.", {"Chile"}, set()),
    ("Peruvian warplanes struck Hezbollah in the valley.", {"Peru"}, {"Hezbollah"}),
])
def test_who_an_attack_noun_belongs_to_and_an_armed_group_as_target(extract, body, agents, targets):
    found = [(ag, tg) for _, ag, tg in assaults(extract, body)]
    assert any(agents <= ag and targets <= tg for ag, tg in found), found


def test_its_is_the_nearest_state_named_before_not_a_place(extract):
    found = assaults(extract, "Chile bombed Bolivia and its depots near La Paz.")
    assert any(ag == {"Chile"} and "Bolivia" in tg and "Chile" not in tg for _, ag, tg in found), found


def test_a_number_of_nationals_and_the_officials_of_two_states(extract):
    events, names = extract("Hundreds of Kenyans were detained in the raid. Later, representatives of Chile "
                            "and Peru met in Lima.")
    detained = [{names[t] for t in m.targets} for m in events if m.trigger == "detained"]
    met = [{names[p] for p in m.participants} for m in events if m.type == "CONSULT"]
    assert {"Kenya"} in detained and {"Chile", "Peru"} in met, (detained, met)


def test_those_named_after_such_as_are_the_patients(extract):
    found = assaults(extract, "Critics such as William Ruto and Pedro Sanz were shot, and none was charged.")
    assert any(t == "shot" and tg == {"William Ruto", "Pedro Sanz"} for t, _, tg in found), found


def test_those_protected_from_an_attack_are_its_targets(extract):
    found = assaults(extract, "She urged the army to protect Kenyans from the Shining Path's attacks.")
    assert any(t == "attacks" and "Kenya" in tg for t, _, tg in found), found


def test_a_participle_with_a_by_agent_after_a_name_is_what_happened_to_it(extract):
    found = assaults(extract, "The alleged killer, Carlos Mendez, shot dead by police, had pledged "
                              "allegiance to the group.")
    assert any(t == "shot" and tg == {"Carlos Mendez"} and not ag for t, ag, tg in found), found


@pytest.mark.parametrize("body", [
    "Hamas's attempt to storm the base failed.",
    "Hamas's decision to carry out the attacks proved to be a disaster.",
])
def test_the_owner_of_a_decision_or_attempt_does_what_it_says(extract, body):
    assert any("Hamas" in ag for _, ag, _ in assaults(extract, body))


@pytest.mark.parametrize(("body", "agents"), [
    ("Hamas accepted responsibility for the bombings.", {"Hamas"}),
    ("Hamas denied responsibility for the bombings.", set()),
    ("The attack is widely believed to have been carried out by the Shining Path.", {"Shining Path"}),
])
def test_who_owns_an_attack_told_as_responsibility_or_a_raised_subject(extract, body, agents):
    found = [ag for t, ag, _ in assaults(extract, body) if t in ("bombings", "attack")]
    assert found and found[0] == agents, found


def test_a_call_the_parser_made_the_subject_of_its_participle_is_its_authors(extract):
    events, names = extract("Chile made a public call inviting Peru to hold talks in Lima.")
    invited = [m for m in events if m.trigger == "inviting"]
    assert invited and [names[a] for a in invited[0].agents] == ["Chile"], events


def test_representatives_of_a_people_are_not_its_state(extract):
    events, names = extract("Representatives of the Chilean community met Peruvian officials in Lima. Later, "
                            "representatives of the Chilean government met Peru in Lima.")
    met = [{names[p] for p in m.participants} for m in events if m.type == "CONSULT"]
    assert {"Chile", "Peru"} in met and all(p != {"Chile", "Peru"} for p in met[:1]), met


@pytest.mark.parametrize(("body", "parties"), [
    ("The Chilean president seemed to confirm that point in remarks ahead of meeting Peruvian President "
     "Ana Rojas on Monday.", {"Chile", "Ana Rojas"}),
    ("Talks between U.S. and Cuban delegations ended on Friday.", {"United States", "Cuba"}),
])
def test_who_meets_ahead_of_a_meeting_and_delegations_of_two_states(extract, body, parties):
    assert parties in meetings(extract, body)


@pytest.mark.parametrize("body", [
    "Carlos Mendez was jailed for attacking William Ruto.",
    "Police arrested Carlos Mendez for attacking William Ruto.",
    "Carlos Mendez was found guilty of manslaughter for shooting William Ruto.",
    "A court found Carlos Mendez guilty of stabbing William Ruto.",
])
def test_who_is_punished_or_found_guilty_for_an_attack_did_it(extract, body):
    found = [(ag, tg) for t, ag, tg in assaults(extract, body) if t in ("attacking", "shooting", "stabbing")]
    assert found and found[0][0] == {"Carlos Mendez"}, found


@pytest.mark.parametrize(("body", "held"), [
    ("The mayor Pedro Sanz, the colonel Tomas Varga, Carlos Mendez and William Ruto were indicted on Monday.",
     {"Pedro Sanz", "Tomas Varga", "Carlos Mendez", "William Ruto"}),
    ("Five people were arrested, including Ana Rojas, wife of the poet Tomas Varga, and Carlos Mendez.",
     {"Ana Rojas", "Carlos Mendez"}),
    ("Activists were arrested, including Ana Rojas, wife of the poet Tom Varga, Ali Khan and his brother, "
     "Maria Lopez, the theatre director Pedro Sanz, pilot Luis Vega and his wife Carla Diaz, and the "
     "writer Marta Gil.",
     {"Ana Rojas", "Ali Khan", "Maria Lopez", "Pedro Sanz", "Luis Vega", "Carla Diaz", "Marta Gil"}),
])
def test_names_the_parser_hung_as_appositions_in_a_list_are_all_listed(extract, body, held):
    events, names = extract(body)
    found = [{names[t] for t in m.targets} for m in events if m.type == "COERCE"]
    assert found and found[0] == held, found


@pytest.mark.parametrize(("body", "trigger", "agents", "targets"), [
    ("A court found that Carlos Mendez acted alone in killing Paul Okafor.", "killing",
     {"Carlos Mendez"}, {"Paul Okafor"}),
    ("In 1820, the chief, Paul Okafor, was murdered on the orders of the governor Carlos Mendez.", "murdered",
     {"Carlos Mendez"}, {"Paul Okafor"}),
    ("Paul Okafor was tortured at the hands of the guards of Carlos Mendez.", "tortured",
     {"Carlos Mendez"}, {"Paul Okafor"}),
    ("The panel concluded that Carlos Mendez fired the shots that killed Paul Okafor.", "killed",
     {"Carlos Mendez"}, {"Paul Okafor"}),
    ("The senator was stabbed by a group of rivals that included Carlos Mendez and Pedro Sanz.", "stabbed",
     {"Carlos Mendez", "Pedro Sanz"}, set()),
])
def test_the_killer_told_by_a_gerund_an_order_a_weapon_or_a_group(extract, body, trigger, agents, targets):
    found = [(ag, tg) for t, ag, tg in assaults(extract, body) if t == trigger]
    assert found and found[0][0] == agents and found[0][1] >= targets, found


def test_a_gerund_after_in_does_not_take_a_passive_subject(extract):
    found = [ag for t, ag, _ in assaults(extract, "Guards were involved in beating Paul Okafor.")
             if t == "beating"]
    assert found == [set()], found


@pytest.mark.parametrize(("body", "trigger", "agents"), [
    ("Islamic State fighters held the town. Two weeks ago IS targeted the commander Abu Salim in a bombing.",
     "targeted", {"Islamic State"}),
    ("The video shows missiles being fired from Iran into eastern Syria.", "fired", {"Iran"}),
])
def test_an_attacker_named_as_a_misread_auxiliary_or_where_the_fire_came_from(extract, body, trigger, agents):
    found = [ag for t, ag, _ in assaults(extract, body) if t == trigger]
    assert found == [agents], found


@pytest.mark.parametrize(("body", "target"), [
    ("She said Chile should continue airstrikes to disrupt Hezbollah.", "Hezbollah"),
    ("Rebels fought to oust President Tomas Varga in the north in 2019.", "Tomas Varga"),  # (a clash;
    # "have been fighting for six years" is a war, no one event: test_triggers)
])
def test_the_aim_of_an_attack_names_its_target(extract, body, target):
    assert any(target in tg for _, _, tg in assaults(extract, body))


@pytest.mark.parametrize(("body", "role", "group"), [
    ("A Shiite fighter clashes with members of the Free Syrian Army in the town.", "target",
     "Free Syrian Army"),
    ("Supporters of Hezbollah attacked the convoy on Monday.", "agent", "Hezbollah"),
])
def test_members_of_a_group_stand_for_it(extract, body, role, group):
    found = assaults(extract, body)
    assert any(group in (ag if role == "agent" else tg) for _, ag, tg in found), found


@pytest.mark.parametrize(("body", "parties"), [
    ("Officials from Chile and Bolivia met in Lima on Tuesday.", {"Chile", "Bolivia"}),
    ("Peru held talks with a delegation of Ecuador on Monday.", {"Peru", "Ecuador"}),
])
def test_officials_and_envoys_of_a_state_stand_for_it(extract, body, parties):
    assert parties in meetings(extract, body)


@pytest.mark.parametrize("body", [
    "Peru will host talks in Lima next week with officials from Chile and Bolivia.",
    "Peru chaired a meeting with Chile and Bolivia on Friday.",
])
def test_the_host_or_chair_of_a_meeting_takes_part_in_it(extract, body):
    assert any({"Peru", "Chile", "Bolivia"} <= m for m in meetings(extract, body)), meetings(extract, body)


def test_supporters_of_a_person_are_not_that_person(extract):
    events, names = extract("Supporters of Tomas Varga marched in Lima on Sunday.")
    assert all("Tomas Varga" not in {names[a] for a in m.agents} for m in events), events


def test_an_unnamed_title_is_the_person_last_given_it_in_the_article(extract):
    body = ("Prime Minister Ana Rojas of Peru arrived in Lima on Monday.\n\nReporters waited for hours at "
            "the airport.\n\nOfficials said the visit would be short.\n\nOn Tuesday the prime minister "
            "accused Chile of violating the border.")
    events, names = extract(body)
    assert [({names[a] for a in m.agents}, {names[t] for t in m.targets}) for m in events
            if m.type == "ACCUSE"] == [({"Ana Rojas"}, {"Chile"})], events


@pytest.mark.parametrize(("body", "trigger", "agent", "target"), [
    ("Peru is the country that invaded Ecuador in 1995.", "invaded", "Peru", "Ecuador"),
    ("Carlos Mendez was the man who shot Paul Okafor in Lagos.", "shot", "Carlos Mendez", "Paul Okafor"),
])
def test_a_past_happening_told_as_what_someone_is_has_them_for_doer(extract, body, trigger, agent, target):
    m, names = only(extract, body, trigger=trigger)
    assert ({names[a] for a in m.agents}, {names[t] for t in m.targets}) == ({agent}, {target})


@pytest.mark.parametrize("body", [
    "Crowds marched in Lima after the release of video that showed officer Carlos Mendez shooting "
    "19-year-old Ali Hassan in May 2019.",  # (the parser hangs "shooting" on "release")
    "A video filmed in Kano showed Russian soldiers beating Ali Hassan.",
])
def test_the_one_a_video_shows_doing_it_did_it(extract, body):
    (_, agents, targets), = [f for f in assaults(extract, body) if f[0] in ("shooting", "beating")]
    assert agents in ({"Carlos Mendez"}, {"Russia"}) and targets == {"Ali Hassan"}


@pytest.mark.parametrize(("body", "etype"), [
    ("Police in Lima arrested Omar Khan's brother on Monday.", "COERCE"),
    ("Gunmen in Lima shot the lawyer of Ana Rojas on Friday.", "ASSAULT"),
])
def test_what_is_done_to_someones_kin_is_not_done_to_them(extract, body, etype):
    events, names = extract(body)
    assert [{names[t] for t in m.targets} for m in events if m.type == etype] == [set()]


def test_the_relative_who_stands_for_the_person_named_before_it_wherever_its_clause_hangs():
    import spacy
    from spacy.tokens import Doc, Span

    from newsgraph.extract.events.syntax import subject
    words = ["rallied", "in", "support", "of", "Omar", "Khan", "who", "was", "executed"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=[0, 0, 1, 2, 5, 3, 8, 8, 2],
              deps=["ROOT", "prep", "pobj", "prep", "compound", "pobj", "nsubjpass", "auxpass", "relcl"],
              tags=["VBD", "IN", "NN", "IN", "NNP", "NNP", "WP", "VBD", "VBN"])
    doc.ents = [Span(doc, 4, 6, "PERSON")]   # (the parser hung the clause on "support")
    assert subject(doc[8]) == (doc[5], True)


def test_states_joined_by_a_hyphen_are_both_parties(extract):
    assert meetings(extract, "Chile-Peru talks ended in Lima on Monday.") == [{"Chile", "Peru"}]


def test_whom_a_relative_clause_says_was_cleared_is_the_one_cleared(extract):
    events, names = extract("Senator Ana Rojas, who was cleared by the Ethics Committee in May, spoke "
                            "on Monday.")
    assert [({names[a] for a in m.agents}, {names[t] for t in m.targets})
            for m in events if m.type == "CONCEDE"] == [({"Ethics Committee"}, {"Ana Rojas"})]


def test_the_relative_who_after_an_age_stands_for_the_person_named_before_the_age(extract):
    found = assaults(extract, "Among those dancing at the cafe is Maria Lopes, 28, who was attacked with "
                              "acid in 2005.")
    assert found == [("attacked", set(), {"Maria Lopes"})]


@pytest.mark.parametrize(("body", "trigger", "agents", "targets"), [
    ("If convicted, Jorge Salas could find himself back in prison.", "convicted", set(), {"Jorge Salas"}),
    ("Backed by Chilean airstrikes, Peruvian troops retook the town.", "Backed", {"Chile"}, {"Peru"}),
])
def test_a_bare_participle_before_a_clause_happens_to_its_subject(extract, body, trigger, agents, targets):
    events, names = extract(body)
    (m,) = [m for m in events if m.trigger == trigger]
    assert ({names[a] for a in m.agents}, {names[t] for t in m.targets}) == (agents, targets)


def test_the_relative_who_after_an_age_stands_for_the_person_wherever_its_clause_hangs():
    import spacy
    from spacy.tokens import Doc, Span

    from newsgraph.extract.events.syntax import subject
    words = ["among", "them", "is", "Omar", "Khan", ",", "28", ",", "who", "was", "attacked"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=[2, 0, 2, 4, 2, 4, 4, 4, 10, 10, 1],
              deps=["prep", "pobj", "ROOT", "compound", "attr", "punct", "appos", "punct", "nsubjpass",
                    "auxpass", "relcl"],
              tags=["IN", "PRP", "VBZ", "NNP", "NNP", ",", "CD", ",", "WP", "VBD", "VBN"])
    doc.ents = [Span(doc, 3, 5, "PERSON")]   # (the parser hung the clause on "them")
    assert subject(doc[10]) == (doc[4], True)


@pytest.mark.parametrize(("body", "trigger", "targets"), [
    ("Mourners carried the coffins of Tom Harlow and Mark Dalton, killed in an attack by rebels overnight.",
     "killed", {"Tom Harlow", "Mark Dalton"}),
    ("Police questioned Tom Harlow, arrested in 2012 for fraud.", "arrested", {"Tom Harlow"}),
    ("Officers carry the coffin of slain officers Tom Harlow and Mark Dalton, killed in an attack by rebels "
     "overnight, in the city of Cusco.", "killed", {"Tom Harlow", "Mark Dalton"}),
])
def test_a_participle_after_a_comma_and_a_name_happens_to_the_one_named(extract, body, trigger, targets):
    events, names = extract(body)  # (the parser hangs the reduced relative on the main verb)
    (m,) = [m for m in events if m.trigger == trigger]
    assert {names[t] for t in m.targets} == targets


def test_a_group_in_apposition_after_a_name_is_that_name(extract):
    events, names = extract("Turnout rose with the profile of the Patriotic Youth Front (PYF), the hardline "
                            "group that organized the rallies against the law.")
    (m,) = [m for m in events if m.type == "PROTEST"]   # (the parser hung "the group" on "turnout")
    assert {names[a] for a in m.agents} == {"Patriotic Youth Front (PYF"}


@pytest.mark.parametrize("body", [
    "Chilean officials said their troops struck rebel positions near Arica.",
    "Chilean officials said their warplanes and artillery struck rebel positions near Arica.",
])
def test_their_forces_are_the_forces_of_the_group_that_spoke(extract, body):
    events, names = extract(body)
    (m,) = [m for m in events if m.type == "ASSAULT"]
    assert {names[a] for a in m.agents} == {"Chile"}


@pytest.mark.parametrize("body", [
    "Hamas holds the valley. Apparently, Hamas had rifles they had used to kill soldiers at that post.",
    "Hamas holds the valley. Two months ago Hamas targeted the rebel commander in a car bombing.",
])
def test_a_group_named_once_does_what_they_or_its_bombing_did(extract, body):
    events, names = extract(body)
    assert all({names[a] for a in m.agents} == {"Hamas"} for m in events if m.type == "ASSAULT")
    assert [m for m in events if m.type == "ASSAULT"]


def test_they_after_a_group_that_named_another_is_no_guess(extract):
    events, names = extract("Hamas blamed Fatah, saying they attacked the convoy.")
    (m,) = [m for m in events if m.type == "ASSAULT"]
    assert not m.agents


def test_a_deed_told_after_a_comma_with_with_is_the_subjects(extract):
    events, names = extract("Peru's army is claiming a breakthrough against the rebels, with the capture of "
                            "their leader near Cusco.")
    (m,) = [m for m in events if m.type == "COERCE"]
    assert {names[a] for a in m.agents} == {"Peru"}
    events, names = extract("Peru's army disagreed with the arrest of Ana Rojas.")   # no comma: an attitude
    assert not [a for m in events if m.type == "COERCE" for a in m.agents]


def test_a_group_in_apposition_after_a_name_and_its_bracketed_short_form_is_that_name(extract):
    events, names = extract("The spike follows the rising profile of one of the loudest voices in Peru, the "
                            "Patriotic Youth Front (PYF), the hardline group that organized the rallies "
                            "against the law last year.")
    (m,) = [m for m in events if m.type == "PROTEST"]
    assert {names[a] for a in m.agents} == {"Patriotic Youth Front"}


@pytest.mark.parametrize("body", [
    "Cusco is known as the site of the assassination in 1914 of Senator Tomas Varga by Ana Rojas.",
    "Peru mourned after the killing on Monday of the journalist Tomas Varga by gunmen in Lima.",
])
def test_the_of_phrase_after_a_time_told_with_the_noun_is_its_target(extract, body):
    events, names = extract(body)
    (m,) = [m for m in events if m.type == "ASSAULT"]
    assert {names[t] for t in m.targets} == {"Tomas Varga"}


def test_a_by_phrase_hung_on_a_place_phrase_of_a_passive_verb_is_its_agent(extract):
    found = assaults(extract, "Tomas Varga was shot to death on May 8, 1980, in the courtyard of his Lima "
                              "apartment building by Carlos Mendez, a former fan.")
    assert ("shot", {"Carlos Mendez"}, {"Tomas Varga"}) in found


@pytest.mark.parametrize(("body", "parties"), [
    ("Ana Rojas and Tom Hale discussed the return of refugees to Bolivia.", {"Ana Rojas", "Tom Hale"}),
    ("Ana Rojas and Tom Hale discussed Bolivia.", {"Ana Rojas", "Tom Hale"}),
    ("Tom Varga discussed the border with Ana Rojas.", {"Tom Varga", "Ana Rojas"}),
    ("Tom Varga welcomed Ana Rojas to Lima.", {"Tom Varga", "Ana Rojas"}),   # a guest, not a topic
    ("Tom Varga speaks on the phone with Ana Rojas in Lima.", {"Tom Varga", "Ana Rojas"}),   # the phone's
])
def test_what_is_discussed_is_a_topic_not_a_party(extract, body, parties):
    assert meetings(extract, body) == [parties]
