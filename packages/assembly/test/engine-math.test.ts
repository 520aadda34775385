import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * The lazy Brain's results must not depend on the JavaScript engine: no
 * Math.log/exp/pow/… (engines round their last bit differently) and no
 * Math.random anywhere in the package's source — the project's
 * `neurite/no-engine-math` rule (eslint-rules/no-engine-math.js), applied here
 * to every file of packages/assembly/src. Use @neurite/tensor's detLog, detLog1p,
 * detExp, detExpm1, logFactorial and Rng methods instead.
 */
describe('engine-independent math', () => {
  it('packages/assembly/src uses no engine transcendental (neurite/no-engine-math)', async () => {
    const root = fileURLToPath(new URL('../../../', import.meta.url));
    const src = fileURLToPath(new URL('../src/', import.meta.url));
    const files = readdirSync(src)
      .filter((f) => f.endsWith('.ts'))
      .map((f) => src + f);
    expect(files.length).toBeGreaterThan(20);
    const { default: neurite } = (await import(new URL('eslint-rules/index.js', `file://${root}`).href)) as { default: ESLint.Plugin };
    const { default: tsParser } = await import('@typescript-eslint/parser');
    const lint = new ESLint({
      cwd: root,
      overrideConfigFile: true,
      overrideConfig: [
        { files: ['**/*.ts'], languageOptions: { parser: tsParser }, plugins: { neurite }, rules: { 'neurite/no-engine-math': 'error' } },
      ],
    });
    const results = await lint.lintFiles(files);
    const problems = results.flatMap((r) => r.messages.map((m) => `${r.filePath.slice(root.length)}:${m.line}: ${m.message}`));
    expect(problems).toEqual([]);
    // the rule does fire on engine math (the check can fail)
    const [bad] = await lint.lintText('export const f = (x: number) => Math.exp(x);', { filePath: files[0] });
    expect(bad.messages.length).toBe(1);
  });
});
