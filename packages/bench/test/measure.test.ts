import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { measure, median, timeCall } from '../src/measure.js';

describe('median', () => {
  it('is the middle value of an odd-length list', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([7])).toBe(7);
  });
  it('is the mean of the two middle values of an even-length list', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
  it('sorts numerically and leaves its input alone', () => {
    const xs = [10, 9, 100, 2, 1];
    expect(median(xs)).toBe(9);
    expect(xs).toEqual([10, 9, 100, 2, 1]);
  });
});

describe('measure', () => {
  it('calls fn warmup + repeats * inner times and returns microseconds per call', async () => {
    let calls = 0;
    // fake wall clock advanced by fn: call number c takes c ms, so per-call means of the 4 repeats of 3 calls
    // (after 2 warm-up calls) are 4, 7, 10, 13 ms and their median 8.5 ms
    let wallMs = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => wallMs);
    try {
      const us = await measure(
        () => {
          calls++;
          wallMs += calls;
        },
        false,
        { warmup: 2, repeats: 4, inner: 3 },
      );
      expect(calls).toBe(2 + 4 * 3);
      expect(us).toBe(8500);
    } finally {
      vi.restoreAllMocks();
    }
  });

  it('uses fewer repeats with quick (1 warm-up + 5) than without (3 + 15)', async () => {
    let quick = 0;
    await measure(() => {
      quick++;
    }, true);
    let full = 0;
    await measure(() => {
      full++;
    }, false);
    expect(quick).toBe(6);
    expect(full).toBe(18);
  });

  it('awaits promises and reports the median time', async () => {
    // Fake sleeps (the wall clock advances when the promise settles) of 2 ms, except one of 60 ms:
    // the median of the 5 repeats is 2 ms exactly; without awaiting, every time would be 0.
    let wallMs = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => wallMs);
    try {
      let i = 0;
      const sleep = () =>
        new Promise<void>((r) =>
          setTimeout(() => {
            wallMs += i++ === 3 ? 60 : 2;
            r();
          }, 0),
        );
      expect(await measure(sleep, false, { warmup: 1, repeats: 5 })).toBe(2000);
    } finally {
      vi.restoreAllMocks();
    }
  });
});

describe('timeCall', () => {
  // A fake clock: performance.now() and process.cpuUsage() read counters that fn advances.
  let wallMs = 0,
    cpuUser = 0,
    cpuSystem = 0;
  beforeEach(() => {
    wallMs = 1000;
    cpuUser = 5e6;
    cpuSystem = 1e6;
    vi.spyOn(performance, 'now').mockImplementation(() => wallMs);
    vi.spyOn(process, 'cpuUsage').mockImplementation((prev?: NodeJS.CpuUsage) =>
      prev ? { user: cpuUser - prev.user, system: cpuSystem - prev.system } : { user: cpuUser, system: cpuSystem },
    );
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('calls fn inner times and reports wall and CPU (user + system) microseconds per call', async () => {
    let calls = 0;
    const t = await timeCall(() => {
      calls++;
      wallMs += 5;
      cpuUser += 1500;
      cpuSystem += 500;
    }, 4);
    expect(calls).toBe(4);
    expect(t).toEqual({ wallUs: 5000, cpuUs: 2000 });
  });

  it('awaits a promise before reading the clocks', async () => {
    const t = await timeCall(
      () =>
        new Promise<void>((r) =>
          setTimeout(() => {
            wallMs += 30;
            r();
          }, 1),
        ),
    );
    expect(t).toEqual({ wallUs: 30_000, cpuUs: 0 });
  });
});
