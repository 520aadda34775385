import type { ProfileReport } from './profile-report.js';

/** Options of {@link formatProfileTable}. */
export interface ProfileTableOptions {
  /** Rows of the region and kernel tables (largest total wall time first). Default 15. */
  top?: number;
}

/**
 * A profiling report as readable text: a summary line (wall, CPU, backend), the
 * memory figures, then two aligned tables, regions and tfjs kernels, by total wall
 * time (calls, total and mean wall ms, CPU ms, share of the session's wall time).
 */
export function formatProfileTable(report: ProfileReport, opts: ProfileTableOptions = {}): string {
  const top = opts.top ?? 15;
  const ms = (x: number | null) => (x === null ? '–' : x.toFixed(x < 10 ? 3 : 1));
  const pct = (x: number) => (report.wallMs > 0 ? `${((100 * x) / report.wallMs).toFixed(1)}%` : '–');
  const mem = report.memory;
  const lines = [
    `profile: ${ms(report.wallMs)} ms wall, ${ms(report.cpuMs)} ms CPU, backend ${report.backend || '(none)'}, ${report.samples.length} samples`,
    `tensors: peak ${formatBytes(mem.peakBytes)} in ${mem.peakTensors} tensors; start ${formatBytes(mem.startBytes)} (${mem.startTensors}), end ${formatBytes(mem.endBytes)} (${mem.endTensors})`,
  ];
  if (mem.peakHeapUsed !== null) {
    lines.push(`JS: peak heap used ${formatBytes(mem.peakHeapUsed)}, peak array buffers ${formatBytes(mem.peakArrayBuffers ?? 0)}`);
  }
  if (report.regionTotals.length > 0) {
    lines.push('', 'regions');
    lines.push(
      ...align(
        ['name', 'calls', 'wall ms', 'mean ms', 'CPU ms', 'share'],
        report.regionTotals
          .slice(0, top)
          .map((r) => [r.name, String(r.calls), ms(r.wallMs), ms(r.wallMs / r.calls), ms(r.cpuMs), pct(r.wallMs)]),
      ),
    );
  }
  if (report.kernels.length > 0) {
    const gpu = report.kernels.some((k) => k.gpuMs !== null);
    lines.push('', 'kernels');
    lines.push(
      ...align(
        ['name', 'calls', 'wall ms', 'mean ms', 'CPU ms', ...(gpu ? ['GPU ms'] : []), 'share', 'bytes added'],
        report.kernels
          .slice(0, top)
          .map((k) => [
            k.name,
            String(k.calls),
            ms(k.wallMs),
            ms(k.wallMs / k.calls),
            ms(k.cpuMs),
            ...(gpu ? [ms(k.gpuMs)] : []),
            pct(k.wallMs),
            formatBytes(k.bytesAdded),
          ]),
      ),
    );
  }
  return lines.join('\n');
}

/** Bytes with a binary unit: 512 B, 1.5 KiB, 3.2 MiB, 1.1 GiB (negative values keep their sign). */
function formatBytes(b: number): string {
  const a = Math.abs(b);
  if (a < 1024) return `${b} B`;
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let v = b / 1024,
    u = 0;
  while (Math.abs(v) >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${v.toFixed(1)} ${units[u]}`;
}

/** Header, dashed rule and rows; the first column left-aligned, the others right-aligned. */
function align(header: string[], rows: string[][]): string[] {
  const w = header.map((h, j) => Math.max(h.length, ...rows.map((r) => r[j].length)));
  const fmt = (r: string[]) => r.map((c, j) => (j === 0 ? c.padEnd(w[j]) : c.padStart(w[j]))).join('  ');
  return [fmt(header), w.map((x) => '-'.repeat(x)).join('  '), ...rows.map(fmt)].map((l) => l.trimEnd());
}
