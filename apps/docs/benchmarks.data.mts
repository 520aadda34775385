// Build-time data of benchmarks.md: every data/bench/<suite>.json (written by scripts/bench-data.mjs
// from `neurite-bench <suite> --json`) as table rows, plus SVG plots drawn by @neurite/plot while the
// site builds: each suite's ratios to the references measured in the same run, and, for cases
// measured at several sizes, value against size.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { defineLoader } from 'vitepress';

interface BenchResult {
  case: string;
  params: Record<string, unknown>;
  backend: string;
  metric: string;
  unit: string;
  value: number | null;
  reference?: { name: string; value: number };
  ratio?: number;
  goal?: string;
  note?: string;
}

interface BenchFile {
  command: string;
  date: string;
  wallSeconds: number;
  machine: { cpu: string; cores: number; memoryGiB: number; os: string; node: string; loadAverageBefore: number[] };
  result: { machine: Record<string, unknown>; suites: string[]; results: BenchResult[] };
}

export interface BenchRow {
  case: string;
  params: string;
  backend: string;
  value: string;
  reference: string;
  ratio: string;
  goal: string;
  note: string;
}

export interface BenchSuitePage {
  suite: string;
  command: string;
  date: string;
  wallSeconds: number;
  machine: BenchFile['machine'];
  /** What the bench itself reports: backend, wasm SIMD and threads, CPUs. */
  benchMachine: string;
  rows: BenchRow[];
  ratioSvg: string;
  scaling: { title: string; svg: string }[];
}

export function fmt(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—';
  const a = Math.abs(v);
  if (a === 0) return '0';
  if (a >= 1000) return Math.round(v).toLocaleString('en-US');
  return Number(v.toPrecision(3)).toString();
}

function paramText(params: Record<string, unknown>): string {
  return Object.entries(params)
    .map(([k, v]) => `${k}=${typeof v === 'number' ? fmt(v) : String(v)}`)
    .join(', ');
}

const label = (r: BenchResult): string => `${r.case}${Object.keys(r.params).length ? ` (${paramText(r.params)})` : ''}`;

async function ratioPlot(suite: string, rows: BenchResult[]): Promise<string> {
  const withRatio = rows.filter((r) => typeof r.ratio === 'number' && r.ratio > 0 && r.reference);
  if (withRatio.length === 0) return '';
  const { renderVegaLite } = await import('@neurite/plot');
  return renderVegaLite({
    width: 360,
    height: Math.max(40, withRatio.length * 18),
    title: `${suite}: value / reference (measured in the same run)`,
    data: {
      values: withRatio.map((r, i) => ({ row: `${i + 1}. ${label(r)}`.slice(0, 70), ratio: r.ratio, reference: r.reference!.name })),
    },
    layer: [
      { mark: { type: 'rule', color: '#999', strokeDash: [4, 3] }, encoding: { x: { datum: 1 } } },
      {
        mark: { type: 'point', filled: true, size: 60 },
        encoding: {
          y: { field: 'row', type: 'nominal', sort: null, title: null, axis: { labelLimit: 320 } },
          x: {
            field: 'ratio',
            type: 'quantitative',
            scale: { type: 'log' },
            title: 'ratio (log; times: < 1 is faster than the reference)',
          },
          color: { field: 'reference', type: 'nominal', title: 'reference' },
        },
      },
    ],
  });
}

/** Cases measured at ≥ 3 values of one numeric parameter (the others fixed): value against it. */
async function scalingPlots(suite: string, rows: BenchResult[]): Promise<{ title: string; svg: string }[]> {
  const groups = new Map<string, BenchResult[]>();
  for (const r of rows) {
    if (typeof r.value !== 'number' || !(r.value > 0)) continue;
    const key = `${r.case}\u0000${r.unit}\u0000${r.backend}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const out: { title: string; svg: string }[] = [];
  const { linePlot } = await import('@neurite/plot');
  for (const group of groups.values()) {
    if (group.length < 3) continue;
    const keys = Object.keys(group[0].params);
    const varying = keys.filter((k) => new Set(group.map((r) => JSON.stringify(r.params[k]))).size > 1);
    if (varying.length !== 1 || !group.every((r) => typeof r.params[varying[0]] === 'number')) continue;
    const k = varying[0];
    const pts = group.map((r) => ({ x: r.params[k] as number, y: r.value as number })).sort((a, b) => a.x - b.x);
    if (new Set(pts.map((p) => p.x)).size !== pts.length || !pts.every((p) => p.x > 0)) continue;
    const wide = (a: number[]): boolean => Math.max(...a) / Math.min(...a) >= 20;
    const title = `${suite}: ${group[0].case} (${group[0].backend})`;
    out.push({
      title,
      svg: await linePlot(
        { series: [{ name: group[0].case, x: pts.map((p) => p.x), y: pts.map((p) => p.y) }] },
        {
          title,
          xLabel: k,
          yLabel: `${group[0].metric} (${group[0].unit})`,
          xScale: wide(pts.map((p) => p.x)) ? 'log' : 'linear',
          yScale: wide(pts.map((p) => p.y)) ? 'log' : 'linear',
          points: true,
          width: 300,
          height: 180,
        },
      ),
    });
  }
  return out;
}

declare const data: BenchSuitePage[];
export { data };

export default defineLoader({
  watch: ['./data/bench/*.json'],
  async load(files: string[]): Promise<BenchSuitePage[]> {
    const pages: BenchSuitePage[] = [];
    for (const file of [...files].sort()) {
      const doc = JSON.parse(readFileSync(file, 'utf8')) as BenchFile;
      const suite = path.basename(file, '.json');
      const rows = doc.result.results;
      const m = doc.result.machine;
      pages.push({
        suite,
        command: doc.command,
        date: doc.date,
        wallSeconds: doc.wallSeconds,
        machine: doc.machine,
        benchMachine: Object.entries(m)
          .map(([k, v]) => `${k} ${String(v)}`)
          .join(', '),
        rows: rows.map((r) => ({
          case: r.case,
          params: paramText(r.params),
          backend: r.backend,
          value: r.value === null ? '—' : `${fmt(r.value)} ${r.unit}`,
          reference: r.reference ? `${r.reference.name}: ${fmt(r.reference.value)} ${r.unit}` : '',
          ratio: typeof r.ratio === 'number' ? fmt(r.ratio) : '',
          goal: r.goal ?? '',
          note: r.note ?? '',
        })),
        ratioSvg: await ratioPlot(suite, rows),
        scaling: await scalingPlots(suite, rows),
      });
    }
    return pages;
  },
});
