#!/usr/bin/env node
/**
 * neurite-assembly: parse a sentence with the assembly parser, or print the assembly
 * statistics table. Built on @neurite/cli: --help everywhere, --json, exit 0 ok /
 * 1 failed / 2 usage error, one line on stderr naming what is wrong.
 */
import { createProgram, runProgram, isJsonMode, printJson, progress, parseInteger, packageVersion, Option } from '@neurite/cli';
import { AssemblyParser, formatDependencies } from './parser.js';
import { statisticsTable, formatStatisticsTable } from './statistics-table.js';
import type { TailSampler } from './brain.js';

const program = createProgram({
  name: 'neurite-assembly',
  version: packageVersion(new URL('../package.json', import.meta.url)),
  description: 'The assembly calculus from the command line: the assembly parser and the statistics of projection and association.',
});

program
  .command('parse')
  .description('parse a sentence with the assembly parser and print its dependencies (head -relation-> dependent); --json: the whole parse')
  .argument('<words...>', 'the sentence, e.g. "cats chase mice" (several arguments are joined by spaces)')
  .option('--seed <n>', 'seed of the parser brain', parseInteger('--seed'), 0)
  .action((words: string[], o: { seed: number }) => {
    const result = new AssemblyParser({ seed: o.seed }).parse(words.join(' '));
    if (isJsonMode()) printJson(result);
    else process.stdout.write(formatDependencies(result.dependencies) + '\n');
  });

program
  .command('stats')
  .description(
    'projection (support, convergence, overlap for β = 0.01, 0.05, 0.1) and association statistics over several seeds, beside the brain.py reference ranges',
  )
  .option('--seeds <n>', 'number of seeds (0 … n−1)', parseInteger('--seeds', 1), 10)
  .addOption(new Option('--sampler <name>', 'tail sampler of the lazy areas').choices(['exact', 'reference']).default('reference'))
  .action((o: { seeds: number; sampler: TailSampler }) => {
    // statisticsTable reports one step per projection run (3 β × seeds) and per association run (2 samplers × seeds).
    const bar = progress(5 * o.seeds, 'stats');
    let done = 0;
    const t = statisticsTable({
      seeds: Array.from({ length: o.seeds }, (_, i) => i),
      sampler: o.sampler,
      onProgress: (m) => bar.update(done++, m),
    });
    bar.stop();
    if (isJsonMode()) printJson(t);
    else process.stdout.write(formatStatisticsTable(t) + '\n');
  });

await runProgram(program);
