/**
 * web.cert.hostname: the certificate covers the host name the visitor typed (checked with
 * Node's tls.checkServerIdentity against subjectAltName; a certificate with a common
 * name only fails, as in browsers).
 */
import { msg, type Check } from '../../../check.js';
import type { TlsEvidence } from '../../../evidence/index.js';
import { withTlsTexts } from './common-texts.js';
import { certificateOf, hostVerdict, judgeTlsHosts, type HostVerdict } from './hosts.js';

/** The names a certificate is valid for, as a short list for a sentence. */
function namesOf(certificate: NonNullable<TlsEvidence['certificate']>): string {
  const leaf = certificate.chain[0];
  const names = (leaf?.subjectAltNames ?? []).map((name) => name.replace(/^(DNS|IP Address):/, ''));
  if (names.length === 0 && leaf?.commonName) names.push(leaf.commonName);
  const shown = names.slice(0, 5).join(', ');
  return names.length > 5 ? `${shown}, …` : shown || '-';
}

/** The per-host judgement, shared with the mail twin (src/scan/checks/mail/transport). */
export function judge(host: string, tls: TlsEvidence): HostVerdict {
  const certificate = certificateOf(host, tls);
  if ('status' in certificate) return certificate;
  const names = namesOf(certificate);
  const evidence = { hostnameMatches: certificate.hostnameMatches, hostnameError: certificate.hostnameError, names: certificate.chain[0]?.subjectAltNames ?? [] };
  // Node falls back to the common name when there is no subjectAltName; browsers do not (RFC 6125).
  const hasSan = (certificate.chain[0]?.subjectAltNames ?? []).some((name) => /^(DNS|IP Address):/.test(name));
  if (!hasSan) return hostVerdict(host, 'fail', 'failNoSan', { names }, [msg('fix', { host })], evidence);
  if (certificate.hostnameMatches) return hostVerdict(host, 'pass', 'pass', {}, [], evidence);
  return hostVerdict(host, 'fail', 'fail', { names }, [msg('fix', { host })], evidence);
}

export const certHostname: Check = {
  id: 'web.cert.hostname',
  texts: withTlsTexts({
    en: {
      title: 'Certificate matches the name',
      verifies: "The website's certificate is issued for the exact name visitors use (with and without www), so browsers accept it without a warning.",
      pass: 'The certificate of {{host}} is valid for that name.',
      fail: 'The certificate of {{host}} is not valid for that name (it covers: {{names}}), so browsers show a security warning.',
      failNoSan: 'The certificate of {{host}} names the site only in its old "common name" field ({{names}}) and has no subjectAltName list, which browsers require, so they show a security warning.',
      fix: "Get a certificate that also covers {{host}}: when requesting or renewing it in your hosting panel or with Let's Encrypt, include both the name with and without www. Ask your hosting provider if the panel does not offer this.",
    },
    nl: {
      title: 'Certificaat past bij de naam',
      verifies: 'Het certificaat van de website is uitgegeven voor precies de naam die bezoekers gebruiken (met en zonder www), zodat browsers het zonder waarschuwing accepteren.',
      pass: 'Het certificaat van {{host}} is geldig voor die naam.',
      fail: 'Het certificaat van {{host}} is niet geldig voor die naam (het dekt: {{names}}), dus browsers tonen een beveiligingswaarschuwing.',
      failNoSan: 'Het certificaat van {{host}} noemt de site alleen in het oude veld "common name" ({{names}}) en heeft geen subjectAltName-lijst, die browsers vereisen, dus zij tonen een beveiligingswaarschuwing.',
      fix: "Vraag een certificaat aan dat ook {{host}} dekt: neem bij het aanvragen of vernieuwen in uw hostingpaneel of bij Let's Encrypt zowel de naam met als zonder www op. Vraag het uw hostingprovider als het paneel dat niet biedt.",
    },
    sv: {
      title: 'Certifikatet matchar namnet',
      verifies: 'Webbplatsens certifikat är utfärdat för exakt det namn besökarna använder (med och utan www), så att webbläsare godtar det utan varning.',
      pass: 'Certifikatet för {{host}} är giltigt för det namnet.',
      fail: 'Certifikatet för {{host}} är inte giltigt för det namnet (det täcker: {{names}}), så webbläsare visar en säkerhetsvarning.',
      failNoSan: 'Certifikatet för {{host}} anger webbplatsen bara i det gamla fältet "common name" ({{names}}) och saknar listan subjectAltName, som webbläsare kräver, så de visar en säkerhetsvarning.',
      fix: "Skaffa ett certifikat som också täcker {{host}}: ta med namnet både med och utan www när du beställer eller förnyar det i kontrollpanelen eller hos Let's Encrypt. Fråga ditt webbhotell om panelen inte erbjuder det.",
    },
  }),
  run: (evidence) => judgeTlsHosts(evidence, judge),
};
