/**
 * Whole mail scans (runScan and the CLI) of signed and unsigned loopback domains on
 * 127.0.15.x: a DNS server serving a test root, the TLD `test` and shop zones that this
 * suite signs itself; smtp-server MX hosts on port 25 (with and without STARTTLS, with a
 * certificate that matches its TLSA record and one that does not); and an HTTPS server
 * for the MTA-STS policy. Each domain is built to give known verdicts.
 */
import { X509Certificate, createHash, generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main, type Io } from '../../src/cli/main.js';
import { parseTrustAnchors } from '../../src/scan/dnssec/trust-anchor.js';
import { renderReport, runScan, type ScanOptions, type ScanResult } from '../../src/scan/engine.js';
import type { DnsFixtureRecord } from '../fixtures/dns-server.js';
import { startSignedDnsServer } from '../fixtures/dnssec/server.js';
import { buildSignedWorld, type SignedWorld } from '../fixtures/dnssec/world.js';
import type { DnsTestServer } from '../fixtures/dns-server.js';
import { testPki, type IssuedCert, type TestPki } from '../fixtures/pki.js';
import { startSite, type RunningSite } from '../fixtures/site.js';

const DNS = '127.0.15.53';
const WEB = '127.0.15.80';
const MX = { good1: '127.0.15.25', good2: '127.0.15.26', plain: '127.0.15.27', dane: '127.0.15.28', shared: '127.0.15.29' };
const MODERN = 'ECDHE-RSA-AES256-GCM-SHA384:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-CHACHA20-POLY1305';

const a = (name: string, address: string): DnsFixtureRecord => ({ name, type: 'A', data: address });
/** TXT strings are at most 255 bytes each (RFC 1035 3.3.14); a DKIM key needs several, joined by the reader. */
const txt = (name: string, text: string): DnsFixtureRecord => ({ name, type: 'TXT', data: text.match(/.{1,255}/g) ?? [''] });
const mx = (name: string, preference: number, exchange: string): DnsFixtureRecord => ({ name, type: 'MX', data: { preference, exchange } });
const tlsa = (name: string, certificate: Buffer): DnsFixtureRecord => ({
  name,
  type: 'TLSA',
  data: { usage: 3, selector: 1, matchingType: 1, certificate },
});

function spkiSha256(certPem: string): Buffer {
  const der = new X509Certificate(certPem).publicKey.export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(der).digest();
}

let pki: TestPki;
let world: SignedWorld;
let dns: DnsTestServer;
let site: RunningSite;
let anchorFile: string;
const smtpServers: SMTPServer[] = [];
const transactions: string[] = [];
/** SMTP connections per server address. */
const connections = new Map<string, number>();
const results = new Map<string, ScanResult>();

async function startMx(address: string, cert: IssuedCert | null): Promise<void> {
  const server = new SMTPServer({
    logger: false,
    authOptional: true,
    disabledCommands: cert ? ['AUTH'] : ['AUTH', 'STARTTLS'],
    disableReverseLookup: true,
    onConnect(_session, callback) {
      connections.set(address, (connections.get(address) ?? 0) + 1);
      callback();
    },
    ...(cert ? { key: cert.keyPem, cert: cert.chainPem, minVersion: 'TLSv1.2', ciphers: MODERN, honorCipherOrder: true } : {}),
    onMailFrom(from, _session, callback) {
      transactions.push(`MAIL FROM ${from.address}`);
      callback();
    },
    onRcptTo(to, _session, callback) {
      transactions.push(`RCPT TO ${to.address}`);
      callback();
    },
  });
  server.on('error', () => undefined);
  await new Promise<void>((resolve) => server.listen(25, address, resolve));
  smtpServers.push(server);
}

function options(extra: Partial<ScanOptions> = {}): ScanOptions {
  return {
    resolver: { address: DNS, port: 53 },
    extraCa: [pki.root.certPem],
    trustAnchors: parseTrustAnchors(world.trustAnchorText),
    allowPrivate: true,
    timeoutMs: 30_000,
    only: 'mail',
    dkimSelectors: ['shop2026'],
    ...extra,
  };
}

