import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { NeuriteError } from '@neurite/tensor';
import { decodeNir, encodeNir, graphToJson, NirError, readNir, writeNir } from '../src/node.js';
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
    const bytes = await rewriteH5(readBytes(mlp), (it) =>
      it.path.endsWith('/shape') ? { ...it, data: Int32Array.from(it.data as BigInt64Array, Number) } : undefined,
    );
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
  it('names the file for non-HDF5 bytes (ERR_FORMAT, a NeuriteError with path)', async () => {
    const err = await decodeNir(new TextEncoder().encode('hello'), { file: 'x.nir' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NirError);
    expect(err).toBeInstanceOf(NeuriteError);
    expect((err as NirError).message).toMatch(/^x\.nir: not a readable NIR\/HDF5 file/);
    expect((err as NirError).code).toBe('ERR_FORMAT');
    expect((err as NirError).path).toBe('x.nir');
  });
  it('names node and field for a missing dataset', async () => {
    const bytes = await rewriteH5(readBytes(path.join(FIXTURES, 'reference/mlp_lif.nir')), (it) =>
      it.path.endsWith('lif1/tau') ? 'drop' : undefined,
    );
    const err = await decodeNir(bytes, { file: 'm.nir' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NirError);
    expect((err as NirError).message).toBe("m.nir: node 'lif1' field 'tau': missing field");
    expect((err as NirError).code).toBe('ERR_FORMAT');
    expect((err as NirError).argument).toBe('tau');
    expect([(err as NirError).node, (err as NirError).field]).toEqual(['lif1', 'tau']);
  });
  it('a shape mismatch in a file is ERR_SHAPE naming the edge', async () => {
    const bytes = await rewriteH5(readBytes(path.join(FIXTURES, 'reference/mlp_lif.nir')), (it) =>
      it.path === '/node/nodes/input/shape' ? { ...it, data: new BigInt64Array([5n]) } : undefined,
    );
    const err = (await decodeNir(bytes, { file: 'm.nir' }).catch((e: unknown) => e)) as NirError;
    expect(err.code).toBe('ERR_SHAPE');
    expect(err.edge).toEqual(['input', 'fc1']);
    expect(err.argument).toBe('input -> fc1');
    expect(err.message).toMatch(/^m\.nir: node '\/' edge 'input' -> 'fc1': shape mismatch: 'input' gives \[5\]/);
  });
  it('names an unknown node type', async () => {
    const bytes = await rewriteH5(readBytes(path.join(FIXTURES, 'reference/mlp_lif.nir')), (it) =>
      it.path === '/node/nodes/fc2/type' ? { ...it, data: 'Bogus' } : undefined,
    );
    await expect(decodeNir(bytes, { file: 'm.nir' })).rejects.toThrow("m.nir: node 'fc2' field 'type': unknown node type 'Bogus'");
  });
});

describe('readNir / writeNir (Node files)', () => {
  it('writes atomically: no temp file left, and a failed write leaves nothing (ERR_FILE with path)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nir-w-'));
    const g = await readNir(path.join(FIXTURES, 'paper/lif_norse.nir'));
    await writeNir(path.join(dir, 'a.nir'), g);
    await writeNir(path.join(dir, 'a.json'), g);
    expect(fs.readdirSync(dir).sort()).toEqual(['a.json', 'a.nir']);
    expect(graphToJson(await readNir(path.join(dir, 'a.json')))).toBe(graphToJson(g));
    // a parent that is a file: the write must fail
    const bad = path.join(dir, 'a.nir', 'b.nir');
    const err = (await writeNir(bad, g).catch((e: unknown) => e)) as NirError;
    expect(err).toBeInstanceOf(NirError);
    expect([err.code, err.path, err.file]).toEqual(['ERR_FILE', bad, bad]);
    expect(err.message).toMatch(/^.*b\.nir: cannot write file \(E[A-Z]+\)$/);
    expect(fs.readdirSync(dir).sort()).toEqual(['a.json', 'a.nir']);
    const missing = (await readNir(path.join(dir, 'nope.nir')).catch((e: unknown) => e)) as NirError;
    expect([missing.code, missing.message]).toEqual(['ERR_FILE', `${path.join(dir, 'nope.nir')}: cannot read file (ENOENT)`]);
    fs.rmSync(dir, { recursive: true });
  });
});
