/**
 * @internal The bytes of the WebAssembly SIMD module that runs the products and
 * pointwise updates of a relaxation (see dense-arena.ts), assembled here from
 * its instructions (no build step, no binary blob). It imports its memory as
 * e.m; every pointer argument is a byte offset into it, every stride in bytes.
 * Single-threaded; no relaxed-SIMD instructions (f32x4 mul then add, each rounded).
 *
 *   gemm(c, a, b, M, K, N, sar, sak, ldb, ldc, alpha, pairs, c0, ldc0, G)
 *       C[r, j] = C0[r, j] + Σ_k (α·A[r, k]) · B[k, j]  for r < M, j < N, with A[r, k] at a + r·sar + k·sak,
 *       B[k, j] at b + k·ldb + 4j, C[r, j] at c + r·ldc + 4j and C0[r, j] at c0 + r·ldc0 + 4j (C0 = C
 *       to accumulate; ldc0 = 0 broadcasts one row, e.g. a bias), skipping the zero α·A[r, k].
 *       Rows go in groups of G: the non-zero α·A[r, k] of each row of the group are first listed
 *       (branch-free) at `pairs` (a header of G end pointers, then K pairs of 8 bytes per row: B's row
 *       address, the value); then, for each block of 32 columns, every row of the group holds its block
 *       of C in eight registers while its list is walked (so a 32-column slice of B is reused by the
 *       whole group from cache); the last 1-31 columns as ⌈rest/4⌉ vectors whose lanes past N, read
 *       past the row, are not stored. Every C[r, j] receives its terms in increasing k, each product
 *       and sum rounded to float32.
 *   narrow(c, a, b, M, K, N, sar, sak, ldb, ldc, alpha, c0, ldc0)      (N ≤ 12)
 *       the same C = C0 + α·A·B without skipping zeros, for thin B (e.g. 500 × 10): R rows at a time
 *       (R = 4, or 3 when N > 8) hold their ⌈N/4⌉ vectors of C in R·⌈N/4⌉ registers while k runs,
 *       each B row loaded once for the R rows; terms in increasing k, rounded as above.
 *   euler(s, u, rows, n, eps, res, withRes)      s ← clip(s + ε(u − s))        (projected Euler)
 *   damped(s, u, rows, n, keep, g, res, withRes) s ← keep·s + g·clip(u)        (damped hard sigmoid)
 *       on [rows, n] float32 arrays, clip(x) = pmax(pmin(x, 1), 0) (pmin(x, 1) = 1 < x ? 1 : x,
 *       pmax(m, 0) = m < 0 ? 0 : m: a NaN stays NaN). With withRes ≠ 0, res (float64 per row) +=
 *       Σ_j (s_new − s_old)², the squares summed in four float32 lanes (j mod 4 over the first
 *       4⌊n/4⌋ columns) and one float32 tail, added to res in float64 in the order lane 0, 1, 2, 3, tail.
 *   gemmEuler(s, a, b, M, K, N, sar, sak, ldb, alpha, pairs, c0, ldc0, eps, res, withRes)
 *   gemmDamped(s, a, b, M, K, N, sar, sak, ldb, alpha, pairs, c0, ldc0, keep, g, res, withRes)
 *       u = C0 + α·A·B as gemm computes it (row by row, ldc = 4N) fused with the update of s [M, N]
 *       by u: each block of u is used from registers, never stored (the same bits as gemm into u,
 *       then euler or damped).
 *   dot(c, a, p, M, K, N, lda, ldc, c0, ldc0)   C = C0 + A·B as dot products along k (thin B, packed; see dotFunction)
 *   sub(d, a, b, n)      d = a − b on n float32 values
 *   finite(x, n) → i32   1 when every x_i is finite (Σ x_i·0 = 0), else 0
 */

import {
  BLOCK,
  BR,
  BR_IF,
  END,
  F32_ADD,
  F32_LOAD,
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
  I32_AND,
  I32_GE_U,
  I32_GT_U,
  I32_LOAD,
  I32_LT_U,
  I32_MUL,
  I32_SHL,
  I32_SHR_U,
  I32_STORE,
  I32_SUB,
  I32T,
  IF,
  LOOP,
  V128_ZERO,
  V128T,
  f32,
  get,
  i32,
  mem,
  moduleBytes,
  set,
  simd,
  type WasmFunction,
} from '@neurite/tensor/wasm-encoding';

// The instructions only this module uses (v128 loads and stores hint 4-byte alignment).
const V_LOAD = mem(simd(0x00), 2);
const V_LOAD32_SPLAT = mem(simd(0x09), 2);
const V_STORE = mem(simd(0x0b), 2);
const PMIN = simd(0xea);
const PMAX = simd(0xeb);
const SELECT = [0x1b];
const F32_LT = [0x5d];
const I32_NE = [0x47];
const I32_OR = [0x72];
const I32_LE_U = [0x4d];
const ELSE = [0x05];

