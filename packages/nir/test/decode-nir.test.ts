import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { decodeNir, encodeNir, graphToJson, NirError, readNir, writeNir } from '../src/index.js';
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
