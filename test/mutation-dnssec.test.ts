/**
 * DNSSEC validator cases that the mutation run found untested. Zones are signed by the
 * test signer and served by the loopback fixture server on a free port of 127.0.0.1
 * (port 0: no clash with other suites or Stryker's parallel test processes).
 *
 * The REVOKE bit (RFC 5011 2.1): a DNSKEY with flag 0x0080 set must never be used as an
 * entry key, even when a DS record or a trust anchor matches it exactly.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { DnsClient } from '../src/scan/collect/dns/client.js';
import { DNSKEY_FLAG_REVOKE, keyTag } from '../src/scan/dnssec/crypto.js';
import type { TrustAnchor } from '../src/scan/dnssec/trust-anchor.js';
import { createValidator } from '../src/scan/dnssec/validator.js';
import { startDnsServer, type DnsFixtureRecord, type DnsTestServer } from './fixtures/dns-server.js';
import { dsRecordFor, generateZoneKey, signRrset, type ZoneKey } from './fixtures/dnssec/signer.js';

const ZONE = 'shop.test';
const WINDOW = { inception: new Date(Date.now() - 3_600_000), expiration: new Date(Date.now() + 30 * 86_400_000) };

let servers: DnsTestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.map((server) => server.close()));
  servers = [];
});

/** One signed zone with an A record at its apex, everything signed by `signer`. */
function signedApex(keys: ZoneKey[], signer: ZoneKey): DnsFixtureRecord[] {
  const dnskeys = keys.map((key): DnsFixtureRecord => ({ name: ZONE, type: 'DNSKEY', ttl: 300, data: key.dnskey }));
  const a: DnsFixtureRecord[] = [{ name: ZONE, type: 'A', ttl: 300, data: '192.0.2.1' }];
  return [
    { name: ZONE, type: 'SOA', ttl: 300, data: { mname: `ns1.${ZONE}`, rname: `hostmaster.${ZONE}`, serial: 1, minimum: 300 } },
    ...dnskeys,
    signRrset(dnskeys, signer, ZONE, WINDOW),
    ...a,
    signRrset(a, signer, ZONE, WINDOW),
  ];
}

async function validate(records: DnsFixtureRecord[], anchors: TrustAnchor[]) {
  const server = await startDnsServer({ address: '127.0.0.1', port: 0, records });
  servers.push(server);
  const validator = createValidator(new DnsClient({ servers: [server], timeoutMs: 1_000, retries: 0 }), anchors);
  return validator.lookup(ZONE, 'A');
}

const dsAnchor = (key: ZoneKey): TrustAnchor => ({ kind: 'DS', zone: ZONE, ds: dsRecordFor(ZONE, key) });
const keyAnchor = (key: ZoneKey): TrustAnchor => ({ kind: 'DNSKEY', zone: ZONE, dnskey: { ...key.dnskey, flags: 257 } });

describe('a revoked key (REVOKE flag 0x0080) is never an entry key', () => {
  it('the same zone with an unrevoked key is secure (the fixture itself is sound)', async () => {
    const key = generateZoneKey(13, { flags: 257 });
    const result = await validate(signedApex([key], key), [dsAnchor(key)]);
    expect(result.result.status).toBe('secure');
    expect(result.answers).toHaveLength(1);
  });

  it('a DS record that matches a revoked key does not make the zone secure', async () => {
    const revoked = generateZoneKey(13, { flags: 257 | DNSKEY_FLAG_REVOKE });
    expect(revoked.dnskey.flags).toBe(385);
    const result = await validate(signedApex([revoked], revoked), [dsAnchor(revoked)]);
    expect(result.result.status).toBe('bogus');
    expect(result.result.reason).toBe(`no DNSKEY of ${ZONE} matches its DS record (key tag ${keyTag(revoked.dnskey)}) in the parent zone`);
    expect(result.answers).toEqual([]);
  });

  it('a trust anchor whose key is published revoked does not make the zone secure', async () => {
    const revoked = generateZoneKey(13, { flags: 257 | DNSKEY_FLAG_REVOKE });
    const result = await validate(signedApex([revoked], revoked), [keyAnchor(revoked)]);
    expect(result.result).toMatchObject({ status: 'bogus', reason: `no DNSKEY of ${ZONE} matches the trust anchor` });
    // The unrevoked form of the same key is accepted through the same anchor.
    const live = generateZoneKey(13, { flags: 257 });
    expect((await validate(signedApex([live], live), [keyAnchor(live)])).result.status).toBe('secure');
  });

  it('a revoked key beside a good one: the zone is secure, but data signed only by the revoked key is not', async () => {
    const good = generateZoneKey(13, { flags: 257 });
    const revoked = generateZoneKey(13, { flags: 257 | DNSKEY_FLAG_REVOKE });
    const dnskeys = [good, revoked].map((key): DnsFixtureRecord => ({ name: ZONE, type: 'DNSKEY', ttl: 300, data: key.dnskey }));
    const a: DnsFixtureRecord[] = [{ name: ZONE, type: 'A', ttl: 300, data: '192.0.2.1' }];
    const records: DnsFixtureRecord[] = [...dnskeys, signRrset(dnskeys, good, ZONE, WINDOW), ...a, signRrset(a, revoked, ZONE, WINDOW)];
    const result = await validate(records, [dsAnchor(good)]);
    expect(result.result.status).toBe('bogus');
    expect(result.answers).toEqual([]);
    // Signed by the good key instead, the same answer is secure.
    const fine: DnsFixtureRecord[] = [...dnskeys, signRrset(dnskeys, good, ZONE, WINDOW), ...a, signRrset(a, good, ZONE, WINDOW)];
    expect((await validate(fine, [dsAnchor(good)])).result.status).toBe('secure');
  });

  it('a key without the ZONE flag is no entry key either', async () => {
    const notZone = generateZoneKey(13, { flags: 1 });
    const result = await validate(signedApex([notZone], notZone), [dsAnchor(notZone)]);
    expect(result.result.status).toBe('bogus');
  });
});

