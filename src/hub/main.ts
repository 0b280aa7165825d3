#!/usr/bin/env node
// The hub's entry point: `common-ground-hub` (built into build/hub/main.js) and `npm start`.
import { runCli } from './cli';

runCli(process.argv.slice(2));
