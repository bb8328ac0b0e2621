/**
 * Mail wording for the certificate checks. Same keys and placeholders as the web twins'
 * judgements; sentences about browsers become sentences about sending mail servers.
 * `beforeMtaSts` is the mail checks' own: advice for a finding that is information only.
 */
import type { Lang } from '../../../../core/lang.js';

type MailTexts = Record<Lang, Record<string, string>>;

/** Texts trust and hostname add for findings that no sender enforces (no DANE, no MTA-STS). */
const NOT_BINDING: MailTexts = {
  en: {
    beforeMtaSts:
      'Today most sending servers accept this certificate anyway, so this is information and costs no points. Fix it before you publish an MTA-STS policy for your domain, because senders that follow MTA-STS will then refuse to deliver to {{host}}.',
  },
  nl: {
    beforeMtaSts:
      'De meeste verzendende servers accepteren dit certificaat nu toch, dus dit is ter informatie en kost geen punten. Los het op voordat u een MTA-STS-beleid voor uw domein publiceert, want afzenders die MTA-STS volgen, leveren dan niet meer af bij {{host}}.',
  },
  sv: {
    beforeMtaSts:
      'De flesta avsändande servrar godtar ändå certifikatet i dag, så detta är information och kostar inga poäng. Åtgärda det innan du publicerar en MTA-STS-policy för din domän, eftersom avsändare som följer MTA-STS då vägrar leverera till {{host}}.',
  },
};

