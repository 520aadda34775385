import type { Rng } from '@neurite/tensor';
import { detExp } from '@neurite/tensor';
import { Brain4dError } from './brain4d-error.js';
import { Growable } from './growable.js';
import type { ConnectionRule, Distribution } from './network-spec.js';
import { sampler } from './sample-distribution.js';

/** The box a population occupies: origin and size on each of x, y, z, w. */
export interface Box {
  /** Lattice coordinates of the first corner. */
  origin: readonly [number, number, number, number];
  /** Extent along x, y, z, w. */
  size: readonly [number, number, number, number];
}

/**
 * One projection as CSR by source: the synapses of source neuron s (index within its
 * population) are entries rowPtr[s] … rowPtr[s+1]−1; `tgt` holds target indices within the
 * target population, `w` the weights, `d` the delays in steps (null: every delay equals `delay`).
 */
export interface ProjectionCSR {
  /** Row pointers: the synapses of source s are rowPtr[s] … rowPtr[s+1]−1 (n_source + 1 entries). */
  rowPtr: Uint32Array;
  /** Target of each synapse (index within the target population). */
  tgt: Uint32Array;
  /** Weight of each synapse. */
  w: Float32Array;
  /** Delay of each synapse in steps, or null when all equal `delay`. */
  d: Uint16Array | null;
  /** The common delay in steps (when `d` is null). */
  delay: number;
  /** Largest delay in steps. */
  maxDelay: number;
}

/** What {@link buildProjection} builds from. */
export interface BuildProjectionArgs {
  /** Key path named by errors (e.g. `projections[2]`). */
  path: string;
  /** Connection rule. */
  rule: ConnectionRule;
  /** Source box. */
  source: Box;
  /** Target box. */
  target: Box;
  /** Whether source and target are the same population (autapses then apply). */
  samePopulation: boolean;
  /** Allow i → i when samePopulation. */
  autapses: boolean;
  /** Allow repeated pairs (fixed in/out-degree, fixed total). */
  multapses: boolean;
  /** Weight, constant or a distribution. */
  weight: number | Distribution;
  /** Delay in steps, constant or a distribution (rounded, at least 1). */
  delay: number | Distribution;
  /** Generator the structure, weights and delays are split from. */
  rng: Rng;
}

const count = (b: Box) => b.size[0] * b.size[1] * b.size[2] * b.size[3];

/**
 * Builds one projection in O(synapses + neurons) time (plus O(offsets) once for the
 * distance kernel), seeded: the structure, the weights and the delays each draw from their
 * own generator split from `rng`, so changing a weight distribution leaves the structure as is.
 *
 * Rules: all_to_all; one_to_one; fixed_probability (Bernoulli(p) per pair by geometric
 * skipping, O(p·n) per row); fixed_outdegree / fixed_indegree k (distinct partners unless
 * `multapses`); fixed_total n (n pairs drawn uniformly, multapses allowed, as NEST's
 * fixed_total_number); distance: p(d) = p0·exp(−d²/2) (gaussian) or p0·exp(−d) (exponential)
 * with d² = Σ_k (Δ_k / s_k)² over the lattice axes x, y, z, w, zero beyond `cutoff`; the
 * offsets inside the cutoff are grouped in bands p ∈ (p_b/2, p_b] and each band is sampled by
 * geometric skipping at p_b then thinned by p/p_b, so a row costs O(its synapses + bands).
 */
