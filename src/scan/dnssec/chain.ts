/**
 * The chain of trust: from a trust anchor down, label by label, through DS and DNSKEY
 * to the zone that holds a name. Each step's outcome is cached for the scan, so the
 * domain, its MX names and their TLSA names share the work.
 */
import type { DnskeyData, DsData } from 'dns-packet';
import type { DnssecZoneEvidence } from '../evidence/dnssec.js';
import { DnsError, type DnsClient, type DnsResponse } from '../collect/dns/client.js';
import { DNSKEY_FLAG_REVOKE, DNSKEY_FLAG_ZONE, SUPPORTED_ALGORITHMS, SUPPORTED_DIGESTS, dsMatchesKey, keyBits, keyTag } from './crypto.js';
import { proveDenial } from './negative.js';
import { bogus, groupRrsets, indeterminate, verifyRrset, type VerifyContext } from './rrsets.js';
import type { TrustAnchor } from './trust-anchor.js';
import { displayName, isSubdomain, labelsOf, ancestorWithLabels } from './wire.js';

export type Trust =
  | { state: 'secure'; zone: string; keys: DnskeyData[]; path: string[] }
  | { state: 'insecure'; zone: string; reason: string; path: string[] };

export class ZoneChain {
  private readonly steps = new Map<string, Promise<Trust>>();
  readonly zones = new Map<string, DnssecZoneEvidence>();

  constructor(
    private readonly dns: DnsClient,
    private readonly anchors: TrustAnchor[],
  ) {}

  /** Ask through the scan's resolver with DO+CD, within the lookup's query budget. */
  async ask(name: string, type: string, context: VerifyContext): Promise<DnsResponse> {
    if (context.budget.queries <= 0) throw indeterminate('validation needed too many DNS queries');
    context.budget.queries--;
    context.stats.queries++;
    let response: DnsResponse;
    try {
      response = await this.dns.query(name, type as Parameters<DnsClient['query']>[1], { dnssecOk: true, checkingDisabled: true });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      throw indeterminate(`no usable answer for ${displayName(name)}/${type} (${message})`, error instanceof DnsError ? error.kind : 'network');
    }
    // Still truncated after the TCP retry: the answer is incomplete, so nothing can be proven from it.
    if (response.flags.truncated) throw indeterminate(`the answer for ${displayName(name)}/${type} stayed truncated`, 'malformed');
    return response;
  }

  /** The trust of the deepest zone that contains `target` (a zone cut at `target` itself included). */
  async descend(target: string, context: VerifyContext): Promise<Trust> {
    const anchorZone = this.anchors
      .map((anchor) => anchor.zone)
      .filter((zone) => isSubdomain(target, zone))
      .sort((a, b) => labelsOf(b).length - labelsOf(a).length)[0];
    if (anchorZone === undefined) throw indeterminate(`no trust anchor covers ${displayName(target)}`);
    let trust = await this.cached(`anchor|${anchorZone}`, () => this.anchorTrust(anchorZone, context));
    for (let count = labelsOf(anchorZone).length + 1; count <= labelsOf(target).length; count++) {
      if (trust.state !== 'secure') return trust;
      const child = ancestorWithLabels(target, count);
      const parent = trust;
      trust = await this.cached(`child|${child}`, () => this.childTrust(parent, child, context));
    }
    return trust;
  }

  private cached(key: string, make: () => Promise<Trust>): Promise<Trust> {
    let step = this.steps.get(key);
    if (!step) {
      step = make();
      this.steps.set(key, step);
    }
    return step;
  }

  private async anchorTrust(zone: string, context: VerifyContext): Promise<Trust> {
    const mine = this.anchors.filter((anchor) => anchor.zone === zone);
    const ds = mine.flatMap((anchor) => (anchor.kind === 'DS' ? [anchor.ds] : []));
    const keys = mine.flatMap((anchor) => (anchor.kind === 'DNSKEY' ? [anchor.dnskey] : []));
    const trust = await this.zoneKeys(zone, ds, keys, [zone], context);
    if (trust.state === 'insecure') throw indeterminate(`the trust anchor for ${displayName(zone)} uses only algorithms Weerbaar cannot verify`);
    return trust;
  }

