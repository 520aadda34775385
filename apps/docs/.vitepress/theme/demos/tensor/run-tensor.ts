// The tensor demo's computation (guide/tensor.md): three kernels on the selected tfjs backend,
// each timed after one warm-up call — a dense matmul (tfjs), an rfft of a length that is not a
// power of two (tf.spectral.rfft: Neurite's FFT kernel on wasm, tfjs's shaders on webgl/webgpu),
// and the sum of selected rows of a random CSR matrix (Neurite's SparseGatherRowsSum kernel on every
// backend) — beside the same FFT in plain JavaScript (realFftPlan, float64), which needs no backend.
// Inputs come from one seed (createRng), so the browser test recomputes them in Node.
import type { DemoContext } from '../../demo-kit/index.js';

export interface TensorDemoOptions {
  /** Matrix size of the matmul (n × n times n × n). */
  n: number;
  /** Length of the rfft. */
  fftLength: number;
  /** Timed calls per kernel. */
  repeats: number;
  seed: number;
}

/** The CSR matrix of the sparse kernel: rows × cols, entries present with probability p, weights uniform in [−1, 1). */
export const SPARSE = { rows: 2000, cols: 1000, p: 0.05, selected: 100 } as const;

export interface TensorDemoResult extends TensorDemoOptions {
  backend: string;
  /** Row 0 of C = A·B (its first 16 entries). */
  matmul: { row0: number[]; ms: number };
  /** |X[k]| of the rfft, k = 0..15. */
  fft: { magnitudes: number[]; ms: number; jsMs: number };
  /** Σ over the selected rows of the CSR matrix, first 16 columns. */
  sparse: { sums: number[]; nnz: number; ms: number };
}

/**
 * The inputs, drawn in this order from createRng(seed): A and B (n × n standard normals, float32),
 * the rfft signal (fftLength normals), the CSR matrix (randomCSR with weights 2u − 1) and the
 * selected rows (sampleWithoutReplacement). Shared with the test, which imports nothing else.
 */
export function demoInputs(tensor: typeof import('@neurite/tensor'), o: TensorDemoOptions) {
  const rng = tensor.createRng(o.seed);
  const a = rng.normalArray(new Float32Array(o.n * o.n)) as Float32Array;
  const b = rng.normalArray(new Float32Array(o.n * o.n)) as Float32Array;
  const signal = rng.normalArray(new Float32Array(o.fftLength)) as Float32Array;
  const csr = tensor.randomCSR(SPARSE.rows, SPARSE.cols, SPARSE.p, rng, { weight: (r) => 2 * r.uniform() - 1 });
  const rows = Array.from(rng.sampleWithoutReplacement(SPARSE.rows, SPARSE.selected));
  return { a, b, signal, csr, rows };
}

export async function runTensor(ctx: DemoContext, o: TensorDemoOptions): Promise<TensorDemoResult> {
  const { tf, tensor } = ctx;
  const { a, b, signal, csr, rows } = demoInputs(tensor, o);
  const A = tf.tensor2d(a, [o.n, o.n]);
  const B = tf.tensor2d(b, [o.n, o.n]);
  const x = tf.tensor1d(signal);
  const C = tensor.csrToTensors(csr);
  /** One warm-up call (shader compilation, kernel caches), then `repeats` timed calls; the last result. */
  const timed = async (label: string, fn: () => Promise<Float32Array>): Promise<{ out: Float32Array; ms: number }> => {
    ctx.progress(label);
    await fn();
    let out: Float32Array = new Float32Array(0);
    const t0 = performance.now();
    for (let r = 0; r < o.repeats; r++) out = await ctx.time(1, fn);
    return { out, ms: (performance.now() - t0) / o.repeats };
  };
  try {
    const mm = await timed(`matmul ${o.n}×${o.n}`, async () => {
      const c = tf.matMul(A, B);
      const v = (await c.data()) as Float32Array;
      c.dispose();
      return v;
    });
    const ff = await timed(`rfft n = ${o.fftLength}`, async () => {
      const spec = tf.spectral.rfft(x);
      const mag = tf.abs(spec);
      const v = (await mag.data()) as Float32Array;
      tf.dispose([spec, mag]);
      return v;
    });
    const sp = await timed(`gatherRowsSum of ${SPARSE.selected} CSR rows`, async () => {
      const s = tensor.gatherRowsSumTensor(C, rows);
      const v = (await s.data()) as Float32Array;
      s.dispose();
      return v;
    });
    // the same FFT in plain JavaScript (float64), for comparison: no backend involved
    const plan = tensor.realFftPlan(o.fftLength);
    const spec64 = new Float64Array(2 * plan.bins);
    plan.forward(signal, spec64);
    const t0 = performance.now();
    for (let r = 0; r < o.repeats; r++) plan.forward(signal, spec64);
    const jsMs = (performance.now() - t0) / o.repeats;
    return {
      ...o,
      backend: ctx.backend,
      matmul: { row0: Array.from(mm.out.subarray(0, 16)), ms: mm.ms },
      fft: { magnitudes: Array.from(ff.out.subarray(0, 16)), ms: ff.ms, jsMs },
      sparse: { sums: Array.from(sp.out.subarray(0, 16)), nnz: csr.indptr[csr.nRows], ms: sp.ms },
    };
  } finally {
    tf.dispose([A, B, x, C.indptr, C.indices, C.data]);
  }
}
