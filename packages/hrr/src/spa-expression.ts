import { HrrError } from './hrr-error.js';
import type { Vocabulary } from './vocabulary.js';
import type { Vsa } from './vsa.js';

type Value = { kind: 'scalar'; v: number } | { kind: 'vector'; v: Float32Array };

/**
 * nengo_spa's special elements by name: `Identity` (binding identity), `Zero` (the empty
 * element) and `AbsorbingElement` (hrr only: u = (1/√D, …, 1/√D), whose spectrum is zero except
 * at frequency 0, so a ⊛ u = (Σ_i a_i)·u: every binding with it is a multiple of u).
 */
export function specialElement(vsa: Vsa, name: 'Identity' | 'Zero' | 'AbsorbingElement'): Float32Array {
  if (name === 'Identity') return vsa.identity();
  if (name === 'Zero') return vsa.empty();
  if (name === 'AbsorbingElement') {
    if (vsa.model !== 'hrr')
      throw new HrrError('name', `specialElement: AbsorbingElement is defined for the hrr model only, not ${vsa.model}`, {
        code: 'ERR_UNSUPPORTED',
      });
    return new Float32Array(vsa.dim).fill(1 / Math.sqrt(vsa.dim));
  }
  throw new HrrError('name', `specialElement: unknown element ${JSON.stringify(name)}`);
}

/**
 * Evaluates a nengo_spa-style expression over a vocabulary's items, e.g. `"A*B + ~C"`,
 * `"0.5*(DOG + CAT) - Identity"`. Grammar (precedence low → high): `+`, `-` (superposition,
 * `vsa.bundle` with weights ±1, the plain sum for the additive models); `*` (binding of two
 * vectors, or scaling by a number); unary `~` (the model's `inverse`) and unary `-`; names
 * ([A-Za-z_][A-Za-z0-9_]*: an item, or a special element `Identity`, `Zero`, `AbsorbingElement`),
 * numbers and parentheses. Unknown names throw an HrrError (nengo_spa creates them in non-strict
 * vocabularies: call `vocab.create(name)` first).
 */
export function parseExpression(vocab: Vocabulary, expr: string): Float32Array {
  if (typeof expr !== 'string') throw new HrrError('expr', 'parse: expr must be a string');
  const vsa = vocab.vsa;
  const tokens = expr.match(/\s*([A-Za-z_][A-Za-z0-9_]*|\d+\.?\d*(?:[eE][-+]?\d+)?|\.\d+|[-+*~()]|\S)/g)?.map((t) => t.trim()) ?? [];
  let pos = 0;
  const fail = (msg: string): never => {
    throw new HrrError('expr', `parse: ${msg} in ${JSON.stringify(expr)}`, { code: 'ERR_FORMAT' });
  };
  const scale = (x: Value, s: number): Value =>
    x.kind === 'scalar' ? { kind: 'scalar', v: x.v * s } : { kind: 'vector', v: vsa.bundle([x.v], { weights: [s] }) };
  const add = (a: Value, b: Value, sign: number): Value => {
    if (a.kind === 'scalar' && b.kind === 'scalar') return { kind: 'scalar', v: a.v + sign * b.v };
    if (a.kind !== 'vector' || b.kind !== 'vector') return fail('cannot add a number and a vector');
    return { kind: 'vector', v: vsa.bundle([a.v, b.v], { weights: [1, sign] }) };
  };
  const mul = (a: Value, b: Value): Value => {
    if (a.kind === 'scalar') return scale(b, a.v);
    if (b.kind === 'scalar') return scale(a, b.v);
    return { kind: 'vector', v: vsa.bind(a.v, b.v) };
  };
  const primary = (): Value => {
    const t = tokens[pos++];
    if (t === undefined) return fail('unexpected end');
    if (t === '(') {
      const v = sum();
      if (tokens[pos++] !== ')') fail("missing ')'");
      return v;
    }
    if (/^[\d.]/.test(t)) return { kind: 'scalar', v: Number(t) };
    if (/^[A-Za-z_]/.test(t)) {
      if (vocab.has(t)) return { kind: 'vector', v: vocab.get(t) };
      if (t === 'Identity' || t === 'Zero' || t === 'AbsorbingElement') return { kind: 'vector', v: specialElement(vsa, t) };
      return fail(`unknown name ${t}`);
    }
    return fail(`unexpected ${JSON.stringify(t)}`);
  };
  const unary = (): Value => {
    if (tokens[pos] === '~') {
      pos++;
      const v = unary();
      if (v.kind !== 'vector') return fail('~ applies to vectors');
      return { kind: 'vector', v: vsa.inverse(v.v) };
    }
    if (tokens[pos] === '-') {
      pos++;
      return scale(unary(), -1);
    }
    if (tokens[pos] === '+') {
      pos++;
      return unary();
    }
    return primary();
  };
  const product = (): Value => {
    let v = unary();
    while (tokens[pos] === '*') {
      pos++;
      v = mul(v, unary());
    }
    return v;
  };
  function sum(): Value {
    let v = product();
    while (tokens[pos] === '+' || tokens[pos] === '-') {
      const sign = tokens[pos++] === '+' ? 1 : -1;
      v = add(v, product(), sign);
    }
    return v;
  }
  if (tokens.length === 0) fail('empty expression');
  const v = sum();
  if (pos !== tokens.length) fail(`unexpected ${JSON.stringify(tokens[pos])}`);
  if (v.kind !== 'vector') return fail('the expression is a number, not a vector');
  return v.v;
}

/**
 * nengo_spa `transform_to`: the [D_to, D_from] matrix T = Σ_k t_k f_kᵀ over the names shared by
 * both vocabularies (or the given `names`), mapping each item of `from` onto the same-named item
 * of `to` (exactly when the `from` items are orthonormal). Row-major Float32Array.
 */
export function transformTo(from: Vocabulary, to: Vocabulary, names?: readonly string[]): Float32Array {
  const keys = names ?? from.names.filter((n) => to.has(n));
  const Df = from.vsa.dim,
    Dt = to.vsa.dim,
    t = new Float64Array(Dt * Df);
  for (const k of keys) {
    const f = from.get(k),
      g = to.get(k);
    for (let i = 0; i < Dt; i++) {
      const gi = g[i];
      if (gi === 0) continue;
      for (let j = 0; j < Df; j++) t[i * Df + j] += gi * f[j];
    }
  }
  return Float32Array.from(t);
}
