/** Sizes of the worker-pool browser test, shared by the page and the Node side. */
export const POOL_CASE = {
  rows: 160,
  n: 1024,
  bundleRows: 300,
  cols: 1024,
  // nCols p = 400 entries a row: blocks of 655 rows, 3 blocks
  csr: { nRows: 1500, nCols: 4000, p: 0.1, seed: 7 },
  normals: 600_000,
  normalsSeed: 3,
  // poolMatMul: 3 blocks of rows (n < 256), and 2 slabs of columns of bᵀ (n ≥ 256, m ≤ 4 n)
  matMulRows: { m: 200, k: 70, n: 90, transposeB: false },
  matMulCols: { m: 100, k: 64, n: 300, transposeB: true },
  // SimdArena with a helper thread: 78000 elements ≥ ARENA_BUNDLE_CROSSOVER, 4 column chunks
  arena: { rows: 300, cols: 260, seed: 9 },
} as const;
