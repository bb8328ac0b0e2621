/**
 * Collects the mail and DNSSEC evidence for a domain: the MX set first (it decides
 * which servers to probe), then everything else concurrently: per MX host the SMTP
 * dialogue, its TLS and TLSA; the SPF tree; DMARC, DKIM, MTA-STS and TLS-RPT; and the
 * DNSSEC validation of the domain and the MX names. Nothing is fetched twice: the DNS
 * client and the validator cache per scan.
 */
import type { DnssecEvidence } from '../evidence/dnssec.js';
import type { TlsEvidence } from '../evidence/index.js';
import { MAX_MAIL_SERVERS, type MailEvidence, type MxEvidence, type MxRecord } from '../evidence/mail.js';
import type { DnssecValidator } from '../dnssec/types.js';
import type { CollectContext } from './context.js';
import { collectDnssec } from './dnssec.js';
import { DnsError, normaliseName, type DnsClient } from './dns/client.js';
import { collectMailPolicies } from './mail/policies.js';
import { collectMailServer } from './mail/server.js';
import { collectSpf } from './mail/spf.js';

export interface MailCollectOptions {
  validator: DnssecValidator;
  /** Where the validator's trust anchor came from, for the evidence. */
  anchor: 'built-in' | 'file';
  /** DKIM selectors the user gave (--dkim-selector), tried before the common ones. */
  dkimSelectors: string[];
}

/** A hostile zone can publish thousands of MX records; we only ever read this many. */
const MAX_MX_RECORDS = 50;

/** MX records of `domain`; a DNS failure is recorded, NODATA/NXDOMAIN is simply "no MX". */
export async function lookupMx(dns: DnsClient, domain: string): Promise<MxEvidence> {
  let response;
  try {
    response = await dns.query(domain, 'MX');
  } catch (error) {
    return { records: [], nullMx: false, error: error instanceof DnsError ? error.kind : 'failed' };
  }
  if (response.rcode !== 'NOERROR' && response.rcode !== 'NXDOMAIN') return { records: [], nullMx: false, error: response.rcode };
  const records: MxRecord[] = [];
  for (const answer of response.answers) {
    if (answer.type !== 'MX' || records.length >= MAX_MX_RECORDS) continue;
    const data = answer.data as { preference?: number; exchange?: string };
    records.push({ preference: data.preference ?? 0, exchange: normaliseName(data.exchange ?? '') });
  }
  records.sort((left, right) => left.preference - right.preference || left.exchange.localeCompare(right.exchange));
  // RFC 7505: exactly one MX, preference 0, exchange the root.
  const nullMx = records.length === 1 && records[0]?.exchange === '' && records[0].preference === 0;
  return { records, nullMx };
}

/** The MX hosts to probe: real names (no Null MX entries), each once, best preference first. */
export function serversToProbe(mx: MxEvidence): MxRecord[] {
  if (mx.nullMx) return [];
  const seen = new Set<string>();
  const hosts: MxRecord[] = [];
  for (const record of mx.records) {
    if (record.exchange === '' || seen.has(record.exchange)) continue;
    seen.add(record.exchange);
    hosts.push(record);
  }
  return hosts.slice(0, MAX_MAIL_SERVERS);
}

export async function collectMailEvidence(
  domain: string,
  context: CollectContext,
  options: MailCollectOptions,
): Promise<{ mail: MailEvidence; dnssec: DnssecEvidence }> {
  const mx = await lookupMx(context.dns, domain);
  const hosts = serversToProbe(mx);
  const sharedProbes = new Map<string, Promise<TlsEvidence>>();
  const [servers, spf, policies, dnssec] = await Promise.all([
    Promise.all(hosts.map((record) => collectMailServer(record, context, options.validator, { sharedProbes }))),
    collectSpf(domain, context.dns),
    collectMailPolicies(domain, context, { dkimSelectors: options.dkimSelectors }),
    collectDnssec(
      domain,
      hosts.map((record) => record.exchange),
      options.validator,
      options.anchor,
    ),
  ]);
  return { mail: { domain, mx, servers, spf, ...policies }, dnssec };
}
