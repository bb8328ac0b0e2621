/**
 * Authenticated denial of existence: what validated NSEC (RFC 4035 5.4, RFC 6840 4.1)
 * and NSEC3 (RFC 5155 8) records prove about a name and type. The records given here
 * have already had their signatures checked; this module only reasons about names.
 */
import type { Nsec3Data, NsecData } from 'dns-packet';
import { base32hexDecode, nsec3Hash } from './crypto.js';
import { ancestorWithLabels, compareCanonical, isSubdomain, labelsOf, normalName, parentName } from './wire.js';

/** RFC 9276 / unbound 1.17+: NSEC3 with more iterations is treated as insecure (and costs us nothing to refuse). */
export const MAX_NSEC3_ITERATIONS = 150;

export type DenialProof =
  /** The name exists without the type. `types` is the type bitmap of the name itself when a record matched it. */
  | { kind: 'nodata'; types?: Set<string> }
  | { kind: 'nxdomain' }
  /** NSEC3 opt-out covers the name: an unsigned delegation may exist there (RFC 5155 8.6). */
  | { kind: 'optout' }
  /** NSEC3 parameters we refuse to evaluate: the answer is insecure (RFC 9276 3.2). */
  | { kind: 'insecure'; reason: string }
  | { kind: 'unproven'; reason: string };

export interface NsecInput {
  owner: string;
  data: NsecData;
}

export interface Nsec3Input {
  owner: string;
  data: Nsec3Data;
}

/* ---------------------------------------------------------------- NSEC */

function nsecCovers(owner: string, next: string, name: string): boolean {
  if (compareCanonical(owner, next) < 0) return compareCanonical(owner, name) < 0 && compareCanonical(name, next) < 0;
  // The last NSEC of the zone points back to the apex.
  return compareCanonical(owner, name) < 0 || compareCanonical(name, next) < 0;
}

/** An NSEC at a delegation or DNAME above the name says nothing about names below it. */
function nsecDelegatesAway(nsec: { owner: string; types: Set<string> }, name: string): boolean {
  if (nsec.owner === name || !isSubdomain(name, nsec.owner)) return false;
  return nsec.types.has('DNAME') || (nsec.types.has('NS') && !nsec.types.has('SOA'));
}

function commonAncestor(a: string, b: string): string {
  const left = labelsOf(a).reverse();
  const right = labelsOf(b).reverse();
  const shared: string[] = [];
  for (let index = 0; index < Math.min(left.length, right.length) && left[index] === right[index]; index++) shared.push(left[index] ?? '');
  return shared.reverse().join('.');
}

function typesAllowNodata(types: Set<string>, type: string): string | undefined {
  if (types.has(type)) return `the NSEC record says ${type} exists`;
  if (types.has('CNAME')) return 'the NSEC record says the name is an alias (CNAME)';
  return undefined;
}

/** What NSEC records prove about `qname`/`qtype` in zone `zone`. */
export function proveWithNsec(qname: string, qtype: string, zone: string, records: NsecInput[]): DenialProof {
  const nsecs = records.map((record) => ({
    owner: normalName(record.owner),
    next: normalName(record.data.nextDomain),
    types: new Set(record.data.rrtypes),
  }));
  const exact = nsecs.find((nsec) => nsec.owner === qname);
  if (exact) {
    const problem = typesAllowNodata(exact.types, qtype);
    if (problem) return { kind: 'unproven', reason: problem };
    const atParentSide = exact.types.has('NS') && !exact.types.has('SOA');
    if (qtype === 'DS' && exact.types.has('SOA') && qname !== '') {
      return { kind: 'unproven', reason: `the "no DS" proof for ${qname} came from the child zone instead of its parent` };
    }
    if (qtype !== 'DS' && atParentSide && qname !== zone) {
      return { kind: 'unproven', reason: `the NSEC record for ${qname} is the parent's delegation record` };
    }
    return { kind: 'nodata', types: exact.types };
  }
  const cover = nsecs.find((nsec) => nsecCovers(nsec.owner, nsec.next, qname) && !nsecDelegatesAway(nsec, qname));
  if (!cover) return { kind: 'unproven', reason: `no NSEC record covers ${qname}` };
  // An NSEC whose next name is below qname proves qname is an empty non-terminal.
  if (cover.next !== qname && isSubdomain(cover.next, qname)) return { kind: 'nodata' };
  const ownerShared = commonAncestor(qname, cover.owner);
  const nextShared = commonAncestor(qname, cover.next);
  const encloser = labelsOf(ownerShared).length >= labelsOf(nextShared).length ? ownerShared : nextShared;
  if (!isSubdomain(encloser, zone)) return { kind: 'unproven', reason: `the NSEC records do not belong to ${zone}` };
  const wildcard = encloser === '' ? '*' : `*.${encloser}`;
  const wildcardMatch = nsecs.find((nsec) => nsec.owner === wildcard);
  if (wildcardMatch) {
    const problem = typesAllowNodata(wildcardMatch.types, qtype);
    return problem ? { kind: 'unproven', reason: problem } : { kind: 'nodata' };
  }
  const wildcardCover = nsecs.find((nsec) => nsecCovers(nsec.owner, nsec.next, wildcard));
  if (!wildcardCover) return { kind: 'unproven', reason: `no NSEC record proves that ${wildcard} does not exist` };
  return { kind: 'nxdomain' };
}

