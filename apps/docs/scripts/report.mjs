// Build time and bundle sizes of the built site (apps/docs/.vitepress/dist):
//
//   node apps/docs/scripts/report.mjs            report on the current dist (build time of the last build)
//   node apps/docs/scripts/report.mjs --build    build first (scripts/build.mjs), then report
//   node apps/docs/scripts/report.mjs --json     one JSON document instead of the text
//
// Sizes are bytes on disk and gzip -9 of each file (what a server sending gzip transfers). "Initial"
// is what every page loads before anything runs (the HTML of the home page, the CSS and the JS it
// references); the demos' libraries (tfjs and its backends, h5wasm, vega) are separate chunks loaded by
// dynamic import when a demo runs, and are listed as the largest chunks.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const docs = fileURLToPath(new URL('..', import.meta.url));
const dist = path.join(docs, '.vitepress', 'dist');
const args = new Set(process.argv.slice(2));

if (args.has('--build')) {
  const r = spawnSync(process.execPath, [path.join(docs, 'scripts', 'build.mjs')], { cwd: docs, stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
if (!existsSync(path.join(dist, 'index.html'))) {
  console.error('report: apps/docs/.vitepress/dist is missing; build it (npm run build -w @neurite/docs) or pass --build');
  process.exit(1);
}

const files = [];
const walk = (dir) => {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) walk(full);
    else files.push(full);
  }
};
walk(dist);
const rel = (f) => path.relative(dist, f).split(path.sep).join('/');
const gz = (f) => gzipSync(readFileSync(f), { level: 9 }).length;
const size = (f) => statSync(f).size;
const sum = (list, fn) => list.reduce((a, f) => a + fn(f), 0);

const html = files.filter((f) => f.endsWith('.html'));
const js = files.filter((f) => f.endsWith('.js'));
const css = files.filter((f) => f.endsWith('.css'));
const wasm = files.filter((f) => f.endsWith('.wasm'));
const fonts = files.filter((f) => f.endsWith('.woff2'));

// What the home page loads up front: its <script src>, <link rel="modulepreload"|stylesheet>.
const home = readFileSync(path.join(dist, 'index.html'), 'utf8');
const initial = new Set([path.join(dist, 'index.html')]);
for (const m of home.matchAll(/(?:src|href)="(\/[^"]+\.(?:js|css))"/g)) {
  const f = path.join(dist, m[1]);
  if (existsSync(f)) initial.add(f);
}
const initialList = [...initial];

const largest = js
  .map((f) => ({ file: rel(f), bytes: size(f), gzip: gz(f) }))
  .sort((a, b) => b.bytes - a.bytes)
  .slice(0, 12);

const buildTimeFile = path.join(docs, '.vitepress', 'cache', 'build-time.json');
const buildTime = existsSync(buildTimeFile) ? JSON.parse(readFileSync(buildTimeFile, 'utf8')) : null;

const report = {
  buildTime,
  pages: { total: html.length, api: html.filter((f) => rel(f).startsWith('api/')).length },
  total: { files: files.length, bytes: sum(files, size) },
  html: { bytes: sum(html, size), gzip: sum(html, gz) },
  js: { files: js.length, bytes: sum(js, size), gzip: sum(js, gz) },
  css: { bytes: sum(css, size), gzip: sum(css, gz) },
  fonts: { files: fonts.length, bytes: sum(fonts, size) },
  wasm: wasm.map((f) => ({ file: rel(f), bytes: size(f), gzip: gz(f) })),
  initialHome: { files: initialList.map(rel), bytes: sum(initialList, size), gzip: sum(initialList, gz) },
  largestJs: largest,
};

if (args.has('--json')) {
  console.log(JSON.stringify(report, null, 2));
} else {
  const mb = (b) => `${(b / 2 ** 20).toFixed(2)} MiB`;
  const kb = (b) => `${(b / 1024).toFixed(1)} kB`;
  console.log('docs site (apps/docs/.vitepress/dist)');
  if (buildTime)
    console.log(
      `  build time: ${buildTime.totalSeconds.toFixed(1)} s (prepare ${buildTime.prepareSeconds.toFixed(1)} s, vitepress ${buildTime.vitepressSeconds.toFixed(1)} s) at ${buildTime.date}${buildTime.api ? '' : ' (without API pages)'}`,
    );
  else console.log('  build time: unknown (build with npm run build -w @neurite/docs)');
  console.log(`  pages: ${report.pages.total} (${report.pages.api} API)`);
  console.log(`  total: ${report.total.files} files, ${mb(report.total.bytes)}`);
  console.log(`  html: ${mb(report.html.bytes)} (gzip ${mb(report.html.gzip)})`);
  console.log(`  js: ${report.js.files} files, ${mb(report.js.bytes)} (gzip ${mb(report.js.gzip)})`);
  console.log(
    `  css: ${kb(report.css.bytes)} (gzip ${kb(report.css.gzip)}); fonts: ${report.fonts.files} files, ${kb(report.fonts.bytes)}`,
  );
  for (const w of report.wasm) console.log(`  wasm ${w.file}: ${kb(w.bytes)} (gzip ${kb(w.gzip)})`);
  console.log(
    `  home page, loaded up front: ${report.initialHome.files.length} files, ${kb(report.initialHome.bytes)} (gzip ${kb(report.initialHome.gzip)})`,
  );
  console.log('  largest JS chunks (loaded on demand by the demos and search):');
  for (const c of largest) console.log(`    ${c.file}: ${kb(c.bytes)} (gzip ${kb(c.gzip)})`);
}