function check(domain: string, id: string): { status: string; notApplicable: boolean; evidence: Record<string, unknown> } {
  const result = results.get(domain)?.results.find((entry) => entry.id === id);
  if (!result) throw new Error(`no ${id} in the scan of ${domain}`);
  return { status: result.status, notApplicable: result.verdict.notApplicable ?? false, evidence: result.verdict.evidence };
}

beforeAll(async () => {
  pki = await testPki();
  const certs = {
    good1: await pki.issue({ names: ['mx1.good.test'] }),
    good2: await pki.issue({ names: ['mx2.good.test'] }),
    dane: await pki.issue({ names: ['mx.badtlsa.test'] }),
    shared: await pki.issue({ names: ['mx-a.shared.test'] }),
    web: await pki.issue({ names: ['good.test', 'www.good.test', 'mta-sts.good.test'] }),
  };
  const dkimKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
  const otherKey = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ type: 'spki', format: 'pem' }).toString();
  world = buildSignedWorld({
    zones: [
      { name: '' },
      { name: 'test' },
      {
        name: 'good.test',
        records: [
          a('good.test', WEB),
          a('mta-sts.good.test', WEB),
          mx('good.test', 10, 'mx1.good.test'),
          mx('good.test', 20, 'mx2.good.test'),
          a('mx1.good.test', MX.good1),
          a('mx2.good.test', MX.good2),
          txt('good.test', 'v=spf1 mx -all'),
          txt('_dmarc.good.test', 'v=DMARC1; p=reject; rua=mailto:dmarc@good.test'),
          txt('shop2026._domainkey.good.test', `v=DKIM1; k=rsa; p=${dkimKey}`),
          txt('_mta-sts.good.test', 'v=STSv1; id=20261123'),
          txt('_smtp._tls.good.test', 'v=TLSRPTv1; rua=mailto:tlsrpt@good.test'),
          tlsa('_25._tcp.mx1.good.test', spkiSha256(certs.good1.certPem)),
          tlsa('_25._tcp.mx2.good.test', spkiSha256(certs.good2.certPem)),
        ],
      },
      {
        name: 'nomail.test',
        denial: 'nsec3',
        records: [mx('nomail.test', 0, '.'), txt('nomail.test', 'v=spf1 -all'), txt('_dmarc.nomail.test', 'v=DMARC1; p=reject')],
      },
      {
        name: 'weak.test',
        unsigned: true,
        records: [
          mx('weak.test', 10, 'mx.weak.test'),
          a('mx.weak.test', MX.plain),
          txt('weak.test', 'v=spf1 +all'),
          txt('_dmarc.weak.test', 'v=DMARC1; p=none'),
        ],
      },
      {
        // Two MX names, one server: probed once, the certificate judged for each name.
        name: 'shared.test',
        records: [
          mx('shared.test', 10, 'mx-a.shared.test'),
          mx('shared.test', 20, 'mx-b.shared.test'),
          a('mx-a.shared.test', MX.shared),
          a('mx-b.shared.test', MX.shared),
          txt('shared.test', 'v=spf1 mx -all'),
        ],
      },
      {
        name: 'badtlsa.test',
        records: [
          mx('badtlsa.test', 10, 'mx.badtlsa.test'),
          a('mx.badtlsa.test', MX.dane),
          txt('badtlsa.test', 'v=spf1 ip4:192.0.2.0/24 -all'),
          txt('_dmarc.badtlsa.test', 'v=DMARC1; p=quarantine'),
          // A key that is not the server's: the TLSA record matches nothing presented.
          tlsa('_25._tcp.mx.badtlsa.test', createHash('sha256').update(otherKey).digest()),
        ],
      },
    ],
  });
  dns = await startSignedDnsServer({ address: DNS, port: 53, world });
  site = await startSite({
    address: WEB,
    cert: certs.web,
    paths: {
      '/.well-known/mta-sts.txt': {
        headers: { 'content-type': 'text/plain' },
        body: 'version: STSv1\r\nmode: enforce\r\nmx: mx1.good.test\r\nmx: *.good.test\r\nmax_age: 604800\r\n',
      },
    },
  });
  await startMx(MX.good1, certs.good1);
  await startMx(MX.good2, certs.good2);
  await startMx(MX.plain, null);
  await startMx(MX.dane, certs.dane);
  await startMx(MX.shared, certs.shared);
  const dir = mkdtempSync(join(tmpdir(), 'weerbaar-mail-'));
  anchorFile = join(dir, 'root.anchor');
  writeFileSync(anchorFile, world.trustAnchorText);
  for (const domain of ['good.test', 'nomail.test', 'weak.test', 'badtlsa.test', 'shared.test']) results.set(domain, await runScan(domain, options()));
}, 120_000);

