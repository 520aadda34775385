import type { Rng } from './rng.js';

/** Fisher-Yates (Durstenfeld): for i = n-1 .. 1 swap a[i] with a[uniformInt(i + 1)]. In place; returns `a`. */
export function shuffleOf<T extends { length: number; [i: number]: any }>(g: Rng, a: T): T {
  for (let i = a.length - 1; i > 0; i--) {
    const j = g.uniformInt(i + 1);
    const t = a[i];
    a[i] = a[j];
    a[j] = t;
  }
  return a;
}
