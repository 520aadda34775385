/**
 * @internal The bytes of the WebAssembly SIMD module that runs the products and
 * pointwise updates of a relaxation (see linear-arena.ts), assembled here from
 * its instructions (no build step, no binary blob). It imports its memory as
 * e.m; every pointer argument is a byte offset into it, every stride in bytes.
 *
 *   gemm(c, a, b, M, K, N, sar, sak, ldb, ldc, alpha, pairs, c0, ldc0)
 *       C[r, j] = C0[r, j] + Σ_k (α·A[r, k]) · B[k, j]  for r < M, j < N, with A[r, k] at a + r·sar + k·sak,
 *       B[k, j] at b + k·ldb + 4j, C[r, j] at c + r·ldc + 4j and C0[r, j] at c0 + r·ldc0 + 4j (C0 = C
 *       to accumulate; ldc0 = 0 broadcasts one row, e.g. a bias). Per row r the non-zero α·A[r, k]
 *       are first listed at `pairs` (8 bytes each: B's row offset, the value), then each block of
 *       16 columns of C is held in registers while the list is walked (the last 1-15 columns
 *       as ⌈rest/4⌉ vectors whose lanes past N, read past the row, are not stored): every
 *       C[r, j] receives its terms in increasing k, each product and sum rounded to float32.
 *       Skipping A's zeros changes no result (x + 0·b = x for finite b).
 *   euler(s, u, rows, n, eps, res)      s ← min(1, max(0, s + ε(u − s)))       (projected Euler)
 *   damped(s, u, rows, n, keep, g, res) s ← keep·s + g·min(1, max(0, u))       (damped hard sigmoid)
 *       on [rows, n] float32 arrays; res (float64 per row) += Σ_j (s_new − s_old)², the squares
 *       summed in four float32 lanes (j mod 4 over the first 4⌊n/4⌋ columns) and one float32
 *       tail, added to res in float64 in the order lane 0, 1, 2, 3, tail.
 */

import {
  BLOCK,
  BR,
  BR_IF,
  END,
  F32_ADD,
  F32_LOAD,
  F32_MAX,
  F32_MIN,
  F32_MUL,
  F32_NE,
  F32_STORE,
  F32_SUB,
  F32T,
  F32X4_ADD,
  F32X4_EXTRACT_LANE,
  F32X4_MUL,
  F32X4_SPLAT,
  F32X4_SUB,
  F64_ADD,
  F64_LOAD,
  F64_PROMOTE_F32,
  F64_STORE,
  I32_ADD,
  I32_GE_U,
  I32_GT_U,
  I32_LOAD,
  I32_LT_U,
  I32_MUL,
  I32_STORE,
  I32T,
  IF,
  LOOP,
  V128_ZERO,
  V128T,
  f32,
  get,
  i32,
  mem,
  name,
  section,
  set,
  simd,
  uleb,
  vec,
} from '@neurite/tensor/wasm-encoding';

// The SIMD instructions only this module uses (v128 loads and stores hint 4-byte alignment).
const V_LOAD = mem(simd(0x00), 2);
const V_STORE = mem(simd(0x0b), 2);
const VMIN = simd(0xe8);
const VMAX = simd(0xe9);

/** `while (cond) body` as block/loop: `exitIf` leaves when it pushes true. */
const whileNot = (exitIf: number[], body: number[]) => [...BLOCK, ...LOOP, ...exitIf, ...BR_IF(1), ...body, ...BR(0), ...END, ...END];
const inc = (l: number, by: number[]) => [...get(l), ...by, ...I32_ADD, ...set(l)];

