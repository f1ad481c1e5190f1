"""What a build did: :class:`Summary`, printed by ``newsgraph build`` and kept in ``OUT/manifest.json``.

>>> Summary(files=1, files_read=1, articles=2).lines()[:2]
['files: 1/1 read', 'articles: 2 built, 0 skipped']
"""
from __future__ import annotations

from dataclasses import dataclass

from newsgraph.extract.records import Problem

__all__ = ["Summary"]


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
    extracted: int = 0                         # articles parsed in this build
    cached: int = 0                            # articles whose records came from the cache
    unchanged: bool = False                    # nothing changed since the last build: nothing written
    notices: tuple[str, ...] = ()              # what the build found broken in OUT and repaired

    @property
    def skipped(self) -> tuple[Problem, ...]:
        """Problems that kept something out of the graph."""
        return tuple(p for p in self.problems if p.skipped)

    def lines(self) -> list[str]:
        """The closing summary as printable lines."""
        kinds = ", ".join(f"{n} {k}" for k, n in self.actors) or "none"
        dropped = sum(1 for p in self.skipped if p.line is not None or p.article is not None)
        out = [f"files: {self.files_read}/{self.files} read",
               f"articles: {self.articles} built, {dropped} skipped",
               f"actors: {sum(n for _, n in self.actors)} ({kinds})",
               f"sources: {self.sources}",
               f"events: {self.events}",
               f"triples: {self.triples}",
               f"extracted: {self.extracted} (cache hits: {self.cached}"
               + (", nothing changed)" if self.unchanged else ")"),
               f"warnings: {len(self.problems)} ({len(self.skipped)} skipped)"]
        out += [f"  {'skipped' if p.skipped else 'warning'}: {p}" for p in self.problems]
        return [f"repaired: {n}" for n in self.notices] + out

    def files_line(self) -> str | None:
        """What happened to the output files: "wrote: ..." when they were written, "unchanged: ..." when
        the build found nothing changed and rewrote none; None when there are none.

        >>> Summary(outputs=("o/a.ttl", "o/b.trig")).files_line()
        'wrote: o/a.ttl, o/b.trig'
        >>> Summary(outputs=("o/a.ttl", "o/b.trig"), unchanged=True).files_line()
        'unchanged: 2 files (nothing rewritten): o/a.ttl, o/b.trig'
        """
        if not self.outputs:
            return None
        if self.unchanged:
            return f"unchanged: {len(self.outputs)} files (nothing rewritten): {', '.join(self.outputs)}"
        return f"wrote: {', '.join(self.outputs)}"

    @classmethod
    def from_dict(cls, data: dict) -> Summary | None:
        """The Summary a manifest keeps (``dataclasses.asdict`` of one), None when it is not one.

        >>> from dataclasses import asdict
        >>> Summary.from_dict(asdict(Summary(files=2, actors=(("State", 1),)))), Summary.from_dict({})
        (Summary(files=2, files_read=0, articles=0, actors=(('State', 1),), sources=0, events=0, triples=0, \
problems=(), outputs=(), extracted=0, cached=0, unchanged=False, notices=()), None)
        """
        try:
            fields = dict(data)
            fields["actors"] = tuple(tuple(x) for x in fields["actors"])
            fields["problems"] = tuple(Problem(**p) for p in fields["problems"])
            fields["outputs"] = tuple(fields["outputs"])
            fields["notices"] = tuple(fields.get("notices", ()))
            return cls(**fields)
        except (KeyError, TypeError, ValueError):
            return None
