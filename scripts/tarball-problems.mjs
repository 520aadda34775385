// The part of scripts/check-pack.mjs that needs no npm, network or browser:
// what a package tarball must contain.
import { builtinModules } from 'node:module';
import { posix } from 'node:path';

/**
 * What one package tarball lacks, as messages (empty when nothing): `pkg` is its
 * package.json, `files` the set of its paths (relative, as `npm pack --json`
 * lists them), `readText(path)` the text of one of them.
 */
export function tarballProblems(pkg, files, readText) {
  const problems = [];
  const problem = (msg) => problems.push(msg);
  const has = (p) => files.has(posix.normalize(p.replace(/^\.\//, '')));
  const need = (p, why) => {
    if (!has(p)) problem(`${pkg.name}: ${p} (${why}) is not in the tarball`);
  };
  need('package.json', 'manifest');
  need('README.md', 'documentation');
  need('LICENSE', 'licence');
  if (pkg.main) need(pkg.main, 'main');
  if (pkg.types) need(pkg.types, 'types');
  const bins = typeof pkg.bin === 'string' ? { [pkg.name]: pkg.bin } : (pkg.bin ?? {});
  for (const [cmd, p] of Object.entries(bins)) need(p, `bin ${cmd}`);

  // exports: every target (a string leaf under any condition); a JavaScript
  // target needs a declaration file (a `types` condition or a .d.ts beside it).
  const walk = (subpath, target, conditions) => {
    if (target === null) return;
    if (typeof target === 'string') {
      if (target.includes('*')) {
        const re = new RegExp(
          '^' +
            target
              .replace(/^\.\//, '')
              .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
              .replace(/\*/g, '.+') +
            '$',
        );
        if (![...files].some((f) => re.test(f)))
          problem(`${pkg.name}: exports["${subpath}"] pattern ${target} matches no file in the tarball`);
        return;
      }
      need(target, `exports["${subpath}"]${conditions.length ? ` (${conditions.join('.')})` : ''}`);
      return;
    }
    if (Array.isArray(target)) return target.forEach((t) => walk(subpath, t, conditions));
    for (const [cond, t] of Object.entries(target)) walk(subpath, t, [...conditions, cond]);
  };
  const exportsField = typeof pkg.exports === 'string' || Array.isArray(pkg.exports) ? { '.': pkg.exports } : (pkg.exports ?? {});
  const subpaths = Object.keys(exportsField).some((k) => k.startsWith('.')) ? exportsField : { '.': exportsField };
  for (const [subpath, target] of Object.entries(subpaths)) {
    walk(subpath, target, []);
    const leaves = [];
    const collect = (t, cond) => {
      if (typeof t === 'string') leaves.push({ t, cond });
      else if (t && typeof t === 'object') for (const [c, v] of Object.entries(t)) collect(v, c);
    };
    collect(target, null);
    const js = leaves.filter(({ t, cond }) => cond !== 'types' && /\.[cm]?js$/.test(t));
    const hasTypes = leaves.some(({ cond, t }) => cond === 'types' || /\.d\.[cm]?ts$/.test(t));
    for (const { t } of js) if (!hasTypes) need(t.replace(/\.([cm]?)js$/, '.d.$1ts'), `declarations of exports["${subpath}"]`);
  }

  // Every module the packed JavaScript imports: relative paths must be packed,
  // packages must be declared (dependencies, peerDependencies, optional) or be Node builtins.
  const declared = new Set([pkg.name, ...Object.keys({ ...pkg.dependencies, ...pkg.peerDependencies, ...pkg.optionalDependencies })]);
  const builtins = new Set(builtinModules);
  const undeclared = new Map();
  const checkedImports = new Set();
  for (const file of files) {
    if (!/\.[cm]?js$/.test(file) || file.startsWith('src/')) continue;
    const code = readText(file)
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/^\s*\/\/.*$/gm, '');
    // import/export … from 'x' (possibly over several lines), import 'x', import('x')
    const specs = [
      ...code.matchAll(/^\s*(?:import|export)\s[^'"`;]*?\bfrom\s*(['"])([^'"\n]+)\1/gm),
      ...code.matchAll(/^\s*import\s*(['"])([^'"\n]+)\1/gm),
      ...code.matchAll(/\bimport\(\s*(['"])([^'"\n]+)\1\s*\)/g),
      ...code.matchAll(/\bnew URL\(\s*(['"])(\.{1,2}\/[^'"\n]+)\1\s*,\s*import\.meta\.url\s*\)/g),
    ].map((m) => m[2]);
    for (const spec of specs) {
      if (spec.startsWith('#')) {
        // a subpath import: mapped by package.json "imports", whose targets are
        // packed files or declared packages (under any condition)
        const key = Object.keys(pkg.imports ?? {}).find((k) => k === spec || (k.includes('*') && spec.startsWith(k.split('*')[0])));
        if (key === undefined) problem(`${pkg.name}: ${file} imports ${spec}, which package.json "imports" does not map`);
        else checkedImports.add(key);
      } else if (spec.startsWith('.')) {
        const target = posix.normalize(posix.join(posix.dirname(file), spec));
        if (!files.has(target)) problem(`${pkg.name}: ${file} imports ${spec}, but ${target} is not in the tarball`);
      } else if (!spec.startsWith('node:') && !builtins.has(spec)) {
        const name = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0];
        if (!declared.has(name)) undeclared.set(name, file);
      }
    }
  }
  for (const key of checkedImports) {
    const targets = [];
    const collect = (t) => (typeof t === 'string' ? targets.push(t) : t && typeof t === 'object' && Object.values(t).forEach(collect));
    collect(pkg.imports[key]);
    for (const t of targets) {
      if (t.startsWith('./')) {
        if (!t.includes('*')) need(t, `imports["${key}"]`);
      } else {
        const name = t.startsWith('@') ? t.split('/').slice(0, 2).join('/') : t.split('/')[0];
        if (!declared.has(name) && !t.startsWith('node:') && !builtins.has(t)) undeclared.set(name, `imports["${key}"]`);
      }
    }
  }
  for (const [name, file] of undeclared) problem(`${pkg.name}: ${file} imports ${name}, which package.json does not declare`);
  return problems;
}
