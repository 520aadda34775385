import { tf, toRng } from '@neurite/tensor';
import type { Rng, SeedOrRng } from '@neurite/tensor';
import { ConvertError, checkInt, checkPositive } from './convert-error.js';
import type { Surrogate } from './lif-step.js';
import { cloneNetwork, size } from './network.js';
import type { Network } from './network.js';
import { disposeParams, makeParams, variablesOf, writeBack } from './params.js';
import type { NodeParams } from './params.js';
import { simulate } from './simulate.js';
import { SpikingNetwork } from './spiking-network.js';

/** Options of {@link PolicyGradient}. */
export interface PolicyGradientOptions {
  /** Timesteps each observation is presented for (default 8). */
  T?: number;
  /** Adam learning rate (default 1e-2). */
  lr?: number;
  /** Surrogate spike derivative for BPTT (default 'atan'). */
  surrogate?: Surrogate;
  /** Cut the reset term from the gradient (default true). */
  detachReset?: boolean;
  /** Seed of the action sampling. */
  seed?: SeedOrRng;
}

/**
 * REINFORCE (Williams 1992) for a spiking policy, trained by surrogate-gradient BPTT.
 * An observation is presented as a constant input current for T steps (membranes start
 * afresh for every observation); the policy is π(a | s) = softmax(z)_a with z the
 * network's readout (mean output current over T). {@link update} takes one Adam step on
 *
 *   loss = −(1/n) Σ_i A_i · log π(a_i | s_i)
 *
 * with advantages A_i supplied by the caller (e.g. normalised discounted returns), the
 * gradient flowing back through the T steps with the surrogate derivative of every spike.
 * Holds tensors: call {@link dispose}.
 *
 * @example
 * ```ts
 * import { PolicyGradient, spikingMlp } from '@neurite/snn-convert';
 * const pg = new PolicyGradient(spikingMlp([4, 32, 2], { seed: 0 }), { T: 8, seed: 1 });
 * const states = new Float32Array([0.01, 0, -0.02, 0.1]);
 * const actions = await pg.act(states);                      // sampled from π
 * await pg.update(states, actions, new Float32Array([1]));   // one REINFORCE step
 * const trained = await pg.network();
 * pg.dispose();
 * ```
 */
