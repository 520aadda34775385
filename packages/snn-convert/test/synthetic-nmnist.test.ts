import { describe, expect, it } from 'vitest';
import { ConvertError, syntheticNmnist } from '../src/index.js';

const S = 34;

describe('syntheticNmnist', () => {
  it('a blank digit makes no events without noise, and noise events at rate p', () => {
    const blank = new Float32Array(2 * 784);
    const { events, frames } = syntheticNmnist(blank, 2, { framesPerSaccade: 4 });
    expect(frames).toBe(12);
    expect(events.length).toBe(2 * 12 * S * S * 2);
    expect(events.reduce((a, b) => a + b, 0)).toBe(0);
    const p = 0.01;
    const noisy = syntheticNmnist(blank, 2, { framesPerSaccade: 4, noise: p, seed: 5 }).events;
    const n = noisy.length;
    const count = noisy.reduce((a, b) => a + b, 0);
    // Binomial(n, p): within 5 σ (fails with probability < 1e-6 for a correct generator)
    expect(Math.abs(count - n * p)).toBeLessThan(5 * Math.sqrt(n * p * (1 - p)));
    expect(syntheticNmnist(blank, 2, { framesPerSaccade: 4, noise: p, seed: 5 }).events).toEqual(noisy);
  });

  it('a square moving right-down fires ON at its leading edges and OFF at its trailing edges', () => {
    const img = new Float32Array(784);
    for (let y = 10; y < 18; y++) for (let x = 10; x < 18; x++) img[y * 28 + x] = 1;
    const fps = 4;
    const { events } = syntheticNmnist(img, 1, { framesPerSaccade: fps, amplitude: 3 });
    let onX = 0;
    let onN = 0;
    let offX = 0;
    let offN = 0;
    for (let f = 0; f < fps; f++)
      for (let y = 0; y < S; y++)
        for (let x = 0; x < S; x++) {
          const b = ((f * S + y) * S + x) * 2;
          if (events[b]) {
            onX += x;
            onN++;
          }
          if (events[b + 1]) {
            offX += x;
            offN++;
          }
        }
    expect(onN).toBeGreaterThan(0);
    expect(offN).toBeGreaterThan(0);
    // the square spans x = 13..20 in the frame at rest; moving right, new light appears on the right (ON), leaves the left (OFF)
    expect(onX / onN).toBeGreaterThan(17);
    expect(offX / offN).toBeLessThan(17);
  });

  it('rejects too few pixels', () => {
    expect(() => syntheticNmnist(new Float32Array(100), 1)).toThrow(ConvertError);
  });
});