function gemmBody(): number[] {
  // params 0..13: c a b M K N sar sak ldb ldc (i32) alpha (f32) pairs c0 ldc0 (i32)
  const [c, a, b, M, K, N, sar, sak, ldb, ldc, alpha, pairs, c0, ldc0] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13];
  // locals: i32 r, k, p, q, qend, crow, jb, nb, pb, kb, c0row (14..24); f32 v (25); v128 vs, a0..a3 (26..30)
  const [r, k, p, q, qend, crow, jb, nb, pb, kb, c0row] = [14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24];
  const v = 25;
  const [vs, a0, a1, a2, a3] = [26, 27, 28, 29, 30];
  const accs = [a0, a1, a2, a3];
  /** One column block of `w` vectors: load accs, walk the pairs, then (unless `partial`) store and advance. */
  const block = (w: number, partial = false) => [
    ...accs.slice(0, w).flatMap((acc, i) => [...get(c0row), ...get(jb), ...I32_ADD, ...V_LOAD(16 * i), ...set(acc)]),
    ...get(pairs),
    ...set(q),
    ...whileNot(
      [...get(q), ...get(qend), ...I32_GE_U],
      [
        ...get(q),
        ...F32_LOAD(4),
        ...F32X4_SPLAT,
        ...set(vs),
        ...get(b),
        ...get(q),
        ...I32_LOAD(0),
        ...I32_ADD,
        ...get(jb),
        ...I32_ADD,
        ...set(pb),
        ...accs
          .slice(0, w)
          .flatMap((acc, i) => [...get(acc), ...get(vs), ...get(pb), ...V_LOAD(16 * i), ...F32X4_MUL, ...F32X4_ADD, ...set(acc)]),
        ...inc(q, i32(8)),
      ],
    ),
    ...(partial
      ? []
      : [
          ...accs.slice(0, w).flatMap((acc, i) => [...get(crow), ...get(jb), ...I32_ADD, ...get(acc), ...V_STORE(16 * i)]),
          ...inc(jb, i32(16 * w)),
        ]),
  ];
  /** The last w vectors of a row: the first w − 1 stored whole, the last lane by lane while inside the row. */
  const tail = (w: number) => {
    const last = accs[w - 1];
    const at = 16 * (w - 1);
    return [
      ...block(w, true),
      ...accs.slice(0, w - 1).flatMap((acc, i) => [...get(crow), ...get(jb), ...I32_ADD, ...get(acc), ...V_STORE(16 * i)]),
      ...[0, 1, 2, 3].flatMap((lane) => {
        const store = [...get(crow), ...get(jb), ...I32_ADD, ...get(last), ...F32X4_EXTRACT_LANE(lane), ...F32_STORE(at + 4 * lane)];
        return lane === 0 ? store : [...get(jb), ...i32(at + 4 * lane), ...I32_ADD, ...get(nb), ...I32_LT_U, ...IF, ...store, ...END];
      }),
    ];
  };
  const body = [
    ...get(N),
    ...i32(4),
    ...I32_MUL,
    ...set(nb),
    ...i32(0),
    ...set(r),
    ...whileNot(
      [...get(r), ...get(M), ...I32_GE_U],
      [
        // list the non-zero α·A[r, k] with B's row offsets
        ...get(a),
        ...get(r),
        ...get(sar),
        ...I32_MUL,
        ...I32_ADD,
        ...set(p),
        ...get(pairs),
        ...set(qend),
        ...i32(0),
        ...set(k),
        ...i32(0),
        ...set(kb),
        ...whileNot(
          [...get(k), ...get(K), ...I32_GE_U],
          [
            ...get(p),
            ...F32_LOAD(0),
            ...get(alpha),
            ...F32_MUL,
            ...set(v),
            ...get(v),
            ...f32(0),
            ...F32_NE,
            ...IF,
            ...get(qend),
            ...get(kb),
            ...I32_STORE(0),
            ...get(qend),
            ...get(v),
            ...F32_STORE(4),
            ...inc(qend, i32(8)),
            ...END,
            ...inc(k, i32(1)),
            ...inc(p, get(sak)),
            ...inc(kb, get(ldb)),
          ],
        ),
        // a row with no terms leaves C unchanged (when C0 is C; else it copies C0's row)
        ...get(qend),
        ...get(pairs),
        ...I32_GT_U,
        ...get(c0),
        ...get(c),
        ...[0x47], // i32.ne
        ...[0x72], // i32.or
        ...IF,
        ...get(c),
        ...get(r),
        ...get(ldc),
        ...I32_MUL,
        ...I32_ADD,
        ...set(crow),
        ...get(c0),
        ...get(r),
        ...get(ldc0),
        ...I32_MUL,
        ...I32_ADD,
        ...set(c0row),
        ...i32(0),
        ...set(jb),
        ...whileNot([...get(jb), ...i32(64), ...I32_ADD, ...get(nb), ...I32_GT_U], block(4)),
        // the last 1-15 columns in one walk of the list: w = ⌈rest/4⌉ vectors, the last of which
        // is stored lane by lane (its lanes past N, read past the row, are not stored)
        ...[4, 3, 2, 1].flatMap((w) => [
          ...get(nb),
          ...get(jb),
          ...[0x6b], // i32.sub
          ...i32(16 * (w - 1)),
          ...I32_GT_U,
          ...IF,
          ...tail(w),
          ...get(nb),
          ...set(jb),
          ...END,
        ]),
        ...END,
        ...inc(r, i32(1)),
      ],
    ),
  ];
  return [
    ...vec(
      [
        [11, I32T],
        [1, F32T],
        [5, V128T],
      ].map(([n, t]) => [...uleb(n), t]),
    ),
    ...body,
    ...END,
  ];
}

