/**
 * Failed sign-ins, counted in the database so the limits hold across server processes
 * and restarts. Three limits, chosen so that a stranger cannot lock the owner out
 * (docs/decisions.md, "Sign-in limits"):
 *
 * - per account AND address (the pair): the first `perPair` failures (5) are free; after
 *   that each next try waits twice as long as the one before (1, 2, 4 ... minutes, at most
 *   an hour) after the pair's latest failure. A success from that address clears the pair.
 *   Failures from an attacker's address therefore slow down only the attacker.
 * - per address: `perIp` failures (20) in `windowMs` (15 minutes) across all accounts, so
 *   one address cannot try one password on many accounts.
 * - per account, a ceiling: `perAccount` failures (100) in an hour across all addresses
 *   (a botnet guessing one account). Over the ceiling, only an address the account signed
 *   in from before (a session in the last 30 days) may still try, under its own pair limit;
 *   new addresses wait until the hour has passed.
 *
 * An attempt is counted BEFORE the secret is checked (reserveAttempt): checking first and
 * recording after would let many parallel requests all pass while argon2 runs.
 */
import type { Kysely } from 'kysely';
import { newId, nowIso } from '../db/ids.js';
import type { Database } from '../db/schema.js';

export interface ThrottleLimits {
  /** Failures per account and address before the backoff starts. */
  perPair: number;
  /** Failures per account per hour, across all addresses, before only known addresses may try. */
  perAccount: number;
  /** Failures per address in `windowMs`, across all accounts. */
  perIp: number;
  windowMs: number;
}

/** Pair failures older than this are forgotten (and housekeeping deletes them a day later). */
export const PAIR_MEMORY_MS = 24 * 60 * 60 * 1000;
export const PAIR_BACKOFF_BASE_MS = 60 * 1000;
export const PAIR_BACKOFF_MAX_MS = 60 * 60 * 1000;
export const ACCOUNT_WINDOW_MS = 60 * 60 * 1000;
/** An address counts as known to an account when it signed in from there within this time. */
export const KNOWN_ADDRESS_MS = 30 * 24 * 60 * 60 * 1000;

const norm = (email: string): string => email.trim().toLowerCase();
export const accountSubject = (email: string): string => `account:${norm(email)}`;
export const ipSubject = (ip: string): string => `ip:${ip}`;
export const pairSubject = (email: string, ip: string): string => `pair:${norm(email)} ${ip}`;

/** How long a pair with this many recent failures must wait after the latest one. */
export function pairBackoffMs(failures: number, free: number): number {
  if (failures < free) return 0;
  return Math.min(PAIR_BACKOFF_MAX_MS, PAIR_BACKOFF_BASE_MS * 2 ** (failures - free));
}

const secondsUntil = (ms: number, now: Date): number => Math.max(1, Math.ceil((ms - now.getTime()) / 1000));

/** Seconds until the subject may try again under a count limit, or 0 when it may try now. */
export async function retryAfterSeconds(db: Kysely<Database>, subject: string, limit: number, windowMs: number, now = new Date()): Promise<number> {
  const failures = await db
    .selectFrom('login_failures')
    .select('at')
    .where('subject', '=', subject)
    .where('at', '>', nowIso(new Date(now.getTime() - windowMs)))
    .orderBy('at', 'desc')
    .limit(limit)
    .execute();
  if (failures.length < limit) return 0;
  // The oldest of the last `limit` failures leaves the window first.
  const oldest = failures[failures.length - 1] as { at: string };
  return secondsUntil(Date.parse(oldest.at) + windowMs, now);
}

async function countSince(db: Kysely<Database>, subject: string, windowMs: number, now: Date): Promise<number> {
  const { count } = await db
    .selectFrom('login_failures')
    .select((eb) => eb.fn.countAll<string | number>().as('count'))
    .where('subject', '=', subject)
    .where('at', '>', nowIso(new Date(now.getTime() - windowMs)))
    .executeTakeFirstOrThrow();
  return Number(count);
}

