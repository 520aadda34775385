#!/usr/bin/env node
/**
 * neurite-nir: inspect, validate, convert and run NIR graphs from the command line.
 * Built on @neurite/cli: --help everywhere, --json, exit 0 ok / 1 failed / 2 usage error,
 * one line on stderr naming what is wrong.
 */
import {
  createProgram,
  runProgram,
  isJsonMode,
  printJson,
  progress,
  table,
  parseInteger,
  packageVersion,
  Option,
  UsageError,
} from '@neurite/cli';
import type { Progress } from '@neurite/cli';
import type { Tensor } from '@neurite/tensor';
import { NirError } from './nir-error.js';
import { readNirData, readNirFile, writeNir, writeNirData } from './nir-files.js';
import { eventsToGridded } from './nir-data.js';
import type { NirGraphData } from './nir-data.js';
import { griddedFromTensor, recordNirData } from './record-nir-data.js';
import { graphToJson } from './json-form.js';
import { checkGraph } from './check-graph.js';
import { numel } from './nir-array.js';
import type { GraphShapes, ShapeProblem } from './check-graph.js';
import type { NirGraph, NirNode } from './types.js';
import { compile } from './compile.js';
import type { CompileOptions, Simulator } from './compile.js';

interface RepairOption {
  repair?: boolean;
}
interface TypeCheckOption {
  typeCheck: 'strict' | 'relaxed';
}
const TYPE_CHECK = () =>
  new Option(
    '--type-check <mode>',
    'strict: every edge carries the shape its target takes; relaxed: shapes with equal element counts are reshaped (with a warning)',
  )
    .choices(['strict', 'relaxed'])
    .default('strict');
const repairOf = (o: RepairOption) => (o.repair ? { repair: 'rename-dangling' as const } : {});
const REPAIR = ['--repair', 'in each graph, rename an edge end that names no node to the one node no edge mentions'] as const;

/** Most steps `run` accepts (the work and the printed output grow linearly with it). */
export const MAX_RUN_STEPS = 10_000_000;

/** A decimal number only (no hex, binary, octal or empty text), finite and > 0. */
function parseDecimal(option: string): (value: string) => number {
  return (value: string) => {
    const ok = /^\+?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(value.trim());
    const x = ok ? Number(value) : NaN;
    if (!Number.isFinite(x) || x <= 0) throw new UsageError(`${option} must be a decimal number > 0, got '${value}'`);
    return x;
  };
}

/** Warning lines for shape problems (stderr; never with --json, where they are the `problems` list). */
function warnProblems(file: string, problems: ShapeProblem[]): void {
  if (isJsonMode()) return;
  for (const p of problemsJson(file, problems))
    process.stderr.write(`neurite-nir: warning: ${p.message}${p.reshapable ? ' (same size: reshaped by --type-check relaxed)' : ''}\n`);
}

/** The problems as plain JSON, each message naming the file. */
const problemsJson = (file: string, problems: ShapeProblem[]) =>
  problems.map(({ graph, edge, gives, takes, reshapable, message }) => ({
    graph,
    edge,
    gives,
    takes,
    reshapable,
    message: message.startsWith(`${file}: `) ? message : `${file}: ${message}`,
  }));

/** Read a file for inspect / convert: never refused over a shape mismatch (listed in `problems` instead). */
async function readLoose(file: string, o: RepairOption) {
  const r = await readNirFile(file, { ...repairOf(o), typeCheck: false });
  let shapes: GraphShapes;
  try {
    shapes = checkGraph(r.graph, { file }, { typeCheck: 'report' });
  } catch (e) {
    throw e instanceof NirError ? e.inFile(file) : e;
  }
  return { ...r, shapes };
}

function describeNode(n: NirNode): string {
  if (n.type === 'NIRGraph') return `NIRGraph (${Object.keys(n.nodes).length} nodes, ${n.edges.length} edges)`;
  return n.type;
}

/** One row per node (nested graphs follow their node, indented): name, type, input -> output shapes. */
function nodeRows(g: NirGraph, shapes: GraphShapes, indent = ''): Record<string, string>[] {
  const rows: Record<string, string>[] = [];
  const fmt = (s: number[] | null) => (s === null ? '?' : `[${s.join(', ')}]`);
  for (const name of Object.keys(g.nodes).sort()) {
    const n = g.nodes[name];
    const s = shapes.nodes[name];
    rows.push({ node: indent + name, type: describeNode(n), shapes: `${fmt(s.input)} -> ${fmt(s.output)}` });
    if (n.type === 'NIRGraph' && s.inner) rows.push(...nodeRows(n, s.inner, indent + '  '));
  }
  return rows;
}

