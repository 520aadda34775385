/**
 * Number of rounds before the first run of `quiet` consecutive rounds with no
 * new winner (round 1, the stimulus-only round, always recruits k), or -1.
 */
export function roundsToStable(newWinners: readonly number[], quiet = 3): number {
  for (let t = 1; t + quiet <= newWinners.length; t++) {
    let ok = true;
    for (let j = t; j < t + quiet; j++)
      if (newWinners[j] !== 0) {
        ok = false;
        break;
      }
    if (ok) return t;
  }
  return -1;
}
