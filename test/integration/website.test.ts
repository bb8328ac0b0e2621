/**
 * Whole scans of real loopback sites, through our DNS client, TLS prober and HTTP
 * collector, against a real DNS server: the verdicts the issue lists, one
 * misconfiguration per site. Addresses 127.0.1.x (sites) and 127.0.1.53 (DNS).
 */
import { constants } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main, type Io } from '../../src/cli/main.js';
import { renderReport, runScan, type ScanOptions, type ScanResult } from '../../src/scan/engine.js';
import { startDnsServer, type DnsFixtureRecord } from '../fixtures/dns-server.js';
import { testPki, type TestPki } from '../fixtures/pki.js';
import { startSite, type RunningSite, type SiteOptions } from '../fixtures/site.js';

const DNS = '127.0.1.53';
const DAY = 86_400_000;
const MODERN_EC = {
  minVersion: 'TLSv1.2' as const,
  ciphers: 'ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-ECDSA-AES128-GCM-SHA256',
  honorCipherOrder: true,
  ecdhCurve: 'X25519:prime256v1:secp384r1',
  // A well-run server refuses client-initiated renegotiation (a DoS lever).
  secureOptions: constants.SSL_OP_NO_RENEGOTIATION,
};
const MODERN_RSA = {
  minVersion: 'TLSv1.2' as const,
  ciphers: 'ECDHE-RSA-AES256-GCM-SHA384:ECDHE-RSA-CHACHA20-POLY1305:ECDHE-RSA-AES128-GCM-SHA256',
  honorCipherOrder: true,
  ecdhCurve: 'X25519:prime256v1:secp384r1',
  // A well-run server refuses client-initiated renegotiation (a DoS lever).
  secureOptions: constants.SSL_OP_NO_RENEGOTIATION,
};

function goodHeaders(host: string): Record<string, string | string[]> {
  return {
    'strict-transport-security': 'max-age=31536000; includeSubDomains',
    'content-security-policy':
      "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'",
    'x-frame-options': 'DENY',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'strict-origin-when-cross-origin',
    'set-cookie': [`sessionid=abc; Secure; HttpOnly; SameSite=Lax; Path=/; Domain=${host}`],
  };
}

function securityTxt(expires: Date): Record<string, { headers: Record<string, string>; body: string }> {
  return {
    '/.well-known/security.txt': {
      headers: { 'content-type': 'text/plain; charset=utf-8' },
      body: `Contact: mailto:security@shop.test\nExpires: ${expires.toISOString()}\nPreferred-Languages: en, nl\n`,
    },
  };
}

let pki: TestPki;
const sites: RunningSite[] = [];
let dns: Awaited<ReturnType<typeof startDnsServer>>;
const results = new Map<string, ScanResult>();

/** Each scenario: a name, its address, how the site is set up. */
interface Scenario {
  name: string;
  address: string;
  site: (pki: TestPki) => Promise<Omit<SiteOptions, 'address'>>;
}

const now = new Date();
const base = async (pki: TestPki, name: string, overrides: Partial<SiteOptions> = {}): Promise<Omit<SiteOptions, 'address'>> => ({
  cert: await pki.issue({ names: [name], key: 'ec256' }),
  tls: MODERN_EC,
  headers: goodHeaders(name),
  paths: securityTxt(new Date(now.getTime() + 180 * DAY)),
  ...overrides,
});

