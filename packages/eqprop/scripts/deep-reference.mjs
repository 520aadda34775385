// What deep-compare.mjs and deep-multistep.mjs share: running the numpy version of the published model
// (packages/bench/references/eqprop_deep.py, Debian's /usr/bin/python3) on a case, and the largest difference of two arrays.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const reference = new URL('../../bench/references/eqprop_deep.py', import.meta.url).pathname;

/** eqprop_deep.py's `mode` ('step' or 'steps') on the case object `c` (written to a temporary file); returns its output. */
export function runDeepReference(mode, c) {
  const dir = mkdtempSync(join(tmpdir(), 'eqprop-deep-'));
  writeFileSync(join(dir, 'case.json'), JSON.stringify(c));
  execFileSync('/usr/bin/python3', [reference, mode, join(dir, 'case.json'), join(dir, 'out.json')], { stdio: 'inherit' });
  return JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8'));
}

/** max_i |a_i − b_i|. */
export function maxDiff(a, b) {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}
