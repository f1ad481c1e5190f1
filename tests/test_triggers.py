"""Trigger rules read against the verb's arguments: idioms the lexicon excludes, verbs that need an
object, phrasal verbs CAMEO does not list, meeting nouns set as the scene of a clause."""
from __future__ import annotations

import pytest


def types(extract, body: str) -> list[str]:
    """The event types found in ``body``, in order."""
    return [m.type for m in extract(body)[0]]


@pytest.mark.parametrize("body", [
    "Maria Lopez fought back tears as she spoke about her son.",      # an idiom, not a fight
    "Firefighters from Cork fought the blaze for six hours.",
    "The Green Party captured two seats in the Senate.",              # an election, not a seizure
    "Prosecutors closed their investigation of Governor Adebayo.",
    "Shares of Acme Corp closed higher on Friday.",                   # no object: not a closure
    "The Taliban leadership may meet its demise in the valley.",      # not a meeting
    "Chile's budget does not meet the targets of the Pacific Fund.",
    "Officials in Lima listed the conditions Chile would have to meet before the vote.",  # a standard
    "The number of hacking attacks against Peru is doubling each year.",         # a statistic
    "The remarks whipped up anger in Brazil.",                        # "whip up" is not "whip"
    "Canada will not march in lockstep with the United States.",
    "Shares of Acme Corp rallied 5 percent on Friday.",               # a market move
    "The dollar rallied against the euro in London.",
    "Oil prices hit a record high in Singapore on Monday.",
    "Democrats rallied behind Senator Tom Varga after the vote.",     # backing, not a protest
    "Senator Tom Varga spoke to supporters at a campaign rally in Ohio.",   # an election's rally
    "Governor Ana Rojas waved to voters at her primary night rally in Reno.",
    "Republican presidential candidate Tom Varga spoke at a rally in Reno.",     # a candidate's rally
    "Republican presidential candidate Tom Varga waves during a rally in Reno.",
    "Fights broke out at Tom Varga's rallies in Reno during the campaign season.",
    "Tom Varga said the battle over gay marriage will continue.",     # a dispute, not violence
    "The Republican nomination battle dragged on in Ohio.",
    "Chile and Peru fought a legal battle over the border at The Hague.",
    "Farmers in Iowa have spent a year fighting construction of the pipeline.",   # no one to fight
    "Rescue crews battled gale-force winds off Crete on Sunday.",
    "Ministers in Paris discussed the bombings at length.",                        # a topic
    "Chile summoned the Peruvian envoy in protest against the decision.",         # a manner, no protest
    "The new polls gave Senator Ana Rojas a clear lead over Chile's president.",   # no aid
    "The ruling delivered a heavy blow to Senator Ana Rojas on Friday.",
    "Ana Rojas defeated Tom Varga to become governor of Ohio.",                   # rivals, not foes
    "Chile beat Peru 2-0 in Lima on Sunday.",                                     # a match
    "Newspapers in Lima printed articles about the murders of activists.",        # a topic
    "Conservative officials in Lima fought to reverse the ruling of the court.",  # a cause
    "Ana Rojas conceded her defeat after the hard-fought election in Peru.",      # a contest's state
    "The ministry executed the plan to rebuild the port of Callao.",               # a plan carried out
    "Protesters in Lima hanged the governor in effigy on Friday.",
    "Jorge Salas hanged a banner from the bridge in Quito.",
    "The prisoner Jorge Salas hanged himself in his cell in Quito.",               # no one killed him
])
def test_idioms_and_intransitive_uses_are_not_events(extract, body):
    assert not {"ASSAULT", "COERCE", "CONSULT", "PROTEST", "AID"} & set(types(extract, body))


@pytest.mark.parametrize(("body", "disaster"), [
    ("A storm over the leaked emails engulfed the campaign in Lima.", False),   # a row, not the weather
    ("Senator Ana Rojas resigned amid an emails storm in Lima.", False),
    ("Dust storms hit Lima on Sunday.", True),
    ("A storm hit the coast of Peru on Sunday.", True),
])
def test_a_storm_over_something_is_a_row_not_the_weather(extract, body, disaster):
    assert ("DISASTER" in types(extract, body)) is disaster


