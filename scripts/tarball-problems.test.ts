import { describe, expect, it } from 'vitest';
import { tarballProblems } from './tarball-problems.mjs';

const pkg = {
  name: '@neurite/example',
  main: './dist/index.js',
  types: './dist/index.d.ts',
  bin: { 'neurite-example': './bin/neurite-example.js' },
  exports: {
    '.': { types: './dist/index.d.ts', default: './dist/index.js' },
    './node': { types: './dist/node.d.ts', node: './dist/node.js' },
    './examples/*': './examples/*',
    './package.json': './package.json',
  },
  imports: {
    '#gradients': {
      types: './src/gradients.d.ts',
      node: './dist/gradients.js',
      default: '@tensorflow/tfjs-core/dist/register_all_gradients.js',
    },
  },
  dependencies: { '@neurite/tensor': '^0.1.0', '@tensorflow/tfjs-core': '4.22.0' },
  peerDependencies: { '@tensorflow/tfjs-backend-webgl': '4.22.0' },
};
const complete: Record<string, string> = {
  'package.json': '{}',
  'README.md': '# example',
  LICENSE: 'MIT',
  'bin/neurite-example.js': "#!/usr/bin/env node\nimport '../dist/index.js';\n",
  'dist/index.js': [
    "import { setBackend } from '@neurite/tensor';",
    "export { helper } from './helper.js';",
    'import {',
    '  a,',
    '  b,',
    "} from './multi-line.js';",
    "const webgl = () => import('@tensorflow/tfjs-backend-webgl');",
    "const s = `${x} from 'not-an-import'`; // a string, not an import",
    "/** Usage: import { x } from '@someone/else'; */",
  ].join('\n'),
  'dist/index.d.ts': 'export {};',
  'dist/helper.js': "import { readFile } from 'node:fs/promises';\nimport path from 'path';\nexport const helper = 1;",
  'dist/multi-line.js': "export const a = 1, b = 2;\nconst wasm = new URL('./kernel.wasm', import.meta.url);",
  'dist/kernel.wasm': '',
  'dist/node.js': "export * from './index.js';\nimport '#gradients';",
  'dist/gradients.js': '',
  'src/gradients.d.ts': '',
  'dist/node.d.ts': 'export {};',
  'examples/lif.nir': '',
};
const problemsOf = (files: Record<string, string>, p: object = pkg) =>
  tarballProblems(p, new Set(Object.keys(files)), (f: string) => files[f]);
const without = (...paths: string[]) => Object.fromEntries(Object.entries(complete).filter(([k]) => !paths.includes(k)));

describe('tarballProblems', () => {
  it('finds nothing in a complete tarball (imports in strings and comments are not imports)', () => {
    expect(problemsOf(complete)).toEqual([]);
  });

  it.each([
    ['LICENSE', 'LICENSE (licence)'],
    ['README.md', 'README.md (documentation)'],
    ['bin/neurite-example.js', './bin/neurite-example.js (bin neurite-example)'],
    ['dist/node.js', './dist/node.js (exports["./node"] (node))'],
    ['dist/node.d.ts', './dist/node.d.ts (exports["./node"] (types))'],
  ])('reports a missing %s', (path, message) => {
    expect(problemsOf(without(path))).toEqual([`@neurite/example: ${message} is not in the tarball`]);
  });

  it('reports an exports pattern that matches nothing', () => {
    expect(problemsOf(without('examples/lif.nir'))).toEqual([
      '@neurite/example: exports["./examples/*"] pattern ./examples/* matches no file in the tarball',
    ]);
  });

  it('reports a JavaScript export without declarations', () => {
    const p = { ...pkg, types: undefined, exports: { '.': './dist/index.js' } };
    expect(problemsOf(without('dist/index.d.ts'), p)).toEqual([
      '@neurite/example: ./dist/index.d.ts (declarations of exports["."]) is not in the tarball',
    ]);
  });

  it('reports relative imports and fetched files that were not packed', () => {
    expect(problemsOf(without('dist/multi-line.js', 'dist/kernel.wasm'))).toEqual([
      '@neurite/example: dist/index.js imports ./multi-line.js, but dist/multi-line.js is not in the tarball',
    ]);
    expect(problemsOf(without('dist/kernel.wasm'))).toEqual([
      '@neurite/example: dist/multi-line.js imports ./kernel.wasm, but dist/kernel.wasm is not in the tarball',
    ]);
  });

  it('reports subpath imports that "imports" does not map or whose targets are missing', () => {
    expect(problemsOf(complete, { ...pkg, imports: {} })).toEqual([
      '@neurite/example: dist/node.js imports #gradients, which package.json "imports" does not map',
    ]);
    expect(problemsOf(without('dist/gradients.js'))).toEqual([
      '@neurite/example: ./dist/gradients.js (imports["#gradients"]) is not in the tarball',
    ]);
    expect(problemsOf(complete, { ...pkg, dependencies: { '@neurite/tensor': '^0.1.0' } })).toEqual([
      '@neurite/example: imports["#gradients"] imports @tensorflow/tfjs-core, which package.json does not declare',
    ]);
  });

  it('reports a package the JavaScript imports but package.json does not declare', () => {
    const p = { ...pkg, peerDependencies: {} };
    expect(problemsOf(complete, p)).toEqual([
      '@neurite/example: dist/index.js imports @tensorflow/tfjs-backend-webgl, which package.json does not declare',
    ]);
  });
});
