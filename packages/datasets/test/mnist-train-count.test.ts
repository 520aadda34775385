import { describe, expect, it } from 'vitest';
import { mnistTrainCount, MNIST_PIXELS, MNIST_SIDE } from '../src/index.js';

describe('mnistTrainCount', () => {
  it('is floor(4n/5): the largest t with 5t <= 4n', () => {
    for (let n = 0; n <= 3000; n++) {
      const t = mnistTrainCount(n);
      expect(Number.isInteger(t) && 5 * t <= 4 * n && 5 * (t + 1) > 4 * n).toBe(true);
    }
    expect([mnistTrainCount(1001), mnistTrainCount(863), mnistTrainCount(1127)]).toEqual([800, 690, 901]);
  });

  it('names the image size', () => {
    expect([MNIST_SIDE, MNIST_PIXELS]).toEqual([28, 784]);
  });
});
