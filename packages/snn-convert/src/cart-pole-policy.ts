import { tf, toRng } from '@neurite/tensor';
import type { SeedOrRng } from '@neurite/tensor';
import { CartPole } from './cart-pole.js';
import { ConvertError, checkInt, checkPositive, checkProb } from './convert-error.js';
import { EventEngine } from './event-engine.js';
import { PolicyGradient } from './policy-gradient.js';
import type { PolicyGradientOptions } from './policy-gradient.js';
import { SpikingNetwork } from './spiking-network.js';

/** Options of {@link trainCartPolePolicy} (and the {@link PolicyGradient} options: T, lr, surrogate, seed). */
export interface TrainCartPoleOptions extends PolicyGradientOptions {
  /** Episodes run in parallel per update (default 8). */
  episodesPerUpdate?: number;
  /** Most updates (default 300). */
  updates?: number;
  /** Discount γ of the returns (default 0.99). */
  gamma?: number;
  /** Every this many updates, the greedy policy plays `evalEpisodes` episodes (default 5). */
  evalEvery?: number;
  /** Episodes of the early-stop check (default 20). */
  evalEpisodes?: number;
  /** Stop when the check's mean return reaches this (default 195). */
  target?: number;
  /** Called after each update. */
  onUpdate?: (info: { update: number; meanReturn: number; loss: number; evalMean?: number }) => void;
}

/** What {@link trainCartPolePolicy} returns. */
export interface TrainCartPoleResult {
  /** The trained policy. */
  snn: SpikingNetwork;
  /** Updates done. */
  updates: number;
  /** Training episodes played. */
  episodes: number;
  /** Mean return of each update's episodes (sampled actions). */
  meanReturns: number[];
  /** The last early-stop check's mean return (greedy), or NaN if none ran. */
  lastEval: number;
}

/**
 * Train a spiking policy on {@link CartPole} with {@link PolicyGradient} (REINFORCE,
 * surrogate-gradient BPTT): each update plays `episodesPerUpdate` episodes with actions
 * sampled from π, turns rewards into discounted returns G_t = Σ_k γ^k r_{t+k}, normalises
 * them over the batch (A = (G − mean) / sd, a baseline) and takes one Adam step. Every
 * `evalEvery` updates the greedy policy plays `evalEpisodes` episodes; training stops early
 * when their mean return reaches `target`. Seeded: environments, sampling and evaluations.
 * @throws ConvertError when the network does not take 4 inputs and give 2 outputs.
 *
 * @example
 * ```ts
 * import { evaluateCartPolePolicy, spikingMlp, trainCartPolePolicy } from '@neurite/snn-convert';
 * // A short run (10 updates of 8 episodes); the default 300 updates solve CartPole (mean ≥ 195) on most seeds.
 * const { snn } = await trainCartPolePolicy(spikingMlp([4, 64, 2], { beta: 0.9, seed: 0 }), { T: 8, seed: 0, updates: 10 });
 * console.log(await evaluateCartPolePolicy(snn, { episodes: 20, T: 8, seed: 1 })); // mean return over 20 episodes
 * ```
 */
