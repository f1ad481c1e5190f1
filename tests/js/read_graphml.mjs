// Reads a GraphML file with graphology-graphml, the parser sigma.js apps use, and prints
// {"nodes": N, "edges": M}.  Used by tests/test_consumers.py; exits 1 with the parser's error.
//
//   npm ci --prefix tests/js && node tests/js/read_graphml.mjs OUT/graph.graphml
import { readFileSync } from 'node:fs';
import Graph from 'graphology';
import graphml from 'graphology-graphml';

const file = process.argv[2];
if (!file) {
  console.error('usage: node read_graphml.mjs FILE.graphml');
  process.exit(2);
}
try {
  const graph = graphml.parse(Graph, readFileSync(file, 'utf8'));
  console.log(JSON.stringify({ nodes: graph.order, edges: graph.size, type: graph.type, multi: graph.multi }));
} catch (err) {
  console.error(`${file}: ${err.message}`);
  process.exit(1);
}