/**
 * A pointwise update over [rows, n] with the residual sums: `update(vOld, vU)` pushes the new
 * v128 state from locals, `updateScalar` the same for one float32 (locals sOld, sU).
 */
function pointwiseBody(
  nParams: number,
  update: (old: number, u: number) => number[],
  updateScalar: (old: number, u: number) => number[],
): number[] {
  // params: s u rows n ... res (last)
  const [s, u, rows, n] = [0, 1, 2, 3];
  const res = nParams - 1;
  const L = nParams;
  // locals: i32 r, jb, nb4, nb, sp, up (L..L+5); f32 fo, fu, fn, ft (L+6..L+9); v128 vo, vu, vn, vacc (L+10..L+13)
  const [r, jb, nb4, nb, sp, up] = [L, L + 1, L + 2, L + 3, L + 4, L + 5];
  const [fo, fu, fn, ft] = [L + 6, L + 7, L + 8, L + 9];
  const [vo, vu, vn, vacc] = [L + 10, L + 11, L + 12, L + 13];
  const body = [
    ...get(n),
    ...i32(4),
    ...I32_MUL,
    ...set(nb),
    ...get(n),
    ...i32(-4),
    ...[0x71], // i32.and
    ...i32(4),
    ...I32_MUL,
    ...set(nb4),
    ...i32(0),
    ...set(r),
    ...whileNot(
      [...get(r), ...get(rows), ...I32_GE_U],
      [
        ...V128_ZERO,
        ...set(vacc),
        ...f32(0),
        ...set(ft),
        ...i32(0),
        ...set(jb),
        ...whileNot(
          [...get(jb), ...get(nb4), ...I32_GE_U],
          [
            ...get(s),
            ...get(jb),
            ...I32_ADD,
            ...set(sp),
            ...get(u),
            ...get(jb),
            ...I32_ADD,
            ...set(up),
            ...get(sp),
            ...V_LOAD(0),
            ...set(vo),
            ...get(up),
            ...V_LOAD(0),
            ...set(vu),
            ...update(vo, vu),
            ...set(vn),
            ...get(sp),
            ...get(vn),
            ...V_STORE(0),
            ...get(vacc),
            ...get(vn),
            ...get(vo),
            ...F32X4_SUB,
            ...set(vn),
            ...get(vn),
            ...get(vn),
            ...F32X4_MUL,
            ...F32X4_ADD,
            ...set(vacc),
            ...inc(jb, i32(16)),
          ],
        ),
        ...whileNot(
          [...get(jb), ...get(nb), ...I32_GE_U],
          [
            ...get(s),
            ...get(jb),
            ...I32_ADD,
            ...set(sp),
            ...get(sp),
            ...F32_LOAD(0),
            ...set(fo),
            ...get(u),
            ...get(jb),
            ...I32_ADD,
            ...F32_LOAD(0),
            ...set(fu),
            ...updateScalar(fo, fu),
            ...set(fn),
            ...get(sp),
            ...get(fn),
            ...F32_STORE(0),
            ...get(ft),
            ...get(fn),
            ...get(fo),
            ...F32_SUB,
            ...set(fn),
            ...get(fn),
            ...get(fn),
            ...F32_MUL,
            ...F32_ADD,
            ...set(ft),
            ...inc(jb, i32(4)),
          ],
        ),
        // res[r] += lane0 + lane1 + lane2 + lane3 + tail (float64, in this order)
        ...get(res),
        ...get(res),
        ...F64_LOAD(),
        ...[0, 1, 2, 3].flatMap((lane) => [...get(vacc), ...F32X4_EXTRACT_LANE(lane), ...F64_PROMOTE_F32, ...F64_ADD]),
        ...get(ft),
        ...F64_PROMOTE_F32,
        ...F64_ADD,
        ...F64_STORE(),
        ...inc(res, i32(8)),
        ...inc(s, get(nb)),
        ...inc(u, get(nb)),
        ...inc(r, i32(1)),
      ],
    ),
  ];
  return [
    ...vec(
      [
        [6, I32T],
        [4, F32T],
        [4, V128T],
      ].map(([c, t]) => [...uleb(c), t]),
    ),
    ...body,
    ...END,
  ];
}