/** RFC 4034 appendix B, written here again so the test does not trust the code it tests. */
function independentKeyTag(flags: number, algorithm: number, key: Buffer): number {
  const rdata = Buffer.concat([Buffer.from([flags >> 8, flags & 0xff, 3, algorithm]), key]);
  let sum = 0;
  for (let index = 0; index < rdata.length; index++) sum += index & 1 ? (rdata[index] ?? 0) : (rdata[index] ?? 0) << 8;
  sum += (sum >> 16) & 0xffff;
  return sum & 0xffff;
}

/** A bogus ECDSA DNSKEY whose key tag is forced to `tag` by its last two bytes. */
function fakeKeyWithTag(tag: number, seed: number): DnsFixtureRecord {
  const key = Buffer.alloc(64, seed);
  for (let word = 0; word < 65_536; word++) {
    key.writeUInt16BE(word, 62);
    if (independentKeyTag(257, 13, key) === tag) return { name: ZONE, type: 'DNSKEY', ttl: 300, data: { flags: 257, algorithm: 13, key: Buffer.from(key) } };
  }
  throw new Error(`no key with tag ${tag}`);
}

const fakeSignature = (real: DnsFixtureRecord, fill: number): DnsFixtureRecord =>
  real.type === 'RRSIG' ? { ...real, data: { ...real.data, signature: Buffer.alloc(64, fill) } } : real;

async function validateWith(records: DnsFixtureRecord[], anchors: TrustAnchor[], limits = {}, name = ZONE, type = 'A') {
  const server = await startDnsServer({ address: '127.0.0.1', port: 0, records });
  servers.push(server);
  const validator = createValidator(new DnsClient({ servers: [server], timeoutMs: 1_000, retries: 0 }), anchors, { limits });
  const lookup = await validator.lookup(name, type);
  return { ...lookup, stats: validator.stats };
}

