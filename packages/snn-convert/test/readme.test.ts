/**
 * The README's example runs as written (a copy inside the package, so its imports resolve as a user's
 * would) and prints the ANN accuracy that tfjs-layers' own model.predict gives on the same test split.
 */
import { execFile } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { setBackend, tf } from '@neurite/tensor';
import { loadMnist } from '@neurite/datasets';
import { loadModelFile } from '../src/node.js';

const pkg = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const readme = readFileSync(path.join(pkg, 'README.md'), 'utf8');

beforeAll(async () => {
  await setBackend('wasm');
});

describe('README', () => {
  it('converts the example MLP and prints the ANN accuracy tfjs-layers computes', async () => {
    const m = /```js\n([\s\S]*?)```/.exec(readme);
    expect(m).not.toBeNull();
    const script = path.join(pkg, `.readme-example-${process.pid}.mjs`);
    writeFileSync(script, m![1]);
    let out: string;
    try {
      out = (await promisify(execFile)(process.execPath, [script], { cwd: pkg })).stdout;
    } finally {
      rmSync(script, { force: true });
    }
    const mnist = await loadMnist();
    const model = await loadModelFile(path.join(pkg, 'examples/mnist-mlp.json'));
    const x = tf.tensor(mnist.test.images, [mnist.test.n, 784]);
    const pred = tf.tidy(() => tf.argMax(model.predict(x) as tf.Tensor, 1));
    const p = await pred.data();
    let c = 0;
    for (let i = 0; i < p.length; i++) if (p[i] === mnist.test.labels[i]) c++;
    tf.dispose([x, pred]);
    model.dispose();
    const lines = out.trim().split('\n');
    expect(lines[0]).toBe(`ANN ${((100 * c) / mnist.test.n).toFixed(2)} %`);
    expect(lines[1]).toMatch(/^SNN \d+\.\d\d % after T = 8 steps$/);
    expect(lines[2].split(' ')).toHaveLength(1 + 8 + 1);
    expect(lines[3]).toBe('IF layers: fc1/relu; input shape [784]');
  }, 120_000);
});
