import type { FftEngine } from './fft-engine.js';

/** The DFT of length 1 is the identity. @internal */
export class IdentityFft implements FftEngine {
  readonly n = 1;
  run(inp: ArrayLike<number>, inOff: number, out: Float64Array, outOff: number): void {
    out[outOff] = inp[inOff];
    out[outOff + 1] = inp[inOff + 1];
  }
}
