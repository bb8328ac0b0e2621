/**
 * Hostile servers on 127.0.2.x: each whole scan must end within its time limit, with
 * status `error` and a plain reason where the server misbehaved, never a hang or crash.
 */
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderReport, runScan, type ScanResult } from '../../src/scan/engine.js';
import { startDnsServer } from '../fixtures/dns-server.js';
import { testPki } from '../fixtures/pki.js';

const DNS = '127.0.2.53';
const SCAN_LIMIT_MS = 12_000;
const servers: net.Server[] = [];
const sockets = new Set<net.Socket>();
let dns: Awaited<ReturnType<typeof startDnsServer>>;

async function listen(server: net.Server, address: string, port: number): Promise<void> {
  server.on('connection', (socket: net.Socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
  });
  server.listen(port, address);
  await once(server, 'listening');
  servers.push(server);
}

/** Accepts TCP and never says a word. */
const silent = (): net.Server => net.createServer(() => undefined);
/** Reads what the client sends (the ClientHello) and stalls. */
const stall = (): net.Server => net.createServer((socket) => socket.on('data', () => undefined));
/** Answers anything with random bytes, then more. */
const garbage = (): net.Server =>
  net.createServer((socket) => {
    socket.write(randomBytes(4096));
    socket.on('data', () => socket.write(randomBytes(1024)));
  });

const TARGETS: Record<string, string> = {
  'silent.test': '127.0.2.1',
  'stall.test': '127.0.2.2',
  'loop.test': '127.0.2.3',
  'bigbody.test': '127.0.2.4',
  'headerflood.test': '127.0.2.5',
  'garbage.test': '127.0.2.6',
};

const results = new Map<string, { result?: ScanResult; error?: unknown; ms: number }>();

beforeAll(async () => {
  const pki = await testPki();
  dns = await startDnsServer({
    address: DNS,
    port: 53,
    records: Object.entries(TARGETS).map(([name, data]) => ({ name, type: 'A' as const, ttl: 60, data })),
  });
  await listen(silent(), TARGETS['silent.test']!, 443);
  await listen(silent(), TARGETS['silent.test']!, 80);
  await listen(stall(), TARGETS['stall.test']!, 443);
  await listen(stall(), TARGETS['stall.test']!, 80);
  await listen(garbage(), TARGETS['garbage.test']!, 443);
  await listen(garbage(), TARGETS['garbage.test']!, 80);

  const tlsFor = async (name: string) => {
    const cert = await pki.issue({ names: [name], key: 'ec256' });
    return { key: cert.keyPem, cert: cert.chainPem };
  };
  // Endless redirects: every answer points one step further.
  await listen(
    https.createServer(await tlsFor('loop.test'), (request, response) => {
      const step = Number(new URL(request.url ?? '/', 'https://loop.test').searchParams.get('n') ?? '0');
      response.writeHead(302, { location: `/?n=${step + 1}` });
      response.end();
    }),
    TARGETS['loop.test']!,
    443,
  );
  await listen(
    http.createServer((_request, response) => {
      response.writeHead(301, { location: 'http://loop.test/' });
      response.end();
    }),
    TARGETS['loop.test']!,
    80,
  );
  // A 100 MB body, streamed as fast as the client reads.
  await listen(
    https.createServer(await tlsFor('bigbody.test'), (_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html' });
      const chunk = Buffer.alloc(1 << 16, 'a');
      let sent = 0;
      const pump = (): void => {
        while (sent < 100 * 1024 * 1024) {
          sent += chunk.length;
          if (!response.write(chunk)) {
            response.once('drain', pump);
            return;
          }
        }
        response.end();
      };
      response.on('error', () => undefined);
      pump();
    }),
    TARGETS['bigbody.test']!,
    443,
  );
  // Endless response headers, written on the raw TLS socket.
  const floodServer = https.createServer(await tlsFor('headerflood.test'));
  floodServer.removeAllListeners('request');
  floodServer.on('secureConnection', (socket) => {
    socket.on('error', () => undefined);
    socket.once('data', () => {
      socket.write('HTTP/1.1 200 OK\r\n');
      const timer = setInterval(() => {
        if (socket.destroyed) return clearInterval(timer);
        socket.write(`x-flood-${Math.random()}: ${'y'.repeat(1000)}\r\n`.repeat(64));
      }, 5);
      socket.on('close', () => clearInterval(timer));
    });
  });
  await listen(floodServer, TARGETS['headerflood.test']!, 443);

  for (const target of Object.keys(TARGETS)) {
    const started = Date.now();
    try {
      const result = await runScan(target, {
        resolver: { address: DNS, port: 53 },
        extraCa: [pki.root.certPem],
        allowPrivate: true,
        timeoutMs: SCAN_LIMIT_MS,
        limits: { connectTimeoutMs: 2_000, requestTimeoutMs: 3_000 },
      });
      results.set(target, { result, ms: Date.now() - started });
    } catch (error) {
      results.set(target, { error, ms: Date.now() - started });
    }
  }
}, 180_000);

afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  await dns?.close();
});

function statusOf(target: string, id: string): string | undefined {
  return results.get(target)?.result?.results.find((r) => r.id === id)?.status;
}

describe('hostile servers', () => {
  it.each(Object.keys(TARGETS))('%s: the scan ends within its limit without throwing', (target) => {
    const outcome = results.get(target)!;
    expect(outcome.error).toBeUndefined();
    expect(outcome.ms).toBeLessThan(SCAN_LIMIT_MS + 1_000);
  });

  it.each([
    ['silent.test', 'web.https.available'],
    ['silent.test', 'web.tls.version'],
    ['stall.test', 'web.https.available'],
    ['stall.test', 'web.tls.version'],
    ['garbage.test', 'web.tls.version'],
    ['garbage.test', 'web.https.redirect'],
    ['silent.test', 'web.https.redirect'],
    ['stall.test', 'web.https.redirect'],
    ['loop.test', 'web.headers.csp'],
    ['headerflood.test', 'web.headers.csp'],
  ])('%s: %s is error with a plain reason', (target, id) => {
    expect(statusOf(target, id)).toBe('error');
    const report = renderReport(results.get(target)!.result!, 'en');
    expect(report.checks.find((check) => check.id === id)?.summary.length).toBeGreaterThan(10);
  });

  it('says HTTPS fails when port 443 answers with bytes that are not TLS', () => {
    // Garbage on 443 is what a browser sees too: no HTTPS. Only what could not be judged is `error`.
    expect(statusOf('garbage.test', 'web.https.available')).toBe('fail');
  });

  it('caps a 100 MB body, and does not judge the first megabyte as the whole page (issue 14)', () => {
    const result = results.get('bigbody.test')!.result!;
    const https = result.evidence.web?.hosts[0]?.https;
    expect(https?.bodyTruncated).toBe(true);
    expect(https?.bodyIncomplete?.kind).toBe('cap');
    expect(https?.bodyBytes).toBeLessThanOrEqual(1_048_576);
    expect(statusOf('bigbody.test', 'web.mixed-content')).toBe('error');
  });

  it('reports the redirect loop in the evidence', () => {
    const https = results.get('loop.test')!.result!.evidence.web?.hosts[0]?.https;
    expect(https?.error?.kind).toMatch(/too-many-redirects|redirect-loop/);
    expect(https?.hops.length).toBeLessThanOrEqual(11);
  });
});
