/**
 * Who may do what, at the unit level: roleAtLeast, requireUser, orgContext (membership,
 * role, required second factor) and the API's bearer-token hook, each through a small real
 * Fastify app on a real SQLite database. The signed-in user comes from a test header, so
 * the rules are tested without the sign-in flow (covered by test/web-auth.test.ts).
 * Written for the mutation run: every rule has a case on each side of it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../src/db/connect.js';
import { migrateAll } from '../src/server/features.js';
import { hashSecret, newId, nowIso } from '../src/db/ids.js';
import type { ApiToken, Org, Role, User } from '../src/db/schema.js';
import { apiActor, requireApiToken, tokenOf } from '../src/web/api-auth.js';
import { actorOf, isId, orgContext, Redirect, requireUser, roleAtLeast } from '../src/web/context.js';
import type { AppDeps } from '../src/web/deps.js';
import { HttpError } from '../src/web/errors.js';

let dataDir: string;
let handle: DatabaseHandle;
let app: FastifyInstance;
const users = new Map<string, User>();

async function addUser(totp = false): Promise<User> {
  const user: User = {
    id: newId(),
    email: `${newId()}@shop.example`,
    display_name: 'Role Tester',
    password_hash: 'not-a-real-hash',
    lang: null,
    is_admin: 0,
    totp_secret_enc: totp ? 'sealed' : null,
    totp_enabled_at: totp ? nowIso(new Date('2026-01-02T00:00:00Z')) : null,
    totp_last_step: null,
    created_at: nowIso(new Date('2026-01-01T00:00:00Z')),
    email_verified_at: nowIso(new Date('2026-01-01T00:00:00Z')),
  };
  await handle.db.insertInto('users').values(user).execute();
  users.set(user.id, user);
  return user;
}

async function addOrg(members: [User, Role][], requireTotp = false): Promise<Org> {
  const org: Org = { id: newId(), name: `Shop ${newId().slice(0, 8)}`, kind: 'webshop', require_totp: requireTotp ? 1 : 0, created_at: nowIso(new Date('2026-01-03T00:00:00Z')) };
  await handle.db.insertInto('orgs').values(org).execute();
  for (const [user, role] of members) {
    await handle.db.insertInto('memberships').values({ org_id: org.id, user_id: user.id, role, created_at: org.created_at }).execute();
  }
  return org;
}

async function addToken(org: Org, creator: User, token: string, extra: Partial<ApiToken> = {}): Promise<ApiToken> {
  const row: ApiToken = {
    id: newId(),
    org_id: org.id,
    name: 'ci',
    prefix: token.slice(0, 8),
    token_hash: hashSecret(token),
    created_by: creator.id,
    created_at: nowIso(new Date('2026-01-04T00:00:00Z')),
    last_used_at: null,
    revoked_at: null,
    ...extra,
  };
  await handle.db.insertInto('api_tokens').values(row).execute();
  return row;
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'weerbaar-web-auth-'));
  handle = openDatabase({ dataDir });
  await migrateAll(handle);
  // Duplicate slashes reach the route, so requireUser sees a protocol-relative URL like //evil.example.
  app = Fastify({ logger: false, routerOptions: { ignoreDuplicateSlashes: true } });
  app.decorate('deps', { database: handle } as unknown as AppDeps);
  app.decorateRequest('user', null);
  app.decorateRequest('apiToken', null);
  app.addHook('onRequest', (request, _reply, done) => {
    const id = request.headers['x-test-user'];
    request.user = typeof id === 'string' ? (users.get(id) ?? null) : null;
    done();
  });
  app.setErrorHandler((error: Error, _request: FastifyRequest, reply: FastifyReply) => {
    if (error instanceof Redirect) return reply.status(303).send({ redirect: error.location });
    if (error instanceof HttpError) return reply.status(error.statusCode).send({ error: error.message });
    return reply.status(500).send({ error: error.message });
  });
  app.route({
    method: ['GET', 'POST'],
    url: '/who/*',
    handler: (request) => ({ id: requireUser(request).id, actor: actorOf(request) }),
  });
  app.get<{ Params: { orgId: string; minimum: Role } }>('/orgs/:orgId/:minimum', (request) => orgContext(request, request.params.orgId, request.params.minimum));
  app.get<{ Params: { orgId: string } }>('/orgs/:orgId', (request) => orgContext(request, request.params.orgId));
  app.get('/api/no-hook', (request) => tokenOf(request).id);
  app.get('/actor', (request) => actorOf(request));
  await app.register((api, _options, done) => {
    api.addHook('onRequest', requireApiToken);
    api.get('/api/me', (request) => ({ token: tokenOf(request), actor: apiActor(request) }));
    done();
  });
  await app.ready();
});

afterAll(async () => {
  await app.close();
  await handle.close();
  rmSync(dataDir, { recursive: true, force: true });
});

afterEach(() => {
  vi.useRealTimers();
});

const asUser = (user: User | undefined, url: string, method: 'GET' | 'POST' = 'GET') =>
  app.inject({ method, url, headers: user ? { 'x-test-user': user.id } : {}, remoteAddress: '198.51.100.9' });

describe('roleAtLeast', () => {
  it('ranks viewer < member < owner', () => {
    const roles: Role[] = ['viewer', 'member', 'owner'];
    const table = roles.map((role) => roles.map((minimum) => roleAtLeast(role, minimum)));
    expect(table).toEqual([
      [true, false, false],
      [true, true, false],
      [true, true, true],
    ]);
  });
});

describe('isId', () => {
  it('takes a lower-case UUID and nothing around or instead of it', () => {
    const id = '0f8fad5b-d9cb-469f-a165-70867728950e';
    expect(isId(id)).toBe(true);
    expect(isId(id.toUpperCase())).toBe(false);
    expect(isId(`x${id}`)).toBe(false);
    expect(isId(`${id}x`)).toBe(false);
    expect(isId('0f8fad5bd9cb469fa16570867728950e')).toBe(false);
    expect(isId('0f8fad5b-d9cb-469f-a165-70867728950')).toBe(false);
    expect(isId('')).toBe(false);
  });
});

describe('requireUser', () => {
  it('hands back the signed-in user, and the audit actor names them', async () => {
    const user = await addUser();
    const response = await asUser(user, '/who/page');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ id: user.id, actor: { userId: user.id, ip: '198.51.100.9' } });
  });

  it('sends a visitor to the login page, back to the page they asked for', async () => {
    const response = await asUser(undefined, '/who/orgs/x?tab=scans&q=a b');
    expect(response.statusCode).toBe(303);
    expect(response.json()).toEqual({ redirect: `/login?next=${encodeURIComponent('/who/orgs/x?tab=scans&q=a%20b')}` });
  });

  it('after login, goes to /orgs rather than back to a form post or another site', async () => {
    expect((await asUser(undefined, '/who/orgs/x', 'POST')).json()).toEqual({ redirect: '/login?next=%2Forgs' });
    expect((await asUser(undefined, '//who/evil.example', 'GET')).json()).toEqual({ redirect: '/login?next=%2Forgs' });
  });
});

describe('a request target in absolute form (GET http://host/path)', () => {
  it('is not passed on as the page to return to after login (it names another site)', async () => {
    // Fastify routes absolute-form targets and keeps them in request.url, so this needs a real socket.
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = new URL(address);
    try {
      const raw = await new Promise<string>((resolve, reject) => {
        let received = '';
        const socket = net.connect(Number(port), '127.0.0.1', () => {
          socket.write('GET http://evil.example/who/page HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n');
        });
        socket.on('data', (chunk: Buffer) => (received += chunk.toString()));
        socket.on('end', () => resolve(received));
        socket.on('error', reject);
      });
      expect(raw.startsWith('HTTP/1.1 303')).toBe(true);
      expect(JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4))).toEqual({ redirect: '/login?next=%2Forgs' });
    } finally {
      await new Promise<void>((resolve) => app.server.close(() => resolve()));
    }
  });
});

describe('actorOf and Redirect', () => {
  it('names no user for a visitor, only the address', async () => {
    expect((await app.inject({ method: 'GET', url: '/actor', remoteAddress: '192.0.2.44' })).json()).toEqual({ userId: null, ip: '192.0.2.44' });
  });

  it('a Redirect says where it goes, for the logs', () => {
    const redirect = new Redirect('/login?next=%2Forgs');
    expect(redirect.location).toBe('/login?next=%2Forgs');
    expect(redirect.message).toBe('redirect to /login?next=%2Forgs');
    expect(redirect).toBeInstanceOf(Error);
  });
});

describe('orgContext', () => {
  it('gives a member their organisation and role, without the role in the organisation', async () => {
    const user = await addUser();
    const org = await addOrg([[user, 'member']]);
    const response = await asUser(user, `/orgs/${org.id}`);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ user, org, role: 'member' });
  });

  it('lets each role do what its rank allows and refuses more with 403', async () => {
    const viewer = await addUser();
    const member = await addUser();
    const owner = await addUser();
    const org = await addOrg([[viewer, 'viewer'], [member, 'member'], [owner, 'owner']]);
    const status = async (user: User, minimum: Role) => (await asUser(user, `/orgs/${org.id}/${minimum}`)).statusCode;
    expect(await status(viewer, 'viewer')).toBe(200);
    expect(await status(viewer, 'member')).toBe(403);
    expect(await status(member, 'member')).toBe(200);
    expect(await status(member, 'owner')).toBe(403);
    expect(await status(owner, 'owner')).toBe(200);
    expect((await asUser(viewer, `/orgs/${org.id}/owner`)).json()).toEqual({ error: 'your role does not allow this' });
  });

  it('answers 404 alike for another organisation, an unknown id and a malformed one', async () => {
    const outsider = await addUser();
    const insider = await addUser();
    await addOrg([[outsider, 'owner']]);
    const theirs = await addOrg([[insider, 'owner']]);
    for (const url of [`/orgs/${theirs.id}`, `/orgs/${newId()}`, '/orgs/not-an-id', `/orgs/${theirs.id.toUpperCase()}`]) {
      const response = await asUser(outsider, url);
      expect(response.statusCode, url).toBe(404);
      expect(response.json(), url).toEqual({ error: 'not found' });
    }
  });

  it('sends a visitor to log in before looking at the organisation', async () => {
    const owner = await addUser();
    const org = await addOrg([[owner, 'owner']]);
    expect((await asUser(undefined, `/orgs/${org.id}`)).json()).toEqual({ redirect: `/login?next=${encodeURIComponent(`/orgs/${org.id}`)}` });
  });

  it('an organisation that requires a second factor sends members without one to set it up', async () => {
    const without = await addUser(false);
    const withTotp = await addUser(true);
    const org = await addOrg([[without, 'owner'], [withTotp, 'viewer']], true);
    const refused = await asUser(without, `/orgs/${org.id}`);
    expect(refused.statusCode).toBe(303);
    expect(refused.json()).toEqual({ redirect: `/account/security?requiredBy=${org.id}` });
    expect((await asUser(withTotp, `/orgs/${org.id}`)).json()).toMatchObject({ role: 'viewer', org: { id: org.id, require_totp: 1 } });
    // Without the requirement, a member without a second factor gets in.
    const relaxed = await addOrg([[without, 'viewer']], false);
    expect((await asUser(without, `/orgs/${relaxed.id}`)).statusCode).toBe(200);
  });
});

describe('requireApiToken', () => {
  let owner: User;
  let org: Org;
  beforeAll(async () => {
    owner = await addUser();
    org = await addOrg([[owner, 'owner']]);
  });

  const call = (authorization?: string) => app.inject({ method: 'GET', url: '/api/me', headers: authorization === undefined ? {} : { authorization }, remoteAddress: '203.0.113.5' });

  async function refusal(authorization: string | undefined): Promise<string> {
    const response = await call(authorization);
    expect(response.statusCode).toBe(401);
    expect(response.headers['www-authenticate']).toBe('Bearer realm="weerbaar"');
    const body = response.json<{ error: { status: number; message: string } }>();
    expect(body.error.status).toBe(401);
    return body.error.message;
  }

  it('lets a valid token in: the route sees its token and the audit actor is the token', async () => {
    const token = `wb_${newId()}`;
    const row = await addToken(org, owner, token);
    const response = await call(`Bearer ${token}`);
    expect(response.statusCode).toBe(200);
    const body = response.json<{ token: ApiToken; actor: unknown }>();
    expect(body.token).toMatchObject({ id: row.id, org_id: org.id, token_hash: hashSecret(token) });
    expect(body.actor).toEqual({ userId: null, apiTokenId: row.id, ip: '203.0.113.5' });
  });

  it('reads the scheme in any case, with spaces or tabs around the token', async () => {
    const token = `wb_${newId()}`;
    await addToken(org, owner, token);
    for (const header of [`bearer ${token}`, `BEARER \t ${token}`, `Bearer ${token} \t`]) {
      expect((await call(header)).statusCode, header).toBe(200);
    }
  });

  it('refuses a missing header, another scheme and extra words, each with its own explanation', async () => {
    const token = `wb_${newId()}`;
    await addToken(org, owner, token);
    expect(await refusal(undefined)).toMatch(/^missing Authorization header/);
    for (const header of [`Basic ${token}`, 'Bearer', 'Bearer ', `Bearer ${token} more`, `XBearer ${token}`, `Bearer:${token}`]) {
      expect(await refusal(header), header).toBe('the Authorization header must be "Bearer <token>"');
    }
  });

  it('refuses what is not a Weerbaar token, an unknown one and a revoked one', async () => {
    const live = `wb_${newId()}`;
    await addToken(org, owner, live);
    const other = `xx_${newId()}`;
    await addToken(org, owner, other);
    expect(await refusal(`Bearer ${other}`)).toBe('this is not a Weerbaar API token (they start with wb_)');
    expect(await refusal(`Bearer ${live.toUpperCase()}`)).toBe('this is not a Weerbaar API token (they start with wb_)');
    expect(await refusal(`Bearer wb_${newId()}`)).toBe('unknown API token');
    const revoked = `wb_${newId()}`;
    await addToken(org, owner, revoked, { revoked_at: nowIso(new Date('2026-02-01T00:00:00Z')) });
    expect(await refusal(`Bearer ${revoked}`)).toMatch(/^this API token has been revoked/);
  });

  it('records when a token was last used, at most once a minute', async () => {
    const token = `wb_${newId()}`;
    const row = await addToken(org, owner, token);
    const lastUsed = async () => (await handle.db.selectFrom('api_tokens').select('last_used_at').where('id', '=', row.id).executeTakeFirstOrThrow()).last_used_at;
    const seenBy = async () => (await call(`Bearer ${token}`)).json<{ token: ApiToken }>().token.last_used_at;
    vi.useFakeTimers({ toFake: ['Date'] });
    const start = new Date('2026-06-01T10:00:00.000Z');
    vi.setSystemTime(start);
    expect(await seenBy()).toBe(nowIso(start));
    expect(await lastUsed()).toBe(nowIso(start));
    vi.setSystemTime(new Date(start.getTime() + 59_999));
    expect(await seenBy()).toBe(nowIso(start));
    expect(await lastUsed()).toBe(nowIso(start));
    const minuteLater = new Date(start.getTime() + 60_000);
    vi.setSystemTime(minuteLater);
    expect(await seenBy()).toBe(nowIso(minuteLater));
    expect(await lastUsed()).toBe(nowIso(minuteLater));
  });

  it('tokenOf refuses a route that forgot the hook', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/no-hook' });
    expect(response.statusCode).toBe(500);
    expect(response.json()).toEqual({ error: 'API route reached without a token; is the hook registered?' });
  });
});
