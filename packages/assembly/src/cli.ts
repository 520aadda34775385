#!/usr/bin/env node
/**
 * neurite-assembly: parse a sentence with the assembly parser, or print the assembly
 * statistics table. Built on @neurite/cli: --help everywhere, --json, exit 0 ok /
 * 1 failed / 2 usage error, one line on stderr naming what is wrong.
 */
import {
  createProgram,
  runProgram,
  isJsonMode,
  printJson,
  progress,
  parseInteger,
  parseNumber,
  packageVersion,
  Option,
  table,
} from '@neurite/cli';
import { profileRegion, setBackend, backendInfo, type BackendName } from '@neurite/tensor';
import { SparseArea } from './sparse-area.js';
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

program
  .command('explicit')
  .description(
    'rounds of one explicit area stored as a CSR (SparseArea) on a tfjs backend: stimulus then stimulus + recurrence; per round the new winners, support and time',
  )
  .option('--n <n>', 'neurons', parseInteger('--n', 1), 100000)
  .option('--k <k>', 'winners per round', parseInteger('--k', 1), 317)
  .option('--p <p>', 'synapse probability', parseNumber('--p'), 0.01)
  .option('--beta <beta>', 'plasticity β', parseNumber('--beta'), 0.05)
  .option('--rounds <r>', 'rounds', parseInteger('--rounds', 1), 10)
  .option('--seed <n>', 'seed of the connectome', parseInteger('--seed'), 0)
  .addOption(new Option('--backend <name>', 'tfjs backend').choices(['cpu', 'wasm', 'webgl', 'webgpu']).default('wasm'))
  .addOption(new Option('--storage <where>', 'connectome storage').choices(['auto', 'host', 'device']).default('auto'))
  .addOption(new Option('--weights <type>', 'weight storage').choices(['float32', 'float16']).default('float32'))
  .option('--memory-budget <GB>', 'largest connectome to build, GB', parseNumber('--memory-budget'), 2.147483648)
  .action(
    async (o: {
      n: number;
      k: number;
      p: number;
      beta: number;
      rounds: number;
      seed: number;
      backend: BackendName;
      storage: 'auto' | 'host' | 'device';
      weights: 'float32' | 'float16';
      memoryBudget: number;
    }) => {
      await setBackend(o.backend);
      const t0 = performance.now();
      const area = new SparseArea({
        n: o.n,
        k: o.k,
        p: o.p,
        beta: o.beta,
        seed: o.seed,
        storage: o.storage,
        weights: o.weights,
        memoryBudget: o.memoryBudget * 1e9,
      });
      const setupMs = performance.now() - t0;
      const bar = progress(o.rounds, 'rounds');
      const rows: Array<{ round: number; newWinners: number; support: number; overlap: number; ms: number }> = [];
      let prev = new Set<number>();
      try {
        for (let r = 0; r < o.rounds; r++) {
          const s0 = area.support;
          const t = performance.now();
          const w = await profileRegion('round', () => area.project({ stimulus: true, recurrent: true }));
          const ms = performance.now() - t;
          let overlap = 0;
          for (const j of w) if (prev.has(j)) overlap++;
          prev = new Set(w);
          rows.push({ round: r + 1, newWinners: area.support - s0, support: area.support, overlap, ms });
          bar.tick(1, `round ${r + 1}`);
        }
      } finally {
        bar.stop();
        area.dispose();
      }
      const doc = {
        params: { n: o.n, k: o.k, p: o.p, beta: o.beta, seed: o.seed, weights: o.weights },
        backend: backendInfo().name,
        storage: area.storage,
        synapses: area.synapses,
        memory: area.memory(),
        setupMs,
        rounds: rows,
      };
      if (isJsonMode()) printJson(doc);
      else {
        const m = doc.memory;
        process.stdout.write(
          `explicit area n = ${o.n}, k = ${o.k}, p = ${o.p}, β = ${o.beta} on ${doc.backend} (${doc.storage} storage, ${o.weights}): ` +
            `${doc.synapses} synapses, ${((m.hostBytes + m.deviceBytes) / 1e6).toFixed(1)} MB, setup ${setupMs.toFixed(0)} ms\n` +
            table(
              rows.map((r) => ({ ...r, ms: r.ms.toFixed(2) })),
              [
                { key: 'round', align: 'right' },
                { key: 'newWinners', header: 'new winners', align: 'right' },
                { key: 'support', align: 'right' },
                { key: 'overlap', header: 'overlap with previous', align: 'right' },
                { key: 'ms', header: 'ms', align: 'right' },
              ],
            ) +
            '\n',
        );
      }
    },
  );

await runProgram(program);
