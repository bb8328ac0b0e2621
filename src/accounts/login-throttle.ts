/**
 * Failed sign-ins counted in the database, per account and per client address, so the
 * limit holds across server processes and restarts. A subject over its limit is refused
 * even with the right password until the window has passed; the answer says how long.
 */
import type { Kysely } from 'kysely';
import { newId, nowIso } from '../db/ids.js';
import type { Database } from '../db/schema.js';

export interface ThrottleLimits {
  perAccount: number;
  perIp: number;
  windowMs: number;
}

export const accountSubject = (email: string): string => `account:${email.trim().toLowerCase()}`;
export const ipSubject = (ip: string): string => `ip:${ip}`;

/** Seconds until the subject may try again, or 0 when it may try now. */
export async function retryAfterSeconds(db: Kysely<Database>, subject: string, limit: number, windowMs: number, now = new Date()): Promise<number> {
  const since = nowIso(new Date(now.getTime() - windowMs));
  const failures = await db
    .selectFrom('login_failures')
    .select('at')
    .where('subject', '=', subject)
    .where('at', '>', since)
    .orderBy('at', 'desc')
    .limit(limit)
    .execute();
  if (failures.length < limit) return 0;
  // The oldest of the last `limit` failures leaves the window first.
  const oldest = failures[failures.length - 1] as { at: string };
  return Math.max(1, Math.ceil((Date.parse(oldest.at) + windowMs - now.getTime()) / 1000));
}

/** A successful sign-in clears the account's count (not the address's). */
export async function clearFailures(db: Kysely<Database>, subject: string): Promise<void> {
  await db.deleteFrom('login_failures').where('subject', '=', subject).execute();
}

export interface AttemptLimit {
  subject: string;
  limit: number;
}

/** An attempt in progress: its rows count as failures until it is released. */
export interface Reservation {
  /** Seconds to wait when the attempt is refused; 0 when it may go ahead. */
  wait: number;
  ids: string[];
}

/**
 * Count an attempt BEFORE checking the secret. Checking first and recording after lets
 * many parallel requests all pass the count while argon2 runs; written first, at most
 * `limit` attempts see room. A refused attempt takes its rows back; a failed one leaves
 * them as its failure record; a successful one is released (releaseAttempt).
 */
export async function reserveAttempt(db: Kysely<Database>, limits: readonly AttemptLimit[], windowMs: number, now = new Date()): Promise<Reservation> {
  const rows = limits.map(({ subject }) => ({ id: newId(), subject, at: nowIso(now) }));
  await db.insertInto('login_failures').values(rows).execute();
  const since = nowIso(new Date(now.getTime() - windowMs));
  for (const { subject, limit } of limits) {
    const { count } = await db
      .selectFrom('login_failures')
      .select((eb) => eb.fn.countAll<string | number>().as('count'))
      .where('subject', '=', subject)
      .where('at', '>', since)
      .executeTakeFirstOrThrow();
    if (Number(count) > limit) {
      await releaseAttempt(db, rows.map((row) => row.id));
      const waits = await Promise.all(limits.map((entry) => retryAfterSeconds(db, entry.subject, entry.limit, windowMs, now)));
      return { wait: Math.max(1, ...waits), ids: [] };
    }
  }
  return { wait: 0, ids: rows.map((row) => row.id) };
}

export async function releaseAttempt(db: Kysely<Database>, ids: readonly string[]): Promise<void> {
  if (ids.length > 0) await db.deleteFrom('login_failures').where('id', 'in', [...ids]).execute();
}
