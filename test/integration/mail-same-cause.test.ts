/**
 * One cause, one status, through the whole mail scan: the MX and the MTA-STS policy host of
 * shop.test resolve only to private addresses, which Weerbaar refuses to connect to (no
 * --allow-private). Every check that needed one of those hosts says `error` (could not
 * check), the TLS checks and MTA-STS alike. Real loopback DNS (127.0.146.55); the private
 * addresses are never contacted: the refusal happens after resolution, before any connect.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runScan } from '../../src/scan/engine.js';
import { startDnsServer, type DnsTestServer } from '../fixtures/dns-server.js';

const DNS = '127.0.146.55';

describe('an MX and an MTA-STS host on refused private addresses', () => {
  let dns: DnsTestServer;
  beforeAll(async () => {
    dns = await startDnsServer({
      address: DNS,
      records: [
        { name: 'test', type: 'SOA', data: { mname: 'ns.test', rname: 'hostmaster.test' } },
        { name: 'shop.test', type: 'MX', data: { preference: 10, exchange: 'mx.shop.test' } },
        { name: 'shop.test', type: 'TXT', data: 'v=spf1 mx -all' },
        { name: 'mx.shop.test', type: 'A', data: '10.20.30.40' },
        { name: '_mta-sts.shop.test', type: 'TXT', data: 'v=STSv1; id=20261207' },
        { name: 'mta-sts.shop.test', type: 'A', data: '10.20.30.41' },
      ],
    });
  });
  afterAll(async () => {
    await dns.close();
  });

  it('gives error for STARTTLS, every mail.tls.* check and MTA-STS, with the refusal as the reason', async () => {
    const result = await runScan('shop.test', { resolver: { address: DNS, port: 53 }, only: 'mail', timeoutMs: 15_000 });
    const needed = result.results.filter(({ id }) => id === 'mail.starttls' || id.startsWith('mail.tls.') || id === 'mail.mta-sts');
    expect(needed.length).toBe(12);
    expect(Object.fromEntries(needed.map(({ id, status }) => [id, status]))).toEqual(Object.fromEntries(needed.map(({ id }) => [id, 'error'])));
    expect(result.evidence.mail?.mtaSts.fetch).toMatchObject({ refusedPrivate: true });
    expect(result.evidence.mail?.servers[0]?.refused).toEqual([{ address: '10.20.30.40', range: 'private' }]);
  });
});
