#!/usr/bin/env node
/**
 * neurite-bench [suite…] [--quick] [--backend cpu|wasm|webgl|webgpu|auto] [--json]
 * Runs benchmark suites (all by default) and prints a table per suite, or with --json
 * one JSON document for all of them (see README.md). Built on @neurite/cli.
 */
import os from 'node:os';
import { createProgram, runProgram, isJsonMode, printJson, progress, packageVersion, UsageError, Option } from '@neurite/cli';
import { setBackend, type BackendChoice } from '@neurite/tensor';
import { suites } from './suites/index.js';
import { measure } from './measure.js';
import { pythonReference } from './python.js';
import { formatTable } from './format-table.js';
import type { BenchDocument, SuiteContext } from './suite.js';

const SUITE_NAMES = suites.map((s) => s.name).join(', ');

const program = createProgram({
  name: 'neurite-bench',
  version: packageVersion(new URL('../package.json', import.meta.url)),
  description: `Benchmark suites of every Neurite package (${SUITE_NAMES}): median times, ratios against references measured in the same run, and each case's goal.`,
});

program
  .argument('[suites...]', `suites to run, in this order (default: all of ${SUITE_NAMES})`)
  .option('--quick', 'fewer repeats and smaller sizes (a smoke run, not for comparisons)')
  .addOption(
    new Option('--backend <name>', 'tfjs backend the suites run on').choices(['wasm', 'cpu', 'webgpu', 'webgl', 'auto']).default('wasm'),
  )
  .action(async (names: string[], o: { quick?: boolean; backend: BackendChoice }) => {
    const chosen =
      names.length === 0
        ? suites
        : names.map((n) => {
            const suite = suites.find((s) => s.name === n);
            if (suite === undefined) throw new UsageError(`unknown suite '${n}' (known: ${SUITE_NAMES})`);
            return suite;
          });
    const quick = o.quick === true;
    const info = await setBackend(o.backend);
    const doc: BenchDocument = {
      machine: { cpus: os.cpus().length, node: process.version, backend: info.name, simd: info.simd, threads: info.threads },
      suites: chosen.map((s) => s.name),
      results: [],
    };
    for (const [i, suite] of chosen.entries()) {
      // One bar per suite (stopped before the suite's table is printed), positioned at the suites done so far.
      const bar = progress(chosen.length, 'neurite-bench');
      const ctx: SuiteContext = {
        quick,
        backend: info.name,
        measure: (fn, opts) => measure(fn, quick, opts),
        pythonReference,
        progress: (m) => bar.update(i, `${suite.name}: ${m}`),
      };
      ctx.progress(suite.description);
      const results = await suite.run(ctx);
      bar.stop();
      doc.results.push(...results.map((r) => ({ suite: suite.name, ...r })));
      if (!isJsonMode()) process.stdout.write(formatTable(suite.name, results) + '\n');
    }
    if (isJsonMode()) printJson(doc);
  });

await runProgram(program);
