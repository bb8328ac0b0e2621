import type { FastifyRequest } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrg } from '../src/orgs/data.js';
import { orgContext, Redirect } from '../src/web/context.js';
import { enrolTotp } from './web/authenticator.js';
import { DIALECTS, signUp, startTestApp, STRONG_PASSWORD, TestClient, type TestApp } from './web/harness.js';

async function signIn(client: TestClient, email: string, password = STRONG_PASSWORD): Promise<number> {
  await client.get('/login');
  return (await client.post('/login', { email, password })).statusCode;
}

describe.each(DIALECTS)('the account page (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(dialect);
  });
  afterAll(async () => {
    await t.close();
  });
  const db = (): TestApp['database']['handle']['db'] => t.database.handle.db;
  const userRow = (email: string) => db().selectFrom('users').selectAll().where('email', '=', email).executeTakeFirstOrThrow();

  it('needs a signed-in user', async () => {
    const response = await new TestClient(t.app).get('/account');
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/login?next=%2Faccount');
  });

  it('lists the active sessions with this device marked', async () => {
    const laptop = new TestClient(t.app, { 'user-agent': 'Laptop Browser/1.0' });
    await signUp(laptop, 'sessions@shop.example', 'Sanne Jansen');
    const phone = new TestClient(t.app, { 'user-agent': 'Phone Browser/2.0' });
    expect(await signIn(phone, 'sessions@shop.example')).toBe(303);
    const page = await laptop.get('/account');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('value="Sanne Jansen"');
    expect(page.body).toContain('sessions@shop.example');
    const rows = page.body.split('<tr>').slice(2);
    expect(rows).toHaveLength(2);
    const laptopRow = rows.find((row) => row.includes('Laptop Browser/1.0')) ?? '';
    const phoneRow = rows.find((row) => row.includes('Phone Browser/2.0')) ?? '';
    expect(laptopRow).toContain('This device');
    expect(phoneRow).not.toContain('This device');
    expect(phoneRow).toContain('<td>127.0.0.1</td>');
    expect(phoneRow).toMatch(/<time datetime="\d{4}-\d\d-\d\dT/);
  });

  it('saves name and language; the pages follow the chosen language, or the browser when unset', async () => {
    const client = new TestClient(t.app, { 'accept-language': 'sv-SE,sv;q=0.9' });
    await signUp(client, 'lang@shop.example');
    await client.get('/account');
    const saved = await client.post('/account/profile', { name: '  Pieter de Vries ', lang: 'nl' });
    expect(saved.statusCode).toBe(303);
    const dutch = await client.get(saved.headers.location as string);
    expect(dutch.body).toContain('<html lang="nl">');
    expect(dutch.body).toContain('Uw wijzigingen zijn opgeslagen.');
    expect(dutch.body).toContain('value="Pieter de Vries"');
    expect(await userRow('lang@shop.example')).toMatchObject({ lang: 'nl', display_name: 'Pieter de Vries' });

    await client.post('/account/profile', { name: 'Pieter de Vries', lang: '' });
    expect((await userRow('lang@shop.example')).lang).toBeNull();
    const swedish = await client.get('/account');
    expect(swedish.body).toContain('<html lang="sv">');
    expect(swedish.body).toContain('Ditt konto');

    const bad = await client.post('/account/profile', { name: 'Pieter', lang: 'de' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('fältet ”lang” har ett värde som inte kan godtas');
    const empty = await client.post('/account/profile', { name: '   ', lang: 'en' });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toMatch(/role="alert"[^>]*>Ange ditt namn\./);
  });

  it('changes the password under the policy and signs out the other devices', async () => {
    const client = new TestClient(t.app);
    await signUp(client, 'change@shop.example');
    const other = new TestClient(t.app);
    expect(await signIn(other, 'change@shop.example')).toBe(303);
    await client.get('/account');

    const wrongCurrent = await client.post('/account/password', { current: 'not the password!', password: 'a brand new passphrase' });
    expect(wrongCurrent.statusCode).toBe(400);
    expect(wrongCurrent.body).toMatch(/role="alert"[^>]*>The current password is not right\./);
    const short = await client.post('/account/password', { current: STRONG_PASSWORD, password: 'too short' });
    expect(short.statusCode).toBe(400);
    expect(short.body).toContain('The password needs at least 12 characters.');
    const common = await client.post('/account/password', { current: STRONG_PASSWORD, password: 'Wachtwoord2024!' });
    expect(common.statusCode).toBe(400);
    expect(common.body).toContain('on the list of passwords attackers try first');
    expect((await other.get('/account')).statusCode).toBe(200);

    const changed = await client.post('/account/password', { current: STRONG_PASSWORD, password: 'a brand new passphrase' });
    expect(changed.statusCode).toBe(303);
    expect((await client.get(changed.headers.location as string)).body).toContain('Your password is changed.');
    expect((await other.get('/account')).statusCode).toBe(303);
    const user = await userRow('change@shop.example');
    expect(await db().selectFrom('audit_log').select('id').where('user_id', '=', user.id).where('detail', 'like', '%"password":"changed"%').execute()).toHaveLength(1);

    const fresh = new TestClient(t.app);
    expect(await signIn(fresh, 'change@shop.example')).toBe(401);
    expect(await signIn(fresh, 'change@shop.example', 'a brand new passphrase')).toBe(303);
  });

  it('signs out everywhere: every session of the user ends, other users keep theirs', async () => {
    const a = new TestClient(t.app);
    await signUp(a, 'everywhere@shop.example');
    const b = new TestClient(t.app);
    expect(await signIn(b, 'everywhere@shop.example')).toBe(303);
    const bystander = new TestClient(t.app);
    await signUp(bystander, 'bystander@shop.example');

    await a.get('/account');
    const out = await a.post('/account/sign-out-everywhere');
    expect(out.statusCode).toBe(303);
    expect(out.headers.location).toBe('/login');
    expect(a.cookies.has('wb_session')).toBe(false);
    expect((await b.get('/account')).statusCode).toBe(303);
    expect((await bystander.get('/account')).statusCode).toBe(200);
    const user = await userRow('everywhere@shop.example');
    const live = await db().selectFrom('sessions').select('id').where('user_id', '=', user.id).where('revoked_at', 'is', null).execute();
    expect(live).toHaveLength(0);
  });

  it('sends members of an organisation that requires TOTP to set it up, naming that organisation', async () => {
    const client = new TestClient(t.app);
    await signUp(client, 'required@shop.example');
    const user = await userRow('required@shop.example');
    const org = await createOrg(db(), { name: 'Bakkerij Strict', kind: 'webshop', ownerId: user.id });
    const relaxed = await createOrg(db(), { name: 'Relaxed Shop', kind: 'webshop', ownerId: user.id });
    const strangerOwner = new TestClient(t.app);
    await signUp(strangerOwner, 'stranger@shop.example');
    const foreign = await createOrg(db(), { name: 'Not Your Org', kind: 'webshop', ownerId: (await userRow('stranger@shop.example')).id });
    await db().updateTable('orgs').set({ require_totp: 1 }).where('id', 'in', [org.id, foreign.id]).execute();

    const asRequest = async (): Promise<FastifyRequest> => ({ user: await userRow('required@shop.example'), server: t.app }) as unknown as FastifyRequest;
    const redirect = await orgContext(await asRequest(), org.id).catch((error: unknown) => error);
    expect(redirect).toBeInstanceOf(Redirect);
    expect((redirect as Redirect).location).toBe(`/account/security?requiredBy=${org.id}`);
    await expect(orgContext(await asRequest(), relaxed.id)).resolves.toMatchObject({ role: 'owner' });

    const page = await client.get((redirect as Redirect).location);
    expect(page.body.replace(/<\/?bdi>/g, '')).toMatch(/role="status">Bakkerij Strict asks all its members to use two-step sign-in/);
    expect(page.body).toContain(`name="requiredBy" value="${org.id}"`);
    // An organisation the user does not belong to is never named.
    const probe = await client.get(`/account/security?requiredBy=${foreign.id}`);
    expect(probe.statusCode).toBe(200);
    expect(probe.body).not.toContain('Not Your Org');

    const { recoveryCodes } = await enrolTotp(client);
    expect(recoveryCodes).toHaveLength(10);
    await expect(orgContext(await asRequest(), org.id)).resolves.toMatchObject({ org: { id: org.id }, role: 'owner' });
    const enabled = await client.get(`/account/security?requiredBy=${org.id}`);
    expect(enabled.body).toContain(`<a href="/orgs/${org.id}">Continue to <bdi>Bakkerij Strict</bdi></a>`);
    expect(enabled.body).toContain('You will not be able to open the pages of Bakkerij Strict');
  });
});

describe.each(DIALECTS)('sign-in limit per account and address (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(dialect, { config: { loginLimit: { perPair: 3, perAccount: 100, perIp: 100, windowMs: 60_000 } } });
  });
  afterAll(async () => {
    await t.close();
  });

  it('refuses the right password after three wrong ones, while another account from the same address signs in', async () => {
    await signUp(new TestClient(t.app), 'target@shop.example');
    await signUp(new TestClient(t.app), 'neighbour@shop.example');
    const attacker = new TestClient(t.app);
    for (let i = 0; i < 3; i++) expect(await signIn(attacker, 'target@shop.example', `wrong guess number ${i}`)).toBe(401);
    await attacker.get('/login');
    const blocked = await attacker.post('/login', { email: 'TARGET@shop.example', password: STRONG_PASSWORD });
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect(blocked.body).toMatch(/role="alert">Too many failed attempts to sign in\. For your safety, wait a minute and try again\./);
    expect(attacker.cookies.has('wb_session')).toBe(false);
    expect(await signIn(new TestClient(t.app), 'neighbour@shop.example')).toBe(303);
  });

  it('counts a wrong current password on the account page too', async () => {
    const client = new TestClient(t.app);
    await signUp(client, 'stolen-session@shop.example');
    await client.get('/account');
    for (let i = 0; i < 3; i++) expect((await client.post('/account/password', { current: `guess ${i} at the password`, password: 'a brand new passphrase' })).statusCode).toBe(400);
    const blocked = await client.post('/account/password', { current: STRONG_PASSWORD, password: 'a brand new passphrase' });
    expect(blocked.statusCode).toBe(429);
    expect(blocked.body).toContain('Too many failed attempts to sign in.');
  });
});

describe.each(DIALECTS)('sign-in limit per address (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    // The client's address comes from X-Forwarded-For, as behind a reverse proxy.
    t = await startTestApp(dialect, { config: { trustProxy: true, loginLimit: { perPair: 100, perAccount: 100, perIp: 3, windowMs: 60_000 } } });
  });
  afterAll(async () => {
    await t.close();
  });

  it('refuses every account from an address after three failures there, not from another address', async () => {
    await signUp(new TestClient(t.app, { 'x-forwarded-for': '10.0.0.50' }), 'victim@shop.example');
    const spray = new TestClient(t.app, { 'x-forwarded-for': '10.0.0.66' });
    for (const email of ['a@shop.example', 'b@shop.example', 'victim@shop.example']) expect(await signIn(spray, email, 'spraying a password')).toBe(401);
    await spray.get('/login');
    const blocked = await spray.post('/login', { email: 'victim@shop.example', password: STRONG_PASSWORD });
    expect(blocked.statusCode).toBe(429);
    expect(blocked.body).toContain('Too many failed attempts to sign in.');
    expect(await signIn(new TestClient(t.app, { 'x-forwarded-for': '10.0.0.77' }), 'victim@shop.example')).toBe(303);
  });
});
