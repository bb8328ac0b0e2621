/**
 * dns.dnssec.algorithms: the domain's own zone signs with current algorithms.
 * SHA-1 based algorithms (5, 7) and other deprecated ones fail: SHA-1 collisions are
 * practical and a growing number of validators (e.g. RHEL 9) treat such zones as
 * unsigned, so the protection is gone. RSA keys under 2048 bits and a DS with only
 * SHA-1 digests warn: weaker than advised (RFC 8624), but not broken today.
 * Only the domain's zone is judged: the root and the TLD are not the owner's to change.
 */
import { mergeTexts, msg, verdict, type Check, type MessageRef } from '../../check.js';
import type { DnssecZoneEvidence } from '../../evidence/dnssec.js';
import { DNSSEC_SHARED_TEXTS } from './dnssec-texts.js';

/** Plain names of DNSSEC algorithm numbers (IANA registry). */
const ALGORITHM_NAMES: Record<number, string> = {
  1: 'RSA/MD5 (1)',
  3: 'DSA/SHA-1 (3)',
  5: 'RSA/SHA-1 (5)',
  6: 'DSA-NSEC3-SHA1 (6)',
  7: 'RSA/SHA-1-NSEC3 (7)',
  8: 'RSA/SHA-256 (8)',
  10: 'RSA/SHA-512 (10)',
  12: 'GOST (12)',
  13: 'ECDSA P-256 (13)',
  14: 'ECDSA P-384 (14)',
  15: 'Ed25519 (15)',
  16: 'Ed448 (16)',
};

export const algorithmName = (algorithm: number): string => ALGORITHM_NAMES[algorithm] ?? `algorithm ${algorithm}`;

const DEPRECATED = new Set([1, 3, 5, 6, 7, 12]);
const RSA = new Set([1, 5, 7, 8, 10]);
const MIN_RSA_BITS = 2048;

function judgeZone(zone: DnssecZoneEvidence): { status: 'pass' | 'warn' | 'fail'; summary: MessageRef; advice: MessageRef[] } {
  const algorithms = [...new Set([...zone.dnskeys.map((key) => key.algorithm), ...zone.ds.map((ds) => ds.algorithm)])].sort((a, b) => a - b);
  const names = algorithms.map(algorithmName).join(', ');
  const deprecated = algorithms.filter((algorithm) => DEPRECATED.has(algorithm));
  const shortKeys = zone.dnskeys.filter((key) => RSA.has(key.algorithm) && key.bits !== undefined && key.bits < MIN_RSA_BITS);
  const sha1OnlyDs = zone.ds.length > 0 && zone.ds.every((ds) => ds.digestType === 1);
  const advice: MessageRef[] = [];
  if (deprecated.length > 0) advice.push(msg('replaceAlgorithm', { zone: zone.zone, algorithms: deprecated.map(algorithmName).join(', ') }));
  if (shortKeys.length > 0) {
    const keys = shortKeys.map((key) => `${key.keyTag} (${key.bits ?? 0} bits)`).join(', ');
    advice.push(msg('longerKeys', { zone: zone.zone, keys }));
  }
  if (sha1OnlyDs) advice.push(msg('dsDigest', { zone: zone.zone }));
  if (deprecated.length > 0) return { status: 'fail', summary: msg('deprecated', { zone: zone.zone, algorithms: deprecated.map(algorithmName).join(', ') }), advice };
  if (advice.length > 0) return { status: 'warn', summary: msg('weak', { zone: zone.zone, algorithms: names }), advice };
  return { status: 'pass', summary: msg('good', { zone: zone.zone, algorithms: names }), advice };
}

