/**
 * The browser's only way out: a small HTTP proxy in the scanner itself. Chromium is started
 * with this proxy and a host-resolver that resolves nothing, so every connection a page asks
 * for comes here, where the name is resolved through the scan's own DNS client and policy
 * (context.resolveHost: --resolver, private-address refusal) before we connect. A page
 * therefore cannot make the browser reach an address the scan itself would refuse.
 *
 * CONNECT (https, wss) is tunnelled as bytes; plain http requests are forwarded one per
 * connection (`Connection: close`), so a reused proxy connection never reaches the wrong host.
 */
import * as net from 'node:net';
import type { BlockedRequest } from '../../evidence/privacy-browser.js';
import type { CollectContext } from '../context.js';

export interface BrowserProxy {
  /** `http://address:port` for Chromium's --proxy-server. */
  url: string;
  address: string;
  blocked: BlockedRequest[];
  /** Hosts the proxy let the page reach (on some port); a blocked host not in here was never contacted. */
  allowed: ReadonlySet<string>;
  /** Set when the page received more than the proxy passes; the connections were cut there. */
  readonly cut: { limitBytes: number } | undefined;
  close(): Promise<void>;
}

/**
 * What the proxy passes back to the browser, as sent (tunnelled TLS cannot be inflated here;
 * a compressed bomb is the memory watchdog's, browser-process.ts). Far above any real shop's
 * home page, far below what makes the browser a memory problem.
 */
export const MAX_CONNECTION_BYTES = 32 * 1024 ** 2;
export const MAX_TOTAL_BYTES = 64 * 1024 ** 2;

/** Pages may only reach the web ports, as the rest of the scan does. */
const ALLOWED_PORTS = new Set([80, 443]);
const MAX_HEAD_BYTES = 65_536;
const MAX_BLOCKED = 200;
const MAX_CONNECTIONS = 256;

/** Split `host:port` (IPv6 in brackets) with a default port. */
function splitHostPort(authority: string, defaultPort: number): { host: string; port: number } | undefined {
  const match = /^(?:\[([^\]]+)\]|([^:\s]+))(?::(\d{1,5}))?$/.exec(authority);
  if (!match) return undefined;
  const host = (match[1] ?? match[2] ?? '').toLowerCase();
  const port = match[3] ? Number(match[3]) : defaultPort;
  return host && port > 0 && port < 65_536 ? { host, port } : undefined;
}

/**
 * Whether the page (not the browser's own machinery: updates, safe browsing, preconnects)
 * asked for this host; resolves false when it did not within a short wait.
 */
export type RequestedByPage = (host: string) => Promise<boolean>;

