import type { Metadata, NirArray, NirGraph, NirNode, NodeType } from './types.js';
import { NODE_SPECS, SAME_SHAPE } from './node-spec.js';
import type { FieldSpec } from './node-spec.js';
import { NirError } from './nir-error.js';
import type { NirErrorLocation } from './nir-error.js';
import { describe, filledLike, isNirArray, MAX_ELEMENTS, numel, sameShape, shapeStr, toNirArray } from './nir-array.js';
import { checkGraph } from './check-graph.js';
import { repairDanglingEdges } from './repair-dangling-edges.js';
import { resolveEndpoint } from './resolve-endpoint.js';
import { spatial } from './spatial.js';
import { checkAllFinite, checkInt, located } from './nir-validators.js';
import type { EdgeRepair } from './repair-dangling-edges.js';

/** Options of {@link createGraph} (and of the readers, which build the graph the same way). */
export interface GraphOptions {
  /**
   * Infer shapes and check every edge: true / 'strict' (default), 'relaxed' (an edge whose shapes
   * differ but hold as many elements passes; see `compile`'s `typeCheck`), or false (no check).
   */
  typeCheck?: boolean | 'strict' | 'relaxed';
  /**
   * `'rename-dangling'`: in each graph, an edge end naming a missing node is
   * renamed to the one node of that graph that no edge mentions, when there is
   * exactly one (fixes files like the paper's Braille `_subgraph` file, whose
   * subgraph holds `lif1` while its edges say `lif`). Default: no repair.
   */
  repair?: 'none' | 'rename-dangling';
}

type Fields = Record<string, unknown>;

/**
 * Build a validated node of one of the 18 leaf types (for graphs use
 * {@link createGraph}). Arrays may be NirArrays, number[] or typed arrays;
 * optional fields get nir 1.0.7's defaults (`v_reset` = 0, `w_in` = 1,
 * `input_shape` / `input_type` = null, metadata = {}). Like nir's `Conv2d`
 * constructor, an integer Conv2d `stride`, `padding` or `dilation` becomes a
 * pair `[n, n]` (files keep what they hold).
 * Throws NirError naming the node and field.
 */
export function createNode<T extends Exclude<NodeType, 'NIRGraph'>>(
  type: T,
  fields: Fields,
  where: NirErrorLocation = {},
): Extract<NirNode, { type: T }> {
  const raw: Fields = { ...fields, type };
  if (type === 'Conv2d') {
    for (const k of ['stride', 'padding', 'dilation']) {
      const v = raw[k];
      if (typeof v === 'number' || typeof v === 'bigint') raw[k] = [Number(v), Number(v)];
    }
  }
  return validateNode(raw, where.node ?? '', where) as Extract<NirNode, { type: T }>;
}

/** Build a validated graph: nodes (validated recursively), edges, metadata. */
export function createGraph(
  fields: { nodes: Record<string, unknown>; edges: unknown; metadata?: unknown },
  opts: GraphOptions = {},
  where: NirErrorLocation = {},
): NirGraph {
  return graphFromRaw({ type: 'NIRGraph', ...fields }, opts, where);
}

/**
 * A raw graph object (from a file, JSON or createGraph) to a validated graph:
 * the optional repair (renames appended to `repairs`), validation, the check
 * that the top node is a NIRGraph, and type checking unless turned off.
 */
export function graphFromRaw(raw: unknown, opts: GraphOptions, where: NirErrorLocation, repairs: EdgeRepair[] = []): NirGraph {
  const path = where.node ?? '';
  const fixed = opts.repair === 'rename-dangling' ? repairDanglingEdges(raw, path, repairs) : raw;
  const g = validateNode(fixed, path, where);
  if (g.type !== 'NIRGraph') throw new NirError(`the top node must be a NIRGraph, got ${g.type}`, { ...where, node: path, field: 'type' });
  if (opts.typeCheck !== false) checkGraph(g, where, { typeCheck: opts.typeCheck === 'relaxed' ? 'relaxed' : 'strict' });
  return g;
}

