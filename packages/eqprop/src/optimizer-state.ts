import type { EqPropKernel } from './eqprop-kernel.js';
import { EqPropError } from './eqprop-error.js';

/**
 * Everything training reads besides the weights, as stored by `EqPropKernel.save()`
 * (snapshot version 2) so that train → save → load → train equals uninterrupted
 * training bit for bit. Float32 arrays are stored as base64 of their little-endian
 * bytes (exact, and about a quarter of the size of JSON numbers).
 */
export interface EqPropTrainingState {
  /** Adam's step count t and first/second moment estimates m, v (weights W_0…W_{L−1}, then biases b_0…b_{L−1}); null before the first Adam step. */
  adam: { t: number; m: string[]; v: string[] } | null;
  /** The learning-rate factor `kernel.lrScale` when saved. */
  lrScale: number;
  /** Epochs of `trainEpochs`' schedule completed so far (0 when none): resume with `firstEpoch: epochsDone + 1`. */
  epochsDone: number;
  /** The xoshiro128** state words of the random-sign stream (absent when the kernel was given an Rng without `state()`). */
  rng?: [number, number, number, number];
  /** Persistent particles: the example ids and, per state layer l, their free states [ids.length, n_l] (base64 float32). */
  particles: { ids: number[]; states: string[] };
}

/** The private parts of a kernel that the training state covers (see eqprop-kernel.ts). */
interface KernelInternals {
  adam: { m: Float32Array[]; v: Float32Array[]; t: number } | null;
  rng: { state?: () => [number, number, number, number]; s0?: number; s1?: number; s2?: number; s3?: number };
  particles: Map<number, Float32Array[]>;
}

const internals = (k: EqPropKernel): KernelInternals => k as unknown as KernelInternals;

/** Epochs of the learning-rate schedule each kernel has completed (written by trainEpochs). */
const epochs = new WeakMap<EqPropKernel, number>();

/**
 * Epochs of `trainEpochs`' schedule this kernel has completed (0 for a new kernel);
 * saved and loaded with it, so a loaded kernel resumes with
 * `trainEpochs(kernel, data, { ...sameOptions, firstEpoch: completedEpochs(kernel) + 1 })`.
 */
export function completedEpochs(kernel: EqPropKernel): number {
  return epochs.get(kernel) ?? 0;
}

/** @internal Set by trainEpochs after each epoch and by load. */
export function setCompletedEpochs(kernel: EqPropKernel, n: number): void {
  epochs.set(kernel, n);
}

/** Base64 of a Float32Array's bytes (little-endian on every platform JavaScript runs on). */
export function float32ToBase64(a: Float32Array): string {
  const bytes = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

/** Inverse of {@link float32ToBase64}; `length` is the expected number of floats (EqPropError ERR_FORMAT otherwise). */
export function base64ToFloat32(text: unknown, length: number, name: string): Float32Array {
  if (typeof text !== 'string') throw new EqPropError(name, `EqPropKernel.load: ${name} must be a base64 string`, { code: 'ERR_FORMAT' });
  let s: string;
  try {
    s = atob(text);
  } catch (e) {
    throw new EqPropError(name, `EqPropKernel.load: ${name} is not valid base64`, { code: 'ERR_FORMAT', cause: e });
  }
  if (s.length !== 4 * length) {
    throw new EqPropError(name, `EqPropKernel.load: ${name} holds ${s.length / 4} floats, expected ${length}`, { code: 'ERR_FORMAT' });
  }
  const bytes = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) bytes[i] = s.charCodeAt(i);
  return new Float32Array(bytes.buffer);
}