afterAll(async () => {
  await Promise.all(smtpServers.map((server) => new Promise<void>((resolve) => server.close(() => resolve()))));
  await site?.close();
  await dns?.close();
});

describe('a well-run, signed mail domain', () => {
  it('passes DNSSEC, authentication and transport, with DANE and MTA-STS', () => {
    const expected: Record<string, string> = {
      'dns.dnssec': 'pass',
      'mail.dnssec.mx': 'pass',
      'mail.mx': 'pass',
      'mail.spf': 'pass',
      'mail.dmarc': 'pass',
      'mail.dkim': 'pass',
      'mail.starttls': 'pass',
      'mail.tls.version': 'pass',
      'mail.tls.cert.trust': 'pass',
      'mail.tls.cert.hostname': 'pass',
      'mail.dane': 'pass',
      'mail.mta-sts': 'pass',
      'mail.tls-rpt': 'pass',
    };
    const seen = Object.fromEntries(Object.keys(expected).map((id) => [id, check('good.test', id).status]));
    expect(seen).toEqual(expected);
    expect(check('good.test', 'mail.non-sending').notApplicable).toBe(true);
  });

  it('probes both MX hosts and never sends a message', () => {
    const servers = results.get('good.test')?.evidence.mail?.servers ?? [];
    expect(servers.map((server) => server.host)).toEqual(['mx1.good.test', 'mx2.good.test']);
    expect(servers.every((server) => server.tls?.handshake.ok === true)).toBe(true);
    expect(transactions).toEqual([]);
  });

  it('scores the mail area and leaves web unscanned with --only mail', () => {
    const result = results.get('good.test');
    expect(result?.score.scores.web).toBeNull();
    expect(result?.score.scores.mail).toBeGreaterThanOrEqual(90);
    expect(result?.results.some((entry) => entry.id.startsWith('web.'))).toBe(false);
  });
});

describe('a domain that sends and receives no mail', () => {
  it('passes the non-sending check and leaves the receiving checks out of the score', () => {
    expect(check('nomail.test', 'mail.mx').status).toBe('pass');
    expect(check('nomail.test', 'mail.non-sending').status).toBe('pass');
    expect(check('nomail.test', 'dns.dnssec').status).toBe('pass');
    for (const id of ['mail.starttls', 'mail.dane', 'mail.mta-sts', 'mail.tls-rpt', 'mail.tls.version']) {
      expect(check('nomail.test', id).notApplicable, id).toBe(true);
    }
    const scored = results.get('nomail.test')?.score.checks.map((entry) => entry.id) ?? [];
    expect(scored).not.toContain('mail.starttls');
  });
});

describe('a weak, unsigned domain', () => {
  it('fails DNSSEC, SPF and STARTTLS, and warns about DMARC p=none', () => {
    expect(check('weak.test', 'dns.dnssec').status).toBe('fail');
    expect(check('weak.test', 'mail.spf').status).toBe('fail');
    expect(check('weak.test', 'mail.dmarc').status).toBe('warn');
    expect(check('weak.test', 'mail.starttls').status).toBe('fail');
    expect(check('weak.test', 'mail.mta-sts').status).not.toBe('pass');
    expect(results.get('weak.test')?.score.scores.mail).toBeLessThan(50);
  });

  it('explains the fault in every language', () => {
    const result = results.get('weak.test') as ScanResult;
    for (const lang of ['en', 'nl', 'sv'] as const) {
      const spf = renderReport(result, lang).checks.find((entry) => entry.id === 'mail.spf');
      expect(spf?.summary, lang).not.toBe('');
      expect(spf?.advice, lang).toMatch(/all/);
    }
  });
});

