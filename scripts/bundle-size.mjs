// Bundle each program in scripts/bundle-size/ for the browser exactly as a user's
// esbuild would (`esbuild --bundle --minify --platform=browser --format=esm`, no
// flags, externals or plugins) and print raw and gzip sizes in bytes.
// Needs built packages (npm run build). Usage: node scripts/bundle-size.mjs [--json] [--external-node]
// --external-node adds `external: ['node:*']`, only to compare with figures taken that way.
import { build } from 'esbuild';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'bundle-size');
const rows = [];
let failed = false;
const externalNode = process.argv.includes('--external-node');
for (const file of readdirSync(dir)
  .filter((f) => f.endsWith('.js'))
  .sort()) {
  try {
    const result = await build({
      entryPoints: [path.join(dir, file)],
      bundle: true,
      minify: true,
      platform: 'browser',
      format: 'esm',
      write: false,
      metafile: true,
      logLevel: 'silent',
      ...(externalNode ? { external: ['node:*'] } : {}),
    });
    const bytes = result.outputFiles[0].contents;
    // Files that contribute bytes to the output (the metafile's inputs also list files only parsed).
    const [output] = Object.values(result.metafile.outputs);
    const tfjsInputs = Object.entries(output.inputs).filter(([p, i]) => p.includes('@tensorflow/') && i.bytesInOutput > 0);
    rows.push({ program: file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length, tfjsFiles: tfjsInputs.length });
  } catch (e) {
    failed = true;
    const first = e.errors?.[0];
    rows.push({
      program: file,
      error: first ? `${first.text}${first.location ? ` (${first.location.file}:${first.location.line})` : ''}` : String(e),
    });
  }
}
if (process.argv.includes('--json')) {
  console.log(JSON.stringify(rows, null, 2));
} else {
  for (const r of rows) {
    console.log(
      r.error
        ? `${r.program.padEnd(14)} FAILED: ${r.error}`
        : `${r.program.padEnd(14)} ${String(r.raw).padStart(10)} B raw ${String(r.gzip).padStart(9)} B gzip  (${r.tfjsFiles} @tensorflow files)`,
    );
  }
}
process.exitCode = failed ? 1 : 0;