/** The training state of a kernel (see {@link EqPropTrainingState}); copies, so later training does not change it. */
export function captureTrainingState(kernel: EqPropKernel): EqPropTrainingState {
  const k = internals(kernel);
  const state: EqPropTrainingState = {
    adam: k.adam ? { t: k.adam.t, m: k.adam.m.map(float32ToBase64), v: k.adam.v.map(float32ToBase64) } : null,
    lrScale: kernel.lrScale,
    epochsDone: completedEpochs(kernel),
    particles: { ids: [], states: [] },
  };
  if (typeof k.rng.state === 'function') state.rng = k.rng.state();
  const ids = [...k.particles.keys()];
  const S = kernel.stateLayers;
  state.particles.ids = ids;
  state.particles.states = Array.from({ length: S }, (_, l) => {
    const n = kernel.sizes[l + 1];
    const all = new Float32Array(ids.length * n);
    ids.forEach((id, i) => all.set(k.particles.get(id)![l], i * n));
    return float32ToBase64(all);
  });
  return state;
}

/**
 * Put a saved training state into a kernel built from the same options (validated:
 * EqPropError with code ERR_FORMAT naming the bad field).
 */
export function restoreTrainingState(kernel: EqPropKernel, saved: unknown): void {
  const bad = (field: string, what: string): never => {
    const name = field ? `snapshot.training.${field}` : 'snapshot.training';
    throw new EqPropError(name, `EqPropKernel.load: ${name.slice(9)} ${what}`, { code: 'ERR_FORMAT' });
  };
  if (typeof saved !== 'object' || saved === null) bad('', 'must be an object');
  const s = saved as Partial<EqPropTrainingState>;
  const k = internals(kernel);
  const params = [...kernel.net.weights, ...kernel.net.biases];
  if (s.adam === null || s.adam === undefined) k.adam = null;
  else {
    const { t, m, v } = s.adam;
    if (!Number.isSafeInteger(t) || t < 0) bad('adam.t', `must be a step count, got ${String(t)}`);
    if (!Array.isArray(m) || !Array.isArray(v) || m.length !== params.length || v.length !== params.length) {
      bad('adam', `must hold ${params.length} moment arrays m and v`);
    }
    k.adam = {
      t,
      m: params.map((p, i) => base64ToFloat32(m[i], p.length, `snapshot.training.adam.m[${i}]`)),
      v: params.map((p, i) => base64ToFloat32(v[i], p.length, `snapshot.training.adam.v[${i}]`)),
    };
  }
  if (typeof s.lrScale !== 'number' || !Number.isFinite(s.lrScale) || s.lrScale < 0) bad('lrScale', 'must be a finite number ≥ 0');
  kernel.lrScale = s.lrScale!;
  const done = s.epochsDone ?? 0;
  if (!Number.isSafeInteger(done) || done < 0) bad('epochsDone', 'must be an integer ≥ 0');
  setCompletedEpochs(kernel, done);
  if (s.rng !== undefined) {
    const r = s.rng;
    if (!Array.isArray(r) || r.length !== 4 || !r.every((w) => Number.isInteger(w) && w >= 0 && w < 2 ** 32) || r.every((w) => w === 0)) {
      bad('rng', 'must be four 32-bit state words, not all zero');
    }
    if (typeof k.rng.state !== 'function')
      bad('rng', "cannot be restored: this kernel's generator has no state (built from an Rng object)");
    [k.rng.s0, k.rng.s1, k.rng.s2, k.rng.s3] = r.map((w) => w | 0);
  }
  const p = s.particles;
  if (typeof p !== 'object' || p === null || !Array.isArray(p.ids) || !Array.isArray(p.states)) bad('particles', 'must be { ids, states }');
  const S = kernel.stateLayers;
  if (p!.states.length !== (p!.ids.length === 0 ? p!.states.length : S)) bad('particles.states', `must hold ${S} layers`);
  k.particles.clear();
  if (p!.ids.length === 0) return;
  const layers = p!.states.map((text, l) =>
    base64ToFloat32(text, p!.ids.length * kernel.sizes[l + 1], `snapshot.training.particles.states[${l}]`),
  );
  p!.ids.forEach((id, i) => {
    if (!Number.isSafeInteger(id)) bad('particles.ids', `holds ${String(id)}, not an integer id`);
    k.particles.set(
      id,
      layers.map((a, l) => a.slice(i * kernel.sizes[l + 1], (i + 1) * kernel.sizes[l + 1])),
    );
  });
}
