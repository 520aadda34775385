import type { Network } from '../src/network.js';

/** float32 machine epsilon (2^-23). */
export const EPS32 = 2 ** -23;

/** input [n] → Dense(n→n, W, b) → activation node `act` → Dense identity (n→n) as the output. */
export function oneLayer(n: number, w: Float32Array, b: Float32Array, act: Network['nodes'][number]['op']): Network {
  const eye = new Float32Array(n * n);
  for (let i = 0; i < n; i++) eye[i * n + i] = 1;
  return {
    output: 3,
    nodes: [
      { name: 'input', className: 'InputLayer', op: { kind: 'input', shape: [n] }, inputs: [], shape: [n] },
      { name: 'fc', className: 'Dense', op: { kind: 'dense', w, b, inUnits: n, units: n }, inputs: [0], shape: [n] },
      { name: 'act', className: 'X', op: act, inputs: [1], shape: [n] },
      {
        name: 'out',
        className: 'Dense',
        op: { kind: 'dense', w: eye, b: new Float32Array(n), inUnits: n, units: n },
        inputs: [2],
        shape: [n],
      },
    ],
  };
}

/** Identity matrix n×n. */
export function eye(n: number): Float32Array {
  const e = new Float32Array(n * n);
  for (let i = 0; i < n; i++) e[i * n + i] = 1;
  return e;
}
