/**
 * A failed scan says why in the page's language, without the CLI's words: a domain that
 * points only to private addresses (the CLI suggests --allow-private) and a scan whose
 * worker kept stopping, on SQLite and PostgreSQL. The failures are made by the real
 * executeScan; only the refused target is a stand-in runner throwing the engine's own refusal.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UsageError } from '../src/core/errors.js';
import { newId, nowIso } from '../src/db/ids.js';
import { executeScan } from '../src/jobs/execute-scan.js';
import { refusalMessage } from '../src/scan/target.js';
import { uiTranslators } from '../src/server/features.js';
import { createOrgVia } from './web/org-helpers.js';
import { DIALECTS, signUp, startTestApp, TestClient, type TestApp } from './web/harness.js';

const t = uiTranslators();

describe.each(DIALECTS)('a failed scan explained in the page language (%s)', (dialect) => {
  let app: TestApp;
  let owner: TestClient;
  let orgId = '';
  let domainId = '';

  beforeAll(async () => {
    app = await startTestApp(dialect, { work: false });
    owner = new TestClient(app.app, { 'accept-language': 'nl' });
    await signUp(owner, 'failed-scan@shop.test');
    await app.database.handle.db.updateTable('users').set({ lang: 'nl' }).where('email', '=', 'failed-scan@shop.test').execute();
    orgId = await createOrgVia(owner, 'Winkel');
    const added = await owner.post(`/orgs/${orgId}/domains`, { name: 'shop.test' });
    domainId = /domains\/([0-9a-f-]{36})/.exec(String(added.headers.location))?.[1] ?? '';
  });
  afterAll(async () => {
    await app.close();
  });

  async function failedScan(run: (scanId: string) => Promise<unknown>): Promise<string> {
    const id = newId();
    await app.database.handle.db
      .insertInto('scans')
      .values({ id, org_id: orgId, domain_id: domainId, target: 'shop.test', status: 'queued', requested_by: 'test', created_at: nowIso(), attempts: 0 })
      .execute();
    await run(id);
    const page = await owner.get(`/orgs/${orgId}/scans/${id}`);
    expect(page.statusCode).toBe(200);
    return page.body.replace(/<\/?bdi>/g, ''); // names are isolated in <bdi>; the words are what counts here
  }

  it('names the host and no CLI flag when the domain points only to private addresses', async () => {
    const refusal = refusalMessage('shop.test', [{ address: '127.0.0.1', range: 'loopback' }]);
    const body = await failedScan((id) => executeScan(app.database.handle.db, id, {}, () => Promise.reject(new UsageError(refusal))));
    expect(body).toContain(t('nl')('scan.failedRefused', { host: 'shop.test' }));
    expect(body).not.toContain('--allow-private');
    expect(body).not.toContain('resolves only to');
  });

  it('says in Dutch, with the right plural, that the worker kept stopping', async () => {
    const body = await failedScan(async (id) => {
      await app.database.handle.db.updateTable('scans').set({ attempts: 1 }).where('id', '=', id).execute();
      return executeScan(app.database.handle.db, id, {}, undefined, { maxAttempts: 1 });
    });
    expect(body).toContain('De scan is 1 keer gestart en stopte voordat hij klaar was.');
  });
});
