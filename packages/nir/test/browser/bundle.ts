/**
 * Bundles test/browser/page-entry.ts for the browser with esbuild (from
 * source; `@neurite/tensor` from its package). `node:` imports become an empty
 * module: the code that uses them (file paths, wasm paths) only runs in Node.
 * h5wasm resolves to its ESM build, whose wasm binary is embedded in the
 * JavaScript, so the bundle needs nothing from the network.
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

/** The page script as one ES module. */
export async function bundleNirPage(): Promise<string> {
  const result = await build({
    entryPoints: [path.join(here, 'page-entry.ts')],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    logLevel: 'silent',
    plugins: [stubNodeBuiltins],
  });
  return result.outputFiles[0].text;
}

export const nirPageHtml = `<!doctype html>
<html><head><meta charset="utf-8"><title>neurite nir</title></head>
<body><script type="module" src="/bundle.js"></script></body></html>`;
