/**
 * Helpers for tests that run `weerbaar serve` / `worker` / `admin` as real processes
 * (so they can be signalled and killed -9): the CLI is started from source through tsx,
 * so the tests need no build. Also a slow loopback site with its DNS server (a scan of
 * it takes seconds, long enough to kill its worker mid-scan), seed rows for a scan, and
 * a small HTTP client that keeps cookies and can send from a chosen loopback address.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import http from 'node:http';
import type { Socket } from 'node:net';
import type { Kysely } from 'kysely';
import { queuedScan } from '../src/jobs/scan-service.js';
import { createUser } from '../src/accounts/users.js';
import { createOrg } from '../src/orgs/data.js';
import { newId, nowIso } from '../src/db/ids.js';
import type { Database } from '../src/db/schema.js';
import { startDnsServer, type DnsTestServer } from './fixtures/dns-server.js';

const ENTRY = "import('./src/cli/main.ts').then(async (m) => { process.exitCode = await m.main(process.argv.slice(1)); })";

export interface CliProcess {
  child: ChildProcess;
  pid: number;
  /** stdout and stderr so far. */
  output(): string;
  /** Resolves with the first log line whose text matches, or rejects when the process exits first. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<string>;
  /** The exit code (or 128+signal number). */
  exited: Promise<number>;
}

/** Run the weerbaar CLI from source in a child process (cwd: the repository). */
export function runCli(args: string[], env: Record<string, string | undefined> = {}, options: { stdin?: string } = {}): CliProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', '-e', ENTRY, ...args], {
    cwd: new URL('..', import.meta.url).pathname,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, WEERBAAR_LOG_LEVEL: 'info', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let text = '';
  const waiters: { pattern: RegExp; resolve: (line: string) => void }[] = [];
  const onData = (chunk: Buffer): void => {
    text += chunk.toString('utf8');
    for (const waiter of [...waiters]) {
      const line = text.split('\n').find((candidate) => waiter.pattern.test(candidate));
      if (line !== undefined) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(line);
      }
    }
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  if (options.stdin !== undefined) child.stdin?.end(options.stdin);
  const exited = new Promise<number>((resolve) => {
    child.on('exit', (code, signal) => resolve(code ?? 128 + (signal === 'SIGKILL' ? 9 : signal === 'SIGTERM' ? 15 : 2)));
  });
  return {
    child,
    pid: child.pid ?? -1,
    output: () => text,
    exited,
    waitFor: (pattern, timeoutMs = 30_000) =>
      new Promise<string>((resolve, reject) => {
        const line = text.split('\n').find((candidate) => pattern.test(candidate));
        if (line !== undefined) return resolve(line);
        const timer = setTimeout(() => reject(new Error(`timed out waiting for ${pattern}; output:\n${text}`)), timeoutMs);
        waiters.push({ pattern, resolve: (found) => (clearTimeout(timer), resolve(found)) });
        void exited.then((code) => {
          clearTimeout(timer);
          reject(new Error(`process exited (${code}) before ${pattern}; output:\n${text}`));
        });
      }),
  };
}

/** Start `weerbaar serve` and wait until it logs its URL. */
export async function startServeProcess(args: string[], env: Record<string, string | undefined>): Promise<CliProcess & { url: string }> {
  const server = runCli(['serve', ...args], env);
  const line = await server.waitFor(/Weerbaar is running at/, 60_000);
  const url = (JSON.parse(line) as { url: string }).url;
  return { ...server, url };
}

/** SIGTERM, then the exit code; SIGKILL if it does not stop in time. */
export async function stopProcess(cli: CliProcess, timeoutMs = 20_000): Promise<number> {
  if (cli.child.exitCode !== null || cli.child.signalCode !== null) return cli.exited;
  cli.child.kill('SIGTERM');
  const timer = setTimeout(() => cli.child.kill('SIGKILL'), timeoutMs);
  const code = await cli.exited;
  clearTimeout(timer);
  return code;
}

export async function waitUntil<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 60_000, everyMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

export const SLOW_DOMAIN = 'slow.test';

export interface SlowSite {
  dns: DnsTestServer;
  /** Environment for serve/worker so they scan through this DNS server and allow loopback targets. */
  scanEnv: Record<string, string>;
  /** Requests answered or waiting so far. */
  requests(): number;
  /** How long each HTTP answer waits (ms); Infinity holds every answer until changed. */
  setStall(ms: number): void;
  close(): Promise<void>;
}

/**
 * A web site on address:80 whose every answer waits `stallMs` (no HTTPS: that port is
 * closed), and a DNS server on dnsAddress:53 that points slow.test and www.slow.test at it.
 */
