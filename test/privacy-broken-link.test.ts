/**
 * A privacy link that leads to an error page, crawled on real loopback shops (127.0.143.x,
 * HTTPS with the test PKI, DNS on 127.0.143.53): a hard 404, a "page not found" page that
 * answers 200 after a redirect (soft 404), a link that redirects to the home page (how some
 * shops answer an unknown address), and a shop whose footer link is dead while another
 * link on its pages leads to the statement. The crawl records the status and prefers the link
 * that works; the checks say the link is broken and never read an error page as a statement.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckVerdict } from '../src/scan/check.js';
import { privacyContents } from '../src/scan/checks/privacy/contents.js';
import { statementLinked } from '../src/scan/checks/privacy/linked.js';
import { statementReachable } from '../src/scan/checks/privacy/reachable.js';
import { collectCrawl } from '../src/scan/collect/privacy/crawl.js';
import type { ScanEvidence } from '../src/scan/evidence/index.js';
import type { CrawlEvidence } from '../src/scan/evidence/privacy-crawl.js';
import { startDnsServer, type DnsTestServer } from './fixtures/dns-server.js';
import { testPki } from './fixtures/pki.js';
import { collectContext, shopPage, startPrivacySite, type PrivacySite } from './fixtures/privacy-site.js';
import type { CollectContext } from '../src/scan/collect/context.js';

const ADDRESSES = { gone: '127.0.143.1', soft: '127.0.143.2', moved: '127.0.143.3', homed: '127.0.143.4' };
const DNS = '127.0.143.53';

const STATEMENT =
  '<p>Shop Ltd, 1 High Street, is the controller of your personal data; write to privacy@moved.test.</p>' +
  '<p>We process your name and address to deliver your order, on the basis of the contract. We share them with the courier.</p>' +
  '<p>We keep order data for seven years because tax law requires it. You have the right to access, correct and erase your data, and to complain to the supervisory authority.</p>';
/** A shop's "page not found" page: its header and footer, the privacy link among them, answering 200. */
const SOFT_404 =
  '<!doctype html><html lang="nl"><head><title>Pagina niet gevonden</title></head><body><header><p>Winkel BV</p></header>' +
  '<main><h1>Oeps! Pagina niet gevonden</h1><p>De pagina die u zoekt bestaat niet (meer).</p></main>' +
  '<footer><p>Winkel BV · Dorpsstraat 1 · KvK 12345678</p><a href="/privacy">Privacyverklaring</a></footer></body></html>';

const sites: PrivacySite[] = [];
let dns: DnsTestServer;
let context: CollectContext;
const crawls = new Map<string, CrawlEvidence>();

beforeAll(async () => {
  const pki = await testPki();
  const cert = await pki.issue({ names: ['gone.test', 'soft.test', 'moved.test', 'homed.test'] });
  dns = await startDnsServer({
    address: DNS,
    port: 53,
    records: Object.entries(ADDRESSES).map(([name, data]) => ({ name: `${name}.test`, type: 'A' as const, ttl: 60, data })),
  });
  const privacy: [string, string] = ['/privacy', 'Privacy statement'];
  sites.push(
    // The statement was removed: the fixture answers 404 for /privacy.
    await startPrivacySite({
      address: ADDRESSES.gone,
      cert,
      pages: { '/': { body: shopPage('Home', [['/about', 'About'], privacy]) }, '/about': { body: shopPage('About', [['/', 'Home'], privacy]) } },
    }),
    await startPrivacySite({
      address: ADDRESSES.soft,
      cert,
      pages: {
        '/': { body: shopPage('Winkel', [['/over-ons', 'Over ons'], ['/privacy', 'Privacyverklaring']], '', 'nl') },
        '/over-ons': { body: shopPage('Over ons', [['/', 'Start'], ['/privacy', 'Privacyverklaring']], '', 'nl') },
        '/privacy': { status: 302, headers: { location: '/niet-gevonden' } },
        '/niet-gevonden': { body: SOFT_404 },
      },
    }),
    await startPrivacySite({
      address: ADDRESSES.homed,
      cert,
      pages: {
        '/': { body: shopPage('Home', [['/about', 'About'], privacy]) },
        '/about': { body: shopPage('About', [['/', 'Home'], privacy]) },
        '/privacy': { status: 301, headers: { location: '/' } },
      },
    }),
    // Every page's footer links the old, dead /privacy; the header links the statement where it is now.
    await startPrivacySite({
      address: ADDRESSES.moved,
      cert,
      pages: {
        '/': { body: shopPage('Home', [['/about', 'About'], ['/contact', 'Contact'], ['/privacy-policy', 'Privacy policy'], privacy]) },
        '/about': { body: shopPage('About', [['/', 'Home'], ['/privacy-policy', 'Privacy policy'], privacy]) },
        '/contact': { body: shopPage('Contact', [['/', 'Home'], privacy]) },
        '/privacy-policy': { body: shopPage('Privacy policy', [['/', 'Home']], STATEMENT) },
      },
    }),
  );
  context = collectContext(DNS, pki.root.certPem);
  for (const domain of Object.keys(ADDRESSES)) crawls.set(domain, await collectCrawl(`${domain}.test`, context, { maxPages: 10 }));
}, 60_000);