/** `compile(graph, opts)`, with a NirError it throws naming `file`. */
function compileIn(file: string, graph: NirGraph, opts: CompileOptions): Simulator {
  try {
    return compile(graph, opts);
  } catch (e) {
    if (e instanceof NirError) throw e.inFile(file);
    throw e;
  }
}

const program = createProgram({
  name: 'neurite-nir',
  version: packageVersion(new URL('../package.json', import.meta.url)),
  description: 'Inspect, validate, convert (.nir <-> .json) and run NIR graphs (Neuromorphic Intermediate Representation).',
});

program
  .command('inspect')
  .description('print the nodes (type, input -> output shapes) and edges of a graph; with --json, the graph in the JSON form')
  .argument('<file>', '.nir (HDF5) or .json graph')
  .option(...REPAIR)
  .action(async (file: string, o: RepairOption) => {
    const { graph, version, repairs, shapes } = await readLoose(file, o);
    if (isJsonMode()) {
      const text = graphToJson(graph, 1);
      // the JSON form, plus a top-level `problems` list when shapes do not fit (graphFromJson ignores it)
      const doc =
        shapes.problems.length === 0
          ? text
          : text.replace(/\n}$/, `,\n "problems": ${JSON.stringify(problemsJson(file, shapes.problems))}\n}`);
      process.stdout.write(doc + '\n');
      return;
    }
    warnProblems(file, shapes.problems);
    const out = [
      `${file}: NIR ${version ?? '(no version)'}, ${Object.keys(graph.nodes).length} nodes, ${graph.edges.length} edges`,
      ...repairs.map((r) => `repaired: in graph '${r.graph}' edge end '${r.from}' -> '${r.to}'`),
      table(nodeRows(graph, shapes), ['node', 'type', { key: 'shapes', header: 'input -> output' }]),
      'edges:',
      ...graph.edges.map(([a, b]) => `  ${a} -> ${b}`),
    ];
    process.stdout.write(out.join('\n') + '\n');
  });

program
  .command('validate')
  .description('check that a graph reads, its shapes fit and it compiles (exit 1 with the reason if not)')
  .argument('<file>', '.nir (HDF5) or .json graph')
  .option(...REPAIR)
  .addOption(TYPE_CHECK())
  .action(async (file: string, o: RepairOption & TypeCheckOption) => {
    const { graph, repairs } = await readNirFile(file, { ...repairOf(o), typeCheck: o.typeCheck });
    const { setBackend } = await import('@neurite/tensor');
    await setBackend('wasm');
    const sim = compileIn(file, graph, { dt: 1, typeCheck: o.typeCheck });
    const problems = sim.problems;
    sim.dispose();
    warnProblems(file, problems);
    const nodes = Object.keys(graph.nodes).length;
    const edges = graph.edges.length;
    if (isJsonMode()) printJson({ file, valid: true, nodes, edges, repairs, problems: problemsJson(file, problems) });
    else process.stdout.write(`${file}: valid (${nodes} nodes, ${edges} edges)\n`);
  });

program
  .command('convert')
  .description('convert between .nir (HDF5) and .json, chosen by the output extension (written atomically)')
  .argument('<in>', 'graph to read')
  .argument('<out>', 'file to write (.json: JSON form, else .nir)')
  .option(...REPAIR)
  .action(async (input: string, output: string, o: RepairOption) => {
    const { graph, shapes } = await readLoose(input, o);
    warnProblems(input, shapes.problems);
    await writeNir(output, graph);
    if (isJsonMode())
      printJson({
        input,
        output,
        nodes: Object.keys(graph.nodes).length,
        edges: graph.edges.length,
        problems: problemsJson(input, shapes.problems),
      });
    else process.stdout.write(`wrote ${output}\n`);
  });

interface RunOptions extends RepairOption, TypeCheckOption {
  input: string;
  output?: string;
  record?: string;
  dt: number;
  steps?: number;
  integration?: CompileOptions['integration'];
  reset?: CompileOptions['reset'];
  resetTiming?: CompileOptions['resetTiming'];
  outputDelay?: number;
  backend: 'wasm' | 'cpu';
}

