/**
 * The mail policy collector against real loopback servers on 127.0.12.x: our DNS
 * fixture (through a real DnsClient) and HTTPS servers for the MTA-STS policy, with a
 * certificate from the test PKI trusted through context.ca.
 */
import { generateKeyPairSync } from 'node:crypto';
import { createServer, type Server } from 'node:https';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, type CollectContext } from '../src/scan/collect/context.js';
import { DnsClient } from '../src/scan/collect/dns/client.js';
import { createHostResolver } from '../src/scan/collect/dns/resolve.js';
import { collectMailPolicies, collectMtaSts } from '../src/scan/collect/mail/policies.js';
import type { MailEvidence } from '../src/scan/evidence/mail.js';
import { mailMtaSts } from '../src/scan/checks/mail/policy/mta-sts.js';
import { COMMON_DKIM_SELECTORS } from '../src/scan/mail-policy/selectors.js';
import { startDnsServer, type DnsFixtureRecord, type DnsTestServer } from './fixtures/dns-server.js';
import { testPki } from './fixtures/pki.js';

const DNS_ADDRESS = '127.0.12.1';
const HTTPS_ADDRESS = '127.0.12.2';
const SELF_SIGNED_ADDRESS = '127.0.12.3';

const rsa = (bits: number): string =>
  generateKeyPairSync('rsa', { modulusLength: bits }).publicKey.export({ format: 'der', type: 'spki' }).toString('base64');
const ed25519 = (): string =>
  generateKeyPairSync('ed25519').publicKey.export({ format: 'der', type: 'spki' }).subarray(-32).toString('base64');

// Long records travel as several character-strings of at most 255 bytes, as real DKIM keys do.
const txt = (name: string, data: string): DnsFixtureRecord => ({ name, type: 'TXT', data: data.match(/.{1,255}/g) ?? [''] });
const a = (name: string, address: string): DnsFixtureRecord => ({ name, type: 'A', data: address });
const policy = (mode: string, mx: string[]): string => `version: STSv1\r\nmode: ${mode}\r\n${mx.map((host) => `mx: ${host}\r\n`).join('')}max_age: 604800\r\n`;

const STS_DOMAINS = ['good.nl', 'redirect.nl', 'ctype.nl', 'big.nl', 'testing.nl', 'mismatch.nl', 'notfound.nl', 'wrongname.nl'];

const records: DnsFixtureRecord[] = [
  { name: 'nl', type: 'SOA', data: { mname: 'ns.nl', rname: 'hostmaster.nl' } },
  { name: 'example', type: 'SOA', data: { mname: 'ns.example', rname: 'hostmaster.example' } },
  // DMARC: shop.nl with one authorised and one unauthorised external report destination.
  txt('_dmarc.shop.nl', 'v=DMARC1; p=reject; rua=mailto:dmarc@shop.nl,mailto:agg@reports.example; ruf=mailto:f@other.example'),
  txt('_dmarc.shop.nl', 'google-site-verification=abc'),
  txt('shop.nl._report._dmarc.reports.example', 'v=DMARC1'),
  txt('other.example', 'unrelated'),
  // multi.nl: two DMARC records; broken.nl: an invalid one.
  txt('_dmarc.multi.nl', 'v=DMARC1; p=reject'),
  txt('_dmarc.multi.nl', 'v=DMARC1; p=none'),
  txt('_dmarc.broken.nl', 'v=DMARC1; p=maybe'),
  // DKIM for shop.nl: selector1 through a provider CNAME, google revoked, a user-given Ed25519 key, a 1024-bit key.
  { name: 'selector1._domainkey.shop.nl', type: 'CNAME', data: 'selector1-shop-nl._domainkey.provider.example' },
  txt('selector1-shop-nl._domainkey.provider.example', `v=DKIM1; k=rsa; p=${rsa(2048)}`),
  txt('google._domainkey.shop.nl', 'v=DKIM1; k=rsa; p='),
  txt('custom._domainkey.shop.nl', `v=DKIM1; k=ed25519; p=${ed25519()}`),
  txt('k1._domainkey.shop.nl', `v=DKIM1; t=y; p=${rsa(1024)}`),
  // TLS-RPT.
  txt('_smtp._tls.shop.nl', 'v=TLSRPTv1; rua=mailto:tls@shop.nl'),
  txt('_smtp._tls.multi.nl', 'v=TLSRPTv1; rua=mailto:a@multi.nl'),
  txt('_smtp._tls.multi.nl', 'v=TLSRPTv1; rua=mailto:b@multi.nl'),
  // MTA-STS domains: a TXT record each, mta-sts.<domain> on the HTTPS fixture.
  ...STS_DOMAINS.flatMap((domain) => [txt(`_mta-sts.${domain}`, 'v=STSv1; id=2025a'), a(`mta-sts.${domain}`, HTTPS_ADDRESS)]),
  txt('_mta-sts.untrusted.nl', 'v=STSv1; id=2025a'),
  a('mta-sts.untrusted.nl', SELF_SIGNED_ADDRESS),
  txt('_mta-sts.twotxt.nl', 'v=STSv1; id=1'),
  txt('_mta-sts.twotxt.nl', 'v=STSv1; id=2'),
  a('mta-sts.twotxt.nl', HTTPS_ADDRESS),
];

