"""The ``newsgraph`` command line: subcommands only parse options and call library functions.

The library is imported inside each command, when it runs (the ``# lazy`` imports): ``newsgraph
--help``, a build with nothing to do and every other command start without rdflib, pyoxigraph or
spaCy.
"""
from __future__ import annotations

import sys

import click
from tqdm import tqdm

from newsgraph.extract.read.limits import DATE_ORDERS, SPACY_MAX_LENGTH
from newsgraph.graph.build.options import BuildOptions
from newsgraph.queries.cli import push as push_commands
from newsgraph.queries.cli import query as commands
from newsgraph.queries.cli.options import iri_option

#: ``newsgraph build`` shows and passes these defaults: BuildOptions' fields are their only copy.
DEFAULTS = BuildOptions()


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="newsgraph", prog_name="newsgraph")
def main() -> None:
    """newsgraph: knowledge graphs of actors, events and sources from news."""


def _progress_bar(enabled: bool):
    """A tqdm bar (articles/s) on a terminal; nothing otherwise."""
    if not enabled:
        return None, None
    bar = tqdm(unit=" articles", desc="extracting", file=sys.stderr, leave=False)

    def tick(done: int) -> None:
        bar.update(done - bar.n)

    return bar, tick


@main.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path())
@click.option("-o", "--out", required=True, type=click.Path(file_okay=False), help="Output directory.")
@click.option("--model", default=DEFAULTS.model, help="Any installed spaCy English pipeline "
              f"[default: {DEFAULTS.model}].")
@click.option("--base-iri", default=DEFAULTS.base_iri, callback=iri_option,
              help=f"Base IRI of minted instance IRIs, an absolute IRI [default: {DEFAULTS.base_iri}].")
@click.option("--strict", is_flag=True, help="Exit 1 when any input problem was reported.")
@click.option("--max-file-size", "max_bytes", default=DEFAULTS.limits.max_bytes, show_default=True, type=int,
              help="Skip input files larger than this many bytes.")
@click.option("--max-article-chars", default=DEFAULTS.limits.max_article_chars, show_default=True, type=int,
              help="Skip articles whose headline plus body is longer than this (spaCy parses at most "
              f"{SPACY_MAX_LENGTH:,} characters at once).")
@click.option("--date-order", default=DEFAULTS.limits.date_order, show_default=True,
              type=click.Choice(DATE_ORDERS),
              help="Read an ambiguous numeric date (05/12/2026) that no other date of its article or file "
              "tells the order of month first (mdy) or day first (dmy); a warning says so.")
@click.option("--progress/--no-progress", default=None,
              help="Progress bar (default: on when stderr is a terminal).")
@click.option("-j", "--workers", default=DEFAULTS.workers, type=click.IntRange(min=1),
              help="Extraction processes [default: number of cores].")
@click.option("--dask", "dask_address", default=DEFAULTS.dask_address, metavar="ADDRESS",
              help="Extract on the Dask cluster at ADDRESS (tcp://host:8786); needs newsgraph[dask].")
@click.option("--sync", is_flag=True, default=DEFAULTS.sync, help="Drop the facts of inputs of earlier "
              "builds into OUT that are not given now (without it, earlier inputs stay part of the graph).")
@click.option("--batch-size", default=DEFAULTS.batch_size, show_default=True, type=click.IntRange(min=1),
              help="Articles per extraction task.")
@click.option("--rebuild", is_flag=True, default=DEFAULTS.rebuild, help="Trust nothing earlier builds "
              "kept in OUT: extract every article again and load the store from scratch.")
def build(inputs, out, strict, progress, **options):
    """Build or update the graph of INPUTS (digest .txt, article .txt, .jsonl files or folders) in OUT.

    Re-running on the same OUT extracts only new or changed articles (records are
    cached in OUT/cache); a killed build resumes where it stopped.  The graph is
    kept in the embedded Oxigraph store OUT/store and written as export files.

    One build at a time writes to OUT (a lock on OUT/.lock, released when the build
    ends, however it ends): a second build into the same OUT does not wait, it exits
    1 with one line naming the running build's process.  A damaged record cache or a
    store that is not what the last build recorded is rebuilt (a "repaired:" line says so).
    """
    # ``options``: the other options, each a field of BuildOptions (or of its ReadLimits) by name
    from newsgraph.graph.build import build as run_build  # lazy: see the module docstring

    enabled = sys.stderr.isatty() if progress is None else progress
    bar, tick = _progress_bar(enabled)
    try:
        summary = run_build(inputs, out, DEFAULTS.with_changes(**options), progress=tick)
    except (OSError, ValueError) as exc:  # model not installed, output not writable or locked, bad option
        raise click.ClickException(str(exc).splitlines()[0] if str(exc) else repr(exc)) from None
    finally:
        if bar is not None:
            bar.close()
    for line in summary.lines():
        click.echo(line)
    if not summary.articles:
        raise click.ClickException("no article could be read from the inputs; nothing written")
    if summary.files_line():
        click.echo(summary.files_line())
    if strict and summary.problems:
        raise click.ClickException(f"--strict: {len(summary.problems)} input problem(s) reported")


commands.register(main)
push_commands.register(main)
