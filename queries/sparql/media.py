"""Content negotiation of SPARQL results: which serializer and media type answer an Accept header.

>>> negotiate("text/csv;q=0.5, application/sparql-results+json", graph_result=False)
('json', 'application/sparql-results+json')
"""
from __future__ import annotations

RESULT_TYPES = (("application/sparql-results+json", "json"), ("application/json", "json"),
                ("application/sparql-results+xml", "xml"), ("application/xml", "xml"), ("text/xml", "xml"),
                ("text/csv", "csv"), ("text/tab-separated-values", "tsv"))
GRAPH_TYPES = (("text/turtle", "turtle"), ("application/x-turtle", "turtle"),
               ("application/ld+json", "json-ld"), ("application/json", "json-ld"),
               ("application/n-triples", "nt"), ("text/plain", "nt"), ("application/rdf+xml", "xml"))
MIME = {"json": "application/sparql-results+json", "xml": "application/sparql-results+xml",
        "csv": "text/csv", "tsv": "text/tab-separated-values"}
GRAPH_MIME = {"turtle": "text/turtle", "json-ld": "application/ld+json", "nt": "application/n-triples",
              "xml": "application/rdf+xml"}


def negotiate(accept: str | None, graph_result: bool) -> tuple[str, str]:
    """(serializer format, media type) for an Accept header; the first supported type wins ties."""
    table = GRAPH_TYPES if graph_result else RESULT_TYPES
    offers = []
    for position, part in enumerate((accept or "").split(",")):
        fields = [f.strip() for f in part.split(";")]
        q = next((float(f[2:]) for f in fields[1:] if f.startswith("q=") and _is_float(f[2:])), 1.0)
        offers.append((-q, position, fields[0].lower()))
    primary = GRAPH_MIME if graph_result else MIME
    for _, _, mime in sorted(offers):
        for candidate, fmt in table:
            if mime == candidate:
                return fmt, primary[fmt]
        for fmt, candidate in primary.items():
            if mime == "*/*" or (mime.endswith("/*") and candidate.startswith(mime[:-1])):
                return fmt, candidate
    fmt = table[0][1]
    return fmt, primary[fmt]


def _is_float(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


