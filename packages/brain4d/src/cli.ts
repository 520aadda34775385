/**
 * neurite-brain4d: run, validate and export spiking networks described in JSON.
 * Built on @neurite/cli: --help everywhere, --json (one document), exit 0 ok / 1 failed /
 * 2 usage error, one line on stderr naming what is wrong.
 */

import path from 'node:path';
import { createProgram, isJsonMode, packageVersion, printJson, progress, runProgram, table, UsageError } from '@neurite/cli';
import { writeFileAtomic } from '@neurite/tensor/node';
import { createMonitorFiles, loadCheckpoint, readNetwork, readSpikeFile, runPartitioned, saveCheckpoint, writeSonata } from './node.js';
import { Simulator } from './simulator.js';
import { toNir } from './to-nir.js';

/** "10s", "250ms", "1.5 s" or a plain number of ms. */
export function parseDuration(text: string): number {
  const m = /^\s*(\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?\s*(ms|s)?\s*$/.exec(text);
  const x = m ? Number(text.replace(/\s*(ms|s)\s*$/, '')) : NaN;
  if (!m || !Number.isFinite(x) || x <= 0) throw new UsageError(`--duration must be a time like 10s or 500ms, got '${text}'`);
  return m[2] === 's' ? x * 1000 : x;
}

const program = createProgram({
  name: 'neurite-brain4d',
  version: packageVersion(new URL('../package.json', import.meta.url)),
  description: 'Spiking networks on a 4D lattice: run, validate, export (SONATA).',
});

program
  .command('validate')
  .description('check a network JSON file; prints its populations, neuron and synapse counts')
  .argument('<network>', 'network JSON file')
  .option('--build', 'also build the synapses (counts them exactly)')
  .action(async (file: string, opts: { build?: boolean }) => {
    const spec = await readNetwork(file);
    const pops = Object.entries(spec.populations).map(([name, p]) => ({
      name,
      model: p.model,
      neurons: p.size[0] * p.size[1] * p.size[2] * p.size[3],
    }));
    const doc: Record<string, unknown> = { valid: true, populations: pops, projections: spec.projections!.length };
    if (opts.build) doc.synapses = new Simulator(spec).synapseCount();
    if (isJsonMode()) printJson(doc);
    else {
      process.stdout.write(`${file}: valid\n` + table(pops, ['name', 'model', { key: 'neurons', align: 'right' }]) + '\n');
      if (doc.synapses !== undefined) process.stdout.write(`synapses: ${String(doc.synapses)}\n`);
    }
  });

program
  .command('run')
  .description('simulate a network; prints rates, real-time factor and spike count')
  .argument('<network>', 'network JSON file')
  .option('--duration <time>', 'biological time (10s, 500ms); default: the network duration', parseDuration)
  .option('--seed <n>', 'override the network seed', (v) => {
    const x = Number(v);
    if (!Number.isInteger(x) || x < 0) throw new UsageError(`--seed must be an integer >= 0, got '${v}'`);
    return x;
  })
  .option(
    '--workers <n>',
    'worker threads (partitions exchanging spikes once every minimum delay, up to 16 steps; same spikes as 1)',
    (v) => {
      const x = Number(v);
      if (!Number.isInteger(x) || x < 1 || x > 64) throw new UsageError(`--workers must be an integer in [1, 64], got '${v}'`);
      return x;
    },
  )
  .option(
    '--backend <name>',
    'wasm (WebAssembly SIMD, the default) or cpu (JavaScript loops), the same float64 spikes; fixed (fixed-point LIF in JavaScript) or webgpu (the same fixed-point integers as WGSL compute shaders, bit for bit the spikes of fixed)',
    (v) => {
      if (v !== 'cpu' && v !== 'wasm' && v !== 'fixed' && v !== 'webgpu')
        throw new UsageError(`--backend: cpu, wasm, fixed or webgpu, got '${v}'`);
      return v;
    },
  )
  .option('--checkpoint <file>', 'write a checkpoint at the end of the run')
  .option('--resume <file>', 'start from a checkpoint written by --checkpoint')
  .option(
    '--stream <dir>',
    'stream the recorded spikes and state samples into this directory (spikes.bin, state-<i>.bin, monitors.json) instead of memory',
  )
  .option('--raster <svg>', 'write a spike raster (SVG) of the recorded spikes')
  .option('--rates-plot <svg>', 'write the binned population rates (SVG; needs monitors.rates)')
  .option('--weights-plot <svg>', 'write a histogram of the plastic weights (SVG)')
  .action(
    async (
      file: string,
      opts: {
        duration?: number;
        seed?: number;
        workers?: number;
        checkpoint?: string;
        resume?: string;
        backend?: 'cpu' | 'wasm' | 'fixed' | 'webgpu';
        stream?: string;
        raster?: string;
        ratesPlot?: string;
        weightsPlot?: string;
      },
    ) => {
      const spec = await readNetwork(file);
      if (opts.seed !== undefined) spec.seed = opts.seed;
      if (opts.workers !== undefined && opts.workers > 1) {
        if (opts.checkpoint || opts.resume || opts.stream || opts.raster || opts.ratesPlot || opts.weightsPlot)
          throw new UsageError('--workers > 1 runs without --checkpoint, --resume, --stream and plots in this version');
        const r = await runPartitioned(spec, opts.duration ?? spec.duration!, opts.workers);
        if (isJsonMode()) printJson({ rates: r.rates, rtf: r.rtf, spikes: r.spikes, wall_s: r.wall, workers: opts.workers });
        else {
          const rows = Object.entries(r.rates).map(([population, hz]) => ({ population, 'rate (Hz)': hz.toFixed(3) }));
          process.stdout.write(table(rows, ['population', { key: 'rate (Hz)', align: 'right' }]) + '\n');
          process.stdout.write(`${r.spikes} spikes, ${r.wall.toFixed(2)} s wall on ${opts.workers} workers, RTF ${r.rtf.toFixed(3)}\n`);
        }
        return;
      }
      if ((opts.backend === 'fixed' || opts.backend === 'webgpu') && (opts.checkpoint || opts.resume))
        throw new UsageError(`--checkpoint and --resume hold the float64 engines' state: use --backend cpu or wasm`);
      const sink = opts.stream ? createMonitorFiles(opts.stream, spec) : undefined;
      const sim = new Simulator(spec, { sink, engine: opts.backend === 'cpu' ? 'js' : opts.backend });
      if (opts.resume) await loadCheckpoint(sim, opts.resume);
      const duration = opts.duration ?? spec.duration!;
      const bar = progress(Math.round(duration / sim.dt), 'run');
      const t0 = performance.now();
      const r = await sim.runAsync(duration, (done, _total, spikes) => {
        const bio = (done * sim.dt) / 1000;
        const wall = (performance.now() - t0) / 1000;
        bar.update(
          done,
          `${bio.toFixed(1)} s bio  RTF ${(wall / Math.max(bio, 1e-9)).toFixed(3)}  ${(spikes / sim.N / Math.max(bio, 1e-9)).toFixed(2)} Hz`,
        );
      });
      bar.stop();
      const streamed = sink ? await sink.close() : [];
      if (opts.checkpoint) await saveCheckpoint(sim, opts.checkpoint);
      const plots: string[] = [];
      if (opts.raster || opts.ratesPlot || opts.weightsPlot) {
        const plot = await import('@neurite/plot');
        if (opts.raster) {
          const s = opts.stream
            ? await readSpikeFile(path.join(opts.stream, 'spikes.bin')).then((r) => ({
                ...r,
                times: Float64Array.from(r.steps, (x) => x * sim.dt),
              }))
            : sim.spikes();
          await writeFileAtomic(
            opts.raster,
            await plot.rasterPlot(
              { times: s.times, neurons: s.ids },
              { title: `${spec.name ?? file}: spikes`, xLabel: 'time (ms)', yLabel: 'neuron id' },
            ),
          );
          plots.push(opts.raster);
        }
        if (opts.ratesPlot) {
          const h = sim.rateHistory();
          const series = Object.entries(h.rates).map(([name, y]) => ({ name, x: Array.from(y, (_, k) => k * h.bin), y: Array.from(y) }));
          await writeFileAtomic(
            opts.ratesPlot,
            await plot.linePlot({ series }, { title: 'population rates', xLabel: 'time (ms)', yLabel: 'rate (Hz)' }),
          );
          plots.push(opts.ratesPlot);
        }
        if (opts.weightsPlot) {
          const pr = sim.projections.find((p) => p.stdp);
          if (!pr) throw new UsageError('--weights-plot: the network has no plastic projection');
          await writeFileAtomic(
            opts.weightsPlot,
            await plot.histogram(Array.from(pr.w), { bins: 50, title: 'plastic weights', xLabel: 'weight', yLabel: 'synapses' }),
          );
          plots.push(opts.weightsPlot);
        }
      }
      const rates = sim.rates();
      // Plastic projections: weight distribution as fractions of w_max.
      const plastic = sim.projections
        .map((pr, index) => ({ pr, index }))
        .filter(({ pr }) => pr.stdp)
        .map(({ pr, index }) => {
          const wmax = pr.stdp!.spec.w_max;
          const x = Array.from(pr.w, (w) => w / wmax);
          return {
            projection: index,
            mean_over_w_max: x.reduce((a, b) => a + b, 0) / x.length,
            below_0_1: x.filter((v) => v < 0.1).length / x.length,
            above_0_9: x.filter((v) => v > 0.9).length / x.length,
          };
        });
      if (isJsonMode())
        printJson({
          rates,
          rtf: r.rtf,
          spikes: r.spikes,
          plastic,
          steps: r.steps,
          duration_ms: r.duration,
          wall_s: r.wall,
          synapses: sim.synapseCount(),
          plots,
          streamed,
          backend: sim.engine === 'js' ? 'cpu' : sim.engine,
        });
      else {
        const rows = Object.entries(rates).map(([population, hz]) => ({ population, 'rate (Hz)': hz.toFixed(3) }));
        process.stdout.write(table(rows, ['population', { key: 'rate (Hz)', align: 'right' }]) + '\n');
        process.stdout.write(
          `${r.spikes} spikes in ${(r.duration / 1000).toFixed(3)} s biological, ${r.wall.toFixed(2)} s wall, RTF ${r.rtf.toFixed(3)}\n`,
        );
        for (const p of plastic)
          process.stdout.write(
            `projection ${p.projection}: w/w_max mean ${p.mean_over_w_max.toFixed(3)}, ${(100 * p.below_0_1).toFixed(1)}% below 0.1, ${(100 * p.above_0_9).toFixed(1)}% above 0.9\n`,
          );
        for (const p of [...plots, ...streamed]) process.stdout.write(`wrote ${p}\n`);
      }
    },
  );

program
  .command('export')
  .description('export the built network: SONATA directory (nodes/edges HDF5 + JSON config)')
  .argument('<network>', 'network JSON file')
  .option('--sonata <dir>', 'write a SONATA circuit into this directory')
  .option('--nir <file>', 'write a .nir file (LIF networks NIR can hold: CubaLIF or LIF + LI synapses, Affine, Delay)')
  .option('--drop-refractory', 'with --nir: write LIF populations without their refractory period (listed in the metadata)')
  .action(async (file: string, opts: { sonata?: string; nir?: string; dropRefractory?: boolean }) => {
    if (!opts.sonata && !opts.nir) throw new UsageError('export needs --sonata <dir> or --nir <file>');
    const sim = new Simulator(await readNetwork(file));
    if (opts.nir) {
      const { writeNir } = await import('@neurite/nir/node');
      await writeNir(opts.nir, toNir(sim, { refractory: opts.dropRefractory ? 'drop' : 'refuse' }));
      if (!opts.sonata) {
        if (isJsonMode()) printJson({ nir: path.resolve(opts.nir), synapses: sim.synapseCount() });
        else process.stdout.write(`wrote ${opts.nir} (${sim.N} neurons, ${sim.synapseCount()} synapses)\n`);
        return;
      }
    }
    const dir = opts.sonata!;
    const written = await writeSonata(sim, dir);
    if (isJsonMode()) printJson({ sonata: path.resolve(dir), files: written, synapses: sim.synapseCount() });
    else process.stdout.write(`wrote ${written.length} files to ${dir} (${sim.N} neurons, ${sim.synapseCount()} synapses)\n`);
  });

await runProgram(program);
