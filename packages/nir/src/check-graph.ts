import type { NirArray, NirGraph, NirNode } from './types.js';
import { NirError } from './nir-error.js';
import type { NirErrorLocation } from './nir-error.js';
import { numel, sameShape, shapeStr } from './nir-array.js';
import { resolveEndpoint } from './resolve-endpoint.js';
import { spatial } from './spatial.js';

/** Inferred input and output shape of one node (no batch dim); null when unknown. */
export interface NodeShapes {
  /** Shape the node takes (no batch dimension), or null when unknown. */
  input: number[] | null;
  /** Shape the node gives (no batch dimension), or null when unknown. */
  output: number[] | null;
}

/** Shapes of every node of a graph, by name; nested graphs carry their own map. */
export interface GraphShapes {
  /** Shapes by node name; a nested graph's node carries the map of its own nodes in `inner`. */
  nodes: Record<string, NodeShapes & { inner?: GraphShapes }>;
  /** Edges whose shapes differ (typeCheck 'relaxed' or 'report'), from this graph and every nested one. */
  problems: ShapeProblem[];
}

/** An edge whose source gives another shape than its target takes. */
export interface ShapeProblem {
  /** The graph holding the edge ('' for the top graph, else its path `a/b`). */
  graph: string;
  /** The edge, or null for a node whose input does not fit it at all (only listed by 'report'). */
  edge: [string, string] | null;
  /** Shape the edge's source gives, or null when unknown. */
  gives: number[] | null;
  /** Shape the edge's target takes, or null when unknown. */
  takes: number[] | null;
  /** Same number of elements: the relaxed check reshapes the value across the edge. */
  reshapable: boolean;
  /** One line, e.g. `edge 'lif' -> 'output': shape mismatch: 'lif' gives [1] but 'output' takes [1, 1, 1]`. */
  message: string;
}

/**
 * How {@link checkGraph} treats an edge whose shapes differ: 'strict' throws; 'relaxed' lists it in
 * `problems` when both shapes hold as many elements (the executor reshapes it) and throws otherwise;
 * 'report' lists every mismatch and never throws over one (for tools that show a file as it is).
 */
export type TypeCheckMode = 'strict' | 'relaxed' | 'report';

/**
 * Output size of a convolution or pooling along one dim (the nir / PyTorch formula):
 * `floor((n + 2p − d (k − 1) − 1) / s + 1)`; with padding 'same' it is n.
 */
export function convOutputSize(n: number, k: number, s: number, p: number | 'same' | 'valid', d = 1): number {
  if (p === 'same') return n;
  const pad = p === 'valid' ? 0 : p;
  return Math.floor((n + 2 * pad - d * (k - 1) - 1) / s + 1);
}

/** nir's flatten: merge dims start..end (negative counts from the end) of a shape without batch dim. */
export function flattenShape(shape: readonly number[], start: number, end: number): number[] {
  const nd = shape.length;
  const s = start < 0 ? nd + start : start;
  const e = end < 0 ? nd + end : end;
  if (s < 0 || e >= nd || s > e)
    throw new NirError(`cannot flatten dims ${start}..${end} of shape ${shapeStr(shape)}`, { code: 'ERR_SHAPE' });
  return [...shape.slice(0, s), numel(shape.slice(s, e + 1)), ...shape.slice(e + 1)];
}

const arrShape = (a: NirArray): number[] | null => (a.shape.length === 0 ? null : [...a.shape]);

/** The input shape a node declares by itself (from its parameters), or null. */
function intrinsicInput(n: NirNode, inner?: GraphShapes): number[] | null {
  switch (n.type) {
    case 'Input':
    case 'Output':
      return Array.from(n.shape.data);
    case 'Affine':
    case 'Linear':
      return [n.weight.shape[1]];
    case 'Scale':
      return arrShape(n.scale);
    case 'Delay':
      return arrShape(n.delay);
    case 'Threshold':
      return arrShape(n.threshold);
    case 'I':
    case 'IF':
    case 'LI':
    case 'LIF':
    case 'CubaLI':
    case 'CubaLIF':
      return arrShape(n.r);
    case 'Conv1d':
      return n.input_shape === null ? null : [n.weight.shape[1] * n.groups, n.input_shape];
    case 'Conv2d':
      return n.input_shape === null ? null : [n.weight.shape[1] * n.groups, ...Array.from(n.input_shape.data)];
    case 'Flatten':
      return n.input_type === null ? null : Array.from(n.input_type.data);
    case 'SumPool2d':
    case 'AvgPool2d':
      return null;
    case 'NIRGraph': {
      const ins = Object.entries(n.nodes).filter(([, x]) => x.type === 'Input');
      return ins.length === 1 && inner ? inner.nodes[ins[0][0]].input : null;
    }
  }
}