/** Seconds the pair must still wait, counting the failures other than the attempt `ownId`. */
async function pairWait(db: Kysely<Database>, subject: string, ownId: string, free: number, now: Date): Promise<number> {
  const earlier = await db
    .selectFrom('login_failures')
    .select('at')
    .where('subject', '=', subject)
    .where('id', '!=', ownId)
    .where('at', '>', nowIso(new Date(now.getTime() - PAIR_MEMORY_MS)))
    .orderBy('at', 'desc')
    .execute();
  const backoff = pairBackoffMs(earlier.length, free);
  const latest = earlier[0];
  if (backoff === 0 || !latest) return 0;
  const until = Date.parse(latest.at) + backoff;
  return until > now.getTime() ? secondsUntil(until, now) : 0;
}

/** An attempt in progress: its rows count as failures until it is released. */
export interface Reservation {
  /** Seconds to wait when the attempt is refused; 0 when it may go ahead. */
  wait: number;
  ids: string[];
}

export interface AttemptSubject {
  email: string;
  ip: string;
  /** Asked only when the account is over its ceiling: has it signed in from this address before? */
  knownAddress: () => Promise<boolean>;
}

/**
 * Count an attempt before the secret is checked. A refused attempt takes its rows back;
 * a failed one leaves them as its failure record; a successful one is released.
 */
export async function reserveAttempt(db: Kysely<Database>, limits: ThrottleLimits, who: AttemptSubject, now = new Date()): Promise<Reservation> {
  const pair = { id: newId(), subject: pairSubject(who.email, who.ip), at: nowIso(now) };
  const rows = [pair, { id: newId(), subject: accountSubject(who.email), at: nowIso(now) }, { id: newId(), subject: ipSubject(who.ip), at: nowIso(now) }];
  await db.insertInto('login_failures').values(rows).execute();
  const refuse = async (wait: number): Promise<Reservation> => {
    await releaseAttempt(db, rows.map((row) => row.id));
    return { wait, ids: [] };
  };
  const pairSeconds = await pairWait(db, pair.subject, pair.id, limits.perPair, now);
  if (pairSeconds > 0) return refuse(pairSeconds);
  if ((await countSince(db, ipSubject(who.ip), limits.windowMs, now)) > limits.perIp) {
    return refuse(await retryAfterSeconds(db, ipSubject(who.ip), limits.perIp, limits.windowMs, now));
  }
  if ((await countSince(db, accountSubject(who.email), ACCOUNT_WINDOW_MS, now)) > limits.perAccount && !(await who.knownAddress())) {
    return refuse(await retryAfterSeconds(db, accountSubject(who.email), limits.perAccount, ACCOUNT_WINDOW_MS, now));
  }
  return { wait: 0, ids: rows.map((row) => row.id) };
}

export async function releaseAttempt(db: Kysely<Database>, ids: readonly string[]): Promise<void> {
  if (ids.length > 0) await db.deleteFrom('login_failures').where('id', 'in', [...ids]).execute();
}

/**
 * A successful sign-in clears the failures of its pair only: the account's hourly count
 * stays (an attacker cannot reset it by watching the owner sign in), the address's too.
 */
export async function clearPairFailures(db: Kysely<Database>, email: string, ip: string): Promise<void> {
  await db.deleteFrom('login_failures').where('subject', '=', pairSubject(email, ip)).execute();
}

/** Has this account had a full session from this address lately? */
export async function isKnownAddress(db: Kysely<Database>, email: string, ip: string, now = new Date()): Promise<boolean> {
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select('sessions.id')
    .where('users.email', '=', norm(email))
    .where('sessions.ip', '=', ip)
    .where('sessions.stage', '=', 'full')
    .where('sessions.created_at', '>', nowIso(new Date(now.getTime() - KNOWN_ADDRESS_MS)))
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
