"""The query page of ``newsgraph serve`` (``/``): the named queries with their parameters, a query
box, and the answer as a table.

``/`` lists the named queries; ``/?name=NAME`` adds a form for NAME's parameters and puts its
text in the box; submitting the form (``/?name=NAME&run=1&actor=...``) binds the parameters as
the command line does (:func:`~newsgraph.queries.named.bind_params`: names resolved against the
served graph) in VALUES lines at the start of the query
(:func:`~newsgraph.queries.remote.with_values`) and runs it.  The page's script posts the box's
query to ``/sparql`` (SPARQL JSON results) and renders the answer with ``textContent`` only;
without the script, the form posts the query to ``/sparql`` itself.

>>> from rdflib import Graph
>>> text = render(Graph(), {"name": ["who-met"], "run": ["1"], "actor": ["Nobody"]})
>>> "unknown actor &#x27;Nobody&#x27;" in text and 'name="actor"' in text
True
"""
from __future__ import annotations

import html
from functools import cache
from pathlib import Path
from string import Template
from urllib.parse import quote

from rdflib import Graph

from newsgraph.queries.named import ACTOR_PARAMS, NamedQuery, QueryError, bind_params, list_queries
from newsgraph.queries.remote import with_values
from newsgraph.queries.sparql.native import ox_store

__all__ = ["render"]

HINTS = {"type": "an event type (CONSULT...) or a class (Person...)", "since": "YYYY-MM-DD",
         "until": "YYYY-MM-DD", "event": "an event IRI", "sector": "a sector code (GOV, MIL...)"}
EXAMPLE = Path(__file__).resolve().parent / "sparql" / "example.rq"


@cache
def _example() -> str:
    return EXAMPLE.read_text(encoding="utf-8")


def _first(params: dict, key: str) -> str:
    return ((params.get(key) or [""])[0]).strip()


def _query_text(g: Graph, query: NamedQuery) -> str:
    """The text the command line runs on ``g``: the Oxigraph-tuned twin on a build's store."""
    return (query.store_text or query.text) if ox_store(g) is not None else query.text


def _bound(g: Graph, query: NamedQuery, params: dict) -> tuple[str, str, bool]:
    """(text for the box, error message, run it now) for the named query ``query``."""
    text = _query_text(g, query)
    given = {key: value for key in query.params + query.optional if (value := _first(params, key))}
    if not given and not _first(params, "run"):
        return text, "", False
    try:
        return with_values(text, bind_params(g, query, given)), "", True
    except QueryError as exc:
        return text, str(exc), False


def _param_names(query: NamedQuery) -> str:
    spans = [f'<span class="param">{html.escape(p)}</span>' for p in query.params]
    spans += [f'<span class="param optional">{html.escape(p)}?</span>' for p in query.optional]
    return " ".join(spans) or '<span class="none">none</span>'


def _named_table(queries: list[NamedQuery], selected: str) -> str:
    rows = "\n".join(
        f'<tr data-name="{html.escape(q.name)}"{" class=selected" if q.name == selected else ""}>'
        f'<td><a href="/?name={quote(q.name)}">{html.escape(q.name)}</a></td>'
        f"<td>{_param_names(q)}</td><td>{html.escape(q.summary)}</td></tr>" for q in queries)
    return ('<table id="named-queries"><thead><tr><th>query</th><th>parameters</th><th>what it gives</th>'
            f"</tr></thead>\n<tbody>\n{rows}\n</tbody></table>")


def _field(name: str, value: str, required: bool) -> str:
    hint = "a name, an alias or an IRI" if name in ACTOR_PARAMS else HINTS.get(name, "")
    return (f'<label>{html.escape(name)}{"" if required else " <small>(optional)</small>"} '
            f'<input name="{html.escape(name)}" value="{html.escape(value)}" '
            f'placeholder="{html.escape(hint)}"{" required" if required else ""}></label>')


def _params_form(query: NamedQuery, params: dict) -> str:
    fields = "\n".join([_field(p, _first(params, p), True) for p in query.params]
                       + [_field(p, _first(params, p), False) for p in query.optional])
    return (f'<form id="params" method="get" action="/"><h2>{html.escape(query.name)}</h2>'
            f"<p>{html.escape(query.summary)}</p>\n"
            f'<input type="hidden" name="name" value="{html.escape(query.name)}">'
            f'<input type="hidden" name="run" value="1">\n{fields}\n'
            f'<button type="submit">Run {html.escape(query.name)}</button>'
            "<p class=hint>Values are bound in VALUES lines at the start of the query, never pasted "
            "into it; names are matched as on the command line.</p></form>")


def render(g: Graph, params: dict[str, list[str]]) -> str:
    """The page for the request's query-string ``params`` (as ``urllib.parse.parse_qs`` gives them)."""
    queries = list_queries()
    selected = next((q for q in queries if q.name == _first(params, "name")), None)
    text, error, run = _example(), "", False
    form = ""
    if selected is not None:
        text, error, run = _bound(g, selected, params)
        form = _params_form(selected, params)
    problem = f'<p id="problem" class="error">{html.escape(error)}</p>' if error else ""
    return PAGE.substitute(form=form, problem=problem, query=html.escape(text), autorun="1" if run else "0",
                           named=_named_table(queries, selected.name if selected else ""), style=STYLE,
                           script=SCRIPT)