program
  .command('run')
  .description('run a graph on an input and print its outputs as JSON {name: {"shape": [...], "data": [...]}} (with or without --json)')
  .argument('<file>', '.nir (HDF5) or .json graph')
  .requiredOption(
    '--input <x.json|x.h5>',
    'input as nested lists [T][B][...shape] or {"shape", "data"} (for several Input nodes, an object of those keyed by Input node name), or NIR data (.h5 / .nir: nir.write_data layout) with one observable per Input node',
  )
  .option('--output <out.h5>', 'write the Output nodes (and --record nodes) as NIR data (nir.read_data layout) instead of printing JSON')
  .option('--record <nodes>', "with --output: also record these nodes' output and state (comma-separated names, or 'all')")
  .requiredOption('--dt <seconds>', 'time step (a decimal number > 0)', parseDecimal('--dt'))
  .option('--steps <n>', `number of steps, 1 to ${MAX_RUN_STEPS} (default: T of the input)`, parseInteger('--steps', 1, MAX_RUN_STEPS))
  .addOption(new Option('--integration <method>', 'neuron integration').choices(['euler', 'exact']))
  .addOption(new Option('--reset <mode>', 'reset after a spike').choices(['to_v_reset', 'zero', 'subtract']))
  .addOption(
    new Option('--reset-timing <when>', "when the reset acts: immediate (NIR) or next-step (snnTorch's reset_delay)").choices([
      'immediate',
      'next-step',
    ]),
  )
  .option(
    '--output-delay <steps>',
    'steps by which the Output nodes lag (a pipelined simulator)',
    parseInteger('--output-delay', 0, 1_000_000),
  )
  .addOption(new Option('--backend <name>', 'tfjs backend').choices(['wasm', 'cpu']).default('wasm'))
  .addOption(TYPE_CHECK())
  .option(...REPAIR)
  .action(async (file: string, o: RunOptions) => {
    const { graph } = await readNirFile(file, { ...repairOf(o), typeCheck: o.typeCheck });
    if (o.record !== undefined && o.output === undefined) throw new UsageError('--record needs --output');
    const isJson = o.input.toLowerCase().endsWith('.json');
    let parsed: unknown;
    let data: NirGraphData | undefined;
    if (isJson) {
      const { readFile } = await import('node:fs/promises');
      let text: string;
      try {
        text = await readFile(o.input, 'utf8');
      } catch (e) {
        throw new NirError('cannot read input file', { file: o.input, code: 'ERR_FILE', cause: e });
      }
      try {
        parsed = JSON.parse(text);
      } catch (e) {
        throw new NirError('input is not valid JSON', { file: o.input, code: 'ERR_FORMAT', cause: e });
      }
    } else data = await readNirData(o.input);
    const { tf, setBackend } = await import('@neurite/tensor');
    await setBackend(o.backend);
    const opts: CompileOptions = { dt: o.dt, typeCheck: o.typeCheck };
    if (o.record !== undefined) opts.record = o.record === 'all' ? 'all' : o.record.split(',').filter((s) => s !== '');
    if (o.integration !== undefined) opts.integration = o.integration;
    if (o.reset !== undefined) opts.reset = o.reset;
    if (o.resetTiming !== undefined) opts.resetTiming = o.resetTiming;
    if (o.outputDelay !== undefined) opts.outputDelay = o.outputDelay;
    const sim = compileIn(file, graph, opts);
    warnProblems(file, sim.problems);
    const xs: Record<string, Tensor> = {};
    let outs: Record<string, Tensor> | undefined;
    try {
      const dense = data !== undefined ? inputsFromData(data, sim, o.dt, o.input) : inputsByName(parsed, sim.inputs, o.input);
      for (const [name, { data, shape }] of Object.entries(dense)) xs[name] = tf.tensor(data, shape, 'float32');
      let bar: Progress | undefined; // drawn on a TTY only, never with --json
      try {
        outs = sim.runAll(xs, o.steps, {
          onStep: (done, total) => {
            bar ??= progress(total, 'run');
            bar.update(done, `step ${done}/${total}`);
          },
        });
      } catch (e) {
        if (e instanceof NirError) throw e.inFile(e.node !== undefined && sim.inputs.includes(e.node) ? o.input : file);
        const shapes = Object.entries(dense)
          .map(([k, v]) => `'${k}' [${v.shape.join(', ')}]`)
          .join(', ');
        throw new NirError(`input ${shapes} does not fit the graph (${e instanceof Error ? e.message.split('\n')[0] : String(e)})`, {
          file: o.input,
          code: 'ERR_SHAPE',
          cause: e,
        });
      } finally {
        bar?.stop();
      }
      if (o.output !== undefined) {
        const doc = await recordNirData(sim, o.dt);
        // Output nodes as float32 grids [B, T, numel] (recorded spiking nodes carry boolean `output` grids)
        for (const [k, t] of Object.entries(outs))
          doc.nodes[k] = { type: 'NIRNodeData', observables: { output: await griddedFromTensor(t, o.dt) } };
        await writeNirData(o.output, doc);
        if (isJsonMode()) printJson({ output: o.output, nodes: Object.keys(doc.nodes) });
        else process.stdout.write(`wrote ${o.output}\n`);
        return;
      }
      const result: Record<string, { shape: number[]; data: number[] }> = {};
      for (const [k, t] of Object.entries(outs)) result[k] = { shape: t.shape, data: Array.from(await t.data()) };
      process.stdout.write(JSON.stringify(result) + '\n');
    } finally {
      tf.dispose([...Object.values(xs), ...Object.values(outs ?? {})]);
      sim.dispose();
    }
  });

