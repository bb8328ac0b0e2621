#!/usr/bin/env node
// Thin launcher: the CLI bundle lives in dist/bundle/ (run `npm run build` first).
import { main } from '../dist/bundle/main.js';

process.exitCode = await main(process.argv.slice(2));
