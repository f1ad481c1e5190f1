"""What a build reads and remembers: its inputs, the versions of its cached parts, ``OUT/manifest.json``.

``OUT/manifest.json`` records which inputs (path, sha256) gave which article keys, the build's
fingerprint, its summary and what its store holds (:mod:`newsgraph.graph.build.storecheck`); it is
written last, so a killed build simply resumes.

>>> limits_key(ReadLimits(max_bytes=10, max_article_chars=5))
[['date_order', 'mdy'], ['max_article_chars', 5], ['max_bytes', 10]]
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from functools import cached_property
from pathlib import Path

from newsgraph.extract import read as reader
from newsgraph.extract.read import ReadLimits, ReadResult
from newsgraph.extract.records import Article, Problem
from newsgraph.graph.build.cache import RecordCache
from newsgraph.graph.build.options import BuildOptions
from newsgraph.graph.build.summary import Summary
from newsgraph.graph.build.versions import graph_version

__all__ = ["MANIFEST", "Inputs", "Versions", "Run", "read_given", "stored_reads", "known_reads", "limits_key",
           "effective", "read_manifest", "earlier_inputs", "unchanged", "write_manifest"]

MANIFEST = "manifest.json"


@dataclass(frozen=True)
class Inputs:
    """The inputs of a build: the ReadResults it uses, by path, and the problems of the given files
    that could not be read."""

    results: dict[str, ReadResult]
    lost: tuple[Problem, ...]

    @property
    def files(self) -> int:
        """Input files: used, and given but unreadable."""
        return len(self.results) + len(self.lost)

    @property
    def files_read(self) -> int:
        """How many input files gave at least one article."""
        return sum(1 for r in self.results.values() if r.articles)

    @property
    def articles(self) -> list[Article]:
        """Every article of the inputs, file by file."""
        return [a for r in self.results.values() for a in r.articles]

    @property
    def problems(self) -> list[Problem]:
        """The problems of reading the inputs."""
        return list(self.lost) + [p for r in self.results.values() for p in r.problems]


@dataclass(frozen=True)
class Versions:
    """The versions of what a build caches (:mod:`newsgraph.graph.build.versions`)."""

    records: str   # the record cache's: extractors, lexicons, model
    reader: str    # the stored reads': the reader's code


@dataclass(frozen=True)
class Run:
    """One build: its options, the versions of its cached parts and its inputs."""

    options: BuildOptions
    versions: Versions
    inputs: Inputs

    @cached_property
    def fingerprint(self) -> str:
        """A hash of everything the outputs depend on (the code of every part, the inputs, the base
        IRI, the limits): "nothing changed" when it is the last build's."""
        rows = sorted((p, r.document.sha256) for p, r in self.inputs.results.items())
        text = json.dumps([self.versions.records, self.versions.reader, graph_version(),
                           self.options.base_iri, rows, [str(p) for p in self.inputs.lost],
                           limits_key(self.options.limits)])
        return hashlib.sha256(text.encode()).hexdigest()


def read_given(inputs: Iterable[str], limits: ReadLimits,
                known: dict[tuple[str, str], ReadResult] | None = None
                ) -> tuple[dict[str, ReadResult], list[Problem]]:
    """ReadResults of the readable given files by path, and the problems of unreadable ones.

    ``known`` maps (path, sha256) to what an earlier build read there with the same
    reader and limits: such a file is not split again.
    """
    given: dict[str, ReadResult] = {}
    lost: list[Problem] = []
    for result in reader.read_inputs(list(inputs), limits=limits, known=known):
        if result.document is None:
            lost.extend(result.problems)
        else:
            given[result.document.source] = result
    return given, lost


def stored_reads(out: Path, version: str) -> dict[str, tuple[str | None, ReadResult]]:
    """What the last build into ``out`` read, by path: (sha256, ReadResult); {} for a first build."""
    if not (out / MANIFEST).exists() or not (out / "cache").is_dir():
        return {}
    with RecordCache(out / "cache", version) as cache:
        return cache.inputs()


def known_reads(stored: dict, manifest: dict, version: str,
                 limits: ReadLimits) -> dict[tuple[str, str], ReadResult]:
    """The stored reads by (path, sha256) when the last build read with this reader ``version``
    and these limits; {} otherwise."""
    if manifest.get("reader") != version or manifest.get("limits") != limits_key(limits):
        return {}
    return {(path, sha): result for path, (sha, result) in stored.items() if sha}


def limits_key(limits: ReadLimits) -> list:
    return sorted([k, v] for k, v in asdict(limits).items())


def effective(given: dict[str, ReadResult], stored: dict, sync: bool) -> dict[str, ReadResult]:
    """Inputs of this build: the given ones, then (without ``sync``) earlier ones, by path."""
    out = dict(given)
    if not sync:
        for path, (_, result) in sorted(stored.items()):
            out.setdefault(path, result)
    return out


def read_manifest(out: str | Path) -> dict:
    """``OUT/manifest.json`` as a dict ({} when absent or unreadable)."""
    try:
        data = json.loads((Path(out) / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def earlier_inputs(manifest: dict) -> list[str]:
    """The input paths the last build (its ``manifest``) used.

    >>> earlier_inputs({"inputs": [{"path": "a.txt", "sha256": "0"}, {"oops": 1}]}), earlier_inputs({})
    (['a.txt'], [])
    """
    rows = manifest.get("inputs")
    return [r["path"] for r in rows if isinstance(r, dict) and isinstance(r.get("path"), str)] \
        if isinstance(rows, list) else []


def unchanged(out: Path, data: dict, fingerprint: str) -> Summary | None:
    """The last build's summary (from its manifest ``data``) when it was of exactly these inputs
    and its files and its checked store (:mod:`newsgraph.graph.build.storecheck`) are all there."""
    if data.get("fingerprint") != fingerprint or not isinstance(data.get("store"), dict):
        return None
    summary = Summary.from_dict(data.get("summary") or {})
    if summary is None or not all(Path(p).exists() for p in summary.outputs):
        return None
    return Summary(**{**asdict(summary), "actors": summary.actors, "problems": summary.problems,
                      "extracted": 0, "cached": summary.articles, "unchanged": True})


def write_manifest(out: Path, run: Run, summary: Summary, store: dict) -> None:
    # here, not at the top: a build with nothing to do never imports rdflib, networkx or the writers
    from newsgraph.graph.export import write_atomic

    inputs = [{"path": p, "sha256": r.document.sha256, "articles": sorted({a.key for a in r.articles})}
              for p, r in sorted(run.inputs.results.items())]
    data = {"format": 1, "pipeline": run.versions.records, "reader": run.versions.reader,
            "base": run.options.base_iri,
            "fingerprint": run.fingerprint, "inputs": inputs, "limits": limits_key(run.options.limits),
            "store": store, "summary": {**asdict(summary), "extracted": 0, "cached": 0, "notices": []}}
    write_atomic(out / MANIFEST, (json.dumps(data, indent=1, sort_keys=True) + "\n").encode())