/**
 * The inputs of `run` from NIR data: per Input node, the node of that name in the data (or the one
 * node when both have one), its one observable (or the one named `input` / `spikes`): time-gridded
 * [samples, steps, neurons] with the same dt as --dt, or events, put on the --dt grid. Gives
 * [steps, samples, ...Input shape].
 */
function inputsFromData(
  data: NirGraphData,
  sim: Simulator,
  dt: number,
  file: string,
): Record<string, { data: Float32Array; shape: number[] }> {
  const where = { file, code: 'ERR_FORMAT' as const };
  const names = Object.keys(data.nodes);
  const out: Record<string, { data: Float32Array; shape: number[] }> = {};
  for (const input of sim.inputs) {
    const key = Object.hasOwn(data.nodes, input) ? input : sim.inputs.length === 1 && names.length === 1 ? names[0] : undefined;
    if (key === undefined) throw new NirError(`no data for Input node '${input}' (data nodes: ${names.join(', ')})`, where);
    const n = data.nodes[key];
    if (n.type !== 'NIRNodeData') throw new NirError(`data node '${key}' is graph data, not node data`, { ...where, node: key });
    const obsNames = Object.keys(n.observables);
    const pick = obsNames.length === 1 ? obsNames[0] : (obsNames.find((k) => k === 'input') ?? obsNames.find((k) => k === 'spikes'));
    if (pick === undefined)
      throw new NirError(`data node '${key}' has observables ${obsNames.join(', ')}: name one 'input' or keep only one`, {
        ...where,
        node: key,
      });
    const obs = n.observables[pick];
    let grid;
    try {
      grid = obs.type === 'TimeGriddedData' ? obs : eventsToGridded(obs, dt);
    } catch (e) {
      throw e instanceof NirError ? new NirError(e.reason, { ...where, node: key, field: pick, code: e.code }) : e;
    }
    if (Math.abs(grid.dt - dt) > 1e-9 * dt)
      throw new NirError(`data dt ${grid.dt} s differs from --dt ${dt} s`, {
        ...where,
        node: key,
        field: pick,
        code: 'ERR_INVALID_ARGUMENT',
      });
    const [S, T, N] = grid.data.shape;
    const shape = sim.inputShape(input);
    if (numel(shape) !== N)
      throw new NirError(`${N} neurons do not fit Input '${input}' of shape [${shape.join(', ')}]`, {
        ...where,
        node: key,
        field: pick,
        code: 'ERR_SHAPE',
      });
    const moved = new Float32Array(S * T * N);
    for (let s = 0; s < S; s++)
      for (let t = 0; t < T; t++) for (let k = 0; k < N; k++) moved[(t * S + s) * N + k] = grid.data.data[(s * T + t) * N + k];
    out[input] = { data: moved, shape: [T, S, ...shape] };
  }
  return out;
}

/** Most levels an input may nest ([T][B] and up to 30 dims of a node's shape). */
const MAX_INPUT_RANK = 32;

