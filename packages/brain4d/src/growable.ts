/** Typed-array constructors the growable buffers use. */
type TypedCtor<T> = { new (n: number): T };

/** An append-only typed array that doubles its capacity (amortised O(1) push). */
export class Growable<T extends Int32Array | Uint32Array | Float32Array | Float64Array | Uint16Array> {
  data: T;
  length = 0;
  constructor(
    private readonly Ctor: TypedCtor<T>,
    capacity = 1024,
  ) {
    this.data = new Ctor(Math.max(16, capacity));
  }
  push(x: number): void {
    if (this.length === this.data.length) this.grow(this.length * 2);
    this.data[this.length++] = x;
  }
  grow(capacity: number): void {
    const d = new this.Ctor(capacity);
    d.set(this.data.subarray(0, this.length) as never);
    this.data = d;
  }
  /** The filled part, trimmed to its length (copies only when capacity exceeds the length). */
  take(): T {
    return this.length === this.data.length ? this.data : (this.data.slice(0, this.length) as T);
  }
}
