/**
 * Sign-in limits that a stranger cannot turn against the owner: failures count per
 * account and address (with a growing wait), and a ceiling per account stops a crowd of
 * addresses but not the owner's own (login-throttle.ts, docs/decisions.md).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clearPairFailures, pairBackoffMs, reserveAttempt, type ThrottleLimits } from '../src/accounts/login-throttle.js';
import { createTestDatabase, DIALECTS, signUp, startTestApp, STRONG_PASSWORD, TestClient, type TestApp, type TestDatabase } from './web/harness.js';

const from = (t: TestApp, ip: string): TestClient => new TestClient(t.app, { 'x-forwarded-for': ip });

async function signIn(client: TestClient, email: string, password = STRONG_PASSWORD): Promise<number> {
  await client.get('/login');
  return (await client.post('/login', { email, password })).statusCode;
}

describe.each(DIALECTS)('failures from one address do not lock out another (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    // The default limits; the client's address comes from X-Forwarded-For, as behind a reverse proxy.
    t = await startTestApp(dialect, { config: { trustProxy: true } });
  });
  afterAll(async () => {
    await t.close();
  });

  it('lets the owner sign in from their address while the attacker’s address waits', async () => {
    await signUp(from(t, '10.3.0.50'), 'owner@lock.example');
    const attacker = from(t, '10.3.0.66');
    for (let i = 0; i < 5; i++) expect(await signIn(attacker, 'owner@lock.example', `wrong guess number ${i}`)).toBe(401);
    const refused = await signIn(attacker, 'owner@lock.example');
    expect(refused).toBe(429);
    expect(Number(attacker.last?.headers['retry-after'])).toBeGreaterThan(50);
    expect(await signIn(from(t, '10.3.0.51'), 'owner@lock.example')).toBe(303);
    expect(await signIn(from(t, '10.3.0.50'), 'owner@lock.example')).toBe(303);
  });
});

describe.each(DIALECTS)('the wait of one account and address (%s)', (dialect) => {
  let database: TestDatabase;
  const limits: ThrottleLimits = { perPair: 5, perAccount: 1000, perIp: 1000, windowMs: 15 * 60_000 };
  const who = { email: 'pair@lock.example', ip: '10.4.0.1', knownAddress: () => Promise.resolve(false) };
  beforeAll(async () => {
    database = await createTestDatabase(dialect);
  });
  afterAll(async () => {
    await database.drop();
  });

  it('doubles after each failure past the free ones, up to an hour', () => {
    expect([0, 4, 5, 6, 7, 8, 10, 11, 30].map((n) => pairBackoffMs(n, 5) / 60_000)).toEqual([0, 0, 1, 2, 4, 8, 32, 60, 60]);
  });

  it('refuses until the wait has passed, the wait grows, and a success clears it', async () => {
    const db = database.handle.db;
    const start = Date.parse('2026-12-07T10:00:00Z');
    const at = (seconds: number): Date => new Date(start + seconds * 1000);
    for (let i = 0; i < 5; i++) expect((await reserveAttempt(db, limits, who, at(i))).wait).toBe(0);
    // Five failures: the sixth try waits a minute after the fifth.
    expect((await reserveAttempt(db, limits, who, at(5))).wait).toBe(59);
    expect((await reserveAttempt(db, limits, who, at(64))).wait).toBe(0);
    // Six failures: two minutes after the sixth.
    expect((await reserveAttempt(db, limits, who, at(65))).wait).toBe(119);
    expect((await reserveAttempt(db, limits, who, at(183))).wait).toBe(1);
    expect((await reserveAttempt(db, limits, who, at(184))).wait).toBe(0);
    // Seven: four minutes.
    expect((await reserveAttempt(db, limits, who, at(185))).wait).toBe(239);
    // Another address is not affected, nor is this account from there.
    expect((await reserveAttempt(db, limits, { ...who, ip: '10.4.0.2' }, at(185))).wait).toBe(0);
    await clearPairFailures(db, who.email, who.ip);
    expect((await reserveAttempt(db, limits, who, at(186))).wait).toBe(0);
  });
});

describe.each(DIALECTS)('the ceiling per account (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(dialect, { config: { trustProxy: true, loginLimit: { perPair: 5, perAccount: 6, perIp: 100, windowMs: 15 * 60_000 } } });
  });
  afterAll(async () => {
    await t.close();
  });

  it('stops a crowd of addresses, new addresses even with the right password, but not an address the owner used before', async () => {
    await signUp(from(t, '10.5.0.50'), 'crowd@lock.example');
    for (let i = 1; i <= 6; i++) expect(await signIn(from(t, `10.5.1.${i}`), 'crowd@lock.example', `crowd guess ${i}`)).toBe(401);
    expect(await signIn(from(t, '10.5.1.7'), 'crowd@lock.example', 'crowd guess 7')).toBe(429);
    const newcomer = from(t, '10.5.2.1');
    expect(await signIn(newcomer, 'crowd@lock.example')).toBe(429);
    expect(newcomer.last?.body).toContain('Too many failed attempts to sign in.');
    expect(Number(newcomer.last?.headers['retry-after'])).toBeGreaterThan(3000);
    // The owner's own address (a session from it lately) still gets in, under its own pair limit.
    expect(await signIn(from(t, '10.5.0.50'), 'crowd@lock.example')).toBe(303);
    const known = from(t, '10.5.0.50');
    for (let i = 0; i < 5; i++) expect(await signIn(known, 'crowd@lock.example', `typo ${i}`)).toBe(401);
    expect(await signIn(known, 'crowd@lock.example')).toBe(429);
  });
});
