"""Attribution: who said what, and according to whom.

* :mod:`~newsgraph.extract.attribution.quotes` -- the extractor ``quotes``: direct quotations and
  their speakers (``Quote`` records, ``ng:Statement`` in the graph);
* :mod:`~newsgraph.extract.attribution.citations` -- the extractor ``citations``: the sources an
  article attributes information to (``Citation`` records, ``ng:cites``);
* :mod:`~newsgraph.extract.attribution.speakers` -- who a speech or citation verb's subject stands for;
* :mod:`~newsgraph.extract.attribution.marks` -- quotation marks, and the per-Doc :class:`Context` both
  extractors read (is this token quoted? which actor is this?).
"""
