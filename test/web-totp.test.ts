import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { beginTotpSetup, acceptTotpCode, confirmTotpSetup } from '../src/accounts/totp.js';
import { createUser } from '../src/accounts/users.js';
import { Authenticator, codeAt, enrolTotp, recoveryCodesIn, TEST_SECRET_BOX } from './web/authenticator.js';
import { DIALECTS, signUp, startTestApp, STRONG_PASSWORD, TestClient, type TestApp } from './web/harness.js';

/** Sign in with the password only; the client then holds a session waiting for the second step. */
async function passwordStep(client: TestClient, email: string, next?: string): Promise<void> {
  await client.get('/login');
  const response = await client.post('/login', { email, password: STRONG_PASSWORD, ...(next ? { next } : {}) });
  expect(response.statusCode).toBe(303);
  expect(response.headers.location).toBe(`/login/totp?next=${encodeURIComponent(next ?? '/orgs')}`);
  await client.get('/login/totp');
}

describe.each(DIALECTS)('two-step sign-in with TOTP (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(dialect);
  });
  afterAll(async () => {
    await t.close();
  });
  const db = (): TestApp['database']['handle']['db'] => t.database.handle.db;
  const userRow = (email: string) => db().selectFrom('users').selectAll().where('email', '=', email).executeTakeFirstOrThrow();

  it('enrols with a server-rendered QR code, shows recovery codes once, then asks for a code at sign-in', async () => {
    const client = new TestClient(t.app);
    await signUp(client, 'enrol@shop.example');
    const off = await client.get('/account/security');
    expect(off.body).toContain('Set up two-step sign-in');
    expect((await client.get('/account/security/totp.svg')).statusCode).toBe(404);

    expect((await client.post('/account/security/totp/setup')).statusCode).toBe(303);
    const setup = await client.get('/account/security');
    const secret = /id="totp-secret"[^>]*>([A-Z2-7]+)</.exec(setup.body)?.[1] ?? '';
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(setup.body).toContain('<img class="qr" src="/account/security/totp.svg"');
    expect(setup.body).toContain(`otpauth://totp/Weerbaar:enrol%40shop.example?issuer=Weerbaar&amp;secret=${secret}&amp;algorithm=SHA1&amp;digits=6&amp;period=30`);
    const svg = await client.get('/account/security/totp.svg');
    expect(svg.statusCode).toBe(200);
    expect(svg.headers['content-type']).toMatch(/^image\/svg\+xml/);
    expect(svg.headers['cache-control']).toBe('no-store');
    expect(svg.body).toMatch(/^<svg [^>]*viewBox/);

    // Stored sealed with the instance key, not yet in force.
    const pending = await userRow('enrol@shop.example');
    expect(pending.totp_secret_enc).not.toContain(secret);
    expect(TEST_SECRET_BOX.open(pending.totp_secret_enc ?? '')).toBe(secret);
    expect(pending.totp_enabled_at).toBeNull();

    const authenticator = new Authenticator(secret);
    const wrong = await client.post('/account/security/totp/confirm', { code: await authenticator.wrongCode() });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toMatch(/role="alert"[^>]*>That code is not right/);
    expect((await userRow('enrol@shop.example')).totp_enabled_at).toBeNull();

    const confirmed = await client.post('/account/security/totp/confirm', { code: await authenticator.nextCode() });
    expect(confirmed.statusCode).toBe(200);
    const codes = recoveryCodesIn(confirmed.body);
    expect(codes).toHaveLength(10);
    for (const code of codes) expect(code).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
    expect(new Set(codes).size).toBe(10);
    const stored = await db().selectFrom('recovery_codes').select('code_hash').where('user_id', '=', pending.id).execute();
    expect(stored).toHaveLength(10);
    expect(stored.map((row) => row.code_hash)).not.toContain(codes[0]);
    expect((await userRow('enrol@shop.example')).totp_enabled_at).not.toBeNull();
    // Shown once: the seed and the codes are not on the page any more.
    const after = await client.get('/account/security');
    expect(after.body).not.toContain(secret);
    expect(after.body).not.toContain(codes[0]);
    expect(after.body).toContain('10 of 10 recovery codes');
    expect((await client.get('/account/security/totp.svg')).statusCode).toBe(404);
    const enabledAudit = await db().selectFrom('audit_log').selectAll().where('user_id', '=', pending.id).where('detail', 'like', '%"totp":"enabled"%').execute();
    expect(enabledAudit).toMatchObject([{ org_id: null, record_type: 'user', action: 'update', record_id: pending.id }]);

    await client.post('/logout');
    await passwordStep(client, 'enrol@shop.example', '/account');
    const pendingCookie = client.cookies.get('wb_session');
    // Password alone is not a sign-in.
    expect((await client.get('/account')).statusCode).toBe(303);
    const refused = await client.post('/login/totp', { code: await authenticator.wrongCode(), next: '/account' });
    expect(refused.statusCode).toBe(401);
    expect(refused.body).toContain('That code is not right');
    const ok = await client.post('/login/totp', { code: await authenticator.nextCode(), next: '/account' });
    expect(ok.statusCode).toBe(303);
    expect(ok.headers.location).toBe('/account');
    // A fresh session, not the pending one promoted.
    expect(client.cookies.get('wb_session')).not.toBe(pendingCookie);
    expect((await client.get('/account')).statusCode).toBe(200);
    const sessions = await db().selectFrom('sessions').select(['stage', 'revoked_at']).where('user_id', '=', pending.id).where('stage', '=', 'totp').execute();
    expect(sessions.length).toBeGreaterThan(0);
    for (const session of sessions) expect(session.revoked_at).not.toBeNull();
  });

  it('drops an unconfirmed setup on cancel, and a new setup gets a new key', async () => {
    const client = new TestClient(t.app);
    await signUp(client, 'cancel@shop.example');
    await client.get('/account/security');
    await client.post('/account/security/totp/setup');
    const first = (await userRow('cancel@shop.example')).totp_secret_enc;
    expect(first).not.toBeNull();
    await client.post('/account/security/totp/setup');
    const second = (await userRow('cancel@shop.example')).totp_secret_enc;
    expect(TEST_SECRET_BOX.open(second ?? '')).not.toBe(TEST_SECRET_BOX.open(first ?? ''));
    const cancelled = await client.post('/account/security/totp/cancel');
    expect(cancelled.headers.location).toBe('/account/security?notice=cancelled');
    expect((await client.get('/account/security?notice=cancelled')).body).toContain('The setup was cancelled.');
    expect(await userRow('cancel@shop.example')).toMatchObject({ totp_secret_enc: null, totp_enabled_at: null });
  });

  it('refuses a replayed code, and accepts the next one', async () => {
    const client = new TestClient(t.app);
    await signUp(client, 'replay@shop.example');
    const { authenticator } = await enrolTotp(client);
    await client.post('/logout');
    await passwordStep(client, 'replay@shop.example');
    const code = await authenticator.nextCode();
    expect((await client.post('/login/totp', { code })).statusCode).toBe(303);

    const attacker = new TestClient(t.app);
    await passwordStep(attacker, 'replay@shop.example');
    const replayed = await attacker.post('/login/totp', { code });
    expect(replayed.statusCode).toBe(401);
    expect((await attacker.get('/account')).statusCode).toBe(303);
    expect((await attacker.post('/login/totp', { code: await authenticator.nextCode() })).statusCode).toBe(303);
  });

  it('lets each recovery code sign in once and only once', async () => {
    const client = new TestClient(t.app);
    await signUp(client, 'recover@shop.example');
    const { recoveryCodes } = await enrolTotp(client);
    const [first = '', second = ''] = recoveryCodes;
    await client.post('/logout');

    await passwordStep(client, 'recover@shop.example');
    expect((await client.post('/login/totp', { code: first.toUpperCase() })).statusCode).toBe(303);
    expect((await client.get('/account/security')).body).toContain('9 of 10 recovery codes');
    await client.post('/logout');

    await passwordStep(client, 'recover@shop.example');
    expect((await client.post('/login/totp', { code: first })).statusCode).toBe(401);
    expect((await client.post('/login/totp', { code: second.replace(/-/g, ' ') })).statusCode).toBe(303);
    const audits = await db().selectFrom('audit_log').select('detail').where('action', '=', 'login').where('detail', 'like', '%"factor":"recovery"%').execute();
    expect(audits.length).toBeGreaterThanOrEqual(2);
  });

  it('switches TOTP off only with the password and a valid code', async () => {
    const client = new TestClient(t.app);
    await signUp(client, 'disable@shop.example');
    const { authenticator, recoveryCodes } = await enrolTotp(client);
    await client.get('/account/security');
    const code = await authenticator.nextCode();

    const wrongPassword = await client.post('/account/security/totp/disable', { password: 'not my password at all', code });
    expect(wrongPassword.statusCode).toBe(400);
    expect(wrongPassword.body).toContain('The password or the code is not right');
    const wrongCode = await client.post('/account/security/totp/disable', { password: STRONG_PASSWORD, code: await authenticator.wrongCode() });
    expect(wrongCode.statusCode).toBe(400);
    expect((await userRow('disable@shop.example')).totp_enabled_at).not.toBeNull();

    // The code offered with the wrong password was not spent.
    const done = await client.post('/account/security/totp/disable', { password: STRONG_PASSWORD, code });
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe('/account/security?notice=disabled');
    const row = await userRow('disable@shop.example');
    expect(row).toMatchObject({ totp_enabled_at: null, totp_secret_enc: null, totp_last_step: null });
    expect(await db().selectFrom('recovery_codes').select('id').where('user_id', '=', row.id).execute()).toHaveLength(0);
    expect(await db().selectFrom('audit_log').select('id').where('user_id', '=', row.id).where('detail', 'like', '%"totp":"disabled"%').execute()).toHaveLength(1);

    await client.post('/logout');
    await client.get('/login');
    const login = await client.post('/login', { email: 'disable@shop.example', password: STRONG_PASSWORD });
    expect(login.headers.location).toBe('/orgs');
    expect(recoveryCodes).toHaveLength(10);
  });

  it('makes new recovery codes only with a code, and the old set stops working', async () => {
    const client = new TestClient(t.app);
    await signUp(client, 'regen@shop.example');
    const { authenticator, recoveryCodes: oldCodes } = await enrolTotp(client);
    await client.get('/account/security');
    expect((await client.post('/account/security/recovery-codes', { code: await authenticator.wrongCode() })).statusCode).toBe(400);
    const fresh = await client.post('/account/security/recovery-codes', { code: await authenticator.nextCode() });
    expect(fresh.statusCode).toBe(200);
    const newCodes = recoveryCodesIn(fresh.body);
    expect(newCodes).toHaveLength(10);
    expect(newCodes).not.toContain(oldCodes[0]);
    const user = await userRow('regen@shop.example');
    expect(await db().selectFrom('audit_log').select('id').where('user_id', '=', user.id).where('detail', 'like', '%"recoveryCodes":"regenerated"%').execute()).toHaveLength(1);

    await client.post('/logout');
    await passwordStep(client, 'regen@shop.example');
    expect((await client.post('/login/totp', { code: oldCodes[0] ?? '' })).statusCode).toBe(401);
    expect((await client.post('/login/totp', { code: newCodes[0] ?? '' })).statusCode).toBe(303);
  });

  it('records each accepted time step: same or older steps refused, the window is one step either side', async () => {
    const user = await createUser(db(), { email: 'steps@shop.example', displayName: 'Steps', password: STRONG_PASSWORD });
    const secret = (await beginTotpSetup(db(), TEST_SECRET_BOX, user.id)) ?? '';
    const reload = () => db().selectFrom('users').selectAll().where('id', '=', user.id).executeTakeFirstOrThrow();
    const t0 = Date.UTC(2026, 10, 22, 12, 0, 10);
    const at = (seconds: number): Date => new Date(t0 + seconds * 1000);
    const code = (seconds: number): string => codeAt(secret, t0 + seconds * 1000);

    expect(await confirmTotpSetup(db(), TEST_SECRET_BOX, await reload(), code(0), at(0))).toBe(true);
    expect(Number((await reload()).totp_last_step)).toBe(Math.floor(t0 / 30_000));
    expect(await acceptTotpCode(db(), TEST_SECRET_BOX, await reload(), code(0), at(1))).toBe(false);
    expect(await acceptTotpCode(db(), TEST_SECRET_BOX, await reload(), code(30), at(30))).toBe(true);
    // Still inside the window, but not newer than the last accepted step.
    expect(await acceptTotpCode(db(), TEST_SECRET_BOX, await reload(), code(0), at(30))).toBe(false);
    expect(await acceptTotpCode(db(), TEST_SECRET_BOX, await reload(), code(90), at(30))).toBe(false);
    expect(await acceptTotpCode(db(), TEST_SECRET_BOX, await reload(), code(60), at(30))).toBe(true);
    expect(await acceptTotpCode(db(), TEST_SECRET_BOX, await reload(), '12345', at(30))).toBe(false);
  });
});

