"""One event from many reports (hand-built records, no spaCy)."""
from __future__ import annotations

import dataclasses
import random
import re

from newsgraph.extract.records import Article, ArticleRecords, Entity, EventMention, Role
from newsgraph.graph.resolve import resolve

PEOPLE = {"B": ("Person", "Ali Bagheri Kani", "IRN"), "K": ("Person", "Vahan Kostanyan", "ARM"),
          "M": ("Person", "Ararat Mirzoyan", "ARM"), "Y": ("Location", "Yerevan", "ARM"),
          "ARM": ("State", "Armenia", None), "AZE": ("State", "Azerbaijan", None),
          "L": ("Location", "Lachin corridor", "AZE"), "OUT": ("Outlet", "Daily Wire Service", None),
          "OUT2": ("Outlet", "Other Wire", None), "CR": ("Location", "Croydon", "GBR"),
          "LO": ("Location", "London", "GBR"), "MA": ("Location", "Manchester", "GBR"),
          "T": ("Organization", "Northern Front", None), "FB": ("Organization", "Federal Bureau", "USA"),
          "D": ("Person", "Dana Director", "USA"), "V": ("Location", "Upper Hill Village", None),
          "IRN": ("State", "Iran", None), "WH": ("Location", "Palace Square", "ARM"),
          "OO": ("Location", "Green Hall of the Palace Square", "ARM")}


def art(name: str, *mentions: EventMention, outlet: str | None = "OUT", source: str = "d.txt",
        index: int = 0, published: str | None = "2023-03-23") -> ArticleRecords:
    """An article whose entities are all of PEOPLE (local id = the PEOPLE key)."""
    body = f"Body of {name}. " * 3
    ents = tuple(Entity(k, kind, label, (label,), code=k if kind == "State" else None, country=c)
                 for k, (kind, label, c) in PEOPLE.items())
    a = Article(source=source, source_sha256="0" * 64, index=index, start=0, end=len(body),
                headline=name, body=body, body_start=0, date=published)
    return ArticleRecords(article=a, entities=ents, outlet=outlet, events=mentions)


def men(typ: str, start: int = 0, date: str | None = None, prec: str | None = None, place: str | None = None,
        modality: str = "asserted", **roles) -> EventMention:
    """A mention; ``trigger=`` among ``roles`` sets its trigger word."""
    trigger = roles.pop("trigger", "trigger")
    if prec is None:
        prec = {10: "day", 7: "month", 4: "year"}.get(len(date or ""), "unknown")
    return EventMention(typ, trigger, start, start + 10, "evidence.", place=place, date=date,
                        date_precision=prec, modality=modality,
                        **{r: tuple(v) for r, v in roles.items()})


def events_of(model, typ=None):
    return [e for e in model.events if typ is None or e.type == typ]


def test_cross_article_merge_and_fields():
    r1 = art("a", men("CONSULT", date="2023-03-22", place="Y", participants="BK"))
    r2 = art("b", men("CONSULT", date="2023-03", participants="B"), outlet="OUT2")
    r3 = art("c", men("CONSULT", participants="K", agents="B"), outlet=None)
    m = resolve([r1, r2, r3])
    (e,) = events_of(m)
    assert e.date == "2023-03-22" and e.date_precision == "day"
    assert e.place == "actor/location/yerevan"
    assert e.participants == ("actor/person/ali-bagheri-kani", "actor/person/vahan-kostanyan")
    assert e.agents == ()  # B: participant twice, agent once -> participant
    assert len(e.mentions) == 3 and e.source_count == 3
    assert [a for a, _ in e.mentions] == sorted(a for a, _ in e.mentions)
    assert re.fullmatch(r"event/[0-9a-f]{16}", e.key)


def test_two_calls_between_the_same_people_on_different_dates():
    r1 = art("a", men("CONSULT", date="2023-03-01", participants="BK"))
    r2 = art("b", men("CONSULT", date="2023-03-08", participants="KB"))
    assert len(events_of(resolve([r1, r2]))) == 2


def test_month_joins_one_day_but_does_not_chain_two_days():
    r1 = art("a", men("CONSULT", date="2023-03-01", participants="BK"))
    r2 = art("b", men("CONSULT", date="2023-03-08", participants="BK"))
    r3 = art("c", men("CONSULT", date="2023-03", participants="BK"))
    evs = events_of(resolve([r1, r2, r3]))
    assert len(evs) == 2
    assert sorted(len(e.mentions) for e in evs) == [1, 2]
    assert {e.date for e in evs} == {"2023-03-01", "2023-03-08"}


