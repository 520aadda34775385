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

/** A plain-text table of one suite's results; notes follow the table as `* case: note` lines. */
export function formatTable(suite: string, results: BenchResult[]): string {
  const head = ['case', 'params', 'backend', 'value', 'unit', 'reference', 'ratio', 'goal'];
  const rows = results.map((r) => [
    r.case,
    Object.entries(r.params).map(([k, v]) => `${k}=${v}`).join(' '),
    r.backend,
    fmt(r.value),
    r.unit,
    r.reference ? `${r.reference.name} ${fmt(r.reference.value)}` : '',
    r.ratio !== undefined ? fmt(r.ratio) : '',
    r.goal ?? '',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd();
  const notes = results.filter((r) => r.note).map((r) => `* ${r.case}: ${r.note}`);
  return [`== ${suite} ==`, line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line), ...notes].join('\n');
}
