/**
 * Whole privacy scans (`--only privacy`) of loopback shops on 127.0.23.x: a careful shop
 * (a complete Dutch statement linked from every page, nothing loaded before consent) and
 * a careless one (the link missing on a page, an incomplete statement, a tracking cookie
 * and a script from a tracker host before consent, a form posting over http), and a shop
 * whose privacy link leads to a 404 (a broken link, not a statement that misses everything).
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main, type Io } from '../../src/cli/main.js';
import { runScan, type ScanResult } from '../../src/scan/engine.js';
import { startDnsServer, type DnsTestServer } from '../fixtures/dns-server.js';
import { testPki, type TestPki } from '../fixtures/pki.js';
import { shopPage, startPrivacySite, type PrivacySite } from '../fixtures/privacy-site.js';

const DNS = '127.0.23.53';
const CAREFUL = '127.0.23.1';
const CARELESS = '127.0.23.2';
const TRACKER = '127.0.23.3';
const BROKEN = '127.0.23.4';

const corpus = (name: string): string => readFileSync(new URL(`../privacy-corpus/${name}.txt`, import.meta.url), 'utf8');
const statementPage = (text: string, lang: string): string =>
  // One element per line, as headings and paragraphs are on a real page.
  `<!doctype html><html lang="${lang}"><head><title>Privacy</title></head><body><main>${text
    .split(/\n+/)
    .filter((line) => line.trim() !== '')
    .map((line) => `<p>${line.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`)
    .join('\n')}</main></body></html>`;

let pki: TestPki;
let dns: DnsTestServer;
const sites: PrivacySite[] = [];
const results = new Map<string, ScanResult>();

function status(domain: string, id: string): string | undefined {
  return results.get(domain)?.results.find((entry) => entry.id === id)?.status;
}

beforeAll(async () => {
  pki = await testPki();
  dns = await startDnsServer({
    address: DNS,
    port: 53,
    records: [
      { name: 'careful.test', type: 'A', data: CAREFUL },
      { name: 'careless.test', type: 'A', data: CARELESS },
      { name: 'www.google-analytics.com', type: 'A', data: TRACKER },
      { name: 'broken.test', type: 'A', data: BROKEN },
    ],
  });
  const careful = await pki.issue({ names: ['careful.test'] });
  const careless = await pki.issue({ names: ['careless.test'] });
  const tracker = await pki.issue({ names: ['www.google-analytics.com'] });
  const broken = await pki.issue({ names: ['broken.test'] });
  const privacyLink: [string, string] = ['/privacyverklaring', 'Privacyverklaring'];
  sites.push(
    await startPrivacySite({
      address: CAREFUL,
      cert: careful,
      pages: {
        '/': { body: shopPage('Winkel', [['/producten', 'Producten'], privacyLink], '', 'nl') },
        '/producten': { body: shopPage('Producten', [['/', 'Home'], privacyLink], '', 'nl') },
        '/privacyverklaring': { body: statementPage(corpus('nl-complete'), 'nl') },
      },
    }),
  );
  const trackerScript = '<script src="https://www.google-analytics.com/analytics.js"></script>';
  sites.push(
    await startPrivacySite({
      address: CARELESS,
      cert: careless,
      pages: {
        '/': {
          headers: { 'set-cookie': '_ga=GA1.1.123.456; Path=/; Max-Age=63072000' },
          body: shopPage('Shop', [['/about', 'About'], ['/privacy', 'Privacy policy']], trackerScript),
        },
        '/about': { body: shopPage('About', [['/', 'Home']], '<form method="post" action="http://careless.test/contact"><input type="email" name="email"></form>') },
        '/privacy': { body: statementPage(corpus('en-incomplete'), 'en') },
      },
    }),
  );
  sites.push(
    await startPrivacySite({
      address: TRACKER,
      cert: tracker,
      pages: { '/analytics.js': { headers: { 'content-type': 'application/javascript' }, body: 'document.cookie = "_gid=GA1.2.1; path=/";' } },
    }),
  );
  // No /privacy page: the fixture answers 404 with a small "not found" page.
  sites.push(
    await startPrivacySite({
      address: BROKEN,
      cert: broken,
      pages: { '/': { body: shopPage('Shop', [['/about', 'About'], ['/privacy', 'Privacy policy']]) }, '/about': { body: shopPage('About', [['/', 'Home'], ['/privacy', 'Privacy policy']]) } },
    }),
  );
  for (const domain of ['careful.test', 'careless.test', 'broken.test']) {
    results.set(domain, await runScan(domain, { only: 'privacy', resolver: { address: DNS, port: 53 }, extraCa: [pki.root.certPem], allowPrivate: true, timeoutMs: 45_000 }));
  }
}, 150_000);

afterAll(async () => {
  await Promise.all(sites.map((site) => site.close()));
  await dns?.close();
});

describe('privacy scan of a careful shop', () => {
  it('passes the statement and before-consent checks', () => {
    for (const id of ['privacy.statement.linked', 'privacy.statement.reachable', 'privacy.statement.contents', 'privacy.cookies.before-consent', 'privacy.third-parties.before-consent']) {
      const verdict = results.get('careful.test')?.results.find((entry) => entry.id === id)?.verdict;
      expect(status('careful.test', id), `${id}: ${JSON.stringify(verdict?.summary)} ${JSON.stringify(verdict?.advice)}`).toBe('pass');
    }
    expect(results.get('careful.test')?.results.every((entry) => entry.id.startsWith('privacy.'))).toBe(true);
  });
});

describe('privacy scan of a careless shop', () => {
  it('finds the unlinked page, the incomplete statement, the tracker and the http form', () => {
    expect(status('careless.test', 'privacy.statement.linked')).toBe('fail');
    expect(['warn', 'fail']).toContain(status('careless.test', 'privacy.statement.contents'));
    expect(status('careless.test', 'privacy.cookies.before-consent')).toBe('fail');
    expect(status('careless.test', 'privacy.third-parties.before-consent')).toBe('fail');
    expect(status('careless.test', 'privacy.forms')).toBe('fail');
  });
});

describe('privacy scan of a shop whose privacy link is broken', () => {
  it('says the link is broken (which URL, which status) and reads no error page as a statement', () => {
    const verdict = (id: string) => results.get('broken.test')?.results.find((entry) => entry.id === id)?.verdict;
    expect(verdict('privacy.statement.linked')).toMatchObject({ status: 'fail', summary: { key: 'brokenLink', params: { url: 'https://broken.test/privacy', status: 404 } } });
    expect(verdict('privacy.statement.reachable')).toMatchObject({ status: 'fail', summary: { key: 'badStatus', params: { status: 404 } } });
    expect(verdict('privacy.statement.contents')).toMatchObject({ status: 'skip', summary: { key: 'errorPage', params: { status: 404 } } });
  });
});

describe('weerbaar scan --only privacy on the command line', () => {
  it('refuses a bad --max-pages with exit 2 naming the flag', async () => {
    let err = '';
    const io: Io = { out: () => undefined, err: (text) => (err += text), env: {}, isTty: false };
    expect(await main(['scan', 'careful.test', '--only', 'privacy', '--max-pages', '0'], io)).toBe(2);
    expect(err).toMatch(/--max-pages/);
  });
});