export const TRUST_TEXTS: MailTexts = {
  en: {
    ...NOT_BINDING.en,
    title: 'Certificate trusted (mail)',
    verifies:
      "Each mail server's certificate is issued by a publicly trusted authority and sent with its full chain. This is information unless your domain publishes MTA-STS, which makes senders insist on it (DANE replaces it).",
    pass: 'The certificate of the mail server {{host}} is trusted (issued by {{issuer}}).',
    selfSigned: 'The certificate of the mail server {{host}} is self-signed: it vouches for itself.',
    untrustedRoot: 'The certificate chain of the mail server {{host}} ends at an authority that is not publicly trusted.',
    incomplete: 'The mail server {{host}} sends its certificate without the intermediate certificate(s), or the certificate comes from an unknown authority.',
    unknownIssuer: 'The certificate of the mail server {{host}} was issued by an authority that is not publicly trusted.',
    expired: 'The certificate chain of the mail server {{host}} does not validate because a certificate in it has expired.',
    notYetValid: 'The certificate of the mail server {{host}} is not valid yet.',
    revoked: 'The certificate of the mail server {{host}} has been revoked by its issuer.',
    criticalExtension: 'The certificate of the mail server {{host}} contains a part marked critical that verifiers do not understand ({{reason}}), so senders that check certificates must reject it.',
    reissueWithoutExtension: "Have the certificate of the mail server {{host}} issued again without the unusual critical extension; an ordinary certificate from a publicly trusted authority (Let's Encrypt works for mail servers too) has none.",
    other: 'The certificate of the mail server {{host}} could not be validated ({{reason}}).',
    installTrusted: "Install a certificate from a publicly trusted authority on the mail server {{host}} (Let's Encrypt works for mail servers too; Postfix: smtpd_tls_chain_files), or ask your mail provider.",
    sendChain: 'Configure the mail server {{host}} to send the intermediate certificate(s) with its own (Postfix: put the full chain, fullchain.pem, in smtpd_tls_chain_files or smtpd_tls_cert_file).',
    renew: "Renew the certificate of the mail server {{host}} and turn on automatic renewal (e.g. Let's Encrypt with a reload of Postfix afterwards), or ask your mail provider.",
    checkDates: 'Check that the clock of the mail server {{host}} is right and that the certificate installed is the current one.',
  },
  nl: {
    ...NOT_BINDING.nl,
    title: 'Certificaat vertrouwd (mail)',
    verifies:
      'Het certificaat van elke mailserver is uitgegeven door een publiek vertrouwde autoriteit en wordt met de volledige keten meegestuurd. Dit is ter informatie, tenzij uw domein MTA-STS publiceert, waardoor afzenders het eisen (DANE vervangt het).',
    pass: 'Het certificaat van de mailserver {{host}} wordt vertrouwd (uitgegeven door {{issuer}}).',
    selfSigned: 'Het certificaat van de mailserver {{host}} is zelfondertekend: het staat voor zichzelf in.',
    untrustedRoot: 'De certificaatketen van de mailserver {{host}} eindigt bij een autoriteit die niet publiek vertrouwd is.',
    incomplete: 'De mailserver {{host}} stuurt zijn certificaat zonder de tussencertificaten mee, of het certificaat komt van een onbekende autoriteit.',
    unknownIssuer: 'Het certificaat van de mailserver {{host}} is uitgegeven door een autoriteit die niet publiek vertrouwd is.',
    expired: 'De certificaatketen van de mailserver {{host}} is niet geldig omdat er een certificaat in is verlopen.',
    notYetValid: 'Het certificaat van de mailserver {{host}} is nog niet geldig.',
    revoked: 'Het certificaat van de mailserver {{host}} is door de uitgever ingetrokken.',
    criticalExtension: 'Het certificaat van de mailserver {{host}} bevat een als kritiek gemarkeerd onderdeel dat controleurs niet kennen ({{reason}}), dus verzenders die certificaten controleren moeten het weigeren.',
    reissueWithoutExtension: "Laat het certificaat van de mailserver {{host}} opnieuw uitgeven zonder de ongebruikelijke kritieke extensie; een gewoon certificaat van een publiek vertrouwde autoriteit (Let's Encrypt werkt ook voor mailservers) heeft die niet.",
    other: 'Het certificaat van de mailserver {{host}} kon niet worden gevalideerd ({{reason}}).',
    installTrusted: "Installeer een certificaat van een publiek vertrouwde autoriteit op de mailserver {{host}} (Let's Encrypt werkt ook voor mailservers; Postfix: smtpd_tls_chain_files), of vraag het uw mailprovider.",
    sendChain: 'Stel de mailserver {{host}} zo in dat de tussencertificaten met het eigen certificaat worden meegestuurd (Postfix: zet de volledige keten, fullchain.pem, in smtpd_tls_chain_files of smtpd_tls_cert_file).',
    renew: "Vernieuw het certificaat van de mailserver {{host}} en zet automatisch vernieuwen aan (bijvoorbeeld Let's Encrypt met daarna een herlaadactie van Postfix), of vraag het uw mailprovider.",
    checkDates: 'Controleer of de klok van de mailserver {{host}} goed staat en of het actuele certificaat is geïnstalleerd.',
  },
  sv: {
    ...NOT_BINDING.sv,
    title: 'Betrott certifikat (e-post)',
    verifies:
      'Varje e-postservers certifikat är utfärdat av en allmänt betrodd utfärdare och skickas med hela kedjan. Detta är information om inte din domän publicerar MTA-STS, som får avsändare att kräva det (DANE ersätter det).',
    pass: 'Certifikatet för e-postservern {{host}} är betrott (utfärdat av {{issuer}}).',
    selfSigned: 'Certifikatet för e-postservern {{host}} är självsignerat: det går i god för sig själv.',
    untrustedRoot: 'Certifikatkedjan för e-postservern {{host}} slutar hos en utfärdare som inte är allmänt betrodd.',
    incomplete: 'E-postservern {{host}} skickar sitt certifikat utan mellanliggande certifikat, eller så kommer certifikatet från en okänd utfärdare.',
    unknownIssuer: 'Certifikatet för e-postservern {{host}} är utfärdat av en utfärdare som inte är allmänt betrodd.',
    expired: 'Certifikatkedjan för e-postservern {{host}} är inte giltig eftersom ett certifikat i den har gått ut.',
    notYetValid: 'Certifikatet för e-postservern {{host}} är inte giltigt ännu.',
    revoked: 'Certifikatet för e-postservern {{host}} har återkallats av utfärdaren.',
    criticalExtension: 'Certifikatet för e-postservern {{host}} innehåller en del som är märkt kritisk och som kontrollanter inte förstår ({{reason}}), så avsändare som kontrollerar certifikat måste avvisa det.',
    reissueWithoutExtension: "Låt utfärda certifikatet för e-postservern {{host}} på nytt utan det ovanliga kritiska tillägget; ett vanligt certifikat från en allmänt betrodd utfärdare (Let's Encrypt fungerar även för e-postservrar) har inget sådant.",
    other: 'Certifikatet för e-postservern {{host}} kunde inte valideras ({{reason}}).',
    installTrusted: "Installera ett certifikat från en allmänt betrodd utfärdare på e-postservern {{host}} (Let's Encrypt fungerar även för e-postservrar; Postfix: smtpd_tls_chain_files), eller fråga din e-postleverantör.",
    sendChain: 'Ställ in e-postservern {{host}} så att de mellanliggande certifikaten skickas med det egna (Postfix: lägg hela kedjan, fullchain.pem, i smtpd_tls_chain_files eller smtpd_tls_cert_file).',
    renew: "Förnya certifikatet för e-postservern {{host}} och slå på automatisk förnyelse (till exempel Let's Encrypt följt av en omladdning av Postfix), eller fråga din e-postleverantör.",
    checkDates: 'Kontrollera att klockan på e-postservern {{host}} går rätt och att det aktuella certifikatet är installerat.',
  },
};

