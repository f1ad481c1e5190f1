"""Tests for newsgraph.extract.lexicon.gazetteer (states, demonyms, cities, outlets, organisations)."""
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


def test_country_table_is_public_and_lexicon_modules_share_no_private_names():
    import ast
    from pathlib import Path

    from newsgraph.extract.lexicon import places

    package = "newsgraph.extract.lexicon"
    assert places.countries()["GEO"]["name"] == "Georgia"
    for path in Path(places.__file__).parent.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith(package):
                assert not [a.name for a in node.names if a.name.startswith("_")], path.name
