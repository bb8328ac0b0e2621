/**
 * Server-side sessions on a real SQLite database (openDatabase + migrateAll, no
 * mocks): the 12-hour idle expiry and the 30-day limit at their boundaries, the
 * last-seen touch that keeps an active session alive, token shapes, and revocation.
 * Written for the mutation run: each test fails when a limit or comparison is changed.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession, loadSession, revokeAllSessions, revokeSession } from '../src/web/sessions.js';
import { openDatabase, type DatabaseHandle } from '../src/db/connect.js';
import { migrateAll } from '../src/server/features.js';
import { hashSecret, newId, nowIso } from '../src/db/ids.js';
import type { User } from '../src/db/schema.js';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const CLIENT = { ip: '192.0.2.7', userAgent: 'Mozilla/5.0 (test)' };

let dataDir: string;
let handle: DatabaseHandle;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'weerbaar-sessions-'));
  handle = openDatabase({ dataDir });
  await migrateAll(handle);
});
afterAll(async () => {
  await handle.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** A user row written directly (no argon2: these tests are about sessions, not passwords). */
async function newUser(email = `${newId()}@shop.example`): Promise<User> {
  const user: User = {
    id: newId(),
    email,
    display_name: 'Session Tester',
    password_hash: 'not-a-real-hash',
    lang: 'nl',
    is_admin: 0,
    totp_secret_enc: null,
    totp_enabled_at: null,
    totp_last_step: null,
    created_at: nowIso(new Date('2026-01-01T00:00:00Z')),
    email_verified_at: nowIso(new Date('2026-01-01T00:00:00Z')),
  };
  await handle.db.insertInto('users').values(user).execute();
  return user;
}

const storedSession = (id: string) => handle.db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

describe('createSession', () => {
  it('stores only the hash of a long random token, with the stage, client and both limits', async () => {
    const user = await newUser();
    const start = new Date('2026-03-01T08:00:00.000Z');
    const longAgent = 'A'.repeat(450);
    const { token, session } = await createSession(handle.db, user.id, 'totp', { ip: '198.51.100.4', userAgent: longAgent }, start);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(session).toEqual({
      id: hashSecret(token),
      user_id: user.id,
      stage: 'totp',
      ip: '198.51.100.4',
      user_agent: 'A'.repeat(300),
      created_at: '2026-03-01T08:00:00.000Z',
      last_seen_at: '2026-03-01T08:00:00.000Z',
      expires_at: '2026-03-31T08:00:00.000Z',
      revoked_at: null,
    });
    expect(await storedSession(session.id)).toEqual(session);
    const other = await createSession(handle.db, user.id, 'full', CLIENT, start);
    expect(other.token).not.toBe(token);
  });
});