export async function startBrowserProxy(
  context: CollectContext,
  requestedByPage: RequestedByPage,
  listenAddress = '127.0.0.1',
): Promise<BrowserProxy> {
  const blocked: BlockedRequest[] = [];
  const allowed = new Set<string>();
  const sockets = new Set<net.Socket>();
  let cut: { limitBytes: number } | undefined;
  let totalBytes = 0;

  /** Count what upstream sends; past a cap, end that connection (or all of them) and remember the cut. */
  const meter = (upstream: net.Socket): void => {
    let connectionBytes = 0;
    upstream.on('data', (chunk: Buffer) => {
      connectionBytes += chunk.length;
      totalBytes += chunk.length;
      if (totalBytes > MAX_TOTAL_BYTES) {
        cut ??= { limitBytes: MAX_TOTAL_BYTES };
        for (const socket of sockets) socket.destroy();
      } else if (connectionBytes > MAX_CONNECTION_BYTES) {
        cut ??= { limitBytes: MAX_CONNECTION_BYTES };
        upstream.destroy();
      }
    });
  };

  const block = (host: string, port: number, reason: string): undefined => {
    if (blocked.length < MAX_BLOCKED && !blocked.some((entry) => entry.host === host && entry.port === port)) blocked.push({ host, port, reason });
    return undefined;
  };

  /** The address to connect to for host:port, or undefined (and recorded) when the policy says no. */
  const addressFor = async (host: string, port: number): Promise<string | undefined> => {
    // Chromium's own traffic is refused silently: it is not the page's doing.
    if (!(await requestedByPage(host))) return undefined;
    if (!ALLOWED_PORTS.has(port)) return block(host, port, `port ${port} is not a web port`);
    try {
      // Always through the scan's resolver and policy (cached per scan, so names the scan already resolved cost nothing).
      const result = await context.resolveHost(host);
      const usable = result.usable[0];
      if (usable) {
        allowed.add(host);
        return usable;
      }
      const refused = result.refused[0];
      return block(host, port, refused ? `${refused.address} is a ${refused.range} address, which the scan does not connect to` : 'the name does not resolve');
    } catch (error) {
      return block(host, port, `the name could not be resolved (${error instanceof Error ? error.message : String(error)})`);
    }
  };

  const connectUpstream = (address: string, port: number): Promise<net.Socket | undefined> =>
    new Promise((resolve) => {
      const upstream = net.connect({ host: address, port, timeout: context.limits.connectTimeoutMs });
      const fail = (): void => {
        upstream.destroy();
        resolve(undefined);
      };
      upstream.once('connect', () => {
        upstream.setTimeout(0);
        upstream.off('error', fail);
        resolve(upstream);
      });
      upstream.once('timeout', fail);
      upstream.once('error', fail);
    });

  const handle = async (client: net.Socket, head: Buffer, rest: Buffer): Promise<void> => {
    const text = head.toString('latin1');
    const [requestLine = '', ...headerLines] = text.split('\r\n');
    const [method = '', target = ''] = requestLine.split(' ');
    const refuse = (status: string): void => {
      client.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    };
    if (method === 'CONNECT') {
      const authority = splitHostPort(target, 443);
      if (!authority) return refuse('400 Bad Request');
      const address = await addressFor(authority.host, authority.port);
      if (!address) return refuse('403 Forbidden');
      const upstream = await connectUpstream(address, authority.port);
      if (!upstream) return refuse('502 Bad Gateway');
      sockets.add(upstream);
      upstream.on('close', () => sockets.delete(upstream));
      meter(upstream);
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (rest.length > 0) upstream.write(rest);
      pipeBoth(client, upstream);
      return;
    }
    let url: URL;
    try {
      url = new URL(target);
    } catch {
      return refuse('400 Bad Request');
    }
    if (url.protocol !== 'http:') return refuse('400 Bad Request');
    const host = url.hostname.replace(/^\[(.*)\]$/, '$1').toLowerCase();
    const port = url.port ? Number(url.port) : 80;
    const address = await addressFor(host, port);
    if (!address) return refuse('403 Forbidden');
    const upstream = await connectUpstream(address, port);
    if (!upstream) return refuse('502 Bad Gateway');
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    const headers = headerLines.filter((line) => line !== '' && !/^(proxy-connection|connection|keep-alive)\s*:/i.test(line));
    meter(upstream);
    upstream.write(`${method} ${url.pathname}${url.search} HTTP/1.1\r\n${[...headers, 'Connection: close'].join('\r\n')}\r\n\r\n`);
    if (rest.length > 0) upstream.write(rest);
    pipeBoth(client, upstream);
  };

  const server = net.createServer((client) => {
    if (sockets.size >= MAX_CONNECTIONS) {
      client.destroy();
      return;
    }
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => client.destroy());
    let buffered = Buffer.alloc(0);
    const onData = (chunk: Buffer): void => {
      buffered = Buffer.concat([buffered, chunk]);
      const end = buffered.indexOf('\r\n\r\n');
      if (end === -1) {
        if (buffered.length > MAX_HEAD_BYTES) client.destroy();
        return;
      }
      client.off('data', onData);
      client.pause();
      void handle(client, buffered.subarray(0, end), buffered.subarray(end + 4)).catch(() => client.destroy());
    };
    client.on('data', onData);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, listenAddress, () => resolve());
  });
  const port = (server.address() as net.AddressInfo).port;
  return {
    url: `http://${listenAddress}:${port}`,
    address: listenAddress,
    blocked,
    allowed,
    get cut() {
      return cut;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

function pipeBoth(client: net.Socket, upstream: net.Socket): void {
  upstream.on('error', () => client.destroy());
  client.on('close', () => upstream.destroy());
  upstream.on('close', () => client.destroy());
  client.pipe(upstream);
  upstream.pipe(client);
  client.resume();
}
