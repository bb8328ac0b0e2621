/**
 * Weerbaar's own DNSSEC validator, a stub validator like `delv`: it asks the scan's
 * resolver with DO+CD and proves every answer (or its absence) from the trust anchor
 * down. One validator per scan: zone keys and DS proofs are cached across lookups.
 *
 * Verdicts: secure (proven), insecure (proven unsigned delegation, or only algorithms
 * we cannot verify), bogus (signed but broken, with the reason) or indeterminate
 * (no usable answer, or a limit hit). lookup() never throws.
 */
import type { DnsClient, DnsResponse } from '../collect/dns/client.js';
import type { DnssecNameResult, DnssecStatus, DnssecZoneEvidence } from '../evidence/dnssec.js';
import { ZoneChain, type Trust } from './chain.js';
import { denialSigner, proveDenial, provesWildcardExpansion } from './negative.js';
import {
  DEFAULT_LIMITS,
  Verdict,
  bogus,
  groupRrsets,
  indeterminate,
  verifyRrset,
  type RrSet,
  type ValidatorLimits,
  type ValidatorStats,
  type VerifyContext,
} from './rrsets.js';
import type { TrustAnchor } from './trust-anchor.js';
import type { DnssecValidator, ValidatedLookup } from './types.js';
import { ancestorWithLabels, displayName, isSubdomain, labelsOf, normalName } from './wire.js';

export type { ValidatorLimits, ValidatorStats } from './rrsets.js';

export interface ValidatorOptions {
  now?: () => Date;
  limits?: Partial<ValidatorLimits>;
}

interface Outcome {
  status: DnssecStatus;
  reason?: string;
  path: string[];
}

const RANK: Record<DnssecStatus, number> = { secure: 0, insecure: 1, indeterminate: 2, bogus: 3 };

function worst(outcomes: Outcome[]): Outcome {
  return outcomes.reduce((a, b) => (RANK[b.status] > RANK[a.status] ? b : a));
}

function fromTrust(trust: Trust): Outcome {
  return trust.state === 'insecure'
    ? { status: 'insecure', reason: trust.reason, path: trust.path }
    : { status: 'secure', path: trust.path };
}

