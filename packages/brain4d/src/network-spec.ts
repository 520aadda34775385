/**
 * The JSON network description read by {@link validateNetwork}. Units: time in ms,
 * rates in Hz, voltages in mV; currents in the units of the target model (R·I in mV
 * for LIF, pA for AdEx, Izhikevich's dimensionless current). The full schema with
 * defaults is documented in the package README ("Network description").
 */
export interface NetworkSpec {
  /** Free-form name. */
  name?: string;
  /** Time step in ms (default 0.1). */
  dt?: number;
  /** Default run duration in ms (default 1000). */
  duration?: number;
  /** Seed of every random draw (construction, initial state, inputs). Default 0. */
  seed?: number;
  /** Lattice shape [X, Y, Z, W]; neuron id = ((w·Z + z)·Y + y)·X + x. */
  lattice: [number, number, number, number];
  /** Populations (areas): each a 4D box of the lattice filled with one neuron model. */
  populations: Record<string, PopulationSpec>;
  /** Senses: named w-slices (at depth z) fed by `sense` inputs. */
  senses?: Record<string, SenseSpec>;
  /** Projections (synapses between populations), built in this order. */
  projections?: ProjectionSpec[];
  /** External inputs: Poisson trains, current steps, noise, sense values, spike times. */
  inputs?: InputSpec[];
  /** What to record (spikes, sampled state, binned rates). */
  monitors?: MonitorSpec;
}

/** A population: the lattice box origin + [0, size) on each axis, filled with one model. */
export interface PopulationSpec {
  /** Lattice coordinates of the box's first corner (default [0, 0, 0, 0]). */
  origin?: [number, number, number, number];
  /** Box size along x, y, z, w (neurons = their product). */
  size: [number, number, number, number];
  /** Neuron model of every neuron of the box. */
  model: ModelName;
  /** Izhikevich only: one of RS, IB, CH, FS, LTS, TC, RZ (Izhikevich 2003, fig. 2). */
  preset?: IzhikevichPreset;
  /** Model parameters: a number, a per-neuron array, a distribution, or a polynomial of the neuron's r. */
  params?: Record<string, ParamValue>;
  /** Initial state variables (same value forms as params). */
  init?: Record<string, ParamValue>;
}

/** Neuron models: exact LIF, conductance LIF, Izhikevich (2003), AdEx, Poisson spike source. */
export type ModelName = 'lif' | 'lif_cond' | 'izhikevich' | 'adex' | 'poisson';
/** Izhikevich (2003) parameter presets: regular spiking, intrinsically bursting, chattering, fast spiking, low-threshold spiking, thalamo-cortical, resonator. */
export type IzhikevichPreset = 'RS' | 'IB' | 'CH' | 'FS' | 'LTS' | 'TC' | 'RZ';

/**
 * A parameter value: a number for all neurons, an array with one value per neuron
 * (population order: x fastest, then y, z, w), a distribution, or `{ r: [c0, c1, c2, …] }`:
 * c0 + c1·r + c2·r² + … of one uniform r ∈ [0, 1) drawn per neuron and shared by all
 * parameters of that neuron (Izhikevich's heterogeneous populations).
 */
export type ParamValue = number | number[] | Distribution | { r: number[] };

/** Weight, delay and parameter distributions. */
export type Distribution =
  | { dist: 'constant'; value: number }
  | { dist: 'uniform'; low: number; high: number }
  /** Normal, optionally truncated to [low, high] by redrawing (NEST's normal_clipped). */
  | { dist: 'normal'; mean: number; std: number; low?: number; high?: number }
  /** exp(N(mu, sigma²)). */
  | { dist: 'lognormal'; mu: number; sigma: number };

/** A sense: the w-slice (and z-plane) its `sense` inputs drive, values[y][x]. */
export interface SenseSpec {
  /** The w-slice. */
  w: number;
  /** The z-plane within the slice (default 0). */
  z?: number;
}