/** `while (!exitIf) body` as block/loop: `exitIf` leaves when it pushes true. */
const whileNot = (exitIf: number[], body: number[]) => [...BLOCK, ...LOOP, ...exitIf, ...BR_IF(1), ...body, ...BR(0), ...END, ...END];
const inc = (l: number, by: number[]) => [...get(l), ...by, ...I32_ADD, ...set(l)];
const add = (...xs: number[][]) => [...xs[0], ...xs.slice(1).flatMap((x) => [...x, ...I32_ADD])];
const mul = (x: number[], y: number[]) => [...x, ...y, ...I32_MUL];

/** Locals numbered after the parameters, declared one by one. */
function frame(params: number[]) {
  const locals: number[] = [];
  return {
    local: (t: number) => params.length + locals.push(t) - 1,
    locals: () => locals.map((t): [number, number] => [1, t]),
  };
}

/** clip(x) = pmax(pmin(x, 1), 0) on a vector, with the splats of 1 and 0 in locals. */
const clip4 = (x: number[], one: number, zero: number) => [...x, ...get(one), ...PMIN, ...get(zero), ...PMAX];
/** The same on a float32: m = 1 < x ? 1 : x, then m < 0 ? 0 : m (x in local `t`, which is overwritten). */
const clip1 = (x: number[], t: number) => [
  ...x,
  ...set(t),
  ...f32(1),
  ...get(t),
  ...f32(1),
  ...get(t),
  ...F32_LT,
  ...SELECT,
  ...set(t),
  ...f32(0),
  ...get(t),
  ...get(t),
  ...f32(0),
  ...F32_LT,
  ...SELECT,
];

/** A rule's code: the new state from the old one (a local) and u (pushed), as a vector and as a float32; `init` splats its parameters. */
interface RuleCode {
  vec: (old: number, u: number[]) => number[];
  scalar: (old: number, u: number[]) => number[];
  init: number[];
}

/** A pointwise rule: its parameter count (float32, after the rest of the signature) and its code given their locals. */
interface Rule {
  params: number;
  setup(p: number[], f: ReturnType<typeof frame>): RuleCode;
}

const EULER: Rule = {
  params: 1,
  setup([eps], f) {
    const [ve, one, zero, t] = [f.local(V128T), f.local(V128T), f.local(V128T), f.local(F32T)];
    return {
      vec: (old, u) => clip4([...get(old), ...get(ve), ...u, ...get(old), ...F32X4_SUB, ...F32X4_MUL, ...F32X4_ADD], one, zero),
      scalar: (old, u) => clip1([...get(old), ...get(eps), ...u, ...get(old), ...F32_SUB, ...F32_MUL, ...F32_ADD], t),
      init: [...get(eps), ...F32X4_SPLAT, ...set(ve), ...f32(1), ...F32X4_SPLAT, ...set(one), ...V128_ZERO, ...set(zero)],
    };
  },
};

const DAMPED: Rule = {
  params: 2,
  setup([keep, g], f) {
    const [vk, vg, one, zero, t] = [f.local(V128T), f.local(V128T), f.local(V128T), f.local(V128T), f.local(F32T)];
    return {
      vec: (old, u) => [...get(vk), ...get(old), ...F32X4_MUL, ...get(vg), ...clip4(u, one, zero), ...F32X4_MUL, ...F32X4_ADD],
      scalar: (old, u) => [...get(keep), ...get(old), ...F32_MUL, ...get(g), ...clip1(u, t), ...F32_MUL, ...F32_ADD],
      init: [
        ...get(keep),
        ...F32X4_SPLAT,
        ...set(vk),
        ...get(g),
        ...F32X4_SPLAT,
        ...set(vg),
        ...f32(1),
        ...F32X4_SPLAT,
        ...set(one),
        ...V128_ZERO,
        ...set(zero),
      ],
    };
  },
};

/**
 * Apply `rule` to the vector at s + off (u pushed by `u`), store it, and (when `withRes`) add its
 * squared change to the lane sums `vacc`.
 */
function updateVec(rc: RuleCode, sp: number[], u: number[], vo: number, vn: number, vacc: number, withRes: boolean): number[] {
  return [
    ...sp,
    ...V_LOAD(0),
    ...set(vo),
    ...rc.vec(vo, u),
    ...set(vn),
    ...sp,
    ...get(vn),
    ...V_STORE(0),
    ...(withRes
      ? [...get(vacc), ...get(vn), ...get(vo), ...F32X4_SUB, ...set(vn), ...get(vn), ...get(vn), ...F32X4_MUL, ...F32X4_ADD, ...set(vacc)]
      : []),
  ];
}

/** The scalar counterpart of {@link updateVec} on the float32 at sp, with the tail sum `ft`. */
function updateScalar(rc: RuleCode, sp: number[], u: number[], fo: number, fn: number, ft: number, withRes: boolean): number[] {
  return [
    ...sp,
    ...F32_LOAD(0),
    ...set(fo),
    ...rc.scalar(fo, u),
    ...set(fn),
    ...sp,
    ...get(fn),
    ...F32_STORE(0),
    ...(withRes
      ? [...get(ft), ...get(fn), ...get(fo), ...F32_SUB, ...set(fn), ...get(fn), ...get(fn), ...F32_MUL, ...F32_ADD, ...set(ft)]
      : []),
  ];
}

