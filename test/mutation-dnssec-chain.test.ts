/**
 * The chain of trust (chain.ts) through the validator, against a signed test world served
 * on a free loopback port: which anchor is used, the query budget, resolver failures on
 * the way down (DS and DNSKEY), truncation, and DS digest types that cannot be verified.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { DnsClient } from '../src/scan/collect/dns/client.js';
import type { TrustAnchor } from '../src/scan/dnssec/trust-anchor.js';
import { createValidator, type ValidatorLimits } from '../src/scan/dnssec/validator.js';
import type { DnsResolution, DnsServerBehaviour, DnsTestServer } from './fixtures/dns-server.js';
import { startSignedDnsServer } from './fixtures/dnssec/server.js';
import { dsRecordFor } from './fixtures/dnssec/signer.js';
import { buildSignedWorld, type SignedWorld, type SignedZoneSpec } from './fixtures/dnssec/world.js';

const A = { name: 'www.shop.test', type: 'A' as const, ttl: 300, data: '192.0.2.1' };

let servers: DnsTestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.map((server) => server.close()));
  servers = [];
});

async function lookup(
  world: SignedWorld,
  options: { anchors?: TrustAnchor[]; limits?: Partial<ValidatorLimits>; override?: (name: string, type: string) => DnsResolution | undefined; behaviour?: DnsServerBehaviour; name?: string } = {},
) {
  const server = await startSignedDnsServer({ address: '127.0.0.1', port: 0, world, ...(options.override ? { override: options.override } : {}), ...(options.behaviour ? { behaviour: options.behaviour } : {}) });
  servers.push(server);
  const validator = createValidator(new DnsClient({ servers: [server], timeoutMs: 1_000, retries: 0 }), options.anchors ?? world.anchors, { limits: options.limits ?? {} });
  const result = await validator.lookup(options.name ?? 'www.shop.test', 'A');
  return { ...result, stats: validator.stats };
}

const worldOf = (shop: Partial<SignedZoneSpec> = {}) => buildSignedWorld({ zones: [{ name: 'shop.test', records: [A], ...shop }] });

describe('the chain of trust', () => {
  it('goes from the root anchor down, one DS and DNSKEY step per zone, in six queries', async () => {
    const result = await lookup(worldOf());
    expect(result.result).toMatchObject({ status: 'secure', chain: ['.', 'test', 'shop.test'] });
    expect(result.stats.queries).toBe(6);
    expect(result.zones?.map((zone) => [zone.zone, zone.status, zone.anchored === true])).toEqual([['.', 'secure', true], ['test', 'secure', false], ['shop.test', 'secure', false]]);
  });

  it('stops at its query budget: six are enough, five are not', async () => {
    const world = worldOf();
    expect((await lookup(world, { limits: { queriesPerLookup: 6 } })).result.status).toBe('secure');
    const short = await lookup(world, { limits: { queriesPerLookup: 5 } });
    expect(short.result).toMatchObject({ status: 'indeterminate', reason: 'validation needed too many DNS queries' });
    expect(short.stats.queries).toBe(5);
  });

  it('starts from the deepest anchor that covers the name', async () => {
    const world = worldOf();
    const shop = world.zones.find((zone) => zone.name === 'shop.test');
    const key = shop?.keys[0];
    if (!key) throw new Error('no key');
    const brokenRoot: TrustAnchor = { kind: 'DS', zone: '', ds: { keyTag: 1, algorithm: 13, digestType: 2, digest: Buffer.alloc(32, 1) } };
    const own: TrustAnchor = { kind: 'DS', zone: 'shop.test', ds: dsRecordFor('shop.test', key) };
    const result = await lookup(world, { anchors: [brokenRoot, own] });
    expect(result.result).toMatchObject({ status: 'secure', chain: ['shop.test'] });
    expect(result.stats.queries).toBe(2);
    expect((await lookup(world, { anchors: [brokenRoot] })).result.status).toBe('bogus');
    // An anchored DNSKEY works as well as a DS.
    expect((await lookup(world, { anchors: [{ kind: 'DNSKEY', zone: 'shop.test', dnskey: key.dnskey }] })).result).toMatchObject({ status: 'secure', chain: ['shop.test'] });
  });

  it('no anchor for the name, or only algorithms it cannot verify: indeterminate', async () => {
    const world = worldOf();
    expect((await lookup(world, { anchors: [{ kind: 'DS', zone: 'other.test', ds: { keyTag: 1, algorithm: 13, digestType: 2, digest: Buffer.alloc(32) } }] })).result).toMatchObject({
      status: 'indeterminate', reason: 'no trust anchor covers shop.test',
    });
    expect((await lookup(world, { anchors: [{ kind: 'DS', zone: '', ds: { keyTag: 1, algorithm: 3, digestType: 2, digest: Buffer.alloc(32) } }] })).result).toMatchObject({
      status: 'indeterminate', reason: 'the trust anchor for . uses only algorithms Weerbaar cannot verify',
    });
    expect((await lookup(world, { anchors: [{ kind: 'DNSKEY', zone: '', dnskey: { flags: 257, algorithm: 3, key: Buffer.alloc(64) } }] })).result.status).toBe('indeterminate');
  });

  it('a DS set in digest types it cannot verify makes the zone insecure, saying why', async () => {
    const result = await lookup(worldOf({ dsDigestTypes: [3] }));
    expect(result.result).toMatchObject({ status: 'insecure', reason: 'the DS records of shop.test use only algorithms or digest types Weerbaar cannot verify (RFC 6840 5.2)', chain: ['.', 'test', 'shop.test'] });
    expect(result.zones?.at(-1)).toMatchObject({ zone: 'shop.test', status: 'insecure', ds: [{ algorithm: 13, digestType: 3 }] });
    expect((await lookup(worldOf({ dsDigestTypes: [1] }))).result.status).toBe('secure');
    expect((await lookup(worldOf({ dsDigestTypes: [4, 2] }))).result.status).toBe('secure');
  });

  it('resolver failures on the way down are indeterminate, naming the step', async () => {
    const world = worldOf();
    const failing = (step: string) => (name: string, type: string): DnsResolution | undefined => (`${name}/${type}` === step ? { rcode: 'SERVFAIL', answers: [], authorities: [] } : undefined);
    expect((await lookup(world, { override: failing('shop.test/DS') })).result).toMatchObject({ status: 'indeterminate', reason: 'the resolver answered SERVFAIL when asked for the DS records of shop.test' });
    expect((await lookup(world, { override: failing('shop.test/DNSKEY') })).result).toMatchObject({ status: 'indeterminate', reason: 'the resolver answered SERVFAIL when asked for the DNSKEY records of shop.test' });
    const refused = await lookup(world, { override: (name, type) => (`${name}/${type}` === 'www.shop.test/A' ? { rcode: 'REFUSED', answers: [], authorities: [] } : undefined) });
    expect(refused.result).toMatchObject({ status: 'indeterminate', reason: 'the resolver answered REFUSED for www.shop.test/A' });
    expect(refused.rcode).toBe('REFUSED');
  });

  it('a signed delegation whose zone publishes no DNSKEY is bogus', async () => {
    const result = await lookup(worldOf(), { override: (name, type) => (`${name}/${type}` === 'shop.test/DNSKEY' ? { rcode: 'NOERROR', answers: [], authorities: [] } : undefined) });
    expect(result.result).toMatchObject({ status: 'bogus', reason: 'shop.test has a DS record in its parent but publishes no DNSKEY records' });
    expect(result.answers).toEqual([]);
    // The zones seen on the way are still reported, parents first.
    expect(result.zones?.map((zone) => zone.zone)).toEqual(['.', 'test', 'shop.test']);
  });

  it('an answer that stays truncated over TCP proves nothing', async () => {
    const result = await lookup(worldOf(), { behaviour: { alwaysTruncateUdp: true, truncateTcp: true } });
    expect(result.result).toMatchObject({ status: 'indeterminate', reason: 'the answer for www.shop.test/A stayed truncated' });
    expect(result.rcode).toBe('malformed');
  });

  it('an unsigned delegation is insecure, and the zones below it are not asked for', async () => {
    const result = await lookup(worldOf({ unsigned: true }));
    expect(result.result).toMatchObject({ status: 'insecure', chain: ['.', 'test', 'shop.test'] });
    expect(result.result.reason).toBe('shop.test is delegated without a DS record: the zone is not signed');
  });
});
