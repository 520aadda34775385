// `npm run check-pack`: what a user gets from npm, tried as a user would.
//
// 1. `npm pack` of every public package (after `turbo run build`), and a check
//    that each tarball holds what it needs: package.json, README.md, LICENSE,
//    the main/types/bin files, every `exports` target with its type
//    declarations, every file its JavaScript imports or fetches
//    (`new URL('./x', import.meta.url)`) by relative path, and a declared
//    dependency for every package its JavaScript imports. (@neurite/tensor
//    ships no .wasm of its own: its SIMD kernel is inlined, the backend's
//    .wasm files come with @tensorflow/tfjs-backend-wasm; step 2 checks them.)
// 2. A fresh project under os.tmpdir() installs ONLY @neurite/tensor and
//    @neurite/hrr from those tarballs (their dependencies come from the npm
//    registry), then runs the first ```js snippet of packages/hrr/README.md:
//    - in Node (`node snippet.mjs`), and the first ```js block of
//      packages/tensor/README.md too;
//    - in headless Chromium: bundled by esbuild with `--bundle
//      --platform=browser --format=esm` and no plugins, served from 127.0.0.1
//      with the wasm backend's .wasm files copied next to the page. The page
//      must print the same lines as Node.
//    - a program that throws after setBackend('wasm') must exit 1 with its own
//      error (not one rethrown by the emscripten module's handlers);
//    - a TypeScript file using both packages compiles (strict, skipLibCheck);
//      the errors without skipLibCheck are counted and printed, not failed.
// Prints the install size (du -sb node_modules) and the time of each phase;
// ends with `check-pack: N problems` and exits 1 when there is any.
// Without /usr/bin/chromium the browser part is skipped, unless CI is set.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { CHROMIUM, CHROMIUM_ARGS } from '../test-utils/chromium.mjs';
import { firstJsBlock } from './first-js-block.mjs';
import { tarballProblems } from './tarball-problems.mjs';

const root = resolve(import.meta.dirname, '..');
const FRESH_PACKAGES = ['tensor', 'hrr'];
const SNIPPET_README = 'packages/hrr/README.md';
const NODE_ONLY_READMES = ['packages/tensor/README.md'];
const keep = process.argv.includes('--keep'); // keep the temp directory (its path is printed)
const noBuild = process.argv.includes('--no-build'); // use the dist/ folders as they are

const problems = [];
const problem = (msg) => {
  problems.push(msg);
  console.log(`  PROBLEM: ${msg}`);
};
const secs = (t0) => `${((performance.now() - t0) / 1000).toFixed(1)} s`;
const mb = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`;

function sh(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 28, ...opts });
  return { status: r.status ?? 1, stdout: r.stdout ?? '', stderr: (r.stderr ?? '') + (r.error ? String(r.error) : '') };
}

const work = mkdtempSync(join(tmpdir(), 'neurite-check-pack-'));
const tStart = performance.now();
try {
  await main();
} finally {
  if (keep) console.log(`kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}
console.log(`check-pack: ${problems.length} problem${problems.length === 1 ? '' : 's'} (${secs(tStart)})`);
process.exit(problems.length > 0 ? 1 : 0);

