import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { Simulator } from '@neurite/brain4d';
import { timeCall } from '../measure.js';
import { pythonExecutable, referenceScript } from '../python.js';
import type { BenchResult, Suite } from '../suite.js';
import { brain4dGpuCases } from './brain4d-gpu-cases.js';

/** An example network shipped by @neurite/brain4d, parsed. */
function example(name: string): Record<string, any> {
  return JSON.parse(readFileSync(fileURLToPath(import.meta.resolve(`@neurite/brain4d/examples/${name}`)), 'utf8')) as Record<string, any>;
}

/** A 4D lattice network of X·Y·Z·W LIF neurons (the last w-slice inhibitory), Gaussian distance kernels of ≈ k synapses per neuron. */
function lattice(shape: [number, number, number, number], k: number): Record<string, any> {
  const [X, Y, Z, W] = shape;
  const params = { tau_m: 20, E_L: -49, v_reset: -60, v_th: -50, t_ref: 5, tau_syn_ex: 5, tau_syn_in: 10 };
  const init = { v: { dist: 'uniform', low: -60, high: -50 } };
  // Σ_d p0·exp(−d²/2) over an unbounded lattice ≈ p0·(2π)²·Π s with s = (2, 2, 2, 1): p0 = k / (4π²·8) per projection pair.
  const p0 = Math.min(1, k / (4 * Math.PI ** 2 * 8));
  const rule = { type: 'distance', kernel: 'gaussian', p0, scale: [2, 2, 2, 1] };
  return {
    dt: 0.1,
    seed: 1,
    lattice: shape,
    populations: {
      exc: { size: [X, Y, Z, W - 1], model: 'lif', params, init },
      inh: { origin: [0, 0, 0, W - 1], size: [X, Y, Z, 1], model: 'lif', params, init },
    },
    projections: [
      { source: 'exc', target: 'exc', rule, weight: 0.25, receptor: 'exc' },
      { source: 'exc', target: 'inh', rule, weight: 0.25, receptor: 'exc' },
      { source: 'inh', target: 'exc', rule, weight: -2, receptor: 'inh', delay: 2 },
      { source: 'inh', target: 'inh', rule, weight: -2, receptor: 'inh', delay: 2 },
    ],
  };
}

const mib = (b: number) => b / 2 ** 20;

/** The 1-minute load average and the core count (the figures of a shared machine depend on them). */
const loadAverage = () => `${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores`;

/** The CPU seconds of each worker thread's simulation, or 'not measured' (no /proc). */
const workerCpu = (p: { workerCpu: Array<number | null> }) =>
  p.workerCpu.every((c) => c !== null) ? p.workerCpu.map((c) => `${c!.toFixed(2)} s`).join(' + ') : 'not measured';

/** Whether a partitioned run recorded exactly the spikes of a single-thread simulator. */
function sameSpikes(par: { ids: Int32Array; steps: Int32Array }, sim: Simulator): boolean {
  const s = sim.spikes();
  return par.ids.length === s.ids.length && par.ids.every((x, i) => x === s.ids[i] && par.steps[i] === s.steps[i]);
}

/**
 * A Brian2 reference script's JSON (its last stdout line; Brian2 may print before it), run on the
 * bench's Python (Debian's /usr/bin/python3 carries python3-brian). Undefined when it does not run:
 * the reference is then absent, never invented.
 */
