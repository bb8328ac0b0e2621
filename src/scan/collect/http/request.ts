/**
 * One bounded GET to one address: the building block of fetchChain and probePaths.
 *
 * undici's Client connects to the URL's origin; our `connect` wrapper swaps the
 * hostname for the address our own resolver chose (so the private-address policy
 * holds and nothing resolves behind our back) while SNI and the Host header keep
 * the real hostname. Certificates are not verified here: trust is judged by the TLS
 * checks, and we still want the headers of a site with a broken certificate.
 */
import { isIP, type Socket } from 'node:net';
import { createSecureContext, type TLSSocket } from 'node:tls';
import { performance } from 'node:perf_hooks';
import { Client, buildConnector } from 'undici';
import { once } from '../../../core/once.js';
import type { BodyIncomplete, FetchHop } from '../../evidence/index.js';
import type { CollectContext } from '../context.js';
import { classifyError, describeBrokenBody, type ErrorPhase } from './errors.js';

export const USER_AGENT = 'Weerbaar/0.1 (security scan)';

/**
 * Trust is judged by the TLS prober, not here: we want the headers even behind a bad
 * certificate, so no CA list is needed. Old protocols are offered too: a shop that only
 * speaks TLS 1.0 still has headers to judge (its protocol is judged by web.tls.version,
 * not by whether we could read the page). One context for every request: building one
 * per connection was a tenth of a scan's CPU.
 */
const httpsContext = once(() => createSecureContext({ minVersion: 'TLSv1', ciphers: 'DEFAULT:@SECLEVEL=0' }));

type Connector = ReturnType<typeof buildConnector>;
const connectors = new WeakMap<CollectContext, Connector>();

/**
 * One connector per scan, so its TLS session cache lets the scan's later connections to a
 * host resume the first one's session instead of a full handshake (about 35 per web scan).
 */
function connectorFor(ctx: CollectContext): Connector {
  let connector = connectors.get(ctx);
  if (!connector) {
    connector = buildConnector({ timeout: ctx.limits.connectTimeoutMs, rejectUnauthorized: false, maxCachedSessions: 100, secureContext: httpsContext() });
    connectors.set(ctx, connector);
  }
  return connector;
}

export interface SingleRequest {
  url: URL;
  /** The IP address to connect to. */
  address: string;
  ctx: CollectContext;
  maxBodyBytes: number;
  /** Whether the body of a response with this status is wanted; otherwise it is not read at all. */
  wantBody: (status: number) => boolean;
}

export interface SingleResponse {
  hop: FetchHop;
  body: Buffer;
  bodyTruncated: boolean;
  /** Why the body is not the whole answer (set whenever bodyTruncated is). */
  bodyIncomplete?: BodyIncomplete;
}


/** URL hostnames keep IPv6 brackets; sockets and our resolver want them without. */
export function bareHost(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1');
}

function firstRawHeader(hop: FetchHop, name: string): string | undefined {
  return hop.headers.find(([key]) => key === name)?.[1];
}

function pairs(raw: string[]): [string, string][] {
  const out: [string, string][] = [];
  for (let i = 0; i + 1 < raw.length; i += 2) out.push([(raw[i] ?? '').toLowerCase(), raw[i + 1] ?? '']);
  return out;
}

async function readCapped(
  body: AsyncIterable<Buffer>,
  cap: number,
  whyBroken: (error: unknown, received: number) => string,
): Promise<{ body: Buffer; incomplete?: BodyIncomplete }> {
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of body) {
      if (total + chunk.length > cap) {
        chunks.push(chunk.subarray(0, cap - total));
        total = cap;
        // Leaving the loop destroys the stream; the caller then destroys the client,
        // so an endless or huge body costs about `cap` bytes and no more waiting.
        return { body: Buffer.concat(chunks, total), incomplete: { kind: 'cap', message: `the body is larger than ${cap} bytes; only the first ${cap} were read` } };
      }
      chunks.push(chunk);
      total += chunk.length;
    }
    return { body: Buffer.concat(chunks, total) };
  } catch (error) {
    // Timed out, cut off or malformed mid-body: keep what arrived, marked incomplete with the reason.
    return { body: Buffer.concat(chunks, total), incomplete: { kind: 'broken', message: whyBroken(error, total) } };
  }
}