def test_year_contains_day_but_other_year_does_not():
    r1 = art("a", men("ACCUSE", date="2023", prec="year", agents="K", targets=["AZE"]))
    r2 = art("b", men("ACCUSE", date="2023-05-02", agents="K", targets=["AZE"]))
    r3 = art("c", men("ACCUSE", date="2022-05-02", agents="K", targets=["AZE"]))
    evs = events_of(resolve([r1, r2, r3]))
    assert sorted((e.date, len(e.mentions)) for e in evs) == [("2022-05-02", 1), ("2023-05-02", 2)]


def test_a_season_holds_its_three_months_only():
    r1 = art("a", men("SUPPORT", date="2022-06", prec="season", agents="K", targets=["IRN"]))   # summer
    r2 = art("b", men("SUPPORT", date="2022-09-07", agents="K", targets=["IRN"]))
    r3 = art("c", men("SUPPORT", date="2022-07-11", agents="K", targets=["IRN"]))
    evs = events_of(resolve([r1, r2, r3]))
    assert sorted((e.date, e.date_precision, len(e.mentions)) for e in evs) == \
        [("2022-07-11", "day", 2), ("2022-09-07", "day", 1)]
    (alone,) = events_of(resolve([r1]))
    assert (alone.date, alone.date_precision) == ("2022", "year")   # (an event's date: the season's year)


def test_type_modality_and_place_must_agree():
    r1 = art("a", men("CONSULT", participants="BK", place="Y"))
    r2 = art("b", men("CONSULT", participants="BK", place="L"))      # another country's place
    r3 = art("c", men("CONSULT", participants="BK", place="ARM"))    # Yerevan's country: compatible
    r4 = art("d", men("CONSULT", participants="BK", modality="future"))
    r5 = art("e", men("REQUEST", participants="BK"))
    evs = events_of(resolve([r1, r2, r3, r4, r5]))
    sizes = sorted((e.type, e.modality, len(e.mentions)) for e in evs)
    assert sizes == [("CONSULT", "asserted", 1), ("CONSULT", "asserted", 2), ("CONSULT", "future", 1),
                     ("REQUEST", "asserted", 1)]


def test_no_shared_actor_no_merge_and_different_person_pairs_stay_apart():
    r1 = art("a", men("CONSULT", date="2023-03-22", participants="BK"))
    r2 = art("b", men("CONSULT", date="2023-03-22", participants="BM"))
    r3 = art("c", men("CONSULT", date="2023-03-22", participants="B"))
    r4 = art("d", men("CONSULT", date="2023-03-22", participants=["ARM"]))
    evs = events_of(resolve([r1, r2, r3, r4]))
    assert sorted(len(e.mentions) for e in evs) == [1, 1, 2]


def test_capital_counts_as_its_state():
    r1 = art("a", men("ACCUSE", date="2023-03-22", agents=["Y"], targets=["AZE"]))
    r2 = art("b", men("ACCUSE", date="2023-03-22", agents=["ARM"]))
    assert len(events_of(resolve([r1, r2]))) == 1


def test_actorless_mentions():
    q1 = art("a", men("DISASTER", date="2023-03-22", place="Y"))
    q2 = art("b", men("DISASTER", date="2023-03-22", place="Y"))
    q3 = art("c", men("DISASTER", date="2023-03-22", place="L"),
             men("DISASTER", 40, date="2023-03-22", place="L"))
    q4 = art("d", men("DISASTER", date="2023-03", place="L"))
    evs = events_of(resolve([q1, q2, q3, q4]))
    assert sorted(len(e.mentions) for e in evs) == [2, 3]  # one place, reports of the same days


def test_actorless_mentions_need_one_place_and_close_reports():
    q1 = art("a", men("DISASTER", place="Y"), published="2023-03-20")
    q2 = art("b", men("DISASTER", place="Y"), published="2023-03-21")
    q3 = art("c", men("DISASTER", place="Y"), published="2023-03-24")  # three days later: another one
    q4 = art("d", men("DISASTER", place="L"), published="2023-03-21")  # elsewhere
    q5 = art("e", men("DISASTER"), published="2023-03-21")  # nowhere said
    evs = events_of(resolve([q1, q2, q3, q4, q5]))
    assert sorted(len(e.mentions) for e in evs) == [1, 1, 1, 2]


def test_same_sentence_same_type_gives_distinct_keys():
    r = art("a", men("CONSULT", participants="BK"), men("CONSULT", participants=["M", "AZE"]))
    evs = events_of(resolve([r]))
    assert len(evs) == 2 and len({e.key for e in evs}) == 2


