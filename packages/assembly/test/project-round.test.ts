import { describe, it, expect } from 'vitest';
import { createRng } from '@neurite/tensor';
import { newRoundScratch, type BrainState } from '../src/brain-state.js';
import { addStimulusState } from '../src/add-stimulus-state.js';
import { addAreaState } from '../src/add-area-state.js';
import { projectRound } from '../src/project-round.js';

const params = { p: 0.05, sampler: 'reference' as const, maxWeight: Infinity, plasticity: true, saveWinners: true };

/** A state with a stimulus of 30 neurons and lazy areas A, B (n = 3000, k = 30, β = 0.1), built by the core functions. */
function newState(seed: number) {
  const rng = createRng(seed);
  const state: BrainState = { areas: [], stimuli: [], conn: [], scratch: newRoundScratch() };
  addStimulusState(state, params.p, rng, 's', 30);
  for (const name of ['A', 'B'])
    addAreaState(state, params.p, rng, {
      name,
      n: 3000,
      k: 30,
      beta: 0.1,
      explicit: false,
      innerP: params.p,
      outP: params.p,
      inP: params.p,
    });
  return { state, rng };
}

describe('projectRound (the functional core without the Brain shell)', () => {
  it('is a function of the state, the plan and the generator: equal inputs give equal rounds', () => {
    const run = () => {
      const { state, rng } = newState(4);
      projectRound(state, params, rng, { stimIn: [[0], [0]], areaIn: [[], []] });
      const updated = projectRound(state, params, rng, { stimIn: [[0], []], areaIn: [[0, 1], [0]] });
      return {
        updated,
        A: Array.from(state.areas[0].winners),
        B: Array.from(state.areas[1].winners),
        hist: state.areas.map((a) => a.supportHistory),
      };
    };
    const a = run(),
      b = run();
    expect(a).toEqual(b);
    expect(a.updated).toEqual([0, 1]);
    expect(a.hist[0].length).toBe(2);
  });

  it('updates every target from the winners all areas had before the round', () => {
    // A → B and B → A in one round: B's new winners must come from A's previous winners.
    // Recompute B's inputs from the stored synapses of A's previous winners and check that
    // every new winner that was already known has an input >= every known non-winner's.
    const { state, rng } = newState(6);
    projectRound(state, params, rng, { stimIn: [[0], [0]], areaIn: [[], []] });
    for (let t = 0; t < 3; t++) projectRound(state, params, rng, { stimIn: [[0], [0]], areaIn: [[0], [1]] });
    const prevA = state.areas[0].winners;
    const wB = state.areas[1].w;
    const inputs = new Float64Array(wB);
    const stimB = state.areas[1].stimWeights[0].data;
    for (let i = 0; i < wB; i++) inputs[i] = stimB[i];
    const store = state.conn[0][1];
    for (const s of prevA) for (let e = store.start[s]; e < store.start[s] + store.len[s]; e++) inputs[store.cols[e]] += store.weights[e];
    projectRound(state, { ...params, plasticity: false }, rng, { stimIn: [[0], [0]], areaIn: [[1], [0]] });
    const winB = new Set(state.areas[1].winners);
    let minWinner = Infinity,
      maxLoser = -Infinity;
    for (let i = 0; i < wB; i++) {
      if (winB.has(i)) minWinner = Math.min(minWinner, inputs[i]);
      else maxLoser = Math.max(maxLoser, inputs[i]);
    }
    expect(wB).toBeGreaterThan(30); // known non-winners exist
    expect(minWinner).toBeLessThan(Infinity);
    expect(minWinner).toBeGreaterThanOrEqual(maxLoser);
    expect(state.areas[0].winnersHistory.length).toBe(5);
  });
});
