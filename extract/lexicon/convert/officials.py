"""Named officials of the Phoenix country dictionary (PETRARCH2, MIT) -> ``officials.tsv``.

Reads ``Phoenix.Countries.actors.txt`` from a copy of the PETRARCH2 dictionaries and keeps its
dated person records: a primary form that reads as a personal name (two name words or more once
leading titles are dropped; no office, organisation or agent word: "PRESIDENT_OBAMA",
"THE_OBAMA_ADMINISTRATION" and one-word forms are not names) with at least one dated code.  One
row per person and country: display name, the other full-name forms, ISO3 country, and the
dated sector spans.  A span open at its end (">090120") ends on the day the dictionary was last
brought up to date (its latest date, 2015-02-17): it knows nothing later.  Run by hand::

    python -m newsgraph.extract.lexicon.convert.officials PATH/TO/petrarch2

>>> span_of("USAGOV", "090120-110101", {"GOV"})
('USA', 'GOV', '2009-01-20', '2011-01-01')
>>> span_of("MEXGOVMIL", "<951231", {"GOV"}), span_of("USAGOV", "", {"GOV"})
(('MEX', 'GOV', '', '1995-12-31'), None)
>>> name_words("PRESIDENT_BARACK_OBAMA", frozenset({"PRESIDENT"})), name_words("MR_OBAMA", frozenset())
(['BARACK', 'OBAMA'], None)
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

import pycountry

from newsgraph.extract.lexicon import DATA
from newsgraph.extract.lexicon.convert import phoenix, run_on_folder
from newsgraph.extract.lexicon.convert.casing import SMALL, display, word_set
from newsgraph.extract.lexicon.names import HONORIFICS, person_key

SOURCE, AGENTS = phoenix.PERSONS, phoenix.AGENTS
OUT = "officials.tsv"
#: Words that end a form that is not a person: the office or the circle around one.
NOT_NAME_ENDS = phoenix.ORG_WORDS | word_set("ADMINISTRATION GOVERNMENT REGIME CABINET CAMP FAMILY CLAN "
                                             "SUPPORTERS LOYALISTS DYNASTY ERA AUTHORITY AUTHORITIES")
#: Words no personal name holds ("SYRIAN_OBSERVATORY_FOR_HUMAN_RIGHTS", "WILLIAMS_OF_MOSTYN").
NOT_NAME_WORDS = word_set("OF FOR THE AND TO")
#: Small words that stay lower case inside a person's name ("Bashar al Assad"); other small words
#: are name words there ("Moon Jae In").
PARTICLES = word_set("al el ul bin ibn de da del di du la le y e des dos das do van von der den ter")
#: Title, agent or organisation words that are also name words ("Kim Christian Beazley", "Le Duan").
NAME_WORDS = word_set("CHRISTIAN MAN MEN DEAN NGO JIHAD SHEIKH SHAIKH CHURCH")
#: Particles that start a name as a family name ("Du Qinglin", "Le Duan"), elsewhere small words.
FIRST_PARTICLES = word_set("DU LE DA DI")
#: Phoenix role codes that are a faith, not a sector.
FAITHS = word_set("MUS CHR JEW HIN BUD")
_CODE = re.compile(r"\[([A-Z]+)\s*([^\]]*)\]")
_DATE = re.compile(r"(?<!\d)(?:\d{8}|\d{6})(?!\d)")
_MADE = re.compile(r"Generated at:\s*\w+ (\w+ +\d+) [\d:]+ (\d{4})")


@dataclass(frozen=True)
class Entry:
    """One record of the country dictionary: its forms (primary first) and (code, restriction) pairs."""

    forms: tuple[str, ...]
    codes: tuple[tuple[str, str], ...]


def entries(text: str) -> list[Entry]:
    """The records of an actor dictionary, each code with its date restriction ("" for none).

    >>> entries("JANE_ROE_ # note\\n+JANIE_ROE\\n\\t[XYZGOV 990101-051231]\\n")
    [Entry(forms=('JANE_ROE_', 'JANIE_ROE'), codes=(('XYZGOV', '990101-051231'),))]
    """
    out: list[Entry] = []
    forms: list[str] = []
    codes: list[tuple[str, str]] = []
    for raw in text.splitlines():
        line = re.split(r"[#;]", raw, maxsplit=1)[0].rstrip()
        if not line.strip():
            continue
        if not raw[:1].isspace() and not raw.startswith("+"):
            if forms:
                out.append(Entry(tuple(forms), tuple(codes)))
            forms, codes = [], []
        codes += [(c, r.strip()) for c, r in _CODE.findall(line)]
        phrase = line.split("[", 1)[0].strip().lstrip("+").strip()
        if phrase.strip("_ "):
            forms.append(phrase)
    if forms:
        out.append(Entry(tuple(forms), tuple(codes)))
    return out


def iso_date(text: str) -> str:
    """ISO form of a dictionary date (YYMMDD: 00-30 are 20YY, the rest 19YY; or YYYYMMDD).

    >>> iso_date("090120"), iso_date("780101"), iso_date("19060101")
    ('2009-01-20', '1978-01-01', '1906-01-01')
    """
    if len(text) == 6:
        text = ("20" if int(text[:2]) <= 30 else "19") + text
    return f"{text[:4]}-{text[4:6]}-{text[6:8]}"


def span_of(code: str, restriction: str, sectors: set[str], made: str = "2015-02-17"):
    """(ISO3 country, sector, start, end) of one dated code, or None (no date, no country, no sector);
    an open start is "", an open end is ``made``."""
    country, role = code[:3], code[3:6]
    dates = _DATE.findall(restriction)
    if not dates or not re.fullmatch(r"[<>]?\d+(-\d+)?", restriction) or len(dates) != restriction.count(
            "-") + 1 or role not in sectors or not pycountry.countries.get(alpha_3=country):
        return None
    days = [iso_date(d) for d in dates]
    if not all(map(_valid, days)):
        return None
    if restriction.startswith("<"):
        return country, role, "", days[0]
    if restriction.startswith(">"):
        return country, role, days[0], made
    return country, role, days[0], days[-1]


def name_words(form: str, titles: frozenset[str]) -> list[str] | None:
    """The words of ``form`` as a personal name (leading titles dropped), or None when it is not one:
    fewer than two name words, a title or agent word before the last word, an office word last."""
    words = [w for w in re.split(r"[_\s]+", form.upper()) if w]
    words = [w for w in words if not w.startswith("(") and not w.endswith(")")]
    while words and words[0].lower().rstrip(".") in {h.rstrip(".") for h in HONORIFICS}:
        words = words[1:]
    names = [w for i, w in enumerate(words) if len(re.sub(r"[^A-Z]", "", w)) > 1
             and (w.lower() not in SMALL or i == 0 and w in FIRST_PARTICLES)]
    if len(names) < 2 or NOT_NAME_WORDS & set(words) or any(not re.fullmatch(r"[A-Z][A-Z.'-]*", w)
                                                             for w in words):
        return None
    inner = {p for w in words[:-1] for p in (w, *w.split("-"))}
    if (titles - NAME_WORDS) & inner or words[-1] in NOT_NAME_ENDS - NAME_WORDS or words[0] == "THE":
        return None
    return words


_ROMAN = re.compile(r"(?:II|III|IV|V|VI|VII|VIII)")


def shown(words: list[str]) -> str:
    """Proper case of a person's upper-case name: no word is an acronym but an initial or a
    regnal number ("XI JINPING" is "Xi Jinping"), no small word but a particle ("al").

    >>> shown(["XI", "JINPING"]), shown(["HENRY", "A.", "WALLACE"]), shown(["SEAN", "O'BRIEN", "II"])
    ('Xi Jinping', 'Henry A. Wallace', "Sean O'Brien II")
    >>> shown(["MOON", "JAE", "IN"]), shown(["BASHAR", "AL", "ASSAD"]), shown(["JUAN", "CARLOS", "I"])
    ('Moon Jae In', 'Bashar al Assad', 'Juan Carlos I')
    """
    out = display(words).split()
    for i, w in enumerate(out):
        last = i == len(out) - 1 and i
        if w.isupper() and "." not in w and not (last and _ROMAN.fullmatch(w)) \
                or w.islower() and w not in PARTICLES and not (last and w == "i"):
            out[i] = display([w.lower()])
        elif last and w == "i":
            out[i] = "I"
        out[i] = re.sub(r"\b([OD])'([a-z])", lambda m: f"{m.group(1)}'{m.group(2).upper()}", out[i])
    return " ".join(out)


def _row(entry: Entry, titles: frozenset[str], sectors: set[str], made: str) -> tuple | None:
    """(name, other forms, country, spans) of a person record; None for anything else."""
    first = name_words(entry.forms[0], titles)
    spans = [s for s in (span_of(c, r, sectors, made) for c, r in entry.codes) if s]
    if first is None or not spans:
        return None
    name = shown(first)
    forms = {person_key(name): name}
    for form in entry.forms[1:]:
        words = name_words(form, titles)
        if words:
            forms.setdefault(person_key(shown(words)), shown(words))
    country = spans[-1][0]
    return name, tuple(list(forms.values())[1:]), country, [s[1:] for s in spans if s[0] == country]


def rows(text: str, agents_text: str) -> list[tuple]:
    """Rows of ``officials.tsv``: one per name and country (records of one name and country merged),
    sorted by name."""
    agents = phoenix.agents(agents_text)
    titles = (frozenset(k.upper() for k in agents if " " not in k) | phoenix.PERSON_TITLES
              | phoenix.ROLE_HEADS | NOT_NAME_ENDS | frozenset(h.upper() for h in HONORIFICS))
    sectors = (set(agents.values()) | {"ELI"}) - FAITHS
    made = _made(text)
    merged: dict[tuple[str, str], list] = {}
    for entry in entries(text):
        row = _row(entry, titles, sectors, made)
        if row is None:
            continue
        name, forms, country, spans = row
        old = merged.setdefault((person_key(name), country), [name, [], country, []])
        old[1] += [f for f in forms if f not in old[1] and person_key(f) != person_key(old[0])]
        old[3] += spans
    out = [(n, tuple(f), c, joined(s)) for n, f, c, s in merged.values()]
    return sorted(out, key=lambda r: (r[0].lower(), r[0], r[2]))


def joined(spans: list[tuple[str, str, str]]) -> tuple[tuple[str, str, str], ...]:
    """Spans in order of start, a sector's overlapping or touching spans (a day apart) made one.

    >>> joined([("GOV", "2005-02-01", "2005-07-31"), ("GOV", "2003-11-01", "2005-01-31")])
    (('GOV', '2003-11-01', '2005-07-31'),)
    """
    out: list[tuple[str, str, str]] = []
    for sector, start, end in sorted(set(spans), key=lambda s: (s[1], s[2], s[0])):
        same = [k for k, s in enumerate(out) if s[0] == sector and _next_day(s[2]) >= start]
        if same:
            k = same[-1]
            out[k] = (sector, out[k][1], max(out[k][2], end))
        else:
            out.append((sector, start, end))
    return tuple(out)


def _next_day(iso: str) -> str:
    return (date.fromisoformat(iso) + timedelta(days=1)).isoformat()


def _made(text: str) -> str:
    """The day the dictionary was last brought up to date: the day its header says it was generated
    or the latest date of its restrictions, whichever is later."""
    m = _MADE.search(text[:4000])
    days = [datetime.strptime(f"{m.group(1)} {m.group(2)}", "%b %d %Y").date().isoformat()] if m else []
    for _code, restriction in _CODE.findall(text):
        days += [d for d in map(iso_date, _DATE.findall(restriction)) if _valid(d)]
    return max(days)


def _valid(iso: str) -> bool:
    try:
        date.fromisoformat(iso)
    except ValueError:
        return False
    return True


HEADER = ("# name\tother full-name forms (|)\tISO3 country\tsector spans (SECTOR START END, ;-separated;"
          " an empty START is open)\n# from PETRARCH2 Phoenix.Countries.actors.txt (MIT, see"
          " LICENSE-petrarch2.txt); spans open at their end stop at the dictionary's latest date\n")


def convert(root: Path, out: Path = DATA) -> list[Path]:
    """Write ``officials.tsv`` under ``out`` from the dictionaries under ``root``; its path."""
    read = lambda name: (root / name).read_text(encoding="utf-8", errors="replace")  # noqa: E731
    lines = [f"{n}\t{'|'.join(f)}\t{c}\t{';'.join(' '.join(s) for s in spans)}\n"
             for n, f, c, spans in rows(read(SOURCE), read(AGENTS))]
    path = out / OUT
    path.write_text(HEADER + "".join(lines), encoding="utf-8")
    return [path]


def main(argv: list[str] | None = None) -> int:
    """Command line: ``python -m newsgraph.extract.lexicon.convert.officials PATH/TO/petrarch2``."""
    return run_on_folder("officials", (SOURCE, AGENTS), convert, argv)


if __name__ == "__main__":
    raise SystemExit(main())
