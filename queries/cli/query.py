"""Query-side CLI commands: queries, query, sparql, serve, plot.

Subcommands only parse options and call library functions; every expected error
is one line (``click.ClickException``), never a traceback.  ``query`` and ``sparql``
read the store in a child process (:mod:`newsgraph.queries.cli.isolate`): a damaged
store that makes Oxigraph fail or allocate without end is one line too.

The library is imported inside each command, when it runs (the ``# lazy`` imports): ``newsgraph
--help``, a build with nothing to do and every other command start without rdflib, pyoxigraph or
spaCy.
"""
from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import click

from newsgraph.queries.cli.isolate import isolated
from newsgraph.queries.sparql.cache import CACHE_BYTES, CACHE_ENTRIES
from newsgraph.queries.sparql.damage import StoreDamaged, guarded, message, reason
from newsgraph.queries.sparql.guard import QueryLimits, Refused, check
from newsgraph.queries.sparql.pool import BACKLOG, WORKERS

FORMATS = ("table", "csv", "tsv", "sparql-tsv", "json")
MB = 1024 * 1024
LIMITS = QueryLimits()  # light modules (no rdflib): the defaults of --max-depth / --max-patterns
#: CLI format -> serializer format: ``tsv`` is plain values for spreadsheets, ``sparql-tsv`` the W3C form
_SERIALIZER = {"tsv": "plain-tsv", "sparql-tsv": "tsv"}
FORMAT_HELP = ("Output format: tsv is plain values (for spreadsheets), sparql-tsv the SPARQL 1.1 TSV "
               "results [default: table on a terminal, csv otherwise].")


def _fail(exc: Exception) -> click.ClickException:
    return click.ClickException(str(exc))


def _open(out: str):
    from newsgraph.queries.named import QueryError, open_graph  # lazy: see the module docstring

    try:
        return open_graph(out)
    except QueryError as exc:
        why = reason(exc.__cause__ or exc)
        raise click.ClickException(message(why, out) if why else _graph_error(out, exc)) from None


@contextmanager
def _reading(out: str) -> Iterator[None]:
    """Inside, a store of ``out`` damaged deeper than its opening shows is one line, never a traceback."""
    try:
        with guarded(out):
            yield
    except StoreDamaged as exc:
        raise click.ClickException(message(exc.why, out)) from None


def _graph_error(out: str, exc: Exception) -> str:
    """One line for a graph that cannot be opened: the reason when short, never a parser's excerpt."""
    lines = str(exc).splitlines()
    if len(lines) == 1 and len(lines[0]) <= 200:
        return lines[0]
    return (f"cannot read {out}: not a graph (give a build directory or a .ttl, .trig, .jsonld or .nt "
            "file; text and .jsonl inputs become a graph with `newsgraph build`)")


def _limit_options(command):
    """--max-depth and --max-patterns, defaults from QueryLimits (their only copy)."""
    command = click.option("--max-patterns", default=LIMITS.max_patterns, show_default=True,
                           type=click.IntRange(min=1), help="Refuse queries with more triple patterns "
                           "(the . ; , inside groups plus one per group).")(command)
    return click.option("--max-depth", default=LIMITS.max_depth, show_default=True,
                        type=click.IntRange(min=1), help="Refuse queries nesting brackets deeper.")(command)


def _limits(max_depth: int, max_patterns: int) -> QueryLimits:
    return QueryLimits(max_depth=max_depth, max_patterns=max_patterns)


def _emit(result, fmt: str | None) -> None:
    """Print a result: aligned table on a terminal, CSV otherwise (or as asked)."""
    from newsgraph.queries.named import format_table, serialize  # lazy: see the module docstring

    fmt = fmt or ("table" if sys.stdout.isatty() else "csv")
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        body, _ = serialize(result, "json-ld" if fmt == "json" else "turtle")
        click.echo(body.decode("utf-8"), nl=False)
    elif fmt == "table":
        click.echo(format_table(result))
    else:
        body, _ = serialize(result, _SERIALIZER.get(fmt, fmt))
        click.echo(body.decode("utf-8").replace("\r\n", "\n"), nl=fmt == "json")


def _params(pairs: tuple[str, ...]) -> dict[str, str]:
    params = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise click.BadParameter(f"expected NAME=VALUE, got {pair!r}", param_hint="--param")
        params[key.strip()] = value
    return params


@click.command("queries")
def queries_cmd() -> None:
    """List the named queries with their summaries and parameters."""
    from newsgraph.queries.named import list_queries  # lazy: see the module docstring

    for query in list_queries():
        names = list(query.params) + [f"[{p}]" for p in query.optional]
        click.echo(f"{query.name:<14} {query.summary}")
        click.echo(f"{'':<14} params: {', '.join(names) or '(none)'}")


@click.command("query")
@click.argument("name")
@click.argument("out", required=False, type=click.Path(exists=True))
@click.option("-p", "--param", "pairs", multiple=True, metavar="NAME=VALUE",
              help='A parameter, e.g. --param actor="Bagheri Kani" (repeatable).')
