/**
 * DKIM selectors per domain (DKIM keys cannot be listed from outside): a member sets them
 * on the domain page or through the API, a viewer cannot, bad input is refused with the
 * reason, the change is audited, and every later scan of the domain looks them up.
 * The scan engine is replaced by a recorder of the options it is given (our own seam).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScanOptions, ScanResult } from '../src/scan/engine.js';
import { auditOf, createOrgVia, memberClient } from './web/org-helpers.js';
import { DIALECTS, signUp, startTestApp, TestClient, type TestApp } from './web/harness.js';

describe.each(DIALECTS)('DKIM selectors of a domain (%s)', (dialect) => {
  let t: TestApp;
  let owner: TestClient;
  let orgId: string;
  let domainId: string;
  let token: string;
  const seen: ScanOptions[] = [];

  const runner = (target: string, options: ScanOptions): Promise<ScanResult> => {
    seen.push(options);
    return Promise.resolve({
      target,
      startedAt: new Date().toISOString(),
      durationMs: 1,
      evidence: { target, collectedAt: new Date().toISOString() },
      results: [],
      score: { scores: { web: null, mail: null, overall: null }, categories: [], checks: [] },
    });
  };

  beforeAll(async () => {
    t = await startTestApp(dialect, { runner, scanOptions: { dkimSelectors: ['fromconfig'] } });
    owner = new TestClient(t.app);
    await signUp(owner, 'owner@dkim.test', 'Dora Owner');
    orgId = await createOrgVia(owner, 'DKIM Shop');
    const added = await owner.post(`/orgs/${orgId}/domains`, { name: 'shop.test' });
    domainId = /\/domains\/([0-9a-f-]{36})/.exec(added.headers.location ?? '')?.[1] ?? '';
    await owner.get(`/orgs/${orgId}/tokens`);
    const created = await owner.post(`/orgs/${orgId}/tokens`, { name: 'ci' });
    token = /value="(wb_[A-Za-z0-9_-]+)"/.exec(created.body)?.[1] ?? '';
  });
  afterAll(async () => {
    await t.close();
  });

  it('a member saves selectors on the domain page; they are shown and audited', async () => {
    await owner.get(`/orgs/${orgId}/domains/${domainId}`);
    const saved = await owner.post(`/orgs/${orgId}/domains/${domainId}/dkim`, { selectors: 'Selector1, selector2  google' });
    expect(saved.statusCode).toBe(303);
    const page = await owner.get(`/orgs/${orgId}/domains/${domainId}?saved=1`);
    expect(page.body).toContain('value="selector1 selector2 google"');
    const entries = await auditOf(t.database.handle.db, orgId);
    expect(entries.some((entry) => entry.action === 'update' && entry.record_type === 'domain' && entry.record_id === domainId)).toBe(true);
  });

  it('refuses a selector that is not a DNS label, says why, and keeps the old ones', async () => {
    await owner.get(`/orgs/${orgId}/domains/${domainId}`);
    const refused = await owner.post(`/orgs/${orgId}/domains/${domainId}/dkim`, { selectors: 'good bad/one' });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('bad/one');
    const row = await t.database.handle.db.selectFrom('domains').select('dkim_selectors').where('id', '=', domainId).executeTakeFirstOrThrow();
    expect(row.dkim_selectors).toBe('selector1 selector2 google');
  });

  it('a viewer sees the selectors but cannot change them', async () => {
    const { client: viewer } = await memberClient(t, orgId, 'viewer@dkim.test', 'viewer');
    const page = await viewer.get(`/orgs/${orgId}/domains/${domainId}`);
    expect(page.body).toContain('selector1 selector2 google');
    expect(page.body).not.toContain(`/domains/${domainId}/dkim"`);
    const attempt = await viewer.post(`/orgs/${orgId}/domains/${domainId}/dkim`, { selectors: 'evil' });
    expect(attempt.statusCode).toBe(403);
    const row = await t.database.handle.db.selectFrom('domains').select('dkim_selectors').where('id', '=', domainId).executeTakeFirstOrThrow();
    expect(row.dkim_selectors).toBe('selector1 selector2 google');
  });

  it('every later scan of the domain looks up its selectors, besides those of the configuration', async () => {
    await owner.get(`/orgs/${orgId}/domains/${domainId}`);
    const requested = await owner.post(`/orgs/${orgId}/domains/${domainId}/scans`);
    expect(requested.statusCode).toBe(303);
    for (let wait = 0; wait < 100 && seen.length === 0; wait++) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(seen.at(-1)?.dkimSelectors).toEqual(['selector1', 'selector2', 'google', 'fromconfig']);
  });

  it('the API sets them with PATCH and names the field when one is bad', async () => {
    const patch = (body: unknown) =>
      t.app.inject({ method: 'PATCH', url: `/api/v1/domains/${domainId}`, headers: { authorization: `Bearer ${token}` }, payload: body as Record<string, unknown> });
    const ok = await patch({ dkimSelectors: ['s1', 'S2'] });
    expect(ok.statusCode).toBe(200);
    expect(ok.json<{ dkimSelectors: string[] }>().dkimSelectors).toEqual(['s1', 's2']);
    const bad = await patch({ dkimSelectors: ['fine', 'not ok!'] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ error: { field: string } }>().error.field).toBe('body.dkimSelectors');
    const read = await t.app.inject({ method: 'GET', url: `/api/v1/domains/${domainId}`, headers: { authorization: `Bearer ${token}` } });
    expect(read.json<{ dkimSelectors: string[] }>().dkimSelectors).toEqual(['s1', 's2']);
  });
});
