/**
 * Runs every tensor-touching method of the public Simulator API on one graph and
 * returns what it read back, with async reads only (`await t.data()`), so the same
 * function runs in Node (wasm, cpu) and in the browser page (webgl, webgpu) and the
 * results can be compared. Used by test/browser.test.ts on both sides.
 */
import { tf } from '@neurite/tensor';
import type { Tensor } from '@neurite/tensor';
import { compile, NirError } from '../../src/index.js';
import type { CompileOptions, NirGraph } from '../../src/index.js';

/** One input sequence, [T, B, ...shape] row-major. */
export interface DenseInput {
  shape: number[];
  data: number[];
}

export interface ExerciseResult {
  /** Per Output node, the outputs of T calls of step() (single input and output: first half) / stepAll(), concatenated. */
  stepped: Record<string, number[]>;
  /** After reset(): runAll(xs) (a Tensor for a single-input graph, else a record by name). */
  run: Record<string, number[]>;
  /** recording(name) of every node after that run: output, v, i. */
  recorded: Record<string, Record<string, number[]>>;
  /** After reset(): run(xs) for a single-output graph, else runAll(xs), again. */
  again: Record<string, number[]>;
  /** After reset(): runAll(xs, T + 2) (steps past T repeat the last frame). */
  extended: Record<string, number[]>;
  /** The NirError code of recording() after clearRecording(), and of stepAll() after dispose(). */
  cleared: string;
  disposed: string;
  /** Tensors left behind (numTensors after minus before). */
  leaked: number;
}

const codeOf = (f: () => unknown): string => {
  try {
    f();
    return 'no error';
  } catch (e) {
    return e instanceof NirError ? e.code : String(e);
  }
};

export async function exerciseSimulator(
  graph: NirGraph,
  opts: Omit<CompileOptions, 'record'>,
  inputs: Record<string, DenseInput>,
): Promise<ExerciseResult> {
  const before = tf.memory().numTensors;
  const read = async (t: Tensor): Promise<number[]> => Array.from(await t.data());
  const readAll = async (r: Record<string, Tensor>): Promise<Record<string, number[]>> => {
    const out: Record<string, number[]> = {};
    for (const k of Object.keys(r).sort()) out[k] = await read(r[k]);
    tf.dispose(Object.values(r));
    return out;
  };
  const sim = compile(graph, { ...opts, record: 'all' });
  const names = Object.keys(inputs);
  const xs: Record<string, Tensor> = Object.fromEntries(names.map((k) => [k, tf.tensor(inputs[k].data, inputs[k].shape, 'float32')]));
  const single = sim.inputs.length === 1 && names.length === 1;
  const xsArg = single ? xs[names[0]] : xs;
  const T = inputs[names[0]].shape[0];

  // 1. step by step
  const stepped: Record<string, number[]> = Object.fromEntries(sim.outputs.map((o) => [o, [] as number[]]));
  const frames: Record<string, Tensor[]> = Object.fromEntries(names.map((k) => [k, tf.unstack(xs[k])]));
  for (let t = 0; t < T; t++) {
    const x = single ? frames[names[0]][t] : Object.fromEntries(names.map((k) => [k, frames[k][t]]));
    if (single && sim.outputs.length === 1 && t < T / 2) {
      const y = sim.step(x);
      stepped[sim.outputs[0]].push(...(await read(y)));
      y.dispose();
    } else {
      const ys = sim.stepAll(x);
      for (const o of sim.outputs) stepped[o].push(...(await read(ys[o])));
      tf.dispose(Object.values(ys));
    }
  }
  for (const list of Object.values(frames)) tf.dispose(list);

  // 2. a run from the initial state, and every node's recording
  sim.reset();
  const run = await readAll(sim.runAll(xsArg));
  const recorded: Record<string, Record<string, number[]>> = {};
  for (const name of sim.nodes) {
    const r = sim.recording(name);
    const entry: Record<string, number[]> = {};
    for (const [k, t] of Object.entries(r) as [string, Tensor | undefined][])
      if (t) {
        entry[k] = await read(t);
        t.dispose();
      }
    recorded[name] = entry;
  }

  // 3. the same run again, through run() where the graph has one Output node
  sim.reset();
  const again = sim.outputs.length === 1 ? await readAll({ [sim.outputs[0]]: sim.run(xsArg) }) : await readAll(sim.runAll(xsArg));

  // 4. two steps past the end of the input
  sim.reset();
  const extended = await readAll(sim.runAll(xsArg, T + 2));

  // 5. state errors
  sim.clearRecording();
  const cleared = codeOf(() => sim.recording(sim.nodes[0]));
  sim.dispose();
  const frame0 = Object.fromEntries(names.map((k) => [k, tf.zeros(inputs[k].shape.slice(1))]));
  const disposed = codeOf(() => sim.stepAll(single ? frame0[names[0]] : frame0));
  tf.dispose([...Object.values(frame0), ...Object.values(xs)]);
  return { stepped, run, recorded, again, extended, cleared, disposed, leaked: tf.memory().numTensors - before };
}
