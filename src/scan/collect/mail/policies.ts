/**
 * The mail policy records of a domain: DMARC (with the organisational-domain fallback
 * and external report authorisation), DKIM keys under known selectors, MTA-STS (TXT
 * record and policy file) and TLS-RPT. DNS failures become short codes in `error`;
 * nothing here throws for network trouble.
 */
import { getDomain } from 'tldts';
import { errorMessage } from '../../../core/errors.js';
import type {
  DkimEvidence,
  DkimKeyEvidence,
  DmarcEvidence,
  DmarcReportAuthorisation,
  MtaStsEvidence,
  MtaStsFetchEvidence,
  TlsRptEvidence,
} from '../../evidence/mail-policy.js';
import { parseDkimKey, looksLikeDkimKey } from '../../mail-policy/dkim.js';
import { looksLikeDmarc, parseDmarc } from '../../mail-policy/dmarc.js';
import { MAX_STS_POLICY_BYTES, looksLikeStsTxt, parseStsPolicy, parseStsTxt } from '../../mail-policy/mta-sts.js';
import { COMMON_DKIM_SELECTORS } from '../../mail-policy/selectors.js';
import { joinTxt } from '../../mail-policy/tag-list.js';
import { looksLikeTlsRpt, parseTlsRpt } from '../../mail-policy/tls-rpt.js';
import type { CollectContext } from '../context.js';
import { DnsError, normaliseName, type DnsClient } from '../dns/client.js';
import { fetchChain, firstHeader } from '../http/fetch.js';
import { verifyHostCertificate } from '../tls/verify-host.js';
import { mapLimit } from '../../../core/concurrency.js';

/** The evidence types with the lists the collector always fills made required. */
type Filled<T, K extends keyof T> = T & { [P in K]-?: NonNullable<T[P]> };
export type DmarcCollected = Filled<DmarcEvidence, 'records' | 'externalReports'>;
export type DkimCollected = Filled<DkimEvidence, 'tried' | 'keys' | 'failures'>;
export type MtaStsCollected = Filled<MtaStsEvidence, 'txtRecords' | 'policyErrors' | 'policyNotes'>;
export type TlsRptCollected = Filled<TlsRptEvidence, 'records' | 'rua'>;

export interface MailPolicies {
  dmarc: DmarcCollected;
  dkim: DkimCollected;
  mtaSts: MtaStsCollected;
  tlsRpt: TlsRptCollected;
}

const MAX_TXT_RECORDS = 20;
const MAX_TXT_CHARS = 4_096;
const MAX_CNAME_LINKS = 8;
const DKIM_CONCURRENCY = 8;
const MAX_DKIM_SELECTORS = 40;
const MAX_EXTERNAL_REPORT_CHECKS = 10;

interface TxtLookup {
  records: string[];
  cnames: string[];
  /** NXDOMAIN or NODATA: nothing there (not an error). */
  absent: boolean;
  error?: string;
}

/** TXT records at `name`, CNAMEs followed (in the answer, then by asking the target). Bounded in count and size. */
export async function lookupTxt(dns: DnsClient, name: string): Promise<TxtLookup> {
  const cnames: string[] = [];
  let current = normaliseName(name);
  for (;;) {
    let response;
    try {
      response = await dns.query(current, 'TXT');
    } catch (error) {
      return { records: [], cnames, absent: false, error: error instanceof DnsError ? error.kind : `failed: ${errorMessage(error)}` };
    }
    let owner = current;
    for (;;) {
      const link = response.answers.find((record) => record.type === 'CNAME' && normaliseName(record.name) === owner);
      if (link?.type !== 'CNAME') break;
      const target = normaliseName(link.data);
      if (cnames.length >= MAX_CNAME_LINKS || cnames.includes(target) || target === normaliseName(name)) {
        return { records: [], cnames, absent: false, error: 'cname-loop' };
      }
      cnames.push(target);
      owner = target;
    }
    if (response.rcode === 'NXDOMAIN') return { records: [], cnames, absent: true };
    if (response.rcode !== 'NOERROR') return { records: [], cnames, absent: false, error: response.rcode };
    const records = response.answers
      .flatMap((record) => (record.type === 'TXT' && normaliseName(record.name) === owner ? [joinTxt(record.data)] : []))
      .slice(0, MAX_TXT_RECORDS)
      .map((text) => text.slice(0, MAX_TXT_CHARS));
    if (records.length === 0 && owner !== current) {
      current = owner;
      continue;
    }
    return { records, cnames, absent: records.length === 0 };
  }
}

