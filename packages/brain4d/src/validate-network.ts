import { Brain4dError } from './brain4d-error.js';
import { IZHIKEVICH_PRESETS, MODELS } from './model-catalog.js';
import type { Distribution, InputSpec, NetworkSpec, ParamValue, ProjectionSpec } from './network-spec.js';

/** Options of {@link validateNetwork}. */
export interface ValidateOptions {
  /** Largest memory the network may need, in bytes (default 32 GiB): bigger ones are refused with ERR_MEMORY. */
  memoryBudget?: number;
}

/** Bytes per synapse of the CSR store: target index (4), weight (float32, 4), delay (uint16, 2, when not constant). */
export const BYTES_PER_SYNAPSE = 10;
/** Bytes per neuron, a generous bound over every model's state, parameters and buffers. */
const BYTES_PER_NEURON = 160;

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
function fail(path: string, what: string, code: ConstructorParameters<typeof Brain4dError>[2] = {}): never {
  throw new Brain4dError(path, `${path}: ${what}`, code);
}
const show = (x: unknown) => (typeof x === 'string' ? JSON.stringify(x) : Array.isArray(x) ? `[${x.length} items]` : String(x));

function num(path: string, x: unknown, opts: { min?: number; max?: number; gt?: number; int?: boolean } = {}): number {
  if (typeof x !== 'number') return fail(path, `must be a number, got ${show(x)}`);
  if (!Number.isFinite(x)) return fail(path, `must be finite, got ${x}`, { code: 'ERR_NOT_FINITE' });
  if (opts.int && !Number.isInteger(x)) return fail(path, `must be an integer, got ${x}`);
  if (opts.min !== undefined && x < opts.min) return fail(path, `must be >= ${opts.min}, got ${x}`, { code: 'ERR_OUT_OF_RANGE' });
  if (opts.max !== undefined && x > opts.max) return fail(path, `must be <= ${opts.max}, got ${x}`, { code: 'ERR_OUT_OF_RANGE' });
  if (opts.gt !== undefined && x <= opts.gt) return fail(path, `must be > ${opts.gt}, got ${x}`, { code: 'ERR_OUT_OF_RANGE' });
  return x;
}

function vec4(path: string, x: unknown, min: number): [number, number, number, number] {
  if (!Array.isArray(x) || x.length !== 4)
    return fail(path, `must be an array of 4 integers [x, y, z, w], got ${show(x)}`, { code: 'ERR_SHAPE' });
  return x.map((v, i) => num(`${path}[${i}]`, v, { int: true, min })) as [number, number, number, number];
}

function keys(path: string, o: Record<string, unknown>, allowed: string[]): void {
  for (const k of Object.keys(o)) if (!allowed.includes(k)) fail(`${path}.${k}`, `unknown key (allowed: ${allowed.join(', ')})`);
}

function str<T extends string>(path: string, x: unknown, allowed: readonly T[]): T {
  if (typeof x !== 'string' || !allowed.includes(x as T)) return fail(path, `must be one of ${allowed.join(', ')}, got ${show(x)}`);
  return x as T;
}

