/**
 * fetchChain and probePaths against real servers on 127.0.80.x (this suite's range):
 * redirects, limits, hostile peers, the private-address policy, TLS details and the
 * sensitive-path probes.
 */
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { createServer as createNetServer, type Socket } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CollectContext, ResolvedHost } from '../src/scan/collect/context.js';
import { fetchChain } from '../src/scan/collect/http/fetch.js';
import { probePaths, SENSITIVE_PATHS } from '../src/scan/collect/http/paths.js';
import { testPki, type TestPki } from './fixtures/pki.js';

const SHOP = '127.0.80.1';
const FLOOD = '127.0.80.2';
const GARBAGE = '127.0.80.3';
const SILENT = '127.0.80.4';
const CLOSED = '127.0.80.5';
const SOFT404 = '127.0.80.6';
const EXPOSED = '127.0.80.7';

const NAMES: Record<string, string> = {
  'shop.test': SHOP,
  'other.test': SHOP,
  'flood.test': FLOOD,
  'garbage.test': GARBAGE,
  'silent.test': SILENT,
  'closed.test': CLOSED,
  'soft404.test': SOFT404,
  'exposed.test': EXPOSED,
  'mismatch.test': SHOP,
};

const LIMITS = { connectTimeoutMs: 1_000, requestTimeoutMs: 1_500, maxBodyBytes: 1_048_576, maxHeaderBytes: 65_536, maxRedirects: 10 };

function resolved(usable: string[], refused: ResolvedHost['refused'] = [], error?: string): ResolvedHost {
  return { usable, refused, evidence: { a: [...usable, ...refused.map((r) => r.address)], aaaa: [], cnames: [], ...(error ? { error } : {}) } };
}

function makeContext(pki: TestPki, signal = new AbortController().signal, ca = [pki.root.certPem]): CollectContext {
  return {
    dns: undefined as unknown as CollectContext['dns'],
    async resolveHost(host: string): Promise<ResolvedHost> {
      await Promise.resolve();
      if (host === 'private.test') return resolved([], [{ address: '10.1.2.3', range: 'private' }]);
      const address = NAMES[host];
      return address ? resolved([address]) : resolved([], [], 'NXDOMAIN');
    },
    allowPrivate: false,
    ca,
    limits: LIMITS,
    signal,
  };
}

let pki: TestPki;
let ctx: CollectContext;
const closers: (() => Promise<void>)[] = [];
/** Server-side sockets still open, over every server: the client must close what it opens. */
const openSockets = new Set<Socket>();
const sniSeen: string[] = [];
const bigBody = { bytesWritten: 0, closed: false };

function listen(server: Server | ReturnType<typeof createNetServer>, host: string, port: number): Promise<void> {
  const sockets = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    openSockets.add(socket);
    socket.on('close', () => {
      sockets.delete(socket);
      openSockets.delete(socket);
    });
  });
  closers.push(
    () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  );
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
}

const HOME = '<!doctype html><html><head><title>Shop</title></head><body>Welcome to the shop</body></html>';

