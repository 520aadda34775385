#!/usr/bin/env node
import { NirError } from './nir-error.js';
import { readNirFile, writeNir } from './nir-files.js';
import { graphToJson } from './json-form.js';
import { checkGraph } from './check-graph.js';
import type { GraphShapes } from './check-graph.js';
import type { NirGraph, NirNode } from './types.js';
import { compile } from './compile.js';
import type { CompileOptions } from './compile.js';

const USAGE = `usage:
  neurite-nir inspect FILE [--json] [--repair]
  neurite-nir validate FILE [--repair]
  neurite-nir convert IN OUT [--repair]          (.nir <-> .json by extension)
  neurite-nir run FILE --input X.json --dt SECONDS [--steps N] [--integration euler|exact]
                  [--reset to_v_reset|zero|subtract] [--backend wasm|cpu] [--repair]
X.json holds the input as nested lists [T][B][...shape] (or {"shape", "data"}); run prints the
outputs as JSON {name: {"shape": [...], "data": [...]}}.`;

interface Args { pos: string[]; flags: Record<string, string | true> }

function parseArgs(argv: string[]): Args {
  const pos: string[] = []; const flags: Record<string, string | true> = {};
  const valued = new Set(['input', 'dt', 'steps', 'integration', 'reset', 'backend']);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith('--')) {
      const [k, v] = a.slice(2).split('=', 2);
      if (v !== undefined) flags[k] = v;
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
      const dt = Number(flags.dt);
      const { graph } = await readNirFile(rest[0], repair);
      const { readFile } = await import('node:fs/promises');
      let text: string;
      try { text = await readFile(flags.input, 'utf8'); } catch { throw new NirError('cannot read input file', { file: flags.input }); }
      let parsed: unknown;
      try { parsed = JSON.parse(text); } catch { throw new NirError('input is not valid JSON', { file: flags.input }); }
      const { data, shape } = toDense(parsed, flags.input);
      const { tf, setBackend } = await import('@neurite/tensor');
      await setBackend((flags.backend as 'wasm' | 'cpu' | undefined) ?? 'wasm');
      const opts: CompileOptions = { dt };
      if (typeof flags.integration === 'string') opts.integration = flags.integration as CompileOptions['integration'];
      if (typeof flags.reset === 'string') opts.reset = flags.reset as CompileOptions['reset'];
      let sim;
      try { sim = compile(graph, opts); } catch (e) { if (e instanceof NirError) throw e.inFile(rest[0]); throw e; }
      let steps: number | undefined;
      if (flags.steps !== undefined) {
        steps = Number(flags.steps);
        if (!Number.isInteger(steps) || steps < 1) throw new NirError(`--steps must be a positive integer, got ${String(flags.steps)}`);
      }
      if (sim.inputs.length !== 1) throw new NirError(`run supports graphs with one Input node, this one has ${sim.inputs.length}`, { file: rest[0] });
      const xs = tf.tensor(data, shape, 'float32');
      let outs;
      try { outs = sim.runAll(xs, steps); } catch (e) {
        xs.dispose();
        if (e instanceof NirError) throw e.inFile(rest[0]);
        throw new NirError(`input of shape [${shape.join(', ')}] does not fit the graph (${e instanceof Error ? e.message.split('\n')[0] : String(e)})`, { file: flags.input });
      }
      const result: Record<string, { shape: number[]; data: number[] }> = {};
      for (const [k, t] of Object.entries(outs)) { result[k] = { shape: t.shape, data: Array.from(t.dataSync()) }; t.dispose(); }
      xs.dispose(); sim.dispose();
      process.stdout.write(JSON.stringify(result) + '\n');
      return 0;
    }
    case undefined: case 'help': case '--help':
      process.stdout.write(USAGE + '\n');
      return cmd === undefined ? 1 : 0;
    default:
      throw new NirError(`unknown command '${cmd}'\n${USAGE}`);
  }
}

function toDense(x: unknown, file: string): { data: Float32Array; shape: number[] } {
  if (typeof x === 'object' && x !== null && !Array.isArray(x) && 'shape' in x && 'data' in x) {
    const o = x as { shape: unknown; data: unknown };
    if (!Array.isArray(o.shape) || !Array.isArray(o.data)) throw new NirError('expected {"shape": [...], "data": [...]}', { file });
    const shape = o.shape.map(Number);
    if (shape.reduce((a, b) => a * b, 1) !== o.data.length) throw new NirError('data length does not match shape', { file });
    return { data: Float32Array.from(o.data.map(Number)), shape };
  }
  const shape: number[] = [];
  let cur: unknown = x;
  while (Array.isArray(cur)) { shape.push(cur.length); cur = cur[0]; }
  if (shape.length < 2) throw new NirError('input must be nested lists [T][B][...] (at least 2 levels)', { file });
  const flat = (x as unknown[]).flat(Infinity as 1) as unknown[];
  if (flat.length !== shape.reduce((a, b) => a * b, 1) || !flat.every((v) => typeof v === 'number')) throw new NirError('input must be a regular nested list of numbers', { file });
  return { data: Float32Array.from(flat as number[]), shape };
}

main(process.argv.slice(2)).then((code) => { process.exitCode = code; }, (e: unknown) => {
  const msg = e instanceof NirError ? e.message : e instanceof Error ? e.message.split('\n')[0] : String(e);
  process.stderr.write(`neurite-nir: ${msg.split('\n')[0]}\n`);
  process.exitCode = 1;
});
