import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const referencesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'references');
let available: boolean | undefined;

/**
 * The Python the references run on: `$NEURITE_PYTHON` when set, else Debian's `/usr/bin/python3`
 * when present (it carries python3-numpy, -scipy, -torch and -brian from apt), else `python3` on PATH.
 */
export function pythonExecutable(): string {
  const fromEnv = process.env.NEURITE_PYTHON;
  if (fromEnv) return fromEnv;
  return existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
}

/** The path of `packages/bench/references/<script>`. */
export function referenceScript(script: string): string {
  return path.join(referencesDir, script);
}

/** True when `import numpy` works in {@link pythonExecutable}. */
export function hasNumpy(): boolean {
  if (available === undefined) {
    const r = spawnSync(pythonExecutable(), ['-c', 'import numpy'], { stdio: 'ignore' });
    available = r.status === 0;
  }
  return available;
}

/** Run a reference script and parse its JSON stdout; undefined without numpy or on failure. */
export function pythonReference<T>(script: string, args: string[] = []): T | undefined {
  if (!hasNumpy()) return undefined;
  const r = spawnSync(pythonExecutable(), [referenceScript(script), ...args], { encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.status !== 0) {
    process.stderr.write(`[bench] reference ${script} failed: ${r.stderr.split('\n').slice(-3).join(' ')}\n`);
    return undefined;
  }
  return JSON.parse(r.stdout) as T;
}