describe('loadSession', () => {
  it('returns the session and its user, and nothing of the session in the user', async () => {
    const user = await newUser();
    const start = new Date('2026-03-02T08:00:00.000Z');
    const { token, session } = await createSession(handle.db, user.id, 'full', CLIENT, start);
    const loaded = await loadSession(handle.db, token, new Date(start.getTime() + 1_000));
    expect(loaded).toEqual({ session, user });
  });

  it('12 hours idle ends a session: a moment before it is still valid, at 12 h it is gone', async () => {
    const user = await newUser();
    const start = new Date('2026-03-03T08:00:00.000Z');
    const early = await createSession(handle.db, user.id, 'full', CLIENT, start);
    const late = await createSession(handle.db, user.id, 'full', CLIENT, start);
    const justBefore = await loadSession(handle.db, early.token, new Date(start.getTime() + 12 * HOUR - 1));
    expect(justBefore?.session.id).toBe(early.session.id);
    expect(justBefore?.user.id).toBe(user.id);
    expect(await loadSession(handle.db, late.token, new Date(start.getTime() + 12 * HOUR))).toBeUndefined();
    expect(await loadSession(handle.db, late.token, new Date(start.getTime() + 13 * HOUR))).toBeUndefined();
  });

  it('an idle session stays ended: later requests do not revive it', async () => {
    const user = await newUser();
    const start = new Date('2026-03-04T08:00:00.000Z');
    const { token, session } = await createSession(handle.db, user.id, 'full', CLIENT, start);
    expect(await loadSession(handle.db, token, new Date(start.getTime() + 12 * HOUR + 1))).toBeUndefined();
    expect((await storedSession(session.id)).last_seen_at).toBe(nowIso(start));
    expect(await loadSession(handle.db, token, new Date(start.getTime() + 12 * HOUR + 2))).toBeUndefined();
  });

  it('use keeps a session alive past 12 hours from sign-in (last seen moves on)', async () => {
    const user = await newUser();
    const start = new Date('2026-03-05T08:00:00.000Z');
    const { token, session } = await createSession(handle.db, user.id, 'full', CLIENT, start);
    const at11h = new Date(start.getTime() + 11 * HOUR);
    expect(await loadSession(handle.db, token, at11h)).toBeDefined();
    expect((await storedSession(session.id)).last_seen_at).toBe(nowIso(at11h));
    // 22 hours after sign-in, but only 11 hours after the last request.
    const at22h = new Date(start.getTime() + 22 * HOUR);
    expect((await loadSession(handle.db, token, at22h))?.session.id).toBe(session.id);
    // And 12 hours after that last request it has expired.
    expect(await loadSession(handle.db, token, new Date(at22h.getTime() + 12 * HOUR))).toBeUndefined();
  });

  it('writes last seen at most once a minute', async () => {
    const user = await newUser();
    const start = new Date('2026-03-06T08:00:00.000Z');
    const { token, session } = await createSession(handle.db, user.id, 'full', CLIENT, start);
    await loadSession(handle.db, token, new Date(start.getTime() + 60_000));
    expect((await storedSession(session.id)).last_seen_at).toBe(nowIso(start));
    const later = new Date(start.getTime() + 60_001);
    await loadSession(handle.db, token, later);
    expect((await storedSession(session.id)).last_seen_at).toBe(nowIso(later));
  });

  it('30 days end a session even when it is in use', async () => {
    const user = await newUser();
    const start = new Date('2026-04-01T08:00:00.000Z');
    const { token, session } = await createSession(handle.db, user.id, 'full', CLIENT, start);
    // In use until the very end: last seen one hour before the 30 days are over.
    const end = start.getTime() + 30 * DAY;
    await handle.db.updateTable('sessions').set({ last_seen_at: nowIso(new Date(end - HOUR)) }).where('id', '=', session.id).execute();
    expect((await loadSession(handle.db, token, new Date(end - 1)))?.session.id).toBe(session.id);
    expect(await loadSession(handle.db, token, new Date(end))).toBeUndefined();
  });

  it('refuses tokens that are not shaped like ours, even when their hash is stored', async () => {
    const user = await newUser();
    const start = new Date('2026-04-02T08:00:00.000Z');
    const at = new Date(start.getTime() + 1_000);
    const plant = async (token: string) => {
      await handle.db
        .insertInto('sessions')
        .values({ id: hashSecret(token), user_id: user.id, stage: 'full', ip: CLIENT.ip, user_agent: CLIENT.userAgent, created_at: nowIso(start), last_seen_at: nowIso(start), expires_at: nowIso(new Date(start.getTime() + DAY)), revoked_at: null })
        .execute();
      return (await loadSession(handle.db, token, at))?.user.id;
    };
    // Shortest, longest and every character the pattern allows.
    expect(await plant('a'.repeat(20))).toBe(user.id);
    expect(await plant('b'.repeat(100))).toBe(user.id);
    expect(await plant('AZaz09_-AZaz09_-AZaz')).toBe(user.id);
    // Too short, too long, or with characters outside it, anywhere.
    expect(await plant('c'.repeat(19))).toBeUndefined();
    expect(await plant('d'.repeat(101))).toBeUndefined();
    expect(await plant(`${'e'.repeat(30)}.`)).toBeUndefined();
    expect(await plant(`.${'f'.repeat(30)}`)).toBeUndefined();
    expect(await plant(`${'g'.repeat(15)} ${'g'.repeat(15)}`)).toBeUndefined();
  });

  it('knows no token that was never issued', async () => {
    expect(await loadSession(handle.db, 'x'.repeat(43), new Date())).toBeUndefined();
  });
});

describe('revocation', () => {
  it('revokeSession ends one session and keeps the first revocation time', async () => {
    const user = await newUser();
    const start = new Date('2026-05-01T08:00:00.000Z');
    const one = await createSession(handle.db, user.id, 'full', CLIENT, start);
    const two = await createSession(handle.db, user.id, 'full', CLIENT, start);
    const first = new Date(start.getTime() + HOUR);
    await revokeSession(handle.db, one.session.id, first);
    await revokeSession(handle.db, one.session.id, new Date(start.getTime() + 2 * HOUR));
    expect((await storedSession(one.session.id)).revoked_at).toBe(nowIso(first));
    expect(await loadSession(handle.db, one.token, new Date(start.getTime() + 3 * HOUR))).toBeUndefined();
    expect((await loadSession(handle.db, two.token, new Date(start.getTime() + 3 * HOUR)))?.session.id).toBe(two.session.id);
  });

  it('revokeAllSessions ends every open session of one user and counts them', async () => {
    const user = await newUser();
    const bystander = await newUser();
    const start = new Date('2026-05-02T08:00:00.000Z');
    const sessions = await Promise.all([1, 2, 3].map(() => createSession(handle.db, user.id, 'full', CLIENT, start)));
    const [already] = sessions;
    if (!already) throw new Error('no session');
    const earlier = new Date(start.getTime() + 60_000);
    await revokeSession(handle.db, already.session.id, earlier);
    const theirs = await createSession(handle.db, bystander.id, 'full', CLIENT, start);
    const at = new Date(start.getTime() + HOUR);
    expect(await revokeAllSessions(handle.db, user.id, at)).toBe(2);
    for (const { token } of sessions) expect(await loadSession(handle.db, token, at)).toBeUndefined();
    expect((await storedSession(already.session.id)).revoked_at).toBe(nowIso(earlier));
    expect((await loadSession(handle.db, theirs.token, at))?.user.id).toBe(bystander.id);
    expect(await revokeAllSessions(handle.db, user.id, at)).toBe(0);
  });
});
