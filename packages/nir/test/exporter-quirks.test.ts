import { beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { setBackend, tf } from '@neurite/tensor';
import { checkGraph, compile, createGraph, NirError, readNir } from '../src/node.js';
import type { NirGraph, NirNode } from '../src/node.js';
import { FIXTURES } from './helpers.js';

const file = (name: string) => path.join(FIXTURES, 'exporters', name);

/** The graph with its Input / Output shapes replaced by what the nodes next to them give / take (what a strict exporter writes). */
function fixedShapes(g: NirGraph): NirGraph {
  const shapes = checkGraph(g, {}, { typeCheck: 'report' });
  const nodes: Record<string, NirNode> = { ...g.nodes };
  for (const p of shapes.problems) {
    const [a, b] = p.edge!;
    if (g.nodes[a].type === 'Input')
      nodes[a] = { ...g.nodes[a], shape: { shape: [p.takes!.length], dtype: 'int64', data: Float64Array.from(p.takes!) } } as NirNode;
    if (g.nodes[b].type === 'Output')
      nodes[b] = { ...g.nodes[b], shape: { shape: [p.gives!.length], dtype: 'int64', data: Float64Array.from(p.gives!) } } as NirNode;
  }
  return createGraph({ nodes, edges: g.edges, metadata: g.metadata });
}

/** Runs `g` over T steps of seeded input (batch 2) and returns its output data. */
async function runOn(g: NirGraph, inShape: number[], T: number, typeCheck: 'strict' | 'relaxed'): Promise<Float32Array> {
  const sim = compile(g, { dt: 1e-3, typeCheck });
  const n = 2 * inShape.reduce((a, b) => a * b, 1);
  const data = Float32Array.from({ length: T * n }, (_, k) => ((k * 37) % 13) / 6);
  const xs = tf.tensor(data, [T, 2, ...inShape]);
  const out = sim.run(xs);
  const r = (await out.data()) as Float32Array;
  tf.dispose([xs, out]);
  sim.dispose();
  return r;
}

describe('files as each exporter writes them (test/fixtures/exporters, see the README table)', () => {
  beforeAll(async () => {
    await setBackend('cpu');
  });

  for (const [name, inShape, fixedIn] of [
    ['rockpool_linear_lif.nir', [1, 1, 1], [1]],
    ['rockpool_cubalif.nir', [1, 1, 2], [2]],
    ['snntorch_batch_scalar.nir', [1, 4], [4]],
  ] as const) {
    it(`${name}: batch / time axes in Input and Output — strict names the edge, relaxed runs exactly like the corrected graph`, async () => {
      await expect(readNir(file(name))).rejects.toThrow(/edge 'input' -> '0.*': shape mismatch/);
      const g = await readNir(file(name), { typeCheck: 'relaxed' });
      const sim = compile(g, { dt: 1e-3, typeCheck: 'relaxed' });
      expect(sim.problems.map((p) => p.reshapable)).toEqual([true, true]);
      sim.dispose();
      const relaxed = await runOn(g, [...inShape], 60, 'relaxed');
      const fixed = await runOn(fixedShapes(g), [...fixedIn], 60, 'strict');
      expect(Array.from(relaxed)).toEqual(Array.from(fixed)); // the same ops on the same values: bit-identical
      expect(relaxed.some((v) => v !== 0)).toBe(true);
    });
  }

  it('a real mismatch (other element counts) still fails under relaxed, naming the edge', async () => {
    const g = await readNir(file('rockpool_cubalif.nir'), { typeCheck: false });
    const bad = {
      ...g,
      nodes: { ...g.nodes, output: { ...g.nodes.output, shape: { shape: [1], dtype: 'int64', data: Float64Array.from([3]) } } as NirNode },
    };
    const e = (() => {
      try {
        compile(bad, { dt: 1e-3, typeCheck: 'relaxed' });
      } catch (err) {
        return err;
      }
    })();
    expect(e).toBeInstanceOf(NirError);
    expect((e as NirError).message).toMatch(/edge '1_LIFTorch' -> 'output': shape mismatch: .* \(2 vs 3 elements\)/);
  });

  it('nirtorch_flat_subgraph.nir: dotted names of a flattened subgraph and set-ordered edges read and run strictly', async () => {
    const g = await readNir(file('nirtorch_flat_subgraph.nir'));
    expect(Object.keys(g.nodes).sort()).toEqual(['fc1', 'input', 'lif1.lif', 'lif1.w_rec', 'output']);
    const out = await runOn(g, [2], 20, 'strict');
    expect(out.some((v) => v === 1)).toBe(true);
  });

  it('sinabs_flatten.nir: Flatten from dim 0 of the unbatched shape, per-pixel IF parameters', async () => {
    const g = await readNir(file('sinabs_flatten.nir'));
    const shapes = checkGraph(g);
    expect(shapes.nodes['3'].output).toEqual([12]);
    expect(shapes.nodes['1'].input).toEqual([3, 4, 4]);
    const out = await runOn(g, [2, 4, 4], 6, 'strict');
    expect(out.length).toBe(6 * 2 * 2);
  });
});
