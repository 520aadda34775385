// Same winners and weights on two backends for one SparseArea seed, at any size:
//   node packages/assembly/scripts/sparse-area-backends.mjs [n] [k] [p] [rounds] [backendA:storage] [backendB:storage]
// default: n = 1e5, k = 317, p = 0.01, 6 rounds, wasm:host against webgpu:device. webgpu in Node needs the
// optional `webgpu` package and a Vulkan driver (without a GPU: VK_ICD_FILENAMES=/usr/lib/chromium/vk_swiftshader_icd.json).
// Prints one JSON line per round (winners equal?, round ms on each) and the comparison of every weight at the end.
import { setBackend } from '@neurite/tensor';
import { SparseArea } from '@neurite/assembly';

const [n = 100000, k = 317, p = 0.01, rounds = 6] = process.argv.slice(2, 6).map(Number);
const sides = (process.argv.slice(6, 8).length === 2 ? process.argv.slice(6, 8) : ['wasm:host', 'webgpu:device']).map((s) => s.split(':'));
const opts = { n, k, p, beta: 0.05, seed: 1, memoryBudget: 24e9 };

async function run([backend, storage]) {
  await setBackend(backend);
  const t0 = performance.now();
  const a = new SparseArea({ ...opts, storage });
  const setupMs = performance.now() - t0;
  const winners = [],
    ms = [];
  for (let r = 0; r < rounds; r++) {
    const t = performance.now();
    winners.push(Array.from(await a.project()).join(','));
    ms.push(+(performance.now() - t).toFixed(1));
  }
  const c = await a.connectome();
  a.dispose();
  return { backend, storage, setupMs: Math.round(setupMs), ms, winners, weights: c.weights, stimulus: c.stimulus, synapses: a.synapses };
}

const A = await run(sides[0]);
const B = await run(sides[1]);
for (let r = 0; r < rounds; r++) {
  console.log(
    JSON.stringify({ round: r + 1, winnersEqual: A.winners[r] === B.winners[r], ms: { [A.backend]: A.ms[r], [B.backend]: B.ms[r] } }),
  );
}
let diff = 0,
  grown = 0;
for (let e = 0; e < A.weights.length; e++) {
  if (A.weights[e] !== B.weights[e]) diff++;
  if (A.weights[e] > 1) grown++;
}
let stimDiff = 0;
for (let j = 0; j < n; j++) if (A.stimulus[j] !== B.stimulus[j]) stimDiff++;
console.log(
  JSON.stringify({
    n,
    k,
    p,
    rounds,
    synapses: A.synapses,
    sides: sides.map((s) => s.join(':')),
    setupMs: [A.setupMs, B.setupMs],
    allWinnersEqual: A.winners.every((w, r) => w === B.winners[r]),
    weightsDiffering: diff,
    weightsGrown: grown,
    stimulusWeightsDiffering: stimDiff,
  }),
);
