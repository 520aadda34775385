import { HdlError } from './hdl-error.js';
import { applyLeak, saturate, shiftRight, type QuantizedNetwork } from './quantized-network.js';
import type { SpikeTrains } from './spike-trains.js';

/** Options of {@link simulateQuantized}. */
export interface SimulateOptions {
  /** Collect the trace lines (spikes `t layer index`, outputs `o k value`) that the generated testbenches write. */
  trace?: boolean;
}

/** What {@link simulateQuantized} returns: outputs, per-layer ranges and activity, and the optional trace. */
export interface SimulationResult {
  /** [samples][nOut of the last layer]: spike counts, or the final membrane for an LI readout. */
  outputs: Int32Array;
  /** Outputs per sample (neurons of the last layer). */
  nOut: number;
  /** Largest |membrane| (and |synaptic current|) reached per layer, before saturation. */
  maxAbs: number[];
  /** Input events (spikes into each layer) summed over all samples and steps, per layer. */
  events: number[];
  /** Spikes out of each layer summed over all samples and steps. */
  spikes: number[];
  /** With `trace: true`: per sample, one line `t layer index` per spike (in the order computed) then `o k value` per output. */
  trace?: string[];
}

/**
 * The bit-true golden model: integers only, in exactly the order the generated Verilog and C++
 * compute. Per sample every membrane starts at sat(b). Per step t, per layer in order:
 *
 *   for each input j that spiked (ascending j), for every neuron i:  v[i] ← sat(v[i] + W[i][j])
 *   for every neuron i (ascending):  u = v[i];  z = u > θ;
 *                                     v' = z ? (subtract: sat(u − θ) | to_v_reset: v_reset) : u
 *                                     v[i] ← sat(leak(v') + b[i])
 *
 * so v holds the next step's leaked base between steps (sat = saturate to membraneBits). Spikes z of
 * a layer are the next layer's inputs in the same step. CubaLIF accumulates the events into its
 * current i instead, and its v gets (i_prev · gain) >> gainBits.
 *
 * @example
 * ```ts
 * import { createGraph, createNode, nirArray } from '@neurite/nir';
 * import { quantize, simulateQuantized } from '@neurite/hdl';
 *
 * // Input(2) → Affine → IF(1): v += 0.75 per spike of input 0, threshold 1, reset by subtraction.
 * const graph = createGraph({
 *   nodes: {
 *     input: createNode('Input', { shape: [2] }),
 *     fc: createNode('Affine', { weight: nirArray([0.75, 0], [1, 2]), bias: [0] }),
 *     if: createNode('IF', { r: [1], v_threshold: [1], v_reset: [0], metadata: { reset_mode: 'subtract' } }),
 *     output: createNode('Output', { shape: [1] }),
 *   },
 *   edges: [['input', 'fc'], ['fc', 'if'], ['if', 'output']],
 * });
 * const spikes = { samples: 1, steps: 4, size: 2, data: Uint8Array.from([1, 0, 1, 0, 1, 0, 1, 0]) };
 * const net = quantize(graph, { weightBits: 4, calibration: spikes });
 * const run = simulateQuantized(net, spikes, { trace: true });
 * console.log(run.trace); // [ '1 0 0', '2 0 0', 'o 0 2' ]: v = 0.75, 1.5 > 1 spike → 0.5, 1.25 spike → 0.25, 1.0
 * ```
 */
