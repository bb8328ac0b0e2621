/** The session list on the account page, and "sign out my other devices" after a password change. */
import type { Kysely } from 'kysely';
import { nowIso } from '../db/ids.js';
import type { Database, Session } from '../db/schema.js';
import { SESSION_IDLE_MS } from '../web/sessions.js';

/** Sessions that would still let someone in (not revoked, not expired, not idle too long), most recent first. */
export function activeSessions(db: Kysely<Database>, userId: string, now = new Date()): Promise<Session[]> {
  return db
    .selectFrom('sessions')
    .selectAll()
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', nowIso(now))
    .where('last_seen_at', '>', nowIso(new Date(now.getTime() - SESSION_IDLE_MS)))
    .orderBy('last_seen_at', 'desc')
    .orderBy('created_at', 'desc')
    .execute();
}

/** Revoke every session of the user except the one given; returns how many ended. */
export async function revokeOtherSessions(db: Kysely<Database>, userId: string, keepSessionId: string, now = new Date()): Promise<number> {
  const result = await db
    .updateTable('sessions')
    .set({ revoked_at: nowIso(now) })
    .where('user_id', '=', userId)
    .where('id', '!=', keepSessionId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
