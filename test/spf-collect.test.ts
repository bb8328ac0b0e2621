/**
 * The SPF collector and lookup counter against a real loopback DNS server (127.0.11.1)
 * through our DnsClient, and check_host() on live DNS through the same lookup adapter.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DnsClient } from '../src/scan/collect/dns/client.js';
import { collectSpf } from '../src/scan/collect/mail/spf.js';
import { checkHost } from '../src/scan/spf/check-host.js';
import { dnsClientLookup } from '../src/scan/spf/lookup.js';
import { startDnsServer, type DnsFixtureRecord, type DnsTestServer } from './fixtures/dns-server.js';

const txt = (name: string, ...data: string[]): DnsFixtureRecord => ({ name, type: 'TXT', data: data.length === 1 ? (data[0] ?? '') : data });
const a = (name: string, address: string): DnsFixtureRecord => ({ name, type: 'A', data: address });

const RECORDS: DnsFixtureRecord[] = [
  { name: 'example', type: 'SOA', data: { mname: 'ns.example', rname: 'hostmaster.example', serial: 1, minimum: 300 } },
  // A healthy shop: two includes, one of them nested, ends in -all. Multi-string TXT at the apex.
  txt('good.example', 'v=spf1 mx include:_spf.mail.example ', 'include:_spf.shopcloud.example -all'),
  txt('good.example', 'google-site-verification=abc'),
  { name: 'good.example', type: 'MX', data: { preference: 10, exchange: 'mx.good.example' } },
  a('mx.good.example', '192.0.2.25'),
  txt('_spf.mail.example', 'v=spf1 ip4:192.0.2.0/24 include:_netblocks.mail.example ~all'),
  txt('_netblocks.mail.example', 'v=spf1 ip6:2001:db8::/32 ~all'),
  txt('_spf.shopcloud.example', 'v=spf1 a:out.shopcloud.example -all'),
  a('out.shopcloud.example', '198.51.100.7'),
  // Over the limit only through nested includes: 1 + 4 + 1 + 4 + 1 = 11; the root has 2 terms.
  txt('deep.example', 'v=spf1 include:one.deep.example include:two.deep.example -all'),
  txt('one.deep.example', 'v=spf1 a:h1.deep.example a:h2.deep.example a:h3.deep.example a:h4.deep.example -all'),
  txt('two.deep.example', 'v=spf1 a:h1.deep.example a:h2.deep.example a:h3.deep.example a:h4.deep.example include:three.deep.example -all'),
  txt('three.deep.example', 'v=spf1 ip4:192.0.2.1 -all'),
  ...['h1', 'h2', 'h3', 'h4'].map((host) => a(`${host}.deep.example`, '192.0.2.9')),
  // Three lookups that find nothing.
  txt('void.example', 'v=spf1 a:gone1.void.example mx:gone2.void.example exists:gone3.void.example ip4:192.0.2.1 -all'),
  // An include loop.
  txt('loop.example', 'v=spf1 include:b.loop.example -all'),
  txt('b.loop.example', 'v=spf1 include:loop.example -all'),
  txt('open.example', 'v=spf1 ip4:192.0.2.1 +all'),
  txt('two.example', 'v=spf1 ip4:192.0.2.1 -all'),
  txt('two.example', 'v=spf1 include:good.example -all'),
  // A redirect chain: r1 -> r2 -> r3, which ends in ~all.
  txt('r1.example', 'v=spf1 ip4:192.0.2.1 redirect=r2.example'),
  txt('r2.example', 'v=spf1 redirect=r3.example'),
  txt('r3.example', 'v=spf1 ip4:192.0.2.3 ~all'),
  // Sender-dependent macros are counted, not followed; ptr is counted too.
  txt('macro.example', 'v=spf1 exists:%{ir}.%{l1r-}.%{d}.rbl.example include:%{d2}.spf.example ptr -all'),
  txt('macro.example.spf.example', 'v=spf1 ip4:192.0.2.5 -all'),
  // The SPF record reached through a CNAME at the domain.
  { name: 'alias.example', type: 'CNAME', data: 'good.example' },
  // Missing include target.
  txt('broken.example', 'v=spf1 include:nothing-here.example -all'),
];

describe('collectSpf on a loopback DNS server', () => {
  let server: DnsTestServer;
  let dns: DnsClient;

  beforeAll(async () => {
    server = await startDnsServer({ address: '127.0.11.1', records: RECORDS });
  });
  afterAll(async () => {
    await server.close();
  });
  const fresh = (): DnsClient => {
    dns = new DnsClient({ servers: [server], timeoutMs: 500, retries: 0 });
    return dns;
  };

  it('walks a healthy tree: joins multi-string TXT, counts 5 lookups, ends in -all', async () => {
    const spf = await collectSpf('good.example', fresh());
    expect(spf.records).toEqual(['v=spf1 mx include:_spf.mail.example include:_spf.shopcloud.example -all']);
    expect(spf.dnsLookups).toBe(5);
    expect(spf.terms?.map((term) => [term.count, term.term, term.record])).toEqual([
      [1, 'mx', 'good.example'],
      [2, 'include:_spf.mail.example', 'good.example'],
      [3, 'include:_netblocks.mail.example', '_spf.mail.example'],
      [4, 'include:_spf.shopcloud.example', 'good.example'],
      [5, 'a:out.shopcloud.example', '_spf.shopcloud.example'],
    ]);
    expect(spf.voidLookups).toBe(0);
    expect(spf.ending).toEqual({ qualifier: '-', record: 'good.example' });
    expect(spf.nodes?.map((node) => node.status)).toEqual(['ok', 'ok', 'ok', 'ok']);
  });

  it('follows a CNAME at the domain', async () => {
    const spf = await collectSpf('alias.example', fresh());
    expect(spf.records).toHaveLength(1);
    expect(spf.ending?.qualifier).toBe('-');
  });

  it('counts past 10 through nested includes and names the term that reaches 11', async () => {
    const spf = await collectSpf('deep.example', fresh());
    expect(spf.dnsLookups).toBe(11);
    const eleventh = spf.terms?.find((term) => term.count === 11);
    expect(eleventh).toMatchObject({ term: 'include:three.deep.example', record: 'two.deep.example' });
  });

  it('counts three void lookups (a, mx and exists on names that do not exist)', async () => {
    const spf = await collectSpf('void.example', fresh());
    expect(spf.voidLookups).toBe(3);
    expect(spf.terms?.filter((term) => term.void).map((term) => [term.term, term.voidCount])).toEqual([
      ['a:gone1.void.example', 1],
      ['mx:gone2.void.example', 2],
      ['exists:gone3.void.example', 3],
    ]);
  });

  it('catches an include loop', async () => {
    const spf = await collectSpf('loop.example', fresh());
    expect(spf.loops).toEqual(['loop.example > b.loop.example > loop.example']);
    expect(spf.nodes?.at(-1)).toMatchObject({ domain: 'loop.example', status: 'loop', via: { from: 'b.loop.example' } });
  });

  it('records +all, two records, and a missing include target', async () => {
    expect((await collectSpf('open.example', fresh())).ending).toEqual({ qualifier: '+', record: 'open.example' });
    const two = await collectSpf('two.example', fresh());
    expect(two.records).toHaveLength(2);
    expect(two.nodes?.[0]).toMatchObject({ status: 'multiple', count: 2 });
    const broken = await collectSpf('broken.example', fresh());
    expect(broken.nodes?.[1]).toMatchObject({ domain: 'nothing-here.example', status: 'none', via: { kind: 'include' } });
  });

  it('follows a redirect chain to the record that decides how the policy ends', async () => {
    const spf = await collectSpf('r1.example', fresh());
    expect(spf.ending).toEqual({ qualifier: '~', record: 'r3.example' });
    expect(spf.terms?.map((term) => term.term)).toEqual(['redirect=r2.example', 'redirect=r3.example']);
    expect(spf.nodes?.map((node) => node.via?.kind ?? 'root')).toEqual(['root', 'redirect', 'redirect']);
  });

  it('counts sender-dependent terms and ptr without following them; expands %{d}', async () => {
    const spf = await collectSpf('macro.example', fresh());
    expect(spf.terms?.map((term) => [term.term, term.senderDependent ?? false])).toEqual([
      ['exists:%{ir}.%{l1r-}.%{d}.rbl.example', true],
      ['include:%{d2}.spf.example', false],
      ['ptr', true],
    ]);
    expect(spf.nodes?.[1]).toMatchObject({ domain: 'macro.example.spf.example', status: 'ok' });
  });

  it('reports a domain without SPF, and a DNS failure as error', async () => {
    expect(await collectSpf('mx.good.example', fresh())).toMatchObject({ records: [] });
    server.setBehaviour({ rcode: 'SERVFAIL' });
    try {
      const spf = await collectSpf('good.example', fresh());
      expect(spf).toMatchObject({ records: [], error: 'SERVFAIL' });
    } finally {
      server.setBehaviour({});
    }
  });

  it('stays within its query cap on a huge tree', async () => {
    const many = Array.from({ length: 30 }, (_, i) => txt(`i${i}.big.example`, `v=spf1 include:i${i + 1}.big.example a:x${i}.big.example -all`));
    server.setRecords([...RECORDS, txt('big.example', 'v=spf1 include:i0.big.example -all'), ...many]);
    try {
      const before = server.queries.length;
      const spf = await collectSpf('big.example', fresh());
      expect(server.queries.length - before).toBeLessThanOrEqual(40);
      expect(spf.incomplete).toBe(true);
      expect(spf.dnsLookups).toBeGreaterThan(10);
    } finally {
      server.setRecords(RECORDS);
    }
  });

  it('check_host() on live DNS: pass from a listed server, fail with the default from another', async () => {
    const lookup = dnsClientLookup(fresh());
    const pass = await checkHost({ ip: '198.51.100.7', domain: 'good.example', sender: 'shop@good.example', lookup });
    expect(pass).toMatchObject({ result: 'pass', matched: { term: 'include:_spf.shopcloud.example', domain: 'good.example' } });
    const fail = await checkHost({ ip: '203.0.113.1', domain: 'good.example', sender: 'shop@good.example', lookup });
    expect(fail.result).toBe('fail');
    expect(fail.dnsTerms).toBe(5);
    const softfail = await checkHost({ ip: '203.0.113.1', domain: 'r1.example', sender: 'x@r1.example', lookup });
    expect(softfail.result).toBe('softfail');
    const over = await checkHost({ ip: '203.0.113.1', domain: 'deep.example', sender: 'x@deep.example', lookup });
    expect(over.result).toBe('permerror');
  });
});