export class PolicyGradient {
  /** Timesteps each observation is presented for. */
  readonly T: number;
  private readonly net: Network;
  private readonly params: NodeParams[];
  private readonly optimizer: tf.Optimizer;
  private readonly rng: Rng;
  private readonly surrogate: Surrogate;
  private readonly detachReset: boolean;
  private disposed = false;
  constructor(snn: SpikingNetwork, opts: PolicyGradientOptions = {}) {
    if (!(snn instanceof SpikingNetwork)) throw new ConvertError('snn', 'PolicyGradient: snn must be a SpikingNetwork');
    this.T = checkInt('PolicyGradient', 'T', opts.T ?? 8, 1, 4096);
    const lr = checkPositive('PolicyGradient', 'lr', opts.lr ?? 1e-2);
    this.surrogate = opts.surrogate ?? 'atan';
    if (this.surrogate !== 'atan' && this.surrogate !== 'triangle')
      throw new ConvertError('surrogate', `PolicyGradient: surrogate must be 'atan' or 'triangle', got '${String(this.surrogate)}'`);
    this.detachReset = opts.detachReset ?? true;
    this.net = cloneNetwork(snn.network);
    this.params = makeParams(this.net, true);
    this.optimizer = tf.train.adam(lr);
    this.rng = toRng(opts.seed ?? 0);
  }
  /** Number of observation values per state. */
  get inputs(): number {
    return size(this.net.nodes[0].shape);
  }
  /** Number of actions (outputs). */
  get actions(): number {
    return this.net.nodes[this.net.output].shape[0];
  }
  private batch(states: Float32Array): tf.Tensor {
    this.check();
    const d = this.inputs;
    if (!(states instanceof Float32Array) || states.length === 0 || states.length % d !== 0)
      throw new ConvertError(
        'states',
        `PolicyGradient: states must be a non-empty Float32Array of n × ${d} values, got ${states?.length}`,
        {
          code: 'ERR_SHAPE',
        },
      );
    return tf.tensor(states, [states.length / d, ...this.net.nodes[0].shape], 'float32');
  }
  private check(): void {
    if (this.disposed) throw new ConvertError('PolicyGradient', 'PolicyGradient: used after dispose()', { code: 'ERR_STATE' });
  }
  /** π(· | s) for each of the n states (row-major [n, actions]). */
  async probabilities(states: Float32Array): Promise<Float32Array> {
    const x = this.batch(states);
    const p = tf.tidy(() => tf.softmax(simulate(this.net, this.params, x, { T: this.T })));
    x.dispose();
    const d = (await p.data()) as Float32Array;
    p.dispose();
    return d;
  }
  /** One action per state: sampled from π (seeded), or its argmax when `greedy`. */
  async act(states: Float32Array, opts: { greedy?: boolean } = {}): Promise<Int32Array> {
    const p = await this.probabilities(states);
    const k = this.actions;
    const out = new Int32Array(p.length / k);
    for (let i = 0; i < out.length; i++) {
      let a = 0;
      if (opts.greedy) {
        for (let j = 1; j < k; j++) if (p[i * k + j] > p[i * k + a]) a = j;
      } else {
        let u = this.rng.uniform();
        a = k - 1;
        for (let j = 0; j < k; j++) {
          u -= p[i * k + j];
          if (u < 0) {
            a = j;
            break;
          }
        }
      }
      out[i] = a;
    }
    return out;
  }
  /** One Adam step on −mean(A · log π(a | s)); returns that loss before the step. */
  async update(states: Float32Array, actions: ArrayLike<number>, advantages: ArrayLike<number>): Promise<number> {
    const x = this.batch(states);
    const n = x.shape[0];
    const k = this.actions;
    if (actions.length !== n || advantages.length !== n) {
      x.dispose();
      throw new ConvertError(
        'actions',
        `PolicyGradient.update: ${n} states need ${n} actions and advantages, got ${actions.length} and ${advantages.length}`,
        {
          code: 'ERR_SHAPE',
        },
      );
    }
    for (let i = 0; i < n; i++)
      if (!Number.isInteger(actions[i]) || actions[i] < 0 || actions[i] >= k || !Number.isFinite(advantages[i])) {
        x.dispose();
        throw new ConvertError(
          'actions',
          `PolicyGradient.update: actions[${i}] = ${actions[i]} must be an action in [0, ${k}) with a finite advantage`,
          {
            code: 'ERR_OUT_OF_RANGE',
          },
        );
      }
    const a = tf.tensor1d(Int32Array.from(actions), 'int32');
    const adv = tf.tensor1d(Float32Array.from(advantages));
    const cost = this.optimizer.minimize(
      () =>
        tf.tidy(() => {
          const z = simulate(this.net, this.params, x, { T: this.T, surrogate: this.surrogate, detachReset: this.detachReset });
          const logp = tf.sum(tf.mul(tf.logSoftmax(z), tf.oneHot(a, k)), 1);
          return tf.neg(tf.mean(tf.mul(logp, adv))) as tf.Scalar;
        }),
      true,
      variablesOf(this.params),
    );
    tf.dispose([x, a, adv]);
    const loss = (await cost!.data())[0];
    cost!.dispose();
    return loss;
  }
  /** The policy as trained so far (a copy). */
  async network(): Promise<SpikingNetwork> {
    this.check();
    const out = cloneNetwork(this.net);
    await writeBack(out, this.params);
    return new SpikingNetwork(out);
  }
  /** Free the tensors (parameters and optimizer state). */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    disposeParams(this.params);
    this.optimizer.dispose();
  }
}