/**
 * For a wildcard answer (RFC 4035 5.3.4): does an NSEC record prove that `name` does not
 * exist and that `encloser`, the wildcard's parent, is its closest encloser? The second
 * part matters: for a.b.example with b.example existing, *.example must not apply, yet
 * the NSEC after b.example covers a.b.example. Its owner shares more labels with the
 * name than the encloser does, which gives the replayed wildcard away (as in unbound).
 */
export function nsecProvesNoName(name: string, encloser: string, records: NsecInput[]): boolean {
  return records.some((record) => {
    const owner = normalName(record.owner);
    const next = normalName(record.data.nextDomain);
    const nsec = { owner, types: new Set(record.data.rrtypes) };
    if (!nsecCovers(owner, next, name) || nsecDelegatesAway(nsec, name)) return false;
    const viaOwner = commonAncestor(name, owner);
    const viaNext = commonAncestor(name, next);
    const closest = labelsOf(viaOwner).length >= labelsOf(viaNext).length ? viaOwner : viaNext;
    return closest === encloser;
  });
}

/* ---------------------------------------------------------------- NSEC3 */

interface Nsec3Entry {
  hash: Buffer;
  next: Buffer;
  types: Set<string>;
  optOut: boolean;
}

export class Nsec3Chain {
  private readonly entries: Nsec3Entry[];
  private readonly hashes = new Map<string, Buffer>();

  private constructor(
    private readonly zone: string,
    private readonly salt: Buffer,
    private readonly iterations: number,
    entries: Nsec3Entry[],
    private readonly hashBudget: { left: number },
  ) {
    this.entries = entries;
  }

  /** The usable NSEC3 records of `zone` (hash algorithm 1, owner directly under the zone, one parameter set). */
  static from(zone: string, records: Nsec3Input[], hashBudget: { left: number }): Nsec3Chain | DenialProof {
    const usable = records.filter((record) => record.data.algorithm === 1 && (record.data.flags & 0xfe) === 0);
    const [first] = usable;
    if (!first) return { kind: 'unproven', reason: 'no NSEC3 record with a known hash algorithm' };
    if (first.data.iterations > MAX_NSEC3_ITERATIONS) {
      return { kind: 'insecure', reason: `the zone's NSEC3 records use ${first.data.iterations} hash iterations (more than ${MAX_NSEC3_ITERATIONS}, RFC 9276)` };
    }
    const entries: Nsec3Entry[] = [];
    for (const record of usable) {
      const owner = normalName(record.owner);
      if (parentName(owner) !== zone) continue;
      if (record.data.iterations !== first.data.iterations || !record.data.salt.equals(first.data.salt)) continue;
      const hash = base32hexDecode(labelsOf(owner)[0] ?? '');
      if (!hash || hash.length !== 20 || record.data.nextDomain.length !== 20) continue;
      entries.push({ hash, next: record.data.nextDomain, types: new Set(record.data.rrtypes), optOut: (record.data.flags & 1) === 1 });
    }
    if (entries.length === 0) return { kind: 'unproven', reason: `no NSEC3 record of ${zone || 'the root'} is usable` };
    return new Nsec3Chain(zone, first.data.salt, first.data.iterations, entries, hashBudget);
  }

