import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DnsClient } from '../src/scan/collect/dns/client.js';
import { createHostResolver, lookupCaa, resolveAddresses } from '../src/scan/collect/dns/resolve.js';
import { startDnsServer, type DnsFixtureRecord, type DnsTestServer } from './fixtures/dns-server.js';

const RECORDS: DnsFixtureRecord[] = [
  { name: 'example', type: 'SOA', data: { mname: 'ns.example', rname: 'hostmaster.example' } },
  { name: 'shop.example', type: 'A', data: '203.0.113.10' },
  { name: 'shop.example', type: 'AAAA', data: '2001:db8::10' },
  { name: 'v6only.example', type: 'AAAA', data: '2001:db8::20' },
  { name: 'www.shop.example', type: 'CNAME', data: 'edge.cdn.example' },
  { name: 'edge.cdn.example', type: 'CNAME', data: 'pop1.cdn.example' },
  { name: 'pop1.cdn.example', type: 'A', data: '198.51.100.7' },
  { name: 'dangling.example', type: 'CNAME', data: 'gone.example' },
  { name: 'loop-a.example', type: 'CNAME', data: 'loop-b.example' },
  { name: 'loop-b.example', type: 'CNAME', data: 'loop-a.example' },
  ...Array.from({ length: 10 }, (_, i): DnsFixtureRecord => ({ name: `hop${i}.example`, type: 'CNAME', data: `hop${i + 1}.example` })),
  { name: 'hop10.example', type: 'A', data: '203.0.113.99' },
  { name: 'text.example', type: 'TXT', data: 'no addresses here' },
  { name: 'internal.example', type: 'A', data: '10.0.0.5' },
  { name: 'internal.example', type: 'A', data: '127.0.0.1' },
  { name: 'mixed.example', type: 'AAAA', data: '2a00:1450:4001::10' },
  { name: 'mixed.example', type: 'AAAA', data: 'fd00::1' },
  { name: 'mixed.example', type: 'A', data: '8.8.8.8' },
  // CAA lives at the registered domain; sub.shop.example inherits it by the tree climb.
  { name: 'shop.example', type: 'CAA', data: { flags: 0, tag: 'issue', value: 'letsencrypt.org' } },
  { name: 'shop.example', type: 'CAA', data: { flags: 0, tag: 'iodef', value: 'mailto:security@shop.example' } },
  { name: 'sub.shop.example', type: 'A', data: '203.0.113.12' },
];

