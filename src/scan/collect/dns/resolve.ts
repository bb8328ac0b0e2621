/**
 * Address and CAA lookups on top of DnsClient, turned into evidence: CNAME chains are
 * followed (bounded), DNS failures become short codes in `error` ('NXDOMAIN',
 * 'SERVFAIL', 'REFUSED', 'timeout', 'network', 'malformed', 'cname-loop'), and the
 * host resolver applies the private-address policy before anything connects.
 */
import net from 'node:net';
import { errorMessage } from '../../../core/errors.js';
import type { AddressEvidence, CaaEvidence, RefusedAddress } from '../../evidence/index.js';
import { classifyAddress } from '../../target.js';
import { DnsError, normaliseName, type Answer, type DnsClient, type DnsResponse } from './client.js';

/** A host name resolved for connecting: the addresses the policy allows, and the evidence. */
export interface ResolvedHost {
  /** Addresses the scan may connect to (private ones removed unless allowed). IPv4 first. */
  usable: string[];
  refused: RefusedAddress[];
  evidence: AddressEvidence;
}

/** RFC 1034 leaves the limit to resolvers; 8 links is generous for CDNs and stops loops. */
const MAX_CNAME_LINKS = 8;

interface ChainResult {
  addresses: string[];
  /** Targets of the CNAME chain, in order. */
  cnames: string[];
  error?: string;
}

function failureCode(error: unknown): string {
  return error instanceof DnsError ? error.kind : `failed: ${errorMessage(error)}`;
}

/** The data of A, AAAA and CNAME records (dns-packet gives those as strings). */
function stringData(record: Answer): string | undefined {
  return 'data' in record && typeof record.data === 'string' ? record.data : undefined;
}

/** Look up `type` for `name`, following CNAMEs in the answer and, when the answer stops at one, querying its target. */
async function followChain(client: DnsClient, name: string, type: 'A' | 'AAAA'): Promise<ChainResult> {
  const cnames: string[] = [];
  let current = normaliseName(name);
  for (;;) {
    let response: DnsResponse;
    try {
      response = await client.query(current, type);
    } catch (error) {
      return { addresses: [], cnames, error: failureCode(error) };
    }
    let owner = current;
    for (;;) {
      const link = response.answers.find((record) => record.type === 'CNAME' && normaliseName(record.name) === owner);
      const linkTarget = link ? stringData(link) : undefined;
      if (linkTarget === undefined) break;
      const target = normaliseName(linkTarget);
      if (cnames.length >= MAX_CNAME_LINKS || target === normaliseName(name) || cnames.includes(target)) {
        return { addresses: [], cnames, error: 'cname-loop' };
      }
      cnames.push(target);
      owner = target;
    }
    if (response.rcode !== 'NOERROR') return { addresses: [], cnames, error: response.rcode };
    const addresses = response.answers
      .filter((record) => record.type === type && normaliseName(record.name) === owner)
      .flatMap((record) => stringData(record) ?? []);
    // The answer ended at a CNAME without its addresses: ask for the target itself.
    if (addresses.length === 0 && owner !== current) {
      current = owner;
      continue;
    }
    return { addresses: [...new Set(addresses)], cnames };
  }
}

/** Pick the error that best explains an empty result: a failure beats NXDOMAIN (it may hide addresses). */
function combinedError(results: ChainResult[]): string | undefined {
  const errors = results.map((result) => result.error).filter((error): error is string => error !== undefined);
  return errors.find((error) => error !== 'NXDOMAIN') ?? errors[0];
}

/** A and AAAA for `name`, in parallel. NODATA for both is no addresses and no error. */
export async function resolveAddresses(client: DnsClient, name: string): Promise<AddressEvidence> {
  const [a, aaaa] = await Promise.all([followChain(client, name, 'A'), followChain(client, name, 'AAAA')]);
  const evidence: AddressEvidence = {
    a: a.addresses,
    aaaa: aaaa.addresses,
    cnames: a.cnames.length >= aaaa.cnames.length ? a.cnames : aaaa.cnames,
  };
  if (a.addresses.length + aaaa.addresses.length === 0) {
    const error = combinedError([a, aaaa]);
    if (error !== undefined) evidence.error = error;
  }
  return evidence;
}

/** Split addresses into usable and refused by the private-target policy; IPv4 first. */
function applyPolicy(evidence: AddressEvidence, allowPrivate: boolean): ResolvedHost {
  const usable: string[] = [];
  const refused: RefusedAddress[] = [];
  for (const address of [...evidence.a, ...evidence.aaaa]) {
    const verdict = classifyAddress(address);
    if (verdict.allowed || allowPrivate) usable.push(address);
    else refused.push({ address, range: verdict.range });
  }
  return { usable: [...new Set(usable)], refused, evidence };
}

/**
 * A per-scan host resolver: DNS through `client`, IP literals (also `[v6]`) taken as
 * they are, then the private-address policy. Each host is resolved once.
 */
export function createHostResolver(
  client: DnsClient,
  options: { allowPrivate: boolean },
): (host: string) => Promise<ResolvedHost> {
  const cache = new Map<string, Promise<ResolvedHost>>();
  return (host: string) => {
    const key = normaliseName(host.replace(/^\[(.*)\]$/, '$1'));
    let pending = cache.get(key);
    if (!pending) {
      const family = net.isIP(key);
      pending =
        family === 0
          ? resolveAddresses(client, key).then((evidence) => applyPolicy(evidence, options.allowPrivate))
          : Promise.resolve(applyPolicy({ a: family === 4 ? [key] : [], aaaa: family === 6 ? [key] : [], cnames: [] }, options.allowPrivate));
      cache.set(key, pending);
    }
    return pending;
  };
}

/** `a.b.example` -> ['a.b.example', 'b.example', 'example']: the RFC 8659 climb, without the root. */
function climb(domain: string): string[] {
  const labels = normaliseName(domain).split('.').filter((label) => label !== '');
  return labels.map((_, index) => labels.slice(index).join('.'));
}

type CaaLevel = { records: CaaEvidence['records'] } | { error: string };

async function caaAt(client: DnsClient, name: string): Promise<CaaLevel> {
  try {
    const response = await client.query(name, 'CAA');
    // NXDOMAIN just means nothing here: keep climbing.
    if (response.rcode !== 'NOERROR' && response.rcode !== 'NXDOMAIN') return { error: response.rcode };
    const records = response.answers.flatMap((record) =>
      record.type === 'CAA' ? [{ flags: record.data.flags ?? 0, tag: record.data.tag, value: record.data.value }] : [],
    );
    return { records };
  } catch (error) {
    return { error: failureCode(error) };
  }
}

/**
 * The CAA RRset that applies to `domain` (RFC 8659 section 3): the first non-empty
 * one from the name up through its parents. All levels are asked at once; the answer
 * is decided in climb order, so a failure below the found level is reported as error.
 */
export async function lookupCaa(client: DnsClient, domain: string): Promise<CaaEvidence> {
  const names = climb(domain);
  const levels = names.map((name) => caaAt(client, name));
  for (const [index, level] of levels.entries()) {
    const result = await level;
    if ('error' in result) return { records: [], error: result.error };
    if (result.records.length > 0) return { foundAt: names[index] as string, records: result.records };
  }
  return { records: [] };
}
