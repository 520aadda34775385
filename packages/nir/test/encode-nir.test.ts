import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import * as nir from '../src/index.js';
import { createGraph, createNode, decodeNir, encodeNir, graphToJson } from '../src/index.js';
import { FIXTURES, describeH5, fixtureFiles, layoutDifferences, rewriteH5, type H5Item } from './helpers.js';
import { syntheticGraphs } from './fixtures/synthetic-graphs.mjs';

const readBytes = (p: string) => new Uint8Array(fs.readFileSync(p));
const EMULATED = path.join(import.meta.dirname, 'fixtures/emulated');
const reference = fixtureFiles().filter((f) => f.json !== null && f.nir.includes(`${path.sep}reference${path.sep}`));
const paper = fixtureFiles().filter((f) => f.json !== null && f.nir.includes(`${path.sep}paper${path.sep}`));

/**
 * The layout rules of nir 1.0.7's serialization.write, checked without Python: int64
 * integers, float32/float64 floats, variable-length UTF-8 strings; gzip (level 4) on
 * every non-scalar numeric dataset that nir holds as an np.ndarray (empty ones included),
 * none on scalars, strings, edges, and the Conv fields nir holds as tuples or ints.
 */
async function checkRules(bytes: Uint8Array): Promise<string[]> {
  const types = new Map<string, string>(); // node group path -> node type
  const visit = (g: nir.NirGraph, at: string) => {
    for (const [k, c] of Object.entries(g.nodes)) {
      types.set(`${at}/nodes/${k}`, c.type);
      if (c.type === 'NIRGraph') visit(c, `${at}/nodes/${k}`);
    }
  };
  visit((await decodeNir(bytes, { typeCheck: false })).graph, '/node');
  const problems: string[] = [];
  for (const [p, o] of Object.entries(await describeH5(bytes))) {
    if (o.kind === 'group') continue;
    const gz = o.filters!.length > 0;
    if (o.dtype!.startsWith('string')) {
      if (o.dtype !== 'string(vlen, utf-8)') problems.push(`${p}: ${o.dtype}`);
      if (gz) problems.push(`${p}: string compressed`);
      continue;
    }
    if (/int/.test(o.dtype!) && o.dtype !== 'int64') problems.push(`${p}: ${o.dtype}`);
    if (/float/.test(o.dtype!) && o.dtype !== 'float32' && o.dtype !== 'float64') problems.push(`${p}: ${o.dtype}`);
    const owner = types.get(p.slice(0, p.lastIndexOf('/'))) ?? '';
    const tuple = owner.startsWith('Conv') && /\/(stride|padding|dilation|input_shape)$/.test(p);
    const want = o.shape!.length > 0 && !p.endsWith('/edges') && !tuple;
    if (want && JSON.stringify(o.filters) !== '["deflate[4]"]')
      problems.push(`${p}: shape [${o.shape}] filters ${JSON.stringify(o.filters)}, want gzip level 4`);
    if (!want && gz) problems.push(`${p}: shape [${o.shape}] compressed`);
  }
  return problems;
}

describe('encodeNir: the layout Python nir writes', () => {
  for (const { nir: file } of reference) {
    it(`${path.basename(file)}: our re-encoding matches the Python-written file dataset by dataset (names, dtypes, shapes, filters, chunks, attributes)`, async () => {
      const py = readBytes(file);
      const ours = await encodeNir((await decodeNir(py)).graph);
      expect(layoutDifferences(await describeH5(ours), await describeH5(py))).toEqual([]);
      expect(await checkRules(ours)).toEqual([]);
    });
  }

  it('graphs built with createNode match what Python nir writes for the same objects (emulated/, see check_layout.py)', async () => {
    const graphs = syntheticGraphs(nir);
    expect(Object.keys(graphs).sort()).toEqual(
      fs
        .readdirSync(EMULATED)
        .map((f) => f.replace(/\.nir$/, ''))
        .sort(),
    );
    for (const [name, g] of Object.entries(graphs)) {
      const ours = await encodeNir(g);
      expect(layoutDifferences(await describeH5(ours), await describeH5(readBytes(path.join(EMULATED, `${name}.nir`)))), name).toEqual([]);
      expect(await checkRules(ours), name).toEqual([]);
    }
  });

  it('the checks see a changed dtype, a missing dataset, an extra one, lost compression and another chunk shape', async () => {
    const py = readBytes(path.join(FIXTURES, 'reference/conv_if.nir'));
    const int32 = (it: H5Item): H5Item | undefined =>
      it.path.endsWith('input/shape') ? { ...it, data: Int32Array.from(it.data as BigInt64Array, Number) } : undefined;
    const bad = await rewriteH5(py, (it) => (it.path.endsWith('fc/bias') ? 'drop' : int32(it)));
    const diffs = layoutDifferences(await describeH5(bad), await describeH5(py));
    expect(diffs).toContain('/node/nodes/fc/bias: missing (Python writes a dataset)');
    expect(diffs).toContain('/node/nodes/input/shape: dtype "int32" (Python: "int64")');
    expect(await checkRules(await rewriteH5(py, int32))).toEqual(['/node/nodes/input/shape: int32']);
    const plain = await rewriteH5(py, (it) => (it.path.endsWith('fc/weight') ? { ...it, storage: 'contiguous' } : undefined));
    expect(layoutDifferences(await describeH5(plain), await describeH5(py))).toEqual([
      '/node/nodes/fc/weight: filters [] (Python: ["deflate[4]"])',
      '/node/nodes/fc/weight: chunks null (Python: [10,100])',
    ]);
    const chunked = await rewriteH5(py, (it) => (it.path.endsWith('fc/weight') ? { ...it, storage: { chunks: [5, 100] } } : undefined));
    expect(layoutDifferences(await describeH5(chunked), await describeH5(py))).toEqual([
      '/node/nodes/fc/weight: chunks [5,100] (Python: [10,100])',
    ]);
    const extra = await rewriteH5(py, (it) => (it.path === '/node/nodes/fc/type' ? { ...it, extraAttr: 'x' } : undefined));
    expect(layoutDifferences(await describeH5(extra), await describeH5(py))).toEqual([
      '/node/nodes/fc/type: attrs {"note":"x"} (Python: {})',
    ]);
  });

  it('files written back from the paper files (nir 0.2.0) follow the rules', async () => {
    for (const { nir: file } of paper) {
      expect(await checkRules(await encodeNir((await decodeNir(readBytes(file))).graph)), file).toEqual([]);
    }
  });
});

