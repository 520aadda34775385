import { describe, expect, it } from 'vitest';
import { NeuriteError } from '@neurite/tensor'; // the index: the same class users check against
import { DatasetError } from '../src/index.js';
import { buildMnist } from '../src/build-mnist.js';

/** Ten classes of `counts[d]` synthetic images; pixel p of image j of class d is ((d·31 + j·7 + p) mod 11) / 10. */
function synthetic(counts: number[]): Float32Array[] {
  return counts.map((c, d) => Float32Array.from({ length: c * 784 }, (_, k) => ((d * 31 + Math.floor(k / 784) * 7 + (k % 784)) % 11) / 10));
}

function expectDatasetError(f: () => unknown, code: string, argument: string) {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(DatasetError);
    expect(e).toBeInstanceOf(NeuriteError);
    expect({ name: (e as DatasetError).name, code: (e as DatasetError).code, argument: (e as DatasetError).argument }).toEqual({
      name: 'DatasetError',
      code,
      argument,
    });
    return;
  }
  expect.unreachable('expected a DatasetError');
}

describe('buildMnist', () => {
  it('splits each class at floor(0.8·count) and copies the images in order', () => {
    const counts = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    const raw = synthetic(counts);
    const m = buildMnist(raw);
    const cut = [0, 1, 2, 3, 4, 4, 5, 6, 7, 8]; // floor(4c/5) for c = 1..10
    expect(m.train.n).toBe(cut.reduce((a, b) => a + b));
    expect(m.test.n).toBe(55 - m.train.n);
    let i = 0;
    let t = 0;
    for (let d = 0; d < 10; d++) {
      for (let j = 0; j < counts[d]!; j++) {
        const [s, k] = j < cut[d]! ? [m.train, i++] : [m.test, t++];
        expect([s.labels[k], s.sourceIndex[k]]).toEqual([d, j]);
        expect(s.images.subarray(k * 784, (k + 1) * 784)).toEqual(raw[d]!.subarray(j * 784, (j + 1) * 784));
      }
    }
  });

  it('refuses raw data that is not ten classes of 28×28 images in [0, 1]', () => {
    const ok = synthetic(new Array(10).fill(1));
    expectDatasetError(() => buildMnist(ok.slice(0, 9)), 'ERR_FORMAT', 'mnist');
    expectDatasetError(() => buildMnist(ok.map((r, d) => (d === 3 ? r.subarray(0, 700) : r))), 'ERR_FORMAT', 'mnist.digits[3]');
    expectDatasetError(() => buildMnist(ok.map((r, d) => (d === 5 ? new Float32Array(0) : r))), 'ERR_FORMAT', 'mnist.digits[5]');
    const bad = ok.map((r) => r.slice());
    bad[7]![100] = 1.5;
    expectDatasetError(() => buildMnist(bad), 'ERR_FORMAT', 'mnist.digits[7]');
    bad[7]![100] = NaN;
    expectDatasetError(() => buildMnist(bad), 'ERR_FORMAT', 'mnist.digits[7]');
  });
});
