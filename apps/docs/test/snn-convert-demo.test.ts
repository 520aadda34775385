// The snn-convert demo (guide/snn-convert.md) on cpu, wasm, webgl and webgpu in Chromium: the page
// converts the example MNIST MLP and runs it on 256 test digits; the test runs the same conversion
// (the demo's own pipeline, demos/snn-convert/pipeline.ts) in Node on the cpu backend from the same
// files (the model from packages/snn-convert/examples, the digits the page fetched from the built
// site) and requires the same result: the pipeline quantises everything to dyadic rationals whose
// sums are exact in float32, so thresholds, spike counts per layer, accuracy after every step and the
// energy figures must be equal, not close. Also: no console error, no request leaves localhost.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { setBackend } from '@neurite/tensor';
import * as snn from '@neurite/snn-convert';
import { convertDemo, type SnnDemoResult } from '../.vitepress/theme/demos/snn-convert/pipeline.js';
import { DIST, DOCS, describeDemo } from './site.js';

const EXAMPLES = path.resolve(DOCS, '../../packages/snn-convert/examples');

let ref: SnnDemoResult;

describeDemo<SnnDemoResult>({
  title: 'docs: snn-convert demo',
  page: 'guide/snn-convert',
  demo: 'snn-convert',
  test: (backend) => `on ${backend}: thresholds, spikes per layer, accuracy per step and energy equal the Node run`,
  options: () => ({ timeout: 55_000 }),
  timeout: 60_000,
  setup() {
    beforeAll(async () => {
      await setBackend('cpu');
      ref = (
        await convertDemo(
          snn,
          {
            modelJson: readFileSync(path.join(EXAMPLES, 'mnist-mlp.json'), 'utf8'),
            weights: new Uint8Array(readFileSync(path.join(EXAMPLES, 'mnist-mlp.weights.bin'))),
            digits: new Uint8Array(readFileSync(path.join(DIST, 'snn-convert', 'digits.bin'))),
          },
          { T: 16, L: 8 },
        )
      ).result;
    }, 120_000);

    it('the Node reference is a working conversion', () => {
      // the example MLP scores 93.96 % on the whole test split (README); on 256 digits, 8-bit, ≥ 85 % is a sanity floor
      expect(ref.annAccuracy).toBeGreaterThan(0.85);
      expect(ref.accuracyPerStep).toHaveLength(16);
      expect(ref.accuracyPerStep[15]).toBeGreaterThan(ref.annAccuracy - 0.05);
      expect(Object.values(ref.spikes).every((s) => s > 0)).toBe(true);
    });
  },
  check({ result }) {
    expect(result).toEqual(ref);
  },
});
