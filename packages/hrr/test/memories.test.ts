import { describe, expect, it } from 'vitest';
import { attention, createVsa, HopfieldNetwork, modernHopfield, SparseDistributedMemory } from '../src/index.js';
import { row } from './helpers.js';

describe('memories', () => {
  const D = 256,
    vsa = createVsa({ model: 'map', dim: D });
  const flip = (v: Float32Array, k: number) => v.map((x, j) => (j < k ? -x : x));

  it('Hopfield recalls 10 stored patterns (≪ 0.138·D) from 15% flipped bits', () => {
    const P = vsa.random(1, 10);
    const net = new HopfieldNetwork(P, D);
    for (let p = 0; p < 10; p++) expect(vsa.similarity(net.recall(flip(row(P, p, D), 38)), row(P, p, D))).toBe(1);
  });

  it('modern Hopfield / attention retrieve the nearest pattern in one step at β = 1 (softmax weight ≈ 1)', () => {
    const P = vsa.random(2, 50);
    const out = modernHopfield(P, flip(row(P, 7, D), 60), 1);
    expect(vsa.similarity(out, row(P, 7, D))).toBeGreaterThan(0.999);
    const vals = Float32Array.from({ length: 50 }, (_, i) => i);
    expect(attention(row(P, 7, D), P, vals, 1)[0]).toBeCloseTo(7, 3);
  });

  it('sparse distributed memory: read(write(k, v)) = v from a noisy key (Kanerva 1988)', () => {
    // M = 2000 locations, radius 112 of D = 256: a random key activates P(Bin(256, ½) ≤ 112) ≈ 2.6% ≈ 52
    const sdm = new SparseDistributedMemory(2000, D, D, 112, 3);
    const K = vsa.random(4, 5),
      V = vsa.random(5, 5);
    for (let i = 0; i < 5; i++) expect(sdm.write(row(K, i, D), row(V, i, D))).toBeGreaterThan(0);
    for (let i = 0; i < 5; i++) expect(vsa.similarity(sdm.read(flip(row(K, i, D), 10)), row(V, i, D))).toBeGreaterThan(0.9);
  });
});
