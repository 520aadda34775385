// `npm run build -w @neurite/docs` (also what `npm test` runs through turbo): scripts/prepare.mjs,
// then `vitepress build` into apps/docs/.vitepress/dist (replaced as a whole). Prints the wall time of each
// part and writes it to .vitepress/cache/build-time.json for scripts/report.mjs.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vitepress';

const docs = fileURLToPath(new URL('..', import.meta.url));

// One build at a time in a working tree: a second build waits (two builds writing one dist folder
// break each other). The lock is a folder holding the owner's pid; a dead owner's lock is taken over.
const lock = path.join(docs, '.vitepress', 'cache', 'build.lock');
mkdirSync(path.dirname(lock), { recursive: true });
for (let waited = 0; ; waited++) {
  try {
    mkdirSync(lock);
    writeFileSync(path.join(lock, 'pid'), String(process.pid));
    break;
  } catch {
    let owner = NaN;
    try {
      owner = Number(readFileSync(path.join(lock, 'pid'), 'utf8'));
    } catch {}
    let alive = false;
    try {
      alive = Number.isInteger(owner) && owner > 0 && process.kill(owner, 0);
    } catch {}
    if (!alive && waited > 2) rmSync(lock, { recursive: true, force: true });
    else {
      if (waited % 30 === 0) console.log(`[docs] waiting for another build of the site (pid ${owner || '?'})…`);
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
}
const unlock = () => rmSync(lock, { recursive: true, force: true });
process.on('exit', unlock);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(130));

const t0 = performance.now();
// VitePress writes a fresh folder beside the dist (.vitepress/config.mts reads NEURITE_DOCS_OUT_DIR),
// which replaces the dist only when the build succeeded: the browser tests keep reading the previous
// site meanwhile, and no page of an earlier build is left pointing to assets that are gone.
const dist = path.join(docs, '.vitepress', 'dist');
const fresh = path.join(docs, '.vitepress', `dist-building`);
rmSync(fresh, { recursive: true, force: true });
process.env.NEURITE_DOCS_OUT_DIR = fresh;
const r = spawnSync(process.execPath, [path.join(docs, 'scripts', 'prepare.mjs')], { cwd: docs, stdio: 'inherit' });
if (r.status !== 0) process.exit(r.status ?? 1);
const t1 = performance.now();
await build(docs);
const old = path.join(docs, '.vitepress', 'dist-old');
rmSync(old, { recursive: true, force: true });
if (existsSync(dist)) renameSync(dist, old);
renameSync(fresh, dist);
rmSync(old, { recursive: true, force: true });
const t2 = performance.now();
mkdirSync(path.join(docs, '.vitepress', 'cache'), { recursive: true });
writeFileSync(
  path.join(docs, '.vitepress', 'cache', 'build-time.json'),
  JSON.stringify({
    date: new Date().toISOString(),
    totalSeconds: (t2 - t0) / 1000,
    prepareSeconds: (t1 - t0) / 1000,
    vitepressSeconds: (t2 - t1) / 1000,
    api: !process.env.NEURITE_DOCS_SKIP_API,
  }) + '\n',
);
console.log(
  `[docs] site built in ${((t2 - t0) / 1000).toFixed(1)} s (prepare ${((t1 - t0) / 1000).toFixed(1)} s, vitepress build ${((t2 - t1) / 1000).toFixed(1)} s) → apps/docs/.vitepress/dist`,
);
