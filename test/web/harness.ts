/**
 * Test harness for the web app: a fresh database per app (a temporary SQLite folder, or
 * a new PostgreSQL database on the machine's server), the real app, and a small
 * cookie-keeping client that fills in the CSRF token like a browser submitting a form.
 * PostgreSQL unreachable is an error, never a skip: CI must fail loudly.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { SecretBox } from '../../src/core/secret-box.js';
import { openDatabase, type DatabaseHandle, type Dialect } from '../../src/db/connect.js';
import { InProcessQueue } from '../../src/jobs/in-process-queue.js';
import { ScanService } from '../../src/jobs/scan-service.js';
import type { ScanRunner } from '../../src/jobs/execute-scan.js';
import type { Mailer, OutgoingMail } from '../../src/mail/mailer.js';
import type { ScanOptions } from '../../src/scan/engine.js';
import { buildWeerbaarApp, migrateAll } from '../../src/server/features.js';
import { DEFAULT_APP_CONFIG, type AppConfig } from '../../src/web/deps.js';

export const DIALECTS: readonly Dialect[] = ['sqlite', 'postgres'];
export const PG_ADMIN_URL = process.env.WEERBAAR_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestDatabase {
  handle: DatabaseHandle;
  url: string | undefined;
  dataDir: string;
  drop(): Promise<void>;
}

/** A new, migrated, empty database of the given dialect. */
export async function createTestDatabase(dialect: Dialect): Promise<TestDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), 'weerbaar-test-'));
  if (dialect === 'sqlite') {
    const handle = openDatabase({ dataDir });
    await migrateAll(handle);
    return { handle, url: undefined, dataDir, drop: async () => { await handle.close(); rmSync(dataDir, { recursive: true, force: true }); } };
  }
  const name = `weerbaar_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  try {
    await admin.connect();
  } catch (error) {
    throw new Error(`PostgreSQL is not reachable at ${PG_ADMIN_URL} (${(error as Error).message}); the PostgreSQL tests cannot run. Start it or set WEERBAAR_TEST_PG.`);
  }
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = PG_ADMIN_URL.replace(/\/[^/]*$/, `/${name}`);
  const handle = openDatabase({ dataDir, databaseUrl: url, poolSize: 5 });
  await migrateAll(handle);
  return {
    handle,
    url,
    dataDir,
    drop: async () => {
      await handle.close();
      const cleanup = new pg.Client({ connectionString: PG_ADMIN_URL });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Collects outgoing mail in memory; tests of real SMTP delivery use smtpMailer instead. */
export class MemoryMailer implements Mailer {
  readonly sent: OutgoingMail[] = [];
  send(mail: OutgoingMail): Promise<void> {
    this.sent.push(mail);
    return Promise.resolve();
  }
  close(): void {}
}

/**
 * Passes every mail on to the real mailer (an SMTP sink in the mail tests) and keeps a
 * copy, so signUp() can follow the verification link whichever mailer a test uses.
 */
export class RecordingMailer implements Mailer {
  readonly sent: OutgoingMail[] = [];
  constructor(private readonly inner: Mailer) {}
  /** Kept even when delivery then fails: a test whose relay is down still signs its users up. */
  async send(mail: OutgoingMail): Promise<void> {
    this.sent.push(mail);
    await this.inner.send(mail);
  }
  close(): void {
    this.inner.close();
  }
}

export interface TestApp {
  app: FastifyInstance;
  database: TestDatabase;
  mailer: Mailer;
  scans: ScanService;
  close(): Promise<void>;
}

export interface TestAppOptions {
  config?: Partial<AppConfig>;
  mailer?: Mailer;
  scanOptions?: ScanOptions;
  /** Replace the scan engine (for queue tests); default is the real runScan. */
  runner?: ScanRunner;
  /** Start the in-process queue (default true). */
  work?: boolean;
}

export async function startTestApp(dialect: Dialect, options: TestAppOptions = {}): Promise<TestApp> {
  const database = await createTestDatabase(dialect);
  const mailer = options.mailer ? new RecordingMailer(options.mailer) : new MemoryMailer();
  const queue = new InProcessQueue(database.handle.db);
  const scans = new ScanService(database.handle.db, queue, options.scanOptions ?? {}, options.runner);
  if (options.work !== false) await scans.startWorking();
  const app = await buildWeerbaarApp({
    database: database.handle,
    secretBox: SecretBox.fromKey(Buffer.alloc(32, 7)),
    mailer,
    scans,
    config: { ...DEFAULT_APP_CONFIG, logLevel: 'silent', ...options.config },
  });
  await app.ready();
  return {
    app,
    database,
    mailer,
    scans,
    close: async () => {
      await app.close();
      await queue.stop(5_000);
      await database.drop();
    },
  };
}

/** A browser-like client over app.inject: keeps cookies, sends the CSRF token with forms. */
export class TestClient {
  readonly cookies = new Map<string, string>();
  csrf: string | undefined;
  last: LightMyRequestResponse | undefined;

  constructor(
    readonly app: FastifyInstance,
    readonly headers: Record<string, string> = {},
  ) {}

  private cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  private remember(response: LightMyRequestResponse): LightMyRequestResponse {
    for (const cookie of response.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]) {
      const expired = cookie.maxAge === 0 || (cookie.expires !== undefined && cookie.expires.getTime() < Date.now()) || cookie.value === '';
      if (expired) this.cookies.delete(cookie.name);
      else this.cookies.set(cookie.name, cookie.value);
    }
    const token = /name="_csrf" value="([^"]+)"/.exec(response.body)?.[1];
    if (token) this.csrf = token;
    this.last = response;
    return response;
  }

  async get(url: string, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    return this.remember(await this.app.inject({ method: 'GET', url, headers: { ...this.headers, cookie: this.cookieHeader(), ...headers } }));
  }

  /** Submit a form the way a browser does (urlencoded, with the page's CSRF token). */
  /** Fields as an object, or as name/value pairs when a name repeats (a group of checkboxes). */
  async post(url: string, fields: Record<string, string> | readonly (readonly [string, string])[] = {}, options: { csrf?: string | false } = {}): Promise<LightMyRequestResponse> {
    if (this.csrf === undefined && options.csrf === undefined) await this.get('/login');
    const token = options.csrf === false ? undefined : (options.csrf ?? this.csrf);
    const pairs: [string, string][] = (Array.isArray(fields) ? (fields as readonly (readonly [string, string])[]) : Object.entries(fields as Record<string, string>)).map(([name, value]) => [name, value]);
    const body = new URLSearchParams([...pairs.filter(([name]) => !token || name !== '_csrf'), ...(token ? [['_csrf', token] as [string, string]] : [])]).toString();
    return this.remember(
      await this.app.inject({
        method: 'POST',
        url,
        payload: body,
        headers: { ...this.headers, cookie: this.cookieHeader(), 'content-type': 'application/x-www-form-urlencoded' },
      }),
    );
  }
}

export const STRONG_PASSWORD = 'correct horse battery 42';

/** The newest link of this kind the app mailed to this address (from a MemoryMailer or RecordingMailer). */
export function lastMailedLink(app: FastifyInstance, email: string, path: '/verify-email/' | '/password/reset/' | '/invitations/'): string | undefined {
  const sent = (app.deps.mailer as Partial<MemoryMailer>).sent ?? [];
  const pattern = new RegExp(`https?://[^\\s/]+(${path.replace(/\//g, '\\/')}[A-Za-z0-9_-]{43})`);
  for (const mail of [...sent].reverse()) {
    if (mail.to !== email.trim().toLowerCase()) continue;
    const found = pattern.exec(mail.text)?.[1];
    if (found) return found;
  }
  return undefined;
}

/** Sign up a new user without proving the address: the client is left on "check your mailbox". */
export async function signUpUnverified(client: TestClient, email: string, name = 'Test User', password = STRONG_PASSWORD): Promise<void> {
  await client.get('/signup');
  const response = await client.post('/signup', { email, name, password });
  if (response.statusCode !== 303) throw new Error(`sign-up failed: ${response.statusCode} ${response.body.slice(0, 300)}`);
}

/** Sign up a new user and follow the verification link from the mail; the client is then signed in. */
export async function signUp(client: TestClient, email: string, name = 'Test User', password = STRONG_PASSWORD): Promise<void> {
  await signUpUnverified(client, email, name, password);
  const link = lastMailedLink(client.app, email, '/verify-email/');
  if (!link) throw new Error(`no verification link was mailed to ${email}`);
  await client.get(link);
  const verified = await client.post(link);
  if (verified.statusCode !== 303 || verified.headers.location !== '/orgs') throw new Error(`verification failed: ${verified.statusCode} ${verified.body.slice(0, 300)}`);
}