@pytest.mark.parametrize(("body", "etype"), [
    ("Rebels captured the town of Kidal on Sunday.", "COERCE"),
    ("Egypt closed the Rafah crossing on Monday.", "COERCE"),
    ("The father of a pilot captured by rebels in Syria pleaded for his release.", "COERCE"),
    ("Rebels fought government troops near Kidal.", "ASSAULT"),
    ("Rebels fought a fierce battle with troops near Kidal.", "ASSAULT"),
    ("The army said it would fight them street by street in Kidal.", "ASSAULT"),
    ("The bombing, claimed by the Shining Path, raised fears in Lima.", "ASSAULT"),   # subject, not topic
    ("The fighting that erupted near Goma last week displaced thousands.", "ASSAULT"),  # one outbreak
    ("Officials reported a sharp rise in clashes between soldiers and rebels near Goma.", "ASSAULT"),
    ("A policeman hits a migrant at the border fence in Melilla.", "ASSAULT"),
    ("A demonstrator was detained by police during protests in Lima.", "PROTEST"),    # the scene: events
    ("The verdict sparked protests across Chile on Friday.", "PROTEST"),              # caused: events
    ("Police held Maria Lopez at a base near Lima for two days.", "COERCE"),
    ("Chile condemned the attack on the Chilean embassy in Lima.", "ASSAULT"),       # judged: it happened
    ("Police beat a protester outside the parliament in Lagos.", "ASSAULT"),
    ("Iraqi forces defeated Islamic State fighters near Mosul.", "ASSAULT"),
    ("Farmers from Punjab marched to Delhi on Monday.", "PROTEST"),
    ("Thousands rallied in Lagos against the fuel price rise.", "PROTEST"),
    ("Police detained 40 people at an opposition rally in Minsk.", "PROTEST"),
    ("Police detained an opposition supporter during a rally in Minsk.", "PROTEST"),
])
def test_the_same_verbs_with_their_event_objects_still_trigger(extract, body, etype):
    assert etype in types(extract, body)


def test_a_plural_noun_the_tagger_read_as_a_verb_is_still_an_event_noun(extract):
    # "airstrikes" is often tagged VBZ; as a subject or object it can only be a noun
    assert "ASSAULT" in types(extract, "Government airstrikes hit three villages near Idlib on Monday.")
    assert "ASSAULT" in types(extract, "Four officers were among the wounded in Lagos.")  # a participle stays



def test_drowning_is_an_accident_unless_someone_drowns_someone(extract):
    assert "DISASTER" in types(extract, "Six migrants drowned off the coast of Lesbos on Tuesday.")
    assert "ASSAULT" in types(extract, "The smuggler drowned Maria Lopez in the river near Lima.")


def test_a_place_off_the_coast_is_the_place(extract):
    events, names = extract("Six migrants drowned off the coast of Lesbos on Tuesday.")
    assert [names[m.place] for m in events] == ["Lesbos"]


def test_a_past_passive_in_a_where_clause_is_an_event_a_present_one_a_state(extract):
    events, names = extract("Mourners gathered at the spot where Maria Lopez was shot on Monday.")
    assert any(m.type == "ASSAULT" and {names[t] for t in m.targets} == {"Maria Lopez"} for m in events)
    assert not types(extract, "Chilean troops are stationed where the border is guarded.")


@pytest.mark.parametrize("body", [
    "Talks between Chile and Peru were held in Lima on Monday.",       # a light verb, not a detention
    "Prosecutors held Maria Lopez responsible for the crash.",
])
def test_holding_talks_or_holding_someone_responsible_is_no_detention(extract, body):
    assert "COERCE" not in types(extract, body)


