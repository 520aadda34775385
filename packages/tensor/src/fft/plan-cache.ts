/**
 * How many FFT plans (and engines) of distinct lengths each module-level cache
 * keeps. A plan holds O(n) float64 work buffers and twiddles (about 100 bytes
 * per point for an even real plan), so an unbounded cache grows with every new
 * length a program uses. 32 covers the lengths of a typical program (one per
 * vector dimension) while bounding the memory of programs that sweep lengths.
 */
export const PLAN_CACHE_SIZE = 32;

/**
 * A least-recently-used cache keyed by transform length: `get(n, make)` returns
 * the cached value (and marks it most recently used) or makes, stores and
 * returns it, evicting the least recently used one beyond `capacity` entries.
 * An evicted plan keeps working for whoever still holds it.
 * @internal
 */
export class PlanCache<V> {
  private readonly entries = new Map<number, V>();
  constructor(readonly capacity: number) {}

  get(n: number, make: () => V): V {
    const hit = this.entries.get(n);
    if (hit !== undefined) {
      // Map iterates in insertion order: re-insert to mark as most recently used.
      this.entries.delete(n);
      this.entries.set(n, hit);
      return hit;
    }
    const made = make();
    this.entries.set(n, made);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as number);
    return made;
  }

  /** Number of cached entries. */
  get size(): number {
    return this.entries.size;
  }
}