const SCENARIOS: Scenario[] = [
  { name: 'good.test', address: '127.0.1.1', site: async (p) => ({ ...(await base(p, 'good.test')), cert: await p.issue({ names: ['good.test', 'www.good.test'], key: 'ec256' }) }) },
  {
    name: 'legacy.test',
    address: '127.0.1.2',
    site: async (p) =>
      base(p, 'legacy.test', {
        cert: await p.issue({ names: ['legacy.test'], key: 'rsa3072' }),
        tls: { minVersion: 'TLSv1', maxVersion: 'TLSv1.2', ciphers: 'AES128-SHA:ECDHE-RSA-AES128-SHA:ECDHE-RSA-AES128-GCM-SHA256:@SECLEVEL=0' },
      }),
  },
  { name: 'expired.test', address: '127.0.1.3', site: async (p) => base(p, 'expired.test', { cert: await p.issue({ names: ['expired.test'], key: 'ec256', notBefore: new Date(now.getTime() - 400 * DAY), notAfter: new Date(now.getTime() - 10 * DAY) }) }) },
  { name: 'wrongname.test', address: '127.0.1.4', site: async (p) => base(p, 'wrongname.test', { cert: await p.issue({ names: ['other.test'], key: 'ec256' }) }) },
  { name: 'selfsigned.test', address: '127.0.1.5', site: async (p) => base(p, 'selfsigned.test', { cert: await p.issue({ names: ['selfsigned.test'], key: 'ec256', signer: 'self' }) }) },
  {
    name: 'rsa1024.test',
    address: '127.0.1.6',
    site: async (p) => base(p, 'rsa1024.test', { cert: await p.issue({ names: ['rsa1024.test'], key: 'rsa1024' }), tls: { ...MODERN_RSA, ciphers: `${MODERN_RSA.ciphers}:@SECLEVEL=0` } }),
  },
  {
    name: 'sha1.test',
    address: '127.0.1.7',
    site: async (p) => base(p, 'sha1.test', { cert: await p.issue({ names: ['sha1.test'], key: 'rsa3072', signer: 'intermediate-sha1' }), tls: { ...MODERN_RSA, ciphers: `${MODERN_RSA.ciphers}:@SECLEVEL=0` } }),
  },
  { name: 'nohsts.test', address: '127.0.1.8', site: async (p) => base(p, 'nohsts.test', { headers: { ...goodHeaders('nohsts.test'), 'strict-transport-security': [] } }) },
  { name: 'shorthsts.test', address: '127.0.1.9', site: async (p) => base(p, 'shorthsts.test', { headers: { ...goodHeaders('shorthsts.test'), 'strict-transport-security': 'max-age=86400' } }) },
  { name: 'noredirect.test', address: '127.0.1.10', site: async (p) => base(p, 'noredirect.test', { http: 'page' }) },
  {
    name: 'weakcsp.test',
    address: '127.0.1.11',
    site: async (p) => base(p, 'weakcsp.test', { headers: { ...goodHeaders('weakcsp.test'), 'content-security-policy': "default-src 'self'; script-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'" } }),
  },
  { name: 'cookies.test', address: '127.0.1.12', site: async (p) => base(p, 'cookies.test', { headers: { ...goodHeaders('cookies.test'), 'set-cookie': ['PHPSESSID=abc123; Path=/'] } }) },
  {
    name: 'mixed.test',
    address: '127.0.1.13',
    site: async (p) => base(p, 'mixed.test', { body: '<!doctype html><html><head><script src="http://cdn.mixed.test/app.js"></script></head><body>Shop</body></html>' }),
  },
  { name: 'nosecuritytxt.test', address: '127.0.1.14', site: async (p) => base(p, 'nosecuritytxt.test', { paths: {} }) },
  { name: 'oldsecuritytxt.test', address: '127.0.1.15', site: async (p) => base(p, 'oldsecuritytxt.test', { paths: securityTxt(new Date(now.getTime() - 30 * DAY)) }) },
  {
    name: 'gitexposed.test',
    address: '127.0.1.16',
    site: async (p) => base(p, 'gitexposed.test', { paths: { ...securityTxt(new Date(now.getTime() + 180 * DAY)), '/.git/HEAD': { headers: { 'content-type': 'text/plain' }, body: 'ref: refs/heads/main\n' } } }),
  },
  { name: 'softnotfound.test', address: '127.0.1.17', site: async (p) => base(p, 'softnotfound.test', { softNotFound: true }) },
  {
    name: 'httponly.test',
    address: '127.0.1.19',
    site: async (p) => ({
      ...(await base(p, 'httponly.test')),
      cert: null,
      http: 'page' as const,
      paths: { '/.git/HEAD': { headers: { 'content-type': 'text/plain' }, body: 'ref: refs/heads/main\n' } },
    }),
  },
  {
    name: 'tls10only.test',
    address: '127.0.1.18',
    site: async (p) =>
      base(p, 'tls10only.test', {
        cert: await p.issue({ names: ['tls10only.test'], key: 'rsa3072' }),
        tls: { minVersion: 'TLSv1', maxVersion: 'TLSv1.1', ciphers: 'AES128-SHA:ECDHE-RSA-AES128-SHA:@SECLEVEL=0' },
      }),
  },
];

