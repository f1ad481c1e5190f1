"""Running SPARQL: in Oxigraph on a build's store, in rdflib on any other graph.

* :mod:`~newsgraph.queries.sparql.native` -- a query evaluated by Oxigraph itself, parameters bound
  (never pasted), rows handed back as rdflib terms;
* :mod:`~newsgraph.queries.sparql.order` -- ORDER BY done in Python, in rdflib's order, so both
  engines return the same rows in the same order;
* :mod:`~newsgraph.queries.sparql.results` -- result rows, and their CSV, TSV, JSON, XML and table forms.
"""
