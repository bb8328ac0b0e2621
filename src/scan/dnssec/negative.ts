/**
 * Proving a negative answer: verify the NSEC or NSEC3 records in the authority section
 * with the keys of the zone that signed them, then ask denial.ts what they prove.
 */
import type { DnskeyData, Nsec3Data, NsecData } from 'dns-packet';
import type { DnsResponse } from '../collect/dns/client.js';
import { Nsec3Chain, nsecProvesNoName, proveWithNsec, type DenialProof, type Nsec3Input, type NsecInput } from './denial.js';
import { bogus, groupRrsets, verifyRrset, type RrSet, type VerifyContext } from './rrsets.js';
import { displayName, isSubdomain, normalName } from './wire.js';

const MAX_DENIAL_RRSETS = 8;

/** The signed NSEC/NSEC3 RRsets of a response's authority section. */
export function denialRrsets(response: DnsResponse): RrSet[] {
  return [...groupRrsets(response.authorities).values()].filter(
    (set) => (set.type === 'NSEC' || set.type === 'NSEC3') && set.records.length > 0,
  );
}

/** The zone that signed the denial records for `qname`, if any did. */
export function denialSigner(response: DnsResponse, qname: string): string | undefined {
  for (const set of denialRrsets(response)) {
    for (const sig of set.sigs) {
      const signer = normalName(sig.signersName);
      if (isSubdomain(qname, signer)) return signer;
    }
  }
  return undefined;
}

/**
 * Verify the denial records signed by `zone` and evaluate them for qname/qtype.
 * Throws a bogus Verdict when the proof is missing, unsigned or does not hold.
 */
export function proveDenial(
  response: DnsResponse,
  qname: string,
  qtype: string,
  zone: { zone: string; keys: DnskeyData[] },
  context: VerifyContext,
): Exclude<DenialProof, { kind: 'unproven' }> {
  const what = `${displayName(qname)}/${qtype}`;
  const sets = denialRrsets(response)
    .filter((set) => set.sigs.some((sig) => normalName(sig.signersName) === zone.zone))
    .slice(0, MAX_DENIAL_RRSETS);
  if (sets.length === 0) throw bogus(`the answer for ${what} has no signed NSEC or NSEC3 proof from zone ${displayName(zone.zone)}`);
  for (const set of sets) verifyRrset(set, zone.zone, zone.keys, context);
  const nsecs: NsecInput[] = sets
    .filter((set) => set.type === 'NSEC')
    .flatMap((set) => set.records.map((record) => ({ owner: set.name, data: record.data as NsecData })));
  let proof: DenialProof;
  if (nsecs.length > 0) {
    proof = proveWithNsec(qname, qtype, zone.zone, nsecs);
  } else {
    const nsec3s: Nsec3Input[] = sets.flatMap((set) => set.records.map((record) => ({ owner: set.name, data: record.data as Nsec3Data })));
    const chain = Nsec3Chain.from(zone.zone, nsec3s, context.budget.hashes);
    proof = chain instanceof Nsec3Chain ? chain.prove(qname, qtype, response.rcode) : chain;
  }
  if (proof.kind === 'unproven') throw bogus(`the denial for ${what} does not hold: ${proof.reason}`);
  return proof;
}

/** For a wildcard-expanded answer: is there a signed proof that `qname` itself does not exist? */
export function provesWildcardExpansion(response: DnsResponse, qname: string, encloser: string, zone: { zone: string; keys: DnskeyData[] }, context: VerifyContext): boolean {
  const sets = denialRrsets(response)
    .filter((set) => set.sigs.some((sig) => normalName(sig.signersName) === zone.zone))
    .slice(0, MAX_DENIAL_RRSETS);
  if (sets.length === 0) return false;
  for (const set of sets) verifyRrset(set, zone.zone, zone.keys, context);
  const nsecs = sets.filter((set) => set.type === 'NSEC').flatMap((set) => set.records.map((record) => ({ owner: set.name, data: record.data as NsecData })));
  if (nsecs.length > 0) {
    return nsecProvesNoName(qname, encloser, nsecs);
  }
  const nsec3s = sets.flatMap((set) => set.records.map((record) => ({ owner: set.name, data: record.data as Nsec3Data })));
  const chain = Nsec3Chain.from(zone.zone, nsec3s, context.budget.hashes);
  return chain instanceof Nsec3Chain && chain.provesNoName(qname, encloser);
}
