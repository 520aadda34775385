import path from 'node:path';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import h5wasm, { type Dataset as H5Dataset, type Group as H5Group } from 'h5wasm';
import { tf } from '@neurite/tensor';
import { compile, type CompileOptions, type NirGraph } from '../src/index.js';
import { loadH5, scratchPath } from '../src/h5.js';

const here = path.dirname(fileURLToPath(import.meta.url));
/** Repository root (the folder holding packages/). */
export const REPO_ROOT = path.resolve(here, '../../..');
/** The NIR fixtures committed with the tests (see fixtures/README.md for their sources). */
export const FIXTURES = path.join(here, 'fixtures');

/** Every fixture `.nir` with the `.json` Python wrote for it (the `_subgraph` file has none). */
export function fixtureFiles(): { nir: string; json: string | null }[] {
  const out: { nir: string; json: string | null }[] = [];
  for (const sub of ['paper', 'reference']) {
    for (const f of fs.readdirSync(path.join(FIXTURES, sub)).sort()) {
      if (!f.endsWith('.nir')) continue;
      const nir = path.join(FIXTURES, sub, f);
      const json = nir.replace(/\.nir$/, '.json');
      out.push({ nir, json: fs.existsSync(json) ? json : null });
    }
  }
  return out;
}

/** A CSV of the paper fixtures (`paper/<name>`) as rows of numbers. */
export function paperCsv(name: string): number[][] {
  return fs
    .readFileSync(path.join(FIXTURES, 'paper', name), 'utf8')
    .trim()
    .split('\n')
    .map((l) => l.split(',').map(Number));
}

/**
 * Runs `graph` on one neuron's input trace (batch 1, one step per entry)
 * recording node '1': its membrane voltage v and the graph's output spikes z,
 * per step. Disposes everything it made.
 */
export function runTrace(
  graph: NirGraph,
  input: readonly number[],
  options: Omit<CompileOptions, 'record'>,
): { v: Float32Array; z: Float32Array } {
  const sim = compile(graph, { ...options, record: ['1'] });
  const xs = tf.tensor3d(input.map((x) => [[x]]));
  const out = sim.run(xs);
  const rec = sim.recording('1');
  const result = { v: rec.v!.dataSync() as Float32Array, z: out.dataSync() as Float32Array };
  tf.dispose([xs, out, rec.output, rec.v!]);
  sim.dispose();
  return result;
}

export interface H5Item {
  path: string;
  kind: 'group' | 'dataset';
  data?: unknown;
  shape?: number[];
  dtype?: string;
  /** Storage of the copy: as the source (default: gzip 4, one chunk, when the source is filtered), contiguous, or gzip 4 with these chunks. */
  storage?: 'contiguous' | { chunks: number[] };
  /** Add a string attribute `note` with this value to the copied dataset. */
  extraAttr?: string;
}

/**
 * Copy an HDF5 file with h5wasm, item by item, letting `edit` drop an item
 * (return 'drop') or replace a dataset's value (return an H5Item).
 * Used to delete datasets and make variants (int32 shapes, no version, …).
 */
export async function rewriteH5(bytes: Uint8Array, edit: (item: H5Item) => 'drop' | H5Item | undefined): Promise<Uint8Array> {
  const { module: M } = await loadH5();
  const src = scratchPath();
  const dst = scratchPath();
  M.FS.writeFile(src, bytes);
  const fin = new h5wasm.File(src, 'r');
  const fout = new h5wasm.File(dst, 'w');
  const walk = (gin: H5Group, gout: H5Group, prefix: string) => {
    for (const k of gin.keys()) {
      const child = gin.get(k);
      const p = `${prefix}/${k}`;
      if (child instanceof h5wasm.Group) {
        const r = edit({ path: p, kind: 'group' });
        if (r === 'drop') continue;
        walk(child, gout.create_group(k), p);
      } else if (child instanceof h5wasm.Dataset) {
        const item: H5Item = { path: p, kind: 'dataset', data: child.value, shape: child.shape ?? [] };
        const r = edit(item);
        if (r === 'drop') continue;
        const it = r ?? item;
        if (typeof it.data === 'bigint') it.data = new BigInt64Array([it.data]);
        else if (typeof it.data === 'number') it.data = new Float64Array([it.data]);
        const chunks =
          it.storage === 'contiguous'
            ? null
            : typeof it.storage === 'object'
              ? it.storage.chunks
              : child.filters.length > 0 && (it.shape ?? []).length > 0
                ? it.shape
                : null;
        const ds = gout.create_dataset({
          name: k,
          data: it.data as never,
          shape: it.shape,
          ...(it.dtype ? { dtype: it.dtype } : {}),
          ...(chunks ? { chunks, compression: 'gzip' as const, compression_opts: 4 } : {}),
        });
        if (it.extraAttr !== undefined) ds.create_attribute('note', it.extraAttr);
      }
    }
  };
  walk(fin, fout, '');
  fin.close();
  fout.close();
  const out = M.FS.readFile(dst).slice();
  M.FS.unlink(src);
  M.FS.unlink(dst);
  return out;
}

