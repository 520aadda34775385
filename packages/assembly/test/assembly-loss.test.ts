import { describe, it, expect, beforeAll } from 'vitest';
import { tf, setBackend } from '@neurite/tensor';
import { assemblyLoss } from '../src/index.js';

describe('assemblyLoss', () => {
  beforeAll(async () => {
    await setBackend('cpu');
  });

  it('is 1 − |winners ∩ target| / k for a hard k-cap, averaged over the batch', async () => {
    // k = 3 of n = 6: row 1 shares 2 of 3 target neurons (loss 1/3), row 2 none (loss 1)
    const activity = tf.tensor2d([
      [1, 1, 1, 0, 0, 0],
      [1, 1, 1, 0, 0, 0],
    ]);
    const target = tf.tensor2d([
      [0, 1, 1, 1, 0, 0],
      [0, 0, 0, 1, 1, 1],
    ]);
    const loss = assemblyLoss(activity, target, 3);
    // float32: a few ulp of 2/3
    expect(Math.abs((await loss.data())[0] - (1 / 3 + 1) / 2)).toBeLessThan(4 * 2 ** -23);
    tf.dispose([activity, target, loss]);
  });
});
