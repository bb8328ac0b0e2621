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
