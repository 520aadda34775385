/**
 * Growable per-source sparse synapse storage (CSR-like): row s lists the
 * synapses from source neuron s into the target area as (target index,
 * weight) pairs. Rows live in one pooled pair of typed arrays; a full row is
 * moved to the end of the pool with doubled capacity, and the pool is
 * compacted when more than half of it is garbage. Memory is
 * O(synapses) = O(w_source · w_target · p), never O(w_source · w_target).
 */
export class SynapseStore {
  /** Number of source neurons (rows). */
  nRows = 0;
  /** Offset of each row in the pool. */
  start: Int32Array;
  /** Number of synapses in each row. */
  len: Int32Array;
  private cap: Int32Array;
  /** Target neuron of each synapse. */
  cols: Int32Array;
  /** Weight of each synapse (1 at creation, multiplied by 1 + β on use). */
  weights: Float32Array;
  private top = 0;
  private garbage = 0;
  /** Synapses queued by queue() until flush(). */
  private qRow = new Int32Array(0);
  private qCol = new Int32Array(0);
  private qLen = 0;

  constructor(rowCapacity = 16, poolCapacity = 256) {
    this.start = new Int32Array(rowCapacity);
    this.len = new Int32Array(rowCapacity);
    this.cap = new Int32Array(rowCapacity);
    this.cols = new Int32Array(poolCapacity);
    this.weights = new Float32Array(poolCapacity);
  }

  /** Total synapses stored. */
  get nnz(): number {
    let s = 0;
    for (let r = 0; r < this.nRows; r++) s += this.len[r];
    return s;
  }

  /** Bytes held by the typed arrays (pool + row tables). */
  get bytes(): number {
    return this.cols.byteLength + this.weights.byteLength + this.start.byteLength + this.len.byteLength + this.cap.byteLength;
  }

  /** Appends a row with synapses to `targets` (all of weight `weight`); returns its index. */
  addRow(targets?: ArrayLike<number>, weight = 1, targetsFrom = 0, targetsTo = targets ? targets.length : 0): number {
    const r = this.nRows;
    if (r === this.start.length) this.growRows(Math.max(16, r * 2));
    const m = targetsTo - targetsFrom;
    const c = Math.max(4, m + (m >> 2) + 2);
    const off = this.reserve(c);
    this.start[r] = off;
    this.cap[r] = c;
    this.len[r] = m;
    if (targets)
      for (let i = 0; i < m; i++) {
        this.cols[off + i] = targets[targetsFrom + i];
        this.weights[off + i] = weight;
      }
    this.nRows = r + 1;
    return r;
  }

  /** Adds the synapse row -> col with the given weight. */
  append(row: number, col: number, weight = 1): void {
    const l = this.len[row];
    if (l === this.cap[row]) this.relocate(row, Math.max(8, l * 2));
    const e = this.start[row] + l;
    this.cols[e] = col;
    this.weights[e] = weight;
    this.len[row] = l + 1;
  }

  /**
   * Queues the synapse row -> col of weight 1; it is stored (and visible to
   * readers of `start`/`len`/`cols`/`weights`) only after flush(). Batching
   * lets each row grow at most once per flush instead of doubling repeatedly.
   */
  queue(row: number, col: number): void {
    if (this.qLen === this.qRow.length) {
      const n = Math.max(1024, 2 * this.qLen);
      const r = new Int32Array(n);
      r.set(this.qRow);
      this.qRow = r;
      const c = new Int32Array(n);
      c.set(this.qCol);
      this.qCol = c;
    }
    this.qRow[this.qLen] = row;
    this.qCol[this.qLen++] = col;
  }

  /** Stores every queued synapse (in queue order within each row). */
  flush(): void {
    const q = this.qLen;
    if (q === 0) return;
    const add = new Int32Array(this.nRows);
    for (let i = 0; i < q; i++) add[this.qRow[i]]++;
    let need = 0;
    for (let r = 0; r < this.nRows; r++) {
      const a = add[r];
      if (a > 0 && this.len[r] + a > this.cap[r]) need += this.len[r] + a + ((this.len[r] + a) >> 1) + 4;
    }
    this.ensure(need);
    for (let r = 0; r < this.nRows; r++) {
      const a = add[r];
      if (a > 0 && this.len[r] + a > this.cap[r]) {
        const l = this.len[r] + a;
        this.relocate(r, l + (l >> 1) + 4);
      }
    }
    const qr = this.qRow,
      qc = this.qCol,
      start = this.start,
      len = this.len,
      cols = this.cols,
      w = this.weights;
    for (let i = 0; i < q; i++) {
      const r = qr[i];
      const e = start[r] + len[r]++;
      cols[e] = qc[i];
      w[e] = 1;
    }
    this.qLen = 0;
  }

  /** Dense copy (tests, small areas only). */
  toDense(nCols: number): Float32Array {
    const out = new Float32Array(this.nRows * nCols);
    for (let r = 0; r < this.nRows; r++) {
      for (let e = this.start[r], end = e + this.len[r]; e < end; e++) out[r * nCols + this.cols[e]] += this.weights[e];
    }
    return out;
  }

  private growRows(n: number): void {
    const grow = (a: Int32Array) => {
      const b = new Int32Array(n);
      b.set(a);
      return b;
    };
    this.start = grow(this.start);
    this.len = grow(this.len);
    this.cap = grow(this.cap);
  }

  /** Makes room for c more pool slots at the top (compacting or growing). */
  private ensure(c: number): void {
    if (this.top + c <= this.cols.length) return;
    if (this.garbage > this.top >> 1) this.compact();
    if (this.top + c > this.cols.length) {
      const n = Math.max(this.cols.length * 2, this.top + c);
      const cols = new Int32Array(n);
      cols.set(this.cols.subarray(0, this.top));
      const w = new Float32Array(n);
      w.set(this.weights.subarray(0, this.top));
      this.cols = cols;
      this.weights = w;
    }
  }

  private reserve(c: number): number {
    this.ensure(c);
    const off = this.top;
    this.top += c;
    return off;
  }

  private relocate(row: number, newCap: number): void {
    const l = this.len[row];
    if (this.top + newCap > this.cols.length) {
      this.cap[row] = l; // a compaction keeps exactly this row's data
      this.ensure(newCap);
    }
    this.garbage += this.cap[row];
    const src = this.start[row];
    const off = this.top;
    this.top += newCap;
    this.cols.copyWithin(off, src, src + l);
    this.weights.copyWithin(off, src, src + l);
    this.start[row] = off;
    this.cap[row] = newCap;
  }

  private compact(): void {
    let total = 0;
    for (let r = 0; r < this.nRows; r++) total += this.cap[r];
    const n = Math.max(256, total * 2);
    const cols = new Int32Array(n);
    const w = new Float32Array(n);
    let off = 0;
    for (let r = 0; r < this.nRows; r++) {
      const s = this.start[r],
        l = this.len[r];
      cols.set(this.cols.subarray(s, s + l), off);
      w.set(this.weights.subarray(s, s + l), off);
      this.start[r] = off;
      off += this.cap[r];
    }
    this.cols = cols;
    this.weights = w;
    this.top = off;
    this.garbage = 0;
  }
}