  /** One step down: is `child` a signed zone, an unsigned delegation, or part of the parent's zone? */
  private async childTrust(parent: Trust & { state: 'secure' }, child: string, context: VerifyContext): Promise<Trust> {
    const response = await this.ask(child, 'DS', context);
    if (response.rcode !== 'NOERROR' && response.rcode !== 'NXDOMAIN') {
      throw indeterminate(`the resolver answered ${response.rcode} when asked for the DS records of ${displayName(child)}`);
    }
    const dsSet = groupRrsets(response.answers).get(`${child}|DS`);
    if (dsSet && dsSet.records.length > 0) {
      verifyRrset(dsSet, parent.zone, parent.keys, context);
      const ds = dsSet.records.flatMap((record) => (record.type === 'DS' ? [record.data] : []));
      return this.zoneKeys(child, ds, [], [...parent.path, child], context);
    }
    if (groupRrsets(response.answers).get(`${child}|CNAME`)) return parent; // an alias is no zone cut
    const proof = proveDenial(response, child, 'DS', parent, context);
    if (proof.kind === 'optout' || proof.kind === 'insecure') {
      return this.insecure(child, proof.kind === 'insecure' ? proof.reason : `${displayName(child)} lies in an NSEC3 opt-out range: no signed delegation`, parent);
    }
    if (proof.kind === 'nodata' && proof.types?.has('NS') && !proof.types.has('SOA')) {
      return this.insecure(child, `${displayName(child)} is delegated without a DS record: the zone is not signed`, parent);
    }
    return parent; // no zone cut here: the name is inside the parent's zone (or does not exist)
  }

  private insecure(zone: string, reason: string, parent: Trust & { state: 'secure' }): Trust {
    this.zones.set(zone, { zone: displayName(zone), status: 'insecure', ds: [], dnskeys: [] });
    return { state: 'insecure', zone, reason, path: [...parent.path, zone] };
  }

  /** Fetch a zone's DNSKEY set and prove it with DS records (or anchored DNSKEYs). */
  private async zoneKeys(zone: string, dsAll: DsData[], anchoredKeys: DnskeyData[], path: string[], context: VerifyContext): Promise<Trust> {
    const evidence: DnssecZoneEvidence = {
      zone: displayName(zone),
      status: 'indeterminate',
      ...(anchoredKeys.length > 0 || path.length === 1 ? { anchored: true } : {}),
      ds: dsAll.slice(0, context.limits.keysPerZone).map((ds) => ({ keyTag: ds.keyTag, algorithm: ds.algorithm, digestType: ds.digestType })),
      dnskeys: [],
    };
    this.zones.set(zone, evidence);
    const supported = dsAll.filter((ds) => SUPPORTED_ALGORITHMS.has(ds.algorithm) && SUPPORTED_DIGESTS.has(ds.digestType));
    // Like unbound: use only the strongest digest type present (RFC 4509 3).
    const favourite = [4, 2, 1].find((type) => supported.some((ds) => ds.digestType === type));
    const usableDs = supported.filter((ds) => ds.digestType === favourite).slice(0, context.limits.keysPerZone);
    const usableAnchors = anchoredKeys.filter((key) => SUPPORTED_ALGORITHMS.has(key.algorithm));
    if (usableDs.length === 0 && usableAnchors.length === 0) {
      evidence.status = 'insecure';
      const reason = `the DS records of ${displayName(zone)} use only algorithms or digest types Weerbaar cannot verify (RFC 6840 5.2)`;
      return { state: 'insecure', zone, reason, path };
    }
    const response = await this.ask(zone, 'DNSKEY', context);
    const keySet = groupRrsets(response.answers).get(`${zone}|DNSKEY`);
    const keys = (keySet?.records ?? []).flatMap((record) => (record.type === 'DNSKEY' ? [record.data] : []));
    evidence.dnskeys = keys.slice(0, context.limits.keysPerZone).map((key) => ({
      keyTag: keyTag(key),
      algorithm: key.algorithm,
      flags: key.flags,
      ...(keyBits(key) !== undefined ? { bits: keyBits(key) } : {}),
    }));
    evidence.status = 'bogus';
    if (!keySet || keys.length === 0) {
      if (response.rcode !== 'NOERROR') throw indeterminate(`the resolver answered ${response.rcode} when asked for the DNSKEY records of ${displayName(zone)}`);
      throw bogus(`${displayName(zone)} has a DS record in its parent but publishes no DNSKEY records`);
    }
    const usable = (key: DnskeyData): boolean => (key.flags & DNSKEY_FLAG_ZONE) !== 0 && (key.flags & DNSKEY_FLAG_REVOKE) === 0;
    const considered = keys.slice(0, context.limits.keysPerZone);
    const entryKeys = considered.filter(
      (key) =>
        usable(key) &&
        (usableDs.some((ds) => dsMatchesKey(zone, ds, key)) ||
          usableAnchors.some((anchor) => anchor.algorithm === key.algorithm && anchor.key.equals(key.key))),
    );
    if (entryKeys.length === 0) {
      const tags = [...new Set(usableDs.map((ds) => ds.keyTag))].join(', ');
      throw bogus(
        usableDs.length > 0
          ? `no DNSKEY of ${displayName(zone)} matches its DS record (key tag ${tags}) in the parent zone`
          : `no DNSKEY of ${displayName(zone)} matches the trust anchor`,
      );
    }
    verifyRrset(keySet, zone, entryKeys, context);
    evidence.status = 'secure';
    return { state: 'secure', zone, keys: considered.filter((key) => usable(key) && SUPPORTED_ALGORITHMS.has(key.algorithm)), path };
  }
}
