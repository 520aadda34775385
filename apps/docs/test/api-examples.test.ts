// Every `@example` code block in the TSDoc of the packages' sources runs in Node as written (imports
// of @neurite/* pointed at the built dist): scripts/api-examples.mjs finds the blocks, this test runs
// each (after `await setBackend('cpu')`) and fails on an exception or a non-zero exit. Blocks fenced
// ```ts browser or ```ts fragment are not run.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ESM script without type declarations
import { examples, runExample } from '../scripts/api-examples.mjs';

interface Example {
  pkg: string;
  file: string;
  line: number;
  browser: boolean;
  fragment: boolean;
  code: string;
}

const all = (examples as (packages: string[]) => Example[])([]).filter((e) => !e.browser && !e.fragment);
const run = runExample as (e: Example, dir: string) => { status: number | null; stdout: string; stderr: string };
const dir = mkdtempSync(path.join(tmpdir(), 'api-examples-'));

afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('there are examples to run', () => {
  expect(all.length).toBeGreaterThan(0);
});

for (const pkg of [...new Set(all.map((e) => e.pkg))]) {
  describe(`@neurite/${pkg}: @example blocks run as written`, () => {
    it.each(all.filter((e) => e.pkg === pkg).map((e) => [`${e.file.replace(/^.*\/packages\//, '')}:${e.line}`, e] as const))(
      '%s',
      (_where, e) => {
        const r = run(e, dir);
        expect(r.status, r.stderr).toBe(0);
      },
    );
  });
}