function options(extra: Partial<ScanOptions> = {}): ScanOptions {
  return { resolver: { address: DNS, port: 53 }, extraCa: [pki.root.certPem], allowPrivate: true, timeoutMs: 20_000, now, only: 'web', ...extra };
}

function status(target: string, id: string): string | undefined {
  return results.get(target)?.results.find((result) => result.id === id)?.status;
}

beforeAll(async () => {
  pki = await testPki();
  const records: DnsFixtureRecord[] = SCENARIOS.map((s) => ({ name: s.name, type: 'A', ttl: 60, data: s.address }));
  records.push({ name: 'www.good.test', type: 'CNAME', ttl: 60, data: 'good.test' });
  records.push({ name: 'good.test', type: 'AAAA', ttl: 60, data: '::1' });
  records.push({ name: 'private.test', type: 'A', ttl: 60, data: '127.0.1.1' });
  dns = await startDnsServer({ address: DNS, port: 53, records });
  for (const scenario of SCENARIOS) {
    const config = await scenario.site(pki);
    sites.push(await startSite({ ...config, address: scenario.address }));
    if (scenario.name === 'good.test') sites.push(await startSite({ ...config, address: '::1', http: 'closed' }));
  }
  // Scans run one after another so timing stays realistic on 2 cores.
  for (const scenario of SCENARIOS) results.set(scenario.name, await runScan(scenario.name, options()));
}, 180_000);

afterAll(async () => {
  await Promise.all(sites.map((site) => site.close()));
  await dns?.close();
});

