/**
 * toNir against what Python nir 1.0.7's nir.read saw in a file written by toNir
 * (fixtures/eqprop-small.python.json, from scripts/nir-fixture.mjs + scripts/check-nir.py):
 * the same kernel gives the same nodes, arrays, edges and metadata, and the graph
 * survives encodeNir → decodeNir.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeNir, encodeNir } from '@neurite/nir';
import type { NirArray } from '@neurite/nir';
import { EqPropKernel, toNir, EQPROP_NIR_CONVENTION } from '../src/index.js';

interface PyArray {
  shape: number[];
  dtype: string;
  data: number[];
}
interface PyNode {
  type: string;
  metadata: Record<string, unknown>;
  weight?: PyArray;
  bias?: PyArray;
  scale?: PyArray;
}
const py = JSON.parse(readFileSync(new URL('./fixtures/eqprop-small.python.json', import.meta.url), 'utf8')) as {
  nodes: Record<string, PyNode>;
  edges: [string, string][];
  metadata: Record<string, unknown>;
};

const kernel = () =>
  new EqPropKernel({ inputDim: 6, hiddenDims: [5, 4], outputDim: 3, seed: 1, dynamics: 'async', gamma: 0.6, maxSteps: 25 });

describe('toNir', () => {
  it('writes what Python nir.read loads: nodes, weights, bidirectional edges, metadata', () => {
    const g = toNir(kernel());
    expect(Object.keys(g.nodes).sort()).toEqual(Object.keys(py.nodes).sort());
    expect(g.edges).toEqual(py.edges);
    for (const [name, node] of Object.entries(py.nodes)) {
      const ours = g.nodes[name] as unknown as Record<string, unknown>;
      expect(ours.type).toBe(node.type);
      for (const f of ['weight', 'bias', 'scale'] as const) {
        if (!node[f]) continue;
        const a = ours[f] as NirArray;
        expect(a.shape).toEqual(node[f].shape);
        expect(Array.from(a.data as Float32Array)).toEqual(node[f].data); // float32 values, exact
      }
    }
    expect(py.metadata.eqprop_convention).toBe(EQPROP_NIR_CONVENTION);
    expect(py.metadata).toMatchObject({ dynamics: 'async', gamma: 0.6, steps: 25, activation: 'hard-sigmoid', readout: 'state' });
    expect(py.nodes.s2.metadata).toEqual({ eqprop_role: 'state', layer: 2, activation: 'hard-sigmoid' });
    // W_1 forward is [n_2, n_1], its transpose node [n_1, n_2]: the same coupling both ways
    expect(py.nodes.w1.weight!.shape).toEqual([4, 5]);
    expect(py.nodes.w1_T.weight!.shape).toEqual([5, 4]);
    expect(py.nodes.w1.weight!.data[1 * 5 + 3]).toBe(py.nodes.w1_T.weight!.data[3 * 4 + 1]);
  });

  it('round-trips through encodeNir / decodeNir; a cross-entropy kernel ends in a readout', async () => {
    const g = toNir(kernel());
    const back = (await decodeNir(await encodeNir(g))).graph;
    expect(back.edges).toEqual(g.edges);
    const ce = toNir(new EqPropKernel({ inputDim: 4, hiddenDims: [3], outputDim: 2, cost: 'cross-entropy', seed: 2 }));
    expect(ce.edges).toEqual([
      ['input', 'w0'],
      ['w0', 's1'],
      ['s1', 'w1'],
      ['w1', 'output'],
    ]);
    expect(ce.metadata.readout).toBe('softmax');
  });
});