/** res[row] += lane0 + lane1 + lane2 + lane3 + tail (float64, in this order). */
const addResidual = (resp: number, vacc: number, ft: number) => [
  ...get(resp),
  ...get(resp),
  ...F64_LOAD(),
  ...[0, 1, 2, 3].flatMap((lane) => [...get(vacc), ...F32X4_EXTRACT_LANE(lane), ...F64_PROMOTE_F32, ...F64_ADD]),
  ...get(ft),
  ...F64_PROMOTE_F32,
  ...F64_ADD,
  ...F64_STORE(),
];

/** Locals nb = 4·n and nb4 = 4·(n rounded down to a multiple of 4): the bytes of a row of n float32 and of its 4-wide blocks. */
const rowBytes = (n: number, nb: number, nb4: number) => [
  ...mul(get(n), i32(4)),
  ...set(nb),
  ...get(n),
  ...i32(-4),
  ...I32_AND,
  ...i32(4),
  ...I32_MUL,
  ...set(nb4),
];

/** The row loop twice, `rowLoop(true)` (summing residuals) when the i32 parameter `withRes` is set, else `rowLoop(false)`: no test per value. */
const byResidual = (withRes: number, rowLoop: (wr: boolean) => number[]) => [
  ...get(withRes),
  ...IF,
  ...rowLoop(true),
  ...ELSE,
  ...rowLoop(false),
  ...END,
];

/** euler / damped: params s u rows n <rule params> res withRes. */
function pointwise(name: string, rule: Rule): WasmFunction {
  const params = [I32T, I32T, I32T, I32T, ...new Array<number>(rule.params).fill(F32T), I32T, I32T];
  const f = frame(params);
  const [s, u, rows, n] = [0, 1, 2, 3];
  const rp = Array.from({ length: rule.params }, (_, i) => 4 + i);
  const res = 4 + rule.params;
  const withRes = res + 1;
  const rc = rule.setup(rp, f);
  const [r, jb, nb4, nb, sp] = [f.local(I32T), f.local(I32T), f.local(I32T), f.local(I32T), f.local(I32T)];
  const [fo, fn, ft] = [f.local(F32T), f.local(F32T), f.local(F32T)];
  const [vo, vn, vacc] = [f.local(V128T), f.local(V128T), f.local(V128T)];
  const rowLoop = (wr: boolean) =>
    whileNot(
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
            ...updateVec(rc, add(get(s), get(jb)), [...get(u), ...get(jb), ...I32_ADD, ...V_LOAD(0)], vo, vn, vacc, wr),
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
            ...updateScalar(rc, get(sp), [...get(u), ...get(jb), ...I32_ADD, ...F32_LOAD(0)], fo, fn, ft, wr),
            ...inc(jb, i32(4)),
          ],
        ),
        ...(wr ? [...addResidual(res, vacc, ft), ...inc(res, i32(8))] : []),
        ...inc(s, get(nb)),
        ...inc(u, get(nb)),
        ...inc(r, i32(1)),
      ],
    );
  const body = [...rc.init, ...rowBytes(n, nb, nb4), ...i32(0), ...set(r), ...byResidual(withRes, rowLoop)];
  return { name, params, results: [], locals: f.locals(), body };
}

/**
 * The branch-free list of the non-zero α·A[r, k] of one row: pairs (address of B's row k, value) from `q`,
 * leaving in `q` the end of the list.
 */
function listRow(
  L: { p: number; q: number; k: number; kb: number; v: number },
  P: { a: number[]; K: number; sak: number; ldb: number; alpha: number; b: number },
): number[] {
  const { p, q, k, kb, v } = L;
  return [
    ...P.a,
    ...set(p),
    ...i32(0),
    ...set(k),
    ...get(P.b),
    ...set(kb),
    ...whileNot(
      [...get(k), ...get(P.K), ...I32_GE_U],
      [
        ...get(p),
        ...F32_LOAD(0),
        ...get(P.alpha),
        ...F32_MUL,
        ...set(v),
        ...get(q),
        ...get(kb),
        ...I32_STORE(0),
        ...get(q),
        ...get(v),
        ...F32_STORE(4),
        ...get(q),
        ...get(v),
        ...f32(0),
        ...F32_NE,
        ...i32(3),
        ...I32_SHL,
        ...I32_ADD,
        ...set(q),
        ...inc(k, i32(1)),
        ...inc(p, get(P.sak)),
        ...inc(kb, get(P.ldb)),
      ],
    ),
  ];
}

/**
 * One block of `w` vectors of C for one row: the accumulators start from C0 (at c0p + jb), walk the
 * pairs [qs, qe), and are left in accs[0..w).
 */
