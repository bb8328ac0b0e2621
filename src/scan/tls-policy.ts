/**
 * TLS policy: pure tables and functions that grade what a TLS prober saw, for HTTPS
 * now and SMTP STARTTLS later (nothing here is web-specific).
 *
 * Source: the NCSC-NL "ICT-beveiligingsrichtlijnen voor TLS" as internet.nl applies them:
 * internetstandards/Internet.nl, checks/tasks/tls/tls_constants.py (CIPHERS_GOOD,
 * CIPHERS_SUFFICIENT, CIPHERS_PHASE_OUT, FS_EC_GOOD, FS_EC_PHASE_OUT, FFDHE_PHASE_OUT_PRIMES,
 * CERT_SIGALG_SUFFICIENT, CERT_RSA_MIN_*), checks/tasks/tls/evaluation.py and
 * checks/tasks/tls/scans.py (test_cipher_order). Weerbaar's own choices, where they differ:
 * - certificate EC keys on curves weaker than P-256 (e.g. P-224) are insufficient (internet.nl: phase out);
 * - RSA-PSS certificate signatures with SHA-256 or stronger are good (internet.nl lists only PKCS#1 v1.5).
 */
import type { TlsVersion } from './evidence/index.js';

export type Grade = 'good' | 'sufficient' | 'phase-out' | 'insufficient';

const GRADE_RANK: Record<Grade, number> = { good: 0, sufficient: 1, 'phase-out': 2, insufficient: 3 };

/** The worst of the grades ('good' for none). */
export function worstGrade(grades: Iterable<Grade>): Grade {
  let worst: Grade = 'good';
  for (const grade of grades) if (GRADE_RANK[grade] > GRADE_RANK[worst]) worst = grade;
  return worst;
}

/* ------------------------------------------------------------ protocol versions */

/** TLS 1.3 good, TLS 1.2 sufficient; TLS 1.1, 1.0, SSLv3 and SSLv2 insufficient. */
export function versionGrade(version: TlsVersion | 'SSLv2'): Grade {
  if (version === 'TLSv1.3') return 'good';
  if (version === 'TLSv1.2') return 'sufficient';
  return 'insufficient';
}

/* ------------------------------------------------------------ cipher suites (IANA names) */

const SUITES_GOOD = new Set(['TLS_AES_256_GCM_SHA384', 'TLS_CHACHA20_POLY1305_SHA256']);

const SUITES_SUFFICIENT = new Set([
  'TLS_AES_128_GCM_SHA256',
  'TLS_AES_128_CCM_SHA256',
  'TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256',
  'TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384',
  'TLS_ECDHE_ECDSA_WITH_AES_256_CCM',
  'TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256',
  'TLS_ECDHE_ECDSA_WITH_AES_128_CCM',
  'TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256',
  'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384',
  'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256',
]);

const SUITES_PHASE_OUT = new Set(
  [
    ...['ECDHE_ECDSA', 'ECDHE_RSA'].flatMap((kx) => [
      `${kx}_WITH_CAMELLIA_256_GCM_SHA384`,
      `${kx}_WITH_CAMELLIA_256_CBC_SHA384`,
      `${kx}_WITH_CAMELLIA_128_GCM_SHA256`,
      `${kx}_WITH_CAMELLIA_128_CBC_SHA256`,
      `${kx}_WITH_ARIA_256_GCM_SHA384`,
      `${kx}_WITH_ARIA_256_CBC_SHA384`,
      `${kx}_WITH_ARIA_128_GCM_SHA256`,
      `${kx}_WITH_ARIA_128_CBC_SHA256`,
      `${kx}_WITH_AES_256_CBC_SHA384`,
      `${kx}_WITH_AES_128_CBC_SHA256`,
    ]),
    'DHE_RSA_WITH_CHACHA20_POLY1305_SHA256',
    'DHE_RSA_WITH_CAMELLIA_256_GCM_SHA384',
    'DHE_RSA_WITH_CAMELLIA_256_CBC_SHA256',
    'DHE_RSA_WITH_CAMELLIA_128_GCM_SHA256',
    'DHE_RSA_WITH_CAMELLIA_128_CBC_SHA256',
    'DHE_RSA_WITH_ARIA_256_GCM_SHA384',
    'DHE_RSA_WITH_ARIA_256_CBC_SHA384',
    'DHE_RSA_WITH_ARIA_128_GCM_SHA256',
    'DHE_RSA_WITH_ARIA_128_CBC_SHA256',
    'DHE_RSA_WITH_AES_256_GCM_SHA384',
    'DHE_RSA_WITH_AES_256_CCM',
    'DHE_RSA_WITH_AES_256_CBC_SHA256',
    'DHE_RSA_WITH_AES_128_GCM_SHA256',
    'DHE_RSA_WITH_AES_128_CCM',
    'DHE_RSA_WITH_AES_128_CBC_SHA256',
  ].map((name) => `TLS_${name}`),
);

