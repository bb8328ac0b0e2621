/**
 * Our own house in order: Weerbaar's scanner, pointed at a running Weerbaar behind a
 * real nginx (TLS on :443, :80 redirecting to https, X-Forwarded-* to the app), must
 * pass every web.headers.* check and web.cookies. The app decides Secure on its cookies
 * from the protocol the trusted proxy reports, so the same page over plain HTTP without
 * the proxy must come without Secure, and a forged X-Forwarded-Proto must not count.
 * Addresses: nginx 127.0.5.1, app 127.0.5.10, DNS 127.0.5.53.
 */
import type { IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderReport, runScan, type ScanResult } from '../src/scan/engine.js';
import { startDnsServer, type DnsTestServer } from './fixtures/dns-server.js';
import { startNginx, type RunningNginx } from './fixtures/nginx.js';
import { testPki, writeCertFiles, type TestPki } from './fixtures/pki.js';
import { STRONG_PASSWORD, startTestApp, type TestApp } from './web/harness.js';
import { validateAnswers, type StatementAnswers } from '../src/privacy-statement/generator/index.js';

const PROXY = '127.0.5.1';
const APP = '127.0.5.10';
const DNS = '127.0.5.53';
const DOMAIN = 'weerbaar.test';

let pki: TestPki;
let t: TestApp;
let appPort: number;
let nginx: RunningNginx;
let dns: DnsTestServer;
let result: ScanResult;

/** The operator's answers: an instance keeps accounts, an audit log and security logs. */
const OPERATOR_ANSWERS: StatementAnswers = {
  controller: { name: 'Weerbaar Test Operator B.V.', address: 'Teststraat 1, 1234 AB Utrecht', country: 'NL', email: 'privacy@weerbaar.test', website: `https://${DOMAIN}` },
  activities: [
    { purpose: 'customerAccount', dataCategories: ['name', 'email', 'accountDetails'], legalBasis: 'contract', retention: { until: 'accountClosure' } },
    { purpose: 'websiteSecurity', dataCategories: ['ipAddress', 'deviceData', 'usageData'], legalBasis: 'legitimateInterests', retention: { months: 12, from: 'collection' } },
    { purpose: 'customerService', dataCategories: ['name', 'email', 'correspondence'], legalBasis: 'legitimateInterests', retention: { months: 24, from: 'lastContact' } },
  ],
  recipients: { categories: ['hosting', 'emailProvider'] },
  transfers: [],
  breachPolicy: { include: true, contactEmail: 'security@weerbaar.test' },
  lastUpdated: '2026-12-01',
  languages: ['en', 'nl', 'sv'],
};

beforeAll(async () => {
  pki = await testPki();
  // Only nginx's own address is trusted: it binds to it for the upstream connection.
  const answers = validateAnswers(OPERATOR_ANSWERS);
  if (!answers.ok) throw new Error(`operator answers: ${JSON.stringify(answers.errors)}`);
  t = await startTestApp('sqlite', { config: { trustProxy: PROXY, baseUrl: `https://${DOMAIN}`, privacyStatement: answers.answers } });
  await t.app.listen({ host: APP, port: 0 });
  appPort = (t.app.server.address() as AddressInfo).port;

  const cert = await pki.issue({ names: [DOMAIN, `www.${DOMAIN}`], key: 'ec256' });
  const files = writeCertFiles(pki.dir, 'weerbaar-own', cert);
  nginx = await startNginx({
    address: PROXY,
    sites: [
      {
        serverName: `${DOMAIN} www.${DOMAIN}`,
        ...files,
        protocols: 'TLSv1.2 TLSv1.3',
        ciphers: 'ECDHE+AESGCM:ECDHE+CHACHA20',
        extraHttpsConfig: `location / {
          proxy_pass http://${APP}:${appPort};
          proxy_bind ${PROXY};
          proxy_set_header Host $host;
          proxy_set_header X-Forwarded-Proto $scheme;
          proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
        }`,
        httpConfig: 'return 301 https://$host$request_uri;',
      },
    ],
  });
  dns = await startDnsServer({
    address: DNS,
    port: 53,
    records: [
      { name: DOMAIN, type: 'A', ttl: 60, data: PROXY },
      { name: `www.${DOMAIN}`, type: 'A', ttl: 60, data: PROXY },
      { name: DOMAIN, type: 'SOA', ttl: 60, data: { mname: `ns.${DOMAIN}`, rname: `hostmaster.${DOMAIN}` } },
    ],
  });
  result = await runScan(DOMAIN, { resolver: { address: DNS, port: 53 }, extraCa: [pki.root.certPem], allowPrivate: true, timeoutMs: 30_000 });
}, 120_000);

afterAll(async () => {
  await dns?.close();
  await nginx?.close();
  await t?.close();
});

/** A request to the app through nginx over HTTPS, trusting the test root. */
async function viaProxy(method: string, path: string, headers: Record<string, string> = {}, body?: string): Promise<{ status: number; setCookies: string[]; body: string }> {
  const response = await new Promise<IncomingMessage>((resolve, reject) => {
    const request = httpsRequest({ method, host: PROXY, port: 443, servername: DOMAIN, path, headers: { host: DOMAIN, ...headers }, ca: [pki.root.certPem] }, resolve);
    request.once('error', reject);
    request.end(body);
  });
  let text = '';
  response.setEncoding('utf8');
  for await (const chunk of response) text += chunk as string;
  return { status: response.statusCode ?? 0, setCookies: response.headers['set-cookie'] ?? [], body: text };
}

