// CartPole (CartPole-v0 limits, @neurite/snn-convert's CartPole): a directly trained LIF policy.
// A 4-H-2 spiking MLP (LIF, β, θ = 1, reset by subtraction; spikingMlp) is trained with REINFORCE by
// surrogate-gradient BPTT (trainCartPolePolicy: episodes in parallel per update, normalised discounted
// returns, Adam; early stop when the greedy policy's mean over 20 check episodes reaches 195), then the
// greedy policy plays 100 fresh episodes. Solved: mean return ≥ 195 over those 100 episodes.
// Usage: node packages/snn-convert/scripts/cartpole-lif.mjs [--seeds 0,1,2,3,4] [--T 8] [--hidden 64] [--beta 0.9]
//        [--updates 300] [--episodes 8] [--lr 0.01] [--out DIR] [--save-nir FILE (the first seed's policy)]
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setBackend } from '@neurite/tensor';
import { encodeNir } from '@neurite/nir';
import { evaluateCartPolePolicy, spikingMlp, toNir, trainCartPolePolicy } from '@neurite/snn-convert';

const arg = (name, dflt) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const seeds = arg('--seeds', '0,1,2,3,4').split(',').map(Number);
const T = Number(arg('--T', 8));
const hidden = Number(arg('--hidden', 64));
const beta = Number(arg('--beta', 0.9));
const updates = Number(arg('--updates', 300));
const episodesPerUpdate = Number(arg('--episodes', 8));
const lr = Number(arg('--lr', 0.01));
const out = path.resolve(arg('--out', 'results'));
const saveNir = arg('--save-nir', null);
mkdirSync(out, { recursive: true });
await setBackend(arg('--backend', 'cpu'));
const rows = [];
for (const seed of seeds) {
  const t0 = Date.now();
  const net = spikingMlp([4, hidden, 2], { neuron: 'lif', beta, seed });
  const r = await trainCartPolePolicy(net, {
    T,
    lr,
    episodesPerUpdate,
    updates,
    seed,
    onUpdate: (i) => {
      if (i.update % 10 === 0 || i.evalMean !== undefined)
        process.stderr.write(
          `seed ${seed} update ${i.update}: mean return ${i.meanReturn.toFixed(1)}${i.evalMean !== undefined ? `, greedy check ${i.evalMean.toFixed(1)}` : ''}\n`,
        );
    },
  });
  const mean100 = await evaluateCartPolePolicy(r.snn, { episodes: 100, T, seed: 10_000 + seed });
  const row = {
    seed,
    hidden,
    beta,
    T,
    updates: r.updates,
    episodes: r.episodes,
    lastCheck: r.lastEval,
    mean100,
    solved: mean100 >= 195,
    seconds: (Date.now() - t0) / 1000,
  };
  rows.push(row);
  console.log(JSON.stringify(row));
  writeFileSync(path.join(out, 'cartpole-lif-results.json'), JSON.stringify(rows, null, 1));
  if (saveNir && seed === seeds[0]) writeFileSync(saveNir, await encodeNir(toNir(r.snn)));
}
console.log(
  `directly trained LIF policy (T = ${T}, β = ${beta}): ${rows.filter((r) => r.solved).length}/${rows.length} seeds solve CartPole (mean ≥ 195 over 100 episodes)`,
);
