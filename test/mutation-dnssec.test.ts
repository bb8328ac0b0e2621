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
