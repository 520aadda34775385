import { describe, expect, it } from 'vitest';
import { BindSequence, BundleSequence, createVsa, FiniteStateAutomata, Graph, HashTable, Memory, Multiset, Tree } from '../src/index.js';
import { row } from './helpers.js';

const D = 2048,
  noise = 5 / Math.sqrt(D); // 5σ of the similarity of unrelated random vectors (map: σ = 1/√D)

describe.each(['map', 'hrr', 'fhrr'] as const)('structures on %s', (model) => {
  const vsa = createVsa({ model, dim: D });
  const X = vsa.random(1, 8);
  const x = (i: number) => row(X, i, D);
  const best = (q: Float32Array) =>
    [0, 1, 2, 3, 4, 5, 6, 7].reduce((b, i) => (vsa.similarity(q, x(i)) > vsa.similarity(q, x(b)) ? i : b), 0);

  it('multiset, hash table, memory', () => {
    const m = new Multiset(vsa);
    [0, 1, 2].forEach((i) => m.add(x(i)));
    expect(m.contains(x(1))).toBeGreaterThan(noise);
    expect(Math.abs(m.contains(x(5)))).toBeLessThan(noise);
    const h = new HashTable(vsa);
    h.add(x(0), x(4));
    h.add(x(1), x(5));
    expect(best(h.get(x(0)))).toBe(4);
    expect(best(h.get(x(1)))).toBe(5);
    const mem = new Memory(vsa);
    mem.add(x(0), [10]);
    mem.add(x(1), [11]);
    expect(mem.get(x(1))?.value[0]).toBe(11);
  });

  it('sequences, graph, tree, automaton', () => {
    const s = new BundleSequence(vsa);
    [3, 4, 5].forEach((i) => s.append(x(i)));
    expect([0, 1, 2].map((i) => best(s.get(i)))).toEqual([3, 4, 5]);
    const b1 = new BindSequence(vsa),
      b2 = new BindSequence(vsa);
    [1, 2].forEach((i) => b1.append(x(i)));
    [2, 1].forEach((i) => b2.append(x(i)));
    // order matters: the two sequences are unrelated (hrr too: its ρ is a random permutation)
    expect(Math.abs(vsa.similarity(b1.value, b2.value))).toBeLessThan(noise);
    const g = new Graph(vsa, true);
    g.addEdge(x(0), x(1));
    g.addEdge(x(1), x(2));
    expect(g.edgeScore(x(0), x(1))).toBeGreaterThan(noise);
    expect(Math.abs(g.edgeScore(x(1), x(0)))).toBeLessThan(noise);
    expect(best(g.neighbours(x(1)))).toBe(2);
    const t = new Tree(vsa);
    t.addLeaf(x(6), ['left', 'right']);
    t.addLeaf(x(7), ['right']);
    expect(best(t.getLeaf(['left', 'right']))).toBe(6);
    const fsa = new FiniteStateAutomata(vsa);
    // states 0, 1; tokens 2, 3: 0 --2--> 1, 1 --3--> 0
    fsa.addTransition(x(2), x(0), x(1));
    fsa.addTransition(x(3), x(1), x(0));
    expect(best(fsa.transition(x(0), x(2)))).toBe(1);
    expect(best(fsa.transition(x(1), x(3)))).toBe(0);
  });
});
