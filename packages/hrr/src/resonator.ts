import { toRng, type SeedOrRng } from '@neurite/tensor';
import { checkInt, rowsOf } from './check.js';
import { HrrError } from './hrr-error.js';
import { matInverse } from './small-matrix.js';
import type { Vsa } from './vsa.js';

/** Options of `resonator`. */
export interface ResonatorOptions {
  /** Iteration cap (default 100). */
  maxIterations?: number;
  /** Stop after the decoded indices are unchanged for this many iterations (default 3). */
  patience?: number;
  /**
   * Initial estimates: 'superposition' (default; the normalised sum of each codebook, as Frady et
   * al.) or 'random' (a random superposition weighting, from `seed`).
   */
  init?: 'superposition' | 'random';
  seed?: SeedOrRng;
  /**
   * Superposition weights: 'op' (default; outer product, w = sim(u, c_m)) or 'ols' (ordinary least
   * squares, w = G⁻¹·sim(u, c_m) with the codebook Gram matrix G_{mn} = sim(c_m, c_n), Kent et al.'s
   * second variant, which removes the crosstalk between codevectors and raises the capacity).
   */
  weights?: 'op' | 'ols';
}

/** Result of `resonator`. */
export interface ResonatorResult {
  /** Decoded codebook index of each factor (arg-max similarity of the final estimate). */
  indices: number[];
  /** Iterations run. */
  iterations: number;
  /** True when the indices stopped changing before `maxIterations`. */
  converged: boolean;
  /** Final estimate of each factor. */
  estimates: Float32Array[];
}

/**
 * Resonator network (Frady, Kent, Olshausen & Sommer 2020, "Resonator networks, 1"; Kent et al.
 * 2020, "…, 2"), for any model: factorises s = x⁽⁰⁾ ⊛ x⁽¹⁾ ⊛ … ⊛ x⁽ᶠ⁻¹⁾ (bound left to right) with
 * x⁽ⁱ⁾ from codebook C_i ([M_i, D]). Each iteration updates every factor in turn (sequential, the
 * papers' "OP" weights):
 *   u_i = unbind(unbindRight(s, x̂⁽ⁱ⁺¹⁾ ⊛ … ⊛ x̂⁽ᶠ⁻¹⁾), x̂⁽⁰⁾ ⊛ … ⊛ x̂⁽ⁱ⁻¹⁾)   (the other factors removed)
 *   x̂⁽ⁱ⁾ = normalize(Σ_m sim(u_i, c_m) · c_m)                             (search in superposition)
 * with `vsa.bundle(…, { weights, normalize: true })` as the weighted superposition and
 * normalisation (map: sign(C Cᵀ u), the papers' bipolar update; fhrr: the phase of Σ w e^{iθ};
 * bsc: weighted majority; hrr: unit norm). Stops when the decoded indices are stable for
 * `patience` iterations. torchhd's `resonator` covers MAP only.
 */
export function resonator(
  vsa: Vsa,
  composite: ArrayLike<number>,
  codebooks: ArrayLike<number>[],
  opts: ResonatorOptions = {},
): ResonatorResult {
  const D = vsa.dim;
  if (composite?.length !== D) throw new HrrError('composite', `resonator: composite must have length dim=${D}`, { code: 'ERR_SHAPE' });
  if (!Array.isArray(codebooks) || codebooks.length < 2) throw new HrrError('codebooks', 'resonator: needs at least two codebooks');
  const maxIt = checkInt('resonator', 'maxIterations', opts.maxIterations ?? 100, 1);
  const patience = checkInt('resonator', 'patience', opts.patience ?? 3, 1);
  const F = codebooks.length;
  const sizes = codebooks.map((c, i) => rowsOf('resonator', c, D, `codebooks[${i}]`));
  const books = codebooks.map((c) => (c instanceof Float32Array ? c : Float32Array.from(c)));
  const rng = opts.init === 'random' ? toRng(opts.seed ?? 0, 'seed', HrrError) : null;
  const est = books.map((c, i) => {
    const w = new Float64Array(sizes[i]).fill(1);
    if (rng) for (let m = 0; m < sizes[i]; m++) w[m] = rng.uniform();
    return vsa.bundle(c, { weights: w, normalize: true });
  });
  const feats = books.map((c) => vsa.features(c));
  const Fd = vsa.featureDim;
  const gramInv =
    opts.weights === 'ols'
      ? feats.map((f, i) => {
          const M = sizes[i],
            g = new Float64Array(M * M);
          for (let a = 0; a < M; a++)
            for (let b = a; b < M; b++) {
              let s = 0;
              for (let j = 0; j < Fd; j++) s += f[a * Fd + j] * f[b * Fd + j];
              g[a * M + b] = g[b * M + a] = s;
            }
          const inv = matInverse(g, M);
          if (inv === null)
            throw new HrrError('codebooks', `resonator: codebook ${i} is linearly dependent (singular Gram matrix); use weights 'op'`);
          return inv;
        })
      : null;
  const decode = (i: number, v: Float32Array): [Float64Array, number] => {
    const fv = vsa.features(v),
      M = sizes[i],
      w = new Float64Array(M);
    let best = 0;
    for (let m = 0; m < M; m++) {
      let s = 0;
      for (let j = 0; j < Fd; j++) s += fv[j] * feats[i][m * Fd + j];
      w[m] = s;
      if (s > w[best]) best = m;
    }
    return [w, best];
  };
  let indices = est.map((e, i) => decode(i, e)[1]);
  let stable = 0,
    it = 0;
  for (; it < maxIt && stable < patience;) {
    it++;
    for (let i = 0; i < F; i++) {
      let u: Float32Array = Float32Array.from(composite);
      for (let k = F - 1; k > i; k--) u = vsa.unbindRight(u, est[k]);
      if (i > 0) {
        let prefix = est[0];
        for (let k = 1; k < i; k++) prefix = vsa.bind(prefix, est[k]);
        u = vsa.unbind(u, prefix);
      }
      let [w] = decode(i, u);
      if (gramInv) {
        const M = sizes[i],
          g = gramInv[i],
          v = new Float64Array(M);
        for (let a = 0; a < M; a++) for (let b = 0; b < M; b++) v[a] += g[a * M + b] * w[b];
        w = v;
      }
      est[i] = vsa.bundle(books[i], { weights: w, normalize: true });
    }
    const next = est.map((e, i) => decode(i, e)[1]);
    stable = next.every((x, i) => x === indices[i]) ? stable + 1 : 0;
    indices = next;
  }
  return { indices, iterations: it, converged: stable >= patience, estimates: est };
}
