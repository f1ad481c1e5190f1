"""newsgraph.graph: records -> one graph model -> RDF, GraphML, GEXF and the store."""

#: Base IRI of minted instance IRIs (re-exported by :mod:`newsgraph.graph.rdf.vocab`; here so that a build
#: can name it without importing rdflib).
DEFAULT_BASE = "https://w3id.org/newsgraph/id/"
