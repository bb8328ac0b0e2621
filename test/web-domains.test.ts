/**
 * Domains and scans in the browser, end to end: add a domain, scan a real loopback
 * site through the in-process queue, read the result grouped by severity in Dutch, see
 * what changed since the previous scan. Loopback: DNS on 127.0.3.53, sites on
 * 127.0.3.1 (well configured) and 127.0.3.2 (no HSTS, a careless cookie).
 */
import { constants } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId, nowIso } from '../src/db/ids.js';
import type { ScanStatus } from '../src/db/schema.js';
import { findCheck } from '../src/scan/checks/registry.js';
import { renderReport, type ScanResult } from '../src/scan/engine.js';
import { SEVERITY_ORDER } from '../src/domains/scan-view.js';
import { startDnsServer, type DnsFixtureRecord, type DnsTestServer } from './fixtures/dns-server.js';
import { testPki, type TestPki } from './fixtures/pki.js';
import { startSite, type RunningSite } from './fixtures/site.js';
import { auditOf, createOrgVia, memberClient } from './web/org-helpers.js';
import { DIALECTS, signUp, startTestApp, TestClient, type TestApp } from './web/harness.js';

const DNS = '127.0.3.53';
const GOOD_SITE = '127.0.3.1';
const CARELESS_SITE = '127.0.3.2';
const DAY = 86_400_000;

let pki: TestPki;
let dns: DnsTestServer;
const sites: RunningSite[] = [];

const shopAt = (address: string): DnsFixtureRecord[] => [{ name: 'shop.test', type: 'A', ttl: 60, data: address }];

beforeAll(async () => {
  pki = await testPki();
  dns = await startDnsServer({ address: DNS, port: 53, records: shopAt(GOOD_SITE) });
  const cert = await pki.issue({ names: ['shop.test'], key: 'ec256' });
  const tls = {
    minVersion: 'TLSv1.2' as const,
    ciphers: 'ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-ECDSA-AES128-GCM-SHA256',
    honorCipherOrder: true,
    ecdhCurve: 'X25519:prime256v1:secp384r1',
    secureOptions: constants.SSL_OP_NO_RENEGOTIATION,
  };
  const headers = {
    'strict-transport-security': 'max-age=31536000; includeSubDomains',
    'content-security-policy': "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'",
    'x-frame-options': 'DENY',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'strict-origin-when-cross-origin',
  };
  const paths = {
    '/.well-known/security.txt': {
      headers: { 'content-type': 'text/plain; charset=utf-8' },
      body: `Contact: mailto:security@shop.test\nExpires: ${new Date(Date.now() + 180 * DAY).toISOString()}\n`,
    },
  };
  sites.push(await startSite({ address: GOOD_SITE, cert, tls, headers, paths }));
  sites.push(
    await startSite({
      address: CARELESS_SITE,
      cert,
      tls,
      headers: { ...headers, 'strict-transport-security': [], 'set-cookie': ['PHPSESSID=abc123; Path=/'] },
      paths,
    }),
  );
}, 60_000);

afterAll(async () => {
  await Promise.all(sites.map((site) => site.close()));
  await dns?.close();
});

async function waitForScan(t: TestApp, scanId: string): Promise<ScanStatus> {
  const db = t.database.handle.db;
  for (let i = 0; i < 240; i++) {
    const row = await db.selectFrom('scans').select('status').where('id', '=', scanId).executeTakeFirstOrThrow();
    if (row.status === 'done' || row.status === 'failed') return row.status;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`scan ${scanId} did not finish`);
}

const scanIdFrom = (location: unknown): string => {
  const id = /\/scans\/([0-9a-f-]{36})$/.exec(String(location))?.[1];
  if (!id) throw new Error(`not a scan page: ${String(location)}`);
  return id;
};

const withoutBdi = (body: string): string => body.replace(/<\/?bdi>/g, '');

/** The severity groups of a scan page, in page order. */
/** The severity groups of one area's folded details, in page order. */
const groupsOf = (body: string, area: string): string[] =>
  [...body.matchAll(new RegExp(`<section class="severity" aria-labelledby="details-${area}-name group-${area}-\\w+" data-status="(\\w+)"`, 'g'))].map((m) => m[1] ?? '');