function distribution(path: string, x: unknown, opts: { min?: number; gt?: number } = {}): number | Distribution {
  if (typeof x === 'number') return num(path, x, opts);
  if (!isObj(x)) return fail(path, `must be a number or a distribution {dist, …}, got ${show(x)}`);
  const d = str(`${path}.dist`, x.dist, ['constant', 'uniform', 'normal', 'lognormal'] as const);
  switch (d) {
    case 'constant':
      keys(path, x, ['dist', 'value']);
      return { dist: d, value: num(`${path}.value`, x.value, opts) };
    case 'uniform': {
      keys(path, x, ['dist', 'low', 'high']);
      const low = num(`${path}.low`, x.low, opts);
      const high = num(`${path}.high`, x.high);
      if (high < low) fail(`${path}.high`, `must be >= low (${low}), got ${high}`, { code: 'ERR_OUT_OF_RANGE' });
      return { dist: d, low, high };
    }
    case 'normal': {
      keys(path, x, ['dist', 'mean', 'std', 'low', 'high']);
      const out: Distribution = { dist: d, mean: num(`${path}.mean`, x.mean), std: num(`${path}.std`, x.std, { min: 0 }) };
      if (x.low !== undefined) out.low = num(`${path}.low`, x.low);
      if (x.high !== undefined) out.high = num(`${path}.high`, x.high);
      if (out.low !== undefined && out.high !== undefined && out.high <= out.low)
        fail(`${path}.high`, `must be > low (${out.low}), got ${out.high}`, { code: 'ERR_OUT_OF_RANGE' });
      return out;
    }
    case 'lognormal':
      keys(path, x, ['dist', 'mu', 'sigma']);
      return { dist: d, mu: num(`${path}.mu`, x.mu), sigma: num(`${path}.sigma`, x.sigma, { min: 0 }) };
  }
}

function paramValue(path: string, x: unknown, n: number, perNeuron: boolean, opts: { min?: number; gt?: number }): ParamValue {
  if (typeof x === 'number') return num(path, x, opts);
  if (!perNeuron)
    return fail(path, `must be one number for the whole population (per-neuron values are not supported for it)`, {
      code: 'ERR_UNSUPPORTED',
    });
  if (Array.isArray(x)) {
    if (x.length !== n) fail(path, `has ${x.length} values, the population has ${n} neurons`, { code: 'ERR_SHAPE' });
    return x.map((v, i) => num(`${path}[${i}]`, v, opts));
  }
  if (isObj(x) && 'r' in x) {
    keys(path, x, ['r']);
    if (!Array.isArray(x.r) || x.r.length === 0) fail(`${path}.r`, 'must be a non-empty array of polynomial coefficients');
    return { r: (x.r as unknown[]).map((v, i) => num(`${path}.r[${i}]`, v)) };
  }
  return distribution(path, x, opts);
}

/**
 * Checks a network description and returns it with every default filled in. Throws a
 * {@link Brain4dError} whose `argument` is the key path of the first bad entry
 * (`populations.exc.params.tau_m`, `projections[1].delay`): unknown keys, models, presets
 * or rules; negative time constants; delays below one step; boxes outside the lattice or
 * overlapping; sizes that would not fit in `memoryBudget` (ERR_MEMORY).
 */