describe('encodeNir: fields and values', () => {
  it('writes one dataset per field and no extra ones', async () => {
    const { graph } = await decodeNir(readBytes(path.join(FIXTURES, 'reference/mlp_lif.nir')));
    const d = await describeH5(await encodeNir(graph));
    const under = (g: string) =>
      Object.keys(d)
        .filter((k) => k.startsWith(`${g}/`) && !k.slice(g.length + 1).includes('/'))
        .map((k) => k.slice(g.length + 1));
    expect(under('/node/nodes/lif1')).toEqual(['r', 'tau', 'type', 'v_leak', 'v_reset', 'v_threshold']);
    expect(under('/node/nodes/li2')).toEqual(['r', 'tau', 'type', 'v_leak']);
    expect(under('/node')).toEqual(['edges', 'metadata', 'nodes', 'type']);
    expect(d['/node/metadata/seed'].dtype).toBe('int64');
    expect(d['/node/metadata/dt'].dtype).toBe('float64');
    const back = await decodeNir(await encodeNir(graph));
    expect(back.version).toBe('1.0.7');
  });

  it("createNode('Conv2d') turns an integer stride / padding / dilation into a pair, as nir's constructor does", () => {
    const c = createNode('Conv2d', {
      input_shape: null,
      weight: { shape: [1, 1, 1, 1], dtype: 'float32', data: new Float32Array(1) },
      bias: [0],
      stride: 2,
      padding: 0,
      dilation: 1,
      groups: 1,
    });
    expect([c.stride, c.padding, c.dilation].map((v) => (typeof v === 'number' ? v : Array.from((v as nir.NirArray).data)))).toEqual([
      [2, 2],
      [0, 0],
      [1, 1],
    ]);
    const c1 = createNode('Conv1d', {
      input_shape: 4,
      weight: { shape: [1, 1, 1], dtype: 'float32', data: new Float32Array(1) },
      bias: [0],
      stride: 2,
      padding: 0,
      dilation: 1,
      groups: 1,
    });
    expect(c1.stride).toBe(2);
  });

  it('writes an empty graph with edges as h5py writes [] (float64, shape (0,))', async () => {
    const g = createGraph({ nodes: {}, edges: [] });
    const d = await describeH5(await encodeNir(g));
    expect(d['/node/edges']).toMatchObject({ dtype: 'float64', shape: [0], filters: [] });
    expect((await decodeNir(await encodeNir(g))).graph.edges).toEqual([]);
  });

  it('keeps metadata types: str, int64, float64, arrays, nested dicts', async () => {
    const g = createGraph({
      nodes: { input: createNode('Input', { shape: [2], metadata: { note: 'x' } }), output: createNode('Output', { shape: [2] }) },
      edges: [['input', 'output']],
      metadata: { a: 'text', b: 3n, c: 3.0, d: { e: 1.5, f: { shape: [2], dtype: 'float32', data: new Float32Array([1, 2]) } } },
    });
    const back = await decodeNir(await encodeNir(g));
    expect(graphToJson(back.graph)).toBe(graphToJson(g));
    expect(graphToJson(g)).toContain('"b": 3, "c": 3.0');
  });
});