def test_deaths_a_famine_caused_are_a_disaster_not_an_attack(extract):
    found = types(extract, "The famine that killed a million people in Biafra ended in 1970.")
    assert "DISASTER" in found and "ASSAULT" not in found
    assert "ASSAULT" in types(extract, "The militia that killed six villagers near Goma fled.")


@pytest.mark.parametrize("body", [
    "The murder of journalist Ana Rojas in Lima shocked Peru.",
    "Police in Quito arrested two men over the slaying of Carlos Mendez.",
    "Rights groups in Lima deplored the slaughter of villagers by the army.",
    "Scuffles broke out between police and protesters outside the parliament in Lima.",
    "Two civilians were caught in the crossfire in Tacna on Monday.",
    "Police teargassed protesters in Kampala on Monday.",
    "Besigye was stopped by police in Kampala and tear-gassed.",
])
def test_a_murder_or_slaying_is_an_assault(extract, body):
    assert "ASSAULT" in types(extract, body)


@pytest.mark.parametrize(("body", "agents", "targets"), [
    ("Iran hanged Omar Khan in Tabriz on Tuesday.", {"Iran"}, {"Omar Khan"}),
    ("Omar Khan was executed in Tabriz in 2016.", set(), {"Omar Khan"}),
    ("The kingdom's authorities executed 47 prisoners, including Sheikh Omar Khan.", set(), {"Omar Khan"}),
    ("Omar Khan was put to death in Tabriz on Monday.", set(), {"Omar Khan"}),
    ("Omar Khan was tried and executed in Tabriz in 2016.", set(), {"Omar Khan"}),   # a passive conjunct
    ("Crowds mourned Omar Khan, who was executed in Tabriz in 2016.", set(), {"Omar Khan"}),  # "who": him
])
def test_executing_or_hanging_a_person_is_an_assault_on_them(extract, body, agents, targets):
    events, names = extract(body)
    found = [({names[a] for a in m.agents}, {names[t] for t in m.targets})
             for m in events if m.type == "ASSAULT"]
    assert found == [(agents, targets)]


@pytest.mark.parametrize("body", [
    "The law was repealed in Lima days after protests by farmers.",
    "The talks in Geneva were cancelled following bombings in two cities.",
])
def test_plural_happenings_after_which_something_followed_took_place(extract, body):
    assert {"PROTEST", "ASSAULT"} & set(types(extract, body))


@pytest.mark.parametrize("body", [
    "The government gave Peru an ultimatum on Monday.",
    "Peru issued an ultimatum to the rebels in Ayacucho.",
    "Peru gave Chile a warning over the border.",
])
def test_giving_or_issuing_an_ultimatum_is_one_threat_not_a_gift(extract, body):
    assert types(extract, body) == ["THREATEN"]


@pytest.mark.parametrize("body", [
    "Senator Tomas Varga called him on Monday to discuss the vote, Ana Rojas said.",
    "President Tomas Varga spent two days reaching out by telephone to allies in Lima.",
])
def test_calling_a_person_or_reaching_out_by_phone_is_a_conversation(extract, body):
    assert types(extract, body)[:1] == ["CONSULT"]


def test_an_opposition_rally_a_leader_addresses_is_a_protest(extract):
    assert "PROTEST" in types(extract, "Opposition leader Ana Rojas told a rally in Lima that the government "
                                       "must resign.")


def test_a_happening_in_a_when_clause_on_a_year_is_no_characterisation(extract):
    body = ("It was the first death of a Peruvian general since 2017, when a colonel was killed in Ayacucho "
            "by rebels of the Shining Path.")
    assert types(extract, body) == ["ASSAULT"]
    assert types(extract, "Lima is a city that supports the rebels in Ayacucho.") == []  # a characterisation


def test_protests_there_were_are_happenings_laws_against_protests_are_not(extract):
    assert types(extract, "There were also demonstrations in Osaka and Perth on Friday.") == ["PROTEST"]
    assert types(extract, "Banners hung in Lima as part of several protests on Friday.") == ["PROTEST"]
    assert types(extract, "FILE - A woman protests against child marriage in Lagos, July 20, 2013.") \
        == ["PROTEST"]   # a caption's verb the tagger read as a plural noun
    assert types(extract, "There are laws against protests in Lima.") == []


