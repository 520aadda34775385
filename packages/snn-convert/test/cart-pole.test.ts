import { describe, expect, it } from 'vitest';
import { CartPole, ConvertError } from '../src/index.js';

describe('CartPole', () => {
  it('one step from rest follows the closed form of the equations at θ = 0', () => {
    const env = new CartPole(0);
    env.reset();
    env.state = [0, 0, 0, 0];
    const { state } = env.step(1);
    // at θ = θ̇ = 0: t = F/(m_c + m_p), θ̈ = −t / (l (4/3 − m_p/(m_c + m_p))), ẍ = t − m_p l θ̈ / (m_c + m_p)
    const t = 10 / 1.1;
    const thacc = -t / (0.5 * (4 / 3 - 0.1 / 1.1));
    const xacc = t - (0.1 * 0.5 * thacc) / 1.1;
    expect(state[0]).toBe(0);
    expect(state[1]).toBeCloseTo(0.02 * xacc, 14);
    expect(state[2]).toBe(0);
    expect(state[3]).toBeCloseTo(0.02 * thacc, 14);
  });

  it('ends at 12°, at |x| > 2.4 and after maxSteps; seeded starts are reproducible', () => {
    const env = new CartPole(1, 50);
    env.reset();
    env.state = [0, 0, (11.99 * Math.PI) / 180, 1];
    expect(env.step(1).done).toBe(true);
    env.reset();
    env.state = [2.39, 1, 0, 0];
    expect(env.step(1).done).toBe(true);
    expect(() => env.step(0)).toThrow(ConvertError);
    env.reset();
    let n = 0;
    let done = false;
    // alternate pushes keep the pole up for 50 steps from a small start state
    while (!done) done = env.step(n++ % 2).done;
    expect(n).toBe(50);
    const a = new CartPole(7).reset();
    const b = new CartPole(7).reset();
    expect(a).toEqual(b);
    for (const v of a) expect(Math.abs(v)).toBeLessThanOrEqual(0.05);
  });
});
