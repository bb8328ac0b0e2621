/**
 * The before-consent collector against real loopback sites in Debian's chromium:
 * - a shop (127.0.22.1, HTTPS with a certificate from the test PKI, trusted only through the
 *   extra CA) that sets a Google Analytics cookie and loads a script from "www.google-analytics.com"
 *   (127.0.22.2) before any consent, and tries to reach an intranet name the scan refuses;
 * - a clean shop (127.0.22.3) with only a first-party session cookie;
 * - the skip path when Chromium is missing.
 * Names are resolved by a fake of the scan's resolveHost (an internal seam), which applies the
 * policy per name: the fixture hosts are allowed, `intranet.shop.test` is a refused address.
 */
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer as createPlainServer } from 'node:http';
import { createServer, type Server } from 'node:https';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CollectContext, ResolvedHost } from '../src/scan/collect/context.js';
import { DEFAULT_LIMITS } from '../src/scan/collect/context.js';
import type { DnsClient } from '../src/scan/collect/dns/client.js';
import { privacyBrowserChecks } from '../src/scan/checks/privacy/index-browser.js';
import type { ScanEvidence } from '../src/scan/evidence/index.js';
import type { BrowserEvidence } from '../src/scan/evidence/privacy-browser.js';
import { collectBeforeConsent, extraRootSpkiHashes, INSTALL_CHROMIUM } from '../src/scan/collect/privacy/browser.js';
import { browserAvailable } from './browser/harness.js';
import { testPki } from './fixtures/pki.js';

const SHOP = '127.0.22.1';
const TRACKER = '127.0.22.2';
const CLEAN = '127.0.22.3';
const PLAIN = '127.0.22.4';
const REFUSED = '127.0.22.9';
const PROXY = '127.0.22.254';

const ALLOWED: Record<string, string> = {
  'shop.test': SHOP,
  'www.google-analytics.com': TRACKER,
  'clean.test': CLEAN,
  'cdn.clean.test': CLEAN,
  'slow.test': CLEAN,
  'plain.test': PLAIN,
};
const asked: string[] = [];

function resolveHost(host: string): Promise<ResolvedHost> {
  asked.push(host);
  const address = ALLOWED[host];
  if (address) return Promise.resolve({ usable: [address], refused: [], evidence: { a: [address], aaaa: [], cnames: [] } });
  if (host === 'intranet.shop.test' || host === REFUSED) {
    return Promise.resolve({ usable: [], refused: [{ address: REFUSED, range: 'loopback' }], evidence: { a: [REFUSED], aaaa: [], cnames: [] } });
  }
  return Promise.resolve({ usable: [], refused: [], evidence: { a: [], aaaa: [], cnames: [] } });
}

/** Both checks' statuses on this evidence, in list order (cookies, third parties). */
function statuses(browser: BrowserEvidence): string[] {
  const evidence = { target: 'shop.test', collectedAt: new Date().toISOString(), privacy: { crawl: {}, browser } } as ScanEvidence;
  return privacyBrowserChecks.map((check) => check.run(evidence, { now: new Date() }).status);
}

function contextWith(ca: string[], signal = new AbortController().signal): CollectContext {
  return { dns: {} as DnsClient, resolveHost, allowPrivate: false, ca, limits: DEFAULT_LIMITS, signal };
}

const SHOP_HOME = `<!doctype html><html><head><title>Shop</title>
<script src="https://www.google-analytics.com/analytics.js"></script></head>
<body><h1>Shop</h1><div id="banner">We use cookies <button>Accept</button></div>
<script>
localStorage.setItem('cart', '[]');
sessionStorage.setItem('visit', '1');
fetch('https://intranet.shop.test/secret').catch(() => {});
fetch('http://${REFUSED}/admin').catch(() => {});
try { new WebSocket('wss://intranet.shop.test/live'); } catch {}
fetch('https://localhost/probe').catch(() => {});
fetch('https://shop.test:8443/other-port').catch(() => {});
</script></body></html>`;

const CLEAN_HOME = `<!doctype html><html><head><title>Clean</title><link rel="icon" href="data:,"></head>
<body><h1>Clean shop</h1><img src="https://cdn.clean.test/logo.png" alt=""></body></html>`;