async function main() {
  let t0 = performance.now();
  const build = noBuild
    ? { status: 0 }
    : sh('npx', ['turbo', 'run', 'build', '--output-logs=errors-only'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) return problem('the build failed (npx turbo run build)');
  console.log(`[check-pack] build: ${secs(t0)}`);

  // 1. Pack and inspect every public package.
  t0 = performance.now();
  const tarballs = {};
  for (const name of readdirSync(join(root, 'packages')).sort()) {
    const dir = join(root, 'packages', name);
    if (!existsSync(join(dir, 'package.json'))) continue;
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    if (pkg.private) continue;
    const dest = join(work, 'tarballs');
    mkdirSync(dest, { recursive: true });
    const r = sh('npm', ['pack', '--json', '--pack-destination', dest], { cwd: dir });
    if (r.status !== 0) {
      problem(`${pkg.name}: npm pack failed: ${r.stderr.trim().split('\n').slice(-3).join(' ')}`);
      continue;
    }
    const [info] = JSON.parse(r.stdout.slice(r.stdout.indexOf('[')));
    const tarball = join(dest, info.filename);
    tarballs[name] = tarball;
    const unpacked = join(work, 'unpacked', name);
    mkdirSync(unpacked, { recursive: true });
    if (sh('tar', ['-xzf', tarball, '-C', unpacked]).status !== 0) {
      problem(`${pkg.name}: cannot extract ${info.filename}`);
      continue;
    }
    console.log(`${pkg.name}: ${info.entryCount} files, tarball ${mb(info.size)}, unpacked ${mb(info.unpackedSize)}`);
    const pkgDir = join(unpacked, 'package');
    for (const msg of tarballProblems(pkg, new Set(info.files.map((f) => f.path)), (f) => readFileSync(join(pkgDir, f), 'utf8')))
      problem(msg);
  }
  console.log(`[check-pack] pack and inspect: ${secs(t0)}`);

  // 2. A fresh project with only @neurite/tensor and @neurite/hrr.
  const missing = FRESH_PACKAGES.filter((n) => !tarballs[n]);
  if (missing.length) return problem(`no tarball for ${missing.join(', ')}: fresh install skipped`);
  const proj = join(work, 'fresh');
  mkdirSync(proj);
  writeFileSync(
    join(proj, 'package.json'),
    JSON.stringify({ name: 'neurite-fresh-install', private: true, type: 'module' }, null, 2) + '\n',
  );
  t0 = performance.now();
  const install = sh(
    'npm',
    ['install', ...FRESH_PACKAGES.map((n) => tarballs[n]), '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'],
    { cwd: proj },
  );
  if (install.status !== 0) return problem(`npm install of ${FRESH_PACKAGES.join(' + ')} tarballs failed:\n${install.stderr.trim()}`);
  const du = sh('du', ['-sb', 'node_modules'], { cwd: proj });
  const size = Number(du.stdout.split(/\s/)[0]);
  const biggest = readdirSync(join(proj, 'node_modules'))
    .flatMap((d) => (d.startsWith('@') ? readdirSync(join(proj, 'node_modules', d)).map((s) => `${d}/${s}`) : [d]))
    .filter((d) => !d.startsWith('.'))
    .map((d) => ({ d, bytes: Number(sh('du', ['-sb', join('node_modules', d)], { cwd: proj }).stdout.split(/\s/)[0]) }))
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, 5);
  console.log(`fresh install of ${FRESH_PACKAGES.map((n) => `@neurite/${n}`).join(' + ')}: ${secs(t0)}, node_modules ${mb(size)} (du -sb)`);
  console.log(`  largest: ${biggest.map(({ d, bytes }) => `${d} ${mb(bytes)}`).join(', ')}`);

  const snippet = firstJsBlock(readFileSync(join(root, SNIPPET_README), 'utf8'));
  if (!snippet) return problem(`${SNIPPET_README} has no \`\`\`js block`);
  writeFileSync(join(proj, 'snippet.mjs'), snippet);

  // 2a. Node.
  t0 = performance.now();
  const node = sh('node', ['snippet.mjs'], { cwd: proj, timeout: 180_000 });
  const nodeLines = node.stdout.trim().split('\n');
  if (node.status !== 0) problem(`the ${SNIPPET_README} snippet failed in Node (exit ${node.status}):\n${node.stderr.trim()}`);
  else
    console.log(
      `Node ran the ${SNIPPET_README} snippet (${secs(t0)}):\n${indent(node.stdout)}${node.stderr ? `  stderr:\n${indent(node.stderr)}` : ''}`,
    );

  // The other installed package's README snippet, in Node (its output names the platform).
  for (const readme of NODE_ONLY_READMES) {
    const code = firstJsBlock(readFileSync(join(root, readme), 'utf8'));
    if (!code) {
      problem(`${readme} has no \`\`\`js block`);
      continue;
    }
    const file = `snippet-${readme.split('/')[1]}.mjs`;
    writeFileSync(join(proj, file), code);
    t0 = performance.now();
    const r = sh('node', [file], { cwd: proj, timeout: 180_000 });
    if (r.status !== 0) problem(`the ${readme} snippet failed in Node (exit ${r.status}):\n${indent(r.stderr.trim())}`);
    else console.log(`Node ran the ${readme} snippet (${secs(t0)}):\n${indent(r.stdout)}`);
  }

  // 2b. An uncaught error in a program that started the wasm backend is the program's own.
  writeFileSync(
    join(proj, 'uncaught.mjs'),
    "import { setBackend } from '@neurite/tensor';\nawait setBackend('wasm');\nthrow new Error('the program failed');\n",
  );
  const uncaught = sh('node', ['uncaught.mjs'], { cwd: proj, timeout: 60_000 });
  const firstLines = uncaught.stderr.trim().split('\n').slice(0, 6).join('\n');
  if (
    uncaught.status !== 1 ||
    !/uncaught\.mjs/.test(firstLines) ||
    !firstLines.includes('the program failed') ||
    /tfjs-backend-wasm|tf-backend-wasm/.test(firstLines)
  )
    problem(`an uncaught error after setBackend('wasm') exits ${uncaught.status} (want 1) and prints:\n${indent(firstLines)}`);
  else console.log(`an uncaught error after setBackend('wasm'): exit 1, reported at uncaught.mjs`);

  // 2c. TypeScript users: our declarations compile with skipLibCheck; without it,
  // errors in dependencies' declaration files are counted (not a failure: the README states it).
  t0 = performance.now();
  writeFileSync(
    join(proj, 'consumer.ts'),
    "import { setBackend } from '@neurite/tensor';\nimport { createVsa } from '@neurite/hrr';\nawait setBackend('cpu');\nconst vsa = createVsa({ model: 'hrr', dim: 64 });\nconst a: Float32Array = vsa.bind(vsa.random(1), vsa.random(2));\nconsole.log(a.length);\n",
  );
  const tsc = (skipLibCheck) => {
    const compilerOptions = {
      strict: true,
      noEmit: true,
      target: 'es2022',
      module: 'nodenext',
      moduleResolution: 'nodenext',
      lib: ['es2022', 'dom'],
      types: [],
      skipLibCheck,
    };
    writeFileSync(join(proj, 'tsconfig.json'), JSON.stringify({ compilerOptions, files: ['consumer.ts'] }, null, 2));
    return sh(join(root, 'node_modules', '.bin', 'tsc'), ['-p', 'tsconfig.json'], { cwd: proj });
  };
  const tsStrict = tsc(true);
  if (tsStrict.status !== 0) problem(`a TypeScript user (strict, skipLibCheck) gets errors:\n${indent(tsStrict.stdout)}`);
  const tsFull = tsc(false);
  const tsErrors = (tsFull.stdout.match(/error TS\d+/g) ?? []).length;
  const tsFiles = [...new Set([...tsFull.stdout.matchAll(/^(node_modules\/(?:@[^/]+\/)?[^/]+)/gm)].map((m) => m[1]))];
  console.log(
    `TypeScript ${sh(join(root, 'node_modules', '.bin', 'tsc'), ['--version'])
      .stdout.trim()
      .replace(
        'Version ',
        '',
      )} user: strict + skipLibCheck ${tsStrict.status === 0 ? 'compiles' : 'FAILS'}; without skipLibCheck ${tsErrors} errors${tsFiles.length ? ` in ${tsFiles.join(', ')}` : ''} (${secs(t0)})`,
  );

  // 2d. Browser.
  if (!existsSync(CHROMIUM)) {
    if (process.env.CI) problem(`${CHROMIUM} is missing (apt-get install -y chromium): the browser check must run in CI`);
    else console.log(`browser check skipped: ${CHROMIUM} not found (apt-get install -y chromium)`);
    return;
  }
  t0 = performance.now();
  const web = join(proj, 'web');
  mkdirSync(web);
  writeFileSync(join(proj, 'entry.mjs'), "import './snippet.mjs';\nglobalThis.__snippetDone = true;\n");
  const { build: esbuild } = await import('esbuild');
  try {
    await esbuild({
      entryPoints: [join(proj, 'entry.mjs')],
      absWorkingDir: proj,
      bundle: true,
      platform: 'browser',
      format: 'esm',
      outfile: join(web, 'app.js'),
      logLevel: 'silent',
    });
  } catch (e) {
    return problem(
      `esbuild --bundle --platform=browser of the snippet failed:\n${(e.errors ?? [e]).map((x) => `  ${x.text ?? x.message}${x.location ? ` (${x.location.file}:${x.location.line})` : ''}`).join('\n')}`,
    );
  }
  // The documented recipe for the wasm backend: the .wasm files next to the page.
  const wasmDir = join(proj, 'node_modules', '@tensorflow', 'tfjs-backend-wasm', 'dist');
  const wasmFiles = existsSync(wasmDir) ? readdirSync(wasmDir).filter((f) => f.endsWith('.wasm')) : [];
  if (wasmFiles.length === 0) problem('no .wasm files in node_modules/@tensorflow/tfjs-backend-wasm/dist of the fresh install');
  for (const f of wasmFiles) copyFileSync(join(wasmDir, f), join(web, f));
  writeFileSync(
    join(web, 'index.html'),
    '<!doctype html><meta charset="utf-8"><title>neurite check-pack</title><link rel="icon" href="data:,"><script type="module" src="./app.js"></script>\n',
  );
  console.log(
    `esbuild bundle of the snippet: ${mb(statSync(join(web, 'app.js')).size)} (${secs(t0)}); served with ${wasmFiles.join(', ')}`,
  );

  t0 = performance.now();
  const browserLines = await runInChromium(web);
  if (browserLines) {
    console.log(`Chromium ran the bundled snippet (${secs(t0)}):\n${indent(browserLines.join('\n'))}`);
    if (node.status === 0 && browserLines.join('\n') !== nodeLines.join('\n'))
      problem('the browser printed other lines than Node (see above)');
  }
}

