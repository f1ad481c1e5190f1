"""Global resolution of actors and articles (hand-built records, no spaCy)."""
from __future__ import annotations

import random

from newsgraph.extract.records import Article, ArticleRecords, Document, Entity
from newsgraph.graph.resolve import resolve


def art(body: str, *ents: Entity, source: str = "d.txt", index: int = 0, outlet: str | None = None,
        start: int = 0, **kw) -> ArticleRecords:
    a = Article(source=source, source_sha256="0" * 64, index=index, start=start, end=start + len(body),
                headline=f"Headline {body[:12]}", body=body, body_start=start)
    return ArticleRecords(article=a, entities=ents, outlet=outlet, **kw)


def ent(eid: str, kind: str, name: str, *forms: str, **kw) -> Entity:
    return Entity(eid, kind, name, (name, *forms), **kw)


def persons(*names: str):
    """The model of one article per name, each naming one person (E0), and the actor key of each."""
    recs = [art(f"article {k}", ent("E0", "Person", name)) for k, name in enumerate(names)]
    m = resolve(recs)
    return m, recs, [m.actor(r.article.key, "E0") for r in recs]


def actor_of(model, rec, local):
    key = model.actor(rec.article.key, local)
    return next(a for a in model.actors if a.key == key)


def test_persons_merge_across_articles_by_suffix_and_hyphen():
    r1 = art("one", ent("E0", "Person", "Ali Bagheri Kani", "Bagheri Kani", country="IRN", sector="GOV"))
    r2 = art("two", ent("E0", "Person", "Bagheri-Kani"))
    r3 = art("three", ent("E0", "Person", "bagheri kani", sector="DIP"), ent("E1", "Person", "Kani"))
    m = resolve([r1, r2, r3])
    a = actor_of(m, r1, "E0")
    assert {m.actor(r.article.key, "E0") for r in (r1, r2, r3)} == {a.key}
    assert m.actor(r3.article.key, "E1") == a.key
    assert a.key == "actor/person/ali-bagheri-kani" and a.label == "Ali Bagheri Kani"
    assert a.alt_labels == ("Bagheri Kani", "Bagheri-Kani", "Kani", "bagheri kani")
    assert a.country == "actor/state/IRN" and a.sector == "DIP"  # tie GOV/DIP -> alphabetical
    assert a.articles == tuple(sorted(r.article.key for r in (r1, r2, r3)))


def test_bare_surname_shared_by_two_full_names_stays_apart():
    r1 = art("one", ent("E0", "Person", "John Smith", "Smith"))
    r2 = art("two", ent("E0", "Person", "Anna Smith", "Smith"))
    r3 = art("three", ent("E0", "Person", "Smith"))
    m = resolve([r1, r2, r3])
    keys = [m.actor(r.article.key, "E0") for r in (r1, r2, r3)]
    assert len(set(keys)) == 3
    assert keys[2] == "actor/person/smith"


def test_bare_surname_of_one_full_name_merges():
    r1 = art("one", ent("E0", "Person", "John Smith"))
    r2 = art("two", ent("E0", "Person", "Smith"))
    m = resolve([r1, r2])
    assert m.actor(r1.article.key, "E0") == m.actor(r2.article.key, "E0") == "actor/person/john-smith"


def test_a_name_with_middle_initials_joins_the_one_name_without_them():
    r1 = art("one", ent("E0", "Person", "Tomas R. Varga"))
    r2 = art("two", ent("E0", "Person", "Tomas Varga"), ent("E1", "Person", "Varga"))
    m = resolve([r1, r2])
    assert m.actor(r1.article.key, "E0") == m.actor(r2.article.key, "E0") == m.actor(r2.article.key, "E1")


def test_names_with_other_initials_stay_apart():
    _, _, keys = persons("Tomas R. Varga", "Tomas K. Varga", "Tomas Varga")
    assert len(set(keys)) == 3


def test_two_names_run_together_absorb_neither():
    r1 = art("one", ent("E0", "Person", "John Smith Anna Berg", "Anna Berg", "Berg"))  # caption glue
    r2 = art("two", ent("E0", "Person", "Anna Berg"))
    r3 = art("three", ent("E0", "Person", "John Smith"))
    m = resolve([r1, r2, r3])
    keys = [m.actor(r.article.key, "E0") for r in (r1, r2, r3)]
    assert len(set(keys)) == 3 and keys[1] == "actor/person/anna-berg"


