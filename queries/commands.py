"""Query-side CLI commands (queries, query, sparql, serve, plot): placeholder."""
from __future__ import annotations

import click


def register(group: click.Group) -> None:
    """Add the query-side subcommands to the ``newsgraph`` group."""
    return None
