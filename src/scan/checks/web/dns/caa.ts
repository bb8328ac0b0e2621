/**
 * web.caa: report, for information, which certificate authorities the domain's CAA
 * records (RFC 8659) allow. CAA is optional hardening, so this never passes or fails;
 * it does point out records that block every certificate.
 */
import { msg, verdict, type Check, type MessageRef } from '../../../check.js';
import type { CaaEvidence } from '../../../evidence/index.js';
import { DNS_FAILURE_TEXTS, dnsFailureVerdict, notCollectedVerdict } from './dns-failure.js';

type CaaRecord = CaaEvidence['records'][number];

/** Tags certificate authorities understand; a critical record with another tag blocks all issuance (RFC 8659 4.1). */
const KNOWN_TAGS = new Set(['issue', 'issuewild', 'iodef', 'contactemail', 'contactphone', 'issuemail', 'issuevmc']);
const CRITICAL_FLAG = 0x80;

/** The CA domain of an issue/issuewild value: `letsencrypt.org; validationmethods=dns-01` -> `letsencrypt.org`; `;` -> ''. */
function issuerOf(value: string): string {
  return (value.split(';')[0] ?? '').trim().toLowerCase();
}

function valuesOf(records: CaaRecord[], tag: string): string[] {
  return records.filter((record) => record.tag.toLowerCase() === tag).map((record) => record.value);
}

