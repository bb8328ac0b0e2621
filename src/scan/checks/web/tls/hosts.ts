/**
 * Shared plumbing for the web TLS checks: judge every host that has TLS evidence (apex
 * and www), turn a failed probe into `error` (or `skip` when the host simply has no HTTPS),
 * and combine per-host verdicts into one (see ../host-verdicts.ts).
 */
import type { CheckVerdict } from '../../../check.js';
import { combine, hostVerdict, type HostVerdict } from '../host-verdicts.js';

export { combine, hostVerdict, type HostVerdict };
import type { ScanEvidence, TlsEvidence, WebHostEvidence } from '../../../evidence/index.js';

/** A host with a TLS probe that worked, or the verdict for one whose probe did not. */
function probed(host: WebHostEvidence & { tls: TlsEvidence }): HostVerdict | undefined {
  if (host.tls.error === undefined) return undefined;
  // Port 443 refusing the connection is "no HTTPS here", which the HTTPS check reports.
  const firstHttps = host.https?.hops[0];
  if (firstHttps?.error?.kind === 'connect' && firstHttps.status === undefined) return hostVerdict(host.host, 'skip', 'noHttpsHost');
  return hostVerdict(host.host, 'error', 'probeFailed', { reason: host.tls.error });
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

/**
 * Certificates below the root: a self-signed CA certificate (a root) is left out, except
 * the leaf itself. A self-signed leaf (`openssl req -x509` marks it CA) is what the site
 * presents, so its key and signature are judged like any other.
 */
export function belowRoot(chain: NonNullable<TlsEvidence['certificate']>['chain']): NonNullable<TlsEvidence['certificate']>['chain'] {
  return chain.filter((cert, index) => index === 0 || !(cert.selfSigned && cert.isCA));
}

/** A short name for a certificate in a sentence: its common name, or its subject. */
export function certName(cert: { commonName?: string; subject: string }): string {
  return cert.commonName ?? cert.subject;
}
