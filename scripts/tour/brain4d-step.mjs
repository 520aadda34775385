// Tour step: the CUBA benchmark network (Brette et al. 2007, Brian2's form) from a JSON file,
// one second of biological time, its rates and real-time factor, and a spike raster.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Simulator } from '@neurite/brain4d';
import { rasterPlot } from '@neurite/plot';

export const title = 'brain4d: the CUBA spiking network, seeded and fast';

export async function run(ctx) {
  const net = JSON.parse(readFileSync(fileURLToPath(import.meta.resolve('@neurite/brain4d/examples/cuba.json')), 'utf8'));
  ctx.say(
    'examples/cuba.json: 3200 excitatory + 800 inhibitory LIF neurons on a lattice, 2% random synapses,',
    'exact integration (dt = 0.1 ms) as a WebAssembly SIMD loop, event-driven delivery over CSR.',
    'Reference rate: 5.3–5.6 Hz over 10 s.',
  );
  const sim = new Simulator(net);
  const r = sim.run(1000);
  const mean = (r.rates.exc * 3200 + r.rates.inh * 800) / 4000;
  ctx.figure(
    `${r.spikes} spikes in 1 s biological: mean ${mean.toFixed(2)} Hz (exc ${r.rates.exc.toFixed(2)}, inh ${r.rates.inh.toFixed(2)}), RTF ${r.rtf.toFixed(3)} (engine ${sim.engine})`,
  );
  const s = sim.spikes();
  // The first 500 neurons over the first 300 ms keep the raster readable.
  const keep = [];
  for (let k = 0; k < s.ids.length; k++) if (s.ids[k] < 500 && s.times[k] < 300) keep.push(k);
  await ctx.writePlot(
    'brain4d-cuba-raster.svg',
    await rasterPlot(
      { times: keep.map((k) => s.times[k]), neurons: keep.map((k) => s.ids[k]) },
      { title: 'CUBA: spikes of neurons 0–499, first 300 ms', xLabel: 'time (ms)', yLabel: 'neuron id', width: 640 },
    ),
  );
}
