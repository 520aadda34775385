// `node apps/docs/scripts/api-coverage.mjs [<pkg>…] [--json] [--file <x.ts>]`: every public export of the named
// packages (all when none is named) that has no TSDoc comment, and every public member of an exported
// class, interface, enum or object type without one — what the API reference would show bare.
// Exit 0 when there is none, 1 when there is any, 2 for an unknown package. `--file x.ts` checks that
// one module instead (the test's fixture of the rules below).
//
// "Public export": each module of scripts/api-project.mjs (the package.json "exports" entries), as
// typedoc converts it. Counted as documented: a comment with a summary or any block tag (`@returns`,
// `@example`, …) on the declaration, or on one of its call signatures (functions, methods) or
// accessors. Not counted: re-exports under another name (the target is counted), constructors
// (documented by the class), inherited members (counted where declared), private and protected
// members, and the members of a type written inline in a signature.
import path from 'node:path';
import { ReflectionKind } from 'typedoc';
import { convertApi, docs, entryPoints } from './api-project.mjs';

/** @param {import('typedoc').Comment | undefined} c */
function hasText(c) {
  return !!c && (c.summary.some((part) => part.text.trim() !== '') || c.blockTags.length > 0);
}

/** @param {import('typedoc').DeclarationReflection} r */
function documented(r) {
  if (hasText(r.comment)) return true;
  const sigs = [...(r.signatures ?? []), r.getSignature, r.setSignature, r.indexSignatures?.[0]].filter(Boolean);
  return sigs.some((s) => hasText(s.comment));
}

const MEMBER_HOLDERS = ReflectionKind.Class | ReflectionKind.Interface | ReflectionKind.Enum | ReflectionKind.TypeAlias;

/**
 * The undocumented public exports and members of the given modules.
 * @param {import('typedoc').ProjectReflection} project
 * @returns {Map<string, { name: string, kind: string, where: string }[]>} by package directory name
 */
export function undocumented(project, entries) {
  const pkgOf = new Map(entries.map((e) => [e.name, e.pkg]));
  /** @type {Map<string, { name: string, kind: string, where: string }[]>} */
  const found = new Map(entries.map((e) => [e.pkg, []]));
  const seen = new Set();
  const report = (pkg, r, name) => {
    const src = r.sources?.[0];
    found.get(pkg).push({ name, kind: ReflectionKind.singularString(r.kind), where: src ? `${src.fileName}:${src.line}` : '?' });
  };
  const visitMembers = (pkg, holder, prefix) => {
    for (const m of holder.children ?? []) {
      if (m.kind === ReflectionKind.Constructor || m.inheritedFrom || m.flags.isPrivate || m.flags.isProtected) continue;
      if (!documented(m)) report(pkg, m, `${prefix}.${m.name}`);
    }
  };
  for (const mod of project.children ?? []) {
    const pkg = pkgOf.get(mod.name);
    if (!pkg) continue;
    for (const r of mod.children ?? []) {
      if (r.isReference()) continue;
      const key = `${pkg}:${r.id}`;
      if (seen.has(key)) continue;
      seen.add(key);
      if (!documented(r)) report(pkg, r, r.name);
      if (r.kindOf(MEMBER_HOLDERS)) visitMembers(pkg, r, r.name);
      else if (r.kindOf(ReflectionKind.TypeAlias) && r.type?.type === 'reflection') visitMembers(pkg, r.type.declaration, r.name);
    }
  }
  return found;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const fileAt = args.indexOf('--file');
  const file = fileAt >= 0 ? path.resolve(args[fileAt + 1] ?? '') : undefined;
  const wanted = args.filter((a, i) => !a.startsWith('--') && (fileAt < 0 || i !== fileAt + 1));
  const all = file ? [{ pkg: 'fixture', dir: path.dirname(file), name: 'fixture', subpath: '.', file }] : entryPoints();
  const known = new Set(all.map((e) => e.pkg));
  const unknown = wanted.filter((p) => !known.has(p.replace(/^@neurite\//, '')));
  if (unknown.length) {
    console.error(`api-coverage: unknown package ${unknown.join(', ')} (one of: ${[...known].join(', ')})`);
    process.exit(2);
  }
  const names = new Set(wanted.map((p) => p.replace(/^@neurite\//, '')));
  const entries = names.size ? all.filter((e) => names.has(e.pkg)) : all;
  const fixtureConfig = path.join(docs, 'typedoc.fixture.tsconfig.json');
  const { project } = await convertApi(entries, { alwaysCreateEntryPointModule: true, ...(file ? { tsconfig: fixtureConfig } : {}) });
  const found = undocumented(project, entries);
  const total = [...found.values()].reduce((n, list) => n + list.length, 0);
  if (json) {
    console.log(
      JSON.stringify(
        { total, packages: Object.fromEntries([...found].map(([pkg, list]) => [pkg, { count: list.length, undocumented: list }])) },
        null,
        2,
      ),
    );
  } else {
    for (const [pkg, list] of found) {
      console.log(`${file ? file : `@neurite/${pkg}`}: ${list.length} undocumented`);
      for (const u of list) console.log(`  ${u.name} (${u.kind}, ${u.where})`);
    }
    console.log(`${total} undocumented in ${found.size} package${found.size === 1 ? '' : 's'}`);
  }
  process.exitCode = total > 0 ? 1 : 0;
}
