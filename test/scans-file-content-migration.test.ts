/**
 * Scans stored before issue 13 held the first bytes of exposed files (a `.env`, a dump) in
 * result_json. Migration 009 removes them from every stored result, on both databases,
 * and leaves everything else of the result as it was.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../src/accounts/users.js';
import { newId, nowIso } from '../src/db/ids.js';
import { scansWithoutFileContentMigration, scrubStoredFileContent, withoutFileContent } from '../src/domains/migration.js';
import { createOrg } from '../src/orgs/data.js';
import { allMigrations } from '../src/server/features.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from './web/harness.js';

const SECRET = 'DB_PASSWORD=hunter2-do-not-leak';

/** A result as the scanner stored it before the fix: the .env probe with its snippet and title. */
function oldResult(target: string): unknown {
  const probe = { path: '/.env', status: 200, contentType: 'text/plain', snippet: SECRET, title: 'env', bodyBytes: 31 };
  return {
    target,
    results: [
      { id: 'web.exposure', status: 'fail', verdict: { status: 'fail', summary: { key: 'exposed', params: { count: 1 } }, advice: [], evidence: { hosts: [{ host: target, probes: [probe] }] } } },
      { id: 'web.hsts', status: 'pass', verdict: { status: 'pass', summary: { key: 'ok' }, advice: [], evidence: { title: 'kept: not a probe' } } },
    ],
    evidence: { web: { paths: [{ host: target, probes: [probe, { path: '/.git/config', status: 404, bodyBytes: 0 }] }] } },
  };
}

describe('removing file content from stored results', () => {
  it('takes snippet and title out of probes only, wherever they are', () => {
    const { value, changed } = withoutFileContent(oldResult('shop.example'));
    expect(changed).toBe(true);
    const text = JSON.stringify(value);
    expect(text).not.toContain(SECRET);
    expect(text).toContain('"bodyBytes":31');
    expect(text).toContain('kept: not a probe');
    expect(withoutFileContent({ a: [{ path: '/x', bodyBytes: 1 }] }).changed).toBe(false);
  });

  it('is the feature migration 009 that every database runs', () => {
    expect(allMigrations('sqlite')['009-scans-without-file-content']).toBe(scansWithoutFileContentMigration);
  });
});

describe.each(DIALECTS)('migration 009 on stored scans (%s)', (dialect) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(dialect);
  });
  afterAll(async () => {
    await database.drop();
  });

  it('removes the secret from every stored scan and changes nothing else', async () => {
    const db = database.handle.db;
    const user = await createUser(db, { email: 'owner@scrub.example', displayName: 'Owner', password: 'correct horse battery 42' });
    const org = await createOrg(db, { name: 'Scrub shop', kind: 'webshop', ownerId: user.id });
    const domainId = newId();
    await db.insertInto('domains').values({ id: domainId, org_id: org.id, name: 'scrub.example', created_at: nowIso(), created_by: user.id }).execute();
    const ids: string[] = [];
    for (let index = 0; index < 3; index += 1) {
      const id = newId();
      ids.push(id);
      await db
        .insertInto('scans')
        .values({ id, org_id: org.id, domain_id: domainId, target: 'scrub.example', status: 'done', requested_by: user.id, created_at: nowIso(), attempts: 1, result_json: JSON.stringify(oldResult('scrub.example')) })
        .execute();
    }
    expect(await scrubStoredFileContent(db)).toBe(3);
    const rows = await db.selectFrom('scans').select(['id', 'result_json']).where('id', 'in', ids).execute();
    for (const row of rows) {
      expect(row.result_json).not.toContain(SECRET);
      expect(JSON.parse(row.result_json ?? 'null')).toEqual(withoutFileContent(oldResult('scrub.example')).value);
    }
    expect(await scrubStoredFileContent(db)).toBe(0);
  });
});
