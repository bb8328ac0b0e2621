/**
 * Bodies that stop arriving and header blocks browsers still accept (issue 14), against a
 * raw TLS server on 127.0.114.1 that answers exactly the bytes each case needs: a body cut
 * short of its Content-Length, a chunked body that breaks midway, a drip until the timeout,
 * 150 KB and 300 KB of headers, and a security.txt only at the legacy /security.txt.
 */
import { createServer as createTlsServer, type TLSSocket } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, type CollectContext } from '../src/scan/collect/context.js';
import { fetchChain } from '../src/scan/collect/http/fetch.js';
import { probePaths } from '../src/scan/collect/http/paths.js';
import { collectCrawl } from '../src/scan/collect/privacy/crawl.js';
import { statementLinked } from '../src/scan/checks/privacy/linked.js';
import type { ScanEvidence } from '../src/scan/evidence/index.js';
import { testPki } from './fixtures/pki.js';
import { LIMITS, resolved } from './http/fixture.js';

const CUT = '127.0.114.1';
const PAGE = '<html><head><title>Shop</title></head><body><a href="/privacy">Privacy</a></body></html>';
const ABOUT = '<html><head><title>About</title></head><body><p>We sell mugs.</p></body></html>';
const SECURITY_TXT = 'Contact: mailto:security@cut.test\nExpires: 2099-01-01T00:00:00Z\n';

let ctx: CollectContext;
let server: ReturnType<typeof createTlsServer>;
const sockets = new Set<TLSSocket>();

function bigHeaders(bytes: number): string {
  const line = `X-Pad: ${'p'.repeat(990)}\r\n`;
  return line.repeat(Math.ceil(bytes / line.length));
}

/** What the server writes for a request path; `cut` ends the connection abruptly after writing. */
function answer(path: string, socket: TLSSocket): void {
  const head = (extra: string): string => `HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n${extra}\r\n`;
  switch (path) {
    case '/short':
      socket.write(head('Content-Length: 10000\r\n') + PAGE.slice(0, 40));
      setTimeout(() => socket.destroy(), 50);
      return;
    case '/chunked-broken':
      socket.write(head('Transfer-Encoding: chunked\r\n') + `28\r\n${PAGE.slice(0, 40)}\r\nzz-not-a-size\r\n`);
      setTimeout(() => socket.destroy(), 200);
      return;
    case '/drip': {
      socket.write(head('Transfer-Encoding: chunked\r\n'));
      const timer = setInterval(() => socket.writable && socket.write('1\r\n.\r\n'), 100);
      socket.on('close', () => clearInterval(timer));
      return;
    }
    case '/whole':
      socket.end(head(`Content-Length: ${PAGE.length}\r\n`) + PAGE);
      return;
    case '/headers-150k':
      socket.end(`HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n${bigHeaders(150 * 1024)}Content-Length: ${PAGE.length}\r\n\r\n${PAGE}`);
      return;
    case '/headers-300k':
      socket.end(`HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n${bigHeaders(300 * 1024)}Content-Length: ${PAGE.length}\r\n\r\n${PAGE}`);
      return;
    case '/':
      // The home page of a shop whose server cuts it off: a link to /about arrived, the footer never did.
      socket.write(head('Content-Length: 10000\r\n') + '<html><head><title>Shop</title></head><body><a href="/about">About us</a>');
      setTimeout(() => socket.destroy(), 50);
      return;
    case '/about':
      socket.end(head(`Content-Length: ${ABOUT.length}\r\n`) + ABOUT);
      return;
    case '/security.txt':
      socket.end(`HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${SECURITY_TXT.length}\r\n\r\n${SECURITY_TXT}`);
      return;
    default:
      socket.end('HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\nContent-Length: 9\r\n\r\nnot found');
  }
}

