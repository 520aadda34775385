import { table } from '@neurite/cli';
import type { BenchResult } from './suite.js';

function fmt(v: number): string {
  if (Number.isNaN(v)) return 'n/a';
  if (!Number.isFinite(v)) return String(v);
  const a = Math.abs(v);
  if (a >= 1e6 || (a > 0 && a < 1e-3)) return v.toExponential(2);
  if (a >= 100) return v.toFixed(0);
  if (a >= 10) return v.toFixed(1);
  return v.toFixed(3);
}

/**
 * A plain-text table of one suite's results (the table helper of @neurite/cli) under an
 * `== suite ==` title; notes follow the table as `* case: note` lines.
 */
export function formatTable(suite: string, results: BenchResult[]): string {
  const rows = results.map((r) => ({
    case: r.case,
    params: Object.entries(r.params)
      .map(([k, v]) => `${k}=${String(v)}`)
      .join(' '),
    backend: r.backend,
    value: fmt(r.value),
    unit: r.unit,
    reference: r.reference ? `${r.reference.name} ${fmt(r.reference.value)}` : '',
    ratio: r.ratio !== undefined ? fmt(r.ratio) : '',
    goal: r.goal ?? '',
  }));
  const notes = results.filter((r) => r.note).map((r) => `* ${r.case}: ${r.note}`);
  return [`== ${suite} ==`, table(rows, ['case', 'params', 'backend', 'value', 'unit', 'reference', 'ratio', 'goal']), ...notes].join('\n');
}
