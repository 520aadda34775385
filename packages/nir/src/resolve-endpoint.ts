/**
 * Resolve an edge end: a node of this graph, or `sub.name` for a node inside a
 * nested graph `sub`. Returns the chain of names, or undefined.
 */
export function resolveEndpoint(nodes: Record<string, unknown>, end: string): string[] | undefined {
  if (Object.prototype.hasOwnProperty.call(nodes, end)) return [end];
  for (let i = end.indexOf('.'); i > 0; i = end.indexOf('.', i + 1)) {
    const head = end.slice(0, i);
    const sub = (Object.hasOwn(nodes, head) ? nodes[head] : undefined) as { type?: unknown; nodes?: Record<string, unknown> } | undefined;
    if (sub && sub.type === 'NIRGraph' && sub.nodes) {
      const rest = resolveEndpoint(sub.nodes, end.slice(i + 1));
      if (rest) return [head, ...rest];
    }
  }
  return undefined;
}
