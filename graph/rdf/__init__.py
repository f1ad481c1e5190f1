"""The one mapping from a resolved :class:`~newsgraph.graph.model.Model` to RDF triples.

Every fact of the model becomes triples in one of three kinds of named graph:

* ``<base>graph/documents``: input files and the provenance of each article in
  them (``prov:wasDerivedFrom``, one ``prov:Derivation`` node per file the article
  was found in, and ``ng:sourceStart``/``ng:sourceEnd``/``ng:articleIndex`` on the
  article itself for its *first* provenance in (file, index) order);
* ``<base>graph/article/<key>``: what one article says (its metadata, body,
  citations, memberships, statements, event mentions, which actors it names);
* ``<base>graph/resolved``: the resolved layer (actors, events, roles, the
  event-type vocabulary of ``extract/lexicon/data/event_types.toml``).

There are no blank nodes: every node has an IRI derived from content keys and
offsets, so the same input always gives the same triples.  Offsets
(``ng:charStart``/``ng:charEnd``) are always offsets into ``schema:articleBody``;
statements and citations found in the headline carry no offsets.

The package:

* :mod:`~newsgraph.graph.rdf.vocab` spells every IRI (the ontology's terms, the event types);
* :mod:`~newsgraph.graph.rdf.mapping` is the one mapping: :class:`~newsgraph.graph.rdf.mapping.Mapper`
  makes the triples of one *subject in one graph* at a time, as compact terms
  (:mod:`~newsgraph.graph.rdf.terms`, :mod:`~newsgraph.graph.rdf.literals`), and names the graphs;
* :mod:`~newsgraph.graph.rdf.plan` orders them by graph or by subject
  (:class:`~newsgraph.graph.rdf.plan.Plan`), so no build ever holds all triples at once;
* :mod:`~newsgraph.graph.rdf.digests` hashes graphs and subjects as they stream past (what the
  store compares to replace only what changed);
* ``ontology.ttl`` declares every term, ``shapes.ttl`` holds the SHACL shapes the output conforms to.
"""
