import type { Rng } from '@neurite/tensor';
import type { BrainParams, BrainState } from './brain-state.js';
import { areaSupport, assignWinners } from './brain-state.js';
import { projectArea } from './project-area.js';

/**
 * Which stimuli and source areas fire into each area in a round: for area
 * index t, `stimIn[t]` and `areaIn[t]` (indices, ascending, no repeats). An
 * area with both empty is not updated.
 */
export interface RoundPlan {
  readonly stimIn: readonly (readonly number[])[];
  readonly areaIn: readonly (readonly number[])[];
}

/**
 * One projection round: every area the plan names as a target computes its
 * next winners (projectArea) from the winners every area had before the
 * round; then all of them take their new winners at once and record their
 * support (and, with saveWinners, the winners). Returns the indices of the
 * areas updated. The state is updated in place; every random draw comes
 * from `rng`, so the same state, plan and generator state give the same round.
 */
export function projectRound(
  state: BrainState,
  params: BrainParams & { readonly saveWinners: boolean },
  rng: Rng,
  plan: RoundPlan,
): number[] {
  const updated: number[] = [];
  const next: Int32Array[] = [];
  for (let t = 0; t < state.areas.length; t++) {
    const stims = plan.stimIn[t] ?? [],
      srcs = plan.areaIn[t] ?? [];
    if (stims.length === 0 && srcs.length === 0) continue;
    updated.push(t);
    next[t] = projectArea(state, params, rng, state.areas[t], stims, srcs);
  }
  for (const t of updated) {
    const a = state.areas[t];
    assignWinners(a, next[t]);
    a.supportHistory.push(areaSupport(a));
    if (params.saveWinners) a.winnersHistory.push(a.winners.slice());
  }
  return updated;
}
