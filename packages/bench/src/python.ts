import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const referencesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'references');
let available: boolean | undefined;

/** True when `python3 -c 'import numpy'` works on this machine. */
export function hasNumpy(): boolean {
  if (available === undefined) {
    const r = spawnSync('python3', ['-c', 'import numpy'], { stdio: 'ignore' });
    available = r.status === 0;
  }
  return available;
}

/** Run a reference script and parse its JSON stdout; undefined without numpy or on failure. */
export function pythonReference<T>(script: string, args: string[] = []): T | undefined {
  if (!hasNumpy()) return undefined;
  const r = spawnSync('python3', [path.join(referencesDir, script), ...args], { encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.status !== 0) {
    process.stderr.write(`[bench] reference ${script} failed: ${r.stderr.split('\n').slice(-3).join(' ')}\n`);
    return undefined;
  }
  return JSON.parse(r.stdout) as T;
}