@pytest.mark.parametrize("body", [
    "The coalition fighting the Shining Path in Peru has been ineffective.",   # a side, described
    "Ayacucho militias have been fighting the Shining Path since June.",     # a campaign
    "Chile and Peru agreed to cooperate in fighting the Shining Path.",
    "Peru sent troops to fight the Shining Path in Ayacucho.",
    "President Ana Rojas vowed to destroy the Shining Path.",                 # an aim
    "Chile and Peru agreed to cooperate in defeating the Shining Path.",
])
def test_a_sides_role_in_a_war_is_not_one_clash(extract, body):
    assert "ASSAULT" not in types(extract, body)


def test_a_clash_fought_is_an_assault(extract):
    assert "ASSAULT" in types(extract, "Rebels fought government troops near Kidal on Sunday.")


@pytest.mark.parametrize(("body", "kept"), [
    ("Peruvian troops prepared for a final assault to retake the town of Ayacucho.", "assault"),
    ("Villagers fled an army assault to retake the stronghold near Ayacucho.", "assault"),
])
def test_the_aim_of_an_offensive_is_no_event_of_its_own(extract, body, kept):
    events, _ = extract(body)
    assert [m.trigger for m in events if m.type in ("ASSAULT", "COERCE")] == [kept]


@pytest.mark.parametrize("body", [
    "Omar Khan was arrested on Tuesday and charged with first degree murder.",
    "Omar Khan has denied charges of premeditated murder in Lima.",
    "A court in Lima found Omar Khan guilty of murder.",
])
def test_a_crime_named_by_a_charge_or_a_verdict_is_no_happening(extract, body):
    assert "ASSAULT" not in types(extract, body)


def test_a_murder_told_with_its_victim_after_a_charge_is_a_happening(extract):
    assert "ASSAULT" in types(extract, "Omar Khan was charged with the murder of Ali Hassan in Lima.")


def test_pleading_guilty_is_a_plea_in_court_not_an_appeal(extract):
    assert "REQUEST" not in types(extract, "Omar Khan pleaded not guilty to the charges in Lima.")


@pytest.mark.parametrize(("body", "absent"), [
    ("Peru blames an alliance of rebel groups called the Red Front for the bombing.", "CONSULT"),  # a name
    ("Fighters of the Red Front (RF, also called the Red Army by some) waved flags in Lima.", "CONSULT"),
    ("A man carried a wounded girl to a hospital in Tacna.", "ASSAULT"),          # a state of harm
    ("The destroyed bridge is shown near Tacna on Monday.", "ASSAULT"),
    ("Four million voters in Chile destroyed their ballot papers.", "ASSAULT"),   # papers, no violence
    ("Earlier, President Ana Rojas visited a school in Tacna.", "CONSULT"),       # a place, nobody met
])
def test_names_states_of_harm_and_torn_papers_are_no_events(extract, body, absent):
    assert absent not in types(extract, body)


@pytest.mark.parametrize(("body", "etype"), [
    ("President Ana Rojas called Tom Varga on Monday to congratulate him.", "CONSULT"),
    ("Two soldiers were wounded in Tacna on Monday.", "ASSAULT"),
    ("President Ana Rojas visited Lima on Monday.", "CONSULT"),
])
def test_a_call_and_a_wounding_told_as_such_are_events(extract, body, etype):
    assert etype in types(extract, body)


@pytest.mark.parametrize("body", [
    "A woman protesting the shooting of Ali Hassan was detained by police near the court in Lima.",
    "Peru's crisis deepened on Friday. Opponents of the government converged on downtown Lima again.",
])
def test_people_protesting_in_the_street_are_a_protest(extract, body):
    assert "PROTEST" in types(extract, body)


def test_an_official_protesting_a_decision_in_a_letter_is_no_demonstration(extract):
    assert "PROTEST" not in types(extract, "The minister protested the decision in a letter to Peru.")


