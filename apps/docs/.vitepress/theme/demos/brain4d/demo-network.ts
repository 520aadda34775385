// The brain4d demo's network (guide/brain4d.md): a small 4D lattice in @neurite/brain4d's JSON
// description. Pure data: no import of the package here, so the page can show it before loading it.

/** Lattice shape [X, Y, Z, W]: excitatory neurons on w = 0…3, inhibitory on w = 4. */
export const DEMO_LATTICE = [16, 16, 2, 5] as const;

/**
 * The network: exact LIF neurons (CUBA's parameters: E_L above threshold, so they fire on their
 * own and recurrent inhibition sets the rate), Gaussian distance-dependent synapses over the four
 * axes (w scale 1 lattice step for exc → exc: a separate "modality" axis), and a touch sense on
 * the slice w = 0, z = 0: a disc of 20 mV of drive switched on between `touchOn` and `touchOff` ms.
 */
export function demoNetwork(seed: number, touchOn = 100, touchOff = 200): Record<string, unknown> {
  const [X, Y, Z, W] = DEMO_LATTICE;
  const params = { tau_m: 20, E_L: -49, v_reset: -60, v_th: -50, t_ref: 5, tau_syn_ex: 5, tau_syn_in: 10 };
  const init = { v: { dist: 'uniform', low: -60, high: -50 } };
  const gauss = (p0: number, sw: number) => ({ type: 'distance', kernel: 'gaussian', p0, scale: [1.5, 1.5, 1.5, sw] });
  const disc = Array.from({ length: Y }, (_, y) => Array.from({ length: X }, (_, x) => ((x - 5.5) ** 2 + (y - 9.5) ** 2 <= 12 ? 20 : 0)));
  return {
    name: 'brain4d demo: a 4D lattice with a touch sense',
    dt: 0.1,
    seed,
    lattice: [X, Y, Z, W],
    populations: {
      exc: { size: [X, Y, Z, W - 1], model: 'lif', params, init },
      inh: { origin: [0, 0, 0, W - 1], size: [X, Y, Z, 1], model: 'lif', params, init },
    },
    senses: { touch: { w: 0, z: 0 } },
    projections: [
      { source: 'exc', target: 'exc', rule: gauss(0.3, 1), weight: 1.2, receptor: 'exc' },
      { source: 'exc', target: 'inh', rule: gauss(0.4, 2), weight: 1.2, receptor: 'exc' },
      { source: 'inh', target: 'exc', rule: gauss(0.6, 2), weight: -6, receptor: 'inh', delay: 2 },
      { source: 'inh', target: 'inh', rule: gauss(0.6, 1), weight: -6, receptor: 'inh', delay: 2 },
    ],
    inputs: [{ type: 'sense', sense: 'touch', values: disc, start: touchOn, stop: touchOff }],
    monitors: { spikes: true },
  };
}
