/**
 * API tokens do not outlive their creator's membership: the list says who made each
 * token, and removing a member (or a member leaving) revokes the tokens they made in that
 * organisation, in the audit log and in the confirmation, in the reader's language.
 */
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operatorRef } from '../src/audit/audit.js';
import { createApiToken } from '../src/tokens/data.js';
import { auditOf, createOrgVia, userId } from './web/org-helpers.js';
import { DIALECTS, signUp, startTestApp, TestClient, type TestApp } from './web/harness.js';

describe.each(DIALECTS)('API tokens and their creators (%s)', (dialect) => {
  let t: TestApp;
  let owner: TestClient;

  beforeAll(async () => {
    t = await startTestApp(dialect, { work: false });
    owner = new TestClient(t.app);
    await signUp(owner, 'anna@tokens.example', 'Anna Eigenaar');
  });
  afterAll(async () => {
    await t.close();
  });

  const api = (token: string): Promise<LightMyRequestResponse> => t.app.inject({ method: 'GET', url: '/api/v1/domains', headers: { authorization: `Bearer ${token}` } });

  async function createToken(client: TestClient, orgId: string, name: string): Promise<string> {
    await client.get(`/orgs/${orgId}/tokens`);
    const created = await client.post(`/orgs/${orgId}/tokens`, { name });
    const value = /value="(wb_[A-Za-z0-9_-]+)"/.exec(created.body)?.[1];
    if (!value) throw new Error(`no token on the page: ${created.statusCode}`);
    return value;
  }

  /** A second owner of the organisation, signed in with their own client. */
  async function coOwner(orgId: string, email: string, name: string, headers: Record<string, string> = {}): Promise<{ client: TestClient; id: string }> {
    const client = new TestClient(t.app, headers);
    await signUp(client, email, name);
    const db = t.database.handle.db;
    const id = await userId(db, email);
    await db.insertInto('memberships').values({ org_id: orgId, user_id: id, role: 'owner', created_at: new Date().toISOString() }).execute();
    return { client, id };
  }

  it('lists who created each token: name and e-mail, or the operator on the command line', async () => {
    const orgId = await createOrgVia(owner, 'Creator shop');
    const cas = await coOwner(orgId, 'cas@tokens.example', 'Cas Bouwer');
    await createToken(cas.client, orgId, 'cas-deploy');
    await createApiToken(t.database.handle.db, { orgId, name: 'provisioned', createdBy: operatorRef({ osUser: 'deploy' }) });
    const page = await owner.get(`/orgs/${orgId}/tokens`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<th scope="col">Created by</th>');
    // Names are isolated in <bdi> (issue 13); the words around them are what this test reads.
    const body = page.body.replace(/<\/?bdi>/g, '');
    const row = (name: string): string => /^[\s\S]*?<\/tr>/.exec(body.slice(body.indexOf(`<th scope="row">${name}</th>`)))?.[0] ?? '';
    expect(row('cas-deploy')).toContain('Cas Bouwer<br><span class="hint">cas@tokens.example</span>');
    expect(row('provisioned')).toContain('Operator deploy (command line)');
  });

  it('revokes a removed member\'s tokens: 401 on the API, audited, and the confirmation counts them', async () => {
    const orgId = await createOrgVia(owner, 'Removal shop');
    const db = t.database.handle.db;
    const cas = await coOwner(orgId, 'cas2@tokens.example', 'Cas');
    const casTokens = [await createToken(cas.client, orgId, 'cas-one'), await createToken(cas.client, orgId, 'cas-two')];
    const annaToken = await createToken(owner, orgId, 'anna-own');
    for (const token of [...casTokens, annaToken]) expect((await api(token)).statusCode).toBe(200);

    await owner.get(`/orgs/${orgId}/members`);
    const removed = await owner.post(`/orgs/${orgId}/members/${cas.id}/remove`);
    expect(removed.statusCode).toBe(200);
    expect(removed.body).toContain('Cas was removed; their 2 API tokens were revoked.');

    for (const token of casTokens) {
      const refused = await api(token);
      expect(refused.statusCode).toBe(401);
      expect(refused.json<{ error: { message: string } }>().error.message).toMatch(/revoked/);
    }
    expect((await api(annaToken)).statusCode).toBe(200);

    const entries = await auditOf(db, orgId);
    const revocations = entries.filter((e) => e.record_type === 'api_token' && e.action === 'update');
    expect(revocations.map((e) => JSON.parse(e.detail ?? '{}') as unknown)).toEqual(
      expect.arrayContaining([
        { revoked: true, name: 'cas-one', reason: 'creatorRemoved' },
        { revoked: true, name: 'cas-two', reason: 'creatorRemoved' },
      ]),
    );
    expect(revocations.every((e) => e.user_id === entries.find((x) => x.record_type === 'org')?.user_id)).toBe(true);
    const removal = entries.find((e) => e.record_type === 'membership' && e.action === 'delete');
    expect(JSON.parse(removal?.detail ?? '{}')).toEqual({ role: 'owner', left: false, tokensRevoked: 2 });

    // The list still says who made the revoked tokens.
    const list = await owner.get(`/orgs/${orgId}/tokens`);
    expect(list.body.match(/cas2@tokens\.example/g)).toHaveLength(2);
  });

  it('says so in one token, in Dutch and Swedish too', async () => {
    for (const [lang, text] of [
      ['nl', 'Bea is verwijderd; het API-token dat deze persoon aanmaakte, is ingetrokken.'],
      ['sv', 'Bea har tagits bort; API-nyckeln som personen skapade har återkallats.'],
    ] as const) {
      const boss = new TestClient(t.app, { 'accept-language': lang });
      await signUp(boss, `boss-${lang}@tokens.example`, 'Baas');
      const orgId = await createOrgVia(boss, `Shop ${lang}`);
      const bea = await coOwner(orgId, `bea-${lang}@tokens.example`, 'Bea');
      await createToken(bea.client, orgId, 'bea');
      await boss.get(`/orgs/${orgId}/members`);
      const removed = await boss.post(`/orgs/${orgId}/members/${bea.id}/remove`);
      expect(removed.statusCode).toBe(200);
      expect(removed.body).toContain(text);
    }
  });

  it('revokes the tokens of a member who leaves on their own, and tells them', async () => {
    const orgId = await createOrgVia(owner, 'Leaving shop');
    const dirk = await coOwner(orgId, 'dirk@tokens.example', 'Dirk');
    const token = await createToken(dirk.client, orgId, 'dirk-script');
    expect((await api(token)).statusCode).toBe(200);
    await dirk.client.get(`/orgs/${orgId}/members`);
    const left = await dirk.client.post(`/orgs/${orgId}/members/${dirk.id}/remove`);
    expect(left.statusCode).toBe(303);
    expect(left.headers.location).toBe('/orgs?left=1');
    expect((await dirk.client.get('/orgs?left=1')).body).toContain('You have left the organisation; the API token you created for it was revoked.');
    expect((await api(token)).statusCode).toBe(401);
    const revocation = (await auditOf(t.database.handle.db, orgId)).find((e) => e.record_type === 'api_token' && e.action === 'update');
    expect(JSON.parse(revocation?.detail ?? '{}')).toEqual({ revoked: true, name: 'dirk-script', reason: 'creatorLeft' });
    expect((await dirk.client.get('/orgs?left=<b>')).statusCode).toBe(400);
  });
});
