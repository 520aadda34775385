// `npm test`: install if needed, build, lint (scripts/lint.mjs: ESLint,
// Prettier, publint, package metadata), type-check (`npm run typecheck`: every
// package's src and test, and tsconfig.tools.json), run every test (Node and
// headless Chromium), and end with the line `N passed, N failed`. A failing
// build, lint or type-check counts as one failed test each, after its errors
// are printed.
//
//   npm test                       everything
//   npm test -- packages/hrr       vitest filters (lint and typecheck still run)
//   NEURITE_TEST_SKIP=lint,typecheck npm test    skip steps while iterating locally
import { readFileSync, rmSync } from 'node:fs';
import { ensureInstall, run } from './ensure-install.mjs';

ensureInstall();
const skip = new Set((process.env.NEURITE_TEST_SKIP ?? '').split(',').filter(Boolean));
const stepFailures = [];

if (run('npx', ['turbo', 'run', 'build', '--output-logs=errors-only']) !== 0) {
  console.log('build failed');
  console.log('0 passed, 1 failed');
  process.exit(1);
}
if (!skip.has('lint') && run('node', ['scripts/lint.mjs']) !== 0) stepFailures.push('lint (node scripts/lint.mjs)');
if (!skip.has('typecheck') && run('npm', ['run', '--silent', 'typecheck']) !== 0) stepFailures.push('typecheck (npm run typecheck)');

const out = 'test-results.json';
rmSync(out, { force: true });
const status = run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`, ...process.argv.slice(2)]);
let passed = 0,
  failed = 0,
  skipped = 0;
try {
  const r = JSON.parse(readFileSync(out, 'utf8'));
  passed = r.numPassedTests;
  failed = r.numFailedTests;
  skipped = r.numPendingTests + (r.numTodoTests ?? 0);
  // A test file that failed to load has no tests but must count as a failure.
  for (const f of r.testResults ?? []) if (f.status === 'failed' && (f.assertionResults ?? []).length === 0) failed++;
} catch {
  failed = Math.max(failed, 1);
}
if (status !== 0 && failed === 0) failed = 1;
for (const s of stepFailures) console.log(`failed step: ${s}`);
failed += stepFailures.length;
console.log(`${passed} passed, ${failed} failed` + (skipped ? `, ${skipped} skipped` : ''));
process.exit(failed > 0 ? 1 : 0);