/** Validate any node object (a graph included); `path` names it in errors. */
export function validateNode(raw: unknown, path: string, where: NirErrorLocation = {}): NirNode {
  const at = (field?: string): NirErrorLocation => ({ file: where.file, node: path, field });
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    throw new NirError(`expected a node object, got ${describe(raw)}`, at());
  const r = raw as Fields;
  const type = r.type;
  if (type === 'NIRGraph') return validateGraph(r, path, where);
  if (typeof type !== 'string' || !Object.hasOwn(NODE_SPECS, type)) {
    throw new NirError(`unknown node type ${typeof type === 'string' ? `'${type}'` : describe(type)}`, at('type'));
  }
  const spec = NODE_SPECS[type as keyof typeof NODE_SPECS];
  const known = new Set(['type', 'metadata', ...spec.fields.map((s) => s.name)]);
  for (const k of Object.keys(r)) if (!known.has(k)) throw new NirError(`unknown field for ${type}`, at(k));
  const out: Fields = { type };
  for (const fs of spec.fields) {
    let v = r[fs.name];
    if (v === undefined && fs.default !== undefined) {
      if (fs.default === 'null') v = null;
      else {
        const [how, like] = fs.default.split(':');
        const base = out[like] as NirArray | undefined;
        if (base === undefined) throw new NirError('missing field', at(like));
        v = filledLike(base, how === 'onesLike' ? 1 : 0);
      }
    }
    if (v === undefined) throw new NirError('missing field', at(fs.name));
    out[fs.name] = coerceField(type, fs, v, at(fs.name));
  }
  out.metadata = validateMetadata(r.metadata ?? {}, at('metadata'));
  checkSemantics(type as keyof typeof NODE_SPECS, out, at);
  return out as unknown as NirNode;
}

function validateGraph(r: Fields, path: string, where: NirErrorLocation): NirGraph {
  const at = (field?: string, edge?: [string, string]): NirErrorLocation => ({ file: where.file, node: path, field, edge });
  for (const k of Object.keys(r)) {
    if (!['type', 'nodes', 'edges', 'metadata'].includes(k)) throw new NirError('unknown field for NIRGraph', at(k));
  }
  const nodesRaw = r.nodes;
  if (typeof nodesRaw !== 'object' || nodesRaw === null || Array.isArray(nodesRaw))
    throw new NirError(`expected a group of nodes, got ${describe(nodesRaw)}`, at('nodes'));
  const nodes: Record<string, NirNode> = {};
  for (const [name, n] of Object.entries(nodesRaw as Fields)) {
    const bad = badName(name);
    if (bad !== null) throw new NirError(`bad node name ${JSON.stringify(name)}: ${bad}`, at('nodes'));
    nodes[name] = validateNode(n, path === '' ? name : `${path}/${name}`, where);
  }
  if (r.edges === undefined) throw new NirError('missing field', at('edges'));
  if (!Array.isArray(r.edges)) throw new NirError(`expected a list of edges, got ${describe(r.edges)}`, at('edges'));
  const edges: [string, string][] = [];
  for (const e of r.edges as unknown[]) {
    if (!Array.isArray(e) || e.length !== 2 || typeof e[0] !== 'string' || typeof e[1] !== 'string') {
      throw new NirError(`each edge must be a pair of node names, got ${describe(e)}`, at('edges'));
    }
    const edge: [string, string] = [e[0], e[1]];
    for (const end of edge) {
      if (resolveEndpoint(nodes, end) === undefined) {
        throw new NirError(
          `dangling edge: no node '${end}' in ${path === '' ? 'the graph' : `graph '${path}'`} (nodes: ${Object.keys(nodes).join(', ')})`,
          at(undefined, edge),
        );
      }
    }
    edges.push(edge);
  }
  const metadata = validateMetadata(r.metadata ?? {}, at('metadata'));
  return { type: 'NIRGraph', nodes, edges, metadata };
}

/**
 * Why a node name or metadata key cannot be stored as an HDF5 link name (and read back the same),
 * or null when it can: empty, '.', '..', holding '/' or NUL, or '__proto__' (reserved here: it is
 * an object's prototype in JavaScript).
 */
