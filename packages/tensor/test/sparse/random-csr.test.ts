import { describe, expect, it } from 'vitest';
import { randomCSR } from '../../src/sparse/random-csr.js';
import { createRng } from '../../src/rng/create-rng.js';
import { TensorError } from '../../src/tensor-error.js';
import { binomialPmf, chiSquareZ } from './helpers.js';

function nnzOf(m: { indptr: Int32Array; nRows: number }): number {
  return m.indptr[m.nRows];
}

function expectWellFormed(m: ReturnType<typeof randomCSR>): void {
  expect(m.indptr.length).toBe(m.nRows + 1);
  expect(m.indptr[0]).toBe(0);
  const nnz = nnzOf(m);
  expect(m.indices.length).toBe(nnz);
  if (m.data !== null) expect(m.data.length).toBe(nnz);
  for (let i = 0; i < m.nRows; i++) {
    const a = m.indptr[i];
    const b = m.indptr[i + 1];
    if (b < a) throw new Error(`indptr decreases at row ${i}`);
    for (let k = a; k < b; k++) {
      const c = m.indices[k];
      if (c < 0 || c >= m.nCols) throw new Error(`column ${c} out of range in row ${i}`);
      if (k > a && c <= m.indices[k - 1]) throw new Error(`columns not strictly increasing in row ${i}`);
    }
  }
}

