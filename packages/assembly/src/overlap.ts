/** Number of neurons two winner sets share (|a ∩ b|). */
export function overlap(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const s = new Set<number>();
  for (let i = 0; i < a.length; i++) s.add(a[i]);
  let c = 0;
  const seen = new Set<number>();
  for (let i = 0; i < b.length; i++)
    if (s.has(b[i]) && !seen.has(b[i])) {
      seen.add(b[i]);
      c++;
    }
  return c;
}