def test_within_article_merge_and_duplicate_article():
    r = art("a", men("CONSULT", 0, date="2023-03-22", participants="BK"),
            men("CONSULT", 30, participants="B"))
    dup = art("a", *r.events, source="copy.txt", index=2)
    m = resolve([r, dup])
    (e,) = events_of(m)
    assert len(e.mentions) == 2 and e.source_count == 1 and len(m.provenance) == 2


def test_role_majority_and_ties():
    r1 = art("a", men("ACCUSE", agents="K", targets=["AZE"]))
    r2 = art("b", men("ACCUSE", agents="K", participants=["AZE"]))
    (e,) = events_of(resolve([r1, r2]))
    assert e.agents == ("actor/person/vahan-kostanyan",) and e.targets == ("actor/state/AZE",)


def test_reversed_roles_are_two_events():
    r1 = art("a", men("ACCUSE", agents="K", targets=["AZE"]))
    r2 = art("b", men("ACCUSE", agents=["AZE"], targets="K"))
    assert len(events_of(resolve([r1, r2]))) == 2


def test_a_person_who_did_it_and_the_same_person_punished_are_two_events():
    killing = men("ASSAULT", agents="D", targets="K", start=0)
    hanging = men("ASSAULT", targets="D", start=40)  # "D was hanged after being convicted of murder"
    assert len(events_of(resolve([art("a", killing, hanging)]))) == 2
    fire = men("ASSAULT", agents=["AZE"], targets=["ARM"], date="2023-03-22")  # a state's forces fire
    back = men("ASSAULT", targets=["AZE"], start=40, date="2023-03-22")        # both ways in one exchange
    assert len(events_of(resolve([art("b", fire, back)]))) == 1


def test_a_suburb_and_its_city_are_one_scene():
    r1 = art("a", men("DISASTER", place="CR"))
    r2 = art("b", men("DISASTER", place="LO"))
    r3 = art("c", men("DISASTER", place="MA"))  # Manchester: 260 km away
    (two, one) = sorted(events_of(resolve([r1, r2, r3])), key=lambda e: -len(e.mentions))
    assert len(two.mentions) == 2 and len(one.mentions) == 1


def test_event_keys_are_stable_and_order_independent():
    recs = [art("a", men("CONSULT", date="2023-03-22", participants="BK"), men("ACCUSE", 20, agents="K")),
            art("b", men("CONSULT", date="2023-03", participants="B"),
                men("ACCUSE", 5, agents="K", targets="B")),
            art("c", men("CONSULT", date="2023-03-23", participants="BK")),
            art("d", men("DISASTER", date="2023-03-22", place="Y"), outlet=None),
            art("e", men("DISASTER", date="2023-03-22", place="Y"), outlet="OUT2"),
            art("a", men("CONSULT", date="2023-03-22", participants="BK"), men("ACCUSE", 20, agents="K"),
                source="again.txt")]
    want = resolve(recs)
    rng = random.Random(3)
    for _ in range(20):
        rng.shuffle(recs)
        got = resolve(recs)
        assert got == want
    assert [e.key for e in want.events] == sorted(e.key for e in want.events)
    disaster = next(e for e in want.events if e.type == "DISASTER")
    assert disaster.source_count == 2


def test_unknown_local_ids_are_ignored():
    r = art("a", men("CONSULT", participants=["B", "E99"], place="E42", date="not a date"))
    (e,) = events_of(resolve([r]))
    assert e.participants == ("actor/person/ali-bagheri-kani",) and e.place is None and e.date is None


def test_a_single_shared_state_needs_the_same_day():
    r1 = art("a", men("REJECT", agents=["ARM"], targets=["AZE"]))
    r2 = art("b", men("REJECT", agents=["ARM"]))
    r3 = art("c", men("REJECT", date="2023-03-22", agents=["ARM"]))
    r4 = art("d", men("REJECT", date="2023-03-22", agents=["ARM"], targets=["AZE"]))
    evs = events_of(resolve([r1, r2, r3, r4]))
    # r4 links to r1 (two actors) and to r3 (same day), but r1 and r3 share only Armenia on no
    # common day: complete linkage keeps r3 out of r1+r4; r2 (undated, only Armenia) stays alone
    assert sorted(len(e.mentions) for e in evs) == [1, 1, 2]
    assert sorted(len(e.mentions) for e in events_of(resolve([r1, r2]))) == [1, 1]


def test_one_shared_person_needs_reports_published_close_together():
    near = [art("a", men("CONSULT", participants="B")), art("b", men("CONSULT", participants="B"))]
    assert len(events_of(resolve(near))) == 1
    far = [art("a", men("CONSULT", participants="B"), published="2023-03-01"),
           art("b", men("CONSULT", participants="B"), published="2023-06-01")]
    assert len(events_of(resolve(far))) == 2