function shopHandler(request: IncomingMessage, response: ServerResponse): void {
  const path = request.url ?? '/';
  const hop = /^\/hop\/(\d+)$/.exec(path);
  if (hop) {
    response.writeHead(302, { location: `/hop/${Number(hop[1]) + 1}` }).end();
    return;
  }
  switch (path) {
    case '/':
      response.setHeader('set-cookie', ['a=1; Secure', 'b=2; HttpOnly', 'a=3; Path=/x']);
      response.setHeader('strict-transport-security', 'max-age=31536000');
      response.writeHead(200, { 'content-type': 'text/html', 'x-ua': request.headers['user-agent'] ?? '', 'x-ae': request.headers['accept-encoding'] ?? '' });
      response.end(HOME);
      return;
    case '/rel':
      response.writeHead(302, { location: 'next?x=1#frag' }).end();
      return;
    case '/next?x=1':
      response.writeHead(200, { 'content-type': 'text/plain' }).end('arrived');
      return;
    case '/loop-a':
      response.writeHead(301, { location: '/loop-b' }).end();
      return;
    case '/loop-b':
      response.writeHead(301, { location: 'https://shop.test/loop-a' }).end();
      return;
    case '/js':
      response.writeHead(302, { location: 'javascript:alert(1)' }).end();
      return;
    case '/malformed':
      response.writeHead(302, { location: 'http://[::zz/' }).end();
      return;
    case '/to-private':
      response.writeHead(302, { location: 'http://private.test/' }).end();
      return;
    case '/to-ip':
      response.writeHead(302, { location: 'http://10.9.8.7/' }).end();
      return;
    case '/big': {
      // 100 MB announced and sent as fast as the client takes it.
      const total = 100 * 1024 * 1024;
      const chunk = Buffer.alloc(64 * 1024, 0x61);
      let sent = 0;
      response.writeHead(200, { 'content-type': 'text/plain', 'content-length': String(total) });
      const pump = (): void => {
        while (sent < total) {
          sent += chunk.length;
          bigBody.bytesWritten = sent;
          if (!response.write(chunk)) {
            response.once('drain', pump);
            return;
          }
        }
        response.end();
      };
      response.on('close', () => {
        bigBody.closed = true;
      });
      pump();
      return;
    }
    case '/endless': {
      response.writeHead(200, { 'content-type': 'text/plain' });
      const chunk = Buffer.alloc(16 * 1024, 0x62);
      const pump = (): void => {
        while (!response.destroyed && response.write(chunk));
        if (!response.destroyed) response.once('drain', pump);
      };
      pump();
      return;
    }
    case '/drip': {
      // Headers at once, then one byte every 100 ms, forever.
      response.writeHead(200, { 'content-type': 'text/plain' });
      const timer = setInterval(() => response.write('.'), 100);
      response.on('close', () => clearInterval(timer));
      return;
    }
    default:
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  }
}

beforeAll(async () => {
  pki = await testPki();
  ctx = makeContext(pki);
  const leaf = await pki.issue({ names: ['shop.test', 'other.test', 'soft404.test', 'exposed.test', 'silent.test'] });
  const tlsOptions = { key: leaf.keyPem, cert: leaf.chainPem };

  await listen(
    createHttpServer((request, response) => {
      if (request.url === '/plain') response.writeHead(200, { 'content-type': 'text/plain' }).end('plain http');
      else if (request.url === '/to-other') response.writeHead(301, { location: 'https://other.test/' }).end();
      else response.writeHead(301, { location: `https://shop.test${request.url ?? '/'}` }).end();
    }),
    SHOP,
    80,
  );
  const https = createHttpsServer(tlsOptions, shopHandler);
  https.on('secureConnection', (socket: TLSSocket) => {
    const name = (socket as TLSSocket & { servername?: string | false }).servername;
    sniSeen.push(typeof name === 'string' ? name : '');
  });
  await listen(https, SHOP, 443);

  // A header block that never ends.
  await listen(
    createNetServer((socket) => {
      socket.on('error', () => undefined);
      socket.resume();
      socket.write('HTTP/1.1 200 OK\r\n');
      const line = 'X-Flood: ' + 'f'.repeat(100) + '\r\n';
      const pump = (): void => {
        while (!socket.destroyed && socket.write(line.repeat(50)));
        if (!socket.destroyed) socket.once('drain', pump);
      };
      pump();
    }),
    FLOOD,
    80,
  );
  // One huge header, just over the limit, then a body.
  await listen(
    createNetServer((socket) => {
      socket.on('error', () => undefined);
      socket.resume();
      socket.end(`HTTP/1.1 200 OK\r\nX-Big: ${'x'.repeat(70_000)}\r\nContent-Length: 2\r\n\r\nok`);
    }),
    FLOOD,
    8080,
  );
  // Bytes that are not HTTP, on 80 and on 443 (where TLS is expected).
  for (const port of [80, 443]) {
    await listen(
      createNetServer((socket) => {
        socket.on('error', () => undefined);
        socket.resume();
        socket.end(Buffer.from('\x00\xff\xfeSSH-2.0-garbage\r\n\x01\x02\x03 this is not http at all\r\n\r\n', 'latin1'));
      }),
      GARBAGE,
      port,
    );
  }
  // Accepts and never says a word.
  for (const port of [80, 443]) {
    await listen(
      createNetServer((socket) => {
        socket.on('error', () => undefined);
        socket.resume();
      }),
      SILENT,
      port,
    );
  }

  // Soft 404: every path is the home page with status 200.
  await listen(
    createHttpsServer(tlsOptions, (_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html' }).end(HOME);
    }),
    SOFT404,
    443,
  );
  // A real leak of /.git/HEAD; everything else 404.
  await listen(
    createHttpsServer(tlsOptions, (request, response) => {
      if (request.url === '/.git/HEAD') response.writeHead(200, { 'content-type': 'text/plain' }).end('ref: refs/heads/main\n');
      else if (request.url === '/phpinfo.php') {
        response.writeHead(200, { 'content-type': 'text/html' });
        response.end(`<!DOCTYPE html><html><head><style>${'body {color: #222;}\n'.repeat(200)}</style><title>PHP 8.2.7 - phpinfo()</title></head><body></body></html>`);
      } else if (request.url === '/.well-known/security.txt') {
        response.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end('Contact: mailto:security@exposed.test\n');
      } else response.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Not found</h1>');
    }),
    EXPOSED,
    443,
  );
});

