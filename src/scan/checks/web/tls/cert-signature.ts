/**
 * web.cert.signature: no certificate below the root is signed with SHA-1 or MD5 (a root's
 * signature on itself does not count: browsers trust the root as such, not by its
 * signature). SHA-224 or an unrecognised algorithm warns.
 */
import { msg, type Check } from '../../../check.js';
import type { TlsEvidence } from '../../../evidence/index.js';
import { signatureGrade } from '../../../tls-policy.js';
import { withTlsTexts } from './common-texts.js';
import { belowRoot, certName, certificateOf, hostVerdict, judgeTlsHosts, type HostVerdict } from './hosts.js';

/** The per-host judgement, shared with the mail twin (src/scan/checks/mail/transport). */
export function judge(host: string, tls: TlsEvidence): HostVerdict {
  const certificate = certificateOf(host, tls);
  if ('status' in certificate) return certificate;
  const graded = belowRoot(certificate.chain).map((cert) => ({ name: certName(cert), algorithm: cert.signatureAlgorithm, grade: signatureGrade(cert.signatureAlgorithm) }));
  const evidence = { signatures: graded };
  const list = (grade: string): string =>
    graded
      .filter((entry) => entry.grade === grade)
      .map((entry) => `${entry.name} (${entry.algorithm})`)
      .join(', ');
  const weak = list('insufficient');
  if (weak) return hostVerdict(host, 'fail', 'fail', { certs: weak }, [msg('reissue', { host })], evidence);
  const doubtful = list('phase-out');
  if (doubtful) return hostVerdict(host, 'warn', 'warn', { certs: doubtful }, [msg('reissue', { host })], evidence);
  return hostVerdict(host, 'pass', 'pass', { algorithm: graded[0]?.algorithm ?? '' }, [], evidence);
}

export const certSignature: Check = {
  id: 'web.cert.signature',
  texts: withTlsTexts({
    en: {
      title: 'Certificate signatures',
      verifies:
        'The certificates the website sends (apart from the root) are signed with a secure hash function such as SHA-256, not with the broken SHA-1 or MD5.',
      pass: 'The certificates of {{host}} are signed securely ({{algorithm}}).',
      warn: 'Some certificates of {{host}} are signed with a weaker or unrecognised method: {{certs}}.',
      fail: 'Some certificates of {{host}} are signed with a broken hash function: {{certs}}. Such signatures can be forged, and browsers reject them.',
      reissue:
        'Have the certificate of {{host}} reissued (and install the current intermediate certificates that come with it) so that everything is signed with SHA-256 or better. Any current certificate authority, including Let\'s Encrypt, does this; ask your hosting provider if you did not install the certificate yourself.',
    },
    nl: {
      title: 'Handtekeningen van certificaten',
      verifies:
        'De certificaten die de website meestuurt (behalve de root) zijn ondertekend met een veilige hashfunctie zoals SHA-256, niet met het gebroken SHA-1 of MD5.',
      pass: 'De certificaten van {{host}} zijn veilig ondertekend ({{algorithm}}).',
      warn: 'Sommige certificaten van {{host}} zijn ondertekend met een zwakkere of onbekende methode: {{certs}}.',
      fail: 'Sommige certificaten van {{host}} zijn ondertekend met een gebroken hashfunctie: {{certs}}. Zulke handtekeningen zijn te vervalsen, en browsers weigeren ze.',
      reissue:
        "Laat het certificaat van {{host}} opnieuw uitgeven (en installeer de actuele tussencertificaten die erbij horen), zodat alles met SHA-256 of beter is ondertekend. Elke actuele certificaatautoriteit, ook Let's Encrypt, doet dat; vraag het uw hostingprovider als u het certificaat niet zelf hebt geïnstalleerd.",
    },
    sv: {
      title: 'Certifikatsignaturer',
      verifies:
        'Certifikaten som webbplatsen skickar (utom roten) är signerade med en säker hashfunktion som SHA-256, inte med de knäckta SHA-1 eller MD5.',
      pass: 'Certifikaten för {{host}} är säkert signerade ({{algorithm}}).',
      warn: 'Vissa certifikat för {{host}} är signerade med en svagare eller okänd metod: {{certs}}.',
      fail: 'Vissa certifikat för {{host}} är signerade med en knäckt hashfunktion: {{certs}}. Sådana signaturer kan förfalskas, och webbläsare avvisar dem.',
      reissue:
        "Låt utfärda certifikatet för {{host}} på nytt (och installera de aktuella mellanliggande certifikaten som hör till) så att allt är signerat med SHA-256 eller bättre. Alla aktuella certifikatutfärdare, även Let's Encrypt, gör det; fråga ditt webbhotell om du inte installerade certifikatet själv.",
    },
  }),
  run: (evidence) => judgeTlsHosts(evidence, judge),
};