STYLE = """
body { font: 15px/1.45 system-ui, sans-serif; margin: 0; color: #1d2330; background: #f6f7f9; }
header { background: #1f3a5f; color: #fff; padding: 10px 24px; }
header h1 { font-size: 20px; margin: 0; } header p { margin: 2px 0 0; opacity: .85; font-size: 13px; }
main { display: grid; grid-template-columns: minmax(0, 5fr) minmax(0, 3fr); gap: 20px; padding: 16px 24px; }
section, aside { background: #fff; border: 1px solid #d8dce3; border-radius: 6px; padding: 12px 16px; }
h2 { font-size: 16px; margin: 4px 0 6px; }
textarea { width: 100%; box-sizing: border-box; font: 13px/1.4 ui-monospace, monospace; }
button { background: #1f3a5f; color: #fff; border: 0; border-radius: 4px; padding: 6px 14px; }
#params label { display: inline-block; margin: 0 12px 8px 0; } #params input { width: 16em; }
.hint { color: #5b6474; font-size: 12px; } .error { color: #a1261b; font-weight: 600; }
#status { margin-left: 10px; color: #3d5a80; }
table { border-collapse: collapse; width: 100%; font-size: 13px; margin-top: 10px; }
th, td { border-bottom: 1px solid #e3e6eb; padding: 4px 6px; text-align: left; vertical-align: top; }
th { background: #eef1f5; }
td.iri { font-family: ui-monospace, monospace; font-size: 12px; color: #3d5a80; word-break: break-all; }
tr.selected td { background: #fff7dd; }
.param { background: #e3ecf7; border-radius: 3px; padding: 0 4px; font-family: ui-monospace, monospace; }
.param.optional { background: #eef0f3; color: #5b6474; } .none { color: #8a93a3; }
pre { white-space: pre-wrap; font-size: 12px; } #answer { overflow-x: auto; }
"""

SCRIPT = """
const form = document.getElementById("query-form"), statusLine = document.getElementById("status");
const table = document.getElementById("results"), graph = document.getElementById("graph");

function element(tag, text, className) {
  const node = document.createElement(tag);
  node.textContent = text;
  if (className) node.className = className;
  return node;
}

function show(data, truncated) {
  if ("boolean" in data) { statusLine.textContent = "answer: " + data.boolean; return; }
  const vars = data.head.vars, rows = data.results.bindings;
  table.tHead.rows[0].replaceChildren(...vars.map(name => element("th", name)));
  table.tBodies[0].replaceChildren(...rows.map(row => {
    const tr = document.createElement("tr");
    tr.replaceChildren(...vars.map(name => row[name]
      ? element("td", row[name].value, row[name].type === "uri" ? "iri" : "") : element("td", "")));
    return tr;
  }));
  table.hidden = false;
  statusLine.textContent = rows.length + (rows.length === 1 ? " row" : " rows")
    + (truncated ? " (cut at the endpoint's row limit)" : "");
}

async function run(event) {
  if (event) event.preventDefault();
  statusLine.className = ""; statusLine.textContent = "running...";
  table.hidden = true; graph.hidden = true;
  try {
    const body = new URLSearchParams({query: form.query.value});
    const response = await fetch("/sparql", {method: "POST", body: body,
      headers: {"Accept": "application/sparql-results+json, text/turtle;q=0.9"}});
    const type = response.headers.get("Content-Type") || "";
    if (!response.ok) {
      statusLine.className = "error"; statusLine.textContent = (await response.text()).trim();
    } else if (type.includes("json")) {
      show(await response.json(), response.headers.get("X-Result-Truncated") === "true");
    } else {
      graph.textContent = await response.text(); graph.hidden = false; statusLine.textContent = "graph";
    }
  } catch (error) {
    statusLine.className = "error"; statusLine.textContent = "request failed: " + error;
  }
  document.body.dataset.done = String(Number(document.body.dataset.done || 0) + 1);
}

form.addEventListener("submit", run);
if (form.dataset.autorun === "1") run();
"""

PAGE = Template("""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>newsgraph SPARQL</title>
<style>$style</style></head>
<body>
<header><h1>newsgraph SPARQL endpoint</h1>
<p>SPARQL 1.1 Protocol at <code>/sparql</code> (GET or POST; JSON, XML, CSV, TSV by Accept); read-only</p>
</header>
<main>
<section id="query">
$form
$problem
<form id="query-form" action="/sparql" method="post" data-autorun="$autorun">
<textarea id="query-text" name="query" rows="14" spellcheck="false">$query</textarea><br>
<button type="submit" id="run">Run query</button><span id="status" role="status"></span>
</form>
<div id="answer"><table id="results" hidden><thead><tr></tr></thead><tbody></tbody></table>
<pre id="graph" hidden></pre></div>
</section>
<aside id="named"><h2>Named queries</h2>
<p class="hint">Pick one to fill in its parameters (<span class="param">required</span>,
<span class="param optional">optional?</span>).</p>
$named
</aside>
</main>
<script>$script</script>
</body></html>
""")
