import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRng, expectNoLeaks, randomCSR, setBackend, tf, type BackendName } from '@neurite/tensor';
import { AssemblyError, SparseArea } from '../src/index.js';
import { ExplicitReference } from './explicit-reference.js';

afterAll(async () => {
  await setBackend('cpu');
});

/**
 * The round written from its definition on a dense n × n float32 matrix (test sizes only):
 * the same connectome and stimulus draws as SparseArea (randomCSR, then Binomial per neuron),
 * input_j = float32 sum over the previous winners in their order, then + s_j; the k largest,
 * ties to the lower index, by a full sort; every w_ij (i previous winner, j new winner) and
 * s_j times the float32 1 + β.
 */
function denseReference(
  n: number,
  k: number,
  p: number,
  beta: number,
  seed: number,
  stimulusSize: number,
  rounds: number,
): string[] & { weights?: Float32Array; stim?: Float32Array } {
  const rng = createRng(seed);
  const csr = randomCSR(n, n, p, rng, { pattern: true });
  const stim = new Float32Array(n);
  for (let j = 0; j < n; j++) stim[j] = rng.binomial(stimulusSize, p);
  const w = new Float32Array(n * n);
  for (let i = 0; i < n; i++) for (let e = csr.indptr[i]; e < csr.indptr[i + 1]; e++) w[i * n + csr.indices[e]] = 1;
  const present = w.map((x) => x); // 1 where a synapse exists
  const f = Math.fround(1 + beta);
  let prev: number[] = [];
  const out: string[] & { weights?: Float32Array; stim?: Float32Array } = [];
  for (let r = 0; r < rounds; r++) {
    const input = new Float32Array(n);
    for (const i of prev) for (let j = 0; j < n; j++) if (present[i * n + j] === 1) input[j] += w[i * n + j];
    for (let j = 0; j < n; j++) input[j] += stim[j];
    const order = Array.from({ length: n }, (_, j) => j).sort((a, b) => input[b] - input[a] || a - b);
    const next = order.slice(0, k).sort((a, b) => a - b);
    for (const j of next) stim[j] = Math.fround(stim[j] * f);
    for (const i of prev) for (const j of next) if (present[i * n + j] === 1) w[i * n + j] = Math.fround(w[i * n + j] * f);
    prev = next;
    out.push(next.join(','));
  }
  // the stored synapses' weights in CSR order, and the stimulus weights
  out.weights = Float32Array.from(csr.indices.subarray(0, csr.indptr[n]), (j, e) => w[rowOf(csr.indptr, e) * n + j]);
  out.stim = stim;
  return out;
}

/** The row of CSR entry e (binary search in indptr). */
function rowOf(indptr: Int32Array, e: number): number {
  let lo = 0,
    hi = indptr.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (indptr[mid] <= e) lo = mid;
    else hi = mid;
  }
  return lo;
}

async function winnersOn(
  backend: BackendName,
  storage: 'host' | 'device',
  opts: { n: number; k: number; p: number; beta: number; seed: number },
  rounds: number,
) {
  await setBackend(backend);
  const a = new SparseArea({ ...opts, storage });
  const out: string[] = [];
  for (let r = 0; r < rounds; r++) out.push(Array.from(await a.project()).join(','));
  const c = await a.connectome();
  a.dispose();
  return Object.assign(out, { weights: c.weights, stim: c.stimulus });
}

