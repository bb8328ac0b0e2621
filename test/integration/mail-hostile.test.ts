/**
 * Hostile DNS and SMTP peers for the whole mail scan, on 127.0.15.1xx: each scan must end
 * within its limit with `error` verdicts where the peer misbehaved, never a hang, a crash
 * or a made-up pass.
 */
import { once } from 'node:events';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ScanError } from '../../src/core/errors.js';
import { runScan, type ScanResult } from '../../src/scan/engine.js';
import { startDnsServer, type DnsFixtureRecord, type DnsTestServer } from '../fixtures/dns-server.js';

const DNS = { garbage: '127.0.15.101', truncating: '127.0.15.102', zones: '127.0.15.103' };
const STALLING_MX = '127.0.15.110';
const SCAN_LIMIT_MS = 15_000;

const a = (name: string, address: string): DnsFixtureRecord => ({ name, type: 'A', data: address });

const dnsServers: DnsTestServer[] = [];
const sockets = new Set<net.Socket>();
let stallingMx: net.Server;
const received: string[] = [];

async function scan(domain: string, resolver: string): Promise<{ result?: ScanResult; error?: unknown; ms: number }> {
  const started = performance.now();
  try {
    const result = await runScan(domain, { resolver: { address: resolver, port: 53 }, allowPrivate: true, only: 'mail', timeoutMs: 10_000 });
    return { result, ms: performance.now() - started };
  } catch (error) {
    return { error, ms: performance.now() - started };
  }
}

function statusOf(result: ScanResult | undefined, id: string): string | undefined {
  return result?.results.find((entry) => entry.id === id)?.status;
}

beforeAll(async () => {
  dnsServers.push(await startDnsServer({ address: DNS.garbage, records: [], behaviour: { garbage: true } }));
  dnsServers.push(await startDnsServer({ address: DNS.truncating, records: [], behaviour: { alwaysTruncateUdp: true, truncateTcp: true } }));
  const manyMx: DnsFixtureRecord[] = Array.from({ length: 500 }, (_, index) => ({
    name: 'manymx.test',
    type: 'MX',
    data: { preference: index, exchange: `mx${index}.manymx.test` },
  }));
  dnsServers.push(
    await startDnsServer({
      address: DNS.zones,
      records: [
        a('loop.test', '192.0.2.1'),
        { name: 'loop.test', type: 'CNAME', data: 'loop2.test' },
        { name: 'loop2.test', type: 'CNAME', data: 'loop.test' },
        a('manymx.test', '192.0.2.1'),
        ...manyMx,
        { name: 'stall.test', type: 'MX', data: { preference: 10, exchange: 'mx.stall.test' } },
        a('mx.stall.test', STALLING_MX),
        { name: 'stall.test', type: 'TXT', data: ['v=spf1 mx -all'] },
      ],
    }),
  );
  // An SMTP server whose banner never ends: "220-" lines, one every second, forever.
  stallingMx = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
    socket.on('data', (chunk: Buffer) => received.push(chunk.toString('latin1')));
    const timer = setInterval(() => socket.write('220-still greeting you\r\n'), 1_000);
    socket.write('220-welcome\r\n');
    socket.on('close', () => clearInterval(timer));
  });
  stallingMx.listen(25, STALLING_MX);
  await once(stallingMx, 'listening');
});

afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise<void>((resolve) => stallingMx.close(() => resolve()));
  await Promise.all(dnsServers.map((server) => server.close()));
});

describe('hostile peers in a mail scan', () => {
  it('a DNS server that answers garbage: the scan ends quickly and claims nothing', async () => {
    const outcome = await scan('shop.test', DNS.garbage);
    expect(outcome.ms).toBeLessThan(SCAN_LIMIT_MS);
    if (outcome.error) expect(outcome.error).toBeInstanceOf(ScanError);
    for (const id of ['mail.mx', 'mail.spf', 'mail.dmarc', 'dns.dnssec']) expect(statusOf(outcome.result, id) ?? 'error', id).toBe('error');
    expect(outcome.result?.results.filter((entry) => entry.status === 'pass').map((entry) => entry.id) ?? []).toEqual([]);
  });

  it('a DNS server that truncates over UDP and TCP forever: bounded, no pass', async () => {
    const outcome = await scan('shop.test', DNS.truncating);
    expect(outcome.ms).toBeLessThan(SCAN_LIMIT_MS);
    if (outcome.error) expect(outcome.error).toBeInstanceOf(ScanError);
    expect(outcome.result?.results.filter((entry) => entry.status === 'pass').map((entry) => entry.id) ?? []).toEqual([]);
  });

  it('a CNAME loop at the domain: errors, not a hang', async () => {
    const outcome = await scan('loop.test', DNS.zones);
    expect(outcome.ms).toBeLessThan(SCAN_LIMIT_MS);
    expect(outcome.error).toBeUndefined();
    expect(statusOf(outcome.result, 'mail.spf')).not.toBe('pass');
  });

  it('500 MX records: at most 10 servers are probed, within the limit', async () => {
    const outcome = await scan('manymx.test', DNS.zones);
    expect(outcome.ms).toBeLessThan(SCAN_LIMIT_MS);
    expect(outcome.error).toBeUndefined();
    expect(outcome.result?.evidence.mail?.servers.length).toBe(10);
    expect(outcome.result?.evidence.mail?.mx.records.length).toBeLessThanOrEqual(50);
  });

  it('an SMTP server that never finishes its banner: mail.starttls is an error naming the host, and nothing is sent', async () => {
    const outcome = await scan('stall.test', DNS.zones);
    expect(outcome.ms).toBeLessThan(SCAN_LIMIT_MS);
    expect(statusOf(outcome.result, 'mail.starttls')).toBe('error');
    const server = outcome.result?.evidence.mail?.servers[0];
    expect(server?.smtp?.error).toBeTruthy();
    expect(received.join('')).not.toMatch(/MAIL|RCPT|DATA/i);
  });
});
