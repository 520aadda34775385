/**
 * The Emscripten module of tfjs-backend-wasm installs process-wide
 * 'uncaughtException' / 'unhandledRejection' listeners when it starts; left in
 * place they rethrow every later uncaught error from inside
 * tf-backend-wasm.node.js and make Node exit with code 7. guardBackendInit
 * removes them. Each case runs a user program in a child `node` process that
 * imports the built package (dist/, made by `npm run build`, which `npm test`
 * runs first), starts wasm, then throws.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));
const dir = mkdtempSync(path.join(os.tmpdir(), 'neurite-handlers-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function runProgram(name: string, body: string): { status: number | null; stderr: string; file: string } {
  const file = path.join(dir, name);
  writeFileSync(file, body);
  const r = spawnSync(process.execPath, [file], { encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stderr: r.stderr, file };
}

const index = pathToFileURL(path.join(DIST, 'index.js')).href;
const register = pathToFileURL(path.join(DIST, 'register.js')).href;

describe('process handlers after the wasm backend starts in Node', () => {
  it('an uncaught error exits with code 1 and a stack naming the user file (setBackend)', () => {
    const r = runProgram(
      'user-throws.mjs',
      `import { setBackend, backendInfo } from '${index}';
await setBackend('wasm');
if (backendInfo().name !== 'wasm') process.exit(3);
function userCode() { throw new Error('boom from the user'); }
userCode();
`,
    );
    expect(r.stderr).toContain('boom from the user');
    expect(r.stderr).toContain(r.file);
    expect(r.stderr).not.toMatch(/tf-backend-wasm\.node\.js/);
    expect(r.status).toBe(1);
  });

  it('an unhandled rejection exits with code 1 (tf.setBackend through @neurite/tensor/register)', () => {
    const r = runProgram(
      'user-rejects.mjs',
      `import '${register}';
import { tf } from '${index}';
if (!(await tf.setBackend('wasm'))) process.exit(3);
Promise.reject(new Error('rejected by the user'));
`,
    );
    expect(r.stderr).toContain('rejected by the user');
    expect(r.stderr).not.toMatch(/tf-backend-wasm\.node\.js/);
    expect(r.status).toBe(1);
  });

  it('without the guard the same program exits with code 7 (the failure the guard prevents)', () => {
    // The raw tfjs packages (their Node builds), as before Neurite wrapped the backend factory.
    const tfjs = new URL('../../../../node_modules/@tensorflow/', import.meta.url);
    const r = runProgram(
      'raw-tfjs.mjs',
      `import * as tf from '${new URL('tfjs-core/dist/tf-core.node.js', tfjs).href}';
import '${new URL('tfjs-backend-wasm/dist/tf-backend-wasm.node.js', tfjs).href}';
await tf.setBackend('wasm');
throw new Error('boom');
`,
    );
    expect(r.status).toBe(7);
  });
});