def test_sharing_only_a_target_does_not_merge_reports():
    r1 = art("a", men("SUPPORT", targets="B", agents="K"))
    r2 = art("b", men("SUPPORT", targets="B", agents="M"))
    assert len(events_of(resolve([r1, r2]))) == 2


def test_an_explosion_and_the_bombing_are_one_attack_but_not_an_earthquake():
    bombing = art("a", men("ASSAULT", trigger="bombing", agents="T", place="CR"), published="2023-03-22")
    blast = art("b", men("DISASTER", trigger="explosion", place="CR"), published="2023-03-22")
    quake = art("c", men("DISASTER", trigger="earthquake", place="CR"), published="2023-03-22")
    far = art("d", men("DISASTER", trigger="explosion", place="MA"), published="2023-03-22")  # elsewhere
    (e,) = events_of(resolve([bombing, blast]))
    assert e.type == "ASSAULT" and len(e.mentions) == 2
    assert sorted(e.type for e in events_of(resolve([bombing, quake]))) == ["ASSAULT", "DISASTER"]
    assert sorted(e.type for e in events_of(resolve([bombing, far]))) == ["ASSAULT", "DISASTER"]
    # an explosion is compared with the attacks, not with the earthquakes
    assert len(events_of(resolve([blast, quake]))) == 2


def test_a_report_naming_nobody_joins_the_attackers_reports_through_its_place():
    # "an explosion in Croydon" is linked to the bombing in Croydon, not to each report of who did it
    r1 = art("a", men("ASSAULT", trigger="bombing", agents="T", place="CR"),
             men("DISASTER", 20, trigger="explosion", place="CR"))
    r2 = art("b", men("ASSAULT", trigger="attack", agents="T"))
    (e,) = events_of(resolve([r1, r2]))
    assert e.type == "ASSAULT" and len(e.mentions) == 3 and e.place == "actor/location/croydon"


def test_a_later_report_looks_back_at_a_dated_happening():
    first = art("a", men("DISASTER", trigger="derailment", date="2023-03-20", place="CR"),
                published="2023-03-20")
    later = art("b", men("DISASTER", trigger="crash", place="CR"), published="2023-03-23")
    much_later = art("c", men("DISASTER", trigger="crash", place="CR"), published="2023-04-20")
    earlier = art("d", men("DISASTER", trigger="crash", place="CR"), published="2023-03-18")
    evs = events_of(resolve([first, later, much_later, earlier]))
    assert sorted(len(e.mentions) for e in evs) == [1, 1, 2]
    (two,) = [e for e in evs if len(e.mentions) == 2]
    assert two.date == "2023-03-20"


def test_a_place_stands_for_the_state_named_by_the_other_report():
    # "the blockade of the Lachin corridor" (nobody named) / "Azerbaijan's blockade of Armenia" (no place)
    quiet = art("a", men("COERCE", trigger="blockade", place="L"))
    loud = art("b", men("COERCE", trigger="blockade", agents=["AZE"], targets=["ARM"]))
    assert len(events_of(resolve([quiet, loud]))) == 1
    other_word = art("c", men("COERCE", trigger="arrests", agents=["AZE"]))
    other_state = art("d", men("COERCE", trigger="blockade", agents=["ARM"]))
    assert len(events_of(resolve([quiet, other_word]))) == 2
    assert len(events_of(resolve([quiet, other_state]))) == 2


def test_a_person_and_the_organisation_they_lead_are_one_party():
    # "K blamed the Bureau's director" / "K blamed the Bureau": no second party keeps them apart
    r1 = art("a", men("ACCUSE", agents="K", targets="D"))
    r2 = art("b", men("ACCUSE", agents="K", targets=["FB"]))
    assert len(events_of(resolve([r1, r2]))) == 2
    r1 = dataclasses.replace(r1, roles=(Role("D", "director", "FB", 0, 10),))
    (e,) = events_of(resolve([r1, r2]))
    assert set(e.targets) == {"actor/person/dana-director", "actor/org/federal-bureau"}


def test_family_merges_are_order_independent():
    recs = [art("a", men("ASSAULT", trigger="bombing", agents="T", place="CR"),
                men("DISASTER", 20, trigger="explosion", place="CR")),
            art("b", men("ASSAULT", trigger="attack", agents="T")),
            art("c", men("DISASTER", trigger="blast", place="LO")),
            art("d", men("DISASTER", trigger="crash", date="2023-03-22", place="CR")),
            art("e", men("COERCE", trigger="blockade", place="L")),
            art("f", men("COERCE", trigger="blockades", agents=["AZE"]))]
    want = resolve(recs)
    rng = random.Random(7)
    for _ in range(20):
        rng.shuffle(recs)
        assert resolve(recs) == want


