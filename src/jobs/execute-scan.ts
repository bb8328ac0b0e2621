/**
 * Run one queued scan and store its result exactly once. Any worker may be killed at
 * any moment; the queue then runs the job again. The claim and the final write are
 * conditional, so a retry after a crash re-runs the scan, and a late duplicate of a
 * finished job changes nothing: when two runs race (a retry while the first run is
 * still alive, or two workers given the same job), the first to finish is stored and
 * the other finds the scan finished and writes nothing.
 */
import type { Kysely } from 'kysely';
import { errorMessage } from '../core/errors.js';
import { nowIso } from '../db/ids.js';
import type { Database, ScanUpdate } from '../db/schema.js';
import { runScan, type ScanOptions, type ScanResult } from '../scan/engine.js';
import { storedSelectors } from '../scan/mail-policy/selectors.js';

export type ExecuteOutcome = 'done' | 'failed' | 'already-finished' | 'missing';

export type ScanRunner = (target: string, options: ScanOptions) => Promise<ScanResult>;

/** A scan started this many times without finishing (its worker died each time) is marked failed, not started again. */
export const DEFAULT_MAX_ATTEMPTS = 3;

export interface ExecuteLimits {
  maxAttempts?: number;
}

const UNFINISHED = ['queued', 'running'] as const;

export async function executeScan(
  db: Kysely<Database>,
  scanId: string,
  options: ScanOptions,
  runner: ScanRunner = runScan,
  limits: ExecuteLimits = {},
): Promise<ExecuteOutcome> {
  const scan = await db
    .selectFrom('scans')
    .leftJoin('domains', 'domains.id', 'scans.domain_id')
    .select(['scans.id', 'scans.status', 'scans.target', 'scans.attempts', 'domains.dkim_selectors'])
    .where('scans.id', '=', scanId)
    .executeTakeFirst();
  if (!scan) return 'missing';
  if (scan.status === 'done' || scan.status === 'failed') return 'already-finished';
  const maxAttempts = limits.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  if (scan.attempts >= maxAttempts) {
    // A target that kills its worker (or a worker that keeps dying) must not loop forever.
    const error = `the scan was started ${scan.attempts} times and its worker stopped each time before it finished; start a new scan to try again`;
    return (await finish(db, scanId, { status: 'failed', finished_at: nowIso(), error })) ? 'failed' : 'already-finished';
  }
  await db
    .updateTable('scans')
    .set((eb) => ({ status: 'running', started_at: nowIso(), attempts: eb('attempts', '+', 1) }))
    .where('id', '=', scanId)
    .where('status', 'in', UNFINISHED)
    .execute();

  let outcome: { status: 'done'; result: ScanResult } | { status: 'failed'; error: string };
  try {
    outcome = { status: 'done', result: await runner(scan.target, withDomainSettings(options, scan.dkim_selectors)) };
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
          score_mail: outcome.result.score.scores.mail,
          count_fail: outcome.result.results.filter((r) => r.status === 'fail').length,
          count_warn: outcome.result.results.filter((r) => r.status === 'warn').length,
          count_pass: outcome.result.results.filter((r) => r.status === 'pass').length,
        }
      : { status: 'failed' as const, finished_at: finishedAt, error: outcome.error };
  if (!(await finish(db, scanId, values))) return 'already-finished';
  return outcome.status;
}

/** The scan options plus what the domain's owner told us: the DKIM selectors their provider signs with. */
function withDomainSettings(options: ScanOptions, dkimSelectors: string | null): ScanOptions {
  const own = storedSelectors(dkimSelectors ?? '');
  if (own.length === 0) return options;
  return { ...options, dkimSelectors: [...new Set([...own, ...(options.dkimSelectors ?? [])])] };
}

/** The one write that finishes a scan; true when this call did it (one UPDATE, so atomic on both databases). */
async function finish(
  db: Kysely<Database>,
  scanId: string,
  values: ScanUpdate & { status: 'done' | 'failed' },
): Promise<boolean> {
  const written = await db.updateTable('scans').set(values).where('id', '=', scanId).where('status', 'in', UNFINISHED).executeTakeFirst();
  return Number(written.numUpdatedRows) > 0;
}