export function validateNetwork(input: unknown, options: ValidateOptions = {}): NetworkSpec {
  const budget = options.memoryBudget ?? 32 * 2 ** 30;
  if (!isObj(input)) return fail('network', `must be a JSON object, got ${show(input)}`);
  keys('network', input, [
    'name',
    'dt',
    'duration',
    'seed',
    'lattice',
    'populations',
    'senses',
    'projections',
    'inputs',
    'monitors',
    'description',
  ]);
  const dt = input.dt === undefined ? 0.1 : num('dt', input.dt, { gt: 0 });
  const duration = input.duration === undefined ? 1000 : num('duration', input.duration, { gt: 0 });
  const seed = input.seed === undefined ? 0 : num('seed', input.seed, { int: true, min: 0 });
  if (seed > 0xffffffff) fail('seed', `must be < 2^32, got ${seed}`, { code: 'ERR_OUT_OF_RANGE' });
  const lattice = vec4('lattice', input.lattice, 1);
  const latticeSize = lattice[0] * lattice[1] * lattice[2] * lattice[3];
  if (latticeSize > 2 ** 31 - 1) fail('lattice', `has ${latticeSize} points; neuron ids must fit in 31 bits`, { code: 'ERR_MEMORY' });
  if (!isObj(input.populations) || Object.keys(input.populations).length === 0)
    fail('populations', 'must be a non-empty object {name: population}');
  const pops = input.populations as Record<string, unknown>;
  const out: NetworkSpec = { dt, duration, seed, lattice, populations: {}, senses: {}, projections: [], inputs: [], monitors: {} };
  if (typeof input.name === 'string') out.name = input.name;
  const sizes: Record<string, number> = {};
  let neurons = 0;
  for (const [name, raw] of Object.entries(pops)) {
    const path = `populations.${name}`;
    if (!isObj(raw)) fail(path, 'must be an object');
    const p = raw as Record<string, unknown>;
    keys(path, p, ['origin', 'size', 'model', 'preset', 'params', 'init']);
    const model = str(`${path}.model`, p.model, Object.keys(MODELS) as Array<keyof typeof MODELS>);
    const info = MODELS[model];
    const size = vec4(`${path}.size`, p.size, 1);
    const origin = p.origin === undefined ? ([0, 0, 0, 0] as [number, number, number, number]) : vec4(`${path}.origin`, p.origin, 0);
    for (let k = 0; k < 4; k++)
      if (origin[k] + size[k] > lattice[k])
        fail(`${path}.size`, `the box [${origin}] + [${size}] leaves the lattice [${lattice}] on axis ${'xyzw'[k]}`, {
          code: 'ERR_OUT_OF_RANGE',
        });
    const n = size[0] * size[1] * size[2] * size[3];
    sizes[name] = n;
    neurons += n;
    for (const [other, q] of Object.entries(out.populations)) {
      const o2 = q.origin!;
      if ([0, 1, 2, 3].every((k) => origin[k] < o2[k] + q.size[k] && o2[k] < origin[k] + size[k]))
        fail(`${path}.origin`, `the box overlaps population ${JSON.stringify(other)}`, { code: 'ERR_OUT_OF_RANGE' });
    }
    const spec: NetworkSpec['populations'][string] = { origin, size, model, params: {}, init: {} };
    if (p.preset !== undefined) {
      if (model !== 'izhikevich') fail(`${path}.preset`, `presets exist for izhikevich only, not ${model}`);
      spec.preset = str(`${path}.preset`, p.preset, Object.keys(IZHIKEVICH_PRESETS) as Array<keyof typeof IZHIKEVICH_PRESETS>);
    }
    const params = p.params === undefined ? {} : p.params;
    if (!isObj(params)) fail(`${path}.params`, 'must be an object');
    for (const [k, v] of Object.entries(params as Record<string, unknown>)) {
      if (!(k in info.params)) fail(`${path}.params.${k}`, `unknown parameter of ${model} (known: ${Object.keys(info.params).join(', ')})`);
      const opts = info.positive.includes(k) ? { gt: 0 } : k === 't_ref' || k === 'rate' ? { min: 0 } : {};
      spec.params![k] = paramValue(`${path}.params.${k}`, v, n, info.perNeuron.includes(k), opts);
    }
    const init = p.init === undefined ? {} : p.init;
    if (!isObj(init)) fail(`${path}.init`, 'must be an object');
    for (const [k, v] of Object.entries(init as Record<string, unknown>)) {
      if (!(k in info.state))
        fail(`${path}.init.${k}`, `unknown state variable of ${model} (known: ${Object.keys(info.state).join(', ') || 'none'})`);
      spec.init![k] = paramValue(`${path}.init.${k}`, v, n, true, {});
    }
    out.populations[name] = spec;
  }
  const popNames = Object.keys(out.populations);
  if (input.senses !== undefined) {
    if (!isObj(input.senses)) fail('senses', 'must be an object {name: {w, z}}');
    for (const [name, s] of Object.entries(input.senses as Record<string, unknown>)) {
      const path = `senses.${name}`;
      if (!isObj(s)) fail(path, 'must be an object {w, z?}');
      const o = s as Record<string, unknown>;
      keys(path, o, ['w', 'z']);
      out.senses![name] = {
        w: num(`${path}.w`, o.w, { int: true, min: 0 }),
        z: o.z === undefined ? 0 : num(`${path}.z`, o.z, { int: true, min: 0 }),
      };
      if (out.senses![name].w >= lattice[3]) fail(`${path}.w`, `must be < W = ${lattice[3]}`, { code: 'ERR_OUT_OF_RANGE' });
      if (out.senses![name].z! >= lattice[2]) fail(`${path}.z`, `must be < Z = ${lattice[2]}`, { code: 'ERR_OUT_OF_RANGE' });
    }
  }
  const popRef = (path: string, x: unknown) => str(path, x, popNames);
  let synapses = 0;
  if (input.projections !== undefined) {
    if (!Array.isArray(input.projections)) fail('projections', 'must be an array');
    (input.projections as unknown[]).forEach((raw, i) => {
      const path = `projections[${i}]`;
      if (!isObj(raw)) fail(path, 'must be an object');
      keys(path, raw, ['source', 'target', 'rule', 'weight', 'delay', 'receptor', 'autapses', 'multapses', 'plasticity', 'name']);
      const source = popRef(`${path}.source`, raw.source);
      const target = popRef(`${path}.target`, raw.target);
      const tModel = out.populations[target].model;
      if (tModel === 'poisson') fail(`${path}.target`, `population ${JSON.stringify(target)} is a poisson source and takes no synapses`);
      const nS = sizes[source];
      const nT = sizes[target];
      if (!isObj(raw.rule)) fail(`${path}.rule`, 'must be an object {type, …}');
      const r = raw.rule as Record<string, unknown>;
      const type = str(`${path}.rule.type`, r.type, [
        'all_to_all',
        'one_to_one',
        'fixed_probability',
        'fixed_indegree',
        'fixed_outdegree',
        'fixed_total',
        'distance',
      ] as const);
      let rule: ProjectionSpec['rule'];
      let est: number;
      switch (type) {
        case 'all_to_all':
        case 'one_to_one':
          keys(`${path}.rule`, r, ['type']);
          rule = { type };
          est = type === 'all_to_all' ? nS * nT : nS;
          if (type === 'one_to_one' && nS !== nT)
            fail(`${path}.rule`, `one_to_one needs equal sizes, got ${nS} and ${nT}`, { code: 'ERR_SHAPE' });
          break;
        case 'fixed_probability': {
          keys(`${path}.rule`, r, ['type', 'p']);
          const p = num(`${path}.rule.p`, r.p, { min: 0 });
          if (p > 1) fail(`${path}.rule.p`, `must be <= 1, got ${p}`, { code: 'ERR_OUT_OF_RANGE' });
          rule = { type, p };
          est = nS * nT * p;
          break;
        }
        case 'fixed_indegree':
        case 'fixed_outdegree': {
          keys(`${path}.rule`, r, ['type', 'k']);
          const k = num(`${path}.rule.k`, r.k, { int: true, min: 0 });
          rule = { type, k };
          est = k * (type === 'fixed_indegree' ? nT : nS);
          break;
        }
        case 'fixed_total': {
          keys(`${path}.rule`, r, ['type', 'n']);
          const nn = num(`${path}.rule.n`, r.n, { int: true, min: 0 });
          rule = { type, n: nn };
          est = nn;
          break;
        }
        case 'distance': {
          keys(`${path}.rule`, r, ['type', 'kernel', 'p0', 'scale', 'cutoff']);
          const kernel = str(`${path}.rule.kernel`, r.kernel, ['gaussian', 'exponential'] as const);
          const p0 = num(`${path}.rule.p0`, r.p0, { min: 0 });
          if (p0 > 1) fail(`${path}.rule.p0`, `must be <= 1, got ${p0}`, { code: 'ERR_OUT_OF_RANGE' });
          if (!Array.isArray(r.scale) || r.scale.length !== 4)
            fail(`${path}.rule.scale`, 'must be 4 length scales [sx, sy, sz, sw]', { code: 'ERR_SHAPE' });
          const scale = (r.scale as unknown[]).map((v, k) => num(`${path}.rule.scale[${k}]`, v, { gt: 0 })) as [
            number,
            number,
            number,
            number,
          ];
          const cutoff = r.cutoff === undefined ? (kernel === 'gaussian' ? 3 : 5) : num(`${path}.rule.cutoff`, r.cutoff, { gt: 0 });
          rule = { type, kernel, p0, scale, cutoff };
          // Σ p over the infinite lattice ≈ p0 (2π)² Π s (gaussian) or p0·4!·(π²/2)·Π s (exponential), capped by the target size.
          const vol = scale[0] * scale[1] * scale[2] * scale[3];
          est = nS * Math.min(nT, p0 * vol * (kernel === 'gaussian' ? 4 * Math.PI ** 2 : 12 * Math.PI ** 2));
          break;
        }
      }
      synapses += est;
      if (synapses * BYTES_PER_SYNAPSE + neurons * BYTES_PER_NEURON > budget)
        fail(
          `${path}.rule`,
          `the network needs about ${((synapses * BYTES_PER_SYNAPSE + neurons * BYTES_PER_NEURON) / 2 ** 30).toFixed(1)} GiB (${synapses.toExponential(2)} synapses), over the memory budget of ${(budget / 2 ** 30).toFixed(1)} GiB`,
          {
            code: 'ERR_MEMORY',
          },
        );
      if (raw.weight === undefined) fail(`${path}.weight`, 'is required');
      const weight = distribution(`${path}.weight`, raw.weight);
      const delay = raw.delay === undefined ? 1 : distribution(`${path}.delay`, raw.delay);
      if (typeof delay === 'number' && (delay < 1 || !Number.isInteger(delay)))
        fail(`${path}.delay`, `must be a whole number of steps >= 1, got ${delay}`, { code: 'ERR_OUT_OF_RANGE' });
      if (tModel === 'lif_cond' && typeof weight === 'number' && weight < 0)
        fail(`${path}.weight`, `conductances are >= 0 (the inh receptor has the reversal potential E_in), got ${weight}`, {
          code: 'ERR_OUT_OF_RANGE',
        });
      const ports = MODELS[tModel].ports;
      const wMean =
        typeof weight === 'number'
          ? weight
          : 'value' in weight
            ? weight.value
            : 'mean' in weight
              ? weight.mean
              : 'low' in weight
                ? weight.low
                : 1;
      const receptor =
        raw.receptor === undefined
          ? ports.length === 1
            ? ports[0]
            : wMean < 0
              ? 'inh'
              : 'exc'
          : str(`${path}.receptor`, raw.receptor, ports);
      const proj: ProjectionSpec = {
        source,
        target,
        rule,
        weight,
        delay,
        receptor: receptor as ProjectionSpec['receptor'],
        autapses: raw.autapses === undefined ? true : raw.autapses === true,
        multapses: raw.multapses === undefined ? type === 'fixed_total' : raw.multapses === true,
      };
      if (type === 'fixed_total' && proj.multapses === false)
        fail(`${path}.multapses`, 'fixed_total always allows multapses', { code: 'ERR_UNSUPPORTED' });
      if (raw.plasticity !== undefined) proj.plasticity = stdp(`${path}.plasticity`, raw.plasticity);
      out.projections!.push(proj);
    });
  }
  if (input.inputs !== undefined) {
    if (!Array.isArray(input.inputs)) fail('inputs', 'must be an array');
    (input.inputs as unknown[]).forEach((raw, i) => {
      const path = `inputs[${i}]`;
      if (!isObj(raw)) fail(path, 'must be an object');
      const type = str(`${path}.type`, raw.type, ['poisson', 'current', 'noise', 'sense', 'spikes'] as const);
      const window: { start: number; stop?: number } = { start: raw.start === undefined ? 0 : num(`${path}.start`, raw.start, { min: 0 }) };
      if (raw.stop !== undefined) window.stop = num(`${path}.stop`, raw.stop, { min: 0 });
      if (type === 'spikes') {
        keys(path, raw, ['type', 'target', 'times', 'neurons', 'weight', 'receptor']);
        const target = popRef(`${path}.target`, raw.target);
        const ports = MODELS[out.populations[target].model].ports;
        if (ports.length === 0) fail(`${path}.target`, 'a poisson population takes no input');
        const weight = num(`${path}.weight`, raw.weight);
        const receptor =
          raw.receptor === undefined
            ? ports.length === 1
              ? ports[0]
              : weight < 0
                ? 'inh'
                : 'exc'
            : str(`${path}.receptor`, raw.receptor, ports);
        if (!Array.isArray(raw.times)) fail(`${path}.times`, 'must be an array of times in ms');
        const times = (raw.times as unknown[]).map((v, k) => num(`${path}.times[${k}]`, v, { min: 0 }));
        const spec: InputSpec = { type, target, times, weight, receptor: receptor as 'exc' };
        if (raw.neurons !== undefined) {
          if (!Array.isArray(raw.neurons)) fail(`${path}.neurons`, 'must be an array of indices within the population');
          spec.neurons = (raw.neurons as unknown[]).map((v, k) =>
            num(`${path}.neurons[${k}]`, v, { int: true, min: 0, max: sizes[target] - 1 }),
          );
        }
        out.inputs!.push(spec);
      } else if (type === 'poisson') {
        keys(path, raw, ['type', 'target', 'rate', 'weight', 'receptor', 'start', 'stop']);
        const target = popRef(`${path}.target`, raw.target);
        const ports = MODELS[out.populations[target].model].ports;
        if (ports.length === 0) fail(`${path}.target`, 'a poisson population takes no input');
        const weight = num(`${path}.weight`, raw.weight);
        const receptor =
          raw.receptor === undefined
            ? ports.length === 1
              ? ports[0]
              : weight < 0
                ? 'inh'
                : 'exc'
            : str(`${path}.receptor`, raw.receptor, ports);
        out.inputs!.push({ type, target, rate: num(`${path}.rate`, raw.rate, { min: 0 }), weight, receptor: receptor as 'exc', ...window });
      } else if (type === 'current' || type === 'noise') {
        keys(
          path,
          raw,
          type === 'current' ? ['type', 'target', 'amplitude', 'start', 'stop'] : ['type', 'target', 'std', 'mean', 'start', 'stop'],
        );
        const target = popRef(`${path}.target`, raw.target);
        if (out.populations[target].model === 'poisson') fail(`${path}.target`, 'a poisson population takes no input');
        if (type === 'current') out.inputs!.push({ type, target, amplitude: num(`${path}.amplitude`, raw.amplitude), ...window });
        else
          out.inputs!.push({
            type,
            target,
            std: num(`${path}.std`, raw.std, { min: 0 }),
            mean: raw.mean === undefined ? 0 : num(`${path}.mean`, raw.mean),
            ...window,
          });
      } else {
        keys(path, raw, ['type', 'sense', 'values', 'gain', 'start', 'stop']);
        const sense = str(`${path}.sense`, raw.sense, Object.keys(out.senses!));
        if (!Array.isArray(raw.values) || raw.values.length === 0 || raw.values.length > lattice[1])
          fail(`${path}.values`, `must be rows [y][x] (1 to Y = ${lattice[1]} rows)`, { code: 'ERR_SHAPE' });
        const values = (raw.values as unknown[]).map((row, y) => {
          if (!Array.isArray(row) || row.length > lattice[0])
            return fail(`${path}.values[${y}]`, `must be an array of at most X = ${lattice[0]} numbers`, { code: 'ERR_SHAPE' });
          return row.map((v, x) => num(`${path}.values[${y}][${x}]`, v));
        });
        out.inputs!.push({ type, sense, values, gain: raw.gain === undefined ? 1 : num(`${path}.gain`, raw.gain), ...window });
      }
    });
  }
  if (input.monitors !== undefined) {
    if (!isObj(input.monitors)) fail('monitors', 'must be an object');
    const m = input.monitors;
    keys('monitors', m, ['spikes', 'state', 'rates']);
    if (m.spikes !== undefined) {
      if (typeof m.spikes === 'boolean') out.monitors!.spikes = m.spikes;
      else if (Array.isArray(m.spikes)) out.monitors!.spikes = m.spikes.map((s, i) => popRef(`monitors.spikes[${i}]`, s));
      else fail('monitors.spikes', 'must be true, false or a list of population names');
    }
    if (m.state !== undefined) {
      if (!Array.isArray(m.state)) fail('monitors.state', 'must be an array');
      out.monitors!.state = (m.state as unknown[]).map((raw, i) => {
        const path = `monitors.state[${i}]`;
        if (!isObj(raw)) return fail(path, 'must be an object {population, variable, neurons, every?}');
        keys(path, raw, ['population', 'variable', 'neurons', 'every']);
        const population = popRef(`${path}.population`, raw.population);
        const variable = str(`${path}.variable`, raw.variable, Object.keys(MODELS[out.populations[population].model].state));
        if (!Array.isArray(raw.neurons)) fail(`${path}.neurons`, 'must be an array of indices within the population');
        const neuronsList = (raw.neurons as unknown[]).map((v, k) => num(`${path}.neurons[${k}]`, v, { int: true, min: 0 }));
        for (let k = 0; k < neuronsList.length; k++)
          if (neuronsList[k] >= sizes[population])
            fail(`${path}.neurons[${k}]`, `must be < ${sizes[population]}`, { code: 'ERR_OUT_OF_RANGE' });
        return {
          population,
          variable,
          neurons: neuronsList,
          every: raw.every === undefined ? 1 : num(`${path}.every`, raw.every, { int: true, min: 1 }),
        };
      });
    }
    if (m.rates !== undefined) {
      if (!isObj(m.rates)) fail('monitors.rates', 'must be an object {bin?}');
      keys('monitors.rates', m.rates, ['bin']);
      const bin = m.rates.bin === undefined ? 1 : num('monitors.rates.bin', m.rates.bin, { gt: 0 });
      out.monitors!.rates = { bin };
    }
  }
  return out;
}