export const HOSTNAME_TEXTS: MailTexts = {
  en: {
    ...NOT_BINDING.en,
    title: 'Certificate matches the name (mail)',
    verifies:
      "Each mail server's certificate is issued for the server's name as it appears in the MX record. This is information unless MTA-STS or a DANE-TA record (usage 2) makes senders check it.",
    pass: 'The certificate of the mail server {{host}} is valid for that name.',
    fail: 'The certificate of the mail server {{host}} is not valid for that name (it covers: {{names}}).',
    failNoSan: 'The certificate of the mail server {{host}} names the server only in its old "common name" field ({{names}}) and has no subjectAltName list.',
    fix: 'Get a certificate for the mail server that covers {{host}}, exactly as the name appears in your MX record, or point the MX record to the name the certificate is for.',
  },
  nl: {
    ...NOT_BINDING.nl,
    title: 'Certificaat past bij de naam (mail)',
    verifies:
      'Het certificaat van elke mailserver is uitgegeven voor de naam van de server zoals die in het MX-record staat. Dit is ter informatie, tenzij MTA-STS of een DANE-TA-record (gebruik 2) afzenders dit laat controleren.',
    pass: 'Het certificaat van de mailserver {{host}} is geldig voor die naam.',
    fail: 'Het certificaat van de mailserver {{host}} is niet geldig voor die naam (het dekt: {{names}}).',
    failNoSan: 'Het certificaat van de mailserver {{host}} noemt de server alleen in het oude veld "common name" ({{names}}) en heeft geen subjectAltName-lijst.',
    fix: 'Vraag voor de mailserver een certificaat aan dat {{host}} dekt, precies zoals de naam in uw MX-record staat, of laat het MX-record wijzen naar de naam waarvoor het certificaat is.',
  },
  sv: {
    ...NOT_BINDING.sv,
    title: 'Certifikatet matchar namnet (e-post)',
    verifies:
      'Varje e-postservers certifikat är utfärdat för serverns namn så som det står i MX-posten. Detta är information om inte MTA-STS eller en DANE-TA-post (användning 2) får avsändare att kontrollera det.',
    pass: 'Certifikatet för e-postservern {{host}} är giltigt för det namnet.',
    fail: 'Certifikatet för e-postservern {{host}} är inte giltigt för det namnet (det täcker: {{names}}).',
    failNoSan: 'Certifikatet för e-postservern {{host}} anger servern bara i det gamla fältet "common name" ({{names}}) och saknar listan subjectAltName.',
    fix: 'Skaffa ett certifikat för e-postservern som täcker {{host}}, exakt så som namnet står i din MX-post, eller låt MX-posten peka på det namn certifikatet gäller.',
  },
};

