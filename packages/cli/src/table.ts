import Table from 'cli-table3';

/** A column of `table`: the row key it shows, its header (default: the key) and alignment (default left). */
export interface TableColumn {
  /** The key of each row whose value this column shows. */
  key: string;
  /** The column's header (default: `key`). */
  header?: string;
  /** Alignment of the cells (default `'left'`; numbers read best `'right'`). */
  align?: 'left' | 'right';
}

// No borders; a rule of dashes under the header only (cli-table3 draws `mid` rules after the head row in compact style).
const CHARS = {
  top: '',
  'top-mid': '',
  'top-left': '',
  'top-right': '',
  bottom: '',
  'bottom-mid': '',
  'bottom-left': '',
  'bottom-right': '',
  left: '',
  'left-mid': '',
  mid: '-',
  'mid-mid': '  ',
  right: '',
  'right-mid': '',
  middle: '  ',
};

/**
 * The one terminal-table helper of the project (cli-table3, no borders, no colour):
 * a header line, a rule of dashes under each header, then one line per row. Columns are
 * separated by two spaces and padded to their widest cell by display width (`≤` and `µ`
 * count as one column); lines are trimmed at their end. A cell is `String(value)`, or
 * empty for null and undefined.
 *
 * @example
 * ```ts
 * import { table } from '@neurite/cli';
 *
 * console.log(table([{ layer: 'fc1', luts: 2302 }, { layer: 'fc2', luts: 96 }], ['layer', { key: 'luts', header: 'LUT', align: 'right' }]));
 * // layer   LUT
 * // -----  ----
 * // fc1    2302
 * // fc2      96
 * ```
 */
export function table(rows: ReadonlyArray<Record<string, unknown>>, columns: ReadonlyArray<string | TableColumn>): string {
  const cols: TableColumn[] = columns.map((c) => (typeof c === 'string' ? { key: c } : c));
  const head = cols.map((c) => c.header ?? c.key);
  if (rows.length === 0) return [head.join('  '), head.map((h) => '-'.repeat(h.length)).join('  ')].join('\n');
  const t = new Table({
    head,
    chars: CHARS,
    style: { head: [], border: [], 'padding-left': 0, 'padding-right': 0, compact: true },
    colAligns: cols.map((c) => c.align ?? 'left'),
  });
  // one push per row: spreading every row into one call overflows the stack for long tables (≈ 10^5 rows)
  for (const r of rows) t.push(cols.map((c) => (r[c.key] === undefined || r[c.key] === null ? '' : String(r[c.key]))));
  return t
    .toString()
    .split('\n')
    .map((l) => l.trimEnd())
    .join('\n');
}
