// `npm run lint`: ESLint (eslint.config.js), Prettier --check (.prettierrc.json),
// publint on every package's exports and the release metadata every package
// needs (LICENSE, repository, engines). Prints each problem and ends with
// `lint: N problems`; exits 1 when there is any. Run after `npm run build`:
// publint checks that the files the exports name are in the tarball.
//
//   node scripts/lint.mjs                      every step
//   node scripts/lint.mjs --only eslint,publint   some steps (eslint, prettier, publint, metadata)
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';

const root = resolve(import.meta.dirname, '..');
const STEPS = ['eslint', 'prettier', 'publint', 'metadata'];
const { values } = parseArgs({ options: { only: { type: 'string' } } });
const only = values.only ? values.only.split(',') : STEPS;
for (const s of only) if (!STEPS.includes(s)) throw new Error(`lint: unknown step ${s} (steps: ${STEPS.join(', ')})`);

/** The workspace packages: `{ dir, pkg }` for each packages/<name>/package.json. */
function workspacePackages() {
  return readdirSync(join(root, 'packages'), { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(root, 'packages', d.name, 'package.json')))
    .map((d) => ({
      dir: join(root, 'packages', d.name),
      name: d.name,
      pkg: JSON.parse(readFileSync(join(root, 'packages', d.name, 'package.json'), 'utf8')),
    }));
}

const bin = (name) => join(root, 'node_modules', '.bin', name);
let problems = 0;

function step(name, fn) {
  if (!only.includes(name)) return;
  const t0 = performance.now();
  const n = fn();
  return n.then?.((k) => report(name, k, t0)) ?? report(name, n, t0);
}
function report(name, n, t0) {
  problems += n;
  console.log(
    `[lint] ${name}: ${n === 0 ? 'ok' : `${n} problem${n === 1 ? '' : 's'}`} (${((performance.now() - t0) / 1000).toFixed(1)} s)`,
  );
}

await step('eslint', () => {
  // Errors count (warnings do not); each is printed as file:line:column message rule.
  const r = spawnSync(bin('eslint'), ['--format', 'json', '.'], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 28 });
  let results;
  try {
    results = JSON.parse(r.stdout);
  } catch {
    process.stdout.write(r.stdout + r.stderr);
    return 1;
  }
  let n = 0;
  for (const f of results) {
    for (const m of f.messages) {
      if (m.severity !== 2) continue;
      n++;
      console.log(`${f.filePath.slice(root.length + 1)}:${m.line ?? 0}:${m.column ?? 0}  ${m.message}  ${m.ruleId ?? ''}`);
    }
  }
  return n;
});

await step('prettier', () => {
  // --list-different prints the files whose formatting differs (one a line);
  // a file Prettier cannot parse goes to stderr (exit 2) and counts once.
  const r = spawnSync(bin('prettier'), ['--list-different', '.'], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26 });
  const files = r.stdout.split('\n').filter(Boolean);
  for (const f of files) console.log(`${f}: not formatted (npx prettier --write ${f})`);
  const broken = r.status === 2 || (r.status !== 0 && files.length === 0);
  if (broken) process.stdout.write(r.stderr || `prettier exited ${r.status}\n`);
  return files.length + (broken ? 1 : 0);
});

await step('publint', async () => {
  let n = 0;
  for (const { dir, name, pkg } of workspacePackages()) {
    if (pkg.private) continue;
    // strict: warnings count as errors; suggestions are printed but do not fail.
    const { messages } = await publint({ pkgDir: dir, strict: true, level: 'suggestion', pack: 'npm' });
    for (const m of messages) {
      const text = `packages/${name}: publint ${m.type}: ${formatMessage(m, pkg)}`;
      console.log(text);
      if (m.type !== 'suggestion') n++;
    }
  }
  return n;
});

await step('metadata', () => {
  // What each published package.json must carry (the tarball check is scripts/check-pack.mjs).
  let n = 0;
  const fail = (name, msg) => {
    n++;
    console.log(`packages/${name}/package.json: ${msg}`);
  };
  for (const { dir, name, pkg } of workspacePackages()) {
    if (pkg.private) continue;
    if (pkg.license !== 'MIT') fail(name, `license must be "MIT", got ${JSON.stringify(pkg.license)}`);
    if (!existsSync(join(dir, 'LICENSE'))) fail(name, 'packages/' + name + '/LICENSE is missing (copy the root LICENSE)');
    if (Array.isArray(pkg.files) && !pkg.files.includes('LICENSE')) fail(name, '"files" must include "LICENSE"');
    if (!existsSync(join(dir, 'README.md'))) fail(name, 'README.md is missing');
    if (pkg.repository?.directory !== `packages/${name}` || !pkg.repository?.url)
      fail(name, `repository must be { type, url, directory: "packages/${name}" }`);
    if (!pkg.homepage) fail(name, 'homepage is missing');
    if (!pkg.bugs?.url) fail(name, 'bugs.url is missing');
    if (!pkg.engines?.node) fail(name, 'engines.node is missing');
    if (!pkg.description) fail(name, 'description is missing');
  }
  return n;
});

console.log(`lint: ${problems} problem${problems === 1 ? '' : 's'}`);
process.exit(problems > 0 ? 1 : 0);
