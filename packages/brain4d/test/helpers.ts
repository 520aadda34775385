import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

/** An example network of the package (examples/<name>), parsed. */
export function example(name: string): Record<string, any> {
  return JSON.parse(readFileSync(path.join(here, '..', 'examples', name), 'utf8')) as Record<string, any>;
}

/** A committed fixture (test/fixtures/<name>), parsed. */
export function fixture(name: string): any {
  return JSON.parse(readFileSync(path.join(here, 'fixtures', name), 'utf8'));
}
