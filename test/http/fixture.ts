/**
 * Real HTTP/HTTPS servers on 127.0.80.x for the fetchChain and probePaths suites:
 * a shop with redirects and cookies, a header flood, garbage, a silent server, a
 * closed port, a soft-404 site and one exposing /.git/HEAD.
 */
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { createServer as createNetServer, type Socket } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { afterAll, beforeAll } from 'vitest';
import type { CollectContext, ResolvedHost } from '../../src/scan/collect/context.js';
import { testPki, type TestPki } from '../fixtures/pki.js';

export const SHOP = '127.0.80.1';
export const FLOOD = '127.0.80.2';
export const GARBAGE = '127.0.80.3';
export const SILENT = '127.0.80.4';
export const CLOSED = '127.0.80.5';
export const SOFT404 = '127.0.80.6';
export const EXPOSED = '127.0.80.7';

export const NAMES: Record<string, string> = {
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

export const LIMITS = { connectTimeoutMs: 1_000, requestTimeoutMs: 1_500, maxBodyBytes: 1_048_576, maxHeaderBytes: 65_536, maxRedirects: 10 };

export function resolved(usable: string[], refused: ResolvedHost['refused'] = [], error?: string): ResolvedHost {
  return { usable, refused, evidence: { a: [...usable, ...refused.map((r) => r.address)], aaaa: [], cnames: [], ...(error ? { error } : {}) } };
}

export function makeContext(pki: TestPki, signal = new AbortController().signal, ca = [pki.root.certPem]): CollectContext {
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

export let pki: TestPki;
export let ctx: CollectContext;
export const closers: (() => Promise<void>)[] = [];
/** Server-side sockets still open, over every server: the client must close what it opens. */
export const openSockets = new Set<Socket>();
export const sniSeen: string[] = [];
export const bigBody = { bytesWritten: 0, closed: false };

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

export const HOME = '<!doctype html><html><head><title>Shop</title></head><body>Welcome to the shop</body></html>';

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

/** Start the loopback servers before a test file and stop them after it. */
export function useHttpFixtures(): void {
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
}
