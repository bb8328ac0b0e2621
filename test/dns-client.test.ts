import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DnsClient, DnsError, parseServerEntry, type DnsResponse } from '../src/scan/collect/dns/client.js';
import { startDnsServer, STRAY_ADDRESS, type DnsFixtureRecord, type DnsTestServer } from './fixtures/dns-server.js';

const SOA: DnsFixtureRecord = {
  name: 'shop.example',
  type: 'SOA',
  data: { mname: 'ns1.shop.example', rname: 'hostmaster.shop.example', serial: 1, minimum: 300 },
};

const RECORDS: DnsFixtureRecord[] = [
  SOA,
  { name: 'shop.example', type: 'A', data: '203.0.113.10' },
  { name: 'shop.example', type: 'A', data: '203.0.113.11' },
  { name: 'shop.example', type: 'AAAA', data: '2001:db8::10' },
  { name: 'www.shop.example', type: 'CNAME', data: 'edge.cdn.example' },
  { name: 'edge.cdn.example', type: 'CNAME', data: 'pop1.cdn.example' },
  { name: 'pop1.cdn.example', type: 'A', data: '198.51.100.7' },
  { name: 'text.shop.example', type: 'TXT', data: 'only text here' },
  { name: 'shop.example', type: 'DNSKEY', data: { flags: 257, algorithm: 13, key: Buffer.alloc(64, 7) } },
  {
    name: 'shop.example',
    type: 'RRSIG',
    data: {
      typeCovered: 'A',
      algorithm: 13,
      labels: 2,
      originalTTL: 300,
      expiration: 1_900_000_000,
      inception: 1_700_000_000,
      keyTag: 12345,
      signersName: 'shop.example',
      signature: Buffer.alloc(64, 9),
    },
  },
  // ~2 KB of TXT: over the 1232-byte EDNS payload, so it only fits over TCP.
  { name: 'big.shop.example', type: 'TXT', data: Array.from({ length: 10 }, (_, i) => `${i}`.padEnd(200, 'x')) },
];

function answerData(response: DnsResponse, type: string): unknown[] {
  return response.answers.filter((record) => record.type === type).map((record) => ('data' in record ? record.data : undefined));
}

async function rejection(promise: Promise<unknown>): Promise<DnsError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof DnsError)) throw new Error(`expected a DnsError, got ${String(error)}`);
  return error;
}

