/**
 * The graphs, inputs and checks of the Simulator exercise (browser/exercise-simulator.ts):
 * compile.test.ts runs it on cpu and wasm in Node, browser.test.ts on webgl and webgpu,
 * each compared with wasm.
 */
import { expect } from 'vitest';
import type { CompileOptions, NirGraph } from '../src/index.js';
import type { DenseInput, ExerciseResult } from './browser/exercise-simulator.js';
import { F32_U, paperCsv } from './helpers.js';
import { toRng } from '@neurite/tensor';

/** Graphs for exerciseSimulator: together they hold every node type the executor runs. */
export const EXERCISE: { file: string; opts: Omit<CompileOptions, 'record'>; T: number; B: number; spikes: number | null }[] = [
  { file: 'paper/lif_norse.nir', opts: { dt: 1e-4, integration: 'euler', reset: 'to_v_reset' }, T: 200, B: 1, spikes: null }, // input: lif_norse.csv, first 200 steps
  { file: 'reference/mlp_lif.nir', opts: { dt: 1e-4 }, T: 30, B: 2, spikes: 0.5 }, // Affine, LIF, Linear, LI
  { file: 'reference/recurrent_cuba.nir', opts: { dt: 1e-3, integration: 'exact', reset: 'subtract' }, T: 30, B: 2, spikes: 0.5 }, // CubaLIF, back edge
  { file: 'reference/nested_misc.nir', opts: { dt: 1e-4, integration: 'exact' }, T: 30, B: 2, spikes: null }, // I, Threshold, nested Delay/Scale, CubaLI
  { file: 'reference/conv1d_avgpool.nir', opts: { dt: 1e-3 }, T: 6, B: 2, spikes: null }, // Conv1d 'same', AvgPool2d
  { file: 'reference/conv_if.nir', opts: { dt: 1, reset: 'zero' }, T: 6, B: 2, spikes: 0.3 }, // Conv2d, IF, SumPool2d, Flatten
  { file: 'paper/braille_noDelay_bias_zero.nir', opts: { dt: 1e-4, reset: 'zero' }, T: 30, B: 2, spikes: 0.3 }, // the paper's RNN
];

/** Seeded inputs [T, B, ...shape] for every Input node of `g` (0/1 spikes with probability p, or uniform(−1, 1)). */
export function inputsFor(g: NirGraph, T: number, B: number, spikes: number | null, seed: number): Record<string, DenseInput> {
  const rng = toRng(seed);
  const rand = () => rng.uniform();
  const out: Record<string, DenseInput> = {};
  for (const [name, n] of Object.entries(g.nodes)) {
    if (n.type !== 'Input') continue;
    const shape = [T, B, ...Array.from(n.shape.data)];
    const size = shape.reduce((a, b) => a * b, 1);
    out[name] = { shape, data: Array.from({ length: size }, () => (spikes === null ? 2 * rand() - 1 : rand() < spikes ? 1 : 0)) };
  }
  return out;
}

/** Largest fan-in of one output element (Affine/Linear: inputs; Conv: C_in/groups · kernel; pools: kernel) and the number of leaf nodes. */
function fanInAndDepth(g: NirGraph): { fanIn: number; nodes: number } {
  let fanIn = 1;
  let nodes = 0;
  const visit = (h: NirGraph) => {
    for (const n of Object.values(h.nodes)) {
      if (n.type === 'NIRGraph') {
        visit(n);
        continue;
      }
      nodes++;
      if (n.type === 'Affine' || n.type === 'Linear') fanIn = Math.max(fanIn, n.weight.shape[1]);
      if (n.type === 'Conv1d' || n.type === 'Conv2d')
        fanIn = Math.max(
          fanIn,
          n.weight.shape.slice(1).reduce((a, b) => a * b, 1),
        );
      if (n.type === 'SumPool2d' || n.type === 'AvgPool2d') {
        const k = n.kernel_size;
        fanIn = Math.max(fanIn, typeof k === 'number' ? k * k : k.data.length === 1 ? k.data[0] ** 2 : k.data[0] * k.data[1]);
      }
    }
  };
  visit(g);
  return { fanIn, nodes };
}

