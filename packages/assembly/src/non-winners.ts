import type { AreaState, RoundScratch } from './brain-state.js';

/**
 * Known neurons of S that are not current winners, ascending. Cached on the
 * area for its current winners array (one entry per area, so nothing
 * accumulates over rounds). Neurons recruited into S after the list was made
 * are not in it; they are non-winners too, and recruitWinner maps indices
 * past the list's end onto them. Marks winners in scratch.mask (all zero
 * between uses; left zero).
 */
export function nonWinners(S: AreaState, scratch: RoundScratch): Int32Array {
  const nw = S.nonWinners;
  if (nw && S.nonWinnersOf === S.winners && nw.length + S.winners.length <= S.w) return nw;
  if (scratch.mask.length < S.w) scratch.mask = new Uint8Array(Math.max(2 * scratch.mask.length, S.w));
  const isW = scratch.mask;
  for (const i of S.winners) isW[i] = 1;
  const out = new Int32Array(S.w - S.winners.length);
  let j = 0;
  for (let i = 0; i < S.w; i++) if (!isW[i]) out[j++] = i;
  for (const i of S.winners) isW[i] = 0;
  S.nonWinners = out;
  S.nonWinnersOf = S.winners;
  return out;
}