export function organisationalDomain(domain: string): string {
  return getDomain(domain, { allowPrivateDomains: false }) ?? domain;
}

/* ------------------------------------------------------------------ DMARC */

async function reportAuthorisation(dns: DnsClient, policyDomain: string, uri: string, destination: string): Promise<DmarcReportAuthorisation> {
  const queried = `${policyDomain}._report._dmarc.${destination}`;
  const lookup = await lookupTxt(dns, queried);
  const result: DmarcReportAuthorisation = { uri, domain: destination, queried, authorised: lookup.records.some(looksLikeDmarc) };
  if (lookup.error !== undefined) result.error = lookup.error;
  return result;
}

export async function collectDmarc(domain: string, dns: DnsClient): Promise<DmarcCollected> {
  const orgDomain = organisationalDomain(domain);
  const queried = `_dmarc.${domain}`;
  const evidence: DmarcCollected = { queried, organisationalDomain: orgDomain, records: [], externalReports: [] };
  let lookup = await lookupTxt(dns, queried);
  let foundAt = queried;
  let source: 'domain' | 'organisational' = 'domain';
  if (lookup.error === undefined && !lookup.records.some(looksLikeDmarc) && orgDomain !== domain) {
    // RFC 7489 6.6.3: no record at the domain itself, so the organisational domain's applies.
    foundAt = `_dmarc.${orgDomain}`;
    source = 'organisational';
    lookup = await lookupTxt(dns, foundAt);
  }
  if (lookup.error !== undefined) {
    evidence.error = lookup.error;
    return evidence;
  }
  const records = lookup.records.filter(looksLikeDmarc);
  if (records.length === 0) return evidence;
  evidence.records = records;
  evidence.foundAt = foundAt;
  evidence.source = source;
  if (records.length > 1) {
    evidence.invalid = `there are ${records.length} DMARC records at ${foundAt}; receivers ignore them all when there is more than one`;
    return evidence;
  }
  const parsed = parseDmarc(records[0] ?? '');
  if (!parsed.ok) {
    evidence.invalid = parsed.reason;
    return evidence;
  }
  evidence.record = parsed.record;
  // RFC 7489 7.1: a destination in another organisational domain must agree to get the reports.
  const policyDomain = foundAt.replace(/^_dmarc\./, '');
  const policyOrg = organisationalDomain(policyDomain);
  const external = [...parsed.record.rua, ...parsed.record.ruf]
    .filter((uri) => uri.domain !== undefined && organisationalDomain(uri.domain) !== policyOrg)
    .slice(0, MAX_EXTERNAL_REPORT_CHECKS);
  evidence.externalReports = await Promise.all(
    external.map((uri) => reportAuthorisation(dns, policyDomain, uri.uri, uri.domain ?? '')),
  );
  return evidence;
}

/* ------------------------------------------------------------------- DKIM */


