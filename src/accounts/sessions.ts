/**
 * Server-side sessions. The cookie holds a random token; the database holds only its
 * SHA-256, so a leaked database does not log anyone in. Sessions end after 12 hours
 * idle or 30 days, and can be revoked one by one or all at once ("sign out everywhere").
 */
import type { Kysely } from 'kysely';
import { hashSecret, newSecret, nowIso } from '../db/ids.js';
import type { Database, Session, User } from '../db/schema.js';

export const SESSION_IDLE_MS = 12 * 60 * 60 * 1000;
export const SESSION_MAX_MS = 30 * 24 * 60 * 60 * 1000;
/** last_seen_at is written at most this often, so reads stay reads. */
const TOUCH_EVERY_MS = 60 * 1000;

export interface NewSession {
  token: string;
  session: Session;
}

export async function createSession(
  db: Kysely<Database>,
  userId: string,
  stage: Session['stage'],
  client: { ip: string; userAgent: string },
  now = new Date(),
): Promise<NewSession> {
  const token = newSecret();
  const session: Session = {
    id: hashSecret(token),
    user_id: userId,
    stage,
    ip: client.ip,
    user_agent: client.userAgent.slice(0, 300),
    created_at: nowIso(now),
    last_seen_at: nowIso(now),
    expires_at: nowIso(new Date(now.getTime() + SESSION_MAX_MS)),
    revoked_at: null,
  };
  await db.insertInto('sessions').values(session).execute();
  return { token, session };
}

export async function loadSession(
  db: Kysely<Database>,
  token: string,
  now = new Date(),
): Promise<{ session: Session; user: User } | undefined> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return undefined;
  const session = await db.selectFrom('sessions').selectAll().where('id', '=', hashSecret(token)).executeTakeFirst();
  if (!session || session.revoked_at) return undefined;
  const idleLimit = new Date(Date.parse(session.last_seen_at) + SESSION_IDLE_MS);
  if (now >= new Date(session.expires_at) || now >= idleLimit) return undefined;
  const user = await db.selectFrom('users').selectAll().where('id', '=', session.user_id).executeTakeFirst();
  if (!user) return undefined;
  if (now.getTime() - Date.parse(session.last_seen_at) > TOUCH_EVERY_MS) {
    await db.updateTable('sessions').set({ last_seen_at: nowIso(now) }).where('id', '=', session.id).execute();
  }
  return { session, user };
}

export async function promoteSession(db: Kysely<Database>, sessionId: string): Promise<void> {
  await db.updateTable('sessions').set({ stage: 'full' }).where('id', '=', sessionId).execute();
}

export async function revokeSession(db: Kysely<Database>, sessionId: string, now = new Date()): Promise<void> {
  await db.updateTable('sessions').set({ revoked_at: nowIso(now) }).where('id', '=', sessionId).where('revoked_at', 'is', null).execute();
}

/** Sign out everywhere; returns how many sessions ended. */
export async function revokeAllSessions(db: Kysely<Database>, userId: string, now = new Date()): Promise<number> {
  const result = await db
    .updateTable('sessions')
    .set({ revoked_at: nowIso(now) })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