const clip4 = (x: number[]) => [...f32x4(0), ...f32x4(1), ...x, ...VMIN, ...VMAX];
const f32x4 = (v: number) => [...f32(v), ...F32X4_SPLAT];
const clip1 = (x: number[]) => [...f32(0), ...f32(1), ...x, ...F32_MIN, ...F32_MAX];

let bytes: Uint8Array<ArrayBuffer> | null = null;

/** The module's bytes (built once). */
export function simdModuleBytes(): Uint8Array<ArrayBuffer> {
  if (bytes) return bytes;
  const ftype = (params: number[]) => [0x60, ...vec(params.map((t) => [t])), 0];
  const types = [
    ftype([I32T, I32T, I32T, I32T, I32T, I32T, I32T, I32T, I32T, I32T, F32T, I32T, I32T, I32T]), // gemm
    ftype([I32T, I32T, I32T, I32T, F32T, I32T]), // euler
    ftype([I32T, I32T, I32T, I32T, F32T, F32T, I32T]), // damped
  ];
  // euler: params s u rows n eps res → eps = 4
  const euler = pointwiseBody(
    6,
    (o, uu) => clip4([...get(o), ...get(4), ...F32X4_SPLAT, ...get(uu), ...get(o), ...F32X4_SUB, ...F32X4_MUL, ...F32X4_ADD]),
    (o, uu) => clip1([...get(o), ...get(4), ...get(uu), ...get(o), ...F32_SUB, ...F32_MUL, ...F32_ADD]),
  );
  // damped: params s u rows n keep g res → keep = 4, g = 5
  const damped = pointwiseBody(
    7,
    (o, uu) => [
      ...get(4),
      ...F32X4_SPLAT,
      ...get(o),
      ...F32X4_MUL,
      ...get(5),
      ...F32X4_SPLAT,
      ...clip4(get(uu)),
      ...F32X4_MUL,
      ...F32X4_ADD,
    ],
    (o, uu) => [...get(4), ...get(o), ...F32_MUL, ...get(5), ...clip1(get(uu)), ...F32_MUL, ...F32_ADD],
  );
  const mod = [
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    ...section(1, vec(types)),
    ...section(2, vec([[...name('e'), ...name('m'), 0x02, 0x00, 0x01]])),
    ...section(3, vec([[0], [1], [2]])),
    ...section(
      7,
      vec([
        [...name('gemm'), 0x00, 0],
        [...name('euler'), 0x00, 1],
        [...name('damped'), 0x00, 2],
      ]),
    ),
    ...section(10, vec([gemmBody(), euler, damped].map((b) => [...uleb(b.length), ...b]))),
  ];
  bytes = Uint8Array.from(mod);
  return bytes;
}
