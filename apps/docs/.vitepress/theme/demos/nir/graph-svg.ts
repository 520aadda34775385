// A NIR graph drawn as an SVG string: nodes in layers by their longest path from an Input (edges
// that close a cycle are drawn dashed and ignored for the layering), edges as curves.
import type { NirGraph } from '@neurite/nir';

const W = 118;
const H = 34;
const GAP_X = 46;
const GAP_Y = 14;

function esc(s: string): string {
  return s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);
}

/** Shape label of a node, e.g. "LIF [12]" or "Affine 12→38". */
function nodeLabel(node: NirGraph['nodes'][string]): string {
  const dims = (a: unknown): string => {
    const v = a as { shape?: readonly number[] } | undefined;
    return v?.shape ? v.shape.join('×') : '';
  };
  switch (node.type) {
    case 'Affine':
    case 'Linear': {
      const s = (node as unknown as { weight: { shape: readonly number[] } }).weight.shape;
      return `${node.type} ${s[1]}→${s[0]}`;
    }
    case 'Input':
    case 'Output':
      return `${node.type} [${Array.from((node as unknown as { shape: { data?: ArrayLike<number> } }).shape.data ?? []).join('×')}]`;
    case 'NIRGraph':
      return `subgraph (${Object.keys(node.nodes).length})`;
    default: {
      const tau = (node as unknown as { tau?: unknown }).tau;
      const d = tau ? dims(tau) : '';
      return d ? `${node.type} [${d}]` : node.type;
    }
  }
}

export function graphSvg(graph: NirGraph): string {
  const names = Object.keys(graph.nodes);
  const out = new Map<string, string[]>(names.map((n) => [n, []]));
  for (const [a, b] of graph.edges) out.get(a)?.push(b);
  // Back edges by depth-first search from the inputs (then from any unvisited node).
  const state = new Map<string, 0 | 1 | 2>();
  const back = new Set<string>();
  const order: string[] = [];
  const roots = [...names.filter((n) => graph.nodes[n].type === 'Input'), ...names];
  for (const r of roots) {
    if (state.get(r)) continue;
    const stack: [string, number][] = [[r, 0]];
    state.set(r, 1);
    while (stack.length) {
      const top = stack[stack.length - 1];
      const next = out.get(top[0])?.[top[1]++];
      if (next === undefined) {
        state.set(top[0], 2);
        order.push(top[0]);
        stack.pop();
      } else if (state.get(next) === 1) back.add(`${top[0]}\u0000${next}`);
      else if (!state.get(next)) {
        state.set(next, 1);
        stack.push([next, 0]);
      }
    }
  }
  const layer = new Map<string, number>(names.map((n) => [n, 0]));
  for (const n of order.reverse()) {
    for (const m of out.get(n) ?? []) if (!back.has(`${n}\u0000${m}`)) layer.set(m, Math.max(layer.get(m) ?? 0, (layer.get(n) ?? 0) + 1));
  }
  const columns: string[][] = [];
  for (const n of names) (columns[layer.get(n) ?? 0] ??= []).push(n);
  const pos = new Map<string, { x: number; y: number }>();
  const tallest = Math.max(...columns.map((c) => c?.length ?? 0));
  columns.forEach((col, i) =>
    col?.forEach((n, j) => pos.set(n, { x: 8 + i * (W + GAP_X), y: 8 + j * (H + GAP_Y) + ((tallest - col.length) * (H + GAP_Y)) / 2 })),
  );
  const width = 16 + columns.length * (W + GAP_X) - GAP_X;
  const height = 16 + tallest * (H + GAP_Y) - GAP_Y;
  const parts: string[] = [];
  for (const [a, b] of graph.edges) {
    const p = pos.get(a);
    const q = pos.get(b);
    if (!p || !q) continue;
    const isBack = back.has(`${a}\u0000${b}`);
    const x1 = p.x + W;
    const y1 = p.y + H / 2;
    const x2 = q.x;
    const y2 = q.y + H / 2;
    const path = isBack
      ? `M${p.x + W / 2},${p.y + H} C${p.x + W / 2},${p.y + H + 30} ${q.x + W / 2},${q.y + H + 30} ${q.x + W / 2},${q.y + H}`
      : `M${x1},${y1} C${x1 + GAP_X / 2},${y1} ${x2 - GAP_X / 2},${y2} ${x2},${y2}`;
    parts.push(
      `<path d="${path}" fill="none" stroke="currentColor" stroke-opacity="0.55" ${isBack ? 'stroke-dasharray="4 3"' : ''} marker-end="url(#nir-arrow)"/>`,
    );
  }
  for (const n of names) {
    const p = pos.get(n)!;
    const t = graph.nodes[n].type;
    const fill = t === 'Input' || t === 'Output' ? '#e0ecff' : /LIF|IF|LI|^I$|Threshold/.test(t) ? '#ffe8cc' : '#eeeeee';
    parts.push(
      `<g><title>${esc(n)}: ${esc(t)}</title><rect x="${p.x}" y="${p.y}" width="${W}" height="${H}" rx="6" fill="${fill}" stroke="#888"/>` +
        `<text x="${p.x + W / 2}" y="${p.y + 14}" text-anchor="middle" font-size="11" font-weight="600" fill="#222">${esc(n.length > 18 ? n.slice(0, 17) + '…' : n)}</text>` +
        `<text x="${p.x + W / 2}" y="${p.y + 27}" text-anchor="middle" font-size="10" fill="#444">${esc(nodeLabel(graph.nodes[n]))}</text></g>`,
    );
  }
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height + 30}" width="${width}" height="${height + 30}" font-family="sans-serif">` +
    `<defs><marker id="nir-arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#888"/></marker></defs>` +
    parts.join('') +
    `</svg>`
  );
}
