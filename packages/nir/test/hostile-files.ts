import h5wasm, { type Group as H5Group } from 'h5wasm';
import { loadH5, scratchPath } from '../src/h5.js';

/**
 * Build an HDF5 file from scratch with h5wasm (for crafted, hostile `.nir` files): `build`
 * gets the root group and the file's absolute-path link helper.
 */
export async function craftH5(build: (root: H5Group, link: (target: string, at: string) => void) => void): Promise<Uint8Array> {
  const { module: M } = await loadH5();
  const p = scratchPath();
  const f = new h5wasm.File(p, 'w');
  try {
    build(f, (target, at) => {
      const i = at.lastIndexOf('/');
      (f.get(at.slice(0, i) || '/') as H5Group).create_hard_link(target, at.slice(i + 1));
    });
  } finally {
    f.close();
  }
  const out = M.FS.readFile(p).slice();
  M.FS.unlink(p);
  return out;
}

/** A string dataset. */
export function str(g: H5Group, name: string, value: string): void {
  g.create_dataset({ name, data: value });
}

/** A float32 dataset of `n` elements declared, gzip-compressed in chunks, of which only the first is written (a tiny file). */
export function hugeArray(g: H5Group, name: string, n: number): void {
  const ds = g.create_dataset({
    name,
    data: new Float32Array(1024),
    shape: [1024],
    maxshape: [null],
    chunks: [1024],
    compression: 'gzip',
    compression_opts: 4,
  });
  ds.resize([n]);
}

/** `/version` and a top graph `/node` with the given edges; returns its `nodes` group. */
export function topGraph(root: H5Group, edges: [string, string][] = []): H5Group {
  str(root, 'version', '1.0.7');
  const node = root.create_group('node');
  str(node, 'type', 'NIRGraph');
  if (edges.length === 0) node.create_dataset({ name: 'edges', data: new Float64Array(0), shape: [0] });
  else node.create_dataset({ name: 'edges', data: edges.flat(), shape: [edges.length, 2] });
  return node.create_group('nodes');
}

/** An Input or Output node group of shape `shape`. */
export function io(nodes: H5Group, name: string, type: 'Input' | 'Output', shape: number[]): H5Group {
  const g = nodes.create_group(name);
  str(g, 'type', type);
  g.create_dataset({ name: 'shape', data: new BigInt64Array(shape.map(BigInt)) });
  return g;
}
