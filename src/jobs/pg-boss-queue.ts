/**
 * The queue on PostgreSQL: pg-boss (v10), so `weerbaar worker` processes on any machine
 * take scans. A job's id is the scan's id, so sending the same scan twice makes one job.
 *
 * A worker that dies (kill -9, power cut) leaves its job 'active'. pg-boss's maintenance
 * (every `maintenanceIntervalSeconds`, run by whichever process gets there first) fails
 * active jobs older than `expireInSeconds` and puts them back for a retry, so the scan
 * runs again on another worker. expireInSeconds is therefore longer than a scan may
 * take (the scan timeout plus a margin): pg-boss also gives up waiting on a handler
 * after that long and retries the job while the first run may still be going, which
 * executeScan's conditional write makes harmless.
 */
import type { Kysely } from 'kysely';
import PgBoss from 'pg-boss';
import { errorMessage } from '../core/errors.js';
import { DEFAULT_MAX_ATTEMPTS } from './execute-scan.js';
import type { Database } from '../db/schema.js';
import type { JobHandler, ScanQueue } from './queue.js';

export const SCAN_QUEUE = 'scan';

export interface PgBossQueueOptions {
  connectionString: string;
  /** Scans this process runs at a time; 0 only sends jobs (a server whose workers run elsewhere). */
  concurrency: number;
  /** An active job older than this is taken to be dead and retried. */
  expireInSeconds: number;
  /** How often pg-boss looks for expired jobs (and archives old ones). */
  maintenanceIntervalSeconds?: number;
  /** How often an idle worker asks for a job. */
  pollingIntervalSeconds?: number;
  /** Starts of one scan at most (executeScan marks it failed after that; pg-boss gets one extra delivery to record it). */
  maxAttempts?: number;
  retryDelaySeconds?: number;
  /** PostgreSQL connections pg-boss may hold (default: concurrency + 2). */
  poolSize?: number;
  onError?: (error: Error) => void;
}

interface ScanJob {
  scanId: string;
}

export class PgBossQueue implements ScanQueue {
  readonly kind = 'pg-boss' as const;
  private boss: PgBoss | undefined;
  /** Scans this process is running now, to hand back on shutdown. */
  private readonly running = new Set<string>();
  /** pg-boss has shut down: a run that ends now must not report to it (its connections are gone). */
  private closed = false;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly options: PgBossQueueOptions,
  ) {}

  async start(handler?: JobHandler): Promise<void> {
    const options = this.options;
    const boss = new PgBoss({
      connectionString: options.connectionString,
      schema: 'pgboss',
      max: options.poolSize ?? Math.max(2, options.concurrency + 2),
      application_name: 'weerbaar',
      // No cron jobs here; the clock monitor would only add queries.
      schedule: false,
      supervise: true,
      maintenanceIntervalSeconds: options.maintenanceIntervalSeconds ?? 30,
    });
    // Without a listener an 'error' event (a lost connection, a failed poll) would crash the process.
    boss.on('error', (error) => options.onError?.(error));
    await boss.start();
    this.boss = boss;
    await boss.createQueue(SCAN_QUEUE, { name: SCAN_QUEUE, ...this.sendOptions() });
    await this.resendUnfinished();
    if (!handler) return;
    for (let i = 0; i < options.concurrency; i++) {
      await boss.work<ScanJob>(SCAN_QUEUE, { batchSize: 1, pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 }, async ([job]) => {
        if (!job) return;
        const scanId = job.data.scanId;
        this.running.add(scanId);
        let failure: unknown;
        try {
          await handler(scanId);
        } catch (error) {
          failure = error;
        } finally {
          this.running.delete(scanId);
        }
        // Ended after shutdown: the job was already failed back for a retry (which will find
        // the scan done if this run stored it); answering pg-boss now would hit a closed pool.
        if (this.closed) await new Promise<never>(() => undefined);
        if (failure !== undefined) throw failure instanceof Error ? failure : new Error(errorMessage(failure)); // pg-boss fails the job and retries it
      });
    }
  }

  async enqueue(scanId: string): Promise<void> {
    if (!this.boss) throw new Error('the scan queue is not started');
    await this.boss.send(SCAN_QUEUE, { scanId } satisfies ScanJob, { id: scanId, ...this.sendOptions() });
  }

  /**
   * Send a job for every scan still queued or running. Ids make this a no-op for scans
   * that have one; it recovers a scan whose row was written but whose job was not
   * (the server died in between), or whose job was archived while the scan stayed open.
   */
  private async resendUnfinished(): Promise<void> {
    const open = await this.db.selectFrom('scans').select('id').where('status', 'in', ['queued', 'running']).execute();
    for (const { id } of open) await this.enqueue(id);
  }

  private sendOptions(): { retryLimit: number; retryDelay: number; retryBackoff: boolean; expireInSeconds: number } {
    return {
      retryLimit: this.options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
      retryDelay: this.options.retryDelaySeconds ?? 5,
      retryBackoff: false,
      expireInSeconds: this.options.expireInSeconds,
    };
  }

  /**
   * Stop fetching; wait up to graceMs for running scans. pg-boss then fails what is still
   * running, which sends those jobs back for a retry on another worker.
   */
  async stop(graceMs: number): Promise<void> {
    const boss = this.boss;
    if (!boss) return;
    this.boss = undefined;
    await boss.stop({ graceful: true, wait: true, close: true, timeout: Math.max(1_000, graceMs) });
    this.closed = true;
    if (this.running.size > 0) {
      // Shown as waiting again; a late finish of this process still wins the conditional write.
      await this.db.updateTable('scans').set({ status: 'queued' }).where('id', 'in', [...this.running]).where('status', '=', 'running').execute();
    }
  }
}
