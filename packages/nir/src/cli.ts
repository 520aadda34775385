#!/usr/bin/env node
import { NirError } from './nir-error.js';
import { readNirFile, writeNir } from './nir-files.js';
import { graphToJson } from './json-form.js';
import { checkGraph } from './check-graph.js';
import { numel } from './nir-array.js';
import type { GraphShapes } from './check-graph.js';
import type { NirGraph, NirNode } from './types.js';
import { compile } from './compile.js';
import type { CompileOptions } from './compile.js';
import type { Tensor } from '@neurite/tensor';

const USAGE = `usage:
  neurite-nir inspect FILE [--json] [--repair]
  neurite-nir validate FILE [--repair]
  neurite-nir convert IN OUT [--repair]          (.nir <-> .json by extension)
  neurite-nir run FILE --input X.json --dt SECONDS [--steps N] [--integration euler|exact]
                  [--reset to_v_reset|zero|subtract] [--backend wasm|cpu] [--repair]
X.json holds the input as nested lists [T][B][...shape] (or {"shape", "data"}); for a graph with
several Input nodes, an object of those keyed by Input node name. run prints the outputs as JSON
{name: {"shape": [...], "data": [...]}}.`;

interface Args { pos: string[]; flags: Record<string, string | true> }

function parseArgs(argv: string[]): Args {
  const pos: string[] = []; const flags: Record<string, string | true> = {};
  const valued = new Set(['input', 'dt', 'steps', 'integration', 'reset', 'backend']);
  const switches = new Set(['json', 'repair', 'help']);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const k = eq < 0 ? a.slice(2) : a.slice(2, eq);
      if (!valued.has(k) && !switches.has(k)) throw new NirError(`unknown option --${k}\n${USAGE}`);
      if (eq >= 0) flags[k] = a.slice(eq + 1);
      else if (valued.has(k)) {
        if (i + 1 >= argv.length) throw new NirError(`--${k} needs a value`);
        flags[k] = argv[++i];
      } else flags[k] = true;
    } else pos.push(a);
  }
  return { pos, flags };
}

function describeNode(n: NirNode): string {
  if (n.type === 'NIRGraph') return `NIRGraph (${Object.keys(n.nodes).length} nodes, ${n.edges.length} edges)`;
  return n.type;
}

function table(g: NirGraph, shapes: GraphShapes, indent = ''): string[] {
  const lines: string[] = [];
  const fmt = (s: number[] | null) => (s === null ? '?' : `[${s.join(', ')}]`);
  for (const name of Object.keys(g.nodes).sort()) {
    const n = g.nodes[name]; const s = shapes.nodes[name];
    lines.push(`${indent}${name.padEnd(16)} ${describeNode(n).padEnd(34)} ${fmt(s.input)} -> ${fmt(s.output)}`);
    if (n.type === 'NIRGraph' && s.inner) lines.push(...table(n, s.inner, indent + '  '));
  }
  return lines;
}

