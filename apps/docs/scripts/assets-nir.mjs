// The NIR demo's files: the NIR paper's example graphs (packages/nir/test/fixtures/paper, BSD-3-Clause,
// with their licence) and the package's example → public/nir/, with public/nir/index.json listing
// them for the demo's picker. Copied at build time; not committed.
import { copyFileSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const docs = fileURLToPath(new URL('..', import.meta.url));
const nir = path.resolve(docs, '../../packages/nir');
const out = path.join(docs, 'public', 'nir');
mkdirSync(out, { recursive: true });

const sources = [
  { dir: path.join(nir, 'examples'), origin: 'packages/nir/examples' },
  { dir: path.join(nir, 'test', 'fixtures', 'paper'), origin: 'packages/nir/test/fixtures/paper' },
];
const files = [];
for (const { dir, origin } of sources) {
  for (const name of readdirSync(dir).sort()) {
    if (!name.endsWith('.nir') || files.some((f) => f.name === name)) continue;
    copyFileSync(path.join(dir, name), path.join(out, name));
    files.push({ name, bytes: statSync(path.join(dir, name)).size, origin: `${origin}/${name}` });
  }
}
copyFileSync(path.join(nir, 'test', 'fixtures', 'paper', 'LICENSE'), path.join(out, 'LICENSE-NIR.txt'));
writeFileSync(path.join(out, 'index.json'), JSON.stringify({ files }, null, 2) + '\n');
console.log(`[docs] public/nir: ${files.length} .nir files`);
