import { createGraph, createNode, nirArray } from '@neurite/nir';

/**
 * The 784-`hidden`-10 LIF network the nir and assembly suites run: Input → Linear(w1) → LIF →
 * Linear(w2) → LIF → Output, every LIF with τ = 10 ms, r = 1, v_leak = 0, v_threshold = 1.
 * `w1` is [hidden, 784] and `w2` is [10, hidden], row-major.
 */
export function lifMlpGraph(hidden: number, w1: Float32Array, w2: Float32Array) {
  const lif = (n: number) =>
    createNode('LIF', {
      tau: new Float32Array(n).fill(0.01),
      r: new Float32Array(n).fill(1),
      v_leak: new Float32Array(n),
      v_threshold: new Float32Array(n).fill(1),
    });
  return createGraph({
    nodes: {
      input: createNode('Input', { shape: [784] }),
      fc1: createNode('Linear', { weight: nirArray(w1, [hidden, 784]) }),
      lif1: lif(hidden),
      fc2: createNode('Linear', { weight: nirArray(w2, [10, hidden]) }),
      lif2: lif(10),
      output: createNode('Output', { shape: [10] }),
    },
    edges: [
      ['input', 'fc1'],
      ['fc1', 'lif1'],
      ['lif1', 'fc2'],
      ['fc2', 'lif2'],
      ['lif2', 'output'],
    ],
  });
}
