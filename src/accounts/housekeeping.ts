/**
 * Not keeping what is no longer needed (Thuiswinkel whitepaper §2.2, GDPR art. 5(1)(e)):
 * failed sign-in records go after a day (the longest any limit looks back, login-throttle.ts),
 * e-mail links a day after they expired or were used, ended sessions and
 * settled invitations by 30 days (long enough to answer "was that me?"), then go.
 * The audit log and scan history are kept: they are the organisation's own records.
 */
import type { Kysely } from 'kysely';
import { nowIso } from '../db/ids.js';
import type { Database } from '../db/schema.js';
import './email-tokens.js';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface PruneCounts {
  loginFailures: number;
  sessions: number;
  invitations: number;
  emailTokens: number;
}

export async function pruneExpired(db: Kysely<Database>, now = new Date()): Promise<PruneCounts> {
  const dayAgo = nowIso(new Date(now.getTime() - DAY_MS));
  const monthAgo = nowIso(new Date(now.getTime() - 30 * DAY_MS));
  const failures = await db.deleteFrom('login_failures').where('at', '<', dayAgo).executeTakeFirst();
  const sessions = await db
    .deleteFrom('sessions')
    .where((eb) => eb.or([eb('expires_at', '<', monthAgo), eb('revoked_at', '<', monthAgo), eb('last_seen_at', '<', monthAgo)]))
    .executeTakeFirst();
  const invitations = await db
    .deleteFrom('invitations')
    .where((eb) => eb.or([eb('expires_at', '<', monthAgo), eb('accepted_at', '<', monthAgo), eb('revoked_at', '<', monthAgo)]))
    .executeTakeFirst();
  const tokens = await db.deleteFrom('email_tokens').where((eb) => eb.or([eb('expires_at', '<', dayAgo), eb('used_at', '<', dayAgo)])).executeTakeFirst();
  return {
    loginFailures: Number(failures.numDeletedRows),
    sessions: Number(sessions.numDeletedRows),
    invitations: Number(invitations.numDeletedRows),
    emailTokens: Number(tokens.numDeletedRows),
  };
}