afterAll(async () => {
  await Promise.all(closers.map((close) => close()));
});

describe('fetchChain: redirects', () => {
  it('follows http -> https, records every hop with address, headers and TLS, and sends SNI', async () => {
    const chain = await fetchChain('http://shop.test/', ctx);
    expect(chain.error).toBeUndefined();
    expect(chain.hops.map((hop) => [hop.url, hop.status])).toEqual([
      ['http://shop.test/', 301],
      ['https://shop.test/', 200],
    ]);
    const [first, second] = chain.hops;
    expect(first?.address).toBe(SHOP);
    expect(first?.tls).toBeUndefined();
    expect(second?.tls?.protocol).toBe('TLSv1.3');
    expect(second?.tls?.cipher).toMatch(/^TLS_AES_|^TLS_CHACHA20/);
    expect(sniSeen).toContain('shop.test');
    expect(chain.body).toBe(HOME);
    expect(chain.bodyBytes).toBe(Buffer.byteLength(HOME));
    expect(chain.bodyTruncated).toBe(false);
    // Our request: plain User-Agent, no compression.
    const headers = second?.headers ?? [];
    expect(headers).toContainEqual(['x-ua', 'Weerbaar/0.1 (security scan)']);
    expect(headers).toContainEqual(['x-ae', 'identity']);
  });

  it('keeps repeated Set-Cookie headers, in order, with lower-cased names', async () => {
    const chain = await fetchChain('https://shop.test/', ctx);
    const cookies = chain.hops[0]?.headers.filter(([name]) => name === 'set-cookie').map(([, value]) => value);
    expect(cookies).toEqual(['a=1; Secure', 'b=2; HttpOnly', 'a=3; Path=/x']);
    expect(chain.hops[0]?.headers).toContainEqual(['strict-transport-security', 'max-age=31536000']);
  });

  it('resolves a relative Location against the current URL and drops the fragment', async () => {
    const chain = await fetchChain('https://shop.test/rel', ctx);
    expect(chain.hops.map((hop) => hop.url)).toEqual(['https://shop.test/rel', 'https://shop.test/next?x=1']);
    expect(chain.body).toBe('arrived');
  });

  it('stops a redirect loop when a URL comes back', async () => {
    const chain = await fetchChain('https://shop.test/loop-a', ctx);
    expect(chain.error?.kind).toBe('redirect-loop');
    expect(chain.hops).toHaveLength(2);
  });

  it('follows at most 10 redirects (11 requests), then reports too-many-redirects', async () => {
    const chain = await fetchChain('https://shop.test/hop/0', ctx);
    expect(chain.error?.kind).toBe('too-many-redirects');
    expect(chain.hops).toHaveLength(11);
    expect(chain.hops.at(-1)?.url).toBe('https://shop.test/hop/10');
    const short = await fetchChain('https://shop.test/hop/0', ctx, { maxRedirects: 2 });
    expect(short.error?.kind).toBe('too-many-redirects');
    expect(short.hops).toHaveLength(3);
  });

  it('refuses non-web and malformed Locations', async () => {
    const js = await fetchChain('https://shop.test/js', ctx);
    expect(js.error?.kind).toBe('invalid-redirect');
    expect(js.hops).toHaveLength(1);
    const malformed = await fetchChain('https://shop.test/malformed', ctx);
    expect(malformed.error?.kind).toBe('invalid-redirect');
    expect(malformed.error?.message).toContain('malformed');
  });

  it('follows a redirect to another host through the resolver', async () => {
    const chain = await fetchChain('http://shop.test/to-other', ctx);
    expect(chain.hops.map((hop) => hop.url)).toEqual(['http://shop.test/to-other', 'https://other.test/']);
    expect(chain.hops[1]?.status).toBe(200);
    expect(sniSeen).toContain('other.test');
  });
});

