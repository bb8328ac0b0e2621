/**
 * Politeness for the crawl: a per-host pace, and redirects followed one hop at a time so
 * every hop is checked against the site boundary and robots.txt before it is requested.
 *
 * Pace: per host at most 2 requests in flight and at least 100 ms between the starts of
 * two requests, so a 25-page crawl takes a few seconds and never floods a small shop.
 */
import type { FetchHop } from '../../evidence/index.js';
import type { CollectContext } from '../context.js';
import { fetchChain, firstHeader, isRedirect, type FetchChainWithBytes } from '../http/fetch.js';

export const MAX_IN_FLIGHT_PER_HOST = 2;
export const MIN_GAP_MS = 100;

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}

class HostPace {
  private inFlight = 0;
  private lastStart = 0;
  private readonly waiting: (() => void)[] = [];
  // Turns are handed out in order: each request waits for the one before it to start.
  private gate: Promise<void> = Promise.resolve();

  constructor(private readonly signal: AbortSignal) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    const turn = this.gate.then(async () => {
      while (this.inFlight >= MAX_IN_FLIGHT_PER_HOST) await new Promise<void>((resolve) => this.waiting.push(resolve));
      const wait = this.lastStart + MIN_GAP_MS - Date.now();
      if (wait > 0) await sleep(wait, this.signal);
      this.lastStart = Date.now();
      this.inFlight += 1;
    });
    this.gate = turn;
    await turn;
    try {
      return await task();
    } finally {
      this.inFlight -= 1;
      this.waiting.shift()?.();
    }
  }
}

export class Pacer {
  private readonly hosts = new Map<string, HostPace>();

  constructor(private readonly signal: AbortSignal) {}

  run<T>(host: string, task: () => Promise<T>): Promise<T> {
    let pace = this.hosts.get(host);
    if (!pace) {
      pace = new HostPace(this.signal);
      this.hosts.set(host, pace);
    }
    return pace.run(task);
  }
}

export interface PoliteResult {
  /** Every hop, redirects included. */
  hops: FetchHop[];
  /** The last request's chain (its body, its error; `rawBody` when the answer is not text, e.g. a PDF). */
  last: FetchChainWithBytes;
  /** Why a redirect was not followed (off-site, robots.txt, loop, limit). */
  stopped?: string;
}

/**
 * Text answers are read as UTF-8 only; anything else (a PDF, an image), and a PDF file sent
 * with a text type, also keeps its raw bytes, which UTF-8 decoding would destroy.
 */
function isBinaryAnswer(hop: FetchHop, body: Buffer): boolean {
  const type = (firstHeader(hop, 'content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  const text = type.startsWith('text/') || /[/+](?:html|xml|json)$/.test(type);
  return !text || body.subarray(0, 5).toString('latin1') === '%PDF-';
}

/**
 * GET `url` through fetchChain one hop at a time. `mayFetch` says why a redirect target must
 * not be requested (undefined: go ahead); the first URL is the caller's to vet.
 */
export async function politeFetch(
  url: string,
  context: CollectContext,
  pacer: Pacer,
  mayFetch: (url: URL) => Promise<string | undefined>,
): Promise<PoliteResult> {
  const hops: FetchHop[] = [];
  const visited = new Set<string>();
  let current = new URL(url);
  for (;;) {
    visited.add(current.href);
    const target = current;
    const last = await pacer.run(target.host, () => fetchChain(target.href, context, { maxRedirects: 0, keepBytes: isBinaryAnswer }));
    hops.push(...last.hops);
    const hop = last.hops.at(-1);
    if (!hop || !isRedirect(hop)) return { hops, last };
    let next: URL;
    try {
      next = new URL((firstHeader(hop, 'location') ?? '').trim(), current);
      next.hash = '';
    } catch {
      return { hops, last, stopped: 'malformed redirect' };
    }
    if (next.protocol !== 'http:' && next.protocol !== 'https:') return { hops, last, stopped: `redirect to ${next.protocol}` };
    if (visited.has(next.href)) return { hops, last, stopped: `redirect loop at ${next.href}` };
    if (hops.length > context.limits.maxRedirects) return { hops, last, stopped: 'too many redirects' };
    const refusal = await mayFetch(next);
    if (refusal) return { hops, last, stopped: `redirect to ${next.href} not followed: ${refusal}` };
    if (context.signal.aborted) return { hops, last, stopped: 'scan deadline reached' };
    current = next;
  }
}
