/**
 * The DNSSEC validator against a loopback server serving a signed test world: a test
 * root with its own trust anchor, TLDs and shop zones in every variant the issue lists.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DnsClient } from '../src/scan/collect/dns/client.js';
import { createValidator } from '../src/scan/dnssec/validator.js';
import type { DnsTestServer, DnsFixtureRecord } from './fixtures/dns-server.js';
import { buildSignedWorld, type SignedWorld } from './fixtures/dnssec/world.js';
import { resolveSigned, startSignedDnsServer } from './fixtures/dnssec/server.js';

const a = (name: string, address: string): DnsFixtureRecord => ({ name, type: 'A', ttl: 300, data: address });
const tlsa = (name: string): DnsFixtureRecord => ({
  name,
  type: 'TLSA',
  ttl: 300,
  data: { usage: 3, selector: 1, matchingType: 1, certificate: Buffer.alloc(32, 7) },
});

let world: SignedWorld;
let server: DnsTestServer;
let tampered: DnsTestServer;

const past = (days: number): Date => new Date(Date.now() - days * 86_400_000);

beforeAll(async () => {
  world = buildSignedWorld({
    zones: [
      { name: 'test', algorithm: 8 },
      {
        name: 'secure.test',
        records: [
          a('secure.test', '192.0.2.1'),
          a('www.secure.test', '192.0.2.2'),
          a('mail.secure.test', '192.0.2.3'),
          { name: 'secure.test', type: 'MX', ttl: 300, data: { preference: 10, exchange: 'mail.secure.test' } },
          tlsa('_25._tcp.mail.secure.test'),
          { name: 'alias.secure.test', type: 'CNAME', ttl: 300, data: 'www.secure.test' },
          { name: 'out.secure.test', type: 'CNAME', ttl: 300, data: 'www.unsigned.test' },
          a('*.wild.secure.test', '192.0.2.9'),
          a('deep.ent.secure.test', '192.0.2.10'),
        ],
      },
      { name: 'unsigned.test', unsigned: true, records: [a('www.unsigned.test', '192.0.2.20')] },
      { name: 'expired.test', window: { inception: past(40), expiration: past(10) }, records: [a('www.expired.test', '192.0.2.30')] },
      { name: 'broken-ds.test', brokenDs: true },
      { name: 'alg5.test', algorithm: 5 },
      { name: 'alg7.test', algorithm: 7, splitKeys: true, rsaBits: 1024 },
      { name: 'alg10.test', algorithm: 10 },
      { name: 'p384.test', algorithm: 14, dsDigestTypes: [4] },
      { name: 'ed.test', algorithm: 15, dsDigestTypes: [1, 2] },
      { name: 'ed448.test', algorithm: 16 },
      {
        name: 'nsec3.test',
        denial: 'nsec3',
        nsec3: { iterations: 5, salt: 'aabbccdd' },
        records: [a('mail.nsec3.test', '192.0.2.40'), tlsa('_25._tcp.mail.nsec3.test'), a('x.ent.nsec3.test', '192.0.2.41')],
      },
      { name: 'iterations.test', denial: 'nsec3', nsec3: { iterations: 200 } },
      { name: 'optout', denial: 'nsec3', nsec3: { optOut: true } },
      { name: 'signed.optout', records: [a('www.signed.optout', '192.0.2.50')] },
      { name: 'plain.optout', unsigned: true, records: [a('www.plain.optout', '192.0.2.51')] },
    ],
  });
  server = await startSignedDnsServer({ address: '127.0.10.1', world });
  // Serves the same world, but with the A record of www.secure.test changed after signing.
  tampered = await startSignedDnsServer({
    address: '127.0.10.2',
    world,
    override: (name, type, dnssecOk) => {
      if (name !== 'www.secure.test' || type !== 'A') return undefined;
      const honest = resolveSigned(world, name, type, dnssecOk);
      return { ...honest, answers: honest.answers.map((record) => (record.type === 'A' ? { ...record, data: '203.0.113.66' } : record)) };
    },
  });
}, 120_000);

afterAll(async () => {
  await server.close();
  await tampered.close();
});

function validatorFor(target: DnsTestServer = server): ReturnType<typeof createValidator> {
  return createValidator(new DnsClient({ servers: [target], timeoutMs: 1_000, retries: 0 }), world.anchors);
}

describe('secure zones', () => {
  it('proves the SOA of a signed shop zone from the test root down', async () => {
    const result = await validatorFor().lookup('secure.test', 'SOA');
    expect(result.result).toMatchObject({ status: 'secure', chain: ['.', 'test', 'secure.test'] });
    expect(result.answers[0]?.type).toBe('SOA');
    expect(result.zones?.map((zone) => zone.zone)).toEqual(['.', 'test', 'secure.test']);
    expect(result.zones?.[1]?.dnskeys[0]).toMatchObject({ algorithm: 8, bits: 2048, flags: 257 });
  });

  it.each([
    ['www.secure.test', 'A', 'NOERROR', 1],
    ['nope.secure.test', 'A', 'NXDOMAIN', 0],
    ['www.secure.test', 'TXT', 'NOERROR', 0],
    ['ent.secure.test', 'A', 'NOERROR', 0],
    ['_25._tcp.mail.secure.test', 'TLSA', 'NOERROR', 1],
    ['_25._tcp.www.secure.test', 'TLSA', 'NXDOMAIN', 0],
    ['alias.secure.test', 'A', 'NOERROR', 1],
    ['x.wild.secure.test', 'A', 'NOERROR', 1],
    ['x.wild.secure.test', 'TXT', 'NOERROR', 0],
    ['mail.nsec3.test', 'A', 'NOERROR', 1],
    ['_25._tcp.mail.nsec3.test', 'TLSA', 'NOERROR', 1],
    ['_25._tcp.nope.nsec3.test', 'TLSA', 'NXDOMAIN', 0],
    ['mail.nsec3.test', 'TXT', 'NOERROR', 0],
    ['ent.nsec3.test', 'A', 'NOERROR', 0],
    ['www.signed.optout', 'A', 'NOERROR', 1],
  ])('%s/%s is secure (%s, %i answers)', async (name, type, rcode, count) => {
    const result = await validatorFor().lookup(name, type);
    expect(result.result.reason).toBeUndefined();
    expect(result.result.status).toBe('secure');
    expect(result.rcode).toBe(rcode);
    expect(result.answers).toHaveLength(count);
  });

  it.each(['alg5.test', 'alg7.test', 'alg10.test', 'p384.test', 'ed.test', 'ed448.test'])('verifies %s', async (zone) => {
    const result = await validatorFor().lookup(zone, 'SOA');
    expect(result.result).toMatchObject({ status: 'secure' });
  });

  it('records the keys and DS records of the chain', async () => {
    const result = await validatorFor().lookup('alg7.test', 'SOA');
    const zone = result.zones?.find((entry) => entry.zone === 'alg7.test');
    expect(zone?.ds).toEqual([expect.objectContaining({ algorithm: 7, digestType: 2 })]);
    expect(zone?.dnskeys.map((key) => [key.flags, key.bits])).toEqual(expect.arrayContaining([[257, 1024], [256, 1024]]));
  });

  it('caches the chain: a second name in the same zone costs one query', async () => {
    const validator = validatorFor();
    await validator.lookup('secure.test', 'SOA');
    const before = validator.stats.queries;
    await validator.lookup('mail.secure.test', 'A');
    expect(validator.stats.queries - before).toBe(1);
  });
});

describe('insecure zones', () => {
  it.each([
    ['unsigned.test', 'SOA'],
    ['www.unsigned.test', 'A'],
    ['nope.unsigned.test', 'A'],
    ['out.secure.test', 'A'],
    ['plain.optout', 'SOA'],
    ['www.plain.optout', 'A'],
    ['nope.optout', 'A'],
    ['nope.iterations.test', 'A'],
  ])('%s/%s is insecure', async (name, type) => {
    const result = await validatorFor().lookup(name, type);
    expect(result.result.status).toBe('insecure');
  });

  it('says where the chain stops', async () => {
    const result = await validatorFor().lookup('www.unsigned.test', 'A');
    expect(result.result.chain).toEqual(['.', 'test', 'unsigned.test']);
    expect(result.result.reason).toMatch(/unsigned\.test is delegated without a DS record/);
    expect(result.answers).toHaveLength(1);
  });
});

describe('bogus zones', () => {
  it('an expired signature', async () => {
    const result = await validatorFor().lookup('www.expired.test', 'A');
    expect(result.result.status).toBe('bogus');
    expect(result.result.reason).toMatch(/expired on/);
    expect(result.answers).toEqual([]);
  });

  it('a DS that matches no DNSKEY', async () => {
    const result = await validatorFor().lookup('broken-ds.test', 'SOA');
    expect(result.result).toMatchObject({ status: 'bogus' });
    expect(result.result.reason).toMatch(/no DNSKEY of broken-ds\.test matches its DS record/);
  });

  it('a record changed after signing', async () => {
    const result = await validatorFor(tampered).lookup('www.secure.test', 'A');
    expect(result.result.status).toBe('bogus');
    expect(result.result.reason).toMatch(/does not verify/);
  });

  it('a signed zone answering without signatures (e.g. stripped on the way)', async () => {
    const stripping = await startSignedDnsServer({
      address: '127.0.10.3',
      world,
      override: (name, type, dnssecOk) => {
        if (name !== 'www.secure.test') return undefined;
        const honest = resolveSigned(world, name, type, dnssecOk);
        return { ...honest, answers: honest.answers.filter((record) => record.type !== 'RRSIG') };
      },
    });
    try {
      const result = await validatorFor(stripping).lookup('www.secure.test', 'A');
      expect(result.result.status).toBe('bogus');
      expect(result.result.reason).toMatch(/no signature/);
    } finally {
      await stripping.close();
    }
  });

  it('a denial without proof', async () => {
    const lying = await startSignedDnsServer({
      address: '127.0.10.3',
      world,
      override: (name, type) => (name === 'www.secure.test' && type === 'TLSA' ? { rcode: 'NXDOMAIN', answers: [], authorities: [] } : undefined),
    });
    try {
      const result = await validatorFor(lying).lookup('www.secure.test', 'TLSA');
      expect(result.result.status).toBe('bogus');
    } finally {
      await lying.close();
    }
  });
});

describe('no answer', () => {
  it('is indeterminate when the resolver does not answer', async () => {
    const silent = await startSignedDnsServer({ address: '127.0.10.3', world, behaviour: { drop: true } });
    try {
      const result = await createValidator(new DnsClient({ servers: [silent], timeoutMs: 200, retries: 0 }), world.anchors).lookup('secure.test', 'SOA');
      expect(result.result.status).toBe('indeterminate');
      expect(result.rcode).toBe('timeout');
    } finally {
      await silent.close();
    }
  });

  it('is indeterminate when no trust anchor covers the name', async () => {
    const anchors = world.anchors.map((anchor) => ({ ...anchor, zone: 'other' }));
    const result = await createValidator(new DnsClient({ servers: [server] }), anchors).lookup('secure.test', 'SOA');
    expect(result.result).toMatchObject({ status: 'indeterminate', reason: 'no trust anchor covers secure.test' });
  });

  it('is bogus against the wrong trust anchor', async () => {
    const other = buildSignedWorld({ zones: [] });
    const result = await createValidator(new DnsClient({ servers: [server] }), other.anchors).lookup('secure.test', 'SOA');
    expect(result.result.status).toBe('bogus');
    expect(result.result.reason).toMatch(/no DNSKEY of \. matches its DS record/);
  });
});
