import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  isProfiling,
  memorySnapshot,
  profile,
  profileRegion,
  setBackend,
  startProfiling,
  tf,
  TensorError,
  type ProfileReport,
} from '../src/index.js';

interface EngineState {
  state: { profiling: boolean };
}
const engine = () => tf.engine() as unknown as EngineState;
/** True while a session's kernel hook sits on the engine object (an own runKernelFunc). */
const hooked = () => Object.prototype.hasOwnProperty.call(tf.engine(), 'runKernelFunc');

beforeAll(async () => {
  await setBackend('cpu');
});

afterEach(() => {
  expect(isProfiling()).toBe(false);
});

/** A few kernels of known names and counts inside nested regions. */
function work(): void {
  profileRegion('outer', () => {
    for (let i = 0; i < 3; i++) {
      profileRegion('inner', () => {
        const a = tf.ones([64, 64]);
        const b = tf.matMul(a, a);
        tf.dispose([a, b]);
      });
    }
  });
}

describe.each(['cpu', 'wasm'] as const)('profile on %s', (backend) => {
  beforeAll(async () => {
    await setBackend(backend);
  });

  it('records regions with nesting, kernels by name and count, and memory', async () => {
    const before = memorySnapshot();
    const { result, report } = await profile(
      () => {
        work();
        return 7;
      },
      { kernelCpu: true },
    );
    expect(result).toBe(7);
    // hook removed; tfjs's own profiling mode never switched on
    expect(hooked()).toBe(false);
    expect(engine().state.profiling).toBe(false);
    expect(memorySnapshot()).toEqual(before);
    expect(report.backend).toBe(backend);
    expect(report.regions.map((r) => `${r.name}:${r.depth}`)).toEqual(['outer:0', 'inner:1', 'inner:1', 'inner:1']);
    const totals = Object.fromEntries(report.regionTotals.map((r) => [r.name, r]));
    expect(totals.inner.calls).toBe(3);
    expect(totals.outer.calls).toBe(1);
    // the outer region contains the inner ones (same clock)
    const inner = report.regions.filter((r) => r.name === 'inner');
    const outer = report.regions[0];
    const innerSum = inner.reduce((s, r) => s + r.wallMs, 0);
    expect(outer.wallMs).toBeGreaterThanOrEqual(innerSum);
    for (const r of inner) expect(r.tensorBytesDelta).toBe(0);
    expect(report.cpuMs).not.toBeNull();
    const kernels = Object.fromEntries(report.kernels.map((k) => [k.name, k]));
    // tf.matMul of two rank-2 tensors is one BatchMatMul kernel call; tf.ones is a Fill
    expect(kernels.BatchMatMul.calls).toBe(3);
    expect(kernels.BatchMatMul.cpuMs).not.toBeNull();
    // each call adds its output [64, 64] float32 = 16 KiB
    expect(kernels.BatchMatMul.bytesAdded).toBe(3 * 64 * 64 * 4);
    // peak: a and b alive at once on top of what was held at the start
    expect(report.memory.peakBytes).toBe(report.memory.startBytes + 2 * 64 * 64 * 4);
    expect(report.memory.peakTensors).toBe(report.memory.startTensors + 2);
    expect(report.memory.endBytes).toBe(report.memory.startBytes);
    expect(report.memory.peakHeapUsed).toBeGreaterThan(0);
    // samples at the start, at each region boundary (2 per region) and at the end
    expect(report.samples.length).toBeGreaterThanOrEqual(2 + 2 * 4);
    // the first and last read the process memory; region boundaries read only the tensor counters
    expect(report.samples[0].heapUsed).toBeGreaterThan(0);
    expect(report.samples.at(-1)!.arrayBuffers).toBeGreaterThan(0);
    expect(report.samples.filter((s) => s.heapUsed === null && s.arrayBuffers === null).length).toBeGreaterThanOrEqual(2 * 4);
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });
});

