/**
 * Invitations end to end: the app sends the e-mail through a real SMTP server on
 * loopback (127.0.6.1), the test reads the link from the received message and follows
 * it with a second browser-like client.
 */
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInvitation } from '../src/accounts/invitations.js';
import { hashSecret, nowIso } from '../src/db/ids.js';
import { smtpMailer } from '../src/mail/mailer.js';
import { auditOf, createOrgVia, roleOf, userId } from './web/org-helpers.js';
import { DIALECTS, signUp, startTestApp, STRONG_PASSWORD, TestClient, type TestApp } from './web/harness.js';
import { startSmtpSink, type SmtpSink } from './web/smtp-sink.js';

const SMTP_HOST = '127.0.6.1';
const LINK = /http:\/\/weerbaar\.test\/invitations\/([A-Za-z0-9_-]{43})/;

describe.each(DIALECTS)('invitations by e-mail (%s)', (dialect) => {
  let t: TestApp;
  let sink: SmtpSink;
  let owner: TestClient;
  let orgId: string;

  beforeAll(async () => {
    sink = await startSmtpSink(SMTP_HOST);
    t = await startTestApp(dialect, { mailer: smtpMailer({ url: sink.url, from: 'weerbaar@test.example' }), config: { baseUrl: 'http://weerbaar.test' } });
    owner = new TestClient(t.app);
    await signUp(owner, 'owner@invite.example', 'Olga Owner');
    orgId = await createOrgVia(owner, 'Webwinkel Jansen');
  });
  afterAll(async () => {
    await t.close();
    t.mailer.close();
    await sink.close();
  });

  /** Invite through the members page; returns the token from the e-mail the SMTP server received. */
  async function invite(email: string, role: string, by = owner, org = orgId): Promise<string> {
    const before = sink.received.length;
    await by.get(`/orgs/${org}/members`);
    const response = await by.post(`/orgs/${org}/invitations`, { email, role });
    expect(response.statusCode, response.body.slice(0, 400)).toBe(303);
    expect(response.headers.location).toBe(`/orgs/${org}/members?done=invited`);
    expect(sink.received).toHaveLength(before + 1);
    const mail = sink.received[before];
    const token = LINK.exec(mail?.text ?? '')?.[1];
    if (!token) throw new Error(`no link in ${mail?.text ?? '(no mail)'}`);
    return token;
  }

  it('sends the link by SMTP; a new person creates an account from it and becomes a member', async () => {
    const token = await invite('New.Person@Invite.example', 'viewer');
    const mail = sink.received[sink.received.length - 1];
    expect(mail?.from).toBe('weerbaar@test.example');
    expect(mail?.to).toEqual(['new.person@invite.example']);
    expect(mail?.headers.get('subject')).toBe('You have been invited to an organisation on Weerbaar');
    expect(mail?.text).toContain('“Olga Owner” invites you to join the organisation “Webwinkel Jansen” on Weerbaar as Viewer.');
    expect(mail?.text).toContain(`http://weerbaar.test/invitations/${token}`);

    // Only the hash is stored; the link works for seven days.
    const db = t.database.handle.db;
    const stored = await db.selectFrom('invitations').selectAll().where('email', '=', 'new.person@invite.example').executeTakeFirstOrThrow();
    expect(stored.token_hash).toBe(hashSecret(token));
    expect(JSON.stringify(stored)).not.toContain(token);
    expect(Date.parse(stored.expires_at) - Date.parse(stored.created_at)).toBe(7 * 24 * 3600 * 1000);
    const members = await owner.get(`/orgs/${orgId}/members`);
    expect(members.body).toContain('new.person@invite.example');
    expect(members.body).toContain(`/orgs/${orgId}/invitations/${stored.id}/revoke`);

    const invitee = new TestClient(t.app, { 'accept-language': 'nl-NL,nl;q=0.9' });
    const page = await invitee.get(`/invitations/${token}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<bdi>Olga Owner</bdi> nodigt <bdi>new.person@invite.example</bdi> uit om lid te worden van <bdi>Webwinkel Jansen</bdi> op Weerbaar, als Lezer.');
    expect(page.body).toContain(`action="/invitations/${token}/signup"`);
    expect(page.body).toContain(`/login?next=${encodeURIComponent(`/invitations/${token}`)}`);

    const weak = await invitee.post(`/invitations/${token}/signup`, { name: 'Nina Nieuw', password: 'kort wachtw' });
    expect(weak.statusCode).toBe(400);
    expect(weak.body).toContain('minstens 12 tekens');
    const common = await invitee.post(`/invitations/${token}/signup`, { name: 'Nina Nieuw', password: 'password1234' });
    expect(common.statusCode).toBe(400);

    const joined = await invitee.post(`/invitations/${token}/signup`, { name: 'Nina Nieuw', password: STRONG_PASSWORD });
    expect(joined.statusCode).toBe(303);
    expect(joined.headers.location).toBe(`/orgs/${orgId}`);
    expect(invitee.cookies.has('wb_session')).toBe(true);
    const newId = await userId(db, 'new.person@invite.example');
    expect(await roleOf(db, orgId, newId)).toBe('viewer');
    expect((await invitee.get(`/orgs/${orgId}/members`)).statusCode).toBe(200);
    const used = await db.selectFrom('invitations').select('accepted_at').where('id', '=', stored.id).executeTakeFirstOrThrow();
    expect(used.accepted_at).not.toBeNull();

    const entries = await auditOf(db, orgId);
    const ownerId = await userId(db, 'owner@invite.example');
    expect(entries.find((e) => e.action === 'create' && e.record_type === 'invitation' && e.record_id === stored.id)?.user_id).toBe(ownerId);
    const accepted = entries.find((e) => e.action === 'update' && e.record_type === 'invitation' && e.record_id === stored.id);
    expect(accepted?.user_id).toBe(newId);
    expect(JSON.parse(accepted?.detail ?? '{}')).toMatchObject({ accepted: true });
    const membership = entries.find((e) => e.action === 'create' && e.record_type === 'membership' && e.record_id === newId);
    expect(JSON.parse(membership?.detail ?? '{}')).toEqual({ role: 'viewer', invitationId: stored.id });
    const userCreated = await db.selectFrom('audit_log').select('detail').where('action', '=', 'create').where('record_type', '=', 'user').where('record_id', '=', newId).executeTakeFirst();
    expect(JSON.parse(userCreated?.detail ?? '{}')).toEqual({ invitationId: stored.id });

    // The link works once.
    expect((await invitee.get(`/invitations/${token}`)).statusCode).toBe(410);
    const stranger = new TestClient(t.app);
    const reused = await stranger.get(`/invitations/${token}`);
    expect(reused.statusCode).toBe(410);
    expect(reused.body).toContain('This invitation has already been used');
    expect((await stranger.post(`/invitations/${token}/signup`, { name: 'Mallory', password: STRONG_PASSWORD })).statusCode).toBe(410);
    expect((await invitee.post(`/invitations/${token}/accept`)).statusCode).toBe(410);
  });

  it('answers 410 for an expired link and 404 for an unknown one', async () => {
    const token = await invite('late@invite.example', 'member');
    const db = t.database.handle.db;
    await db.updateTable('invitations').set({ expires_at: '2020-01-01T00:00:00.000Z' }).where('token_hash', '=', hashSecret(token)).execute();
    const visitor = new TestClient(t.app);
    const expired = await visitor.get(`/invitations/${token}`);
    expect(expired.statusCode).toBe(410);
    expect(expired.body).toContain('This invitation has expired');
    expect((await visitor.post(`/invitations/${token}/signup`, { name: 'Late', password: STRONG_PASSWORD })).statusCode).toBe(410);
    expect(await db.selectFrom('users').select('id').where('email', '=', 'late@invite.example').executeTakeFirst()).toBeUndefined();
    const unknown = await visitor.get(`/invitations/${token.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'))}`);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.body).toContain('This invitation link is not valid.');
  });

  it('lets the owner withdraw an invitation: its link then answers 410, and the withdrawal is audited', async () => {
    const token = await invite('withdrawn@invite.example', 'member');
    const db = t.database.handle.db;
    const invitation = await db.selectFrom('invitations').select('id').where('token_hash', '=', hashSecret(token)).executeTakeFirstOrThrow();
    await owner.get(`/orgs/${orgId}/members`);
    const revoked = await owner.post(`/orgs/${orgId}/invitations/${invitation.id}/revoke`);
    expect(revoked.statusCode).toBe(303);
    expect(revoked.headers.location).toBe(`/orgs/${orgId}/members?done=revoked`);
    const gone = await new TestClient(t.app).get(`/invitations/${token}`);
    expect(gone.statusCode).toBe(410);
    expect(gone.body).toContain('This invitation was withdrawn');
    expect((await owner.post(`/orgs/${orgId}/invitations/${invitation.id}/revoke`)).statusCode).toBe(404);
    const entry = (await auditOf(db, orgId)).find((e) => e.action === 'update' && e.record_id === invitation.id);
    expect(JSON.parse(entry?.detail ?? '{}')).toEqual({ revoked: true, email: 'withdrawn@invite.example' });
  });

  it('replaces an earlier link when the same address is invited again, and refuses to invite a member', async () => {
    const first = await invite('twice@invite.example', 'viewer');
    const second = await invite('twice@invite.example', 'member');
    expect((await new TestClient(t.app).get(`/invitations/${first}`)).statusCode).toBe(410);
    const page = await new TestClient(t.app).get(`/invitations/${second}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('as Member');
    await owner.get(`/orgs/${orgId}/members`);
    const member = await owner.post(`/orgs/${orgId}/invitations`, { email: 'OWNER@invite.example', role: 'viewer' });
    expect(member.statusCode).toBe(409);
    expect(member.body).toContain('owner@invite.example is already a member of this organisation.');
    const bad = await owner.post(`/orgs/${orgId}/invitations`, { email: 'not an address', role: 'viewer' });
    expect(bad.statusCode).toBe(400);
  });

  it('keeps typed names out of the subject, and quotes, shortens and defuses them in the body', async () => {
    const mallory = new TestClient(t.app);
    await signUp(mallory, 'mallory@invite.example', '\u202EMallory\u202C https://evil.example/login');
    const evilOrg = await createOrgVia(mallory, 'URGENT: your account is suspended, verify at https://evil.example/verify\u2066 now or lose everything');
    await invite('target@invite.example', 'member', mallory, evilOrg);
    const mail = sink.received[sink.received.length - 1];
    expect(mail?.headers.get('subject')).toBe('You have been invited to an organisation on Weerbaar');
    expect(mail?.text).toContain(
      '“Mallory https[://]evil[.]example/login” invites you to join the organisation “URGENT: your account is suspended, verify at https[://]evil…” on Weerbaar as Member.',
    );
    expect(mail?.text).not.toMatch(/evil\.example|https:\/\/evil|[\u202A-\u202E\u2066-\u2069]/);
  });

  it('lets only an account with a verified address invite, and at most 20 a day', async () => {
    const db = t.database.handle.db;
    const busy = new TestClient(t.app);
    await signUp(busy, 'busy@invite.example', 'Bert Busy');
    const busyOrg = await createOrgVia(busy, 'Busy shop');
    const busyId = await userId(db, 'busy@invite.example');
    const before = sink.received.length;

    await db.updateTable('users').set({ email_verified_at: null }).where('id', '=', busyId).execute();
    await busy.get(`/orgs/${busyOrg}/members`);
    const unverified = await busy.post(`/orgs/${busyOrg}/invitations`, { email: 'someone@invite.example', role: 'viewer' });
    expect(unverified.statusCode).toBe(403);
    expect(unverified.body).toContain('Confirm your own e-mail address before you invite others');
    await db.updateTable('users').set({ email_verified_at: nowIso() }).where('id', '=', busyId).execute();

    for (let i = 0; i < 20; i++) await createInvitation(db, { orgId: busyOrg, email: `n${i}@invite.example`, role: 'viewer', invitedBy: busyId });
    const capped = await busy.post(`/orgs/${busyOrg}/invitations`, { email: 'one-more@invite.example', role: 'viewer' });
    expect(capped.statusCode).toBe(429);
    expect(capped.body).toContain('You have sent 20 invitations in the last 24 hours, the most one account may send in a day. Try again tomorrow.');
    expect(sink.received).toHaveLength(before);
    expect(await db.selectFrom('invitations').select('id').where('email', '=', 'one-more@invite.example').executeTakeFirst()).toBeUndefined();

    await db.updateTable('invitations').set({ created_at: nowIso(new Date(Date.now() - 25 * 3600 * 1000)) }).where('invited_by', '=', busyId).execute();
    await invite('one-more@invite.example', 'viewer', busy, busyOrg);
  });

  it('refuses a signed-in user with another address, and lets the invited account sign in and accept', async () => {
    const token = await invite('known@invite.example', 'member');
    const db = t.database.handle.db;
    const known = new TestClient(t.app);
    await signUp(known, 'known@invite.example', 'Karel Known');
    await known.post('/logout');

    const other = new TestClient(t.app);
    await signUp(other, 'other@invite.example', 'Otto Other');
    const page = await other.get(`/invitations/${token}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('This invitation is for <bdi>known@invite.example</bdi>, but you are signed in as <bdi>other@invite.example</bdi>.');
    expect(page.body).not.toContain(`action="/invitations/${token}/accept"`);
    const refused = await other.post(`/invitations/${token}/accept`);
    expect(refused.statusCode).toBe(403);
    expect(await roleOf(db, orgId, await userId(db, 'other@invite.example'))).toBeUndefined();

    // Not signed in, with an existing account: sign in, come back, accept.
    const anonymous = await known.get(`/invitations/${token}`);
    expect(anonymous.body).toContain('There is already an account for <bdi>known@invite.example</bdi>.');
    expect(anonymous.body).not.toContain(`action="/invitations/${token}/signup"`);
    expect((await known.post(`/invitations/${token}/signup`, { name: 'Karel', password: STRONG_PASSWORD })).statusCode).toBe(409);
    const login = await known.post('/login', { email: 'known@invite.example', password: STRONG_PASSWORD, next: `/invitations/${token}` });
    expect(login.statusCode).toBe(303);
    expect(login.headers.location).toBe(`/invitations/${token}`);
    const signedIn = await known.get(`/invitations/${token}`);
    expect(signedIn.body).toContain(`action="/invitations/${token}/accept"`);
    const accepted = await known.post(`/invitations/${token}/accept`);
    expect(accepted.statusCode).toBe(303);
    expect(accepted.headers.location).toBe(`/orgs/${orgId}`);
    expect(await roleOf(db, orgId, await userId(db, 'known@invite.example'))).toBe('member');
    expect((await known.post(`/invitations/${token}/accept`)).statusCode).toBe(410);
  });
});

describe.each(DIALECTS)('an invitation whose e-mail cannot be sent (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    // A port on our loopback address that nobody listens on: the connection is refused.
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.6.2', () => resolve()));
    const { port } = probe.address() as AddressInfo;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    t = await startTestApp(dialect, { mailer: smtpMailer({ url: `smtp://127.0.6.2:${port}`, from: 'weerbaar@test.example' }), config: { baseUrl: 'http://weerbaar.test' } });
  });
  afterAll(async () => {
    await t.close();
    t.mailer.close();
  });

  it('shows the owner the link to pass on by hand, and the link works', async () => {
    const owner = new TestClient(t.app);
    await signUp(owner, 'owner@nomail.example');
    const orgId = await createOrgVia(owner, 'No mail shop');
    await owner.get(`/orgs/${orgId}/members`);
    const response = await owner.post(`/orgs/${orgId}/invitations`, { email: 'colleague@nomail.example', role: 'member' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('The e-mail could not be sent.');
    const token = LINK.exec(response.body)?.[1];
    expect(token).toBeDefined();
    expect((await new TestClient(t.app).get(`/invitations/${token ?? ''}`)).statusCode).toBe(200);
  });
});