def test_honorific_and_curly_apostrophe():
    r1 = art("one", ent("E0", "Person", "Dr Melanie O’Brien"))
    r2 = art("two", ent("E0", "Person", "Melanie O'Brien"))
    m = resolve([r1, r2])
    a = actor_of(m, r1, "E0")
    assert m.actor(r2.article.key, "E0") == a.key
    assert a.label == "Melanie O'Brien" and "Dr Melanie O’Brien" in a.alt_labels


def test_states_by_code_and_shared_form():
    r1 = art("one", ent("E0", "State", "United States", "US", code="USA"))
    r2 = art("two", ent("E0", "State", "US", code="USA"), ent("E1", "State", "Armenia", code="ARM"))
    r3 = art("three", ent("E0", "State", "Republic of Armenia"))  # no code: borrowed from the name
    m = resolve([r1, r2, r3])
    assert m.actor(r1.article.key, "E0") == m.actor(r2.article.key, "E0") == "actor/state/USA"
    assert m.actor(r3.article.key, "E0") == "actor/state/ARM"
    arm = actor_of(m, r3, "E0")
    assert arm.label == "Armenia" and "Republic of Armenia" in arm.alt_labels  # states: short name
    assert arm.country == "actor/state/ARM" and arm.code == "ARM"


def test_missing_state_is_created_with_a_common_name():
    r = art("one", ent("E0", "Person", "Sergei Lavrov", country="RUS"),
            ent("E1", "Location", "Tehran", country="IRN"))
    m = resolve([r])
    states = {a.key: a for a in m.actors if a.kind == "State"}
    assert states["actor/state/RUS"].label == "Russia"
    assert states["actor/state/IRN"].label == "Iran"
    assert states["actor/state/RUS"].articles == ()
    assert actor_of(m, r, "E0").country == "actor/state/RUS"


def test_outlet_and_organization_with_same_name_are_one_outlet():
    r1 = art("one", ent("E0", "Outlet", "ARMENPRESS"), outlet="E0")
    r2 = art("two", ent("E0", "Organization", "Armenpress", sector="MED"))
    m = resolve([r1, r2])
    a = actor_of(m, r2, "E0")
    assert m.actor(r1.article.key, "E0") == a.key == "actor/outlet/armenpress"
    assert a.kind == "Outlet" and a.label == "Armenpress" and a.alt_labels == ("ARMENPRESS",)


def test_organizations_sharing_a_form_but_not_a_country_stay_apart():
    r1 = art("one", ent("E0", "Organization", "Ministry of Defense of Armenia", "Defense Ministry",
                        country="ARM"))
    r2 = art("two", ent("E0", "Organization", "Azerbaijani Defense Ministry", "Defense Ministry",
                        country="AZE"))
    r3 = art("three", ent("E0", "Organization", "Defense Ministry"))  # ambiguous: stays alone
    r4 = art("four", ent("E0", "Organization", "the Armenian Defense Ministry",
                         "Ministry of Defense of Armenia"))
    m = resolve([r1, r2, r3, r4])
    k = [m.actor(r.article.key, "E0") for r in (r1, r2, r3, r4)]
    assert len({k[0], k[1], k[2]}) == 3
    assert k[3] == k[0]


def test_locations_same_name_different_countries_get_distinct_keys():
    r1 = art("one", ent("E0", "Location", "Paris", country="FRA"))
    r2 = art("two", ent("E0", "Location", "Paris", country="USA"))
    m = resolve([r1, r2])
    k1, k2 = m.actor(r1.article.key, "E0"), m.actor(r2.article.key, "E0")
    assert k1 != k2 and {k1, k2} & {"actor/location/paris"}


def test_label_prefers_mixed_case_and_most_tokens():
    r1 = art("one", ent("E0", "Organization", "IRGC", "Iranian Revolutionary Guard Corps"))
    r2 = art("two", ent("E0", "Organization", "IRGC"))
    m = resolve([r1, r2])
    a = actor_of(m, r2, "E0")
    assert a.label == "Iranian Revolutionary Guard Corps" and a.alt_labels == ("IRGC",)


def test_duplicates_and_provenance():
    r1 = art("same text", ent("E0", "State", "Iran", code="IRN"), source="a.txt", index=3, start=100)
    r2 = art("same text", ent("E0", "State", "Iran", code="IRN"), source="b.jsonl", index=0, start=0)
    r3 = art("same text", ent("E0", "State", "Iran", code="IRN"), source="a.txt", index=7, start=900)
    docs = [Document("b.jsonl", "1" * 64, "utf-8", 10), Document("a.txt", "2" * 64, "utf-8", 20)]
    m = resolve([r1, r2, r3, r1], docs + docs[:1])
    assert len(m.articles) == 1 and m.articles[0].article.source == "a.txt"
    key = r1.article.key
    assert m.provenance == ((key, "a.txt", 3, 100, 109), (key, "a.txt", 7, 900, 909),
                            (key, "b.jsonl", 0, 0, 9))
    assert [d.source for d in m.documents] == ["a.txt", "b.jsonl"]
    assert m.actors[0].articles == (key,)