describe('address and CAA lookups against a loopback DNS server', () => {
  let server: DnsTestServer;
  let unchased: DnsTestServer;
  const extra: DnsTestServer[] = [];
  const clientFor = (fixture: DnsTestServer, timeoutMs = 500): DnsClient =>
    new DnsClient({ servers: [{ address: fixture.address, port: fixture.port }], timeoutMs, retries: 0 });

  beforeAll(async () => {
    server = await startDnsServer({ address: '127.0.53.20', records: RECORDS });
    unchased = await startDnsServer({ address: '127.0.53.21', records: RECORDS, behaviour: { chaseCnames: false } });
  });
  afterAll(async () => {
    await Promise.all([server.close(), unchased.close()]);
  });
  afterEach(async () => {
    server.queries.length = 0;
    unchased.queries.length = 0;
    await Promise.all(extra.splice(0).map((fixture) => fixture.close()));
  });

  it('resolves A and AAAA in parallel', async () => {
    expect(await resolveAddresses(clientFor(server), 'shop.example')).toEqual({
      a: ['203.0.113.10'],
      aaaa: ['2001:db8::10'],
      cnames: [],
    });
    expect(server.queries.map((query) => query.type).sort()).toEqual(['A', 'AAAA']);
  });

  it('follows a CNAME chain given in the answer', async () => {
    expect(await resolveAddresses(clientFor(server), 'www.shop.example')).toEqual({
      a: ['198.51.100.7'],
      aaaa: [],
      cnames: ['edge.cdn.example', 'pop1.cdn.example'],
    });
  });

  it('queries the CNAME target when the answer stops at the CNAME', async () => {
    const evidence = await resolveAddresses(clientFor(unchased), 'www.shop.example');
    expect(evidence.a).toEqual(['198.51.100.7']);
    expect(evidence.cnames).toEqual(['edge.cdn.example', 'pop1.cdn.example']);
    expect(unchased.queries.filter((query) => query.type === 'A').map((query) => query.name)).toEqual([
      'www.shop.example',
      'edge.cdn.example',
      'pop1.cdn.example',
    ]);
  });

  it('reports NXDOMAIN, and a dangling CNAME as NXDOMAIN with its chain', async () => {
    expect(await resolveAddresses(clientFor(server), 'nope.example')).toEqual({ a: [], aaaa: [], cnames: [], error: 'NXDOMAIN' });
    expect(await resolveAddresses(clientFor(server), 'dangling.example')).toEqual({
      a: [],
      aaaa: [],
      cnames: ['gone.example'],
      error: 'NXDOMAIN',
    });
  });

  it('treats NODATA as no addresses without an error, and one family alone as success', async () => {
    expect(await resolveAddresses(clientFor(server), 'text.example')).toEqual({ a: [], aaaa: [], cnames: [] });
    expect(await resolveAddresses(clientFor(server), 'v6only.example')).toEqual({ a: [], aaaa: ['2001:db8::20'], cnames: [] });
  });

  it('stops CNAME loops and chains longer than 8 links', async () => {
    expect((await resolveAddresses(clientFor(unchased), 'loop-a.example')).error).toBe('cname-loop');
    const long = await resolveAddresses(clientFor(unchased), 'hop0.example');
    expect(long.error).toBe('cname-loop');
    expect(long.cnames).toHaveLength(8);
    // Bounded work: at most 9 A queries for the 8 links.
    expect(unchased.queries.filter((query) => query.type === 'A' && query.name.startsWith('hop')).length).toBeLessThanOrEqual(9);
  });

  it('maps resolver failures to SERVFAIL, REFUSED and timeout', async () => {
    const failing = await startDnsServer({ address: '127.0.53.22', records: RECORDS, behaviour: { rcode: 'SERVFAIL' } });
    const refusing = await startDnsServer({ address: '127.0.53.23', records: RECORDS, behaviour: { rcode: 'REFUSED' } });
    const silent = await startDnsServer({ address: '127.0.53.24', records: RECORDS, behaviour: { drop: true } });
    extra.push(failing, refusing, silent);
    expect((await resolveAddresses(clientFor(failing), 'shop.example')).error).toBe('SERVFAIL');
    expect((await resolveAddresses(clientFor(refusing), 'shop.example')).error).toBe('REFUSED');
    expect((await resolveAddresses(clientFor(silent, 100), 'shop.example')).error).toBe('timeout');
  });

  describe('host resolver', () => {
    it('refuses private addresses unless allowed, and puts IPv4 first', async () => {
      const strict = createHostResolver(clientFor(server), { allowPrivate: false });
      const internal = await strict('internal.example');
      expect(internal.usable).toEqual([]);
      expect(internal.refused).toEqual([
        { address: '10.0.0.5', range: 'private' },
        { address: '127.0.0.1', range: 'loopback' },
      ]);
      const mixed = await strict('mixed.example');
      expect(mixed.usable).toEqual(['8.8.8.8', '2a00:1450:4001::10']);
      expect(mixed.refused).toEqual([{ address: 'fd00::1', range: 'uniqueLocal' }]);

      const lenient = createHostResolver(clientFor(server), { allowPrivate: true });
      expect((await lenient('internal.example')).usable).toEqual(['10.0.0.5', '127.0.0.1']);
    });

    it('classifies IP literals without DNS and caches per host', async () => {
      const resolve = createHostResolver(clientFor(server), { allowPrivate: false });
      expect(await resolve('127.0.0.1')).toEqual({
        usable: [],
        refused: [{ address: '127.0.0.1', range: 'loopback' }],
        evidence: { a: ['127.0.0.1'], aaaa: [], cnames: [] },
      });
      expect((await resolve('[2a00:1450:4001::10]')).usable).toEqual(['2a00:1450:4001::10']);
      expect(server.queries).toHaveLength(0);
      const first = resolve('shop.example');
      expect(resolve('SHOP.example.')).toBe(first);
      await first;
      await resolve('shop.example');
      expect(server.queries).toHaveLength(2);
    });
  });

  describe('CAA tree climb', () => {
    it('finds the records at the name itself', async () => {
      expect(await lookupCaa(clientFor(server), 'shop.example')).toEqual({
        foundAt: 'shop.example',
        records: [
          { flags: 0, tag: 'issue', value: 'letsencrypt.org' },
          { flags: 0, tag: 'iodef', value: 'mailto:security@shop.example' },
        ],
      });
    });

    it('climbs to the parent, never to the root', async () => {
      const found = await lookupCaa(clientFor(server), 'sub.shop.example');
      expect(found.foundAt).toBe('shop.example');
      const none = await lookupCaa(clientFor(server), 'text.example');
      expect(none).toEqual({ records: [] });
      const asked = server.queries.filter((query) => query.type === 'CAA').map((query) => query.name);
      expect(asked).toContain('example');
      expect(asked).not.toContain('');
    });

    it('reports a failed lookup as error', async () => {
      const failing = await startDnsServer({ address: '127.0.53.25', records: RECORDS, behaviour: { rcode: 'SERVFAIL' } });
      extra.push(failing);
      expect(await lookupCaa(clientFor(failing), 'shop.example')).toEqual({ records: [], error: 'SERVFAIL' });
    });
  });
});
