#!/usr/bin/env node
// Stable entry point for the `neurite-brain4d` command (npm links it before the build exists).
import '../dist/cli.js';
