/**
 * What to fix first: every check's place in the order of impact on the shop's customers
 * and its legal exposure, and who usually fixes it. Data, no I/O; the web (summary, "what
 * to fix first") and the CLI text report sort with the same function. docs/priorities.md
 * explains the order; a test fails when a check in the registry has no entry here.
 *
 * Groups, most urgent first:
 *   1 legal   - personal data and consent: trackers and cookies before consent, the privacy
 *               statement, forms, exposed files;
 *   2 reach   - customers cannot reach the shop safely: the certificate, HTTPS, the address;
 *   3 spoof   - others can send mail as the shop: DMARC, SPF, DKIM;
 *   4 crypto  - the strength of the encryption: TLS versions, ciphers, keys, cookies, HSTS,
 *               mail transport;
 *   5 harden  - hardening that limits damage once something else goes wrong: security
 *               headers, DNSSEC, DANE, MTA-STS, reports.
 * Within a group the order of the list below holds. A warning counts one group lower than
 * a failure of the same check (rank() has the exact rule): trackers that only may be
 * tracking rank with the failed certificates, not above them.
 */
import type { Status } from './check.js';

/** Who usually makes the change: the shop's hosting provider, its shop software or agency, its mail provider, or the owner. */
export const FIXERS = ['hosting', 'shop', 'mail', 'owner'] as const;
export type FixedBy = (typeof FIXERS)[number];

export interface Priority {
  /** 1 (most urgent) to 5; see the header. */
  group: 1 | 2 | 3 | 4 | 5;
  fixedBy: FixedBy;
}

const entries: [string, Priority['group'], FixedBy][] = [
  // 1: personal data and consent
  ['privacy.third-parties.before-consent', 1, 'shop'],
  ['privacy.cookies.before-consent', 1, 'shop'],
  ['privacy.statement.linked', 1, 'shop'],
  ['privacy.statement.reachable', 1, 'shop'],
  ['privacy.statement.contents', 1, 'owner'],
  ['privacy.forms', 1, 'shop'],
  ['web.exposure', 1, 'shop'],
  // 2: customers reach the shop safely
  ['web.cert.expiry', 2, 'hosting'],
  ['web.cert.trust', 2, 'hosting'],
  ['web.cert.hostname', 2, 'hosting'],
  ['web.https.available', 2, 'hosting'],
  ['web.https.redirect', 2, 'hosting'],
  ['web.address', 2, 'hosting'],
  ['web.mixed-content', 2, 'shop'],
  // 3: nobody else sends mail as the shop
  ['mail.dmarc', 3, 'mail'],
  ['mail.spf', 3, 'mail'],
  ['mail.non-sending', 3, 'owner'],
  ['mail.dkim', 3, 'mail'],
  // 4: strength of the encryption
  ['web.tls.version', 4, 'hosting'],
  ['web.tls.ciphers', 4, 'hosting'],
  ['web.cert.key', 4, 'hosting'],
  ['web.cert.signature', 4, 'hosting'],
  ['web.tls.key-exchange', 4, 'hosting'],
  ['web.cookies', 4, 'shop'],
  ['web.hsts', 4, 'hosting'],
  ['mail.mx', 4, 'mail'],
  ['mail.starttls', 4, 'mail'],
  ['mail.tls.version', 4, 'mail'],
  ['mail.tls.ciphers', 4, 'mail'],
  ['mail.tls.cert.expiry', 4, 'mail'],
  ['mail.tls.cert.trust', 4, 'mail'],
  ['mail.tls.cert.hostname', 4, 'mail'],
  ['mail.tls.cert.key', 4, 'mail'],
  ['mail.tls.cert.signature', 4, 'mail'],
  ['mail.tls.key-exchange', 4, 'mail'],
  // 5: hardening
  ['web.headers.csp', 5, 'shop'],
  ['web.headers.frame', 5, 'hosting'],
  ['web.headers.content-type-options', 5, 'hosting'],
  ['web.headers.referrer-policy', 5, 'hosting'],
  ['web.tls.cipher-order', 5, 'hosting'],
  ['web.tls.renegotiation', 5, 'hosting'],
  ['dns.dnssec', 5, 'hosting'],
  ['dns.dnssec.algorithms', 5, 'hosting'],
  ['mail.dnssec.mx', 5, 'mail'],
  ['mail.mta-sts', 5, 'mail'],
  ['mail.dane', 5, 'mail'],
  ['mail.tls-rpt', 5, 'mail'],
  ['mail.tls.cipher-order', 5, 'mail'],
  ['mail.tls.renegotiation', 5, 'mail'],
  ['web.ipv6', 5, 'hosting'],
  ['web.security-txt', 5, 'owner'],
  ['web.caa', 5, 'hosting'],
  // Only ever alone in a scan (a name that does not exist), so its place among the others does not matter.
  ['domain.exists', 2, 'owner'],
];

/** Check id -> its group and who fixes it, in priority order (insertion order is the order within a group). */
export const PRIORITIES: ReadonlyMap<string, Priority> = new Map(entries.map(([id, group, fixedBy]) => [id, { group, fixedBy }]));

const position = new Map(entries.map(([id], index) => [id, index]));
const UNKNOWN = entries.length;

export function priorityOf(checkId: string): Priority | undefined {
  return PRIORITIES.get(checkId);
}

export function fixedByOf(checkId: string): FixedBy {
  return PRIORITIES.get(checkId)?.fixedBy ?? 'owner';
}

/** Verdicts that ask the owner to do something: failures, then warnings. */
export function needsAction(status: Status): boolean {
  return status === 'fail' || status === 'warn';
}

/**
 * The sort key of a finding: its group (a warning one group lower than a failure of the
 * same check), then failure before warning, then the check's place in the list. Lower is
 * more urgent. Other statuses sort after every action, in list order.
 */
export function rank(checkId: string, status: Status): [number, number, number] {
  const priority = PRIORITIES.get(checkId);
  const place = position.get(checkId) ?? UNKNOWN;
  if (!priority || !needsAction(status)) return [9, 0, place];
  return status === 'fail' ? [priority.group, 0, place] : [priority.group + 1, 1, place];
}

export function compareFindings(a: { id: string; status: Status }, b: { id: string; status: Status }): number {
  const [x, y] = [rank(a.id, a.status), rank(b.id, b.status)];
  return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
}

/** The findings in priority order (a new array; stable for equal ranks). */
export function byPriority<T extends { id: string; status: Status }>(findings: readonly T[]): T[] {
  return [...findings].sort(compareFindings);
}