export const EXPIRY_TEXTS: MailTexts = {
  en: {
    title: 'Certificate validity (mail)',
    verifies: "Each mail server's certificate is valid today and has at least 14 days to go.",
    soon_one: 'The certificate of the mail server {{host}} expires on {{date}}, in {{count}} day; after that, senders that check certificates stop delivering.',
    soon_other: 'The certificate of the mail server {{host}} expires on {{date}}, in {{count}} days; after that, senders that check certificates stop delivering.',
    expired: 'The certificate of the mail server {{host}} expired on {{date}}; senders that check certificates refuse to deliver.',
    notYetValid: 'The certificate of the mail server {{host}} is only valid from {{date}}.',
    renew: "Renew the certificate of the mail server {{host}} now and turn on automatic renewal (e.g. Let's Encrypt with a reload of Postfix afterwards), or ask your mail provider.",
    checkClock: 'Check that the clock of the mail server {{host}} is right, or install a certificate that is valid today.',
    updateChain: 'Install the current intermediate certificate(s) from your certificate authority on the mail server {{host}} (Postfix: the full-chain file in smtpd_tls_chain_files), or ask your mail provider.',
  },
  nl: {
    title: 'Geldigheid certificaat (mail)',
    verifies: 'Het certificaat van elke mailserver is vandaag geldig en nog minstens 14 dagen geldig.',
    soon_one: 'Het certificaat van de mailserver {{host}} verloopt op {{date}}, over {{count}} dag; daarna stoppen afzenders die certificaten controleren met afleveren.',
    soon_other: 'Het certificaat van de mailserver {{host}} verloopt op {{date}}, over {{count}} dagen; daarna stoppen afzenders die certificaten controleren met afleveren.',
    expired: 'Het certificaat van de mailserver {{host}} is verlopen op {{date}}; afzenders die certificaten controleren, weigeren af te leveren.',
    notYetValid: 'Het certificaat van de mailserver {{host}} is pas geldig vanaf {{date}}.',
    renew: "Vernieuw het certificaat van de mailserver {{host}} nu en zet automatisch vernieuwen aan (bijvoorbeeld Let's Encrypt met daarna een herlaadactie van Postfix), of vraag het uw mailprovider.",
    checkClock: 'Controleer of de klok van de mailserver {{host}} goed staat, of installeer een certificaat dat vandaag geldig is.',
    updateChain: 'Installeer de actuele tussencertificaten van uw certificaatautoriteit op de mailserver {{host}} (Postfix: het full-chain-bestand in smtpd_tls_chain_files), of vraag het uw mailprovider.',
  },
  sv: {
    title: 'Certifikatets giltighet (e-post)',
    verifies: 'Varje e-postservers certifikat är giltigt i dag och har minst 14 dagar kvar.',
    soon_one: 'Certifikatet för e-postservern {{host}} går ut {{date}}, om {{count}} dag; därefter slutar avsändare som kontrollerar certifikat att leverera.',
    soon_other: 'Certifikatet för e-postservern {{host}} går ut {{date}}, om {{count}} dagar; därefter slutar avsändare som kontrollerar certifikat att leverera.',
    expired: 'Certifikatet för e-postservern {{host}} gick ut {{date}}; avsändare som kontrollerar certifikat vägrar leverera.',
    notYetValid: 'Certifikatet för e-postservern {{host}} är giltigt först från {{date}}.',
    renew: "Förnya certifikatet för e-postservern {{host}} nu och slå på automatisk förnyelse (till exempel Let's Encrypt följt av en omladdning av Postfix), eller fråga din e-postleverantör.",
    checkClock: 'Kontrollera att klockan på e-postservern {{host}} går rätt, eller installera ett certifikat som är giltigt i dag.',
    updateChain: 'Installera de aktuella mellanliggande certifikaten från din certifikatutfärdare på e-postservern {{host}} (Postfix: filen med hela kedjan i smtpd_tls_chain_files), eller fråga din e-postleverantör.',
  },
};

export const KEY_TEXTS: MailTexts = {
  en: {
    title: 'Certificate key strength (mail)',
    verifies: "The keys in each mail server's certificates are strong enough: RSA of at least 2048 bits (3072 or more recommended), or elliptic-curve keys.",
  },
  nl: {
    title: 'Sleutelsterkte certificaat (mail)',
    verifies: 'De sleutels in de certificaten van elke mailserver zijn sterk genoeg: RSA van minstens 2048 bits (3072 of meer aanbevolen), of sleutels op elliptische krommen.',
  },
  sv: {
    title: 'Certifikatets nyckelstyrka (e-post)',
    verifies: 'Nycklarna i varje e-postservers certifikat är tillräckligt starka: RSA på minst 2048 bitar (3072 eller mer rekommenderas) eller nycklar på elliptiska kurvor.',
  },
};

export const SIGNATURE_TEXTS: MailTexts = {
  en: {
    title: 'Certificate signatures (mail)',
    verifies: 'The certificates each mail server sends (apart from the root) are signed with a secure hash function such as SHA-256, not with the broken SHA-1 or MD5.',
    fail: 'Some certificates of the mail server {{host}} are signed with a broken hash function: {{certs}}. Such signatures can be forged.',
  },
  nl: {
    title: 'Handtekeningen certificaat (mail)',
    verifies: 'De certificaten die elke mailserver meestuurt (behalve de root) zijn ondertekend met een veilige hashfunctie zoals SHA-256, niet met het gebroken SHA-1 of MD5.',
    fail: 'Sommige certificaten van de mailserver {{host}} zijn ondertekend met een gebroken hashfunctie: {{certs}}. Zulke handtekeningen zijn te vervalsen.',
  },
  sv: {
    title: 'Certifikatsignaturer (e-post)',
    verifies: 'Certifikaten som varje e-postserver skickar (utom roten) är signerade med en säker hashfunktion som SHA-256, inte med de knäckta SHA-1 eller MD5.',
    fail: 'Vissa certifikat för e-postservern {{host}} är signerade med en knäckt hashfunktion: {{certs}}. Sådana signaturer kan förfalskas.',
  },
};
