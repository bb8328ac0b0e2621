/**
 * The whole scan's bounds, on the CLI as a whole process (`node bin/weerbaar.js scan ...`):
 * against servers that hang at every stage it ends within --timeout + 0.5 s with a report,
 * and a decompression bomb or a 20,000-link page keeps the process tree (node + chromium)
 * under 1 GiB, with a load that was cut judged as an error, never a pass.
 * Needs `npm run build` and chromium; run under the fixture lock (test/fixtures/bounds-world.ts).
 */
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MEMORY_SCENARIOS, startBoundsWorld, TIME_SCENARIOS, type BoundsScenario, type BoundsWorld } from '../fixtures/bounds-world.js';
import { runScanProcess, type ScanRun } from '../fixtures/scan-process.js';

const OVERRUN_LIMIT_MS = 500;
const MEMORY_LIMIT_BYTES = 1024 ** 3;
const TIMEOUTS_S = [3, 6];

let world: BoundsWorld;

beforeAll(async () => {
  expect(existsSync('dist/bundle/main.js'), 'run `npm run build` first (npm test does)').toBe(true);
  world = await startBoundsWorld();
}, 60_000);

afterAll(async () => {
  await world?.close();
});

function scan(scenario: BoundsScenario, timeoutS: number): Promise<ScanRun> {
  const args = [scenario.target, '--resolver', scenario.resolver, '--allow-private', '--ca-file', world.caFile, '--timeout', String(timeoutS), '--json'];
  return runScanProcess(args, (timeoutS + 30) * 1000);
}

interface ReportCheck {
  id: string;
  status: string;
  evidence: Record<string, unknown>;
}

function checksOf(run: ScanRun): ReportCheck[] {
  return (JSON.parse(run.stdout) as { checks: ReportCheck[] }).checks;
}

describe('the whole scan ends within --timeout + 0.5 s, with a report', () => {
  for (const timeoutS of TIMEOUTS_S) {
    for (const scenario of TIME_SCENARIOS) {
      it(`${scenario.name}, --timeout ${timeoutS}: ${scenario.hazard}`, async () => {
        const run = await scan(scenario, timeoutS);
        expect(run.wallMs, `ran ${Math.round(run.wallMs)} ms`).toBeLessThanOrEqual(timeoutS * 1000 + OVERRUN_LIMIT_MS);
        expect(run.exitCode, run.stderr).toBe(0);
        expect(checksOf(run).length).toBeGreaterThan(20);
      }, 60_000);
    }
  }
});

describe('the browser cannot be made to take the scan past 1 GiB', () => {
  const runs = new Map<string, ScanRun>();
  const runOf = async (scenario: BoundsScenario): Promise<ScanRun> => {
    const found = runs.get(scenario.name) ?? (await scan(scenario, 10));
    runs.set(scenario.name, found);
    return found;
  };

  for (const scenario of MEMORY_SCENARIOS) {
    it(`${scenario.name}: the process tree stays under 1 GiB (PSS) and the scan keeps its time`, async () => {
      const run = await runOf(scenario);
      expect(run.exitCode, run.stderr).toBe(0);
      expect(run.peakTreePssBytes, `peak ${Math.round(run.peakTreePssBytes / 1024 ** 2)} MiB`).toBeLessThan(MEMORY_LIMIT_BYTES);
      expect(run.wallMs).toBeLessThanOrEqual(10_000 + OVERRUN_LIMIT_MS);
    }, 60_000);
  }

  it('a load cut for memory is an error that says so, not a pass on half a page', async () => {
    const bomb = MEMORY_SCENARIOS.find((scenario) => scenario.name === 'gzip-bomb');
    if (!bomb) throw new Error('no gzip-bomb scenario');
    const checks = checksOf(await runOf(bomb));
    for (const id of ['privacy.cookies.before-consent', 'privacy.third-parties.before-consent']) {
      const check = checks.find((candidate) => candidate.id === id);
      expect(check?.status, id).toBe('error');
      expect(String(check?.evidence.error), id).toMatch(/^stopped: memory/);
    }
  }, 60_000);
});
