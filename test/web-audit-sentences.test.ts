/**
 * The audit log reads as sentences: who did what to which named record, in the reader's
 * language, with names taken from the records (a removed domain by the name the entry
 * kept). Ids, record types and JSON are only behind the "entry data" toggle.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrgVia, memberClient } from './web/org-helpers.js';
import { DIALECTS, signUp, startTestApp, TestClient, type TestApp } from './web/harness.js';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/** The audit table's text outside every <details>, tags removed, entities decoded. */
function visibleTable(body: string): string {
  const table = /<table class="audit">[\s\S]*<\/table>/.exec(body)?.[0] ?? '';
  return table
    .replace(/<details>[\s\S]*?<\/details>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

async function addDomain(client: TestClient, orgId: string, name: string): Promise<string> {
  const response = await client.post(`/orgs/${orgId}/domains`, { name });
  const id = /\/domains\/([0-9a-f-]{36})/.exec(String(response.headers.location))?.[1];
  if (!id) throw new Error(`adding ${name}: ${response.statusCode}`);
  return id;
}

describe.each(DIALECTS)('the audit log in sentences (%s)', (dialect) => {
  let t: TestApp;
  let owner: TestClient;
  let orgId: string;
  beforeAll(async () => {
    t = await startTestApp(dialect);
    owner = new TestClient(t.app);
    await signUp(owner, 'olga@sentences.example', 'Olga Owner');
    orgId = await createOrgVia(owner, 'Bloemen Müller');
    await addDomain(owner, orgId, 'shop.example');
    await addDomain(owner, orgId, 'bloemen-müller.de');
    const gone = await addDomain(owner, orgId, 'gone.example');
    await owner.get(`/orgs/${orgId}/domains/${gone}`);
    expect((await owner.post(`/orgs/${orgId}/domains/${gone}/delete`)).statusCode).toBe(303);
    await owner.get(`/orgs/${orgId}/tokens`);
    await owner.post(`/orgs/${orgId}/tokens`, { name: 'Build server' });
    const token = await t.database.handle.db.selectFrom('api_tokens').select('id').where('org_id', '=', orgId).executeTakeFirstOrThrow();
    await owner.get(`/orgs/${orgId}/tokens`);
    await owner.post(`/orgs/${orgId}/tokens/${token.id}/revoke`);
    await owner.get(`/orgs/${orgId}/members`);
    await owner.post(`/orgs/${orgId}/invitations`, { email: 'ines@sentences.example', role: 'viewer' });
    const { id: memberId } = await memberClient(t, orgId, 'mo@sentences.example', 'member');
    await t.database.handle.db.updateTable('users').set({ display_name: 'Mo Member' }).where('id', '=', memberId).execute();
    await owner.get(`/orgs/${orgId}/members`);
    expect((await owner.post(`/orgs/${orgId}/members/${memberId}/role`, { role: 'viewer' })).statusCode).toBe(303);
    expect((await owner.post(`/orgs/${orgId}/members/${memberId}/remove`)).statusCode, 'the confirmation page, with the count of revoked tokens').toBe(200);
  });
  afterAll(async () => {
    await t.close();
  });

  it('says who did what to which named record, with no bare id outside the toggle', async () => {
    const page = await owner.get(`/orgs/${orgId}/audit`);
    expect(page.statusCode).toBe(200);
    const text = visibleTable(page.body);
    for (const sentence of [
      'Olga Owner created the organisation Bloemen Müller',
      'Olga Owner added the domain shop.example',
      'Olga Owner added the domain bloemen-müller.de (xn--bloemen-mller-4ob.de)',
      'Olga Owner removed the domain gone.example',
      'Olga Owner created the API token Build server',
      'Olga Owner revoked the API token Build server',
      'Olga Owner invited ines@sentences.example as Viewer',
      'Olga Owner changed the role of Mo Member from Member to Viewer',
      'Olga Owner removed Mo Member (Viewer) from the organisation',
      'Olga Owner viewed the audit log',
    ]) {
      expect(text).toContain(sentence);
    }
    expect(text).not.toMatch(UUID);
    expect(text).not.toMatch(/\{"|api_token|record_type|membership\b/);
    // The raw entry is still on the page, folded away.
    expect(page.body).toMatch(/<details><summary>Entry data<\/summary>[\s\S]*?<code>[0-9a-f-]{36}<\/code>/);
  });

  it('reads in the owner’s language', async () => {
    await owner.get('/account');
    await owner.post('/account/profile', { name: 'Olga Owner', lang: 'nl' });
    const text = visibleTable((await owner.get(`/orgs/${orgId}/audit`)).body);
    expect(text).toContain('Olga Owner heeft het domein gone.example verwijderd');
    expect(text).toContain('Olga Owner heeft het API-token Build server ingetrokken');
    expect(text).not.toMatch(UUID);
  });
});
