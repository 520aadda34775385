import { doubleArray } from './double-array.js';

/** One Stockham pass of the mixed-radix FFT. @internal */
export interface Stage {
  radix: number;
  /** Product of the radices of the earlier stages (the sub-transform length). */
  ns: number;
  /**
   * Twiddles e^{-2 pi i r s / (ns radix)}, r = 1..radix-1, s = 0..ns-1, interleaved
   * [re, im] at 2 * (s*(radix-1) + r-1).
   */
  tw: number[];
  /** For a generic odd radix: cos / sin(2 pi k / radix), k = 0..radix-1. */
  cos?: number[];
  sin?: number[];
}

/**
 * The stages of a length-n transform with the given radices (in pass order):
 * twiddles e^{-2 pi i r s / (Ns R)} per stage and, for a generic odd radix R,
 * cos / sin(2 pi k / R).
 * @internal
 */
export function stockhamStages(radices: readonly number[]): Stage[] {
  const stages: Stage[] = [];
  let ns = 1;
  for (const radix of radices) {
    const tw = doubleArray(2 * ns * (radix - 1));
    for (let s = 0; s < ns; s++) {
      for (let r = 1; r < radix; r++) {
        const ang = (-2 * Math.PI * r * s) / (ns * radix);
        tw[2 * (s * (radix - 1) + r - 1)] = Math.cos(ang);
        tw[2 * (s * (radix - 1) + r - 1) + 1] = Math.sin(ang);
      }
    }
    const stage: Stage = { radix, ns, tw };
    if (radix !== 2 && radix !== 3 && radix !== 4 && radix !== 5 && radix !== 8) {
      stage.cos = doubleArray(radix);
      stage.sin = doubleArray(radix);
      for (let k = 0; k < radix; k++) {
        stage.cos[k] = Math.cos((2 * Math.PI * k) / radix);
        stage.sin[k] = Math.sin((2 * Math.PI * k) / radix);
      }
    }
    stages.push(stage);
    ns *= radix;
  }
  return stages;
}
