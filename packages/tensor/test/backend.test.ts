import { afterAll, describe, expect, it } from 'vitest';
import { backendInfo, setBackend, tf, TensorError } from '../src/index.js';

/**
 * A minimal module that uses a 128-bit SIMD instruction:
 * (module (func (result v128) (v128.const i32x4 0 0 0 0))).
 * WebAssembly.validate accepts it exactly when this engine has wasm SIMD.
 */
const SIMD_PROBE = new Uint8Array([
  0x00,
  0x61,
  0x73,
  0x6d,
  0x01,
  0x00,
  0x00,
  0x00, // magic, version
  0x01,
  0x05,
  0x01,
  0x60,
  0x00,
  0x01,
  0x7b, // type section: () -> v128
  0x03,
  0x02,
  0x01,
  0x00, // function section
  0x0a,
  0x16,
  0x01,
  0x14,
  0x00,
  0xfd,
  0x0c,
  ...new Array(16).fill(0),
  0x0b, // code: v128.const 0, end
]);

afterAll(async () => {
  await setBackend('wasm');
});

describe('setBackend / backendInfo', () => {
  it('selects cpu and reports it (no SIMD/threads outside wasm)', async () => {
    const info = await setBackend('cpu');
    expect(info).toEqual({ name: 'cpu', simd: false, threads: false, node: true });
    expect(tf.getBackend()).toBe('cpu');
    expect(backendInfo()).toEqual(info);
  });

  it('selects wasm and reports SIMD as this engine supports it, threads off in Node', async () => {
    const info = await setBackend('wasm');
    expect(tf.getBackend()).toBe('wasm');
    expect(info.name).toBe('wasm');
    expect(info.simd).toBe(WebAssembly.validate(SIMD_PROBE));
    // tfjs-backend-wasm never starts its pthread build in Node.
    expect(info.threads).toBe(false);
    const y = tf.tidy(() =>
      tf.matMul(
        tf.tensor2d([
          [1, 2],
          [3, 4],
        ]),
        tf.tensor2d([[5], [6]]),
      ),
    );
    expect(Array.from(await y.data())).toEqual([17, 39]);
    y.dispose();
  });

  it('auto picks wasm in Node', async () => {
    await setBackend('cpu');
    const info = await setBackend('auto');
    expect(info.name).toBe('wasm');
  });

  it('rejects an unknown backend with a TensorError naming the argument', async () => {
    const err = await setBackend('tpu' as never).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TensorError);
    expect((err as TensorError).code).toBe('ERR_INVALID_ARGUMENT');
    expect((err as TensorError).argument).toBe('backend');
    expect((err as TensorError).message).toMatch(/"tpu"/);
    expect((err as TensorError).message).toMatch(/cpu, wasm, webgl, webgpu, auto/);
  });

  it('reports webgpu in Node without a Vulkan driver as TensorError ERR_BACKEND naming the driver, with its cause', async () => {
    const saved = process.env.VK_ICD_FILENAMES;
    // An ICD list naming no file: the Vulkan loader finds no driver, so Dawn finds no adapter.
    process.env.VK_ICD_FILENAMES = '/nonexistent/neurite-no-driver.json';
    try {
      const err = await setBackend('webgpu').catch((e: unknown) => e);
      expect(err).toBeInstanceOf(TensorError);
      expect((err as TensorError).code).toBe('ERR_BACKEND');
      expect((err as TensorError).argument).toBe('backend');
      expect((err as TensorError).message).toMatch(
        /^setBackend: backend "webgpu": Dawn \(package webgpu\) found no GPU adapter: no Vulkan driver/,
      );
      expect((err as TensorError).message).toContain('VK_ICD_FILENAMES=/usr/lib/chromium/vk_swiftshader_icd.json');
      expect((err as TensorError).cause).toBeInstanceOf(Error);
      expect(tf.getBackend()).not.toBe('webgpu');
    } finally {
      if (saved === undefined) delete process.env.VK_ICD_FILENAMES;
      else process.env.VK_ICD_FILENAMES = saved;
    }
  });

  for (const gpu of ['webgl'] as const) {
    it(`reports ${gpu}, which cannot start in Node, as TensorError ERR_BACKEND with the reason and its cause`, async () => {
      const err = await setBackend(gpu).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(TensorError);
      expect((err as TensorError).code).toBe('ERR_BACKEND');
      expect((err as TensorError).argument).toBe('backend');
      expect((err as TensorError).message).toMatch(
        new RegExp(`^setBackend: backend "${gpu}" could not be initialised in this environment: .*registered nothing`),
      );
      expect((err as TensorError).cause).toBeInstanceOf(Error);
      expect(tf.getBackend()).not.toBe(gpu);
    });
  }

  it('rejects wasmPaths and options of the wrong type before doing anything', async () => {
    const bad = await setBackend('wasm', { wasmPaths: 42 as never }).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(TensorError);
    expect((bad as TensorError).argument).toBe('wasmPaths');
    expect((bad as TensorError).message).toMatch(/got number/);
    const opts = await setBackend('wasm', null as never).catch((e: unknown) => e);
    expect((opts as TensorError).argument).toBe('options');
  });

  it('accepts wasmPaths in Node once wasm has started (it only applies before the first start)', async () => {
    await setBackend('wasm');
    const info = await setBackend('wasm', { wasmPaths: '/not/used/' });
    expect(info.name).toBe('wasm');
  });
});