/** Dense data of one input: nested lists [T][B][...shape], or {"shape": [...], "data": [...]} (row-major). */
function toDense(x: unknown, file: string, name: string): { data: Float32Array; shape: number[] } {
  const where = { file, node: name, code: 'ERR_FORMAT' as const };
  if (typeof x === 'object' && x !== null && !Array.isArray(x)) {
    const o = x as { shape?: unknown; data?: unknown };
    if (!Array.isArray(o.shape) || !Array.isArray(o.data))
      throw new NirError('expected nested lists or {"shape": [...], "data": [...]}', where);
    if (!o.shape.every((s) => Number.isSafeInteger(s) && (s as number) >= 0))
      throw new NirError('shape must be a list of non-negative integers', where);
    const shape = o.shape as number[];
    if (shape.length < 2) throw new NirError('shape must be [T, B, ...]', where);
    if (shape.length > MAX_INPUT_RANK) throw new NirError(`shape has more than ${MAX_INPUT_RANK} dims`, where);
    if (numel(shape) !== o.data.length)
      throw new NirError(`data holds ${o.data.length} values, shape [${shape.join(', ')}] needs ${numel(shape)}`, where);
    if (!o.data.every((v) => typeof v === 'number')) throw new NirError('data must be numbers', where);
    return { data: Float32Array.from(o.data as number[]), shape };
  }
  const shape: number[] = [];
  for (let cur: unknown = x; Array.isArray(cur); cur = cur[0]) {
    shape.push(cur.length);
    if (shape.length > MAX_INPUT_RANK) throw new NirError(`input nested more than ${MAX_INPUT_RANK} levels deep`, where);
  }
  if (shape.length < 2) throw new NirError('input must be nested lists [T][B][...] (at least 2 levels)', where);
  const data = new Float32Array(numel(shape));
  let k = 0;
  const fill = (v: unknown, d: number): void => {
    if (d === shape.length) {
      if (typeof v !== 'number') throw new NirError('input must be a regular nested list of numbers', where);
      data[k++] = v;
    } else {
      if (!Array.isArray(v) || v.length !== shape[d])
        throw new NirError(`input must be a regular nested list: expected ${shape[d]} items at depth ${d}`, where);
      for (const e of v) fill(e, d + 1);
    }
  };
  fill(x, 0);
  return { data, shape };
}

/**
 * The inputs of `run` by Input node name: one value (nested lists or {shape, data}) for a graph
 * with one Input node, else an object keyed by the Input nodes' names. All share T and B.
 */
function inputsByName(parsed: unknown, names: string[], file: string): Record<string, { data: Float32Array; shape: number[] }> {
  const where = { file, code: 'ERR_FORMAT' as const };
  const keys = typeof parsed === 'object' && parsed !== null ? Object.keys(parsed) : [];
  const single =
    Array.isArray(parsed) || (keys.length === 2 && keys.includes('shape') && keys.includes('data') && !names.includes('shape'));
  let out: Record<string, { data: Float32Array; shape: number[] }>;
  if (single) {
    if (names.length !== 1)
      throw new NirError(`the graph has ${names.length} Input nodes (${names.join(', ')}): give an object keyed by their names`, where);
    out = { [names[0]]: toDense(parsed, file, names[0]) };
  } else {
    if (typeof parsed !== 'object' || parsed === null)
      throw new NirError('input must be nested lists, {"shape", "data"}, or an object keyed by Input node name', where);
    const unknown = keys.filter((k) => !names.includes(k));
    if (unknown.length > 0)
      throw new NirError(`no Input node named ${unknown.map((k) => `'${k}'`).join(', ')} (Input nodes: ${names.join(', ')})`, where);
    const missing = names.filter((k) => !keys.includes(k));
    if (missing.length > 0)
      throw new NirError(`missing input for ${missing.map((k) => `'${k}'`).join(', ')} (Input nodes: ${names.join(', ')})`, where);
    out = Object.fromEntries(names.map((k) => [k, toDense((parsed as Record<string, unknown>)[k], file, k)]));
  }
  const [first, ...rest] = Object.entries(out);
  for (const [k, v] of rest) {
    if (v.shape[0] !== first[1].shape[0] || v.shape[1] !== first[1].shape[1]) {
      throw new NirError(
        `inputs must share T and B: '${first[0]}' has [${first[1].shape.slice(0, 2).join(', ')}], '${k}' has [${v.shape.slice(0, 2).join(', ')}]`,
        { file, code: 'ERR_SHAPE' },
      );
    }
  }
  return out;
}

await runProgram(program);
