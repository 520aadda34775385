/**
 * lowerGraph: chains of synaptic nodes composed into one dense layer (checked against the float
 * NIR executor on a Conv2d → IF → SumPool2d → Flatten → Affine → IF net), and HdlErrors naming the
 * node for every graph form the hardware does not map.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createGraph, createNode, nirArray, type NirGraph } from '@neurite/nir';
import { createRng, setBackend } from '@neurite/tensor';
import { lowerGraph } from '../src/lower-graph.js';
import { quantize } from '../src/quantize.js';
import { simulateQuantized } from '../src/simulate-quantized.js';
import { runFloatExecutor } from '../src/run-float-executor.js';
import { HdlError } from '../src/hdl-error.js';
import { randomSpikes } from './helpers.js';

beforeAll(async () => {
  await setBackend('cpu');
});

const ifNode = (n: number, shape = [n]) =>
  createNode('IF', {
    r: nirArray(new Float32Array(n).fill(1), shape),
    v_threshold: nirArray(new Float32Array(n).fill(1), shape),
    metadata: { reset_mode: 'subtract' },
  });

function convNet(): NirGraph {
  const rng = createRng(21);
  const w = rng.uniformArray(new Float32Array(4 * 2 * 3 * 3), -0.5, 0.7);
  const fc = rng.uniformArray(new Float32Array(3 * 4 * 3 * 3), -0.5, 0.8);
  return createGraph({
    nodes: {
      input: createNode('Input', { shape: [2, 8, 8] }),
      conv: createNode('Conv2d', {
        weight: nirArray(w, [4, 2, 3, 3]),
        bias: nirArray(new Float32Array(4).fill(0.05), [4]),
        stride: 1,
        padding: 0,
        dilation: 1,
        groups: 1,
        input_shape: [8, 8],
      }),
      n1: ifNode(4 * 6 * 6, [4, 6, 6]),
      pool: createNode('SumPool2d', { kernel_size: [2, 2], stride: [2, 2], padding: [0, 0] }),
      flat: createNode('Flatten', { start_dim: 0, end_dim: -1 }),
      fc: createNode('Affine', { weight: nirArray(fc, [3, 36]), bias: nirArray(new Float32Array(3), [3]) }),
      n2: ifNode(3),
      output: createNode('Output', { shape: [3] }),
    },
    edges: [
      ['input', 'conv'],
      ['conv', 'n1'],
      ['n1', 'pool'],
      ['pool', 'flat'],
      ['flat', 'fc'],
      ['fc', 'n2'],
      ['n2', 'output'],
    ],
  });
}

describe('lowerGraph', () => {
  it('composes Conv2d and SumPool2d → Flatten → Affine into dense layers', () => {
    const f = lowerGraph(convNet());
    expect(f.layers.map((l) => [l.nIn, l.nOut, l.synapses.join('+')])).toEqual([
      [128, 144, 'conv'],
      [144, 3, 'pool+flat+fc'],
    ]);
  });

  it('the lowered, 16-bit quantised conv net spikes like the float executor', async () => {
    // Deterministic check on fixed seeds (see quantize.test.ts for the rounding bound).
    const g = convNet();
    const stim = randomSpikes(6, 12, 128, 0.3, 4);
    const q = quantize(g, { weightBits: 16, calibration: stim });
    const f = await runFloatExecutor(g, stim, { reset: 'subtract' });
    expect(f.outputs.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    expect(Array.from(simulateQuantized(q, stim).outputs)).toEqual(Array.from(f.outputs));
  });

  const base = () => ({
    input: createNode('Input', { shape: [2] }),
    fc: createNode('Linear', { weight: nirArray([1, 0, 0, 1], [2, 2]) }),
    n: ifNode(2),
    output: createNode('Output', { shape: [2] }),
  });

  it.each([
    [
      'an unsupported node type',
      { ...base(), d: createNode('Delay', { delay: [1, 1] }) },
      [
        ['input', 'fc'],
        ['fc', 'n'],
        ['n', 'd'],
        ['d', 'output'],
      ],
      /node 'd': Delay is not mapped/,
    ],
    [
      'a cycle',
      base(),
      [
        ['input', 'fc'],
        ['fc', 'n'],
        ['n', 'output'],
        ['n', 'fc'],
      ],
      /feeds 2 nodes|sums 2 inputs|cycle/,
    ],
    [
      'a branch',
      base(),
      [
        ['input', 'fc'],
        ['input', 'n'],
        ['fc', 'n'],
        ['n', 'output'],
      ],
      /node 'input' feeds 2 nodes/,
    ],
    [
      'a neuron without synapses',
      base(),
      [
        ['input', 'n'],
        ['n', 'fc'],
        ['fc', 'output'],
      ],
      /neuron 'n' has no synaptic node/,
    ],
  ])('rejects %s with an HdlError naming the node', (_what, nodes, edges, re) => {
    const g = createGraph({ nodes, edges }, { typeCheck: false } as never);
    let err: unknown;
    try {
      lowerGraph(g);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(HdlError);
    expect((err as HdlError).code).toBe('ERR_UNSUPPORTED');
    expect((err as Error).message).toMatch(re);
  });

  it('rejects a non-positive threshold and a leak that differs between neurons', () => {
    const g = (n: unknown) =>
      createGraph({
        nodes: { ...base(), n },
        edges: [
          ['input', 'fc'],
          ['fc', 'n'],
          ['n', 'output'],
        ],
      });
    expect(() => lowerGraph(g(createNode('IF', { r: [1, 1], v_threshold: [1, 0] })))).toThrow(/threshold 0 of neuron 1/);
    expect(() => lowerGraph(g(createNode('LIF', { tau: [2, 4], r: [1, 1], v_leak: [0, 0], v_threshold: [1, 1] })))).toThrow(
      /leak factor differs/,
    );
  });
});
