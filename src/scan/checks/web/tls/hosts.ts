/**
 * Shared plumbing for the web TLS checks: judge every host that has TLS evidence (apex
 * and www), turn a failed probe into `error` (or `skip` when the host simply has no HTTPS),
 * and combine per-host verdicts into one: the worst status wins, and identical advice for
 * both hosts is said once, naming both.
 */
import type { CheckVerdict, MessageRef, Status } from '../../../check.js';
import type { ScanEvidence, TlsEvidence, WebHostEvidence } from '../../../evidence.js';

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

/** A host with a TLS probe that worked, or the verdict for one whose probe did not. */
function probed(host: WebHostEvidence & { tls: TlsEvidence }): HostVerdict | undefined {
  if (host.tls.error === undefined) return undefined;
  // Port 443 refusing the connection is "no HTTPS here", which the HTTPS check reports.
  const firstHttps = host.https?.hops[0];
  if (firstHttps?.error?.kind === 'connect' && firstHttps.status === undefined) return hostVerdict(host.host, 'skip', 'noHttpsHost');
  return hostVerdict(host.host, 'error', 'probeFailed', { reason: host.tls.error });
}

const SEVERITY: readonly Status[] = ['fail', 'error', 'warn', 'pass', 'info', 'skip'];
const rank = (status: Status): number => SEVERITY.indexOf(status);

/** A message's identity without its host, so the same finding on two hosts is said once. */
function identity(ref: MessageRef): string {
  const { host: _host, ...rest } = ref.params ?? {};
  return JSON.stringify([ref.key, Object.entries(rest).sort(([a], [b]) => a.localeCompare(b))]);
}

function mergeByHost(refs: MessageRef[]): MessageRef[] {
  const merged = new Map<string, { ref: MessageRef; hosts: string[] }>();
  for (const ref of refs) {
    const id = identity(ref);
    const host = ref.params?.host;
    const entry = merged.get(id);
    if (!entry) merged.set(id, { ref, hosts: typeof host === 'string' ? [host] : [] });
    else if (typeof host === 'string' && !entry.hosts.includes(host)) entry.hosts.push(host);
  }
  return [...merged.values()].map(({ ref, hosts }) => (hosts.length > 1 ? { key: ref.key, params: { ...ref.params, host: hosts.join(', ') } } : ref));
}

export function combine(results: HostVerdict[]): CheckVerdict {
  const worst = results.reduce((a, b) => (rank(b.status) < rank(a.status) ? b : a));
  const [summary] = mergeByHost(results.filter((result) => result.status === worst.status && identity(result.summary) === identity(worst.summary)).map((result) => result.summary));
  return {
    status: worst.status,
    summary: summary ?? worst.summary,
    advice: mergeByHost(results.flatMap((result) => result.advice)),
    evidence: { hosts: results.map((result) => ({ host: result.host, status: result.status, ...result.evidence })) },
  };
}

/** The usual shape of a TLS check: judge each host with TLS evidence, then combine. */
export function judgeTlsHosts(evidence: ScanEvidence, judge: (host: string, tls: TlsEvidence) => HostVerdict): CheckVerdict {
  if (!evidence.web) return { status: 'error', summary: { key: 'noWeb' }, advice: [], evidence: {} };
  const hosts = evidence.web.hosts.filter((host): host is WebHostEvidence & { tls: TlsEvidence } => host.tls !== undefined);
  if (hosts.length === 0) return { status: 'skip', summary: { key: 'noTls' }, advice: [], evidence: {} };
  return combine(hosts.map((host) => probed(host) ?? judge(host.host, host.tls)));
}

/** For the certificate checks: the certificate facts, or the verdict when there are none. */
export function certificateOf(host: string, tls: TlsEvidence): NonNullable<TlsEvidence['certificate']> | HostVerdict {
  if (tls.certificate && tls.certificate.chain.length > 0) return tls.certificate;
  const why = tls.untested.find((entry) => entry.what === 'Certificate')?.why ?? tls.handshake.error ?? 'no handshake completed';
  return hostVerdict(host, 'error', 'noCertificate', { reason: why });
}

/** Certificates below the root: a self-signed CA certificate (a root) is left out. */
export function belowRoot(chain: NonNullable<TlsEvidence['certificate']>['chain']): NonNullable<TlsEvidence['certificate']>['chain'] {
  return chain.filter((cert) => !(cert.selfSigned && cert.isCA));
}

/** A short name for a certificate in a sentence: its common name, or its subject. */
export function certName(cert: { commonName?: string; subject: string }): string {
  return cert.commonName ?? cert.subject;
}
