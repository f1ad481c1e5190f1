"""Tests for the named officials of the field's country dictionary: the converter
(newsgraph.extract.lexicon.convert.officials), the lookup (newsgraph.extract.lexicon.officials) and
their use in extraction (a listed full name is a person; its country and dated sector).

The sentences and the test dictionary are written for these tests; the people named are real
officials so that the lookup finds them, the events are invented.
"""
import subprocess
import sys

from newsgraph.extract import pipeline
from newsgraph.extract.actors import as_official
from newsgraph.extract.actors.types import classify
from newsgraph.extract.lexicon import DATA, rows
from newsgraph.extract.lexicon.convert import officials as convert
from newsgraph.extract.lexicon.names import person_key
from newsgraph.extract.lexicon.officials import FILE, Official, key_of_listed, official, official_of
from newsgraph.extract.records import Article, Entity


def test_conversion_reproduces_the_committed_data_file(petrarch, tmp_path):
    written = convert.convert(petrarch, tmp_path)
    assert [p.name for p in written] == [convert.OUT]
    assert written[0].read_bytes() == (DATA / convert.OUT).read_bytes()


COUNTRIES = """# Generated at: Thu Jan 30 16:06:18 2014
# test dictionary written for this test
FREEDONIA_  [XYZ]
+FREEDONIAN_
JANE_QUILL_  # a person
+MS_QUILL_
+PRESIDENT_JANE_QUILL_
+JANE_Q._QUILL
+THE_QUILL_ADMINISTRATION
+FOREIGN_MINISTER_QUILL
\t[ARMELI 700101-990101]
\t[ARMGOVMIL 990101-050531]
\t[ARMGOV 050601-071231]
\t[ARMLEG >120301]
JANE_QUILL_
\t[ARMGOV 080101-081231]
PRESIDENT_MARKO_
\t[AZEGOV 990101-051231]
SIR_TOM_HALE_
\t[GBRGOV <19990101]
\t[GBRCHR 990101-010101]
TOM_HALE_
\t[USAGOV 050101-061231]
\t[USAGOV 9901011-051231]
ODD_NUMBERS_
\t[ARMGOV 991340-001231]
UNDATED_PERSON_
\t[ARMGOV]
"""


