import type { Rng } from '@neurite/tensor';
import type { AreaState, BrainState } from './brain-state.js';
import { nonWinners } from './non-winners.js';
import { splitInput } from './split-input.js';

/**
 * Adds one never-fired neuron with total input `input` from the K = totalK
 * neurons firing into lazy area T (the stimuli `stims`, then the winners of
 * the source areas `srcs`, in that order):
 * - its m = round(input) synapses from the firing neurons are a uniform
 *   m-subset of them: the count per stimulus and per source area is drawn
 *   multivariate hypergeometric (splitInput), and the source winners it
 *   connects to are a uniform sample of that area's winners. The stimulus
 *   count becomes its stimulus weight; the picked winners get a synapse of
 *   weight 1 into it (queued in the store until the round's flush);
 * - a stimulus that did not fire gives it Binomial(size, p) synapses;
 * - every other known neuron of every area (non-winners of firing sources,
 *   all neurons of the others) has a Bernoulli(p) synapse into it;
 * - it has Bernoulli(p) synapses out to every known neuron, itself included.
 * The cost follows the synapses created (O(m_areas + p·Σw)), not K: a
 * stimulus of 10⁹ neurons costs as much as one of 10.
 */
export function recruitWinner(
  state: BrainState,
  p: number,
  rng: Rng,
  T: AreaState,
  stims: readonly number[],
  srcs: readonly number[],
  input: number,
  totalK: number,
): void {
  const { areas, stimuli, conn, scratch } = state;
  const t = T.w;
  const m = Math.min(totalK, Math.max(0, Math.round(input)));
  const nB = stims.length + srcs.length;
  if (scratch.blockCounts.length < 2 * nB) scratch.blockCounts = new Float64Array(4 * nB);
  const sizes = scratch.blockCounts.subarray(0, nB),
    counts = scratch.blockCounts.subarray(nB, 2 * nB);
  for (let b = 0; b < stims.length; b++) sizes[b] = stimuli[stims[b]].size;
  for (let j = 0; j < srcs.length; j++) sizes[stims.length + j] = areas[srcs[j]].winners.length;
  splitInput(rng, m, sizes, counts);
  for (let j = 0; j < srcs.length; j++) {
    const c = counts[stims.length + j];
    if (c === 0) continue;
    const win = areas[srcs[j]].winners;
    const picks = rng.sampleWithoutReplacement(win.length, c);
    const store = conn[srcs[j]][T.index];
    for (let i = 0; i < c; i++) store.queue(win[picks[i]], t);
  }
  for (let s = 0; s < stimuli.length; s++) {
    const b = stims.indexOf(s);
    T.stimWeights[s].push(b >= 0 ? counts[b] : rng.binomial(stimuli[s].size, p));
  }
  // incoming synapses from every other known neuron
  for (const S of areas) {
    const store = conn[S.index][T.index];
    if (!srcs.includes(S.index)) {
      const c = rng.binomial(S.w, p);
      if (c > 0) {
        const rows = rng.sampleWithoutReplacement(S.w, c);
        for (let i = 0; i < c; i++) store.queue(rows[i], t);
      }
      continue;
    }
    const nonWin = nonWinners(S, scratch);
    const pop = S.w - S.winners.length;
    const c = pop > 0 ? rng.binomial(pop, p) : 0;
    if (c > 0) {
      const rows = rng.sampleWithoutReplacement(pop, c);
      const nOld = nonWin.length,
        base = S.w - (pop - nOld);
      for (let i = 0; i < c; i++) {
        const r = rows[i];
        store.queue(r < nOld ? nonWin[r] : base + (r - nOld), t);
      }
    }
  }
  T.w = t + 1;
  // outgoing synapses of the new neuron into every known neuron (itself included)
  for (const A of areas) {
    const c = rng.binomial(A.w, p);
    const store = conn[T.index][A.index];
    if (c > 0) store.addRow(rng.sampleWithoutReplacement(A.w, c), 1, 0, c);
    else store.addRow();
  }
}