export const webCaa: Check = {
  id: 'web.caa',
  texts: {
    en: {
      title: 'CAA records (which certificate authorities may issue)',
      verifies:
        'Whether the domain publishes CAA records in DNS, which tell certificate authorities which of them may issue HTTPS certificates for it. Reported for information; adding them is optional hardening.',
      present: 'CAA records at {{foundAt}} allow only these certificate authorities to issue certificates: {{issuers}}.',
      presentIodef:
        'CAA records at {{foundAt}} allow only these certificate authorities to issue certificates: {{issuers}}; refused requests are reported to {{iodef}}.',
      presentForbidden: 'CAA records at {{foundAt}} forbid every certificate authority to issue certificates for this domain.',
      presentNoIssue:
        'CAA records exist at {{foundAt}}, but they do not limit which certificate authorities may issue ordinary certificates (there is no “issue” record).',
      absent:
        'No CAA records were found for {{host}}, so any certificate authority may issue HTTPS certificates for it. That is normal; CAA is optional extra protection.',
      addCaa:
        'Optional hardening: at your DNS provider, add a CAA record naming the certificate authority you use, for example {{host}} CAA 0 issue "letsencrypt.org". Ask your hosting provider which authority issues your certificate. This makes it harder for an attacker to get a certificate for your shop elsewhere.',
      forbiddenRenewal:
        'If this domain uses HTTPS, add an “issue” record for the certificate authority you use (for example letsencrypt.org) at your DNS provider, or renewing the certificate will fail.',
      criticalUnknown:
        'The CAA record with tag “{{tag}}” is marked critical, but certificate authorities do not know this tag, so they must refuse to issue any certificate. Remove the record or correct the tag at your DNS provider.',
      ...DNS_FAILURE_TEXTS.en,
    },
    nl: {
      title: 'CAA-records (welke certificaatautoriteiten mogen uitgeven)',
      verifies:
        'Of het domein CAA-records in DNS publiceert, die certificaatautoriteiten vertellen wie van hen HTTPS-certificaten voor het domein mag uitgeven. Ter informatie; ze toevoegen is een optionele extra beveiliging.',
      present: 'CAA-records op {{foundAt}} staan alleen deze certificaatautoriteiten toe certificaten uit te geven: {{issuers}}.',
      presentIodef:
        'CAA-records op {{foundAt}} staan alleen deze certificaatautoriteiten toe certificaten uit te geven: {{issuers}}; geweigerde aanvragen worden gemeld aan {{iodef}}.',
      presentForbidden: 'CAA-records op {{foundAt}} verbieden alle certificaatautoriteiten om certificaten voor dit domein uit te geven.',
      presentNoIssue:
        'Er staan CAA-records op {{foundAt}}, maar die beperken niet welke certificaatautoriteiten gewone certificaten mogen uitgeven (er is geen “issue”-record).',
      absent:
        'Er zijn geen CAA-records gevonden voor {{host}}, dus elke certificaatautoriteit mag er HTTPS-certificaten voor uitgeven. Dat is gebruikelijk; CAA is een optionele extra bescherming.',
      addCaa:
        'Optionele extra beveiliging: voeg bij uw DNS-provider een CAA-record toe met de certificaatautoriteit die u gebruikt, bijvoorbeeld {{host}} CAA 0 issue "letsencrypt.org". Vraag uw hostingprovider welke autoriteit uw certificaat uitgeeft. Zo kan een aanvaller minder makkelijk elders een certificaat voor uw webshop krijgen.',
      forbiddenRenewal:
        'Gebruikt dit domein HTTPS, voeg dan bij uw DNS-provider een “issue”-record toe voor de certificaatautoriteit die u gebruikt (bijvoorbeeld letsencrypt.org), anders mislukt het verlengen van het certificaat.',
      criticalUnknown:
        'Het CAA-record met tag “{{tag}}” is als kritiek gemarkeerd, maar certificaatautoriteiten kennen deze tag niet en moeten dan elk certificaat weigeren. Verwijder het record of corrigeer de tag bij uw DNS-provider.',
      ...DNS_FAILURE_TEXTS.nl,
    },
    sv: {
      title: 'CAA-poster (vilka certifikatutfärdare som får utfärda)',
      verifies:
        'Om domänen publicerar CAA-poster i DNS, som talar om för certifikatutfärdare vilka av dem som får utfärda HTTPS-certifikat för den. Redovisas som information; att lägga till dem är en valfri extra skärpning.',
      present: 'CAA-poster på {{foundAt}} tillåter bara dessa certifikatutfärdare att utfärda certifikat: {{issuers}}.',
      presentIodef:
        'CAA-poster på {{foundAt}} tillåter bara dessa certifikatutfärdare att utfärda certifikat: {{issuers}}; nekade förfrågningar rapporteras till {{iodef}}.',
      presentForbidden: 'CAA-poster på {{foundAt}} förbjuder alla certifikatutfärdare att utfärda certifikat för den här domänen.',
      presentNoIssue:
        'Det finns CAA-poster på {{foundAt}}, men de begränsar inte vilka certifikatutfärdare som får utfärda vanliga certifikat (det finns ingen ”issue”-post).',
      absent:
        'Inga CAA-poster hittades för {{host}}, så vilken certifikatutfärdare som helst får utfärda HTTPS-certifikat för den. Det är vanligt; CAA är ett valfritt extra skydd.',
      addCaa:
        'Valfri skärpning: lägg till en CAA-post hos din DNS-leverantör som anger den certifikatutfärdare du använder, till exempel {{host}} CAA 0 issue "letsencrypt.org". Fråga ditt webbhotell vilken utfärdare som utfärdar ditt certifikat. Det gör det svårare för en angripare att skaffa ett certifikat för din butik någon annanstans.',
      forbiddenRenewal:
        'Om domänen använder HTTPS, lägg till en ”issue”-post för den certifikatutfärdare du använder (till exempel letsencrypt.org) hos din DNS-leverantör, annars misslyckas förnyelsen av certifikatet.',
      criticalUnknown:
        'CAA-posten med taggen ”{{tag}}” är markerad som kritisk, men certifikatutfärdare känner inte till taggen och måste då vägra utfärda alla certifikat. Ta bort posten eller rätta taggen hos din DNS-leverantör.',
      ...DNS_FAILURE_TEXTS.sv,
    },
  },

  run(evidence) {
    const host = evidence.target;
    const caa = evidence.web?.caa;
    if (!caa) return notCollectedVerdict(host);
    if (caa.error !== undefined) return dnsFailureVerdict(caa.error, host, { error: caa.error });
    if (caa.records.length === 0 || caa.foundAt === undefined) {
      return verdict('info', 'absent', { host }, [msg('addCaa', { host })], { records: [] });
    }

    const { foundAt, records } = caa;
    const issueValues = valuesOf(records, 'issue');
    const issuers = [...new Set(issueValues.map(issuerOf).filter((issuer) => issuer !== ''))];
    const wildcardIssuers = [...new Set(valuesOf(records, 'issuewild').map(issuerOf).filter((issuer) => issuer !== ''))];
    const iodef = valuesOf(records, 'iodef');
    const facts = { foundAt, issuers, wildcardIssuers, iodef, records };

    const advice: MessageRef[] = records
      .filter((record) => (record.flags & CRITICAL_FLAG) !== 0 && !KNOWN_TAGS.has(record.tag.toLowerCase()))
      .map((record) => msg('criticalUnknown', { tag: record.tag }));

    if (issueValues.length === 0) return verdict('info', 'presentNoIssue', { foundAt }, advice, facts);
    if (issuers.length === 0) {
      return verdict('info', 'presentForbidden', { foundAt }, [...advice, msg('forbiddenRenewal')], facts);
    }
    const params = { foundAt, issuers: issuers.join(', ') };
    return iodef.length > 0
      ? verdict('info', 'presentIodef', { ...params, iodef: iodef.join(', ') }, advice, facts)
      : verdict('info', 'present', params, advice, facts);
  },
};
