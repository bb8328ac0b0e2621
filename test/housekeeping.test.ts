import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pruneExpired } from '../src/accounts/housekeeping.js';
import { issueToken } from '../src/accounts/email-tokens.js';
import { createSession, revokeSession } from '../src/web/sessions.js';
import { createUser } from '../src/accounts/users.js';
import { createOrg } from '../src/orgs/data.js';
import { hashSecret, newId, nowIso } from '../src/db/ids.js';
import { createTestDatabase, DIALECTS, STRONG_PASSWORD, type TestDatabase } from './web/harness.js';

const DAY = 24 * 60 * 60 * 1000;

describe.each(DIALECTS)('housekeeping (%s)', (dialect) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(dialect);
  });
  afterAll(async () => {
    await t.drop();
  });

  it('removes stale failures, sessions and invitations, and keeps recent ones and the audit log', async () => {
    const db = t.handle.db;
    const now = new Date('2026-06-01T12:00:00Z');
    const user = await createUser(db, { email: 'keep@shop.example', displayName: 'Keep', password: STRONG_PASSWORD });
    const org = await createOrg(db, { name: 'Shop', kind: 'webshop', ownerId: user.id });
    await db.insertInto('login_failures').values([
      { id: newId(), subject: 'account:old@shop.example', at: nowIso(new Date(now.getTime() - 2 * DAY)) },
      { id: newId(), subject: 'account:new@shop.example', at: nowIso(new Date(now.getTime() - 60_000)) },
    ]).execute();
    const old = await createSession(db, user.id, 'full', { ip: '127.0.0.1', userAgent: 'old' }, new Date(now.getTime() - 40 * DAY));
    await revokeSession(db, old.session.id, new Date(now.getTime() - 35 * DAY));
    const current = await createSession(db, user.id, 'full', { ip: '127.0.0.1', userAgent: 'new' }, new Date(now.getTime() - DAY));
    const invitation = (expiresAt: Date) => ({
      id: newId(), org_id: org.id, email: 'x@shop.example', role: 'member' as const, token_hash: newId(),
      invited_by: user.id, expires_at: nowIso(expiresAt), accepted_at: null, revoked_at: null, created_at: nowIso(now),
    });
    const stale = invitation(new Date(now.getTime() - 31 * DAY));
    const open = invitation(new Date(now.getTime() + 5 * DAY));
    await db.insertInto('invitations').values([stale, open]).execute();

    const oldLink = await issueToken(db, { userId: user.id, email: user.email, purpose: 'reset' }, new Date(now.getTime() - 2 * DAY));
    const newLink = await issueToken(db, { userId: user.id, email: user.email, purpose: 'verify' }, new Date(now.getTime() - 60_000));

    const counts = await pruneExpired(db, now);
    expect(counts).toEqual({ loginFailures: 1, sessions: 1, invitations: 1, emailTokens: 1 });
    const links = await db.selectFrom('email_tokens').select('token_hash').execute();
    expect(links.map((l) => l.token_hash)).toEqual([hashSecret(newLink)]);
    expect(oldLink).not.toBe(newLink);
    const sessions = await db.selectFrom('sessions').select('id').execute();
    expect(sessions.map((s) => s.id)).toEqual([current.session.id]);
    const invitations = await db.selectFrom('invitations').select('id').execute();
    expect(invitations.map((i) => i.id)).toEqual([open.id]);
    const failures = await db.selectFrom('login_failures').select('subject').execute();
    expect(failures.map((f) => f.subject)).toEqual(['account:new@shop.example']);
  });
});