describe('fetchChain: TLS is recorded, not enforced', () => {
  it('still fetches when the certificate is untrusted or names another host', async () => {
    const untrusted = await fetchChain('https://shop.test/', makeContext(pki, undefined, []));
    expect(untrusted.hops[0]?.status).toBe(200);
    const mismatch = await fetchChain('https://mismatch.test/', ctx);
    expect(mismatch.hops[0]?.status).toBe(200);
    expect(sniSeen).toContain('mismatch.test');
  });
});

describe('fetchChain: the private-address policy', () => {
  it('records refused-private when every address of a host is private', async () => {
    const chain = await fetchChain('https://private.test/', ctx);
    expect(chain.error?.kind).toBe('refused-private');
    expect(chain.hops[0]?.error?.message).toContain('10.1.2.3');
  });

  it('applies it to redirect targets, names and IP literals alike', async () => {
    const byName = await fetchChain('https://shop.test/to-private', ctx);
    expect(byName.error?.kind).toBe('refused-private');
    expect(byName.hops).toHaveLength(2);
    const byIp = await fetchChain('https://shop.test/to-ip', ctx);
    expect(byIp.error?.kind).toBe('refused-private');
    expect(byIp.hops[1]?.error?.message).toContain('10.9.8.7');
  });

  it('reports a name without addresses as dns', async () => {
    const chain = await fetchChain('https://nowhere.test/', ctx);
    expect(chain.error?.kind).toBe('dns');
    expect(chain.error?.message).toContain('NXDOMAIN');
  });

  it('connects to the pinned address instead of resolving', async () => {
    // closed.test resolves to an address with nothing listening; the pin goes to the shop.
    const refused = await fetchChain('https://closed.test/', ctx);
    expect(refused.error?.kind).toBe('connect');
    const pinned = await fetchChain('https://shop.test/', ctx, { pinnedAddress: SHOP });
    expect(pinned.hops[0]?.address).toBe(SHOP);
    expect(pinned.hops[0]?.status).toBe(200);
  });
});

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
      expect(probe.status).toBe(200);
      expect(probe.snippet).toBe(HOME);
      expect(probe.title).toBe('Shop');
      expect(probe.contentType).toBe('text/html');
    }
  });

  it('records the real content of an exposed /.git/HEAD, a late phpinfo() title and 404s elsewhere', async () => {
    const evidence = await probePaths('exposed.test', ctx);
    expect(evidence.securityTxt.body).toContain('Contact:');
    const byPath = new Map(evidence.exposure.map((probe) => [probe.path, probe]));
    expect(byPath.get('/.git/HEAD')).toMatchObject({ status: 200, snippet: 'ref: refs/heads/main\n', contentType: 'text/plain' });
    const phpinfo = byPath.get('/phpinfo.php');
    expect(phpinfo?.title).toBe('PHP 8.2.7 - phpinfo()');
    expect(Buffer.byteLength(phpinfo?.snippet ?? '')).toBeLessThanOrEqual(512);
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
