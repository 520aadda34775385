/** A run interrupted by a checkpoint and resumed gives exactly the spikes of an uninterrupted run. */
import { describe, expect, it } from 'vitest';
import { Brain4dError, Simulator, checkpointBytes, restoreCheckpoint } from '../src/index.js';
import { example } from './helpers.js';

function resumeMatches(net: Record<string, any>, first: number, second: number) {
  const whole = new Simulator(net);
  whole.run(first + second);
  const a = new Simulator(net);
  a.run(first);
  const bytes = checkpointBytes(a);
  const b = new Simulator(net);
  restoreCheckpoint(b, bytes);
  b.run(second);
  expect(b.t).toBe(whole.t);
  expect(b.spikes().steps).toEqual(whole.spikes().steps);
  expect(b.spikes().ids).toEqual(whole.spikes().ids);
  expect(b.rates()).toEqual(whole.rates());
  return { whole, resumed: b };
}

describe('checkpoints', () => {
  it('CUBA with distributed delays (ring buffer in flight) resumes exactly', () => {
    const net = example('cuba.json');
    for (const p of net.projections) p.delay = { dist: 'uniform', low: 1, high: 20 };
    const { whole } = resumeMatches(net, 150, 150);
    expect(whole.spikes().ids.length).toBeGreaterThan(500);
  });

  it('STDP with Poisson sources resumes with the same weights and spikes', () => {
    const net = example('stdp-song.json');
    const { whole, resumed } = resumeMatches(net, 1000, 1000);
    expect(Array.from(resumed.projections[0].w)).toEqual(Array.from(whole.projections[0].w));
  });

  it('refuses bytes that are not a checkpoint, or one of another network', () => {
    const sim = new Simulator(example('cuba.json'));
    expect(() => restoreCheckpoint(sim, new Uint8Array(100))).toThrow(Brain4dError);
    const other = new Simulator({ ...example('cuba.json'), seed: 9 });
    expect(() => restoreCheckpoint(sim, checkpointBytes(other))).toThrow(/different network/);
  });
});
