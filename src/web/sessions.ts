/**
 * Server-side sessions. The cookie holds a random token; the database holds only its
 * SHA-256, so a leaked database does not log anyone in. Sessions end after 12 hours
 * idle or 30 days, and can be revoked one by one or all at once ("sign out everywhere").
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { hashSecret, newSecret, nowIso } from '../db/ids.js';
import type { Database, Session, User } from '../db/schema.js';

/** The cookie that carries the session token. */
export const SESSION_COOKIE = 'wb_session';

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
  // One round trip for both: this runs on every request.
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .selectAll('users')
    .select([
      'sessions.id as s_id',
      'sessions.stage as s_stage',
      'sessions.ip as s_ip',
      'sessions.user_agent as s_user_agent',
      'sessions.created_at as s_created_at',
      'sessions.last_seen_at as s_last_seen_at',
      'sessions.expires_at as s_expires_at',
      'sessions.revoked_at as s_revoked_at',
    ])
    .where('sessions.id', '=', hashSecret(token))
    .executeTakeFirst();
  if (!row || row.s_revoked_at) return undefined;
  const { s_id, s_stage, s_ip, s_user_agent, s_created_at, s_last_seen_at, s_expires_at, s_revoked_at, ...user } = row;
  const session: Session = {
    id: s_id,
    user_id: user.id,
    stage: s_stage,
    ip: s_ip,
    user_agent: s_user_agent,
    created_at: s_created_at,
    last_seen_at: s_last_seen_at,
    expires_at: s_expires_at,
    revoked_at: s_revoked_at,
  };
  const idleLimit = new Date(Date.parse(session.last_seen_at) + SESSION_IDLE_MS);
  if (now >= new Date(session.expires_at) || now >= idleLimit) return undefined;
  if (now.getTime() - Date.parse(session.last_seen_at) > TOUCH_EVERY_MS) {
    await db.updateTable('sessions').set({ last_seen_at: nowIso(now) }).where('id', '=', session.id).execute();
  }
  return { session, user };
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

export function setSessionCookie(reply: FastifyReply, token: string): void {
  reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure: 'auto' });
}

/** Who is signing in from where, as a session records it. */
export function clientOf(request: FastifyRequest): { ip: string; userAgent: string } {
  return { ip: request.ip, userAgent: request.headers['user-agent'] ?? '' };
}
