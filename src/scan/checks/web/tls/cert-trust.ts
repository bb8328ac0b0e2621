/**
 * web.cert.trust: the certificate chain the server sends validates to a trusted root
 * (the system store plus --ca-file), as Node/OpenSSL verify it. The hostname is left to
 * web.cert.hostname. An expired certificate does not validate either (browsers refuse it),
 * so it fails here too, with the expiry named as the reason.
 */
import { msg, type Check } from '../../../check.js';
import type { TlsEvidence } from '../../../evidence/index.js';
import { withTlsTexts } from './common-texts.js';
import { certificateOf, hostVerdict, judgeTlsHosts, type HostVerdict } from './hosts.js';

type Problem = 'selfSigned' | 'untrustedRoot' | 'incomplete' | 'unknownIssuer' | 'expired' | 'notYetValid' | 'revoked' | 'criticalExtension' | 'other';

function problemOf(certificate: NonNullable<TlsEvidence['certificate']>): Problem {
  const code = certificate.trustError ?? '';
  const leaf = certificate.chain[0];
  // OpenSSL reports the last error it met; a self-signed leaf is the more useful thing to say.
  if (leaf?.selfSigned && certificate.chain.length === 1) return 'selfSigned';
  switch (code) {
    case 'DEPTH_ZERO_SELF_SIGNED_CERT':
      return 'selfSigned';
    case 'SELF_SIGNED_CERT_IN_CHAIN':
      return 'untrustedRoot';
    case 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY':
    case 'UNABLE_TO_GET_ISSUER_CERT':
    case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
      return certificate.chain.length === 1 ? 'incomplete' : 'unknownIssuer';
    case 'CERT_HAS_EXPIRED':
      return 'expired';
    case 'CERT_NOT_YET_VALID':
      return 'notYetValid';
    case 'CERT_REVOKED':
      return 'revoked';
    // Not the issuer: the certificate carries a critical extension that browsers do not understand.
    case 'UNHANDLED_CRITICAL_EXTENSION':
      return 'criticalExtension';
    default:
      return 'other';
  }
}

const ADVICE: Record<Problem, string> = {
  selfSigned: 'installTrusted',
  untrustedRoot: 'installTrusted',
  unknownIssuer: 'installTrusted',
  revoked: 'installTrusted',
  other: 'installTrusted',
  criticalExtension: 'reissueWithoutExtension',
  incomplete: 'sendChain',
  expired: 'renew',
  notYetValid: 'checkDates',
};

/** The per-host judgement, shared with the mail twin (src/scan/checks/mail/transport). */
export function judge(host: string, tls: TlsEvidence): HostVerdict {
  const certificate = certificateOf(host, tls);
  if ('status' in certificate) return certificate;
  const evidence = { trusted: certificate.trusted, trustError: certificate.trustError, chain: certificate.chain.map((cert) => cert.subject) };
  if (certificate.trusted) {
    const issuer = certificate.chain[0]?.issuer ?? '';
    return hostVerdict(host, 'pass', 'pass', { issuer: /(?:^|, )CN=([^,]+)/.exec(issuer)?.[1] ?? issuer }, [], evidence);
  }
  const problem = problemOf(certificate);
  const reason = problem === 'criticalExtension' ? (certificate.unknownCriticalExtensions ?? []).join(', ') || 'unknown' : (certificate.trustError ?? 'unknown');
  return hostVerdict(host, 'fail', problem, { reason }, [msg(ADVICE[problem], { host })], evidence);
}

