/**
 * Tenant isolation, generated from the route table: every route that takes an id is
 * requested by a member of organisation A with organisation B's ids (and with A's
 * organisation but B's records), by page and by API, and must answer 404. Then every
 * GET route, filled with A's own ids, must not mention any of B's ids, names or
 * e-mail addresses. A new route is covered as soon as it is registered; a route
 * parameter this file does not know fails the test, so the fixture grows with the app.
 * Loopback: a DNS server on 127.0.3.55 that knows no names, for the stored scan results.
 */
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId, nowIso } from '../src/db/ids.js';
import { runScan, type ScanResult } from '../src/scan/engine.js';
import type { RouteInfo } from '../src/web/app.js';
import { startDnsServer, type DnsTestServer } from './fixtures/dns-server.js';
import { createOrgVia, memberClient, userId } from './web/org-helpers.js';
import { DIALECTS, signUp, startTestApp, TestClient, type TestApp } from './web/harness.js';

const DNS = '127.0.3.55';

/** Routes that are public or keyed by a secret rather than an id; everything else is probed. */
const SKIPPED: readonly RegExp[] = [/^\/static\//, /^\/healthz$/, /^\/api\/docs$/, /^\/invitations\/:token(\/|$)/, /^\/verify-email\/:token$/, /^\/password\/reset\/:token$/];

/** The id parameters of the URL conventions (see the shared brief). */
const KNOWN_PARAMS = ['orgId', 'domainId', 'scanId', 'userId', 'invitationId', 'tokenId'] as const;
type ParamName = (typeof KNOWN_PARAMS)[number];
const isKnownParam = (name: string): name is ParamName => (KNOWN_PARAMS as readonly string[]).includes(name);

interface Tenant {
  name: string;
  orgName: string;
  owner: TestClient;
  ownerEmail: string;
  ownerId: string;
  memberEmail: string;
  domainName: string;
  invitationEmail: string;
  token: string;
  ids: Record<ParamName, string>;
}

const results = new Map<string, ScanResult>();
let dns: DnsTestServer;

beforeAll(async () => {
  dns = await startDnsServer({ address: DNS, port: 53, records: [] });
  for (const target of ['alpha-shop.test', 'bravo-shop.test']) {
    results.set(target, await runScan(target, { resolver: { address: DNS, port: 53 }, allowPrivate: true, timeoutMs: 10_000 }));
  }
}, 60_000);
afterAll(async () => {
  await dns?.close();
});

const paramsOf = (url: string): string[] => [...url.matchAll(/:(\w+)/g)].map((m) => m[1] ?? '');
const isSkipped = (route: RouteInfo): boolean => SKIPPED.some((pattern) => pattern.test(route.url)) || route.url.includes('*');
const isApi = (route: RouteInfo): boolean => route.url.startsWith('/api/');

function fill(url: string, ids: (name: ParamName) => string): string {
  return url.replace(/:(\w+)/g, (_, name: string) => {
    if (!isKnownParam(name)) throw new Error(`unknown route parameter :${name}`);
    return ids(name);
  });
}

interface JsonSchema {
  type?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  anyOf?: JsonSchema[];
  const?: unknown;
  enum?: unknown[];
  format?: string;
  minLength?: number;
  minimum?: number;
  default?: unknown;
}

/** A value the schema accepts, so a request reaches the handler (and its organisation check). */
function sample(schema: JsonSchema | undefined): unknown {
  if (!schema) return undefined;
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum[0];
  if (schema.anyOf?.[0]) return sample(schema.anyOf[0]);
  if (schema.default !== undefined) return schema.default;
  switch (schema.type) {
    case 'object':
      return Object.fromEntries((schema.required ?? []).map((key) => [key, sample(schema.properties?.[key])]));
    case 'integer':
    case 'number':
      return schema.minimum ?? 1;
    case 'boolean':
      return true;
    case 'array':
      return [];
    default:
      if (schema.format === 'email') return 'probe@alpha.test';
      if (schema.format === 'uuid') return newId();
      return 'probe-value-123456'.padEnd(schema.minLength ?? 0, 'x');
  }
}

function schemaPart(route: RouteInfo, part: 'body' | 'querystring'): JsonSchema | undefined {
  return (route.schema as Record<string, JsonSchema> | undefined)?.[part];
}

const asStrings = (value: unknown): Record<string, string> =>
  Object.fromEntries(Object.entries((value ?? {}) as Record<string, unknown>).map(([key, v]) => [key, String(v)]));

function withQuery(url: string, route: RouteInfo): string {
  const query = asStrings(sample(schemaPart(route, 'querystring')));
  const search = new URLSearchParams(query).toString();
  return search ? `${url}?${search}` : url;
}

describe.each(DIALECTS)('tenant isolation (%s)', (dialect) => {
  let t: TestApp;
  let a: Tenant;
  let b: Tenant;

  async function tenant(name: 'alpha' | 'bravo'): Promise<Tenant> {
    const db = t.database.handle.db;
    const owner = new TestClient(t.app);
    const ownerEmail = `owner@${name}.test`;
    await signUp(owner, ownerEmail, `${name} owner`);
    const orgName = `${name} Webshop BV`;
    const orgId = await createOrgVia(owner, orgName);
    const memberEmail = `member@${name}.test`;
    const { id: memberId } = await memberClient(t, orgId, memberEmail, 'member');

    const domainName = `${name}-shop.test`;
    await owner.get(`/orgs/${orgId}`);
    expect((await owner.post(`/orgs/${orgId}/domains`, { name: domainName })).statusCode).toBe(303);
    const domain = await db.selectFrom('domains').select('id').where('org_id', '=', orgId).executeTakeFirstOrThrow();

    // A finished scan with a real stored result (inserted, so no queue timing is involved).
    const result = results.get(domainName);
    if (!result) throw new Error('missing scan result');
    const scanId = newId();
    await db
      .insertInto('scans')
      .values({
        id: scanId,
        org_id: orgId,
        domain_id: domain.id,
        target: domainName,
        status: 'done',
        requested_by: await userId(db, ownerEmail),
        created_at: nowIso(),
        started_at: nowIso(),
        finished_at: nowIso(),
        attempts: 1,
        score_web: result.score.scores.web,
        count_fail: result.results.filter((r) => r.status === 'fail').length,
        count_warn: result.results.filter((r) => r.status === 'warn').length,
        count_pass: result.results.filter((r) => r.status === 'pass').length,
        result_json: JSON.stringify(result),
      })
      .execute();

    await owner.get(`/orgs/${orgId}/tokens`);
    const created = await owner.post(`/orgs/${orgId}/tokens`, { name: `${name} token` });
    const token = /value="(wb_[A-Za-z0-9_-]+)"/.exec(created.body)?.[1];
    if (!token) throw new Error('no API token shown');
    const tokenId = (await db.selectFrom('api_tokens').select('id').where('org_id', '=', orgId).executeTakeFirstOrThrow()).id;

    const invitationEmail = `invitee@${name}.test`;
    await owner.get(`/orgs/${orgId}/members`);
    const invited = await owner.post(`/orgs/${orgId}/invitations`, { email: invitationEmail, role: 'member' });
    expect(invited.statusCode, invited.body.slice(0, 300)).toBeLessThan(400);
    const invitationId = (await db.selectFrom('invitations').select('id').where('org_id', '=', orgId).executeTakeFirstOrThrow()).id;

    return {
      name,
      orgName,
      owner,
      ownerEmail,
      ownerId: await userId(db, ownerEmail),
      memberEmail,
      domainName,
      invitationEmail,
      token,
      ids: { orgId, domainId: domain.id, scanId, userId: memberId, invitationId, tokenId },
    };
  }

  beforeAll(async () => {
    t = await startTestApp(dialect, { work: false });
    a = await tenant('alpha');
    b = await tenant('bravo');
  });
  afterAll(async () => {
    await t.close();
  });

  /** Request a route as tenant A: pages with A's session (and CSRF token), the API with A's token. */
  async function requestAsA(route: RouteInfo, url: string): Promise<LightMyRequestResponse> {
    const body = sample(schemaPart(route, 'body'));
    const target = withQuery(url, route);
    if (isApi(route)) {
      return t.app.inject({
        method: route.method as 'GET',
        url: target,
        headers: { authorization: `Bearer ${a.token}` },
        ...(body === undefined ? {} : { payload: body as Record<string, unknown> }),
      });
    }
    if (route.method === 'GET') return a.owner.get(target);
    if (route.method === 'POST') {
      if (!a.owner.csrf) await a.owner.get('/orgs');
      return a.owner.post(target, asStrings(body));
    }
    return t.app.inject({
      method: route.method as 'PUT',
      url: target,
      headers: { cookie: [...a.owner.cookies].map(([k, v]) => `${k}=${v}`).join('; '), 'x-csrf-token': a.owner.csrf ?? '' },
      ...(body === undefined ? {} : { payload: body as Record<string, unknown> }),
    });
  }

  const routes = (): RouteInfo[] => t.app.routeTable.filter((route) => !isSkipped(route));

  it('knows every route parameter (add new ones to the fixture above)', () => {
    const unknown = routes().flatMap((route) => paramsOf(route.url).filter((name) => !isKnownParam(name)).map((name) => `${route.method} ${route.url} :${name}`));
    expect(unknown).toEqual([]);
    // The table really holds the app's routes, pages and API alike.
    expect(routes().filter((route) => paramsOf(route.url).length > 0).length).toBeGreaterThanOrEqual(15);
    expect(routes().some((route) => isApi(route) && paramsOf(route.url).includes('scanId'))).toBe(true);
  });

  it("shows A nothing of B on any page or API answer filled with A's own ids", async () => {
    const secrets = [...Object.values(b.ids), b.ownerId, b.ownerEmail, b.memberEmail, b.invitationEmail, b.domainName, b.orgName, b.token.slice(0, 11)];
    const leaks: string[] = [];
    const statuses: string[] = [];
    for (const route of routes().filter((r) => r.method === 'GET')) {
      if (paramsOf(route.url).some((name) => !isKnownParam(name))) continue;
      const url = fill(route.url, (name) => a.ids[name]);
      const response = await requestAsA(route, url);
      statuses.push(`${route.url} ${response.statusCode}`);
      if (response.statusCode >= 500) leaks.push(`${url}: status ${response.statusCode}`);
      for (const secret of secrets) if (response.body.includes(secret)) leaks.push(`${url} shows ${secret}`);
    }
    expect(leaks).toEqual([]);
    // A's own records are really there (the routes answered, not just redirected).
    expect(statuses).toContain('/orgs/:orgId/scans/:scanId 200');
    expect(statuses).toContain('/api/v1/scans/:scanId 200');
    expect(statuses).toContain('/orgs/:orgId/tokens 200');
  });

  it("answers 404 to A for every route with B's ids, by page and by API", async () => {
    const wrong: string[] = [];
    let probes = 0;
    for (const route of routes()) {
      const params = paramsOf(route.url);
      if (params.length === 0 || params.some((name) => !isKnownParam(name))) continue;
      const variants = [fill(route.url, (name) => b.ids[name])];
      // A's own organisation, B's records in it.
      if (params.includes('orgId') && params.length > 1) variants.push(fill(route.url, (name) => (name === 'orgId' ? a.ids.orgId : b.ids[name])));
      for (const url of variants) {
        probes++;
        const response = await requestAsA(route, url);
        if (response.statusCode !== 404) wrong.push(`${route.method} ${url} (${route.url}) -> ${response.statusCode}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(probes).toBeGreaterThanOrEqual(20);

    // B's records are untouched by all that probing.
    const db = t.database.handle.db;
    expect(await db.selectFrom('domains').select('id').where('org_id', '=', b.ids.orgId).execute()).toHaveLength(1);
    const token = await db.selectFrom('api_tokens').select('revoked_at').where('id', '=', b.ids.tokenId).executeTakeFirstOrThrow();
    expect(token.revoked_at).toBeNull();
    const membership = await db.selectFrom('memberships').select('role').where('org_id', '=', b.ids.orgId).where('user_id', '=', b.ids.userId).executeTakeFirst();
    expect(membership?.role).toBe('member');
  });

  it("answers 404 to B's token for A's records, and each token sees only its own organisation", async () => {
    const asB = (url: string): Promise<LightMyRequestResponse> => t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${b.token}` } });
    expect((await asB(`/api/v1/domains/${a.ids.domainId}`)).statusCode).toBe(404);
    expect((await asB(`/api/v1/scans/${a.ids.scanId}`)).statusCode).toBe(404);
    expect((await asB(`/api/v1/scans?before=${a.ids.scanId}`)).statusCode).toBe(400);
    const list = await asB('/api/v1/scans');
    expect(list.json<{ items: { id: string }[] }>().items.map((item) => item.id)).toEqual([b.ids.scanId]);
  });
});
