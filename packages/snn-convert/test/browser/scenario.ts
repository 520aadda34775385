/**
 * The targets scenario shared by test/browser.test.ts (Node, cpu) and page-entry.ts (headless
 * Chromium: webgl, webgpu, wasm): a spiking CNN (strided 'same' convolution, average pooling, a
 * residual Add, global average pooling) with IF and with LIF (β = 1/2) neurons and a LIF MLP, all
 * with dyadic weights (multiples of 1/64), inputs (1/8), thresholds and leaks (powers of two) and
 * T = 8, so that every product and sum is exact in float32 in any order: every backend, dense or
 * event-driven, must give the same readout bit for bit; plus the Loihi fixed-point target (integer
 * arithmetic: equal everywhere).
 */
import { tf } from '@neurite/tensor';
import { compile, measureSparsity, SpikingNetwork, spikingMlp } from '../../src/index.js';
import type { Network, Target } from '../../src/index.js';

export interface ScenarioResult {
  backend: string;
  /** Per network: the dense and event readouts, and the spike count of every spiking layer. */
  nets: { name: string; dense: number[]; event: number[]; spikes: Record<string, number> }[];
  /** Loihi model readout of the dyadic MLP with IF neurons. */
  loihi: number[];
  /** Tensors alive after minus before. */
  leaked: number;
}

const dy = (n: number, seed: number) => Float32Array.from({ length: n }, (_, k) => Math.round(Math.sin(k * 2.3 + seed) * 40) / 64);

function cnn(beta?: number): SpikingNetwork {
  const conv = (name: string, i: number, cin: number, cout: number, s: number, shape: number[]) => ({
    name,
    className: 'Conv2D',
    op: {
      kind: 'conv2d' as const,
      w: dy(9 * cin * cout, i),
      b: dy(cout, i + 10),
      kernel: [3, 3] as [number, number],
      cin,
      cout,
      strides: [s, s] as [number, number],
      padding: 'same' as const,
      dilation: [1, 1] as [number, number],
    },
    inputs: [i - 1],
    shape,
  });
  const spk = (name: string, i: number, shape: number[]) => ({
    name,
    className: beta ? 'LIF' : 'IF',
    op: { kind: 'if' as const, theta: new Float32Array([0.5, 1, 0.25, 2]), v0: 0.5, ...(beta ? { beta } : {}) },
    inputs: [i],
    shape,
  });
  const net: Network = {
    output: 10,
    nodes: [
      { name: 'input', className: 'InputLayer', op: { kind: 'input', shape: [8, 8, 2] }, inputs: [], shape: [8, 8, 2] },
      conv('c1', 1, 2, 4, 1, [8, 8, 4]),
      spk('s1', 1, [8, 8, 4]),
      conv('c2', 3, 4, 4, 2, [4, 4, 4]),
      spk('s2', 3, [4, 4, 4]),
      conv('c3', 5, 4, 4, 1, [4, 4, 4]),
      { name: 'add', className: 'Add', op: { kind: 'add' }, inputs: [4, 5], shape: [4, 4, 4] },
      spk('s3', 6, [4, 4, 4]),
      {
        name: 'pool',
        className: 'AveragePooling2D',
        op: { kind: 'avgpool', pool: [2, 2], strides: [2, 2], padding: 'valid' },
        inputs: [7],
        shape: [2, 2, 4],
      },
      { name: 'gap', className: 'GlobalAveragePooling2D', op: { kind: 'gap' }, inputs: [8], shape: [4] },
      { name: 'fc', className: 'Dense', op: { kind: 'dense', w: dy(12, 3), b: dy(3, 4), inUnits: 4, units: 3 }, inputs: [9], shape: [3] },
    ],
  };
  return new SpikingNetwork(net);
}

/** A LIF MLP with dyadic weights (spikingMlp's draw rounded to 1/64). */
function mlp(neuron: 'if' | 'lif'): SpikingNetwork {
  const snn = spikingMlp([6, 16, 3], { neuron, beta: 0.75, theta: 0.5, seed: 4 });
  for (const n of snn.network.nodes) if (n.op.kind === 'dense') n.op.w = n.op.w.map((w) => Math.round(w * 64) / 64);
  return snn;
}

/** Runs the scenario on `target` (which compile switches to; in a browser, set wasm up with its wasmPaths first). */
export async function runScenario(target: Exclude<Target, 'loihi'>): Promise<ScenarioResult> {
  const T = 8;
  const nets = [
    { name: 'cnn-if', snn: cnn(), shape: [8, 8, 2] },
    { name: 'cnn-lif', snn: cnn(0.5), shape: [8, 8, 2] },
    { name: 'mlp-lif', snn: mlp('lif'), shape: [6] },
  ];
  const out: ScenarioResult['nets'] = [];
  await compile(nets[0].snn, target); // switch backend before counting tensors
  const before = tf.memory().numTensors;
  for (const { name, snn, shape } of nets) {
    const per = shape.reduce((a, b) => a * b, 1);
    const images = Float32Array.from({ length: 3 * per }, (_, k) => ((k * 5) % 9) / 8 - (name === 'mlp-lif' ? 0.25 : 0));
    const x = tf.tensor(images, [3, ...shape]);
    const dense = await (await compile(snn, target, { mode: 'dense' })).run(x, { T });
    const event = await (await compile(snn, target, { mode: 'event' })).run(x, { T });
    x.dispose();
    const sp = await measureSparsity(snn, { images, labels: new Uint8Array(3) }, { T });
    out.push({
      name,
      dense: Array.from(dense),
      event: Array.from(event),
      spikes: Object.fromEntries(sp.perLayer.map((l) => [l.name, l.spikes])),
    });
  }
  const lx = tf.tensor(
    Float32Array.from({ length: 2 * 6 }, (_, k) => (k % 5) / 4),
    [2, 6],
  );
  const loihi = Array.from(await (await compile(mlp('if'), 'loihi')).run(lx, { T }));
  lx.dispose();
  return { backend: tf.getBackend(), nets: out, loihi, leaked: tf.memory().numTensors - before };
}
