import type { ProjectionCSR } from './build-projection.js';

/**
 * The synapses of a projection whose target (index within the target population) lies in
 * [lo, hi): the same CSR by source over every source row, with the other targets dropped and
 * the order of the kept synapses unchanged, so each target receives its inputs in the same
 * order (the same floating-point sums) as from the whole projection. A partition of a run
 * keeps only the synapses onto its own neurons.
 */
export function restrictTargets(csr: ProjectionCSR, lo: number, hi: number): ProjectionCSR {
  const rows = csr.rowPtr.length - 1;
  let m = 0;
  for (let k = 0; k < csr.tgt.length; k++) if (csr.tgt[k] >= lo && csr.tgt[k] < hi) m++;
  const rowPtr = new Uint32Array(rows + 1);
  const tgt = new Uint32Array(m);
  const w = new Float32Array(m);
  const d = csr.d ? new Uint16Array(m) : null;
  let q = 0;
  for (let s = 0; s < rows; s++) {
    for (let k = csr.rowPtr[s]; k < csr.rowPtr[s + 1]; k++) {
      const j = csr.tgt[k];
      if (j < lo || j >= hi) continue;
      tgt[q] = j;
      w[q] = csr.w[k];
      if (d) d[q] = csr.d![k];
      q++;
    }
    rowPtr[s + 1] = q;
  }
  return { rowPtr, tgt, w, d, delay: csr.delay, maxDelay: csr.maxDelay };
}
