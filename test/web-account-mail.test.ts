/**
 * Proving the e-mail address and "forgot password", end to end over real SMTP: the app
 * sends through an SMTP server on loopback (127.0.6.5), the test reads the links from the
 * messages that server received and follows them like a person would.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashSecret, newId, nowIso } from '../src/db/ids.js';
import { smtpMailer } from '../src/mail/mailer.js';
import { enrolTotp } from './web/authenticator.js';
import { createOrgVia, roleOf, userId } from './web/org-helpers.js';
import { DIALECTS, signUp, signUpUnverified, startTestApp, STRONG_PASSWORD, TestClient, type TestApp } from './web/harness.js';
import { startSmtpSink, type ReceivedMail, type SmtpSink } from './web/smtp-sink.js';

const SMTP_HOST = '127.0.6.5';
const NEW_PASSWORD = 'a brand new passphrase 7';

describe.each(DIALECTS)('e-mail verification and password reset over SMTP (%s)', (dialect) => {
  let t: TestApp;
  let sink: SmtpSink;

  beforeAll(async () => {
    sink = await startSmtpSink(SMTP_HOST);
    // Behind a "proxy" so each client can have its own address (the forms are rate-limited per address).
    t = await startTestApp(dialect, { mailer: smtpMailer({ url: sink.url, from: 'weerbaar@test.example' }), config: { baseUrl: 'http://weerbaar.test', trustProxy: true } });
  });
  afterAll(async () => {
    await t.close();
    t.mailer.close();
    await sink.close();
  });

  let nextAddress = 1;
  const client = (lang?: string): TestClient => new TestClient(t.app, { 'x-forwarded-for': `10.9.${dialect === 'sqlite' ? 1 : 2}.${nextAddress++}`, ...(lang ? { 'accept-language': lang } : {}) });
  const db = (): TestApp['database']['handle']['db'] => t.database.handle.db;

  /** The newest message to this address whose link has this path, waiting a little for mail sent in the background. */
  async function mailWithLink(to: string, path: string, after = 0): Promise<{ mail: ReceivedMail; token: string }> {
    const pattern = new RegExp(`http://weerbaar\\.test${path}([A-Za-z0-9_-]{43})`);
    for (let waited = 0; waited < 5_000; waited += 50) {
      const mail = sink.received.slice(after).reverse().find((m) => m.to.includes(to) && pattern.test(m.text));
      const token = mail && pattern.exec(mail.text)?.[1];
      if (mail && token) return { mail, token };
      await sleep(50);
    }
    throw new Error(`no mail with ${path} to ${to}`);
  }

  it('lets a new account do nothing but wait for the link; the link from the mail confirms the address once', async () => {
    const person = client();
    await signUpUnverified(person, 'new@verify.example', 'Nora New');
    expect(person.last?.headers.location).toBe('/verify-email');
    const waiting = await person.get('/verify-email');
    expect(waiting.statusCode).toBe(200);
    expect(waiting.body).toContain('We sent a link to new@verify.example.');
    expect(waiting.body).toContain('action="/verify-email/resend"');
    expect(waiting.body).toContain('action="/logout"');

    // Nothing else: every page sends it back to the mailbox page, and a form changes nothing.
    expect((await person.get('/orgs')).headers.location).toBe('/login?next=%2Forgs');
    expect((await person.get('/login')).headers.location).toBe('/verify-email');
    expect((await person.get('/account')).statusCode).toBe(303);
    expect((await person.post('/orgs', { name: 'Unverified shop', kind: 'webshop' })).statusCode).toBe(303);
    expect(await db().selectFrom('orgs').select('id').where('name', '=', 'Unverified shop').executeTakeFirst()).toBeUndefined();

    const { mail, token } = await mailWithLink('new@verify.example', '/verify-email/');
    expect(mail.headers.get('subject')).toBe('Confirm your e-mail address for Weerbaar');
    expect(mail.text).toContain('it works once, for 48 hours');
    const stored = await db().selectFrom('email_tokens').selectAll().where('email', '=', 'new@verify.example').executeTakeFirstOrThrow();
    expect(stored.token_hash).toBe(hashSecret(token));
    expect(JSON.stringify(stored)).not.toContain(token);
    expect(Date.parse(stored.expires_at) - Date.parse(stored.created_at)).toBe(48 * 3600 * 1000);

    // Opening the link (a mail scanner does too) only shows a button; it spends nothing.
    const scanner = await client().get(`/verify-email/${token}`);
    expect(scanner.statusCode).toBe(200);
    expect(scanner.body).toContain(`action="/verify-email/${token}"`);
    expect((await db().selectFrom('users').select('email_verified_at').where('email', '=', 'new@verify.example').executeTakeFirstOrThrow()).email_verified_at).toBeNull();

    await person.get(`/verify-email/${token}`);
    const confirmed = await person.post(`/verify-email/${token}`);
    expect(confirmed.statusCode).toBe(303);
    expect(confirmed.headers.location).toBe('/orgs');
    expect((await person.get('/orgs')).statusCode).toBe(200);
    expect((await db().selectFrom('users').select('email_verified_at').where('email', '=', 'new@verify.example').executeTakeFirstOrThrow()).email_verified_at).not.toBeNull();

    // Single use.
    const again = await client().get(`/verify-email/${token}`);
    expect(again.statusCode).toBe(410);
    expect(again.body).toContain('This confirmation link is not valid any more');
    expect((await person.post(`/verify-email/${token}`)).statusCode).toBe(410);
  });

  it('sends the link again at most once a minute, the new link replaces the old, and an expired link is refused', async () => {
    const person = client('nl-NL,nl;q=0.9');
    await signUpUnverified(person, 'resend@verify.example');
    const first = await mailWithLink('resend@verify.example', '/verify-email/');
    expect(first.mail.headers.get('subject')).toBe('Bevestig uw e-mailadres voor Weerbaar');
    await person.get('/verify-email');
    const tooSoon = await person.post('/verify-email/resend');
    expect(tooSoon.headers.location).toBe('/verify-email?sent=limited');
    expect((await person.get('/verify-email?sent=limited')).body).toContain('Er is net een link verstuurd.');

    await db().updateTable('email_tokens').set({ created_at: nowIso(new Date(Date.now() - 2 * 60_000)) }).where('email', '=', 'resend@verify.example').execute();
    const before = sink.received.length;
    expect((await person.post('/verify-email/resend')).headers.location).toBe('/verify-email?sent=sent');
    const second = await mailWithLink('resend@verify.example', '/verify-email/', before);
    expect(second.token).not.toBe(first.token);
    expect((await person.get(`/verify-email/${first.token}`)).statusCode).toBe(410);

    await db().updateTable('email_tokens').set({ expires_at: nowIso(new Date(Date.now() - 1000)) }).where('token_hash', '=', hashSecret(second.token)).execute();
    const expired = await person.get(`/verify-email/${second.token}`);
    expect(expired.statusCode).toBe(410);
    expect(expired.body).toContain('Deze bevestigingslink is niet meer geldig');
    expect((await person.post(`/verify-email/${second.token}`)).statusCode).toBe(410);
    expect((await person.get('/orgs')).statusCode).toBe(303);

    // Signed out and in again, it is still only the mailbox page.
    expect((await person.post('/logout')).headers.location).toBe('/login');
    expect((await person.get('/verify-email')).headers.location).toBe('/login');
    await person.get('/login');
    expect((await person.post('/login', { email: 'resend@verify.example', password: STRONG_PASSWORD })).headers.location).toBe('/verify-email');
    expect((await person.get('/verify-email')).statusCode).toBe(200);
  });

  it('lets an invitation link prove the address of an account that was waiting for its own link', async () => {
    const owner = client();
    await signUp(owner, 'owner@verify.example', 'Olga Owner');
    const orgId = await createOrgVia(owner, 'Verified shop');
    const invitee = client();
    await signUpUnverified(invitee, 'invitee@verify.example');
    await owner.get(`/orgs/${orgId}/members`);
    expect((await owner.post(`/orgs/${orgId}/invitations`, { email: 'invitee@verify.example', role: 'member' })).statusCode).toBe(303);
    const { token } = await mailWithLink('invitee@verify.example', '/invitations/');
    const page = await invitee.get(`/invitations/${token}`);
    expect(page.body).toContain(`action="/invitations/${token}/accept"`);
    const accepted = await invitee.post(`/invitations/${token}/accept`);
    expect(accepted.headers.location).toBe(`/orgs/${orgId}`);
    expect((await invitee.get(`/orgs/${orgId}`)).statusCode).toBe(200);
    expect(await roleOf(db(), orgId, await userId(db(), 'invitee@verify.example'))).toBe('member');
    expect((await db().selectFrom('users').select('email_verified_at').where('email', '=', 'invitee@verify.example').executeTakeFirstOrThrow()).email_verified_at).not.toBeNull();
  });

  /** Ask for a reset link as an anonymous visitor; returns the answer. */
  async function forgot(email: string): Promise<{ status: number; body: string }> {
    const visitor = client();
    await visitor.get('/password/forgot');
    const answer = await visitor.post('/password/forgot', { email });
    // The CSRF token differs per answer; everything else must not.
    return { status: answer.statusCode, body: answer.body.replace(/name="_csrf" value="[^"]+"/g, '') };
  }

  it('answers "forgot password" the same for a known and an unknown address, and mails only the known one', async () => {
    await signUp(client(), 'known@reset.example');
    const before = sink.received.length;
    const known = await forgot('known@reset.example');
    const unknown = await forgot('nobody@reset.example');
    expect(known.status).toBe(200);
    expect(unknown).toEqual(known);
    expect(known.body).toContain('If there is an account for this address, a link to set a new password is on its way.');
    const { mail } = await mailWithLink('known@reset.example', '/password/reset/', before);
    expect(mail.headers.get('subject')).toBe('Set a new password for Weerbaar');
    await sleep(300);
    expect(sink.received.slice(before).flatMap((m) => m.to)).toEqual(['known@reset.example']);
  });

  it('takes no longer for a known address than for an unknown one', async () => {
    // A fresh account each round, so each known address would cost a token and a mail if that work were on the path.
    // (Written straight to the database: no one signs in with them.)
    for (let round = 0; round < 20; round++) {
      await db().insertInto('users').values({ id: newId(), email: `timing${round}@reset.example`, display_name: 'Timing', password_hash: 'unused', lang: null, is_admin: 0, totp_secret_enc: null, totp_enabled_at: null, totp_last_step: null, created_at: nowIso(), email_verified_at: nowIso() }).execute();
    }
    const times: Record<'known' | 'unknown', number[]> = { known: [], unknown: [] };
    for (let round = 0; round < 20; round++) {
      // Alternating, so mail sent in the background weighs on both alike.
      for (const kind of ['known', 'unknown'] as const) {
        const visitor = client();
        await visitor.get('/password/forgot');
        const started = process.hrtime.bigint();
        const answer = await visitor.post('/password/forgot', { email: kind === 'known' ? `timing${round}@reset.example` : `nobody${round}@reset.example` });
        times[kind].push(Number(process.hrtime.bigint() - started) / 1e6);
        expect(answer.statusCode).toBe(200);
      }
    }
    const mean = (values: number[]): number => values.reduce((a, b) => a + b, 0) / values.length;
    const [known, unknown] = [mean(times.known), mean(times.unknown)];
    console.log(`forgot password (${dialect}): mean response ${known.toFixed(2)} ms for an existing address, ${unknown.toFixed(2)} ms for an unknown one (20 each)`);
    // An argon2 hash or an SMTP round trip on the request path would cost tens of milliseconds.
    expect(Math.abs(known - unknown)).toBeLessThan(Math.max(15, 0.5 * Math.min(known, unknown)));
  });

  it('resets the password by a single-use link that ends every session and proves the address', async () => {
    const laptop = client();
    await signUp(laptop, 'reset@reset.example');
    const phone = client();
    await phone.get('/login');
    expect((await phone.post('/login', { email: 'reset@reset.example', password: STRONG_PASSWORD })).statusCode).toBe(303);

    const before = sink.received.length;
    await forgot('reset@reset.example');
    const { token } = await mailWithLink('reset@reset.example', '/password/reset/', before);
    const stored = await db().selectFrom('email_tokens').selectAll().where('token_hash', '=', hashSecret(token)).executeTakeFirstOrThrow();
    expect(Date.parse(stored.expires_at) - Date.parse(stored.created_at)).toBe(3600 * 1000);

    const visitor = client();
    const form = await visitor.get(`/password/reset/${token}`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Choose a new password for reset@reset.example.');
    expect((await visitor.post(`/password/reset/${token}`, { password: 'too short' })).statusCode).toBe(400);
    const done = await visitor.post(`/password/reset/${token}`, { password: NEW_PASSWORD });
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe('/login?done=reset');
    expect((await visitor.get('/login?done=reset')).body).toContain('Your password has been changed and every device was signed out.');

    expect((await laptop.get('/orgs')).statusCode).toBe(303);
    expect((await phone.get('/orgs')).statusCode).toBe(303);
    expect((await visitor.post(`/password/reset/${token}`, { password: 'another new passphrase 8' })).statusCode).toBe(410);
    expect((await visitor.get(`/password/reset/${token}`)).statusCode).toBe(410);

    const fresh = client();
    await fresh.get('/login');
    expect((await fresh.post('/login', { email: 'reset@reset.example', password: STRONG_PASSWORD })).statusCode).toBe(401);
    const signedIn = await fresh.post('/login', { email: 'reset@reset.example', password: NEW_PASSWORD });
    expect(signedIn.headers.location).toBe('/orgs');
  });

  it('refuses an expired reset link', async () => {
    await signUp(client(), 'late@reset.example');
    const before = sink.received.length;
    await forgot('late@reset.example');
    const { token } = await mailWithLink('late@reset.example', '/password/reset/', before);
    await db().updateTable('email_tokens').set({ expires_at: nowIso(new Date(Date.now() - 1000)) }).where('token_hash', '=', hashSecret(token)).execute();
    const page = await client().get(`/password/reset/${token}`);
    expect(page.statusCode).toBe(410);
    expect(page.body).toContain('older than one hour');
    expect((await client().post(`/password/reset/${token}`, { password: NEW_PASSWORD })).statusCode).toBe(410);
  });

  it('keeps the second factor through a reset', async () => {
    const person = client();
    await signUp(person, 'totp@reset.example');
    await enrolTotp(person);
    const before = sink.received.length;
    await forgot('totp@reset.example');
    const { token } = await mailWithLink('totp@reset.example', '/password/reset/', before);
    const visitor = client();
    await visitor.get(`/password/reset/${token}`);
    expect((await visitor.post(`/password/reset/${token}`, { password: NEW_PASSWORD })).statusCode).toBe(303);
    await visitor.get('/login');
    const step = await visitor.post('/login', { email: 'totp@reset.example', password: NEW_PASSWORD });
    expect(step.headers.location).toBe('/login/totp?next=%2Forgs');
    expect((await visitor.get('/orgs')).statusCode).toBe(303);
  });

  it("gives a squatted address to the owner of the mailbox: the reset verifies it and ends the squatter's session", async () => {
    const squatter = client();
    await signUpUnverified(squatter, 'victim@reset.example', 'Not the victim');
    expect((await squatter.get('/verify-email')).statusCode).toBe(200);
    // The real person cannot sign up with their own address, but can reset its password.
    const victim = client();
    await victim.get('/signup');
    expect((await victim.post('/signup', { email: 'victim@reset.example', name: 'Victim', password: NEW_PASSWORD })).statusCode).toBe(409);
    const before = sink.received.length;
    await forgot('victim@reset.example');
    const { token } = await mailWithLink('victim@reset.example', '/password/reset/', before);
    await victim.get(`/password/reset/${token}`);
    expect((await victim.post(`/password/reset/${token}`, { password: NEW_PASSWORD })).statusCode).toBe(303);
    expect((await squatter.get('/verify-email')).headers.location).toBe('/login');
    await victim.get('/login');
    expect((await victim.post('/login', { email: 'victim@reset.example', password: NEW_PASSWORD })).headers.location).toBe('/orgs');
    expect((await victim.get('/orgs')).statusCode).toBe(200);
  });
});
