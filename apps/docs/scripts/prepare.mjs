// Everything the site needs before VitePress runs, for `vitepress build` and `vitepress dev` alike:
//   1. tfjs-backend-wasm's three .wasm files → public/tfjs-wasm/ (served at /tfjs-wasm/, passed to
//      setBackend('wasm', { wasmPaths }) by the demo kit; copied, never committed);
//   2. scripts/api.mjs, when it exists (the API reference pages under api/);
//   3. every scripts/assets-*.mjs (each package's static files for its demo under public/<pkg>/);
//   4. a check of every `<!--@include: FILE#region-->` in the pages: VitePress silently includes the
//      whole file when the region is missing and leaves the comment when the file is missing, so
//      either fails the build here, naming the page.
// Each step prints its time. Run from anywhere: `node apps/docs/scripts/prepare.mjs`.
// NEURITE_DOCS_SKIP_API=1 skips step 2, and the config then leaves api/ out of the site (faster local
// builds of the guides and demos; never for the real build).
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const docs = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);

function timed(label, fn) {
  const t0 = performance.now();
  fn();
  console.log(`[docs] ${label} (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
}

timed('tfjs-backend-wasm files → public/tfjs-wasm/', () => {
  const wasmDir = path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm'));
  const out = path.join(docs, 'public', 'tfjs-wasm');
  mkdirSync(out, { recursive: true });
  for (const name of ['tfjs-backend-wasm.wasm', 'tfjs-backend-wasm-simd.wasm', 'tfjs-backend-wasm-threaded-simd.wasm']) {
    copyFileSync(path.join(wasmDir, name), path.join(out, name));
  }
});

timed('includes checked', () => {
  const pages = [
    ...readdirSync(docs).filter((f) => f.endsWith('.md')),
    ...(existsSync(path.join(docs, 'guide'))
      ? readdirSync(path.join(docs, 'guide'))
          .filter((f) => f.endsWith('.md'))
          .map((f) => `guide/${f}`)
      : []),
  ].filter((f) => f !== 'README.md' && f !== 'CONTRIBUTING-DEMOS.md');
  const problems = [];
  for (const page of pages) {
    const text = readFileSync(path.join(docs, page), 'utf8');
    for (const [, target] of text.matchAll(/<!--\s*@include:\s*(.*?)\s*-->/g)) {
      const m = /^(.*?)(?:#([\w-]+))?(?:\{\d*,\d*\})?$/.exec(target);
      const file = path.resolve(path.dirname(path.join(docs, page)), m[1]);
      if (!existsSync(file)) {
        problems.push(`${page}: included file ${m[1]} does not exist`);
        continue;
      }
      const region = m[2];
      if (region && !new RegExp(`#region\\s+${region}\\b`).test(readFileSync(file, 'utf8')))
        problems.push(`${page}: ${m[1]} has no region "${region}" (add <!-- #region ${region} --> … <!-- #endregion ${region} --> to it)`);
    }
  }
  for (const p of problems) console.error(`[docs] ${p}`);
  // NEURITE_DOCS_INCLUDES=warn: report and go on (while another page is being written); never in CI.
  if (problems.length && process.env.NEURITE_DOCS_INCLUDES !== 'warn') process.exit(1);
});

const scripts = readdirSync(path.join(docs, 'scripts'))
  .filter((f) => (f === 'api.mjs' && !process.env.NEURITE_DOCS_SKIP_API) || /^assets-[a-z0-9-]+\.mjs$/.test(f))
  .sort((a, b) => (a === 'api.mjs' ? -1 : b === 'api.mjs' ? 1 : a.localeCompare(b)));
for (const script of scripts) {
  timed(`scripts/${script}`, () => {
    const r = spawnSync(process.execPath, [path.join(docs, 'scripts', script)], { cwd: docs, stdio: 'inherit' });
    if (r.status !== 0) {
      console.error(`[docs] scripts/${script} failed (exit ${r.status ?? r.signal})`);
      process.exit(1);
    }
  });
}
if (!existsSync(path.join(docs, 'scripts', 'api.mjs'))) console.log('[docs] no scripts/api.mjs: the site has no API pages');