function walkBlock(
  w: number,
  L: { q: number; pb: number; vs: number; accs: number[] },
  P: { jb: number; c0p: number[]; qs: number[]; qe: number },
): number[] {
  const { q, pb, vs, accs } = L;
  return [
    ...accs.slice(0, w).flatMap((acc, i) => [...P.c0p, ...get(P.jb), ...I32_ADD, ...V_LOAD(16 * i), ...set(acc)]),
    ...P.qs,
    ...set(q),
    ...whileNot(
      [...get(q), ...get(P.qe), ...I32_GE_U],
      [
        ...get(q),
        ...V_LOAD32_SPLAT(4),
        ...set(vs),
        ...get(q),
        ...I32_LOAD(0),
        ...get(P.jb),
        ...I32_ADD,
        ...set(pb),
        ...accs
          .slice(0, w)
          .flatMap((acc, i) => [...get(acc), ...get(vs), ...get(pb), ...V_LOAD(16 * i), ...F32X4_MUL, ...F32X4_ADD, ...set(acc)]),
        ...inc(q, i32(8)),
      ],
    ),
  ];
}

/** Store lane by lane the lanes of `acc` (the vector at byte `at` of the row) that lie before nb. */
const storeLanes = (rowp: number[], jb: number, at: number, acc: number, nb: number) =>
  [0, 1, 2, 3].flatMap((lane) => {
    const store = [...rowp, ...get(jb), ...I32_ADD, ...get(acc), ...F32X4_EXTRACT_LANE(lane), ...F32_STORE(at + 4 * lane)];
    return lane === 0 ? store : [...get(jb), ...i32(at + 4 * lane), ...I32_ADD, ...get(nb), ...I32_LT_U, ...IF, ...store, ...END];
  });

function gemmFunction(): WasmFunction {
  // params: c a b M K N sar sak ldb ldc (i32) alpha (f32) pairs c0 ldc0 G (i32)
  const params = [I32T, I32T, I32T, I32T, I32T, I32T, I32T, I32T, I32T, I32T, F32T, I32T, I32T, I32T, I32T];
  const [c, a, b, M, K, N, sar, sak, ldb, ldc, alpha, pairs, c0, ldc0, G] = params.map((_, i) => i);
  const f = frame(params);
  const [rg, gn, i, p, q, k, kb, pb, jb, jt, nb, base, rowBytes, qs, qe, crow, c0row] = Array.from({ length: 17 }, () => f.local(I32T));
  const v = f.local(F32T);
  const vs = f.local(V128T);
  const accs = Array.from({ length: 8 }, () => f.local(V128T));
  /** For each row i of the group whose list is non-empty (or C0 ≠ C): set qs, qe, crow, c0row, run `body`. */
  const eachRow = (body: number[]) => [
    ...i32(0),
    ...set(i),
    ...whileNot(
      [...get(i), ...get(gn), ...I32_GE_U],
      [
        ...add(get(base), mul(get(i), get(rowBytes))),
        ...set(qs),
        ...add(get(pairs), mul(get(i), i32(4))),
        ...I32_LOAD(0),
        ...set(qe),
        ...get(qe),
        ...get(qs),
        ...I32_GT_U,
        ...get(c0),
        ...get(c),
        ...I32_NE,
        ...I32_OR,
        ...IF,
        ...add(get(c), mul(add(get(rg), get(i)), get(ldc))),
        ...set(crow),
        ...add(get(c0), mul(add(get(rg), get(i)), get(ldc0))),
        ...set(c0row),
        ...body,
        ...END,
        ...inc(i, i32(1)),
      ],
    ),
  ];
  const P = { jb, c0p: get(c0row), qs: get(qs), qe };
  const L = { q, pb, vs, accs };
  const full = [
    ...walkBlock(8, L, P),
    ...accs.flatMap((acc, j) => [...get(crow), ...get(jb), ...I32_ADD, ...get(acc), ...V_STORE(16 * j)]),
  ];
  // the last 1-31 columns of a row from jb: w = ⌈rest/4⌉ vectors, the last stored lane by lane while inside the row
  const PT = { ...P, jb: jt };
  const tails = [
    ...get(jb),
    ...set(jt),
    ...[8, 7, 6, 5, 4, 3, 2, 1].flatMap((w) => [
      ...get(nb),
      ...get(jt),
      ...I32_SUB,
      ...i32(16 * (w - 1)),
      ...I32_GT_U,
      ...IF,
      ...walkBlock(w, L, PT),
      ...accs.slice(0, w - 1).flatMap((acc, j) => [...get(crow), ...get(jt), ...I32_ADD, ...get(acc), ...V_STORE(16 * j)]),
      ...storeLanes(get(crow), jt, 16 * (w - 1), accs[w - 1], nb),
      ...get(nb),
      ...set(jt),
      ...END,
    ]),
  ];
  const body = [
    ...mul(get(N), i32(4)),
    ...set(nb),
    ...mul(get(K), i32(8)),
    ...set(rowBytes),
    ...add(get(pairs), mul(get(G), i32(4)), i32(7)),
    ...i32(-8),
    ...I32_AND, // 8-byte aligned lists
    ...set(base),
    ...i32(0),
    ...set(rg),
    ...whileNot(
      [...get(rg), ...get(M), ...I32_GE_U],
      [
        // gn = min(G, M − rg)
        ...get(G),
        ...get(M),
        ...get(rg),
        ...I32_SUB,
        ...get(G),
        ...get(M),
        ...get(rg),
        ...I32_SUB,
        ...I32_LT_U,
        ...SELECT,
        ...set(gn),
        // list each row's non-zero terms
        ...i32(0),
        ...set(i),
        ...whileNot(
          [...get(i), ...get(gn), ...I32_GE_U],
          [
            ...add(get(base), mul(get(i), get(rowBytes))),
            ...set(q),
            ...listRow({ p, q, k, kb, v }, { a: add(get(a), mul(add(get(rg), get(i)), get(sar))), K, sak, ldb, alpha, b }),
            ...add(get(pairs), mul(get(i), i32(4))),
            ...get(q),
            ...I32_STORE(0),
            ...inc(i, i32(1)),
          ],
        ),
        // blocks of 32 columns, each for every row of the group
        ...i32(0),
        ...set(jb),
        ...whileNot([...get(jb), ...i32(128), ...I32_ADD, ...get(nb), ...I32_GT_U], [...eachRow(full), ...inc(jb, i32(128))]),
        // the rest, row by row (jb stays at the first column of the rest)
        ...get(jb),
        ...get(nb),
        ...I32_LT_U,
        ...IF,
        ...eachRow(tails),
        ...END,
        ...inc(rg, get(gn)),
      ],
    ),
  ];
  return { name: 'gemm', params, results: [], locals: f.locals(), body };
}

