import { afterAll, describe, expect, it } from 'vitest';
import { createVsa, HrrError, specialElement, Vocabulary } from '../src/index.js';
import { maxAbsDiff } from './helpers.js';

const vocabs: Vocabulary[] = [];
afterAll(() => vocabs.forEach((v) => v.dispose()));

describe('nengo_spa-style vocabulary', () => {
  const vsa = createVsa({ model: 'hrr', dim: 256 });
  const v = new Vocabulary(vsa, 1);
  vocabs.push(v);
  v.create(['A', 'B', 'C']);

  it('parse("A*B + ~C") equals the same expression built by hand; precedence, scalars, specials', () => {
    const [A, B, C] = ['A', 'B', 'C'].map((n) => v.get(n));
    const want = vsa.bundle([vsa.bind(A, B), vsa.inverse(C)]);
    // identical float operations in the same order: bit-equal
    expect(Array.from(v.parse('A*B + ~C'))).toEqual(Array.from(want));
    expect(Array.from(v.parse('(A + B) * C'))).toEqual(Array.from(vsa.bind(vsa.bundle([A, B]), C)));
    expect(maxAbsDiff(v.parse('2*A - A'), A)).toBeLessThan(1e-6);
    expect(maxAbsDiff(v.parse('A * Identity'), A)).toBeLessThan(1e-5);
    expect(() => v.parse('A * D')).toThrow(/unknown name D/);
    expect(() => v.parse('A +')).toThrow(HrrError);
  });

  it('AbsorbingElement absorbs binding (hrr): A ⊛ u ∥ u', () => {
    const u = specialElement(vsa, 'AbsorbingElement');
    expect(Math.abs(vsa.similarity(vsa.bind(v.get('A'), u), u))).toBeGreaterThan(1 - 1e-5);
  });

  it('create_subset and transform_to', () => {
    const sub = v.createSubset(['A', 'C']);
    vocabs.push(sub);
    expect(sub.names).toEqual(['A', 'C']);
    const other = new Vocabulary(createVsa({ model: 'hrr', dim: 128 }), 2);
    vocabs.push(other);
    other.create(['A', 'C']);
    const T = v.transformTo(other);
    // T·a_A = Σ_k t_k (f_k·a_A) ≈ t_A (cross terms ≤ 5σ = 5/√256)
    const y = new Float32Array(128);
    const a = v.get('A');
    for (let i = 0; i < 128; i++) for (let j = 0; j < 256; j++) y[i] += T[i * 256 + j] * a[j];
    expect(other.vsa.similarity(y, other.get('A'))).toBeGreaterThan(other.vsa.similarity(y, other.get('C')));
  });
});
