import type { AreaState } from './brain-state.js';

/**
 * Known neurons of S that are not current winners, ascending. Cached on the
 * area for its current winners array (one entry per area, so nothing
 * accumulates over rounds). Neurons recruited into S after the list was made
 * are not in it; they are non-winners too, and recruitWinner maps indices
 * past the list's end onto them.
 */
export function nonWinners(S: AreaState): Int32Array {
  const nw = S.nonWinners;
  if (nw && S.nonWinnersOf === S.winners && nw.length + S.winners.length <= S.w) return nw;
  const isW = new Uint8Array(S.w);
  for (const i of S.winners) isW[i] = 1;
  const out = new Int32Array(S.w - S.winners.length);
  let j = 0;
  for (let i = 0; i < S.w; i++) if (!isW[i]) out[j++] = i;
  S.nonWinners = out;
  S.nonWinnersOf = S.winners;
  return out;
}
