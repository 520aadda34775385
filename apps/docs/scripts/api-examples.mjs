// `node apps/docs/scripts/api-examples.mjs [<pkg>…] [--run]`: the `@example` blocks of the TSDoc
// comments in packages/<pkg>/src (all packages when none is named) — each ```ts / ```js fence inside
// an `@example` tag. With `--run`, every block runs in Node as an ES module (imports of @neurite/*
// resolve to the built dist, so build first) and its output is printed; exit 1 if any block throws.
// Each block runs after `await setBackend('cpu')` of @neurite/tensor (as a program would start), so an
// example need not select a backend. Blocks fenced ```ts browser (a DOM needed) or ```ts fragment (a
// piece of a larger program, with names it does not define) are listed, not run.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { entryPoints, repo } from './api-project.mjs';

/** Every .ts file under `dir`. */
function sources(dir) {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? sources(full) : name.endsWith('.ts') && !name.endsWith('.d.ts') ? [full] : [];
  });
}

/**
 * The `@example` code blocks of one source file.
 * @returns {{ file: string, line: number, lang: string, browser: boolean, fragment: boolean, code: string }[]}
 */
export function examplesOf(file) {
  const text = readFileSync(file, 'utf8');
  const out = [];
  for (const m of text.matchAll(/\/\*\*[\s\S]*?\*\//g)) {
    const body = m[0].split('\n').map((l) => l.replace(/^\s*\/?\*+\/?\s?/, ''));
    let inExample = false;
    for (let i = 0; i < body.length; i++) {
      if (/^@example\b/.test(body[i])) inExample = true;
      else if (/^@\w+/.test(body[i])) inExample = false;
      const fence = inExample ? /^```(ts|js|typescript|javascript)(\s+(?:browser|fragment))?\s*$/.exec(body[i]) : null;
      if (!fence) continue;
      const end = body.indexOf('```', i + 1);
      if (end < 0) break;
      const line = text.slice(0, m.index).split('\n').length + i;
      const mark = fence[2]?.trim();
      out.push({
        file,
        line,
        lang: fence[1],
        browser: mark === 'browser',
        fragment: mark === 'fragment',
        code: body.slice(i + 1, end).join('\n'),
      });
      i = end;
    }
  }
  return out;
}

/** The examples of the named packages (directory names), in file order. */
export function examples(packages) {
  const dirs = [...new Set(entryPoints().map((e) => e.pkg))].filter((p) => packages.length === 0 || packages.includes(p));
  return dirs.flatMap((pkg) =>
    sources(path.join(repo, 'packages', pkg, 'src'))
      .sort()
      .flatMap((f) => examplesOf(f).map((e) => ({ pkg, ...e }))),
  );
}

/** Runs one example in Node (TypeScript-only syntax is not allowed: examples are plain ESM). */
export function runExample(example, dir) {
  const dist = Object.fromEntries(
    entryPoints().map((e) => [e.name, pathToFileURL(e.file.replace(/\/src\/([^/]+)\.ts$/, '/dist/$1.js')).href]),
  );
  const prelude = `import { setBackend as __setBackend } from '${dist['@neurite/tensor']}';\nawait __setBackend('cpu');\n`;
  const code =
    prelude +
    example.code.replace(/from '(@neurite\/[a-z0-9-]+(?:\/[a-z0-9-]+)?)'/g, (all, name) => (dist[name] ? `from '${dist[name]}'` : all));
  const file = path.join(dir, `example-${path.basename(example.file, '.ts')}-${example.line}.mjs`);
  writeFileSync(file, code);
  const r = spawnSync(process.execPath, [file], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const run = args.includes('--run');
  const list = examples(args.filter((a) => !a.startsWith('--')));
  const dir = mkdtempSync(path.join(tmpdir(), 'api-examples-'));
  let failed = 0;
  for (const e of list) {
    const where = `${path.relative(repo, e.file)}:${e.line}`;
    if (!run || e.browser || e.fragment) {
      console.log(`${where}${e.browser ? ' (browser)' : e.fragment ? ' (fragment)' : ''}`);
      continue;
    }
    const r = runExample(e, dir);
    console.log(`${r.status === 0 ? 'ok  ' : 'FAIL'} ${where}`);
    if (r.stdout.trim()) console.log(r.stdout.replace(/^/gm, '     '));
    if (r.status !== 0) {
      failed++;
      console.log(r.stderr.replace(/^/gm, '     '));
    }
  }
  rmSync(dir, { recursive: true, force: true });
  console.log(`${list.length} examples${run ? `, ${failed} failed` : ''}`);
  process.exitCode = failed ? 1 : 0;
}