describe('startProfiling', () => {
  it('samples memory at the interval while the event loop is free', async () => {
    const p = startProfiling({ intervalMs: 5 });
    expect(isProfiling()).toBe(true);
    const t = tf.zeros([1000]);
    await new Promise((r) => setTimeout(r, 100));
    t.dispose();
    const report: ProfileReport = await p.stop();
    // 2 samples (start, stop) without the timer: any more came from the interval
    expect(report.samples.length).toBeGreaterThan(2);
    expect(report.samples.some((s) => s.tensorBytes === report.memory.startBytes + 4000)).toBe(true);
    for (let i = 1; i < report.samples.length; i++) expect(report.samples[i].t).toBeGreaterThanOrEqual(report.samples[i - 1].t);
  });

  it('times an async region until its promise settles', async () => {
    // The region opens before fn runs and closes after the promise settles, so it spans at least
    // fn's start to the timer's callback (measured, not the nominal 30 ms: libuv counts a timer's
    // delay from the loop's cached clock, so it can fire a little before 30 ms of performance.now()).
    let calledAt = 0;
    let firedAt = 0;
    const { report } = await profile(() =>
      profileRegion('wait', () => {
        calledAt = performance.now();
        return new Promise<void>((r) =>
          setTimeout(() => {
            firedAt = performance.now();
            r();
          }, 30),
        );
      }),
    );
    expect(firedAt - calledAt).toBeGreaterThan(20);
    expect(report.regions[0].wallMs).toBeGreaterThanOrEqual(firedAt - calledAt);
  });

  it('ends a region when fn throws and rethrows', async () => {
    const p = startProfiling();
    expect(() =>
      profileRegion('boom', () => {
        throw new Error('x');
      }),
    ).toThrow('x');
    const r = await p.stop();
    expect(r.regionTotals).toEqual([expect.objectContaining({ name: 'boom', calls: 1 })]);
  });

  it('refuses a second session and bad options', async () => {
    const p = startProfiling();
    expect(() => startProfiling()).toThrow(TensorError);
    await p.stop();
    expect(() => startProfiling({ intervalMs: 0 })).toThrow(/intervalMs/);
    expect(isProfiling()).toBe(false);
  });

  it('records no kernels with kernels: false and caps the region list', async () => {
    const p = startProfiling({ kernels: false, maxRegions: 2 });
    expect(hooked()).toBe(false);
    work();
    const r = await p.stop();
    expect(r.kernels).toEqual([]);
    expect(r.regions).toHaveLength(2);
    expect(r.droppedRegions).toBe(2);
    expect(r.regionTotals.reduce((s, t) => s + t.calls, 0)).toBe(4);
  });

  it('stops the session when the profiled function throws', async () => {
    await expect(profile(() => Promise.reject(new Error('failed')))).rejects.toThrow('failed');
    expect(isProfiling()).toBe(false);
  });
});

describe('a backend set during a session', () => {
  it('is profiled too, and the engine is left as it was', async () => {
    await setBackend('cpu');
    const p = startProfiling();
    expect(hooked()).toBe(true);
    await setBackend('wasm'); // a new backend, the same engine
    work();
    const r = await p.stop();
    expect(r.backend).toBe('wasm');
    expect(r.kernels.find((k) => k.name === 'BatchMatMul')?.calls).toBe(3);
    expect(hooked()).toBe(false);
    expect(engine().state.profiling).toBe(false);
  });
});

describe('tf.profile during a session', () => {
  it('works as in tfjs, and the session counts the same kernels', async () => {
    await setBackend('cpu');
    const p = startProfiling();
    const info = await tf.profile(() => {
      const a = tf.ones([8, 8]);
      const b = tf.matMul(a, a);
      tf.dispose([a, b]);
    });
    const r = await p.stop();
    expect(info.kernels.filter((k) => k.name === 'BatchMatMul')).toHaveLength(1);
    expect(r.kernels.find((k) => k.name === 'BatchMatMul')?.calls).toBe(1);
    expect(engine().state.profiling).toBe(false);
  });
});

describe('profileRegion without a session', () => {
  it('is a direct call', () => {
    const o = {};
    expect(profileRegion('x', () => o)).toBe(o);
  });
});