describe.each(DIALECTS)('wrong second-factor codes count toward the sign-in limit (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(dialect, { config: { loginLimit: { perPair: 3, perAccount: 100, perIp: 100, windowMs: 60_000 } } });
  });
  afterAll(async () => {
    await t.close();
  });

  it('refuses even the right code after three wrong ones, with the clear message, and a new password step does not reset it', async () => {
    const client = new TestClient(t.app);
    await signUp(client, 'guess@shop.example');
    const { authenticator } = await enrolTotp(client);
    await client.post('/logout');
    await passwordStep(client, 'guess@shop.example');
    expect((await client.post('/login/totp', { code: await authenticator.wrongCode() })).statusCode).toBe(401);
    expect((await client.post('/login/totp', { code: await authenticator.wrongCode() })).statusCode).toBe(401);
    // Signing in with the password again must not wipe the count of wrong codes.
    await passwordStep(client, 'guess@shop.example');
    expect((await client.post('/login/totp', { code: await authenticator.wrongCode() })).statusCode).toBe(401);
    const blocked = await client.post('/login/totp', { code: await authenticator.nextCode() });
    expect(blocked.statusCode).toBe(429);
    expect(blocked.headers['retry-after']).toMatch(/^\d+$/);
    expect(blocked.body).toMatch(/role="alert">Too many failed attempts to sign in\. For your safety, wait a minute/);
    expect((await client.get('/account')).statusCode).toBe(303);
    await client.get('/login');
    expect((await client.post('/login', { email: 'guess@shop.example', password: STRONG_PASSWORD })).statusCode).toBe(429);
  });
});
