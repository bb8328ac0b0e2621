/** Request scans and run them through the queue; the one place both the pages and the API go through. */
import type { Kysely } from 'kysely';
import { newId, nowIso } from '../db/ids.js';
import type { Database, Scan } from '../db/schema.js';
import type { ScanOptions } from '../scan/engine.js';
import { executeScan, type ExecuteLimits, type ExecuteOutcome, type ScanRunner } from './execute-scan.js';
import type { ScanQueue } from './queue.js';

export interface ScanRequest {
  orgId: string;
  domainId: string;
  target: string;
  requestedBy: string;
}

/** The row of a scan that waits for a worker. */
export function queuedScan(input: ScanRequest): Scan {
  return {
    id: newId(),
    org_id: input.orgId,
    domain_id: input.domainId,
    target: input.target,
    status: 'queued',
    requested_by: input.requestedBy,
    created_at: nowIso(),
    started_at: null,
    finished_at: null,
    attempts: 0,
    error: null,
    score_web: null,
    score_mail: null,
    count_fail: null,
    count_warn: null,
    count_pass: null,
    result_json: null,
  };
}

export class ScanService {
  constructor(
    private readonly db: Kysely<Database>,
    readonly queue: ScanQueue,
    private readonly scanOptions: ScanOptions,
    private readonly runner?: ScanRunner,
    private readonly limits: ExecuteLimits = {},
  ) {}

  async request(input: ScanRequest): Promise<Scan> {
    const scan = queuedScan(input);
    await this.db.insertInto('scans').values(scan).execute();
    await this.queue.enqueue(scan.id);
    return scan;
  }

  execute(scanId: string): Promise<ExecuteOutcome> {
    return executeScan(this.db, scanId, this.scanOptions, this.runner, this.limits);
  }

  /** Start working the queue in this process. A database error is thrown to the queue, which retries the job later. */
  async startWorking(): Promise<void> {
    await this.queue.start(async (scanId) => {
      await this.execute(scanId);
    });
  }

  /** Start the queue for sending only: scans requested here are run by `weerbaar worker` processes. */
  async startSending(): Promise<void> {
    await this.queue.start();
  }
}