export function badName(name: string): string | null {
  if (name === '') return 'empty';
  if (name === '.' || name === '..') return 'not a valid HDF5 link name';
  if (name.includes('/')) return "holds '/'";
  if (name.includes('\0')) return 'holds a NUL character';
  if (name === '__proto__') return 'reserved';
  return null;
}

/** An integer field (a number, bigint or 0-d array) of node type `type`, checked to be a safe integer >= min. */
function coerceInt(type: string, v: unknown, where: NirErrorLocation, min = Number.MIN_SAFE_INTEGER): number {
  let n: number;
  if (typeof v === 'bigint') n = Number(v);
  else if (typeof v === 'number') n = v;
  else if (isNirArray(v) && v.shape.length === 0) n = v.data[0];
  else throw new NirError(`expected an integer, got ${describe(v)}`, where);
  return located(where, () => checkInt(type, where.field ?? 'value', n, min));
}

function coerceShape(v: unknown, where: NirErrorLocation): NirArray {
  const a = toNirArray(v, where, true);
  if (a.shape.length !== 1)
    throw new NirError(`expected a 1-d list of sizes, got shape ${shapeStr(a.shape)}`, { ...where, code: 'ERR_SHAPE' });
  for (const s of a.data) if (s < 0) throw new NirError(`sizes must be >= 0, got ${s}`, { ...where, code: 'ERR_OUT_OF_RANGE' });
  let n = 1;
  for (const s of a.data) n *= s;
  if (n > MAX_ELEMENTS) throw new NirError(`absurd size: [${Array.from(a.data).join(', ')}]`, { ...where, code: 'ERR_OUT_OF_RANGE' });
  return a;
}

function coerceField(type: string, fs: FieldSpec, v: unknown, where: NirErrorLocation): unknown {
  switch (fs.kind) {
    case 'array':
      return toNirArray(v, where);
    case 'shape':
      return coerceShape(v, where);
    case 'int':
      return coerceInt(type, v, where);
    case 'intOrNull':
      return v === null ? null : coerceInt(type, v, where, 1);
    case 'shapeOrNull':
      return v === null ? null : coerceShape(v, where);
    case 'padding':
      if (typeof v === 'string') {
        if (v !== 'same' && v !== 'valid') throw new NirError(`padding must be 'same', 'valid' or integers, got '${v}'`, where);
        return v;
      }
      return coerceIntOrArray(type, v, where);
    case 'intOrArray':
      return coerceIntOrArray(type, v, where);
  }
}

/** An integer (a scalar, 0-d array included) or a 1-d integer array. */
function coerceIntOrArray(type: string, v: unknown, where: NirErrorLocation): number | NirArray {
  if (typeof v === 'number' || typeof v === 'bigint' || (isNirArray(v) && v.shape.length === 0)) return coerceInt(type, v, where, 0);
  return coerceShape(v, where);
}

function validateMetadata(v: unknown, where: NirErrorLocation, depth = 0): Metadata {
  if (depth > 32) throw new NirError('metadata nested too deeply', where);
  if (typeof v !== 'object' || v === null || Array.isArray(v) || isNirArray(v))
    throw new NirError(`metadata must be a dictionary, got ${describe(v)}`, where);
  const out: Metadata = {};
  for (const [k, x] of Object.entries(v as Fields)) {
    const w = { ...where, field: `${where.field ?? 'metadata'}/${k}` };
    const bad = badName(k);
    if (bad !== null) throw new NirError(`bad metadata key ${JSON.stringify(k)}: ${bad}`, where);
    if (typeof x === 'string' || typeof x === 'number' || typeof x === 'bigint') out[k] = x;
    else if (isNirArray(x)) out[k] = toNirArray(x, w);
    else if (typeof x === 'object' && x !== null && !Array.isArray(x)) out[k] = validateMetadata(x, w, depth + 1);
    else throw new NirError(`unsupported metadata value ${describe(x)}`, w);
  }
  return out;
}