/** Output shape of a node for a given input shape; throws a bare NirError if the input does not fit. */
function outputOf(n: NirNode, input: number[], inner?: GraphShapes): number[] | null {
  switch (n.type) {
    case 'Input':
    case 'Output':
      return Array.from(n.shape.data);
    case 'Affine':
    case 'Linear':
      return [n.weight.shape[0]];
    case 'Conv1d':
    case 'Conv2d': {
      const nd = n.type === 'Conv1d' ? 1 : 2;
      if (input.length !== nd + 1)
        throw new NirError(`${n.type} needs a ${nd + 1}-d input (C, …), got ${shapeStr(input)}`, { code: 'ERR_SHAPE' });
      const k = n.weight.shape.slice(2);
      const s = spatial(n.stride, nd, {});
      const d = spatial(n.dilation, nd, {});
      const p = typeof n.padding === 'string' ? new Array<'same' | 'valid'>(nd).fill(n.padding) : spatial(n.padding, nd, {});
      const out = [n.weight.shape[0], ...k.map((kk, i) => convOutputSize(input[1 + i], kk, s[i], p[i], d[i]))];
      if (out.some((x) => x < 1)) throw new NirError(`${n.type} output would be empty: ${shapeStr(out)}`, { code: 'ERR_SHAPE' });
      return out;
    }
    case 'SumPool2d':
    case 'AvgPool2d': {
      if (input.length !== 3 && input.length !== 2)
        throw new NirError(`${n.type} needs a (C, H, W) or (H, W) input, got ${shapeStr(input)}`, { code: 'ERR_SHAPE' });
      const k = spatial(n.kernel_size, 2, {});
      const s = spatial(n.stride, 2, {});
      const p = spatial(n.padding, 2, {});
      const off = input.length - 2;
      const out = [...input.slice(0, off), ...[0, 1].map((i) => convOutputSize(input[off + i], k[i], s[i], p[i]))];
      if (out.some((x) => x < 1)) throw new NirError(`${n.type} output would be empty: ${shapeStr(out)}`, { code: 'ERR_SHAPE' });
      return out;
    }
    case 'Flatten':
      return flattenShape(input, n.start_dim, n.end_dim);
    case 'NIRGraph': {
      if (!inner) return null;
      const outs = Object.entries(inner.nodes).filter(([k]) => n.nodes[k]?.type === 'Output');
      return outs.length === 1 ? outs[0][1].output : null;
    }
    default:
      return input;
  }
}

/**
 * Infer the shape of every node and check every edge: the shape leaving the
 * source must equal the shape the target takes, and all edges into one node
 * must agree. Conv/pool/flatten outputs follow the nir formulas (non-square
 * kernels, stride, padding, dilation per dim). Throws NirError naming the
 * graph, the edge and both shapes (code ERR_SHAPE).
 */
export function checkGraph(g: NirGraph, where: NirErrorLocation = {}, opts: { typeCheck?: TypeCheckMode } = {}): GraphShapes {
  const problems: ShapeProblem[] = [];
  const res = inferGraph(g, where.node ?? '', where.file, opts.typeCheck ?? 'strict', problems);
  return res;
}

function inferGraph(g: NirGraph, path: string, file: string | undefined, mode: TypeCheckMode, problems: ShapeProblem[]): GraphShapes {
  const sub = (name: string) => (path === '' ? name : `${path}/${name}`);
  const res: GraphShapes = { nodes: {}, problems };
  const names = Object.keys(g.nodes);
  for (const name of names) {
    const n = g.nodes[name];
    const inner = n.type === 'NIRGraph' ? inferGraph(n, sub(name), file, mode, problems) : undefined;
    const input = intrinsicInput(n, inner);
    res.nodes[name] = { input, output: null, inner };
  }
  const computeOut = (name: string) => {
    const s = res.nodes[name];
    if (s.output !== null || s.input === null) return;
    try {
      s.output = outputOf(g.nodes[name], s.input, s.inner);
    } catch (e) {
      if (!(e instanceof NirError)) throw e;
      const err = new NirError(e.reason, { file, node: sub(name), code: e.code });
      if (mode !== 'report') throw err;
      if (!problems.some((p) => p.message === err.message))
        problems.push({ graph: path, edge: null, gives: [...s.input], takes: null, reshapable: false, message: err.message });
    }
  };
  // An edge end's shapes: a node of this graph, or `sub.x` inside a nested graph.
  const endShapes = (end: string): NodeShapes & { top: string } => {
    const chain = resolveEndpoint(g.nodes, end)!;
    let cur: NodeShapes & { inner?: GraphShapes } = res.nodes[chain[0]];
    for (const c of chain.slice(1)) cur = cur.inner!.nodes[c];
    return { input: cur.input, output: cur.output, top: chain[0] };
  };
  for (let iter = 0; iter <= names.length + 1; iter++) {
    let changed = false;
    for (const name of names) computeOut(name);
    for (const [a, b] of g.edges) {
      const pa = endShapes(a);
      const pb = endShapes(b);
      if (pa.output !== null && pb.input === null && pb.top === b) {
        res.nodes[b].input = [...pa.output];
        changed = true;
        computeOut(b);
      }
    }
    if (!changed) break;
  }
  for (const name of names) computeOut(name);
  for (const edge of g.edges) {
    const pa = endShapes(edge[0]);
    const pb = endShapes(edge[1]);
    if (pa.output !== null && pb.input !== null && !sameShape(pa.output, pb.input)) {
      const reason = `shape mismatch: '${edge[0]}' gives ${shapeStr(pa.output)} but '${edge[1]}' takes ${shapeStr(pb.input)}`;
      const reshapable = numel(pa.output) === numel(pb.input);
      if (mode === 'strict' || (mode === 'relaxed' && !reshapable))
        throw new NirError(mode === 'relaxed' ? `${reason} (${numel(pa.output)} vs ${numel(pb.input)} elements)` : reason, {
          file,
          node: path,
          edge,
          code: 'ERR_SHAPE',
        });
      const err = new NirError(reason, { file, node: path, edge, code: 'ERR_SHAPE' });
      problems.push({
        graph: path,
        edge: [edge[0], edge[1]],
        gives: [...pa.output],
        takes: [...pb.input],
        reshapable,
        message: err.message,
      });
    }
  }
  return res;
}