describe('DnsClient against a loopback DNS server', () => {
  let server: DnsTestServer;
  let second: DnsTestServer;
  const extra: DnsTestServer[] = [];

  beforeAll(async () => {
    server = await startDnsServer({ address: '127.0.53.1', records: RECORDS });
    second = await startDnsServer({ address: '127.0.53.2', records: RECORDS });
  });
  afterAll(async () => {
    await Promise.all([server.close(), second.close()]);
  });
  afterEach(async () => {
    server.queries.length = 0;
    second.queries.length = 0;
    await Promise.all(extra.splice(0).map((fixture) => fixture.close()));
  });

  const client = (options: Partial<ConstructorParameters<typeof DnsClient>[0]> = {}): DnsClient =>
    new DnsClient({ servers: [{ address: '127.0.53.1', port: 53 }], timeoutMs: 500, retries: 1, ...options });

  it('answers A and AAAA with flags, server and timing', async () => {
    const dns = client();
    const [a, aaaa] = await Promise.all([dns.query('shop.example', 'A'), dns.query('Shop.Example.', 'AAAA')]);
    expect(a.rcode).toBe('NOERROR');
    expect(answerData(a, 'A').sort()).toEqual(['203.0.113.10', '203.0.113.11']);
    expect(answerData(aaaa, 'AAAA')).toEqual(['2001:db8::10']);
    expect(a.flags.authoritative).toBe(true);
    expect(a.flags.truncated).toBe(false);
    expect(a.server).toBe('127.0.53.1:53');
    expect(a.viaTcp).toBe(false);
    expect(a.durationMs).toBeLessThan(100);
    // EDNS0 is always on; DO only when asked.
    expect(a.additionals.some((record) => record.type === 'OPT')).toBe(true);
    expect(server.queries.map((query) => query.dnssecOk)).toEqual([false, false]);
  });

  it('sets the DO bit when asked, and caches that query apart from the plain one', async () => {
    const dns = client();
    await dns.query('shop.example', 'A');
    await dns.query('shop.example', 'A', { dnssecOk: true });
    expect(server.queries.map((query) => query.dnssecOk)).toEqual([false, true]);
  });

  it('returns DNSSEC records raw: RRSIGs with DO set, DNSKEY data decoded', async () => {
    const dns = client();
    const plain = await dns.query('shop.example', 'A');
    expect(plain.answers.map((record) => record.type)).toEqual(['A', 'A']);
    const signed = await dns.query('shop.example', 'A', { dnssecOk: true });
    const rrsig = signed.answers.find((record) => record.type === 'RRSIG');
    expect(rrsig && 'data' in rrsig ? rrsig.data : undefined).toMatchObject({ typeCovered: 'A', keyTag: 12345, signersName: 'shop.example' });
    const keys = await dns.query('shop.example', 'DNSKEY', { dnssecOk: true, checkingDisabled: true });
    expect(answerData(keys, 'DNSKEY')).toEqual([{ flags: 257, algorithm: 13, key: Buffer.alloc(64, 7) }]);
  });

  it('returns a CNAME chain as the server gave it', async () => {
    const response = await client().query('www.shop.example', 'A');
    expect(answerData(response, 'CNAME')).toEqual(['edge.cdn.example', 'pop1.cdn.example']);
    expect(answerData(response, 'A')).toEqual(['198.51.100.7']);
  });

  it('returns NXDOMAIN and NODATA as responses (with the zone SOA), not errors', async () => {
    const dns = client();
    const missing = await dns.query('nope.shop.example', 'A');
    expect(missing.rcode).toBe('NXDOMAIN');
    expect(missing.answers).toEqual([]);
    expect(missing.authorities.map((record) => record.type)).toEqual(['SOA']);
    const nodata = await dns.query('text.shop.example', 'A');
    expect(nodata.rcode).toBe('NOERROR');
    expect(nodata.answers).toEqual([]);
    expect(nodata.authorities.map((record) => record.name)).toEqual(['shop.example']);
  });

  it('falls back to TCP when the UDP answer is truncated', async () => {
    const dns = client();
    const big = await dns.query('big.shop.example', 'TXT');
    expect(big.viaTcp).toBe(true);
    expect(big.flags.truncated).toBe(false);
    expect(answerData(big, 'TXT')).toHaveLength(1);
    expect(server.queries.map((query) => query.transport)).toEqual(['udp', 'tcp']);

    const truncating = await startDnsServer({ address: '127.0.53.3', records: RECORDS, behaviour: { alwaysTruncateUdp: true } });
    extra.push(truncating);
    const response = await client({ servers: [truncating] }).query('shop.example', 'A');
    expect(response.viaTcp).toBe(true);
    expect(answerData(response, 'A')).toHaveLength(2);
    expect(truncating.queries.map((query) => query.transport)).toEqual(['udp', 'tcp']);
  });

  it('times out on a server that never answers, within tries x timeout', async () => {
    const silent = await startDnsServer({ address: '127.0.53.4', records: RECORDS, behaviour: { drop: true } });
    extra.push(silent);
    const started = performance.now();
    const error = await rejection(client({ servers: [silent], timeoutMs: 150, retries: 1 }).query('shop.example', 'A'));
    const elapsed = performance.now() - started;
    expect(error.kind).toBe('timeout');
    expect(error.message).toContain('127.0.53.4:53');
    expect(elapsed).toBeGreaterThanOrEqual(290);
    expect(elapsed).toBeLessThan(700);
    expect(silent.queries).toHaveLength(2);
  });

  it('retries on the next server after a timeout', async () => {
    const silent = await startDnsServer({ address: '127.0.53.5', records: RECORDS, behaviour: { drop: true } });
    extra.push(silent);
    const response = await client({ servers: [silent, second], timeoutMs: 150 }).query('shop.example', 'A');
    expect(response.server).toBe('127.0.53.2:53');
    expect(silent.queries).toHaveLength(1);
    expect(second.queries).toHaveLength(1);
  });

  it('moves on at once when a server port is closed (network error), and reports it when none is left', async () => {
    const closed = { address: '127.0.53.99', port: 53 };
    const started = performance.now();
    const response = await client({ servers: [closed, second], timeoutMs: 1_000 }).query('shop.example', 'A');
    expect(response.server).toBe('127.0.53.2:53');
    expect(performance.now() - started).toBeLessThan(500);
    const error = await rejection(client({ servers: [closed], timeoutMs: 1_000 }).query('shop.example', 'A'));
    expect(error.kind).toBe('network');
  });

  it('turns a garbage answer into a malformed error without waiting for the timeout', async () => {
    const noisy = await startDnsServer({ address: '127.0.53.6', records: RECORDS, behaviour: { garbage: true } });
    extra.push(noisy);
    const started = performance.now();
    const error = await rejection(client({ servers: [noisy], timeoutMs: 1_000 }).query('shop.example', 'A'));
    expect(error.kind).toBe('malformed');
    expect(error.message).toContain('127.0.53.6');
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('ignores stray packets with the wrong id or question and takes the real answer', async () => {
    const stray = await startDnsServer({ address: '127.0.53.7', records: RECORDS, behaviour: { strayFirst: true } });
    extra.push(stray);
    const response = await client({ servers: [stray] }).query('shop.example', 'A');
    expect(answerData(response, 'A').sort()).toEqual(['203.0.113.10', '203.0.113.11']);
    expect(answerData(response, 'A')).not.toContain(STRAY_ADDRESS);
  });

  it('tries another server after SERVFAIL, and returns SERVFAIL when every server says so', async () => {
    const failing = await startDnsServer({ address: '127.0.53.8', records: RECORDS, behaviour: { rcode: 'SERVFAIL' } });
    extra.push(failing);
    const rescued = await client({ servers: [failing, second] }).query('shop.example', 'A');
    expect(rescued.rcode).toBe('NOERROR');
    expect(rescued.server).toBe('127.0.53.2:53');
    const lone = await client({ servers: [failing], retries: 2 }).query('shop.example', 'A');
    expect(lone.rcode).toBe('SERVFAIL');
  });

  it('asks again with CD set when a validating resolver answers SERVFAIL (broken DNSSEC), so the data is still seen', async () => {
    const validating = await startDnsServer({
      address: '127.0.53.9',
      records: RECORDS,
      // Like unbound for a bogus zone: SERVFAIL, unless the client disables checking.
      resolver: (_name, _type, _dnssecOk, checkingDisabled) =>
        checkingDisabled ? undefined : { rcode: 'SERVFAIL', answers: [], authorities: [], additionals: [] },
    });
    extra.push(validating);
    const response = await client({ servers: [validating], retryServfailWithCd: true }).query('shop.example', 'A');
    expect(response.rcode).toBe('NOERROR');
    expect(validating.queries.map((query) => query.name)).toEqual(['shop.example', 'shop.example']);
    // Without the option the resolver's own verdict is left as it is (the interop suite reads it).
    const plain = await client({ servers: [validating] }).query('shop.example', 'A');
    expect(plain.rcode).toBe('SERVFAIL');
  });

  it('caches answers and shares one in-flight query between identical callers', async () => {
    const dns = client();
    const first = dns.query('shop.example', 'A');
    const same = dns.query('SHOP.example.', 'A');
    expect(same).toBe(first);
    await Promise.all([first, same]);
    await dns.query('shop.example', 'A');
    expect(server.queries).toHaveLength(1);
    // Another instance has its own cache.
    await client().query('shop.example', 'A');
    expect(server.queries).toHaveLength(2);
  });

  it('stops promptly when the scan is aborted', async () => {
    const silent = await startDnsServer({ address: '127.0.53.9', records: RECORDS, behaviour: { drop: true } });
    extra.push(silent);
    const controller = new AbortController();
    const dns = client({ servers: [silent], timeoutMs: 5_000, signal: controller.signal });
    const started = performance.now();
    const pending = dns.query('shop.example', 'A');
    setTimeout(() => controller.abort(new Error('scan deadline reached')), 50);
    const error = await rejection(pending);
    expect(error.message).toContain('scan deadline reached');
    expect(performance.now() - started).toBeLessThan(1_000);
    await expect(dns.query('other.example', 'A')).rejects.toBeInstanceOf(DnsError);
  });

  it('runs many concurrent queries on one scan signal without a listener-leak warning', async () => {
    const warnings: string[] = [];
    const onWarning = (warning: Error): void => void warnings.push(warning.name);
    process.on('warning', onWarning);
    try {
      const dns = client({ signal: new AbortController().signal });
      const responses = await Promise.all(Array.from({ length: 30 }, (_, i) => dns.query(`c${i}.shop.example`, 'A')));
      expect(responses.every((response) => response.rcode === 'NXDOMAIN')).toBe(true);
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      process.off('warning', onWarning);
    }
    expect(warnings).not.toContain('MaxListenersExceededWarning');
  });

  it('rejects names that cannot be put on the wire', async () => {
    const error = await rejection(client().query(`${'a'.repeat(64)}.example`, 'A'));
    expect(error.kind).toBe('malformed');
    expect(server.queries).toHaveLength(0);
  });

  it('answers an uncached query on loopback in about a millisecond', async () => {
    const dns = client();
    const count = 200;
    const started = performance.now();
    for (let i = 0; i < count; i++) await dns.query(`n${i}.shop.example`, 'A');
    const perQuery = (performance.now() - started) / count;
    console.log(`dns client: ${perQuery.toFixed(2)} ms per uncached UDP query on loopback`);
    expect(perQuery).toBeLessThan(10);
  });
});

describe('resolver list parsing', () => {
  it.each([
    ['127.0.0.53', { address: '127.0.0.53', port: 53 }],
    ['192.0.2.1:5353', { address: '192.0.2.1', port: 5353 }],
    ['2001:db8::1', { address: '2001:db8::1', port: 53 }],
    ['[2001:db8::1]:5353', { address: '2001:db8::1', port: 5353 }],
    ['[::1]', { address: '::1', port: 53 }],
    ['not-an-address', undefined],
    ['[192.0.2.1]:53', undefined],
  ])('%s', (entry, expected) => {
    expect(parseServerEntry(entry)).toEqual(expected);
  });

  it('builds a client from the system configuration without sending anything', () => {
    expect(DnsClient.fromSystem()).toBeInstanceOf(DnsClient);
  });
});
