import type { TailSampler } from './brain.js';
import { simulateProjection } from './projection.js';
import { simulateAssociation } from './association.js';

export interface StatisticsOptions {
  /** Seeds per row (default 0..9). */
  seeds?: readonly number[];
  sampler?: TailSampler;
  n?: number; k?: number; p?: number;
  betas?: readonly number[];
  /** Rounds simulated per projection (default 100). */
  rounds?: number;
  /** Include the association experiment (p = 0.05, β = 0.1). Default true. */
  association?: boolean;
  onProgress?: (message: string) => void;
}

export interface ProjectionRow {
  beta: number;
  support20: number[];
  roundsToStable: number[];
  firstQuietRound: number[];
  overlap21: number[];
}

export interface StatisticsTable {
  sampler: TailSampler;
  n: number; k: number; p: number;
  seeds: number[];
  projection: ProjectionRow[];
  /** Overlap (fraction of k) of A's assembly in C with B's projection after association, per seed. */
  association: number[] | null;
  /** The same with the other sampler ('exact' when `sampler` is 'reference' and vice versa). */
  associationOtherSampler: number[] | null;
  /** Reference ranges from the issue (brain.py, 5 seeds). */
  reference: typeof REFERENCE_RANGES;
}

/** Ranges measured with the reference brain.py (n = 1e5, k = 317, p = 0.01). */
export const REFERENCE_RANGES = {
  support20: { 0.01: [2162, 2339], 0.05: [1235, 1302], 0.1: [772, 870] } as Record<number, [number, number]>,
  /** The issue's brain.py means (5 seeds) of the support after 20 rounds. */
  support20Mean: { 0.01: 2248, 0.05: 1262, 0.1: 821 } as Record<number, number>,
  roundsToStable: { 0.01: [50, 59], 0.05: [12, 17], 0.1: [6, 9] } as Record<number, [number, number]>,
  overlap21: [0.30, 0.37] as [number, number],
  association: [0.09, 0.15] as [number, number],
};

export const mean = (a: readonly number[]): number => a.reduce((s, x) => s + x, 0) / a.length;

/**
 * The statistics of the issue's table: for each β, support after 20 rounds,
 * rounds until no new winner, and round-2 vs round-1 overlap of a projection
 * (n = 1e5, k = 317, p = 0.01); and the association overlap (p = 0.05,
 * β = 0.1), each over several seeds.
 */
export function statisticsTable(o: StatisticsOptions = {}): StatisticsTable {
  const seeds = [...(o.seeds ?? [0, 1, 2, 3, 4, 5, 6, 7, 8, 9])];
  const sampler = o.sampler ?? 'reference';
  const n = o.n ?? 100000, k = o.k ?? 317, p = o.p ?? 0.01;
  const rounds = o.rounds ?? 100;
  const projection: ProjectionRow[] = [];
  for (const beta of o.betas ?? [0.01, 0.05, 0.1]) {
    const row: ProjectionRow = { beta, support20: [], roundsToStable: [], firstQuietRound: [], overlap21: [] };
    for (const seed of seeds) {
      o.onProgress?.(`projection beta=${beta} seed=${seed}`);
      const r = simulateProjection({ n, k, p, beta, rounds, seed, sampler });
      row.support20.push(r.support[19]);
      row.roundsToStable.push(r.roundsToStable);
      row.firstQuietRound.push(r.convergenceRound);
      row.overlap21.push(r.overlap21);
    }
    projection.push(row);
  }
  let association: number[] | null = null;
  let associationOtherSampler: number[] | null = null;
  const assoc = (s: TailSampler) => seeds.map((seed) => {
    o.onProgress?.(`association seed=${seed} sampler=${s}`);
    return simulateAssociation({ n, k, p: 0.05, beta: 0.1, seed, sampler: s }).after / k;
  });
  if (o.association ?? true) {
    association = assoc(sampler);
    associationOtherSampler = assoc(sampler === 'reference' ? 'exact' : 'reference');
  }
  return { sampler, n, k, p, seeds, projection, association, associationOtherSampler, reference: REFERENCE_RANGES };
}

/** The table as text, with the brain.py ranges beside the measured means. */
export function formatStatisticsTable(t: StatisticsTable): string {
  const lines: string[] = [];
  const range = (r: [number, number], pct = false) => pct ? `${(r[0] * 100).toFixed(0)}–${(r[1] * 100).toFixed(0)}%` : `${r[0]}–${r[1]}`;
  const mm = (a: number[], d = 0) => `${mean(a).toFixed(d)} [${Math.min(...a).toFixed(d)}–${Math.max(...a).toFixed(d)}]`;
  lines.push(`assembly statistics: n=${t.n} k=${t.k} p=${t.p}, sampler=${t.sampler}, ${t.seeds.length} seeds (mean [min–max]; brain.py range)`);
  lines.push('| β | support after 20 rounds | brain.py | rounds until no new winner | brain.py | round-2/round-1 overlap |');
  lines.push('|---|---|---|---|---|---|');
  for (const r of t.projection) {
    lines.push(`| ${r.beta} | ${mm(r.support20)} | ${t.reference.support20[r.beta] ? `${range(t.reference.support20[r.beta])} (${t.reference.support20Mean[r.beta]})` : '—'} | ${mm(r.roundsToStable, 1)} | ${t.reference.roundsToStable[r.beta] ? range(t.reference.roundsToStable[r.beta]) : '—'} | ${(mean(r.overlap21) * 100).toFixed(1)}% |`);
  }
  lines.push(`round-2 vs round-1 overlap: brain.py ${range(t.reference.overlap21, true)} (last column)`);
  const pc = (a: number[]) => `${(mean(a) * 100).toFixed(1)}% of k [${(Math.min(...a) * 100).toFixed(1)}–${(Math.max(...a) * 100).toFixed(1)}%]`;
  if (t.association) lines.push(`association (p=0.05, β=0.1), A's assembly in C ∩ B's projection after association: ${pc(t.association)} with the ${t.sampler} sampler (brain.py ${range(t.reference.association, true)})`);
  if (t.associationOtherSampler) lines.push(`  … with the ${t.sampler === 'reference' ? 'exact' : 'reference'} sampler: ${pc(t.associationOtherSampler)}`);
  return lines.join('\n');
}