describe('whole website scan on loopback', () => {
  it('passes a well-configured site on every web check but CAA (information)', () => {
    const result = results.get('good.test');
    expect(result).toBeDefined();
    const notPassed = result!.results.filter((r) => r.status !== 'pass' && r.id !== 'web.caa').map((r) => `${r.id}=${r.status}`);
    expect(notPassed).toEqual([]);
    expect(result!.score.scores.web).toBe(100);
  });

  it.each([
    ['legacy.test', 'web.tls.version', 'fail'],
    ['legacy.test', 'web.tls.ciphers', 'fail'],
    ['expired.test', 'web.cert.expiry', 'fail'],
    ['wrongname.test', 'web.cert.hostname', 'fail'],
    ['selfsigned.test', 'web.cert.trust', 'fail'],
    ['rsa1024.test', 'web.cert.key', 'fail'],
    ['sha1.test', 'web.cert.signature', 'fail'],
    ['nohsts.test', 'web.hsts', 'fail'],
    ['shorthsts.test', 'web.hsts', 'warn'],
    ['noredirect.test', 'web.https.redirect', 'fail'],
    ['weakcsp.test', 'web.headers.csp', 'fail'],
    ['cookies.test', 'web.cookies', 'fail'],
    ['mixed.test', 'web.mixed-content', 'fail'],
    ['nosecuritytxt.test', 'web.security-txt', 'fail'],
    ['oldsecuritytxt.test', 'web.security-txt', 'fail'],
    ['gitexposed.test', 'web.exposure', 'fail'],
    ['softnotfound.test', 'web.exposure', 'pass'],
    ['expired.test', 'web.cert.hostname', 'pass'],
    ['wrongname.test', 'web.cert.expiry', 'pass'],
    ['legacy.test', 'web.cert.key', 'pass'],
    // Only TLS 1.0/1.1: the protocol fails, but the page is still read and judged.
    ['tls10only.test', 'web.tls.version', 'fail'],
    // No HTTPS at all: the .git folder leaks over plain HTTP and is still found.
    ['httponly.test', 'web.https.available', 'fail'],
    ['httponly.test', 'web.exposure', 'fail'],
    ['tls10only.test', 'web.hsts', 'pass'],
    ['tls10only.test', 'web.headers.csp', 'pass'],
  ])('%s: %s is %s', (target, id, expected) => {
    expect(status(target, id)).toBe(expected);
  });

  it('names the rule that failed in the CSP advice', () => {
    const report = renderReport(results.get('weakcsp.test')!, 'en');
    const csp = report.checks.find((check) => check.id === 'web.headers.csp');
    expect(csp?.advice).toMatch(/unsafe-inline/);
  });

  it('renders every result in Dutch and Swedish without missing texts', () => {
    for (const result of results.values()) {
      for (const lang of ['nl', 'sv'] as const) {
        const report = renderReport(result, lang);
        for (const check of report.checks) expect(check.summary.length).toBeGreaterThan(5);
      }
    }
  });

  it('follows the JSON contract', () => {
    const report = renderReport(results.get('good.test')!, 'en');
    expect(Object.keys(report).sort()).toEqual(['checks', 'durationMs', 'scores', 'startedAt', 'target']);
    expect(Object.keys(report.scores).sort()).toEqual(['mail', 'overall', 'web']);
    for (const check of report.checks) {
      expect(Object.keys(check).sort()).toEqual(['advice', 'evidence', 'id', 'status', 'summary']);
      expect(['pass', 'warn', 'fail', 'info', 'error', 'skip']).toContain(check.status);
    }
  });

  it('refuses a target that resolves to loopback without --allow-private', async () => {
    await expect(runScan('private.test', options({ allowPrivate: false }))).rejects.toThrow(/--allow-private/);
  });
});

describe('weerbaar scan on the command line', () => {
  async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
    let out = '';
    let err = '';
    const io: Io = { out: (text) => (out += text), err: (text) => (err += text), env: {}, isTty: false };
    return { code: await main(argv, io), out, err };
  }
  const fixtureFlags = (): string[] => ['--resolver', `${DNS}:53`, '--ca-file', pki.rootFile];

  it('prints the contract JSON and exits 0, whatever it found', async () => {
    const { code, out } = await cli('scan', 'legacy.test', ...fixtureFlags(), '--allow-private', '--json');
    expect(code).toBe(0);
    const report = JSON.parse(out) as { target: string; scores: { web: number }; checks: { id: string; status: string; advice: string }[] };
    expect(report.target).toBe('legacy.test');
    expect(report.scores.web).toBeGreaterThan(0);
    expect(report.scores.web).toBeLessThan(100);
    const version = report.checks.find((check) => check.id === 'web.tls.version');
    expect(version?.status).toBe('fail');
    expect(version?.advice).not.toBe('');
  });

  it('speaks Dutch, failures first, and explains the score on request', async () => {
    const { code, out } = await cli('scan', 'nohsts.test', ...fixtureFlags(), '--allow-private', '--lang', 'nl', '--explain-score');
    expect(code).toBe(0);
    expect(out.indexOf('Los dit eerst op')).toBeGreaterThan(-1);
    expect(out.indexOf('Los dit eerst op')).toBeLessThan(out.indexOf('In orde'));
    expect(out).toMatch(/\[web\.hsts\]/);
    expect(out).toMatch(/Hoe de score is berekend/);
    expect(out).toMatch(/web\.https: \d+\/7 punten/);
  });

  it('refuses a loopback target without --allow-private: exit 2 and why', async () => {
    const { code, err } = await cli('scan', 'private.test', ...fixtureFlags());
    expect(code).toBe(2);
    expect(err).toMatch(/127\.0\.1\.1/);
    expect(err).toMatch(/--allow-private/);
  });
});
