/**
 * The internal contract of a complex FFT of one length `n` (interleaved
 * complex numbers `[re0, im0, re1, im1, ...]`, float64 arithmetic).
 *
 * forward: X[k] = sum_t x[t] e^{-2 pi i k t / n}
 * inverse: x[t] = (1/n) sum_k X[k] e^{+2 pi i k t / n}
 *
 * `run` reads 2n numbers of `inp` from `inOff` and writes 2n numbers of `out`
 * from `outOff`. `out` must not overlap the input range. Engines own their work
 * buffers, so a call allocates nothing (and engines are not re-entrant).
 * @internal
 */
export interface FftEngine {
  readonly n: number;
  run(inp: ArrayLike<number>, inOff: number, out: Float64Array, outOff: number, inverse: boolean): void;
}
