// ESLint flat config: typescript-eslint's recommended rules for the code of
// every package, the scripts and the test helpers, plus the project's own rules
// (eslint-rules/). Errors are for bugs; layout is Prettier's (.prettierrc.json).
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import neurite from './eslint-rules/index.js';

// Type-aware rules (promises that are neither awaited nor handled) need each
// file's TypeScript program: packages/<pkg>/tsconfig.test.json covers src and
// test, tsconfig.json covers src only when a package has no test config yet.
const root = import.meta.dirname;
const typed = readdirSync(join(root, 'packages'), { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(root, 'packages', d.name, 'tsconfig.json')))
  .map((d) => {
    const testConfig = existsSync(join(root, 'packages', d.name, 'tsconfig.test.json'));
    return {
      project: `packages/${d.name}/${testConfig ? 'tsconfig.test.json' : 'tsconfig.json'}`,
      files: testConfig ? [`packages/${d.name}/src/**/*.ts`, `packages/${d.name}/test/**/*.ts`] : [`packages/${d.name}/src/**/*.ts`],
    };
  });

// The docs site (apps/docs): its TypeScript (theme, demo kit, demos' helpers, browser tests) is
// type-checked by apps/docs/tsconfig.json; its .vue components are formatted by Prettier.
if (existsSync(join(root, 'apps', 'docs', 'tsconfig.json'))) {
  typed.push({ project: 'apps/docs/tsconfig.json', files: ['apps/docs/.vitepress/**/*.{ts,mts}', 'apps/docs/test/**/*.ts'] });
}

export default defineConfig([
  globalIgnores([
    '**/node_modules/',
    '**/dist/',
    '**/coverage/',
    '**/.turbo/',
    'packages/tensor/src/generated/',
    'apps/docs/.vitepress/cache/',
    'apps/docs/.vitepress/dist-*/',
    'apps/docs/public/',
    'apps/docs/test-artifacts/',
  ]),
  {
    files: ['**/*.{ts,mts,js,mjs}'],
    extends: [js.configs.recommended, tseslint.configs.recommended],
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'module',
      // Library code runs in Node and the browser; scripts and tests in Node.
      globals: { ...globals.node, ...globals.browser },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    plugins: { neurite },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // `any` at the tfjs kernel boundary is sometimes the honest type.
      '@typescript-eslint/no-explicit-any': 'off',
      'no-empty': ['error', { allowEmptyCatch: true }],
      // Numeric constants are copied at the precision their source prints
      // (fdlibm, papers): 0.33333333333333333 is the intended double.
      'no-loss-of-precision': 'off',
      // Control characters in a regex are how input validation rejects them.
      'no-control-regex': 'off',
    },
  },
  ...typed.map(({ project, files }) => ({
    files,
    ignores: ['**/*.d.mts', '**/fixtures/**'],
    languageOptions: { parserOptions: { project, tsconfigRootDir: root } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
    },
  })),
  {
    // Results that must be identical on every engine: the seeded RNG and the
    // samplers built on it (see eslint-rules/no-engine-math.js).
    files: ['packages/tensor/src/rng/**/*.ts', 'packages/tensor/src/sparse/random-csr.ts', 'packages/assembly/src/**/*.ts'],
    rules: { 'neurite/no-engine-math': 'error' },
  },
]);
