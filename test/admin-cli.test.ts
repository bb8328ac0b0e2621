/**
 * `weerbaar admin org create` and `admin token create` as an operator runs them: the built
 * CLI (`npm run build`, then bin/weerbaar.js) in a child process, on a fresh SQLite and a
 * fresh PostgreSQL database, then the app on that same database: the printed token works
 * on the API, the owner sees the organisation, and the audit log names the operator.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { userInfo } from 'node:os';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../src/accounts/users.js';
import { SecretBox } from '../src/core/secret-box.js';
import type { Dialect } from '../src/db/connect.js';
import { InProcessQueue } from '../src/jobs/in-process-queue.js';
import { ScanService } from '../src/jobs/scan-service.js';
import { buildWeerbaarApp } from '../src/server/features.js';
import { DEFAULT_APP_CONFIG } from '../src/web/deps.js';
import { auditOf } from './web/org-helpers.js';
import { createTestDatabase, DIALECTS, MemoryMailer, STRONG_PASSWORD, TestClient, type TestDatabase } from './web/harness.js';

const ROOT = new URL('..', import.meta.url).pathname;
const BIN = `${ROOT}bin/weerbaar.js`;
const OPERATOR = userInfo().username.replace(/[^\w.@-]/g, '_');
/** Names on pages are isolated in <bdi> (issue 13); these tests read the words around them. */
const withoutBdi = (body: string): string => body.replace(/<\/?bdi>/g, '');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

interface Run {
  code: number;
  out: string;
  err: string;
}

/** The installed command, as a person or a script runs it. */
function weerbaar(args: string[], env: Record<string, string>): Promise<Run> {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code: code ?? -1, out, err })));
}

/** Where the CLI finds the test's database: --data for SQLite, DATABASE_URL for PostgreSQL. */
const databaseEnv = (database: TestDatabase): Record<string, string> => (database.url ? { DATABASE_URL: database.url } : { WEERBAAR_DATA: database.dataDir });

async function appOn(database: TestDatabase): Promise<{ app: FastifyInstance; close: () => Promise<void> }> {
  const db = database.handle.db;
  const queue = new InProcessQueue(db);
  const scans = new ScanService(db, queue, {});
  const app = await buildWeerbaarApp({
    database: database.handle,
    secretBox: SecretBox.fromKey(Buffer.alloc(32, 7)),
    mailer: new MemoryMailer(),
    scans,
    config: { ...DEFAULT_APP_CONFIG, logLevel: 'silent' },
  });
  await app.ready();
  return { app, close: async () => { await app.close(); await queue.stop(1000); } };
}

beforeAll(() => {
  if (!existsSync(`${ROOT}dist/bundle/main.js`) || !existsSync(`${ROOT}dist/cli/admin.js`)) throw new Error('run `npm run build` first: these tests run the built CLI');
});