export function simulateQuantized(net: QuantizedNetwork, input: SpikeTrains, options: SimulateOptions = {}): SimulationResult {
  if (input.size !== net.inputSize)
    throw new HdlError('input', `spike trains have ${input.size} inputs, the network ${net.inputSize}`, { code: 'ERR_SHAPE' });
  const L = net.layers.length;
  const last = net.layers[L - 1];
  const outputs = new Int32Array(input.samples * last.nOut);
  const maxAbs = new Array<number>(L).fill(0);
  const events = new Array<number>(L).fill(0);
  const spikes = new Array<number>(L).fill(0);
  const trace: string[] | undefined = options.trace ? [] : undefined;
  // Column-major copies: the weights of input j for all neurons are contiguous.
  const cols = net.layers.map((l) => {
    const c = new Int32Array(l.nIn * l.nOut);
    for (let i = 0; i < l.nOut; i++) for (let j = 0; j < l.nIn; j++) c[j * l.nOut + i] = l.weights[i * l.nIn + j];
    return c;
  });
  const v = net.layers.map((l) => new Float64Array(l.nOut));
  const cur = net.layers.map((l) => new Float64Array(l.type === 'CubaLIF' ? l.nOut : 0));
  const counts = net.layers.map((l) => new Int32Array(l.nOut));
  const evIn: Int32Array[] = [new Int32Array(net.inputSize), ...net.layers.map((l) => new Int32Array(l.nOut))];
  const nEv = new Int32Array(L + 1);
  const readout = net.output === 'membrane';
  for (let s = 0; s < input.samples; s++) {
    for (let l = 0; l < L; l++) {
      const layer = net.layers[l];
      counts[l].fill(0);
      const cuba = layer.type === 'CubaLIF';
      for (let i = 0; i < layer.nOut; i++) {
        if (cuba) {
          cur[l][i] = saturate(layer.bias[i], layer.membraneBits);
          v[l][i] = 0;
        } else v[l][i] = saturate(layer.bias[i], layer.membraneBits);
        track(l, v[l][i]);
      }
    }
    for (let t = 0; t < input.steps; t++) {
      const base = (s * input.steps + t) * input.size;
      let n = 0;
      for (let j = 0; j < input.size; j++) if (input.data[base + j] !== 0) evIn[0][n++] = j;
      nEv[0] = n;
      for (let l = 0; l < L; l++) {
        const layer = net.layers[l];
        const mb = layer.membraneBits;
        const nOut = layer.nOut;
        const cuba = layer.type === 'CubaLIF';
        const acc = cuba ? cur[l] : v[l];
        const col = cols[l];
        events[l] += nEv[l];
        const hi = 2 ** (mb - 1) - 1;
        const lo = -(2 ** (mb - 1));
        let peak = maxAbs[l];
        const ev = evIn[l];
        for (let e = 0; e < nEv[l]; e++) {
          const off = ev[e] * nOut;
          for (let i = 0; i < nOut; i++) {
            const x = acc[i] + col[off + i];
            if (x > peak) peak = x;
            else if (-x > peak) peak = -x;
            acc[i] = x > hi ? hi : x < lo ? lo : x;
          }
        }
        maxAbs[l] = peak;
        let m = 0;
        for (let i = 0; i < nOut; i++) {
          const u = v[l][i];
          let vn = u;
          // LI readout: the membrane u of the last step (before the next step's leak and bias).
          if (readout && l === L - 1 && t === input.steps - 1) outputs[s * nOut + i] = u;
          if (layer.spiking && u > layer.threshold) {
            evIn[l + 1][m++] = i;
            counts[l][i]++;
            if (trace) trace.push(`${t} ${l} ${i}`);
            vn = layer.reset === 'subtract' ? saturate(u - layer.threshold, mb) : layer.vReset;
          }
          if (cuba) {
            const g = shiftRight(cur[l][i] * layer.synGain!, layer.synGainBits!);
            const x = applyLeak(vn, layer.leak) + g;
            track(l, x);
            v[l][i] = saturate(x, mb);
            const c = applyLeak(cur[l][i], layer.synLeak!) + layer.bias[i];
            track(l, c);
            cur[l][i] = saturate(c, mb);
          } else {
            const x = applyLeak(vn, layer.leak) + layer.bias[i];
            track(l, x);
            v[l][i] = saturate(x, mb);
          }
        }
        nEv[l + 1] = m;
        spikes[l] += m;
      }
    }
    const lastLayer = L - 1;
    if (net.output === 'counts') for (let i = 0; i < last.nOut; i++) outputs[s * last.nOut + i] = counts[lastLayer][i];
    if (trace) for (let i = 0; i < last.nOut; i++) trace.push(`o ${i} ${outputs[s * last.nOut + i]}`);
  }
  return { outputs, nOut: last.nOut, maxAbs, events, spikes, trace };

  function track(l: number, x: number) {
    const a = Math.abs(x);
    if (a > maxAbs[l]) maxAbs[l] = a;
  }
}