export async function requestOnce(request: SingleRequest): Promise<SingleResponse> {
  const { url, address, ctx, maxBodyBytes } = request;
  const { limits } = ctx;
  const started = performance.now();
  const https = url.protocol === 'https:';
  const hostname = bareHost(url);
  const hop: FetchHop = { url: url.href, address, headers: [], durationMs: 0 };
  const phase: ErrorPhase = {
    tcpConnected: false,
    secured: false,
    https,
    timedOut: false,
    scanAborted: false,
    connectTimeoutMs: limits.connectTimeoutMs,
    requestTimeoutMs: limits.requestTimeoutMs,
    maxHeaderBytes: limits.maxHeaderBytes,
  };
  const finish = (result: Omit<SingleResponse, 'hop'>): SingleResponse => {
    hop.durationMs = Math.round(performance.now() - started);
    return { hop, ...result };
  };

  if (ctx.signal.aborted) {
    phase.scanAborted = true;
    hop.error = classifyError(ctx.signal.reason, phase);
    return finish({ body: Buffer.alloc(0), bodyTruncated: false });
  }

  const controller = new AbortController();
  const timer = setTimeout(() => {
    phase.timedOut = true;
    controller.abort(new Error('request timeout'));
  }, limits.requestTimeoutMs);
  const onScanAbort = (): void => {
    phase.scanAborted = true;
    controller.abort(new Error('scan aborted'));
  };
  ctx.signal.addEventListener('abort', onScanAbort, { once: true });

  const baseConnect = connectorFor(ctx);
  const client = new Client(url.origin, {
    maxHeaderSize: limits.maxHeaderBytes,
    headersTimeout: limits.requestTimeoutMs,
    bodyTimeout: limits.requestTimeoutMs,
    pipelining: 1,
    connect(options, callback) {
      const socket = baseConnect(
        // SNI must be the hostname, never an IP literal (RFC 6066 forbids that).
        { ...options, hostname: address, servername: isIP(hostname) ? '' : hostname },
        (error, connected) => {
          if (connected) {
            phase.secured = https;
            phase.tcpConnected = true;
            if (https) {
              const tlsSocket = connected as TLSSocket;
              hop.tls = { protocol: tlsSocket.getProtocol() ?? 'unknown', cipher: tlsSocket.getCipher()?.name ?? 'unknown' };
            }
            callback(null, connected);
          } else {
            callback(error ?? new Error('connect failed'), null);
          }
        },
      ) as unknown as Socket | undefined;
      // buildConnector returns the socket synchronously; its 'connect' event tells a refused
      // TCP connection apart from a failed TLS handshake.
      socket?.once('connect', () => {
        phase.tcpConnected = true;
      });
    },
  });

  try {
    const response = await client.request({
      method: 'GET',
      path: `${url.pathname}${url.search}`,
      headers: { 'user-agent': USER_AGENT, 'accept-encoding': 'identity', accept: '*/*' },
      signal: controller.signal,
      responseHeaders: 'raw',
      reset: true,
    });
    hop.status = response.statusCode;
    hop.headers = pairs(response.headers as unknown as string[]);
    // Destroying an unfinished body makes undici emit an abort error; it is expected here.
    response.body.on('error', () => undefined);
    if (!request.wantBody(response.statusCode)) {
      response.body.destroy();
      return finish({ body: Buffer.alloc(0), bodyTruncated: false });
    }
    const announced = firstRawHeader(hop, 'content-length');
    const read = await readCapped(response.body, maxBodyBytes, (error, received) => describeBrokenBody(error, phase, received, announced));
    return finish({ body: read.body, bodyTruncated: read.incomplete !== undefined, ...(read.incomplete ? { bodyIncomplete: read.incomplete } : {}) });
  } catch (error) {
    hop.error = classifyError(error, phase);
    return finish({ body: Buffer.alloc(0), bodyTruncated: false });
  } finally {
    clearTimeout(timer);
    ctx.signal.removeEventListener('abort', onScanAbort);
    await client.destroy().catch(() => undefined);
  }
}
