/**
 * Run one queued scan and store its result exactly once. Any worker may be killed at
 * any moment; the queue then runs the job again. The claim and the final write are
 * conditional, so a retry after a crash re-runs the scan, and a late duplicate of a
 * finished job changes nothing.
 */
import type { Kysely } from 'kysely';
import { errorMessage } from '../core/errors.js';
import { nowIso } from '../db/ids.js';
import type { Database } from '../db/schema.js';
import { runScan, type ScanOptions, type ScanResult } from '../scan/engine.js';

export type ExecuteOutcome = 'done' | 'failed' | 'already-finished' | 'missing';

export type ScanRunner = (target: string, options: ScanOptions) => Promise<ScanResult>;

export async function executeScan(
  db: Kysely<Database>,
  scanId: string,
  options: ScanOptions,
  runner: ScanRunner = runScan,
): Promise<ExecuteOutcome> {
  const scan = await db.selectFrom('scans').select(['id', 'status', 'target']).where('id', '=', scanId).executeTakeFirst();
  if (!scan) return 'missing';
  if (scan.status === 'done' || scan.status === 'failed') return 'already-finished';
  await db
    .updateTable('scans')
    .set((eb) => ({ status: 'running', started_at: nowIso(), attempts: eb('attempts', '+', 1) }))
    .where('id', '=', scanId)
    .where('status', 'in', ['queued', 'running'])
    .execute();

  let outcome: { status: 'done'; result: ScanResult } | { status: 'failed'; error: string };
  try {
    outcome = { status: 'done', result: await runner(scan.target, options) };
  } catch (error) {
    outcome = { status: 'failed', error: errorMessage(error) };
  }
  const finishedAt = nowIso();
  const values =
    outcome.status === 'done'
      ? {
          status: 'done' as const,
          finished_at: finishedAt,
          error: null,
          result_json: JSON.stringify(outcome.result),
          score_web: outcome.result.score.scores.web,
          count_fail: outcome.result.results.filter((r) => r.status === 'fail').length,
          count_warn: outcome.result.results.filter((r) => r.status === 'warn').length,
          count_pass: outcome.result.results.filter((r) => r.status === 'pass').length,
        }
      : { status: 'failed' as const, finished_at: finishedAt, error: outcome.error };
  const written = await db
    .updateTable('scans')
    .set(values)
    .where('id', '=', scanId)
    .where('status', 'in', ['queued', 'running'])
    .executeTakeFirst();
  if (Number(written.numUpdatedRows) === 0) return 'already-finished';
  return outcome.status;
}
