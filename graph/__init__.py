"""newsgraph.graph: records -> one graph model -> RDF, GraphML, GEXF and the store."""
