import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { safeNext } from '../src/accounts/auth-routes.js';
import { DIALECTS, signUp, startTestApp, TestClient, type TestApp } from './web/harness.js';

describe.each(DIALECTS)('sign up and sign in (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(dialect);
  });
  afterAll(async () => {
    await t.close();
  });

  it('creates an account, signs out and signs in again', async () => {
    const client = new TestClient(t.app);
    await signUp(client, 'owner@shop.example');
    const orgs = await client.get('/orgs');
    expect(orgs.statusCode).toBeLessThan(500);
    await client.post('/logout');
    expect(client.cookies.has('wb_session')).toBe(false);
    const login = await client.post('/login', { email: 'OWNER@shop.example', password: 'correct horse battery 42' });
    expect(login.statusCode).toBe(303);
    expect(login.headers.location).toBe('/orgs');
  });

  it('refuses a short password with the reason, in Dutch for a Dutch browser', async () => {
    const client = new TestClient(t.app, { 'accept-language': 'nl-NL,nl;q=0.9,en;q=0.5' });
    await client.get('/signup');
    const response = await client.post('/signup', { email: 'kort@shop.example', name: 'Kort', password: 'kort wachtw' });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('minstens 12 tekens');
  });

  it('refuses a form without a CSRF token', async () => {
    const client = new TestClient(t.app);
    await client.get('/login');
    const response = await client.post('/login', { email: 'x@shop.example', password: 'whatever whatever' }, { csrf: false });
    expect(response.statusCode).toBe(403);
  });
});

describe.each(DIALECTS)('sign-in limits under parallel attempts (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(dialect, { config: { loginLimit: { perPair: 5, perAccount: 100, perIp: 100, windowMs: 60_000 } } });
  });
  afterAll(async () => {
    await t.close();
  });

  it('lets at most the per-account limit of simultaneous wrong passwords be checked', async () => {
    await signUp(new TestClient(t.app), 'target@shop.example');
    const clients = Array.from({ length: 20 }, () => new TestClient(t.app));
    await Promise.all(clients.map((client) => client.get('/login')));
    const answers = await Promise.all(clients.map((client) => client.post('/login', { email: 'target@shop.example', password: 'wrong password number 1' })));
    const statuses = answers.map((answer) => answer.statusCode);
    expect(statuses.filter((status) => status === 401).length).toBeLessThanOrEqual(5);
    expect(statuses.filter((status) => status === 429).length).toBeGreaterThanOrEqual(15);
    expect(statuses.every((status) => status === 401 || status === 429)).toBe(true);
  });
});

describe('where sign-in may send the browser next', () => {
  it('keeps same-site paths and refuses everything that could leave the site', () => {
    expect(safeNext('/orgs/abc?x=1')).toBe('/orgs/abc?x=1');
    for (const hostile of ['//evil.example', '/\\evil.example', '/\t/evil.example', '/\n/evil.example', 'https://evil.example', 'evil', '/a\u0000b', undefined]) {
      expect(safeNext(hostile), JSON.stringify(hostile)).toBe('/orgs');
    }
  });
});

describe.each(DIALECTS)('hostile form input (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(dialect);
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers a NUL character with a 400 naming the field, not a database error', async () => {
    const client = new TestClient(t.app);
    await signUp(client, 'nul@shop.example');
    const response = await client.post('/orgs', { name: 'Shop\u0000', kind: 'webshop' });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('the field “name” contains a NUL character');
  });

  it('answers two simultaneous sign-ups with one address with one account and a 409', async () => {
    const [a, b] = [new TestClient(t.app), new TestClient(t.app)];
    await Promise.all([a.get('/signup'), b.get('/signup')]);
    const fields = { email: 'twice@shop.example', name: 'Twice', password: 'correct horse battery 42' };
    const statuses = (await Promise.all([a.post('/signup', fields), b.post('/signup', fields)])).map((r) => r.statusCode).sort();
    expect(statuses).toEqual([303, 409]);
  });

  it('marks every dynamic answer no-store, including downloads', async () => {
    const client = new TestClient(t.app);
    expect((await client.get('/login')).headers['cache-control']).toBe('no-store');
    expect((await client.get('/healthz')).headers['cache-control']).toBe('no-store');
    expect((await client.get('/static/app.css')).headers['cache-control']).not.toBe('no-store');
    expect((await client.get('/login')).headers['permissions-policy']).toContain('camera=()');
  });
});
