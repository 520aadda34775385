import { describe, it, expect, beforeAll } from 'vitest';
import { tf, setBackend, createRng, expectNoLeaks } from '@neurite/tensor';
import { LearningArea, assemblyLoss, AssemblyError, overlap } from '../src/index.js';

// Autodiff runs on both Node backends (setBackend registers the backend, its kernels and tfjs-core's gradients).
describe.each(['cpu', 'wasm'] as const)('on %s', (backend) => {
  beforeAll(async () => {
    await setBackend(backend);
  });

  describe('LearningArea options', () => {
    it('rejects bad sizes, p and seed with AssemblyError naming the argument', () => {
      const bad = (o: object) => {
        try {
          new LearningArea(o as never);
        } catch (e) {
          return e as AssemblyError;
        }
        throw new Error('no error');
      };
      expect(bad({ nIn: 0, n: 10, k: 2, p: 0.5 }).argument).toBe('nIn');
      expect(bad({ nIn: 4, n: 10, k: 11, p: 0.5 }).message).toMatch(/LearningArea: k = 11 exceeds n = 10/);
      expect(bad({ nIn: 4, n: 10, k: 2, p: 0 }).argument).toBe('p');
      const e = bad({ nIn: 4, n: 10, k: 2, p: 0.5, seed: 0.5 });
      expect([e.name, e.argument]).toEqual(['AssemblyError', 'seed']);
    });
  });

  describe('LearningArea', () => {
    it('decreases the assembly loss by gradient descent and maps inputs to target assemblies', async () => {
      const rng = createRng(7);
      const nIn = 200,
        n = 400,
        k = 20,
        patterns = 4,
        inK = 20;
      const xs = new Float32Array(patterns * nIn),
        ts = new Float32Array(patterns * n);
      const targets: Int32Array[] = [];
      for (let i = 0; i < patterns; i++) {
        for (const j of rng.sampleWithoutReplacement(nIn, inK)) xs[i * nIn + j] = 1;
        const t = rng.sampleWithoutReplacement(n, k);
        targets.push(t);
        for (const j of t) ts[i * n + j] = 1;
      }
      const x = tf.tensor2d(xs, [patterns, nIn]),
        t = tf.tensor2d(ts, [patterns, n]);
      const area = new LearningArea({ nIn, n, k, p: 0.2, temperature: 0.5, seed: 3 });
      const before = (await area.winners(x)).map((w, i) => overlap(w, targets[i]) / k);
      const history = await area.train(x, t, { steps: 60, learningRate: 0.1 });
      expect(history.length).toBe(60);
      const after = (await area.winners(x)).map((w, i) => overlap(w, targets[i]) / k);
      expect(history[history.length - 1]).toBeLessThan(0.5 * history[0]);
      const mean = (a: number[]) => a.reduce((s, v) => s + v, 0) / a.length;
      expect(mean(before)).toBeLessThan(0.2); // chance is k/n = 5%
      expect(mean(after)).toBeGreaterThan(0.8);
      // no tensor leaks per training step
      await expectNoLeaks(
        async () => {
          await area.train(x, t, { steps: 1 });
        },
        { iterations: 3 },
      );
      await expectNoLeaks(
        async () => {
          await area.winners(x);
        },
        { iterations: 3 },
      );
      await expectNoLeaks(
        () => {
          const a = area.forward(x);
          const l = assemblyLoss(a, t, k);
          tf.dispose([a, l]);
        },
        { iterations: 3 },
      );
      area.dispose();
      tf.dispose([x, t]);
    });

    it('leaves no tensor behind once disposed (constructor + dispose)', async () => {
      await expectNoLeaks(
        () => {
          new LearningArea({ nIn: 8, n: 16, k: 2, p: 0.5, seed: 1 }).dispose();
        },
        { iterations: 3 },
      );
    });
  });
});
