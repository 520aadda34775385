/** Seeded random NIR chains and spike trains for the equivalence tests, and the tool-skip rule. */
import { createGraph, createNode, nirArray, type NirGraph } from '@neurite/nir';
import { createRng } from '@neurite/tensor';
import { findTool } from '../src/run-tool.js';
import type { SpikeTrains } from '../src/spike-trains.js';

/**
 * Whether tests needing an external program run: always under CI (a missing tool then fails the
 * test with the HdlError naming its Debian package), locally only when the program is on PATH.
 */
export function hasTool(name: string): boolean {
  return findTool(name) !== undefined || Boolean(process.env.CI);
}

export interface RandomChainOptions {
  sizes: number[];
  seed: number;
  neuron: 'IF' | 'LIF';
  /** LIF time constant in steps (dt = 1). */
  tau?: number;
  /** Uniform weight range ±scale. */
  scale?: number;
  vReset?: number;
  resetMode?: 'subtract' | 'to_v_reset';
}

/** Input → (Affine → IF/LIF)+ → Output with seeded uniform weights and biases. */
export function randomChain(o: RandomChainOptions): NirGraph {
  const rng = createRng(o.seed);
  const nodes: Record<string, unknown> = { input: createNode('Input', { shape: [o.sizes[0]] }) };
  const edges: [string, string][] = [];
  let prev = 'input';
  for (let l = 1; l < o.sizes.length; l++) {
    const [nIn, nOut] = [o.sizes[l - 1], o.sizes[l]];
    const w = rng.uniformArray(new Float32Array(nIn * nOut), -(o.scale ?? 0.6), o.scale ?? 0.6);
    const b = rng.uniformArray(new Float32Array(nOut), -0.1, 0.15);
    nodes[`fc${l}`] = createNode('Affine', { weight: nirArray(w, [nOut, nIn]), bias: nirArray(b, [nOut]) });
    const full = (v: number) => new Float32Array(nOut).fill(v);
    const meta = { reset_mode: o.resetMode ?? 'subtract' };
    nodes[`n${l}`] =
      o.neuron === 'IF'
        ? createNode('IF', { r: full(1), v_threshold: full(1), v_reset: full(o.vReset ?? 0), metadata: meta })
        : createNode('LIF', {
            tau: full(o.tau ?? 16),
            r: full(o.tau ?? 16),
            v_leak: full(0),
            v_threshold: full(1),
            v_reset: full(o.vReset ?? 0),
            metadata: meta,
          });
    edges.push([prev, `fc${l}`], [`fc${l}`, `n${l}`]);
    prev = `n${l}`;
  }
  nodes.output = createNode('Output', { shape: [o.sizes[o.sizes.length - 1]] });
  edges.push([prev, 'output']);
  return createGraph({ nodes, edges });
}

/** Bernoulli(rate) spike trains from a seed. */
export function randomSpikes(samples: number, steps: number, size: number, rate: number, seed: number): SpikeTrains {
  const rng = createRng(seed);
  const data = new Uint8Array(samples * steps * size);
  for (let i = 0; i < data.length; i++) data[i] = rng.uniform() < rate ? 1 : 0;
  return { samples, steps, size, data };
}
