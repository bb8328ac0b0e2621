/**
 * Shared plumbing for the web HTTP checks: which hosts to judge (the apex, and www
 * when it has addresses), the common "cannot judge this host" verdicts, reading
 * headers from recorded hops; per-host verdicts are combined by ../host-verdicts.ts.
 */
import type { CheckVerdict } from '../../../check.js';
import { combine, hostVerdict, type HostVerdict } from '../host-verdicts.js';

export { combine, hostVerdict, type HostVerdict };
import type { FetchChain, FetchHop, ScanEvidence, WebHostEvidence } from '../../../evidence/index.js';

function hasAddresses(host: WebHostEvidence): boolean {
  return host.dns.a.length + host.dns.aaaa.length > 0;
}

/** The hosts a check judges: the apex always, www only when it has addresses. */
export function judgedHosts(evidence: ScanEvidence): WebHostEvidence[] | undefined {
  if (!evidence.web) return undefined;
  return evidence.web.hosts.filter((host) => host.role === 'apex' || hasAddresses(host));
}

/** skip/error when a host was not fetched at all; undefined when its fetches are there. */
export function unreachable(host: WebHostEvidence, fetched: unknown): HostVerdict | undefined {
  if (fetched !== undefined) return undefined;
  if (!hasAddresses(host)) {
    return host.dns.error
      ? hostVerdict(host.host, 'skip', 'noAddressDns', { reason: host.dns.error })
      : hostVerdict(host.host, 'skip', 'noAddress');
  }
  if (host.refused.length > 0) return hostVerdict(host.host, 'skip', 'refused');
  return hostVerdict(host.host, 'error', 'notCollected');
}

export function headerValues(hop: FetchHop | undefined, name: string): string[] {
  return (hop?.headers ?? []).filter(([key]) => key === name).map(([, value]) => value);
}

export function firstHeaderValue(hop: FetchHop | undefined, name: string): string | undefined {
  return headerValues(hop, name)[0];
}

/** The first HTTPS response (even a redirect), or why there is none. */
export function firstHttpsResponse(host: WebHostEvidence): { hop: FetchHop } | HostVerdict {
  const missing = unreachable(host, host.https);
  if (missing) return missing;
  const first = host.https?.hops[0];
  if (first?.status === undefined) {
    if (first?.error?.kind === 'refused-private') return hostVerdict(host.host, 'skip', 'refused');
    // The server took the connection but gave no readable answer: we cannot judge, which is not "no HTTPS".
    if (first?.error && UNREADABLE.has(first.error.kind)) {
      return hostVerdict(host.host, 'error', 'chainBroken', { reason: first.error.message });
    }
    return hostVerdict(host.host, 'skip', 'noHttps');
  }
  return { hop: first };
}

/** Errors that mean the server answered badly or not in time (as opposed to refusing HTTPS). */
export const UNREADABLE: ReadonlySet<string> = new Set(['timeout', 'protocol', 'headers-too-large']);

/** The page https://host/ ends on after redirects, with its body, or why there is none. */
export function finalHttpsResponse(host: WebHostEvidence): { hop: FetchHop; chain: FetchChain } | HostVerdict {
  const first = firstHttpsResponse(host);
  if (!('hop' in first)) return first;
  const chain = host.https as FetchChain;
  const last = chain.hops.at(-1);
  if (chain.error || last?.status === undefined) {
    return hostVerdict(host.host, 'error', 'chainBroken', { reason: chain.error?.message ?? last?.error?.message ?? 'no response' });
  }
  return { hop: last, chain };
}

/**
 * Why the body of this chain is not the whole answer, or undefined when it is whole. A check
 * that reads a body says so instead of judging part of a page as the page (issue 14).
 */
export function incompleteReason(chain: FetchChain | undefined): string | undefined {
  if (!chain?.bodyTruncated) return undefined;
  // Scans stored before the reason was recorded only know that the body was cut.
  return chain.bodyIncomplete?.message ?? 'the body was cut off before its end';
}

/** The page's <head> is over: every <meta> policy it can have has been seen, even when the rest never arrived. */
export function headSeen(body: string | undefined): boolean {
  return /<\/head\s*>|<body[\s>]/i.test(body ?? '');
}

/** The usual shape of a check: judge each host, then combine. */
export function judgeEachHost(evidence: ScanEvidence, judge: (host: WebHostEvidence) => HostVerdict): CheckVerdict {
  const hosts = judgedHosts(evidence);
  if (!hosts) return combine([]);
  return combine(hosts.map(judge));
}
