/**
 * Words shared by the three DNSSEC checks: what DNSSEC is, in plain language, and the
 * verdicts every one of them can give.
 */
import type { Lang } from '../../../core/lang.js';

export const DNSSEC_SHARED_TEXTS: Record<Lang, Record<string, string>> = {
  en: {
    notCollected: 'The DNSSEC part of the scan was not collected, so this could not be checked.',
  },
  nl: {
    notCollected: 'Het DNSSEC-deel van de scan is niet verzameld, dus dit kon niet worden gecontroleerd.',
  },
  sv: {
    notCollected: 'DNSSEC-delen av skanningen samlades inte in, så detta kunde inte kontrolleras.',
  },
};

/** Plain names of DNSSEC algorithm numbers (IANA registry). */
export const ALGORITHM_NAMES: Record<number, string> = {
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
