/**
 * The API takes JSON as typed: every body and query field of every /api/v1 route, sent
 * with a wrong type, answers 400 naming that field, and nothing is created. The routes
 * and their fields come from the app's own route table and schemas, so a new route or
 * field is tried without editing this file; a new route only needs a valid request below.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_ANSWERS } from '../src/privacy-statement/generator/index.js';
import { createApiToken } from '../src/tokens/data.js';
import { createOrgVia, userId } from './web/org-helpers.js';
import { DIALECTS, signUp, startTestApp, TestClient, type TestApp } from './web/harness.js';

interface JsonSchema {
  type?: string;
  anyOf?: JsonSchema[];
  enum?: unknown[];
  format?: string;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
}

/** A valid request for each route with a body or query schema: the test changes one field at a time. */
const VALID: Record<string, { body?: Record<string, unknown>; query?: Record<string, string> }> = {
  'POST /api/v1/domains': { body: { name: 'valid.example' } },
  'PATCH /api/v1/domains/:domainId': { body: { dkimSelectors: ['selector1'] } },
  'GET /api/v1/domains/:domainId/scans': { query: {} },
  'GET /api/v1/scans': { query: {} },
  'GET /api/v1/scans/:scanId': { query: {} },
  'PUT /api/v1/privacy-statement/answers': { body: { ...EXAMPLE_ANSWERS } },
  'GET /api/v1/privacy-statement': { query: {} },
};

const typeOf = (schema: JsonSchema): string => schema.type ?? (schema.enum ? 'string' : (schema.anyOf?.find((part) => part.type !== 'null')?.type ?? 'unknown'));

/** Wrong JSON values for a body field of this schema, each with the field the 400 must name. */
function wrongBodyValues(name: string, schema: JsonSchema): { value: unknown; field: string }[] {
  const at = `body.${name}`;
  switch (typeOf(schema)) {
    case 'string':
      return [123, ['a.example'], true, { name: 'x' }].map((value) => ({ value, field: at }));
    case 'integer':
    case 'number':
      return ['5', [5], true].map((value) => ({ value, field: at }));
    case 'boolean':
      return ['true', 1, [true]].map((value) => ({ value, field: at }));
    case 'array': {
      const whole = ['selector1', { 0: 'x' }, 7].map((value) => ({ value, field: at }));
      return typeOf(schema.items ?? {}) === 'string' ? [...whole, { value: [123], field: `${at}.0` }, { value: [['x']], field: `${at}.0` }] : whole;
    }
    case 'object':
      return ['x', ['x'], 5].map((value) => ({ value, field: at }));
    default:
      return [];
  }
}

/** Wrong query values (the URL carries text: a wrong type is text that is not one, or a repeated key). */
function wrongQueryValues(name: string, schema: JsonSchema): (string | string[])[] {
  switch (typeOf(schema)) {
    case 'integer':
    case 'number':
      return ['abc', '1.5x', ['5', '6']];
    case 'string':
      return [['a', 'b'], ...(schema.enum || schema.anyOf || schema.format ? ['not-a-choice'] : [])];
    case 'boolean':
      return ['maybe'];
    default:
      return [];
  }
}