export function buildProjection(a: BuildProjectionArgs): ProjectionCSR {
  const nS = count(a.source);
  const nT = count(a.target);
  const structRng = a.rng.split();
  const wRng = a.rng.split();
  const dRng = a.rng.split();
  const noSelf = a.samePopulation && !a.autapses;
  const rule = a.rule;
  let rowPtr: Uint32Array;
  let tgt: Uint32Array;
  if (rule.type === 'fixed_indegree' || rule.type === 'fixed_total') {
    // Pairs drawn target-major (or at random), then a counting sort by source.
    const src = new Growable(Int32Array, rule.type === 'fixed_indegree' ? nT * rule.k : rule.n);
    const dst = new Growable(Uint32Array, rule.type === 'fixed_indegree' ? nT * rule.k : rule.n);
    if (rule.type === 'fixed_indegree') {
      const pool = noSelf ? nS - 1 : nS;
      if (!a.multapses && rule.k > pool)
        throw new Brain4dError(`${a.path}.rule.k`, `${a.path}.rule.k = ${rule.k} exceeds the ${pool} possible sources`, {
          code: 'ERR_OUT_OF_RANGE',
        });
      for (let j = 0; j < nT; j++) {
        if (a.multapses) {
          for (let q = 0; q < rule.k; q++) {
            let s = structRng.uniformInt(pool);
            if (noSelf && s >= j) s++;
            src.push(s);
            dst.push(j);
          }
        } else {
          const picks = structRng.sampleWithoutReplacement(pool, rule.k);
          for (let q = 0; q < picks.length; q++) {
            let s = picks[q];
            if (noSelf && s >= j) s++;
            src.push(s);
            dst.push(j);
          }
        }
      }
    } else {
      for (let q = 0; q < rule.n; q++) {
        const s = structRng.uniformInt(nS);
        let t = structRng.uniformInt(noSelf ? nT - 1 : nT);
        if (noSelf && t >= s) t++;
        src.push(s);
        dst.push(t);
      }
    }
    const m = src.length;
    rowPtr = new Uint32Array(nS + 1);
    for (let q = 0; q < m; q++) rowPtr[src.data[q] + 1]++;
    for (let s = 0; s < nS; s++) rowPtr[s + 1] += rowPtr[s];
    tgt = new Uint32Array(m);
    const fill = rowPtr.slice(0, nS);
    for (let q = 0; q < m; q++) tgt[fill[src.data[q]]++] = dst.data[q];
    // Ascending targets within a row (delivery order is then independent of the draw order).
    for (let s = 0; s < nS; s++) tgt.subarray(rowPtr[s], rowPtr[s + 1]).sort();
  } else {
    rowPtr = new Uint32Array(nS + 1);
    const est =
      rule.type === 'all_to_all'
        ? nS * nT
        : rule.type === 'one_to_one'
          ? nS
          : rule.type === 'fixed_probability'
            ? Math.ceil(nS * nT * rule.p * 1.05) + 16
            : rule.type === 'fixed_outdegree'
              ? nS * rule.k
              : nS * 64;
    const out = new Growable(Uint32Array, est);
    const rowFn = rowGenerator(a, rule, nS, nT, noSelf, structRng);
    for (let s = 0; s < nS; s++) {
      rowFn(s, out);
      if (out.length > 0xffffffff)
        throw new Brain4dError(a.path, `${a.path}: more than 2^32 synapses in one projection`, { code: 'ERR_MEMORY' });
      rowPtr[s + 1] = out.length;
    }
    tgt = out.take();
  }
  const m = tgt.length;
  const ws = sampler(a.weight);
  const w = new Float32Array(m);
  if (ws.constant) w.fill(ws.value);
  else for (let q = 0; q < m; q++) w[q] = ws.draw(wRng);
  const ds = sampler(a.delay);
  let d: Uint16Array | null = null;
  let delay = Math.max(1, Math.round(ds.value));
  let maxDelay = delay;
  if (!ds.constant) {
    d = new Uint16Array(m);
    maxDelay = 1;
    for (let q = 0; q < m; q++) {
      const x = Math.min(65535, Math.max(1, Math.round(ds.draw(dRng))));
      d[q] = x;
      if (x > maxDelay) maxDelay = x;
    }
    delay = 0;
  }
  return { rowPtr, tgt, w, d, delay, maxDelay };
}

type RowFn = (s: number, out: Growable<Uint32Array>) => void;

function rowGenerator(a: BuildProjectionArgs, rule: ConnectionRule, nS: number, nT: number, noSelf: boolean, rng: Rng): RowFn {
  switch (rule.type) {
    case 'all_to_all':
      return (s, out) => {
        for (let j = 0; j < nT; j++) if (!(noSelf && j === s)) out.push(j);
      };
    case 'one_to_one':
      if (nS !== nT)
        throw new Brain4dError(`${a.path}.rule`, `${a.path}: one_to_one needs equal population sizes, got ${nS} and ${nT}`, {
          code: 'ERR_SHAPE',
        });
      return (s, out) => out.push(s);
    case 'fixed_probability': {
      const p = rule.p;
      return (s, out) => {
        if (p === 0) return;
        for (let j = rng.geometric(p); j < nT; j += 1 + rng.geometric(p)) if (!(noSelf && j === s)) out.push(j);
      };
    }
    case 'fixed_outdegree': {
      const pool = noSelf ? nT - 1 : nT;
      if (!a.multapses && rule.k > pool)
        throw new Brain4dError(`${a.path}.rule.k`, `${a.path}.rule.k = ${rule.k} exceeds the ${pool} possible targets`, {
          code: 'ERR_OUT_OF_RANGE',
        });
      const tmp = new Uint32Array(rule.k);
      return (s, out) => {
        if (a.multapses) for (let q = 0; q < rule.k; q++) tmp[q] = rng.uniformInt(pool);
        else tmp.set(rng.sampleWithoutReplacement(pool, rule.k));
        if (noSelf) for (let q = 0; q < rule.k; q++) if (tmp[q] >= s) tmp[q]++;
        tmp.sort();
        for (let q = 0; q < rule.k; q++) out.push(tmp[q]);
      };
    }
    case 'distance':
      return distanceRows(a, rule, noSelf, rng);
    default:
      throw new Brain4dError(`${a.path}.rule.type`, `${a.path}.rule.type: unknown rule`, { code: 'ERR_UNSUPPORTED' });
  }
}

