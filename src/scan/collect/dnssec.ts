/**
 * DNSSEC collector: validate the domain and each MX host with the scan's validator.
 *
 * The domain is judged by its SOA record: every zone apex has one, and a domain that is
 * not a zone apex gets a NODATA answer whose NSEC/NSEC3 proof is validated just the same,
 * so the verdict always speaks for the zone that holds the domain. MX hosts are judged
 * by their A record for the same reason (a host with only AAAA gets a validated NODATA).
 */
import type { DnssecEvidence, DnssecNameResult, DnssecZoneEvidence } from '../evidence/dnssec.js';
import type { DnssecValidator, ValidatedLookup } from '../dnssec/types.js';

async function safeLookup(validator: DnssecValidator, name: string, type: string): Promise<ValidatedLookup> {
  try {
    return await validator.lookup(name, type);
  } catch (error) {
    // lookup() never throws by contract; a fake or a bug must not break the scan.
    const reason = error instanceof Error ? error.message : String(error);
    return { rcode: 'network', answers: [], result: { name, type, status: 'indeterminate', reason } };
  }
}

export async function collectDnssec(
  domain: string,
  mxHosts: string[],
  validator: DnssecValidator,
  anchor: 'built-in' | 'file',
): Promise<DnssecEvidence> {
  const hosts = [...new Set(mxHosts.map((host) => host.toLowerCase().replace(/\.$/, '')).filter((host) => host !== ''))];
  const [domainLookup, ...mxLookups] = await Promise.all([
    safeLookup(validator, domain, 'SOA'),
    ...hosts.map((host) => safeLookup(validator, host, 'A')),
  ]);
  const zones = new Map<string, DnssecZoneEvidence>();
  for (const lookup of [domainLookup, ...mxLookups]) {
    for (const zone of lookup?.zones ?? []) if (!zones.has(zone.zone)) zones.set(zone.zone, zone);
  }
  const depth = (zone: string): number => (zone === '.' ? 0 : zone.split('.').length);
  const domainResult: DnssecNameResult = domainLookup?.result ?? { name: domain, type: 'SOA', status: 'indeterminate', reason: 'not validated' };
  return {
    anchor,
    domain: domainResult,
    mx: mxLookups.map((lookup) => lookup.result),
    zones: [...zones.values()].sort((a, b) => depth(a.zone) - depth(b.zone)),
  };
}
