"""Conversion scripts: the field's coding dictionaries -> this project's data files.

Each module here reads a copy of a public dictionary (for example the PETRARCH2/Phoenix
dictionaries, MIT, Copyright (c) 2014 Open Event Data) and writes one file under
``newsgraph/extract/lexicon/data/``; the licence notice travels beside the result in
``data/LICENSE-petrarch2.txt``.  They run by hand, never during a build::

    python -m newsgraph.extract.lexicon.convert.MODULE PATH/TO/petrarch2

The build reads only the converted data files.
"""