function distanceRows(a: BuildProjectionArgs, rule: Extract<ConnectionRule, { type: 'distance' }>, noSelf: boolean, rng: Rng): RowFn {
  const cutoff = rule.cutoff ?? (rule.kernel === 'gaussian' ? 3 : 5);
  const sc = rule.scale;
  const r = sc.map((s) => Math.floor(cutoff * s));
  // Every offset inside the cutoff ellipsoid, with its probability, grouped in bands.
  const offs: Array<{ dx: number; dy: number; dz: number; dw: number; p: number }> = [];
  for (let dw = -r[3]; dw <= r[3]; dw++)
    for (let dz = -r[2]; dz <= r[2]; dz++)
      for (let dy = -r[1]; dy <= r[1]; dy++)
        for (let dx = -r[0]; dx <= r[0]; dx++) {
          const d2 = (dx / sc[0]) ** 2 + (dy / sc[1]) ** 2 + (dz / sc[2]) ** 2 + (dw / sc[3]) ** 2;
          if (d2 > cutoff * cutoff) continue;
          const p = rule.kernel === 'gaussian' ? rule.p0 * detExp(-d2 / 2) : rule.p0 * detExp(-Math.sqrt(d2));
          if (p > 0) offs.push({ dx, dy, dz, dw, p });
        }
  if (offs.length > 5e7)
    throw new Brain4dError(`${a.path}.rule.scale`, `${a.path}: the kernel covers ${offs.length} lattice offsets (limit 5e7)`, {
      code: 'ERR_MEMORY',
    });
  offs.sort((u, v) => v.p - u.p);
  const bands: Array<{ start: number; end: number; pMax: number }> = [];
  for (let i = 0; i < offs.length;) {
    const pMax = offs[i].p;
    let j = i;
    while (j < offs.length && offs[j].p > pMax / 2) j++;
    bands.push({ start: i, end: j, pMax });
    i = j;
  }
  const n = offs.length;
  const ox = new Int32Array(n);
  const oy = new Int32Array(n);
  const oz = new Int32Array(n);
  const ow = new Int32Array(n);
  const op = new Float64Array(n);
  offs.forEach((o, i) => {
    ox[i] = o.dx;
    oy[i] = o.dy;
    oz[i] = o.dz;
    ow[i] = o.dw;
    op[i] = o.p;
  });
  const [sx, sy, sz] = a.source.size;
  const so = a.source.origin;
  const to = a.target.origin;
  const [tx, ty, tz, tw] = a.target.size;
  const row: number[] = [];
  return (s, out) => {
    // Source lattice coordinates, then target-box-relative ones.
    const x = (s % sx) + so[0] - to[0];
    let q = Math.floor(s / sx);
    const y = (q % sy) + so[1] - to[1];
    q = Math.floor(q / sy);
    const z = (q % sz) + so[2] - to[2];
    const w = Math.floor(q / sz) + so[3] - to[3];
    row.length = 0;
    for (const b of bands) {
      const len = b.end - b.start;
      for (let i = rng.geometric(b.pMax); i < len; i += 1 + rng.geometric(b.pMax)) {
        const k = b.start + i;
        if (op[k] < b.pMax && rng.uniform() * b.pMax >= op[k]) continue;
        const X = x + ox[k];
        const Y = y + oy[k];
        const Z = z + oz[k];
        const W = w + ow[k];
        if (X < 0 || Y < 0 || Z < 0 || W < 0 || X >= tx || Y >= ty || Z >= tz || W >= tw) continue;
        const t = ((W * tz + Z) * ty + Y) * tx + X;
        if (noSelf && t === s) continue;
        row.push(t);
      }
    }
    row.sort((u, v) => u - v);
    for (const t of row) out.push(t);
  };
}
