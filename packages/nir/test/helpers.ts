import path from 'node:path';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import h5wasm from 'h5wasm';

const here = path.dirname(fileURLToPath(import.meta.url));
/** Repository root (the folder holding packages/). */
export const REPO_ROOT = path.resolve(here, '../../..');
/** The shared NIR fixtures, cloned beside the repository. */
export const FIXTURES = path.resolve(REPO_ROOT, '../shared/fixtures/nir');

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

export interface H5Item { path: string; kind: 'group' | 'dataset'; data?: unknown; shape?: number[]; dtype?: string }

/**
 * Copy an HDF5 file with h5wasm, item by item, letting `edit` drop an item
 * (return 'drop') or replace a dataset's value (return an H5Item).
 * Used to delete datasets and make variants (int32 shapes, no version, …).
 */
export async function rewriteH5(bytes: Uint8Array, edit: (item: H5Item) => 'drop' | H5Item | undefined): Promise<Uint8Array> {
  const M = (await h5wasm.ready) as unknown as { FS: { writeFile(p: string, d: Uint8Array): void; readFile(p: string): Uint8Array; unlink(p: string): void } };
  const src = `/edit-src-${Math.random().toString(36).slice(2)}.h5`;
  const dst = `/edit-dst-${Math.random().toString(36).slice(2)}.h5`;
  M.FS.writeFile(src, bytes);
  const fin = new h5wasm.File(src, 'r');
  const fout = new h5wasm.File(dst, 'w');
  const walk = (gin: h5wasm.Group, gout: h5wasm.Group, prefix: string) => {
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
        const filters = child.filters.length > 0 && (it.shape ?? []).length > 0;
        gout.create_dataset({
          name: k, data: it.data as never, shape: it.shape, ...(it.dtype ? { dtype: it.dtype } : {}),
          ...(filters ? { chunks: it.shape, compression: 'gzip' as const, compression_opts: 4 } : {}),
        });
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

/** Parse JSON text the standard way, after turning Python's NaN into null. */
export function loadJson(file: string): unknown {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}
