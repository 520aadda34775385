#!/usr/bin/env node
/**
 * neurite-assembly parse "<sentence>" [--json] [--seed N]
 * neurite-assembly stats [--seeds N] [--sampler exact|reference] [--json]
 */
import { AssemblyError } from './assembly-error.js';
import { AssemblyParser, formatDependencies } from './parser.js';
import { statisticsTable, formatStatisticsTable } from './statistics.js';
import type { TailSampler } from './brain.js';

const USAGE = `usage: neurite-assembly parse "<sentence>" [--json] [--seed N]
       neurite-assembly stats [--seeds N] [--sampler exact|reference] [--json]`;

function fail(msg: string): never {
  process.stderr.write(`neurite-assembly: ${msg}\n`);
  process.exit(1);
}

function main(argv: string[]): void {
  const positional: string[] = [];
  let json = false, seed = 0, seeds = 10;
  let sampler: TailSampler = 'reference';
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => argv[++i] ?? fail(`${a} needs a value`);
    if (a === '--json') json = true;
    else if (a === '--seed') { seed = Number(value()); if (!Number.isInteger(seed)) fail('--seed must be an integer'); }
    else if (a === '--seeds') { seeds = Number(value()); if (!Number.isInteger(seeds) || seeds < 1) fail('--seeds must be a positive integer'); }
    else if (a === '--sampler') { const s = value(); if (s !== 'exact' && s !== 'reference') fail('--sampler must be exact or reference'); sampler = s; }
    else if (a === '--help' || a === '-h') { process.stdout.write(USAGE + '\n'); return; }
    else if (a.startsWith('-')) fail(`unknown option ${a}\n${USAGE}`);
    else positional.push(a);
  }
  const [cmd, ...rest] = positional;
  if (cmd === 'parse') {
    if (rest.length === 0) fail('parse needs a sentence, e.g. neurite-assembly parse "cats chase mice"');
    const result = new AssemblyParser({ seed }).parse(rest.join(' '));
    process.stdout.write((json ? JSON.stringify(result, null, 2) : formatDependencies(result.dependencies)) + '\n');
  } else if (cmd === 'stats') {
    const progress = !process.stderr.isTTY ? undefined : (m: string) => process.stderr.write(`\r${m.padEnd(40)}`);
    const t = statisticsTable({ seeds: Array.from({ length: seeds }, (_, i) => i), sampler, onProgress: progress });
    if (progress) process.stderr.write('\r'.padEnd(42) + '\r');
    process.stdout.write((json ? JSON.stringify(t, null, 2) : formatStatisticsTable(t)) + '\n');
  } else {
    fail(cmd ? `unknown command "${cmd}"\n${USAGE}` : USAGE);
  }
}

try {
  main(process.argv.slice(2));
} catch (e) {
  fail(e instanceof AssemblyError ? e.message : e instanceof Error ? e.message : String(e));
}
