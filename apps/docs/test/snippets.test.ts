// The Node snippets of the site's own pages run as written: every ```js block preceded by
// `<!-- test: node -->` in index.md, getting-started.md, benchmarks.md or interoperability.md is
// saved under test-artifacts/ (so `@neurite/*` resolves to the workspace packages) and run with node;
// it must exit 0, and each `console.log(…); // text` comment must be what that line printed.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, DOCS } from './site.js';

const PAGES = ['index.md', 'getting-started.md', 'benchmarks.md', 'interoperability.md'];

interface Snippet {
  page: string;
  index: number;
  code: string;
}

function snippets(): Snippet[] {
  const out: Snippet[] = [];
  for (const page of PAGES) {
    const text = readFileSync(path.join(DOCS, page), 'utf8');
    let index = 0;
    for (const m of text.matchAll(/<!-- test: node -->\s*\n```js\n([\s\S]*?)\n```/g)) out.push({ page, index: index++, code: m[1] });
  }
  return out;
}

describe('docs: page snippets run in Node', () => {
  const all = snippets();
  it('there is at least one', () => {
    expect(all.length).toBeGreaterThan(0);
  });
  for (const s of all) {
    it(`${s.page} snippet ${s.index + 1}`, () => {
      mkdirSync(ARTIFACTS, { recursive: true });
      const file = path.join(ARTIFACTS, `${s.page.replace(/\.md$/, '')}-${s.index + 1}.mjs`);
      writeFileSync(file, s.code + '\n');
      const r = spawnSync(process.execPath, [file], { cwd: ARTIFACTS, encoding: 'utf8', timeout: 60_000 });
      expect(r.status, r.stderr).toBe(0);
      const expected = [...s.code.matchAll(/console\.log\(.*\);\s*\/\/\s*(.+)$/gm)].map((m) => m[1].trim());
      const printed = r.stdout.trim().split('\n');
      expect(printed).toEqual(expected);
    });
  }
});