export const dnsDnssecAlgorithms: Check = {
  id: 'dns.dnssec.algorithms',
  texts: mergeTexts(DNSSEC_SHARED_TEXTS, {
    en: {
      title: 'DNSSEC algorithms',
      verifies:
        'The domain’s zone signs with current DNSSEC algorithms: not the SHA-1 based ones (5 and 7), RSA keys of at least 2048 bits, and a DS record with a SHA-256 (or stronger) digest.',
      good: 'Zone {{zone}} signs with current algorithms: {{algorithms}}.',
      weak: 'Zone {{zone}} signs with {{algorithms}}, but part of its setup is weaker than advised.',
      deprecated:
        'Zone {{zone}} signs with {{algorithms}}, which rely on outdated cryptography. More and more internet providers ignore such signatures, so the protection of DNSSEC is lost for their users.',
      unsigned: 'The domain is not signed with DNSSEC, so there are no algorithms to judge.',
      unknown: 'The keys of the domain’s zone could not be read, so the algorithms could not be judged.',
      replaceAlgorithm:
        'Ask the company that hosts the DNS of zone {{zone}} to move from {{algorithms}} to ECDSA P-256 (algorithm 13) or RSA/SHA-256 (algorithm 8); this is called an algorithm rollover and they will also update the DS record.',
      longerKeys: 'Ask the company that hosts the DNS of zone {{zone}} to replace the short RSA keys (key tag {{keys}}) with keys of at least 2048 bits, or to move to ECDSA P-256 (algorithm 13).',
      dsDigest:
        'The DS record of zone {{zone}} at the registry only has a SHA-1 digest (type 1). Ask your registrar or DNS host to publish a DS record with a SHA-256 digest (type 2) instead.',
    },
    nl: {
      title: 'DNSSEC-algoritmen',
      verifies:
        'De zone van het domein ondertekent met actuele DNSSEC-algoritmen: niet de op SHA-1 gebaseerde (5 en 7), RSA-sleutels van minstens 2048 bits, en een DS-record met een SHA-256-digest (of sterker).',
      good: 'Zone {{zone}} ondertekent met actuele algoritmen: {{algorithms}}.',
      weak: 'Zone {{zone}} ondertekent met {{algorithms}}, maar een deel van de inrichting is zwakker dan aangeraden.',
      deprecated:
        'Zone {{zone}} ondertekent met {{algorithms}}, dat op verouderde cryptografie steunt. Steeds meer internetproviders negeren zulke handtekeningen, waardoor de bescherming van DNSSEC voor hun gebruikers wegvalt.',
      unsigned: 'Het domein is niet ondertekend met DNSSEC, dus er zijn geen algoritmen te beoordelen.',
      unknown: 'De sleutels van de zone van het domein konden niet worden gelezen, dus de algoritmen konden niet worden beoordeeld.',
      replaceAlgorithm:
        'Vraag het bedrijf dat de DNS van zone {{zone}} beheert om over te stappen van {{algorithms}} naar ECDSA P-256 (algoritme 13) of RSA/SHA-256 (algoritme 8); dat heet een algoritme-rollover en zij passen dan ook het DS-record aan.',
      longerKeys: 'Vraag het bedrijf dat de DNS van zone {{zone}} beheert om de korte RSA-sleutels (key tag {{keys}}) te vervangen door sleutels van minstens 2048 bits, of over te stappen op ECDSA P-256 (algoritme 13).',
      dsDigest:
        'Het DS-record van zone {{zone}} bij de registry heeft alleen een SHA-1-digest (type 1). Vraag uw registrar of DNS-beheerder om in plaats daarvan een DS-record met een SHA-256-digest (type 2) te publiceren.',
    },
    sv: {
      title: 'DNSSEC-algoritmer',
      verifies:
        'Domänens zon signerar med aktuella DNSSEC-algoritmer: inte de SHA-1-baserade (5 och 7), RSA-nycklar på minst 2048 bitar, och en DS-post med SHA-256-kontrollsumma (eller starkare).',
      good: 'Zonen {{zone}} signerar med aktuella algoritmer: {{algorithms}}.',
      weak: 'Zonen {{zone}} signerar med {{algorithms}}, men en del av uppsättningen är svagare än vad som rekommenderas.',
      deprecated:
        'Zonen {{zone}} signerar med {{algorithms}}, som bygger på föråldrad kryptografi. Allt fler internetleverantörer bortser från sådana signaturer, så skyddet från DNSSEC försvinner för deras användare.',
      unsigned: 'Domänen är inte signerad med DNSSEC, så det finns inga algoritmer att bedöma.',
      unknown: 'Nycklarna för domänens zon kunde inte läsas, så algoritmerna kunde inte bedömas.',
      replaceAlgorithm:
        'Be företaget som sköter DNS för zonen {{zone}} att byta från {{algorithms}} till ECDSA P-256 (algoritm 13) eller RSA/SHA-256 (algoritm 8); det kallas algoritmbyte (rollover) och de uppdaterar då även DS-posten.',
      longerKeys: 'Be företaget som sköter DNS för zonen {{zone}} att byta ut de korta RSA-nycklarna (key tag {{keys}}) mot nycklar på minst 2048 bitar, eller att gå över till ECDSA P-256 (algoritm 13).',
      dsDigest:
        'DS-posten för zonen {{zone}} hos registret har bara en SHA-1-kontrollsumma (typ 1). Be din registrar eller DNS-leverantör att i stället publicera en DS-post med SHA-256 (typ 2).',
    },
  }),
  run(evidence) {
    const dnssec = evidence.dnssec;
    if (!dnssec) return verdict('error', 'notCollected');
    // A bogus answer has no chain; then the deepest zone seen above the domain is its zone.
    const domainName = dnssec.domain.name;
    const contains = (zone: string): boolean => zone === '.' || domainName === zone || domainName.endsWith(`.${zone}`);
    const depth = (zone: string): number => (zone === '.' ? 0 : zone.split('.').length);
    const zoneName =
      dnssec.domain.chain?.at(-1) ??
      dnssec.zones
        .map((candidate) => candidate.zone)
        .filter(contains)
        .sort((a, b) => depth(b) - depth(a))[0];
    const zone = dnssec.zones.find((candidate) => candidate.zone === zoneName);
    const hasFacts = zone !== undefined && (zone.ds.length > 0 || zone.dnskeys.length > 0);
    if (!zone || !hasFacts) {
      // Unsigned: there are no algorithms to judge, and dns.dnssec already costs the points.
      if (dnssec.domain.status === 'insecure') return { ...verdict('skip', 'unsigned', {}, [], { status: dnssec.domain.status }), notApplicable: true };
      return verdict('error', 'unknown', {}, [], { status: dnssec.domain.status });
    }
    const judged = judgeZone(zone);
    return { ...judged, evidence: { zone: zone.zone, ds: zone.ds, dnskeys: zone.dnskeys } };
  },
};
