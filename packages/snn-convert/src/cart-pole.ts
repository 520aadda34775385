import { toRng } from '@neurite/tensor';
import type { Rng, SeedOrRng } from '@neurite/tensor';
import { ConvertError } from './convert-error.js';

/**
 * The classic cart-pole (Barto, Sutton & Anderson 1983; the constants and
 * limits of OpenAI Gym's CartPole-v0): g = 9.8 m/s², cart 1.0 kg, pole 0.1 kg,
 * half-length 0.5 m, force ±10 N, explicit Euler with τ = 0.02 s:
 *
 *   θ̈ = (g sin θ − cos θ · t) / (l (4/3 − m_p cos²θ / (m_c + m_p))),
 *   t = (F + m_p l θ̇² sin θ) / (m_c + m_p),   ẍ = t − m_p l θ̈ cos θ / (m_c + m_p)
 *
 * then x += τ ẋ, ẋ += τ ẍ, θ += τ θ̇, θ̇ += τ θ̈. An episode ends when |x| > 2.4 m,
 * |θ| > 12° or after `maxSteps` (200: "solved" is a mean return ≥ 195 over 100
 * episodes). Reward 1 per step. The start state is uniform in ±0.05 (seeded).
 */
export class CartPole {
  /** [x, ẋ, θ, θ̇]. */
  state: [number, number, number, number] = [0, 0, 0, 0];
  /** Steps taken in the current episode. */
  steps = 0;
  /** Whether the episode is over (true before the first `reset`). */
  done = true;
  /** Steps after which an episode ends (200: CartPole-v0). */
  readonly maxSteps: number;
  private readonly rng: Rng;
  constructor(seed: SeedOrRng = 0, maxSteps = 200) {
    this.rng = toRng(seed);
    this.maxSteps = maxSteps;
  }
  /** Start an episode: every state variable uniform in ±0.05 (seeded); returns the state [x, ẋ, θ, θ̇]. */
  reset(): number[] {
    this.state = [0, 0, 0, 0].map(() => -0.05 + 0.1 * this.rng.uniform()) as [number, number, number, number];
    this.steps = 0;
    this.done = false;
    return [...this.state];
  }
  /** Apply action 0 (push left) or 1 (push right); returns the new state, reward and done. */
  step(action: number): { state: number[]; reward: number; done: boolean } {
    if (this.done) throw new ConvertError('action', 'CartPole.step: the episode is over; call reset()', { code: 'ERR_STATE' });
    if (action !== 0 && action !== 1) throw new ConvertError('action', `CartPole.step: action must be 0 or 1, got ${action}`);
    const [x, xd, th, thd] = this.state;
    const g = 9.8;
    const mc = 1.0;
    const mp = 0.1;
    const l = 0.5;
    const tau = 0.02;
    const F = action === 1 ? 10 : -10;
    const cos = Math.cos(th);
    const sin = Math.sin(th);
    const tmp = (F + mp * l * thd * thd * sin) / (mc + mp);
    const thacc = (g * sin - cos * tmp) / (l * (4 / 3 - (mp * cos * cos) / (mc + mp)));
    const xacc = tmp - (mp * l * thacc * cos) / (mc + mp);
    this.state = [x + tau * xd, xd + tau * xacc, th + tau * thd, thd + tau * thacc];
    this.steps++;
    const [nx, , nth] = this.state;
    this.done = Math.abs(nx) > 2.4 || Math.abs(nth) > (12 * Math.PI) / 180 || this.steps >= this.maxSteps;
    return { state: [...this.state], reward: 1, done: this.done };
  }
}
