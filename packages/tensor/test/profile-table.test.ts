import { describe, expect, it } from 'vitest';
import { formatProfileTable, type ProfileReport } from '../src/index.js';

const report: ProfileReport = {
  version: 1,
  startedAt: '2026-01-01T00:00:00.000Z',
  backend: 'wasm',
  wallMs: 200,
  cpuMs: 150,
  regions: [],
  droppedRegions: 0,
  regionTotals: [
    { name: 'round', calls: 4, wallMs: 100, cpuMs: 90 },
    { name: 'setup', calls: 1, wallMs: 50, cpuMs: 40 },
  ],
  kernels: [{ name: 'SparseGatherRowsSum', calls: 4, wallMs: 20, cpuMs: 19, gpuMs: null, bytesAdded: 3 * 1024 * 1024 }],
  memory: {
    startBytes: 0,
    endBytes: 0,
    startTensors: 0,
    endTensors: 0,
    peakBytes: 2048,
    peakTensors: 3,
    peakHeapUsed: 10 * 1024 * 1024,
    peakArrayBuffers: 512,
  },
  samples: [],
  intervalMs: 50,
};

describe('formatProfileTable', () => {
  it('lists regions and kernels with mean time and share of the wall time', () => {
    const text = formatProfileTable(report);
    const lines = text.split('\n');
    expect(lines[0]).toBe('profile: 200.0 ms wall, 150.0 ms CPU, backend wasm, 0 samples');
    expect(lines[1]).toBe('tensors: peak 2.0 KiB in 3 tensors; start 0 B (0), end 0 B (0)');
    expect(lines[2]).toBe('JS: peak heap used 10.0 MiB, peak array buffers 512 B');
    // round: 4 calls, 100 ms → mean 25 ms, 50% of 200 ms
    expect(lines.find((l) => l.startsWith('round'))!.split(/\s+/)).toEqual(['round', '4', '100.0', '25.0', '90.0', '50.0%']);
    expect(lines.find((l) => l.startsWith('SparseGatherRowsSum'))!.split(/\s+/)).toEqual([
      'SparseGatherRowsSum',
      '4',
      '20.0',
      '5.000',
      '19.0',
      '10.0%',
      '3.0',
      'MiB',
    ]);
  });

  it('keeps only the top rows', () => {
    const text = formatProfileTable(report, { top: 1 });
    expect(text).toContain('round');
    expect(text).not.toContain('setup');
  });
});