function answer(host: string): { status: number; headers: Record<string, string>; body: string } {
  const domain = host.replace(/^mta-sts\./, '').replace(/:\d+$/, '');
  const plain = { 'content-type': 'text/plain; charset=utf-8' };
  switch (domain) {
    case 'redirect.nl':
      return { status: 301, headers: { location: 'https://mta-sts.good.nl/.well-known/mta-sts.txt' }, body: '' };
    case 'ctype.nl':
      return { status: 200, headers: { 'content-type': 'text/html' }, body: policy('enforce', ['mail.ctype.nl']) };
    case 'big.nl':
      return { status: 200, headers: plain, body: policy('enforce', ['mail.big.nl']) + 'x'.repeat(70 * 1024) };
    case 'testing.nl':
      return { status: 200, headers: plain, body: policy('testing', ['mail.testing.nl']) };
    case 'mismatch.nl':
      return { status: 200, headers: plain, body: policy('enforce', ['*.mismatch.nl']) };
    case 'notfound.nl':
      return { status: 404, headers: plain, body: 'not found' };
    default:
      return { status: 200, headers: plain, body: policy('enforce', [`mail.${domain}`]) };
  }
}

let dns: DnsTestServer;
let servers: Server[] = [];
let ca: string[] = [];
const controller = new AbortController();

function context(): CollectContext {
  const client = new DnsClient({ servers: [{ address: DNS_ADDRESS, port: dns.port }], timeoutMs: 1_000, retries: 0 });
  return {
    dns: client,
    resolveHost: createHostResolver(client, { allowPrivate: true }),
    allowPrivate: true,
    ca,
    limits: { ...DEFAULT_LIMITS, connectTimeoutMs: 2_000, requestTimeoutMs: 3_000 },
    signal: controller.signal,
  };
}

async function listen(address: string, key: string, cert: string): Promise<Server> {
  const server = createServer({ key, cert }, (request, response) => {
    const reply = request.url === '/.well-known/mta-sts.txt' ? answer(request.headers.host ?? '') : { status: 404, headers: {}, body: '' };
    response.writeHead(reply.status, reply.headers);
    response.end(reply.body);
  });
  await new Promise<void>((resolve) => server.listen(443, address, resolve));
  return server;
}

beforeAll(async () => {
  const pki = await testPki();
  ca = [pki.root.certPem];
  dns = await startDnsServer({ address: DNS_ADDRESS, records });
  const names = [...STS_DOMAINS.filter((domain) => domain !== 'wrongname.nl'), 'twotxt.nl'].map((domain) => `mta-sts.${domain}`);
  const trusted = await pki.issue({ names });
  const selfSigned = await pki.issue({ names: ['mta-sts.untrusted.nl'], signer: 'self' });
  servers = [await listen(HTTPS_ADDRESS, trusted.keyPem, trusted.chainPem), await listen(SELF_SIGNED_ADDRESS, selfSigned.keyPem, selfSigned.chainPem)];
}, 30_000);

