import { HrrError } from './hrr-error.js';
import { rho } from './rho.js';
import { checkPairDim } from './model-parts.js';
import type { Vsa } from './vsa.js';

/**
 * The data structures of torchhd's `structures` module, over any `Vsa` model. Each keeps its
 * hypervector in `value` (an un-normalised bundle; read it at any time) and uses the model's
 * bind / unbind and ρ (the cyclic shift; for hrr, whose binding commutes with cyclic shifts, a
 * fixed random permutation); lookups return noisy vectors to be cleaned up with a `Vocabulary`.
 */

function check(vsa: Vsa, name: string, v: ArrayLike<number>): ArrayLike<number> {
  if (v?.length !== vsa.dim) throw new HrrError(name, `${name} must have length dim=${vsa.dim}, got ${v?.length}`, { code: 'ERR_SHAPE' });
  return v;
}

function addInto(vsa: Vsa, acc: Float32Array, x: ArrayLike<number>, sign = 1): void {
  const s = vsa.bundle([acc, x], { weights: [1, sign] });
  acc.set(s);
}

/** Multiset (torchhd `Multiset`): value = Σ x_i; contains(x) = similarity(value, x). */
export class Multiset {
  readonly value: Float32Array;
  size = 0;
  constructor(readonly vsa: Vsa) {
    this.value = vsa.empty();
  }
  add(x: ArrayLike<number>): void {
    addInto(this.vsa, this.value, check(this.vsa, 'x', x));
    this.size++;
  }
  /** Removal by subtraction (additive models; for majority bundles it is approximate). */
  remove(x: ArrayLike<number>): void {
    addInto(this.vsa, this.value, check(this.vsa, 'x', x), -1);
    this.size--;
  }
  contains(x: ArrayLike<number>): number {
    return this.vsa.similarity(this.value, check(this.vsa, 'x', x));
  }
}

/** Hash table (torchhd `HashTable`): value = Σ k_i ⊛ v_i; get(k) = unbind(value, k) ≈ v. */
export class HashTable {
  readonly value: Float32Array;
  size = 0;
  constructor(readonly vsa: Vsa) {
    this.value = vsa.empty();
  }
  add(key: ArrayLike<number>, value: ArrayLike<number>): void {
    addInto(this.vsa, this.value, this.vsa.bind(check(this.vsa, 'key', key), check(this.vsa, 'value', value)));
    this.size++;
  }
  remove(key: ArrayLike<number>, value: ArrayLike<number>): void {
    addInto(this.vsa, this.value, this.vsa.bind(check(this.vsa, 'key', key), check(this.vsa, 'value', value)), -1);
    this.size--;
  }
  get(key: ArrayLike<number>): Float32Array {
    return this.vsa.unbind(this.value, check(this.vsa, 'key', key));
  }
}

/**
 * Bundle sequence (torchhd `BundleSequence`): value = Σ_i ρ^{n−1−i}(x_i); `append` shifts the
 * value by one and adds x; get(i) = ρ^{−(n−1−i)}(value) ≈ x_i.
 */
export class BundleSequence {
  value: Float32Array;
  size = 0;
  constructor(readonly vsa: Vsa) {
    this.value = vsa.empty();
  }
  append(x: ArrayLike<number>): void {
    this.value = rho(this.vsa, this.value, 1);
    addInto(this.vsa, this.value, check(this.vsa, 'x', x));
    this.size++;
  }
  /** Adds x at the front (position 0): value += ρ^{n}(x). */
  appendLeft(x: ArrayLike<number>): void {
    addInto(this.vsa, this.value, rho(this.vsa, check(this.vsa, 'x', x), this.size));
    this.size++;
  }
  get(i: number): Float32Array {
    if (!Number.isInteger(i) || i < 0 || i >= this.size)
      throw new HrrError('i', `BundleSequence.get: index ${i} outside [0, ${this.size})`, { code: 'ERR_OUT_OF_RANGE' });
    return rho(this.vsa, this.value, -(this.size - 1 - i));
  }
  /** Removes the last element x (which the caller names): value = ρ^{−1}(value − x). */
  pop(x: ArrayLike<number>): void {
    addInto(this.vsa, this.value, check(this.vsa, 'x', x), -1);
    this.value = rho(this.vsa, this.value, -1);
    this.size--;
  }
}

/**
 * Bind sequence (torchhd `BindSequence`): value = ⊛_i ρ^{n−1−i}(x_i) (starting from the identity);
 * a sequence is compared as a whole (similarity), elements cannot be read back individually.
 * ρ is the cyclic shift, or for hrr a fixed random permutation (see the module note on ρ).
 */
export class BindSequence {
  value: Float32Array;
  size = 0;
  constructor(readonly vsa: Vsa) {
    this.value = vsa.identity();
  }
  append(x: ArrayLike<number>): void {
    this.value = this.vsa.bind(rho(this.vsa, this.value, 1), check(this.vsa, 'x', x));
    this.size++;
  }
  /** Removes the last element x: value = ρ^{−1}(unbindRight(value, x)). */
  pop(x: ArrayLike<number>): void {
    this.value = rho(this.vsa, this.vsa.unbindRight(this.value, check(this.vsa, 'x', x)), -1);
    this.size--;
  }
}

