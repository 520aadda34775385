// What scripts/api.mjs (the API reference) and scripts/api-coverage.mjs (the undocumented-export
// report) share: the public entry points of every package — each key of packages/*/package.json
// "exports" whose target is a `dist/<name>.d.ts` type file maps to its source `src/<name>.ts`
// (`./examples/*` and `./package.json` are files, not modules, and are left out) — and one typedoc
// conversion of them (options in ../typedoc.json, one TypeScript program over the packages' sources;
// imports of @neurite/* resolve to src through `paths`, so no dist is needed and types link across
// packages).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Application, Converter, ReflectionKind, TSConfigReader, TypeDocReader } from 'typedoc';

/** The repository root (apps/docs/scripts → ../../..). */
export const repo = fileURLToPath(new URL('../../../', import.meta.url));
/** apps/docs */
export const docs = fileURLToPath(new URL('..', import.meta.url));

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

/**
 * Converts `entries` with typedoc, each module named as a user imports it (`@neurite/nir/node`, not
 * its path under packages/).
 * @param {ReturnType<typeof entryPoints>} entries
 * @param {Record<string, unknown>} [overrides] typedoc options that win over ../typedoc.json
 * @returns {Promise<{ app: Application, project: import('typedoc').ProjectReflection }>}
 */
export async function convertApi(entries, overrides = {}) {
  const nameOf = new Map(entries.map((e) => [path.resolve(e.file), e.name]));
  const app = await Application.bootstrapWithPlugins(
    {
      options: path.join(docs, 'typedoc.json'),
      tsconfig: path.join(docs, 'typedoc.tsconfig.json'),
      entryPoints: entries.map((e) => e.file),
      entryPointStrategy: 'resolve',
      displayBasePath: repo,
      compilerOptions: { paths: sourcePaths() },
      ...overrides,
    },
    [new TypeDocReader(), new TSConfigReader()],
  );
  app.converter.on(Converter.EVENT_CREATE_DECLARATION, (context, reflection) => {
    if (reflection.kind !== ReflectionKind.Module) return;
    const file = context.getSymbolFromReflection(reflection)?.declarations?.[0]?.getSourceFile().fileName;
    const name = file ? nameOf.get(path.resolve(file)) : undefined;
    if (name) reflection.name = name;
  });
  const project = await app.convert();
  if (!project) throw new Error('typedoc could not convert the entry points');
  return { app, project };
}