export async function startSlowSite(address: string, dnsAddress: string, stallMs: number): Promise<SlowSite> {
  let stall = stallMs;
  let count = 0;
  const held = new Set<() => void>();
  const sockets = new Set<Socket>();
  const server = http.createServer((_request, response) => {
    count++;
    const answer = (): void => {
      held.delete(answer);
      if (!response.destroyed) {
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        response.end('<!doctype html><html><head><title>Slow shop</title></head><body>slow</body></html>');
      }
    };
    held.add(answer);
    if (Number.isFinite(stall)) setTimeout(answer, stall);
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.listen(80, address);
  await once(server, 'listening');
  const dns = await startDnsServer({
    address: dnsAddress,
    port: 53,
    records: [
      { name: 'test', type: 'SOA', data: { mname: 'ns.test', rname: 'hostmaster.test', serial: 1, refresh: 3600, retry: 600, expire: 86400, minimum: 300 } },
      { name: SLOW_DOMAIN, type: 'A', data: address },
      { name: `www.${SLOW_DOMAIN}`, type: 'A', data: address },
    ],
  });
  return {
    dns,
    scanEnv: { WEERBAAR_SCAN_RESOLVER: dnsAddress, WEERBAAR_SCAN_ALLOW_PRIVATE: '1', WEERBAAR_SCAN_TIMEOUT: '30' },
    requests: () => count,
    setStall: (ms) => {
      stall = ms;
      if (Number.isFinite(ms)) for (const answer of [...held]) setTimeout(answer, ms);
    },
    close: async () => {
      for (const socket of sockets) socket.destroy();
      server.close();
      await dns.close();
    },
  };
}

/** A user, an organisation, its domain, and one queued scan of target; returns the scan id. */
export async function seedQueuedScan(db: Kysely<Database>, target: string): Promise<string> {
  const user = await createUser(db, { email: `owner-${newId().slice(0, 8)}@example.org`, displayName: 'Owner', password: 'correct horse battery 42' });
  const org = await createOrg(db, { name: 'Slow Shop', kind: 'webshop', ownerId: user.id });
  const domainId = newId();
  await db.insertInto('domains').values({ id: domainId, org_id: org.id, name: target, created_at: nowIso(), created_by: user.id }).execute();
  const scan = queuedScan({ orgId: org.id, domainId, target, requestedBy: user.id });
  await db.insertInto('scans').values(scan).execute();
  return scan.id;
}

export interface HttpAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A browser-like client over real HTTP: keeps cookies, fills in the CSRF token, optionally from a chosen local address. */
export class HttpClient {
  readonly cookies = new Map<string, string>();
  csrf: string | undefined;

  constructor(
    readonly baseUrl: string,
    readonly localAddress?: string,
  ) {}

  request(method: string, path: string, body?: string, headers: Record<string, string> = {}): Promise<HttpAnswer> {
    const url = new URL(path, this.baseUrl);
    return new Promise((resolve, reject) => {
      const request = http.request(
        url,
        {
          method,
          agent: false,
          ...(this.localAddress ? { localAddress: this.localAddress } : {}),
          headers: {
            ...(this.cookies.size > 0 ? { cookie: [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ') } : {}),
            ...(body !== undefined ? { 'content-type': 'application/x-www-form-urlencoded', 'content-length': String(Buffer.byteLength(body)) } : {}),
            ...headers,
          },
        },
        (response) => {
          let text = '';
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => (text += chunk));
          response.on('end', () => {
            for (const cookie of response.headers['set-cookie'] ?? []) {
              const [pair] = cookie.split(';');
              const cut = pair?.indexOf('=') ?? -1;
              if (pair && cut > 0) this.cookies.set(pair.slice(0, cut), pair.slice(cut + 1));
            }
            const token = /name="_csrf" value="([^"]+)"/.exec(text)?.[1];
            if (token) this.csrf = token;
            resolve({ status: response.statusCode ?? 0, headers: response.headers, body: text });
          });
          response.on('error', reject);
        },
      );
      request.on('error', reject);
      request.end(body);
    });
  }

  get(path: string): Promise<HttpAnswer> {
    return this.request('GET', path);
  }

  /** A form post with the CSRF token of the last page. */
  post(path: string, fields: Record<string, string>): Promise<HttpAnswer> {
    return this.request('POST', path, this.form(fields));
  }

  form(fields: Record<string, string>): string {
    return new URLSearchParams({ ...fields, ...(this.csrf ? { _csrf: this.csrf } : {}) }).toString();
  }
}
