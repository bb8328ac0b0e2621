/**
 * `weerbaar serve`, `worker` and `admin create` as an operator runs them: real processes
 * on 127.0.4.x with a temporary data folder. Bad settings exit 2 naming the flag or
 * variable; SIGTERM lets a running request finish, hands a running scan back, exits 0.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main, type Io } from '../src/cli/main.js';
import { EXAMPLE_ANSWERS } from '../src/privacy-statement/generator/index.js';
import { createTestDatabase } from './web/harness.js';
import { HttpClient, runCli, seedQueuedScan, SLOW_DOMAIN, startServeProcess, startSlowSite, stopProcess, waitUntil, type SlowSite } from './server-harness.js';

const HOST = '127.0.4.1';
const PASSWORD = 'correct horse battery 42';

async function run(argv: string[], env: Record<string, string> = {}): Promise<{ code: number; err: string }> {
  let err = '';
  const io: Io = { out: () => undefined, err: (text) => (err += text), env, isTty: false };
  return { code: await main(argv, io), err };
}

const tempDirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'weerbaar-serve-'));
  tempDirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

describe('serve, worker and admin settings', () => {
  const notPem = join(mkdtempSync(join(tmpdir(), 'weerbaar-pem-')), 'x.pem');
  writeFileSync(notPem, 'hello\n');
  const badAnswers = join(mkdtempSync(join(tmpdir(), 'weerbaar-answers-')), 'answers.json');
  writeFileSync(badAnswers, JSON.stringify({ ...EXAMPLE_ANSWERS, controller: { ...EXAMPLE_ANSWERS.controller, email: 'nobody' } }));
  it.each([
    [['serve', '--bogus'], {}, /--bogus/],
    [['serve', '--port', '99999'], {}, /--port: '99999'/],
    [['serve', '--port', 'http'], {}, /--port/],
    [['serve'], { PORT: '80a' }, /PORT: '80a'/],
    [['serve', '--host', 'not a host'], {}, /--host/],
    [['serve', '--workers', '-1'], {}, /--workers/],
    [['serve', '--workers', '0'], {}, /--workers: 0 needs DATABASE_URL/],
    [['serve'], { WEERBAAR_WORKERS: 'many' }, /WEERBAAR_WORKERS/],
    [['serve'], { DATABASE_URL: 'mysql://db/weerbaar' }, /DATABASE_URL: must start with postgres/],
    [['serve'], { WEERBAAR_SECRET: 'abc' }, /WEERBAAR_SECRET: must be 64 hex/],
    [['serve'], { WEERBAAR_BASE_URL: 'ftp://example.org' }, /WEERBAAR_BASE_URL/],
    [['serve'], { WEERBAAR_TRUST_PROXY: 'the proxy' }, /WEERBAAR_TRUST_PROXY: 'the proxy'/],
    [['serve'], { WEERBAAR_SIGNUP: 'maybe' }, /WEERBAAR_SIGNUP: 'maybe'/],
    [['serve'], { SMTP_URL: 'http://relay.example' }, /SMTP_URL: must start with smtp/],
    [['serve'], { SMTP_URL: 'smtp://relay.example:587' }, /MAIL_FROM/],
    [['serve'], { WEERBAAR_SCAN_RESOLVER: 'dns.example' }, /WEERBAAR_SCAN_RESOLVER: 'dns.example'/],
    [['serve'], { WEERBAAR_SCAN_CA_FILE: '/nonexistent/ca.pem' }, /WEERBAAR_SCAN_CA_FILE: cannot read/],
    [['serve'], { WEERBAAR_SCAN_CA_FILE: notPem }, /WEERBAAR_SCAN_CA_FILE: .* holds no PEM/],
    [['serve'], { WEERBAAR_SCAN_ALLOW_PRIVATE: 'sure' }, /WEERBAAR_SCAN_ALLOW_PRIVATE/],
    [['serve'], { WEERBAAR_SCAN_TIMEOUT: '0' }, /WEERBAAR_SCAN_TIMEOUT: '0'/],
    [['serve'], { WEERBAAR_JOB_EXPIRE_SECONDS: 'soon' }, /WEERBAAR_JOB_EXPIRE_SECONDS/],
    [['serve'], { WEERBAAR_LOG_LEVEL: 'loud' }, /WEERBAAR_LOG_LEVEL/],
    [['serve'], { WEERBAAR_PRIVACY_ANSWERS: '/nonexistent/answers.json' }, /WEERBAAR_PRIVACY_ANSWERS: cannot read '\/nonexistent\/answers.json'/],
    [['serve'], { WEERBAAR_PRIVACY_ANSWERS: notPem }, /WEERBAAR_PRIVACY_ANSWERS: cannot read .* as JSON/],
    [['serve'], { WEERBAAR_PRIVACY_ANSWERS: badAnswers }, /WEERBAAR_PRIVACY_ANSWERS: .* has wrong answers: controller.email must be an e-mail address/],
    [['worker'], {}, /workers need DATABASE_URL=postgres:\/\/.*on SQLite the server runs scans itself/],
    [['worker', '--workers', '0'], { DATABASE_URL: 'postgres://127.0.0.1/x' }, /--workers/],
    [['admin'], {}, /admin create/],
    [['admin', 'delete'], {}, /unknown action 'delete'/],
    [['admin', 'create'], {}, /--email/],
    [['admin', 'create', '--email', 'not-an-address'], {}, /--email: 'not-an-address'/],
    [['admin', 'create', '--email', 'a@example.org'], { WEERBAAR_ADMIN_PASSWORD: 'short' }, /password is shorter than 12/],
    [['admin', 'create', '--email', 'a@example.org'], { WEERBAAR_ADMIN_PASSWORD: 'password1234' }, /common passwords/],
  ] as [string[], Record<string, string>, RegExp][])('%j %j exits 2 naming the setting', async (argv, env, message) => {
    const { code, err } = await run(argv, env);
    expect(err).toMatch(message);
    expect(code).toBe(2);
  });

  it('exits 2 from the real process too', async () => {
    const cli = runCli(['serve', '--port', 'eighty']);
    expect(await cli.exited).toBe(2);
    expect(cli.output()).toMatch(/--port: 'eighty'/);
  });
});

describe('weerbaar serve on SQLite', () => {
  it('answers /healthz, and admin create makes an account that can sign in', async () => {
    const data = tempDir();
    const env = { WEERBAAR_DATA: data };
    const created = runCli(['admin', 'create', '--email', 'Admin@Example.org', '--name', 'The Admin'], env, { stdin: `${PASSWORD}\n` });
    expect(await created.exited, created.output()).toBe(0);
    expect(created.output()).toMatch(/Administrator admin@example\.org created/);
    expect(created.output()).toMatch(/weerbaar serve/);

    const again = runCli(['admin', 'create', '--email', 'admin@example.org'], { ...env, WEERBAAR_ADMIN_PASSWORD: PASSWORD });
    expect(await again.exited).toBe(1);
    expect(again.output()).toMatch(/already has an account/);

    const server = await startServeProcess(['--host', HOST, '--port', '0'], env);
    try {
      expect(server.url).toMatch(new RegExp(`^http://${HOST.replace(/\./g, '\\.')}:\\d+$`));
      const health = await fetch(`${server.url}/healthz`);
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({ status: 'ok', database: 'sqlite', queue: 'in-process' });

      const browser = new HttpClient(server.url);
      await browser.get('/login');
      expect(browser.csrf).toBeTruthy();
      const wrong = await browser.post('/login', { email: 'admin@example.org', password: 'not the password at all' });
      expect(wrong.status).toBe(401);
      const signIn = await browser.post('/login', { email: 'admin@example.org', password: PASSWORD });
      expect(signIn.status).toBe(303);
      expect(browser.cookies.get('wb_session')).toBeTruthy();
      const home = await browser.get('/orgs');
      expect(home.status).toBe(200);
      expect(home.body).toContain('action="/logout"');
    } finally {
      expect(await stopProcess(server)).toBe(0);
    }
    const db = new SqliteDatabase(join(data, 'weerbaar.sqlite'), { readonly: true });
    expect(db.prepare('SELECT is_admin, display_name FROM users WHERE email = ?').get('admin@example.org')).toEqual({ is_admin: 1, display_name: 'The Admin' });
    db.close();
  });

  it('refuses to start on a port in use, with exit code 1', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, HOST, resolve));
    const port = (blocker.address() as net.AddressInfo).port;
    const cli = runCli(['serve', '--host', HOST, '--port', String(port)], { WEERBAAR_DATA: tempDir() });
    expect(await cli.exited).toBe(1);
    expect(cli.output()).toMatch(/EADDRINUSE/);
    blocker.close();
  });
});

describe('graceful shutdown', () => {
  let site: SlowSite;
  beforeAll(async () => {
    site = await startSlowSite('127.0.4.80', '127.0.4.53', Number.POSITIVE_INFINITY);
  });
  afterAll(async () => {
    await site.close();
  });

  it('on SIGTERM finishes the request in flight, hands the running scan back, exits 0; a restart completes the scan', async () => {
    const database = await createTestDatabase('sqlite');
    const scanId = await seedQueuedScan(database.handle.db, SLOW_DOMAIN);
    await database.handle.close();
    const env = { WEERBAAR_DATA: database.dataDir, WEERBAAR_SHUTDOWN_GRACE: '2', ...site.scanEnv };
    const file = join(database.dataDir, 'weerbaar.sqlite');
    const reader = new SqliteDatabase(file, { readonly: true });
    const scanRow = (): { status: string; attempts: number; result_json: string | null } =>
      reader.prepare('SELECT status, attempts, result_json FROM scans WHERE id = ?').get(scanId) as { status: string; attempts: number; result_json: string | null };

    site.setStall(Number.POSITIVE_INFINITY); // the scan hangs on the site until released
    const server = await startServeProcess(['--host', HOST, '--port', '0'], env);
    await waitUntil('the scan to run', () => (scanRow().status === 'running' ? true : undefined));

    // A sign-up being handled (argon2 takes a while) when the signal comes must still be answered.
    const browser = new HttpClient(server.url);
    await browser.get('/signup');
    const signUp = browser.post('/signup', { email: 'late@example.org', name: 'Late', password: PASSWORD });
    await server.waitFor(/"method":"POST","url":"\/signup"/);
    const signalAt = Date.now();
    server.child.kill('SIGTERM');
    expect((await signUp).status).toBe(303);
    expect(await server.exited).toBe(0);
    // The grace period is 2 s; the scan does not finish in it and is handed back.
    expect(Date.now() - signalAt).toBeLessThan(10_000);
    expect(scanRow()).toMatchObject({ status: 'queued', attempts: 1, result_json: null });
    expect(reader.prepare('SELECT count(*) AS n FROM users WHERE email = ?').get('late@example.org')).toEqual({ n: 1 });

    site.setStall(50);
    const restarted = await startServeProcess(['--host', HOST, '--port', '0'], env);
    try {
      await waitUntil('the scan to finish after the restart', () => (scanRow().status === 'done' ? true : undefined), 60_000);
      expect(scanRow().attempts).toBe(2);
      expect(JSON.parse(scanRow().result_json ?? 'null')).toMatchObject({ target: SLOW_DOMAIN });
    } finally {
      expect(await stopProcess(restarted)).toBe(0);
      reader.close();
      await database.drop();
    }
  });
});