export async function trainCartPolePolicy(snn: SpikingNetwork, opts: TrainCartPoleOptions = {}): Promise<TrainCartPoleResult> {
  checkPolicy('trainCartPolePolicy', snn);
  const E = checkInt('trainCartPolePolicy', 'episodesPerUpdate', opts.episodesPerUpdate ?? 8, 1, 4096);
  const maxUpdates = checkInt('trainCartPolePolicy', 'updates', opts.updates ?? 300, 0, 1e6);
  const gamma = checkProb('trainCartPolePolicy', 'gamma', opts.gamma ?? 0.99);
  const evalEvery = checkInt('trainCartPolePolicy', 'evalEvery', opts.evalEvery ?? 5, 1, 1e6);
  const evalEpisodes = checkInt('trainCartPolePolicy', 'evalEpisodes', opts.evalEpisodes ?? 20, 1, 1e6);
  const target = checkPositive('trainCartPolePolicy', 'target', opts.target ?? 195);
  const rng = toRng(opts.seed ?? 0);
  const envSeed = () => Math.floor(rng.uniform() * 2 ** 31);
  const pg = new PolicyGradient(snn, { ...opts, seed: envSeed() });
  const meanReturns: number[] = [];
  let lastEval = NaN;
  let u = 0;
  try {
    while (u < maxUpdates) {
      const envs = Array.from({ length: E }, () => new CartPole(envSeed()));
      const obs = envs.map((e) => e.reset());
      const traj = envs.map(() => ({ s: [] as number[][], a: [] as number[], r: [] as number[] }));
      let live = envs.map((_, i) => i);
      while (live.length > 0) {
        const acts = await pg.act(Float32Array.from(live.flatMap((i) => obs[i])));
        live.forEach((i, j) => {
          const step = envs[i].step(acts[j]);
          traj[i].s.push(obs[i]);
          traj[i].a.push(acts[j]);
          traj[i].r.push(step.reward);
          obs[i] = step.state;
        });
        live = live.filter((i) => !envs[i].done);
      }
      const states: number[] = [];
      const actions: number[] = [];
      const returns: number[] = [];
      for (const t of traj) {
        const G = new Array<number>(t.r.length);
        let g = 0;
        for (let k = t.r.length - 1; k >= 0; k--) G[k] = g = t.r[k] + gamma * g;
        t.s.forEach((s) => states.push(...s));
        actions.push(...t.a);
        returns.push(...G);
      }
      const mean = returns.reduce((a, b) => a + b, 0) / returns.length;
      const sd = Math.sqrt(returns.reduce((a, b) => a + (b - mean) ** 2, 0) / returns.length) || 1;
      const loss = await pg.update(
        Float32Array.from(states),
        actions,
        returns.map((g) => (g - mean) / sd),
      );
      u++;
      meanReturns.push(traj.reduce((a, t) => a + t.r.length, 0) / E);
      let evalMean: number | undefined;
      if (u % evalEvery === 0) {
        evalMean = lastEval = await evaluateCartPolePolicy(await pg.network(), { episodes: evalEpisodes, T: pg.T, seed: envSeed() });
      }
      opts.onUpdate?.({ update: u, meanReturn: meanReturns[u - 1], loss, evalMean });
      if (evalMean !== undefined && evalMean >= target) break;
    }
    return { snn: await pg.network(), updates: u, episodes: u * E, meanReturns, lastEval };
  } finally {
    pg.dispose();
  }
}

/**
 * Mean return of a spiking policy on {@link CartPole} over `episodes` episodes (default
 * 100, run in parallel), acting greedily: the action with the larger readout after T
 * steps of the observation as constant input current (simulated event-driven, as
 * `compile(snn, target, { mode: 'event' })` does). CartPole-v0 counts as solved at a
 * mean ≥ 195.
 */
export async function evaluateCartPolePolicy(
  snn: SpikingNetwork,
  opts: { episodes?: number; T?: number; seed?: SeedOrRng; maxSteps?: number } = {},
): Promise<number> {
  checkPolicy('evaluateCartPolePolicy', snn);
  const n = checkInt('evaluateCartPolePolicy', 'episodes', opts.episodes ?? 100, 1, 1e6);
  const T = checkInt('evaluateCartPolePolicy', 'T', opts.T ?? 8, 1, 4096);
  const rng = toRng(opts.seed ?? 0);
  const envs = Array.from({ length: n }, () => new CartPole(Math.floor(rng.uniform() * 2 ** 31), opts.maxSteps ?? 200));
  const obs = envs.map((e) => e.reset());
  let total = 0;
  let live = envs.map((_, i) => i);
  const engine = new EventEngine(snn.network);
  while (live.length > 0) {
    const x = tf.tensor2d(Float32Array.from(live.flatMap((i) => obs[i])), [live.length, 4]);
    const z = await engine.run(x, T);
    x.dispose();
    live.forEach((i, j) => {
      const r = envs[i].step(z[2 * j + 1] > z[2 * j] ? 1 : 0);
      obs[i] = r.state;
      total += r.reward;
    });
    live = live.filter((i) => !envs[i].done);
  }
  return total / n;
}

function checkPolicy(fn: string, snn: SpikingNetwork): void {
  if (!(snn instanceof SpikingNetwork)) throw new ConvertError('snn', `${fn}: snn must be a SpikingNetwork`);
  if (snn.inputShape.join() !== '4' || snn.classes !== 2)
    throw new ConvertError('snn', `${fn}: a CartPole policy takes 4 inputs and gives 2 outputs, got [${snn.inputShape}] → ${snn.classes}`, {
      code: 'ERR_SHAPE',
    });
}
