/**
 * Benchmark: the whole scan's bounds, measured on the CLI as a whole process
 * (`node bin/weerbaar.js scan ... --timeout N`) against the hostile loopback world of
 * test/fixtures/bounds-world.ts. Prints per scenario the wall time, the overrun past the
 * timeout and the peak memory of the process tree (node + chromium, from /proc): PSS, which
 * counts shared pages once (the bound), and summed RSS, which counts them per process.
 *
 *   npm run build && flock /tmp/weerbaar-fixtures.lock npx tsx bench/scan-bounds.ts [--timeout 10]
 *
 * Targets: every run ends within its timeout + 0.5 s and stays under 1 GiB. Exit 1 when a
 * target is missed.
 */
import { existsSync } from 'node:fs';
import { MEMORY_SCENARIOS, startBoundsWorld, TIME_SCENARIOS } from '../test/fixtures/bounds-world.js';
import { runScanProcess } from '../test/fixtures/scan-process.js';
import { runMain } from './run-main.js';

const OVERRUN_LIMIT_MS = 500;
const MEMORY_LIMIT_BYTES = 1024 ** 3;

function timeoutSeconds(): number {
  const index = process.argv.indexOf('--timeout');
  const value = index === -1 ? 10 : Number(process.argv[index + 1]);
  if (!Number.isFinite(value) || value <= 0) throw new Error('--timeout takes a number of seconds');
  return value;
}

async function main(): Promise<number> {
  if (!existsSync('dist/bundle/main.js')) throw new Error('run `npm run build` first');
  const timeout = timeoutSeconds();
  const world = await startBoundsWorld();
  let missed = 0;
  try {
    console.log(`whole-process scans, --timeout ${timeout}; limits: overrun <= ${OVERRUN_LIMIT_MS} ms, tree PSS < 1024 MiB`);
    console.log('scenario       exit  wall ms  overrun ms  PSS MiB  RSS MiB  hazard');
    for (const scenario of [...TIME_SCENARIOS, ...MEMORY_SCENARIOS]) {
      const run = await runScanProcess(
        [
        scenario.target,
        '--resolver',
        scenario.resolver,
        '--allow-private',
        '--ca-file',
        world.caFile,
        '--timeout',
        String(timeout),
        '--json',
        ],
        (timeout + 30) * 1000,
      );
      const overrun = run.wallMs - timeout * 1000;
      const pssMiB = run.peakTreePssBytes / 1024 ** 2;
      const rssMiB = run.peakTreeRssBytes / 1024 ** 2;
      const ok = overrun <= OVERRUN_LIMIT_MS && run.peakTreePssBytes < MEMORY_LIMIT_BYTES;
      if (!ok) missed++;
      console.log(
        `${scenario.name.padEnd(14)} ${String(run.exitCode).padStart(4)} ${run.wallMs.toFixed(0).padStart(8)} ${overrun.toFixed(0).padStart(11)} ${pssMiB.toFixed(0).padStart(8)} ${rssMiB.toFixed(0).padStart(8)}  ${scenario.hazard}${ok ? '' : '  <-- MISSED'}`,
      );
      if (run.exitCode !== 0) console.log(`               stderr: ${run.stderr.trim().split('\n')[0] ?? ''}`);
    }
  } finally {
    await world.close();
  }
  return missed === 0 ? 0 : 1;
}

runMain(main);
