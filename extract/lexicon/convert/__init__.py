"""Conversion scripts: the field's coding dictionaries -> this project's data files.

Each module here reads a copy of a public dictionary (for example the PETRARCH2/Phoenix
dictionaries, MIT, Copyright (c) 2014 Open Event Data) and writes one file under
``newsgraph/extract/lexicon/data/``; the licence notice travels beside the result in
``data/LICENSE-petrarch2.txt``.  They run by hand, never during a build::

    python -m newsgraph.extract.lexicon.convert.MODULE PATH/TO/petrarch2

The build reads only the converted data files.
"""
from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path


def run_on_folder(name: str, needed: Sequence[str], convert: Callable[[Path], Iterable[Path]],
                  argv: list[str] | None = None) -> int:
    """The command line of a converter that reads one dictionary folder: write the data files and print
    their paths; one line and status 2 when the folder or a ``needed`` file in it is missing."""
    args = sys.argv[1:] if argv is None else argv
    root = Path(args[0]) if args else Path()
    missing = [n for n in needed if not (root / n).is_file()]
    if len(args) != 1 or missing:
        print(f"{name}: need the petrarch2 dictionary folder (missing: {', '.join(missing) or 'PATH'})",
              file=sys.stderr)
        return 2
    for path in convert(root):
        print(path)
    return 0
