import { describe, expect, it } from 'vitest';
import { table } from '../src/table.js';

describe('table', () => {
  const rows = [
    { case: 'matmul', value: 25.04, goal: '≥ 20 GFLOP/s' },
    { case: 'topK', value: 1.5, goal: undefined },
    { case: 'normals', value: null, goal: '≤ 0.2 s' },
  ];

  it('prints a header, a dashed rule per column and one line per row', () => {
    const lines = table(rows, ['case', 'value', 'goal']).split('\n');
    expect(lines).toHaveLength(2 + rows.length);
    expect(lines[0].split(/\s{2,}/)).toEqual(['case', 'value', 'goal']);
    expect(lines[1]).toMatch(/^-+ {2}-+ {2}-+$/);
    expect(lines.map((l) => l.split(/\s{2,}/)[0])).toEqual(['case', lines[1].split('  ')[0], 'matmul', 'topK', 'normals']);
  });

  it('starts every cell of a left-aligned column where its header starts, and trims line ends', () => {
    const lines = table(rows, ['case', 'value', 'goal']).split('\n');
    const col = lines[0].indexOf('goal');
    expect(lines[2].slice(col)).toBe('≥ 20 GFLOP/s'); // '≥' is one column wide
    expect(lines[4].slice(col)).toBe('≤ 0.2 s');
    expect(lines[3]).toBe(lines[3].trimEnd());
    expect(lines[3].length).toBeLessThan(col); // undefined cell: nothing after the value
    expect(lines[1].split('  ').map((d) => d.length)).toEqual(['normals'.length, 'value'.length, '≥ 20 GFLOP/s'.length]);
  });

  it('right-aligns a column on request and uses the header text given', () => {
    const lines = table(rows, ['case', { key: 'value', header: 'v', align: 'right' }]).split('\n');
    expect(lines[0]).toBe('case         v'); // 'normals' sets the first width (7), '25.04' the second (5)
    expect(lines[2]).toBe('matmul   25.04');
    expect(lines[3]).toBe('topK       1.5');
    expect(lines[4]).toBe('normals'); // null: empty cell
  });

  it('prints only the header and rule for no rows', () => {
    expect(table([], ['a', { key: 'b', header: 'bee' }])).toBe('a  bee\n-  ---');
  });
});
