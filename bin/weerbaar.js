#!/usr/bin/env node
// Thin launcher: the CLI bundle lives in dist/bundle/ (run `npm run build` first).
import { main } from '../dist/bundle/main.js';

process.exitCode = await main(process.argv.slice(2));
// The command is done once main() returns: nothing a hostile server left behind (a socket
// still dripping, a timer) may keep the process alive past a scan's --timeout.
globalThis.setTimeout(() => process.exit(), 50).unref();
