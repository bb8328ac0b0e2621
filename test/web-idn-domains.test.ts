/**
 * A domain added with accents is shown in Unicode with its ASCII (punycode) form beside
 * it, on the overview, the domain page and the scan page; a look-alike name made of mixed
 * scripts therefore always shows the xn-- form that gives it away.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { domainDisplay } from '../src/core/domain-name.js';
import { createOrgVia } from './web/org-helpers.js';
import { DIALECTS, signUp, startTestApp, TestClient, type TestApp } from './web/harness.js';

const ACCENTED = { typed: 'Bloemen-Müller.de', shown: 'bloemen-müller.de (xn--bloemen-mller-4ob.de)' };
// "pаypal.com" with a Cyrillic "а" (U+0430): it must never read as plain paypal.com.
const LOOKALIKE = { typed: 'p\u0430ypal.com', shown: 'p\u0430ypal.com (xn--pypal-4ve.com)' };

describe('domainDisplay', () => {
  it('shows Unicode with the ASCII form beside it, and plain ASCII names as they are', () => {
    expect(domainDisplay('xn--bloemen-mller-4ob.de')).toBe(ACCENTED.shown);
    expect(domainDisplay('xn--pypal-4ve.com')).toBe(LOOKALIKE.shown);
    expect(domainDisplay('shop.example')).toBe('shop.example');
    // Not valid punycode: shown as stored, never as an empty string.
    expect(domainDisplay('xn--zz.example')).toBe('xn--zz.example');
  });
});

describe.each(DIALECTS)('internationalised domain names in the app (%s)', (dialect) => {
  let t: TestApp;
  let owner: TestClient;
  let orgId: string;
  beforeAll(async () => {
    // No queue worker: a scan stays queued, which is all the scan page header needs.
    t = await startTestApp(dialect, { work: false });
    owner = new TestClient(t.app);
    await signUp(owner, 'idn@idn.example', 'Ida');
    orgId = await createOrgVia(owner, 'IDN shop');
  });
  afterAll(async () => {
    await t.close();
  });

  for (const name of [ACCENTED, LOOKALIKE]) {
    it(`shows ${name.shown} on the overview, the domain page and the scan page`, async () => {
      const added = await owner.post(`/orgs/${orgId}/domains`, { name: name.typed });
      expect(added.statusCode).toBe(303);
      const domainPath = String(added.headers.location).replace(/\?.*$/, '');
      const domainPage = await owner.get(domainPath);
      expect(domainPage.body).toContain(`<h1><bdi>${name.shown}</bdi></h1>`);
      expect((await owner.get(`/orgs/${orgId}`)).body).toContain(`><bdi>${name.shown}</bdi></a></th>`);
      const scan = await owner.post(`${domainPath}/scans`);
      expect(scan.statusCode).toBe(303);
      const scanPage = await owner.get(String(scan.headers.location));
      expect(/<h1>([^<]*)<\/h1>/.exec(scanPage.body.replace(/<\/?bdi>/g, ''))?.[1]).toContain(name.shown);
      // Adding it again, in either spelling, names it the same way.
      const again = await owner.post(`/orgs/${orgId}/domains`, { name: name.typed });
      expect(again.statusCode).toBe(409);
      expect(again.body).toContain(name.shown);
    });
  }
});