export const certTrust: Check = {
  id: 'web.cert.trust',
  texts: withTlsTexts({
    en: {
      title: 'Certificate trusted',
      verifies:
        "The website's certificate is issued by an authority browsers trust, and the server sends the complete chain of certificates up to that authority.",
      pass: 'The certificate of {{host}} is trusted (issued by {{issuer}}).',
      selfSigned: 'The certificate of {{host}} is self-signed: it vouches for itself, so browsers show a security warning.',
      untrustedRoot: 'The certificate chain of {{host}} ends at an authority that browsers do not trust, so they show a security warning.',
      incomplete:
        '{{host}} sends its certificate without the intermediate certificate(s), or the certificate comes from an authority browsers do not know; many browsers and apps then show a security warning.',
      unknownIssuer: 'The certificate of {{host}} was issued by an authority that browsers do not trust, so they show a security warning.',
      expired: 'The certificate chain of {{host}} does not validate because a certificate in it has expired; browsers show a security warning.',
      notYetValid: 'The certificate of {{host}} is not valid yet, so browsers show a security warning.',
      revoked: 'The certificate of {{host}} has been revoked by its issuer.',
      criticalExtension: 'The certificate of {{host}} contains a part marked critical that browsers do not understand ({{reason}}), so they must reject it and show a security warning.',
      reissueWithoutExtension:
        'Have the certificate for {{host}} issued again without the unusual critical extension; an ordinary certificate from a publicly trusted authority (such as a free Let\'s Encrypt certificate from your hosting control panel) does not have one.',
      other: 'The certificate of {{host}} could not be validated ({{reason}}), so browsers may show a security warning.',
      installTrusted:
        "Install a certificate from a publicly trusted certificate authority on {{host}}. Most hosting control panels offer a free Let's Encrypt certificate with one click; otherwise ask your hosting provider.",
      sendChain:
        'Configure {{host}} to send the intermediate certificate(s) along with its own certificate: in nginx point ssl_certificate to the full-chain file (fullchain.pem), in Apache add the chain to SSLCertificateFile. In a hosting panel, paste the "CA bundle" next to the certificate, or ask your hosting provider.',
      renew:
        "Renew the certificate of {{host}} and turn on automatic renewal (Let's Encrypt does this every 60 to 90 days), or ask your hosting provider.",
      checkDates: 'Check that the clock of the server of {{host}} is right and that the certificate installed is the current one.',
    },
    nl: {
      title: 'Certificaat vertrouwd',
      verifies:
        'Het certificaat van de website is uitgegeven door een autoriteit die browsers vertrouwen, en de server stuurt de volledige keten van certificaten tot die autoriteit mee.',
      pass: 'Het certificaat van {{host}} wordt vertrouwd (uitgegeven door {{issuer}}).',
      selfSigned: 'Het certificaat van {{host}} is zelfondertekend: het staat voor zichzelf in, dus browsers tonen een beveiligingswaarschuwing.',
      untrustedRoot: 'De certificaatketen van {{host}} eindigt bij een autoriteit die browsers niet vertrouwen, dus zij tonen een beveiligingswaarschuwing.',
      incomplete:
        '{{host}} stuurt zijn certificaat zonder de tussencertificaten mee, of het certificaat komt van een autoriteit die browsers niet kennen; veel browsers en apps tonen dan een beveiligingswaarschuwing.',
      unknownIssuer: 'Het certificaat van {{host}} is uitgegeven door een autoriteit die browsers niet vertrouwen, dus zij tonen een beveiligingswaarschuwing.',
      expired: 'De certificaatketen van {{host}} is niet geldig omdat er een certificaat in is verlopen; browsers tonen een beveiligingswaarschuwing.',
      notYetValid: 'Het certificaat van {{host}} is nog niet geldig, dus browsers tonen een beveiligingswaarschuwing.',
      revoked: 'Het certificaat van {{host}} is door de uitgever ingetrokken.',
      criticalExtension: 'Het certificaat van {{host}} bevat een als kritiek gemarkeerd onderdeel dat browsers niet kennen ({{reason}}), dus zij moeten het weigeren en tonen een beveiligingswaarschuwing.',
      reissueWithoutExtension:
        'Laat het certificaat voor {{host}} opnieuw uitgeven zonder de ongebruikelijke kritieke extensie; een gewoon certificaat van een publiek vertrouwde autoriteit (zoals een gratis Let\'s Encrypt-certificaat uit uw hostingpaneel) heeft die niet.',
      other: 'Het certificaat van {{host}} kon niet worden gevalideerd ({{reason}}), dus browsers kunnen een beveiligingswaarschuwing tonen.',
      installTrusted:
        "Installeer op {{host}} een certificaat van een publiek vertrouwde certificaatautoriteit. De meeste hostingpanelen bieden met één klik een gratis Let's Encrypt-certificaat; vraag het anders aan uw hostingprovider.",
      sendChain:
        'Stel {{host}} zo in dat de tussencertificaten met het eigen certificaat worden meegestuurd: laat in nginx ssl_certificate naar het full-chain-bestand (fullchain.pem) wijzen, voeg in Apache de keten toe aan SSLCertificateFile. Plak in een hostingpaneel de "CA-bundel" naast het certificaat, of vraag het uw hostingprovider.',
      renew:
        "Vernieuw het certificaat van {{host}} en zet automatisch vernieuwen aan (Let's Encrypt doet dat elke 60 tot 90 dagen), of vraag het uw hostingprovider.",
      checkDates: 'Controleer of de klok van de server van {{host}} goed staat en of het actuele certificaat is geïnstalleerd.',
    },
    sv: {
      title: 'Betrott certifikat',
      verifies:
        'Webbplatsens certifikat är utfärdat av en utfärdare som webbläsare litar på, och servern skickar hela kedjan av certifikat upp till den utfärdaren.',
      pass: 'Certifikatet för {{host}} är betrott (utfärdat av {{issuer}}).',
      selfSigned: 'Certifikatet för {{host}} är självsignerat: det går i god för sig själv, så webbläsare visar en säkerhetsvarning.',
      untrustedRoot: 'Certifikatkedjan för {{host}} slutar hos en utfärdare som webbläsare inte litar på, så de visar en säkerhetsvarning.',
      incomplete:
        '{{host}} skickar sitt certifikat utan mellanliggande certifikat, eller så kommer certifikatet från en utfärdare som webbläsare inte känner till; många webbläsare och appar visar då en säkerhetsvarning.',
      unknownIssuer: 'Certifikatet för {{host}} är utfärdat av en utfärdare som webbläsare inte litar på, så de visar en säkerhetsvarning.',
      expired: 'Certifikatkedjan för {{host}} är inte giltig eftersom ett certifikat i den har gått ut; webbläsare visar en säkerhetsvarning.',
      notYetValid: 'Certifikatet för {{host}} är inte giltigt ännu, så webbläsare visar en säkerhetsvarning.',
      revoked: 'Certifikatet för {{host}} har återkallats av utfärdaren.',
      criticalExtension: 'Certifikatet för {{host}} innehåller en del som är märkt kritisk och som webbläsare inte förstår ({{reason}}), så de måste avvisa det och visar en säkerhetsvarning.',
      reissueWithoutExtension:
        'Låt utfärda certifikatet för {{host}} på nytt utan det ovanliga kritiska tillägget; ett vanligt certifikat från en allmänt betrodd utfärdare (som ett gratis Let\'s Encrypt-certifikat från webbhotellets kontrollpanel) har inget sådant.',
      other: 'Certifikatet för {{host}} kunde inte valideras ({{reason}}), så webbläsare kan visa en säkerhetsvarning.',
      installTrusted:
        "Installera ett certifikat från en allmänt betrodd certifikatutfärdare på {{host}}. De flesta kontrollpaneler hos webbhotell erbjuder ett gratis Let's Encrypt-certifikat med ett klick; fråga annars ditt webbhotell.",
      sendChain:
        'Ställ in {{host}} så att de mellanliggande certifikaten skickas med det egna certifikatet: i nginx pekar du ssl_certificate på filen med hela kedjan (fullchain.pem), i Apache lägger du till kedjan i SSLCertificateFile. I en kontrollpanel klistrar du in "CA-paketet" bredvid certifikatet, eller frågar ditt webbhotell.',
      renew:
        "Förnya certifikatet för {{host}} och slå på automatisk förnyelse (Let's Encrypt gör det var 60:e till 90:e dag), eller fråga ditt webbhotell.",
      checkDates: 'Kontrollera att klockan på servern för {{host}} går rätt och att det aktuella certifikatet är installerat.',
    },
  }),
  run: (evidence) => judgeTlsHosts(evidence, judge),
};
