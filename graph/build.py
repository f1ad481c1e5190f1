"""``newsgraph build``: input files -> articles -> records -> resolved model -> graph -> files.

The per-article half (:func:`extract.pipeline.extract`) and the global half
(:func:`graph.resolve.resolve`) are kept apart: the first is a pure function of
one article, the second sees all records at once and is order-independent.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from extract import reader
from extract.records import ArticleRecords, Document, Problem
from graph import export, rdf
from graph.resolve import resolve
from graph.vocab import DEFAULT_BASE


@dataclass(frozen=True)
class Summary:
    """What a build did: counts for the closing summary, and every problem met."""

    files: int = 0
    files_read: int = 0
    articles: int = 0
    actors: tuple[tuple[str, int], ...] = ()   # (kind, count), sorted by kind
    sources: int = 0                           # outlets and cited sources
    events: int = 0
    triples: int = 0
    problems: tuple[Problem, ...] = ()
    outputs: tuple[str, ...] = ()

    @property
    def skipped(self) -> tuple[Problem, ...]:
        """Problems that kept something out of the graph."""
        return tuple(p for p in self.problems if p.skipped)

    def lines(self) -> list[str]:
        """The closing summary as printable lines."""
        kinds = ", ".join(f"{n} {k}" for k, n in self.actors) or "none"
        out = [f"files: {self.files_read}/{self.files} read",
               f"articles: {self.articles}",
               f"actors: {sum(n for _, n in self.actors)} ({kinds})",
               f"sources: {self.sources}",
               f"events: {self.events}",
               f"triples: {self.triples}",
               f"warnings: {len(self.problems)} ({len(self.skipped)} skipped)"]
        out += [f"  {'skipped' if p.skipped else 'warning'}: {p}" for p in self.problems]
        return out


@dataclass
class _Collected:
    documents: list[Document] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    files: int = 0


def _articles(inputs: Iterable[str], seen: _Collected, limits: dict):
    for result in reader.read_inputs(list(inputs), **limits):
        seen.files += 1
        seen.problems.extend(result.problems)
        if result.document is not None:
            seen.documents.append(result.document)
        yield from result.articles


def build(inputs: Iterable[str], out: str | Path, *, model: str | None = None, nlp=None,
          base: str = DEFAULT_BASE, progress: Callable[[int], None] | None = None,
          **limits) -> Summary:
    """Build the graph of ``inputs`` into the directory ``out``.

    ``nlp`` is a loaded pipeline (from :func:`extract.nlp.load`); when None,
    ``model`` (default: the bundled English pipeline) is loaded.  ``progress``
    is called with the number of articles done after each article.  Nothing is
    written when no article could be read; the returned :class:`Summary` says why.
    """
    from extract import nlp as nlp_mod
    from extract.pipeline import extract

    if nlp is None:
        nlp = nlp_mod.load(model or nlp_mod.DEFAULT_MODEL)
    seen = _Collected()
    records: list[ArticleRecords] = []
    for rec in extract(nlp, _articles(inputs, seen, limits)):
        records.append(rec)
        seen.problems.extend(rec.problems)
        if progress:
            progress(len(records))
    if not records:
        return Summary(files=seen.files, files_read=len(seen.documents), problems=tuple(seen.problems))
    model_ = resolve(records, seen.documents)
    graph = rdf.to_graph(model_, base)
    written = export.write_outputs(graph, Path(out), dataset=rdf.to_dataset(model_, base))
    kinds = Counter(a.kind for a in model_.actors)
    cited = {model_.actor(r.article.key, c.source) for r in model_.articles for c in r.citations}
    outlets = {a.key for a in model_.actors if a.kind == "Outlet"}
    return Summary(files=seen.files, files_read=len(seen.documents), articles=len(model_.articles),
                   actors=tuple(sorted(kinds.items())), sources=len((cited - {None}) | outlets),
                   events=len(model_.events), triples=len(graph), problems=tuple(seen.problems),
                   outputs=tuple(str(p) for p in sorted(written.values())))
