import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const eslint = new ESLint({ cwd: root });
const severity = async (file: string, rule: string) => {
  const config = await eslint.calculateConfigForFile(file);
  const entry = config?.rules?.[rule];
  return Array.isArray(entry) ? entry[0] : entry;
};

describe('eslint.config.js', () => {
  it('applies neurite/no-engine-math to every file of packages/tensor/src/rng and to random-csr.ts', async () => {
    const rng = readdirSync(`${root}/packages/tensor/src/rng`, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
    expect(rng.length).toBeGreaterThan(10);
    for (const file of [...rng.map((f) => `packages/tensor/src/rng/${f}`), 'packages/tensor/src/sparse/random-csr.ts']) {
      expect([file, await severity(file, 'neurite/no-engine-math')]).toEqual([file, 2]);
    }
  });

  it('applies neurite/no-engine-math to every file of packages/assembly/src (seeded Brain rounds)', async () => {
    const src = readdirSync(`${root}/packages/assembly/src`, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
    expect(src.length).toBeGreaterThan(10);
    for (const file of src.map((f) => `packages/assembly/src/${f}`)) {
      expect([file, await severity(file, 'neurite/no-engine-math')]).toEqual([file, 2]);
    }
  });

  it('leaves other code free to call Math.log', async () => {
    for (const file of ['packages/tensor/src/fft/real-fft-plan.ts', 'packages/tensor/test/rng/stats.ts', 'packages/hrr/src/index.ts']) {
      expect([file, await severity(file, 'neurite/no-engine-math')]).toEqual([file, undefined]);
    }
  });

  it('runs the typed promise rules on package sources', async () => {
    expect(await severity('packages/hrr/src/index.ts', '@typescript-eslint/no-floating-promises')).toBe(2);
  });
});