beforeAll(async () => {
  const pki = await testPki();
  const leaf = await pki.issue({ names: ['cut.test'] });
  server = createTlsServer({ key: leaf.keyPem, cert: leaf.chainPem }, (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    let received = '';
    socket.on('data', (data: Buffer) => {
      received += data.toString('latin1');
      if (!received.includes('\r\n\r\n')) return;
      const path = /^GET (\S+) /.exec(received)?.[1] ?? '/';
      received = '';
      answer(path, socket);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(443, CUT, () => resolve());
  });
  ctx = {
    dns: undefined as unknown as CollectContext['dns'],
    resolveHost: async (host) => Promise.resolve(host === 'cut.test' ? resolved([CUT]) : resolved([], [], 'NXDOMAIN')),
    allowPrivate: false,
    ca: [pki.root.certPem],
    limits: { ...LIMITS, maxHeaderBytes: DEFAULT_LIMITS.maxHeaderBytes },
    signal: new AbortController().signal,
  };
});

afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('fetchChain: a body that stops arriving is marked incomplete, with the reason', () => {
  it('a connection closed before the announced Content-Length', async () => {
    const chain = await fetchChain('https://cut.test/short', ctx);
    expect(chain.error).toBeUndefined();
    expect(chain.hops[0]?.status).toBe(200);
    expect(chain.bodyTruncated).toBe(true);
    expect(chain.bodyIncomplete?.kind).toBe('broken');
    expect(chain.bodyIncomplete?.message).toMatch(/closed after 40 of the 10000 announced bytes/);
  });

  it('a chunked encoding that breaks midway', async () => {
    const chain = await fetchChain('https://cut.test/chunked-broken', ctx);
    expect(chain.hops[0]?.status).toBe(200);
    expect(chain.bodyTruncated).toBe(true);
    expect(chain.bodyIncomplete?.kind).toBe('broken');
    expect(chain.bodyIncomplete?.message).toMatch(/chunked encoding/);
  });

  it('a body that drips until the request deadline', async () => {
    const chain = await fetchChain('https://cut.test/drip', ctx);
    expect(chain.hops[0]?.status).toBe(200);
    expect(chain.bodyIncomplete?.kind).toBe('broken');
    expect(chain.bodyIncomplete?.message).toMatch(new RegExp(`did not finish arriving within ${LIMITS.requestTimeoutMs} ms`));
  });

  it('a whole body is not marked', async () => {
    const chain = await fetchChain('https://cut.test/whole', ctx);
    expect(chain.body).toBe(PAGE);
    expect(chain.bodyTruncated).toBe(false);
    expect(chain.bodyIncomplete).toBeUndefined();
  });

  it('a body over the byte cap is marked as capped, not broken', async () => {
    const capped = { ...ctx, limits: { ...ctx.limits, maxBodyBytes: 20 } };
    const chain = await fetchChain('https://cut.test/whole', capped);
    expect(chain.bodyIncomplete).toEqual({ kind: 'cap', message: 'the body is larger than 20 bytes; only the first 20 were read' });
  });
});

describe('fetchChain: header blocks', () => {
  it('reads 150 KB of headers, as browsers do', async () => {
    const chain = await fetchChain('https://cut.test/headers-150k', ctx);
    expect(chain.error).toBeUndefined();
    expect(chain.hops[0]?.status).toBe(200);
    expect(chain.body).toBe(PAGE);
  });

  it('names 300 KB of headers as too large, with the limit browsers keep', async () => {
    const chain = await fetchChain('https://cut.test/headers-300k', ctx);
    expect(chain.error).toEqual({ kind: 'headers-too-large', message: 'the response headers are larger than 256 KB, more than browsers accept' });
  });
});

describe('probePaths: security.txt at the legacy location', () => {
  it('fetches /security.txt when /.well-known/security.txt is missing', async () => {
    const paths = await probePaths('cut.test', ctx);
    expect(paths.securityTxt.hops.at(-1)?.status).toBe(404);
    expect(paths.securityTxtLegacy?.hops.at(-1)?.status).toBe(200);
    expect(paths.securityTxtLegacy?.body).toBe(SECURITY_TXT);
  });
});

describe('the privacy crawl: a home page cut short', () => {
  it('follows the links that arrived, marks the page incomplete, and concludes no "no privacy statement"', async () => {
    const crawl = await collectCrawl('cut.test', ctx, { maxPages: 5 });
    expect(crawl.pages?.map((page) => page.url)).toEqual(['https://cut.test/', 'https://cut.test/about']);
    expect(crawl.pages?.[0]?.incomplete).toMatch(/connection closed after \d+ of the 10000 announced bytes/);
    expect(crawl.pages?.[1]?.incomplete).toBeUndefined();
    const verdict = statementLinked.run({ target: 'cut.test', collectedAt: '', privacy: { crawl } } as unknown as ScanEvidence, { now: new Date() });
    expect(verdict.status).toBe('error');
    expect(verdict.summary.key).toBe('noStatementIncomplete');
  });
});