/** Anything internet.nl does not list as good, sufficient or phase out is insufficient. */
export function suiteGrade(iana: string): Grade {
  if (SUITES_GOOD.has(iana)) return 'good';
  if (SUITES_SUFFICIENT.has(iana)) return 'sufficient';
  if (SUITES_PHASE_OUT.has(iana)) return 'phase-out';
  return 'insufficient';
}

export type SuiteWeakness =
  | 'no-encryption'
  | 'export'
  | 'anonymous'
  | 'rc4'
  | 'des'
  | '3des'
  | 'old-cipher'
  | 'static-rsa'
  | 'static-dh'
  | 'md5'
  | 'sha1-cbc'
  | 'short-tag'
  | 'not-recommended';

/** Why an insufficient suite is insufficient, most serious first (for advice texts). */
export function suiteWeaknesses(iana: string): SuiteWeakness[] {
  if (suiteGrade(iana) !== 'insufficient') return [];
  const found: SuiteWeakness[] = [];
  const kx = iana.includes('_WITH_') ? iana.slice(4, iana.indexOf('_WITH_')) : '';
  const cipher = iana.includes('_WITH_') ? iana.slice(iana.indexOf('_WITH_') + 6) : iana.slice(4);
  if (/^NULL_/.test(cipher)) found.push('no-encryption');
  if (kx.includes('EXPORT')) found.push('export');
  if (kx.includes('anon')) found.push('anonymous');
  if (cipher.startsWith('RC4')) found.push('rc4');
  if (/^(DES_CBC|DES40_CBC)/.test(cipher)) found.push('des');
  if (cipher.startsWith('3DES')) found.push('3des');
  if (/^(RC2|IDEA|SEED)/.test(cipher)) found.push('old-cipher');
  if (/^RSA(_EXPORT1024|_EXPORT)?$/.test(kx)) found.push('static-rsa');
  if (/^(DH_DSS|DH_RSA|ECDH_ECDSA|ECDH_RSA)/.test(kx)) found.push('static-dh');
  if (cipher.endsWith('_MD5')) found.push('md5');
  if (/_CBC_SHA$/.test(cipher) && found.length === 0) found.push('sha1-cbc');
  if (cipher.endsWith('_CCM_8') || cipher.endsWith('CCM_8_SHA256')) found.push('short-tag');
  if (found.length === 0) found.push('not-recommended');
  return found;
}

/* ------------------------------------------------------------ cipher order */

export interface CipherOrderInput {
  /** IANA names of the suites the server accepted at the version tested (the highest below TLS 1.3). */
  accepted: string[];
  serverEnforced: boolean | null;
  /** The server's order (IANA names) when it enforces one. */
  preferred: string[];
}

/**
 * - not-applicable: only good suites, so any order is fine;
 * - no-phase-out: good or sufficient suites, no phase-out suite (insufficient ones are the cipher check's);
 * - no-better: no good or sufficient suite (phase-out or insufficient ones only): nothing better to prefer;
 * - good: both kinds, and the server itself prefers every better suite (the only state that
 *   says the server prefers anything);
 * - unknown: both kinds, and whether the server or the client chooses was not determined;
 * - bad: both kinds, and a client can end up with the phase-out suite.
 */
export type CipherOrderResult =
  | { status: 'not-applicable' | 'no-phase-out' | 'no-better' | 'good' | 'unknown' }
  | { status: 'bad'; /** The phase-out suite the server picks... */ chosen: string; /** ...over this better one. */ expected: string };

/**
 * internet.nl's rule (NCSC B2-5, scans.py test_cipher_order): the server must prefer every
 * good or sufficient suite over every phase-out suite; order within a level does not matter
 * and insufficient suites are left to the cipher check. Not applicable when the server
 * offers only good suites. A server that follows the client's order fails as soon as it
 * offers both a phase-out suite and a better one, since a client listing the phase-out suite
 * first gets it.
 */