/**
 * Graph (torchhd `Graph`; Poduval et al. 2022): value = Σ_edges a ⊛ b (undirected) or a ⊛ ρ(b)
 * (directed). neighbours(a) ≈ Σ of a's neighbours (unbind; directed: ρ⁻¹ of it);
 * edgeScore(a, b) = similarity(value, edge) (≈ 1/√E for a present edge among E, ≈ 0 otherwise).
 */
export class Graph {
  readonly value: Float32Array;
  constructor(
    readonly vsa: Vsa,
    readonly directed = false,
  ) {
    this.value = vsa.empty();
  }
  private edge(a: ArrayLike<number>, b: ArrayLike<number>): Float32Array {
    return this.vsa.bind(check(this.vsa, 'a', a), this.directed ? rho(this.vsa, check(this.vsa, 'b', b), 1) : check(this.vsa, 'b', b));
  }
  addEdge(a: ArrayLike<number>, b: ArrayLike<number>): void {
    addInto(this.vsa, this.value, this.edge(a, b));
  }
  neighbours(a: ArrayLike<number>): Float32Array {
    const u = this.vsa.unbind(this.value, check(this.vsa, 'a', a));
    return this.directed ? rho(this.vsa, u, -1) : u;
  }
  edgeScore(a: ArrayLike<number>, b: ArrayLike<number>): number {
    return this.vsa.similarity(this.value, this.edge(a, b));
  }
}

/**
 * Binary tree (torchhd `Tree`): a leaf at path p = (p_0, …, p_{k−1}) ∈ {left, right}^k is stored as
 * leaf ⊛ ⊛_i ρ^i(dir(p_i)) with two random direction elements; getLeaf(path) unbinds the path.
 */
export class Tree {
  readonly value: Float32Array;
  readonly left: Float32Array;
  readonly right: Float32Array;
  constructor(
    readonly vsa: Vsa,
    seed: Parameters<Vsa['random']>[0] = 'tree',
  ) {
    this.value = vsa.empty();
    const lr = vsa.random(seed, 2);
    this.left = lr.slice(0, vsa.dim);
    this.right = lr.slice(vsa.dim);
  }
  private pathVector(path: ReadonlyArray<'left' | 'right'>): Float32Array {
    let p = this.vsa.identity();
    path.forEach((d, i) => {
      if (d !== 'left' && d !== 'right') throw new HrrError('path', `Tree: path entries must be 'left' or 'right', got ${String(d)}`);
      p = this.vsa.bind(p, rho(this.vsa, d === 'left' ? this.left : this.right, i));
    });
    return p;
  }
  addLeaf(leaf: ArrayLike<number>, path: ReadonlyArray<'left' | 'right'>): void {
    addInto(this.vsa, this.value, this.vsa.bind(this.pathVector(path), check(this.vsa, 'leaf', leaf)));
  }
  getLeaf(path: ReadonlyArray<'left' | 'right'>): Float32Array {
    return this.vsa.unbind(this.value, this.pathVector(path));
  }
}

/**
 * Finite-state automaton (torchhd `FiniteStateAutomata`; Osipov et al. 2017): value =
 * Σ_transitions token ⊛ from ⊛ ρ(to); transition(state, token) = ρ⁻¹(unbind(unbind(value, token), state))
 * ≈ the next state (clean it up against the states).
 */
export class FiniteStateAutomata {
  readonly value: Float32Array;
  constructor(readonly vsa: Vsa) {
    this.value = vsa.empty();
  }
  addTransition(token: ArrayLike<number>, from: ArrayLike<number>, to: ArrayLike<number>): void {
    const v = this.vsa;
    addInto(v, this.value, v.bind(v.bind(check(v, 'token', token), check(v, 'from', from)), rho(v, check(v, 'to', to), 1)));
  }
  transition(state: ArrayLike<number>, token: ArrayLike<number>): Float32Array {
    const v = this.vsa;
    return rho(v, v.unbind(v.unbind(this.value, check(v, 'token', token)), check(v, 'state', state)), -1);
  }
}

/**
 * Key–value memory (torchhd `Memory`): stores pairs as rows; get(query) returns the value whose key
 * is most similar to the query (and that similarity), or null below `threshold`.
 */
export class Memory {
  readonly keys: Float32Array[] = [];
  readonly values: Float32Array[] = [];
  constructor(
    readonly vsa: Vsa,
    readonly threshold = -Infinity,
  ) {}
  add(key: ArrayLike<number>, value: ArrayLike<number>): void {
    this.keys.push(Float32Array.from(check(this.vsa, 'key', key)));
    this.values.push(Float32Array.from(value));
  }
  get(query: ArrayLike<number>): { value: Float32Array; similarity: number; index: number } | null {
    let best = -1,
      bs = -Infinity;
    this.keys.forEach((k, i) => {
      checkPairDim('Memory.get', k, query, this.vsa.dim);
      const s = this.vsa.similarity(k, query);
      if (s > bs) [best, bs] = [i, s];
    });
    return best < 0 || bs < this.threshold ? null : { value: this.values[best], similarity: bs, index: best };
  }
}
