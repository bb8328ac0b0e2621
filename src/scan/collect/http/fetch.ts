/**
 * fetchChain: GET a URL and follow its redirects ourselves, one recorded hop per
 * request, every host resolved through the scan's resolver (private-address policy)
 * and every request bounded in time, header size and body size.
 */
import { isIP } from 'node:net';
import type { FetchChain, FetchError, FetchHop } from '../../evidence/index.js';
import type { CollectContext } from '../context.js';
import { errorMessage } from '../../../core/errors.js';
import { bareHost, requestOnce, type SingleResponse } from './request.js';
import { classifyAddress } from '../../target.js';

export interface FetchChainOptions {
  /** Redirects to follow at most; default `ctx.limits.maxRedirects`. */
  maxRedirects?: number;
  /** Connect to this address for the first URL's host instead of resolving it (e.g. to test IPv6). */
  pinnedAddress?: string;
  /** Keep the last answer's raw bytes as `rawBody` when this says so (binary answers such as PDF files). */
  keepBytes?: (hop: FetchHop, body: Buffer) => boolean;
}

/** A chain that may also carry the last body's raw bytes. Not evidence: `rawBody` must never be stored. */
export interface FetchChainWithBytes extends FetchChain {
  /** The last body as received (at most the byte cap), before UTF-8 decoding; only when `keepBytes` asked for it. */
  rawBody?: Buffer;
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

export function isRedirect(hop: FetchHop): boolean {
  return hop.status !== undefined && REDIRECT_STATUSES.has(hop.status) && firstHeader(hop, 'location') !== undefined;
}

export function firstHeader(hop: FetchHop, name: string): string | undefined {
  return hop.headers.find(([key]) => key === name)?.[1];
}

type Addresses = { ok: true; addresses: string[] } | { ok: false; error: FetchError };

/** The addresses we may connect to for `host`, or why there are none. */
export async function addressesFor(host: string, ctx: CollectContext): Promise<Addresses> {
  if (isIP(host)) {
    // A literal IP in a URL (often a redirect target) gets the same private-address policy.
    const { allowed, range } = classifyAddress(host);
    if (!allowed && !ctx.allowPrivate) {
      return { ok: false, error: { kind: 'refused-private', message: `${host} is a ${range} address; not scanned` } };
    }
    return { ok: true, addresses: [host] };
  }
  try {
    const resolved = await ctx.resolveHost(host);
    if (resolved.usable.length > 0) return { ok: true, addresses: resolved.usable };
    if (resolved.refused.length > 0) {
      const list = resolved.refused.map((r) => `${r.address} (${r.range})`).join(', ');
      return { ok: false, error: { kind: 'refused-private', message: `${host} has only private or reserved addresses: ${list}; not scanned` } };
    }
    return { ok: false, error: { kind: 'dns', message: `${host} has no address${resolved.evidence.error ? `: ${resolved.evidence.error}` : ''}` } };
  } catch (error) {
    return { ok: false, error: { kind: 'dns', message: `could not resolve ${host}: ${errorMessage(error)}` } };
  }
}

/** Try the addresses in order, moving on only after a quick 'connect' failure (refused, unreachable). */
async function requestAny(url: URL, addresses: string[], ctx: CollectContext, wantBody: (status: number) => boolean): Promise<SingleResponse> {
  let last: SingleResponse | undefined;
  for (const address of addresses.slice(0, 3)) {
    try {
      last = await requestOnce({ url, address, ctx, maxBodyBytes: ctx.limits.maxBodyBytes, wantBody });
    } catch (error) {
      // requestOnce records network trouble itself; a throw is our bug, kept as evidence rather than a crash.
      const hop = { ...failedHop(url, { kind: 'protocol', message: `internal error: ${errorMessage(error)}` }), address };
      return { hop, body: Buffer.alloc(0), bodyTruncated: false };
    }
    if (last.hop.error?.kind !== 'connect') return last;
  }
  if (!last) throw new Error('requestAny needs at least one address');
  return last;
}

function withoutFragment(url: URL): URL {
  const copy = new URL(url.href);
  copy.hash = '';
  return copy;
}

function failedHop(url: URL, error: FetchError): FetchHop {
  return { url: url.href, headers: [], durationMs: 0, error };
}

export async function fetchChain(url: string, ctx: CollectContext, options: FetchChainOptions = {}): Promise<FetchChainWithBytes> {
  const maxRedirects = options.maxRedirects ?? ctx.limits.maxRedirects;
  const hops: FetchHop[] = [];
  const chain = (extra: Partial<FetchChainWithBytes> = {}): FetchChainWithBytes => ({ hops, bodyBytes: 0, bodyTruncated: false, ...extra });

  let current: URL;
  try {
    current = withoutFragment(new URL(url));
  } catch {
    const error: FetchError = { kind: 'invalid-redirect', message: `not a valid URL: ${url}` };
    return chain({ error });
  }
  const pinnedHost = bareHost(current);
  const visited = new Set<string>();

  for (;;) {
    visited.add(current.href);
    const host = bareHost(current);
    const pinned = options.pinnedAddress !== undefined && host === pinnedHost;
    const addresses: Addresses = pinned ? { ok: true, addresses: [options.pinnedAddress ?? ''] } : await addressesFor(host, ctx);
    if (!addresses.ok) {
      hops.push(failedHop(current, addresses.error));
      return chain({ error: addresses.error });
    }
    const followable = (status: number): boolean => REDIRECT_STATUSES.has(status);
    const response = await requestAny(current, addresses.addresses, ctx, (status) => !followable(status));
    const hop = response.hop;
    hops.push(hop);
    if (hop.error) return chain({ error: hop.error });

    const location = firstHeader(hop, 'location');
    if (hop.status === undefined || !followable(hop.status) || location === undefined) {
      return chain({
        body: new TextDecoder('utf-8').decode(response.body),
        bodyBytes: response.body.length,
        bodyTruncated: response.bodyTruncated,
        ...(response.bodyIncomplete ? { bodyIncomplete: response.bodyIncomplete } : {}),
        ...(options.keepBytes?.(hop, response.body) ? { rawBody: response.body } : {}),
      });
    }

    let next: URL;
    try {
      next = withoutFragment(new URL(location.trim(), current));
    } catch {
      return chain({ error: { kind: 'invalid-redirect', message: `malformed Location header: ${location.slice(0, 200)}` } });
    }
    if (next.protocol !== 'http:' && next.protocol !== 'https:') {
      return chain({ error: { kind: 'invalid-redirect', message: `redirect to a non-web address: ${next.href.slice(0, 200)}` } });
    }
    if (visited.has(next.href)) {
      return chain({ error: { kind: 'redirect-loop', message: `redirect loop: ${next.href} was already visited` } });
    }
    if (hops.length > maxRedirects) {
      return chain({ error: { kind: 'too-many-redirects', message: `more than ${maxRedirects} redirects` } });
    }
    current = next;
  }
}