def test_a_country_is_too_large_a_scene_to_look_back_at():
    first = art("a", men("DISASTER", trigger="crash", date="2023-03-20", place="ARM"), published="2023-03-20")
    later = art("b", men("DISASTER", trigger="crash", place="ARM"), published="2023-03-24")
    in_town = art("c", men("DISASTER", trigger="crash", date="2023-03-20", place="Y"), published="2023-03-20")
    assert len(events_of(resolve([first, later]))) == 2
    assert len(events_of(resolve([in_town, later]))) == 2  # Yerevan lies in Armenia: a day, no look back


def test_two_shared_parties_months_apart_are_two_happenings():
    # "Armenia accused Azerbaijan" in March and again in June, undated: a recurring quarrel, not one event
    far = [art("a", men("ACCUSE", agents=["ARM"], targets=["AZE"]), published="2023-03-01"),
           art("b", men("ACCUSE", agents=["ARM"], targets=["AZE"]), published="2023-06-01")]
    assert len(events_of(resolve(far))) == 2
    near = [art("a", men("ACCUSE", agents=["ARM"], targets=["AZE"]), published="2023-03-01"),
            art("b", men("ACCUSE", agents=["ARM"], targets=["AZE"]), published="2023-03-02")]
    assert len(events_of(resolve(near))) == 1


def test_a_country_and_a_village_no_gazetteer_places_may_be_one_scene():
    r1 = art("a", men("ASSAULT", date="2023-03-22", place="ARM", agents=["AZE"], targets=["ARM"]))
    r2 = art("b", men("ASSAULT", date="2023-03-22", place="V", agents=["AZE"], targets=["ARM"]))
    assert len(events_of(resolve([r1, r2]))) == 1
    r3 = art("c", men("ASSAULT", date="2023-03-22", place="L", agents=["AZE"], targets=["ARM"]))
    assert len(events_of(resolve([r1, r3]))) == 2  # the Lachin corridor is in Azerbaijan, not Armenia


def test_a_place_named_as_part_of_another_is_its_scene_too():
    r1 = art("a", men("CONSULT", place="OO", participants="BK"))
    r2 = art("b", men("CONSULT", place="WH", participants="BK"), outlet="OUT2")
    assert len(events_of(resolve([r1, r2]))) == 1
    r3 = art("c", men("CONSULT", place="Y", participants="BK"), outlet="OUT2")
    assert len(events_of(resolve([r1, r3]))) == 2   # (no coordinates for the hall: Yerevan is not it)


def test_one_sentence_telling_one_happening_twice_with_one_state_is_one_event():
    # "thousands were killed (start 0) in the attacks (start 0) carried out by Armenia": one sentence
    same = art("a", men("ASSAULT", 0, agents=["ARM"], trigger="killed"),
               men("ASSAULT", 0, agents=["ARM"], trigger="attacks"))
    apart = art("b", men("ASSAULT", 0, agents=["ARM"], trigger="killed"),
                men("ASSAULT", 40, agents=["ARM"], trigger="attacks"))
    assert [len(e.mentions) for e in events_of(resolve([same]))] == [2]
    assert [len(e.mentions) for e in events_of(resolve([apart]))] == [1, 1]


def test_a_mention_naming_nobody_joins_the_attack_told_in_its_sentence():
    # "The Northern Front shelled Upper Hill Village (a child was killed)": one attack; not one told elsewhere
    r = art("a", men("ASSAULT", 0, agents="T", trigger="shelled"), men("ASSAULT", 0, trigger="killed"),
            men("ASSAULT", 60, trigger="killed"))
    evs = events_of(resolve([r]), "ASSAULT")
    assert sorted(len(e.mentions) for e in evs) == [1, 2]


def test_the_headlines_states_join_the_report_of_their_people_in_its_article_and_stand_aside():
    head = men("CONSULT", start=-40, participants=["ARM", "IRN"], trigger="hold talks")
    body = men("CONSULT", start=0, participants="BK", trigger="talks")
    (e,) = events_of(resolve([art("a", head, body)]))
    assert e.participants == ("actor/person/ali-bagheri-kani", "actor/person/vahan-kostanyan")
    assert len(e.mentions) == 2
    # two reports of the body do not join by their States alone
    first = dataclasses.replace(head, start=60)
    assert len(events_of(resolve([art("a", first, body)]))) == 2
