"""newsgraph.queries: named SPARQL queries, the Python relationship API and the CLI."""
