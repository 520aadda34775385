// The public entry points of every package: each key of packages/*/package.json "exports" whose
// target is a `dist/<name>.d.ts` type file maps to its source `src/<name>.ts` (`./examples/*` and
// `./package.json` are files, not modules, and are left out). Shared by scripts/api.mjs (the API
// reference) and scripts/api-coverage.mjs (the undocumented-export report).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (apps/docs/scripts → ../../..). */
export const repo = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * @returns {{ pkg: string, dir: string, name: string, subpath: string, file: string }[]} one row per
 *   exported module, `name` as a user imports it (`@neurite/nir/node`), `file` its absolute source path;
 *   sorted by package, the root entry first.
 */
export function entryPoints() {
  const rows = [];
  const packages = path.join(repo, 'packages');
  for (const dir of readdirSync(packages).sort()) {
    const manifest = path.join(packages, dir, 'package.json');
    if (!existsSync(manifest)) continue;
    const json = JSON.parse(readFileSync(manifest, 'utf8'));
    for (const [subpath, target] of Object.entries(json.exports ?? {})) {
      const types = typeof target === 'string' ? target : target?.types;
      const m = typeof types === 'string' ? /^\.\/dist\/(.+)\.d\.ts$/.exec(types) : null;
      if (!m) continue;
      const file = path.join(packages, dir, 'src', `${m[1]}.ts`);
      if (!existsSync(file)) throw new Error(`${json.name}: export "${subpath}" has no source file ${path.relative(repo, file)}`);
      rows.push({
        pkg: dir,
        dir: path.join(packages, dir),
        name: subpath === '.' ? json.name : `${json.name}/${subpath.slice(2)}`,
        subpath,
        file,
      });
    }
  }
  return rows.sort(
    (a, b) => a.pkg.localeCompare(b.pkg) || (a.subpath === '.' ? -1 : b.subpath === '.' ? 1 : a.subpath.localeCompare(b.subpath)),
  );
}

/**
 * TypeScript `paths` that resolve every `@neurite/<pkg>[/<sub>]` import to its source file, so the
 * reference links a type to the package that declares it and needs no `dist/`.
 * @returns {Record<string, string[]>}
 */
export function sourcePaths() {
  return Object.fromEntries(entryPoints().map((e) => [e.name, [e.file]]));
}
