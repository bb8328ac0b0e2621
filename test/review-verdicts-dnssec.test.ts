/**
 * Review of DNSSEC verdicts on setups the main suites do not cover:
 * - `--resolver` pointed straight at an authoritative server (knot, nsd, bind without
 *   recursion), which stops at a CNAME whose target lies in another zone (a TLSA name
 *   CNAMEd to a provider, RFC 7671 7; an MX host that is an alias). The validator must ask
 *   for the target itself instead of calling the unanswered target "unsigned".
 * - trust anchor files in BIND's `trust-anchors { }` syntax (what delv -a reads) and
 *   unbound's `trust-anchor: "..."` lines, besides plain DS/DNSKEY records.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DnsClient } from '../src/scan/collect/dns/client.js';
import { parseTrustAnchors } from '../src/scan/dnssec/trust-anchor.js';
import { createValidator } from '../src/scan/dnssec/validator.js';
import { normalName } from '../src/scan/dnssec/wire.js';
import type { DnsFixtureRecord, DnsTestServer } from './fixtures/dns-server.js';
import { resolveSigned, startSignedDnsServer } from './fixtures/dnssec/server.js';
import { buildSignedWorld, type SignedWorld } from './fixtures/dnssec/world.js';

const a = (name: string, address: string): DnsFixtureRecord => ({ name, type: 'A', ttl: 300, data: address });
const cname = (name: string, target: string): DnsFixtureRecord => ({ name, type: 'CNAME', ttl: 300, data: target });
const tlsa = (name: string): DnsFixtureRecord => ({
  name,
  type: 'TLSA',
  ttl: 300,
  data: { usage: 3, selector: 1, matchingType: 1, certificate: Buffer.alloc(32, 7) },
});

let world: SignedWorld;
let authoritative: DnsTestServer;

beforeAll(async () => {
  world = buildSignedWorld({
    zones: [
      { name: 'test' },
      {
        name: 'shop.test',
        records: [
          a('mx.shop.test', '192.0.2.1'),
          cname('_25._tcp.mx.shop.test', '_dane.provider.test'),
          cname('_25._tcp.mx2.shop.test', '_dane.unsigned.test'),
          cname('_25._tcp.mx3.shop.test', 'gone.provider.test'),
          cname('alias.shop.test', 'mail.provider.test'),
        ],
      },
      { name: 'provider.test', denial: 'nsec3', records: [tlsa('_dane.provider.test'), a('mail.provider.test', '192.0.2.2')] },
      { name: 'unsigned.test', unsigned: true, records: [tlsa('_dane.unsigned.test')] },
    ],
  });
  // Like knot or nsd: an answer that reaches a CNAME into another zone stops there, with nothing about the target.
  authoritative = await startSignedDnsServer({
    address: '127.0.18.1',
    world,
    override: (name, type, dnssecOk) => {
      const full = resolveSigned(world, name, type, dnssecOk);
      const qname = normalName(name);
      const startsWithAlias = full.answers.some((record) => record.type === 'CNAME' && normalName(record.name) === qname);
      if (!startsWithAlias || type === 'CNAME') return undefined;
      return { rcode: 'NOERROR', answers: full.answers.filter((record) => normalName(record.name) === qname), authorities: [] };
    },
  });
});

afterAll(async () => {
  await authoritative.close();
});

function validator(anchors = world.anchors): ReturnType<typeof createValidator> {
  return createValidator(new DnsClient({ servers: [authoritative], timeoutMs: 1_000, retries: 0 }), anchors);
}

describe('a CNAME into another zone, asked of an authoritative server', () => {
  it('follows a TLSA alias to a signed provider zone: secure, with the TLSA record', async () => {
    const lookup = await validator().lookup('_25._tcp.mx.shop.test', 'TLSA');
    expect(lookup.result.status).toBe('secure');
    expect(lookup.answers.map((record) => record.type)).toEqual(['TLSA']);
  });

  it('a TLSA alias into an unsigned zone is insecure, not bogus', async () => {
    const lookup = await validator().lookup('_25._tcp.mx2.shop.test', 'TLSA');
    expect(lookup.result.status).toBe('insecure');
  });

  it('a TLSA alias to a name that does not exist is a proven (secure) NXDOMAIN', async () => {
    const lookup = await validator().lookup('_25._tcp.mx3.shop.test', 'TLSA');
    expect(lookup.result.status).toBe('secure');
    expect(lookup.rcode).toBe('NXDOMAIN');
    expect(lookup.answers).toEqual([]);
  });

  it('an MX host that is an alias into a signed zone is secure', async () => {
    const lookup = await validator().lookup('alias.shop.test', 'A');
    expect(lookup.result.status).toBe('secure');
    expect(lookup.answers).toHaveLength(1);
  });
});

describe('trust anchor files in other tools’ syntax', () => {
  const dsLines = (): string[] => world.trustAnchorText.split('\n').filter((line) => /\sDS\s/.test(line));
  const dsFields = (line: string): string[] => {
    const fields = line.trim().split(/\s+/);
    return fields.slice(fields.indexOf('DS') + 1);
  };

  it('reads BIND trust-anchors (delv -a) with comments, and validates with it', async () => {
    const entries = dsLines().map((line) => {
      const [tag, algorithm, digestType, ...digest] = dsFields(line);
      return `  . static-ds ${tag} ${algorithm} ${digestType} "${digest.join('')}"; // the test root\n`;
    });
    const anchors = parseTrustAnchors(`# delv anchors\ntrust-anchors {\n${entries.join('')}};\n`);
    expect(anchors.map((anchor) => anchor.kind)).toEqual(dsLines().map(() => 'DS'));
    expect((await validator(anchors).lookup('mx.shop.test', 'A')).result.status).toBe('secure');
  });

  it('reads BIND static-key and trusted-keys entries with a key split over lines', () => {
    const key = Buffer.alloc(64, 9).toString('base64');
    const text = `trust-anchors {\n "." static-key 257 3 13 "${key.slice(0, 40)}\n   ${key.slice(40)}";\n};\ntrusted-keys { example. 257 3 13 "${key}"; };`;
    const anchors = parseTrustAnchors(text);
    expect(anchors).toHaveLength(2);
    for (const anchor of anchors) {
      expect(anchor.kind).toBe('DNSKEY');
      if (anchor.kind === 'DNSKEY') expect(anchor.dnskey.key.equals(Buffer.alloc(64, 9))).toBe(true);
    }
    expect(anchors.map((anchor) => anchor.zone)).toEqual(['', 'example']);
  });

  it('reads unbound trust-anchor: lines', async () => {
    const text = `server:\n${dsLines().map((line) => `    trust-anchor: "${line.trim()}"\n`).join('')}`;
    const anchors = parseTrustAnchors(text);
    expect(anchors).toHaveLength(dsLines().length);
    expect((await validator(anchors).lookup('mx.shop.test', 'A')).result.status).toBe('secure');
  });

  it('still rejects a file with no anchor in it', () => {
    expect(() => parseTrustAnchors('trust-anchors { };')).toThrow(/no DS or DNSKEY/);
  });
});