function brianReference<T>(script: string, args: string[]): T | undefined {
  const r = spawnSync(pythonExecutable(), [referenceScript(script), ...args], { encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.status !== 0) return undefined;
  const line = r.stdout.trim().split('\n').pop() ?? '';
  try {
    return JSON.parse(line) as T;
  } catch {
    return undefined;
  }
}

/** Builds and runs a network; times the build and the run (wall and CPU), and the memory after the build. */
async function simulate(net: Record<string, any>, ms: number) {
  const rss0 = process.memoryUsage().rss;
  let sim!: Simulator;
  const build = await timeCall(() => (sim = new Simulator(net)));
  const mem = process.memoryUsage();
  let r!: ReturnType<Simulator['run']>;
  const run = await timeCall(() => (r = sim.run(ms)));
  return {
    sim,
    r,
    buildS: build.wallUs / 1e6,
    runWallS: run.wallUs / 1e6,
    runCpuS: run.cpuUs / 1e6,
    rssMiB: mib(mem.rss),
    rssGrowMiB: mib(mem.rss - rss0),
  };
}

/**
 * CPU µs per step of the whole network on 1 thread and of each partition of a `workers`-way
 * split, all measured in this one thread (best of `reps` each; process CPU time, so a loaded
 * machine's waits for a core do not count): each partition runs alone, the other partitions'
 * spikes replayed from a recording of the whole run. What an idle machine's 2-worker step
 * costs is then the slowest partition plus one exchange; the sum over partitions against
 * 1 thread shows the work every partition repeats.
 */
function partitionCosts(net: Record<string, any>, ms: number, workers: number, reps = 3) {
  const N = new Simulator(net).N;
  const lists: Int32Array[] = [];
  new Simulator(net, {
    partition: {
      lo: 0,
      hi: N,
      record: false,
      exchange: (local, n, out) => {
        out.set(local.subarray(0, n));
        lists.push(local.slice(0, n));
        return n;
      },
    },
  }).run(ms);
  const steps = lists.length;
  const cpuUs = (make: () => Simulator) => {
    let best = Infinity;
    for (let k = 0; k < reps; k++) {
      const sim = make();
      const c0 = process.cpuUsage();
      sim.run(ms);
      const c = process.cpuUsage(c0);
      best = Math.min(best, (c.user + c.system) / steps);
    }
    return best;
  };
  const one = cpuUs(() => new Simulator(net));
  const parts = Array.from({ length: workers }, (_, i) =>
    cpuUs(() => {
      let t = 0;
      const exchange = (_l: Int32Array, _n: number, out: Int32Array) => {
        const x = lists[t++];
        out.set(x);
        return x.length;
      };
      return new Simulator(net, {
        partition: { lo: Math.round((i * N) / workers), hi: Math.round(((i + 1) * N) / workers), exchange, record: i === 0 },
      });
    }),
  );
  return { one, parts, steps };
}

/**
 * `net` for `ms` on 1 thread and on `workers` workers, each side best of `repeats` by wall time
 * (runs interleaved so that a loaded moment costs both sides alike).
 */
async function oneVsWorkers(net: Record<string, any>, ms: number, workers: number, repeats: number) {
  const { runPartitioned } = await import('@neurite/brain4d/node');
  let one!: Simulator;
  let oneRun!: ReturnType<Simulator['run']>;
  let par!: Awaited<ReturnType<typeof runPartitioned>>;
  for (let k = 0; k < repeats; k++) {
    const sim = new Simulator(net);
    const r = sim.run(ms);
    if (!oneRun || r.wall < oneRun.wall) [one, oneRun] = [sim, r];
    const p = await runPartitioned(net, ms, workers);
    if (!par || p.runWall < par.runWall) par = p;
  }
  return { one, oneRun, par };
}

/** The row of a 2-worker case: RTF against 1 thread, speed-up and goal, and the per-step costs that explain it. */
function workersResult(
  name: string,
  params: Record<string, unknown>,
  par: {
    rtf: number;
    wall: number;
    runWall: number;
    blocked: number[];
    engines: string[];
    workerCpu: Array<number | null>;
    ids: Int32Array;
    steps: Int32Array;
  },
  oneRun: { rtf: number; wall: number; steps: number },
  one: Simulator,
  repeats: number,
  costs: ReturnType<typeof partitionCosts>,
  xc: { usPerExchange: number },
): BenchResult {
  const ratio = par.rtf / oneRun.rtf;
  const speedup = 1 / ratio;
  const slowest = Math.max(...costs.parts);
  const f = (x: number) => x.toFixed(2);
  return {
    case: name,
    params,
    backend: 'cpu',
    metric: 'rtf',
    unit: 's/s',
    value: par.rtf,
    reference: { name: '1 thread, this run', value: oneRun.rtf },
    ratio,
    goal: 'ratio ≤ 0.625 (≥ 1.6× faster)',
    note:
      `${speedup >= 1 ? `${speedup.toFixed(2)}× faster` : `${(1 / speedup).toFixed(2)}× slower`} than 1 thread ` +
      `(${speedup >= 1.6 ? 'goal met' : 'goal ≥ 1.6× not met'}); best of ${repeats}; load average ${loadAverage()}; ` +
      `same spikes as 1 thread: ${sameSpikes(par, one)}; engine ${one.engine} on 1 thread, ${par.engines.join(' and ')} in the workers; wall µs/step 1 thread ${f((oneRun.wall * 1e6) / oneRun.steps)}, ` +
      `2 workers ${f((par.runWall * 1e6) / oneRun.steps)}; waits that blocked ${par.blocked.join(' + ')} of ${oneRun.steps} steps each; ` +
      `worker threads' CPU ${workerCpu(par)}; with worker start and builds ${par.wall.toFixed(2)} s; ` +
      `CPU µs/step measured in one thread: 1 thread ${f(costs.one)}, partitions ${costs.parts.map(f).join(' and ')} ` +
      `(sum ${(costs.parts.reduce((a, b) => a + b, 0) / costs.one).toFixed(2)}× 1 thread), ` +
      `so an idle machine's 2-worker step ≈ slowest partition + exchange = ${f(slowest + xc.usPerExchange)} µs: ` +
      `≈ ${(costs.one / (slowest + xc.usPerExchange)).toFixed(2)}× (a model, not a measurement)`,
  };
}

/**
 * brain4d suite: CUBA (4000 LIF, Brian2's form) on one thread against Brian2 2.5 C++ standalone
 * run in the same process tree (packages/bench/references/brain4d/cuba_brian2.py; its own
 * measurement of the network run, code generation and compilation excluded); a 100k-neuron
 * 4D lattice (RTF, bytes per synapse); a 1M-neuron lattice with ≈ 1e8 synapses (RTF, memory;
 * full runs only); the Potjans–Diesmann microcircuit (full runs only); STDP overhead; CUBA and
 * the 100k lattice on 2 workers against 1 thread. NEURITE_BENCH_BRAIN4D=cuba runs the CUBA cases only.
 * RTF = wall-clock seconds per biological second.
 */
export const brain4dSuite: Suite = {
  name: 'brain4d',
  description: 'spiking networks on a 4D lattice: CUBA vs Brian2 C++, lattices, microcircuit, STDP',
  async run(ctx) {
    const out: BenchResult[] = [];
    const cudaS = ctx.quick ? 2 : 10;
    ctx.progress(`CUBA ${cudaS} s biological`);
    const cubaNet = example('cuba.json');
    // Spikes recorded, as Brian2's script records them with a SpikeMonitor.
    cubaNet.monitors = { spikes: true };
    // Best of three runs on each side (a shared machine's load comes and goes): three simulators
    // here, three runs of Brian2's compiled binary there.
    const repeats = ctx.quick ? 1 : 3;
    let cuba!: Awaited<ReturnType<typeof simulate>>;
    for (let k = 0; k < repeats; k++) {
      const c = await simulate(cubaNet, cudaS * 1000);
      if (!cuba || c.runWallS < cuba.runWallS) cuba = { ...c, runCpuS: Math.min(c.runCpuS, cuba?.runCpuS ?? Infinity) };
      else cuba.runCpuS = Math.min(cuba.runCpuS, c.runCpuS);
    }
    const rtf = cuba.runWallS / cudaS;
    // Brian2's standalone binary times its network run with std::clock() (network.cpp): process
    // CPU time, not wall time. The comparable figure here is the CPU time of the run
    // (process.cpuUsage: every thread of this process, so the garbage collector's too).
    const cpuRtf = cuba.runCpuS / cudaS;
    ctx.progress('CUBA in Brian2 C++ standalone (compiles first)');
    const brian = brianReference<{
      rtf: number;
      run_s: number;
      runs_s: number[];
      binary_cpu_s: number;
      build_and_run_s: number;
      rates: Record<string, number>;
      brian2: string;
    }>('brain4d/cuba_brian2.py', [String(cudaS), '1', String(repeats)]);
    const rates = cuba.sim.rates();
    const mean = (rates.exc * 3200 + rates.inh * 800) / 4000;
    out.push({
      case: 'cuba-1-thread',
      params: { neurons: 4000, synapses: cuba.sim.synapseCount(), biological_s: cudaS, dt_ms: 0.1 },
      backend: 'cpu',
      metric: 'cpu-rtf',
      unit: 's/s',
      value: cpuRtf,
      ...(brian
        ? {
            reference: { name: `Brian2 ${brian.brian2} C++ standalone, network run (its std::clock CPU time)`, value: brian.rtf },
            ratio: cpuRtf / brian.rtf,
          }
        : {}),
      goal: 'ratio ≤ 1.0',
      note:
        `CPU seconds per biological second, best of ${repeats}; engine ${cuba.sim.engine}; load average ${loadAverage()}; ` +
        `wall RTF ${rtf.toFixed(3)}; mean rate ${mean.toFixed(3)} Hz (reference 5.3–5.6)` +
        (brian
          ? `; Brian2 network runs ${brian.runs_s.map((x) => x.toFixed(3)).join(', ')} s CPU, its whole binary ${brian.binary_cpu_s.toFixed(3)} s CPU (synapse creation included)`
          : '') +
        (brian
          ? `; Brian2 rates exc ${brian.rates.exc.toFixed(3)} inh ${brian.rates.inh.toFixed(3)} Hz, build+compile+run ${brian.build_and_run_s.toFixed(1)} s`
          : '; Brian2 not available: no reference') +
        '',
    });

    // The exchange alone: 2 workers crossing back to back (no work between), the price of a step's synchronisation.
    ctx.progress('spike exchange between 2 workers');
    const { measureExchange } = await import('@neurite/brain4d/node');
    let xc = await measureExchange(ctx.quick ? 20_000 : 200_000, 2);
    for (let k = 1; k < repeats; k++) {
      const x = await measureExchange(ctx.quick ? 20_000 : 200_000, 2);
      if (x.usPerExchange < xc.usPerExchange) xc = x;
    }
    out.push({
      case: 'spike-exchange-2-workers',
      params: { workers: 2, exchanges: xc.exchanges },
      backend: 'cpu',
      metric: 'time',
      unit: 'us',
      value: xc.usPerExchange,
      goal: '≤ 0.5 µs per exchange on an idle machine (spinning; a blocking wait costs tens of µs)',
      note: `best of ${repeats}; waits that blocked ${xc.blocked.join(' + ')} of ${xc.exchanges} each (0 on an idle machine); load average ${loadAverage()}`,
    });

    // Workers: the same 10 s biological as the 1-thread case (100,000 lockstep steps), against 1 thread over the same time.
    const parS = ctx.quick ? 1 : 10;
    ctx.progress(`CUBA ${parS} s biological on 1 thread and on 2 workers`);
    // Best of `repeats` on each side, as above.
    const { one: cubaOne, oneRun: cubaOneRun, par } = await oneVsWorkers(cubaNet, parS * 1000, 2, repeats);
    const cubaCosts = partitionCosts(cubaNet, ctx.quick ? 1000 : 5000, 2);
    out.push(
      workersResult('cuba-2-workers', { neurons: 4000, workers: 2, biological_s: parS }, par, cubaOneRun, cubaOne, repeats, cubaCosts, xc),
    );

    // The exchange batched over the minimum delay: CUBA with every delay 1 ms (10 steps; not
    // Brian2's form, whose delay is one step), so the workers meet once every 10 steps.
    ctx.progress(`CUBA with 1 ms delays, ${parS} s biological, on 1 thread and on 2 workers`);
    const delayed = structuredClone(cubaNet);
    for (const p of delayed.projections) p.delay = 10;
    const { one: dOne, oneRun: dOneRun, par: dPar } = await oneVsWorkers(delayed, parS * 1000, 2, repeats);
    const dSpeedup = dOneRun.rtf / dPar.rtf;
    out.push({
      case: 'cuba-1ms-delays-2-workers',
      params: { neurons: 4000, workers: 2, biological_s: parS, delay_steps: 10, steps_per_exchange: dPar.every },
      backend: 'cpu',
      metric: 'rtf',
      unit: 's/s',
      value: dPar.rtf,
      reference: { name: '1 thread, this run', value: dOneRun.rtf },
      ratio: dPar.rtf / dOneRun.rtf,
      goal: 'ratio ≤ 0.625 (≥ 1.6× faster)',
      note:
        `${dSpeedup >= 1 ? `${dSpeedup.toFixed(2)}× faster` : `${(1 / dSpeedup).toFixed(2)}× slower`} than 1 thread ` +
        `(${dSpeedup >= 1.6 ? 'goal met' : 'goal ≥ 1.6× not met'}); one exchange every ${dPar.every} steps; best of ${repeats}; ` +
        `load average ${loadAverage()}; same spikes as 1 thread: ${sameSpikes(dPar, dOne)}; ` +
        `wall µs/step 1 thread ${((dOneRun.wall * 1e6) / dOneRun.steps).toFixed(2)}, 2 workers ${((dPar.runWall * 1e6) / dOneRun.steps).toFixed(2)}; ` +
        `waits that blocked ${dPar.blocked.join(' + ')} of ${dOneRun.steps / dPar.every} exchanges each; worker threads' CPU ${workerCpu(dPar)}`,
    });
    out.push(...(await brain4dGpuCases(ctx, cubaNet)));

    if (process.env.NEURITE_BENCH_BRAIN4D === 'cuba') return out;

    const latNet = lattice([50, 50, 10, 4], 160);
    const latMs = ctx.quick ? 100 : 1000;
    const lat100 = await simulate(latNet, latMs);
    out.push({
      case: 'lattice-100k',
      params: { neurons: lat100.sim.N, synapses: lat100.sim.synapseCount(), biological_s: lat100.r.duration / 1000 },
      backend: 'cpu',
      metric: 'rtf',
      unit: 's/s',
      value: lat100.r.rtf,
      note: `engine ${lat100.sim.engine}; ${(lat100.sim.synapseBytes() / lat100.sim.synapseCount()).toFixed(2)} bytes/synapse; build ${lat100.buildS.toFixed(1)} s; rates ${JSON.stringify(
        Object.fromEntries(Object.entries(lat100.sim.rates()).map(([k, v]) => [k, +v.toFixed(2)])),
      )} Hz; RSS ${lat100.rssMiB.toFixed(0)} MiB; run CPU RTF ${(lat100.runCpuS / (lat100.r.duration / 1000)).toFixed(2)}; load average ${loadAverage()}`,
    });

    ctx.progress('100k lattice on 2 workers');
    latNet.monitors = { spikes: true };
    const { one: latOne, oneRun: latOneRun, par: latPar } = await oneVsWorkers(latNet, latMs, 2, 1);
    const latCosts = partitionCosts(latNet, ctx.quick ? 20 : 100, 2, 1);
    out.push(
      workersResult(
        'lattice-100k-2-workers',
        { neurons: latOne.N, workers: 2, biological_s: latMs / 1000 },
        latPar,
        latOneRun,
        latOne,
        1,
        latCosts,
        xc,
      ),
    );

    const stdpNet = example('stdp-song.json');
    const plain = structuredClone(stdpNet);
    delete plain.projections[0].plasticity;
    const T = ctx.quick ? 10_000 : 100_000;
    const withStdp = await simulate(stdpNet, T);
    const without = await simulate(plain, T);
    out.push({
      case: 'stdp-overhead',
      params: { inputs: 1000, biological_s: T / 1000 },
      backend: 'cpu',
      metric: 'time-ratio',
      unit: 'x',
      value: withStdp.runWallS / without.runWallS,
      note: `with STDP ${withStdp.runWallS.toFixed(2)} s, without ${without.runWallS.toFixed(2)} s wall (Song–Abbott network; CPU ${withStdp.runCpuS.toFixed(2)} s against ${without.runCpuS.toFixed(2)} s: ${(withStdp.runCpuS / without.runCpuS).toFixed(2)}×); load average ${loadAverage()}`,
    });

    if (!ctx.quick) {
      ctx.progress('1M-neuron lattice, ≈ 1e8 synapses');
      const big = await simulate(lattice([100, 100, 25, 4], 160), 100);
      out.push({
        case: 'lattice-1M',
        params: { neurons: big.sim.N, synapses: big.sim.synapseCount(), biological_s: 0.1 },
        backend: 'cpu',
        metric: 'rtf',
        unit: 's/s',
        value: big.r.rtf,
        note: `engine ${big.sim.engine}; RSS after build ${big.rssMiB.toFixed(0)} MiB (synapse store ${mib(big.sim.synapseBytes()).toFixed(0)} MiB, ${(big.sim.synapseBytes() / big.sim.synapseCount()).toFixed(2)} bytes/synapse); build ${big.buildS.toFixed(1)} s; run CPU ${big.runCpuS.toFixed(1)} s; load average ${loadAverage()}`,
      });
    }
    if (!ctx.quick && process.env.NEURITE_BENCH_MICROCIRCUIT === '1') {
      ctx.progress('Potjans–Diesmann microcircuit');
      const net = example('microcircuit.json');
      const mc = await simulate(net, 1000);
      const ref: Record<string, number> = { L23E: 0.97, L23I: 2.87, L4E: 4.75, L4I: 5.4, L5E: 8.14, L5I: 9.08, L6E: 0.99, L6I: 7.52 };
      const r = mc.sim.rates();
      out.push({
        case: 'microcircuit-1-thread',
        params: { neurons: mc.sim.N, synapses: mc.sim.synapseCount(), biological_s: 1 },
        backend: 'cpu',
        metric: 'rtf',
        unit: 's/s',
        value: mc.r.rtf,
        note: `rates ${Object.keys(ref)
          .map((k) => `${k} ${r[k].toFixed(2)} (ref ${ref[k]})`)
          .join(', ')} Hz; RSS ${mc.rssMiB.toFixed(0)} MiB; build ${mc.buildS.toFixed(0)} s`,
      });
    }
    return out;
  },
};