describe.each(DIALECTS)('weerbaar admin org create / token create (%s)', (dialect: Dialect) => {
  let database: TestDatabase;
  let env: Record<string, string>;
  let web: Awaited<ReturnType<typeof appOn>>;

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    env = databaseEnv(database);
    web = await appOn(database);
    await createUser(database.handle.db, { email: 'olga@cli.example', displayName: 'Olga Owner', password: STRONG_PASSWORD, emailVerified: true });
  });
  afterAll(async () => {
    await web?.close();
    await database?.drop();
  });

  const api = (token: string, method: 'GET' | 'POST', url: string, body?: unknown) =>
    web.app.inject({ method, url, headers: { authorization: `Bearer ${token}` }, ...(body ? { payload: body as Record<string, unknown> } : {}) });

  it('creates an organisation with an existing owner, and a token that works on the API; both audited as the operator', async () => {
    const created = await weerbaar(['admin', 'org', 'create', '--name', 'CLI Fietsen', '--owner', 'Olga@CLI.example', '--kind', 'partner'], env);
    expect(created.code, created.err).toBe(0);
    expect(created.out).toMatch(new RegExp(`^${UUID.source.slice(1, -1)}\\n$`));
    expect(created.err).toContain('with owner olga@cli.example');
    const orgId = created.out.trim();
    const db = database.handle.db;
    expect(await db.selectFrom('orgs').select(['name', 'kind']).where('id', '=', orgId).executeTakeFirst()).toEqual({ name: 'CLI Fietsen', kind: 'partner' });
    expect(await db.selectFrom('memberships').innerJoin('users', 'users.id', 'memberships.user_id').select(['users.email', 'memberships.role']).where('org_id', '=', orgId).execute()).toEqual([
      { email: 'olga@cli.example', role: 'owner' },
    ]);

    const issued = await weerbaar(['admin', 'token', 'create', '--org', 'CLI Fietsen', '--name', 'provisioning'], env);
    expect(issued.code, issued.err).toBe(0);
    expect(issued.out).toMatch(/^wb_[A-Za-z0-9_-]{20,}\n$/);
    expect(issued.err).toContain('shown only this once');
    const token = issued.out.trim();
    expect((await api(token, 'GET', '/api/v1/domains')).statusCode).toBe(200);
    const added = await api(token, 'POST', '/api/v1/domains', { name: 'cli-fietsen.example' });
    expect(added.statusCode).toBe(201);
    expect((await db.selectFrom('domains').select('org_id').where('name', '=', 'cli-fietsen.example').executeTakeFirst())?.org_id).toBe(orgId);

    const entries = await auditOf(db, orgId);
    const byOperator = entries.filter((entry) => entry.user_id === null && entry.api_token_id === null);
    // Entries written in the same millisecond have no order between them (ids are random): compare sorted by record type.
    const byType = (a: unknown[], b: unknown[]): number => String(a[1]).localeCompare(String(b[1]));
    expect(byOperator.map((entry) => [entry.action, entry.record_type, JSON.parse(entry.detail ?? '{}') as unknown]).sort(byType)).toEqual([
      ['create', 'api_token', { name: 'provisioning', prefix: token.slice(0, 11), via: 'cli', operator: OPERATOR }],
      ['create', 'membership', { role: 'owner', via: 'cli', operator: OPERATOR }],
      ['create', 'org', { name: 'CLI Fietsen', kind: 'partner', owner: 'olga@cli.example', via: 'cli', operator: OPERATOR }],
    ]);
    expect(byOperator.every((entry) => entry.ip === null)).toBe(true);

    // The owner sees it all on the web: who made the token, and who did what in the log.
    const owner = new TestClient(web.app);
    await owner.get('/login');
    expect((await owner.post('/login', { email: 'olga@cli.example', password: STRONG_PASSWORD })).statusCode).toBe(303);
    expect(withoutBdi((await owner.get(`/orgs/${orgId}/tokens`)).body)).toContain(`Operator ${OPERATOR} (command line)`);
    const log = await owner.get(`/orgs/${orgId}/audit`);
    expect(withoutBdi(log.body).match(new RegExp(`Operator ${OPERATOR} \\(command line\\)`, 'g'))?.length).toBe(3);
  });

  it('invites an owner who has no account yet: the organisation waits for them, the link makes them owner', async () => {
    const created = await weerbaar(['admin', 'org', 'create', '--name', 'Nieuwe Winkel', '--owner', 'nina@cli.example'], { ...env, WEERBAAR_BASE_URL: 'https://weerbaar.example/' });
    expect(created.code, created.err).toBe(0);
    expect(created.out).toMatch(/^[0-9a-f-]{36}\n$/);
    const orgId = created.out.trim();
    const link = /https:\/\/weerbaar\.example\/invitations\/([A-Za-z0-9_-]+)/.exec(created.err);
    expect(link, created.err).not.toBeNull();
    const db = database.handle.db;
    expect(await db.selectFrom('memberships').select('user_id').where('org_id', '=', orgId).execute()).toEqual([]);
    expect((await auditOf(db, orgId)).map((entry) => [entry.record_type, JSON.parse(entry.detail ?? '{}') as unknown])).toEqual([
      ['org', { name: 'Nieuwe Winkel', kind: 'webshop', owner: 'nina@cli.example', via: 'cli', operator: OPERATOR }],
      ['invitation', { email: 'nina@cli.example', role: 'owner', via: 'cli', operator: OPERATOR }],
    ]);

    const nina = new TestClient(web.app);
    const page = await nina.get(`/invitations/${link?.[1] ?? ''}`);
    expect(page.statusCode).toBe(200);
    expect(withoutBdi(page.body)).toContain('The administrator of this Weerbaar instance invites nina@cli.example to join Nieuwe Winkel');
    const joined = await nina.post(`/invitations/${link?.[1] ?? ''}/signup`, { name: 'Nina', password: STRONG_PASSWORD });
    expect(joined.statusCode).toBe(303);
    expect(await db.selectFrom('memberships').select('role').where('org_id', '=', orgId).execute()).toEqual([{ role: 'owner' }]);
  });

  it('takes --org as an id, refuses a name two organisations share (listing their ids) and an unknown one, with exit code 2', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 2; i += 1) {
      const created = await weerbaar(['admin', 'org', 'create', '--name', 'Tweeling', '--owner', 'olga@cli.example'], env);
      expect(created.code, created.err).toBe(0);
      ids.push(created.out.trim());
    }
    const ambiguous = await weerbaar(['admin', 'token', 'create', '--org', 'Tweeling'], env);
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.out).toBe('');
    expect(ambiguous.err).toContain("--org: 2 organisations are named 'Tweeling'");
    for (const id of ids) expect(ambiguous.err).toContain(id);

    const byId = await weerbaar(['admin', 'token', 'create', '--org', ids[1] ?? ''], env);
    expect(byId.code, byId.err).toBe(0);
    expect((await api(byId.out.trim(), 'GET', '/api/v1/domains')).statusCode).toBe(200);
    const row = await database.handle.db.selectFrom('api_tokens').select(['org_id', 'name', 'created_by']).where('token_hash', 'is not', null).where('org_id', '=', ids[1] ?? '').executeTakeFirst();
    expect(row).toEqual({ org_id: ids[1], name: `weerbaar admin (${OPERATOR})`, created_by: `cli:${OPERATOR}` });

    const unknown = await weerbaar(['admin', 'token', 'create', '--org', 'Niemand BV'], env);
    expect(unknown.code).toBe(2);
    expect(unknown.out).toBe('');
    expect(unknown.err).toContain("--org: no organisation has the id or the exact name 'Niemand BV'");
  });
});

