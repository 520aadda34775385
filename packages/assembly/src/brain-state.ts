import type { SynapseStore } from './synapse-store.js';
import type { GrowableFloat32 } from './growable-float32.js';

/**
 * The state of a Brain, as the functional core (projectRound, recruitWinner,
 * hebbianUpdate, …) reads and updates it. `Brain` holds one and validates
 * everything that goes in; the core functions trust it.
 *
 * Indices: area i is `areas[i]`, stimulus s is `stimuli[s]`; the neurons of
 * an area that the simulation knows (lazy: ever fired; explicit: all n) are
 * 0..w-1, numbered in the order they were first recruited.
 */
export interface BrainState {
  readonly areas: AreaState[];
  readonly stimuli: StimulusState[];
  /** conn[src][dst]: synapses from src's known neurons (rows) into dst's known neurons (columns). */
  readonly conn: SynapseStore[][];
  /** Reusable buffers (no meaning between calls). */
  readonly scratch: RoundScratch;
}

/** A stimulus: `size` neurons that always fire together. */
export interface StimulusState {
  readonly name: string;
  readonly size: number;
}

/** One area of the brain. */
export interface AreaState {
  readonly name: string;
  readonly index: number;
  /** Neurons in the area. */
  readonly n: number;
  /** Winners per round (the k-cap). */
  readonly k: number;
  /** Default plasticity β of synapses into the area. */
  readonly beta: number;
  readonly explicit: boolean;
  /** Lazy: neurons simulated so far (ever fired). Explicit: n. */
  w: number;
  /** Current winners (indices of known neurons). */
  winners: Int32Array;
  /** Fixed areas keep their winners when projected into (plasticity still applies). */
  fixed: boolean;
  /** First-time winners in the last round that updated the area. */
  numNewWinners: number;
  /** β of synapses from each source area (by area index) and stimulus (by stimulus index) into this area. */
  betaFromArea: number[];
  betaFromStim: number[];
  /** Per stimulus: synapse count × plasticity factor, per known neuron of this area. */
  stimWeights: GrowableFloat32[];
  supportHistory: number[];
  winnersHistory: Int32Array[];
  /** Explicit areas: which neurons ever fired, and how many. */
  everFired: Uint8Array | null;
  everFiredCount: number;
  /** Known neurons that are not in `winners`, cached for the winners array `nonWinnersOf`. */
  nonWinners: Int32Array | null;
  nonWinnersOf: Int32Array | null;
}

/** Fixed parameters of a brain. */
export interface BrainParams {
  /** Synapse probability. */
  readonly p: number;
  /** How never-fired neurons' best inputs are drawn (see BrainOptions.sampler). */
  readonly sampler: 'reference' | 'exact';
  /** Synapse weights never exceed this. */
  readonly maxWeight: number;
  /** Hebbian plasticity on/off. */
  readonly plasticity: boolean;
}

/** Buffers reused from round to round. */
export interface RoundScratch {
  inputs: Float64Array;
  /** Neuron flags (hebbianUpdate, nonWinners): all zero between uses. */
  mask: Uint8Array;
  select: Float64Array;
  blockCounts: Float64Array;
}

/** @internal A fresh scratch. */
export function newRoundScratch(): RoundScratch {
  return {
    inputs: new Float64Array(1024),
    mask: new Uint8Array(1024),
    select: new Float64Array(1024),
    blockCounts: new Float64Array(16),
  };
}

/** @internal scratch.select with room for n values. */
export function selectScratch(s: RoundScratch, n: number): Float64Array {
  if (s.select.length < n) s.select = new Float64Array(Math.max(2 * s.select.length, n));
  return s.select;
}

/** Support of an area: neurons ever fired (brain.py's saved_w for lazy areas). */
export function areaSupport(a: AreaState): number {
  return a.explicit ? a.everFiredCount : a.w;
}

/** Makes `win` the area's winners (and marks them ever fired in an explicit area). */
export function assignWinners(a: AreaState, win: Int32Array): void {
  a.winners = win;
  if (a.everFired)
    for (const i of win)
      if (!a.everFired[i]) {
        a.everFired[i] = 1;
        a.everFiredCount++;
      }
}
