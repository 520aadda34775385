/** CUBA networks small enough for SwiftShader (shared by the webgpu tests). Not a test file itself. */
import { example } from '../helpers.js';

/**
 * CUBA (examples/cuba.json) with `n` neurons (4:1 exc:inh) and the in-degree of the 4000-neuron
 * network kept at 80 (p = 80/n); optionally per-synapse delays (uniform 1–6 steps) and a current step.
 */
export function cubaSmall(n = 1000, variant: { delays?: boolean; current?: boolean } = {}): Record<string, any> {
  const net = example('cuba.json');
  const ne = Math.round(0.8 * n);
  net.lattice = [n, 1, 1, 1];
  net.populations.exc.size = [ne, 1, 1, 1];
  net.populations.inh.size = [n - ne, 1, 1, 1];
  net.populations.inh.origin = [ne, 0, 0, 0];
  for (const p of net.projections) {
    p.rule.p = 80 / n;
    if (variant.delays) p.delay = { dist: 'uniform', low: 1, high: 6 };
  }
  if (variant.current) net.inputs = [{ type: 'current', target: 'exc', amplitude: 0.8, start: 30, stop: 70 }];
  net.monitors = { spikes: true };
  return net;
}
