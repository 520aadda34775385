// Every public export of every package, and every public member of its classes, interfaces, enums and
// object types, has a TSDoc comment: `node apps/docs/scripts/api-coverage.mjs --json` must list none.
// The checker itself is tested on a fixture whose undocumented names are marked in its source.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DOCS } from './site.js';

interface Coverage {
  total: number;
  packages: Record<string, { count: number; undocumented: { name: string; kind: string; where: string }[] }>;
}

function coverage(...args: string[]): { status: number | null; report: Coverage } {
  const r = spawnSync(process.execPath, [path.join(DOCS, 'scripts', 'api-coverage.mjs'), '--json', ...args], {
    cwd: DOCS,
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  if (r.status !== 0 && r.status !== 1) throw new Error(`api-coverage exited ${r.status}: ${r.stderr}`);
  return { status: r.status, report: JSON.parse(r.stdout) as Coverage };
}

const PACKAGES = readdirSync(path.join(DOCS, '../../packages')).sort();

describe('api-coverage.mjs finds what lacks a doc comment', () => {
  it('reports exactly the names the fixture marks UNDOCUMENTED', () => {
    const file = path.join(DOCS, 'test/fixtures/api-coverage/module.ts');
    const expected = [...readFileSync(file, 'utf8').matchAll(/UNDOCUMENTED: (\S+)/g)].map((m) => m[1]).sort();
    const { status, report } = coverage('--file', file);
    expect(report.packages.fixture.undocumented.map((u) => u.name).sort()).toEqual(expected);
    expect(status).toBe(1);
  });
  it('refuses an unknown package with exit 2', () => {
    const r = spawnSync(process.execPath, [path.join(DOCS, 'scripts', 'api-coverage.mjs'), 'no-such-package'], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/unknown package no-such-package/);
  });
});

describe('every public export has a doc comment', () => {
  let report: Coverage;
  beforeAll(() => {
    report = coverage().report;
  });
  it.each(PACKAGES)('@neurite/%s', (pkg) => {
    const list = report.packages[pkg]?.undocumented.map((u) => `${u.name} (${u.where})`);
    expect(list, `node apps/docs/scripts/api-coverage.mjs ${pkg}`).toEqual([]);
  });
});
