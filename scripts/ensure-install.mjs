// Installs the workspace's dependencies when they are missing (a fresh clone),
// so `npm start` and `npm test` each work by themselves.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';

export function ensureInstall() {
  if (existsSync('node_modules/.package-lock.json') && existsSync('node_modules/@tensorflow/tfjs-core')) return;
  console.log('[neurite] installing dependencies (npm ci)…');
  const r = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

export function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
  return r.status ?? 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) ensureInstall();
