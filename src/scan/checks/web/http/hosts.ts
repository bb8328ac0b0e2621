/**
 * Shared plumbing for the web HTTP checks: which hosts to judge (the apex, and www
 * when it has addresses), the common "cannot judge this host" verdicts, reading
 * headers from recorded hops, and combining per-host verdicts into one (the worst
 * wins; identical findings on both hosts are said once, naming both).
 */
import type { CheckVerdict, MessageRef, Status } from '../../../check.js';
import type { FetchChain, FetchHop, ScanEvidence, WebHostEvidence } from '../../../evidence.js';

export interface HostVerdict {
  host: string;
  status: Status;
  summary: MessageRef;
  advice: MessageRef[];
  evidence: Record<string, unknown>;
}

export function hostVerdict(
  host: string,
  status: Status,
  summaryKey: string,
  params: Record<string, string | number> = {},
  advice: MessageRef[] = [],
  evidence: Record<string, unknown> = {},
): HostVerdict {
  return { host, status, summary: { key: summaryKey, params: { host, ...params } }, advice, evidence };
}

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

const SEVERITY: readonly Status[] = ['fail', 'error', 'warn', 'pass', 'info', 'skip'];
const rank = (status: Status): number => SEVERITY.indexOf(status);

/** A message's identity without its host, so the same finding on two hosts is said once. */
function identity(ref: MessageRef): string {
  const { host: _host, ...rest } = ref.params ?? {};
  return JSON.stringify([ref.key, Object.entries(rest).sort(([a], [b]) => a.localeCompare(b))]);
}

function mergeRefs(refs: { ref: MessageRef; host: string }[]): MessageRef[] {
  const merged = new Map<string, { ref: MessageRef; hosts: string[] }>();
  for (const { ref, host } of refs) {
    const id = identity(ref);
    const entry = merged.get(id);
    const refHost = ref.params?.host;
    if (entry) {
      if (typeof refHost === 'string' && !entry.hosts.includes(refHost)) entry.hosts.push(refHost);
    } else {
      merged.set(id, { ref, hosts: typeof refHost === 'string' ? [refHost] : [host] });
    }
  }
  return [...merged.values()].map(({ ref, hosts }) =>
    ref.params && 'host' in ref.params ? { key: ref.key, params: { ...ref.params, host: hosts.join(', ') } } : ref,
  );
}

/** One verdict from per-host verdicts: the worst status, its summary, every host's advice. */
export function combine(results: HostVerdict[], noWebSummaryKey = 'noWeb'): CheckVerdict {
  if (results.length === 0) return { status: 'error', summary: { key: noWebSummaryKey }, advice: [], evidence: {} };
  const worst = results.reduce((a, b) => (rank(b.status) < rank(a.status) ? b : a));
  const sameAsWorst = results.filter((r) => r.status === worst.status && identity(r.summary) === identity(worst.summary));
  const [summary] = mergeRefs(sameAsWorst.map((r) => ({ ref: r.summary, host: r.host })));
  return {
    status: worst.status,
    summary: summary ?? worst.summary,
    advice: mergeRefs(results.flatMap((r) => r.advice.map((ref) => ({ ref, host: r.host })))),
    evidence: { hosts: results.map((r) => ({ host: r.host, status: r.status, ...r.evidence })) },
  };
}

/** The usual shape of a check: judge each host, then combine. */
export function judgeEachHost(evidence: ScanEvidence, judge: (host: WebHostEvidence) => HostVerdict): CheckVerdict {
  const hosts = judgedHosts(evidence);
  if (!hosts) return combine([]);
  return combine(hosts.map(judge));
}