export function createValidator(
  dns: DnsClient,
  anchors: TrustAnchor[],
  options: ValidatorOptions = {},
): DnssecValidator & { readonly stats: ValidatorStats } {
  const limits: ValidatorLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const now = options.now ?? ((): Date => new Date());
  const stats: ValidatorStats = { queries: 0, verifications: 0 };
  const chain = new ZoneChain(dns, anchors);

  /** The zone `signer` must be a zone on a secure chain; returns its keys (or the insecure outcome). */
  async function signerTrust(signer: string, owner: string, context: VerifyContext): Promise<Trust> {
    if (!isSubdomain(owner, signer)) throw bogus(`${displayName(owner)} is signed by ${displayName(signer)}, a zone that does not contain it`);
    const trust = await chain.descend(signer, context);
    if (trust.state === 'secure' && trust.zone !== signer) {
      throw bogus(`${displayName(owner)} is signed by ${displayName(signer)}, which has no DS record in zone ${displayName(trust.zone)}`);
    }
    return trust;
  }

  async function unsignedOutcome(owner: string, what: string, context: VerifyContext): Promise<Outcome> {
    const trust = await chain.descend(owner, context);
    if (trust.state === 'insecure') return fromTrust(trust);
    throw bogus(`${what} carry no signature, but zone ${displayName(trust.zone)} is signed`);
  }

  async function validatePositive(set: RrSet, response: DnsResponse, context: VerifyContext): Promise<Outcome> {
    const what = `the ${set.type} records of ${displayName(set.name)}`;
    const signer = set.sigs.map((sig) => normalName(sig.signersName)).find((name) => isSubdomain(set.name, name));
    if (signer === undefined) {
      if (set.sigs.length > 0) throw bogus(`${what} are signed by a zone that does not contain them`);
      return unsignedOutcome(set.name, what, context);
    }
    const trust = await signerTrust(signer, set.name, context);
    if (trust.state === 'insecure') return fromTrust(trust);
    const sig = verifyRrset(set, trust.zone, trust.keys, context);
    if (sig.labels < labelsOf(set.name).length) {
      // Synthesised from a wildcard: the name itself must be proven not to exist (RFC 4035 5.3.4).
      const encloser = ancestorWithLabels(set.name, sig.labels);
      if (!provesWildcardExpansion(response, set.name, encloser, trust, context)) {
        throw bogus(`${what} come from a wildcard without proof that ${displayName(set.name)} does not exist`);
      }
    }
    return fromTrust(trust);
  }

  async function validateNegative(response: DnsResponse, qname: string, qtype: string, context: VerifyContext): Promise<Outcome> {
    const signer = denialSigner(response, qname);
    const what = response.rcode === 'NXDOMAIN' ? `the answer that ${displayName(qname)} does not exist` : `the answer that ${displayName(qname)} has no ${qtype} records`;
    if (signer === undefined) return unsignedOutcome(qname, what, context);
    const trust = await signerTrust(signer, qname, context);
    if (trust.state === 'insecure') return fromTrust(trust);
    const proof = proveDenial(response, qname, qtype, trust, context);
    if (proof.kind === 'optout' || proof.kind === 'insecure') {
      return { status: 'insecure', reason: proof.kind === 'insecure' ? proof.reason : `${displayName(qname)} lies in an NSEC3 opt-out range`, path: trust.path };
    }
    if (response.rcode === 'NXDOMAIN' && proof.kind !== 'nxdomain') throw bogus(`NXDOMAIN for ${displayName(qname)}, but its NSEC records say the name exists`);
    if (response.rcode !== 'NXDOMAIN' && proof.kind !== 'nodata') throw bogus(`no ${qtype} records for ${displayName(qname)}, but its NSEC records say the name does not exist`);
    return fromTrust(trust);
  }

  async function validate(
    qname: string,
    qtype: string,
    context: VerifyContext,
    seenResponse: { response?: DnsResponse },
  ): Promise<{ outcome: Outcome; response: DnsResponse; answers: RrSet | undefined }> {
    // Each alias is validated with the response it came in (a wildcard-expanded CNAME needs that response's proof).
    const aliases: { set: RrSet; response: DnsResponse }[] = [];
    const seen = new Set<string>([qname]);
    let asked = qname;
    for (;;) {
      const response = await chain.ask(asked, qtype, context);
      seenResponse.response = response;
      if (response.rcode !== 'NOERROR' && response.rcode !== 'NXDOMAIN') {
        throw indeterminate(`the resolver answered ${response.rcode} for ${displayName(asked)}/${qtype}`);
      }
      const sets = groupRrsets(response.answers);
      // Walk the CNAME chain first, so loops and long chains are caught before any crypto.
      let current = asked;
      let final = sets.get(`${current}|${qtype}`);
      while (!final || final.records.length === 0) {
        const cname = qtype === 'CNAME' ? undefined : sets.get(`${current}|CNAME`);
        const target = cname?.records[0]?.type === 'CNAME' ? normalName(cname.records[0].data) : undefined;
        if (!cname || target === undefined) break;
        if (aliases.length >= limits.cnameChain) throw indeterminate(`the CNAME chain from ${displayName(qname)} is longer than ${limits.cnameChain}`);
        if (seen.has(target)) throw indeterminate(`the CNAME chain from ${displayName(qname)} loops`);
        seen.add(target);
        aliases.push({ set: cname, response });
        current = target;
        final = sets.get(`${current}|${qtype}`);
      }
      const answers = final && final.records.length > 0 ? final : undefined;
      // An authoritative server (knot, nsd, bind without recursion) stops at a CNAME whose target lies in
      // another zone: the response then says nothing about the target (no SOA of its zone), so ask for it.
      const saysNothingAbout = (name: string): boolean =>
        !response.authorities.some((record) => record.type === 'SOA' && isSubdomain(name, normalName(record.name)));
      if (!answers && current !== asked && saysNothingAbout(current)) {
        asked = current;
        continue;
      }
      const outcomes: Outcome[] = [];
      for (const alias of aliases) outcomes.push(await validatePositive(alias.set, alias.response, context));
      outcomes.push(answers ? await validatePositive(answers, response, context) : await validateNegative(response, current, qtype, context));
      return { outcome: worst(outcomes), response, answers };
    }
  }

  function zonesOf(path: string[]): DnssecZoneEvidence[] {
    return path.flatMap((zone) => {
      const found = chain.zones.get(zone);
      return found ? [found] : [];
    });
  }

  return {
    stats,
    async lookup(name: string, type: string): Promise<ValidatedLookup> {
      const qname = normalName(name);
      const context: VerifyContext = {
        now: now(),
        limits,
        stats,
        budget: {
          queries: limits.queriesPerLookup,
          verifications: limits.verificationsPerLookup,
          hashes: { left: limits.nsec3HashesPerLookup },
        },
      };
      const base = { name: displayName(qname), type };
      const seen: { response?: DnsResponse } = {};
      try {
        const { outcome, response, answers } = await validate(qname, type.toUpperCase(), context, seen);
        const result: DnssecNameResult = {
          ...base,
          status: outcome.status,
          ...(outcome.reason ? { reason: outcome.reason } : {}),
          chain: outcome.path.map(displayName),
        };
        return { rcode: response.rcode, answers: answers?.records ?? [], result, zones: zonesOf(outcome.path) };
      } catch (error) {
        const status = error instanceof Verdict ? error.status : 'indeterminate';
        const reason = error instanceof Error ? error.message : String(error);
        const rcode = seen.response?.rcode ?? (error instanceof Verdict ? error.code : undefined) ?? 'network';
        // Bogus data is never handed out; the zones seen on the way still tell dns.dnssec.algorithms what was there.
        const zones = [...chain.zones.entries()]
          .filter(([zone]) => isSubdomain(qname, zone))
          .sort(([a], [b]) => labelsOf(a).length - labelsOf(b).length)
          .map(([, zone]) => zone);
        return { rcode, answers: [], result: { ...base, status, reason }, zones };
      }
    },
  };
}
