"""Phoenix actor and agent dictionaries (PETRARCH2, MIT) -> ``phoenix_organizations.jsonl``, ``agents.tsv``.

Reads ``Phoenix.International.actors.txt`` (IGOs, NGOs, companies, media), ``Phoenix.MilNonState.actors.txt``
(non-state armed groups) and ``Phoenix.agents.txt`` (agent nouns -> sector codes) from a copy of the
PETRARCH2 dictionaries and writes two data files beside ``organizations.jsonl``.  Named people are
left out: records whose codes carry dates, and forms that read as a personal name (a given name the
dictionaries use for dated people, an initial or a title first, and no organisation word).  Run by
hand, never during a build::

    python -m newsgraph.extract.lexicon.convert.phoenix PATH/TO/petrarch2

>>> sector_of_code("NGOGBRCHRCTHDEV", "International"), sector_of_code("FRAREB", "MilNonState")
(('NGO', 'GBR'), ('REB', 'FRA'))
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

import pycountry
from spacy.lang.en.stop_words import STOP_WORDS

from newsgraph.extract.lexicon import DATA
from newsgraph.extract.lexicon.convert import run_on_folder
from newsgraph.extract.lexicon.convert.casing import SMALL, display, word_set

SOURCES = {"International": "Phoenix.International.actors.txt",
           "MilNonState": "Phoenix.MilNonState.actors.txt"}
AGENTS = "Phoenix.agents.txt"
PERSONS = "Phoenix.Countries.actors.txt"  # read only for the given names of its dated people
VERBS = "CAMEO.2.0.txt"  # read only for its words: common English, never a one-word name
OUT_ORGS, OUT_AGENTS = "phoenix_organizations.jsonl", "agents.tsv"


#: Words that make a form an organisation's name, not a person's.
ORG_WORDS = word_set("""
ORGANIZATION ORGANISATION ORGANIZATIONS UNION COUNCIL FUND BANK BANCORP AGENCY COMMISSION COMMITTEE
ASSOCIATION ASSOCIATES FOUNDATION INSTITUTE INSTITUTION CENTER CENTRE PROGRAM PROGRAMME FEDERATION
SOCIETY NETWORK COALITION ALLIANCE LEAGUE MOVEMENT FRONT ARMY PARTY CHURCH MISSION INTERNATIONAL GROUP
GROUPS TRUST SERVICE SERVICES CORPS COURT TRIBUNAL PARLIAMENT ASSEMBLY SECRETARIAT OFFICE PROJECT WATCH
AID RELIEF CROSS CRESCENT CONFERENCE FORUM COMMUNITY BOARD PANEL COMPANY COMPANIES CORPORATION CORP INC
INCORPORATED LTD PLC LLC HOLDINGS INDUSTRIES SYSTEMS TECHNOLOGIES LABORATORIES BRIGADE BRIGADES
BATTALION FORCE FORCES COMMANDO COMMANDOS CELL CELLS NUCLEI NUCLEUS FACTION SQUAD UNIT UNITS GUARD
GUARDS TIGERS JIHAD MUJAHIDEEN RESISTANCE LIBERATION REVOLUTIONARY ISLAMIC NATIONAL PEOPLE'S PEOPLES
ACTION INITIATIVE PARTNERSHIP FELLOWSHIP COOPERATIVE ENERGY OIL GAS MOTORS AIRLINES AIRWAYS PRESS NEWS
MEDIA TIMES POST JOURNAL RADIO TELEVISION BROADCASTING ACADEMY UNIVERSITY COLLEGE SCHOOL HOSPITAL
JEMAAH JAMAAH JAMAAT JAMA'AT JAMAATUL LASHKAR LASKAR HARKAT HARAKAT HARAKUT JAISH JAYSH KATA'IB ANSAR HIZB
HIZBUL TEHRIK SIPAH JUND MUJAHIDIN MUJAHEDIN QAEDA QAIDA QA'IDA FEDAYEEN MILITIA KLAN
""")
#: Words in front of a name that make it a person's ("COMMANDER_KHATTAB", "LORD_CARRINGTON").
PERSON_TITLES = word_set("""
COMMANDER EMIR SHEIKH SHAIKH LORD LADY BARON BARONESS SIR DR GENERAL KING PRINCE CAPTAIN COLONEL MULLAH
IMAM MR MRS MS JUDGE PRESIDENT SECRETARY-GENERAL EXTREMIST JONKHEER BROTHER SISTER FATHER BEGUM ACHARYA
""")
#: Head words of a role or a crowd, not an organisation ("UN_ENVOY", "ASEAN_COUNTRIES").
ROLE_HEADS = word_set("""
ENVOY ENVOYS MONITOR MONITORS PEACEKEEPER PEACEKEEPERS CHIEF SECRETARY GENERAL PRESIDENT MINISTER
MINISTERS SPOKESMAN SPOKESWOMAN REPORTER JOURNALIST RESIDENT REPRESENTATIVE RAPPORTEUR DIRECTOR
OFFICIAL OFFICIALS COUNTRIES BODIES CONTINGENT STATES MEMBERS VESSEL MNC MNCS HEAD LEADER EMPEROR KING
QUEEN POPE GOVERNOR MAYOR AMBASSADOR CHAIRMAN SPEAKER COMMANDER PRISON JAIL
""")
MONTHS = word_set("JANUARY FEBRUARY MARCH APRIL MAY JUNE JULY AUGUST SEPTEMBER OCTOBER NOVEMBER DECEMBER")
_CODE = re.compile(r"\[([^\]\s]*)([^\]]*)\]")


@dataclass(frozen=True)
class Record:
    """One dictionary record: its phrases (primary first) and codes."""

    forms: tuple[str, ...]
    codes: tuple[str, ...]
    dated: bool


def _records(text: str) -> list[Record]:
    """The records of an actor dictionary (see the PETRARCH2 ``dictionaries.rst``)."""
    out: list[Record] = []
    forms: list[str] = []
    codes: list[str] = []
    dated = [False]

    def close():
        if forms:
            out.append(Record(tuple(forms), tuple(codes), dated[0]))
        forms.clear(), codes.clear()
        dated[0] = False

    for raw in text.splitlines():
        line = re.split(r"[#;]", raw, maxsplit=1)[0].rstrip()
        if not line.strip():
            continue
        phrase = line.split("[", 1)[0].strip()
        if not raw[:1].isspace() and not raw.startswith("+"):
            close()
        for code, rest in _CODE.findall(line):
            codes.append(code)
            dated[0] = dated[0] or bool(rest.strip())
        forms.extend(p for p in phrase.lstrip("+").split("+") if p.strip(" _\t"))
    close()
    return out


def _words(phrase: str) -> list[str]:
    return [w for w in re.split(r"[_\s]+", phrase.upper()) if w]


#: Phoenix codes that look like ISO3 country codes but name a religion or a region.
_NOT_COUNTRIES = frozenset({"MUS", "CAF"})


def sector_of_code(code: str, source: str) -> tuple[str | None, str | None]:
    """(project sector, ISO3 country) of a Phoenix actor code; IGOs get no country."""
    parts = [code[i:i + 3] for i in range(0, len(code), 3)]

    def iso(p: str | None) -> str | None:
        return p if p and p not in _NOT_COUNTRIES and pycountry.countries.get(alpha_3=p) else None

    if source == "MilNonState":
        return "REB", iso(parts[0]) or (iso(parts[1]) if parts[0] == "IMG" and len(parts) > 1 else None)
    head, second = parts[0], parts[1] if len(parts) > 1 else None
    sector = {"IGO": "IGO", "NGO": "NGO", "MNC": "BUS", "IMG": "REB"}.get(head)
    if sector:
        return sector, None if sector == "IGO" else iso(second)
    return ("MED", iso(head)) if "MED" in parts[:2] else (None, iso(head))


def person_words(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """(first words, all words) of the dated people of an actor dictionary: their given names, and
    every word of their names."""
    first, every = set(), set()
    for rec in _records(text):
        if rec.dated:
            for form in rec.forms:
                words = [w for w in _words(form) if len(w) > 2 and "." not in w]
                if len(words) > 1 and words[0] == _words(form)[0]:
                    first.add(words[0])
                every.update(words if len(words) > 1 else ())
    drop = ORG_WORDS | PERSON_TITLES | {w.upper() for w in STOP_WORDS}
    return frozenset(first - drop), frozenset(every - drop)


def _person(words: list[str], given: frozenset[str]) -> bool:
    """A form that reads as a personal name: no organisation word, and a title, an initial or a
    given name first."""
    if ORG_WORDS & {w.strip("()") for w in words}:
        return False
    first = words[0]
    return (first in PERSON_TITLES or first in given or len(first.rstrip(".")) == 1) and len(words) <= 5


def _bare_name(words: list[str]) -> bool:
    """Two or three words with no organisation word and no "of"/"for": a person as often as not
    ("Gillian Mellsop"); such names are taken only from the armed-group and company lists."""
    return 1 < len(words) <= 3 and not (ORG_WORDS | {w.upper() for w in SMALL}) & set(words)


def _noise(words: list[str], agents: frozenset[str]) -> bool:
    """A form that would be noise as a name: one common word (an agent noun or a word of a person's
    name: "Ford"), a stopword, a role, under 2 characters."""
    text = " ".join(words)
    if len(re.sub(r"[^A-Z0-9]", "", text)) < 2 or all(w.lower() in STOP_WORDS for w in words):
        return True
    if words[-1] in ROLE_HEADS or words[0] in ROLE_HEADS and len(words) > 1:
        return True
    if MONTHS & set(words) and all(w in MONTHS or w.isdigit() for w in words):  # "MAY_15": a date
        return True
    return len(words) == 1 and (words[0] in agents or words[0].lower() in STOP_WORDS
                                or words[0].endswith("'S"))


def _initials(forms: list[list[str]]) -> set[str]:
    out = set()
    for words in forms:
        big = [w for w in words if w.lower() not in SMALL and not w.startswith("(")]
        if len(big) > 1:
            out.add("".join(w[0] for w in big))
    return out


_SUFFIXES = {"INC": "Inc.", "INC.": "Inc.", "CORP": "Corp.", "CORP.": "Corp.", "CO": "Co.", "CO.": "Co.",
             "LTD": "Ltd", "LTD.": "Ltd", "PLC": "plc", "LLC": "LLC", "INCORPORATED": "Incorporated"}


def _split_forms(phrase: str) -> list[tuple[list[str], str]]:
    """(words, suffix) of one phrase: the name and its "(ACRONYM)" part, without a leading "THE"
    or a company suffix ("INC"), which comes back as an alias."""
    if "/" in phrase and all(" " in p.strip("_ ").replace("_", " ") for p in phrase.split("/")):
        return [f for part in phrase.split("/") for f in _split_forms(part)]  # "UDA/UFF" names
    words = _words(phrase)
    words = words[1:] if words[:1] == ["THE"] and len(words) > 1 else words
    inner = [w.strip("()") for w in words if w.startswith("(") and w.endswith(")")]
    outer = [w for w in words if not (w.startswith("(") and w.endswith(")"))]
    suffix = ""
    if len(outer) > 1 and outer[-1].rstrip(",") in _SUFFIXES:
        suffix = _SUFFIXES[outer[-1].rstrip(",")]
        outer = outer[:-1]
        outer[-1] = outer[-1].rstrip(",")
    return [(f, s) for f, s in ((outer, suffix), *[([a], "()") for a in inner]) if f]


def _organisation(rec: Record, source: str, given: frozenset[str], agents: frozenset[str]) -> dict | None:
    """One data-file row for ``rec``, or None for a person, a role or noise."""
    if rec.dated or not rec.codes:
        return None
    sector, country = sector_of_code(rec.codes[0], source)
    forms = [(f, s) for p in rec.forms for f, s in _split_forms(p)
             if not any(w.endswith("-BASED") for w in f)
             and all(re.fullmatch(r"[A-Z0-9().,'&!/-]+", w) for w in f)]
    if not forms or _person(forms[0][0], given):
        return None
    if sector not in ("BUS", "REB") and _bare_name(forms[0][0]) or rec.forms[0].rstrip().endswith("__") \
            and not ORG_WORDS & set(forms[0][0]):  # the KEDS list of militants: mostly people
        return None
    initials = _initials([f for f, _ in forms])
    shown = []
    for words, suffix in forms:
        if _noise(words, agents) or _person(words, given):
            continue
        name = display(words, initials, acronym=suffix == "()")
        shown += [name, f"{name} {suffix}"] if suffix and suffix != "()" else [name]
    shown = list(dict.fromkeys(shown))
    if not shown:
        return None
    row = {"name": shown[0], "aliases": shown[1:], "sector": sector}
    if country:
        row["country"] = country
    return row


def _key(form: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", form.lower()).strip()


def organisations(root: Path, given: frozenset[str], agents: frozenset[str]) -> list[dict]:
    """Rows of ``phoenix_organizations.jsonl``: one per organisation, first record of a name wins."""
    rows: list[dict] = []
    owner: dict[str, dict] = {}
    for source, name in SOURCES.items():
        for rec in _records((root / name).read_text(encoding="utf-8", errors="replace")):
            row = _organisation(rec, source, given, agents)
            if row is None:
                continue
            forms = [row["name"], *row["aliases"]]
            same = owner.get(_key(row["name"]))
            if same is not None and same["sector"] == row["sector"]:
                same["aliases"] += [f for f in forms if _key(f) not in owner]
                owner.update({_key(f): same for f in forms if _key(f) not in owner})
                continue
            free = [f for f in forms if _key(f) not in owner]
            if not free:
                continue
            row["name"], row["aliases"] = free[0], free[1:]
            owner.update({_key(f): row for f in free})
            rows.append(row)
    return sorted(rows, key=lambda r: (r["name"].lower(), r["name"]))


def _plural(noun: str) -> str:
    if noun.endswith(("ss", "sh", "ch", "x")):
        return noun + "es"
    if noun.endswith("y") and noun[-2:-1] not in "aeiou":
        return noun[:-1] + "ies"
    return noun if noun.endswith(("s", "men", "people", "police", "personnel")) else noun + "s"


def agents(text: str) -> dict[str, str]:
    """Agent noun (lower-case, with its plural) -> sector code, first entry of a noun wins."""
    subs: dict[str, list[str]] = {}
    out: dict[str, str] = {}
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip()
        m = re.match(r"(![A-Z]+!)\s*=\s*(.+)", line)
        if m:
            subs[m.group(1)] = [w.strip() for w in m.group(2).split(",")]
            continue
        m = re.match(r"([^\[{]+?)\s*(?:\{([^}]*)\})?\s*\[(~?)([A-Z]{3})[A-Z]*(~?)\]", line)
        if not m or not (m.group(3) or m.group(5)):
            continue
        phrase, plural, code = m.group(1).strip(), m.group(2), m.group(4)
        marker = next((k for k in subs if k in phrase), None)
        nouns = [phrase.replace(marker, s) for s in subs[marker]] if marker else [phrase]
        if not marker and plural is None:
            nouns.append(_plural(phrase.rstrip("_").lower()))
        nouns += [p for p in (plural or "").split() if p]
        for noun in nouns:
            key = " ".join(w for w in re.split(r"[_\s]+", noun.lower()) if w)
            if len(key) > 1 and re.fullmatch(r"[a-z' -]+", key):
                out.setdefault(key, code)
    return out


def convert(root: Path, out: Path = DATA) -> list[Path]:
    """Write the two data files under ``out`` from the dictionaries under ``root``; their paths."""
    read = lambda name: (root / name).read_text(encoding="utf-8", errors="replace")  # noqa: E731
    table = agents(read(AGENTS))
    nouns = frozenset(k.upper() for k in table if " " not in k)
    people = [person_words(read(PERSONS)), person_words(read(SOURCES["International"]))]
    given = people[0][0] | people[1][0]
    common = frozenset(re.findall(r"[A-Z]{2,}", read(VERBS).upper()))
    rows = organisations(root, given, nouns | common | people[0][1] | people[1][1])
    orgs, agent_file = out / OUT_ORGS, out / OUT_AGENTS
    orgs.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    head = ("# agent noun -> Phoenix sector code; from PETRARCH2 Phoenix.agents.txt"
            " (MIT, see LICENSE-petrarch2.txt)\n")
    agent_file.write_text(head + "".join(f"{k}\t{v}\n" for k, v in sorted(table.items())), encoding="utf-8")
    return [orgs, agent_file]


def main(argv: list[str] | None = None) -> int:
    """Command line: ``python -m newsgraph.extract.lexicon.convert.phoenix PATH/TO/petrarch2``."""
    return run_on_folder("phoenix", (*SOURCES.values(), AGENTS, PERSONS, VERBS), convert, argv)


if __name__ == "__main__":
    raise SystemExit(main())