function indent(text) {
  return (
    text
      .trimEnd()
      .split('\n')
      .map((l) => `    ${l}`)
      .join('\n') + '\n'
  );
}

/** Serves `dir` on 127.0.0.1, opens its index.html in headless Chromium, returns the console lines (null on failure). */
async function runInChromium(dir) {
  const types = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm' };
  const requests = [];
  const server = http.createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const file = join(dir, path === '/' ? 'index.html' : path);
    const ok = file.startsWith(dir) && existsSync(file) && statSync(file).isFile();
    requests.push(`${ok ? 200 : 404} ${path}`);
    if (!ok) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    const lines = [];
    const errors = [];
    page.on('console', (m) => (m.type() === 'error' ? errors.push(m.text()) : lines.push(m.text())));
    page.on('pageerror', (e) => errors.push(e.stack ?? e.message));
    await page.goto(`http://127.0.0.1:${server.address().port}/`);
    const done = await page
      .waitForFunction(() => globalThis.__snippetDone === true, null, { timeout: 180_000, polling: 100 })
      .then(() => true)
      .catch(() => false);
    if (!done || errors.length) {
      problem(
        `the bundled snippet did not finish in Chromium${errors.length ? `:\n${indent(errors.join('\n'))}` : ' (timeout)'}` +
          `  console:\n${indent(lines.join('\n') || '(nothing)')}  requests: ${requests.join(', ')}`,
      );
      return null;
    }
    return lines;
  } finally {
    await browser.close();
    server.close();
  }
}
