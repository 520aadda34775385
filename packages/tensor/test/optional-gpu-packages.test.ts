/**
 * The GPU backends are optional peer dependencies. A Node-only install has
 * only tfjs-core, -backend-cpu and -backend-wasm; there setBackend('webgl')
 * must fail with a TensorError naming the package to install, while cpu and
 * wasm work. The install is simulated in a scratch directory under
 * os.tmpdir(): node_modules with a copy of the built package (dist/, made by
 * `npm run build`, which `npm test` runs first) and links to the installed
 * non-GPU dependencies only. A child `node` runs the program there. A second
 * scratch install adds tfjs-backend-webgpu but not the `webgpu` package (Dawn).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const PKG = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);
const dir = mkdtempSync(path.join(os.tmpdir(), 'neurite-node-only-'));

beforeAll(() => {
  const nm = path.join(dir, 'node_modules');
  const own = path.join(nm, '@neurite', 'tensor');
  mkdirSync(own, { recursive: true });
  cpSync(path.join(PKG, 'dist'), path.join(own, 'dist'), { recursive: true });
  cpSync(path.join(PKG, 'package.json'), path.join(own, 'package.json'));
  const deps = ['@tensorflow/tfjs-core', '@tensorflow/tfjs-backend-cpu', '@tensorflow/tfjs-backend-wasm', 'fft.js', 'write-file-atomic'];
  for (const dep of deps) {
    const target = path.dirname(require.resolve(`${dep}/package.json`));
    mkdirSync(path.dirname(path.join(nm, dep)), { recursive: true });
    symlinkSync(target, path.join(nm, dep), 'dir');
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(program: string): { status: number | null; stdout: string; stderr: string } {
  const file = path.join(dir, `program-${Math.random().toString(36).slice(2)}.mjs`);
  writeFileSync(file, program);
  const r = spawnSync(process.execPath, [file], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('a Node-only install without the GPU backends', () => {
  it('runs cpu and wasm', () => {
    const r = run(`import { setBackend, tf } from '@neurite/tensor';
for (const b of ['cpu', 'wasm']) {
  await setBackend(b);
  console.log(b, (await tf.add(tf.scalar(1), tf.scalar(2)).data())[0]);
}`);
    expect(r.stderr).toBe('');
    expect(r.stdout.trim().split('\n')).toEqual(['cpu 3', 'wasm 3']);
  });

  for (const [gpu, pkg] of [
    ['webgl', '@tensorflow/tfjs-backend-webgl'],
    ['webgpu', '@tensorflow/tfjs-backend-webgpu'],
  ] as const) {
    it(`setBackend('${gpu}') throws TensorError ERR_BACKEND naming ${pkg}`, () => {
      const r = run(`import { setBackend, TensorError } from '@neurite/tensor';
try { await setBackend('${gpu}'); console.log('started'); }
catch (e) { console.log(JSON.stringify({ tensorError: e instanceof TensorError, code: e.code, message: e.message, cause: e.cause instanceof Error })); }`);
      const out = JSON.parse(r.stdout) as { tensorError: boolean; code: string; message: string; cause: boolean };
      expect(out.tensorError).toBe(true);
      expect(out.code).toBe('ERR_BACKEND');
      expect(out.message).toContain(`needs the optional package ${pkg}`);
      expect(out.message).toContain(`npm install ${pkg}`);
      expect(out.cause).toBe(true);
    });

    it(`importing '@neurite/tensor/${gpu}' fails at import, naming ${pkg}`, () => {
      const r = run(`import '@neurite/tensor/${gpu}';`);
      expect(r.status).not.toBe(0);
      expect(r.stderr).toContain(pkg);
    });
  }
});

describe('Node with @tensorflow/tfjs-backend-webgpu but without the webgpu package (Dawn)', () => {
  const dir2 = mkdtempSync(path.join(os.tmpdir(), 'neurite-no-dawn-'));
  beforeAll(() => {
    const nm = path.join(dir2, 'node_modules');
    const own = path.join(nm, '@neurite', 'tensor');
    mkdirSync(own, { recursive: true });
    cpSync(path.join(PKG, 'dist'), path.join(own, 'dist'), { recursive: true });
    cpSync(path.join(PKG, 'package.json'), path.join(own, 'package.json'));
    const deps = [
      '@tensorflow/tfjs-core',
      '@tensorflow/tfjs-backend-cpu',
      '@tensorflow/tfjs-backend-wasm',
      '@tensorflow/tfjs-backend-webgpu',
      'fft.js',
      'write-file-atomic',
    ];
    for (const dep of deps) {
      const target = path.dirname(require.resolve(`${dep}/package.json`));
      mkdirSync(path.dirname(path.join(nm, dep)), { recursive: true });
      symlinkSync(target, path.join(nm, dep), 'dir');
    }
  });
  afterAll(() => rmSync(dir2, { recursive: true, force: true }));

  it("setBackend('webgpu') throws TensorError ERR_BACKEND naming the webgpu package", () => {
    const file = path.join(dir2, 'program.mjs');
    writeFileSync(
      file,
      `import { setBackend, TensorError } from '@neurite/tensor';
try { await setBackend('webgpu'); console.log('started'); }
catch (e) { console.log(JSON.stringify({ tensorError: e instanceof TensorError, code: e.code, message: e.message, cause: e.cause instanceof Error })); }`,
    );
    const r = spawnSync(process.execPath, [file], { cwd: dir2, encoding: 'utf8', timeout: 60_000 });
    const out = JSON.parse(r.stdout) as { tensorError: boolean; code: string; message: string; cause: boolean };
    expect(out.tensorError).toBe(true);
    expect(out.code).toBe('ERR_BACKEND');
    expect(out.message).toContain('needs the optional package webgpu');
    expect(out.message).toContain('npm install webgpu');
    expect(out.cause).toBe(true);
  });
});
