/**
 * DANE for SMTP (RFC 7672, with RFC 7671 and RFC 6698), judged on recorded evidence:
 * - usable records: usage 2 (DANE-TA) or 3 (DANE-EE), selector 0 or 1, matching type
 *   0, 1 or 2. Usages 0 and 1 (PKIX-TA/EE) are not for SMTP (RFC 7672 §3.1.3): unusable.
 * - DANE-EE matches the leaf only; its name and dates are not checked (RFC 7672 §3.1.1).
 * - DANE-TA matches a CA certificate in the chain as sent, other than the leaf, with every
 *   certificate below it signed by the next; the leaf must then match the MX host name
 *   (RFC 7672 §3.2.2).
 * - rollover-safe (RFC 7671 §8.1, internet.nl): the set still works after a key change,
 *   i.e. "current + issuer" (a DANE-EE and a DANE-TA record) or "current + next" (a
 *   usable record that matches now and one that does not yet).
 */
import type { TlsaEvidence, TlsaRecord } from '../../../evidence/smtp.js';
import type { CertInfo, TlsEvidence } from '../../../evidence/index.js';

export interface DaneMatch {
  record: TlsaRecord;
  /** Index in the chain as sent (0 = leaf). */
  certIndex: number;
}

export interface DaneAssessment {
  usable: TlsaRecord[];
  unusable: TlsaRecord[];
  /** Records that authenticate the presented chain. */
  matches: DaneMatch[];
  /** DANE-TA records that match a CA in the chain, but the leaf does not carry the MX name. */
  taNameMismatch: DaneMatch[];
  rollover: 'current+issuer' | 'current+next' | null;
}

export function isUsable(record: TlsaRecord): boolean {
  return (record.usage === 2 || record.usage === 3) && (record.selector === 0 || record.selector === 1) && record.matchingType >= 0 && record.matchingType <= 2;
}

/** The association data a certificate offers for a record's selector and matching type (hex), if known. */
function offered(cert: CertInfo, record: TlsaRecord): string | undefined {
  const dane = cert.dane;
  if (!dane) return undefined;
  const der = record.selector === 0 ? dane.certDer : dane.spkiDer;
  switch (record.matchingType) {
    case 0:
      return der === undefined ? undefined : Buffer.from(der, 'base64').toString('hex');
    case 1:
      return record.selector === 0 ? dane.certSha256 : dane.spkiSha256;
    case 2:
      return record.selector === 0 ? dane.certSha512 : dane.spkiSha512;
    default:
      return undefined;
  }
}

export function certMatches(cert: CertInfo, record: TlsaRecord): boolean {
  const data = offered(cert, record);
  return data !== undefined && data.length > 0 && data === record.data.toLowerCase();
}

/** Every certificate below `index` is signed by the next one: a path from the leaf to chain[index]. */
function pathTo(chain: CertInfo[], index: number): boolean {
  for (let position = 0; position < index; position += 1) if (chain[position]?.dane?.signedByNext !== true) return false;
  return true;
}

export function assessDane(tlsa: TlsaEvidence, tls: TlsEvidence | undefined): DaneAssessment {
  const distinct = new Map<string, TlsaRecord>();
  for (const record of tlsa.records) distinct.set(`${record.usage} ${record.selector} ${record.matchingType} ${record.data.toLowerCase()}`, record);
  const records = [...distinct.values()];
  const usable = records.filter(isUsable);
  const unusable = records.filter((record) => !isUsable(record));
  const chain = tls?.certificate?.chain ?? [];
  const hostnameMatches = tls?.certificate?.hostnameMatches === true;
  const matches: DaneMatch[] = [];
  const taNameMismatch: DaneMatch[] = [];
  const matchingNow = new Set<TlsaRecord>();
  for (const record of usable) {
    if (record.usage === 3) {
      const leaf = chain[0];
      if (leaf && certMatches(leaf, record)) {
        matches.push({ record, certIndex: 0 });
        matchingNow.add(record);
      }
      continue;
    }
    for (let index = 1; index < chain.length; index += 1) {
      const cert = chain[index];
      if (!cert || !cert.isCA || !certMatches(cert, record) || !pathTo(chain, index)) continue;
      matchingNow.add(record);
      (hostnameMatches ? matches : taNameMismatch).push({ record, certIndex: index });
      break;
    }
  }
  let rollover: DaneAssessment['rollover'] = null;
  if (usable.some((record) => record.usage === 2) && usable.some((record) => record.usage === 3)) rollover = 'current+issuer';
  else if (matchingNow.size > 0 && usable.some((record) => !matchingNow.has(record))) rollover = 'current+next';
  return { usable, unusable, matches, taNameMismatch, rollover };
}

/**
 * Which rule makes certificate trust and name binding for one MX (recorded in evidence):
 * DANE (a DNSSEC-secure, usable TLSA set) first, as MTA-STS itself says (RFC 8461 §2);
 * then an MTA-STS policy in mode enforce or testing; otherwise none (information only).
 */
export type CertificateRule = 'dane-ta' | 'dane-ee' | 'mta-sts' | 'none';

export function certificateRule(tlsa: TlsaEvidence | undefined, mtaStsMode: string | undefined): CertificateRule {
  const usable = tlsa && tlsa.dnssec === 'secure' ? tlsa.records.filter(isUsable) : [];
  if (usable.length > 0) return usable.some((record) => record.usage === 2) ? 'dane-ta' : 'dane-ee';
  if (mtaStsMode === 'enforce' || mtaStsMode === 'testing') return 'mta-sts';
  return 'none';
}

/** Whether a failed trust or name check counts, under a rule. */
export function isBinding(rule: CertificateRule, what: 'trust' | 'hostname'): boolean {
  if (rule === 'mta-sts') return true;
  return what === 'hostname' && rule === 'dane-ta';
}
