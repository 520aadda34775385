// What every step of the `npm start` tour shares: a heading, a short
// explanation, the key figure, and the plot it wrote into the tour's folder.
import path from 'node:path';
import { mkdirSync } from 'node:fs';
import { writeFileAtomic } from '@neurite/tensor/node';

/**
 * The tour's context: `outDir` (created on demand), `heading(n, total, title)`,
 * `say(...lines)` (the explanation), `figure(text)` (the key figure) and
 * `writePlot(name, svg)` (writes `<outDir>/<name>` atomically, prints its path).
 */
export function createTourContext(outDir) {
  let made = false;
  return {
    outDir,
    heading(n, total, title) {
      console.log(`\n[${n}/${total}] ${title}`);
    },
    say(...lines) {
      for (const l of lines) console.log(`  ${l}`);
    },
    figure(text) {
      console.log(`  key figure: ${text}`);
    },
    async writePlot(name, svg) {
      if (!made) mkdirSync(outDir, { recursive: true });
      made = true;
      const file = path.join(outDir, name);
      await writeFileAtomic(file, svg);
      console.log(`  plot: ${path.relative(process.cwd(), file) || file}`);
      return file;
    },
  };
}
