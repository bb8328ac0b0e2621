/**
 * Collects the SPF evidence of a domain: its TXT record(s) and the whole include/redirect
 * tree with the RFC 7208 4.6.4 counts (src/scan/spf/audit.ts), over our DnsClient.
 * Never throws for DNS trouble: a failed lookup at the domain is `error`, one deeper in
 * the tree is recorded on the record or term it concerns. At most ~40 queries per domain.
 */
import type { DnsClient } from '../dns/client.js';
import type { SpfEvidence } from '../../evidence/spf.js';
import { auditSpf, DEFAULT_MAX_QUERIES } from '../../spf/audit.js';
import { dnsClientLookup } from '../../spf/lookup.js';

export async function collectSpf(domain: string, dns: DnsClient): Promise<SpfEvidence> {
  try {
    return await auditSpf(domain, dnsClientLookup(dns), DEFAULT_MAX_QUERIES);
  } catch (error) {
    // An aborted scan or a name the client refuses: evidence, not an exception.
    return { records: [], error: error instanceof Error ? error.message : String(error) };
  }
}
