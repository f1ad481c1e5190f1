"""The token check of ad-hoc queries (newsgraph.queries.sparql.guard / lexer), without a server.

Every refused text here is one Oxigraph parses (checked below), so a miss would be a real hole.
"""
from __future__ import annotations

import pyoxigraph as ox
import pytest

from newsgraph.queries.sparql.guard import QueryLimits, Refused, check
from newsgraph.queries.sparql.lexer import tokens

TRAP = "http://127.0.0.1:9/x"
NESTED_SERVICE = [
    "ASK {{ FILTER(EXISTS {{ FILTER(EXISTS {{ SERVICE <{u}> {{ ?s ?p ?o }} }}) }}) }}",
    "SELECT * WHERE {{ ?s ?p ?o FILTER NOT EXISTS {{ SERVICE <{u}> {{ ?s ?q ?r }} }} }}",
    "SELECT * WHERE {{ ?s ?p ?o MINUS {{ SERVICE SILENT <{u}> {{ ?s ?q ?r }} }} }}",
    "SELECT * WHERE {{ ?s ?p ?o OPTIONAL {{ SERVICE <{u}> {{ ?s ?q ?r }} }} }}",
    "SELECT * WHERE {{ {{ SELECT ?s WHERE {{ {{ SELECT ?s WHERE {{ SERVICE <{u}> {{ ?s ?p ?o }} }} }} }} }}"
    " }}",
    "SELECT * WHERE {{ {{ ?s ?p ?o }} UNION {{ SERVICE <{u}> {{ ?s ?p ?o }} }} }}",
    "ASK {{ GRAPH ?g {{ SERVICE <{u}> {{ ?s ?p ?o }} }} }}",
    "ASK {{ ?s ?p ?o BIND(EXISTS {{ service <{u}> {{ ?s ?p ?o }} }} AS ?x) }}",
    "ASK {{ SERVICESILENT<{u}>{{?s ?p ?o}} }}",                       # no space after the keyword
    "ASK {{ ?s ?p 1SERVICE<{u}>{{?s ?p ?o}} }}",                      # glued to a number
    "ASK {{ ?s ?p true SERVICE <{u}> {{ ?s ?p ?o }} }}",
    "PREFIX ex: <http://x/> ASK {{ ?s ?p ex:a\\# . SERVICE <{u}> {{ }} }}",  # \\# is no comment
    "ASK {{ ?s ?p ?o FILTER(?a<?b)SERVICE#>\n<{u}>{{?s ?p ?o}} }}",     # "<?b)SERVICE#>" is no IRI
    "ASK {{ ?s <http://p> (<http://a> <http://x/#> ) . SERVICE <{u}> {{ }} }}",
    "ASK {{ ?s ?p '''a'' ''' . SERVICE <{u}> {{ }} }}",
]
DECOYS = [
    'SELECT * WHERE { ?s ?p "SERVICE <http://127.0.0.1:9/x> { ?s ?p ?o }" }',
    "SELECT * WHERE { ?s ?p '''x\nSERVICE <http://127.0.0.1:9/x> { }\n''' }",
    "SELECT * WHERE { ?s ?p <http://x/SERVICE> }",
    "SELECT * WHERE { ?s ?p ?o } # SERVICE <http://127.0.0.1:9/x> { ?s ?p ?o }",
    "SELECT ?service WHERE { ?service ?p ?o }",
    "PREFIX ex: <http://x/> SELECT * WHERE { ?s ex:service ?o FILTER(?o != ex:from) }",
    "SELECT * WHERE { ?s ?p ?o FILTER(?o < 3 && ?o > <http://x/SERVICE>) }",
    'SELECT * WHERE { ?s ?p "drop all"@en }',
]


@pytest.mark.parametrize("template", NESTED_SERVICE)
def test_service_refused_wherever_it_is(template):
    text = template.format(u=TRAP)
    with pytest.raises(Refused, match="SERVICE") as info:
        check(text)
    assert info.value.status == 403


@pytest.mark.parametrize("template", NESTED_SERVICE)
def test_the_refused_texts_are_queries_oxigraph_would_run(template):
    """Oxigraph parses each (the trap IRI swapped for an unused name, nothing is evaluated remotely)."""
    text = template.format(u="urn:x:none").replace("SERVICE", "GRAPH").replace("GRAPHSILENT", "GRAPH ")
    text = text.replace("GRAPH SILENT", "GRAPH")
    ox.Store().query(text)


@pytest.mark.parametrize("text", DECOYS)
def test_decoys_are_allowed(text):
    check(text)
    ox.Store().query(text)


def test_unicode_escapes_are_read_as_rdflib_reads_them():
    with pytest.raises(Refused, match="SERVICE"):
        check(r"ASK { \u0053ERVICE <http://127.0.0.1:9/x> { ?s ?p ?o } }")
    with pytest.raises(Refused, match="SERVICE"):
        check(r'ASK { FILTER(?o = "\u0022") SERVICE <http://127.0.0.1:9/x> { } } # """')


@pytest.mark.parametrize("text, status, reason", [
    ("LOAD <http://127.0.0.1:9/x>", 403, "Load"), ("DROPALL", 403, "Drop"),
    ("INSERT DATA { <a:b> <a:b> <a:b> }", 403, "Insert"),
    ("SELECT * FROM <http://127.0.0.1:9/x> WHERE { ?s ?p ?o }", 400, "FROM"),
    ("SELECT * FROM NAMED <urn:g> WHERE { ?s ?p ?o }", 400, "FROM"),
    ("  ", 400, "missing"),
])
def test_updates_and_datasets(text, status, reason):
    with pytest.raises(Refused, match=reason) as info:
        check(text)
    assert info.value.status == status


def test_limits_are_answered_with_a_reason():
    patterns = "ASK { " + " . ".join(f"?s{i} ?p ?o{i}" for i in range(90)) + " }"
    nested = "ASK " + "{ " * 45 + "?s ?p ?o " + "}" * 45
    with pytest.raises(Refused, match="more than 64 triple patterns") as info:
        check(patterns)
    assert info.value.status == 400
    with pytest.raises(Refused, match="more than 32 deep"):
        check(nested)
    check(patterns, QueryLimits(max_patterns=200))
    with pytest.raises(Refused, match="bytes"):
        check("ASK { }" + " " * 100, QueryLimits(max_bytes=100))
    with pytest.raises(Refused, match="tokens"):
        check("SELECT * WHERE { VALUES ?x { " + "1 " * 600 + "} }", QueryLimits(max_tokens=500))


def test_lexer_kinds():
    text = "PREFIX ex: <http://x/> SELECT ?a WHERE { _:b ex:p 'x'@en-GB, 2.5e3 ; ex:q \"\"\"a\"b\"\"\" }"
    kinds = [t.kind for t in tokens(text)]
    assert kinds == ["word", "pname", "iri", "word", "var", "word", "open", "bnode", "pname", "string",
                     "lang", "op", "number", "op", "pname", "string", "close"]
