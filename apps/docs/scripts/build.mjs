// `npm run build -w @neurite/docs` (also what `npm test` runs through turbo): scripts/prepare.mjs,
// then `vitepress build` into apps/docs/.vitepress/dist. Prints the wall time of each part.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vitepress';

const docs = fileURLToPath(new URL('..', import.meta.url));
const t0 = performance.now();
const r = spawnSync(process.execPath, [path.join(docs, 'scripts', 'prepare.mjs')], { cwd: docs, stdio: 'inherit' });
if (r.status !== 0) process.exit(r.status ?? 1);
const t1 = performance.now();
await build(docs);
const t2 = performance.now();
console.log(
  `[docs] site built in ${((t2 - t0) / 1000).toFixed(1)} s (prepare ${((t1 - t0) / 1000).toFixed(1)} s, vitepress build ${((t2 - t1) / 1000).toFixed(1)} s) → apps/docs/.vitepress/dist`,
);