async function main(argv: string[]): Promise<number> {
  const { pos, flags } = parseArgs(argv);
  if (flags.help) { process.stdout.write(USAGE + '\n'); return 0; }
  const [cmd, ...rest] = pos;
  const repair = flags.repair ? { repair: 'rename-dangling' as const } : {};
  const need = (n: number) => { if (rest.length !== n) throw new NirError(`'${cmd}' takes ${n} file argument(s)\n${USAGE}`); };
  switch (cmd) {
    case 'inspect': {
      need(1);
      const { graph, version, repairs } = await readNirFile(rest[0], repair);
      if (flags.json) { process.stdout.write(graphToJson(graph, 1) + '\n'); return 0; }
      const shapes = checkGraph(graph, { file: rest[0] });
      const out = [`${rest[0]}: NIR ${version ?? '(no version)'}, ${Object.keys(graph.nodes).length} nodes, ${graph.edges.length} edges`,
        ...repairs.map((r) => `repaired: in graph '${r.graph}' edge end '${r.from}' -> '${r.to}'`),
        `${'node'.padEnd(16)} ${'type'.padEnd(34)} input -> output`, ...table(graph, shapes),
        'edges:', ...graph.edges.map(([a, b]) => `  ${a} -> ${b}`)];
      process.stdout.write(out.join('\n') + '\n');
      return 0;
    }
    case 'validate': {
      need(1);
      const { graph } = await readNirFile(rest[0], repair);
      const { setBackend } = await import('@neurite/tensor');
      await setBackend('wasm');
      try {
        compile(graph, { dt: 1 }).dispose();
      } catch (e) { if (e instanceof NirError) throw e.inFile(rest[0]); throw e; }
      process.stdout.write(`${rest[0]}: valid (${Object.keys(graph.nodes).length} nodes, ${graph.edges.length} edges)\n`);
      return 0;
    }
    case 'convert': {
      need(2);
      const { graph } = await readNirFile(rest[0], repair);
      await writeNir(rest[1], graph);
      process.stdout.write(`wrote ${rest[1]}\n`);
      return 0;
    }
    case 'run': {
      need(1);
      if (typeof flags.input !== 'string') throw new NirError('--input X.json is required');
      if (typeof flags.dt !== 'string') throw new NirError('--dt SECONDS is required');
      const backend = flags.backend ?? 'wasm';
      if (backend !== 'wasm' && backend !== 'cpu') throw new NirError(`--backend must be 'wasm' or 'cpu', got '${String(backend)}'`);
      let steps: number | undefined;
      if (flags.steps !== undefined) {
        steps = Number(flags.steps);
        if (!Number.isInteger(steps) || steps < 1) throw new NirError(`--steps must be a positive integer, got ${String(flags.steps)}`);
      }
      const { graph } = await readNirFile(rest[0], repair);
      const { readFile } = await import('node:fs/promises');
      let text: string;
      try { text = await readFile(flags.input, 'utf8'); } catch { throw new NirError('cannot read input file', { file: flags.input }); }
      let parsed: unknown;
      try { parsed = JSON.parse(text); } catch { throw new NirError('input is not valid JSON', { file: flags.input }); }
      const { tf, setBackend } = await import('@neurite/tensor');
      await setBackend(backend);
      const opts: CompileOptions = { dt: Number(flags.dt) };
      if (typeof flags.integration === 'string') opts.integration = flags.integration as CompileOptions['integration'];
      if (typeof flags.reset === 'string') opts.reset = flags.reset as CompileOptions['reset'];
      let sim;
      try { sim = compile(graph, opts); } catch (e) { if (e instanceof NirError) throw e.inFile(rest[0]); throw e; }
      const xs: Record<string, Tensor> = {};
      let outs: Record<string, Tensor> | undefined;
      try {
        const dense = inputsByName(parsed, sim.inputs, flags.input);
        for (const [name, { data, shape }] of Object.entries(dense)) xs[name] = tf.tensor(data, shape, 'float32');
        try { outs = sim.runAll(xs, steps); } catch (e) {
          if (e instanceof NirError) throw e.inFile(e.node !== undefined && sim.inputs.includes(e.node) ? flags.input : rest[0]);
          const shapes = Object.entries(dense).map(([k, v]) => `'${k}' [${v.shape.join(', ')}]`).join(', ');
          throw new NirError(`input ${shapes} does not fit the graph (${e instanceof Error ? e.message.split('\n')[0] : String(e)})`, { file: flags.input });
        }
        const result: Record<string, { shape: number[]; data: number[] }> = {};
        for (const [k, t] of Object.entries(outs)) result[k] = { shape: t.shape, data: Array.from(t.dataSync()) };
        process.stdout.write(JSON.stringify(result) + '\n');
      } finally {
        tf.dispose([...Object.values(xs), ...Object.values(outs ?? {})]);
        sim.dispose();
      }
      return 0;
    }
    case undefined: case 'help':
      process.stdout.write(USAGE + '\n');
      return cmd === undefined ? 1 : 0;
    default:
      throw new NirError(`unknown command '${cmd}'\n${USAGE}`);
  }
}

