/**
 * Review of mail verdicts on setups the main suites do not cover:
 * - an MX host that is a DNSSEC-secure alias: its TLSA records are looked up at the fully
 *   expanded name first, then at the MX name (RFC 7672 2.2.2, RFC 7671 7);
 * - a domain without any MX record: MTA-STS and TLS-RPT, like STARTTLS and DANE, have no
 *   receiving server to cover, so they are not applicable rather than "missing".
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckVerdict } from '../src/scan/check.js';
import { mailPolicyChecks } from '../src/scan/checks/mail/policy/index.js';
import { DEFAULT_LIMITS, type CollectContext } from '../src/scan/collect/context.js';
import { DnsClient } from '../src/scan/collect/dns/client.js';
import { createHostResolver } from '../src/scan/collect/dns/resolve.js';
import { collectMailServer } from '../src/scan/collect/mail/server.js';
import { createValidator } from '../src/scan/dnssec/validator.js';
import type { MailEvidence } from '../src/scan/evidence/mail.js';
import type { DnsFixtureRecord, DnsTestServer } from './fixtures/dns-server.js';
import { startSignedDnsServer } from './fixtures/dnssec/server.js';
import { buildSignedWorld, type SignedWorld } from './fixtures/dnssec/world.js';

const a = (name: string, address: string): DnsFixtureRecord => ({ name, type: 'A', ttl: 300, data: address });
const cname = (name: string, target: string): DnsFixtureRecord => ({ name, type: 'CNAME', ttl: 300, data: target });
const tlsa = (name: string, byte: number): DnsFixtureRecord => ({
  name,
  type: 'TLSA',
  ttl: 300,
  data: { usage: 3, selector: 1, matchingType: 1, certificate: Buffer.alloc(32, byte) },
});

describe('TLSA base domain of an MX host that is an alias (RFC 7672 2.2.2)', () => {
  let world: SignedWorld;
  let server: DnsTestServer;

  beforeAll(async () => {
    world = buildSignedWorld({
      zones: [
        { name: 'test' },
        {
          name: 'shop.test',
          records: [
            cname('mx.shop.test', 'mail.provider.test'),
            cname('mx2.shop.test', 'bare.provider.test'),
            tlsa('_25._tcp.mx2.shop.test', 2),
            cname('mx3.shop.test', 'mail.unsigned.test'),
            tlsa('_25._tcp.mx3.shop.test', 3),
          ],
        },
        {
          name: 'provider.test',
          records: [a('mail.provider.test', '127.0.18.25'), tlsa('_25._tcp.mail.provider.test', 1), a('bare.provider.test', '127.0.18.26')],
        },
        { name: 'unsigned.test', unsigned: true, records: [a('mail.unsigned.test', '127.0.18.27'), tlsa('_25._tcp.mail.unsigned.test', 4)] },
      ],
    });
    server = await startSignedDnsServer({ address: '127.0.18.2', world });
  });

  afterAll(async () => {
    await server.close();
  });

  async function tlsaOf(host: string): Promise<{ name: string; byte: string | undefined; dnssec: string }> {
    const dns = new DnsClient({ servers: [server], timeoutMs: 1_000, retries: 0 });
    const context: CollectContext = {
      dns,
      // Private addresses refused: the host is resolved (with its CNAMEs) but never connected to.
      resolveHost: createHostResolver(dns, { allowPrivate: false }),
      allowPrivate: false,
      ca: [],
      limits: DEFAULT_LIMITS,
      signal: new AbortController().signal,
    };
    const evidence = await collectMailServer({ preference: 10, exchange: host }, context, createValidator(dns, world.anchors));
    expect(evidence.smtp).toBeUndefined();
    const tlsaEvidence = evidence.tlsa;
    return { name: tlsaEvidence?.name ?? '', byte: tlsaEvidence?.records[0]?.data.slice(0, 2), dnssec: tlsaEvidence?.dnssec ?? '' };
  }

  it('uses the TLSA records at the expanded name when the alias is secure', async () => {
    expect(await tlsaOf('mx.shop.test')).toEqual({ name: '_25._tcp.mail.provider.test', byte: '01', dnssec: 'secure' });
  });

  it('falls back to the MX name when the expanded name has no TLSA records', async () => {
    expect(await tlsaOf('mx2.shop.test')).toEqual({ name: '_25._tcp.mx2.shop.test', byte: '02', dnssec: 'secure' });
  });

  it('does not follow an alias whose expansion is not secure', async () => {
    expect(await tlsaOf('mx3.shop.test')).toEqual({ name: '_25._tcp.mx3.shop.test', byte: '03', dnssec: 'secure' });
  });
});

describe('MTA-STS and TLS-RPT for a domain without MX records', () => {
  const parked: MailEvidence = {
    domain: 'parked.test',
    mx: { records: [], nullMx: false },
    servers: [],
    spf: { records: ['v=spf1 -all'] },
    dmarc: { records: [], externalReports: [] },
    dkim: { tried: [], keys: [], failures: [] },
    mtaSts: { txtRecords: [], policyErrors: [], policyNotes: [] },
    tlsRpt: { records: [], rua: [] },
  };
  const run = (id: string, mail: MailEvidence): CheckVerdict => {
    const check = mailPolicyChecks.find((candidate) => candidate.id === id);
    if (!check) throw new Error(`no check ${id}`);
    return check.run({ target: mail.domain, collectedAt: '', mail }, { now: new Date() });
  };

  it.each(['mail.mta-sts', 'mail.tls-rpt'])('%s is not applicable (and not scored)', (id) => {
    expect(run(id, parked)).toMatchObject({ status: 'skip', notApplicable: true, summary: { key: 'noMxNotApplicable', params: { domain: 'parked.test' } } });
  });

  it.each(['mail.mta-sts', 'mail.tls-rpt'])('%s still judges a domain whose MX lookup failed', (id) => {
    expect(run(id, { ...parked, mx: { records: [], nullMx: false, error: 'timeout' } }).notApplicable).toBeUndefined();
  });
});
