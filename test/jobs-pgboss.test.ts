/**
 * The scan queue on PostgreSQL (pg-boss 10) against a fresh database on the machine's
 * server, and executeScan's exactly-once write on both databases. The scan engine is
 * replaced by a runner that returns a fixed result (the queue is under test, not the scan).
 */
import type { Kysely } from 'kysely';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/schema.js';
import { executeScan, type ScanRunner } from '../src/jobs/execute-scan.js';
import { PgBossQueue, SCAN_QUEUE, type PgBossQueueOptions } from '../src/jobs/pg-boss-queue.js';
import { ScanService } from '../src/jobs/scan-service.js';
import type { ScanResult } from '../src/scan/engine.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from './web/harness.js';
import { seedQueuedScan, waitUntil } from './server-harness.js';

function fixedResult(target: string): ScanResult {
  const now = new Date().toISOString();
  return {
    target,
    startedAt: now,
    durationMs: 5,
    evidence: { target, collectedAt: now },
    results: [{ id: 'web.hsts', status: 'pass', verdict: {} as ScanResult['results'][number]['verdict'] }],
    score: { scores: { web: 100, mail: null, overall: 100 }, categories: [], checks: [] },
  };
}

/** Counts its runs; each run waits until `release` (if set) so tests can hold a scan open. */
function countingRunner(hold?: Promise<void>): ScanRunner & { runs: number } {
  const runner = Object.assign(
    async (target: string) => {
      runner.runs++;
      if (hold) await hold;
      return fixedResult(target);
    },
    { runs: 0 },
  );
  return runner;
}

const FAST: Omit<PgBossQueueOptions, 'connectionString' | 'concurrency'> = {
  expireInSeconds: 30,
  maintenanceIntervalSeconds: 1,
  pollingIntervalSeconds: 0.5,
  retryDelaySeconds: 0,
};

async function scanRow(db: Kysely<Database>, id: string): Promise<{ status: string; attempts: number; result_json: string | null; error: string | null }> {
  return db.selectFrom('scans').select(['status', 'attempts', 'result_json', 'error']).where('id', '=', id).executeTakeFirstOrThrow();
}

async function jobsFor(url: string, scanId: string): Promise<{ state: string; retry_count: number }[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ state: string; retry_count: number }>('SELECT state, retry_count FROM pgboss.job WHERE name = $1 AND id = $2', [SCAN_QUEUE, scanId]);
    return rows;
  } finally {
    await client.end();
  }
}