describe('a TLSA record that does not match the server', () => {
  it('fails DANE while STARTTLS itself works', () => {
    expect(check('badtlsa.test', 'mail.starttls').status).toBe('pass');
    expect(check('badtlsa.test', 'mail.dane').status).toBe('fail');
  });
});

describe('two MX names on one server', () => {
  it('probes the server once, not once per name, and checks the certificate against each name', () => {
    const single = connections.get(MX.good1) ?? 0;
    const shared = connections.get(MX.shared) ?? 0;
    expect(single).toBeGreaterThan(5);
    // One full probe plus the second name's own SMTP dialogue.
    expect(shared).toBeLessThanOrEqual(single + 2);
    const servers = results.get('shared.test')?.evidence.mail?.servers ?? [];
    expect(servers.map((server) => [server.host, server.tls?.certificate?.hostnameMatches])).toEqual([
      ['mx-a.shared.test', true],
      ['mx-b.shared.test', false],
    ]);
    expect(check('shared.test', 'mail.tls.version').status).toBe('pass');
  });
});

describe('weerbaar scan --only mail on the command line', () => {
  async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
    let out = '';
    let err = '';
    const io: Io = { out: (text) => (out += text), err: (text) => (err += text), env: {}, isTty: false };
    return { code: await main(argv, io), out, err };
  }
  const flags = (): string[] => ['--resolver', `${DNS}:53`, '--ca-file', pki.rootFile, '--trust-anchor', anchorFile, '--allow-private'];

  it('prints the contract JSON with the mail checks and a mail score', async () => {
    const { code, out } = await cli('scan', 'good.test', '--only', 'mail', '--json', '--dkim-selector', 'shop2026', ...flags());
    expect(code).toBe(0);
    const report = JSON.parse(out) as { scores: { web: number | null; mail: number }; checks: { id: string; status: string }[] };
    expect(report.scores.web).toBeNull();
    expect(report.scores.mail).toBeGreaterThanOrEqual(90);
    expect(report.checks.find((entry) => entry.id === 'mail.dane')?.status).toBe('pass');
  });

  it('without the test trust anchor, the signed domain cannot be validated from the real root', async () => {
    const { code, out } = await cli('scan', 'good.test', '--only', 'mail', '--json', '--resolver', `${DNS}:53`, '--ca-file', pki.rootFile, '--allow-private');
    expect(code).toBe(0);
    const report = JSON.parse(out) as { checks: { id: string; status: string }[] };
    expect(report.checks.find((entry) => entry.id === 'dns.dnssec')?.status).not.toBe('pass');
  });

  it('refuses a trust anchor file without a usable record: exit 2 naming the flag', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'weerbaar-anchor-'));
    const broken = join(dir, 'broken.anchor');
    writeFileSync(broken, '. IN DS 12345 8 2 not-hex\n');
    const { code, err } = await cli('scan', 'good.test', '--only', 'mail', '--trust-anchor', broken, '--resolver', `${DNS}:53`, '--allow-private');
    expect(code).toBe(2);
    expect(err).toMatch(/--trust-anchor/);
  });

  it('runs web and mail together by default', async () => {
    const { code, out } = await cli('scan', 'good.test', '--json', '--dkim-selector', 'shop2026', ...flags());
    expect(code).toBe(0);
    const report = JSON.parse(out) as { scores: { web: number | null; mail: number | null; overall: number | null } };
    expect(report.scores.web).not.toBeNull();
    expect(report.scores.mail).not.toBeNull();
  });
});
