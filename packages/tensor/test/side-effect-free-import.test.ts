/**
 * Importing @neurite/tensor registers nothing: no tfjs backend, no Neurite
 * kernel, no gradient. (Vitest runs each test file in its own process, so this
 * file sees a fresh tfjs engine.) setBackend then registers exactly the backend
 * asked for. And a browser bundle of the pure-JS features contains no tfjs code.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { tf, setBackend, backendInfo, TensorError, SparseMatVec } from '../src/index.js';

const PKG = fileURLToPath(new URL('..', import.meta.url));

describe('importing @neurite/tensor', () => {
  it('registers no backend, kernel or gradient; backendInfo says to call setBackend', () => {
    expect(Object.keys(tf.engine().registryFactory)).toEqual([]);
    expect(tf.getKernelsForBackend('cpu')).toEqual([]);
    expect(tf.getKernelsForBackend('wasm')).toEqual([]);
    expect(tf.getGradient(tf.BatchMatMul)).toBeUndefined();
    let e: unknown;
    try {
      backendInfo();
    } catch (x) {
      e = x;
    }
    expect(e).toBeInstanceOf(TensorError);
    expect((e as TensorError).code).toBe('ERR_STATE');
  });

  it("setBackend('cpu') registers cpu, its Neurite kernels and the gradients, and not wasm", async () => {
    await setBackend('cpu');
    expect(Object.keys(tf.engine().registryFactory)).toEqual(['cpu']);
    expect(tf.getKernel(SparseMatVec, 'cpu')).toBeDefined();
    expect(tf.getGradient(tf.BatchMatMul)).toBeDefined();
    expect(tf.getKernelsForBackend('wasm')).toEqual([]);
  });
});

describe('a browser bundle of the pure-JS features (esbuild, as a user builds it)', () => {
  it('contains no @tensorflow code and no node: import', async () => {
    const result = await build({
      stdin: {
        contents: `import { createRng, toRng, randomCSR, csrFromCOO, spmv, gatherRowsSum, propagateSpikes, realFftPlan, complexFftPlan, rfft, irfft, topK, createValidators, TensorError } from './src/index.ts';
console.log(createRng, toRng, randomCSR, csrFromCOO, spmv, gatherRowsSum, propagateSpikes, realFftPlan, complexFftPlan, rfft, irfft, topK, createValidators, TensorError);`,
        resolveDir: PKG,
        sourcefile: 'pure-js-entry.ts',
        loader: 'ts',
      },
      bundle: true,
      minify: true,
      platform: 'browser',
      format: 'esm',
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    const [output] = Object.values(result.metafile.outputs);
    const included = Object.entries(output.inputs)
      .filter(([, i]) => i.bytesInOutput > 0)
      .map(([p]) => p);
    expect(included.filter((p) => p.includes('@tensorflow/'))).toEqual([]);
    expect(included.some((p) => p.startsWith(path.relative(process.cwd(), path.join(PKG, 'src', 'rng'))))).toBe(true);
  });

  it('of setBackend and tf ops builds with no flags, plugins or externals', async () => {
    const result = await build({
      stdin: {
        contents: `import { setBackend, tf } from './src/index.ts';
await setBackend('wasm', { wasmPaths: '/assets/' });
console.log(tf.add(1, 2).dataSync());`,
        resolveDir: PKG,
        sourcefile: 'tf-entry.ts',
        loader: 'ts',
      },
      bundle: true,
      platform: 'browser',
      format: 'esm',
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    const [output] = Object.values(result.metafile.outputs);
    const included = Object.keys(output.inputs);
    // The wasm and cpu backends come with setBackend; the optional GPU packages only through their entries.
    expect(included.some((p) => p.includes('@tensorflow/tfjs-backend-wasm'))).toBe(true);
    expect(included.some((p) => p.includes('@tensorflow/tfjs-backend-webgl') || p.includes('@tensorflow/tfjs-backend-webgpu'))).toBe(false);
  });

  it('with code splitting, @neurite/tensor/errors brings no tfjs into the entry chunk', async () => {
    const result = await build({
      stdin: {
        contents: `import { NeuriteError, TensorError, createValidators } from './src/errors.ts';
console.log(new NeuriteError('x'), TensorError, createValidators);`,
        resolveDir: PKG,
        sourcefile: 'errors-entry.ts',
        loader: 'ts',
      },
      bundle: true,
      splitting: true,
      outdir: path.join(PKG, 'split-probe-out'),
      platform: 'browser',
      format: 'esm',
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    const outputs = Object.values(result.metafile.outputs);
    expect(outputs).toHaveLength(1);
    expect(Object.keys(outputs[0].inputs).filter((p) => p.includes('@tensorflow/'))).toEqual([]);
  });
});
