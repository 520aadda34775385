import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import h5wasm from 'h5wasm';
import { decodeNir, encodeNir, graphToJson, NirError, createGraph, createNode, readNir, writeNir } from '../src/index.js';
import { FIXTURES, fixtureFiles, loadJson, rewriteH5 } from './helpers.js';

const readBytes = (p: string) => new Uint8Array(fs.readFileSync(p));

describe('decodeNir: fixtures written by Python nir', () => {
  for (const { nir, json } of fixtureFiles().filter((f) => f.json !== null)) {
    it(`${path.basename(nir)} reads to exactly its .json, and round-trips`, async () => {
      const { graph } = await decodeNir(readBytes(nir), { file: nir });
      const expected = loadJson(json!);
      expect(JSON.parse(graphToJson(graph, 1))).toEqual(expected);
      // written back by us, read again: the same JSON
      const again = await decodeNir(await encodeNir(graph), { file: 'roundtrip' });
      expect(JSON.parse(graphToJson(again.graph))).toEqual(expected);
    });
  }
});

/** Layout rules of nir/serialization.py, checked on our own output with h5wasm. */
async function layoutProblems(bytes: Uint8Array): Promise<string[]> {
  const M = (await h5wasm.ready) as unknown as { FS: { writeFile(p: string, d: Uint8Array): void; unlink(p: string): void } };
  M.FS.writeFile('/layout.h5', bytes);
  const f = new h5wasm.File('/layout.h5', 'r');
  const problems: string[] = [];
  const visit = (g: h5wasm.Group, p: string) => {
    for (const k of g.keys()) {
      const c = g.get(k);
      if (c instanceof h5wasm.Group) { visit(c, `${p}/${k}`); continue; }
      const d = c as h5wasm.Dataset;
      const md = d.metadata;
      const shape = d.shape ?? [];
      const n = shape.reduce((a, b) => a * b, 1);
      const gz = d.filters.some((x) => x.name === 'deflate');
      if (md.type === 3) { if (gz) problems.push(`${p}/${k} string compressed`); if (!md.vlen || md.cset !== 1) problems.push(`${p}/${k} not vlen utf-8`); continue; }
      if (md.type === 0 && md.size !== 8) problems.push(`${p}/${k} integer of ${md.size} bytes`);
      const want = shape.length > 0 && n > 0;
      if (want !== gz) problems.push(`${p}/${k} gzip=${gz} shape=[${shape}]`);
    }
  };
  if (JSON.stringify(f.keys()) !== JSON.stringify(['node', 'version'])) problems.push(`top keys ${f.keys()}`);
  visit(f, '');
  f.close();
  M.FS.unlink('/layout.h5');
  return problems;
}

