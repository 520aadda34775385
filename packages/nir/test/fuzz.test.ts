import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { decodeNir, encodeNir, NirError, readNir, writeNir } from '../src/node.js';
import { FIXTURES, rewriteH5 } from './helpers.js';
import { toRng } from '@neurite/tensor';

async function datasetPaths(bytes: Uint8Array): Promise<string[]> {
  const out: string[] = [];
  await rewriteH5(bytes, (it) => {
    if (it.kind === 'dataset') out.push(it.path);
    return undefined;
  });
  return out;
}

const FILES = [
  'reference/mlp_lif.nir',
  'reference/recurrent_cuba.nir',
  'reference/nested_misc.nir',
  'reference/conv1d_avgpool.nir',
  'reference/conv_if.nir',
  'paper/lif_norse.nir',
  'paper/two_lif_neurons.nir',
  'paper/braille_noDelay_bias_zero.nir',
];

describe('fuzz: mutated fixture files give a valid graph or a NirError, never anything else', () => {
  it('300 cases (seed 1234): truncate, flip bytes, delete datasets', async () => {
    const rng = toRng(1234);
    const rand = () => rng.uniform();
    const pick = <T>(a: T[]) => a[Math.floor(rand() * a.length)];
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nir-fuzz-'));
    const written: string[] = [];
    const stats = { ok: 0, nirError: 0 };
    for (let c = 0; c < 300; c++) {
      const file = pick(FILES);
      const orig = new Uint8Array(fs.readFileSync(path.join(FIXTURES, file)));
      let bytes: Uint8Array;
      const kind = c % 5 < 2 ? 'truncate' : c % 5 < 4 ? 'flip' : 'delete';
      if (kind === 'truncate') bytes = orig.slice(0, Math.floor(rand() * orig.length));
      else if (kind === 'flip') {
        bytes = orig.slice();
        const n = 1 + Math.floor(rand() * 8);
        for (let k = 0; k < n; k++) bytes[Math.floor(rand() * bytes.length)] ^= 1 << Math.floor(rand() * 8);
      } else {
        const victim = pick(await datasetPaths(orig));
        bytes = await rewriteH5(orig, (it) => (it.path === victim ? 'drop' : undefined));
      }
      const inPath = path.join(dir, `case${c}.nir`);
      const outPath = path.join(dir, `out${c}.nir`);
      fs.writeFileSync(inPath, bytes);
      try {
        const g = await readNir(inPath);
        // a graph that reads is valid: it writes and reads back the same
        await writeNir(outPath, g);
        written.push(path.basename(outPath));
        expect((await decodeNir(await encodeNir(g))).graph.edges).toEqual(g.edges);
        stats.ok++;
      } catch (e) {
        if (!(e instanceof NirError)) throw new Error(`case ${c} (${kind} ${file}): not a NirError: ${String(e)}`, { cause: e });
        expect(e.message.startsWith(inPath), e.message).toBe(true);
        expect(e.path).toBe(inPath);
        // damaged content is never reported as a bad argument of the caller
        expect(['ERR_FORMAT', 'ERR_SHAPE', 'ERR_UNSUPPORTED', 'ERR_OUT_OF_RANGE', 'ERR_NOT_FINITE'], e.message).toContain(e.code);
        expect(e.message).not.toContain('\n');
        expect(fs.existsSync(outPath)).toBe(false);
        stats.nirError++;
      }
      fs.rmSync(inPath);
      // nothing but the files written whole: no temporary file of an atomic write left behind
      expect(fs.readdirSync(dir).sort()).toEqual([...written].sort());
    }
    // the cases must exercise both outcomes
    expect(stats.nirError).toBeGreaterThan(50);
    expect(stats.ok).toBeGreaterThan(0);
    fs.rmSync(dir, { recursive: true });
    // h5wasm still reads and writes correctly afterwards
    const g = await readNir(path.join(FIXTURES, 'reference/mlp_lif.nir'));
    expect(g.edges.length).toBe(5);
    expect((await decodeNir(await encodeNir(g))).graph.edges).toEqual(g.edges);
  });
});
