/**
 * Runs conformance cases on the active backend and compares outputs with a
 * reference run. Shared by the Node runner and the browser page, so it
 * imports nothing from Node.
 */
import { tf } from '../../src/index.js';
import type { ConformanceCase } from './types.js';

export type Backend = 'cpu' | 'wasm' | 'webgl' | 'webgpu';

/** The result of one case on one backend, plain data (crosses the page boundary as JSON-like values). */
export interface CaseResult {
  name: string;
  backend: string;
  skipped?: string;
  error?: string;
  /** Output name -> values (plain arrays so they survive structured cloning). */
  outputs?: Record<string, number[]>;
  /** Growth of the engine's tensor count and bytes over the case (must be 0). */
  leaked: { tensors: number; bytes: number };
  ms: number;
}

export const DEFAULT_ATOL = 1e-5;
export const DEFAULT_RTOL = 1e-4;

/** Run one case on the active backend; never throws (errors are reported in the result). */
export async function runCase(c: ConformanceCase, backend: Backend): Promise<CaseResult> {
  if (c.skip?.includes(backend)) {
    return { name: c.name, backend, skipped: c.skipReason ?? 'skipped by the case', leaked: { tensors: 0, bytes: 0 }, ms: 0 };
  }
  const before = tf.memory();
  const t0 = performance.now();
  try {
    const out = await c.run();
    const ms = performance.now() - t0;
    const after = tf.memory();
    const outputs: Record<string, number[]> = {};
    for (const [k, v] of Object.entries(out)) outputs[k] = Array.from(v as ArrayLike<number>);
    return {
      name: c.name,
      backend,
      outputs,
      leaked: { tensors: after.numTensors - before.numTensors, bytes: after.numBytes - before.numBytes },
      ms,
    };
  } catch (e) {
    const after = tf.memory();
    return {
      name: c.name,
      backend,
      error: e instanceof Error ? `${e.name}: ${e.message}` : String(e),
      leaked: { tensors: after.numTensors - before.numTensors, bytes: after.numBytes - before.numBytes },
      ms: performance.now() - t0,
    };
  }
}

/** Run every case in order on the active backend. */
export async function runCases(cases: ConformanceCase[], backend: Backend): Promise<CaseResult[]> {
  const results: CaseResult[] = [];
  for (const c of cases) results.push(await runCase(c, backend));
  return results;
}

/**
 * Compare `got` with the reference `ref` output by output:
 * |got - ref| <= atol + rtol * |ref| elementwise; NaN must match NaN and
 * infinities must match exactly. Returns a list of human-readable mismatches
 * (empty when they agree; at most 5 element mismatches per output are listed).
 */
export function compareOutputs(
  ref: Record<string, ArrayLike<number>>,
  got: Record<string, ArrayLike<number>>,
  atol = DEFAULT_ATOL,
  rtol = DEFAULT_RTOL,
): string[] {
  const problems: string[] = [];
  const refKeys = Object.keys(ref).sort();
  const gotKeys = Object.keys(got).sort();
  if (refKeys.join(',') !== gotKeys.join(',')) {
    problems.push(`outputs differ: reference has [${refKeys.join(', ')}], got [${gotKeys.join(', ')}]`);
    return problems;
  }
  for (const k of refKeys) {
    const r = ref[k];
    const g = got[k];
    if (r.length !== g.length) {
      problems.push(`${k}: length ${g.length}, reference length ${r.length}`);
      continue;
    }
    let bad = 0;
    let worst = 0; // largest |got - ref| among the mismatches
    for (let i = 0; i < r.length; i++) {
      const a = r[i];
      const b = g[i];
      let ok: boolean;
      if (Number.isNaN(a) || Number.isNaN(b)) ok = Number.isNaN(a) && Number.isNaN(b);
      else if (!Number.isFinite(a) || !Number.isFinite(b)) ok = a === b;
      else {
        const err = Math.abs(b - a);
        const lim = atol + rtol * Math.abs(a);
        ok = err <= lim;
        if (!ok) worst = Math.max(worst, err);
      }
      if (!ok) {
        if (bad < 5) problems.push(`${k}[${i}] = ${b}, reference ${a} (atol ${atol}, rtol ${rtol})`);
        bad++;
      }
    }
    if (bad > 5) problems.push(`${k}: ${bad} of ${r.length} elements outside tolerance (largest |difference| ${worst.toExponential(2)})`);
  }
  return problems;
}

/** Tolerance of a case, defaults applied. */
export function toleranceOf(c: ConformanceCase): { atol: number; rtol: number } {
  return { atol: c.atol ?? DEFAULT_ATOL, rtol: c.rtol ?? DEFAULT_RTOL };
}
