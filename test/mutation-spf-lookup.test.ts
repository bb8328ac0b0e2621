/**
 * The SPF lookup adapter on our DnsClient (spf/lookup.ts) against a loopback DNS server on
 * a free port: TXT strings joined and cut, MX names by preference, the per-answer cap,
 * aliases left out, and how DNS failures are reported to check_host().
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DnsClient } from '../src/scan/collect/dns/client.js';
import { dnsClientLookup, MAX_RECORDS_PER_ANSWER, MAX_TXT_LENGTH } from '../src/scan/spf/lookup.js';
import { startDnsServer, type DnsFixtureRecord, type DnsTestServer } from './fixtures/dns-server.js';

const LONG = 'x'.repeat(5_000);
const RECORDS: DnsFixtureRecord[] = [
  { name: 'example', type: 'SOA', data: { mname: 'ns.example', rname: 'hostmaster.example', serial: 1, minimum: 300 } },
  { name: 'multi.example', type: 'TXT', data: ['v=spf1 ', 'ip4:192.0.2.1 ', '-all'] },
  { name: 'multi.example', type: 'TXT', data: 'google-site-verification=abc' },
  { name: 'latin.example', type: 'TXT', data: [Buffer.from([0x76, 0x3d, 0xe9])] },
  { name: 'long.example', type: 'TXT', data: LONG.match(/.{1,255}/g) ?? [] },
  { name: 'mx.example', type: 'MX', data: { preference: 30, exchange: 'c.example.' } },
  { name: 'mx.example', type: 'MX', data: { preference: 10, exchange: 'a.example' } },
  { name: 'mx.example', type: 'MX', data: { preference: 20, exchange: 'b.example' } },
  ...Array.from({ length: 60 }, (_, index): DnsFixtureRecord => ({ name: 'many.example', type: 'A', data: `192.0.2.${index + 1}` })),
  { name: 'v6.example', type: 'AAAA', data: '2001:db8::1' },
  { name: '1.2.0.192.in-addr.arpa', type: 'PTR', data: 'host.example.' },
  { name: 'alias.example', type: 'CNAME', data: 'v4.example' },
  { name: 'v4.example', type: 'A', data: '192.0.2.44' },
  { name: 'v4.example', type: 'TXT', data: 'not an address' },
];

let server: DnsTestServer;
beforeAll(async () => {
  server = await startDnsServer({ address: '127.0.0.1', port: 0, records: RECORDS });
});
afterAll(async () => {
  await server.close();
});

const lookup = () => dnsClientLookup(new DnsClient({ servers: [server], timeoutMs: 300, retries: 0 }));

describe('dnsClientLookup', () => {
  it('joins the strings of a TXT record without separator, one record each', async () => {
    expect(await lookup()('multi.example', 'TXT')).toEqual({ kind: 'records', records: ['v=spf1 ip4:192.0.2.1 -all', 'google-site-verification=abc'] });
  });

  it('reads TXT bytes as latin1, so a non-ASCII byte stays visible', async () => {
    expect(await lookup()('latin.example', 'TXT')).toEqual({ kind: 'records', records: ['v=\u00e9'] });
  });

  it('cuts a TXT record at 4096 characters', async () => {
    const answer = await lookup()('long.example', 'TXT');
    expect(MAX_TXT_LENGTH).toBe(4_096);
    expect(answer).toEqual({ kind: 'records', records: [LONG.slice(0, 4_096)] });
  });

  it('gives MX names by preference, without the trailing dot', async () => {
    expect(await lookup()('mx.example', 'MX')).toEqual({ kind: 'records', records: ['a.example', 'b.example', 'c.example'] });
  });

  it('keeps at most 50 records of one answer', async () => {
    const answer = await lookup()('many.example', 'A');
    expect(MAX_RECORDS_PER_ANSWER).toBe(50);
    expect(answer.kind === 'records' && answer.records.length).toBe(50);
    expect(answer.kind === 'records' && answer.records[0]).toBe('192.0.2.1');
  });

  it('reads AAAA and PTR, and leaves the alias out of an answer through a CNAME', async () => {
    expect(await lookup()('v6.example', 'AAAA')).toEqual({ kind: 'records', records: ['2001:db8::1'] });
    expect(await lookup()('1.2.0.192.in-addr.arpa', 'PTR')).toEqual({ kind: 'records', records: ['host.example'] });
    expect(await lookup()('alias.example', 'A')).toEqual({ kind: 'records', records: ['192.0.2.44'] });
    expect(await lookup()('v4.example', 'MX')).toEqual({ kind: 'records', records: [] });
  });

  it('NXDOMAIN is no such name; another rcode or no answer is an error with its reason', async () => {
    expect(await lookup()('nothing.example', 'TXT')).toEqual({ kind: 'nxdomain' });
    server.setBehaviour({ rcode: 'SERVFAIL' });
    try {
      expect(await lookup()('multi.example', 'TXT')).toEqual({ kind: 'error', reason: 'SERVFAIL' });
      server.setBehaviour({ drop: true });
      expect(await lookup()('multi.example', 'TXT')).toEqual({ kind: 'error', reason: 'timeout' });
    } finally {
      server.setBehaviour({});
    }
    expect(await lookup()(`${'a'.repeat(64)}.example`, 'TXT')).toEqual({ kind: 'error', reason: 'malformed' });
  });
});
