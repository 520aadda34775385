/** @internal A Float32Array that grows by doubling: `data[0..length)` are the values. */
export class GrowableFloat32 {
  data: Float32Array;
  length = 0;
  constructor(capacity = 16) {
    this.data = new Float32Array(Math.max(1, capacity));
  }
  push(v: number): void {
    if (this.length === this.data.length) {
      const d = new Float32Array(this.data.length * 2);
      d.set(this.data);
      this.data = d;
    }
    this.data[this.length++] = v;
  }
}
