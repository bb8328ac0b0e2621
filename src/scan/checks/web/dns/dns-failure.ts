/**
 * Shared wording for DNS checks whose lookup failed: one sentence per failure code,
 * merged into each check's own texts so every check stays self-contained for i18n.
 */
import type { Lang } from '../../../../core/lang.js';
import { verdict, type CheckVerdict } from '../../../check.js';

export const DNS_FAILURE_TEXTS: Record<Lang, Record<string, string>> = {
  en: {
    dnsTimeout: 'The DNS lookup for {{host}} got no answer in time, so this could not be checked.',
    dnsServfail:
      'The DNS servers for {{host}} answered with an error (SERVFAIL), so this could not be checked. This often means the domain’s name servers are broken or its DNSSEC signatures are invalid.',
    dnsRefused: 'The DNS resolver refused to look up {{host}} (REFUSED), so this could not be checked.',
    dnsNetwork: 'The DNS resolver could not be reached to look up {{host}}, so this could not be checked.',
    dnsMalformed: 'The DNS answer for {{host}} could not be read (it was malformed), so this could not be checked.',
    dnsFailed: 'The DNS lookup for {{host}} failed ({{code}}), so this could not be checked.',
    notCollected: 'The DNS lookups for {{host}} were not done in this scan, so this could not be checked.',
  },
  nl: {
    dnsTimeout: 'De DNS-opvraging voor {{host}} kreeg niet op tijd antwoord, dus dit kon niet worden gecontroleerd.',
    dnsServfail:
      'De DNS-servers voor {{host}} antwoordden met een fout (SERVFAIL), dus dit kon niet worden gecontroleerd. Vaak betekent dit dat de naamservers van het domein niet goed werken of dat de DNSSEC-handtekeningen ongeldig zijn.',
    dnsRefused: 'De DNS-resolver weigerde {{host}} op te zoeken (REFUSED), dus dit kon niet worden gecontroleerd.',
    dnsNetwork: 'De DNS-resolver was niet bereikbaar om {{host}} op te zoeken, dus dit kon niet worden gecontroleerd.',
    dnsMalformed: 'Het DNS-antwoord voor {{host}} was onleesbaar (beschadigd), dus dit kon niet worden gecontroleerd.',
    dnsFailed: 'De DNS-opvraging voor {{host}} mislukte ({{code}}), dus dit kon niet worden gecontroleerd.',
    notCollected: 'De DNS-opvragingen voor {{host}} zijn in deze scan niet gedaan, dus dit kon niet worden gecontroleerd.',
  },
  sv: {
    dnsTimeout: 'DNS-uppslagningen för {{host}} fick inget svar i tid, så detta kunde inte kontrolleras.',
    dnsServfail:
      'DNS-servrarna för {{host}} svarade med ett fel (SERVFAIL), så detta kunde inte kontrolleras. Det betyder ofta att domänens namnservrar inte fungerar eller att dess DNSSEC-signaturer är ogiltiga.',
    dnsRefused: 'DNS-resolvern vägrade slå upp {{host}} (REFUSED), så detta kunde inte kontrolleras.',
    dnsNetwork: 'DNS-resolvern gick inte att nå för att slå upp {{host}}, så detta kunde inte kontrolleras.',
    dnsMalformed: 'DNS-svaret för {{host}} gick inte att läsa (det var felformat), så detta kunde inte kontrolleras.',
    dnsFailed: 'DNS-uppslagningen för {{host}} misslyckades ({{code}}), så detta kunde inte kontrolleras.',
    notCollected: 'DNS-uppslagningarna för {{host}} gjordes inte i den här skanningen, så detta kunde inte kontrolleras.',
  },
};

const KEY_BY_CODE: Record<string, string> = {
  timeout: 'dnsTimeout',
  SERVFAIL: 'dnsServfail',
  REFUSED: 'dnsRefused',
  network: 'dnsNetwork',
  malformed: 'dnsMalformed',
};

/** An `error` verdict for a failed lookup, with the failure code (from AddressEvidence/CaaEvidence) in plain words. */
export function dnsFailureVerdict(code: string, host: string, evidence: Record<string, unknown>): CheckVerdict {
  return verdict('error', KEY_BY_CODE[code] ?? 'dnsFailed', { host, code }, [], evidence);
}

/** The lookups never ran (no web evidence): say so rather than guess. */
export function notCollectedVerdict(host: string): CheckVerdict {
  return verdict('error', 'notCollected', { host });
}