function narrowFunction(): WasmFunction {
  // params: c a b M K N sar sak ldb ldc (i32) alpha (f32) c0 ldc0 (i32)
  const params = [I32T, I32T, I32T, I32T, I32T, I32T, I32T, I32T, I32T, I32T, F32T, I32T, I32T];
  const [c, a, b, M, K, N, sar, sak, ldb, ldc, alpha, c0, ldc0] = params.map((_, i) => i);
  const f = frame(params);
  const [r, k, pbk, nb, w] = [f.local(I32T), f.local(I32T), f.local(I32T), f.local(I32T), f.local(I32T)];
  const pa = [f.local(I32T), f.local(I32T), f.local(I32T), f.local(I32T)];
  const valpha = f.local(V128T);
  const sv = f.local(V128T);
  const wv = [f.local(V128T), f.local(V128T), f.local(V128T)];
  const acc = Array.from({ length: 4 }, () => [f.local(V128T), f.local(V128T), f.local(V128T)]);
  /** R rows from r with W = ⌈N/4⌉ = `W` vectors; `scaled` multiplies A by α. */
  const rows = (R: number, W: number, scaled: boolean) => [
    ...Array.from({ length: R }, (_, ri) => [
      ...add(get(a), mul(add(get(r), i32(ri)), get(sar))),
      ...set(pa[ri]),
      ...Array.from({ length: W }, (_, j) => [
        ...add(get(c0), mul(add(get(r), i32(ri)), get(ldc0))),
        ...V_LOAD(16 * j),
        ...set(acc[ri][j]),
      ]).flat(),
    ]).flat(),
    ...get(b),
    ...set(pbk),
    ...i32(0),
    ...set(k),
    ...whileNot(
      [...get(k), ...get(K), ...I32_GE_U],
      [
        ...Array.from({ length: W }, (_, j) => [...get(pbk), ...V_LOAD(16 * j), ...set(wv[j])]).flat(),
        ...Array.from({ length: R }, (_, ri) => [
          ...get(pa[ri]),
          ...V_LOAD32_SPLAT(0),
          ...(scaled ? [...get(valpha), ...F32X4_MUL] : []),
          ...set(sv),
          ...Array.from({ length: W }, (_, j) => [
            ...get(acc[ri][j]),
            ...get(sv),
            ...get(wv[j]),
            ...F32X4_MUL,
            ...F32X4_ADD,
            ...set(acc[ri][j]),
          ]).flat(),
          ...inc(pa[ri], get(sak)),
        ]).flat(),
        ...inc(pbk, get(ldb)),
        ...inc(k, i32(1)),
      ],
    ),
    ...Array.from({ length: R }, (_, ri) => {
      const rowp = add(get(c), mul(add(get(r), i32(ri)), get(ldc)));
      return [
        ...Array.from({ length: W - 1 }, (_, j) => [...rowp, ...get(acc[ri][j]), ...V_STORE(16 * j)]).flat(),
        ...storeLanesFrom0(rowp, 16 * (W - 1), acc[ri][W - 1], nb),
      ];
    }).flat(),
    ...inc(r, i32(R)),
  ];
  /** Lanes of the vector at byte `at` of a row that lie before nb (lane 0 always does). */
  function storeLanesFrom0(rowp: number[], at: number, v: number, nbl: number): number[] {
    return [0, 1, 2, 3].flatMap((lane) => {
      const store = [...rowp, ...get(v), ...F32X4_EXTRACT_LANE(lane), ...F32_STORE(at + 4 * lane)];
      return lane === 0 ? store : [...i32(at + 4 * lane), ...get(nbl), ...I32_LT_U, ...IF, ...store, ...END];
    });
  }
  const forWidth = (W: number, scaled: boolean) => {
    const R = W === 3 ? 3 : 4;
    return [
      ...whileNot([...get(r), ...i32(R), ...I32_ADD, ...get(M), ...I32_GT_U], rows(R, W, scaled)),
      ...whileNot([...get(r), ...get(M), ...I32_GE_U], rows(1, W, scaled)),
    ];
  };
  const byWidth = (scaled: boolean) => [1, 2, 3].flatMap((W) => [...get(w), ...i32(W), ...[0x46], ...IF, ...forWidth(W, scaled), ...END]); // i32.eq
  const body = [
    ...mul(get(N), i32(4)),
    ...set(nb),
    ...get(N),
    ...i32(3),
    ...I32_ADD,
    ...i32(2),
    ...I32_SHR_U,
    ...set(w),
    ...get(alpha),
    ...F32X4_SPLAT,
    ...set(valpha),
    ...i32(0),
    ...set(r),
    ...get(alpha),
    ...f32(1),
    ...[0x5b], // f32.eq
    ...IF,
    ...byWidth(false),
    ...ELSE,
    ...byWidth(true),
    ...END,
  ];
  return { name: 'narrow', params, results: [], locals: f.locals(), body };
}

