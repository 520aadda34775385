import { describe, expect, it } from 'vitest';
import { formatTable } from '../src/format-table.js';
import type { BenchResult } from '../src/suite.js';

const rows: BenchResult[] = [
  {
    case: 'matmul',
    params: { n: 512 },
    backend: 'wasm',
    metric: 'throughput',
    unit: 'GFLOP/s',
    value: 25.04,
    reference: { name: 'tfjs-cpu', value: 0.5 },
    ratio: 50.08,
    goal: '≥ 20 GFLOP/s',
  },
  { case: 'fft', params: { n: 1024, batch: 1 }, backend: 'js', metric: 'time', unit: 'us', value: 0.00012 },
  { case: 'topK', params: {}, backend: 'js', metric: 'time', unit: 'ms', value: Number.NaN, note: 'not available: topK' },
];

describe('formatTable', () => {
  const text = formatTable('demo', rows);
  const lines = text.split('\n');

  it('has a title, a header, a rule and one line per result, then the notes', () => {
    expect(lines[0]).toBe('== demo ==');
    expect(lines[1].split(/\s{2,}/)).toEqual(['case', 'params', 'backend', 'value', 'unit', 'reference', 'ratio', 'goal']);
    expect(lines[2]).toMatch(/^-+( +-+)+$/);
    expect(lines).toHaveLength(3 + rows.length + 1);
    expect(lines[6]).toBe('* topK: not available: topK');
  });

  it('aligns columns: every header name starts where its values start', () => {
    const col = lines[1].indexOf('value');
    expect(lines[3].slice(col).startsWith('25.0 ')).toBe(true);
    expect(lines[4].slice(col).startsWith('1.20e-4')).toBe(true);
  });

  it('shows params as k=v, the reference with its name, the ratio and the goal', () => {
    expect(lines[3]).toContain('n=512');
    expect(lines[4]).toContain('n=1024 batch=1');
    expect(lines[3]).toContain('tfjs-cpu 0.500');
    expect(lines[3]).toContain('50.1');
    expect(lines[3].trimEnd().endsWith('≥ 20 GFLOP/s')).toBe(true);
  });

  it('prints n/a for a value that was not measured and leaves reference and ratio empty without a reference', () => {
    const col = lines[1].indexOf('value');
    expect(lines[5].slice(col).startsWith('n/a')).toBe(true);
    expect(lines[4].slice(lines[1].indexOf('reference')).trim()).toBe('');
  });
});
