"""The ``newsgraph`` command line: subcommands only parse options and call library functions."""
from __future__ import annotations

import click

from queries import commands


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="newsgraph", prog_name="newsgraph")
def main() -> None:
    """newsgraph: knowledge graphs of actors, events and sources from news."""


commands.register(main)
