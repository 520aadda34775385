// CartPole (CartPole-v0 limits, @neurite/snn-convert's CartPole): DQN → SNN conversion over seeds.
// DQN: a 4-64-2 ReLU Q-network in plain JS (Adam, replay 10000, batch 32, γ = 0.99, target net every
// 250 steps, ε 1 → 0.05 over 5000 steps) trained until the greedy policy's mean return over 20
// evaluation episodes reaches 195 (early stop; checked every 1000 steps) or 40000 steps. The stopped
// network is converted: λ calibrated on replay states (99.9th percentile, L = 8), IF neurons, and the SNN
// policy acts by the argmax of its T-step readout. Success: mean return ≥ 195 over 100 episodes.
// Usage: node packages/snn-convert/scripts/cartpole.mjs [--seeds 0,1,2,3,4] [--T 32] [--out DIR]
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createRng, setBackend, tf } from '@neurite/tensor';
import { CartPole, toQcfs, toSpiking } from '@neurite/snn-convert';

const arg = (name, dflt) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const seeds = arg('--seeds', '0,1,2,3,4').split(',').map(Number);
const T = Number(arg('--T', 32));
const out = path.resolve(arg('--out', 'results'));
mkdirSync(out, { recursive: true });
await setBackend('cpu');

const H = 64;
function initNet(rng) {
  const u = (n, a) => Float64Array.from({ length: n }, () => (rng.uniform() * 2 - 1) * a);
  return { w1: u(4 * H, Math.sqrt(6 / (4 + H))), b1: new Float64Array(H), w2: u(H * 2, Math.sqrt(6 / (H + 2))), b2: new Float64Array(2) };
}
const copy = (n) => ({ w1: n.w1.slice(), b1: n.b1.slice(), w2: n.w2.slice(), b2: n.b2.slice() });
function q(net, s, h) {
  for (let j = 0; j < H; j++) {
    let a = net.b1[j];
    for (let i = 0; i < 4; i++) a += s[i] * net.w1[i * H + j];
    h[j] = a > 0 ? a : 0;
  }
  const o = [net.b2[0], net.b2[1]];
  for (let j = 0; j < H; j++) {
    o[0] += h[j] * net.w2[j * 2];
    o[1] += h[j] * net.w2[j * 2 + 1];
  }
  return o;
}
function adam(net) {
  const m = copy(net);
  const v = copy(net);
  for (const k of Object.keys(m)) {
    m[k].fill(0);
    v[k].fill(0);
  }
  let t = 0;
  return (grads, lr) => {
    t++;
    for (const k of Object.keys(grads))
      for (let i = 0; i < grads[k].length; i++) {
        m[k][i] = 0.9 * m[k][i] + 0.1 * grads[k][i];
        v[k][i] = 0.999 * v[k][i] + 0.001 * grads[k][i] ** 2;
        net[k][i] -= (lr * (m[k][i] / (1 - 0.9 ** t))) / (Math.sqrt(v[k][i] / (1 - 0.999 ** t)) + 1e-8);
      }
  };
}
const greedy = (net, s, h) => {
  const o = q(net, s, h);
  return o[1] > o[0] ? 1 : 0;
};
function evaluate(policy, episodes, seed) {
  const env = new CartPole(seed);
  let total = 0;
  for (let e = 0; e < episodes; e++) {
    let s = env.reset();
    let done = false;
    while (!done) {
      const r = env.step(policy(s));
      s = r.state;
      done = r.done;
      total += r.reward;
    }
  }
  return total / episodes;
}
function trainDqn(seed) {
  const rng = createRng(seed);
  const net = initNet(rng);
  let target = copy(net);
  const step = adam(net);
  const env = new CartPole(seed + 1000);
  const buf = [];
  const h = new Float64Array(H);
  const h2 = new Float64Array(H);
  let s = env.reset();
  for (let t = 1; t <= 40000; t++) {
    const eps = Math.max(0.05, 1 - t / 5000);
    const a = rng.uniform() < eps ? rng.uniformInt(2) : greedy(net, s, h);
    const r = env.step(a);
    buf.push([s, a, r.reward, r.state, r.done && env.steps < env.maxSteps]);
    if (buf.length > 10000) buf.shift();
    s = r.done ? env.reset() : r.state;
    if (buf.length >= 500) {
      const g = { w1: new Float64Array(4 * H), b1: new Float64Array(H), w2: new Float64Array(H * 2), b2: new Float64Array(2) };
      for (let k = 0; k < 32; k++) {
        const [bs, ba, br, bs2, term] = buf[rng.uniformInt(buf.length)];
        const qt = q(target, bs2, h2);
        const y = br + (term ? 0 : 0.99 * Math.max(qt[0], qt[1]));
        const o = q(net, bs, h);
        const d = Math.max(-1, Math.min(1, o[ba] - y)) / 32; // Huber gradient
        g.b2[ba] += d;
        for (let j = 0; j < H; j++) {
          g.w2[j * 2 + ba] += d * h[j];
          if (h[j] > 0) {
            const dh = d * net.w2[j * 2 + ba];
            g.b1[j] += dh;
            for (let i = 0; i < 4; i++) g.w1[i * H + j] += dh * bs[i];
          }
        }
      }
      step(g, 1e-3);
    }
    if (t % 250 === 0) target = copy(net);
    if (t % 1000 === 0) {
      const score = evaluate((st) => greedy(net, st, h), 20, seed + 5000 + t);
      if (score >= 195) return { net, steps: t, stopScore: score, replay: buf.map((b) => b[0]) };
    }
  }
  return { net, steps: 40000, stopScore: evaluate((st) => greedy(net, st, h), 20, seed + 99999), replay: buf.map((b) => b[0]) };
}
function toNetwork(n) {
  const f32 = (a) => Float32Array.from(a);
  return {
    output: 3,
    nodes: [
      { name: 'input', className: 'InputLayer', op: { kind: 'input', shape: [4] }, inputs: [], shape: [4] },
      { name: 'fc1', className: 'Dense', op: { kind: 'dense', w: f32(n.w1), b: f32(n.b1), inUnits: 4, units: H }, inputs: [0], shape: [H] },
      { name: 'relu1', className: 'ReLU', op: { kind: 'act', fn: 'relu' }, inputs: [1], shape: [H] },
      { name: 'fc2', className: 'Dense', op: { kind: 'dense', w: f32(n.w2), b: f32(n.b2), inUnits: H, units: 2 }, inputs: [2], shape: [2] },
    ],
  };
}
const rows = [];
for (const seed of seeds) {
  const t0 = Date.now();
  const d = trainDqn(seed);
  const h = new Float64Array(H);
  const annScore = evaluate((st) => greedy(d.net, st, h), 100, 777 + seed);
  const replay = d.replay.slice(-5000);
  const images = Float32Array.from(replay.flat());
  const q8 = await toQcfs(
    toNetwork(d.net),
    { images, labels: new Uint8Array(replay.length) },
    { calibration: 'p99.9', L: 8, channelWise: true },
  );
  const snn = toSpiking(q8);
  const snnPolicy = (st) => {
    const y = snn.run(tf.tensor2d([st], [1, 4]), { T });
    const v = y.dataSync();
    y.dispose();
    return v[1] > v[0] ? 1 : 0;
  };
  const snnScore = evaluate(snnPolicy, 100, 777 + seed);
  const row = {
    seed,
    dqnSteps: d.steps,
    stopScore: d.stopScore,
    annMean100: annScore,
    snnMean100: snnScore,
    T,
    annSolved: annScore >= 195,
    snnSolved: snnScore >= 195,
    seconds: (Date.now() - t0) / 1000,
  };
  rows.push(row);
  console.log(JSON.stringify(row));
  writeFileSync(path.join(out, 'cartpole-results.json'), JSON.stringify(rows, null, 1));
}
console.log(
  `DQN → SNN (T = ${T}): ${rows.filter((r) => r.snnSolved).length}/${rows.length} seeds solve CartPole (mean ≥ 195 over 100 episodes); ANN: ${rows.filter((r) => r.annSolved).length}/${rows.length}`,
);
