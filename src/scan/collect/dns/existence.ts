/**
 * Does the scanned name exist at all? NXDOMAIN for the name itself, for A and for AAAA
 * alike, means there is nothing at that name and nothing below it (RFC 8020): no website,
 * no e-mail, no records to judge. A CNAME that leads to a missing name is different (the
 * name exists; its alias is dangling), and so is a name without addresses (NODATA).
 */
import type { NonexistentEvidence } from '../../evidence/index.js';
import { normaliseName, type DnsClient, type DnsResponse } from './client.js';

/** The closest zone that answered for the missing name: the owner of the SOA in the authority section. */
function zoneOf(response: DnsResponse): string | undefined {
  const soa = response.authorities.find((record) => record.type === 'SOA');
  return soa ? normaliseName(soa.name) || '.' : undefined;
}

/** The evidence that `name` does not exist, or undefined when it exists or the answer is not that clear. */
export async function lookupNonexistence(dns: DnsClient, name: string): Promise<NonexistentEvidence | undefined> {
  const owner = normaliseName(name);
  let responses: DnsResponse[];
  try {
    // The host resolver asked the same questions a moment ago: these come from the scan's cache.
    responses = await Promise.all([dns.query(owner, 'A'), dns.query(owner, 'AAAA')]);
  } catch {
    return undefined;
  }
  const missing = responses.every(
    (response) => response.rcode === 'NXDOMAIN' && !response.answers.some((record) => record.type === 'CNAME' && normaliseName(record.name) === owner),
  );
  if (!missing) return undefined;
  const zone = responses.map(zoneOf).find((candidate) => candidate !== undefined);
  return { name: owner, rcode: 'NXDOMAIN', queried: ['A', 'AAAA'], ...(zone !== undefined ? { zone } : {}) };
}
