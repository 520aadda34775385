import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { packageVersion } from '../src/package-version.js';

describe('packageVersion', () => {
  it('reads the version of the package.json it is given', () => {
    const url = new URL('../package.json', import.meta.url);
    expect(packageVersion(url)).toBe(JSON.parse(readFileSync(url, 'utf8')).version);
    expect(packageVersion(url)).toMatch(/^\d+\.\d+\.\d+/);
  });
});
