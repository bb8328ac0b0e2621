/**
 * The validator's public seam. OWNER: the DNSSEC validator. Other collectors (TLSA for
 * DANE, MX names) only use DnssecValidator.lookup.
 */
import type { Answer } from 'dns-packet';
import type { DnssecNameResult, DnssecZoneEvidence } from '../evidence/dnssec.js';

export interface ValidatedLookup {
  /** 'NOERROR', 'NXDOMAIN', ... or a failure code ('timeout', 'network', 'malformed'). */
  rcode: string;
  /** The answer records of the asked type at the name (after CNAMEs), without RRSIGs. */
  answers: Answer[];
  /** The DNSSEC verdict on this answer (or on its proven absence). */
  result: DnssecNameResult;
  /** The zones on the chain of trust to this answer, with their keys (for dns.dnssec.algorithms). */
  zones?: DnssecZoneEvidence[];
}

export interface DnssecValidator {
  /** Query name/type (DO+CD through the scan's resolver) and validate the answer from the trust anchor down. Never throws. */
  lookup(name: string, type: string): Promise<ValidatedLookup>;
}
