import { linePlot, rasterPlot } from '@neurite/plot';
import { tf } from '@neurite/tensor';
import { checkInt } from './convert-error.js';
import { disposeParams, makeParams } from './params.js';
import { simulate } from './simulate.js';
import type { Sparsity } from './measure-sparsity.js';
import type { SpikingNetwork } from './spiking-network.js';

/** SVG: accuracy (%) against timesteps, one line per named curve (e.g. one per strategy). */
export async function accuracyPlot(curves: Record<string, number[]>, title = 'SNN accuracy vs timesteps'): Promise<string> {
  return linePlot(
    { series: Object.entries(curves).map(([name, acc]) => ({ name, x: acc.map((_, t) => t + 1), y: acc.map((a) => 100 * a) })) },
    { title, xLabel: 'timesteps T', yLabel: 'accuracy (%)', points: true },
  );
}

/** SVG: spikes per neuron per step of each IF layer. */
export async function ratePlot(sp: Sparsity, title = 'Spike rate per layer'): Promise<string> {
  return linePlot(
    { series: [{ name: 'rate', x: sp.perLayer.map((_, i) => i + 1), y: sp.perLayer.map((l) => l.rate) }] },
    {
      title: `${title}: ${sp.perLayer.map((l, i) => `${i + 1} ${l.name}`).join(', ')}`,
      xLabel: 'IF layer',
      yLabel: 'spikes / neuron / step',
      points: true,
    },
  );
}

/**
 * SVG spike raster of one input (`x`: one sample, [1, ...shape] or
 * [1, frames, ...shape]): every IF neuron's spikes over T steps, layers
 * stacked (neuron index runs on across layers), at most `maxNeurons` per layer.
 */
export async function rasterOf(snn: SpikingNetwork, x: tf.Tensor, T: number, maxNeurons = 200): Promise<string> {
  checkInt('rasterOf', 'T', T, 1);
  const params = makeParams(snn.network);
  const per: tf.Tensor[][] = [];
  tf.tidy(() => {
    simulate(
      snn.network,
      params,
      x,
      {
        T,
        onSpikes: (t, sp) => {
          per[t] = [...sp.values()].map((s) => tf.keep(tf.slice(tf.reshape(s, [-1]), 0, Math.min(maxNeurons, s.size))));
        },
      },
      x.rank === snn.inputShape.length + 2 ? x.shape[1] : undefined,
    );
  });
  disposeParams(params);
  const times: number[] = [];
  const neurons: number[] = [];
  for (let t = 0; t < T; t++) {
    let base = 0;
    for (const s of per[t]) {
      const d = await s.data();
      for (let k = 0; k < d.length; k++)
        if (d[k] > 0) {
          times.push(t);
          neurons.push(base + k);
        }
      base += d.length;
      s.dispose();
    }
  }
  return rasterPlot({ times, neurons }, { title: 'Spike raster of one input (IF layers stacked)', xLabel: 'step', yLabel: 'neuron' });
}
