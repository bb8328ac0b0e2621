/**
 * Smoke run of the platform benchmark (bench/platform.ts): both databases, a small seed,
 * one-second runs. It proves the benchmark measures the real endpoints, signed in, with
 * every response a 2xx; the figures themselves are not asserted (no timing asserts).
 * Addresses: servers on 127.0.7.1 / 127.0.7.2 (port 0), the scanned shop on 127.0.7.11.
 */
import { describe, expect, it } from 'vitest';
import { FULL_OPTIONS, printReport, runPlatformBench } from '../bench/platform.js';

describe('platform benchmark (smoke)', () => {
  it('measures the dashboard and the scan-history API on SQLite and PostgreSQL with no errors', async () => {
    const report = await runPlatformBench({ ...FULL_OPTIONS, scans: 500, seconds: 1, shopAddress: '127.0.7.11', dnsAddress: '127.0.7.54', log: () => undefined });

    expect(report.seeding.map((seeding) => [seeding.dialect, seeding.scans])).toEqual([
      ['sqlite', 500],
      ['postgres', 500],
    ]);
    expect(report.results.map((row) => `${row.dialect} ${row.endpoint} ${row.path.replace(/[0-9a-f-]{36}/, ':orgId')}`)).toEqual([
      'sqlite dashboard /orgs/:orgId',
      'sqlite scan history API /api/v1/scans?limit=50',
      'postgres dashboard /orgs/:orgId',
      'postgres scan history API /api/v1/scans?limit=50',
    ]);
    for (const row of report.results) {
      expect(row.standIn).toBe(false);
      expect(row.probe.status).toBe(200);
      expect(row.probe.contentType).toMatch(row.endpoint === 'dashboard' ? /^text\/html/ : /^application\/json/);
      for (const run of [row.max, row.atRate, row.steady]) {
        expect(run.total).toBeGreaterThan(0);
        expect(run.errors).toBe(0);
        expect(run.non2xx).toBe(0);
      }
    }

    const printed: string[] = [];
    printReport(report, (line) => printed.push(line));
    expect(printed.filter((line) => /^(sqlite|postgres) +(dashboard|scan history API) /.test(line))).toHaveLength(4);
    expect(printed.at(-1)).toMatch(/^Target: p99 < 50 ms at 200 req\/s, 0 errors: .* -> (MET|NOT MET)$/);
  }, 120_000);
});
