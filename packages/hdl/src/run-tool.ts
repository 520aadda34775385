import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import path from 'node:path';
import { HdlError } from './hdl-error.js';

/** The Debian package that provides each external program. */
export const DEBIAN_PACKAGES: Record<string, string> = {
  iverilog: 'iverilog',
  vvp: 'iverilog',
  verilator: 'verilator',
  yosys: 'yosys',
  'nextpnr-ice40': 'nextpnr-ice40',
  icepack: 'fpga-icestorm',
  'g++': 'g++',
  make: 'make',
};

/** Full path of a program on PATH, or undefined. */
export function findTool(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (dir === '') continue;
    const p = path.join(dir, name);
    try {
      accessSync(p, constants.X_OK);
      return p;
    } catch {
      // not here
    }
  }
  return undefined;
}

/** Throws an HdlError (ERR_STATE) naming the Debian package when a program is missing. */
export function requireTool(name: string): string {
  if (name.includes('/')) return name;
  const p = findTool(name);
  if (p === undefined) {
    const pkg = DEBIAN_PACKAGES[name] ?? name;
    throw new HdlError(name, `${name} not found on PATH: install the Debian package ${pkg} (apt-get install ${pkg})`, {
      code: 'ERR_STATE',
    });
  }
  return p;
}

/** What {@link runTool} returns: the program's output and how long it ran. */
export interface ToolResult {
  /** Everything the program wrote to stdout. */
  stdout: string;
  /** Everything the program wrote to stderr. */
  stderr: string;
  /** Wall time, in seconds. */
  seconds: number;
}

/**
 * Runs a program to completion in `cwd` (nice 10 when `nice` is set); a non-zero exit becomes an
 * HdlError quoting the last lines of its output.
 */
export async function runTool(
  name: string,
  args: string[],
  options: { cwd: string; nice?: boolean; timeoutMs?: number } = { cwd: '.' },
): Promise<ToolResult> {
  const exe = requireTool(name);
  const niceExe = options.nice ? findTool('nice') : undefined;
  const cmd = niceExe ? niceExe : exe;
  const argv = niceExe ? ['-n', '10', exe, ...args] : args;
  const start = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, argv, { cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    const timer = options.timeoutMs ? setTimeout(() => child.kill('SIGKILL'), options.timeoutMs) : undefined;
    child.on('error', (e) => reject(new HdlError(name, `${name} failed to start: ${e.message}`, { code: 'ERR_STATE', cause: e })));
    child.on('close', (code, signal) => {
      if (timer) clearTimeout(timer);
      const stdout = Buffer.concat(out).toString('utf8');
      const stderr = Buffer.concat(err).toString('utf8');
      const seconds = (performance.now() - start) / 1000;
      if (code !== 0) {
        const tail = (stderr + stdout).trim().split('\n').slice(-6).join(' | ');
        reject(new HdlError(name, `${name} ${args.slice(0, 3).join(' ')} … exited with ${signal ?? code}: ${tail}`, { code: 'ERR_STATE' }));
      } else resolve({ stdout, stderr, seconds });
    });
  });
}
