import type { Rng } from '@neurite/tensor';
import type { AreaState, BrainState } from './brain-state.js';
import { randomStimulusWeights } from './random-stimulus-weights.js';
import { randomSynapseStore } from './random-synapse-store.js';
import type { SynapseStore } from './synapse-store.js';

/** An area to add: lazy (no neuron known yet) or explicit (all n known). */
export interface AreaSpec {
  readonly name: string;
  readonly n: number;
  readonly k: number;
  readonly beta: number;
  readonly explicit: boolean;
  /** Synapse probabilities inside the area, out of it and into it (used between explicit areas only; else p). */
  readonly innerP: number;
  readonly outP: number;
  readonly inP: number;
}

/**
 * Synapse probabilities between a new area `spec` and another area: out of the
 * new area into it and from it into the new area (outP/inP between explicit
 * areas, else p, which the lazy sampler assumes). Inside the new area: innerP.
 */
export function linkProbabilities(spec: AreaSpec, otherExplicit: boolean, p: number): { out: number; in: number } {
  const both = spec.explicit && otherExplicit;
  return { out: both ? spec.outP : p, in: both ? spec.inP : p };
}

/**
 * Adds an area: stimulus weights Binomial(size, p) per known neuron and
 * stimulus, and random connectomes with every area in both directions (with
 * itself: innerP; with another explicit area: outP out of it, inP into it;
 * otherwise p, which the lazy sampler assumes). Synapses into the area take
 * its β. Every allocation happens before the state changes, so a failed
 * allocation (RangeError) leaves the state as it was.
 */
export function addAreaState(state: BrainState, p: number, rng: Rng, spec: AreaSpec): void {
  const idx = state.areas.length;
  const w = spec.explicit ? spec.n : 0;
  const area: AreaState = {
    name: spec.name,
    index: idx,
    n: spec.n,
    k: spec.k,
    beta: spec.beta,
    explicit: spec.explicit,
    w,
    winners: new Int32Array(0),
    fixed: false,
    numNewWinners: 0,
    betaFromArea: [],
    betaFromStim: [],
    stimWeights: [],
    supportHistory: [],
    winnersHistory: [],
    everFired: spec.explicit ? new Uint8Array(spec.n) : null,
    everFiredCount: 0,
    nonWinners: null,
    nonWinnersOf: null,
  };
  for (let s = 0; s < state.stimuli.length; s++) {
    area.betaFromStim[s] = spec.beta;
    area.stimWeights[s] = randomStimulusWeights(state.stimuli[s].size, p, w, rng);
  }
  // connectomes with every area, in both directions (and with itself)
  const row: SynapseStore[] = [];
  const col: SynapseStore[] = [];
  const all = [...state.areas, area];
  for (const other of all) {
    const self = other.index === idx;
    const link = linkProbabilities(spec, other.explicit, p);
    row[other.index] = randomSynapseStore(w, other.w, self ? spec.innerP : link.out, rng);
    if (!self) col[other.index] = randomSynapseStore(other.w, w, link.in, rng);
  }
  // commit
  for (const other of state.areas) {
    area.betaFromArea[other.index] = spec.beta;
    other.betaFromArea[idx] = other.beta;
    state.conn[other.index][idx] = col[other.index];
  }
  area.betaFromArea[idx] = spec.beta;
  state.areas.push(area);
  state.conn.push(row);
}