describe('randomCSR', () => {
  it('nnz follows Binomial(n m, p) and the matrix is well formed', () => {
    // Over 20 seeds the standardized nnz should look N(0, 1): each within 5 sigma,
    // and their mean within 5 / sqrt(20) sigma.
    const n = 400,
      m = 700,
      p = 0.03;
    const mean = n * m * p;
    const sd = Math.sqrt(n * m * p * (1 - p));
    let zs = 0;
    for (let seed = 1; seed <= 20; seed++) {
      const a = randomCSR(n, m, p, createRng(seed));
      expectWellFormed(a);
      const z = (nnzOf(a) - mean) / sd;
      expect(Math.abs(z)).toBeLessThan(5);
      zs += z;
    }
    expect(Math.abs(zs / 20) * Math.sqrt(20)).toBeLessThan(5);
  });

  it('row counts are Binomial(m, p) (chi-square) on the table sampler path', () => {
    const n = 20000,
      m = 500,
      p = 0.02;
    const a = randomCSR(n, m, p, createRng('rows'), { pattern: true });
    const kMax = 60;
    const hist = new Float64Array(kMax + 1);
    for (let i = 0; i < n; i++) hist[Math.min(kMax, a.indptr[i + 1] - a.indptr[i])]++;
    const pmf = binomialPmf(m, p, kMax);
    const expected = Array.from(pmf, (q) => q * n);
    expect(chiSquareZ(hist, expected).z).toBeLessThan(4.5);
  });

  it('columns are uniform and gaps between stored columns are Geometric(p)', () => {
    for (const [p, n, m] of [
      [0.05, 4000, 400],
      [0.3, 2000, 200],
      [4e-4, 2000, 20000],
    ] as const) {
      const a = randomCSR(n, m, p, createRng(`gaps-${p}`), { pattern: true });
      // Column counts: each ~ Binomial(n, p); compare the histogram of columns
      // (uniform over m) with chi-square on m bins.
      const colCount = new Float64Array(m);
      for (let k = 0; k < nnzOf(a); k++) colCount[a.indices[k]]++;
      const nnz = nnzOf(a);
      expect(chiSquareZ(colCount, new Float64Array(m).fill(nnz / m)).z).toBeLessThan(4.5);
      // Gaps: for each stored column c with room for G more columns after it,
      // the gap to the next stored column of the row (>= G, or no next one,
      // pooled in the last bin) is Geometric(p) censored at G.
      const G = Math.min(Math.ceil(3 / p), Math.floor(m / 4));
      const hist = new Float64Array(G + 1);
      for (let i = 0; i < n; i++) {
        const end = a.indptr[i + 1];
        for (let k = a.indptr[i]; k < end; k++) {
          const c = a.indices[k];
          if (c + G >= m) break;
          const g = k + 1 < end ? a.indices[k + 1] - c - 1 : G;
          hist[Math.min(G, g)]++;
        }
      }
      const total = hist.reduce((s, v) => s + v, 0);
      expect(total).toBeGreaterThan(1000);
      const expected = new Float64Array(G + 1);
      for (let s = 0; s < G; s++) expected[s] = total * p * (1 - p) ** s;
      expected[G] = total * (1 - p) ** G;
      const r = chiSquareZ(hist, expected);
      expect(r.df).toBeGreaterThan(3);
      expect(r.z).toBeLessThan(4.5);
    }
  });

  it('is O(nnz): a 1e6 x 1e6 matrix with p = 1e-7 (1e12 cells, which a per-cell draw would take hours for)', () => {
    const n = 1_000_000;
    const p = 1e-7;
    const a = randomCSR(n, n, p, createRng(7), { pattern: true });
    const mean = n * n * p;
    expect(Math.abs(nnzOf(a) - mean)).toBeLessThan(5 * Math.sqrt(mean)); // 5 sd of Binomial(n^2, p) (sd <= sqrt(mean))
    expectWellFormed(a);
  });

  it('stores about 8 bytes per nnz (4 with pattern: true)', () => {
    const a = randomCSR(3000, 3000, 0.01, createRng(3));
    const nnz = nnzOf(a);
    const bytes = a.indices.buffer.byteLength + (a.data as Float32Array).buffer.byteLength;
    // randomCSR keeps at most max(4096, nnz / 64) entries of capacity slack (it copies when the slack is larger)
    const slack = Math.max(4096, nnz / 64);
    expect(bytes).toBeLessThanOrEqual(8 * (nnz + slack));
    const b = randomCSR(3000, 3000, 0.01, createRng(3), { pattern: true });
    expect(b.data).toBeNull();
    expect(b.indices.buffer.byteLength).toBeLessThanOrEqual(4 * (nnz + slack));
    expect(Array.from(b.indices)).toEqual(Array.from(a.indices));
  });

  it('weights: constant, or drawn per synapse after the structure', () => {
    const a = randomCSR(50, 60, 0.2, createRng(11), { weight: 0.25 });
    expect(new Set(a.data).size).toBe(1);
    expect((a.data as Float32Array)[0]).toBe(0.25);
    const b = randomCSR(50, 60, 0.2, createRng(11), { weight: (r) => r.normal(1, 0.1) });
    expect(Array.from(b.indices)).toEqual(Array.from(a.indices));
    expect(Array.from(b.indptr)).toEqual(Array.from(a.indptr));
    // Reference: the same stream, structure first, then one normal per stored entry.
    const ref = createRng(11);
    randomCSR(50, 60, 0.2, ref, { pattern: true });
    const w = Array.from({ length: b.indices.length }, () => Math.fround(ref.normal(1, 0.1)));
    expect(Array.from(b.data as Float32Array)).toEqual(w);
  });

  it('is reproducible: same seed -> identical arrays; different seed -> different', () => {
    const a = randomCSR(300, 300, 0.05, createRng('s'));
    const b = randomCSR(300, 300, 0.05, createRng('s'));
    const c = randomCSR(300, 300, 0.05, createRng('t'));
    expect(Array.from(a.indices)).toEqual(Array.from(b.indices));
    expect(Array.from(a.indptr)).toEqual(Array.from(b.indptr));
    expect(Array.from(a.indices)).not.toEqual(Array.from(c.indices));
  });

  it('p = 0 and p = 1 and empty shapes', () => {
    expect(nnzOf(randomCSR(10, 20, 0, createRng(1)))).toBe(0);
    const full = randomCSR(7, 5, 1, createRng(1), { pattern: true });
    expect(nnzOf(full)).toBe(35);
    expectWellFormed(full);
    expect(nnzOf(randomCSR(0, 5, 0.5, createRng(1)))).toBe(0);
    expect(nnzOf(randomCSR(5, 0, 0.5, createRng(1)))).toBe(0);
  });

  it('rejects bad arguments with TensorError', () => {
    const rng = createRng(1);
    for (const p of [-0.1, 1.5, NaN]) expect(() => randomCSR(3, 3, p, rng)).toThrow(TensorError);
    expect(() => randomCSR(3, 3, 0.5, rng)).not.toThrow();
    expect(() => randomCSR(2.5, 3, 0.5, rng)).toThrow(/nRows/);
    expect(() => randomCSR(3, -1, 0.5, rng)).toThrow(/nCols/);
    expect(() => randomCSR(3, 3, 0.5, rng, { pattern: true, weight: 2 })).toThrow(/weight/);
    expect(() => randomCSR(3, 3, 0.5, rng, { weight: Infinity })).toThrow(/weight/);
    expect(() => randomCSR(3, 3, 1, rng, { weight: () => NaN })).toThrow(/weight/);
    expect(() => randomCSR(1e6, 1e6, 0.5, rng)).toThrow(/2\^31/);
  });

  it('a row starts at column G ~ Geometric(p): the first column is 0 when G = 0, on both sampler paths', () => {
    // uniform() = 0 and nextUint32() = 0 give G = floor(ln(1 - 0) / ln(1 - p)) = 0 and table index 0.
    for (const p of [5e-4, 0.5]) {
      const zero = { nextUint32: () => 0, uniform: () => 0 } as unknown as ReturnType<typeof createRng>;
      const a = randomCSR(2, 3, p, zero, { pattern: true });
      expect(Array.from(a.indices)).toEqual([0, 1, 2, 0, 1, 2]);
    }
  });

  it('a tail draw (G >= L) that leaves the row ends it without further draws', () => {
    // column G = L + 0 = 32, then tails only (L each) run past nCols.
    const seq2 = [0xffffffff, 0];
    const fake2 = { nextUint32: () => seq2.shift() ?? 0xffffffff, uniform: () => 0 } as unknown as ReturnType<typeof createRng>;
    const a = randomCSR(1, 100, 0.5, fake2, { pattern: true });
    expect(Array.from(a.indices)).toEqual([32]);
  });
});
