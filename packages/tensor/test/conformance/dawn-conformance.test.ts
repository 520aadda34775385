/**
 * Every conformance case on the webgpu backend in Node (Dawn, through the
 * optional `webgpu` package), compared with the cpu backend's result in the
 * same process. Without a GPU it runs on SwiftShader's Vulkan driver from
 * Debian's chromium (see test-utils/dawn.ts): skipped locally when that or the
 * package is missing, failing when process.env.CI is set.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { setBackend, tf } from '../../src/index.js';
import { allCases } from './all-cases.js';
import { compareOutputs, runCases, toleranceOf, type CaseResult } from './runner.js';
import { describeOnDawn } from '../../../../test-utils/dawn.js';

describeOnDawn('conformance in Node on webgpu (Dawn): every case against cpu', () => {
  const reference = new Map<string, CaseResult>();
  const results = new Map<string, CaseResult>();
  let started: string | undefined;

  beforeAll(async () => {
    await setBackend('cpu');
    for (const r of await runCases(allCases, 'cpu')) reference.set(r.name, r);
    started = (await setBackend('webgpu')).name;
    for (const r of await runCases(allCases, 'webgpu')) results.set(r.name, r);
  }, 300_000);

  afterAll(async () => {
    await setBackend('cpu');
  });

  it("setBackend('webgpu') starts in Node and runs every case", () => {
    expect(started).toBe('webgpu');
    expect(tf.findBackend('webgpu')).not.toBeNull();
    expect([...results.keys()]).toEqual(allCases.map((c) => c.name));
  });

  for (const c of allCases) {
    it.skipIf(c.skip?.includes('webgpu') === true || c.skip?.includes('cpu') === true)(`webgpu: ${c.name}`, () => {
      const r = results.get(c.name)!;
      const ref = reference.get(c.name)!;
      expect(ref.error, `cpu reference failed: ${ref.error}`).toBeUndefined();
      expect(r.error, r.error).toBeUndefined();
      expect(r.leaked, 'tensors left behind on webgpu').toEqual({ tensors: 0, bytes: 0 });
      const { atol, rtol } = toleranceOf(c);
      expect(compareOutputs(ref.outputs!, r.outputs!, atol, rtol)).toEqual([]);
    });
  }
});