@pytest.mark.parametrize("body", [
    "The emergency law gave police in Lima the power to arrest protesters.",
    "Senator Tom Varga proposed a bill in Lima making it a crime to kill a police officer.",
    "Critics in Lima questioned the governor's fitness to occupy the office.",
])
def test_what_a_noun_is_for_is_no_happening(extract, body):
    assert not {"ASSAULT", "COERCE"} & set(types(extract, body))


@pytest.mark.parametrize("body", [
    "The rebels in Ayacucho threatened to overrun the town of Tacna last month.",
    "Senator Tom Varga vowed to deport thousands of migrants from Peru.",
    "The plotters allegedly intended to kill President Ana Rojas in Lima.",
])
def test_what_someone_threatens_vows_or_intends_is_not_done(extract, body):
    assert not {"ASSAULT", "COERCE"} & set(types(extract, body))


@pytest.mark.parametrize("body", [
    "The gunmen in Lima tried to shoot their way out of a police cordon on Monday.",
    "Police in Dallas used a robot to kill the gunman on Friday.",
])
def test_what_someone_tried_or_used_something_to_do_was_done(extract, body):
    assert "ASSAULT" in types(extract, body)


def test_a_rally_against_something_is_a_protest_even_in_a_campaign(extract):
    assert "PROTEST" in types(extract, "Supporters of the candidate held a rally against the election result "
                                       "in Lima.")


@pytest.mark.parametrize(("body", "cleared"), [
    ("The FBI found no wrongdoing by Senator Ana Rojas.", True),           # the project's CAMEO pattern
    ("The FBI uncovered no criminal offence in the emails of Ana Rojas.", True),   # (a verb of its block)
    ("The FBI found wrongdoing by Senator Ana Rojas.", False),
])
def test_finding_no_crime_clears_the_one_looked_into(extract, body, cleared):
    assert ("CONCEDE" in types(extract, body)) is cleared


@pytest.mark.parametrize(("body", "etype"), [
    ("Chile decided not to prosecute Jorge Salas over the protests.", "CONCEDE"),   # the charge dropped
    ("Chile stands by its decision not to charge Jorge Salas.", "CONCEDE"),
    ("Chile decided to charge Jorge Salas.", "ACCUSE"),
])
def test_deciding_not_to_charge_someone_clears_them(extract, body, etype):
    events, names = extract(body)
    (m,) = [m for m in events if m.trigger in ("charge", "prosecute")]
    assert (m.type, {names[a] for a in m.agents}, {names[t] for t in m.targets}) \
        == (etype, {"Chile"}, {"Jorge Salas"})
    assert m.modality != "negated"


@pytest.mark.parametrize("body", [
    "Air bases in Tacna are on alert because of the possibility of an imminent attack on Peru.",
    "Fears of a Chilean attack on Peru rose on Monday.",
    "Officials in Lima warned of the risk of clashes with Chile.",
    "Peru will respond to any future attack on its soil, the minister said in Lima.",
    "Police in Lima foiled a bombing of the Chilean embassy on Monday.",
])
def test_a_happening_that_may_come_is_no_event(extract, body):
    assert "ASSAULT" not in types(extract, body)


def test_a_wave_of_attacks_is_still_attacks(extract):
    assert "ASSAULT" in types(extract, "A wave of attacks on Peru followed in May.")


@pytest.mark.parametrize("body", ["Peru turned down Chile's offer of talks on Monday.",
                                  "Peru spurned the proposal from Chile on Monday."])
def test_turning_down_or_spurning_an_offer_is_a_rejection(extract, body):
    assert types(extract, body)[:1] == ["REJECT"]


@pytest.mark.parametrize("body", [
    "Rojas was accused of plotting the 2005 assassination of Prime Minister Tomas Varga.",
    "He said the attack in Lima on Tuesday could have been prevented.",
])
def test_a_happening_plotted_or_that_could_have_been_prevented_took_place(extract, body):
    assert "ASSAULT" in types(extract, body)
