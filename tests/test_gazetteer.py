"""Tests for newsgraph.extract.lexicon.gazetteer (states, demonyms, cities, outlets, organisations)."""
import subprocess
import sys

from newsgraph.extract.lexicon import gazetteer as gz


def test_states_and_short_forms():
    for form in ("US", "U.S.", "USA", "United States of America", "the United States"):
        assert gz.state_code(form) == "USA", form
    assert gz.state_code("Islamic Republic of Iran") == "IRN"
    assert gz.state_code("Republic of Georgia") == "GEO"
    assert gz.state_name("RUS") == "Russia"
    assert gz.state_code("Republic of Artsakh") and gz.state_code("Ottoman Empire")


def test_demonyms_cover_all_states():
    codes = set(gz.demonyms().values())
    assert {"ARM", "AZE", "IRN", "USA", "RUS", "TUR", "GEO", "FRA"} <= codes
    assert len(codes) > 180
    assert gz.demonym_code("Azeri") == gz.demonym_code("Azerbaijanis") == "AZE"
    assert gz.demonym_code("Armenia") is None


def test_cities_and_places():
    assert gz.city("TBILISI") == ("Tbilisi", "GEO")
    assert gz.city("Baku\u2019s") == ("Baku", "AZE")
    assert gz.city("Narnia") is None
    assert gz.place_country("Khojaly") == "AZE"


def test_outlets_and_domains():
    assert gz.outlet("AFP").name == "Agence France-Presse"
    assert gz.outlet("www.reuters.com").name == "Reuters"
    assert gz.outlet("Neos Kosmos - The Hellenic Perspective").name == "Neos Kosmos"
    assert gz.cctld("ge") == "GEO" and gz.cctld("org") is None


def test_organisations_and_sectors():
    assert gz.organization("OSCE").sector == "IGO"
    assert gz.organization("Treasury Department", "USA").country == "USA"
    assert gz.sector_of("Border Guard Service") == "MIL"
    assert gz.sector_of("State Security Service") == "SPY"


def test_country_table_is_public():
    from newsgraph.extract.lexicon import places

    assert places.countries()["GEO"]["name"] == "Georgia"


def test_actor_nouns_are_the_lexicons_own_words():
    nouns = gz.actor_nouns()
    assert nouns is gz.actor_nouns()  # read once
    assert {"side", "forces", "delegation", "peacekeeper", "gunmen"} <= nouns
    assert not {"minister", "president", "talks"} & nouns


def test_the_lexicon_imports_no_event_code():
    """The lexicon is below the extractors: its tables never come from extract/events/."""
    code = ("import sys, newsgraph.extract.lexicon.gazetteer, newsgraph.extract.actors.coref; "
            "print(sorted(m for m in sys.modules if m.startswith('newsgraph.extract.events')))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


# --- the field's dictionaries (PETRARCH2/Phoenix: data/phoenix_organizations.jsonl, agents.tsv)

def _blank_actors():
    """A pipeline with no statistical NER: every entity comes from the gazetteer rulers."""
    import spacy

    from newsgraph.extract import actors

    nlp = spacy.blank("en")
    actors.add_to(nlp)
    return nlp


def test_field_armed_group_is_recognised_and_typed_as_rebels():
    doc = _blank_actors()("On Tuesday the Lautaro Youth Movement said it set fire to two banks.")
    [ent] = [e for e in doc._.ng_entities if e.kind == "Organization"]
    assert (ent.name, ent.sector, ent.country) == ("Lautaro Youth Movement", "REB", "CHL")
    assert gz.organization("FARC-EP").name == "Revolutionary Armed Forces of Colombia"


def test_field_acronym_alone_never_makes_an_entity():
    assert gz.organization("IRA").sector == "REB"  # a look-up for a span the NER found ...
    doc = _blank_actors()("She opened the IRA account and the ETA file before noon.")
    assert [e.text for e in doc.ents] == []  # ... but never a pattern of its own
    from newsgraph.extract.actors import patterns

    words, phrases = patterns.split(patterns.place_patterns(pos=False))
    assert not any(p["pattern"] in ("IRA", "ETA", "ALF") for p in phrases)
    assert not any({"IRA", "ALF"} & set(p["pattern"][0]["ORTH"]["IN"]) for p in words)


def test_hand_list_wins_over_the_field_lists():
    hamas = gz.organization("Hamas")
    assert (hamas.name, hamas.country) == ("Hamas", "PSE")
    assert gz.organization("Islamic Resistance Movement") is hamas  # a field alias of a hand entry
    assert gz.organization("NATO").name == "North Atlantic Treaty Organization"
    assert gz.organization("Reuters") is None and gz.outlet("Reuters")  # outlets stay outlets
    assert gz.organization("Armenia") is None


def test_sector_falls_back_to_the_agent_nouns():
    assert gz.sector_of("Kivu Rebels") == "REB"
    assert gz.sector_of("Federal Police") == "COP"
    assert gz.sector_of("Border Guard Service") == "MIL"  # the hand keywords win
    assert gz.sector_of("Ministry of Health") == "GOV"
    assert gz.sector_of("Acme Widgets") is None


def test_a_field_company_is_found_with_its_suffix_abbreviated_or_left_out(nlp):
    doc = nlp("The Dow Chemical Co said on Monday that Dow Chemical would build a plant in Texas.")
    assert [e.name for e in doc._.ng_entities if e.kind == "Organization"] == ["Dow Chemical Company"]
