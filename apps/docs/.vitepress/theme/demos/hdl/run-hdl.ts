// The HDL demo's computation: decode a .nir file, quantise it on seeded Bernoulli spike trains, run
// the bit-true golden model, generate every file `neurite-hdl gen` writes (Verilog, HLS C++,
// stimulus, golden trace) and run the float NIR executor on the selected backend for comparison.
import type { DemoContext } from '../../demo-kit/index.js';

/** The demo's settings; the names and defaults of `neurite-hdl gen`'s options. */
export interface HdlSettings {
  /** A file of public/hdl/. */
  file: string;
  /** `--weight-bits` (2..16). */
  weightBits: number;
  /** `--leak`. */
  leak: 'shift' | 'mul';
  /** `--steps`: time steps per inference. */
  steps: number;
  /** `--neurons-per-cycle` of every layer engine. */
  neuronsPerCycle: number;
  /** `--samples`: inferences in the testbench. */
  samples: number;
  /** `--seed`: stimulus from createRng(seed), calibration from createRng(seed + 1). */
  seed: number;
}

/** Input spike probability per step, as `neurite-hdl gen --stimulus random` draws it. */
export const RATE = 0.2;
/** Calibration samples, as `neurite-hdl gen` uses for 'auto' membrane widths. */
export const CALIBRATION_SAMPLES = 64;

export interface HdlRunResult extends HdlSettings {
  rate: number;
  /** The quantised layers (widths in bits; leak as in `QuantLeak`). */
  layers: {
    name: string;
    type: string;
    nIn: number;
    nOut: number;
    weightBits: number;
    membraneBits: number;
    fracBits: number;
    threshold: number;
    leak: unknown;
  }[];
  /** The golden model's trace (`expected.txt`): `t layer index` per spike, `o k value` per output. */
  trace: string[];
  /** Output spike counts of the quantised model, [samples][outputs]. */
  quantised: number[];
  /** Output spike counts of the float NIR executor on the selected backend, [samples][outputs]. */
  float: number[];
  /** Every generated file: its path in the design directory, its length and SHA-256 (hex). */
  files: { path: string; chars: number; sha256: string }[];
}

/** Bernoulli(rate) spike trains: one rng.uniform() per element in order [sample][step][input]. */
export function bernoulliTrains(rng: { uniform(): number }, samples: number, steps: number, size: number, rate: number) {
  const data = new Uint8Array(samples * steps * size);
  for (let i = 0; i < data.length; i++) data[i] = rng.uniform() < rate ? 1 : 0;
  return { samples, steps, size, data };
}

async function sha256(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

export async function runHdl(
  ctx: DemoContext,
  bytes: Uint8Array,
  s: HdlSettings,
): Promise<{ result: HdlRunResult; texts: Record<string, string> }> {
  const nir = await import('@neurite/nir');
  const hdl = await import('@neurite/hdl');
  ctx.progress(`decoding ${s.file}…`);
  const { graph } = await nir.decodeNir(bytes, { file: s.file });
  const input = Object.values(graph.nodes).find((n) => n.type === 'Input');
  if (!input || input.type !== 'Input') throw new Error(`${s.file} has no Input node`);
  const size = Array.from(input.shape.data, Number).reduce((a, b) => a * b, 1);
  const calibration = bernoulliTrains(ctx.tensor.createRng(s.seed + 1), CALIBRATION_SAMPLES, s.steps, size, RATE);
  const stimulus = bernoulliTrains(ctx.tensor.createRng(s.seed), s.samples, s.steps, size, RATE);

  ctx.progress('quantising and generating…');
  const net = hdl.quantize(graph, { weightBits: s.weightBits, membraneBits: 'auto', fracBits: 'auto', leak: s.leak, dt: 1, calibration });
  const golden = hdl.simulateQuantized(net, stimulus, { trace: true });
  const { files } = hdl.designFiles(net, {
    steps: s.steps,
    neuronsPerCycle: s.neuronsPerCycle,
    weightStore: 'rom',
    target: 'both',
    stimulus,
  });

  ctx.progress(`float executor on ${ctx.backend}…`);
  const reset = net.layers[0].reset === 'subtract' ? 'subtract' : 'to_v_reset';
  const float = await ctx.time(s.samples * s.steps, () => hdl.runFloatExecutor(graph, stimulus, { dt: 1, reset }));

  const paths = Object.keys(files);
  const result: HdlRunResult = {
    ...s,
    rate: RATE,
    layers: net.layers.map((l) => ({
      name: l.name,
      type: l.type,
      nIn: l.nIn,
      nOut: l.nOut,
      weightBits: l.weightBits,
      membraneBits: l.membraneBits,
      fracBits: l.fracBits,
      threshold: l.threshold,
      leak: l.leak,
    })),
    trace: golden.trace ?? [],
    quantised: Array.from(golden.outputs),
    float: Array.from(float.outputs),
    files: await Promise.all(paths.map(async (p) => ({ path: p, chars: files[p].length, sha256: await sha256(files[p]) }))),
  };
  return { result, texts: files };
}