describe('SparseArea', () => {
  const small = { n: 400, k: 20, p: 0.1, beta: 0.1, seed: 11 };

  it('gives the winners and weights of the dense definition, on cpu and wasm, host and device storage', async () => {
    const expected = denseReference(small.n, small.k, small.p, small.beta, small.seed, small.k, 8);
    // plasticity happened: some synapses and stimulus weights grew
    expect(expected.weights!.some((x) => x > 1)).toBe(true);
    for (const backend of ['cpu', 'wasm'] as const) {
      for (const storage of ['host', 'device'] as const) {
        const got = await winnersOn(backend, storage, small, 8);
        expect([...got], `${backend} ${storage}`).toEqual([...expected]);
        expect(got.weights, `${backend} ${storage} weights`).toEqual(expected.weights);
        expect(got.stim, `${backend} ${storage} stimulus weights`).toEqual(expected.stim);
      }
    }
  });

  it('gives the same winners for a seed on every storage at n = 5000 (a stimulus-only round, then recurrence)', async () => {
    const opts = { n: 5000, k: 70, p: 0.02, beta: 0.05, seed: 4 };
    const host = await winnersOn('cpu', 'host', opts, 6);
    const device = await winnersOn('wasm', 'device', opts, 6);
    expect([...device]).toEqual([...host]);
    expect(device.weights).toEqual(host.weights);
    // winners differ between rounds: the test is not comparing constant output
    expect(new Set(host).size).toBeGreaterThan(1);
  });

  it('tracks the support and leaves no tensors behind on device storage', async () => {
    await setBackend('wasm');
    const a = new SparseArea({ ...small, storage: 'device' });
    await a.project();
    expect(a.support).toBe(small.k);
    const before = tf.memory().numTensors;
    await expectNoLeaks(() => a.project(), { iterations: 10 });
    expect(tf.memory().numTensors).toBe(before);
    expect(a.round).toBe(13);
    // row offsets, indices and weights; the stimulus weights as a CSR of one row (indices, weights, 2 offsets)
    expect(a.memory().deviceBytes).toBe(4 * (small.n + 1) + 8 * a.memory().synapses + 8 * small.n + 8);
    a.dispose();
    expect(tf.memory().numTensors).toBe(before - 6);
    await expect(a.project()).rejects.toThrow(AssemblyError);
  });

  it('fires only the stimulus or only the recurrence when asked', async () => {
    await setBackend('cpu');
    const a = new SparseArea({ ...small, storage: 'host', beta: 0 });
    const first = await a.project({ recurrent: false });
    // β = 0 and the stimulus alone: the same input every time
    expect(await a.project({ recurrent: false })).toEqual(first);
    const rec = await a.project({ stimulus: false });
    expect(rec).not.toEqual(first);
  });

  it('refuses bad options and areas over the memory budget', async () => {
    await setBackend('cpu');
    expect(() => new SparseArea({ n: 100, k: 0, p: 0.1 })).toThrow(AssemblyError);
    expect(() => new SparseArea({ n: 100, k: 10, p: 1.5 })).toThrow(/p/);
    expect(() => new SparseArea({ n: 100, k: 10, p: 0.1, storage: 'device', weights: 'float16' })).toThrow(/float16/);
    try {
      new SparseArea({ n: 1e6, k: 1000, p: 0.01 });
      expect.unreachable();
    } catch (e) {
      expect((e as AssemblyError).code).toBe('ERR_MEMORY');
    }
  });
});

const mean = (a: number[]) => a.reduce((s, x) => s + x, 0) / a.length;
const se = (a: number[]) => {
  const m = mean(a);
  return Math.sqrt(a.reduce((s, x) => s + (x - m) ** 2, 0) / (a.length - 1) / a.length);
};

describe('SparseArea statistics', () => {
  // The size of the lazy-vs-explicit check (explicit-reference.test.ts): n = 1e4, k = 100, p = 0.05, β = 0.1.
  const n = 10000,
    k = 100,
    p = 0.05,
    beta = 0.1,
    rounds = 20;
  const SEEDS = Array.from({ length: 12 }, (_, i) => i);
  let f32: number[][] = [];

  beforeAll(async () => {
    await setBackend('cpu');
    f32 = [];
    for (const seed of SEEDS) {
      const a = new SparseArea({ n, k, p, beta, seed: 100 + seed, storage: 'host' });
      const s: number[] = [];
      for (let r = 0; r < rounds; r++) {
        await a.project();
        s.push(a.support);
      }
      f32.push(s);
    }
  });

  it('projection support matches the explicit reference simulation (12 seeds)', () => {
    const ref = SEEDS.map((seed) => {
      const b = new ExplicitReference(p, 7000 + seed);
      b.addStimulus('s', k).addArea('A', n, k, beta);
      b.project({ s: ['A'] }, {});
      for (let t = 1; t < rounds; t++) b.project({ s: ['A'] }, { A: ['A'] });
      return b.supportHistory('A');
    });
    for (const r of [1, 4, 19]) {
      const a = f32.map((s) => s[r]),
        e = ref.map((s) => s[r]);
      // means within 4 standard errors of their difference + 1 neuron (integer counts; see explicit-reference.test.ts)
      expect(Math.abs(mean(a) - mean(e)), `round ${r + 1}: sparse ${mean(a)} vs reference ${mean(e)}`).toBeLessThan(
        4 * Math.hypot(se(a), se(e)) + 1,
      );
    }
  });

  it('float16 weights give the support statistics of float32 (12 seeds)', async () => {
    const f16: number[][] = [];
    for (const seed of SEEDS) {
      const a = new SparseArea({ n, k, p, beta, seed: 100 + seed, storage: 'host', weights: 'float16' });
      const s: number[] = [];
      for (let r = 0; r < rounds; r++) {
        await a.project();
        s.push(a.support);
      }
      f16.push(s);
      // 4 bytes an index + 2 a weight per synapse; row offsets; stimulus, input (4 + 4) and flags (2) per neuron
      expect(a.memory().hostBytes).toBe(4 * (n + 1) + 6 * a.synapses + 10 * n);
    }
    const a = f16.map((s) => s[rounds - 1]),
      e = f32.map((s) => s[rounds - 1]);
    // same connectome per seed, paired: the mean paired difference within 4 of its standard errors + 1 neuron
    const d = a.map((x, i) => x - e[i]);
    expect(Math.abs(mean(d)), `float16 ${mean(a)} vs float32 ${mean(e)}`).toBeLessThan(4 * se(d) + 1);
  });
});
