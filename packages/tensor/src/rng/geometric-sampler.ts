import type { Rng } from './rng.js';
import { detExpm1, detLog, detLog1p } from './det-math.js';

/** Below this p the table would be too long; the log inversion is used (few draws anyway). */
const TABLE_MIN_P = 1e-3;
const TWO32 = 4294967296;

/**
 * Draws G ~ Geometric(p). With `limit`, a tail draw (G >= L, see
 * geometricSampler) that already reaches `limit` returns at once with a value
 * >= limit, so a caller that only needs to know "G >= limit" (randomCSR at the
 * end of a row) consumes no further random numbers.
 * @internal
 */
export type GeometricSampler = (limit?: number) => number;

/**
 * @internal A sampler of G ~ Geometric(p) (failures before the first success,
 * P(G = s) = p (1-p)^s), by inversion of u = rng.nextUint32() / 2^32 against the
 * CDF F(s) = 1 - (1-p)^(s+1) tabulated at 32-bit resolution (each P(G <= s)
 * within 2^-32 of exact), with a guide table for O(1) expected lookup. The
 * table covers s < L where (1-p)^L <= 2^-32; beyond it the memoryless property
 * gives G = L + G' (a fresh draw). For p < 1e-3 (long tables, few draws) it
 * uses G = floor(log(1 - U) / log(1 - p)) with U = rng.uniform() (53 bits).
 */
export function geometricSampler(p: number, rng: Rng): GeometricSampler {
  const table = p >= TABLE_MIN_P && typeof rng.nextUint32 === 'function' ? geometricTable(p) : null;
  if (table === null) {
    const inv = 1 / detLog1p(-p);
    return () => Math.floor(detLog(1 - rng.uniform()) * inv);
  }
  const { cdf, guide, shift, L } = table;
  return (limit = Infinity) => {
    let base = 0;
    for (;;) {
      const x = rng.nextUint32();
      let t = guide[x >>> shift];
      while (x >= cdf[t]) t++;
      if (t < L) return base + t;
      base += L; // G >= L: memoryless, draw the rest afresh
      if (base >= limit) return base; // the caller only needs to know G >= limit
    }
  };
}

interface GeometricTable {
  cdf: Float64Array;
  guide: Int32Array;
  shift: number;
  L: number;
}

/** The last table built (tables depend on p only; rebuilding costs up to ~1 ms). */
let lastTable: { p: number; table: GeometricTable } | null = null;

/** The CDF and guide tables of geometricSampler for p >= TABLE_MIN_P. */
function geometricTable(p: number): GeometricTable {
  if (lastTable !== null && lastTable.p === p) return lastTable.table;
  const table = buildGeometricTable(p);
  lastTable = { p, table };
  return table;
}

function buildGeometricTable(p: number): GeometricTable {
  const logQ = detLog1p(-p);
  // L: smallest with (1-p)^L <= 2^-32; at most ~22,000 for p >= 1e-3.
  const L = Math.max(1, Math.ceil((-32 * Math.LN2) / logQ));
  const cdf = new Float64Array(L + 1);
  for (let s = 0; s < L; s++) cdf[s] = Math.floor(TWO32 * -detExpm1((s + 1) * logQ));
  cdf[L] = Infinity; // sentinel: the scan stops at L
  let bits = 1;
  while (1 << bits < 2 * L && bits < 16) bits++;
  const shift = 32 - bits;
  const guide = new Int32Array(1 << bits);
  let s = 0;
  for (let h = 0; h < guide.length; h++) {
    const lo = (h << shift) >>> 0; // smallest x in bucket h (h < 2^bits, shift = 32 - bits: below 2^32)
    while (s < L && cdf[s] <= lo) s++;
    guide[h] = s;
  }
  return { cdf, guide, shift, L };
}
