/**
 * DNSSEC evidence. OWNER: the DNSSEC validator (src/scan/dnssec/). Flesh out freely;
 * keep the exported names and the fields marked "used by others".
 */

/** secure: chain of trust proven; insecure: proven unsigned delegation; bogus: signed but broken; indeterminate: could not tell. */
export type DnssecStatus = 'secure' | 'insecure' | 'bogus' | 'indeterminate';

export interface DnssecNameResult {
  /** used by others */
  name: string;
  /** The RR type validated, e.g. 'SOA', 'A', 'TLSA'. used by others */
  type: string;
  /** used by others */
  status: DnssecStatus;
  /** A plain sentence for bogus / indeterminate (and for insecure: where the chain stops). used by others */
  reason?: string;
  /** The zones from the trust anchor down to the zone of the answer ('.' for the root); for insecure, the last one is the unsigned delegation. */
  chain?: string[];
}

export interface DnssecDsEvidence {
  keyTag: number;
  algorithm: number;
  digestType: number;
}

export interface DnssecKeyEvidence {
  keyTag: number;
  algorithm: number;
  /** 257 = key-signing key (SEP), 256 = zone-signing key; +128 when revoked. */
  flags: number;
  /** RSA modulus size, or the curve's size for ECDSA/EdDSA. */
  bits?: number;
}

/** What the chain of trust showed about one zone: the facts dns.dnssec.algorithms judges. */
export interface DnssecZoneEvidence {
  /** '.' for the root. */
  zone: string;
  status: DnssecStatus;
  /** True when the zone's keys come from the trust anchor rather than a DS in the parent. */
  anchored?: boolean;
  /** The DS records in the parent (empty for an anchored zone or an unsigned delegation). */
  ds: DnssecDsEvidence[];
  /** The zone's DNSKEY records (empty when not fetched). */
  dnskeys: DnssecKeyEvidence[];
}

export interface DnssecEvidence {
  /** 'built-in' (IANA root KSKs) or 'file' (--trust-anchor). */
  anchor: 'built-in' | 'file';
  /** The scanned domain (its SOA record, or the proof that the domain has none). */
  domain: DnssecNameResult;
  /** Each MX host name probed (its A record, or the proof that it has none). */
  mx: DnssecNameResult[];
  /** Every zone on the chains above, each once, from the anchor down. */
  zones: DnssecZoneEvidence[];
}
