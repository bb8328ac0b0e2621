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

export async function recordFailure(db: Kysely<Database>, subjects: readonly string[], now = new Date()): Promise<void> {
  await db
    .insertInto('login_failures')
    .values(subjects.map((subject) => ({ id: newId(), subject, at: nowIso(now) })))
    .execute();
}

/** A successful sign-in clears the account's count (not the address's). */
export async function clearFailures(db: Kysely<Database>, subject: string): Promise<void> {
  await db.deleteFrom('login_failures').where('subject', '=', subject).execute();
}
