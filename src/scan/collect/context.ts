/**
 * What every collector gets: the scan's DNS client, its trust store, its limits and
 * its safety policy. Built once per scan by the engine (src/scan/engine.ts).
 */
import type { DnsClient } from './dns/client.js';
import type { ResolvedHost } from './dns/resolve.js';

export type { ResolvedHost } from './dns/resolve.js';

export interface CollectLimits {
  /** Connect + first byte, per connection. */
  connectTimeoutMs: number;
  /** One whole request/handshake, per connection. */
  requestTimeoutMs: number;
  /** Response body cap in bytes; beyond it the body is cut and marked truncated. */
  maxBodyBytes: number;
  /** Response header block cap in bytes. */
  maxHeaderBytes: number;
  maxRedirects: number;
}

export interface CollectContext {
  dns: DnsClient;
  /** Resolve A/AAAA (following CNAMEs) through the scan's DNS client and apply the private-target policy. Cached per scan. */
  resolveHost(host: string): Promise<ResolvedHost>;
  allowPrivate: boolean;
  /** PEM roots: the system store plus --ca-file. */
  ca: string[];
  limits: CollectLimits;
  /** Aborts when the whole-scan deadline passes; collectors must stop promptly. */
  signal: AbortSignal;
  /**
   * When `signal` aborts (epoch ms). For CPU work that cannot be interrupted (parsing a big
   * page): start it only when it can finish by then.
   */
  endsAt?: number;
}

export const DEFAULT_LIMITS: CollectLimits = {
  connectTimeoutMs: 5_000,
  requestTimeoutMs: 8_000,
  maxBodyBytes: 1_048_576,
  // What browsers accept (Chromium stops at 256 KB): a shop with 150 KB of headers still loads for its visitors.
  maxHeaderBytes: 262_144,
  maxRedirects: 10,
};
