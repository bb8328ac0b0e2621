/**
 * The REST API: token lifecycle (created once, stored hashed, revocable), bearer
 * authentication, schema errors that name the field, keyset paging, scans through the
 * API, and the OpenAPI document. Scans resolve through a loopback DNS server on
 * 127.0.3.54 that knows no names, so they finish fast and touch nothing else.
 */
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashSecret, newId, nowIso } from '../src/db/ids.js';
import { startDnsServer, type DnsTestServer } from './fixtures/dns-server.js';
import { auditOf, createOrgVia, memberClient } from './web/org-helpers.js';
import { DIALECTS, signUp, startTestApp, TestClient, type TestApp } from './web/harness.js';

const DNS = '127.0.3.54';
let dns: DnsTestServer;

beforeAll(async () => {
  dns = await startDnsServer({ address: DNS, port: 53, records: [] });
});
afterAll(async () => {
  await dns?.close();
});

interface ApiError {
  error: { status: number; message: string; field?: string };
}
interface ScanItem {
  id: string;
  status: string;
  createdAt: string;
  [key: string]: unknown;
}
interface ScanPage {
  items: ScanItem[];
  nextBefore: string | null;
}

describe.each(DIALECTS)('REST API (%s)', (dialect) => {
  let t: TestApp;
  let owner: TestClient;
  let orgId: string;
  let token: string;

  const api = (method: 'GET' | 'POST' | 'DELETE', url: string, options: { token?: string | null; body?: unknown; headers?: Record<string, string> } = {}): Promise<LightMyRequestResponse> => {
    const bearer = options.token === undefined ? token : options.token;
    return t.app.inject({
      method,
      url,
      headers: { ...(bearer ? { authorization: `Bearer ${bearer}` } : {}), ...options.headers },
      ...(options.body === undefined ? {} : { payload: options.body as Record<string, unknown> }),
    });
  };

  async function createToken(client: TestClient, name: string): Promise<string> {
    await client.get(`/orgs/${orgId}/tokens`);
    const created = await client.post(`/orgs/${orgId}/tokens`, { name });
    expect(created.statusCode).toBe(200);
    const value = /value="(wb_[A-Za-z0-9_-]+)"/.exec(created.body)?.[1];
    if (!value) throw new Error('no token on the page');
    return value;
  }

  beforeAll(async () => {
    t = await startTestApp(dialect, { scanOptions: { resolver: { address: DNS, port: 53 }, allowPrivate: true, timeoutMs: 10_000 } });
    owner = new TestClient(t.app);
    await signUp(owner, 'owner@api.test', 'Otto Owner');
    orgId = await createOrgVia(owner, 'API Shop');
    token = await createToken(owner, 'Build server');
  });
  afterAll(async () => {
    await t.close();
  });

  it('shows a new token once, stores only its hash, lists its prefix, and audits the list and the creation', async () => {
    const db = t.database.handle.db;
    expect(token).toMatch(/^wb_[A-Za-z0-9_-]{43}$/);
    const row = await db.selectFrom('api_tokens').selectAll().where('org_id', '=', orgId).executeTakeFirstOrThrow();
    expect(row.token_hash).toBe(hashSecret(token));
    expect(JSON.stringify(row)).not.toContain(token.slice(11));
    const list = await owner.get(`/orgs/${orgId}/tokens`);
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('Build server');
    expect(list.body).toContain(`<code>${token.slice(0, 11)}…</code>`);
    expect(list.body).not.toContain(token);
    const entries = await auditOf(db, orgId);
    expect(entries.filter((e) => e.record_type === 'api_token_list' && e.action === 'view').length).toBeGreaterThanOrEqual(2);
    expect(entries.some((e) => e.record_type === 'api_token' && e.action === 'create' && e.record_id === row.id)).toBe(true);
  });

  it('keeps tokens for owners: a member gets 403, an empty name is refused', async () => {
    const { client: member } = await memberClient(t, orgId, 'member@api.test', 'member');
    expect((await member.get(`/orgs/${orgId}/tokens`)).statusCode).toBe(403);
    expect((await member.post(`/orgs/${orgId}/tokens`, { name: 'sneaky' })).statusCode).toBe(403);
    const empty = await owner.post(`/orgs/${orgId}/tokens`, { name: '  ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('Give the token a name');
  });

  it('answers 401 with a clear JSON message without a valid token', async () => {
    const missing = await api('GET', '/api/v1/domains', { token: null });
    expect(missing.statusCode).toBe(401);
    expect(missing.headers['www-authenticate']).toBe('Bearer realm="weerbaar"');
    expect((missing.json<ApiError>()).error.message).toMatch(/missing Authorization header/);
    const basic = await api('GET', '/api/v1/domains', { token: null, headers: { authorization: 'Basic dXNlcjpwYXNz' } });
    expect(basic.json<ApiError>().error.message).toMatch(/must be "Bearer <token>"/);
    const foreign = await api('GET', '/api/v1/domains', { token: 'ghp_abcdef' });
    expect(foreign.json<ApiError>().error.message).toMatch(/not a Weerbaar API token/);
    const unknown = await api('GET', '/api/v1/domains', { token: `wb_${'x'.repeat(43)}` });
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json<ApiError>()).toEqual({ error: { status: 401, message: 'unknown API token' } });
    // A browser session is not an API credential.
    const cookieOnly = await t.app.inject({ method: 'GET', url: '/api/v1/domains', headers: { cookie: `wb_session=${owner.cookies.get('wb_session') ?? ''}` } });
    expect(cookieOnly.statusCode).toBe(401);
  });

  it('validates every input and names the field', async () => {
    const noName = await api('POST', '/api/v1/domains', { body: {} });
    expect(noName.statusCode).toBe(400);
    expect(noName.json<ApiError>().error).toMatchObject({ status: 400, field: 'body.name' });
    const badName = await api('POST', '/api/v1/domains', { body: { name: 'shop_test.example' } });
    expect(badName.statusCode).toBe(400);
    expect(badName.json<ApiError>().error.field).toBe('body.name');
    expect(badName.json<ApiError>().error.message).toContain('only letters, digits and hyphens');
    const wrongType = await api('POST', '/api/v1/domains', { body: { name: 42 } });
    expect(wrongType.json<ApiError>().error.field).toBe('body.name');
    const limitZero = await api('GET', '/api/v1/scans?limit=0');
    expect(limitZero.statusCode).toBe(400);
    expect(limitZero.json<ApiError>().error.field).toBe('querystring.limit');
    expect((await api('GET', '/api/v1/scans?limit=201')).json<ApiError>().error.field).toBe('querystring.limit');
    expect((await api('GET', '/api/v1/scans?limit=ten')).json<ApiError>().error.field).toBe('querystring.limit');
    expect((await api('GET', '/api/v1/scans?before=yesterday')).json<ApiError>().error.field).toBe('querystring.before');
    const unknownCursor = await api('GET', `/api/v1/scans?before=${newId()}`);
    expect(unknownCursor.statusCode).toBe(400);
    expect(unknownCursor.json<ApiError>().error.field).toBe('querystring.before');
    const badId = await api('GET', '/api/v1/domains/not-an-id');
    expect(badId.statusCode).toBe(400);
    expect(badId.json<ApiError>().error.field).toBe('params.domainId');
    expect((await api('GET', '/api/v1/scans/00000000-0000-4000-8000-000000000000?lang=de')).json<ApiError>().error.field).toBe('querystring.lang');
    expect((await api('GET', `/api/v1/domains/${newId()}`)).statusCode).toBe(404);
  });

  it('adds a domain, scans it, reads the report in Dutch, and deletes it; writes are audited with the token', async () => {
    const db = t.database.handle.db;
    const tokenId = (await db.selectFrom('api_tokens').select('id').where('token_hash', '=', hashSecret(token)).executeTakeFirstOrThrow()).id;
    const added = await api('POST', '/api/v1/domains', { body: { name: 'HTTPS://Api-Shop.test/' } });
    expect(added.statusCode).toBe(201);
    const domain = added.json<{ id: string; name: string; latestScan: unknown }>();
    expect(domain).toMatchObject({ name: 'api-shop.test', latestScan: null });
    expect(added.headers.location).toBe(`/api/v1/domains/${domain.id}`);
    const duplicate = await api('POST', '/api/v1/domains', { body: { name: 'api-shop.test' } });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json<ApiError>().error.field).toBe('body.name');

    const list = await api('GET', '/api/v1/domains');
    expect(list.json<{ items: { id: string }[] }>().items.map((d) => d.id)).toEqual([domain.id]);

    const started = await api('POST', `/api/v1/domains/${domain.id}/scans`);
    expect(started.statusCode).toBe(202);
    const scan = started.json<ScanItem>();
    expect(scan).toMatchObject({ domainId: domain.id, target: 'api-shop.test', status: 'queued' });
    expect(started.headers.location).toBe(`/api/v1/scans/${scan.id}`);

    let detail: ScanItem & { report: { target: string; checks: { id: string; summary: string }[] } | null } = { ...scan, report: null };
    for (let i = 0; i < 120 && detail.status !== 'done' && detail.status !== 'failed'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      detail = (await api('GET', `/api/v1/scans/${scan.id}?lang=nl`)).json();
    }
    expect(detail.status).toBe('done');
    expect(detail.report?.target).toBe('api-shop.test');
    // The test's DNS knows no records: the name does not exist, which is the report's one finding.
    const exists = detail.report?.checks.find((check) => check.id === 'domain.exists');
    expect(exists?.summary).toContain('bestaat niet');
    const english = (await api('GET', `/api/v1/scans/${scan.id}?lang=en`)).json<typeof detail>();
    expect(english.report?.checks.find((check) => check.id === 'domain.exists')?.summary).toContain('does not exist');

    const one = await api('GET', `/api/v1/domains/${domain.id}`);
    expect(one.json<{ latestScan: { id: string } }>().latestScan.id).toBe(scan.id);

    const deleted = await api('DELETE', `/api/v1/domains/${domain.id}`);
    expect(deleted.statusCode).toBe(204);
    expect((await api('GET', `/api/v1/domains/${domain.id}`)).statusCode).toBe(404);
    expect((await api('GET', `/api/v1/scans/${scan.id}`)).statusCode).toBe(404);

    const byToken = (await auditOf(db, orgId)).filter((e) => e.api_token_id === tokenId);
    expect(byToken.map((e) => [e.action, e.record_type])).toEqual([
      ['create', 'domain'],
      ['create', 'scan'],
      ['view', 'scan'],
      ['view', 'scan'],
      ['delete', 'domain'],
    ]);
    expect(byToken.every((e) => e.user_id === null)).toBe(true);
  });

  it('pages the scan history newest first with a stable cursor, reading only summary columns', async () => {
    const db = t.database.handle.db;
    const domainId = newId();
    await db.insertInto('domains').values({ id: domainId, org_id: orgId, name: 'paging.test', created_at: nowIso(), created_by: 'test' }).execute();
    const base = Date.parse('2026-03-01T00:00:00Z');
    const rows = Array.from({ length: 130 }, (_, i) => ({
      id: newId(),
      org_id: orgId,
      domain_id: domainId,
      target: 'paging.test',
      status: 'done' as const,
      requested_by: 'test',
      // Every three scans share a timestamp: the id must break the tie.
      created_at: new Date(base + Math.floor(i / 3) * 1000).toISOString(),
      attempts: 1,
      score_web: i % 101,
      count_fail: 1,
      count_warn: 0,
      count_pass: 20,
      result_json: '{"big":"never listed"}',
    }));
    await db.insertInto('scans').values(rows).execute();
    const expected = [...rows].sort((a, b) => (a.created_at === b.created_at ? (a.id < b.id ? 1 : -1) : a.created_at < b.created_at ? 1 : -1)).map((r) => r.id);

    const seen: string[] = [];
    let url = `/api/v1/domains/${domainId}/scans?limit=50`;
    for (let pages = 0; pages < 10; pages++) {
      const response = await api('GET', url);
      expect(response.statusCode).toBe(200);
      expect(response.body).not.toContain('never listed');
      const page = response.json<ScanPage>();
      seen.push(...page.items.map((item) => item.id));
      if (!page.nextBefore) break;
      url = `/api/v1/domains/${domainId}/scans?limit=50&before=${page.nextBefore}`;
    }
    expect(seen).toEqual(expected);

    const orgWide = (await api('GET', '/api/v1/scans')).json<ScanPage>();
    expect(orgWide.items).toHaveLength(50);
    expect(orgWide.items.map((item) => item.id)).toEqual(expected.slice(0, 50));
    expect(orgWide.nextBefore).toBe(expected[49]);
    expect(Object.keys(orgWide.items[0] ?? {}).sort()).toEqual(
      ['countFail', 'countPass', 'countWarn', 'createdAt', 'domainId', 'error', 'finishedAt', 'id', 'scoreMail', 'scoreWeb', 'startedAt', 'status', 'target'].sort(),
    );
    const small = (await api('GET', `/api/v1/scans?limit=2&before=${expected[1]}`)).json<ScanPage>();
    expect(small.items.map((item) => item.id)).toEqual(expected.slice(2, 4));
  });

  it('records last use at most once a minute, and refuses a revoked token', async () => {
    const db = t.database.handle.db;
    const second = await createToken(owner, 'Short-lived');
    const row = await db.selectFrom('api_tokens').selectAll().where('token_hash', '=', hashSecret(second)).executeTakeFirstOrThrow();
    expect(row.last_used_at).toBeNull();
    expect((await api('GET', '/api/v1/domains', { token: second })).statusCode).toBe(200);
    const used = (await db.selectFrom('api_tokens').select('last_used_at').where('id', '=', row.id).executeTakeFirstOrThrow()).last_used_at;
    expect(used).not.toBeNull();
    expect((await api('GET', '/api/v1/scans', { token: second })).statusCode).toBe(200);
    const again = (await db.selectFrom('api_tokens').select('last_used_at').where('id', '=', row.id).executeTakeFirstOrThrow()).last_used_at;
    expect(again).toBe(used);

    const page = await owner.get(`/orgs/${orgId}/tokens`);
    expect(page.body).toContain(`action="/orgs/${orgId}/tokens/${row.id}/revoke"`);
    const revoked = await owner.post(`/orgs/${orgId}/tokens/${row.id}/revoke`);
    expect(revoked.statusCode).toBe(303);
    const after = await owner.get(String(revoked.headers.location));
    expect(after.body).toContain('The token &quot;<bdi>Short-lived</bdi>&quot; was revoked.');
    const refused = await api('GET', '/api/v1/domains', { token: second });
    expect(refused.statusCode).toBe(401);
    expect(refused.json<ApiError>().error.message).toMatch(/revoked/);
    // The other token still works.
    expect((await api('GET', '/api/v1/domains')).statusCode).toBe(200);
    const entries = await auditOf(db, orgId);
    expect(entries.some((e) => e.action === 'update' && e.record_type === 'api_token' && e.record_id === row.id)).toBe(true);
  });

  it('serves the OpenAPI document publicly, with only the API paths', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/docs' });
    expect(response.statusCode).toBe(200);
    const doc = response.json<{ openapi: string; paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: { required?: string[] } }> } }>> }>();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths).sort()).toEqual(
      [
        '/api/v1/domains',
        '/api/v1/domains/{domainId}',
        '/api/v1/domains/{domainId}/scans',
        '/api/v1/privacy-statement',
        '/api/v1/privacy-statement/answers',
        '/api/v1/scans',
        '/api/v1/scans/{scanId}',
      ].sort(),
    );
    expect(Object.keys(doc.paths['/api/v1/domains/{domainId}'] ?? {}).sort()).toEqual(['delete', 'get', 'patch']);
    expect(doc.paths['/api/v1/domains']?.post?.requestBody?.content['application/json']?.schema.required).toEqual(['name']);
  });
});
