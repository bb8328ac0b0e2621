/**
 * The default queue: jobs run inside the server process, a few at a time. The scans
 * table is the queue's memory, so after a crash or restart every scan still `queued`
 * or `running` is taken up again (`recover`), and a scan that was interrupted by a
 * shutdown is set back to `queued`.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { JobHandler, ScanQueue } from './queue.js';

export class InProcessQueue implements ScanQueue {
  readonly kind = 'in-process' as const;
  private handler: JobHandler | undefined;
  private readonly waiting: string[] = [];
  private readonly running = new Map<string, Promise<void>>();
  private stopping = false;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly concurrency = 2,
  ) {}

  async start(handler?: JobHandler): Promise<void> {
    this.handler = handler;
    if (!handler) return;
    const unfinished = await this.db
      .selectFrom('scans')
      .select('id')
      .where('status', 'in', ['queued', 'running'])
      .orderBy('created_at')
      .execute();
    for (const { id } of unfinished) this.waiting.push(id);
    this.pump();
  }

  enqueue(scanId: string): Promise<void> {
    if (this.stopping) return Promise.resolve(); // stays 'queued' in the table; the next start picks it up
    if (!this.waiting.includes(scanId) && !this.running.has(scanId)) this.waiting.push(scanId);
    this.pump();
    return Promise.resolve();
  }

  private pump(): void {
    const handler = this.handler;
    if (!handler) return;
    while (!this.stopping && this.running.size < this.concurrency && this.waiting.length > 0) {
      const scanId = this.waiting.shift() as string;
      const job = handler(scanId)
        .catch(() => undefined) // the handler records failures on the scan itself
        .finally(() => {
          this.running.delete(scanId);
          this.pump();
        });
      this.running.set(scanId, job);
    }
  }

  async stop(graceMs: number): Promise<void> {
    this.stopping = true;
    this.waiting.length = 0;
    const inFlight = [...this.running.keys()];
    if (inFlight.length === 0) return;
    let timer: NodeJS.Timeout | undefined;
    const timedOut = await Promise.race([
      Promise.all(this.running.values()).then(() => false),
      new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(true), graceMs))),
    ]);
    clearTimeout(timer);
    if (timedOut) {
      // Hand unfinished scans back; executeScan's conditional write ignores a late finish.
      await this.db.updateTable('scans').set({ status: 'queued' }).where('id', 'in', [...this.running.keys()]).where('status', '=', 'running').execute();
    }
  }
}