function stdp(path: string, raw: unknown): NonNullable<ProjectionSpec['plasticity']> {
  if (!isObj(raw)) return fail(path, 'must be an object {type: "stdp", …}');
  keys(path, raw, ['type', 'tau_plus', 'tau_minus', 'a_plus', 'a_minus', 'w_max', 'w_min', 'rule', 'pairing']);
  str(`${path}.type`, raw.type, ['stdp'] as const);
  const w_max = num(`${path}.w_max`, raw.w_max, { gt: 0 });
  const w_min = raw.w_min === undefined ? 0 : num(`${path}.w_min`, raw.w_min);
  if (w_min >= w_max) fail(`${path}.w_min`, `must be < w_max (${w_max}), got ${w_min}`, { code: 'ERR_OUT_OF_RANGE' });
  return {
    type: 'stdp',
    tau_plus: raw.tau_plus === undefined ? 20 : num(`${path}.tau_plus`, raw.tau_plus, { gt: 0 }),
    tau_minus: raw.tau_minus === undefined ? 20 : num(`${path}.tau_minus`, raw.tau_minus, { gt: 0 }),
    a_plus: num(`${path}.a_plus`, raw.a_plus, { min: 0 }),
    a_minus: num(`${path}.a_minus`, raw.a_minus, { min: 0 }),
    w_max,
    w_min,
    rule: raw.rule === undefined ? 'additive' : str(`${path}.rule`, raw.rule, ['additive', 'multiplicative'] as const),
    pairing: raw.pairing === undefined ? 'all_to_all' : str(`${path}.pairing`, raw.pairing, ['all_to_all', 'nearest'] as const),
  };
}