afterAll(async () => {
  await Promise.all(sites.map((site) => site.close()));
  await dns?.close();
});

function verdicts(domain: string): { linked: CheckVerdict; reachable: CheckVerdict; contents: CheckVerdict } {
  const evidence = { target: `${domain}.test`, collectedAt: '', privacy: { crawl: crawls.get(domain), browser: {} } } as unknown as ScanEvidence;
  const run = (check: typeof privacyContents): CheckVerdict => check.run(evidence, { now: new Date() });
  return { linked: run(statementLinked), reachable: run(statementReachable), contents: run(privacyContents) };
}

describe('a privacy link that answers 404', () => {
  it('the crawl records the status of the link', () => {
    expect(crawls.get('gone')?.statement).toMatchObject({ url: 'https://gone.test/privacy', status: 404 });
  });

  it('linked and reachable say the link is broken (URL and status); contents reads no error page', () => {
    const { linked, reachable, contents } = verdicts('gone');
    expect(linked).toMatchObject({ status: 'fail', summary: { key: 'brokenLink', params: { url: 'https://gone.test/privacy', status: 404 } } });
    expect(reachable).toMatchObject({ status: 'fail', summary: { key: 'badStatus', params: { url: 'https://gone.test/privacy', status: 404 } } });
    expect(contents).toMatchObject({ status: 'skip', summary: { key: 'errorPage', params: { status: 404 } } });
  });
});

describe('a privacy link that redirects to a "page not found" page answering 200', () => {
  it('the crawl follows it to the error page, status 200', () => {
    expect(crawls.get('soft')?.statement).toMatchObject({ linkedUrl: 'https://soft.test/privacy', url: 'https://soft.test/niet-gevonden', status: 200 });
  });

  it('is a broken link, not a statement that misses everything', () => {
    const { linked, reachable, contents } = verdicts('soft');
    expect(linked).toMatchObject({ status: 'fail', summary: { key: 'notFoundLink', params: { url: 'https://soft.test/privacy', final: 'https://soft.test/niet-gevonden' } } });
    expect(linked.summary.params?.phrase).toMatch(/niet gevonden/i);
    expect(reachable).toMatchObject({ status: 'fail', summary: { key: 'notFoundPage' } });
    expect(contents).toMatchObject({ status: 'skip', summary: { key: 'notFoundPage' } });
  });
});

describe('a privacy link that redirects to the home page', () => {
  it('is a broken link that leads home, and the home page is not read as a statement', () => {
    expect(crawls.get('homed')?.statement).toMatchObject({ linkedUrl: 'https://homed.test/privacy', url: 'https://homed.test/', status: 200 });
    const { linked, reachable, contents } = verdicts('homed');
    expect(linked).toMatchObject({ status: 'fail', summary: { key: 'homeLink', params: { url: 'https://homed.test/privacy', final: 'https://homed.test/' } } });
    expect(reachable).toMatchObject({ status: 'fail', summary: { key: 'homePage' } });
    expect(contents).toMatchObject({ status: 'skip', summary: { key: 'homePage' } });
  });
});

describe('a dead footer link beside a link that works', () => {
  it('the crawl takes the statement from the link that works and records the dead one', () => {
    const crawl = crawls.get('moved');
    expect(crawl?.statement).toMatchObject({ url: 'https://moved.test/privacy-policy', status: 200 });
    expect(crawl?.brokenCandidates).toEqual([{ url: 'https://moved.test/privacy', status: 404 }]);
  });

  it('the statement is read and judged, not reported missing', () => {
    const { linked, reachable, contents } = verdicts('moved');
    // The contact page links only the dead address: it has no link to the statement, and the evidence says why.
    expect(linked).toMatchObject({ status: 'fail', evidence: { pagesWithoutLink: ['https://moved.test/contact'], brokenLinks: [{ url: 'https://moved.test/privacy', status: 404 }] } });
    expect(reachable.status).toBe('pass');
    expect(['warn', 'fail']).toContain(contents.status);
    expect(contents.summary.key).toMatch(/^gaps/);
  });
});
