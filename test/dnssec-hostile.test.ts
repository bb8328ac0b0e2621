/**
 * Hostile resolvers and zones: garbage, endless truncation, CNAME loops, huge answers and
 * the KeyTrap pattern (CVE-2023-50387: many keys sharing a key tag, many signatures).
 * Every case ends quickly, never throws, and says indeterminate or bogus.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DnsClient } from '../src/scan/collect/dns/client.js';
import { keyTag } from '../src/scan/dnssec/crypto.js';
import { createValidator } from '../src/scan/dnssec/validator.js';
import type { DnsFixtureRecord, DnsTestServer } from './fixtures/dns-server.js';
import { resolveSigned, startSignedDnsServer, type SignedServerOptions } from './fixtures/dnssec/server.js';
import { buildSignedWorld, type SignedWorld } from './fixtures/dnssec/world.js';

let world: SignedWorld;
const ADDRESS = '127.0.10.20';

beforeAll(() => {
  world = buildSignedWorld({
    zones: [{ name: 'shop.test', records: [{ name: 'www.shop.test', type: 'A', ttl: 300, data: '192.0.2.1' }] }],
  });
});

let server: DnsTestServer | undefined;
afterAll(async () => server?.close());

async function lookupWith(options: Omit<SignedServerOptions, 'address' | 'world'>, name: string, type: string) {
  await server?.close();
  server = await startSignedDnsServer({ address: ADDRESS, world, ...options });
  const validator = createValidator(new DnsClient({ servers: [server], timeoutMs: 300, retries: 1 }), world.anchors);
  const started = performance.now();
  const result = await validator.lookup(name, type);
  return { ...result, ms: performance.now() - started, stats: validator.stats };
}

/** A DNSKEY whose key tag is forced to `tag` by choosing its last two bytes. */
function keyWithTag(tag: number, algorithm: number): DnsFixtureRecord {
  const key = randomBytes(64);
  key.writeUInt16BE(0, 62);
  const base = keyTag({ flags: 257, algorithm, key });
  for (let word = 0; word < 65_536; word++) {
    key.writeUInt16BE(word, 62);
    if (keyTag({ flags: 257, algorithm, key }) === tag) break;
    if (word === 65_535) throw new Error(`no word gives tag ${tag} from ${base}`);
  }
  return { name: 'shop.test', type: 'DNSKEY', ttl: 300, data: { flags: 257, algorithm, key } };
}

describe('hostile resolvers', () => {
  it('garbage answers: indeterminate, malformed', async () => {
    const result = await lookupWith({ behaviour: { garbage: true } }, 'www.shop.test', 'A');
    expect(result.result.status).toBe('indeterminate');
    expect(result.rcode).toBe('malformed');
    expect(result.ms).toBeLessThan(2_000);
  });

  it('truncates forever (UDP and TCP): indeterminate', async () => {
    const result = await lookupWith({ behaviour: { alwaysTruncateUdp: true, truncateTcp: true } }, 'www.shop.test', 'A');
    expect(result.result.status).toBe('indeterminate');
    expect(result.ms).toBeLessThan(2_000);
  });

  it('a CNAME loop: indeterminate', async () => {
    const loop: DnsFixtureRecord[] = [
      { name: 'a.shop.test', type: 'CNAME', ttl: 300, data: 'b.shop.test' },
      { name: 'b.shop.test', type: 'CNAME', ttl: 300, data: 'a.shop.test' },
    ];
    const result = await lookupWith({ override: (name) => (name === 'a.shop.test' ? { rcode: 'NOERROR', answers: loop, authorities: [] } : undefined) }, 'a.shop.test', 'A');
    expect(result.result).toMatchObject({ status: 'indeterminate', reason: 'the CNAME chain from a.shop.test loops' });
  });

  it('a long CNAME chain: indeterminate', async () => {
    const chain: DnsFixtureRecord[] = Array.from({ length: 30 }, (_, index) => ({ name: `c${index}.shop.test`, type: 'CNAME', ttl: 300, data: `c${index + 1}.shop.test` }));
    const result = await lookupWith({ override: (name) => (name === 'c0.shop.test' ? { rcode: 'NOERROR', answers: chain, authorities: [] } : undefined) }, 'c0.shop.test', 'A');
    expect(result.result.status).toBe('indeterminate');
    expect(result.result.reason).toMatch(/longer than 8/);
  });

  it('500 unsigned records in a signed zone: bogus, quickly', async () => {
    const many: DnsFixtureRecord[] = Array.from({ length: 500 }, (_, index) => ({ name: 'www.shop.test', type: 'A', ttl: 300, data: `10.0.${index >> 8}.${index & 255}` }));
    const result = await lookupWith({ override: (name, type) => (name === 'www.shop.test' && type === 'A' ? { rcode: 'NOERROR', answers: many, authorities: [] } : undefined) }, 'www.shop.test', 'A');
    expect(result.result.status).toBe('bogus');
    expect(result.answers).toEqual([]);
    expect(result.ms).toBeLessThan(2_000);
  });
});

describe('KeyTrap (CVE-2023-50387)', () => {
  it('many DNSKEYs sharing the key tag and many signatures: verification work is capped', async () => {
    const zone = world.zones.find((candidate) => candidate.name === 'shop.test');
    const realKey = zone?.keys[0];
    if (!realKey) throw new Error('no key');
    const fakes = Array.from({ length: 40 }, () => keyWithTag(realKey.tag, 13));
    const result = await lookupWith(
      {
        override: (name, type, dnssecOk) => {
          if (name !== 'shop.test' || type !== 'DNSKEY') return undefined;
          const honest = resolveSigned(world, name, type, dnssecOk);
          const realSig = honest.answers.find((record) => record.type === 'RRSIG');
          if (realSig?.type !== 'RRSIG') return honest;
          const fakeSigs: DnsFixtureRecord[] = Array.from({ length: 40 }, () => ({ ...realSig, data: { ...realSig.data, signature: randomBytes(64) } }));
          // Fake keys and signatures first, the real ones last: a naive validator tries 40 x 41 combinations.
          return { ...honest, answers: [...fakes, ...honest.answers.filter((record) => record.type === 'DNSKEY'), ...fakeSigs, realSig] };
        },
      },
      'www.shop.test',
      'A',
    );
    expect(fakes.every((record) => record.type === 'DNSKEY' && keyTag(record.data) === realKey.tag)).toBe(true);
    expect(result.result.status).toBe('bogus');
    expect(result.stats.verifications).toBeLessThanOrEqual(96);
    expect(result.ms).toBeLessThan(2_000);
  });

  it('many signatures on one answer: at most 16 verifications for the RRset', async () => {
    const result = await lookupWith(
      {
        override: (name, type, dnssecOk) => {
          if (name !== 'www.shop.test' || type !== 'A') return undefined;
          const honest = resolveSigned(world, name, type, dnssecOk);
          const realSig = honest.answers.find((record) => record.type === 'RRSIG');
          if (realSig?.type !== 'RRSIG') return honest;
          const fakeSigs: DnsFixtureRecord[] = Array.from({ length: 60 }, () => ({ ...realSig, data: { ...realSig.data, signature: randomBytes(64) } }));
          return { ...honest, answers: [...honest.answers.filter((record) => record.type === 'A'), ...fakeSigs, realSig] };
        },
      },
      'www.shop.test',
      'A',
    );
    expect(result.result.status).toBe('bogus');
    // Root, test and shop.test DNSKEY sets and two DS sets take one verification each.
    expect(result.stats.verifications).toBeLessThanOrEqual(5 + 16);
  });
});
