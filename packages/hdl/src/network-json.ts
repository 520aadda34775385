import type { QuantizedNetwork } from './quantized-network.js';

/** A quantised network as plain JSON (typed arrays as number arrays). */
export function networkToJson(net: QuantizedNetwork): unknown {
  return { ...net, layers: net.layers.map((l) => ({ ...l, weights: Array.from(l.weights), bias: Array.from(l.bias) })) };
}

/** Inverse of {@link networkToJson}. */
export function networkFromJson(raw: unknown): QuantizedNetwork {
  const r = raw as QuantizedNetwork & { layers: Array<{ weights: number[]; bias: number[] }> };
  return {
    ...r,
    layers: r.layers.map((l) => ({
      ...(l as unknown as QuantizedNetwork['layers'][number]),
      weights: Int32Array.from(l.weights),
      bias: Int32Array.from(l.bias),
    })),
  };
}
