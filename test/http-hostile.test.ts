/**
 * fetchChain and probePaths against hostile and broken peers on 127.0.80.x, the
 * sensitive-path probes, and no leaked sockets.
 */
import { describe, expect, it } from 'vitest';
import { fetchChain } from '../src/scan/collect/http/fetch.js';
import { probePaths, SENSITIVE_PATHS } from '../src/scan/collect/http/paths.js';
import { LIMITS, HOME, bigBody, openSockets, makeContext, pki, ctx, useHttpFixtures } from './http/fixture.js';

useHttpFixtures();

describe('fetchChain: hostile and broken peers', () => {
  it('caps a 100 MB body at maxBodyBytes, quickly, and closes the connection', async () => {
    const started = performance.now();
    const chain = await fetchChain('https://shop.test/big', ctx);
    const elapsed = performance.now() - started;
    expect(chain.error).toBeUndefined();
    expect(chain.bodyTruncated).toBe(true);
    expect(chain.bodyBytes).toBe(LIMITS.maxBodyBytes);
    expect(chain.body?.length).toBe(LIMITS.maxBodyBytes);
    expect(elapsed).toBeLessThan(1_000);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(bigBody.closed).toBe(true);
    // Socket buffers hold a few MB at most; the server never got to send the rest.
    expect(bigBody.bytesWritten).toBeLessThan(16 * 1024 * 1024);
    console.log(`100 MB body: ${Math.round(elapsed)} ms, server wrote ${(bigBody.bytesWritten / 1048576).toFixed(1)} MB`);
  });

  it('caps an endless body too', async () => {
    const started = performance.now();
    const chain = await fetchChain('https://shop.test/endless', ctx);
    expect(chain.bodyTruncated).toBe(true);
    expect(chain.bodyBytes).toBe(LIMITS.maxBodyBytes);
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('keeps what a slow-drip body sent before the request timeout, marked truncated', async () => {
    const started = performance.now();
    const chain = await fetchChain('https://shop.test/drip', ctx);
    const elapsed = performance.now() - started;
    expect(chain.error).toBeUndefined();
    expect(chain.hops[0]?.status).toBe(200);
    expect(chain.bodyTruncated).toBe(true);
    expect(chain.bodyBytes).toBeGreaterThan(5);
    expect(chain.body).toMatch(/^\.+$/);
    expect(elapsed).toBeGreaterThanOrEqual(LIMITS.requestTimeoutMs - 50);
    expect(elapsed).toBeLessThan(LIMITS.requestTimeoutMs + 500);
  });

  it('reports an endless header flood as headers-too-large', async () => {
    const started = performance.now();
    const chain = await fetchChain('http://flood.test/', ctx);
    expect(chain.error?.kind).toBe('headers-too-large');
    expect(chain.hops[0]?.status).toBeUndefined();
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('reports one header over maxHeaderBytes as headers-too-large', async () => {
    const chain = await fetchChain('http://flood.test:8080/', ctx);
    expect(chain.error?.kind).toBe('headers-too-large');
  });

  it('reports garbage instead of HTTP as protocol, and instead of TLS as tls', async () => {
    const http = await fetchChain('http://garbage.test/', ctx);
    expect(http.error?.kind).toBe('protocol');
    const https = await fetchChain('https://garbage.test/', ctx);
    expect(https.error?.kind).toBe('tls');
  });

  it('gives up on a server that accepts and never answers, near the timeout', async () => {
    for (const [url, limit] of [
      ['http://silent.test/', LIMITS.requestTimeoutMs],
      ['https://silent.test/', LIMITS.connectTimeoutMs],
    ] as const) {
      const started = performance.now();
      const chain = await fetchChain(url, ctx);
      const elapsed = performance.now() - started;
      expect(chain.error?.kind, url).toBe('timeout');
      expect(elapsed, url).toBeGreaterThanOrEqual(limit - 50);
      expect(elapsed, url).toBeLessThan(limit + 500);
    }
  });

  it('reports a closed port as connect', async () => {
    const chain = await fetchChain('http://closed.test/', ctx);
    expect(chain.error?.kind).toBe('connect');
    expect(chain.error?.message).toContain('ECONNREFUSED');
  });

  it('stops promptly when the scan signal aborts', async () => {
    const controller = new AbortController();
    const aborting = makeContext(pki, controller.signal);
    const started = performance.now();
    setTimeout(() => controller.abort(), 200);
    const chain = await fetchChain('http://silent.test/', aborting);
    expect(chain.error?.kind).toBe('timeout');
    expect(chain.error?.message).toContain('deadline');
    expect(performance.now() - started).toBeLessThan(600);
  });
});

describe('probePaths', () => {
  it('collects security.txt and every path on a soft-404 site (status 200, home page)', async () => {
    const evidence = await probePaths('soft404.test', ctx);
    expect(evidence.securityTxt.hops[0]?.status).toBe(200);
    expect(evidence.exposure.map((probe) => probe.path)).toEqual(SENSITIVE_PATHS);
    for (const probe of evidence.exposure) {
      expect(probe).toEqual({ path: probe.path, status: 200, contentType: 'text/html', bodyBytes: Buffer.byteLength(HOME) });
    }
  });

  it('recognises an exposed /.git/HEAD and a late phpinfo() title, keeping the signature and size but no content; 404s elsewhere', async () => {
    const evidence = await probePaths('exposed.test', ctx);
    expect(evidence.securityTxt.body).toContain('Contact:');
    const byPath = new Map(evidence.exposure.map((probe) => [probe.path, probe]));
    expect(byPath.get('/.git/HEAD')).toEqual({ path: '/.git/HEAD', status: 200, contentType: 'text/plain', bodyBytes: 21, signature: 'git' });
    const phpinfo = byPath.get('/phpinfo.php');
    expect(phpinfo?.signature).toBe('phpinfo');
    expect(Object.keys(phpinfo ?? {}).sort()).toEqual(['bodyBytes', 'contentType', 'path', 'signature', 'status']);
    expect(JSON.stringify(evidence.exposure)).not.toContain('refs/heads');
    expect(byPath.get('/.env')?.status).toBe(404);
  });

  it('does not probe paths when HTTPS does not answer', async () => {
    const started = performance.now();
    const evidence = await probePaths('closed.test', ctx);
    expect(evidence.securityTxt.error?.kind).toBe('connect');
    expect(evidence.exposure.every((probe) => probe.error?.startsWith('not probed'))).toBe(true);
    expect(performance.now() - started).toBeLessThan(500);
  });
});

describe('resources', () => {
  it('leaves no connection open on any server', async () => {
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect([...openSockets].map((s) => `${s.localAddress ?? ""}:${s.localPort ?? ""}`)).toEqual([]);
  });
});
