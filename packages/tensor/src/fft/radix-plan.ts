/**
 * Radices the mixed-radix engine handles directly; a length whose largest
 * prime factor exceeds this goes to Bluestein instead.
 * @internal
 */
export const MAX_DIRECT_PRIME = 31;

/**
 * Factor n into the radices used by the Stockham passes: the power of two
 * 2^a as 8s (a mod 3 = 1: two 4s replace one 8; a mod 3 = 2: one 4 more;
 * a = 1: a 2), then 3, 5 and larger odd primes in ascending order. Fewer,
 * larger passes mean fewer sweeps over the work buffers.
 * @internal
 */
export function radixPlan(n: number): number[] {
  const out: number[] = [];
  let m = n;
  let a = 0;
  while (m % 2 === 0) {
    a++;
    m /= 2;
  }
  if (a === 1) out.push(2);
  else if (a > 1) {
    let eights = Math.floor(a / 3);
    const rest = a % 3;
    if (rest === 1) {
      eights--;
      out.push(4, 4);
    } else if (rest === 2) out.push(4);
    for (let i = 0; i < eights; i++) out.push(8);
  }
  for (let p = 3; p * p <= m; p += 2) {
    while (m % p === 0) {
      out.push(p);
      m /= p;
    }
  }
  if (m > 1) out.push(m);
  return out;
}

/** Largest prime factor of n (1 for n = 1). @internal */
export function largestPrimeFactor(n: number): number {
  let m = n;
  let largest = 1;
  while (m % 2 === 0) {
    largest = 2;
    m /= 2;
  }
  for (let p = 3; p * p <= m; p += 2) {
    while (m % p === 0) {
      largest = p;
      m /= p;
    }
  }
  return m > 1 ? m : largest;
}
