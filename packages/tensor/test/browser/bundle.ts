/**
 * Bundles test/browser/page-entry.ts (the conformance cases and the tensor
 * sources) for the browser with esbuild. `node:` imports are replaced by an
 * empty CommonJS module: the code that uses them only runs in Node.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';

const here = path.dirname(fileURLToPath(import.meta.url));

const stubNodeBuiltins: Plugin = {
  name: 'stub-node-builtins',
  setup(b) {
    b.onResolve({ filter: /^node:/ }, (args) => ({ path: args.path, namespace: 'node-stub' }));
    b.onLoad({ filter: /.*/, namespace: 'node-stub' }, () => ({ contents: 'module.exports = {};', loader: 'js' }));
  },
};

/** The page script as one ES module (source maps inline, for readable stack traces). */
export async function bundlePage(): Promise<string> {
  const result = await build({
    entryPoints: [path.join(here, 'page-entry.ts')],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    sourcemap: 'inline',
    logLevel: 'silent',
    plugins: [stubNodeBuiltins],
  });
  return result.outputFiles[0].text;
}

export const pageHtml = `<!doctype html>
<html><head><meta charset="utf-8"><title>neurite conformance</title></head>
<body><script type="module" src="/bundle.js"></script></body></html>`;