describe('encodeNir: layout of nir/serialization.py', () => {
  it('int64 integers, gzip only on non-scalar non-empty arrays, strings vlen utf-8', async () => {
    for (const { nir } of fixtureFiles().filter((f) => f.json !== null)) {
      const { graph } = await decodeNir(readBytes(nir));
      expect(await layoutProblems(await encodeNir(graph)), nir).toEqual([]);
    }
  });

  it('writes one dataset per field and no extra ones', async () => {
    const { graph } = await decodeNir(readBytes(path.join(FIXTURES, 'reference/mlp_lif.nir')));
    const bytes = await encodeNir(graph);
    const M = (await h5wasm.ready) as unknown as { FS: { writeFile(p: string, d: Uint8Array): void } };
    M.FS.writeFile('/x.h5', bytes);
    const f = new h5wasm.File('/x.h5', 'r');
    expect((f.get('node/nodes/lif1') as h5wasm.Group).keys()).toEqual(['r', 'tau', 'type', 'v_leak', 'v_reset', 'v_threshold']);
    expect((f.get('node/nodes/li2') as h5wasm.Group).keys()).toEqual(['r', 'tau', 'type', 'v_leak']);
    expect((f.get('node') as h5wasm.Group).keys()).toEqual(['edges', 'metadata', 'nodes', 'type']);
    expect((f.get('node/metadata/seed') as h5wasm.Dataset).dtype).toBe('<q');
    expect((f.get('node/metadata/dt') as h5wasm.Dataset).dtype).toBe('<d');
    expect((f.get('version') as h5wasm.Dataset).value).toBe('1.0.7');
    f.close();
  });

  it('the committed h5py layout report (test/fixtures/layout-report.json) found no problem in our files', () => {
    const report = loadJson(path.join(import.meta.dirname, 'fixtures/layout-report.json')) as Record<string, string[]>;
    const names = Object.keys(report).map((p) => path.basename(p)).sort();
    const expected = fixtureFiles().filter((f) => f.json !== null).map((f) => path.basename(f.nir)).concat(['empty_graph.nir', 'metadata_nested.nir']).sort();
    expect(names).toEqual(expected);
    for (const [f, problems] of Object.entries(report)) expect(problems, f).toEqual([]);
  });

  it('writes an empty graph with edges as numpy writes [] (float64, shape (0,))', async () => {
    const g = createGraph({ nodes: {}, edges: [] });
    const back = await decodeNir(await encodeNir(g));
    expect(back.graph.edges).toEqual([]);
    expect(await layoutProblems(await encodeNir(g))).toEqual([]);
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

describe('decodeNir: tolerant reading', () => {
  const mlp = path.join(FIXTURES, 'reference/mlp_lif.nir');
  it('missing /version', async () => {
    const bytes = await rewriteH5(readBytes(mlp), (it) => (it.path === '/version' ? 'drop' : undefined));
    const r = await decodeNir(bytes);
    expect(r.version).toBeNull();
    expect(JSON.parse(graphToJson(r.graph))).toEqual(loadJson(mlp.replace('.nir', '.json')));
  });
  it('missing v_reset (zeros like v_threshold) and w_in (ones)', async () => {
    const cuba = path.join(FIXTURES, 'reference/recurrent_cuba.nir');
    const bytes = await rewriteH5(readBytes(cuba), (it) => (/clif\/(v_reset|w_in)$/.test(it.path) ? 'drop' : undefined));
    const { graph } = await decodeNir(bytes);
    const clif = graph.nodes.clif as { v_reset: { data: Float32Array; dtype: string }; w_in: { data: Float32Array } };
    expect(Array.from(clif.v_reset.data)).toEqual([0, 0, 0, 0, 0]);
    expect(clif.v_reset.dtype).toBe('float32');
    expect(Array.from(clif.w_in.data)).toEqual([1, 1, 1, 1, 1]);
  });
  it('int32 shapes are read as int64', async () => {
    const bytes = await rewriteH5(readBytes(mlp), (it) => (it.path.endsWith('/shape') ? { ...it, data: Int32Array.from(it.data as BigInt64Array, Number) } : undefined));
    const { graph } = await decodeNir(bytes);
    expect(JSON.parse(graphToJson(graph))).toEqual(loadJson(mlp.replace('.nir', '.json')));
  });
  it("string padding ('same') and Flatten without input_type", async () => {
    const conv = path.join(FIXTURES, 'reference/conv_if.nir');
    const bytes = await rewriteH5(readBytes(conv), (it) => (it.path.endsWith('flat/input_type') ? 'drop' : undefined));
    const { graph } = await decodeNir(bytes);
    expect((graph.nodes.flat as { input_type: unknown }).input_type).toBeNull();
    const c1 = (await decodeNir(readBytes(path.join(FIXTURES, 'reference/conv1d_avgpool.nir')))).graph.nodes.c1 as { padding: unknown };
    expect(c1.padding).toBe('same');
  });
});

describe('NirError on bad files', () => {
  it('names the file for non-HDF5 bytes', async () => {
    await expect(decodeNir(new TextEncoder().encode('hello'), { file: 'x.nir' })).rejects.toThrow(/^x\.nir: not a readable NIR\/HDF5 file/);
  });
  it('names node and field for a missing dataset', async () => {
    const bytes = await rewriteH5(readBytes(path.join(FIXTURES, 'reference/mlp_lif.nir')), (it) => (it.path.endsWith('lif1/tau') ? 'drop' : undefined));
    const err = await decodeNir(bytes, { file: 'm.nir' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NirError);
    expect((err as NirError).message).toBe("m.nir: node 'lif1' field 'tau': missing field");
  });
  it('names an unknown node type', async () => {
    const bytes = await rewriteH5(readBytes(path.join(FIXTURES, 'reference/mlp_lif.nir')), (it) => (it.path === '/node/nodes/fc2/type' ? { ...it, data: 'Bogus' } : undefined));
    await expect(decodeNir(bytes, { file: 'm.nir' })).rejects.toThrow("m.nir: node 'fc2' field 'type': unknown node type 'Bogus'");
  });
});

describe('readNir / writeNir (Node files)', () => {
  it('writes atomically: no temp file left, and a failed write leaves nothing', async () => {
    const dir = fs.mkdtempSync('/tmp/nir-w-');
    const g = await readNir(path.join(FIXTURES, 'paper/lif_norse.nir'));
    await writeNir(path.join(dir, 'a.nir'), g);
    await writeNir(path.join(dir, 'a.json'), g);
    expect(fs.readdirSync(dir).sort()).toEqual(['a.json', 'a.nir']);
    expect(graphToJson(await readNir(path.join(dir, 'a.json')))).toBe(graphToJson(g));
    await expect(writeNir(path.join(dir, 'missing-dir/b.nir'), g)).rejects.toThrow(NirError);
    expect(fs.readdirSync(dir).sort()).toEqual(['a.json', 'a.nir']);
    fs.rmSync(dir, { recursive: true });
  });
});
