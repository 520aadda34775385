import { readFileSync } from 'node:fs';

/**
 * The `version` field of a package.json, for `createProgram`'s `--version`, so that a
 * command reports the version its package was released with:
 * `packageVersion(new URL('../package.json', import.meta.url))` from a file in `dist/`.
 */
export function packageVersion(packageJson: URL | string): string {
  const v = (JSON.parse(readFileSync(packageJson, 'utf8')) as { version?: unknown }).version;
  if (typeof v !== 'string') throw new Error(`${String(packageJson)} has no version`);
  return v;
}