/** gemmEuler / gemmDamped: params s a b M K N sar sak ldb (i32) alpha (f32) pairs c0 ldc0 (i32) <rule params> res withRes. */
function fusedFunction(name: string, rule: Rule): WasmFunction {
  const params = [
    I32T,
    I32T,
    I32T,
    I32T,
    I32T,
    I32T,
    I32T,
    I32T,
    I32T,
    F32T,
    I32T,
    I32T,
    I32T,
    ...new Array<number>(rule.params).fill(F32T),
    I32T,
    I32T,
  ];
  const [s, a, b, M, K, N, sar, sak, ldb, alpha, pairs, c0, ldc0] = params.map((_, i) => i);
  const rp = Array.from({ length: rule.params }, (_, i) => 13 + i);
  const res = 13 + rule.params;
  const withRes = res + 1;
  const f = frame(params);
  const rc = rule.setup(rp, f);
  const [r, p, q, k, kb, pb, jb, nb, nb4, srow, c0row, qe, resp] = Array.from({ length: 13 }, () => f.local(I32T));
  const v = f.local(F32T);
  const [fo, fn, ft, fu] = [f.local(F32T), f.local(F32T), f.local(F32T), f.local(F32T)];
  const vs = f.local(V128T);
  const accs = [f.local(V128T), f.local(V128T), f.local(V128T), f.local(V128T)];
  const [vo, vn, vacc] = [f.local(V128T), f.local(V128T), f.local(V128T)];
  const P = { jb, c0p: get(c0row), qs: get(pairs), qe };
  const L = { q, pb, vs, accs };
  const sAt = (off: number) => [...get(srow), ...get(jb), ...I32_ADD, ...(off ? [...i32(off), ...I32_ADD] : [])];
  const rowLoop = (wr: boolean) =>
    whileNot(
      [...get(r), ...get(M), ...I32_GE_U],
      [
        ...get(pairs),
        ...set(q),
        ...listRow({ p, q, k, kb, v }, { a: add(get(a), mul(get(r), get(sar))), K, sak, ldb, alpha, b }),
        ...get(q),
        ...set(qe),
        ...add(get(s), mul(get(r), get(nb))),
        ...set(srow),
        ...add(get(c0), mul(get(r), get(ldc0))),
        ...set(c0row),
        ...V128_ZERO,
        ...set(vacc),
        ...f32(0),
        ...set(ft),
        ...i32(0),
        ...set(jb),
        // blocks of 16 columns
        ...whileNot(
          [...get(jb), ...i32(64), ...I32_ADD, ...get(nb), ...I32_GT_U],
          [...walkBlock(4, L, P), ...accs.flatMap((acc, j) => updateVec(rc, sAt(16 * j), get(acc), vo, vn, vacc, wr)), ...inc(jb, i32(64))],
        ),
        // the rest: whole vectors while inside 4⌊n/4⌋, then the scalar tail (n mod 4 columns)
        ...[4, 3, 2, 1].flatMap((w) => [
          ...get(nb),
          ...get(jb),
          ...I32_SUB,
          ...i32(16 * (w - 1)),
          ...I32_GT_U,
          ...IF,
          ...walkBlock(w, L, P),
          ...accs
            .slice(0, w)
            .flatMap((acc, j) => [
              ...get(jb),
              ...i32(16 * j + 16),
              ...I32_ADD,
              ...get(nb4),
              ...I32_LE_U,
              ...IF,
              ...updateVec(rc, sAt(16 * j), get(acc), vo, vn, vacc, wr),
              ...ELSE,
              ...[0, 1, 2].flatMap((lane) => [
                ...get(jb),
                ...i32(16 * j + 4 * lane),
                ...I32_ADD,
                ...get(nb),
                ...I32_LT_U,
                ...IF,
                ...get(acc),
                ...F32X4_EXTRACT_LANE(lane),
                ...set(fu),
                ...updateScalar(rc, sAt(16 * j + 4 * lane), get(fu), fo, fn, ft, wr),
                ...END,
              ]),
              ...END,
            ]),
          ...get(nb),
          ...set(jb),
          ...END,
        ]),
        ...(wr ? [...addResidual(resp, vacc, ft), ...inc(resp, i32(8))] : []),
        ...inc(r, i32(1)),
      ],
    );
  const body = [...rc.init, ...rowBytes(N, nb, nb4), ...get(res), ...set(resp), ...i32(0), ...set(r), ...byResidual(withRes, rowLoop)];
  return { name, params, results: [], locals: f.locals(), body };
}

