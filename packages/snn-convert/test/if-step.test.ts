/**
 * IF with reset by subtraction and v(0) = θ/2 on a constant input x fires
 * N_T = clip(⌊x·T/θ + ½⌋, 0, T) times in T steps (QCFS, Bu et al. 2022, Theorem 2):
 * v_T = θ/2 + T x − θ N_T, and a spike happens whenever v ≥ θ.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { expectNoLeaks, setBackend, tf } from '@neurite/tensor';
import { ifStep } from '../src/if-step.js';

beforeAll(async () => {
  await setBackend('cpu');
});

async function countSpikes(x: Float32Array, theta: number, T: number): Promise<Float32Array> {
  const xt = tf.tensor1d(x);
  const th = tf.tensor1d([theta]);
  let v = tf.fill([x.length], theta / 2);
  let count = tf.zeros([x.length]);
  for (let t = 0; t < T; t++) {
    const r = ifStep(v, xt, th);
    const c2 = tf.add(count, r.s);
    v.dispose();
    count.dispose();
    r.out.dispose();
    r.s.dispose();
    v = r.v;
    count = c2;
  }
  const out = (await count.data()) as Float32Array;
  tf.dispose([xt, th, v, count]);
  return out;
}

const rate = (x: number, theta: number, T: number) => Math.min(T, Math.max(0, Math.floor((x * T) / theta + 0.5)));

describe('ifStep', () => {
  it('fires clip(floor(xT/θ + 1/2), 0, T) times on dyadic inputs (exact arithmetic)', async () => {
    // x = k/64 with θ = 1 (and θ = 2): every sum is exact in float32, so the count must equal the formula exactly, ties included.
    const x = Float32Array.from({ length: 161 }, (_, k) => (k - 20) / 64);
    for (const theta of [1, 2])
      for (const T of [1, 4, 8, 16, 32]) {
        const n = await countSpikes(x, theta, T);
        for (let i = 0; i < x.length; i++) expect(n[i], `x=${x[i]} θ=${theta} T=${T}`).toBe(rate(x[i], theta, T));
      }
  });

  it('matches the formula on random inputs away from rounding ties', async () => {
    // Float32 accumulation of T terms errs by at most T·eps·(θ + T|x|); inputs whose xT/θ + 1/2 lies closer than
    // 1e-4 to an integer (far above that bound for T ≤ 64, |x| ≤ 2) are skipped as ties.
    const x = Float32Array.from({ length: 500 }, (_, k) => Math.sin(k * 12.9898) * 1.2 + 0.4);
    const theta = 0.73;
    for (const T of [5, 17, 64]) {
      const n = await countSpikes(x, theta, T);
      let checked = 0;
      for (let i = 0; i < x.length; i++) {
        const u = (x[i] * T) / theta + 0.5;
        if (Math.abs(u - Math.round(u)) < 1e-4) continue;
        expect(n[i]).toBe(rate(x[i], theta, T));
        checked++;
      }
      expect(checked).toBeGreaterThan(490);
    }
  });

  it('does not leak tensors', async () => {
    const x = tf.tensor1d([0.3, 0.9]);
    const th = tf.tensor1d([1]);
    const v = tf.zeros([2]);
    await expectNoLeaks(() => {
      const r = ifStep(v, x, th);
      tf.dispose([r.v, r.out, r.s]);
    });
    tf.dispose([x, th, v]);
  });
});
