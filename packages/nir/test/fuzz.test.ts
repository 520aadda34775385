import { beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  compile,
  createGraph,
  createNode,
  decodeNir,
  encodeNir,
  graphFromJson,
  MAX_TOTAL_ELEMENTS,
  NirError,
  readNir,
  writeNir,
} from '../src/node.js';
import { FIXTURES, rewriteH5 } from './helpers.js';
import { craftH5, hugeArray, io, str, topGraph } from './hostile-files.js';
import { setBackend, tf, toRng } from '@neurite/tensor';

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

/** Names that are properties of every JavaScript object (a plain `{}` map would find them). */
const PROTO_NAMES = ['constructor', 'toString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf', '__defineGetter__', 'toLocaleString'];

/** Bound on one hostile case, in ms: a refusal is a walk of the file's few links, not work in what it declares (loaded 2-core CI). */
const QUICK_MS = 3000;

/** Runs `fn`, which must throw exactly one NirError of one line, quickly. */
async function refuses(what: string, fn: () => unknown, match?: RegExp): Promise<NirError> {
  const t0 = performance.now();
  let err: unknown;
  try {
    await fn();
  } catch (e) {
    err = e;
  }
  const ms = performance.now() - t0;
  if (!(err instanceof NirError)) throw new Error(`${what}: expected a NirError, got ${String(err)}`, { cause: err });
  expect(err.message, what).not.toContain('\n');
  if (match) expect(err.message, what).toMatch(match);
  expect(ms, `${what}: ${err.message}`).toBeLessThan(QUICK_MS);
  return err;
}