describe('weerbaar admin: bad input and help', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
  });
  afterAll(async () => {
    await database?.drop();
  });

  it.each([
    [['admin', 'org', 'create', '--owner', 'a@b.example'], /--name: required/],
    [['admin', 'org', 'create', '--name', '  ', '--owner', 'a@b.example'], /--name: required/],
    [['admin', 'org', 'create', '--name', 'Shop'], /--owner: required/],
    [['admin', 'org', 'create', '--name', 'Shop', '--owner', 'not-an-address'], /--owner: 'not-an-address' is not an e-mail address/],
    [['admin', 'org', 'create', '--name', 'Shop', '--owner', 'a@b.example', '--kind', 'bank'], /--kind: 'bank' must be one of webshop, partner, hub/],
    [['admin', 'org', 'create', '--name', 'x'.repeat(201), '--owner', 'a@b.example'], /--name: at most 200 characters/],
    [['admin', 'org', 'create', '--name', 'Shop', '--owner', 'a@b.example', '--colour', 'red'], /--colour/],
    [['admin', 'token', 'create'], /--org: required/],
    [['admin', 'token', 'create', '--org', 'Shop', '--name', ''], /--name: required/],
    [['admin', 'org', 'delete'], /unknown action 'org delete'/],
    [['admin', 'token'], /unknown action 'token'/],
  ])('%j exits 2 naming the flag', async (args, message) => {
    const run = await weerbaar(args, { WEERBAAR_DATA: database.dataDir });
    expect(run.err).toMatch(message);
    expect(run.out).toBe('');
    expect(run.code).toBe(2);
  });

  it('refuses a DATABASE_URL that is not PostgreSQL before touching anything', async () => {
    const run = await weerbaar(['admin', 'token', 'create', '--org', 'Shop'], { DATABASE_URL: 'mysql://db/weerbaar' });
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/DATABASE_URL: must start with postgres/);
  });

  it.each([
    [['admin', 'org', 'create', '--help'], /^Usage: weerbaar admin org create --name N --owner EMAIL/],
    [['admin', 'token', 'create', '-h'], /^Usage: weerbaar admin token create --org ID\|NAME/],
    [['admin', 'create', '--help'], /^Usage: weerbaar admin create --email E/],
    [['admin', '--help'], /weerbaar admin org create[\s\S]*weerbaar admin token create/],
  ])('%j prints its own help on stdout', async (args, usage) => {
    const run = await weerbaar(args, {});
    expect(run.code).toBe(0);
    expect(run.out).toMatch(usage);
    expect(run.err).toBe('');
  });
});
