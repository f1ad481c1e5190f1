"""Scale-side CLI commands: ``newsgraph push``.

Subcommands only parse options and call library functions; expected errors are
one line (``click.ClickException``).

The library is imported inside each command, when it runs (the ``# lazy`` imports): ``newsgraph
--help``, a build with nothing to do and every other command start without rdflib, pyoxigraph or
spaCy.
"""
from __future__ import annotations

import click

from newsgraph.queries.cli.options import iri_option


@click.command("push")
@click.argument("out", type=click.Path(exists=True, file_okay=False))
@click.option("--endpoint", default=None, metavar="URL",
              help="SPARQL 1.1 Graph Store Protocol URL (e.g. http://localhost:3030/ds/data).")
@click.option("--graph", default=None, metavar="IRI", callback=iri_option,
              help="Put every triple into this one named graph, an absolute IRI "
              "[default: the build's own named graphs].")
@click.option("--update-endpoint", default=None, metavar="URL",
              help="SPARQL 1.1 Update URL, for stores without the Graph Store Protocol.")
@click.option("--batch", default=10_000, show_default=True, type=click.IntRange(min=1),
              help="Triples per request.")
@click.option("--user", "auth", default=None, metavar="USER:PASSWORD", envvar="NEWSGRAPH_PUSH_USER",
              help="HTTP basic authentication (or env NEWSGRAPH_PUSH_USER).")
@click.option("--timeout", default=120.0, show_default=True, type=float, help="Seconds per request.")
def push_cmd(out: str, **options) -> None:
    """Load the graph built in OUT into an external SPARQL store (idempotent: re-pushing replaces)."""
    # ``options``: every option but OUT, each a field of PushOptions by name (the defaults here are
    # spelled again: importing PushOptions would import the store, and rdflib, at every command's start)
    from newsgraph.graph.store.push import PushError, PushOptions, push  # lazy: see the module docstring

    options = PushOptions(**options)
    if not (options.endpoint or options.update_endpoint):
        raise click.UsageError("give --endpoint URL (Graph Store Protocol) or --update-endpoint URL")
    try:
        result = push(out, options=options)
    except (PushError, OSError, ValueError) as exc:
        raise click.ClickException(str(exc).splitlines()[0] if str(exc) else repr(exc)) from None
    click.echo(f"pushed {result.triples} triples in {result.graphs} graph(s), {result.requests} request(s)")


def register(group: click.Group) -> None:
    """Add the scale-side subcommands to the ``newsgraph`` group."""
    group.add_command(push_cmd)
