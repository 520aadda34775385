/** Bad network descriptions get a Brain4dError naming the key path. */
import { describe, expect, it } from 'vitest';
import { Brain4dError, validateNetwork } from '../src/index.js';
import { example } from './helpers.js';

function errorOf(net: unknown, options = {}): Brain4dError {
  try {
    validateNetwork(net, options);
  } catch (e) {
    expect(e).toBeInstanceOf(Brain4dError);
    return e as Brain4dError;
  }
  throw new Error('no error thrown');
}

const base = () => example('cuba.json');

describe('validateNetwork', () => {
  it('accepts every shipped example and fills defaults', () => {
    for (const f of ['cuba.json', 'izhikevich-2003.json', 'stdp-song.json', 'microcircuit.json', 'lattice-4d.json']) {
      const spec = validateNetwork(example(f));
      expect(spec.dt).toBeGreaterThan(0);
      expect(spec.projections!.every((p) => p.receptor !== undefined && p.delay !== undefined)).toBe(true);
    }
  });

  const cases: Array<[string, (n: Record<string, any>) => void, string, string]> = [
    ['an unknown model', (n) => (n.populations.exc.model = 'hh'), 'populations.exc.model', 'ERR_INVALID_ARGUMENT'],
    ['a negative time constant', (n) => (n.populations.inh.params.tau_m = -20), 'populations.inh.params.tau_m', 'ERR_OUT_OF_RANGE'],
    ['an unknown parameter', (n) => (n.populations.exc.params.tau = 3), 'populations.exc.params.tau', 'ERR_INVALID_ARGUMENT'],
    ['a delay below one step', (n) => (n.projections[1].delay = 0), 'projections[1].delay', 'ERR_OUT_OF_RANGE'],
    ['a fractional delay', (n) => (n.projections[1].delay = 1.5), 'projections[1].delay', 'ERR_OUT_OF_RANGE'],
    ['a box outside the lattice', (n) => (n.populations.inh.origin = [3300, 0, 0, 0]), 'populations.inh.size', 'ERR_OUT_OF_RANGE'],
    ['overlapping boxes', (n) => (n.populations.inh.origin = [3000, 0, 0, 0]), 'populations.inh.origin', 'ERR_OUT_OF_RANGE'],
    ['a probability above 1', (n) => (n.projections[2].rule.p = 1.2), 'projections[2].rule.p', 'ERR_OUT_OF_RANGE'],
    ['an unknown population', (n) => (n.projections[0].target = 'thalamus'), 'projections[0].target', 'ERR_INVALID_ARGUMENT'],
    ['an unknown receptor', (n) => (n.projections[0].receptor = 'nmda'), 'projections[0].receptor', 'ERR_INVALID_ARGUMENT'],
    ['a lattice of 3 axes', (n) => (n.lattice = [4000, 1, 1]), 'lattice', 'ERR_SHAPE'],
    ['a non-finite dt', (n) => (n.dt = Infinity), 'dt', 'ERR_NOT_FINITE'],
    ['an unknown top-level key', (n) => (n.neurons = 5), 'network.neurons', 'ERR_INVALID_ARGUMENT'],
    ['a per-neuron array of the wrong length', (n) => (n.populations.exc.init.v = [1, 2, 3]), 'populations.exc.init.v', 'ERR_SHAPE'],
    [
      'per-neuron values for a homogeneous LIF parameter',
      (n) => (n.populations.exc.params.tau_m = { dist: 'uniform', low: 1, high: 2 }),
      'populations.exc.params.tau_m',
      'ERR_UNSUPPORTED',
    ],
  ];
  for (const [what, edit, path, code] of cases) {
    it(`names the key path of ${what}`, () => {
      const n = base();
      edit(n);
      const e = errorOf(n);
      expect(e.argument).toBe(path);
      expect(e.code).toBe(code);
      expect(e.message).toContain(path);
    });
  }

  it('refuses sizes that would not fit in memory (ERR_MEMORY) before building anything', () => {
    const n = base();
    n.lattice = [1_000_000, 1000, 1, 1];
    n.populations.exc.size = [1_000_000, 1000, 1, 1];
    delete n.populations.inh;
    n.projections = [{ source: 'exc', target: 'exc', rule: { type: 'fixed_probability', p: 0.1 }, weight: 1 }];
    const e = errorOf(n);
    expect(e.code).toBe('ERR_MEMORY');
    expect(e.argument).toBe('projections[0].rule');
  });
});