describe('PgBossQueue', () => {
  let database: TestDatabase;
  let url: string;
  const queues: PgBossQueue[] = [];
  const queue = (concurrency: number, extra: Partial<PgBossQueueOptions> = {}): PgBossQueue => {
    const made = new PgBossQueue(database.handle.db, { connectionString: url, concurrency, ...FAST, ...extra });
    queues.push(made);
    return made;
  };

  beforeEach(async () => {
    database = await createTestDatabase('postgres');
    url = database.url as string;
  });
  afterEach(async () => {
    for (const made of queues.splice(0)) await made.stop(1_000);
    await database.drop();
  });

  it('runs an enqueued scan on a worker and stores it once', async () => {
    const db = database.handle.db;
    const runner = countingRunner();
    const worker = queue(1);
    const scans = new ScanService(db, worker, {}, runner);
    await scans.startWorking();
    const scanId = await seedQueuedScan(db, 'shop.example');
    await worker.enqueue(scanId);
    await waitUntil('the scan to finish', async () => ((await scanRow(db, scanId)).status === 'done' ? true : undefined), 20_000);
    const row = await scanRow(db, scanId);
    expect(row.attempts).toBe(1);
    expect(JSON.parse(row.result_json ?? 'null')).toMatchObject({ target: 'shop.example' });
    expect(runner.runs).toBe(1);
    await waitUntil('the job to complete', async () => ((await jobsFor(url, scanId))[0]?.state === 'completed' ? true : undefined), 10_000);
  });

  it('makes one job of a scan enqueued several times (and re-sent at start)', async () => {
    const db = database.handle.db;
    const scanId = await seedQueuedScan(db, 'shop.example');
    const sender = queue(0);
    await sender.start(); // sends the queued scan once already
    await sender.enqueue(scanId);
    await sender.enqueue(scanId);
    expect(await jobsFor(url, scanId)).toHaveLength(1);

    const runner = countingRunner();
    const worker = queue(2);
    await new ScanService(db, worker, {}, runner).startWorking();
    await waitUntil('the scan to finish', async () => ((await scanRow(db, scanId)).status === 'done' ? true : undefined), 20_000);
    await sender.enqueue(scanId); // a late duplicate of a finished scan
    await new Promise((resolve) => setTimeout(resolve, 1_500)); // two polling rounds for a stray job to be picked up
    expect(runner.runs).toBe(1);
    expect(await jobsFor(url, scanId)).toHaveLength(1);
  });

  it('retries a job whose handler threw', async () => {
    const db = database.handle.db;
    const scanId = await seedQueuedScan(db, 'shop.example');
    const scans = new ScanService(db, queue(0), {}, countingRunner());
    let calls = 0;
    const worker = queue(1);
    await worker.start(async (id) => {
      calls++;
      if (calls === 1) throw new Error('database went away for a moment');
      await scans.execute(id);
    });
    await worker.enqueue(scanId);
    await waitUntil('the retried scan to finish', async () => ((await scanRow(db, scanId)).status === 'done' ? true : undefined), 20_000);
    expect(calls).toBe(2);
    expect((await scanRow(db, scanId)).attempts).toBe(1);
    await waitUntil('the job to complete', async () => {
      const [job] = await jobsFor(url, scanId);
      return job?.state === 'completed' ? job : undefined;
    }).then((job) => expect(job.retry_count).toBe(1));
  });

  it('on stop hands a running scan back, and another worker finishes it', async () => {
    const db = database.handle.db;
    const scanId = await seedQueuedScan(db, 'shop.example');
    const stuck = queue(1);
    await new ScanService(db, stuck, {}, countingRunner(new Promise(() => undefined))).startWorking();
    await stuck.enqueue(scanId);
    await waitUntil('the scan to run', async () => ((await scanRow(db, scanId)).status === 'running' ? true : undefined), 20_000);
    await stuck.stop(500);
    expect((await scanRow(db, scanId)).status).toBe('queued');
    expect((await jobsFor(url, scanId))[0]?.state).toBe('retry');

    const runner = countingRunner();
    await new ScanService(db, queue(1), {}, runner).startWorking();
    await waitUntil('the scan to finish', async () => ((await scanRow(db, scanId)).status === 'done' ? true : undefined), 20_000);
    expect((await scanRow(db, scanId)).attempts).toBe(2);
    expect(runner.runs).toBe(1);
  });

  it('retries a job that outlives its expiry (a hung worker) and keeps the first finished result', async () => {
    const db = database.handle.db;
    const scanId = await seedQueuedScan(db, 'shop.example');
    let releaseFirst: () => void = () => undefined;
    const first = new Promise<void>((resolve) => (releaseFirst = resolve));
    let runs = 0;
    const runner: ScanRunner = async (target) => {
      runs++;
      if (runs === 1) await first; // the first run hangs past the expiry, as if its worker were gone
      return { ...fixedResult(target), durationMs: runs };
    };
    const worker = queue(1, { expireInSeconds: 2 });
    await new ScanService(db, worker, {}, runner).startWorking();
    await worker.enqueue(scanId);
    await waitUntil('the retry to finish the scan', async () => ((await scanRow(db, scanId)).status === 'done' ? true : undefined), 30_000);
    releaseFirst(); // the first run ends late; its write must change nothing
    await new Promise((resolve) => setTimeout(resolve, 200));
    const row = await scanRow(db, scanId);
    expect(row.attempts).toBe(2);
    expect((JSON.parse(row.result_json ?? '{}') as ScanResult).durationMs).toBe(2);
  });
});

describe.each(DIALECTS)('executeScan on %s', (dialect) => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await createTestDatabase(dialect);
  });
  afterEach(async () => {
    await database.drop();
  });

  it('stores the result once when two workers run the same scan at the same time', async () => {
    const db = database.handle.db;
    const scanId = await seedQueuedScan(db, 'shop.example');
    let release: () => void = () => undefined;
    const hold = new Promise<void>((resolve) => (release = resolve));
    let runs = 0;
    const runner: ScanRunner = async (target) => {
      const run = ++runs;
      await hold;
      if (run === 2) await new Promise((resolve) => setTimeout(resolve, 50)); // the second finishes later
      return { ...fixedResult(target), durationMs: run };
    };
    const both = Promise.all([executeScan(db, scanId, {}, runner), executeScan(db, scanId, {}, runner)]);
    await waitUntil('both runs to start', () => (runs === 2 ? true : undefined));
    release();
    expect((await both).sort()).toEqual(['already-finished', 'done']);
    const row = await scanRow(db, scanId);
    expect(row.status).toBe('done');
    expect(row.attempts).toBe(2);
    expect((JSON.parse(row.result_json ?? '{}') as ScanResult).durationMs).toBe(1);
    expect(await executeScan(db, scanId, {}, runner)).toBe('already-finished');
  });

  it('marks a scan failed instead of starting it again once it has used its attempts', async () => {
    const db = database.handle.db;
    const scanId = await seedQueuedScan(db, 'shop.example');
    await db.updateTable('scans').set({ status: 'running', attempts: 3 }).where('id', '=', scanId).execute();
    const runner = countingRunner();
    expect(await executeScan(db, scanId, {}, runner, { maxAttempts: 3 })).toBe('failed');
    expect(runner.runs).toBe(0);
    const row = await scanRow(db, scanId);
    expect(row.status).toBe('failed');
    expect(row.error).toMatch(/started 3 times/);
  });
});
