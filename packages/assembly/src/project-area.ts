import type { Rng } from '@neurite/tensor';
import type { AreaState, BrainParams, BrainState } from './brain-state.js';
import { selectScratch } from './brain-state.js';
import { kCapIndices } from './k-cap.js';
import { sampleCandidates } from './sample-candidates.js';
import { recruitWinner } from './recruit-winner.js';
import { hebbianUpdate } from './hebbian-update.js';

/**
 * One round of area T from the stimuli `stims` and the current winners of
 * the source areas `srcs` (indices, ascending); returns T's next winners
 * (ascending) and sets T.numNewWinners. The winners themselves are assigned
 * by the caller, once every target of the round is computed (all targets
 * update at once from the previous winners).
 * 1. inputs of the known neurons: Σ stimulus weights + Σ synapses from source winners;
 * 2. candidates among the never-fired neurons (lazy areas; sampleCandidates);
 * 3. k-cap over known + candidates (ties to the lower index: known neurons first);
 * 4. recruitment of the candidates that won (recruitWinner), new synapses stored;
 * 5. Hebbian update into the winners (hebbianUpdate), if plasticity is on.
 * A fixed area keeps its winners (steps 2-4 skipped).
 */
export function projectArea(
  state: BrainState,
  params: BrainParams,
  rng: Rng,
  T: AreaState,
  stims: readonly number[],
  srcs: readonly number[],
): Int32Array {
  const { areas, stimuli, conn, scratch } = state;
  const k = T.k,
    w0 = T.w;
  // 1. exact inputs of the known neurons
  if (scratch.inputs.length < w0 + k) scratch.inputs = new Float64Array(Math.max(2 * scratch.inputs.length, w0 + k));
  const inputs = scratch.inputs;
  inputs.fill(0, 0, w0 + k);
  for (const s of stims) {
    const d = T.stimWeights[s].data;
    for (let i = 0; i < w0; i++) inputs[i] += d[i];
  }
  for (const si of srcs) {
    const store = conn[si][T.index];
    const { start, len } = store;
    const cols = store.cols,
      wts = store.weights;
    for (const s of areas[si].winners) {
      for (let e = start[s], end = e + len[s]; e < end; e++) inputs[cols[e]] += wts[e];
    }
  }
  let totalK = 0;
  for (const s of stims) totalK += stimuli[s].size;
  for (const si of srcs) totalK += areas[si].winners.length;

  let next: Int32Array;
  let numNew = 0;
  if (T.fixed) {
    next = T.winners.slice();
  } else {
    // 2. candidates
    const nc = T.explicit ? 0 : sampleCandidates(params, rng, scratch, T, totalK);
    // 3. k-cap over known + candidates
    const total = w0 + nc;
    const kk = Math.min(k, total);
    next = kCapIndices(inputs, total, kk, selectScratch(scratch, total));
    // ascending: the known winners (< w0) first, then the winning candidates, recruited in that order as w0, w0 + 1, …
    while (numNew < kk && next[kk - 1 - numNew] >= w0) numNew++;
    const firstNew = kk - numNew;
    // 4. recruitment (recruitWinner leaves scratch.inputs alone: the candidates' inputs are still there)
    for (let j = 0; j < numNew; j++) {
      recruitWinner(state, params.p, rng, T, stims, srcs, inputs[next[firstNew + j]], totalK);
      next[firstNew + j] = w0 + j;
    }
    if (numNew > 0) for (const S of areas) conn[S.index][T.index].flush();
  }
  T.numNewWinners = numNew;
  // 5. Hebbian plasticity
  if (params.plasticity) hebbianUpdate(state, params.maxWeight, T, stims, srcs, next);
  return next;
}