export function cipherOrderResult(input: CipherOrderInput): CipherOrderResult {
  const grades = input.accepted.map((name) => ({ name, grade: suiteGrade(name) }));
  if (grades.every((entry) => entry.grade === 'good')) return { status: 'not-applicable' };
  const better = grades.filter((entry) => entry.grade === 'good' || entry.grade === 'sufficient').map((entry) => entry.name);
  const phaseOut = grades.filter((entry) => entry.grade === 'phase-out').map((entry) => entry.name);
  if (better.length === 0) return { status: 'no-better' };
  if (phaseOut.length === 0) return { status: 'no-phase-out' };
  if (input.serverEnforced === null) return { status: 'unknown' };
  if (!input.serverEnforced) return { status: 'bad', chosen: phaseOut[0] ?? '', expected: better[0] ?? '' };
  const rank = (name: string): number => {
    const index = input.preferred.indexOf(name);
    return index === -1 ? Number.MAX_SAFE_INTEGER : index;
  };
  const firstPhaseOut = [...phaseOut].sort((a, b) => rank(a) - rank(b))[0] ?? '';
  const lastBetter = [...better].sort((a, b) => rank(b) - rank(a))[0] ?? '';
  return rank(firstPhaseOut) < rank(lastBetter) ? { status: 'bad', chosen: firstPhaseOut, expected: lastBetter } : { status: 'good' };
}

/* ------------------------------------------------------------ key exchange */

/** OpenSSL names of elliptic-curve groups; IANA aliases map onto them. */
const GROUP_ALIASES: Record<string, string> = { secp256r1: 'prime256v1', 'P-256': 'prime256v1', x25519: 'X25519', x448: 'X448', secp192r1: 'prime192v1' };
const EC_GROUPS_GOOD = new Set(['secp521r1', 'secp384r1', 'prime256v1', 'brainpoolP512r1', 'brainpoolP384r1', 'brainpoolP256r1', 'X25519', 'X448']);
const EC_GROUPS_PHASE_OUT = new Set(['secp224r1']);

/** ECDHE groups: NIST P-256/384/521, brainpool r1 curves, X25519 and X448 good; P-224 phase out; others insufficient. */
export function ecGroupGrade(name: string): Grade {
  const canonical = GROUP_ALIASES[name] ?? name;
  if (EC_GROUPS_GOOD.has(canonical)) return 'good';
  if (EC_GROUPS_PHASE_OUT.has(canonical)) return 'phase-out';
  return 'insufficient';
}

/** RFC 7919 finite-field groups NCSC accepts (as phase out) for DHE. */
const FFDHE_PHASE_OUT = new Set(['ffdhe3072', 'ffdhe4096', 'ffdhe6144', 'ffdhe8192']);

/**
 * DHE parameters. internet.nl: only the RFC 7919 groups ffdhe3072 and larger are acceptable
 * (phase out); ffdhe2048, home-made primes and anything under 2048 bits are insufficient.
 * When the group is unknown (only the size was seen), 3072 bits or more is given the benefit
 * of the doubt.
 */
export function dhGrade(params: { bits: number; group?: string }): Grade {
  if (params.bits < 2048) return 'insufficient';
  if (params.group !== undefined) return FFDHE_PHASE_OUT.has(params.group) ? 'phase-out' : 'insufficient';
  return params.bits >= 3072 ? 'phase-out' : 'insufficient';
}

/* ------------------------------------------------------------ certificates */

const CERT_CURVES_GOOD = new Set(['prime256v1', 'secp384r1', 'secp521r1', 'brainpoolP256r1', 'brainpoolP384r1', 'brainpoolP512r1']);

/** Certificate public keys: RSA >= 3072 good, >= 2048 phase out; EC P-256 and up, Ed25519, Ed448 good; the rest insufficient. */
export function certKeyGrade(key: { keyType: string; keyBits?: number; curve?: string }): Grade {
  switch (key.keyType) {
    case 'rsa':
    case 'rsa-pss': {
      const bits = key.keyBits ?? 0;
      if (bits >= 3072) return 'good';
      return bits >= 2048 ? 'phase-out' : 'insufficient';
    }
    case 'ec':
      return key.curve !== undefined && CERT_CURVES_GOOD.has(GROUP_ALIASES[key.curve] ?? key.curve) ? 'good' : 'insufficient';
    case 'ed25519':
    case 'ed448':
      return 'good';
    default:
      return 'insufficient';
  }
}

/** The hash inside a signature algorithm name, lower-case ('sha256', 'sha1', 'md5'), or undefined. */
export function signatureHash(algorithm: string): string | undefined {
  const lower = algorithm.toLowerCase();
  if (lower === 'ed25519' || lower === 'ed448') return lower;
  return /(md2|md4|md5|sha-?1|sha-?224|sha-?256|sha-?384|sha-?512)(?!\d)/.exec(lower)?.[1]?.replace('-', '');
}

/** Certificate signatures: SHA-256 and up, Ed25519, Ed448 good; SHA-224 phase out; SHA-1, MD5, MD2 insufficient. */
export function signatureGrade(algorithm: string): Grade {
  const hash = signatureHash(algorithm);
  if (hash === undefined) return 'phase-out';
  if (hash === 'sha224') return 'phase-out';
  if (hash === 'md2' || hash === 'md4' || hash === 'md5' || hash === 'sha1') return 'insufficient';
  return 'good';
}