describe('fuzz: hostile files (each class generated from seed 99)', () => {
  beforeAll(async () => {
    await setBackend('cpu');
  });
  const rng = toRng(99);
  const int = (lo: number, hi: number) => lo + Math.floor(rng.uniform() * (hi - lo + 1));
  const pick = <T>(a: readonly T[]) => a[Math.floor(rng.uniform() * a.length)];

  it('groups reached through several hard links (in nodes/, in metadata/, or a cycle) are refused by address, quickly', async () => {
    for (let c = 0; c < 6; c++) {
      const depth = int(20, 45);
      const fan = int(2, 3);
      const where = pick(['nodes', 'metadata', 'cycle'] as const);
      const bytes = await craftH5((root, link) => {
        const nodes = topGraph(root, [['input', 'output']]);
        const inp = io(nodes, 'input', 'Input', [1]);
        io(nodes, 'output', 'Output', [1]);
        let cur = where === 'metadata' ? inp.create_group('metadata') : nodes;
        let p = where === 'metadata' ? '/node/nodes/input/metadata' : '/node/nodes';
        for (let d = 0; d < depth; d++) {
          const g = cur.create_group('g0');
          let next = g;
          if (where !== 'metadata') {
            str(g, 'type', 'NIRGraph');
            g.create_dataset({ name: 'edges', data: new Float64Array(0), shape: [0] });
            next = g.create_group('nodes');
          }
          for (let j = 1; j < fan; j++) link(`${p}/g0`, `${p}/g${j}`);
          p = where === 'metadata' ? `${p}/g0` : `${p}/g0/nodes`;
          cur = next;
          if (where === 'cycle' && d === 2) {
            link('/node', `${p}/loop`);
            break;
          }
        }
      });
      expect(bytes.length).toBeLessThan(400_000);
      await refuses(`${where} depth ${depth} fan ${fan}`, () => decodeNir(bytes, { file: 'links.nir' }), /^links\.nir: .*two links/);
    }
  });

  it('compressed arrays declaring more elements together than the budget are refused before any is inflated', async () => {
    for (let c = 0; c < 4; c++) {
      const k = int(3, 8);
      const each = Math.ceil(MAX_TOTAL_ELEMENTS / (k - 1)); // k of them exceed the budget; each alone is within the per-array cap
      const inMeta = rng.uniform() < 0.5;
      const bytes = await craftH5((root) => {
        const nodes = topGraph(root, [['input', 'output']]);
        const inp = io(nodes, 'input', 'Input', [1]);
        io(nodes, 'output', 'Output', [1]);
        const g = inMeta ? inp.create_group('metadata') : nodes.create_group('x');
        if (!inMeta) str(g, 'type', 'Scale');
        for (let j = 0; j < k; j++) hugeArray(g, inMeta ? `a${j}` : j === 0 ? 'scale' : `extra${j}`, each);
      });
      expect(bytes.length).toBeLessThan(200_000);
      await refuses(`${k} arrays of ${each}`, () => decodeNir(bytes, { file: 'big.nir' }), /declare more than \d+ elements together/);
    }
  });

  it("node types and names that are Object.prototype's properties: a clear error for a type, a plain name for a node", async () => {
    for (let c = 0; c < 4; c++) {
      const type = pick(PROTO_NAMES);
      const bad = await craftH5((root) => {
        const nodes = topGraph(root, [['input', 'output']]);
        io(nodes, 'input', 'Input', [1]);
        io(nodes, 'output', 'Output', [1]);
        str(nodes.create_group('x'), 'type', type);
      });
      await refuses(`type ${type}`, () => decodeNir(bad, { file: 't.nir' }), new RegExp(`unknown node type '${type}'`));
      const name = pick(PROTO_NAMES);
      const ok = await craftH5((root) => {
        const nodes = topGraph(root, [
          ['input', name],
          [name, 'output'],
        ]);
        io(nodes, 'input', 'Input', [2]);
        io(nodes, 'output', 'Output', [2]);
        io(nodes, name, 'Output', [2]);
      });
      const { graph } = await decodeNir(ok);
      expect(Object.hasOwn(graph.nodes, name), name).toBe(true);
      expect(graph.nodes[name].type).toBe('Output');
      expect((await decodeNir(await encodeNir(graph))).graph.edges).toEqual(graph.edges);
    }
    const proto = await craftH5((root) => {
      const nodes = topGraph(root, [['input', 'output']]);
      io(nodes, 'input', 'Input', [1]);
      io(nodes, 'output', 'Output', [1]);
      io(nodes, '__proto__', 'Output', [1]);
    });
    await refuses('__proto__ node', () => decodeNir(proto, { file: 'p.nir' }), /bad node name "__proto__": reserved/);
    await refuses('__proto__ in JSON', () =>
      graphFromJson(
        '{"type": "NIRGraph", "nodes": {"__proto__": {"type": "Input", "shape": {"shape": [1], "dtype": "int64", "data": [1]}}}, "edges": []}',
      ),
    );
  });

  it('negative, zero or NaN time constants, and names HDF5 cannot hold, are refused at validation', async () => {
    for (let c = 0; c < 6; c++) {
      const tau = pick([-1e-3 * (1 + rng.uniform()), -0, 0, NaN, -Infinity, -1e30]);
      const type = pick(['LIF', 'LI', 'CubaLIF', 'CubaLI'] as const);
      const field = type.startsWith('Cuba') ? pick(['tau_syn', 'tau_mem']) : 'tau';
      const fields: Record<string, number[]> = { r: [1], v_leak: [0], v_threshold: [1], tau: [0.01], tau_syn: [0.01], tau_mem: [0.01] };
      fields[field] = [tau];
      const keep = {
        LIF: ['tau', 'r', 'v_leak', 'v_threshold'],
        LI: ['tau', 'r', 'v_leak'],
        CubaLIF: ['tau_syn', 'tau_mem', 'r', 'v_leak', 'v_threshold'],
        CubaLI: ['tau_syn', 'tau_mem', 'r', 'v_leak'],
      }[type];
      const e = await refuses(
        `${type}.${field} = ${tau}`,
        () => createNode(type, Object.fromEntries(keep.map((k) => [k, fields[k]]))),
        /time constants must be > 0/,
      );
      expect(e.field).toBe(field);
    }
    for (const name of ['.', '..', `a\0${int(0, 9)}`, '\0']) {
      await refuses(
        `name ${JSON.stringify(name)}`,
        () =>
          createGraph({
            nodes: { [name]: createNode('Input', { shape: [1] }), o: createNode('Output', { shape: [1] }) },
            edges: [[name, 'o']],
          }),
        /bad node name/,
      );
    }
    await refuses('metadata key', () => createGraph({ nodes: {}, edges: [], metadata: { '.': 1 } }), /bad metadata key/);
  });

  it('huge delays, T = 0 and unbounded step counts end in a NirError before any work', async () => {
    const g = (delay: number) =>
      createGraph({
        nodes: {
          i: createNode('Input', { shape: [3] }),
          d: createNode('Delay', { delay: [delay, 0, 1] }),
          o: createNode('Output', { shape: [3] }),
        },
        edges: [
          ['i', 'd'],
          ['d', 'o'],
        ],
      });
    for (let c = 0; c < 4; c++) {
      const delay = 10 ** int(7, 15) * (1 + rng.uniform());
      const e = await refuses(`delay ${delay}`, () => compile(g(delay), { dt: 1 }), /exceeds the bound/);
      expect([e.node, e.field, e.code]).toEqual(['d', 'delay', 'ERR_OUT_OF_RANGE']);
    }
    const before = tf.memory().numTensors;
    const sim = compile(g(2), { dt: 1 });
    const empty = tf.zeros([0, 1, 3]);
    await refuses('T = 0', () => sim.runAll(empty), /no time steps \(T = 0\)/);
    const xs = tf.ones([2, 1, 3]);
    for (const steps of [0, -int(1, 9), 2.5, NaN, Infinity])
      await refuses(`steps ${steps}`, () => sim.runAll(xs, steps), /steps must be an integer >= 1/);
    for (let c = 0; c < 3; c++) {
      const steps = 2 ** int(27, 50);
      await refuses(`steps ${steps}`, () => sim.runAll(xs, steps), /would hold more than/);
    }
    tf.dispose([empty, xs]);
    sim.dispose();
    expect(tf.memory().numTensors).toBe(before); // nothing left behind by the refused runs
  });

  it('JSON graphs nested deeper than the parser allows are one NirError (no stack overflow)', async () => {
    for (let c = 0; c < 3; c++) {
      const depth = int(300, 100_000);
      const doc = `{"type": "NIRGraph", "nodes": {}, "edges": [], "metadata": ${'{"a": '.repeat(depth)}1${'}'.repeat(depth)}}`;
      await refuses(`depth ${depth}`, () => graphFromJson(doc, { file: 'deep.json' }), /^deep\.json: .*nested too deeply/);
    }
  });
});