describe.each(DIALECTS)('wrong types on every API field (%s)', (dialect) => {
  let t: TestApp;
  let token: string;
  let domainId: string;
  let scanId: string;
  const routes: { method: string; url: string; body?: JsonSchema; query?: JsonSchema }[] = [];

  beforeAll(async () => {
    t = await startTestApp(dialect, { work: false });
    const owner = new TestClient(t.app);
    await signUp(owner, 'owner@types.example');
    const orgId = await createOrgVia(owner, 'Types shop');
    const db = t.database.handle.db;
    token = (await createApiToken(db, { orgId, name: 'types', createdBy: await userId(db, 'owner@types.example') })).token;
    const added = await call('POST', '/api/v1/domains', { body: { name: 'shop.example' } });
    domainId = added.json<{ id: string }>().id;
    scanId = (await call('POST', `/api/v1/domains/${domainId}/scans`)).json<{ id: string }>().id;
    for (const route of t.app.routeTable) {
      const schema = route.schema as { body?: JsonSchema; querystring?: JsonSchema } | undefined;
      if (!route.url.startsWith('/api/v1/') || !(schema?.body || schema?.querystring)) continue;
      routes.push({ method: route.method, url: route.url, ...(schema.body ? { body: schema.body } : {}), ...(schema.querystring ? { query: schema.querystring } : {}) });
    }
  });
  afterAll(async () => {
    await t.close();
  });

  function call(method: string, url: string, options: { body?: unknown; query?: Record<string, string | string[]> } = {}) {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(options.query ?? {})) for (const one of [value].flat()) search.append(key, one);
    const path = url.replace(':domainId', domainId).replace(':scanId', scanId);
    return t.app.inject({
      method: method as 'GET',
      url: `${path}${search.size ? `?${search.toString()}` : ''}`,
      headers: { authorization: `Bearer ${token}`, ...(options.body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(options.body === undefined ? {} : { payload: JSON.stringify(options.body) }),
    });
  }

  it('knows a valid request for every API route that takes a body or a query, and each is accepted', async () => {
    expect(routes.length).toBeGreaterThanOrEqual(7);
    for (const route of routes) {
      const valid = VALID[`${route.method} ${route.url}`];
      expect(valid, `add a valid request for ${route.method} ${route.url} to VALID`).toBeDefined();
      const response = await call(route.method, route.url, { ...(valid?.body ? { body: { ...valid.body, ...(route.url === '/api/v1/domains' ? { name: 'other.example' } : {}) } } : {}), ...(valid?.query ? { query: valid.query } : {}) });
      expect(response.statusCode, `${route.method} ${route.url}: ${response.body.slice(0, 300)}`).toBeLessThan(300);
    }
  });

  it('answers 400 naming the field for each wrong-typed body field, and changes nothing', async () => {
    const db = t.database.handle.db;
    const domainsBefore = await db.selectFrom('domains').select('name').execute();
    let tried = 0;
    for (const route of routes.filter((candidate) => candidate.body)) {
      const valid = VALID[`${route.method} ${route.url}`]?.body ?? {};
      for (const [name, schema] of Object.entries(route.body?.properties ?? {})) {
        for (const { value, field } of wrongBodyValues(name, schema)) {
          const response = await call(route.method, route.url, { body: { ...valid, [name]: value } });
          const what = `${route.method} ${route.url} ${name}=${JSON.stringify(value)}: ${response.body.slice(0, 300)}`;
          expect(response.statusCode, what).toBe(400);
          const error = response.json<{ error: { status: number; message: string; field?: string } }>().error;
          expect(error.status, what).toBe(400);
          // Fields are named as paths: body.name, body.dkimSelectors.0 (schema) or body.languages[0] (the answers' own checker).
          const named = (error.field ?? '').replace(/\[(\d+)\]/g, '.$1');
          expect(named === field || named.startsWith(`${field}.`), what).toBe(true);
          expect(error.message.replace(/\[(\d+)\]/g, '.$1'), what).toContain(field);
          tried += 1;
        }
      }
    }
    // POST /domains name (4), PATCH dkimSelectors (5), and the answers' top-level fields.
    expect(tried).toBeGreaterThanOrEqual(20);
    expect(await db.selectFrom('domains').select('name').execute()).toEqual(domainsBefore);
  });

  it.each([
    [{ name: ['a.test'] }, 'body.name must be string'],
    [{ name: 123 }, 'body.name must be string'],
    [{}, 'body.name'],
  ])('POST /api/v1/domains %j is refused: %s', async (body, message) => {
    const response = await call('POST', '/api/v1/domains', { body });
    expect(response.statusCode).toBe(400);
    expect(response.json<{ error: { message: string; field: string } }>().error).toMatchObject({ field: 'body.name', message: expect.stringContaining(message) as string });
  });

  it('answers 400 naming the field for each wrong query value', async () => {
    let tried = 0;
    for (const route of routes.filter((candidate) => candidate.query)) {
      for (const [name, schema] of Object.entries(route.query?.properties ?? {})) {
        for (const value of wrongQueryValues(name, schema)) {
          const response = await call(route.method, route.url, { query: { [name]: value } });
          const what = `${route.method} ${route.url}?${name}=${JSON.stringify(value)}: ${response.body.slice(0, 300)}`;
          expect(response.statusCode, what).toBe(400);
          const error = response.json<{ error: { field?: string; message: string } }>().error;
          expect(error.field, what).toBe(`querystring.${name}`);
          expect(error.message, what).toContain(`querystring.${name}`);
          tried += 1;
        }
      }
    }
    expect(tried).toBeGreaterThanOrEqual(10);
  });

  it('still converts and defaults query values that are text by nature', async () => {
    const page = await call('GET', '/api/v1/scans', { query: { limit: '1' } });
    expect(page.statusCode).toBe(200);
    expect(page.json<{ items: unknown[] }>().items).toHaveLength(1);
    expect((await call('GET', '/api/v1/scans')).statusCode).toBe(200);
  });
});
