import { describe, it, expect } from 'vitest';
import { createRng } from '@neurite/tensor';
import { SynapseStore } from '../src/index.js';

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
        const r = rng.uniformInt(dense.length), c = rng.uniformInt(nCols);
        s.append(r, c, 1);
        dense[r][c] += 1;
      }
    }
    const got = s.toDense(nCols);
    expect(s.nRows).toBe(dense.length);
    for (let r = 0; r < dense.length; r++) for (let c = 0; c < nCols; c++) expect(got[r * nCols + c]).toBe(dense[r][c]);
  });
});
