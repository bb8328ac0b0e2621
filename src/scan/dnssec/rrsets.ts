/**
 * Shared pieces of the validator: budgets, the Verdict thrown for bogus/indeterminate,
 * grouping response sections into RRsets, and verifying an RRset against a zone's keys
 * with KeyTrap-safe caps (CVE-2023-50387).
 */
import type { DnskeyData, RrsigData } from 'dns-packet';
import type { DnssecStatus } from '../evidence/dnssec.js';
import { keyTag, verifyRrsig } from './crypto.js';
import { displayName, labelsOf, normalName, type DnsRecord } from './wire.js';

export interface ValidatorLimits {
  /** DNS queries one lookup may cause (cached zone work from earlier lookups is free). */
  queriesPerLookup: number;
  /** Signature verifications per RRset: many RRSIGs x many keys sharing a key tag is the KeyTrap attack. */
  verificationsPerRrset: number;
  verificationsPerLookup: number;
  /** NSEC3 hash computations per lookup (CVE-2023-50868). */
  nsec3HashesPerLookup: number;
  cnameChain: number;
  /** RRSIGs looked at per RRset, and DNSKEYs looked at per zone. */
  signaturesPerRrset: number;
  keysPerZone: number;
}

export const DEFAULT_LIMITS: ValidatorLimits = {
  queriesPerLookup: 40,
  verificationsPerRrset: 16,
  verificationsPerLookup: 96,
  nsec3HashesPerLookup: 64,
  cnameChain: 8,
  signaturesPerRrset: 8,
  keysPerZone: 32,
};

export interface Budget {
  queries: number;
  verifications: number;
  hashes: { left: number };
}

export interface ValidatorStats {
  queries: number;
  verifications: number;
}

/** A final verdict reached deep inside validation: thrown, caught by lookup(). */
export class Verdict extends Error {
  constructor(
    readonly status: Exclude<DnssecStatus, 'secure' | 'insecure'>,
    reason: string,
    /** For indeterminate: the DNS failure ('timeout', 'network', 'malformed'), when that was the cause. */
    readonly code?: string,
  ) {
    super(reason);
  }
}

export const bogus = (reason: string): Verdict => new Verdict('bogus', reason);
export const indeterminate = (reason: string, code?: string): Verdict => new Verdict('indeterminate', reason, code);

export interface RrSet {
  name: string;
  type: string;
  records: DnsRecord[];
  sigs: RrsigData[];
}

/** Group a section into RRsets by owner and type; RRSIGs attach to the RRset they cover. */
export function groupRrsets(section: readonly { name: string; type: string }[]): Map<string, RrSet> {
  const sets = new Map<string, RrSet>();
  const get = (name: string, type: string): RrSet => {
    const key = `${name}|${type}`;
    let set = sets.get(key);
    if (!set) {
      set = { name, type, records: [], sigs: [] };
      sets.set(key, set);
    }
    return set;
  };
  for (const raw of section) {
    if (raw.type === 'OPT') continue;
    const record = raw as DnsRecord;
    const name = normalName(record.name);
    if (record.type === 'RRSIG') get(name, record.data.typeCovered).sigs.push(record.data);
    else get(name, record.type).records.push(record);
  }
  return sets;
}

const MAX_SERIAL_SKEW = 86_400;
const MIN_SERIAL_SKEW = 180;

/** RFC 4034 3.1.5 serial-number arithmetic, with unbound's skew: 10% of the validity period, 3 minutes to 1 day. */
export function signatureTimeProblem(sig: RrsigData, now: Date): string | undefined {
  const nowSeconds = Math.floor(now.getTime() / 1000) >>> 0;
  // Like unbound: a window that ends before it starts is no window (its "period" would also buy a day of skew).
  if (((sig.expiration - sig.inception) | 0) < 0) return `has its inception (${serialDate(sig.inception, now)}) after its expiration (${serialDate(sig.expiration, now)})`;
  const period = (sig.expiration - sig.inception) >>> 0;
  const skew = Math.min(MAX_SERIAL_SKEW, Math.max(MIN_SERIAL_SKEW, Math.floor(period / 10)));
  const sinceInception = (nowSeconds - sig.inception) | 0;
  const untilExpiration = (sig.expiration - nowSeconds) | 0;
  if (untilExpiration + skew < 0) return `expired on ${serialDate(sig.expiration, now)}`;
  if (sinceInception + skew < 0) return `not valid before ${serialDate(sig.inception, now)}`;
  return undefined;
}

/** The calendar date of a 32-bit signature time, taken in the 136-year window around now. */
function serialDate(serial: number, now: Date): string {
  const nowSeconds = Math.floor(now.getTime() / 1000);
  const delta = (serial - (nowSeconds >>> 0)) | 0;
  return new Date((nowSeconds + delta) * 1000).toISOString().slice(0, 10);
}

export interface VerifyContext {
  now: Date;
  budget: Budget;
  limits: ValidatorLimits;
  stats: ValidatorStats;
}

/** Verify an RRset with the keys of `zone`; returns the RRSIG that verified, or throws a bogus Verdict saying why not. */
export function verifyRrset(set: RrSet, zone: string, keys: DnskeyData[], context: VerifyContext): RrsigData {
  const what = `the ${set.type} records of ${displayName(set.name)}`;
  const ownerLabels = labelsOf(set.name).length - (set.name.startsWith('*.') || set.name === '*' ? 1 : 0);
  const byZone = set.sigs.filter((sig) => normalName(sig.signersName) === zone && sig.labels <= ownerLabels);
  if (byZone.length === 0) throw bogus(`${what} have no signature from zone ${displayName(zone)}`);
  let tried = 0;
  let problem: string | undefined;
  for (const sig of byZone.slice(0, context.limits.signaturesPerRrset)) {
    const timeProblem = signatureTimeProblem(sig, context.now);
    if (timeProblem) {
      problem ??= `the signature on ${what} ${timeProblem}`;
      continue;
    }
    const candidates = keys.filter((key) => key.algorithm === sig.algorithm && keyTag(key) === sig.keyTag);
    if (candidates.length === 0) {
      problem ??= `no DNSKEY of ${displayName(zone)} has key tag ${sig.keyTag}, which signed ${what}`;
      continue;
    }
    for (const key of candidates) {
      if (tried >= context.limits.verificationsPerRrset || context.budget.verifications <= 0) {
        throw bogus(`${what} carry too many signatures or keys to try (a defence against the KeyTrap attack)`);
      }
      tried++;
      context.budget.verifications--;
      context.stats.verifications++;
      if (verifyRrsig(sig, set.records, key)) return sig;
      problem = `the signature on ${what} does not verify`;
    }
  }
  throw bogus(problem ?? `${what} have no usable signature`);
}
