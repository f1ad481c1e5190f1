// Reads a GraphML or GEXF file with graphology's parsers (graphology-graphml, which sigma.js apps
// use; graphology-gexf, which Gephi Lite uses) and prints what it got as one JSON line:
// {"nodes", "edges", "type", "multi", "directed", "undirected", "nodeAttributes", "edgeAttributes"}.
// Used by tests/test_consumers.py; exits 1 with the parser's error.
//
//   npm ci --prefix tests/js && node tests/js/read_graph.mjs OUT/actors.graphml
import { readFileSync } from 'node:fs';
import Graph from 'graphology';
import gexf from 'graphology-gexf';
import graphml from 'graphology-graphml';

const file = process.argv[2];
if (!file || !/\.(graphml|gexf)$/.test(file)) {
  console.error('usage: node read_graph.mjs FILE.graphml|FILE.gexf');
  process.exit(2);
}
const names = (items) => [...new Set(items.flatMap((attrs) => Object.keys(attrs)))].sort();
try {
  const parser = file.endsWith('.gexf') ? gexf : graphml;
  const graph = parser.parse(Graph, readFileSync(file, 'utf8'));
  console.log(JSON.stringify({
    nodes: graph.order,
    edges: graph.size,
    type: graph.type,
    multi: graph.multi,
    directed: graph.directedSize,
    undirected: graph.undirectedSize,
    nodeAttributes: names(graph.mapNodes((_, attrs) => attrs)),
    edgeAttributes: names(graph.mapEdges((_, attrs) => attrs)),
  }));
} catch (err) {
  console.error(`${file}: ${err.message}`);
  process.exit(1);
}
