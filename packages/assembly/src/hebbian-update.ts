import type { AreaState, BrainState } from './brain-state.js';

/**
 * Hebbian plasticity into area T after a round: every synapse from a firing
 * stimulus neuron (stimuli `stims`) or a current winner of a source area
 * (`srcs`) into one of T's `winners` is multiplied by 1 + β, β of that source
 * into T, and capped: w ← min(w·(1 + β), maxWeight). Touches only those
 * synapses: O(Σ_src k_src · (synapses per row)).
 */
export function hebbianUpdate(
  state: BrainState,
  maxWeight: number,
  T: AreaState,
  stims: readonly number[],
  srcs: readonly number[],
  winners: Int32Array,
): void {
  const cap = maxWeight;
  for (const s of stims) {
    const beta = T.betaFromStim[s];
    if (beta === 0) continue;
    const d = T.stimWeights[s].data,
      f = 1 + beta;
    for (const i of winners) {
      const v = d[i] * f;
      d[i] = v > cap ? cap : v;
    }
  }
  const scratch = state.scratch;
  if (scratch.mask.length < T.w) scratch.mask = new Uint8Array(Math.max(2 * scratch.mask.length, T.w));
  const mask = scratch.mask;
  for (const i of winners) mask[i] = 1;
  for (const si of srcs) {
    const beta = T.betaFromArea[si];
    if (beta === 0) continue;
    const f = 1 + beta;
    const store = state.conn[si][T.index];
    const { start, len } = store;
    const cols = store.cols,
      wts = store.weights;
    for (const s of state.areas[si].winners) {
      for (let e = start[s], end = e + len[s]; e < end; e++) {
        if (mask[cols[e]]) {
          const v = wts[e] * f;
          wts[e] = v > cap ? cap : v;
        }
      }
    }
  }
  for (const i of winners) mask[i] = 0;
}