afterAll(async () => {
  controller.abort();
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  await dns.close();
});

describe('collectMailPolicies', () => {
  it('collects DMARC, DKIM, MTA-STS and TLS-RPT for a domain', async () => {
    const result = await collectMailPolicies('shop.nl', context(), { dkimSelectors: ['Custom'] });
    expect(result.dmarc).toMatchObject({ source: 'domain', foundAt: '_dmarc.shop.nl', organisationalDomain: 'shop.nl', record: { p: 'reject' } });
    expect(result.dmarc.records).toHaveLength(1);
    expect(result.dmarc.externalReports).toEqual([
      { uri: 'mailto:agg@reports.example', domain: 'reports.example', queried: 'shop.nl._report._dmarc.reports.example', authorised: true },
      { uri: 'mailto:f@other.example', domain: 'other.example', queried: 'shop.nl._report._dmarc.other.example', authorised: false },
    ]);

    expect(result.dkim.tried[0]).toEqual({ selector: 'custom', source: 'given' });
    expect(result.dkim.tried).toHaveLength(1 + COMMON_DKIM_SELECTORS.length);
    const keys = Object.fromEntries(result.dkim.keys.map((key) => [key.selector, key]));
    expect(Object.keys(keys).sort()).toEqual(['custom', 'google', 'k1', 'selector1']);
    expect(keys.custom).toMatchObject({ source: 'given', keyType: 'ed25519', bits: 256, revoked: false, errors: [] });
    expect(keys.selector1).toMatchObject({ source: 'common', keyType: 'rsa', bits: 2048, cnames: ['selector1-shop-nl._domainkey.provider.example'] });
    expect(keys.google).toMatchObject({ revoked: true });
    expect(keys.k1).toMatchObject({ bits: 1024, testing: true });
    expect(result.dkim.failures).toEqual([]);

    expect(result.tlsRpt).toEqual({ name: '_smtp._tls.shop.nl', records: ['v=TLSRPTv1; rua=mailto:tls@shop.nl'], rua: ['mailto:tls@shop.nl'] });
    expect(result.mtaSts).toMatchObject({ txtRecords: [], policyErrors: [] });
    expect(result.mtaSts.fetch).toBeUndefined();
  });

  it('falls back to the organisational domain for DMARC and says so', async () => {
    const { dmarc } = await collectMailPolicies('webshop.sub.shop.nl', context(), { dkimSelectors: [] });
    expect(dmarc).toMatchObject({ queried: '_dmarc.webshop.sub.shop.nl', source: 'organisational', foundAt: '_dmarc.shop.nl', organisationalDomain: 'shop.nl' });
    expect(dmarc.record?.p).toBe('reject');
  });

  it('reports duplicate and invalid records precisely, and a domain with nothing', async () => {
    const multi = await collectMailPolicies('multi.nl', context(), { dkimSelectors: [] });
    expect(multi.dmarc.invalid).toBe('there are 2 DMARC records at _dmarc.multi.nl; receivers ignore them all when there is more than one');
    expect(multi.tlsRpt.invalid).toBe('there are 2 TLS-RPT records; there must be exactly one');
    const broken = await collectMailPolicies('broken.nl', context(), { dkimSelectors: [] });
    expect(broken.dmarc.invalid).toBe('p=maybe is not a valid policy (use none, quarantine or reject)');
    const empty = await collectMailPolicies('empty.nl', context(), { dkimSelectors: [] });
    expect(empty.dmarc).toEqual({ queried: '_dmarc.empty.nl', organisationalDomain: 'empty.nl', records: [], externalReports: [] });
    expect(empty.dkim.keys).toEqual([]);
    expect(empty.tlsRpt).toEqual({ name: '_smtp._tls.empty.nl', records: [], rua: [] });
  });

  it('records DNS failures as errors, not as absence', async () => {
    dns.setBehaviour({ rcode: 'SERVFAIL' });
    try {
      const result = await collectMailPolicies('shop.nl', context(), { dkimSelectors: [] });
      expect(result.dmarc.error).toBe('SERVFAIL');
      expect(result.dkim.error).toBe('SERVFAIL');
      expect(result.mtaSts.error).toBe('SERVFAIL');
      expect(result.tlsRpt.error).toBe('SERVFAIL');
    } finally {
      dns.setBehaviour({});
    }
  });
});

