#!/usr/bin/env node
/**
 * neurite-bench [suite…] [--quick] [--backend B] [--json]
 * Runs benchmark suites (all by default), prints a table, or the JSON document
 * of ARCHITECTURE.md with --json.
 */
import os from 'node:os';
import { setBackend, type BackendChoice } from '@neurite/tensor';
import { suites } from './suites/index.js';
import { measure } from './measure.js';
import { pythonReference } from './python.js';
import { formatTable } from './table.js';
import type { BenchResult, SuiteContext } from './suite.js';

function fail(msg: string): never {
  process.stderr.write(`neurite-bench: ${msg}\n`);
  process.exit(1);
}

function parseArgs(argv: string[]) {
  const names: string[] = [];
  let quick = false, json = false, backend: BackendChoice = 'wasm';
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--quick') quick = true;
    else if (a === '--json') json = true;
    else if (a === '--backend') backend = (argv[++i] ?? fail('--backend needs a value')) as BackendChoice;
    else if (a.startsWith('--backend=')) backend = a.slice(10) as BackendChoice;
    else if (a === '--help' || a === '-h') {
      process.stdout.write(`usage: neurite-bench [suite…] [--quick] [--backend cpu|wasm|auto] [--json]\nsuites: ${suites.map((s) => s.name).join(', ')}\n`);
      process.exit(0);
    } else if (a.startsWith('-')) fail(`unknown option ${a}`);
    else names.push(a);
  }
  return { names, quick, json, backend };
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const chosen = args.names.length ? args.names.map((n) => suites.find((s) => s.name === n) ?? fail(`unknown suite "${n}" (known: ${suites.map((s) => s.name).join(', ')})`)) : suites;
  let info;
  try {
    info = await setBackend(args.backend);
  } catch (e) {
    fail((e as Error).message);
  }
  const showProgress = !args.json || process.stderr.isTTY;
  const documents: Array<{ suite: string; machine: Record<string, unknown>; results: BenchResult[] }> = [];
  const machine = { cpus: os.cpus().length, node: process.version, backend: info.name, simd: info.simd, threads: info.threads };
  for (const suite of chosen) {
    const ctx: SuiteContext = {
      quick: args.quick,
      backend: info.name,
      measure: (fn, opts) => measure(fn, args.quick, opts),
      pythonReference: (script, a) => pythonReference(script, a),
      progress: (m) => { if (showProgress) process.stderr.write(`[${suite.name}] ${m}\n`); },
    };
    ctx.progress(suite.description);
    const results = await suite.run(ctx);
    documents.push({ suite: suite.name, machine, results });
    if (!args.json) process.stdout.write(formatTable(suite.name, results) + '\n');
  }
  if (args.json) process.stdout.write(JSON.stringify(documents.length === 1 ? documents[0] : documents, null, 2) + '\n');
}

main().catch((e) => fail(e instanceof Error ? e.message : String(e)));
