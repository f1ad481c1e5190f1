"""Option checks shared by the subcommands: values no command can use are one line, exit 2, before any work.

>>> import click
>>> @click.command()
... @click.option("--graph", callback=iri_option)
... def show(graph):
...     click.echo(graph)
>>> from click.testing import CliRunner
>>> r = CliRunner().invoke(show, ["--graph", "http://e/g"]); r.output, r.exit_code
('http://e/g\\n', 0)
>>> r = CliRunner().invoke(show, ["--graph", "not an iri"]); r.output.splitlines(), r.exit_code
(["Error: --graph: not an absolute IRI: 'not an iri' (Invalid IRI code point ' ')"], 2)
"""
from __future__ import annotations

import click

from newsgraph.graph.build.options import check_iri

__all__ = ["BadOption", "iri_option"]


class BadOption(click.ClickException):
    """An option value no command can use: one line, exit 2 (as click's usage errors)."""

    exit_code = 2


def iri_option(ctx, param, value: str | None) -> str | None:
    """Callback of an option that must be an absolute IRI: checked before any work (one line, exit 2)."""
    try:
        return None if value is None else check_iri(value, param.opts[0])
    except ValueError as exc:
        raise BadOption(str(exc)) from None