describe('MTA-STS policy over HTTPS', () => {
  it('accepts a good policy behind a trusted certificate', async () => {
    const sts = await collectMtaSts('good.nl', context());
    expect(sts).toMatchObject({ id: '2025a', policyErrors: [], policy: { mode: 'enforce', mx: ['mail.good.nl'], maxAge: 604800 } });
    expect(sts.fetch).toMatchObject({ status: 200, address: HTTPS_ADDRESS, certificate: { trusted: true }, tooLarge: false });
  });

  it('refuses a redirect, even to a good policy', async () => {
    const sts = await collectMtaSts('redirect.nl', context());
    expect(sts.policy).toBeUndefined();
    expect(sts.policyErrors).toEqual(['the policy URL redirects to https://mta-sts.good.nl/.well-known/mta-sts.txt; MTA-STS does not allow redirects']);
  });

  it('refuses the wrong content type, a 404 and a body over 64 KiB', async () => {
    const ctype = await collectMtaSts('ctype.nl', context());
    expect(ctype.policyErrors).toEqual(['the policy is served as text/html, not text/plain']);
    const missing = await collectMtaSts('notfound.nl', context());
    expect(missing.policyErrors).toEqual(['the policy URL answers with HTTP status 404, not 200']);
    const big = await collectMtaSts('big.nl', context());
    expect(big.fetch?.tooLarge).toBe(true);
    expect(big.policyErrors).toEqual(['the policy is larger than 64 KiB']);
    expect(big.policy).toBeUndefined();
  });

  it('refuses an untrusted certificate and one for another name', async () => {
    const untrusted = await collectMtaSts('untrusted.nl', context());
    expect(untrusted.fetch?.certificate?.trusted).toBe(false);
    expect(untrusted.policyErrors[0]).toMatch(/^the certificate of mta-sts\.untrusted\.nl is not valid: .*SELF_SIGNED/);
    expect(untrusted.policy).toBeUndefined();
    const wrongName = await collectMtaSts('wrongname.nl', context());
    expect(wrongName.fetch?.certificate).toMatchObject({ trusted: false });
    expect(wrongName.policyErrors[0]).toBe('the certificate of mta-sts.wrongname.nl is not valid: it is not issued for mta-sts.wrongname.nl');
  });

  it('keeps a testing policy and flags two TXT records', async () => {
    const testing = await collectMtaSts('testing.nl', context());
    expect(testing.policy).toEqual({ mode: 'testing', mx: ['mail.testing.nl'], maxAge: 604800 });
    const two = await collectMtaSts('twotxt.nl', context());
    expect(two.txtInvalid).toBe('there are 2 v=STSv1 records; there must be exactly one');
    expect(two.policy).toBeUndefined();
  });

  it('names the MX hosts a valid policy does not cover (collector + check)', async () => {
    const mtaSts = await collectMtaSts('mismatch.nl', context());
    expect(mtaSts.policy?.mx).toEqual(['*.mismatch.nl']);
    const mail: MailEvidence = {
      domain: 'mismatch.nl',
      mx: { records: [{ preference: 10, exchange: 'mx1.mismatch.nl' }, { preference: 20, exchange: 'backup.provider.example' }], nullMx: false },
      servers: [],
      spf: { records: [] },
      dmarc: { records: [], externalReports: [] },
      dkim: { tried: [], keys: [], failures: [] },
      mtaSts,
      tlsRpt: { records: [], rua: [] },
    };
    const verdict = mailMtaSts.run({ target: 'mismatch.nl', collectedAt: '', mail }, { now: new Date() });
    expect(verdict.status).toBe('fail');
    expect(verdict.summary).toEqual({ key: 'mxUnlisted', params: { domain: 'mismatch.nl', hosts: 'backup.provider.example' } });
  });
});
