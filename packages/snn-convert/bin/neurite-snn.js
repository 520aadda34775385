#!/usr/bin/env node
// Stable entry point for the `neurite-snn` command (npm links it before the build exists).
import { main } from '../dist/cli.js';
await main(process.argv.slice(2));
