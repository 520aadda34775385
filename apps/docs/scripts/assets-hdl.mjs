// The HDL demo's networks → public/hdl/: small LIF chains written as .nir files by @neurite/nir's
// encoder (so the page and `neurite-hdl gen` read the same bytes), with public/hdl/index.json listing
// them. Weights are drawn from a seeded generator: every build writes the same graphs. Not committed.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createGraph, createNode, encodeNir, nirArray } from '@neurite/nir';
import { createRng } from '@neurite/tensor';

const docs = fileURLToPath(new URL('..', import.meta.url));
const out = path.join(docs, 'public', 'hdl');
mkdirSync(out, { recursive: true });

/** Weights ~ N(0, (gain / √nIn)²), row-major [nOut][nIn], from `rng`. */
function weights(rng, nOut, nIn, gain) {
  return nirArray(
    Array.from({ length: nOut * nIn }, () => (gain * rng.normal()) / Math.sqrt(nIn)),
    [nOut, nIn],
  );
}

/** LIF of n neurons with τ = r = `tau` steps (dt = 1: leak 1 − 1/τ), threshold 1, reset by subtraction. */
function lif(n, tau) {
  const c = (x) => new Array(n).fill(x);
  return createNode('LIF', {
    tau: c(tau),
    r: c(tau),
    v_leak: c(0),
    v_threshold: c(1),
    v_reset: c(0),
    metadata: { reset_mode: 'subtract' },
  });
}

/** Input(sizes[0]) → (Affine → LIF)+ → Output, seeded; `gains[l − 1]` scales the weights into layer l. */
function chain(sizes, tau, seed, gains) {
  const rng = createRng(seed);
  const nodes = { input: createNode('Input', { shape: [sizes[0]] }) };
  const edges = [];
  let prev = 'input';
  for (let l = 1; l < sizes.length; l++) {
    nodes[`fc${l}`] = createNode('Affine', {
      weight: weights(rng, sizes[l], sizes[l - 1], gains[l - 1]),
      bias: Array.from({ length: sizes[l] }, () => 0.05 * rng.normal()),
    });
    nodes[`lif${l}`] = lif(sizes[l], tau);
    edges.push([prev, `fc${l}`], [`fc${l}`, `lif${l}`]);
    prev = `lif${l}`;
  }
  nodes.output = createNode('Output', { shape: [sizes.at(-1)] });
  edges.push([prev, 'output']);
  return createGraph({ nodes, edges });
}

const networks = [
  { name: 'lif-8-6-3.nir', graph: chain([8, 6, 3], 8, 7, [3, 4]), about: 'Input(8) → Affine → LIF(6) → Affine → LIF(3), τ = 8 steps' },
  {
    name: 'lif-16-12-4.nir',
    graph: chain([16, 12, 4], 16, 11, [3, 3]),
    about: 'Input(16) → Affine → LIF(12) → Affine → LIF(4), τ = 16 steps',
  },
];
const files = [];
for (const n of networks) {
  const bytes = await encodeNir(n.graph);
  writeFileSync(path.join(out, n.name), bytes);
  files.push({ name: n.name, bytes: bytes.length, about: n.about });
}
writeFileSync(path.join(out, 'index.json'), JSON.stringify({ files }, null, 2) + '\n');
console.log(`[docs] public/hdl: ${files.length} .nir files`);