/**
 * dot(c, a, p, M, K, N, lda, ldc, c0, ldc0): C = C0 + A·B for K a multiple of 4 and B packed by
 * packPanel's layout (gemm.ts) (p[((k/4)·N + j)·4 + k mod 4] = B[k, j]), as dot products along k:
 * R = 2 rows × up to 5 columns of C in ten registers of four k-lanes each, A's rows and P read once
 * per tile. C[r, j] = fround(C0[r, j] + fround(fround(L0 + L1) + fround(L2 + L3))) with
 * L_q = Σ_{k ≡ q mod 4} A[r, k]·B[k, j] summed in float32 in increasing k (each product rounded).
 */
function dotFunction(): WasmFunction {
  const params = [I32T, I32T, I32T, I32T, I32T, I32T, I32T, I32T, I32T, I32T];
  const [c, a, p, M, K, N, lda, ldc, c0, ldc0] = params.map((_, i) => i);
  const f = frame(params);
  const [r, j0, wj, pp, pend, kstep, nrem] = Array.from({ length: 7 }, () => f.local(I32T));
  const pa = [f.local(I32T), f.local(I32T)];
  const av = [f.local(V128T), f.local(V128T)];
  const bv = f.local(V128T);
  const acc = [0, 1].map(() => Array.from({ length: 5 }, () => f.local(V128T)));
  /** R rows from r, W columns from j0. */
  const tile = (R: number, W: number) => [
    ...Array.from({ length: R }, (_, ri) => [
      ...add(get(a), mul(add(get(r), i32(ri)), get(lda))),
      ...set(pa[ri]),
      ...Array.from({ length: W }, (_, j) => [...V128_ZERO, ...set(acc[ri][j])]).flat(),
    ]).flat(),
    ...add(get(p), mul(get(j0), i32(16))),
    ...set(pp),
    ...add(get(pp), mul(mul(get(K), get(N)), i32(4))),
    ...set(pend), // P holds K/4 blocks of 16·N bytes: 4·K·N bytes
    ...whileNot(
      [...get(pp), ...get(pend), ...I32_GE_U],
      [
        ...Array.from({ length: R }, (_, ri) => [...get(pa[ri]), ...V_LOAD(0), ...set(av[ri])]).flat(),
        ...Array.from({ length: W }, (_, j) => [
          ...get(pp),
          ...V_LOAD(16 * j),
          ...set(bv),
          ...Array.from({ length: R }, (_, ri) => [
            ...get(acc[ri][j]),
            ...get(av[ri]),
            ...get(bv),
            ...F32X4_MUL,
            ...F32X4_ADD,
            ...set(acc[ri][j]),
          ]).flat(),
        ]).flat(),
        ...Array.from({ length: R }, (_, ri) => inc(pa[ri], i32(16))).flat(),
        ...inc(pp, get(kstep)),
      ],
    ),
    ...Array.from({ length: R }, (_, ri) =>
      Array.from({ length: W }, (_, j) => {
        const col = mul(add(get(j0), i32(j)), i32(4));
        return [
          // C[r, j] = C0 + ((L0 + L1) + (L2 + L3))
          ...add(get(c), mul(add(get(r), i32(ri)), get(ldc)), col),
          ...add(get(c0), mul(add(get(r), i32(ri)), get(ldc0)), col),
          ...F32_LOAD(0),
          ...get(acc[ri][j]),
          ...F32X4_EXTRACT_LANE(0),
          ...get(acc[ri][j]),
          ...F32X4_EXTRACT_LANE(1),
          ...F32_ADD,
          ...get(acc[ri][j]),
          ...F32X4_EXTRACT_LANE(2),
          ...get(acc[ri][j]),
          ...F32X4_EXTRACT_LANE(3),
          ...F32_ADD,
          ...F32_ADD,
          ...F32_ADD,
          ...F32_STORE(0),
        ];
      }).flat(),
    ).flat(),
  ];
  /** All column passes of up to 5 for R rows from r. */
  const passes = (R: number) => [
    ...i32(0),
    ...set(j0),
    ...whileNot(
      [...get(j0), ...get(N), ...I32_GE_U],
      [
        // wj = min(5, N − j0)
        ...get(N),
        ...get(j0),
        ...I32_SUB,
        ...set(nrem),
        ...i32(5),
        ...get(nrem),
        ...i32(5),
        ...get(nrem),
        ...I32_LT_U,
        ...SELECT,
        ...set(wj),
        ...[1, 2, 3, 4, 5].flatMap((W) => [...get(wj), ...i32(W), ...[0x46], ...IF, ...tile(R, W), ...END]), // i32.eq
        ...inc(j0, get(wj)),
      ],
    ),
    ...inc(r, i32(R)),
  ];
  const body = [
    ...mul(get(N), i32(16)),
    ...set(kstep),
    ...i32(0),
    ...set(r),
    ...whileNot([...get(r), ...i32(2), ...I32_ADD, ...get(M), ...I32_GT_U], passes(2)),
    ...whileNot([...get(r), ...get(M), ...I32_GE_U], passes(1)),
  ];
  return { name: 'dot', params, results: [], locals: f.locals(), body };
}

