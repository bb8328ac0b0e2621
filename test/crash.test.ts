/**
 * Crash test (issue 3): kill -9 a worker mid-scan and the server mid-write; after a
 * restart nothing acknowledged is lost and the scan completes exactly once.
 * Real processes on 127.0.4.x; the scan target is a loopback site that answers slowly,
 * found through a loopback DNS server, so a scan takes seconds and can be killed midway.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCAN_QUEUE } from '../src/jobs/pg-boss-queue.js';
import { createTestDatabase } from './web/harness.js';
import { HttpClient, runCli, seedQueuedScan, SLOW_DOMAIN, startServeProcess, startSlowSite, stopProcess, waitUntil, type SlowSite } from './server-harness.js';

const PASSWORD = 'correct horse battery 42';
let site: SlowSite;

beforeAll(async () => {
  site = await startSlowSite('127.0.4.80', '127.0.4.53', 1_000);
});
afterAll(async () => {
  await site.close();
});

const seconds = (ms: number): string => (ms / 1000).toFixed(1);

describe('crash: kill -9 a worker mid-scan (PostgreSQL, pg-boss)', () => {
  it('retries the scan on another worker and stores it once', async () => {
    const database = await createTestDatabase('postgres');
    const db = database.handle.db;
    const url = database.url as string;
    const scanId = await seedQueuedScan(db, SLOW_DOMAIN);
    const env = {
      DATABASE_URL: url,
      WEERBAAR_DATA: database.dataDir,
      ...site.scanEnv,
      // Short intervals, so the dead worker's job is retried within seconds.
      WEERBAAR_JOB_EXPIRE_SECONDS: '10',
      WEERBAAR_JOB_MAINTENANCE_SECONDS: '1',
      WEERBAAR_JOB_POLL_SECONDS: '0.5',
      WEERBAAR_JOB_RETRY_DELAY_SECONDS: '0',
    };
    const row = async (): Promise<{ status: string; attempts: number; started_at: string | null; result_json: string | null; error: string | null }> =>
      db.selectFrom('scans').select(['status', 'attempts', 'started_at', 'result_json', 'error']).where('id', '=', scanId).executeTakeFirstOrThrow();

    // The server only enqueues (it re-sends the queued scan at start); workers scan.
    const server = await startServeProcess(['--host', '127.0.4.2', '--port', '0', '--workers', '0'], env);
    const processes = [server];
    try {
      expect(await (await fetch(`${server.url}/healthz`)).json()).toMatchObject({ status: 'ok', database: 'postgres', queue: 'pg-boss' });
      const first = runCli(['worker', '--workers', '1'], env);
      processes.push({ ...first, url: '' });
      await first.waitFor(/worker is running/);
      const firstStart = await waitUntil('the first worker to start the scan', async () => {
        const now = await row();
        return now.status === 'running' ? Date.parse(now.started_at ?? '') : undefined;
      }, 30_000);
      const requestsBefore = site.requests();
      await waitUntil('the scan to reach the site', () => (site.requests() > requestsBefore ? true : undefined), 10_000);

      const killedAt = Date.now();
      first.child.kill('SIGKILL');
      expect(await first.exited).toBe(137);
      expect((await row()).status).toBe('running');

      const second = runCli(['worker', '--workers', '1'], env);
      processes.push({ ...second, url: '' });
      const retried = await waitUntil('the retry to start', async () => {
        const now = await row();
        return now.attempts >= 2 ? Date.now() : undefined;
      }, 60_000, 50);
      const done = await waitUntil('the retried scan to finish', async () => ((await row()).status === 'done' ? Date.now() : undefined), 60_000, 50);

      const final = await row();
      expect(final.attempts).toBe(2);
      expect(final.error).toBeNull();
      expect(JSON.parse(final.result_json ?? 'null')).toMatchObject({ target: SLOW_DOMAIN });
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      const jobs = await waitUntil('the job to be completed', async () => {
        const { rows } = await client.query<{ state: string; retry_count: number }>('SELECT state, retry_count FROM pgboss.job WHERE name = $1 AND id = $2', [SCAN_QUEUE, scanId]);
        return rows.every((job) => job.state === 'completed') ? rows : undefined;
      }, 10_000);
      await client.end();
      expect(jobs).toHaveLength(1);
      expect(jobs[0]?.retry_count).toBe(1);
      console.log(
        `crash (PostgreSQL): worker killed ${seconds(killedAt - firstStart)} s into the scan; ` +
          `retry began ${seconds(retried - killedAt)} s after the kill (job expiry 10 s + maintenance every 1 s), scan done ${seconds(done - killedAt)} s after the kill`,
      );
      expect(await stopProcess(second)).toBe(0);
      expect(await stopProcess(server)).toBe(0);
    } finally {
      for (const running of processes) if (running.child.exitCode === null && running.child.signalCode === null) running.child.kill('SIGKILL');
      await database.drop();
    }
  });
});

describe('crash: kill -9 the server mid-write (SQLite)', () => {
  it('keeps every acknowledged write, stays intact, and completes the running scan once after a restart', async () => {
    const database = await createTestDatabase('sqlite');
    const scanId = await seedQueuedScan(database.handle.db, SLOW_DOMAIN);
    await database.handle.close();
    const dataDir = database.dataDir;
    const file = join(dataDir, 'weerbaar.sqlite');
    const env = { WEERBAAR_DATA: dataDir, ...site.scanEnv };
    const readScan = (sqlite: SqliteDatabase.Database): { status: string; attempts: number; result_json: string | null } =>
      sqlite.prepare('SELECT status, attempts, result_json FROM scans WHERE id = ?').get(scanId) as { status: string; attempts: number; result_json: string | null };

    const server = await startServeProcess(['--host', '127.0.4.3', '--port', '0'], env);
    const watcher = new SqliteDatabase(file, { readonly: true });
    let restarted: Awaited<ReturnType<typeof startServeProcess>> | undefined;
    try {
      await waitUntil('the scan to run', () => (readScan(watcher).status === 'running' ? true : undefined), 30_000);
      // Hold the site's answers until the kill, so the scan is mid-way then however long the
      // sign-ups take (argon2 on a busy machine can take longer than the scan's 1 s stalls).
      site.setStall(Number.POSITIVE_INFINITY);

      // Sign-ups, several at a time, each client from its own loopback address (sign-up is rate-limited per address).
      const acknowledged: string[] = [];
      const attempted: string[] = [];
      let killed = false;
      let next = 0;
      const KILL_AFTER = 15;
      const signUpLoop = async (lane: number): Promise<void> => {
        while (!killed) {
          const index = next++;
          const email = `user${index}@example.org`;
          const client = new HttpClient(server.url, `127.0.4.${100 + ((index * 7 + lane) % 100)}`);
          try {
            await client.get('/signup');
            attempted.push(email);
            const answer = await client.post('/signup', { email, name: `User ${index}`, password: PASSWORD });
            if (answer.status === 303) acknowledged.push(email);
            else throw new Error(`sign-up of ${email} answered ${answer.status}`);
          } catch (error) {
            if (!killed) throw error;
          }
          if (acknowledged.length >= KILL_AFTER && !killed) {
            killed = true;
            server.child.kill('SIGKILL'); // other lanes are mid-request now
          }
        }
      };
      await Promise.all([0, 1, 2, 3, 4, 5].map(signUpLoop));
      expect(await server.exited).toBe(137);
      expect(readScan(watcher).status).toBe('running');
      watcher.close();

      // The file as the crash left it: intact, with every acknowledged account.
      const afterCrash = new SqliteDatabase(file);
      expect(afterCrash.pragma('integrity_check', { simple: true })).toBe('ok');
      const stored = new Set((afterCrash.prepare('SELECT email FROM users').all() as { email: string }[]).map((user) => user.email));
      afterCrash.close();
      for (const email of acknowledged) expect(stored.has(email), `${email} was acknowledged but is missing`).toBe(true);
      const unacknowledgedStored = attempted.filter((email) => !acknowledged.includes(email) && stored.has(email)).length;

      site.setStall(1_000);
      const restartAt = Date.now();
      restarted = await startServeProcess(['--host', '127.0.4.3', '--port', '0'], env);
      const check = new SqliteDatabase(file, { readonly: true });
      const doneAt = await waitUntil('the scan to finish after the restart', () => (readScan(check).status === 'done' ? Date.now() : undefined), 60_000, 50);
      const final = readScan(check);
      check.close();
      expect(final.attempts).toBe(2);
      expect(JSON.parse(final.result_json ?? 'null')).toMatchObject({ target: SLOW_DOMAIN });
      expect(await stopProcess(restarted)).toBe(0);

      const afterRestart = new SqliteDatabase(file);
      expect(afterRestart.pragma('integrity_check', { simple: true })).toBe('ok');
      afterRestart.close();
      console.log(
        `crash (SQLite): ${acknowledged.length} sign-ups acknowledged before kill -9, all present; ${attempted.length - acknowledged.length} in flight ` +
          `(${unacknowledgedStored} of those committed); scan finished ${seconds(doneAt - restartAt)} s after the restart was started`,
      );
    } finally {
      site.setStall(1_000);
      if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill('SIGKILL');
      if (restarted && restarted.child.exitCode === null && restarted.child.signalCode === null) restarted.child.kill('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