@click.option("--endpoint", default=None, metavar="URL",
              help="Run on this SPARQL 1.1 endpoint (a store filled by newsgraph push) instead of OUT.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default=None, help=FORMAT_HELP)
def query_cmd(name: str, out: str | None, pairs: tuple[str, ...], endpoint: str | None,
              fmt: str | None) -> None:
    """Run the named query NAME on the graph in OUT (a build directory or graph file) or on --endpoint URL."""
    from newsgraph.queries.named import QueryError, execute  # lazy: see the module docstring
    from newsgraph.queries.remote import execute as execute_remote  # lazy: see the module docstring

    if bool(out) == bool(endpoint):
        raise click.UsageError("give the graph either as OUT or with --endpoint URL")
    params = _params(pairs)

    def work() -> None:
        with _reading(out):
            try:
                result = (execute_remote(endpoint, name, params) if endpoint
                          else execute(_open(out), name, params))
            except QueryError as exc:
                raise _fail(exc) from None
            _emit(result, fmt)

    isolated(out, work) if out else work()


@click.command("sparql")
@click.argument("out", type=click.Path(exists=True))
@click.argument("text", required=False)
@click.option("-f", "--file", "path", type=click.Path(exists=True, dir_okay=False),
              help="Read the query from this .rq file.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default=None, help=FORMAT_HELP)
@_limit_options
def sparql_cmd(out: str, text: str | None, path: str | None, fmt: str | None, **limits) -> None:
    """Run a read-only SPARQL query (TEXT or -f FILE) on the graph in OUT."""
    from newsgraph.queries.sparql.adhoc import QueryFailed, run_checked  # lazy: see the module docstring

    if bool(text) == bool(path):
        raise click.UsageError("give the query either as TEXT or with -f FILE")
    text = _read_query(path) if path else text
    try:
        check(text, _limits(**limits))
    except Refused as exc:
        raise _fail(exc) from None

    def work() -> None:
        with _reading(out):
            try:
                # in Oxigraph on a store, else in rdflib
                result = run_checked(_open(out), text, _limits(**limits))
            except (Refused, QueryFailed) as exc:
                raise _fail(exc) from None
            _emit(result, fmt)

    isolated(out, work)


def _read_query(path: str) -> str:
    try:
        return Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise click.ClickException(f"cannot read the query file {path}: {exc}") from None


@click.command("serve")
@click.argument("out", type=click.Path(exists=True))
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on.")
@click.option("--port", default=8000, show_default=True, type=int, help="Port (0 = any free port).")
@click.option("--timeout", default=10.0, show_default=True, type=float, help="Seconds per query.")
@click.option("--max-rows", default=10000, show_default=True, type=int, help="Rows per result.")
@click.option("--workers", default=WORKERS, show_default=True, type=click.IntRange(min=1),
              help=f"Requests handled at once (each may run one query process); {BACKLOG} more wait "
              "in the listen backlog.")
@click.option("--cache-entries", default=CACHE_ENTRIES, show_default=True, type=click.IntRange(min=0),
              help="Answers kept for identical queries (0 = no cache; identical queries then all run).")
@click.option("--cache-mb", default=CACHE_BYTES // MB, show_default=True, type=click.IntRange(min=0),
              help="Megabytes of kept answers at most (0 = no cache).")
@_limit_options
@click.option("--verbose", is_flag=True, help="Log every request to stderr.")
def serve_cmd(out: str, host: str, port: int, verbose: bool, cache_mb: int, **options) -> None:
    """Serve the graph in OUT as a read-only SPARQL 1.1 endpoint (Ctrl-C stops it)."""
    from newsgraph.queries.endpoint import serve  # lazy: see the module docstring

    graph = _open(out)
    limits = _limits(options.pop("max_depth"), options.pop("max_patterns"))
    isolated(out, lambda: _count(graph, out))  # first in a capped child: a damaged store may count forever
    size = _count(graph, out)
    try:
        server = serve(graph, host=host, port=port, verbose=verbose, limits=limits, source=out,
                       cache_bytes=cache_mb * MB, **options)
    except OSError as exc:
        raise click.ClickException(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
    click.echo(f"SPARQL endpoint at {server.url} ({size} triples); page at {server.url[:-7]}/", err=True)
    try:
        server.thread.join()
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()
        server.server_close()


def _count(graph, out: str) -> int:
    """The number of triples; one line when the store of ``out`` cannot count them (oxrdflib gets no
    number back from a damaged store and fails on it, or Oxigraph raises its storage error)."""
    with _reading(out):
        try:
            return len(graph)
        except (AttributeError, TypeError):
            raise StoreDamaged("its triples cannot be counted") from None


@click.command("plot")
@click.argument("out", type=click.Path(exists=True))
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False),
              help="Picture file (.svg, .png or .pdf).")
@click.option("--actor", default=None, help="Only this actor's neighbourhood (name or IRI).")
@click.option("--radius", default=1, show_default=True, type=int, help="Hops around --actor.")
@click.option("--top", default=15, show_default=True, type=int, help="Label this many actors.")
def plot_cmd(out: str, output: str, actor: str | None, radius: int, top: int) -> None:
    """Draw the actor network of the graph in OUT."""
    from newsgraph.queries.named import QueryError  # lazy: see the module docstring

    try:
        from newsgraph.queries.plot import plot_network  # lazy: see the module docstring
    except ImportError as exc:
        raise click.ClickException(f"plotting needs matplotlib ({exc})") from None
    graph = _open(out)
    with _reading(out):
        try:
            plot_network(graph, output, actor=actor, radius=radius, top=top)
        except (QueryError, ValueError) as exc:
            raise _fail(exc) from None
    click.echo(f"wrote {output}", err=True)


def register(group: click.Group) -> None:
    """Add the query-side subcommands to the ``newsgraph`` group."""
    for command in (queries_cmd, query_cmd, sparql_cmd, serve_cmd, plot_cmd):
        group.add_command(command)
