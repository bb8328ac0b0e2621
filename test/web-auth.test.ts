import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