def test_entity_map_covers_every_entity():
    recs = [art(f"text {i}", ent("E0", "Person", f"Person Number{i}"), ent("E1", "State", "Iran", code="IRN"),
                ent("E2", "Location", "Somewhere Odd")) for i in range(3)]
    m = resolve(recs)
    assert set(m.entity_map) == {(r.article.key, e.id) for r in recs for e in r.entities}
    assert m.actor(recs[0].article.key, None) is None
    assert m.actor(recs[0].article.key, "E9") is None


def _corpus():
    return [
        art("a1", ent("E0", "Person", "Ali Bagheri Kani", country="IRN"),
            ent("E1", "State", "Iran", code="IRN"),
            ent("E2", "Outlet", "ARMENPRESS"), outlet="E2"),
        art("a2", ent("E0", "Person", "Bagheri-Kani"), ent("E1", "Organization", "Armenpress"),
            ent("E2", "Person", "Smith")),
        art("a3", ent("E0", "Person", "John Smith"), ent("E1", "Person", "Anna Smith"),
            ent("E2", "Location", "Yerevan", country="ARM"), ent("E3", "State", "U.S.", "US", code="USA")),
        art("a4", ent("E0", "State", "United States", "US"), ent("E1", "Organization", "Foreign Ministry"),
            ent("E2", "Organization", "Foreign Ministry", country="ARM")),
        art("a1", ent("E0", "Person", "Ali Bagheri Kani", country="IRN"),
            ent("E1", "State", "Iran", code="IRN"),
            ent("E2", "Outlet", "ARMENPRESS"), outlet="E2", source="other.txt", index=4),
    ]


def test_order_independence():
    recs = _corpus()
    docs = [Document("d.txt", "0" * 64, "utf-8", 1), Document("other.txt", "1" * 64, "cp1252", 2)]
    want = resolve(recs, docs)
    rng = random.Random(7)
    for _ in range(20):
        rng.shuffle(recs)
        rng.shuffle(docs)
        assert resolve(recs, docs) == want
    assert len(want.articles) == 4 and len(want.provenance) == 5


def test_bad_input_does_not_raise():
    r = art("x", ent("E0", "Thing", ""), Entity("E1", "Person", "", ()), ent("E2", "State", "", code="??"))
    m = resolve([r])
    assert len(m.entity_map) == 3
    assert len({a.key for a in m.actors}) == len(m.actors)


def test_kinds_are_made_consistent_across_the_corpus():
    r1 = art("one", ent("E0", "Location", "Armenia"), ent("E1", "Person", "Lachin Corridor"))
    r2 = art("two", ent("E0", "Organization", "Armenia"), ent("E1", "Location", "Lachin Corridor"),
             ent("E2", "State", "U.S.", "US"))
    r3 = art("three", ent("E0", "Location", "the Lachin Corridor"), ent("E1", "State", "United States"))
    m = resolve([r1, r2, r3])
    assert m.actor(r1.article.key, "E0") == m.actor(r2.article.key, "E0") == "actor/state/ARM"
    corridor = actor_of(m, r1, "E1")
    assert corridor.kind == "Location" and corridor.label == "Lachin Corridor" and corridor.alt_labels == ()
    assert m.actor(r2.article.key, "E2") == m.actor(r3.article.key, "E1") == "actor/state/USA"


def test_persons_merge_on_the_one_name_key():
    m, (_, _, r3), keys = persons("J.T. Okafor-Lind", "JT Okafor Lind", "Mx JT Okafor Lind")
    assert len(set(keys)) == 1
    assert actor_of(m, r3, "E0").label != "Mx JT Okafor Lind"  # a courtesy title never makes the label


def test_a_generic_one_word_name_never_bridges_two_bodies():
    """Two articles each call their own legislature "Congress": the shared word is no evidence."""
    r1 = art("one", ent("E0", "Organization", "Congress of the Andes Republic", "Congress"))
    r2 = art("two", ent("E0", "Organization", "National Congress of Sorland", "Congress"))
    r3 = art("three", ent("E0", "Organization", "National Congress of Sorland"))
    m = resolve([r1, r2, r3])
    k = [m.actor(r.article.key, "E0") for r in (r1, r2, r3)]
    assert k[0] != k[1] and k[1] == k[2]