/**
 * Tolerance between two backends (first-order float32 rounding model): every node rounds
 * its result with a relative error of at most (fanIn + 3)·u of the magnitude of its terms
 * (Higham's γ_n for an n-term dot product, plus the neuron update's 3 roundings), the errors
 * of the `nodes` nodes add up along the graph and over T steps (|a| ≤ 1: nothing grows),
 * and two backends each make them: 2·nodes·(fanIn + 3)·u·T·max|value|.
 */
export function crossBackendBound(g: NirGraph, T: number, maxAbs: number): number {
  const { fanIn, nodes } = fanInAndDepth(g);
  return 2 * nodes * (fanIn + 3) * F32_U * T * maxAbs;
}

/** The inputs of one exercise case: lif_norse.csv's input column for the paper LIF, else seeded ones (seed 100 + index). */
export function exerciseInputs(graph: NirGraph, e: (typeof EXERCISE)[number], index: number): Record<string, DenseInput> {
  if (e.file === 'paper/lif_norse.nir')
    return {
      input: {
        shape: [e.T, 1, 1],
        data: paperCsv('lif_norse.csv')
          .slice(0, e.T)
          .map((r) => r[0]),
      },
    };
  return inputsFor(graph, e.T, e.B, e.spikes, 100 + index);
}

/**
 * Differences between an exercise result `r` and the reference `ref` of the same graph and
 * inputs on another backend: spike outputs must agree exactly, every other output and
 * recorded value within {@link crossBackendBound}. One line per difference; [] when none.
 */
export function compareExercise(
  file: string,
  graph: NirGraph,
  inputs: Record<string, DenseInput>,
  r: ExerciseResult,
  ref: ExerciseResult,
): string[] {
  const T = inputs[Object.keys(inputs)[0]].shape[0];
  const pairs: [string, number[], number[]][] = [];
  for (const o of Object.keys(ref.run)) pairs.push([`output ${o}`, r.run[o], ref.run[o]]);
  for (const [n, rec] of Object.entries(ref.recorded))
    for (const [k, v] of Object.entries(rec)) pairs.push([`recording('${n}').${k}`, r.recorded[n]?.[k] ?? [], v]);
  const maxAbs = Math.max(1e-30, ...pairs.flatMap(([, , v]) => v.map(Math.abs)));
  const tol = crossBackendBound(graph, T, maxAbs);
  const out: string[] = [];
  const spikes = (v: number[]) => v.every((x) => x === 0 || x === 1);
  for (const [what, got, want] of pairs) {
    if (got.length !== want.length) {
      out.push(`${file} ${what}: ${got.length} values, reference ${want.length}`);
      continue;
    }
    if (spikes(want) && spikes(got)) {
      const flips = got.filter((v, i) => v !== want[i]).length;
      if (flips > 0) out.push(`${file} ${what}: ${flips} spikes differ`);
      continue;
    }
    const worst = Math.max(0, ...got.map((v, i) => Math.abs(v - want[i])));
    if (!(worst <= tol)) out.push(`${file} ${what}: worst |Δ| ${worst} > bound ${tol}`);
  }
  return out;
}

/** Exact agreements among the calls of one exerciseSimulator run (one backend: the same ops in the same order). */
export function checkConsistent(what: string, inputs: Record<string, DenseInput>, r: ExerciseResult): void {
  const T = inputs[Object.keys(inputs)[0]].shape[0];
  expect(Object.keys(r.run).length, what).toBeGreaterThan(0);
  for (const o of Object.keys(r.run)) {
    expect(r.stepped[o], `${what}: step()/stepAll() vs runAll() of '${o}'`).toEqual(r.run[o]);
    expect(r.again[o], `${what}: run after reset() of '${o}'`).toEqual(r.run[o]);
    expect(r.recorded[o].output, `${what}: recording('${o}').output`).toEqual(r.run[o]);
    const frame = r.run[o].length / T;
    expect(r.extended[o], `${what}: runAll(xs, T + 2) of '${o}'`).toHaveLength(frame * (T + 2));
    expect(r.extended[o].slice(0, frame * T), `${what}: first T frames of runAll(xs, T + 2)`).toEqual(r.run[o]);
  }
  expect(
    [r.cleared, r.disposed, r.leaked],
    `${what}: recording() after clearRecording(), stepAll() after dispose(), tensors leaked`,
  ).toEqual(['ERR_STATE', 'ERR_STATE', 0]);
}
