/**
 * Where scan jobs wait. In-process (the default, and the only choice on SQLite) or
 * pg-boss on PostgreSQL, where `weerbaar worker` processes on any machine take them.
 */
export type JobHandler = (scanId: string) => Promise<void>;

export interface ScanQueue {
  readonly kind: 'in-process' | 'pg-boss';
  /** Begin taking jobs with handler (a queue that only sends passes no handler). */
  start(handler?: JobHandler): Promise<void>;
  enqueue(scanId: string): Promise<void>;
  /** Stop taking jobs; wait up to graceMs for running ones, then hand them back. */
  stop(graceMs: number): Promise<void>;
}
