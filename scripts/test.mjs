// `npm test`: install if needed, build, run every test (Node and headless
// Chromium), and end with the line `N passed, N failed`.
import { readFileSync, rmSync } from 'node:fs';
import { ensureInstall, run } from './ensure-install.mjs';

ensureInstall();
if (run('npx', ['turbo', 'run', 'build', '--output-logs=errors-only']) !== 0) {
  console.log('0 passed, 1 failed');
  process.exit(1);
}
const out = 'test-results.json';
rmSync(out, { force: true });
const status = run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`, ...process.argv.slice(2)]);
let passed = 0, failed = 0, skipped = 0;
try {
  const r = JSON.parse(readFileSync(out, 'utf8'));
  passed = r.numPassedTests; failed = r.numFailedTests; skipped = r.numPendingTests + (r.numTodoTests ?? 0);
  // A test file that failed to load has no tests but must count as a failure.
  for (const f of r.testResults ?? []) if (f.status === 'failed' && (f.assertionResults ?? []).length === 0) failed++;
} catch {
  failed = Math.max(failed, 1);
}
if (status !== 0 && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed` + (skipped ? `, ${skipped} skipped` : ''));
process.exit(failed > 0 ? 1 : 0);
