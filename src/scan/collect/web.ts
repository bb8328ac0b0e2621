/**
 * Collects all website evidence for a target: the apex and `www.` host, each with
 * DNS, one TLS probe, http:// and https:// fetch chains, an IPv6 HTTPS fetch, and
 * well-known paths. Everything for one host runs concurrently; nothing
 * is fetched twice.
 */
import { isIP } from 'node:net';
import type { FetchChain, WebEvidence, WebHostEvidence } from '../evidence/index.js';
import type { CollectContext } from './context.js';
import { lookupCaa } from './dns/resolve.js';
import { fetchChain } from './http/fetch.js';
import { probePaths } from './http/paths.js';
import { probeTls } from './tls/probe.js';

export function webHostsFor(target: string): { host: string; role: 'apex' | 'www' }[] {
  const hosts: { host: string; role: 'apex' | 'www' }[] = [{ host: target, role: 'apex' }];
  // Someone who scans www.shop.example asked about that name; www.www.shop.example means nothing.
  if (!target.startsWith('www.')) hosts.push({ host: `www.${target}`, role: 'www' });
  return hosts;
}

export async function collectWebEvidence(target: string, context: CollectContext): Promise<WebEvidence> {
  const [caa, ...hosts] = await Promise.all([
    lookupCaa(context.dns, target),
    ...webHostsFor(target).map(({ host, role }) => collectHost(host, role, context)),
  ]);
  return { hosts, caa };
}

async function collectHost(host: string, role: 'apex' | 'www', context: CollectContext): Promise<WebHostEvidence> {
  const resolved = await context.resolveHost(host);
  const evidence: WebHostEvidence = { host, role, dns: resolved.evidence, refused: resolved.refused };
  const preferred = resolved.usable[0];
  if (preferred === undefined) return evidence;
  const ipv6 = resolved.usable.find((address) => isIP(address) === 6);

  const [tls, http, https, httpsIpv6, paths] = await Promise.all([
    probeTls({
      host,
      address: preferred,
      port: 443,
      ca: context.ca,
      timeoutMs: context.limits.connectTimeoutMs,
      signal: context.signal,
    }),
    fetchChain(`http://${host}/`, context),
    fetchChain(`https://${host}/`, context),
    ipv6 === undefined ? undefined : fetchChain(`https://${host}/`, context, { maxRedirects: 0, pinnedAddress: ipv6 }),
    // www too: a shop whose apex only redirects to www serves its files from www.
    probePaths(host, context),
  ]);
  evidence.tls = tls;
  evidence.http = http;
  evidence.https = https;
  if (ipv6 !== undefined && httpsIpv6) evidence.httpsIpv6 = summariseIpv6(ipv6, httpsIpv6);
  evidence.paths = paths;
  return evidence;
}

function summariseIpv6(address: string, chain: FetchChain): NonNullable<WebHostEvidence['httpsIpv6']> {
  const first = chain.hops[0];
  if (first?.status !== undefined) return { address, ok: true, status: first.status };
  return { address, ok: false, error: first?.error?.message ?? chain.error?.message ?? 'no response' };
}
