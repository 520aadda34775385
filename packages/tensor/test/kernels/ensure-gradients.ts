/**
 * Test scaffolding: the Node build of tfjs-core 4.22 (dist/tf-core.node.js)
 * ships no gradient registrations (they live only in its ESM files under
 * dist/gradients, which Node cannot import: extensionless specifiers), so
 * tf.grad / optimizers fail in Node unless something registers them. Until
 * @neurite/tensor does that itself, the training tests bundle
 * dist/register_all_gradients.js with esbuild and import it: it registers
 * into tfjs's global gradient registry, shared by every copy of tfjs-core.
 */
import * as tf from '@tensorflow/tfjs-core';
import { createRequire } from 'node:module';
import { mkdtempSync, writeFileSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

let done: Promise<void> | null = null;

export function ensureGradients(): Promise<void> {
  if (tf.getGradient('Conv2D') != null) return Promise.resolve();
  done ??= (async () => {
    const req = createRequire(import.meta.url);
    const entry = join(req.resolve('@tensorflow/tfjs-core/package.json'), '..', 'dist', 'register_all_gradients.js');
    const { build } = await import('esbuild');
    const r = await build({ entryPoints: [entry], bundle: true, format: 'esm', platform: 'node', write: false, logLevel: 'silent' });
    const dir = mkdtempSync(join(tmpdir(), 'neurite-grads-'));
    const file = join(dir, 'gradients.mjs');
    writeFileSync(file + '.tmp', r.outputFiles[0].text);
    renameSync(file + '.tmp', file);
    await import(pathToFileURL(file).href);
  })();
  return done;
}