function checkSemantics(type: keyof typeof NODE_SPECS, n: Fields, at: (field?: string) => NirErrorLocation): void {
  const arr = (k: string) => n[k] as NirArray;
  const group = SAME_SHAPE[type];
  if (group) {
    const ref = arr(group[0]).shape;
    for (const k of group.slice(1)) {
      if (!sameShape(arr(k).shape, ref))
        throw new NirError(`shape ${shapeStr(arr(k).shape)} differs from '${group[0]}' ${shapeStr(ref)}`, { ...at(k), code: 'ERR_SHAPE' });
    }
  }
  switch (type) {
    case 'Affine':
    case 'Linear': {
      const w = arr('weight');
      if (w.shape.length !== 2)
        throw new NirError(`weight must be 2-d (out, in), got shape ${shapeStr(w.shape)}`, { ...at('weight'), code: 'ERR_SHAPE' });
      if (type === 'Affine' && !sameShape(arr('bias').shape, [w.shape[0]])) {
        throw new NirError(`bias shape ${shapeStr(arr('bias').shape)} must be [${w.shape[0]}]`, { ...at('bias'), code: 'ERR_SHAPE' });
      }
      break;
    }
    case 'LI':
    case 'LIF':
    case 'CubaLI':
    case 'CubaLIF':
      for (const k of type === 'LI' || type === 'LIF' ? ['tau'] : ['tau_syn', 'tau_mem'])
        for (const x of arr(k).data)
          if (!(x > 0)) throw new NirError(`time constants must be > 0 (+inf: no leak), got ${x}`, { ...at(k), code: 'ERR_OUT_OF_RANGE' });
      break;
    case 'Delay':
      located(at('delay'), () => checkAllFinite(type, 'delay', arr('delay').data));
      for (const d of arr('delay').data)
        if (d < 0) throw new NirError(`delays must be >= 0, got ${d}`, { ...at('delay'), code: 'ERR_OUT_OF_RANGE' });
      break;
    case 'Conv1d':
    case 'Conv2d': {
      const nd = type === 'Conv1d' ? 1 : 2;
      const w = arr('weight');
      if (w.shape.length !== nd + 2)
        throw new NirError(`weight must be ${nd + 2}-d, got shape ${shapeStr(w.shape)}`, { ...at('weight'), code: 'ERR_SHAPE' });
      const groups = n.groups as number;
      if (groups < 1 || w.shape[0] % groups !== 0)
        throw new NirError(`groups ${groups} must be >= 1 and divide ${w.shape[0]} output channels`, at('groups'));
      if (!sameShape(arr('bias').shape, [w.shape[0]]))
        throw new NirError(`bias shape ${shapeStr(arr('bias').shape)} must be [${w.shape[0]}]`, { ...at('bias'), code: 'ERR_SHAPE' });
      for (const k of ['stride', 'dilation'])
        if (spatial(n[k] as number | NirArray, nd, at(k)).some((s) => s < 1))
          throw new NirError('must be >= 1', { ...at(k), code: 'ERR_OUT_OF_RANGE' });
      if (typeof n.padding !== 'string') spatial(n.padding as number | NirArray, nd, at('padding'));
      if (type === 'Conv2d' && n.input_shape !== null && (n.input_shape as NirArray).data.length !== 2) {
        throw new NirError(`input_shape must hold 2 sizes, got ${(n.input_shape as NirArray).data.length}`, {
          ...at('input_shape'),
          code: 'ERR_SHAPE',
        });
      }
      break;
    }
    case 'SumPool2d':
    case 'AvgPool2d':
      for (const k of ['kernel_size', 'stride', 'padding']) {
        const s = spatial(n[k] as number | NirArray, 2, at(k));
        if (k !== 'padding' && s.some((x) => x < 1)) throw new NirError('must be >= 1', { ...at(k), code: 'ERR_OUT_OF_RANGE' });
      }
      break;
    default:
      break;
  }
  for (const [k, v] of Object.entries(n)) {
    if (isNirArray(v) && numel(v.shape) > MAX_ELEMENTS) throw new NirError('absurd size', { ...at(k), code: 'ERR_OUT_OF_RANGE' });
  }
}
