/**
 * SPF evidence. OWNER: the SPF part (src/scan/spf/, src/scan/collect/mail/spf.ts).
 * The record at the domain, the whole include/redirect tree, and the RFC 7208 4.6.4
 * processing limits counted for the worst-case path: every term evaluated, no early match.
 */

export type SpfQualifier = '+' | '-' | '~' | '?';

/**
 * What became of one record in the tree:
 * - ok: one valid SPF record;
 * - none: no SPF record (or the name does not exist);
 * - multiple: more than one SPF record (a permerror);
 * - syntax: the record does not parse (`term`, `detail` = reason);
 * - dns-error: the TXT lookup failed (`detail` = the code);
 * - loop: the name is already on the include/redirect path above it;
 * - not-followed: the collector stopped before fetching it (`detail`: why).
 */
export type SpfRecordStatus = 'ok' | 'none' | 'multiple' | 'syntax' | 'dns-error' | 'loop' | 'not-followed';

export interface SpfRecordNode {
  /** The name the record lives at. */
  domain: string;
  /** How it was reached; absent for the domain itself. */
  via?: { kind: 'include' | 'redirect'; term: string; from: string };
  status: SpfRecordStatus;
  /** The SPF record (the first of several when `multiple`). */
  record?: string;
  /** How many SPF records, when `multiple`. */
  count?: number;
  /** For `syntax`: the term at fault. */
  term?: string;
  /** For `syntax`: the parser's reason code; for `dns-error`: the DNS code; for `not-followed`: why. */
  detail?: string;
  /** The qualifier of the record's `all` mechanism, when it has one. */
  all?: SpfQualifier;
  /** A redirect= that is ignored because the record has an `all` (RFC 7208 6.1). */
  redirectIgnored?: boolean;
}

export type SpfDnsTermKind = 'include' | 'a' | 'mx' | 'ptr' | 'exists' | 'redirect';

export interface SpfCountedTerm {
  /** As written, e.g. "include:_spf.example.net". */
  term: string;
  kind: SpfDnsTermKind;
  /** The domain of the record the term is in. */
  record: string;
  /** Running count of DNS-querying terms, this one included. */
  count: number;
  /** The term's lookup found nothing (NXDOMAIN or no records): a void lookup. */
  void?: boolean;
  /** Running count of void lookups, this one included (set when `void`). */
  voidCount?: number;
  /** Its target depends on the message (%{i}, %{s}, %{l}, ptr...): counted, not followed. */
  senderDependent?: boolean;
  /** For mx: how many MX names the lookup returned (more than 10 is a permerror). */
  mxNames?: number;
  /** A DNS failure while looking the term's target up (the code). */
  error?: string;
}

export interface SpfEvidence {
  /** The SPF record(s) found at the domain (v=spf1 ...). used by mail.non-sending */
  records: string[];
  /** The TXT lookup at the domain itself failed (a DNS code such as 'SERVFAIL' or 'timeout'). */
  error?: string;
  /** Every record in the include/redirect tree, in the order evaluation meets them; the domain's own first. */
  nodes?: SpfRecordNode[];
  /** Every DNS-querying term, in worst-case evaluation order, with running counts. */
  terms?: SpfCountedTerm[];
  /** Total DNS-querying terms and void lookups on the worst-case path. */
  dnsLookups?: number;
  voidLookups?: number;
  /** Include/redirect loops, each as the path of names, e.g. "a.example > b.example > a.example". */
  loops?: string[];
  /**
   * How the policy ends for mail that matches nothing: the `all` qualifier of the record that
   * decides (following redirect=), or null when there is no `all` (the default, neutral).
   * Absent when the tree is broken before the end could be found.
   */
  ending?: { qualifier: SpfQualifier | null; record: string };
  /** The collector stopped at its query cap, so counts may be too low. */
  incomplete?: boolean;
  /** DNS queries the collector made. */
  queries?: number;
}