/** How a projection picks its synapses (NEST's rule names where they exist; `distance`: a kernel of the scaled 4D lattice distance). */
export type ConnectionRule =
  | { type: 'all_to_all' }
  | { type: 'one_to_one' }
  | { type: 'fixed_probability'; p: number }
  | { type: 'fixed_indegree'; k: number }
  | { type: 'fixed_outdegree'; k: number }
  | { type: 'fixed_total'; n: number }
  | {
      type: 'distance';
      kernel: 'gaussian' | 'exponential';
      /** Connection probability at distance 0. */
      p0: number;
      /** Per-axis length scales [sx, sy, sz, sw] in lattice steps; d² = Σ (Δ_k / s_k)². */
      scale: [number, number, number, number];
      /** No synapse beyond this scaled distance (default 3 for gaussian, 5 for exponential). */
      cutoff?: number;
    };

/** A projection: synapses from one population to another by a connection rule. */
export interface ProjectionSpec {
  /** Source population name. */
  source: string;
  /** Target population name. */
  target: string;
  /** Connection rule. */
  rule: ConnectionRule;
  /** Synaptic weight (constant or distribution), in the receptor's units. */
  weight: number | Distribution;
  /** Delay in time steps (>= 1; distributions are rounded to whole steps and clipped at 1). Default 1. */
  delay?: number | Distribution;
  /** Receptor port: 'exc' | 'inh' (LIF, AdEx), 'current' (Izhikevich). Default: 'current' for Izhikevich, else by the weight's sign. */
  receptor?: 'exc' | 'inh' | 'current';
  /** Allow i → i when source = target (default true). */
  autapses?: boolean;
  /** Allow repeated pairs in fixed_indegree/fixed_outdegree/fixed_total (default false). */
  multapses?: boolean;
  /** Pair-based STDP on these synapses (none: static weights). */
  plasticity?: StdpSpec;
}

/** Pair-based STDP with traces, updated on spikes only. */
export interface StdpSpec {
  /** The only plasticity rule in this version. */
  type: 'stdp';
  /** Time constant of the presynaptic (potentiation) trace, ms (default 20). */
  tau_plus?: number;
  /** Time constant of the postsynaptic (depression) trace, ms (default 20). */
  tau_minus?: number;
  /** Amplitudes as fractions of w_max (Song, Miller & Abbott 2000: A− slightly above A+). */
  a_plus: number;
  /** Depression amplitude as a fraction of w_max. */
  a_minus: number;
  /** Upper weight bound (hard). */
  w_max: number;
  /** Lower weight bound (hard, default 0). */
  w_min?: number;
  /** additive: Δw = ±A·w_max·x, hard bounds; multiplicative: Δw+ = A+(w_max − w)x_pre, Δw− = −A−(w − w_min)x_post. */
  rule?: 'additive' | 'multiplicative';
  /** all_to_all: traces add 1 per spike; nearest: traces reset to 1. */
  pairing?: 'all_to_all' | 'nearest';
}

/** External inputs (times in ms; `start` default 0, `stop` default the end of the run). */
export type InputSpec =
  | { type: 'poisson'; target: string; rate: number; weight: number; receptor?: 'exc' | 'inh' | 'current'; start?: number; stop?: number }
  | { type: 'current'; target: string; amplitude: number; start?: number; stop?: number }
  | { type: 'noise'; target: string; std: number; mean?: number; start?: number; stop?: number }
  | { type: 'sense'; sense: string; values: number[][]; gain?: number; start?: number; stop?: number }
  /**
   * Spikes at given times (ms) into the target (every neuron, or `neurons`, indices within the
   * population), each adding `weight` to the receptor as a spike source at time t through a
   * delay-1 synapse would: first seen by the update of step round(t/dt) + 1.
   */
  | { type: 'spikes'; target: string; times: number[]; neurons?: number[]; weight: number; receptor?: 'exc' | 'inh' | 'current' };

/** What the simulator records. */
export interface MonitorSpec {
  /** Record spikes: true for all populations, or the list of population names. */
  spikes?: boolean | string[];
  /** Sampled state variables: neuron indices are positions within the population. */
  state?: Array<{ population: string; variable: string; neurons: number[]; every?: number }>;
  /** Population rates binned every `bin` ms (default 1). */
  rates?: { bin?: number };
}