/** sub(d, a, b, n): d = a − b on n float32 values (float32 rounding; d may be a or b). */
function subFunction(): WasmFunction {
  const params = [I32T, I32T, I32T, I32T];
  const [d, a, b, n] = [0, 1, 2, 3];
  const f = frame(params);
  const [o, nb, nb4] = [f.local(I32T), f.local(I32T), f.local(I32T)];
  const at = (p: number) => add(get(p), get(o));
  const body = [
    ...mul(get(n), i32(4)),
    ...set(nb),
    ...get(nb),
    ...i32(-16),
    ...I32_AND,
    ...set(nb4),
    ...i32(0),
    ...set(o),
    ...whileNot(
      [...get(o), ...get(nb4), ...I32_GE_U],
      [...at(d), ...at(a), ...V_LOAD(0), ...at(b), ...V_LOAD(0), ...F32X4_SUB, ...V_STORE(0), ...inc(o, i32(16))],
    ),
    ...whileNot(
      [...get(o), ...get(nb), ...I32_GE_U],
      [...at(d), ...at(a), ...F32_LOAD(0), ...at(b), ...F32_LOAD(0), ...F32_SUB, ...F32_STORE(0), ...inc(o, i32(4))],
    ),
  ];
  return { name: 'sub', params, results: [], locals: f.locals(), body };
}

/** finite(x, n) → 1 when all n float32 values are finite, else 0 (Σ x·0 in four lanes is 0 exactly then, NaN otherwise). */
function finiteFunction(): WasmFunction {
  const params = [I32T, I32T];
  const [x, n] = [0, 1];
  const f = frame(params);
  const [o, nb, nb4] = [f.local(I32T), f.local(I32T), f.local(I32T)];
  const [acc, zero] = [f.local(V128T), f.local(V128T)];
  const ft = f.local(F32T);
  const body = [
    ...V128_ZERO,
    ...set(acc),
    ...V128_ZERO,
    ...set(zero),
    ...f32(0),
    ...set(ft),
    ...mul(get(n), i32(4)),
    ...set(nb),
    ...get(nb),
    ...i32(-16),
    ...I32_AND,
    ...set(nb4),
    ...i32(0),
    ...set(o),
    ...whileNot(
      [...get(o), ...get(nb4), ...I32_GE_U],
      [...get(acc), ...add(get(x), get(o)), ...V_LOAD(0), ...get(zero), ...F32X4_MUL, ...F32X4_ADD, ...set(acc), ...inc(o, i32(16))],
    ),
    ...whileNot(
      [...get(o), ...get(nb), ...I32_GE_U],
      [...get(ft), ...add(get(x), get(o)), ...F32_LOAD(0), ...f32(0), ...F32_MUL, ...F32_ADD, ...set(ft), ...inc(o, i32(4))],
    ),
    ...[0, 1, 2, 3].flatMap((lane) => [...get(ft), ...get(acc), ...F32X4_EXTRACT_LANE(lane), ...F32_ADD, ...set(ft)]),
    ...get(ft),
    ...f32(0),
    ...[0x5b], // f32.eq (false for NaN)
  ];
  return { name: 'finite', params, results: [I32T], locals: f.locals(), body };
}

let bytes: Uint8Array<ArrayBuffer> | null = null;

/** The module's bytes (built once). */
export function simdModuleBytes(): Uint8Array<ArrayBuffer> {
  bytes ??= moduleBytes([
    gemmFunction(),
    narrowFunction(),
    pointwise('euler', EULER),
    pointwise('damped', DAMPED),
    fusedFunction('gemmEuler', EULER),
    fusedFunction('gemmDamped', DAMPED),
    subFunction(),
    finiteFunction(),
    dotFunction(),
  ]);
  return bytes;
}