describe.skipIf(!browserAvailable())('collectBeforeConsent in chromium', () => {
  const servers: Server[] = [];
  let rootPem = '';
  const hits: string[] = [];

  const serve = (address: string, certPem: string, keyPem: string, handler: (request: IncomingMessage, response: ServerResponse) => void): Promise<void> =>
    new Promise((resolve) => {
      const server = createServer({ cert: certPem, key: keyPem }, (request, response) => {
        hits.push(`${address} ${request.headers.host ?? ''}${request.url ?? ''}`);
        handler(request, response);
      });
      servers.push(server);
      server.listen(443, address, () => resolve());
    });

  // An HTTP-only shop: the collector falls back to http:// and the proxy forwards plain requests.
  const plain = createPlainServer((request, response) => {
    hits.push(`${PLAIN} ${request.headers.host ?? ''}${request.url ?? ''}`);
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'set-cookie': '_fbp=fb.1.2.3; Path=/; Max-Age=7776000' });
    response.end('<!doctype html><title>Plain</title><h1>Plain shop</h1>');
  });

  beforeAll(async () => {
    await new Promise<void>((resolve) => plain.listen(80, PLAIN, () => resolve()));
    const pki = await testPki();
    rootPem = readFileSync(pki.rootFile, 'utf8');
    const shop = await pki.issue({ names: ['shop.test', 'www.shop.test'] });
    const tracker = await pki.issue({ names: ['www.google-analytics.com'] });
    const clean = await pki.issue({ names: ['clean.test', 'cdn.clean.test', 'slow.test'] });
    await serve(SHOP, shop.chainPem, shop.keyPem, (request, response) => {
      if (request.url === '/') {
        response.writeHead(200, {
          'content-type': 'text/html; charset=utf-8',
          'set-cookie': ['_ga=GA1.1.123.456; Path=/; Max-Age=63072000; SameSite=Lax', 'PHPSESSID=abc; Path=/; HttpOnly; Secure; SameSite=Lax'],
        });
        response.end(SHOP_HOME);
        return;
      }
      response.writeHead(404).end();
    });
    await serve(TRACKER, tracker.chainPem, tracker.keyPem, (_request, response) => {
      response.writeHead(200, { 'content-type': 'text/javascript', 'set-cookie': 'NID=tracker; Path=/; Max-Age=3600; Secure; SameSite=None' });
      response.end("document.cookie = '_gid=GA1.1.99; path=/; max-age=86400';");
    });
    await serve(CLEAN, clean.chainPem, clean.keyPem, (request, response) => {
      if (request.headers.host === 'slow.test') return; // never answers
      if (request.url === '/logo.png') {
        response.writeHead(200, { 'content-type': 'image/png' }).end();
        return;
      }
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'set-cookie': 'session=xyz; Path=/; HttpOnly; Secure; SameSite=Strict' });
      response.end(CLEAN_HOME);
    });
  }, 60_000);

  afterAll(async () => {
    await new Promise((resolve) => plain.close(resolve));
    await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  });

  it('computes the SPKI hash of the extra root only, not of the bundled roots', async () => {
    const { rootCertificates } = await import('node:tls');
    expect(extraRootSpkiHashes([...rootCertificates])).toEqual([]);
    expect(extraRootSpkiHashes([...rootCertificates, rootPem])).toHaveLength(1);
  });

  it('records the tracking cookie, the tracker host and the refused intranet request on the shop', async () => {
    const evidence = await collectBeforeConsent('shop.test', contextWith([rootPem]), { resolved: new Map([['shop.test', [SHOP]], ['www.google-analytics.com', [TRACKER]]]), proxyAddress: PROXY, idleWaitMs: 3_000 });
    expect(evidence.error).toBeUndefined();
    expect(evidence.finalUrl).toBe('https://shop.test/');
    const ga = evidence.cookies?.find((cookie) => cookie.name === '_ga');
    expect(ga).toMatchObject({ party: 'first', session: false, sameSite: 'Lax', tracker: { company: 'Google', category: 'Analytics' } });
    expect(evidence.cookies?.find((cookie) => cookie.name === 'PHPSESSID')).toMatchObject({ session: true, httpOnly: true, secure: true });
    expect(evidence.cookies?.find((cookie) => cookie.name === 'PHPSESSID')?.tracker).toBeUndefined();
    // Set by the tracker's script on the shop's own domain, as analytics scripts do.
    expect(evidence.cookies?.find((cookie) => cookie.name === '_gid')).toMatchObject({ party: 'first', tracker: { company: 'Google' } });
    const gaHost = evidence.requests?.find((request) => request.host === 'www.google-analytics.com');
    expect(gaHost).toMatchObject({ party: 'third', types: ['script'], tracker: { company: 'Google', category: 'Analytics' } });
    expect(evidence.localStorage).toEqual(['cart']);
    expect(evidence.sessionStorage).toEqual(['visit']);
    // The intranet name and the private literal were refused by the policy and never reached.
    expect(evidence.blocked).toEqual(
      expect.arrayContaining([
        { host: 'intranet.shop.test', port: 443, reason: expect.stringContaining('loopback') as unknown },
        { host: REFUSED, port: 80, reason: expect.stringContaining('loopback') as unknown },
        // Not even localhost goes around the scan's resolver.
        { host: 'localhost', port: 443, reason: 'the name does not resolve' },
        // Only the web ports, as the rest of the scan.
        { host: 'shop.test', port: 8443, reason: 'port 8443 is not a web port' },
      ]),
    );
    expect(evidence.requests?.find((request) => request.host === 'intranet.shop.test')?.types.sort()).toEqual(['fetch', 'websocket']);
    // Asked for but never contacted: marked so, unlike the shop itself (refused only on port 8443) and the tracker.
    const blockedFlag = (host: string): boolean | undefined => evidence.requests?.find((request) => request.host === host)?.blocked;
    expect(['intranet.shop.test', 'localhost', REFUSED].map(blockedFlag)).toEqual([true, true, true]);
    expect(['shop.test', 'www.google-analytics.com'].map(blockedFlag)).toEqual([undefined, undefined]);
    expect(hits.some((hit) => hit.includes('/secret') || hit.includes('/admin') || hit.includes('/live'))).toBe(false);
    expect(hits.some((hit) => hit.startsWith(`${TRACKER} www.google-analytics.com/analytics.js`))).toBe(true);
    expect(statuses(evidence)).toEqual(['fail', 'fail']);
  }, 60_000);

  it('records only a first-party session cookie and first-party requests on the clean shop', async () => {
    const evidence = await collectBeforeConsent('clean.test', contextWith([rootPem]), { resolved: new Map(), proxyAddress: PROXY, idleWaitMs: 3_000 });
    expect(evidence.error).toBeUndefined();
    expect(evidence.cookies).toEqual([{ name: 'session', domain: 'clean.test', path: '/', party: 'first', session: true, httpOnly: true, secure: true, sameSite: 'Strict' }]);
    expect(evidence.requests?.map((request) => `${request.host} ${request.party}`).sort()).toEqual(['cdn.clean.test first', 'clean.test first']);
    expect(evidence.blocked).toEqual([]);
    expect(statuses(evidence)).toEqual(['pass', 'pass']);
  }, 60_000);

  it('falls back to HTTP when the shop has no HTTPS', async () => {
    const evidence = await collectBeforeConsent('plain.test', contextWith([rootPem]), { resolved: new Map(), proxyAddress: PROXY, idleWaitMs: 2_000 });
    expect(evidence.error).toBeUndefined();
    expect(evidence.finalUrl).toBe('http://plain.test/');
    expect(evidence.cookies?.map((cookie) => `${cookie.name} ${cookie.tracker?.company ?? ''}`)).toEqual(['_fbp Facebook']);
    expect(statuses(evidence)).toEqual(['fail', 'pass']);
  }, 60_000);

  it('stops promptly when the scan is aborted, on a page that never answers', async () => {
    const controller = new AbortController();
    const started = Date.now();
    setTimeout(() => controller.abort(), 1_500);
    const evidence = await collectBeforeConsent('slow.test', contextWith([rootPem], controller.signal), { resolved: new Map(), proxyAddress: PROXY });
    expect(Date.now() - started).toBeLessThan(6_000);
    expect(evidence.error).toBeDefined();
  }, 30_000);

  it('does not trust the test certificate without the extra root (no blanket certificate-error ignore)', async () => {
    const evidence = await collectBeforeConsent('clean.test', contextWith([]), { resolved: new Map(), proxyAddress: PROXY, idleWaitMs: 1_000 });
    expect(evidence.error).toMatch(/did not load/);
    expect(evidence.cookies).toBeUndefined();
  }, 60_000);
});

describe('collectBeforeConsent without Chromium', () => {
  it('skips with the install command when the browser is missing', async () => {
    const evidence = await collectBeforeConsent('shop.test', contextWith([]), { chromiumPath: '/nonexistent/chromium', resolved: new Map() });
    expect(evidence).toEqual({ skipped: INSTALL_CHROMIUM });
  });
});