/** Read and parse a JSON file. */
export function loadJson(file: string): unknown {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

/** One HDF5 object as the layout comparison sees it (h5wasm's view of what h5py reports). */
export interface H5Object {
  kind: 'group' | 'dataset';
  /** Attribute values by name (h5wasm's JSON-compatible value). */
  attrs: Record<string, unknown>;
  /** e.g. `int64`, `float32`, `string(vlen, utf-8)`. */
  dtype?: string;
  shape?: number[];
  /** e.g. `['deflate[4]']`. */
  filters?: string[];
  chunks?: number[] | null;
}

/** Every group and dataset of an HDF5 file, by path, with dtype, shape, filters and chunks. */
export async function describeH5(bytes: Uint8Array): Promise<Record<string, H5Object>> {
  const { module: M } = await loadH5();
  const p = scratchPath();
  M.FS.writeFile(p, bytes);
  const f = new h5wasm.File(p, 'r');
  const out: Record<string, H5Object> = {};
  const attrsOf = (x: H5Group | H5Dataset): Record<string, unknown> => {
    const a: Record<string, unknown> = {};
    for (const [name, attr] of Object.entries(x.attrs).sort(([p], [q]) => (p < q ? -1 : 1))) a[name] = attr.json_value;
    return a;
  };
  const walk = (g: H5Group, prefix: string) => {
    for (const k of g.keys()) {
      const c = g.get(k);
      const at = `${prefix}/${k}`;
      if (c instanceof h5wasm.Group) {
        out[at] = { kind: 'group', attrs: attrsOf(c) };
        walk(c, at);
      } else if (c instanceof h5wasm.Dataset) {
        const md = c.metadata;
        const dtype =
          md.type === 3
            ? `string(${md.vlen ? 'vlen' : `fixed${md.size}`}, ${md.cset === 1 ? 'utf-8' : 'ascii'})`
            : md.type === 0
              ? `${md.signed ? 'int' : 'uint'}${md.size * 8}`
              : md.type === 1
                ? `float${md.size * 8}`
                : `class${md.type}`;
        out[at] = {
          kind: 'dataset',
          attrs: attrsOf(c),
          dtype,
          shape: c.shape ?? [],
          filters: c.filters.map((x) => `${x.name}[${x.cd_values.join(',')}]`),
          chunks: md.chunks,
        };
      }
    }
  };
  try {
    walk(f, '');
  } finally {
    f.close();
    M.FS.unlink(p);
  }
  return out;
}

/** Differences between two descriptions (ours first), one line each; [] when the layouts agree. */
export function layoutDifferences(ours: Record<string, H5Object>, python: Record<string, H5Object>): string[] {
  const out: string[] = [];
  for (const k of Object.keys(python).sort()) if (!(k in ours)) out.push(`${k}: missing (Python writes a ${python[k].kind})`);
  for (const k of Object.keys(ours).sort()) if (!(k in python)) out.push(`${k}: extra ${ours[k].kind}`);
  for (const k of Object.keys(ours).sort()) {
    if (!(k in python)) continue;
    for (const field of ['kind', 'attrs', 'dtype', 'shape', 'filters', 'chunks'] as const) {
      const a = JSON.stringify(ours[k][field] ?? null);
      const b = JSON.stringify(python[k][field] ?? null);
      if (a !== b) out.push(`${k}: ${field} ${a} (Python: ${b})`);
    }
  }
  return out;
}

/** float32 unit roundoff, u = 2^-24 (half an ulp of 1). */
export const F32_U = 2 ** -24;

/**
 * Worst-case float32 error of a linear recurrence v ← a·v + b·x + k (0 ≤ a ≤ 1) over `steps`
 * steps, against the same recurrence in exact arithmetic: each step adds at most
 * `ops`·u·max|v| (`ops` roundings: the products, the sums and the coefficients rounded to
 * float32), and an earlier error shrinks by a per step, so the total stays below
 * ops·u·max|v|·min(steps, 1/(1 − a)).
 */
export function f32RecurrenceBound(maxAbs: number, a: number, steps: number, ops: number): number {
  return ops * F32_U * maxAbs * Math.min(steps, a < 1 ? 1 / (1 - a) : Infinity);
}

/** Half a unit in the last printed digit of a value up to `maxAbs` printed with `digits` significant digits. */
export function printRounding(maxAbs: number, digits: number): number {
  return 0.5 * 10 ** (Math.floor(Math.log10(maxAbs)) - digits + 1);
}

/**
 * Tolerance for our voltage trace of paper/lif_norse.nir against a paper CSV (rows: input, v, z):
 * both are float32 runs of v ← a·v + b·x with a = 1 − dt/τ = 1 − 1e-4/0.0025 = 0.96 (3 roundings
 * a step in the reference; ours 3 plus 2 float32 coefficients, plus 1 for the unit change when
 * `scaled`), so they differ by at most the sum of the two {@link f32RecurrenceBound}s, plus the
 * CSV's printing to 8 significant digits. About 1e-6 V for lif_norse.csv.
 */
export function lifTraceBound(rows: readonly number[][], scaled: boolean): number {
  const maxV = Math.max(...rows.map((r) => Math.abs(r[1])));
  return (
    f32RecurrenceBound(maxV, 0.96, rows.length, 3) + f32RecurrenceBound(maxV, 0.96, rows.length, scaled ? 6 : 5) + printRounding(maxV, 8)
  );
}