/** Dense data of one input: nested lists [T][B][...shape], or {"shape": [...], "data": [...]} (row-major). */
function toDense(x: unknown, file: string, name: string): { data: Float32Array; shape: number[] } {
  const where = { file, node: name };
  if (typeof x === 'object' && x !== null && !Array.isArray(x)) {
    const o = x as { shape?: unknown; data?: unknown };
    if (!Array.isArray(o.shape) || !Array.isArray(o.data)) throw new NirError('expected nested lists or {"shape": [...], "data": [...]}', where);
    if (!o.shape.every((s) => Number.isSafeInteger(s) && (s as number) >= 0)) throw new NirError('shape must be a list of non-negative integers', where);
    const shape = o.shape as number[];
    if (shape.length < 2) throw new NirError('shape must be [T, B, ...]', where);
    if (numel(shape) !== o.data.length) throw new NirError(`data holds ${o.data.length} values, shape [${shape.join(', ')}] needs ${numel(shape)}`, where);
    if (!o.data.every((v) => typeof v === 'number')) throw new NirError('data must be numbers', where);
    return { data: Float32Array.from(o.data as number[]), shape };
  }
  const shape: number[] = [];
  for (let cur: unknown = x; Array.isArray(cur); cur = cur[0]) shape.push(cur.length);
  if (shape.length < 2) throw new NirError('input must be nested lists [T][B][...] (at least 2 levels)', where);
  const data = new Float32Array(numel(shape));
  let k = 0;
  const fill = (v: unknown, d: number): void => {
    if (d === shape.length) {
      if (typeof v !== 'number') throw new NirError('input must be a regular nested list of numbers', where);
      data[k++] = v;
    } else {
      if (!Array.isArray(v) || v.length !== shape[d]) throw new NirError(`input must be a regular nested list: expected ${shape[d]} items at depth ${d}`, where);
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
  const keys = typeof parsed === 'object' && parsed !== null ? Object.keys(parsed) : [];
  const single = Array.isArray(parsed) || (keys.length === 2 && keys.includes('shape') && keys.includes('data') && !names.includes('shape'));
  let out: Record<string, { data: Float32Array; shape: number[] }>;
  if (single) {
    if (names.length !== 1) throw new NirError(`the graph has ${names.length} Input nodes (${names.join(', ')}): give an object keyed by their names`, { file });
    out = { [names[0]]: toDense(parsed, file, names[0]) };
  } else {
    if (typeof parsed !== 'object' || parsed === null) throw new NirError('input must be nested lists, {"shape", "data"}, or an object keyed by Input node name', { file });
    const unknown = keys.filter((k) => !names.includes(k));
    if (unknown.length > 0) throw new NirError(`no Input node named ${unknown.map((k) => `'${k}'`).join(', ')} (Input nodes: ${names.join(', ')})`, { file });
    const missing = names.filter((k) => !keys.includes(k));
    if (missing.length > 0) throw new NirError(`missing input for ${missing.map((k) => `'${k}'`).join(', ')} (Input nodes: ${names.join(', ')})`, { file });
    out = Object.fromEntries(names.map((k) => [k, toDense((parsed as Record<string, unknown>)[k], file, k)]));
  }
  const [first, ...rest] = Object.entries(out);
  for (const [k, v] of rest) {
    if (v.shape[0] !== first[1].shape[0] || v.shape[1] !== first[1].shape[1]) {
      throw new NirError(`inputs must share T and B: '${first[0]}' has [${first[1].shape.slice(0, 2).join(', ')}], '${k}' has [${v.shape.slice(0, 2).join(', ')}]`, { file });
    }
  }
  return out;
}

main(process.argv.slice(2)).then((code) => { process.exitCode = code; }, (e: unknown) => {
  const msg = e instanceof Error ? e.message : String(e);
  process.stderr.write(`neurite-nir: ${msg.split('\n')[0]}\n`);
  process.exitCode = 1;
});
