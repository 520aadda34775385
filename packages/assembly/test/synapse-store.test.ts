import { describe, it, expect } from 'vitest';
import { createRng } from '@neurite/tensor';
import { SynapseStore } from '../src/synapse-store.js';

describe('SynapseStore', () => {
  it('keeps every synapse through row relocation and pool compaction (vs a dense reference)', () => {
    const rng = createRng(4);
    const nCols = 300;
    const s = new SynapseStore(2, 8);
    const dense: number[][] = [];
    for (let step = 0; step < 5000; step++) {
      if (dense.length === 0 || rng.uniform() < 0.05) {
        const m = rng.uniformInt(5);
        const cols = rng.sampleWithoutReplacement(nCols, m);
        s.addRow(cols, 2);
        const row = new Array(nCols).fill(0);
        for (const c of cols) row[c] += 2;
        dense.push(row);
      } else {
        const r = rng.uniformInt(dense.length),
          c = rng.uniformInt(nCols);
        s.append(r, c, 1);
        dense[r][c] += 1;
      }
    }
    const got = s.toDense(nCols);
    expect(s.nRows).toBe(dense.length);
    for (let r = 0; r < dense.length; r++) for (let c = 0; c < nCols; c++) expect(got[r * nCols + c]).toBe(dense[r][c]);
  });

  it('queue + flush store the same synapses as append (vs a dense reference)', () => {
    const rng = createRng(8);
    const nCols = 200,
      nRows = 60;
    const s = new SynapseStore(4, 16);
    const dense = Array.from({ length: nRows }, () => new Array(nCols).fill(0));
    let added = 0;
    for (let r = 0; r < nRows; r++) {
      const cols = rng.sampleWithoutReplacement(nCols, rng.uniformInt(6));
      s.addRow(cols, 1);
      added += cols.length;
      for (const c of cols) dense[r][c] += 1;
    }
    for (let batch = 0; batch < 30; batch++) {
      const m = rng.uniformInt(400);
      for (let i = 0; i < m; i++) {
        const r = rng.uniformInt(nRows),
          c = rng.uniformInt(nCols);
        s.queue(r, c);
        added++;
        dense[r][c] += 1;
      }
      if (batch % 3 === 0) {
        const r = rng.uniformInt(nRows),
          c = rng.uniformInt(nCols);
        s.flush();
        s.append(r, c, 2);
        added++;
        dense[r][c] += 2;
      }
      s.flush();
    }
    const got = s.toDense(nCols);
    for (let r = 0; r < nRows; r++) for (let c = 0; c < nCols; c++) expect(got[r * nCols + c]).toBe(dense[r][c]);
    // every added synapse is one stored entry
    expect(s.nnz).toBe(added);
  });
});
