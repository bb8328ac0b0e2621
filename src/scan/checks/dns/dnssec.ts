/**
 * dns.dnssec: the domain's DNS answers are signed with DNSSEC and the signatures hold
 * from the root down (validated by Weerbaar itself, not taken from a resolver's AD bit).
 */
import { mergeTexts, msg, verdict, type Check } from '../../check.js';
import { DNSSEC_SHARED_TEXTS } from './dnssec-texts.js';

export const dnsDnssec: Check = {
  id: 'dns.dnssec',
  texts: mergeTexts(DNSSEC_SHARED_TEXTS, {
    en: {
      title: 'DNSSEC for the domain',
      verifies:
        'The domain’s DNS records are signed with DNSSEC and the signatures are valid from the root of the DNS down, so nobody can slip visitors or mail servers a forged address.',
      secure: 'The DNS records of {{domain}} are signed with DNSSEC and the signatures are valid.',
      insecure:
        'The DNS records of {{domain}} are not signed with DNSSEC. Anyone who can tamper with DNS answers on the way could send your visitors and e-mail to a fake server.',
      bogus:
        'The DNSSEC signatures of {{domain}} are broken: {{reason}}. Internet providers that check DNSSEC cannot reach your domain at all, so your website and e-mail fail for many people.',
      indeterminate: 'Whether {{domain}} is signed with DNSSEC could not be determined: {{reason}}.',
      enable:
        'Ask the company that hosts the DNS of {{domain}} (often your registrar or hosting provider) to turn on DNSSEC. At most providers this is one setting; they then publish the DS record at the registry for you.',
      fixBogus:
        'Urgent: ask the company that hosts the DNS of {{domain}} to repair DNSSEC (renew the signatures, or replace the DS record at the registry with one that matches the current key). If that cannot be done quickly, have the DS record removed so the domain works again.',
    },
    nl: {
      title: 'DNSSEC voor het domein',
      verifies:
        'De DNS-records van het domein zijn ondertekend met DNSSEC en de handtekeningen kloppen vanaf de root van het DNS, zodat niemand bezoekers of mailservers een vals adres kan toespelen.',
      secure: 'De DNS-records van {{domain}} zijn ondertekend met DNSSEC en de handtekeningen zijn geldig.',
      insecure:
        'De DNS-records van {{domain}} zijn niet ondertekend met DNSSEC. Wie onderweg DNS-antwoorden kan vervalsen, kan uw bezoekers en e-mail naar een valse server sturen.',
      bogus:
        'De DNSSEC-handtekeningen van {{domain}} zijn ongeldig: {{reason}}. Internetproviders die DNSSEC controleren, kunnen uw domein dan helemaal niet bereiken, dus uw website en e-mail werken voor veel mensen niet.',
      indeterminate: 'Of {{domain}} met DNSSEC is ondertekend, kon niet worden vastgesteld: {{reason}}.',
      enable:
        'Vraag het bedrijf dat de DNS van {{domain}} beheert (vaak uw registrar of hostingprovider) om DNSSEC aan te zetten. Bij de meeste providers is dat één instelling; zij zetten dan ook het DS-record bij de registry voor u.',
      fixBogus:
        'Dringend: vraag het bedrijf dat de DNS van {{domain}} beheert om DNSSEC te herstellen (de handtekeningen vernieuwen, of het DS-record bij de registry vervangen door een dat bij de huidige sleutel past). Lukt dat niet snel, laat dan het DS-record verwijderen zodat het domein weer werkt.',
    },
    sv: {
      title: 'DNSSEC för domänen',
      verifies:
        'Domänens DNS-poster är signerade med DNSSEC och signaturerna håller hela vägen från DNS-roten, så att ingen kan ge besökare eller e-postservrar en falsk adress.',
      secure: 'DNS-posterna för {{domain}} är signerade med DNSSEC och signaturerna är giltiga.',
      insecure:
        'DNS-posterna för {{domain}} är inte signerade med DNSSEC. Den som kan förfalska DNS-svar på vägen kan skicka dina besökare och din e-post till en falsk server.',
      bogus:
        'DNSSEC-signaturerna för {{domain}} är trasiga: {{reason}}. Internetleverantörer som kontrollerar DNSSEC kan då inte nå din domän alls, så webbplats och e-post fungerar inte för många.',
      indeterminate: 'Om {{domain}} är signerad med DNSSEC kunde inte avgöras: {{reason}}.',
      enable:
        'Be företaget som sköter DNS för {{domain}} (ofta din registrar eller ditt webbhotell) att slå på DNSSEC. Hos de flesta är det en inställning; de lägger då även in DS-posten hos registret åt dig.',
      fixBogus:
        'Brådskande: be företaget som sköter DNS för {{domain}} att laga DNSSEC (förnya signaturerna, eller byt DS-posten hos registret mot en som passar den nuvarande nyckeln). Går det inte snabbt, låt ta bort DS-posten så att domänen fungerar igen.',
    },
  }),
  run(evidence) {
    const dnssec = evidence.dnssec;
    if (!dnssec) return verdict('error', 'notCollected');
    const { domain } = dnssec;
    const facts = { name: domain.name, status: domain.status, chain: domain.chain ?? [], ...(domain.reason ? { reason: domain.reason } : {}), anchor: dnssec.anchor };
    const params = { domain: domain.name, reason: domain.reason ?? '' };
    switch (domain.status) {
      case 'secure':
        return verdict('pass', 'secure', params, [], facts);
      case 'insecure':
        return verdict('fail', 'insecure', { domain: domain.name }, [msg('enable', { domain: domain.name })], facts);
      case 'bogus':
        return verdict('fail', 'bogus', params, [msg('fixBogus', { domain: domain.name })], facts);
      default:
        return verdict('error', 'indeterminate', params, [], facts);
    }
  },
};
