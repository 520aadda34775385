import { mulShiftRound, PROP_FRAC } from './fixed-point.js';
import type { FixedNetwork } from './fixed-network.js';

/**
 * The `fixed` engine: one step of a {@link FixedNetwork} in JavaScript integers (the reference
 * of the WGSL shaders in gpu/lif-shaders.ts, which compute the same values). Order within step t,
 * as in the float64 engine: ring slot t and the step's input events added to g; every neuron updated in index order (spikes
 * collected ascending); each spike's row delivered (delay 1 into g, else into ring slot
 * (t + d) mod D).
 */
export class FixedLifEngine {
  private readonly ringUsed: Uint8Array;

  /** @param net The network it steps in place (its state arrays change as it runs). */
  constructor(readonly net: FixedNetwork) {
    this.ringUsed = new Uint8Array(net.D);
  }

  /**
   * Advances step `t`, writes the indices of the neurons that spiked (ascending) into `spikes` and
   * returns their count. `events`: the step's input events, (channel index, Q15.16 weight) pairs
   * added to g before the update.
   */
  step(t: number, spikes: Int32Array, events?: Int32Array | null): number {
    const { N, D, v, G, refc, bias, popOf, consts, rowPtr, syn, ring } = this.net;
    const N2 = 2 * N;
    const mask = D - 1;
    const slot = t & mask;
    if (this.ringUsed[slot]) {
      const b = slot * N2;
      for (let k = 0; k < N2; k++) {
        G[k] = (G[k] + ring[b + k]) | 0;
        ring[b + k] = 0;
      }
      this.ringUsed[slot] = 0;
    }
    if (events) for (let q = 0; q < events.length; q += 2) G[events[q]] = (G[events[q]] + events[q + 1]) | 0;
    const s = PROP_FRAC;
    let ns = 0;
    for (let i = 0; i < N; i++) {
      const c = 8 * popOf[i];
      const ge = G[i];
      const gi = G[N + i];
      G[i] = mulShiftRound(ge, consts[c + 3], s);
      G[N + i] = mulShiftRound(gi, consts[c + 4], s);
      if (refc[i] > 0) {
        refc[i]--;
        continue;
      }
      const b = bias[i];
      let vi =
        (b + mulShiftRound((v[i] - b) | 0, consts[c], s) + mulShiftRound(ge, consts[c + 1], s) + mulShiftRound(gi, consts[c + 2], s)) | 0;
      if (vi > consts[c + 5]) {
        spikes[ns++] = i;
        vi = consts[c + 6];
        refc[i] = consts[c + 7];
      }
      v[i] = vi;
    }
    for (let q = 0; q < ns; q++) {
      const j = spikes[q];
      for (let e = rowPtr[j]; e < rowPtr[j + 1]; e++) {
        const idx = syn[3 * e];
        const d = syn[3 * e + 2];
        if (d === 1) G[idx] = (G[idx] + syn[3 * e + 1]) | 0;
        else {
          const sl = (t + d) & mask;
          this.ringUsed[sl] = 1;
          ring[sl * N2 + idx] = (ring[sl * N2 + idx] + syn[3 * e + 1]) | 0;
        }
      }
    }
    return ns;
  }
}
