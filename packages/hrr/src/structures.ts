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
  /** The bundle Σ x_i (a model element of length D). */
  readonly value: Float32Array;
  /** Elements added minus elements removed. */
  size = 0;
  constructor(
    /** The model the elements belong to. */
    readonly vsa: Vsa,
  ) {
    this.value = vsa.empty();
  }
  /** Adds x: value = bundle(value, x). */
  add(x: ArrayLike<number>): void {
    addInto(this.vsa, this.value, check(this.vsa, 'x', x));
    this.size++;
  }
  /** Removal by subtraction (additive models; for majority bundles it is approximate). */
  remove(x: ArrayLike<number>): void {
    addInto(this.vsa, this.value, check(this.vsa, 'x', x), -1);
    this.size--;
  }
  /** Similarity of x with the bundle (≈ 1/√n for a member of n, ≈ 0 otherwise). */
  contains(x: ArrayLike<number>): number {
    return this.vsa.similarity(this.value, check(this.vsa, 'x', x));
  }
}

/** Hash table (torchhd `HashTable`): value = Σ k_i ⊛ v_i; get(k) = unbind(value, k) ≈ v. */
export class HashTable {
  /** The trace Σ k_i ⊛ v_i. */
  readonly value: Float32Array;
  /** Pairs added minus pairs removed. */
  size = 0;
  constructor(
    /** The model the elements belong to. */
    readonly vsa: Vsa,
  ) {
    this.value = vsa.empty();
  }
  /** Adds the pair: value += key ⊛ value. */
  add(key: ArrayLike<number>, value: ArrayLike<number>): void {
    addInto(this.vsa, this.value, this.vsa.bind(check(this.vsa, 'key', key), check(this.vsa, 'value', value)));
    this.size++;
  }
  /** Removes the pair by subtraction (additive models; approximate for majority bundles). */
  remove(key: ArrayLike<number>, value: ArrayLike<number>): void {
    addInto(this.vsa, this.value, this.vsa.bind(check(this.vsa, 'key', key), check(this.vsa, 'value', value)), -1);
    this.size--;
  }
  /** unbind(value, key) ≈ the value stored under key, plus noise (clean it up). */
  get(key: ArrayLike<number>): Float32Array {
    return this.vsa.unbind(this.value, check(this.vsa, 'key', key));
  }
}

/**
 * Bundle sequence (torchhd `BundleSequence`): value = Σ_i ρ^{n−1−i}(x_i); `append` shifts the
 * value by one and adds x; get(i) = ρ^{−(n−1−i)}(value) ≈ x_i.
 */
export class BundleSequence {
  /** The trace Σ_i ρ^{n−1−i}(x_i). */
  value: Float32Array;
  /** Number of elements n. */
  size = 0;
  constructor(
    /** The model the elements belong to. */
    readonly vsa: Vsa,
  ) {
    this.value = vsa.empty();
  }
  /** Appends x at the end: value = ρ(value) + x. */
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
  /** ρ^{−(n−1−i)}(value) ≈ x_i plus noise; throws for i outside [0, n). */
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
  /** The product ⊛_i ρ^{n−1−i}(x_i). */
  value: Float32Array;
  /** Number of elements n. */
  size = 0;
  constructor(
    /** The model the elements belong to. */
    readonly vsa: Vsa,
  ) {
    this.value = vsa.identity();
  }
  /** Appends x: value = ρ(value) ⊛ x. */
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
  /** The trace Σ over edges. */
  readonly value: Float32Array;
  constructor(
    /** The model the elements belong to. */
    readonly vsa: Vsa,
    /** Directed edges a → b (stored as a ⊛ ρ(b)). */
    readonly directed = false,
  ) {
    this.value = vsa.empty();
  }
  private edge(a: ArrayLike<number>, b: ArrayLike<number>): Float32Array {
    return this.vsa.bind(check(this.vsa, 'a', a), this.directed ? rho(this.vsa, check(this.vsa, 'b', b), 1) : check(this.vsa, 'b', b));
  }
  /** Adds the edge a–b (a → b when directed). */
  addEdge(a: ArrayLike<number>, b: ArrayLike<number>): void {
    addInto(this.vsa, this.value, this.edge(a, b));
  }
  /** ≈ the bundle of a's neighbours (successors when directed), plus noise. */
  neighbours(a: ArrayLike<number>): Float32Array {
    const u = this.vsa.unbind(this.value, check(this.vsa, 'a', a));
    return this.directed ? rho(this.vsa, u, -1) : u;
  }
  /** Similarity of the edge a–b with the graph (≈ 1/√E when present among E edges, ≈ 0 otherwise). */
  edgeScore(a: ArrayLike<number>, b: ArrayLike<number>): number {
    return this.vsa.similarity(this.value, this.edge(a, b));
  }
}

/**
 * Binary tree (torchhd `Tree`): a leaf at path p = (p_0, …, p_{k−1}) ∈ {left, right}^k is stored as
 * leaf ⊛ ⊛_i ρ^i(dir(p_i)) with two random direction elements; getLeaf(path) unbinds the path.
 */
export class Tree {
  /** The trace Σ over leaves of leaf ⊛ path vector. */
  readonly value: Float32Array;
  /** The random direction element of a left branch. */
  readonly left: Float32Array;
  /** The random direction element of a right branch. */
  readonly right: Float32Array;
  constructor(
    /** The model the elements belong to. */
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
  /**  'right'>): void {|Stores `leaf` at `path`. */
  addLeaf(leaf: ArrayLike<number>, path: ReadonlyArray<'left' | 'right'>): void {
    addInto(this.vsa, this.value, this.vsa.bind(this.pathVector(path), check(this.vsa, 'leaf', leaf)));
  }
  /**  'right'>): Float32Array {|≈ the leaf stored at `path`, plus noise (clean it up). */
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
  /** The trace Σ over transitions of token ⊛ from ⊛ ρ(to). */
  readonly value: Float32Array;
  constructor(
    /** The model the elements belong to. */
    readonly vsa: Vsa,
  ) {
    this.value = vsa.empty();
  }
  /** Adds the transition from --token--> to. */
  addTransition(token: ArrayLike<number>, from: ArrayLike<number>, to: ArrayLike<number>): void {
    const v = this.vsa;
    addInto(v, this.value, v.bind(v.bind(check(v, 'token', token), check(v, 'from', from)), rho(v, check(v, 'to', to), 1)));
  }
  /** ≈ the state reached from `state` on `token`, plus noise (clean it up against the states). */
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
  /** Stored keys, in insertion order. */
  readonly keys: Float32Array[] = [];
  /** Stored values, same order as `keys`. */
  readonly values: Float32Array[] = [];
  constructor(
    /** The model the elements belong to. */
    readonly vsa: Vsa,
    /** Similarity below which `get` returns null. */
    readonly threshold = -Infinity,
  ) {}
  /** Stores the pair (copies of both). */
  add(key: ArrayLike<number>, value: ArrayLike<number>): void {
    this.keys.push(Float32Array.from(check(this.vsa, 'key', key)));
    this.values.push(Float32Array.from(value));
  }
  /**  null {|The value whose key is most similar to `query`, with that similarity and its index; null when empty or below `threshold`. */
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
