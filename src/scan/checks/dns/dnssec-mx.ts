/**
 * mail.dnssec.mx: every MX host name is DNSSEC-signed, so a sending server (and DANE)
 * can trust the address it finds for it. Not applicable to a Null MX or a domain without MX.
 */
import { mergeTexts, msg, verdict, type Check, type MessageRef, type Status } from '../../check.js';
import type { DnssecNameResult, DnssecStatus } from '../../evidence/dnssec.js';
import { DNSSEC_SHARED_TEXTS } from './dnssec-texts.js';

const ORDER: DnssecStatus[] = ['bogus', 'indeterminate', 'insecure', 'secure'];
const STATUS: Record<DnssecStatus, Status> = { bogus: 'fail', indeterminate: 'error', insecure: 'fail', secure: 'pass' };

function hostsWith(results: DnssecNameResult[], status: DnssecStatus): string {
  return results.filter((result) => result.status === status).map((result) => result.name).join(', ');
}

export const mailDnssecMx: Check = {
  id: 'mail.dnssec.mx',
  texts: mergeTexts(DNSSEC_SHARED_TEXTS, {
    en: {
      title: 'DNSSEC for the mail servers',
      verifies:
        'The names of the domain’s mail servers (MX) are signed with DNSSEC, so servers that send you e-mail cannot be misled to a fake mail server; DANE also depends on it.',
      secure: 'The mail server names are signed with DNSSEC and the signatures are valid: {{hosts}}.',
      insecure:
        'These mail server names are not signed with DNSSEC: {{hosts}}. Someone who can tamper with DNS answers could redirect e-mail meant for you.',
      bogus:
        'The DNSSEC signatures of these mail server names are broken: {{hosts}} ({{reason}}). Mail servers that check DNSSEC cannot deliver e-mail to them.',
      indeterminate: 'Whether these mail server names are signed could not be determined: {{hosts}} ({{reason}}).',
      nullMx: 'The domain says it receives no e-mail (Null MX), so this does not apply.',
      noMx: 'The domain has no MX records, so there are no mail servers to check.',
      enableMx:
        'Ask whoever hosts the DNS of {{hosts}} to turn on DNSSEC. If your e-mail is run by a provider and the names are theirs, ask the provider whether they support DNSSEC, or choose one that does.',
      fixBogusMx: 'Urgent: ask whoever hosts the DNS of {{hosts}} to repair DNSSEC (renew the signatures or fix the DS record at the registry).',
    },
    nl: {
      title: 'DNSSEC voor de mailservers',
      verifies:
        'De namen van de mailservers van het domein (MX) zijn ondertekend met DNSSEC, zodat servers die u e-mail sturen niet naar een valse mailserver kunnen worden misleid; ook DANE is daarvan afhankelijk.',
      secure: 'De namen van de mailservers zijn ondertekend met DNSSEC en de handtekeningen zijn geldig: {{hosts}}.',
      insecure:
        'Deze mailservernamen zijn niet ondertekend met DNSSEC: {{hosts}}. Wie DNS-antwoorden kan vervalsen, kan e-mail die voor u bedoeld is omleiden.',
      bogus:
        'De DNSSEC-handtekeningen van deze mailservernamen zijn ongeldig: {{hosts}} ({{reason}}). Mailservers die DNSSEC controleren, kunnen daar geen e-mail afleveren.',
      indeterminate: 'Of deze mailservernamen zijn ondertekend, kon niet worden vastgesteld: {{hosts}} ({{reason}}).',
      nullMx: 'Het domein geeft aan geen e-mail te ontvangen (Null MX), dus dit is niet van toepassing.',
      noMx: 'Het domein heeft geen MX-records, dus er zijn geen mailservers om te controleren.',
      enableMx:
        'Vraag de beheerder van de DNS van {{hosts}} om DNSSEC aan te zetten. Wordt uw e-mail door een provider verzorgd en zijn de namen van hen, vraag dan of zij DNSSEC ondersteunen, of kies een provider die dat doet.',
      fixBogusMx: 'Dringend: vraag de beheerder van de DNS van {{hosts}} om DNSSEC te herstellen (handtekeningen vernieuwen of het DS-record bij de registry corrigeren).',
    },
    sv: {
      title: 'DNSSEC för e-postservrarna',
      verifies:
        'Namnen på domänens e-postservrar (MX) är signerade med DNSSEC, så att servrar som skickar e-post till dig inte kan luras till en falsk e-postserver; även DANE bygger på det.',
      secure: 'E-postservrarnas namn är signerade med DNSSEC och signaturerna är giltiga: {{hosts}}.',
      insecure:
        'Dessa e-postservernamn är inte signerade med DNSSEC: {{hosts}}. Den som kan förfalska DNS-svar kan leda om e-post som är avsedd för dig.',
      bogus:
        'DNSSEC-signaturerna för dessa e-postservernamn är trasiga: {{hosts}} ({{reason}}). E-postservrar som kontrollerar DNSSEC kan inte leverera e-post dit.',
      indeterminate: 'Om dessa e-postservernamn är signerade kunde inte avgöras: {{hosts}} ({{reason}}).',
      nullMx: 'Domänen anger att den inte tar emot e-post (Null MX), så detta är inte tillämpligt.',
      noMx: 'Domänen har inga MX-poster, så det finns inga e-postservrar att kontrollera.',
      enableMx:
        'Be den som sköter DNS för {{hosts}} att slå på DNSSEC. Sköts din e-post av en leverantör och namnen är deras, fråga om de stöder DNSSEC, eller välj en leverantör som gör det.',
      fixBogusMx: 'Brådskande: be den som sköter DNS för {{hosts}} att laga DNSSEC (förnya signaturerna eller rätta DS-posten hos registret).',
    },
  }),
  run(evidence) {
    const mx = evidence.mail?.mx;
    if (mx?.nullMx) return { ...verdict('skip', 'nullMx'), notApplicable: true };
    if (mx && !mx.error && mx.records.length === 0) return { ...verdict('skip', 'noMx'), notApplicable: true };
    const dnssec = evidence.dnssec;
    if (!dnssec || dnssec.mx.length === 0) return verdict('error', 'notCollected');
    const results = dnssec.mx;
    const worst = ORDER.find((status) => results.some((result) => result.status === status)) ?? 'secure';
    const firstReason = results.find((result) => result.status === worst)?.reason ?? '';
    const advice: MessageRef[] = [];
    if (results.some((result) => result.status === 'bogus')) advice.push(msg('fixBogusMx', { hosts: hostsWith(results, 'bogus') }));
    if (results.some((result) => result.status === 'insecure')) advice.push(msg('enableMx', { hosts: hostsWith(results, 'insecure') }));
    const facts = { hosts: results.map((result) => ({ host: result.name, status: result.status, ...(result.reason ? { reason: result.reason } : {}) })) };
    const params: Record<string, string> = { hosts: hostsWith(results, worst) };
    if (worst === 'bogus' || worst === 'indeterminate') params.reason = firstReason;
    return verdict(STATUS[worst], worst, params, advice, facts);
  },
};
