/**
 * The polite crawl against real loopback shops on 127.0.21.x (HTTPS with the test PKI,
 * DNS through the fixture server on 127.0.21.53): statement found by consensus, robots.txt
 * obeyed, other sites left alone, pages bounded, pace kept, loops and huge pages survived.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectCrawl } from '../src/scan/collect/privacy/crawl.js';
import type { CrawlEvidence } from '../src/scan/evidence/privacy-crawl.js';
import type { ScanEvidence } from '../src/scan/evidence/index.js';
import { privacyCrawlChecks } from '../src/scan/checks/privacy/index-crawl.js';
import { startDnsServer, type DnsTestServer } from './fixtures/dns-server.js';
import { testPki } from './fixtures/pki.js';
import { collectContext, shopPage, startPrivacySite, type PageSpec, type PrivacySite } from './fixtures/privacy-site.js';
import type { CollectContext } from '../src/scan/collect/context.js';

const ADDRESSES = { shop: '127.0.21.1', nolink: '127.0.21.2', big: '127.0.21.3', nl: '127.0.21.4', other: '127.0.21.5', plain: '127.0.21.6' };
const DNS = '127.0.21.53';

const STATEMENT_EN =
  '<p>Shop Ltd, 1 High Street, is the controller of your personal data. We process your name and address to deliver your order, on the basis of the contract.</p>' +
  '<p>We keep order data for seven years because tax law requires it. You have the right to access, correct and erase your data, and to complain to the supervisory authority.</p>';
const STATEMENT_NL =
  '<p>Winkel BV, Dorpsstraat 1, is verantwoordelijk voor de verwerking van uw persoonsgegevens. Wij verwerken uw naam en adres om uw bestelling te bezorgen.</p>' +
  '<p>Wij bewaren uw gegevens zeven jaar omdat de belastingwet dat vereist. U hebt het recht op inzage, correctie en verwijdering, en u kunt een klacht indienen bij de Autoriteit Persoonsgegevens.</p>';

const footer: [string, string][] = [['/privacy', 'Privacy &amp; cookies']];
const sites: Record<string, PrivacySite> = {};
let dns: DnsTestServer;
let context: CollectContext;

const bigPages: Record<string, PageSpec> = {
  '/': { body: shopPage('Big', [['/loop-a', 'Loop'], ['/huge', 'Huge'], ...Array.from({ length: 40 }, (_, i): [string, string] => [`/p/${i}`, `Product ${i}`]), ['/privacy', 'Privacy']]) },
  '/loop-a': { status: 301, headers: { location: '/loop-b' } },
  '/loop-b': { status: 301, headers: { location: 'https://big.test/loop-a' } },
  '/huge': { hugeBytes: 5 * 1024 * 1024 },
  '/privacy': { body: shopPage('Privacy', [], STATEMENT_EN) },
};
for (let i = 0; i < 40; i++) bigPages[`/p/${i}`] = { body: shopPage(`Product ${i}`, [['/privacy', 'Privacy'], [`/p/${i + 100}`, 'Deeper']]) };

beforeAll(async () => {
  const pki = await testPki();
  const cert = await pki.issue({ names: ['shop.test', 'nolink.test', 'big.test', 'nl.test', 'other.test'] });
  dns = await startDnsServer({
    address: DNS,
    port: 53,
    records: Object.entries(ADDRESSES).map(([name, data]) => ({ name: `${name}.test`, type: 'A' as const, ttl: 60, data })),
  });
  sites.shop = await startPrivacySite({
    address: ADDRESSES.shop,
    cert,
    pages: {
      '/robots.txt': { headers: { 'content-type': 'text/plain' }, body: 'User-agent: otherbot\nDisallow: /\n\nUser-agent: *\nDisallow: /private\nAllow: /private/open\n' },
      '/': {
        body: shopPage('Home', [['/products', 'Products'], ['/about', 'About us'], ['/contact', 'Contact'], ['/private/secret', 'Secret'], ['/private/open', 'Open'], ['https://other.test/', 'Partner'], ['/cookies', 'Cookie policy'], ['/logo.png', 'Logo'], ...footer]),
      },
      '/products': { body: shopPage('Products', [['/products/1', 'Product 1'], ...footer]) },
      '/products/1': { body: shopPage('Product 1', [['/', 'Home'], ...footer]) },
      '/about': { body: shopPage('About', footer) },
      '/contact': {
        body: shopPage('Contact', footer, '<form action="http://shop.test/submit" method="post"><input type="email" name="email"><textarea name="message"></textarea></form><form action="/search"><input name="q"></form>'),
      },
      '/cookies': { body: shopPage('Cookies', footer, '<p>We use cookies.</p>') },
      '/private/secret': { body: shopPage('Secret', footer) },
      '/private/open': { body: shopPage('Open', footer) },
      '/privacy': { body: shopPage('Privacy statement', [['/', 'Home']], STATEMENT_EN) },
    },
  });
  sites.nolink = await startPrivacySite({
    address: ADDRESSES.nolink,
    cert,
    pages: {
      '/': { body: shopPage('Home', [['/a', 'A'], ['/b', 'B'], ['/privacy-policy', 'Privacy policy']]) },
      '/a': { body: shopPage('A', [['/privacy-policy', 'Privacy policy']]) },
      '/b': { body: shopPage('B', [['/c', 'C']]) },
      '/c': { body: shopPage('C', [['/', 'Home']]) },
      '/privacy-policy': { body: shopPage('Privacy policy', [], STATEMENT_EN) },
    },
  });
  sites.big = await startPrivacySite({ address: ADDRESSES.big, cert, pages: bigPages });
  sites.nl = await startPrivacySite({
    address: ADDRESSES.nl,
    cert,
    pages: {
      '/': { body: shopPage('Winkel', [['/cookiebeleid', 'Cookiebeleid'], ['/over-ons', 'Over ons'], ['/privacyverklaring', 'Privacyverklaring']], '', 'nl') },
      '/over-ons': { body: shopPage('Over ons', [['/privacyverklaring', 'Privacyverklaring'], ['/cookiebeleid', 'Cookiebeleid']], '', 'nl') },
      '/cookiebeleid': { body: shopPage('Cookiebeleid', [['/privacyverklaring', 'Privacyverklaring']], '', 'nl') },
      '/privacyverklaring': {
        body: `<!doctype html><html lang="nl-NL"><head><title>Privacyverklaring</title><style>p{color:red}</style></head><body><nav><a href="/">Start</a></nav><main><h1>Privacyverklaring</h1>${STATEMENT_NL}<script>var x = 1;</script></main><footer>Winkel BV</footer></body></html>`,
      },
    },
  });
  sites.other = await startPrivacySite({ address: ADDRESSES.other, cert, pages: { '/': { body: shopPage('Other', [['/privacy', 'Privacy']]) } } });
  sites.plain = await startPrivacySite({
    address: ADDRESSES.plain,
    cert: null,
    http: 'pages',
    pages: {
      '/': { body: shopPage('Plain', [['/account', 'Log in'], ['/privacy', 'Privacy statement']], '<form method="post" action="/login"><input name="username"><input type="password" name="pw"></form>') },
      '/account': { body: shopPage('Account', [['/privacy', 'Privacy statement']]) },
      '/privacy': { body: shopPage('Privacy statement', [], STATEMENT_EN) },
    },
  });
  context = collectContext(DNS, pki.root.certPem);
}, 30_000);

afterAll(async () => {
  await Promise.all(Object.values(sites).map((site) => site.close()));
  await dns.close();
});

function run(crawl: CrawlEvidence): Record<string, string> {
  const evidence = { target: 'x', collectedAt: '', privacy: { crawl, browser: {} } } as unknown as ScanEvidence;
  return Object.fromEntries(privacyCrawlChecks.map((check) => [check.id, check.run(evidence, { now: new Date() }).status]));
}

const paths = (site: PrivacySite | undefined): string[] => (site?.requests ?? []).map((request) => request.path);

describe('collectCrawl on a shop with the statement linked everywhere', () => {
  let crawl: CrawlEvidence;
  beforeAll(async () => {
    crawl = await collectCrawl('shop.test', context, { maxPages: 25 });
  }, 30_000);

  it('crawls the same-site pages over HTTPS and finds the statement by consensus', () => {
    expect(crawl.start).toBe('https://shop.test/');
    const urls = (crawl.pages ?? []).map((page) => page.url);
    expect(urls).toEqual(expect.arrayContaining(['https://shop.test/', 'https://shop.test/products', 'https://shop.test/products/1', 'https://shop.test/contact', 'https://shop.test/privacy', 'https://shop.test/private/open']));
    expect(crawl.statement?.url).toBe('https://shop.test/privacy');
    expect(crawl.statement?.format).toBe('html');
    expect(crawl.statement?.declaredLang).toBe('en');
    expect(crawl.statement?.text).toContain('Shop Ltd, 1 High Street, is the controller');
    expect(crawl.pages?.find((page) => page.url === 'https://shop.test/products')?.statementLink?.text).toBe('Privacy & cookies');
    expect(crawl.pages?.find((page) => page.url === 'https://shop.test/')?.title).toBe('Home');
  });

  it('obeys robots.txt (the * group, Allow beating a shorter Disallow) and fetched it once', () => {
    expect(paths(sites.shop)).not.toContain('/private/secret');
    expect(paths(sites.shop)).toContain('/private/open');
    expect(crawl.robotsFound).toBe(true);
    expect(crawl.robotsDisallowed).toContain('https://shop.test/private/secret');
    expect(paths(sites.shop).filter((path) => path === '/robots.txt')).toHaveLength(1);
  });

  it('leaves other sites and non-pages alone, and asks for each page once', () => {
    expect(sites.other?.requests).toEqual([]);
    expect(paths(sites.shop)).not.toContain('/logo.png');
    const pagePaths = paths(sites.shop).filter((path) => path !== '/robots.txt' && path !== '/privacy');
    expect(new Set(pagePaths).size).toBe(pagePaths.length);
  });

  it('records forms, which collect personal data, and where they post', () => {
    const forms = crawl.pages?.find((page) => page.url === 'https://shop.test/contact')?.forms ?? [];
    expect(forms).toEqual([
      { action: 'http://shop.test/submit', method: 'post', personalFields: ['email'], collectsPersonalData: true, postsOverHttps: false },
      { action: 'https://shop.test/search', method: 'get', personalFields: [], collectsPersonalData: false, postsOverHttps: true },
    ]);
  });

  it('gives the verdicts: linked, reachable, and a form that fails', () => {
    expect(run(crawl)).toEqual({ 'privacy.statement.linked': 'pass', 'privacy.statement.reachable': 'pass', 'privacy.forms': 'fail' });
  });
});

describe('collectCrawl: pages without the link', () => {
  it('lists the pages that do not link to the statement', async () => {
    const crawl = await collectCrawl('nolink.test', context, { maxPages: 25 });
    expect(crawl.statement?.url).toBe('https://nolink.test/privacy-policy');
    const missing = (crawl.pages ?? []).filter((page) => !page.statementLink).map((page) => page.url);
    expect(missing.sort()).toEqual(['https://nolink.test/b', 'https://nolink.test/c', 'https://nolink.test/privacy-policy']);
    const evidence = { target: 'nolink.test', collectedAt: '', privacy: { crawl, browser: {} } } as unknown as ScanEvidence;
    const linked = privacyCrawlChecks[0]?.run(evidence, { now: new Date() });
    expect(linked?.status).toBe('fail');
    expect(linked?.summary).toMatchObject({ key: 'fail', params: { count: 2, total: 4 } });
    expect(linked?.advice[0]?.params?.list).toBe('https://nolink.test/b, https://nolink.test/c');
    expect(run(crawl)['privacy.forms']).toBe('skip');
  }, 30_000);
});

describe('collectCrawl: bounds and pace', () => {
  it('stops at maxPages, survives a redirect loop and a huge page, and keeps the pace', async () => {
    const started = Date.now();
    const crawl = await collectCrawl('big.test', context, { maxPages: 5 });
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(crawl.pages?.length).toBe(5);
    expect(crawl.truncated).toBe(true);
    expect(crawl.pages?.map((page) => page.url)).toContain('https://big.test/huge');
    expect(crawl.pages?.map((page) => page.url)).not.toContain('https://big.test/loop-a');
    const requests = sites.big?.requests ?? [];
    // robots.txt, 5 pages (+ the loop's 2 hops) and the statement: nothing of the other 36 products.
    expect(requests.length).toBeLessThanOrEqual(10);
    expect(requests.filter((request) => /^\/p\/([5-9]|\d\d)/.test(request.path))).toEqual([]);
    expect(sites.big?.maxInFlight).toBeLessThanOrEqual(2);
    const starts = requests.map((request) => request.at);
    // Arrival times jitter with connection set-up; the pace is 100 ms between request starts.
    for (let i = 1; i < starts.length; i++) expect((starts[i] ?? 0) - (starts[i - 1] ?? 0)).toBeGreaterThanOrEqual(50);
    expect((starts.at(-1) ?? 0) - (starts[0] ?? 0)).toBeGreaterThanOrEqual((starts.length - 1) * 90);
    expect(crawl.statement?.url).toBe('https://big.test/privacy');
  }, 30_000);
});

describe('collectCrawl: a Dutch shop and an HTTP-only shop', () => {
  it('finds /privacyverklaring, not the cookie policy, and reads its main text in Dutch', async () => {
    const crawl = await collectCrawl('nl.test', context, { maxPages: 25 });
    expect(crawl.statement?.url).toBe('https://nl.test/privacyverklaring');
    expect(crawl.statement?.declaredLang).toBe('nl-NL');
    const text = crawl.statement?.text ?? '';
    expect(text.split('\n')[0]).toBe('Privacyverklaring');
    expect(text).toContain('u kunt een klacht indienen bij de Autoriteit Persoonsgegevens.');
    expect(text).not.toContain('var x');
    expect(text).not.toContain('color:red');
    expect(text).not.toContain('Start');
    expect(text.split('\n')).toHaveLength(3);
    expect(run(crawl)).toMatchObject({ 'privacy.statement.linked': 'pass', 'privacy.statement.reachable': 'pass' });
  }, 30_000);

  it('falls back to http:// when HTTPS does not answer, and flags the login form', async () => {
    const crawl = await collectCrawl('plain.test', context, { maxPages: 25 });
    expect(crawl.start).toBe('http://plain.test/');
    expect(crawl.pages?.map((page) => page.url)).toEqual(['http://plain.test/', 'http://plain.test/account', 'http://plain.test/privacy']);
    const form = crawl.pages?.[0]?.forms[0];
    expect(form).toMatchObject({ action: 'http://plain.test/login', collectsPersonalData: true, postsOverHttps: false });
    expect(form?.personalFields).toEqual(['username', 'pw']);
    expect(run(crawl)).toEqual({ 'privacy.statement.linked': 'pass', 'privacy.statement.reachable': 'fail', 'privacy.forms': 'fail' });
  }, 30_000);
});

describe('collectCrawl: the scan deadline and dead hosts', () => {
  it('stops promptly when the scan is aborted', async () => {
    const pki = await testPki();
    const controller = new AbortController();
    const aborting = collectContext(DNS, pki.root.certPem, controller.signal);
    setTimeout(() => controller.abort(), 400);
    const started = Date.now();
    const crawl = await collectCrawl('big.test', aborting, { maxPages: 25 });
    expect(Date.now() - started).toBeLessThan(2_500);
    expect(crawl.pages?.length ?? 0).toBeLessThan(25);
    expect(crawl.error).toContain('deadline');
  }, 30_000);

  it('records an error, without throwing, for a name with no address', async () => {
    const crawl = await collectCrawl('nowhere.test', context, { maxPages: 25 });
    expect(crawl.pages).toEqual([]);
    expect(crawl.error).toMatch(/no address|NXDOMAIN/);
    expect(crawl.statement).toBeUndefined();
    expect(run(crawl)).toEqual({ 'privacy.statement.linked': 'skip', 'privacy.statement.reachable': 'skip', 'privacy.forms': 'skip' });
  }, 30_000);
});
