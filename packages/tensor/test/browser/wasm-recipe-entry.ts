/**
 * The README's esbuild recipe for the wasm backend in a browser: the three
 * `.wasm` files imported through esbuild's `file` loader and passed to
 * setBackend as a `wasmPaths` map. Sets `__recipe` to the result or the error.
 */
import { setBackend, tf } from '../../src/index.js';
import wasm from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm';
import simd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm';
import threadedSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm';

async function main(): Promise<{ backend: string; sum: number[] } | { error: string }> {
  try {
    const info = await setBackend('wasm', {
      wasmPaths: {
        'tfjs-backend-wasm.wasm': wasm,
        'tfjs-backend-wasm-simd.wasm': simd,
        'tfjs-backend-wasm-threaded-simd.wasm': threadedSimd,
      },
    });
    const y = tf.add(tf.tensor1d([1, 2]), tf.tensor1d([10, 20]));
    const sum = Array.from(await y.data());
    y.dispose();
    return { backend: info.name, sum };
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
}

void main().then((r) => {
  (globalThis as unknown as { __recipe: unknown }).__recipe = r;
});