describe.each(DIALECTS)('domains and scans in the app (%s)', (dialect) => {
  let t: TestApp;
  let owner: TestClient;
  let orgId: string;

  beforeAll(async () => {
    t = await startTestApp(dialect, {
      scanOptions: { resolver: { address: DNS, port: 53 }, extraCa: [pki.root.certPem], allowPrivate: true, timeoutMs: 20_000 },
    });
    // A Dutch browser: the account's language follows it.
    owner = new TestClient(t.app, { 'accept-language': 'nl-NL,nl;q=0.9' });
    await signUp(owner, 'eigenaar@winkel.test', 'Eva Eigenaar');
    orgId = await createOrgVia(owner, 'Winkel BV');
  });
  afterAll(async () => {
    await t.close();
    dns.setRecords(shopAt(GOOD_SITE));
  });

  it('shows an empty overview with the add form', async () => {
    const page = await owner.get(`/orgs/${orgId}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Nog geen domeinen');
    expect(page.body).toContain(`action="/orgs/${orgId}/domains"`);
    expect(page.body).toContain('aria-current="page">Overzicht</a>');
  });

  it('refuses an invalid name with the precise reason, normalises a pasted address, and refuses a duplicate', async () => {
    const bad = await owner.post(`/orgs/${orgId}/domains`, { name: 'shop..test' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Dit is geen domeinnaam die gescand kan worden');
    expect(bad.body).toContain('er staan twee punten achter elkaar');
    expect(bad.body).toContain('value="shop..test"');
    const ip = await owner.post(`/orgs/${orgId}/domains`, { name: '192.0.2.1' });
    expect(ip.statusCode).toBe(400);
    expect(ip.body).toContain('dit is een IP-adres');

    const added = await owner.post(`/orgs/${orgId}/domains`, { name: ' https://Shop.TEST/winkelwagen ' });
    expect(added.statusCode).toBe(303);
    expect(String(added.headers.location)).toMatch(new RegExp(`^/orgs/${orgId}/domains/[0-9a-f-]{36}\\?added=1$`));
    const db = t.database.handle.db;
    const rows = await db.selectFrom('domains').select(['id', 'name']).where('org_id', '=', orgId).execute();
    expect(rows.map((row) => row.name)).toEqual(['shop.test']);

    const again = await owner.post(`/orgs/${orgId}/domains`, { name: 'SHOP.test.' });
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain('shop.test is al een van de domeinen');

    const audit = await auditOf(db, orgId);
    expect(audit.filter((e) => e.record_type === 'domain').map((e) => [e.action, e.record_id])).toEqual([['create', rows[0]?.id]]);
    const overview = await owner.get(`/orgs/${orgId}`);
    expect(overview.body).toContain(`<a href="/orgs/${orgId}/domains/${rows[0]?.id}"><bdi>shop.test</bdi></a>`);
    expect(overview.body).toContain('Nog niet gescand');
  });

  it('lets a viewer read but not add, scan or delete', async () => {
    const db = t.database.handle.db;
    const domain = await db.selectFrom('domains').select('id').where('org_id', '=', orgId).executeTakeFirstOrThrow();
    const { client: viewer } = await memberClient(t, orgId, 'lezer@winkel.test', 'viewer');
    const page = await viewer.get(`/orgs/${orgId}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain(`action="/orgs/${orgId}/domains"`);
    expect(page.body).toContain('Your role is viewer: you can read the results.');
    expect((await viewer.post(`/orgs/${orgId}/domains`, { name: 'other.test' })).statusCode).toBe(403);
    expect((await viewer.post(`/orgs/${orgId}/domains/${domain.id}/scans`)).statusCode).toBe(403);
    expect((await viewer.post(`/orgs/${orgId}/domains/${domain.id}/delete`)).statusCode).toBe(403);
    const domainPage = await viewer.get(`/orgs/${orgId}/domains/${domain.id}`);
    expect(domainPage.statusCode).toBe(200);
    expect(domainPage.body).not.toContain('/scans"');
  });

  it('scans a loopback site, groups the result by severity in Dutch, and shows what changed since the previous scan', async () => {
    const db = t.database.handle.db;
    const domain = await db.selectFrom('domains').select('id').where('org_id', '=', orgId).where('name', '=', 'shop.test').executeTakeFirstOrThrow();

    // First scan: the well-configured site.
    const started = await owner.post(`/orgs/${orgId}/domains/${domain.id}/scans`);
    expect(started.statusCode).toBe(303);
    const firstId = scanIdFrom(started.headers.location);
    expect(await waitForScan(t, firstId)).toBe('done');
    const firstPage = await owner.get(`/orgs/${orgId}/scans/${firstId}`);
    expect(firstPage.statusCode).toBe(200);
    expect(firstPage.body).not.toContain('data-refresh-seconds');
    expect(firstPage.body).toContain('<h2 id="summary">Samenvatting</h2>');
    expect(firstPage.body).toContain('Dit is de eerste afgeronde scan');

    // Second scan: the same name now points at a careless site.
    dns.setRecords(shopAt(CARELESS_SITE));
    const second = await owner.post(`/orgs/${orgId}/domains/${domain.id}/scans`);
    const secondId = scanIdFrom(second.headers.location);
    expect(secondId).not.toBe(firstId);
    expect(await waitForScan(t, secondId)).toBe('done');
    const page = await owner.get(`/orgs/${orgId}/scans/${secondId}`);
    expect(page.statusCode).toBe(200);

    // By area, each folded; within the website area grouped by severity, in the fixed order, each group only once.
    const groups = groupsOf(page.body, 'web');
    expect(groups).toEqual(SEVERITY_ORDER.filter((status) => groups.includes(status)));
    expect(groups[0]).toBe('fail');
    expect(groups).toContain('pass');

    // The same texts as the CLI, in Dutch.
    const stored = await db.selectFrom('scans').select('result_json').where('id', '=', secondId).executeTakeFirstOrThrow();
    const report = renderReport(JSON.parse(stored.result_json ?? 'null') as ScanResult, 'nl');
    const hsts = report.checks.find((check) => check.id === 'web.hsts');
    expect(hsts?.status).toBe('fail');
    const escape = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
    // The same words; each value from the scan isolated in <bdi>.
    expect(withoutBdi(page.body)).toContain(escape(hsts?.summary ?? 'missing'));
    expect(withoutBdi(page.body)).toContain(escape(hsts?.advice.split('\n')[0] ?? 'missing'));
    expect(page.body).toContain('<bdi>shop.test</bdi> stuurt geen HSTS');
    expect(page.body).toContain(escape(findCheck('web.hsts')?.texts.nl.title ?? 'missing'));
    expect(page.body).toContain('<h3 id="group-web-fail">Afgekeurd');
    expect(page.body).toContain('<details><summary id="evidence-web.hsts">Bewijs (technische details)');

    // Changes: HSTS and cookies are new failures, listed before anything else.
    expect(page.body).toContain('Veranderingen sinds de vorige scan');
    const diffStart = page.body.indexOf('Nieuw afgekeurd');
    expect(diffStart).toBeGreaterThan(0);
    const diffSection = page.body.slice(diffStart, page.body.indexOf('</section>', diffStart));
    expect(diffSection).toContain(escape(findCheck('web.hsts')?.texts.nl.title ?? 'missing'));
    expect(diffSection).toContain(escape(findCheck('web.cookies')?.texts.nl.title ?? 'missing'));
    expect(diffSection).toContain('was goedgekeurd, nu afgekeurd');

    // Viewing results is audited; the download is the contract JSON in the asked language.
    const views = (await auditOf(db, orgId)).filter((e) => e.action === 'view' && e.record_type === 'scan').map((e) => e.record_id);
    expect(views).toContain(firstId);
    expect(views).toContain(secondId);
    const json = await owner.get(`/orgs/${orgId}/scans/${secondId}/report.json?lang=sv`);
    expect(json.statusCode).toBe(200);
    expect(json.headers['content-disposition']).toMatch(/^attachment; filename="weerbaar-shop\.test-\d{4}-\d\d-\d\d\.json"$/);
    const downloaded = JSON.parse(json.body) as { target: string; checks: { id: string; summary: string }[] };
    expect(downloaded.target).toBe('shop.test');
    expect(downloaded.checks.find((check) => check.id === 'web.hsts')?.summary).toBe(renderReport(JSON.parse(stored.result_json ?? 'null') as ScanResult, 'sv').checks.find((c) => c.id === 'web.hsts')?.summary);

    // The overview now lists what to fix first, and the latest scan with its score.
    const overview = await owner.get(`/orgs/${orgId}`);
    expect(overview.body).toContain('Wat u eerst moet oplossen');
    expect(overview.body).toContain(`href="/orgs/${orgId}/scans/${secondId}#check-web.hsts"`);
    expect(withoutBdi(overview.body)).toContain(escape(hsts?.summary ?? 'missing'));
    expect(overview.body).toMatch(/afgekeurd: \d+, waarschuwingen: \d+/);
  });

  it('pages the history newest first', async () => {
    const db = t.database.handle.db;
    const domainId = newId();
    await db.insertInto('domains').values({ id: domainId, org_id: orgId, name: 'history.test', created_at: nowIso(), created_by: 'test' }).execute();
    const base = Date.parse('2026-01-01T00:00:00Z');
    const ids: string[] = [];
    for (let i = 0; i < 25; i++) {
      const id = newId();
      ids.push(id);
      // Two scans share each timestamp, so the id breaks ties.
      const at = new Date(base + Math.floor(i / 2) * 60_000).toISOString();
      await db
        .insertInto('scans')
        .values({ id, org_id: orgId, domain_id: domainId, target: 'history.test', status: 'failed', requested_by: 'test', created_at: at, attempts: 1, error: `run ${i}` })
        .execute();
    }
    const expected = ids
      .map((id, i) => ({ id, at: Math.floor(i / 2) }))
      .sort((a, b) => b.at - a.at || (b.id < a.id ? -1 : 1))
      .map((entry) => entry.id);
    const links = (body: string): string[] => [...body.matchAll(new RegExp(`href="/orgs/${orgId}/scans/([0-9a-f-]{36})"`, 'g'))].map((m) => m[1] ?? '');
    const first = await owner.get(`/orgs/${orgId}/domains/${domainId}`);
    expect(links(first.body)).toEqual(expected.slice(0, 20));
    const older = /href="([^"]+\?before=[0-9a-f-]{36})" rel="next"/.exec(first.body)?.[1];
    expect(older).toBe(`/orgs/${orgId}/domains/${domainId}?before=${expected[19]}`);
    const second = await owner.get(older ?? '');
    expect(links(second.body)).toEqual(expected.slice(20));
    expect(second.body).not.toContain('rel="next"');
    const bad = await owner.get(`/orgs/${orgId}/domains/${domainId}?before=${newId()}`);
    expect(bad.statusCode).toBe(400);
  });

  it('shows a waiting scan with a self-refresh, no result and no download, and sends a second click to it', async () => {
    const db = t.database.handle.db;
    const domain = await db.selectFrom('domains').select('id').where('org_id', '=', orgId).where('name', '=', 'history.test').executeTakeFirstOrThrow();
    // Inserted without queueing it, so it stays 'queued'.
    const scanId = newId();
    await db
      .insertInto('scans')
      .values({ id: scanId, org_id: orgId, domain_id: domain.id, target: 'history.test', status: 'queued', requested_by: 'test', created_at: new Date().toISOString(), attempts: 0 })
      .execute();
    const page = await owner.get(`/orgs/${orgId}/scans/${scanId}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('data-refresh-seconds="3"');
    expect(page.body).toContain('Deze scan is nog niet klaar');
    expect(page.body).toContain('status-queued');
    expect(page.body).not.toContain('id="results"');
    expect((await owner.get(`/orgs/${orgId}/scans/${scanId}/report.json`)).statusCode).toBe(409);
    const click = await owner.post(`/orgs/${orgId}/domains/${domain.id}/scans`);
    expect(click.headers.location).toBe(`/orgs/${orgId}/scans/${scanId}`);
    const views = (await auditOf(db, orgId)).filter((e) => e.record_id === scanId);
    expect(views).toEqual([]);
  });

  it('deletes a domain with its scans, and audits it', async () => {
    const db = t.database.handle.db;
    const domain = await db.selectFrom('domains').select('id').where('org_id', '=', orgId).where('name', '=', 'history.test').executeTakeFirstOrThrow();
    const page = await owner.get(`/orgs/${orgId}/domains/${domain.id}`);
    expect(page.body).toContain('data-confirm="history.test en alle scanresultaten ervan verwijderen?');
    const deleted = await owner.post(`/orgs/${orgId}/domains/${domain.id}/delete`);
    expect(deleted.statusCode).toBe(303);
    expect(deleted.headers.location).toBe(`/orgs/${orgId}?deleted=1`);
    expect(await db.selectFrom('scans').select('id').where('domain_id', '=', domain.id).execute()).toEqual([]);
    expect((await owner.get(`/orgs/${orgId}/domains/${domain.id}`)).statusCode).toBe(404);
    const audit = await auditOf(db, orgId);
    expect(audit.some((e) => e.action === 'delete' && e.record_type === 'domain' && e.record_id === domain.id)).toBe(true);
  });
});
