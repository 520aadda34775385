import type { TailSampler } from './brain.js';
import { simulateProjection } from './simulate-projection.js';
import { simulateAssociation } from './simulate-association.js';
import { BRAIN_PY_REFERENCE } from './brain-py-reference.js';

/** Options of {@link statisticsTable}. */
export interface StatisticsOptions {
  /** Seeds per row (default 0..9). */
  seeds?: readonly number[];
  /** Sampler of the lazy areas (default 'reference'). */
  sampler?: TailSampler;
  /** Area size (default 100 000). */
  n?: number;
  /** Winners per round (default 317). */
  k?: number;
  /** Synapse probability (default 0.01). */
  p?: number;
  /** Plasticities, one projection row each (default 0.01, 0.05, 0.1). */
  betas?: readonly number[];
  /** Rounds simulated per projection (default 100). */
  rounds?: number;
  /** Include the association experiment (p = 0.05, β = 0.1). Default true. */
  association?: boolean;
  /** Called with a line of progress as each experiment starts. */
  onProgress?: (message: string) => void;
}

/** One β of the projection experiment, one entry per seed. */
export interface ProjectionRow {
  /** Plasticity. */
  beta: number;
  /** Support after 20 rounds. */
  support20: number[];
  /** Rounds until no new winner (roundsToStable). */
  roundsToStable: number[];
  /** First round without a new winner (-1: none). */
  firstQuietRound: number[];
  /** Round-2/round-1 overlap as a fraction of k. */
  overlap21: number[];
}

/** The statistics of {@link statisticsTable}, per seed, beside brain.py's. */
export interface StatisticsTable {
  /** The sampler used. */
  sampler: TailSampler;
  /** Area size used. */
  n: number;
  /** Winners per round used. */
  k: number;
  /** Synapse probability used. */
  p: number;
  /** The seeds, in the order of every per-seed list. */
  seeds: number[];
  /** One row per β. */
  projection: ProjectionRow[];
  /** Overlap (fraction of k) of A's assembly in C with B's projection after association, per seed. */
  association: number[] | null;
  /** The same with the other sampler ('exact' when `sampler` is 'reference' and vice versa). */
  associationOtherSampler: number[] | null;
  /** brain.py's figures for the same experiments (5 seeds; see BRAIN_PY_REFERENCE). */
  reference: typeof BRAIN_PY_REFERENCE;
}

/** @internal Arithmetic mean. */
export const mean = (a: readonly number[]): number => a.reduce((s, x) => s + x, 0) / a.length;

/**
 * The statistics of brain.py's simulations.py, measured on this package's
 * Brain: for each β, support after 20 rounds, rounds until no new winner and
 * round-2 vs round-1 overlap of a projection (n = 1e5, k = 317, p = 0.01);
 * and the association overlap (p = 0.05, β = 0.1), each over several seeds.
 * `reference` holds brain.py's own figures (BRAIN_PY_REFERENCE).
 */
export function statisticsTable(o: StatisticsOptions = {}): StatisticsTable {
  const seeds = [...(o.seeds ?? [0, 1, 2, 3, 4, 5, 6, 7, 8, 9])];
  const sampler = o.sampler ?? 'reference';
  const n = o.n ?? 100000,
    k = o.k ?? 317,
    p = o.p ?? 0.01;
  const rounds = o.rounds ?? 100;
  const projection: ProjectionRow[] = [];
  for (const beta of o.betas ?? [0.01, 0.05, 0.1]) {
    const row: ProjectionRow = { beta, support20: [], roundsToStable: [], firstQuietRound: [], overlap21: [] };
    for (const seed of seeds) {
      o.onProgress?.(`projection beta=${beta} seed=${seed}`);
      const r = simulateProjection({ n, k, p, beta, rounds, seed, sampler });
      row.support20.push(r.support[19]);
      row.roundsToStable.push(r.roundsToStable);
      row.firstQuietRound.push(r.firstQuietRound);
      row.overlap21.push(r.overlap21);
    }
    projection.push(row);
  }
  let association: number[] | null = null;
  let associationOtherSampler: number[] | null = null;
  const assoc = (s: TailSampler) =>
    seeds.map((seed) => {
      o.onProgress?.(`association seed=${seed} sampler=${s}`);
      return simulateAssociation({ n, k, p: 0.05, beta: 0.1, seed, sampler: s }).after / k;
    });
  if (o.association ?? true) {
    association = assoc(sampler);
    associationOtherSampler = assoc(sampler === 'reference' ? 'exact' : 'reference');
  }
  return { sampler, n, k, p, seeds, projection, association, associationOtherSampler, reference: BRAIN_PY_REFERENCE };
}

/** The table as text, brain.py's 5-seed mean [min–max] beside each measured mean [min–max]. */
export function formatStatisticsTable(t: StatisticsTable): string {
  const lines: string[] = [];
  const mm = (a: readonly number[], d = 0, scale = 1) =>
    `${(mean(a) * scale).toFixed(d)} [${(Math.min(...a) * scale).toFixed(d)}–${(Math.max(...a) * scale).toFixed(d)}]`;
  const ref = t.reference;
  const refRow = (beta: number) =>
    t.n === ref.projection.n && t.k === ref.projection.k && t.p === ref.projection.p
      ? ref.projection.rows.find((r) => r.beta === beta)
      : undefined;
  lines.push(`assembly statistics: n=${t.n} k=${t.k} p=${t.p}, sampler=${t.sampler}, ${t.seeds.length} seeds; mean [min–max]`);
  lines.push(`reference: ${ref.source} at commit ${ref.commit.slice(0, 7)}, seeds ${ref.seeds.join(', ')}`);
  lines.push('| β | support after 20 rounds | brain.py | rounds until no new winner | brain.py | round-2/round-1 overlap % | brain.py |');
  lines.push('|---|---|---|---|---|---|---|');
  for (const r of t.projection) {
    const b = refRow(r.beta);
    lines.push(
      `| ${r.beta} | ${mm(r.support20)} | ${b ? mm(b.support20) : '—'} | ${mm(r.roundsToStable, 1)} | ${b ? mm(b.roundsToStable, 1) : '—'} | ${mm(r.overlap21, 1, 100)} | ${b ? mm(b.overlap21, 1, 100) : '—'} |`,
    );
  }
  if (t.association)
    lines.push(
      `association (p=0.05, β=0.1), A's assembly in C ∩ B's projection after association, % of k: ${mm(t.association, 1, 100)} with the ${t.sampler} sampler; brain.py ${mm(ref.association.after, 1, 100)}`,
    );
  if (t.associationOtherSampler)
    lines.push(`  … with the ${t.sampler === 'reference' ? 'exact' : 'reference'} sampler: ${mm(t.associationOtherSampler, 1, 100)}`);
  return lines.join('\n');
}
