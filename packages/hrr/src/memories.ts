import { toRng, type SeedOrRng } from '@neurite/tensor';
import { checkInt, checkFinite, rowsOf } from './check.js';
import { HrrError } from './hrr-error.js';

/**
 * Kanerva's sparse distributed memory (Kanerva 1988; torchhd `memory.SparseDistributed`): M hard
 * locations with random bipolar addresses a_m ∈ {±1}^D and counters c_m ∈ ℝ^V. A key k (bipolar,
 * length D) activates the locations within Hamming radius r, i.e. a_m·k ≥ D − 2r. write(k, v) adds
 * v to the counters of the active locations; read(k) returns sign(Σ_active c_m) (ties +1), or the
 * raw sum with `raw`.
 */
export class SparseDistributedMemory {
  /** Random bipolar addresses of the hard locations, [locations, D]. */
  readonly addresses: Float32Array;
  /** Counters of the hard locations, [locations, valueDim]. */
  readonly counters: Float32Array;
  constructor(
    /** Number M of hard locations. */
    readonly locations: number,
    /** Address dimension D. */
    readonly dim: number,
    /** Value dimension V. */
    readonly valueDim: number,
    /** Activation radius r in Hamming distance. */
    readonly radius: number,
    seed: SeedOrRng,
  ) {
    checkInt('SparseDistributedMemory', 'locations', locations, 1);
    checkInt('SparseDistributedMemory', 'dim', dim, 1);
    checkInt('SparseDistributedMemory', 'valueDim', valueDim, 1);
    checkInt('SparseDistributedMemory', 'radius', radius, 0, dim);
    const rng = toRng(seed, 'seed', HrrError);
    this.addresses = new Float32Array(locations * dim);
    for (let i = 0; i < this.addresses.length; i++) this.addresses[i] = rng.uniform() < 0.5 ? -1 : 1;
    this.counters = new Float32Array(locations * valueDim);
  }
  /** Indices of the locations a key activates. */
  active(key: ArrayLike<number>): number[] {
    if (key.length !== this.dim)
      throw new HrrError('key', `SparseDistributedMemory: key has length ${key.length}, expected ${this.dim}`, { code: 'ERR_SHAPE' });
    const out: number[] = [],
      D = this.dim,
      min = D - 2 * this.radius;
    for (let m = 0; m < this.locations; m++) {
      let s = 0;
      for (let j = 0; j < D; j++) s += this.addresses[m * D + j] * key[j];
      if (s >= min) out.push(m);
    }
    return out;
  }
  /** Adds `value` to the counters of the locations `key` activates; returns how many it activated. */
  write(key: ArrayLike<number>, value: ArrayLike<number>): number {
    if (value.length !== this.valueDim)
      throw new HrrError('value', `SparseDistributedMemory: value has length ${value.length}, expected ${this.valueDim}`, {
        code: 'ERR_SHAPE',
      });
    const act = this.active(key);
    for (const m of act) for (let j = 0; j < this.valueDim; j++) this.counters[m * this.valueDim + j] += value[j];
    return act.length;
  }
  /** sign(Σ of the active counters) (ties +1), or the raw sum with `raw`. */
  read(key: ArrayLike<number>, opts: { raw?: boolean } = {}): Float32Array {
    const out = new Float32Array(this.valueDim);
    for (const m of this.active(key)) for (let j = 0; j < this.valueDim; j++) out[j] += this.counters[m * this.valueDim + j];
    if (!opts.raw) for (let j = 0; j < this.valueDim; j++) out[j] = out[j] >= 0 ? 1 : -1;
    return out;
  }
}

/**
 * Classical Hopfield network (Hopfield 1982) on bipolar patterns ξ_p ∈ {±1}^D: W = (1/D) Σ_p ξ_p ξ_pᵀ
 * with a zero diagonal; recall iterates synchronous x ← sign(W x) (ties keep x) up to `steps`
 * times or until a fixed point. Capacity ≈ 0.138·D patterns (Amit, Gutfreund & Sompolinsky 1985).
 */
export class HopfieldNetwork {
  /** W = (1/D) Σ_p ξ_p ξ_pᵀ with a zero diagonal, [D, D]. */
  readonly weights: Float32Array;
  constructor(
    patterns: ArrayLike<number>,
    /** Pattern dimension D. */
    readonly dim: number,
  ) {
    const P = rowsOf('HopfieldNetwork', patterns, dim, 'patterns');
    const w = new Float64Array(dim * dim);
    for (let p = 0; p < P; p++)
      for (let i = 0; i < dim; i++) {
        const xi = patterns[p * dim + i];
        for (let j = 0; j < dim; j++) if (i !== j) w[i * dim + j] += (xi * patterns[p * dim + j]) / dim;
      }
    this.weights = Float32Array.from(w);
  }
  /** Synchronous recall from `x`: x ← sign(W x) (ties keep x) until a fixed point or `steps` updates. */
  recall(x: ArrayLike<number>, steps = 20): Float32Array {
    const D = this.dim;
    let cur = Float32Array.from(x);
    for (let t = 0; t < steps; t++) {
      const next = new Float32Array(D);
      let changed = false;
      for (let i = 0; i < D; i++) {
        let h = 0;
        for (let j = 0; j < D; j++) h += this.weights[i * D + j] * cur[j];
        next[i] = h > 0 ? 1 : h < 0 ? -1 : cur[i];
        if (next[i] !== cur[i]) changed = true;
      }
      cur = next;
      if (!changed) break;
    }
    return cur;
  }
}

/**
 * Attention / modern Hopfield retrieval (Ramsauer et al. 2021, "Hopfield networks is all you
 * need"): out = Vᵀ softmax(β K q) for keys K [n, D], values V [n, Dv] and a query q (length D).
 * `modernHopfield(patterns, q, β)` is the update ξ_new = Xᵀ softmax(β X ξ) (keys = values = X).
 */
export function attention(query: ArrayLike<number>, keys: ArrayLike<number>, values: ArrayLike<number>, beta = 1): Float32Array {
  const D = query.length,
    n = rowsOf('attention', keys, D, 'keys');
  checkFinite('attention', 'beta', beta);
  if (values.length % n !== 0) throw new HrrError('values', `attention: values must have ${n} rows`, { code: 'ERR_SHAPE' });
  const Dv = values.length / n;
  const s = new Float64Array(n);
  let mx = -Infinity;
  for (let i = 0; i < n; i++) {
    let d = 0;
    for (let j = 0; j < D; j++) d += keys[i * D + j] * query[j];
    s[i] = beta * d;
    mx = Math.max(mx, s[i]);
  }
  let z = 0;
  for (let i = 0; i < n; i++) z += s[i] = Math.exp(s[i] - mx);
  const out = new Float64Array(Dv);
  for (let i = 0; i < n; i++) for (let j = 0; j < Dv; j++) out[j] += (s[i] / z) * values[i * Dv + j];
  return Float32Array.from(out);
}

/** One modern-Hopfield update ξ ← Xᵀ softmax(β X ξ) over the stored patterns X [n, D]. */
export function modernHopfield(patterns: ArrayLike<number>, query: ArrayLike<number>, beta = 1): Float32Array {
  return attention(query, patterns, patterns, beta);
}
