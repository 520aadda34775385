/**
 * sparseRowsScale (kernel SparseRowsScale) on cpu and wasm in Node, and on webgpu through Dawn
 * (SwiftShader without a GPU; see test-utils/dawn.ts), against a reference written from the
 * definition: walk every stored (r, j, w) of the CSR in coordinate form and, when r is a selected
 * row and j a selected column, expect min(fround(w · fround(factor)), fround(maxWeight)), else w.
 * Every backend must match it bit for bit: one float32 product and one comparison an entry.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createRng,
  csrToTensors,
  memorySnapshot,
  randomCSR,
  setBackend,
  sparseRowsScale,
  SparseRowsScale,
  tf,
  TensorError,
  type CSR,
} from '../../src/index.js';
import { describeOnDawn } from '../../../../test-utils/dawn.js';

/** The reference: a new values array with the selected entries scaled (coordinate walk, Sets). */
function reference(m: CSR, rows: number[], cols: number[], factor: number, maxWeight = Infinity): Float32Array {
  const R = new Set(rows),
    C = new Set(cols);
  const out = Float32Array.from(m.data!.subarray(0, m.indptr[m.nRows]));
  const f = Math.fround(factor),
    cap = Math.fround(maxWeight);
  for (let r = 0; r < m.nRows; r++) {
    for (let e = m.indptr[r]; e < m.indptr[r + 1]; e++) {
      if (R.has(r) && C.has(m.indices[e])) out[e] = Math.min(Math.fround(out[e] * f), cap);
    }
  }
  return out;
}

/**
 * Upload a copy: on cpu, tf.tensor keeps the Float32Array it is given, so the tensor of
 * csrToTensors(m) shares m.data, and an in-place scale would change the reference's input too.
 */
const upload = (m: CSR) => csrToTensors({ ...m, data: m.data!.slice() });

/** distinct random rows (in random order) and ascending random columns. */
function selection(seed: string, nRows: number, nCols: number, nr: number, nc: number) {
  const rng = createRng(seed);
  const rows = Array.from(rng.sampleWithoutReplacement(nRows, nr));
  const cols = Array.from(rng.sampleWithoutReplacement(nCols, nc)).sort((a, b) => a - b);
  return { rows, cols };
}

function cases(backend: 'cpu' | 'wasm' | 'webgpu') {
  const rng = createRng(`rows-scale-${backend}`);
  const m = randomCSR(300, 200, 0.05, rng, { weight: (r) => 0.5 + r.uniform() });

  it('scales the selected entries in place, bit for bit as the reference', async () => {
    const { rows, cols } = selection('sel', 300, 200, 40, 60);
    const t = upload(m);
    const before = memorySnapshot();
    const data = t.data;
    sparseRowsScale(t, rows, cols, 1.1);
    sparseRowsScale(t, rows.slice(0, 10), cols, 1.1, { maxWeight: 1.3 });
    expect(t.data).toBe(data); // the same tensor, changed in place
    expect(memorySnapshot()).toEqual(before);
    const want = reference({ ...m, data: reference(m, rows, cols, 1.1) }, rows.slice(0, 10), cols, 1.1, 1.3);
    expect(await t.data.data()).toEqual(want);
    // at least one entry was scaled twice and capped, one scaled once, and some untouched
    const got = await t.data.data();
    expect(got.some((v, e) => v === Math.fround(1.3) && m.data![e] !== v)).toBe(true);
    expect(got.filter((v, e) => v !== m.data![e]).length).toBeGreaterThan(10);
    tf.dispose(t);
  });

  it('drops a stale host copy: a read, a scale, a read again sees the new values', async () => {
    const { rows, cols } = selection('stale', 300, 200, 30, 80);
    const t = upload(m);
    expect(await t.data.data()).toEqual(m.data!.subarray(0, m.indptr[300]));
    sparseRowsScale(t, rows, cols, 2);
    expect(await t.data.data()).toEqual(reference(m, rows, cols, 2));
    tf.dispose(t);
  });

  it('selects nothing when rows or cols are empty, and checks its arguments', async () => {
    const t = upload(m);
    sparseRowsScale(t, [], [1, 2], 2);
    sparseRowsScale(t, [1, 2], [], 2);
    expect(await t.data.data()).toEqual(m.data!.subarray(0, m.indptr[300]));
    expect(() => sparseRowsScale(t, [1, 1], [0], 2)).toThrow(/distinct/);
    expect(() => sparseRowsScale(t, [0], [3, 2], 2)).toThrow(/ascending/);
    expect(() => sparseRowsScale(t, [300], [0], 2)).toThrow(TensorError);
    expect(() => sparseRowsScale(t, [0], [200], 2)).toThrow(/cols\[0\]/);
    expect(() => sparseRowsScale(t, [0], [0], NaN)).toThrow(/factor/);
    expect(tf.getKernel(SparseRowsScale, backend)).toBeDefined();
    tf.dispose(t);
  });

  it('handles more selected rows than one dispatch dimension holds (70 000 rows)', async () => {
    // 70 000 > 65 535 workgroups: webgpu folds the dispatch into two dimensions
    const big = randomCSR(70000, 50, 0.02, createRng('big'), { weight: 1 });
    const rows = Array.from({ length: 70000 }, (_, i) => 69999 - i);
    const cols = [3, 7, 11, 49];
    const t = upload(big);
    sparseRowsScale(t, rows, cols, 3);
    expect(await t.data.data()).toEqual(reference(big, rows, cols, 3));
    tf.dispose(t);
  });
}

for (const backend of ['cpu', 'wasm'] as const) {
  describe(`sparseRowsScale on ${backend}`, () => {
    beforeAll(async () => {
      await setBackend(backend);
    });
    cases(backend);
  });
}

describeOnDawn('sparseRowsScale on webgpu in Node (Dawn)', () => {
  beforeAll(async () => {
    await setBackend('webgpu');
  }, 120_000);
  afterAll(async () => {
    await setBackend('cpu');
  });
  cases('webgpu');
});
