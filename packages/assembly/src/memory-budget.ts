import { randomStoreCapacity } from './random-synapse-store.js';
import { linkProbabilities, type AreaSpec } from './add-area-state.js';
import type { BrainState } from './brain-state.js';

/**
 * Default memory budget of a Brain, in bytes (2 GiB): what one new area may
 * make the brain hold, estimated before anything is allocated. Raise it with
 * `new Brain(p, seed, { memoryBudget })`.
 */
export const DEFAULT_MEMORY_BUDGET = 2 ** 31;

/** One connectome an area would add: rows × cols synapses of probability p. */
export interface PlannedStore {
  rows: number;
  cols: number;
  p: number;
}

/**
 * Bytes that adding an area of n known neurons (explicit: n; lazy: 0) needs:
 * per connectome, its pool (Int32 target + Float32 weight per slot, expected
 * synapses + 30% + 4 per row) and row tables (3 Int32 per row), plus
 * randomCSR's transient indices (4 bytes per expected synapse, + indptr); per
 * area, the ever-fired flags, one Float32 stimulus weight per neuron and
 * stimulus, and the round buffers (inputs, k-cap scratch: 2 × 8 bytes, mask:
 * 1 byte per neuron).
 */
export function areaBytes(n: number, stimuli: number, stores: readonly PlannedStore[]): number {
  let bytes = n * (1 + 4 * stimuli + 17);
  for (const s of stores) {
    const { rowCapacity, poolCapacity } = randomStoreCapacity(s.rows, s.cols, s.p);
    bytes += 8 * poolCapacity + 12 * rowCapacity + 4 * (s.rows * s.cols * s.p + s.rows + 1);
  }
  return bytes;
}

/** Bytes a lazy area reserves up front in the budget: its per-round buffers, ≈ 64 bytes per winner. */
const LAZY_BYTES_PER_K = 64;

/**
 * Bytes that adding the area `spec` to `state` needs (addAreaState's
 * connectomes and arrays, estimated by areaBytes); a lazy area: its per-round
 * buffers only (it grows as neurons fire, which the budget does not track).
 */
export function newAreaBytes(state: BrainState, p: number, spec: AreaSpec): number {
  if (!spec.explicit) return LAZY_BYTES_PER_K * spec.k;
  const planned: PlannedStore[] = [];
  for (const other of state.areas) {
    const link = linkProbabilities(spec, other.explicit, p);
    planned.push({ rows: spec.n, cols: other.w, p: link.out }, { rows: other.w, cols: spec.n, p: link.in });
  }
  planned.push({ rows: spec.n, cols: spec.n, p: spec.innerP });
  return areaBytes(spec.n, state.stimuli.length, planned);
}

/** Synapses stored and bytes held by the state's connectomes, stimulus weights and ever-fired flags. */
export function heldMemory(state: BrainState): { synapses: number; bytes: number } {
  let synapses = 0,
    bytes = 0;
  for (const row of state.conn)
    for (const st of row) {
      synapses += st.nnz;
      bytes += st.bytes;
    }
  for (const a of state.areas) {
    for (const v of a.stimWeights) bytes += v.data.byteLength;
    if (a.everFired) bytes += a.everFired.byteLength;
  }
  return { synapses, bytes };
}

/** "1.5 GiB", "300 MiB", "12 KiB". */
export function formatBytes(b: number): string {
  const units = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];
  let i = 0;
  while (b >= 1024 && i < units.length - 1) {
    b /= 1024;
    i++;
  }
  return `${i === 0 ? b.toFixed(0) : b.toPrecision(3)} ${units[i]}`;
}