/** The user's selectors first, then the built-in list; duplicates and invalid labels dropped. */
export function selectorsToTry(given: readonly string[]): { selector: string; source: 'given' | 'common' }[] {
  const seen = new Set<string>();
  const out: { selector: string; source: 'given' | 'common' }[] = [];
  const add = (raw: string, source: 'given' | 'common'): void => {
    const selector = raw.trim().toLowerCase().replace(/\.$/, '');
    const valid = selector !== '' && selector.split('.').every((label) => /^[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?$/.test(label));
    if (!valid || seen.has(selector)) return;
    seen.add(selector);
    out.push({ selector, source });
  };
  for (const selector of given) add(selector, 'given');
  for (const selector of COMMON_DKIM_SELECTORS) add(selector, 'common');
  return out.slice(0, MAX_DKIM_SELECTORS);
}

export async function collectDkim(domain: string, dns: DnsClient, given: readonly string[]): Promise<DkimCollected> {
  const tried = selectorsToTry(given);
  const evidence: DkimCollected = { tried, keys: [], failures: [] };
  const lookups = await mapLimit(tried, DKIM_CONCURRENCY, async ({ selector }) => lookupTxt(dns, `${selector}._domainkey.${domain}`));
  for (const [index, lookup] of lookups.entries()) {
    const { selector, source } = tried[index] ?? { selector: '', source: 'common' };
    if (lookup.error !== undefined) {
      evidence.failures.push({ selector, error: lookup.error });
      continue;
    }
    for (const record of lookup.records.filter(looksLikeDkimKey)) {
      const parsed = parseDkimKey(record);
      const key: DkimKeyEvidence = {
        selector,
        source,
        name: `${selector}._domainkey.${domain}`,
        cnames: lookup.cnames,
        record: record.slice(0, 600),
        revoked: parsed.revoked,
        testing: parsed.testing,
        errors: parsed.errors,
        notes: parsed.notes,
      };
      if (parsed.keyType !== undefined) key.keyType = parsed.keyType;
      if (parsed.bits !== undefined) key.bits = parsed.bits;
      evidence.keys.push(key);
    }
  }
  // Every lookup failing says the DNS is broken, not that there are no keys.
  if (tried.length > 0 && evidence.failures.length === tried.length) evidence.error = evidence.failures[0]?.error ?? 'failed';
  return evidence;
}

/* ---------------------------------------------------------------- MTA-STS */

async function fetchStsPolicy(domain: string, context: CollectContext): Promise<{ fetch: MtaStsFetchEvidence; body?: string }> {
  const host = `mta-sts.${domain}`;
  const url = `https://${host}/.well-known/mta-sts.txt`;
  const fetch: MtaStsFetchEvidence = { url, bytes: 0, tooLarge: false };
  // One byte over the cap tells "too large" apart from "exactly 64 KiB".
  const capped: CollectContext = { ...context, limits: { ...context.limits, maxBodyBytes: MAX_STS_POLICY_BYTES + 1 } };
  const chain = await fetchChain(url, capped, { maxRedirects: 0 });
  const hop = chain.hops[0];
  if (hop?.address !== undefined) fetch.address = hop.address;
  if (hop?.status !== undefined) fetch.status = hop.status;
  const contentType = hop ? firstHeader(hop, 'content-type') : undefined;
  if (contentType !== undefined) fetch.contentType = contentType;
  const location = hop ? firstHeader(hop, 'location') : undefined;
  if (hop?.status !== undefined && hop.status >= 300 && hop.status < 400 && location !== undefined) fetch.redirectedTo = location.slice(0, 300);
  // A TLS failure is the certificate verdict's business; other errors stop here.
  const reachedTls = hop?.address !== undefined && (hop.error === undefined || hop.error.kind === 'tls' || hop.error.kind === 'timeout' || hop.error.kind === 'protocol');
  if (hop?.address !== undefined && reachedTls) {
    // RFC 8461 3.3: a valid certificate is part of the policy, and the fetcher does not judge trust.
    const { trusted, error } = await verifyHostCertificate(host, hop.address, context);
    fetch.certificate = error === undefined ? { trusted } : { trusted, error };
  }
  if (chain.error !== undefined && fetch.redirectedTo === undefined) {
    fetch.error = chain.error.message;
    if (chain.error.kind === 'refused-private') fetch.refusedPrivate = true;
    return { fetch };
  }
  fetch.bytes = chain.bodyBytes;
  fetch.tooLarge = chain.bodyTruncated && chain.bodyBytes > MAX_STS_POLICY_BYTES;
  return chain.body === undefined ? { fetch } : { fetch, body: chain.body };
}

/** Why a fetched policy cannot be used (RFC 8461 3.3), or undefined. */
function fetchProblem(fetch: MtaStsFetchEvidence): string | undefined {
  if (fetch.redirectedTo !== undefined) return `the policy URL redirects to ${fetch.redirectedTo}; MTA-STS does not allow redirects`;
  if (fetch.error !== undefined) return `the policy could not be fetched: ${fetch.error}`;
  if (fetch.certificate && !fetch.certificate.trusted) return `the certificate of ${new URL(fetch.url).hostname} is not valid: ${fetch.certificate.error ?? 'not trusted'}`;
  if (fetch.status !== 200) return `the policy URL answers with HTTP status ${fetch.status ?? 'none'}, not 200`;
  const mediaType = (fetch.contentType ?? '').split(';')[0]?.trim().toLowerCase();
  if (mediaType !== 'text/plain') return `the policy is served as ${fetch.contentType ?? 'no content type'}, not text/plain`;
  if (fetch.tooLarge) return `the policy is larger than ${MAX_STS_POLICY_BYTES / 1024} KiB`;
  return undefined;
}

export async function collectMtaSts(domain: string, context: CollectContext): Promise<MtaStsCollected> {
  const txtName = `_mta-sts.${domain}`;
  const evidence: MtaStsCollected = { txtName, txtRecords: [], policyErrors: [], policyNotes: [] };
  const lookup = await lookupTxt(context.dns, txtName);
  if (lookup.error !== undefined) {
    evidence.error = lookup.error;
    return evidence;
  }
  evidence.txtRecords = lookup.records.filter(looksLikeStsTxt);
  if (evidence.txtRecords.length === 0) {
    if (lookup.records.some((record) => /^v\s*=\s*STSv1/i.test(record.trim()))) evidence.txtInvalid = 'the record must start with exactly "v=STSv1;"';
    return evidence;
  }
  if (evidence.txtRecords.length > 1) {
    evidence.txtInvalid = `there are ${evidence.txtRecords.length} v=STSv1 records; there must be exactly one`;
  } else {
    const parsed = parseStsTxt(evidence.txtRecords[0] ?? '');
    if (parsed.ok) evidence.id = parsed.id;
    else evidence.txtInvalid = parsed.reason;
  }
  // The policy is fetched even when the TXT record is broken, so the advice can cover both at once.
  const { fetch, body } = await fetchStsPolicy(domain, context);
  evidence.fetch = fetch;
  if (body !== undefined) evidence.policyText = body.slice(0, 2_000);
  const problem = fetchProblem(fetch);
  if (problem !== undefined) {
    evidence.policyErrors.push(problem);
    return evidence;
  }
  const parsed = parseStsPolicy(body ?? '');
  evidence.policyErrors.push(...parsed.errors);
  evidence.policyNotes.push(...parsed.notes);
  if (parsed.policy && evidence.txtInvalid === undefined) evidence.policy = parsed.policy;
  return evidence;
}

/* ---------------------------------------------------------------- TLS-RPT */

export async function collectTlsRpt(domain: string, dns: DnsClient): Promise<TlsRptCollected> {
  const name = `_smtp._tls.${domain}`;
  const evidence: TlsRptCollected = { name, records: [], rua: [] };
  const lookup = await lookupTxt(dns, name);
  if (lookup.error !== undefined) {
    evidence.error = lookup.error;
    return evidence;
  }
  // RFC 8460 3: records not starting with v=TLSRPTv1 are discarded; exactly one must remain.
  evidence.records = lookup.records.filter(looksLikeTlsRpt);
  if (evidence.records.length === 0) {
    if (lookup.records.some((record) => /^v\s*=\s*tlsrptv1/i.test(record.trim()))) evidence.invalid = 'the record must start with exactly "v=TLSRPTv1;"';
    return evidence;
  }
  if (evidence.records.length > 1) {
    evidence.invalid = `there are ${evidence.records.length} TLS-RPT records; there must be exactly one`;
    return evidence;
  }
  const parsed = parseTlsRpt(evidence.records[0] ?? '');
  if (parsed.ok) evidence.rua = parsed.rua;
  else evidence.invalid = parsed.reason;
  return evidence;
}

/* ------------------------------------------------------------------ all */

export async function collectMailPolicies(domain: string, context: CollectContext, options: { dkimSelectors: string[] }): Promise<MailPolicies> {
  const name = normaliseName(domain);
  const [dmarc, dkim, mtaSts, tlsRpt] = await Promise.all([
    collectDmarc(name, context.dns),
    collectDkim(name, context.dns, options.dkimSelectors),
    collectMtaSts(name, context),
    collectTlsRpt(name, context.dns),
  ]);
  return { dmarc, dkim, mtaSts, tlsRpt };
}