/** One line per check with its summary and advice, so a failure shows its cause. */
function explain(ids: string[]): string {
  const report = renderReport(result, 'en');
  return report.checks
    .filter((check) => ids.includes(check.id))
    .map((check) => `${check.id}: ${check.status} — ${check.summary}${check.advice ? `\n    advice: ${check.advice}` : ''}\n    evidence: ${JSON.stringify(check.evidence).slice(0, 1500)}`)
    .join('\n');
}

describe('Weerbaar scans itself behind nginx', () => {
  it('passes every web.headers.* check and web.cookies', () => {
    const judged = result.results.filter((check) => check.id.startsWith('web.headers.') || check.id === 'web.cookies');
    // The four header checks and the cookie check: a renamed or dropped check must not pass silently.
    expect(judged.map((check) => check.id).sort()).toEqual([
      'web.cookies',
      'web.headers.content-type-options',
      'web.headers.csp',
      'web.headers.frame',
      'web.headers.referrer-policy',
    ]);
    const notPassing = judged.filter((check) => check.status !== 'pass').map((check) => check.id);
    expect(notPassing, explain(notPassing)).toEqual([]);
  });

  it('judged real cookies: the sign-in page sets _csrf with Secure, HttpOnly and SameSite', () => {
    const cookies = result.results.find((check) => check.id === 'web.cookies');
    const found = (cookies?.verdict.evidence.cookies ?? []) as { name: string; secure: boolean; httpOnly: boolean; sameSite?: string; host: string }[];
    expect(found.length, explain(['web.cookies'])).toBeGreaterThan(0);
    const csrf = found.find((cookie) => cookie.name === '_csrf');
    expect(csrf).toMatchObject({ secure: true, httpOnly: true, sameSite: 'strict' });
    // Both names were followed through nginx to the app.
    expect(new Set(found.map((cookie) => cookie.host))).toEqual(new Set([DOMAIN, `www.${DOMAIN}`]));
  });

  it('publishes its own privacy statement, linked from every page, and passes every privacy check', () => {
    const ids = [
      'privacy.statement.linked',
      'privacy.statement.reachable',
      'privacy.statement.contents',
      'privacy.forms',
      'privacy.cookies.before-consent',
      'privacy.third-parties.before-consent',
    ];
    expect(result.results.filter((check) => check.id.startsWith('privacy.')).map((check) => check.id).sort()).toEqual([...ids].sort());
    const notPassing = result.results.filter((check) => ids.includes(check.id) && check.status !== 'pass').map((check) => check.id);
    expect(notPassing, explain(notPassing)).toEqual([]);
    const linked = result.results.find((check) => check.id === 'privacy.statement.linked');
    // The crawl really walked the app (start page, sign-in, sign-up), not one page.
    expect(linked?.verdict.evidence.pagesChecked, explain(['privacy.statement.linked'])).toBeGreaterThanOrEqual(3);
    expect(linked?.verdict.evidence.statement).toBe(`https://${DOMAIN}/privacy`);
  });

  it('also passes HTTPS, the redirect from http:// and HSTS on its own address', () => {
    const ids = ['web.https.available', 'web.https.redirect', 'web.hsts'];
    const notPassing = result.results.filter((check) => ids.includes(check.id) && check.status !== 'pass').map((check) => check.id);
    expect(notPassing, explain(notPassing)).toEqual([]);
  });
});

describe('cookie Secure flag follows the real protocol', () => {
  const csrfCookie = (response: Response): string | undefined =>
    response.headers.getSetCookie().find((header) => header.startsWith('_csrf='));

  it('over plain HTTP without the proxy, the same page sets _csrf without Secure', async () => {
    const response = await fetch(`http://${APP}:${appPort}/login`, { redirect: 'manual' });
    expect(response.status).toBe(200);
    const cookie = csrfCookie(response);
    expect(cookie).toBeDefined();
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(cookie).not.toMatch(/;\s*Secure/i);
  });

  it('ignores X-Forwarded-Proto from a client that is not the trusted proxy', async () => {
    const response = await fetch(`http://${APP}:${appPort}/login`, { headers: { 'x-forwarded-proto': 'https' } });
    const cookie = csrfCookie(response);
    expect(cookie).toBeDefined();
    expect(cookie).not.toMatch(/;\s*Secure/i);
  });

  it('through the proxy over HTTPS, the same page sets _csrf with Secure', async () => {
    const response = await viaProxy('GET', '/login');
    expect(response.status).toBe(200);
    const cookie = response.setCookies.find((header) => header.startsWith('_csrf='));
    expect(cookie).toMatch(/;\s*Secure/i);
    expect(cookie).toMatch(/HttpOnly/i);
  });

  it('through the proxy over HTTPS, signing up sets the session cookie with Secure, HttpOnly and SameSite', async () => {
    const form = await viaProxy('GET', '/signup');
    const csrfSecret = form.setCookies.find((header) => header.startsWith('_csrf='))?.split(';')[0];
    const token = /name="_csrf" value="([^"]+)"/.exec(form.body)?.[1];
    expect(csrfSecret && token).toBeTruthy();
    const body = new URLSearchParams({ _csrf: token ?? '', email: 'self@weerbaar.test', name: 'Self', password: STRONG_PASSWORD }).toString();
    const signedUp = await viaProxy('POST', '/signup', { cookie: csrfSecret ?? '', 'content-type': 'application/x-www-form-urlencoded' }, body);
    expect(signedUp.status, signedUp.body.slice(0, 300)).toBe(303);
    const session = signedUp.setCookies.find((header) => header.startsWith('wb_session='));
    expect(session).toMatch(/;\s*Secure/i);
    expect(session).toMatch(/HttpOnly/i);
    expect(session).toMatch(/SameSite=Lax/i);
  });
});
