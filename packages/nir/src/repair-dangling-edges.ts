import { resolveEndpoint } from './resolve-endpoint.js';

/** One repair made by {@link repairDanglingEdges}. */
export interface EdgeRepair {
  /** The graph whose edge was repaired ('' for the top graph, else its path `a/b`). */
  graph: string;
  /** The name the edge end had (naming no node). */
  from: string;
  /** The node it was renamed to (the one node no edge mentioned). */
  to: string;
}

/**
 * The `'rename-dangling'` repair, on a graph object (raw or validated),
 * recursively: in each graph, every edge end that names no node is renamed to
 * the single node of that graph that no edge mentions. If there is not exactly
 * one such node the graph is left as it is (validation then reports the
 * dangling edge). `repairs` collects what was renamed.
 */
export function repairDanglingEdges(raw: unknown, path = '', repairs: EdgeRepair[] = []): unknown {
  if (typeof raw !== 'object' || raw === null) return raw;
  const g = raw as { type?: unknown; nodes?: unknown; edges?: unknown };
  if (g.type !== 'NIRGraph' || typeof g.nodes !== 'object' || g.nodes === null || !Array.isArray(g.edges)) return raw;
  const nodes = Object.create(null) as Record<string, unknown>;
  for (const [k, v] of Object.entries(g.nodes as Record<string, unknown>)) {
    nodes[k] = repairDanglingEdges(v, path === '' ? k : `${path}/${k}`, repairs);
  }
  const edges = g.edges as unknown[];
  const isPair = (e: unknown): e is [string, string] =>
    Array.isArray(e) && e.length === 2 && typeof e[0] === 'string' && typeof e[1] === 'string';
  const dangling = new Set<string>();
  const mentioned = new Set<string>();
  for (const e of edges) {
    if (!isPair(e)) continue;
    for (const end of e) {
      const r = resolveEndpoint(nodes, end);
      if (r === undefined) dangling.add(end);
      else mentioned.add(r[0]);
    }
  }
  let newEdges = edges;
  if (dangling.size === 1) {
    const unused = Object.keys(nodes).filter((k) => !mentioned.has(k));
    if (unused.length === 1) {
      const [from] = dangling;
      const to = unused[0];
      repairs.push({ graph: path, from, to });
      newEdges = edges.map((e) => (isPair(e) ? [e[0] === from ? to : e[0], e[1] === from ? to : e[1]] : e));
    }
  }
  return { ...(raw as object), nodes, edges: newEdges };
}