def test_converter_keeps_dated_people_and_their_full_names(tmp_path):
    (tmp_path / convert.SOURCE).write_text(COUNTRIES, encoding="utf-8")
    (tmp_path / convert.AGENTS).write_text("MINISTER [~GOV]\nSENATOR [~LEG]\n", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    [path] = convert.convert(tmp_path, out)
    rows = [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()
            if not line.startswith("#")]
    assert rows == [
        # two records of one name and country are one row; titles-only and office forms are left
        # out, "President Jane Quill" is the name itself; the open end stops at the latest date
        ["Jane Quill", "Jane Q. Quill", "ARM",
         "ELI 1970-01-01 1999-01-01;GOV 1999-01-01 2008-12-31;LEG 2012-03-01 2014-01-30"],
        # a leading title is dropped; a faith is no sector; a malformed date is no span
        ["Tom Hale", "", "GBR", "GOV  1999-01-01"],
        ["Tom Hale", "", "USA", "GOV 2005-01-01 2006-12-31"],
    ]


def test_command_line_needs_the_dictionary_folder(tmp_path):
    module = "newsgraph.extract.lexicon.convert.officials"
    done = subprocess.run([sys.executable, "-m", module, str(tmp_path)], capture_output=True, text=True)
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "officials: need the petrarch2 dictionary folder" in done.stderr


def test_lookup_takes_full_names_only():
    kenyatta = official("Uhuru Kenyatta")
    assert (kenyatta.name, kenyatta.country) == ("Uhuru Kenyatta", "KEN")
    assert official("President Uhuru Kenyatta") == kenyatta  # a title in front is no part of the name
    assert official("Kenyatta") is None and official("Mr Kenyatta") is None  # a surname alone: no
    assert official("Uhuru Kenyatta Avenue") is None
    assert official("Salva Kiir") is None  # listed under two countries: nothing
    assert official_of(["Kenyatta", "Uhuru Kenyatta"]) == kenyatta


def test_sector_is_the_span_holding_the_day():
    o = Official("Jane Quill", "ARM", (("ELI", "", "1999-01-01"), ("GOV", "1999-01-01", "2008-12-31")))
    assert o.sector_on("1990-05-05") == "ELI" and o.sector_on("2003-05-05T08:00:00") == "GOV"
    assert o.sector_on("1999-01-01") == "GOV"  # the office outranks the elite span it meets
    assert o.sector_on("2010-01-01") is None and o.sector_on(None) is None


def test_a_listed_full_name_is_a_person_whatever_the_ner_label():
    assert classify("Uhuru Kenyatta", "ORG").kind == "Person"
    assert classify("Uhuru Kenyatta", "GPE", placed=True).kind == "Person"
    assert classify("Kenyatta", "ORG").kind == "Organization"  # a surname alone is not looked up
    assert classify("Gustavo Diaz Ordaz", "GPE").kind == "Location"  # also a town: the place label stands


def test_an_entity_takes_country_and_dated_sector_only_when_the_article_does_not_say():
    e = Entity("E0", "Person", "Uhuru Kenyatta", ("Uhuru Kenyatta", "Kenyatta"))
    ken = frozenset({"KEN"})
    assert (as_official(e, "2014-05-02", ken).country, as_official(e, "2014-05-02", ken).sector) \
        == ("KEN", "GOV")
    assert as_official(e, "2023-03-22", ken).sector is None  # after the dictionary's latest date: nothing
    assert as_official(e, "2014-05-02", frozenset({"USA"})) == e  # Kenya named nowhere: a namesake
    other = Entity("E0", "Person", "Uhuru Kenyatta", ("Uhuru Kenyatta",), country="TZA")
    assert as_official(other, "2014-05-02", ken) == other  # the article places him elsewhere: someone else
    org = Entity("E0", "Organization", "Uhuru Kenyatta", ("Uhuru Kenyatta",))
    assert as_official(org, "2014-05-02", ken) == org
    surname = Entity("E0", "Person", "Kenyatta", ("Kenyatta", "Mr Kenyatta"))
    assert as_official(surname, "2014-05-02", ken) == surname


def _article(body: str, date: str | None) -> Article:
    return Article(source="officials.txt", source_sha256="0" * 64, index=0, start=0, end=len(body),
                   headline="", body=body, body_start=0, date=date)


def _person(nlp, body: str, date: str | None) -> tuple[Entity, tuple]:
    records = next(pipeline.extract(nlp, [_article(body, date)]))
    [e] = [e for e in records.entities if e.name == "Macky Sall"]
    return e, records.roles


def test_extraction_types_a_mislabelled_official_and_gives_his_country_and_sector(nlp):
    # the statistical NER calls this name an organisation; the list makes it a person
    text = "Macky Sall met the visiting delegation in Dakar on Tuesday."
    e, roles = _person(nlp, text, "2005-06-01")
    assert (e.kind, e.country, e.sector) == ("Person", "SEN", "GOV")
    assert not roles  # no role the article does not state
    assert _person(nlp, text, "2023-03-22")[0].sector is None  # no span holds that day
    none = _person(nlp, text, None)[0]
    assert (none.kind, none.country, none.sector) == ("Person", "SEN", None)


def test_extraction_keeps_the_country_the_article_states(nlp):
    e, _ = _person(nlp, "Guinean Foreign Minister Macky Sall met the visiting delegation on Tuesday.",
                   "2005-06-01")
    assert (e.kind, e.country, e.sector) == ("Person", "GIN", None)


def test_the_table_keys_are_the_keys_extraction_looks_up():
    forms = [f for name, other, _, _ in rows(FILE) for f in (name, *other.split("|")) if f]
    assert len(forms) > 15000
    assert [f for f in forms if key_of_listed(f) != person_key(f)] == []