describe('KeyTrap caps (CVE-2023-50387)', () => {
  it('the independent key tag agrees with the signer', () => {
    const key = generateZoneKey(13);
    expect(independentKeyTag(key.dnskey.flags, key.dnskey.algorithm, key.dnskey.key)).toBe(key.tag);
  });

  it('many keys sharing the key tag and many signatures: 16 verifications for the RRset, then bogus', async () => {
    const key = generateZoneKey(13, { flags: 257 });
    // 20 fakes and the real key stay within the 32 keys a zone may have, so the cap on verifications is what stops it.
    const fakes = Array.from({ length: 20 }, (_, index) => fakeKeyWithTag(key.tag, index + 1));
    const dnskeys: DnsFixtureRecord[] = [...fakes, { name: ZONE, type: 'DNSKEY', ttl: 300, data: key.dnskey }];
    const a: DnsFixtureRecord[] = [{ name: ZONE, type: 'A', ttl: 300, data: '192.0.2.1' }];
    const realSig = signRrset(a, key, ZONE, WINDOW);
    // Fake signatures first, the real one last: a naive validator tries 41 x 21 combinations.
    const fakeSigs = Array.from({ length: 40 }, (_, index) => fakeSignature(realSig, index + 1));
    const result = await validateWith([...dnskeys, signRrset(dnskeys, key, ZONE, WINDOW), ...a, ...fakeSigs, realSig], [dsAnchor(key)]);
    expect(result.result).toMatchObject({ status: 'bogus', reason: `the A records of ${ZONE} carry too many signatures or keys to try (a defence against the KeyTrap attack)` });
    // One for the DNSKEY set, sixteen for the A records.
    expect(result.stats.verifications).toBe(17);
  });

  it('tries only the first 8 signatures of the DNSKEY set against the entry key', async () => {
    const key = generateZoneKey(13, { flags: 257 });
    const dnskeys: DnsFixtureRecord[] = [{ name: ZONE, type: 'DNSKEY', ttl: 300, data: key.dnskey }];
    const realSig = signRrset(dnskeys, key, ZONE, WINDOW);
    const a: DnsFixtureRecord[] = [{ name: ZONE, type: 'A', ttl: 300, data: '192.0.2.1' }];
    const zone = (fakes: number) => [...dnskeys, ...Array.from({ length: fakes }, (_, index) => fakeSignature(realSig, index + 1)), realSig, ...a, signRrset(a, key, ZONE, WINDOW)];
    const eighth = await validateWith(zone(7), [dsAnchor(key)]);
    expect(eighth.result.status).toBe('secure');
    expect(eighth.stats.verifications).toBe(9);
    const ninth = await validateWith(zone(8), [dsAnchor(key)]);
    expect(ninth.result).toMatchObject({ status: 'bogus', reason: `the signature on the DNSKEY records of ${ZONE} does not verify` });
    expect(ninth.stats.verifications).toBe(8);
  });

  it('a lookup stops at its verification budget', async () => {
    const key = generateZoneKey(13, { flags: 257 });
    // One verification for the DNSKEY set, one for the A records.
    expect((await validateWith(signedApex([key], key), [dsAnchor(key)], { verificationsPerLookup: 2 })).result.status).toBe('secure');
    const short = await validateWith(signedApex([key], key), [dsAnchor(key)], { verificationsPerLookup: 1 });
    expect(short.result).toMatchObject({ status: 'bogus', reason: `the A records of ${ZONE} carry too many signatures or keys to try (a defence against the KeyTrap attack)` });
    expect(short.stats.verifications).toBe(1);
  });

  it('looks at the first 8 signatures of an RRset only', async () => {
    const key = generateZoneKey(13, { flags: 257 });
    const other = generateZoneKey(13, { flags: 257 });
    const dnskeys: DnsFixtureRecord[] = [{ name: ZONE, type: 'DNSKEY', ttl: 300, data: key.dnskey }];
    const a: DnsFixtureRecord[] = [{ name: ZONE, type: 'A', ttl: 300, data: '192.0.2.1' }];
    // Signatures by a key the zone does not publish cost no verification, but count as looked at.
    const strangers = (count: number) => Array.from({ length: count }, () => signRrset(a, other, ZONE, WINDOW));
    const zone = (count: number) => [...dnskeys, signRrset(dnskeys, key, ZONE, WINDOW), ...a, ...strangers(count), signRrset(a, key, ZONE, WINDOW)];
    expect((await validateWith(zone(7), [dsAnchor(key)])).result.status).toBe('secure');
    const ninth = await validateWith(zone(8), [dsAnchor(key)]);
    expect(ninth.result).toMatchObject({ status: 'bogus', reason: `no DNSKEY of ${ZONE} has key tag ${other.tag}, which signed the A records of ${ZONE}` });
  });

  it('looks at the first 32 DNSKEYs of a zone only', async () => {
    const key = generateZoneKey(13, { flags: 257 });
    const zone = (extra: number) => {
      const others = Array.from({ length: extra }, () => generateZoneKey(13, { flags: 256 }));
      const dnskeys: DnsFixtureRecord[] = [...others, key].map((k) => ({ name: ZONE, type: 'DNSKEY', ttl: 300, data: k.dnskey }));
      const a: DnsFixtureRecord[] = [{ name: ZONE, type: 'A', ttl: 300, data: '192.0.2.1' }];
      return [...dnskeys, signRrset(dnskeys, key, ZONE, WINDOW), ...a, signRrset(a, key, ZONE, WINDOW)];
    };
    const last = await validateWith(zone(31), [dsAnchor(key)]);
    expect(last.result.status).toBe('secure');
    expect(last.zones?.[0]?.dnskeys).toHaveLength(32);
    const beyond = await validateWith(zone(32), [dsAnchor(key)]);
    expect(beyond.result).toMatchObject({ status: 'bogus', reason: `no DNSKEY of ${ZONE} matches its DS record (key tag ${key.tag}) in the parent zone` });
    expect(beyond.zones?.[0]?.dnskeys).toHaveLength(32);
  });
});