  private hashOf(name: string): Buffer | undefined {
    const known = this.hashes.get(name);
    if (known) return known;
    if (this.hashBudget.left <= 0) return undefined;
    this.hashBudget.left--;
    const hash = nsec3Hash(name, this.salt, this.iterations);
    this.hashes.set(name, hash);
    return hash;
  }

  private match(name: string): Nsec3Entry | undefined {
    const hash = this.hashOf(name);
    return hash && this.entries.find((entry) => entry.hash.equals(hash));
  }

  private cover(name: string): Nsec3Entry | undefined {
    const hash = this.hashOf(name);
    if (!hash) return undefined;
    return this.entries.find((entry) =>
      Buffer.compare(entry.hash, entry.next) < 0
        ? Buffer.compare(entry.hash, hash) < 0 && Buffer.compare(hash, entry.next) < 0
        : Buffer.compare(entry.hash, hash) < 0 || Buffer.compare(hash, entry.next) < 0,
    );
  }

  /** RFC 5155 8.3: the closest provable encloser of qname and the NSEC3 covering the next closer name. */
  private closestEncloser(qname: string): { encloser: string; nextCloserCover: Nsec3Entry } | undefined {
    const depth = labelsOf(qname).length;
    for (let count = depth - 1; count >= labelsOf(this.zone).length; count--) {
      const candidate = ancestorWithLabels(qname, count);
      const found = this.match(candidate);
      if (!found) continue;
      // A delegation or DNAME cannot be a closest encloser for names below it.
      if (found.types.has('DNAME') || (found.types.has('NS') && !found.types.has('SOA'))) return undefined;
      const nextCloser = ancestorWithLabels(qname, count + 1);
      const nextCloserCover = this.cover(nextCloser);
      return nextCloserCover ? { encloser: candidate, nextCloserCover } : undefined;
    }
    return undefined;
  }

  prove(qname: string, qtype: string, rcode: string): DenialProof {
    if (!isSubdomain(qname, this.zone)) return { kind: 'unproven', reason: `${qname} is not in zone ${this.zone}` };
    const exact = this.match(qname);
    if (exact) {
      const problem = typesAllowNodata(exact.types, qtype);
      if (problem) return { kind: 'unproven', reason: problem.replace('NSEC', 'NSEC3') };
      if (qtype === 'DS' && exact.types.has('SOA') && qname !== '') {
        return { kind: 'unproven', reason: `the "no DS" proof for ${qname} came from the child zone instead of its parent` };
      }
      if (qtype !== 'DS' && exact.types.has('NS') && !exact.types.has('SOA')) {
        return { kind: 'unproven', reason: `the NSEC3 record for ${qname} is the parent's delegation record` };
      }
      return { kind: 'nodata', types: exact.types };
    }
    const proof = this.closestEncloser(qname);
    if (!proof) return { kind: 'unproven', reason: `no NSEC3 closest-encloser proof for ${qname}` };
    // RFC 5155 8.6: a DS query whose next closer name falls in an opt-out span may be an unsigned
    // delegation; like unbound, an NXDOMAIN in an opt-out span is insecure too.
    if (proof.nextCloserCover.optOut && (qtype === 'DS' || rcode === 'NXDOMAIN')) return { kind: 'optout' };
    const wildcard = `*.${proof.encloser}`.replace(/\.$/, '');
    const wildcardMatch = this.match(wildcard);
    if (wildcardMatch) {
      const problem = typesAllowNodata(wildcardMatch.types, qtype);
      return problem ? { kind: 'unproven', reason: problem.replace('NSEC', 'NSEC3') } : { kind: 'nodata' };
    }
    if (this.cover(wildcard)) return { kind: 'nxdomain' };
    return { kind: 'unproven', reason: `no NSEC3 record proves that ${wildcard} does not exist` };
  }

  /** For a wildcard answer: the next closer name of `qname` below `encloser` is covered (RFC 5155 8.8). */
  provesNoName(qname: string, encloser: string): boolean {
    const nextCloser = ancestorWithLabels(qname, labelsOf(encloser).length + 1);
    return this.cover(nextCloser) !== undefined;
  }
}
