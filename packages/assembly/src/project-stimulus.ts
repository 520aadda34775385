import type { Brain } from './brain.js';

/**
 * Projects stimulus `stimulus` into `area` of an existing brain for `rounds`
 * rounds (the first without recurrence if the area has no assembly yet).
 * Returns the support after each round.
 */
export function projectStimulus(brain: Brain, stimulus: string, area: string, rounds: number): number[] {
  const out: number[] = [];
  for (let t = 0; t < rounds; t++) {
    if (brain.winners(area).length === 0) brain.project({ [stimulus]: [area] }, {});
    else brain.project({ [stimulus]: [area] }, { [area]: [area] });
    out.push(brain.support(area));
  }
  return out;
}
