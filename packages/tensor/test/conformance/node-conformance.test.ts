/**
 * Every conformance case on cpu (the reference) and on wasm, in Node.
 * Each wasm output must match the cpu output within the case's tolerance,
 * and no case may leave tensors behind on either backend.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { setBackend } from '../../src/index.js';
import { allCases } from './all-cases.js';
import { compareOutputs, runCase, toleranceOf, type CaseResult } from './runner.js';

const reference = new Map<string, CaseResult>();

describe('conformance in Node: wasm against cpu', () => {
  beforeAll(async () => {
    await setBackend('cpu');
    for (const c of allCases) reference.set(c.name, await runCase(c, 'cpu'));
  });

  it('has cases with unique names', () => {
    expect(allCases.length).toBeGreaterThan(0);
    expect(new Set(allCases.map((c) => c.name)).size).toBe(allCases.length);
  });

  it('states a reason for every tolerance wider than the default', () => {
    const missing = allCases.filter((c) => ((c.atol ?? 0) > 1e-5 || (c.rtol ?? 0) > 1e-4) && !c.toleranceReason).map((c) => c.name);
    expect(missing).toEqual([]);
  });

  for (const c of allCases) {
    it.skipIf(c.skip?.includes('cpu') === true)(`cpu: ${c.name}`, () => {
      const r = reference.get(c.name)!;
      expect(r.error, r.error).toBeUndefined();
      expect(r.leaked, 'tensors left behind on cpu').toEqual({ tensors: 0, bytes: 0 });
    });
  }

  for (const c of allCases) {
    it.skipIf(c.skip?.includes('cpu') === true || c.skip?.includes('wasm') === true)(`wasm: ${c.name}`, async () => {
      const ref = reference.get(c.name)!;
      expect(ref.error, `cpu reference failed: ${ref.error}`).toBeUndefined();
      await setBackend('wasm');
      const r = await runCase(c, 'wasm');
      expect(r.error, r.error).toBeUndefined();
      expect(r.leaked, 'tensors left behind on wasm').toEqual({ tensors: 0, bytes: 0 });
      const { atol, rtol } = toleranceOf(c);
      expect(compareOutputs(ref.outputs!, r.outputs!, atol, rtol)).toEqual([]);
    });
  }
});
